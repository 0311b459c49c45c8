"""TimeML export: one ``.tml`` file per document, its text with ``TIMEX3`` tags inline
(``type``, ``value`` as the date tagger normalised it) and the document's own date as the
creation time (``DCT``). Written into a folder, named after the document id."""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from ._io import write_atomic, xml_bytes
from .tei import clean_text

__all__ = ["to_tree", "write", "dct_value"]


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
