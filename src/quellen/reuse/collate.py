"""Collation: a word-level alignment table of a group's witnesses, CollateX JSON style.

The first witness is the base; every other witness is aligned to it on folded
tokens (Levenshtein.opcodes from rapidfuzz, linear in practice where CollateX's
variant graph slows past a few hundred words). The table is CollateX's JSON
output shape: ``{"witnesses": [sigla], "table": [[cell per witness], ...]}``,
each cell a list of tokens ``{"t": as written, "n": normalized, "start", "end"}``
(offsets into the source text, for the reader's side-by-side view); an empty
cell is a gap. Rows where the witnesses differ carry the kind of variation.
"""
from __future__ import annotations

from typing import Any

from rapidfuzz.distance import Levenshtein

from .normalize import Tokens

__all__ = ["collate"]


def _token(text: str, tokens: Tokens, i: int) -> dict[str, Any]:
    s, e = tokens.starts[i], tokens.ends[i]
    return {"t": text[s:e], "n": tokens.words[i], "start": s, "end": e}


def collate(sigla: list[str], texts: list[str], witnesses: list[Tokens],
            max_tokens: int = 3000) -> dict[str, Any]:
    """Return the CollateX-compatible alignment table of ``witnesses`` (the first is the base).

    ``texts[k]`` is the source text ``witnesses[k]`` points into. Witnesses
    longer than ``max_tokens`` are cut there (the table says so in ``truncated``).
    """
    truncated = any(len(w) > max_tokens for w in witnesses)
    base = witnesses[0]
    n = min(len(base), max_tokens)
    # slot 2*i: tokens inserted before base token i; slot 2*i+1: base token i's column
    slots: list[list[list[dict[str, Any]]]] = [[[] for _ in witnesses] for _ in range(2 * n + 1)]
    for i in range(n):
        slots[2 * i + 1][0].append(_token(texts[0], base, i))
    base_words = base.words[:n]
    for k in range(1, len(witnesses)):
        w = witnesses[k]
        m = min(len(w), max_tokens)
        for op in Levenshtein.opcodes(base_words, w.words[:m]):
            tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
            if tag == "equal":
                for d in range(i2 - i1):
                    slots[2 * (i1 + d) + 1][k].append(_token(texts[k], w, j1 + d))
            elif tag == "insert":
                slots[2 * i1][k].extend(_token(texts[k], w, j) for j in range(j1, j2))
            elif tag == "replace":
                # spread the witness's words over the base words they replace
                span = i2 - i1
                for d, j in enumerate(range(j1, j2)):
                    slots[2 * (i1 + min(d, span - 1)) + 1][k].append(_token(texts[k], w, j))
            # "delete": the base words have no counterpart, the cells stay empty
    table = []
    kinds = []
    for row in slots:
        if not any(row):
            continue
        table.append(row)
        readings = {" ".join(t["n"] for t in cell) for cell in row}
        if len(readings) == 1:
            kinds.append("same")
        elif not row[0]:
            kinds.append("insertion")
        elif any(not cell for cell in row):
            kinds.append("deletion")
        else:
            kinds.append("substitution")
    return {"witnesses": list(sigla), "table": table, "variation": kinds, "truncated": truncated}
