"""eval/wrap.py: hard-wrapped and Gutenberg-framed variants of a text, and exports put back on the original."""
from __future__ import annotations

import json

import pytest

from conftest import EVAL, load_script

TEXT = ("LETTER I.\n\nDear Sir,\n\n" + " ".join(["The weather has been very fine for the season."] * 5) + "\n"
        "    An indented line that is long enough to be broken somewhere after the seventy-second column.\n\n"
        "Yours,\nJ. Bell\n")


@pytest.fixture(scope="module")
def wrap():
    return load_script(EVAL / "wrap.py", "quellen_eval_wrap_test")


@pytest.fixture(scope="module")
def run():
    return load_script(EVAL / "run.py", "quellen_eval_run_wrap")


def test_long_lines_are_broken_at_spaces_and_short_ones_kept(wrap):
    out, origin = wrap.wrap(TEXT, 40)
    lines = out.split("\n")
    assert all(len(line) <= 40 for line in lines)
    assert lines[:4] == ["LETTER I.", "", "Dear Sir,", ""] and lines[-4:] == ["", "Yours,", "J. Bell", ""]
    assert out.split() == TEXT.split() and any(line.startswith("    An indented") for line in lines)
    # every character stands for the original character it came from; a break for the space it replaced
    assert len(origin) == len(out) + 1 and origin[-1] == len(TEXT)
    for k, ch in enumerate(out):
        assert TEXT[origin[k]] == (" " if ch == "\n" and TEXT[origin[k]] == " " else ch)


def test_a_word_longer_than_the_width_stays_whole(wrap):
    out, _ = wrap.wrap("a " + "x" * 30 + " b", 10)
    assert out == "a\n" + "x" * 30 + "\nb"


def test_the_gutenberg_frame_stands_for_the_texts_start_and_end(wrap):
    out, origin = wrap.variant(TEXT, 72, gutenberg=True, title="Letters")
    assert "*** START OF THE PROJECT GUTENBERG EBOOK LETTERS ***" in out
    assert "*** END OF THE PROJECT GUTENBERG EBOOK LETTERS ***" in out
    assert max(len(line) for line in out.split("\n")) <= 72
    head, end = out.index("LETTER I."), out.index("END OF")
    assert origin[0] == origin[head - 1] == -1 and origin[head] == 0 and origin[-1] == len(TEXT)
    assert origin[end] == len(TEXT) + 1


def test_an_export_of_the_variant_is_put_back_on_the_original(wrap):
    out, origin = wrap.variant(TEXT, 40, gutenberg=True)
    start = out.index("Dear Sir")
    export = {"sources": [{"id": "s", "name": "a.txt", "text": out}],
              "documents": [{"source": "s", "char_start": 0, "char_end": 20, "kind": "boilerplate"},
                            {"source": "s", "char_start": 30, "char_end": start, "kind": "letter"},
                            {"source": "s", "char_start": start, "char_end": len(out) - 5, "kind": "letter"},
                            {"source": "s", "char_start": len(out) - 5, "char_end": len(out), "kind": "heading"}]}
    back = wrap.map_export(export, {"a.txt": (TEXT, origin)})
    assert back["sources"][0]["text"] == TEXT
    # the frame's furniture is set aside; the header read as a letter stays, at the text's start
    assert [(d["char_start"], d["char_end"]) for d in back["documents"]] == [(0, TEXT.index("Dear")),
                                                                            (TEXT.index("Dear"), len(TEXT))]
    assert back["frame_documents"] == {"set_aside": 2, "read_as_text": 0}


