"""The local engine: the per-source analysis in this process, or in a pool of worker processes."""
from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from itertools import repeat
from typing import Any, Callable, Iterator

__all__ = ["InlineEngine", "PoolEngine", "open_local", "prepare_worker", "warm_context"]


class _Done:
    """The handle of a task run at once: its value, or the exception it raised."""

    __slots__ = ("_value", "_error")

    def __init__(self, func: Callable, args: tuple):
        self._value: Any = None
        self._error: BaseException | None = None
        try:
            self._value = func(*args)
        except BaseException as exc:  # handed back at result(), as a pool's future would
            self._error = exc

    def result(self) -> Any:
        """Return the task's value (or raise what it raised)."""
        if self._error is not None:
            raise self._error
        return self._value


class InlineEngine:
    """Run every task in this process, at once (``--workers 1``): the reference the others must equal."""

    window = 0
    workers = 1

    def submit(self, func: Callable, *args: Any) -> _Done:
        """Return the handle of ``func(*args)``, already run."""
        return _Done(func, args)

    def map(self, func: Callable, items: list, *shared: Any) -> list:
        """Return ``[func(item, *shared) for item in items]``, run here one after another."""
        return [func(item, *shared) for item in items]

    def close(self) -> None:
        """Nothing to stop."""

    def __enter__(self) -> "InlineEngine":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def package_folder() -> str:
    """Return the real path of the folder this process imported the quellen package from."""
    return os.path.realpath(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def prepare_worker(spacy_model: str | None, origin: str | None = None) -> None:
    """Return None once this worker process holds numpy's BLAS to one thread for its lifetime
    (:func:`quellen.nlp.one_blas_thread`) and has loaded the spaCy model, before its first task
    (``load_nlp`` caches it per process).

    ``origin`` is the folder the writer imported quellen from (:func:`package_folder`): a worker
    running quellen from another place would analyse with other code, so it refuses to start.
    """
    if origin is not None and package_folder() != os.path.realpath(origin):
        raise RuntimeError(f"this worker imported quellen from {package_folder()}, the writer from {origin}")
    from ..nlp import one_blas_thread
    one_blas_thread()
    if spacy_model:
        from ..nlp import load_nlp
        load_nlp(spacy_model)


def warm_context(spacy_model: str | None) -> multiprocessing.context.BaseContext:
    """Return the context the pool starts its workers with: a fork server that has imported the analysis
    and loaded ``spacy_model`` once (:mod:`.warm`), on Linux; else "spawn" (on macOS a fork of a
    process that loaded system frameworks, as numpy's BLAS may, is not safe; Windows cannot fork).

    Each spawned worker spent its first seconds (≈ 3 CPU-s) importing spaCy and loading the model,
    all of them the same work; forks of one warm server start with it done. The server is started
    fresh (nothing inherited from the writer, which may have threads), runs no threads itself,
    and is this process's for its lifetime: a later pool reuses it (the model it loaded first;
    a worker loads another one named in its own start).
    """
    if not sys.platform.startswith("linux") or "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from multiprocessing import forkserver

    from .warm import MODEL_VARIABLE
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["quellen.engines.warm"])
    # the model's name reaches the server through its environment, the one thing a preload can read;
    # so does this process's import path (the server ignores it otherwise): a quellen found first
    # elsewhere (an installed copy beside a checkout on sys.path) would be the code every worker ran
    path = os.pathsep.join(p for p in sys.path if p)
    with _environment({MODEL_VARIABLE: spacy_model or "", "PYTHONPATH": path}):
        forkserver.ensure_running()
    return context


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """Set the environment variables ``values`` for the time of the block, then restore them."""
    previous = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in previous.items():
            if v is None:
                del os.environ[k]
            else:
                os.environ[k] = v


class PoolEngine:
    """Run tasks in ``workers`` processes forked from a warm server (:func:`warm_context`), else spawned."""

    def __init__(self, workers: int, spacy_model: str | None = None):
        self.workers = workers
        # two tasks per worker in flight: one running, one queued, so no worker waits for the writer
        self.window = 2 * workers
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=warm_context(spacy_model),
                                         initializer=prepare_worker, initargs=(spacy_model, package_folder()))

    def submit(self, func: Callable, *args: Any) -> Future:
        """Return the future of ``func(*args)`` run in a worker."""
        return self._pool.submit(func, *args)

    def map(self, func: Callable, items: list, *shared: Any) -> list:
        """Return ``[func(item, *shared) for item in items]``, each item run in a worker, in item order."""
        return list(self._pool.map(func, items, *(repeat(s, len(items)) for s in shared)))

    def close(self) -> None:
        """Stop the workers."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> "PoolEngine":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_local(workers: int, spacy_model: str | None = None) -> InlineEngine | PoolEngine:
    """Return the in-process engine for one worker, else a pool of ``workers`` processes."""
    return InlineEngine() if workers <= 1 else PoolEngine(workers, spacy_model)
