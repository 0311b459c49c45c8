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
   (:func:`quellen.claims.read_source`), kept in the ``claims`` layer so a corpus
   rebuild never parses again; the dates the claims complete or reckon (a year from context,
   "a week after this") replace the tagger's reading in the stored date layer, with their basis;

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
   (:func:`quellen.corroborate.build_timeline`, the conflicts from :mod:`quellen.conflicts`);

A source that fails is reported and skipped; what is already stored stays. A corpus step
that fails is reported too (:class:`~quellen.errors.CorpusLayerError`) and leaves the previous
corpus layer in place, marked stale, so readers refuse it (:func:`require_corpus_layer`).

Steps 1-5 per source run on an engine (:mod:`quellen.engines`: this process, worker
processes, or a Dask cluster), as :func:`analyse_input` (the file's bytes in, its analysis
out); this process alone writes, in the order of the inputs, so the store is the same for
any engine. The corpus-wide steps run here, reading texts from the store as they need them
(:class:`StoredTexts`); reuse candidates and verification, and event merging, hand their
partitions to the same engine (``engine.map``: hash ranges, unit pairs, date buckets) and
reduce the results here in a fixed order, so the store is the same for any number of
partitions. Each step reports to :func:`record_steps` (benchmarks/scale).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from ._version import __version__
from .errors import AnalysisFailed, CorpusLayerError, InputError, QuellenError, StoreError, printable
from .ingest import discover, read_bytes, read_source, sha256_of, source_warnings
from .ingest.text import repair_typography
from .model import Document, Mention, Source, Timex
from .segment import segment
from .settings import Settings
from .store import Store

__all__ = ["BuildReport", "Failed", "RemoveReport", "SourceAnalysis", "analyse_input", "analyse_source", "build",
           "build_corpus_layer", "record_steps", "remove", "require_corpus_layer", "settings_hash", "StoredTexts",
           "stored_sources_at"]

#: progress callback: (what, done, total)
Progress = Callable[[str, int, int], None]


@dataclass
class BuildReport:
    """What a build did: files added, unchanged and failed, and how long it took."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    #: files that failed (InputError), and the corpus step if it failed (CorpusLayerError)
    failed: list[QuellenError] = field(default_factory=list)
    #: "path: what to check" for sources read with a doubt (an encoding the letters did not settle)
    warnings: list[str] = field(default_factory=list)
    corpus_rebuilt: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Return True when no input failed."""
        return not self.failed


@dataclass
class RemoveReport:
    """What a removal did: the sources taken out of the store (id -> the path it was read from)."""

    removed: dict[str, str] = field(default_factory=dict)
    #: what to check (the authority file of earlier builds gone ...)
    warnings: list[str] = field(default_factory=list)
    corpus_rebuilt: bool = False
    seconds: float = 0.0


@dataclass
class SourceAnalysis:
    """Everything computed from one source alone."""

    source: Source
    documents: list[Document]
    timexes: list[Timex] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    layers: dict[str, Any] = field(default_factory=dict)


#: the object told when each numbered step starts and stops (benchmarks/scale); None: nobody
_recorder: Any = None


def record_steps(recorder: Any) -> Any:
    """Return the previous step recorder after installing ``recorder`` (None removes it).

    A recorder has ``start(name)`` and ``stop(name)``; the pipeline calls them around
    each step it runs in this process, so a benchmark can time the steps of a real build.
    """
    global _recorder
    previous, _recorder = _recorder, recorder
    return previous


@contextmanager
def _step(name: str) -> Iterator[None]:
    recorder = _recorder
    if recorder is None:
        yield
        return
    recorder.start(name)
    try:
        yield
    finally:
        recorder.stop(name)


#: settings sections read only by the corpus-wide step: changing them must not re-parse every source
#: settings that shape only the corpus layer (a section, or one ``section.key``): changing them rebuilds
#: that layer, never the per-source analysis
CORPUS_ONLY_SETTINGS = ("entities", "reuse", "conflicts", "events.merge_threshold", "events.reuse_date_threshold",
                        "events.contemporary_years", "events.reuse_merge_threshold",
                        "events.same_document_threshold", "events.vague_days", "events.vague_threshold")


