"""Corpus-wide shapes that several exports and the web app share.

Who wrote to whom, who is named together with whom, what happened where, and
where each person was when: computed from the store's read methods only, so
every shape is simply empty while a layer has not been built yet.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..lexicons import pairs
from ..model import CORRESPONDENCE_KINDS, Date, Document, Entity, Event, Ref

__all__ = ["Corpus", "count", "date_label", "edtf_label", "EDTF_CODED", "ref_key", "load_corpus", "correspondence",
           "cooccurrence", "network", "place_features", "itineraries", "text_context"]

#: the months' names in calendar order, as a reader's label writes them (data/lexicon/months.txt)
_MONTHS = tuple(name.capitalize() for name, _ in sorted(pairs("months"), key=lambda p: int(p[1])))


#: EDTF's sub-year groupings by code: seasons, quarters, thirds, halves (data/lexicon/edtf_divisions.txt)
_DIVISIONS = dict(pairs("edtf_divisions"))
#: one EDTF date: year (digits or X), month or grouping, day (digits or X), a time of day left unsaid
_EDTF_DATE = re.compile(r"^(?P<y>\d[\dX]{3}|X[\dX]{3})(?:-(?P<m>\d\d|XX)(?:-(?P<d>\d\d|XX))?)?(?:T.*)?$")
#: forms date_label reads from the EDTF value rather than the interval: groupings, unknown digits,
#: qualifiers, intervals
EDTF_CODED = re.compile(r"X|[?~%/]|^\d{4}-(?:2[1-9]|3\d|4[01])\b")


def count(n: int, noun: str, plural: str | None = None) -> str:
    """Return "1 attestation", "2 attestations": counts in the exports are read by people, as said."""
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


def _day(d: dt.date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _edtf_date_label(value: str) -> str | None:
    """Return a reader's label for one EDTF date (no interval, no qualifier), or None for a form not read."""
    m = _EDTF_DATE.match(value)
    if not m:
        return None
    y, mo, d = m["y"], m["m"], m["d"]
    if "X" not in y:
        year = y
    elif y == "XXXX":
        year = ""
    elif re.fullmatch(r"\d\dXX", y) and not mo:
        return f"{_ordinal(int(y[:2]) + 1)} century"
    elif re.fullmatch(r"\d{3}X", y) and not mo:
        return f"{y[:3]}0s"
    elif re.fullmatch(r"\d+X+", y):
        year = y.rstrip("X") + "—"  # as a printed elided year: "June 184—"
    else:
        return None
    unknown = "" if year else " (year unknown)"
    if mo is None:
        return year or "year unknown"
    if mo in _DIVISIONS:
        return f"{_DIVISIONS[mo]} {year}".strip() + unknown
    if mo == "XX":
        missing = "month and day" if d else "month"
        return f"{year} ({missing} unknown)" if year else f"{missing}{unknown}"
    if not 1 <= int(mo) <= 12:
        return None
    month = f"{_MONTHS[int(mo) - 1]} {year}".strip()
    if d is None:
        return month + unknown
    if d == "XX":
        return f"{month} (day unknown{', year unknown' if not year else ''})"
    return f"{int(d)} {month}{unknown}"


def edtf_label(value: str) -> str | None:
    """Return a reader's label for an EDTF value, or None for a form it does not read.

    ``1812-21`` is "spring 1812" (the groupings 21-41: seasons, quarters, thirds, halves), ``1812-XX``
    "1812 (month unknown)", ``181X`` "1810s", ``18XX`` "19th century", ``1812-06/1812-08`` "June 1812 –
    August 1812", ``1812/..`` "from 1812 on", ``1812~`` "about 1812", ``1812?`` "1812?". The value itself
    stays what the exports carry.

    >>> edtf_label("1812-21"), edtf_label("1812-XX"), edtf_label("181X"), edtf_label("1812/1815")
    ('spring 1812', '1812 (month unknown)', '1810s', '1812 – 1815')
    """
    value = value.strip()
    if "/" in value:
        start, _, end = value.partition("/")
        if "/" in end:
            return None
        a = edtf_label(start) if start not in ("", "..") else None
        b = edtf_label(end) if end not in ("", "..") else None
        if (start not in ("", "..") and a is None) or (end not in ("", "..") and b is None) or (a or b) is None:
            return None
        if b is None:
            return f"from {a} on" if end == ".." else f"{a} – ?"
        if a is None:
            return f"until {b}" if start == ".." else f"? – {b}"
        return a if a == b else f"{a} – {b}"
    qualifier = ""
    while value and value[-1] in "?~%":
        qualifier, value = value[-1] + qualifier, value[:-1]
    label = _edtf_date_label(value.lstrip("?~%")) if value else None
    if label is None:
        return None
    if "~" in qualifier or "%" in qualifier:
        label = f"about {label}"
    return label + ("?" if "?" in qualifier or "%" in qualifier else "")


