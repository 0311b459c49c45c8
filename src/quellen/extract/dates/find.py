"""Steps 1 and 2 of the tagger: **find** candidate expressions with the rules, and **choose** the longest
non-overlapping ones.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from ...lexicons import words
from .lexicon import (DAY_WORDS, DECADE_WORD, IGNORE_CASE, MABBR, MARKER, MFULL, MOD, MONTHS, NUM_BODY, ORD_DAY,
                      ORD_WORD, SEASON, TOD, UNIT, UNITS, VAGUE, WD, WEEKDAY_PLURALS, WEEKDAYS, WORD_NUM, Cand, day_re,
                      day_value, duration_value, elided_year_re, month_re, plain_month, plain_weekday, spelled,
                      year_re)

# -- step 1: find ---------------------------------------------------------------------------
_RULES: list[tuple[str, re.Pattern, Callable[[re.Match, str], Cand | None]]] = []


def _rule(name: str, pattern: str, flags: int = 0, prio: int = 0):
    compiled = re.compile(pattern, flags)

    def register(func):
        def wrapped(m: re.Match, text: str) -> Cand | None:
            cand = func(m, text)
            if cand is not None:
                cand.rule = cand.rule or name
                cand.prio = prio
            return cand
        _RULES.append((name, compiled, wrapped))
        return func
    return register


def _month_of(word: str | None) -> int | None:
    return (MONTHS.get(word.lower().rstrip(".")) or plain_month(word)) if word else None


def _marker(m: re.Match) -> str | None:
    if m.groupdict().get("os"):
        return "julian"
    if m.groupdict().get("ns"):
        return "gregorian"
    return None


def dual_year(year: int, dual: str | None) -> int | None:
    """Return the modern year of "1651/2" (1652), or None when the pair is not a dual year."""
    if not dual:
        return None
    tail = int(dual)
    width = len(dual)
    second = year - year % 10 ** width + tail
    if second <= year:
        second += 10 ** width
    return second if second == year + 1 else None


#: the last day of the old civil year: a dual year ("1659/60", "1659-60") stands before it
LADY_DAY_EVE = (3, 24)
#: 1751 was the last English civil year to begin on 25 March: no dual year is written after it
LAST_DUAL_YEAR = 1752


def _abs(match: re.Match, start: int, end: int, rule: str, **data) -> Cand:
    g = match.groupdict()
    year = int(g["y"]) if g.get("y") else None
    modern = dual_year(year, g.get("ydual")) if year else None
    month, day = _month_of(g.get("mon")), day_value(g["d"]) if g.get("d") else None
    if year and g.get("ydash"):
        # "January 1659-60": a dual year written with a dash, only from 1 January to 24 March of a
        # year when the English civil year began on 25 March (any other "1659-60" is two years:
        # the date ends at its first)
        before_lady_day = month is not None and (month, day or 1) <= LADY_DAY_EVE and year < LAST_DUAL_YEAR
        modern = dual_year(year, g["ydash"]) if before_lady_day else None
        if modern is None:
            end = min(end, match.end("y"))
    d = dict(y=modern or year, m=month, d=day,
             d2=day_value(g["d2"]) if g.get("d2") else None, dual=modern is not None,
             marker=_marker(match), mod=_mod(g.get("mod")), weekday=_wd(g.get("wd")))
    d.update(data)
    return Cand(start, end, "DATE", "abs", d, rule)


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
    if not word:
        return None
    wd = WEEKDAYS.get(word.lower().rstrip("."))
    return wd if wd is not None else plain_weekday(word)


_WDPRE = rf"(?:(?P<wd>{WD}),?\s+(?:the\s+)?)?"
#: between a month and its day: nothing, or "the" ("December the 3rd", "May the first")
#: (or a comma after a plain-style month, "6th month, 9th 1797", as the plain style often writes it)
_MTHE = r"(?:,?\s+(?P<mthe>[Tt]he)\s+|(?<=[Mm]onth),\s*|\s*)"
#: what may follow a day written in words, or after "the" behind its month, when no year follows to make it
#: a date: the end of the clause or a word that cannot be the noun it numbers ("the first frost", "the second
#: time", "May the first man win" are no dates)
_SPELLED_END = re.compile(r"\s*(?:$|[,.;:!?)\]—–]|-{2}|\s(?:we|I|he|she|they|it|there|when|was|were|had|"
                          r"until|till|if|but|inst|ult|prox|instant|ultimo|proximo|"
                          r"of\s+(?:the\s+)?(?:month|this|that|same|last|next)\b)\b)")


def _spelled_ok(m: re.Match, text: str, day: str = "d") -> bool:
    """Return True unless the day of ``m`` is written in words (or after "December the") and what follows
    makes it an adjective: "in December the first snow fell", "the second time"."""
    if not (spelled(m.group(day)) or m.groupdict().get("mthe")):
        return True
    return bool(_SPELLED_END.match(text, m.end()))


#: (a plain-style date may name the day as such: "2nd month 9th day 1801")
@_rule("month-day-year", _WDPRE + month_re("mon") + _MTHE + day_re("d") + r"(?:\s*(?:[-–—]|to|and|or)\s*"
       + day_re("d2") + r")?(?:\s+day\b)?,?\s*" + year_re("y", dash=True) + MARKER + "?", prio=5)
def _r_mdy(m, text):
    return _abs(m, m.start(), m.end(), "month-day-year")


#: a day of the month in cardinal words ("seventeen", "twenty-one"): a letter's date line writes "March two, 1819"
_CARD_DAYS = {w: int(n) for w, n in WORD_NUM.items() if isinstance(n, int) and 1 <= n <= 19 and " " not in w
              and w not in ("a", "an")}
_CARD_DAYS.update({f"{t}-{u}": n + k for t, n in (("twenty", 20), ("thirty", 30))
                   for u, k in [("", 0), *((w, v) for w, v in _CARD_DAYS.items() if v <= 9)] if n + k <= 31})
_CARD_DAYS = {w.rstrip("-"): n for w, n in _CARD_DAYS.items()}
_CARD_DAY = r"(?i:" + "|".join(w.replace("-", r"[\s-]") for w in sorted(_CARD_DAYS, key=len, reverse=True)) + r")"


#: (only with its year after it: "May one day" and "March two regiments" are no dates)
@_rule("month-cardinal-day-year", month_re("mon") + r"\s+(?P<cd>" + _CARD_DAY + r")(?!\w|-[A-Za-z])"
       + r"(?:,?\s*|\s*[-–—]{1,2}\s*)" + year_re("y") + r"(?![\w/-])", prio=5)
def _r_month_cardinal_year(m, text):
    return _abs(m, m.start(), m.end(), "month-cardinal-day-year",
                d=_CARD_DAYS[re.sub(r"[\s-]+", "-", m.group("cd").lower())])


#: the plain style's shortest form, the day's ordinal and the month's, then the year: "15th 6th 1794", "14th day
#: 10th 1802" (the month an ordinal of 1 to 12 with its suffix; never two numbers without their suffixes)
@_rule("plain-numeric-date", r"(?<![\w/.-])(?P<d>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|d))\s+(?:day\s+(?:of\s+)?)?"
       r"(?P<pm>(?:1[0-2]|[1-9])(?:st|nd|rd|th|d))\.?,?\s+" + year_re("y") + r"(?![\w/-])", prio=5)
def _r_plain_numeric(m, text):
    return _abs(m, m.start(), m.end(), "plain-numeric-date", m=int(re.match(r"\d+", m.group("pm")).group(0)))


@_rule("day-month-year", _WDPRE + r"(?:[Tt]he\s+)?" + day_re("d") + r"(?:\s*(?:(?P<sep>[-–—/]|to|and|or)\s*)"
       + day_re("d2") + r")?\s+(?:of\s+|(?P<dayw>day)\s+(?:of\s+)?)?" + month_re("mon") + r",?\s*"
       + year_re("y", dash=True) + MARKER + "?", prio=5)
def _r_dmy(m, text):
    if m.group("dayw") and not re.search(r"\bof\s", m.group(0)) and (spelled(m.group("d")) or m.group("wd")):
        return None  # the plain style's "13 day 2nd month" is a date, but "First day 3rd month" is a weekday first
    if m.group("sep") == "/":
        # "16/28 August 1813": the Julian and the Gregorian day of one date
        c = _abs(m, m.start(), m.end(), "slash-pair", d2=None)
        c.data["twin_day"] = day_value(m.group("d2"))
        return c
    return _abs(m, m.start(), m.end(), "day-month-year")


@_rule("month-day", _WDPRE + month_re("mon") + _MTHE + day_re("d") + r"(?:\s*(?:[-–—]|to|and|or)\s*" + day_re("d2") +
       r")?(?!\s*,?\s*\d)(?!:)" + MARKER + "?", prio=3)
def _r_md(m, text):
    if m.group("mon").lower().rstrip(".") in ("may", "mar") and not m.group("wd") and _modal_may(m, text):
        return None
    if not _spelled_ok(m, text):
        return None
    return _abs(m, m.start(), m.end(), "month-day")


@_rule("day-month", _WDPRE + r"(?:[Tt]he\s+)?" + day_re("d") + r"(?:\s*(?:(?P<sep>[-–—/]|to|and|or)\s*)"
       + day_re("d2") + r")?\s+(?:of\s+|day\s+of\s+)?" + month_re("mon") + r"(?!\s*,?\s*\d)" + MARKER + "?", prio=3)
def _r_dm(m, text):
    if spelled(m.group("d")) and not re.search(r"\bof\s", m.group(0)) and not _spelled_ok(m, text):
        return None  # "the first May morning" (but "the first of May" is a date whatever follows)
    if m.group("sep") == "/":
        c = _abs(m, m.start(), m.end(), "slash-pair", d2=None)
        c.data["twin_day"] = day_value(m.group("d2"))
        return c
    return _abs(m, m.start(), m.end(), "day-month")


def _modal_may(m: re.Match, text: str) -> bool:
    """Return True when "May 5" is more likely the verb ("they may 5 ...") — lower-case only."""
    return m.group("mon")[0].islower()


@_rule("month-year", MOD + "?" + month_re("mon") + r",?\s+(?:of\s+)?" + year_re("y", dash=True) + MARKER + "?", prio=4)
def _r_my(m, text):
    return _abs(m, m.start(), m.end(), "month-year")


def _elided(m: re.Match, rule: str) -> Cand:
    # "Aug. 4, 17—": the day and month as written, the year somewhere in the century ("17—") or the
    # decade ("184—") the printed digits leave open; anchoring makes it an interval over those years
    return _abs(m, m.start(), m.end(), rule, elided=m.group("ey"))


_ELIDED = elided_year_re("ey")


@_rule("month-day-elided-year", _WDPRE + month_re("mon") + _MTHE + day_re("d") + r",?\s*" + _ELIDED, prio=5)
def _r_md_elided(m, text):
    return _elided(m, "month-day-elided-year")


@_rule("day-month-elided-year", _WDPRE + r"(?:[Tt]he\s+)?" + day_re("d") + r"\s+(?:of\s+|day\s+of\s+)?"
       + month_re("mon") + r",?\s*" + _ELIDED, prio=5)
def _r_dm_elided(m, text):
    return _elided(m, "day-month-elided-year")


# "May, 17—", "June of 184—": a month and an elided year need the comma or "of" between them, since
# "May 17—" is more often a day followed by a dash
@_rule("month-elided-year", month_re("mon") + r"(?:,\s*|\s+of\s+)" + _ELIDED, prio=4)
def _r_m_elided(m, text):
    return _elided(m, "month-elided-year")


@_rule("year-elided", r"\b(?:[Tt]he\s+)?[Yy]ear\s+(?:of\s+our\s+Lord\s+)?" + _ELIDED, prio=4)
def _r_year_elided(m, text):
    return _elided(m, "year-elided")


#: the number words a year written in words is made of ("eighteen hundred and twelve", "one thousand eight
#: hundred and fifty-seven")
_YEAR_NUMBER = r"(?:" + "|".join(sorted((k for k, v in WORD_NUM.items() if isinstance(v, int) and " " not in k
                                        and k not in ("a", "an", "dozen")), key=len, reverse=True)) + r"|thousand)"
_YEAR_WORDS = rf"(?P<yw>{_YEAR_NUMBER}(?:(?:[\s-]+|\s+and\s+){_YEAR_NUMBER}){{1,6}})\b"


def year_in_words(written: str) -> int | None:
    """Return the year a number in words says, or None: "eighteen hundred and twelve" -> 1812, "one thousand
    eight hundred and fifty-seven" -> 1857, "eighteen fifty-seven" -> 1857 (a year read in two halves)."""
    parts = [w for w in re.split(r"[\s-]+", written.lower()) if w != "and"]
    if any(w not in WORD_NUM and w != "thousand" for w in parts):
        return None
    if "hundred" in parts or "thousand" in parts:
        total = current = 0
        for w in parts:
            if w == "thousand":
                total, current = total + current * 1000, 0
            elif w == "hundred":
                current *= 100
            else:
                current += WORD_NUM[w]
        year = total + current
    else:
        head, tail = WORD_NUM[parts[0]], sum(WORD_NUM[w] for w in parts[1:])
        year = head * 100 + tail if 10 <= head <= 20 and 10 <= tail < 100 else 0
    return year if 1000 <= year <= 2100 else None


