"""PDF text layers: page texts reflowed into paragraphs.

The text of a PDF is what we store, so it is made clean here rather than
patched later: pypdf gives each page's lines; lines are joined into
paragraphs (a line that fills the measure continues, a short one ends its
paragraph — so salutations, date lines and signatures keep their own lines);
a word hyphenated at a line end is joined when the next line goes on in lower
case; a bare page number at the top or bottom of a page is dropped, and so is
a printed book's running head (foot): a first (last) line whose shape, digits
masked, recurs page after page ("124  THE JOURNAL OF A VOYAGE", "[1794  AT
SEA  125") — kept there, it would cut an entry in two and pass for a heading;
the year the heads name goes into the source's metadata instead.
Footnotes at a page's foot (a line opening with a mark, "1 " or "* ", that
the text above carries against a word, "noon1") are dropped with their marks:
an editor's note is not the source, and its dates would pass for the entry's.
A paragraph that runs over a page break is joined, and the type's ligatures
("ﬁ", "ﬀ") are spelled out. What was changed is counted
in the repairs. A PDF without a text layer (a scan) is refused with a message
that says to run OCR first; one pypdf cannot read, or that reads to no text, is
refused as *truncated* when it does not end with the ``%%EOF`` marker (a download
or copy cut short: the remedy is another copy, not OCR), else as damaged.
"""
from __future__ import annotations

import io
import logging
import re
from collections import Counter

from .. import lexicons
from ..errors import EmptyInput, FormatMismatch, InputError, UnreadableInput
from ..settings import IngestSettings

__all__ = ["read_pdf", "page_lines", "is_truncated", "reflow", "reflow_book", "running_pages", "running_year"]

# lower-case roman numbers only: "IV" alone at the top of a page is a chapter number
_PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*)?(?:(?i:page)\s+)?(\d{1,4}|[ivxlcdm]{1,6})(?:\s*[-–—])?\s*$")
_DIGIT_RUN = re.compile(r"\d+")
_EDGE_NUMBERS = re.compile(r"^\W*(\d+)|(\d+)\W*$")
# a note at the page's foot opens with its mark ("1 ", "2. ", "* "), the mark printed against a word above it
_NOTE_START = re.compile(r"^\s*(\d{1,2}|[*\u2020\u2021\u00a7])[.)]?\s+\S")
_MARKED_WORD = r"([^\W\d_][.,;:!?'\u2019\u201d)]?){}(?!\d)"
# a typeset book's text layer keeps the type's ligatures: "ﬁne" is not "fine" to a search or a tagger
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
              "\ufb06": "st"}
_LIGATURE = re.compile("[\ufb00-\ufb06]")
_HYPHEN_END = re.compile(r"[^\W\d_]-$")
_VALEDICTION_WORD = re.compile(rf"\b(?:{'|'.join(lexicons.words('valediction_words'))})\b", re.I)
_TERMINAL = (".", "!", "?", ":", ";", "\u201d", '"', ")")
#: a PDF ends with this marker within its last KiB (readers tolerate trailing bytes up to there)
_EOF_MARKER, _EOF_REACH = b"%%EOF", 1024


def is_truncated(data: bytes) -> bool:
    """Return True when the bytes of a PDF lack the end-of-file marker near their end (a file cut short)."""
    return _EOF_MARKER not in data[-_EOF_REACH:]


def _unreadable(data: bytes, detail: str) -> str:
    """Return the reason a PDF could not be read: truncated when it lacks its end marker, else damaged."""
    if is_truncated(data):
        return (f"appears to be a truncated or damaged PDF: it ends without the %%EOF marker, as a file cut short "
                f"does; copy or download it again ({detail})")
    return f"a damaged PDF ({detail})"


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
        raise FormatMismatch(name, _unreadable(data, f"{type(exc).__name__}: {exc}")) from None
    except Exception as exc:  # noqa: BLE001 - only pypdf runs above: any failure of it is a damaged file
        # (found by fuzzing: LimitReachedError on self-referencing objects, RecursionError, zlib.error ...)
        raise FormatMismatch(name, _unreadable(data, f"{type(exc).__name__}: {exc}")) from None


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


