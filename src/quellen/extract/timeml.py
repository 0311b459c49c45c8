"""TimeML for one plain text: inline ``TIMEX3`` elements written and read back.

:func:`to_timeml` is what ``quellen timex --format timeml`` prints (TempEval-3 layout:
``DCT`` then ``TEXT``); :func:`read_timeml` reads such a file (ours or a gold
annotation) back into the plain text, its creation time and the timexes with
character offsets — the benchmark harness scores with it.
"""
from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

__all__ = ["to_timeml", "read_timeml"]

# characters XML 1.0 cannot carry at all; they are dropped from the output
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str) -> str:
    return escape(_NOT_XML.sub("", text))


def to_timeml(text: str, timexes: list[dict], dct: str | None = None) -> str:
    """Return ``text`` as a TimeML document with each timex (char_start, char_end, type, value) inline."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n']
    if dct:
        parts.append(f'<DCT><TIMEX3 tid="t0" type="DATE" value={quoteattr(dct)} temporalFunction="false" '
                     f'functionInDocument="CREATION_TIME">{_x(dct)}</TIMEX3></DCT>\n')
    parts.append("<TEXT>")
    pos = 0
    for n, t in enumerate(sorted(timexes, key=lambda t: (t["char_start"], -t["char_end"])), 1):
        if t["char_start"] < pos:
            continue  # TimeML elements may not overlap
        parts.append(_x(text[pos:t["char_start"]]))
        parts.append(f'<TIMEX3 tid="t{n}" type={quoteattr(t["type"])} value={quoteattr(t["value"])}>'
                     f'{_x(text[t["char_start"]:t["char_end"]])}</TIMEX3>')
        pos = t["char_end"]
    parts.append(_x(text[pos:]))
    parts.append("</TEXT>\n</TimeML>\n")
    return "".join(parts)


def read_timeml(data: str | bytes) -> tuple[str, str | None, list[dict]]:
    """Return (plain text of TEXT, DCT value or None, timexes with char offsets into that text)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    dct = None
    for node in root.iter("DCT"):
        t = node.find(".//TIMEX3")
        if t is not None:
            dct = t.get("value")
    body = root.find(".//TEXT")
    if body is None:
        raise ValueError("no TEXT element")
    chunks: list[str] = []
    timexes: list[dict] = []
    pos = 0

    def walk(node) -> None:
        nonlocal pos
        if node.text:
            chunks.append(node.text)
            pos += len(node.text)
        for child in node:
            start = pos
            walk(child)
            if child.tag == "TIMEX3":
                timexes.append({"char_start": start, "char_end": pos, "text": "".join(chunks)[start:pos],
                                "type": child.get("type"), "value": child.get("value"),
                                "tid": child.get("tid")})
            if child.tail:
                chunks.append(child.tail)
                pos += len(child.tail)

    walk(body)
    return "".join(chunks), dct, timexes
