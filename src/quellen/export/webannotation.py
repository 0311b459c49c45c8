"""W3C Web Annotation (JSON-LD) export: one annotation per entity mention (motivation
``identifying``, body = the entity) and per event attestation (motivation ``describing``,
body = the event's summary), each targeting its passage with a ``TextPositionSelector``
(code-point offsets into the source text) and a ``TextQuoteSelector``."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..model import content_id
from ._io import entity_uri, source_uri, write_json

__all__ = ["to_dict", "write"]

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def _target(texts: dict[str, str], source: str, start: int, end: int) -> dict[str, Any]:
    text = texts.get(source, "")
    return {"source": source_uri(source), "selector": [
        {"type": "TextPositionSelector", "start": start, "end": end},
        {"type": "TextQuoteSelector", "exact": text[start:end], "prefix": text[max(0, start - 32):start],
         "suffix": text[end:end + 32]}]}


def to_dict(store) -> dict[str, Any]:
    """Return an ``AnnotationCollection`` with every mention and attestation of ``store``."""
    texts = {s.id: s.text for s in store.sources()}
    entities = {e.id: e for e in store.entities()}
    items = []
    for m in store.mentions():
        if m.entity is None:
            body: dict[str, Any] = {"type": "TextualBody", "purpose": "tagging", "value": m.type}
        else:
            e = entities.get(m.entity)
            body = {"type": "SpecificResource", "purpose": "identifying", "source": entity_uri(m.entity)}
            if e is not None and (e.authority or {}).get("wikidata"):
                body["source"] = f"http://www.wikidata.org/entity/{e.authority['wikidata']}"
                body["id"] = entity_uri(m.entity)
        items.append({"id": f"urn:quellen:annotation:{content_id('men', m.source, m.char_start, m.char_end)}",
                      "type": "Annotation", "motivation": "identifying", "body": body,
                      "target": _target(texts, m.source, m.char_start, m.char_end)})
    for ev in store.events():
        for a in ev.attestations:
            items.append({
                "id": f"urn:quellen:annotation:{content_id('att', ev.id, a.source, a.char_start, a.char_end)}",
                "type": "Annotation", "motivation": "describing",
                "body": [{"type": "TextualBody", "purpose": "describing", "value": ev.summary, "format": "text/plain"},
                         {"type": "SpecificResource", "purpose": "linking", "source": f"urn:quellen:event:{ev.id}"},
                         {"type": "TextualBody", "purpose": "tagging", "value": ev.date.edtf}],
                "target": _target(texts, a.source, a.char_start, a.char_end)})
    return {"@context": CONTEXT, "id": "urn:quellen:annotations", "type": "AnnotationCollection",
            "label": "quellen: mentions and event attestations", "total": len(items),
            "first": {"id": "urn:quellen:annotations:page1", "type": "AnnotationPage", "startIndex": 0,
                      "items": items}}


def write(store, output: Path) -> list[Path]:
    """Return ``[output]`` after writing the annotation collection to it."""
    return write_json(to_dict(store), output)
