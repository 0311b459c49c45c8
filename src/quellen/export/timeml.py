"""TimeML, written and read in one place.

* the export: one ``.tml`` file per document, its text with ``TIMEX3`` tags inline (``type``,
  ``value`` as the date layer holds it) and the document's own date as the creation time (``DCT``),
  written into a folder, named after the document id (:func:`write`, :func:`to_tree`);
* one plain text: :func:`to_timeml` is what ``quellen timex --format timeml`` prints (TempEval-3
  layout: ``DCT`` then ``TEXT``); :func:`read_timeml` reads such a file (ours or a gold annotation)
  back into the plain text, its creation time and the timexes with character offsets — the
  benchmark harness scores with it.
"""
from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from ._io import write_atomic, xml_bytes
from .tei import clean_text

__all__ = ["to_tree", "write", "dct_value", "to_timeml", "read_timeml"]


def dct_value(date) -> str:
    """Return a TIMEX3 ``value`` for a document's Date: its EDTF without the uncertainty marks
    (``1929?`` -> ``1929``; the doubt stays in the JSON export) and, for an interval, its start."""
    value = date.edtf.replace("?", "").replace("~", "").replace("%", "")
    if "/" in value:
        start, _, end = value.partition("/")
        value = start if start and start != ".." else end
    return value or "XXXX"


def to_tree(document, text: str, timexes) -> etree._ElementTree:
    """Return the TimeML tree for one document of ``text`` with its ``timexes``."""
    root = etree.Element("TimeML")
    etree.SubElement(root, "DOCID").text = document.id
    if document.date is not None:
        dct = etree.SubElement(etree.SubElement(root, "DCT"), "TIMEX3", tid="t0", type="DATE",
                               value=dct_value(document.date), functionInDocument="CREATION_TIME")
        dct.text = clean_text(document.date.text)
    body = etree.SubElement(root, "TEXT")
    pos, last, n = document.char_start, None, 0
    body.text = ""
    for t in sorted(timexes, key=lambda t: (t.char_start, -t.char_end)):
        if t.char_start < pos or t.char_end > document.char_end:
            continue  # TimeML tags may not overlap
        chunk = clean_text(text[pos:t.char_start])
        if last is None:
            body.text += chunk
        else:
            last.tail = chunk
        n += 1
        last = etree.SubElement(body, "TIMEX3", tid=f"t{n}", type=t.type, value=t.value)
        if t.anchor and document.date is not None:
            last.set("anchorTimeID", "t0")
        last.text = clean_text(text[t.char_start:t.char_end])
        pos = t.char_end
    tail = clean_text(text[pos:document.char_end])
    if last is None:
        body.text += tail
    else:
        last.tail = tail
    return etree.ElementTree(root)


def write(store, output: Path) -> list[Path]:
    """Return the paths written: one ``<document id>.tml`` per document in the folder ``output``."""
    output.mkdir(parents=True, exist_ok=True)
    texts = {s.id: s.text for s in store.sources()}
    by_document: dict[str, list] = {}
    for t in store.timexes():
        by_document.setdefault(t.document or "", []).append(t)
    written = []
    for d in store.documents():
        path = output / f"{d.id}.tml"
        write_atomic(path, xml_bytes(to_tree(d, texts[d.source], by_document.get(d.id, [])), pretty=False))
        written.append(path)
    return written


# ----------------------------------------------------------------------------- one plain text
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
