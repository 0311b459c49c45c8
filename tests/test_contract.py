"""The export keeps the public contract: it validates against docs/schema/quellen-export-v1.schema.json."""
from __future__ import annotations

import json

import pytest

from conftest import SCHEMA_DIR

SCHEMA = SCHEMA_DIR / "quellen-export-v1.schema.json"
pytestmark = pytest.mark.gate  # under CI a skip (jsonschema missing) fails


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _problems(validator, data) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in validator.iter_errors(data)][:20]


def test_the_seed_export_keeps_the_contract(validator, seed_build):
    _, data = seed_build
    assert not _problems(validator, data)


def test_a_mixed_format_export_keeps_the_contract(validator, sample_build, tmp_path):
    """The sample corpus: every reader, reuse, a conflict, places with geo."""
    from quellen.cli import main
    code, err, db = sample_build  # `quellen build examples/`, once per session (tests/conftest.py)
    out = tmp_path / "export.json"
    assert code == 0, err
    assert main(["export", "--db", str(db), "--format", "json", "--output", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["documents"] and data["events"] and data["reuse"]
    assert not _problems(validator, data)


def test_a_date_with_an_elided_year_keeps_the_contract(validator):
    """"Aug. 4, 17—": EDTF and as_written keep the unknown digits as X, the interval spans the century."""
    import jsonschema

    from quellen.extract.dates import parse_date
    from quellen.model import Date
    date = parse_date("Paris, Aug. 4, 17—.")
    data = date.to_json()
    assert (data["edtf"], data["as_written"], data["precision"]) == ("17XX-08-04", "17XX-08-04", "century")
    date_schema = {**validator.schema["$defs"]["date"], "$defs": validator.schema["$defs"]}
    jsonschema.validate(data, date_schema)
    assert Date.from_json(data) == date
