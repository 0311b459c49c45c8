"""Engines: where the per-source analysis of a build runs.

An engine runs :func:`quellen.pipeline.analyse_input` for each new file and hands
the results back in the order the files were given; the pipeline's one writer
stores them in that order, so the store (and the export) is the same whatever the
engine and however many workers it has. The engines:

- ``local`` (:mod:`.local`): this process (``workers=1``), or a pool of worker
  processes, each loading the spaCy model once;
- ``dask`` (:mod:`.dask`, extra ``[scale]``): ``dask.distributed`` tasks on a
  cluster (``scheduler="tcp://HOST:8786"``) or on a LocalCluster started for the build.

An engine has ``submit(func, *args) -> handle`` (``handle.result()`` returns or
raises), ``window`` (how many tasks the pipeline keeps in flight: the memory bound
of the inputs held at once), ``workers``, ``map(func, items, *shared) -> list`` (the
partitions of a corpus step, their results in item order: :mod:`quellen.reuse.partition`,
:func:`quellen.events.merge_events`) and ``close()``.
"""
from __future__ import annotations

import os
from typing import Any

from ..errors import SettingsError

__all__ = ["ENGINES", "open_engine", "default_workers"]

ENGINES = ("local", "dask")


def default_workers() -> int:
    """Return the number of cores this process may use (the default ``--workers``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def open_engine(name: str = "local", workers: int | None = 1, scheduler: str | None = None,
                spacy_model: str | None = None) -> Any:
    """Return a started engine called ``name`` with ``workers`` workers (None: all cores).

    ``scheduler`` is a Dask scheduler address (only for ``dask``; without it a
    LocalCluster is started); ``spacy_model`` is loaded once in each worker as it starts.
    Close it with ``close()`` (or use it in a ``with`` block).
    """
    if workers is not None and workers < 1:
        raise SettingsError(f"--workers must be 1 or more, got {workers}")
    if name == "local":
        if scheduler:
            raise SettingsError("--scheduler is for --engine dask")
        from .local import open_local
        return open_local(workers or default_workers(), spacy_model)
    if name == "dask":
        from .dask import DaskEngine
        return DaskEngine(workers, scheduler, spacy_model)
    raise SettingsError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")
