"""The web app in-process: every page and its JSON twin, 404/400 instead of 500, escaping of
hostile texts, the token guard, read-only access, and import hygiene."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings, strategies as st
from lxml import html as lxml_html

pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402

from quellen.store import Store  # noqa: E402
from quellen.web import views  # noqa: E402
from quellen.web.app import create_app, is_loopback  # noqa: E402

PAGES = ["/", "/documents", "/entities", "/timeline", "/map", "/network", "/conflicts", "/search?q=Milan",
         "/reuse/reuse-rising", "/documents?kind=letter", "/entities?type=place", "/timeline?person=ent-mazzini",
         "/timeline?place=ent-milan&kind=memoir", "/timeline?disputed=1", "/network?kind=correspondence",
         "/network?kind=cooccurrence&min_weight=2&person=ent-mazzini"]


@pytest.fixture(scope="module")
def client(small_store):
    with TestClient(create_app(small_store), base_url="http://localhost") as c:
        yield c


@pytest.fixture(scope="module")
def ids(small_store):
    with Store(small_store, create=False) as store:
        return {"documents": [d.id for d in store.documents()], "entities": [e.id for e in store.entities()],
                "hostile": store.documents(kind="other")[0].id}


def assert_safe(page: str) -> None:
    """No script but ours, no event-handler attribute, no javascript: link in a rendered page."""
    tree = lxml_html.fromstring(page)
    for script in tree.iter("script"):
        assert script.get("type") == "application/json" or (script.get("src") or "").startswith("/static/"), \
            lxml_html.tostring(script)
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name, value)
            if name in ("href", "src", "action"):
                assert not value.strip().lower().startswith(("javascript:", "data:", "//")), value
    assert "<script>alert" not in page and "<img src=x" not in page


@pytest.mark.parametrize("path", PAGES)
def test_page_and_json_twin(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text[-500:]
    assert r.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert_safe(r.text)
    base, _, query = path.partition("?")
    twin = client.get(("/index" if base == "/" else base) + ".json" + (f"?{query}" if query else ""))
    assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"
    assert not any(k.startswith("_") for k in twin.json())


def test_every_document_and_entity_page(client, ids):
    for kind in ("documents", "entities"):
        for ident in ids[kind]:
            page = client.get(f"/{kind}/{ident}")
            assert page.status_code == 200
            assert_safe(page.text)
            assert client.get(f"/{kind}/{ident}.json").json()


def test_reader_marks_names_dates_reuse_and_highlight(client, ids):
    letter = ids["documents"][0]
    data = client.get(f"/documents/{letter}.json").json()
    assert data["document"]["kind"] == "letter"
    start = data["text"].index("Radetzky") + data["document"]["char_start"]
    page = client.get(f"/documents/{letter}?hl={start}-{start + 8}").text
    tree = lxml_html.fromstring(page)
    reader = tree.get_element_by_id("text")
    assert "".join(reader.itertext()).replace("⇄", "") == data["text"]
    assert [a.text for a in reader.iterfind(".//span[@class='m-person']/a")][:2] == ["Giuseppe Mazzini",
                                                                                      "Carlo Cattaneo"]
    assert reader.find(".//span[@class='date']").text == "22 March 1848"
    assert "".join(s.text_content() for s in reader.iterfind(".//span") if "hl" in s.get("class", "").split()) \
        == "Radetzky"
    # the mark jumps to the passage's collation on this page, which links to every witness
    assert reader.find(".//a[@class='reuse-mark']").get("href") == "#r-reuse-rising"
    box = tree.get_element_by_id("r-reuse-rising")
    assert any(a.get("href", "").startswith("/reuse/reuse-rising") for a in box.iter("a"))
    rows = tree.find_class("collation")[0].iterfind(".//tr[@class='diff']/td")
    assert [td.text for td in rows] == ["from ", "out of "]
    assert data["reuse"][0]["others"][0]["href"].startswith("/documents/")


def test_reuse_page_collates_any_two_witnesses(client):
    data = client.get("/reuse/reuse-rising.json?a=1&b=0").json()
    assert [r["a"] for r in data["collation"] if not r["same"]] == ["out of "]
    assert client.get("/reuse/reuse-rising?a=7").status_code == 400


def test_overview_lists_which_files_repeat_which(client):
    data = client.get("/index.json").json()
    assert data["reuse"] == [{"id": "reuse-rising", "relation": "near_verbatim", "href": "/reuse/reuse-rising",
                              "sources": ["letters-1848.txt", "memoir.html"]}]
    tree = lxml_html.fromstring(client.get("/").text)
    link = next(a for a in tree.iter("a") if a.get("href") == "/reuse/reuse-rising")
    assert link.text_content() == "letters-1848.txt → memoir.html"


def test_reuse_page_says_who_wrote_each_witness_when_and_marks_the_first(client):
    data = client.get("/reuse/reuse-rising.json").json()
    assert [w["written"] for w in data["witnesses"]] == [["Giuseppe Mazzini", "22 March 1848"], ["Carlo Cattaneo"]]
    tree = lxml_html.fromstring(client.get("/reuse/reuse-rising").text)
    first, second = tree.find_class("witnesses")[0].iterfind("li")
    assert "Giuseppe Mazzini, 22 March 1848" in first.text_content() and "first" in first.text_content()
    assert "first" not in second.text_content()


def test_timeline_events_link_to_highlighted_passages(client):
    data = client.get("/timeline.json").json()
    assert [e["id"] for e in data["events"]] == ["ev-square", "ev-evil", "ev-rising", "ev-arrival"]
    arrival = data["events"][-1]
    assert arrival["conflicts"] == ["conf-arrival"] and arrival["independent_sources"] == 2
    link = arrival["attestations"][0]["href"]
    assert "?hl=" in link and "#c" in link
    page = client.get(link.split("#")[0])
    assert "He reached" in page.text or "Come at once" in page.text
    assert client.get("/timeline.json?person=ent-ryleyev").json()["total"] == 1
    assert client.get("/timeline.json?kind=memoir").json()["total"] == 2


def test_map_network_conflicts_search(client):
    m = client.get("/map.json").json()
    assert {p["name"] for p in m["places"]} == {"Milan", "London", "Turin", "St Petersburg"}
    assert any(r["name"] == "Giuseppe Mazzini" for r in m["itineraries"])
    n = client.get("/network.json?kind=correspondence").json()
    assert {(e["source"], e["target"]) for e in n["edges"]} == {("ent-mazzini", "ent-cattaneo"),
                                                               ("ent-cattaneo", "ent-mazzini")}
    c = client.get("/conflicts.json").json()["conflicts"][0]
    assert [(x["value"], x["stance"]) for x in c["claims"]] == [
        ("1848-04-07", "asserted"), ("1848-04-08", "asserted"), ("1848-04-06", "denied")]
    hits = client.get("/search.json?q=Radetzky").json()["hits"]
    assert hits[0]["kind"] == "entity" and {h["kind"] for h in hits} == {"entity", "document"}
    assert "Radetzky" in client.get("/search?q=Radetzky").text


@pytest.mark.parametrize("q", ['"unclosed', "AND", "a OR", "NEAR(", "*", "col:x", "')--", "<script>alert(1)</script>"])
def test_bad_search_syntax_is_never_a_500(client, q):
    r = client.get("/search", params={"q": q})
    assert r.status_code == 200
    assert_safe(r.text)


def test_hostile_document_everywhere(client, ids):
    for path in (f"/documents/{ids['hostile']}", "/entities/ent-evil", "/search?q=script", "/search?q=alert",
                 "/search?q=onerror", "/timeline", "/", "/documents", "/entities", "/network", "/map"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert_safe(r.text)
    hits = client.get("/search?q=javascript").text
    assert_safe(hits)
    assert "&lt;a href=&#34;javascript:alert(2)&#34;&gt;" in client.get(f"/documents/{ids['hostile']}").text


@pytest.mark.parametrize("path, status", [
    ("/documents/nope", 404), ("/documents/nope.json", 404), ("/entities/%3Cscript%3E", 404),
    ("/reuse/nope", 404), ("/nothing", 404), ("/documents?page=abc", 400), ("/documents?page=99999", 200),
    ("/entities?page=-1", 400), ("/network?kind=other", 400), ("/network?min_weight=x", 400),
    ("/search?q=x&limit=lots", 400)])
def test_bad_parameters(client, path, status):
    r = client.get(path)
    assert r.status_code == status
    if path.endswith(".json"):
        assert r.json()["status"] == status


def test_bad_highlight_is_400(client, ids):
    doc = ids["documents"][0]
    assert client.get(f"/documents/{doc}?hl=9-3").status_code == 400
    assert client.get(f"/documents/{doc}?hl=abc").status_code == 400
    assert client.get(f"/documents/{doc}?hl=0-999999").status_code == 200


def test_token_guard(small_store):
    with TestClient(create_app(small_store, token="s3cret-s3cret-s3cret"), base_url="http://localhost") as c:
        assert c.get("/").status_code == 401
        assert c.get("/static/quellen.css").status_code == 401
        assert c.get("/?token=wrong").status_code == 401
        assert c.get("/", headers={"Authorization": "Bearer s3cret-s3cret-s3cret"}).status_code == 200
        assert c.get("/?token=s3cret-s3cret-s3cret").status_code == 200
        assert c.get("/timeline.json").status_code == 200  # the cookie from the visit above


def test_serve_refuses_public_host_without_token(small_store, monkeypatch):
    from quellen.errors import QuellenError
    from quellen.web.app import serve
    monkeypatch.delenv("QUELLEN_TOKEN", raising=False)
    with pytest.raises(QuellenError, match="token"):
        serve(small_store, host="0.0.0.0")
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")


def test_serve_says_the_port_is_taken_before_it_says_it_serves(small_store, monkeypatch):
    import socket
    from quellen.errors import QuellenError
    from quellen.web import serve  # the CLI's way in
    monkeypatch.delenv("QUELLEN_TOKEN", raising=False)
    said = []
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        with pytest.raises(QuellenError, match=f"cannot listen on 127.0.0.1:{port}: .*--port"):
            serve(small_store, port=port, ready=lambda: said.append("serving"))
    with pytest.raises(QuellenError, match="token"):
        serve(small_store, host="0.0.0.0", ready=lambda: said.append("serving"))
    assert said == []


def test_app_opens_the_store_read_only(small_store):
    app = create_app(small_store)
    with pytest.raises(Exception, match="readonly|read-only"):
        app.state.store.db.execute("DELETE FROM documents")


def test_empty_store_pages(tmp_path):
    Store(tmp_path / "empty.db").close()
    with TestClient(create_app(tmp_path / "empty.db"), base_url="http://localhost") as c:
        for path in PAGES[:8]:
            assert c.get(path.split("?")[0]).status_code == 200, path


def test_import_quellen_does_not_import_the_web_framework():
    code = ("import sys, quellen, quellen.web, quellen.export; "
            "bad = [m for m in ('starlette', 'uvicorn', 'quellen.web.app') if m in sys.modules]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@given(st.text(max_size=40))
@settings(max_examples=60, deadline=None)
def test_span_param_parses_or_raises_bad_request(value):
    try:
        span = views._span_param(value)
    except views.BadRequest:
        return
    assert span is None or (0 <= span[0] <= span[1])


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60), st.sampled_from(["m-person", "date", "hl"])),
                max_size=8))
def test_segments_cover_the_text_exactly(spans):
    text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod."
    marks = [(min(a, b), max(a, b), {"cls": c}) for a, b, c in spans]
    runs = views._segments(text, 5, 50, marks)
    assert "".join(r["text"] for r in runs) == text[5:50]
    assert all(r["start"] < r["end"] for r in runs)


def test_json_twin_is_valid_json_for_hostile_data(client, ids):
    raw = client.get(f"/documents/{ids['hostile']}.json").text
    assert json.loads(raw)["document"]["title"] == '<b onmouseover="alert(3)">x</b>'


def test_event_page_and_timeline_paging(client):
    r = client.get("/events/ev-arrival")
    assert r.status_code == 200 and "Mazzini arrives in Milan" in r.text
    assert_safe(client.get("/events/ev-evil").text)
    data = client.get("/events/ev-arrival.json").json()
    assert data["conflicts"][0]["id"] == "conf-arrival"
    assert client.get("/events/nope").status_code == 404
    t = client.get("/timeline.json?year=1848").json()
    assert t["total"] == 3 and len(t["items"]) == 3 and t["pages"] == 1
    assert client.get("/timeline.json?year=1825").json()["items"][0]["id"] == "ev-square"
    assert client.get("/timeline?year=abc").status_code == 400


@pytest.mark.slow
def test_every_seed_page_answers(seed_build):
    """Every page of the seed's knowledge base answers 200 (documents, entities, reuse, events)."""
    db, data = seed_build
    paths = ["/", "/documents", "/entities", "/timeline", "/map", "/network", "/conflicts", "/search?q=letter"]
    paths += [f"/documents/{d['id']}" for d in data["documents"]] + [f"/entities/{e['id']}" for e in data["entities"]]
    paths += [f"/reuse/{g['id']}" for g in data["reuse"]] + [f"/events/{e['id']}" for e in data["events"]]
    with TestClient(create_app(db), base_url="http://localhost") as c:
        failures = [(p, r.status_code) for p in paths for r in [c.get(p)] if r.status_code != 200]
    assert not failures


