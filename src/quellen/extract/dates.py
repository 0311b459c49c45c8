"""Dates: temporal expressions found and normalized to intervals.

This module is grown by the dates work (issue 4); :func:`parse_date` is the
entry point for an isolated date string such as a letter's date line.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

from ..model import Date

__all__ = ["parse_date", "MONTHS"]

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted((m for m in MONTHS), key=len, reverse=True)) + r")\.?"


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


_PATTERNS = [
    # February 7-8, 1929 / January 20, 1929
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:\s*[-–]\s*(?P<day2>\d{1,2}))?(?:st|nd|rd|th)?,?\s+(?P<year>\d{3,4})\b", re.I),
    # 20 January 1929 / 7-8 February 1929
    re.compile(r"(?P<day>\d{1,2})(?:\s*[-–]\s*(?P<day2>\d{1,2}))?(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{3,4})\b", re.I),
    # 06/17/2020 (US order when the first number cannot be a day > 12)
    re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<year>\d{4})\b"),
    # 1929-01-20
    re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    # January 1929
    re.compile(_MONTH + r",?\s+(?P<year>\d{4})\b", re.I),
]


def parse_date(text: str) -> Date | None:
    """Return the first full or partial date written in ``text`` as a :class:`Date`, or None.

    >>> parse_date("February 7-8, 1929 L. Trotsky").edtf
    '1929-02-07/1929-02-08'
    """
    for pattern in _PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        g = m.groupdict()
        try:
            year = int(g["year"])
            if g.get("month"):
                month = MONTHS[g["month"].lower().rstrip(".")]
            elif g.get("m"):
                month, day = int(g["m"]), int(g["d"])
                if month > 12 and day <= 12:
                    month, day = day, month
                g["day"] = str(day)
            else:
                continue
            if g.get("day"):
                first = dt.date(year, month, int(g["day"]))
                last = dt.date(year, month, int(g["day2"])) if g.get("day2") else first
                if last < first:
                    continue
                edtf = first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"
                return Date(text=m.group(0), edtf=edtf, earliest=first, latest=last, precision="day",
                            as_written=first.isoformat(), rule="date-line")
            first = dt.date(year, month, 1)
            last = dt.date(year, month, _last_day(year, month))
            return Date(text=m.group(0), edtf=f"{year:04d}-{month:02d}", earliest=first, latest=last,
                        precision="month", as_written=f"{year:04d}-{month:02d}", rule="date-line")
        except ValueError:
            continue
    return None
