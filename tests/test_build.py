"""Incremental, idempotent builds: same input, same store, same ids, same export bytes."""
from __future__ import annotations

import sqlite3

import pytest

from quellen import Settings, build, open_store, remove
from quellen.cli import main

from conftest import SEED_TEXT

#: the corpus-wide sentence embeddings are not what these tests are about
FAST = Settings().with_overrides({"reuse.embeddings": False})

LETTERS = {
    "a_letter.txt": "Vel'kovo, 3 June 1764.\n\nMost gracious Count,\n\nThe harvest is in and the mill "
                    "is mended. The carpenter Ondrej asks for his wages.\n\nYour humble steward,\nPavol Kres\n",
    "b_diary.html": "<html><body><h2>June 4th, 1764.</h2><p>Rain. The Count's steward came by the lower "
                    "road and asked after the mill.</p><h2>June 5th, 1764.</h2><p>Fair. Mended the "
                    "fence.</p></body></html>",
    "sub/c_note.md": "# A note\n\nThe mill at Vel'kovo was mended in the first days of June 1764.\n",
}


def make_corpus(folder, files=LETTERS):
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def dump(db) -> list[str]:
    con = sqlite3.connect(str(db))
    try:
        return [line for line in con.iterdump() if "INTO \"builds\"" not in line and "INTO builds" not in line]
    finally:
        con.close()


@pytest.fixture
def counted(monkeypatch):
    """Return a list that records the name of every source the pipeline analyses."""
    from quellen import pipeline
    seen: list[str] = []
    real = pipeline.analyse_source

    def analyse(source, settings):
        seen.append(source.name)
        return real(source, settings)

    monkeypatch.setattr(pipeline, "analyse_source", analyse)
    return seen


def test_building_the_same_input_twice_stores_nothing_twice(tmp_path, counted):
    corpus = make_corpus(tmp_path / "corpus")
    db = tmp_path / "q.db"
    with open_store(db) as store:
        first = build([str(corpus)], store, FAST)
        ids = ([s.id for s in store.sources()], [d.id for d in store.documents()])
    before = dump(db)
    assert first.ok and len(first.added) == 3 and sorted(counted) == ["a_letter.txt", "b_diary.html", "c_note.md"]
    with open_store(db) as store:
        second = build([str(corpus)], store, FAST)
        assert ([s.id for s in store.sources()], [d.id for d in store.documents()]) == ids
    assert second.ok and second.added == [] and len(second.unchanged) == 3
    assert not second.corpus_rebuilt  # a second build of unchanged files does no work
    assert len(counted) == 3
    assert dump(db) == before


def test_identical_bytes_under_two_names_are_one_source(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / "copy_of_a.txt").write_text(LETTERS["a_letter.txt"], encoding="utf-8")
    with open_store(tmp_path / "q.db") as store:
        report = build([str(corpus)], store, FAST)
        assert report.ok and len(report.added) == 3 and report.unchanged == [str(corpus / "copy_of_a.txt")]
        assert store.counts()["sources"] == 3


def test_adding_a_file_processes_only_that_file(tmp_path, counted):
    corpus = make_corpus(tmp_path / "corpus")
    db = tmp_path / "q.db"
    with open_store(db) as store:
        build([str(corpus)], store, FAST)
        old_ids = {d.id for d in store.documents()}
    counted.clear()
    new = corpus / "sub" / "d_receipt.txt"
    new.write_text("Received of Pavol Kres the sum of four florins for timber.\nVel'kovo, 9 June 1764.\n"
                   "Ondrej Hlina, carpenter\n", encoding="utf-8")
    with open_store(db) as store:
        report = build([str(corpus)], store, FAST)
        assert report.added == [str(new)] and len(report.unchanged) == 3
        assert report.corpus_rebuilt
        assert counted == ["d_receipt.txt"]
        assert old_ids < {d.id for d in store.documents()}
        assert store.counts()["sources"] == 4


