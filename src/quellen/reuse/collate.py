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

import json
from json.encoder import encode_basestring
from typing import Any

from rapidfuzz.distance import Levenshtein

from .normalize import Tokens

__all__ = ["collate", "collate_json"]


def _token(text: str, tokens: Tokens, i: int) -> dict[str, Any]:
    s, e = tokens.starts[i], tokens.ends[i]
    return {"t": text[s:e], "n": tokens.words[i], "start": s, "end": e}


def collate(sigla: list[str], texts: list[str], witnesses: list[Tokens],
            max_tokens: int = 3000) -> dict[str, Any]:
    """Return the CollateX-compatible alignment table of ``witnesses`` (the first is the base).

    ``texts[k]`` is the source text ``witnesses[k]`` points into. Witnesses
    longer than ``max_tokens`` are cut there (the table says so in ``truncated``).
    """
    rows, kinds, truncated = _rows(witnesses, max_tokens)
    table = [[[_token(texts[k], witnesses[k], j) for j in cell] for k, cell in enumerate(row)] for row in rows]
    return {"witnesses": list(sigla), "table": table, "variation": kinds, "truncated": truncated}


def collate_json(sigla: list[str], texts: list[str], witnesses: list[Tokens], max_tokens: int = 3000) -> str:
    """Return :func:`collate`'s table as its JSON text, the bytes :func:`quellen.vocab.json_text` gives it.

    Written token by token, without the table's dicts (one per token and witness: a group
    of whole copies has hundreds of thousands).
    """
    rows, kinds, truncated = _rows(witnesses, max_tokens)
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    # each token's JSON once (the keys in json_text's order, sorted: end, n, start, t); encode_basestring
    # is what the encoder calls for a string when ensure_ascii is off
    tokens = [[f'{{"end":{e},"n":{encode_basestring(word)},"start":{s},"t":{encode_basestring(text[s:e])}}}'
               for word, s, e in zip(w.words[:max_tokens], w.starts[:max_tokens], w.ends[:max_tokens])]
              for w, text in zip(witnesses, texts)]
    table = ",".join("[" + ",".join("[" + ",".join([tokens[k][j] for j in cell]) + "]" for k, cell in enumerate(row))
                     + "]" for row in rows)
    return (f'{{"table":[{table}],"truncated":{"true" if truncated else "false"},'
            f'"variation":{dumps(kinds)},"witnesses":{dumps(list(sigla))}}}')


def _rows(witnesses: list[Tokens], max_tokens: int) -> tuple[list[list[list[int]]], list[str], bool]:
    """Return the table's rows (per witness, the indexes of its tokens in the cell), their kinds, and truncated."""
    truncated = any(len(w) > max_tokens for w in witnesses)
    base = witnesses[0]
    n = min(len(base), max_tokens)
    # slot 2*i: tokens inserted before base token i; slot 2*i+1: base token i's column
    slots: list[list[list[int]]] = [[[] for _ in witnesses] for _ in range(2 * n + 1)]
    for i in range(n):
        slots[2 * i + 1][0].append(i)
    base_words = base.words[:n]
    for k in range(1, len(witnesses)):
        w = witnesses[k]
        m = min(len(w), max_tokens)
        for op in Levenshtein.opcodes(base_words, w.words[:m]):
            tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
            if tag == "equal":
                for d in range(i2 - i1):
                    slots[2 * (i1 + d) + 1][k].append(j1 + d)
            elif tag == "insert":
                slots[2 * i1][k].extend(range(j1, j2))
            elif tag == "replace":
                # spread the witness's words over the base words they replace
                span = i2 - i1
                for d, j in enumerate(range(j1, j2)):
                    slots[2 * (i1 + min(d, span - 1)) + 1][k].append(j)
            # "delete": the base words have no counterpart, the cells stay empty
    rows = []
    kinds = []
    for row in slots:
        if not any(row):
            continue
        rows.append(row)
        readings = {" ".join(witnesses[k].words[j] for j in cell) for k, cell in enumerate(row)}
        if len(readings) == 1:
            kinds.append("same")
        elif not row[0]:
            kinds.append("insertion")
        elif any(not cell for cell in row):
            kinds.append("deletion")
        else:
            kinds.append("substitution")
    return rows, kinds, truncated
