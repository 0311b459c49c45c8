"""The learned boundary model: a linear-chain CRF over units, with the rule cues as features.

As GROBID does for scholarly papers, the hand-written cues of :mod:`.lines` and
the decisions of the rule cascade (:mod:`.cascade`) are not the last word but
*features* of a sequence labeller, whose weights were learned from gold
segmentations of whole books (``scripts/train-segmenter``). Each unit gets one
label: ``B-<class>`` when a document starts there, ``I-<class>`` when it goes
on, where ``<class>`` is the coarse kind of the document (``record``,
``personal``, ``account``, ``furniture``); the fine kind (letter or telegram,
diary or memoir...) is still read by :mod:`.describe` inside that class.

The models are plain data (``quellen/data/segmenter.json``: labels, transition
and state weights) decoded here with Viterbi in pure Python, so segmenting
needs no extra dependency; only training needs ``python-crfsuite`` (the
``[train]`` extra). **No model is shipped today**: trained on nine of the ten
texts of ``eval/corpora`` and scored on the tenth, the CRF stays below the rules
on every book, and the :class:`Corrector` (the rules decide; a CRF may only
remove a boundary of a reason the books found weak) gains on one book and loses
on another (``docs/segmenter-loo.md``), so ``segment`` runs the rules alone
unless a model file is present or passed in. The path is kept so
that a corpus with its own gold can train one and measure it the same way.
Features are shapes and cue names, never a corpus's words: the only lexical
features are the first word of a unit, kept by the trainer only when it occurs
in at least three of the training books (so no book's names can be learned).
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from importlib import resources

from ..extract.dates.lexicon import WD_NAMES
from .cascade import Group
from .lines import (FULL_DATE_RE, MONTHS, NARRATION_VERBS, TIME_HEAD_RE, Unit, is_allcaps, kind_from_words,
                    leading_date, yearless)

__all__ = ["unit_features", "group_features", "Model", "Segmenter", "load_model", "COARSE_CLASSES", "cascade_marks",
           "learned_groups", "class_mode", "correction_features", "rule_reasons", "Corrector", "drop_starts"]

#: the coarse kinds the model labels; :mod:`.describe` picks the fine kind inside one
COARSE_CLASSES = ("record", "personal", "account", "furniture")

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = rf"(?:{WD_NAMES.lower()})"
#: a bare day number or ordinal opening a line: "4th (Sunday).", "5th.", "12."
_DAY_ORDINAL_RE = re.compile(r"^\d{1,2}(?:st|nd|rd|th|d)?\b\.?(?:\s*\(|\s*[.:,—–-]|\s*$)", re.I)
#: a time of day or relative time that heads an entry: "Later.", "Evening.", "Same day, 11 p.m."
_CLOCK_RE = re.compile(r"\b\d{1,2}[.:]\d\d\b|\b\d{1,2}\s*[ap]\.\s?m\b|\b(?:noon|midnight|o'clock|o’clock)\b", re.I)
_ROMAN_RE = re.compile(r"^(?:[IVXLC]+|\d+)\.?$")
#: "From X to Y", "X to Y": the header of a letter in a series
_FROM_TO_RE = re.compile(r"^(?:(?:letter|note|telegram|memorandum)[\s,]+)?(?:from\s+)?[A-Z][^.!?]{0,60}\s+to\s+"
                         r"(?:the\s+)?[A-Z][^!?]{0,60}$")
_SERIES_RE = re.compile(r"(?:['’]s\s+(?:journal|diary|narrative|statement|memorandum|letters?|notebook|"
                        r"phonograph|log)\b|\b(?:narrative|statement|journal|diary|memoirs?|story|account|"
                        r"confession|evidence|testimony|extracts?)\s+(?:of|by|from)\b|\b(?:"
                        rf"{NARRATION_VERBS})\s+by\b)", re.I)
_CUTTING_RE = re.compile(r"\b(?:cutting|clipping|gazette|times|herald|chronicle|post|mail|news|journal|"
                         r"advertiser|telegraph|courier|register|mercury|standard|observer)\b", re.I)
_VALEDICTION_RE = re.compile(r"^(?:yours|your\s+\w+|ever\s+|adieu|farewell|good-?bye|i\s+am|i\s+remain|"
                             r"believe\s+me)", re.I)


def _bucket(n: float, edges: tuple) -> str:
    for i, e in enumerate(edges):
        if n <= e:
            return str(i)
    return str(len(edges))


def cascade_marks(units: list[Unit], groups) -> list[tuple[bool, str, str]]:
    """Return, per unit, (whether the rule cascade starts a document there, its reason, its mode)."""
    marks = [(False, "", "")] * len(units)
    index = {id(u): i for i, u in enumerate(units)}
    for group in groups:
        for j, unit in enumerate(group.units):
            i = index.get(id(unit))
            if i is None:
                continue
            if j == 0:
                reason = re.sub(r"[^a-z]+", "_", (group.evidence[0] if group.evidence else "").lower())[:30]
                marks[i] = (True, reason, group.mode or "none")
            else:
                marks[i] = (False, "", group.mode or "none")
    return marks


def _own(unit: Unit, text: str) -> list[str]:
    """Return the features of one unit read from the unit alone."""
    t = unit.text.strip()
    low = t.lower()
    toks = t.split()
    n = len(toks)
    f = [f"cue={unit.cue}", f"len={_bucket(n, (1, 2, 4, 8, 15, 30, 80))}", f"gap={min(unit.gap, 3)}"]
    if unit.tag:
        f.append(f"tag={unit.tag}")
    last = t.rstrip("\"'”’»)]* ")[-1:] or "_"
    f.append("end=" + (last if last in ".!?,;:—–-" else ("a" if last.isalpha() else ("9" if last.isdigit() else "o"))))
    first = toks[0] if toks else ""
    shape = "".join("A" if c.isupper() else "a" if c.isalpha() else "9" if c.isdigit() else c
                    for c in first[:4])
    f.append("shape0=" + re.sub(r"(.)\1+", r"\1", shape))
    w0 = re.sub(r"[^\w'’-]+", "", first.lower())
    if w0:
        f.append(f"w0={w0}")
    if n > 1:
        w1 = re.sub(r"[^\w'’-]+", "", toks[1].lower())
        if w1 and not toks[1][:1].isupper():
            f.append(f"w01={w0}_{w1}")
    if is_allcaps(t):
        f.append("allcaps")
    if n and all(w[:1].isupper() or not w[:1].isalpha() or w in ("of", "the", "and", "to", "by", "in", "a")
                 for w in toks):
        f.append("titlecase")
    if _DAY_ORDINAL_RE.match(t):
        f.append("day_ordinal")
    if TIME_HEAD_RE.match(t):
        f.append("time_head")
    if _CLOCK_RE.search(t[:60]):
        f.append("clock_early")
    if _ROMAN_RE.match(t):
        f.append("numeral_alone")
    if re.match(rf"^{_WEEKDAY}\b", low):
        f.append("weekday_lead")
    if re.match(rf"^(?:{_MONTH_ALT})\.?\b", low) and n <= 12:
        f.append("month_lead")
    lead = leading_date(t)
    if lead:
        f.append("lead_date")
        rest = t[lead.end():]
        f.append("lead_date_short" if len(rest.split()) <= 4 else "lead_date_body")
    head = t[:60]
    if FULL_DATE_RE.search(head):
        f.append("full_date_early")
    elif yearless(head):
        f.append("yearless_early")
    if n <= 12 and FULL_DATE_RE.search(t[-40:]) or (n <= 12 and yearless(t[-30:])):
        f.append("short_ends_with_date")
    if n > 12 and (FULL_DATE_RE.search(t[-40:]) or yearless(t[-25:])):
        f.append("long_ends_with_date")
    if re.search(r"\b1[0-9]\d\d\b", t) and n <= 6:
        f.append("short_with_year")
    if n <= 16:
        k = kind_from_words(t)
        if k:
            f.append(f"kindword={k}")
        if _FROM_TO_RE.match(t):
            f.append("from_to")
        if _SERIES_RE.search(t):
            f.append("series_head")
        if _CUTTING_RE.search(t) and (FULL_DATE_RE.search(t) or yearless(t) or is_allcaps(t)):
            f.append("paper_and_date")
        if _VALEDICTION_RE.match(t):
            f.append("valediction")
    if t[:1] in "\"“'‘":
        f.append("opens_quote")
    if unit.cue == "prose":
        ft = unit.features
        for key in ("lead_date", "lead_shape", "lead_time", "lead_clock", "salute", "framing", "inline_doc",
                    "name_colon", "bio_lead", "resolved"):
            if ft.get(key):
                f.append(f"p_{key}")
        f.append(f"first={_bucket(ft.get('first', 0), (0.0, 0.01, 0.03, 0.06))}")
        f.append(f"second={_bucket(ft.get('second', 0), (0.0, 0.01, 0.03))}")
        if ft.get("questions"):
            f.append("questions")
    return f


def unit_features(units: list[Unit], groups, text: str = "") -> list[list[str]]:
    """Return the CRF features of every unit: its own shape and cues, the cascade's decision, its neighbours'."""
    marks = cascade_marks(units, groups)
    own = [_own(u, text) for u in units]
    out = []
    for i, unit in enumerate(units):
        f = ["bias"] + own[i]
        start, reason, mode = marks[i]
        f.append(f"casc_mode={mode}")
        if start:
            f += ["casc_start", f"casc_reason={reason}", f"casc_reason|cue={reason}|{unit.cue}"]
        prev_cue = units[i - 1].cue if i else "edge"
        next_cue = units[i + 1].cue if i + 1 < len(units) else "edge"
        f += [f"cue|prev={unit.cue}|{prev_cue}", f"cue|next={unit.cue}|{next_cue}",
              f"prev|cue|next={prev_cue}|{unit.cue}|{next_cue}"]
        if i and units[i - 1].cue == "prose" and unit.cue != "prose":
            f.append("after_prose=" + own[i][1].split("=")[1] + "|" + own[i][2])
        for d in (-2, -1, 1, 2):
            j = i + d
            if j < 0 or j >= len(units):
                f.append(f"{d}:edge")
                continue
            keep = [x for x in own[j] if not x.startswith(("w0=", "w01=", "shape0=", "first=", "second="))]
            if abs(d) == 2:
                keep = [x for x in keep if x.startswith(("cue=", "len=", "gap="))]
            f += [f"{d}:{x}" for x in keep]
            if marks[j][0]:
                f.append(f"{d}:casc_start")
        out.append(f)
    return out


class Model:
    """A linear-chain CRF's weights, decoded with Viterbi."""

    def __init__(self, data: dict):
        self.labels: list[str] = data["labels"]
        self.state: dict[str, dict[str, float]] = data["state"]
        lab = {name: k for k, name in enumerate(self.labels)}
        n = len(self.labels)
        self.trans = [[0.0] * n for _ in range(n)]
        for key, w in data["transitions"].items():
            a, b = key.split(" ")
            self.trans[lab[a]][lab[b]] = w
        self.meta = data.get("meta", {})

    def scores(self, feats: list[str]) -> list[float]:
        """Return the state score of each label for one unit's features."""
        lab = {name: k for k, name in enumerate(self.labels)}
        s = [0.0] * len(self.labels)
        for a in feats:
            row = self.state.get(a)
            if row:
                for label, w in row.items():
                    s[lab[label]] += w
        return s

    def tag(self, sequence: list[list[str]]) -> list[str]:
        """Return the best label of every unit of the sequence (Viterbi)."""
        if not sequence:
            return []
        n = len(self.labels)
        best = self.scores(sequence[0])
        back: list[list[int]] = []
        for feats in sequence[1:]:
            s = self.scores(feats)
            new, ptr = [0.0] * n, [0] * n
            for b in range(n):
                k = max(range(n), key=lambda a: best[a] + self.trans[a][b])
                new[b] = best[k] + self.trans[k][b] + s[b]
                ptr[b] = k
            back.append(ptr)
            best = new
        k = max(range(n), key=lambda a: best[a])
        path = [k]
        for ptr in reversed(back):
            k = ptr[k]
            path.append(k)
        return [self.labels[k] for k in reversed(path)]

    def marginals(self, sequence: list[list[str]], label: str) -> list[float]:
        """Return the probability of ``label`` at every unit of the sequence (forward-backward)."""
        if not sequence:
            return []
        n, k = len(self.labels), self.labels.index(label)
        states = [self.scores(f) for f in sequence]

        def lse(xs):
            m = max(xs)
            return m + math.log(sum(math.exp(x - m) for x in xs))

        alpha = [states[0]]
        for s in states[1:]:
            alpha.append([lse([alpha[-1][a] + self.trans[a][b] for a in range(n)]) + s[b] for b in range(n)])
        beta = [[0.0] * n]
        for s in reversed(states[1:]):
            beta.insert(0, [lse([self.trans[a][b] + s[b] + beta[0][b] for b in range(n)]) for a in range(n)])
        z = lse(alpha[-1])
        return [math.exp(alpha[t][k] + beta[t][k] - z) for t in range(len(states))]

    def to_json(self) -> dict:
        """Return the model as the plain data it was loaded from."""
        return {"labels": self.labels, "state": self.state, "meta": self.meta,
                "transitions": {f"{a} {b}": self.trans[i][j] for i, a in enumerate(self.labels)
                                for j, b in enumerate(self.labels) if self.trans[i][j]}}