def test_an_edited_file_is_a_new_source_and_the_build_says_the_old_one_stays(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    db = tmp_path / "q.db"
    with open_store(db) as store:
        first = build([str(corpus)], store, FAST)
        assert first.warnings == []
    letter = corpus / "a_letter.txt"
    letter.write_text(LETTERS["a_letter.txt"].replace("mended", "repaired"), encoding="utf-8")
    with open_store(db) as store:
        report = build([str(corpus)], store, FAST)
        assert report.added == [str(letter)] and store.counts()["sources"] == 4
    [warning] = report.warnings
    assert warning.startswith(f"{letter}: the store also holds an earlier version of this file (src-")
    assert "fresh store" in warning
    # ... and how to take the earlier one out
    old = warning.split("(", 1)[1].split(")", 1)[0]
    assert f"`quellen remove {old} --db DB`" in warning
    with open_store(db) as store:
        assert remove([old], store, FAST).removed == {old: str(letter)}
        assert [s.path for s in store.sources() if s.name == "a_letter.txt"] == [str(letter)]
        assert store.counts()["sources"] == 3


def test_changed_settings_reanalyse_in_place(tmp_path, counted):
    corpus = make_corpus(tmp_path / "corpus")
    db = tmp_path / "q.db"
    with open_store(db) as store:
        build([str(corpus)], store, FAST)
        source_ids = [s.id for s in store.sources()]
    counted.clear()
    other = FAST.with_overrides({"ingest.html_boilerplate_removal": False})
    with open_store(db) as store:
        report = build([str(corpus)], store, other)
        assert len(report.added) == 3 and len(counted) == 3
        assert [s.id for s in store.sources()] == source_ids  # replaced, not duplicated
        assert store.builds()[-1]["settings"] is not None


def test_changed_reuse_settings_redo_the_corpus_layer_only(tmp_path, counted):
    # reuse settings are read by the corpus step alone; they used to re-parse every source
    corpus = make_corpus(tmp_path / "corpus")
    db = tmp_path / "q.db"
    with open_store(db) as store:
        build([str(corpus)], store, FAST)
    counted.clear()
    with open_store(db) as store:
        report = build([str(corpus)], store, FAST.with_overrides({"reuse.ngram": 4}))
        assert report.added == [] and len(report.unchanged) == 3 and counted == []
        assert report.corpus_rebuilt  # ... but the corpus layer does follow them
        again = build([str(corpus)], store, FAST.with_overrides({"reuse.ngram": 4}))
        assert not again.corpus_rebuilt


def test_an_interrupted_corpus_step_is_finished_by_the_next_build(tmp_path, monkeypatch):
    # a build killed after storing its sources but before the corpus layer: the next build,
    # although every file is unchanged, must still compute entities, reuse and events
    from quellen import pipeline
    corpus = make_corpus(tmp_path / "corpus")
    complete = tmp_path / "complete.db"
    with open_store(complete) as store:
        build([str(corpus)], store, FAST)
        expected = store.counts()
    real = pipeline.build_corpus_layer

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "build_corpus_layer", interrupted)
    db = tmp_path / "q.db"
    with open_store(db) as store, pytest.raises(KeyboardInterrupt):
        build([str(corpus)], store, FAST)
    with open_store(db) as store:
        assert store.counts()["sources"] == 3 and store.counts()["entities"] == 0
    monkeypatch.setattr(pipeline, "build_corpus_layer", real)
    with open_store(db) as store:
        report = build([str(corpus)], store, FAST)
        assert report.added == [] and report.corpus_rebuilt
        assert store.counts() == expected
    assert cli_export(db, tmp_path / "a.json") == cli_export(complete, tmp_path / "b.json")


def cli_export(db, out):
    assert main(["export", "--db", str(db), "--format", "json", "--output", str(out)]) == 0
    return out.read_bytes()


def test_two_fresh_builds_give_byte_identical_exports(tmp_path, capsys):
    corpus = make_corpus(tmp_path / "corpus")
    exports = []
    for n in (1, 2):
        db = tmp_path / f"q{n}.db"
        assert main(["build", str(corpus), "--db", str(db), "-q", "--set", "reuse.embeddings=false"]) == 0
        exports.append(cli_export(db, tmp_path / f"out{n}.json"))
    assert exports[0] == exports[1]
    assert cli_export(tmp_path / "q1.db", tmp_path / "again.json") == exports[0]


