"""A source's own entry heads, learnt from the source: the shapes its dated paragraphs open with.

A diarist heads entry after entry the same way ("9th.—", "Day 14.—", "Oct. the 9th.", "xii.
Tuesday.—"), and no list of head forms written in advance knows every way. The source says what its
heads are: the opening of each paragraph (its first words, up to the first stop or dash) is written as
a *shape*, each number, month, weekday and roman numeral replaced by its class and the marks kept
(``"D th . —"``, ``"M . the D th ."``, ``"R . W . —"``); a shape that names a day, a month or a weekday
and opens many paragraphs spread through the text is one of the source's entry heads
(:func:`head_shapes`), and each paragraph opening with it gets the head cue ``lead_shape``
(:func:`mark_shape_heads`), which the cascade reads as it reads a leading date.

A diary written a paragraph a day also heads some entries with no date at all, only the day they follow
("Next day about 1 o'clock the people met ...", "Next morning, mounted ..."): where the source's dated
entries run one paragraph each, a paragraph opening with such a phrase gets the head cue ``lead_next_day``
(:func:`mark_next_day_heads`); in a diary that tells a story over many paragraphs a day, "Next morning I
felt ..." goes on with the entry it is in.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import Any, Iterator

from .. import lexicons
from ..extract.dates.lexicon import ORD_DAY, ROMAN_DAY, year_re
from ..settings import SegmentSettings
from .lines import Unit, prose_features

__all__ = ["Opening", "openings", "opening", "head_shapes", "mark_shape_heads", "head_date_text", "LEAD_FEATURES",
           "run_in_head",
           "counted_day",
           "one_paragraph_share", "mark_next_day_heads", "NEXT_DAY_RE", "SAME_DAY_RE", "year_head", "year_heads",
           "row_date_column"]

#: the cues of a paragraph's opening that the line rules already read as an entry head whatever the text
#: around it (or as the same entry going on): a shape adds nothing to them (a day alone, "2nd.", opens an
#: entry only inside a diary: where the source shows it is its entries' head, it opens one anywhere)
LEAD_FEATURES = ("lead_date", "lead_month", "lead_clock", "lead_time")

_MONTH_NAMES = frozenset(w for w, _ in lexicons.pairs("months"))
_MONTH_ABBREVIATIONS = frozenset(w for w, _ in lexicons.pairs("month_abbreviations"))
_WEEKDAY_NAMES = frozenset(w for w, _ in lexicons.pairs("weekdays"))
_WEEKDAY_ABBREVIATIONS = frozenset(w for w, _ in lexicons.pairs("weekday_abbreviations"))
#: the day of the week each weekday's name or abbreviation stands for, Monday 0
_WEEKDAY_NUMBER = {w: int(n) for w, n in (*lexicons.pairs("weekdays"), *lexicons.pairs("weekday_abbreviations"))}

#: an ordinal in words past the days of a month, counting days ("forty-fifth", "ONE HUNDREDTH"): a ten and a
#: unit's ordinal, or an ordinal ten
_TENS = {w: int(n) for w, n in lexicons.pairs("number_words") if n.isdigit() and 20 <= int(n) <= 90
         and int(n) % 10 == 0}
_UNIT_ORDINALS = {w: int(n) for w, n in lexicons.pairs("ordinal_words") if n.isdigit() and 1 <= int(n) <= 9}
_ORDINAL_TENS = {w: int(n) for w, n in lexicons.pairs("ordinal_tens")}
_COUNT = (r"(?i:(?:" + "|".join(_TENS) + r")[\s-](?:" + "|".join(_UNIT_ORDINALS) + r")|"
          + "|".join(w.replace(" ", r"\s+") for w in sorted(_ORDINAL_TENS, key=len, reverse=True)) + r")(?![\w-])")
#: a head counting days, not naming one: "SECOND DAY.—", "Forty-fifth day.", "the 100th day:"
_COUNTED_DAY_RE = re.compile(r"^\s*(?:[Tt]he\s+)?(?P<n>\d+(?:st|nd|rd|th|d)|" + _COUNT + "|" + ORD_DAY
                             + r")\s+(?i:day)\b")

# a day written in words ("twenty-third", "Twenty third") is one token, of the class of "23rd"; a count past
# the days of a month ("forty-fifth") one token of the same class, so that a journal counting its days past the
# thirty-first keeps one shape
_TOKEN_RE = re.compile(r"(?P<num>\d+)(?P<ord>st|nd|rd|th|d)?(?![^\W\d_])|(?P<spelled>" + ORD_DAY + r")"
                       r"|(?P<count>" + _COUNT + r")"
                       r"|(?P<word>[^\W\d_][\w'’]*)"
                       r"|(?P<dash>[—–]+|-{2,}|(?<=\s)-(?=\s))|(?P<mark>[^\w\s])")
_ROMAN_RE = re.compile(r"(?=[ivxlcdm]+$)m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$", re.I)
#: a day of the month right after a word, its ordinal or none ("Sat 1st", "Thurs 6"), not a year or a count
_DAY_AFTER_RE = re.compile(r"[ \t]+(?:[12]?\d|3[01])(?:st|nd|rd|th|d)?(?![\w.,:]*\d)(?![^\W\d_])")
#: a month's day in roman numerals before "day of" ("xij day of", "iiij day of"), as old records write it
_ROMAN_DAY_RE = re.compile(ROMAN_DAY)
#: the classes of a head that names its day as a phrase, run into the entry's first words ("The xiij day of March
#: was ...", "The 3rd day of May, being Sunday, ..."): the day's ordinal, the word "day", "of" and the month
_DAY_OF_HEAD = ("D", "th", "day", "of", "M")
#: marks after which a capital word begins a new sentence
_STOPS = frozenset(".!?:;")
#: the classes that name a date, or number a head, and so never end an opening by beginning a sentence
_HEAD_CLASSES = frozenset({"D", "N", "M", "W", "R"})
#: opening quotation marks
_QUOTES = frozenset("“\"‘«„")
#: the largest number that may be a day of the month
_LAST_DAY = 31
#: a paragraph opening with a phrase naming the day after the entry above: "Next day about 1 o'clock ...",
#: "The following morning, ..." (not "Next day's work" nor "next-day")
NEXT_DAY_RE = re.compile(r"^(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+")
                                             for p in lexicons.words("next_day_openers")) + r")(?![\w'’-])", re.I)
#: a paragraph opening with a phrase naming the day of the entry above: "The same day at noon ...", "The same
#: night ..." (a chronicler's second entry of one day)
SAME_DAY_RE = re.compile(r"^(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+")
                                             for p in lexicons.words("same_day_openers")) + r")(?![\w'’-])", re.I)
#: a year alone heading a paragraph, after "A.D." or not, closed by its stop or a dash, the entry run in after it
#: ("A.D. 1066. The king ...", "1712.—The winter ..."): not a year that begins a sentence ("1712 was a hard year")
_YEAR_HEAD_RE = re.compile(r"^\s*" + year_re("year") + r"(?:\.?\s*(?:[—–]+|-{2,})|\.(?=\s|$))")
#: the cues that open a dated entry before the cascade runs: a date line, a leading date or day, a head shape
_ENTRY_HEAD_FEATURES = ("lead_date", "lead_day", "lead_shape")


@dataclass(frozen=True)
class Opening:
    """The opening of a paragraph: its shape, its text, and what in it names a date."""

    #: the classes and marks, space-separated: "D th . —"
    shape: str
    #: the opening as written: "9th.—"
    text: str
    #: the words of it that name a date ("Oct 9th", "3rd", "Tuesday"), in order
    date_words: tuple[str, ...]

    @property
    def dated(self) -> bool:
        """Return True when the opening names a day of the month (with its ordinal or beside a word: "3rd",
        "Day 14"), a month or a weekday, in no more words than it has numbers and names of days; a number
        alone ("12.") numbers a paragraph, it dates nothing. A quoted paragraph ("“4 May.—Come at once.”")
        is a message or a speech read out, not an entry's head."""
        classes = self.shape.split()
        if not classes or classes[0] in _QUOTES:
            return False  # what a paragraph quotes is somebody's message or speech: the line rules read its head
        if _day_of_head(classes):
            return True  # "The xiij day of March": the day named as a phrase
        words = [c for c in classes if c[:1].isalpha() and c.islower() and c != "th"]
        if len(words) > sum(c in _HEAD_CLASSES for c in classes):
            return False  # a sentence that names a day ("3 men came to the door."), not a head
        if any(a == "D" and b == "th" and c == "day" for a, b, c in zip(classes, classes[1:], classes[2:])):
            return True  # "SECOND DAY.—", "Forty-fifth day.": a journal counting its days (of a voyage, a captivity)
        day_ordinal = any(a == "D" and b == "th" for a, b in zip(classes, classes[1:]))  # not "45th Regiment"
        if day_ordinal and not ("M" in classes or "W" in classes or "the" in classes) and \
                not any(w[:1].isdigit() for w in self.date_words):
            return False  # "First.—", "Secondly": the steps of an argument; "The first.—" is a day
        return "M" in classes or "W" in classes or day_ordinal or ("D" in classes and bool(words))


