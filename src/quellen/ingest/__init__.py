"""Ingest: input files -> :class:`~quellen.model.Source` with offsets preserved.

1. :func:`discover` expands files, folders (recursively) and globs into a sorted
   list of files, and reports what it could not use;
2. :func:`read_source` sniffs the bytes (not only the extension), refuses what
   is empty, binary, too large or not what it claims to be, and hands the bytes
   to the reader for the format: :mod:`.text`, :mod:`.html` (HTML, XHTML, and
   TEI XML through the same block walker), :mod:`.epub`, :mod:`.pdf`.

Each reader returns the source text exactly as CONTRACT.md defines it: plain
text decoded with newlines unified and nothing else changed; for HTML, XHTML,
EPUB and PDF the extracted reading text, every block ending in ``\n`` and
blocks separated by a blank line (the cells of one table row by one newline),
so line-based cues work as for plain text.

Structural hints, ``Source.blocks``: ``(char_start, char_end, tag)`` spans into
that text, sorted by start (a container before what it holds). A span covers
the block's characters without its closing newline. The tags:

==============  ================================================================
``h1``..``h6``  a heading (an EPUB chapter without one gets its TOC title, h2)
``p``           a paragraph, or loose text in a container; every PDF paragraph
``li``          a list item
``caption``     a figure or table caption (``figcaption``, ``caption``, or a
                paragraph whose class says caption, e.g. ``wp-caption-text``)
``td``          a table cell (``td`` or ``th``)
``blockquote``  a quotation; spans the blocks inside it, which keep their tags
``pre``         preformatted text, whitespace kept
``hr``          an empty span at a thematic break, and between EPUB chapters
==============  ================================================================

Where the markup says what a stretch is, semantic spans come with them (cues for the
segmenter, weighted above its text rules, never required):

================  ==============================================================
``letter``        ``epub:type="z3998:letter"``, TEI ``<div type="letter">``
``diary-entry``   ``epub:type="z3998:diary-entry"``, TEI ``<div type="entry">``
``signature``     ``z3998:signature``, TEI ``<signed>``; ``sender``: ``z3998:sender``
``dateline``      an ``epub:type`` ending in ``dateline``, TEI ``<dateline>``
``time:VALUE``    the text of ``<time datetime="VALUE">`` or TEI ``<date when="VALUE">``
``person``        the text of a TEI ``<persName>``; ``person:NAME`` when its ``ref="#id"`` points
                  to a ``<person xml:id="id">`` of the file's ``<listPerson>`` named NAME
``place``         the text of a TEI ``<placeName>``
================  ==============================================================

``time:VALUE``, ``person`` (``person:NAME``) and ``place`` are inline: they cover the element's words inside its block.

Plain text has no blocks. ``Source.meta`` holds what the file says about itself outside its
text (EPUB ``dc:creator`` and ``dc:language``, HTML ``<meta name="author">`` and ``<html lang>``, TEI
``xml:lang``, PDF info) and what a sidecar
``NAME.meta.toml`` beside it says (:mod:`.meta`). ``Source.repairs`` lists ``(name, count)`` of the
typographic repairs a reader made without moving offsets (no-break spaces made
spaces, soft hyphens dropped, words de-hyphenated across PDF lines, page
numbers dropped ...; for a hard-wrapped plain text, ``unwrapped-lines``: the line breaks inside its paragraphs,
which the analysis's working copy reads as spaces, and ``book-frame``: a digital library's front and back matter,
blank there and set aside as boilerplate; see :func:`.text.repair_typography`), and ``("truncated-markup", 1)``
for markup that ends before it closes
(:func:`.html.truncated_markup`), which :func:`source_warnings` words for the build, the reader and the export.
"""
from __future__ import annotations

import fnmatch
import glob
import hashlib
import os
import stat
from pathlib import Path

from ..errors import (printable, EmptyInput, FormatMismatch, InputError, MissingInput, TooLargeInput,
                      UnreadableInput)
from ..model import Source
from ..settings import IngestSettings
from .detect import sniff_media_type
from .meta import SIDECAR_SUFFIX, epub_metadata, html_metadata, pdf_metadata, read_sidecar

__all__ = ["discover", "read_bytes", "read_source", "sha256_of", "source_warnings"]


