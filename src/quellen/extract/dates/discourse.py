"""Whose now a date is told in: quoted speech and dialogue, accounts told after the fact, diary headings
without a year, dates that only bound a period and page stamps that anchor nothing.
"""
from __future__ import annotations

import bisect
import calendar as _cal
import datetime as dt
import re

from ...lexicons import words
from ...model import DAY_RECORD_KINDS, Date, Document
from .anchor import YEARLESS, Anchor, Ctx
from .lexicon import FULL_DATE_YEAR, Cand

# quotation marks that only open, only close, or do both (straight quotes toggle)
_OPENERS = {"\u201c": "\u201d", "\u201e": "\u201c\u201d", "\u00ab": "\u00bb", "\u2018": "\u2019",
            "\u201a": "\u2018\u2019"}
_QUOTE_CHARS = re.compile("[\"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a']")
#: a dialogue line opened by a dash ("— I leave today, he said."), as printed in many languages
_DIALOGUE_LINE = re.compile(r"^[ \t]*[—–-][ \t]+(?=[\w\"“«„])", re.M)
#: where a dialogue line's speech stops: the narrator's dash before the attribution
_DIALOGUE_STOP = re.compile(r"[ \t]+[—–][ \t]+")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) spans of direct speech in ``text``, sorted: double and single quotation
    marks (curly, straight, low-9, guillemets) paired within a paragraph, and dialogue lines opened by
    a dash up to the narrator's dash. A quotation left open runs to the end of its line, as a speech
    that goes on into the next paragraph does."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        spans.extend(_line_quotes(text, line.start(), line.end()))
    for m in _DIALOGUE_LINE.finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        stop = _DIALOGUE_STOP.search(text, m.end(), end)
        spans.append((m.end(), stop.start() if stop else end))
    return sorted(spans)


def _line_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the spans of quoted speech in one line (one paragraph) of ``text``."""
    out: list[tuple[int, int]] = []
    open_at, closers = None, ""
    for m in _QUOTE_CHARS.finditer(text, start, end):
        ch, i = m.group(), m.start()
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if ch in ("'", "\u2019", "\u2018") and prev.isalnum() and nxt.isalnum():
            continue  # an apostrophe inside a word ("don't", "o'clock")
        if open_at is None:
            if ch in _OPENERS and (ch not in "\u2018\u201a" or not prev.isalnum()):
                open_at, closers = i, _OPENERS[ch]
            elif ch == '"' or ch == "'" and not prev.isalnum() and nxt.isalpha():
                open_at, closers = i, ch
            continue
        if ch in closers and (ch not in "'\u2019" or not nxt.isalnum()):
            # a straight or curly single quote closes only after the speech's last word or stop
            if ch in "'\u2019" and closers in ("'", "\u2019", "\u2018\u2019") and not re.match(
                    r"[\w.,!?;:—–-]", prev):
                continue
            out.append((open_at, i + 1))
            open_at = None
    if open_at is not None and closers != "'":
        out.append((open_at, end))
    return out


def _in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    """Return True when ``pos`` lies inside one of the sorted ``spans``."""
    i = bisect.bisect_right(spans, (pos, float("inf")))
    # dialogue lines and the quotes inside them overlap: look at the few spans that start before pos
    return any(a <= pos < b for a, b in spans[max(0, i - 3):i])


def speech_deictic(c: Cand, ctx: Ctx) -> str:
    """Return whose time an expression is told in, when it is not the writer's at the document's date:
    "narrated" for any expression in narration told after the fact (the writing date anchors nothing
    there), "quoted" for a deictic one ("today", "yesterday", "now", "at 2:35", "on Sunday") in quoted
    speech, else "". A caller-given DCT (news) keeps anchoring quotes, as TimeML annotators of news do."""
    if ctx.dct_given:
        return ""
    if ctx.narrated and ctx.narrated[0] <= c.start < ctx.narrated[1]:
        return "narrated"
    deictic = (c.kind == "rel" and c.data.get("base") == "dct" or c.kind == "ref" and c.data["value"] == "PRESENT_REF"
               or c.kind == "time" and not c.data.get("y") or c.kind == "tod" and c.data.get("base") == "dct"
               or c.kind in ("weekday", "weekend"))
    return "quoted" if deictic and _in_spans(ctx.quotes, c.start) else ""


def yearless_anchor(c: Cand, offset: int) -> Anchor:
    """Return a stand-in anchor for a heading day without a year: a year in which that day falls on the
    weekday the heading gives (label ``yearless:wd...``), or a leap year when it gives none."""
    m, d, wd = c.data["m"], c.data["d"], c.data.get("weekday")
    if wd is not None:
        for y in range(2000, 2028):
            try:
                if dt.date(y, m, d).weekday() == wd:
                    return Anchor(dt.date(y, m, d), "day", "gregorian",
                                  f"{YEARLESS}wdXXXX-{m:02d}-{d:02d}@{offset + c.start}")
            except ValueError:
                break
    return Anchor(dt.date(2000, m, min(d, _cal.monthrange(2000, m)[1])), "day", "gregorian",
                  f"{YEARLESS}XXXX-{m:02d}-{d:02d}@{offset + c.start}")


#: what puts a year as a bound before it: "since 1991", "until the 1975", and through a happening named
#: in a few words, "since the fire of 1848", "ever since the great flood in 1846"; a function word in
#: those few words ("until spring and in 1848", "before he left in 1848") means a new clause, whose
#: year the narrative moves to
_GAP_WORD = r"(?!(?:%s)[ \t])[a-z]+[ \t]+" % "|".join(re.escape(w) for w in words("stop_words"))
_SINCE = re.compile(r"\b(?i:since|until|till|before)\s+(?:(?i:the)\s+)?(?:(?:%s){0,3}(?:of|in)[ \t]+)?$" % _GAP_WORD)


def bound_only(text: str, c: Cand) -> bool:
    """Return True when the date is only a bound ("since 1991", "until 1975"): the narrative does not
    move to it, so "a year earlier" after it still counts from the period being told."""
    return c.kind == "abs" and c.data.get("m") is None and bool(_SINCE.search(text[max(0, c.start - 40):c.start]))


def looks_back(c: Cand) -> bool:
    """Return True for a relative expression that looks back ("a year earlier", "two months ago"):
    a recollection, after which the narrative stays where it was."""
    n = c.data.get("n")
    return isinstance(n, (int, float)) and n < 0


def written_years(text: str) -> list[int]:
    """Return the years the text writes out with a month or as a prose year (not numeric stamps)."""
    return [int(m.group("y")) for m in FULL_DATE_YEAR.finditer(text)]


def far_stamp(c: Cand, date: Date, written: list[int]) -> bool:
    """Return True for a numeric or ISO date ("09/30/2021") whose year lies decades away from every
    year the text writes in words: a page or download stamp, which never anchors the text's dates."""
    if c.rule not in ("numeric-date", "iso-date") or not written:
        return False
    return min(abs(date.earliest.year - y) for y in written) > 20


