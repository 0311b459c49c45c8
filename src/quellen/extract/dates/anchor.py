"""Step 4 of the tagger: **anchor** each candidate in text order on the document's date or the reference
time, and resolve it to a TIMEX3 value and a :class:`~quellen.model.Date`.
"""
from __future__ import annotations

import calendar as _cal
import datetime as dt
import re
from dataclasses import dataclass, field, replace

from ...model import Date
from ..calendars import (REFORM, calendar_for, elided_bounds, elided_calendar, elided_written, gregorian_to_julian,
                         julian_month_end, julian_to_gregorian)
from .find import dual_year, feast_day, is_heading, tense_at
from .lexicon import TOD, WEEKDAYS, Cand, duration_parts, duration_value

# -- step 4: anchor -------------------------------------------------------------------------
#: the label of a stand-in anchor for a diary heading without a year; "yearless:wd" when its stand-in
#: year is one in which the heading's day falls on the heading's weekday
YEARLESS = "yearless:"
#: a year or decade written without its century ("in '46", "the '40s") is read in the anchor's century, or
#: the one before when that would put it more than this many years after the anchor: a letter of 1853 reads
#: "'46" as 1846 and "'99" as 1799; a letter of 1861 reads "'62" as 1862 (a year just ahead, still to come)
SHORT_YEAR_AHEAD = 5


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
    #: how many months a reference at month precision covers: a season or a quarter three, so a day
    #: written without its month is of none of them
    months: int = 1

    @staticmethod
    def of(date: "Date | dt.date | Anchor | None", label: str = "dct") -> "Anchor | None":
        """Return an Anchor for a Date (its earliest day and precision), a plain day or an Anchor, or None."""
        if date is None or isinstance(date, Anchor):
            return date
        if isinstance(date, Date):
            if date.precision not in ("day", "month", "year"):
                return None
            return Anchor(date.earliest, date.precision, date.calendar if date.calendar != "unknown" else "gregorian",
                          label if label != "dct" else f"dct:{date.edtf}", months=months_spanned(date))
        return Anchor(date, "day", "gregorian", label)


def months_spanned(date: Date) -> int:
    """Return how many months a date at month precision covers, counted in days (a Julian month read as
    Gregorian days straddles two calendar months but is one): 1 for a month, 3 for a season or a quarter."""
    return max(1, round(((date.latest - date.earliest).days + 1) / 30.44))


@dataclass
class Ctx:
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
    #: the text is a newspaper's report under its issue date: a clock time belongs to the last day it named
    #: near the issue (``recent``), as with a given DCT, while its weekdays still look back by their tense
    news: bool = False
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


def _calendar(c: Cand, y: int, m: int, d: int, ctx: Ctx) -> str:
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


def _resolve_abs(c: Cand, text: str, ctx: Ctx) -> tuple[str, Date | None, str | None]:
    """Return (TIMEX3 value, Date, anchor label) for a written date, full or partial."""
    y, m, d, d2 = c.data.get("y"), c.data.get("m"), c.data.get("d"), c.data.get("d2")
    anchor = None
    rule = c.rule
    if y is None and c.data.get("elided"):
        return _elided(c, text, ctx)
    if y is None and c.data.get("short_year") is not None:
        # "in '46": the century is the anchor's, or the one before when that puts the year well after it
        base = ctx.dct or ctx.ref
        if base is None:
            return f"XX{c.data['short_year']:02d}", None, None
        y = base.day.year // 100 * 100 + c.data["short_year"]
        if y > base.day.year + SHORT_YEAR_AHEAD:
            y -= 100
        anchor = base.label
        rule += "+century-from-anchor"
    if y is None:
        if m is None:
            return "XXXX", None, None
        base = _partial_base(ctx)
        if base is None or base.precision not in ("day", "month", "year"):
            return _yearless(c, text, ctx)
        # the day and month are written in the calendar the anchor was: compare them with its day as
        # written (a Julian entry of 12 March 1702 is Gregorian 23 March, and its "14 March" lies ahead)
        written = written_day(base)
        y = _nearest_year(replace(base, day=written), m, d or 1)
        if base is ctx.dct and base.precision == "day":
            # said on the day of writing: what is to come lies ahead, what happened lies behind
            tense = tense_at(text, c.start)
            try:
                when = dt.date(y, m, min(d or 1, 28))
            except ValueError:
                when = None
            if when and tense == "future" and when < written:
                y += 1
            elif when and tense == "past" and when > written:
                y -= 1
        if d is not None:
            # "on the Tuesday night, the 13th of March": a weekday written with the day picks, among the years
            # the text wrote before it (latest first), the one it fits, where the anchor's year does not
            y = _year_of_weekday(text, c.start, y, m, d, lambda year: _calendar(c, year, m, d, ctx))
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
                    cal = _calendar(Cand(0, 0, "", "", {}), y, m, d, ctx)
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


