"""What each page shows, as JSON-ready dicts: the web app renders them with templates
and serves them as the page's ``.json`` twin; the report reuses them.

No web framework here: every function takes a :class:`Library` (the read-only store
plus caches of corpus-wide shapes) and plain parameters, and raises
:class:`NotFound` or :class:`BadRequest` for the app to turn into 404 / 400.
Keys starting with ``_`` are for templates only and left out of the JSON twins.

A record (document, entity, event, conflict, reuse group) is shown in the words of
:mod:`quellen.vocab`, the export's: a view adds keys of its own beside them (a label, a link,
a passage's text; ``place_link`` beside the ``place`` id), never gives one of them another meaning.
"""
from __future__ import annotations

import difflib
import re
import threading
from collections import Counter, defaultdict
from typing import Any
from urllib.parse import quote, urlencode

from ..export.shape import (EDTF_CODED, Corpus, cooccurrence, date_label, edtf_label, itineraries, load_corpus,
                            network, place_features, text_context)
from ..model import GEO_PLACED_AS, Conflict, Date, DateBasis, Document, Entity, Event, Ref, RefBasis, ReuseGroup
from ..reuse import witness_dates
from ..vocab import (attestation_json, conflict_json, date_json, document_json, entity_json, event_json, geo_json,
                     mention_json, reading_json, reuse_json, timex_json)

__all__ = ["NotFound", "BadRequest", "Library", "overview", "documents", "document", "source", "entities", "entity",
           "timeline", "event", "map_view", "network_view", "conflicts", "search", "reuse", "public"]

PAGE_SIZE = 100
_MENTION_CLASS = {"person": "m-person", "place": "m-place", "organization": "m-org"}


class NotFound(LookupError):
    """No record with this id (the app answers 404)."""


class BadRequest(ValueError):
    """A parameter that does not parse (the app answers 400)."""


def public(data: Any) -> Any:
    """Return ``data`` without the template-only keys (those starting with ``_``)."""
    if isinstance(data, dict):
        return {k: public(v) for k, v in data.items() if not k.startswith("_")}
    if isinstance(data, list):
        return [public(v) for v in data]
    return data


def href(kind: str, ident: str, **query: Any) -> str:
    """Return the app path of a record, e.g. ``/documents/doc-1?hl=3-9``."""
    q = {k: v for k, v in query.items() if v not in (None, "")}
    return f"/{kind}/{quote(ident, safe='')}" + (f"?{urlencode(q)}" if q else "")


class Library:
    """The read-only store and what is derived from it, recomputed when the store changes."""

    def __init__(self, store):
        self.store = store
        self._lock = threading.Lock()
        self._filling = threading.RLock()
        self._stamp: tuple | None = None
        self._cache: dict[str, Any] = {}

    def _fresh(self) -> dict[str, Any]:
        stamp = self.store.change_stamp()
        with self._lock:
            if stamp != self._stamp:
                self._cache, self._stamp = {}, stamp
            return self._cache

    def stamp(self) -> tuple | None:
        """Return what identifies the store's present state (its change stamp)."""
        self._fresh()
        return self._stamp

    def _get(self, key: str, make):
        cache = self._fresh()
        if key in cache:
            return cache[key]
        # requests run in a thread pool: one thread fills a cache entry while the others wait for it
        with self._filling:
            if key not in cache:
                cache[key] = make()
        return cache[key]

    @property
    def corpus(self) -> Corpus:
        return self._get("corpus", lambda: load_corpus(self.store))

    @property
    def names(self) -> dict[str, str]:
        return self._get("names", self.store.source_names)

    @property
    def documents_by_id(self) -> dict[str, Document]:
        return self._get("documents_by_id", lambda: {d.id: d for d in self.corpus.documents})

    @property
    def reuse_groups(self) -> list[ReuseGroup]:
        return self._get("reuse", self.store.reuse_groups)

    def reuse_by_document(self) -> dict[str, list[tuple[ReuseGroup, int]]]:
        def make():
            out: dict[str, list] = defaultdict(list)
            for g in self.reuse_groups:
                for i, p in enumerate(g.passages):
                    if p.document:
                        out[p.document].append((g, i))
            return dict(out)
        return self._get("reuse_by_document", make)

    def events_by_document(self) -> dict[str, list[Event]]:
        def make():
            out: dict[str, list] = defaultdict(list)
            for ev in self.corpus.events:
                for a in ev.attestations:
                    if a.document and ev not in out[a.document]:
                        out[a.document].append(ev)
            return dict(out)
        return self._get("events_by_document", make)

    def network(self, which: tuple[str, ...] = ("correspondence", "cooccurrence")) -> dict[str, Any]:
        return self._get(f"network:{','.join(which)}", lambda: network(self.corpus, which))

    def neighbours(self) -> dict[str, list[tuple[str, int]]]:
        """Return entity id -> [(co-occurring entity id, documents)], heaviest first (people, groups, places)."""
        def make():
            out: dict[str, list] = defaultdict(list)
            for edge in cooccurrence(self.corpus, ("person", "organization", "place")):
                out[edge["source"]].append((edge["target"], edge["weight"]))
                out[edge["target"]].append((edge["source"], edge["weight"]))
            return dict(out)
        return self._get("neighbours", make)

    def text(self, source_id: str) -> str:
        """Return a source's text (kept once read: texts never change after ingest)."""
        def make():
            source = self.store.source(source_id)
            return source.text if source else ""
        return self._get(f"text:{source_id}", make)

    def warnings(self, source_id: str) -> list[str]:
        """Return the warnings on a source's reading (an encoding guessed with a doubt ...)."""
        def make():
            from ..ingest import source_warnings
            source = self.store.source(source_id)
            return source_warnings(source) if source else []
        return self._get(f"warnings:{source_id}", make)

    def document_title(self, d: Document) -> str:
        if d.title:
            return d.title
        who = d.author.name if d.author else ""
        return " ".join(x for x in (d.kind.capitalize(), who and f"by {who}", date_label(d.date)) if x)


