#!/usr/bin/env python3
"""Date-mention gold from a TEI edition's <date> markup, and the score of quellen's date mentions against it.

    python3 eval/timex_gold.py build CORPUS [CORPUS ...]     # writes eval/corpora/CORPUS/dates.json
    python3 eval/timex_gold.py score CORPUS [CORPUS ...] [-v] # figures (and with -v every miss and wrong value)

`build` reads eval/corpora/CORPUS/CORPUS.tei.xml, takes every <date> under <text> that carries a value the editor
fixed (@when, else @from..@to, else @notBefore..@notAfter; a <date> without one, or inside a note, a <sic>/<orig>/
<del> or another reading of a <choice> than the one tei_gold.py keeps, is left out and counted), and locates its
reading text (tei_gold.text_of, surrounding brackets and stops trimmed) in CORPUS.txt, in document order: the first
match at or after the previous one, on word boundaries, whitespace taken as any run of whitespace. Precision
comes from the value's length (YYYY year, YYYY-MM month, YYYY-MM-DD day). Each date gets a kind from its words:

  full      a day with a month named ("March 2", "Saturday 2 January 1819")
  plain     the Friends' plain style, a month by its number ("3rd mo 4th 1792", "9th of Fourth Month")
  day-only  a day the words do not place in a month: a weekday ("Monday Evening"), a plain-style weekday
            ("5th day morning"), a day number heading an entry ("10."), a relative word
  month/year  a month or a year alone

`score` tags each slice as a build does (segmentation, then tag_documents on the working text with the source's
calendar and country) and for every gold date takes the first DATE/TIME timex overlapping it (one not matched to an
earlier gold date first):
  found   a timex overlaps the gold span
  right   its interval holds the gold interval (the editor's day inside the predicted interval), or for a
          month or a year lies inside it; for a day-only gold the interval must be that very day (a weekday
          anchored to the right week)
  exact   its interval is the gold interval
Editors do not mark every date of a text, so timexes outside the gold are not counted as errors.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from tei_gold import CHOICE_KEEP, DROP, local, split_iso, text_of  # noqa: E402

CORPORA = HERE / "corpora"
#: slices whose date errors rules may be written from; the others are held out (scored, never read for rules)
DEVELOPMENT = ("mitford-letters", "hunt-evans-letters", "hunt-journal-1822", "hunt-collins-family-letters",
               "yarnall-family-letters")
HELD_OUT = ("mitford-journal", "esther-hunt-letters", "hunt-journal-1792", "yarnall-journal-1803")
KINDS = ("full", "plain", "day-only", "month/year")
ABOUT = ("Date-mention gold from the edition's <date> markup (eval/timex_gold.py): every <date> under <text> with "
         "@when (or @from..@to, @notBefore..@notAfter) located in the .txt in document order; start/end are "
         "character offsets of its reading text (brackets and stops trimmed); earliest/latest the editor's "
         "interval; precision from the value's length; kind from the words (full, plain, day-only, month/year). "
         "Values are the editors', slips included.")

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|7ber|8ber|9ber|10ber"
_ORDWORD = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"


def kind_of(words: str, precision: str) -> str:
    """Return the kind of a gold date (full, plain, day-only, month/year) from its words and precision."""
    w = words.lower()
    if precision != "day":
        return "month/year"
    if re.search(r"\b(?:\d+\s*(?:st|nd|rd|th|d)?\.?\s*(?:of\s+)?(?:the\s+)?mo\b|\bmo\.|month\b)", w) \
            or re.search(rf"\b(?:{_ORDWORD})\s+\[?mo", w) or re.search(r"\d\s*mo\b", w) \
            or re.search(r"\d(?:st|nd|rd|th|d)\.?\s+(?:day\s+)?\d{1,2}(?:st|nd|rd|th|d)\.?,?\s+\d{4}", w):
        return "plain"
    if re.search(rf"\b(?:{_MONTH})\b", w):
        return "full"
    return "day-only"


def _value(el) -> tuple[str, str, str] | None:
    """Return (earliest, latest, precision) of a <date>'s editor value, or None when it has none usable."""
    attrs = {k.strip().lower(): v for k, v in el.attrib.items()}
    for a, b in (("when", None), ("when-iso", None), ("from", "to"), ("notbefore", "notafter")):
        v = (attrs.get(a) or "").strip()
        if not v:
            continue
        start, _ = split_iso(v)
        if not start:
            return None
        end, _ = split_iso((attrs.get(b) or "").strip() or None) if b else (None, None)
        precision = {4: "year", 7: "month", 10: "day"}[len(start)]
        lo = _bounds(start)[0]
        hi = _bounds(end or start)[1]
        return lo.isoformat(), hi.isoformat(), precision
    return None


