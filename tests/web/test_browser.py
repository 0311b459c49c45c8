"""Browser tests: Playwright (Python) driving Debian's Chromium over the app served by uvicorn.

Click a timeline event and land on its highlighted passage, see the map's markers, run a
search, and save screenshots of the timeline, map, reader and network pages to
tests/artifacts/screenshots/ (or to $QUELLEN_SCREENSHOTS, e.g. docs/screenshots to refresh the
README's pictures). Chromium is installed from Debian when missing (root only), and the
JavaScript assets are built with scripts/build-assets when missing.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(os.environ.get("QUELLEN_SCREENSHOTS") or ROOT / "tests" / "artifacts" / "screenshots")
VENDOR = ROOT / "src" / "quellen" / "web" / "static" / "vendor"
#: a disputed event's box or bar on the timeline (not its connector line or dot)
DISPUTED_ITEM = ".vis-item.disputed:not(.vis-line):not(.vis-dot)"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _ensure_chromium() -> None:
    if os.path.exists(CHROMIUM):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False, env=env)
    if not os.path.exists(CHROMIUM):
        pytest.skip("Chromium is not installed (run scripts/install-browser)")


def _ensure_assets() -> None:
    if not (VENDOR / "vis-timeline").is_dir():
        subprocess.run([str(ROOT / "scripts" / "build-assets")], check=False, cwd=ROOT)
    if not (VENDOR / "vis-timeline").is_dir():
        pytest.skip("the JavaScript assets are missing (run scripts/build-assets)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Server:
    """uvicorn in a thread on a free loopback port."""

    def __init__(self, db):
        import uvicorn
        from quellen.web.app import create_app
        self.port = _free_port()
        self.server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started:
            if time.time() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def browser():
    pytest.importorskip("playwright")
    _ensure_chromium()
    _ensure_assets()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def base_url(small_store):
    with _Server(small_store) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    pg.errors = errors
    yield pg
    context.close()
    assert not errors, errors  # no script error, and no alert() from a hostile text ever ran


def _shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def test_click_timeline_event_lands_on_highlighted_passage(page, base_url):
    page.goto(f"{base_url}/timeline")
    item = page.locator(".vis-item", has_text="Mazzini arrives in Milan")
    item.wait_for(state="visible", timeout=15000)
    _shot(page, "timeline")
    item.click()
    card = page.locator("article.event.selected")
    card.wait_for(timeout=5000)
    assert card.get_attribute("id") == "ev-arrival"
    card.locator("a.passage-link").first.click()
    page.wait_for_url("**/documents/**")
    highlighted = page.locator("#text .hl")
    highlighted.first.wait_for(timeout=5000)
    text = "".join(highlighted.all_inner_texts())
    assert "Come at once" in text
    assert highlighted.first.is_visible()


def test_map_shows_markers_and_itineraries(page, base_url):
    page.goto(f"{base_url}/map")
    markers = page.locator("path.place-marker")
    markers.first.wait_for(timeout=15000)
    assert markers.count() == 4
    assert page.locator("path.itinerary").count() >= 1
    page.locator("path.leaflet-interactive").nth(1).wait_for()
    page.wait_for_timeout(500)  # the basemap arrives by fetch
    _shot(page, "map")
    markers.first.click(force=True)
    assert page.locator(".leaflet-popup-content a").count() >= 1


def test_map_follows_one_person_and_a_stop_opens_the_timeline(page, base_url):
    page.goto(f"{base_url}/map")
    page.locator("path.itinerary").first.wait_for(timeout=15000)
    page.locator("path.itinerary").first.click(force=True)  # a line follows that person alone
    page.wait_for_url("**/map?person=ent-mazzini")
    stops = page.locator(".stop-icon")
    stops.first.wait_for(timeout=15000)
    assert stops.count() == 2 and stops.nth(0).inner_text() == "1"
    assert page.locator("path.place-marker").count() == 2  # only the places on the route
    stops.nth(1).click()
    page.locator(".leaflet-popup-content a.to-timeline").click()
    page.wait_for_url("**/timeline?person=ent-mazzini**")
    page.locator("article.event").first.wait_for(timeout=5000)
    assert page.locator("article.event").count() >= 1


def test_timeline_fits_its_box_and_keeps_the_conflict_in_sight(page, base_url):
    page.goto(f"{base_url}/timeline")
    disputed = page.locator(DISPUTED_ITEM)
    disputed.first.wait_for(timeout=15000)
    assert "Mazzini arrives" in disputed.first.inner_text()
    # the chart grows to its lanes instead of scrolling inside itself
    assert page.evaluate("""() => Array.from(document.querySelectorAll(
            '#timeline .vis-panel.vis-center, #timeline .vis-panel.vis-left'))
        .every(p => p.scrollHeight <= p.clientHeight + 2)""")
    lanes = page.locator("#timeline .vis-label").all_inner_texts()
    assert lanes[0].startswith("⚠ disputed") and "letter" in lanes and "diary" in lanes


def test_network_uses_the_width_of_its_box(page, base_url):
    page.goto(f"{base_url}/network")
    page.locator("#network canvas").first.wait_for(timeout=15000)
    page.wait_for_timeout(500)
    width = page.evaluate("() => document.getElementById('network').clientWidth")
    spread = page.evaluate("() => { var bb = window.quellen.network.nodes().renderedBoundingBox(); return bb.w; }")
    assert spread > 0.6 * width


def test_search_from_the_header(page, base_url):
    page.goto(base_url)
    page.fill("header input[name=q]", "Radetzky")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Radetzky")
    assert page.locator("ol.hits li").count() == 3
    assert page.locator("ol.hits mark").first.inner_text() == "Radetzky"


def test_reader_and_hash_highlight(page, base_url):
    page.goto(f"{base_url}/documents.json")
    letter = next(d for d in page.evaluate("() => JSON.parse(document.body.innerText)")["documents"]
                  if d["kind"] == "letter")
    page.goto(f"{base_url}{letter['href']}#c120-160")
    page.locator("#text .hl").first.wait_for(timeout=5000)
    assert page.locator("#text .m-person").count() >= 3
    assert page.locator("table.collation tr.diff").count() == 1
    _shot(page, "reader")


def test_hostile_document_runs_no_script(page, base_url):
    page.goto(f"{base_url}/documents?kind=other")
    page.locator("table.list a").first.click()
    page.wait_for_load_state("load")
    assert "<script>" in page.locator("#text").inner_text()
    page.goto(f"{base_url}/search?q=alert")
    page.goto(f"{base_url}/entities/ent-evil")
    # the page fixture fails the test if any dialog opened or any script error happened


def test_network_draws_the_graph(page, base_url):
    page.goto(f"{base_url}/network")
    page.locator("#network canvas").first.wait_for(timeout=15000)
    page.wait_for_timeout(800)
    _shot(page, "network")
    assert page.locator("table.list tbody tr").count() >= 3


@pytest.mark.slow
def test_seed_pages(browser, seed_build):
    """Open the seed corpus's pages: every view answers without script errors; screenshots saved."""
    db, data = seed_build
    with _Server(db) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 860})
        pg = context.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        for path in ("/", "/documents", "/entities", "/timeline", "/map", "/network", "/conflicts"):
            response = pg.goto(url + path)
            assert response.status == 200, path
        if data["documents"]:
            first = data["documents"][len(data["documents"]) // 2]
            assert pg.goto(f"{url}/documents/{first['id']}").status == 200
            _shot(pg, "seed-reader")
            word = max(pg.locator("#text").inner_text().split(), key=len).strip(".,;:!?\"'()")
            pg.goto(f"{url}/search?q={word}")
            assert pg.locator("ol.hits li a").count() >= 1
        if data["events"]:
            pg.goto(f"{url}/timeline")
            pg.locator(".vis-item:visible").first.wait_for(timeout=15000)
            _shot(pg, "seed-timeline")
            pg.locator("article.event a.passage-link").first.click()
            pg.locator("#text .hl").first.wait_for(timeout=5000)
        if any(e["geo"] for e in data["entities"]):
            pg.goto(f"{url}/map")
            pg.locator("path.place-marker").first.wait_for(timeout=15000)
            pg.wait_for_timeout(500)
            _shot(pg, "seed-map")
        pg.goto(f"{url}/network")
        pg.wait_for_timeout(1000)
        _shot(pg, "seed-network")
        context.close()
        assert not errors, errors


def test_sample_corpus_pages(browser, sample_build):
    """The README's pictures: the sample corpus's timeline, reader, map and network, without script errors."""
    code, err, db = sample_build  # the store built from examples/, the README's sample corpus (tests/conftest.py)
    assert code == 0, err
    with _Server(db) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        pg = context.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        assert pg.goto(url + "/timeline").status == 200
        pg.locator(".vis-item:visible").first.wait_for(timeout=15000)
        pg.wait_for_timeout(300)
        _shot(pg, "sample-timeline")
        # the sample's conflict (the bridge fell on the 11th or the 13th) is on the chart, both sides
        disputed = pg.locator(DISPUTED_ITEM)
        assert disputed.count() == 2
        assert pg.evaluate("() => document.querySelectorAll('#timeline .vis-panel.vis-center')[0].scrollHeight"
                           " <= document.querySelectorAll('#timeline .vis-panel.vis-center')[0].clientHeight + 2")
        # a cluster zooms in on click
        cluster = pg.locator(".vis-cluster").first
        if cluster.count():
            before = pg.evaluate("() => { var w = window.quellen.timeline.getWindow(); return w.end - w.start; }")
            cluster.click()
            pg.wait_for_timeout(300)
            after = pg.evaluate("() => { var w = window.quellen.timeline.getWindow(); return w.end - w.start; }")
            assert after < before
        assert pg.goto(url + "/conflicts").status == 200
        values = pg.locator("article.conflict .claim .value").all_inner_texts()
        assert any("1862-03-11" in v for v in values) and any("1862-03-13" in v for v in values)
        _shot(pg, "sample-conflicts")
        pg.goto(url + "/timeline")
        pg.locator(".vis-item:visible").first.wait_for(timeout=15000)
        pg.locator("article.event a.passage-link").first.click()
        pg.locator("#text .hl").first.wait_for(timeout=5000)
        _shot(pg, "sample-reader")
        assert pg.goto(url + "/map").status == 200
        pg.locator("path.place-marker").first.wait_for(timeout=15000)
        pg.wait_for_timeout(500)
        _shot(pg, "sample-map")
        assert pg.goto(url + "/network").status == 200
        pg.wait_for_timeout(1000)
        _shot(pg, "sample-network")
        context.close()
        assert not errors, errors
