"""Corroboration: merged claims + reuse groups -> events with independent witnesses.

Copying is not corroboration, and a writer is one voice. Each event's attestations are grouped into
*witnesses*, as a source critic counts them (:func:`witness_groups`): attestations of one document are
one witness; attestations that lie in one reuse group are one witness (a passage quoted in three
places is still one voice); a document that quotes another anywhere (a reuse group of any relation)
is not that document's independent witness; two letters or diary entries of one writer (one author
entity, whatever name each is signed with) are one witness, the writer; and an account that says it
follows a writer ("according to A's letter", "as A wrote in her diary"), or an editor's note that points at
the document beside it ("this letter"), is not independent of what it follows. ``independent_sources``
counts the witnesses; every attestation says which witness it belongs to and, when it is not one of its
own, why (``folded``, ``folded_why``).

Every attestation carries a source profile: primary or secondary (from its
document, or from the document it quotes), eyewitness or hearsay where the text says so ("I saw";
"I am told", "it is said"), and contemporaneity, the years between its document's date and the event.
Where the sources disagree is :mod:`quellen.conflicts`.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Callable, Iterable, Sequence

from .conflicts import COPY_RELATIONS, Place, find_conflicts, near_date_conflicts
from .events import merge_events, predicate_similarity, reuse_groups_of, reuse_index
from .lexicons import words
from .model import (ACCOUNT_KINDS, FURNITURE_KINDS, Attestation, Claim, Conflict, Date, DateBasis, Document, Event,
                    Passage, Reading, ReuseGroup, content_id, replace)
from .settings import ConflictSettings, EventSettings

__all__ = ["build_timeline", "copies_anchored", "events_about", "entities_called", "resolve_claims",
           "independent_sources", "witness_groups", "cited_writers", "names_writer", "writers_of", "FOLD_REASONS",
           "attestation_for", "event_date"]



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
    # one writer's two entries are not two witnesses that disagree on a date, nor two witnesses
    writers = writers_of(documents)
    clusters = merge_events(claims, reuse, similarity=similarity, settings=events_settings, partitions=partitions,
                            mapper=mapper, writers=writers)
    links = _quoting_links(reuse)
    index = reuse_index(reuse)
    first_witness = {g.id: _original(g, docs) for g in reuse if g.passages and g.relation in COPY_RELATIONS}
    relations = {g.id: g.relation for g in reuse}
    cites = _citations(clusters, docs, writers, texts or {}, events_settings.cited_reach)
    events: list[Event] = []
    event_of_claim: dict[str, str] = {}
    for cluster in clusters:
        date = event_date(cluster)
        lead = min(cluster, key=lambda c: (c.primary is not True, _BASIS_RANK.get(c.basis, 9), c.source, c.char_start))
        atts = [attestation_for(c, date, docs, index, first_witness, relations,
                                events_settings.contemporary_years) for c in cluster]
        folds = witness_groups(cluster, reuse, links, index, docs, writers, cites)
        atts = [replace(a, witness=w, folded=reason, folded_into=into, folded_why=why)
                for a, (w, reason, into, why) in zip(atts, folds)]
        actors = _ordered_unique(a[4] for c in cluster for a in c.actors if a[4])
        where = [c.place[3] for c in cluster if c.place and c.place[3]]
        eid = content_id("evt", *sorted(c.id for c in cluster))
        events.append(Event(id=eid, date=date, summary=lead.summary, actors=tuple(actors),
                            place=where[0] if where else None, attestations=tuple(atts),
                            independent_sources=max(w for w, _, _, _ in folds)))
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
    own = documents.get(claim.document or "")
    # what the writer was told (eyewitness False: "I am told", "it is said") weighs less than what was seen;
    # it still counts as a witness, the reader is shown which it is
    hearsay = None if claim.eyewitness is None else claim.eyewitness is False and claim.stance != "denied"
    return Attestation(source=claim.source, document=claim.document, char_start=claim.char_start,
                       char_end=claim.char_end, claim=claim.summary, primary=primary,
                       eyewitness=claim.eyewitness, distance_years=distance, reuse_group=group, hearsay=hearsay,
                       writer=own.author.name if own is not None and own.author and own.author.name else None)


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
                        index: dict[str, list[tuple[str, int, int, str]]] | None = None,
                        documents: dict[str, Document] | None = None, writers: dict[str, str] | None = None,
                        cites: dict[str, list[tuple[str, str]]] | None = None) -> int:
    """Return how many independent witnesses attest the claims of one event (:func:`witness_groups`).

    ``links`` and ``index`` (:func:`~quellen.events.reuse_index`) are derived from ``reuse``
    when not given; a caller counting many events passes them, built once (built per event,
    they cost events x reuse groups).

    >>> # a passage quoted in three documents: one witness; two unrelated accounts: two
    """
    return max((w for w, _, _, _ in witness_groups(cluster, reuse, links, index, documents, writers, cites)),
               default=1)


#: why an attestation is no witness of its own, the strongest reason first: told again in one document;
#: a copy (one reuse group); its document quotes the other's elsewhere; one writer; it says it follows the
#: other's writer ("according to A's letter"); its writer is the one another says it follows
FOLD_REASONS = ("same_document", "copy", "quotes", "same_writer", "cites", "cited")


def writers_of(documents: Iterable[Document]) -> dict[str, str]:
    """Return document id -> its writer's key: the author's entity id (one person under every name she signs
    with), else the author's name in lower case; documents without an author are left out."""
    return {d.id: d.author.entity or d.author.name.lower() for d in documents if d.author and d.author.name}