_MODES = {"record": "record", "personal": "personal", "account": "account", "furniture": "furniture"}


def learned_groups(units: list[Unit], groups: list[Group], labels: list[str], merge_heads: bool = True) -> list[Group]:
    """Return the units regrouped at the boundaries the model placed (label ``B``).

    Where a learned document starts on the same unit as one of the cascade's, the
    cascade's group lends what it read there (framing sentence, attribution line,
    mode, the reason for the boundary).
    """
    by_first = {id(g.units[0]): g for g in groups if g.units}
    out: list[Group] = []
    for unit, label in zip(units, labels):
        if label == "B" or not out:
            rule = by_first.get(id(unit))
            group = Group(units=[unit], phase="body", evidence=["learned boundary"])
            if rule is not None:
                group.evidence += [e for e in rule.evidence if e != "page title"]
                group.framing, group.framing_text = rule.framing, rule.framing_text
                group.framing_start, group.attribution = rule.framing_start, rule.attribution
                group.mode = rule.mode
            elif unit.cue in ("salutation", "addressee"):
                group.mode = "record"
            out.append(group)
        else:
            out[-1].units.append(unit)
    # a date line, salutation or addressee with nothing under it is no document: it heads the next one
    merged: list[Group] = []
    for group in out:
        if merge_heads and merged and all(u.cue in _HEAD_ONLY and not _YEAR_RE.match(u.text)
                                          for u in merged[-1].units):
            head = merged.pop()
            group.units[:0] = head.units
            group.evidence = head.evidence + [e for e in group.evidence if e not in head.evidence]
            group.framing = group.framing or head.framing
            group.mode = head.mode if head.mode in ("record", "personal") else group.mode
        merged.append(group)
    out = merged
    for group in out:
        if group.mode is None:
            prose = next((u for u in group.units if u.cue == "prose"), None)
            if prose is None:
                group.mode = "furniture" if all(u.cue in ("heading", "byline") for u in group.units) else "record"
            elif prose.features.get("lead_date"):
                group.mode = "personal"
            else:
                group.mode = "record" if prose.features.get("first", 0) >= 0.02 else "account"
    return out


