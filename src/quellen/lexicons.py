"""Word lists kept as data: ``quellen/data/lexicon/<name>.txt``, one entry a line.

Lines starting with ``#`` are comments. The order of a file is kept: a rule that joins a list
into a regular-expression alternation tries its entries in that order. A word list that maps a word
to what it stands for (a pet name to its full names, a month to its number) writes
``word = value`` a line: :func:`pairs` reads it. Standard library only.
"""
from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["words", "pairs"]


@cache
def words(name: str) -> tuple[str, ...]:
    """Return the entries of the word list ``name`` in file order (``data/lexicon/<name>.txt``)."""
    text = resources.files("quellen").joinpath(f"data/lexicon/{name}.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def pairs(name: str) -> tuple[tuple[str, str], ...]:
    """Return the entries of the word list ``name`` as (word, what it stands for), in file order.

    Each line reads ``word = value`` ("bill = william", "a dozen = 12").
    """
    out = []
    for line in words(name):
        word, equals, value = line.partition("=")
        if not equals:
            raise ValueError(f"data/lexicon/{name}.txt: {line!r} is not 'word = value'")
        out.append((word.strip(), value.strip()))
    return tuple(out)