@_rule("year-words", r"\b(?:[Tt]he\s+)?[Yy]ear\s+(?:of\s+(?:our\s+)?Lord\s+)?" + _YEAR_WORDS, IGNORE_CASE, prio=4)
def _r_year_words(m, text):
    # "in the year eighteen hundred and twelve": a year in words only after the word "year", where no count
    # of something else can stand
    year = year_in_words(m.group("yw"))
    if year is None:
        return None
    return Cand(m.start(), m.end(), "DATE", "abs", dict(y=year, m=None, d=None, d2=None, dual=False, marker=None,
                                                        mod=None, weekday=None))


#: a day and month, then the year in words, as deeds, acts and protests write their date out ("this fourth day of
#: March, in the year of grace one thousand seven hundred and ninety" without "of grace", "the third of June,
#: eighteen hundred and four"): after a day and a month the number in words can only be their year
@_rule("day-month-year-words", _WDPRE + r"(?:[Tt]he\s+)?" + day_re("d") + r"\s+(?:of\s+|day\s+of\s+)?"
       + month_re("mon") + r",?\s+(?i:(?:in\s+)?the\s+year\s+(?:of\s+(?:our\s+)?Lord\s+)?)?" + _YEAR_WORDS, prio=5)
def _r_dmy_words(m, text):
    year = year_in_words(m.group("yw"))
    if year is None:
        return None
    c = _abs(m, m.start(), m.end(), "day-month-year-words")
    c.data["y"] = year
    return c


