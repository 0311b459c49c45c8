"""The data model: small frozen records, standard library only, no I/O.

Every record that points into text does so by offsets into the ``text`` of a
:class:`Source` (standoff annotation, Python slice semantics, code points).
Ids are derived from content (see :func:`content_id`), never from counters or
clocks, so a rebuild of the same input yields the same ids.

Naming table (as in spaCy): a :class:`Source` is ``source``, a
:class:`Document` is ``document`` (never ``doc``: that is a spaCy ``Doc``),
a :class:`Date` is ``date``, a :class:`Span` is ``span``.
"""
from __future__ import annotations

import datetime as dt
import enum
import hashlib
import re
from dataclasses import dataclass, replace
from typing import Any

__all__ = [
    "DOCUMENT_KINDS", "FURNITURE_KINDS", "NO_EVENT_KINDS", "RECORD_KINDS", "PRIMARY_KINDS", "PRESENT_DATED_KINDS",
    "DAY_RECORD_KINDS", "NEWS_KINDS", "ACCOUNT_KINDS", "NARRATIVE_KINDS", "CORRESPONDENCE_KINDS", "SERIES_KINDS",
    "VOICE_KINDS",
    "ENTITY_TYPES", "PRECISIONS", "GEO_PLACED_AS", "CALENDARS", "SOURCE_META_KEYS", "REUSE_RELATIONS",
    "CONFLICT_KINDS", "TIMEX_TYPES", "HEAD_PARTS", "FURNITURE_PARTS", "content_id", "Source", "Span", "Ref", "RefBasis",
    "DateBasis",
    "Date", "Head", "Document", "Timex", "Mention", "Geo", "Entity", "Passage", "ReuseGroup",
    "Attestation", "Event", "actor_key", "Claim", "Reading", "Conflict", "replace",
]

DOCUMENT_KINDS = (
    "letter", "telegram", "statement", "resolution", "proclamation", "report", "receipt", "newspaper_article",
    "diary", "memoir", "narrative", "commentary", "opinion", "biography", "book_excerpt",
    "interview", "heading", "caption", "epigraph", "boilerplate", "other",
)
# The groups of document kinds, each defined here once; every step that treats kinds alike uses them.
#: page furniture rather than a text anybody wrote as a unit
FURNITURE_KINDS = frozenset({"heading", "caption", "epigraph", "boilerplate"})
#: furniture that tells nothing that happened (a page's title, a publisher's note); a caption or an
#: epigraph may ("X in Y, 1928"), with a date of its own
NO_EVENT_KINDS = frozenset({"heading", "boilerplate"})
#: records made at the time of what they concern, dated by the hand that made them
RECORD_KINDS = frozenset({"letter", "telegram", "statement", "resolution", "proclamation", "report", "receipt"})
#: first-hand documents of their own day: the records, the diary and a newspaper's report of the day (the
#: segmenter reads it from a newspaper's name and the issue's date over it)
PRIMARY_KINDS = RECORD_KINDS | {"diary", "newspaper_article"}
#: reports whose date is an issue's: they tell of the last few days before it (news)
NEWS_KINDS = frozenset({"newspaper_article"})
#: documents whose own date dates what they say in the present (a letter's writing, a diary's day,
#: the day of an interview)
PRESENT_DATED_KINDS = PRIMARY_KINDS | {"interview"}
#: records written on the day they are dated, whatever they tell (a letter may look back at length;
#: a telegram, a resolution, an interview speak from their day)
DAY_RECORD_KINDS = (RECORD_KINDS - {"letter"}) | {"interview"}
#: accounts written after the fact, or about it
ACCOUNT_KINDS = frozenset({"narrative", "commentary", "opinion", "biography", "book_excerpt", "interview", "memoir"})
#: documents that tell a story in order, so an undated paragraph continues the last date
NARRATIVE_KINDS = frozenset({"narrative", "memoir", "diary", "report", "biography"})
#: documents one party addresses to another (the correspondence network)
CORRESPONDENCE_KINDS = frozenset({"letter", "telegram", "statement"})
#: kinds whose writer a series heading names ("X's Journal", "Contributed by X"); letters and
#: telegrams name their own
SERIES_KINDS = frozenset({"diary", "memoir", "narrative", "statement", "report", "commentary", "opinion", "other"})
#: kinds read from the voice of a text alone (no head, no form says what it is), which a reporter's
#: dateline overrules
VOICE_KINDS = frozenset({"statement", "narrative", "commentary", "other"})
ENTITY_TYPES = ("person", "organization", "place", "work", "vessel", "other")
PRECISIONS = ("day", "month", "year", "decade", "century")
#: what the point of a place stands for, by ``Geo.precision``, said to the reader (None: the place itself)
GEO_PLACED_AS = {"country": "approximate: the country's centre", "region": "approximate: the region's centre",
                 "capital": "approximate: placed at its capital", "settlement": "placed at the town it is in"}
