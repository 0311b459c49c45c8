"""Speed of the temporal tagger: MB of text tagged per second on one core.

Run:  .venv/bin/python benchmarks/timex/speed.py [FILE ...] [--mb 2]

Without files, the texts of the gold TimeML files (benchmarks/timex/gold/) are repeated to
the requested size; with files, those are read and repeated. The figure is for
``quellen.extract.dates.tag`` (what ``quellen timex`` runs), in one process.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from quellen.extract.dates import tag
from quellen.export.timeml import read_timeml

GOLD = Path(__file__).resolve().parent / "gold"


def measure(text: str, repeat: int = 3) -> tuple[float, int]:
    """Return (best MB/s over ``repeat`` runs, number of timexes) for tagging ``text``."""
    size = len(text.encode("utf-8")) / 1e6
    best, found = 0.0, 0
    for _ in range(repeat):
        started = time.perf_counter()
        found = len(tag(text))
        best = max(best, size / (time.perf_counter() - started))
    return best, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--mb", type=float, default=2.0, help="size of the text to tag (default 2 MB)")
    args = parser.parse_args(argv)
    if args.files:
        base = "\n\n".join(Path(f).read_text(encoding="utf-8") for f in args.files)
    else:
        base = "\n\n".join(read_timeml(p.read_bytes())[0] for p in sorted(GOLD.glob("*.tml")))
    text = (base + "\n\n") * max(1, int(args.mb * 1e6 / max(1, len(base.encode("utf-8")))))
    mbps, found = measure(text)
    print(f"{len(text.encode('utf-8')) / 1e6:.2f} MB, {found} timexes: {mbps:.2f} MB/s on one core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
