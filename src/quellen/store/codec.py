"""Model records <-> SQLite rows. JSON columns hold what is not queried."""
from __future__ import annotations

import json
import math
from typing import Any

from ..model import (Attestation, Conflict, Date, Document, Entity, Event, Geo, Head, Mention,
                     Passage, Reading, Ref, RefBasis, ReuseGroup, Source, Span, Timex)
from ..vocab import attestation_json, geo_json, head_json, json_text, passage_json, reading_json, ref_json


def dumps(data: Any) -> str:
    """Return compact, key-sorted JSON (stable bytes for stable input)."""
    return json_text(data)


def _loads(text: str | None) -> Any:
    return json.loads(text) if text else None


def ref_from(data: dict | None) -> Ref | None:
    """Return the ref record read from a row or JSON (no ``basis``: None, as stored before bases existed)."""
    if not data:
        return None
    basis = data.get("basis")
    return Ref(data["name"], data.get("entity"), RefBasis(basis) if basis else None)


def geo_from(data: dict | None) -> Geo | None:
    """Return the geo record read from a row or JSON."""
    if not data:
        return None
    lat, lon = data.get("lat"), data.get("lon")
    if not all(isinstance(v, (int, float)) and math.isfinite(v) for v in (lat, lon)) \
            or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None  # a store written before coordinates were checked: no place on the map, not NaN
    return Geo(**data)


# -- sources -------------------------------------------------------------------
def source_from(row) -> Source:
    """Return the source record read from a row or JSON."""
    return Source(id=row["id"], name=row["name"], sha256=row["sha256"], media_type=row["media_type"],
                  text=row["text"], path=row["path"],
                  repairs=tuple(tuple(r) for r in json.loads(row["repairs"])),
                  blocks=tuple(tuple(b) for b in json.loads(row["blocks"])),
                  encoding=row["encoding"] or "utf-8")


# -- documents -----------------------------------------------------------------
def document_row(d: Document) -> tuple:
    """Return the SQLite row for a document."""
    return (d.id, d.source, d.char_start, d.char_end, d.kind, d.title, dumps(ref_json(d.author)),
            dumps([ref_json(a) for a in d.addressees]), dumps(d.date.to_json()) if d.date else None,
            d.date.earliest.isoformat() if d.date else None, d.date.latest.isoformat() if d.date else None,
            dumps(ref_json(d.place)), None if d.primary is None else int(d.primary), d.language,
            dumps(list(d.evidence)), dumps([head_json(h) for h in d.heads]))


def document_from(row) -> Document:
    """Return the document record read from a row or JSON."""
    primary = row["is_primary"]
    return Document(
        id=row["id"], source=row["source"], char_start=row["char_start"], char_end=row["char_end"],
        kind=row["kind"], title=row["title"],
        author=ref_from(_loads(row["author"])),
        addressees=tuple(ref_from(a) for a in json.loads(row["addressees"])),
        date=Date.from_json(_loads(row["date"])), place=ref_from(_loads(row["place"])),
        primary=None if primary is None else bool(primary), language=row["language"],
        evidence=tuple(json.loads(row["evidence"])),
        heads=tuple(Head(**h) for h in json.loads(row["heads"] or "[]")))


# -- timexes -------------------------------------------------------------------
def timex_row(t: Timex) -> tuple:
    """Return the SQLite row for a timex."""
    return (t.source, t.document, t.char_start, t.char_end, t.text, t.type, t.value,
            dumps(t.date.to_json()) if t.date else None, t.rule, t.anchor)


def timex_from(row) -> Timex:
    """Return the timex record read from a row or JSON."""
    return Timex(source=row["source"], document=row["document"], char_start=row["char_start"],
                 char_end=row["char_end"], text=row["text"], type=row["type"], value=row["value"],
                 date=Date.from_json(_loads(row["date"])), rule=row["rule"] or "", anchor=row["anchor"])


# -- mentions and entities -------------------------------------------------------
def mention_row(m: Mention) -> tuple:
    """Return the SQLite row for a mention."""
    return (m.source, m.document, m.char_start, m.char_end, m.text, m.type, m.name or m.text,
            m.origin, m.entity)


def mention_from(row) -> Mention:
    """Return the mention record read from a row or JSON."""
    return Mention(source=row["source"], document=row["document"], char_start=row["char_start"],
                   char_end=row["char_end"], text=row["text"], type=row["type"], name=row["name"],
                   origin=row["origin"] or "", entity=row["entity"])


def entity_row(e: Entity) -> tuple:
    """Return the SQLite row for a entity."""
    return (e.id, e.type, e.name, dumps(list(e.aliases)), dumps(geo_json(e.geo)),
            dumps(e.authority) if e.authority else None, dumps(list(e.merge_reasons)), len(e.mentions))


def entity_from(row, mentions: tuple[Span, ...] = ()) -> Entity:
    """Return the entity record read from a row or JSON."""
    return Entity(id=row["id"], type=row["type"], name=row["name"],
                  aliases=tuple(json.loads(row["aliases"])), mentions=mentions,
                  geo=geo_from(_loads(row["geo"])), authority=_loads(row["authority"]),
                  merge_reasons=tuple(json.loads(row["merge_reasons"])))


# -- reuse ------------------------------------------------------------------------
def reuse_row(g: ReuseGroup) -> tuple:
    """Return the SQLite row for a reuse."""
    return (g.id, g.relation, g.score, dumps([passage_json(p) for p in g.passages]),
            g.collation if isinstance(g.collation, str) else dumps(g.collation) if g.collation is not None else None)


def reuse_from(row) -> ReuseGroup:
    """Return the reuse record read from a row or JSON."""
    return ReuseGroup(id=row["id"], relation=row["relation"], score=row["score"],
                      passages=tuple(Passage(**p) for p in json.loads(row["passages"])),
                      collation=_loads(row["collation"]))


# -- events and conflicts -------------------------------------------------------------
def event_row(e: Event) -> tuple:
    """Return the SQLite row for a event."""
    return (e.id, dumps(e.date.to_json()), e.date.earliest.isoformat(), e.date.latest.isoformat(),
            e.summary, dumps(list(e.actors)), e.place, dumps([attestation_json(a) for a in e.attestations]),
            e.independent_sources, dumps(list(e.conflicts)))


def event_from(row) -> Event:
    """Return the event record read from a row or JSON."""
    return Event(id=row["id"], date=Date.from_json(json.loads(row["date"])), summary=row["summary"],
                 actors=tuple(json.loads(row["actors"])), place=row["place"],
                 attestations=tuple(Attestation(**a) for a in json.loads(row["attestations"])),
                 independent_sources=row["independent_sources"], conflicts=tuple(json.loads(row["conflicts"])))


def conflict_row(c: Conflict) -> tuple:
    """Return the SQLite row for a conflict."""
    return (c.id, c.kind, c.summary, dumps([reading_json(x) for x in c.claims]), dumps(list(c.events)))


def conflict_from(row) -> Conflict:
    """Return the conflict record read from a row or JSON."""
    return Conflict(id=row["id"], kind=row["kind"], summary=row["summary"],
                    claims=tuple(Reading(**x) for x in json.loads(row["claims"])),
                    events=tuple(json.loads(row["events"])))
