"""Entity resolution in partitions: blocks of name keys that no decision of the resolver crosses.

The resolver (:mod:`.resolve`) is greedy and order-dependent, so its work is not cut
anywhere: it is cut where it never looks across. The steps:

1. one global reduction over every mention (the writer): the mentions' name keys, the
   pairs a text keeps apart, each key's type (votes, corpus-wide surname and given-name
   sets, lists, the gazetteer), alias statements and acronyms spelt out;
2. a *may-link graph* over name keys, union-found into components: two keys are joined when the resolver could
   compare them — the same surname (or a part of a double one), a letter of the given name (when an initials-only
   or given-name-and-patronymic key asks for it), a given name and its bare or short forms, one letter apart, an
   alias statement, one surname's spellings (:func:`.resolve.surname_variant_key`), an acronym and its long form,
   an organization's short form and its longer names, the names of one authority entry, one skeleton, one span;
   every place key is in one component (a place's geocoding reads the other places of its documents);
3. components packed into ``partitions`` blocks, largest first, each to the lightest
   block; the resolver runs on each block's mentions (in corpus order) with the
   global reduction (:func:`resolve_block`, on the engine's workers);
4. the clusters gathered in block order and merged by id (ids are content-derived:
   one type and canonical skeleton, so one component), sorted as the single run sorts.

The result equals :func:`.resolve.resolve` for any number of partitions (tested on the
seed, ``examples/`` and hand-made mentions in 1, 2 and 7 partitions).
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from typing import Any, Callable, Mapping

from ..model import Entity, Mention
from ..settings import EntitySettings
from .resolve import (GivenNameIndex, acronym_pairs, alias_statements, given_letters, make_resolver, merge_entities,
                      org_key, parse_person, pet_form_of, run_resolver, skeleton, surname_variant_key,
                      surnames_before)

__all__ = ["name_components", "pack_components", "resolve_block", "resolve_partitioned"]


class _Union:
    """Union-find over strings (path halving; the smaller name is the root, so roots are stable)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


def _one_letter_pairs(words: set[str], min_length: int) -> list[tuple[str, str]]:
    """Return the pairs of ``words`` of one length (``min_length`` or more) and first three letters that
    differ by one substituted letter (what :func:`.resolve._one_letter_off` may pair)."""
    buckets: dict[tuple, list[str]] = defaultdict(list)
    for w in words:
        if len(w) >= min_length and " " not in w and not w.startswith("="):
            buckets[(len(w), w[:3])].append(w)
    out = []
    for group in buckets.values():
        group.sort()
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if sum(x != y for x, y in zip(a, b)) == 1:
                    out.append((a, b))
    return out


def name_components(mentions: list[Mention], keys: list[str], types: list[str],
                    alias_pairs: list[tuple[int, int]], acronyms: set[tuple[str, str]],
                    authority: list, settings: EntitySettings = EntitySettings()) -> list[int]:
    """Return, per mention, the number of its component of the may-link graph (numbered in order
    of first mention).

    ``keys`` and ``types`` are the resolver's name key and type of each mention;
    ``alias_pairs`` pairs of mention indexes a text calls one person; ``acronyms`` the
    (acronym, long form) pairs spelt out; ``authority`` the authority entries.
    """
    u = _Union()
    rep: dict[str, int] = {}
    span_key: dict[tuple, str] = {}
    for i, k in enumerate(keys):
        rep.setdefault(k, i)
        m = mentions[i]
        u.union("K:" + k, "N:" + skeleton(m.name or m.text))
        # one span named twice (the store allows it) maps to whichever cluster comes last
        u.union("K:" + k, "K:" + span_key.setdefault((m.source, m.char_start, m.char_end), k))
    type_of = {k: types[i] for k, i in rep.items()}
    parsed = {}
    for k, i in rep.items():
        if type_of[k] == "person":
            p = parse_person(mentions[i].name or mentions[i].text)
            if k.startswith("=") and p.single:
                p.single = k
            parsed[k] = p
        elif type_of[k] == "place":
            u.union("K:" + k, "PLACES")
        else:
            u.union("K:" + k, f"O:{type_of[k]}:{org_key(k)}")
    # people: surnames (and their parts), bare names, given names, letters asked for
    givens = {p.given for p in parsed.values() if p.given}
    singles = {p.single for p in parsed.values() if p.single}
    surnames = {p.surname for p in parsed.values() if p.surname}
    letters_asked = set()
    for k, p in parsed.items():
        if (not p.surname and p.given and p.patronymic) or (p.initials_only and p.patronymic_initial):
            for x in given_letters(p):
                letters_asked.add(x)
                u.union("K:" + k, "L:" + x)
    givens_asked = set()
    forms = GivenNameIndex(givens | singles)  # the few names each bare name may stand for
    for k in sorted(singles):
        for g in sorted(forms.candidates(k)):
            if g == k or pet_form_of(k, g):
                if g in givens:
                    givens_asked.add(g)
                    u.union("S:" + k, "G:" + g)
                if g in singles:
                    u.union("S:" + k, "S:" + g)
    for k, p in parsed.items():
        for name in (p.surname, p.single):
            if name:
                u.union("K:" + k, "S:" + name)
                for part in name.split() if " " in name else ():
                    u.union("S:" + name, "S:" + part)
        if p.given in givens_asked:
            u.union("K:" + k, "G:" + p.given)
        for x in given_letters(p) & letters_asked:
            u.union("K:" + k, "L:" + x)
    for a, b in _one_letter_pairs(singles | surnames, settings.one_letter_off_min_length):
        u.union("S:" + a, "S:" + b)
    for name in surnames:  # one surname spelt several ways (the resolver asks it of a full name)
        if surname_variant_key(name, settings):
            u.union("S:" + name, "V:" + surname_variant_key(name, settings))
    for a, b in alias_pairs:
        u.union("K:" + keys[a], "K:" + keys[b])
    # organizations: acronyms spelt out, short forms and the longer names that start with them
    orgs = sorted({org_key(k) for k, t in type_of.items() if t == "organization"})
    for acr, long in acronyms:
        a, b = org_key(acr), org_key(long)  # as the resolver looks them up
        u.union("O:organization:" + a, "O:organization:" + b)
    for k in orgs:
        if len(k.split()) > 3:
            continue
        for o in orgs[bisect.bisect_left(orgs, k + " "):]:
            if not o.startswith(k + " "):
                break
            u.union("O:organization:" + k, "O:organization:" + o)
    for entry in authority:
        names = [skeleton(n) for n in entry.names]
        for n in names[1:]:
            u.union("N:" + names[0], "N:" + n)
    number: dict[str, int] = {}
    return [number.setdefault(u.find("K:" + k), len(number)) for k in keys]


