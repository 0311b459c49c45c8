"""The public export (CONTRACT.md, ``quellen-export`` version 1), in the words of :mod:`quellen.vocab`."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .._version import __version__
from ..ingest import source_warnings
from ..vocab import conflict_json, document_json, entity_json, event_json, reuse_json, source_json
from ._io import write_json

__all__ = ["to_dict", "write", "document_json", "entity_json", "event_json"]


def to_dict(store) -> dict[str, Any]:
    """Return the whole knowledge base as the contract's JSON-ready dict, in a stable order."""
    return {
        "format": "quellen-export",
        "version": 1,
        "generator": {"name": "quellen", "version": __version__},
        "sources": [source_json(s, source_warnings(s)) for s in store.sources()],
        "documents": [document_json(d) for d in store.documents()],
        "entities": [entity_json(e) for e in sorted(store.entities(), key=lambda e: (e.type, e.name, e.id))],
        "events": [event_json(e) for e in store.events()],
        "reuse": [reuse_json(g) for g in store.reuse_groups()],
        "conflicts": [conflict_json(c) for c in store.conflicts()],
    }


def write(store, output: Path) -> list[Path]:
    """Return ``[output]`` after writing the export there atomically."""
    return write_json(to_dict(store), output)
