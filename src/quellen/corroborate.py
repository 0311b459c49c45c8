"""Corroboration: merged claims + reuse groups -> events with independent witnesses.

Copying is not corroboration. Each event's attestations are grouped into
*witnesses*: attestations of one document are one witness; attestations that
lie in one reuse group are one witness (a passage quoted in three places is
still one voice); and a document that quotes another anywhere is not that
document's independent witness. ``independent_sources`` counts the witnesses.

Every attestation carries a source profile: primary or secondary (from its
document, or from the document it quotes), eyewitness where the text says so,
and contemporaneity, the years between its document's date and the event.
Where the sources disagree is :mod:`quellen.conflicts`.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Callable, Iterable, Sequence

from .conflicts import COPY_RELATIONS, Place, find_conflicts, near_date_conflicts
from .events import merge_events, predicate_similarity, reuse_groups_of, reuse_index
from .model import (Attestation, Claim, Conflict, Date, DateBasis, Document, Event, Passage, Reading, ReuseGroup,
                    content_id, replace)
from .settings import ConflictSettings, EventSettings

__all__ = ["build_timeline", "copies_anchored",
           "events_about", "entities_called", "resolve_claims", "independent_sources", "attestation_for", "event_date"]



def resolve_claims(claims: Iterable[Claim], mention_entities: dict[tuple, str],
                   documents: dict[str, Document] | None = None) -> list[Claim]:
    """Return the claims with actor and place entity ids filled in from the corpus's mention map."""
    out = []
    for c in claims:
        actors = []
        for name, typ, s, e, ent in c.actors:
            if s < 0 and documents and c.document in documents and documents[c.document].author:
                ent = ent or documents[c.document].author.entity
            actors.append((name, typ, s, e, mention_entities.get((c.source, s, e), ent)))
        place = c.place
        if place:
            place = (place[0], place[1], place[2], mention_entities.get((c.source, place[1], place[2]), place[3]))
        out.append(replace(c, actors=tuple(actors), place=place))
    return out


def build_timeline(claims: Sequence[Claim], documents: Sequence[Document], reuse: Sequence[ReuseGroup] = (),
                   texts: dict[str, str] | None = None,
                   similarity: Callable[[Claim, Claim], float] | None = None,
                   places: dict[str, Place] | None = None, events_settings: EventSettings | None = None,
                   conflict_settings: ConflictSettings | None = None, partitions: int = 1,
                   mapper: Callable[..., list] | None = None) -> tuple[list[Event], list[Conflict]]:
    """Return (events in date order, conflicts) built from every claim of the corpus.

    ``texts`` maps source id -> text, needed for text variants inside reuse groups and for the
    role a place plays in its clause; ``places`` maps a place entity id -> :class:`Place` (where
    the gazetteer puts it), so that a city and its country are not told apart as a conflict.
    The thresholds are ``settings.events`` and ``settings.conflicts`` (their defaults when None).
    Claims are merged in ``partitions`` date buckets run by ``mapper`` (:func:`~quellen.events.merge_events`).
    """
    events_settings = events_settings or EventSettings()
    docs = {d.id: d for d in documents}
    claims = copies_anchored(claims, reuse, docs, similarity, events_settings.reuse_date_threshold)
    # one writer's two entries are not two witnesses that disagree on a date
    writers = {d.id: d.author.entity or d.author.name.lower() for d in documents if d.author and d.author.name}
    clusters = merge_events(claims, reuse, similarity=similarity, settings=events_settings, partitions=partitions,
                            mapper=mapper, writers=writers)
    links = _quoting_links(reuse)
    index = reuse_index(reuse)
    first_witness = {g.id: _original(g, docs) for g in reuse if g.passages and g.relation in COPY_RELATIONS}
    relations = {g.id: g.relation for g in reuse}
    events: list[Event] = []
    event_of_claim: dict[str, str] = {}
    for cluster in clusters:
        date = event_date(cluster)
        lead = min(cluster, key=lambda c: (c.primary is not True, _BASIS_RANK.get(c.basis, 9), c.source, c.char_start))
        atts = tuple(attestation_for(c, date, docs, index, first_witness, relations,
                                     events_settings.contemporary_years) for c in cluster)
        actors = _ordered_unique(a[4] for c in cluster for a in c.actors if a[4])
        where = [c.place[3] for c in cluster if c.place and c.place[3]]
        eid = content_id("evt", *sorted(c.id for c in cluster))
        events.append(Event(id=eid, date=date, summary=lead.summary, actors=tuple(actors),
                            place=where[0] if where else None, attestations=atts,
                            independent_sources=independent_sources(cluster, reuse, links, index)))
        for c in cluster:
            event_of_claim[c.id] = eid
    conflicts = find_conflicts(claims, clusters, reuse, texts or {}, event_of_claim, similarity, places,
                               conflict_settings, documents)
    known = {c.id for c in conflicts}
    conflicts += [c for c in near_date_conflicts(clusters, event_of_claim, events_settings, writers, similarity)
                  if c.id not in known and not _told_already(c, conflicts)]
    conflicts = [_with_documents(c, documents) for c in conflicts]
    by_event: dict[str, list[str]] = defaultdict(list)
    for conflict in conflicts:
        for e in conflict.events:
            by_event[e].append(conflict.id)
    events = [replace(e, conflicts=tuple(sorted(set(by_event.get(e.id, ()))))) for e in events]
    events.sort(key=lambda e: (e.date.earliest, e.date.latest, e.id))
    return events, conflicts


