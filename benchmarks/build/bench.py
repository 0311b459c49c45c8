"""Build benchmark: end-to-end ``quellen build`` time on the seed and on a corpus ten times larger.

    .venv/bin/python benchmarks/build/bench.py [--only seed|x10] [--keep DIR]

The x10 corpus is ten copies of the seed, each with its paragraphs in another
(seeded) order and a line naming the copy, so every copy is a source of its own
(same bytes would be skipped) and the reuse and corroboration steps see the
heavy cross-copy quoting a real compilation of compilations has. The figures are
wall-clock seconds of one cold build into a fresh store (spaCy model load
included, as a user would see it), split into the per-source analysis (segment,
dates, parse, mentions, claims) and the corpus layer (entities, reuse, events,
conflicts), plus the events' own share of the corpus layer.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from quellen import pipeline  # noqa: E402
from quellen import corroborate  # noqa: E402
from quellen.store import open_store  # noqa: E402

SEED = ROOT / "eval" / "corpora" / "seed" / "000_a71d0fe14f23c818.txt"


def make_corpus(folder: Path, copies: int) -> list[Path]:
    """Return the paths of ``copies`` shuffled copies of the seed written into ``folder``."""
    text = SEED.read_text(encoding="utf-8")
    if copies == 1:
        path = folder / SEED.name
        path.write_text(text, encoding="utf-8")
        return [path]
    paragraphs = text.split("\n\n")
    out = []
    for i in range(copies):
        order = paragraphs[:]
        random.Random(i).shuffle(order)
        path = folder / f"copy_{i:02d}.txt"
        path.write_text(f"Copy {i + 1} of {copies}\n\n" + "\n\n".join(order), encoding="utf-8")
        out.append(path)
    return out


def run(name: str, copies: int) -> dict:
    """Return the timings of one cold build of the corpus ``name``."""
    timings = {"analyse": 0.0, "layer": 0.0, "timeline": 0.0}
    analyse, corpus, timeline = pipeline.analyse_source, pipeline.build_corpus_layer, corroborate.build_timeline

    def timed(key, func):
        def wrapper(*args, **kwargs):
            t = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                timings[key] += time.perf_counter() - t
        return wrapper

    pipeline.analyse_source = timed("analyse", analyse)
    pipeline.build_corpus_layer = timed("layer", corpus)
    corroborate.build_timeline = timed("timeline", timeline)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            paths = make_corpus(Path(tmp), copies)
            chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
            with open_store(Path(tmp) / "bench.db") as store:
                t = time.perf_counter()
                report = pipeline.build([str(p) for p in paths], store)
                total = time.perf_counter() - t
                counts = store.counts()
    finally:
        pipeline.analyse_source, pipeline.build_corpus_layer, corroborate.build_timeline = analyse, corpus, timeline
    return {"corpus": name, "files": len(paths), "chars": chars, "seconds": total, **timings,
            "failed": len(report.failed), **counts}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["seed", "x10"])
    args = parser.parse_args()
    corpora = [("seed", 1), ("x10", 10)]
    if args.only:
        corpora = [c for c in corpora if c[0] == args.only]
    print(f"{'corpus':<6} {'files':>5} {'chars':>9} {'docs':>6} {'events':>7} {'conflicts':>9} "
          f"{'total s':>8} {'per-source s':>12} {'corpus s':>9} {'events s':>9} {'chars/s':>8}")
    for name, copies in corpora:
        r = run(name, copies)
        print(f"{r['corpus']:<6} {r['files']:>5} {r['chars']:>9,} {r['documents']:>6} {r['events']:>7} "
              f"{r['conflicts']:>9} {r['seconds']:>8.1f} {r['analyse']:>12.1f} {r['layer']:>9.1f} "
              f"{r['timeline']:>9.1f} {r['chars'] / r['seconds']:>8,.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
