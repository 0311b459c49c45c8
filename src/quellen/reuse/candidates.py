"""Candidate passage pairs, found three ways: shared word n-grams, shared character
q-grams (which survive OCR noise) and co-occurring anchors.

The corpus is one stream of token ids (numpy), so the index is a sort, not a
dict of lists: hashes of every n-gram are sorted once, runs of equal hashes are
matches, and runs longer than ``max_df`` are boilerplate (stock phrases, page
furniture) and dropped. Anchors are rare names and numbers, which a translation
or a paraphrase keeps when every other word changes.

OCR noise breaks a word n-gram with every wrong letter: at 10 % noise a word
5-gram survives in about 4 % of places. Character q-grams over the words written
without spaces (so split and merged words do not matter) survive far more often
(7 letters at 10 %: half of them); :func:`char_seeds` samples them by hash (the
same q-grams on both sides, a quarter of them), drops the frequent ones, and keeps
only pairs of places that lie on one diagonal band of their two texts with a few
others: chance collisions scatter, a copy lines up.

Matches between two units are then clustered into candidate passages: seeds
that lie close together on both sides (gaps up to ``gap`` tokens, in any order
on the second side, so a reordered paraphrase still forms one cluster).
"""
from __future__ import annotations

import datetime as dt
from array import array
from dataclasses import dataclass, field
from typing import Iterable, Iterator

import numpy as np

from .normalize import Tokens

__all__ = ["Unit", "Corpus", "Candidate", "build_corpus", "ngram_seeds", "char_seeds", "anchor_seeds",
           "cluster_seeds", "pair_candidates", "merge_neighbours", "ngram_keys", "anchor_keys", "char_keys",
           "char_lineup", "pairs_from_runs", "drop_near_repeats"]

_MULT = np.uint64(1_000_003)
#: seeds a unit pair needs (of shared wording, or of anchors) before it is worth clustering
MIN_SEEDS = 3


@dataclass(slots=True)
class Unit:
    """One document (or source) the finder compares: its tokens and where they sit.

    ``tokens`` is what :func:`build_corpus` reads; it keeps them only in the corpus's compact
    arrays and sets ``tokens`` to None (:meth:`Corpus.tokens` gives them back, one unit at a time).
    """

    index: int
    source: str
    document: str | None
    char_start: int
    char_end: int
    tokens: Tokens | None
    kind: str | None = None
    date: dt.date | None = None
    #: position of this unit's first token in the corpus token stream
    offset: int = 0
    #: who wrote it (an entity id, else the name as given), None when the text does not say
    author: str | None = None
    #: (char_start, char_end, part) of its head and furniture lines (title, date line, salutation,
    #: valediction, signature: :class:`quellen.model.Head`)
    heads: tuple[tuple[int, int, str], ...] = ()


@dataclass(slots=True)
class Corpus:
    """Units, their token ids as one stream, and per-token statistics."""

    units: list[Unit]
    ids: np.ndarray            # int64 token id per stream position
    unit_of: np.ndarray        # int32 unit index per stream position
    offsets: np.ndarray        # int64 first stream position of each unit (+ total at the end)
    vocab: dict[str, int]
    df: np.ndarray             # units a token id occurs in
    is_anchor: np.ndarray      # bool per token id: a rare name or number
    common: np.ndarray         # bool per token id: a function word by corpus frequency
    words: list[str] = field(default_factory=list)
    #: bool per token id: a name (capitalised inside sentences) or a number, however frequent
    named: np.ndarray | None = None
    #: per stream position, the token's (start, end) in its source text and whether it is capitalised
    #: (:attr:`.normalize.Tokens.capital`); None in a pair batch, which reads token ids only
    starts: np.ndarray | None = None
    ends: np.ndarray | None = None
    capital: np.ndarray | None = None

    def span_ids(self, unit: int, lo: int, hi: int) -> np.ndarray:
        """Return the token ids of tokens ``lo:hi`` of ``unit``."""
        base = int(self.offsets[unit])
        return self.ids[base + lo: base + hi]

    def length(self, unit: int) -> int:
        """Return how many tokens ``unit`` has."""
        return int(self.offsets[unit + 1] - self.offsets[unit])

    def tokens(self, unit: int, lo: int = 0, hi: int | None = None) -> Tokens:
        """Return the :class:`~.normalize.Tokens` ``lo:hi`` of ``unit``, made from the compact arrays.

        Offsets count in the source text, as :func:`.normalize.tokenize` gives them.
        """
        base = int(self.offsets[unit])
        hi = self.length(unit) if hi is None else min(hi, self.length(unit))
        s, e = base + lo, base + max(lo, hi)
        words = self.words
        return Tokens([words[i] for i in self.ids[s:e].tolist()], array("q", self.starts[s:e].tobytes()),
                      array("q", self.ends[s:e].tobytes()), self.capital[s:e].tolist())


