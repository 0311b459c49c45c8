"""The store: the only place that speaks SQL. SQLite by default, PostgreSQL for shared stores.

:class:`~quellen.store.base.SQLStore` is the narrow seam: the pipeline writes a source's
analysis in one transaction and the corpus layer (entities, reuse, events, conflicts) in
another; readers (CLI, export, web) only read. :func:`open_store` picks the backend from the
``--db`` value: ``postgresql://USER@HOST/DB`` is a PostgreSQL database
(:class:`~quellen.store.postgres.PostgresStore`, the ``[scale]`` extra), anything else the
path of an SQLite file (:class:`~quellen.store.sqlite.Store`).
"""
from __future__ import annotations

from pathlib import Path

from .base import SQLStore
from .sqlite import SCHEMA_VERSION, Store

__all__ = ["SQLStore", "Store", "open_store", "is_postgres_url", "SCHEMA_VERSION"]

_POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(db: str | Path) -> bool:
    """Return True when ``db`` names a PostgreSQL database rather than an SQLite file."""
    return isinstance(db, str) and db.lower().startswith(_POSTGRES_SCHEMES)


def open_store(db: str | Path, create: bool = True, readonly: bool = False) -> SQLStore:
    """Return the open store that ``db`` names, migrated to the current schema.

    ``postgresql://USER@HOST/DB`` (or ``postgres://``) opens a PostgreSQL database; anything else
    is the path of an SQLite file. ``create=False`` refuses a store that does not exist yet;
    ``readonly`` opens it for reading only (the web app).
    """
    if is_postgres_url(db):
        from .postgres import PostgresStore
        return PostgresStore(str(db), create=create, readonly=readonly)
    return Store(db, create=create, readonly=readonly)
