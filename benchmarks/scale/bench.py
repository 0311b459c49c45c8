"""Scale benchmark: builds of 1, 4, 16 (and 64) MB corpora, per step; workers and Dask against one process.

    .venv/bin/python benchmarks/scale/bench.py [--sizes 1,4] [--compare-at 1] [--embeddings] [--json OUT]

The corpora are the shared books (and the seed) cut into ~64 KB sources at paragraph
breaks, taken in turn from each book until the size is reached; past the ~3.9 MB of the
books they repeat, each further copy perturbed (paragraphs dropped, words dropped or
doubled, a line naming the copy) so that it is a source of its own and reuse and entity
resolution see a compilation of compilations rather than identical bytes.

For each size, one cold build in this process (``workers=1``) with the steps timed
(:func:`quellen.pipeline.record_steps`) and the RSS sampled every 20 ms: seconds and
peak MB per step, and the growth exponent of each step's seconds between consecutive
sizes (log t2/t1 / log s2/s1; 1.0 is linear). Bare ``nlp.pipe`` over the same
documents' text (up to 0.25 MB of it) gives the parser's own speed in chars/s.

At ``--compare-at`` MB the same corpus is then built with ``--workers 2`` and with
``--engine dask`` on a LocalCluster of 2 worker processes (times include starting the
workers and loading their models). Embeddings are off unless ``--embeddings`` (the
encoder is another issue's work; the corpus layer without them is what this measures).
The machine is shared: read the ratios within one run, not the seconds.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1] / "src"))

from steps import StepRecorder, rss_mb  # noqa: E402

from quellen import pipeline  # noqa: E402
from quellen.settings import Settings  # noqa: E402
from quellen.store import open_store  # noqa: E402

CORPORA = HERE.parents[1] / "eval" / "corpora"
BOOKS = ["frankenstein/frankenstein.txt", "dracula/dracula.txt", "evelina/evelina.txt",
         "moonstone/moonstone.txt", "barbellion-journal/barbellion-journal.txt", "seed/000_a71d0fe14f23c818.txt"]
CHUNK = 64_000
MB = 1_000_000
#: the steps of the corpus layer (the rest are per source)
CORPUS_STEPS = ("corpus texts", "gazetteer", "entities", "reuse", "events", "store corpus")


def _chunks(text: str) -> list[str]:
    """Return ``text`` cut at paragraph breaks into pieces of about CHUNK characters."""
    out, current, size = [], [], 0
    for para in text.split("\n\n"):
        current.append(para)
        size += len(para) + 2
        if size >= CHUNK:
            out.append("\n\n".join(current))
            current, size = [], 0
    if current:
        out.append("\n\n".join(current))
    return out


def _perturb(chunk: str, rng: random.Random, copy: int) -> str:
    """Return ``chunk`` as a later copy gives it: some paragraphs dropped, some words dropped or doubled."""
    paras = []
    for para in chunk.split("\n\n"):
        if rng.random() < 0.05:
            continue
        if rng.random() < 0.2:
            words = para.split(" ")
            if len(words) > 4:
                k = rng.randrange(len(words))
                words[k:k + 1] = [] if rng.random() < 0.5 else [words[k], words[k]]
            para = " ".join(words)
        paras.append(para)
    return f"[Copy {copy + 1}]\n\n" + "\n\n".join(paras)


def make_corpus(folder: Path, size_mb: float) -> list[Path]:
    """Return the files of a corpus of about ``size_mb`` MB written into ``folder``."""
    books = [_chunks((CORPORA / b).read_text(encoding="utf-8")) for b in BOOKS]
    order = [(b, i) for i in range(max(map(len, books))) for b in range(len(books)) if i < len(books[b])]
    folder.mkdir(parents=True, exist_ok=True)
    paths, total, copy = [], 0, 0
    while total < size_mb * MB:
        rng = random.Random(copy)
        for b, i in order:
            text = books[b][i] if copy == 0 else _perturb(books[b][i], rng, copy)
            path = folder / f"c{copy:02d}_{Path(BOOKS[b]).stem}_{i:03d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
            total += len(text.encode("utf-8"))
            if total >= size_mb * MB:
                break
        copy += 1
    return paths


def run_build(paths: list[Path], db: Path, settings: Settings, **engine) -> dict:
    """Return the figures of one cold build of ``paths`` into ``db``."""
    recorder = StepRecorder() if not engine else None
    previous = pipeline.record_steps(recorder)
    start_rss = rss_mb()
    try:
        with open_store(db) as store:
            t, cpu = time.perf_counter(), _cpu()
            report = pipeline.build([str(p) for p in paths], store, settings, **engine)
            seconds, cpu = time.perf_counter() - t, _cpu() - cpu
            assert not report.failed, report.failed[:3]
            counts = store.counts()
    finally:
        pipeline.record_steps(previous)
        if recorder:
            recorder.close()
    out = {"seconds": seconds, "cpu_seconds": cpu, "counts": counts, "start_rss_mb": start_rss}
    if recorder:
        out["steps"] = {n: {"seconds": recorder.seconds[n], "peak_mb": recorder.peak[n]} for n in recorder.order}
    return out


def _cpu() -> float:
    """Return the CPU seconds of this process and its finished children (a shared machine's fairer clock)."""
    import resource
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def bare_pipe(db: Path, settings: Settings, limit: int = MB // 4) -> dict:
    """Return chars/s of bare nlp.pipe over the documents' text of the store (up to ``limit`` chars)."""
    from quellen.nlp import load_nlp
    with open_store(db) as store:
        texts = {s.id: s.text for s in store.sources()}
        docs, chars = [], 0
        for d in store.documents():
            if chars >= limit:
                break
            docs.append(texts[d.source][d.char_start:d.char_end])
            chars += len(docs[-1])
    nlp = load_nlp(settings.nlp.spacy_model)
    t, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(docs, batch_size=settings.nlp.batch_size):
        pass
    return {"chars": chars, "seconds": time.perf_counter() - t, "cpu_seconds": time.process_time() - cpu}


def exponent(t1: float, t2: float, s1: float, s2: float, least: float = 0.05) -> float | None:
    """Return the growth exponent log(t2/t1)/log(s2/s1), or None when either figure is below ``least``
    (a step too short to say)."""
    if t1 < least or t2 < least:
        return None
    return math.log(t2 / t1) / math.log(s2 / s1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4", help="corpus sizes in MB (16 and 64 take long)")
    parser.add_argument("--compare-at", type=float, default=1.0, help="size (MB) for the workers/Dask comparison; "
                        "0 skips it")
    parser.add_argument("--embeddings", action="store_true", help="keep sentence embeddings on")
    parser.add_argument("--json", help="also write the figures here")
    args = parser.parse_args()
    settings = Settings() if args.embeddings else Settings().with_overrides({"reuse.embeddings": False})
    sizes = [float(s) for s in args.sizes.split(",")]
    results: dict = {"sizes": {}, "compare": {}}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for size in sorted(set(sizes) | ({args.compare_at} if args.compare_at else set())):
            paths = make_corpus(tmp / f"corpus{size:g}", size)
            if size in sizes:
                nbytes = sum(p.stat().st_size for p in paths)
                r = run_build(paths, tmp / f"b{size:g}.db", settings)
                r["bytes"], r["files"] = nbytes, len(paths)
                r["pipe"] = bare_pipe(tmp / f"b{size:g}.db", settings)
                results["sizes"][size] = r
                _print_size(size, r)
            if size == args.compare_at:  # right after its size: the comparison is not left for last
                engines = [("workers 2", {"workers": 2}), ("dask 2", {"engine": "dask", "workers": 2})]
                if size in sizes:
                    results["compare"]["workers 1"] = results["sizes"][size]
                else:
                    engines.insert(0, ("workers 1", {"workers": 1}))
                for name, engine in engines:
                    r = run_build(paths, tmp / f"cmp-{name.replace(' ', '')}.db", settings, **engine)
                    results["compare"][name] = r
                    print(f"{size:g} MB, {name:<10} {r['seconds']:8.1f} s wall, {r['cpu_seconds']:8.1f} s CPU",
                          flush=True)
            if args.json:
                Path(args.json).write_text(json.dumps(results, indent=1))
    _print_summary(results)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0


def _print_size(size: float, r: dict) -> None:
    per_source = sum(s["seconds"] for n, s in r["steps"].items() if n not in CORPUS_STEPS)
    corpus = sum(s["seconds"] for n, s in r["steps"].items() if n in CORPUS_STEPS)
    corpus_peak = max((s["peak_mb"] for n, s in r["steps"].items() if n in CORPUS_STEPS), default=0)
    print(f"\n{size:g} MB: {r['files']} files, {r['bytes'] / MB:.2f} MB, {r['counts']['documents']} documents; "
          f"build {r['seconds']:.1f} s (per source {per_source:.1f}, corpus {corpus:.1f}); "
          f"corpus-layer peak RSS {corpus_peak:.0f} MB", flush=True)
    print(f"  {'step':<14} {'seconds':>8} {'peak MB':>8}")
    for name, s in r["steps"].items():
        print(f"  {name:<14} {s['seconds']:>8.1f} {s['peak_mb']:>8.0f}")
    pipe = r["pipe"]["chars"] / r["pipe"]["seconds"]
    build = r["bytes"] / r["seconds"]
    print(f"  build {build:,.0f} B/s; bare nlp.pipe {pipe:,.0f} chars/s; build = {build / pipe:.2f}x nlp.pipe "
          f"(CPU time: {(r['bytes'] / r['cpu_seconds']) / (r['pipe']['chars'] / r['pipe']['cpu_seconds']):.2f}x)",
          flush=True)


def _print_summary(results: dict) -> None:
    sizes = sorted(results["sizes"])
    if len(sizes) > 1:
        print("\ngrowth exponents (1.0 = linear; target <= 1.15)")
        steps = list(results["sizes"][sizes[0]]["steps"])
        header = "".join(f"{f'{a:g}->{b:g} MB':>14}" for a, b in zip(sizes, sizes[1:]))
        print(f"  {'step':<14}{header}")
        for name in steps + ["build"]:
            row = []
            for a, b in zip(sizes, sizes[1:]):
                ra, rb = results["sizes"][a], results["sizes"][b]
                ta = ra["seconds"] if name == "build" else ra["steps"].get(name, {}).get("seconds", 0)
                tb = rb["seconds"] if name == "build" else rb["steps"].get(name, {}).get("seconds", 0)
                e = exponent(ta, tb, ra["bytes"], rb["bytes"])
                row.append(f"{e:>14.2f}" if e is not None else f"{'-':>14}")
            print(f"  {name:<14}{''.join(row)}")
    c = results["compare"]
    if c:
        one, two, dask = (c[k]["seconds"] for k in ("workers 1", "workers 2", "dask 2"))
        print(f"\n--workers 2 is {one / two:.2f}x faster than --workers 1 (target >= 1.7 on two free cores); "
              f"Dask 2 workers takes {dask / two:.2f}x the time of --workers 2 (target <= 1.3)")
        print("(workers 1 is the size run above, in this process with the steps recorded)")


if __name__ == "__main__":
    sys.exit(main())
