"""The store on both backends: SQLite (a file) and PostgreSQL (a real server that the session's
``postgres_server`` fixture starts). Every test taking ``backend`` runs on each; the ones named for
one backend test what only it has (a file in the way, a server that is not there)."""
import datetime as dt
import json
import os
import sqlite3

import pytest

from quellen.errors import StoreError
from quellen.model import (Attestation, Conflict, Date, Document, Entity, Event, Geo, Head, Mention, Reading,
                           Passage, Ref, ReuseGroup, Source, Timex)
from quellen.store import SCHEMA_VERSION, Store, is_postgres_url, open_store


class Backend:
    """One backend under test: its ``--db`` value and a raw connection beside quellen's."""

    def __init__(self, name: str, db: str):
        self.name, self.db = name, db

    @property
    def integrity_error(self) -> type:
        if self.name == "sqlite":
            return sqlite3.IntegrityError
        import psycopg
        return psycopg.IntegrityError

    def raw(self):
        """Return an autocommit DB-API connection to the database."""
        if self.name == "sqlite":
            return sqlite3.connect(self.db, isolation_level=None)
        import psycopg
        return psycopg.connect(self.db, autocommit=True)

    def sql(self, statement: str, args: tuple = ()) -> None:
        """Run one statement on a raw connection, in its own transaction."""
        con = self.raw()
        try:
            con.execute(statement.replace("?", "%s") if self.name == "postgres" else statement, args)
        finally:
            con.close()


@pytest.fixture
def backend(any_db):
    return Backend("postgres" if is_postgres_url(any_db) else "sqlite", any_db)


def _source(text="Dear Anna,\nWe arrived.\n", sha="0" * 64):
    return Source(id="src-1", name="a.txt", sha256=sha, media_type="text/plain", text=text)


def _date():
    return Date("May 3, 1801", "1801-05-03", dt.date(1801, 5, 3), dt.date(1801, 5, 3), "day")


def _records():
    document = Document(id="doc-1", source="src-1", char_start=0, char_end=22, kind="letter",
                        title="To Anna", author=Ref("Ivo"), addressees=(Ref("Anna"),), date=_date(),
                        place=Ref("Graz"), primary=True, evidence=("salutation",),
                        heads=(Head("salutation", 0, 9, "Dear Anna"),))
    timex = Timex("src-1", "doc-1", 0, 4, "Dear", "DATE", "1801-05-03", _date(), "rule", None)
    mention = Mention("src-1", "doc-1", 5, 9, "Anna", "person", "Anna")
    entity = Entity("ent-1", "person", "Anna", ("Anna",), geo=Geo(1.0, 2.0, "geonames", "42"),
                    authority={"wikidata": "Q1"}, merge_reasons=("x",))
    # a score no 4-byte float holds: PostgreSQL's REAL would round it
    group = ReuseGroup("reu-1", "verbatim", 0.123456789012345, (Passage("src-1", "doc-1", 0, 4),
                                                                Passage("src-1", "doc-1", 5, 9)))
    event = Event("evt-1", _date(), "arrived", ("ent-1",), None,
                  (Attestation("src-1", "doc-1", 11, 22, "We arrived."),), 1, ("con-1",))
    conflict = Conflict("con-1", "date", "x", (Reading("src-1", "doc-1", 0, 4, "a"),
                                               Reading("src-1", "doc-1", 5, 9, "b")), ("evt-1",))
    return document, timex, mention, entity, group, event, conflict


