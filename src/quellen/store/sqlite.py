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
from .schema import migrations

__all__ = ["Store", "SCHEMA_VERSION", "MIGRATIONS"]

#: each entry moves the schema from version i to i+1 (written once for both backends in schema.py)
MIGRATIONS: list[str] = migrations("sqlite")
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
        except sqlite3.DatabaseError as exc:  # read-only opening reads the file at once: another kind of file
            raise StoreError(f"{self.path}: not a quellen database ({exc})") from None
        try:
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            version = self._check_version()
            self._migrate(version, readonly)
            # WAL only once the file is known to be ours and migrated: a refused database stays as it was
            if not readonly:
                self.db.execute("PRAGMA journal_mode = WAL")
                # in WAL mode NORMAL syncs at checkpoints, not at every commit: a crash of the process
                # loses nothing committed, a power cut at most the last commits, never the file's
                # consistency (SQLite's documented guarantee); FULL cost a disk flush per source
                self.db.execute("PRAGMA synchronous = NORMAL")
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

    #: how many transaction() blocks are open: an inner one joins the outermost
    _depth = 0

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Yield the connection inside BEGIN IMMEDIATE ... COMMIT, rolled back on any error.

        SQLite's own failures (locked by another writer, disk full, read-only file) come out
        as :class:`StoreError`; nothing of the transaction is kept. A transaction opened inside
        another is part of it (SQLite has no nested BEGIN): its writes are committed, or rolled
        back, with the outer one's, so several writes (removing sources, then replacing the
        corpus layer) can be one.
        """
        if self._depth:
            self._depth += 1
            try:
                yield self.db
            finally:
                self._depth -= 1
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._write_error(exc) from None
        self._depth = 1
        try:
            yield self.db
            self.db.execute("COMMIT")
        except BaseException as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                raise self._write_error(exc) from None
            raise
        finally:
            self._depth = 0

    def _write_error(self, exc: sqlite3.OperationalError) -> StoreError:
        """Return the StoreError that tells the user why SQLite refused a write."""
        if "locked" in str(exc) or "busy" in str(exc):
            return StoreError(f"{self.path}: another process is writing to this database (a second "
                              f"`quellen build`?); waited {base.BUSY_SECONDS:.0f} s, try again when it is done")
        return StoreError(f"{self.path}: cannot write to the database ({exc})")

    def _check_version(self) -> int:
        """Return the stored schema version (0 for an empty file); refuse foreign, unversioned or newer databases."""
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = 0
        if "meta" in tables:
            row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if row is None or not str(row[0]).isdigit():
                # migrating from 0 would create the tables it already has ("table ... already exists")
                raise StoreError(f"{self.path}: a quellen database that records no schema version; "
                                 "it cannot be migrated: build a new store from its sources")
            version = int(row[0])
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
        # every step in one transaction under the write lock, the version read again inside it: two
        # commands opening an older store at once do not both migrate it (the second one ran the
        # first one's steps again: "table search_index already exists"), and a step that fails
        # leaves the store as it was, at its old version
        with self.transaction() as db:
            start = self._check_version()
            number = start
            try:
                for number in range(start, SCHEMA_VERSION):
                    for statement in _split_sql(MIGRATIONS[number]):
                        db.execute(statement)
                    db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                               (str(number + 1),))
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc) or "busy" in str(exc):
                    raise
                raise StoreError(
                    f"{self.path}: schema version {start} (an older quellen's) cannot be migrated to "
                    f"{SCHEMA_VERSION}: step {number + 1} failed ({exc}); the store is left unchanged. "
                    "Build a new store from its sources (`quellen build --db NEW.db PATH...`)") from None

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

    def search(self, q: str, limit: int = 50, kind: str | None = None) -> list[dict[str, Any]]:
        """Return up to ``limit`` full-text hits for ``q``, best first (only those of ``kind`` when given).

        Each hit is ``{"kind": "document"|"entity", "id", "source", "title", "snippet"}``;
        in ``snippet`` the matched words sit between ``\x02`` and ``\x03``. A query that
        is not valid FTS5 syntax (a stray quote, ``AND`` at the end...) is searched again
        as plain words, and yields no hits rather than an error when that fails too.
        """
        words = re.findall(r"\w+", q or "")
        if not words:
            return []
        sql = ("SELECT kind, ref AS id, source, title, snippet(search_index, 4, char(2), char(3), '…', 16)"
               " AS snippet FROM search_index WHERE search_index MATCH ? AND (? IS NULL OR kind = ?)"
               " ORDER BY bm25(search_index, 0, 0, 0, 4.0, 1.0), ref LIMIT ?")
        # `-word` leaves out what has the word, as PostgreSQL's web-search syntax reads it: FTS5 has
        # no such operator, and its retry as plain words found only the hits that HAVE the word
        left_out = _LEFT_OUT.findall(q)
        kept = _LEFT_OUT.sub(" ", q).strip()
        queries = [q.strip(), " ".join(f'"{w}"' for w in words)]
        if left_out and re.search(r"\w", kept):
            not_ = "".join(f' NOT "{w}"' for w in left_out)
            queries = [f"({kept}){not_}", " ".join(f'"{w}"' for w in re.findall(r"\w+", kept)) + not_]
        for query in queries:
            try:
                return [dict(r) for r in self.db.execute(sql, (query, kind, kind, max(1, int(limit))))]
            except sqlite3.OperationalError:
                continue  # FTS5 syntax error: retry as plain words
        return []


#: a word a search query leaves out: ``-word`` after a space or at the start (not ``well-known``)
_LEFT_OUT = re.compile(r"(?<!\S)-(\w+)(?![\w*])")


def _split_sql(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