def _with_documents(conflict: Conflict, documents: Sequence[Document]) -> Conflict:
    """Return the conflict with each claim that was read from the text alone given its document."""
    if all(x.document for x in conflict.claims):
        return conflict
    def owner(x: Reading) -> str | None:
        return x.document or next((d.id for d in documents if d.source == x.source
                                   and d.char_start <= x.char_start < d.char_end), None)
    return replace(conflict, claims=tuple(replace(x, document=owner(x)) for x in conflict.claims))


_BASIS_RANK = {"explicit": 0, "relative": 1, "document": 2, "reuse": 3, "inherited": 4, "none": 5}


def _ordered_unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for x in items:
        seen.setdefault(x, None)
    return list(seen)


def event_date(cluster: Sequence[Claim]) -> Date:
    """Return the event's date: the intersection of its claims' dates when they share one, else the
    narrowest date stated by the best-grounded claim."""
    dates = [c.date for c in cluster if c.date is not None]
    ranked = sorted(cluster, key=lambda c: (_BASIS_RANK.get(c.basis, 9), (c.date.latest - c.date.earliest)))
    best = ranked[0].date
    lo = max(d.earliest for d in dates)
    hi = min(d.latest for d in dates)
    if lo <= hi:
        narrowest = min(dates, key=lambda d: d.latest - d.earliest)
        if (lo, hi) == (narrowest.earliest, narrowest.latest):
            return narrowest
        return replace(narrowest if narrowest.earliest <= lo and hi <= narrowest.latest else best,
                       earliest=lo, latest=hi)
    return best


def attestation_for(claim: Claim, date: Date, documents: dict[str, Document],
                    index: dict | None = None, first_witness: dict | None = None,
                    relation: dict[str, str] | None = None,
                    contemporary_years: float = EventSettings.contemporary_years) -> Attestation:
    """Return the attestation of ``claim`` with its source profile.

    A claim inside a copied or translated passage names the reuse group that makes it a copy; a
    verbatim quotation is profiled as the document it quotes (primary or not, and its date), a
    translation or close rewording as its own document. The original is the
    passage of the earliest dated document. A paraphrase is a retelling, profiled as its own
    document. A document dated more than ``contemporary_years`` after the event is a later account.
    """
    document = documents.get(claim.document or "")
    group = None
    for gid in sorted(reuse_groups_of(claim, index or {})):
        first = (first_witness or {}).get(gid)
        if first is not None and not (first.source == claim.source and first.char_start < claim.char_end
                                      and claim.char_start < first.char_end):
            group = gid
            quoted = documents.get(first.document or "")
            # a quotation speaks with its original's voice; a rewording (a translation, a retelling
            # close to its model) is the later writer's account, though not an independent one
            if quoted is not None and (relation or {}).get(gid) in ("verbatim", "near_verbatim"):
                document = quoted
            break
    primary = document.primary if document is not None else claim.primary
    distance = None
    if document is not None and document.date is not None:
        distance = round((_mid(document.date) - _mid(date)).days / 365.25, 1)
        # a record written years after what it tells is a later account of it, whatever its kind
        # (a memoir's letter-like chapter, a commentary): contemporaneity decides
        if distance > contemporary_years and primary is not False:
            primary = False
    return Attestation(source=claim.source, document=claim.document, char_start=claim.char_start,
                       char_end=claim.char_end, claim=claim.summary, primary=primary,
                       eyewitness=claim.eyewitness, distance_years=distance, reuse_group=group)


def _original(group: ReuseGroup, documents: dict[str, Document]):
    """Return the passage of a copy group that the others copy: the one in the earliest dated
    document (a letter before the book that quotes it), else the group's first passage."""
    def written(p) -> dt.date:
        d = documents.get(p.document or "")
        return d.date.earliest if d is not None and d.date is not None else dt.date.max
    return min(group.passages, key=lambda p: (written(p), group.passages.index(p)))


