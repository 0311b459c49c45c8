"""The store: the only place that speaks SQL. SQLite first.

:class:`~quellen.store.sqlite.Store` is the narrow seam: the pipeline writes a
source's analysis in one transaction and the corpus layer (entities, reuse,
events, conflicts) in another; readers (CLI, export, web) only read.
"""
from .sqlite import SCHEMA_VERSION, Store, open_store

__all__ = ["Store", "open_store", "SCHEMA_VERSION"]
