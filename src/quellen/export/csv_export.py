"""CSV export: one file per table — documents, entities, mentions, events, attestations,
reuse and conflicts — in a folder, ready for Palladio and spreadsheets (dates as ``YYYY-MM-DD``,
coordinates as one ``lat,lon`` column, multi-valued cells joined with ``; ``). Every date and author
says where it came from (``date_basis``, ``date_rule``, ``author_basis``), and every reuse witness and
conflicting claim carries its passage with the date and writer of its document, so a spreadsheet
shows who wrote what first without the store."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ..reuse import witness_dates
from ._io import write_atomic
from .shape import date_label

__all__ = ["TABLES", "write", "neutralise"]

TABLES = {
    "documents": ["id", "source", "source_name", "char_start", "char_end", "kind", "title", "author",
                  "author_entity", "addressees", "date", "date_label", "earliest", "latest", "calendar",
                  "place", "place_entity", "primary", "language", "date_basis", "date_rule", "author_basis"],
    "entities": ["id", "type", "name", "aliases", "mention_count", "coordinates", "gazetteer", "gazetteer_id",
                 "wikidata"],
    "mentions": ["entity", "entity_name", "type", "text", "source", "document", "char_start", "char_end"],
    "events": ["id", "summary", "date", "date_label", "earliest", "latest", "calendar", "place", "place_name",
               "coordinates", "actors", "actor_names", "attestations", "independent_sources", "conflicts",
               "date_basis", "date_rule"],
    "attestations": ["event", "event_summary", "source", "source_name", "document", "char_start", "char_end",
                     "primary", "eyewitness", "reuse_group", "passage", "hearsay", "witness", "folded", "folded_why"],
    "reuse": ["group", "relation", "score", "witness", "passage_relation", "source", "source_name", "document",
              "document_date", "document_author", "witness_date", "char_start", "char_end", "passage"],
    "conflicts": ["conflict", "kind", "summary", "value", "stance", "source", "source_name", "document",
                  "document_date", "document_author", "char_start", "char_end", "passage", "events"],
}


#: a cell that starts with one of these is a formula to a spreadsheet (OWASP: CSV injection)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBERS = re.compile(r"[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?:,[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)*")


def neutralise(cell):
    """Return ``cell`` safe to open in a spreadsheet: a text starting with ``= + - @``, a tab or a
    carriage return gets a leading ``'`` (OWASP), unless it is a number (``-3.5``, ``-12.5,44.1``)."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START) and not _NUMBERS.fullmatch(cell):
        return "'" + cell
    return cell


def _flag(value) -> str:
    return "" if value is None else ("true" if value else "false")


def _basis(value) -> str:
    return "" if value is None else getattr(value, "value", str(value))


def _rows(store):
    names = store.source_names()
    texts = {s.id: s.text for s in store.sources()}
    entities = {e.id: e for e in store.entities()}
    documents = store.documents()
    by_id = {d.id: d for d in documents}

    def passage(source, start, end):
        return " ".join(texts.get(source, "")[start:end].split())

    def written(document_id):
        """Return (EDTF date, author name) of the document a passage is in, "" where not known."""
        d = by_id.get(document_id or "")
        return (d.date.edtf if d and d.date else "", d.author.name if d and d.author else "")

    def coords(eid):
        e = entities.get(eid or "")
        return f"{e.geo.lat},{e.geo.lon}" if e and e.geo else ""

    yield "documents", [
        [d.id, d.source, names.get(d.source, ""), d.char_start, d.char_end, d.kind, d.title or "",
         d.author.name if d.author else "", (d.author.entity or "") if d.author else "",
         "; ".join(a.name for a in d.addressees), d.date.edtf if d.date else "", date_label(d.date),
         d.date.earliest.isoformat() if d.date else "", d.date.latest.isoformat() if d.date else "",
         d.date.calendar if d.date else "", d.place.name if d.place else "",
         (d.place.entity or "") if d.place else "", _flag(d.primary), d.language or "",
         _basis(d.date.basis) if d.date else "", d.date.rule if d.date else "",
         _basis(d.author.basis) if d.author else ""]
        for d in documents]
    yield "entities", [
        [e.id, e.type, e.name, "; ".join(e.aliases), len(e.mentions), coords(e.id),
         e.geo.gazetteer if e.geo else "", e.geo.gazetteer_id if e.geo else "",
         (e.authority or {}).get("wikidata", "")] for e in entities.values()]
    yield "mentions", [
        [m.entity or "", entities[m.entity].name if m.entity in entities else "", m.type, m.text, m.source,
         m.document or "", m.char_start, m.char_end] for m in store.mentions()]
    events = store.events()
    yield "events", [
        [ev.id, ev.summary, ev.date.edtf, date_label(ev.date), ev.date.earliest.isoformat(),
         ev.date.latest.isoformat(), ev.date.calendar, ev.place or "",
         entities[ev.place].name if ev.place in entities else "", coords(ev.place), "; ".join(ev.actors),
         "; ".join(entities[a].name for a in ev.actors if a in entities), len(ev.attestations),
         ev.independent_sources, "; ".join(ev.conflicts), _basis(ev.date.basis), ev.date.rule] for ev in events]
    yield "attestations", [
        [ev.id, ev.summary, a.source, names.get(a.source, ""), a.document or "", a.char_start, a.char_end,
         _flag(a.primary), _flag(a.eyewitness), a.reuse_group or "",
         passage(a.source, a.char_start, a.char_end),
         _flag(a.hearsay), a.witness if a.witness is not None else "", a.folded or "", a.folded_why or ""]
        for ev in events for a in ev.attestations]
    # the witnesses in the group's order: the first is the earliest dated (then the fullest), the text
    # the others repeat
    ordered_by = witness_dates(documents)
    yield "reuse", [
        [g.id, g.relation, round(g.score, 4), n, p.relation or "", p.source, names.get(p.source, ""),
         p.document or "", *written(p.document),
         ordered_by[p.document].earliest.isoformat() if p.document in ordered_by else "",
         p.char_start, p.char_end, passage(p.source, p.char_start, p.char_end)]
        for g in store.reuse_groups() for n, p in enumerate(g.passages, 1)]
    yield "conflicts", [
        [c.id, c.kind, c.summary, r.value, r.stance, r.source, names.get(r.source, ""), r.document or "",
         *written(r.document), r.char_start, r.char_end, passage(r.source, r.char_start, r.char_end),
         "; ".join(c.events)]
        for c in store.conflicts() for r in c.claims]


def write(store, output: Path) -> list[Path]:
    """Return the paths written: ``documents.csv``, ``entities.csv``, ``mentions.csv``, ``events.csv``,
    ``attestations.csv``, ``reuse.csv`` and ``conflicts.csv`` in the folder ``output``."""
    output.mkdir(parents=True, exist_ok=True)
    written = []
    for table, rows in _rows(store):
        path = output / f"{table}.csv"
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        writer.writerow(TABLES[table])
        writer.writerows([neutralise(c) for c in row] for row in rows)
        write_atomic(path, buffer.getvalue())
        written.append(path)
    return written
