"""PDF text layers: page texts reflowed into paragraphs.

The text of a PDF is what we store, so it is made clean here rather than
patched later: pypdf gives each page's lines; lines are joined into
paragraphs (a line that fills the measure continues, a short one ends its
paragraph — so salutations, date lines and signatures keep their own lines);
a word hyphenated at a line end is joined when the next line goes on in lower
case; a bare page number at the top or bottom of a page is dropped, and a
paragraph that runs over a page break is joined. What was changed is counted
in the repairs. A PDF without a text layer (a scan) is refused with a message
that says to run OCR first.
"""
from __future__ import annotations

import io
import logging
import re

from ..errors import EmptyInput, FormatMismatch, InputError, UnreadableInput
from ..settings import IngestSettings

__all__ = ["read_pdf", "page_lines", "reflow"]

# lower-case roman numbers only: "IV" alone at the top of a page is a chapter number
_PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*)?(?:(?i:page)\s+)?(\d{1,4}|[ivxlcdm]{1,6})(?:\s*[-–—])?\s*$")
_HYPHEN_END = re.compile(r"[^\W\d_]-$")
_TERMINAL = (".", "!", "?", ":", ";", "\u201d", '"', ")")


def page_lines(name: str, data: bytes) -> list[list[str]]:
    """Return the text lines of each page of a PDF (pypdf's text layer)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError
    # pypdf warns on every small defect of a scraped PDF; the build reports what matters
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise UnreadableInput(name, "an encrypted PDF (a password is needed)")
            except UnreadableInput:
                raise
            except Exception as exc:  # an unsupported cipher (pypdf raises various types)
                raise UnreadableInput(name, f"an encrypted PDF quellen cannot open ({exc})") from None
        pages = []
        for page in reader.pages:
            raw = page.extract_text() or ""
            raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
            pages.append([line.rstrip() for line in raw.split("\n")])
        return pages
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise FormatMismatch(name, f"a damaged PDF ({type(exc).__name__}: {exc})") from None
    except Exception as exc:  # noqa: BLE001 - only pypdf runs above: any failure of it is a damaged file
        # (found by fuzzing: LimitReachedError on self-referencing objects, RecursionError, zlib.error ...)
        raise FormatMismatch(name, f"a damaged PDF ({type(exc).__name__}: {exc})") from None


def _strip_page_numbers(lines: list[str], counts: dict[str, int]) -> list[str]:
    lines = list(lines)
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    for index in (0, -1):
        if lines and _PAGE_NUMBER.match(lines[index]):
            lines.pop(index)
            counts["page-number-removed"] = counts.get("page-number-removed", 0) + 1
    return lines


def reflow(pages: list[list[str]]) -> tuple[list[str], list[tuple[str, int]]]:
    """Return (paragraphs, repairs) from the lines of each page.

    A line continues into the next when it is at least three quarters as long
    as the document's typical full line and does not end a sentence before a
    capital; an empty line always ends a paragraph.
    """
    counts: dict[str, int] = {}
    paragraphs: list[str] = []
    current: list[str] = []
    open_at_page_end = False

    def close() -> None:
        if current:
            # a compound broken after its hyphen ("Anglo-|Saxon") closes up without a space
            out = current[0]
            for part in current[1:]:
                out += part if _HYPHEN_END.search(out) else " " + part
            paragraphs.append(out)
            current.clear()

    pages = [_strip_page_numbers(page, counts) for page in pages]
    # the measure (a full line's length) of the whole document: one page may hold three lines
    lengths = sorted(len(" ".join(line.split())) for page in pages for line in page if line.strip())
    full = lengths[int(len(lengths) * 0.8)] if lengths else 0
    for page_index, lines in enumerate(pages):
        if page_index and not (open_at_page_end and lines and lines[0].strip()[:1].islower()):
            close()
        elif page_index and current:
            counts["page-break-joined"] = counts.get("page-break-joined", 0) + 1
        for i, raw in enumerate(lines):
            line = " ".join(raw.split())
            if not line:
                close()
                continue
            if current and _HYPHEN_END.search(current[-1]) and line[:1].islower():
                current[-1] = current[-1][:-1] + line.split(" ", 1)[0]
                counts["dehyphenated"] = counts.get("dehyphenated", 0) + 1
                rest = line.split(" ", 1)[1] if " " in line else ""
                if rest:
                    current.append(rest)
            else:
                current.append(line)
            is_last = i == len(lines) - 1
            long_line = full and len(line) >= 0.75 * full and len(lengths) >= 2
            nxt = lines[i + 1].strip() if not is_last else ""
            ends_sentence = line.endswith(_TERMINAL) and nxt[:1].isupper()
            # a short line of a few words after a finished sentence: a closing or a signature
            closing_next = ends_sentence and len(nxt) < 0.5 * full and len(nxt.split()) <= 6
            if is_last:
                open_at_page_end = bool(long_line) and not line.endswith(_TERMINAL)
                if not open_at_page_end:
                    close()
            elif not long_line or ends_sentence and (len(line) < 0.9 * full or closing_next):
                close()
    close()
    return [p for p in paragraphs if p.strip()], sorted(counts.items())


def read_pdf(name: str, data: bytes, settings: IngestSettings
             ) -> tuple[str, list[tuple[int, int, str]], list[tuple[str, int]]]:
    """Return (reading text, paragraph spans, repairs) from a PDF's text layer.

    Raises :class:`EmptyInput` for a PDF without a text layer.
    """
    pages = page_lines(name, data)
    if not any(line.strip() for page in pages for line in page):
        raise EmptyInput(name, f"scanned PDF: no text layer in its {len(pages)} page(s); run OCR first")
    paragraphs, repairs = reflow(pages)
    parts, blocks, pos = [], [], 0
    for paragraph in paragraphs:
        if pos:
            parts.append("\n")
            pos += 1
        blocks.append((pos, pos + len(paragraph), "p"))
        parts.append(paragraph + "\n")
        pos += len(paragraph) + 1
    return "".join(parts), blocks, repairs