def test_round_trip_of_every_record(backend):
    source = _source()
    document, timex, mention, entity, group, event, conflict = _records()
    with open_store(backend.db) as store:
        store.add_source(source, [document], [timex], [mention], {"layer": [1, 2]})
        store.replace_corpus_layer([entity], {("src-1", 5, 9): "ent-1"}, [group], [event], [conflict])
        build = store.start_build("0.1", {"a": 1}, ["x.txt"], "2026-01-01T00:00:00")
        store.finish_build(build, "2026-01-01T00:00:01", 1, 0, [], 1.25)
        store.set_meta("k", "v1")
        store.set_meta("k", "v2")
    with open_store(backend.db, create=False) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.sources() == [source]
        assert store.documents() == [document]
        assert store.timexes() == [timex]
        assert store.mentions()[0].entity == "ent-1"
        got = store.entity("ent-1")
        assert got.geo == entity.geo and got.authority == {"wikidata": "Q1"}
        assert len(got.mentions) == 1 and store.entities() == [got]
        assert store.reuse_groups() == [group]
        assert store.events() == [event] and store.event("evt-1") == event
        assert store.conflicts() == [conflict]
        assert store.layer("src-1", "layer") == [1, 2] and store.layer("src-1", "nope") is None
        assert store.get_meta("k") == "v2" and store.has_sha256("0" * 64)
        assert [(b["id"], b["added"], b["seconds"], json.loads(b["settings"])) for b in store.builds()] == \
            [(build, 1, 1.25, {"a": 1})]
        assert store.counts() == {"sources": 1, "documents": 1, "timexes": 1, "mentions": 1, "entities": 1,
                                  "reuse_groups": 1, "events": 1, "conflicts": 1}


def test_the_corpus_layer_is_replaced_wholesale(backend):
    document, timex, mention, entity, group, event, conflict = _records()
    other = Entity("ent-2", "person", "Ivo", ("Ivo",))
    with open_store(backend.db) as store:
        store.add_source(_source(), [document], [timex], [mention])
        store.replace_corpus_layer([entity], {("src-1", 5, 9): "ent-1"}, [group], [event], [conflict])
        store.replace_corpus_layer([other], {}, [], [], [])
        assert [e.id for e in store.entities()] == ["ent-2"]
        assert store.mentions()[0].entity is None
        assert (store.reuse_groups(), store.events(), store.conflicts()) == ([], [], [])
        # a source stored again (same id) replaces the old one and everything hanging on it
        store.add_source(_source(), [document], [], [])
        assert store.timexes() == [] and store.mentions() == [] and store.documents() == [document]
        store.remove_source("src-1")
        assert store.counts()["sources"] == store.counts()["documents"] == 0


def test_failed_write_leaves_store_unchanged(backend):
    document, timex, mention, entity, group, event, conflict = _records()
    with open_store(backend.db) as store:
        store.add_source(_source(), [], [], [])
        store.replace_corpus_layer([entity], {}, [group], [event], [conflict])
        bad = Document(id="doc-1", source="src-1", char_start=0, char_end=1, kind="letter")
        with pytest.raises(backend.integrity_error):
            # the same document id twice violates the primary key mid-transaction
            store.add_source(_source(), [bad, bad], [], [])
        with pytest.raises(backend.integrity_error):
            # the old layer is deleted first, then the second entity fails: the delete is undone too
            store.replace_corpus_layer([entity, entity], {}, [], [], [])
        assert len(store.sources()) == 1
        assert store.documents() == []
        assert [e.id for e in store.entities()] == ["ent-1"] and store.events() == [event]
        assert [h["id"] for h in store.search("Anna")] == ["ent-1"]


def test_a_transaction_inside_another_is_part_of_it(backend):
    # removing a source and replacing the corpus layer are one write: an error in the second
    # must bring the source back, on either backend
    document, timex, mention, entity, group, event, conflict = _records()
    with open_store(backend.db) as store:
        store.add_source(_source(), [document], [timex], [mention], {"claims": []})
        store.replace_corpus_layer([entity], {("src-1", 5, 9): "ent-1"}, [group], [event], [conflict])
        with pytest.raises(backend.integrity_error):
            with store.transaction():
                store.remove_source("src-1")
                assert store.sources() == []  # the transaction sees its own writes
                store.replace_corpus_layer([entity, entity], {}, [], [], [])
        assert store.sources() == [_source()] and store.documents() == [document]
        assert store.layer("src-1", "claims") == [] and [e.id for e in store.entities()] == ["ent-1"]
        assert [h["id"] for h in store.search("arrived")] == ["doc-1"]
        with store.transaction():
            store.remove_source("src-1")
            store.replace_corpus_layer([], {}, [], [], [])
            store.set_meta("k", "v")
    with open_store(backend.db, create=False) as store:
        assert store.counts() == dict.fromkeys(store.counts(), 0)
        assert store.layer("src-1", "claims") is None and store.search("arrived") == []
        assert store.get_meta("k") == "v"


