"""Events: the claims of every source merged, across the corpus, into events.

Claims (:mod:`quellen.claims`, one layer per source) whose dates intersect, whose
actors overlap and whose predicates are alike (lemma overlap; a reuse group that
aligns their passages counts as likeness) become one event (:func:`merge_events`);
the claims are kept. :mod:`quellen.corroborate` then counts witnesses and finds
conflicts.

Witnesses misdate: two accounts of one fire, three days apart, are one event told twice, one of
them wrong. Two claims whose dates do not meet are still one event when they lie at most
``near_date_days`` apart (each date no wider), come from two documents not of one writer, share
an actor and a rare predicate lemma (one of at most ``near_date_max_df`` dated claims: "granary",
not "go"; of what each date governs; names of actors and places do not count), tell one happening
(a noun naming it, data/lexicon/happening_nouns.txt: "a fire destroyed" / "fire consumed"; the same
dated verb alone is not enough, "dined with Colonel Grant" on the 3rd and on the 8th are two dinners)
and are alike (``near_date_threshold``); both dates are the text's, one stated; not when either tells a
repetition or its sentence names the other's date too (two happenings) (:func:`near_date_pair`). Their
disagreement is reported as a date conflict (:func:`quellen.conflicts.near_date_conflicts`).

Witnesses tell one happening in other words: "the great fire broke out", "it took fire", "the mill was
found to be on fire", "destroyed by fire", "my father's mill burned". Two claims of two documents not of
one writer, both dates the text's and each no wider than ``near_date_days``, at most that many days apart
(or meeting), are one event when they tell one happening (:func:`happenings_told`: a noun of
happening_nouns.txt, or a word of data/lexicon/happening_words.txt that tells it, "burn": a fire) that
few claims of the corpus tell (at most ``near_date_max_df``: a hearth's fire in every entry is no
happening), of one object: an actor or the place both name, or a rare lemma both hold (the mill; not a
word of time, :func:`object_lemmas`), in no two places and neither a repetition (:func:`one_happening`,
:func:`same_day_happening`); alike wording is not needed. A date conflict between them is reported as
above, but a night does not disagree with the small hours after it ("the night of the 14th", "one
o'clock this morning" of the 15th).
"""
from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from typing import Callable, Iterable, Iterator, Sequence

from .claims.lexicon import LIGHT_VERBS
from .lexicons import pairs, words
from .model import Claim, ReuseGroup, replace
from .settings import EventSettings

__all__ = ["merge_events", "date_buckets", "event_links", "dates_from_reuse", "predicate_similarity", "reuse_groups_of",
           "near_date_pair", "near_date_links", "names_the_other_date", "predicate_lemmas", "HAPPENING_NOUNS",
           "happenings_told", "object_lemmas", "one_happening",
           "same_day_happening"]


#: dated claims a date bucket owns at most: a larger corpus gets more buckets than workers
PARTITION_CLAIMS = 50_000


# ----------------------------------------------------------------------------- merging
def predicate_similarity(a: Claim, b: Claim) -> float:
    """Return how alike two claims' predicates are: cosine over their content lemmas (0..1).

    Light verbs ("be", "have", "go" ...) count for little, so that two claims are
    not the same event merely because something *was*.
    """
    wa, na = _lemma_weights(tuple(a.lemmas))
    wb, nb = _lemma_weights(tuple(b.lemmas))
    if not wa or not wb:
        return 0.0
    dot = sum(w * wb[x] for x, w in wa.items() if x in wb)
    return dot / math.sqrt(na * nb)


@lru_cache(maxsize=1 << 16)
def _lemma_weights(lemmas: tuple[str, ...]) -> tuple[dict[str, float], float]:
    """Return the lemmas' weights and the sum of their squares (a claim is compared with many others:
    computed once per lemma tuple, in the same order, so the similarity is the same float)."""
    weights = {x: _lemma_weight(x) for x in lemmas}
    return weights, sum(w * w for w in weights.values())


