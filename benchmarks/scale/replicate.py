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

    .venv/bin/python benchmarks/scale/replicate.py BASE.db OUT.db --size 16 --distinct

With ``--distinct`` a copy is a **new text** instead: every source again with its words
re-spelled through a bijection of the base's vocabulary, a different one per copy
(:class:`Cipher`), so that the copy shares no passage with the base or another copy but keeps
its statistics: a word type goes only to another of the same length, the same case shape
(lower, Title, UPPER, other) and the same frequency band (``floor(log2(count))`` over the
base, bands pooled until a class holds :data:`LEAST_CLASS` words), and each character keeps
its case, so no offset moves. The words of quellen's lexicons of function words, dates,
numbers, titles and given names (:data:`KEPT_LEXICONS`), one-letter words, Roman numerals and
digits stay as they are, so dates, numbers and function words read as before; a word of the
other lexicons (a departure verb, an organisation head ...) becomes another word of the same
lexicons, so the rules that read them still fire (keeping those words too left every passage made
of function and lexicon words alone, "I shall be with you on your wedding night", shared by all
the copies: half of the reuse groups at 16 MB). Every stored string taken from the text
(mention text and names, document titles, authors, addressees, places, heads, quoted evidence,
date texts, the claims' summaries, lemmas, predicates, actors ...) goes through the same
mapping; ids are renamed as for a perturbed copy; stored dates are kept (a real archive of one
period has more claims per date window as it grows).
"""
from __future__ import annotations

import argparse
import bisect
import hashlib
import math
import random
import re
import shutil
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))

from quellen import lexicons  # noqa: E402
from quellen.model import Document, Source, content_id  # noqa: E402
from quellen.store import open_store  # noqa: E402

MB = 1_000_000
#: a word: a run of letters (digits, underscores and marks split words and stay as they are)
WORD = re.compile(r"[^\W\d_]+")
#: the fewest word types a cipher class holds: frequency bands are pooled upwards until they do
LEAST_CLASS = 16
ROMAN = frozenset("ivxlcdm")


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


def fold(word: str) -> str:
    """Return ``word`` lower-cased character by character (a character whose lower case is longer stays)."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in word)


def shape(word: str) -> str:
    """Return the case shape of ``word``: lower, title, upper or other."""
    if word.islower():
        return "lower"
    if word.isupper():
        return "upper"
    return "title" if word[:1].isupper() and word[1:].islower() else "other"


#: the word lists whose words keep their spelling in a distinct copy: function words, and the words
#: of dates, numbers, titles and given names (what a reader must read as before); the words of the
#: other lists (verbs, nouns, heads ...) change, but only into words of the same lists
KEPT_LEXICONS = frozenset({
    "stop_words", "function_words", "first_person", "third_person", "modals", "temporal_prepositions",
    "locative_prepositions", "place_prepositions", "place_prepositions_in_text", "not_subject_openers",
    "not_name_words", "name_small_words", "name_particles", "number_words", "ordinal_words", "vague_quantities",
    "decade_words", "months", "month_abbreviations", "weekdays", "weekday_abbreviations", "weekday_plurals",
    "seasons", "feasts", "times_of_day", "time_units", "time_nouns", "titles", "lower_titles", "title_genders",
    "post_titles", "given_name_variants", "hypocoristics", "given_abbreviations"})


def lexicon_words() -> dict[str, frozenset[str]]:
    """Return the lists of ``quellen/data/lexicon`` each folded word is in (both sides of a ``pairs`` line)."""
    names = [f.name[:-4] for f in resources.files("quellen").joinpath("data/lexicon").iterdir()
             if f.name.endswith(".txt")]
    member: dict[str, set[str]] = defaultdict(set)
    for name in names:
        for line in lexicons.words(name):
            for w in WORD.findall(line):
                member[fold(w)].add(name)
    return {w: frozenset(m) for w, m in member.items()}


def kept_words(lists: dict[str, frozenset[str]], kept: frozenset[str] = KEPT_LEXICONS) -> frozenset[str]:
    """Return the words of ``lists`` (word -> its lexicons) that are in one of the ``kept`` lexicons."""
    return frozenset(w for w, m in lists.items() if m & kept)


class Cipher:
    """The word classes of a base's vocabulary, and one bijection of them per copy.

    ``texts`` give each folded word type its count and its most frequent case shape; ``extra``
    are the words of stored records (lemmas ...) that the texts may not spell (count 0, shape as
    written). A class is (length, shape, the lexicons of ``lists`` the word is in, pooled frequency
    band; a lexicon's words too few for a class of ``least`` join the other lexicons', then the plain
    words of their length and shape); a copy's mapping moves each word along an order of its class shuffled once
    (:meth:`mapping`). Fixed: ``fixed`` (:func:`kept_words`), one-letter words, upper-case Roman numerals.
    """

    def __init__(self, texts, extra=(), fixed: frozenset[str] = frozenset(), least: int = LEAST_CLASS,
                 lists: dict[str, frozenset[str]] | None = None):
        counts: Counter[str] = Counter()
        shapes: dict[str, Counter] = defaultdict(Counter)
        for text in texts:
            for w in WORD.findall(text):
                k = fold(w)
                counts[k] += 1
                shapes[k][shape(w)] += 1
        for w in extra:
            k = fold(w)
            if k not in shapes:
                shapes[k][shape(w)] += 1
        by_kind: dict[tuple, list[tuple[int, str]]] = defaultdict(list)
        self.fixed: set[str] = set()
        for k, seen in shapes.items():
            top = seen.most_common(1)[0][0]
            if len(k) < 2 or k in fixed or (top == "upper" and set(k) <= ROMAN):
                self.fixed.add(k)
                continue
            band = int(math.log2(counts[k])) if counts[k] else -1
            by_kind[(len(k), top, tuple(sorted((lists or {}).get(k, ()))))].append((band, k))
        # a lexicon's words of one length and shape too few to stand alone (two copies would spell a word alike
        # every n-th copy) join the other lexicons' words of that length and shape, then the plain words
        for pool in (("lexicon",), ()):
            for kind in sorted(by_kind):
                if kind[2] and kind[2] != pool and len(by_kind[kind]) < least:
                    by_kind[(*kind[:2], pool)] += by_kind.pop(kind)
        self.classes: list[tuple[str, ...]] = []
        for kind in sorted(by_kind):
            words = sorted(by_kind[kind])
            classes: list[list[str]] = [[]]
            for i, (band, k) in enumerate(words):
                classes[-1].append(k)
                if len(classes[-1]) >= least and i + 1 < len(words) and words[i + 1][0] != band:
                    classes.append([])
            if len(classes) > 1 and len(classes[-1]) < least:  # the most frequent rest joins the band below
                rest = classes.pop()
                classes[-1] += rest
            self.classes += [tuple(c) for c in classes]

    def mapping(self, copy: int) -> dict[str, str]:
        """Return copy ``copy``'s bijection of folded words (a word not in it maps to itself).

        Each class is shuffled once and copy ``c`` sends its ``j``-th word to its ``(j + c)``-th: in a
        class of ``n`` words, copies ``1 .. n - 1`` give each word ``n - 1`` different images, none the
        word itself, so two copies never spell a word alike (independent shuffles per copy did, one
        word in fifteen of the small frequent classes, enough to make short shared passages).
        """
        out: dict[str, str] = {}
        for i, words in enumerate(self.classes):
            order = list(words)
            random.Random(f"distinct:{i}").shuffle(order)
            shift = copy % len(order)
            out.update(zip(order, order[shift:] + order[:shift]))
        return out


def encipher(text: str, mapping: dict[str, str]) -> str:
    """Return ``text`` with every word re-spelled through ``mapping`` (folded words), each character's case kept."""
    def one(m: re.Match) -> str:
        w = m.group()
        image = mapping.get(fold(w))
        if image is None:
            return w
        return "".join(i.upper() if c.isupper() and len(i.upper()) == 1 else i for c, i in zip(w, image))
    return WORD.sub(one, text)


_QUOTED = re.compile(r"'([^']*)'")
#: the claim fields that hold words of the text (lists of lemmas, or a string)
_CLAIM_WORDS = ("summary", "lemmas", "verbs", "subjects", "trigger", "named", "scope", "args", "place_verb")


def _records(store, source: Source, f) -> tuple[list, list, list, list]:
    """Return the documents, timexes, mentions and claims of ``source`` with every string from its text through
    ``f`` (ids, offsets and dates as stored)."""
    def ref(r):
        return replace(r, name=f(r.name)) if r is not None else None

    def date(d):
        return replace(d, text=f(d.text), as_written=f(d.as_written) if d.as_written else d.as_written) if d else d

    documents = [replace(d, title=f(d.title) if d.title else d.title, author=ref(d.author),
                         addressees=tuple(ref(a) for a in d.addressees), date=date(d.date), place=ref(d.place),
                         evidence=tuple(_QUOTED.sub(lambda m: f"'{f(m.group(1))}'", e) for e in d.evidence),
                         heads=tuple(replace(h, text=f(h.text)) for h in d.heads))
                 for d in store.documents(source=source.id)]
    timexes = [replace(t, text=f(t.text), date=date(t.date)) for t in store.timexes(source=source.id)]
    mentions = [replace(m, text=f(m.text), name=f(m.name)) for m in store.mentions(source=source.id)]
    claims = []
    for c in store.layer(source.id, "claims") or ():
        c = dict(c)
        for key in _CLAIM_WORDS:
            if isinstance(c.get(key), str):
                c[key] = f(c[key])
            elif c.get(key):
                c[key] = [f(w) for w in c[key]]
        c["actors"] = [[f(a[0]), *a[1:]] for a in c.get("actors", ())]
        c["numbers"] = [[f(n[0]), f(n[1]), *n[2:]] for n in c.get("numbers", ())]
        c["predicates"] = [[f(p[0]), p[1], [f(w) for w in p[2]]] for p in c.get("predicates", ())]
        c["details"] = [[f(w) for w in d] for d in c.get("details", ())]
        if c.get("place"):
            c["place"] = [f(c["place"][0]), *c["place"][1:]]
        if c.get("date"):
            c["date"] = dict(c["date"], text=f(c["date"]["text"]),
                             as_written=f(c["date"]["as_written"]) if c["date"].get("as_written") else None)
        claims.append(c)
    return documents, timexes, mentions, claims


def record_words(store, sources) -> set[str]:
    """Return the words of every stored string of ``sources`` taken from their texts (what :func:`_records` maps)."""
    seen: set[str] = set()

    def collect(s: str) -> str:
        seen.update(WORD.findall(s))
        return s
    for source in sources:
        _records(store, source, collect)
    return seen


def distinct_source(store, source: Source, copy: int, mapping: dict[str, str]) -> tuple:
    """Return (source, documents, timexes, mentions, layers) of distinct copy ``copy`` of a stored source: its text
    and every string of its records re-spelled through ``mapping``, offsets unchanged, ids renamed."""
    def f(s: str) -> str:
        return encipher(s, mapping)
    text = f(source.text)
    assert len(text) == len(source.text)
    data = text.encode("utf-8")
    sha = hashlib.sha256(data).hexdigest()
    sid = Source.make_id(sha)
    name = f"d{copy:02d}_{source.name}"
    new_source = replace(source, id=sid, name=name, sha256=sha, text=text,
                         path=str(Path(source.path).with_name(name)) if source.path else "",
                         meta=tuple((k, f(v), o) for k, v, o in source.meta))
    documents, timexes, mentions, claims = _records(store, source, f)
    docs = {d.id: Document.make_id(sid, d.char_start, d.char_end) for d in documents}
    documents = [replace(d, id=docs[d.id], source=sid) for d in documents]
    timexes = [replace(t, source=sid, document=docs.get(t.document)) for t in timexes]
    mentions = [replace(m, source=sid, document=docs.get(m.document)) for m in mentions]
    claims = [dict(c, source=sid, document=docs.get(c.get("document")),
                   id=content_id("clm", sid, c["char_start"], c["char_end"], c["id"])) for c in claims]
    return new_source, documents, timexes, mentions, {"claims": claims}


def replicate(base: Path, out: Path, size_mb: float, progress=None, distinct: bool = False) -> dict:
    """Return counts after writing to ``out`` the store ``base`` plus copies of its sources up to ``size_mb`` MB of
    text: perturbed copies, or with ``distinct`` enciphered ones (:class:`Cipher`)."""
    partial = out.with_suffix(".partial")
    shutil.copy(base, partial)
    with open_store(partial) as store:
        sources = sorted(store.sources(), key=lambda s: (s.name, s.id))
        total = sum(len(s.text.encode("utf-8")) for s in sources)
        cipher = None
        if distinct:
            lists = lexicon_words()
            cipher = Cipher((s.text for s in sources), record_words(store, sources), kept_words(lists), lists=lists)
        copy, added = 1, 0
        while total < size_mb * MB:
            mapping = cipher.mapping(copy) if cipher else None
            for source in sources:
                new = distinct_source(store, source, copy, mapping) if cipher else replicate_source(store, source, copy)
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
    parser.add_argument("--distinct", action="store_true", help="copies as new texts: words re-spelled through a "
                        "bijection of the vocabulary per copy (no passage shared), not perturbed")
    args = parser.parse_args()
    if not Path(args.base).is_file():
        parser.error(f"{args.base}: no such store (the base is a built quellen SQLite store)")
    if Path(args.out).resolve() == Path(args.base).resolve():
        parser.error(f"{args.out}: the store to write must not be the base")
    r = replicate(Path(args.base), Path(args.out), args.size, distinct=args.distinct)
    print(f"{args.out}: {r['bytes'] / MB:.2f} MB, {r['added']} sources added, {r['counts']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