_YEAR_RE = re.compile(r"^(?:anno\s+|a\.\s*d\.\s*)?\d{3,4}\.?$", re.I)
_HEAD_ONLY = frozenset({"dateline", "salutation", "addressee"})
_RULE_CUES = ("salutation", "closing", "signature", "dateline", "heading", "byline", "addressee", "mark")


def group_features(groups: list[Group], kinds: list[str]) -> list[list[str]]:
    """Return the features of every document for the kind model: the rules' kind, its cues, its voice."""
    from .describe import CLASS_OF_KIND
    own = []
    for group, kind in zip(groups, kinds):
        units = group.units
        prose = [u for u in units if u.cue == "prose"]
        words = sum(u.n_words for u in prose)
        f = [f"rk={kind}", f"rc={CLASS_OF_KIND.get(kind, 'other')}", f"mode={group.mode}",
             f"n_units={_bucket(len(units), (1, 2, 3, 5, 10, 30))}",
             f"words={_bucket(words, (0, 10, 40, 150, 600, 3000))}"]
        f += [f"has={c}" for c in _RULE_CUES if any(u.cue == c for u in units)]
        f += [f"u0:{x}" for x in _own(units[0], "") if not x.startswith(("first=", "second="))]
        if len(units) > 1:
            f += [f"u1:{x}" for x in _own(units[1], "") if x.startswith(("cue=", "len=", "kindword", "lead_date",
                                                                           "series", "from_to", "day_ordinal"))]
        if prose:
            rate = sum(u.features.get("first", 0) * u.n_words for u in prose) / max(words, 1)
            second = sum(u.features.get("second", 0) * u.n_words for u in prose) / max(words, 1)
            f += [f"first={_bucket(rate, (0.0, 0.01, 0.02, 0.04, 0.07))}",
                  f"second={_bucket(second, (0.0, 0.005, 0.015, 0.03))}"]
            if prose[0].features.get("lead_date"):
                f.append("p0_lead_date")
            if any(u.features.get("lead_date") for u in prose[1:]):
                f.append("later_lead_date")
        else:
            f.append("no_prose")
        if "learned boundary" in group.evidence and len(group.evidence) == 1:
            f.append("not_a_rule_start")
        own.append(f)
    out = []
    for i, f in enumerate(own):
        g = ["bias"] + f
        for d in (-1, 1):
            j = i + d
            if 0 <= j < len(own):
                g += [f"{d}:{x}" for x in own[j]
                      if x.startswith(("rk=", "rc=", "n_units=", "words=", "u0:cue=", "no_prose"))]
            else:
                g.append(f"{d}:edge")
        out.append(g)
    return out


