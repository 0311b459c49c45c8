"""Dates for documents that carry none of their own, from what the rest of the source says.

Two passes over the described documents of one source, in this order (why each exists):

1. **An explicit reference dates the document it names.** A later passage of the same
   source that speaks of "the decision ... of January 18, 1929" or "your letter dated
   3 March 1862" gives the full date of the nearest preceding document of that kind.
   A compiler prints a decree without its date and the next document quotes it with
   one; the quoted date is the document's own, and it beats a date merely read off the
   sentence that announced the document ("On January 20 ... presented him with the
   following decision") — that sentence dates the handing-over, not the writing.
2. **An undated document in a compilation takes the year of its context.** The compiler
   placed it after the last dated text of the source; documents of a compilation run
   in order, so it most likely belongs to that year. The date is flagged as inferred
   (basis :attr:`~quellen.model.DateBasis.INFERRED`, EDTF with ``?``), kept at
   year precision and never finer, and withheld when the document itself names a later
   year, when the text after it goes back in time (the source is not in order there), or
   when the context is a death (papers printed after it are not of its year). The time
   markers are the documents' own stated dates, the full dates of the compiler's narrative
   and the years that open its sentences ("In 1795 ..."); dates inside a letter's body
   recall the past and are no marker. :func:`inferred` tells such a date from a stated
   one, so that later steps can weigh it less: on the seed five of the nine inferred
   years that the gold can check are right.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re

from .. import lexicons
from ..model import FURNITURE_KINDS, RECORD_KINDS, Date, DateBasis, Document, replace
from ..extract.dates.lexicon import weekday_of
from .lines import DOC_NOUNS, FULL_DATE_RE, MONTHS, kind_from_words, yearless

__all__ = ["date_by_references", "date_by_context", "inferred", "reckon_calendars", "source_country", "INFERRED_RULE",
           "lady_day_years",
           "weekday_head", "weekday_year"]

#: the rule prefix of every date inferred from a document's place in the compilation
INFERRED_RULE = "inferred: compilation context"

_NOUN_ALT = "|".join(sorted(DOC_NOUNS, key=len, reverse=True))
#: "the decision of the board of January 18, 1929", "your letter dated 3 March 1862"; the words between
#: the noun and the date name no other document and hold no verb ("this order repealed the decree of ...")
_REFERENCE_RE = re.compile(
    rf"\b(?:the|your|my|his|her|their|our|this|that)\s+(?:[\w'’-]+\s+){{0,2}}?(?P<noun>{_NOUN_ALT})\b"
    rf"(?P<mid>(?:(?!\b(?:{_NOUN_ALT}|was|were|is|are|has|had|have)\b)[^.;:!?\"“”«»()]){{0,120}}?)"
    rf"\s(?:of|dated|from)\s+(?:the\s+)?(?P<date>{FULL_DATE_RE.pattern})",
    re.I)
#: how many documents after the named one a reference may stand and still mean it
_REFERENCE_REACH = 2
#: an announced document is issued before it is handed over, but not long before
_HANDOVER_DAYS = 366
#: a sentence that ends a life: the story is over, what the compiler prints after it is not "then"
_ENDS_A_LIFE = re.compile(rf"\b(?:died|dies|death|was\s+(?:{'|'.join(lexicons.words('death_participles'))})|"
                          r"passed\s+away|perished|funeral|obituary)\b", re.I)
#: a year in the time phrase that opens a sentence: where a narrative moves its "now"
_OPENING_YEAR_RE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:In|By|During|Throughout|Early\s+in|Late\s+in|Towards?\s+the\s+end\s+of|"
    r"At\s+the\s+(?:beginning|end|start|close)\s+of|In\s+the\s+(?:spring|summer|autumn|fall|winter|course|"
    r"first\s+half|second\s+half|early\s+months|last\s+months)\s+of)\s+(?:the\s+year\s+)?(?P<y>1[0-9]\d\d|20\d\d)\b",
    re.M)
_YEAR_RE = re.compile(r"(?<![\d/.-])(1[0-9]\d\d|20\d\d)(?![\d/-])")


def inferred(date: Date | None) -> bool:
    """Return True when ``date`` was inferred from the document's place in the compilation, not read from
    its text: weaker evidence than any date the text states, so it should date no event by itself."""
    return date is not None and date.basis is DateBasis.INFERRED


def _explicit(date: Date | None) -> bool:
    """Return True for a date the document states itself (not announced, not inferred)."""
    return date is not None and date.basis not in (DateBasis.FRAMING, DateBasis.INFERRED)


def _stem(noun: str) -> str:
    return noun.lower().rstrip("s")


def _called(document: Document) -> set[str]:
    """Return the document nouns its title and its announcing sentence call it by ("order", "decision")."""
    words = re.findall(rf"\b(?:{_NOUN_ALT})\b", document.title or "", re.I)
    for e in document.evidence:
        m = re.match(r"announced: 'the following (\w+)'", e)
        if m:
            words.append(m.group(1))
    return {_stem(w) for w in words}


def _references(document: Document, text: str) -> list[tuple[str, str, Date, str]]:
    """Return (kind named, noun, full date, phrase) for each reference to a dated document inside
    ``document``."""
    from ..extract.dates import parse_date
    out = []
    for m in _REFERENCE_RE.finditer(text, document.char_start, document.char_end):
        kind = kind_from_words(m.group("noun"))
        if kind not in RECORD_KINDS or re.search(r"\d", m.group("mid")):
            continue
        date = parse_date(m.group("date"))
        if date is None or date.precision != "day":
            continue
        out.append((kind, _stem(m.group("noun")), replace(date, text=m.group("date")), m.group(0)))
    return out


def date_by_references(documents: list[Document], text: str) -> list[Document]:
    """Return ``documents`` with undated (or only announced) records dated by a later explicit reference.

    >>> text = ("DECISION OF THE BOARD\\n\\nThe bridge is closed.\\n\\n"
    ...         "The clerk wrote that the decision of the Board of April 30, 1862 was read to him on May 2.")
    >>> board = Document("d1", "s", 0, 44, "resolution", title="DECISION OF THE BOARD")
    >>> note = Document("d2", "s", 46, len(text), "narrative")
    >>> date = date_by_references([board, note], text)[0].date
    >>> date.edtf, date.basis.value
    ('1862-04-30', 'referred')
    """
    out = list(documents)
    real = [i for i, d in enumerate(out) if d.kind not in FURNITURE_KINDS]
    for pos, i in enumerate(real):
        for kind, noun, date, phrase in _references(out[i], text):
            # the nearest preceding document of the kind named, within reach, not one already dated
            for j in reversed(real[max(0, pos - _REFERENCE_REACH):pos]):
                target = out[j]
                if target.kind != kind:
                    continue
                called = _called(target)
                if called and noun not in called:
                    break  # "this resolution repealed the decree of ...": another document of that kind
                if _explicit(target.date):
                    break
                if target.date is not None and not (
                        0 <= (target.date.latest - date.latest).days <= _HANDOVER_DAYS):
                    break  # the announced hand-over cannot come before the writing
                new = replace(date, rule=f"{date.rule}; referred to later in the source", anchor=phrase,
                              basis=DateBasis.REFERRED)
                out[j] = replace(target, date=new, evidence=target.evidence + (
                    f"date: referred to as {phrase!r}",))
                break
    return out


def _context_anchors(documents: list[Document], text: str) -> list[tuple[int, int, str]]:
    """Return (offset, year, what) for the time markers of the source: documents' own dates, the full
    dates of the compiler's narrative, and years standing in headings.

    Dates inside a letter's body are left out: a letter recalls the past, its own date is its place.
    """
    anchors: list[tuple[int, int, str]] = []
    for d in documents:
        if d.kind in ("caption", "boilerplate", "epigraph"):
            continue
        if d.kind == "heading":
            if d.date is None:  # a page stamp dates the page, not the texts on it
                for m in _YEAR_RE.finditer(text, d.char_start, d.char_end):
                    anchors.append((m.start(), int(m.group(1)), m.group(0)))
        elif d.kind in RECORD_KINDS or d.kind == "diary":
            if d.date is not None and d.date.basis is not DateBasis.INFERRED and d.date.precision in (
                    "day", "month", "year"):
                anchors.append((d.char_start, d.date.latest.year, d.date.text))
        else:
            # narrative, commentary...: the dates it states are where the compiler stands, and so is
            # a year that opens a sentence ("In 1795 the factory was abandoned"), but not a year in
            # passing ("the factory, founded in 1751, ...")
            for m in FULL_DATE_RE.finditer(text, d.char_start, d.char_end):
                y = re.search(r"\d{4}", m.group(0))
                if y:
                    anchors.append((m.start(), int(y.group(0)), m.group(0)))
            for m in _OPENING_YEAR_RE.finditer(text, d.char_start, d.char_end):
                anchors.append((m.start(), int(m.group("y")), m.group(0).strip()))
    anchors.sort()
    return anchors


def _sentence_at(text: str, offset: int) -> str:
    """Return the sentence of ``text`` that holds ``offset``."""
    start = max(text.rfind(". ", 0, offset), text.rfind("\n", 0, offset)) + 1
    stops = [i for i in (text.find(". ", offset), text.find("\n", offset)) if i >= 0]
    return text[start:min(stops) if stops else len(text)]


def date_by_context(documents: list[Document], text: str) -> list[Document]:
    """Return ``documents`` with each undated record given, as inferred, the year of the dated text before it.

    >>> from quellen.model import Source
    >>> from quellen.segment import segment
    >>> text = ("In March 1862 the vestry quarrelled over the bridge.\\n\\nThe rector then wrote the following "
    ...         "letter:\\n\\nSir, I must protest against the tolls.\\n\\nJ. Bell")
    >>> d = [d for d in segment(Source("s", "a.txt", "0", "text/plain", text)) if d.kind == "letter"][0]
    >>> d.date.edtf, d.date.precision, d.date.basis.value
    ('1862?', 'year', 'inferred')
    """
    anchors = _context_anchors(documents, text)
    offsets = [a[0] for a in anchors]
    out = list(documents)
    for i, d in enumerate(out):
        if d.date is not None or d.kind not in RECORD_KINDS:
            continue
        # anchors are sorted by offset: the last one before the document, the first one after it
        j = bisect.bisect_left(offsets, d.char_start)
        if j == 0:
            continue
        before = anchors[j - 1]
        year = before[1]
        if _ENDS_A_LIFE.search(_sentence_at(text, before[0])):
            continue  # "He died on 3 May 1961": papers printed after a death are not of its year
        k = bisect.bisect_left(offsets, d.char_end)
        if k < len(anchors) and anchors[k][1] < year:
            continue  # the source goes back in time here: its order says nothing about this document
        named = [int(y) for y in _YEAR_RE.findall(text, d.char_start, d.char_end)]
        if any(y > year for y in named):
            continue  # it speaks of a later year, so it was written later than its context
        phrase = before[2]
        date = Date(text=str(year), edtf=f"{year:04d}?", earliest=dt.date(year, 1, 1),
                    latest=dt.date(year, 12, 31), precision="year", as_written=None,
                    rule=f"{INFERRED_RULE} (year of the dated text before it)", anchor=phrase,
                    basis=DateBasis.INFERRED)
        out[i] = replace(d, date=date, evidence=d.evidence + ("date: inferred, year of its place in the compilation",))
    return out


_HEADING_PLACE_RE = re.compile(r"\b(?:at|in|from)\s+(?P<place>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})")


def source_country(documents: list[Document], text: str, context=None) -> tuple[str, str] | None:
    """Return (alpha-2 country, why) where the source's texts were most likely written, or None.

    The file's sidecar or the settings (``country``, then ``place``) first; otherwise the country
    most of the documents' places lie in (their date lines' places, "kept at X" in a heading),
    when at least two agree and none disagrees more often; where no place is named at all, the
    country of the texts' language (``context.language``, the sidecar's or the spaCy model's).
    """
    from ..extract.calendars import country_of
    if context is not None and context.country:
        return context.country[0], f"country {context.country[0]} ({context.country[1]})"
    if context is not None and context.place:
        code = country_of(context.place[0])
        if code:
            return code, f"place {context.place[0]} ({context.place[1]})"
    votes: dict[str, int] = {}
    for d in documents:
        names = [d.place.name] if d.place else []
        if d.kind == "heading" or (d.title and d.kind in ("diary", "memoir")):
            names += [m.group("place") for m in _HEADING_PLACE_RE.finditer(d.title or "")]
        for name in names:
            code = country_of(name)
            if code:
                votes[code] = votes.get(code, 0) + 1
    if not votes:
        return _language_country(context)
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    code, n = ranked[0]
    if n < 2 and len(documents) > 1 and sum(votes.values()) < 2:
        # one place named once still tells where a short source (one letter) was written
        if len([d for d in documents if d.kind not in FURNITURE_KINDS]) > 1:
            return None
    if len(ranked) > 1 and ranked[1][1] * 2 > n:
        return None
    return code, f"most places of the source lie in {code}"


def _language_country(context) -> tuple[str, str] | None:
    """Return (alpha-2 country, why) of the texts' language where no place tells (an English text:
    GB, so Julian before September 1752), as a historian would assume it; or None."""
    from ..extract.calendars import language_country
    if context is None or context.language is None:
        return None
    code = language_country(context.language[0])
    why = f"the language {context.language[0]} ({context.language[1]}), inferred: no place named"
    return (code, why) if code else None


def lady_day_years(context, year_start: str = "auto") -> bool:
    """Return True when a source's civil years began on Lady Day (25 March), as in Britain and its dominions
    until 1752: ``year_start`` ("lady-day", "january", or "auto": :attr:`~quellen.settings.DateSettings.year_start`)
    decides, "auto" by the country its context gives (a sidecar's or the settings' country or place, else the
    country of its language) where that country kept the English calendar and no Gregorian one is set.

    Only the years before 1752 are read so (:meth:`~quellen.segment.describe.YearContext.year_for`).
    """
    from ..extract.calendars import ENGLISH_DEFAULT, adoption, country_of, language_country
    if year_start != "auto":
        return year_start == "lady-day"
    if context is None or context.calendar[0] == "gregorian":
        return False
    country = context.country[0] if context.country else None
    if country is None and context.place:
        country = country_of(context.place[0])
    if country is None and context.language:
        country = language_country(context.language[0])
    found = adoption(country)
    return found is not None and found[1] == ENGLISH_DEFAULT[1]


#: the day Britain took up the Gregorian calendar: the end of the Old Style its dual years show
_BRITISH_REFORM = dt.date(1752, 9, 14)


def reckon_calendars(documents: list[Document], context=None, text: str = "") -> list[Document]:
    """Return ``documents`` with each date read in the calendar its place and period imply.

    A document's own place decides first (a Kazan letter of 1905 is Old Style), then the country
    of the whole source (:func:`source_country`); the calendar a sidecar or ``dates.calendar``
    names overrides the inference. A date whose own words fix its calendar (a dual date "11/22
    March 1712/13", "O.S.") keeps it. Where no place tells the country, a ``text`` that writes
    English dual years ("Feb. 3, 1741-2") shows British usage, so its other dates before the reform of
    1752 are Old Style too, as the event tagger reads them. The rule of a changed date says the calendar
    was reckoned and from what, and ``as_written`` keeps the day as the text wrote it.
    """
    from ..extract.calendars import country_of, reckon
    from ..extract.dates import julian_hint
    setting, set_by = context.calendar if context is not None else ("auto", "")
    text_country = None
    dual_years = julian_hint(text) == _BRITISH_REFORM if text else False
    out = []
    for d in documents:
        if d.date is None:
            out.append(d)
            continue
        country, why = None, ""
        if d.place is not None:
            country = country_of(d.place.name)
            why = f"place {d.place.name}" if country else ""
        if country is None:
            if text_country is None:
                text_country = source_country(documents, "", context) or ("", "")
            country, why = (text_country[0] or None), text_country[1]
        if country is None and dual_years:
            country, why = "GB", "the text's English dual years (Old Style before 1752)"
        new = reckon(d.date, country, setting, why if setting == "auto" else set_by)
        out.append(d if new is d.date else replace(d, date=new, evidence=d.evidence + (
            f"date: calendar {new.calendar}, reckoned from {why if setting == 'auto' else set_by}",)))
    return out


_WORD_RE = re.compile(r"[A-Za-z]+\.?")


def weekday_head(line: str) -> tuple[int, int, int] | None:
    """Return (month, day, weekday; Monday 0) of a head that gives a month, a day in figures and a weekday but no
    year ("April 14. Wednesday.", "Wed. 14 April"), else None."""
    m = yearless(line)
    if m is None:
        return None
    month, day = (m.group("m1"), m.group("d1")) if m.group("m1") else (m.group("m2"), m.group("d2"))
    month = MONTHS.get(month.lower().rstrip("."))
    if not month or not day.isdigit():
        return None
    rest = line[:m.start()] + " " + line[m.end():]
    weekdays = {w for w in (weekday_of(x.group(0)) for x in _WORD_RE.finditer(rest)) if w is not None}
    return (month, int(day), weekdays.pop()) if len(weekdays) == 1 else None


def weekday_year(heads: list[tuple[int, int, int]], years: range, agreement: float) -> int | None:
    """Return the year of ``years`` in which the most of ``heads`` (month, day, weekday) fall on their weekday,
    when at least ``agreement`` of them do, and no other year of the range agrees as well; else None.

    A diary that heads its entries "April 14. Wednesday." and names no year still tells it within a few:
    a day falls on one weekday about one year in seven, and several heads agree together more rarely.
    """
    def agree(year: int) -> int:
        n = 0
        for month, day, weekday in heads:
            try:
                n += dt.date(year, month, day).weekday() == weekday
            except ValueError:
                pass
        return n

    if not heads:
        return None
    scores = sorted(((agree(y), y) for y in years), reverse=True)
    if not scores or scores[0][0] < agreement * len(heads) or len(scores) > 1 and scores[1][0] == scores[0][0]:
        return None
    return scores[0][1]
