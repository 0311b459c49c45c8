"""What every store backend shares: the SQL of the reads and writes, written once.

:class:`SQLStore` holds the statements both SQLite and PostgreSQL run as they are (``?`` for a
parameter; a backend translates it). A backend adds what differs: how it connects, opens a
transaction, migrates, numbers a build and searches. Every read has an ``ORDER BY`` that is a
total order over what it returns, and sorts no column that may be NULL bare (SQLite puts NULLs
first, PostgreSQL last), so the two backends return the same rows in the same order and an
export is byte-identical whichever one it was read from.
"""
from __future__ import annotations

import hashlib
import json
from contextlib import AbstractContextManager
from typing import Any, Iterable

from ..model import Conflict, Document, Entity, Event, Mention, ReuseGroup, Source, Span, Timex
from . import codec

__all__ = ["SQLStore", "CORPUS_TABLES", "MAIN_TABLES", "BUSY_SECONDS"]

#: how long a write waits for another process's write to finish (a corpus step holds it for seconds)
BUSY_SECONDS = 30.0

#: the corpus layer: replaced wholesale by every corpus build
CORPUS_TABLES = ("entities", "reuse_groups", "events", "conflicts")
#: the tables :meth:`SQLStore.counts` reports
MAIN_TABLES = ("sources", "documents", "timexes", "mentions", "entities", "reuse_groups", "events",
               "conflicts")

# ties broken by every column that can differ, so the order is the same on any backend
_TIMEX_ORDER = (" ORDER BY source, char_start, char_end, type, value, coalesce(rule, ''),"
                " coalesce(anchor, ''), coalesce(date, '')")
_MENTION_ORDER = " ORDER BY source, char_start, char_end, type, name, coalesce(origin, '')"


