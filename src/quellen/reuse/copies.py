"""Copies of one text: a pair of two copies of a third measured without aligning it.

A corpus holding C copies of one text has C(C-1)/2 copy pairs, and each was one local
alignment of two long texts (:mod:`.local`): verification grew with the square of the
copies. But when A~B and A~C are verified copies over overlapping spans of A, the
alignment of B with C is known: the two offset maps composed through A (the *pivot*).
What the pair still needs is its own scores (:func:`.align.measure`: a group's score is
the mean of its links', and a group takes a passage only where it is linked directly to
half of it, :mod:`.groups`), which compare two spans and cost a fraction of an alignment.

The pivot of a pair is its two units' *root* (:func:`copy_roots`): the first unit each is
a copy of by its seeds, known before anything is aligned. The pairs of two copies of one
root are verified in a second pass (:func:`.partition.lexical_links`), after every link of
a root with its copies (:func:`root_links`), so the same pairs are inferred for any number
of partitions. The offset maps are token to token (:func:`token_map`: the longest common
subsequence of the two spans' token ids, bit-parallel); the B~C spans are the stretch of A
both links cover, from its first token matched in both maps to its last, mapped to B and to
C (:func:`composed_spans`). A pair is inferred, not aligned, only where its alignment could
not have ended elsewhere (:func:`inferred_copy`; otherwise it is aligned):

- each end of the composed spans lies on the edge of the candidate's alignment window
  (:func:`.align.local_span`) on at least one side: the alignment cannot reach past a
  window edge, and a local alignment never ends in a gap, so it ends where the texts do
  (the edge tokens are the same token on both sides: matched in both maps);
- the composed spans lie inside that window;
- the two spans measured are labelled a copy by their word and character measures
  (:func:`.align.label`), so the alignment's letter identity, which only rescues copies
  those measures reject, is not needed.

C whole copies of one root take C-1 alignments, the root's with each copy; the others are
measured.
"""
from __future__ import annotations

import numpy as np
from rapidfuzz.distance import Indel

from .align import Link, check
from .candidates import Candidate, Corpus

__all__ = ["is_copy", "token_map", "composed_spans", "inferred_copy", "window", "copy_roots", "root_links"]

_COPIES = ("verbatim", "near_verbatim")


def is_copy(link: Link, min_score: float) -> bool:
    """Return True when ``link`` joins two texts as a copy (verbatim or near) scoring at least ``min_score``."""
    return link.relation in _COPIES and link.score >= min_score and link.a != link.b


