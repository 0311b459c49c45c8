"""Dates a reader reckons that the tagger leaves open: a length of time counted from a told happening,
an age from a birth, and the year of a day-and-month from the nearest full date.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable, Sequence

from ..lexicons import pairs, words
from ..model import FURNITURE_KINDS, Claim, Date, DateBasis, Document, Mention, Timex

# ----------------------------------------------------------------------------- reckoned dates
_DURATION = re.compile(r"^P(\d+)([DWMY])$")
_AFTER_THIS = re.compile(r"^[\s,]*(?P<dir>after|before|later\s+than|earlier\s+than|following|preceding|prior\s+to)\s+"
                         r"(?:this|that|these\s+events|those\s+events|it|which)\b", re.I)
_AFTER_NAMED = re.compile(r"^[\s,]*(?P<dir>after|before|following|preceding|prior\s+to)\s+(?:the|his|her|their|its|our"
                          r"|my)"
                          r"\s+(?:(?:first|second|last|great|fatal|final|famous|sudden)\s+)?(?P<noun>[a-z]{4,})\b")
_AFTER_LEAVING = re.compile(r"^[\s,]*after\s+(?:(?:we|they|he|she|I)\s+(?:had\s+)?(?:left|departed|sailed|set\s+out|"
                            r"weighed)|leaving|departing|setting\s+out|sailing|our\s+departure|their\s+departure|"
                            r"his\s+departure|her\s+departure)\b", re.I)
#: "after a 22-day journey": the timex is the adjective, the journey follows
_JOURNEY = re.compile(r"^\s+(?:journey|voyage|passage|crossing|trip|march|ride|drive|flight|sail|trek|"
                      r"expedition|transit|cruise)\b", re.I)
_JOURNEY_OPEN = re.compile(r"\b(?:after|following|at\s+the\s+end\s+of|on\s+completing)\s+(?:a|an|the|his|her|their|"
                           r"our|its)\s+$", re.I)
#: a tagger's "a week after" / "three days before" whose count a clause of leaving anchors
_LENGTH_AFTER = re.compile(r"^(?:(?:only|just|about|some|nearly|almost)\s+)?(?P<n>\d+|an?|[a-z]+)\s+"
                           r"(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>after|before)$", re.I)
_LEFT_CLAUSE = re.compile(r"^\s+(?:we|they|he|she|I)\s+(?:had\s+)?(?:left|departed|sailed|set\s+out|weighed"
                          r"|embarked)\b",
                          re.I)
_UNIT_LETTER = {"day": "D", "week": "W", "month": "M", "year": "Y"}
_ORDINALS = {w: int(k) for w, k in pairs("ordinal_words") if " " not in w and "-" not in w}
_NTH_DAY = re.compile(r"\bthe\s+(?P<nth>" + "|".join(_ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))\s+day\s+(?:after|from"
                                                                  r"|since)\s+"
                      r"(?:(?:we|they|he|she|I)\s+(?:had\s+)?(?:left|departed|sailed|set\s+out)|leaving|departing|"
                      r"setting\s+out|sailing|(?:our|their|his|her|the)\s+departure)\b", re.I)
#: verbs that start a journey: its departure is the day a length of travel counts from
_DEPART = frozenset(words("departure_verbs"))
_AGE = re.compile(r"\b(?:at\s+the\s+age\s+of|at\s+age|aged)\s+(?P<n>\d{1,3}|[a-z]+(?:[\s-][a-z]+)?)\b|"
                  r"\b(?P<n2>\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old\b|"
                  r"\bwhen\s+(?:he|she)\s+was\s+(?:only\s+|just\s+|barely\s+)?(?P<n3>\d{1,3}|[a-z]+(?:-[a-z]+)?)"
                  r"(?=\s+years?\s+(?:old|of\s+age)\b)", re.I)
#: a happening's noun and the verb its claims use, where English does not share a stem
_NOUN_VERB = dict(pairs("event_noun_verbs"))


def reckoned_timexes(text: str, documents: Sequence[Document], timexes: Sequence[Timex],
                     mentions: Sequence[Mention], claims: Sequence[Claim]) -> list[Timex]:
    """Return the dates a reader reckons from the claims already dated, as timexes (rule ``relative-…``).

    1. a length of time after or before "this"/"that" counts from the last date told before it
       ("only a week after this, the paper printed ...");
    2. a length of time after or before a named happening ("three days before the battle") counts
       from the nearest claim that dates that happening (its noun or its verb);
    3. "after a 22-day journey" ends on the journey's last day: its departure (the last dated
       claim before it told with a verb of leaving) plus 21 days, the first day counted as one;
       "a week after we left" counts from the departure too;
    4. an age ("at the age of 16", "the 17-year-old X", "when she was 20 years old") counts from
       the birth of the person it belongs to, where a claim tells that birth: the birth year plus
       the age, at year precision (a reader cannot tell which side of the birthday it fell).
    """
    dated = sorted((c for c in claims if c.date is not None and c.stance != "denied"
                    and c.basis in ("explicit", "relative", "document")),
                   key=lambda c: c.char_start)
    if not dated:
        return []
    taken = [(t.char_start, t.char_end) for t in timexes if usable(t)]
    by_doc = {d.id: d for d in documents}
    out: list[Timex] = []

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in taken)

    def emit(doc_id: str | None, a: int, b: int, date: Date, rule: str) -> None:
        if doc_id in by_doc and free(a, b):
            out.append(Timex(by_doc[doc_id].source, doc_id, a, b, text[a:b], "DATE", date.edtf, date=date, rule=rule,
                             anchor=date.anchor))
            taken.append((a, b))

    def departure(at: int) -> Claim | None:
        # a date written out with a verb of leaving before any reckoned one: a later clause that
        # mentions the leaving ("a week after we left, ...") is not the departure itself
        def leaves(c: Claim) -> bool:
            return bool(set(c.verbs) & _DEPART or set(c.trigger) & _DEPART)
        return (_last_before(dated, at, lambda c: c.basis == "explicit" and leaves(c))
                or _last_before(dated, at, leaves))

    for t in timexes:
        if t.type not in ("DURATION", "DATE") or t.document not in by_doc or by_doc[t.document].kind in FURNITURE_KINDS:
            continue
        after = text[t.char_end:t.char_end + 80]
        m = _DURATION.match(t.value or "")
        if not m and (r := _LENGTH_AFTER.match(t.text)) and _LEFT_CLAUSE.match(after):
            # "a week after we left": the tagger counted from the last date told; the text counts
            # from the departure
            dep = departure(t.char_start)
            n = _age_number(r.group("n"))
            unit = _UNIT_LETTER.get(r.group("unit").lower().rstrip("s"))
            if dep is not None and n is not None and unit:
                sign = -1 if r.group("dir").lower() == "before" else 1
                end = t.char_end + _LEFT_CLAUSE.match(after).end()
                taken[:] = [x for x in taken if not (x[0] < end and t.char_start < x[1])]
                emit(t.document, t.char_start, end, _shifted(dep.date, sign * n, unit, text[t.char_start:end],
                                                             "relative-departure"), "relative-departure")
            continue
        if not m:
            continue
        n, unit = int(m.group(1)), m.group(2)
        if (j := _JOURNEY.match(after)) and _JOURNEY_OPEN.search(text[max(0, t.char_start - 40):t.char_start]):
            dep = departure(t.char_start)
            if dep is not None and unit == "D" and dep.date.precision == "day":
                # a journey of N days, its first day counted as the first: the last day is N - 1 days on
                end = t.char_end + j.end()
                emit(t.document, t.char_start, end, _shifted(dep.date, n - 1, unit, text[t.char_start:end],
                                                             "relative-journey"), "relative-journey")
            continue
        if (x := _AFTER_LEAVING.match(after)):
            dep = departure(t.char_start)
            if dep is not None:
                end = t.char_end + x.end()
                emit(t.document, t.char_start, end, _shifted(dep.date, n, unit, text[t.char_start:end],
                                                             "relative-departure"), "relative-departure")
            continue
        if (x := _AFTER_THIS.match(after)):
            sign = -1 if x.group("dir").lower().startswith(("before", "earlier", "preceding", "prior")) else 1
            prev = _last_before(dated, t.char_start, lambda c: c.basis != "document")
            if prev is not None:
                end = t.char_end + x.end()
                emit(t.document, t.char_start, end, _shifted(prev.date, sign * n, unit, text[t.char_start:end],
                                                             "relative-anaphor"), "relative-anaphor")
            continue
        if (x := _AFTER_NAMED.match(after)):
            sign = -1 if x.group("dir").lower().startswith(("before", "preceding", "prior")) else 1
            anchor = _named_happening(dated, x.group("noun").lower(), t.char_start)
            if anchor is not None:
                end = t.char_end + x.end()
                emit(t.document, t.char_start, end, _shifted(anchor.date, sign * n, unit, text[t.char_start:end],
                                                             "relative-happening"), "relative-happening")
    # "on the third day after leaving port": the departure plus the ordinal's days
    for d in documents:
        if d.kind in FURNITURE_KINDS:
            continue
        for x in _NTH_DAY.finditer(text, d.char_start, d.char_end):
            n = _ORDINALS.get(x.group("nth").lower()) or (int(re.sub(r"\D", "", x.group("nth")) or 0) or None)
            dep = departure(x.start()) if n else None
            if dep is not None and dep.date.precision == "day" and free(x.start(), x.end()):
                emit(d.id, x.start(), x.end(), _shifted(dep.date, n, "D", x.group(0), "relative-departure"),
                     "relative-departure")
    out.extend(_ages(text, documents, mentions, dated, free, taken))
    return sorted(out, key=lambda t: t.char_start)


def _last_before(dated: Sequence[Claim], at: int, ok: Callable[[Claim], bool], reach: int = 20000) -> Claim | None:
    """Return the last dated claim that ends before ``at`` (within ``reach`` characters) and passes ``ok``."""
    for c in reversed(dated):
        if c.char_end <= at and at - c.char_end <= reach and ok(c):
            return c
        if at - c.char_end > reach:
            break
    return None


def _named_happening(dated: Sequence[Claim], noun: str, at: int) -> Claim | None:
    """Return the nearest claim (explicit first) that dates the happening ``noun`` names, by the noun
    itself or by the verb it is made from ("the assassination" / "assassinated")."""
    verb = _NOUN_VERB.get(noun)

    def names(c: Claim) -> bool:
        if c.char_start <= at < c.char_end:
            return False
        words = {*c.trigger, *c.named, *c.verbs, *c.lemmas}
        if noun in words or verb and verb in words:
            return True
        stem = noun[:max(5, len(noun) - 4)]
        return len(stem) >= 5 and any(v.startswith(stem) for v in (*c.verbs, *c.trigger))
    found = [c for c in dated if names(c) and c.date.precision in ("day", "month")]
    if not found:
        return None
    return min(found, key=lambda c: (c.basis != "explicit", abs(c.char_start - at)))


def _shifted(date: Date, n: int, unit: str, text: str, rule: str) -> Date:
    """Return ``date`` moved by ``n`` days, weeks, months or years, at the anchor's precision."""
    def move(d: dt.date) -> dt.date:
        if unit in ("D", "W"):
            return d + dt.timedelta(days=n * (7 if unit == "W" else 1))
        months = n * (12 if unit == "Y" else 1)
        y, m = divmod(d.month - 1 + months, 12)
        y += d.year
        import calendar as _calendar
        return dt.date(y, m + 1, min(d.day, _calendar.monthrange(y, m + 1)[1]))
    lo, hi = move(date.earliest), move(date.latest)
    if date.precision == "day":
        edtf = lo.isoformat()
    elif date.precision == "month" and unit in ("M", "Y"):
        lo = lo.replace(day=1)
        edtf = lo.isoformat()[:7]
    elif date.precision == "year" and unit == "Y":
        lo, hi = dt.date(lo.year, 1, 1), dt.date(lo.year, 12, 31)
        edtf = str(lo.year)
    else:
        edtf = f"{lo.isoformat()}/{hi.isoformat()}"
    return Date(text=text, edtf=edtf, earliest=lo, latest=hi, precision=date.precision if "/" not in edtf else "day",
                calendar=date.calendar, as_written=None, rule=rule, anchor=date.edtf, basis=DateBasis.RECKONED)


