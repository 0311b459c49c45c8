"""The JSON vocabulary: one JSON shape per record, the contract's (docs/CONTRACT.md).

Every producer of JSON about a record speaks through these functions: the export
(:mod:`quellen.export.json_export`), the store's JSON columns (:mod:`quellen.store.codec`),
the CLI's ``--json`` output, the web app's ``.json`` twins and the report. A view may add
fields of its own beside a record's (a label, a link, a passage's text), never give one of
these keys another meaning.

Pure functions of the records in :mod:`quellen.model`, nothing else imported.
"""
from __future__ import annotations

import json
from typing import Any, Iterable

from .model import (Attestation, Conflict, Date, Document, Entity, Event, Geo, Head, Mention, Passage, Reading, Ref,
                    ReuseGroup, Source, Span, Timex)

__all__ = ["json_text",
           "ref_json", "geo_json", "date_json", "span_json", "source_json", "document_json", "head_json", "timex_json",
           "mention_json", "entity_json", "passage_json", "reuse_json", "attestation_json", "witnesses_json",
           "event_json", "reading_json", "conflict_json"]


def json_text(data: Any) -> str:
    """Return compact, key-sorted JSON (stable bytes for stable input): how the store writes JSON columns."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def ref_json(ref: Ref | None) -> dict[str, Any] | None:
    """Return the JSON dict of a name that may point to an entity: ``{"name", "entity"}``, and ``basis`` where it
    has one (an author, an addressee: where the name came from); None stays None."""
    if ref is None:
        return None
    data: dict[str, Any] = {"name": ref.name, "entity": ref.entity}
    if ref.basis is not None:
        data["basis"] = ref.basis.value
    return data


def geo_json(geo: Geo | None) -> dict[str, Any] | None:
    """Return the JSON dict of a place's coordinates and where they come from (None stays None)."""
    if geo is None:
        return None
    return {"lat": geo.lat, "lon": geo.lon, "gazetteer": geo.gazetteer, "gazetteer_id": geo.gazetteer_id,
            "name": geo.name, "country": geo.country, "precision": geo.precision}


def date_json(date: Date | None) -> dict[str, Any] | None:
    """Return the JSON dict of a date interval with its calendar and basis (None stays None)."""
    return date.to_json() if date is not None else None


def span_json(span: Span) -> dict[str, Any]:
    """Return the JSON dict of a stretch of a source: ``{"source", "document", "char_start", "char_end"}``."""
    return {"source": span.source, "document": span.document, "char_start": span.char_start,
            "char_end": span.char_end}


def source_json(source: Source, warnings: Iterable[str] = ()) -> dict[str, Any]:
    """Return the JSON dict of a source: its text, how it was read, and the ``warnings`` on that reading."""
    return {"id": source.id, "name": source.name, "sha256": source.sha256, "media_type": source.media_type,
            "text": source.text, "encoding": source.encoding, "repairs": [list(r) for r in source.repairs],
            "warnings": list(warnings)}


def document_json(d: Document) -> dict[str, Any]:
    """Return the JSON dict of a document (the contract's, plus ``evidence``)."""
    return {
        "id": d.id, "source": d.source, "char_start": d.char_start, "char_end": d.char_end,
        "kind": d.kind, "title": d.title, "author": ref_json(d.author),
        "addressees": [ref_json(a) for a in d.addressees],
        "date": date_json(d.date), "place": ref_json(d.place),
        "primary": d.primary, "language": d.language, "evidence": list(d.evidence),
    }


def head_json(h: Head) -> dict[str, Any]:
    """Return the JSON dict of a part of a document's head: ``{"part", "char_start", "char_end", "text"}``."""
    return {"part": h.part, "char_start": h.char_start, "char_end": h.char_end, "text": h.text}


