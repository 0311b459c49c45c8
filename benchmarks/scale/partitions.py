"""What one partition of the reuse step holds: task payloads against the whole corpus, per partition count.

    .venv/bin/python benchmarks/scale/partitions.py [--sizes 1,4] [--partitions 1,4,16] [--json OUT]

The corpora are bench.py's (the shared books cut into ~64 KB sources, perturbed copies past
their size), read as sources without segmentation or parsing: one reuse unit per source,
embeddings off. For each size and partition count, :func:`quellen.reuse.find_reuse` runs
its candidates and verification in that many hash partitions and pair batches, in this
process (a mapper that runs each task here and weighs its pickled input, i.e. what a Dask
worker receives); printed: seconds, tasks, the largest task's input and the total, the
shared statistics sent once to every worker, the corpus token stream for comparison, and
whether the groups equal those of one partition.
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1] / "src"))

from bench import make_corpus  # noqa: E402

from quellen.ingest import read_source  # noqa: E402
from quellen.reuse import find_reuse, make_units  # noqa: E402
from quellen.reuse.candidates import build_corpus  # noqa: E402
from quellen.settings import Settings  # noqa: E402

MB = 1_000_000


class Weighing:
    """A mapper that runs each task here and records the pickled size of its input, per pass."""

    def __init__(self) -> None:
        self.passes: list[dict] = []

    def __call__(self, func, items, *shared):
        sizes = [len(pickle.dumps(item, protocol=5)) for item in items]
        self.passes.append({"step": func.__name__, "tasks": len(items), "largest_mb": max(sizes, default=0) / MB,
                            "total_mb": sum(sizes) / MB,
                            "shared_mb": sum(len(pickle.dumps(s, protocol=5)) for s in shared) / MB})
        return [func(item, *shared) for item in items]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4")
    parser.add_argument("--partitions", default="1,4,16")
    parser.add_argument("--json")
    args = parser.parse_args()
    settings = Settings().with_overrides({"reuse.embeddings": False})
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in [float(s) for s in args.sizes.split(",")]:
            paths = make_corpus(Path(tmp) / f"{size:g}MB", size)
            sources = [read_source(str(p), settings.ingest) for p in paths]
            corpus = build_corpus(make_units(sources, [])[0])
            stream_mb = (corpus.ids.nbytes + corpus.unit_of.nbytes) / MB
            reference = None
            for parts in [int(p) for p in args.partitions.split(",")]:
                mapper = Weighing()
                t = time.perf_counter()
                groups = find_reuse(sources, [], settings.reuse, partitions=parts, mapper=mapper)
                seconds = time.perf_counter() - t
                reference = groups if reference is None else reference
                row = {"size_mb": size, "sources": len(sources), "tokens": int(len(corpus.ids)),
                       "token_stream_mb": round(stream_mb, 2), "partitions": parts, "seconds": round(seconds, 2),
                       "groups": len(groups), "same_groups": groups == reference,
                       "passes": [{k: round(v, 3) if isinstance(v, float) else v for k, v in p.items()}
                                  for p in mapper.passes]}
                results.append(row)
                passes = "; ".join(f"{p['step']}: {p['tasks']} tasks, largest {p['largest_mb']:.2f} MB, "
                                   f"all {p['total_mb']:.2f} MB, shared {p['shared_mb']:.2f} MB"
                                   for p in row["passes"])
                print(f"{size:g} MB ({len(sources)} sources, {len(corpus.ids)} tokens, stream {stream_mb:.2f} MB), "
                      f"{parts} partitions: {seconds:.1f} s, {len(groups)} groups, same: {row['same_groups']} | "
                      f"{passes}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0 if all(r["same_groups"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
