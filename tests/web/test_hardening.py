"""The web server under attack and under load: security headers on every response (401, 404, 405
too), ``Allow`` on 405, the Host header checked without a token (DNS rebinding), tokens of 16
characters or more, long-lived caching of versioned static assets, and page work off the event loop
with one SQLite connection per thread."""
from __future__ import annotations

import inspect
import threading

import pytest

pytest.importorskip("starlette")
from starlette.routing import Route  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from quellen.errors import QuellenError  # noqa: E402
from quellen.web.app import app_from_environment, create_app, serve  # noqa: E402

TOKEN = "a-token-of-24-characters"
HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy")


@pytest.fixture(scope="module")
def client(small_store):
    with TestClient(create_app(small_store), base_url="http://localhost") as c:
        yield c


def test_security_headers_on_every_response(small_store, client):
    responses = [client.get("/"), client.get("/no/such/page"), client.post("/"), client.get("/static/quellen.css"),
                 client.get("/static/nothing.js"), client.get("/documents/nope.json")]
    with TestClient(create_app(small_store, token=TOKEN), base_url="http://localhost") as guarded:
        responses.append(guarded.get("/"))
    assert [r.status_code for r in responses] == [200, 404, 405, 200, 404, 404, 401]
    for r in responses:
        assert all(h in r.headers for h in HEADERS), (r.status_code, r.headers)


def test_405_says_what_is_allowed(client):
    r = client.post("/documents")
    assert r.status_code == 405 and "GET" in r.headers["allow"]


@pytest.mark.parametrize("host,status", [("localhost", 200), ("127.0.0.1:8000", 200), ("[::1]:8000", 200),
                                         ("evil.example", 400), ("evil.example:8000", 400), ("127.0.0.1.nip.io", 400)])
def test_host_header_checked_without_token(client, host, status):
    assert client.get("/", headers={"host": host}).status_code == status


def test_host_header_not_needed_with_a_token(small_store):
    with TestClient(create_app(small_store, token=TOKEN), base_url="http://quellen.example.org") as c:
        assert c.get(f"/?token={TOKEN}").status_code == 200


def test_short_tokens_are_refused(small_store, monkeypatch):
    with pytest.raises(QuellenError, match="16 characters"):
        create_app(small_store, token="x")
    monkeypatch.delenv("QUELLEN_TOKEN", raising=False)
    with pytest.raises(QuellenError, match="16 characters"):
        serve(small_store, host="0.0.0.0", token="short-token")


def test_static_assets_are_versioned_and_cached_long(client):
    page = client.get("/").text
    assert "/static/quellen.css?v=" in page and "/static/quellen.js?v=" in page
    cache = client.get("/static/quellen.js").headers["cache-control"]
    assert "max-age=31536000" in cache and "immutable" in cache
    assert "cache-control" not in client.get("/").headers or "immutable" not in client.get("/").headers["cache-control"]


def test_page_work_runs_in_the_thread_pool_not_on_the_event_loop(small_store):
    app = create_app(small_store)
    endpoints = [r.endpoint for r in app.routes if isinstance(r, Route)]
    assert endpoints and not any(inspect.iscoroutinefunction(e) for e in endpoints)


def test_one_sqlite_connection_per_thread(small_store):
    stores = create_app(small_store).state.stores
    mine = stores.db
    seen = []
    thread = threading.Thread(target=lambda: seen.append(stores.db))
    thread.start()
    thread.join()
    assert seen and seen[0] is not mine and stores.db is mine
    assert seen[0].execute("SELECT count(*) FROM documents").fetchone()[0] > 0


def test_workers_option_and_worker_factory(small_store, monkeypatch):
    from quellen.cli import make_parser
    assert make_parser().parse_args(["serve", "--workers", "3"]).workers == 3
    monkeypatch.setenv("QUELLEN_SERVE_DB", str(small_store))
    monkeypatch.setenv("QUELLEN_SERVE_HOSTS", "localhost\n127.0.0.1")
    monkeypatch.delenv("QUELLEN_TOKEN", raising=False)
    with TestClient(app_from_environment(), base_url="http://localhost") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"host": "evil.example"}).status_code == 400


def test_a_page_asked_again_is_served_from_the_cache_until_the_store_changes(tmp_path):
    from quellen.model import Document, Source
    from quellen.store import Store
    db = tmp_path / "q.db"

    def add(n: int) -> None:
        text = f"Letter number {n}, of 9 May 1790.\n"
        with Store(db) as store:
            store.add_source(Source(id=f"src-{n}", name=f"{n}.txt", sha256=str(n) * 64, media_type="text/plain",
                                    text=text), [Document(id=f"doc-{n}", source=f"src-{n}", char_start=0,
                                                          char_end=len(text) - 1, kind="letter")], [], [], {})
    add(1)
    with TestClient(create_app(db), base_url="http://localhost") as c:
        first = c.get("/documents")
        again = c.get("/documents")
        assert again.text == first.text and again.headers["content-type"].startswith("text/html")
        assert c.get("/documents.json").headers["content-type"] == "application/json"
        assert c.get("/documents.json").json() == c.get("/documents.json").json()
        import os
        import time
        time.sleep(0.01)
        add(2)
        os.utime(db)
        assert "doc-2" in c.get("/documents").text
