"""Cheaper sentence embeddings in the reuse finder, side by side: tighter gates, fewer layers, shorter inputs,
batches by word pieces (issue 13: one core >= 0.5x ``nlp.pipe``).

    .venv/bin/python benchmarks/reuse/gates.py STORE [--gold GOLD] [--gate G] [--layers K] [--max-tokens N]
                                               [--order chars|tokens] [--out NAME]

Runs :func:`quellen.reuse.find_reuse` (embeddings on, the default backend) over a built store's
sources, documents and dates, with one variant patched in, and prints the sentences encoded, the
finder's and the encoder's CPU seconds (the encoder's include importing torch and loading the
model), the groups and, with ``--gold`` (the seed's ``gold.json``), the scorer's reuse figures.
``--out NAME`` writes NAME.json (figures and groups) and NAME.npz (the sentence vectors);
``--compare A B`` compares two such runs (groups; vectors row for row, cosines among close pairs).

Variants:

* ``--gate now``: ``_sentences`` as it is (a rare stem or anchor found in another text);
  ``pairK``: a sentence is kept when K of its gate stems occur in one or more sentences
  (8 tokens or more) of other units (an inverted index stem -> units of sentences; every rule
  needs one rare word in common, the many-particulars rule three, a retold run two over two sentences);
* ``--layers K``: the first K of MiniLM's 6 layers, the same weights (the model package's own),
  mean pooled after layer K;
* ``--max-tokens N``: each sentence cut at N word pieces (the model's limit is 256);
* ``--order tokens``: batches of 32 formed by word-piece count instead of character length (what
  sentence-transformers does, and ``_encode_bert`` with it): less padding, other batch neighbours.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

import quellen.reuse as reuse  # noqa: E402
from quellen.reuse import embeddings as emb  # noqa: E402
from quellen.reuse.normalize import split_sentences  # noqa: E402


def pair_gate(corpus, texts, settings, min_share: int = 1, stem: int = 6) -> list[tuple[int, int, int]]:
    """Return the sentences (unit, first token, end token) with ``min_share`` gate stems in another unit's sentence."""
    stems: dict[str, int] = {}
    stem_of = np.fromiter((stems.setdefault(w if any(c.isdigit() for c in w) else w[:stem], len(stems))
                           for w in corpus.words), dtype=np.int64, count=len(corpus.words))
    shared = reuse._shared_rare_words(corpus, settings.retell_rare_share)
    listed = []
    for unit in corpus.units:
        if not corpus.length(unit.index):
            continue
        starts = corpus.starts[corpus.offsets[unit.index]:corpus.offsets[unit.index + 1]]
        for s, e in split_sentences(texts[unit.source], unit.char_start, unit.char_end):
            lo, hi = int(np.searchsorted(starts, s)), int(np.searchsorted(starts, e))
            if hi - lo >= 8:
                ids = corpus.span_ids(unit.index, lo, hi)
                listed.append((unit.index, lo, hi, set(stem_of[ids[shared[ids]]].tolist())))
    units_of: dict[int, set[int]] = defaultdict(set)
    for u, _, _, found in listed:
        for x in found:
            units_of[x].add(u)
    return [(u, lo, hi) for u, lo, hi, found in listed
            if sum(1 for x in found if units_of[x] - {u}) >= min_share]


def patched_bert(layers: int | None, max_tokens: int | None):
    """Return a stand-in for ``embeddings._bert`` with fewer layers or a shorter input."""
    original = emb._bert

    def bert(path, bf16=False):
        model = original(path, bf16)
        if model is None:
            return None
        config, weights, tokenizer, longest, normalised = model
        if layers is not None:
            config = {**config, "num_hidden_layers": layers}
        if max_tokens is not None:
            from tokenizers import Tokenizer
            tokenizer = Tokenizer.from_file(str(Path(path) / "tokenizer.json"))
            tokenizer.no_padding()
            tokenizer.enable_truncation(max_tokens)
        return config, weights, tokenizer, longest, normalised
    return bert