def test_reads_come_in_the_same_order_on_both_backends(backend):
    # text sorted byte-wise (as Python sorts) whatever the server's locale, ties broken by every
    # column: a backend's row order never reaches an export
    names = ["b.txt", "B.txt", "a.txt", "_z.txt", "é.txt", "Ä.txt"]
    with open_store(backend.db) as store:
        for i, name in enumerate(names):
            text = f"text {i}\n"
            source = Source(f"src-{i}", name, f"{i:064d}", "text/plain", text)
            store.add_source(source, [], [Timex(source.id, None, 0, 4, "text", t, "X") for t in "BA"],
                             [Mention(source.id, None, 0, 4, "text", t, "text", origin=o)
                              for t, o in (("place", "ner"), ("person", None), ("person", "ner"))])
        assert [s.name for s in store.sources()] == sorted(names)
        assert [(m.source, m.type, m.origin) for m in store.mentions()][:3] == \
            [("src-0", "person", ""), ("src-0", "person", "ner"), ("src-0", "place", "ner")]
        assert [t.type for t in store.timexes(source="src-0")] == ["A", "B"]


def test_missing_database_is_a_clear_error(backend):
    missing = backend.db.replace("q.db", "nope.db") if backend.name == "sqlite" else \
        backend.db.replace("/quellen_tests_", "/nope_")
    with pytest.raises(StoreError, match="no such database"):
        open_store(missing, create=False)


def test_foreign_database_is_refused(backend):
    backend.sql("CREATE TABLE x (a INTEGER)")
    with pytest.raises(StoreError, match="not quellen's"):
        open_store(backend.db)