def _lemma_weight(lemma: str) -> float:
    return 0.3 if lemma in LIGHT_VERBS else 1.0


def _lemma_rank(lemma_lists: Iterable[Sequence[str]]) -> dict[str, int]:
    """Return the rank of every lemma in the order prefixes take them: light verbs last (they weigh
    least), then the rarest first, so that prefixes are short and of rare lemmas."""
    frequency = Counter(x for lemmas in lemma_lists for x in set(lemmas))
    return {x: r for r, x in enumerate(sorted(frequency, key=lambda x: (-_lemma_weight(x), frequency[x], x)))}


def _ranked_prefix(lemmas: Sequence[str], rank: dict[str, int], threshold: float) -> list[str]:
    """Return the prefix (:func:`_prefix`) of the lemmas ordered by ``rank`` for ``threshold``."""
    weights, norm = _lemma_weights(tuple(lemmas))
    return _prefix(sorted(weights, key=rank.__getitem__), weights, norm, threshold)


def reuse_index(reuse: Sequence[ReuseGroup]) -> dict[str, list[tuple[str, int, int, str]]]:
    """Return, per source, the (group id, char_start, char_end, document) of every reused passage."""
    by_source: dict[str, list[tuple[str, int, int, str]]] = {}
    for g in reuse:
        for p in g.passages:
            by_source.setdefault(p.source, []).append((g.id, p.char_start, p.char_end, p.document or ""))
    return by_source


def reuse_groups_of(claim: Claim, index: dict[str, list[tuple[str, int, int, str]]]) -> set[str]:
    """Return the ids of the reuse groups whose passages hold (overlap) this claim."""
    return {gid for gid, s, e, _ in index.get(claim.source, ()) if s < claim.char_end and claim.char_start < e}


def dates_from_reuse(claims: Sequence[Claim], reuse: Sequence[ReuseGroup],
                     similarity: Callable[[Claim, Claim], float] | None = None,
                     threshold: float = EventSettings.reuse_date_threshold) -> list[Claim]:
    """Return the claims, each undated one that lies in a reused passage dated (basis ``reuse``)
    by the most alike dated claim of another witness of that passage.

    A quotation says what its original says, when the original says it: the letter quoted
    undated in a later book is still the letter of its day, and so one event with it.
    """
    similarity = similarity or predicate_similarity
    if not reuse:
        return list(claims)
    index = reuse_index(reuse)
    members: dict[str, list[Claim]] = {}
    for c in claims:
        for gid in reuse_groups_of(c, index):
            members.setdefault(gid, []).append(c)
    # under predicate_similarity, a witness more alike than a threshold > 0 shares a lemma of its prefix
    # with the claim's (see _candidate_pairs): the others are not compared, the order is kept
    filtered = similarity is predicate_similarity and threshold > 0
    rank = _lemma_rank({tuple(c.lemmas) for group in members.values() for c in group}) if filtered else {}
    prefixes: dict[tuple[str, ...], list[str]] = {}

    def prefix(c: Claim) -> list[str]:
        lemmas = tuple(c.lemmas)
        if lemmas not in prefixes:
            prefixes[lemmas] = _ranked_prefix(lemmas, rank, threshold)
        return prefixes[lemmas]

    by_lemma: dict[str, dict[str, list[int]]] = {}
    for gid, group in members.items() if filtered else ():
        for k, other in enumerate(group):
            for x in prefix(other) if other.date is not None else ():
                by_lemma.setdefault(gid, {}).setdefault(x, []).append(k)
    out = []
    for c in claims:
        if c.date is not None:
            out.append(c)
            continue
        best, best_sim = None, threshold
        for gid in sorted(reuse_groups_of(c, index)):
            group = members.get(gid, [])
            if filtered:
                postings = by_lemma.get(gid, {})
                group = [group[k] for k in sorted({k for x in prefix(c) for k in postings.get(x, ())})]
            for other in group:
                if other.date is None or other.document == c.document or other.source == c.source and (
                        other.char_start < c.char_end and c.char_start < other.char_end):
                    continue
                sim = similarity(c, other)
                if sim > best_sim:
                    best, best_sim = other, sim
        out.append(replace(c, date=best.date, basis="reuse") if best is not None else c)
    return out


