"""The web app: Starlette routes over :mod:`quellen.web.views`, Jinja2 templates, static assets.

Every page ``/x`` has a JSON twin ``/x.json`` with the same data. The app opens the
store read-only. When a token is set, every request must carry it (``?token=``,
``Authorization: Bearer``, or the cookie the first ``?token=`` visit sets).
"""
from __future__ import annotations

import hmac
import ipaddress
import os
from pathlib import Path
from typing import Any, Callable

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from ..store import open_store
from . import views

__all__ = ["create_app", "is_loopback", "serve"]

HERE = Path(__file__).resolve().parent
TOKEN_COOKIE = "quellen_token"
#: no inline script, nothing from elsewhere: a defence in depth behind autoescaping
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def is_loopback(host: str) -> bool:
    """Return True when ``host`` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Guard(BaseHTTPMiddleware):
    """Check the token on every request (when one is set) and add security headers."""

    def __init__(self, app, token: str | None):
        super().__init__(app)
        self.token = token

    async def dispatch(self, request: Request, call_next) -> Response:
        given = None
        if self.token:
            auth = request.headers.get("authorization", "")
            given = (request.query_params.get("token") or (auth[7:] if auth.lower().startswith("bearer ") else None)
                     or request.cookies.get(TOKEN_COOKIE))
            if not given or not hmac.compare_digest(given.encode(), self.token.encode()):
                return PlainTextResponse("a valid token is required (?token=...)", status_code=401)
        response = await call_next(request)
        if self.token and request.query_params.get("token"):
            response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict")
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response


def create_app(db: str | Path, token: str | None = None) -> Starlette:
    """Return the ASGI app over the store at ``db`` (opened read-only)."""
    store = open_store(db, create=False, readonly=True)
    lib = views.Library(store)
    # autoescape everywhere: every string from a source is untrusted (scraped pages)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True)
    templates = Jinja2Templates(env=env)
    templates.env.globals["vendor"] = (HERE / "static" / "vendor").is_dir()
    templates.env.filters["label"] = lambda s: str(s).replace("_", " ")

    def render(request: Request, template: str, data: dict[str, Any], as_json: bool, title: str) -> Response:
        if as_json:
            return JSONResponse(views.public(data))
        return templates.TemplateResponse(request, template, {"data": data, "title": title,
                                                              "json_data": views.public(data)})

    def page(template: str, title: str, build: Callable[[Request], dict[str, Any]]):
        async def endpoint(request: Request) -> Response:
            as_json = request.url.path.endswith(".json")
            return render(request, template, build(request), as_json, title)
        return endpoint

    def record(template: str, build: Callable[[Request, str], dict[str, Any]], title: Callable[[dict], str]):
        async def endpoint(request: Request) -> Response:
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
    routes = []
    for path, template, title, build in pages:
        endpoint = page(template, title, build)
        routes.append(Route(path, endpoint))
        routes.append(Route("/index.json" if path == "/" else path + ".json", endpoint))
    routes += [
        Route("/documents/{ident}", record("document.html", lambda r, i: views.document(lib, i, q(r, "hl")),
                                           lambda d: d["title"])),
        Route("/sources/{ident}", record("source.html", lambda r, i: views.source(lib, i, q(r, "page")),
                                         lambda d: d["name"])),
        Route("/entities/{ident}", record("entity.html", lambda r, i: views.entity(lib, i),
                                          lambda d: d["entity"]["name"])),
        Route("/events/{ident}", record("event.html", lambda r, i: views.event(lib, i),
                                        lambda d: d["event"]["summary"])),
        Route("/reuse/{ident}", record("reuse.html", lambda r, i: views.reuse(lib, i, q(r, "a"), q(r, "b")),
                                       lambda d: f"Reuse {d['relation']}")),
        Mount("/static", app=StaticFiles(directory=str(HERE / "static")), name="static"),
    ]

    async def not_found(request: Request, exc: Exception) -> Response:
        return _error(request, 404, str(exc) or "not found")

    async def bad_request(request: Request, exc: Exception) -> Response:
        return _error(request, 400, str(exc))

    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, exc.detail)

    def _error(request: Request, status: int, message: str) -> Response:
        if request.url.path.endswith(".json"):
            return JSONResponse({"error": message, "status": status}, status_code=status)
        return templates.TemplateResponse(request, "error.html", {"title": str(status), "status": status,
                                                                  "message": message}, status_code=status)

    app = Starlette(routes=routes, middleware=[Middleware(_Guard, token=token)],
                    exception_handlers={views.NotFound: not_found, views.BadRequest: bad_request,
                                        HTTPException: http_error})
    app.state.store = store
    return app


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Run the app with uvicorn until interrupted; refuse a non-loopback host without a token."""
    import uvicorn
    from ..errors import QuellenError
    token = token or os.environ.get("QUELLEN_TOKEN") or None
    if not is_loopback(host) and not token:
        raise QuellenError(f"binding to {host} exposes the corpus to the network: set --token or QUELLEN_TOKEN")
    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="warning")
