"""The web app: Starlette routes over :mod:`quellen.web.views`, Jinja2 templates, static assets.

Every page ``/x`` has a JSON twin ``/x.json`` with the same data. The app opens the
store read-only. When a token is set, every request must carry it (``?token=``,
``Authorization: Bearer``, or the cookie the first ``?token=`` visit sets).
"""
from __future__ import annotations

import hmac
import ipaddress
import os
import threading
from pathlib import Path
from typing import Any, Callable

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from .._version import __version__
from ..store import open_store
from . import views

__all__ = ["create_app", "is_loopback", "serve", "check_token", "app_from_environment", "MIN_TOKEN"]

HERE = Path(__file__).resolve().parent
TOKEN_COOKIE = "quellen_token"
#: no inline script, nothing from elsewhere: a defence in depth behind autoescaping
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


#: the shortest token ``serve`` accepts: a guessable token is no guard
MIN_TOKEN = 16
#: names a browser on this machine uses for a loopback server; another Host header, when no token
#: is set, is a page elsewhere reaching the server through DNS rebinding
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]", "::1")
#: static assets: one year, not revalidated (their URLs carry the version, ?v=)
STATIC_CACHE = "public, max-age=31536000, immutable"
SECURITY_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]


def is_loopback(host: str) -> bool:
    """Return True when ``host`` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_token(token: str | None) -> str | None:
    """Return ``token`` (None when unset); raise when it is too short to guard anything."""
    from ..errors import QuellenError
    if token is not None and len(token) < MIN_TOKEN:
        raise QuellenError(f"the token must be at least {MIN_TOKEN} characters long "
                           "(for instance: python -c 'import secrets; print(secrets.token_urlsafe())')")
    return token


def _host_name(header: str) -> str:
    """Return the host of a Host header without its port (``[::1]:8000`` -> ``[::1]``)."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[:header.find("]") + 1] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class _Guard:
    """Pure ASGI middleware on every response, errors included: the token (when one is set), else the
    Host header (DNS rebinding), security headers, and long-lived caching for static assets."""

    def __init__(self, app, token: str | None, hosts: tuple[str, ...] | None):
        self.app = app
        self.token = token
        self.hosts = None if hosts is None else frozenset(h.lower() for h in hosts)

    def _refusal(self, scope) -> tuple[int, str] | None:
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if self.token:
            from urllib.parse import parse_qs
            from http.cookies import SimpleCookie
            query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
            auth = headers.get("authorization", "")
            cookie = SimpleCookie()
            try:
                cookie.load(headers.get("cookie", ""))
            except Exception:  # noqa: BLE001 - a malformed cookie header is no token
                pass
            given = ((query.get("token") or [None])[0] or (auth[7:] if auth.lower().startswith("bearer ") else None)
                     or (cookie[TOKEN_COOKIE].value if TOKEN_COOKIE in cookie else None))
            if not given or not hmac.compare_digest(given.encode(), self.token.encode()):
                return 401, "a valid token is required (?token=...)"
        elif self.hosts is not None and _host_name(headers.get("host", "")) not in self.hosts:
            return 400, "unexpected Host header: open the app through the address it was started on"
        return None

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        set_cookie = None
        if self.token and b"token=" in scope.get("query_string", b""):
            set_cookie = f"{TOKEN_COOKIE}={self.token}; HttpOnly; Path=/; SameSite=Strict".encode()

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += SECURITY_HEADERS
                if path.startswith("/static/") and message["status"] == 200:
                    headers.append((b"cache-control", STATIC_CACHE.encode()))
                if set_cookie and message["status"] < 400:
                    headers.append((b"set-cookie", set_cookie))
                message = {**message, "headers": headers}
            await send(message)

        refusal = self._refusal(scope)
        if refusal:
            status, text = refusal
            body = text.encode()
            await send_with_headers({"type": "http.response.start", "status": status, "headers": [
                (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
            await send_with_headers({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send_with_headers)


class _PageCache:
    """Rendered pages kept by URL while the store stays the same file (the app only reads it, so a page
    is a function of its URL and the store): a page asked for again is sent, not rebuilt. Least
    recently used pages go first past ``budget`` bytes in all; pages over ``largest`` bytes are not kept."""

    def __init__(self, lib: views.Library, budget: int = 64_000_000, largest: int = 2_000_000):
        from collections import OrderedDict
        self.lib, self.budget, self.largest = lib, budget, largest
        self._pages: OrderedDict = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def wrap(self, endpoint: Callable[[Request], Response]) -> Callable[[Request], Response]:
        """Return ``endpoint`` answering from the cache when it can."""
        def cached(request: Request) -> Response:
            query = request.url.query
            if "token=" in query:
                return endpoint(request)
            key = (request.url.path, query)
            stamp = self.lib.stamp()
            with self._lock:
                hit = self._pages.get(key)
                if hit and hit[0] == stamp:
                    self._pages.move_to_end(key)
                    return Response(hit[1], status_code=hit[2], media_type=hit[3])
            response = endpoint(request)
            body = getattr(response, "body", None)
            if isinstance(body, bytes) and len(body) <= self.largest and response.status_code == 200:
                with self._lock:
                    old = self._pages.pop(key, None)
                    self._bytes += len(body) - (len(old[1]) if old else 0)
                    self._pages[key] = (stamp, body, response.status_code, response.media_type)
                    while self._bytes > self.budget:
                        self._bytes -= len(self._pages.popitem(last=False)[1][1])
            return response
        return cached


class _ThreadStores:
    """The store, opened read-only once per thread: requests run in a thread pool, and one database
    connection shared by threads would serialise them (and an SQLite one is not meant to be shared)."""

    def __init__(self, db: str | Path):
        self.db_name = db
        self._local = threading.local()
        self.first = open_store(db, create=False, readonly=True)  # a clear error now, not on the first request
        self._local.store = self.first

    def _store(self):
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.db_name, create=False, readonly=True)
        return store

    def __getattr__(self, name: str):
        return getattr(self._store(), name)


def create_app(db: str | Path, token: str | None = None,
               hosts: tuple[str, ...] | None = LOOPBACK_HOSTS) -> Starlette:
    """Return the ASGI app over the store at ``db`` (opened read-only, once per thread).

    ``token``, when set (16 characters or more), is required on every request; without one, only
    requests whose Host header names one of ``hosts`` are served (None: any).
    """
    token = check_token(token)
    store = _ThreadStores(db)
    lib = views.Library(store)
    # autoescape everywhere: every string from a source is untrusted (scraped pages)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True)
    templates = Jinja2Templates(env=env)
    templates.env.globals["vendor"] = (HERE / "static" / "vendor").is_dir()
    templates.env.filters["label"] = lambda s: str(s).replace("_", " ")
    templates.env.globals["asset_version"] = __version__

    def render(request: Request, template: str, data: dict[str, Any], as_json: bool, title: str) -> Response:
        if as_json:
            return JSONResponse(views.public(data))
        return templates.TemplateResponse(request, template, {"data": data, "title": title,
                                                              "json_data": views.public(data)})

    # plain (not async) endpoints: Starlette runs them in its thread pool, so a slow page never
    # holds up the event loop, the static files or the other requests
    def page(template: str, title: str, build: Callable[[Request], dict[str, Any]]):
        def endpoint(request: Request) -> Response:
            as_json = request.url.path.endswith(".json")
            return render(request, template, build(request), as_json, title)
        return endpoint

    def record(template: str, build: Callable[[Request, str], dict[str, Any]], title: Callable[[dict], str]):
        def endpoint(request: Request) -> Response:
            ident = request.path_params["ident"]
            try:
                data = build(request, ident)
                return render(request, template, data, False, title(data))
            except views.NotFound:
                if not ident.endswith(".json"):
                    raise
            data = build(request, ident[:-5])
            return render(request, template, data, True, title(data))
        return endpoint

    q = lambda request, name: request.query_params.get(name)  # noqa: E731
    pages = [
        ("/", "overview.html", "Overview", lambda r: views.overview(lib)),
        ("/documents", "documents.html", "Documents",
         lambda r: views.documents(lib, q(r, "page"), q(r, "kind"), q(r, "source"))),
        ("/entities", "entities.html", "Entities", lambda r: views.entities(lib, q(r, "type"), q(r, "page"))),
        ("/timeline", "timeline.html", "Timeline",
         lambda r: views.timeline(lib, q(r, "person"), q(r, "place"), q(r, "kind"), q(r, "disputed"), q(r, "page"),
                                  q(r, "year"))),
        ("/map", "map.html", "Map", lambda r: views.map_view(lib, q(r, "person"))),
        ("/network", "network.html", "Network",
         lambda r: views.network_view(lib, q(r, "kind"), q(r, "min_weight"), q(r, "person"), q(r, "limit"))),
        ("/conflicts", "conflicts.html", "Conflicts", lambda r: views.conflicts(lib)),
        ("/search", "search.html", "Search", lambda r: views.search(lib, q(r, "q"), q(r, "limit"))),
    ]
    pages_cache = _PageCache(lib)
    routes = []
    for path, template, title, build in pages:
        endpoint = pages_cache.wrap(page(template, title, build))
        routes.append(Route(path, endpoint))
        routes.append(Route("/index.json" if path == "/" else path + ".json", endpoint))
    routes += [
        Route("/documents/{ident}", pages_cache.wrap(record("document.html",
                                                            lambda r, i: views.document(lib, i, q(r, "hl")),
                                                            lambda d: d["title"]))),
        Route("/sources/{ident}", pages_cache.wrap(record("source.html",
                                                          lambda r, i: views.source(lib, i, q(r, "page")),
                                                          lambda d: d["name"]))),
        Route("/entities/{ident}", pages_cache.wrap(record("entity.html", lambda r, i: views.entity(lib, i),
                                          lambda d: d["entity"]["name"]))),
        Route("/events/{ident}", pages_cache.wrap(record("event.html", lambda r, i: views.event(lib, i),
                                        lambda d: d["event"]["summary"]))),
        Route("/reuse/{ident}", pages_cache.wrap(record("reuse.html",
                                                        lambda r, i: views.reuse(lib, i, q(r, "a"), q(r, "b")),
                                                        lambda d: f"Reuse {d['relation']}"))),
        Mount("/static", app=StaticFiles(directory=str(HERE / "static")), name="static"),
    ]

    async def not_found(request: Request, exc: Exception) -> Response:
        return _error(request, 404, str(exc) or "not found")

    async def bad_request(request: Request, exc: Exception) -> Response:
        return _error(request, 400, str(exc))

    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, exc.detail, exc.headers)  # 405 keeps its Allow header

    def _error(request: Request, status: int, message: str, headers: dict | None = None) -> Response:
        if request.url.path.endswith(".json"):
            return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)
        return templates.TemplateResponse(request, "error.html", {"title": str(status), "status": status,
                                                                  "message": message}, status_code=status,
                                          headers=headers)

    app = Starlette(routes=routes, middleware=[Middleware(_Guard, token=token, hosts=hosts)],
                    exception_handlers={views.NotFound: not_found, views.BadRequest: bad_request,
                                        HTTPException: http_error})
    app.state.store = store.first
    app.state.stores = store
    return app


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          workers: int = 1, ready: Callable[[], None] | None = None) -> None:
    """Run the app with uvicorn until interrupted, in ``workers`` processes; refuse a non-loopback host
    without a token, a token shorter than 16 characters, and a port another server holds. ``ready`` is
    called once all that is checked, just before the server starts (the CLI says where it serves)."""
    import uvicorn
    from ..errors import QuellenError
    token = check_token(token or os.environ.get("QUELLEN_TOKEN") or None)
    if not is_loopback(host) and not token:
        raise QuellenError(f"binding to {host} exposes the corpus to the network: set --token or QUELLEN_TOKEN")
    if workers < 1:
        raise QuellenError(f"--workers must be 1 or more, not {workers}")
    check_port(host, port)
    if ready:
        ready()
    hosts = _hosts_for(host)
    if workers == 1:
        uvicorn.run(create_app(db, token=token, hosts=hosts), host=host, port=port, log_level="warning")
        return
    # several processes: uvicorn imports the app in each from an import string; the settings travel
    # in the environment of the worker processes
    from ..store import is_postgres_url
    os.environ.update({"QUELLEN_SERVE_DB": str(db) if is_postgres_url(db) else str(Path(db).resolve()),
                       "QUELLEN_SERVE_HOSTS": "\n".join(hosts or ())})
    if token:
        os.environ["QUELLEN_TOKEN"] = token
    uvicorn.run("quellen.web.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level="warning")


def check_port(host: str, port: int) -> None:
    """Return None when ``host``:``port`` can be listened on; raise a :class:`QuellenError` naming the
    port when it cannot (another server holds it), instead of uvicorn's log line after the banner."""
    import socket
    from ..errors import QuellenError
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise QuellenError(f"cannot listen on {host}: {exc.strerror}") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind(address)
        except OSError as exc:
            raise QuellenError(f"cannot listen on {host}:{port}: {exc.strerror} (another server holds "
                               "the port? choose one with --port)") from None


def _hosts_for(host: str) -> tuple[str, ...]:
    """Return the Host header values a server bound to ``host`` answers without a token."""
    bound = () if host in ("0.0.0.0", "::", "") else ((f"[{host}]" if ":" in host else host),)
    return LOOPBACK_HOSTS + bound


def app_from_environment() -> Starlette:
    """Return the app for one worker process of ``serve(..., workers=N)`` (settings from the environment)."""
    hosts = tuple(h for h in os.environ.get("QUELLEN_SERVE_HOSTS", "").split("\n") if h) or LOOPBACK_HOSTS
    return create_app(os.environ["QUELLEN_SERVE_DB"], token=os.environ.get("QUELLEN_TOKEN") or None, hosts=hosts)