def by_word_pieces(original):
    """Return ``_encode_bert`` with its batches formed by word-piece count (longest first)."""
    def encode_bert(model, texts, batch_size):
        lengths = [len(e.ids) for e in model[2].encode_batch(texts)]
        order = sorted(range(len(texts)), key=lambda k: (-lengths[k], -len(texts[k])))
        out = np.zeros((len(texts), model[0]["hidden_size"]), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            picked = order[start:start + batch_size]
            out[picked] = original(model, [texts[k] for k in picked], batch_size)
        return out
    return encode_bert


def run(args) -> dict:
    """Return the figures of one finder run over ``args.store`` with the variant asked for."""
    from quellen import open_store
    from quellen.settings import ReuseSettings
    if args.gate.startswith("pair"):
        share = int(args.gate[4:] or 1)
        reuse._sentences = lambda corpus, texts, settings: pair_gate(corpus, texts, settings, share)
    if args.layers or args.max_tokens:
        emb._bert = patched_bert(args.layers, args.max_tokens)
    if args.order == "tokens":
        emb._encode_bert = by_word_pieces(emb._encode_bert)
    spent = {"cpu": 0.0, "texts": 0}
    encode = emb.encode

    def counted(texts, *a, **k):
        texts = list(texts)
        cpu = time.process_time()
        vectors = encode(texts, *a, **k)
        spent["cpu"] += time.process_time() - cpu
        spent["texts"] += len(texts)
        return vectors
    emb.encode = counted
    seen = {}
    links = reuse._embedding_links

    def kept(corpus, settings, known, sentences, vectors):
        seen["sentences"], seen["vectors"] = sentences, vectors
        return links(corpus, settings, known, sentences, vectors)
    reuse._embedding_links = kept
    with open_store(args.store) as store:
        sources, documents, timexes = store.sources(), store.documents(), store.timexes()
    cpu = time.process_time()
    groups = reuse.find_reuse(sources, documents, ReuseSettings(), embeddings=True, timexes=timexes)
    cpu = time.process_time() - cpu
    export = [{"relation": g.relation, "passages": [{"source": p.source, "char_start": p.char_start,
                                                     "char_end": p.char_end} for p in g.passages]} for g in groups]
    figures = {"gate": args.gate, "layers": args.layers or 6, "max_tokens": args.max_tokens or 256,
               "order": args.order, "sentences": len(seen.get("sentences", ())), "encoded": spent["texts"],
               "finder_cpu_s": round(cpu, 2), "encoder_cpu_s": round(spent["cpu"], 2), "groups": len(groups)}
    if args.gold:
        spec = importlib.util.spec_from_file_location("scorer", ROOT / "eval" / "score.py")
        scorer = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(scorer)
        gold = scorer.Gold(json.loads(Path(args.gold).read_text(encoding="utf-8")),
                           [scorer.SourceText({"id": s.id, "name": s.name, "text": s.text}) for s in sources])
        scored = scorer.score_reuse(gold, {"reuse": export})
        figures.update({k: scored.get(k) for k in ("recall", "recall_by_relation", "predicted_pairs",
                                                    "precision_lower_bound")})
    if args.out:
        Path(args.out + ".json").write_text(json.dumps({"figures": figures, "groups": export}, indent=0))
        np.savez(args.out + ".npz", sentences=np.asarray(seen["sentences"]), vectors=seen["vectors"])
    return figures


def compare(a: str, b: str) -> dict:
    """Return how two runs written with ``--out`` differ: groups, and vectors when both lists match."""
    def key(g):
        return g["relation"], tuple(sorted((p["source"], p["char_start"], p["char_end"]) for p in g["passages"]))
    ga = json.loads(Path(a + ".json").read_text())["groups"]
    gb = json.loads(Path(b + ".json").read_text())["groups"]
    sa, sb = {key(g) for g in ga}, {key(g) for g in gb}
    out = {"groups": [len(ga), len(gb)], "identical": ga == gb, "only_first": len(sa - sb), "only_second": len(sb - sa)}
    va, vb = np.load(a + ".npz"), np.load(b + ".npz")
    if va["vectors"].shape == vb["vectors"].shape and np.array_equal(va["sentences"], vb["sentences"]):
        x, y = va["vectors"], vb["vectors"]
        cx, cy = x @ x.T, y @ y.T
        close = cx >= 0.6
        np.fill_diagonal(close, False)
        upper = np.triu_indices(len(x), 1)
        out.update({"rows_differing": int((np.abs(x - y).max(1) > 0).sum()), "rows": len(x),
                    "self_cosine_min": round(float((x * y).sum(1).min()), 4),
                    "pair_cosine_moved_close": round(float(np.abs(cx - cy)[close].max()), 4) if close.any() else 0.0,
                    "background": [round(float(cx[upper].mean()), 3), round(float(cy[upper].mean()), 3)]})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", nargs="?")
    parser.add_argument("--gold", help="the seed's gold.json: score the groups")
    parser.add_argument("--gate", default="now", help="now, pair1, pair2, ...")
    parser.add_argument("--layers", type=int)
    parser.add_argument("--max-tokens", type=int)
    parser.add_argument("--order", choices=("chars", "tokens"), default="chars")
    parser.add_argument("--out", help="write OUT.json and OUT.npz")
    parser.add_argument("--compare", nargs=2, metavar=("A", "B"), help="compare two runs written with --out")
    args = parser.parse_args(argv)
    print(json.dumps(compare(*args.compare) if args.compare else run(args)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
