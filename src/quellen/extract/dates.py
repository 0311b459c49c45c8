"""Dates: temporal expressions found in English text and normalized to intervals.

The tagger is a set of rules over the text (regular expressions on word
boundaries, checked by small functions), in four steps:

1. **find** candidates: absolute and partial dates, numeric dates, years, decades,
   centuries, seasons, parts of months and years, weekdays, ordinal days, times of
   day, durations, sets and relative expressions ("two days later", "last week");
2. **choose** the longest non-overlapping candidates;
3. **merge** calendar twins into one date: parenthetical ("October 25 (November 7,
   new style)") and slash pairs ("16/28 August 1813"), and complete a partial date
   with a year written later in the same sentence;
4. **anchor** in text order: the document's own date (``dct``) anchors deictic
   expressions ("today", "a month ago"); the reference time, which follows the last
   explicit date, anchors anaphoric ones ("the next day", "two days later") and
   dates without a year. A deictic word is its speaker's: in quoted speech it is
   anchored on the reference time (the narrated day), and in the body of an account
   dated only at its foot the writing date anchors nothing. Where nothing anchors a date, its interval widens over
   what is known (or it stays without a Date) — the tagger never guesses a year.

Each result carries the TIMEX3 type and value, a :class:`~quellen.model.Date` for
DATE/TIME (proleptic Gregorian interval, precision, calendar as written), and the
rule and the anchor that produced it. :func:`parse_date` reads an isolated string
such as a letter's date line.
"""
from __future__ import annotations

import bisect
import calendar as _cal
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any, Callable

from ..model import DAY_RECORD_KINDS, FURNITURE_KINDS, Date, DateBasis, Document, Timex
from .calendars import (REFORM, calendar_for, country_of, gregorian_to_julian, julian_month_end,
                        julian_to_gregorian)

__all__ = ["parse_date", "tag", "tag_documents", "timex_json", "quote_spans", "retrospective_body", "MONTHS", "Anchor"]

# -- lexicon ---------------------------------------------------------------------------
MONTHS = {name.lower(): i for i, name in enumerate(_cal.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(_cal.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(_cal.day_name)}
WEEKDAYS.update({"tues": 1, "wed": 2, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6, "mon": 0})
_WORD_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
             "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
             "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
             "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1, "a couple of": 2,
             "half a": 0.5, "half an": 0.5, "a dozen": 12, "dozen": 12}
_VAGUE = ("a few", "few", "several", "some", "many", "a number of", "a couple", "countless")
_ORD_WORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
             "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
             "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21}
_DECADE_WORD = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}
_WEEKDAY_PLURALS = ("mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays")
_SEASON = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_UNIT = {"second": "S", "minute": "MI", "hour": "H", "day": "D", "night": "D", "week": "W",
         "fortnight": "FN", "month": "M", "year": "Y", "decade": "DE", "century": "CE",
         "centurie": "CE", "weekend": "WE"}
_TOD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "dawn": "MO",
        "daybreak": "MO", "dusk": "EV", "midday": "MI", "noon": "MI", "midnight": "NI"}

_MFULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_WD = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"


def _mon(name: str) -> str:
    return rf"(?P<{name}>(?:{_MFULL}|{_MFULL.upper()})\b|(?:{_MABBR})(?:\.|\b))"


def _day(name: str) -> str:
    return rf"(?P<{name}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|d)?(?![\w])"


def _year(name: str) -> str:
    # a dual year "1651/2" or "1651/52" is the Lady Day reckoning of January-March
    return (rf"(?:A\.?\s?D\.?\s*)?(?P<{name}>1\d{{3}}|20\d{{2}})(?:/(?P<{name}dual>\d{{1,2}})(?!\d))?"
            rf"(?!\d)(?:\s*(?:A\.?D\.?|C\.?E\.?)(?!\w))?")


_NUM_BODY = (r"\d+(?:\.\d+)?|(?:a\s+couple\s+of|half\s+an?|a\s+dozen|a\s+few|a\s+number\s+of|"
             r"several|some|many|few|countless|an?|" + "|".join(k for k in _WORD_NUM if " " not in k) +
             r")(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?")
_UNITS = r"(?P<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies)|weekends?)"
_MOD = (r"(?P<mod>(?:the\s+(?:very\s+)?(?:beginning|start|end|middle|close|first\s+half|second\s+half|"
        r"latter\s+half|latter\s+part|early\s+part|first\s+days|last\s+days)\s+of\s+)|early[\s-]+|"
        r"mid[\s-]*|late[\s-]+|the\s+early\s+|the\s+mid[\s-]*|the\s+late\s+)")
_MARKER = (r"(?i:(?P<marker>,?\s*\(?\s*(?:(?:according\s+to|by)\s+(?:the\s+|a\s+)?)?(?:(?P<os>old[\s-]+style|"
           r"O\.\s?S\.|old\s+calendar|Julian\s+calendar)|(?P<ns>new[\s-]+style|N\.\s?S\.|new\s+calendar|"
           r"Gregorian\s+calendar))\s*\)?))")
_I = re.I


@dataclass
class _Cand:
    """One candidate expression before anchoring."""

    start: int
    end: int
    type: str
    kind: str
    data: dict[str, Any] = field(default_factory=dict)
    rule: str = ""
    prio: int = 0


# -- step 1: find ---------------------------------------------------------------------------
_RULES: list[tuple[str, re.Pattern, Callable[[re.Match, str], _Cand | None]]] = []


def _rule(name: str, pattern: str, flags: int = 0, prio: int = 0):
    compiled = re.compile(pattern, flags)

    def register(func):
        def wrapped(m: re.Match, text: str) -> _Cand | None:
            cand = func(m, text)
            if cand is not None:
                cand.rule = cand.rule or name
                cand.prio = prio
            return cand
        _RULES.append((name, compiled, wrapped))
        return func
    return register


def _month_of(word: str | None) -> int | None:
    return MONTHS.get(word.lower().rstrip(".")) if word else None


def _marker(m: re.Match) -> str | None:
    if m.groupdict().get("os"):
        return "julian"
    if m.groupdict().get("ns"):
        return "gregorian"
    return None


def _dual(year: int, dual: str | None) -> int | None:
    """Return the modern year of "1651/2" (1652), or None when the pair is not a dual year."""
    if not dual:
        return None
    tail = int(dual)
    width = len(dual)
    second = year - year % 10 ** width + tail
    if second <= year:
        second += 10 ** width
    return second if second == year + 1 else None


def _abs(match: re.Match, start: int, end: int, rule: str, **data) -> _Cand:
    g = match.groupdict()
    year = int(g["y"]) if g.get("y") else None
    modern = _dual(year, g.get("ydual")) if year else None
    d = dict(y=modern or year, m=_month_of(g.get("mon")), d=int(g["d"]) if g.get("d") else None,
             d2=int(g["d2"]) if g.get("d2") else None, dual=modern is not None,
             marker=_marker(match), mod=_mod(g.get("mod")), weekday=_wd(g.get("wd")))
    d.update(data)
    return _Cand(start, end, "DATE", "abs", d, rule)


def _mod(text: str | None) -> str | None:
    if not text:
        return None
    t = text.lower()
    for key, mod in (("first half", "START"), ("second half", "END"), ("latter", "END"),
                     ("early", "START"), ("beginning", "START"), ("start", "START"),
                     ("first days", "START"), ("mid", "MID"), ("middle", "MID"), ("late", "END"),
                     ("end", "END"), ("close", "END"), ("last days", "END")):
        if key in t:
            return mod
    return None


def _wd(word: str | None) -> int | None:
    return WEEKDAYS.get(word.lower().rstrip(".")) if word else None


_WDPRE = rf"(?:(?P<wd>{_WD}),?\s+(?:the\s+)?)?"


@_rule("month-day-year", _WDPRE + _mon("mon") + r"\s*" + _day("d") + r"(?:\s*(?:[-–—]|to|and|or)\s*" + _day("d2") +
       r")?,?\s*" + _year("y") + _MARKER + "?", prio=5)
def _r_mdy(m, text):
    return _abs(m, m.start(), m.end(), "month-day-year")


@_rule("day-month-year", _WDPRE + r"(?:[Tt]he\s+)?" + _day("d") + r"(?:\s*(?:(?P<sep>[-–—/]|to|and|or)\s*)" + _day("d2") +
       r")?\s+(?:of\s+|day\s+of\s+)?" + _mon("mon") + r",?\s*" + _year("y") + _MARKER + "?", prio=5)
def _r_dmy(m, text):
    if m.group("sep") == "/":
        # "16/28 August 1813": the Julian and the Gregorian day of one date
        c = _abs(m, m.start(), m.end(), "slash-pair", d2=None)
        c.data["twin_day"] = int(m.group("d2"))
        return c
    return _abs(m, m.start(), m.end(), "day-month-year")


@_rule("month-day", _WDPRE + _mon("mon") + r"\s*" + _day("d") + r"(?:\s*(?:[-–—]|to|and|or)\s*" + _day("d2") +
       r")?(?!\s*,?\s*\d)(?!:)" + _MARKER + "?", prio=3)
def _r_md(m, text):
    if m.group("mon").lower().rstrip(".") in ("may", "mar") and not m.group("wd") and _modal_may(m, text):
        return None
    return _abs(m, m.start(), m.end(), "month-day")


@_rule("day-month", _WDPRE + r"(?:[Tt]he\s+)?" + _day("d") + r"(?:\s*(?:(?P<sep>[-–—/]|to|and|or)\s*)" + _day("d2") +
       r")?\s+(?:of\s+|day\s+of\s+)?" + _mon("mon") + r"(?!\s*,?\s*\d)" + _MARKER + "?", prio=3)
def _r_dm(m, text):
    if m.group("sep") == "/":
        c = _abs(m, m.start(), m.end(), "slash-pair", d2=None)
        c.data["twin_day"] = int(m.group("d2"))
        return c
    return _abs(m, m.start(), m.end(), "day-month")


def _modal_may(m: re.Match, text: str) -> bool:
    """Return True when "May 5" is more likely the verb ("they may 5 ...") — lower-case only."""
    return m.group("mon")[0].islower()


@_rule("month-year", _MOD + "?" + _mon("mon") + r",?\s+(?:of\s+)?" + _year("y") + _MARKER + "?", prio=4)
def _r_my(m, text):
    return _abs(m, m.start(), m.end(), "month-year")


_YEAR_CUE = re.compile(r"(?:\b(?:in|of|since|until|till|by|from|to|during|before|after|through|"
                       r"throughout|around|about|circa|c\.|ca\.|year|years|spring|summer|autumn|fall|"
                       r"winter|early|late|mid|between|and|or|the|that|this|end|beginning|middle|"
                       r"until|for|as|on)|[-–(,]|^)\s*$", re.I)
_YEAR_BAD_AFTER = re.compile(r"\s*(?:%|per\b|percent|[a-z]+s\b(?!\s+(?:ago|later|before|after|earlier)))",)


@_rule("year", _MOD + r"?(?:the\s+year\s+)?" + _year("y") + r"(?![\d,.]\d)" + _MARKER + "?", prio=1)
def _r_year(m, text):
    y = int(m.group("y"))
    if not 1000 <= y <= 2100:
        return None
    before = text[max(0, m.start() - 20):m.start()]
    if before.endswith(("$", "£", "№", "#", "No. ", "p. ", "pp. ")) or re.search(r"\d[,.]?$", before):
        return None
    after = text[m.end():m.end() + 12]
    if re.match(r"\s*(?:[-–]\s*\d|/\d)", after) and not m.group("ydual"):
        # "1914-1918" is two years; "1914-18" the second written short: let both stand as years
        pass
    cue = _YEAR_CUE.search(before) is not None or m.group("mod") or "year" in m.group(0).lower()
    if not cue and _YEAR_BAD_AFTER.match(after):
        return None
    if not cue and re.match(r"\s+[a-z]", after) and not re.match(
            r"\s+(?:and|or|to|when|where|he|she|they|we|it|there|was|were|had|saw|the)\b", after):
        return None
    c = _abs(m, m.start(), m.end(), "year")
    return c


@_rule("short-year-range", r"(?<=[-–])(?P<y>\d{2})(?!\d)")
def _r_short_year(m, text):
    # the "18" of "1914-18": a year in the century of the one before the dash
    prev = re.search(r"(1\d|20)(\d{2})[-–]$", text[max(0, m.start() - 6):m.start()])
    if not prev:
        return None
    y = int(prev.group(1) + m.group("y"))
    if y <= int(prev.group(1) + prev.group(2)):
        return None
    return _Cand(m.start(), m.end(), "DATE", "abs", dict(y=y, m=None, d=None, d2=None, dual=False,
                                                           marker=None, mod=None, weekday=None))


@_rule("numeric-date", r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/])")
def _r_numeric(m, text):
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    if len(m.group("y")) == 2:
        y += 1900
    if m.group("sep") == "." or a > 12:
        day, month = a, b  # European order
    else:
        month, day = a, b  # American order with "/" unless the first number cannot be a month
    try:
        dt.date(y, month, day)
    except ValueError:
        return None
    return _Cand(m.start(), m.end(), "DATE", "abs", dict(y=y, m=month, d=day, d2=None, dual=False,
                                                           marker=None, mod=None, weekday=None))


@_rule("iso-date", r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:T(?P<h>\d{2}):(?P<mi>\d{2}))?(?![\d])")
def _r_iso(m, text):
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    try:
        dt.date(y, mo, d)
    except ValueError:
        return None
    data = dict(y=y, m=mo, d=d, d2=None, dual=False, marker=None, mod=None, weekday=None)
    if m.group("h"):
        return _Cand(m.start(), m.end(), "TIME", "time", dict(data, hour=int(m.group("h")),
                                                               minute=int(m.group("mi"))))
    return _Cand(m.start(), m.end(), "DATE", "abs", data)


