"""What a local worker needs before its first task, imported once by the pool's fork server.

The local pool (:class:`quellen.engines.local.PoolEngine`) starts its workers from a fork
server that imports this module first (``set_forkserver_preload``): spaCy, the per-source
analysis and the corpus steps' partition kernels are imported, BLAS is held to one thread,
and the spaCy model named by ``QUELLEN_WARM_MODEL`` (set while the fork server starts) is
loaded, once. Every worker is a fork of that process: it starts with all of it in memory
(shared pages) instead of spending its own seconds on imports and the model.

The fork server runs nothing else, so it has no thread of its own to lose at a fork (BLAS
threads stop and restart at a fork; torch starts none on import). Anything that fails here is
left to the worker's own start (:func:`quellen.engines.local.prepare_worker`), which reports it.
"""
from __future__ import annotations

import os

__all__ = ["MODEL_VARIABLE", "WARMED", "warm"]

#: the environment variable naming the spaCy model the fork server loads
MODEL_VARIABLE = "QUELLEN_WARM_MODEL"

#: the modules a worker's tasks import: the per-source analysis and the corpus steps' partition kernels
MODULES = ("quellen.pipeline", "quellen.segment", "quellen.extract.dates", "quellen.extract.entities",
           "quellen.claims", "quellen.extract.resolve_partition", "quellen.reuse.partition", "quellen.events")


def warm(spacy_model: str | None) -> list[str]:
    """Return the names of what could not be made ready, after importing :data:`MODULES`, holding BLAS to
    one thread and loading ``spacy_model`` (None: no model) in this process."""
    import importlib
    failed = []
    # the model first: spaCy is imported the way its pipeline needs (quellen.nlp.import_spacy)
    from .local import prepare_worker
    try:
        prepare_worker(spacy_model)
    except Exception:  # noqa: BLE001 - a missing model is reported by each worker's own start
        failed.append(spacy_model or "blas")
    for name in MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - the worker imports it again and reports why
            failed.append(name)
    return failed


#: True in the fork server (and so in every worker forked from it) once :func:`warm` ran there
WARMED = False

if os.environ.get(MODEL_VARIABLE) is not None:  # imported by the fork server (not by a plain import)
    # the workers are forks of this process: they need not see the variable
    warm(os.environ.pop(MODEL_VARIABLE) or None)
    WARMED = True
