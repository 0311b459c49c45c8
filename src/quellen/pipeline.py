"""The recipe: input paths -> a source-critical knowledge base in the store.

Per source (only for files the store does not have yet, one transaction each):

1. read the file into a :class:`~quellen.model.Source` (:mod:`quellen.ingest`);
2. split it into documents with kind, author, addressees, date
   (:mod:`quellen.segment`);
3. tag the temporal expressions of each document (:func:`quellen.extract.dates.tag_documents`):
   TIMEX3 type and value, a Date interval with its calendar, and the rule and anchor used —
   a document's own date anchors "today" and "a month ago" inside it, the narrative's
   reference time follows its last explicit date, page furniture never anchors;
4. parse every document once with spaCy (``nlp.pipe``, the model named by
   ``settings.nlp.spacy_model``; later steps reuse these parses) and find the
   mentions of people, organizations, places, works and vessels: a rule layer
   for titles, initials, patronymics, ships, quoted works, acronyms and glued
   footnote digits in front of the statistical NER (:mod:`quellen.extract.entities`);
5. claims: every clause that carries a date (its own, its paragraph's, its letter's or diary
   entry's) with its actors, place, summary, numbers and polarity, from the same parses
   (:func:`quellen.events.claims_for_source`), kept in the ``claims`` layer so a corpus
   rebuild never parses again;

Over the whole corpus (one transaction, replaced wholesale when a source was added):

3. entities: every stored mention clustered into people, places, organizations, works
   and vessels across their names, with the reason for each merge; an authority file
   (``build --authority``) pins identities; places geocoded offline with GeoNames data
   (:func:`quellen.extract.resolve.resolve`, :mod:`quellen.extract.places`); documents'
   author, addressee and place names linked to those entities;
4. text reuse: passages copied, quoted, re-translated or paraphrased, grouped
   and collated (:func:`quellen.reuse.find_reuse`) — before events count
   witnesses, because copying is not corroboration;
5. events and conflicts: claims merged into events across documents (dates intersect, actors
   overlap, predicates alike or passages aligned by reuse), independent witnesses counted,
   source profiles, and conflicts of date, place, number, fact and text variants
   (:func:`quellen.corroborate.build_timeline`);

A source that fails is reported and skipped; what is already stored stays.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ._version import __version__
from .errors import AnalysisFailed, InputError, StoreError, printable
from .ingest import discover, read_bytes, read_source, sha256_of, source_warnings
from .ingest.text import repair_typography
from .model import Document, Mention, Source, Timex
from .segment import segment
from .settings import Settings
from .store import Store

__all__ = ["BuildReport", "SourceAnalysis", "analyse_source", "build", "build_corpus_layer",
           "settings_hash"]

#: progress callback: (what, done, total)
Progress = Callable[[str, int, int], None]


@dataclass
class BuildReport:
    """What a build did: files added, unchanged and failed, and how long it took."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)
    #: "path: what to check" for sources read with a doubt (an encoding the letters did not settle)
    warnings: list[str] = field(default_factory=list)
    corpus_rebuilt: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Return True when no input failed."""
        return not self.failed


@dataclass
class SourceAnalysis:
    """Everything computed from one source alone."""

    source: Source
    documents: list[Document]
    timexes: list[Timex] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    layers: dict[str, Any] = field(default_factory=dict)


#: settings sections read only by the corpus-wide step: changing them must not re-parse every source
CORPUS_ONLY_SETTINGS = ("reuse",)


def settings_hash(settings: Settings, per_source: bool = True) -> str:
    """Return a short hash of the settings that shape per-source results (all settings if not ``per_source``)."""
    data = settings.to_dict()
    if per_source:
        data = {k: v for k, v in data.items() if k not in CORPUS_ONLY_SETTINGS}
    encoded = json.dumps(data, sort_keys=True).encode()
    return hashlib.sha256(encoded + __version__.encode()).hexdigest()[:16]


def working_text(source: Source) -> str:
    """Return the text the analysis reads: the source text with same-length typographic repairs."""
    return repair_typography(source.text)[0]


def analyse_source(source: Source, settings: Settings) -> SourceAnalysis:
    """Return the per-source analysis of ``source`` (steps 2-...)."""
    documents = segment(source, settings)
    # 3. dates: every temporal expression of every document, anchored on the document's own date
    # or on the narrative's reference time (page furniture never anchors); the calendar a file's
    # sidecar names overrides the build's
    from .extract.dates import tag_documents
    from .segment import source_context
    text = working_text(source)
    context = source_context(source, settings)
    timexes = tag_documents(text, documents, calendar=context.calendar[0],
                            country=context.country[0] if context.country else None)
    # 4. one spaCy parse per document, kept in `parsed` for every step that needs tokens;
    # then mentions: the rule layer first, the model's entities for the rest
    from .extract.entities import document_mentions
    from .nlp import load_nlp
    parsed = parse_documents(text, documents, load_nlp(settings.nlp.spacy_model), settings.nlp.batch_size)
    mentions = document_mentions(text, documents, parsed, source.id)
    # 5. claims: the dated clauses, from the same parses, stored as a layer for the corpus step
    from .events import claims_for_source, claims_to_json
    claims = claims_for_source(text, documents, parsed, timexes, mentions, settings.events.summary_words)
    return SourceAnalysis(source=source, documents=documents, timexes=timexes, mentions=mentions,
                          layers={"claims": claims_to_json(claims)})


def parse_documents(text: str, documents: list[Document], nlp: Any, batch_size: int = 32) -> list[Any]:
    """Return one spaCy ``Doc`` per document of ``text``, parsed once in batches with ``nlp.pipe``.

    Offsets in a Doc count from its document's ``char_start``.
    """
    from .nlp import parse_texts
    return parse_texts([text[d.char_start:d.char_end] for d in documents], nlp, batch_size)


def build_corpus_layer(store: Store, settings: Settings, authority: str | None = None) -> None:
    """Recompute the corpus-wide layer (entities, reuse, events, conflicts) from the stored sources.

    ``authority`` is the path of a CSV/JSON authority file that pins identities, or None.
    """
    # 3. entities: all mentions resolved across the corpus, places geocoded, document refs linked
    from .extract.places import get_gazetteer
    from .extract.resolve import link_document_refs, load_authority, resolve
    texts = {s.id: working_text(s) for s in store.sources()}
    entities, mention_entities = resolve(store.mentions(), texts,
                                         load_authority(authority) if authority else None, get_gazetteer())
    document_refs = link_document_refs(store.documents(), entities)
    # the documents as linked above, so that "I" in a letter is its author's entity
    by_id = {d.id: d for d in store.documents()}
    by_id.update({d.id: d for d in document_refs})
    documents = list(by_id.values())
    from .reuse import find_reuse
    # reuse runs before events are counted: copying is not corroboration; it sees the linked
    # authors, so that one writer's two letters ("L. T." and his full name) are one voice
    reuse = find_reuse(store.sources(), documents, settings.reuse, timexes=store.timexes())
    # 5. events: claims merged across documents, witnesses counted after reuse, conflicts flagged
    from .corroborate import build_timeline, place_index, resolve_claims
    from .events import claims_from_json
    claims = resolve_claims([c for sid in texts for c in claims_from_json(store.layer(sid, "claims"))],
                            mention_entities, by_id)
    events, conflicts = build_timeline(claims, documents, reuse, texts, places=place_index(entities, get_gazetteer()))
    store.replace_corpus_layer(entities=entities, mention_entities=mention_entities, reuse=reuse, events=events,
                               conflicts=conflicts, document_refs=document_refs)


def build(paths: list[str], store: Store, settings: Settings | None = None,
          progress: Progress | None = None, authority: str | None = None) -> BuildReport:
    """Return a :class:`BuildReport` after reading ``paths`` into ``store``.

    Files whose bytes are stored already (with the same settings) are skipped;
    each new file is analysed and stored in its own transaction, so a failure
    leaves the store as it was; the corpus layer is rebuilt when anything changed
    (sources, settings, or the authority file's contents). ``authority`` names a CSV/JSON
    authority file; later builds keep applying it until another (or ``""``) is given.
    """
    settings = settings or Settings()
    started = time.perf_counter()
    report = BuildReport()
    files, errors = discover(paths, settings.ingest)
    report.failed.extend(errors)
    shash = settings_hash(settings)
    build_id = store.start_build(__version__, settings.to_dict(), [printable(str(p)) for p in paths],
                                 dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
    for i, path in enumerate(files):
        if progress:
            progress(printable(str(path)), i, len(files))
        try:
            data = read_bytes(path, settings.ingest)
            fhash = _with_sidecar(shash, path)
            if store.has_sha256(sha256_of(data), fhash):
                report.unchanged.append(printable(str(path)))
                continue
            source = read_source(path, settings.ingest, data=data)
            analysis = analyse_source(source, settings)
            store.add_source(source, analysis.documents, analysis.timexes, analysis.mentions,
                             analysis.layers, settings_hash=fhash)
            report.added.append(printable(str(path)))
            report.warnings.extend(f"{printable(str(path))}: {w}" for w in source_warnings(source))
        except InputError as exc:
            report.failed.append(exc)
        except StoreError:  # the database, not this file: stop here, every stored source stays whole
            raise
        except Exception as exc:  # a bug in one step must not lose the other files of the build
            failure = AnalysisFailed(str(path), f"analysis failed ({type(exc).__name__}: {exc}); "
                                                "nothing of this file was stored")
            failure.__cause__ = exc
            report.failed.append(failure)
    if progress:
        progress("corpus", len(files), len(files))
    authority = _authority_in_force(store, authority, report)
    corpus_hash = _corpus_hash(store, settings_hash(settings, per_source=False) + _file_hash(authority))
    stale = store.get_meta("corpus_hash") != corpus_hash
    if report.added or stale:
        build_corpus_layer(store, settings, authority=authority)
        store.set_meta("corpus_hash", corpus_hash)
        store.set_meta("authority", str(Path(authority).resolve()) if authority else "")
        report.corpus_rebuilt = True
    report.seconds = time.perf_counter() - started
    store.finish_build(build_id, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                       len(report.added), len(report.unchanged), [str(e) for e in report.failed],
                       round(report.seconds, 3))
    return report


def _authority_in_force(store: Store, authority: str | None, report: BuildReport) -> str | None:
    """Return the authority file this build applies: the one given, else the one of earlier builds.

    Without this, a later build that adds one file (and no ``--authority``) rebuilt the corpus
    layer without the pinned identities. An empty string stops using a remembered file.
    """
    if authority is not None:
        return authority or None
    remembered = store.get_meta("authority")
    if not remembered:
        return None
    if not Path(remembered).is_file():
        from .errors import MissingInput
        report.failed.append(MissingInput(remembered, "the authority file of earlier builds is gone; its "
                                                      "identities are no longer applied (pass --authority)"))
        return None
    return remembered


def _with_sidecar(shash: str, path) -> str:
    """Return the settings hash of one file: the build's, changed by the file's sidecar when it has one,
    so that editing ``NAME.meta.toml`` rebuilds that file as a settings change would."""
    from .ingest.meta import sidecar_path
    side = sidecar_path(path)
    if not side.is_file():
        return shash
    try:
        return hashlib.sha256(shash.encode() + side.read_bytes()).hexdigest()[:16]
    except OSError:
        return shash + "!"  # read_source says why, naming the sidecar


def _file_hash(path: str | None) -> str:
    """Return a short hash of the file's bytes ("" for no file), so an edited authority file counts."""
    if not path:
        return ""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
    except OSError:
        return "unreadable"  # load_authority says why, with the file's name


def _corpus_hash(store: Store, shash: str) -> str:
    ids = sorted(store.source_names())
    return hashlib.sha256((shash + "|" + ",".join(ids)).encode()).hexdigest()[:16]