def sha256_of(data: bytes) -> str:
    """Return the hex sha256 of raw input bytes."""
    return hashlib.sha256(data).hexdigest()


def discover(paths: list[str], settings: IngestSettings | None = None
             ) -> tuple[list[Path], list[InputError], list[Path]]:
    """Return (files to read, in a stable order; errors for paths that gave nothing; files the
    folder walks passed over for their extension, to be reported).

    Folders are walked recursively and keep files with a known extension
    (hidden files, a corpus's own README or LICENSE, and quellen's own sidecars and settings
    are passed over without a word); a glob pattern is expanded; a file named explicitly is
    always kept, whatever its extension, so that its reader can say what is wrong with it.
    """
    settings = settings or IngestSettings()
    files: list[Path] = []
    errors: list[InputError] = []
    skipped: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if any(ch in raw for ch in "*?[") and not path.exists():
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                errors.append(MissingInput(raw, "the pattern matches no file"))
            for match in matches:
                if os.path.isfile(match):
                    files.append(Path(match))
                elif os.path.isdir(match):
                    files.extend(_walk(Path(match), settings, errors, skipped))
            continue
        if not path.exists():
            errors.append(MissingInput(raw, "no such file or folder"))
        elif path.is_dir():
            found = _walk(path, settings, errors, skipped)
            if not found and not any(isinstance(e, UnreadableInput) for e in errors):
                errors.append(MissingInput(raw, "the folder holds no file quellen can read "
                                                f"({', '.join(settings.extensions)})"))
            files.extend(found)
        else:
            files.append(path)
    seen: set[str] = set()
    unique = []
    for f in files:
        key = os.path.realpath(f)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, errors, sorted(set(skipped), key=lambda p: p.parts)


#: quellen's own files beside a corpus: a sidecar (NAME.meta.toml) and the settings (quellen.toml)
_OWN_FILES = ("*.meta.toml", "quellen.toml")


def _walk(folder: Path, settings: IngestSettings, errors: list[InputError], skipped: list[Path]) -> list[Path]:
    found: list[Path] = []

    def onerror(exc: OSError) -> None:
        errors.append(UnreadableInput(str(exc.filename or folder), f"cannot list folder ({exc.strerror})"))

    if not os.access(folder, os.R_OK | os.X_OK):
        errors.append(UnreadableInput(str(folder), "cannot list folder (permission denied)"))
        return found
    for root, dirs, names in os.walk(folder, onerror=onerror):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith(".") or any(fnmatch.fnmatch(name.upper(), pattern.upper())
                                           for pattern in settings.skip_names):
                continue
            if Path(name).suffix.lower() in settings.extensions:
                found.append(Path(root) / name)
            elif not any(fnmatch.fnmatch(name.lower(), pattern) for pattern in _OWN_FILES):
                skipped.append(Path(root) / name)
            elif name.lower().endswith(SIDECAR_SUFFIX) and not (Path(root) / name[:-len(SIDECAR_SUFFIX)]).exists():
                # a misnamed sidecar ("diary.meta.toml" for diary.txt) would otherwise be ignored without a word,
                # and the file it was meant for read without its author or year
                described = name[:-len(SIDECAR_SUFFIX)]
                errors.append(MissingInput(str(Path(root) / name),
                                           f"a sidecar beside no file: it describes {described!r}, which is not "
                                           f"in its folder (a file's sidecar is its whole name and {SIDECAR_SUFFIX}: "
                                           f"diary.txt{SIDECAR_SUFFIX} for diary.txt)"))
    # by path, folder by folder: the same on every machine and file system
    return sorted(found, key=lambda p: p.parts)


