"""The command line's views, on small hand-made stores."""
from __future__ import annotations

from contextlib import nullcontext

from quellen import cli
from quellen.model import Entity, Geo, Span


class _Store:
    """Stands in for a store: the entities view only asks for its entities."""

    def __init__(self, entities):
        self._entities = entities

    def entities(self, type=None):
        return [e for e in self._entities if type is None or e.type == type]


def test_entities_view_says_when_a_point_is_the_town_not_the_street(monkeypatch, capsys):
    town = Geo(53.481, -2.237, "geonames", "2643123", "Manchester", "GB")
    street = Entity("ent-1", "place", "Lower Brook Street", ("Lower Brook Street",), (Span("s", 0, 18, "d"),),
                    geo=Geo(53.481, -2.237, "geonames", "2643123", "Manchester", "GB", precision="settlement"))
    city = Entity("ent-2", "place", "Manchester", ("Manchester",), (Span("s", 20, 30, "d"),), geo=town)
    monkeypatch.setattr(cli, "_open", lambda db: nullcontext(_Store([street, city])))
    monkeypatch.setenv("COLUMNS", "200")
    assert cli.main(["entities", "--db", "unused.db"]) == 0
    lines = capsys.readouterr().out.splitlines()
    street_row = next(line for line in lines if "ent-1" in line)
    city_row = next(line for line in lines if "ent-2" in line)
    assert "≈ Manchester: placed at the town it is in" in street_row
    assert "≈" not in city_row


class _EventStore:
    """Stands in for a store: the timeline view asks for the events overlapping its bounds."""

    def __init__(self):
        self.asked = []

    def events(self, earliest=None, latest=None):
        self.asked.append((earliest, latest))
        return []


def test_timeline_bounds_take_a_year_a_month_or_a_day(monkeypatch, capsys):
    store = _EventStore()
    monkeypatch.setattr(cli, "_open", lambda db: nullcontext(store))
    assert cli.main(["timeline", "--db", "x.db", "--from", "1847-04-13", "--to", "1847-04"]) == 0
    assert cli.main(["timeline", "--db", "x.db", "--from", "1847", "--to", "1848-02"]) == 0
    assert cli.main(["timeline", "--db", "x.db"]) == 0
    assert store.asked == [("1847-04-13", "1847-04-30"), ("1847-01-01", "1848-02-29"), (None, None)]


