"""Web benchmark: a generated 10,000-document store, pages and searches timed in-process.

Prints the median (and 90th percentile) time of page requests and of searches after one
warm-up request per page (the app caches corpus-wide shapes on first use; the cold time of
that first request is printed too). Fails when the median page time exceeds 300 ms or the
median search time exceeds 200 ms.

    .venv/bin/python benchmarks/web/run.py [--documents 10000] [--db benchmarks/out/web.db]
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import ensure_corpus  # noqa: E402

PAGE_BUDGET_MS, SEARCH_BUDGET_MS = 300, 200


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--db", default=str(Path(__file__).resolve().parents[1] / "out" / "web.db"))
    args = parser.parse_args()
    from starlette.testclient import TestClient
    from quellen.store import Store
    from quellen.web.app import create_app

    db = Path(args.db)
    t = time.perf_counter()
    if ensure_corpus(db, args.documents):
        print(f"generated {args.documents} documents in {time.perf_counter() - t:.1f} s -> {db}")
    with Store(db, create=False) as store:
        counts = store.counts()
        rng = random.Random(1)
        documents = [d.id for d in rng.sample(store.documents(), 40)]
        entities = [e.id for e in rng.sample(store.entities(), 30)]
        words = [e.name.split()[0] for e in rng.sample(store.entities(), 20)]
        source_id = sorted(store.source_names())[0]
    print("store:", ", ".join(f"{k} {v}" for k, v in counts.items()))
    client = TestClient(create_app(db), base_url="http://localhost")

    def timed(path: str) -> float:
        t = time.perf_counter()
        r = client.get(path)
        ms = (time.perf_counter() - t) * 1000
        assert r.status_code == 200, (path, r.status_code)
        return ms

    fixed = ["/", "/documents", "/documents?page=50", "/entities", "/entities?type=place", "/timeline",
             "/timeline?place=pla-3", "/map", "/network", "/network?kind=correspondence", "/conflicts",
             f"/sources/{source_id}", f"/sources/{source_id}?page=2"]
    cold = timed("/")
    # one person's itinerary on the map, and a disputed event's page (its conflicts in full)
    people = client.get("/map.json").json()["people"]
    if people:
        fixed.append(f"/map?person={people[0]['id']}")
    disputed = client.get("/timeline.json?disputed=1").json()["items"]
    if disputed:
        fixed.append(f"/events/{disputed[0]['id']}")
    print(f"first request (fills the caches): {cold:.0f} ms")
    for path in fixed:
        timed(path)  # warm-up
    pages = {}
    for path in fixed * 3 + [f"/documents/{d}" for d in documents] + [f"/entities/{e}" for e in entities]:
        pages.setdefault(path.split("?")[0].rsplit("/", 1)[0] if path.count("/") > 1 else path, []).append(timed(path))
    searches = [timed(f"/search?q={w}") for w in words] + [timed(f"/search?q={w}+council") for w in words]
    all_pages = [t for ts in pages.values() for t in ts]
    for group, ts in sorted(pages.items()):
        print(f"  {group:<28} median {statistics.median(ts):7.1f} ms   max {max(ts):7.1f} ms   n={len(ts)}")
    page_median = statistics.median(all_pages)
    search_median = statistics.median(searches)
    p90 = lambda xs: sorted(xs)[int(len(xs) * 0.9)]  # noqa: E731
    print(f"pages:    median {page_median:.1f} ms, p90 {p90(all_pages):.1f} ms over {len(all_pages)} requests "
          f"(budget {PAGE_BUDGET_MS} ms)")
    print(f"searches: median {search_median:.1f} ms, p90 {p90(searches):.1f} ms over {len(searches)} requests "
          f"(budget {SEARCH_BUDGET_MS} ms)")
    ok = page_median <= PAGE_BUDGET_MS and search_median <= SEARCH_BUDGET_MS
    print("OK" if ok else "TOO SLOW")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