def witness_groups(cluster: Sequence[Claim], reuse: Sequence[ReuseGroup] = (),
                   links: dict[str, set[str]] | None = None,
                   index: dict[str, list[tuple[str, int, int, str]]] | None = None,
                   documents: dict[str, Document] | None = None, writers: dict[str, str] | None = None,
                   cites: dict[str, list[tuple[str, str]]] | None = None
                   ) -> list[tuple[int, str | None, int | None, str | None]]:
    """Return, per claim of one event (in its order), ``(witness, reason, into, why)``: the number (1, 2 ...)
    of the independent witness it belongs to, and when it is not a witness of its own, the reason
    (:data:`FOLD_REASONS`), the index of the claim it is folded into and the reason said for a reader.

    Claims are one witness when they are of one document, lie in one reuse group, are of two documents one
    of which quotes the other anywhere (``links``), are of one writer (``writers``: document id -> writer key,
    :func:`writers_of`), or when one says it follows the other's writer or document (``cites``: claim id ->
    the (writer key, or ``doc:`` and a document id; phrase) it follows, :func:`_citations`). Each witness is
    led by its best claim: one that cites nobody, of a primary document, not hearsay, of the earliest document
    (``documents``); the others are folded.
    """
    if not cluster:
        return []
    links = _quoting_links(reuse) if links is None else links
    index = reuse_index(reuse) if index is None else index
    documents, writers, cites = documents or {}, writers or {}, cites or {}
    n = len(cluster)
    keys = [c.document or f"{c.source}:{c.char_start}" for c in cluster]
    groups_of = [sorted(reuse_groups_of(c, index)) for c in cluster]
    writer = [writers.get(c.document or "") for c in cluster]
    cited = [{w for w, _ in cites.get(c.id, ())} for c in cluster]
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # claim indices by what may join them
    by_key: dict[str, list[int]] = defaultdict(list)
    by_group: dict[str, list[int]] = defaultdict(list)
    by_writer: dict[str, list[int]] = defaultdict(list)
    for i in range(n):
        by_key[keys[i]].append(i)
        for g in groups_of[i]:
            by_group[g].append(i)
        if writer[i]:
            by_writer[writer[i]].append(i)

    def partners(i: int, reason: str) -> Iterable[int]:
        if reason == "same_document":
            return by_key[keys[i]]
        if reason == "copy":
            return (j for g in groups_of[i] for j in by_group[g])
        if reason == "quotes":
            return (j for d in links.get(keys[i], ()) for j in by_key.get(d, ()))
        if reason == "same_writer":
            return by_writer[writer[i]] if writer[i] else ()
        if reason == "cites":
            return (j for w in cited[i] for j in (by_key.get(w[4:], ()) if w.startswith("doc:")
                                                  else by_writer.get(w, ())))
        return (j for j in range(n) if writer[i] and writer[i] in cited[j] or f"doc:{keys[i]}" in cited[j])  # cited

    for members_of in (by_key, by_group, by_writer):
        for same in members_of.values():
            for j in same[1:]:
                parent[find(j)] = find(same[0])
    for i in range(n):
        for reason in ("quotes", "cites"):
            for j in partners(i, reason):
                parent[find(j)] = find(i)

    def rank(i: int) -> tuple:
        c, d = cluster[i], documents.get(cluster[i].document or "")
        written = d.date.earliest if d is not None and d.date is not None else dt.date.max
        return (bool(cited[i]), (d.primary if d is not None else c.primary) is not True, c.eyewitness is False,
                written, i)

    members: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        members[find(i)].append(i)
    order = sorted(members.values(), key=lambda m: m[0])
    out: list[tuple[int, str | None, int | None, str | None]] = [(0, None, None, None)] * n
    for number, group in enumerate(order, 1):
        lead = min(group, key=rank)
        out[lead] = (number, None, None, None)
        for i in group:
            if i == lead:
                continue
            for reason in FOLD_REASONS:
                # the lead first, else the best ranked of the others
                found = {j for j in partners(i, reason) if j != i and find(j) == find(i)}
                if found:
                    j = lead if lead in found else min(found, key=rank)
                    out[i] = (number, reason, j, _why(reason, j, cluster[i], cluster[j], documents, cites))
                    break
            else:
                out[i] = (number, None, None, None)
    return out


