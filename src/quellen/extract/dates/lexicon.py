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

MFULL = "January|February|March|April|May|June|July|August|September|October|November|December"
#: (with a letter-writer's forms, the last letter raised in the manuscript: "Feby", "Septr", "Decr")
MABBR = r"Jany|Feby|Augt|Septr|Octr|Novr|Decr|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
WD = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"


#: the Quakers' plain-style months, by the ordinal before "Month": "Fourth Month", "4th mo." -> 4
PLAIN_MONTHS = _numbers("plain_style_months")
_PLAIN_WORDS = [w for w in PLAIN_MONTHS if w.isalpha()]
#: a plain-style month: its ordinal in words with a capital ("Fourth", "FOURTH") or in digits ("4th"), then "Month" or
#: "mo." ("the fourth month" in lower case is the fourth month of anything: a siege, a voyage); case-sensitive inside
#: the patterns that ignore case
MPLAIN = (r"(?-i:(?:" + "|".join(sorted((w.capitalize() for w in _PLAIN_WORDS), key=len, reverse=True)) + "|"
          + "|".join(sorted((w.upper() for w in _PLAIN_WORDS), key=len, reverse=True))
          + r"|1[0-2](?:th)|[4-9]th|1st|2nd|2d|3rd|3d)\s+(?:Month|MONTH|mo\.|Mo\.))")


def month_re(name: str) -> str:
    """Return the pattern of a month name or abbreviation, or of a plain-style month ("Fourth Month"), captured as
    group ``name``; :func:`month_number` reads it."""
    return rf"(?P<{name}>(?:{MFULL}|{MFULL.upper()})\b|(?:{MABBR})(?:\.|\b)|{MPLAIN})"


def month_number(written: str) -> int | None:
    """Return the number of a month as written: a name or abbreviation ("March", "Mar.", "Feby") or a plain-style
    month ("Third Month", "3rd mo."); None for anything else.

    >>> month_number("Third Month"), month_number("3d mo."), month_number("Mar.")
    (3, 3, 3)
    """
    w = re.sub(r"\s+", " ", written.strip().lower()).rstrip(".")
    if w in MONTHS:
        return int(MONTHS[w])
    plain = re.fullmatch(r"(\w+) (?:month|mo)", w)
    if plain is None:
        return None
    ordinal = plain.group(1).replace("2d", "2nd").replace("3d", "3rd")
    return int(PLAIN_MONTHS[ordinal]) if ordinal in PLAIN_MONTHS else None


#: a day of the month written as an ordinal word -> its number ("twenty-second": 22), the words joined by a hyphen
DAY_WORDS = {re.sub(r"[\s-]+", "-", w): int(n) for w, n in ORD_WORD.items() if n <= 31}
#: the pattern of a day written in words, in any case, a space or a hyphen between its words ("Twenty second"):
#: longest first, so that "twenty-second" is not read as "twenty"; never the head of a compound ("first-born")
ORD_DAY = (r"(?i:" + "|".join(w.replace("-", r"[\s-]") for w in sorted(DAY_WORDS, key=len, reverse=True))
           + r")(?![\w-])")


def day_value(written: str) -> int:
    """Return the day of the month a day as written says: "22", "22nd", "twenty-second", "Twenty second" -> 22."""
    if written[:1].isdigit():
        return int(re.match(r"\d+", written).group(0))
    return DAY_WORDS[re.sub(r"[\s-]+", "-", written.lower())]


def spelled(written: str | None) -> bool:
    """Return True when a day is written in words ("the first"), not in digits ("the 1st")."""
    return bool(written) and not written[:1].isdigit()


def day_re(name: str) -> str:
    """Return the pattern of a day of the month (with its ordinal suffix, or written in words: "twenty-second"),
    captured as group ``name``; :func:`day_value` reads it."""
    return rf"(?P<{name}>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|d)?(?![\w])|{ORD_DAY})"


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


