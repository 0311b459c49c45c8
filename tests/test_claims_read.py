"""A diary entry headed by its date and then its weekday ("April 10th, 1846. Friday.") is dated once:
the weekday is the same date line, not a second dating event."""
from __future__ import annotations

from conftest import events_of

DIARY = ("The Journal of Ann Pell\n\n"
         "April 10th, 1846. Friday. Visited the sick in Mill Lane.\n\n"
         "April 11th, 1846. Sunday. The mill stood idle this morning.\n")


def test_a_weekday_after_the_date_line_is_no_second_dating(tmp_path):
    events = events_of(tmp_path, "diary.txt", DIARY)
    dated = [e["summary"] for e in events if " dated " in e["summary"]]
    assert [s for s in dated if "Friday" in s] == []
    assert any("April 10th, 1846" in s for s in dated)
    # a weekday that names another day than the date is kept: the writer's slip is the historian's to see
    assert any("April 11th, 1846" in s for s in dated) and any("Sunday" in s for s in dated)


LETTER = ("Quarry Row, 3 May 1851.\n\nMadam,\n\nThe chapel roof fell in on Thursday the 1st, and no one was hurt.\n\n"
          "I remain, Madam,\nYour humble servant,\nTobias Wrenn.\n")


def test_a_letters_date_line_and_valediction_are_no_events(tmp_path):
    summaries = [e["summary"] for e in events_of(tmp_path, "letter.txt", LETTER)]
    assert not any(s.startswith(("I remain", "Quarry")) for s in summaries), summaries
    assert any("roof" in s for s in summaries) and any(" dated 3 May 1851" in s for s in summaries), summaries
