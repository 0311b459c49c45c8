"""quellen: a corpus of historical texts -> a source-critical knowledge base.

The Python API::

    import quellen
    with quellen.open_store("quellen.db") as store:
        report = quellen.build(["letters/"], store)
        quellen.remove(["letters/draft.txt"], store)  # a file deleted from the corpus, and all found in it only
        data = quellen.export_dict(store)       # CONTRACT.md
        for document in store.documents():
            print(document.kind, document.date)
"""
from __future__ import annotations

from ._version import __version__
from .errors import QuellenError
from .settings import Settings, load_settings
from .store import Store, open_store
from .pipeline import BuildReport, RemoveReport, build, remove


def export_dict(store: Store) -> dict:
    """Return the knowledge base in ``store`` as the contract's JSON-ready dict."""
    from .export.json_export import to_dict
    return to_dict(store)


__all__ = ["__version__", "QuellenError", "Settings", "load_settings", "Store", "open_store",
           "BuildReport", "build", "RemoveReport", "remove", "export_dict"]