def _int(value: str | None, default: int, low: int = 0, high: int = 10**9, name: str = "parameter") -> int:
    if value in (None, ""):
        return default
    if not re.fullmatch(r"\d{1,9}", value):
        raise BadRequest(f"{name} must be a whole number")
    return max(low, min(high, int(value)))


def _span_param(value: str | None) -> tuple[int, int] | None:
    if not value:
        return None
    m = re.fullmatch(r"(\d{1,9})-(\d{1,9})", value)
    if not m or int(m[1]) > int(m[2]):
        raise BadRequest("hl must be START-END (character offsets)")
    return int(m[1]), int(m[2])


def _passage(lib: Library, source: str, document: str | None, start: int, end: int) -> dict[str, Any]:
    """Return a passage reference with its text, a reader link that highlights it, and a label."""
    d = lib.documents_by_id.get(document or "")
    text = lib.text(source)
    return {"source": source, "source_name": lib.names.get(source, source), "document": document,
            "char_start": start, "char_end": end, "text": text[start:end],
            "document_title": lib.document_title(d) if d else "",
            "document_kind": d.kind if d else None, "document_date": date_label(d.date) if d else "",
            "document_primary": d.primary if d else None,
            "document_author": d.author.name if d and d.author else None,
            "href": href("documents", d.id, hl=f"{start}-{end}") + f"#c{start}-{end}" if d else None}


#: how the reader names each basis (the label is also the badge's CSS class), and what it tells
_BASIS_LABEL = {
    DateBasis.STATED: "stated", DateBasis.REFERRED: "stated", DateBasis.FRAMING: "from the framing text",
    DateBasis.YEAR_FROM_CONTEXT: "partly inferred", DateBasis.RECKONED: "reckoned",
    DateBasis.PUBLISHED: "inferred", DateBasis.INFERRED: "inferred",
}


def date_basis(date: Date | None) -> dict[str, str] | None:
    """Return how a document's or event's date was reached, for a reader who must judge it:
    ``{"basis": label, "code": DateBasis value, "explain": sentence}``, the label one of "stated",
    "partly inferred", "reckoned", "inferred", "from the framing text".

    It reads :attr:`Date.basis` (set where the date was made), never the tagger's ``rule``.
    """
    if date is None:
        return None
    basis = date.basis
    shown = _anchor_shown(date.anchor)
    anchor = f" (reckoned from “{shown}”)" if date.anchor else ""
    if basis is DateBasis.INFERRED:
        rule = date.rule or ""
        why = rule.split("(", 1)[1].rstrip(")") if "(" in rule else "its place in the compilation"
        explain = f"not in the text: inferred from {why}{anchor}"
    elif basis is DateBasis.FRAMING:
        explain = f"given by the sentence that introduces the text{anchor}"
    elif basis is DateBasis.YEAR_FROM_CONTEXT:
        src = f" (year inferred from “{shown}”)" if date.anchor else ""
        explain = f"day and month in the text, year from context{src}"
    elif basis is DateBasis.RECKONED:
        explain = f"a relative expression (“{date.text}”) counted from another date{anchor}"
    elif basis is DateBasis.PUBLISHED:
        explain = "the year the source was published"
    elif basis is DateBasis.REFERRED:
        explain = "given where the source later refers to it" + (f" as “{shown}”" if date.anchor else "")
    else:
        explain = "written in the text" + (f" as “{date.text}”" if date.text else "")
    return {"basis": _BASIS_LABEL[basis], "code": basis.value, "explain": explain}


def _anchor_shown(anchor: str | None) -> str:
    """Return a date's anchor as the reader sees it: an EDTF code the reader cannot read ("1812-21@23", a
    season at offset 23) by its label ("spring 1812"), any other anchor as stored."""
    if not anchor:
        return ""
    value = anchor.split("@", 1)[0]
    label = edtf_label(value) if EDTF_CODED.search(value) else None
    return label or anchor