def _elided(c: Cand, text: str, ctx: Ctx) -> tuple[str, Date | None, str | None]:
    """Return (value, Date, None) for a date whose year is printed with its last digits left out ("Aug. 4,
    17—"): the day and month as written in every year the printed digits allow, at century or decade
    precision; ``as_written`` and the EDTF value keep the unknown digits as X ("17XX-08-04"). Its calendar
    is the one both ends of those years were written in, else "unknown"."""
    m, d = c.data.get("m"), c.data.get("d")
    written = elided_written(c.data["elided"], m, d if m else None)
    cal = elided_calendar(written, lambda day: _calendar(c, day.year, day.month, day.day, ctx))
    bounds = elided_bounds(written, cal)
    if bounds is None:
        return written, None, None
    precision = "century" if len(c.data["elided"]) == 2 else "decade"
    return written, Date(text=text[c.start:c.end], edtf=written, earliest=bounds[0], latest=bounds[1],
                         precision=precision, calendar=cal, as_written=written, rule=c.rule), None


def _partial_base(ctx: Ctx) -> Anchor | None:
    """Return the anchor for a date written without its year: the DCT the caller gave (news), else
    the narrative's last explicit date once the text has moved on from its date line or heading
    (a letter dated 1902 that quotes a chronicle of 1861 reads "April 12" in 1861)."""
    if ctx.moved and ctx.ref is not None and not ctx.dct_given:
        return ctx.ref
    return ctx.dct or ctx.ref


def _yearless(c: Cand, text: str, ctx: Ctx) -> tuple[str, Date | None, str | None]:
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


def written_day(base: Anchor) -> dt.date:
    """Return the anchor's day in the calendar it was written in (its Julian day for a Julian anchor)."""
    if base.calendar != "julian":
        return base.day
    y, m, d = gregorian_to_julian(base.day)
    return dt.date(y, m, min(d, 28)) if (m, d) == (2, 29) else dt.date(y, m, d)


#: a weekday written right before a day of the month, with its part of the day: "Tuesday night, the"
_WEEKDAY_BEFORE = re.compile(r"\b(?P<wd>[A-Za-z]+)(?:\s+(?:" + "|".join(TOD) + r"))?\s*,?\s*(?:the\s+)?$", re.I)
#: how far back (characters) the years a weekday may pick are looked for
WEEKDAY_YEAR_WINDOW = 2000


def _year_of_weekday(text: str, start: int, y: int, m: int, d: int, calendar_of) -> int:
    """Return the year a day written with its weekday ("Tuesday night, the 13th of March") falls in: ``y`` when
    the weekday fits it or none is written, else the latest year written in the text before it that it fits
    (in the calendar ``calendar_of(year)`` says the day was written in; either when "unknown")."""
    before = _WEEKDAY_BEFORE.search(text, max(0, start - 40), start)
    wd = WEEKDAYS.get(before.group("wd").lower()) if before else None
    if wd is None:
        return y

    def fits(year: int) -> bool:
        try:
            cal = calendar_of(year)
            days = ([dt.date(year, m, d)] if cal != "julian" else []) + \
                ([julian_to_gregorian(year, m, d)] if cal != "gregorian" else [])
        except ValueError:
            return False
        return any(day.weekday() == wd for day in days)
    if fits(y):
        return y
    written = [int(w) for w in re.findall(r"(?<![\d/.-])(1[0-9]{3}|20[0-9]{2})(?![\d/.-])",
                                          text[max(0, start - WEEKDAY_YEAR_WINDOW):start])]
    return next((year for year in reversed(written) if fits(year)), y)


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