def _shape_groups(lines: list[str], similarity: float) -> list[list[int]]:
    from rapidfuzz import fuzz, process
    by_shape: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if line:
            by_shape.setdefault(_DIGIT_RUN.sub("#", line), []).append(index)
    # a scan's text layer misreads a letter or two of some heads ("THE JOUKNAL"): alike shapes with their
    # numbers in the same number of places go together, each to the most frequent shape it is like ...
    groups: dict[str, list[int]] = {}
    leaders: dict[int, list[str]] = {}
    for shape in sorted(by_shape, key=lambda s: (-len(by_shape[s]), by_shape[s][0])):
        alike = leaders.setdefault(shape.count("#"), [])
        like = process.extractOne(shape, alike, scorer=fuzz.ratio, score_cutoff=100 * similarity)
        if not like:
            alike.append(shape)
        groups.setdefault(like[0] if like else shape, []).extend(by_shape[shape])
    out = []
    for shape, pages in groups.items():
        # ... but only inside the run of that shape: a title page like the head is not a misread head
        lead = by_shape[shape]
        out.append(sorted(i for i in pages if lead[0] <= i <= lead[-1]))
    return out


def running_pages(edge: list[str | None], settings: IngestSettings | None = None) -> set[int]:
    """Return the indices of the pages whose edge line is a running head (or foot).

    ``edge`` holds each page's first (or last) line, None for an empty page.
    A line is furniture when its shape (digit runs masked; shapes at least
    ``pdf_running_similarity`` alike, their numbers in as many places, count
    as one) recurs on at least ``pdf_running_min_pages`` pages at a steady
    step (every page, or every other page: verso and recto heads), and on
    enough of them either the very line recurs (a title, a year) or one of its
    numbers runs with the page index (a page number). A page of the shape
    where neither holds is furniture only a step away from one where one does
    (a misread page number, not a title page). On the pages facing a run of
    every other page (a recto head naming the chapter, a verso one the book) a
    line is furniture already when its text recurs there or a number at its
    start or end is the page's number. A line ending in a comma (a
    salutation) is never furniture. In a book too short for that, two shapes on two pages each,
    verso and recto facing each other, are furniture when a number in each runs with the pages alike.
    """
    settings = settings or IngestSettings()
    lines = [" ".join(line.split()) if line and not line.rstrip().endswith(",") else "" for line in edge]
    found: set[int] = set()
    page_offsets: set[int] = set()
    facing: set[int] = set()
    pairs: list[tuple[list[int], set[int]]] = []  # a shape on two pages, a step of two apart
    for pages in _shape_groups(lines, settings.pdf_running_similarity):
        if len(pages) == 2 and pages[1] - pages[0] == 2:
            both = [{int(run) - i for run in _DIGIT_RUN.findall(lines[i]) if len(run) <= 6} for i in pages]
            pairs.append((pages, both[0] & both[1]))
        if len(pages) < settings.pdf_running_min_pages:
            continue
        steps = [b - a for a, b in zip(pages, pages[1:])]
        step = 1 if steps.count(1) >= steps.count(2) else 2
        if steps.count(step) < settings.pdf_running_step_share * len(steps):
            continue
        texts = Counter(lines[i] for i in pages)
        numbers = {i: {int(run) - i for run in _DIGIT_RUN.findall(lines[i]) if len(run) <= 6} for i in pages}
        offsets = Counter(o for i in pages for o in numbers[i])
        # a page agrees when its line recurs whole, or one of its numbers runs with the pages along with
        # another's (a page number; a plate or a blank page without one shifts the run, not breaks it)
        agree = {i for i in pages if texts[lines[i]] > 1 or any(offsets[o] > 1 for o in numbers[i])}
        if not agree or len(agree) < settings.pdf_running_agree_share * len(pages):
            continue
        # one that does not (a misread page number, a title page's line like the head) is a head only
        # where the run puts one: a step away from a page that agrees
        found.update(i for i in pages if i in agree or i - step in agree or i + step in agree)
        page_offsets.update(o for o, n in offsets.items() if n > 1)
        if step == 2:
            facing.update(i + side for i in pages for side in (-1, 1))
    # a short book: a verso head on two pages and a recto head on the two facing them, the page numbers
    # of both running with the pages alike, vouch for each other where each alone is too few
    for k, (pages, offsets) in enumerate(pairs):
        for other, theirs in pairs[k + 1:]:
            if offsets & theirs and abs(pages[0] - other[0]) == 1 and abs(pages[1] - other[1]) == 1:
                found.update(pages + other)
                page_offsets.update(offsets & theirs)
    facing = {i for i in facing if 0 <= i < len(lines) and lines[i] and i not in found}
    texts = Counter(lines[i] for i in facing)
    for i in facing:
        ends = _EDGE_NUMBERS.findall(lines[i])
        if texts[lines[i]] > 1 or any(int(a or b) - i in page_offsets for a, b in ends):
            found.add(i)
    return found