def test_timeline_bound_that_is_no_date_is_refused_with_its_shape(capsys):
    import pytest
    with pytest.raises(SystemExit) as err:
        cli.main(["timeline", "--db", "x.db", "--from", "April 1847"])
    assert err.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def _built(tmp_path):
    """Return the path of a store built from two small invented files (real build, no embeddings)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Vel'kovo, 3 June 1764.\n\nMost gracious Count,\n\nThe harvest is in and the "
                                  "mill is mended. The carpenter Ondrej asks for his wages.\n\nYour humble steward,\n"
                                  "Pavol Kres\n", encoding="utf-8")
    (folder / "b.md").write_text("# A note\n\nThe mill at Vel'kovo was mended in the first days of June 1764.\n",
                                 encoding="utf-8")
    db = tmp_path / "q.db"
    assert cli.main(["build", str(folder), "--db", str(db), "-q", "--set", "reuse.embeddings=false"]) == 0
    return folder, db


def test_search_prints_the_stores_hits_with_ids_and_snippets(tmp_path, capsys, monkeypatch):
    import json
    folder, db = _built(tmp_path)
    capsys.readouterr()
    monkeypatch.setenv("COLUMNS", "200")
    assert cli.main(["search", "carpenter", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    [row] = [line for line in out.splitlines() if "doc-" in line]
    assert "a.txt" in row and "The carpenter Ondrej" in row
    assert cli.main(["search", "mill", "--db", str(db), "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert sorted(h["source_name"] for h in hits) == ["a.txt", "b.md"]
    assert all(h["kind"] == "document" and h["id"].startswith("doc-") and h["matched"] == ["mill"]
               and "\x02" not in h["snippet"] for h in hits)
    assert cli.main(["search", "Kres", "--db", str(db), "--kind", "entity", "--json"]) == 0
    assert [h["title"] for h in json.loads(capsys.readouterr().out)] == ["Pavol Kres"]
    assert cli.main(["search", "mill", "--db", str(db), "--limit", "1", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
    assert cli.main(["search", "nowhere", "--db", str(db)]) == 0
    assert "no hits for 'nowhere'" in capsys.readouterr().err


def test_remove_prints_the_paths_it_removed_and_refuses_a_path_it_does_not_hold(tmp_path, capsys):
    folder, db = _built(tmp_path)
    capsys.readouterr()
    before = db.read_bytes()
    # a path that names no stored source: said, by name, with what the store holds; nothing changes
    assert cli.main(["remove", str(folder / "c.txt"), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "c.txt" in err and "no source" in err and str(folder / "a.txt") in err
    assert db.read_bytes() == before
    assert cli.main(["remove", str(folder / "b.md"), "--db", str(db), "--set", "reuse.embeddings=false"]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == f"removed {folder / 'b.md'}" and lines[1].startswith("1 source removed")


def test_report_says_where_it_wrote_when_it_added_the_suffix(tmp_path, capsys):
    folder, db = _built(tmp_path)
    capsys.readouterr()
    assert cli.main(["report", "--db", str(db), "-o", str(tmp_path / "summary")]) == 0
    said = capsys.readouterr().err.strip()
    assert said == f"wrote {tmp_path / 'summary.html'} (.html added: the report is a web page)"
    assert (tmp_path / "summary.html").is_file() and not (tmp_path / "summary").exists()
    assert cli.main(["report", "--db", str(db), "-o", str(tmp_path / "r.html")]) == 0
    assert capsys.readouterr().err.strip() == f"wrote {tmp_path / 'r.html'}"


def test_timeline_bounds_the_wrong_way_round_are_refused(monkeypatch, capsys):
    # "--from 1875 --to 1870" printed an empty timeline, as if nothing had happened
    store = _EventStore()
    monkeypatch.setattr(cli, "_open", lambda db: nullcontext(store))
    assert cli.main(["timeline", "--db", "x.db", "--from", "1875", "--to", "1870"]) == 2
    assert "--from 1875 is after --to 1870" in capsys.readouterr().err and store.asked == []
    assert cli.main(["timeline", "--db", "x.db", "--from", "1847-04-13", "--to", "1847-04-13"]) == 0


class _PeopleStore(_EventStore):
    label = "x.db"

    def entities(self, type=None):
        return [Entity("ent-1", "person", "Ann Ferrer", ("Ann Ferrer", "Mrs. Ferrer"), (Span("s", 0, 10, "d"),))]


def test_timeline_of_a_person_nobody_is_called_says_so(monkeypatch, capsys):
    # a misspelt name ("Ferer") printed an empty timeline, as if the person had done nothing
    monkeypatch.setattr(cli, "_open", lambda db: nullcontext(_PeopleStore()))
    assert cli.main(["timeline", "--db", "x.db", "--person", "Ferer"]) == 2
    assert "no one called 'Ferer' in x.db" in capsys.readouterr().err
    # a person the store knows, with no event in the bounds, is an empty timeline, not an error
    assert cli.main(["timeline", "--db", "x.db", "--person", "Ferrer"]) == 0


def test_timeline_bound_on_a_day_no_month_has_is_refused(capsys):
    import pytest
    with pytest.raises(SystemExit) as err:
        cli.main(["timeline", "--db", "x.db", "--from", "1873-02-30"])
    assert err.value.code == 2 and "February 1873 has no day 30" in capsys.readouterr().err


def test_an_unknown_option_is_refused_with_the_commands_own_usage(capsys):
    import pytest
    with pytest.raises(SystemExit) as err:
        cli.main(["build", "letters/", "--db", "x.db", "--frobnicate"])
    assert err.value.code == 2
    message = capsys.readouterr().err
    assert "quellen build: error: unrecognized arguments: --frobnicate" in message
    assert "usage: quellen build" in message


class _DocumentStore:
    """Stands in for a store: the documents view asks for the documents and the sources' texts."""

    def __init__(self, source, documents):
        self._source, self._documents = source, documents

    def documents(self, kind=None):
        return [d for d in self._documents if kind is None or d.kind == kind]

    def sources(self):
        return [self._source]


