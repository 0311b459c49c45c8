"""The tagger's lexicon: month and weekday names, number words, units, the patterns every rule is built
from, the candidate record the steps pass along, and how a duration is written as a TIMEX3 value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ...lexicons import pairs, words


# -- lexicon ---------------------------------------------------------------------------
def _numbers(name: str) -> dict[str, int | float]:
    """Return the word list ``name`` (``word = number``) as {word: int, or float when not whole}."""
    return {word: int(n) if n.isdigit() else float(n) for word, n in pairs(name)}


#: month and weekday names (English) -> number (January 1, Monday 0): read from data files, not from
#: the calendar module, whose names follow the process's locale
MONTHS = _numbers("months") | _numbers("month_abbreviations")
WEEKDAYS = _numbers("weekdays") | _numbers("weekday_abbreviations")
WORD_NUM = _numbers("number_words")
VAGUE = words("vague_quantities")
ORD_WORD = _numbers("ordinal_words")
DECADE_WORD = _numbers("decade_words")
WEEKDAY_PLURALS = words("weekday_plurals")
SEASON = dict(pairs("seasons"))
UNIT = dict(pairs("time_units"))
TOD = dict(pairs("times_of_day"))

MFULL = "|".join(name.capitalize() for name, _ in pairs("months"))
#: (with a letter-writer's forms, the last letter raised in the manuscript: "Feby", "Septr", "Decr")
MABBR = r"Jany|Feby|Augt|Septr|Octr|Novr|Decr|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
WD_NAMES = "|".join(name.capitalize() for name, _ in pairs("weekdays"))
#: a weekday by the church's name for it ("Lord's Day", "Sabbath": Sunday) -> number, as journals head their Sundays
CHURCH_WEEKDAYS = _numbers("church_weekdays")
#: the pattern of one, capitalised ("Lord's Day", "Lord's-day") or in capitals ("LORD'S DAY"), the longest first
#: ("Sabbath Day" before "Sabbath")
CHURCH_WEEKDAY = "(?:" + "|".join(
    "(?-i:" + "|".join(sep.join(form) for sep, form in (
        (r"[\s-]", [w[0].upper() + w[1:]] + [f"[{v[0].upper()}{v[0]}]{v[1:]}" for v in more]),
        (r"[\s-]", [w.upper()] + [v.upper() for v in more]))) + ")"
    for w, *more in (name.replace("'", "['’]").split()
                     for name in sorted(CHURCH_WEEKDAYS, key=len, reverse=True))) + r")(?![\w'’-])"


#: the plain style of Quaker writers, who number months and weekdays rather than name them: ordinal -> number
PLAIN = _numbers("plain_style")
_PLAIN_WORDS = "|".join(w.capitalize() for w in PLAIN if w[:1].isalpha())
_PLAIN_ORD = "|".join(w for w in PLAIN if w[:1].isdigit())
#: a month in the plain style: "the Sixth Month", "Sixth month", "SIXTH MONTH", "6th mo.", "6 mo", "2mo", with an
#: editor's bracketed correction or supplied word ("the Sixth [Seventh] Month", "the Sixth [Month]"). The word form
#: wants its capital ("in the first month of the war" is no date); never a month number alone ("the 6th" is a day)
PLAIN_MONTH = (rf"(?:(?-i:[Tt]he)\s+)?(?:(?-i:{_PLAIN_WORDS}|{_PLAIN_WORDS.upper()})"
               rf"|(?:{_PLAIN_ORD}|1[0-2]|[1-9])(?=\s*\[?\s*[Mm]o))"
               rf"(?:\s*\[(?i:{_PLAIN_WORDS}|{_PLAIN_ORD})\])?(?:\s+(?-i:\[?Month\]?|MONTH|month\b)|\s*(?-i:[Mm]o)\b\.?)")
#: a weekday in the plain style, "First Day" (Sunday) to "Seventh Day" (Saturday), "Fifth-day", or in figures as
#: many diarists wrote it, "5th day", "2d day": the word form capitalised, and not "the Second Day" of a story, "the
#: 5th day", "our 3rd day at sea" or "First Day of" anything (those count days, they name none)
_NOT_AFTER = "".join(rf"(?<!\b{w}\s)(?<!\b{w.capitalize()}\s)" for w in words("counting_determiners"))
PLAIN_WEEKDAY = (r"(?<![Tt]he\s)(?<!\d)(?:(?-i:(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh)(?:\s+Day|-[Dd]ay))"
                 rf"|{_NOT_AFTER}(?-i:1st|2n?d|3r?d|[4-7]th)[\s-](?-i:[Dd]ay)\b)(?!\s+of\b)")
_PLAIN_ONE_RE = re.compile(rf"(?i:\[\s*(?P<corr>{_PLAIN_WORDS}|{_PLAIN_ORD})\s*\])|(?P<ord>(?i:{_PLAIN_WORDS}"
                           rf"|{_PLAIN_ORD})|\b1[0-2](?![\d])|\b[1-9](?![\d]))")


#: a weekday's name, or a weekday in the plain style
WD = WD_NAMES + "|" + PLAIN_WEEKDAY


def plain_month(written: str) -> int | None:
    """Return the month a plain-style month names ("the Sixth Month" -> 6, "6th mo." -> 6), an editor's
    bracketed correction before the writer's slip ("the Sixth [Seventh] Month" -> 7); None for anything else.

    >>> plain_month("the Sixth [Seventh] Month"), plain_month("12th mo."), plain_month("10mo"), plain_month("May")
    (7, 12, 10, None)
    """
    if not re.fullmatch(PLAIN_MONTH, written.strip(), re.I):
        return None
    found = {k: v for m in _PLAIN_ONE_RE.finditer(written) for k, v in m.groupdict().items() if v}
    word = found.get("corr") or found.get("ord")
    return int(PLAIN[word.lower()]) if word and word.lower() in PLAIN else int(word) if word else None


def plain_weekday(written: str) -> int | None:
    """Return the weekday (Monday 0) a plain-style weekday names: "First Day" -> 6 (Sunday), "Second Day" -> 0,
    "5th day" -> 3 (Thursday).

    >>> plain_weekday("Fifth Day"), plain_weekday("5th day"), plain_weekday("Monday")
    (3, 3, None)
    """
    m = re.match(r"(?i)(first|second|third|fourth|fifth|sixth|seventh|1st|2n?d|3r?d|[4-7]th)[\s-]+day$",
                 written.strip())
    return (int(PLAIN[m.group(1).lower()]) - 2) % 7 if m and m.group(1).lower() in PLAIN else None


def month_of(written: str) -> int | None:
    """Return the month (January 1) a month's name ("June", "Jun.", "Feby") or a plain-style month ("the Sixth
    Month", "6th mo.") names, else None."""
    month = MONTHS.get(written.strip().lower().rstrip("."))
    return month if month is not None else plain_month(written)