def _why(reason: str, j: int, claim: Claim, other: Claim, documents: dict[str, Document],
         cites: dict[str, list[tuple[str, str]]]) -> str:
    """Return why ``claim`` is folded into passage ``j`` (0-based) of its event, said for a reader."""
    def author(c: Claim) -> str:
        d = documents.get(c.document or "")
        return d.author.name if d is not None and d.author and d.author.name else "its writer"

    n = j + 1
    if reason == "same_document":
        return f"told again in the same document as passage {n}"
    if reason == "copy":
        return f"lies in one reuse group with passage {n}: a passage and its copy are one voice"
    if reason == "quotes":
        return f"its document quotes passage {n}'s document, or is quoted by it: not independent of it"
    if reason == "same_writer":
        return f"written by {author(claim)}, who wrote passage {n} too: one writer is one witness"
    if reason == "cites":
        pointed = next((p for k, p in cites.get(claim.id, ()) if k == f"doc:{other.document}"), None)
        if pointed:
            return f"points at the document of passage {n} beside it (\u201c{pointed}\u201d): it follows that document"
        phrase = next((p for _, p in cites.get(claim.id, ())), "")
        return f"says it follows {author(other)} (\u201c{phrase}\u201d), who wrote passage {n}"
    return f"passage {n} says it follows this passage's document or its writer, {author(claim)}"


#: a writer's name: capitalised words, a title or initials before the surname ("Dr. A. Kell", "Eliza Wren")
_NAME = r"((?:[A-Z][^\W\d_]*\.?\s+){0,3}[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?)"
_POSSESSIVE = r"(?:'s|\u2019s|'|\u2019)"


def _alternation(entries: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in entries)


_SOURCE_NOUNS = _alternation(words("source_nouns"))
_CITING_VERBS = _alternation(words("citing_verbs"))
_CITING_LEADS = _alternation(words("citing_leads"))
#: what an account says to follow a named writer by (data/lexicon/citing_leads.txt, source_nouns.txt,
#: citing_verbs.txt): "according to A", "quoting A", "following A's diary", "in A's letter", "A's journal
#: says", "as A wrote", "A records in her diary"
_CITING = re.compile(
    rf"(?i:\b(?:{_CITING_LEADS}))\s+(?:(?i:the\s+)?(?:{_SOURCE_NOUNS})\s+of\s+)?{_NAME}|"
    rf"(?i:\b(?:following|in|from|of|by))\s+{_NAME}{_POSSESSIVE}\s+(?i:own\s+)?(?i:{_SOURCE_NOUNS})\b|"
    rf"\b{_NAME}{_POSSESSIVE}\s+(?i:own\s+)?(?i:{_SOURCE_NOUNS})(?:\s+\S+){{0,4}}?\s+(?i:{_CITING_VERBS})\b|"
    rf"(?i:\bas\s+){_NAME}\s+(?i:{_CITING_VERBS})\b|"
    rf"\b{_NAME}\s+(?i:{_CITING_VERBS})\s+(?i:in\s+(?:his|her|their|the)\s+(?:own\s+)?(?:{_SOURCE_NOUNS}))\b")
#: words of a cited name that are not the writer's: titles ("Mrs. Wren"), and a capitalised word that opens
#: the sentence ("In Wren's letter")
_NOT_NAME = frozenset(t.rstrip(".").lower() for t in words("titles")) | frozenset(words("stop_words"))


def cited_writers(text: str) -> list[tuple[str, str]]:
    """Return (name, phrase) for every writer a passage says it follows: "according to A's letter",
    "quoting A", "following A's diary", "in A's journal", "A's letter says", "as A wrote", "A records in her
    diary" (the lead words, record nouns and verbs are data/lexicon/citing_leads.txt, source_nouns.txt and
    citing_verbs.txt)."""
    out = []
    for m in _CITING.finditer(text):
        name = next(g for g in m.groups() if g)
        out.append((" ".join(name.split()), " ".join(m.group(0).split())))
    return out


def names_writer(cited: str, writer: str) -> bool:
    """Return True when ``cited`` (a name as a citing phrase gives it) names ``writer`` (a document's author):
    the same surname, and every other word of it, titles aside, a word or an initial of the writer's name
    ("Mrs. Wren", "E. Wren" and "Wren" name Eliza Wren; "John Wren" does not)."""
    def parts(name: str) -> list[str]:
        return [w.strip(".").lower() for w in name.replace(",", " ").split() if w.strip(".")]
    c, w = parts(cited), parts(writer)
    c = [x for x in c if x not in _NOT_NAME]
    if not c or not w or c[-1] != w[-1]:
        return False
    return all(x in w or len(x) == 1 and any(y.startswith(x) for y in w[:-1]) for x in c[:-1])