def class_mode(cls: str) -> str:
    """Return the cascade mode that goes with a coarse class."""
    return _MODES[cls]


class Segmenter:
    """The two learned models: boundaries over units, then the coarse class of each document."""

    def __init__(self, data: dict):
        self.boundary = Model(data["boundary"])
        self.kind = Model(data["kind"])
        self.meta = data.get("meta", {})

    def to_json(self) -> dict:
        """Return both models as plain data."""
        return {"boundary": self.boundary.to_json(), "kind": self.kind.to_json(), "meta": self.meta}


def rule_reasons(units: list[Unit], groups) -> list[str | None]:
    """Return, per unit, ``reason|cue`` where the rule cascade starts a document there, else None."""
    return [f"{reason}|{unit.cue}" if start else None
            for unit, (start, reason, _) in zip(units, cascade_marks(units, groups))]


def correction_features(units: list[Unit], groups, text: str = "") -> list[list[str]]:
    """Return the correction model's features: :func:`unit_features` and how far the rules' starts around lie."""
    reasons = rule_reasons(units, groups)
    out, prev = [], None
    for i, f in enumerate(unit_features(units, groups, text)):
        g = list(f)
        if reasons[i]:
            g.append(f"dist_prev_start={min(i - prev, 5) if prev is not None else 5}")
            prev = i
        nxt = next((j for j in range(i + 1, min(i + 6, len(units))) if reasons[j]), None)
        g.append(f"dist_next_start={nxt - i if nxt else 6}")
        out.append(g)
    return out


