"""Count what page furniture does to the documents of printed books (see make_books.py).

    PYTHONPATH=src python benchmarks/pdfbook/damage.py OUTDIR

Each book is read and segmented as ``quellen build`` does (``read_source`` then ``segment``).
Per book: documents found; false boundaries (a document starting inside an entry or letter,
not on its first line nor on a title or chapter line); entries cut (gold documents holding one
or more false boundaries); missed boundaries (gold first lines no document starts on); heads
and feet kept in the text (printed head lines found verbatim in the text; feet are page numbers,
counted as lines of the text holding only a page number); footnotes kept in the text; documents
starting on a gold first line that carry a date, and letters among them given their writer (all
twenty are signed); and the repairs the reader counted.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path


def line_starts(text: str, line: str) -> list[int]:
    """Return the offsets where ``line`` starts a line of ``text``."""
    return [m.start() for m in re.finditer(r"(?m)^" + re.escape(line), text)]


def measure(path: Path, gold: dict) -> dict:
    """Return the damage figures of one book."""
    from quellen.ingest import read_source
    from quellen.segment import segment
    source = read_source(path)
    text = source.text
    documents = segment(source)
    starts = []
    for line in gold["starts"]:
        found = line_starts(text, line)
        starts.append(found[0] if found else None)
    neutral = sorted({p for line in gold["neutral"] for p in line_starts(text, line)})
    known = sorted(p for p in starts if p is not None)
    # a document may start within its first line's reach (a blank line before it) or on a neutral line
    allowed = set()
    for p in known + neutral:
        allowed.update(range(max(0, p - 2), p + 1))
    false = [d.char_start for d in documents if d.char_start not in allowed and d.char_start >= (known or [0])[0]]
    cut = {max((p for p in known if p <= f), default=None) for f in false} - {None}
    predicted = {d.char_start for d in documents}
    missed = [line for line, p in zip(gold["starts"], starts)
              if p is None or not any(q in predicted for q in range(max(0, p - 2), p + 1))]
    heads = sum(1 for h in set(gold["heads"]) for _ in re.finditer(re.escape(h), text))
    feet = sum(1 for f in set(gold["feet"]) for _ in re.finditer(r"(?m)^\s*" + re.escape(f) + r"\s*$", text))
    notes = sum(1 for n in gold["footnotes"] if n in text)
    found = [d for d in documents if d.char_start in allowed and d.char_start not in neutral]
    dated = sum(1 for d in found if d.date)
    signed = sum(1 for d in found if d.kind == "letter" and d.author)
    return {"pages": gold["pages"], "gold documents": len(gold["starts"]), "documents": len(documents),
            "dated": dated, "letters signed": signed,
            "false boundaries": len(false), "entries cut": len(cut), "missed": len(missed),
            "heads kept": heads, "feet kept": feet, "footnotes kept": notes,
            "repairs": dict(source.repairs)}


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "pdfbooks")
    if not (folder / "gold.json").is_file():
        print(f"{folder}: no gold.json here; make the books first: make_books.py {folder}", file=sys.stderr)
        return 2
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    cols = ["pages", "gold documents", "documents", "dated", "letters signed", "false boundaries", "entries cut",
            "missed", "heads kept", "feet kept", "footnotes kept"]
    print("| book | " + " | ".join(cols) + " | repairs |")
    print("|---" * (len(cols) + 2) + "|")
    for name, book in gold.items():
        row = measure(folder / name, book)
        repairs = ", ".join(f"{k} {v}" for k, v in sorted(row["repairs"].items()))
        print(f"| {name} | " + " | ".join(str(row[c]) for c in cols) + f" | {repairs} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
