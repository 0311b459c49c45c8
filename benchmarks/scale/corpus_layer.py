"""The corpus layer alone, per step, in a fresh process per size: CPU seconds, wall seconds, peak RSS, growth.

    .venv/bin/python benchmarks/scale/corpus_layer.py --keep DIR [--sizes 1,4,16] [--embeddings] [--json OUT]
    .venv/bin/python benchmarks/scale/corpus_layer.py --keep DIR --sizes 1,4,16,64 --replicate-from 4
    .venv/bin/python benchmarks/scale/corpus_layer.py --keep DIR --sizes 1,4,16,64 --replicate-from 4 --distinct

``bench.py`` times whole builds, in one process that has parsed every source first, so
its corpus-layer RSS is the process's and its corpus-step seconds ride on a shared
machine's load. This builds each size's store once (``DIR/s{size}.db``, the corpus of
``bench.py``; kept, so a second run only measures) and then re-runs only
:func:`quellen.pipeline.build_corpus_layer` on a copy of it, in a fresh process: per
step the CPU seconds of the process (the fairer clock on a shared machine), the wall
seconds and the largest RSS seen (sampled every 20 ms), and the growth exponent of each
step's CPU seconds and of the layer's peak RSS above the process's start between
consecutive sizes. The last line extrapolates the corpus-layer RSS to 64 MB along the
last exponent. Embeddings are off unless ``--embeddings``.

With ``--replicate-from B``, a size above ``B`` MB is not parsed: its store
(``DIR/s{size}-from{B}.db``) is the ``B`` MB store with its sources' stored records
replicated in perturbed copies (``replicate.py``: the texts perturbed as ``bench.py`` perturbs
repeated books, the records moved with them, **not re-parsed**) up to the size. With ``--distinct``
as well (``DIR/s{size}-distinct{B}.db``), the copies are new texts: every word re-spelled through a
bijection of the vocabulary per copy (``replicate.Cipher``), so the corpus grows by distinct texts
at a constant density of copies instead of by more copies of each.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1] / "src"))

from bench import exponent  # noqa: E402
from steps import StepRecorder, rss_mb  # noqa: E402

from quellen import pipeline  # noqa: E402
from quellen.settings import Settings  # noqa: E402
from quellen.store import open_store  # noqa: E402


def _settings(embeddings: bool) -> Settings:
    return Settings() if embeddings else Settings().with_overrides({"reuse.embeddings": False})


def measure_one(db: Path, embeddings: bool) -> dict:
    """Return the per-step figures of the corpus layer re-run on a copy of the store ``db`` (in this process)."""
    start = rss_mb()
    recorder = StepRecorder()  # it sums each step's CPU seconds too
    previous = pipeline.record_steps(recorder)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "corpus.db"
        shutil.copy(db, work)
        try:
            with open_store(work) as store:
                t, cpu = time.perf_counter(), time.process_time()
                pipeline.build_corpus_layer(store, _settings(embeddings))
                wall, cpu = time.perf_counter() - t, time.process_time() - cpu
                counts = store.counts()
        finally:
            pipeline.record_steps(previous)
            recorder.close()
    return {"start_rss_mb": start, "seconds": wall, "cpu_seconds": cpu, "counts": counts,
            "peak_mb": max(recorder.peak.values(), default=start), "bytes": _text_bytes(db),
            "steps": {n: {"cpu_seconds": recorder.cpu.get(n, 0.0), "seconds": recorder.seconds[n],
                          "peak_mb": recorder.peak[n]} for n in recorder.order}}


def _text_bytes(db: Path) -> int:
    """Return the UTF-8 bytes of the texts of the store ``db`` (what a corpus's size counts)."""
    with open_store(db) as store:
        return sum(len(s.text.encode("utf-8")) for s in store.sources())


def ensure_store(keep: Path, size: float, replicate_from: float | None = None, distinct: bool = False) -> Path:
    """Return the store of the ``size`` MB corpus in ``keep``, building it (embeddings off) if it is not there;
    above ``replicate_from`` MB, replicated from that size's store (:mod:`replicate`; with ``distinct``, its
    enciphered copies) instead of parsed."""
    if replicate_from and size > replicate_from:
        db = keep / (f"s{size:g}-distinct{replicate_from:g}.db" if distinct else f"s{size:g}-from{replicate_from:g}.db")
        if not db.exists():
            from replicate import replicate
            t = time.perf_counter()
            replicate(ensure_store(keep, replicate_from), db, size, distinct=distinct)
            print(f"{db.name}: replicated in {time.perf_counter() - t:.0f} s", flush=True)
        return db
    db = keep / f"s{size:g}.db"
    if db.exists():
        return db
    from bench import make_corpus
    paths = make_corpus(keep / f"corpus{size:g}", size)
    partial = db.with_suffix(".partial")
    with open_store(partial) as store:
        report = pipeline.build([str(p) for p in paths], store, _settings(False))
        assert not report.failed, report.failed[:3]
    partial.rename(db)
    return db


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", required=True, help="folder of the built stores (built when missing)")
    parser.add_argument("--sizes", default="1,4", help="corpus sizes in MB")
    parser.add_argument("--embeddings", action="store_true", help="keep sentence embeddings on")
    parser.add_argument("--json", help="also write the figures here")
    parser.add_argument("--replicate-from", type=float, help="sizes above this many MB: replicate that size's "
                        "store's records (not re-parsed) instead of parsing")
    parser.add_argument("--distinct", action="store_true", help="with --replicate-from: the copies are new texts "
                        "(words re-spelled per copy), not perturbed copies")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: measure this store, print JSON
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(Path(args.one), args.embeddings)))
        return 0
    keep = Path(args.keep)
    keep.mkdir(parents=True, exist_ok=True)
    results: dict = {"sizes": {}}
    for size in sorted(float(s) for s in args.sizes.split(",")):
        db = ensure_store(keep, size, args.replicate_from, args.distinct)
        command = [sys.executable, __file__, "--keep", str(keep), "--one", str(db)]
        command += ["--embeddings"] if args.embeddings else []
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        r["store"] = db.name
        results["sizes"][size] = r
        print(f"{size:g} MB ({r['bytes'] / 1e6:.2f} MB, {r['counts']['documents']} documents): corpus layer "
              f"{r['cpu_seconds']:.1f} CPU-s, {r['seconds']:.1f} s wall, peak RSS {r['peak_mb']:.0f} MB "
              f"(process start {r['start_rss_mb']:.0f} MB)", flush=True)
        for name, s in r["steps"].items():
            print(f"  {name:<14} {s['cpu_seconds']:>7.2f} CPU-s {s['seconds']:>7.1f} s {s['peak_mb']:>7.0f} MB")
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=1))
    sizes = sorted(results["sizes"])
    if len(sizes) > 1:
        print("\ngrowth exponents of CPU seconds (1.0 = linear; target <= 1.15)")
        first = results["sizes"][sizes[0]]
        for name in list(first["steps"]) + ["corpus layer", "peak RSS above start"]:
            row = []
            for a, b in zip(sizes, sizes[1:]):
                ra, rb = results["sizes"][a], results["sizes"][b]
                if name == "corpus layer":
                    ta, tb = ra["cpu_seconds"], rb["cpu_seconds"]
                elif name == "peak RSS above start":
                    ta, tb = ra["peak_mb"] - ra["start_rss_mb"], rb["peak_mb"] - rb["start_rss_mb"]
                else:
                    ta, tb = (r["steps"].get(name, {}).get("cpu_seconds", 0.0) for r in (ra, rb))
                e = exponent(ta, tb, ra["bytes"], rb["bytes"], least=0.02)
                row.append(f"{a:g}->{b:g} MB {e:5.2f}" if e is not None else f"{a:g}->{b:g} MB     -")
            print(f"  {name:<22} " + "   ".join(row))
        a, b = results["sizes"][sizes[-2]], results["sizes"][sizes[-1]]
        e = exponent(a["peak_mb"] - a["start_rss_mb"], b["peak_mb"] - b["start_rss_mb"], a["bytes"], b["bytes"],
                     least=0.02)
        if e is not None:
            at64 = b["start_rss_mb"] + (b["peak_mb"] - b["start_rss_mb"]) * (64e6 / b["bytes"]) ** max(e, 1.0)
            results["rss_64mb_extrapolated"] = at64
            print(f"\ncorpus-layer peak RSS at 64 MB, extrapolated (exponent {max(e, 1.0):.2f}, never below "
                  f"linear): {at64 / 1024:.1f} GB (target <= 4 GB)")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
