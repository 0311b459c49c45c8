"""Sniffing: what a file really is, from its bytes first and its name second."""
from __future__ import annotations

import zipfile
import io
from pathlib import Path

from ..errors import BinaryInput, FormatMismatch

__all__ = ["sniff_media_type"]

_TEXT_EXT = {".txt": "text/plain", ".text": "text/plain", ".md": "text/markdown",
             ".markdown": "text/markdown"}
_HTML_EXT = {".html": "text/html", ".htm": "text/html", ".xhtml": "application/xhtml+xml",
             ".xml": "application/xhtml+xml"}


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16/32 text has NULs too; a BOM says so
        return not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control > max(8, len(head) // 50)


def sniff_media_type(name: str, data: bytes) -> str:
    """Return the media type of ``data``; raise when the bytes contradict the name.

    PDF and EPUB are told by their magic bytes, HTML by its markup; a ``.pdf``
    that is not a PDF, or an ``.html`` that is binary, is a :class:`FormatMismatch`.
    """
    ext = Path(name).suffix.lower()
    head = data[:2048].lstrip()
    if data.startswith(b"%PDF-"):
        if ext not in (".pdf", ""):
            raise FormatMismatch(name, f"the file is a PDF, not what its extension {ext} says")
        return "application/pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                mimetype = zf.read("mimetype").strip() if "mimetype" in zf.namelist() else b""
        except zipfile.BadZipFile:
            raise FormatMismatch(name, "a damaged ZIP archive") from None
        if mimetype == b"application/epub+zip" or ext == ".epub":
            return "application/epub+zip"
        raise FormatMismatch(name, "a ZIP archive that is not an EPUB")
    if ext == ".pdf":
        raise FormatMismatch(name, "the extension says PDF but the file does not start with %PDF-")
    if ext == ".epub":
        raise FormatMismatch(name, "the extension says EPUB but the file is not a ZIP archive")
    if _looks_binary(data):
        raise BinaryInput(name, "binary data, not text")
    lowered = head[:512].lower()
    is_markup = lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lowered
    if ext in _HTML_EXT:
        return _HTML_EXT[ext]
    if is_markup and ext not in _TEXT_EXT:
        return "application/xhtml+xml" if lowered.startswith(b"<?xml") else "text/html"
    return _TEXT_EXT.get(ext, "text/plain")