CALENDARS = ("gregorian", "julian", "unknown")
#: what a file's metadata or its sidecar may say about it (see Source.meta)
SOURCE_META_KEYS = ("author", "year", "place", "country", "language", "calendar", "title")
REUSE_RELATIONS = ("verbatim", "near_verbatim", "retranslation", "paraphrase", "summary")
CONFLICT_KINDS = ("date", "place", "number", "person", "fact", "text_variant")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
#: the parts of a document's head that segmentation records (:class:`Head`)
HEAD_PARTS = ("title", "addressee", "salutation", "announcement", "dateline", "closing", "signature", "note")
#: the parts that are a letter's furniture, not its text: its date line, salutation, valediction and signature
#: (no claim is read from them but the date a date line states)
FURNITURE_PARTS = ("dateline", "salutation", "closing", "signature")


def content_id(prefix: str, *parts: object, length: int = 16) -> str:
    """Return ``prefix-<hex>``, a stable id hashed from ``parts``.

    >>> content_id("doc", "abc", 0, 10)
    'doc-24918870e7b4a99d'
    """
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{h[:length]}"


@dataclass(frozen=True, slots=True)
class Source:
    """One input file, read once; ``text`` never changes after ingest."""

    id: str
    name: str
    sha256: str
    media_type: str
    text: str
    path: str = ""
    #: typographic repairs that did not move offsets, e.g. ``("nbsp", 3)``
    repairs: tuple[tuple[str, int], ...] = ()
    #: structural hints from the reader: (start, end, tag) of headings, captions,
    #: paragraphs... in ``text`` (HTML/EPUB); empty for plain text
    blocks: tuple[tuple[int, int, str], ...] = ()
    encoding: str = "utf-8"
    #: what the file says about itself outside its text, as (key, value, origin): ("author",
    #: "J. Bell", "EPUB dc:creator"), ("year", "1702", "sidecar diary.txt.meta.toml") ...; keys are
    #: those of :data:`SOURCE_META_KEYS`. Values from here are context, never stated by the text.
    meta: tuple[tuple[str, str, str], ...] = ()

    def meta_value(self, key: str) -> tuple[str, str] | None:
        """Return (value, origin) of the file's metadata ``key`` (the last one given wins), or None."""
        found = None
        for k, value, origin in self.meta:
            if k == key and value:
                found = (value, origin)
        return found

    @staticmethod
    def make_id(sha256: str) -> str:
        """Return the source id for raw bytes with this sha256."""
        return f"src-{sha256[:16]}"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one source's text."""

    source: str
    char_start: int
    char_end: int
    document: str | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.char_start <= self.char_end:
            raise ValueError(f"bad span {self.char_start}..{self.char_end}")

    def overlaps(self, other: "Span") -> bool:
        """Return True when both spans share at least one character."""
        return (self.source == other.source and self.char_start < other.char_end
                and other.char_start < self.char_end)


class RefBasis(enum.StrEnum):
    """Where a document's author or addressee came from: what a reader must know to weigh it.

    Segmentation sets it where it decides the name (a :class:`Ref` of an author or addressee);
    the reader, the JSON export (``author.basis``) and TEI (``@cert``/``@evidence``) show it.
    From what the document itself says to what was supplied from outside it:
    """

    #: named in the document's own words, where nothing more particular is known
    STATED = "stated"
    #: the document's signature or subscription: the name under its closing, at its foot
    SIGNED = "signed"
    #: the document's own heading, header or byline ("From A to B", "By A", "Journal of A")
    HEADED = "headed"
    #: the sentence of the compiler or narrator that introduces or quotes the document, not the document
    FRAMING = "framing"
    #: the heading of the series the document belongs to ("A's Journal", "Contributed by A"), above it
    SERIES = "series"
    #: the file's metadata (EPUB ``dc:creator``, HTML ``<meta name="author">``, PDF info, TEI header)
    #: or the sidecar ``NAME.meta.toml`` its owner wrote for it: nothing in the text itself
    METADATA = "metadata"
    #: the build's settings (``--set context.author=...``), for a whole corpus
    SETTING = "setting"
    #: reasoned from the documents around it (the usual signer of the source's letters)
    INFERRED = "inferred"