def date_label(date: Date | None) -> str:
    """Return a reader's label for a date interval: ``22 March 1848``, ``March 1848``,
    ``7 April 1848 – 8 April 1848``, ``1840s``; Julian dates show both calendars; a year the text
    printed elided shows as printed (``4 August 17—``); a season, a year's quarter or half, unknown
    digits, a qualified date or an interval say what their EDTF value says (:func:`edtf_label`: "spring 1812",
    "1812 (month unknown)"), never the code."""
    if date is None:
        return ""
    if date.as_written and "X" in date.as_written:
        year, *rest = date.as_written.split("-")
        parts = [str(int(rest[1]))] if len(rest) > 1 else []
        parts += [_MONTHS[int(rest[0]) - 1]] if rest else []
        return " ".join(parts + [year.rstrip("X") + "—"])
    if date.calendar != "julian" and EDTF_CODED.search(date.edtf or ""):
        label = edtf_label(date.edtf)
        if label:
            return label
    a, b = date.earliest, date.latest
    if date.precision == "century":
        label = f"{a.year // 100 + 1}th century"
    elif date.precision == "decade":
        label = f"{a.year // 10 * 10}s"
    elif date.precision == "year" and a.year == b.year:
        label = str(a.year)
    elif date.precision == "month" and (a.year, a.month) == (b.year, b.month):
        label = f"{_MONTHS[a.month - 1]} {a.year}"
    elif a == b:
        label = _day(a)
    else:
        label = f"{_day(a)} – {_day(b)}"
    if date.calendar == "julian" and date.as_written:
        label = f"{date.as_written} O.S. ({label} N.S.)"
    return label


def ref_key(ref: Ref) -> str:
    """Return the node key of a name: its entity id, or ``name:<name>`` when unresolved."""
    return ref.entity or f"name:{ref.name}"


@dataclass
class Corpus:
    """What the shapes need, read once: documents, entities by id, events, mentions per document."""

    documents: list[Document]
    entities: dict[str, Entity]
    events: list[Event]
    #: document id -> entity ids mentioned in it (in text order, repeated)
    mentioned: dict[str, list[str]] = field(default_factory=dict)


def load_corpus(store) -> Corpus:
    """Return a :class:`Corpus` read from ``store``."""
    mentioned: dict[str, list[str]] = defaultdict(list)
    for m in store.mentions():
        if m.entity and m.document:
            mentioned[m.document].append(m.entity)
    return Corpus(store.documents(), {e.id: e for e in store.entities()}, store.events(), dict(mentioned))


def correspondence(corpus: Corpus) -> list[dict[str, Any]]:
    """Return directed author -> addressee edges of letters, telegrams and statements,
    heaviest first: ``{"source", "target", "weight", "documents", "kinds"}``."""
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for d in corpus.documents:
        if d.kind not in CORRESPONDENCE_KINDS or d.author is None:
            continue
        for to in d.addressees:
            a, b = ref_key(d.author), ref_key(to)
            if a == b:
                continue
            edge = edges.setdefault((a, b), {"source": a, "target": b, "weight": 0, "documents": [],
                                             "kinds": []})
            edge["weight"] += 1
            edge["documents"].append(d.id)
            if d.kind not in edge["kinds"]:
                edge["kinds"].append(d.kind)
    return sorted(edges.values(), key=lambda e: (-e["weight"], e["source"], e["target"]))


def cooccurrence(corpus: Corpus, types: tuple[str, ...] = ("person", "organization")) -> list[dict[str, Any]]:
    """Return undirected edges between entities of ``types`` named in the same document,
    weighted by the number of such documents, heaviest first."""
    pairs: Counter[tuple[str, str]] = Counter()
    for ids in corpus.mentioned.values():
        present = sorted({i for i in ids if i in corpus.entities and corpus.entities[i].type in types})
        for i, a in enumerate(present):
            for b in present[i + 1:]:
                pairs[(a, b)] += 1
    return [{"source": a, "target": b, "weight": w}
            for (a, b), w in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))]


