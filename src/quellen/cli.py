"""The command line: parse arguments, call the library, print. Nothing else."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ._version import __version__
from .errors import QuellenError, printable
from .settings import IngestSettings, load_settings

DEFAULT_DB = "quellen.db"


def escape(text: str) -> str:
    """Return ``text`` with rich markup escaped (a file named ``[draft].txt`` is not a style)."""
    from rich.markup import escape as rich_escape
    return rich_escape(text)


def _console(stderr: bool = False):
    import os
    import sys
    from rich.console import Console
    stream = sys.stderr if stderr else sys.stdout
    # piped into a file or a pager, tables keep a readable width instead of rich's 80 columns
    width = None if stream.isatty() or os.environ.get("COLUMNS") else 132
    return Console(stderr=stderr, highlight=False, soft_wrap=False, width=width)


def _table(*columns: str, cut: tuple[str, ...] = ("title", "first words", "summary")):
    """Return a borderless rich table in which only the ``cut`` columns give up width, with an ellipsis."""
    from rich.table import Table
    table = Table(box=None)
    for name in columns:
        if name in cut:
            table.add_column(name, no_wrap=True, overflow="ellipsis", ratio=1, min_width=8)
        else:  # ids, kinds and dates are read whole or not at all
            table.add_column(name, no_wrap=True)
    return table


def _fit(table) -> None:
    """Give every column that may not be cut the width of its longest cell."""
    for column in table.columns:
        if column.ratio is None:
            column.min_width = max([len(str(column.header)), *(len(str(c)) for c in column._cells)])


def _open(db: str, create: bool = False):
    """Return the store at ``db``: read-write to build (``create``), else read-only, so a store in a
    read-only folder or on read-only media can be read; an older store that needs migrating is
    opened read-write once to migrate it."""
    from .errors import StoreError
    from .store import open_store
    if create:
        return open_store(db, create=True)
    try:
        return open_store(db, create=False, readonly=True)
    except StoreError as exc:
        if "needs migrating" not in str(exc):
            raise
    return open_store(db, create=False)


def _count(n: int, noun: str) -> str:
    """Return "1 conflict", "3 conflicts", "2 entities": a count with its noun in the right number."""
    if n == 1:
        return f"1 {noun}"
    return f"{n} {noun[:-1]}ies" if noun.endswith("y") else f"{n} {noun}s"


def _first_words(text: str, n: int = 8) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


# -- commands ------------------------------------------------------------------------
def cmd_build(args) -> int:
    """Read files, folders or globs into the store."""
    from .pipeline import build
    settings = load_settings(args.config, args.set)
    err = _console(stderr=True)
    with _open(args.db, create=True) as store:
        progress = None
        bar = None
        if sys.stderr.isatty() and not args.quiet:
            from rich.progress import Progress
            bar = Progress(console=err, transient=True)
            bar.start()
            task = bar.add_task("reading", total=None)

            def progress(what: str, done: int, total: int) -> None:
                bar.update(task, description=escape(printable(Path(what).name[:40])), completed=done, total=total)
        try:
            report = build(args.paths, store, settings, progress=progress, authority=args.authority,
                           workers=args.workers, engine=args.engine, scheduler=args.scheduler)
        finally:
            if bar:
                bar.stop()
        counts, label = store.counts(), store.label
    for failure in report.failed:
        # one line per failure, never wrapped: a message a script can grep
        err.print(f"[red]error[/red]: {escape(str(failure))}", markup=True, soft_wrap=True)
    for warning in report.warnings:
        err.print(f"[yellow]warning[/yellow]: {escape(warning)}", markup=True, soft_wrap=True)
    if not args.quiet:
        held = ", ".join(_count(counts[key], noun) for key, noun in (
            ("sources", "source"), ("documents", "document"), ("entities", "entity"), ("events", "event"),
            ("reuse_groups", "reuse group"), ("conflicts", "conflict")))
        err.print(f"{len(report.added)} added, {len(report.unchanged)} unchanged, "
                  f"{len(report.failed)} failed in {report.seconds:.1f} s; the store holds {held} ({label})",
                  soft_wrap=True)
    return 1 if report.failed else 0


def cmd_remove(args) -> int:
    """Delete sources (and all found in them only) from the store and recompute the corpus layer."""
    from .pipeline import remove
    from .store import open_store
    settings = load_settings(args.config, args.set)
    err = _console(stderr=True)
    with open_store(args.db, create=False) as store:
        report = remove(args.paths, store, settings, authority=args.authority)
        counts, label = store.counts(), store.label
    for warning in report.warnings:
        err.print(f"[yellow]warning[/yellow]: {escape(warning)}", markup=True, soft_wrap=True)
    if not args.quiet:
        for path in sorted(set(report.removed.values())):
            err.print(f"removed {escape(path)}", soft_wrap=True)
        held = ", ".join(_count(counts[key], noun) for key, noun in (
            ("sources", "source"), ("documents", "document"), ("entities", "entity"), ("events", "event"),
            ("reuse_groups", "reuse group"), ("conflicts", "conflict")))
        err.print(f"{_count(len(report.removed), 'source')} removed in {report.seconds:.1f} s; the store holds "
                  f"{held} ({label})", soft_wrap=True)
    return 0


def cmd_export(args) -> int:
    """Write the store in an export format."""
    from .export import export
    from .pipeline import require_corpus_layer
    with _open(args.db) as store:
        require_corpus_layer(store)  # never an export with empty layers where the corpus step failed
        written = export(store, args.format, args.output)
    for path in written:
        added = (f" ({path.suffix} added: the tools that open a {args.format} file know it by its suffix)"
                 if len(written) == 1 and path.name == Path(args.output).name + path.suffix else "")
        _console(stderr=True).print(f"wrote {path}{added}", markup=False, soft_wrap=True)
    return 0


def cmd_serve(args) -> int:
    """Serve the web app over the store (read-only)."""
    from .pipeline import require_corpus_layer
    from .web import serve
    with _open(args.db) as store:  # a clear error for a missing or foreign database, before the server starts
        label = store.label  # a PostgreSQL password is not printed
        require_corpus_layer(store)
    def ready() -> None:
        _console(stderr=True).print(f"quellen: serving {label} on http://{args.host}:{args.port}/", markup=False)

    serve(args.db, host=args.host, port=args.port, token=args.token, workers=args.workers, ready=ready)
    return 0


def cmd_report(args) -> int:
    """Write one self-contained HTML report (overview, timeline, map, conflicts, reused passages, events)."""
    from .export import export
    from .pipeline import require_corpus_layer
    with _open(args.db) as store:
        require_corpus_layer(store)
        written = export(store, "report", args.output)
    for path in written:
        added = " (.html added: the report is a web page)" if str(path) != str(Path(args.output)) else ""
        _console(stderr=True).print(f"wrote {path}{added}", markup=False, soft_wrap=True)
    return 0


def cmd_documents(args) -> int:
    """List documents: id, kind, date and how it was reached, author, title, first words."""
    from .model import DOCUMENT_KINDS
    if args.kind and args.kind not in DOCUMENT_KINDS:
        raise QuellenError(f"unknown document kind {args.kind!r}; one of {', '.join(DOCUMENT_KINDS)}")
    with _open(args.db) as store:
        documents = store.documents(kind=args.kind)
        sources = {s.id: s.text for s in store.sources()}
    if args.json:
        from .vocab import document_json
        print(json.dumps([document_json(d) for d in documents], ensure_ascii=False, indent=1))
        return 0
    from .export.shape import date_label
    from .web.views import date_basis
    # how each date was reached, as the reader says it: "stated", "partly inferred" (its year from
    # the context), "reckoned", "inferred"; `show` and --json say from what
    table = _table("id", "kind", "date", "dated", "author", "title", "first words")
    for d in documents:
        table.add_row(d.id, d.kind, date_label(d.date), (date_basis(d.date) or {}).get("basis", ""),
                      (d.author.name if d.author else "")[:24],
                      (d.title or "")[:32], _first_words(sources[d.source][d.char_start:d.char_end]))
    _fit(table)
    _console().print(table)
    return 0


def cmd_show(args) -> int:
    """Print one document with its metadata."""
    with _open(args.db) as store:
        d = store.document(args.doc_id)
        if d is None:
            raise QuellenError(f"no document {args.doc_id!r} in {store.label} (see `quellen documents`)")
        source = store.source(d.source)
    if args.json:
        from .vocab import document_json
        print(json.dumps({**document_json(d), "text": source.text[d.char_start:d.char_end]},
                         ensure_ascii=False, indent=1))
        return 0
    out = _console()
    out.print(f"[bold]{d.id}[/bold]  {d.kind}  ({source.name} {d.char_start}-{d.char_end})", markup=True)
    # where a value came from is part of it ("metadata": the file's, not the text's)
    for label, value in (("title", d.title),
                         ("author", d.author and d.author.name + (f"  ({d.author.basis})" if d.author.basis else "")),
                         ("to", ", ".join(a.name for a in d.addressees)),
                         ("date", d.date and f"{d.date.text} = {d.date.edtf}  ({d.date.basis}"
                          + (f", {d.date.calendar} calendar" if d.date.calendar != "gregorian" else "") + ")"),
                         ("place", d.place and d.place.name), ("primary", d.primary)):
        if value not in (None, ""):
            out.print(f"{label:>8}: {value}", markup=False)
    out.print()
    out.print(source.text[d.char_start:d.char_end], markup=False)
    return 0


def _marked(snippet: str):
    """Return ``snippet`` (matched words between ``\x02`` and ``\x03``) as rich text, the matches in bold."""
    import re
    from rich.text import Text
    out = Text()
    for i, part in enumerate(re.split("[\x02\x03]", snippet or "")):
        out.append(re.sub(r"\s+", " ", part), style="bold" if i % 2 else None)
    return out


def cmd_search(args) -> int:
    """Print the store's full-text hits for a query: documents and entity names, with a snippet."""
    import re
    with _open(args.db) as store:
        hits = store.search(args.query, limit=args.limit, kind=args.kind)
        names = store.source_names() if hits else {}
    marked = [h["snippet"] or "" for h in hits]
    for h, snippet in zip(hits, marked):
        h["source_name"] = names.get(h["source"], "") if h["source"] else ""
        h["snippet"] = re.sub(r"\s+", " ", re.sub("[\x02\x03]", "", snippet)).strip()
        h["matched"] = re.findall("\x02([^\x03]*)\x03", snippet)
    if args.json:
        print(json.dumps(hits, ensure_ascii=False, indent=1))
        return 0
    if hits:
        table = _table("id", "kind", "source", "title", "snippet", cut=("title", "snippet"))
        for h, snippet in zip(hits, marked):
            table.add_row(h["id"], h["kind"], h["source_name"], h["title"] or "", _marked(snippet.strip()))
        _fit(table)
        _console().print(table)
    else:
        among = f" among the {_count(2, args.kind)[2:]}" if args.kind else ""
        _console(stderr=True).print(f"no hits for {args.query!r}{among}", markup=False)
    return 0


