"""Conflicts: where sources disagree, each side a :class:`~quellen.model.Reading` of one passage.

1. ``date`` — claims alike in predicate, sharing an actor or place, whose dates
   cannot be the same day, beyond precision and the Julian-Gregorian offset, or
   whose date expressions name different days of the week; and two witnesses a few days apart that
   tell one event (merged across their dates, :func:`quellen.events.near_date_pair`):
   :func:`near_date_conflicts`;
2. ``place`` — the same event (or alike claims on compatible dates) set in
   different places, neither of which the other passage mentions;
3. ``number`` — the same event counting the same thing differently; and the dead of one happening counted
   differently by its documents, dated or not, every count one reading (:func:`toll_conflicts`);
4. ``fact`` — a predicate affirmed by some passages and denied by others about
   the same actors (a single witness against several says so in the summary);
5. ``text_variant`` — witnesses of one reuse group that differ on a detail:
   a number, a name, a date; and the heads of a text (addressees, salutation,
   the issuer of an act) that a copy or a translation gives differently.

:mod:`quellen.corroborate` calls :func:`find_conflicts` once the claims are merged into events.
"""
from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from .claims.lexicon import LIGHT_VERBS, SUPPORT_VERBS
from .claims.parts import death_toll
from .events import names_the_other_date, near_date_pair, predicate_similarity
from .extract.places import km
from .extract.resolve import skeleton
from .model import Claim, Conflict, Date, Document, Reading, ReuseGroup, actor_key, content_id
from .lexicons import pairs, words
from .settings import ConflictSettings, EventSettings

__all__ = ["COPY_RELATIONS", "Place", "place_index", "place_role", "find_conflicts", "near_date_conflicts",
           "toll_conflicts", "text_variants", "head_variants", "salutation_variants", "issuer_conflicts"]

#: the most the Julian and Gregorian calendars ever differ by, in days (13 since 1900)
_CALENDAR_SLACK = 13
#: reuse relations that copy a text, so that its witnesses are one voice
COPY_RELATIONS = frozenset({"verbatim", "near_verbatim", "retranslation"})
_DETAIL = re.compile(r"\d|^[A-ZА-ЯÀ-Þ]")


# ----------------------------------------------------------------------------- conflicts
def _claim_of(c: Claim, value: str) -> Reading:
    return Reading(source=c.source, document=c.document, char_start=c.char_start, char_end=c.char_end,
                         value=value, stance=c.stance)


def _conflict(kind: str, summary: str, claims: list[Reading], events: Iterable[str]) -> Conflict:
    claims = sorted(set(claims), key=lambda x: (x.source, x.char_start, x.char_end, x.value))
    cid = content_id("cfl", kind, *[(x.source, x.char_start, x.char_end, x.value) for x in claims])
    return Conflict(id=cid, kind=kind, summary=summary, claims=tuple(claims),
                    events=tuple(sorted({e for e in events if e})))


def toll_conflicts(claims: Sequence[Claim], clusters: Sequence[Sequence[Claim]],
                   event_of_claim: dict[str, str]) -> list[Conflict]:
    """Return a ``number`` conflict for each happening whose dead the documents count differently, every count
    of it a reading ("Seven people lost their lives" / "six people died" / "Nine people died in the flood").

    A count of the dead (:func:`quellen.claims.parts.death_toll`) need not be dated: it belongs to the happenings
    its document tells, an event of claims of two documents or more that tells a happening (a flood, a collapse:
    :func:`quellen.events.happenings_told`), or to the event its own claim is part of. Counts of one document
    alone, or all alike, disagree with nothing."""
    from .events import happenings_told
    tolls = [(c, n, unit) for c in claims for n, unit in death_toll(c.numbers, c.lemmas)]
    if len({n for _, n, _ in tolls}) < 2:
        return []
    events_of_doc: dict[str | None, set[str]] = defaultdict(set)
    for cluster in clusters:
        eid = event_of_claim.get(cluster[0].id, "")
        if eid and len({c.document for c in cluster}) >= 2 and any(happenings_told(c) for c in cluster):
            for c in cluster:
                events_of_doc[c.document].add(eid)
    counted: dict[tuple[str, str], list[tuple[Claim, int]]] = defaultdict(list)
    for c, n, unit in tolls:
        for eid in events_of_doc.get(c.document, set()) | ({event_of_claim[c.id]} if c.id in event_of_claim else set()):
            counted[(eid, unit)].append((c, n))
    found: dict[frozenset, Conflict] = {}
    for (eid, unit), told in sorted(counted.items()):
        values = sorted({n for _, n in told})
        if len(values) < 2 or len({c.document for c, _ in told}) < 2:
            continue
        tally = ", ".join(f"{v} ({sum(1 for _, n in told if n == v)} passage"
                          f"{'s' if sum(1 for _, n in told if n == v) > 1 else ''})" for v in values)
        conflict = _conflict("number", f"how many {unit} died: {tally}",
                             [_claim_of(c, f"{n} {unit} dead") for c, n in told], (eid,))
        found.setdefault(frozenset(conflict.claims), conflict)
    # a happening told by several events (its day, its place) gives one conflict, not one per event
    return [c for key, c in found.items() if not any(key < other for other in found)]


