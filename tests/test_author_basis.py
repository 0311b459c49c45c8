"""Where a document's author came from is data, from segmentation to every output: a plain text whose
author only its sidecar names shows "metadata" in the JSON export, TEI and the reader; a signed letter
shows "signed"; a series heading, a header and a setting each say so. The same build holds an English
diary of 1702 that names no place: its stored dates, the documents' and the date layer's, are Julian."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from quellen import Settings, build, export_dict, open_store
from quellen.model import Ref, RefBasis, Source
from quellen.segment import segment
from quellen.store.codec import document_from, document_row, ref_from, ref_json

#: the corpus-wide sentence embeddings are not what these tests are about
FAST = Settings().with_overrides({"reuse.embeddings": False})

LOG = ("3 May 1790.—Fair wind from the west. Made twenty leagues before dark and saw no sail all day.\n\n"
       "4 May 1790.—Calm. Caught a shark in the forenoon and mended the topsail.\n")
DIARY_1702 = ("12 March 1702.\n\nWent to church in the morning; a cold wind off the hill, and on the way home "
              "I met my cousin, who will come to dine on 14 March.\n")
LETTER = ("Ludlow, 3 March 1862.\n\nDear brother,\n\nThe ice is breaking on the river and the mills are idle. "
          "Write to me soon.\n\nYour loving sister,\nTamsin Quill\n")


def _source(text: str, meta=()) -> Source:
    return Source("src-test", "test.txt", "0" * 64, "text/plain", text, meta=tuple(meta))


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    folder = tmp_path_factory.mktemp("refbasis")
    (folder / "log.txt").write_text(LOG, encoding="utf-8")
    (folder / "log.txt.meta.toml").write_text('author = "Ann Pell"\n', encoding="utf-8")
    (folder / "letter.txt").write_text(LETTER, encoding="utf-8")
    (folder / "diary1702.txt").write_text(DIARY_1702, encoding="utf-8")
    db = folder / "refbasis.db"
    with open_store(db) as store:
        build([str(folder / name) for name in ("log.txt", "letter.txt", "diary1702.txt")], store, FAST)
    return db


def _by_author(store):
    return {d.author.name: d for d in store.documents() if d.author is not None}


def test_a_sidecar_author_and_a_signer_are_stored_with_their_basis(store_path):
    with open_store(store_path) as store:
        docs = [d for d in store.documents() if d.author is not None]
    assert {(d.author.name, d.author.basis) for d in docs} == {("Ann Pell", RefBasis.METADATA),
                                                              ("Tamsin Quill", RefBasis.SIGNED)}


def test_the_json_export_gives_the_authors_basis(store_path):
    with open_store(store_path) as store:
        data = export_dict(store)
    authors = {d["author"]["name"]: d["author"] for d in data["documents"] if d["author"]}
    assert authors["Ann Pell"]["basis"] == "metadata"
    assert authors["Tamsin Quill"]["basis"] == "signed"
    # a place is a ref with no basis: its object is unchanged
    assert all("basis" not in d["place"] for d in data["documents"] if d["place"])


def test_tei_marks_an_author_from_metadata_and_not_a_signer(store_path):
    from quellen.export.tei import TEI_NS, to_tree
    with open_store(store_path) as store:
        tree = to_tree(store)
    authors = {el.text: el for el in tree.iter(f"{{{TEI_NS}}}persName") if el.get("role") == "author"}
    assert authors["Ann Pell"].get("cert") == "medium"
    assert authors["Ann Pell"].get("evidence") == "external metadata"
    assert authors["Tamsin Quill"].get("cert") is None and authors["Tamsin Quill"].get("evidence") is None


def test_the_reader_says_an_author_came_from_the_files_metadata(store_path):
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient
    from quellen.web.app import create_app
    with open_store(store_path) as store:
        by = _by_author(store)
    with TestClient(create_app(store_path), base_url="http://localhost") as client:
        data = client.get(f"/documents/{by['Ann Pell'].id}.json").json()
        page = client.get(f"/documents/{by['Ann Pell'].id}").text
        signed = client.get(f"/documents/{by['Tamsin Quill'].id}.json").json()
        whole = client.get(f"/sources/{by['Ann Pell'].source}").text
    assert data["author_basis"]["code"] == "metadata"
    assert "author from the file's metadata" in data["author_basis"]["explain"]
    assert "author from the file&#39;s metadata" in page or "author from the file's metadata" in page
    assert signed["author_basis"]["code"] == "signed"
    assert "basis-inferred" in whole


def test_quellen_show_says_where_the_author_and_the_date_came_from(store_path, capsys):
    from quellen.cli import main
    with open_store(store_path) as store:
        by = _by_author(store)
    assert main(["show", by["Ann Pell"].id, "--db", str(store_path)]) == 0
    out = capsys.readouterr().out
    assert "author: Ann Pell  (metadata)" in out and "(stated)" in out
    assert main(["show", by["Tamsin Quill"].id, "--db", str(store_path)]) == 0
    assert "author: Tamsin Quill  (signed)" in capsys.readouterr().out


def test_segmentation_sets_the_basis_where_it_decides_the_author():
    body = ("Walked to the mill in the morning, and found the river high over the lower meadow. I came home by "
            "the lane and wrote letters until dark.")
    series = "Ann Pell's Journal.\n\n3 May.—" + body + "\n\n4 May.—" + body + "\n"
    entries = [d for d in segment(_source(series)) if d.kind == "diary"]
    assert entries and {d.author.basis for d in entries} == {RefBasis.SERIES}
    log = [d for d in segment(_source(LOG), Settings().with_overrides(["context.author=Ann Pell"])) if d.date]
    assert log and {d.author.basis for d in log} == {RefBasis.SETTING}
    epub = [d for d in segment(_source(LOG, [("author", "Ann Pell", "EPUB dc:creator")])) if d.date]
    assert {d.author.basis for d in epub} == {RefBasis.METADATA}
    letter = next(d for d in segment(_source(LETTER)) if d.kind == "letter")
    assert letter.author == Ref("Tamsin Quill", basis=RefBasis.SIGNED)
    assert [a.basis for a in letter.addressees] in ([], [RefBasis.STATED])


def test_a_document_stored_before_bases_has_no_author_basis():
    doc = next(d for d in segment(_source(LOG, [("author", "Ann Pell", "sidecar log.txt.meta.toml")])) if d.date)
    row = dict(zip(("id", "source", "char_start", "char_end", "kind", "title", "author", "addressees", "date",
                    "earliest", "latest", "place", "is_primary", "language", "evidence", "heads"), document_row(doc)))
    assert document_from(row) == doc
    old = json.loads(row["author"])
    del old["basis"]
    row["author"] = json.dumps(old)
    assert document_from(row).author == Ref("Ann Pell")  # nothing claimed that was not stored


@pytest.mark.parametrize("basis", [None, *RefBasis])
def test_ref_json_round_trip(basis):
    ref = Ref("Ann Pell", "ent-1", basis)
    assert ref_from(json.loads(json.dumps(ref_json(ref)))) == ref


def test_the_contract_names_every_author_basis():
    docs = Path(__file__).resolve().parents[1] / "docs"
    schema = json.loads((docs / "schema" / "quellen-export-v1.schema.json").read_text(encoding="utf-8"))
    ref = next(a for a in schema["$defs"]["ref"]["anyOf"] if a.get("type") == "object")
    assert ref["properties"]["basis"]["enum"] == [b.value for b in RefBasis]
    contract = (docs / "CONTRACT.md").read_text(encoding="utf-8")
    assert all(f"`{b.value}`" in contract for b in RefBasis)


def test_a_placeless_english_diary_of_1702_is_stored_julian_in_every_layer(store_path):
    import datetime as dt
    with open_store(store_path) as store:
        source = next(s for s in store.sources() if s.name.endswith("diary1702.txt"))
        entry = next(d for d in store.documents() if d.source == source.id and d.date is not None)
        timexes = {t.text: t for t in store.timexes() if t.source == source.id and t.date is not None}
    assert entry.date.calendar == "julian" and entry.date.earliest == dt.date(1702, 3, 23)
    assert timexes["14 March"].date.calendar == "julian" and timexes["14 March"].date.earliest == dt.date(1702, 3, 25)


def test_an_unsigned_letter_headed_with_its_addressee_is_the_files_writers():
    # an edition of one writer's letters heads each with whom it is to and prints no signature
    letters = ("XII\n\nTO MARCUS (AT CAPUA)\n\nROME\n\nI have your letter, and you ask me what I think of the "
               "trial. I will tell you when we meet; it is not a thing for a letter.\n\n"
               "XIII\n\nTO MARCUS (AT CAPUA)\n\nTUSCULUM\n\nYou will laugh at me, but I have bought the house at "
               "last. Come and see it before the winter, and bring your books with you.\n")
    meta = [("author", "Aulus Varro", "sidecar test.txt.meta.toml")]
    docs = [d for d in segment(_source(letters, meta)) if d.kind != "heading"]
    assert [d.kind for d in docs] == ["letter", "letter"]
    assert {d.author for d in docs} == {Ref("Aulus Varro", basis=RefBasis.METADATA)}
    # without the file's metadata nobody signs them; a letter that names no addressee takes no metadata author
    assert {d.author for d in segment(_source(letters)) if d.kind == "letter"} == {None}
    told = "XII\n\nI went to the trial, and I will tell you all of it when we meet; the town talks of nothing else.\n"
    assert all(d.author is None for d in segment(_source(told)) if d.kind == "letter")


def test_a_name_set_off_in_the_middle_of_a_sentence_signs_nothing():
    # a footnote that is a name alone, kept as a line of its own in the text, with the sentence going on under it
    from quellen.ingest import read_source
    from conftest import FIXTURES
    source = read_source(FIXTURES / "ingest" / "letter_note_tei.xml")
    assert "\nL. Fabius.\n" in source.text
    (letter,) = [d for d in segment(source) if d.kind == "letter"]
    assert letter.author is not None and letter.author.name == "Aulus Varro"
    assert letter.author.basis == RefBasis.METADATA
