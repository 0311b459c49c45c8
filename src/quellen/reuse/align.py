"""Verification: align a candidate over a window around its seeds, score it, label it.

A candidate's seeds mark where two passages agree; the passages themselves
usually reach further (the copy began before the first shared n-gram survived
the OCR noise). The window around the seeds is aligned locally (:mod:`.local`,
Smith–Waterman with affine gaps, on characters), and the best local alignment is
the passage pair. Scoring then compares the two spans three ways: order-aware
token similarity, character similarity (robust to OCR noise), and overlap of
informative words (robust to reordering and rewording); a span whose letters
align closely (``noisy_identity``) is a noisy copy even where OCR errors left few
words whole.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from ..lexicons import pairs
from .candidates import Candidate, Corpus
from .local import align_tokens

__all__ = ["Link", "extend", "local_span", "measure", "Measures", "label", "verify", "check", "is_calendar"]

#: words that tell a time or a quantity, not who or where: months, weekdays, numbers in words (data/lexicon)
_CALENDAR_WORDS = frozenset(word for name in ("months", "month_abbreviations", "weekdays", "weekday_abbreviations",
                                              "number_words", "ordinal_words") for word, _ in pairs(name))


def is_calendar(word: str) -> bool:
    """Return True when a (folded) token tells a date or a number ("may", "monday", "1812", "4th"), not a name.

    Two letters of one correspondence share their month and year by being written in it:
    such anchors say nothing about one text rendering another.

    >>> [is_calendar(w) for w in ("may", "1812", "4th", "pell")]
    [True, True, True, False]
    """
    return word in _CALENDAR_WORDS or any(c.isdigit() for c in word)


@dataclass(slots=True)
class Link:
    """A verified pair: tokens ``a_lo:a_hi`` of unit ``a`` repeat tokens ``b_lo:b_hi`` of unit ``b``."""

    a: int
    a_lo: int
    a_hi: int
    b: int
    b_lo: int
    b_hi: int
    relation: str
    score: float


@dataclass(slots=True)
class Measures:
    """How alike two spans are, each in 0..1."""

    tokens: float      # order-aware token similarity (Indel over token ids)
    chars: float       # character similarity of the folded texts
    content: float     # shared informative words over the shorter side's
    anchors: float     # shared names and numbers over all of either side's
    length_ratio: float
    shared_anchors: int = 0
    #: tokens of the shorter side
    shortest: int = 0
    #: shared informative words that are neither names nor numbers (what a formula lacks)
    shared_plain: int = 0
    #: such words on the poorer side, shared or not (a title has none, a translated passage many)
    plain: int = 0
    #: shared informative words that are names or numbers
    shared_named: int = 0
    #: share of consecutive shared names and numbers that follow each other in the same order,
    #: about as far apart, on both sides (1.0 with fewer than two)
    anchor_order: float = 1.0
    #: rare names and numbers on the poorer side (shared or not)
    anchor_sides: int = 0
    #: shared names of someone or somewhere (capitalised inside sentences, rare or not): no month,
    #: weekday, year or other number
    shared_names: int = 0


def _similar(x: str, y: str) -> bool:
    if x == y:
        return True
    if len(x) < 3 or len(y) < 3:
        return False
    return fuzz.ratio(x, y) >= 70


def extend(corpus: Corpus, a: int, a_lo: int, a_hi: int, b: int, b_lo: int, b_hi: int,
           limit: int = 400) -> tuple[int, int, int, int]:
    """Return ``(a_lo, a_hi, b_lo, b_hi)`` grown outwards while the two sides keep agreeing."""
    words = corpus.words
    ta = corpus.span_ids(a, 0, corpus.length(a))
    tb = corpus.span_ids(b, 0, corpus.length(b))
    na, nb = len(ta), len(tb)

    def same(i: int, j: int) -> bool:
        return 0 <= i < na and 0 <= j < nb and (ta[i] == tb[j] or _similar(words[ta[i]], words[tb[j]]))

    def exact(i: int, j: int) -> bool:
        return 0 <= i < na and 0 <= j < nb and ta[i] == tb[j]

    def grow(i: int, j: int, step: int, stop_i: int, stop_j: int) -> tuple[int, int]:
        # (i, j) is the last agreed pair; try to move one step, allowing one skipped word
        best_i, best_j = i, j
        taken = 0
        while taken < limit:
            moves = ((step, step), (2 * step, 2 * step), (2 * step, step), (step, 2 * step))
            for di, dj in moves:
                ni, nj = i + di, j + dj
                if (step > 0 and (ni >= stop_i or nj >= stop_j)) or (step < 0 and (ni <= stop_i or nj <= stop_j)):
                    continue
                # a move counts when it lands on agreement confirmed by the next word; a
                # near match or a skipped word needs an exact match on both sides of it
                nxt = exact(ni + step, nj + step)
                if (exact(ni, nj) and (nxt or di == step == dj)) or (di == step == dj and same(ni, nj) and nxt):
                    i, j = ni, nj
                    break
            else:
                break
            best_i, best_j = i, j
            taken += 1
        return best_i, best_j

    # within one unit the two sides must not run into each other
    stop_a_hi = b_lo if a == b else na
    stop_b_lo = a_hi - 1 if a == b else -1
    lo_i, lo_j = grow(a_lo, b_lo, -1, -1, stop_b_lo)
    hi_i, hi_j = grow(a_hi - 1, b_hi - 1, 1, stop_a_hi, nb)
    return lo_i, hi_i + 1, lo_j, hi_j + 1


def measure(corpus: Corpus, a: int, a_lo: int, a_hi: int, b: int, b_lo: int, b_hi: int) -> Measures:
    """Return the :class:`Measures` of tokens ``a_lo:a_hi`` of ``a`` against ``b_lo:b_hi`` of ``b``."""
    x = corpus.span_ids(a, a_lo, a_hi)
    y = corpus.span_ids(b, b_lo, b_hi)
    if not len(x) or not len(y):
        return Measures(0.0, 0.0, 0.0, 0.0, 0.0)
    xl, yl = x.tolist(), y.tolist()
    tokens = Indel.normalized_similarity(xl, yl)
    words = corpus.words
    chars = fuzz.ratio(" ".join(words[i] for i in xl), " ".join(words[i] for i in yl)) / 100
    informative_x = set(x[~corpus.common[x]].tolist())
    informative_y = set(y[~corpus.common[y]].tolist())
    shorter = min(len(informative_x), len(informative_y))
    content = len(informative_x & informative_y) / shorter if shorter else 0.0
    anchors_x = set(x[corpus.is_anchor[x]].tolist())
    anchors_y = set(y[corpus.is_anchor[y]].tolist())
    union = anchors_x | anchors_y
    anchors = len(anchors_x & anchors_y) / len(union) if union else 0.0
    named = corpus.named if corpus.named is not None else corpus.is_anchor
    # in a corpus too small to tell function words by frequency, a short word ("the", "of",
    # "and") must not pass for shared wording; in a larger one frequency is the better judge
    shortest_word = 1 if len(corpus.units) >= 20 else 4
    plain_x = {i for i in informative_x if not named[i] and len(words[i]) >= shortest_word}
    plain_y = {i for i in informative_y if not named[i] and len(words[i]) >= shortest_word}
    return Measures(tokens, chars, content, anchors, min(len(x), len(y)) / max(len(x), len(y)),
                    len(anchors_x & anchors_y), min(len(x), len(y)), len(plain_x & plain_y),
                    min(len(plain_x), len(plain_y)),
                    sum(1 for i in informative_x & informative_y if named[i]),
                    _anchor_order(corpus, xl, yl), min(len(anchors_x), len(anchors_y)),
                    sum(1 for i in set(xl) & set(yl) if named[i] and not is_calendar(words[i])))


def _anchor_order(corpus: Corpus, x: list[int], y: list[int]) -> float:
    """Return the share of consecutive shared anchors of ``x`` found in the same order and spacing in ``y``.

    A translation keeps its names and numbers where the sentence has them: in the
    same order, about as many words apart (languages differ in length by a fifth or
    so). The same people named in another text stand wherever that text puts them.
    A run of shared anchors written together on both sides (a day, month and year; a
    first name and a surname) is one particular: its inner steps agree by themselves.
    """
    first_y: dict[int, int] = {}
    for k, t in enumerate(y):
        if corpus.is_anchor[t]:
            first_y.setdefault(t, k)
    seen: set[int] = set()
    chain = []
    for k, t in enumerate(x):
        if t in first_y and t not in seen:
            seen.add(t)
            if chain and chain[-1][0] == k - 1 and chain[-1][1] == first_y[t] - 1:
                chain[-1] = (k, first_y[t])  # the same run on both sides: one particular
                continue
            chain.append((k, first_y[t]))
    if len(chain) < 2:
        return 1.0
    agree = 0
    for (xa, ya), (xb, yb) in zip(chain, chain[1:]):
        dx, dy = xb - xa, yb - ya
        agree += dy > 0 and abs(dx - dy) <= 2 + 0.25 * max(dx, dy)
    return agree / (len(chain) - 1)


def _names_only(m: Measures) -> bool:
    """Return True when two spans have mostly names in common, with function words.

    "the Council of the Province of X" said twice is a title or an address, not a passage
    copied -- unless both sides say much else around the same names, in other words: a
    translation; a date and a number shared are no such names (two letters of one month).
    """
    return (m.shared_plain < 2 and m.shared_named > m.shared_plain
            and not (m.shared_anchors >= 3 and m.shared_names and m.anchors >= 0.6 and m.plain >= 4))


def label(m: Measures, exact: bool) -> tuple[str, float] | None:
    """Return ``(relation, score)`` for two spans with measures ``m``, or None when they are not reuse.

    A retranslation told by its anchors keeps the names of people and places: anchors that are
    only a month, a weekday, a year or a number ("May 1812") are shared by any two letters of
    one month, and make no rendering of one text by another.
    """
    if _names_only(m):
        return None
    if exact:
        return "verbatim", 1.0
    if m.chars >= 0.99 and m.tokens >= 0.97:
        return "verbatim", round(m.chars, 4)
    if m.chars >= 0.8:
        return "near_verbatim", round(m.chars, 4)
    if m.length_ratio < 0.4 and m.content >= 0.5:
        return "summary", round(m.content * 0.7, 4)
    if m.content >= 0.45 and m.tokens >= 0.35:
        # order kept and names kept, wording changed: another rendering of one text
        if m.tokens >= 0.5 or (m.anchors >= 0.6 and m.shared_names):
            return "retranslation", round(0.5 * m.tokens + 0.5 * m.content, 4)
        return "paraphrase", round(0.5 * m.tokens + 0.5 * m.content, 4)
    if (m.shared_anchors >= 3 + (m.shortest < 40) and m.shared_names and m.anchors >= 0.6 and m.length_ratio >= 0.5
            and m.anchor_order >= 0.75):
        # every word changed but the names and numbers, kept in their order and places: a
        # translation; in one short sentence three shared names and a number are as likely
        # another event of theirs, wherever that text puts them
        return "retranslation", round(0.5 * m.anchors + 0.5 * m.tokens, 4)
    if (m.shared_anchors >= 3 and m.shared_names and m.anchors >= 0.9 and m.anchor_order == 1.0
            and m.length_ratio >= 0.8):
        # a short passage needs more: every name and number of both sides shared, each in
        # its place, and the two sides as long as each other
        return "retranslation", round(0.5 * m.anchors + 0.5 * m.tokens, 4)
    return None


def local_span(corpus: Corpus, a: int, a_lo: int, a_hi: int, b: int, b_lo: int, b_hi: int,
               margin: int = 30) -> tuple[int, int, int, int, float] | None:
    """Return ``(a_lo, a_hi, b_lo, b_hi, identity)``: the best local alignment in a window around two spans.

    The window reaches ``margin`` tokens beyond each span; within one unit the two
    windows never overlap.
    """
    na, nb = corpus.length(a), corpus.length(b)
    wa_lo, wa_hi = max(0, a_lo - margin), min(na, a_hi + margin)
    wb_lo, wb_hi = max(0, b_lo - margin), min(nb, b_hi + margin)
    if a == b:
        wa_hi, wb_lo = min(wa_hi, b_lo), max(wb_lo, a_hi)
    words = corpus.words
    x = [words[i] for i in corpus.span_ids(a, wa_lo, wa_hi).tolist()]
    y = [words[i] for i in corpus.span_ids(b, wb_lo, wb_hi).tolist()]
    found = align_tokens(x, y)
    if found is None:
        return None
    x_lo, x_hi, y_lo, y_hi, identity = found
    # an edge word that differs from its counterpart ("On" and "In" after a quoted phrase) is
    # where the copy ended: the alignment reached it for a letter or two
    for _ in range(2):
        if x_lo < x_hi and y_lo < y_hi and not _similar(x[x_lo], y[y_lo]):
            x_lo, y_lo = x_lo + 1, y_lo + 1
        if x_lo < x_hi and y_lo < y_hi and not _similar(x[x_hi - 1], y[y_hi - 1]):
            x_hi, y_hi = x_hi - 1, y_hi - 1
    return wa_lo + x_lo, wa_lo + x_hi, wb_lo + y_lo, wb_lo + y_hi, identity


def verify(corpus: Corpus, c: Candidate, min_tokens: int = 8, margin: int = 30,
           noisy_identity: float = 1.01) -> Link | None:
    """Return the verified :class:`Link` for candidate ``c``, or None when it does not hold up.

    A candidate with lexical seeds is aligned locally over a window ``margin`` tokens
    beyond its seeds; an alignment whose letters agree at ``noisy_identity`` or more
    (score over the best possible) is a noisy copy, whatever the word measures say.
    Where the alignment finds less than the seeds' own span (a translation keeps its
    names and a few words, and aligns only in pieces), the seeds' span is tried too.
    """
    # a character seed counts as wide as a word n-gram: at the end of a unit, clip it
    c.a_hi = min(c.a_hi, corpus.length(c.a))
    c.b_hi = min(c.b_hi, corpus.length(c.b))
    found = None
    if c.ngram_seeds:
        aligned = local_span(corpus, c.a, c.a_lo, c.a_hi, c.b, c.b_lo, c.b_hi, margin)
        if aligned is not None:
            found = check(corpus, c, *aligned, min_tokens=min_tokens, noisy_identity=noisy_identity)
        if found is not None and (c.anchor_seeds < 3 or 2 * (found.a_hi - found.a_lo) >= c.a_hi - c.a_lo):
            return found
    if c.ngram_seeds and not c.anchor_seeds:
        return found
    box = check(corpus, c, *extend(corpus, c.a, c.a_lo, c.a_hi, c.b, c.b_lo, c.b_hi) if c.ngram_seeds
                 else (c.a_lo, c.a_hi, c.b_lo, c.b_hi), 0.0, min_tokens=min_tokens, noisy_identity=noisy_identity)
    if found is None or (box is not None and box.a_hi - box.a_lo > found.a_hi - found.a_lo):
        return box
    return found


def check(corpus: Corpus, c: Candidate, a_lo: int, a_hi: int, b_lo: int, b_hi: int, identity: float,
           min_tokens: int, noisy_identity: float) -> Link | None:
    """Return the :class:`Link` of candidate ``c`` at the given spans, or None when they are not reuse."""
    if a_hi - a_lo < min_tokens or b_hi - b_lo < min_tokens:
        return None
    if c.a == c.b and a_hi > b_lo and b_hi > a_lo:
        return None
    x = corpus.span_ids(c.a, a_lo, a_hi)
    y = corpus.span_ids(c.b, b_lo, b_hi)
    exact = len(x) == len(y) and bool(np.array_equal(x, y))
    m = measure(corpus, c.a, a_lo, a_hi, c.b, b_lo, b_hi)
    verdict = label(m, exact)
    if (verdict is None or verdict[0] not in ("verbatim", "near_verbatim")) and identity >= noisy_identity \
            and m.length_ratio >= 0.6 and not _names_only(m):
        # the same letters in the same order, most words damaged: a copy through OCR noise
        verdict = ("near_verbatim", round(identity, 4))
    if verdict is None:
        return None
    if c.ngram_seeds and c.ngram_seeds - c.char_seeds < 3 and not exact and (
            verdict[0] != "near_verbatim" or min(a_hi - a_lo, b_hi - b_lo) < 2 * min_tokens):
        # found by letters, where fewer word n-grams survived than make a candidate: a noisy
        # copy, and a long one; a short phrase or a reworded sentence met this way is a
        # formula said again (the n-grams of a phrase quoted everywhere are dropped as
        # boilerplate, its letters at the edges are not), left to the word and meaning channels
        return None
    if not exact and m.shared_anchors == 0 and m.anchor_sides >= 1:
        # the same wording around other names and figures on both sides: the same kind of
        # statement about other people, not a copy (a copy's names survive, or are damaged
        # past recognition on one side, which then has none)
        return None
    if verdict[0] not in ("verbatim", "near_verbatim") and _runs(c.pairs) < 2:
        return None  # one shared run inside different wording is a shared name or formula
    if c.a == c.b and b_lo - a_hi < 200 and a_hi - a_lo < 20:
        return None  # a phrase said twice in one paragraph is rhetoric, not reuse
    if c.a == c.b and m.shared_plain < 2:
        return None  # a text naming its people again does not translate itself
    return Link(c.a, a_lo, a_hi, c.b, b_lo, b_hi, *verdict)


def _runs(pairs: list[tuple[int, int]]) -> int:
    """Return how many separate runs (same diagonal, consecutive) the seed pairs form."""
    runs = 0
    last = None
    for x, y in sorted(pairs):
        if last is None or x - last[0] > 1 or (y - x) != (last[1] - last[0]):
            runs += 1
        last = (x, y)
    return runs
