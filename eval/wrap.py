#!/usr/bin/env python3
"""Hard-wrapped variants of the eval texts, scored with the same gold.

    python3 eval/wrap.py FILE [--width 72] [--gutenberg]      # prints the variant
    python3 eval/run.py --segments-only --per-file --wrap 72 [--gutenberg]

Most public-domain books a user downloads are Project Gutenberg plain texts: paragraphs hard-wrapped at
about 70-75 columns, blank lines between them, headings and short lines as they were, and a Gutenberg
header and licence footer around the book. The eval corpora's texts are mostly one paragraph a line; this
makes the commoner shape of each of them:

- :func:`wrap` breaks every line longer than ``width`` at spaces (greedy, as ``textwrap`` does; a word longer
  than the width stays whole), keeping short lines, blank lines and a line's leading indentation;
- :func:`frame` puts an invented Gutenberg-style header ("*** START OF THE PROJECT GUTENBERG EBOOK ... ***",
  title, author, release note) before the text and a licence-like footer after it.

Each returns the new text and its ``origin``: for every character of the new text (and one past its end)
the offset of the original text it stands for (a header's characters -1, a footer's the text's length
plus one). :func:`map_export` uses it to put an export of the variant back on the original text: the
documents' offsets become offsets of the original, and the sources carry the original text. The scorer then
locates the gold exactly as for the original (first words or line numbers alike) and judges the boundaries
with the same tolerances. A document wholly inside the header or footer is set aside when its kind is
furniture (boilerplate, heading ...: the frame recognised as such); any other (the licence read as a
letter) stays, as one more document at the text's start or end, and costs precision.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

__all__ = ["wrap", "frame", "variant", "map_export", "real_frame", "set_aside_frame", "located_heads",
           "reference_excerpt"]

#: the invented front matter: the shape of a Project Gutenberg header, none of its wording needed
HEADER = """The Project Gutenberg eBook of {title}

This ebook is for the use of anyone anywhere in the United States and most other parts of the world at no \
cost and with almost no restrictions whatsoever. You may copy it, give it away or re-use it under the terms \
of the Project Gutenberg License included with this ebook or online at www.gutenberg.org. If you are not \
located in the United States, you will have to check the laws of the country where you are located before \
using this eBook.

Title: {title}

Author: {author}