def pack_components(components: list[int], partitions: int) -> list[list[int]]:
    """Return the mention indexes of each of at most ``partitions`` blocks (each in corpus order),
    whole components packed largest first into the lightest block (ties: the first)."""
    members: dict[int, list[int]] = defaultdict(list)
    for i, c in enumerate(components):
        members[c].append(i)
    blocks: list[list[int]] = [[] for _ in range(max(1, partitions))]
    for c in sorted(members, key=lambda c: (-len(members[c]), c)):
        lightest = min(range(len(blocks)), key=lambda b: (len(blocks[b]), b))
        blocks[lightest].extend(members[c])
    return [sorted(b) for b in blocks if b]


def resolve_block(block: tuple, apart: set, acronyms: set, authority: list, gazetteer: Any,
                  settings: EntitySettings = EntitySettings()) -> tuple:
    """Return (entities before merging by id, in cluster order; mention map) of one block.

    ``block`` is (mentions, their types, alias pairs as block indexes, texts of the
    block's place sources, and optionally the countries those sources' files declare and the surnames written
    before bare names, :func:`.resolve.surnames_before`, by block index);
    ``gazetteer`` a gazetteer, None, or ``"default"`` (this process's
    :func:`~quellen.extract.places.get_gazetteer`).
    """
    mentions, types, alias_pairs, texts = block[:4]
    if gazetteer == "default":
        from .places import get_gazetteer
        gazetteer = get_gazetteer()
    r = make_resolver(mentions, texts, authority, gazetteer, apart, settings,
                      source_countries=block[4] if len(block) > 4 else None)
    r.alias_pairs, r.acronyms = alias_pairs, acronyms
    if len(block) > 5:
        r.surnames_before = block[5]
    return run_resolver(r, types).cluster_entities()


def resolve_partitioned(mentions: list[Mention], texts: Any = None, authority: list | None = None,
                        gazetteer: Any = None, partitions: int = 1, mapper: Callable | None = None,
                        settings: EntitySettings = EntitySettings(),
                        source_countries: Mapping[str, str] | None = None) -> tuple[list[Entity], dict[tuple, str]]:
    """Return what :func:`.resolve.resolve` returns, the clustering run in ``partitions`` blocks of
    name-key components on ``mapper`` (an engine's ``map``; None: here, one after another).

    ``texts`` maps source ids to texts (a mapping with ``get``); ``gazetteer`` as for
    :func:`.resolve.resolve` (pass ``"default"`` for the process-wide one, loaded once
    per worker); ``source_countries`` as for :func:`.resolve.resolve`.
    """
    mentions, texts, authority = list(mentions), texts or {}, list(authority or ())
    local_gazetteer = gazetteer
    if gazetteer == "default":
        from .places import get_gazetteer
        local_gazetteer = get_gazetteer()
    # 1. the global reduction
    whole = make_resolver(mentions, texts, authority, local_gazetteer, settings=settings)
    types = whole.decide_types()
    keys = whole.keys
    aliases = alias_statements(mentions, texts)
    before = surnames_before(mentions, texts)
    acronyms = acronym_pairs(texts.values())
    apart = whole.apart
    del whole
    # 2-3. components, packed into blocks
    blocks = pack_components(name_components(mentions, keys, types, aliases, acronyms, authority, settings),
                             partitions)
    items = []
    for idx in blocks:
        local = {g: n for n, g in enumerate(idx)}
        place_sources = dict.fromkeys(mentions[i].source for i in idx if types[i] == "place")
        items.append(([mentions[i] for i in idx], [types[i] for i in idx],
                      [(local[a], local[b]) for a, b in aliases if a in local and b in local],
                      {s: texts.get(s, "") for s in place_sources},
                      {s: source_countries[s] for s in place_sources if s in (source_countries or {})},
                      {local[i]: name for i, name in before.items() if i in local}))
    shared = (apart, acronyms, authority, gazetteer if mapper is not None else local_gazetteer, settings)
    results = mapper(resolve_block, items, *shared) if mapper is not None else \
        [resolve_block(item, *shared) for item in items]
    # 4. gathered in block order, merged by id, sorted as the single run sorts
    out, mapping = [], {}
    for entities, block_map in results:
        out.extend(entities)
        mapping.update(block_map)
    return merge_entities(out), mapping
