import datetime as dt

import pytest
from hypothesis import given, strategies as st

from quellen.model import Date, Document, Span, content_id


def test_content_id_is_stable_and_distinct():
    assert content_id("doc", "a", 1, 2) == content_id("doc", "a", 1, 2)
    assert content_id("doc", "a", 1, 2) != content_id("doc", "a", 1, 3)
    assert content_id("doc", "a").startswith("doc-")


def test_date_refuses_inverted_interval():
    with pytest.raises(ValueError):
        Date("x", "x", dt.date(1900, 1, 2), dt.date(1900, 1, 1), "day")


def test_date_refuses_unknown_precision_and_calendar():
    with pytest.raises(ValueError):
        Date("x", "x", dt.date(1900, 1, 1), dt.date(1900, 1, 1), "week")
    with pytest.raises(ValueError):
        Date("x", "x", dt.date(1900, 1, 1), dt.date(1900, 1, 1), "day", calendar="lunar")


days = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


@given(days, days, st.sampled_from(["day", "month", "year", "decade", "century"]),
       st.sampled_from(["gregorian", "julian", "unknown"]))
def test_date_json_round_trip(a, b, precision, calendar):
    lo, hi = min(a, b), max(a, b)
    date = Date("t", "e", lo, hi, precision, calendar, as_written=None, rule="r", anchor="x")
    assert Date.from_json(date.to_json()) == date


def test_span_overlap():
    assert Span("s", 0, 5).overlaps(Span("s", 4, 9))
    assert not Span("s", 0, 5).overlaps(Span("s", 5, 9))
    assert not Span("s", 0, 5).overlaps(Span("t", 0, 5))
    with pytest.raises(ValueError):
        Span("s", 5, 4)


def test_document_id_depends_on_span():
    assert Document.make_id("s", 0, 10) != Document.make_id("s", 0, 11)