@dataclass(frozen=True, slots=True)
class Ref:
    """A name as the text gives it, and the entity it resolves to, if any.

    ``basis`` says, for a document's author or addressee, where the name came from; None for other
    refs (a place) and for an author stored before bases existed (a reader takes it as stated).
    """

    name: str
    entity: str | None = None
    basis: RefBasis | None = None


class DateBasis(enum.StrEnum):
    """Where a date's value came from: what a reader must know to weigh it.

    The tagger and the steps that date documents set it where they decide it; consumers (the
    reader, the exports, conflict and witness checks) read it, never the free-text ``rule``.
    From the strongest to the weakest evidence:
    """

    #: written in full in the text itself ("12 March 1862", "1862")
    STATED = "stated"
    #: the document's date, given by a later passage of the same source that refers to it
    #: ("the decision of the Board of April 30, 1862")
    REFERRED = "referred"
    #: the document's date, read off the sentence that introduces it (the compiler's, not the author's:
    #: "On May 2 he was handed the following decision")
    FRAMING = "framing"
    #: day and month (a season, a feast...) written in the text, the year taken from its context (a date
    #: line, a diary heading, the nearest dated passage); also a range of years where nothing closer tells
    YEAR_FROM_CONTEXT = "year_from_context"
    #: counted from another date: "two days later", "yesterday", "the 5th", "on Monday", "aged forty"
    RECKONED = "reckoned"
    #: the year the source was published (a book with no other date)
    PUBLISHED = "published"
    #: not in the text at all: placed by the document's position in the compilation
    INFERRED = "inferred"

    @classmethod
    def from_legacy_rule(cls, rule: str) -> "DateBasis":
        """Return the basis a date stored before bases existed had, read from its ``rule`` (old stores only)."""
        rule = rule or ""
        if rule.startswith("inferred"):
            return cls.INFERRED
        if "framing sentence" in rule:
            return cls.FRAMING
        if "referred to later" in rule:
            return cls.REFERRED
        if any(k in rule for k in ("year from context", "year-from-anchor", "year-of-context", "year-unknown")):
            return cls.YEAR_FROM_CONTEXT
        if rule.startswith(("relative", "clock-time")):
            return cls.RECKONED
        if rule == "publication year":
            return cls.PUBLISHED
        return cls.STATED


