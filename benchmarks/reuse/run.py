"""Run quellen's reuse finder and a MinHash-LSH baseline on one synthetic corpus; print both.

    .venv/bin/python benchmarks/reuse/run.py            # 2,000 texts, ~7 M characters
    .venv/bin/python benchmarks/reuse/run.py --small    # 200 texts, a quick look
    .venv/bin/python benchmarks/reuse/run.py --json     # figures as JSON

    .venv/bin/python benchmarks/reuse/run.py --scale    # and quellen alone at 1x, 2x, 4x: growth exponent

Each system runs in its own forked process, so wall time and peak memory
(``ru_maxrss`` of that process) are its own. Figures come strict and loose (see
:func:`score`): strict counts a planted pair as found only when one predicted
alignment covers at least half of each planted side; precision is over every
passage pair of every group.
"""
from __future__ import annotations

import argparse
import itertools
import json
import math
import multiprocessing as mp
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import DECOYS, KINDS, STANDARD, Corpus, generate  # noqa: E402

Pair = tuple[int, int, int, int, int, int]  # text a, start, end, text b, start, end


def run_quellen(corpus: Corpus, embeddings: bool, backend: str | None = None) -> list[list[tuple[int, int, int]]]:
    """Return quellen's groups as lists of (text, start, end); ``backend`` runs the encoder another way."""
    from quellen.model import Source
    from quellen.reuse import find_reuse
    from quellen.settings import ReuseSettings
    sources = [Source(f"src-{i:05d}", f"t{i:05d}.txt", str(i), "text/plain", t) for i, t in enumerate(corpus.texts)]
    index = {s.id: i for i, s in enumerate(sources)}
    settings = ReuseSettings(embedding_backend=backend) if backend else None
    groups = find_reuse(sources, [], settings, embeddings=embeddings)
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


