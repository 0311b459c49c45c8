"""Tokens for reuse detection: lower case, folded diacritics, numbers kept, offsets preserved.

Every token keeps its ``(start, end)`` in the source text, so whatever the
finder aligns can be reported as a standoff span of the untouched text.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Tokens", "fold", "tokenize", "split_sentences"]

# letters and digits; an apostrophe inside a word keeps "don't" one token, as
# OCR and re-typing often drop or change the apostrophe itself
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_APOSTROPHES = str.maketrans({"'": "", "\u2019": ""})
_FOLD_CACHE: dict[str, str] = {}


def fold(word: str) -> str:
    """Return ``word`` lower-cased with diacritics and apostrophes removed.

    >>> fold("Éléonore")
    'eleonore'
    """
    folded = _FOLD_CACHE.get(word)
    if folded is None:
        decomposed = unicodedata.normalize("NFKD", word)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        folded = folded.translate(_APOSTROPHES)
        if len(_FOLD_CACHE) < 500_000:  # bounded: a corpus of OCR noise has many hapaxes
            _FOLD_CACHE[word] = folded
    return folded


@dataclass(slots=True)
class Tokens:
    """The folded words of one stretch of text, with their offsets and capitalisation."""

    words: list[str]
    #: offsets as machine integers (``array('q')``, indexed and sliced like lists): the corpus
    #: layer holds every unit's tokens, and a list of Python ints cost ~40 bytes an offset, not 8
    starts: Sequence[int]
    ends: Sequence[int]
    #: True where the word was written with a capital and does not open a sentence
    capital: list[bool]

    def __len__(self) -> int:
        return len(self.words)


def tokenize(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """Return the :class:`Tokens` of ``text[start:end]``, offsets counted in ``text``."""
    end = len(text) if end is None else end
    words: list[str] = []
    starts = array("q")
    ends = array("q")
    capital: list[bool] = []
    previous_end = start
    cache = _FOLD_CACHE
    opener = _OPENER.search
    for match in _WORD.finditer(text, start, end):
        raw = match.group()
        s, e = match.span()
        folded = cache.get(raw)
        words.append(folded if folded is not None else fold(raw))
        starts.append(s)
        ends.append(e)
        # a capital right after ., !, ? or a line break is sentence case, not a name;
        # all capitals is a heading's typography, not a name's
        capital.append(raw[0].isupper() and not (len(raw) > 1 and raw.isupper())
                       and len(words) > 1 and opener(text, previous_end, s) is None)
        previous_end = e
    return Tokens(words, starts, ends, capital)


#: what opens a sentence between two words (searched in the gap, not the words)
_OPENER = re.compile(r"[.!?\n:;\"\u201c]")


_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[^\W\d_]|\d)"
                           r"|\n\s*\n|\n(?=\s*[\"\u201c]?[A-Z\d])")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences in ``text[start:end]``, blanks trimmed.

    A plain punctuation rule, language-neutral enough for alignment: a sentence
    ends at ., ! or ? before whitespace, or at a line break before a capital.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, end))
    result = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            result.append((s, e))
    return result