def _distinct_names(store) -> dict[str, str]:
    """Return {source id: its file name}, or the path it was built from where two sources share a name
    (an edited copy in another folder, two folders' "letters.txt"): a name that names two files says neither."""
    from collections import Counter
    names = store.source_names()
    shared = {n for n, k in Counter(names.values()).items() if k > 1}
    paths = store.source_paths() if shared else {}
    return {sid: paths.get(sid) or name if name in shared else name for sid, name in names.items()}


def cmd_reuse(args) -> int:
    """List reuse groups: relation, score, and per passage its document, file, date, writer and first words;
    the first passage of a group is the earliest dated witness, the one the others repeat."""
    from .export.shape import date_label
    with _open(args.db) as store:
        groups = store.reuse_groups()
        texts = {s.id: s.text for s in store.sources()} if groups else {}
        names = _distinct_names(store) if groups else {}
        documents = {d.id: d for d in store.documents()} if groups else {}

    from .reuse import witness_dates
    ordered_by = witness_dates(documents.values())

    def written(p) -> dict:
        d = documents.get(p.document or "")
        when = ordered_by.get(p.document or "")
        return {"source_name": names.get(p.source, ""),
                "document_date": d.date.edtf if d and d.date else None,
                "document_author": d.author.name if d and d.author else None,
                "witness_date": when.earliest.isoformat() if when else None}

    def shown_date(p) -> str:
        """The document's date, else the heading's above it that orders the witness, said so."""
        d = documents.get(p.document or "")
        if d and d.date:
            return date_label(d.date)
        when = ordered_by.get(p.document or "")
        return f"{date_label(when)} (heading above)" if when else ""
    if args.json:
        from .vocab import passage_json, reuse_json
        print(json.dumps([{**reuse_json(g), "passages": [{**passage_json(p), **written(p), "first_words": _first_words(
                               texts[p.source][p.char_start:p.char_end])} for p in g.passages]}
                          for g in groups], ensure_ascii=False, indent=1))
        return 0
    # a group on a line of its own, then its witnesses in order: the first is the earliest dated (then the
    # fullest), the text the others repeat; a later one shows how it repeats the first, where that is known
    table = _table("group / document", "relation, score", "source", "date", "author", "first words",
                   cut=("author", "first words"))
    for g in groups:
        table.add_row(g.id, f"{g.relation}, {g.score:.2f}", "", "", "", "")
        for k, p in enumerate(g.passages):
            d = documents.get(p.document or "")
            table.add_row("  " + (p.document or p.source), "first" if k == 0 else f"({p.relation or 'repeats'})",
                          names.get(p.source, ""), shown_date(p),
                          d.author.name if d and d.author else "",
                          _first_words(texts[p.source][p.char_start:p.char_end]))
    _fit(table)
    _console().print(table)
    if not groups:
        _console(stderr=True).print("no reuse groups in this store")
    return 0