def test_run_scores_a_wrapped_corpus_with_its_gold(run, tmp_path):
    out = tmp_path / "r.json"
    assert run.main(["--segments-only", "--corpus", "seed", "--wrap", "72", "--gutenberg",
                     "--output", str(out)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    (row,) = result["table"]
    assert "wrapped at 72" in result["mode"] and row["gold_segments"] == 59 and row["boundary_recall"] > 0.5
    assert result["scores"]["seed"]["gold_spans_not_located"] == 0


def test_a_ragged_variant_wraps_its_paragraphs_at_uneven_measures(wrap):
    text = "\n\n".join(" ".join(["The weather has been very fine for the season."] * 4) for _ in range(3)) + "\n"
    out, origin = wrap.wrap(text, 60, ragged=True)
    widths = [max(len(line) for line in para.split("\n")) for para in out.split("\n\n")]
    assert widths[0] <= 60 and widths[1] <= 56 and widths[2] <= 52 and out.split() == text.split()
    assert len(origin) == len(out) + 1


def test_the_italics_variant_marks_short_lines_alone_and_maps_back(wrap):
    out, origin = wrap.variant(TEXT, None, italics=True)
    assert out.startswith("_LETTER I._\n\n_Dear Sir,_\n\n") and "Yours,\nJ. Bell" in out  # not alone: no marks
    assert len(origin) == len(out) + 1 and all(TEXT[origin[k]] == ch for k, ch in enumerate(out) if ch != "_")


REAL = ("The Project Gutenberg eBook of Letters\n\nTitle: Letters\n\n"
        "*** START OF THE PROJECT GUTENBERG EBOOK LETTERS ***\n\nCONTENTS\n\nLetter 1 To Mr. Bell\n"
        "Letter 2 To Mr. Bell\n\nLetter 1 To Mr. Bell\n\nSir,--I write.\n\n"
        "Letter 2 To Mr. Bell\n\nSir,--I write again.\n\n*** END OF THE PROJECT GUTENBERG EBOOK LETTERS ***\n\n"
        "START: FULL LICENSE\n")


def test_a_real_files_frame_and_its_furniture_are_set_aside(wrap):
    head, foot = wrap.real_frame(REAL)
    assert REAL[:head].endswith("LETTERS ***") and REAL[foot:].startswith("*** END OF")
    export = {"sources": [{"id": "s", "name": "a.txt", "text": REAL}],
              "documents": [{"source": "s", "char_start": 0, "char_end": head + 12, "kind": "boilerplate"},
                            {"source": "s", "char_start": head + 12, "char_end": foot, "kind": "letter"},
                            {"source": "s", "char_start": foot, "char_end": len(REAL), "kind": "narrative"}]}
    kept = wrap.set_aside_frame(export, {"a.txt": (head, foot)})
    assert [d["kind"] for d in kept["documents"]] == ["letter", "narrative"]
    assert kept["frame_documents"] == {"set_aside": 1, "read_as_text": 1}


def test_gold_heads_are_located_in_order_and_the_reference_is_the_suites_text_of_them(wrap):
    scorer = load_script(EVAL / "score.py", "quellen_eval_score_wrap")
    heads = ["Letter I To Mr. Bell Sir, I write.", "Letter II To Mr. Bell Sir", "Letter III To Mr. Bell Sir,"]
    real = REAL.replace("Letter 1", "Letter I").replace("Letter 2", "Letter II")
    at = wrap.located_heads(real, heads, scorer)
    # found after the contents list (not in it), the second by its first words; the third is not in the file
    assert at[0] == real.index("Letter I To Mr. Bell\n\nSir") and at[1] == real.rindex("Letter II")
    assert at[2] is None
    suite = ("Letter I To Mr. Bell\nSir, I write.\nLetter II To Mr. Bell\nSir, again.\n"
             "Letter III To Mr. Bell\nSir, no.\n")
    excerpt, kept = wrap.reference_excerpt(suite, real, heads, scorer)
    assert kept == [0, 1] and excerpt == "Letter I To Mr. Bell\nSir, I write.\nLetter II To Mr. Bell\nSir, again.\n"


def test_run_scores_a_real_file_with_the_books_gold_beside_the_reference(run, wrap, tmp_path):
    from quellen.ingest import read_source
    original = read_source(EVAL / "corpora" / "laclos-liaisons" / "laclos-liaisons.txt").text
    real = tmp_path / "pg-liaisons.txt"
    real.write_text(wrap.variant(original, 70, gutenberg=True, title="Liaisons", ragged=True, italics=True)[0],
                    encoding="utf-8")
    out = tmp_path / "r.json"
    assert run.main(["--segments-only", "--corpus", "laclos-liaisons", "--text", str(real), "--output", str(out)]) == 0
    rows = json.loads(out.read_text(encoding="utf-8"))["table"]
    assert [r["corpus"] for r in rows] == ["laclos-liaisons (real file)", "laclos-liaisons (reference)"]
    assert rows[0]["gold_segments"] == rows[1]["gold_segments"] == 20
    assert rows[0]["boundary_f1"] == rows[1]["boundary_f1"] == 1.0
    assert run.main(["--segments-only", "--corpus", "seed", "--text", str(real)]) == 2  # a gold by lines
