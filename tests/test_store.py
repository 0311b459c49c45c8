import datetime as dt
import sqlite3

import pytest

from quellen.errors import StoreError
from quellen.model import (Attestation, Conflict, Date, Document, Entity, Event, Geo, Mention, Reading,
                           Passage, Ref, ReuseGroup, Source, Timex)
from quellen.store import SCHEMA_VERSION, Store


def _source(text="Dear Anna,\nWe arrived.\n"):
    return Source(id="src-1", name="a.txt", sha256="0" * 64, media_type="text/plain", text=text)


def _date():
    return Date("May 3, 1801", "1801-05-03", dt.date(1801, 5, 3), dt.date(1801, 5, 3), "day")


def test_round_trip_of_every_record(tmp_path):
    source = _source()
    document = Document(id="doc-1", source="src-1", char_start=0, char_end=22, kind="letter",
                        title="To Anna", author=Ref("Ivo"), addressees=(Ref("Anna"),), date=_date(),
                        place=Ref("Graz"), primary=True, evidence=("salutation",))
    timex = Timex("src-1", "doc-1", 0, 4, "Dear", "DATE", "1801-05-03", _date(), "rule", None)
    mention = Mention("src-1", "doc-1", 5, 9, "Anna", "person", "Anna")
    entity = Entity("ent-1", "person", "Anna", ("Anna",), geo=Geo(1.0, 2.0, "geonames", "42"),
                    authority={"wikidata": "Q1"}, merge_reasons=("x",))
    group = ReuseGroup("reu-1", "verbatim", 0.9, (Passage("src-1", "doc-1", 0, 4),
                                                  Passage("src-1", "doc-1", 5, 9)))
    event = Event("evt-1", _date(), "arrived", ("ent-1",), None,
                  (Attestation("src-1", "doc-1", 11, 22, "We arrived."),), 1, ("con-1",))
    conflict = Conflict("con-1", "date", "x", (Reading("src-1", "doc-1", 0, 4, "a"),
                                               Reading("src-1", "doc-1", 5, 9, "b")), ("evt-1",))
    with Store(tmp_path / "q.db") as store:
        store.add_source(source, [document], [timex], [mention], {"layer": [1, 2]})
        store.replace_corpus_layer([entity], {("src-1", 5, 9): "ent-1"}, [group], [event], [conflict])
    with Store(tmp_path / "q.db", create=False) as store:
        assert store.sources() == [source]
        assert store.documents() == [document]
        assert store.timexes() == [timex]
        assert store.mentions()[0].entity == "ent-1"
        got = store.entity("ent-1")
        assert got.geo == entity.geo and got.authority == {"wikidata": "Q1"}
        assert len(got.mentions) == 1
        assert store.reuse_groups() == [group]
        assert store.events() == [event]
        assert store.conflicts() == [conflict]
        assert store.layer("src-1", "layer") == [1, 2]


def test_failed_write_leaves_store_unchanged(tmp_path):
    with Store(tmp_path / "q.db") as store:
        store.add_source(_source(), [], [], [])
        bad = Document(id="doc-1", source="src-1", char_start=0, char_end=1, kind="letter")
        with pytest.raises(sqlite3.IntegrityError):
            # the same document id twice violates the primary key mid-transaction
            store.add_source(_source(), [bad, bad], [], [])
        assert len(store.sources()) == 1
        assert store.documents() == []


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "nope.db", create=False)


def test_foreign_sqlite_is_refused(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE x (a)")
    con.close()
    with pytest.raises(StoreError, match="not quellen's"):
        Store(path)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "q.db"
    Store(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION + 1),))
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_not_a_database(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(path)


def test_a_database_path_under_a_file_is_a_clear_error(tmp_path):
    # mkdir of the parent folder raised FileExistsError, a traceback instead of a message
    (tmp_path / "notes").write_text("a file, not a folder")
    with pytest.raises(StoreError, match="cannot create its folder"):
        Store(tmp_path / "notes" / "q.db")


def test_a_folder_is_not_a_database(tmp_path):
    # was reported as "not a quellen database (unable to open database file)"
    with pytest.raises(StoreError, match="is a folder"):
        Store(tmp_path)
    with pytest.raises(StoreError, match="is a folder"):
        Store(tmp_path, create=False)


def test_a_refused_database_is_left_as_it_was(tmp_path):
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


def test_a_database_locked_by_another_writer_is_a_clear_error(tmp_path, monkeypatch, capsys):
    # a second `quellen build` on a store another one is writing: was an OperationalError traceback
    from quellen.cli import main
    from quellen.store import sqlite as store_module
    monkeypatch.setattr(store_module, "BUSY_SECONDS", 0.2)
    path = tmp_path / "q.db"
    Store(path).close()
    letter = tmp_path / "note.txt"
    letter.write_text("Ghent, 4 May 1584.\n\nDear brother, the dyers are paid.\n\nPieter\n", encoding="utf-8")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with Store(path) as store:
            with pytest.raises(StoreError, match="another process is writing"):
                store.set_meta("k", "v")
            with pytest.raises(StoreError, match="another process is writing"):
                store.add_source(_source(), [], [], [])
        assert main(["build", str(letter), "--db", str(path), "--set", "reuse.embeddings=false"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error:") and str(path) in err and "another process is writing" in err
    finally:
        other.execute("ROLLBACK")
        other.close()
    with Store(path) as store:
        assert store.counts()["sources"] == 0 and store.get_meta("k") is None