def cmd_entities(args) -> int:
    """List entities: type, name, mention count, aliases, place or authority id."""
    from .model import ENTITY_TYPES, GEO_PLACED_AS
    if args.type and args.type not in ENTITY_TYPES:
        raise QuellenError(f"unknown entity type {args.type!r}; one of {', '.join(ENTITY_TYPES)}")
    with _open(args.db) as store:
        entities = store.entities(type=args.type)
    if args.json:
        from .vocab import entity_json
        print(json.dumps([{**entity_json(e), "mention_count": len(e.mentions)} for e in entities],
                         ensure_ascii=False, indent=1))
        return 0
    from rich.table import Table
    table = Table("id", "type", "name", "mentions", "aliases", "where / authority", box=None)
    for e in entities:
        where = (f"{e.geo.lat:.3f}, {e.geo.lon:.3f} ({e.geo.gazetteer} {e.geo.gazetteer_id})" if e.geo else "")
        if e.geo and e.geo.precision in GEO_PLACED_AS:
            # a street given its town's point must not read as the street's own
            where += f" ≈ {e.geo.name}: {GEO_PLACED_AS[e.geo.precision]}" if e.geo.name != e.name \
                else f" ≈ {GEO_PLACED_AS[e.geo.precision]}"
        if e.authority:
            where = " ".join(filter(None, [where, *(f"{k}:{v}" for k, v in sorted(e.authority.items()))]))
        aliases = "; ".join(e.aliases[:6]) + (" …" if len(e.aliases) > 6 else "")
        table.add_row(e.id, e.type, e.name, str(len(e.mentions)), aliases, where)
    _console().print(table)
    if not entities:
        _console(stderr=True).print("no entities in this store" + (f" of type {args.type}" if args.type else ""))
    return 0


