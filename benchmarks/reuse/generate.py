"""A synthetic corpus with planted text reuse, and its gold pairs.

Background texts are drawn from a Zipf-distributed vocabulary of invented words
(so no real text leaks in), with invented capitalised names and numbers. Into
them we plant, each time inside a longer host text:

- ``verbatim``: an exact copy of a passage;
- ``excerpt``: an exact copy of part of a passage;
- ``ocr:<rate>``: a copy with character noise (substitutions, deletions,
  insertions, split and merged words) at 2, 5, 10, 15 or 20 % of characters;
- ``paraphrase:<rate>``: rewording -- a share (10, 25, 40, 60 %) of the words
  replaced by synonyms, and neighbouring sentences or clauses swapped;
- ``translation``: translation-like rewording, most words reworded into another
  vocabulary, names and numbers kept, word order shifted locally;
- labelled decoys (``Corpus.decoys``, none may be linked): ``names`` -- two texts
  that share three names and a number in unrelated sentences; ``dated`` -- two
  names, a day-month-year date and a figure, each in its own unrelated sentence;
  ``namesake`` -- one sentence each holding the same two names and number in another
  event; ``topic`` -- one sentence each on the same topic (half the ordinary words
  kept) with other names and numbers. Stock phrases shared by hundreds of texts are
  sprinkled everywhere (boilerplate).

``STANDARD`` names the kinds of the standard mix (exact copies, OCR noise up to
10 %, rewording up to 25 %), on which issue 14 asks strict F1 >= 0.90.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

__all__ = ["Planted", "Corpus", "generate", "KINDS", "STANDARD", "DECOYS"]

KINDS = ("verbatim", "excerpt", "ocr:0.02", "ocr:0.05", "ocr:0.10", "ocr:0.15", "ocr:0.20",
         "paraphrase:0.10", "paraphrase:0.25", "paraphrase:0.40", "paraphrase:0.60", "translation")
STANDARD = ("verbatim", "excerpt", "ocr:0.02", "ocr:0.05", "ocr:0.10", "paraphrase:0.10", "paraphrase:0.25")
DECOYS = ("names", "dated", "namesake", "topic")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")

_CONSONANTS = "bcdfghklmnprstvz"
_VOWELS = "aeiou"


@dataclass
class Planted:
    """One gold pair: chars ``a_start:a_end`` of text ``a`` reappear at ``b_start:b_end`` of ``b``."""

    kind: str
    a: int
    a_start: int
    a_end: int
    b: int
    b_start: int
    b_end: int


@dataclass
class Corpus:
    texts: list[str]
    gold: list[Planted] = field(default_factory=list)
    #: pairs of texts that share names and numbers only (must not be linked)
    negatives: list[tuple[int, int]] = field(default_factory=list)
    #: the same pairs with their decoy kind: (kind, text a, text b)
    decoys: list[tuple[str, int, int]] = field(default_factory=list)


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(syllables)) + \
        (rng.choice(_CONSONANTS) if rng.random() < 0.5 else "")


class _Language:
    def __init__(self, rng: random.Random, size: int = 30000):
        words = set()
        while len(words) < size:
            words.add(_word(rng, rng.choice((1, 2, 2, 3, 3, 4))))
        # sorted first: a set's order follows the string hash, which changes with every process,
        # and the corpus must be the same in every run
        self.words = sorted(sorted(words), key=len)  # short words are the frequent ones, as in life
        rng.shuffle(self.words[200:])
        self.weights = [1 / (r + 1) ** 1.05 for r in range(size)]
        self.cum = []
        total = 0.0
        for w in self.weights:
            total += w
            self.cum.append(total)
        pool = sorted(words)
        rng.shuffle(pool)
        self.synonym = {w: _word(rng, 3) for w in self.words}
        self.foreign = {w: _word(rng, 2) + "e" for w in self.words}
        self.names = sorted({_word(rng, 3).capitalize() for _ in range(6000)})
        self.stock = [" ".join(rng.choices(self.words[:300], k=6)) for _ in range(40)]

    def sentence(self, rng: random.Random) -> str:
        n = rng.randint(8, 24)
        out = []
        for i in range(n):
            r = rng.random()
            if r < 0.05:
                out.append(rng.choice(self.names))
            elif r < 0.07:
                out.append(str(rng.randint(2, 1999)))
            else:
                out.append(rng.choices(self.words, cum_weights=self.cum)[0])
            if i and i < n - 1 and rng.random() < 0.08:
                out[-1] += ","
        if rng.random() < 0.1:
            out.insert(rng.randint(0, len(out)), rng.choice(self.stock))  # stock phrase: boilerplate
        s = " ".join(out)
        return s[0].upper() + s[1:] + "."

    def text(self, rng: random.Random, chars: int) -> str:
        paragraphs = []
        size = 0
        while size < chars:
            p = " ".join(self.sentence(rng) for _ in range(rng.randint(3, 7)))
            paragraphs.append(p)
            size += len(p) + 2
        return "\n\n".join(paragraphs)


def _ocr(rng: random.Random, text: str, rate: float) -> str:
    out = []
    for ch in text:
        r = rng.random()
        if r >= rate:
            out.append(ch)
        elif ch == " ":
            out.append("" if r < rate / 2 else " ")  # merged words
        else:
            kind = rng.random()
            if kind < 0.6:
                out.append(rng.choice("abcdefghijklmnopqrstuvwxyz1il"))
            elif kind < 0.8:
                pass
            elif kind < 0.9:
                out.append(ch + rng.choice("abcdefghijklmnopqrstuvwxyz"))
            else:
                out.append(ch + " ")  # split word
    return "".join(out)


def _sentences(text: str) -> list[str]:
    return [s.strip() + "." for s in text.replace("\n\n", " ").split(".") if s.strip()]


def _paraphrase(rng: random.Random, lang: _Language, text: str, rate: float) -> str:
    sentences = _sentences(text)
    result = []
    for s in sentences:
        words = s.rstrip(".").split()
        words = [lang.synonym.get(w, w) if rng.random() < rate and w.islower() else w for w in words]
        if len(words) > 8 and rng.random() < rate:
            cut = rng.randint(3, len(words) - 3)  # clause reordering
            words = words[cut:] + words[:cut]
        result.append(" ".join(words) + ".")
    for i in range(0, len(result) - 1, 2):
        if rng.random() < rate:
            result[i], result[i + 1] = result[i + 1], result[i]
    return " ".join(result)


def _translate(rng: random.Random, lang: _Language, text: str) -> str:
    out = []
    for s in _sentences(text):
        words = []
        for w in s.rstrip(".").split():
            bare = w.rstrip(",")
            if bare[:1].isupper() and bare.lower() not in lang.synonym or bare.isdigit():
                words.append(bare)  # names and numbers survive translation
            elif rng.random() < 0.85:
                words.append(lang.foreign.get(bare.lower(), bare))
            else:
                words.append(bare)
        for i in range(0, len(words) - 1, 3):  # local word-order shifts
            if rng.random() < 0.3:
                words[i], words[i + 1] = words[i + 1], words[i]
        if rng.random() < 0.3:
            words.insert(rng.randint(0, len(words)), lang.foreign[rng.choice(lang.words[:50])])
        out.append(" ".join(words) + ".")
    return " ".join(out)


def _passage(rng: random.Random, text: str, words: int) -> tuple[int, int]:
    """Return a span of about ``words`` words starting at a sentence."""
    starts = [0] + [m.end() for m in re.finditer(r"\. ", text)]
    start = rng.choice(starts[: max(1, len(starts) // 2)])
    end = start
    count = 0
    while end < len(text) and count < words:
        end = text.find(" ", end + 1)
        if end < 0:
            end = len(text)
        count += 1
    stop = text.find(".", end)
    return start, (stop + 1 if stop > 0 else len(text))


def generate(documents: int = 2000, chars: int = 3500, seed: int = 7,
             plants: int | None = None) -> Corpus:
    """Return a :class:`Corpus` of ``documents`` texts of about ``chars`` characters with planted reuse."""
    rng = random.Random(seed)
    lang = _Language(rng)
    texts = [lang.text(rng, chars) for _ in range(documents)]
    kinds = KINDS
    plants = plants or documents // 4
    corpus = Corpus(texts)
    hosts = list(range(documents))
    rng.shuffle(hosts)
    for k in range(plants):
        kind = kinds[k % len(kinds)]
        a, b = hosts[(2 * k) % documents], hosts[(2 * k + 1) % documents]
        a_start, a_end = _passage(rng, texts[a], rng.randint(40, 220))
        original = texts[a][a_start:a_end]
        if kind == "excerpt":
            part = _sentences(original)
            lo = rng.randint(0, max(0, len(part) - 2))
            original = " ".join(part[lo: lo + max(2, len(part) // 2)])
            a_start = texts[a].find(original[:40], a_start)
            a_end = a_start + len(original)
            copy = original
        elif kind.startswith("ocr:"):
            copy = _ocr(rng, original, float(kind.split(":")[1]))
        elif kind.startswith("paraphrase:"):
            copy = _paraphrase(rng, lang, original, float(kind.split(":")[1]))
        elif kind == "translation":
            copy = _translate(rng, lang, original)
        else:
            copy = original
        host = texts[b]
        cut = host.find("\n\n", rng.randint(0, len(host) - 1))
        cut = len(host) if cut < 0 else cut
        texts[b] = host[:cut] + "\n\n" + copy + host[cut:]
        b_start = cut + 2
        # later plants into text b shift earlier spans of b that lie after the cut
        for g in corpus.gold:
            for side in ("a", "b"):
                if getattr(g, side) == b and getattr(g, f"{side}_start") >= cut:
                    setattr(g, f"{side}_start", getattr(g, f"{side}_start") + len(copy) + 2)
                    setattr(g, f"{side}_end", getattr(g, f"{side}_end") + len(copy) + 2)
        corpus.gold.append(Planted(kind, a, a_start, a_end, b, b_start, b_start + len(copy)))
    # hard negatives: two texts given the same three names and a number, in unrelated sentences
    for k in range(documents // 20):
        a, b = rng.sample(range(documents), 2)
        shared = rng.sample(lang.names, 3) + [str(rng.randint(2000, 2999))]
        for t in (a, b):
            extra = " ".join(f"{lang.sentence(rng)[:-1]} {w}." for w in shared)
            texts[t] = texts[t] + "\n\n" + extra
        corpus.negatives.append((a, b))
        corpus.decoys.append(("names", a, b))
    # dated decoys: two names, a full date and a figure, each in its own unrelated sentence
    for k in range(documents // 20):
        a, b = rng.sample(range(documents), 2)
        date = f"{rng.randint(1, 28)} {rng.choice(_MONTHS)} {rng.randint(1700, 1899)}"
        shared = rng.sample(lang.names, 2) + [date, str(rng.randint(5000, 5999))]
        for t in (a, b):
            extra = " ".join(f"{lang.sentence(rng)[:-1]} on {w}." if w is date else f"{lang.sentence(rng)[:-1]} {w}."
                             for w in rng.sample(shared, len(shared)))
            texts[t] = texts[t] + "\n\n" + extra
        corpus.negatives.append((a, b))
        corpus.decoys.append(("dated", a, b))
    # hard negatives in one sentence: the same two names and number, another event around them
    for k in range(documents // 20):
        a, b = rng.sample(range(documents), 2)
        shared = rng.sample(lang.names, 2) + [str(rng.randint(3000, 3999))]
        for t in (a, b):
            words = lang.sentence(rng)[:-1].split()
            for w in shared:
                words.insert(rng.randint(1, len(words)), w)
            texts[t] = texts[t] + "\n\n" + " ".join(words) + "."
        corpus.negatives.append((a, b))
        corpus.decoys.append(("namesake", a, b))
    # same topic, other facts: half the ordinary words kept, every name and number changed
    for k in range(documents // 20):
        a, b = rng.sample(range(documents), 2)
        words = lang.sentence(rng)[:-1].split()
        other = []
        for w in words:
            bare = w.rstrip(",")
            if bare.isdigit():
                other.append(str(rng.randint(4000, 4999)))
            elif bare[:1].isupper() and bare.lower() not in lang.synonym:
                other.append(rng.choice(lang.names))
            elif rng.random() < 0.5:
                other.append(rng.choices(lang.words, cum_weights=lang.cum)[0])
            else:
                other.append(bare)
        for t, sentence in ((a, words), (b, other)):
            texts[t] = texts[t] + "\n\n" + " ".join(sentence) + "."
        corpus.negatives.append((a, b))
        corpus.decoys.append(("topic", a, b))
    return corpus
