"""Step 3 of the tagger: **merge** calendar twins into one date ("October 25 (November 7, new style)",
"16/28 August 1813") and complete a partial date with a year written later in the same sentence.
"""
from __future__ import annotations

import re

from ..calendars import julian_to_gregorian
from .lexicon import TOD, Cand, year_re

# -- step 3: merge --------------------------------------------------------------------------
_TWIN_GAP = re.compile(r"\s*[(\[/]\s*$")


def merge_candidates(cands: list[Cand], text: str) -> list[Cand]:
    """Return the candidates with calendar twins merged and parts of one date joined (step 3)."""
    out: list[Cand] = []
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


def _join_parts(cands: list[Cand], text: str) -> list[Cand]:
    """Return the candidates with the words TimeML counts inside an expression joined to it:
    "the morning of the 5th" (a time of that day), "four hours and 12 minutes" (one duration),
    "about three weeks", "more than 40 years" (a modified duration), "earlier this month"."""
    out: list[Cand] = []
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
                c.data = dict(c.data, tod_of=TOD[m.group("tod").lower()])
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


def _twin(first: Cand, second: Cand, text: str) -> Cand | None:
    """Return one date for "February 19 (March 3, new style) 1861", or None when not a twin."""
    end = second.end
    close = re.match(r"\s*[)\]]", text[end:end + 40])
    opened = text[first.end:second.start].strip() in ("(", "[")
    if opened and not close and not text[second.start:second.end].endswith((")", "]")):
        return None
    year = second.data.get("y") or first.data.get("y")
    if opened:
        end += close.end() if close else 0
        after = re.match(r",?\s*" + year_re("y"), text[end:end + 20])
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
        return Cand(first.start, end, "DATE", "abs", data, "calendar-twin")
    ok = _twin_gap_ok(a, b, year)
    if not ok:
        return None
    old, new = ok
    data = dict(first.data, y=old[2], m=old[0], d=old[1], twin=new, marker="julian", d2=None)
    return Cand(first.start, end, "DATE", "abs", data, "calendar-twin")


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


def _complete_years(cands: list[Cand], text: str) -> None:
    """Give a yearless day or month the year of a date later in the same sentence ("from March 3 to
    June 5, 1930"; "May 3, and again June 2, 1848") when nothing else stands between."""
    for i, c in enumerate(cands):
        if c.kind not in ("abs", "month") or c.data.get("y") or c.data.get("rel") or c.data.get("m") is None \
                or c.data.get("elided"):
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