def _classify(match: re.Match, text: str) -> tuple[list[str], str | None]:
    """Return the classes one token stands for, and the date word it is (or None)."""
    if match.group("num"):
        value = int(match.group("num"))
        day = len(match.group("num")) <= 2 and 1 <= value <= _LAST_DAY
        if match.group("ord"):
            return (["D", "th"] if day else ["N", "th"]), match.group(0) if day else None
        return (["D"] if day else ["N"]), match.group(0) if day else None
    if match.group("spelled"):
        return ["D", "th"], match.group(0)
    if match.group("count"):
        return ["D", "th"], None  # of the shape of the days it goes on counting ("THIRTIETH DAY.—"), naming none
    if match.group("dash"):
        return ["—"], None
    if match.group("mark"):
        return [match.group("mark")], None
    word = match.group("word")
    low = word.lower()
    dotted = text[match.end():match.end() + 1] == "."
    if word[:1].isupper():
        # a month's or weekday's name is written with a capital ("May we go" opens no entry in May), its
        # abbreviation with its stop ("Sat.", not "Sat down") or before the day it names, as a diarist who
        # writes no stops heads her days ("Tues 9th  mended the fence")
        dayed = _DAY_AFTER_RE.match(text, match.end()) is not None
        if low in _MONTH_NAMES or (low in _MONTH_ABBREVIATIONS and (dotted or dayed)):
            return ["M"], word
        if low in _WEEKDAY_NAMES or (low in _WEEKDAY_ABBREVIATIONS and (dotted or dayed)):
            return ["W"], word
    if _ROMAN_DAY_RE.match(text, match.start()):
        return ["D", "th"], word  # "The xiij day of March was ...": a month's day in roman numerals, as a day
    if _ROMAN_RE.match(word) and (word.islower() or word.isupper()) and (
            dotted or text[match.end():match.end() + 1] == ")") and not (len(word) == 1 and word in "Iv"):
        return ["R"], None  # ("I." or "v." alone: the pronoun, "versus")
    return [low], None