def _citations(clusters: Sequence[Sequence[Claim]], documents: dict[str, Document], writers: dict[str, str],
               texts, reach: int) -> dict[str, list[tuple[str, str]]]:
    """Return claim id -> the (key, phrase) of every other document of its event that the claim's sentence, or
    its paragraph up to ``reach`` characters before it, says it follows: a writer it names (key: the writer's,
    :func:`cited_writers`, :func:`names_writer`), or, in an editor's note or other later account, the document
    beside it that it points at ("this letter", "the above entry"; key ``doc:`` and its id,
    :func:`points_at_neighbour`). Only claims of events with another document are read, source by source
    (a store reads each text once)."""
    wanted: list[tuple[Claim, dict[str, str], dict[str, str]]] = []
    neighbours = _neighbours(documents) if any(d.kind in ACCOUNT_KINDS for d in documents.values()) else {}
    for cluster in clusters:
        named = {writers[c.document]: documents[c.document].author.name for c in cluster
                 if c.document in writers and c.document in documents}
        held = {c.document for c in cluster if c.document}
        for c in cluster:
            others = {k: v for k, v in named.items() if k != writers.get(c.document or "")}
            beside = {f"doc:{d}": d for d in neighbours.get(c.document or "", ()) if d in held}
            if others or beside:
                wanted.append((c, others, beside))
    out: dict[str, list[tuple[str, str]]] = {}
    wanted.sort(key=lambda x: (x[0].source, x[0].char_start))
    text, source = "", None
    for c, others, beside in wanted:
        if c.source != source:
            source = c.source
            text = texts.get(source, "") if hasattr(texts, "get") else ""
        if not text:
            continue
        passage = _claim_reach(text, c, documents.get(c.document or ""), reach)
        found = [(key, phrase) for name, phrase in cited_writers(passage)
                 for key, writer in others.items() if names_writer(name, writer)]
        pointed = points_at_neighbour(passage) if beside else None
        found += [(key, pointed) for key in beside] if pointed else []
        if found:
            out[c.id] = sorted(set(found))
    return out


#: how an editor's note points at the document it stands beside: "this letter", "the above entry", "the
#: following letter", "the letter above" (the nouns: data/lexicon/source_nouns.txt)
_POINTING = re.compile(
    rf"\b(?:this|the\s+(?:above|preceding|foregoing|following|next|last))\s+(?:{_SOURCE_NOUNS}|entry|entries)\b|"
    rf"\bthe\s+(?:{_SOURCE_NOUNS}|entry)\s+(?:above|below)\b", re.I)


def points_at_neighbour(text: str) -> str | None:
    """Return the words by which an editor's note or a later account points at the document beside it ("this
    letter", "the above entry", "the letter below"), or None."""
    m = _POINTING.search(text)
    return " ".join(m.group(0).split()) if m else None


def _neighbours(documents: dict[str, Document]) -> dict[str, tuple[str, ...]]:
    """Return, for every later account (:data:`~quellen.model.ACCOUNT_KINDS`), the ids of the documents just
    before and after it in its source that are neither furniture nor accounts: what its "this letter" means."""
    by_source: dict[str, list[Document]] = defaultdict(list)
    for d in documents.values():
        if d.kind not in FURNITURE_KINDS:
            by_source[d.source].append(d)
    out: dict[str, tuple[str, ...]] = {}
    for docs in by_source.values():
        docs.sort(key=lambda d: d.char_start)
        for k, d in enumerate(docs):
            if d.kind not in ACCOUNT_KINDS:
                continue
            out[d.id] = tuple(x.id for x in (docs[k - 1] if k else None, docs[k + 1] if k + 1 < len(docs) else None)
                              if x is not None and x.kind not in ACCOUNT_KINDS)
    return out


def _claim_reach(text: str, claim: Claim, document: Document | None, reach: int) -> str:
    """Return the text a citation of ``claim`` may stand in: its sentence to the sentence's end, and up to
    ``reach`` characters before it in its paragraph and document."""
    lo = max(claim.char_start - reach, document.char_start if document is not None else 0, 0)
    hi = min(len(text), document.char_end if document is not None else len(text))
    before = text[lo:claim.char_start]
    cut = max(before.rfind("\n\n"), before.rfind("\n \n"))
    if cut >= 0:
        lo += cut + 1
    after = re.search(r"[.!?](?=\s)|\n\s*\n", text[claim.char_end:min(hi, claim.char_end + 300)])
    end = claim.char_end + after.end() if after else min(hi, claim.char_end + 300)
    return text[lo:max(end, claim.char_end)]


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