@dataclass(frozen=True, slots=True)
class Date:
    """A date as an interval in the proleptic Gregorian calendar.

    ``earliest``/``latest`` bound what the expression can mean; ``precision``
    says how finely it was stated; ``calendar`` is the calendar the text wrote
    it in; ``as_written`` is ``YYYY[-MM[-DD]]`` in that calendar; ``basis`` says
    where the value came from (:class:`DateBasis`).
    """

    text: str
    edtf: str
    earliest: dt.date
    latest: dt.date
    precision: str
    calendar: str = "gregorian"
    as_written: str | None = None
    #: how the value was reached (the tagger's rule), and what anchored it
    rule: str = ""
    anchor: str | None = None
    basis: DateBasis = DateBasis.STATED

    def __post_init__(self) -> None:
        if self.earliest > self.latest:
            raise ValueError(f"inverted date interval {self.earliest}..{self.latest}")
        if self.precision not in PRECISIONS:
            raise ValueError(f"unknown precision {self.precision!r}")
        if self.calendar not in CALENDARS:
            raise ValueError(f"unknown calendar {self.calendar!r}")
        if not isinstance(self.basis, DateBasis):
            object.__setattr__(self, "basis", DateBasis(self.basis))  # a plain string names a basis too

    def intersects(self, other: "Date") -> bool:
        """Return True when the two intervals share at least one day."""
        return self.earliest <= other.latest and other.earliest <= self.latest

    def to_json(self) -> dict[str, Any]:
        """Return the contract's JSON object for this date."""
        return {
            "text": self.text, "edtf": self.edtf,
            "earliest": self.earliest.isoformat(), "latest": self.latest.isoformat(),
            "precision": self.precision, "calendar": self.calendar,
            "as_written": self.as_written, "rule": self.rule, "anchor": self.anchor,
            "basis": self.basis.value,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> "Date | None":
        """Return a Date from :meth:`to_json` output (None stays None).

        A date stored before bases existed gets the one its ``rule`` implies.
        """
        if not data:
            return None
        rule = data.get("rule", "")
        basis = data.get("basis")
        return cls(
            text=data["text"], edtf=data["edtf"],
            earliest=dt.date.fromisoformat(data["earliest"]),
            latest=dt.date.fromisoformat(data["latest"]),
            precision=data["precision"], calendar=data.get("calendar", "gregorian"),
            as_written=data.get("as_written"), rule=rule, anchor=data.get("anchor"),
            basis=DateBasis(basis) if basis else DateBasis.from_legacy_rule(rule),
        )


@dataclass(frozen=True, slots=True)
class Head:
    """A part of a document's head as segmentation read it: a title or header line ("LETTER TO A",
    "A to B"), an address line ("To the Governor"), the salutation ("Dear Sir", words only), the
    sentence that announced the document ("... sent the following letter to A:"), which stands
    before it, or a line of its furniture: its date line, valediction ("I remain, Sir,") or signature; or a
    marginal summary the edition printed as a line inside it (a ``note``: "The Visit to the Mill").
    Offsets are into the source text."""

    part: str
    char_start: int
    char_end: int
    text: str

    def __post_init__(self) -> None:
        if self.part not in HEAD_PARTS:
            raise ValueError(f"unknown head part {self.part!r}")
        if not 0 <= self.char_start <= self.char_end:
            raise ValueError(f"bad head span {self.char_start}..{self.char_end}")


@dataclass(frozen=True, slots=True)
class Document:
    """A unit the compilation is made of (letter, diary entry, caption...)."""

    id: str
    source: str
    char_start: int
    char_end: int
    kind: str
    title: str | None = None
    author: Ref | None = None
    addressees: tuple[Ref, ...] = ()
    date: Date | None = None
    place: Ref | None = None
    primary: bool | None = None
    language: str | None = "en"
    #: which cues decided the boundary and the kind, for the curious reader
    evidence: tuple[str, ...] = ()
    #: the parts of its head segmentation found (title, address lines, salutation, announcement)
    heads: tuple[Head, ...] = ()

    @staticmethod
    def make_id(source: str, char_start: int, char_end: int) -> str:
        """Return the document id for this span of a source."""
        return content_id("doc", source, char_start, char_end)

    @property
    def span(self) -> Span:
        """Return the document's extent as a :class:`Span`."""
        return Span(self.source, self.char_start, self.char_end, self.id)


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression found in text, TimeML style."""

    source: str
    document: str | None
    char_start: int
    char_end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value: 1929-01-20, P3D, PRESENT_REF, XXXX-10-25 ...
    date: Date | None = None
    rule: str = ""
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text that refers to a person, place, organization..."""

    source: str
    document: str | None
    char_start: int
    char_end: int
    text: str
    type: str
    #: the name with footnote digits, titles and possessives stripped
    name: str = ""
    entity: str | None = None
    #: "ner", "rule:title", "rule:initials" ...
    origin: str = "ner"


@dataclass(frozen=True, slots=True)
class Geo:
    """Where a place is, and which gazetteer said so."""

    lat: float
    lon: float
    gazetteer: str
    gazetteer_id: str
    name: str = ""
    country: str | None = None
    #: how closely lat/lon place the thing named: None for the gazetteer record itself, "country" or
    #: "region" for a conventional centre, "capital" for a former state placed at its seat of
    #: government, "settlement" for a square, station or house placed at the town it stands in
    precision: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, place, organization, work or vessel, across its names."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    geo: Geo | None = None
    authority: dict[str, str] | None = None
    #: why names were merged: ("'N. Gogol' ~ 'Gogol': surname containment", ...)
    merge_reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Passage:
    """One witness of a reuse group."""

    source: str
    document: str | None
    char_start: int
    char_end: int
    #: how this witness repeats the group's first one (the closest relation of its links with it, or of
    #: any of its links when none joins them directly); None for the first witness and in stores made
    #: before it existed. A group's own relation is the farthest of its links: a verbatim copy in a
    #: group with a re-worded one is still a copy here
    relation: str | None = None


@dataclass(frozen=True, slots=True)
class ReuseGroup:
    """Passages that repeat one another; the earliest or fullest witness first."""

    id: str
    relation: str
    score: float
    passages: tuple[Passage, ...]
    #: CollateX-style alignment table, JSON-ready, or None when not computed; as the corpus layer
    #: holds it until stored, its JSON text (:func:`quellen.vocab.json_text`: a tenth of the dict's memory)
    collation: dict[str, Any] | str | None = None


@dataclass(frozen=True, slots=True)
class Attestation:
    """A passage that reports an event, and what kind of witness it is."""

    source: str
    document: str | None
    char_start: int
    char_end: int
    claim: str = ""
    primary: bool | None = None
    eyewitness: bool | None = None
    #: years between the document's date and the event's, when both are known
    distance_years: float | None = None
    #: reuse group that makes this attestation a copy of another, if any
    reuse_group: str | None = None
    #: the writer says it was told, not seen ("I am told", "it is said", "we hear that")
    hearsay: bool | None = None
    #: the name of the writer of its document, when known (one writer is one witness)
    writer: str | None = None
    #: the number (1, 2 ...) of the independent witness this passage belongs to
    witness: int | None = None
    #: why it is no witness of its own, when it is not (:data:`quellen.corroborate.FOLD_REASONS`):
    #: ``same_document``, ``copy``, ``quotes``, ``same_writer``, ``cites`` or ``cited``
    folded: str | None = None
    #: the index (in the event's attestations) of the passage it is folded into
    folded_into: int | None = None
    #: ``folded`` said for a reader ("by the same writer as passage 1, Anna Holm")
    folded_why: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened, as one or more passages tell it (a factoid)."""

    id: str
    date: Date
    summary: str
    actors: tuple[str, ...] = ()
    place: str | None = None
    attestations: tuple[Attestation, ...] = ()
    independent_sources: int = 1
    conflicts: tuple[str, ...] = ()


_WORD = re.compile(r"\w+", re.U)


def actor_key(entity: str | None, name: str) -> str:
    """Return a comparable key for an actor or a place: its entity id where known, else its normalised name."""
    if entity:
        return entity
    return " ".join(_WORD.findall(name.lower()))


@dataclass(frozen=True, slots=True)
class Claim:
    """What one clause of one source says happened, before merging (a factoid candidate).

    ``char_start``/``char_end`` span the sentence (or the clause, when a sentence
    carries several dated clauses) in the source text. ``actors`` are
    ``(name, type, char_start, char_end, entity)``; the author of a letter or
    diary standing for "I"/"we" has no span (-1, -1).
    """

    id: str
    source: str
    document: str | None
    char_start: int
    char_end: int
    date: Date | None
    #: how the clause got its date: explicit (a date in the clause) | relative (counted from a claim) |
    #: inherited (from the sentences before) | document (the document's own date) | none; the date's
    #: own provenance is ``date.basis``
    basis: str
    summary: str
    lemmas: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()
    actors: tuple[tuple[str, str, int, int, str | None], ...] = ()
    place: tuple[str, int, int, str | None] | None = None
    #: (value, the noun it counts, char_start, char_end)
    numbers: tuple[tuple[str, str, int, int], ...] = ()
    #: (verb lemma, negated, argument lemmas) for every predicate of the clause
    predicates: tuple[tuple[str, bool, tuple[str, ...]], ...] = ()
    eyewitness: bool | None = None
    timex: tuple[int, int] | None = None
    kind: str = "other"
    primary: bool | None = None
    #: the lemma of the verb the place's preposition hangs on, and the place's role in the
    #: clause (``at``, ``to``, ``from``, ``via``): a journey's stages are different places, not a conflict
    place_verb: str = ""
    place_role: str = ""
    #: lemmas of what the clause is about: its subject nouns and their "of" nouns ("the fall of the
    #: bridge" -> fall, bridge); a relative pronoun stands for its antecedent
    subjects: tuple[str, ...] = ()
    #: (preposition, noun lemma) for "in a car", "by a steamer", "aboard a ship": how or in what it
    #: happened, the detail two accounts of one event may tell differently
    details: tuple[tuple[str, str], ...] = ()
    #: lemmas of the happening the date is attached to: the dated verb, or for a verb that only
    #: carries another ("tried to regain", "the exile took place", "it was in May that ...") what it carries
    trigger: tuple[str, ...] = ()
    #: nouns that name the happening the date is attached to ("accompanied his exile", "the fall of
    #: the mill, which happened ...")
    named: tuple[str, ...] = ()
    #: content lemmas of the dated verb's own subtree: what the date governs, not the whole sentence
    scope: tuple[str, ...] = ()
    #: lemmas of the dated verb's direct arguments (subject, object, agent, prepositional objects)
    args: tuple[str, ...] = ()
    #: (earliest, latest) ISO dates of every date written in the sentence: a sentence that names two
    #: dates for two happenings knows both, so it disagrees with neither
    sentence_dates: tuple[tuple[str, str], ...] = ()
    #: the clause tells a repetition ("again", "the same envoy came", "a second time")
    repeated: bool = False
    #: ``denied`` when the writer reports the claim only to reject it ("it is said that ... That is
    #: not so"): kept, so that a conflict can show the rejected version, but no witness for its date
    stance: str = "asserted"

    def to_json(self) -> dict[str, Any]:
        """Return this claim as a JSON-ready dict (see :meth:`from_json`)."""
        return {
            "id": self.id, "source": self.source, "document": self.document,
            "char_start": self.char_start, "char_end": self.char_end,
            "date": self.date.to_json() if self.date else None, "basis": self.basis,
            "summary": self.summary, "lemmas": list(self.lemmas), "verbs": list(self.verbs),
            "actors": [list(a) for a in self.actors], "place": list(self.place) if self.place else None,
            "numbers": [list(n) for n in self.numbers],
            "predicates": [[v, neg, list(args)] for v, neg, args in self.predicates],
            "eyewitness": self.eyewitness, "timex": list(self.timex) if self.timex else None,
            "kind": self.kind, "primary": self.primary,
            "place_verb": self.place_verb, "place_role": self.place_role, "subjects": list(self.subjects),
            "details": [list(d) for d in self.details],
            "trigger": list(self.trigger), "named": list(self.named), "scope": list(self.scope),
            "args": list(self.args),
            "sentence_dates": [list(d) for d in self.sentence_dates], "repeated": self.repeated,
            "stance": self.stance,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Claim":
        """Return the claim stored by :meth:`to_json`."""
        return cls(
            id=data["id"], source=data["source"], document=data.get("document"),
            char_start=data["char_start"], char_end=data["char_end"], date=Date.from_json(data.get("date")),
            basis=data.get("basis", "none"), summary=data.get("summary", ""),
            lemmas=tuple(data.get("lemmas", ())), verbs=tuple(data.get("verbs", ())),
            actors=tuple(tuple(a) for a in data.get("actors", ())),
            place=tuple(data["place"]) if data.get("place") else None,
            numbers=tuple(tuple(n) for n in data.get("numbers", ())),
            predicates=tuple((p[0], bool(p[1]), tuple(p[2])) for p in data.get("predicates", ())),
            eyewitness=data.get("eyewitness"), timex=tuple(data["timex"]) if data.get("timex") else None,
            kind=data.get("kind", "other"), primary=data.get("primary"),
            place_verb=data.get("place_verb", ""), place_role=data.get("place_role", ""),
            subjects=tuple(data.get("subjects", ())),
            details=tuple(tuple(d) for d in data.get("details", ())),
            trigger=tuple(data.get("trigger", ())), named=tuple(data.get("named", ())),
            scope=tuple(data.get("scope", ())), args=tuple(data.get("args", ())),
            sentence_dates=tuple(tuple(d) for d in data.get("sentence_dates", ())),
            repeated=bool(data.get("repeated", False)), stance=data.get("stance", "asserted"),
        )

    @property
    def actor_keys(self) -> frozenset[str]:
        """Return the actors as comparable keys: entity ids where known, else normalised names."""
        return frozenset(actor_key(a[4], a[0]) for a in self.actors)

    @property
    def place_key(self) -> str | None:
        """Return the place as a comparable key (entity id, else normalised name), or None."""
        return actor_key(self.place[3], self.place[0]) if self.place else None


@dataclass(frozen=True, slots=True)
class Reading:
    """One side of a conflict: what one passage says the value is."""

    source: str
    document: str | None
    char_start: int
    char_end: int
    value: str
    #: "asserted", or "denied" when the writer reports this version only to reject it
    stance: str = "asserted"


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources that disagree about a date, place, number, person or fact."""

    id: str
    kind: str
    summary: str
    #: the readings that disagree (named ``claims`` in the export, as the contract has it)
    claims: tuple[Reading, ...]
    events: tuple[str, ...] = ()

