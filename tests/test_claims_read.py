"""A diary entry headed by its date and then its weekday ("April 10th, 1846. Friday.") is dated once:
the weekday is the same date line, not a second dating event."""
from __future__ import annotations

from quellen import Settings, build, export_dict, open_store

FAST = Settings().with_overrides({"reuse.embeddings": False})

DIARY = ("The Journal of Ann Pell\n\n"
         "April 10th, 1846. Friday. Visited the sick in Mill Lane.\n\n"
         "April 11th, 1846. Sunday. The mill stood idle this morning.\n")


def test_a_weekday_after_the_date_line_is_no_second_dating(tmp_path):
    (tmp_path / "diary.txt").write_text(DIARY, encoding="utf-8")
    with open_store(tmp_path / "q.db") as store:
        build([str(tmp_path / "diary.txt")], store, FAST)
        events = export_dict(store)["events"]
    dated = [e["summary"] for e in events if " dated " in e["summary"]]
    assert [s for s in dated if "Friday" in s] == []
    assert any("April 10th, 1846" in s for s in dated)
    # a weekday that names another day than the date is kept: the writer's slip is the historian's to see
    assert any("April 11th, 1846" in s for s in dated) and any("Sunday" in s for s in dated)