def drop_starts(groups: list[Group], drops: set[int], units: list[Unit]) -> list[Group]:
    """Return ``groups`` with each group whose first unit's index is in ``drops`` joined to the group before it."""
    index = {id(u): i for i, u in enumerate(units)}
    out: list[Group] = []
    for group in groups:
        if out and group.units and index.get(id(group.units[0])) in drops:
            out[-1].units.extend(group.units)
            continue
        out.append(group)
    return out


class Corrector:
    """A correction of the rule cascade: a CRF's doubt removes the rules' boundaries of reasons the books found weak.

    Only boundaries the cascade placed for one of ``reasons`` (``reason|cue``: the rules' own precision on
    the training books was low for them) can be removed, and only where the CRF gives a document start a
    probability below ``drop_below``; every other decision of the cascade stands.
    """

    def __init__(self, data: dict):
        self.boundary = Model(data["boundary"])
        self.reasons = frozenset(data["reasons"])
        self.drop_below = float(data["drop_below"])
        self.meta = data.get("meta", {})

    def drops(self, units: list[Unit], groups, text: str = "") -> set[int]:
        """Return the indices of the units where the cascade's document start is removed."""
        reasons = rule_reasons(units, groups)
        if not any(r in self.reasons for r in reasons[1:]):
            return set()
        probs = self.boundary.marginals(correction_features(units, groups, text), "B")
        return {i for i, r in enumerate(reasons) if i and r in self.reasons and probs[i] < self.drop_below}

    def correct(self, units: list[Unit], groups, text: str = "") -> list[Group]:
        """Return the cascade's groups with the boundaries the model doubts removed."""
        return drop_starts(groups, self.drops(units, groups, text), units)

    def to_json(self) -> dict:
        """Return the correction model as plain data."""
        return {"boundary": self.boundary.to_json(), "reasons": sorted(self.reasons), "drop_below": self.drop_below,
                "meta": self.meta}


@lru_cache(maxsize=1)
def load_model() -> "Segmenter | Corrector | None":
    """Return the segmenter model in ``quellen/data/segmenter.json``, or None when there is none (the default)."""
    try:
        raw = resources.files("quellen").joinpath("data/segmenter.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    data = json.loads(raw)
    return Corrector(data) if "reasons" in data else Segmenter(data)
