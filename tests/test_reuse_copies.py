"""Copies of one text: pairs of two copies of a third are measured through it, not aligned (quellen.reuse.copies)."""
from __future__ import annotations

import random

import numpy as np
import pytest

from quellen.model import Source
from quellen.reuse import find_reuse
from quellen.reuse.copies import composed_spans, copy_roots, token_map
from quellen.settings import ReuseSettings

#: invented words, each rare enough that word n-grams of them are evidence
_RNG = random.Random(0)
_WORDS = ["".join(_RNG.choice("bcdfghklmnprstvw" if k % 2 == 0 else "aeiou") for k in range(6)) for _ in range(600)]


def _text(seed: int, sentences: int = 24) -> str:
    rng = random.Random(seed)
    out = []
    for _ in range(sentences):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(9, 14))]
        out.append(" ".join(["the"] + words[:5] + ["and", "the"] + words[5:]).capitalize() + ".")
    return " ".join(out)


def _copy(text: str, seed: int) -> str:
    """Return ``text`` with a word dropped or doubled here and there (never the first or last)."""
    rng = random.Random(seed)
    words = text.split(" ")
    for _ in range(4):
        k = rng.randint(5, len(words) - 6)
        words[k:k + 1] = [] if rng.random() < 0.5 else [words[k], words[k]]
    return " ".join(words)


def _source(name: str, text: str) -> Source:
    return Source(Source.make_id(name.ljust(16, "0").encode().hex()), name, name, "text/plain", text)


def _copies(count: int) -> list[Source]:
    original = _text(1)
    other = _text(2)  # a text that copies nothing: no pair of it may change
    return [_source("a.txt", original)] + [_source(f"c{k}.txt", _copy(original, 10 + k)) for k in range(1, count)] + [
        _source("z.txt", other)]


def _run(sources: list[Source], monkeypatch, partitions: int = 1, **kw) -> tuple[list, int]:
    """Return the groups of ``sources`` and how many local alignments were run."""
    from quellen.reuse import local
    calls = []
    aligned = local.align_local

    def counted(x, y):
        calls.append(1)
        return aligned(x, y)

    monkeypatch.setattr(local, "align_local", counted)
    groups = find_reuse(sources, [], ReuseSettings(**kw), embeddings=False, partitions=partitions)
    monkeypatch.setattr(local, "align_local", aligned)
    return groups, len(calls)


@pytest.mark.parametrize("count,partitions", [(3, 1), (4, 1), (4, 16)])
def test_copies_of_one_text_take_c_minus_1_alignments_and_the_same_groups(count, partitions, monkeypatch):
    # 16 partitions: every text in a block of its own, the root's links verified in other batches
    sources = _copies(count)
    every, aligned_all = _run(sources, monkeypatch, infer_copy_score=0.0)
    inferred, aligned_some = _run(sources, monkeypatch, partitions)
    assert inferred == every
    assert len(every) == 1 and len(every[0].passages) == count
    assert aligned_all == count * (count - 1) // 2
    assert aligned_some == count - 1


def test_a_copy_of_part_of_a_text_is_still_aligned_and_the_groups_do_not_change(monkeypatch):
    # B quotes the middle of A; C copies A whole: B~C's ends lie inside its window, so it is aligned
    original = _text(3, 40)
    words = original.split(" ")
    quoted = " ".join(words[150:260])
    sources = [_source("a.txt", original), _source("b.txt", _text(4, 10) + " " + quoted + " " + _text(5, 10)),
               _source("c.txt", _copy(original, 9))]
    every, aligned_all = _run(sources, monkeypatch, infer_copy_score=0.0)
    inferred, aligned_some = _run(sources, monkeypatch)
    assert inferred == every and every
    assert aligned_some == aligned_all


def test_a_token_map_matches_equal_tokens_in_order():
    x = np.array([1, 2, 3, 4, 5])
    y = np.array([1, 3, 4, 9, 5])
    assert token_map(x, y).tolist() == [0, -1, 1, 2, 4]


def test_composed_spans_run_from_the_first_to_the_last_pivot_token_both_links_match():
    # A~B covers A's tokens 2:10, A~C 0:8; A's token 3 has no match in C
    via_b = (2, 10, np.array([20, 21, 22, 23, 24, 25, 26, 27]))
    via_c = (0, 8, np.array([0, 1, 2, -1, 3, 4, 5, 6]))
    assert composed_spans(via_b, via_c, 3) == (20, 26, 2, 7, 2, 7)
    assert composed_spans(via_b, via_c, 7) is None


def test_a_text_s_root_is_the_first_text_it_shares_seeds_with_for_half_its_tokens():
    lengths = np.array([100, 100, 100, 40])
    n = len(lengths)
    pairs = np.array([0 * n + 1, 0 * n + 2, 1 * n + 2, 0 * n + 3, 2 * n + 3])
    counts = np.array([95, 30, 90, 10, 25])
    # 2 shares too little with 0, so its root is 1; 3 shares half its length with 2 only
    assert copy_roots(pairs, counts, lengths, 0.5).tolist() == [-1, 0, 1, 2]