def _candidate_pairs(claims: Sequence[Claim], max_df: int) -> Iterable[tuple[int, int]]:
    """Yield index pairs of claims that share at least two informative lemmas (an inverted index)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        for lemma in set(c.lemmas):
            if lemma not in LIGHT_VERBS:
                postings[lemma].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for lemma, items in postings.items():
        if len(items) > max_df or len(items) < 2:
            continue
        for x in range(len(items)):
            for y in range(x + 1, len(items)):
                shared[(items[x], items[y])] += 1
    for pair, n in shared.items():
        if n >= 2:
            yield pair


def _same_sentence(a: Claim, b: Claim) -> bool:
    return a.source == b.source and a.char_start < b.char_end and b.char_start < a.char_end


def _dates_clash(a: Date, b: Date) -> bool:
    slack = 0 if a.calendar == b.calendar == "gregorian" else _CALENDAR_SLACK
    if a.calendar != b.calendar:
        slack = _CALENDAR_SLACK
    gap = max((a.earliest - b.latest).days, (b.earliest - a.latest).days)
    return gap > slack


#: the words of a night (data/lexicon/times_of_day.txt, code NI): "the night of the 14th" runs into the 15th
_NIGHT = re.compile(r"\b(?:" + "|".join(re.escape(w) for w, code in pairs("times_of_day") if code == "NI") + r")\b",
                    re.I)


def _one_night(a: Date, b: Date) -> bool:
    """Return True when the earlier of two dates a day apart is told as a night ("the night of the 14th"): its
    small hours are the next day's ("one o'clock in the morning" of the 15th), so the two do not disagree."""
    first, then = sorted((a, b), key=lambda d: d.earliest)
    return (then.earliest - first.latest).days == 1 and bool(_NIGHT.search(first.text or ""))


def near_date_conflicts(clusters: Sequence[Sequence[Claim]], event_of_claim: dict[str, str],
                        settings: EventSettings | None = None, writers: dict[str, str] | None = None,
                        similarity: Callable[[Claim, Claim], float] | None = None) -> list[Conflict]:
    """Return a ``date`` conflict for each pair of claims of one event that witnesses misdated: joined
    across dates that do not meet (:func:`quellen.events.near_date_pair`), each side its own date."""
    settings = settings or EventSettings()
    out: dict[str, Conflict] = {}
    for cluster in clusters:
        dated = [c for c in cluster if c.date is not None]
        if len(dated) < 2 or max(c.date.earliest for c in dated) <= min(c.date.latest for c in dated):
            continue  # every date meets every other: nothing to disagree on
        for n, a in enumerate(dated):
            for b in dated[n + 1:]:
                if not _dates_clash(a.date, b.date) or _one_night(a.date, b.date) or not near_date_pair(
                        a, b, settings, writers, similarity=similarity):
                    continue
                a, b = sorted((a, b), key=lambda c: (c.date.earliest, c.source, c.char_start))
                ev = (event_of_claim.get(a.id, ""), event_of_claim.get(b.id, ""))
                conflict = _conflict("date", f"{a.summary!r} is dated {a.date.edtf} in one passage and "
                                     f"{b.date.edtf} in another (one event: {_witness_why(a, b)})",
                                     [_claim_of(a, a.date.edtf), _claim_of(b, b.date.edtf)], ev)
                out.setdefault(conflict.id, conflict)
    return list(out.values())


def _witness_why(a: Claim, b: Claim) -> str:
    from .events import happenings_told, object_lemmas, predicate_lemmas
    actors = sorted({x[0] for x in a.actors if actor_key(x[4], x[0]) in b.actor_keys})
    # one happening told in other words: the happening and what it befell
    told = sorted(predicate_lemmas(a) & predicate_lemmas(b)) or [
        *sorted(happenings_told(a) & happenings_told(b)), *sorted(object_lemmas(a) & object_lemmas(b))]
    return f"{', '.join(actors[:2])}; {', '.join(told[:3])}"


def _mentions_place(claim: Claim, place_name: str, texts: dict[str, str]) -> bool:
    text = texts.get(claim.source)
    if not text:
        return False
    words = [w for w in re.findall(r"\w+", place_name.lower()) if len(w) > 3]
    span = text[claim.char_start:claim.char_end].lower()
    return any(w[:max(4, len(w) - 2)] in span for w in words)


