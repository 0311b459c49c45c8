"""Cues from semantic markup: where an input says what its parts are, believe it before the text rules.

The readers hand semantic spans over in ``Source.blocks`` next to the structural ones (see
:mod:`quellen.ingest`): ``letter`` and ``diary-entry`` containers, ``signature``/``sender``,
``dateline`` and ``time:VALUE`` (a ``<time datetime>`` or TEI ``<date when>``). Two uses, both
optional (plain text has none, and nothing here is required):

1. **boundaries** (:func:`structural_blocks`): each letter or diary entry that no other one holds
   starts a document, given to the segmenter as a break before it;
2. **fields** (:func:`apply_markup`): a document's date from the ``<time datetime>`` in its head or
   its dateline (a machine-readable value beats any reading of the words), and its author from
   its own ``signature``/``sender`` element. The evidence says ``markup``.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re

from ..model import Date, DateBasis, Document, Ref, RefBasis, replace

__all__ = ["structural_blocks", "apply_markup", "merge_within_units", "SEMANTIC_TAGS"]

#: the semantic span tags (besides ``time:VALUE``): read here, never by the line cues
SEMANTIC_TAGS = frozenset({"letter", "diary-entry", "signature", "sender", "dateline", "person", "place"})
_UNITS = ("letter", "diary-entry")
#: how far into a document its head runs, for a <time> to date it
_HEAD_CHARS = 300


def _outermost(blocks) -> list[tuple[int, int, str]]:
    """Return the letter and diary-entry spans that no other such span holds."""
    units = sorted((b for b in blocks if b[2] in _UNITS), key=lambda b: (b[0], -b[1]))
    out: list[tuple[int, int, str]] = []
    for b in units:
        if out and b[0] < out[-1][1]:
            continue  # nested: a letter copied into a diary entry stays inside it
        out.append(b)
    return out


def structural_blocks(blocks) -> list[tuple[int, int, str]]:
    """Return the structural block spans for the line cues, with a break (``hr``) before each
    outermost letter or diary entry the markup marks: the publisher said a document starts there."""
    out = [b for b in blocks if b[2] not in SEMANTIC_TAGS and not b[2].startswith(("time:", "person:"))]
    have = {b[0] for b in out if b[2] == "hr"}
    for start, _, _ in _outermost(blocks):
        if start and start not in have:
            out.append((start, start, "hr"))
    return sorted(out, key=lambda s: (s[0], -s[1], s[2]))


def _time_date(value: str, text: str) -> Date | None:
    """Return the Date of a ``datetime`` value with a year (YYYY, YYYY-MM, YYYY-MM-DD), or None."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:[T ].*)?", value)
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d:
            lo = hi = dt.date(y, int(mo), int(d))
            precision, edtf = "day", f"{y:04d}-{mo}-{d}"
        elif mo:
            lo = dt.date(y, int(mo), 1)
            hi = dt.date(y + int(mo) // 12, int(mo) % 12 + 1, 1) - dt.timedelta(days=1)
            precision, edtf = "month", f"{y:04d}-{mo}"
        else:
            lo, hi, precision, edtf = dt.date(y, 1, 1), dt.date(y, 12, 31), "year", f"{y:04d}"
    except ValueError:
        return None
    # a datetime value is proleptic Gregorian (HTML) or ISO (TEI): its calendar is stated
    return Date(text=text, edtf=edtf, earliest=lo, latest=hi, precision=precision, calendar="gregorian",
                as_written=edtf, rule=f"markup: <time datetime={value}>", basis=DateBasis.STATED)


def _signer(text: str) -> str | None:
    name = re.sub(r"^[\s“”\"'‘’(—–-]+|[\s“”\"'‘’).,;:!—–-]+$", "", text)
    if not name or len(name.split()) > 8 or not name[:1].isupper():
        return None
    return name


def apply_markup(documents: list[Document], blocks, text: str) -> list[Document]:
    """Return ``documents`` with dates and authors the semantic markup gives, over what the text
    rules found: the ``<time datetime>`` in a document's head or dateline (with a year), and the
    ``signature``/``sender`` element of the document itself (not of a letter nested in it)."""
    spans = sorted(b for b in blocks if b[2].startswith("time:") or b[2] in ("signature", "sender", "dateline"))
    if not spans:
        return documents
    units = sorted(b for b in blocks if b[2] in _UNITS)
    starts = [s[0] for s in spans]
    out = []
    for d in documents:
        i = bisect.bisect_left(starts, d.char_start)
        inside = []
        while i < len(spans) and spans[i][0] < d.char_end:
            inside.append(spans[i])
            i += 1
        # spans in a letter or entry that opens later inside this document belong to that one
        holder = next((u for u in units if u[0] <= d.char_start < u[1]), None)
        if holder is None:  # the document's own unit may open a little below its start (under a title)
            holder = next((u for u in units if d.char_start <= u[0] < d.char_start + _HEAD_CHARS), None)
        inner_units = [u for u in units if d.char_start <= u[0] < d.char_end and u is not holder]
        own = [s for s in inside if not any(u[0] <= s[0] < u[1] for u in inner_units)]
        datelines = [s for s in own if s[2] == "dateline"]
        evidence = list(d.evidence)
        date, author = d.date, d.author
        for start, end, tag in own:
            if not tag.startswith("time:"):
                continue
            head = start < d.char_start + _HEAD_CHARS or any(a <= start < b for a, b, _ in datelines)
            found = _time_date(tag[5:], text[start:end]) if head else None
            if found:
                date = found
                evidence.append("date: markup <time datetime>")
                break
        signature = next((s for s in own if s[2] in ("signature", "sender")), None)
        if signature and d.kind not in ("heading", "caption", "boilerplate", "epigraph"):
            name = _signer(text[signature[0]:signature[1]])
            if name:
                author = Ref(name, basis=RefBasis.SIGNED)
                evidence.append(f"author: markup {signature[2]}")
        out.append(d if date is d.date and author is d.author else
                   replace(d, date=date, author=author, evidence=tuple(evidence)))
    return out


def merge_within_units(groups: list, blocks) -> list:
    """Return ``groups`` cut where a marked letter or diary entry starts, and with every group that
    starts inside such a unit (not at its start) joined to the group before it when that one starts
    inside the same unit: the markup says the unit is one document, so a salutation or a dateline
    inside it (a letter copied into an entry) does not cut it, and its own date line does not close
    the letter before it."""
    outer = _outermost(blocks)
    if not outer:
        return groups
    starts = [u[0] for u in outer]

    def unit_of(offset: int):
        i = bisect.bisect_right(starts, offset) - 1
        return outer[i] if i >= 0 and outer[i][0] <= offset < outer[i][1] else None

    from .cascade import Group
    split: list = []
    for group in groups:
        # a group that runs over the start of a marked unit is cut there: the markup starts a document
        cuts = [k for k, u in enumerate(group.units) if k and unit_of(u.start) is not None
                and unit_of(u.start)[0] > group.units[k - 1].start and unit_of(u.start)[0] <= u.start]
        if not cuts:
            split.append(group)
            continue
        bounds = [0, *cuts, len(group.units)]
        split.append(Group(units=group.units[:cuts[0]], phase=group.phase, mode=group.mode,
                           evidence=group.evidence, framing=group.framing, framing_text=group.framing_text,
                           framing_start=group.framing_start, attribution=group.attribution,
                           continues=group.continues))
        for a, b in zip(bounds[1:], bounds[2:]):
            split.append(Group(units=group.units[a:b], evidence=["markup: a letter or entry starts here"]))
    out: list = []
    for group in split:
        start = group.units[0].start
        unit = unit_of(start)
        if out and unit is not None and start > unit[0] and unit_of(out[-1].units[0].start) == unit:
            out[-1].units.extend(group.units)
            out[-1].evidence.append("markup: one letter or entry, kept whole")
            continue
        out.append(group)
    return out