def plain_month_in(text: str) -> int | None:
    """Return the month of the first plain-style month written in ``text`` ("12 of the Sixth Month, 1822" -> 6),
    else None."""
    m = re.search(PLAIN_MONTH, text, re.I)
    return plain_month(m.group(0)) if m else None


def weekday_of(written: str) -> int | None:
    """Return the weekday (Monday 0) a weekday's name ("Tuesday", "Tues."), a plain-style weekday ("Third
    Day") or the church's name for one ("Lord's Day") names, else None."""
    key = written.strip().lower().rstrip(".")
    wd = WEEKDAYS.get(key)
    if wd is None:
        wd = CHURCH_WEEKDAYS.get(re.sub(r"[\s-]+", " ", key.replace("’", "'")))
    return wd if wd is not None else plain_weekday(written)


#: every word that names a day of the calendar, a month, a feast or a season, lower case ("thursday", "mar",
#: "michaelmas", "lord's", "day"): a date line's words beside its date that name the day, never its place
_CALENDAR_TOKENS = frozenset(t for entry in (*WEEKDAYS, *MONTHS, *CHURCH_WEEKDAYS, *_numbers("latin_weekdays"),
                                             *SEASON, *words("feasts"), *words("named_day_words"))
                             for t in re.findall(r"[\w'’]+", entry.lower().replace("’", "'")))