_YEAR_CUE = re.compile(r"(?:\b(?:in|of|since|until|till|by|from|to|during|before|after|through|"
                       r"throughout|around|about|circa|c\.|ca\.|year|years|spring|summer|autumn|fall|"
                       r"winter|early|late|mid|between|and|or|the|that|this|end|beginning|middle|"
                       r"until|for|as|on)|[-–(,]|^)\s*$", re.I)
_YEAR_BAD_AFTER = re.compile(r"\s*(?:%|per\b|percent|[a-z]+s\b(?!\s+(?:ago|later|before|after|earlier)))",)


@_rule("year", MOD + r"?(?:the\s+year\s+)?" + year_re("y") + r"(?![\d,.]\d)" + MARKER + "?", prio=1)
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


#: a year written with its century left out after an apostrophe ("in '46", "the winter of '62"): read only
#: after a word that leads to a year ("in", "of", "since"...), since an apostrophe before two digits also
#: opens a quotation
_APOSTROPHE_YEAR_CUE = re.compile(r"(?:\b(?:in|of|since|until|till|by|from|to|during|before|after|through|"
                                  r"throughout|around|about|circa|year|spring|summer|autumn|fall|winter|early|"
                                  r"late|mid|between|back)"
                                  # (a comma, "and", "or" only after another such year, "in '46 and '47": before a
                                  # quotation they open speech, "He said, '10 more minutes!'")
                                  r"|['’]\d{2}\s*(?:,|and|or|to|[-–]))\s*$", re.I)


@_rule("apostrophe-year", r"(?<![\w'’])['’](?P<sy>\d{2})(?![\w'’]|[.,]\d)", prio=3)
def _r_apostrophe_year(m, text):
    if not _APOSTROPHE_YEAR_CUE.search(text[max(0, m.start() - 20):m.start()]):
        return None
    return Cand(m.start(), m.end(), "DATE", "abs", dict(y=None, short_year=int(m.group("sy")), m=None, d=None,
                                                           d2=None, dual=False, marker=None, mod=None, weekday=None))


