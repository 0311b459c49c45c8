"""benchmarks/scale/replicate.py: a perturbed copy's records move with its text."""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest
from conftest import load_script

SCALE = Path(__file__).resolve().parents[1] / "benchmarks" / "scale"


def _replicate():
    sys.path.insert(0, str(SCALE))
    return load_script(SCALE / "replicate.py", "scale_replicate")


def test_offsets_map_through_a_deletion_and_an_insertion():
    ed = _replicate().Edits("abcdef", [(2, 3, ""), (4, 4, "XY")])
    assert ed.text == "abdXYef"
    # "d" (old 3) begins at 2; a span ending at old 4 ends before the inserted "XY", one starting there after it
    assert (ed.start(3), ed.end(4), ed.start(4)) == (2, 3, 5)
    assert ed.touched(0, 3) and ed.touched(3, 5)  # deletes "c"; inserts inside "de"
    assert not ed.touched(0, 2) and not ed.touched(4, 6) and not ed.touched(3, 4)


def test_every_untouched_word_of_a_perturbed_copy_is_found_at_its_mapped_offsets():
    rep = _replicate()
    text = "The first line of it.\n\nA second paragraph with a few more words in it.\n\nAnd a third one here."
    for seed in range(200):
        ed = rep.perturb(text, random.Random(seed), 1)
        assert ed.text.startswith("[Copy 2]\n\n")
        for m in re.finditer(r"\S+", text):
            if not ed.touched(*m.span()):
                assert ed.text[ed.start(m.start()):ed.end(m.end())] == m.group(), (seed, m.group())


_TEXT = ("On Monday, 3 May 1852, Mr. Harker wrote to Lucy from Whitby: the storm had broken the old pier. "
         "HARKER saw the pier fall; the Harbour Master said the storm broke it at 4 o'clock.\n\n"
         "Letter II. The pier, the storm and the harbour were all Harker could speak of.")


def test_a_distinct_copy_is_a_shape_keeping_bijection_that_keeps_function_and_date_words_and_digits():
    rep = _replicate()
    lists = rep.lexicon_words()
    fixed = rep.kept_words(lists)
    assert {"the", "monday", "may", "mr", "from", "william"} <= fixed and "wedding" not in fixed
    cipher = rep.Cipher([_TEXT], extra=["fall"], fixed=fixed, least=2, lists=lists)
    one, two = cipher.mapping(1), cipher.mapping(2)
    assert sorted(one) == sorted(one.values()) and one != two  # a bijection, another per copy
    assert all(one[k] != two[k] for k in one if k != one[k])  # two copies never spell a word alike
    assert all(len(k) == len(v) for k, v in one.items())
    copy = rep.encipher(_TEXT, one)
    assert len(copy) == len(_TEXT)  # no offset moves
    for m in rep.WORD.finditer(_TEXT):
        w, c = m.group(), copy[m.start():m.end()]
        assert rep.shape(w) == rep.shape(c) and [x.isupper() for x in w] == [x.isupper() for x in c]
        if rep.fold(w) in fixed or len(w) == 1 or w == "II":
            assert c == w
        elif any(rep.fold(w) in c and len(c) > 1 for c in cipher.classes):
            assert c != w  # a word with class-mates never maps to itself
    assert copy[:20] == "On Monday, 3 May 185" and " at 4 o'" in copy
    # the same word, however cased, has one image: a lemma written in lower case matches the text's Title
    images = {copy[m.start():m.end()].lower() for m in re.finditer(r"(?i)harker", _TEXT)}
    assert len(images) == 1 and rep.encipher("harker", one) in images


def test_word_classes_keep_length_shape_and_frequency_band():
    rep = _replicate()
    text = " ".join(["stone"] * 8 + ["bread"] * 8 + ["cloud", "river", "Paris", "Rome"])
    cipher = rep.Cipher([text], least=2)
    # band 3 and band 0 of the five-letter lower-case words; Paris and Rome alone in their (length, Title)
    assert set(cipher.classes) == {("bread", "stone"), ("cloud", "river"), ("paris",), ("rome",)}
    assert rep.encipher("Stone, Paris", cipher.mapping(3)) == "Bread, Paris"  # Paris has no class-mate of its shape


def test_a_lexicon_word_that_is_not_kept_becomes_a_word_of_the_same_lexicons():
    rep = _replicate()
    lists = {"funeral": frozenset({"event_noun_verbs"}), "wedding": frozenset({"event_noun_verbs"})}
    cipher = rep.Cipher(["the wedding, a funeral, a feather and a pleased man"], lists=lists, least=2)
    assert ("funeral", "wedding") in cipher.classes and ("feather", "pleased") in cipher.classes
    assert rep.encipher("Wedding", cipher.mapping(1)) == "Funeral"


def test_a_missing_base_store_is_named_and_nothing_is_written(tmp_path, monkeypatch, capsys):
    rep = _replicate()
    out = tmp_path / "out.db"
    monkeypatch.setattr(sys, "argv", ["replicate.py", str(tmp_path / "none.db"), str(out), "--size", "2"])
    with pytest.raises(SystemExit) as exit_:
        rep.main()
    assert exit_.value.code == 2 and "none.db: no such store" in capsys.readouterr().err
    assert not out.exists() and not (tmp_path / "none.db").exists()