def test_build_and_export_do_not_depend_on_the_order_of_the_paths(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    files = sorted(str(p) for p in corpus.rglob("*") if p.is_file())
    exports = []
    for n, order in enumerate((files, files[::-1])):
        db = tmp_path / f"q{n}.db"
        with open_store(db) as store:
            assert build(order, store, FAST).ok
        exports.append(cli_export(db, tmp_path / f"out{n}.json"))
    assert exports[0] == exports[1]


# -- the seed -------------------------------------------------------------------------------
def test_seed_rebuild_does_no_work_and_exports_the_same_bytes(seed_build, tmp_path, counted):
    import json
    db, data = seed_build
    with open_store(db) as store:
        report = build([str(SEED_TEXT)], store)
    assert report.ok and report.added == [] and report.unchanged == [str(SEED_TEXT)]
    assert not report.corpus_rebuilt and counted == []
    first = cli_export(db, tmp_path / "one.json")
    second = cli_export(db, tmp_path / "two.json")
    assert first == second
    assert json.loads(first) == json.loads(json.dumps(data))


@pytest.mark.slow
def test_seed_built_twice_from_scratch_gives_byte_identical_exports(seed_build, tmp_path):
    db, _ = seed_build
    fresh = tmp_path / "fresh.db"
    assert main(["build", str(SEED_TEXT), "--db", str(fresh), "-q"]) == 0
    assert cli_export(fresh, tmp_path / "fresh.json") == cli_export(db, tmp_path / "session.json")


def test_the_authority_file_stays_in_force_for_later_builds(tmp_path):
    # a build that added one file without --authority used to rebuild the corpus without the pins;
    # and every build given --authority redid the corpus layer even when nothing had changed
    import json
    corpus = make_corpus(tmp_path / "corpus")
    authority = tmp_path / "authority.json"
    authority.write_text(json.dumps([{"name": "Pavol Kres", "aliases": ["Pavol Kres"], "type": "person",
                                      "wikidata": "Q999001"}]), encoding="utf-8")

    def pinned(store):
        return [e.authority for e in store.entities() if e.authority]

    db = tmp_path / "q.db"
    with open_store(db) as store:
        assert build([str(corpus)], store, FAST, authority=str(authority)).ok
        assert pinned(store) == [{"wikidata": "Q999001"}]
        assert not build([str(corpus)], store, FAST, authority=str(authority)).corpus_rebuilt
    (corpus / "d_more.txt").write_text("Vel'kovo, 12 June 1764.\n\nThe mill turns. Pavol Kres\n", encoding="utf-8")
    with open_store(db) as store:
        report = build([str(corpus)], store, FAST)
        assert report.ok and report.corpus_rebuilt and pinned(store) == [{"wikidata": "Q999001"}]
    authority.write_text(json.dumps([{"name": "Pavol Kres", "type": "person", "wikidata": "Q999002"}]),
                         encoding="utf-8")
    with open_store(db) as store:  # an edited authority file is a change
        report = build([str(corpus)], store, FAST)
        assert report.corpus_rebuilt and pinned(store) == [{"wikidata": "Q999002"}]
    authority.unlink()
    with open_store(db) as store:  # a vanished one is said, not silently dropped
        report = build([str(corpus)], store, FAST)
        assert [str(authority) in str(e) and "authority file" in str(e) for e in report.failed] == [True]
        assert report.corpus_rebuilt and pinned(store) == []
    with open_store(db) as store:
        assert build([str(corpus)], store, FAST, authority="").ok


# -- removing sources -----------------------------------------------------------------------
def test_a_file_deleted_from_the_folder_is_said_and_removed_with_all_found_in_it_only(tmp_path, any_db):
    from quellen import export_dict
    from quellen.pipeline import require_corpus_layer
    corpus = make_corpus(tmp_path / "corpus")
    rest = make_corpus(tmp_path / "rest", {k: v for k, v in LETTERS.items() if k != "a_letter.txt"})
    with open_store(tmp_path / "rest.db") as store:
        assert build([str(rest / "b_diary.html"), str(rest / "sub" / "c_note.md")], store, FAST).ok
        expected = export_dict(store)
    gone = corpus / "a_letter.txt"
    with open_store(any_db) as store:
        assert build([str(corpus)], store, FAST).ok
        [letter] = [s for s in store.sources() if s.name == "a_letter.txt"]
        assert any(m.source == letter.id for m in store.mentions()) and store.search("carpenter")
        gone.unlink()
        report = build([str(corpus)], store, FAST)
        # the rebuild of the folder says what is no longer in it, and how to take it out
        assert [w for w in report.warnings if str(gone) in w and "quellen remove" in w] and not report.corpus_rebuilt
        removed = remove([str(gone)], store, FAST)
        assert removed.removed == {letter.id: str(gone)} and removed.corpus_rebuilt
        assert store.source(letter.id) is None and store.counts()["sources"] == 2
        assert not [m for m in store.mentions() if m.source == letter.id] and store.layer(letter.id, "claims") is None
        assert not store.timexes(source=letter.id) and store.search("carpenter") == []
        require_corpus_layer(store)
        # entities, reuse groups, events and conflicts as if the file had never been read
        data = export_dict(store)
        assert not build([str(corpus)], store, FAST).warnings
    for key in ("documents", "entities", "reuse", "events", "conflicts"):
        assert _without_paths(data[key]) == _without_paths(expected[key]), key


def _without_paths(value):
    """Return ``value`` without the paths the files were read from (the two corpora lie in two folders)."""
    import json
    import re
    return json.loads(re.sub(r'"[^"]*?(?:corpus|rest)/', '"', json.dumps(value)))


def test_removing_an_unknown_path_names_it_and_changes_nothing(tmp_path, capsys):
    from quellen.errors import InputError
    corpus = make_corpus(tmp_path / "corpus")
    db = tmp_path / "q.db"
    with open_store(db) as store:
        assert build([str(corpus)], store, FAST).ok
    before = dump(db)
    with open_store(db) as store, pytest.raises(InputError, match="nowhere.txt"):
        remove([str(corpus / "a_letter.txt"), str(tmp_path / "nowhere.txt")], store, FAST)
    assert dump(db) == before
    capsys.readouterr()
    assert main(["remove", str(tmp_path / "nowhere.txt"), "--db", str(db), "-q"]) != 0
    assert "nowhere.txt" in capsys.readouterr().err
    assert dump(db) == before
    # a folder removes every source read from inside it; so does the source id
    assert main(["remove", str(corpus / "sub"), "--db", str(db), "-q", "--set", "reuse.embeddings=false"]) == 0
    with open_store(db) as store:
        assert sorted(s.name for s in store.sources()) == ["a_letter.txt", "b_diary.html"]
        [diary] = [s.id for s in store.sources() if s.name == "b_diary.html"]
        remove([diary], store, FAST)
        assert [s.name for s in store.sources()] == ["a_letter.txt"]


def test_a_failed_corpus_step_leaves_the_removed_source_in_place(tmp_path, any_db, monkeypatch):
    from quellen import pipeline
    corpus = make_corpus(tmp_path / "corpus")
    with open_store(any_db) as store:
        assert build([str(corpus)], store, FAST).ok
        counts = store.counts()
        hits = store.search("carpenter")

        def broken(*args, **kwargs):
            raise RuntimeError("disk full")

        monkeypatch.setattr(pipeline, "build_corpus_layer", broken)
        with pytest.raises(RuntimeError):
            remove([str(corpus / "a_letter.txt")], store, FAST)
        assert store.counts() == counts and store.search("carpenter") == hits
        assert store.corpus_layer_state() == "fresh"


#: a yearless diary whose weekdays fall right in 1871 (and in no other year near 1872)
YEARLESS_DIARY = "\n\n".join(f"{head}\n{body}" for head, body in [
    ("March 3. Friday.", "Snow in the night and the well frozen over. Fed the hens and mended the gate by the barn "
     "before breakfast."),
    ("March 4. Saturday.", "Thaw at noon. Walked to the mill with the boy and came home by the long road through the "
     "wood."),
    ("March 6. Monday.", "Washing day. The carrier brought a parcel of books and a letter from town about the lease "
     "of the field."),
    ("March 9. Thursday.", "Rain all day. Wrote letters in the evening and read aloud to the children until the "
     "candles were done.")]) + "\n"


def test_a_diary_that_states_no_year_takes_the_one_its_weekdays_agree_with_among_the_corpus_years(tmp_path):
    from quellen.model import DateBasis
    files = {"diary.txt": YEARLESS_DIARY,
             "letter.txt": "Ashcombe, 12 May 1872.\n\nDear Sir,\n\nThe lease is signed and the field is yours "
                           "from Lady Day. I send the papers by the carrier.\n\nYours truly,\nJ. Pell\n"}
    with open_store(tmp_path / "q.db") as store:
        report = build([str(make_corpus(tmp_path / "c", files))], store, FAST)
        diary = [d for d in store.documents() if d.kind == "diary"]
    assert diary and all(d.date is not None and d.date.earliest.year == 1871 for d in diary)
    assert all(d.date.basis == DateBasis.INFERRED and "weekdays agree with 1871" in d.date.rule for d in diary)
    assert any("agree with 1871" in w for w in report.warnings)


def test_a_year_chosen_by_the_weekdays_follows_the_sources_added_and_removed(tmp_path):
    from quellen.model import DateBasis
    diary = make_corpus(tmp_path / "d", {"diary.txt": YEARLESS_DIARY})
    letter = make_corpus(tmp_path / "l", {"letter.txt": "Ashcombe, 12 May 1872.\n\nDear Sir,\n\nThe lease is "
                                          "signed and the field is yours from Lady Day.\n\nYours truly,\nJ. Pell\n"})

    def years(store):
        return {d.date.earliest.year if d.date else None for d in store.documents() if d.kind == "diary"}

    with open_store(tmp_path / "q.db") as store:
        assert build([str(diary)], store, FAST).ok and years(store) == {None}  # alone: no year to choose among
        report = build([str(letter)], store, FAST)  # a dated letter of 1872 comes: the weekdays choose 1871
        assert years(store) == {1871} and any("agree with 1871" in w for w in report.warnings)
        assert all(d.date.basis == DateBasis.INFERRED for d in store.documents() if d.kind == "diary")
        assert any("1871" in e.date.edtf for e in store.events() if e.date)  # the corpus layer sees it
        removed = remove([str(letter / "letter.txt")], store, FAST)  # and goes: no year follows any more
        assert years(store) == {None} and any("no year again" in w for w in removed.warnings)
        assert not any(e.date and "1871" in e.date.edtf for e in store.events())
        assert not build([str(diary)], store, FAST).added  # the stored diary is the file as built


def test_the_corpus_layer_links_document_refs_afresh_not_from_the_previous_layer(tmp_path):
    # an author or addressee link was kept from the previous corpus layer: a store built in two
    # steps linked an addressee otherwise than one built at once, and a link could name an entity
    # the new layer no longer has
    from dataclasses import replace

    from quellen.pipeline import build_corpus_layer
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("Harrowfield, 3 May 1871.\n\nDear Jonah Stirk,\n\nThe sluice at Harrowfield is "
                                  "broken and the meadows are under water.\n\nYour servant,\nTobias Wrenn\n")
    settings = Settings().with_overrides({"reuse.embeddings": False})
    with open_store(tmp_path / "q.db") as store:
        assert build([str(folder)], store, settings, workers=1).ok
        letter = next(d for d in store.documents() if d.kind == "letter")
        linked = replace(letter, author=replace(letter.author, entity="ent-gone"),
                         addressees=tuple(replace(a, entity="ent-gone") for a in letter.addressees))
        store.replace_corpus_layer([], {}, [], [], [], document_refs=[linked])
        assert store.document(letter.id).author.entity == "ent-gone"
        build_corpus_layer(store, settings)
        again = store.document(letter.id)
        assert (again.author, again.addressees) == (letter.author, letter.addressees)