def openings(text: str, max_words: int) -> tuple[Opening, ...]:
    """Return the openings a paragraph may be read to begin with, shortest first: its first words up to each
    stop a capital word follows ("23rd." in "23rd. Thursday, my birthday, ..."), the last up to the first dash
    or the first stop a new sentence follows; none past ``max_words`` words and numbers.

    An aside in brackets ("8th (Sunday).", "5th (Lord’s day).") is no part of a head's form: its words count
    towards ``max_words``, not in the shape.

    >>> [o.shape for o in openings("xii. Tuesday.—Rain.", 6)]
    ['R .', 'R . W . —']
    """
    out: list[Opening] = []
    classes: list[str] = []
    date_words: list[str] = []
    words = depth = 0
    last = prev = None

    def cut(end: int) -> None:
        if classes:
            out.append(Opening(" ".join(classes), text[:end], tuple(date_words)))

    # the tokens read one ahead, not all 400 characters' worth: most openings end within a few words
    for m, nxt in _with_next(_TOKEN_RE.finditer(text[:400])):
        last = m
        mark = m.group("mark")
        if not m.group("dash") and not mark:
            words += 1
            if words > max_words:
                return tuple(out)
        if mark in ("(", "[") or (mark in (")", "]") and depth):
            depth += 1 if mark in ("(", "[") else -1
            continue
        if depth:
            continue
        token_classes, date_word = _classify(m, text)
        if _day_of_head(classes) and (mark == "," or (m.group("word") and token_classes[0] not in _HEAD_CLASSES)):
            # "The xiij day of March was ...", "The 3rd day of May, being ...": the day named as a phrase, the
            # entry's words run in after it
            cut(prev.end())
            return tuple(out)
        if (m.group("word") or m.group("spelled")) and _run_in_head(classes) and \
                (token_classes[0] == "D" or token_classes[0] not in _HEAD_CLASSES):
            # "Tues 9th  mended the fence", "Wed 1st  first day of the month": a head of days written without
            # a stop, the entry's words after it (a second day is the entry's, the head has its own)
            cut(prev.end())
        prev = m
        classes += token_classes
        if date_word:
            date_words.append(date_word)
        if m.group("dash"):
            cut(m.end())
            return tuple(out)
        if mark in _STOPS:
            if nxt is None:
                cut(m.end())
                return tuple(out)
            if nxt.group("dash") or nxt.group("mark") or nxt.start() == m.end():
                continue
            if nxt.group(0)[:1].isupper() or nxt.group(0)[:1] in _QUOTES:
                if _classify(nxt, text)[0][0] not in _HEAD_CLASSES:
                    cut(m.end())
                    return tuple(out)
                if nxt.group("word"):
                    cut(m.end())  # "23rd. Thursday, ...": the day may be the whole head
    if last is not None and not depth:
        cut(last.end())
    return tuple(out)


