#!/usr/bin/env python3
"""`make eval`: build every corpus of the suite, score it, print one table, write it as JSON.

    python3 eval/run.py [--corpus NAME]... [--segments-only] [--per-file] [--output PATH] [--floors PATH]
                        [--set SECTION.KEY=VALUE]... [--keep DIR]

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
"""
from __future__ import annotations

import argparse
import importlib.util
import inspect
import json
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


def corpora() -> dict[str, tuple[Path | list[Path], Path]]:
    """Return {name: (text file, gold file)} for every corpus folder, in name order.

    A corpus whose gold lists several ``files`` (a folder of books, as ``invented-letters``) gives the list of
    its text files instead of one.
    """
    found = {}
    for folder in sorted(p for p in CORPORA.iterdir() if p.is_dir() and (p / "gold.json").exists()):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        if len(gold.get("files") or []) > 1:
            found[folder.name] = ([folder / f for f in gold["files"]], folder / "gold.json")
            continue
        named = folder / gold["source_file"] if gold.get("source_file") else folder / f"{folder.name}.txt"
        texts = sorted(folder.glob("*.txt"))
        text = named if named.exists() else (texts[0] if len(texts) == 1 else None)
        if text is None:
            raise SystemExit(f"eval: {folder}: no text file to build (expected {named.name})")
        found[folder.name] = (text, folder / "gold.json")
    return found


def full_export(text: Path | list[Path], workdir: Path, overrides: list[str]) -> dict:
    """Return the JSON export of a fresh ``quellen build`` of ``text`` (one file or several), run through the CLI
    in ``workdir``."""
    texts = [str(t) for t in text] if isinstance(text, list) else [str(text)]
    db, out = workdir / "quellen.db", workdir / "export.json"
    for f in (db, out):
        f.unlink(missing_ok=True)
    quellen = [sys.executable, "-m", "quellen"]
    sets = [a for o in overrides for a in ("--set", o)]
    # run in workdir so that no quellen.toml of the caller's folder changes the settings
    build = subprocess.run([*quellen, "build", *texts, "--db", str(db), "-q", *sets], cwd=workdir)
    if build.returncode != 0:
        raise RuntimeError(f"quellen build {' '.join(texts)} exited with {build.returncode}")
    subprocess.run([*quellen, "export", "--db", str(db), "--format", "json", "--output", str(out)],
                   cwd=workdir, check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def segments_export(text: Path | list[Path], overrides: list[str]) -> dict:
    """Return a contract-shaped export of ``text``'s sources and documents from segmentation alone (``text`` one
    file or several, each its own source)."""
    if isinstance(text, list):
        parts = [segments_export(t, overrides) for t in text]
        merged = parts[0]
        for part in parts[1:]:
            merged["sources"] += part["sources"]
            merged["documents"] += part["documents"]
        return merged
    from quellen.ingest import read_source
    from quellen.segment import segment
    from quellen.settings import Settings
    settings = Settings().with_overrides(overrides) if overrides else None
    source = read_source(text, settings.ingest if settings else None)
    wants = inspect.signature(segment).parameters
    documents = segment(source, settings) if settings and "settings" in wants else segment(source)
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
                     "media_type": source.media_type, "text": source.text}],
        "documents": [document_json(d) for d in documents],
        "entities": [], "events": [], "reuse": [], "conflicts": [],
    }


def one_file(export: dict, gold: dict, name: str) -> tuple[dict, dict]:
    """Return (export, gold) narrowed to the source and the gold segments of the file called ``name``."""
    sources = [s for s in export["sources"] if Path(s["name"]).name == name]
    ids = {s["id"] for s in sources}
    return ({**export, "sources": sources, "documents": [d for d in export["documents"] if d.get("source") in ids]},
            {**gold, "files": [name], "segments": [g for g in gold["segments"] if g.get("file") == name]})


def row(name: str, scores: dict, seconds: float) -> dict:
    """Return one table row: the corpus's segment figures and the seconds taken."""
    segs = scores["segments"]
    b = segs["boundaries"]
    return {"corpus": name, "boundary_f1": b["f1"], "boundary_precision": b["precision"],
            "boundary_recall": b["recall"], "documents": b["predicted"], "gold_segments": b["gold"],
            "kind_accuracy": segs["kind_accuracy"], "author_accuracy": segs["author_accuracy"],
            "date_accuracy": segs["date_accuracy"], "matched": segs["matched"],
            "furniture_recall": segs.get("furniture_recall"), "seconds": round(seconds, 1)}


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
    for r in rows:
        for key, minimum in floors.get(r["corpus"], {}).items():
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
    ap.add_argument("--per-file", action="store_true",
                    help="for a corpus of several files, a row per file as well (not checked against floors)")
    ap.add_argument("--keep", type=Path, help="keep each store and export in this folder")
    a = ap.parse_args(argv)
    names = a.corpus or list(known)
    output = a.output or HERE / ("results-segments.json" if a.segments_only else "results.json")
    floors_path = a.floors or (HERE / "floors.json" if (HERE / "floors.json").exists() else None)
    scorer = load_scorer()
    import quellen
    at = commit()  # before the (long) run, while the code built is the code checked out
    rows, details = [], {}
    with tempfile.TemporaryDirectory(prefix="quellen-eval-") as tmp:
        for name in names:
            text, gold_path = known[name]
            workdir = (a.keep or Path(tmp)) / name
            workdir.mkdir(parents=True, exist_ok=True)
            what = text.name if isinstance(text, Path) else f"{len(text)} files"
            print(f"{name}: {'segmenting' if a.segments_only else 'building'} {what} ...",
                  file=sys.stderr, flush=True)
            started = time.perf_counter()
            export = segments_export(text, a.set) if a.segments_only else full_export(text, workdir, a.set)
            seconds = time.perf_counter() - started
            if a.keep and a.segments_only:
                (workdir / "export.json").write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
            scores = scorer.score(export, json.loads(gold_path.read_text(encoding="utf-8")))
            rows.append(row(name, scores, seconds))
            if a.per_file and isinstance(text, list):
                gold = json.loads(gold_path.read_text(encoding="utf-8"))
                for part in text:
                    rows.append(row(f"{name}/{part.name}", scorer.score(*one_file(export, gold, part.name)), 0.0))
            details[name] = scores if not a.segments_only else {"segments": scores["segments"],
                                                                 "gold_spans_not_located":
                                                                 scores["gold_spans_not_located"]}
            print(f"{name}: boundary F1 {rows[-1]['boundary_f1']}, {seconds:.1f} s", file=sys.stderr, flush=True)
    mode = "segments-only" if a.segments_only else "full build"
    print(f"\nquellen {quellen.__version__} at {at or '?'}, {mode}\n")
    print(table(rows))
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
