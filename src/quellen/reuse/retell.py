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

Two more kinds of evidence let a pair through at a lower cosine, because a
paraphrase that changes most words keeps its particulars and its order:

* **the same date** (:data:`SentenceDates`, from the stored timex layer): both
  sentences name one day or month (normalised, so "two days later" meets "on
  the 20th"), the cosine reaches ``threshold_dated`` and they share a rare
  ordinary word; each must be the other's closest counterpart among the
  sentences of its text that carry that date. Figures inside the dates are
  not counted as disagreeing figures;
* **many particulars**: ``rich_shared`` rare words in common, a name and two
  ordinary words among them, mutually closest, at ``threshold_rich``;
* **a retold run**: two neighbouring sentences retold by two neighbouring
  sentences (in either order), each pair mutually closest at ``threshold`` and two rare
  ordinary words in common over the run, where no single sentence pair of the two
  texts passed; the link covers both sentences.

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

__all__ = ["RetellSettings", "Retelling", "SentenceDates", "background_similarity", "calibrate", "rare_stems",
           "is_retelling", "is_rich", "share_date", "one_voice", "find_retellings"]


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
    #: enough when both sentences name the same day or month and share a rare ordinary word
    threshold_dated: float = 0.45
    #: enough for a mutually closest pair with ``rich_shared`` rare words in common
    threshold_rich: float = 0.55
    rich_shared: int = 3
    #: a date wider than this many days (a year, a season) is not a particular
    date_days: int = 31


@dataclass(frozen=True, slots=True)
class Retelling:
    """Sentence ``i`` retold by sentence ``j`` (indices into the sentence list), with the evidence."""

    i: int
    j: int
    similarity: float
    shared: tuple[str, ...]
    #: the last sentences of a retold run (equal to ``i`` and ``j`` for one sentence)
    i_end: int = -1
    j_end: int = -1
    #: which rule let it through: "sentence", "dated", "rich" or "run"
    rule: str = "sentence"


#: per sentence, its dates as (earliest ordinal, latest ordinal, char start, char end) of each timex
SentenceDates = tuple[tuple[int, int, int, int], ...]


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
    """Return ``settings`` with the cosine thresholds raised for a corpus whose unrelated sentences
    embed ``background`` apart.

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
                   threshold_alone=move(settings.threshold_alone), threshold_dated=move(settings.threshold_dated),
                   threshold_rich=move(settings.threshold_rich))


def rare_stems(corpus: Corpus, unit: int, lo: int, hi: int,
               settings: RetellSettings = RetellSettings()) -> dict[str, tuple[float, bool]]:
    """Return the rare words of tokens ``lo:hi`` of ``unit`` as {stem: (idf, is a name or number)}.

    >>> rare_stems(corpus, 0, 0, 12)  # doctest: +SKIP
    {'73': (2.9, True), 'hospit': (2.2, False)}
    """
    n = len(corpus.units)
    limit = max(2, settings.rare_share * n)
    out: dict[str, tuple[float, bool]] = {}
    ids = corpus.span_ids(unit, lo, hi).tolist()
    base = int(corpus.offsets[unit])
    capital = corpus.capital[base + lo:base + hi].tolist()
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


def is_rich(similarity: float, a: dict[str, tuple[float, bool]], b: dict[str, tuple[float, bool]],
            settings: RetellSettings = RetellSettings()) -> bool:
    """Return True when two mutually closest sentences share so many particulars that a lower cosine will do.

    >>> w, n = (2.0, False), (2.0, True)
    >>> is_rich(0.58, {"envoy": n, "collég": w, "ultima": w}, {"envoy": n, "collég": w, "ultima": w, "x": w})
    True
    """
    if similarity < settings.threshold_rich:
        return False
    shared = set(a) & set(b)
    names = sum(1 for w in shared if a[w][1] or b[w][1])
    return len(shared) >= settings.rich_shared and names >= 1 and len(shared) - names >= 2


def share_date(a: SentenceDates, b: SentenceDates, days: int = 31) -> bool:
    """Return True when a date of ``a`` and one of ``b``, each at most ``days`` wide, overlap.

    >>> share_date(((710, 710, 0, 5),), ((700, 730, 9, 20),))
    True
    >>> share_date(((710, 710, 0, 5),), ((711, 711, 9, 20),))
    False
    """
    return any(x0 <= y1 and y0 <= x1 for x0, x1, _, _ in a if x1 - x0 <= days
               for y0, y1, _, _ in b if y1 - y0 <= days)


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
                    exclude=None, dates: list[SentenceDates] | None = None) -> list[Retelling]:
    """Return the retold sentence pairs among ``sentences`` ((unit, first token, end token)), one per text pair.

    ``vectors`` are the sentences' unit-length embeddings, row for row;
    ``exclude(i, j)`` may veto a pair (one that another channel found already);
    ``dates`` are the sentences' normalised dates, row for row (none: the date rule is off).
    """
    usable = [k for k, (u, _, _) in enumerate(sentences)
              if corpus.units[u].kind not in FURNITURE_KINDS]
    if len(usable) < 2:
        return []
    sents = [sentences[k] for k in usable]
    vecs = vectors[usable]
    when: list[SentenceDates] = [dates[k] for k in usable] if dates is not None else [() for _ in usable]
    settings = calibrate(settings, background_similarity(vecs))
    plain = min(settings.threshold, settings.threshold_rich)  # below it only a shared date lets a pair in
    floor = min(plain, settings.threshold_dated if dates is not None else 1.0)
    unit_of = np.asarray([s[0] for s in sents])
    units, unit_index = np.unique(unit_of, return_inverse=True)
    # best similarity of each sentence to any sentence of each text, for the mutual-best test
    best = np.full((len(sents), len(units)), -1.0, dtype=np.float32)
    block = 1024
    candidates: list[tuple[int, int, float]] = []
    days = settings.date_days
    for start in range(0, len(sents), block):
        sims = vecs[start:start + block] @ vecs.T
        for r in range(sims.shape[0]):
            i = start + r
            row = sims[r].copy()
            row[i] = -1.0
            np.maximum.at(best[i], unit_index, row)
            js = np.nonzero(row >= floor)[0]
            candidates.extend((i, int(j), float(row[j])) for j in js.tolist()
                              if j > i and (row[j] >= plain or share_date(when[i], when[j], days)))
    stems: dict[int, dict[str, tuple[float, bool]]] = {}

    def rare(k: int) -> dict[str, tuple[float, bool]]:
        if k not in stems:
            stems[k] = rare_stems(corpus, *sents[k], settings=settings)
        return stems[k]

    def numbers(k: int) -> set[str]:
        # the figures of a date are compared as dates, not as figures
        u, lo, hi = sents[k]
        toks = corpus.tokens(u, lo, hi)
        return {w for w, at in zip(toks.words, toks.starts)
                if w.isdigit() and not any(s <= at < e for _, _, s, e in when[k])}

    def best_dated(i: int, j: int, sim: float) -> bool:
        # the closest counterpart of i among the sentences of j's text that share a date with i
        return all(vecs[i] @ vecs[k] <= sim + 1e-6 for k in np.nonzero(unit_of == unit_of[j])[0].tolist()
                   if k != j and share_date(when[i], when[k], days))

    chosen: dict[tuple[int, int, bool], Retelling] = {}
    strength: dict[tuple[int, int, bool], float] = {}
    mutual: list[tuple[int, int, float]] = []  # mutually closest pairs at the plain threshold, for runs

    def keep(found: Retelling, ua: int, ub: int, weight: float) -> None:
        # one retold detail per text pair, and one more told on a date both name: the date
        # marks it as another detail, not a second echo of the first
        key = (min(ua, ub), max(ua, ub), found.rule == "dated")
        if weight > strength.get(key, -1.0):
            strength[key] = weight
            chosen[key] = found

    for i, j, sim in candidates:
        (ua, alo, ahi), (ub, blo, bhi) = sents[i], sents[j]
        if one_voice(corpus.units[ua], corpus.units[ub]):
            continue
        closest = sim >= best[i, unit_index[j]] and sim >= best[j, unit_index[i]]
        dated = sim >= settings.threshold_dated and share_date(when[i], when[j], days)
        if not closest and not dated:
            continue  # not each other's closest counterpart
        if exclude is not None and exclude(usable[i], usable[j]):
            continue
        a, b = rare(i), rare(j)
        shared = sorted(set(a) & set(b))
        na, nb = numbers(i), numbers(j)
        if na and nb and not na & nb:
            continue  # both give figures and none agree: the same kind of event, another time
        words = [w for w in shared if not (a[w][1] or b[w][1])]
        short = min(ahi - alo, bhi - blo) < settings.summary_ratio * max(ahi - alo, bhi - blo)
        rule = None
        if closest and is_retelling(sim, a, b, settings) and not (sim < settings.threshold_word and short):
            rule = "sentence"  # (a long sentence meeting a short one on two rare words is chance)
        elif closest and is_rich(sim, a, b, settings):
            rule = "rich"
        elif dated and words and not short and best_dated(i, j, sim) and best_dated(j, i, sim):
            rule = "dated"
        if closest and sim >= settings.threshold:
            mutual.append((i, j, sim))
        if rule is None:
            continue
        weight = sim + 0.02 * sum(min(a[w][0], b[w][0]) for w in shared)
        keep(Retelling(usable[i], usable[j], round(sim, 4), tuple(shared), usable[i], usable[j], rule), ua, ub, weight)
    # retold runs: two neighbouring mutual pairs in order on both sides
    mutual.sort()
    for (i, j, s1), (i2, j2, s2) in ((p, q) for p in mutual for q in mutual
                                     if 0 < q[0] - p[0] <= 2 and 0 < abs(q[1] - p[1]) <= 2):
        ua, ub = sents[i][0], sents[j][0]
        if sents[i2][0] != ua or sents[j2][0] != ub:
            continue
        if exclude is not None and (exclude(usable[i], usable[j]) or exclude(usable[i2], usable[j2])):
            continue
        a = {**rare(i), **rare(i2)}
        b = {**rare(j), **rare(j2)}
        shared = sorted(set(a) & set(b))
        if sum(1 for w in shared if not (a[w][1] or b[w][1])) < 2:
            continue  # two sentences each side meet one rare word by chance: two are needed
        if (min(ua, ub), max(ua, ub), False) in chosen:
            continue  # the texts' retold detail is found already, sentence for sentence
        sim = (s1 + s2) / 2
        weight = sim + 0.05 + 0.02 * sum(min(a[w][0], b[w][0]) for w in shared)
        j, j2 = min(j, j2), max(j, j2)  # a retelling may swap two sentences
        keep(Retelling(usable[i], usable[j], round(sim, 4), tuple(shared), usable[i2], usable[j2], "run"),
             ua, ub, weight)
    return sorted(chosen.values(), key=lambda r: (r.i, r.j))