def find_conflicts(claims: Sequence[Claim], clusters: Sequence[Sequence[Claim]], reuse: Sequence[ReuseGroup],
                   texts: dict[str, str], event_of_claim: dict[str, str],
                   similarity: Callable[[Claim, Claim], float] | None = None,
                   places: dict[str, Place] | None = None,
                   settings: ConflictSettings | None = None, documents: Sequence[Document] = ()) -> list[Conflict]:
    """Return the conflicts among the claims (date, place, number, fact), inside reuse groups (text
    variants) and between the heads of the ``documents``, without duplicates; ``settings`` are
    ``settings.conflicts`` (defaults when None)."""
    settings = settings or ConflictSettings()
    places = places or {}
    similarity = similarity or predicate_similarity
    out: dict[str, Conflict] = {}

    def add(conflict: Conflict) -> None:
        if len({(c.source, c.char_start) for c in conflict.claims}) >= 2:
            out.setdefault(conflict.id, conflict)

    claims = list(claims)
    names = _proper_names(claims, texts)
    for i, j in _candidate_pairs(claims, settings.candidate_max_df):
        a, b = claims[i], claims[j]
        if _same_sentence(a, b):
            continue
        ev = (event_of_claim.get(a.id, ""), event_of_claim.get(b.id, ""))
        sim = similarity(a, b)
        shared_verbs = (set(a.verbs) & set(b.verbs)) - LIGHT_VERBS
        # the same someone, somewhere or something: a shared actor, place, or subject noun ("the
        # bridge fell" / "the fall of the bridge happened")
        anchored = (bool(a.actor_keys & b.actor_keys) or (a.place_key is not None and a.place_key == b.place_key)
                    or bool((set(a.subjects) & set(b.subjects)) - LIGHT_VERBS)
                    or _place_named_in(a, b) or _place_named_in(b, a) or bool(names[i] & names[j]))
        # 1. dates, and the day of the week: "on Monday the 3rd" / "on Saturday the 3rd" may read as one
        # day, but the writers disagree
        days = (_weekday(a, texts), _weekday(b, texts)) if a.date and b.date and texts else (None, None)
        other_day = None not in days and days[0] != days[1]
        if (a.date and b.date and a.basis in ("explicit", "relative") and b.basis in ("explicit", "relative")
                and "explicit" in (a.basis, b.basis)
                and (_dates_clash(a.date, b.date) or other_day) and anchored and _shared_trigger(a, b)
                # a long sentence dilutes likeness; a shared subject noun ("the bridge") makes up for it
                and (sim >= settings.date_similarity or sim >= settings.date_subject_similarity
                     and bool(set(a.subjects) & set(b.subjects) - LIGHT_VERBS))
                and len(set(a.lemmas) & set(b.lemmas)) >= settings.date_shared_lemmas and _same_happening(a, b)):
            # a version its writer rejects is still shown, as the rejected one
            rejected = "".join(f" ({c.date.edtf} is reported only to be denied)" for c in (a, b)
                               if c.stance == "denied")
            if other_day:
                va, vb = f"{days[0].capitalize()} {a.date.edtf}", f"{days[1].capitalize()} {b.date.edtf}"
                add(_conflict("date", f"{a.summary!r} is on a {days[0].capitalize()} ({a.date.edtf}) in one "
                              f"passage and a {days[1].capitalize()} ({b.date.edtf}) in another{rejected}",
                              [_claim_of(a, va), _claim_of(b, vb)], ev))
            else:
                add(_conflict("date", f"{a.summary!r} is dated {a.date.edtf} in one passage and "
                              f"{b.date.edtf} in another{rejected}",
                              [_claim_of(a, a.date.edtf), _claim_of(b, b.date.edtf)], ev))
        compatible = a.date is None or b.date is None or not _dates_clash(a.date, b.date)
        # 2. places: only where both passages put the same actors in the same role (both *in*, both
        # *to*, both *from*): a journey's stages, a place and its country, an origin and a destination
        # are different places at compatible dates without any disagreement
        if (compatible and a.place and b.place and a.place_key != b.place_key and shared_verbs
                and (a.date is not None or b.date is not None) and _place_verb_shared(a, b)
                and a.document != b.document and _actors_agree(a, b, strict=True)
                and _same_place_role(a, b, texts) and not _nested_places(a, b, places, settings.same_place_km)
                and not _mentions_place(a, b.place[0], texts) and not _mentions_place(b, a.place[0], texts)):
            add(_conflict("place", f"where: {a.place[0]} or {b.place[0]} ({', '.join(sorted(shared_verbs))})",
                          [_claim_of(a, a.place[0]), _claim_of(b, b.place[0])], ev))
        # 4. facts: one passage denies what another affirms
        if compatible:
            for pa in a.predicates:
                for pb in b.predicates:
                    if (pa[0] == pb[0] and pa[1] != pb[1] and set(pa[2]) & set(pb[2])
                            and _actors_agree(a, b, strict=True)):
                        deny, affirm = (a, b) if pa[1] else (b, a)
                        add(_conflict("fact", f"{deny.summary!r} denies {affirm.summary!r}",
                                      [_claim_of(deny, "no: " + pa[0]), _claim_of(affirm, "yes: " + pa[0])], ev))
    # 3. numbers inside one event (the dead counted differently: all the counts of the happening at once, below)
    for conflict in toll_conflicts(claims, clusters, event_of_claim):
        add(conflict)
    for cluster in clusters:
        for x in range(len(cluster)):
            for y in range(x + 1, len(cluster)):
                a, b = cluster[x], cluster[y]
                if a.document == b.document or death_toll(a.numbers, a.lemmas) and death_toll(b.numbers, b.lemmas):
                    continue
                for va, unit, *_ in a.numbers:
                    for vb, unit_b, *_ in b.numbers:
                        if unit == unit_b and va != vb:
                            ev = (event_of_claim.get(a.id, ""),)
                            add(_conflict("number", f"{va} or {vb} {unit}",
                                          [_claim_of(a, f"{va} {unit}"), _claim_of(b, f"{vb} {unit}")], ev))
    # 6. details: two accounts of one event (a retelling too) tell how differently ("in a car" / "in a bus")
    for cluster in clusters:
        for x in range(len(cluster)):
            for y in range(x + 1, len(cluster)):
                a, b = cluster[x], cluster[y]
                if a.document == b.document or not a.details or not b.details or not _actors_agree(a, b, True):
                    continue
                for prep in {p for p, _ in a.details} & {p for p, _ in b.details}:
                    na = {n for p, n in a.details if p == prep}
                    nb = {n for p, n in b.details if p == prep}
                    if na & set(b.lemmas) or nb & set(a.lemmas):
                        continue
                    va, vb = f"{prep} " + ", ".join(sorted(na)), f"{prep} " + ", ".join(sorted(nb))
                    add(_conflict("fact", f"one event told two ways: {va!r} or {vb!r}",
                                  [_claim_of(a, va), _claim_of(b, vb)], (event_of_claim.get(a.id, ""),)))
    # merge fact conflicts about one predicate into one, saying when one witness stands alone
    conflicts = _gather_facts(list(out.values()))
    if texts:
        conflicts.extend(c for c in text_variants(reuse, texts, settings)
                         if c.id not in {x.id for x in conflicts})
    # 7. heads: a letter's addressees and salutation (as segmentation found them), an act's issuer,
    #    told differently
    for extra in (head_variants(documents, settings),
                  salutation_variants(reuse, documents, texts, settings) if texts else [],
                  issuer_conflicts(texts, settings) if texts else []):
        conflicts.extend(c for c in extra if c.id not in {x.id for x in conflicts})
    conflicts.sort(key=lambda c: (c.kind, c.claims[0].source, c.claims[0].char_start, c.id))
    return conflicts


