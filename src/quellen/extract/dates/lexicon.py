"""The tagger's lexicon: month and weekday names, number words, units, the patterns every rule is built
from, the candidate record the steps pass along, and how a duration is written as a TIMEX3 value.
"""
from __future__ import annotations

import calendar as _cal
import re
from dataclasses import dataclass, field
from typing import Any


# -- lexicon ---------------------------------------------------------------------------
MONTHS = {name.lower(): i for i, name in enumerate(_cal.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(_cal.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(_cal.day_name)}
WEEKDAYS.update({"tues": 1, "wed": 2, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6, "mon": 0})
WORD_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
             "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
             "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
             "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1, "a couple of": 2,
             "half a": 0.5, "half an": 0.5, "a dozen": 12, "dozen": 12}
VAGUE = ("a few", "few", "several", "some", "many", "a number of", "a couple", "countless")
ORD_WORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
             "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
             "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21}
DECADE_WORD = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}
WEEKDAY_PLURALS = ("mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays")
SEASON = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
UNIT = {"second": "S", "minute": "MI", "hour": "H", "day": "D", "night": "D", "week": "W",
         "fortnight": "FN", "month": "M", "year": "Y", "decade": "DE", "century": "CE",
         "centurie": "CE", "weekend": "WE"}
TOD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "dawn": "MO",
        "daybreak": "MO", "dusk": "EV", "midday": "MI", "noon": "MI", "midnight": "NI"}

MFULL = "January|February|March|April|May|June|July|August|September|October|November|December"
MABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
WD = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"


def month_re(name: str) -> str:
    """Return the pattern of a month name or abbreviation, captured as group ``name``."""
    return rf"(?P<{name}>(?:{MFULL}|{MFULL.upper()})\b|(?:{MABBR})(?:\.|\b))"


def day_re(name: str) -> str:
    """Return the pattern of a day of the month (with its ordinal suffix), captured as group ``name``."""
    return rf"(?P<{name}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|d)?(?![\w])"


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


NUM_BODY = (r"\d+(?:\.\d+)?|(?:a\s+couple\s+of|half\s+an?|a\s+dozen|a\s+few|a\s+number\s+of|"
             r"several|some|many|few|countless|an?|" + "|".join(k for k in WORD_NUM if " " not in k) +
             r")(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?")
UNITS = r"(?P<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies)|weekends?)"
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


FULL_DATE_YEAR = re.compile(month_re("mon") + r"\s*(?:\d{1,2}(?:st|nd|rd|th|d)?,?\s*)?" + year_re("y"))


