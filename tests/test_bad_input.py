"""Bad input: each gets one clear message naming the file and the reason; the rest still goes in.

Every case builds a folder holding one good letter plus the bad input, and checks
(1) the error type and message, (2) that the good letter is stored, (3) that the
store holds nothing of the bad input, and through the CLI (4) the exit code and
(5) the summary line at the end.
"""
from __future__ import annotations

import os
import sqlite3

import pytest

from quellen import Settings, build, open_store
from quellen.cli import main
from quellen.errors import (AnalysisFailed, BinaryInput, EmptyInput, FormatMismatch, MissingInput,
                            TooLargeInput, UnreadableInput)

from conftest import FIXTURES

GOOD = ("Lindenhof, 2 April 1911.\n\nDear Aunt Mathilde,\n\nThe ice has gone from the lake "
        "and the ferry runs again.\n\nYour nephew,\nKonrad\n")
#: the corpus-wide layer (sentence embeddings) is not what these tests are about
FAST = Settings().with_overrides({"reuse.embeddings": False})
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(64))


def dump(db) -> list[str]:
    """Return the store's SQL dump without the build log (which records failures by design)."""
    con = sqlite3.connect(str(db))
    try:
        return [line for line in con.iterdump() if '"builds"' not in line and "INTO builds" not in line]
    finally:
        con.close()


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def run_build(paths, db):
    with open_store(db) as store:
        report = build([str(p) for p in paths], store, FAST)
        names = sorted(s.name for s in store.sources())
    return report, names


def only_failure(report, path, kind, reason):
    assert len(report.failed) == 1, [str(e) for e in report.failed]
    failure = report.failed[0]
    assert isinstance(failure, kind), repr(failure)
    assert str(path) in str(failure) and failure.path == str(path)
    assert reason in failure.reason, failure.reason
    return failure


def cli_build(capsys, paths, db):
    # one worker: the tests below patch analysis steps, and a patch lives in this process only
    code = main(["build", *map(str, paths), "--db", str(db), "--set", "reuse.embeddings=false", "--workers", "1"])
    err = capsys.readouterr().err
    return code, err


def check_cli(capsys, paths, db, bad, reason):
    code, err = cli_build(capsys, paths, db)
    assert code == 1
    lines = [line for line in err.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("error:")]
    assert len(errors) == 1 and str(bad) in errors[0] and reason in errors[0], err
    assert "failed" in lines[-1] and "1 failed" in lines[-1], lines[-1]  # the summary comes last


# -- the cases ----------------------------------------------------------------------------
def test_missing_path(corpus, tmp_path, capsys):
    bad = tmp_path / "no-such-letter.txt"
    report, names = run_build([corpus, bad], tmp_path / "q.db")
    only_failure(report, bad, MissingInput, "no such file")
    assert names == ["good.txt"]
    check_cli(capsys, [corpus, bad], tmp_path / "cli.db", bad, "no such file")


def test_empty_file(corpus, tmp_path, capsys):
    bad = corpus / "empty.txt"
    bad.write_bytes(b"")
    report, names = run_build([corpus], tmp_path / "q.db")
    only_failure(report, bad, EmptyInput, "the file is empty")
    assert names == ["good.txt"]
    check_cli(capsys, [corpus], tmp_path / "cli.db", bad, "empty")


def test_file_of_blank_space(corpus, tmp_path, capsys):
    # was told "the file is empty", which a user can see is not so
    bad = corpus / "blank.txt"
    bad.write_bytes(b"  \r\n\t\n   \n")
    report, names = run_build([corpus], tmp_path / "q.db")
    only_failure(report, bad, EmptyInput, "the file holds only blank space")
    assert names == ["good.txt"]
    check_cli(capsys, [corpus], tmp_path / "cli.db", bad, "only blank space")


