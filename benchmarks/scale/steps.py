"""Profile one ``quellen build`` per step (seconds, peak RSS) beside bare spaCy ``nlp.pipe``.

    .venv/bin/python benchmarks/scale/steps.py [FILE] [--set a.b=x] [--json OUT]

FILE defaults to eval/corpora/frankenstein/frankenstein.txt. The build runs in this
process into a fresh SQLite store with the steps timed through
:func:`quellen.pipeline.record_steps`; a thread samples the resident set size
every 20 ms, so "peak MB" is the largest RSS seen while the step ran (the
process's, so it includes what earlier steps left in memory). Then the same
spaCy model parses the same document texts with a bare ``nlp.pipe`` (model
already loaded), which is the speed the issue compares the build with.
The machine is shared: read the ratios, not the seconds; CPU seconds (this
process's, so with ``--workers 1``) are printed beside the wall seconds.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from quellen import pipeline  # noqa: E402
from quellen.settings import load_settings  # noqa: E402
from quellen.store import open_store  # noqa: E402

DEFAULT = ROOT / "eval" / "corpora" / "frankenstein" / "frankenstein.txt"


def rss_mb() -> float:
    """Return this process's resident set size in MB (from /proc, else the peak so far)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class StepRecorder:
    """Seconds and peak RSS per pipeline step, with a sampling thread for the peak."""

    def __init__(self, interval: float = 0.02):
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self.peak: dict[str, float] = {}
        self.order: list[str] = []
        self._open: dict[str, float] = {}
        self._open_cpu: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, args=(interval,), daemon=True)
        self._thread.start()

    def _sample(self, interval: float) -> None:
        while not self._stop.wait(interval):
            now = rss_mb()
            for name in list(self._open):
                self.peak[name] = max(self.peak.get(name, 0.0), now)

    def start(self, name: str) -> None:
        if name not in self.seconds:
            self.order.append(name)
            self.seconds[name] = 0.0
            self.cpu[name] = 0.0
        self._open[name] = time.perf_counter()
        self._open_cpu[name] = time.process_time()
        self.peak[name] = max(self.peak.get(name, 0.0), rss_mb())

    def stop(self, name: str) -> None:
        started = self._open.pop(name, None)
        if started is not None:
            self.seconds[name] += time.perf_counter() - started
            self.cpu[name] += time.process_time() - self._open_cpu.pop(name)
        self.peak[name] = max(self.peak.get(name, 0.0), rss_mb())

    def close(self) -> None:
        self._stop.set()
        self._thread.join()


def profile(path: Path, overrides: list[str], workers: int | None = None, fresh_pipe: bool = False) -> dict:
    """Return per-step figures of one cold build of ``path`` and of bare nlp.pipe over its documents.

    The bare nlp.pipe uses the build's own loaded model, whose caches (the lemmatizer's, the
    tokenizer's, the vocabulary's words) the build's parse filled: ~20-25 % faster than a first
    parse of the same texts. ``fresh_pipe``: a model loaded anew, as cold as the build's parse.
    """
    settings = load_settings(None, overrides)
    recorder = StepRecorder()
    previous = pipeline.record_steps(recorder)
    kwargs = {"workers": workers} if workers is not None else {}
    try:
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "profile.db") as store:
            t, cpu = time.perf_counter(), time.process_time()
            report = pipeline.build([str(path)], store, settings, **kwargs)
            total, total_cpu = time.perf_counter() - t, time.process_time() - cpu
            assert not report.failed, report.failed
            texts = {s.id: s.text for s in store.sources()}
            doc_texts = [texts[d.source][d.char_start:d.char_end] for d in store.documents()]
            counts = store.counts()
    finally:
        pipeline.record_steps(previous)
        recorder.close()
    from quellen.nlp import load_nlp
    nlp = load_nlp.__wrapped__(settings.nlp.spacy_model) if fresh_pipe else load_nlp(settings.nlp.spacy_model)
    t, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(doc_texts, batch_size=settings.nlp.batch_size):
        pass
    bare, bare_cpu = time.perf_counter() - t, time.process_time() - cpu
    return {"file": str(path), "bytes": path.stat().st_size, "build_seconds": total, "build_cpu_seconds": total_cpu,
            "steps": {n: {"seconds": recorder.seconds[n], "cpu_seconds": recorder.cpu[n], "peak_mb": recorder.peak[n]}
                      for n in recorder.order},
            "nlp_pipe_seconds": bare, "nlp_pipe_cpu_seconds": bare_cpu, "nlp_pipe_fresh_model": fresh_pipe,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "counts": counts}


def print_profile(r: dict) -> None:
    """Print the figures of :func:`profile` as a table."""
    total = r["build_seconds"]
    load = r["steps"].get("spacy load", {}).get("seconds", 0.0)
    print(f"{r['file']} ({r['bytes'] / 1e6:.2f} MB): build {total:.1f} s, peak RSS {r['peak_rss_mb']:.0f} MB")
    print(f"{'step':<14} {'seconds':>8} {'share':>6} {'CPU s':>8} {'peak MB':>8}")
    for name, s in r["steps"].items():
        print(f"{name:<14} {s['seconds']:>8.1f} {s['seconds'] / total:>6.0%} {s['cpu_seconds']:>8.1f} "
              f"{s['peak_mb']:>8.0f}")
    fresh = " (model loaded anew)" if r.get("nlp_pipe_fresh_model") else ""
    print(f"bare nlp.pipe{fresh} over the same {r['counts'].get('documents', '?')} documents: "
          f"{r['nlp_pipe_seconds']:.1f} s; "
          f"build speed = {r['nlp_pipe_seconds'] / total:.2f}x nlp.pipe "
          f"({r['nlp_pipe_seconds'] / max(total - load, 1e-9):.2f}x without the model load)")
    # CPU seconds of this process (a shared machine inflates wall seconds; workers' CPU is not counted)
    cpu, load_cpu = r["build_cpu_seconds"], r["steps"].get("spacy load", {}).get("cpu_seconds", 0.0)
    print(f"CPU seconds: build {cpu:.1f}, nlp.pipe {r['nlp_pipe_cpu_seconds']:.1f}; build speed = "
          f"{r['nlp_pipe_cpu_seconds'] / cpu:.2f}x nlp.pipe "
          f"({r['nlp_pipe_cpu_seconds'] / max(cpu - load_cpu, 1e-9):.2f}x without the model load)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(DEFAULT))
    parser.add_argument("--set", action="append", default=[], metavar="a.b=x")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--json", help="also write the figures to this JSON file")
    parser.add_argument("--fresh-pipe", action="store_true",
                        help="bare nlp.pipe with the model loaded anew (its caches empty, as the build's parse "
                             "meets them), not the build's model")
    args = parser.parse_args()
    r = profile(Path(args.file), args.set, args.workers, args.fresh_pipe)
    print_profile(r)
    if args.json:
        Path(args.json).write_text(json.dumps(r, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
