"""The self-contained report: offline, escaped, with overview, timeline, map and conflicts."""
from __future__ import annotations

import json
import re

import pytest

from quellen.export import export
from quellen.export.report import land_paths, to_html
from quellen.store import Store


@pytest.fixture(scope="module")
def html(small_store):
    with Store(small_store, create=False) as store:
        return to_html(store)


def test_report_has_every_part(html):
    for anchor in ("overview", "timeline", "map", "conflicts", "reuse", "events"):
        assert f'id="{anchor}"' in html
    assert html.count('class="place"') == 4
    assert html.count('<rect class="ev') == 4
    assert "Mazzini&#39;s arrival in Milan" in html or "Mazzini's arrival in Milan" in html
    assert 'id="ev-arrival"' in html and 'href="#conf-arrival"' in html
    # a copy says it is no witness of its own, a hearsay passage that it is hearsay
    assert "not a witness of its own: lies in one reuse group with passage 1" in html and ", hearsay" in html


def test_report_lists_the_reused_passages_with_who_wrote_each_when(html):
    assert 'id="reuse"' in html and 'href="#reuse"' in html
    section = html[html.index('id="reuse"'):html.index('id="events"')]
    first, second = section.split('<p>1. ')[1], section.split('<p>2. ')[1]
    assert first.startswith("letters-1848.txt, letter, Giuseppe Mazzini, 22 March 1848")
    assert second.startswith("memoir.html, memoir, Carlo Cattaneo")
    assert "The people rose on the 18th and drove Radetzky" in section


def test_a_conflicts_claims_say_who_wrote_them_when_and_which_is_denied(html):
    section = html[html.index('id="conflicts"'):html.index('id="reuse"')]
    assert "Cattaneo, 7 April 1848" in section and "(denied)" in section


def test_report_is_self_contained(html):
    """Nothing is fetched: no src=, no stylesheet links, no http(s) URLs in attributes."""
    assert not re.search(r"""<(script|img|link|iframe)[^>]+(src|href)=""", html)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)


def test_report_escapes_hostile_text(html):
    assert "<script>alert" not in html and "<img src=x" not in html and "<b onmouseover" not in html
    assert 'href="javascript:' not in html
    assert html.count("<script") == 2  # the JSON data block and the one pinned inline script
    data = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S).group(1)
    assert json.loads(data)["counts"]["events"] == 4


def test_report_command_writes_a_file(small_store, tmp_path):
    with Store(small_store, create=False) as store:
        [path] = export(store, "report", tmp_path / "r.html")
    assert path.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_report_of_an_empty_store(tmp_path):
    with Store(tmp_path / "e.db") as store:
        html = to_html(store)
    assert "No events yet." in html and "No conflicts found." in html


def test_land_paths_decode_topojson():
    topo = {"type": "Topology", "transform": {"scale": [1, 1], "translate": [0, 0]},
            "arcs": [[[0, 0], [10, 0], [0, 10], [-10, 0]]],
            "objects": {"land": {"type": "GeometryCollection",
                                 "geometries": [{"type": "Polygon", "arcs": [[0]]}]}}}
    assert land_paths(topo, lambda lon, lat: (lon, -lat)) == ["M0.0,0.0L10.0,0.0L10.0,-10.0L0.0,-10.0Z"]
    assert land_paths(None, lambda lon, lat: (lon, lat)) == []


def test_rings_across_the_antimeridian_are_not_drawn_as_bands():
    topo = {"type": "Topology", "arcs": [[[170, 60], [-170, 60], [-170, 70], [170, 70], [170, 60]]],
            "objects": {"land": {"type": "GeometryCollection", "geometries": [{"type": "Polygon", "arcs": [[0]]}]}}}
    [path] = land_paths(topo, lambda lon, lat: (lon, lat))
    rings = [[float(pt.split(",")[0]) for pt in ring.strip("M").split("L")] for ring in path.split("Z") if ring]
    assert len(rings) == 2  # drawn east of +170°, and again west of -170°
    assert all(max(xs) - min(xs) == 20 for xs in rings)


def test_report_data_speaks_the_export_vocabulary(html, small_store):
    """An event or a conflict in the report's data block is the export's record, with the reader's additions."""
    from quellen.export.json_export import to_dict
    with Store(small_store, create=False) as store:
        exported = to_dict(store)
    data = json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html,
                                re.S).group(1))
    for part in ("events", "conflicts"):
        mine = {r["id"]: r for r in data[part]}
        assert set(mine) == {r["id"] for r in exported[part]}
        for record in exported[part]:
            assert {k: mine[record["id"]][k] for k in record if k not in ("attestations", "claims")} == \
                {k: v for k, v in record.items() if k not in ("attestations", "claims")}
            for key in ("attestations", "claims"):
                for ours, theirs in zip(mine[record["id"]].get(key, []), record.get(key, [])):
                    assert {k: ours[k] for k in theirs} == theirs


def test_a_report_name_without_html_gets_the_suffix(small_store, tmp_path):
    with Store(small_store, create=False) as store:
        assert export(store, "report", tmp_path / "r.htm") == [tmp_path / "r.htm"]
        assert export(store, "report", tmp_path / "report") == [tmp_path / "report.html"]
        assert export(store, "report", tmp_path / "notes.txt") == [tmp_path / "notes.txt.html"]
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    assert not (tmp_path / "report").exists() and not (tmp_path / "notes.txt").exists()
