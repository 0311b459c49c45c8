"""Sentence encoders side by side: speed on real sentences, and the seed's reuse figures with each.

    .venv/bin/python benchmarks/reuse/encoders.py                 # all three backends
    .venv/bin/python benchmarks/reuse/encoders.py --sentences 2000
    .venv/bin/python benchmarks/reuse/encoders.py --seed-db seed.db   # reuse a built seed store

The backends (``reuse.embedding_backend``, :mod:`quellen.reuse.embeddings`) run the
same all-MiniLM-L6-v2: ``torch`` as shipped, ``onnx-int8`` (exported and quantized
by onnxruntime), ``static`` (distilled by model2vec). The derived forms are made
once by ``quellen.reuse.embeddings.prepare`` (minutes; nothing downloaded).

Speed: the sentences of the suite's books (``eval/corpora``), encoded in a
forked process per backend on one thread: CPU seconds and sentences per second.
Quality: the seed corpus built once (per-source layers), then the reuse finder
run with each backend over the stored layers and scored by the suite's scorer
(recall by relation, precision lower bound) -- the floors of tests/test_reuse.py.
The synthetic benchmark (run.py) is no test of an encoder: its invented words
mean nothing to a sentence model.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import multiprocessing as mp
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "eval"  # the in-repository suite: corpora, gold and scorer
SEED = EVAL / "corpora" / "seed" / "000_a71d0fe14f23c818.txt"


def book_sentences(limit: int) -> list[str]:
    """Return up to ``limit`` sentences of 8 words or more from the suite's books, in a fixed order."""
    from quellen.reuse.normalize import split_sentences
    out: list[str] = []
    for path in sorted((EVAL / "corpora").glob("*/*.txt")):
        if path.parent.name == "seed":
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for s, e in split_sentences(text):
            if len(text[s:e].split()) >= 8:
                out.append(" ".join(text[s:e].split()))
        if len(out) >= limit:
            break
    return out[:limit]


def _speed_child(backend: str, sentences: list[str], conn) -> None:
    os.environ["OMP_NUM_THREADS"] = "1"
    import torch
    torch.set_num_threads(1)
    from quellen.reuse import embeddings
    cpu, wall = time.process_time(), time.perf_counter()
    embeddings.encode(sentences[:8], backend=backend)  # load the model
    load = time.process_time() - cpu
    cpu, wall = time.process_time(), time.perf_counter()
    embeddings.encode(sentences, backend=backend)
    conn.send({"load_cpu_s": round(load, 2), "cpu_s": round(time.process_time() - cpu, 2),
               "wall_s": round(time.perf_counter() - wall, 2)})


def speed(backend: str, sentences: list[str]) -> dict:
    """Return the CPU time of encoding ``sentences`` with ``backend`` in a fresh process."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_speed_child, args=(backend, sentences, child))
    proc.start()
    result = parent.recv()
    proc.join()
    result["sentences_per_cpu_s"] = round(len(sentences) / max(result["cpu_s"], 1e-6))
    return result


def seed_reuse(db: Path, backend: str) -> dict:
    """Return the scorer's reuse figures for the seed store with ``backend``, and the finder's CPU seconds."""
    from quellen import open_store
    from quellen.reuse import find_reuse
    from quellen.settings import ReuseSettings
    spec = importlib.util.spec_from_file_location("scorer", EVAL / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    with open_store(db) as store:
        sources, documents, timexes = store.sources(), store.documents(), store.timexes()
    cpu = time.process_time()
    groups = find_reuse(sources, documents, ReuseSettings(embedding_backend=backend), embeddings=True,
                        timexes=timexes)
    cpu = time.process_time() - cpu
    export = {"reuse": [{"relation": g.relation,
                         "passages": [{"source": p.source, "char_start": p.char_start, "char_end": p.char_end}
                                      for p in g.passages]} for g in groups]}
    gold = scorer.Gold(json.loads((SEED.parent / "gold.json").read_text(encoding="utf-8")),
                       [scorer.SourceText({"id": s.id, "name": s.name, "text": s.text}) for s in sources])
    return {"finder_cpu_s": round(cpu, 2), **scorer.score_reuse(gold, export)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=3000)
    parser.add_argument("--seed-db", type=Path, default=None, help="a store with the seed built (else built here)")
    parser.add_argument("--backends", default="torch,torch-bf16,onnx-int8,static")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from quellen.reuse import embeddings
    backends = args.backends.split(",")
    for backend in backends:
        if backend not in ("torch", "torch-bf16"):
            started = time.perf_counter()
            embeddings.prepare(backend=backend)
            print(f"{backend}: ready ({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    sentences = book_sentences(args.sentences)
    db = args.seed_db
    if db is None:
        import tempfile

        from quellen import build, open_store
        db = Path(tempfile.mkdtemp()) / "seed.db"
        with open_store(db) as store:
            build([str(SEED)], store)
    rows = []
    for backend in backends:
        rows.append({"backend": backend, **speed(backend, sentences), **seed_reuse(db, backend)})
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    print(f"{len(sentences)} sentences of the suite's books; seed reuse with each backend")
    keys = ["load_cpu_s", "cpu_s", "sentences_per_cpu_s", "finder_cpu_s", "recall", "recall_by_relation",
            "predicted_pairs", "precision_lower_bound"]
    print(f"{'':>22}" + "".join(f"{r['backend']:>34}" for r in rows))
    for key in keys:
        print(f"{key:>22}" + "".join(f"{json.dumps(r.get(key)) if isinstance(r.get(key), dict) else r.get(key)!s:>34}"
                                     for r in rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