#: how the reader names each basis of an author or addressee (the label is the badge's CSS class, as
#: for dates), and where the name came from
_REF_BASIS = {
    RefBasis.STATED: ("stated", "named in the text"),
    RefBasis.SIGNED: ("signed", "the text's signature"),
    RefBasis.HEADED: ("stated", "the text's own heading"),
    RefBasis.FRAMING: ("from the framing text", "from the sentence that introduces the text"),
    RefBasis.SERIES: ("inferred", "from the heading of the series above it, not the text"),
    RefBasis.METADATA: ("inferred", "from the file's metadata, not the text"),
    RefBasis.SETTING: ("inferred", "from the build's settings, not the text"),
    RefBasis.INFERRED: ("inferred", "inferred from the documents around it, not the text"),
}


def ref_basis(ref: Ref | None, role: str = "author") -> dict[str, str] | None:
    """Return where a document's author or addressee came from, for a reader who must judge it:
    ``{"basis": label, "code": RefBasis value, "explain": sentence}`` ("author from the file's metadata,
    not the text"), or None for no ref or one stored without a basis.

    It reads :attr:`Ref.basis` (set where segmentation decided the name), never the evidence strings.
    """
    if ref is None or ref.basis is None:
        return None
    label, explain = _REF_BASIS[ref.basis]
    return {"basis": label, "code": ref.basis.value, "explain": f"{role} {explain}"}


def _event_row(lib: Library, ev: Event) -> dict[str, Any]:
    """Return an event in the export's words, each attestation with its passage, and the reader's
    additions: the date's label and basis, links to its place and actors."""
    entities = lib.corpus.entities
    place = entities.get(ev.place or "")
    return {**event_json(ev), "label": date_label(ev.date), "edtf": ev.date.edtf,
            "date_basis": date_basis(ev.date),
            "start": ev.date.earliest.isoformat(), "end": ev.date.latest.isoformat(),
            "calendar": ev.date.calendar, "precision": ev.date.precision,
            "attestation_count": len(ev.attestations),
            "place_link": {"id": place.id, "name": place.name, "href": href("entities", place.id)} if place else None,
            "actor_links": [{"id": a, "name": entities[a].name, "href": href("entities", a)}
                            for a in ev.actors if a in entities],
            "attestations": [{**attestation_json(a), **_passage(lib, a.source, a.document, a.char_start, a.char_end)}
                             for a in ev.attestations]}


# -- pages -------------------------------------------------------------------------
def overview(lib: Library) -> dict[str, Any]:
    """Return the overview: sources, counts, a per-year strip, the most connected people, open conflicts and
    the strongest reuse groups."""
    corpus = lib.corpus
    per_source = Counter(d.source for d in corpus.documents)
    years: dict[int, dict[str, int]] = defaultdict(lambda: {"events": 0, "documents": 0})
    for ev in corpus.events:
        years[ev.date.earliest.year]["events"] += 1
    for d in corpus.documents:
        if d.date:
            years[d.date.earliest.year]["documents"] += 1
    strip = []
    if years:
        # every year (or decade, for long spans) between the first and the last, empty ones too
        first, last = min(years), max(years)
        step = 1 if last - first <= 150 else 10
        for start in range(first - first % step, last + 1, step):
            bucket = [years[y] for y in range(start, start + step) if y in years]
            strip.append({"year": start, "span": step, "events": sum(b["events"] for b in bucket),
                          "documents": sum(b["documents"] for b in bucket)})
    peak = max([max(s["events"], s["documents"]) for s in strip] or [1]) or 1
    for s in strip:
        s["_height"] = round(100 * max(s["events"], s["documents"]) / peak)
    people = [dict(n) for n in lib.network()["nodes"] if n["type"] == "person"][:12]
    for n in people:
        n["href"] = href("entities", n["entity"]) if n["entity"] else None
    dating = Counter((date_basis(d.date) or {"basis": "undated"})["basis"] for d in corpus.documents)
    return {"kinds": dict(Counter(d.kind for d in corpus.documents).most_common()),
            "dating": dict(dating.most_common()),
            "sources": [{"id": sid, "name": name, "documents": per_source.get(sid, 0)}
                        for sid, name in sorted(lib.names.items(), key=lambda kv: (kv[1], kv[0]))],
            "counts": lib.store.counts(), "strip": strip, "people": people,
            "conflicts": [{**conflict_json(c), "claim_count": len(c.claims), "href": f"/conflicts#{c.id}"}
                          for c in lib.store.conflicts()[:20]],
            # which texts repeat which: each group's files in its witnesses' order, the earliest dated first
            "reuse": [{"id": g.id, "relation": g.relation, "href": href("reuse", g.id),
                       "sources": [lib.names.get(p.source, p.source) for p in g.passages]}
                      for g in lib.reuse_groups[:20]]}


