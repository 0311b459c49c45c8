"""GeoJSON export: a FeatureCollection of places with their mentions and events.

Shaped as Linked Places Format (LPF, v1.1) where it fits: ``@id``, ``properties.title``,
``names`` (toponyms as the sources wrote them), ``types``, ``links`` to the gazetteer,
and ``when`` (the time span of the events at the place), so it loads in World Historical
Gazetteer as well as in any GeoJSON viewer (the extra keys are ignored there).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ._io import entity_uri, write_json
from .shape import date_label, load_corpus, place_features

__all__ = ["to_dict", "write"]

LPF_CONTEXT = "https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld"


def to_dict(store) -> dict[str, Any]:
    """Return the FeatureCollection for the places in ``store`` that have coordinates."""
    corpus = load_corpus(store)
    features = []
    for place in place_features(corpus):
        e = place["entity"]
        events = place["events"]
        links = [{"type": "closeMatch", "identifier": f"{e.geo.gazetteer}:{e.geo.gazetteer_id}"}]
        links += [{"type": "closeMatch", "identifier": f"{k}:{v}"} for k, v in sorted((e.authority or {}).items())]
        feature = {
            "type": "Feature", "@id": entity_uri(e.id),
            "properties": {"title": e.name, "id": e.id, "ccodes": [e.geo.country] if e.geo.country else [],
                           "mention_count": len(e.mentions), "event_count": len(events)},
            "geometry": {"type": "Point", "coordinates": [e.geo.lon, e.geo.lat]},
            "names": [{"toponym": alias, "citations": []} for alias in (e.aliases or (e.name,))],
            "types": [{"label": "inhabited place"}],
            "links": links,
            "mentions": [{"source": m.source, "document": m.document, "char_start": m.char_start,
                          "char_end": m.char_end} for m in e.mentions],
            "events": [{"id": ev.id, "summary": ev.summary, "date": ev.date.edtf, "label": date_label(ev.date),
                        "earliest": ev.date.earliest.isoformat(), "latest": ev.date.latest.isoformat(),
                        "independent_sources": ev.independent_sources} for ev in events],
        }
        if events:
            feature["when"] = {"timespans": [{"start": {"earliest": min(ev.date.earliest for ev in events).isoformat()},
                                              "end": {"latest": max(ev.date.latest for ev in events).isoformat()}}]}
        features.append(feature)
    return {"type": "FeatureCollection", "@context": LPF_CONTEXT, "features": features}


def write(store, output: Path) -> list[Path]:
    """Return ``[output]`` after writing the GeoJSON file to it."""
    return write_json(to_dict(store), output)