def network(corpus: Corpus, which: tuple[str, ...] = ("correspondence", "cooccurrence"),
            min_weight: int = 1) -> dict[str, Any]:
    """Return ``{"nodes", "edges"}`` for the chosen edge kinds; nodes carry label, type and degree."""
    edges: list[dict[str, Any]] = []
    if "correspondence" in which:
        edges += [{**e, "kind": "correspondence", "directed": True} for e in correspondence(corpus)]
    if "cooccurrence" in which:
        edges += [{**e, "kind": "cooccurrence", "directed": False} for e in cooccurrence(corpus)]
    edges = [e for e in edges if e["weight"] >= min_weight]
    degree: Counter[str] = Counter()
    for e in edges:
        degree[e["source"]] += e["weight"]
        degree[e["target"]] += e["weight"]
    nodes = []
    for key in sorted(degree, key=lambda k: (-degree[k], k)):
        entity = corpus.entities.get(key)
        nodes.append({"id": key, "label": entity.name if entity else key.removeprefix("name:"),
                      "type": entity.type if entity else "person", "entity": key if entity else None,
                      "degree": degree[key]})
    return {"nodes": nodes, "edges": edges}


def place_features(corpus: Corpus) -> list[dict[str, Any]]:
    """Return places that have coordinates, each with its mention count and events
    (``{"entity", "name", "lat", "lon", "mentions", "events": [Event]}``), most mentioned first."""
    by_place: dict[str, list[Event]] = defaultdict(list)
    for ev in corpus.events:
        if ev.place:
            by_place[ev.place].append(ev)
    out = []
    for e in corpus.entities.values():
        if e.type == "place" and e.geo is not None:
            out.append({"entity": e, "name": e.name, "lat": e.geo.lat, "lon": e.geo.lon,
                        "mentions": len(e.mentions), "events": by_place.get(e.id, [])})
    return sorted(out, key=lambda p: (-p["mentions"] - len(p["events"]), p["name"]))


def itineraries(corpus: Corpus) -> list[dict[str, Any]]:
    """Return each person's dated places in time order, for people seen in two or more places.

    A stop comes from an event the person acts in, or a document the person wrote,
    that has a place with coordinates and a date: ``{"person", "name", "stops": [{"date",
    "label", "place", "name", "lat", "lon", "via"}]}``.
    """
    stops: dict[str, list[dict[str, Any]]] = defaultdict(list)

    def add(person: str, date: Date, place_id: str | None, via: str) -> None:
        place = corpus.entities.get(place_id or "")
        if place is None or place.geo is None:
            return
        stops[person].append({"date": date.earliest.isoformat(), "label": date_label(date), "place": place.id,
                              "name": place.name, "lat": place.geo.lat, "lon": place.geo.lon, "via": via,
                              "precision": place.geo.precision, "country": place.geo.country})
    for ev in corpus.events:
        for actor in ev.actors:
            if actor in corpus.entities and corpus.entities[actor].type == "person":
                add(actor, ev.date, ev.place, ev.id)
    for d in corpus.documents:
        if d.author and d.author.entity and d.date and d.place:
            add(d.author.entity, d.date, d.place.entity, d.id)
    out = []
    for person, items in stops.items():
        items.sort(key=lambda s: (s["date"], s["via"]))
        items = _drop_vague_stops(items)
        path = [s for i, s in enumerate(items) if i == 0 or s["place"] != items[i - 1]["place"]]
        if len({s["place"] for s in path}) >= 2:
            out.append({"person": person, "name": corpus.entities[person].name, "stops": path})
    return sorted(out, key=lambda i: (-len(i["stops"]), i["name"]))


#: Geo.precision values whose point is a conventional centre, not where anyone stood
VAGUE_PRECISIONS = ("country", "region", "capital")


def _drop_vague_stops(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the stops without those placed only at a country's or region's centre when a
    neighbouring stop is an exact place in that same country: 'Lyon -> the country -> Lyon'
    is one stay, not two journeys to the centroid. A vague stop with no exact neighbour stays
    (it is all the text says)."""
    def exact(s: dict[str, Any]) -> bool:
        return s.get("precision") not in VAGUE_PRECISIONS

    keep = []
    for i, s in enumerate(items):
        if not exact(s) and s.get("country"):
            near = [items[j] for j in (i - 1, i + 1) if 0 <= j < len(items)]
            if any(exact(n) and n.get("country") == s["country"] for n in near):
                continue
        keep.append(s)
    return keep


def text_context(text: str, start: int, end: int, width: int = 60) -> tuple[str, str, str]:
    """Return ``(before, match, after)`` around ``text[start:end]``, cut at whitespace."""
    a, b = max(0, start - width), min(len(text), end + width)
    before, after = text[a:start], text[end:b]
    if a > 0 and " " in before:
        before = "…" + before[before.index(" ") + 1:]
    if b < len(text) and " " in after:
        after = after[:after.rindex(" ")] + "…"
    return " ".join(before.split()) + (" " if before[-1:].isspace() else ""), text[start:end], \
        (" " if after[:1].isspace() else "") + " ".join(after.split())