@dataclass(slots=True)
class Candidate:
    """A cluster of matches between tokens ``a_lo:a_hi`` of unit ``a`` and ``b_lo:b_hi`` of ``b``."""

    a: int
    a_lo: int
    a_hi: int
    b: int
    b_lo: int
    b_hi: int
    #: seeds of shared wording: word n-grams and character q-grams
    ngram_seeds: int = 0
    anchor_seeds: int = 0
    #: of the ``ngram_seeds``, how many are character q-grams
    char_seeds: int = 0
    #: matched (a position, b position) pairs, for the sentence aligner
    pairs: list[tuple[int, int]] = field(default_factory=list)


def build_corpus(units: Iterable[Unit], anchor_max_share: float = 0.02) -> Corpus:
    """Return the :class:`Corpus` over ``units``: token ids, document frequencies, anchors.

    ``units`` may be a generator: each unit's tokens go into the corpus's compact arrays (token
    id, offsets, capital: 25 bytes a token) and the unit lets go of them (``tokens`` None), so
    the word lists of only one unit are held at a time.
    """
    vocab: dict[str, int] = {}
    chunks: list[np.ndarray] = []
    cap_chunks: list[np.ndarray] = []
    start_chunks: list[np.ndarray] = []
    end_chunks: list[np.ndarray] = []
    offsets = [0]
    kept: list[Unit] = []
    for unit in units:
        unit.offset = offsets[-1]
        add = vocab.setdefault
        # a word's id is its place in first-seen order: the dict's own insertion order
        row = [add(word, len(vocab)) for word in unit.tokens.words]
        chunks.append(np.asarray(row, dtype=np.int64))
        cap_chunks.append(np.asarray(unit.tokens.capital, dtype=bool))
        start_chunks.append(np.asarray(unit.tokens.starts, dtype=np.int64))
        end_chunks.append(np.asarray(unit.tokens.ends, dtype=np.int64))
        offsets.append(offsets[-1] + len(row))
        unit.tokens = None
        kept.append(unit)
    units = kept
    words = list(vocab)
    ids = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int64)
    capital = np.concatenate(cap_chunks) if cap_chunks else np.zeros(0, dtype=bool)
    starts = np.concatenate(start_chunks) if start_chunks else np.zeros(0, dtype=np.int64)
    ends = np.concatenate(end_chunks) if end_chunks else np.zeros(0, dtype=np.int64)
    del chunks, cap_chunks, start_chunks, end_chunks
    unit_of = np.repeat(np.arange(len(units), dtype=np.int32), np.diff(offsets))
    # document frequency: count each (unit, token) once
    pairs = sorted_unique(unit_of.astype(np.int64) * max(len(words), 1) + ids)
    df = np.bincount(pairs % max(len(words), 1), minlength=len(words)) if len(words) else np.zeros(0, int)
    counts = np.bincount(ids, minlength=len(words))
    caps = np.bincount(ids[capital], minlength=len(words)).astype(np.int64)
    has_digit = np.array([any(c.isdigit() for c in w) for w in words], dtype=bool)
    name_like = (caps * 2 >= counts) & (caps > 0)
    limit = max(3, int(anchor_max_share * len(units)))
    is_anchor = (has_digit | name_like) & (df >= 2) & (df <= limit)
    # function words: in many units, or very frequent in a small corpus
    common = (df > max(3, 0.1 * len(units))) | (counts > max(20, len(ids) * 0.004))
    return Corpus(units, ids, unit_of, np.asarray(offsets, dtype=np.int64), vocab, df, is_anchor,
                  common, words, has_digit | name_like, starts, ends, capital)


