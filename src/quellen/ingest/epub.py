"""EPUB: the chapters in spine order, each read as an e-book chapter.

Read with :mod:`zipfile` and lxml rather than a heavier e-book library: an
EPUB is a ZIP with ``META-INF/container.xml`` pointing at the package file
(OPF), whose ``spine`` lists the chapters in reading order. Each chapter goes
through the HTML block walker in book mode (every block kept); chapters are
separated by a blank line like any other blocks. A chapter without a heading
of its own gets its title from the table of contents as an ``h2`` block, so
the segmenter sees where each chapter starts. What the markup marks as the e-book's own
production furniture (``epub:type`` ``colophon``, ``copyright-page``, ``imprint``: who transcribed
it, when, under what licence) is left out like the table of contents: it is the edition's, not the
source's, and its modern years would pass for dates of the texts.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
from urllib.parse import unquote

import zlib

from ..errors import EmptyInput, FormatMismatch, TooLargeInput, UnreadableInput
from ..settings import IngestSettings
from .html import RawBlock, assemble, decode_html, parse_html, walk_blocks

__all__ = ["read_epub", "spine_documents"]

_XHTML_TYPES = ("application/xhtml+xml", "text/html", "application/xml", "text/xml")
_OPS_TYPE = "{http://www.idpf.org/2007/ops}type"
#: epub:type tokens (EPUB 3 structural semantics) of the e-book's production furniture
_EDITION_TYPES = frozenset({"colophon", "copyright-page", "imprint"})


def _edition_furniture(el) -> bool:
    """Return whether an element is marked as the e-book's own colophon, copyright page or imprint."""
    types = (el.get(_OPS_TYPE) or el.get("epub:type") or "").split()
    return any(token.rsplit(":", 1)[-1] in _EDITION_TYPES for token in types)


class _Archive:
    """A ZIP archive whose members are inflated under one budget of decompressed bytes: a member
    that claims 1 KB and inflates to 1 GB (a zip bomb) stops at the budget, whatever its header says."""

    CHUNK = 1 << 16

    def __init__(self, name: str, zf: zipfile.ZipFile, budget: int):
        self.name, self.zf, self.budget = name, zf, budget

    def namelist(self) -> list[str]:
        """Return the names of the archive's members."""
        return self.zf.namelist()

    def read(self, member: str) -> bytes:
        """Return the inflated bytes of ``member``; raise :class:`TooLargeInput` past the budget,
        :class:`FormatMismatch` for a damaged member, KeyError for a missing one."""
        parts = []
        try:
            with self.zf.open(member) as stream:
                while chunk := stream.read(self.CHUNK):
                    self.budget -= len(chunk)
                    if self.budget < 0:
                        raise TooLargeInput(self.name, f"{member} inflates past the limit on decompressed "
                                                       "bytes (raise it with --set ingest.max_inflated_bytes=N)")
                    parts.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError,
                OSError) as exc:
            raise FormatMismatch(self.name, f"a damaged EPUB: {member} cannot be inflated ({exc})") from None
        return b"".join(parts)


def _xml(name: str, data: bytes, what: str):
    from lxml import etree
    try:
        return etree.fromstring(data, parser=etree.XMLParser(recover=True, resolve_entities=False,
                                                             no_network=True))
    except etree.XMLSyntaxError as exc:
        raise FormatMismatch(name, f"a damaged EPUB: {what} is not XML ({exc})") from None


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def find_opf(name: str, zf: _Archive) -> str:
    """Return the path of the EPUB's package document (the OPF), from its container.xml or its names."""
    names = set(zf.namelist())
    if "META-INF/container.xml" in names:
        root = _xml(name, zf.read("META-INF/container.xml"), "META-INF/container.xml")
        if root is not None:
            for el in root.iter():
                if _local(el.tag) == "rootfile" and el.get("full-path") in names:
                    return el.get("full-path")
    opfs = sorted(n for n in names if n.lower().endswith(".opf"))
    if not opfs:
        raise FormatMismatch(name, "a ZIP archive without an EPUB package file (.opf)")
    return opfs[0]