def _day_of_head(classes: list[str]) -> bool:
    """Return True when the classes read so far name a day as a phrase and nothing else ("the D th day of M")."""
    return tuple(classes[-len(_DAY_OF_HEAD):]) == _DAY_OF_HEAD and all(
        c == "the" for c in classes[:-len(_DAY_OF_HEAD)])


def _run_in_head(classes: list[str]) -> bool:
    """Return True when the classes read so far are a day of the month with its weekday or month and nothing
    else ("W D th", "M D"): a head complete without a stop, when the words of the entry follow it."""
    return "D" in classes and ("W" in classes or "M" in classes) and all(
        c in _HEAD_CLASSES or c == "th" for c in classes)


def _with_next(items: Iterator[Any]) -> Iterator[tuple[Any, Any]]:
    """Return (item, the item after it or None) for each item, reading one item ahead."""
    item = next(items, None)
    while item is not None:
        after = next(items, None)
        yield item, after
        item = after


def opening(text: str, max_words: int) -> Opening | None:
    """Return the longest opening of a paragraph (:func:`openings`), or None when it has none.

    >>> opening("9th.—I went out.", 6).shape
    'D th . —'
    >>> opening("Oct. the 9th. Went to town.", 6).shape
    'M . the D th .'
    >>> opening("8th (Sunday). To church.", 6).text
    '8th (Sunday).'
    >>> opening("In the morning we went to the river and back.", 6) is None
    True
    """
    found = openings(text, max_words)
    return found[-1] if found else None


