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
from dataclasses import dataclass, replace
from typing import Any

__all__ = [
    "DOCUMENT_KINDS", "ENTITY_TYPES", "PRECISIONS", "CALENDARS", "REUSE_RELATIONS",
    "CONFLICT_KINDS", "TIMEX_TYPES", "content_id", "Source", "Span", "Ref", "DateBasis", "Date",
    "Document", "Timex", "Mention", "Geo", "Entity", "Passage", "ReuseGroup",
    "Attestation", "Event", "Claim", "Conflict", "replace",
]

DOCUMENT_KINDS = (
    "letter", "telegram", "statement", "resolution", "proclamation", "report", "receipt",
    "diary", "memoir", "narrative", "commentary", "opinion", "biography", "book_excerpt",
    "interview", "heading", "caption", "epigraph", "boilerplate", "other",
)
#: kinds that are page furniture rather than a text anybody wrote as a unit
FURNITURE_KINDS = frozenset({"heading", "caption", "epigraph", "boilerplate"})
ENTITY_TYPES = ("person", "organization", "place", "work", "vessel", "other")
PRECISIONS = ("day", "month", "year", "decade", "century")
CALENDARS = ("gregorian", "julian", "unknown")
REUSE_RELATIONS = ("verbatim", "near_verbatim", "retranslation", "paraphrase", "summary")
CONFLICT_KINDS = ("date", "place", "number", "person", "fact", "text_variant")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


def content_id(prefix: str, *parts: object, length: int = 16) -> str:
    """Return ``prefix-<hex>``, a stable id hashed from ``parts``.

    >>> content_id("doc", "abc", 0, 10)
    'doc-...'  # doctest: +SKIP
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


@dataclass(frozen=True, slots=True)
class Ref:
    """A name as the text gives it, and the entity it resolves to, if any."""

    name: str
    entity: str | None = None


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


@dataclass(frozen=True, slots=True)
class ReuseGroup:
    """Passages that repeat one another; the earliest or fullest witness first."""

    id: str
    relation: str
    score: float
    passages: tuple[Passage, ...]
    #: CollateX-style alignment table, JSON-ready, or None when not computed
    collation: dict[str, Any] | None = None


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


@dataclass(frozen=True, slots=True)
class Claim:
    """What one passage says in a conflict."""

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
    claims: tuple[Claim, ...]
    events: tuple[str, ...] = ()

