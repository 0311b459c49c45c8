"""A generated corpus store for the web benchmark: N documents (default 10,000) in sources of 50,
with people, places (coordinates), organizations, dates, mentions, reuse groups, events with
attestations and conflicts — written through the store's public write methods."""
from __future__ import annotations

import datetime as dt
import hashlib
import random
from pathlib import Path

from quellen.model import (Attestation, Conflict, Date, Document, Entity, Event, Geo, Mention, Passage, Reading,
                           Ref, ReuseGroup, Source, Span, Timex)
from quellen.store import is_postgres_url, open_store

SYLLABLES = ("an bel cor dan el fri gor hal ild jor kas lun mar nor ost per quin ros sal tor ul ven wil xan yor "
             "zel").split()
WORDS = ("the council met again and the envoy wrote that the harvest had failed while the garrison waited "
         "for orders from the capital and the merchants refused to pay the new tax so the bishop sent a letter "
         "to the governor asking for bread and the soldiers marched north along the river road").split()
KINDS = ["letter", "telegram", "diary", "report", "narrative", "statement", "memoir"]


def _name(rng: random.Random, parts: int) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize() for _ in range(parts))


def make_corpus(path: str | Path, documents: int = 10_000, per_source: int = 50, seed: int = 7) -> Path | str:
    """Return ``path`` after writing a generated corpus of ``documents`` documents there (an SQLite
    file, or a ``postgresql://`` store)."""
    rng = random.Random(seed)
    path = path if is_postgres_url(path) else Path(path)
    people = [(f"per-{i}", _name(rng, 2)) for i in range(600)]
    places = [(f"pla-{i}", _name(rng, 1), rng.uniform(-40, 65), rng.uniform(-120, 140)) for i in range(200)]
    orgs = [(f"org-{i}", _name(rng, 2) + " Society") for i in range(60)]
    spans: dict[str, list[Span]] = {}
    mention_entities: dict[tuple, str] = {}
    doc_index: list[tuple[str, str, int, int]] = []
    store = open_store(path)
    for s in range(0, documents, per_source):
        parts, docs, mentions, timexes, pos = [], [], [], [], 0
        raw_docs = []
        for k in range(min(per_source, documents - s)):
            day = dt.date(1700, 1, 1) + dt.timedelta(days=rng.randrange(365 * 200))
            author, to = rng.choice(people), rng.choice(people)
            place = rng.choice(places)
            named = [("person", *rng.choice(people)) for _ in range(4)] + [("place", *rng.choice(places)[:2]),
                                                                              ("organization", *rng.choice(orgs))]
            words = [rng.choice(WORDS) for _ in range(rng.randint(60, 160))]
            for t, eid, name in named:
                words.insert(rng.randrange(len(words)), f"\x00{t}\x00{eid}\x00{name}\x00")
            date_text = f"{day.day} {day.strftime('%B')} {day.year}"
            body = f"{author[1]} to {to[1]}. {place[1]}, {date_text}.\n\n"
            start = pos
            text = body
            local = [("person", author[0], author[1], 0), ("person", to[0], to[1], len(author[1]) + 4)]
            for w in words:
                if w.startswith("\x00"):
                    _, t, eid, name, _ = w.split("\x00")
                    local.append((t, eid, name, len(text)))
                    text += name + " "
                else:
                    text += w + " "
            text = text.rstrip() + ".\n\n"
            parts.append(text)
            raw_docs.append((start, start + len(text) - 2, author, to, place, day, date_text, local, body))
            pos += len(text)
        full = "".join(parts)
        sha = hashlib.sha256(full.encode()).hexdigest()
        source = Source(Source.make_id(sha), f"volume-{s // per_source:04d}.txt", sha, "text/plain", full)
        for n, (a, b, author, to, place, day, date_text, local, body) in enumerate(raw_docs):
            date = Date(date_text, day.isoformat(), day, day, "day")
            d = Document(Document.make_id(source.id, a, b), source.id, a, b, KINDS[n % len(KINDS)],
                         author=Ref(author[1], author[0]), addressees=(Ref(to[1], to[0]),), date=date,
                         place=Ref(place[1], place[0]), primary=n % 3 != 0)
            docs.append(d)
            doc_index.append((source.id, d.id, a, b))
            for t, eid, name, off in local:
                m = Mention(source.id, d.id, a + off, a + off + len(name), name, t, name, eid)
                mentions.append(m)
                spans.setdefault(eid, []).append(Span(source.id, m.char_start, m.char_end, d.id))
                mention_entities[(source.id, m.char_start, m.char_end)] = eid
            ta = a + body.index(date_text)
            timexes.append(Timex(source.id, d.id, ta, ta + len(date_text), date_text, "DATE", day.isoformat(), date))
        store.add_source(source, docs, timexes, mentions)
    entities = [Entity(i, "person", n, (n,), tuple(spans.get(i, ()))) for i, n in people]
    entities += [Entity(i, "place", n, (n,), tuple(spans.get(i, ())), geo=Geo(lat, lon, "generated", i))
                 for i, n, lat, lon in places]
    entities += [Entity(i, "organization", n, (n,), tuple(spans.get(i, ()))) for i, n in orgs]
    groups, events, conflicts = [], [], []
    for g in range(500):
        (s1, d1, a1, b1), (s2, d2, a2, b2) = rng.sample(doc_index, 2)
        groups.append(ReuseGroup(f"reuse-{g}", "near_verbatim", rng.random(),
                                 (Passage(s1, d1, a1, min(b1, a1 + 200)), Passage(s2, d2, a2, min(b2, a2 + 200)))))
    for e in range(2000):
        day = dt.date(1700, 1, 1) + dt.timedelta(days=rng.randrange(365 * 200))
        atts = tuple(Attestation(s, d, a, min(b, a + 150)) for s, d, a, b in rng.sample(doc_index, rng.randint(1, 3)))
        conf = (f"conf-{e}",) if e % 20 == 0 else ()
        events.append(Event(f"ev-{e}", Date(day.isoformat(), day.isoformat(), day, day, "day"),
                            f"{rng.choice(people)[1]} {rng.choice(['arrives in', 'writes from', 'leaves'])} "
                            f"{rng.choice(places)[1]}", (rng.choice(people)[0],), rng.choice(places)[0], atts,
                            len(atts), conf))
        if conf and len(atts) >= 2:
            conflicts.append(Conflict(conf[0], "date", f"when did event {e} happen",
                                      tuple(Reading(x.source, x.document, x.char_start, x.char_end, str(day))
                                            for x in atts[:2]), (f"ev-{e}",)))
    store.replace_corpus_layer(entities, mention_entities, groups, events, conflicts)
    store.close()
    return path


def ensure_corpus(path: str | Path, documents: int = 10_000) -> bool:
    """Return True when the SQLite store at ``path`` had to be generated afresh (it was missing or
    held another number of documents), False when the one there was kept."""
    from quellen.store import Store
    db = Path(path)
    with Store(db) as store:
        if store.counts()["documents"] == documents:
            return False
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    make_corpus(db, documents)
    return True