def head_shapes(units: list[Unit], settings: SegmentSettings | None = None) -> frozenset[str]:
    """Return the shapes the source's entries open with: shapes of paragraph openings that name a date
    (:attr:`Opening.dated`), open ``head_shape_min_count`` paragraphs or more, with most stretches from
    one to the next of ``head_shape_min_entry_words`` words or more (not the lines of a table or a list)
    and reaching over ``head_shape_min_reach`` of the source's words.

    A source-level vote, like the cascade's :func:`~quellen.segment.cascade.dates_letters_at_foot`: one
    paragraph opening "Day 14.—" is a sentence like any other; twenty are the diarist's way of heading
    an entry.
    """
    s = settings or SegmentSettings()
    where: dict[str, list[int]] = {}
    words_at: dict[str, list[tuple[str, ...]]] = {}
    for i, unit in enumerate(units):
        if unit.cue not in ("prose", "dateline", "heading"):
            continue
        found = {o.shape: o for o in openings(unit.text, s.head_shape_max_words) if o.dated
                 and (unit.cue != "heading" or _run_in(o, unit))}
        for shape, o in found.items():
            where.setdefault(shape, []).append(i)
            words_at.setdefault(shape, []).append(o.date_words)
    total = sum(u.n_words for u in units) or 1
    before = [0]
    for unit in units:
        before.append(before[-1] + unit.n_words)
    shapes = set()
    for shape, at in where.items():
        if len(at) < s.head_shape_min_count:
            continue
        stretches = [before[b] - before[a] for a, b in zip(at, at[1:])]
        reach = (before[at[-1] + 1] - before[at[0]]) / total
        if reach < s.head_shape_min_reach:
            continue
        if statistics.median(stretches) >= s.head_shape_min_entry_words or _keeps_calendar(words_at[shape], s):
            shapes.add(shape)
    return frozenset(shapes)


def _keeps_calendar(date_words: list[tuple[str, ...]], s: SegmentSettings) -> bool:
    """Return True when openings that each give a day of the month and a weekday ("2. Wed.", "3. Thurs.")
    keep the calendar from one to the next: the weekday moves on as many days as the day of the month
    (within a month), for at least ``head_shape_calendar_agreement`` of ``head_shape_min_count`` such steps.

    A diary of a line a day (an almanac's, a farmer's) has short entries, like the rows of a table; but a
    table's numbers do not walk through the week in step with the days, a diary's heads do.
    """
    days: list[tuple[int, int] | None] = []
    for words in date_words:
        numbers = [int(w) for w in words if w.isdigit()]
        weekdays = [_WEEKDAY_NUMBER[w.lower()] for w in words if w.lower() in _WEEKDAY_NUMBER]
        days.append((numbers[0], weekdays[0]) if len(numbers) == 1 and len(weekdays) == 1 else None)
    steps = [(a, b) for a, b in zip(days, days[1:]) if a and b and b[0] > a[0]]
    if len(steps) < s.head_shape_min_count:
        return False
    kept = sum((b[1] - a[1]) % 7 == (b[0] - a[0]) % 7 for a, b in steps)
    return kept / len(steps) >= s.head_shape_calendar_agreement


def year_head(text: str) -> str | None:
    """Return the year a paragraph opens with as its head ("A.D. 1066. The king ..." -> "A.D. 1066."), or None.

    >>> year_head("A.D. 1066. The king died."), year_head("1712 was a hard year.")
    ('A.D. 1066.', None)
    """
    m = _YEAR_HEAD_RE.match(text)
    return m.group(0).strip() if m else None


def year_heads(units: list[Unit], settings: SegmentSettings | None = None) -> bool:
    """Return True when the source heads its entries with their year (:func:`year_head`): annals, a chronicle,
    a chronology, the years of a register; ``head_shape_min_count`` paragraphs or more open with a year, reaching
    over ``head_shape_min_reach`` of the source's words, and the years rise from one to the next at least
    ``year_head_rising`` of the steps, half the stretches from one to the next at least ``head_shape_min_entry_words``
    words (not the lines of a chronology, "1809. Born at Ashby."), half the steps from one year to the next at most
    ``year_head_max_median_step`` years (an annalist goes year by year; a list of a church's rectors or a history's
    turning points leaps decades), and at least ``year_head_min_one_paragraph`` of the years' entries run one
    paragraph.

    A source-level vote, like :func:`head_shapes`: one paragraph opening "1712." is a sentence about that year;
    a run of them, year after year in order, is the annalist's way of heading a year's entry (a list of
    works or events would not keep the order so, nor reach through the text). An annalist gives a year a paragraph;
    a history or a memoir that opens a paragraph now and then with its year ("1846. That was the year the river
    rose ...") tells on over the paragraphs after it, and is one text.
    """
    s = settings or SegmentSettings()
    at: list[int] = []
    years: list[int] = []
    for i, unit in enumerate(units):
        m = _YEAR_HEAD_RE.match(unit.text) if unit.cue in ("prose", "dateline", "heading") else None
        if m:
            at.append(i)
            years.append(int(m.group("year")))
    if len(at) < s.head_shape_min_count:
        return False
    total = sum(u.n_words for u in units) or 1
    reach = sum(u.n_words for u in units[at[0]:at[-1] + 1]) / total
    rising = sum(b > a for a, b in zip(years, years[1:])) / (len(years) - 1)
    stretches = [sum(u.n_words for u in units[a:b]) for a, b in zip(at, at[1:])]
    steps = [b - a for a, b in zip(years, years[1:])]
    return reach >= s.head_shape_min_reach and rising >= s.year_head_rising and \
        statistics.median(steps) <= s.year_head_max_median_step and \
        statistics.median(stretches) >= s.head_shape_min_entry_words and \
        _one_paragraph_years(units, at) >= s.year_head_min_one_paragraph