def documents(lib: Library, page: str | None = None, kind: str | None = None,
              source: str | None = None) -> dict[str, Any]:
    """Return one page of the document list, optionally of one kind or one source."""
    rows = [d for d in lib.corpus.documents if (not kind or d.kind == kind) and (not source or d.source == source)]
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    number = _int(page, 1, 1, pages, "page")
    out = []
    for d in rows[(number - 1) * PAGE_SIZE: number * PAGE_SIZE]:
        words = lib.text(d.source)[d.char_start:min(d.char_end, d.char_start + 400)].split()
        out.append({**document_json(d), "href": href("documents", d.id), "display_title": lib.document_title(d),
                    "date_label": date_label(d.date), "date_basis": (date_basis(d.date) or {}).get("basis"),
                    "source_name": lib.names.get(d.source, d.source),
                    "first_words": " ".join(words[:14]) + (" …" if len(words) > 14 else "")})
    return {"documents": out, "page": number, "pages": pages, "total": len(rows), "kind": kind or "",
            "source": source or "", "sources": len({d.source for d in rows}),
            "kinds": dict(sorted(Counter(d.kind for d in lib.corpus.documents).items()))}


def _segments(text: str, start: int, end: int, marks: list[tuple[int, int, dict]]) -> list[dict[str, Any]]:
    """Return the reader's text runs: ``text[start:end]`` cut at every mark boundary, each run
    with the classes of the marks over it and the link of its innermost mention."""
    cuts = {start, end}
    for a, b, _ in marks:
        cuts.update(x for x in (a, b) if start <= x <= end)
    points = sorted(cuts)
    out: list[dict[str, Any]] = []
    markers = sorted(((a, m) for a, b, m in marks if m.get("marker") and start <= a < end), key=lambda x: x[0])
    mi = 0
    for a, b in zip(points, points[1:]):
        while mi < len(markers) and markers[mi][0] <= a:
            out.append(markers[mi][1]["marker"])
            mi += 1
        over = [(ma, mb, m) for ma, mb, m in marks if ma <= a and b <= mb and not m.get("marker")]
        classes = sorted({m["cls"] for _, _, m in over})
        links = sorted(((mb - ma, m) for ma, mb, m in over if m.get("href")), key=lambda x: x[0])
        link = links[0][1] if links else None
        titles = [m["title"] for _, _, m in over if m.get("title")]
        out.append({"text": text[a:b], "start": a, "end": b, "cls": " ".join(classes),
                    "href": link["href"] if link else None, "title": "; ".join(titles)})
    return out


def document(lib: Library, document_id: str, hl: str | None = None) -> dict[str, Any]:
    """Return the reader for one document: its text with mentions, dates, reused passages and an
    optional highlighted span (``hl=START-END``, offsets into the source), plus its events and
    a side-by-side collation for each reuse group it takes part in."""
    d = lib.store.document(document_id)
    if d is None:
        raise NotFound(f"no document {document_id!r}")
    highlight = _span_param(hl)
    text = lib.text(d.source)
    marks: list[tuple[int, int, dict]] = []
    mentions = lib.store.mentions(document=d.id)
    entities = lib.corpus.entities
    for m in mentions:
        e = entities.get(m.entity or "")
        marks.append((m.char_start, m.char_end, {
            "cls": _MENTION_CLASS.get(m.type, "m-other"),
            "href": href("entities", e.id) if e else None, "title": f"{m.type}: {e.name if e else m.name}"}))
    timexes = lib.store.timexes(document=d.id)
    for t in timexes:
        basis = date_basis(t.date) if t.date is not None and t.date.basis is not DateBasis.STATED else None
        marks.append((t.char_start, t.char_end, {"cls": "date", "title": f"date: {t.value}"
                      + (f" = {date_label(t.date)}" if t.date else "") + (f"; {basis['explain']}" if basis else "")}))
    reuse_rows = []
    for g, i in lib.reuse_by_document().get(d.id, []):
        p = g.passages[i]
        others = [_passage(lib, q.source, q.document, q.char_start, q.char_end)
                  for j, q in enumerate(g.passages) if j != i]
        reuse_rows.append({"group": g.id, "relation": g.relation, "score": round(g.score, 3),
                           "char_start": p.char_start, "char_end": p.char_end, "others": others,
                           "href": href("reuse", g.id, a=i, b=0 if i else 1),
                           "collation": collate(lib, g, i, 0 if i else 1)})
        marks.append((max(p.char_start, d.char_start), min(p.char_end, d.char_end),
                      {"cls": "reuse", "title": f"{g.relation} reuse, {len(g.passages)} witnesses"}))
        marks.append((max(p.char_start, d.char_start), 0, {"marker": {
            "marker": True, "href": href("reuse", g.id, a=i, b=0 if i else 1), "group": g.id,
            "title": f"{g.relation}: also in " + "; ".join(o["source_name"] + " " + o["document_title"]
                                                        for o in others)}}))
    if highlight:
        a, b = max(highlight[0], d.char_start), min(highlight[1], d.char_end)
        if a < b:
            marks.append((a, b, {"cls": "hl"}))
    by_id = lib.documents_by_id
    ordered = [x for x in lib.corpus.documents if x.source == d.source]
    index = next((i for i, x in enumerate(ordered) if x.id == d.id), 0)
    events = [_event_row(lib, ev) for ev in lib.events_by_document().get(d.id, [])]
    return {"document": document_json(d), "title": lib.document_title(d), "date": date_label(d.date),
            "date_basis": date_basis(d.date), "position": index + 1, "of": len(ordered),
            "author_basis": ref_basis(d.author), "addressee_bases": [ref_basis(a, "addressee") for a in d.addressees],
            "source": {"id": d.source, "name": lib.names.get(d.source, d.source),
                       "href": href("sources", d.source) + f"#{d.id}", "warnings": lib.warnings(d.source)},
            "text": text[d.char_start:d.char_end], "highlight": list(highlight) if highlight else None,
            "mentions": [mention_json(m) for m in mentions],
            "timexes": [{**timex_json(t), "basis": t.date.basis.value if t.date else None} for t in timexes],
            "reuse": reuse_rows, "events": events,
            "author_href": href("entities", d.author.entity) if d.author and d.author.entity in entities else None,
            "previous": href("documents", ordered[index - 1].id) if index > 0 else None,
            "next": href("documents", ordered[index + 1].id) if index + 1 < len(ordered) else None,
            "_segments": _segments(text, d.char_start, d.char_end, marks), "_known": bool(by_id)}