def settings_hash(settings: Settings, per_source: bool = True) -> str:
    """Return a short hash of the settings that shape per-source results (all settings if not ``per_source``)."""
    data = settings.to_dict()
    if per_source:
        data = {k: ({kk: vv for kk, vv in v.items() if f"{k}.{kk}" not in CORPUS_ONLY_SETTINGS}
                    if isinstance(v, dict) else v)
                for k, v in data.items() if k not in CORPUS_ONLY_SETTINGS}
    encoded = json.dumps(data, sort_keys=True).encode()
    return hashlib.sha256(encoded + __version__.encode()).hexdigest()[:16]


def working_text(source: Source) -> str:
    """Return the text the analysis reads: the source text with same-length typographic repairs."""
    return repair_typography(source.text)[0]


def analyse_source(source: Source, settings: Settings) -> SourceAnalysis:
    """Return the per-source analysis of ``source`` (steps 2-5)."""
    from .segment import source_context
    with _step("segment"):
        documents = segment(source, settings)
    # 3. dates: every temporal expression of every document, anchored on the document's own date
    # or on the narrative's reference time (page furniture never anchors); the calendar a file's
    # sidecar names overrides the build's; where neither a document's place nor the context names
    # a country, the texts' language chooses it (English before 1752: Julian)
    with _step("dates"):
        from .extract.calendars import language_country
        from .extract.dates import tag_documents
        text = working_text(source)
        context = source_context(source, settings)
        country = context.country[0] if context.country else None
        if country is None and context.place is None and context.language is not None:
            country = language_country(context.language[0])
        timexes = tag_documents(text, documents, calendar=context.calendar[0], country=country)
    # 4. one spaCy parse per document, kept in `parsed` for every step that needs tokens;
    # then mentions: the rule layer first, the model's entities for the rest
    from .extract.entities import document_mentions
    from .nlp import load_nlp
    with _step("spacy load"):
        nlp = load_nlp(settings.nlp.spacy_model)
    with _step("parse"):
        parsed = parse_documents(text, documents, nlp, settings.nlp.batch_size)
    with _step("mentions"):
        mentions = document_mentions(text, documents, parsed, source.id, timexes, source.blocks)
    # 5. claims: the dated clauses, from the same parses, stored as a layer for the corpus step; the
    # date layer stored is the one the claims were read from (years completed, dates reckoned)
    with _step("claims"):
        from .claims import claims_to_json
        from .claims import read_source as read_claims
        reading = read_claims(text, documents, parsed, timexes, mentions, settings.events.summary_words)
    layers = {"claims": claims_to_json(reading.claims)}
    if context.country:  # the country its file declares (sidecar, else context.country): the corpus step's geocoder
        layers["context"] = {"country": context.country[0]}
    return SourceAnalysis(source=source, documents=documents, timexes=reading.timexes, mentions=mentions,
                          layers=layers)


def parse_documents(text: str, documents: list[Document], nlp: Any, batch_size: int = 32) -> list[Any]:
    """Return one spaCy ``Doc`` per document of ``text``, parsed once in batches with ``nlp.pipe``.

    Offsets in a Doc count from its document's ``char_start``.
    """
    from .nlp import parse_texts
    return parse_texts([text[d.char_start:d.char_end] for d in documents], nlp, batch_size)


class StoredTexts(Mapping):
    """Source id -> the working text (:func:`working_text`), read from the store when asked for.

    The corpus steps that look into texts (coordination and acronyms for entities, place
    and name checks for conflicts) go source by source, so only the last ``keep`` sources
    are held; iteration follows the store's order of sources (name, then id). With
    ``working`` False the texts are the sources' own, unrepaired (what reuse offsets count in).
    """

    def __init__(self, store: Store, keep: int = 16, working: bool = True):
        names = store.source_names()
        self._ids = sorted(names, key=lambda i: (names[i], i))
        self._known = set(self._ids)
        self._store, self._keep, self._working = store, keep, working
        self._cache: OrderedDict[str, str] = OrderedDict()

    def sources(self) -> Iterator[Source]:
        """Return the stored sources one at a time, in the store's order, none of them kept."""
        for source_id in self._ids:
            source = self._store.source(source_id)
            if source is not None:
                yield source

    def __getitem__(self, source_id: str) -> str:
        if source_id in self._cache:
            self._cache.move_to_end(source_id)
            return self._cache[source_id]
        source = self._store.source(source_id) if source_id in self._known else None
        if source is None:
            raise KeyError(source_id)
        text = self._cache[source_id] = working_text(source) if self._working else source.text
        if len(self._cache) > self._keep:
            self._cache.popitem(last=False)
        return text

    def __contains__(self, source_id: object) -> bool:
        return source_id in self._known

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


