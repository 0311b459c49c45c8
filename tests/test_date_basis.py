"""Where a date came from is data, from the tagger to every output: a diary whose entries are headed
by day and month only shows "year from context" in the reader, the JSON export and TEI; a year the
claims complete and a date they reckon are stored in the date layer, equal to the event's date."""
from __future__ import annotations

import pytest

from quellen import Settings, build, export_dict, open_store
from quellen.model import DateBasis

#: the corpus-wide sentence embeddings are not what these tests are about
FAST = Settings().with_overrides({"reuse.embeddings": False})

DIARY = ("THE DIARY OF MARTHA HALE\n\nMonday, March 10.\n\nRain all day. The river rose over the lower meadow "
         "and the miller came up to the house.\n\nTuesday, March 11.\n\nThe bridge fell in the night. Mr. Crane "
         "rode to Oxley with the news.\n\nWednesday, March 12.\n\nThe vestry met at noon.\n\nA letter from my "
         "brother is dated 14 March 1862 and tells of the flood at Oxley.\n")
#: a narrative that names a day and month before the full date that gives its year: the tagger leaves
#: "January 22" without a year (nothing before it anchors it); the claims complete it from the date after
FRAME = ("On January 22 the envoy left the city with his papers. He reached the coast on 25 January 1929 and "
         "sailed the same evening. A week after this the consul wrote to the minister.\n")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    folder = tmp_path_factory.mktemp("basis")
    (folder / "diary.txt").write_text(DIARY, encoding="utf-8")
    (folder / "frame.txt").write_text(FRAME, encoding="utf-8")
    db = folder / "basis.db"
    with open_store(db) as store:
        build([str(folder / "diary.txt"), str(folder / "frame.txt")], store, FAST)
    return db


def _diary_entries(store):
    return [d for d in store.documents() if d.kind == "diary" and d.date is not None]


def test_a_diary_of_yearless_heads_shows_year_from_context_in_the_json_export(store_path):
    with open_store(store_path) as store:
        entries = _diary_entries(store)
        data = export_dict(store)
    assert [d.date.edtf for d in entries] == ["1862-03-10", "1862-03-11", "1862-03-12"]
    assert {d.date.basis for d in entries} == {DateBasis.YEAR_FROM_CONTEXT}
    exported = {d["id"]: d["date"] for d in data["documents"]}
    assert {exported[d.id]["basis"] for d in entries} == {"year_from_context"}


def test_a_diary_of_yearless_heads_shows_year_from_context_in_tei(store_path):
    from lxml import etree
    from quellen.export.tei import TEI_NS, to_tree
    with open_store(store_path) as store:
        tree = to_tree(store)
    # the entries' heads, inline in the text and in each entry's note of its date
    dates = [el for el in tree.iter(f"{{{TEI_NS}}}date") if (el.text or "").startswith("March 1")]
    assert dates and all(el.get("evidence") == "internal year_from_context" and el.get("cert") == "medium"
                         for el in dates), [etree.tostring(el) for el in dates]


def test_a_diary_of_yearless_heads_shows_year_from_context_in_the_reader(store_path):
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient
    from quellen.web.app import create_app
    with open_store(store_path) as store:
        entry = _diary_entries(store)[1]
    with TestClient(create_app(store_path), base_url="http://localhost") as client:
        data = client.get(f"/documents/{entry.id}.json").json()
        page = client.get(f"/documents/{entry.id}").text
    assert data["date_basis"]["code"] == "year_from_context"
    assert "year from context" in data["date_basis"]["explain"]
    assert "year from context" in page


def test_the_reader_says_where_a_completed_year_came_from(store_path):
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient
    from quellen.web.app import create_app
    with open_store(store_path) as store:
        frame = next(d for d in store.documents() if "envoy" in store.source(d.source).text[d.char_start:d.char_end])
    with TestClient(create_app(store_path), base_url="http://localhost") as client:
        data = client.get(f"/documents/{frame.id}.json").json()
        page = client.get(f"/documents/{frame.id}").text
    assert {t["text"]: t["basis"] for t in data["timexes"]}["January 22"] == "year_from_context"
    assert "year inferred from “1929-01-25”" in page


def test_a_completed_year_and_a_reckoned_date_are_stored_as_the_events_say(store_path):
    """The tagger leaves "January 22" without a year and counts nothing from "a week after this"; the
    claims give both a date. Before, the events said 1929-01-22 and 1929-02-01 while the stored date
    layer (the reader, TEI, TimeML) kept XXXX-01-22 and a duration."""
    with open_store(store_path) as store:
        timexes = {t.text: t for t in store.timexes() if t.document and "frame" not in t.text}
        events = store.events()
    left = timexes["January 22"]
    assert left.value == "1929-01-22" and left.date.basis is DateBasis.YEAR_FROM_CONTEXT
    reckoned = timexes["A week after this"]
    assert reckoned.value == "1929-02-01" and reckoned.date.basis is DateBasis.RECKONED
    by_summary = {e.summary: e for e in events}
    envoy = next(e for s, e in by_summary.items() if "envoy left" in s)
    consul = next(e for s, e in by_summary.items() if "consul wrote" in s)
    assert envoy.date == left.date
    assert consul.date == reckoned.date


def test_the_contract_names_every_basis():
    import json
    from pathlib import Path
    docs = Path(__file__).resolve().parents[1] / "docs"
    schema = json.loads((docs / "schema" / "quellen-export-v1.schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["date"]["properties"]["basis"]["enum"] == [b.value for b in DateBasis]
    contract = (docs / "CONTRACT.md").read_text(encoding="utf-8")
    assert all(f"`{b.value}`" in contract for b in DateBasis)
