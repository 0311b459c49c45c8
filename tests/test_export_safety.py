"""Exports a hostile corpus cannot turn against their reader: CSV cells neutralised (OWASP),
authority coordinates checked, JSON never holding NaN, files written under the user's umask."""
from __future__ import annotations

import csv
import json
import os
import stat

import pytest

from quellen.errors import QuellenError
from quellen.export import export
from quellen.export._io import json_text, write_atomic
from quellen.export.csv_export import neutralise
from quellen.extract.resolve import load_authority
from quellen.model import Document, Entity, Geo, Source
from quellen.store import Store


@pytest.mark.parametrize("cell,expected", [
    ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("@SUM(A1)", "'@SUM(A1)"), ("-2+3", "'-2+3"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
    ("-3.5", "-3.5"), ("-12.5,44.1", "-12.5,44.1"), ("+44", "+44"), ("plain", "plain"), (-7, -7), ("", ""),
])
def test_neutralise(cell, expected):
    assert neutralise(cell) == expected


def _store(tmp_path, title="=1+2", geo=None) -> Store:
    text = "=cmd|' /C calc'!A0 wrote this.\n"
    source = Source(id="src-1", name="@evil.txt", sha256="1" * 64, media_type="text/plain", text=text)
    document = Document(id="doc-1", source="src-1", char_start=0, char_end=len(text) - 1, kind="letter",
                        title=title)
    store = Store(tmp_path / "q.db")
    store.add_source(source, [document], [], [], {})
    if geo:
        store.replace_corpus_layer(entities=[Entity(id="ent-1", type="place", name="-Nowhere", geo=geo)],
                                   mention_entities={}, reuse=[], events=[], conflicts=[], document_refs=[])
    return store


def test_csv_cells_are_neutralised(tmp_path):
    with _store(tmp_path) as store:
        [documents, *_] = export(store, "csv", tmp_path / "csv")
    rows = list(csv.reader(documents.open(encoding="utf-8")))
    header, row = rows[0], rows[1]
    assert row[header.index("title")] == "'=1+2"
    assert row[header.index("source_name")] == "'@evil.txt"
    assert row[header.index("char_start")] == "0"


@pytest.mark.parametrize("lat,lon", [("nan", "10"), ("inf", "10"), ("999", "10"), ("45", "-181"), ("45", "")])
def test_authority_coordinates_are_checked_with_file_and_line(tmp_path, lat, lon):
    path = tmp_path / "authority.csv"
    path.write_text(f"name,type,lat,lon\nGood Place,place,45,9\nBad Place,place,{lat},{lon}\n", encoding="utf-8")
    with pytest.raises(QuellenError) as raised:
        load_authority(path)
    assert str(path) in str(raised.value) and "line 3" in str(raised.value) and "Bad Place" in str(raised.value)


def test_authority_json_coordinates_are_checked(tmp_path):
    path = tmp_path / "authority.json"
    path.write_text('[{"name": "A", "lat": 45, "lon": 9}, {"name": "B", "lat": NaN, "lon": 9}]', encoding="utf-8")
    with pytest.raises(QuellenError, match="entry 2"):
        load_authority(path)


def test_json_never_holds_nan(tmp_path):
    assert json_text({"x": float("nan"), "y": [float("inf"), 1.5]}, indent=None) == '{"x": null, "y": [null, 1.5]}'
    # a store written before coordinates were checked: exports and the map stay valid JSON
    with _store(tmp_path, geo=Geo(lat=float("nan"), lon=9.0, gazetteer="authority", gazetteer_id="x")) as store:
        [path] = export(store, "json", tmp_path / "out.json")
        [geojson] = export(store, "geojson", tmp_path / "out.geojson")
    for written in (path, geojson):
        text = written.read_text(encoding="utf-8")
        assert "NaN" not in text and "Infinity" not in text
        json.loads(text, parse_constant=lambda c, name=written.name: pytest.fail(f"{c} in {name}"))


def test_outputs_respect_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        [path] = write_atomic(tmp_path / "a.json", "{}")
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
        os.umask(0o077)
        [path] = write_atomic(tmp_path / "b.json", "{}")
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        os.umask(0o002)
        with _store(tmp_path) as store:
            written = export(store, "csv", tmp_path / "csv")
        assert {stat.S_IMODE(p.stat().st_mode) for p in written} == {0o664}
    finally:
        os.umask(old)


def test_a_folder_where_a_file_goes_and_a_file_where_a_folder_goes_are_named(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out.txt").write_text("kept", encoding="utf-8")
    with _store(tmp_path) as store:
        with pytest.raises(QuellenError, match="out: cannot write the json export: it is a folder .*name a file"):
            export(store, "json", tmp_path / "out")
        with pytest.raises(QuellenError, match=r"out\.txt: cannot write the csv export: a file is in the way"):
            export(store, "csv", tmp_path / "out.txt")
    assert list((tmp_path / "out").iterdir()) == [] and (tmp_path / "out.txt").read_text(encoding="utf-8") == "kept"


def test_a_failed_write_names_the_folder_not_the_temp_file(tmp_path, monkeypatch):
    import quellen.export._io as io_module

    def full_disk(src, dst):
        raise OSError(28, "No space left on device", str(src))
    monkeypatch.setattr(io_module.os, "replace", full_disk)
    with _store(tmp_path) as store:
        with pytest.raises(QuellenError) as err:
            export(store, "json", tmp_path / "corpus.json")
    message = str(err.value)
    assert message == (f"{tmp_path / 'corpus.json'}: cannot write the json export: No space left on device "
                       f"(writing into {tmp_path})")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".quellen-")]  # and the temp file is gone