@dataclass(frozen=True, slots=True)
class Place:
    """Where the gazetteer puts a place entity: coordinates, country code, and whether it is an
    area (a country or a continent) that holds other places."""

    lat: float
    lon: float
    country: str | None = None
    area: bool = False


#: a place's role in its clause, from the preposition in front of it
#: (data/lexicon/place_prepositions.txt; "for" too: "left for X" is a destination in a clause's text)
_PLACE_ROLES = dict(pairs("place_prepositions")) | dict(pairs("place_prepositions_in_text"))


def place_index(entities: Iterable, gazetteer: object | None = None) -> dict[str, Place]:
    """Return entity id -> :class:`Place` for the geocoded place entities; a place is an area when
    the gazetteer knows its name as a country's (``gazetteer.country_code``) or it has no country
    (a continent)."""
    out = {}
    for e in entities:
        geo = getattr(e, "geo", None)
        if getattr(e, "type", "") != "place" or geo is None:
            continue
        area = geo.country is None
        if not area and gazetteer is not None and hasattr(gazetteer, "country_code"):
            area = gazetteer.country_code(geo.name or e.name) == geo.country
        out[e.id] = Place(lat=geo.lat, lon=geo.lon, country=geo.country, area=area)
    return out


def place_role(claim: Claim, text: str) -> str | None:
    """Return the role of the claim's place — ``at``, ``to``, ``from``, ``via`` — read from the
    preposition in front of its name ("in the X region" -> ``at``), or None when none stands there."""
    if not claim.place or claim.place[1] < 0 or not text:
        return None
    before = text[max(0, claim.place[1] - 40):claim.place[1]].lower()
    # "in X", "in the X", "in the old X": the preposition is one to three words back
    words = re.findall(r"\w+", before)[-3:]
    for w in reversed(words):
        if w in _PLACE_ROLES:
            return _PLACE_ROLES[w]
    return None


def _place_verb_shared(a: Claim, b: Claim) -> bool:
    """Return True when the verb that sets one claim in its place is a verb of the other claim
    ("was informed in X" / "received a telegram in Y informing him"), or when that verb is unknown."""
    va, vb = a.place_verb, b.place_verb
    if not va or not vb:
        return True
    return va in b.verbs or vb in a.verbs


def _same_place_role(a: Claim, b: Claim, texts: dict[str, str]) -> bool:
    ra = a.place_role or place_role(a, texts.get(a.source, ""))
    rb = b.place_role or place_role(b, texts.get(b.source, ""))
    return ra is None or rb is None or ra == rb


def _nested_places(a: Claim, b: Claim, places: dict[str, Place], same_place_km: float) -> bool:
    """Return True when the gazetteer says one place holds the other (a city in a country named by
    the other passage) or both are one place at two scales (nearer than a day's ride)."""
    pa, pb = places.get(a.place[3] or ""), places.get(b.place[3] or "")
    if pa is None or pb is None:
        return False
    if (pa.area or pb.area) and (pa.country is None or pb.country is None or pa.country == pb.country):
        return True
    return km(pa.lat, pa.lon, pb.lat, pb.lon) < same_place_km


def _shared_trigger(a: Claim, b: Claim) -> bool:
    """Return True when a verb of one claim is a word of the other ("was exiled" / "his exile"), or both
    name the same happening by a noun ("we had the christening" / "the christening took place")."""
    return bool(((set(a.verbs) & set(b.lemmas)) | (set(b.verbs) & set(a.lemmas)) | (set(a.named) & set(b.named)))
                - LIGHT_VERBS)


_WEEKDAY = re.compile(r"(?<!\w)(" + "|".join(w for w, _ in pairs("weekdays")) + r")(?!\w)", re.I)


