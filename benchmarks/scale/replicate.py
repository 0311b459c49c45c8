"""A larger store from a built one, without spaCy: every source's stored records replicated, perturbed.

    .venv/bin/python benchmarks/scale/replicate.py BASE.db OUT.db --size 16

Building a 16 MB store costs ~1.5 h of per-source parsing on a shared two-core machine, and
the corpus layer only reads what that parsing stored (sources, documents, timexes, mentions,
the claims layer). This copies ``BASE.db`` and adds, copy after copy, every source of it
again as a new source until the texts weigh ``size`` MB: its text perturbed as
``bench.py`` perturbs a repeated book (each paragraph dropped with p = 0.05; in one of five
paragraphs one word dropped or doubled; a first line naming the copy), and its records
moved with the text — offsets mapped through the edits; a mention, timex, head or claim
that an edit touches is dropped (a claim also when any of its actors, place, numbers or
timex is touched), a document whose text is all dropped goes with its records; ids
renamed (source id from the new bytes, document and claim ids from the new spans).

What this is not: the records of a copy are the base's, moved, **not a re-parse** of the
perturbed text. A parse of the copy would find nearly the same mentions and claims (the
edits are a few words a paragraph), but not exactly these; the corpus layer's work and
memory at size are what this measures, not the per-source steps.
"""
from __future__ import annotations

import argparse
import bisect
import hashlib
import random
import shutil
import sys
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))

from quellen.model import Document, Source, content_id  # noqa: E402
from quellen.store import open_store  # noqa: E402

MB = 1_000_000


class Edits:
    """The edits that make a copy: (old start, old end, inserted text), sorted, not overlapping.

    Maps an old offset to the new text's: a start moves past text inserted at it, an end stays
    before it; an offset inside deleted text has no image (:meth:`start`/:meth:`end` snap it
    to the deletion's edges).
    """

    def __init__(self, text: str, edits: list[tuple[int, int, str]]):
        self.edits = sorted(edits)
        pieces, last = [], 0
        self.shift: list[int] = []  # new - old, after each edit
        delta = 0
        for s, e, ins in self.edits:
            pieces += [text[last:s], ins]
            last = e
            delta += len(ins) - (e - s)
            self.shift.append(delta)
        pieces.append(text[last:])
        self.text = "".join(pieces)
        self.starts = [s for s, _, _ in self.edits]

    def _before(self, p: int, inclusive: bool) -> int:
        return bisect.bisect_right(self.starts, p) if inclusive else bisect.bisect_left(self.starts, p)

    def start(self, p: int) -> int:
        """Return where old offset ``p`` begins in the new text (after anything inserted at ``p``)."""
        i = self._before(p, True) - 1
        if i < 0:
            return p
        s, e, ins = self.edits[i]
        if p < e:  # inside a deletion: its end
            return s + len(ins) + (self.shift[i - 1] if i else 0)
        return p + self.shift[i]

    def end(self, p: int) -> int:
        """Return where old offset ``p`` ends in the new text (before anything inserted at ``p``)."""
        i = self._before(p, False) - 1
        if i < 0:
            return p
        s, e, ins = self.edits[i]
        if p < e:  # inside a deletion: its start
            return s + (self.shift[i - 1] if i else 0)
        return p + self.shift[i]

    def touched(self, s: int, e: int) -> bool:
        """Return True when an edit deletes a character of old ``[s, e)`` or inserts strictly inside it."""
        for i in range(max(bisect.bisect_left(self.starts, s) - 1, 0), bisect.bisect_left(self.starts, e)):
            es, ee, _ = self.edits[i]
            if (es < ee and es < e and ee > s) or (es == ee and s < es < e):
                return True
        return False


def perturb(text: str, rng: random.Random, copy: int) -> Edits:
    """Return the edits of copy ``copy`` of ``text``: as ``bench._perturb`` does to a repeated chunk."""
    edits: list[tuple[int, int, str]] = [(0, 0, f"[Copy {copy + 1}]\n\n")]
    pos = 0
    paras = text.split("\n\n")
    for k, para in enumerate(paras):
        start, end = pos, pos + len(para)
        pos = end + 2
        if rng.random() < 0.05:
            if k + 1 < len(paras):
                edits.append((start, end + 2, ""))  # the paragraph and its break
            elif start >= 2:
                edits.append((start - 2, end, ""))
            continue
        if rng.random() < 0.2:
            words = para.split(" ")
            if len(words) > 4:
                w = rng.randrange(len(words))
                ws = start + sum(len(x) + 1 for x in words[:w])
                we = ws + len(words[w])
                if rng.random() < 0.5:  # dropped, with the space after it (before it, for the last)
                    edits.append((ws, we + 1, "") if w + 1 < len(words) else (ws - 1, we, ""))
                else:
                    edits.append((we, we, " " + words[w]))
    return Edits(text, edits)