def _strip_running(pages: list[list[str]], counts: dict[str, int], settings: IngestSettings
                   ) -> tuple[list[list[str]], list[str]]:
    pages = [list(lines) for lines in pages]
    heads: list[str] = []
    for index, key in ((0, "running-head-removed"), (-1, "running-foot-removed")):
        for page in sorted(running_pages([lines[index] if lines else None for lines in pages], settings)):
            line = pages[page].pop(index)
            if index == 0:
                heads.append(line)
            counts[key] = counts.get(key, 0) + 1
            # a head on a line of its own above the page number (or a foot below it)
            pages[page] = _strip_page_numbers(pages[page], counts)
    return pages, heads


def running_year(lines: list[str]) -> int | None:
    """Return the year the running heads ``lines`` name first, or None.

    A year is a four-digit number that recurs in them ("[1794", "SPRING, 1823"):
    a page number never recurs. Dropped with its head, it is kept as the
    source's year (its first yearless date falls in it).
    """
    found = [int(run) for line in lines for run in _DIGIT_RUN.findall(line) if len(run) == 4]
    counts = Counter(found)
    return next((year for year in found if counts[year] > 1), None)


def _strip_footnotes(lines: list[str], counts: dict[str, int], settings: IngestSettings) -> list[str]:
    # upwards from the page's foot: notes each open with a mark the text above carries against a word;
    # a note may run on over a few unmarked lines, more of them are the text itself
    start, unmarked, marks = None, 0, []
    for i in range(len(lines) - 1, 0, -1):
        match = _NOTE_START.match(lines[i])
        mark = re.escape(match.group(1)) if match else None
        if mark and any(re.search(_MARKED_WORD.format(mark), line) for line in lines[:i]):
            start, unmarked = i, 0
            marks.append(mark)
            continue
        unmarked += 1
        if unmarked > settings.pdf_footnote_run_on_lines:
            break
    if start is None:
        return lines
    lines = lines[:start]
    for mark in marks:
        pattern = re.compile(_MARKED_WORD.format(mark))
        for i in range(len(lines) - 1, -1, -1):
            if pattern.search(lines[i]):
                lines[i] = pattern.sub(r"\1", lines[i], count=1)
                break
    counts["footnote-removed"] = counts.get("footnote-removed", 0) + len(marks)
    return lines


def _valediction_line(line: str, full: int) -> bool:
    """Return whether a line reads as a letter's valediction set on a line of its own: shorter than a full
    line, ending in a comma, with a word of a closing in it ("Believe me, dear Sir, yours most truly,")."""
    return (line.endswith(",") and len(line) < 0.75 * full
            and bool(_VALEDICTION_WORD.search(line)))


def _in_capitals(line: str) -> bool:
    """Return whether a line is set in capitals: two words or more, every letter of them a capital."""
    letters = [ch for ch in line if ch.isalpha()]
    return len(line.split()) >= 2 and len(letters) >= 4 and all(ch.isupper() for ch in letters)


