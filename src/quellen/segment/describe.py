"""Describe a segmented document: kind, title, author, addressees, date, place, primary.

Each field is read from the cues that placed the boundary (heading, salutation,
signature, framing sentence, attribution line) and from the document's own
lines; :func:`describe` records which cue decided in the document's evidence.
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections import Counter

from ..extract.calendars import LAST_LADY_DAY_YEAR, calendar_for, elided_years
from ..extract.dates.anchor import bare_day_month
from ..extract.dates.lexicon import (CHURCH_WEEKDAY, ORD_DAY, WD, calendar_words, day_value, month_of, plain_month_in,
                                     weekday_of)
from ..extract.entities import names_no_one
from ..lexicons import pairs, words
from ..model import (ACCOUNT_KINDS, FURNITURE_KINDS, PRIMARY_KINDS, RECORD_KINDS, SERIES_KINDS, VOICE_KINDS, Date,
                     DateBasis, Head, Ref, RefBasis, replace)
from ..settings import SegmentSettings
from .cascade import (CHAPTER_SUMMARY, EDITION_PAPER, FRONT_SIGNED, ORG_WORDS, POSTSCRIPT_RE, RESUMES_SECTION,
                      RUN_IN_SIGNED, Group)
from .lines import (EDITION_HEAD_RE, FRONT_MATTER_RE, FULL_DATE_RE, INITIALS, LEAD_DAY_RANGE_RE, LETTER_HEADER_RE,
                    MARKS_RE, MONTHS,
                    NARRATION_VERBS, NOT_A_SIGNER_RE,
                    LOT_HEAD_RE, NEWSPAPER_RE, PERSON, ROLE_RE, TELEGRAPH_FORM_RE, TELEGRAPHIC_RE, bare_day, byline,
                    is_allcaps, is_byline, is_name, kind_from_words, latin_day_head, leading_date, receipt_note,
                    roman_month_date,
                    salutations,
                    signature_text, signed_name,
                    signed_under_closing, split_signature, strip_quotes, weekday_alone, weekday_day, yearless)
from .shapes import counted_day, head_date_text, run_in_head
from .lines import web_byline, wire_dateline  # a web page's byline with its day, a news agency's dateline

__all__ = ["describe", "YearContext", "dominant_signer", "diarists", "expand_initials", "parse_date_text",
           "KIND_CLASSES", "CLASS_OF_KIND"]

#: the coarse class of every kind (as the shared scorer groups them): record, personal, account, furniture
KIND_CLASSES = {
    "record": frozenset(RECORD_KINDS | {"newspaper_article", "notice", "declaration", "letter_to_editor",
                                        "decree", "order"}),
    "personal": frozenset({"diary", "memoir"}),
    "account": frozenset({"narrative", "commentary", "opinion", "biography", "book_excerpt", "interview",
                          "editorial"}),
    "furniture": frozenset({"heading", "caption", "epigraph", "boilerplate", "page_header", "separator"}),
}
CLASS_OF_KIND = {kind: cls for cls, kinds in KIND_CLASSES.items() for kind in kinds}

_PAST = re.compile(r"\b(?:was|were|had|did|went|came|said|told|saw|remember(?:ed)?|recall(?:ed)?)\b", re.I)
_REMEMBER = re.compile(r"\bI\s+(?:still\s+)?(?:remember|recall|recollect)\b|\bI\s+shall\s+never\s+forget\b")
_TODAY_RE = re.compile(r"\b(?:today|this\s+day|to-day),?\s+(?:the\s+)?", re.I)
_PLACE_DATE_RE = re.compile(r"^(?P<place>[A-Z][\w'’\-]+(?:[\s-][A-Z][\w'’\-]+){0,2}),\s*(?=\S)")
_SUBJECT_SKIP = set(words("not_subject_openers"))
#: a report's dateline, the place and the weekday before its date ("Manchester, Wednesday, April 15,
#: 1846."), opening a paragraph or after one short sentence ("From our own reporter. Manchester, ...")
_REPORT_DATELINE_RE = re.compile(r"^(?:[^.!?\n]{0,60}[.!]\s+)?(?P<place>[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+){0,2}),\s+"
                                 r"(?=(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)")


def report_dateline(paragraphs) -> tuple[str, re.Match, int] | None:
    """Return (place, the date's match, the paragraph's index) for a reporter's dateline (place, weekday,
    full date) opening one of ``paragraphs`` (a report's first ones), or None.

    >>> report_dateline(["From our own reporter. Manchester, Wednesday, April 15, 1846."])[0]
    'Manchester'
    """
    for i, text in enumerate(paragraphs):
        m = _REPORT_DATELINE_RE.match(text)
        if m is None or calendar_words(m.group("place")):
            continue
        d = FULL_DATE_RE.match(text, m.end())
        if d and re.search(r"\d{4}", d.group(0)) and re.match(r"\s*(?:[.:;—–-]|$)", text[d.end():]):
            return m.group("place"), d, i
    return None


#: a month's name written out (not an abbreviation, which a line alone may be for something else: "Mar.")
_MONTH_NAME_NUMBERS = {w: int(n) for w, n in pairs("months")}
#: a year this close after a month head (in characters) is that head's own year ("April 1866")
_SAME_HEADING = 40

#: a diary runs forward: an entry whose month lies this many months or more before the previous
#: entry's is in the next year (December -> January); a smaller step back is a compiler's reordering
ROLL_OVER_MONTHS = 3


_YEAR_IN_HEAD_RE = re.compile(r"(?<![\d/.–-])(1[0-9]\d\d|20\d\d)(?![\d/–-])")
#: a year named in the running text: "in 1870", "the autumn of 1870" (not a part of a number or a range)
_YEAR_SAID_RE = re.compile(r"(?<![\d/.,–-])(1[5-9]\d\d|20\d\d)(?![\d/–-]|,\d)")


class YearContext:
    """Years stated around a date written without one ("December 16"), so that it can get one.

    Three tiers of anchors, in the order they are trusted (why):

    1. **heads**: a year standing in a heading ("1903", "THE WINTER OF 1911") and the date of each
       entry or letter already read (:meth:`note`) -- a diary's entries follow their year and each
       other, and roll over into the next year at December -> January;
    2. **mentions**: full dates in the running text outside page furniture (the compiler's "In
       March 1862 ..."), used where no head stands before the date;
    3. **the file's metadata** (``year``: a sidecar, ``--set context.year``), used where the
       text states no year at all;
    4. **a year the running text names** before the date, without month or day (an editor's prefatory note,
       "printed in the autumn of 1870"), where it names one year only there and nothing else gives one; read
       only before ``front_end`` (the first date line): a year a letter of a novel names in passing ("fought at
       Minden in 1759") is its writer's talk, not the year of the letters after it.

    A page's date stamp never dates a document.
    """

    def __init__(self, text: str, spans: list[tuple[int, int]], heads: list[tuple[int, int]] = (),
                 meta_year: tuple[int, str] | None = None, running: list[tuple[int, int]] = (),
                 front_end: int | None = None, lady_day: bool = False):
        #: the civil year began on 25 March (Britain before 1752): a year a heading or the metadata gives is the
        #: writer's civil year, and its days of 1 January to 24 March lie in the next year of modern reckoning
        self.lady_day = lady_day
        #: the group being read is a diarist's own entry (:func:`describe` says): only there is a year heading the
        #: writer's civil year
        self.own_heads = True
        self.heads: list[tuple[int, int, int, int]] = []  # (offset, year, month, day); month 0: the year only
        #: the heads whose year the text printed elided ("Aug. 4, 17—"), by offset: the digits printed
        self.elided: dict[int, str] = {}
        self.anchors: list[tuple[int, int, int]] = []  # mentions: (offset, year, month)
        self.meta_year = meta_year
        #: the offsets of the years that stand alone on their line ("1819"): a year heading whatever came before
        self.alone: set[int] = set()
        #: the offsets of the date lines dated by a weekday in figures alone ("5th day."): the next head may be its
        #: number alone ("7th")
        self.by_weekday: set[int] = set()
        #: the offsets of the years a running head prints (page furniture): the year of the page, which says
        #: nothing new where the entries above are of that year already
        self.running: set[int] = set()
        for start, end in running:
            self.running |= {start + m.start() for m in _YEAR_IN_HEAD_RE.finditer(text[start:end])}
        for start, end in sorted([*heads, *running]):
            # a year in a title or standing alone ("1864.", "THE WINTER OF 1911") sets the year
            # of the entries under it
            found = list(_YEAR_IN_HEAD_RE.finditer(text[start:end]))
            for m in found:
                # a month named right before the year ("FROM X TO Y. June 1811.") is the month of the entries under
                # it, when the line names no other year ("FROM MARCH 1850 TO JUNE 1851" spans them: no one month)
                said = re.search(r"([A-Za-z]+)\.?,?\s+$", text[start:start + m.start()]) if len(found) == 1 else None
                month = MONTHS.get(said.group(1).lower(), 0) if said else 0
                self.heads.append((start + m.start(), int(m.group(1)), month, 0))
                if _bare_year(text[start:end]):
                    self.alone.add(start + m.start())
        #: the years the running text names alone before a date (tier 4): (offset, year)
        self.said: list[tuple[int, int]] = []
        for start, end in spans:
            dates = [(m.start(), m.end()) for m in FULL_DATE_RE.finditer(text, start, end)]
            self.said += [(m.start(), int(m.group(1))) for m in _YEAR_SAID_RE.finditer(text, start, end)
                          if not any(a <= m.start() < b for a, b in dates)
                          and (front_end is None or m.start() < front_end)]
            for m in FULL_DATE_RE.finditer(text, start, end):
                y = re.search(r"\d{4}", m.group(0))
                month = next((MONTHS[w.lower().rstrip(".")] for w in re.findall(r"[A-Za-z]+\.?", m.group(0))
                              if w.lower().rstrip(".") in MONTHS), None) or plain_month_in(m.group(0))
                if y and month:
                    self.anchors.append((m.start(), int(y.group(0)), month))
        self.heads.sort()
        self.anchors.sort()
        if lady_day and _january_years(text, sorted(heads), self.alone):
            self.lady_day = False
        for start, end in sorted(heads):
            # a month alone on its line ("May", "JUNE.") heads the entries under it: their month, its year the
            # one the text gives it (the heads above, a date or a year the front matter names)
            month = _MONTH_NAME_NUMBERS.get(text[start:end].strip().rstrip(".").lower())
            found = self.year_for(start, month) if month else None
            if found is not None:
                bisect.insort(self.heads, (start, found[0], month, 0))

    def note(self, offset: int, date: Date) -> None:
        """Record the date of an entry or letter read at ``offset``: the next yearless one follows it."""
        first = elided_years(date.as_written)
        if first is not None and date.as_written[5:7].isdigit():
            # "Aug. 4, 17—": the entries after it are of the same elided year
            self.elided[offset] = date.as_written[:4].rstrip("X")
            bisect.insort(self.heads, (offset, first[0], int(date.as_written[5:7]), 0))
            return
        if date.precision not in ("day", "month") or not date.as_written:
            return
        parts = date.as_written.split("-")
        if len(parts) < 2 or not parts[0].isdigit():
            return
        day = int(parts[2]) if len(parts) > 2 else 0
        bisect.insort(self.heads, (offset, int(parts[0]), int(parts[1]), day))

    def _before(self, offset: int) -> list[tuple[int, int, int, int]]:
        """Return the heads before ``offset`` that may give a year, in order: a year written in a line with other
        words that goes back before the entries already dated above it ("Lord Bacon, 1561." printed in a
        pocket-book over an entry of 1819) is a year the text speaks of, not the year its entries are in (a
        year alone on its line, "1819", heads the entries under it whatever came before)."""
        i = bisect.bisect_left(self.heads, (offset, -1, -1, -1))
        out, latest = [], 0
        for head in self.heads[:i]:
            if not head[2] and head[1] < latest and head[0] not in self.elided and head[0] not in self.alone:
                continue
            if head[0] in self.running and head[1] == latest:
                continue
            if head[2]:
                latest = max(latest, head[1])
            out.append(head)
        return out

    def last_day(self, offset: int) -> dt.date | None:
        """Return the day of the last entry read before ``offset`` (None when the last head before it
        is not a day: a year heading, a month)."""
        heads = self._before(offset)
        while len(heads) > 1 and not heads[-1][2] and heads[-2][2] and heads[-2][1] == heads[-1][1] \
                and heads[-1][0] - heads[-2][0] <= _SAME_HEADING:
            heads = heads[:-1]  # the year printed in the entry's own date line ("the 7th of 9th mo 1803")
        if not heads or heads[-1][0] in self.elided:
            return None
        _, year, month, day = heads[-1]
        try:
            return dt.date(year, month, day) if month and day else None
        except ValueError:
            return None

    def weekday_after(self, offset: int, weekday: int, text: str) -> Date | None:
        """Return the date of a diary's date line at ``offset`` that names its weekday (0 = Monday) and no day: the
        first day after the entry before that falls on it (a diary goes forward, and most days have their entry),
        reckoned; None when the entry before gives no day. A line naming the weekday in figures ("5th day.") is
        remembered, for :meth:`counts_weekdays`."""
        day = self.last_day(offset)
        heads = self._before(offset)
        if day is None and heads and heads[-1][2] and not heads[-1][3] and heads[-1][0] not in self.elided:
            # under a month heading ("June 1811.") before any entry of it: the first such weekday of the month
            day = dt.date(heads[-1][1], heads[-1][2], 1) - dt.timedelta(days=1)
        if day is None:
            return None
        when = day + dt.timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)
        if text.strip()[:1].isdigit():
            self.by_weekday.add(offset)
        return Date(text=text.strip(" .,:"), edtf=when.isoformat(), earliest=when, latest=when, precision="day",
                    calendar="gregorian", as_written=when.isoformat(),
                    rule="the first day after the entry before that falls on the weekday named",
                    anchor=day.isoformat(), basis=DateBasis.RECKONED)

    def counts_weekdays(self, offset: int) -> bool:
        """Return True when the entry before ``offset`` was dated by a weekday in figures alone ("5th day."): under
        it a number from 1st to 7th alone ("7th") is the next head's weekday with its "day" left out, not a day
        of the month."""
        heads = self._before(offset)
        return bool(heads) and heads[-1][0] in self.by_weekday

    def month_for(self, offset: int, day: int, weekday: int | None = None) -> tuple[int, int, str] | None:
        """Return (year, month, how) for a day of the month written alone at ``offset`` ("2nd.",
        "8th (Sunday)."), or None when no month stands above it or the day is not in that month.

        The month and year are those of the last head before it with a month: a month heading
        ("January 1660"), or the entry before, whose month rolls forward (December into the next
        year's January) when the day goes back ("31st." then "1st."), unless the ``weekday`` (0 =
        Monday) the head gives falls on that day in the month next to it
        (:func:`~quellen.extract.dates.anchor.bare_day_month`, as the tagger reads "Thursday the
        28th"). A day past the end of that month ("31st." under April) gets none: it is a misprint
        or a misreading, not a date.
        """
        heads = self._before(offset)
        i = len(heads)
        while i > 0 and not heads[i - 1][2]:
            at, year = heads[i - 1][:2]
            before = heads[i - 2] if i > 1 else None
            if before is None or not before[2] or before[1] != year or at - before[0] > _SAME_HEADING:
                return None  # a year heading since the last month: which month is not said
            i -= 1  # the year of the month heading itself ("April 1866")
        if i == 0 or heads[i - 1][0] in self.elided:
            return None
        _, year, month, last = heads[i - 1]
        how = "month of the heading above" if not last else "month of the entry before"
        if last:
            # a weekday tells the day only where the calendar of that year is known (not between a
            # country's first and last adoption of the reform)
            cal = calendar_for(dt.date(year, month, 1))
            placed = bare_day_month((year, month, last), day, weekday if cal != "unknown" else None,
                                    "julian" if cal == "julian" else "gregorian")
            if placed is None:
                return None
            if placed != (year, month):
                how = ("the entry before's month, rolled over into the next" if placed > (year, month)
                       else "the month before the entry before's, where the day falls on its weekday")
            year, month = placed
        if day > _days_in(year, month):
            return None
        return year, month, how

    def month_for_weekday(self, offset: int, day: int, weekday: int) -> tuple[int, int, str] | None:
        """Return (year, month, how) for an entry head that gives its weekday and day and no month ("Saturday
        2") at ``offset``, or None when no year stands above it.

        The month is the first, from the month of the entry before (or January of a year heading above),
        in which that day falls on that weekday: the weekday is the diarist's own evidence of the month, and a
        diary's entries go forward. A month the heads above give (:meth:`month_for`) is kept when the weekday
        agrees with it; none is looked for more than a year ahead.
        """
        found = self.month_for(offset, day, weekday)
        if found is not None and day <= _days_in(found[0], found[1]) and \
                dt.date(found[0], found[1], day).weekday() == weekday:
            return found
        heads = self._before(offset)
        if not heads or heads[-1][0] in self.elided:
            return None
        _, year, month, last = heads[-1]
        how = "the first month after the entry before" if month else "the first month of the year heading above"
        if not month:
            # a year heading between entries of that year ("... Collection 1819") restarts nothing: the
            # entries go on from the last one dated in it
            dated = next((h for h in reversed(heads[:-1]) if h[2] and h[1] == year), None)
            if dated is not None:
                month, last = dated[2], dated[3]
                how = "the first month after the entry before"
        month = month or 1
        if last and day <= last:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        for _ in range(13):
            if day <= _days_in(year, month) and dt.date(year, month, day).weekday() == weekday:
                return year, month, f"{how} in which the day falls on that weekday"
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return None

    def elided_for(self, offset: int) -> str | None:
        """Return the digits of the elided year ("17" of "17—") of the last head before ``offset``, when that
        head is a date whose year the text printed elided, else None: a yearless entry after "Aug. 4, 17—"
        is of that same unknown year, not of one a date elsewhere states."""
        i = bisect.bisect_left(self.heads, (offset, -1, -1, -1))
        return self.elided.get(self.heads[i - 1][0]) if i > 0 else None

    def year_for(self, offset: int, month: int, day: int | None = None) -> tuple[int, str] | None:
        """Return (year, how) for a month-and-day at ``offset``, or None when nothing gives a year.

        The last head before it wins (a year heading, or the entry before, rolling over into the
        next year when the month goes back by :data:`ROLL_OVER_MONTHS` or more); without one, the
        last full date of the running text before it (a month much earlier than that date's rolls
        into the next year); without any, the first anchor after it (a month later than that
        anchor's belongs to the year before); then the file's metadata. The year is given in modern
        reckoning: where the civil year began on 25 March (:attr:`lady_day`), a heading's or the metadata's
        year is the writer's civil one (:meth:`_civil`).
        """
        i = bisect.bisect_left(self.heads, (offset, -1, -1, -1))
        heads = self._before(offset)
        if heads:
            _, year, head_month, _ = heads[-1]
            if head_month == 0:
                # a year heading between an entry and a later one of an earlier month of the year (December,
                # then January) starts its year at January, as the writer counted: where the year began on
                # Lady Day no heading stands there
                dated = [h for h in heads[:-1] if h[2] and h[3]]
                if dated and dated[-1][2:] > (month, day or 1):
                    return year, "year of the heading above"
                if not self.own_heads:
                    return year, "year of the heading above"
                return self._civil(year, month, day, "year of the heading above")
            if month <= head_month - ROLL_OVER_MONTHS:
                return year + 1, "the entry before, rolled over into the next year"
            return year, "year of the entry before"
        j = bisect.bisect_left(self.anchors, (offset, -1, -1))
        if j > 0:
            _, year, anchor_month = self.anchors[j - 1]
            return (year + 1 if month < anchor_month - 6 else year), "year of the date before"
        after = [a for a in (self.heads[i] if i < len(self.heads) else None,
                             self.anchors[j] if j < len(self.anchors) else None) if a is not None]
        if after:
            first = min(after)
            year, anchor_month = first[1], first[2]
            if anchor_month:
                return (year - 1 if month > anchor_month + 1 else year), "year of the dated neighbour after"
        if self.meta_year is not None:
            return self._civil(self.meta_year[0], month, day, f"year of the file's metadata ({self.meta_year[1]})")
        said = {year for at, year in self.said if at < offset}
        if len(said) == 1:
            return said.pop(), "the one year the text names before it"
        return None

    def _civil(self, year: int, month: int, day: int | None, how: str) -> tuple[int, str]:
        """Return (year, how) of a day of civil ``year`` in modern reckoning: the next year for 1 January to 24
        March where the civil year began on Lady Day (:attr:`lady_day`, before 1752), else ``year``."""
        if not self.lady_day or year >= LAST_LADY_DAY_YEAR or (month, day or 1) >= (3, 25):
            return year, how
        tail = str(year + 1)[-2:]
        return year + 1, (f"{how}, a civil year that began on 25 March: {year}/{tail}, "
                          f"{year + 1} in modern reckoning")


def _january_years(text: str, heads: list[tuple[int, int]], alone: set[int]) -> bool:
    """Return True when the writer began the year on 1 January: a year alone on its line stands between a head of
    a later month and one of an earlier month (December, then "1741", then January), where a writer who began it
    on Lady Day (25 March) puts none."""
    lines = []  # (a year alone on the line?, the month the line names or 0)
    for start, end in heads:
        line = text[start:end]
        month = next((MONTHS[w.lower().rstrip(".")] for w in re.findall(r"[A-Za-z]+\.?", line)
                      if w.lower().rstrip(".") in MONTHS), 0)
        lines.append((any(start <= at < end for at in alone), month))
    for k, (is_year, _) in enumerate(lines):
        if not is_year:
            continue
        before = next((m for y, m in reversed(lines[:k]) if m and not y), 0)
        after = next((m for y, m in lines[k + 1:] if m and not y), 0)
        if before and after and before > after:
            return True
    return False


def _days_in(year: int, month: int) -> int:
    """Return the number of days of ``month`` in ``year``, taking a Julian leap year (every fourth)
    before 1800, where the calendar of the text may be either."""
    if month == 2 and year % 4 == 0 and year < 1800:
        return 29
    return calendar.monthrange(year, month)[1]


#: an entry head written year first: "1712.—March 3.", "1712, March 3:", "1857.—Thursday, December 24."
_YEAR_FIRST_RE = re.compile(r"^(?P<y>1\d{3}|20\d\d)[.,:]?\s*[—–-]*\s*(?P<md>(?:[A-Z][a-z]+day,?\s+)?"
                            r"(?:(?:[Tt]he\s+)?(?:\d{1,2}|" + ORD_DAY + r")(?:st|nd|rd|th|d)?\s+(?:of\s+)?[A-Z][a-z]+"
                            r"|[A-Z][a-z]+\.?\s+(?:the\s+)?(?:\d{1,2}|" + ORD_DAY + r"))(?=(?:st|nd|rd|th|d)?\b))")
_CLOCK_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
#: an entry head that gives an hour or a part of the day but no date: "Seven o'clock.--", "Half-past
#: eight.--", "Later.", "Same day, 11 p.m.--", "Next morning.--"; its dash typed as two hyphens after a spaced
#: hour too, as plain texts have it ("10 p. m.--")
_TIME_HEAD_RE = re.compile(
    rf"^(?:(?P<next>next\s+(?:day|morning|evening|night)|the\s+next\s+(?:day|morning))|same\s+day|later|"
    rf"(?:late\s+)?(?:in\s+the\s+)?(?:morning|afternoon|evening|night|midnight|noon)|"
    rf"(?:(?:half|a\s+quarter)[\s-]past\s+|a\s+quarter\s+to\s+)?(?:{_CLOCK_WORD}|\d{{1,2}})(?:\s+o[’']clock)?|"
    rf"\d{{1,2}}[.:]\d\d)(?:[,\s]+(?:[ap]\.\s?m\.|o[’']clock|at\s+night|in\s+the\s+\w+|\d{{1,2}}(?:[.:]\d\d)?\s*[ap]\.\s?m\.))*"
    rf"\s*(?:\.\s*[—–-]+|[—–]+|-{{2,}}|\.?$|:)", re.I)
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3, "century": 4}


def date_head(text: str) -> bool:
    """Return True when a head line is a date line: a date alone ("January 3", "3 May 1862"), or
    with a place or an hour after it ("June 3. Camp.")."""
    t = text.strip()
    m = leading_date(t) or FULL_DATE_RE.match(t)
    if not m:
        return False
    rest = t[m.end():].strip(" .,;:—–-")
    return len(rest.split()) <= 4 and not re.search(r"\b(?:is|was|were|are|had|has)\b", rest)


def _bare_year(text: str) -> int | None:
    """Return the year of a heading line that is a year and nothing else ("1712", "1712."), or None."""
    m = re.fullmatch(r"(?:anno\s+|a\.\s*d\.\s*)?(1[0-9]\d\d|20\d\d)\.?", text.strip(), re.I)
    return int(m.group(1)) if m else None


#: a date line that is a day of the month alone: "3rd (Saturday).", "5th.", "the twenty-third.", "Tuesday, the 3rd.—"
_DAY_LEAD = (r"^(?:(?:[A-Z][a-z]+day|" + CHURCH_WEEKDAY + r"),?\s+)?(?:[Tt]he\s+)?(?P<day>\d{1,2}(?:st|nd|rd|th|d)|"
             + ORD_DAY + r")")
_DAY_ALONE_RE = re.compile(_DAY_LEAD + r"(?:,?\s*\(?[A-Z][a-z]+day\)?)?\.?\s*[—–-]*$")
_DAY_LEAD_RE = re.compile(_DAY_LEAD)


#: a month and day with a stop before the year ("Oct. 20. 1763.")
_DAY_STOP_YEAR_RE = re.compile(rf"(?P<md>\b(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\s+\d{{1,2}}"
                               r"(?:st|nd|rd|th|d)?)\.\s+(?P<y>1\d{3})\b", re.I)


def _roman_month_date(roman: tuple[int, int, int, str], offset: int, years: YearContext | None) -> Date | None:
    """Return the date of a day-first date with its month in roman figures ("3.x.18"), its century, when the
    year has two figures, the one that puts it nearest the year the context gives (None without one)."""
    from ..extract.dates import parse_date
    day, month, year, printed = roman
    how = None
    if year < 100:
        found = years.year_for(offset, month) if years is not None else None
        if found is None:
            return None
        year = min((c + year for c in (1700, 1800, 1900, 2000)), key=lambda y: abs(y - found[0]))
        how = f"century from context ({found[1]})"
    date = parse_date(f"{day} {calendar.month_name[month]} {year}")
    if date is None:
        return None
    if how is None:
        return replace(date, text=printed, rule=f"{date.rule}; the month in roman figures")
    return replace(date, text=printed, rule=f"{date.rule}; the month in roman figures; {how}",
                   basis=DateBasis.YEAR_FROM_CONTEXT)


def parse_date_text(text: str, offset: int = 0, years: YearContext | None = None) -> Date | None:
    """Return the document date written in ``text`` (a date line), completing a missing year from context.

    A year taken from context says so in its rule ("...; year from context (year of the heading
    above)"): it is never shown as stated.
    """
    from ..extract.dates import parse_date
    text = latin_day_head(text) or text  # "Die Veneris, 6° Maii." is read as "Friday, 6 May"
    roman = roman_month_date(text)
    if roman is not None:
        return _roman_month_date(roman, offset, years)
    # "Oct. 20. 1763.": a stop after the day, where a comma is meant
    text = _DAY_STOP_YEAR_RE.sub(r"\g<md>, \g<y>", text)
    if re.search(r"[A-Z]{2}", text) and not re.search(r"[a-z]", text):
        # a head in small capitals, printed as capitals ("THURSDAY, 7TH MARCH, 1776.", "FRIDAY, 8TH."): the
        # date is read as it would be in lower case
        text = re.sub(r"\b([A-Z])([A-Z]+)\b", lambda m: m.group(1) + m.group(2).lower(),
                      re.sub(r"(?<=\d)(ST|ND|RD|TH|D)\b", lambda m: m.group(1).lower(), text))
    first = _YEAR_FIRST_RE.match(text.strip())
    if first:
        # "1857.—December 23.": the tagger reads a date's year after its month and day
        date = parse_date(f"{first.group('md')}, {first.group('y')}")
        if date is not None:
            return replace(date, text=first.group(0).strip(" .—–-"))
    date = parse_date(text)
    if date is not None:
        return date
    short = re.fullmatch(r"(1st|2n?d|3r?d|[4-7]th)\.?", text.strip())
    if years is not None and short and years.counts_weekdays(offset):
        # "7th" under "6th day": the diarist's weekday with its "day" left out
        return years.weekday_after(offset, weekday_of(f"{short.group(1)} day"), text)
    if years is not None and _DAY_ALONE_RE.match(text.strip()):
        return day_of_month(text.strip(), offset, years)  # "3rd (Saturday).", "5th."
    if years is not None and weekday_day(text):
        return weekday_and_day(text.strip(), offset, years)  # "Saturday 2", "Mon. 4"
    if years is not None and bare_day(text) is not None:
        # "14.", "[5.", "13 and 14.": a diary's date line giving the day as a number alone, or the days of an entry
        # written over several (the cascade took it for one)
        first, last = bare_day(text)
        return _day_in_context(text.strip(), first, years.month_for(offset, first, None), last)
    m = yearless(text)
    if m is None or years is None:
        return None
    month = month_of(m.group("m1") or m.group("m2"))
    day = day_value(m.group("d1") or m.group("d2"))
    digits = years.elided_for(offset + m.start())
    if digits is not None:
        full = parse_date(f"{calendar.month_name[month]} {day}, {digits}—")
        if full is None:
            return None
        return replace(full, text=m.group(0), rule=f"{full.rule}; year from context (the elided year of the entry "
                       "before)", anchor=f"{digits}—", basis=DateBasis.YEAR_FROM_CONTEXT)
    found = years.year_for(offset + m.start(), month, day if isinstance(day, int) else None)
    if found is None:
        return None
    year, how = found
    named = re.search(rf"\b({WD})\b", text, re.I)
    if named is not None and _days_in(year, month) >= day:
        # "Thursday Decr 31th" under the heading "1819": the weekday names the year, when the year of the
        # context gives that day another weekday and the year before or after gives it this one
        weekday = weekday_of(named.group(1))
        fits = [y for y in (year, year - 1, year + 1) if _days_in(y, month) >= day
                and dt.date(y, month, day).weekday() == weekday]
        if fits and fits[0] != year:
            year, how = fits[0], f"{how}, moved to the year its weekday names"
    full = parse_date(f"{calendar.month_name[month]} {day}, {year}")
    if full is None:
        return None
    return replace(full, text=m.group(0), rule=f"{full.rule}; year from context ({how})", anchor=str(year),
                   basis=DateBasis.YEAR_FROM_CONTEXT)


def day_of_month(text: str, offset: int, years: YearContext) -> Date | None:
    """Return the date of an entry head that gives only its day of the month ("2nd.", "8th
    (Sunday)."), its month and year taken from the heads above (:meth:`YearContext.month_for`), or
    None when they give none. The date says so: basis ``year_from_context``, never stated."""
    m = _DAY_LEAD_RE.match(text)
    if m is None:
        return None
    day = day_value(m.group("day"))
    named = re.search(r"\b(" + WD + "|" + CHURCH_WEEKDAY + r")\b", text)
    return _day_in_context(text, day, years.month_for(offset, day, weekday_of(named.group(1)) if named else None))


def counted_day_date(head: str, offset: int, text: str, years: YearContext) -> Date | None:
    """Return the date of an entry head that counts its day ("THIRTIETH DAY.—"), reckoned from the last entry
    before it that counted its day too and was dated ("Tuesday, 3rd May, 1803. FIRST DAY.—", then
    "SECOND DAY.—": the day after), or None when there is none. A journal of a voyage or a captivity counts
    its days and prints the date once; a reader counts on from it. The date says so: basis ``reckoned``."""
    count, day = counted_day(head), years.last_day(offset)
    if count is None or day is None:
        return None
    for line in reversed(text[:offset].splitlines()):
        lead = leading_date(line)
        before = counted_day(line) or (counted_day(line[lead.end():]) if lead else None)
        if before is None:
            continue
        if before >= count:
            return None
        when = day + dt.timedelta(days=count - before)
        date = Date(text=head.strip(" .:—–-"), edtf=when.isoformat(), earliest=when, latest=when, precision="day",
                    calendar="gregorian", as_written=when.isoformat(),
                    rule=f"day {count} counted from day {before}", anchor=day.isoformat(), basis=DateBasis.RECKONED)
        years.note(offset, date)
        return date
    return None


#: fixed days of the church year by name ("stephen" 26 December)
_SAINTS_DAYS = {w: tuple(int(x) for x in v.split("-")) for w, v in pairs("saints_days")}
#: the Sundays before Lent, counted back from Easter
_PRE_LENT = {"septuagesima": -63, "sexagesima": -56, "quinquagesima": -49}
_ORDINALS = {w: int(n) for w, n in pairs("ordinal_words") if n.isdigit()}
_CHURCH_SUNDAY_RE = re.compile(r"^(?:(?P<n>[a-z-]+)\s+)?sunday\s+(?P<rel>in|after)\s+(?:the\s+)?(?P<feast>[a-z]+)")


def church_year_day(name: str, year: int) -> dt.date | None:
    """Return the day of ``year`` a day of the church year falls on ("Advent Sunday", "Second Sunday in Advent",
    "First Sunday after the Epiphany", "Septuagesima", "Third Sunday after Trinity", "St. Stephen's Day", "The
    Circumcision"), as the Prayer Book's calendar reckons it, or None when the name is none of them.

    >>> church_year_day("Second Sunday in Advent", 1851), church_year_day("Septuagesima", 1852)
    (datetime.date(1851, 12, 7), datetime.date(1852, 2, 8))
    """
    from dateutil.easter import easter
    low = re.sub(r"\s+", " ", name.lower().replace("’", "'")).strip(" .")
    low = re.sub(r"^the ", "", low)
    saint = re.sub(r"^st\.? |'s$|'s day$| day$", "", re.sub(r"'s day$", "", low))
    if saint in _SAINTS_DAYS:
        return dt.date(year, *_SAINTS_DAYS[saint])
    advent = dt.date(year, 11, 27) + dt.timedelta(days=(6 - dt.date(year, 11, 27).weekday()) % 7)
    if low in ("advent sunday", "first sunday in advent"):
        return advent
    if low in _PRE_LENT:
        return easter(year) + dt.timedelta(days=_PRE_LENT[low])
    m = _CHURCH_SUNDAY_RE.match(low)
    n = _ORDINALS.get(m.group("n") or "first") if m else None
    if m is None or n is None:
        return None
    feast, after = m.group("feast"), m.group("rel") == "after"
    if feast == "advent" and not after and n <= 4:
        return advent + dt.timedelta(weeks=n - 1)
    if feast == "epiphany" and after:
        first = dt.date(year, 1, 7) + dt.timedelta(days=(6 - dt.date(year, 1, 7).weekday()) % 7)
        return first + dt.timedelta(weeks=n - 1)
    if feast == "lent" and not after:
        return easter(year) + dt.timedelta(days=-42 + 7 * (n - 1))
    if feast in ("easter", "trinity") and after:
        return easter(year) + dt.timedelta(days=(56 if feast == "trinity" else 0) + 7 * n)
    return None


def _feast_date(feast: str, year: int) -> Date | None:
    """Return the date of a feast heading an entry ("Christmas Day", "ADVENT SUNDAY", "St. Stephen's Day, and ...")
    in ``year``: the church year's days (:func:`church_year_day`), else the date reader's feasts; None when neither
    knows it."""
    from ..extract.dates import parse_date
    first = re.split(r",?\s+and\s+", feast, maxsplit=1)[0]
    if not re.search(r"[a-z]", first):
        first = re.sub(r"\b([A-Z])([A-Z']+)\b", lambda m: m.group(1) + m.group(2).lower(), first)
    when = church_year_day(first, year)  # before the date reader, which reads "Epiphany" in "Sunday after the Epiphany"
    if when is None:
        entry = parse_date(f"{first}, {year}")
        return entry if entry is not None and entry.precision == "day" else None
    return Date(text=first, edtf=when.isoformat(), earliest=when, latest=when, precision="day", calendar="gregorian",
                as_written=when.isoformat(), rule="a day of the church year", anchor=str(year),
                basis=DateBasis.RECKONED)


#: an entry head of a bare day of the month and its weekday: "2. Wed.", "14 Sat."
_DAY_WEEKDAY_RE = re.compile(r"^(?P<day>\d{1,2})\.?,?\s+(?P<weekday>[A-Z][a-z]+)\.?")


def day_and_weekday(head: str, offset: int, years: YearContext) -> Date | None:
    """Return the date of an entry head that gives a bare day of the month and its weekday ("2. Wed.", as an
    almanac diary heads its lines), its month and year taken from the heads above and the weekday
    (:meth:`YearContext.month_for`), or None when the head is of another form or the context gives none."""
    m = _DAY_WEEKDAY_RE.match(head)
    weekday = weekday_of(m.group("weekday")) if m else None
    if weekday is None or not 1 <= int(m.group("day")) <= 31:
        return None
    day = int(m.group("day"))
    return _day_in_context(head, day, years.month_for(offset, day, weekday))


#: a letter's superscription, its address on the outside ending in "these" (these presents, this letter): "For Sir A at
#: B. These.", "To my loving brother A, at B, these be delivered."
_SUPERSCRIPTION_RE = re.compile(r"^(?:For|To)\s+\S.{2,200}?[.,;:]?\s+(?i:these)(?:\s+(?:with\s+speed|be\s+d[ae]liv"
                                r"[ei]r(?:ed|d)|(?:in\s+)?haste|present))?[.!]?$")
#: an entry head of the weekday and the day, its abbreviation with or without a stop: "Tues 9th", "Sat. 1st"
_WEEKDAY_FIRST_RE = re.compile(r"^(?P<weekday>[A-Z][a-z]+)\.?,?\s+(?P<day>\d{1,2})(?:st|nd|rd|th|d)?\.?$")


def _weekday_first(head: str, offset: int, years: YearContext) -> Date | None:
    """Return the date of a source's entry head that gives its weekday and the day of the month and no month
    ("Tues 9th"), the month and year from the heads above and the weekday, or None."""
    m = _WEEKDAY_FIRST_RE.match(head.strip())
    weekday = weekday_of(m.group("weekday")) if m else None
    if weekday is None or not 1 <= int(m.group("day")) <= 31:
        return None
    return _day_in_context(head, int(m.group("day")), years.month_for_weekday(offset, int(m.group("day")), weekday))


def weekday_and_day(text: str, offset: int, years: YearContext) -> Date | None:
    """Return the date of an entry head that gives its weekday and day of the month alone ("Saturday 2"), its
    month and year taken from the heads above and the weekday (:meth:`YearContext.month_for_weekday`), or
    None when they give none. The date says so: basis ``year_from_context``, never stated."""
    weekday, day = weekday_day(text)
    return _day_in_context(text, day, years.month_for_weekday(offset, day, weekday))


def _day_in_context(text: str, day: int, found: tuple[int, int, str] | None, last: int | None = None) -> Date | None:
    """Return the date of a head giving only ``day`` (or the days ``day`` to ``last`` of one entry), in the (year,
    month, how) ``found`` from context, or None."""
    from ..extract.dates import parse_date
    if found is None:
        return None
    year, month, how = found
    span = f"{day} to {last}" if last is not None and day < last <= _days_in(year, month) else str(day)
    full = parse_date(f"{calendar.month_name[month]} {span}, {year}")
    if full is None:
        return None
    return replace(full, text=text.rstrip(" ."), rule=f"{full.rule}; month and year from context ({how})",
                   anchor=f"{year:04d}-{month:02d}", basis=DateBasis.YEAR_FROM_CONTEXT)


#: a section heading that names one document: "The Statement of A", "(In a Letter to B)", "Report by C"
_HEADING_DOCUMENT_RE = re.compile(
    r"^\(?(?:the\s+|in\s+an?\s+)?(?P<noun>statement|letter|report|memorandum|deposition|testimony|declaration|"
    r"affidavit|dispatch|despatch|petition)\s+(?:of|from|by|to)\s+\S", re.I)
_BRACKET_YEAR_RE = re.compile(r"\((1[0-9]\d\d|20\d\d)\)")


def heading_document(lines) -> tuple[str, str] | None:
    """Return (kind, line) for the first section heading line that names one document ("The Report of
    A (1791)": report), or None."""
    for line in lines:
        m = _HEADING_DOCUMENT_RE.match(line.strip())
        if m:
            kind = kind_from_words(m.group("noun"))
            if kind:
                return kind, line
    return None


#: a name and a year alone on a line ("Thomas Alder, 1910.", "T. Alder, 1910")
_NAME_YEAR_RE = re.compile(rf"^(?P<name>{PERSON}),?\s+(?P<year>1[0-9]{{3}}|20[0-9]{{2}})\.?$")
#: words that make a capitalized run a place's name, not a person's ("New York", "Mount Tabor", "Mill Lane")
_PLACE_NAME_WORDS = frozenset(w.lower().rstrip(".") for w in (
    *words("place_prefixes"), *words("place_name_openers"), *words("place_type_heads"), *words("urban_heads"),
    *words("landform_heads"), *words("street_words"), *words("facility_heads")))


def _signed_with_year(line: str) -> tuple[str | None, int | None]:
    """Return (name, year) when ``line`` is a person's name and a year alone ("Thomas Alder, 1910."), else
    (None, None): a place and a year ("Harwick, 1910.", "New York, 1910.") name no signer.

    >>> _signed_with_year("Thomas Alder, 1910."), _signed_with_year("New York, 1910.")
    (('Thomas Alder', 1910), (None, None))
    """
    m = _NAME_YEAR_RE.match(line.strip())
    if m is None:
        return None, None
    name = m.group("name")
    parts = re.findall(r"[\w'’]+", name.lower())
    if len(parts) < 2 or not is_name(name) or NOT_A_SIGNER_RE.search(name) or calendar_words(name) or \
            names_no_one(name) or any(p in _PLACE_NAME_WORDS for p in parts):
        return None, None
    return name, int(m.group("year"))


def _year_date(year: int, text: str) -> Date:
    return Date(text=text, edtf=f"{year:04d}", earliest=dt.date(year, 1, 1), latest=dt.date(year, 12, 31),
                precision="year", as_written=f"{year:04d}", rule="publication year",
                basis=DateBasis.PUBLISHED)


def dominant_signer(groups: list[Group]) -> str | None:
    """Return the surname that signs at least two documents of the source, if one does.

    A compilation of one person's papers prints many of them unsigned; the
    signer the source shows most often is then the best guess for the others.
    """
    names = Counter()
    full: dict[str, str] = {}
    for group in groups:
        for unit in group.units:
            if unit.cue == "signature":
                sig = split_signature(unit.text)
                if sig and re.search(r"[a-z]", sig[2]):
                    surname = sig[2].split()[-1].strip(".")
                    names[surname] += 1
                    full.setdefault(surname, sig[2])
            elif unit.features.get("signed_run_in") and RUN_IN_SIGNED in group.evidence:
                # (a valediction and name run into a letter's last paragraph sign it as a signature line would)
                name = unit.features["signed_run_in"][1]
                names[name.split()[-1]] += 1
                full.setdefault(name.split()[-1], name)
    if not names:
        return None
    surname, count = names.most_common(1)[0]
    return full[surname] if count >= 2 else None


_DIARIST_RE = re.compile(rf"\b(?:diary|diaries|journal|journals|notebooks?|log)\s+(?:kept\s+)?(?:of|by)\s+"
                         rf"(?:the\s+late\s+|(?:mrs|mr|miss|dr|rev|sergeant|sgt|corporal|private|captain|capt|"
                         rf"colonel|col|lieutenant|lt|major|general|lady|lord|sir|brother|sister|father)\.?\s+)*"
                         rf"(?P<name>{PERSON})", re.I)


_SERIES_NOUNS = (r"journal|journals|diary|diaries|narrative|statement|memorandum|log|notebooks?|letters|story|"
                 r"account|memoirs?|recollections|papers|evidence|deposition|testimony")
_NAME_WORD = r"[A-Z][\w'’.-]*"
#: "Ann Pell's Journal", "Dr. Ord's Diary", "From Tamsin Quill's Journal"
_POSSESSIVE_SERIES_RE = re.compile(
    rf"^(?:(?:from|extracts?\s+from|continued\s+from)\s+)?(?:the\s+)?(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})"
    rf"[’']s\s+(?:{_SERIES_NOUNS})\b", re.I)
#: a name ending in s with the apostrophe alone ("From Hollis’ Diary"); not after "the", where it is
#: a plural ("The Brothers’ Diary")
_BARE_POSSESSIVE_SERIES_RE = re.compile(
    rf"^(?:(?:from|extracts?\s+from|continued\s+from)\s+)?(?!the\s)(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})"
    rf"(?<=s)[’']\s+(?:{_SERIES_NOUNS})\b", re.I)
#: "The Narrative of X", "Extracts from the Journal of X", "The Statement of X (1712)"
_OF_SERIES_RE = re.compile(
    rf"\b(?:{_SERIES_NOUNS})\s+(?:kept\s+)?(?:of|by)\s+(?:the\s+late\s+)?(?P<name>[A-Z][^,;:()\[\]—–]*)", re.I)
#: what letters or papers are about, after "of" where a writer's name would stand ("Letters of Advice", "Letters of
#: Introduction"): no writer (data/lexicon/series_subjects.txt)
_SERIES_SUBJECTS = frozenset(words("series_subjects"))
#: "Contributed by X", "The events related by X", "Told by X", "Resumed by X"
_BY_SERIES_RE = re.compile(
    rf"\b(?:{NARRATION_VERBS}|narrated|resumed|continued|recorded|kept)\s+by\s+"
    r"(?:the\s+late\s+)?(?P<name>[A-Z][^,;:()\[\]—–]*)", re.I)
#: the most words of a series heading's line ("First Narrative, contributed by Miss Pell; niece of the late Sir
#: John Ord"): a longer line is a sentence that mentions somebody's diary or account
SERIES_HEAD_MAX_WORDS = 16
#: "Pell, in Continuation": the same writer goes on, letters included
_CONTINUATION_RE = re.compile(r"^(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}),?\s+in\s+continuation\.?$", re.I)
#: a heading that opens a new part of a book: whatever series ran before it has ended
_PART_RE = re.compile(r"^(?:part|book|volume|period|prologue|epilogue|appendix|introduction|preface|foreword|"
                      r"afterword|postscript|editor'?s\s+note|(?:a\s+)?note\s+by\s+the\s+editor|notes\b|"
                      r"(?:first|second|third|fourth|"
                      r"fifth|sixth|seventh|eighth|ninth|tenth|last|final)\s+(?:part|book|period|volume|"
                      r"narrative|epoch))\b", re.I)
#: kinds a file's metadata author may sign where no series heading or signature does (and any
#: account or statement with an entry's date head: a dated entry of the file's one writer)
_META_KINDS = frozenset({"diary", "memoir"})
#: the evidence of a letter known by its address line ("To Atticus"): one its writer heads but does not sign
ADDRESSED_LETTER = "kind: addressed to someone and written to a 'you'"
_META_DATED_KINDS = SERIES_KINDS | {"letter"}
_NAME_PARTICLES = set(words("surname_particles")) | set(words("name_particles"))
#: a writer naming himself or herself: "my name is Ann", "I was christened Ann Pell" (the name case-sensitive)
_SELF_NAMING_RE = re.compile(r"(?i:\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in words("self_naming"))
                             + r"))\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\b")
#: a writer naming himself or herself in apposition to "I", as a diarist or a castaway does once, at the outset:
#: "I, Ann Pell, have been ...", "I, poor miserable Ann Pell, being ..." (a given name and a surname, with at most
#: three lower-case words of pity or pride before them, and the comma that closes the apposition)
_APPOSED_SELF_NAME_RE = re.compile(r"(?<![\w'’])I,\s+(?:[a-z]+\s+){0,3}(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}),"
                                   # (not a form copied out, "I, A. B., do swear ...", "..., being of sound mind")
                                   r"(?!\s+(?:do|doth|hereby|solemnly|being\s+of\s+sound)\b)")
#: capitalized words that are no name a writer goes by ("my name is Mud", "I am called Sir ...")
_NOT_SELF_NAMES = frozenset(w.lower() for w in (*words("non_names"), *words("titles"), *words("months"),
                                                  *words("weekdays"), *words("not_name_words")))


_DETERMINERS = ("the", "a", "an", "his", "her", "my", "our", "their", "this", "that")
#: the small words of a title that a name never holds (its particles aside: "de", "of", "van")
_SMALL_NOT_IN_NAMES = frozenset(words("function_words")) - _NAME_PARTICLES


def _clean_name(raw: str) -> str | None:
    """Return a writer's name cut from a heading ("Miss Pell; the niece of ..." -> "Miss Pell"), or
    None when what is left is not a name (a description: "the Mate", "the Beadle’s Boy")."""
    name = re.split(r"\s*[,;:()\[\]]|\s+[—–-]\s*|[—–]", raw.strip(), maxsplit=1)[0]
    name = re.sub(r"\s+(?:in\s+continuation|continued)$", "", name.strip(), flags=re.I).strip(" .")
    name = re.sub(r"\s+\d{4}$", "", name)
    tokens = name.split()
    if not tokens or len(tokens) > 6 or re.search(r"[’']s\b", name):
        return None
    if tokens[0].lower() in _DETERMINERS:
        return None
    if any(t.lower() in _DETERMINERS or t.lower() in _SMALL_NOT_IN_NAMES for t in tokens[1:]):
        return None  # "PAGES FROM A GOVERNESS'S DIARY": the title's words before a description, no name
    if not all(t[:1].isupper() or t.lower() in _NAME_PARTICLES for t in tokens):
        return None
    if any(t.lower().strip(".") in ("chapter", "letter", "part", "book", "volume") for t in tokens):
        return None
    return name


def series_author(line: str) -> str | None:
    """Return the writer a series heading names ("Ann Pell's Journal.", "The Narrative of X",
    "Contributed by X"), or None.

    >>> series_author("Dr. Ord's Diary."), series_author("First Narrative, contributed by Miss Pell; his niece")
    ('Dr. Ord', 'Miss Pell')
    """
    line = line.strip()
    if len(line.split()) > SERIES_HEAD_MAX_WORDS:
        return None  # a sentence of the text ("I was sent to the school kept by Mrs. Hale, and ..."), no heading
    m = _CONTINUATION_RE.match(line)
    if m:
        return _clean_name(m.group("name"))
    for pattern in (_POSSESSIVE_SERIES_RE, _BARE_POSSESSIVE_SERIES_RE, _BY_SERIES_RE, _OF_SERIES_RE):
        m = pattern.search(line)
        if m:
            name = _clean_name(m.group("name"))
            if name and not (pattern is _OF_SERIES_RE and name.split()[0].lower() in _SERIES_SUBJECTS):
                return name
    return None


#: "Letter, X to Y.", "Letter from X to Y", "Telegram, May 4th. X, Ludlow, to Y", "X to Y"
_HEADER_RE = re.compile(
    r"^(?:(?P<noun>(?i:letter|telegram|note|memorandum|report|cable|postcard|message|dispatch|despatch))\b"
    r"(?:\s*\([^)]*\))?[^,]{0,40}?(?:,\s*|\s+(?i:from|by)\s+))?(?P<from>[A-Z].{1,120}?),?\s+to\s+"
    r"(?P<to>(?:the\s+)?[A-Z].{1,120}|(?:his|her|their)\s+[a-z].{1,120})$")
#: the label numbering a letter before its header on the same line: "LETTER IV. ", "Letter 12: "
_NUMBERED_LABEL_RE = re.compile(r"^(?i:letter|epistle)\s+(?:[IVXLCDM]+|[ivxlcdm]+|\d+)[.:]\s+(?=[A-Z])")
_HEADER_DATE_RE = re.compile(r"^(?:[A-Z][a-z]+\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?|" + ORD_DAY + r")|(?:\d{1,2}"
                             r"(?:st|nd|rd|th)?|" + ORD_DAY + r")\s+(?:of\s+)?[A-Z][a-z]+)\.\s+")


#: the small words of such a head, written in lower case when it is read as a header ("SIR JOHN ORD TO THE LORD")
_HEAD_SMALL = frozenset(("to", "and", *words("header_small_words"), *words("name_small_words"), *_DETERMINERS))


def edition_head(line: str) -> tuple[str, str | None] | None:
    """Return (the head in mixed case, the editor's bracketed date or None) of an edition's numbered head in capitals
    naming a letter's writer and addressee ("47. ANN PELL TO HER SISTER. [1602, March 4.]" -> ("Ann Pell to her
    sister", "1602, March 4.")), else None."""
    m = EDITION_HEAD_RE.match(line.strip())
    if not m or not re.search(r"[A-Z]{2}", m.group("head")) or \
            m.group("head").split()[0].lower() in _SMALL_NOT_IN_NAMES - {"the"}:
        return None  # "12. FROM LONDON TO PARIS.": a chapter's title, no writer
    out, possessed = [], False
    for word in m.group("head").split():
        low = word.lower()
        # (whom a possessive names is a description, "HIS FATHER": in lower case, as the header rule reads it)
        out.append(low if (low in _HEAD_SMALL and out) or possessed else word[:1] + word[1:].lower())
        possessed = low in ("his", "her", "their", "my", "our")
    return " ".join(out), m.group("date")


#: a date line naming a telegram's form before its date ("TELEGRAM. 19th May, 1911.", "Cable, 3 June 1919.")
_TELEGRAM_DATELINE_RE = re.compile(r"^(?:telegram|cablegram|cable|wire)\b[.,:]?\s", re.I)
#: the attestation under a sworn or notarial act ("Before me, A. Bell, Notary Public.", "Sworn before me, ..."):
#: of data/lexicon/attestation_openers.txt
_ATTESTATION_RE = re.compile(r"^(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+")
                                                for w in words("attestation_openers")) + r")\b", re.I)
#: a name signed over a public office alone on the act's last line ("A. Bell, Notary Public."): the officer's own act
_OFFICER_SIGNED_RE = re.compile(r"^(?P<name>[^,\n]{3,40}),\s+(?:" + "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in words("public_offices")) + r")\.?$", re.I)


def act_maker(body_texts: list[str]) -> tuple[str, str] | None:
    """Return (the maker of a sworn or notarial act, how the act says so) from its last paragraphs, or None: the
    first name signed over the officer's attestation ("A. Pell." / "B. Orme, his X mark." / "Before me, C. Lake,
    Notary Public."), or the officer who signs alone under the act's text ("C. Lake, Notary Public.")."""
    if len(body_texts) < 2:
        return None
    last = body_texts[-1].strip()
    if _ATTESTATION_RE.match(last):
        first = body_texts[-2].strip().split("\n")[0]
        name = re.sub(r",\s*(?:his|her)\s+\S+\s+mark\.?$", "", first).strip(" .")
        return (name, "the first name signed over the attestation") if signed_name(name) else None
    m = _OFFICER_SIGNED_RE.match(last)
    if m and is_name(m.group("name").strip()):
        return m.group("name").strip(), "the officer's name over his office, signing his own act"
    return None


#: the last sentence of a letter when it is the clause dating it ("Written at A the 3rd of May.", "Given at B this
#: xiij day of March.", "From C the 5th of May."): of data/lexicon/dating_clauses.txt, and "from"
_FOOT_CLAUSE_RE = re.compile(r"(?:^|(?<=[.!?]\s))(?i:" + "|".join(
    re.escape(w) for w in (*words("dating_clauses"), "from")) + r")\b[^.!?]{0,80}[.!?]?\s*$")


def _foot_day(clause: str, year_date: Date) -> Date | None:
    """Return the day a letter's foot clause names ("Written at A the iiij day of March.") in the year of
    ``year_date`` (the head's), its basis the year from context; None when the clause names no day of a month."""
    from ..extract.dates import parse_date, tag
    day = next((t for t in tag(clause) if t.type == "DATE" and re.fullmatch(r"XXXX-\d\d-\d\d", t.value or "")), None)
    year = year_date.as_written[:4] if year_date.as_written else None
    if day is None or not year or not year.isdigit():
        return None
    month, d = int(day.value[5:7]), int(day.value[8:10])
    found = parse_date(f"{calendar.month_name[month]} {d}, {year}")
    if found is None:
        return None
    return replace(found, text=day.text, rule=f"{found.rule}; the foot's dating clause, the year from the head",
                   anchor=year, basis=DateBasis.YEAR_FROM_CONTEXT)


#: the opening words of an act that dates itself ("On this ninth day of", "This twelfth day of", "Be it known that on
#: the third day of"): what follows is its date
_ACT_DATE_RE = re.compile(r"^(?:Be\s+it\s+(?:known|remembered)(?:\s+that)?,?\s+)?(?:[Oo]n\s+)?(?:[Tt]his|the)\s+"
                          r"(?=\S+(?:[\s-]\S+)?\s+day\s+of\s)")


def _bracketed_date(written: str, offset: int, years: "YearContext") -> Date | None:
    """Return the date an editor's bracketed date says, the year first or last ("1602, March 4." -> 4 March 1602,
    "March 4, 1602"), else None."""
    m = re.match(r"^\s*(?P<y>1\d{3}|20\d\d)\s*[,.]?\s+(?P<rest>\S.*?)[\s.]*$", written)
    said = f"{m.group('rest')}, {m.group('y')}" if m else written.strip(" .")
    return parse_date_text(said, offset, years) or parse_date_text(written.strip(" ."), offset, years)


def header_author(line: str, kind: str | None) -> str | None:
    """Return the writer a letter's own header names ("Letter, Ann Pell to Tamsin Quill.",
    "Lady Ord to the Rev. Mr. Quill", "The Countess de Orme, to Lady Ord", "Ann in Continuation",
    "Memorandum left by X"), or None.

    A header without a document noun counts only above a letter or telegram.
    """
    line = line.strip().rstrip(".")
    if len(line) > 200:
        return None
    # "LETTER IV. Dr. Hale to his son.": the number's label stands for the document noun
    label = _NUMBERED_LABEL_RE.match(line)
    if label:
        line = line[label.end():]
    edition = edition_head(line) if not label else None
    if edition:
        line, label = edition[0], True
    m = _HEADER_RE.match(line)
    if m and (m.group("noun") or label or kind in ("letter", "telegram")):
        to = re.sub(r"^(?:the|Messrs\.?)\s+", "", m.group("to"))
        if _clean_name(to) is None and not (m.group("noun") or label):
            return None  # "Went to Ludlow to see ...": a sentence, not a header
        sender = _HEADER_DATE_RE.sub("", m.group("from"))
        # "The Marchioness de Orme to ...": a title with a name after the article; "The Mate to ..."
        # (one word after it) stays a description
        titled = re.match(r"^the\s+(?P<rest>\S+\s+\S.*)$", sender, re.I)
        found = _clean_name(sender) or (_clean_name(titled.group("rest")) if titled else None)
        if found is None and edition and titled and len(titled.group("rest").split()) <= 8:
            # "89. THE WARDENS OF THE FULLERS TO ...": an edition's head names the writing body as it signed
            return titled.group("rest").strip(" ,")
        return found
    m = re.match(r"^(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+in\s+continuation$", line, re.I)
    if m and kind in ("letter", "telegram"):
        return _clean_name(m.group("name"))
    m = re.match(rf"^(?:{_SERIES_NOUNS}|note|report|telegram|letter)\b[^.]{{0,40}}?\b(?:left|written|sent|"
                 r"signed|made)\s+by\s+(?P<name>[A-Z].+)$", line, re.I)
    if m:
        return _clean_name(m.group("name"))
    return None


def _head_lines(text: str, document) -> list[str]:
    """Return the short lines at the head of a document (its title, series heading, header)."""
    out = []
    for line in text[document.char_start:min(document.char_end, document.char_start + 600)].split("\n"):
        line = line.strip()
        if not line:
            continue
        if len(line) > 160:
            break
        out.append(line)
    return out


def self_named_writer(documents, text: str) -> tuple[str, str] | None:
    """Return (name, the words that give it) when the writer of a source's diary entries names himself or
    herself in them ("... but my name is Ann", "I, Ann Pell, have ..."), outside quotation marks and by one
    name only; else None.

    Such a name is the text's own word for its writer: it beats the file's metadata, which names the
    book's author (for a diary novel not the diarist). Two different names, or one only inside a quotation
    (somebody else speaking), give nothing.
    """
    found: dict[str, str] = {}
    for d in documents:
        if d.kind not in _META_KINDS:
            continue
        for para in re.split(r"\n\s*\n", text[d.char_start:d.char_end]):
            for m in (*_SELF_NAMING_RE.finditer(para), *_APPOSED_SELF_NAME_RE.finditer(para)):
                before = para[:m.start()]
                if before.count("“") > before.count("”") or before.count('"') % 2:
                    continue
                name = m.group("name")
                if not any(t.lower() in _NOT_SELF_NAMES for t in name.split()):
                    found.setdefault(name, " ".join(m.group(0).split()))
    return next(iter(found.items())) if len(found) == 1 else None


#: what a writer calls the diary he or she keeps ("my diary", "my journal")
_OWN_DIARY_RE = re.compile(r"(?i:\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+")
                                                     for p in words("own_diary_words")) + r")\b)")


def preface_diarist(documents, text: str) -> tuple[str, str] | None:
    """Return (name, the words that give it) when the book's front matter, before its first diary entry, holds a
    text signed at its foot by one name whose writer speaks of "my diary" ("I have kept my diary these ten years …"
    / "A. Bell."); else None.

    The diarist's own preface names the writer of the entries the book prints: like a name the diarist gives
    himself or herself in them, it beats the file's metadata, which names the book's author.
    """
    for d in documents:
        if d.kind in _META_KINDS:
            return None
        if FRONT_SIGNED not in d.evidence or d.author is None or re.search(r",|\band\b|&", d.author.name):
            continue
        m = _OWN_DIARY_RE.search(text, d.char_start, d.char_end)
        if m:
            return d.author.name, m.group(0)
    return None


def signs_with_given_name(signed: str, writer: str) -> bool:
    """Return True when a letter signed with a given name alone ("Hal", "Harold") may be signed by ``writer``
    ("Harold Pym"): the writer's given name, or its pet form (:func:`~quellen.extract.resolve.short_form_of`).

    >>> signs_with_given_name("Hal.", "Harold Pym"), signs_with_given_name("Ned", "Harold Pym")
    (True, False)
    """
    from ..extract.resolve import short_form_of
    signed, names = signed.strip(" .,"), writer.split()
    if len(signed.split()) != 1 or len(names) < 2 or not signed[:1].isupper():
        return False
    given = names[0]
    return signed.lower() == given.lower() or short_form_of(signed, given)


#: the person a calendar head names as the paper's ("31. Information of Ann Pell, of B, widow", "35. Letter from
#: the Rev. John Pell, vicar of B"): the one whose words it records
#: (an extract or a copy of the paper, "12. Extract of a Letter from A", names A as well)
_CALENDAR_PERSON_RE = re.compile(rf"^\d{{1,4}}\.\s+(?:[A-Za-z]+\s+of\s+(?=(?:the|an?)\s))?(?:(?:the|an?)\s+)?"
                                 rf"[A-Za-z]+\s+(?:of|from|by)\s+(?:the\s+)?"
                                 rf"(?P<name>{PERSON})(?=[,.]|\s+(?:to|of|for|against)\b)")


#: the titles a lot head may give before the writer's given name ("PELL (Sir John, Admiral)")
_LOT_TITLES = frozenset(words("titles"))


def calendar_papers(documents, text: str):
    """Return ``documents`` with each paper a record society's calendar head opened ("12. Information of A, of B,
    carrier, ... 2 October, 1771.") given the person and the date its head names, where the paper gives none (the
    calendar's date stands for the paper's; a court's order names no person)."""
    out = []
    for d in documents:
        if "calendar head" not in d.evidence[:1]:
            out.append(d)
            continue
        head = text[d.char_start:d.char_end].split("\n", 1)[0]
        m = _CALENDAR_PERSON_RE.match(head)
        lot = LOT_HEAD_RE.match(head)
        if d.author is None and lot:
            # "112. PELL (Sir John, Admiral)": the writer named surname first, in capitals, his given name in brackets
            given = lot.group("given").split()
            given = given[1:] if len(given) > 1 and given[0] in _LOT_TITLES else given  # "Sir John": the man is John
            name = f"{' '.join(given)} {lot.group('surname').title()}"
            d = replace(d, author=Ref(name, basis=RefBasis.HEADED),
                        evidence=d.evidence + ("author: named in the lot's head",))
        if d.author is None and m and is_name(m.group("name")):
            d = replace(d, author=Ref(m.group("name"), basis=RefBasis.HEADED),
                        evidence=d.evidence + ("author: named in the calendar head",))
        dated = list(FULL_DATE_RE.finditer(head))
        if dated and (d.date is None or d.date.basis is DateBasis.INFERRED):
            found = parse_date_text(dated[-1].group(0))
            if found is not None:
                d = replace(d, date=found, evidence=d.evidence + ("date: the calendar head",))
        out.append(d)
    return out


def prefaces(documents, text: str):
    """Return ``documents`` with the text right under an editor's section title ("PREFACE", "INTRODUCTORY.",
    :data:`~quellen.segment.lines.FRONT_MATTER_RE`) that was read as a letter or a diary entry (signed with the
    editor's initials, "M. A.", or told in the first person) made commentary: the editor's, not the papers'."""
    out = list(documents)
    for i in range(1, len(out)):
        before, d = out[i - 1], out[i]
        last = text[before.char_start:before.char_end].strip().rsplit("\n", 1)[-1].strip()
        if before.kind == "heading" and d.kind in ("letter", "diary") and FRONT_MATTER_RE.match(last):
            out[i] = replace(d, kind="commentary", evidence=d.evidence + (f"kind: the text under {last!r}",))
    return out


def diarists(documents, text: str, context=None):
    """Return ``documents`` with each unsigned entry or narrative given the writer its series names.

    The series heading ("The Diary of Ann Pell", "Dr. Ord's Journal", "Contributed
    by X", "The Narrative of X") names the writer of the entries and narrative under it; it holds
    until another series heading, or a heading that opens a new part of the book ("Part II",
    "Second Period", "Epilogue"). Where no series is in force, a diary entry or memoir that names
    no writer takes the name its writer gives himself or herself in the entries (:func:`self_named_writer`),
    else the author of the file's metadata or sidecar (``context``, a
    :class:`~quellen.segment.context.SourceContext`). A file that is one unsigned text of any kind (an
    article, a notice) takes its metadata's author too. All are marked in the evidence as inferred:
    the text does not sign them.
    """
    meta_author = context.author if context is not None else None
    self_named = self_named_writer(documents, text)
    prefaced = preface_diarist(documents, text)
    sole = sum(d.kind not in FURNITURE_KINDS for d in documents) == 1
    out, series, origin, pending = [], None, "", None
    letters = [False]  # the series heading says its writer goes on in letters ("X, in Continuation")
    # the series heading calls the book letters ("The Letters of X"): its dated entries are letters to someone
    in_letters = [False]
    fresh = fresh_next = False  # the document before was the heading that named the series

    def read(line: str) -> None:
        nonlocal series, origin
        if _PART_RE.match(line):
            series = None
        m = _DIARIST_RE.search(line)
        name = m.group("name") if m and is_name(m.group("name")) else series_author(line)
        if name:
            series, origin = name, line[:80]
            letters[0] = bool(_CONTINUATION_RE.match(line))
            in_letters[0] = bool(_LETTERS_SERIES_RE.search(line)) and not re.search(
                r"\b(?:diary|diaries|journals?|notebooks?)\b", line, re.I)

    for i, d in enumerate(documents):
        heads = _head_lines(text, d)
        if d.kind != "heading":
            # above the entry's date line only: a line under it is the entry's topic
            # ("May 3 / Mrs. Delany's Letters"), not its series
            heads = heads[:3]
            dated = next((k for k, line in enumerate(heads) if date_head(line) or leading_date(line)
                          or run_in_head(line) or _prose_line(line) and not series_author(line)), None)
            series_heads = heads[:dated] if dated is not None else heads
        else:
            series_heads = heads
        before = series
        for line in series_heads:
            read(line)
        fresh = fresh_next
        fresh_next = d.kind == "heading" and series is not None and (series != before or any(
            series_author(line) for line in series_heads))
        if series and in_letters[0] and d.kind == "diary" and "kind: dated entry" in d.evidence:
            # an unsigned text under a date line alone ("April 3.") is an entry of "The Letters of X": a letter
            d = replace(d, kind="letter", evidence=d.evidence + (f"kind: a dated entry of {origin!r}",))
        own = next((a for a in (header_author(line, d.kind) for line in series_heads[:2]) if a), pending) \
            if d.author is None and d.kind not in FURNITURE_KINDS else None
        pending = None
        if own:
            d = replace(d, author=Ref(own, basis=RefBasis.HEADED),
                        evidence=d.evidence + ("author: the document's own header",))
        elif series and d.author is None and (d.kind in SERIES_KINDS or d.kind == "letter" and (
                letters[0] or in_letters[0] or fresh)):
            # a letter right under the heading that names its contributor ("Contributed by A" / a
            # date line and the letter) is A's contribution
            d = replace(d, author=Ref(series, basis=RefBasis.SERIES), evidence=d.evidence + (
                f"author: inferred from the series heading {origin!r}",))
        elif series is None and self_named and d.author is None and d.kind in _META_KINDS:
            d = replace(d, author=Ref(self_named[0], basis=RefBasis.INFERRED), evidence=d.evidence + (
                f"author: the diarist's own name in the entries ({self_named[1]!r})",))
        elif series is None and prefaced and d.author is None and d.kind in _META_KINDS:
            d = replace(d, author=Ref(prefaced[0], basis=RefBasis.INFERRED), evidence=d.evidence + (
                f"author: the diarist who signs the book's preface ({prefaced[1]!r})",))
        elif series is None and meta_author and d.author is None and (d.kind in _META_KINDS or (
                d.kind in _META_DATED_KINDS and any(e in d.evidence for e in ("date: date line", "date: entry head")))
                or d.kind == "letter" and ADDRESSED_LETTER in d.evidence):
            # (a letter headed with whom it is to and signed by nobody is the file's one writer's, as in an
            # edition of one person's letters: "To Atticus (at Athens)")
            basis = RefBasis.SETTING if meta_author[1].startswith("setting") else RefBasis.METADATA
            d = replace(d, author=Ref(meta_author[0], basis=basis), evidence=d.evidence + (
                f"author: inferred from the file's metadata ({meta_author[1]})",))
        if d.author is None and d.kind in ("letter", "statement") and i + 1 < len(documents):
            signer = _signer_after_closing(text, d, documents[i + 1])
            if signer:
                d = replace(d, author=Ref(signer, basis=RefBasis.SIGNED),
                            evidence=d.evidence + ("author: the name under its closing",))
        if d.author is None and sole and meta_author and d.kind not in FURNITURE_KINDS:
            # a file that is one text: what its metadata says of the file it says of that text
            basis = RefBasis.SETTING if meta_author[1].startswith("setting") else RefBasis.METADATA
            d = replace(d, author=Ref(meta_author[0], basis=basis), evidence=d.evidence + (
                f"author: the file's metadata, the file being this one text ({meta_author[1]})",))
        if meta_author and d.author is not None and d.kind == "letter" and \
                signs_with_given_name(d.author.name, meta_author[0]):
            # "Walt." under a letter of a book of Walter Ashe's letters (its metadata's writer): he signs it
            d = replace(d, author=replace(d.author, name=meta_author[0]), evidence=d.evidence + (
                f"author: signed with the given name of the file's writer ({meta_author[1]})",))
        out.append(d)
        if d.kind != "heading":
            # a series heading the segmenter left at the foot of the document before it still
            # opens the series of the documents after it
            lines = _foot_lines(text, d, skip=max(1, len(series_heads)))
            nxt = documents[i + 1] if i + 1 < len(documents) else None
            opening = text[nxt.char_start:nxt.char_end].lstrip().split("\n", 1)[0] if nxt else ""
            if len(opening) > 100 and not _opens_with_date(opening):
                lines = []  # what follows is running text: the short lines were the text's own (a list)
            for line in _inner_series_lines(text, d, skip=len(series_heads)) + lines:
                read(line)
            # "Memorandum left by X." at the very foot: the header of the next document
            if lines:
                pending = header_author(lines[-1], None)
    return out


#: a series heading that calls the book a writer's letters: "The Letters of X", "X's Letters"
_LETTERS_SERIES_RE = re.compile(r"^(?:the\s+)?(?:familiar\s+|private\s+)?letters\s+of\b|['’]s\s+letters\b", re.I)




def _verse(text: str, line_max_chars: int) -> bool:
    """Return True when a paragraph is set as verse: two lines or more, none longer than ``line_max_chars``."""
    rows = [r.strip() for r in text.strip().split("\n") if r.strip()]
    return len(rows) >= 2 and max(len(r) for r in rows) <= line_max_chars


_INITIALS_ONLY_RE = re.compile(r"^(?:[A-Z]\.\s*){2,3}$")


def expand_initials(documents, title: str = ""):
    """Return ``documents`` with an author signed in initials only ("A. P.") given the full name that
    the same source's other documents are signed with, when exactly one such name has those initials
    ("Ann Pell"): a writer who signs one letter in full and the next in initials is one
    writer, and initials alone name nobody a reader can find. The names in the source's ``title`` count
    as signed ("The Letters of Ann Pell and Amos Webb"): a collection is named after its correspondents."""
    full: dict[str, set[str]] = {}
    titled: dict[str, set[str]] = {}
    for m in re.finditer(r"[A-Z][a-z'’]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z'’]+", title):
        if is_name(m.group(0)):
            titled.setdefault("".join(w[0] for w in m.group(0).replace(".", " ").split()), set()).add(m.group(0))
    for d in documents:
        name = d.author.name if d.author is not None else ""
        parts = [w for w in name.replace(".", " ").split() if w.lower() not in _NAME_PARTICLES]
        if len(parts) >= 2 and all(len(w) > 1 and w[:1].isupper() for w in parts):
            full.setdefault("".join(w[0] for w in parts), set()).add(name)
    out = []
    for d in documents:
        name = d.author.name if d.author is not None else ""
        # (the last initial's stop may have gone with the signature's: "A. W")
        if _INITIALS_ONLY_RE.match(name + " ") or re.fullmatch(r"[A-Z]\.", name) or \
                re.fullmatch(r"(?:[A-Z]\.\s*){1,2}[A-Z]", name):
            names = full.get(re.sub(r"[^A-Z]", "", name), set()) or titled.get(re.sub(r"[^A-Z]", "", name), set())
            if not names and len(name) == 2:
                # one initial ("H.", under a letter home copied into a journal): the given name of the one
                # writer the source's other documents name whose name begins so
                names = {n for key, ns in full.items() if key[0] == name[0] for n in ns}
            if len(names) == 1:
                (whole,) = names
                d = replace(d, author=replace(d.author, name=whole), evidence=d.evidence + (
                    f"author: the initials {name!r} of the full name signed elsewhere in the source",))
        elif re.fullmatch(r"[^\W\d_]{3,}", name):
            # a given name alone, or its short form ("JO" under a letter, "Josephine Hale" named in the same
            # source): the one full name it begins
            names = {n for ns in full.values() for n in ns if n.split()[0].lower().startswith(name.lower())}
            if len(names) == 1:
                (whole,) = names
                d = replace(d, author=replace(d.author, name=whole), evidence=d.evidence + (
                    f"author: the given name {name!r} of the full name named elsewhere in the source",))
        out.append(d)
    return out


def _signer_after_closing(text: str, document, nxt) -> str | None:
    """Return the name standing alone right after a document that ends with its closing ("Your
    affectionate brother,"), when the segmenter put that signature into the next document."""
    last = text[document.char_start:document.char_end].rstrip().rsplit("\n", 1)[-1].strip()
    if not last.endswith(",") or len(last.split()) > 12:
        return None
    first = text[nxt.char_start:nxt.char_end].lstrip().split("\n", 1)[0].strip()
    name = first.rstrip(".")
    return name if is_name(name) or is_name(first) else None


def _inner_series_lines(text: str, document, skip: int = 0) -> list[str]:
    """Return the series headings standing inside a document, each a paragraph of one short line
    right above a dated entry ("Ann Pell's Journal." over "15 October, Ludlow.--..."): where
    the segmenter did not cut, the series still changes there."""
    part = text[document.char_start:document.char_end]
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", part) if p.strip()][skip:]
    return [p for p, nxt in zip(paragraphs, paragraphs[1:])
            if "\n" not in p and len(p) <= 100 and _opens_with_date(nxt) and series_author(p)]


def _prose_line(line: str) -> bool:
    """Return True for a line of running text (a sentence of some length), which no heading follows."""
    return len(line.split()) > 8 and bool(re.search(r"[a-z][.!?;:,]?[”’\"']?$", line))


def _opens_with_date(text: str) -> bool:
    """Return True when a paragraph opens with a date ("15 October, Ludlow.--", "May 3.")."""
    head = text[:40]
    m = yearless(head)
    return bool(leading_date(text) or FULL_DATE_RE.match(head) or (m and m.start() == 0))


def _foot_lines(text: str, document, skip: int = 0, most: int = 3) -> list[str]:
    """Return the run of short one-line paragraphs that ends a document (at most ``most``, none of its
    first ``skip`` lines): headings of what follows that the segmenter left at the foot of the text
    before ("Chapter V / Dr. Ord's Diary.")."""
    part = text[document.char_start:document.char_end]
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", part) if p.strip()][skip:]
    run: list[str] = []
    for p in reversed(paragraphs):
        if "\n" in p or len(p) > 100 or len(run) == most or re.search(r"[a-z][.!?]$", p) and len(p) > 60:
            break
        run.append(p)
    return run[::-1]


def _subject(sentence: str) -> str | None:
    """Return the grammatical subject of a framing sentence when it is a name ("Purvis handed him ...")."""
    m = re.search(rf"\b(?:following|this|the)\s+[\w\s]{{0,30}}?\b(?:by|from)\s+(?P<name>{PERSON}|[A-Z][\w'’-]+)",
                  sentence)
    if m:
        return m.group("name")
    clauses = [c.strip() for c in re.split(r"[,;]\s*", sentence)]
    # the clause holding "following" first, then the ones before it, nearest first
    idx = next((i for i, c in enumerate(clauses) if "following" in c), len(clauses) - 1)
    for clause in [clauses[idx]] + clauses[:idx][::-1]:
        tokens = clause.split()
        while tokens and tokens[0] in _SUBJECT_SKIP:
            tokens = tokens[1:]
        if not tokens:
            continue
        name = []
        for tok in tokens:
            if re.match(r"^[A-Z][\w'’.-]*$", tok) and tok not in _SUBJECT_SKIP:
                name.append(tok.rstrip("'’s") if tok.endswith(("'s", "’s")) else tok)
            else:
                break
        if name and len(tokens) > len(name) and re.match(r"^[a-z]", tokens[len(name)]):
            if ORG_WORDS.fullmatch(tokens[len(name)]):
                return " ".join(name + [tokens[len(name)]])  # "The Lisbon office replied ..."
            return " ".join(name)
    return None


def _telegram(units, body, head_text: str) -> bool:
    """Return True when a document reads as a telegram: its message in capitals with STOP for the full
    stop, or the telegraph office's form lines ("Handed in at ...") or a telegraph title above a message
    in capitals."""
    message = " ".join(u.text for u in body)
    capitals = is_allcaps(message)
    if capitals and TELEGRAPHIC_RE.search(message):
        return True
    form = any(u.cue in ("dateline", "mark") and TELEGRAPH_FORM_RE.match(u.text) for u in units)
    wired = re.search(r"\b(?:telegra(?:m|ph)|cable(?:gram)?|wireless)\b", head_text, re.I)
    return bool(form and (capitals or wired)) or bool(wired and capitals)


_CUTTING_RE = re.compile(r"\b(?:cutting|clipping|gazette|times|herald|chronicle|news|advertiser|courier|"
                         r"mercury|observer|newspaper|paper)\b", re.I)


_CREDITS = dict(pairs("news_credits"))
_CREDIT_RE = re.compile(rf"^(?P<role>(?i:{'|'.join(sorted(map(re.escape, _CREDITS), key=len, reverse=True))}))"
                        rf"\s+(?i:by)\s+(?P<name>{PERSON})(?:\s*(?:,|and|&)\s*{PERSON})*\.?$")


def news_credits(text: str) -> tuple[str | None] | None:
    """Return (the first writer named or None,) when ``text`` is a story's credit line, else None.

    A news agency or a paper credits its story at its foot: "(Reporting by Ann Pell; editing by Tom Hale)",
    "Additional reporting by Ann Pell". The reporter is its writer; an editor, a translator or a photographer
    credited there wrote none of it, so a line crediting only them signs nothing (None as its writer).

    >>> news_credits("(Reporting by Ann Pell; editing by T. Hale)"), news_credits("(Editing by T. Hale)")
    (('Ann Pell',), (None,))
    >>> news_credits("He was seen by Ann Pell.") is None
    True
    """
    parts = [p.strip() for p in text.strip().strip("()[]").strip().rstrip(".").split(";")]
    found = [_CREDIT_RE.match(p) for p in parts]
    if not parts or not all(found):
        return None
    writers = [m.group("name") for m in found if _CREDITS[m.group("role").lower()] == "writer"]
    return (writers[0] if writers else None,)


def _kind_in_class(cls: str, cues: list[str], head_text: str, own_text: str, first_rate: float) -> str:
    """Return the likeliest fine kind inside the coarse class the learned model chose.

    Used only when the rules' own kind lies in another class: the model saw the
    neighbourhood, the rules only the document.
    """
    if cls == "personal":
        return "diary"
    if cls == "furniture":
        return "heading"
    if cls == "account":
        return "narrative"
    if _CUTTING_RE.search(head_text):
        return "newspaper_article"
    if "salutation" in cues or "closing" in cues or re.search(r"\b(?:you|your)\b", own_text[:2000], re.I):
        return "letter"
    return "statement"


def _dated_under(units: list, head) -> bool:
    """Return True when the unit right under ``head`` (one of ``units``) is a date line with its year."""
    at = units.index(head)
    return at + 1 < len(units) and units[at + 1].cue == "dateline" and bool(FULL_DATE_RE.search(units[at + 1].text))


def _clean_addressee(text: str) -> str:
    text = re.sub(r"^(?:to\s+)", "", text.strip(), flags=re.I)
    return text.strip(" ,.;:!")


#: the most lines between a letter's valediction and the end of its text (the signature, a closing date)
VALEDICTION_FOOT_LINES = 3


def _closed_under_valediction(units, foot: int) -> bool:
    """Return True when the units, their foot (postscripts, address leaf: the last ``foot``) aside, end in a
    valediction standing after their body ("Ever yours" / "M.R.M."), not in quotation marks (an entry that
    ends by copying a letter, "“Your friend, / “Ann Pell.”", is not signed by its writer)."""
    own = units[:len(units) - foot] if foot else units
    first_body = next((k for k, u in enumerate(own) if u.cue == "prose"), None)
    return first_body is not None and any(
        u.cue == "closing" and u.text[:1] not in "“\"‘'" for u in own[max(first_body + 1,
                                                                         len(own) - VALEDICTION_FOOT_LINES):])


def describe(group: Group, source_id: str, text: str, years: YearContext, signer: str | None,
             prev_kind: str | None = None, settings: SegmentSettings | None = None):
    """Return the :class:`~quellen.model.Document` for one group of units; ``settings`` (None: the defaults) bound
    a short signed note (``note_max_*``)."""
    from ..model import Document
    seg_settings = settings or SegmentSettings()
    units = group.units
    start, end = units[0].start, units[-1].end
    evidence = list(group.evidence)
    first = units[0]
    body = [u for u in units if u.cue == "prose"]
    # the head: heading lines above the first paragraph (a heading at the foot is a signature)
    first_body = units.index(body[0]) if body else len(units)
    # (a marginal summary standing in the head is the edition's note on the first paragraph, no title)
    heads = [u for u in units[:first_body] if u.cue in ("heading", "byline") and u.start not in group.notes]
    cues = group.cues
    title = author = place = date = kind = None
    addressees: list[str] = []
    # a diarist's year heading is the civil year the writer counted; an edition's over letters or papers is
    # the editor's, in modern reckoning
    years.own_heads = group.mode == "personal" and EDITION_PAPER not in group.evidence

    # --- page furniture
    if group.mode == "furniture":
        cue = first.cue
        kind = {"separator": "boilerplate", "caption": "caption", "attribution": "boilerplate",
                "stamp": "heading"}.get(cue, "heading")
        title = " / ".join(u.text for u in units)[:200]
        if cue == "stamp":
            date = parse_date_text(first.text)
        elif kind == "heading":
            # a year heading ("1712", "Part II / At Ludlow / 1713") dates the part it opens, as stated
            year = next((y for y in map(_bare_year, (u.text for u in units)) if y), None)
            if year:
                date = replace(_year_date(year, str(year)), rule="year heading", basis=DateBasis.STATED)
                evidence.append("date: year heading")
            for u in units if not year else ():
                # a month heading ("MAY 1884.", "January 1659-60") dates the part it opens, and gives
                # its month and year to the days written alone under it ("3rd (Saturday).")
                found = parse_date_text(u.text) if date_head(u.text) else None
                if found is not None and found.precision == "month":
                    date = found
                    evidence.append("date: month heading")
                    years.note(u.start, found)
                    break
        elif cue == "attribution":
            y = re.search(r"\(\s*[^()]*?,?\s*(?P<y>1[5-9]\d\d|20\d\d)\s*\)", first.text)
            if y:
                date = _year_date(int(y.group("y")), y.group("y"))
        return Document(id=Document.make_id(source_id, start, end), source=source_id, char_start=start,
                        char_end=end, kind=kind, title=title, date=date, primary=False,
                        evidence=tuple(evidence))

    # a byline ("By A B", "By our own correspondent") names who wrote the document, not what it is
    titled = [u for u in heads if u.cue != "byline" and not is_byline(u.text)]
    if titled:
        title = MARKS_RE.match(titled[0].text).group("text").strip() or titled[0].text
    by_unit = next((u for u in units if u.cue == "byline"), None)
    by = byline(by_unit.text) if by_unit is not None else None
    if by is None:
        # a web article's byline with its day ("By Ann Pell · 3 May 2021") is read as its date line: it names the writer
        web = next((w for u in units[:max(first_body, 1)] if u.cue == "dateline" and (w := web_byline(u.text))
                    and w[0]), None)
        by = (web[0], None, None) if web else None
    if by:
        author, title = by[0], by[1] or title
        evidence.append("author: byline")
        written = parse_date_text(by[2]) if by[2] else None
        if written is not None:
            # "by A, written in 1872": the byline states when the text was written
            date = replace(written, rule="stated in the byline", basis=DateBasis.STATED)
            evidence.append("date: stated in the byline")

    # --- kind
    own_text = " ".join(strip_quotes(u.text) for u in body)
    n_words = max(len(own_text.split()), 1)
    first_rate = len(re.findall(r"\b(?:I|me|my|we|us|our)\b", own_text)) / n_words
    second_rate = len(re.findall(r"\b(?:you|your)\b", own_text, re.I)) / n_words
    head_text = " ".join(u.text for u in heads)
    # a title naming documents in the plural over third-person prose ("CABLES FROM THE MISSION") heads
    # the compiler's introduction to a collection, not one document of that kind
    plural = re.search(r"\b(?:letters|telegrams|cables|cablegrams|papers|documents|dispatches|despatches|"
                       r"reports|resolutions|statements|decrees|orders|minutes\s+and)\b", head_text, re.I)
    collection = plural and body and first_rate < 0.01 and not group.framing and "salutation" not in cues
    # a chapter's title names its subject, not the kind of text under it ("CHAPTER VII. THE WIRE FROM HOME")
    chapter = re.match(r"^(?:chapter|part|book|canto|section)\b", head_text.strip(), re.I)
    if title and not kind and not collection and not chapter and NEWSPAPER_RE.search(heads[0].text) and \
            not re.search(r"['’]s\s", heads[0].text) and (
                re.search(r"\b(?:cutting|clipping|extract)\b", heads[0].text, re.I) or yearless(heads[0].text)
                or FULL_DATE_RE.search(heads[0].text) or _dated_under(units, heads[0])):
        # a newspaper's name with the issue's date ("The Evening Star, 3 May.", or on the line under it), or
        # "Cutting from ..."
        kind = "newspaper_article"
        evidence.append("kind: title names a newspaper")
    if title and not kind and plural and not body and "salutation" not in cues and not group.framing:
        # the same title over nothing of its own ("LETTERS FROM AN UNCLE / TO HIS NEPHEW", "IN TWELVE LETTERS")
        # is the book's title page
        kind = "heading"
        evidence.append("kind: title names documents in the plural, over no text")
    if heads and not kind and FRONT_MATTER_RE.match(heads[0].text.strip()) and body:
        kind = "commentary"  # "PREFACE" over the editor's text, signed with initials or not: no letter, no entry
        evidence.append("kind: an editor's preface")
    if not kind and CHAPTER_SUMMARY in group.evidence:
        kind = "commentary"  # a chapter's summary over its entries: the book's word on them, in whatever voice
        evidence.append("kind: a chapter's summary")
    if not kind and FRONT_SIGNED in group.evidence and body and not {"salutation", "closing"} & set(cues):
        # a prefatory note or a preface signed at its foot before the book begins ("I have kept my diary these
        # ten years …" / "A. Bell."): the book's word about itself, though it names a diary or says "I"
        kind = "commentary"
        evidence.append("kind: a text of the front matter signed at its foot")
    if title and not kind and not collection and not chapter:
        kind = kind_from_words(head_text)
        if kind:
            evidence.append(f"kind: title names a {kind}")
    if not kind and len(units) > 1 and any(u.cue == "dateline" and _TELEGRAM_DATELINE_RE.match(u.text)
                                           for u in units[:max(first_body, 1)]):
        # "TELEGRAM. 19th May, 1911.": a letter-book's copy of a telegram names its form in its date line
        kind = "telegram"
        evidence.append("kind: the date line names a telegram")
    if not kind and body and _telegram(units, body, head_text):
        kind = "telegram"
        evidence.append("kind: telegraphic form or style")
    if not kind and group.attribution and re.search(r"\b(?:excerpt|extract|chapter|fragment)\b",
                                                    group.attribution, re.I):
        kind = "book_excerpt"
        evidence.append("kind: attribution line names an excerpt")
    if not kind and group.framing:
        kind = kind_from_words(group.framing[0]) if group.framing[0] not in ("document", "documents") else None
        if kind:
            evidence.append(f"kind: announced as a {group.framing[0]}")
    inline = body[0].features.get("inline_doc") if body and group.mode == "inline" else None
    if not kind and inline:
        kind = kind_from_words(inline[0]) or "statement"
        evidence.append(f"kind: quoted {inline[0]}")
    if not kind and any(u.features.get("resolved") for u in body) and group.mode != "personal":
        # (in a diary's dated entry, "Decided not to go." is the diarist's own mind made up, no body's resolution)
        kind = "resolution"
        evidence.append("kind: 'Resolved:'")
    first_para = body[0].text if body else ""
    if not kind and body and second_rate > 0 and _closed_under_valediction(units, group.foot):
        # a text written to a "you" that ends in a valediction and a signature (its postscripts and
        # address leaf under them) is a letter, though it opens with a bare date line: diaries are not signed
        kind = "letter"
        evidence.append("kind: written to a 'you' and closed under a valediction")
    if not kind and group.evidence[:1] == ["the narrative resumes after a diary"]:
        # "Here the diary broke off, and I laid it down": the narrator who copied it speaks of it, he is not keeping it
        kind = "narrative"
        evidence.append("kind: the narrative taken up after the diary it copied")
    # (a letter that greets someone, "Dear Charles,", and then promises him "the Journal of our tour" stays a letter;
    # "Dear Diary," greets the diary itself)
    greets = [u.text for u in units if u.cue == "salutation"]
    if not kind and body and re.search(r"\b(?:diary|journal)\b", strip_quotes(first_para), re.I) and first_rate > 0.01 \
            and not (greets and not any(re.search(r"\b(?:diary|journal)\b", g, re.I) for g in greets)):
        kind = "diary"
        evidence.append("kind: the text calls itself a diary")
    if not kind and body and len(units) > 1 and _SUPERSCRIPTION_RE.match(units[-1].text.strip()):
        # "For Mr. A at B. These.": the address a letter of the 16th and 17th centuries carried on its outside, copied
        # at its foot; an unsigned newsletter or a letter without its greeting is a letter by it
        kind = "letter"
        evidence.append("kind: addressed on its outside ('These')")
    if not kind and group.letter_part:
        kind = "letter"
        evidence.append("kind: a dated part of a letter")
    signed_at = next((k for k in range(len(units) - 1, 0, -1)
                      if units[k].cue != "dateline" and not POSTSCRIPT_RE.match(units[k].text)), None)
    if not kind and body and signed_at is not None and units[signed_at] is not body[0] and \
            signed_name(units[signed_at].text) and units[signed_at - 1].text.rstrip().endswith(",") and \
            second_rate > 0.01 and \
            (group.mode == "personal" or any(u.features.get("lead_date") for u in body[:1])):
        # a dated text written to a "you" whose last words ("… ever your friend,") run into a name alone
        # on its line is a letter signed under its valediction: diary entries are not signed
        kind = "letter"
        evidence.append("kind: dated, signed and addressed to a 'you'")
    if not kind and body and any(edition_head(u.text) and header_author(u.text, None) for u in heads):
        # an edition's numbered head naming a writer and an addressee ("88. SIR JOHN ORD TO THE LORD ADMIRAL.")
        # heads a letter, though the calendar abstracts it in the editor's words under a date line
        kind = "letter"
        evidence.append("kind: an edition's numbered head, writer to addressee")
    if not kind and body and not re.search(r"\b(?:I|me|my|mine|myself)\b", own_text) and \
            not {"salutation", "closing", "addressee"} & set(cues) and (
            any(u.cue == "dateline" and web_byline(u.text) for u in units[:first_body])
            or wire_dateline(body[0].text)):
        # a byline dating the story ("By A · 3 May 2021", "Published 3 May 2021") or an agency's dateline opening it
        # ("KELBURY, May 3 (Northern Wire) —") over third-person prose: a news report, no diary's dated entry
        kind = "newspaper_article"
        evidence.append("kind: a news story's byline or agency dateline")
    if not kind and (group.mode == "personal" or any(u.features.get("lead_date") for u in body[:1])):
        kind = "diary"
        evidence.append("kind: dated entry")
    named = heading_document(group.heading_lines) if not kind and body else None
    if named:
        # a section heading naming one document ("The Report of A (1791)", "In a Letter from A")
        # gives the text under it that kind, whatever its voice
        kind = named[0]
        evidence.append(f"kind: the section heading names a {kind}")
    if not kind and {"after a section heading", "under a section heading", RESUMES_SECTION} & set(group.evidence) \
            and not {"addressee", "signature", "salutation", "closing"} & set(cues) and (
                n_words >= 80 or RESUMES_SECTION in group.evidence
                or "announces the letter after it" in group.evidence):
        # a book's chapter is narrative whatever its voice: a novel's "I" tells a story, not a statement
        kind = "narrative"
        evidence.append("kind: a section of a book")
    has_salute = "salutation" in cues or any(u.features.get("salute") for u in body[:1])
    has_closing = "closing" in cues or RUN_IN_SIGNED in group.evidence
    if not kind and (has_salute or has_closing):
        kind = "letter"
        evidence.append("kind: salutation/closing")
    if not kind and body and cues[-1] == "signature" and cues[0] == "prose" \
            and len(body) <= seg_settings.note_max_paragraphs and n_words <= seg_settings.note_max_words \
            and split_signature(units[-1].text) and group.mode != "personal" \
            and not any(_verse(u.text, seg_settings.verse_line_max_chars) for u in body):
        # a few lines with neither head nor salutation, signed under them in initials ("Will the carrier call at
        # the back door? / M. B."): a note left for someone (verse signed so is a poem's author's initials)
        kind = "letter"
        evidence.append("kind: a short note signed under its text")
    if not kind and body and body[0].features.get("name_colon"):
        kind = "commentary"
        evidence.append("kind: signed comment")
    if not kind and group.mode == "record" and not collection:
        if _REMEMBER.search(own_text) or (first_rate > 0.02 and len(_PAST.findall(own_text)) / n_words > 0.04
                                          and second_rate < 0.01 and "addressee" not in cues):
            kind = "memoir"
            evidence.append("kind: first person looking back")
        elif "addressee" in cues and second_rate > 0.01:
            # headed with whom it is to ("To Atticus (at Athens)") and written to a "you": a letter
            kind = "letter"
            evidence.append(ADDRESSED_LETTER)
        elif "addressee" in cues or "signature" in cues:
            kind = "statement"
            evidence.append("kind: addressed/signed first-person text")
        elif second_rate > 0.01:
            kind = "letter"
            evidence.append("kind: first person to a 'you'")
        else:
            kind = "statement"
            evidence.append("kind: first-person text")
    if not kind and any(u.features.get("bio_lead") for u in body[:1]):
        kind = "biography"
        evidence.append("kind: biographical lead")
    if not kind and group.continues is not None and prev_kind in ACCOUNT_KINDS:
        kind = prev_kind
        evidence.append("kind: continues the account before the caption")
    if not kind and body:
        questions = sum(u.features.get("questions", 0) for u in body)
        if questions >= 3 and questions / len(body) >= 0.1:
            kind = "opinion"
            evidence.append("kind: argues with questions")
        elif first_rate > 0.02 and _REMEMBER.search(own_text):
            kind = "memoir"
        elif any(u.features.get("framing") for u in body) or re.search(
                r"\b(?:the|this|these)\s+(?:document|letter|statement|decision)s?\b", own_text, re.I) or (
                collection and re.search(r"\b(?:cop(?:y|ies)|printed|transcribed|reproduced)\b", own_text)):
            kind = "commentary"
            evidence.append("kind: narrative about documents")
        else:
            kind = "narrative"
    if not kind:
        kind = "heading" if heads and not body else "other"
    # a dateline (place, weekday, full date) opening one of the first paragraphs of an unsigned text
    # is a newspaper's: a reporter dates and places his report so; a letter's stands on its own line
    reported = report_dateline([u.text for u in body[:2]]) if body and kind in VOICE_KINDS | {
        "report", "newspaper_article"} and not {"salutation", "closing", "signature", "addressee"} & set(cues) \
        else None
    if reported and kind in VOICE_KINDS and not any(e.startswith(("kind: title", "kind: the section heading"))
                                                     for e in evidence):
        kind = "newspaper_article"
        evidence.append("kind: opens under a reporter's dateline")
    if group.coarse and CLASS_OF_KIND.get(kind) != group.coarse:
        kind = _kind_in_class(group.coarse, cues, head_text, own_text, first_rate)
        evidence.append(f"kind: the learned model's class ({group.coarse})")

    # --- author
    # a name set off in the middle of a sentence (the text under it goes on in lower case: a note cut into
    # the text, "… pushing the claims of Aulus's son; / L. Afranius. / and in that matter …") signs nothing
    # (the address leaf under a letter's signature names its addressee, not its writer; what goes on under a
    # name is looked up among all the units, since a sentence running on may have been taken for that leaf)
    signed = units[:len(units) - group.foot] if group.foot else units
    sig_units = [u for k, u in enumerate(signed) if u.cue == "signature"
                 and not (k + 1 < len(units) and units[k + 1].text[:1].islower() and units[k + 1].cue != "dateline"
                          and not (k and units[k - 1].cue == "closing"))]
    # (a date line under the signature may open in lower case, "the 3rd day of the 11th month": no sentence goes on;
    # nor does a postscript under a name signed under its closing, "my husband sends his love …", in a transcription
    # that keeps the writer's small letters)
    if not author and kind == "resolution":
        m = re.search(r"\b(?:minutes|resolution|decree|decision|order"
                      r"|protocol)\s+of\s+(?:the\s+)?(?P<org>[^,.;:]{3,90})",
                      head_text, re.I)
        if m:
            author = m.group("org").strip()
            evidence.append("author: issuing body in the title")
    if not author and kind not in ("heading", "caption", "boilerplate", "epigraph"):
        for u in heads:
            found = header_author(u.text, kind)
            if found:
                author = found
                evidence.append("author: the letter's own header")
                break
    if not author and FRONT_SIGNED in group.evidence and sig_units:
        # the names under a front-matter text, as they are signed (in capitals: written as names)
        signed_as = sig_units[-1].text.strip(" .,")
        author = signed_as.title() if signed_as.isupper() else signed_as
        evidence.append("author: signature")
    if not author and sig_units:
        sig_text = signature_text(sig_units[0].text)
        sig = split_signature(sig_text)
        if sig and not NOT_A_SIGNER_RE.search(sig_text):
            author = sig[2]
            place = place or (sig[1] or None)
            evidence.append("author: signature")
        elif sig is None and kind in ("letter", "statement", "telegram") and signed_under_closing(sig_text):
            # a full name signed under the closing ("Ann B. Pell.", "Ann Pell"), a firm or a pen-name in capitals
            # ("A RATEPAYER."): the cascade read it as a signature from its place (a diary entry that copies a
            # letter is not its signer's)
            author = sig_text.strip(" .,")
            evidence.append("author: signature")
    if not author and body and kind not in ("narrative", "commentary", "memoir", "diary") and \
            (maker := act_maker([u.text for u in body])):
        # a sworn or notarial act is signed by its maker over the officer's attestation, or by the officer alone
        author = maker[0]
        evidence.append(f"author: {maker[1]}")
    run_in = next((u.features["signed_run_in"] for u in reversed(signed) if u.features.get("signed_run_in")), None)
    if not author and run_in and RUN_IN_SIGNED in evidence and kind in ("letter", "statement"):
        author = run_in[1]  # "….—Your loving niece, Kitty.": the name the letter is signed with
        evidence.append("author: signature run into the last paragraph")
    if not author and body and (kind == "letter" or (group.framing and len(body) > 1)):
        # a letter quoted paragraph by paragraph, or a document read out, is signed in a paragraph of its
        # own ("“Ann Pell.", "“Ann Pell.”") above its closing date, if any
        # (a postscript under the signature does not move the signature from the letter's foot)
        foot = next((u for u in reversed(signed) if u.cue != "dateline" and not POSTSCRIPT_RE.match(u.text)), None)
        name = foot.text.strip(" “”\"") if foot is not None and foot.cue == "prose" and foot is not body[0] else ""
        if name and len(name.split()) <= 4 and (is_name(name) or is_name(name.rstrip("."))) and \
                not NOT_A_SIGNER_RE.search(name):
            author = name.rstrip(".")
            evidence.append("author: name alone at the foot")
    if not author:
        for u in signed[1:]:
            if u.cue == "heading" and is_name(u.text) and group.mode == "record" and u is signed[-1] and \
                    not NOT_A_SIGNER_RE.search(u.text):
                above = signed[-2]
                if above.cue == "heading" and is_name(above.text) and above is not signed[0] and \
                        signed[-3].cue in ("prose", "closing", "dateline") and not NOT_A_SIGNER_RE.search(above.text):
                    u = above  # two names one under the other sign together: the first signer writes the letter
                author = ROLE_RE.sub("", u.text).strip(" .,")
                evidence.append("author: name alone at the foot")
            elif u.cue == "heading" and u is signed[-1] and \
                    "signature: a first name alone under the letter" in evidence:
                author = u.text.strip(" .,")
                evidence.append("author: name alone at the foot")
            elif u.cue == "heading" and u is units[-1] and "signature: a telegram's signer" in evidence:
                author = u.text.strip(" .,")
                evidence.append("author: the telegram's signer")
    if not author and kind == "telegram" and len(units) == 2 and units[0].cue == "dateline":
        # "... wire when sent. Pell Kettering.": a telegram copied on one line under its form's date line is signed
        # by its last words after its last stop, the sender's name and town as the office took them down
        m = re.search(r"[.!?]\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\.?\s*$", units[1].text.strip())
        if m and not calendar_words(m.group("name")):
            author = m.group("name")
            evidence.append("author: the telegram's signer")
    if not author and kind == "telegram" and body:
        # the signer's name in capitals on the message's last line, in the same paragraph ("... SEND CARPENTER." /
        # "MOLLY.")
        lines = body[-1].text.strip().split("\n")
        if len(lines) > 1 and re.fullmatch(r"[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+)?", lines[-1].strip()):
            author = lines[-1].strip(" .,")
            evidence.append("author: the telegram's signer")
    if not author and kind not in ("narrative", "commentary", "biography", "opinion"):
        m = re.search(r"\b(?:minutes|resolution|decree|decision|order"
                      r"|protocol)\s+of\s+(?:the\s+)?(?P<org>[^,.;:]{3,90})",
                      head_text, re.I)
        if m:
            author = m.group("org").strip()
            evidence.append("author: issuing body in the title")
    if not author and "signed by an office" in evidence:
        foot = units[-1].text
        m = _PLACE_DATE_RE.match(foot)
        author = foot
        if m is None:
            lead = foot.split()[0]
            if lead[:1].isupper() and not re.match(r"^(?:The|Editorial|Department|Office)$", lead) and \
                    len(foot.split()) > 2 and foot.split()[1][:1].isupper():
                place = place or lead
                author = foot[len(lead):].strip()
        evidence.append("author: issuing office")
    credits = news_credits(body[-1].text) if body else None
    if not author and credits:
        if credits[0]:
            # "(Reporting by A; editing by B)": the reporter wrote the story, the editor did not
            author = credits[0]
            evidence.append("author: the story's reporting credit")
    if not author and body and credits is None:
        m = re.search(rf"(?:\bby|[—–-])\s*(?P<name>{PERSON})\W*$", body[-1].text.rstrip())
        if m and is_name(m.group("name")):
            author = m.group("name")
            evidence.append("author: signed at the end of the text")
    signed_year = None
    if not author and kind in ("narrative", "memoir") and len(body) > 1 and body[-1] is signed[-1]:
        # "Thomas Alder, 1910.": a name and a year alone on a recollection's last line sign it, when it was
        # written (a place and a year, "New York, 1910.", only date it)
        name, year = _signed_with_year(body[-1].text)
        if name:
            author, signed_year = name, year
            evidence.append("author: name and year at the foot")
    if not author and body and kind in RECORD_KINDS:
        m = re.search(r"[a-z]{2,}[.!]\s+(?P<name>[A-Z]{3,}(?:\s+[A-Z]{3,})?)\.?$", body[-1].text.rstrip())
        if m:
            author = m.group("name")
            evidence.append("author: name in capitals closing the text")
    if not author and inline:
        # the quoted text signed at its end ("... on May 2, 1862. P. Valck.") names its writer
        m = re.search(rf"[.!]\s+(?P<name>{INITIALS}[A-Z][\w'’-]+)\.?[\"”»’']?\s*$", body[-1].text.rstrip())
        if m:
            author = m.group("name")
            evidence.append("author: signed at the end of the quotation")
    if not author and inline:
        author = inline[1]
        evidence.append("author: subject of the quoting sentence")
    if not author and body and body[0].features.get("name_colon"):
        author = body[0].features["name_colon"]
        evidence.append("author: name before the colon")
    if not author and group.attribution:
        m = re.search(rf"\((?P<name>{PERSON})\s*,\s*\d{{4}}\)|\bby\s+(?P<by>{PERSON})", group.attribution)
        if m:
            author = m.group("name") or m.group("by")
            evidence.append("author: attribution line")
    if not author and group.framing and kind in RECORD_KINDS | {"diary", "memoir"} and \
            "read out by the narrator" not in group.evidence:  # the reader is not the writer
        sentence = group.framing[1]
        subj = _subject(sentence)
        if subj:
            author = subj
            evidence.append("author: subject of the framing sentence")
    if not author and signer and kind in RECORD_KINDS and (first_rate > 0.0 or kind == "telegram"):
        author = signer
        evidence.append("author: the source's usual signer")

    # --- addressees: the document's own address or salutation, unless only the framing sentence names them
    addressee_basis = RefBasis.STATED
    for u in units:
        if u.cue == "addressee":
            addressees.append(_clean_addressee(u.text))
        elif u.cue == "salutation" or (u.cue == "prose" and u.features.get("salute") and u is body[0]):
            m = re.match(r"^(?:my\s+)?(?:very\s+)?(?:dear(?:est)?|honou?red|respected|esteemed)\s+"
                         r"(?P<who>[^,!:(]{2,50}?)\s*[,!:(]", u.text, re.I)
            # "Dear Brother", "My dear Sister": the writer's word for the addressee, not a name; a
            # network would make one person of every brother the corpus writes to
            if m and m.group("who")[:1].isupper() and not names_no_one(m.group("who")):
                addressees.append(m.group("who").strip())
    if not addressees and title:
        abbr = r"(?:Rev|Revd|Dr|Mr|Mrs|Ms|Hon|Capt|Col|Gen|Lt|Maj|Sgt|Prof|Messrs|St)\.\s"
        m = re.search(rf"\bto\s+(?:the\s+)?(?P<who>(?:{abbr}|[A-Z])(?:{abbr}|[^.;:]){{1,100}})$",
                      title if not title.isupper() else title.title())
        if m and kind in RECORD_KINDS:
            addressees.append(m.group("who").strip())
    if not addressees and kind == "telegram":
        # the lines in capitals above a telegram's message, other than its form's name, are its address
        for u in heads:
            if is_allcaps(u.text) and not re.search(r"telegra|cable|wire|post\s+office", u.text, re.I):
                addressees.append(u.text.strip(" .,"))
                if title == u.text:
                    title = None
    if not addressees and group.framing and kind in RECORD_KINDS:
        m = re.search(r"\bfollowing\s+\w+\s+(?:addressed\s+)?to\s+(?P<who>[^,.:;]{2,100})", group.framing[1])
        if m:
            addressees.append(m.group("who").strip())
            addressee_basis = RefBasis.FRAMING

    # --- date: the document's own date line, then closing date, then "today, ...",
    #     then the date of the sentence that announced it; never a page stamp
    address = dated_at = None
    # a date line in the head (a heading that is a date: "January 3") comes before one at the foot,
    # and within the head the finest one wins ("1903" above "January 3": the entry's day)
    head_dates = [u for u in units[:first_body] if u.cue in ("dateline", "heading") and (
        date_head(u.text) or _bare_year(u.text) or (u.cue == "dateline" and bare_day(u.text)))]
    finest = None
    for u in head_dates:
        found = parse_date_text(u.text, u.start, years)
        if found and found.precision == "month" and any(v.start > u.start and v.cue == "dateline" and bare_day(v.text)
                                                        for v in head_dates):
            years.note(u.start, found)  # the month heading over a day alone, in this group: "May 1792" / "5."
        if found and (finest is None or _PRECISION_RANK[found.precision] < _PRECISION_RANK[finest[1].precision]):
            finest = (u, found)
    for u in units:
        if finest and u in head_dates and u is not finest[0]:
            continue
        if receipt_note(u.text) and body and u.start > body[0].start:
            # "[Received 2nd May, 1916.]" under a letter: the day it came, not the day it was written (a telegram's
            # "Received at the office, 2 May" over its text is the form's date)
            continue
        if u.cue == "dateline" or (u.cue == "signature" and FULL_DATE_RE.match(u.text)) or (
                finest and u is finest[0]):
            date = parse_date_text(u.text, u.start, years)
            if date is None and u.cue == "dateline" and len(head_date_text(u.text).split()) >= 2:
                # "Tuesday 15th. Calm.": a log's date line with the day's weather after its date (its day and
                # its weekday or month; a day alone, "5th day.", is read below)
                date = parse_date_text(head_date_text(u.text), u.start, years)
            if date is None and u.cue == "dateline" and u.text.rstrip().endswith(","):
                address = u.text  # "Mill Lane, Brannockford," above the date
            if date:
                evidence.append("date: date line")
                dated_at = u.start
                if address and not place:
                    place = address.rstrip(" ,").split(",")[-1].strip() or None
                sent = TELEGRAPH_FORM_RE.match(u.text) and re.search(
                    r"\b(?i:at|from|handed\s+in)\s+(?P<place>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})", u.text)
                if sent and not place:
                    place = sent.group("place")  # the office it was handed in at
                m = _PLACE_DATE_RE.match(u.text)
                # "By Ann Pell, posted 3 May 2011": a web page's byline and date, its writer no place
                if m and not place and not calendar_words(m.group("place")) and \
                        not re.match(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|By\s", m.group("place")):
                    place = m.group("place")
                if not place and u.cue == "dateline":
                    lead = leading_date(u.text)
                    rest = u.text[lead.end():].strip(" .,;—–-") if lead else ""
                    # "March 30. Thursday.": the weekday (or feast) after a diary's date names the day, not a place
                    rest = ", ".join(p.strip() for p in re.split(r"[.,;]\s+", rest) if not calendar_words(p))
                    if rest and rest[:1].isupper() and len(rest.split()) <= 4:
                        place = rest
                break
    if date is None or date.precision == "year":
        # "47. ANN PELL TO TAMSIN QUILL. [1602, March 4.]": the editor's date in the numbered head dates the letter
        # (he read it from the letter's foot or its matter); stated by the edition, and its rule says so
        bracket = next((e[1] for e in map(edition_head, (u.text for u in heads)) if e and e[1]), None)
        found = _bracketed_date(bracket, start, years) if bracket else None
        if found is not None:
            date = replace(found, rule=f"{found.rule}; the editor's date in the numbered head")
            evidence.append("date: the editor's date in the numbered head")
    if (date is None or date.precision != "day") and body and body[0].features.get("lead_date"):
        entry = parse_date_text(body[0].features["lead_date"], body[0].start, years)
        if entry and (date is None or entry.precision == "day"):
            date = entry
            evidence.append("date: entry head")
            rest = body[0].text[len(body[0].features["lead_date"]):]
            m = re.match(r"^\s*(?P<place>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})\.\s*[—–-]", rest)
            if m and not place and not calendar_words(m.group("place")):
                place = m.group("place")
    if (date is None or date.precision != "day") and body and body[0].features.get("lead_day"):
        # "2nd. In the morning ...": a day of the month alone, under a month heading or an entry
        head = body[0].features["lead_day"]
        if date is not None and date.precision == "month" and "date: date line" in evidence:
            years.note(start, date)  # the month heading above, in this group: "April 1866" / "29th. ..."
        entry = day_of_month(head.strip(" \t—–"), body[0].start, years)
        if entry is not None:
            date = entry
            evidence.append("date: entry head")
    if date is None and body and body[0].features.get("lead_day_range"):
        # "From the 11th to the 14th we lay idle ...": the span, in the month of the entry before
        m = LEAD_DAY_RANGE_RE.match(body[0].features["lead_day_range"])
        first = day_of_month(f"{m.group('a')}.", body[0].start, years)
        last = day_of_month(f"{m.group('b')}.", body[0].start, years) if first is not None else None
        if first is not None and last is not None and first.earliest <= last.latest:
            date = replace(first, text=m.group(0).strip(" ,"), edtf=f"{first.edtf}/{last.edtf}", latest=last.latest)
            evidence.append("date: entry head")
    if (date is None or date.precision == "year") and body and body[0].features.get("lead_feast"):
        # "Christmas Day.—A cheerless Christmas ...": the feast next after the entry before (a diary goes forward),
        # or in the year printed over it ("1851." / "ADVENT SUNDAY.—")
        from ..extract.dates import parse_date
        feast, day = body[0].features["lead_feast"].strip(" .:\t—–"), years.last_day(start)
        if day is None and date is not None:
            day = date.earliest
        entry = _feast_date(feast, day.year) if day is not None else None
        if entry is not None and entry.earliest is not None and entry.earliest < day:
            entry = _feast_date(feast, day.year + 1)
        if entry is not None and entry.precision == "day":
            date = replace(entry, text=feast, rule=f"{entry.rule}; year from context (the entry before)",
                           basis=DateBasis.YEAR_FROM_CONTEXT)
            evidence.append("date: entry head")
    if date is None and body and body[0].features.get("lead_month"):
        # "January 1912. New Year’s Day. ...": an entry head of month and year, the day not printed
        entry = parse_date_text(body[0].features["lead_month"].strip(" .\t"), body[0].start, years)
        if entry is not None:
            date = entry
            evidence.append("date: entry head")
    if date is None and body and body[0].features.get("lead_shape"):
        # an entry head of the source's own shape ("Oct. the 9th.", "The 3rd:—"): what in it names a date
        head = body[0].features["lead_shape"]
        said = head_date_text(head) if counted_day(head) is None else ""  # "SECOND DAY." is no 2nd of a month
        entry = parse_date_text(said, body[0].start, years) if said else None
        if entry is None or entry.precision != "day":
            # "2. Wed.": a day of the month and its weekday, the month and year from the heads above ("Tues 9th":
            # the weekday first, its abbreviation without a stop, as the source heads its entries)
            entry = day_and_weekday(head, body[0].start, years) or _weekday_first(head, body[0].start, years) or entry
        if entry is None:
            entry = counted_day_date(head, body[0].start, text, years)
        if entry is not None:
            date = entry
            evidence.append("date: entry head")
    if (date is None or date.precision == "year") and body:
        # "1712.—March 3. ...": an entry head with its year first
        m = _YEAR_FIRST_RE.match(body[0].text)
        if m:
            from ..extract.dates import parse_date
            entry = parse_date(f"{m.group('md')}, {m.group('y')}")
            if entry is not None:
                date = replace(entry, text=m.group(0).strip(" .—–-"))
                evidence.append("date: entry head")
    if date is None and body and kind in ("diary", "memoir", "letter", "statement", "narrative"):
        # "Seven o'clock.--", "Later.", "Next morning.--": an entry of the same day as the one before,
        # or of the day after it
        m = _TIME_HEAD_RE.match(units[0].text) or _TIME_HEAD_RE.match(body[0].text)
        day = years.last_day(start) if m else None
        if day is not None:
            step = 1 if m.group("next") else 0
            when = day + dt.timedelta(days=step)
            date = Date(text=m.group(0).strip(" .:—–-"), edtf=when.isoformat(), earliest=when, latest=when,
                        precision="day", calendar="gregorian", as_written=when.isoformat(),
                        rule="the day after the entry before" if step else "the same day as the entry before",
                        anchor=day.isoformat(), basis=DateBasis.RECKONED)
            evidence.append("date: the day after the entry before" if step else "date: same day as the entry before")
    if date is None and first_body == 0 and kind == "diary" and body[0].features.get("lead_same_day"):
        # "The same day at noon ...": in a diary written a paragraph an entry, the day of the entry before
        day = years.last_day(start)
        if day is not None:
            date = Date(text=body[0].features["lead_same_day"], edtf=day.isoformat(), earliest=day, latest=day,
                        precision="day", calendar="gregorian", as_written=day.isoformat(),
                        rule="the same day as the entry before", anchor=day.isoformat(), basis=DateBasis.RECKONED)
            evidence.append("date: same day as the entry before")
    if date is None and first_body == 0 and kind == "diary" and body[0].features.get("lead_next_day"):
        # "Next day about 1 o'clock ...": in a diary written a paragraph a day, the day after the entry before
        # (under a date line, "5th day." / "Next day ...", the date line says which day)
        day = years.last_day(start)
        if day is not None:
            when = day + dt.timedelta(days=1)
            date = Date(text=body[0].features["lead_next_day"], edtf=when.isoformat(), earliest=when, latest=when,
                        precision="day", calendar="gregorian", as_written=when.isoformat(),
                        rule="the day after the entry before", anchor=day.isoformat(), basis=DateBasis.RECKONED)
            evidence.append("date: the day after the entry before")
            years.note(start, date)  # a weekday or another "next day" after it counts on from this day
    if date is None and kind == "diary":
        # "5th day.", "Tuesday.": a diary's date line naming its weekday alone is the first day after the entry
        # before that falls on that weekday (a diary goes forward, and most days have their entry)
        # (or run into the entry's first paragraph, "Tuesday.—Rain till noon ...")
        heads = [(u.start, u.text) for u in units[:first_body] if u.cue == "dateline"]
        if body and body[0].features.get("lead_date"):
            heads.append((body[0].start, body[0].features["lead_date"].strip(" \t—–-")))
        head = next(((at, line) for at, line in heads if weekday_alone(line) is not None), None)
        date = years.weekday_after(head[0], weekday_alone(head[1]), head[1]) if head is not None else None
        if date is not None:
            evidence.append("date: the weekday after the entry before")
            years.note(head[0], date)  # the next weekday alone counts on from this one
    if date is None and body:
        m = _TODAY_RE.search(body[0].text[:300])
        if m:
            date = parse_date_text(body[0].text[m.end():m.end() + 40], body[0].start + m.end(), years)
            if date:
                evidence.append("date: 'today, ...'")
    if date is None and reported and kind in ("report", "newspaper_article"):
        date = parse_date_text(reported[1].group(0), body[reported[2]].start + reported[1].start(), years)
        if date is not None:
            evidence.append("date: the report's dateline")
            place = place or reported[0]
    if date is None and kind == "resolution" and body:
        # minutes open with the meeting they record: "At a special meeting held ... on 17th March 1862"
        opening = body[0].text[:400]
        if re.search(r"\b(?:meeting|session|sitting)\b[^.]{0,120}?\b(?:held|assembled|convened)\b|"
                     r"\b(?:held|assembled|convened|met)\b[^.]{0,60}?\b(?:meeting|session|sitting)\b", opening, re.I):
            m = FULL_DATE_RE.search(opening)
            if m:
                date = parse_date_text(m.group(0), body[0].start + m.start(), years)
                if date:
                    evidence.append("date: the meeting the minutes record")
    if (date is None or date.precision == "year") and body and kind not in ("narrative", "commentary", "memoir"):
        # "On this ninth day of May, in the year eighteen hundred and twelve, before me, A. B., ...":
        # a notarial act, a deed or an affidavit dates itself in its opening words (under its ship's or parties'
        # line, if any), the date written out in full
        for u in body[:2]:
            m = _ACT_DATE_RE.match(u.text)
            found = parse_date_text(u.text[m.end():m.end() + 200], u.start + m.end(), years) if m else None
            if found is not None and found.precision == "day":
                date = replace(found, rule=f"{found.rule}; the act's opening words")
                evidence.append("date: the act's opening words")
                break
    if date is not None and date.precision == "year" and body and kind == "letter":
        # "... Written at Bardsey the iiij day of March.": the clause at a letter's foot gives the day and month, the
        # head (an editor's "[1602.]") or the letter's place in the book only the year
        foot = _FOOT_CLAUSE_RE.search(body[-1].text.strip())
        found = _foot_day(foot.group(0), date) if foot else None
        if found is not None:
            date = found
            evidence.append("date: the dating clause at the foot, the year from the head")
    if date is None and signed_year:
        date = replace(_year_date(signed_year, body[-1].text.strip(" .").rsplit(",", 1)[-1].strip()),
                       rule="the year beside the signature", basis=DateBasis.STATED)
        evidence.append("date: next to the closing signature")
    if date is None and body and (author and "signed at the end" in " ".join(evidence) or inline):
        found = list(FULL_DATE_RE.finditer(body[-1].text[-200:]))
        if found:
            date = parse_date_text(found[-1].group(0), body[-1].start, years)
            if date:
                evidence.append("date: next to the closing signature")
    if date is None and group.framing and kind in PRIMARY_KINDS:
        framing_text = group.framing_text
        cut = framing_text.find(group.framing[1])
        before = framing_text[:cut + len(group.framing[1])] if cut >= 0 else framing_text
        cands = list(FULL_DATE_RE.finditer(before))
        if cands:
            date = parse_date_text(cands[-1].group(0))
        else:
            m = None
            for m in re.finditer(r"\b(?i:on|by|from)\s+(?:the\s+)?(?:(?:\d{1,2}(?:st|nd|rd|th)?|" + ORD_DAY
                                 + r")\s+(?:of\s+)?[A-Z][a-z]+|[A-Z][a-z]+\.?\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?|"
                                 + ORD_DAY + r"))\b", before):
                pass
            if m is not None:
                date = parse_date_text(m.group(0), group.framing_start + m.start(), years)
        if date:
            date = replace(date, rule=f"{date.rule}; from the framing sentence", basis=DateBasis.FRAMING)
            evidence.append("date: the sentence that announced it")

    if date is None and named:
        m = _BRACKET_YEAR_RE.search(named[1])
        if m:
            # "The Report of A (1791)": the heading dates the document it names, to the year; the
            # year is the heading's, not the document's own, and says so
            year = int(m.group(1))
            date = replace(_year_date(year, m.group(0)), rule="year in the section heading that names it",
                           anchor=named[1], basis=DateBasis.YEAR_FROM_CONTEXT)
            evidence.append("date: year in the section heading")
    if date is not None and any(e in evidence for e in ("date: date line", "date: entry head")) and \
            FRONT_SIGNED not in evidence:
        # (a preface dated under its signature is dated when the book was made: it gives the entries no year)
        # noted where its date line stands: a year heading above it in the same group ("1822 - 1823" / "June
        # 1822" / "12 of the Sixth Month, 1822") must not stand after it for the days alone that follow
        years.note(dated_at if "date: date line" in evidence and dated_at is not None else start, date)

    found_heads = _heads(group, units[:first_body]) if group.mode != "furniture" else ()
    wire = wire_dateline(body[0].text) if body and kind == "newspaper_article" else None
    if wire:
        # "KELBURY, May 3 (Northern Wire) —" opening the story is its date line: the day it was filed, not the day of
        # what the sentence tells (the claims read it as a date line)
        found_heads = tuple(sorted({*found_heads, Head("dateline", body[0].start, body[0].start + wire.end(),
                                                          wire.group(0).strip())},
                                   key=lambda h: (h.char_start, h.char_end, h.part)))

    primary: bool | None
    if kind in PRIMARY_KINDS:
        primary = True
    elif kind in ACCOUNT_KINDS or kind in ("heading", "caption", "boilerplate", "epigraph"):
        primary = False
    else:
        primary = None
    return Document(id=Document.make_id(source_id, start, end), source=source_id, char_start=start, char_end=end,
                    kind=kind, title=title, author=Ref(author, basis=_author_basis(evidence)) if author else None,
                    addressees=tuple(Ref(a, basis=addressee_basis) for a in addressees if a), date=date,
                    place=Ref(place) if place else None, primary=primary, evidence=tuple(evidence),
                    heads=found_heads)


def _heads(group: Group, head_units: list) -> tuple[Head, ...]:
    """Return the :class:`~quellen.model.Head` parts of a group in text order: its title lines (above the
    first paragraph), address lines, salutations (its own and those of a letter it quotes), the sentence
    that announced it and its marginal summaries (notes)."""
    out = [Head("title", u.start, u.end, u.text) for u in head_units
           if u.cue in ("heading", "byline") and u.start not in group.notes]
    out += [Head("note", u.start, u.end, u.text) for u in group.units if u.start in group.notes]
    # a numbered letter's header on a line of its own above its date line ("Dr. Hale to his son.") is a title
    opened = next((k for k, u in enumerate(group.units) if u.cue in ("dateline", "salutation")), 0)
    out += [Head("title", u.start, u.end, u.text) for u in group.units[:opened]
            if u.cue == "prose" and u not in head_units and LETTER_HEADER_RE.match(u.text)]
    out += [Head("addressee", u.start, u.end, u.text) for u in group.units if u.cue == "addressee"]
    out += [Head("salutation", a, b, u.text[a - u.start:b - u.start]) for u in group.units for a, b in salutations(u)]
    # the furniture lines, so that the claims read no event from them (see quellen.claims.read)
    out += [Head(u.cue, u.start, u.end, u.text) for u in group.units if u.cue in ("dateline", "closing", "signature")]
    if group.framing:
        at = group.framing_text.find(group.framing[1])
        if at >= 0:
            start = group.framing_start + at
            out.append(Head("announcement", start, start + len(group.framing[1]), group.framing[1]))
    return tuple(sorted(set(out), key=lambda h: (h.char_start, h.char_end, h.part)))


#: the basis of each way :func:`describe` finds an author (its evidence cue): the document's signature,
#: its own heading, the sentence that frames it, or the source's usual signer
_AUTHOR_BASIS = {
    "author: byline": RefBasis.HEADED, "author: issuing body in the title": RefBasis.HEADED,
    "author: the letter's own header": RefBasis.HEADED, "author: attribution line": RefBasis.HEADED,
    "author: signature": RefBasis.SIGNED, "author: name alone at the foot": RefBasis.SIGNED,
    "author: name and year at the foot": RefBasis.SIGNED,
    "author: the telegram's signer": RefBasis.SIGNED, "author: issuing office": RefBasis.SIGNED,
    "author: signed at the end of the text": RefBasis.SIGNED, "author: the story's reporting credit": RefBasis.SIGNED,
    "author: signature run into the last paragraph": RefBasis.SIGNED,
    "author: name in capitals closing the text": RefBasis.SIGNED,
    "author: signed at the end of the quotation": RefBasis.SIGNED,
    "author: subject of the quoting sentence": RefBasis.FRAMING,
    "author: subject of the framing sentence": RefBasis.FRAMING,
    "author: the source's usual signer": RefBasis.INFERRED,
}


def _author_basis(evidence: list[str]) -> RefBasis:
    """Return the basis of the author :func:`describe` found, from the cue it noted when it found it."""
    cue = next((e for e in reversed(evidence) if e.startswith("author: ")), "")
    return _AUTHOR_BASIS.get(cue, RefBasis.STATED)
