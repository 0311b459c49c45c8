"""The field's exchange formats, checked structurally on the hand-made store:
GeoJSON / Linked Places, TimelineJS3, GEXF, CSV, W3C Web Annotations, TimeML, and the JSON contract."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from lxml import etree

from quellen.export import FORMATS, export
from quellen.store import Store


@pytest.fixture(scope="module")
def out(small_store, tmp_path_factory):
    """Return {format: written paths} for every format exported from the small store."""
    folder = tmp_path_factory.mktemp("exports")
    with Store(small_store, create=False) as store:
        return {f: export(store, f, folder / f) for f in FORMATS}


def test_every_format_writes_something(out):
    assert set(out) >= {"json", "tei", "geojson", "timelinejs", "gexf", "csv", "webannotation", "timeml", "report"}
    for paths in out.values():
        assert paths and all(p.exists() and p.stat().st_size > 0 for p in paths)


def test_geojson_is_a_linked_places_feature_collection(out):
    data = json.loads(out["geojson"][0].read_text())
    assert data["type"] == "FeatureCollection" and "@context" in data
    by_title = {f["properties"]["title"]: f for f in data["features"]}
    assert set(by_title) == {"Milan", "London", "Turin", "St Petersburg"}
    milan = by_title["Milan"]
    assert milan["geometry"] == {"type": "Point", "coordinates": [9.1895, 45.4643]}
    assert milan["properties"]["mention_count"] == 3 and len(milan["mentions"]) == 3
    assert {e["id"] for e in milan["events"]} == {"ev-rising", "ev-arrival"}
    assert milan["when"]["timespans"][0] == {"start": {"earliest": "1848-03-18"}, "end": {"latest": "1848-04-08"}}
    assert milan["links"][0]["identifier"] == "geonames:3173435"
    assert milan["names"] == [{"toponym": "Milan", "citations": []}]


def test_timelinejs_slides_escape_text_and_mark_uncertain_dates(out):
    data = json.loads(out["timelinejs"][0].read_text())
    slides = {s["unique_id"]: s for s in data["events"]}
    assert len(slides) == 4
    assert slides["ev-rising"]["start_date"] == {"year": 1848, "month": 3, "day": 18}
    assert "display_date" not in slides["ev-rising"]
    assert slides["ev-arrival"]["end_date"] == {"year": 1848, "month": 4, "day": 8}
    assert "display_date" in slides["ev-arrival"]
    assert "O.S." in slides["ev-square"]["display_date"]
    assert slides["ev-evil"]["start_date"] == {"year": 1848, "month": 3}
    assert "<img" not in slides["ev-evil"]["text"]["headline"]
    assert "&lt;img" in slides["ev-evil"]["text"]["headline"]
    assert "letters-1848.txt" in slides["ev-rising"]["text"]["text"]
    assert "disputed" in slides["ev-arrival"]["text"]["text"]


def test_gexf_has_weighted_correspondence_and_cooccurrence(out):
    ns = {"g": "http://gexf.net/1.3"}
    tree = etree.parse(str(out["gexf"][0]))
    nodes = {n.get("id"): n.get("label") for n in tree.iterfind(".//g:node", ns)}
    assert nodes["ent-mazzini"] == "Giuseppe Mazzini" and "ent-milan" not in nodes
    edges = [(e.get("source"), e.get("target"), e.get("label"), float(e.get("weight")), e.get("type"))
             for e in tree.iterfind(".//g:edge", ns)]
    assert ("ent-mazzini", "ent-cattaneo", "correspondence", 1.0, "directed") in edges
    assert ("ent-cattaneo", "ent-mazzini", "cooccurrence", 3.0, "undirected") in edges
    assert all(s in nodes and t in nodes for s, t, *_ in edges)


def test_csv_tables(out):
    folder = out["csv"][0].parent
    tables = {p.stem: list(csv.DictReader(p.open(encoding="utf-8"))) for p in out["csv"]}
    assert set(tables) == {"documents", "entities", "mentions", "events", "attestations", "reuse", "conflicts"}
    assert all(p.parent == folder for p in out["csv"])
    assert len(tables["documents"]) == 5 and len(tables["entities"]) == 11 and len(tables["mentions"]) == 18
    milan = next(r for r in tables["entities"] if r["name"] == "Milan")
    assert milan["coordinates"] == "45.4643,9.1895"
    diary = next(r for r in tables["documents"] if r["kind"] == "diary")
    assert (diary["earliest"], diary["calendar"]) == ("1825-12-26", "julian")
    assert sum(1 for r in tables["attestations"] if r["event"] == "ev-arrival") == 2
    assert any("He reached Milan" in r["passage"] for r in tables["attestations"])
    # which witness each passage is, and why a copy is none of its own
    rising = [r for r in tables["attestations"] if r["event"] == "ev-rising"]
    assert [(r["witness"], r["folded"]) for r in rising] == [("1", ""), ("1", "copy")]
    assert [r["hearsay"] for r in tables["attestations"] if r["event"] == "ev-arrival"] == ["", "true"]


def test_csv_dates_and_authors_say_where_they_came_from(out):
    tables = {p.stem: list(csv.DictReader(p.open(encoding="utf-8"))) for p in out["csv"]}
    letter = next(r for r in tables["documents"] if r["kind"] == "letter")
    # the hand-made store's authors have no basis (as a store written before bases): empty, as the JSON omits it
    assert (letter["date_basis"], letter["author_basis"]) == ("stated", "")
    assert all(r["date_basis"] for r in tables["events"])


def test_csv_reuse_and_conflicts_carry_each_passage_with_its_date_and_writer(out):
    tables = {p.stem: list(csv.DictReader(p.open(encoding="utf-8"))) for p in out["csv"]}
    reuse = tables["reuse"]
    assert [(r["group"], r["witness"], r["document_date"], r["document_author"], r["witness_date"])
            for r in reuse] == [("reuse-rising", "1", "1848-03-22", "Giuseppe Mazzini", "1848-03-22"),
                                ("reuse-rising", "2", "", "Carlo Cattaneo", "")]
    assert reuse[0]["passage"].startswith("The people rose on the 18th")
    claims = tables["conflicts"]
    assert [(r["conflict"], r["value"], r["stance"]) for r in claims] == [
        ("conf-arrival", "1848-04-07", "asserted"), ("conf-arrival", "1848-04-08", "asserted"),
        ("conf-arrival", "1848-04-06", "denied")]
    assert claims[0]["document_date"] == "1848-04-07" and claims[0]["source_name"] == "letters-1848.txt"
    assert claims[1]["passage"] == "He reached Milan on 8 April 1848" and claims[1]["events"] == "ev-arrival"


def test_every_csv_column_is_documented_in_the_contract():
    from quellen.export.csv_export import TABLES
    doc = (Path(__file__).resolve().parents[1] / "docs" / "CONTRACT.md").read_text(encoding="utf-8")
    section = doc[doc.index("## The CSV tables"):]
    for table, columns in TABLES.items():
        line = section[section.index(f"`{table}.csv`"):].split("\n- ")[0]
        assert all(f"`{c}`" in line for c in columns), (table, [c for c in columns if f"`{c}`" not in line])


def test_webannotations_select_the_right_text(out, small_store):
    data = json.loads(out["webannotation"][0].read_text())
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld" and data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    assert data["total"] == len(items) == 18 + 6
    with Store(small_store, create=False) as store:
        texts = {f"urn:quellen:source:{s.id}": s.text for s in store.sources()}
    for item in items:
        assert item["type"] == "Annotation"
        position, quote = item["target"]["selector"]
        assert texts[item["target"]["source"]][position["start"]:position["end"]] == quote["exact"]
    wikidata = [i for i in items if isinstance(i["body"], dict) and i["body"].get("source", "").startswith("http://www.wikidata.org/")]
    assert len(wikidata) == 3  # every mention of the one entity with a Wikidata id
    assert len(items) == len({i["id"] for i in items})


def test_timeml_per_document(out):
    files = out["timeml"]
    assert len(files) == 5 and all(p.suffix == ".tml" for p in files)
    trees = {etree.parse(str(p)).findtext("DOCID"): etree.parse(str(p)) for p in files}
    letter = next(t for t in trees.values() if "LETTER I." in "".join(t.find("TEXT").itertext()))
    assert letter.find("DCT/TIMEX3").get("value") == "1848-03-22"
    assert [(t.text, t.get("value")) for t in letter.iterfind("TEXT/TIMEX3")] == [("22 March 1848", "1848-03-22")]


def test_json_contract_still_written(out):
    data = json.loads(out["json"][0].read_text())
    assert data["format"] == "quellen-export" and len(data["documents"]) == 5 and len(data["conflicts"]) == 1


def test_exports_of_an_empty_store(tmp_path):
    with Store(tmp_path / "empty.db") as store:
        for f in FORMATS:
            written = export(store, f, tmp_path / f"out-{f}")
            assert written or f == "timeml"  # no documents, no TimeML files
    assert json.loads((tmp_path / "out-geojson.geojson").read_text())["features"] == []
    assert json.loads((tmp_path / "out-timelinejs.json").read_text())["events"] == []


def test_timeml_dct_value_is_a_timex3_value():
    import datetime as dt
    from quellen.export.timeml import dct_value
    from quellen.model import Date
    def date(edtf):
        return Date(text="x", edtf=edtf, earliest=dt.date(1929, 1, 1), latest=dt.date(1929, 12, 31),
                    precision="year", calendar="gregorian", as_written="x")
    assert dct_value(date("1929?")) == "1929"
    assert dct_value(date("1929-02-07/1929-02-08")) == "1929-02-07"
    assert dct_value(date("../1929-02")) == "1929-02"
    assert dct_value(date("1862-03-12")) == "1862-03-12"


@pytest.mark.parametrize("format", sorted(FORMATS))
def test_an_unwritable_output_is_a_clear_error(tmp_path, format, capsys):
    # a folder where the file goes (or a file where a folder goes) raised a bare OSError traceback
    from quellen.cli import main
    from quellen.errors import QuellenError
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "x").write_text("in the way")
    (tmp_path / "plain").write_text("a file")
    db = tmp_path / "empty.db"
    Store(db).close()
    folder_format = format in ("csv", "timeml")  # these write a folder of files
    blocked = tmp_path / ("plain" if folder_format else "taken")
    for output in (blocked, tmp_path / "plain" / "sub" / "out"):
        with Store(db) as store, pytest.raises(QuellenError, match="cannot write"):
            export(store, format, output)
    assert main(["export", "--db", str(db), "--format", format, "-o", str(blocked)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and blocked.name in err and "cannot write" in err
    assert (tmp_path / "plain").read_text() == "a file"


def test_an_export_that_fails_half_way_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    import os
    import pytest
    from quellen.export import _io
    out = tmp_path / "corpus.tei.xml"
    out.write_text("the export of yesterday", encoding="utf-8")

    def disk_full(*args):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        _io.write_atomic(out, "<TEI/>")
    assert out.read_text(encoding="utf-8") == "the export of yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["corpus.tei.xml"]


def test_a_one_file_export_named_without_a_suffix_gets_the_one_its_tools_know(small_store, tmp_path, capsys):
    # a student's "-o ex/gexf" must give a file Gephi's open dialog offers, not a bare "gexf"
    from quellen.cli import main
    with Store(small_store, create=False) as store:
        assert export(store, "gexf", tmp_path / "letters") == [tmp_path / "letters.gexf"]
        assert export(store, "tei", tmp_path / "letters") == [tmp_path / "letters.xml"]
        assert export(store, "webannotation", tmp_path / "notes") == [tmp_path / "notes.jsonld"]
        # a suffix of the user's own is kept, whatever it is
        assert export(store, "json", tmp_path / "contract.txt") == [tmp_path / "contract.txt"]
    assert main(["export", "--db", str(small_store), "--format", "geojson", "-o", str(tmp_path / "places")]) == 0
    err = capsys.readouterr().err
    assert "places.geojson (.geojson added" in err and (tmp_path / "places.geojson").is_file()
    assert not (tmp_path / "places").exists()


def test_timelinejs_slides_count_in_words_a_reader_says(small_store):
    # "1 independent witness(es) of 1 attestation(s)" on a slide reads as a form, not a sentence
    from quellen.export.timelinejs import to_dict
    with Store(small_store, create=False) as store:
        data = to_dict(store)
    texts = [e["text"]["text"] for e in data["events"]] + [data["title"]["text"]["text"]]
    assert not any("(es)" in t or "(s)" in t for t in texts)
    assert any("1 independent witness of 1 attestation" in t for t in texts)


def test_tei_and_report_count_one_attestation_in_the_singular(out):
    # "1 independent of 1 attestations" in the TEI's event list and the report's tags
    tei = out["tei"][0].read_text(encoding="utf-8")
    report = out["report"][0].read_text(encoding="utf-8")
    assert "1 attestations" not in tei and "1 attestations" not in report
    assert "of 1 attestation)" in tei and "/ 1 attestation<" in report