def reflow(pages: list[list[str]], settings: IngestSettings | None = None
           ) -> tuple[list[str], list[tuple[str, int]]]:
    """Return (paragraphs, repairs) from the lines of each page (:func:`reflow_book`)."""
    paragraphs, repairs, _ = reflow_book(pages, settings)
    return paragraphs, repairs


def reflow_book(pages: list[list[str]], settings: IngestSettings | None = None
                ) -> tuple[list[str], list[tuple[str, int]], list[str]]:
    """Return (paragraphs, repairs, running heads dropped, in page order) from the lines of each page.

    Page numbers, running heads and feet (:func:`running_pages`) and
    footnotes are dropped first. A line continues into the next when it is at least three
    quarters as long as the document's typical full line and does not end a
    sentence before a capital, nor is a heading set in capitals over a line in lower case (a
    typed transcript's title fills the measure); an empty line always ends a paragraph.
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

    settings = settings or IngestSettings()
    ligatures = sum(len(_LIGATURE.findall(line)) for page in pages for line in page)
    if ligatures:
        pages = [[_LIGATURE.sub(lambda m: _LIGATURES[m.group()], line) for line in page] for page in pages]
        counts["ligature-expanded"] = ligatures
    pages = [_strip_page_numbers(page, counts) for page in pages]
    pages, heads = _strip_running(pages, counts, settings)
    if settings.pdf_footnotes:
        pages = [_strip_footnotes(page, counts, settings) for page in pages]
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
            # a short line of a few words after a finished sentence: a closing or a signature; or a
            # valediction of more words set on its own line ("Believe me, dear Madam, yours most sincerely,")
            closing_next = ends_sentence and (len(nxt) < 0.5 * full and len(nxt.split()) <= 6
                                              or _valediction_line(nxt, full))
            # a heading set in capitals over text in lower case ends its own paragraph, however full the line
            heading = _in_capitals(line) and bool(nxt) and not _in_capitals(nxt)
            if heading and not is_last:
                close()
                continue
            if is_last:
                open_at_page_end = bool(long_line) and not line.endswith(_TERMINAL)
                if not open_at_page_end:
                    close()
            elif not long_line or ends_sentence and (len(line) < 0.9 * full or closing_next):
                close()
    close()
    return [p for p in paragraphs if p.strip()], sorted(counts.items()), heads


def read_pdf(name: str, data: bytes, settings: IngestSettings
             ) -> tuple[str, list[tuple[int, int, str]], list[tuple[str, int]], list[tuple[str, str, str]]]:
    """Return (reading text, paragraph spans, repairs, metadata) from a PDF's text layer.

    The metadata holds the year the running heads name (:func:`running_year`), as
    ``("year", "1794", "PDF running head")``: the text no longer carries it.

    Raises :class:`EmptyInput` for a PDF without a text layer, :class:`FormatMismatch` for one that
    cannot be read or is cut short before any text (:func:`is_truncated`).
    """
    pages = page_lines(name, data)
    if not any(line.strip() for page in pages for line in page):
        if is_truncated(data):  # no text because the file stops early: OCR would not help
            raise FormatMismatch(name, _unreadable(data, f"no text in its {len(pages)} page(s)"))
        raise EmptyInput(name, f"scanned PDF: no text layer in its {len(pages)} page(s); run OCR first")
    # a running foot's year is more often the printer's than the writer's: only the heads tell it
    paragraphs, repairs, heads = reflow_book(pages, settings)
    year = running_year(heads)
    meta = [("year", str(year), "PDF running head")] if year else []
    parts, blocks, pos = [], [], 0
    for paragraph in paragraphs:
        if pos:
            parts.append("\n")
            pos += 1
        blocks.append((pos, pos + len(paragraph), "p"))
        parts.append(paragraph + "\n")
        pos += len(paragraph) + 1
    return "".join(parts), blocks, repairs, meta