def score(corpus: Corpus, groups: list[list[tuple[int, int, int]]], cover: float = 0.5) -> dict:
    """Return strict and loose precision, recall and F1 by kind, span overlap and decoy links.

    Strict: a planted pair is found only when ONE predicted passage pair covers at least
    ``cover`` of each planted side, and a predicted pair is correct only when it does so for
    some planted pair (so a copy found as three fragments is one miss and three false pairs).
    Loose (the rule of the first version): any predicted pair whose passages overlap both
    sides finds the planted pair and is correct.
    """
    def overlap(p, t, s, e) -> int:
        return max(0, min(p[2], e) - max(p[1], s)) if p[0] == t else 0

    def covers(p, q, g) -> tuple[bool, bool]:
        oa, ob = overlap(p, g.a, g.a_start, g.a_end), overlap(q, g.b, g.b_start, g.b_end)
        loose = oa > 0 and ob > 0
        strict = oa >= cover * (g.a_end - g.a_start) and ob >= cover * (g.b_end - g.b_start)
        return loose, strict

    gold_by_text = defaultdict(list)
    for k, gold in enumerate(corpus.gold):
        gold_by_text[gold.a].append(k)
        gold_by_text[gold.b].append(k)
    found_loose: set[int] = set()
    found_strict: set[int] = set()
    best_span: dict[int, float] = defaultdict(float)
    pairs = good_loose = good_strict = 0
    linked_texts: set[tuple[int, int]] = set()
    for members in groups:
        for p, q in itertools.combinations(members, 2):
            pairs += 1
            linked_texts.add(tuple(sorted((p[0], q[0]))))
            ok_loose = ok_strict = False
            for k in gold_by_text[p[0]]:
                g = corpus.gold[k]
                for x, y in ((p, q), (q, p)):
                    loose, strict = covers(x, y, g)
                    if loose:
                        ok_loose = True
                        found_loose.add(k)
                        best_span[k] = max(best_span[k], 0.5 * (_jaccard(x[1:], (g.a_start, g.a_end))
                                                                + _jaccard(y[1:], (g.b_start, g.b_end))))
                    if strict:
                        ok_strict = True
                        found_strict.add(k)
            good_loose += ok_loose
            good_strict += ok_strict
    total: dict[str, int] = defaultdict(int)
    hit_loose: dict[str, int] = defaultdict(int)
    hit_strict: dict[str, int] = defaultdict(int)
    span_sum: dict[str, float] = defaultdict(float)
    for k, gold in enumerate(corpus.gold):
        total[gold.kind] += 1
        hit_loose[gold.kind] += k in found_loose
        hit_strict[gold.kind] += k in found_strict
        span_sum[gold.kind] += best_span.get(k, 0.0)
    kinds = [k for k in KINDS if k in total]
    precision = {"strict": good_strict / pairs if pairs else 0.0, "loose": good_loose / pairs if pairs else 0.0}
    recall = {"strict": {k: round(hit_strict[k] / total[k], 3) for k in kinds},
              "loose": {k: round(hit_loose[k] / total[k], 3) for k in kinds}}

    def f1(p: float, r: float) -> float:
        return round(2 * p * r / (p + r), 3) if p + r else 0.0

    standard = [k for k in kinds if k in STANDARD]
    figures = {}
    for rule, hits in (("strict", hit_strict), ("loose", hit_loose)):
        r_std = sum(hits[k] for k in standard) / max(1, sum(total[k] for k in standard))
        r_all = sum(hits[k] for k in kinds) / max(1, sum(total[k] for k in kinds))
        figures[rule] = {"precision": round(precision[rule], 3), "recall_standard": round(r_std, 3),
                         "f1_standard": f1(precision[rule], r_std), "recall_all": round(r_all, 3),
                         "f1_all": f1(precision[rule], r_all), "recall": recall[rule]}
    decoys: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for kind, a, b in corpus.decoys:
        decoys[kind][1] += 1
        decoys[kind][0] += tuple(sorted((a, b))) in linked_texts
    decoy_links = sum(v[0] for v in decoys.values())
    decoy_total = sum(v[1] for v in decoys.values())
    return {"predicted_pairs": pairs, **figures,
            "span_overlap": {k: round(span_sum[k] / max(1, hit_loose[k]), 3) for k in kinds},
            "decoy_links": decoy_links, "decoy_pairs": decoy_total,
            "decoy_rate": round(decoy_links / decoy_total, 3) if decoy_total else 0.0,
            "decoys_by_kind": {k: f"{v[0]}/{v[1]}" for k, v in sorted(decoys.items())}}


def _jaccard(x, y) -> float:
    inter = max(0, min(x[1], y[1]) - max(x[0], y[0]))
    union = max(x[1], y[1]) - min(x[0], y[0])
    return inter / union if union else 0.0


def _child(name: str, corpus: Corpus, embeddings: bool, backend: str | None, conn) -> None:
    started, cpu = time.perf_counter(), time.process_time()
    groups = run_quellen(corpus, embeddings, backend) if name == "quellen" else run_minhash(corpus)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    conn.send((groups, seconds, cpu, peak_mb))
    conn.close()


