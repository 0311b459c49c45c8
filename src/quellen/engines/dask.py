"""The Dask engine (extra ``[scale]``): the per-source analysis as ``dask.distributed`` tasks.

``DaskEngine(workers, "tcp://HOST:8786")`` connects to a running scheduler (start one with
``dask scheduler`` and workers with ``dask worker tcp://HOST:8786 --nthreads 1`` on each
machine, with quellen and its spaCy model installed); without an address it starts a
LocalCluster of ``workers`` single-threaded processes for the build and stops it after.

A task carries the file's bytes, not its path, so workers need no shared file system;
it returns the source's analysis (standoff records: content-derived ids, offsets into the
text), which the pipeline's one writer stores in input order. Each worker process loads
the spaCy model once (cached per process) when the engine starts.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable, Iterator

from ..errors import MissingExtra

__all__ = ["DaskEngine"]


def _import_distributed():
    try:
        import distributed
    except ImportError:
        raise MissingExtra("--engine dask", "scale", "distributed") from None
    return distributed


@contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Return a context in which the processes started ignore SIGINT (inherited), this one's handler restored after.

    Ctrl-C goes to the terminal's whole process group: each worker of a LocalCluster died of it with a
    KeyboardInterrupt traceback, and its nanny logged another, over the build's own message. The
    build's process stops the cluster when it is interrupted; its workers need not be told.
    """
    import signal
    import threading
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, handler)


class DaskEngine:
    """Tasks on a Dask cluster; the client, and the LocalCluster when none was given, live as long as the engine."""

    def __init__(self, workers: int | None = None, scheduler: str | None = None, spacy_model: str | None = None,
                 processes: bool = True):
        distributed = _import_distributed()
        self._cluster = None
        if scheduler:
            self.client = distributed.Client(scheduler)
        else:
            from . import default_workers
            n = workers or default_workers()
            # one thread per worker: spaCy and the extractors are CPU-bound Python. No dashboard; the
            # scheduler's HTTP server (health, metrics) still starts, on port 8787 unless told: on any
            # free port instead, so a second build, or a cluster already running, is no port clash
            # (distributed warned 'Port 8787 is already in use' into the build's output)
            import logging
            with _workers_ignore_ctrl_c():
                self._cluster = distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=processes,
                                                         dashboard_address=None, silence_logs=logging.ERROR,
                                                         scheduler_kwargs={"dashboard_address": ":0"})
            self.client = distributed.Client(self._cluster)
        threads = sum(self.client.nthreads().values()) or 1
        self.workers = threads
        self.window = 2 * threads
        # each worker loads the model once, now, rather than inside its first task, and parses with
        # one BLAS thread
        from .local import prepare_worker
        self.client.run(prepare_worker, spacy_model)

    def submit(self, func: Callable, *args: Any) -> Any:
        """Return the Dask future of ``func(*args)``."""
        # pure=False: two files with the same bytes are two tasks (their names differ)
        return self.client.submit(func, *args, pure=False)

    def map(self, func: Callable, items: list, *shared: Any) -> list:
        """Return ``[func(item, *shared) for item in items]``, one task per item, gathered in item order.

        ``shared`` (the corpus-wide statistics a partition reads) is sent to every worker once.
        """
        if not items:
            return []
        # one element lists: scatter would split a list or dict argument into futures of its items;
        # hash=False: a key of its own, or the same objects scattered again by the next map (reuse's
        # second pass) would share the key this map releases, and its tasks lose their dependency
        shared_futures = [self.client.scatter([s], broadcast=True, hash=False)[0] for s in shared]
        futures = [self.client.submit(func, item, *shared_futures, pure=False) for item in items]
        try:
            return self.client.gather(futures)
        finally:
            for f in futures + shared_futures:
                f.release()

    def close(self) -> None:
        """Close the client, and the LocalCluster this engine started."""
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> "DaskEngine":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
