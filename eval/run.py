#!/usr/bin/env python3
"""`make eval`: build every corpus of the suite, score it, print one table, write it as JSON.

    python3 eval/run.py [--corpus NAME]... [--segments-only] [--output PATH] [--floors PATH]
                        [--set SECTION.KEY=VALUE]... [--keep DIR] [--per-file] [--wrap WIDTH] [--gutenberg]

For each corpus under ``eval/corpora/`` (the seed, the five books, the Pepys slice and the held-out Muir,
Laclos and Keller slices), in turn:

- full (default): ``quellen build`` of the corpus's ``.txt`` into a fresh temporary store, then
  ``quellen export --format json``, both through the real command line (the ``quellen`` this Python
  imports: set ``PYTHONPATH`` to try a checkout), then ``eval/score.py`` on the export;
- ``--segments-only``: only steps 1-2 of the recipe (the file read as the build reads it, then
  ``quellen.segment.segment``), written as a contract-shaped export of sources and documents,
  enough for the scorer's ``[segments]`` figures, which equal the full build's. Seconds instead
  of minutes per book: the loop for work on segmentation.

The table gives, per corpus, boundary F1 (precision/recall), coarse kind, author and date
accuracy (each over the matched gold segments that carry one) and the seconds taken. The JSON
(default ``eval/results.json``, or ``eval/results-segments.json`` with ``--segments-only``) holds
the same rows plus the scorer's full figures, the commit and the mode.

``--floors`` (default ``eval/floors.json`` when present) names minimum figures per corpus; the
run exits 1 when a corpus it scored is below one of them. ``--set`` is passed to ``quellen build``.
``--keep DIR`` keeps each corpus's store and export in DIR instead of a temporary folder.
A corpus whose gold lists several files (``invented-diaries``: seven small books) builds each as a source of its
own; ``--per-file`` adds a row per file (``CORPUS/FILE``), which ``--floors`` may name too.

``--wrap WIDTH`` builds a hard-wrapped variant of every text instead (its lines broken at WIDTH columns, as a
Project Gutenberg plain text is), ``--gutenberg`` one between an invented Gutenberg header and licence footer
(``eval/wrap.py``); the documents are put back on the original text before scoring, so the same gold scores
them with the same tolerances. Floors are then checked only when ``--floors`` is given. ``--ragged`` wraps each
paragraph a few columns narrower in turn (real files' producers wrapped at 66 to 78 columns), ``--italics`` sets the
short lines standing alone (headings, datelines, signatures) as "_..._" first, as Project Gutenberg marks italics.

``--text PATH`` (with one ``--corpus``) builds PATH instead of the corpus's text and scores it with the corpus's
gold: a real Project Gutenberg file of the book, whose words differ a little from the suite's edition. Each gold
head (``first_words``) is located in it with the scorer's normalization (letters and digits, quotes and dashes
alike, "_" dropped), each after the one before (``wrap.located_heads``: none found behind, in a contents list),
whole or by its first four words;
both rows are scored on the gold segments whose heads the file holds, and the others are counted. Furniture
documents opening inside the file's own header or licence are set aside as for ``--gutenberg`` (``wrap.real_frame``).
A row ``CORPUS (reference)`` follows: the suite's own text of the same gold segments (``wrap.reference_excerpt``),
so a file that is only a part of the book is compared with the same part unwrapped.

A corpus with a ``dates.json`` (date mentions an edition's editors dated, ``eval/timex_gold.py``) also gets a row in a
second table, in both modes (segmentation and the dates step only): gold dates, found (a timex overlaps), right (its
interval holds the editor's day; a weekday alone must be that very day) and exact, which ``--floors`` may name as
``date_mention_found``, ``date_mention_right``.
"""
from __future__ import annotations

import argparse
import importlib.util
import inspect
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = HERE / "corpora"
#: the figures of the table, as (column, key in the scorer's [segments] figures)
COLUMNS = (("boundary F1", "boundaries"), ("kind", "kind_accuracy"), ("author", "author_accuracy"),
           ("date", "date_accuracy"))