def _weekday(claim: Claim, texts: dict[str, str]) -> str | None:
    """Return the day of the week the claim's own date expression names ("on Monday the 3rd": monday), or None."""
    if claim.timex is None:
        return None
    m = _WEEKDAY.search(texts.get(claim.source, "")[claim.timex[0]:claim.timex[1]])
    return m.group(1).lower() if m else None


def _place_named_in(a: Claim, b: Claim) -> bool:
    """Return True when the place of ``a`` is named among the words of ``b`` (every word of its name)."""
    if not a.place:
        return False
    words = [w.lower() for w in re.findall(r"\w+", a.place[0]) if len(w) > 2]
    return bool(words) and all(w in b.lemmas for w in words)


def _proper_names(claims: Sequence[Claim], texts: dict[str, str]) -> list[set[str]]:
    """Return, per claim, the proper names its passage holds (a capitalised word inside the passage,
    not the word that opens it), lower case: two claims sharing one name the same place or person
    a mention list may have missed.

    Read source by source, once per claim: ``texts`` may read each text from the store
    (:class:`~quellen.pipeline.StoredTexts`, a few held at a time), and claim pairs come in no
    order of source.
    """
    out: list[set[str]] = [set() for _ in claims]
    for k in sorted(range(len(claims)), key=lambda k: claims[k].source):
        c = claims[k]
        span = texts.get(c.source, "")[c.char_start:c.char_end]
        out[k] = {m.group(0).lower() for m in _PROPER_NAME.finditer(span) if m.start() > 0} & set(c.lemmas)
    return out


_PROPER_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÀ-ÞА-Я]\w{2,}")


def _same_happening(a: Claim, b: Claim) -> bool:
    """Return False when two alike claims with different dates tell two happenings, not one told
    two ways: a repetition ("the same envoy came again"); a sentence that names both dates ("the
    decision of the 18th was announced on the 20th"); different dated predicates (decide / announce);
    one predicate over different arguments (X announced A / Y announced B) or towards different
    places (moved to X in one year, to Y in another)."""
    if a.repeated or b.repeated:
        return False
    if names_the_other_date(a, b):
        return False
    ta, tb = set(a.trigger), set(b.trigger)
    # "the fall of the bridge, which happened ...": a verb that only carries a happening whose
    # subject names it
    na = set(a.named) | (set(a.subjects) if ta and ta <= SUPPORT_VERBS else set())
    nb = set(b.named) | (set(b.subjects) if tb and tb <= SUPPORT_VERBS else set())
    if not (ta or na) or not (tb or nb):
        return True  # claims stored before triggers were recorded: the lemma tests decide alone
    if ta & tb or na & nb:
        if a.args and b.args and not set(a.args) & set(b.args):
            return False
        if (a.place_key and b.place_key and a.place_key != b.place_key and a.place_role == b.place_role
                and a.place_role in ("to", "from")):
            return False
        return True
    # the verb of one is a word of the other's own clause ("the bridge fell" / "the bridge's fall
    # came"); a happening named by a noun ("accompanied his exile") may be told anywhere in the other
    # ("..., as a result of which he was exiled"). A verb in the other's subordinate clause is not
    # enough: "decided to expel" is the decision, not the expulsion
    return bool(ta & set(b.scope) or tb & set(a.scope) or na & set(b.lemmas) or nb & set(a.lemmas))


def _actors_agree(a: Claim, b: Claim, strict: bool = False) -> bool:
    ka, kb = a.actor_keys, b.actor_keys
    if not ka or not kb:
        return not strict
    return bool(ka & kb)


def _gather_facts(conflicts: list[Conflict]) -> list[Conflict]:
    def denial(c: Conflict) -> bool:
        return c.kind == "fact" and any(x.value.startswith("no: ") for x in c.claims)

    facts = [c for c in conflicts if denial(c)]
    rest = [c for c in conflicts if not denial(c)]
    by_denial: dict[tuple, list[Conflict]] = defaultdict(list)
    for c in facts:
        deny = next(x for x in c.claims if x.value.startswith("no: "))
        by_denial[(deny.source, deny.char_start, deny.value)].append(c)
    for (_, _, value), group in by_denial.items():
        claims = sorted({x for c in group for x in c.claims}, key=lambda x: (x.source, x.char_start))
        affirm = [x for x in claims if x.value.startswith("yes: ")]
        deny = [x for x in claims if x.value.startswith("no: ")]
        events = {e for c in group for e in c.events}
        lone = " (a single witness against several)" if len(deny) == 1 and len(affirm) >= 2 else ""
        rest.append(_conflict("fact", f"{len(deny)} passage(s) deny what {len(affirm)} affirm: "
                              f"{value[4:]}{lone}", claims, events))
    return rest


def text_variants(reuse: Sequence[ReuseGroup], texts: dict[str, str],
                  settings: ConflictSettings | None = None) -> list[Conflict]:
    """Return the text variants of reuse groups: aligned words where witnesses differ on a number,
    a name or a date (each witness compared with the group's first); ``settings`` are
    ``settings.conflicts`` (defaults when None)."""
    settings = settings or ConflictSettings()
    # a paraphrase or a summary words everything differently: only a copy or a translation has
    # words that stand in for one another
    copies = [g for g in reuse if len(g.passages) >= 2 and g.relation in COPY_RELATIONS]
    # visited by their witnesses' sources, so that a text read from the store (which keeps only the
    # last few) serves every group of its source at once, not once per group; reported in reuse order
    order = sorted(range(len(copies)), key=lambda k: tuple(p.source for p in copies[k].passages))
    found = {k: _group_variants(copies[k], texts, settings) for k in order}
    return [c for k in range(len(copies)) for c in found[k]]


