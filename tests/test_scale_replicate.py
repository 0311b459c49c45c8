"""benchmarks/scale/replicate.py: a perturbed copy's records move with its text."""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

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
