"""Word lists kept as data: ``quellen/data/lexicon/<name>.txt``, one entry a line.

Lines starting with ``#`` are comments. The order of a file is kept: a rule that joins a list
into a regular-expression alternation tries its entries in that order. Standard library only.
"""
from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["words"]


@cache
def words(name: str) -> tuple[str, ...]:
    """Return the entries of the word list ``name`` in file order (``data/lexicon/<name>.txt``)."""
    text = resources.files("quellen").joinpath(f"data/lexicon/{name}.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
