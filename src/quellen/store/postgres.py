"""PostgreSQL store (the ``[scale]`` extra): the same tables, migrations and semantics as SQLite.

Opened with ``--db postgresql://USER@HOST/DB``. The reads and writes are
:class:`~quellen.store.base.SQLStore`'s; this module adds what PostgreSQL does its own way:

- **one writer at a time**, as in SQLite: every write transaction first takes a transaction-level
  advisory lock, waiting at most ``BUSY_SECONDS`` for another ``quellen build`` to finish;
- **byte order**: every text column is ``COLLATE "C"``, so ``ORDER BY`` sorts as SQLite (and
  Python) do whatever the server's locale, and exports are identical on both backends;
- **full-text search** with a ``tsvector`` column over the same rows as SQLite's FTS5 index,
  folded by the ``unaccent`` dictionary (a standard contrib extension) as FTS5 folds diacritics,
  and stemmed by Snowball's English stemmer as FTS5 stems with Porter's;
  queries take web-search syntax (``"a phrase"``, ``or``, ``-word``) and never fail;
- a database that does not exist yet is created when the store may be created (as an SQLite file
  is), if the user may create databases.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from typing import Any, Iterable, Iterator

from ..errors import MissingExtra, StoreError
from . import base, codec
from .base import SQLStore
from .schema import migrations

try:
    import psycopg
    from psycopg import errors as pg_errors
    from psycopg.conninfo import conninfo_to_dict, make_conninfo
except ImportError:  # pragma: no cover - the extra is installed by `make test`
    raise MissingExtra("a PostgreSQL store (--db postgresql://...)", "scale", "psycopg") from None

__all__ = ["PostgresStore", "MIGRATIONS", "SCHEMA_VERSION"]

#: each entry moves the schema from version i to i+1, in step with SQLite's (both from schema.py)
MIGRATIONS: list[str] = migrations("postgresql")
SCHEMA_VERSION = len(MIGRATIONS)

#: the advisory lock every write transaction holds (one writer per database, as in SQLite)
WRITE_LOCK = 0x7175656C6C656E  # "quellen"
#: bumped by every write transaction: the web app's cache key (SQLite's is the file's mtime)
CHANGES_KEY = "changes"
_INSERT = re.compile(r"INSERT INTO (?P<table>\w+)\s*(?:\((?P<columns>[\w\s,]+)\))?\s*VALUES\s*\(\?(?:\s*,\s*\?)*\)",
                     re.I)
_UPDATE = re.compile(r"UPDATE (?P<table>\w+) SET (?P<sets>\w+\s*=\s*\?(?:\s*,\s*\w+\s*=\s*\?)*)"
                     r" WHERE (?P<keys>\w+\s*=\s*\?(?:\s+AND\s+\w+\s*=\s*\?)*)", re.I)
#: a prefix in a search query: ``word*`` outside a phrase, not after ``-`` (web-search syntax leaves that out)
_PREFIX = re.compile(r'(?<![\w"-])(\w+)\*')
_SNIPPET = "StartSel=\x02, StopSel=\x03, MaxFragments=1, MaxWords=16, MinWords=12"


class PostgresStore(SQLStore):
    """A quellen database in a PostgreSQL database. Use as a context manager, or call :meth:`close`."""

    def __init__(self, url: str, create: bool = True, readonly: bool = False):
        self.url = url
        self.label = redact(url)
        self.db = self._connect(create)
        try:
            if readonly:
                self.db.execute("SET default_transaction_read_only = on")
            if self.db.execute("SELECT current_schema()").fetchone()[0] is None:
                path = self.db.execute("SHOW search_path").fetchone()[0]
                raise StoreError(f"{self.label}: no schema to keep the store in (search_path is {path}, "
                                 "and none of it exists; CREATE SCHEMA it first)")
            version = self._check_version(create)
            if version != SCHEMA_VERSION:
                if readonly:
                    raise StoreError(f"{self.label}: schema version {version} needs migrating; "
                                     "open it once with `quellen build`")
                self._migrate()
        except BaseException:
            self.db.close()
            raise

    def _connect(self, create: bool) -> "psycopg.Connection":
        """Return an autocommit connection (a write opens its own transaction), creating the database if allowed."""
        try:
            params = conninfo_to_dict(self.url)
        except psycopg.ProgrammingError as exc:
            raise StoreError(f"{self.label}: not a PostgreSQL address ({_first_line(exc)})") from None
        params.setdefault("connect_timeout", "10")
        params.setdefault("application_name", "quellen")
        conninfo = make_conninfo(**params)
        try:
            return psycopg.connect(conninfo, autocommit=True, row_factory=_row_factory)
        except psycopg.OperationalError as exc:
            missing = "does not exist" in str(exc) and "database" in str(exc)
            if not missing:
                raise StoreError(f"{self.label}: cannot connect ({_first_line(exc)})") from None
            if not create:
                raise StoreError(f"{self.label}: no such database (run `quellen build` first)") from None
        self._create_database(params)
        try:
            return psycopg.connect(conninfo, autocommit=True, row_factory=_row_factory)
        except psycopg.OperationalError as exc:
            raise StoreError(f"{self.label}: cannot connect ({_first_line(exc)})") from None

    def _create_database(self, params: dict[str, Any]) -> None:
        """Create the database the URL names, connecting to the server's maintenance database."""
        from psycopg import sql
        name = params.get("dbname") or params.get("user")
        try:
            with psycopg.connect(make_conninfo(**{**params, "dbname": "postgres"}), autocommit=True) as admin:
                admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        except (pg_errors.DuplicateDatabase, pg_errors.UniqueViolation):
            # another process made it meanwhile: DuplicateDatabase when it had committed before this
            # statement looked, a unique violation on pg_database when both created it at once
            pass
        except psycopg.Error as exc:
            raise StoreError(f"{self.label}: the database does not exist and cannot be created "
                             f"({_first_line(exc)}); create it with `createdb {name}`") from None

    # -- transactions ----------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator["psycopg.Connection"]:
        """Yield the connection inside one transaction that holds the write lock, rolled back on any error.

        PostgreSQL's own refusals (another writer past ``BUSY_SECONDS``, a read-only store, a lost
        connection) come out as :class:`StoreError`; nothing of the transaction is kept. One opened
        inside another is a savepoint of it: committed, or rolled back, with the outer one.
        """
        try:
            with self.db.transaction():
                self.db.execute(f"SET LOCAL lock_timeout = {int(base.BUSY_SECONDS * 1000)}")
                self.db.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                yield self.db
                self.db.execute("INSERT INTO meta(key, value) VALUES (%s, '1') ON CONFLICT (key) "
                                "DO UPDATE SET value = (meta.value::bigint + 1)::text", (CHANGES_KEY,))
        except pg_errors.LockNotAvailable:
            raise StoreError(f"{self.label}: another process is writing to this database (a second "
                             f"`quellen build`?); waited {base.BUSY_SECONDS:.0f} s, try again when it is "
                             "done") from None
        except (psycopg.OperationalError, pg_errors.ReadOnlySqlTransaction,
                pg_errors.InsufficientPrivilege) as exc:
            raise StoreError(f"{self.label}: cannot write to the database ({_first_line(exc)})") from None

    def _execute(self, sql: str, args: tuple | list = ()) -> "psycopg.Cursor":
        """Return the cursor of one statement, its ``?`` parameters turned into psycopg's."""
        if not args:
            return self.db.execute(sql)
        return self.db.execute(_placeholders(sql), args)

    def _executemany(self, sql: str, rows: Iterable[tuple]) -> None:
        """Run ``sql`` once per row, as COPY where it can be: 5-10x faster than one statement a row.

        ``INSERT INTO t [(cols)] VALUES (?, ...)`` becomes ``COPY t [(cols)] FROM STDIN``; ``UPDATE t
        SET a=?, ... WHERE k=? AND ...`` (keys unique among the rows) becomes a COPY into a temporary
        table and one ``UPDATE ... FROM`` it. Anything else runs row by row.
        """
        rows = list(rows)
        if not rows:
            return
        with self.db.cursor() as cur:
            if insert := _INSERT.fullmatch(sql.strip()):
                table, columns = insert["table"], insert["columns"]
                with cur.copy(f"COPY {table} {f'({columns})' if columns else ''} FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            elif update := _UPDATE.fullmatch(sql.strip()):
                table = update["table"]
                sets = [c.split("=")[0].strip() for c in update["sets"].split(",")]
                keys = [c.split("=")[0].strip() for c in re.split(r"\s+AND\s+", update["keys"], flags=re.I)]
                columns = ", ".join(sets + keys)
                cur.execute(f"CREATE TEMPORARY TABLE quellen_rows ON COMMIT DROP AS "
                            f"SELECT {columns} FROM {table} LIMIT 0")
                with cur.copy(f"COPY quellen_rows ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                cur.execute(f"UPDATE {table} AS t SET {', '.join(f'{c} = r.{c}' for c in sets)} "
                            f"FROM quellen_rows AS r WHERE {' AND '.join(f't.{k} = r.{k}' for k in keys)}")
                cur.execute("DROP TABLE quellen_rows")
            else:
                cur.executemany(_placeholders(sql), rows)

    # -- schema ------------------------------------------------------------------
    def _tables(self) -> set[str]:
        return {r[0] for r in self.db.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}

    def _check_version(self, create: bool = True) -> int:
        """Return the stored schema version (0 for an empty database); refuse foreign or newer ones."""
        tables = self._tables()
        version = 0
        if "meta" in tables:
            row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = int(row[0]) if row else 0
        elif tables:
            raise StoreError(f"{self.label}: a PostgreSQL database, but not quellen's "
                             f"(its schema holds other tables: {', '.join(sorted(tables)[:5])})")
        elif not create:
            raise StoreError(f"{self.label}: no quellen store in this database (run `quellen build` first)")
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.label}: schema version {version} is newer than this quellen "
                             f"({SCHEMA_VERSION}); upgrade quellen")
        return version

    def _migrate(self) -> None:
        # all steps in one transaction under the write lock, the version read again inside it:
        # two processes opening a new database at once do not both create the tables
        with self.transaction():
            for number in range(self._check_version(), SCHEMA_VERSION):
                try:
                    self.db.execute(MIGRATIONS[number])
                except (pg_errors.UndefinedFile, pg_errors.UndefinedObject) as exc:
                    raise StoreError(f"{self.label}: cannot set up full-text search ({_first_line(exc)}); "
                                     "the server needs PostgreSQL's contrib extension `unaccent`") from None
                self.db.execute("INSERT INTO meta(key, value) VALUES ('schema_version', %s) "
                                "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(number + 1),))

    # -- what differs from SQLite ------------------------------------------------
    def start_build(self, version: str, settings: dict, inputs: list[str], started: str) -> int:
        """Return the id of a new build record started now."""
        with self.transaction():
            row = self._execute(
                "INSERT INTO builds(started, quellen_version, settings, inputs) VALUES (?,?,?,?) RETURNING id",
                (started, version, codec.dumps(settings), codec.dumps(inputs))).fetchone()
        return int(row[0])

    def change_stamp(self) -> tuple:
        """Return the count of write transactions the store has seen."""
        return (self.get_meta(CHANGES_KEY),)

    def search(self, q: str, limit: int = 50, kind: str | None = None) -> list[dict[str, Any]]:
        """Return up to ``limit`` full-text hits for ``q``, best first (only those of ``kind`` when given).

        Each hit is ``{"kind": "document"|"entity", "id", "source", "title", "snippet"}``;
        in ``snippet`` the matched words sit between ``\x02`` and ``\x03``. ``q`` is read as
        web-search syntax (``websearch_to_tsquery``), which takes any text without an error.
        """
        q = (q or "").replace("\x00", " ")
        if not re.search(r"\w", q):
            return []
        # `word*` finds the words that begin so, as FTS5 reads it: web-search syntax has no prefix, and
        # read `typh*` as the word `typh`, finding nothing where SQLite finds `typhus`
        prefixes = _PREFIX.findall(q)
        if prefixes:
            q = _PREFIX.sub(" ", q)
        prefix_query = " & ".join(f"{w}:*" for w in prefixes) or None
        # the best passage of about 16 words (as FTS5's snippet), with an ellipsis where the body goes on
        sql = ("SELECT kind, ref AS id, source, title,"
               "       CASE WHEN at > 1 THEN '…' ELSE '' END || snippet"
               "       || CASE WHEN at > 0 AND at + length(plain) <= length(body) THEN '…' ELSE '' END AS snippet"
               " FROM (SELECT hits.*, position(plain IN body) AS at"
               "       FROM (SELECT *, translate(snippet, E'\\x02\\x03', '') AS plain"
               "             FROM (SELECT kind, ref, source, title, body, rank,"
               "                          ts_headline('quellen_search', body, query, %s) AS snippet"
               "                   FROM (SELECT kind, ref, source, title, body, query,"
               "                                ts_rank('{0.25, 0.25, 0.25, 1.0}', terms, query) AS rank"
               "                         FROM search_index, (SELECT CASE WHEN %s::text IS NULL THEN web"
               "                               ELSE web && to_tsquery('quellen_search', %s) END AS query FROM"
               "                               websearch_to_tsquery('quellen_search', %s) AS web) AS queries"
               "                         WHERE terms @@ query AND (%s::text IS NULL OR kind = %s)"
               "                         ORDER BY rank DESC, ref LIMIT %s) AS best) AS lit"
               "            ) AS hits) AS placed"
               " ORDER BY rank DESC, ref")
        return [dict(r) for r in self.db.execute(sql, (_SNIPPET, prefix_query, prefix_query, q.strip(), kind, kind,
                                                       max(1, int(limit))))]


def redact(url: str) -> str:
    """Return ``url`` with its password (in the address or a ``password=`` parameter) masked."""
    url = re.sub(r"^([a-z]+://[^/@:]*):[^/@]*@", r"\1:***@", url, flags=re.I)
    return re.sub(r"(password=)[^&\s]*", r"\1***", url, flags=re.I)


def _placeholders(sql: str) -> str:
    """Return ``sql`` with ``?`` parameters written as psycopg's ``%s`` (a literal ``%`` doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


class _Row:
    """A row read by name or by position, like :class:`sqlite3.Row` (which the codec reads)."""

    __slots__ = ("_values", "_index")

    def __init__(self, values: tuple, index: dict[str, int]):
        self._values = values
        self._index = index

    def __getitem__(self, key: int | str) -> Any:
        return self._values[key if isinstance(key, int) else self._index[key]]

    def __len__(self) -> int:
        return len(self._values)

    def keys(self) -> list[str]:
        """Return the column names, in order."""
        return list(self._index)

    def __repr__(self) -> str:
        return f"Row({dict(zip(self._index, self._values))!r})"


def _row_factory(cursor: "psycopg.Cursor"):
    index = {c.name: i for i, c in enumerate(cursor.description or ())}
    return lambda values: _Row(values, index)