def test_newer_schema_is_refused(backend):
    open_store(backend.db).close()
    backend.sql("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(StoreError, match="newer"):
        open_store(backend.db)


def test_a_read_only_store_refuses_writes(backend):
    open_store(backend.db).close()
    with open_store(backend.db, create=False, readonly=True) as store:
        assert store.counts()["sources"] == 0
        with pytest.raises((StoreError, sqlite3.OperationalError), match="read-?only|cannot write"):
            store.set_meta("k", "v")
    with open_store(backend.db) as store:
        assert store.get_meta("k") is None


def test_the_change_stamp_moves_with_a_write_from_another_process(backend):
    # the web app's cache key: a build writing while `quellen serve` reads
    open_store(backend.db).close()
    with open_store(backend.db, create=False, readonly=True) as reader:
        before = reader.change_stamp()
        assert reader.change_stamp() == before
        with open_store(backend.db) as writer:
            writer.add_source(_source(), [], [], [])
        assert reader.change_stamp() != before


def test_a_database_locked_by_another_writer_is_a_clear_error(backend, tmp_path, monkeypatch, capsys):
    # a second `quellen build` on a store another one is writing: was an OperationalError traceback
    from quellen.cli import main
    from quellen.store import base
    monkeypatch.setattr(base, "BUSY_SECONDS", 0.2)
    open_store(backend.db).close()
    letter = tmp_path / "note.txt"
    letter.write_text("Ghent, 4 May 1584.\n\nDear brother, the dyers are paid.\n\nPieter\n", encoding="utf-8")
    other = backend.raw()
    if backend.name == "sqlite":
        other.execute("BEGIN IMMEDIATE")
    else:
        from quellen.store.postgres import WRITE_LOCK
        other.execute("BEGIN")
        other.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
    try:
        with open_store(backend.db) as store:
            with pytest.raises(StoreError, match="another process is writing"):
                store.set_meta("k", "v")
            with pytest.raises(StoreError, match="another process is writing"):
                store.add_source(_source(), [], [], [])
        assert main(["build", str(letter), "--db", backend.db, "--set", "reuse.embeddings=false"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error:") and "another process is writing" in err
    finally:
        other.execute("ROLLBACK")
        other.close()
    with open_store(backend.db) as store:
        assert store.counts()["sources"] == 0 and store.get_meta("k") is None


def test_the_migrations_are_written_once_for_both_backends():
    # store/schema.py is their one home: a backend that kept its own list would drift from the other
    from quellen.store import postgres, schema, sqlite
    assert sqlite.MIGRATIONS == schema.migrations("sqlite")
    assert postgres.MIGRATIONS == schema.migrations("postgresql")
    lite, pg = schema.migrations("sqlite")[0], schema.migrations("postgresql")[0]
    assert 'COLLATE "C"' not in lite and 'sha256 TEXT COLLATE "C" NOT NULL UNIQUE' in pg
    with pytest.raises(ValueError, match="mysql"):
        schema.migrations("mysql")


def test_both_backends_migrate_to_the_same_tables_and_columns(tmp_path, postgres_db):
    # a migration added to one backend only fails here: the same schema version means the same schema
    from quellen.store import postgres
    assert postgres.SCHEMA_VERSION == SCHEMA_VERSION
    open_store(str(tmp_path / "q.db")).close()
    open_store(postgres_db).close()
    con = sqlite3.connect(tmp_path / "q.db")
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                        "AND name NOT LIKE 'search_index_%' ORDER BY name")]
    lite = {t: [r[1] for r in con.execute(f"PRAGMA table_info({t})")] for t in tables}
    con.close()
    pg = Backend("postgres", postgres_db).raw()
    rows = pg.execute("SELECT table_name, column_name FROM information_schema.columns "
                      "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position").fetchall()
    pg.close()
    columns: dict[str, list[str]] = {}
    for table, column in rows:
        if (table, column) != ("search_index", "terms"):  # PostgreSQL's tsvector: FTS5 keeps its own
            columns.setdefault(table, []).append(column)
    assert columns == lite


# -- SQLite only: a file on disk ------------------------------------------------------
def test_sqlite_a_store_from_before_document_heads_reads_its_sources_again(tmp_path):
    """Migration 4 adds Document.heads, which only reading a source fills: the next build reads every source
    again instead of keeping documents without heads."""
    path = tmp_path / "old.db"
    with open_store(path) as store:
        store.add_source(_source(), [_records()[0]], [], [], settings_hash="h1")
        assert store.has_sha256("0" * 64, "h1")
    con = sqlite3.connect(path)
    con.execute("ALTER TABLE documents DROP COLUMN heads")
    con.execute("UPDATE meta SET value='3' WHERE key='schema_version'")
    con.commit()
    con.close()
    with open_store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.documents()[0].heads == () and not store.has_sha256("0" * 64, "h1")


def _older_store(path, version: int) -> None:
    """Write a store of schema ``version`` as an older quellen did: its own migrations up to that
    version only, each with its version bump, and a source with one document stored at version 1."""
    from quellen.store.sqlite import MIGRATIONS, _split_sql
    con = sqlite3.connect(path, isolation_level=None)
    for number in range(version):
        con.execute("BEGIN")
        for statement in _split_sql(MIGRATIONS[number]):
            con.execute(statement)
        con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(number + 1),))
        if number == 0:
            con.execute("INSERT INTO sources(id, name, path, sha256, media_type, text, repairs, blocks) "
                        "VALUES ('s1', 'x.txt', '', 'abc', 'text/plain', 'alpha the floods came', '[]', '[]')")
            con.execute("INSERT INTO documents(id, source, char_start, char_end, kind, addressees, evidence) "
                        "VALUES ('d1', 's1', 6, 21, 'other', '[]', '[]')")
        con.execute("COMMIT")
    con.close()


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_sqlite_an_older_store_is_migrated_in_place_by_a_reading_command(tmp_path, capsys, version):
    from quellen import cli
    path = tmp_path / "old.db"
    _older_store(path, version)
    assert cli.main(["search", "flood", "--db", str(path)]) == 0
    assert "d1" in capsys.readouterr().out  # back-filled (version 2) and stemmed (version 5)
    with open_store(path, create=False, readonly=True) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [d.id for d in store.documents()] == ["d1"] and store.source("s1").text == "alpha the floods came"