def _group_variants(g: ReuseGroup, texts: dict[str, str], settings: ConflictSettings) -> list[Conflict]:
    """Return the text variants of one copy group (:func:`text_variants`)."""
    max_per_group, most, context = (settings.variants_per_group, settings.variant_max_words,
                                    settings.variant_context_words)
    out: list[Conflict] = []
    base = g.passages[0]
    base_words = _words(texts.get(base.source, ""), base.char_start, base.char_end)
    if not base_words:
        return out
    base_lower = [w[0].lower() for w in base_words]
    found = 0
    for other in g.passages[1:]:
        words = _words(texts.get(other.source, ""), other.char_start, other.char_end)
        if not words:
            continue
        matcher = difflib.SequenceMatcher(a=base_lower,
                                          b=[w[0].lower() for w in words], autojunk=False)
        if matcher.ratio() < settings.variant_min_ratio:
            continue
        ops = matcher.get_opcodes()
        for k, (op, i1, i2, j1, j2) in enumerate(ops):
            if op != "replace" or i2 - i1 > most or j2 - j1 > most:
                continue
            # a variant stands between words both witnesses share; elsewhere the alignment
            # has lost its way
            if not all(0 <= n < len(ops) and ops[n][0] == "equal" and ops[n][2] - ops[n][1] >= context
                       for n in (k - 1, k + 1) if 0 <= n < len(ops)):
                continue
            left, right = base_words[i1:i2], words[j1:j2]
            if not _is_detail(left, base_words, i1) or not _is_detail(right, words, j1):
                continue
            lv = " ".join(w[0] for w in left)
            rv = " ".join(w[0] for w in right)
            if not re.search(r"\d", lv + rv) and skeleton(lv) == skeleton(rv):
                continue  # one name spelt two ways (a transliteration) is no disagreement
            claims = [Reading(base.source, base.document, left[0][1], left[-1][2], lv),
                      Reading(other.source, other.document, right[0][1], right[-1][2], rv)]
            out.append(_conflict("text_variant", f"witnesses of one passage read {lv!r} and {rv!r}",
                                 claims, ()))
            found += 1
            if found >= max_per_group:
                break
        if found >= max_per_group:
            break
    return out


def _words(text: str, start: int, end: int) -> list[tuple[str, int, int, bool]]:
    """Return (word, start, end, begins a sentence) for the words of text[start:end]."""
    out = []
    prev = start
    # matched in place (pos, endpos): the same words and gaps as in the slice, without copying it
    for m in _WORD.finditer(text, start, end):
        begins = not out or _SENTENCE_GAP.search(text, prev, m.start()) is not None
        out.append((m.group(0), m.start(), m.end(), begins))
        prev = m.end()
    return out


_WORD = re.compile(r"\w+")
_SENTENCE_GAP = re.compile(r"[.!?:\n]")


def _is_detail(span: list[tuple[str, int, int]], words: list, at: int) -> bool:
    """Return True when the words are a number or a name (capitalised, not merely sentence-initial)."""
    if any(any(ch.isdigit() for ch in w[0]) for w in span):
        return True
    return any(w[0][:1].isupper() and not w[3] for w in span)

# ----------------------------------------------------------------------------- heads of a text
# A letter's head (its title, address line, salutation) and a decree's issuer are details a copy or a
# translation gets wrong more often than its body: a translator drops "To the", makes an addressee the
# sender, renders a salutation with a title of another rank; a commentator names the wrong body as the
# issuer of a resolution. These are read from the text's layout and wording, not from any list of names.

#: words that announce a written piece whose addressees follow ("a letter to A and B")
_PIECES = r"letter|statement|telegram|note|petition|appeal|memorandum|message|declaration|address|report"
_ANNOUNCE = re.compile(rf"\b(?:{_PIECES})\b[^.\n]{{0,40}}?\b(?:addressed\s+)?to\s+"
                       rf"(?P<to>(?:the\s+)?[A-ZА-ЯÀ-Þ][^.:;\n]{{2,200}})", re.I)
#: a head line: "LETTER TO A AND B", "To A, to B", or "A to B" (a sender, then its addressees)
_HEAD_TO = re.compile(rf"^(?:(?:{_PIECES})\s+)?to\s+(?P<to>.+)$", re.I)
_HEAD_FROM_TO = re.compile(r"^(?P<from>[A-ZА-ЯÀ-Þ][^.!?]*?)\s+to\s+(?P<to>(?:the\s+)?[A-ZА-ЯÀ-Þ].*)$")
#: the issuer of an act: "the Council of Ministers adopted a resolution"
_ACTS = r"resolution|decree|order|law|edict|ordinance|decision|directive|statute|ukase|proclamation"
_NAME_RUN = r"[A-ZА-ЯÀ-Þ][\w'’-]*(?:\s+(?:of\s+the\s+|of\s+|and\s+|for\s+)?[A-ZА-ЯÀ-Þ][\w'’-]*)*"
_ISSUED = re.compile(rf"(?:[Tt]he\s+)?(?P<agent>{_NAME_RUN})\s+(?:has\s+|had\s+)?(?:adopted|issued|passed|promulgated|"
                     rf"enacted|signed|published)\s+(?:a|an|the|its)\s+(?:\w+\s+)?(?P<act>{_ACTS})\b")