def test_every_page_reads_the_same_from_postgresql(small_store, ids, new_postgres_db):
    # `quellen serve --db postgresql://...`: the same hand-made store written to PostgreSQL gives every
    # page's JSON twin, search included, exactly as from SQLite; and the app cannot write there either
    import importlib.util
    from pathlib import Path
    maker = Path(__file__).resolve().parents[1] / "fixtures" / "web" / "make_store.py"
    spec = importlib.util.spec_from_file_location("quellen_fixture_store_pg", maker)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    url = module.make_store(new_postgres_db())
    paths = PAGES + ["/search?q=rose", "/search?q=Mazzini+Milan", "/search?q=aporti"]
    twins = [("/index" if base == "/" else base) + ".json" + (f"?{query}" if query else "")
             for base, _, query in (path.partition("?") for path in paths)]
    twins += [f"/{kind}/{ident}.json" for kind in ("documents", "entities") for ident in ids[kind]]
    app = create_app(url)
    with TestClient(create_app(small_store), base_url="http://localhost") as lite, \
            TestClient(app, base_url="http://localhost") as pg:
        for path in twins:
            got, want = pg.get(path), lite.get(path)
            assert got.status_code == want.status_code == 200, path
            if path.startswith("/search"):  # the same hits; ranks (bm25, ts_rank) and snippets are each engine's
                got, want = ({(h["kind"], h["id"], h["title"]) for h in r.json()["hits"]} for r in (got, want))
                assert got == want, path
            else:
                assert got.json() == want.json(), path
        assert pg.get("/").status_code == 200
    with pytest.raises(Exception, match="read-only"):
        app.state.store.db.execute("DELETE FROM documents")