def measure(name: str, corpus: Corpus, embeddings: bool = False, backend: str | None = None) -> dict:
    """Return the figures of system ``name`` run in a forked process."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(name, corpus, embeddings, backend, child))
    proc.start()
    groups, seconds, cpu, peak_mb = parent.recv()
    proc.join()
    return {"system": name, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), "peak_mb": round(peak_mb),
            "groups": len(groups),
            **score(corpus, groups)}


def scaling(documents: int, seed: int, factors: tuple[int, ...] = (1, 2, 4)) -> dict:
    """Return quellen's seconds and characters at each size factor, and the growth exponent.

    The exponent is the slope of log(seconds) against log(characters) between the
    smallest and the largest size (1.0: linear).
    """
    rows = []
    for factor in factors:
        corpus = generate(documents=documents * factor, seed=seed)
        chars = sum(len(t) for t in corpus.texts)
        result = measure("quellen", corpus)
        rows.append({"factor": factor, "documents": documents * factor, "characters": chars,
                     "seconds": result["seconds"], "cpu_seconds": result["cpu_seconds"], "peak_mb": result["peak_mb"],
                     "strict_f1_standard": result["strict"]["f1_standard"]})
    first, last = rows[0], rows[-1]
    grow = math.log(last["characters"] / first["characters"])
    exponent = math.log(last["seconds"] / first["seconds"]) / grow
    cpu_exponent = math.log(last["cpu_seconds"] / first["cpu_seconds"]) / grow
    return {"rows": rows, "exponent": round(exponent, 3), "cpu_exponent": round(cpu_exponent, 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="200 texts instead of 2,000")
    parser.add_argument("--documents", type=int, default=None)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--embeddings", action="store_true", help="let quellen use sentence embeddings")
    parser.add_argument("--backend", default=None, help="reuse.embedding_backend with --embeddings (else the default)")
    parser.add_argument("--no-minhash", action="store_true", help="skip the MinHash-LSH baseline")
    parser.add_argument("--scale", action="store_true",
                        help="also time quellen alone at 1x, 2x and 4x the corpus and print the growth exponent")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    documents = args.documents or (200 if args.small else 2000)
    started = time.perf_counter()
    corpus = generate(documents=documents, seed=args.seed)
    chars = sum(len(t) for t in corpus.texts)
    generated = time.perf_counter() - started
    results = [measure("quellen", corpus, args.embeddings, args.backend)]
    if not args.no_minhash:
        results.append(measure("minhash-lsh", corpus))
    scale = scaling(documents, args.seed) if args.scale else None
    if args.json:
        print(json.dumps({"documents": documents, "characters": chars, "planted": len(corpus.gold),
                          "decoy_pairs": len(corpus.decoys), "results": results, "scaling": scale}, indent=1))
        return 0
    print(f"{documents} texts, {chars:,} characters, {len(corpus.gold)} planted pairs, "
          f"{len(corpus.decoys)} decoy pairs (generated in {generated:.1f} s)")
    print(f"{'':>26}" + "".join(f"{r['system'] + ' ' + rule:>20}" for r in results for rule in ("strict", "loose")))

    def row(label: str, get) -> None:
        print(f"{label:>26}" + "".join(f"{get(r, rule)!s:>20}" for r in results for rule in ("strict", "loose")))

    row("seconds", lambda r, rule: r["seconds"])
    row("CPU seconds", lambda r, rule: r["cpu_seconds"])
    row("peak memory (MB)", lambda r, rule: r["peak_mb"])
    row("predicted pairs", lambda r, rule: r["predicted_pairs"])
    row("pair precision", lambda r, rule: r[rule]["precision"])
    row("recall, standard mix", lambda r, rule: r[rule]["recall_standard"])
    row("F1, standard mix", lambda r, rule: r[rule]["f1_standard"])
    row("F1, all kinds", lambda r, rule: r[rule]["f1_all"])
    for kind in KINDS:
        if kind in results[0]["strict"]["recall"]:
            row("recall " + kind, lambda r, rule, kind=kind: r[rule]["recall"][kind])
    row("decoy false-link rate", lambda r, rule: r["decoy_rate"])
    for kind in DECOYS:
        row("decoys linked " + kind, lambda r, rule, kind=kind: r["decoys_by_kind"].get(kind, "-"))
    for kind in KINDS:
        if kind in results[0]["span_overlap"]:
            row("span overlap " + kind, lambda r, rule, kind=kind: r["span_overlap"][kind])
    if scale:
        print("scaling (quellen alone):")
        for r in scale["rows"]:
            print(f"  {r['factor']}x: {r['documents']} texts, {r['characters']:,} characters, {r['seconds']} s "
                  f"({r['cpu_seconds']} s CPU), "
                  f"{r['peak_mb']} MB, strict F1 standard {r['strict_f1_standard']}")
        print(f"  growth exponent (seconds against characters, 1x to {scale['rows'][-1]['factor']}x): "
              f"{scale['exponent']} (CPU seconds: {scale['cpu_exponent']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
