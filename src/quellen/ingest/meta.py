"""What a file says about itself outside its text: format metadata and a sidecar file.

Each reader's metadata, then the sidecar, in this order (the later wins):

1. **EPUB**: the package file's ``dc:creator`` (author), ``dc:title``; **HTML/XHTML**:
   ``<meta name="author">`` (also ``DC.creator``, ``dcterms.creator``, ``citation_author``);
   **TEI**: ``teiHeader/fileDesc/titleStmt/author``; **PDF**: the document information's
   ``/Author`` and ``/Title``. Dates of these files are the e-book's or the scan's, not the
   writing's, so they are not read.
2. **A sidecar**: ``NAME.meta.toml`` beside the file (``diary.txt.meta.toml`` for
   ``diary.txt``), for what plain text cannot carry::

       author = "Ann Pell"        # who wrote the texts of this file that name no writer
       year = 1702                # the year its first yearless date falls in
       place = "Penrith"          # where it was written (chooses the calendar)
       country = "GB"             # or the country itself (ISO 3166 alpha-2)
       calendar = "julian"        # "julian", "gregorian" or "auto": overrides dates.calendar

Every value is kept as ``(key, value, origin)`` in :attr:`quellen.model.Source.meta`; the
segmenter uses it as context (an inferred author or year, never a stated one).
"""
from __future__ import annotations

import io
import tomllib
import zipfile
from pathlib import Path

from ..errors import FormatMismatch
from ..model import SOURCE_META_KEYS

__all__ = ["sidecar_path", "read_sidecar", "epub_metadata", "html_metadata", "pdf_metadata",
           "SIDECAR_SUFFIX"]

Meta = list[tuple[str, str, str]]

#: the sidecar of ``diary.txt`` is ``diary.txt.meta.toml``
SIDECAR_SUFFIX = ".meta.toml"
_CALENDAR_VALUES = ("auto", "gregorian", "julian")


def sidecar_path(path: str | Path) -> Path:
    """Return the path of the sidecar that would describe the file at ``path``."""
    path = Path(path)
    return path.with_name(path.name + SIDECAR_SUFFIX)


def read_sidecar(path: str | Path) -> Meta:
    """Return the (key, value, origin) entries of the sidecar beside ``path`` ([] when there is none).

    Raises :class:`~quellen.errors.FormatMismatch` naming the sidecar when it is not TOML, holds a
    key quellen does not know, or a value of the wrong shape.
    """
    side = sidecar_path(path)
    if not side.is_file():
        return []
    name = str(side)
    try:
        data = tomllib.loads(side.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise FormatMismatch(name, f"the sidecar is not TOML ({exc})") from None
    out: Meta = []
    origin = f"sidecar {side.name}"
    for key, value in data.items():
        if key not in SOURCE_META_KEYS:
            raise FormatMismatch(name, f"unknown key {key!r} in the sidecar (known: {', '.join(SOURCE_META_KEYS)})")
        if key == "year":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 2999:
                raise FormatMismatch(name, f"year must be a whole number such as 1702, got {value!r}")
        elif not isinstance(value, str) or not value.strip():
            raise FormatMismatch(name, f"{key} must be a non-empty string, got {value!r}")
        if key == "calendar" and value not in _CALENDAR_VALUES:
            raise FormatMismatch(name, f"calendar must be one of {', '.join(_CALENDAR_VALUES)}, got {value!r}")
        if key == "country" and not (len(value) == 2 and value.isalpha()):
            raise FormatMismatch(name, f"country must be an ISO 3166 alpha-2 code such as 'GB', got {value!r}")
        if key == "language" and not (len(value) == 2 and value.isalpha() and value.islower()):
            raise FormatMismatch(name, f"language must be an ISO 639-1 code such as 'en', got {value!r}")
        out.append((key, str(value).strip(), origin))
    return out


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def epub_metadata(data: bytes) -> Meta:
    """Return the author(s) and title of an EPUB's package file (``dc:creator``, ``dc:title``)."""
    from lxml import etree
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            from .epub import find_opf
            opf = zf.read(find_opf("epub", zf))
    except (zipfile.BadZipFile, KeyError, FormatMismatch):
        return []
    try:
        root = etree.fromstring(opf, parser=etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    creators, out = [], []
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        if tag == "creator" and _clean(el.text):
            # EPUB 2 marks the role on the element, EPUB 3 in a refines meta: only authors count
            role = el.get("{http://www.idpf.org/2007/opf}role") or el.get("role")
            if role in (None, "aut"):
                creators.append(_clean(el.text))
        elif tag == "title" and _clean(el.text) and not any(k == "title" for k, _, _ in out):
            out.append(("title", _clean(el.text), "EPUB dc:title"))
    if creators:
        out.insert(0, ("author", " and ".join(creators), "EPUB dc:creator"))
    return out


_HTML_AUTHOR_NAMES = ("author", "dc.creator", "dcterms.creator", "citation_author", "article:author")


def html_metadata(root) -> Meta:
    """Return the author of an HTML page (``<meta name="author">`` and its Dublin Core twins) or of a
    TEI text (``teiHeader/fileDesc/titleStmt/author``), from the parsed tree."""
    out: Meta = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.rsplit("}", 1)[-1].lower()
        if tag == "meta":
            key = (el.get("name") or el.get("property") or "").lower()
            if key in _HTML_AUTHOR_NAMES and _clean(el.get("content")):
                out.append(("author", _clean(el.get("content")), f'HTML <meta name="{key}">'))
                break
        elif tag == "titlestmt":
            for child in el:
                if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1].lower() == "author":
                    name = _clean("".join(child.itertext()))
                    if name:
                        out.append(("author", name, "TEI titleStmt/author"))
                        break
            break
    return out


def pdf_metadata(data: bytes) -> Meta:
    """Return the author and title of a PDF's document information dictionary."""
    from pypdf import PdfReader
    try:
        info = PdfReader(io.BytesIO(data)).metadata
    except Exception:  # a damaged info dictionary must not stop the reading of the text
        return []
    if not info:
        return []
    out: Meta = []
    if _clean(info.get("/Author")):
        out.append(("author", _clean(info.get("/Author")), "PDF info /Author"))
    if _clean(info.get("/Title")):
        out.append(("title", _clean(info.get("/Title")), "PDF info /Title"))
    return out
