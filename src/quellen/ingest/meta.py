"""What a file says about itself outside its text: format metadata and a sidecar file.

Each reader's metadata, then the sidecar, in this order (the later wins):

1. **EPUB**: the package file's ``dc:creator`` (author), ``dc:title``, ``dc:language``;
   **HTML/XHTML**: ``<meta name="author">`` (also ``DC.creator``, ``dcterms.creator``,
   ``citation_author``) and the language the page declares (``<html lang>``, ``xml:lang``,
   ``<meta name="DC.language">``, ``Content-Language``); **TEI**: ``teiHeader/fileDesc/titleStmt/author``
   and the ``xml:lang`` of the ``TEI`` or ``text`` element; **PDF**: the document information's
   ``/Author`` and ``/Title``, and the year its running heads name (read with the text, see
   :func:`quellen.ingest.pdf.running_year`). Dates of these files are the e-book's or the scan's, not the
   writing's, so they are not read. A declared language is kept as its BCP 47 tag ("en-GB"): where
   no place is named, its language chooses the calendar its dates are read in.
2. **A sidecar**: ``NAME.meta.toml`` beside the file (``diary.txt.meta.toml`` for
   ``diary.txt``), for what plain text cannot carry::

       author = "Ann Pell"        # who wrote the texts of this file that name no writer
       year = 1702                # the year its first yearless date falls in, as the writer counted it
                                  # (before 1752 in Britain a civil year began on 25 March)
       place = "Penrith"          # where it was written (chooses the calendar)
       country = "GB"             # or the country itself (ISO 3166 alpha-2)
       calendar = "julian"        # "julian", "gregorian" or "auto": overrides dates.calendar

Every value is kept as ``(key, value, origin)`` in :attr:`quellen.model.Source.meta`; the
segmenter uses it as context (an inferred author or year, never a stated one).
"""
from __future__ import annotations

import io
import re
import tomllib
import zipfile
from pathlib import Path

from ..errors import FormatMismatch
from ..model import SOURCE_META_KEYS

__all__ = ["sidecar_path", "read_sidecar", "epub_metadata", "html_metadata", "pdf_metadata", "language_tag",
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


def language_tag(value: str | None) -> str:
    """Return a declared language as a BCP 47 tag, language lower-case and region upper-case ("en-GB"), or
    "" when it is not one ("English", "x").

    >>> language_tag("en_gb"), language_tag(" RU "), language_tag("English")
    ('en-GB', 'ru', '')
    """
    parts = _clean(value).replace("_", "-").split("-")
    if not parts or not re.fullmatch(r"[A-Za-z]{2,3}", parts[0]):
        return ""
    out = [parts[0].lower()]
    for part in parts[1:]:
        if not re.fullmatch(r"[A-Za-z0-9]{1,8}", part):
            break
        out.append(part.upper() if len(part) == 2 and part.isalpha() else part)
    return "-".join(out)


def epub_metadata(data: bytes) -> Meta:
    """Return the author(s), title and language of an EPUB's package file (``dc:creator``, ``dc:title``,
    ``dc:language``)."""
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
        elif tag == "language" and language_tag(el.text) and not any(k == "language" for k, _, _ in out):
            out.append(("language", language_tag(el.text), "EPUB dc:language"))
    if creators:
        out.insert(0, ("author", " and ".join(creators), "EPUB dc:creator"))
    return out


_HTML_AUTHOR_NAMES = ("author", "dc.creator", "dcterms.creator", "citation_author", "article:author")


_HTML_LANGUAGE_NAMES = ("dc.language", "dcterms.language", "language", "content-language")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _declared_lang(el) -> str:
    """Return the language tag an element declares (``lang``, ``xml:lang``), or ""."""
    return language_tag(el.get("lang") or el.get(_XML_LANG) or el.get("xml:lang"))


def html_metadata(root) -> Meta:
    """Return the author and the declared language of an HTML page (``<meta name="author">`` and its
    Dublin Core twins; ``<html lang>``, ``xml:lang``, a language ``<meta>``) or of a TEI text
    (``teiHeader/fileDesc/titleStmt/author``; the ``xml:lang`` of ``TEI`` or ``text``), from the parsed tree."""
    out: Meta = []
    author, title_stmt = "", False
    # the root's own declaration first; a TEI root without one may declare it on its <text>
    root_lang = _declared_lang(root)
    language = (root_lang, "HTML lang" if root.tag == "html" else "TEI xml:lang") if root_lang else ("", "")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.rsplit("}", 1)[-1].lower()
        if tag == "meta":
            key = (el.get("name") or el.get("property") or el.get("http-equiv") or "").lower()
            if key in _HTML_AUTHOR_NAMES and _clean(el.get("content")) and not author:
                author = _clean(el.get("content"))
                out.append(("author", author, f'HTML <meta name="{key}">'))
            elif key in _HTML_LANGUAGE_NAMES and language_tag(el.get("content")) and not language[0]:
                language = (language_tag(el.get("content")), f'HTML <meta name="{key}">')
        elif tag == "titlestmt" and not title_stmt:
            title_stmt = True  # the file's own; a later one describes its source
            for child in el:
                if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1].lower() == "author":
                    author = _clean("".join(child.itertext()))
                    if author:
                        out.append(("author", author, "TEI titleStmt/author"))
                        break
        elif tag in ("text", "body") and _declared_lang(el) and not language[0]:
            language = (_declared_lang(el), "TEI <text xml:lang>" if tag == "text" else "HTML <body lang>")
    if language[0]:
        out.append(("language", *language))
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