@_rule("month", r"(?:(?P<rel>last|next|this|that|the\s+following|the\s+previous|the\s+same)\s+)?" + _MOD +
       r"?(?P<mon>" + _MFULL + r")(?!\s*,?\s*\d)\b", prio=2)
def _r_month(m, text):
    word = m.group("mon")
    if not (m.group("rel") or m.group("mod")):
        # a bare month name is a date after a word of time ("in", "since", "by" ...); as a noun of its
        # own ("the spirit of July", "the July Monarchy") it names an event
        before = text[max(0, m.start() - 16):m.start()].lower()
        if not re.search(r"(?:\b(?:in|during|since|until|till|by|from|to|through|throughout|early|late|mid|"
                         r"and|or|last|next|this|before|after|around|about|between|for|month\s+of)|[-–—(,])\s*$",
                         before):
            return None
        if re.match(r"\s+[A-Z][a-z]", text[m.end():m.end() + 3]) and re.search(r"\bthe\s+$", before):
            return None
    if m.start() > 0 and text[m.start() - 1].isalpha():
        return None
    rel = (m.group("rel") or "").lower().split()[-1] if m.group("rel") else None
    return _Cand(m.start(), m.end(), "DATE", "month", dict(m=MONTHS[word.lower()], rel=rel,
                                                           mod=_mod(m.group("mod"))))