def read_bytes(path: Path, settings: IngestSettings | None = None) -> bytes:
    """Return the bytes of the file at ``path``; raise an :class:`InputError` naming it when it is
    missing, a folder, not a regular file (a FIFO, a device, a socket: reading one could block
    forever or never end), unreadable, or over ``settings.max_bytes``.

    The limit is checked before reading and again while reading, so a file that grows, or
    reports a size it does not have, never yields more than the limit.
    """
    settings = settings or IngestSettings()
    name = str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableInput(name, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableInput(name, f"is {_file_kind(info.st_mode)}, not a regular file")
        if info.st_size > settings.max_bytes:
            raise TooLargeInput(name, f"{info.st_size:,} bytes is over the limit of {settings.max_bytes:,} "
                                      "(raise it with --set ingest.max_bytes=N)")
        # O_NONBLOCK: should the path be swapped for a FIFO after the check, open does not wait
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise UnreadableInput(name, "is not a regular file")
            data = f.read(settings.max_bytes + 1)
        if len(data) > settings.max_bytes:
            raise TooLargeInput(name, f"over the limit of {settings.max_bytes:,} bytes "
                                      "(raise it with --set ingest.max_bytes=N)")
        return data
    except FileNotFoundError:
        raise MissingInput(name, "no such file") from None
    except IsADirectoryError:
        raise UnreadableInput(name, "is a folder, not a file") from None
    except PermissionError:
        raise UnreadableInput(name, "cannot read (permission denied)") from None
    except OSError as exc:
        raise UnreadableInput(name, f"cannot read ({exc.strerror or exc})") from None


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def source_warnings(source: Source) -> list[str]:
    """Return what a reader of ``source`` should be warned of: an encoding the letters did not
    settle, bytes repaired while decoding, markup that ends before it closes (a cut-off file)."""
    from .text import encoding_warnings
    out = encoding_warnings(source.encoding, source.repairs)
    if any(name == "truncated-markup" for name, _ in source.repairs):
        out.append("the markup ends before it closes (cut inside a tag, or no closing </html>): the file may "
                   "be truncated, and text at its end missing")
    return out


def read_source(path: str | Path, settings: IngestSettings | None = None,
                data: bytes | None = None) -> Source:
    """Return the :class:`Source` read from ``path``; raise an :class:`InputError` naming it.

    ``data`` may carry the file's bytes when the caller already read them.
    """
    settings = settings or IngestSettings()
    path = Path(path)
    name = str(path)
    if data is None:
        data = read_bytes(path, settings)
    if len(data) > settings.max_bytes:
        raise TooLargeInput(name, f"{len(data):,} bytes is over the limit of {settings.max_bytes:,}")
    if not data.strip():
        raise EmptyInput(name, "the file is empty" if not data else "the file holds only blank space")
    media_type = sniff_media_type(name, data)
    digest = sha256_of(data)
    text_meta: list[tuple[str, str, str]] = []  # what the text showed outside its flow (a PDF's running heads)
    if media_type in ("text/html", "application/xhtml+xml", "application/tei+xml"):
        from .html import decode_html, read_html
        text, blocks, repairs = read_html(name, data, media_type, settings)
        encoding = decode_html(name, data)[1]  # cheap beside the parse; says what the file was
    elif media_type == "application/epub+zip":
        from .epub import read_epub
        text, blocks, repairs = read_epub(name, data, settings)
        encoding = "utf-8"
    elif media_type == "application/pdf":
        from .pdf import read_pdf
        text, blocks, repairs, text_meta = read_pdf(name, data, settings)
        encoding = "binary"
    elif media_type in ("text/plain", "text/markdown"):
        from .text import read_text
        text, encoding, repairs = read_text(name, data)
        blocks = ()
    else:  # pragma: no cover - sniff_media_type only returns the above or raises
        raise FormatMismatch(name, f"unsupported media type {media_type}")
    if not text.strip():
        raise EmptyInput(name, "no readable text in the file")
    meta = _format_metadata(name, data, media_type) + text_meta + read_sidecar(path)
    # a name that is not UTF-8 (an old archive's caf\xe9.txt) is stored and shown with its bytes escaped
    return Source(id=Source.make_id(digest), name=printable(path.name), sha256=digest, media_type=media_type,
                  text=text, path=printable(name), repairs=tuple(repairs), blocks=tuple(blocks),
                  encoding=encoding, meta=tuple(meta))


def _format_metadata(name: str, data: bytes, media_type: str) -> list[tuple[str, str, str]]:
    """Return the metadata the file's format carries (EPUB dc:creator and dc:language, HTML meta author and
    lang, TEI author and xml:lang, PDF info)."""
    if media_type == "application/epub+zip":
        return epub_metadata(data)
    if media_type == "application/pdf":
        return pdf_metadata(data)
    if media_type in ("text/html", "application/xhtml+xml", "application/tei+xml"):
        from .html import decode_html, parse_html
        try:
            return html_metadata(parse_html(name, decode_html(name, data)[0]))
        except EmptyInput:
            return []
    return []