def cmd_timex(args) -> int:
    """Tag the temporal expressions of one plain text file and print them as JSON or TimeML."""
    import datetime as dt
    from .extract.dates import tag, timex_json
    from .export.timeml import to_timeml
    try:
        text = Path(args.file).read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise QuellenError(f"{args.file}: cannot read ({exc})") from None
    try:
        dct = dt.date.fromisoformat(args.dct) if args.dct else None
    except ValueError:
        raise QuellenError(f"--dct expects YYYY-MM-DD, got {args.dct!r}") from None
    settings = load_settings(args.config, args.set)
    found = timex_json(tag(text, dct=dct, calendar=settings.dates.calendar, country=args.country))
    if args.format == "timeml":
        sys.stdout.write(to_timeml(text, found, args.dct))
    else:
        print(json.dumps(found, ensure_ascii=False, indent=1))
    return 0


def _positive(text: str) -> int:
    """Return ``text`` as a whole number of 1 or more."""
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return n


def _date_arg(text: str) -> str:
    """Return ``text`` when it is a year, a year and month or a day (``1847``, ``1847-04``, ``1847-04-14``)."""
    import re
    if not re.fullmatch(r"\d{1,4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?", text.strip()):
        raise argparse.ArgumentTypeError(f"{text!r} is no year, YYYY-MM or YYYY-MM-DD")
    parts = [int(x) for x in text.strip().split("-")]
    if len(parts) == 3:
        import calendar
        # "1873-02-30" was taken as the 1st of March: a bound on a day no calendar has is a slip to name
        if parts[2] > calendar.monthrange(parts[0] or 4, parts[1])[1]:
            raise argparse.ArgumentTypeError(f"{text!r}: {calendar.month_name[parts[1]]} {parts[0]} has no day "
                                             f"{parts[2]}")
    return text.strip()


