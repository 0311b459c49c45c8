"""Plain text and Markdown: decoded, newlines unified, nothing else moved.

Decoding never corrupts silently (:func:`decode_text`):

1. a byte-order mark says UTF-8, UTF-16 or UTF-32 (UTF-32 checked before UTF-16,
   whose mark it starts with);
2. UTF-16 / UTF-32 without a mark are told by where their NUL bytes fall;
3. UTF-8; a file that is UTF-8 but for a few stray bytes (a cp1252 apostrophe
   pasted into a UTF-8 file) keeps its UTF-8 and has those bytes read as cp1252
   in place, counted as the repair ``cp1252-bytes``;
4. otherwise a legacy 8-bit encoding, chosen by the letters each candidate
   yields (``data/letters.json``): the candidate whose letters one language
   accounts for best wins, Western European first on a tie. A choice the letters
   do not settle is kept with the repair ``encoding-uncertain``, and
   :func:`encoding_warnings` words it for ``build``, the reader and the export.
"""
from __future__ import annotations

import codecs
import json
import re
import unicodedata
from functools import lru_cache
from importlib.resources import files

from ..errors import BinaryInput

__all__ = ["read_text", "decode_bytes", "decode_text", "encoding_warnings", "repair_typography",
           "unwrap", "wrap_width", "book_frame", "see_through_italics", "LEGACY_ENCODINGS"]

_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
#: candidates for a file that is not UTF-8, in order of preference on a tie
LEGACY_ENCODINGS = ("cp1252", "cp1250", "iso-8859-2", "cp1251", "cp1253", "cp1254", "cp1257")
#: a UTF-8 file may hold this share of stray bytes (per valid multi-byte character) and stay UTF-8
_STRAY_PER_UTF8 = 1.0
#: a legacy guess is sure when this share of its non-ASCII letters belongs to one language ...
_SURE_SHARE = 0.95
#: ... and no candidate that reads the bytes differently comes within this margin
_SURE_MARGIN = 0.1
#: with this many non-ASCII characters or more, a best guess whose letters fit no language under
#: this share is no text at all
_MIN_JUDGED, _MIN_SHARE = 8, 0.5
#: punctuation and symbols that are at home in text of any of these encodings
_TEXT_SYMBOLS = set("\u00a0’‘‚“”„–—…«»‹›¡¿°§¶€£¥¢©®™·•†‡´¨¸ºª×÷±")

Repairs = list[tuple[str, int]]


@lru_cache(maxsize=1)
def _languages() -> dict[str, frozenset[str]]:
    raw = json.loads(files("quellen").joinpath("data/letters.json").read_text(encoding="utf-8"))
    return {lang: frozenset(letters + letters.upper()) for lang, letters in raw.items()
            if not lang.startswith("_")}


