"""Local alignment: Smith–Waterman with affine gaps over a window around a candidate's seeds.

Seeds say *that* two passages agree, not where the agreement begins and ends: the
first and last surviving seeds of a noisy copy lie inside it, and two fragments of
one copy are split wherever the noise (or a reworded clause) broke the seeds. As
passim does, the two sides' windows are aligned character by character with
affine gaps (match +2, mismatch -1, gap open 5, extend 1: a wrong letter costs
less than a missing word, a long insertion costs by its length), and the
best-scoring local alignment is the passage pair. Neighbouring fragments of one
unit pair are merged into one window first, so the alignment runs across the
stretch between them when it still agrees more than it differs.

The words are aligned as written in the token stream (folded, one space between
words): a merged or split word costs one gap. The kernel is parasail's prefix-scan
SIMD implementation (C), in 16-bit integers where no score of the window can leave them
(32-bit beyond): the same matrix, score and end cell as the striped kernel that tries 8,
then 16, then 32 bits, at about half its cost on two copies of one text, where the striped
kernel's lazy corrections run along every column.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Alignment", "align_local", "align_tokens", "window_text"]

MATCH, MISMATCH, GAP_OPEN, GAP_EXTEND = 2, -1, 5, 1
#: folded text uses these; anything else is compared as one wild letter
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 "


@dataclass(frozen=True, slots=True)
class Alignment:
    """The best local alignment of two strings: ``x[x_start:x_end]`` with ``y[y_start:y_end]``."""

    x_start: int
    x_end: int
    y_start: int
    y_end: int
    score: int

    @property
    def identity(self) -> float:
        """Return the score over the best possible score of the shorter side (1.0: identical)."""
        shorter = min(self.x_end - self.x_start, self.y_end - self.y_start)
        return self.score / (MATCH * shorter) if shorter > 0 else 0.0


@lru_cache(maxsize=1)
def _matrix():
    import parasail
    return parasail.matrix_create(_ALPHABET + "*", MATCH, MISMATCH)


_KNOWN = frozenset(_ALPHABET)


def _clean(text: str) -> str:
    """Return ``text`` with every character outside the alignment alphabet as ``*``."""
    return "".join(c if c in _KNOWN else "*" for c in text)


def align_local(x: str, y: str) -> Alignment | None:
    """Return the best local alignment of ``x`` and ``y`` (affine gaps), or None when nothing scores.

    >>> x, y = "noise noise the quick brown fox", "zz the quikc brown fox yy"
    >>> a = align_local(x, y)
    >>> x[a.x_start:a.x_end], y[a.y_start:a.y_end]
    (' the quick brown fox', ' the quikc brown fox')
    """
    if not x or not y:
        return None
    x, y = _clean(x), _clean(y)
    matrix = _matrix()
    forward = _sw(x, y, matrix)
    if forward.score <= 0:
        return None
    x_end, y_end = forward.end_query + 1, forward.end_ref + 1
    # the start: the same alignment found from its end, on both prefixes reversed
    backward = _sw(x[:x_end][::-1], y[:y_end][::-1], matrix)
    x_start = x_end - (backward.end_query + 1)
    y_start = y_end - (backward.end_ref + 1)
    return Alignment(x_start, x_end, y_start, y_end, int(forward.score))


#: longest side aligned in 16-bit integers: a score is at most MATCH a letter of the shorter side,
#: a gap's penalty at most GAP_OPEN + GAP_EXTEND a letter of the longer one, both well inside 2**15
_SHORT_16 = 12_000


def _sw(x: str, y: str, matrix):
    """Return parasail's best local alignment of ``x`` and ``y`` (score, end cell), in the narrowest exact integers."""
    import parasail
    if max(len(x), len(y)) <= _SHORT_16:
        found = parasail.sw_scan_16(x, y, GAP_OPEN, GAP_EXTEND, matrix)
        if not found.saturated:
            return found
    return parasail.sw_scan_32(x, y, GAP_OPEN, GAP_EXTEND, matrix)


def window_text(words: list[str]) -> tuple[str, list[int]]:
    """Return ``words`` joined by single spaces and the start offset of each word in that string."""
    starts = []
    at = 0
    for w in words:
        starts.append(at)
        at += len(w) + 1
    return " ".join(words), starts


def align_tokens(x_words: list[str], y_words: list[str]) -> tuple[int, int, int, int, float] | None:
    """Return ``(x_lo, x_hi, y_lo, y_hi, identity)``: the local alignment of two word lists, in words.

    A word cut by the alignment's edge does not count.
    """
    x, x_starts = window_text(x_words)
    y, y_starts = window_text(y_words)
    found = align_local(x, y)
    if found is None:
        return None
    x_lo, x_hi = _word_range(x_starts, x_words, found.x_start, found.x_end)
    y_lo, y_hi = _word_range(y_starts, y_words, found.y_start, found.y_end)
    if x_hi <= x_lo or y_hi <= y_lo:
        return None
    return x_lo, x_hi, y_lo, y_hi, found.identity


def _word_range(starts: list[int], words: list[str], start: int, end: int) -> tuple[int, int]:
    """Return the words ``lo:hi`` that the characters ``start:end`` cover whole.

    The edges of a local alignment wander into a neighbouring word by a letter or two
    (its first letters happen to match: "the" and "thus"): such a word is not part of
    the passage. A noisy copy loses at most the one word its edge cuts.
    """
    lo = max(0, bisect_right(starts, start) - 1)
    if start > starts[lo]:
        lo += 1
    hi = bisect_left(starts, end)  # words that begin before the end
    if hi > lo and end < starts[hi - 1] + len(words[hi - 1]):
        hi -= 1
    return lo, hi