def replicate_source(store, source: Source, copy: int) -> tuple:
    """Return (source, documents, timexes, mentions, layers) of copy ``copy`` of a stored source."""
    rng = random.Random(f"{copy}:{source.name}")
    ed = perturb(source.text, rng, copy)
    data = ed.text.encode("utf-8")
    sha = hashlib.sha256(data).hexdigest()
    sid = Source.make_id(sha)
    name = f"r{copy:02d}_{source.name}"
    new_source = replace(source, id=sid, name=name, sha256=sha, text=ed.text,
                         path=str(Path(source.path).with_name(name)) if source.path else "", blocks=())
    docs: dict[str, str] = {}
    documents = []
    for d in store.documents(source=source.id):
        s, e = ed.start(d.char_start), ed.end(d.char_end)
        if e <= s:
            continue
        heads = tuple(replace(h, char_start=ed.start(h.char_start), char_end=ed.end(h.char_end))
                      for h in d.heads if not ed.touched(h.char_start, h.char_end))
        docs[d.id] = Document.make_id(sid, s, e)
        documents.append(replace(d, id=docs[d.id], source=sid, char_start=s, char_end=e, heads=heads))

    def moved(records):
        for r in records:
            if (r.document is None or r.document in docs) and not ed.touched(r.char_start, r.char_end):
                yield replace(r, source=sid, document=docs.get(r.document),
                              char_start=ed.start(r.char_start), char_end=ed.end(r.char_end))

    timexes = list(moved(store.timexes(source=source.id)))
    mentions = list(moved(store.mentions(source=source.id)))
    claims = []
    for c in store.layer(source.id, "claims") or ():
        subs = [(a[2], a[3]) for a in c["actors"]] + [(n[2], n[3]) for n in c["numbers"]]
        subs += [tuple(c["place"][1:3])] if c.get("place") else []
        subs += [tuple(c["timex"])] if c.get("timex") else []
        if (c.get("document") is not None and c["document"] not in docs) or any(ed.touched(s, e) for s, e in subs):
            continue
        s, e = ed.start(c["char_start"]), ed.end(c["char_end"])
        if e <= s:
            continue
        c = dict(c, source=sid, document=docs.get(c.get("document")), char_start=s, char_end=e,
                 id=content_id("clm", sid, s, e, c["id"]))
        c["actors"] = [[a[0], a[1], ed.start(a[2]), ed.end(a[3]), *a[4:]] for a in c["actors"]]
        c["numbers"] = [[n[0], n[1], ed.start(n[2]), ed.end(n[3]), *n[4:]] for n in c["numbers"]]
        if c.get("place"):
            p = c["place"]
            c["place"] = [p[0], ed.start(p[1]), ed.end(p[2]), *p[3:]]
        if c.get("timex"):
            c["timex"] = [ed.start(c["timex"][0]), ed.end(c["timex"][1])]
        claims.append(c)
    return new_source, documents, timexes, mentions, {"claims": claims}


def replicate(base: Path, out: Path, size_mb: float, progress=None) -> dict:
    """Return counts after writing to ``out`` the store ``base`` plus perturbed copies of its sources up to
    ``size_mb`` MB of text."""
    partial = out.with_suffix(".partial")
    shutil.copy(base, partial)
    with open_store(partial) as store:
        sources = sorted(store.sources(), key=lambda s: (s.name, s.id))
        total = sum(len(s.text.encode("utf-8")) for s in sources)
        copy, added = 1, 0
        while total < size_mb * MB:
            for source in sources:
                new = replicate_source(store, source, copy)
                settings_hash = store._execute("SELECT settings_hash FROM sources WHERE id=?",
                                               (source.id,)).fetchone()[0]
                store.add_source(*new[:4], new[4], settings_hash=settings_hash)
                total += len(new[0].text.encode("utf-8"))
                added += 1
                if progress:
                    progress(copy, added, total)
                if total >= size_mb * MB:
                    break
            copy += 1
        counts = store.counts()
    partial.rename(out)
    return {"bytes": total, "added": added, "counts": counts}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="a built store (bench.py's corpus, embeddings off)")
    parser.add_argument("out", help="the store to write")
    parser.add_argument("--size", type=float, required=True, help="MB of text to reach")
    args = parser.parse_args()
    r = replicate(Path(args.base), Path(args.out), args.size)
    print(f"{args.out}: {r['bytes'] / MB:.2f} MB, {r['added']} sources added, {r['counts']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