def _cp1252_in_place(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("quellen-cp1252", _cp1252_in_place)


def utf16_without_bom(data: bytes) -> str | None:
    """Return "utf-16-le", "utf-16-be", "utf-32-le" or "utf-32-be" when the NUL bytes of ``data`` fall as
    they do in such text (spaces and punctuation of any script are ASCII), else None."""
    head = data[:4096]
    n = len(head) - len(head) % 4
    if n < 4 or head.count(0) < n // 10:
        return None
    head = head[:n]
    quads = [head[i:i + 4] for i in range(0, n, 4)]
    if sum(1 for q in quads if q[2:] == b"\x00\x00" and q[:2] != b"\x00\x00") > len(quads) * 0.9:
        return "utf-32-le"
    if sum(1 for q in quads if q[:2] == b"\x00\x00" and q[2:] != b"\x00\x00") > len(quads) * 0.9:
        return "utf-32-be"
    even_nul = sum(1 for i in range(0, n, 2) if head[i] == 0)
    odd_nul = sum(1 for i in range(1, n, 2) if head[i] == 0)
    if odd_nul > n * 0.05 and even_nul <= odd_nul * 0.05:
        return "utf-16-le"
    if even_nul > n * 0.05 and odd_nul <= even_nul * 0.05:
        return "utf-16-be"
    return None


def _garbage(text: str) -> int:
    return sum(1 for ch in text if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\n\r\t\f\v")
               or 0x7f <= ord(ch) < 0xa0)


def _script(ch: str) -> str:
    return "LATIN" if ch < "\x80" else unicodedata.name(ch, "?").split(" ")[0]


def _letter_score(text: str) -> tuple[float, int]:
    """Return (share, count): the share of the non-ASCII characters of ``text`` that are letters the
    best-fitting language writes, and how many non-ASCII characters were judged.

    A letter of another script inside a word, a capital after a small letter, a superscript
    digit or a control character count against the text: that is not how text is written.
    """
    counts: dict[str, int] = {}
    bad = 0
    prev = " "
    for ch in text:
        if ch >= "\x80":
            if ch.isalpha():
                if prev.isalpha() and (_script(prev) != _script(ch) or (ch.isupper() and prev.islower())):
                    bad += 1
                else:
                    counts[ch] = counts.get(ch, 0) + 1
            elif ch not in _TEXT_SYMBOLS and not unicodedata.category(ch).startswith("Z"):
                bad += 1
        prev = ch
    total = sum(counts.values()) + bad
    if not total:
        return 1.0, 0
    best = max(sum(n for ch, n in counts.items() if ch in letters) for letters in _languages().values())
    return best / total, total


def _legacy(name: str, data: bytes) -> tuple[str, str, Repairs]:
    scored = []
    for encoding in LEGACY_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue  # a byte this code page leaves undefined
        scored.append((*_letter_score(text), encoding, text))
    if not scored:
        text = data.decode("latin-1")
        scored.append((*_letter_score(text), "iso-8859-1", text))
    best = max(item[0] for item in scored)
    score, judged, encoding, text = next(item for item in scored if item[0] == best)  # first on a tie
    if _garbage(text) > len(text) // 100 + 1 or (judged >= _MIN_JUDGED and score < _MIN_SHARE):
        raise BinaryInput(name, f"undecodable bytes: not UTF-8, and the best guess ({encoding}) gives garbage")
    if encoding == "cp1252" and not any(0x80 <= b < 0xa0 for b in data):
        encoding = "iso-8859-1"  # the same letters; say what the file most likely is
    rivals = [s for s, _, e, t in scored if e != encoding and t != text]
    uncertain = score < _SURE_SHARE or any(s > score - _SURE_MARGIN for s in rivals)
    return text, encoding, [("encoding-uncertain", 1)] if uncertain else []


def decode_text(name: str, data: bytes, declared: str | None = None) -> tuple[str, str, Repairs]:
    """Return (text, encoding, repairs) of ``data``; never a silent misreading.

    ``declared`` is an encoding the file names for itself (an HTML ``<meta charset>``), tried
    after the byte-order mark and UTF-8. Raises :class:`BinaryInput` when no encoding fits.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding, []
            except UnicodeDecodeError as exc:
                raise BinaryInput(name, f"its byte-order mark says {encoding.upper()} but byte "
                                        f"{exc.start + len(bom)} does not decode as such") from None
    wide = utf16_without_bom(data)
    if wide:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            pass
        else:
            ascii_share = sum(1 for ch in text if ch < "\x80") / max(1, len(text))
            if _garbage(text) <= len(text) // 100 + 1 and ascii_share >= 0.1:
                return text, wide, []
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    # mostly UTF-8? count the well-formed multi-byte characters against the stray bytes
    repaired = data.decode("utf-8", errors="quellen-cp1252")
    lenient = data.decode("utf-8", errors="replace")
    stray = len(data) - len(data.decode("utf-8", errors="ignore").encode("utf-8"))
    multibyte = sum(1 for ch in lenient if ord(ch) > 127 and ch != "\ufffd")
    # the letters judge when the stray bytes are many: UTF-8 read as a code page yields "Ã¼"
    if multibyte and (stray <= multibyte * _STRAY_PER_UTF8
                      or _letter_score(repaired)[0] >= max(_letter_score(data.decode(e, "replace"))[0]
                                                           for e in LEGACY_ENCODINGS)):
        return repaired, "utf-8", [("cp1252-bytes", stray)]
    if declared:
        try:
            return data.decode(declared), codecs.lookup(declared).name, []
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: what the bytes say wins
    return _legacy(name, data)


def decode_bytes(name: str, data: bytes) -> tuple[str, str]:
    """Return (text, encoding) of ``data`` (see :func:`decode_text`, which also says what it repaired)."""
    text, encoding, _ = decode_text(name, data)
    return text, encoding


def encoding_warnings(encoding: str, repairs) -> list[str]:
    """Return the warnings a reader of a source decoded as ``encoding`` with ``repairs`` should see."""
    out = []
    for repair, count in repairs:
        if repair == "encoding-uncertain":
            out.append(f"encoding guessed as {encoding}: the letters do not settle it, check the text")
        elif repair == "cp1252-bytes":
            out.append(f"{count} byte{'s' * (count != 1)} that {'were' if count != 1 else 'was'} not UTF-8 "
                       "read as cp1252")
    return out


# one code point for one code point, so offsets do not move
_SAME_LENGTH_REPAIRS = {
    "\u00a0": (" ", "nbsp"),          # no-break space
    "\u2007": (" ", "figure-space"),
    "\u202f": (" ", "narrow-nbsp"),
    "\u00ad": ("\u200b", "soft-hyphen"),  # kept invisible but no longer a hyphenation hint
}


#: a plain text is hard-wrapped (a Project Gutenberg text: paragraphs broken at about 72 columns) when at
#: least this many of its lines run on into the next line ...
_WRAP_MIN_LINES = 8
#: ... its full lines (the longest but this share of its lines) measure between these columns ...
_WRAP_LONGEST_SHARE = 0.05
_WRAP_WIDTHS = (40, 100)
#: ... and at least this share of the lines that run on end within this many columns of that measure
_WRAP_FULL_SHARE = 0.6
_WRAP_SLACK = 15
#: ... and at least this share of the lines after such a full line open in lower case (a sentence going on)
_WRAP_LOWER_SHARE = 0.3
#: a line is full when the next line's first word would not have fitted on it within this many columns of the
#: measure (a book wrapped by hand, or by a tool that counts differently, ends its lines a little unevenly)
_WRAP_FIT_SLACK = 4
#: a full line ending a sentence, then a short line of at most this many words opening with a capital and not
#: ending its paragraph: a closing on a line of its own ("Yours truly," over the signature), left as it stands
#: (a wrapped paragraph's short last line ends the paragraph; a line before others is full)
_WRAP_CLOSING_WORDS = 4
#: a capitalized word of at most this many letters before its stop is an abbreviation ("Dr.", "Hon."), no sentence end
_ABBREVIATION_LETTERS = 3
_SENTENCE_END = (".", "!", "?", ".\u201d", "!\u201d", "?\u201d", '."', '!"', '?"')


def wrap_width(text: str) -> int | None:
    """Return the measure (in columns) a hard-wrapped text's paragraphs are broken at, or None when its lines
    are not evidently hard-wrapped: most lines that run on into the next end near one width."""
    lines = [line.rstrip() for line in text.split("\n")]
    run_on = [len(a) for a, b in zip(lines, lines[1:]) if a.strip() and b.strip()]
    if len(run_on) < _WRAP_MIN_LINES:
        return None
    lengths = sorted(len(line) for line in lines if line.strip())
    width = lengths[min(len(lengths) - 1, int(len(lengths) * (1 - _WRAP_LONGEST_SHARE)))]
    if not _WRAP_WIDTHS[0] <= width <= _WRAP_WIDTHS[1]:
        return None
    full = sum(1 for n in run_on if width - _WRAP_SLACK <= n)
    # wrapped prose goes on mid-sentence: many of its lines open in lower case, where a log's dated lines or a
    # poem's lines of even length open with a capital or a figure
    after = [b.lstrip()[:1] for a, b in zip(lines, lines[1:]) if len(a) >= width - _WRAP_SLACK and b.strip()]
    lower = sum(1 for ch in after if ch.islower())
    return width if full >= _WRAP_FULL_SHARE * len(run_on) and lower >= _WRAP_LOWER_SHARE * len(after) else None


def _runs_on(line: str, nxt: str, after: str, width: int, own: int | None = None) -> bool:
    """Return whether the break between ``line`` and the next line ``nxt`` (``after`` the line after it) only
    wraps a paragraph; ``own`` is the measure of a paragraph wrapped narrower than the text's ``width``."""
    body = line.rstrip()
    if not body.strip() or not nxt.strip():
        return False
    indent, next_indent = len(line) - len(line.lstrip()), len(nxt) - len(nxt.lstrip())
    if next_indent > indent:
        return False  # indented further: a new paragraph, a verse's turned line, a quotation
    if 0 < next_indent < indent:
        return False  # both indented, by different amounts: centred lines (a title page, a heading over two lines)
    words, last = nxt.split(), body.split()[-1]
    if words[0][:1].isupper() and words[0] == body.split()[0]:
        return False  # entries of a list, each opening with one word ("CHAPTER XXIV. ..." over "CHAPTER XXV. ...")
    fits = len(body) + 1 + len(words[0])
    # the next word would have fitted: the line was ended on purpose (verse, address, heading) -- unless its
    # paragraph is wrapped narrower (a producer's own measure), the word would not have fitted there and the
    # sentence plainly goes on (in lower case, or over a line that ends no sentence)
    goes_on = words[0][:1].islower() or not body.endswith(_SENTENCE_END + (":", ";"))
    if fits <= width - _WRAP_FIT_SLACK and not (own and fits > own - _WRAP_FIT_SLACK and goes_on):
        return False
    # "Hon." or "Dr." at the line's end abbreviates a title the next line goes on with
    abbreviation = last[:1].isupper() and len(last.rstrip(".")) <= _ABBREVIATION_LETTERS
    return not (body.endswith(_SENTENCE_END) and not abbreviation and len(words) <= _WRAP_CLOSING_WORDS
                and words[0][:1].isupper() and len(nxt.strip()) < width // 2 and after.strip())


def _own_measures(lines: list[str], width: int) -> list[int | None]:
    """Return for each line the measure of its paragraph (its run of non-blank lines) when that is narrower than
    ``width`` but within its slack (a paragraph a producer wrapped at 66 in a text wrapped at 72), else None."""
    out: list[int | None] = [None] * len(lines)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].strip():
            j += 1
        if j > i + 1:
            own = max(len(line.rstrip()) for line in lines[i:j])
            if width - _WRAP_SLACK <= own < width:
                out[i:j] = [own] * (j - i)
        i = j + 1
    return out


def unwrap(text: str) -> tuple[str, int]:
    """Return (``text`` with each line break inside a hard-wrapped paragraph made a space, how many).

    Only a text whose lines are evidently hard-wrapped (:func:`wrap_width`) is touched, and there only a break
    after a full line (the next word would not have fitted) into a line indented no further: short lines
    (headings, verse, addresses, date lines, signatures) stay lines. Same length, so offsets do not move.
    """
    width = wrap_width(text)
    if width is None:
        return text, 0
    lines = text.split("\n")
    own = _own_measures(lines, width)
    out = list(text)
    pos = count = 0
    for i, line in enumerate(lines[:-1]):
        pos += len(line)
        if _runs_on(line, lines[i + 1], lines[i + 2] if i + 2 < len(lines) else "", width, own[i]):
            out[pos] = " "
            count += 1
        pos += 1
    return "".join(out), count


#: words between single underscores on one line are set in italics ("_3 May._--", "a _very_ long day"): a
#: plain-text book's (Project Gutenberg's) and Markdown's mark; an underscore inside a word ("snake_case") or a row of
#: them (a blank "Mr. ____") is none
_ITALIC = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\w_])")