def build_corpus_layer(store: Store, settings: Settings, authority: str | None = None, engine: Any = None,
                       partitions: int | None = None) -> None:
    """Recompute the corpus-wide layer (entities, reuse, events, conflicts) from the stored sources.

    ``authority`` is the path of a CSV/JSON authority file that pins identities, or None.
    Reuse candidates and verification, and event merging, run in partitions on ``engine``
    (:mod:`quellen.engines`: ``partitions``, by default one per worker, at least; in this
    process when None); the layer is the same for any engine and any number of partitions.
    """
    mapper = engine.map if engine is not None else None
    partitions = partitions or (engine.workers if engine is not None else 1)
    # 3. entities: all mentions resolved across the corpus, places geocoded, document refs linked
    from .extract.places import get_gazetteer
    from .extract.resolve import link_document_refs, load_authority
    from .extract.resolve_partition import resolve_partitioned
    with _step("corpus texts"):
        # the texts are read from the store as the steps reach them, a few sources at a time
        texts = StoredTexts(store)
        stored_documents = store.documents()
        # the country each file declares, which its ambiguous place names prefer
        countries = {sid: (store.layer(sid, "context") or {}).get("country") for sid in texts}
    with _step("gazetteer"):
        gazetteer = get_gazetteer()
    with _step("entities"):
        # in partitions of name-key components (extract.resolve_partition), as the single run
        entities, mention_entities = resolve_partitioned(
            store.mentions(), texts, load_authority(authority) if authority else None,
            "default" if mapper is not None else gazetteer, partitions=partitions, mapper=mapper,
            settings=settings.entities, source_countries={sid: cc for sid, cc in countries.items() if cc})
        # linked afresh from these entities: a link kept from the previous layer made a store built in
        # two steps differ from one built at once, and could name an entity this layer no longer has
        by_id = {d.id: _unlinked(d) for d in stored_documents}
        by_id.update({d.id: d for d in link_document_refs(list(by_id.values()), entities)})
        # the documents as linked above, so that "I" in a letter is its author's entity
        document_refs = [d for d, before in zip(by_id.values(), stored_documents) if d != before]
        documents = list(by_id.values())
        del stored_documents
    from .reuse import find_reuse
    # reuse runs before events are counted: copying is not corroboration; it sees the linked
    # authors, so that one writer's two letters ("L. T." and his full name) are one voice
    with _step("reuse"):
        # the sources streamed: tokenized one at a time, their texts read again from the store when needed
        raw = StoredTexts(store, working=False)
        reuse = find_reuse(raw.sources(), documents, settings.reuse, timexes=store.timexes(),
                           partitions=partitions, mapper=mapper, texts=raw, collation_text=True)
        del raw
    # 5. events: claims merged across documents, witnesses counted after reuse, conflicts flagged
    with _step("events"):
        from .claims import claims_from_json
        from .conflicts import place_index
        from .corroborate import build_timeline, resolve_claims
        claims = resolve_claims([c for sid in texts for c in claims_from_json(store.layer(sid, "claims"))],
                                mention_entities, by_id)
        events, conflicts = build_timeline(claims, documents, reuse, texts, places=place_index(entities, gazetteer),
                                           events_settings=settings.events, conflict_settings=settings.conflicts,
                                           partitions=partitions, mapper=mapper)
    with _step("store corpus"):
        store.replace_corpus_layer(entities=entities, mention_entities=mention_entities, reuse=reuse,
                                   events=events, conflicts=conflicts, document_refs=document_refs)


