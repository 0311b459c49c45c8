"""The tagger's public functions: :func:`tag` one text, :func:`tag_documents` of one source, :func:`parse_date`
of an isolated string, and :func:`timex_json`.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from ...model import FURNITURE_KINDS, NEWS_KINDS, Date, DateBasis, Document, Timex
from ...vocab import timex_json as vocab_timex_json
from ..calendars import country_of
from .anchor import YEARLESS, Anchor, Ctx, julian_hint, months_spanned, resolve, written_day
from .discourse import (bound_only, far_stamp, looks_back, quote_spans, retrospective_body,
                        speech_deictic, written_years, yearless_anchor)
from .find import find_candidates, is_heading
from .lexicon import FULL_DATE_YEAR, Cand
from .merge import merge_candidates

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
         narrated: tuple[int, int] | None = None, news: bool = False) -> tuple[list[Timex], Anchor | None]:
    ctx = Ctx(dct=Anchor.of(dct), ref=Anchor.of(ref) or (None if narrated else Anchor.of(dct)), calendar=calendar,
               country=country, years=years, julian_until=julian_until, dct_given=dct_given,
               quotes=quote_spans(text), narrated=narrated, news=news)
    written = written_years(text)
    out: list[Timex] = []
    for c in _resolution_order(merge_candidates(find_candidates(text), text), text):
        if c.data.get("day_heading") and not _heads_dated_entry(c, text, ctx):
            continue
        speech = speech_deictic(c, ctx)
        if speech:
            # TimeML anchors a deictic word on its speaker's now: inside quoted speech, or in an account
            # told after the fact, that is the narrated day (the reference time), never the writing day
            writing = ctx.dct, ctx.full_ref
            ctx.dct = ctx.full_ref = ctx.ref
            value, date, anchor, explicit = resolve(c, text, ctx)
            ctx.dct, ctx.full_ref = writing
        else:
            value, date, anchor, explicit = resolve(c, text, ctx)
        if c.type in ("DURATION", "SET"):
            date = None
        if c.data.get("tod_of"):
            value += f"T{c.data['tod_of']}"
        if value.startswith("XXXX-") and c.kind == "abs" and c.data.get("d") and c.type == "DATE" \
                and anchors and is_heading(text, c) and not ctx.years:
            # a diary heading without a year ("Thursday, March 8."): its entry is reckoned from it in a
            # stand-in year (one where that day is that weekday, when the heading says), and every
            # value computed from it keeps its year unknown
            ctx.dct = ctx.ref = yearless_anchor(c, offset)
            ctx.moved = False
        elif anchor is not None and anchor.startswith(YEARLESS) and value[:4].isdigit():
            proxy = date
            value = "XXXX" + value[4:]
            if c.kind in ("weekday", "weekend") and not anchor.startswith(YEARLESS + "wd"):
                value = f"XXXX-WXX-{c.data['wd'] + 1}" if c.kind == "weekday" else "XXXX-WXX-WE"
                proxy = None
            date = None
            if proxy is not None and proxy.precision == "day" and c.type in ("DATE", "TIME") \
                    and (c.type == "DATE" or c.data.get("tod_of")):
                known = anchor.startswith(YEARLESS + "wd")
                moved = Anchor(proxy.earliest, "day", "gregorian", (YEARLESS + ("wd" if known else "")) +
                               f"{value[:10]}@{offset + c.start}")
                ctx.ref = moved
                if is_heading(text, c):
                    ctx.dct = moved
        if (ctx.dct_given or ctx.news) and date is not None and date.precision == "day" \
                and date.earliest == date.latest and abs((date.earliest - ctx.dct.day).days) <= 7:
            ctx.recent = Anchor(date.earliest, "day", "gregorian", f"{date.edtf}@{offset + c.start}")
        if c.kind == "time" and date is not None and re.search(r"T\d\d:\d\d$", value):
            ctx.clock = (date.earliest, int(value[-5:-3]), int(value[-2:]))
        if anchors and date is not None and (c.type == "DATE" or c.data.get("tod_of")) \
                and speech != "quoted" \
                and date.precision in ("day", "month", "year") \
                and (explicit or anchor is not None) and not value.endswith(("_REF",)) \
                and not bound_only(text, c) and not far_stamp(c, date, written) \
                and not (c.kind == "rel" and looks_back(c) and date.precision != "day"):
            label = f"{date.edtf}@{offset + c.start}"
            ctx.ref = Anchor(date.earliest, date.precision, date.calendar if date.calendar != "unknown"
                             else "gregorian", label, quarter=c.kind == "quarter" and not c.data.get("half"),
                             months=months_spanned(date))
            # a full date moves the narrative away from a heading; a bare year ("in the year 1660" in a
            # diary entry) is a recollection and does not
            ctx.moved = ctx.moved or explicit and date.precision in ("day", "month")
            if explicit and date.precision in ("day", "month"):
                ctx.full_ref = ctx.ref
            if c.kind in ("abs", "ordinal") and date.precision == "day" and is_heading(text, c):
                # a diary heading or a date line ("Wednesday 8th."): the day the following lines were written
                ctx.dct = ctx.ref
                ctx.moved = False
        if date is not None:
            date = replace(date, basis=_basis(c, date, anchor))
        out.append(Timex(source=source, document=document, char_start=offset + c.start, char_end=offset + c.end,
                         text=text[c.start:c.end], type=c.type, value=value, date=date, rule=c.rule,
                         anchor=anchor))
    out.sort(key=lambda t: t.char_start)
    return out, ctx.ref


def _heads_dated_entry(c: Cand, text: str, ctx: Ctx) -> bool:
    """Return True when a day number alone on its line ("14.") opens the text and the text's own date (a diary
    entry's) is that day of the month: a number that heads nothing dated is a section's or a page's."""
    if text[:c.start].strip(" \t\n[") or ctx.dct is None or ctx.dct.precision != "day":
        return False
    return written_day(ctx.dct).day == c.data["d"]