def see_through_italics(text: str) -> tuple[str, int]:
    """Return (``text`` with the underscores that mark italics out of the words' way, how many runs).

    Same length: in a run that opens its line (after its indentation) the words move one column left and the two
    marks become spaces after them, so the line opens with its words ("3 May.  --Rain all day"); elsewhere each mark
    becomes a space. A character of the run stands at most one offset away from where the source has it.
    """
    count = 0

    def plain(match: re.Match) -> str:
        nonlocal count
        count += 1
        words = match.group(1)
        line_start = text.rfind("\n", 0, match.start()) + 1
        if not text[line_start:match.start()].strip():
            return words + "  "
        return " " + words + " "

    out = _ITALIC.sub(plain, text) if "_" in text else text
    return out, count


#: a producers' note after the start line is at most this many lines
_CREDIT_LINES = 6


def book_frame(text: str) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Return (front matter, back matter): the (start, end) of the text's non-blank front matter up to the end of
    its start line, and of its back matter from its end line, each None when the text has none.

    A digital library's plain-text book (Project Gutenberg) opens with a header (the library's notes, the
    licence's first words, title, author, release date) closed by a line such as "*** START OF THE PROJECT
    GUTENBERG EBOOK ... ***", and ends with a line such as "*** END OF ... ***" and the licence. Those lines are
    told by their opening phrase (``data/lexicon/book_frame_marks.txt``), a start line in the text's first half,
    an end line in its second; a short producers' note right after the start line ("Produced by ...", a "credits"
    phrase) belongs to the front matter too.
    """
    from .. import lexicons
    marks = lexicons.pairs("book_frame_marks")
    starts = tuple(phrase for side, phrase in marks if side == "start")
    ends = tuple(phrase for side, phrase in marks if side == "end")
    credits = tuple(phrase for side, phrase in marks if side == "credits")
    front = back = None
    pos = 0
    half = len(text) // 2
    for line in text.split("\n"):
        said = " ".join(line.strip(" *\t").lower().split())
        if pos < half and said.startswith(starts):
            front = (len(text) - len(text.lstrip()), pos + len(line.rstrip()))
        elif pos >= half and back is None and said.startswith(ends):
            back = (pos + len(line) - len(line.lstrip()), len(text.rstrip()))
        pos += len(line) + 1
    if front:
        # the producers' note right after the start line ("Produced by ...") is the library's too
        rest = text[front[1]:]
        note = rest.lstrip()
        said = " ".join(note[:80].lower().split())
        end = note.find("\n\n")
        if said.startswith(credits) and 0 < end and note[:end].count("\n") < _CREDIT_LINES:
            front = (front[0], front[1] + len(rest) - len(note) + len(note[:end].rstrip()))
    return front, back


def _blank(text: str, spans) -> str:
    """Return ``text`` with the characters of ``spans`` but its line breaks made spaces (same length)."""
    for start, end in spans:
        text = text[:start] + "".join(ch if ch == "\n" else " " for ch in text[start:end]) + text[end:]
    return text


def repair_typography(text: str) -> tuple[str, list[tuple[str, int]]]:
    """Return (text, repairs): fixes that replace one code point by one code point.

    Only repairs that keep every offset are made, and each is counted so the
    build can say what it changed. A digital library's front and back matter around a book
    (:func:`book_frame`, counted as ``book-frame``) become blank: the segmenter sets them aside as
    boilerplate, and no date or name of theirs reaches the book. The line breaks inside the
    paragraphs of a hard-wrapped text become spaces (:func:`unwrap`, counted as ``unwrapped-lines``),
    so the analysis reads a paragraph as a line, as the text's author wrote it.
    """
    frame = [span for span in book_frame(text) if span]
    text, unwrapped = unwrap(_blank(text, frame))
    text, italics = see_through_italics(text)
    counts: dict[str, int] = {"unwrapped-lines": unwrapped} if unwrapped else {}
    if italics:
        counts["italic-underscores"] = italics
    if frame:
        counts["book-frame"] = len(frame)
    if not any(ch in text for ch in _SAME_LENGTH_REPAIRS):
        return text, sorted(counts.items())
    out = []
    for ch in text:
        rep = _SAME_LENGTH_REPAIRS.get(ch)
        if rep:
            out.append(rep[0])
            counts[rep[1]] = counts.get(rep[1], 0) + 1
        else:
            out.append(ch)
    return "".join(out), sorted(counts.items())


def read_text(name: str, data: bytes) -> tuple[str, str, list[tuple[str, int]]]:
    """Return (text, encoding, repairs found) for a plain text or Markdown file.

    ``\\r\\n`` and ``\\r`` become ``\\n`` (CONTRACT.md); line N of the file is line N of the text.
    """
    text, encoding, decoding = decode_text(name, data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # CONTRACT.md: nothing else changes in a plain text source; the repairs are
    # applied to the working copy the analysis reads (same length, same offsets)
    _, repairs = repair_typography(text)
    return text, encoding, decoding + repairs
