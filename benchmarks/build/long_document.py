"""Long-document benchmark: a generated heading-less memoir of N MB (one document, as a memoir with
no chapter headings is) built into a fresh store; prints wall time and the build's peak memory.

spaCy refuses a text over its max_length (1,000,000 characters: error E088) and its memory grows with
the length of one Doc; quellen parses a long document in pieces (quellen.nlp.PIECE_CHARS) joined back
into one Doc, so peak memory follows the piece size, not the document's length.

    .venv/bin/python benchmarks/build/long_document.py [--mb 1.5] [--mb 10]
"""
from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORDS = ("we walked along the river road and the weather turned cold while my brother wrote letters to "
         "the council about the harvest and the mill and the old bridge that the flood had taken").split()
NAMES = ["Arden", "Belmont", "Corvin", "Dalby", "Elster", "Farrow", "Greave", "Holm"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def memoir(chars: int, seed: int = 3) -> str:
    """Return a heading-less memoir of about ``chars`` characters: paragraphs of first-person narrative
    with names and dates, no heading, no blank-line-free stretch longer than a paragraph."""
    rng = random.Random(seed)
    out, size = [], 0
    while size < chars:
        sentences = []
        for _ in range(rng.randint(3, 7)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
            if rng.random() < 0.3:
                words.insert(rng.randint(0, len(words)), f"{rng.choice(NAMES)}")
            if rng.random() < 0.2:
                words += ["on", str(rng.randint(1, 28)), rng.choice(MONTHS), str(rng.randint(1850, 1890))]
            sentences.append(" ".join(words).capitalize() + ".")
        paragraph = " ".join(sentences)
        out.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, action="append", help="memoir size in MB (repeatable; default 1.5)")
    args = parser.parse_args()
    print("| memoir MB | characters | exit | wall s | peak RSS MB |")
    print("|---|---|---|---|---|")
    for mb in args.mb or [1.5]:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "memoir.txt"
            path.write_text(memoir(int(mb * 1_000_000)), encoding="utf-8")
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            t = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "quellen", "build", "--quiet", "--db", str(Path(tmp) / "q.db"),
                                   str(path)], env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
                                  capture_output=True, text=True)
            seconds = time.perf_counter() - t
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            chars = len(path.read_text(encoding="utf-8"))
            print(f"| {mb} | {chars:,} | {done.returncode} | {seconds:.0f} | "
                  f"{max(peak, before) / 1024:.0f} |")
            if done.returncode:
                print(done.stderr[-2000:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