def test_every_page_the_app_serves_is_in_the_readme_pages_table(small_store):
    # a student reads the README's table to know what the app has: no page may be missing from it
    import re
    from pathlib import Path
    from starlette.routing import Route
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme.split("## The web app", 1)[1].split("\n## ", 1)[0]
    named = {re.sub(r"\{[^}]*\}", "{}", p.split("?")[0]) for p in re.findall(r"`(/[^`]*)`", table)}
    app = create_app(str(small_store))
    served = {re.sub(r"\{[^}]*\}", "{}", r.path) for r in app.routes
              if isinstance(r, Route) and not r.path.endswith(".json")}
    assert served - named == set(), f"pages missing from README's table: {sorted(served - named)}"



def test_an_event_without_a_place_names_its_people_without_a_dangling_separator():
    # "· Garrow" under an event with no place reads as if something were missing before the dot
    import jinja2
    from quellen.web.app import HERE
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True)
    card = env.from_string('{% from "_macros.html" import event_card %}{{ event_card(ev) }}')

    def meta(place_link):
        ev = {"id": "evt-1", "label": "3 April 1871", "summary": "the mill flooded", "independent_sources": 1,
              "attestation_count": 1, "conflicts": [], "attestations": [], "place_link": place_link,
              "actor_links": [{"href": "/entities/ent-a", "name": "Ann Pell"},
                              {"href": "/entities/ent-b", "name": "Tom Pell"}]}
        page = lxml_html.fromstring(card.render(ev=ev))
        return " ".join(page.xpath("//p[@class='meta']")[0].text_content().split())

    assert meta(None) == "Ann Pell, Tom Pell"
    assert meta({"href": "/entities/ent-c", "name": "Penrith"}) == "at Penrith · Ann Pell, Tom Pell"