def _one_paragraph_years(units: list[Unit], at: list[int]) -> float:
    """Return the share of the year-headed entries (from each of the units ``at`` to the next, or to a heading)
    that run one paragraph; an entry with no paragraph (a year line over the next) is none."""
    counts: list[int] = []
    for i, end in zip(at, [*at[1:], len(units)]):
        count = 1 if units[i].cue == "prose" else 0
        for unit in units[i + 1:end]:
            if unit.cue == "heading":
                break
            count += unit.cue == "prose" and unit.para
        if count:
            counts.append(count)
    return sum(c == 1 for c in counts) / len(counts) if counts else 0.0


#: the rule between the columns of a printed form or a table run together on one line: "Place | Date | Hour | ..."
_COLUMN_RULE_RE = re.compile(r"\s*\|\s*")
#: a month's name right before a year ("JUNE, 1916"), as a form's printed head fills in the month of its rows
_FORM_MONTH_RE = re.compile(r"\b(?i:" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?,?\s+1\d{3}\b")
#: a month's name in a row of the form ("Engine house | June 2 | ...")
_MONTH_WORD_RE = re.compile(r"\b(?i:" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\b")


def row_date_column(units: list[Unit], settings: SegmentSettings | None = None) -> int | None:
    """Return the column that gives the day in a form or table printed a row a line with its columns parted by
    upright strokes ("do. | 2nd | 9 a.m. | Route march. |"), or None: the column whose cell is a day of the month
    (:attr:`Opening.dated`, "2nd", "12th–15th") in ``head_shape_min_count`` rows or more and in most of the rows that
    fill it; a diary kept on a printed form (a war diary, a log, a register) has one row an entry. The form names
    the month its days are of (its head, "Month of JUNE, 1884.", or a cell): ordinals in a column of a table that
    names no month are ranks or places ("1st | A. Hale | 92 marks |"), no days.
    """
    s = settings or SegmentSettings()
    dated: dict[int, int] = {}
    filled: dict[int, int] = {}
    for unit in units:
        cells = _COLUMN_RULE_RE.split(unit.text.strip())
        if unit.cue not in ("prose", "heading", "dateline") or len(cells) < 3:
            continue
        for i, cell in enumerate(cells[:-1]):
            if not cell:
                continue
            filled[i] = filled.get(i, 0) + 1
            if _day_cell(cell):
                dated[i] = dated.get(i, 0) + 1
    best = max(dated, key=dated.get, default=None)
    if best is None or dated[best] < s.head_shape_min_count or dated[best] * 2 <= filled[best]:
        return None
    return best if any(_FORM_MONTH_RE.search(u.text) or _MONTH_WORD_RE.search(u.text) and " | " in u.text
                       for u in units) else None


def _day_cell(cell: str) -> bool:
    """Return True when a form's cell gives a day and nothing else ("2nd", "12th–15th", "Tues. 3"), not a count
    ("Item 4") nor a sentence."""
    cell = re.split(r"\s*[–—-]\s*|\s+to\s+", cell, maxsplit=1)[0]  # a span of days, "12th–15th": its first
    found = opening(cell, 3)
    return found is not None and found.dated and len(found.text) >= len(cell.rstrip(". ")) and \
        all(c == "th" or not c[:1].isalpha() or not c.islower() for c in found.shape.split())


def mark_shape_heads(units: list[Unit], settings: SegmentSettings | None = None) -> list[Unit]:
    """Return ``units``, each paragraph that opens with one of the source's head shapes (:func:`head_shapes`)
    and has no other head cue given the feature ``lead_shape`` (the opening as written).

    The units are changed in place, as :func:`~quellen.segment.lines.make_units` makes them: the cue is
    one more of their features.
    """
    s = settings or SegmentSettings()
    shapes = head_shapes(units, s)
    if year_heads(units, s):
        for unit in units:
            # an annal run in after its year ("A.D. 1066. The king ..."): the year is the entry's head
            head = year_head(unit.text) if unit.cue == "prose" and unit.para else None
            if head and not any(unit.features.get(k) for k in (*LEAD_FEATURES, "lead_shape")):
                unit.features["lead_shape"] = head
    column = row_date_column(units, s)
    for unit in units if column is not None else ():
        # a row whose day column is filled opens the day's entry; a row with it blank is a later hour of the same day
        cells = _COLUMN_RULE_RE.split(unit.text.strip())
        if unit.cue == "prose" and len(cells) == 1 and unit.n_words <= s.head_shape_max_words * 2 and \
                _FORM_MONTH_RE.search(unit.text):
            # the form's printed head over its rows ("Month of JUNE, 1916.  2nd Bn. ..."): the month the rows are of
            unit.cue, unit.features = "heading", {}
            continue
        if unit.cue in ("prose", "heading") and len(cells) > column + 1 and cells[column]:
            if _day_cell(cells[column]):
                unit.cue, unit.features = "prose", prose_features(unit.text)
                unit.features["lead_shape"] = cells[column]
    if not shapes:
        return units
    for unit in units:
        if unit.cue == "heading" and unit.para:
            # a short entry written without a stop ("Mon 8th  hauled wood all day") looks
            # like a title to the line rules; opening with the source's head, words after it, it is an entry
            found = [o for o in openings(unit.text, s.head_shape_max_words) if o.shape in shapes and _run_in(o, unit)]
            if found:
                unit.cue, unit.features = "prose", prose_features(unit.text)
                unit.features["lead_shape"] = found[-1].text
            continue
        if unit.cue != "prose" or any(unit.features.get(k) for k in LEAD_FEATURES):
            continue
        found = [o for o in openings(unit.text, s.head_shape_max_words) if o.shape in shapes]
        if found:
            unit.features["lead_shape"] = found[-1].text
    return units


def run_in_head(line: str, max_words: int = 6) -> str | None:
    """Return the head of days a line opens with when it is written without a stop and the entry runs on after it
    ("Sat 7th  paid the account of Mr Hollis" -> "Sat 7th"), else None: such a line is an entry, whatever
    its words after the head look like (a series heading's "account of X").

    >>> run_in_head("Tues 9th  mended the fence"), run_in_head("Tues. 9th. Mended the fence.")
    ('Tues 9th', None)
    """
    found = next((o for o in openings(line, max_words) if _run_in_head(o.shape.split())), None)
    return found.text if found is not None and line[len(found.text):].strip() else None


def _run_in(found: Opening, unit: Unit) -> bool:
    """Return True when the opening is a head of days with no stop ("Thurs 6th") and words of the line follow
    it: on a line the line rules read as a heading, an entry run in after its head, not a title."""
    return _run_in_head(found.shape.split()) and bool(unit.text[len(found.text):].strip())


def head_date_text(head: str) -> str:
    """Return the words of an entry head that name its date, for the date reader ("Oct. the 9th." ->
    "Oct 9th", "xii. Tuesday.—" -> "Tuesday"), or "" when it names none; a number without its ordinal
    or a month ("Day 14") counts days of something else, not of the month.

    >>> head_date_text("Oct. the 9th.")
    'Oct 9th'
    >>> head_date_text("Day 14.—")
    ''
    """
    year = _YEAR_HEAD_RE.match(head)
    if year is not None and year.group(0).strip() == head.strip():
        return year.group("year")  # "A.D. 1066.": an annal's head names its year
    found = opening(head, len(head.split()) + 1)
    if found is None:
        return ""
    if _day_of_head(found.shape.split()):
        return found.text.strip(" ,.")  # "The xiij day of March": the phrase is the date, read whole
    month = "M" in found.shape.split()
    return " ".join(w for w in found.date_words if month or not w.isdigit())


def counted_day(head: str) -> int | None:
    """Return the number of the day a head counts ("SECOND DAY.—" 2, "Forty-fifth day." 45, "the 100th day" 100),
    or None when the head does not count days.

    >>> counted_day("ONE HUNDREDTH DAY.—"), counted_day("Day 14.—")
    (100, None)
    """
    m = _COUNTED_DAY_RE.match(head)
    if m is None:
        return None
    written = re.sub(r"[\s-]+", " ", m.group("n").lower())
    if written[:1].isdigit():
        return int(re.match(r"\d+", written).group(0))
    words = {re.sub(r"[\s-]+", " ", w): n for w, n in
             (*_ORDINAL_TENS.items(), *((w, int(n)) for w, n in lexicons.pairs("ordinal_words") if n.isdigit()))}
    if written in words:
        return words[written]
    ten, _, unit = written.partition(" ")
    return _TENS[ten] + _UNIT_ORDINALS[unit] if ten in _TENS and unit in _UNIT_ORDINALS else None


def one_paragraph_share(units: list[Unit]) -> tuple[float, int]:
    """Return (the share of the source's dated entries that run one paragraph, the number of dated entries).

    An entry is the stretch from a date line or a paragraph opening with a date (or the source's head shape)
    to the next; its paragraphs are its prose units, the head's own when it opens a paragraph; a heading
    ends it. A stretch with no paragraph (a date line over another) is no entry.
    """
    counts: list[int] = []
    count = None
    for unit in units:
        head = unit.cue == "dateline" or (unit.cue == "prose" and any(unit.features.get(k)
                                                                      for k in _ENTRY_HEAD_FEATURES))
        if head or unit.cue == "heading":
            if count:
                counts.append(count)
            count = (1 if unit.cue == "prose" else 0) if head else None
        elif count is not None and unit.cue == "prose" and unit.para:
            count += 1
    if count:
        counts.append(count)
    return (sum(c == 1 for c in counts) / len(counts) if counts else 0.0), len(counts)


def mark_next_day_heads(units: list[Unit], settings: SegmentSettings | None = None) -> list[Unit]:
    """Return ``units``, each paragraph that opens with a phrase naming the next day (:data:`NEXT_DAY_RE`) and
    has no other head cue given the feature ``lead_next_day`` (the phrase as written), one naming the day of the
    entry above (:data:`SAME_DAY_RE`) the feature ``lead_same_day``, when the source is a
    diary written a paragraph a day: ``next_day_min_entries`` dated entries or more, and at least
    ``next_day_min_one_paragraph`` of them one paragraph long (:func:`one_paragraph_share`).

    A source-level vote, like :func:`head_shapes`: where nearly every day has one paragraph, a paragraph
    beginning "Next day" is the next day's; where days run over many paragraphs it is the diarist telling
    what happened next. The units are changed in place.
    """
    s = settings or SegmentSettings()
    share, entries = one_paragraph_share(units)
    if entries < s.next_day_min_entries or share < s.next_day_min_one_paragraph:
        return units
    for unit in units:
        if unit.cue != "prose" or not unit.para or any(unit.features.get(k) for k in (*LEAD_FEATURES, "lead_shape")):
            continue
        m = NEXT_DAY_RE.match(unit.text)
        if m:
            unit.features["lead_next_day"] = m.group(0)
        m = SAME_DAY_RE.match(unit.text) if m is None else None
        if m:
            unit.features["lead_same_day"] = m.group(0)  # "The same day ...": another entry of that day
    return units