SOURCE_PAGE = 40


def source(lib: Library, source_id: str, page: str | None = None) -> dict[str, Any]:
    """Return a source read whole, cut into its documents: each with a header (kind, title,
    author, date and how the date was reached) where it starts, and the text the segmenter left
    outside every document shown apart, so a reader sees where each document begins and ends."""
    if source_id not in lib.names:
        raise NotFound(f"no source {source_id!r}")
    text = lib.text(source_id)
    docs = [d for d in lib.corpus.documents if d.source == source_id]
    pages = max(1, -(-len(docs) // SOURCE_PAGE))
    number = _int(page, 1, 1, pages, "page")
    shown = docs[(number - 1) * SOURCE_PAGE: number * SOURCE_PAGE]
    parts: list[dict[str, Any]] = []
    cursor = shown[0].char_start if shown and number > 1 else 0
    for d in shown:
        if d.char_start > cursor and text[cursor:d.char_start].strip():
            parts.append({"gap": True, "text": text[cursor:d.char_start], "char_start": cursor,
                          "char_end": d.char_start})
        basis = date_basis(d.date)
        parts.append({**document_json(d), "gap": False, "href": href("documents", d.id),
                      "display_title": lib.document_title(d), "date_label": date_label(d.date),
                      "author_basis": ref_basis(d.author),
                      "date_basis": basis, "text": text[max(d.char_start, cursor):d.char_end]})
        cursor = max(cursor, d.char_end)
    if number == pages and cursor < len(text) and text[cursor:].strip():
        parts.append({"gap": True, "text": text[cursor:], "char_start": cursor, "char_end": len(text)})
    return {"id": source_id, "name": lib.names[source_id], "documents": len(docs), "parts": parts,
            "warnings": lib.warnings(source_id),
            "page": number, "pages": pages, "kinds": dict(Counter(d.kind for d in docs).most_common())}


def _tokens(cell: Any) -> str:
    if isinstance(cell, str):
        return cell
    if isinstance(cell, dict):
        return str(cell.get("t", cell.get("text", "")))
    if isinstance(cell, list):
        # a cell's tokens are words as written, mostly without the spaces between them
        out = ""
        for c in cell:
            out = _join(out, _tokens(c))
        return out
    return "" if cell is None else str(cell)


def collate(lib: Library, group: ReuseGroup, a: int, b: int) -> list[dict[str, Any]]:
    """Return aligned rows ``{"a", "b", "same"}`` for witnesses ``a`` and ``b`` of a reuse group.

    Uses the group's CollateX-style table (``{"witnesses", "table": [[tokens per witness], ...]}``)
    when it has one for these witnesses; otherwise aligns the two passages word by word.
    """
    return _merge_runs(_collate_tokens(lib, group, a, b))


def _merge_runs(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return collation rows with consecutive agreeing (or disagreeing) tokens joined into one row,
    so the table reads as passages side by side, not a word list."""
    out: list[dict[str, Any]] = []
    for row in rows:
        if out and out[-1]["same"] == row["same"]:
            last = out[-1]
            last["a"] = _join(last["a"], row["a"])
            last["b"] = _join(last["b"], row["b"])
        else:
            out.append(dict(row))
    return out


def _join(x: str, y: str) -> str:
    if not x or not y or x[-1:].isspace() or y[:1].isspace() or y[:1] in ",.;:!?)]»”'":
        return x + y
    return x + " " + y


def _collate_tokens(lib: Library, group: ReuseGroup, a: int, b: int) -> list[dict[str, Any]]:
    n = len(group.passages)
    if not (0 <= a < n and 0 <= b < n):
        raise BadRequest("witness index out of range")
    table = (group.collation or {}).get("table") if isinstance(group.collation, dict) else None
    if isinstance(table, list) and table and all(isinstance(c, list) and len(c) == n for c in table):
        rows = []
        for column in table:
            x, y = _tokens(column[a]), _tokens(column[b])
            if x or y:
                rows.append({"a": x, "b": y, "same": " ".join(x.split()) == " ".join(y.split())})
        return rows
    pa, pb = group.passages[a], group.passages[b]
    wa = re.findall(r"\S+\s*", lib.text(pa.source)[pa.char_start:pa.char_end])
    wb = re.findall(r"\S+\s*", lib.text(pb.source)[pb.char_start:pb.char_end])
    matcher = difflib.SequenceMatcher(None, [w.strip().lower() for w in wa], [w.strip().lower() for w in wb],
                                      autojunk=False)
    return [{"a": "".join(wa[i1:i2]), "b": "".join(wb[j1:j2]), "same": op == "equal"}
            for op, i1, i2, j1, j2 in matcher.get_opcodes()]


def reuse(lib: Library, group_id: str, a: str | None = None, b: str | None = None) -> dict[str, Any]:
    """Return one reuse group: its witnesses and a side-by-side collation of two of them."""
    group = next((g for g in lib.reuse_groups if g.id == group_id), None)
    if group is None:
        raise NotFound(f"no reuse group {group_id!r}")
    ia, ib = _int(a, 0, name="a"), _int(b, 1 if len(group.passages) > 1 else 0, name="b")
    sources = {p.source for p in group.passages}
    ordered_by = witness_dates(d for d in lib.corpus.documents if d.source in sources)
    witnesses = []
    for p in group.passages:
        w = _passage(lib, p.source, p.document, p.char_start, p.char_end)
        day = ordered_by.get(p.document or "")
        # who wrote each witness and when, where its title does not already say it: the order is by date
        # (an undated article by the date of the byline above it, said so)
        when = w["document_date"] or (f"{date_label(day)} (the heading above)" if day else "")
        w["written"] = [x for x in (w["document_author"], when) if x and x not in w["document_title"]]
        w["witness_date"] = day.earliest.isoformat() if day else None
        w["relation"] = p.relation
        witnesses.append(w)
    return {**reuse_json(group), "witnesses": witnesses, "a": ia, "b": ib, "collation": collate(lib, group, ia, ib)}


def entities(lib: Library, type: str | None = None, page: str | None = None) -> dict[str, Any]:
    """Return one page of entities, most mentioned first, optionally of one type."""
    rows = [e for e in lib.corpus.entities.values() if not type or e.type == type]
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    number = _int(page, 1, 1, pages, "page")
    return {"entities": [{"id": e.id, "href": href("entities", e.id), "type": e.type, "name": e.name,
                          "aliases": list(e.aliases), "mention_count": len(e.mentions), "geo": geo_json(e.geo)}
                         for e in rows[(number - 1) * PAGE_SIZE: number * PAGE_SIZE]],
            "page": number, "pages": pages, "total": len(rows), "type": type or "",
            "types": dict(sorted(Counter(e.type for e in lib.corpus.entities.values()).items()))}


def entity(lib: Library, entity_id: str) -> dict[str, Any]:
    """Return one entity: aliases, mentions in context, events, co-occurring people, coordinates."""
    e: Entity | None = lib.corpus.entities.get(entity_id)
    if e is None:
        raise NotFound(f"no entity {entity_id!r}")
    contexts = []
    for m in e.mentions[:200]:
        before, match, after = text_context(lib.text(m.source), m.char_start, m.char_end)
        d = lib.documents_by_id.get(m.document or "")
        contexts.append({"before": before, "match": match, "after": after,
                         "source_name": lib.names.get(m.source, m.source),
                         "document_title": lib.document_title(d) if d else "",
                         "href": href("documents", d.id, hl=f"{m.char_start}-{m.char_end}")
                         + f"#c{m.char_start}-{m.char_end}" if d else None})
    events = [_event_row(lib, ev) for ev in lib.corpus.events if e.id in ev.actors or ev.place == e.id]
    entities_ = lib.corpus.entities
    co = [{"id": other, "name": entities_[other].name, "type": entities_[other].type, "weight": weight,
           "href": href("entities", other)} for other, weight in lib.neighbours().get(e.id, [])[:30]]
    return {"entity": entity_json(e), "mention_count": len(e.mentions), "contexts": contexts,
            "events": events, "cooccurring": co[:30],
            "geo": {"lat": e.geo.lat, "lon": e.geo.lon, "name": e.name,
                    "placed_as": GEO_PLACED_AS.get(e.geo.precision or "", "")} if e.geo else None}


def timeline(lib: Library, person: str | None = None, place: str | None = None, kind: str | None = None,
             disputed: str | None = None, page: str | None = None, year: str | None = None) -> dict[str, Any]:
    """Return the events in date order, filtered by actor, place, kind of attesting document,
    or only the disputed ones: all of them as compact ``items`` (for the zoomable view), one
    page of them with their attestations as ``events``, and the filter choices."""
    corpus = lib.corpus
    docs = lib.documents_by_id
    in_year = _int(year, 0, 1, 9999, "year") if year else None
    rows = []
    for ev in corpus.events:
        if in_year and not ev.date.earliest.year <= in_year <= ev.date.latest.year:
            continue
        if person and person not in ev.actors:
            continue
        if place and ev.place != place:
            continue
        if kind and not any(docs.get(a.document or "") and docs[a.document].kind == kind
                            for a in ev.attestations):
            continue
        if disputed and not ev.conflicts:
            continue
        rows.append(ev)
    actors = Counter(a for ev in corpus.events for a in ev.actors if a in corpus.entities)
    places = Counter(ev.place for ev in corpus.events if ev.place in corpus.entities)
    kinds = Counter(docs[a.document].kind for ev in corpus.events for a in ev.attestations
                    if a.document in docs)
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    number = _int(page, 1, 1, pages, "page")
    return {"items": [{"id": ev.id, "summary": ev.summary, "label": date_label(ev.date),
                       "kind": _first_kind(docs, ev),
                       "inferred": (date_basis(ev.date) or {}).get("basis") not in (None, "stated"),
                       "start": ev.date.earliest.isoformat(), "end": ev.date.latest.isoformat(),
                       "independent_sources": ev.independent_sources, "attestation_count": len(ev.attestations),
                       "conflicts": list(ev.conflicts)} for ev in rows[:5000]],
            "events": [_event_row(lib, ev) for ev in rows[(number - 1) * PAGE_SIZE: number * PAGE_SIZE]],
            "total": len(rows), "page": number, "pages": pages,
            "filters": {"person": person or "", "place": place or "", "kind": kind or "",
                        "disputed": bool(disputed), "year": in_year or ""},
            "people": [{"id": i, "name": corpus.entities[i].name, "events": n}
                       for i, n in actors.most_common() if corpus.entities[i].type == "person"],
            "places": [{"id": i, "name": corpus.entities[i].name, "events": n} for i, n in places.most_common()],
            "kinds": dict(sorted(kinds.items()))}


def _first_kind(docs: dict[str, Document], ev: Event) -> str | None:
    """Return the kind of the first document that attests ``ev`` (its lane on the timeline)."""
    return next((docs[a.document].kind for a in ev.attestations if a.document in docs), None)


def event(lib: Library, event_id: str) -> dict[str, Any]:
    """Return one event with its attestations (passages linked to the reader) and its conflicts,
    each with every claim's passage, the denied ones included."""
    ev = next((e for e in lib.corpus.events if e.id == event_id), None)
    if ev is None:
        raise NotFound(f"no event {event_id!r}")
    conflicts_ = {c.id: c for c in lib.store.conflicts()} if ev.conflicts else {}
    events = {e.id: e for e in lib.corpus.events} if ev.conflicts else {}
    return {"event": _event_row(lib, ev), "date": date_json(ev.date),
            "conflicts": [_conflict_row(lib, conflicts_[c], events) for c in ev.conflicts if c in conflicts_]}




def _approximate(precision: str | None) -> bool:
    return precision in ("country", "region", "capital")


def map_view(lib: Library, person: str | None = None) -> dict[str, Any]:
    """Return the places with coordinates and their events, and people's itineraries as lines;
    with ``person``, only that person's itinerary and the places on it (404 for an unknown
    person). Each stop links to its passage and to the person's timeline at that point."""
    data = lib._get("map_view", lambda: _map_view(lib))
    people = [{"id": r["person"], "name": r["name"], "stops": len(r["stops"])} for r in data["all_itineraries"]]
    out = {"places": data["places"], "itineraries": data["all_itineraries"][:50], "people": people,
           "person": None}
    if person:
        route = next((r for r in data["all_itineraries"] if r["person"] == person), None)
        if route is None:
            e = lib.corpus.entities.get(person)
            if e is None or e.type != "person":
                raise NotFound(f"no person {person!r}")
            route = {"person": person, "name": e.name, "stops": [], "href": href("entities", person)}
        on_route = {s["place"] for s in route["stops"]}
        out.update(places=[p for p in data["places"] if p["id"] in on_route],
                   itineraries=[route] if route["stops"] else [],
                   person={"id": person, "name": route["name"], "href": route["href"]})
    return out


def _map_view(lib: Library) -> dict[str, Any]:
    places = []
    for p in place_features(lib.corpus):
        geo = p["entity"].geo
        places.append({"id": p["entity"].id, "name": p["name"], "lat": p["lat"], "lon": p["lon"],
                       "precision": geo.precision, "approximate": _approximate(geo.precision),
                       "placed_as": GEO_PLACED_AS.get(geo.precision or "", ""),
                       "mentions": p["mentions"], "href": href("entities", p["entity"].id),
                       "timeline_href": "/timeline?" + urlencode({"place": p["entity"].id}) if p["events"] else None,
                       "events": [{"id": ev.id, "summary": ev.summary, "label": date_label(ev.date),
                                   "independent_sources": ev.independent_sources}
                                  for ev in p["events"][:50]]})
    routes = itineraries(lib.corpus)
    for r in routes:
        r["href"] = href("entities", r["person"])
        r["map_href"] = "/map?" + urlencode({"person": r["person"]})
        for stop in r["stops"]:
            stop["approximate"] = _approximate(stop.get("precision"))
            is_document = stop["via"] in lib.documents_by_id
            stop["href"] = href("documents" if is_document else "events", stop["via"])
            # the person's timeline, opened on this stop: the event itself, or the year of the letter
            query = {"person": r["person"]} | ({"year": stop["date"][:4].lstrip("0") or "1"} if is_document else {})
            stop["timeline_href"] = "/timeline?" + urlencode(query) + ("" if is_document else "#" + quote(stop["via"]))
    return {"places": places, "all_itineraries": routes}


def network_view(lib: Library, kind: str | None = None, min_weight: str | None = None,
                 person: str | None = None, limit: str | None = None) -> dict[str, Any]:
    """Return the correspondence and/or co-occurrence network, optionally around one person:
    the ``limit`` heaviest links (default 120) and the people and organizations they join;
    the best connected nodes are flagged ``major`` (labelled in the drawing)."""
    which = {"correspondence": ("correspondence",), "cooccurrence": ("cooccurrence",),
             "": ("correspondence", "cooccurrence"), None: ("correspondence", "cooccurrence")}.get(kind)
    if which is None:
        raise BadRequest("kind must be correspondence or cooccurrence")
    weight = _int(min_weight, 1, 1, 10**6, "min_weight")
    data = lib.network(which)
    edges = [e for e in data["edges"] if e["weight"] >= weight]
    if person:
        edges = [e for e in edges if person in (e["source"], e["target"])]
    total = len(edges)
    edges = edges[:_int(limit, 120, 1, 5000, "limit")]  # a readable graph: the heaviest links first
    keep = {e["source"] for e in edges} | {e["target"] for e in edges}
    nodes = [dict(n, href=href("entities", n["entity"]) if n["entity"] else None, major=i < 15)
             for i, n in enumerate(n for n in data["nodes"] if n["id"] in keep)]
    people = [{"id": n["id"], "label": n["label"]} for n in data["nodes"] if n["entity"]][:500]
    return {"nodes": nodes, "edges": edges, "total_edges": total, "people": people,
            "filters": {"kind": kind or "", "min_weight": weight, "person": person or "", "limit": len(edges)}}


def _conflict_row(lib: Library, c: Conflict, events: dict[str, Event]) -> dict[str, Any]:
    """Return one conflict for the page: its claims' passages in context, each with its stance
    (``asserted``, or ``denied`` when the writer gives that version only to reject it), the
    asserted ones first, and counts of each; and the events concerned."""
    claims = []
    for x in c.claims:
        before, match, after = text_context(lib.text(x.source), x.char_start, x.char_end, 120)
        stance = getattr(x, "stance", None) or "asserted"
        claims.append({**reading_json(x), **_passage(lib, x.source, x.document, x.char_start, x.char_end),
                       "stance": stance, "denied": stance == "denied", "before": before, "after": after})
    # a rejected version is evidence that it circulated, not a witness for it: shown last, apart
    claims.sort(key=lambda x: x["denied"])
    stances = Counter(x["stance"] for x in claims)
    return {**conflict_json(c), "claims": claims,
            "asserted": stances.get("asserted", 0), "denied": stances.get("denied", 0),
            "href": f"/conflicts#{c.id}",
            "event_links": [{"id": e, "summary": events[e].summary, "label": date_label(events[e].date),
                             "href": href("events", e)} for e in c.events if e in events]}


def conflicts(lib: Library) -> dict[str, Any]:
    """Return every conflict with its claims' passages (in context, asserted and denied) and the events concerned."""
    events = {ev.id: ev for ev in lib.corpus.events}
    return {"conflicts": [_conflict_row(lib, c, events) for c in lib.store.conflicts()]}


def search(lib: Library, q: str | None = None, limit: str | None = None) -> dict[str, Any]:
    """Return full-text hits for ``q`` over documents and entity names, snippet split into runs."""
    q = (q or "").strip()[:200]
    hits = []
    for h in lib.store.search(q, _int(limit, 50, 1, 500, "limit")) if q else []:
        if h["kind"] == "document":
            d = lib.documents_by_id.get(h["id"])
            title = lib.document_title(d) if d else h["title"]
            link = href("documents", h["id"])
        else:
            e = lib.corpus.entities.get(h["id"])
            title = f"{e.name} ({e.type})" if e else h["title"]
            link = href("entities", h["id"])
        runs = [{"text": part.replace("\x03", ""), "match": i % 2 == 1}
                for i, part in enumerate(re.split("[\x02\x03]", h["snippet"] or ""))]
        hits.append({"kind": h["kind"], "id": h["id"], "title": title, "href": link,
                     "source_name": lib.names.get(h["source"], "") if h["source"] else "",
                     "snippet": "".join(r["text"] for r in runs), "_runs": runs})
    return {"q": q, "hits": hits}
