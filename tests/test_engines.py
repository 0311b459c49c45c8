"""Engines: the per-source analysis in worker processes or on Dask; the store is the same for any of them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from quellen import build, export_dict, open_store
from quellen.engines import open_engine
from quellen.errors import BinaryInput, SettingsError
from quellen.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
#: embeddings belong to the corpus layer, which no engine changes: left out to keep these tests fast
FAST = Settings().with_overrides({"reuse.embeddings": False})


def exported(tmp_path: Path, name: str, paths: list[str], **engine) -> bytes:
    with open_store(tmp_path / f"{name}.db") as store:
        report = build(paths, store, FAST, **engine)
        assert report.ok, report.failed
        return json.dumps(export_dict(store), indent=1, sort_keys=True, ensure_ascii=False).encode()


@pytest.fixture(scope="module")
def one_build(tmp_path_factory):
    """Return (store path, export) of examples/ built in this process."""
    where = tmp_path_factory.mktemp("one")
    return where / "one.db", exported(where, "one", [str(EXAMPLES)], workers=1)


@pytest.fixture(scope="module")
def one_worker(one_build):
    return one_build[1]


def test_two_worker_processes_give_the_export_of_one_byte_for_byte(one_worker, tmp_path):
    assert exported(tmp_path, "two", [str(EXAMPLES)], workers=2) == one_worker


def test_a_dask_cluster_gives_the_export_of_the_local_engine_byte_for_byte(one_worker, tmp_path):
    distributed = pytest.importorskip("distributed")
    # threads, not processes, to stay fast; the scheduler address is what a real cluster gives
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as c:
        data = exported(tmp_path, "dask", [str(EXAMPLES)], engine="dask", scheduler=c.scheduler_address)
    assert data == one_worker


def test_a_dask_build_beside_another_cluster_does_not_warn_of_its_port():
    # a LocalCluster's scheduler starts an HTTP server even without a dashboard, on 8787 unless told:
    # with another cluster (or a second build) on the machine, distributed warned "Port 8787 is
    # already in use" into the build's output. The engine's takes any free port.
    pytest.importorskip("distributed")
    import socket
    import warnings
    from quellen.engines.dask import DaskEngine
    holder = socket.socket()
    try:
        holder.bind(("", 8787))
        holder.listen()
    except OSError:
        pass  # taken already: the clash this test needs
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with DaskEngine(workers=1, processes=False) as engine:
                assert engine.submit(sum, [1, 2]).result() == 3
    finally:
        holder.close()
    assert not [w for w in caught if "8787" in str(w.message)]


def _sigint_ignored() -> bool:
    import signal
    return signal.getsignal(signal.SIGINT) == signal.SIG_IGN


def test_ctrl_c_reaches_the_builds_process_not_its_local_dask_workers():
    # Ctrl-C goes to the terminal's whole process group: each LocalCluster worker died of it with a
    # KeyboardInterrupt traceback over the build's own message; the build stops the cluster itself
    pytest.importorskip("distributed")
    import signal
    from quellen.engines.dask import DaskEngine
    before = signal.getsignal(signal.SIGINT)
    with DaskEngine(workers=1) as engine:
        assert signal.getsignal(signal.SIGINT) is before
        assert list(engine.client.run(_sigint_ignored).values()) == [True]


def test_workers_report_bad_files_by_name_and_store_the_rest_once(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    letter = "Haverby, 9 May 1790.\n\nSir,\n\nThe rent is paid.\n\nJ. Marlowe\n"
    (corpus / "a.txt").write_text(letter, encoding="utf-8")
    (corpus / "b.txt").write_bytes(b"\x00\x01\x02\xff" * 200)
    (corpus / "c.txt").write_text(letter, encoding="utf-8")  # the same bytes as a.txt, analysed alongside it
    (corpus / "d.txt").write_text("Haverby, 10 May 1790.\n\nThe roof leaks.\n", encoding="utf-8")
    with open_store(tmp_path / "q.db") as store:
        report = build([str(corpus)], store, FAST, workers=2)
        assert report.added == [str(corpus / "a.txt"), str(corpus / "d.txt")]
        assert report.unchanged == [str(corpus / "c.txt")]
        assert [type(e) for e in report.failed] == [BinaryInput] and "b.txt" in str(report.failed[0])
        assert sorted(store.source_names().values()) == ["a.txt", "d.txt"]


def test_an_unknown_engine_or_no_worker_is_refused():
    with pytest.raises(SettingsError, match="unknown engine"):
        open_engine("spark")
    with pytest.raises(SettingsError, match="--workers"):
        open_engine("local", 0)
    with pytest.raises(SettingsError, match="--scheduler"):
        open_engine("local", 2, "tcp://127.0.0.1:8786")


@pytest.mark.slow
def test_the_seed_on_dask_equals_the_local_build(seed_build, tmp_path):
    distributed = pytest.importorskip("distributed")
    from conftest import SEED_TEXT
    _, local = seed_build
    # two workers: the corpus steps run in two partitions each (the local build: one)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as c:
        with open_store(tmp_path / "seed.db") as store:
            assert build([str(SEED_TEXT)], store, engine="dask", scheduler=c.scheduler_address).ok
            data = export_dict(store)
    assert json.dumps(data, sort_keys=True) == json.dumps(local, sort_keys=True)


def test_a_failure_in_a_worker_reads_as_in_one_process(tmp_path):
    import os
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Haverby, 9 May 1790.\n\nThe rent is paid.\n", encoding="utf-8")
    # a name that is not UTF-8, with a backslash: escaped once, the same way, whoever analysed it
    (corpus / os.fsdecode(b"b\\caf\xe9.txt")).write_bytes(b"\x00\x01\x02\xff" * 200)
    messages = []
    for workers in (1, 2):
        with open_store(tmp_path / f"q{workers}.db") as store:
            report = build([str(corpus)], store, FAST, workers=workers)
            messages.append([(type(e), str(e)) for e in report.failed])
    assert messages[0] == messages[1] and len(messages[0]) == 1
    assert "b\\\\caf\\xe9.txt" in messages[0][0][1]


def _rebuilt(db: Path, tmp_path: Path, name: str, **how) -> bytes:
    """Return the export of a copy of the store ``db`` after its corpus layer is rebuilt ``how``."""
    import shutil
    from quellen.pipeline import build_corpus_layer
    shutil.copy(db, tmp_path / f"{name}.db")
    with open_store(tmp_path / f"{name}.db") as store:
        build_corpus_layer(store, FAST, **how)
        return json.dumps(export_dict(store), indent=1, sort_keys=True, ensure_ascii=False).encode()


@pytest.mark.slow
def test_the_seed_corpus_layer_is_the_same_in_any_partitions_and_on_dask(seed_build, tmp_path):
    # the seed is one file, so a build's per-source phase never splits it: this rebuilds its corpus
    # layer (reuse in hash partitions and pair batches, events in date buckets) from one store
    distributed = pytest.importorskip("distributed")
    from quellen.engines.dask import DaskEngine
    from quellen.engines.local import InlineEngine
    db, _ = seed_build
    one = _rebuilt(db, tmp_path, "one")
    assert b'"reuse": [\n  {' in one and b'"events": [\n  {' in one
    assert _rebuilt(db, tmp_path, "two", engine=InlineEngine(), partitions=2) == one
    assert _rebuilt(db, tmp_path, "seven", engine=InlineEngine(), partitions=7) == one
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as c:
        with DaskEngine(scheduler=c.scheduler_address) as engine:
            assert _rebuilt(db, tmp_path, "dask", engine=engine) == one


def test_the_examples_corpus_layer_is_the_same_in_two_and_seven_partitions(one_build, tmp_path):
    # entity resolution in blocks of name-key components, reuse and events in their partitions
    from quellen.engines.local import InlineEngine
    db, one = one_build
    assert b'"entities": [\n  {' in one
    assert _rebuilt(db, tmp_path, "two", engine=InlineEngine(), partitions=2) == one
    assert _rebuilt(db, tmp_path, "seven", engine=InlineEngine(), partitions=7) == one


def test_one_blas_thread_limits_blas_and_gives_the_threads_back():
    import numpy  # noqa: F401
    from threadpoolctl import threadpool_info, threadpool_limits

    from quellen.nlp import one_blas_thread

    def blas_threads():
        return {i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"}

    with threadpool_limits(limits=2, user_api="blas"):
        with one_blas_thread():
            assert blas_threads() == {1}
        assert blas_threads() == {2}


def _worker_state() -> tuple:
    import os
    import sys

    from quellen.engines import warm
    from quellen.nlp import load_nlp
    return warm.WARMED, "spacy" in sys.modules, load_nlp.cache_info().currsize, os.environ.get(warm.MODEL_VARIABLE)


def test_pool_workers_are_forks_of_a_warm_server_that_loaded_the_model_once():
    import multiprocessing
    import os
    import sys

    from quellen.engines.local import PoolEngine
    from quellen.engines.warm import MODEL_VARIABLE
    if not sys.platform.startswith("linux") or "forkserver" not in multiprocessing.get_all_start_methods():
        pytest.skip("workers are spawned on this platform")
    with PoolEngine(2, Settings().nlp.spacy_model) as engine:
        states = {engine.submit(_worker_state).result() for _ in range(4)}
    # the server imported spaCy and loaded the model before forking; the variable that named it is gone
    assert states == {(True, True, 1, None)}
    assert MODEL_VARIABLE not in os.environ


def test_warming_reports_what_it_could_not_make_ready_instead_of_raising():
    from quellen.engines.warm import warm
    assert warm("no_such_spacy_model_xyz") == ["no_such_spacy_model_xyz"]


def test_a_worker_running_quellen_from_elsewhere_than_the_writer_refuses_to_start(tmp_path):
    # an installed copy beside a checkout: the fork server is given the writer's import path, and a
    # worker that still found another quellen would analyse with other code
    from quellen.engines.local import prepare_worker
    with pytest.raises(RuntimeError, match="imported quellen from"):
        prepare_worker(None, str(tmp_path / "quellen"))
