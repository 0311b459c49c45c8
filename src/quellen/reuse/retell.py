"""Retellings: one detail told again in other words, found sentence against sentence.

A paraphrase keeps the meaning and the particulars of what it retells (who, how
many, where, which day) and changes the wording. Neither signal alone is enough:
two sentences can mean nearly the same thing in general terms ("he was sent
away") about different events, and two sentences can share a name and a year
while telling different things about that person. A sentence pair therefore
counts as a retelling when

1. its embeddings are close (cosine >= ``threshold``) and each sentence is the
   other's closest match in the other text (mutual best: a retold detail has
   one counterpart, a topic has many), and
2. it shares at least ``min_shared`` rare words (rare in the corpus: found in
   few texts, compared by a short prefix so that "deported" meets
   "deportation"), at least one of them a name or a number and at least one
   an ordinary word (so a shared cast alone, the same people doing other
   things, is not enough);

or its cosine reaches ``threshold_alone`` and it shares any rare word (two
sentences on one topic embed very close with nothing particular in common); when
one sentence is much longer than the other (a summary), its cosine must reach
``threshold_word``, since a long sentence shares a few rare words with many
others by chance; and when both sentences give
figures, at least one figure agrees (the same kind of event in another year
or with other numbers is another event). Per pair of texts only the
strongest such sentence pair is kept: a retold detail is one statement, and a
text that retells many of another's sentences is found by the run-based
channels already.

Captions, headings and other page furniture never count: a caption repeats the
names of the text it illustrates by design.

The cosine thresholds are set for ordinary prose, where two unrelated sentences
embed about ``background`` (0.15) apart on average. A corpus whose sentences all
look alike to the model (formulaic registers, a language the model does not know,
heavy OCR noise) has a higher floor, and there the same cosine means less: the
thresholds are moved up by :func:`calibrate` in proportion, never down.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from ..model import FURNITURE_KINDS
from .candidates import Corpus, Unit

__all__ = ["RetellSettings", "Retelling", "background_similarity", "calibrate", "rare_stems", "is_retelling",
           "one_voice", "find_retellings"]


@dataclass(frozen=True, slots=True)
class RetellSettings:
    """Thresholds of the retelling test (see the module docstring)."""

    threshold: float = 0.6
    #: closer than this, one shared rare ordinary word is enough (no name or number needed)
    threshold_word: float = 0.69
    threshold_alone: float = 0.85
    min_shared: int = 2
    #: a pair whose shorter sentence is under this share of the longer one's length is a summary
    summary_ratio: float = 0.4
    #: a word found in more than this share of the texts is not rare
    rare_share: float = 0.1
    #: characters a word is cut to before comparing (a crude, language-neutral stem)
    stem: int = 6
    #: mean cosine of two unrelated sentences of ordinary prose, what the thresholds assume
    background: float = 0.15


@dataclass(frozen=True, slots=True)
class Retelling:
    """Sentence ``i`` retold by sentence ``j`` (indices into the sentence list), with the evidence."""

    i: int
    j: int
    similarity: float
    shared: tuple[str, ...]


def background_similarity(vectors: np.ndarray, samples: int = 20000) -> float:
    """Return the mean cosine of random pairs of distinct rows of ``vectors`` (unit length).

    The pairs are drawn with a fixed seed, so a rebuild gets the same figure.
    """
    n = len(vectors)
    if n < 3:
        return 0.0
    rng = np.random.default_rng(0)
    i = rng.integers(0, n, samples)
    j = rng.integers(0, n, samples)
    keep = i != j
    return float(np.einsum("ij,ij->i", vectors[i[keep]], vectors[j[keep]]).mean())


def calibrate(settings: RetellSettings, background: float) -> RetellSettings:
    """Return ``settings`` with the cosine thresholds raised for a corpus whose unrelated sentences embed ``background`` apart.

    A threshold keeps its place between the floor and 1: ``t' = b + (t - b0)(1 - b)/(1 - b0)``,
    and is never lowered below ``t``.

    >>> calibrate(RetellSettings(threshold=0.6), 0.5).threshold
    0.7647
    """
    b0 = settings.background
    if background <= b0:
        return settings

    def move(t: float) -> float:
        return round(max(t, background + (t - b0) * (1 - background) / (1 - b0)), 4)

    return replace(settings, threshold=move(settings.threshold), threshold_word=move(settings.threshold_word),
                   threshold_alone=move(settings.threshold_alone))


def rare_stems(corpus: Corpus, unit: int, lo: int, hi: int,
               settings: RetellSettings = RetellSettings()) -> dict[str, tuple[float, bool]]:
    """Return the rare words of tokens ``lo:hi`` of ``unit`` as {stem: (idf, is a name or number)}.

    >>> # doctest: +SKIP
    >>> rare_stems(corpus, 0, 0, 12)
    {'73': (2.9, True), 'hospit': (2.2, False)}
    """
    n = len(corpus.units)
    limit = max(2, settings.rare_share * n)
    out: dict[str, tuple[float, bool]] = {}
    ids = corpus.span_ids(unit, lo, hi).tolist()
    capital = corpus.units[unit].tokens.capital[lo:hi]
    for x, cap in zip(ids, capital):
        if corpus.common[x] or corpus.df[x] > limit:
            continue
        word = corpus.words[x]
        digit = any(c.isdigit() for c in word)
        if len(word) < 3 and not digit:
            continue
        key = word if digit else word[: settings.stem]
        named = digit or cap or (corpus.named is not None and bool(corpus.named[x]))
        idf = math.log((n + 1) / corpus.df[x])
        old = out.get(key)
        out[key] = (max(idf, old[0]), named or old[1]) if old else (idf, named)
    return out


def is_retelling(similarity: float, a: dict[str, tuple[float, bool]], b: dict[str, tuple[float, bool]],
                 settings: RetellSettings = RetellSettings()) -> bool:
    """Return True when two mutually closest sentences with rare words ``a`` and ``b`` tell one thing."""
    shared = set(a) & set(b)
    if similarity >= settings.threshold_alone and shared:
        return True  # nothing rare in common at all: the same topic, not the same statement
    if similarity < settings.threshold:
        return False
    names = [w for w in shared if a[w][1] or b[w][1]]
    words = len(shared) - len(names)
    if similarity >= settings.threshold_word and words:
        return True
    return len(shared) >= settings.min_shared and bool(names) and words > 0


def one_voice(x: Unit, y: Unit) -> bool:
    """Return True when two units speak with one voice: one author, or unattributed parts of one text.

    An author who retells his own statement is still one witness, and the
    unattributed parts of one compilation's running text (a narrative frame cut
    by the documents it presents, a biography cut by its captions) recapitulate
    each other; neither is reuse between witnesses.
    """
    if x.index == y.index:
        return True
    if x.author is not None or y.author is not None:
        return x.author == y.author
    return x.source == y.source and x.kind == y.kind


def find_retellings(corpus: Corpus, sentences: list[tuple[int, int, int]], vectors: np.ndarray,
                    settings: RetellSettings = RetellSettings(),
                    exclude=None) -> list[Retelling]:
    """Return the retold sentence pairs among ``sentences`` ((unit, first token, end token)), one per text pair.

    ``vectors`` are the sentences' unit-length embeddings, row for row;
    ``exclude(i, j)`` may veto a pair (one that another channel found already).
    """
    usable = [k for k, (u, _, _) in enumerate(sentences)
              if corpus.units[u].kind not in FURNITURE_KINDS]
    if len(usable) < 2:
        return []
    sents = [sentences[k] for k in usable]
    vecs = vectors[usable]
    settings = calibrate(settings, background_similarity(vecs))
    unit_of = np.asarray([s[0] for s in sents])
    units, unit_index = np.unique(unit_of, return_inverse=True)
    # best similarity of each sentence to any sentence of each text, for the mutual-best test
    best = np.full((len(sents), len(units)), -1.0, dtype=np.float32)
    block = 1024
    candidates: list[tuple[int, int, float]] = []
    for start in range(0, len(sents), block):
        sims = vecs[start:start + block] @ vecs.T
        for r in range(sims.shape[0]):
            i = start + r
            row = sims[r].copy()
            row[i] = -1.0
            np.maximum.at(best[i], unit_index, row)
            js = np.nonzero(row >= settings.threshold)[0]
            candidates.extend((i, int(j), float(row[j])) for j in js.tolist() if j > i)
    stems: dict[int, dict[str, tuple[float, bool]]] = {}

    def rare(k: int) -> dict[str, tuple[float, bool]]:
        if k not in stems:
            stems[k] = rare_stems(corpus, *sents[k], settings=settings)
        return stems[k]

    def numbers(k: int) -> set[str]:
        u, lo, hi = sents[k]
        return {w for w in corpus.units[u].tokens.words[lo:hi] if w.isdigit()}

    chosen: dict[tuple[int, int], Retelling] = {}
    strength: dict[tuple[int, int], float] = {}
    for i, j, sim in candidates:
        (ua, alo, ahi), (ub, blo, bhi) = sents[i], sents[j]
        if one_voice(corpus.units[ua], corpus.units[ub]):
            continue
        if (sim < best[i, unit_index[j]] or sim < best[j, unit_index[i]]):
            continue  # not each other's closest counterpart
        if exclude is not None and exclude(usable[i], usable[j]):
            continue
        a, b = rare(i), rare(j)
        shared = sorted(set(a) & set(b))
        if not is_retelling(sim, a, b, settings):
            continue
        if sim < settings.threshold_word and min(ahi - alo, bhi - blo) < settings.summary_ratio * max(ahi - alo, bhi - blo):
            continue  # a long sentence meets a short one on two rare words by chance
        na, nb = numbers(i), numbers(j)
        if na and nb and not na & nb:
            continue  # both give figures and none agree: the same kind of event, another time
        weight = sim + 0.02 * sum(min(a[w][0], b[w][0]) for w in shared)
        key = (ua, ub) if ua <= ub else (ub, ua)
        if weight > strength.get(key, -1.0):
            strength[key] = weight
            chosen[key] = Retelling(usable[i], usable[j], round(sim, 4), tuple(shared))
    return sorted(chosen.values(), key=lambda r: (r.i, r.j))
