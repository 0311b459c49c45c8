"""SQLite store (the default backend) with numbered migrations and one transaction per write.

Records are stored as columns for what is queried and JSON for the rest;
:mod:`quellen.store.codec` turns model records into rows and back. The reads and writes
themselves are :class:`~quellen.store.base.SQLStore`'s, shared with PostgreSQL.
"""
from __future__ import annotations

import os
import re
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import StoreError
from . import base, codec
from .base import SQLStore

__all__ = ["Store", "SCHEMA_VERSION", "MIGRATIONS"]

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
    # 4: the parts of a document's head that segmentation found (Document.heads), which conflicts.py reads
    # instead of reading the text again; the next build reads every source again to fill them
    """
    ALTER TABLE documents ADD COLUMN heads TEXT;
    UPDATE sources SET settings_hash = NULL;
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)



class Store(SQLStore):
    """A quellen database in one SQLite file. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path, create: bool = True, readonly: bool = False):
        self.path = Path(path)
        self.label = str(self.path)
        if not create and not self.path.exists():
            raise StoreError(f"{self.path}: no such database (run `quellen build` first)")
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a database file")
        try:
            if readonly:
                self.db = self._connect_readonly()
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(str(self.path), isolation_level=None, timeout=base.BUSY_SECONDS)
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

    def _connect_readonly(self) -> sqlite3.Connection:
        """Return a connection that can only read: ``mode=ro``, or, when the folder is read-only and
        the store in WAL mode (whose shared-memory file cannot be made there), ``immutable=1``."""
        from urllib.parse import quote
        uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
        db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.OperationalError:
            db.close()
            folder = self.path.resolve().parent
            wal = self.path.with_name(self.path.name + "-wal")
            if os.access(folder, os.W_OK) or wal.exists():
                raise
        # nobody can write here (and no write is pending in a -wal file): the file cannot change under us
        return sqlite3.connect(uri + "&immutable=1", uri=True, check_same_thread=False)

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
                              f"`quellen build`?); waited {base.BUSY_SECONDS:.0f} s, try again when it is done")
        return StoreError(f"{self.path}: cannot write to the database ({exc})")

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

    # -- what SQLStore asks of a backend ---------------------------------------
    def _execute(self, sql: str, args: tuple | list = ()) -> sqlite3.Cursor:
        """Return the cursor of one statement."""
        return self.db.execute(sql, args)

    def _executemany(self, sql: str, rows: Iterable[tuple]) -> None:
        self.db.executemany(sql, rows)

    def start_build(self, version: str, settings: dict, inputs: list[str], started: str) -> int:
        """Return the id of a new build record started now."""
        with self.transaction():
            cur = self._execute(
                "INSERT INTO builds(started, quellen_version, settings, inputs) VALUES (?,?,?,?)",
                (started, version, codec.dumps(settings), codec.dumps(inputs)))
        return int(cur.lastrowid)

    def change_stamp(self) -> tuple:
        """Return the modification times of the database file and its write-ahead log."""
        path = str(self.path)
        return tuple(os.stat(p).st_mtime_ns if os.path.exists(p) else 0 for p in (path, path + "-wal"))

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


def _split_sql(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