def token_map(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Return, per token of ``x``, the index of the token of ``y`` it is matched with (-1: none).

    The match is a longest common subsequence of the token ids (equal tokens only).
    """
    out = np.full(len(x), -1, dtype=np.int64)
    for op in Indel.opcodes(x.tolist(), y.tolist()):
        if op.tag == "equal":
            out[op.src_start:op.src_end] = np.arange(op.dest_start, op.dest_end)
    return out


def composed_spans(via_b: tuple[int, int, np.ndarray], via_c: tuple[int, int, np.ndarray],
                   min_tokens: int) -> tuple[int, int, int, int, int, int] | None:
    """Return ``(b_lo, b_hi, c_lo, c_hi, first, last)``: the spans of B and C that two copy links of A align.

    ``via_b`` is (lo, hi, map) of the link A~B on A's side: A's tokens ``lo:hi`` and, per
    token, the B token it matches (-1: none; :func:`token_map`, B positions absolute);
    ``via_c`` the same for A~C. The spans run from the first token of A both links cover and
    both maps match (A's token ``first``) to the last (``last``); None when they share fewer
    than ``min_tokens`` such tokens.
    """
    (lo_b, hi_b, map_b), (lo_c, hi_c, map_c) = via_b, via_c
    lo, hi = max(lo_b, lo_c), min(hi_b, hi_c)
    if hi - lo < min_tokens:
        return None
    in_b, in_c = map_b[lo - lo_b:hi - lo_b], map_c[lo - lo_c:hi - lo_c]
    both = np.nonzero((in_b >= 0) & (in_c >= 0))[0]
    if len(both) < min_tokens:
        return None
    first, last = int(both[0]), int(both[-1])
    return int(in_b[first]), int(in_b[last]) + 1, int(in_c[first]), int(in_c[last]) + 1, lo + first, lo + last


def inferred_copy(corpus: Corpus, c: Candidate, spans: tuple[int, int, int, int], min_tokens: int,
                  margin: int) -> Link | None:
    """Return the link of candidate ``c`` at the composed ``spans`` (:func:`composed_spans`), or None.

    None when its alignment could have ended elsewhere, or the spans are not a copy by
    their measures (the module's conditions): the candidate is then aligned.
    """
    if c.a == c.b or not c.ngram_seeds:
        return None
    a_lo, a_hi, b_lo, b_hi = spans
    w_a_lo, w_a_hi, w_b_lo, w_b_hi = window(corpus, c, margin)
    if a_lo < w_a_lo or b_lo < w_b_lo or a_hi > w_a_hi or b_hi > w_b_hi:
        return None
    # an end inside the window on both sides could lie elsewhere: a local alignment is global within
    # its window (it bridges a gap when enough agreement follows), so only the window's edge is sure
    if not (a_lo == w_a_lo or b_lo == w_b_lo) or not (a_hi == w_a_hi or b_hi == w_b_hi):
        return None
    link = check(corpus, c, a_lo, a_hi, b_lo, b_hi, 0.0, min_tokens=min_tokens, noisy_identity=1.01)
    return link if link is not None and link.relation in _COPIES else None


def window(corpus: Corpus, c: Candidate, margin: int) -> tuple[int, int, int, int]:
    """Return ``(a_lo, a_hi, b_lo, b_hi)``: the window :func:`.align.local_span` aligns for candidate ``c``."""
    na, nb = corpus.length(c.a), corpus.length(c.b)
    return (max(0, c.a_lo - margin), min(na, min(c.a_hi, na) + margin),
            max(0, c.b_lo - margin), min(nb, min(c.b_hi, nb) + margin))


def copy_roots(pairs: np.ndarray, counts: np.ndarray, lengths: np.ndarray, share: float) -> np.ndarray:
    """Return, per unit, the first unit it is a copy of by its seeds (-1: none).

    ``pairs`` are unit pairs as ``first * len(lengths) + second`` (first < second for two
    units) with their ``counts`` of seeds; a unit is a copy of an earlier one when they share
    seeds at least ``share`` times the shorter one's tokens (a whole copy has about one a token).
    """
    n = len(lengths)
    first, second = pairs // n, pairs % n
    copy = (first < second) & (counts >= share * np.minimum(lengths[first], lengths[second]))
    roots = np.full(n, n, dtype=np.int64)
    np.minimum.at(roots, second[copy], first[copy])
    return np.where(roots < n, roots, -1)


def root_links(tagged: list[tuple]) -> dict[tuple[int, int], tuple[Link, int, int, np.ndarray]]:
    """Return the links of a root with its copies as (root, copy) -> (link, root's lo, hi, token map).

    ``tagged`` are (place, link, token map or None) as the first pass verifies them; the
    map is there for a copy link of a unit with its root. Of two links of one pair, the
    longer is kept (the earlier when as long), so the choice does not depend on the batches.
    """
    out: dict[tuple[int, int], tuple[Link, int, int, np.ndarray]] = {}
    for _, link, mapped in sorted((t for t in tagged if t[2] is not None), key=lambda t: t[0]):
        known = out.get((link.a, link.b))
        if known is None or link.a_hi - link.a_lo > known[0].a_hi - known[0].a_lo:
            out[(link.a, link.b)] = (link, link.a_lo, link.a_hi, mapped)
    return out