@_rule("decade", _MOD + r"?(?:the\s+)?(?P<mod2>early\s+|mid[\s-]*|late\s+)?(?:(?P<y>1\d{2}0|20[0-9]0)|['’](?P<yy>\d0))['’]?s\b", prio=4)
def _r_decade(m, text):
    mod = _mod(m.group("mod") or m.group("mod2"))
    if m.group("y"):
        return _Cand(m.start(), m.end(), "DATE", "decade", dict(y=int(m.group("y")), mod=mod))
    return _Cand(m.start(), m.end(), "DATE", "decade", dict(y=None, short=int(m.group("yy")) // 10, mod=mod))


@_rule("decade-word", _MOD + r"?the\s+(?P<mod2>early\s+|mid[\s-]*|late\s+)?['’]?(?P<w>twenties|thirties|forties|fifties|sixties|"
       r"seventies|eighties|nineties)\b", _I, prio=4)
def _r_decade_word(m, text):
    if re.match(r"\s+of\b", text[m.end():m.end() + 5]) or re.search(r"\b(?:his|her|their|my|our|your)\s+$",
                                                                      text[max(0, m.start() - 8):m.start()]):
        return None  # "in their twenties" is an age
    return _Cand(m.start(), m.end(), "DATE", "decade",
                 dict(y=None, short=_DECADE_WORD[m.group("w").lower()], mod=_mod(m.group("mod") or m.group("mod2"))))


@_rule("century", _MOD + r"?(?:the\s+)?(?P<mod2>early\s+|mid[\s-]*|late\s+)?(?P<c>\d{1,2}(?:st|nd|rd|th)|"
       + "|".join(sorted(_ORD_WORD, key=len, reverse=True)) +
       r")[\s-]+(?:centur(?:y|ies)|c\.)(?P<bc>\s*B\.?\s?C\.?)?", _I, prio=4)
def _r_century(m, text):
    c = m.group("c").lower()
    n = int(re.match(r"\d+", c).group(0)) if c[0].isdigit() else _ORD_WORD[c]
    if m.group("bc") or not 1 <= n <= 21:
        return None
    return _Cand(m.start(), m.end(), "DATE", "century", dict(c=n, mod=_mod(m.group("mod") or m.group("mod2"))))


@_rule("season", r"(?:(?P<rel>last|next|this|that|the\s+following|the\s+previous|the\s+same|the\s+next)\s+|the\s+)?"
       r"(?P<mod>early\s+|late\s+|mid-?)?(?P<s>spring|summer|autumn|fall|winter)"
       r"(?:(?:\s+of|,)?\s+" + _year("y") + r")?(?!\w)", _I, prio=3)
def _r_season(m, text):
    word = m.group("s").lower()
    before = text[max(0, m.start() - 16):m.start()].lower()
    if not (m.group("y") or m.group("rel")):
        if not re.search(r"\b(?:in|during|by|since|until|through|that|this|last|next|early|late)\s+(?:the\s+)?$",
                         before) and not re.search(r"\b(?:in|during|by|since|until|through)\s+$", before):
            return None
    if word == "fall" and not (m.group("y") or re.search(r"\b(?:in|last|next|this|that)\s+(?:the\s+)?$", before)
                               or (m.group("rel") or "").lower() in ("last", "next", "this", "that")):
        return None
    if word == "spring" and re.match(r"\s+(?:of|water|from)\b", text[m.end():m.end() + 8]) and not m.group("y"):
        return None
    rel = (m.group("rel") or "").lower().split()[-1] if m.group("rel") and m.group("rel").lower() != "the" else None
    y = int(m.group("y")) if m.group("y") else None
    return _Cand(m.start(), m.end(), "DATE", "season", dict(s=_SEASON[word], y=y, rel=rel, mod=_mod(m.group("mod")),
                                                          tense=_tense(text, m.start())))


@_rule("weekday", r"(?:(?P<rel>last|next|this|that|the\s+following|the\s+previous|the\s+next|on)\s+)?"
       r"(?:(?P<wmod>[Ll]ate|[Ee]arly)\s+)?(?P<wd>" + _WD + r")(?P<plural>s)?(?:\s+(?P<tod>morning|afternoon|evening|night))?"
       r"(?:\s+(?P<post>last|next)(?!\s+(?:week|month|year|time)))?\b", prio=2)
def _r_weekday(m, text):
    wd = WEEKDAYS[m.group("wd").lower()]
    rel = (m.group("rel") or "").lower().split()[-1] if m.group("rel") else None
    start = m.start() if rel != "on" else m.start("wmod") if m.group("wmod") else m.start("wd")
    if m.group("post") and rel in (None, "on"):
        rel = m.group("post")  # "Saturday last", "Monday next" (letters)
    if m.group("plural"):
        return _Cand(start, m.end(), "SET", "set", dict(value=f"XXXX-WXX-{wd + 1}"))
    if m.group("tod"):
        return _Cand(start, m.end(), "TIME", "weekday", dict(wd=wd, rel=None if rel == "on" else rel,
                                                            tod=_TOD[m.group("tod").lower()]))
    return _Cand(start, m.end(), "DATE", "weekday", dict(wd=wd, rel=None if rel == "on" else rel,
                                                        tense=_tense(text, m.start())))


_FUTURE = re.compile(r"\b(?:will|shall|won't|'ll|going\s+to|(?:is|are|am)\s+to|plans?|expects?|hopes?|until|till|"
                     r"begins|starts|opens|resumes|meets?|(?:is|are)\s+(?:scheduled|set|due)|fall\s+due|next)\b", re.I)
_PAST = re.compile(r"\b(?:since|was|were|had|did|said|told|lost|won|grew|fell|rose|took|made|came|went|began|left|"
                   r"met|held|paid|sold|saw|gave|became|brought|found|wrote|spent|struck|beat|ago|last|"
                   r"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bam\s)\w+ed)\b", re.I)


def _tense(text: str, pos: int) -> str | None:
    """Return "future", "past" or None: the tense of the clause before ``pos`` ("since" counts as past)."""
    clause = re.split(r"[.;!?\n](?!\d)", text[max(0, pos - 120):pos])[-1]
    if re.search(r"\bsince\s+$", clause, re.I):
        return "past"
    if _FUTURE.search(clause):
        return "future"
    if _PAST.search(clause):
        return "past"
    return None


_ORD_OK_AFTER = re.compile(r"\s*(?:$|[,.;:!?)\]—–-]|\s(?:and|or|at|in|on|we|I|he|she|they|it|there|when|the|a|my|to|for|by|from|"
                           r"with|until|till|if|but|is|has|\w+ed|"
                           r"our|his|her|their|was|were|came|had|of\s+(?:the\s+)?(?:month|this|that|same))\b)")


_MONTH_REF = r"(?P<mref>\s+(?:ult(?:imo|o)?|inst(?:ant)?|prox(?:imo)?)(?:\.|\b)|\s+of\s+(?:last|this|next)\s+month\b|\s+past\b(?!\s+\w+\s+(?:days|weeks)))"
_MREF_SHIFT = {"ult": -1, "ins": 0, "pro": 1, "las": -1, "thi": 0, "nex": 1, "pas": -1}


def _mref(m: re.Match) -> int | None:
    """Return the month shift a letter's "ult." (-1), "inst." (0) or "prox." (+1) asks for, or None."""
    word = (m.groupdict().get("mref") or "").strip().lower()
    if not word:
        return None
    word = word.split()[-2] if word.startswith("of ") else word
    return _MREF_SHIFT.get(word[:3])


@_rule("ordinal-month-ref", r"\b(?:[Tt]he\s+)?(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|d)" + _MONTH_REF, prio=2)
def _r_ordinal_ref(m, text):
    # "yours of the 14th ult.": the day of last month, "the 28th inst." of this one (letters)
    return _Cand(m.start(), m.end(), "DATE", "ordinal", dict(d=int(m.group("d")), mshift=_mref(m)))


@_rule("weekday-ordinal", r"\b(?P<wd>" + _WD + r"),?\s+(?:the\s+)?(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|d)\b"
       r"(?!\s+(?:of\s+)?(?:" + _MFULL + r"|" + _MABBR + r"))" + "(?:" + _MONTH_REF + ")?", prio=3)
def _r_weekday_ordinal(m, text):
    # a diary's "Monday 12th": the day of the month, the weekday a check on it
    return _Cand(m.start(), m.end(), "DATE", "ordinal", dict(d=int(m.group("d")), mshift=_mref(m),
                                                            weekday=WEEKDAYS[m.group("wd").lower()]))


@_rule("ordinal-day", r"\b[Tt]he\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|d)\b", prio=1)
def _r_ordinal(m, text):
    after = text[m.end():m.end() + 30]
    if not _ORD_OK_AFTER.match(after) or re.match(r"\s+(?:and|or)\s+\d", after) and False:
        return None
    if re.match(r"\s+of\s+(?:the\s+)?month", after):
        end = m.end() + re.match(r"\s+of\s+(?:the\s+)?month", after).end()
        return _Cand(m.start(), end, "DATE", "ordinal", dict(d=int(m.group("d"))))
    return _Cand(m.start(), m.end(), "DATE", "ordinal", dict(d=int(m.group("d"))))


@_rule("clock-time", r"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.\s?m\.|p\.\s?m\.|am\b|pm\b|a\.m\b|p\.m\b)|"
       r"(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?!\d|:\d)(?:\s*(?P<h24>hrs?\.?|hours|h)\b)?|"
       r"(?P<h3>\d{1,2}|" + "|".join(k for k in list(_WORD_NUM)[:12]) + r")\s+o['’]\s?clock)"
       r"(?:\s+(?:in\s+the\s+|at\s+)(?P<tod>morning|afternoon|evening|night))?"
       r"(?:\s+(?-i:[ECMP][SD]T|GMT|UTC|BST|CET|CEST)\b)?", _I, prio=3)
def _r_clock(m, text):
    if m.group("h") is not None:
        h, mi = int(m.group("h")), int(m.group("mi") or 0)
        pm = m.group("ap").lower().startswith("p")
        if not 1 <= h <= 12:
            return None
        h = (h % 12) + (12 if pm else 0)
    elif m.group("h2") is not None:
        if re.search(r"\d[:.]?$", text[max(0, m.start() - 2):m.start()]):
            return None
        h, mi = int(m.group("h2")), int(m.group("mi2"))
    else:
        w = m.group("h3").lower()
        h = int(w) if w.isdigit() else int(_WORD_NUM.get(w, 0))
        if not 1 <= h <= 12:
            return None
        mi = 0
        tod = (m.group("tod") or "").lower()
        if tod in ("afternoon", "evening", "night") and h < 12 and not (tod == "night" and h >= 11):
            h += 12
    return _Cand(m.start(), m.end(), "TIME", "time", dict(hour=h, minute=mi))


@_rule("time-word", r"\b(?:(?P<rel>this|that|the\s+next|the\s+following|the\s+same|yesterday|tomorrow|last|early\s+(?:that|this|the\s+next))\s+)?"
       r"(?P<tod>morning|afternoon|evening|night|noon|midday|midnight|dawn|daybreak|dusk)\b|\b(?P<tonight>tonight)\b|"
       r"\b(?P<overnight>overnight)\b(?![\s-]+(?:[a-z]+\s+)?(?:stay|trip|flight|train|bag|success|sensation|rate|guests?))",
       _I, prio=2)
def _r_time_word(m, text):
    if m.group("tonight"):
        return _Cand(m.start(), m.end(), "TIME", "tod", dict(tod="NI", base="dct", offset=0))
    if m.group("overnight"):
        # "held outside the port overnight": the night of the day being told
        return _Cand(m.start(), m.end(), "TIME", "tod", dict(tod="NI", base="ref", offset=0))
    tod = _TOD[m.group("tod").lower()]
    rel = (m.group("rel") or "").lower()
    before = text[max(0, m.start() - 12):m.start()].lower()
    if not rel:
        word = m.group("tod").lower()
        # "in the morning", "at night", "at noon": the part of the current day
        if word in ("noon", "midday", "midnight", "dawn", "daybreak", "dusk"):
            if not re.search(r"\b(?:at|by|until|till|before|after|about|around|towards?|from)\s+$", before):
                return None
        elif not re.search(r"\b(?:in|during|all|through|throughout|by|until|till|towards?)\s+the\s+$|\bat\s+$|"
                           r"\b(?:from|until|till|towards?)\s+$", before):
            return None
        start = m.start() - (len(before) - len(before.rstrip()) + 3) if before.rstrip().endswith("the") else m.start()
        if rel == "" and before.rstrip().endswith("the"):
            start = m.start() - len("the ") if text[m.start() - 4:m.start()].lower() == "the " else m.start()
        return _Cand(start, m.end(), "TIME", "tod", dict(tod=tod, base="ref", offset=0, vague=True))
    if rel == "last" and tod != "NI":
        return None
    base, offset = {"this": ("dct", 0), "that": ("ref", 0), "the same": ("ref", 0), "yesterday": ("dct", -1),
                    "tomorrow": ("dct", 1), "last": ("dct", -1)}.get(rel, ("ref", 1) if "next" in rel or "following" in rel
                                                                           else ("ref", 0))
    return _Cand(m.start(), m.end(), "TIME", "tod", dict(tod=tod, base=base, offset=offset))


_REL_WORDS = {
    "today": ("dct", 0, "D"), "yesterday": ("dct", -1, "D"), "tomorrow": ("dct", 1, "D"),
    "the day before yesterday": ("dct", -2, "D"), "the day after tomorrow": ("dct", 2, "D"),
    "this day": ("dct", 0, "D"), "to-day": ("dct", 0, "D"), "to-morrow": ("dct", 1, "D"),
}


@_rule("relative-word", r"\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|to-day|yesterday|"
       r"tomorrow|to-morrow)\b", _I, prio=3)
def _r_rel_word(m, text):
    base, n, unit = _REL_WORDS[re.sub(r"\s+", " ", m.group("w").lower())]
    return _Cand(m.start(), m.end(), "DATE", "rel", dict(base=base, n=n, unit=unit, rule_word=m.group("w")))


@_rule("present-ref", r"\b(?P<w>now|currently|nowadays|at\s+present|at\s+the\s+moment|presently|these\s+days|"
       r"at\s+this\s+time|to\s+this\s+day|to\s+the\s+present\s+day|the\s+present\s+day|recently|lately|in\s+the\s+past|in\s+the\s+future|formerly|once\s+upon\s+a\s+time|"
       r"the\s+future|the\s+past)\b", _I, prio=1)
def _r_present(m, text):
    w = re.sub(r"\s+", " ", m.group("w").lower())
    if w in ("now",) and re.match(r"\s+that\b", text[m.end():m.end() + 6]):
        return None
    if w == "the past" and re.match(r"\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?|few|several|two|three)\b",
                                    text[m.end():m.end() + 20], re.I):
        return None
    value = ("PRESENT_REF" if w in ("now", "currently", "nowadays", "at present", "at the moment", "presently",
                                    "these days", "at this time", "to this day", "to the present day",
                                    "the present day") else
             "FUTURE_REF" if "future" in w else "PAST_REF")
    start = m.start() + (3 if w.startswith("in the") else 0)
    return _Cand(start, m.end(), "DATE", "ref", dict(value=value))


@_rule("relative-unit", r"\b(?P<pre>the\s+(?P<np>next|following|previous|preceding|same|coming|past|last|prior|"
       r"subsequent)\s+|that\s+|this\s+|last\s+|next\s+|the\s+)?(?:(?P<prev_num>(?:" + _NUM_BODY +
       r"))\s+)?" + _UNITS + r"(?P<post>\s+(?:later(?!\s+than)|afterwards?|earlier(?!\s+than)|ago|hence|previously|"
       r"(?:after|before|back|prior)(?=\s*[,.;:!?)—–]|\s*$|\s+(?:he|she|they|we|I|it|you|there)\b)))?\b", _I, prio=1)
def _r_rel_unit(m, text):
    return _rel_unit(m, text)


def _rel_unit(m: re.Match, text: str) -> _Cand | None:
    pre = (m.group("pre") or "").lower().strip()
    unit_word = m.group("unit").lower()
    unit = _UNIT[unit_word.rstrip("s") if not unit_word.startswith("centur") else "century"]
    num_txt = (m.group("prev_num") or "").strip().lower()
    post = (m.group("post") or "").strip().lower()
    plural = unit_word.endswith("s") and not unit_word.endswith("ss") or unit_word == "centuries"
    if not num_txt and not pre:
        return None
    if num_txt:
        n = _number(num_txt)
        if n is None or unit == "S" and num_txt in ("a", "an"):
            return None
        if post in ("later", "afterwards", "afterward", "after", "hence"):
            return _Cand(m.start(), m.end(), "DATE", "rel", dict(base="ref", n=n, unit=unit, plural=plural,
                                                                 pre=pre))
        if post in ("ago", "back"):
            return _Cand(m.start(), m.end(), "DATE", "rel", dict(base="dct", n=-n if isinstance(n, (int, float)) else n,
                                                                 unit=unit, pre=pre))
        if post in ("earlier", "before", "previously", "prior"):
            return _Cand(m.start(), m.end(), "DATE", "rel", dict(base="ref", n=-n if isinstance(n, (int, float)) else n,
                                                                 unit=unit, pre=pre))
        end = m.end() - len(m.group("post") or "")
        if pre in ("last", "next") and not m.group("np"):
            return _Cand(m.start("prev_num"), end, "DURATION", "duration", dict(n=n, unit=unit))
        if pre in ("the", "that", "this") and not m.group("np"):
            pre_len = len(m.group("pre"))
            return _Cand(m.start() + pre_len if pre == "the" else m.start(), end, "DURATION", "duration",
                         dict(n=n, unit=unit))
        return _Cand(m.start(), end, "DURATION", "duration", dict(n=n, unit=unit))
    # "the next day", "that year", "last week", "the following month"
    if plural:
        return None
    np = (m.group("np") or "").lower()
    end = m.end()
    if post:
        end -= len(m.group("post"))
    if unit in ("S", "MI", "H"):
        return None
    if unit == "WE" and not post and (pre in ("the", "this", "last", "next", "that") or np in ("past", "last", "next",
                                                                                            "coming", "following",
                                                                                            "previous")):
        rel = np or pre
        return _Cand(m.start(), end, "DATE", "weekend", dict(rel=rel, tense=_tense(text, m.start())))
    if pre == "the" and not np:
        if unit == "D" and post in ("after", "before"):
            return _Cand(m.start(), m.end(), "DATE", "rel", dict(base="ref", n=1 if post == "after" else -1,
                                                                 unit="D"))
        if post in ("after", "before") and unit in ("W", "M", "Y"):
            return _Cand(m.start(), m.end(), "DATE", "rel", dict(base="ref", n=1 if post == "after" else -1, unit=unit))
        return None
    if pre in ("that",) or np == "same":
        return _Cand(m.start(), end, "DATE", "rel", dict(base="ref", n=0, unit=unit))
    if pre == "this":
        return _Cand(m.start(), end, "DATE", "rel", dict(base="dct", n=0, unit=unit))
    if pre == "last":
        return _Cand(m.start(), end, "DATE", "rel", dict(base="dct", n=-1, unit=unit))
    if pre == "next":
        return _Cand(m.start(), end, "DATE", "rel", dict(base="dct", n=1, unit=unit))
    if np in ("next", "following", "subsequent"):
        return _Cand(m.start(), end, "DATE", "rel", dict(base="ref", n=1, unit=unit))
    if np in ("previous", "preceding", "prior"):
        return _Cand(m.start(), end, "DATE", "rel", dict(base="ref", n=-1, unit=unit))
    if np in ("past", "last"):
        if pre.startswith("the") and unit in ("DE", "CE", "Y", "M", "W", "FN") and not post:
            # "the past decade", "the last year" span up to now (TimeML: a duration)
            return _Cand(m.start(), end, "DURATION", "duration", dict(n=1, unit=unit))
        return _Cand(m.start(), end, "DATE", "rel", dict(base="dct", n=-1, unit=unit))
    if np == "coming":
        return _Cand(m.start(), end, "DATE", "rel", dict(base="dct", n=1, unit=unit))
    return None


def _number(t: str) -> float | str | None:
    t = re.sub(r"\s+", " ", t.strip().lower())
    if t in _VAGUE or t in ("a few", "a number of", "a couple"):
        return "X"
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        v = float(t)
        return int(v) if v.is_integer() else v
    if t in _WORD_NUM:
        return _WORD_NUM[t]
    parts = re.split(r"[\s-]", t)
    if len(parts) == 2 and parts[0] in _WORD_NUM and parts[1] in _WORD_NUM:
        return _WORD_NUM[parts[0]] + _WORD_NUM[parts[1]]
    return None


@_rule("and-a-half", r"\b(?P<num>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+" + _UNITS +
       r"\s+and\s+a\s+half(?P<post>\s+(?:later|ago|earlier|before|after|afterwards))?\b", _I, prio=2)
def _r_half(m, text):
    n = _number(m.group("num"))
    if n is None:
        return None
    n = n + 0.5
    unit_word = m.group("unit").lower()
    unit = _UNIT[unit_word.rstrip("s") if not unit_word.startswith("centur") else "century"]
    post = (m.group("post") or "").strip().lower()
    if post in ("later", "after", "afterwards"):
        return _Cand(m.start(), m.end(), "DATE", "rel", dict(base="ref", n=n, unit=unit))
    if post == "ago":
        return _Cand(m.start(), m.end(), "DATE", "rel", dict(base="dct", n=-n, unit=unit))
    if post in ("earlier", "before"):
        return _Cand(m.start(), m.end(), "DATE", "rel", dict(base="ref", n=-n, unit=unit))
    return _Cand(m.start(), m.end() - len(m.group("post") or ""), "DURATION", "duration", dict(n=n, unit=unit))


_HOLIDAYS = {"new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25),
             "christmas eve": (12, 24), "christmas": (12, 25), "epiphany": (1, 6), "twelfth night": (1, 5),
             "candlemas": (2, 2), "lady day": (3, 25), "may day": (5, 1), "midsummer day": (6, 24),
             "midsummer eve": (6, 23), "st. john's day": (6, 24), "michaelmas": (9, 29),
             "all saints' day": (11, 1), "all saints day": (11, 1), "boxing day": (12, 26)}


@_rule("holiday", r"\b(?P<h>New\s+Year['’]s\s+(?:Day|Eve)|Christmas(?:\s+(?:Day|Eve))?|Epiphany|Twelfth\s+Night|"
       r"Candlemas|Lady\s+Day|May\s+Day|Midsummer\s+(?:Day|Eve)|St\.?\s+John['’]s\s+Day|Michaelmas|"
       r"All\s+Saints['’]?\s+Day|Boxing\s+Day)(?:,?\s+(?:of\s+)?" + _year("y") + r")?", prio=3)
def _r_holiday(m, text):
    key = re.sub(r"\s+", " ", m.group("h").lower()).replace("’", "'").replace("st ", "st. ")
    month, day = _HOLIDAYS[key]
    return _abs(m, m.start(), m.end(), "holiday", m=month, d=day)


_MOVABLE = {"easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1, "good friday": -2,
            "maundy thursday": -3, "palm sunday": -7, "ash wednesday": -46, "shrove tuesday": -47,
            "ascension day": 39, "whitsunday": 49, "whit sunday": 49, "whitsun": 49, "pentecost": 49,
            "whit monday": 50, "trinity sunday": 56, "corpus christi": 60, "whitsuntide": 49, "eastertide": 0}


@_rule("movable-feast", r"\b(?P<h>Easter(?:\s+(?:Sunday|Day|Monday))?|Good\s+Friday|Maundy\s+Thursday|Palm\s+Sunday|"
       r"Ash\s+Wednesday|Shrove\s+Tuesday|Ascension\s+Day|Whit\s*[Ss]unday|Whitsuntide|Whitsun|Eastertide|Pentecost|Whit\s+Monday|"
       r"Trinity\s+Sunday|Corpus\s+Christi|Thanksgiving(?:\s+Day)?)(?:,?\s+(?:of\s+)?" + _year("y") + r")?"
       r"(?!\s+(?:[A-Z]\w+|week|term|vacation|holidays?|recess|break|dinner|sitting))", prio=4)
def _r_movable(m, text):
    key = re.sub(r"\s+", " ", m.group("h").lower())
    y = int(m.group("y")) if m.group("y") else None
    return _Cand(m.start(), m.end(), "DATE", "movable", dict(key=key, y=y))


def _feast_day(key: str, year: int, julian: bool) -> tuple[int, int, int]:
    """Return (y, m, d) of a movable feast in ``year``, in the calendar its Easter was reckoned in."""
    from dateutil.easter import EASTER_JULIAN, EASTER_WESTERN, easter
    if key.startswith("thanksgiving"):
        first = dt.date(year, 11, 1)
        day = first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)  # the fourth Thursday of November
        return day.year, day.month, day.day
    e = easter(year, EASTER_JULIAN if julian else EASTER_WESTERN)
    # EASTER_JULIAN gives the Julian calendar date; the offset is counted in days either way
    day = dt.date(e.year, e.month, e.day) + dt.timedelta(days=_MOVABLE[key])
    return day.year, day.month, day.day


@_rule("half-unit", r"\b(?P<num>one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+and\s+a\s+half\s+" + _UNITS +
       r"(?P<post>\s+(?:later|ago|earlier))?\b", _I, prio=2)
def _r_half_unit(m, text):
    return _r_half(m, text)


@_rule("quarter", r"\b[Tt]he\s+(?P<q>first|second|third|fourth|last)\s+(?P<unit>quarter|half)"
       r"(?:\s+of\s+(?:the\s+year\s+)?" + _year("y") + r"|\s+of\s+the\s+year)?", prio=5)
def _r_quarter(m, text):
    q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}[m.group("q").lower()]
    if m.group("unit") == "half":
        if q > 2 and m.group("q").lower() != "last":
            return None
        q = 2 if m.group("q").lower() in ("second", "last") else 1
        if not m.group("y") and not m.group(0).endswith("year"):
            return None  # "the first half" alone is more often of a match or a book
        return _Cand(m.start(), m.end(), "DATE", "quarter", dict(q=q, half=True,
                                                                y=int(m.group("y")) if m.group("y") else None,
                                                                tense=_tense(text, m.start())))
    if not m.group("y") and re.match(r"\s+of\s+(?:the\s+)?(?:\d|[a-z])", text[m.end():m.end() + 8]):
        return None  # "the first quarter of the match" is not a date
    return _Cand(m.start(), m.end(), "DATE", "quarter", dict(q=q, y=int(m.group("y")) if m.group("y") else None,
                                                            tense=_tense(text, m.start())))