def test_binary_file(corpus, tmp_path, capsys):
    bad = corpus / "scan.txt"
    bad.write_bytes(bytes(range(256)) * 64)
    report, names = run_build([corpus], tmp_path / "q.db")
    only_failure(report, bad, BinaryInput, "binary data")
    assert names == ["good.txt"]
    check_cli(capsys, [corpus], tmp_path / "cli.db", bad, "binary")


def test_undecodable_bytes(corpus, tmp_path, capsys):
    # text with a run of C1 control bytes: no text encoding makes sense of it
    bad = corpus / "mangled.txt"
    bad.write_bytes(b"Dear Sir,\n" + b"\x81\x8d\x8f\x90\x9d\x80\x9f\x85" * 60 + b"\nyours\n")
    report, names = run_build([corpus], tmp_path / "q.db")
    failure = only_failure(report, bad, BinaryInput, "")
    assert "undecodable" in failure.reason or "binary" in failure.reason
    assert names == ["good.txt"]
    check_cli(capsys, [corpus], tmp_path / "cli.db", bad, "mangled.txt")


def test_truncated_html_reads_what_is_there(corpus, tmp_path):
    (corpus / "cut.html").write_bytes((FIXTURES / "ingest" / "truncated.html").read_bytes())
    report, names = run_build([corpus], tmp_path / "q.db")
    assert report.ok and names == ["cut.html", "good.txt"]
    assert any("cut.html" in w and "truncated" in w for w in report.warnings)  # read, but not in silence
    with open_store(tmp_path / "q.db") as store:
        text = next(s.text for s in store.sources() if s.name == "cut.html")
    assert text.rstrip().endswith("The parish overseer record")


def test_truncated_html_with_no_text_fails_clearly(corpus, tmp_path, capsys):
    bad = corpus / "cut.html"
    bad.write_bytes(b"<!DOCTYPE html><html><head><title>Letters of 18")
    report, names = run_build([corpus], tmp_path / "q.db")
    only_failure(report, bad, EmptyInput, "no reading text")
    assert names == ["good.txt"]
    check_cli(capsys, [corpus], tmp_path / "cli.db", bad, "no reading text")


@pytest.mark.parametrize("cut", [0.3, 0.5, 0.9])
def test_pdf_cut_short_says_truncated_and_keeps_the_store(corpus, tmp_path, capsys, cut):
    from pdfmaker import make_pdf
    db = tmp_path / "q.db"
    run_build([corpus], db)
    with open_store(db) as store:
        before = (store.sources(), store.documents())
    whole = make_pdf([["Lindenhof, 3 April 1911.", "Dear Aunt Mathilde,", "The ferry runs again."]] * 4)
    bad = corpus / "half.pdf"
    bad.write_bytes(whole[:int(len(whole) * cut)])
    report, names = run_build([corpus], db)
    only_failure(report, bad, FormatMismatch, "truncated or damaged PDF")
    assert "%%EOF" in report.failed[0].reason  # says why it looks cut short
    assert names == ["good.txt"]
    with open_store(db) as store:  # what was stored before is still there, as it was
        assert (store.sources(), store.documents()) == before
    check_cli(capsys, [corpus], tmp_path / "cli.db", bad, "truncated or damaged PDF")


