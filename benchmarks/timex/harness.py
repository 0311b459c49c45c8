"""TempEval-3-style scoring of ``quellen timex`` on hand-annotated TimeML (benchmarks/timex/gold/).

Run:  .venv/bin/python benchmarks/timex/harness.py [GOLD_DIR | gold | heldout | heldout2] [--verbose]

``gold`` (the default) is the development set the rules were written on; ``heldout`` the
set written afterwards in other styles (wire news, letters with "ult."/"inst.", a yearless
diary, a ship's journal, a 14th-century chronicle), scored on its own.

For every ``*.tml`` file: the plain text and the DCT are read from the gold file, the text is
tagged with the same call ``quellen timex FILE --dct DCT`` makes, and the result is compared:

- strict match: same character span; relaxed match: the spans overlap (each gold timex is
  matched at most once, to the first overlapping system timex);
- precision, recall and F1 for both;
- type and value accuracy over the relaxed matches, and TempEval-3's attribute F1
  (accuracy x relaxed F1).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from quellen.extract.dates import tag, timex_json
from quellen.export.timeml import read_timeml

GOLD = Path(__file__).resolve().parent / "gold"
HELDOUT = Path(__file__).resolve().parent / "heldout"
SETS = {"gold": GOLD, "heldout": HELDOUT, "heldout2": HELDOUT.with_name("heldout2")}


def system_timexes(text: str, dct: str | None) -> list[dict]:
    """Return what ``quellen timex`` prints for ``text`` with this DCT (json format)."""
    return timex_json(tag(text, dct=dt.date.fromisoformat(dct) if dct else None))


def _prf(hits: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = hits / n_sys if n_sys else 0.0
    r = hits / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(gold_dir: Path = GOLD, verbose: bool = False) -> dict:
    """Return the figures (strict/relaxed P, R, F1; type and value accuracy and F1) over a gold folder."""
    n_gold = n_sys = strict = relaxed = type_ok = value_ok = 0
    per_file = {}
    for path in sorted(gold_dir.glob("*.tml")):
        text, dct, gold = read_timeml(path.read_bytes())
        system = system_timexes(text, dct)
        used: set[int] = set()
        f_relaxed = f_value = 0
        for g in gold:
            match = None
            for i, s in enumerate(system):
                if i not in used and s["char_start"] < g["char_end"] and g["char_start"] < s["char_end"]:
                    match = i
                    break
            if match is None:
                if verbose:
                    print(f"  MISS  {path.name}: {g['text']!r} {g['type']} {g['value']}")
                continue
            used.add(match)
            s = system[match]
            relaxed += 1
            f_relaxed += 1
            strict += (s["char_start"], s["char_end"]) == (g["char_start"], g["char_end"])
            type_ok += s["type"] == g["type"]
            value_ok += s["value"] == g["value"]
            f_value += s["value"] == g["value"]
            if verbose and (s["value"] != g["value"] or s["type"] != g["type"]
                            or (s["char_start"], s["char_end"]) != (g["char_start"], g["char_end"])):
                print(f"  DIFF  {path.name}: gold {g['text']!r} {g['type']} {g['value']}  "
                      f"system {s['text']!r} {s['type']} {s['value']}")
        if verbose:
            for i, s in enumerate(system):
                if i not in used:
                    print(f"  EXTRA {path.name}: {s['text']!r} {s['type']} {s['value']}")
        n_gold += len(gold)
        n_sys += len(system)
        per_file[path.name] = {"gold": len(gold), "system": len(system), "relaxed": f_relaxed, "value": f_value}
    sp, sr, sf = _prf(strict, n_sys, n_gold)
    rp, rr, rf = _prf(relaxed, n_sys, n_gold)
    type_acc = type_ok / relaxed if relaxed else 0.0
    value_acc = value_ok / relaxed if relaxed else 0.0
    return {"files": len(per_file), "gold": n_gold, "system": n_sys,
            "strict": {"precision": sp, "recall": sr, "f1": sf},
            "relaxed": {"precision": rp, "recall": rr, "f1": rf},
            "type_accuracy": type_acc, "value_accuracy": value_acc,
            "type_f1": type_acc * rf, "value_f1": value_acc * rf, "per_file": per_file}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(GOLD))
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses, extras and wrong values")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    r = evaluate(SETS.get(args.gold, Path(args.gold)), args.verbose)
    if args.json:
        print(json.dumps(r, indent=1))
        return 0
    print(f"{r['files']} files, {r['gold']} gold timexes, {r['system']} system timexes")
    for kind in ("strict", "relaxed"):
        f = r[kind]
        print(f"{kind:>8} span  P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}")
    print(f"    type  accuracy {r['type_accuracy']:.3f}  F1 {r['type_f1']:.3f}")
    print(f"   value  accuracy {r['value_accuracy']:.3f}  F1 {r['value_f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