#: candidates that name a place in the calendar (a day, a month, a season, a feast, a quarter, a decade):
#: when something anchored them, only their year (or century) came from the context
_CALENDAR_KINDS = frozenset({"abs", "month", "season", "movable", "quarter", "decade"})


def _basis(c: Cand, date: Date, anchor: str | None) -> DateBasis:
    """Return where a resolved date came from: the text alone, the text and a year from context, or a
    count from another date."""
    if anchor is None and date.anchor is None:
        return DateBasis.STATED
    return DateBasis.YEAR_FROM_CONTEXT if c.kind in _CALENDAR_KINDS else DateBasis.RECKONED


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
            # a newspaper's report tells of the last few days before its issue: "On Wednesday afternoon ...
            # About four o'clock" is that Wednesday's four o'clock, not the issue day's
            found, _ = _tag(part, dct=document.date, ref=None, calendar=calendar, country=where or country,
                            years=years, source=document.source, document=document.id,
                            offset=document.char_start, anchors=True, julian_until=hint,
                            narrated=retrospective_body(part, document), news=document.kind in NEWS_KINDS)
            # the narrative goes on from a dated document's own date (a receipt of 4 March, then
            # "On March 6, ..."), not from the dates it recalls
            narrative = Anchor.of(document.date, f"document:{document.id}")
        else:
            found, narrative = _tag(part, dct=None, ref=narrative, calendar=calendar, country=where or country,
                                    years=years, source=document.source, document=document.id,
                                    offset=document.char_start, anchors=True, julian_until=hint)
        out.extend(found)
    return out


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
        for m in FULL_DATE_YEAR.finditer(text, document.char_start, document.char_end):
            years.append(int(m.group("y")))
    return (min(years), max(years)) if years else None


def _resolution_order(cands: list[Cand], text: str) -> list[Cand]:
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
    return [vocab_timex_json(t, offset) for t in timexes]