def merge_events(claims: Sequence[Claim], reuse: Sequence[ReuseGroup] = (),
                 similarity: Callable[[Claim, Claim], float] | None = None,
                 settings: EventSettings = EventSettings(), partitions: int = 1,
                 mapper: Callable[..., list] | None = None,
                 writers: dict[str, str] | None = None) -> list[list[Claim]]:
    """Return the dated claims grouped into events (each group one event, claims in text order).

    Claims their writer denies (``stance == "denied"``) make no event. Two claims are one event
    when their dates intersect and either a reuse group
    aligns their passages, or their predicates are alike (``similarity`` >=
    ``settings.merge_threshold``, default :func:`predicate_similarity`) and their actors overlap
    (or one names none). Claims of one sentence are never merged with each other. Every threshold is
    one of ``settings`` (``reuse_date_threshold`` for :func:`dates_from_reuse`).

    The pairs are compared in ``partitions`` date buckets (more for over :data:`PARTITION_CLAIMS`
    claims) (:func:`date_buckets`, :func:`event_links`) run by ``mapper``
    (``mapper(func, items, *shared)``, in item order; here, one after another, when None); their
    links are joined here, so the events are the same for any count. Claims a few days apart that
    witnesses of one event misdate are joined too (:func:`near_date_links`; ``writers`` maps a document
    id to its writer's key, so that one writer's two entries are not two witnesses).
    """
    similarity = similarity or predicate_similarity
    # a version its own writer rejects is no witness of its date (it stays a claim for the conflicts)
    dated = [c for c in dates_from_reuse(claims, reuse, similarity, settings.reuse_date_threshold)
             if c.date is not None and c.stance != "denied"]
    dated.sort(key=lambda c: (c.date.earliest, c.source, c.char_start))
    index = reuse_index(reuse)
    groups_of = [reuse_groups_of(c, index) for c in dated]
    parts = max(partitions, math.ceil(len(dated) / PARTITION_CLAIMS))
    buckets = [(start, stop, dated[start:end], groups_of[start:end])
               for start, stop, end in date_buckets(dated, parts)]
    run = mapper or (lambda func, items, *shared: [func(item, *shared) for item in items])
    parent = list(range(len(dated)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for links in run(event_links, buckets, similarity, settings):
        for i, j in links:
            parent[find(j)] = find(i)
    for i, j in near_date_links(dated, settings, writers, similarity):
        parent[find(j)] = find(i)
    clusters: dict[int, list[Claim]] = {}
    for i, c in enumerate(dated):
        clusters.setdefault(find(i), []).append(c)
    out = [sorted(g, key=lambda c: (c.source, c.char_start)) for g in clusters.values()]
    out.sort(key=lambda g: (min(c.date.earliest for c in g), g[0].source, g[0].char_start))
    return out


def date_buckets(dated: Sequence[Claim], partitions: int) -> list[tuple[int, int, int]]:
    """Return ``(start, stop, end)`` per date bucket of ``dated`` (claims sorted by earliest date).

    A bucket owns the claims ``start:stop`` (about as many in each) and holds ``start:end``:
    its own and every later claim that begins before one of its own ends (the bucket overlaps
    the next by the widest interval it owns), so each pair whose dates can intersect is seen
    in the bucket of its earlier claim.
    """
    n = len(dated)
    parts = max(1, min(partitions, n))
    earliest = [c.date.earliest for c in dated]
    out = []
    for r in range(parts):
        start, stop = r * n // parts, (r + 1) * n // parts
        if start == stop:
            continue
        reach = max(c.date.latest for c in dated[start:stop])
        out.append((start, stop, max(stop, bisect_right(earliest, reach, lo=stop))))
    return out


def event_links(bucket: tuple[int, int, Sequence[Claim], Sequence[set[str]]],
                similarity: Callable[[Claim, Claim], float], settings: EventSettings) -> list[tuple[int, int]]:
    """Return the (i, j) pairs of one date bucket (:func:`date_buckets`) that are one event.

    ``bucket`` is (start, stop, claims, reuse groups of each claim), the claims being those
    ``start:end`` of the date-sorted list; i is one of its own claims (``start:stop``), the
    numbers those of the whole list. Pairs already joined through others are not compared again.
    Under :func:`predicate_similarity` only the pairs that can be one event are compared
    (:func:`_candidate_pairs`), in the same order, so the links are those of comparing every pair.
    """
    start, stop, claims, groups_of = bucket
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    links = []
    pairs = (_candidate_pairs(claims, stop - start, groups_of, settings) if _prefix_filtered(similarity, settings)
             else _overlapping_pairs(claims, stop - start))
    for i, j in pairs:
        a, b = claims[i], claims[j]
        if not a.date.intersects(b.date) or find(i) == find(j):
            continue
        if _same_event(a, b, groups_of[i], groups_of[j], similarity, settings):
            parent[find(j)] = find(i)
            links.append((start + i, start + j))
    return links


def _overlapping_pairs(claims: Sequence[Claim], own: int) -> Iterator[tuple[int, int]]:
    """Yield every (i, j), i < j, i < ``own``, whose intervals can intersect, in order: a sweep over the
    sorted earliest dates."""
    for i in range(own):
        latest = claims[i].date.latest
        for j in range(i + 1, len(claims)):
            if claims[j].date.earliest > latest:
                break
            yield i, j


def _prefix_filtered(similarity: Callable[[Claim, Claim], float], settings: EventSettings) -> bool:
    # the prefix bound is derived for predicate_similarity's weighted cosine; a merge at similarity 0
    # (a threshold of 0) needs no lemma in common, so then every pair is a candidate
    return similarity is predicate_similarity and min(settings.merge_threshold, settings.reuse_merge_threshold) > 0


def _candidate_pairs(claims: Sequence[Claim], own: int, groups_of: Sequence[set[str]],
                     settings: EventSettings) -> Iterator[tuple[int, int]]:
    """Yield, in the order of :func:`_overlapping_pairs`, the pairs among those that can be one event
    under :func:`predicate_similarity`: the others share no lemma where it could count, or fail a
    test of :func:`_same_event` that needs no more than their lemma weights, actors and dates.

    :func:`_same_event` is True only from a similarity of ``merge_threshold`` on, of
    ``reuse_merge_threshold`` for claims of two documents a reuse group aligns, and of
    ``same_document_threshold`` (or more) for two of one document. Lemmas ordered by weight and rarity,
    a claim's *prefix* for threshold t is its lemmas up to where the weights still to come could not
    make the cosine t alone (:func:`_prefix`); two claims with similarity >= t share their first common
    lemma, which is in both prefixes (as in exact set-similarity joins: All-Pairs, PPJoin). Candidates
    of two documents share a lemma of their merge prefixes, or a reuse group and a lemma of their reuse
    prefixes; of one document, a lemma of their same-document prefixes. Each candidate is then verified
    as those joins verify theirs (:func:`_verifier`), so that the pair test runs only on pairs it
    could accept. A pair left out would have been tested and refused.
    """
    merge_t = settings.merge_threshold
    reuse_t = min(settings.reuse_merge_threshold, merge_t)
    document_t = max(merge_t, settings.same_document_threshold)
    weights = [_lemma_weights(tuple(c.lemmas)) for c in claims]
    rank = _lemma_rank([w for w, _ in weights])
    prefixes: dict[tuple[str, ...], tuple[list[str], list[str], list[str]]] = {}
    postings: dict[str | tuple[str | None, str], list[int]] = {}
    keys = []
    for k, c in enumerate(claims):
        lemmas = tuple(c.lemmas)
        if lemmas not in prefixes:  # copies of a text repeat their claims' lemmas
            w, norm = weights[k]
            ranked = sorted(w, key=rank.__getitem__)
            prefixes[lemmas] = tuple(_prefix(ranked, w, norm, t) for t in (merge_t, reuse_t, document_t))
        merge, reuse, document = prefixes[lemmas]
        # a lemma alone keys the merge prefixes; a (group, lemma) the reuse's, a (document, lemma) the document's
        own_keys = [*merge, *[(g, x) for g in groups_of[k] for x in reuse],
                    *[(c.document, "\0" + x) for x in document]]
        for key in own_keys:
            postings.setdefault(key, []).append(k)
        keys.append(own_keys)
    earliest = [c.date.earliest for c in claims]
    may_be_one_event = _verifier(claims, weights, groups_of, settings)
    for i in range(own):
        own_keys = keys[i]
        if not own_keys:
            continue
        # claims are sorted by earliest date: those after the end of i's interval cannot intersect it
        end = bisect_right(earliest, claims[i].date.latest, lo=i + 1)
        found: set[int] = set()
        for key in own_keys:
            ks = postings[key]
            found.update(ks[bisect_right(ks, i):bisect_left(ks, end)])
        for j in sorted(found):
            if may_be_one_event(i, j):
                yield i, j


def _verifier(claims: Sequence[Claim], weights: Sequence[tuple[dict[str, float], float]],
              groups_of: Sequence[set[str]], settings: EventSettings) -> Callable[[int, int], bool]:
    """Return a test of two claims (numbers of ``claims``) that is False only where :func:`_same_event`
    under :func:`predicate_similarity` is: the same conditions on the lemma weights, actors and dates
    computed once per claim, the similarity with a margin that the floats' rounding cannot cross."""
    actors = [c.actor_keys for c in claims]
    wide = [(c.date.latest - c.date.earliest).days > settings.vague_days for c in claims]
    reuse_t = settings.reuse_merge_threshold - 1e-9
    merge_t = settings.merge_threshold - 1e-9
    document_t = max(settings.merge_threshold, settings.same_document_threshold) - 1e-9
    vague_t = settings.vague_threshold - 1e-9

    def may_be_one_event(i: int, j: int) -> bool:
        a, b = claims[i], claims[j]
        if a.source == b.source and a.char_start < b.char_end and b.char_start < a.char_end:
            return False
        (wa, na), (wb, nb) = weights[i], weights[j]
        if len(wb) < len(wa):
            wa, wb = wb, wa
        dot = sum([w * wb[x] for x, w in wa.items() if x in wb])
        sim = dot / math.sqrt(na * nb) if dot else 0.0
        if a.document != b.document:
            if sim >= reuse_t and groups_of[i] & groups_of[j]:
                return True
        elif sim < document_t:
            return False
        if sim < merge_t or (wide[i] or wide[j]) and sim < vague_t:
            return False
        ka, kb = actors[i], actors[j]
        return not ka or not kb or not ka.isdisjoint(kb)

    return may_be_one_event


def _prefix(ranked: Sequence[str], weights: dict[str, float], norm: float, threshold: float) -> list[str]:
    """Return the first lemmas of ``ranked`` after which the rest cannot bring a cosine to ``threshold``.

    With C the lemmas two claims a, b share, all of them after a's prefix (weights w, w(x) the same in
    both): cos = sum_C w^2 / sqrt(|a|^2 |b|^2) = sqrt(sum_C w^2 / |a|^2) * sqrt(sum_C w^2 / |b|^2)
    <= sqrt(rest / |a|^2), rest being the squared weights after the prefix, as sum_C w^2 <= |b|^2.
    So the prefix runs until rest < threshold^2 |a|^2, less a margin that the floats' rounding (of rest,
    and of the cosine as :func:`predicate_similarity` computes it) cannot cross.
    """
    bound = (threshold * threshold - 1e-9) * norm
    rest, out = norm, []
    for x in ranked:
        if rest < bound:
            break
        out.append(x)
        rest -= weights[x] * weights[x]
    return out


def _same_event(a: Claim, b: Claim, groups_a: set[str], groups_b: set[str],
                similarity: Callable[[Claim, Claim], float], settings: EventSettings) -> bool:
    """Return True when two claims whose dates intersect tell one event (thresholds: ``settings``)."""
    threshold = settings.merge_threshold
    if a.source == b.source and a.char_start < b.char_end and b.char_start < a.char_end:
        return False
    shared_reuse = groups_a & groups_b
    if shared_reuse and (a.document != b.document) and similarity(a, b) >= settings.reuse_merge_threshold:
        return True
    if a.document == b.document:
        # one document tells an event once; repeated mention of its date is no second witness
        if similarity(a, b) < max(threshold, settings.same_document_threshold):
            return False
    if not _actors_compatible(a, b):
        return False
    if _too_vague(a, b, settings):
        return False
    return similarity(a, b) >= threshold


def _actors_compatible(a: Claim, b: Claim) -> bool:
    ka, kb = a.actor_keys, b.actor_keys
    return not ka or not kb or bool(ka & kb)


def _too_vague(a: Claim, b: Claim, settings: EventSettings) -> bool:
    # a year-wide and a day-wide claim are one event only when they say nearly the same
    wa = (a.date.latest - a.date.earliest).days
    wb = (b.date.latest - b.date.earliest).days
    return max(wa, wb) > settings.vague_days and predicate_similarity(a, b) < settings.vague_threshold


# ----------------------------------------------------------------------------- witnesses that misdate
#: nouns that name one happening (data/lexicon/happening_nouns.txt)
HAPPENING_NOUNS = frozenset(words("happening_nouns"))
#: words that tell one of those happenings without its noun ("burned": a fire), data/lexicon/happening_words.txt
HAPPENING_WORDS = {w: n for w, n in pairs("happening_words") if n in HAPPENING_NOUNS and " " not in w}
#: the same, told in words of several lemmas, all of which the clause holds ("gave way": a collapse)
HAPPENING_PHRASES = tuple((frozenset(w.split()), n) for w, n in pairs("happening_words")
                          if n in HAPPENING_NOUNS and " " in w)
#: words of time (a night, a morning): every account of a happening has them, they are no object of it
_TIME_WORDS = frozenset(words("time_nouns"))
#: the claim bases whose dates the text gives (written in the clause, or counted from one that is)
_TOLD = ("explicit", "relative")


def happenings_told(c: Claim) -> set[str]:
    """Return the happenings (nouns of :data:`HAPPENING_NOUNS`) the claim's clause tells: named ("the fire") or
    told by a word of :data:`HAPPENING_WORDS` ("the mill burned", "took fire", "was on fire")."""
    lemmas = set(c.lemmas)
    return {x for x in lemmas if x in HAPPENING_NOUNS} | {HAPPENING_WORDS[x] for x in lemmas if x in HAPPENING_WORDS} \
        | {n for ws, n in HAPPENING_PHRASES if ws <= lemmas}


def object_lemmas(c: Claim) -> set[str]:
    """Return the lemmas that may name what a happening befell: the clause's content lemmas but light verbs,
    words of time and the happening words themselves ("the mill" of "the mill burned")."""
    lemmas = set(c.lemmas)
    return lemmas - LIGHT_VERBS - _TIME_WORDS - HAPPENING_NOUNS - HAPPENING_WORDS.keys() - {
        w for ws, _ in HAPPENING_PHRASES if ws <= lemmas for w in ws}


def one_happening(a: Claim, b: Claim, rare: set[str] | None = None) -> bool:
    """Return True when two claims tell one happening in other words: the same happening told
    (:func:`happenings_told`: "the mill burned" / "the mill was found to be on fire") of one object: an actor
    or the place both name, or a lemma both hold (:func:`object_lemmas`; of ``rare`` when given); not in two
    places, nor a repetition. The dates are the caller's to test."""
    if a.repeated or b.repeated or not happenings_told(a) & happenings_told(b):
        return False
    if a.place_key and b.place_key and a.place_key != b.place_key:
        return False
    if a.actor_keys & b.actor_keys or a.place_key and a.place_key == b.place_key:
        return True
    shared = object_lemmas(a) & object_lemmas(b)
    return bool(shared & rare if rare is not None else shared)


def predicate_lemmas(c: Claim) -> set[str]:
    """Return the lemmas that say what happened: those of what the claim's date governs (its ``scope``;
    all its lemmas when none was recorded) but light verbs and the words of its actors' and place's names.

    "decided to expel" and "to be expelled" share *expel*, but the decision's date governs *decide*: two
    happenings, not one misdated.
    """
    names = {w for a in c.actors for w in a[0].lower().split()}
    if c.place:
        names |= set(c.place[0].lower().split())
    return set(c.scope or c.lemmas) - LIGHT_VERBS - names


def names_the_other_date(a: Claim, b: Claim) -> bool:
    """Return True when the sentence of either dated claim names a date that overlaps the other's, besides its
    own ("the decision of the 18th was announced on the 20th"): a sentence that dates both tells two happenings.
    Its own date does not count: two claims of one day told on different weekdays are not two happenings."""
    for x, y in ((a, b), (b, a)):
        own = (x.date.earliest.isoformat(), x.date.latest.isoformat())
        if any(lo <= y.date.latest.isoformat() and y.date.earliest.isoformat() <= hi
               for lo, hi in x.sentence_dates if (lo, hi) != own):
            return True
    return False


def near_date_pair(a: Claim, b: Claim, settings: EventSettings, writers: dict[str, str] | None = None,
                   rare: set[str] | None = None,
                   similarity: Callable[[Claim, Claim], float] | None = None) -> bool:
    """Return True when two claims whose dates do not meet are one event that a witness misdated.

    Both dates are the text's (``explicit`` or ``relative``, one ``explicit``); they lie at most
    ``settings.near_date_days`` apart and are each no wider; they are of two documents not of one
    writer (``writers``: document id -> writer key); they tell one happening in other words
    (:func:`one_happening`, its object's lemma of ``rare`` when given), or they share an actor (both name some) and a
    predicate lemma (:func:`predicate_lemmas`; of ``rare`` when given); they tell one
    happening: a shared noun of :data:`HAPPENING_NOUNS` (the same dated verb alone tells a routine done
    twice as well: two dinners with one man), arguments in common when both have some, no two places;
    they are alike from ``settings.near_date_threshold`` on; neither tells a repetition, nor names in its
    sentence the other's date (then the two are two happenings).
    """
    window = settings.near_date_days
    if window <= 0 or a.date is None or b.date is None or a.document == b.document:
        return False
    if a.repeated or b.repeated or "denied" in (a.stance, b.stance):
        return False
    if writers and writers.get(a.document or "") and writers.get(a.document or "") == writers.get(b.document or ""):
        return False
    da, db = a.date, b.date
    if (da.latest - da.earliest).days > window or (db.latest - db.earliest).days > window:
        return False
    gap = max((db.earliest - da.latest).days, (da.earliest - db.latest).days)
    if not 0 < gap <= window:
        return False
    if names_the_other_date(a, b):
        return False
    # as for a date conflict: both dates written in the text (or counted from one), one of them stated
    if a.basis not in _TOLD or b.basis not in _TOLD or "explicit" not in (a.basis, b.basis):
        return False
    if one_happening(a, b, rare):
        return True
    ka, kb = a.actor_keys, b.actor_keys
    if not ka or not kb or ka.isdisjoint(kb):
        return False
    shared = predicate_lemmas(a) & predicate_lemmas(b)
    if not (shared & rare if rare is not None else shared):
        return False
    # one happening: a noun both name it by ("fire": destroyed / consumed); the same dated verb alone is not
    # enough, what people do they do again ("I dined with Colonel Grant" on the 3rd, and another writer on the
    # 8th: two dinners); the same happening over other things, or in other places, is another happening
    if not shared & HAPPENING_NOUNS:
        return False
    if a.args and b.args and not set(a.args) & set(b.args):
        return False
    if a.place_key and b.place_key and a.place_key != b.place_key:
        return False
    return (similarity or predicate_similarity)(a, b) >= settings.near_date_threshold


def near_date_links(dated: Sequence[Claim], settings: EventSettings, writers: dict[str, str] | None = None,
                    similarity: Callable[[Claim, Claim], float] | None = None) -> list[tuple[int, int]]:
    """Return the (i, j) pairs of ``dated`` (claims sorted by earliest date) that :func:`near_date_pair`
    joins, each pair found through a rare predicate lemma the two share (so at most
    ``near_date_max_df`` claims are compared with each other per lemma), and those of one happening told
    in other words (:func:`one_happening`), found through a rare happening both tell (one of at most
    ``near_date_max_df`` claims whose dates the text gives) among the claims at most ``near_date_days``
    apart: on dates that do not meet through :func:`near_date_pair`, on dates that do through
    :func:`same_day_happening`."""
    if settings.near_date_days <= 0:
        return []
    window = dt.timedelta(days=settings.near_date_days)
    postings: dict[str, list[int]] = {}
    objects: Counter[str] = Counter()
    told: dict[str, list[int]] = {}
    for k, c in enumerate(dated):
        for x in predicate_lemmas(c):
            postings.setdefault(x, []).append(k)
        objects.update(object_lemmas(c))
        if c.basis in _TOLD and c.date.latest - c.date.earliest <= window:
            for x in happenings_told(c):
                told.setdefault(x, []).append(k)
    rare = {x for x, ks in postings.items() if len(ks) <= settings.near_date_max_df}
    rare_objects = {x for x, n in objects.items() if n <= settings.near_date_max_df}
    out, seen = [], set()
    for x in sorted(rare):
        # only a narrow date with actors can be joined so
        ks = [k for k in postings[x] if dated[k].actors and dated[k].date.latest - dated[k].date.earliest <= window]
        for n, i in enumerate(ks):
            for j in ks[n + 1:]:
                if (i, j) not in seen and near_date_pair(dated[i], dated[j], settings, writers, rare, similarity):
                    seen.add((i, j))
                    out.append((i, j))
    # a happening many claims tell is routine, no evidence of one ("sat by the fire" in every entry)
    for x in sorted(x for x, ks in told.items() if len(ks) <= settings.near_date_max_df):
        ks = told[x]
        for n, i in enumerate(ks):
            for j in ks[n + 1:]:
                a, b = dated[i], dated[j]
                if b.date.earliest - a.date.latest > window:
                    break  # sorted by earliest date: the rest lie further off
                if (i, j) in seen:
                    continue
                if (same_day_happening(a, b, writers, rare_objects) if a.date.intersects(b.date)
                        else near_date_pair(a, b, settings, writers, rare_objects, similarity)):
                    seen.add((i, j))
                    out.append((i, j))
    return out


def same_day_happening(a: Claim, b: Claim, writers: dict[str, str] | None = None,
                       rare: set[str] | None = None) -> bool:
    """Return True when two claims whose dates meet, each written in its text (or counted from one that
    is), of two documents not of one writer, tell one happening in other words (:func:`one_happening`):
    "the great fire broke out" and "the mill was found to be on fire" on one night. Alike wording, which
    :func:`merge_events` needs otherwise, is not needed: the happening and its object are shared."""
    if a.document == b.document or "denied" in (a.stance, b.stance):
        return False
    if a.basis not in _TOLD or b.basis not in _TOLD:
        return False
    if writers and writers.get(a.document or "") and writers.get(a.document or "") == writers.get(b.document or ""):
        return False
    return one_happening(a, b, rare)