@dataclass(frozen=True)
class Failed:
    """A file whose analysis failed, as a worker hands it back: the error's class name, the file, why.

    ``path`` and ``reason`` are printable already (:func:`~quellen.errors.printable`);
    ``cause`` is the exception itself: it stays in the process that raised it (its
    traceback, as text, travels with the reason to the writer's process instead).
    """

    error: str
    path: str
    reason: str
    cause: BaseException | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, error: str, path: str, reason: str, cause: BaseException | None = None) -> "Failed":
        """Return the failure of ``path`` with its name and reason made printable."""
        return cls(error, printable(str(path)), printable(reason), cause)

    def __reduce__(self) -> tuple:
        reason = self.reason
        if self.cause is not None:
            import traceback
            trace = "".join(traceback.format_exception(self.cause, limit=-3)).rstrip()
            reason = f"{reason}{printable(chr(10) + trace)}"
        return (Failed, (self.error, self.path, reason))

    def exception(self) -> InputError:
        """Return the :class:`InputError` this stands for (its ``__cause__`` the original exception, when here)."""
        from . import errors
        cls = getattr(errors, self.error, AnalysisFailed)
        if not (isinstance(cls, type) and issubclass(cls, InputError)):
            cls = AnalysisFailed
        exc = cls.__new__(cls)
        # path and reason are printable already: escaping them again would double every backslash
        Exception.__init__(exc, f"{self.path}: {self.reason}")
        exc.path, exc.reason = self.path, self.reason
        exc.__cause__ = self.cause
        return exc


def analyse_input(path: str, data: bytes, settings: Settings) -> SourceAnalysis | Failed:
    """Return the analysis of the file ``path`` whose bytes are ``data``, or :class:`Failed` saying why not.

    The unit of work an engine runs (in this process, a worker process or a Dask worker):
    everything it needs travels in its arguments, everything it found in its result.
    """
    try:
        with _step("read"):
            source = read_source(path, settings.ingest, data=data)
        return analyse_source(source, settings)
    except InputError as exc:  # path and reason printable already
        return Failed(type(exc).__name__, exc.path, exc.reason, exc.__cause__)
    except Exception as exc:  # a bug in one step must not lose the other files of the build
        return Failed.of("AnalysisFailed", path, f"analysis failed ({type(exc).__name__}: {exc}); "
                                                 "nothing of this file was stored", exc)


