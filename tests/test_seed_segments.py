"""Quality floors for segmentation on the seed, scored by the shared scorer.

Two views: the segmenter alone (fast, and independent of the other pipeline
steps), and the full build through the ``seed_scores`` fixture. Floors sit at
the issue's thresholds or at what is reached, rounded down, whichever is higher.

Date accuracy is below the 0.80 the dates issue hoped for: most of the eighteen
dated gold segments carry a date the text never states (the gold infers them
from outside knowledge, see the seed README, "Undated documents"). From the text
alone: the resolution is dated by the receipt that quotes it, and the undated
statements, telegram and letter after the 1929 frame take its year as an
inferred date (12 of 18). The rest would need outside knowledge or guessing.
"""
from __future__ import annotations

import hashlib
import json
import re

import pytest

from quellen.model import Source
from quellen.segment import segment

from conftest import SCORER, SEED_GOLD, SEED_TEXT, load_script  # noqa: E402

pytestmark = pytest.mark.gate

FLOORS = {"boundaries": 0.95, "kind_accuracy": 0.90, "author_accuracy": 0.80, "furniture_recall": 0.95,
          "date_accuracy": 0.65}
ISSUE = {"boundaries": 0.85, "kind_accuracy": 0.80, "author_accuracy": 0.70, "furniture_recall": 0.90}


def _scorer():
    return load_script(SCORER, "quellen_scorer_seg")


def _export(source: Source, sha: str, documents: list[dict]) -> dict:
    """Return a contract-shaped export of the seed's one source and ``documents``."""
    return {"sources": [{"id": source.id, "name": source.name, "sha256": sha, "media_type": "text/plain",
                         "text": source.text}], "documents": documents}


@pytest.fixture(scope="module")
def seed_source():
    """Return (source, sha256, gold) for the seed, read as the build reads a plain-text file."""
    data = SEED_TEXT.read_bytes()
    text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    sha = hashlib.sha256(data).hexdigest()
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    return Source(Source.make_id(sha), SEED_TEXT.name, sha, "text/plain", text), sha, gold


@pytest.fixture(scope="module")
def direct_scores(seed_source):
    """Return the scorer's segment figures for segment() run on the seed alone."""
    source, sha, gold = seed_source
    docs = segment(source)
    export = _export(source, sha, [
        {"id": d.id, "source": d.source, "char_start": d.char_start, "char_end": d.char_end, "kind": d.kind,
         "author": {"name": d.author.name, "entity": None} if d.author else None,
         "date": d.date.to_json() if d.date else None} for d in docs])
    return _scorer().score(export, gold)["segments"]


def _check(segs: dict, floors: dict) -> None:
    assert segs["boundaries"]["f1"] >= floors["boundaries"], segs
    for key in ("kind_accuracy", "author_accuracy", "furniture_recall", "date_accuracy"):
        if key in floors:
            assert segs[key] >= floors[key], (key, segs)


def test_the_floors_keep_the_issue_and_reject_a_broken_segmentation(seed_source):
    # the floors never sink below the issue's thresholds, and they tell a broken segmenter from a
    # working one with this scorer and gold: the whole seed as one document, every paragraph a
    # document, and the gold's own starts with no kind, author or date each fail them
    source, sha, gold = seed_source
    assert all(FLOORS[key] >= value for key, value in ISSUE.items()), (FLOORS, ISSUE)
    text = source.text
    line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
    starts = [line_starts[g["first_line"] - 1] for g in gold["segments"]]
    broken = {
        "one document": [(0, len(text), "commentary")],
        "every paragraph": [(*m.span(), "commentary") for m in re.finditer(r"\S[^\n]*", text)],
        "starts only": [(a, b, None) for a, b in zip(starts, [*starts[1:], len(text)])],
    }
    for label, spans in broken.items():
        docs = [{"id": f"d{i}", "source": source.id, "char_start": a, "char_end": b, "kind": kind,
                 "author": None, "date": None} for i, (a, b, kind) in enumerate(spans)]
        segs = _scorer().score(_export(source, sha, docs), gold)["segments"]
        with pytest.raises(AssertionError):
            _check(segs, FLOORS)
        if label == "starts only":  # the boundaries are right: the other figures must catch it
            assert segs["boundaries"]["f1"] == 1.0 and segs["kind_accuracy"] < FLOORS["kind_accuracy"], segs


def test_segmenter_alone_meets_the_floors(direct_scores):
    _check(direct_scores, FLOORS)


@pytest.mark.slow
def test_full_build_meets_the_floors(seed_scores):
    # the whole pipeline can only add to the documents (entity links, ...), never move them
    _check(seed_scores["segments"], FLOORS)


def _seed_documents():
    data = SEED_TEXT.read_bytes()
    text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    source = Source(Source.make_id(hashlib.sha256(data).hexdigest()), SEED_TEXT.name, "0", "text/plain", text)
    return text, segment(source)


def test_the_resolution_is_dated_by_the_receipt_that_quotes_it_not_by_its_hand_over():
    text, docs = _seed_documents()
    line = lambda d: text.count("\n", 0, d.char_start) + 1  # noqa: E731
    resolution = next(d for d in docs if line(d) == 53)
    assert resolution.kind == "resolution" and resolution.date.edtf == "1929-01-18"
    assert "referred to later" in resolution.date.rule


def test_inferred_seed_dates_are_years_and_flagged():
    from quellen.segment.dating import inferred
    _, docs = _seed_documents()
    placed = [d for d in docs if inferred(d.date)]
    assert placed and all(d.date.precision == "year" and d.date.edtf.endswith("?") for d in placed)
    assert all(d.kind in ("letter", "telegram", "statement", "resolution", "proclamation", "report", "receipt")
               for d in placed)
