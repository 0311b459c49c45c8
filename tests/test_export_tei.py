"""TEI export: valid against tei_all.rng, names and dates inline, the standOff lists filled."""
from __future__ import annotations

import lxml.etree as lxml_etree
import pytest

from quellen.export import export
from quellen.export.tei import TEI_NS, date_attrs, to_tree
from quellen.model import Date
from quellen.store import Store

from conftest import SCHEMA_DIR

RNG = SCHEMA_DIR / "tei_all.rng"
NS = {"t": TEI_NS, "xml": "http://www.w3.org/XML/1998/namespace"}


@pytest.fixture(scope="module")
def tei(small_store, tmp_path_factory):
    out = tmp_path_factory.mktemp("tei") / "corpus.xml"
    with Store(small_store, create=False) as store:
        assert export(store, "tei", out) == [out]
    return lxml_etree.parse(str(out))


def test_tei_validates_against_tei_all(tei, tei_schema):
    assert tei_schema.validate(tei), tei_schema.error_log


def test_documents_are_divs_of_their_kind_with_inline_names_and_dates(tei):
    kinds = [d.get("type") for d in tei.iterfind(".//t:body/t:div/t:div", NS)]
    assert kinds == ["letter", "telegram", "diary", "other", "memoir"]
    letter = tei.find(".//t:div[@type='letter']", NS)
    assert [p.text for p in letter.iterfind(".//t:p/t:persName", NS)][:2] == ["Giuseppe Mazzini", "Carlo Cattaneo"]
    assert letter.find(".//t:p/t:placeName[@ref='#ent-milan']", NS) is not None
    assert letter.find(".//t:p/t:orgName", NS).text == "Young Italy"
    assert letter.find(".//t:p/t:date", NS).get("when") == "1848-03-22"
    julian = tei.find(".//t:div[@type='diary']//t:p/t:date", NS)
    assert julian.get("calendar") == "#julian" and julian.get("when") == "1825-12-26"
    assert julian.get("when-custom") == "1825-12-14"


def test_text_survives_inline_markup(tei, small_store):
    """The words of a document are all there, in order, once the tags are taken away."""
    with Store(small_store, create=False) as store:
        d = store.documents(kind="telegram")[0]
        text = store.source(d.source).text[d.char_start:d.char_end]
    div = tei.find(".//t:div[@type='telegram']", NS)
    words = " ".join("".join(p.itertext()) for p in div.iterfind("t:p", NS)).split()
    assert words == text.split()


def test_stand_off_lists(tei):
    so = tei.find("t:standOff", NS)
    assert so.find("t:listPerson/t:person[@xml:id='ent-mazzini']/t:idno", NS).text == "Q11477"
    assert so.find("t:listPlace/t:place[@xml:id='ent-milan']/t:location/t:geo", NS).text == "45.464300 9.189500"
    assert so.find("t:listOrg/t:org/t:orgName", NS).text == "Young Italy"
    events = so.findall("t:listEvent/t:event", NS)
    assert len(events) == 4
    arrival = so.find("t:listEvent/t:event[@xml:id='ev-arrival']", NS)
    assert (arrival.get("notBefore"), arrival.get("notAfter")) == ("1848-04-07", "1848-04-08")
    assert len(arrival.get("source").split()) == 2 and arrival.get("where") == "#ent-milan"
    names = {r.get("name") for r in so.iterfind("t:listRelation/t:relation", NS)}
    assert names == {"correspondence", "cooccurrence"}


def test_hostile_text_is_text_in_tei(tei):
    other = tei.find(".//t:div[@type='other']", NS)
    assert "<script>" in "".join(other.itertext())
    assert not list(tei.iter("script"))


def test_empty_store_is_valid_tei(tmp_path, tei_schema):
    with Store(tmp_path / "empty.db") as store:
        tree = to_tree(store)
    assert tei_schema.validate(tree), tei_schema.error_log


def test_date_attrs_cover_precisions():
    import datetime as dt
    day = Date("x", "1700-05-02", dt.date(1700, 5, 2), dt.date(1700, 5, 2), "day")
    month = Date("x", "1700-05", dt.date(1700, 5, 1), dt.date(1700, 5, 31), "month")
    decade = Date("x", "170X", dt.date(1700, 1, 1), dt.date(1709, 12, 31), "decade")
    assert date_attrs(day) == {"when": "1700-05-02"}
    assert date_attrs(month) == {"when": "1700-05"}
    assert date_attrs(decade) == {"notBefore": "1700-01-01", "notAfter": "1709-12-31"}
    assert date_attrs(None) == {}


@pytest.mark.slow
def test_seed_tei_validates(seed_build, tmp_path, tei_schema):
    db, _ = seed_build
    with Store(db, create=False) as store:
        export(store, "tei", tmp_path / "seed.xml")
    assert tei_schema.validate(lxml_etree.parse(str(tmp_path / "seed.xml"))), tei_schema.error_log


def test_a_mention_is_tagged_as_its_entity_is_listed(tmp_path, tei_schema):
    """A name the tagger took for a person but resolution put among the places is a <placeName>
    pointing at that place, not a <persName> pointing at a <place>; an author that is an organization
    is an <orgName>."""
    from quellen.model import Document, Entity, Mention, Ref, RefBasis, Source, Span
    text = "Ferrowby, 3 May 1841. We walked over to Ferrowby again."
    sha = "f" * 64
    source = Source(Source.make_id(sha), "walk.txt", sha, "text/plain", text)
    # its author from the file's metadata, an organization (a parish society's press office)
    doc = Document(Document.make_id(source.id, 0, len(text)), source.id, 0, len(text), "diary",
                   author=Ref("Ferrowby Walking Society", "ent-society", RefBasis.METADATA))
    first, second = 0, text.rindex("Ferrowby")
    mentions = [Mention(source.id, doc.id, first, first + 8, "Ferrowby", "place", "Ferrowby", "ent-ferrowby"),
                Mention(source.id, doc.id, second, second + 8, "Ferrowby", "person", "Ferrowby", "ent-ferrowby")]
    with Store(tmp_path / "walk.db") as store:
        store.add_source(source, [doc], [], mentions)
        spans = tuple(Span(m.source, m.char_start, m.char_end, m.document) for m in mentions)
        store.replace_corpus_layer([Entity("ent-ferrowby", "place", "Ferrowby", ("Ferrowby",), spans),
                                    Entity("ent-society", "organization", "Ferrowby Walking Society",
                                           ("Ferrowby Walking Society",), ())],
                                   {(m.source, m.char_start, m.char_end): m.entity for m in mentions}, [], [], [])
        tree = to_tree(store)
    assert tei_schema.validate(tree), tei_schema.error_log
    p = tree.find(".//t:div[@type='diary']/t:p", NS)
    assert [(el.tag.split("}")[1], el.get("ref")) for el in p] == [("placeName", "#ent-ferrowby")] * 2
    author = tree.find(".//t:div[@type='diary']/t:note[@type='metadata']/*[@role='author']", NS)
    assert (author.tag.split("}")[1], author.get("ref")) == ("orgName", "#ent-society")