def calendar_words(text: str) -> bool:
    """Return whether every word of ``text`` names a weekday, a month, a feast or a season ("Thursday",
    "Good Friday", "Lord's Day", "Michaelmas"), so that it dates a line and cannot be its place.

    >>> calendar_words("Thursday."), calendar_words("Easter Sunday"), calendar_words("Fenwick")
    (True, True, False)
    """
    found = re.findall(r"[\w'’]+", text.lower().replace("’", "'"))
    return bool(found) and all(t in _CALENDAR_TOKENS for t in found)


def month_re(name: str) -> str:
    """Return the pattern of a month name or abbreviation, or a month in the plain style ("the Sixth Month"),
    captured as group ``name``."""
    return rf"(?P<{name}>(?:{MFULL}|{MFULL.upper()})\b|(?:{MABBR})(?:\.|\b)|{PLAIN_MONTH})"


#: a day of the month written as an ordinal word -> its number ("twenty-second": 22), the words joined by a hyphen
DAY_WORDS = {re.sub(r"[\s-]+", "-", w): int(n) for w, n in ORD_WORD.items() if n <= 31}
#: the pattern of a day written in words, in any case, a space or a hyphen between its words ("Twenty second"):
#: longest first, so that "twenty-second" is not read as "twenty"; never the head of a compound ("first-born")
ORD_DAY = (r"(?i:" + "|".join(w.replace("-", r"[\s-]") for w in sorted(DAY_WORDS, key=len, reverse=True))
           + r")(?![\w-])")


#: a month's day in roman numerals before "day of", as old English records and their editions print it ("the
#: xiij day of March", "the iiij day of May": the last i written j); lower case, at most 31
ROMAN_DAY = r"(?<![\w'’])(?=[ivx])(?:xxxj?|xxxi|x{0,2}(?:ix|iv|v?i{0,4}j?))(?=\.?\s+(?i:day)\s+of\s)"
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman_value(written: str) -> int:
    """Return the number Roman figures say, a final j read as i: "xij" -> 12, "iiij" -> 4, "xiv" -> 14."""
    digits = [_ROMAN[c] for c in written.lower().replace("j", "i")]
    return sum(-d if k + 1 < len(digits) and d < digits[k + 1] else d for k, d in enumerate(digits))


def day_value(written: str) -> int:
    """Return the day of the month a day as written says: "22", "22nd", "twenty-second", "Twenty second", "xxij"
    -> 22."""
    if written[:1].isdigit():
        return int(re.match(r"\d+", written).group(0))
    key = re.sub(r"[\s-]+", "-", written.lower())
    return DAY_WORDS[key] if key in DAY_WORDS else roman_value(key)


def spelled(written: str | None) -> bool:
    """Return True when a day is written in words ("the first"), not in digits ("the 1st")."""
    return bool(written) and not written[:1].isdigit()


def day_re(name: str) -> str:
    """Return the pattern of a day of the month (with its ordinal suffix, or written in words: "twenty-second"),
    captured as group ``name``; :func:`day_value` reads it."""
    return rf"(?P<{name}>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|d)?(?![\w])|{ORD_DAY}|{ROMAN_DAY})"


def year_re(name: str, dash: bool = False) -> str:
    """Return the pattern of a written year (with A.D. or a dual year), captured as group ``name``.

    With ``dash`` (a year after a month: "January 1659-60", "February 1659-1660") the dual year may
    be written with a hyphen or an en dash too, captured as group ``{name}dash``: the rule that matched keeps it only
    for January-March (see :func:`~quellen.extract.dates.find.dual_year`), since "1914-18" alone is
    two years."""
    # a dual year "1651/2" or "1651/52" is the Lady Day reckoning of January-March
    tail = rf"/(?P<{name}dual>\d{{1,2}})(?!\d)"
    if dash:
        tail = rf"(?:{tail}|\s?[-–]\s?(?P<{name}dash>\d{{1,2}}|1\d{{3}})(?!\d))"
    return (rf"(?:A\.?\s?D\.?\s*)?(?P<{name}>1\d{{3}}|20\d{{2}})(?:{tail})?"
            rf"(?!\d)(?:\s*(?:A\.?D\.?|C\.?E\.?)(?!\w))?")


