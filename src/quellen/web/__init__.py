"""The web app (``quellen serve``) — needs the ``[web]`` extra (starlette, jinja2, uvicorn).

Importing this package does not import the web framework; :func:`create_app` and
:func:`serve` do, and say which extra to install when it is missing.
"""
from __future__ import annotations

from ..errors import QuellenError

__all__ = ["create_app", "serve"]


def _app_module():
    try:
        from . import app
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise QuellenError(f"the web app needs the [web] extra: pip install 'quellen[web]' ({exc})") from None
    return app


def create_app(db, token=None, **options):
    """Return the ASGI app over the store at ``db`` (see :func:`quellen.web.app.create_app`)."""
    return _app_module().create_app(db, token=token, **options)


def serve(db, host="127.0.0.1", port=8000, token=None, workers=1, ready=None):
    """Serve the app until interrupted (see :func:`quellen.web.app.serve`)."""
    return _app_module().serve(db, host=host, port=port, token=token, workers=workers, ready=ready)