def _day_bound(text: str | None, last: bool) -> str | None:
    """Return the first (or ``last``) day of the year, month or day ``text`` names, as YYYY-MM-DD; None for None."""
    import calendar
    if not text:
        return None
    parts = text.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else (12 if last else 1)
    day = int(parts[2]) if len(parts) > 2 else (calendar.monthrange(year or 4, month)[1] if last else 1)
    return f"{year:04d}-{month:02d}-{day:02d}"


def cmd_timeline(args) -> int:
    """Print the timeline: date, summary, independent witnesses / attestations, conflict mark."""
    from .corroborate import entities_called, events_about
    start, end = _day_bound(args.start, last=False), _day_bound(args.end, last=True)
    if start and end and start > end:
        raise QuellenError(f"--from {args.start} is after --to {args.end}: no event lies between them")
    with _open(args.db) as store:
        events = store.events(start, end)
        if args.person:
            entities = store.entities()
            events = events_about(events, entities, args.person)
            if not events and not entities_called(entities, args.person):
                # a misspelt name printed an empty timeline, as if the person did nothing
                raise QuellenError(f"no one called {args.person!r} in {store.label} (see `quellen entities`)")
    if args.json:
        from .vocab import event_json
        print(json.dumps([event_json(e) for e in events], ensure_ascii=False, indent=1))
        return 0
    from .export.shape import date_label  # a reader's label ("spring 1812"); --json keeps the EDTF value
    table = _table("date", "witnesses", "", "summary")
    for e in events:
        table.add_row(date_label(e.date), f"{e.independent_sources}/{len(e.attestations)}",
                      "!" * min(len(e.conflicts), 3), e.summary)
    _fit(table)
    _console().print(table)
    return 0


def cmd_conflicts(args) -> int:
    """Print the conflicts: kind, summary, and each passage's value with its place in the text."""
    with _open(args.db) as store:
        conflicts = store.conflicts()
        names = store.source_names()
    if args.json:
        from .vocab import conflict_json
        print(json.dumps([conflict_json(c) for c in conflicts], ensure_ascii=False, indent=1))
        return 0
    out = _console()
    for c in conflicts:
        out.print(f"[bold]{c.kind}[/bold] {c.summary}  ({c.id})", markup=True)
        for x in c.claims:
            out.print(f"    {x.value!r}  {names.get(x.source, x.source)} {x.char_start}-{x.char_end}", markup=False)
    return 0


def cmd_config(args) -> int:
    """Print the settings in force, as JSON."""
    print(json.dumps(load_settings(args.config, args.set).to_dict(), indent=2))
    return 0