def load_scorer():
    """Return the scorer module (eval/score.py)."""
    spec = importlib.util.spec_from_file_location("quellen_eval_score", HERE / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_timex_gold():
    """Return the date-mention gold and scorer (eval/timex_gold.py)."""
    spec = importlib.util.spec_from_file_location("quellen_eval_timex_gold", HERE / "timex_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def date_mention_figures(name: str, gold_path: Path) -> dict:
    """Return the row keys of the date-mention figures of a corpus with a dates.json beside its gold, else {}."""
    if not (gold_path.parent / "dates.json").exists():
        return {}
    f = load_timex_gold().score(name)["all"]
    return {"date_mention_gold": f["gold"], "date_mention_found": round(f.get("found", 0) / f["gold"], 3),
            "date_mention_right": round(f.get("right", 0) / f["gold"], 3),
            "date_mention_exact": round(f.get("exact", 0) / f["gold"], 3)}


def date_mention_table(rows: list[dict]) -> str:
    """Return the date-mention figures of the rows that carry them as a Markdown table ('' when none does)."""
    have = [r for r in rows if r.get("date_mention_gold")]
    if not have:
        return ""
    lines = ["| corpus | gold dates | found | right | exact |", "| --- | ---: | ---: | ---: | ---: |"]
    for r in have:
        lines.append(f"| {r['corpus']} | {r['date_mention_gold']} | {r['date_mention_found']:.3f} | "
                     f"{r['date_mention_right']:.3f} | {r['date_mention_exact']:.3f} |")
    return "\n".join(lines)


def load_wrapper():
    """Return the variant maker (eval/wrap.py)."""
    spec = importlib.util.spec_from_file_location("quellen_eval_wrap", HERE / "wrap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpora() -> dict[str, tuple[Path, Path]]:
    """Return {name: (text file, gold file)} for every corpus folder, in name order.

    A corpus whose gold lists several ``files`` (a set of small books) gives its folder as the text:
    every one of those files is built and scored, each a source of its own.
    """
    found = {}
    for folder in sorted(p for p in CORPORA.iterdir() if p.is_dir() and (p / "gold.json").exists()):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        if len(gold.get("files", [])) > 1 and not gold.get("source_file"):
            found[folder.name] = (folder, folder / "gold.json")
            continue
        named = folder / gold["source_file"] if gold.get("source_file") else folder / f"{folder.name}.txt"
        texts = sorted(folder.glob("*.txt"))
        text = named if named.exists() else (texts[0] if len(texts) == 1 else None)
        if text is None:
            raise SystemExit(f"eval: {folder}: no text file to build (expected {named.name})")
        found[folder.name] = (text, folder / "gold.json")
    return found


def text_files(text: Path) -> list[Path]:
    """Return the text files a corpus builds: ``text`` itself, or for a folder the files its gold lists."""
    if not text.is_dir():
        return [text]
    gold = json.loads((text / "gold.json").read_text(encoding="utf-8"))
    return [text / name for name in gold["files"]]


def full_export(text: Path, workdir: Path, overrides: list[str]) -> dict:
    """Return the JSON export of a fresh ``quellen build`` of ``text``, run through the CLI in ``workdir``."""
    db, out = workdir / "quellen.db", workdir / "export.json"
    for f in (db, out):
        f.unlink(missing_ok=True)
    quellen = [sys.executable, "-m", "quellen"]
    sets = [a for o in overrides for a in ("--set", o)]
    # run in workdir so that no quellen.toml of the caller's folder changes the settings; a relative PYTHONPATH
    # ("PYTHONPATH=src", to try a checkout) is made absolute first, or the build in workdir would import another
    # quellen (the installed one) than the one this run imports
    env = dict(os.environ)
    if env.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.pathsep.join(os.path.abspath(p) for p in env["PYTHONPATH"].split(os.pathsep) if p)
    build = subprocess.run([*quellen, "build", *map(str, text_files(text)), "--db", str(db), "-q", *sets],
                           cwd=workdir, env=env)
    if build.returncode != 0:
        raise RuntimeError(f"quellen build {text.name} exited with {build.returncode}")
    subprocess.run([*quellen, "export", "--db", str(db), "--format", "json", "--output", str(out)],
                   cwd=workdir, check=True, env=env)
    return json.loads(out.read_text(encoding="utf-8"))


def variant_files(text: Path, dest: Path, width: int | None, gutenberg: bool, ragged: bool = False,
                  italics: bool = False) -> tuple[Path, dict[str, tuple[str, list[int]]]]:
    """Return (what to build instead of ``text``, {file name: (original text, origin)}): the variant of every
    file ``text`` builds (``eval/wrap.py``) written under ``dest`` with the same name and sidecar."""
    import shutil

    from quellen.ingest import read_source
    wrapper = load_wrapper()
    dest.mkdir(parents=True, exist_ok=True)
    originals = {}
    for path in text_files(text):
        original = read_source(path).text  # as the build reads it (newlines unified)
        title = path.stem.lstrip("0123456789_-").replace("-", " ").title() or "A Book"
        out, origin = wrapper.variant(original, width, gutenberg, title=title, ragged=ragged, italics=italics)
        (dest / path.name).write_text(out, encoding="utf-8")
        sidecar = path.with_name(path.name + ".meta.toml")
        if sidecar.exists():
            shutil.copy(sidecar, dest / sidecar.name)
        originals[path.name] = (original, origin)
    if text.is_dir():
        shutil.copy(text / "gold.json", dest / "gold.json")
        return dest, originals
    return dest / text.name, originals


def segments_export(text: Path, overrides: list[str]) -> dict:
    """Return a contract-shaped export of ``text``'s sources and documents from segmentation alone."""
    from quellen.ingest import read_source
    from quellen.segment import segment
    from quellen.settings import Settings
    settings = Settings().with_overrides(overrides) if overrides else None
    wants = inspect.signature(segment).parameters
    sources, documents = [], []
    for path in text_files(text):
        source = read_source(path, settings.ingest if settings else None)
        sources.append(source)
        documents += segment(source, settings) if settings and "settings" in wants else segment(source)
    try:
        from quellen.export.json_export import document_json
    except ImportError:  # the export module moved: the fields the scorer reads
        def document_json(d):
            return {"id": d.id, "source": d.source, "char_start": d.char_start, "char_end": d.char_end,
                    "kind": d.kind, "author": {"name": d.author.name} if d.author else None,
                    "date": d.date.to_json() if d.date else None}
    return {
        "format": "quellen-export", "version": 1, "generator": {"name": "quellen eval/run.py --segments-only"},
        "sources": [{"id": source.id, "name": source.name, "sha256": source.sha256,
                     "media_type": source.media_type, "text": source.text} for source in sources],
        "documents": [document_json(d) for d in documents],
        "entities": [], "events": [], "reuse": [], "conflicts": [],
    }


def per_file(scorer, export: dict, gold: dict) -> dict[str, dict]:
    """Return {file: the scorer's figures for that file alone} for a gold that lists several files."""
    out = {}
    for name in gold.get("files", []):
        sources = [s for s in export["sources"] if Path(s.get("name") or "").name == Path(name).name]
        ids = {s["id"] for s in sources}
        one = dict(export, sources=sources, documents=[d for d in export["documents"] if d.get("source") in ids])
        g = dict(gold, files=[name], segments=[s for s in gold["segments"] if s.get("file") == name])
        out[name] = scorer.score(one, g)
    return out


def row(name: str, scores: dict, seconds: float, entities: bool = False) -> dict:
    """Return one table row: the corpus's segment figures and the seconds taken, and with ``entities`` (a full
    build) its entity figures where its gold has entities."""
    segs = scores["segments"]
    b = segs["boundaries"]
    return {"corpus": name, "boundary_f1": b["f1"], "boundary_precision": b["precision"],
            "boundary_recall": b["recall"], "documents": b["predicted"], "gold_segments": b["gold"],
            "kind_accuracy": segs["kind_accuracy"], "author_accuracy": segs["author_accuracy"],
            "date_accuracy": segs["date_accuracy"], "matched": segs["matched"],
            "furniture_recall": segs.get("furniture_recall"), "seconds": round(seconds, 1),
            **(entity_figures(scores) if entities else {})}


#: the entity figures a row carries (scorer's [entities]) where the corpus's gold has entities: (column, row key)
ENTITY_COLUMNS = (("people", "person_recall"), ("orgs", "organization_recall"), ("places", "place_recall"),
                  ("works", "work_recall"), ("type", "entity_type_accuracy"), ("merge R", "alias_merge_recall"),
                  ("merge P", "alias_merge_precision"), ("geocoded", "geocoded_accuracy"))


def entity_figures(scores: dict) -> dict:
    """Return the row keys of the scorer's entity figures (recall by type, type accuracy, alias merge recall and
    precision, geocoded within reach), or {} when the gold has no entities or the export was not a full build."""
    e = scores.get("entities") or {}
    by_type = e.get("recall_by_type") or {}
    if not by_type:
        return {}
    found, gold = sum(v["found"] for v in by_type.values()), sum(v["gold"] for v in by_type.values())
    out = {f"{t}_recall": by_type[t]["recall"] if t in by_type else None
           for t in ("person", "organization", "place", "work")}
    out.update({"entity_recall": round(found / gold, 3) if gold else None,
                "entity_gold": gold, "entity_found": found,
                "entity_type_accuracy": e.get("type_accuracy"), "alias_merge_recall": e.get("alias_merge_recall"),
                "alias_merge_precision": e.get("alias_merge_precision"),
                "geocoded_accuracy": (e.get("geocoded") or {}).get("accuracy"),
                "predicted_entities": e.get("predicted_entities")})
    return out


def entity_table(rows: list[dict]) -> str:
    """Return the entity figures of the rows that carry them as a Markdown table ('' when none does)."""
    fmt = lambda v: "—" if v is None else f"{v:.3f}"  # noqa: E731
    have = [r for r in rows if r.get("entity_gold")]
    if not have:
        return ""
    lines = ["| corpus | entities found / gold | " + " | ".join(c for c, _ in ENTITY_COLUMNS) + " | predicted |",
             "| --- | ---: | " + " | ".join("---:" for _ in ENTITY_COLUMNS) + " | ---: |"]
    for r in have:
        lines.append(f"| {r['corpus']} | {r['entity_found']} / {r['entity_gold']} | "
                     + " | ".join(fmt(r.get(k)) for _, k in ENTITY_COLUMNS) + f" | {r['predicted_entities']} |")
    return "\n".join(lines)


def table(rows: list[dict]) -> str:
    """Return the rows as a Markdown table."""
    fmt = lambda v: "—" if v is None else f"{v:.3f}"  # noqa: E731
    lines = ["| corpus | boundary F1 (P / R) | docs / gold | kind | author | date | seconds |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        lines.append(f"| {r['corpus']} | {fmt(r['boundary_f1'])} ({fmt(r['boundary_precision'])} / "
                     f"{fmt(r['boundary_recall'])}) | {r['documents']} / {r['gold_segments']} | "
                     f"{fmt(r['kind_accuracy'])} | {fmt(r['author_accuracy'])} | {fmt(r['date_accuracy'])} | "
                     f"{r['seconds']:.1f} |")
    return "\n".join(lines)


def below_floors(rows: list[dict], floors: dict) -> list[str]:
    """Return one line per figure of ``rows`` below its floor in ``floors`` ({corpus: {key: minimum}})."""
    out = []
    entity_keys = {k for _, k in ENTITY_COLUMNS} | {"entity_recall"}
    for r in rows:
        for key, minimum in floors.get(r["corpus"], {}).items():
            if key in entity_keys and not r.get("entity_gold"):
                continue  # entity figures come only from a full build (not --segments-only)
            if r.get(key) is None or r[key] < minimum:
                out.append(f"{r['corpus']}: {key} {r.get(key)} is below the floor {minimum}")
    return out


def commit() -> str | None:
    """Return the checkout's short commit (with ``+dirty`` for uncommitted changes), or None."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", "src"],
                               cwd=HERE, capture_output=True, text=True).stdout.strip()
        return head + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return None


def varied_args(a) -> bool:
    """Return whether the arguments ask for an invented variant (``--wrap`` or ``--gutenberg``)."""
    return bool(a.wrap or a.gutenberg or a.italics)


def real_text(a, corpus: tuple[Path, Path], scorer) -> int:
    """Return 0 after scoring ``a.text`` with the gold of ``corpus`` (its text file, its gold), and the suite's own
    text of the same gold segments as the reference (see ``--text``)."""
    import shutil
    wrapper = load_wrapper()
    text_path, gold_path = corpus
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    from quellen.errors import QuellenError
    from quellen.ingest import read_source
    try:
        real = read_source(a.text).text
    except QuellenError as exc:  # a missing, empty or unreadable file: said by name, as quellen build says it
        print(f"error: {exc}", file=sys.stderr)
        return 2
    suite = read_source(text_path).text
    if "source_file" in gold or any("first_words" not in s for s in gold["segments"]):
        print(f"{a.corpus[0]}: its gold places segments by line, not by their first words: no --text", file=sys.stderr)
        return 2
    heads = [s["first_words"] for s in gold["segments"]]
    excerpt, kept = wrapper.reference_excerpt(suite, real, heads, scorer)
    # both rows are scored on the gold segments whose heads the real file holds, in order
    unlocated = len(heads) - len(kept)
    if not kept:
        print(f"{a.text.name}: none of the gold's {len(heads)} heads is in it", file=sys.stderr)
        return 1
    gold = dict(gold, segments=[gold["segments"][i] for i in kept])
    # the real file's own words at each located head (found whole or by its first words), for the scorer
    at = wrapper.located_heads(real, heads, scorer)
    real_gold = dict(gold, segments=[dict(gold["segments"][n], first_words=" ".join(real[at[i]:].split()[:6]))
                                     for n, i in enumerate(kept)])
    rows, details = [], {}
    with tempfile.TemporaryDirectory(prefix="quellen-eval-") as tmp:
        for label, content in (("real", None), ("reference", excerpt)):
            folder = (a.keep or Path(tmp)) / a.corpus[0] / label
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / text_path.name  # the gold's file name; the suite's sidecar beside it, as for the suite
            if content is None:
                shutil.copy(a.text, target)
            else:
                target.write_text(content, encoding="utf-8")
            sidecar = text_path.with_name(text_path.name + ".meta.toml")
            if sidecar.exists():
                shutil.copy(sidecar, folder / sidecar.name)
            started = time.perf_counter()
            export = segments_export(target, a.set) if a.segments_only else full_export(target, folder, a.set)
            seconds = time.perf_counter() - started
            if content is None:
                export = wrapper.set_aside_frame(export, {target.name: wrapper.real_frame(real)})
            if a.keep:
                (folder / "export.json").write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
            scores = scorer.score(export, real_gold if content is None else gold)
            name = f"{a.corpus[0]} ({'real file' if content is None else 'reference'})"
            rows.append(row(name, scores, seconds))
            details[name] = {"segments": scores["segments"], "gold_spans_not_located": scores["gold_spans_not_located"],
                             "frame_documents": export.get("frame_documents")}
    print(f"\n{a.text.name}: {len(heads) - unlocated} of the gold's {len(heads)} heads located, {unlocated} not; "
          f"frame documents {details[rows[0]['corpus']]['frame_documents']}\n")
    print(table(rows))
    if a.output:
        a.output.write_text(json.dumps({"commit": commit(), "text": str(a.text), "table": rows, "scores": details},
                                       indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Return the exit status after building, scoring and reporting the chosen corpora."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    known = corpora()
    ap.add_argument("--corpus", action="append", choices=sorted(known), help="only this corpus (repeatable)")
    ap.add_argument("--segments-only", action="store_true", help="segmentation only (fast): [segments] figures")
    ap.add_argument("--output", type=Path, help="where to write the JSON (default eval/results.json)")
    ap.add_argument("--floors", type=Path, help="minimum figures per corpus (default eval/floors.json)")
    ap.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                    help="a setting passed to quellen build (repeatable)")
    ap.add_argument("--keep", type=Path, help="keep each store and export in this folder")
    ap.add_argument("--per-file", action="store_true",
                    help="for a corpus of several files, also a row per file (CORPUS/FILE)")
    ap.add_argument("--wrap", type=int, metavar="WIDTH", help="score a variant hard-wrapped at WIDTH columns")
    ap.add_argument("--gutenberg", action="store_true",
                    help="score a variant between an invented Gutenberg header and footer")
    ap.add_argument("--ragged", action="store_true",
                    help="with --wrap: each paragraph wrapped a few columns narrower in turn, as real files are")
    ap.add_argument("--italics", action="store_true",
                    help="short lines standing alone (headings, datelines, signatures) set as _italics_")
    ap.add_argument("--text", type=Path, metavar="PATH",
                    help="build this file (a real Gutenberg text of the book) instead, scored with the corpus's gold")
    a = ap.parse_args(argv)
    if a.text:
        if not a.corpus or len(a.corpus) != 1 or varied_args(a):
            ap.error("--text needs exactly one --corpus, and no --wrap or --gutenberg")
        return real_text(a, known[a.corpus[0]], load_scorer())
    names = a.corpus or list(known)
    varied = bool(a.wrap or a.gutenberg or a.italics)
    suffix = ((f"-wrap{a.wrap}" if a.wrap else "") + ("-ragged" if a.ragged else "") + ("-italics" if a.italics else "")
              + ("-gutenberg" if a.gutenberg else ""))
    output = a.output or HERE / (f"results-segments{suffix}.json" if a.segments_only else f"results{suffix}.json")
    floors_path = a.floors or (HERE / "floors.json" if (HERE / "floors.json").exists() and not varied else None)
    scorer = load_scorer()
    import quellen
    at = commit()  # before the (long) run, while the code built is the code checked out
    rows, details = [], {}
    with tempfile.TemporaryDirectory(prefix="quellen-eval-") as tmp:
        for name in names:
            text, gold_path = known[name]
            workdir = (a.keep or Path(tmp)) / name
            workdir.mkdir(parents=True, exist_ok=True)
            print(f"{name}: {'segmenting' if a.segments_only else 'building'} {text.name} ...",
                  file=sys.stderr, flush=True)
            started = time.perf_counter()
            originals = None
            if varied:
                text, originals = variant_files(text, workdir / "variant", a.wrap, a.gutenberg, a.ragged, a.italics)
            export = segments_export(text, a.set) if a.segments_only else full_export(text, workdir, a.set)
            seconds = time.perf_counter() - started
            if originals:
                export = load_wrapper().map_export(export, originals)
            if a.keep and a.segments_only:
                (workdir / "export.json").write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            scores = scorer.score(export, gold)
            rows.append(row(name, scores, seconds, entities=not a.segments_only))
            if not varied:
                rows[-1].update(date_mention_figures(name, gold_path))
            if a.per_file and len(gold.get("files", [])) > 1:
                for file, one in per_file(scorer, export, gold).items():
                    rows.append(row(f"{name}/{Path(file).stem}", one, 0.0))
            details[name] = scores if not a.segments_only else {"segments": scores["segments"],
                                                                 "gold_spans_not_located":
                                                                 scores["gold_spans_not_located"]}
            if "frame_documents" in export:  # a --gutenberg variant: how the frame was read
                details[name]["frame_documents"] = export["frame_documents"]
                print(f"{name}: Gutenberg frame documents {export['frame_documents']}", file=sys.stderr, flush=True)
            print(f"{name}: boundary F1 {rows[-1]['boundary_f1']}, {seconds:.1f} s", file=sys.stderr, flush=True)
    mode = ("segments-only" if a.segments_only else "full build") + (f", wrapped at {a.wrap}" if a.wrap else "") + (
        ", ragged" if a.ragged else "") + (", italics" if a.italics else "") + (
        ", Gutenberg frame" if a.gutenberg else "")
    print(f"\nquellen {quellen.__version__} at {at or '?'}, {mode}\n")
    print(table(rows))
    if entity_table(rows):
        print("\nEntities (recall by type over the gold entities whose names are in the text; merge R/P over person "
              "aliases; geocoded within reach):\n")
        print(entity_table(rows))
    if date_mention_table(rows):
        print("\nDate mentions (the editors' <date when> of eval/corpora/*/dates.json: found, right, exact):\n")
        print(date_mention_table(rows))
    result = {"commit": at, "quellen_version": quellen.__version__, "mode": mode,
              "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "table": rows, "scores": details}
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten to {output}")
    if floors_path:
        low = below_floors(rows, json.loads(floors_path.read_text(encoding="utf-8")))
        for line in low:
            print(f"FLOOR: {line}", file=sys.stderr)
        if low:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