def _age_number(word: str) -> int | None:
    from ..extract.dates.find import number_value
    n = number_value(word)
    if n is None:
        n = number_value(re.split(r"[\s]", word)[0])
    return int(n) if isinstance(n, (int, float)) and 0 < n < 120 else None


def _ages(text: str, documents: Sequence[Document], mentions: Sequence[Mention], dated: Sequence[Claim],
          free: Callable[[int, int], bool], taken: list) -> list[Timex]:
    """Return the ages of persons whose birth a claim dates, as the year they reached that age."""
    births: list[tuple[set[str], Claim]] = []
    for c in dated:
        # a birth told with its own date ("X was born on ..."), not a date the clause only inherits
        if (c.basis == "explicit" and ("bear" in c.verbs or "bear" in c.trigger)
                and re.search(r"\bborn\b", text[c.char_start:c.char_end], re.I)
                and c.date.precision in ("day", "month", "year")):
            for name, typ, *_ in c.actors:
                if typ == "person":
                    births.append((_name_keys(name), c))
    if not births:
        return []
    persons = sorted((m for m in mentions if m.type == "person"), key=lambda m: m.char_start)
    out: list[Timex] = []
    for d in documents:
        if d.kind in FURNITURE_KINDS:
            continue
        for m in _AGE.finditer(text, d.char_start, d.char_end):
            n = _age_number(m.group("n") or m.group("n2") or m.group("n3"))
            if n is None or not free(m.start(), m.end()):
                continue
            # whose age: a name right after "the 17-year-old", else the nearest person named before
            # it whose birth is told (a pronoun's antecedent may be someone else; an age is reckoned
            # only for a person whose birth the text gives)
            after = [p for p in persons if m.end() <= p.char_start <= m.end() + 3]
            owners = after or [p for p in reversed(persons) if p.char_end <= m.start() and
                               m.start() - p.char_end < 3000 and p.document == d.id]
            birth = None
            for p in owners[:12]:
                keys = _name_keys(p.name or p.text)
                birth = next((c for k, c in births if k & keys and c.char_start != m.start()), None)
                if birth is not None or after:
                    break
            if birth is None:
                continue
            y = birth.date.earliest.year + n
            date = Date(text=m.group(0), edtf=str(y), earliest=dt.date(y, 1, 1), latest=dt.date(y, 12, 31),
                        precision="year", calendar=birth.date.calendar, as_written=None, rule="relative-age",
                        anchor=birth.date.edtf, basis=DateBasis.RECKONED)
            out.append(Timex(d.source, d.id, m.start(), m.end(), m.group(0), "DATE", str(y), date=date,
                             rule="relative-age", anchor=birth.date.edtf))
            taken.append((m.start(), m.end()))
    return out