def copies_anchored(claims: Sequence[Claim], reuse: Sequence[ReuseGroup], documents: dict[str, Document],
                    similarity: Callable[[Claim, Claim], float] | None = None,
                    threshold: float = EventSettings.reuse_date_threshold) -> list[Claim]:
    """Return the claims, each one of a later copy whose date was reckoned from the copy's own date
    ("on Wednesday", "yesterday") dated instead as the most alike reckoned claim of the original
    (claim basis ``reuse``).

    A paper that reprints a report a week later reprints its "yesterday" too: counted from the
    reprint's issue it dates the event a week late, and the copies seem to contradict the original.
    A copy is a passage of a copy group (verbatim, near verbatim, retranslation: its own relation to the
    first witness, or the group's) in a document dated after the original's (:func:`_original`); a
    retelling (paraphrase, summary) is its writer's own and keeps its dates.
    """
    similarity = similarity or predicate_similarity
    index = reuse_index(reuse)
    # group id -> (the original passage, its later copies)
    copied: dict[str, tuple[Passage, list[Passage]]] = {}
    for g in reuse:
        original = _original(g, documents) if g.passages else None
        if original is None:
            continue
        later = [p for p in g.passages if p is not original and (p.relation or g.relation) in COPY_RELATIONS
                 and _written(original, documents) < _written(p, documents) < dt.date.max]
        if later:
            copied[g.id] = (original, later)
    if not copied:
        return list(claims)

    def reckoned(c: Claim) -> bool:
        return c.date is not None and c.date.basis == DateBasis.RECKONED

    def within(c: Claim, p) -> bool:
        return c.source == p.source and p.char_start < c.char_end and c.char_start < p.char_end

    originals = {gid: [c for c in claims if reckoned(c) and within(c, original)]
                 for gid, (original, _) in copied.items()}
    out = []
    for c in claims:
        best, best_sim = None, threshold
        for gid in sorted(reuse_groups_of(c, index)) if reckoned(c) else ():
            original, later = copied.get(gid, (None, ()))
            if not any(within(c, p) for p in later) or original.document == c.document:
                continue
            for other in originals[gid]:
                sim = similarity(c, other)
                if sim > best_sim:
                    best, best_sim = other, sim
        if best is None or best.date == c.date:
            out.append(c)
            continue
        date = replace(best.date, text=c.date.text, rule=f"{best.date.rule}; as the original of the copied passage")
        out.append(replace(c, date=date, basis="reuse"))
    return out


def _written(passage: Passage, documents: dict[str, Document]) -> dt.date:
    """Return the first day of the date of the document that holds ``passage`` (date.max when none)."""
    d = documents.get(passage.document or "")
    return d.date.earliest if d is not None and d.date is not None else dt.date.max


def _mid(date: Date) -> dt.date:
    return date.earliest + (date.latest - date.earliest) / 2


def _quoting_links(reuse: Sequence[ReuseGroup]) -> dict[str, set[str]]:
    """Return document -> the documents it shares a reuse group with (quotes or is quoted by)."""
    links: dict[str, set[str]] = defaultdict(set)
    for g in reuse:
        docs = {p.document for p in g.passages if p.document}
        for d in docs:
            links[d] |= docs - {d}
    return links


def _told_already(conflict: Conflict, conflicts: Sequence[Conflict]) -> bool:
    """Return True when a date conflict of the same passages is among ``conflicts`` already ("on Monday" and
    "on Saturday": the weekdays disagree, the dates they stand for are the same disagreement)."""
    def overlaps(r: Reading, o: Reading) -> bool:
        return r.source == o.source and r.char_start < o.char_end and o.char_start < r.char_end
    return any(other.kind == conflict.kind and all(any(overlaps(r, o) for o in other.claims) for r in conflict.claims)
               for other in conflicts)


def independent_sources(cluster: Sequence[Claim], reuse: Sequence[ReuseGroup] = (),
                        links: dict[str, set[str]] | None = None,
                        index: dict[str, list[tuple[str, int, int, str]]] | None = None) -> int:
    """Return how many independent witnesses attest the claims of one event.

    ``links`` and ``index`` (:func:`~quellen.events.reuse_index`) are derived from ``reuse``
    when not given; a caller counting many events passes them, built once (built per event,
    they cost events x reuse groups).

    >>> # a passage quoted in three documents: one witness; two unrelated accounts: two
    """
    links = _quoting_links(reuse) if links is None else links
    index = reuse_index(reuse) if index is None else index
    keys = [c.document or f"{c.source}:{c.char_start}" for c in cluster]
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    by_group: dict[str, str] = {}
    for c, k in zip(cluster, keys):
        for gid in reuse_groups_of(c, index):
            if gid in by_group:
                union(k, by_group[gid])
            else:
                by_group[gid] = k
    for a in keys:
        for b in links.get(a, ()):
            if b in parent:
                union(a, b)
    return len({find(k) for k in keys}) or 1



def events_about(events: Iterable[Event], entities: Iterable, name: str) -> list[Event]:
    """Return the events whose actors include an entity called ``name`` (any alias, case-insensitive,
    or a whole word of a name: "Holm" finds "Anna Holm"), or whose summary names it."""
    wanted = name.strip().lower()
    ids = entities_called(entities, name)
    return [ev for ev in events if ids & set(ev.actors) or re.search(rf"\b{re.escape(wanted)}\b", ev.summary.lower())]


def entities_called(entities: Iterable, name: str) -> set[str]:
    """Return the ids of the entities called ``name``: by their name or an alias (case-insensitive), or by a
    whole word of one ("Holm" finds "Anna Holm")."""
    wanted = name.strip().lower()
    return {e.id for e in entities
            if any(n.lower() == wanted or wanted in n.lower().split() for n in (e.name, *e.aliases))}