def elided_year_re(name: str) -> str:
    """Return the pattern of a year printed with its last digits left out ("17—", "18——", "184-", "17**"),
    as 18th- and 19th-century letters and novels print it: the digits printed are captured as group ``name``
    (two for a century, three for a decade). The dash ends the date: "October 14—October 20" is no year."""
    return rf"(?P<{name}>1\d{{1,2}})(?:[—–-]+|\*+)(?![\w*])(?!\s*[—–-]?\s*\d)"


NUM_BODY = (r"\d+(?:\.\d+)?|(?:a\s+couple\s+of|half\s+an?|a\s+dozen|a\s+few|a\s+number\s+of|"
             r"several|some|many|few|countless|an?|" + "|".join(k for k in WORD_NUM if " " not in k) +
             r")(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?")
UNITS = (r"(?P<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies)"
         r"|weekends?)")
MOD = (r"(?P<mod>(?:the\s+(?:very\s+)?(?:beginning|start|end|middle|close|first\s+half|second\s+half|"
        r"latter\s+half|latter\s+part|early\s+part|first\s+days|last\s+days)\s+of\s+)|early[\s-]+|"
        r"mid[\s-]*|late[\s-]+|the\s+early\s+|the\s+mid[\s-]*|the\s+late\s+)")
MARKER = (r"(?i:(?P<marker>,?\s*\(?\s*(?:(?:according\s+to|by)\s+(?:the\s+|a\s+)?)?(?:(?P<os>old[\s-]+style|"
           r"O\.\s?S\.|old\s+calendar|Julian\s+calendar)|(?P<ns>new[\s-]+style|N\.\s?S\.|new\s+calendar|"
           r"Gregorian\s+calendar))\s*\)?))")
IGNORE_CASE = re.I


@dataclass
class Cand:
    """One candidate expression before anchoring."""

    start: int
    end: int
    type: str
    kind: str
    data: dict[str, Any] = field(default_factory=dict)
    rule: str = ""
    prio: int = 0


def duration_value(n: float | str, unit: str) -> str:
    """Return the TIMEX3 duration value of ``n`` units ("X" for a vague number), e.g. ``P3D``."""
    if unit == "FN":
        return "P" + ("X" if n == "X" else _num(2 * n)) + "W"
    if unit == "WE":
        return f"P{n if n == 'X' else _num(n)}WE"
    if unit == "DE":
        return "P" + ("X" if n == "X" else _num(n * 10)) + "Y" if n != "X" else "PXDE"
    if unit == "CE":
        return "P" + ("X" if n == "X" else _num(n * 100)) + "Y" if n != "X" else "PXCE"
    t = "T" if unit in ("H", "S", "MI") else ""
    return f"P{t}{'X' if n == 'X' else _num(n)}{unit[0]}"


def duration_parts(parts: list[tuple[float, str]]) -> str:
    """Return one ISO 8601 duration for "four hours and 12 minutes" (parts largest unit first)."""
    date = "".join(f"{_num(n)}{u}" for n, u in parts if u in ("Y", "M", "W", "D"))
    time = "".join(f"{_num(n)}{u[0]}" for n, u in parts if u in ("H", "MI", "S"))
    return "P" + date + ("T" + time if time else "")


def _num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


#: a month and a year with or without the day between: "December 1857", "December the 22nd, 1857", "Dec. 22, 1857"
FULL_DATE_YEAR = re.compile(month_re("mon") + r"(?:,?\s+the\s+|\s*)(?:(?:\d{1,2}(?:st|nd|rd|th|d)?|" + ORD_DAY
                            + r"),?\s*)?" + year_re("y"))