def test_the_documents_list_says_how_each_date_was_reached(monkeypatch, capsys):
    import datetime as dt
    from quellen.model import Date, DateBasis, Document, Source
    text = "May 3. Rain. Mr. Tolley called.\n\n4 May 1761. Fair.\n\nA note."
    source = Source("src-1", "diary.txt", "0" * 64, "text/plain", text)
    day = dt.date(1761, 5, 3)
    filled = Date("May 3", "1761-05-03", day, day, "day", rule="the file's metadata",
                  basis=DateBasis.YEAR_FROM_CONTEXT)
    stated = Date("4 May 1761", "1761-05-04", dt.date(1761, 5, 4), dt.date(1761, 5, 4), "day")
    docs = [Document("doc-a", "src-1", 0, 31, "diary", date=filled), Document("doc-b", "src-1", 33, 50, "diary",
                                                                             date=stated),
            Document("doc-c", "src-1", 52, 59, "other")]
    monkeypatch.setattr(cli, "_open", lambda db: nullcontext(_DocumentStore(source, docs)))
    monkeypatch.setenv("COLUMNS", "200")
    assert cli.main(["documents", "--db", "unused.db"]) == 0
    rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()[1:]}
    assert "3 May 1761  partly inferred" in rows["doc-a"]
    assert "4 May 1761  stated" in rows["doc-b"]
    assert "stated" not in rows["doc-c"] and "inferred" not in rows["doc-c"]


def test_a_build_interrupted_between_two_sources_says_so_keeps_the_first_whole_and_a_rerun_finishes(
        tmp_path, capsys, monkeypatch, any_db):
    # Ctrl-C half-way through `quellen build` (on SQLite and on PostgreSQL): it ended in silence
    # with exit 130; the store must hold the sources stored before it, each whole, and the same
    # build run again must finish it into the store a build never interrupted makes
    from quellen import export_dict
    from quellen.store import open_store
    from quellen.store.base import SQLStore
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, (town, writer) in enumerate((("Harrowfield", "Tobias Wrenn"), ("Cullerby", "Agnes Pell"),
                                        ("Marlow Cross", "Jonah Stirk"))):
        (folder / f"{i}.txt").write_text(f"{town}, {i + 3} May 1871.\n\nSir,\n\nThe sluice at {town} is broken and "
                                         f"the meadows are under water.\n\nYour servant,\n{writer}\n", encoding="utf-8")
    args = ["build", str(folder), "--workers", "1", "--set", "reuse.embeddings=false"]
    whole = str(tmp_path / "whole.db")
    assert cli.main([*args, "--db", whole, "-q"]) == 0
    stored = SQLStore.add_source
    calls = []

    def add_source(self, *a, **k):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return stored(self, *a, **k)
    monkeypatch.setattr(SQLStore, "add_source", add_source)
    capsys.readouterr()
    assert cli.main([*args, "--db", any_db]) == 130
    err = capsys.readouterr().err
    assert err.startswith("interrupted: ") and "run the same `quellen build` again" in err
    with open_store(any_db, create=False) as store:
        assert store.counts()["sources"] == 1 and store.corpus_layer_state() == "missing"
    monkeypatch.setattr(SQLStore, "add_source", stored)
    assert cli.main([*args, "--db", any_db, "-q"]) == 0
    with open_store(any_db, create=False) as store, open_store(whole, create=False) as reference:
        assert export_dict(store) == export_dict(reference)