def _name_keys(name: str) -> set[str]:
    """Return the capitalised words of a name that can stand for it alone (a surname, a first name)."""
    return {w.lower() for w in re.findall(r"[^\W\d_][\w'’-]+", name) if w[:1].isupper() and len(w) > 2}


def _year_unknown(timex: Timex) -> bool:
    return timex.value.startswith("XXXX-") and len(timex.value) >= 10 and timex.type == "DATE"


def complete_years(timexes: Sequence[Timex], documents: Sequence[Document], furniture: set) -> list[Timex]:
    """Return the timexes with a day-and-month date whose year the tagger left open ("On January 22")
    given the year of the nearest full date of the running text: the last one before it, else the
    first one after it (a narrative frame that introduces the dated letter it quotes). Page furniture
    (a web page's own date) is no reference."""
    import calendar as _calendar
    from ..model import replace as _replace
    refs = sorted((t.char_start, t.date) for t in timexes
                  if t.date is not None and t.document not in furniture and not _year_unknown(t)
                  and t.type == "DATE" and t.date.precision == "day" and re.match(r"\d{4}-", t.value))
    refs += sorted((d.char_start, d.date) for d in documents
                   if d.date is not None and d.id not in furniture and d.date.precision == "day")
    refs.sort(key=lambda r: r[0])
    out = []
    for t in timexes:
        if not _year_unknown(t) or not refs:
            out.append(t)
            continue
        before = [r for r in refs if r[0] < t.char_start]
        ref = before[-1][1] if before else refs[0][1] if refs[0][0] - t.char_start < 5000 else None
        try:
            month, day = int(t.value[5:7]), int(t.value[8:10])
        except ValueError:
            out.append(t)
            continue
        if ref is None or day > _calendar.monthrange(ref.earliest.year, month)[1]:
            out.append(t)
            continue
        # the year that puts the day nearest the reference, a little after it rather than before
        options = []
        for y in (ref.earliest.year - 1, ref.earliest.year, ref.earliest.year + 1):
            try:
                x = dt.date(y, month, day)
            except ValueError:
                continue
            gap = (x - ref.earliest).days
            options.append((abs(gap) if gap >= -31 else abs(gap) * 2, x))
        if not options:
            out.append(t)
            continue
        x = min(options)[1]
        date = Date(text=t.text, edtf=x.isoformat(), earliest=x, latest=x, precision="day",
                    calendar=ref.calendar if ref.calendar != "unknown" else "gregorian",
                    as_written=None, rule="month-day+year-of-context", anchor=ref.edtf,
                    basis=DateBasis.YEAR_FROM_CONTEXT)
        out.append(_replace(t, value=x.isoformat(), date=date, rule="month-day+year-of-context"))
    return out


def usable(timex: Timex) -> bool:
    """Return True for a timex that can date an event (a resolved day, month, year or decade)."""
    # a century is too wide to date an event ("a revolutionary of the 20th century")
    # "now", "lately", "the future" point at the writer's present, not at a day of the story
    return (timex.type in ("DATE", "TIME") and timex.date is not None
            and not timex.value.endswith("_REF")
            and timex.date.precision in ("day", "month", "year", "decade"))


