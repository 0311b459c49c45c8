"""Candidates and verification in partitions, so that no worker holds the whole corpus.

As passim does on Spark, the lexical channel of :func:`quellen.reuse.find_reuse`
(steps 2-3) runs in two partitioned passes, each a pure function over one partition:

1. **hash partitions** (:func:`match_keys`): the keys of every place — word n-gram
   hashes, rare names and numbers, character q-gram hashes (:func:`.candidates.ngram_keys`,
   :func:`.candidates.anchor_keys`, :func:`.candidates.char_keys`) — are split by key
   modulo the number of partitions; all places of one key fall in one partition, which
   emits the pairs of places sharing a key (at most ``max_df`` places: the document
   frequencies that decide which words are function words and which are rare anchors
   are the one global reduction, made before, in :func:`.candidates.build_corpus`);
2. **pair batches** (:func:`verify_batch`): the seeds, gathered, are split by unit pair
   (:func:`pair_batches`: the pairs of one block of units with another); a batch holds the
   tokens of the units its pairs touch, at most two blocks, and clusters, merges and aligns them
   (:func:`.candidates.cluster_seeds`, :func:`.candidates.merge_neighbours`, :func:`.align.verify`).

Results are reduced in a fixed order: each link carries where the single run would have
found it (seeds of shared wording after anchors alone, then by unit pair, then in the
order found within the pair), so the links — and every group, id and export built from
them — are the same for any number of partitions and any engine.

``mapper(func, items, *shared)`` runs the partitions: it returns ``[func(item, *shared)
for item in items]`` in item order, wherever it runs them (:func:`in_sequence` in this
process; the engines of :mod:`quellen.engines` on worker processes or a Dask cluster).
"""
from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, Callable

import numpy as np

from .align import Link, verify
from .copies import composed_spans, copy_roots, inferred_copy, is_copy, root_links, token_map
from .candidates import (MIN_SEEDS, Corpus, Unit, anchor_keys, char_keys, char_lineup, drop_near_repeats,
                         merge_neighbours, ngram_keys, pair_candidates, pairs_from_runs)

__all__ = ["Mapper", "in_sequence", "lexical_links", "match_keys", "verify_batch", "pair_batches", "split_keys",
           "PairBatch", "TokenStats", "PARTITION_TOKENS"]

#: ``mapper(func, items, *shared) -> [func(item, *shared) for item in items]``, in item order
Mapper = Callable[..., list]

#: tokens per partition at least: a corpus of more tokens gets more partitions than workers,
#: so what one partition holds stays bounded as the corpus grows
PARTITION_TOKENS = 2_000_000


def in_sequence(func: Callable, items: Sequence, *shared: Any) -> list:
    """Return ``[func(item, *shared) for item in items]``: the partitions run here, one after another."""
    return [func(item, *shared) for item in items]


def partition_count(corpus: Corpus, partitions: int) -> int:
    """Return how many partitions to cut ``corpus`` into: ``partitions``, or more for a large corpus."""
    return max(1, partitions, math.ceil(len(corpus.ids) / PARTITION_TOKENS))


@dataclass(frozen=True)
class TokenStats:
    """The corpus-wide statistics per token id that verification reads (the global reduction)."""

    words: list[str]
    df: np.ndarray
    is_anchor: np.ndarray
    common: np.ndarray
    named: np.ndarray | None
    #: units in the whole corpus (some measures depend on the corpus size)
    n_units: int


@dataclass(frozen=True)
class PairBatch:
    """The seeds of some unit pairs, with the tokens of the units they touch and nothing else.

    ``units`` are numbered here 0..k-1 in the order of ``touched`` (their corpus indices);
    ``ids`` is their token stream, ``offsets`` where each starts in it; the seeds are
    (pos_a, pos_b) positions in that stream.
    """

    touched: np.ndarray
    units: list[Unit]
    ids: np.ndarray
    offsets: np.ndarray
    ngrams: np.ndarray
    anchors: np.ndarray
    chars: np.ndarray | None
    #: per touched unit, the first unit it is a copy of by its seeds (:func:`.copies.copy_roots`; -1: none),
    #: or None when copies are not inferred
    roots: np.ndarray | None = None
    #: the pairs of two copies of one root (second pass), else those of the first pass
    deferred: bool = False
    #: second pass: the root's copy links, (root, unit) -> (link, pivot lo, pivot hi, token map), corpus numbers
    pivots: dict | None = None