# -- wiring ----------------------------------------------------------------------------------
def make_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="quellen", description="Turn a corpus of historical texts "
                                     "into a source-critical knowledge base.")
    parser.add_argument("--version", action="version", version=f"quellen {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, func, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(func=func, command_parser=p)
        return p

    def with_db(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", default=DEFAULT_DB, help=f"the store (default ./{DEFAULT_DB})")

    def with_settings(p: argparse.ArgumentParser) -> None:
        p.add_argument("--config", help="settings file (default ./quellen.toml when present)")
        p.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                       help="override one setting (repeatable); see `quellen config`")

    p = command("build", cmd_build, "Read files, folders or globs into the store.")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help=f"a file, a folder (read recursively: {', '.join(IngestSettings().extensions)}) "
                   "or a glob; a file NAME.meta.toml beside a file says its author, year, place, language")
    with_db(p)
    with_settings(p)
    p.add_argument("--authority", help="CSV or JSON authority file that pins identities; later builds "
                   "keep applying it (--authority '' stops)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="analyse sources in N worker processes (default: every core; 1: in this process); "
                   "the store is the same for any N")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="where the per-source analysis runs: local processes, or a Dask cluster (extra [scale])")
    p.add_argument("--scheduler", metavar="tcp://HOST:8786",
                   help="the Dask scheduler to use with --engine dask (default: a LocalCluster of --workers)")
    p.add_argument("-q", "--quiet", action="store_true", help="print errors only")

    p = command("remove", cmd_remove, "Delete sources from the store (a file deleted from the corpus) and "
                "everything found in them only; recompute entities, reuse, events and conflicts.")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="a file as it was built (it need not exist any more), a folder (every source read from "
                   "inside it) or a source id")
    with_db(p)
    with_settings(p)
    p.add_argument("--authority", help="CSV or JSON authority file (default: the one of earlier builds)")
    p.add_argument("-q", "--quiet", action="store_true", help="print errors only")

    p = command("export", cmd_export, "Write the store in an export format.")
    with_db(p)
    from .export import FORMATS
    p.add_argument("--format", default="json", choices=sorted(FORMATS),
                   help="default json (the contract); csv and timeml write a folder of files")
    p.add_argument("--output", "-o", required=True, help="the file to write (a folder for csv and timeml; a name "
                   "without a suffix gets the format's: .json, .xml, .geojson, .gexf, .jsonld, .html)")

    p = command("documents", cmd_documents, "List documents: id, kind, date and how it was reached, author, title, "
                "first words.")
    with_db(p)
    p.add_argument("--kind", help="only documents of this kind")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = command("show", cmd_show, "Print one document with its metadata.")
    p.add_argument("doc_id", metavar="DOC_ID", help="a document id as `quellen documents` lists it (doc-...)")
    with_db(p)
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("entities", cmd_entities, "List entities: type, name, mention count, aliases, place.")
    with_db(p)
    p.add_argument("--type", help="only entities of this type (person, organization, place, work, vessel)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = command("search", cmd_search, "Search the store's texts and entity names: id, kind, source, title, "
                "snippet.")
    p.add_argument("query", metavar="QUERY", help="words to find (diacritics folded; \"a phrase\", OR, "
                   "prefix* as the store's full-text search reads them)")
    with_db(p)
    p.add_argument("--limit", type=_positive, default=20, metavar="N", help="at most N hits, best first "
                   "(default 20)")
    p.add_argument("--kind", choices=["document", "entity"], help="only documents, or only entities")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = command("reuse", cmd_reuse, "List reuse groups: relation, score, and each passage's document, file, "
                "date, writer and first words, the earliest dated witness first.")
    with_db(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = command("serve", cmd_serve, "Serve the web app over the store (read-only).")
    with_db(p)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1; any other "
                   "needs a token)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    p.add_argument("--token", default=None, help="require this token (16 characters or more) on every request "
                   "(or set QUELLEN_TOKEN)")
    p.add_argument("--workers", type=int, default=1, help="server processes (default 1; one per core serves "
                   "more readers at once)")

    p = command("report", cmd_report, "Write one self-contained HTML report (overview, timeline, map, conflicts, "
                "reused passages, events).")
    with_db(p)
    p.add_argument("--output", "-o", default="report.html", help="the HTML file to write (default report.html; "
                   "a name without .html gets it)")

    p = command("timex", cmd_timex, "Tag the temporal expressions of one plain text (JSON or TimeML).")
    p.add_argument("file", metavar="FILE", help="a plain-text file in UTF-8")
    p.add_argument("--dct", help="the document creation time, YYYY-MM-DD (anchors 'today', 'last week')")
    p.add_argument("--format", default="json", choices=["json", "timeml"], help="default json")
    p.add_argument("--country", help="ISO country code where the text was written (Julian or Gregorian)")
    with_settings(p)

    p = command("timeline", cmd_timeline, "Print the timeline: date, summary, witnesses, conflict mark.")
    with_db(p)
    p.add_argument("--from", dest="start", type=_date_arg, metavar="DATE",
                   help="only events from this year, month or day on (1847, 1847-04, 1847-04-14)")
    p.add_argument("--to", dest="end", type=_date_arg, metavar="DATE",
                   help="only events up to this year, month or day (its end)")
    p.add_argument("--person", metavar="NAME", help="only events with this person (or organization) as actor")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = command("conflicts", cmd_conflicts, "Print the conflicts and the passages that disagree.")
    with_db(p)
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("config", cmd_config, "Print the settings in force, as JSON.")
    with_settings(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Return the exit code after running the command in ``argv`` (default: ``sys.argv``)."""
    args, unknown = make_parser().parse_known_args(argv)
    if unknown:
        # said by the command's own parser, with its usage: `quellen build: error: ...`, not the top level's
        args.command_parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    try:
        return args.func(args)
    except QuellenError as exc:
        _console(stderr=True).print(f"[red]error[/red]: {escape(printable(str(exc)))}", markup=True,
                                    soft_wrap=True)
        return 2
    except KeyboardInterrupt:
        # Ctrl-C ended in silence: a build's user could not tell what of it was kept
        message = "interrupted"
        if getattr(args, "func", None) is cmd_build:
            message += (": each source stored before it stays, whole; run the same `quellen build` again to "
                        "finish (it skips them, reads the rest and rebuilds the corpus layer)")
        _console(stderr=True).print(message, soft_wrap=True)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
