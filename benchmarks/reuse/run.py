"""Run quellen's reuse finder and a MinHash-LSH baseline on one synthetic corpus; print both.

    .venv/bin/python benchmarks/reuse/run.py            # 2,000 texts, ~7 M characters
    .venv/bin/python benchmarks/reuse/run.py --small    # 200 texts, a quick look
    .venv/bin/python benchmarks/reuse/run.py --json     # figures as JSON

Each system runs in its own forked process, so wall time and peak memory
(``ru_maxrss`` of that process) are its own. A predicted pair counts when its two
passages overlap the two sides of a planted pair (the official scorer's rule);
precision is over every passage pair of every group.
"""
from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing as mp
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import Corpus, generate  # noqa: E402

Pair = tuple[int, int, int, int, int, int]  # text a, start, end, text b, start, end


def run_quellen(corpus: Corpus, embeddings: bool) -> list[list[tuple[int, int, int]]]:
    """Return quellen's groups as lists of (text, start, end)."""
    from quellen.model import Source
    from quellen.reuse import find_reuse
    sources = [Source(f"src-{i:05d}", f"t{i:05d}.txt", str(i), "text/plain", t) for i, t in enumerate(corpus.texts)]
    index = {s.id: i for i, s in enumerate(sources)}
    groups = find_reuse(sources, [], embeddings=embeddings)
    return [[(index[p.source], p.char_start, p.char_end) for p in g.passages] for g in groups]


def run_minhash(corpus: Corpus, threshold: float = 0.3, window: int = 50, stride: int = 25,
                num_perm: int = 64) -> list[list[tuple[int, int, int]]]:
    """Return MinHash-LSH groups: overlapping word windows whose 3-gram shingle sets collide."""
    import re

    from datasketch import LeanMinHash, MinHash, MinHashLSH
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    windows = []
    word = re.compile(r"\w+")
    for t, text in enumerate(corpus.texts):
        spans = [(m.start(), m.end(), m.group().lower()) for m in word.finditer(text)]
        for k in range(0, max(1, len(spans) - window + 1), stride):
            chunk = spans[k:k + window]
            shingles = {" ".join(w for _, _, w in chunk[i:i + 3]).encode() for i in range(len(chunk) - 2)}
            m = MinHash(num_perm=num_perm)
            m.update_batch(list(shingles))
            lsh.insert(len(windows), LeanMinHash(m))
            windows.append((t, chunk[0][0], chunk[-1][1], m))
    links: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for key, (t, s, e, m) in enumerate(windows):
        for other in lsh.query(m):
            if other > key and windows[other][0] != t:
                links[(t, windows[other][0])].append((key, other))
    groups = []
    for (ta, tb), pairs in links.items():
        # merge overlapping windows of one text pair into one passage pair
        pairs.sort()
        current = None
        for ka, kb in pairs:
            a, b = windows[ka], windows[kb]
            if current and a[1] <= current[1][2] and abs(b[1] - current[2][2]) < 2000:
                current = (None, (ta, current[1][1], max(current[1][2], a[2])),
                           (tb, min(current[2][1], b[1]), max(current[2][2], b[2])))
            else:
                if current:
                    groups.append([current[1], current[2]])
                current = (None, (ta, a[1], a[2]), (tb, b[1], b[2]))
        if current:
            groups.append([current[1], current[2]])
    return groups


