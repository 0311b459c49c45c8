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
