"""SQLite store with numbered migrations and one transaction per write.

Records are stored as columns for what is queried and JSON for the rest;
:mod:`quellen.store.codec` turns model records into rows and back.
"""
from __future__ import annotations

import json
import re
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import StoreError
from ..model import Conflict, Document, Entity, Event, Mention, ReuseGroup, Source, Timex
from . import codec

__all__ = ["Store", "open_store", "SCHEMA_VERSION", "MIGRATIONS"]

#: each entry moves the schema from version i to i+1; never edit a shipped one
MIGRATIONS: list[str] = [
    # 1: the foundation
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE builds (
        id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT, quellen_version TEXT NOT NULL,
        settings TEXT NOT NULL, inputs TEXT NOT NULL, added INTEGER DEFAULT 0,
        unchanged INTEGER DEFAULT 0, failed TEXT DEFAULT '[]', seconds REAL
    );
    CREATE TABLE sources (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE,
        media_type TEXT NOT NULL, encoding TEXT, text TEXT NOT NULL, repairs TEXT NOT NULL,
        blocks TEXT NOT NULL, settings_hash TEXT
    );
    CREATE TABLE documents (
        id TEXT PRIMARY KEY, source TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, kind TEXT NOT NULL, title TEXT,
        author TEXT, addressees TEXT NOT NULL, date TEXT, earliest TEXT, latest TEXT, place TEXT,
        is_primary INTEGER, language TEXT, evidence TEXT NOT NULL
    );
    CREATE INDEX documents_source ON documents(source, char_start);
    CREATE TABLE timexes (
        source TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE, document TEXT,
        char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, text TEXT NOT NULL,
        type TEXT NOT NULL, value TEXT NOT NULL, date TEXT, rule TEXT, anchor TEXT
    );
    CREATE INDEX timexes_document ON timexes(document, char_start);
    CREATE TABLE mentions (
        source TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE, document TEXT,
        char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, text TEXT NOT NULL,
        type TEXT NOT NULL, name TEXT NOT NULL, origin TEXT, entity TEXT
    );
    CREATE INDEX mentions_document ON mentions(document, char_start);
    CREATE INDEX mentions_entity ON mentions(entity);
    CREATE TABLE layers (
        source TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE, name TEXT NOT NULL,
        data TEXT NOT NULL, PRIMARY KEY (source, name)
    );
    CREATE TABLE entities (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, aliases TEXT NOT NULL,
        geo TEXT, authority TEXT, merge_reasons TEXT NOT NULL, mention_count INTEGER NOT NULL
    );
    CREATE TABLE reuse_groups (
        id TEXT PRIMARY KEY, relation TEXT NOT NULL, score REAL NOT NULL, passages TEXT NOT NULL,
        collation TEXT
    );
    CREATE TABLE events (
        id TEXT PRIMARY KEY, date TEXT NOT NULL, earliest TEXT NOT NULL, latest TEXT NOT NULL,
        summary TEXT NOT NULL, actors TEXT NOT NULL, place TEXT, attestations TEXT NOT NULL,
        independent_sources INTEGER NOT NULL, conflicts TEXT NOT NULL
    );
    CREATE INDEX events_earliest ON events(earliest);
    CREATE TABLE conflicts (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, summary TEXT NOT NULL, claims TEXT NOT NULL,
        events TEXT NOT NULL
    );
    """,
    # 2: full-text search (FTS5) over document texts and entity names; kept in step by
    # add_source / remove_source / replace_corpus_layer, back-filled here for older stores
    """
    CREATE VIRTUAL TABLE search_index USING fts5(
        kind UNINDEXED, ref UNINDEXED, source UNINDEXED, title, body,
        tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO search_index(kind, ref, source, title, body)
        SELECT 'document', d.id, d.source, coalesce(d.title, ''),
               substr(s.text, d.char_start + 1, d.char_end - d.char_start)
        FROM documents d JOIN sources s ON s.id = d.source;
    INSERT INTO search_index(kind, ref, source, title, body)
        SELECT 'entity', id, '', name, aliases FROM entities;
    """,
    # 3: find a mention or timex by its span: replace_corpus_layer links every mention to its entity
    # by (source, char_start, char_end), which without this index scans the table once per mention
    """
    CREATE INDEX mentions_span ON mentions(source, char_start, char_end);
    CREATE INDEX timexes_span ON timexes(source, char_start, char_end);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)

_CORPUS_TABLES = ("entities", "reuse_groups", "events", "conflicts")
#: how long a write waits for another process's write to finish (a corpus step holds it for seconds)
BUSY_SECONDS = 30.0


def open_store(path: str | Path, create: bool = True) -> "Store":
    """Return an open :class:`Store` at ``path``, migrated to the current schema."""
    return Store(path, create=create)


class Store:
    """A quellen database. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path, create: bool = True, readonly: bool = False):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(f"{self.path}: no such database (run `quellen build` first)")
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a database file")
        try:
            if readonly:
                uri = f"file:{self.path.resolve()}?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(str(self.path), isolation_level=None, timeout=BUSY_SECONDS)
        except OSError as exc:  # the folder cannot be made: a file in the way, no permission
            raise StoreError(f"{self.path}: cannot create its folder {self.path.parent} "
                             f"({exc.strerror or exc})") from None
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.path}: cannot open the database ({exc})") from None
        try:
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            version = self._check_version()
            # WAL only once the file is known to be ours: a refused database stays as it was
            if not readonly:
                self.db.execute("PRAGMA journal_mode = WAL")
            self._migrate(version, readonly)
        except sqlite3.OperationalError as exc:
            self.db.close()
            raise StoreError(f"{self.path}: cannot open the database ({exc})") from None
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise StoreError(f"{self.path}: not a quellen database ({exc})") from None
        except StoreError:
            self.db.close()
            raise

    # -- lifecycle ---------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Yield the connection inside BEGIN IMMEDIATE ... COMMIT, rolled back on any error.

        SQLite's own failures (locked by another writer, disk full, read-only file) come out
        as :class:`StoreError`; nothing of the transaction is kept.
        """
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._write_error(exc) from None
        try:
            yield self.db
            self.db.execute("COMMIT")
        except BaseException as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                raise self._write_error(exc) from None
            raise

    def _write_error(self, exc: sqlite3.OperationalError) -> StoreError:
        """Return the StoreError that tells the user why SQLite refused a write."""
        if "locked" in str(exc) or "busy" in str(exc):
            return StoreError(f"{self.path}: another process is writing to this database (a second "
                              f"`quellen build`?); waited {BUSY_SECONDS:.0f} s, try again when it is done")
        return StoreError(f"{self.path}: cannot write to the database ({exc})")

    def _write(self, sql: str, args: tuple = ()) -> sqlite3.Cursor:
        """Return the cursor of one write statement run in its own transaction."""
        with self.transaction() as db:
            return db.execute(sql, args)

    def _check_version(self) -> int:
        """Return the stored schema version (0 for an empty file); refuse foreign or newer databases."""
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = 0
        if "meta" in tables:
            row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = int(row[0]) if row else 0
        elif tables:
            raise StoreError(f"{self.path}: an SQLite database, but not quellen's")
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {version} is newer than this quellen "
                             f"({SCHEMA_VERSION}); upgrade quellen")
        return version

    def _migrate(self, version: int, readonly: bool) -> None:
        if version == SCHEMA_VERSION:
            return
        if readonly:
            raise StoreError(f"{self.path}: schema version {version} needs migrating; "
                             "open it once with `quellen build`")
        for number in range(version, SCHEMA_VERSION):
            with self.transaction() as db:
                for statement in _split_sql(MIGRATIONS[number]):
                    db.execute(statement)
                db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                           (str(number + 1),))

    @property
    def schema_version(self) -> int:
        """Return the schema version the database is at."""
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return int(row[0]) if row else 0

    # -- meta ----------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        """Return a meta value, or None."""
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        """Store a meta value in its own transaction."""
        self._write("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    # -- writes --------------------------------------------------------------
    def add_source(self, source: Source, documents: Iterable[Document], timexes: Iterable[Timex],
                   mentions: Iterable[Mention], layers: dict[str, Any] | None = None,
                   settings_hash: str = "") -> None:
        """Store a source and its per-source analysis in one transaction (replacing an older one)."""
        documents = list(documents)
        with self.transaction() as db:
            replaced = [r[0] for r in db.execute("SELECT id FROM sources WHERE id=? OR sha256=?",
                                                 (source.id, source.sha256))]
            # the index's source column is not indexed: scan it only when a source is really replaced
            db.executemany("DELETE FROM search_index WHERE source=?", [(r,) for r in replaced])
            db.execute("DELETE FROM sources WHERE id=? OR sha256=?", (source.id, source.sha256))
            db.execute(
                "INSERT INTO sources(id, name, path, sha256, media_type, encoding, text, repairs, blocks,"
                " settings_hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (source.id, source.name, source.path, source.sha256, source.media_type, source.encoding,
                 source.text, _dumps(list(source.repairs)), _dumps(list(source.blocks)), settings_hash))
            db.executemany(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [codec.document_row(d) for d in documents])
            db.executemany("INSERT INTO search_index(kind, ref, source, title, body) VALUES (?,?,?,?,?)",
                           [("document", d.id, d.source, _document_title(d),
                             source.text[d.char_start:d.char_end]) for d in documents])
            db.executemany("INSERT INTO timexes VALUES (?,?,?,?,?,?,?,?,?,?)",
                           [codec.timex_row(t) for t in timexes])
            db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?)",
                           [codec.mention_row(m) for m in mentions])
            for name, data in sorted((layers or {}).items()):
                db.execute("INSERT INTO layers VALUES (?,?,?)", (source.id, name, _dumps(data)))

    def remove_source(self, source_id: str) -> None:
        """Delete a source and everything per-source that hangs on it."""
        with self.transaction() as db:
            db.execute("DELETE FROM search_index WHERE source=?", (source_id,))
            db.execute("DELETE FROM sources WHERE id=?", (source_id,))

    def replace_corpus_layer(self, entities: Iterable[Entity], mention_entities: dict[tuple, str],
                             reuse: Iterable[ReuseGroup], events: Iterable[Event],
                             conflicts: Iterable[Conflict],
                             document_refs: Iterable[Document] | None = None) -> None:
        """Replace entities, reuse groups, events and conflicts in one transaction.

        ``mention_entities`` maps ``(source, char_start, char_end)`` of a mention to its entity id;
        ``document_refs`` are documents whose author, addressee and place refs now name entities.
        """
        entities = list(entities)
        with self.transaction() as db:
            for table in _CORPUS_TABLES:
                db.execute(f"DELETE FROM {table}")
            db.execute("DELETE FROM search_index WHERE kind='entity'")
            db.executemany("INSERT INTO search_index(kind, ref, source, title, body) VALUES (?,?,?,?,?)",
                           [("entity", e.id, "", e.name, " ".join(e.aliases)) for e in entities])
            db.execute("UPDATE mentions SET entity=NULL")
            db.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?,?,?)",
                           [codec.entity_row(e) for e in entities])
            db.executemany("UPDATE mentions SET entity=? WHERE source=? AND char_start=? AND char_end=?",
                           [(eid, *key) for key, eid in sorted(mention_entities.items())])
            refs = [codec.document_row(d) for d in document_refs or ()]
            db.executemany("UPDATE documents SET author=?, addressees=?, place=? WHERE id=?",
                           [(r[6], r[7], r[11], r[0]) for r in refs])
            db.executemany("INSERT INTO reuse_groups VALUES (?,?,?,?,?)",
                           [codec.reuse_row(g) for g in reuse])
            db.executemany("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?)",
                           [codec.event_row(e) for e in events])
            db.executemany("INSERT INTO conflicts VALUES (?,?,?,?,?)",
                           [codec.conflict_row(c) for c in conflicts])

    def start_build(self, version: str, settings: dict, inputs: list[str], started: str) -> int:
        """Return the id of a new build record started now."""
        cur = self._write(
            "INSERT INTO builds(started, quellen_version, settings, inputs) VALUES (?,?,?,?)",
            (started, version, _dumps(settings), _dumps(inputs)))
        return int(cur.lastrowid)

    def finish_build(self, build_id: int, finished: str, added: int, unchanged: int,
                     failed: list[str], seconds: float) -> None:
        """Record how a build ended."""
        self._write("UPDATE builds SET finished=?, added=?, unchanged=?, failed=?, seconds=? WHERE id=?",
                    (finished, added, unchanged, _dumps(failed), seconds, build_id))

    # -- reads ---------------------------------------------------------------
    def builds(self) -> list[dict[str, Any]]:
        """Return every recorded build, oldest first."""
        return [dict(r) for r in self.db.execute("SELECT * FROM builds ORDER BY id")]

    def has_sha256(self, sha256: str, settings_hash: str | None = None) -> bool:
        """Return True when a source with these bytes is stored (and, if given, with these settings)."""
        row = self.db.execute("SELECT settings_hash FROM sources WHERE sha256=?", (sha256,)).fetchone()
        return row is not None and (settings_hash is None or row[0] == settings_hash)

    def sources(self) -> list[Source]:
        """Return every source, ordered by name then id."""
        return [codec.source_from(r) for r in self.db.execute("SELECT * FROM sources ORDER BY name, id")]

    def source(self, source_id: str) -> Source | None:
        """Return one source, or None."""
        row = self.db.execute("SELECT * FROM sources WHERE id=?", (source_id,)).fetchone()
        return codec.source_from(row) if row else None

    def source_names(self) -> dict[str, str]:
        """Return {source id: file name} without loading texts."""
        return {r[0]: r[1] for r in self.db.execute("SELECT id, name FROM sources")}

    def documents(self, source: str | None = None, kind: str | None = None) -> list[Document]:
        """Return documents in reading order (source name, then offset)."""
        sql = ("SELECT d.* FROM documents d JOIN sources s ON s.id = d.source WHERE 1=1"
               + (" AND d.source=?" if source else "") + (" AND d.kind=?" if kind else "")
               + " ORDER BY s.name, s.id, d.char_start")
        args = [a for a in (source, kind) if a]
        return [codec.document_from(r) for r in self.db.execute(sql, args)]

    def document(self, document_id: str) -> Document | None:
        """Return one document, or None."""
        row = self.db.execute("SELECT * FROM documents WHERE id=?", (document_id,)).fetchone()
        return codec.document_from(row) if row else None

    def timexes(self, source: str | None = None, document: str | None = None) -> list[Timex]:
        """Return temporal expressions in text order."""
        sql = "SELECT * FROM timexes WHERE 1=1" + (" AND source=?" if source else "") + \
              (" AND document=?" if document else "") + " ORDER BY source, char_start, char_end"
        return [codec.timex_from(r) for r in self.db.execute(sql, [a for a in (source, document) if a])]

    def mentions(self, source: str | None = None, document: str | None = None,
                 entity: str | None = None) -> list[Mention]:
        """Return entity mentions in text order."""
        sql = "SELECT * FROM mentions WHERE 1=1" + (" AND source=?" if source else "") + \
              (" AND document=?" if document else "") + (" AND entity=?" if entity else "") + \
              " ORDER BY source, char_start, char_end"
        return [codec.mention_from(r) for r in
                self.db.execute(sql, [a for a in (source, document, entity) if a])]

    def layer(self, source: str, name: str) -> Any:
        """Return a per-source JSON layer, or None."""
        row = self.db.execute("SELECT data FROM layers WHERE source=? AND name=?", (source, name)).fetchone()
        return json.loads(row[0]) if row else None

    def entities(self, type: str | None = None) -> list[Entity]:
        """Return entities (with their mentions), most mentioned first, then by name."""
        sql = "SELECT * FROM entities" + (" WHERE type=?" if type else "") + \
              " ORDER BY mention_count DESC, name, id"
        rows = list(self.db.execute(sql, [type] if type else []))
        spans = self._mention_spans()
        return [codec.entity_from(r, spans.get(r["id"], ())) for r in rows]

    def entity(self, entity_id: str) -> Entity | None:
        """Return one entity, or None."""
        row = self.db.execute("SELECT * FROM entities WHERE id=?", (entity_id,)).fetchone()
        if not row:
            return None
        return codec.entity_from(row, self._mention_spans(entity_id).get(entity_id, ()))

    def _mention_spans(self, entity: str | None = None) -> dict[str, tuple]:
        from ..model import Span
        out: dict[str, list] = {}
        sql = "SELECT entity, source, document, char_start, char_end FROM mentions WHERE entity IS NOT NULL" + \
              (" AND entity=?" if entity else "") + " ORDER BY source, char_start, char_end"
        for r in self.db.execute(sql, [entity] if entity else []):
            out.setdefault(r[0], []).append(Span(r[1], r[3], r[4], r[2]))
        return {k: tuple(v) for k, v in out.items()}

    def reuse_groups(self) -> list[ReuseGroup]:
        """Return reuse groups, best score first."""
        return [codec.reuse_from(r) for r in
                self.db.execute("SELECT * FROM reuse_groups ORDER BY score DESC, id")]

    def events(self, earliest: str | None = None, latest: str | None = None) -> list[Event]:
        """Return events in date order, optionally those overlapping [earliest, latest]."""
        sql = "SELECT * FROM events WHERE 1=1" + (" AND latest >= ?" if earliest else "") + \
              (" AND earliest <= ?" if latest else "") + " ORDER BY earliest, latest, id"
        return [codec.event_from(r) for r in self.db.execute(sql, [a for a in (earliest, latest) if a])]

    def event(self, event_id: str) -> Event | None:
        """Return one event, or None."""
        row = self.db.execute("SELECT * FROM events WHERE id=?", (event_id,)).fetchone()
        return codec.event_from(row) if row else None

    def conflicts(self) -> list[Conflict]:
        """Return conflicts ordered by kind and id."""
        return [codec.conflict_from(r) for r in self.db.execute("SELECT * FROM conflicts ORDER BY kind, id")]

    def search(self, q: str, limit: int = 50) -> list[dict[str, Any]]:
        """Return up to ``limit`` full-text hits for ``q``, best first.

        Each hit is ``{"kind": "document"|"entity", "id", "source", "title", "snippet"}``;
        in ``snippet`` the matched words sit between ``\x02`` and ``\x03``. A query that
        is not valid FTS5 syntax (a stray quote, ``AND`` at the end...) is searched again
        as plain words, and yields no hits rather than an error when that fails too.
        """
        words = re.findall(r"\w+", q or "")
        if not words:
            return []
        sql = ("SELECT kind, ref AS id, source, title, snippet(search_index, 4, char(2), char(3), '…', 16)"
               " AS snippet FROM search_index WHERE search_index MATCH ?"
               " ORDER BY bm25(search_index, 0, 0, 0, 4.0, 1.0), ref LIMIT ?")
        for query in (q.strip(), " ".join(f'"{w}"' for w in words)):
            try:
                return [dict(r) for r in self.db.execute(sql, (query, max(1, int(limit))))]
            except sqlite3.OperationalError:
                continue  # FTS5 syntax error: retry as plain words
        return []

    def counts(self) -> dict[str, int]:
        """Return the number of rows per main table."""
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("sources", "documents", "timexes", "mentions", "entities", "reuse_groups",
                          "events", "conflicts")}


def _document_title(d: Document) -> str:
    # what a searcher may type to find a document besides its words: title, author, addressees
    names = [d.title or "", d.author.name if d.author else ""] + [a.name for a in d.addressees]
    return " ".join(n for n in names if n)


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _split_sql(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