Release date: March 3, 2004 [eBook #10234]
                Most recently updated: October 28, 2021

Language: English

Credits: Produced by Volunteer Proofreaders and the Online Distributed Proofreading Team


*** START OF THE PROJECT GUTENBERG EBOOK {upper} ***




"""
#: the invented back matter: end line, then licence-like paragraphs with a dated update note
FOOTER = """




*** END OF THE PROJECT GUTENBERG EBOOK {upper} ***


Updated editions will replace the previous one--the old editions will be renamed.

Creating the works from print editions not protected by U.S. copyright law means that no one owns a \
United States copyright in these works, so the Foundation (and you!) can copy and distribute it in the \
United States without permission and without paying copyright royalties.

START: FULL LICENSE

THE FULL PROJECT GUTENBERG LICENSE
PLEASE READ THIS BEFORE YOU DISTRIBUTE OR USE THIS WORK

To protect the Project Gutenberg mission of promoting the free distribution of electronic works, by using \
or distributing this work (or any other work associated in any way with the phrase "Project Gutenberg"), \
you agree to comply with all the terms of the Full Project Gutenberg License available with this file or \
online at www.gutenberg.org/license.

Section 1. General Terms of Use and Redistributing Project Gutenberg electronic works

1.A. By reading or using any part of this Project Gutenberg electronic work, you indicate that you have \
read, understand, agree to and accept all the terms of this license and intellectual property \
(trademark/copyright) agreement. If you do not agree to abide by all the terms of this agreement, you must \
cease using and return or destroy all copies of Project Gutenberg electronic works in your possession.

Section 4. Information about Donations to the Project Gutenberg Literary Archive Foundation

The Foundation is committed to complying with the laws regulating charities and charitable donations in \
all 50 states of the United States. Compliance requirements are not uniform and it takes a considerable \
effort, much paperwork and many fees to meet and keep up with these requirements.

Most people start at our website which has the main PG search facility:

    www.gutenberg.org

This website includes information about Project Gutenberg, including how to make donations to the Project \
Gutenberg Literary Archive Foundation, how to help produce our new eBooks, and how to subscribe to our \
email newsletter to hear about new eBooks.

Sincerely,

Michael S. Hart
"""


def _wrap_line(line: str, start: int, width: int, out: list[str], origin: list[int]) -> None:
    """Append ``line`` (at offset ``start`` of the original) broken at spaces to ``out`` and ``origin``."""
    s, n = 0, len(line)
    while n - s > width:
        cut = line.rfind(" ", s + 1, s + width + 1)
        if cut <= s:  # a word longer than the width: break after it
            cut = line.find(" ", s + width)
            if cut < 0:
                break
        piece = line[s:cut].rstrip(" ")
        if not piece.strip():
            break
        out.append(piece + "\n")
        origin.extend(range(start + s, start + s + len(piece)))
        origin.append(start + cut)  # the newline stands for the space it replaced
        s = cut
        while s < n and line[s] == " ":
            s += 1
    out.append(line[s:])
    origin.extend(range(start + s, start + n))


#: how many columns narrower than the measure each paragraph of a ``ragged`` variant is wrapped, in turn: real files'
#: producers wrapped at 66 to 78 columns, by hand or by tools that count differently, a paragraph at a time
RAGGED = (0, 4, 8, 2, 6, 10)


def wrap(text: str, width: int = 72, ragged: bool = False) -> tuple[str, list[int]]:
    """Return (the text with every line longer than ``width`` broken at spaces, origin of each character).

    Short lines, blank lines and a line's leading indentation stay as they were; the spaces at a break
    give way to one newline. ``ragged``: each long line (a paragraph) is broken at ``width`` less the next of
    :data:`RAGGED` in turn. ``origin`` has one entry more than the new text (its end).
    """
    out: list[str] = []
    origin: list[int] = []
    pos = turn = 0
    for line in text.split("\n"):
        measure = width
        if ragged and len(line) > width:
            measure, turn = width - RAGGED[turn % len(RAGGED)], turn + 1
        _wrap_line(line, pos, measure, out, origin)
        pos += len(line)
        if pos < len(text):
            out.append("\n")
            origin.append(pos)
            pos += 1
    origin.append(len(text))
    return "".join(out), origin


def frame(text: str, title: str = "A Book", author: str = "Anonymous", width: int = 72) -> tuple[str, list[int]]:
    """Return (``text`` between an invented Gutenberg-style header and licence footer, origin of each character).

    The header's and footer's own paragraphs are wrapped at ``width``; their characters stand for
    the text's start and end.
    """
    head = wrap(HEADER.format(title=title, author=author, upper=title.upper()), width)[0]
    foot = wrap(FOOTER.format(upper=title.upper()), width)[0]
    origin = [-1] * len(head) + list(range(len(text))) + [len(text) + 1] * len(foot) + [len(text)]
    return head + text + foot, origin


#: a line of at most this many words standing alone (a heading, a dateline, a closing, a signature) is what the
#: ``italics`` variant sets between underscores, as Project Gutenberg's producers mark the italics of print
ITALIC_WORDS = 6


def italicize(text: str) -> tuple[str, list[int]]:
    """Return (``text`` with each short line standing alone set as "_..._", origin of each character).

    A line of at most :data:`ITALIC_WORDS` words, without underscores, with a blank line (or the text's edge) on
    each side, gets an underscore before its first and after its last character; an underscore stands for the
    character beside it.
    """
    lines = text.split("\n")
    out: list[str] = []
    origin: list[int] = []
    pos = 0
    for i, line in enumerate(lines):
        body = line.strip()
        alone = (i == 0 or not lines[i - 1].strip()) and (i == len(lines) - 1 or not lines[i + 1].strip())
        if alone and body and "_" not in body and len(body.split()) <= ITALIC_WORDS:
            lead = len(line) - len(line.lstrip())
            end = lead + len(body)
            out.append(line[:lead] + "_" + body + "_" + line[end:])
            origin.extend(range(pos, pos + lead))
            origin.append(pos + lead)
            origin.extend(range(pos + lead, pos + end))
            origin.append(pos + end - 1)
            origin.extend(range(pos + end, pos + len(line)))
        else:
            out.append(line)
            origin.extend(range(pos, pos + len(line)))
        pos += len(line)
        if i < len(lines) - 1:
            out.append("\n")
            origin.append(pos)
            pos += 1
    origin.append(len(text))
    return "".join(out), origin


def variant(text: str, width: int | None = 72, gutenberg: bool = False, title: str = "A Book",
            author: str = "Anonymous", ragged: bool = False, italics: bool = False) -> tuple[str, list[int]]:
    """Return (the hard-wrapped and/or framed variant of ``text``, origin of each of its characters); ``ragged``
    wraps its paragraphs at uneven measures (:func:`wrap`), ``italics`` sets its short lines in underscores first
    (:func:`italicize`)."""
    base, first = italicize(text) if italics else (text, list(range(len(text) + 1)))
    out, origin = (wrap(base, width, ragged) if width else (base, list(range(len(base) + 1))))
    origin = [first[k] for k in origin]
    if gutenberg:
        framed, outer = frame(out, title, author, width or 72)
        # the frame's characters stand for nothing of the original: before its start, past its end
        origin = [-1 if k < 0 else len(text) + 1 if k > len(out) else origin[k] for k in outer]
        out = framed
    return out, origin


def _clamp(origin: list[int], offset: int, length: int) -> int:
    """Return the original offset a variant's ``offset`` stands for, within the original's ``length``."""
    return max(0, min(origin[min(int(offset), len(origin) - 1)], length))


#: the kinds a frame's document may have and count as set aside
FURNITURE = frozenset({"heading", "caption", "epigraph", "boilerplate", "page_header", "separator"})


def map_export(export: dict, originals: dict[str, tuple[str, list[int]]]) -> dict:
    """Return ``export`` with each source's text the original and the documents' offsets mapped onto it.

    ``originals`` maps a source's name to (original text, origin list of its variant). A furniture document
    wholly inside a header or footer is left out and counted in ``frame_documents["set_aside"]``; any other
    document there is kept (at the text's start or end) and counted in ``frame_documents["read_as_text"]``.
    """
    by_id = {}
    sources = []
    for s in export["sources"]:
        found = originals.get(Path(s.get("name") or "").name)
        if found is None:
            sources.append(s)
            continue
        by_id[s["id"]] = found
        sources.append(dict(s, text=found[0]))
    documents = []
    frame = {"set_aside": 0, "read_as_text": 0}
    for d in export["documents"]:
        if d.get("source") in by_id:
            original, origin = by_id[d["source"]]
            last = len(origin) - 1
            first, final = origin[min(int(d["char_start"]), last)], origin[max(0, min(int(d["char_end"]), last) - 1)]
            if final < 0 or first > len(original):  # wholly in the header, or wholly in the footer
                key = "set_aside" if d.get("kind") in FURNITURE else "read_as_text"
                frame[key] += 1
                if key == "set_aside":
                    continue
            d = dict(d, char_start=_clamp(origin, d["char_start"], len(original)),
                     char_end=_clamp(origin, d["char_end"], len(original)))
        documents.append(d)
    return dict(export, sources=sources, documents=documents, frame_documents=frame)


#: the lines that close a real Project Gutenberg file's header and open its footer, in the forms its producers used
#: over the years ("*** START OF THE/THIS PROJECT GUTENBERG EBOOK", "***START OF ...***", the small print's last line
#: "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*"; "*** END OF ...", "End of Project
#: Gutenberg's X", "End of the Project Gutenberg EBook of X"); the eval's own, independent of quellen's lexicon
_REAL_START = re.compile(r"^\W*(start of (the |this )?project gutenberg|end\W*the small print)", re.I)
_REAL_END = re.compile(r"^\W*end of (the |this )?project gutenberg", re.I)


def real_frame(text: str) -> tuple[int, int]:
    """Return (end of the header, start of the footer) of a real Project Gutenberg file: the end of its start line
    (in the first half; 0 when none) and the start of its end line (in the second half; the text's length when none)."""
    head, foot = 0, len(text)
    pos = 0
    for line in text.split("\n"):
        if pos < len(text) // 2 and _REAL_START.match(line):
            head = pos + len(line)
        elif pos >= len(text) // 2 and foot == len(text) and _REAL_END.match(line):
            foot = pos
        pos += len(line) + 1
    return head, foot


def set_aside_frame(export: dict, frames: dict[str, tuple[int, int]]) -> dict:
    """Return ``export`` with the furniture documents that open inside a real file's header or footer left out, as
    :func:`map_export` does for the invented frame (a header's document may run on over the producers' note after
    the start line); ``frames`` maps a source's name to :func:`real_frame`."""
    names = {s["id"]: Path(s.get("name") or "").name for s in export["sources"]}
    documents = []
    counts = {"set_aside": 0, "read_as_text": 0}
    for d in export["documents"]:
        head, foot = frames.get(names.get(d.get("source"), ""), (0, None))
        if foot is not None and (int(d["char_start"]) < head or int(d["char_start"]) >= foot):
            key = "set_aside" if d.get("kind") in FURNITURE else "read_as_text"
            counts[key] += 1
            if key == "set_aside":
                continue
        documents.append(d)
    return dict(export, documents=documents, frame_documents=counts)


#: a head not found whole is looked for by its first words, this many at least (an edition that puts the dateline
#: before the address, or a word changed further on)
HEAD_PREFIX_WORDS = 4


def located_heads(text: str, heads: list[str], scorer) -> list[int | None]:
    """Return where each of ``heads`` (the gold's ``first_words``, in order) opens in ``text``, None where it does
    not: located with the scorer's normalization, each after the one before it (never found behind it, in a
    contents list); a head not found whole is then looked for by its first :data:`HEAD_PREFIX_WORDS` words, only
    between the heads found around it."""
    source = scorer.SourceText({"id": "s", "text": text})
    found: list[int | None] = []
    k = 0
    for words in heads:
        q = scorer.norm(words)
        at = source.ntext.find(q, k) if q else -1
        found.append(at if at >= 0 else None)
        k = at + 1 if at >= 0 else k
    for i, words in enumerate(heads):
        q = scorer.norm(words).split()
        if found[i] is not None or len(q) <= HEAD_PREFIX_WORDS:
            continue
        lo = max((p + 1 for p in found[:i] if p is not None), default=0)
        hi = min((p for p in found[i + 1:] if p is not None), default=len(source.ntext))
        at = source.ntext.find(" ".join(q[:HEAD_PREFIX_WORDS]), lo, hi)
        found[i] = at if at >= 0 else None
    return [source.nmap[p] if p is not None else None for p in found]


def reference_excerpt(suite_text: str, real_text: str, heads: list[str], scorer) -> tuple[str, list[int]]:
    """Return (the suite's own text of the gold segments whose heads ``real_text`` holds, the indices of those
    segments): the unwrapped reference for a real file that is a part of the book. Heads are located as
    :func:`located_heads` says, in both texts; runs of consecutive segments are kept whole, runs apart are joined
    by a blank line."""
    in_real = located_heads(real_text, heads, scorer)
    in_suite = located_heads(suite_text, heads, scorer)
    starts = sorted(p for p in in_suite if p is not None)
    pieces, kept, last_end = [], [], None
    for i, pos in enumerate(in_suite):
        if pos is None or in_real[i] is None:
            continue
        end = next((p for p in starts if p > pos), len(suite_text))
        if last_end is not None and pos != last_end:
            pieces.append("\n\n")
        pieces.append(suite_text[pos:end])
        kept.append(i)
        last_end = end
    return "".join(pieces).strip("\n") + "\n", kept


def main(argv: list[str] | None = None) -> int:
    """Return 0 after printing the variant of the file named in ``argv``."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("--width", type=int, default=72, help="wrap lines longer than this (0: do not wrap)")
    ap.add_argument("--gutenberg", action="store_true", help="add an invented Gutenberg header and footer")
    a = ap.parse_args(argv)
    text = a.file.read_text(encoding="utf-8")
    sys.stdout.write(variant(text, a.width or None, a.gutenberg, title=a.file.stem.replace("-", " ").title())[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