def _bounds(v: str) -> tuple[dt.date, dt.date]:
    parts = [int(p) for p in v.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        nxt = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return dt.date(parts[0], parts[1], 1), nxt - dt.timedelta(days=1)
    d = dt.date(*parts)
    return d, d


def _dates(el, out: list, skipped: Counter):
    """Append the <date> elements of el's reading text (document order) to out."""
    for ch in el:
        n = local(ch)
        if n == "note" or n in DROP:
            skipped["in a note or dropped element"] += sum(1 for d in ch.iter() if local(d) == "date")
            continue
        if n == "choice":
            kids = {local(c): c for c in ch}
            keep = next((kids[k] for k in CHOICE_KEEP if k in kids), next(iter(ch), None))
            if keep is not None:
                _dates(keep, out, skipped)
            continue
        if n == "date":
            out.append(ch)
            continue
        _dates(ch, out, skipped)


def _pattern(words: str) -> re.Pattern:
    parts = [re.escape(p) for p in words.split()]
    body = r"\s+".join(parts)
    head = r"(?<!\w)" if words[:1].isalnum() else ""
    tail = r"(?!\w)" if words[-1:].isalnum() else ""
    return re.compile(head + body + tail)


def build(corpus: str) -> dict:
    """Return the date gold of one corpus slice (and write it to its dates.json)."""
    folder = CORPORA / corpus
    text = (folder / f"{corpus}.txt").read_text(encoding="utf-8")
    root = ET.parse(folder / f"{corpus}.tei.xml").getroot()
    body = next((e for e in root.iter() if local(e) == "text"), root)
    els: list = []
    skipped: Counter = Counter()
    _dates(body, els, skipped)
    gold, cursor = [], 0
    for el in els:
        value = _value(el)
        words = text_of(el).strip().strip(" .,;:()[]").strip()
        if value is None:
            skipped["no editor value"] += 1
            continue
        if not words:
            skipped["no words"] += 1
            continue
        m = _pattern(words).search(text, cursor)
        if m is None:
            skipped["not found in the .txt"] += 1
            continue
        cursor = m.end()
        lo, hi, precision = value
        gold.append({"start": m.start(), "end": m.end(), "text": m.group(0), "earliest": lo, "latest": hi,
                     "precision": precision, "kind": kind_of(m.group(0), precision)})
    out = {"_about": ABOUT, "file": f"{corpus}.txt", "role": "development" if corpus in DEVELOPMENT else "held out",
           "dates": gold, "left_out": dict(skipped), "kinds": dict(Counter(g["kind"] for g in gold))}
    (folder / "dates.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


def system_timexes(path: Path) -> list:
    """Return the timexes a build finds in one text file (segmentation, then the dates step as the pipeline runs
    it), in text order."""
    from quellen.extract.calendars import language_country
    from quellen.extract.dates import tag_documents
    from quellen.ingest import read_source
    from quellen.pipeline import working_text
    from quellen.segment import segment, source_context
    source = read_source(path)
    documents = segment(source)
    context = source_context(source)
    country = context.country[0] if context.country else None
    if country is None and context.place is None and context.language is not None:
        country = language_country(context.language[0])
    return tag_documents(working_text(source), documents, calendar=context.calendar[0], country=country)


def score(corpus: str, verbose: bool = False) -> dict:
    """Return the figures of quellen's date mentions against a slice's dates.json: counts found, right and exact,
    overall and by kind."""
    folder = CORPORA / corpus
    gold = json.loads((folder / "dates.json").read_text(encoding="utf-8"))["dates"]
    system = [t for t in system_timexes(folder / f"{corpus}.txt") if t.type in ("DATE", "TIME")]
    tally = {k: Counter() for k in ("all", *KINDS)}
    used: set[int] = set()
    for g in gold:
        lo, hi = dt.date.fromisoformat(g["earliest"]), dt.date.fromisoformat(g["latest"])
        written = g["earliest"][:{"year": 4, "month": 7}.get(g["precision"], 10)]
        # the first timex overlapping the gold span not yet taken, else one already taken (an editor may mark
        # "March two" and "1819" apart where the tagger reads one date)
        overlapping = [i for i, s in enumerate(system) if s.char_start < g["end"] and g["start"] < s.char_end]
        match = next((i for i in overlapping if i not in used), overlapping[0] if overlapping else None)
        found = right = exact = False
        s = None
        if match is not None:
            used.add(match)
            s = system[match]
            found = True
            if s.date is not None:
                e, l = s.date.earliest, s.date.latest
                exact = (e, l) == (lo, hi)
                # a month or a year the tagger dates finer, inside it, is right too
                # (a year before 1582 as written: the tagger's interval is its Julian year, told in Gregorian days)
                finer = g["precision"] != "day" and (lo <= e and l <= hi or s.value[:len(written)] == written)
                right = exact if g["kind"] == "day-only" else (e <= lo and hi <= l) or finer
        for k in ("all", g["kind"]):
            tally[k]["gold"] += 1
            tally[k]["found"] += found
            tally[k]["right"] += right
            tally[k]["exact"] += exact
        if verbose and not (right and exact):
            what = "MISS " if not found else ("WRONG" if not right else "WIDE ")
            got = "" if s is None else f" -> {s.text!r} {s.value}" + (
                f" [{s.date.earliest}..{s.date.latest}]" if s.date else " [no date]") + f" ({s.rule})"
            print(f"  {what} {corpus} @{g['start']} {g['kind']:<10} {g['text']!r} {g['earliest']}"
                  f"{'..' + g['latest'] if g['latest'] != g['earliest'] else ''}{got}")
    return {k: dict(v) for k, v in tally.items() if v["gold"]}


def figures_row(corpus: str, figures: dict) -> str:
    """Return one Markdown row of a slice's date figures: found, right and exact over the gold, and right by kind."""
    a = figures["all"]

    def ratio(c: dict, key: str) -> str:
        return f"{c.get(key, 0) / c['gold']:.3f}" if c.get("gold") else "—"
    kinds = " | ".join(f"{ratio(figures[k], 'right')} ({figures[k]['gold']})" if k in figures else "—" for k in KINDS)
    return f"| {corpus} | {a['gold']} | {ratio(a, 'found')} | {ratio(a, 'right')} | {ratio(a, 'exact')} | {kinds} |"


TABLE_HEAD = ("| slice | gold | found | right | exact | " + " | ".join(f"right: {k}" for k in KINDS) + " |\n"
              "| --- | ---: | ---: | ---: | ---: | " + " | ".join("---:" for _ in KINDS) + " |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("build", "score"))
    ap.add_argument("corpora", nargs="*", help="slices (default: the development and held-out ones)")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    names = a.corpora or [*DEVELOPMENT, *HELD_OUT]
    if a.command == "build":
        for n in names:
            g = build(n)
            print(f"{n}: {len(g['dates'])} dates {g['kinds']} left out {g['left_out']}")
        return 0
    results = {n: score(n, a.verbose) for n in names}
    if a.json:
        print(json.dumps(results, indent=1))
        return 0
    print(TABLE_HEAD)
    for n, f in results.items():
        print(figures_row(n, f))
    return 0


if __name__ == "__main__":
    sys.exit(main())