def score(corpus: Corpus, groups: list[list[tuple[int, int, int]]]) -> dict:
    """Return pair precision, recall by kind, and mean span overlap of found pairs."""
    def overlaps(p, t, s, e):
        return p[0] == t and p[1] < e and s < p[2]

    by_text = defaultdict(list)
    for g, members in enumerate(groups):
        for p in members:
            by_text[p[0]].append((g, p))
    found = defaultdict(lambda: [0, 0])
    overlap_sum = defaultdict(float)
    for gold in corpus.gold:
        hits_a = {(g, p) for g, p in by_text[gold.a] if overlaps(p, gold.a, gold.a_start, gold.a_end)}
        best = 0.0
        ok = False
        for g, p in hits_a:
            for q in groups[g]:
                if q != p and overlaps(q, gold.b, gold.b_start, gold.b_end):
                    ok = True
                    best = max(best, 0.5 * (_jaccard(p[1:], (gold.a_start, gold.a_end))
                                            + _jaccard(q[1:], (gold.b_start, gold.b_end))))
        found[gold.kind][1] += 1
        found[gold.kind][0] += ok
        overlap_sum[gold.kind] += best
    gold_by_text = defaultdict(list)
    for gold in corpus.gold:
        gold_by_text[gold.a].append(gold)
        gold_by_text[gold.b].append(gold)
    pairs = good = 0
    for members in groups:
        for p, q in itertools.combinations(members, 2):
            pairs += 1
            good += any((overlaps(p, g.a, g.a_start, g.a_end) and overlaps(q, g.b, g.b_start, g.b_end))
                        or (overlaps(q, g.a, g.a_start, g.a_end) and overlaps(p, g.b, g.b_start, g.b_end))
                        for g in gold_by_text[p[0]])
    negatives = {tuple(sorted(n)) for n in corpus.negatives}
    false_negative_links = sum(1 for members in groups for p, q in itertools.combinations(members, 2)
                               if tuple(sorted((p[0], q[0]))) in negatives)
    precision = good / pairs if pairs else 0.0
    recall = {k: round(a / b, 3) for k, (a, b) in sorted(found.items())}
    span = {k: round(overlap_sum[k] / max(1, found[k][0]), 3) for k in sorted(found)}
    low_noise = [k for k in found if k in ("verbatim", "excerpt") or
                 (k.startswith("ocr:") and float(k.split(":")[1]) <= 0.10)]
    r_low = sum(found[k][0] for k in low_noise) / max(1, sum(found[k][1] for k in low_noise))
    f1_low = 2 * precision * r_low / (precision + r_low) if precision + r_low else 0.0
    # F1 per kind of reuse: that kind's recall against the precision of all predicted pairs
    # (a false pair belongs to no kind, so precision cannot be split by kind)
    f1 = {k: round(2 * precision * r / (precision + r), 3) if precision + r else 0.0 for k, r in recall.items()}
    return {"precision": round(precision, 3), "predicted_pairs": pairs, "recall": recall, "f1": f1,
            "span_overlap": span, "f1_noise_le_10": round(f1_low, 3),
            "hard_negative_links": false_negative_links}


def _jaccard(x, y) -> float:
    inter = max(0, min(x[1], y[1]) - max(x[0], y[0]))
    union = max(x[1], y[1]) - min(x[0], y[0])
    return inter / union if union else 0.0


def _child(name: str, corpus: Corpus, embeddings: bool, conn) -> None:
    started = time.perf_counter()
    groups = run_quellen(corpus, embeddings) if name == "quellen" else run_minhash(corpus)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    conn.send((groups, seconds, peak_mb))
    conn.close()


def measure(name: str, corpus: Corpus, embeddings: bool = False) -> dict:
    """Return the figures of system ``name`` run in a forked process."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(name, corpus, embeddings, child))
    proc.start()
    groups, seconds, peak_mb = parent.recv()
    proc.join()
    return {"system": name, "seconds": round(seconds, 2), "peak_mb": round(peak_mb), "groups": len(groups),
            **score(corpus, groups)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="200 texts instead of 2,000")
    parser.add_argument("--documents", type=int, default=None)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--embeddings", action="store_true", help="let quellen use sentence embeddings")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    documents = args.documents or (200 if args.small else 2000)
    started = time.perf_counter()
    corpus = generate(documents=documents, seed=args.seed)
    chars = sum(len(t) for t in corpus.texts)
    results = [measure("quellen", corpus, args.embeddings), measure("minhash-lsh", corpus)]
    if args.json:
        print(json.dumps({"documents": documents, "characters": chars, "planted": len(corpus.gold),
                          "results": results}, indent=1))
        return 0
    print(f"{documents} texts, {chars:,} characters, {len(corpus.gold)} planted pairs, "
          f"{len(corpus.negatives)} hard-negative pairs (generated in {time.perf_counter() - started:.1f} s)")
    kinds = sorted(results[0]["recall"])
    print(f"{'':>22}" + "".join(f"{r['system']:>14}" for r in results))
    for label, key in (("seconds", "seconds"), ("peak memory (MB)", "peak_mb"), ("groups", "groups"),
                       ("pair precision", "precision"), ("F1, noise <= 10 %", "f1_noise_le_10"),
                       ("hard-negative links", "hard_negative_links")):
        print(f"{label:>22}" + "".join(f"{r[key]:>14}" for r in results))
    for kind in kinds:
        print(f"{'recall ' + kind:>22}" + "".join(f"{r['recall'][kind]:>14}" for r in results))
    for kind in kinds:
        print(f"{'F1 ' + kind:>22}" + "".join(f"{r['f1'][kind]:>14}" for r in results))
    for kind in kinds:
        print(f"{'span overlap ' + kind:>22}" + "".join(f"{r['span_overlap'][kind]:>14}" for r in results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
