"""The store's full-text search (SQLite's FTS5 index, PostgreSQL's tsvector column), on both
backends: filled with sources and entities, kept in step when a source is replaced or removed,
back-filled for a store made before it existed, stemming English words (also in a store indexed
before it did), and answering any query."""
from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings, strategies as st

from quellen.model import Document, Entity, Source
from quellen.store import Store, open_store
from quellen.store.sqlite import MIGRATIONS, _split_sql

TEXT = "Le duc de Brissac écrivit au roi depuis Angers.\n\nThe bishop of Angers replied in Latin."


def _source(text=TEXT, name="a.txt"):
    import hashlib
    sha = hashlib.sha256(text.encode()).hexdigest()
    return Source(Source.make_id(sha), name, sha, "text/plain", text)


def _docs(source):
    cut = source.text.index("\n\n")
    return [Document(Document.make_id(source.id, 0, cut), source.id, 0, cut, "letter", title="Au roi"),
            Document(Document.make_id(source.id, cut + 2, len(source.text)), source.id, cut + 2,
                     len(source.text), "narrative")]


def test_documents_and_entities_are_found(any_db):
    with open_store(any_db) as store:
        source = _source()
        store.add_source(source, _docs(source), [], [])
        store.replace_corpus_layer([Entity("ent-b", "person", "Duc de Brissac", ("Brissac",))], {}, [], [], [])
        assert [h["kind"] for h in store.search("Angers")] == ["document", "document"]
        assert store.search("ecrivit")[0]["kind"] == "document"  # diacritics folded
        assert store.search("roi")[0]["title"] == "Au roi"
        hit = store.search("Brissac")[0]
        assert (hit["kind"], hit["id"]) == ("entity", "ent-b")
        assert "\x02Brissac\x03" in store.search("Brissac")[1]["snippet"]
        store.replace_corpus_layer([], {}, [], [], [])
        assert [h["kind"] for h in store.search("Brissac")] == ["document"]


def test_replacing_and_removing_a_source_keeps_the_index_in_step(any_db):
    with open_store(any_db) as store:
        source = _source()
        store.add_source(source, _docs(source), [], [])
        store.add_source(source, _docs(source), [], [])
        assert len(store.search("bishop")) == 1
        store.remove_source(source.id)
        assert store.search("bishop") == []