@dataclass(frozen=True)
class VerifyParams:
    """What verification needs from :class:`~quellen.settings.ReuseSettings`."""

    ngram: int
    gap: int
    merge_gap: int
    min_tokens: int
    align_margin: int
    noisy_identity: float
    #: whole-text copy links scoring at least this make a pivot (:mod:`.copies`; 0: every pair aligned)
    infer_copy_score: float = 0.0


def match_keys(part: tuple[tuple[np.ndarray, np.ndarray], ...], max_df: int | Sequence[int]) -> list[np.ndarray]:
    """Return, per kind of key in ``part``, the (pos_a, pos_b) pairs of places sharing a key.

    ``part`` holds one hash partition: for each kind, (keys, positions) of the keys in its
    range. A key found in more than ``max_df`` places (one bound, or one per kind) is
    boilerplate and pairs nothing.
    """
    bounds = [max_df] * len(part) if isinstance(max_df, int) else list(max_df)
    return [pairs_from_runs(keys, positions, bound) for (keys, positions), bound in zip(part, bounds)]


def split_keys(keys: np.ndarray, positions: np.ndarray, parts: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Return (keys, positions) split into ``parts`` by mixed key modulo ``parts``, input order kept in each."""
    if parts == 1:
        return [(keys, positions)]
    # the keys mixed first: sampled q-gram hashes all share their low bits, token ids are small
    with np.errstate(over="ignore"):
        which = (keys.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(40)
    which %= np.uint64(parts)
    return [(keys[chosen], positions[chosen]) for chosen in _groups(which.astype(np.int64), parts)]


def _groups(labels: np.ndarray, count: int) -> list[np.ndarray]:
    """Return, for each label 0..count-1, the indexes holding it, in order (one sort, not one pass per label)."""
    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(count + 1))
    return [order[bounds[r]:bounds[r + 1]] for r in range(count)]


def lexical_links(corpus: Corpus, settings: Any, max_df: int, partitions: int = 1,
                  mapper: Mapper | None = None) -> list[Link]:
    """Return the verified links of shared wording and anchors (steps 2-3 of :func:`~quellen.reuse.find_reuse`).

    The same links, in the same order, for any ``partitions`` (the number of hash
    partitions and of pair batches, raised for a large corpus: :data:`PARTITION_TOKENS`)
    and any ``mapper`` (:func:`in_sequence` when None).
    """
    mapper = mapper or in_sequence
    parts = partition_count(corpus, partitions)
    n = settings.ngram
    # 2. hash partitions: the keys of every kind, split by key; each partition pairs its places
    kinds = [ngram_keys(corpus, n), anchor_keys(corpus)]
    bounds = [max_df, max_df]
    if settings.char_min_band:
        kinds.append(char_keys(corpus, settings.char_q, settings.char_sample))
        bounds.append(min(settings.char_max_df, max_df) if settings.char_max_df else max_df)
    # each kind's keys let go once split (the split copies them, one more set of keys otherwise)
    split = []
    while kinds:
        split.append(split_keys(*kinds.pop(0), parts))
    matched = mapper(match_keys, [tuple(s[r] for s in split) for r in range(parts)], tuple(bounds))
    del split
    found = []
    for k in range(len(bounds)):
        found.append(np.concatenate([m[k] for m in matched]) if matched else np.zeros((0, 2), np.int64))
        for m in matched:
            m[k] = None
    del matched
    ngrams = drop_near_repeats(corpus, found[0], 4 * n)
    anchors = drop_near_repeats(corpus, found[1], 40)
    chars = char_lineup(corpus, found[2], min_band=settings.char_min_band) if settings.char_min_band else None
    del found
    # 3. pair batches: clustered, merged and aligned where the two units' tokens are
    params = VerifyParams(n, settings.gap, settings.merge_gap, settings.min_tokens, settings.align_margin,
                          settings.noisy_identity, settings.infer_copy_score)
    stats = TokenStats(corpus.words, corpus.df, corpus.is_anchor, corpus.common, corpus.named, len(corpus.units))
    copy_seeds = settings.infer_copy_seeds if settings.infer_copy_score else 0.0
    tagged: list[tuple] = []
    pivots = None
    # the batches are made as they are sent, ``parts`` at a time: what the writer holds is the
    # seeds and the batches in flight, not every batch's tokens (a unit travels with each of its block pairs)
    for chunk in _chunks(pair_batches(corpus, ngrams, anchors, chars, parts, copy_seeds), max(1, partitions)):
        if chunk[0].deferred and pivots is None:
            # the pairs of two copies of one root, after the root's own links are known (.copies)
            pivots = root_links(tagged)
        if chunk[0].deferred:
            chunk = [replace(b, pivots={k: v for k, v in pivots.items() if k[1] in set(b.touched.tolist())})
                     for b in chunk]
        tagged += [t for found in mapper(verify_batch, chunk, stats, params) for t in found]
        del chunk
    tagged.sort(key=lambda t: t[0])
    return [t[1] for t in tagged]


def _chunks(batches: Iterator[PairBatch], size: int) -> Iterator[list[PairBatch]]:
    """Return ``batches`` in lists of at most ``size``, the first pass's and the second's never in one list."""
    chunk: list[PairBatch] = []
    for batch in batches:
        if chunk and (len(chunk) >= size or batch.deferred != chunk[0].deferred):
            yield chunk
            chunk = []
        chunk.append(batch)
    if chunk:
        yield chunk


def pair_batches(corpus: Corpus, ngrams: np.ndarray, anchors: np.ndarray, chars: np.ndarray | None,
                 parts: int, copy_seeds: float = 0.0) -> Iterator[PairBatch]:
    """Return the seeds cut into batches by unit pair, each with the tokens of the units it touches.

    The batches are made one at a time as they are asked for, the first pass's before the
    second's (``deferred``).

    The token stream is cut into equal blocks, enough of them that the block pairs number
    about ``parts`` and no block is longer than :data:`PARTITION_TOKENS` tokens; a unit
    belongs to the block it starts in (so a block holds at most its length plus the one unit
    running past its end). A batch takes the pairs of one block with another (or with
    itself): it holds at most two blocks' units. Unit pairs with too few seeds to form a
    candidate (:data:`.candidates.MIN_SEEDS`) are left out.

    With ``copy_seeds``, the pairs of two copies of one root (:func:`.copies.copy_roots`)
    go to batches of their own, ``deferred``, verified after the others (:func:`lexical_links`).
    """
    kinds = [ngrams, anchors] + ([chars] if chars is not None else [])
    first = [corpus.unit_of[k[:, 0]].astype(np.int64) for k in kinds]
    second = [corpus.unit_of[k[:, 1]].astype(np.int64) for k in kinds]
    n_units = len(corpus.units)
    # pairs with fewer seeds than any candidate needs: cluster_seeds would pass them over
    keys = np.concatenate([ua * n_units + ub for ua, ub in zip(first, second)])
    uniq, counts = np.unique(keys, return_counts=True)
    enough = uniq[counts >= MIN_SEEDS]
    roots = None
    if copy_seeds:
        lengths = np.diff(corpus.offsets)
        roots = copy_roots(uniq, counts, lengths, copy_seeds)
    del keys, uniq, counts
    total = int(corpus.offsets[-1])
    blocks = max(1, int((math.sqrt(8 * parts + 1) - 1) // 2), math.ceil(total / PARTITION_TOKENS))
    block_of = np.minimum(corpus.offsets[:-1] * blocks // max(total, 1), blocks - 1).astype(np.int64)
    # a seed's first place comes before its second, so its first unit's block is never the later one
    labels = [np.where(np.isin(ua * n_units + ub, enough), block_of[ua] * blocks + block_of[ub], -1)
              for ua, ub in zip(first, second)]
    if roots is not None:
        # the pairs of two copies of one root come second, in batches of their own
        labels = [np.where((label >= 0) & (roots[ua] >= 0) & (roots[ua] == roots[ub]) & (roots[ua] < ua),
                           label + blocks * blocks, label) for label, ua, ub in zip(labels, first, second)]
    grouped = [_groups(label, 2 * blocks * blocks) for label in labels]
    del labels
    for pair in range(2 * blocks * blocks):
        chosen = [g[pair] for g in grouped]
        if not any(len(c) for c in chosen):
            continue
        touched = np.unique(np.concatenate([x[c] for xs in (first, second) for x, c in zip(xs, chosen)]))
        starts, ends = corpus.offsets[touched], corpus.offsets[touched + 1]
        local = np.concatenate([[0], np.cumsum(ends - starts)]).astype(np.int64)
        ids = np.concatenate([corpus.ids[s:e] for s, e in zip(starts.tolist(), ends.tolist())])
        units = [replace(corpus.units[u], index=k, offset=int(local[k])) for k, u in enumerate(touched.tolist())]
        seeds = [_moved(corpus.offsets, touched, local, k[c], ua[c], ub[c])
                 for k, ua, ub, c in zip(kinds, first, second, chosen)]
        yield PairBatch(touched, units, ids, local, seeds[0], seeds[1], seeds[2] if chars is not None else None,
                        roots[touched] if roots is not None else None, pair >= blocks * blocks)


def _moved(offsets: np.ndarray, touched: np.ndarray, local: np.ndarray, pairs: np.ndarray, ua: np.ndarray,
           ub: np.ndarray) -> np.ndarray:
    """Return corpus stream positions ``pairs`` (of units ``ua``, ``ub``) as positions in a batch's stream."""
    la, lb = np.searchsorted(touched, ua), np.searchsorted(touched, ub)
    return np.stack([pairs[:, 0] - offsets[ua] + local[la], pairs[:, 1] - offsets[ub] + local[lb]],
                    axis=1).astype(np.int64)


class _Units(Sequence):
    """A batch's units under their batch numbers, with the corpus's length (measures depend on it)."""

    def __init__(self, units: list[Unit], total: int):
        self._units, self._total = units, total

    def __getitem__(self, i):  # type: ignore[override]
        return self._units[i]

    def __len__(self) -> int:
        return self._total


def verify_batch(batch: PairBatch, stats: TokenStats, params: VerifyParams) -> list[tuple]:
    """Return the verified links of one pair batch as (place in the single run's order, link, token map or None).

    A second-pass batch (``deferred``) measures a pair of two copies of one root at the spans
    the root's two links give, where it can (:mod:`.copies`), and aligns it otherwise; a
    first-pass one returns with each link of a root with its copy the token map of the two.

    The place is (anchors alone: 0, shared wording: 1; first unit; second unit; rank within
    that pair), with the corpus's unit numbers, as the links are.
    """
    k = len(batch.units)
    corpus = Corpus(_Units(batch.units, stats.n_units), batch.ids,
                    np.repeat(np.arange(k, dtype=np.int32), np.diff(batch.offsets)), batch.offsets, {}, stats.df,
                    stats.is_anchor, stats.common, stats.words, stats.named)
    # one unit pair at a time: a batch of copies has millions of seeds, and a candidate holds its
    # own as Python pairs; merging and the ranks below are per unit pair, so the links are the same
    candidates = (c for found in pair_candidates(corpus, batch.ngrams, batch.anchors, params.ngram, params.gap,
                                                 chars=batch.chars)
                  for c in merge_neighbours(found, params.merge_gap))
    touched = batch.touched.tolist()
    rank: dict[tuple, int] = {}
    out = []
    for c in candidates:
        key = (int(c.ngram_seeds > 0), touched[c.a], touched[c.b])
        place = key + (rank.setdefault(key, 0),)
        rank[key] += 1
        link = None
        if batch.pivots is not None and params.infer_copy_score:
            root = int(batch.roots[c.a])
            via_a, via_b = batch.pivots.get((root, touched[c.a])), batch.pivots.get((root, touched[c.b]))
            if via_a is not None and via_b is not None:
                spans = composed_spans(via_a[1:], via_b[1:], params.min_tokens)
                if spans is not None:
                    link = inferred_copy(corpus, c, spans[:4], params.min_tokens, params.align_margin)
        if link is None:
            link = verify(corpus, c, params.min_tokens, params.align_margin, params.noisy_identity)
        if link is None:
            continue
        found = replace(link, a=touched[link.a], b=touched[link.b])
        mapped = None
        root_link = batch.roots is not None and batch.roots[link.b] == touched[link.a]
        if root_link and is_copy(link, params.infer_copy_score):
            # a link of a root with its copy: the token map that pairs of two copies are composed through
            mapped = token_map(corpus.span_ids(link.a, link.a_lo, link.a_hi),
                               corpus.span_ids(link.b, link.b_lo, link.b_hi))
            mapped = np.where(mapped >= 0, mapped + link.b_lo, -1)
        out.append((place, found, mapped))
    return out
