"""The public export (CONTRACT.md, ``quellen-export`` version 1)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .._version import __version__
from ..ingest import source_warnings
from ..model import Document, Entity, Event
from ._io import write_json
from ..store.codec import attestation_json, claim_json, geo_json, passage_json, ref_json

__all__ = ["to_dict", "write", "document_json", "entity_json", "event_json"]


def document_json(d: Document) -> dict[str, Any]:
    """Return the contract's JSON object for a document (plus ``evidence``)."""
    return {
        "id": d.id, "source": d.source, "char_start": d.char_start, "char_end": d.char_end,
        "kind": d.kind, "title": d.title, "author": ref_json(d.author),
        "addressees": [ref_json(a) for a in d.addressees],
        "date": d.date.to_json() if d.date else None, "place": ref_json(d.place),
        "primary": d.primary, "language": d.language, "evidence": list(d.evidence),
    }


def entity_json(e: Entity) -> dict[str, Any]:
    """Return the contract's JSON object for an entity (plus ``merge_reasons``)."""
    return {
        "id": e.id, "type": e.type, "name": e.name, "aliases": list(e.aliases),
        "mentions": [{"source": m.source, "document": m.document, "char_start": m.char_start,
                      "char_end": m.char_end} for m in e.mentions],
        "geo": geo_json(e.geo), "authority": e.authority, "merge_reasons": list(e.merge_reasons),
    }


def event_json(e: Event) -> dict[str, Any]:
    """Return the contract's JSON object for an event."""
    return {
        "id": e.id, "date": e.date.to_json(), "summary": e.summary, "actors": list(e.actors),
        "place": e.place, "attestations": [attestation_json(a) for a in e.attestations],
        "independent_sources": e.independent_sources, "conflicts": list(e.conflicts),
    }


def to_dict(store) -> dict[str, Any]:
    """Return the whole knowledge base as the contract's JSON-ready dict, in a stable order."""
    sources = store.sources()
    return {
        "format": "quellen-export",
        "version": 1,
        "generator": {"name": "quellen", "version": __version__},
        "sources": [{"id": s.id, "name": s.name, "sha256": s.sha256, "media_type": s.media_type,
                     "text": s.text, "encoding": s.encoding,
                     "repairs": [list(r) for r in s.repairs], "warnings": source_warnings(s)}
                    for s in sources],
        "documents": [document_json(d) for d in store.documents()],
        "entities": [entity_json(e) for e in sorted(store.entities(), key=lambda e: (e.type, e.name, e.id))],
        "events": [event_json(e) for e in store.events()],
        "reuse": [{"id": g.id, "relation": g.relation, "score": round(g.score, 4),
                   "passages": [passage_json(p) for p in g.passages]} for g in store.reuse_groups()],
        "conflicts": [{"id": c.id, "kind": c.kind, "summary": c.summary,
                       "claims": [claim_json(x) for x in c.claims], "events": list(c.events)}
                      for c in store.conflicts()],
    }


def write(store, output: Path) -> list[Path]:
    """Return ``[output]`` after writing the export there atomically."""
    return write_json(to_dict(store), output)