#: the small words of a body's name ("the Council of Ministers"), not names themselves
_SMALL = frozenset(words("name_small_words"))


def _name_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[\w'’]+", name) if w.lower() not in _SMALL]


def _acronym(name: str) -> str:
    return "".join(w[0] for part in _name_words(name) for w in re.split(r"-", part) if w).upper()


def _is_abbreviation(name: str) -> bool:
    words = _name_words(name)
    return len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 6


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _names_agree(a: str, b: str, unrelated: bool = True) -> bool:
    """Return True when two names may name one body: equal, one inside the other, an abbreviation
    and its long form, one name spelt two ways; ``unrelated`` is the answer when an abbreviation
    and a long form share nothing (another name for the body, which a reader cannot judge)."""
    na, nb = " ".join(w.lower() for w in _name_words(a)), " ".join(w.lower() for w in _name_words(b))
    if not na or not nb or na == nb or na in nb or nb in na or skeleton(na) == skeleton(nb):
        return True
    for short, long in ((a, b), (b, a)):
        if _is_abbreviation(short) and not _is_abbreviation(long):
            abbr, acro = _name_words(short)[0].upper(), _acronym(long)
            if abbr == acro:
                return True
            # "CC" for a body whose initials are "CCC": a letter lost, not another name
            if abbr[0] == acro[0] and (_subsequence(abbr, acro) or _subsequence(acro, abbr)):
                return False
            return unrelated
        if _is_abbreviation(short) and _is_abbreviation(long):
            return False
    # two long forms: the same when all the words of one stand in the other
    wa, wb = set(na.split()), set(nb.split())
    return wa <= wb or wb <= wa


def _addressees(to: str) -> list[str]:
    """Return the addressees of a list "A, to B and C" with their leading articles dropped."""
    items = re.split(r"\s*,\s*(?:and\s+)?(?:to\s+)?|\s+and\s+(?:to\s+)?(?=the\s|[A-ZА-ЯÀ-Þ])", to.strip(" .:;!\"“”«»"),
                     flags=re.I)
    return [re.sub(r"^(?:the|to the|to)\s+", "", x.strip(), flags=re.I) for x in items if x.strip()]


def _head_of(item: str) -> tuple[str, str]:
    """Return (the body's kind, whose it is): "Presidium of the X" -> ("presidium", "X")."""
    head, *rest = re.split(r"\s+of\s+", item, maxsplit=1, flags=re.I)
    return head.strip().lower(), (rest[0].strip() if rest else "")


def _addressees_differ(xs: list[str], ys: list[str]) -> tuple[str, str] | None:
    """Return the first pair of addressees (one of each list) that cannot be one body, when the two
    lists share another addressee (so they speak of one letter); None when they agree or share nothing."""
    def same(x: str, y: str) -> bool:
        (hx, ox), (hy, oy) = _head_of(x), _head_of(y)
        if hx == hy and ox and oy:
            return _names_agree(ox, oy)
        return _names_agree(x, y, unrelated=False)

    shared = [(x, y) for x in xs for y in ys if same(x, y)]
    if not shared:
        return None
    for x in xs:
        if any(same(x, y) for y in ys):
            continue
        # the same kind of body owned by another: the variant is that owner
        rival = next((y for y in ys if _head_of(y)[0] == _head_of(x)[0]), None)
        if rival is not None:
            return x, rival
        # an addressee the other text does not address at all
        return x, ", ".join(ys)
    return None


def _head_line(line: str, max_chars: int) -> str | None:
    """Return the addressee part of a head line ("To A, to B"; "LETTER TO A"; "A to B") no longer than
    ``max_chars``, or None."""
    if len(line) > max_chars or line.endswith((".", "?")) or len(line.split()) < 3:
        return None
    m = _HEAD_TO.match(line) or _HEAD_FROM_TO.match(line)
    return m.group("to") if m else None


def head_variants(documents: Iterable[Document], settings: ConflictSettings | None = None) -> list[Conflict]:
    """Return ``text_variant`` conflicts between the heads of one letter, as segmentation found them
    (:attr:`Document.heads`): a title or address line and the address line under it, or the sentence that
    announced the letter ("the following letter to A and B:") and the letter's own head, that name different
    addressees. Heads more than ``settings.head_window`` parts apart are not compared (``settings`` are
    ``settings.conflicts``, defaults when None)."""
    settings = settings or ConflictSettings()
    window = settings.head_window
    out = []
    for d in documents:
        heads: list[tuple[int, int, int, str]] = []  # (part number, start, end, addressees)
        for k, h in enumerate(h for h in d.heads if h.part not in ("dateline", "closing", "signature")):
            if h.part in ("title", "addressee"):
                to = _head_line(h.text, settings.head_line_max_chars)
                if to is not None:
                    heads.append((k, h.char_start, h.char_end, to))
            elif h.part == "announcement":
                m = _ANNOUNCE.search(h.text)
                if m:
                    heads.append((k, h.char_start + m.start("to"), h.char_start + m.end("to"), m.group("to")))
        for x in range(len(heads)):
            for y in range(x + 1, len(heads)):
                (kx, sx, ex, tx), (ky, sy, ey, ty) = heads[x], heads[y]
                if ky - kx > window:
                    break
                pair = _addressees_differ(_addressees(tx), _addressees(ty))
                if pair is None:
                    continue
                claims = [Reading(d.source, _inside(d, sx), sx, ex, "to " + pair[0]),
                          Reading(d.source, _inside(d, sy), sy, ey, "to " + pair[1])]
                out.append(_conflict("text_variant", f"the heads of one letter address {pair[0]!r} and {pair[1]!r}",
                                     claims, ()))
    return out


def _inside(d: Document, at: int) -> str | None:
    """Return the document's id when ``at`` lies in it (an announcement stands before the document it announces)."""
    return d.id if d.char_start <= at < d.char_end else None


def salutation_variants(reuse: Sequence[ReuseGroup], documents: Iterable[Document], texts: dict[str, str],
                        settings: ConflictSettings | None = None) -> list[Conflict]:
    """Return ``text_variant`` conflicts between witnesses of one copied or translated letter whose
    bodies begin alike but whose salutations differ ("Sir!" / "Your Grace,"). The salutations are those
    segmentation found (:attr:`Document.heads`); one stands at a witness's head when the body under it
    begins inside the witness's first ``settings.salutation_reach`` characters (an alignment may start at the
    body or extend back over the head; ``settings`` are ``settings.conflicts``, defaults when None)."""
    reach = (settings or ConflictSettings()).salutation_reach
    by_source: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for d in documents:
        by_source[d.source] += [(h.char_start, h.char_end, h.text) for h in d.heads if h.part == "salutation"]
    copies = [g for g in reuse if g.relation in COPY_RELATIONS]
    # visited by their witnesses' sources (a text read from the store serves its source's groups at
    # once), reported in reuse order
    order = sorted(range(len(copies)), key=lambda k: tuple(p.source for p in copies[k].passages))
    greetings = {k: _salutation_variants(copies[k], by_source, texts, reach) for k in order}
    return [c for k in range(len(copies)) for c in greetings[k]]


def _salutation_variants(g: ReuseGroup, by_source: dict[str, list[tuple[int, int, str]]], texts: dict[str, str],
                         reach: int) -> list[Conflict]:
    """Return the salutation variants of one copy group (:func:`salutation_variants`)."""
    out: list[Conflict] = []
    found = []
    for p in g.passages:
        salutations = sorted(by_source.get(p.source, ()))
        text = texts.get(p.source, "") if salutations else ""  # a text without a salutation is not read
        for sal in salutations:
            # the body begins after the salutation's closing mark (and a closing quote or line break)
            body = re.compile(r"[\s.,!:;—“”\"«»]*").match(text, sal[1]).end()
            if p.char_start <= body < min(p.char_end, p.char_start + reach):
                first = [w.lower() for w in re.findall(r"\w+", text[body:body + 60])[:3]]
                found.append((p, sal, first))
    seen = set()
    for x in range(len(found)):
        for y in range(x + 1, len(found)):
            (pa, sa, fa), (pb, sb, fb) = found[x], found[y]
            # the salutations stand at one place of the letter only when both bodies begin alike
            if pa is pb or fa != fb or _names_agree(sa[2], sb[2], unrelated=False) or \
                    (sa[:2], sb[:2]) in seen:
                continue
            seen.add((sa[:2], sb[:2]))
            claims = [Reading(pa.source, pa.document, sa[0], sa[1], sa[2]),
                      Reading(pb.source, pb.document, sb[0], sb[1], sb[2])]
            out.append(_conflict("text_variant", f"witnesses of one letter greet {sa[2]!r} and {sb[2]!r}",
                                 claims, ()))
    return out


def issuer_conflicts(texts: dict[str, str], settings: ConflictSettings | None = None) -> list[Conflict]:
    """Return ``person`` conflicts where a text says one body issued an act ("the Council adopted a
    resolution") and soon after, within ``settings.issuer_reach`` characters, names it as another's ("the
    same resolution of the Ministry"); ``settings`` are ``settings.conflicts`` (defaults when None)."""
    reach = (settings or ConflictSettings()).issuer_reach
    out = []
    for source, text in texts.items():
        for m in _ISSUED.finditer(text):
            agent, act = m.group("agent"), m.group("act").lower()
            if agent.split()[0].lower() in _SMALL or len(_name_words(agent)) == 0:
                continue
            tail = text[m.end():m.end() + reach]
            later = _ISSUED.search(tail)
            if later:
                tail = tail[:later.start()]  # another act is issued: what follows is about that one
            back = re.compile(rf"\b(?i:the\s+same|this|that|the\s+said|the\s+above)\s+(?i:{act})\s+(?:of|by)\s+"
                              rf"(?:the\s+)?(?P<other>{_NAME_RUN})")
            for n in back.finditer(tail):
                other = n.group("other")
                if _names_agree(agent, other, unrelated=False):
                    continue
                s = m.end() + n.start("other")
                claims = [Reading(source, None, m.start("agent"), m.end("agent"), agent),
                          Reading(source, None, s, s + len(other), other)]
                out.append(_conflict("person", f"who issued the {act}: {agent!r} or {other!r}", claims, ()))
    return out