def test_file_of_200_mb(corpus, tmp_path, capsys):
    bad = corpus / "huge.txt"
    with open(bad, "wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: instant, no disk used
    report, names = run_build([corpus], tmp_path / "q.db")
    only_failure(report, bad, TooLargeInput, "over the limit")
    assert "ingest.max_bytes" in report.failed[0].reason  # says how to lift the limit
    assert names == ["good.txt"]
    check_cli(capsys, [corpus], tmp_path / "cli.db", bad, "over the limit")


@pytest.mark.parametrize("name,data,reason", [
    ("report.pdf", b"Minutes of the meeting, typed as plain text.\n", "the extension says PDF"),
    ("letter.txt", PNG, "the file is a PNG image, not text as its extension .txt says"),
    ("chapter.epub", b"<html><body>not a zip</body></html>", "not a ZIP archive"),
])
def test_file_that_is_not_what_its_extension_says(corpus, tmp_path, capsys, name, data, reason):
    bad = corpus / name
    bad.write_bytes(data)
    report, names = run_build([corpus], tmp_path / "q.db")
    only_failure(report, bad, FormatMismatch, reason)
    assert names == ["good.txt"]
    check_cli(capsys, [corpus], tmp_path / "cli.db", bad, reason)


def test_unreadable_folder_by_permission_check(corpus, tmp_path, monkeypatch, capsys):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "secret.txt").write_text("A letter we may not read.", encoding="utf-8")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **k: False if os.fspath(p) == str(locked)
                        else real_access(p, mode, *a, **k))
    report, names = run_build([corpus, locked], tmp_path / "q.db")
    only_failure(report, locked, UnreadableInput, "cannot list folder (permission denied)")
    assert names == ["good.txt"]
    check_cli(capsys, [corpus, locked], tmp_path / "cli.db", locked, "permission denied")