def build(paths: list[str], store: Store, settings: Settings | None = None,
          progress: Progress | None = None, authority: str | None = None, workers: int = 1,
          engine: str = "local", scheduler: str | None = None) -> BuildReport:
    """Return a :class:`BuildReport` after reading ``paths`` into ``store``.

    Files whose bytes are stored already (with the same settings) are skipped;
    each new file is analysed and stored in its own transaction, so a failure
    leaves the store as it was; the corpus layer is rebuilt when anything changed
    (sources, settings, or the authority file's contents). ``authority`` names a CSV/JSON
    authority file; later builds keep applying it until another (or ``""``) is given.

    The analyses run on ``engine`` (:mod:`quellen.engines`: ``"local"`` with ``workers``
    processes, 1 = this process, None = every core; or ``"dask"`` on the cluster at
    ``scheduler``, a LocalCluster without one); this process alone writes, in the
    order of the inputs, so the store is the same for any engine and any ``workers``.
    """
    settings = settings or Settings()
    started = time.perf_counter()
    report = BuildReport()
    files, errors, skipped = discover(paths, settings.ingest)
    report.failed.extend(errors)
    skipped = _not_the_store(skipped, store)
    if skipped:
        names = ", ".join(printable(str(p)) for p in skipped[:5]) + (
            f" and {len(skipped) - 5} more" if len(skipped) > 5 else "")
        report.warnings.append(
            f"passed over {len(skipped)} file{'s' if len(skipped) != 1 else ''} of a kind quellen does not "
            f"read (it reads {', '.join(settings.ingest.extensions)}; setting ingest.extensions): {names}")
    report.warnings.extend(_gone_from_folders([str(p) for p in paths], files, store))
    shash = settings_hash(settings)
    build_id = store.start_build(__version__, settings.to_dict(), [printable(str(p)) for p in paths],
                                 dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
    from .engines import open_engine
    if engine == "local" and workers is not None and len(files) <= 1:
        workers = 1  # one file: a pool would only add the start of a worker
    from .nlp import one_blas_thread
    with open_engine(engine, workers, scheduler, settings.nlp.spacy_model) as runner, one_blas_thread():
        _analyse_and_store(files, store, settings, shash, runner, report, progress)
        if report.added:
            _year_by_weekdays(store, settings, shash, report.warnings, files, report.added)
        if progress:
            progress("corpus", len(files), len(files))
        # the corpus steps' partitions run on the same engine, still open
        _corpus_step(store, settings, authority, report, runner)
    report.seconds = time.perf_counter() - started
    store.finish_build(build_id, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                       len(report.added), len(report.unchanged), [str(e) for e in report.failed],
                       round(report.seconds, 3))
    return report


#: the rule of a date whose year the weekdays of its source's heads chose (:func:`_year_by_weekdays`)
_WEEKDAY_RULE = "inferred: weekdays agree with "


def _year_by_weekdays(store: Store, settings: Settings, shash: str, warnings: list[str],
                      files: list[Path] = (), added: Iterable[str] = ()) -> None:
    """Analyse again, with the year its heads' weekdays agree with (:func:`quellen.segment.dating.weekday_year`), each
    stored source that states no year and heads its entries with a month, a day and a weekday; the years tried
    are those of the other sources' documents (their own, not inferred so), ``segment.weekday_year_margin`` on each
    side. Its documents' dates say so (basis inferred); ``warnings`` gets a line for each source dated or dated anew.

    A source is analysed alone, so only here, with the corpus stored, can the other documents' years be seen; and
    they change as sources are added (a build, ``added`` naming the files it stored) or removed (:func:`remove`):
    every such source's year is chosen again each time, and one that no longer follows (its only dated neighbour
    removed) is analysed again without a year. A source not among the build's ``files`` is read again from the
    path it was built from, when its bytes there are still the stored ones; else its year stays, with a warning.
    """
    from dataclasses import replace as _replace

    from .model import DateBasis
    from .segment.dating import weekday_head, weekday_year
    seg = settings.segment
    if settings.context.year or seg.weekday_year_margin <= 0:
        return
    added = set(added)
    paths = {printable(str(p)): p for p in files}
    documents = store.documents()
    by_source: dict[str, list[Document]] = {}
    for d in documents:
        by_source.setdefault(d.source, []).append(d)
    stated = [d for d in documents if d.date is not None and d.date.basis != DateBasis.INFERRED]
    for source in store.sources():
        own = by_source.get(source.id, [])
        inferred = [d for d in own if d.date is not None and (d.date.rule or "").startswith(_WEEKDAY_RULE)]
        if not source.path or (not inferred and any(d.date is not None for d in own)):
            continue
        path = paths.get(printable(str(source.path)))
        text = working_text(source)
        heads = [h for h in (weekday_head(text[d.char_start:d.char_end].strip().split("\n", 1)[0]) for d in own) if h]
        if len(heads) < seg.head_shape_min_count:
            continue
        years = [d.date.earliest.year for d in stated if d.source != source.id]
        margin = seg.weekday_year_margin
        year = weekday_year(heads, range(min(years) - margin, max(years) + margin + 1),
                            seg.head_shape_calendar_agreement) if years else None
        was = int(inferred[0].date.rule[len(_WEEKDAY_RULE):].split()[0]) if inferred else None
        if year == was:
            continue
        name = printable(str(source.path))
        if path is None or printable(str(path)) not in added:
            # built earlier: read again from where it was built, if it is still the same file
            path = Path(source.path)
            try:
                same = sha256_of(read_bytes(path, settings.ingest)) == source.sha256
            except (OSError, InputError):
                same = False
            if not same:
                warnings.append(f"{name}: its year ({was or 'none'}) was chosen by its weekdays among the other "
                                f"sources' years, which changed ({year or 'none'} now); the file is no longer "
                                "as it was built, so it keeps its dates: build it again to date it anew")
                continue
        run = _replace(settings, context=_replace(settings.context, year=year)) if year else settings
        result = analyse_input(str(path), read_bytes(path, settings.ingest), run)
        if isinstance(result, Failed):
            continue
        why = f"{_WEEKDAY_RULE}{year}"
        dated = [_replace(d, date=_replace(d.date, basis=DateBasis.INFERRED, rule=why))
                 if year and d.date is not None and d.date.basis == DateBasis.YEAR_FROM_CONTEXT else d
                 for d in result.documents]
        store.add_source(result.source, dated, result.timexes, result.mentions, result.layers,
                         settings_hash=_with_sidecar(shash, path))
        if year is None:
            warnings.append(f"{name}: no year stated, and the weekdays of its heads no longer choose one among the "
                            f"years of the other sources' documents (they chose {was}): its dates have no year again")
        else:
            warnings.append(f"{name}: no year stated; the weekdays of its heads agree with {year} (among the years of "
                            f"the other sources' documents, {seg.weekday_year_margin} on each side): its dates are "
                            f"of that year, inferred" + (f" (they chose {was} before)" if was else ""))


def remove(paths: list[str], store: Store, settings: Settings | None = None,
           authority: str | None = None) -> RemoveReport:
    """Return a :class:`RemoveReport` after deleting the sources read from ``paths`` and recomputing the corpus layer.

    A path names the sources read from that file (as the build was given it, or the same file
    by its absolute path, existing or not), every source read from inside it when it is a folder,
    or a source by its id. Each source goes with everything derived only from it: documents,
    dates, mentions, claims and full-text rows; then entities, reuse groups, events and conflicts
    are computed again over the sources that stay (with ``settings`` and the authority file in
    force, as :func:`build` would). All of it is one transaction: an error leaves the store as it
    was. A path that names no stored source raises :class:`~quellen.errors.InputError` naming it,
    before anything is written.
    """
    settings = settings or Settings()
    started = time.perf_counter()
    report = RemoveReport()
    stored = store.source_paths()
    unknown = []
    for path in paths:
        found = stored_sources_at(path, stored)
        if not found:
            unknown.append(printable(str(path)))
        report.removed.update({sid: stored[sid] for sid in found})
    if unknown:
        from .errors import MissingInput
        known = sorted(set(stored.values()))
        hint = (f"; it holds {', '.join(known[:5])}" + (f" and {len(known) - 5} more" if len(known) > 5 else "")
                if known else "; it holds no source")
        raise MissingInput(", ".join(unknown), f"no source of the store {store.label} was read from "
                                               f"{'this path' if len(unknown) == 1 else 'these paths'}{hint}")
    held = BuildReport()
    authority = _authority_in_force(store, authority, held)
    report.warnings.extend(str(e) for e in held.failed)
    with store.transaction():
        for sid in sorted(report.removed):
            store.remove_source(sid)
        # a yearless diary dated by the weekdays among the years of the sources removed is dated again
        _year_by_weekdays(store, settings, settings_hash(settings), report.warnings)
        # the corpus layer over the sources that stay, in the same transaction: a failure keeps them all
        build_corpus_layer(store, settings, authority=authority)
        store.set_meta("corpus_hash", _corpus_hash(store, settings_hash(settings, per_source=False)
                                                   + _file_hash(authority)))
        store.set_meta("authority", str(Path(authority).resolve()) if authority else "")
    report.corpus_rebuilt = True
    report.seconds = time.perf_counter() - started
    return report


def stored_sources_at(path: str, stored: Mapping[str, str]) -> list[str]:
    """Return the ids of the ``stored`` sources ({id: path read from}) that ``path`` names, in id order.

    ``path`` names a source read from it (the same string, or the same file once both are made
    absolute), every source read from inside it (a folder), or a source by its id.

    >>> stored_sources_at("letters", {"src-1": "letters/a.txt", "src-2": "other/b.txt"})
    ['src-1']
    """
    if path in stored:
        return [path]
    here = os.path.realpath(path)
    inside = here.rstrip(os.sep) + os.sep
    return sorted(sid for sid, was in stored.items()
                  if was == path or os.path.realpath(was) == here or os.path.realpath(was).startswith(inside))


def _gone_from_folders(paths: list[str], files: list[Path], store: Store) -> list[str]:
    """Return a warning for each folder of ``paths`` whose stored sources are no longer among its ``files``.

    A file deleted from the corpus folder stays in the store, with its entities, reuse and events,
    until it is removed: the rebuild of the folder says so rather than pass over it.
    """
    found = {os.path.realpath(f) for f in files}
    stored = store.source_paths()
    out = []
    for path in paths:
        if not os.path.isdir(path):
            continue
        gone = sorted({stored[sid] for sid in stored_sources_at(path, stored)
                       if os.path.realpath(stored[sid]) not in found})
        if gone:
            names = ", ".join(gone[:5]) + (f" and {len(gone) - 5} more" if len(gone) > 5 else "")
            out.append(f"{printable(str(path))}: {len(gone)} stored source{'s are' if len(gone) != 1 else ' is'} "
                       f"no longer in this folder ({names}); {'they stay' if len(gone) != 1 else 'it stays'} in the "
                       f"store, with what was found in {'them' if len(gone) != 1 else 'it'}, until `quellen remove "
                       f"PATH... --db DB` removes {'them' if len(gone) != 1 else 'it'}")
    return out


def _not_the_store(paths: list[Path], store: Store) -> list[Path]:
    """Return ``paths`` without the store's own files (a store kept in the corpus folder)."""
    db = getattr(store, "path", None)
    if db is None:
        return paths
    own = {os.path.realpath(str(db) + suffix) for suffix in ("", "-wal", "-shm", "-journal")}
    return [p for p in paths if os.path.realpath(p) not in own]


def _corpus_step(store: Store, settings: Settings, authority: str | None, report: BuildReport, runner: Any) -> None:
    """Rebuild the corpus layer on ``runner`` when sources, settings or the authority file changed."""
    authority = _authority_in_force(store, authority, report)
    corpus_hash = _corpus_hash(store, settings_hash(settings, per_source=False) + _file_hash(authority))
    stale = store.get_meta("corpus_hash") != corpus_hash
    if report.added or stale:
        try:
            build_corpus_layer(store, settings, authority=authority, engine=runner)
        except StoreError:
            raise
        except Exception as exc:  # the sources stay stored; the previous corpus layer stays, stale
            failure = CorpusLayerError(
                f"the corpus step (entities, reuse, events, conflicts) failed ({type(exc).__name__}: {exc}); "
                "the sources are stored, the previous corpus layer is kept and is stale: "
                "export and serve refuse it until a build succeeds")
            failure.__cause__ = exc
            report.failed.append(failure)
        else:
            store.set_meta("corpus_hash", corpus_hash)
            store.set_meta("authority", str(Path(authority).resolve()) if authority else "")
            report.corpus_rebuilt = True


def _analyse_and_store(files: list[Path], store: Store, settings: Settings, shash: str, runner: Any,
                       report: BuildReport, progress: Progress | None) -> None:
    """Analyse the new ``files`` on ``runner`` and store each, in input order, as its result comes back.

    At most ``runner.window`` files are in flight (their bytes and analyses are what this
    holds in memory beyond the store). A file with the bytes of one still in flight waits
    for it: stored, it is unchanged; failed, it fails the same way (as if read after it).
    """
    from collections import deque
    pending: deque = deque()  # (index, path, kind, payload), in input order
    # a file read before under the same path with other bytes (an edited transcription) stays in
    # the store beside the new one: the build says so, for the two repeat each other
    earlier = {path: sid for sid, path in store.source_paths().items()}
    in_flight: dict[str, int] = {}  # sha256 -> index of the file analysing those bytes
    outcome: dict[int, Any] = {}  # index -> SourceAnalysis | Failed, kept only while a twin waits

    def finish(limit: int) -> None:
        while len(pending) > limit:
            i, path, kind, payload = pending.popleft()
            if progress:
                progress(printable(str(path)), i, len(files))
            if kind == "failed":
                report.failed.append(payload)
            elif kind == "unchanged":
                report.unchanged.append(printable(str(path)))
            elif kind == "twin":
                first = outcome.get(payload)
                if isinstance(first, Failed):
                    report.failed.append(Failed(first.error, printable(str(path)), first.reason).exception())
                else:
                    report.unchanged.append(printable(str(path)))
            else:
                sha, handle = payload
                try:
                    result = handle.result()
                except Exception as exc:  # the engine itself failed (a worker died): this file only
                    result = Failed.of("AnalysisFailed", str(path), f"analysis failed in a worker "
                                                                 f"({type(exc).__name__}: {exc}); nothing of this "
                                                                 "file was stored")
                if in_flight.get(sha) == i:
                    del in_flight[sha]
                    if any(k == "twin" and p == i for _, _, k, p in pending):
                        outcome[i] = result if isinstance(result, Failed) else True
                if isinstance(result, Failed):
                    report.failed.append(result.exception())
                    continue
                try:
                    with _step("store source"):
                        store.add_source(result.source, result.documents, result.timexes, result.mentions,
                                         result.layers, settings_hash=_with_sidecar(shash, path))
                except StoreError:  # the database, not this file: stop here, every stored source stays whole
                    raise
                except Exception as exc:  # a bug while writing: the transaction rolled back, the rest goes on
                    report.failed.append(Failed.of("AnalysisFailed", str(path),
                                                   f"analysis failed ({type(exc).__name__}: {exc}); "
                                                   "nothing of this file was stored", exc).exception())
                    continue
                report.added.append(printable(str(path)))
                report.warnings.extend(f"{printable(str(path))}: {w}" for w in source_warnings(result.source))
                if earlier.get(result.source.path, result.source.id) != result.source.id:
                    report.warnings.append(
                        f"{printable(str(path))}: the store also holds an earlier version of this file "
                        f"({earlier[result.source.path]}); both are kept, as two sources that repeat each other: "
                        f"to keep only this one, `quellen remove {earlier[result.source.path]} --db DB` takes the "
                        "earlier one out (or build into a fresh store, a new --db)")

    for i, path in enumerate(files):
        try:
            data = read_bytes(path, settings.ingest)
        except InputError as exc:
            pending.append((i, path, "failed", exc))
        else:
            sha = sha256_of(data)
            if sha in in_flight:
                pending.append((i, path, "twin", in_flight[sha]))
            elif store.has_sha256(sha, _with_sidecar(shash, path)):
                pending.append((i, path, "unchanged", None))
            else:
                in_flight[sha] = i
                pending.append((i, path, "analyse", (sha, runner.submit(analyse_input, str(path), data, settings))))
        finish(runner.window)
    finish(0)


def _unlinked(document: Document) -> Document:
    """Return ``document`` with no entity on its author, addressees or place (the corpus layer's to set)."""
    from .model import replace

    def bare(ref):
        return replace(ref, entity=None) if ref is not None and ref.entity else ref
    addressees = tuple(bare(a) for a in document.addressees)
    if (bare(document.author), addressees, bare(document.place)) == (document.author, document.addressees,
                                                                     document.place):
        return document
    return replace(document, author=bare(document.author), addressees=addressees, place=bare(document.place))


def require_corpus_layer(store: Store) -> None:
    """Return None when the store's corpus layer matches its sources; raise CorpusLayerError if not.

    Readers call it before they write an export or serve the store: without it a store whose
    corpus step failed (or never ran) exports empty entity, reuse and event lists as if the
    corpus had none.
    """
    state = store.corpus_layer_state()
    if state == "missing":
        raise CorpusLayerError("the store has sources but no corpus layer (entities, reuse, events, "
                               "conflicts): its corpus step never finished; run `quellen build` again")
    if state == "stale":
        raise CorpusLayerError("the store's corpus layer (entities, reuse, events, conflicts) is stale: "
                               "sources changed since its last corpus step, which failed or did not run; "
                               "run `quellen build` again")


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