def _toc_titles(zf: _Archive, base: str, manifest: dict, nav_href: str | None,
                ncx_href: str | None) -> dict[str, str]:
    """Return {chapter path in the zip: title} from the EPUB 3 nav or the EPUB 2 NCX."""
    titles: dict[str, str] = {}
    candidates = [(h, "nav") for h in [nav_href] if h] + [(h, "ncx") for h in [ncx_href] if h]
    for href, kind in candidates:
        try:
            data = zf.read(href)
        except KeyError:
            continue
        root = _xml(href, data, "the table of contents")
        if root is None:
            continue
        folder = posixpath.dirname(href)
        if kind == "nav":
            for a in root.iter():
                if _local(a.tag) == "a" and a.get("href"):
                    target = posixpath.normpath(posixpath.join(folder, unquote(a.get("href").split("#")[0])))
                    label = " ".join("".join(a.itertext()).split())
                    if label:
                        titles.setdefault(target, label)
        else:
            for point in root.iter():
                if _local(point.tag) != "navPoint":
                    continue
                label = src = None
                for child in point.iter():
                    if _local(child.tag) == "text" and label is None:
                        label = " ".join((child.text or "").split())
                    if _local(child.tag) == "content" and src is None:
                        src = child.get("src")
                if label and src:
                    target = posixpath.normpath(posixpath.join(folder, unquote(src.split("#")[0])))
                    titles.setdefault(target, label)
        if titles:
            break
    return titles


def spine_documents(name: str, data: bytes, max_inflated: int | None = None
                    ) -> list[tuple[str, bytes, str | None]]:
    """Return [(path in the zip, chapter bytes, title from the TOC or None)] in spine order.

    All members read together inflate to at most ``max_inflated`` bytes (default: the setting).
    """
    if max_inflated is None:
        max_inflated = IngestSettings().max_inflated_bytes
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        raise FormatMismatch(name, "a damaged EPUB (not a readable ZIP archive)") from None
    with archive:
        zf = _Archive(name, archive, max_inflated)
        names = set(zf.namelist())
        if "META-INF/encryption.xml" in names:
            enc = zf.read("META-INF/encryption.xml")
            # font obfuscation is harmless; encrypted chapters are DRM
            if b"EncryptedData" in enc and b"obfuscation" not in enc.lower():
                raise UnreadableInput(name, "a DRM-protected EPUB: its chapters are encrypted")
        opf_path = find_opf(name, zf)
        opf = _xml(name, zf.read(opf_path), opf_path)
        if opf is None:
            raise FormatMismatch(name, f"a damaged EPUB: {opf_path} holds no package")
        base = posixpath.dirname(opf_path)
        manifest: dict[str, tuple[str, str, str]] = {}
        nav_href = ncx_href = None
        toc_id = None
        for el in opf.iter():
            tag = _local(el.tag)
            if tag == "item" and el.get("href"):
                href = posixpath.normpath(posixpath.join(base, unquote(el.get("href"))))
                manifest[el.get("id", "")] = (href, el.get("media-type", ""), el.get("properties", ""))
                if "nav" in el.get("properties", "").split():
                    nav_href = href
                if el.get("media-type") == "application/x-dtbncx+xml":
                    ncx_href = href
            elif tag == "spine":
                toc_id = el.get("toc")
        if toc_id and toc_id in manifest:
            ncx_href = manifest[toc_id][0]
        titles = _toc_titles(zf, base, manifest, nav_href, ncx_href)
        chapters = []
        for el in opf.iter():
            if _local(el.tag) != "itemref":
                continue
            item = manifest.get(el.get("idref", ""))
            if item is None:
                continue
            href, media_type, properties = item
            if "nav" in properties.split() or (media_type and media_type not in _XHTML_TYPES):
                continue  # the table of contents is furniture of the e-book, not its text
            try:
                chapters.append((href, zf.read(href), titles.get(href)))
            except KeyError:
                raise FormatMismatch(name, f"a damaged EPUB: the spine names {href}, "
                                           "which is not in the archive") from None
    if not chapters:
        raise EmptyInput(name, "the EPUB's spine lists no chapters")
    return chapters


def read_epub(name: str, data: bytes, settings: IngestSettings
              ) -> tuple[str, list[tuple[int, int, str]], list[tuple[str, int]]]:
    """Return (reading text, block spans, repairs) of an EPUB: its chapters in spine order."""
    blocks: list[RawBlock] = []
    for href, chapter, title in spine_documents(name, data, settings.max_inflated_bytes):
        markup, _ = decode_html(f"{name}:{href}", chapter)
        try:
            root = parse_html(f"{name}:{href}", markup)
        except EmptyInput:
            continue  # an empty chapter (a cover page with an image only)
        found = walk_blocks(root, drop=_edition_furniture)
        if found and not any(b.tag.startswith("h") and b.tag[1:].isdigit() for b in found) and title:
            found.insert(0, RawBlock("h2", title))
        if blocks and found:
            blocks.append(RawBlock("hr", ""))  # a chapter break, as an empty structural hint
        blocks.extend(found)
    text, spans, repairs = assemble(blocks)
    if not text.strip():
        raise EmptyInput(name, "the EPUB holds no reading text (images only?)")
    return text, spans, repairs
