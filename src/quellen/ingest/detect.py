"""Sniffing: what a file really is, from its bytes first and its name second."""
from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from ..errors import BinaryInput, FormatMismatch

__all__ = ["sniff_media_type"]

_TEXT_EXT = {".txt": "text/plain", ".text": "text/plain", ".md": "text/markdown",
             ".markdown": "text/markdown"}
_HTML_EXT = {".html": "text/html", ".htm": "text/html", ".xhtml": "application/xhtml+xml",
             ".xml": "application/xhtml+xml"}


#: magic bytes of formats people drop into a corpus folder by mistake
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"), (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"), (b"\x1f\x8b", "a gzip archive"), (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"), (b"\x7fELF", "an executable (ELF)"),
    (b"MZ", "a Windows executable"), (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc/.xls)"),
    (b"{\\rtf", "an RTF document"), (b"OggS", "an Ogg media file"), (b"ID3", "an MP3 file"),
)


def _known_binary(data: bytes) -> str | None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            if magic == b"MZ" and b"\x00" not in data[:512]:
                continue  # text that happens to start with "MZ"
            return what
    if data[8:12] == b"WEBP" and data.startswith(b"RIFF"):
        return "a WebP image"
    return None


#: what a refused file could be saved as instead
_READS = "quellen reads plain text, Markdown, HTML, XHTML, TEI XML, EPUB and PDF"


def _claimed(ext: str) -> str:
    if ext in _HTML_EXT:
        return f"HTML as its extension {ext} says"
    if ext in _TEXT_EXT or not ext:
        return f"text as its extension {ext} says" if ext else "text"
    return f"what its extension {ext} says"


def _refusal(ext: str, what: str) -> str:
    """Return why a file that is ``what`` is refused: it contradicts a readable extension, or it is
    in a format quellen does not read at all (a ``.png`` that is a PNG is what it says, just not text)."""
    if ext in _TEXT_EXT or ext in _HTML_EXT or ext in (".pdf", ".epub", ""):
        return f"the file is {what}, not {_claimed(ext)}"
    return f"the file is {what}; {_READS}"


def _zip_kind(names: list[str], mimetype: bytes) -> str:
    """Return what a ZIP archive that is not an EPUB is, for the message that refuses it."""
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        return "an OpenDocument file (.odt/.ods)"
    if "word/document.xml" in names:
        return "a Word document (.docx)"
    return "a ZIP archive (not an EPUB)"


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16/32 text has NULs too; a BOM or the place of the NULs says so
        from .text import utf16_without_bom
        return not head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) \
            and utf16_without_bom(head) is None
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
            raise FormatMismatch(name, f"the file is a PDF, not {_claimed(ext)}")
        return "application/pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                mimetype = b""
                names = zf.namelist()
                if "mimetype" in names:
                    with zf.open("mimetype") as stream:
                        mimetype = stream.read(64).strip()  # a zip bomb named mimetype stays small
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError,
                OSError):
            raise FormatMismatch(name, "a damaged ZIP archive") from None
        if mimetype == b"application/epub+zip" or ext == ".epub":
            return "application/epub+zip"
        raise FormatMismatch(name, _refusal(ext, _zip_kind(names, mimetype)))
    known = _known_binary(data)
    if known:
        raise FormatMismatch(name, _refusal(ext, known))
    if ext == ".pdf":
        if not _looks_binary(data):
            raise FormatMismatch(name, "the extension says PDF but the file is plain text "
                                       "(no %PDF- header); rename it to .txt to read it as text")
        raise FormatMismatch(name, "the extension says PDF but the file does not start with %PDF-")
    if ext == ".epub":
        raise FormatMismatch(name, "the extension says EPUB but the file is not a ZIP archive")
    if data.startswith(b"PK\x05\x06"):
        raise FormatMismatch(name, "an empty ZIP archive, not text")
    if _looks_binary(data):
        raise BinaryInput(name, "binary data, not text")
    lowered = head[:512].lower()
    is_markup = lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lowered
    if ext not in _TEXT_EXT and (b"http://www.tei-c.org/ns/1.0" in data[:4096] or b"<TEI" in data[:4096]):
        return "application/tei+xml"  # read by the same block walker (TEI tags mapped)
    if ext in _HTML_EXT:
        return _HTML_EXT[ext]
    if is_markup and ext not in _TEXT_EXT:
        return "application/xhtml+xml" if lowered.startswith(b"<?xml") else "text/html"
    return _TEXT_EXT.get(ext, "text/plain")