def test_sqlite_an_older_store_opened_by_two_commands_at_once_is_migrated_once(tmp_path):
    """Two reading commands on an older store both saw its old version before either took the write
    lock; the second ran the steps the first had just run ("table search_index already exists")."""
    path = tmp_path / "old.db"
    _older_store(path, 1)
    with open_store(path, create=False) as store:
        store._migrate(1, readonly=False)  # the second command, late: the version is read again under the lock
        assert store.schema_version == SCHEMA_VERSION
        assert [h["id"] for h in store.search("flood")] == ["d1"]


def test_sqlite_a_store_that_cannot_be_migrated_is_refused_by_name_and_left_unchanged(tmp_path, capsys):
    from quellen import cli
    path = tmp_path / "odd.db"
    _older_store(path, SCHEMA_VERSION)
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value='1' WHERE key='schema_version'")  # says 1, holds version 2's table
    con.commit()
    con.close()
    before = path.read_bytes()
    assert cli.main(["documents", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path.name) in err and "schema version 1" in err and "build a new store" in err.lower()
    assert "Traceback" not in err
    con = sqlite3.connect(path)
    assert con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == ("1",)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)
    con.close()
    assert path.read_bytes() == before


def test_sqlite_a_store_that_records_no_schema_version_is_refused(tmp_path):
    path = tmp_path / "unversioned.db"
    _older_store(path, 2)
    con = sqlite3.connect(path)
    con.execute("DELETE FROM meta WHERE key='schema_version'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="records no schema version"):
        Store(path, create=False)
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)
    con.close()