class SQLStore:
    """A quellen database: the store interface every backend implements. Use as a context manager.

    A backend sets ``self.db`` and ``self.label`` (what error messages call the database) and
    provides :meth:`transaction`, :meth:`_execute`, :meth:`_executemany`, :meth:`start_build`,
    :meth:`search` and :meth:`change_stamp`.
    """

    label: str

    # -- lifecycle ---------------------------------------------------------
    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    # -- what a backend provides --------------------------------------------
    def transaction(self) -> AbstractContextManager:
        """Return a context in which every statement is one transaction, rolled back on any error;
        one opened inside another is part of the outer one, committed or rolled back with it."""
        raise NotImplementedError

    def _execute(self, sql: str, args: tuple | list = ()):
        """Return the cursor of one statement (``?`` parameters)."""
        raise NotImplementedError

    def _executemany(self, sql: str, rows: Iterable[tuple]) -> None:
        raise NotImplementedError

    def _write(self, sql: str, args: tuple = ()) -> None:
        """Run one write statement in its own transaction."""
        with self.transaction():
            self._execute(sql, args)

    # -- meta ----------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        """Return the schema version the database is at."""
        row = self._execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return int(row[0]) if row else 0

    def get_meta(self, key: str) -> str | None:
        """Return a meta value, or None."""
        row = self._execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        """Store a meta value in its own transaction."""
        self._write("INSERT INTO meta(key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value=excluded.value", (key, value))

    # -- writes --------------------------------------------------------------
    def add_source(self, source: Source, documents: Iterable[Document], timexes: Iterable[Timex],
                   mentions: Iterable[Mention], layers: dict[str, Any] | None = None,
                   settings_hash: str = "") -> None:
        """Store a source and its per-source analysis in one transaction (replacing an older one)."""
        documents = list(documents)
        with self.transaction():
            replaced = [r[0] for r in self._execute("SELECT id FROM sources WHERE id=? OR sha256=?",
                                                    (source.id, source.sha256))]
            # the index's source column may not be indexed: touch it only when a source is really replaced
            self._executemany("DELETE FROM search_index WHERE source=?", [(r,) for r in replaced])
            self._execute("DELETE FROM sources WHERE id=? OR sha256=?", (source.id, source.sha256))
            self._execute(
                "INSERT INTO sources(id, name, path, sha256, media_type, encoding, text, repairs, blocks,"
                " settings_hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (source.id, source.name, source.path, source.sha256, source.media_type, source.encoding,
                 source.text, codec.dumps(list(source.repairs)), codec.dumps(list(source.blocks)),
                 settings_hash))
            self._executemany("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                              [codec.document_row(d) for d in documents])
            self._executemany("INSERT INTO search_index(kind, ref, source, title, body) VALUES (?,?,?,?,?)",
                              [("document", d.id, d.source, _document_title(d),
                                source.text[d.char_start:d.char_end]) for d in documents])
            self._executemany("INSERT INTO timexes VALUES (?,?,?,?,?,?,?,?,?,?)",
                              [codec.timex_row(t) for t in timexes])
            self._executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?)",
                              [codec.mention_row(m) for m in mentions])
            self._executemany("INSERT INTO layers VALUES (?,?,?)",
                              [(source.id, name, codec.dumps(data))
                               for name, data in sorted((layers or {}).items())])

    def remove_source(self, source_id: str) -> None:
        """Delete a source and everything per-source that hangs on it (documents, dates, mentions, layers
        such as its claims, its full-text rows); the corpus layer is the caller's to recompute
        (:func:`quellen.pipeline.remove` does both in one transaction)."""
        with self.transaction():
            self._execute("DELETE FROM search_index WHERE source=?", (source_id,))
            self._execute("DELETE FROM sources WHERE id=?", (source_id,))

    def replace_corpus_layer(self, entities: Iterable[Entity], mention_entities: dict[tuple, str],
                             reuse: Iterable[ReuseGroup], events: Iterable[Event],
                             conflicts: Iterable[Conflict],
                             document_refs: Iterable[Document] | None = None) -> None:
        """Replace entities, reuse groups, events and conflicts in one transaction.

        ``mention_entities`` maps ``(source, char_start, char_end)`` of a mention to its entity id;
        ``document_refs`` are documents whose author, addressee and place refs now name entities.
        """
        entities = list(entities)
        with self.transaction():
            for table in CORPUS_TABLES:
                self._execute(f"DELETE FROM {table}")
            self._execute("DELETE FROM search_index WHERE kind='entity'")
            self._executemany("INSERT INTO search_index(kind, ref, source, title, body) VALUES (?,?,?,?,?)",
                              [("entity", e.id, "", e.name, " ".join(e.aliases)) for e in entities])
            self._execute("UPDATE mentions SET entity=NULL")
            self._executemany("INSERT INTO entities VALUES (?,?,?,?,?,?,?,?)",
                              [codec.entity_row(e) for e in entities])
            self._executemany("UPDATE mentions SET entity=? WHERE source=? AND char_start=? AND char_end=?",
                              [(eid, *key) for key, eid in sorted(mention_entities.items())])
            refs = [codec.document_row(d) for d in document_refs or ()]
            self._executemany("UPDATE documents SET author=?, addressees=?, place=? WHERE id=?",
                              [(r[6], r[7], r[11], r[0]) for r in refs])
            self._executemany("INSERT INTO reuse_groups VALUES (?,?,?,?,?)",
                              [codec.reuse_row(g) for g in reuse])
            self._executemany("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?)",
                              [codec.event_row(e) for e in events])
            self._executemany("INSERT INTO conflicts VALUES (?,?,?,?,?)",
                              [codec.conflict_row(c) for c in conflicts])
            # which sources this layer was computed over: a source added later makes it stale
            self._execute("INSERT INTO meta(key, value) VALUES ('corpus_sources', ?) "
                          "ON CONFLICT(key) DO UPDATE SET value=excluded.value", (self._sources_digest(),))

    def _sources_digest(self) -> str:
        """Return a short hash of the stored source ids."""
        ids = [r[0] for r in self._execute("SELECT id FROM sources ORDER BY id")]
        return hashlib.sha256(",".join(ids).encode()).hexdigest()[:16]

    def corpus_layer_state(self) -> str:
        """Return the state of the corpus layer: "fresh", "missing" or "stale" ("fresh" for an empty store).

        Missing: sources are stored but no corpus step ever finished; stale: sources were added
        (or removed) since the last corpus step finished, which then failed or never ran.
        """
        if not self._execute("SELECT 1 FROM sources LIMIT 1").fetchone():
            return "fresh"
        built = self.get_meta("corpus_sources")
        if built is None:
            # stores from before this key: a finished corpus step left its hash
            return "fresh" if self.get_meta("corpus_hash") else "missing"
        return "fresh" if built == self._sources_digest() else "stale"

    def start_build(self, version: str, settings: dict, inputs: list[str], started: str) -> int:
        """Return the id of a new build record started now."""
        raise NotImplementedError

    def finish_build(self, build_id: int, finished: str, added: int, unchanged: int,
                     failed: list[str], seconds: float) -> None:
        """Record how a build ended."""
        self._write("UPDATE builds SET finished=?, added=?, unchanged=?, failed=?, seconds=? WHERE id=?",
                    (finished, added, unchanged, codec.dumps(failed), seconds, build_id))

    # -- reads ---------------------------------------------------------------
    def builds(self) -> list[dict[str, Any]]:
        """Return every recorded build, oldest first."""
        return [dict(r) for r in self._execute("SELECT * FROM builds ORDER BY id")]

    def has_sha256(self, sha256: str, settings_hash: str | None = None) -> bool:
        """Return True when a source with these bytes is stored (and, if given, with these settings)."""
        row = self._execute("SELECT settings_hash FROM sources WHERE sha256=?", (sha256,)).fetchone()
        return row is not None and (settings_hash is None or row[0] == settings_hash)

    def sources(self) -> list[Source]:
        """Return every source, ordered by name then id."""
        return [codec.source_from(r) for r in self._execute("SELECT * FROM sources ORDER BY name, id")]

    def source(self, source_id: str) -> Source | None:
        """Return one source, or None."""
        row = self._execute("SELECT * FROM sources WHERE id=?", (source_id,)).fetchone()
        return codec.source_from(row) if row else None

    def source_names(self) -> dict[str, str]:
        """Return {source id: file name} without loading texts."""
        return {r[0]: r[1] for r in self._execute("SELECT id, name FROM sources ORDER BY id")}

    def source_paths(self) -> dict[str, str]:
        """Return {source id: the path it was read from, as the build was given it} without loading texts."""
        return {r[0]: r[1] for r in self._execute("SELECT id, path FROM sources ORDER BY id")}

    def documents(self, source: str | None = None, kind: str | None = None) -> list[Document]:
        """Return documents in reading order (source name, then offset)."""
        sql = ("SELECT d.* FROM documents d JOIN sources s ON s.id = d.source WHERE 1=1"
               + (" AND d.source=?" if source else "") + (" AND d.kind=?" if kind else "")
               + " ORDER BY s.name, s.id, d.char_start, d.char_end, d.id")
        args = [a for a in (source, kind) if a]
        return [codec.document_from(r) for r in self._execute(sql, args)]

    def document(self, document_id: str) -> Document | None:
        """Return one document, or None."""
        row = self._execute("SELECT * FROM documents WHERE id=?", (document_id,)).fetchone()
        return codec.document_from(row) if row else None

    def timexes(self, source: str | None = None, document: str | None = None) -> list[Timex]:
        """Return temporal expressions in text order."""
        sql = "SELECT * FROM timexes WHERE 1=1" + (" AND source=?" if source else "") + \
              (" AND document=?" if document else "") + _TIMEX_ORDER
        return [codec.timex_from(r) for r in self._execute(sql, [a for a in (source, document) if a])]

    def mentions(self, source: str | None = None, document: str | None = None,
                 entity: str | None = None) -> list[Mention]:
        """Return entity mentions in text order."""
        sql = "SELECT * FROM mentions WHERE 1=1" + (" AND source=?" if source else "") + \
              (" AND document=?" if document else "") + (" AND entity=?" if entity else "") + \
              _MENTION_ORDER
        return [codec.mention_from(r) for r in
                self._execute(sql, [a for a in (source, document, entity) if a])]

    def layer(self, source: str, name: str) -> Any:
        """Return a per-source JSON layer, or None."""
        row = self._execute("SELECT data FROM layers WHERE source=? AND name=?", (source, name)).fetchone()
        return json.loads(row[0]) if row else None

    def entities(self, type: str | None = None) -> list[Entity]:
        """Return entities (with their mentions), most mentioned first, then by name."""
        sql = "SELECT * FROM entities" + (" WHERE type=?" if type else "") + \
              " ORDER BY mention_count DESC, name, id"
        rows = list(self._execute(sql, [type] if type else []))
        spans = self._mention_spans()
        return [codec.entity_from(r, spans.get(r["id"], ())) for r in rows]

    def entity(self, entity_id: str) -> Entity | None:
        """Return one entity, or None."""
        row = self._execute("SELECT * FROM entities WHERE id=?", (entity_id,)).fetchone()
        if not row:
            return None
        return codec.entity_from(row, self._mention_spans(entity_id).get(entity_id, ()))

    def _mention_spans(self, entity: str | None = None) -> dict[str, tuple]:
        out: dict[str, list] = {}
        sql = "SELECT entity, source, document, char_start, char_end FROM mentions WHERE entity IS NOT NULL" + \
              (" AND entity=?" if entity else "") + _MENTION_ORDER
        for r in self._execute(sql, [entity] if entity else []):
            out.setdefault(r[0], []).append(Span(r[1], r[3], r[4], r[2]))
        return {k: tuple(v) for k, v in out.items()}

    def reuse_groups(self) -> list[ReuseGroup]:
        """Return reuse groups, best score first."""
        return [codec.reuse_from(r) for r in
                self._execute("SELECT * FROM reuse_groups ORDER BY score DESC, id")]

    def events(self, earliest: str | None = None, latest: str | None = None) -> list[Event]:
        """Return events in date order, optionally those overlapping [earliest, latest]."""
        sql = "SELECT * FROM events WHERE 1=1" + (" AND latest >= ?" if earliest else "") + \
              (" AND earliest <= ?" if latest else "") + " ORDER BY earliest, latest, id"
        return [codec.event_from(r) for r in self._execute(sql, [a for a in (earliest, latest) if a])]

    def event(self, event_id: str) -> Event | None:
        """Return one event, or None."""
        row = self._execute("SELECT * FROM events WHERE id=?", (event_id,)).fetchone()
        return codec.event_from(row) if row else None

    def conflicts(self) -> list[Conflict]:
        """Return conflicts ordered by kind and id."""
        return [codec.conflict_from(r) for r in self._execute("SELECT * FROM conflicts ORDER BY kind, id")]

    def search(self, q: str, limit: int = 50, kind: str | None = None) -> list[dict[str, Any]]:
        """Return up to ``limit`` full-text hits for ``q``, best first (only those of ``kind`` when given).

        Each hit is ``{"kind": "document"|"entity", "id", "source", "title", "snippet"}``;
        in ``snippet`` the matched words sit between ``\x02`` and ``\x03``. Any query is
        answered: one the backend cannot parse yields plain-word hits or none, never an error.
        """
        raise NotImplementedError

    def change_stamp(self) -> tuple:
        """Return a value that changes whenever another connection writes to the store."""
        raise NotImplementedError

    def counts(self) -> dict[str, int]:
        """Return the number of rows per main table."""
        return {t: int(self._execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in MAIN_TABLES}


def _document_title(d: Document) -> str:
    # what a searcher may type to find a document besides its words: title, author, addressees
    names = [d.title or "", d.author.name if d.author else ""] + [a.name for a in d.addressees]
    return " ".join(n for n in names if n)