def _ngram_hashes(ids: np.ndarray, unit_of: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Return (hash, start position) of every n-gram that does not cross a unit boundary."""
    if len(ids) < n:
        return np.zeros(0, np.uint64), np.zeros(0, np.int64)
    m = len(ids) - n + 1
    h = np.zeros(m, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(n):
            h = h * _MULT + (ids[k:k + m].astype(np.uint64) + np.uint64(1))
    inside = unit_of[:m] == unit_of[n - 1:]
    return h[inside], np.nonzero(inside)[0].astype(np.int64)


def pairs_from_runs(keys: np.ndarray, positions: np.ndarray, max_df: int) -> np.ndarray:
    """Return (pos_a, pos_b) pairs, pos_a < pos_b, of equal keys in runs of 2..max_df."""
    if len(keys) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    order = np.argsort(keys, kind="stable")
    k = keys[order]
    p = positions[order]
    change = np.empty(len(k), dtype=bool)
    change[0] = True
    change[1:] = k[1:] != k[:-1]
    run_id = np.cumsum(change) - 1
    starts = np.nonzero(change)[0]
    lengths = np.diff(np.append(starts, len(k)))
    run_len = lengths[run_id]
    run_end = (starts + lengths)[run_id]
    keep = (run_len >= 2) & (run_len <= max_df)
    idx = np.nonzero(keep)[0]
    out = []
    for step in range(1, max_df):
        j = idx + step
        ok = j < run_end[idx]
        if not ok.any():
            break
        i2 = idx[ok]
        out.append(np.stack([p[i2], p[i2 + step]], axis=1))
        idx = i2
    if not out:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.concatenate(out)
    return np.sort(pairs, axis=1)


def ngram_seeds(corpus: Corpus, n: int, max_df: int) -> np.ndarray:
    """Return (pos_a, pos_b) stream positions of shared n-grams that are not boilerplate."""
    # within one unit, overlapping n-grams of a repeated word are not a repeat
    return drop_near_repeats(corpus, pairs_from_runs(*ngram_keys(corpus, n), max_df), 4 * n)


def ngram_keys(corpus: Corpus, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Return (hash, stream position) of every informative n-gram: the keys :func:`ngram_seeds` matches.

    Two places share an n-gram when their hashes are equal, so the keys can be split by
    hash range and each range matched alone (:mod:`.partition`).
    """
    h, pos = _ngram_hashes(corpus.ids, corpus.unit_of, n)
    # an n-gram made only of function words is no evidence of copying
    if len(pos):
        informative = np.zeros(len(pos), dtype=bool)
        common = corpus.common[corpus.ids]
        for k in range(n):
            informative |= ~common[pos + k]
        h, pos = h[informative], pos[informative]
    return h, pos


def drop_near_repeats(corpus: Corpus, pairs: np.ndarray, distance: int) -> np.ndarray:
    """Return the (pos_a, pos_b) ``pairs`` less those inside one unit closer than ``distance`` tokens."""
    same = corpus.unit_of[pairs[:, 0]] == corpus.unit_of[pairs[:, 1]]
    return pairs[~same | (pairs[:, 1] - pairs[:, 0] >= distance)]


def char_seeds(corpus: Corpus, q: int = 7, sample: int = 4, max_df: int = 44, band: int = 16,
               min_band: int = 4) -> np.ndarray:
    """Return (pos_a, pos_b) stream token positions of shared character q-grams that line up.

    The letters of each unit's folded words are one string without spaces; a q-gram
    is kept when its hash is divisible by ``sample`` (content-defined, so both copies
    keep the same ones) and it occurs in at most ``max_df`` places. A pair of places
    counts only when pairs of the same two units that start in at least ``min_band``
    different words fall on the same diagonal band (``band`` tokens wide, two staggered bandings). Only pairs of two
    units: within one text a formula repeated with a changing number ("day 1", "day 11")
    lines up too, and a text's reuse of itself is left to the word n-grams.
    """
    keys, tokens = char_keys(corpus, q, sample)
    return char_lineup(corpus, pairs_from_runs(keys, tokens, max_df), band, min_band)


def char_keys(corpus: Corpus, q: int = 7, sample: int = 4, block: int = 1 << 20) -> tuple[np.ndarray, np.ndarray]:
    """Return (hash, stream token position) of the sampled character q-grams: the keys :func:`char_seeds` matches.

    A q-gram's position is the token that holds its middle letter (the seed belongs to that word).
    The letters are hashed about ``block`` at a time, whole units each time: a q-gram never spans
    two units, so the keys are those of one pass over the stream, and the arrays of one entry a
    letter (8 bytes each, several of them) stay the size of a block, not of the corpus.
    """
    ids = corpus.ids
    empty = np.zeros(0, np.uint64), np.zeros(0, np.int64)
    if len(ids) == 0:
        return empty
    lengths = np.fromiter((len(w) for w in corpus.words), dtype=np.int64, count=len(corpus.words))
    # where each token's letters start among the letters of the whole stream (no spaces)
    letter_start = np.concatenate([[0], np.cumsum(lengths[ids])])
    if letter_start[-1] - q + 1 < 2:
        return empty
    # letters of names and numbers alone are the anchors' evidence, not shared wording
    plain = np.concatenate([[0], np.cumsum(~corpus.named[ids])]) if corpus.named is not None else None
    hashes, tokens = [], []
    first_unit = 0
    while first_unit < len(corpus.units):
        end_unit = first_unit + 1
        while (end_unit < len(corpus.units)
               and letter_start[corpus.offsets[end_unit]] - letter_start[corpus.offsets[first_unit]] < block):
            end_unit += 1
        t0, t1 = int(corpus.offsets[first_unit]), int(corpus.offsets[end_unit])
        first_unit = end_unit
        h, where = _sampled_qgrams(corpus, ids[t0:t1], lengths, q, sample, plain, t0)
        hashes.append(h)
        tokens.append(where)
    return np.concatenate(hashes), np.concatenate(tokens)


def _sampled_qgrams(corpus: Corpus, ids: np.ndarray, lengths: np.ndarray, q: int, sample: int,
                    plain: np.ndarray | None, t0: int) -> tuple[np.ndarray, np.ndarray]:
    """Return (hash, stream token position) of the sampled q-grams of the tokens ``ids`` (stream positions from ``t0``).

    A q-gram is kept when it lies in one unit, its hash is divisible by ``sample`` and (with
    ``plain``, the running count of tokens that are not names or numbers) it covers a plain word.
    """
    letters = "".join([corpus.words[i] for i in ids.tolist()])
    codes = np.frombuffer(letters.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    m = len(codes) - q + 1
    if m < 1:
        return np.zeros(0, np.uint64), np.zeros(0, np.int64)
    token_of = np.repeat(np.arange(t0, t0 + len(ids), dtype=np.int64), lengths[ids])
    h = np.zeros(m, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(q):
            h = h * _MULT + (codes[k:k + m] + np.uint64(1))
        # mix the bits, so that sampling by the low bits is sampling at random
        h ^= h >> np.uint64(29)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(32)
    first, last = token_of[:m], token_of[q - 1:]
    keep = (corpus.unit_of[first] == corpus.unit_of[last]) & (h % np.uint64(sample) == 0)
    if plain is not None:
        keep &= plain[last + 1] > plain[first]
    positions = np.nonzero(keep)[0]
    # a seed belongs to the word that holds its middle letter (monotone in the letter's place,
    # so matching on token positions pairs the same places as matching on letters)
    return h[positions], token_of[positions + q // 2]


def char_lineup(corpus: Corpus, pairs: np.ndarray, band: int = 16, min_band: int = 4) -> np.ndarray:
    """Return the distinct (pos_a, pos_b) token pairs of ``pairs`` (matched q-grams) that line up.

    Kept: pairs of two units whose diagonal band holds seeds starting in at least ``min_band``
    different words (:func:`char_seeds`). Each unit pair is judged on its own seeds alone.
    """
    if not len(pairs):
        return np.zeros((0, 2), dtype=np.int64)
    n = np.int64(len(corpus.ids))
    flat = sorted_unique(pairs[:, 0] * n + pairs[:, 1])
    pairs = np.stack([flat // n, flat % n], axis=1)
    ua = corpus.unit_of[pairs[:, 0]].astype(np.int64)
    ub = corpus.unit_of[pairs[:, 1]].astype(np.int64)
    diagonal = (pairs[:, 1] - corpus.offsets[ub]) - (pairs[:, 0] - corpus.offsets[ua])
    pair_key = ua * len(corpus.units) + ub
    dense = np.zeros(len(pairs), dtype=bool)
    for shift in (0, band // 2):
        key = (pair_key << np.int64(24)) + (diagonal + shift) // band + np.int64(1 << 23)
        # seeds of one band count by the words they start in: one long shared word is one word
        _, inverse = np.unique(key, return_inverse=True)
        inverse = inverse.ravel()
        words_in = sorted_unique(inverse.astype(np.int64) * n + pairs[:, 0]) // n
        dense |= np.bincount(words_in, minlength=inverse.max() + 1)[inverse] >= min_band
    return pairs[dense & (ua != ub)]


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """Return the sorted distinct values of an int64 array (by sorting: numpy's hash path is slower here)."""
    if not len(values):
        return values
    values = np.sort(values)
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def anchor_seeds(corpus: Corpus, max_df: int) -> np.ndarray:
    """Return (pos_a, pos_b) stream positions where the same rare name or number recurs."""
    return drop_near_repeats(corpus, pairs_from_runs(*anchor_keys(corpus), max_df), 40)


def anchor_keys(corpus: Corpus) -> tuple[np.ndarray, np.ndarray]:
    """Return (token id, stream position) of every rare name or number: the keys :func:`anchor_seeds` matches."""
    pos = np.nonzero(corpus.is_anchor[corpus.ids])[0].astype(np.int64)
    return corpus.ids[pos], pos


def cluster_seeds(corpus: Corpus, ngrams: np.ndarray, anchors: np.ndarray, n: int, gap: int,
                  min_ngram_seeds: int = MIN_SEEDS, min_anchor_seeds: int = MIN_SEEDS,
                  chars: np.ndarray | None = None) -> list[Candidate]:
    """Return candidate passage pairs: seeds of one unit pair that lie within ``gap`` of each other.

    ``chars`` (character q-gram seeds) count as shared wording, as n-grams do, and are
    counted apart in :attr:`Candidate.char_seeds`.
    """
    return [c for found in pair_candidates(corpus, ngrams, anchors, n, gap, min_ngram_seeds, min_anchor_seeds,
                                           chars) for c in found]


def pair_candidates(corpus: Corpus, ngrams: np.ndarray, anchors: np.ndarray, n: int, gap: int,
                    min_ngram_seeds: int = MIN_SEEDS, min_anchor_seeds: int = MIN_SEEDS,
                    chars: np.ndarray | None = None) -> Iterator[list[Candidate]]:
    """Return the candidates of :func:`cluster_seeds` one unit pair at a time, in its order.

    A candidate keeps its seeds as Python pairs (:attr:`Candidate.pairs`): taken a pair at a
    time, only one pair's are held, not those of every pair of a batch of copies.
    """
    chars = np.zeros((0, 2), dtype=np.int64) if chars is None else chars
    kinds = np.concatenate([np.zeros(len(ngrams), np.int8), np.ones(len(anchors), np.int8),
                            np.full(len(chars), 2, np.int8)])
    seeds = np.concatenate([ngrams, anchors.reshape(-1, 2), chars.reshape(-1, 2)])
    if not len(seeds):
        return
    ua = corpus.unit_of[seeds[:, 0]].astype(np.int64)
    ub = corpus.unit_of[seeds[:, 1]].astype(np.int64)
    pa = seeds[:, 0] - corpus.offsets[ua]
    pb = seeds[:, 1] - corpus.offsets[ub]
    pair_key = ua * len(corpus.units) + ub
    order = np.lexsort((pb, pa, pair_key))
    pair_key, ua, ub, pa, pb, kinds = (x[order] for x in (pair_key, ua, ub, pa, pb, kinds))
    # only unit pairs with enough seeds are worth a Python loop
    uniq, first, counts = np.unique(pair_key, return_index=True, return_counts=True)
    del uniq, pair_key
    for start, count in zip(first.tolist(), counts.tolist()):
        if count < min(min_ngram_seeds, min_anchor_seeds):
            continue
        a, b = int(ua[start]), int(ub[start])
        stop = start + count
        yield _cluster_one(a, b, pa[start:stop].tolist(), pb[start:stop].tolist(), kinds[start:stop].tolist(), n,
                           gap, min_ngram_seeds, min_anchor_seeds)


def _cluster_one(a: int, b: int, pa: list[int], pb: list[int], kinds: list[int], n: int, gap: int,
                 min_ngram: int, min_anchor: int) -> list[Candidate]:
    open_: list[Candidate] = []
    done: list[Candidate] = []
    lexical: dict[int, list[int]] = {}
    for x, y, kind in zip(pa, pb, kinds):
        width = n if kind == 0 else 1  # a character seed marks the word its middle letter is in
        still = []
        for c in open_:
            (still if x <= c.a_hi + gap else done).append(c)
        open_ = still
        target = None
        for c in open_:
            if c.b_lo - gap <= y <= c.b_hi + gap:
                target = c
                break
        if target is None:
            target = Candidate(a, x, x + width, b, y, y + width)
            open_.append(target)
        else:
            target.a_hi = max(target.a_hi, x + width)
            target.b_lo = min(target.b_lo, y)
            target.b_hi = max(target.b_hi, y + width)
        if kind != 1:
            target.ngram_seeds += 1
            target.char_seeds += kind == 2
            box = lexical.setdefault(id(target), [x, x + width, y, y + width])
            box[0], box[1] = min(box[0], x), max(box[1], x + width)
            box[2], box[3] = min(box[2], y), max(box[3], y + width)
        else:
            target.anchor_seeds += 1
        target.pairs.append((x, y))
    done.extend(open_)
    kept = []
    for c in done:
        if id(c) in lexical:
            # shared words mark the span; a stray name nearby only adds evidence
            c.a_lo, c.a_hi, c.b_lo, c.b_hi = lexical[id(c)]
        if c.ngram_seeds < min_ngram and c.anchor_seeds + (c.ngram_seeds > 0) < min_anchor:
            continue
        if a == b and c.a_hi > c.b_lo and c.b_hi > c.a_lo:
            continue  # a passage matched against itself
        kept.append(c)
    return kept


def merge_neighbours(candidates: list[Candidate], gap: int) -> list[Candidate]:
    """Return ``candidates`` with lexical neighbours of one unit pair merged into one.

    Two candidates with shared wording whose spans follow each other within ``gap``
    tokens on both sides, in the same order, are fragments of one passage that the
    noise between them cut: the local alignment decides how much of the stretch
    between them agrees. Candidates of anchors alone stay as they are.
    """
    out: list[Candidate] = []
    by_pair: dict[tuple[int, int], list[Candidate]] = {}
    for c in candidates:
        if c.ngram_seeds:
            by_pair.setdefault((c.a, c.b), []).append(c)
        else:
            out.append(c)
    for (a, b), group in by_pair.items():
        group.sort(key=lambda c: (c.a_lo, c.b_lo))
        current = group[0]
        for c in group[1:]:
            follows = (c.a_lo - current.a_hi <= gap and c.b_lo - current.b_hi <= gap
                       and c.b_hi > current.b_lo and c.b_lo >= current.b_lo - gap)
            if follows and not (a == b and max(current.a_hi, c.a_hi) > min(current.b_lo, c.b_lo)):
                current = Candidate(a, current.a_lo, max(current.a_hi, c.a_hi), b, min(current.b_lo, c.b_lo),
                                    max(current.b_hi, c.b_hi), ngram_seeds=current.ngram_seeds + c.ngram_seeds,
                                    anchor_seeds=current.anchor_seeds + c.anchor_seeds,
                                    char_seeds=current.char_seeds + c.char_seeds, pairs=current.pairs + c.pairs)
            else:
                out.append(current)
                current = c
        out.append(current)
    return out
