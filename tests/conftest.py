"""Shared fixtures: the seed corpus built once per test session, and the scorer."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: the quality gate, inside the repository: the scorer and the gold corpora (eval/), the contract (docs/)
EVAL = ROOT / "eval"
CORPORA = EVAL / "corpora"
SEED = CORPORA / "seed"
SEED_TEXT = SEED / "000_a71d0fe14f23c818.txt"
SEED_GOLD = SEED / "gold.json"
SCORER = EVAL / "score.py"
SCHEMA_DIR = ROOT / "docs" / "schema"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _load_scorer():
    spec = importlib.util.spec_from_file_location("quellen_scorer", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """Return (db path, export dict) for the seed corpus, built once per session."""
    from quellen import build, export_dict, open_store
    db = tmp_path_factory.mktemp("seed") / "seed.db"
    with open_store(db) as store:
        report = build([str(SEED_TEXT)], store)
        assert report.ok, report.failed
        data = export_dict(store)
    return db, data


@pytest.fixture(scope="session")
def seed_scores(seed_build):
    """Return the scorer's figures for a fresh export of the seed."""
    _, data = seed_build
    scorer = _load_scorer()
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    return scorer.score(json.loads(json.dumps(data)), gold)


@pytest.fixture(scope="session")
def small_store(tmp_path_factory):
    """Return the path of a small hand-made store (tests/fixtures/web/make_store.py): every layer
    filled, one Julian date, a reuse group, a conflict and a hostile document."""
    spec = importlib.util.spec_from_file_location("quellen_fixture_store", FIXTURES / "web" / "make_store.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_store(tmp_path_factory.mktemp("small") / "small.db")