def resolve(c: Cand, text: str, ctx: Ctx) -> tuple[str, Date | None, str | None, bool]:
    """Return (value, Date, anchor label, explicit) for one candidate; ``explicit`` dates move the reference."""
    k = c.kind
    span = text[c.start:c.end]
    if k == "abs":
        value, date, anchor = _resolve_abs(c, text, ctx)
        return value, date, anchor, date is not None and anchor is None and "year-unknown" not in (date.rule or "")
    if k == "duration":
        if c.data.get("parts"):
            return duration_parts(c.data["parts"]), None, None, False
        return duration_value(c.data["n"], c.data["unit"]), None, None, False
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
            cc = Cand(c.start, c.end, c.type, "abs", dict(y=c.data["y"], m=m, d=None, mod=c.data.get("mod")), c.rule)
            value, date, anchor = _resolve_abs(cc, text, ctx)
            return value, date, anchor, True
        if base is None:
            return f"XXXX-{m:02d}", None, None, False
        rel = c.data.get("rel")
        y = _nearest_year(base, m, 15)
        if not rel and base is ctx.dct and base.precision == "day":
            # said on the day of writing: "ended in June" is the last June, "opens in June" the next
            tense = tense_at(text, c.start)
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
        cc = Cand(c.start, c.end, c.type, "abs", dict(y=y, m=m, d=None, mod=c.data.get("mod")),
                  c.rule + "+year-from-anchor")
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
            if y > base.day.year + SHORT_YEAR_AHEAD:
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
        return _bare_day(c, span, text, ctx)
    if k in ("time", "tod"):
        return _time(c, span, text, ctx)
    if k == "movable":
        base = _partial_base(ctx)
        y = c.data["y"] or (base.day.year if base else None)
        key = c.data["key"]
        if y is None:
            return "XXXX", None, None, False
        julian = not key.startswith("thanksgiving") and _calendar(c, y, 4, 1, ctx) == "julian"
        fy, fm, fd = feast_day(key, y, julian)
        if not c.data["y"] and base is not None and base.precision == "day":
            # the feast nearest the anchor (within half a year), like a day written without its year
            gap = (_to_greg(fy, fm, fd, "julian" if julian else "gregorian") - base.day).days
            if abs(gap) > 183:
                fy, fm, fd = feast_day(key, y + (-1 if gap > 0 else 1), julian)
        cc = Cand(c.start, c.end, "DATE", "abs", dict(y=fy, m=fm, d=fd, marker="julian" if julian else None),
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


#: the months either side of the reference's a weekday given with a bare day may place it in ("Saturday the
#: 2nd" told after 27 June 1849 is 2 June, a Saturday, not 2 July, a Monday); a weekday that fits none of them
#: is a slip of the writer's, or of a calendar the text does not keep, and places nothing
WEEKDAY_REACH_MONTHS = 1
#: a narrative that tells a day of the month a few days before the last day told looks back to it ("the
#: evening of the 26th" told after "the morning of the 27th"); a day before it by more than a week is the
#: next month's ("the 2nd" after the 28th)
LOOK_BACK_DAYS = 7


def bare_day_month(ref: tuple[int, int, int], day: int, weekday: int | None = None, calendar: str = "gregorian",
                   forward: bool = True, look_back: int = 0) -> tuple[int, int] | None:
    """Return (year, month) of a day of the month written without its month ("the 24th", "Thursday the
    twenty-eighth") and told after the reference day ``ref`` (year, month, day as written in ``calendar``),
    or None when that day is in no month the rule allows.

    A narrative moves forward: the day is of the reference's month when it is at or after the reference
    day, of the next month when it is before it ("the 2nd" after the 28th; December rolls into January)
    by more than ``look_back`` days. ``forward=False`` (a letter or diary entry speaking of its own month)
    keeps the reference's month. A weekday (0 = Monday) given with the day chooses instead the month, of
    the reference's and the :data:`WEEKDAY_REACH_MONTHS` either side, in which that day falls on that
    weekday, nearest the reference (a tie goes forward); when none does, the rule above stands.
    """
    y, m, d = ref
    if weekday is not None:
        origin = _to_greg(y, m, min(d, _month_end(y, m, calendar)), calendar)
        best = None
        for shift in range(-WEEKDAY_REACH_MONTHS, WEEKDAY_REACH_MONTHS + 1):
            yy, mm = _add_months(y, m, shift)
            if day > _month_end(yy, mm, calendar):
                continue
            when = _to_greg(yy, mm, day, calendar)
            if when.weekday() == weekday:
                key = (abs((when - origin).days), when < origin)
                if best is None or key < best[0]:
                    best = (key, (yy, mm))
        if best is not None:
            return best[1]
    if forward and d - day > look_back:
        y, m = _add_months(y, m, 1)
    return (y, m) if day <= _month_end(y, m, calendar) else None


def _bare_day(c: Cand, span: str, text: str, ctx: Ctx):
    """Return (value, Date, anchor, explicit) for a day of the month written without its month: "the 24th",
    "Thursday the twenty-eighth", "the 19th ult." (:func:`bare_day_month` places it).

    Its anchor is the document's date (a date line, the entry head above) while the narrative stays in
    that month; the last day or month told once the narrative has moved to another month ("It was the
    twenty-third of June. On the twenty-fourth ..." under a date line of September), or where the
    document is dated only to its year. The document's date stays the anchor for news, for a letter's
    "ult.", "inst." and "prox.", for a clause looking ahead from the day of writing, and for an entry head
    ("Wednesday 8th."), which follows the head before it, not a day its entry recalled.
    """
    d = c.data["d"]
    dct, ref = (a if a is not None and (a.precision == "day" or a.precision == "month" and a.months == 1) else None
                for a in (ctx.dct, ctx.ref))
    narrated = ctx.narrated is not None and ctx.narrated[0] <= c.start < ctx.narrated[1]
    writer = dct if not narrated else None  # the writer's now, where the text speaks from it
    tense = tense_at(text, c.start)
    mshift = c.data.get("mshift")
    head = is_heading(text, c)
    # (each month as written: a Julian 28 March is a Gregorian 8 April)
    elsewhere = ref is not None and dct is not None and \
        (written_day(ref).year, written_day(ref).month) != (written_day(dct).year, written_day(dct).month)
    if ctx.dct_given or mshift is not None or head or writer is not None and tense == "future" or not elsewhere:
        base = dct or ref
    else:
        base = ref
    if base is None:
        return f"XXXX-XX-{d:02d}", None, None, False
    wcal = "julian" if base.calendar == "julian" else "gregorian"
    y, m, _ = _written(base.day, wcal)
    if mshift is not None:
        y, m = _add_months(y, m, mshift)  # "ult.", "inst.", "prox." name the month
    elif base.precision == "day":
        # a letter or diary entry speaks of its own month unless it looks ahead; a narrative (an account told
        # after the fact too, whose "now" is the narrated day) and a diary's run of heads move forward
        speaking = base == writer and tense != "future" and not head
        placed = _place_bare_day(c, base, d, ctx, forward=not speaking)
        if placed is None:
            return f"XXXX-XX-{d:02d}", None, None, False
        y, m = placed
    try:
        day = _to_greg(y, m, d, wcal)
    except ValueError:
        return f"XXXX-XX-{d:02d}", None, None, False
    value, date = _point(day, "day", span, c.rule, base.label, base.calendar, Anchor(day))
    return value, date, base.label, False


def _place_bare_day(c: Cand, base: Anchor, d: int, ctx: Ctx, forward: bool) -> tuple[int, int] | None:
    """Return (year, month) as written of day ``d`` told after the day ``base``, or None (:func:`bare_day_month`)."""
    wcal = "julian" if base.calendar == "julian" else "gregorian"
    y, m, bd = _written(base.day, wcal)
    # a weekday tells the day only in a calendar known for the reference day (not between a country's
    # first and last adoption of the reform), and in a real year or a stand-in chosen for its weekdays
    known = _calendar(c, y, m, bd, ctx) != "unknown" and (not base.label.startswith(YEARLESS)
                                                          or base.label.startswith(YEARLESS + "wd"))
    weekday = c.data.get("weekday") if known else None
    return bare_day_month((y, m, bd), d, weekday, wcal, forward=forward, look_back=LOOK_BACK_DAYS)


def _unresolved_rel(c: Cand) -> str:
    n = c.data["n"]
    if isinstance(n, str) or n == 0:
        return "PRESENT_REF" if n == 0 and c.data["base"] == "dct" else ("PAST_REF" if c.data.get("pre") else "XXXX")
    return "PAST_REF" if n < 0 else "FUTURE_REF"


def _season(c: Cand, span: str, ctx: Ctx):
    code = c.data["s"]
    y = c.data.get("y")
    anchor = None
    base = ctx.dct if ctx.dct_given else (ctx.ref or ctx.dct)
    if y is None and c.data.get("short_year") is not None:
        base = ctx.dct or ctx.ref
        if base is None:
            return f"XX{c.data['short_year']:02d}-{code}", None, None, False
        y = base.day.year // 100 * 100 + c.data["short_year"]
        if y > base.day.year + SHORT_YEAR_AHEAD:
            y -= 100
        anchor = base.label
    elif y is None:
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
    suffix = "+century-from-anchor" if c.data.get("short_year") is not None else "+year-from-anchor"
    date = _make(span, lo, hi, "month", cal, c.rule + (suffix if anchor else ""), anchor,
                 f"{y:04d}-{ {'SP': 21, 'SU': 22, 'FA': 23, 'WI': 24}[code]}" if cal == "gregorian" else None)
    return f"{y:04d}-{code}", date, anchor, anchor is None


def _weekday(c: Cand, span: str, ctx: Ctx):
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
        if base is ctx.dct and base.precision == "day" and not ctx.dct_given:
            # told on the day of writing its date line states: the clause's verb after the weekday tells its
            # tense too ("on Monday we went"), and a weekday in the past or the future is not the writing
            # day's own ("on Thursday we went", written on a Thursday, is the Thursday before); a caller's
            # DCT is news's, where "said Thursday" on a Thursday is that day
            tense = tense or c.data.get("tense_after")
            fwd, back = (fwd or 7) if tense == "future" else fwd, (back or 7) if tense == "past" else back
        elif not ctx.dct_given:
            # anchored on a date of the text (a letter's date line above): "On Monday night ... I was woke"
            # looks back as much as when told on the day of writing
            tense = tense or c.data.get("tense_after")
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


def _weekend(c: Cand, span: str, ctx: Ctx):
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


def _time(c: Cand, span: str, text: str, ctx: Ctx):
    data = c.data
    if c.kind == "time" and data.get("y"):
        day = dt.date(data["y"], data["m"], data["d"])
        value = f"{_value_day(day)}T{data['hour']:02d}:{data['minute']:02d}"
        _, date = _point(day, "day", span, c.rule, None, "gregorian", Anchor(day))
        return value, date, None, True
    if c.kind == "time":
        base = ctx.ref if ctx.ref and ctx.ref.precision == "day" else ctx.dct
        if ctx.dct_given or ctx.news:
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


_DECLARED_JULIAN = re.compile(r"\b(?:dates?|days?)\b[^.\n]{0,40}\b(?:old\s+style|Julian\s+calendar|O\.\s?S\.)",
                              re.I)
_DUAL_YEAR = re.compile(r"\b1[5-7]\d\d/\d{1,2}\b|(?<=\b(?:Jan|Feb|Mar))[a-z]*\.?\s+(?:\d{1,2}[a-z]{0,2},?\s+)?"
                        r"(?P<y>1[5-7]\d\d)\s?[-–]\s?(?P<tail>\d{1,2})\b")


def julian_hint(text: str) -> dt.date | None:
    """Return the day before which an unmarked date of ``text`` is Julian, from what the text shows:
    a declaration ("all dates are given in the Old Style") until the last country's adoption (1924),
    English dual years ("1651/2", "January 1651-2") until Britain's (14 September 1752); None when it shows neither."""
    if _DECLARED_JULIAN.search(text):
        return dt.date(1924, 1, 1)
    for m in _DUAL_YEAR.finditer(text):
        year, _, tail = m.group(0).partition("/") if not m.group("y") else (m.group("y"), "", m.group("tail"))
        if dual_year(int(year), tail):
            return dt.date(1752, 9, 14)
    return None