_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")
#: the body of a text dated at its foot reads as an account written after the events it tells, rather
#: than a letter written on the day, from this many paragraphs and characters on
MIN_ACCOUNT_PARAGRAPHS = 3
MIN_ACCOUNT_CHARS = 1000
#: a closing or signature line above a foot date is shorter than this
_CLOSING_LINE = 100


def retrospective_body(part: str, document: Document) -> tuple[int, int] | None:
    """Return the (start, end) span, in ``part``, of the body of an account dated only at its foot, or None.

    A long text whose only date stands at its end was written on that day about what came
    before: in its body, narration's "yesterday" and "now" are the narrated day's. Its first
    paragraph (a letter's address to its reader, below any title, byline or salutation) and the
    short lines above the date (closing, signature) are the writer's own. A short letter dated at
    its foot speaks of the day it was written, a record (a statement, a report, a telegram) of
    its own day whatever its length, and a text dated at its head is a letter or an entry.
    """
    date = document.date
    if date is None or not date.text or document.kind in DAY_RECORD_KINDS:
        return None
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(part)]
    where = [i for i, (a, b) in enumerate(paragraphs) if date.text in part[a:b]]
    if where:
        if where[0] <= 1 or where[-1] < len(paragraphs) - 3:
            return None  # dated at its head, or the date stands only in its body
        end = where[-1]
    elif "closing date line" in document.evidence:
        end = len(paragraphs)
    else:
        return None
    for _ in range(3):
        if end > 1 and paragraphs[end - 1][1] - paragraphs[end - 1][0] < _CLOSING_LINE:
            end -= 1
    first = 0
    while first < end - 1 and paragraphs[first][1] - paragraphs[first][0] < _CLOSING_LINE \
            and not re.search(r"[.?!…]\W*$", part[paragraphs[first][0]:paragraphs[first][1]]):
        first += 1  # a title, a byline or a salutation (not a sentence) above the writer's opening words
    body = paragraphs[first + 1:end]
    if len(body) < MIN_ACCOUNT_PARAGRAPHS or body[-1][1] - body[0][0] < MIN_ACCOUNT_CHARS:
        return None
    return body[0][0], body[-1][1]