def timex_json(t: Timex, offset: int = 0) -> dict[str, Any]:
    """Return the JSON dict of a temporal expression (``quellen timex --format json``): its span, less
    ``offset``, text, TIMEX3 type and value."""
    return {"char_start": t.char_start - offset, "char_end": t.char_end - offset, "text": t.text,
            "type": t.type, "value": t.value}


def mention_json(m: Mention) -> dict[str, Any]:
    """Return the JSON dict of a name found in a text: its span, the words, their type and entity."""
    return {**span_json(m), "text": m.text, "type": m.type, "entity": m.entity}


def entity_json(e: Entity) -> dict[str, Any]:
    """Return the JSON dict of an entity (the contract's, plus ``merge_reasons``)."""
    return {
        "id": e.id, "type": e.type, "name": e.name, "aliases": list(e.aliases),
        "mentions": [span_json(m) for m in e.mentions],
        "geo": geo_json(e.geo), "authority": e.authority, "merge_reasons": list(e.merge_reasons),
    }


def passage_json(p: Passage) -> dict[str, Any]:
    """Return the JSON dict of one witness of a reuse group: its span, and ``relation`` (how it repeats the
    first witness) when known."""
    return span_json(p) if p.relation is None else {**span_json(p), "relation": p.relation}


def reuse_json(g: ReuseGroup) -> dict[str, Any]:
    """Return the JSON dict of a reuse group: relation, score (4 decimals) and passages."""
    return {"id": g.id, "relation": g.relation, "score": round(g.score, 4),
            "passages": [passage_json(p) for p in g.passages]}


def attestation_json(a: Attestation) -> dict[str, Any]:
    """Return the JSON dict of a passage that attests an event, with what makes it a witness."""
    return {**span_json(a), "claim": a.claim, "primary": a.primary, "eyewitness": a.eyewitness,
            "distance_years": a.distance_years, "reuse_group": a.reuse_group, "hearsay": a.hearsay,
            "writer": a.writer, "witness": a.witness, "folded": a.folded, "folded_into": a.folded_into,
            "folded_why": a.folded_why}


def witnesses_json(e: Event) -> list[dict[str, Any]]:
    """Return the independent witnesses of an event, as its attestations say them: per witness its number,
    its writer (when its passages name one), the indices of its attestations, and each folded one's reason
    (``reason``, one of ``quellen.corroborate.FOLD_REASONS``; ``why`` for a reader) and the passage it is
    folded into. Empty for an event stored before witnesses were told."""
    out: dict[int, dict[str, Any]] = {}
    for i, a in enumerate(e.attestations):
        if a.witness is None:
            return []
        w = out.setdefault(a.witness, {"witness": a.witness, "writer": None, "attestations": [], "folded": []})
        w["attestations"].append(i)
        if a.folded is None:
            w["writer"] = a.writer
        else:
            w["folded"].append({"attestation": i, "into": a.folded_into, "reason": a.folded, "why": a.folded_why})
    return [out[k] for k in sorted(out)]


def event_json(e: Event) -> dict[str, Any]:
    """Return the JSON dict of an event: date, summary, actor and place entity ids, attestations,
    independent witnesses (their count, and ``witnesses``: who, and why each other passage is folded) and
    conflict ids."""
    return {
        "id": e.id, "date": date_json(e.date), "summary": e.summary, "actors": list(e.actors),
        "place": e.place, "attestations": [attestation_json(a) for a in e.attestations],
        "independent_sources": e.independent_sources, "witnesses": witnesses_json(e), "conflicts": list(e.conflicts),
    }


def reading_json(r: Reading) -> dict[str, Any]:
    """Return the JSON dict of one side of a conflict (a :class:`Reading`; ``claims`` in the export)."""
    return {**span_json(r), "value": r.value, "stance": r.stance}


def conflict_json(c: Conflict) -> dict[str, Any]:
    """Return the JSON dict of a conflict: kind, summary, its claims and the event ids concerned."""
    return {"id": c.id, "kind": c.kind, "summary": c.summary, "claims": [reading_json(x) for x in c.claims],
            "events": list(c.events)}