def test_unreadable_subfolder_while_walking(corpus, tmp_path, monkeypatch):
    sub = corpus / "private"
    sub.mkdir()
    (sub / "x.txt").write_text("hidden away", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(sub):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    report, names = run_build([corpus], tmp_path / "q.db")
    only_failure(report, sub, UnreadableInput, "cannot list folder")
    assert names == ["good.txt"]


def test_unreadable_file(corpus, tmp_path, monkeypatch):
    from pathlib import Path
    bad = corpus / "locked.txt"
    bad.write_text("private", encoding="utf-8")
    import os
    real = os.open

    def open_(path, flags, *args, **kwargs):  # root reads whatever the mode: refuse as the kernel would
        if Path(path) == bad:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    report, names = run_build([corpus], tmp_path / "q.db")
    only_failure(report, bad, UnreadableInput, "permission denied")
    assert names == ["good.txt"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads folders whatever their mode")
def test_unreadable_folder_for_real(corpus, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "secret.txt").write_text("A letter we may not read.", encoding="utf-8")
    locked.chmod(0)
    try:
        report, names = run_build([corpus, locked], tmp_path / "q.db")
    finally:
        locked.chmod(0o755)
    only_failure(report, locked, UnreadableInput, "permission denied")
    assert names == ["good.txt"]


# -- a crash half-way leaves the store as it was ------------------------------------------------
def test_crash_inside_the_store_write_rolls_back(corpus, tmp_path, monkeypatch):
    db = tmp_path / "q.db"
    run_build([corpus], db)
    before = dump(db)
    second = corpus / "second.txt"
    second.write_text("Haverby, 9 May 1790.\n\nSir,\n\nThe rent is paid.\n\nJ. Marlowe\n", encoding="utf-8")
    from quellen.store import codec
    real = codec.document_row
    calls = {"n": 0}

    def exploding(document):
        # the source row is already inserted when the documents are written
        calls["n"] += 1
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(codec, "document_row", exploding)
    report, names = run_build([corpus], db)
    assert calls["n"] >= 1
    failure = only_failure(report, second, AnalysisFailed, "RuntimeError: disk on fire")
    assert isinstance(failure.__cause__, RuntimeError)
    assert names == ["good.txt"]
    assert dump(db) == before
    monkeypatch.setattr(codec, "document_row", real)
    report, names = run_build([corpus], db)  # the next build picks the file up
    assert report.ok and report.added == [str(second)] and names == ["good.txt", "second.txt"]


def test_crash_in_an_analysis_step_keeps_the_other_files(corpus, tmp_path, monkeypatch, capsys):
    from quellen import pipeline
    (corpus / "zz_second.txt").write_text("Haverby, 9 May 1790.\n\nSir,\n\nThe rent is paid.\n", encoding="utf-8")
    real = pipeline.analyse_source

    def analyse(source, settings):
        if source.name == "good.txt":
            raise ValueError("a bug in step 2")
        return real(source, settings)

    monkeypatch.setattr(pipeline, "analyse_source", analyse)
    db = tmp_path / "q.db"
    report, names = run_build([corpus], db)
    only_failure(report, corpus / "good.txt", AnalysisFailed, "ValueError: a bug in step 2")
    assert names == ["zz_second.txt"]
    code, err = cli_build(capsys, [corpus], tmp_path / "cli.db")
    assert code == 1 and "a bug in step 2" in err and "good.txt" in err


def test_several_bad_inputs_in_one_build_each_reported_once(corpus, tmp_path, capsys):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "photo.txt").write_bytes(PNG)
    missing = tmp_path / "missing.html"
    code, err = cli_build(capsys, [corpus, missing], tmp_path / "cli.db")
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 3
    assert any("empty.txt" in e for e in errors) and any("photo.txt" in e for e in errors)
    assert any("missing.html" in e for e in errors)
    assert "1 added" in err.splitlines()[-1] and "3 failed" in err.splitlines()[-1]
    with open_store(tmp_path / "cli.db") as store:
        assert [s.name for s in store.sources()] == ["good.txt"]


def test_a_clean_build_exits_zero(corpus, tmp_path, capsys):
    code, err = cli_build(capsys, [corpus], tmp_path / "cli.db")
    assert code == 0 and "error" not in err and "1 added" in err
    assert "the store holds 1 source, 1 document, " in err and "0 conflicts" in err  # counted nouns agree


def test_files_a_folder_walk_passes_over_are_named_in_a_warning(corpus, capsys):
    (corpus / "letters.docx").write_bytes(b"PK\x03\x04")
    (corpus / "scan.png").write_bytes(PNG)
    (corpus / "good.txt.meta.toml").write_text('author = "Konrad"\n', encoding="utf-8")
    db = corpus / "quellen.db"  # a store kept in the corpus folder is not a file passed over
    code, err = cli_build(capsys, [corpus], db)
    assert code == 0, err
    warnings = [line for line in err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1, err
    assert "passed over 2 files" in warnings[0] and "letters.docx" in warnings[0] and "scan.png" in warnings[0]
    assert "quellen.db" not in warnings[0] and "meta.toml" not in warnings[0]
    code, err = cli_build(capsys, [corpus], db)  # a rebuild finds the store's files beside the corpus
    warnings = [line for line in err.splitlines() if line.startswith("warning:")]
    assert code == 0 and len(warnings) == 1 and "passed over 2 files" in warnings[0], err
    assert "quellen.db" not in warnings[0]


def test_an_unknown_document_kind_is_refused_not_listed_as_nothing(corpus, tmp_path, capsys):
    db = tmp_path / "q.db"
    assert cli_build(capsys, [corpus], db)[0] == 0
    assert main(["documents", "--db", str(db), "--kind", "letters"]) == 2
    err = capsys.readouterr().err
    assert "unknown document kind 'letters'" in err and "letter," in err
    assert main(["documents", "--db", str(db), "--kind", "letter", "--json"]) == 0
    assert '"kind": "letter"' in capsys.readouterr().out


def test_quellens_own_report_and_tei_export_in_the_corpus_folder_are_not_read_back(corpus, tmp_path, capsys):
    from quellen.export import export
    db = tmp_path / "q.db"
    report, names = run_build([corpus], db)
    assert report.ok
    with open_store(db) as store:
        export(store, "report", corpus / "report.html")
        export(store, "tei", corpus / "export.xml")
        export(store, "gexf", corpus / "network.xml")
    report, names = run_build([corpus], db)
    assert names == ["good.txt"]  # nothing of the exports went in
    failed = {os.path.basename(e.path): e for e in report.failed}
    assert set(failed) == {"report.html", "export.xml", "network.xml"}
    assert all(isinstance(e, FormatMismatch) and "quellen's own report or export" in e.reason
               for e in failed.values())
