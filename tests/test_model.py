import datetime as dt

import pytest
from hypothesis import given, strategies as st

from quellen.model import Date, DateBasis, Document, Span, content_id


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
       st.sampled_from(["gregorian", "julian", "unknown"]), st.sampled_from(list(DateBasis)))
def test_date_json_round_trip(a, b, precision, calendar, basis):
    lo, hi = min(a, b), max(a, b)
    date = Date("t", "e", lo, hi, precision, calendar, as_written=None, rule="r", anchor="x", basis=basis)
    assert Date.from_json(date.to_json()) == date
    assert date.to_json()["basis"] == basis.value


def test_date_basis_defaults_to_stated_and_accepts_its_name():
    day = dt.date(1862, 3, 12)
    assert Date("x", "1862-03-12", day, day, "day").basis is DateBasis.STATED
    assert Date("x", "1862-03-12", day, day, "day", basis="reckoned").basis is DateBasis.RECKONED
    with pytest.raises(ValueError):
        Date("x", "1862-03-12", day, day, "day", basis="guessed")


@pytest.mark.parametrize("rule, basis", [
    ("day-month-year", DateBasis.STATED),
    ("inferred: compilation context (year of the dated text before it)", DateBasis.INFERRED),
    ("day-month-year; from the framing sentence", DateBasis.FRAMING),
    ("day-month-year; referred to later in the source", DateBasis.REFERRED),
    ("month-day+year-of-context", DateBasis.YEAR_FROM_CONTEXT),
    ("day-month; year from context (year of the date after)", DateBasis.YEAR_FROM_CONTEXT),
    ("relative-unit", DateBasis.RECKONED),
    ("publication year", DateBasis.PUBLISHED),
])
def test_a_date_stored_before_bases_gets_the_basis_its_rule_implies(rule, basis):
    day = dt.date(1862, 3, 12)
    old = Date("x", "1862-03-12", day, day, "day", rule=rule).to_json()
    del old["basis"]
    assert Date.from_json(old).basis is basis


def test_span_overlap():
    assert Span("s", 0, 5).overlaps(Span("s", 4, 9))
    assert not Span("s", 0, 5).overlaps(Span("s", 5, 9))
    assert not Span("s", 0, 5).overlaps(Span("t", 0, 5))
    with pytest.raises(ValueError):
        Span("s", 5, 4)


def test_document_id_depends_on_span():
    assert Document.make_id("s", 0, 10) != Document.make_id("s", 0, 11)


def test_every_kind_group_holds_document_kinds_only():
    from quellen import model
    groups = {name: getattr(model, name) for name in model.__all__
              if name.endswith("_KINDS") and name not in ("DOCUMENT_KINDS", "CONFLICT_KINDS")}
    assert len(groups) >= 9
    for name, kinds in groups.items():
        assert kinds and kinds <= set(model.DOCUMENT_KINDS), name
    assert model.NO_EVENT_KINDS <= model.FURNITURE_KINDS
    assert model.RECORD_KINDS < model.PRIMARY_KINDS < model.PRESENT_DATED_KINDS


def test_no_kind_group_is_defined_outside_the_model():
    """One home per concept: a set of document kinds written as a literal elsewhere drifts from the model's."""
    import ast
    from pathlib import Path
    import quellen
    from quellen.model import DOCUMENT_KINDS
    kinds = set(DOCUMENT_KINDS) - {"other"}
    root = Path(quellen.__file__).parent
    found = []
    for path in root.rglob("*.py"):
        if path.name == "model.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and \
                    getattr(node.value.func, "id", "") == "frozenset" and node.value.args and \
                    isinstance(node.value.args[0], (ast.Set, ast.List, ast.Tuple)):
                words = {e.value for e in node.value.args[0].elts if isinstance(e, ast.Constant)}
                if len(words & kinds) >= 3:
                    found.append(f"{path.relative_to(root)}:{node.lineno}")
    assert not found, found


def test_word_lists_are_data_files_read_in_order():
    from quellen.lexicons import words
    from quellen.extract.entities import ROLE_WORDS
    assert ROLE_WORDS == words("role_words") and ROLE_WORDS[:2] == ("writer", "poet")
    assert all(not w.startswith("#") and w == w.strip() for w in words("given_name_variants"))


def test_every_kind_the_segmenter_gives_is_a_kind_of_the_contract():
    """A kind outside DOCUMENT_KINDS breaks the export's schema: the segmenter's newspaper article is one of them."""
    import json
    from pathlib import Path
    from quellen import model
    schema = json.loads((Path(__file__).parents[1] / "docs" / "schema" / "quellen-export-v1.schema.json").read_text())
    assert schema["$defs"]["document"]["properties"]["kind"]["enum"] == list(model.DOCUMENT_KINDS)
    assert "newspaper_article" in model.DOCUMENT_KINDS and "newspaper_article" in model.PRIMARY_KINDS