def test_old_store_is_back_filled(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for statement in _split_sql(MIGRATIONS[0]):
        db.execute(statement)
    db.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    db.execute("INSERT INTO sources(id, name, path, sha256, media_type, text, repairs, blocks) "
               "VALUES ('s1', 'x.txt', '', 'abc', 'text/plain', 'alpha beta gamma', '[]', '[]')")
    db.execute("INSERT INTO documents(id, source, char_start, char_end, kind, addressees, evidence) "
               "VALUES ('d1', 's1', 6, 10, 'other', '[]', '[]')")
    db.commit()
    db.close()
    with Store(path) as store:
        assert [h["id"] for h in store.search("beta")] == ["d1"]
        assert store.search("alpha") == []  # outside the document's span
        # migrated to a store whose documents carry their heads: an old one has none until read again
        assert store.document("d1").heads == ()


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def searched(request, tmp_path_factory):
    """Return an open store on each backend holding the two documents of ``TEXT``."""
    db = str(tmp_path_factory.mktemp("search") / "s.db") if request.param == "sqlite" else \
        request.getfixturevalue("new_postgres_db")()
    with open_store(db) as store:
        source = _source()
        store.add_source(source, _docs(source), [], [])
        yield store


@given(q=st.text(max_size=30))
@settings(max_examples=80, deadline=None)
def test_any_query_is_answered_without_error(searched, q):
    hits = searched.search(q, limit=5)
    assert isinstance(hits, list) and len(hits) <= 5


@pytest.mark.parametrize("q", ['"bishop', "(bishop", "bishop)", "bishop*", "bishop\x00"])
def test_a_query_with_stray_syntax_still_finds_its_word(searched, q):
    # FTS5 retries a query it cannot parse as plain words; PostgreSQL's web-search syntax takes any text
    hits = searched.search(q)
    assert [h["kind"] for h in hits] == ["document"] and "\x02bishop\x03" in hits[0]["snippet"]


def test_hits_of_one_kind_only_fill_the_limit(any_db):
    with open_store(any_db) as store:
        source = _source()
        store.add_source(source, _docs(source), [], [])
        store.replace_corpus_layer([Entity("ent-a", "place", "Angers", ("Angers",))], {}, [], [], [])
        assert sorted(h["kind"] for h in store.search("Angers")) == ["document", "document", "entity"]
        assert [h["kind"] for h in store.search("Angers", limit=1, kind="entity")] == ["entity"]
        assert [h["kind"] for h in store.search("Angers", kind="document")] == ["document", "document"]


STEMMED = "The Floods at Millbury\n\nWe were walking by the river when the water rose."


def _stemmed_docs(source):
    cut = source.text.index("\n\n")
    return [Document(Document.make_id(source.id, 0, cut), source.id, 0, cut, "newspaper",
                     title="The Floods at Millbury"),
            Document(Document.make_id(source.id, cut + 2, len(source.text)), source.id, cut + 2,
                     len(source.text), "narrative")]


def _assert_stemmed_search(store, title_id, body_id):
    assert [h["id"] for h in store.search("flood")] == [title_id]  # "Floods" in the title
    assert [h["id"] for h in store.search("walked")] == [body_id]  # "walking" in the body
    assert "\x02walking\x03" in store.search("walked")[0]["snippet"]
    assert [h["id"] for h in store.search('"river when the water"')] == [body_id]  # a phrase
    assert store.search('"water when the river"') == []


def test_search_finds_the_other_forms_of_a_word(any_db):
    with open_store(any_db) as store:
        source = _source(STEMMED)
        docs = _stemmed_docs(source)
        store.add_source(source, docs, [], [])
        _assert_stemmed_search(store, docs[0].id, docs[1].id)


def test_sqlite_prefix_queries_still_work_on_the_stemmed_index(tmp_path):
    with open_store(str(tmp_path / "q.db")) as store:
        source = _source(STEMMED)
        docs = _stemmed_docs(source)
        store.add_source(source, docs, [], [])
        assert [h["id"] for h in store.search("Millb*")] == [docs[0].id]
        assert [h["id"] for h in store.search("walk*")] == [docs[1].id]


def test_a_store_of_schema_version_4_is_stemmed_when_opened(any_db):
    # an index made before stemming: opening the store indexes its rows again, stemmed
    from quellen.store import SCHEMA_VERSION, postgres, sqlite as lite
    head, body = STEMMED.split("\n\n")
    rows = [("document", "d-head", "s1", "The Floods at Millbury", head), ("document", "d-body", "s1", "", body),
            ("entity", "ent-w", "", "Walkers Flood", "")]
    if any_db.endswith(".db"):
        con, mark, migrations = sqlite3.connect(any_db), "?", lite.MIGRATIONS
        before = "SELECT ref FROM search_index WHERE search_index MATCH 'flood'"
    else:
        import psycopg
        con, mark, migrations = psycopg.connect(any_db), "%s", postgres.MIGRATIONS
        before = "SELECT ref FROM search_index WHERE terms @@ websearch_to_tsquery('quellen_search', 'flood')"
    for migration in migrations[:4]:
        for statement in _split_sql(migration):
            con.execute(statement)
    con.execute("INSERT INTO meta VALUES ('schema_version', '4')")
    for row in rows:
        con.execute(f"INSERT INTO search_index(kind, ref, source, title, body) VALUES ({', '.join([mark] * 5)})", row)
    assert [r[0] for r in con.execute(before).fetchall()] == ["ent-w"]  # "Flood" only, not "Floods"
    con.commit()
    con.close()
    with open_store(any_db) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert sorted(h["id"] for h in store.search("flood")) == ["d-head", "ent-w"]
        assert [h["id"] for h in store.search("walked")] == ["d-body"]
        assert [h["id"] for h in store.search('"river when the water"')] == ["d-body"]


def test_a_word_left_out_and_a_prefix_give_the_same_hits_on_both_backends(searched):
    # `-word` on SQLite was retried as plain words and found the documents that HAVE the word;
    # `word*` on PostgreSQL was read as the whole word `word` and found nothing
    letter, narrative = (h["id"] for h in sorted(searched.search("Angers"), key=lambda h: h["title"] != "Au roi"))
    assert [h["id"] for h in searched.search("Angers -bishop")] == [letter]
    assert [h["id"] for h in searched.search("-bishop Angers")] == [letter]
    assert [h["id"] for h in searched.search("Angers -bishop -duc")] == []
    assert [h["id"] for h in searched.search("bish*")] == [narrative]
    assert "\x02bishop\x03" in searched.search("bish*")[0]["snippet"]
    assert [h["id"] for h in searched.search("Angers Lat*")] == [narrative]