@_rule("short-year-range", r"(?<=[-–])(?P<y>\d{2})(?!\d)")
def _r_short_year(m, text):
    # the "18" of "1914-18": a year in the century of the one before the dash
    prev = re.search(r"(1\d|20)(\d{2})[-–]$", text[max(0, m.start() - 6):m.start()])
    if not prev:
        return None
    y = int(prev.group(1) + m.group("y"))
    if y <= int(prev.group(1) + prev.group(2)):
        return None
    return Cand(m.start(), m.end(), "DATE", "abs", dict(y=y, m=None, d=None, d2=None, dual=False,
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
    return Cand(m.start(), m.end(), "DATE", "abs", dict(y=y, m=month, d=day, d2=None, dual=False,
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
        return Cand(m.start(), m.end(), "TIME", "time", dict(data, hour=int(m.group("h")),
                                                               minute=int(m.group("mi"))))
    return Cand(m.start(), m.end(), "DATE", "abs", data)


@_rule("month", r"(?:(?P<rel>last|next|this|that|the\s+following|the\s+previous|the\s+same)\s+)?" + MOD +
       r"?(?P<mon>" + MFULL + r")(?!\s*,?\s*\d)\b", prio=2)
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
    return Cand(m.start(), m.end(), "DATE", "month", dict(m=MONTHS[word.lower()], rel=rel,
                                                           mod=_mod(m.group("mod"))))


@_rule("decade", MOD + r"?(?:the\s+)?(?P<mod2>early\s+|mid[\s-]*|late\s+)?(?:(?P<y>1\d{2}0|20[0-9]0)"
                       r"|['’](?P<yy>\d0))['’]?s\b", prio=4)
def _r_decade(m, text):
    mod = _mod(m.group("mod") or m.group("mod2"))
    if m.group("y"):
        return Cand(m.start(), m.end(), "DATE", "decade", dict(y=int(m.group("y")), mod=mod))
    return Cand(m.start(), m.end(), "DATE", "decade", dict(y=None, short=int(m.group("yy")) // 10, mod=mod))


@_rule("decade-word", MOD + r"?the\s+(?P<mod2>early\s+|mid[\s-]*|late\s+)?['’]?(?P<w>twenties|thirties|forties|fifties"
                            r"|sixties|"
       r"seventies|eighties|nineties)\b", IGNORE_CASE, prio=4)
def _r_decade_word(m, text):
    if re.match(r"\s+of\b", text[m.end():m.end() + 5]) or re.search(r"\b(?:his|her|their|my|our|your)\s+$",
                                                                      text[max(0, m.start() - 8):m.start()]):
        return None  # "in their twenties" is an age
    return Cand(m.start(), m.end(), "DATE", "decade",
                 dict(y=None, short=DECADE_WORD[m.group("w").lower()], mod=_mod(m.group("mod") or m.group("mod2"))))


@_rule("century", MOD + r"?(?:the\s+)?(?P<mod2>early\s+|mid[\s-]*|late\s+)?(?P<c>\d{1,2}(?:st|nd|rd|th)|"
       + "|".join(sorted(ORD_WORD, key=len, reverse=True)) +
       r")[\s-]+(?:centur(?:y|ies)|c\.)(?P<bc>\s*B\.?\s?C\.?)?", IGNORE_CASE, prio=4)
def _r_century(m, text):
    c = m.group("c").lower()
    n = int(re.match(r"\d+", c).group(0)) if c[0].isdigit() else ORD_WORD[c]
    if m.group("bc") or not 1 <= n <= 21:
        return None
    return Cand(m.start(), m.end(), "DATE", "century", dict(c=n, mod=_mod(m.group("mod") or m.group("mod2"))))


@_rule("season", r"(?:(?P<rel>last|next|this|that|the\s+following|the\s+previous|the\s+same|the\s+next)\s+|the\s+)?"
       r"(?P<mod>early\s+|late\s+|mid-?)?(?P<s>spring|summer|autumn|fall|winter)"
       r"(?:(?:\s+of|,)?\s+(?:" + year_re("y") + r"|['’](?P<sy>\d{2})(?![\w'’])))?(?!\w)", IGNORE_CASE, prio=3)
def _r_season(m, text):
    word = m.group("s").lower()
    before = text[max(0, m.start() - 16):m.start()].lower()
    if not (m.group("y") or m.group("sy") or m.group("rel")):
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
    short = int(m.group("sy")) if m.group("sy") else None  # "the winter of '62": the century from the anchor
    return Cand(m.start(), m.end(), "DATE", "season", dict(s=SEASON[word], y=y, rel=rel, mod=_mod(m.group("mod")),
                                                          tense=tense_at(text, m.start()), short_year=short))


@_rule("weekday", r"(?:(?P<rel>last|next|this|that|the\s+following|the\s+previous|the\s+next|on)\s+)?"
       r"(?:(?P<wmod>[Ll]ate|[Ee]arly)\s+)?(?P<wd>" + WD + r")(?P<plural>s)?(?:\s+(?P<tod>morning|afternoon|evening"
                                                           r"|night))?"
       r"(?:\s+(?P<post>last|next)(?!\s+(?:week|month|year|time)))?\b", prio=2)
def _r_weekday(m, text):
    wd = _wd(m.group("wd"))
    rel = (m.group("rel") or "").lower().split()[-1] if m.group("rel") else None
    start = m.start() if rel != "on" else m.start("wmod") if m.group("wmod") else m.start("wd")
    if m.group("post") and rel in (None, "on"):
        rel = m.group("post")  # "Saturday last", "Monday next" (letters)
    if m.group("plural"):
        return Cand(start, m.end(), "SET", "set", dict(value=f"XXXX-WXX-{wd + 1}"))
    if m.group("tod"):
        # ("On Monday night ... I was woke": the tense tells which Monday as it does without the time of day)
        return Cand(start, m.end(), "TIME", "weekday", dict(wd=wd, rel=None if rel == "on" else rel,
                                                            tod=TOD[m.group("tod").lower()],
                                                            tense=tense_at(text, m.start()),
                                                            tense_after=tense_after(text, m.end())))
    return Cand(start, m.end(), "DATE", "weekday", dict(wd=wd, rel=None if rel == "on" else rel,
                                                        tense=tense_at(text, m.start()),
                                                        tense_after=tense_after(text, m.end())))


_FUTURE = re.compile(r"\b(?:will|shall|won't|'ll|going\s+to|(?:is|are|am)\s+to|plans?|expects?|hopes?|until|till|"
                     r"begins|starts|opens|resumes|meets?|(?:is|are)\s+(?:scheduled|set|due)|fall\s+due|next)\b", re.I)
#: a clause that looks back: a past form that does not end in -ed (data/lexicon/past_tense_verbs.txt), or one that does
_PAST = re.compile(rf"\b(?:{'|'.join(words('past_tense_verbs'))}|"
                   r"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bam\s)\w+ed)\b", re.I)


def is_heading(text: str, c: Cand) -> bool:
    """Return True when the date stands as a diary heading ("3 January.") or a date line ("Lyon, 16 May 1812")."""
    line_start = text.rfind("\n", 0, c.start) + 1
    line_end = text.find("\n", c.end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:c.start], text[c.end:line_end]
    if not before.strip() and re.match(r"\s*(?:[.:—–-]|$)", after):
        return True
    return not after.strip(" .") and len(before) < 60 and not re.search(r"[.;!?]\s", before)


def tense_at(text: str, pos: int) -> str | None:
    """Return "future", "past" or None: the tense of the clause before ``pos`` ("since" counts as past)."""
    clause = re.split(r"[.;!?\n](?!\d)", text[max(0, pos - 120):pos])[-1]
    if re.search(r"\bsince\s+$", clause, re.I):
        return "past"
    if _FUTURE.search(clause):
        return "future"
    if _PAST.search(clause):
        return "past"
    return None


def tense_after(text: str, pos: int) -> str | None:
    """Return "future", "past" or None: the tense of the rest of the clause after ``pos`` ("On Monday we
    went", "on Sunday the mill was quiet", "on Friday we shall go")."""
    clause = re.split(r"[.;!?\n]", text[pos:pos + 80])[0]
    if _FUTURE.search(clause):
        return "future"
    if _PAST.search(clause):
        return "past"
    return None


_ORD_OK_AFTER = re.compile(r"\s*(?:$|[,.;:!?)\]—–-]|\s(?:and|or|at|in|on|we|I|he|she|they|it|there|when|the|a|my|to|for"
                           r"|by|from|"
                           r"with|until|till|if|but|is|has|\w+ed|"
                           r"our|his|her|their|was|were|came|had|of\s+(?:the\s+)?(?:month|this|that|same))\b)")


_MONTH_REF = (r"(?P<mref>\s+(?:ult(?:imo|o)?|inst(?:ant)?|prox(?:imo)?)(?:\.|\b)|\s+of\s+(?:last|this|next)\s+month\b"
              r"|\s+past\b(?!\s+\w+\s+(?:days|weeks)))")
_MREF_SHIFT = {"ult": -1, "ins": 0, "pro": 1, "las": -1, "thi": 0, "nex": 1, "pas": -1}


def _mref(m: re.Match) -> int | None:
    """Return the month shift a letter's "ult." (-1), "inst." (0) or "prox." (+1) asks for, or None."""
    word = (m.groupdict().get("mref") or "").strip().lower()
    if not word:
        return None
    word = word.split()[-2] if word.startswith("of ") else word
    return _MREF_SHIFT.get(word[:3])


#: a day of the month without its month: "14th", "23d", or written in words ("twenty-third")
_ORDINAL = r"(?P<d>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|d)\b|" + ORD_DAY + ")"


@_rule("ordinal-month-ref", r"\b(?P<the>[Tt]he\s+)?" + _ORDINAL + _MONTH_REF, prio=2)
def _r_ordinal_ref(m, text):
    # "yours of the 14th ult.": the day of last month, "the 28th inst." of this one (letters); in words only
    # after "the" and before a word that is only a month's ("the second past" is not the 2nd of last month)
    if spelled(m.group("d")) and (not m.group("the") or m.group("mref").split()[0].lower() == "past"):
        return None
    return Cand(m.start(), m.end(), "DATE", "ordinal", dict(d=day_value(m.group("d")), mshift=_mref(m)))


@_rule("weekday-ordinal", r"\b(?P<wd>" + WD + r"),?\s+(?:the\s+)?" + _ORDINAL +
       r"(?!\s+(?:of\s+)?(?:" + MFULL + r"|" + MABBR + r"))" + "(?:" + _MONTH_REF + ")?", prio=3)
def _r_weekday_ordinal(m, text):
    # a diary's "Monday 12th", "Wednesday, the twenty-third": the day of the month, the weekday a check on it
    if not m.group("mref") and not _spelled_ok(m, text):
        return None  # "on Sunday the first thing I did"
    return Cand(m.start(), m.end(), "DATE", "ordinal", dict(d=day_value(m.group("d")), mshift=_mref(m),
                                                            weekday=_wd(m.group("wd"))))


#: the words before a day in words alone that make it a date: "on the first", "until the twenty-third", "the
#: morning of the fifth" ("in the first place", "the reign of the third", "from the first", "after the fifth or
#: sixth interruption" are not)
_SPELLED_DAY_BEFORE = re.compile(r"(?:\b(?:on|upon|until|till)|\b(?:morning|afternoon|evening|night|day)\s+of)\s+$",
                                 re.I)


@_rule("ordinal-day", r"\b[Tt]he\s+" + _ORDINAL, prio=1)
def _r_ordinal(m, text):
    after = text[m.end():m.end() + 30]
    if not _ORD_OK_AFTER.match(after):
        return None
    if spelled(m.group("d")) and not (_SPELLED_DAY_BEFORE.search(text, max(0, m.start() - 24), m.start())
                                      and _spelled_ok(m, text)):
        return None  # "the second time", "in the first place", "he was the first to come"
    if re.match(r"\s+of\s+(?:the\s+)?month", after):
        end = m.end() + re.match(r"\s+of\s+(?:the\s+)?month", after).end()
        return Cand(m.start(), end, "DATE", "ordinal", dict(d=day_value(m.group("d"))))
    return Cand(m.start(), m.end(), "DATE", "ordinal", dict(d=day_value(m.group("d"))))


#: a diary entry headed by its day's number alone on its line ("14." or "[14]", an editor's brackets): whose month
#: only the entry's own date tells; the tagger keeps it only where the document it heads is dated to that day
@_rule("day-heading", r"(?m)^[ \t]*\[?(?P<d>3[01]|[12]\d|0?[1-9])(?=\.?\]?\.?[ \t]*$)", prio=1)
def _r_day_heading(m, text):
    return Cand(m.start("d"), m.end("d"), "DATE", "ordinal", dict(d=int(m.group("d")), day_heading=True))


@_rule("clock-time", r"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.\s?m\.|p\.\s?m\.|am\b|pm\b|a\.m\b"
                     r"|p\.m\b)|"
       r"(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?!\d|:\d)(?:\s*(?P<h24>hrs?\.?|hours|h)\b)?|"
       r"(?P<h3>\d{1,2}|" + "|".join(k for k in list(WORD_NUM)[:12]) + r")\s+o['’]\s?clock)"
       r"(?:\s+(?:in\s+the\s+|at\s+)(?P<tod>morning|afternoon|evening|night))?"
       r"(?:\s+(?-i:[ECMP][SD]T|GMT|UTC|BST|CET|CEST)\b)?", IGNORE_CASE, prio=3)
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
        h = int(w) if w.isdigit() else int(WORD_NUM.get(w, 0))
        if not 1 <= h <= 12:
            return None
        mi = 0
        tod = (m.group("tod") or "").lower()
        if tod in ("afternoon", "evening", "night") and h < 12 and not (tod == "night" and h >= 11):
            h += 12
    return Cand(m.start(), m.end(), "TIME", "time", dict(hour=h, minute=mi))


@_rule("time-word", r"\b(?:(?P<rel>this|that|the\s+next|the\s+following|the\s+same|yesterday|tomorrow|last"
                    r"|early\s+(?:that|this|the\s+next))\s+)?"
       r"(?P<tod>morning|afternoon|evening|night|noon|midday|midnight|dawn|daybreak|dusk)\b|\b(?P<tonight>tonight)\b|"
       r"\b(?P<overnight>overnight)\b(?![\s-]+(?:[a-z]+\s+)?(?:stay|trip|flight|train|bag|success|sensation|rate"
       r"|guests?))",
       IGNORE_CASE, prio=2)
def _r_time_word(m, text):
    if m.group("tonight"):
        return Cand(m.start(), m.end(), "TIME", "tod", dict(tod="NI", base="dct", offset=0))
    if m.group("overnight"):
        # "held outside the port overnight": the night of the day being told
        return Cand(m.start(), m.end(), "TIME", "tod", dict(tod="NI", base="ref", offset=0))
    tod = TOD[m.group("tod").lower()]
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
        return Cand(start, m.end(), "TIME", "tod", dict(tod=tod, base="ref", offset=0, vague=True))
    if rel == "last" and tod != "NI":
        return None
    base, offset = {"this": ("dct", 0), "that": ("ref", 0), "the same": ("ref", 0), "yesterday": ("dct", -1),
                    "tomorrow": ("dct", 1), "last": ("dct", -1)}.get(
        rel, ("ref", 1) if "next" in rel or "following" in rel else ("ref", 0))
    return Cand(m.start(), m.end(), "TIME", "tod", dict(tod=tod, base=base, offset=offset))


_REL_WORDS = {
    "today": ("dct", 0, "D"), "yesterday": ("dct", -1, "D"), "tomorrow": ("dct", 1, "D"),
    "the day before yesterday": ("dct", -2, "D"), "the day after tomorrow": ("dct", 2, "D"),
    "this day": ("dct", 0, "D"), "to-day": ("dct", 0, "D"), "to-morrow": ("dct", 1, "D"),
}


@_rule("relative-word", r"\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|to-day|yesterday|"
       r"tomorrow|to-morrow)\b", IGNORE_CASE, prio=3)
def _r_rel_word(m, text):
    base, n, unit = _REL_WORDS[re.sub(r"\s+", " ", m.group("w").lower())]
    return Cand(m.start(), m.end(), "DATE", "rel", dict(base=base, n=n, unit=unit, rule_word=m.group("w")))


@_rule("present-ref", r"\b(?P<w>now|currently|nowadays|at\s+present|at\s+the\s+moment|presently|these\s+days|"
       r"at\s+this\s+time|to\s+this\s+day|to\s+the\s+present\s+day|the\s+present\s+day|recently|lately|in\s+the\s+past"
       r"|in\s+the\s+future|formerly|once\s+upon\s+a\s+time|"
       r"the\s+future|the\s+past)\b", IGNORE_CASE, prio=1)
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
    return Cand(start, m.end(), "DATE", "ref", dict(value=value))


@_rule("relative-unit", r"\b(?P<pre>the\s+(?P<np>next|following|previous|preceding|same|coming|past|last|prior|"
       r"subsequent)\s+|that\s+|this\s+|last\s+|next\s+|the\s+)?(?:(?P<prev_num>(?:" + NUM_BODY +
       r"))\s+)?" + UNITS + r"(?P<post>\s+(?:later(?!\s+than)|afterwards?|earlier(?!\s+than)|ago|hence|previously|"
       r"(?:after|before|back|prior)(?=\s*[,.;:!?)—–]|\s*$|\s+(?:he|she|they|we|I|it|you|there)\b)))?\b", IGNORE_CASE,
       prio=1)
def _r_rel_unit(m, text):
    return _rel_unit(m, text)


def _rel_unit(m: re.Match, text: str) -> Cand | None:
    pre = (m.group("pre") or "").lower().strip()
    unit_word = m.group("unit").lower()
    unit = UNIT[unit_word.rstrip("s") if not unit_word.startswith("centur") else "century"]
    num_txt = (m.group("prev_num") or "").strip().lower()
    post = (m.group("post") or "").strip().lower()
    plural = unit_word.endswith("s") and not unit_word.endswith("ss") or unit_word == "centuries"
    if not num_txt and not pre:
        return None
    if num_txt:
        n = number_value(num_txt)
        if n is None or unit == "S" and num_txt in ("a", "an") or _ordinal_second(m, text):
            return None
        if post in ("later", "afterwards", "afterward", "after", "hence"):
            return Cand(m.start(), m.end(), "DATE", "rel", dict(base="ref", n=n, unit=unit, plural=plural,
                                                                 pre=pre))
        if post in ("ago", "back"):
            return Cand(m.start(), m.end(), "DATE", "rel", dict(base="dct", n=-n if isinstance(n, (int, float)) else n,
                                                                 unit=unit, pre=pre))
        if post in ("earlier", "before", "previously", "prior"):
            return Cand(m.start(), m.end(), "DATE", "rel", dict(base="ref", n=-n if isinstance(n, (int, float)) else n,
                                                                 unit=unit, pre=pre))
        end = m.end() - len(m.group("post") or "")
        if pre in ("last", "next") and not m.group("np"):
            return Cand(m.start("prev_num"), end, "DURATION", "duration", dict(n=n, unit=unit))
        if pre in ("the", "that", "this") and not m.group("np"):
            pre_len = len(m.group("pre"))
            return Cand(m.start() + pre_len if pre == "the" else m.start(), end, "DURATION", "duration",
                         dict(n=n, unit=unit))
        return Cand(m.start(), end, "DURATION", "duration", dict(n=n, unit=unit))
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
        return Cand(m.start(), end, "DATE", "weekend", dict(rel=rel, tense=tense_at(text, m.start())))
    if pre == "the" and not np:
        if unit == "D" and post in ("after", "before"):
            return Cand(m.start(), m.end(), "DATE", "rel", dict(base="ref", n=1 if post == "after" else -1,
                                                                 unit="D"))
        if post in ("after", "before") and unit in ("W", "M", "Y"):
            return Cand(m.start(), m.end(), "DATE", "rel", dict(base="ref", n=1 if post == "after" else -1, unit=unit))
        return None
    if pre in ("that",) or np == "same":
        return Cand(m.start(), end, "DATE", "rel", dict(base="ref", n=0, unit=unit))
    if pre == "this":
        return Cand(m.start(), end, "DATE", "rel", dict(base="dct", n=0, unit=unit))
    if pre == "last":
        return Cand(m.start(), end, "DATE", "rel", dict(base="dct", n=-1, unit=unit))
    if pre == "next":
        return Cand(m.start(), end, "DATE", "rel", dict(base="dct", n=1, unit=unit))
    if np in ("next", "following", "subsequent"):
        return Cand(m.start(), end, "DATE", "rel", dict(base="ref", n=1, unit=unit))
    if np in ("previous", "preceding", "prior"):
        return Cand(m.start(), end, "DATE", "rel", dict(base="ref", n=-1, unit=unit))
    if np in ("past", "last"):
        if pre.startswith("the") and unit in ("DE", "CE", "Y", "M", "W", "FN") and not post:
            # "the past decade", "the last year" span up to now (TimeML: a duration)
            return Cand(m.start(), end, "DURATION", "duration", dict(n=1, unit=unit))
        return Cand(m.start(), end, "DATE", "rel", dict(base="dct", n=-1, unit=unit))
    if np == "coming":
        return Cand(m.start(), end, "DATE", "rel", dict(base="dct", n=1, unit=unit))
    return None


def _ordinal_second(m: re.Match, text: str) -> bool:
    """Return True when "twenty-second" ("twenty second") is the ordinal, a day, not twenty seconds: a duration
    in seconds is an adjective before its noun ("a twenty-second pause") or a plural ("twenty seconds")."""
    if not re.search(r"\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]+second$", m.group(0), re.I):
        return False  # "one second." is a second; "twenty second" is no plural, so no duration
    return bool(_SPELLED_END.match(text, m.end())) or bool(re.match(r"\s+(?:of|day)\b", text[m.end():]))


def number_value(t: str) -> float | str | None:
    """Return the number a numeral or number word says ("X" for a vague one, None for none)."""
    t = re.sub(r"\s+", " ", t.strip().lower())
    if t in VAGUE or t in ("a few", "a number of", "a couple"):
        return "X"
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        v = float(t)
        return int(v) if v.is_integer() else v
    if t in WORD_NUM:
        return WORD_NUM[t]
    parts = re.split(r"[\s-]", t)
    if len(parts) == 2 and parts[0] in WORD_NUM and parts[1] in WORD_NUM:
        return WORD_NUM[parts[0]] + WORD_NUM[parts[1]]
    return None


@_rule("and-a-half", r"\b(?P<num>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+" + UNITS +
       r"\s+and\s+a\s+half(?P<post>\s+(?:later|ago|earlier|before|after|afterwards))?\b", IGNORE_CASE, prio=2)
def _r_half(m, text):
    n = number_value(m.group("num"))
    if n is None:
        return None
    n = n + 0.5
    unit_word = m.group("unit").lower()
    unit = UNIT[unit_word.rstrip("s") if not unit_word.startswith("centur") else "century"]
    post = (m.group("post") or "").strip().lower()
    if post in ("later", "after", "afterwards"):
        return Cand(m.start(), m.end(), "DATE", "rel", dict(base="ref", n=n, unit=unit))
    if post == "ago":
        return Cand(m.start(), m.end(), "DATE", "rel", dict(base="dct", n=-n, unit=unit))
    if post in ("earlier", "before"):
        return Cand(m.start(), m.end(), "DATE", "rel", dict(base="ref", n=-n, unit=unit))
    return Cand(m.start(), m.end() - len(m.group("post") or ""), "DURATION", "duration", dict(n=n, unit=unit))


_HOLIDAYS = {"new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25),
             "christmas eve": (12, 24), "christmas": (12, 25), "epiphany": (1, 6), "twelfth night": (1, 5),
             "candlemas": (2, 2), "lady day": (3, 25), "may day": (5, 1), "midsummer day": (6, 24),
             "midsummer eve": (6, 23), "st. john's day": (6, 24), "michaelmas": (9, 29),
             "all saints' day": (11, 1), "all saints day": (11, 1), "boxing day": (12, 26)}


@_rule("holiday", r"\b(?P<h>New\s+Year['’]s\s+(?:Day|Eve)|Christmas(?:\s+(?:Day|Eve))?|Epiphany|Twelfth\s+Night|"
       r"Candlemas|Lady\s+Day|May\s+Day|Midsummer\s+(?:Day|Eve)|St\.?\s+John['’]s\s+Day|Michaelmas|"
       r"All\s+Saints['’]?\s+Day|Boxing\s+Day)(?:,?\s+(?:of\s+)?" + year_re("y") + r")?", prio=3)
def _r_holiday(m, text):
    key = re.sub(r"\s+", " ", m.group("h").lower()).replace("’", "'").replace("st ", "st. ")
    month, day = _HOLIDAYS[key]
    return _abs(m, m.start(), m.end(), "holiday", m=month, d=day)


_MOVABLE = {"easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1, "good friday": -2,
            "maundy thursday": -3, "palm sunday": -7, "ash wednesday": -46, "shrove tuesday": -47,
            "ascension day": 39, "whitsunday": 49, "whit sunday": 49, "whitsun": 49, "pentecost": 49,
            "whit monday": 50, "trinity sunday": 56, "corpus christi": 60, "whitsuntide": 49, "eastertide": 0}


@_rule("movable-feast", r"\b(?P<h>Easter(?:\s+(?:Sunday|Day|Monday))?|Good\s+Friday|Maundy\s+Thursday|Palm\s+Sunday|"
       r"Ash\s+Wednesday|Shrove\s+Tuesday|Ascension\s+Day|Whit\s*[Ss]unday|Whitsuntide|Whitsun|Eastertide|Pentecost"
       r"|Whit\s+Monday|"
       r"Trinity\s+Sunday|Corpus\s+Christi|Thanksgiving(?:\s+Day)?)(?:,?\s+(?:of\s+)?" + year_re("y") + r")?"
       r"(?!\s+(?:[A-Z]\w+|week|term|vacation|holidays?|recess|break|dinner|sitting))", prio=4)
def _r_movable(m, text):
    key = re.sub(r"\s+", " ", m.group("h").lower())
    y = int(m.group("y")) if m.group("y") else None
    return Cand(m.start(), m.end(), "DATE", "movable", dict(key=key, y=y))


def feast_day(key: str, year: int, julian: bool) -> tuple[int, int, int]:
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


@_rule("half-unit", r"\b(?P<num>one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+and\s+a\s+half\s+" + UNITS +
       r"(?P<post>\s+(?:later|ago|earlier))?\b", IGNORE_CASE, prio=2)
def _r_half_unit(m, text):
    return _r_half(m, text)


@_rule("quarter", r"\b[Tt]he\s+(?P<q>first|second|third|fourth|last)\s+(?P<unit>quarter|half)"
       r"(?:\s+of\s+(?:the\s+year\s+)?" + year_re("y") + r"|\s+of\s+the\s+year)?", prio=5)
def _r_quarter(m, text):
    q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}[m.group("q").lower()]
    if m.group("unit") == "half":
        if q > 2 and m.group("q").lower() != "last":
            return None
        q = 2 if m.group("q").lower() in ("second", "last") else 1
        if not m.group("y") and not m.group(0).endswith("year"):
            return None  # "the first half" alone is more often of a match or a book
        return Cand(m.start(), m.end(), "DATE", "quarter", dict(q=q, half=True,
                                                                y=int(m.group("y")) if m.group("y") else None,
                                                                tense=tense_at(text, m.start())))
    if not m.group("y") and re.match(r"\s+of\s+(?:the\s+)?(?:\d|[a-z])", text[m.end():m.end() + 8]):
        return None  # "the first quarter of the match" is not a date
    return Cand(m.start(), m.end(), "DATE", "quarter", dict(q=q, y=int(m.group("y")) if m.group("y") else None,
                                                            tense=tense_at(text, m.start())))


@_rule("period-part", r"\b(?:[Tt]he\s+)?(?P<part>end|beginning|start|middle|close|turn)\s+of\s+(?P<det>the|this|that"
                      r"|next|last)\s+"
       r"(?P<unit>week|month|year)\b", prio=4)
def _r_period_part(m, text):
    det = m.group("det").lower()
    n = {"next": 1, "last": -1}.get(det, 0)
    unit = {"week": "W", "month": "M", "year": "Y"}[m.group("unit").lower()]
    base = "dct" if det in ("this", "next", "last") else "ref"
    return Cand(m.start(), m.end(), "DATE", "rel", dict(base=base, n=n, unit=unit, mod=_mod(m.group("part")),
                                                        part=True))


@_rule("fiscal-year", r"\b(?:[Ff]iscal(?:\s+[Yy]ear)?\s+|FY\s?)(?P<y>(?:1[89]|20)\d{2}|['’]?\d{2}(?!\d))\b", prio=6)
def _r_fiscal(m, text):
    y = m.group("y").lstrip("'’")
    year = int(y) if len(y) == 4 else (1900 if int(y) > 50 else 2000) + int(y)
    return Cand(m.start(), m.end(), "DATE", "fiscal", dict(y=year))


@_rule("adjectival-duration", r"\b(?P<num>\d+|" + "|".join(k for k in WORD_NUM if " " not in k and len(k) > 2) +
       r")-(?P<unit>second|minute|hour|day|night|week|month|year|decade|century)(?:-long|-old)?\b", IGNORE_CASE, prio=2)
def _r_adj_duration(m, text):
    n = number_value(m.group("num"))
    if n is None or _ordinal_second(m, text):
        return None
    return Cand(m.start(), m.end(), "DURATION", "duration", dict(n=n, unit=UNIT[m.group("unit").lower()]))


@_rule("vague-duration", r"(?<=\bfor\s)(?P<unit>hours|days|weeks|months|years|decades|centuries|ages)\b", IGNORE_CASE,
       prio=1)
def _r_vague_duration(m, text):
    u = m.group("unit").lower()
    if u == "ages":
        return None
    unit = UNIT["century" if u.startswith("centur") else u.rstrip("s")]
    return Cand(m.start(), m.end(), "DURATION", "duration", dict(n="X", unit=unit))


@_rule("set", r"\b(?:(?P<every>(?:once\s+)?(?:every|each))\s+(?:other\s+)?(?P<what>hour|day|night|week|month|year"
              r"|morning|evening|afternoon|"
       r"summer|winter|spring|autumn|" + WD + r")|(?P<adv>daily|weekly|monthly|yearly|annually|nightly|hourly"
                                              r"|fortnightly|quarterly)|"
       r"(?P<every_n>(?:once\s+)?(?:every|each))\s+(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|twelve"
       r"|few)\s+"
       r"(?P<units>hours|days|weeks|months|years|minutes)|"
       r"(?P<freq>once|twice|thrice|(?:\w+|\d+)\s+times)\s+(?:a|an|per|every|each)\s+(?P<per>day|week|month|year|hour"
       r"|fortnight))\b",
       IGNORE_CASE, prio=3)
def _r_set(m, text):
    if m.group("adv"):
        adv = m.group("adv").lower()
        if re.search(r"\b(?:its|the|a|an|his|her|their|our|my|your|this|that|\w+est|worst|best|first|last)\s+$",
                     text[max(0, m.start() - 12):m.start()], re.I) \
                and re.match(r"\s+[a-z]{3,}", text[m.end():m.end() + 6]):
            return None  # "its worst quarterly result": an adjective, not a recurrence
        value = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
                 "nightly": "TNI", "hourly": "PT1H", "fortnightly": "P2W", "quarterly": "P3M"}[adv]
        return Cand(m.start(), m.end(), "SET", "set", dict(value=value))
    if m.group("every_n"):
        n = number_value(m.group("n"))
        units = m.group("units").lower()
        unit = UNIT[units.rstrip("s")]
        return Cand(m.start(), m.end(), "SET", "set", dict(value=duration_value(n, unit)))
    if m.group("every"):
        what = m.group("what").lower()
        if _wd(what) is not None:
            value = f"XXXX-WXX-{_wd(what) + 1}"
        elif what in TOD:
            value = f"T{TOD[what]}"
        elif what in SEASON:
            value = f"XXXX-{SEASON[what]}"
        else:
            value = {"hour": "PT1H", "day": "P1D", "night": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y"}[what]
        if "other" in m.group(0).lower() and value.startswith("P1"):
            value = "P2" + value[2:]
        return Cand(m.start(), m.end(), "SET", "set", dict(value=value))
    per = m.group("per").lower()
    value = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "hour": "PT1H", "fortnight": "P2W"}[per]
    return Cand(m.start(), m.end(), "SET", "set", dict(value=value))


# -- step 2: choose -------------------------------------------------------------------------
# each rule runs only in windows around the words it cannot match without (speed): a trigger
# word's class names the rules worth trying near it
_CLASS_RULES = {
    # rules whose every match holds a word of its own class (a unit, "century", a season, "times",
    # "quarter") are left to that word's windows: digits are everywhere in some texts
    "digit": ("month-day-year", "day-month-year", "month-day", "day-month", "month-year", "year",
              "month-day-elided-year", "day-month-elided-year", "month-elided-year", "year-elided",
              "short-year-range", "apostrophe-year", "numeric-date", "iso-date", "decade", "ordinal-day",
              "clock-time", "ordinal-month-ref", "weekday-ordinal", "fiscal-year",
              "plain-numeric-date", "day-heading", "month-cardinal-day-year"),
    "month": ("month-day-year", "day-month-year", "month-day", "day-month", "month-year", "month",
              "month-cardinal-day-year", "day-month-year-words", "month-day-elided-year", "day-month-elided-year",
              "month-elided-year"),
    "weekday": ("weekday", "set", "month-day-year", "day-month-year", "month-day", "day-month", "weekday-ordinal"),
    "unit": ("relative-unit", "and-a-half", "half-unit", "adjectival-duration", "vague-duration", "set",
             "present-ref", "relative-word", "period-part", "year-words", "day-month-year-words"),
    # a day in words ("the twenty-third inst.", "on the first"): the rules with a month or a weekday run
    # around those
    "ordinal": ("ordinal-day", "ordinal-month-ref"),
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
        ({w.split("-")[-1] for w in DAY_WORDS}, "ordinal"),
        (MONTHS, "month"), (WEEKDAYS, "weekday"), ([w.rstrip("s") for w in WEEKDAY_PLURALS], "weekday"),
        (WEEKDAY_PLURALS, "weekday"), (DECADE_WORD, "decade"), (SEASON, "season"), (TOD, "tod"),
        ([*UNIT, *(u + "s" for u in UNIT), "centuries"], "unit"), (["century", "centuries", "c"], "century"),
        (["today", "yesterday", "tomorrow", "tonight", "overnight", "now", "currently", "nowadays", "present",
          "presently", "moment", "recently", "lately", "past", "future", "formerly", "morrow"], "rel"),
        (["once", "twice", "thrice", "times", "every", "each", "daily", "weekly", "monthly", "yearly", "annually",
          "nightly", "hourly", "fortnightly", "quarterly"], "set"),
        (["fiscal", "fy"], "fiscal"),
        (["christmas", "epiphany", "candlemas", "michaelmas", "midsummer", "saints", "year", "lady", "may",
          "boxing", "twelfth", "john"], "holiday"),
        (["quarter"], "quarter"), (["half"], "half"), (["clock"], "clock"), (["mo"], "month"),
        (["easter", "eastertide", "whitsuntide", "good", "maundy", "palm", "ash", "shrove", "ascension", "whit",
          "whitsunday", "whitsun", "pentecost", "trinity", "corpus", "thanksgiving"], "movable")):
    for _w in _words:
        _TRIGGERS.setdefault(_w.lower(), _cls)
# words of two classes ("day" is a unit and part of "to this day"; "year" a unit and "New Year's Day")
# ("day" and "month" or "mo" are also what a plain-style weekday or month is written with: "First Day", "6th mo.")
_EXTRA_CLASSES = {"day": ("rel", "holiday", "weekday"), "year": ("unit",), "may": ("month",), "night": ("unit",),
                  "month": ("month",),
                  "christmas": ("holiday",), "second": ("unit",), "century": ("century",),
                  "centuries": ("century",), "twelfth": ("holiday",)}
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


def find_candidates(text: str) -> list[Cand]:
    """Return the candidates of every rule, longest first and non-overlapping, in text order (steps 1-2)."""
    found: list[Cand] = []
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
    chosen: list[Cand] = []
    for c in found:
        if any(taken[c.start:c.end]):
            continue
        chosen.append(c)
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    chosen.sort(key=lambda c: c.start)
    return [_trim(c, text) for c in chosen]


def _trim(c: Cand, text: str) -> Cand:
    # a match may end on spaces or a comma; a timex never does
    while c.end > c.start and text[c.end - 1] in " \t\n,":
        c.end -= 1
    return c


