"""The sample corpus in examples/: the README's main command builds it cleanly, and finds its documents."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from quellen.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

SOURCES = {
    "1862-03-12_telegram_crale.txt": "text/plain",
    "1862-03-14_letter_eliza_wren.txt": "text/plain",
    "1862-03-17_vestry_minutes.pdf": "application/pdf",
    "1862-03-20_letter_dr_kell.html": "text/html",
    "1889_recollections_crale.md": "text/markdown",
    "1911_commentary_dapple.html": "text/html",
    "harriet_oakes_diary_1862.xhtml": "application/xhtml+xml",
}


@pytest.fixture(scope="module")
def examples_export(sample_build, tmp_path_factory):
    """Return (exit code, stderr, export dict) of `quellen build examples/` with default settings (the
    session's build, tests/conftest.py), then `quellen export --format json`."""
    import contextlib
    import io
    code, build_err, db = sample_build
    out = tmp_path_factory.mktemp("examples") / "export.json"
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(["export", "--db", str(db), "--format", "json", "--output", str(out)]) == 0
    return code, build_err + err.getvalue(), json.loads(out.read_text(encoding="utf-8"))


def documents_of(data, name):
    source = next(s for s in data["sources"] if s["name"] == name)
    return [(d, source["text"][d["char_start"]:d["char_end"]]) for d in data["documents"]
            if d["source"] == source["id"]]


def test_the_sample_builds_with_exit_zero(examples_export):
    code, err, _ = examples_export
    assert code == 0, err
    assert "error" not in err and "7 added" in err


def test_every_file_is_a_source_read_by_its_reader(examples_export):
    _, _, data = examples_export
    assert {s["name"]: s["media_type"] for s in data["sources"]} == SOURCES  # the README is passed over
    commentary = next(s["text"] for s in data["sources"] if s["name"] == "1911_commentary_dapple.html")
    assert commentary.startswith("The Fall of the Brannock Bridge\n")
    for furniture in ("Other papers", "All rights reserved", "Members", "console.log"):
        assert furniture not in commentary
    minutes = next(s["text"] for s in data["sources"] if s["name"] == "1862-03-17_vestry_minutes.pdf")
    assert "Josiah Pym, Chairman.\n" in minutes and "ferry-boat" in minutes


def test_documents_cover_every_source(examples_export):
    _, _, data = examples_export
    for source in data["sources"]:
        docs = sorted((d["char_start"], d["char_end"]) for d in data["documents"] if d["source"] == source["id"])
        assert docs, source["name"]
        covered = set()
        for start, end in docs:
            covered.update(range(start, end))
        text = source["text"]
        assert all(i in covered for i, ch in enumerate(text) if not ch.isspace()), source["name"]


def test_letters_are_found_with_their_dates(examples_export):
    _, _, data = examples_export
    wren = [(d, t) for d, t in documents_of(data, "1862-03-14_letter_eliza_wren.txt") if d["kind"] == "letter"]
    assert any(t.startswith("Brannockford, Friday, 14 March 1862.") and d["date"]
               and d["date"]["edtf"] == "1862-03-14" for d, t in wren)
    kell = documents_of(data, "1862-03-20_letter_dr_kell.html")
    assert any(d["kind"] == "letter" and d["date"] and d["date"]["edtf"] == "1862-03-20" for d, _ in kell)


def test_diary_entries_start_documents_and_captions_are_captions(examples_export):
    _, _, data = examples_export
    diary = documents_of(data, "harriet_oakes_diary_1862.xhtml")
    starts = [t.split("\n", 1)[0] for _, t in diary]
    for head in ("Monday, March 10th, 1862.", "Tuesday, March 11th, 1862.",
                 "Wednesday, March 12th, 1862.", "Thursday, March 13th, 1862."):
        assert head in starts
    dated = {d["date"]["edtf"] for d, _ in diary if d["date"]}
    assert {"1862-03-10", "1862-03-11", "1862-03-12", "1862-03-13"} <= dated
    captions = [t for d, t in documents_of(data, "1911_commentary_dapple.html") if d["kind"] == "caption"]
    assert len(captions) == 2 and all(t.endswith("| brannockford-history.example") for t in captions)
    assert any(d["kind"] == "caption" and t.startswith("What was left of the bridge") for d, t in diary)


def test_telegram_and_diary_kinds(examples_export):
    _, _, data = examples_export
    assert any(d["kind"] == "telegram" for d, _ in documents_of(data, "1862-03-12_telegram_crale.txt"))
    entries = [d for d, t in documents_of(data, "harriet_oakes_diary_1862.xhtml") if t.startswith(
        ("Monday", "Tuesday", "Wednesday", "Thursday"))]
    assert len(entries) == 4 and all(d["kind"] == "diary" for d in entries)


def test_the_paraphrase_of_wrens_letter_is_found(examples_export):
    _, _, data = examples_export
    ids = {s["id"]: s["name"] for s in data["sources"]}
    linked = [{ids[p["source"]] for p in g["passages"]} for g in data["reuse"]]
    assert {"1862-03-14_letter_eliza_wren.txt", "1911_commentary_dapple.html"} in linked