def test_sqlite_not_a_database(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(path)
    # the read-only opening of the reading commands (documents, search, ...) raised sqlite3's own error
    with pytest.raises(StoreError, match="not a quellen database"):
        Store(path, create=False, readonly=True)
    assert path.read_bytes() == b"this is not sqlite" * 100


def test_sqlite_a_database_path_under_a_file_is_a_clear_error(tmp_path):
    # mkdir of the parent folder raised FileExistsError, a traceback instead of a message
    (tmp_path / "notes").write_text("a file, not a folder")
    with pytest.raises(StoreError, match="cannot create its folder"):
        Store(tmp_path / "notes" / "q.db")


def test_sqlite_a_folder_is_not_a_database(tmp_path):
    # was reported as "not a quellen database (unable to open database file)"
    with pytest.raises(StoreError, match="is a folder"):
        Store(tmp_path)
    with pytest.raises(StoreError, match="is a folder"):
        Store(tmp_path, create=False)


def test_sqlite_a_refused_database_is_left_as_it_was(tmp_path):
    # the WAL pragma used to run before the check, switching someone else's database to WAL
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE x (a)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not quellen's"):
        Store(path)
    assert path.read_bytes() == before
    assert not (tmp_path / "other.db-wal").exists()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()


def test_sqlite_a_writable_store_syncs_at_checkpoints_and_keeps_every_commit(tmp_path):
    # WAL with synchronous NORMAL: no disk flush per commit, and what a closed store committed is there
    path = tmp_path / "q.db"
    store = Store(path)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    store.set_meta("probe", "kept")
    store.close()
    assert Store(path, create=False).get_meta("probe") == "kept"

# -- PostgreSQL only: a server and its URL ----------------------------------------------------
def test_the_db_value_picks_the_backend(tmp_path, postgres_db):
    from quellen.store.postgres import PostgresStore
    assert is_postgres_url("postgresql://me@host/db") and is_postgres_url("POSTGRES://me@host/db")
    assert not is_postgres_url("postgresql.db") and not is_postgres_url(tmp_path / "postgresql:")
    with open_store(postgres_db) as store:
        assert isinstance(store, PostgresStore)
    with open_store(str(tmp_path / "q.db")) as store:
        assert isinstance(store, Store)


def test_postgres_a_server_that_is_not_there_is_a_clear_error(tmp_path):
    pytest.importorskip("psycopg")
    url = f"postgresql://someone:s3cret@/quellen?host={tmp_path}&connect_timeout=2"
    with pytest.raises(StoreError, match="cannot connect") as caught:
        open_store(url)
    assert "s3cret" not in str(caught.value) and "someone:***@" in str(caught.value)
    with pytest.raises(StoreError, match="cannot connect") as caught:
        open_store(f"postgresql://someone@/quellen?host={tmp_path}&password=s3cret&connect_timeout=2")
    assert "s3cret" not in str(caught.value) and "password=***" in str(caught.value)


def test_postgres_an_empty_database_without_create_is_not_a_store(postgres_db):
    with pytest.raises(StoreError, match="no quellen store"):
        open_store(postgres_db, create=False)


def test_postgres_a_schema_that_does_not_exist_is_a_clear_error(postgres_db):
    url = postgres_db.replace("search_path%3Dt_", "search_path%3Dnope_").replace("%2Cpublic", "")
    with pytest.raises(StoreError, match="no schema to keep the store in"):
        open_store(url)


def test_postgres_a_database_that_does_not_exist_is_created(postgres_server):
    # as `quellen build --db x.db` makes the file, from scratch: the database, unaccent, the tables
    url = postgres_server(f"quellen_new_{os.getpid()}")
    with open_store(url) as store:
        store.add_source(_source("Le duc écrivit au roi.\n"), [Document("d1", "src-1", 0, 22, "letter")], [], [])
        assert store.schema_version == SCHEMA_VERSION
        assert [h["id"] for h in store.search("ecrivit")] == ["d1"]


def test_postgres_builds_that_create_one_database_at_once_all_open_it(postgres_server):
    # two `quellen build --db postgresql://.../new` started together: PostgreSQL refused the later
    # CREATE DATABASE with a unique violation on pg_database (not DuplicateDatabase), and that build
    # stopped with "the database does not exist and cannot be created"
    import threading
    for round_ in range(3):
        url = postgres_server(f"quellen_race_{os.getpid()}_{round_}")
        start, errors, versions = threading.Barrier(4), [], []

        def build(url=url, start=start, errors=errors, versions=versions):
            start.wait()
            try:
                with open_store(url) as store:
                    versions.append(store.schema_version)
            except StoreError as exc:
                errors.append(str(exc))
        threads = [threading.Thread(target=build) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == [] and versions == [SCHEMA_VERSION] * 4


def test_postgres_an_old_store_is_migrated_and_its_search_back_filled(postgres_db):
    from quellen.store.postgres import MIGRATIONS
    con = Backend("postgres", postgres_db).raw()
    con.execute(MIGRATIONS[0])
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO sources(id, name, path, sha256, media_type, text, repairs, blocks) "
                "VALUES ('s1', 'x.txt', '', 'abc', 'text/plain', 'alpha beta gamma', '[]', '[]')")
    con.execute("INSERT INTO documents(id, source, char_start, char_end, kind, addressees, evidence) "
                "VALUES ('d1', 's1', 6, 10, 'other', '[]', '[]')")
    con.close()
    with pytest.raises(StoreError, match="needs migrating"):
        open_store(postgres_db, create=False, readonly=True)
    with open_store(postgres_db) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [h["id"] for h in store.search("beta")] == ["d1"]
        assert store.search("alpha") == []  # outside the document's span
        # a document stored before segmentation recorded heads has none
        assert store.document("d1").heads == ()


# -- end to end ----------------------------------------------------------------------------
@pytest.mark.slow
def test_the_sample_built_into_postgresql_exports_the_same_bytes_as_sqlite(tmp_path, postgres_db):
    # `quellen build examples/ --db postgresql://...` then `quellen export --format json`: byte for byte
    # the SQLite build's export, so no backend's row order or number type reaches the output
    from pathlib import Path
    from quellen.cli import main
    examples = Path(__file__).resolve().parents[1] / "examples"
    exports = []
    for db in (str(tmp_path / "q.db"), postgres_db):
        out = tmp_path / f"export-{len(exports)}.json"
        assert main(["build", str(examples), "--db", db, "--quiet", "--set", "reuse.embeddings=false"]) == 0
        assert main(["export", "--db", db, "--format", "json", "--output", str(out)]) == 0
        exports.append(out.read_bytes())
    assert exports[0] == exports[1]
    data = json.loads(exports[1])
    assert len(data["sources"]) == 7 and data["events"] and data["conflicts"]
    with open_store(postgres_db, create=False) as store:
        assert store.counts()["sources"] == 7 and store.builds()[0]["added"] == 7