@_rule("period-part", r"\b(?:[Tt]he\s+)?(?P<part>end|beginning|start|middle|close|turn)\s+of\s+(?P<det>the|this|that|next|last)\s+"
       r"(?P<unit>week|month|year)\b", prio=4)
def _r_period_part(m, text):
    det = m.group("det").lower()
    n = {"next": 1, "last": -1}.get(det, 0)
    unit = {"week": "W", "month": "M", "year": "Y"}[m.group("unit").lower()]
    base = "dct" if det in ("this", "next", "last") else "ref"
    return _Cand(m.start(), m.end(), "DATE", "rel", dict(base=base, n=n, unit=unit, mod=_mod(m.group("part")),
                                                        part=True))


@_rule("fiscal-year", r"\b(?:[Ff]iscal(?:\s+[Yy]ear)?\s+|FY\s?)(?P<y>(?:1[89]|20)\d{2}|['’]?\d{2}(?!\d))\b", prio=6)
def _r_fiscal(m, text):
    y = m.group("y").lstrip("'’")
    year = int(y) if len(y) == 4 else (1900 if int(y) > 50 else 2000) + int(y)
    return _Cand(m.start(), m.end(), "DATE", "fiscal", dict(y=year))


@_rule("adjectival-duration", r"\b(?P<num>\d+|" + "|".join(k for k in _WORD_NUM if " " not in k and len(k) > 2) +
       r")-(?P<unit>second|minute|hour|day|night|week|month|year|decade|century)(?:-long|-old)?\b", _I, prio=2)
def _r_adj_duration(m, text):
    n = _number(m.group("num"))
    if n is None:
        return None
    return _Cand(m.start(), m.end(), "DURATION", "duration", dict(n=n, unit=_UNIT[m.group("unit").lower()]))


@_rule("vague-duration", r"(?<=\bfor\s)(?P<unit>hours|days|weeks|months|years|decades|centuries|ages)\b", _I, prio=1)
def _r_vague_duration(m, text):
    u = m.group("unit").lower()
    if u == "ages":
        return None
    unit = _UNIT["century" if u.startswith("centur") else u.rstrip("s")]
    return _Cand(m.start(), m.end(), "DURATION", "duration", dict(n="X", unit=unit))


@_rule("set", r"\b(?:(?P<every>(?:once\s+)?(?:every|each))\s+(?:other\s+)?(?P<what>hour|day|night|week|month|year|morning|evening|afternoon|"
       r"summer|winter|spring|autumn|" + _WD + r")|(?P<adv>daily|weekly|monthly|yearly|annually|nightly|hourly|fortnightly|quarterly)|"
       r"(?P<every_n>(?:once\s+)?(?:every|each))\s+(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|few)\s+"
       r"(?P<units>hours|days|weeks|months|years|minutes)|"
       r"(?P<freq>once|twice|thrice|(?:\w+|\d+)\s+times)\s+(?:a|an|per|every|each)\s+(?P<per>day|week|month|year|hour|fortnight))\b",
       _I, prio=3)
def _r_set(m, text):
    if m.group("adv"):
        adv = m.group("adv").lower()
        if re.search(r"\b(?:its|the|a|an|his|her|their|our|my|your|this|that|\w+est|worst|best|first|last)\s+$", text[max(0, m.start() - 12):m.start()],
                     re.I) and re.match(r"\s+[a-z]{3,}", text[m.end():m.end() + 6]):
            return None  # "its worst quarterly result": an adjective, not a recurrence
        value = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
                 "nightly": "TNI", "hourly": "PT1H", "fortnightly": "P2W", "quarterly": "P3M"}[adv]
        return _Cand(m.start(), m.end(), "SET", "set", dict(value=value))
    if m.group("every_n"):
        n = _number(m.group("n"))
        units = m.group("units").lower()
        unit = _UNIT[units.rstrip("s")]
        return _Cand(m.start(), m.end(), "SET", "set", dict(value=_duration_value(n, unit)))
    if m.group("every"):
        what = m.group("what").lower()
        if what.capitalize() in _WD.split("|"):
            value = f"XXXX-WXX-{WEEKDAYS[what] + 1}"
        elif what in _TOD:
            value = f"T{_TOD[what]}"
        elif what in _SEASON:
            value = f"XXXX-{_SEASON[what]}"
        else:
            value = {"hour": "PT1H", "day": "P1D", "night": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y"}[what]
        if "other" in m.group(0).lower() and value.startswith("P1"):
            value = "P2" + value[2:]
        return _Cand(m.start(), m.end(), "SET", "set", dict(value=value))
    per = m.group("per").lower()
    value = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "hour": "PT1H", "fortnight": "P2W"}[per]
    return _Cand(m.start(), m.end(), "SET", "set", dict(value=value))


# -- step 2: choose -------------------------------------------------------------------------
# each rule runs only in windows around the words it cannot match without (speed): a trigger
# word's class names the rules worth trying near it
_CLASS_RULES = {
    # rules whose every match holds a word of its own class (a unit, "century", a season, "times",
    # "quarter") are left to that word's windows: digits are everywhere in some texts
    "digit": ("month-day-year", "day-month-year", "month-day", "day-month", "month-year", "year",
              "short-year-range", "numeric-date", "iso-date", "decade", "ordinal-day", "clock-time",
              "ordinal-month-ref", "weekday-ordinal", "fiscal-year"),
    "month": ("month-day-year", "day-month-year", "month-day", "day-month", "month-year", "month"),
    "weekday": ("weekday", "set", "month-day-year", "day-month-year", "month-day", "day-month", "weekday-ordinal"),
    "unit": ("relative-unit", "and-a-half", "half-unit", "adjectival-duration", "vague-duration", "set",
             "present-ref", "relative-word", "period-part"),
    "season": ("season", "set"),
    "tod": ("time-word", "set", "clock-time"),
    "rel": ("relative-word", "present-ref", "time-word"),
    "decade": ("decade-word",),
    "century": ("century",),
    "set": ("set",),
    "holiday": ("holiday",),
    "quarter": ("quarter",),
    "half": ("quarter",),
    "clock": ("clock-time",),
    "fiscal": ("fiscal-year",),
    "movable": ("movable-feast",),
}
_TRIGGERS: dict[str, str] = {}
for _words, _cls in (
        (MONTHS, "month"), (WEEKDAYS, "weekday"), ([w.rstrip("s") for w in _WEEKDAY_PLURALS], "weekday"),
        (_WEEKDAY_PLURALS, "weekday"), (_DECADE_WORD, "decade"), (_SEASON, "season"), (_TOD, "tod"),
        ([*_UNIT, *(u + "s" for u in _UNIT), "centuries"], "unit"), (["century", "centuries", "c"], "century"),
        (["today", "yesterday", "tomorrow", "tonight", "overnight", "now", "currently", "nowadays", "present", "presently",
          "moment", "recently", "lately", "past", "future", "formerly", "morrow"], "rel"),
        (["once", "twice", "thrice", "times", "every", "each", "daily", "weekly", "monthly", "yearly", "annually",
          "nightly", "hourly", "fortnightly", "quarterly"], "set"),
        (["fiscal", "fy"], "fiscal"),
        (["christmas", "epiphany", "candlemas", "michaelmas", "midsummer", "saints", "year", "lady", "may",
          "boxing", "twelfth", "john"], "holiday"),
        (["quarter"], "quarter"), (["half"], "half"), (["clock"], "clock"),
        (["easter", "eastertide", "whitsuntide", "good", "maundy", "palm", "ash", "shrove", "ascension", "whit", "whitsunday", "whitsun",
          "pentecost", "trinity", "corpus", "thanksgiving"], "movable")):
    for _w in _words:
        _TRIGGERS.setdefault(_w.lower(), _cls)
# words of two classes ("day" is a unit and part of "to this day"; "year" a unit and "New Year's Day")
_EXTRA_CLASSES = {"day": ("rel", "holiday"), "year": ("unit",), "may": ("month",), "night": ("unit",),
                  "christmas": ("holiday",), "second": ("unit",), "century": ("century",),
                  "centuries": ("century",)}
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_BEFORE, _AFTER = 50, 60


def _regions(text: str) -> dict[str, list[tuple[int, int]]]:
    """Return, per trigger class, the disjoint stretches of ``text`` around its trigger words."""
    spans: dict[str, list[list[int]]] = {}
    n = len(text)
    triggers, extra = _TRIGGERS, _EXTRA_CLASSES
    for m in _TOKEN.finditer(text):
        w = m.group()
        if w[0].isdigit():
            classes: tuple[str, ...] = ("digit",)
        else:
            low = w.lower()
            cls = triggers.get(low)
            if cls is None:
                continue
            classes = (cls, *extra.get(low, ()))
        s, e = m.start() - _BEFORE, m.end() + _AFTER
        for cls in classes:
            lst = spans.setdefault(cls, [])
            if lst and s <= lst[-1][1]:
                lst[-1][1] = e
            else:
                lst.append([s, e])
    return {cls: [(max(0, s), min(n, e)) for s, e in lst] for cls, lst in spans.items()}


def _rule_regions(regions: dict[str, list[tuple[int, int]]]) -> dict[str, list[tuple[int, int]]]:
    """Return, per rule, the merged stretches of all the trigger classes that call it."""
    per_rule: dict[str, list[tuple[int, int]]] = {}
    for cls, lst in regions.items():
        for name in _CLASS_RULES[cls]:
            per_rule.setdefault(name, []).extend(lst)
    for name, lst in per_rule.items():
        lst.sort()
        merged: list[list[int]] = []
        for s, e in lst:
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        per_rule[name] = [(s, e) for s, e in merged]
    return per_rule


def _find(text: str) -> list[_Cand]:
    found: list[_Cand] = []
    regions = _rule_regions(_regions(text))
    for name, pattern, handler in _RULES:
        for start, end in regions.get(name, ()):
            for m in pattern.finditer(text, start, end):
                if m.end() == m.start():
                    continue
                cand = handler(m, text)
                if cand is not None and cand.end > cand.start:
                    found.append(cand)
    # longest first, then the rule's priority, then leftmost; a character belongs to one timex
    found.sort(key=lambda c: (-(c.end - c.start), -c.prio, c.start))
    taken = bytearray(len(text))
    chosen: list[_Cand] = []
    for c in found:
        if any(taken[c.start:c.end]):
            continue
        chosen.append(c)
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    chosen.sort(key=lambda c: c.start)
    return [_trim(c, text) for c in chosen]


def _trim(c: _Cand, text: str) -> _Cand:
    # a match may end on spaces or a comma; a timex never does
    while c.end > c.start and text[c.end - 1] in " \t\n,":
        c.end -= 1
    return c


# -- step 3: merge --------------------------------------------------------------------------
_TWIN_GAP = re.compile(r"\s*[(\[/]\s*$")


def _merge(cands: list[_Cand], text: str) -> list[_Cand]:
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if nxt and c.kind == "abs" and nxt.kind == "abs" and c.data.get("d") and nxt.data.get("d"):
            gap = text[c.end:nxt.start]
            if re.fullmatch(r"\s*(?:\(|\[|/)\s*", gap):
                merged = _twin(c, nxt, text)
                if merged:
                    out.append(merged)
                    i += 2
                    while i < len(cands) and cands[i].start < merged.end:
                        i += 1  # the year after "(November 7)" is part of the twin
                    continue
        out.append(c)
        i += 1
    out = _join_parts(out, text)
    _complete_years(out, text)
    return out


_TOD_OF = re.compile(r"(?:\b(?:the|that|on\s+the)\s+)?\b(?P<tod>morning|afternoon|evening|night)\s+of\s+$", re.I)
_APPROX = re.compile(r"\b(?:about|around|nearly|almost|approximately|roughly|some|more\s+than|less\s+than|fewer\s+than|"
                     r"at\s+least|at\s+most|up\s+to|these|those|the\s+(?:last|past|first|next)|"
                     r"another|only|just)\s+$", re.I)
_EARLY = re.compile(r"\b(?:early|late|mid-?)\s*$", re.I)
_EARLIER = re.compile(r"\b(?:earlier|later)\s+$", re.I)


def _join_parts(cands: list[_Cand], text: str) -> list[_Cand]:
    """Return the candidates with the words TimeML counts inside an expression joined to it:
    "the morning of the 5th" (a time of that day), "four hours and 12 minutes" (one duration),
    "about three weeks", "more than 40 years" (a modified duration), "earlier this month"."""
    out: list[_Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        before = text[max(0, c.start - 24):c.start]
        if c.kind in ("abs", "ordinal", "weekday") and c.type == "DATE":
            m = _TOD_OF.search(before)
            if m:
                start = c.start - len(before) + m.start()
                if text[start:start + 3].lower() == "on ":
                    start += 3
                if prev is not None and prev.end > start:
                    out.pop()
                c.start, c.type = start, "TIME"
                c.data = dict(c.data, tod_of=_TOD[m.group("tod").lower()])
        elif c.type == "DURATION" and c.kind == "duration" and prev is not None and prev.kind == "duration" \
                and re.fullmatch(r",?\s+and\s+|,\s*", text[prev.end:c.start]) \
                and _UNIT_ORDER.index(prev.data["unit"]) < _UNIT_ORDER.index(c.data["unit"]) \
                and isinstance(prev.data["n"], (int, float)) and isinstance(c.data["n"], (int, float)):
            parts = prev.data.get("parts") or [(prev.data["n"], prev.data["unit"])]
            prev.data = dict(prev.data, parts=[*parts, (c.data["n"], c.data["unit"])])
            prev.end = c.end
            continue
        elif c.type == "DURATION" and c.kind == "duration":
            m = _APPROX.search(before)
            if m and (prev is None or prev.end <= c.start - len(before) + m.start()):
                c.start = c.start - len(before) + m.start()
        elif c.kind == "rel" and c.data.get("base") == "dct" and re.match(r"(?:last|next|this)\s", text[c.start:c.end],
                                                                           re.I) and _EARLY.search(before):
            m = _EARLY.search(before)
            if prev is None or prev.end <= c.start - len(before) + m.start():
                c.start = c.start - len(before) + m.start()
        elif c.kind == "rel" and c.data.get("n") == 0 and c.data.get("base") == "dct":
            m = _EARLIER.search(before)
            if m and (prev is None or prev.end <= c.start - len(before) + m.start()):
                c.start = c.start - len(before) + m.start()
        out.append(c)
    return out


_UNIT_ORDER = ["CE", "DE", "Y", "M", "FN", "W", "WE", "D", "H", "MI", "S"]


def _twin(first: _Cand, second: _Cand, text: str) -> _Cand | None:
    """Return one date for "February 19 (March 3, new style) 1861", or None when not a twin."""
    end = second.end
    close = re.match(r"\s*[)\]]", text[end:end + 40])
    opened = text[first.end:second.start].strip() in ("(", "[")
    if opened and not close and not text[second.start:second.end].endswith((")", "]")):
        return None
    year = second.data.get("y") or first.data.get("y")
    if opened:
        end += close.end() if close else 0
        after = re.match(r",?\s*" + _year("y"), text[end:end + 20])
        if after and not year:
            year = int(after.group("y"))
            end += after.end()
    a = (first.data["m"], first.data["d"])
    b = (second.data["m"], second.data["d"])
    if not year:
        # without the year the pair can only be checked for a plausible gap of 10-13 days
        ok = _twin_gap_ok(a, b, None)
        if not ok:
            return None
        old, new = ok
        data = dict(first.data, y=None, m=old[0], d=old[1], twin=(new[0], new[1], None), marker="julian", d2=None)
        return _Cand(first.start, end, "DATE", "abs", data, "calendar-twin")
    ok = _twin_gap_ok(a, b, year)
    if not ok:
        return None
    old, new = ok
    data = dict(first.data, y=old[2], m=old[0], d=old[1], twin=new, marker="julian", d2=None)
    return _Cand(first.start, end, "DATE", "abs", data, "calendar-twin")


def _twin_gap_ok(a: tuple[int, int], b: tuple[int, int], year: int | None):
    """Return ((m, d, y) Julian, (m, d, y) Gregorian) when one of the pair is the other's Old Style."""
    for y in ([year] if year else range(1700, 1924)):
        for old, new in ((a, b), (b, a)):
            for oy in (y, y - 1):
                try:
                    g = julian_to_gregorian(oy, *old)
                except ValueError:
                    continue
                if (g.month, g.day) == new and g.year in (y, y + 1):
                    return (old[0], old[1], oy), (new[0], new[1], g.year)
        if not year:
            continue
    return None


def _complete_years(cands: list[_Cand], text: str) -> None:
    """Give a yearless day or month the year of a date later in the same sentence ("from March 3 to
    June 5, 1930"; "May 3, and again June 2, 1848") when nothing else stands between."""
    for i, c in enumerate(cands):
        if c.kind not in ("abs", "month") or c.data.get("y") or c.data.get("rel") or c.data.get("m") is None:
            continue
        for later in cands[i + 1:i + 4]:
            between = text[c.end:later.start]
            if re.search(r"[.!?;]\s|\n\s*\n", between) or len(between) > 120:
                break
            if later.kind != "abs":
                break
            if not later.data.get("y"):
                continue
            if later.data.get("m") is not None:
                ok = (c.data["m"], c.data.get("d") or 0) <= (later.data["m"], later.data.get("d") or 0)
            else:
                # a bare year counts only when it directly follows ("March 3 ... , 1930"), not "in 1930"
                ok = len(between) <= 25 and not re.search(r"\b(?:in|by|during|since|until|till|from|of)\s*$",
                                                          between, re.I)
            if ok:
                c.data["y"] = later.data["y"]
                c.rule = c.rule + "+year-from-sentence"
            break


# -- step 4: anchor -------------------------------------------------------------------------
@dataclass(frozen=True)
class Anchor:
    """A point the tagger anchors relative expressions on: a day, month or year, with its source."""

    day: dt.date
    precision: str = "day"
    calendar: str = "gregorian"
    #: what it is: "dct", or the text of the date the reference time follows
    label: str = "dct"
    #: the reference is a quarter of a year ("the fourth quarter"), told at month precision
    quarter: bool = False

    @staticmethod
    def of(date: "Date | dt.date | Anchor | None", label: str = "dct") -> "Anchor | None":
        """Return an Anchor for a Date (its earliest day and precision), a plain day or an Anchor, or None."""
        if date is None or isinstance(date, Anchor):
            return date
        if isinstance(date, Date):
            if date.precision not in ("day", "month", "year"):
                return None
            return Anchor(date.earliest, date.precision, date.calendar if date.calendar != "unknown" else "gregorian",
                          label if label != "dct" else f"dct:{date.edtf}")
        return Anchor(date, "day", "gregorian", label)


@dataclass
class _Ctx:
    dct: Anchor | None
    ref: Anchor | None
    calendar: str
    country: str | None
    years: tuple[int, int] | None
    #: the text declares (or its dual years show) Julian dates before this day
    julian_until: dt.date | None = None
    #: the caller gave the document's date (news: yearless dates are read near it, not near the
    #: narrative's last date); False when the DCT is a date line or heading found in the text
    dct_given: bool = False
    #: the reference time was moved by a date of the text after the DCT was last set
    moved: bool = False
    #: the last explicit date of the narrative written with its year to the day or month
    full_ref: Anchor | None = None
    #: the last day named within a week of a given DCT (news: the day a clock time belongs to)
    recent: Anchor | None = None
    #: the last clock time told, as (day, hour, minute): "an hour later" counts from it
    clock: tuple[dt.date, int, int] | None = None
    #: spans of direct speech (quotations, dialogue lines): a speaker's "today" is the narrated day
    quotes: list[tuple[int, int]] = field(default_factory=list)
    #: the span told in narration after the fact (the body of an account dated at its foot): its
    #: deictic words are the narrated day's, not the writing day's
    narrated: tuple[int, int] | None = None


def _value_day(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _day_value(day: dt.date, cal: str) -> str:
    """Return the TIMEX3 value of a day: Gregorian, except a Julian day before the reform (as written)."""
    if cal == "julian" and day < REFORM:
        y, m, d = gregorian_to_julian(day)
        return f"{y:04d}-{m:02d}-{d:02d}"
    return _value_day(day)


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _month_end(y: int, m: int, cal: str) -> int:
    return julian_month_end(y, m) if cal == "julian" else _cal.monthrange(y, m)[1]


def _to_greg(y: int, m: int, d: int, cal: str) -> dt.date:
    if cal == "julian":
        return julian_to_gregorian(y, m, d)
    return dt.date(y, m, d)


def _written(day: dt.date, cal: str) -> tuple[int, int, int]:
    return gregorian_to_julian(day) if cal == "julian" else (day.year, day.month, day.day)


def _make(text: str, lo: tuple[int, int, int], hi: tuple[int, int, int], precision: str, cal: str, rule: str,
          anchor: str | None, edtf: str | None = None) -> Date:
    """Return the Date for a written interval lo..hi (y, m, d) in calendar ``cal`` ("unknown" covers both)."""
    if cal == "unknown":
        earliest = min(dt.date(*lo), julian_to_gregorian(*lo))
        latest = max(dt.date(*hi), julian_to_gregorian(*hi))
    else:
        earliest, latest = _to_greg(*lo, cal), _to_greg(*hi, cal)
    as_written = _as_written(lo, hi, precision)
    if edtf is None:
        if cal == "gregorian" or precision in ("decade", "century", "year") and cal != "unknown":
            edtf = as_written if precision in ("day", "month", "year") and lo == hi or precision != "day" \
                and _whole(lo, hi, precision, cal) else f"{_value_day(earliest)}/{_value_day(latest)}"
        else:
            edtf = _value_day(earliest) if earliest == latest else f"{_value_day(earliest)}/{_value_day(latest)}"
    if precision in ("decade", "century"):
        as_written = None
    return Date(text=text, edtf=edtf, earliest=earliest, latest=latest, precision=precision, calendar=cal,
                as_written=as_written, rule=rule, anchor=anchor)


def _whole(lo, hi, precision, cal) -> bool:
    if precision == "month":
        return lo[:2] == hi[:2] and lo[2] == 1 and hi[2] == _month_end(hi[0], hi[1], cal)
    if precision == "year":
        return lo[0] == hi[0] and lo[1:] == (1, 1) and hi[1:] == (12, 31)
    if precision == "decade":
        return lo[0] % 10 == 0 and hi[0] == lo[0] + 9 and lo[1:] == (1, 1) and hi[1:] == (12, 31)
    if precision == "century":
        return lo[0] % 100 == 0 and hi[0] == lo[0] + 99 and lo[1:] == (1, 1) and hi[1:] == (12, 31)
    return False


def _as_written(lo, hi, precision) -> str:
    if precision == "day" and lo == hi:
        return f"{lo[0]:04d}-{lo[1]:02d}-{lo[2]:02d}"
    if precision in ("month",) and lo[:2] == hi[:2]:
        return f"{lo[0]:04d}-{lo[1]:02d}"
    if lo[0] == hi[0] and precision != "day":
        return f"{lo[0]:04d}"
    return f"{lo[0]:04d}-{lo[1]:02d}-{lo[2]:02d}"


def _edtf_for(precision: str, lo, hi, cal) -> str | None:
    if cal != "gregorian":
        return None
    if precision == "day" and lo == hi:
        return f"{lo[0]:04d}-{lo[1]:02d}-{lo[2]:02d}"
    if precision == "month" and _whole(lo, hi, "month", cal):
        return f"{lo[0]:04d}-{lo[1]:02d}"
    if precision == "year" and _whole(lo, hi, "year", cal):
        return f"{lo[0]:04d}"
    if precision == "decade" and _whole(lo, hi, "decade", cal):
        return f"{lo[0] // 10:03d}X"
    if precision == "century" and _whole(lo, hi, "century", cal):
        return f"{lo[0] // 100:02d}XX"
    return f"{lo[0]:04d}-{lo[1]:02d}-{lo[2]:02d}/{hi[0]:04d}-{hi[1]:02d}-{hi[2]:02d}"


def _calendar(c: _Cand, y: int, m: int, d: int, ctx: _Ctx) -> str:
    marker = c.data.get("marker")
    if marker:
        return marker
    if c.data.get("dual") or c.data.get("twin"):
        return "julian"
    try:
        day = dt.date(y, m, min(d, 28))
    except ValueError:
        return "gregorian"
    if ctx.calendar == "auto" and ctx.julian_until and day < ctx.julian_until:
        return "julian"
    return calendar_for(day, ctx.calendar, ctx.country)


def _mod_range(lo_d: int, hi_d: int, mod: str | None) -> tuple[int, int]:
    """Return the sub-range of days lo_d..hi_d that "early", "mid" or "late" point to (thirds)."""
    if not mod:
        return lo_d, hi_d
    span = hi_d - lo_d + 1
    third = max(1, span // 3)
    if mod == "START":
        return lo_d, lo_d + third - 1
    if mod == "MID":
        return lo_d + third, hi_d - third
    return hi_d - third + 1, hi_d


def _resolve_abs(c: _Cand, text: str, ctx: _Ctx) -> tuple[str, Date | None, str | None]:
    """Return (TIMEX3 value, Date, anchor label) for a written date, full or partial."""
    y, m, d, d2 = c.data.get("y"), c.data.get("m"), c.data.get("d"), c.data.get("d2")
    anchor = None
    rule = c.rule
    if y is None:
        if m is None:
            return "XXXX", None, None
        base = _partial_base(ctx)
        if base is None or base.precision not in ("day", "month", "year"):
            return _yearless(c, text, ctx)
        y = _nearest_year(base, m, d or 1)
        if base is ctx.dct and base.precision == "day":
            # said on the day of writing: what is to come lies ahead, what happened lies behind
            tense = _tense(text, c.start)
            try:
                when = dt.date(y, m, min(d or 1, 28))
            except ValueError:
                when = None
            if when and tense == "future" and when < base.day:
                y += 1
            elif when and tense == "past" and when > base.day:
                y -= 1
        anchor = base.label
        rule += "+year-from-anchor"
    if m is None:
        lo, hi = (y, 1, 1), (y, 12, 31)
        cal = _calendar(c, y, 6, 1, ctx)
        precision = "year"
        if c.data.get("mod"):
            a, b = _mod_range(1, 12, c.data["mod"])
            lo, hi = (y, a, 1), (y, b, _month_end(y, b, cal if cal != "unknown" else "gregorian"))
        return f"{y:04d}", _make(text[c.start:c.end], lo, hi, precision, cal, rule, anchor,
                                 _edtf_for(precision, lo, hi, cal)), anchor
    cal = _calendar(c, y, m, d or 1, ctx)
    wcal = "julian" if cal == "julian" else "gregorian"
    try:
        if d is None:
            last = _month_end(y, m, wcal)
            a, b = _mod_range(1, last, c.data.get("mod"))
            lo, hi = (y, m, a), (y, m, b)
            precision = "month"
            value = f"{y:04d}-{m:02d}"
        else:
            lo = (y, m, d)
            hi = (y, m, d2) if d2 and d2 > d else lo
            _to_greg(*lo, wcal), _to_greg(*hi, wcal)
            precision = "day"
            value = f"{y:04d}-{m:02d}-{d:02d}"
            if c.data.get("twin"):
                value = _value_day(julian_to_gregorian(y, m, d))
            elif c.data.get("twin_day"):
                g = julian_to_gregorian(y, m, d)
                if g.day != c.data["twin_day"]:
                    # "16/28": if the second day is not the Gregorian twin, read it as a range
                    hi = (y, m, c.data["twin_day"]) if c.data["twin_day"] > d else lo
                    cal = _calendar(_Cand(0, 0, "", "", {}), y, m, d, ctx)
                else:
                    cal = "julian"
                    value = _value_day(g)
            elif cal == "julian" and y >= REFORM.year:
                value = _value_day(julian_to_gregorian(y, m, d))
            if c.data.get("weekday") is not None and not c.data.get("twin"):
                pass
    except ValueError:
        return "XXXX-XX-XX", None, None
    date = _make(text[c.start:c.end], lo, hi, precision, cal, rule, anchor, _edtf_for(precision, lo, hi, cal))
    return value, date, anchor


def _partial_base(ctx: _Ctx) -> Anchor | None:
    """Return the anchor for a date written without its year: the DCT the caller gave (news), else
    the narrative's last explicit date once the text has moved on from its date line or heading
    (a letter dated 1902 that quotes a chronicle of 1861 reads "April 12" in 1861)."""
    if ctx.moved and ctx.ref is not None and not ctx.dct_given:
        return ctx.ref
    return ctx.dct or ctx.ref


def _yearless(c: _Cand, text: str, ctx: _Ctx) -> tuple[str, Date | None, str | None]:
    """Return the value and a widened Date for a day or month whose year nothing tells."""
    m, d = c.data["m"], c.data.get("d")
    value = f"XXXX-{m:02d}" + (f"-{d:02d}" if d else "")
    if not ctx.years:
        return value, None, None
    y1, y2 = ctx.years
    try:
        lo = dt.date(y1, m, d or 1)
        hi = dt.date(y2, m, d or _cal.monthrange(y2, m)[1])
    except ValueError:
        return value, None, None
    precision = "year" if y1 == y2 else "decade" if y2 - y1 < 10 else "century"
    date = Date(text=text[c.start:c.end], edtf=f"{_value_day(lo)}/{_value_day(hi)}", earliest=lo, latest=hi,
                precision=precision, calendar="unknown" if y1 < 1924 else "gregorian", as_written=None,
                rule=c.rule + "+year-unknown", anchor=f"years:{y1}-{y2}")
    return value, date, None


def _nearest_year(base: Anchor, m: int, d: int) -> int:
    """Return the year that puts month ``m`` day ``d`` nearest to the anchor (no more than half a year away)."""
    if base.precision == "year":
        return base.day.year
    best = None
    for y in (base.day.year - 1, base.day.year, base.day.year + 1):
        try:
            cand = dt.date(y, m, min(d, 28))
        except ValueError:
            continue
        gap = abs((cand - base.day).days)
        if best is None or gap < best[0]:
            best = (gap, y)
    return best[1]


def _shift(base: Anchor, n: float, unit: str) -> tuple[dt.date, str]:
    """Return (day, precision) of ``base`` moved by n units, at the unit's own precision."""
    day = base.day
    if unit == "D":
        return day + dt.timedelta(days=round(n)), "day"
    if unit == "WE":
        return day + dt.timedelta(days=round(7 * n)), "day"
    if unit == "FN":
        return day + dt.timedelta(days=round(14 * n)), "day"
    if unit == "W":
        return day + dt.timedelta(days=round(7 * n)), "week"
    if unit == "M":
        whole = int(n)
        y, m = _add_months(day.year, day.month, whole)
        moved = dt.date(y, m, min(day.day, _cal.monthrange(y, m)[1]))
        if n != whole:
            moved += dt.timedelta(days=round((n - whole) * 30))
        return moved, "month"
    if unit == "Y":
        whole = int(n)
        moved = dt.date(day.year + whole, day.month, min(day.day, _cal.monthrange(day.year + whole, day.month)[1]))
        if n != whole:
            moved += dt.timedelta(days=round((n - whole) * 365))
            return moved, "month"
        return moved, "year"
    if unit == "DE":
        return dt.date(day.year + int(10 * n), 1, 1), "decade"
    if unit == "CE":
        return dt.date(day.year + int(100 * n), 1, 1), "century"
    return day, "day"  # seconds, minutes and hours leave the day as it is


def _point(day: dt.date, precision: str, text: str, rule: str, anchor: str, cal: str,
           base: Anchor) -> tuple[str, Date | None]:
    """Return (TIMEX3 value, Date) for a computed point at ``precision`` no finer than the anchor's."""
    order = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4, "century": 5}
    if order[precision] < order.get(base.precision, 0):
        precision = base.precision
    wcal = cal if cal in ("julian", "gregorian") else "gregorian"
    wy, wm, wd = _written(day, wcal)
    if precision == "day":
        # the value is the Gregorian day, except before the reform, where dates stay as written
        value = f"{wy:04d}-{wm:02d}-{wd:02d}" if wcal == "julian" and day < REFORM else _value_day(day)
        lo = hi = (wy, wm, wd)
    elif precision == "week":
        iso = day.isocalendar()
        value = f"{iso[0]:04d}-W{iso[1]:02d}"
        mon = day - dt.timedelta(days=day.weekday())
        lo, hi = _written(mon, wcal), _written(mon + dt.timedelta(days=6), wcal)
        precision = "day"
    elif precision == "month":
        value = f"{wy:04d}-{wm:02d}"
        lo, hi = (wy, wm, 1), (wy, wm, _month_end(wy, wm, wcal))
    elif precision == "year":
        value = f"{wy:04d}"
        lo, hi = (wy, 1, 1), (wy, 12, 31)
    elif precision == "decade":
        value = f"{wy // 10:03d}"
        lo, hi = (wy - wy % 10, 1, 1), (wy - wy % 10 + 9, 12, 31)
    else:
        value = f"{wy // 100:02d}"
        lo, hi = (wy - wy % 100, 1, 1), (wy - wy % 100 + 99, 12, 31)
    try:
        date = _make(text, lo, hi, precision, wcal, rule, anchor, _edtf_for(precision, lo, hi, wcal))
    except ValueError:
        return value, None
    return value, date


def _resolve(c: _Cand, text: str, ctx: _Ctx) -> tuple[str, Date | None, str | None, bool]:
    """Return (value, Date, anchor label, explicit) for one candidate; ``explicit`` dates move the reference."""
    k = c.kind
    span = text[c.start:c.end]
    if k == "abs":
        value, date, anchor = _resolve_abs(c, text, ctx)
        return value, date, anchor, date is not None and anchor is None and "year-unknown" not in (date.rule or "")
    if k == "duration":
        if c.data.get("parts"):
            return _duration_parts(c.data["parts"]), None, None, False
        return _duration_value(c.data["n"], c.data["unit"]), None, None, False
    if k == "set":
        return c.data["value"], None, None, False
    if k == "ref":
        base = ctx.dct or ctx.ref
        if c.data["value"] == "PRESENT_REF" and base is not None:
            _, date = _point(base.day, "day", span, c.rule, base.label, base.calendar, base)
            return "PRESENT_REF", date, base.label, False
        return c.data["value"], None, None, False
    if k == "rel":
        if c.data.get("rule_word") and c.data["n"] == 0 and ctx.dct is None:
            return "PRESENT_REF", None, None, False  # "today" in a narrative is the writer's present
        base = (ctx.dct or ctx.full_ref) if c.data["base"] == "dct" else (ctx.ref or ctx.dct)
        n, unit = c.data["n"], c.data["unit"]
        if unit in ("H", "MI") and c.data["base"] == "ref" and ctx.clock and isinstance(n, (int, float)):
            # "resumed an hour later": a time counted from the last clock time told
            day, h, mi = ctx.clock
            moment = dt.datetime(day.year, day.month, day.day, h, mi) + dt.timedelta(
                hours=n if unit == "H" else 0, minutes=n if unit == "MI" else 0)
            c.type = "TIME"
            _, date = _point(moment.date(), "day", span, c.rule, "clock", "gregorian", Anchor(moment.date()))
            return f"{_value_day(moment.date())}T{moment.hour:02d}:{moment.minute:02d}", date, "clock", False
        if base is None or n == "X" or isinstance(n, str):
            return _unresolved_rel(c), None, None, False
        if base.precision == "year" and unit in ("D", "W", "FN", "WE", "M") and abs(n) * (30 if unit == "M" else 7
                                                                                         if unit != "D" else 1) < 180:
            # less than half a year from a day somewhere in that year: the interval shifts, the year
            # it mostly covers stays ("six weeks ago" in a letter known only to be of 1880)
            days = round(n * {"D": 1, "W": 7, "FN": 14, "WE": 7, "M": 30.44}[unit])
            y = base.day.year
            lo = dt.date(y, 1, 1) + dt.timedelta(days=days)
            hi = dt.date(y, 12, 31) + dt.timedelta(days=days)
            date = Date(text=span, edtf=f"{_value_day(lo)}/{_value_day(hi)}", earliest=lo, latest=hi,
                        precision="year", calendar=base.calendar, as_written=None, rule=c.rule, anchor=base.label)
            return f"{y:04d}", date, base.label, False
        day, precision = _shift(base, n, unit)
        if unit == "Y" and c.data["base"] == "ref" and base.precision == "month" and float(n).is_integer() and n < 0:
            # "a year earlier" than last month or the fourth quarter: the same period of that year
            if base.quarter:
                value, date = _point(day, "month", span, c.rule, base.label, base.calendar, base)
                q = (day.month - 1) // 3 + 1
                lo, hi = (day.year, 3 * q - 2, 1), (day.year, 3 * q, _cal.monthrange(day.year, 3 * q)[1])
                return (f"{day.year:04d}-Q{q}", _make(span, lo, hi, "month", "gregorian", c.rule, base.label),
                        base.label, False)
            precision = "month"
        value, date = _point(day, precision, span, c.rule, base.label, base.calendar, base)
        return value, date, base.label, False
    if k == "month":
        base = _partial_base(ctx)
        m = c.data["m"]
        if c.data.get("y"):
            cc = _Cand(c.start, c.end, c.type, "abs", dict(y=c.data["y"], m=m, d=None, mod=c.data.get("mod")), c.rule)
            value, date, anchor = _resolve_abs(cc, text, ctx)
            return value, date, anchor, True
        if base is None:
            return f"XXXX-{m:02d}", None, None, False
        rel = c.data.get("rel")
        y = _nearest_year(base, m, 15)
        if not rel and base is ctx.dct and base.precision == "day":
            # said on the day of writing: "ended in June" is the last June, "opens in June" the next
            tense = _tense(text, c.start)
            if tense == "past" and (y, m) > (base.day.year, base.day.month):
                y -= 1
            elif tense == "future" and (y, m) < (base.day.year, base.day.month):
                y += 1
        if rel == "last":
            y = base.day.year if m < base.day.month else base.day.year - 1
        elif rel in ("next", "following"):
            y = base.day.year if m > base.day.month else base.day.year + 1
        elif rel in ("this", "that", "same"):
            y = base.day.year
        cc = _Cand(c.start, c.end, c.type, "abs", dict(y=y, m=m, d=None, mod=c.data.get("mod")), c.rule + "+year-from-anchor")
        value, date, _ = _resolve_abs(cc, text, ctx)
        return value, date, base.label, False
    if k == "decade":
        y = c.data.get("y")
        anchor = None
        if y is None:
            base = ctx.ref or ctx.dct
            if base is None:
                return f"XX{c.data['short']}", None, None, False
            century = base.day.year // 100
            y = century * 100 + c.data["short"] * 10
            if y > base.day.year + 5:
                y -= 100
            anchor = base.label
        lo, hi = (y, 1, 1), (y + 9, 12, 31)
        if c.data.get("mod"):
            a, b = _mod_range(y, y + 9, c.data["mod"])
            lo, hi = (a, 1, 1), (b, 12, 31)
        cal = "julian" if y + 9 < 1582 else "gregorian" if y >= 1760 else "unknown"
        cal = ctx.calendar if ctx.calendar in ("julian", "gregorian") else cal
        return (f"{y // 10:03d}", _make(span, lo, hi, "decade", cal, c.rule, anchor,
                                        f"{y // 10:03d}X" if not c.data.get("mod") and cal == "gregorian" else None),
                anchor, False)
    if k == "century":
        n = c.data["c"]
        y = (n - 1) * 100
        lo, hi = (max(1, y), 1, 1), (y + 99, 12, 31)
        if c.data.get("mod"):
            a, b = _mod_range(max(1, y), y + 99, c.data["mod"])
            lo, hi = (a, 1, 1), (b, 12, 31)
        cal = "julian" if y + 99 < 1582 else "gregorian" if y >= 1800 else "unknown"
        cal = ctx.calendar if ctx.calendar in ("julian", "gregorian") else cal
        return (f"{n - 1:02d}", _make(span, lo, hi, "century", cal, c.rule, None,
                                      f"{n - 1:02d}XX" if not c.data.get("mod") and cal == "gregorian" else None),
                None, False)
    if k == "season":
        return _season(c, span, ctx)
    if k == "weekday":
        return _weekday(c, span, ctx)
    if k == "weekend":
        return _weekend(c, span, ctx)
    if k == "ordinal":
        base = ctx.dct or ctx.ref
        d = c.data["d"]
        if base is None or base.precision == "year":
            return f"XXXX-XX-{d:02d}", None, None, False
        wcal = "julian" if base.calendar == "julian" else "gregorian"
        y, m, bd = _written(base.day, wcal)
        if c.data.get("mshift") is not None:
            y, m = _add_months(y, m, c.data["mshift"])
        elif base.precision == "day" and d < bd and not (base is ctx.dct and _tense(text, c.start) != "future"):
            # a narrative moves forward; a letter or diary entry speaks of its own month unless it looks ahead
            y, m = _add_months(y, m, 1)  # narrative moves forward: "the 2nd" after the 28th is next month's
        try:
            day = _to_greg(y, m, d, wcal)
        except ValueError:
            return f"XXXX-XX-{d:02d}", None, None, False
        value, date = _point(day, "day", span, c.rule, base.label, base.calendar, Anchor(day))
        return value, date, base.label, False
    if k in ("time", "tod"):
        return _time(c, span, text, ctx)
    if k == "movable":
        base = _partial_base(ctx)
        y = c.data["y"] or (base.day.year if base else None)
        key = c.data["key"]
        if y is None:
            return "XXXX", None, None, False
        julian = not key.startswith("thanksgiving") and _calendar(c, y, 4, 1, ctx) == "julian"
        fy, fm, fd = _feast_day(key, y, julian)
        if not c.data["y"] and base is not None and base.precision == "day":
            # the feast nearest the anchor (within half a year), like a day written without its year
            gap = (_to_greg(fy, fm, fd, "julian" if julian else "gregorian") - base.day).days
            if abs(gap) > 183:
                fy, fm, fd = _feast_day(key, y + (-1 if gap > 0 else 1), julian)
        cc = _Cand(c.start, c.end, "DATE", "abs", dict(y=fy, m=fm, d=fd, marker="julian" if julian else None),
                   c.rule + ("" if c.data["y"] else "+year-from-anchor"))
        value, date, _ = _resolve_abs(cc, text, ctx)
        anchor = None if c.data["y"] else (base.label if base else None)
        return value, date, anchor, bool(c.data["y"])
    if k == "fiscal":
        # a fiscal year ends in the year it is named after; its start varies by country and firm
        y = c.data["y"]
        date = _make(span, (y - 1, 1, 1), (y, 12, 31), "year", "gregorian", c.rule, None,
                     f"{y - 1:04d}/{y:04d}")
        return f"FY{y:04d}", date, None, False
    if k == "quarter":
        base = ctx.dct or ctx.ref
        half = c.data.get("half")
        per = 6 if half else 3
        letter = "H" if half else "Q"
        y = c.data["y"] or (base.day.year if base else None)
        if y is None:
            return f"XXXX-{letter}{c.data['q']}", None, None, False
        if not c.data["y"] and base is ctx.dct and base.precision == "day":
            # told in the past the last such quarter up to now, in the future the next one
            first = per * (c.data["q"] - 1) + 1
            tense = c.data.get("tense")
            if tense == "past" and dt.date(y, first, 1) > base.day:
                y -= 1
            elif tense == "future" and dt.date(*_add_months(y, first, per), 1) <= base.day:
                y += 1
        end_m = per * c.data["q"]
        lo, hi = (y, end_m - per + 1, 1), (y, end_m, _cal.monthrange(y, end_m)[1])
        cal = calendar_for(dt.date(y, lo[1], 1), ctx.calendar, ctx.country)
        date = _make(span, lo, hi, "month", cal if cal != "unknown" else "gregorian", c.rule,
                     None if c.data["y"] else base.label)
        return f"{y:04d}-{letter}{c.data['q']}", date, None if c.data["y"] else base.label, bool(c.data["y"])
    return "XXXX", None, None, False


def _duration_value(n: float | str, unit: str) -> str:
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


def _duration_parts(parts: list[tuple[float, str]]) -> str:
    """Return one ISO 8601 duration for "four hours and 12 minutes" (parts largest unit first)."""
    date = "".join(f"{_num(n)}{u}" for n, u in parts if u in ("Y", "M", "W", "D"))
    time = "".join(f"{_num(n)}{u[0]}" for n, u in parts if u in ("H", "MI", "S"))
    return "P" + date + ("T" + time if time else "")


def _num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _unresolved_rel(c: _Cand) -> str:
    n = c.data["n"]
    if isinstance(n, str) or n == 0:
        return "PRESENT_REF" if n == 0 and c.data["base"] == "dct" else ("PAST_REF" if c.data.get("pre") else "XXXX")
    return "PAST_REF" if n < 0 else "FUTURE_REF"


def _season(c: _Cand, span: str, ctx: _Ctx):
    code = c.data["s"]
    y = c.data.get("y")
    anchor = None
    base = ctx.dct if ctx.dct_given else (ctx.ref or ctx.dct)
    if y is None:
        rel = c.data.get("rel")
        if rel in ("this", "last", "next") and ctx.dct:
            base = ctx.dct
        if base is None:
            return f"XXXX-{code}", None, None, False
        y = base.day.year
        if base is ctx.dct and base.precision == "day" and not rel and c.data.get("tense") == "future":
            # news: "a report in the autumn" is the next autumn, "in the winter" said in December this one
            start_m = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
            if _add_months(y, start_m, 3) <= (base.day.year, base.day.month):
                y += 1
        if rel == "last":
            y -= 1
        elif rel in ("next", "following"):
            y += 1
        elif rel == "previous":
            y -= 1
        anchor = base.label
    months = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}[code]
    lo_y, lo_m = y, months[0]
    hi_y, hi_m = _add_months(y, 1, months[1] - 1)
    cal = calendar_for(dt.date(y, lo_m, 1), ctx.calendar, ctx.country)
    wcal = cal if cal != "unknown" else "gregorian"
    lo, hi = (lo_y, lo_m, 1), (hi_y, hi_m, _month_end(hi_y, hi_m, wcal))
    date = _make(span, lo, hi, "month", cal, c.rule + ("+year-from-anchor" if anchor else ""), anchor,
                 f"{y:04d}-{ {'SP': 21, 'SU': 22, 'FA': 23, 'WI': 24}[code]}" if cal == "gregorian" else None)
    return f"{y:04d}-{code}", date, anchor, anchor is None


def _weekday(c: _Cand, span: str, ctx: _Ctx):
    wd = c.data["wd"]
    rel = c.data.get("rel")
    base = ctx.dct or ctx.ref
    tod = c.data.get("tod")
    if base is None or base.precision != "day":
        return (f"XXXX-WXX-{wd + 1}" + (f"T{tod}" if tod else "")), None, None, False
    delta = (wd - base.day.weekday()) % 7
    if rel in ("next", "following"):
        day = base.day + dt.timedelta(days=delta or 7)
    elif rel in ("last", "previous"):
        day = base.day - dt.timedelta(days=(base.day.weekday() - wd) % 7 or 7)
    elif rel == "this":
        day = base.day + dt.timedelta(days=wd - base.day.weekday())
    else:
        fwd, back = delta, (base.day.weekday() - wd) % 7
        tense = c.data.get("tense")
        if tense == "future":
            day = base.day + dt.timedelta(days=fwd)
        elif tense == "past":
            day = base.day - dt.timedelta(days=back)
        else:
            # the nearest such weekday; narrative more often looks back, so a tie goes to the past
            day = base.day + dt.timedelta(days=fwd) if fwd < back else base.day - dt.timedelta(days=back)
    value, date = _point(day, "day", span, c.rule, base.label, base.calendar, Anchor(day))
    if tod:
        value += f"T{tod}"
    return value, date, base.label, False


def _weekend(c: _Cand, span: str, ctx: _Ctx):
    """Return (value, Date, anchor, explicit) for "the weekend", "last weekend": an ISO week's Saturday-Sunday."""
    rel = c.data.get("rel")
    base = (ctx.dct or ctx.ref) if rel in ("this", "last", "next", "past", "coming") or ctx.dct_given \
        else (ctx.ref or ctx.dct)
    if base is None or base.precision != "day":
        return "XXXX-WXX-WE", None, None, False
    day = base.day
    saturday = day + dt.timedelta(days=5 - day.weekday())  # the Saturday of the anchor's week
    tense = c.data.get("tense")
    if rel in ("last", "past", "previous") or rel in ("the", "that") and tense == "past" and day.weekday() < 5:
        saturday -= dt.timedelta(days=7)
    elif rel in ("next", "coming", "following"):
        saturday += dt.timedelta(days=7) if day.weekday() >= 5 or rel == "following" else dt.timedelta(0)
    iso = saturday.isocalendar()
    lo, hi = saturday, saturday + dt.timedelta(days=1)
    date = _make(span, (lo.year, lo.month, lo.day), (hi.year, hi.month, hi.day), "day", "gregorian", c.rule,
                 base.label)
    return f"{iso[0]:04d}-W{iso[1]:02d}-WE", date, base.label, False


def _time(c: _Cand, span: str, text: str, ctx: _Ctx):
    data = c.data
    if c.kind == "time" and data.get("y"):
        day = dt.date(data["y"], data["m"], data["d"])
        value = f"{_value_day(day)}T{data['hour']:02d}:{data['minute']:02d}"
        _, date = _point(day, "day", span, c.rule, None, "gregorian", Anchor(day))
        return value, date, None, True
    if c.kind == "time":
        base = ctx.ref if ctx.ref and ctx.ref.precision == "day" else ctx.dct
        if ctx.dct_given:
            # news tells of the last few days: a clock time belongs to the last day named near the DCT
            # ("sentenced Monday ... resumed at 2 p.m."), not to a background date weeks before
            base = ctx.recent or ctx.dct
        suffix = f"T{data['hour']:02d}:{data['minute']:02d}"
        if base is None or base.precision != "day":
            return "XXXX-XX-XX" + suffix, None, None, False
        _, date = _point(base.day, "day", span, c.rule, base.label, base.calendar, base)
        return _day_value(base.day, base.calendar) + suffix, date, base.label, False
    base = (ctx.dct or ctx.ref) if data["base"] == "dct" else (ctx.ref or ctx.dct)
    suffix = f"T{data['tod']}"
    if base is None or base.precision != "day":
        return "XXXX-XX-XX" + suffix, None, None, False
    day = base.day + dt.timedelta(days=data["offset"])
    _, date = _point(day, "day", span, c.rule, base.label, base.calendar, Anchor(day))
    return _day_value(day, base.calendar) + suffix, date, base.label, False


# -- the public functions ---------------------------------------------------------------------
def tag(text: str, *, dct: Date | dt.date | None = None, ref: Date | dt.date | None = None,
        calendar: str = "auto", country: str | None = None, years: tuple[int, int] | None = None,
        source: str = "", document: str | None = None, offset: int = 0,
        anchors: bool = True) -> list[Timex]:
    """Return the temporal expressions of ``text`` as :class:`~quellen.model.Timex` records, in text order.

    ``dct`` is the document's own date (it anchors "today", "a month ago"); ``ref`` the
    reference time the text starts from (default: ``dct``); it then follows each explicit
    date. ``calendar`` is ``settings.dates.calendar``; ``country`` (ISO alpha-2) helps
    "auto" decide Julian or Gregorian; ``years`` bounds the year of a date that states
    none when nothing anchors it. Offsets are shifted by ``offset``; ``anchors=False``
    stops explicit dates from moving the reference time (page furniture).

    >>> [t.value for t in tag("On March 14, 1879 he left. Two days later he wrote.")]
    ['1879-03-14', '1879-03-16']
    """
    return _tag(text, dct=dct, ref=ref, calendar=calendar, country=country, years=years, source=source,
                document=document, offset=offset, anchors=anchors, julian_until=julian_hint(text),
                dct_given=dct is not None)[0]


def _tag(text: str, *, dct, ref, calendar, country, years, source, document, offset,
         anchors, julian_until: dt.date | None = None, dct_given: bool = False,
         narrated: tuple[int, int] | None = None) -> tuple[list[Timex], Anchor | None]:
    ctx = _Ctx(dct=Anchor.of(dct), ref=Anchor.of(ref) or (None if narrated else Anchor.of(dct)), calendar=calendar,
               country=country, years=years, julian_until=julian_until, dct_given=dct_given,
               quotes=quote_spans(text), narrated=narrated)
    written = _written_years(text)
    out: list[Timex] = []
    for c in _resolution_order(_merge(_find(text), text), text):
        speech = _speech_deictic(c, ctx)
        if speech:
            # TimeML anchors a deictic word on its speaker's now: inside quoted speech, or in an account
            # told after the fact, that is the narrated day (the reference time), never the writing day
            writing = ctx.dct, ctx.full_ref
            ctx.dct = ctx.full_ref = ctx.ref
            value, date, anchor, explicit = _resolve(c, text, ctx)
            ctx.dct, ctx.full_ref = writing
        else:
            value, date, anchor, explicit = _resolve(c, text, ctx)
        if c.type in ("DURATION", "SET"):
            date = None
        if c.data.get("tod_of"):
            value += f"T{c.data['tod_of']}"
        if value.startswith("XXXX-") and c.kind == "abs" and c.data.get("d") and c.type == "DATE" \
                and anchors and _is_heading(text, c) and not ctx.years:
            # a diary heading without a year ("Thursday, March 8."): its entry is reckoned from it in a
            # stand-in year (one where that day is that weekday, when the heading says), and every
            # value computed from it keeps its year unknown
            ctx.dct = ctx.ref = _yearless_anchor(c, offset)
            ctx.moved = False
        elif anchor is not None and anchor.startswith(_YEARLESS) and value[:4].isdigit():
            proxy = date
            value = "XXXX" + value[4:]
            if c.kind in ("weekday", "weekend") and not anchor.startswith(_YEARLESS + "wd"):
                value = f"XXXX-WXX-{c.data['wd'] + 1}" if c.kind == "weekday" else "XXXX-WXX-WE"
                proxy = None
            date = None
            if proxy is not None and proxy.precision == "day" and c.type in ("DATE", "TIME") \
                    and (c.type == "DATE" or c.data.get("tod_of")):
                known = anchor.startswith(_YEARLESS + "wd")
                moved = Anchor(proxy.earliest, "day", "gregorian", (_YEARLESS + ("wd" if known else "")) +
                               f"{value[:10]}@{offset + c.start}")
                ctx.ref = moved
                if _is_heading(text, c):
                    ctx.dct = moved
        if ctx.dct_given and date is not None and date.precision == "day" and date.earliest == date.latest \
                and abs((date.earliest - ctx.dct.day).days) <= 7:
            ctx.recent = Anchor(date.earliest, "day", "gregorian", f"{date.edtf}@{offset + c.start}")
        if c.kind == "time" and date is not None and re.search(r"T\d\d:\d\d$", value):
            ctx.clock = (date.earliest, int(value[-5:-3]), int(value[-2:]))
        if anchors and date is not None and (c.type == "DATE" or c.data.get("tod_of")) \
                and speech != "quoted" \
                and date.precision in ("day", "month", "year") \
                and (explicit or anchor is not None) and not value.endswith(("_REF",)) \
                and not _bound_only(text, c) and not _far_stamp(c, date, written) \
                and not (c.kind == "rel" and _looks_back(c) and date.precision != "day"):
            label = f"{date.edtf}@{offset + c.start}"
            ctx.ref = Anchor(date.earliest, date.precision, date.calendar if date.calendar != "unknown"
                             else "gregorian", label, quarter=c.kind == "quarter" and not c.data.get("half"))
            # a full date moves the narrative away from a heading; a bare year ("in the year 1660" in a
            # diary entry) is a recollection and does not
            ctx.moved = ctx.moved or explicit and date.precision in ("day", "month")
            if explicit and date.precision in ("day", "month"):
                ctx.full_ref = ctx.ref
            if c.kind == "abs" and date.precision == "day" and _is_heading(text, c):
                # a diary heading or a date line: the day the following lines were written
                ctx.dct = ctx.ref
                ctx.moved = False
        if date is not None:
            date = replace(date, basis=_basis(c, date, anchor))
        out.append(Timex(source=source, document=document, char_start=offset + c.start, char_end=offset + c.end,
                         text=text[c.start:c.end], type=c.type, value=value, date=date, rule=c.rule,
                         anchor=anchor))
    out.sort(key=lambda t: t.char_start)
    return out, ctx.ref


#: candidates that name a place in the calendar (a day, a month, a season, a feast, a quarter, a decade):
#: when something anchored them, only their year (or century) came from the context
_CALENDAR_KINDS = frozenset({"abs", "month", "season", "movable", "quarter", "decade"})


def _basis(c: _Cand, date: Date, anchor: str | None) -> DateBasis:
    """Return where a resolved date came from: the text alone, the text and a year from context, or a
    count from another date."""
    if anchor is None and date.anchor is None:
        return DateBasis.STATED
    return DateBasis.YEAR_FROM_CONTEXT if c.kind in _CALENDAR_KINDS else DateBasis.RECKONED


_YEARLESS = "yearless:"

# quotation marks that only open, only close, or do both (straight quotes toggle)
_OPENERS = {"\u201c": "\u201d", "\u201e": "\u201c\u201d", "\u00ab": "\u00bb", "\u2018": "\u2019", "\u201a": "\u2018\u2019"}
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


def _speech_deictic(c: _Cand, ctx: _Ctx) -> str:
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


def _yearless_anchor(c: _Cand, offset: int) -> Anchor:
    """Return a stand-in anchor for a heading day without a year: a year in which that day falls on the
    weekday the heading gives (label ``yearless:wd...``), or a leap year when it gives none."""
    m, d, wd = c.data["m"], c.data["d"], c.data.get("weekday")
    if wd is not None:
        for y in range(2000, 2028):
            try:
                if dt.date(y, m, d).weekday() == wd:
                    return Anchor(dt.date(y, m, d), "day", "gregorian", f"{_YEARLESS}wdXXXX-{m:02d}-{d:02d}@{offset + c.start}")
            except ValueError:
                break
    return Anchor(dt.date(2000, m, min(d, _cal.monthrange(2000, m)[1])), "day", "gregorian",
                  f"{_YEARLESS}XXXX-{m:02d}-{d:02d}@{offset + c.start}")


_SINCE = re.compile(r"\b(?:since|until|till|before)\s+(?:the\s+)?$", re.I)


def _bound_only(text: str, c: _Cand) -> bool:
    """Return True when the date is only a bound ("since 1991", "until 1975"): the narrative does not
    move to it, so "a year earlier" after it still counts from the period being told."""
    return c.kind == "abs" and c.data.get("m") is None and bool(_SINCE.search(text[max(0, c.start - 12):c.start]))


def _looks_back(c: _Cand) -> bool:
    """Return True for a relative expression that looks back ("a year earlier", "two months ago"):
    a recollection, after which the narrative stays where it was."""
    n = c.data.get("n")
    return isinstance(n, (int, float)) and n < 0


def _written_years(text: str) -> list[int]:
    """Return the years the text writes out with a month or as a prose year (not numeric stamps)."""
    return [int(m.group("y")) for m in _FULL_DATE_YEAR.finditer(text)]


def _far_stamp(c: _Cand, date: Date, written: list[int]) -> bool:
    """Return True for a numeric or ISO date ("09/30/2021") whose year lies decades away from every
    year the text writes in words: a page or download stamp, which never anchors the text's dates."""
    if c.rule not in ("numeric-date", "iso-date") or not written:
        return False
    return min(abs(date.earliest.year - y) for y in written) > 20


def tag_documents(text: str, documents: list[Document], *, calendar: str = "auto",
                  country: str | None = None, furniture: frozenset[str] = FURNITURE_KINDS) -> list[Timex]:
    """Return the timexes of every document of one source, in text order, with source offsets.

    ``text`` is the source's (working) text and ``documents`` its documents in text order.
    A document's own ``date`` anchors its deictic expressions ("today", "a month ago")
    and starts its reference time; undated documents carry the narrative's reference
    time from one to the next, and it follows their explicit dates. Page furniture
    (headings, captions, page stamps) is tagged but never anchors anything.
    ``country`` (alpha-2) is where the source's dates were written, if known; a
    document's place refines it. A date whose year nothing tells widens over the years
    the source states.
    """
    years = _source_years(text, documents, furniture)
    hint = julian_hint(text)
    narrative: Anchor | None = None
    out: list[Timex] = []
    for i, document in enumerate(documents):
        if narrative is None and document.kind not in furniture and document.date is None:
            # a narrative frame before any date: the next dated document it introduces (a few
            # paragraphs on) tells its year ("From the end of May ..." before a letter of July)
            narrative = _next_dated(documents, i, furniture)
        part = text[document.char_start:document.char_end]
        where = country_of(document.place.name) if document.place else None
        if document.kind in furniture:
            found, _ = _tag(part, dct=None, ref=narrative, calendar=calendar, country=where or country,
                            years=years, source=document.source, document=document.id,
                            offset=document.char_start, anchors=False, julian_until=hint)
        elif document.date is not None and document.date.precision in ("day", "month", "year"):
            found, _ = _tag(part, dct=document.date, ref=None, calendar=calendar, country=where or country,
                            years=years, source=document.source, document=document.id,
                            offset=document.char_start, anchors=True, julian_until=hint,
                            narrated=retrospective_body(part, document))
            # the narrative goes on from a dated document's own date (a receipt of 4 March, then
            # "On March 6, ..."), not from the dates it recalls
            narrative = Anchor.of(document.date, f"document:{document.id}")
        else:
            found, narrative = _tag(part, dct=None, ref=narrative, calendar=calendar, country=where or country,
                                    years=years, source=document.source, document=document.id,
                                    offset=document.char_start, anchors=True, julian_until=hint)
        out.extend(found)
    return out


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


def _next_dated(documents: list[Document], i: int, furniture: frozenset[str],
                reach: int = 3000) -> Anchor | None:
    """Return the date of the first dated document after ``documents[i]`` within ``reach`` characters."""
    end = documents[i].char_end
    for later in documents[i + 1:]:
        if later.char_start - end > reach:
            return None
        if later.kind in furniture:
            continue
        if later.date is not None and later.date.precision in ("day", "month", "year"):
            return Anchor.of(later.date, f"next-document:{later.id}")
    return None


def _source_years(text: str, documents: list[Document], furniture: frozenset[str]) -> tuple[int, int] | None:
    """Return the first and last year the source's non-furniture text states in a full date, or None."""
    years = []
    for document in documents:
        if document.kind in furniture:
            continue
        for m in _FULL_DATE_YEAR.finditer(text, document.char_start, document.char_end):
            years.append(int(m.group("y")))
    return (min(years), max(years)) if years else None


_FULL_DATE_YEAR = re.compile(_mon("mon") + r"\s*(?:\d{1,2}(?:st|nd|rd|th|d)?,?\s*)?" + _year("y"))


_DECLARED_JULIAN = re.compile(r"\b(?:dates?|days?)\b[^.\n]{0,40}\b(?:old\s+style|Julian\s+calendar|O\.\s?S\.)",
                              re.I)
_DUAL_YEAR = re.compile(r"\b1[5-7]\d\d/\d{1,2}\b")


def julian_hint(text: str) -> dt.date | None:
    """Return the day before which an unmarked date of ``text`` is Julian, from what the text shows:
    a declaration ("all dates are given in the Old Style") until the last country's adoption (1924),
    English dual years ("1651/2") until Britain's (14 September 1752); None when it shows neither."""
    if _DECLARED_JULIAN.search(text):
        return dt.date(1924, 1, 1)
    for m in _DUAL_YEAR.finditer(text):
        year, _, tail = m.group(0).partition("/")
        if _dual(int(year), tail):
            return dt.date(1752, 9, 14)
    return None


def _is_heading(text: str, c: _Cand) -> bool:
    """Return True when the date stands as a diary heading ("3 January.") or a date line ("Lyon, 16 May 1812")."""
    line_start = text.rfind("\n", 0, c.start) + 1
    line_end = text.find("\n", c.end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:c.start], text[c.end:line_end]
    if not before.strip() and re.match(r"\s*(?:[.:—–-]|$)", after):
        return True
    return not after.strip(" .") and len(before) < 60 and not re.search(r"[.;!?]\s", before)


def _resolution_order(cands: list[_Cand], text: str) -> list[_Cand]:
    """Return the candidates in the order to resolve them: a clock time directly followed by its day
    ("at 5 p.m. on April 9, 1865") waits for that day."""
    out = list(cands)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind in ("time", "tod") and not a.data.get("y") and b.kind in ("abs", "weekday", "rel", "ordinal") and \
                re.fullmatch(r"\s*(?:on|of|,)?\s*(?:the\s+)?|[^.;:!?\n]{0,30}\s(?:on|of)\s+(?:the\s+)?",
                             text[a.end:b.start], re.I):
            out[i], out[i + 1] = b, a
    return out


def parse_date(text: str, *, anchor: Date | dt.date | None = None, calendar: str = "auto",
               country: str | None = None) -> Date | None:
    """Return the first date written in ``text`` (a date line, a heading) as a :class:`Date`, or None.

    Reads full and partial dates, day ranges ("April 7-8, 1862"), Old/New Style twins
    ("February 19 (March 3, new style) 1861", "16/28 August 1813"), dual years
    ("the 3d of March 1651/2"), numeric dates and bare years. A date without a year is
    completed from ``anchor`` when one is given, and otherwise not returned.

    >>> parse_date("April 7-8, 1862").edtf
    '1862-04-07/1862-04-08'
    """
    for t in tag(text, ref=anchor, calendar=calendar, country=country):
        if t.type == "DATE" and t.date is not None and t.date.rule.split("+")[0] not in (
                "relative-word", "relative-unit", "present-ref", "and-a-half", "ordinal-day", "weekday"):
            return t.date
    return None


def timex_json(timexes: list[Timex], offset: int = 0) -> list[dict[str, Any]]:
    """Return the ``quellen timex --format json`` records: char_start, char_end, text, type, value."""
    return [{"char_start": t.char_start - offset, "char_end": t.char_end - offset, "text": t.text,
             "type": t.type, "value": t.value} for t in timexes]
