"""Entity resolution: mentions across a corpus clustered into people, places, organizations...

General evidence only, in this order (each merge keeps its reason):

1. **Type** per name, voted over every mention of it: a title, initials or a
   patronymic outvote the model; a bare name that is also the surname of a
   person elsewhere is a person; a name the gazetteer knows as a country or a
   large city is a place unless a rule said otherwise.
2. **People** are parsed into given name, patronymic and surname (initials kept
   as initials; "Surname, Given Patronymic" understood). Names sharing a surname
   merge when their given names and patronymics are compatible: equal after
   transliteration folding ("Yusuf" = "Jussuf"), cross-language variants
   of one given name ("Leon" = "Lev"), an initial that fits, or a close spelling.
   Given name + patronymic alone joins the person with that given name and
   patronymic. Initials alone ("L. D."), bare surnames shared by several people
   and bare given names are resolved mention by mention to the nearest compatible
   full form in the same document.
3. **Never merged**: two names a document sets side by side ("X and Y", lists);
   names of different types.
4. **Organizations** merge on the folded name, and an acronym with the long form
   the corpus itself spells out next to it ("Full Name (FN)"); related bodies with
   different acronyms stay apart. A short form ("the Committee") goes to the
   nearest longer form in the same document that starts with it.
5. **Places** merge when the gazetteer resolves them to the same record
   (an old and a new name of one city); each place keeps lat/lon, gazetteer and id.
6. An **authority file** (CSV or JSON: name, aliases, type, wikidata, lat, lon)
   pins identities: its names join one entity with its QID and coordinates.
"""
from __future__ import annotations

import bisect
import csv
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Mapping

from ..errors import QuellenError
from ..lexicons import pairs, words
from ..model import Entity, Geo, Mention, Span, content_id, replace
from ..settings import EntitySettings
from .entities import GIVEN_ABBREVIATIONS, STREET_WORDS, TITLES, is_patronymic

__all__ = ["resolve", "link_document_refs", "load_authority", "alias_statements", "AuthorityEntry", "skeleton",
           "parse_person", "PersonName",
           "coordinated_pairs", "acronym_pairs", "given_variants", "short_form_of", "HYPOCORISTICS",
           "GivenNameIndex"]

MentionKey = tuple[str, int, int]

#: weight of a mention's vote on its name's type, by origin
_ORIGIN_WEIGHT = {"ner": 1.0, "rule:title": 4.0, "rule:patronymic": 4.0, "rule:initials": 3.0,
                  "rule:vessel": 5.0, "rule:work": 4.0, "rule:acronym": 0.8, "rule:footnote": 0.6,
                  "rule:place": 3.0, "rule:role": 3.0, "rule:surname": 0.5, "rule:org": 2.0, "rule:context": 2.5,
                  "rule:body": 8.0, "rule:dateline": 3.0, "rule:event": 3.0,
                  "authority": 50.0}
#: plural names of movements and their followers ("Jacobins", "Chartists", "Lollards"): bodies, not places
_MOVEMENT = re.compile(r"^[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?(?:ists|ites|iks|viks|ians|ards|ins|ers|ots|ines)$")

#: plural names of movements whose followers the model takes for one person ("Levellers" is not):
#: the endings of a creed's or a faction's followers in several languages ("-ists", "-ites", "-tsy")
_MOVEMENT_PLURAL = re.compile(r"^[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?(?:ists|ites|iks|viks|ians|tsy|tsi)$")
#: a locative preposition and an article just before a name: a building or a place, not a body
_IN_THE = re.compile(r"\b(?:in|inside|within|at|into|from|outside)\s+the\s+$", re.I)
#: prepositions that put the name after them at or through a place ("at Chester", "near Ashby")
_WHERE_PREPOSITIONS = frozenset(w for w, role in pairs("place_prepositions") if role in ("at", "via"))
#: prepositions that put it to or from a place ("went to Chester", "from Stroud"), or to or from someone
#: ("wrote to Florence", "a letter from Sydney": after one of the addressing words)
_TO_FROM_PREPOSITIONS = frozenset(w for w, role in pairs("place_prepositions") if role in ("to", "from"))
_ADDRESSING_WORDS = frozenset(words("addressing_words"))
#: the word in lower case just after a name ("the Phoenix office"), on the same line
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")
#: the two words just before a name, with what lies between them and the name (a space, not a line break)
_WORD_BEFORE = re.compile(r"(?:([A-Za-z]+)[ \t]+)?([A-Za-z]+)[ \t]+$")

#: one given name across languages and transliterations: data/lexicon/given_name_variants.txt
GIVEN_NAME_VARIANTS = list(words("given_name_variants"))


@lru_cache(maxsize=1 << 16)  # the resolver asks for the same names' skeletons again and again
def skeleton(name: str) -> str:
    """Return a spelling skeleton of ``name`` for transliteration-tolerant comparison.

    Folds case and diacritics, ``y``/``j`` to ``i``, ``w`` to ``v``, ``ph`` to ``f``,
    ``ks`` to ``x``, soft signs and doubled letters away.

    >>> skeleton("Yusuf") == skeleton("Jussuf")
    True
    """
    s = unicodedata.normalize("NFKD", name.replace("ł", "l").replace("Ł", "L"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"['’`ʹʼ\[\]]", "", s)
    s = re.sub(r"^the\s+", "", s)
    s = s.replace("ph", "f").replace("ks", "x").replace("kh", "h").replace("w", "v")
    s = s.replace("y", "i").replace("j", "i")
    s = re.sub(r"(\w)\1+", r"\1", s)
    return re.sub(r"[\s.,:;-]+", " ", s).strip()


#: short and pet forms of given names -> the full names they stand for, in several languages
#: (general knowledge: "Bill" is William, "Hans" Johannes, "Sasha" a man's or a woman's name); a short
#: form that is the full name cut short ("Alex", "Max") needs no entry: see :func:`short_form_of`
HYPOCORISTICS = dict(pairs("hypocoristics"))

_VARIANT_OF = {skeleton(n): i for i, group in enumerate(GIVEN_NAME_VARIANTS) for n in group.split()}
_SHORT_FOR = {skeleton(k): {skeleton(f) for f in v.split()} for k, v in HYPOCORISTICS.items()}


def _given_groups(key: str) -> set:
    """Return the identities a given-name skeleton may stand for: its variant group, or itself,
    and those of every full name it is a short form of ("bill" -> William's, "sasha" -> a man's and a woman's name)."""
    out = set()
    for k in {key} | _SHORT_FOR.get(key, set()):
        out.add(_VARIANT_OF.get(k, k))
    return out


def _variant_letters(given: str) -> set[str]:
    """Return the first letters a given name (a skeleton) may be written with, its variants' and
    full forms' too ("bill": b and w, "lev": l)."""
    out = {given[:1]}
    for group in _given_groups(given):
        if isinstance(group, int):
            out |= {skeleton(v)[:1] for v in GIVEN_NAME_VARIANTS[group].split()}
        else:  # a full name the given name is a short form of ("Bill": W.)
            out.add(group[:1])
    return out


def short_form_of(short: str, full: str) -> bool:
    """Return True when the given name ``short`` is ``full`` cut short, as pet names are made.

    The full name begins with the short one ("Max", "Maximilian"), or with all of it but a
    final vowel, as Slavic and Romance pet names end ("Vala", "Valentina"); three letters
    shared at least. Listed short forms (:data:`HYPOCORISTICS`) count too.

    >>> short_form_of("Max", "Maximilian"), short_form_of("Vala", "Valentina"), short_form_of("Max", "Mary")
    (True, True, False)
    """
    ks, kf = skeleton(short), skeleton(full)
    if kf in _SHORT_FOR.get(ks, ()):
        return True
    if " " in ks or " " in kf or len(kf) < len(ks) + 2 or not 3 <= len(ks) <= 5:
        return False  # a pet name is short; a longer prefix is a stem ("Kettle" of "Kettleton")
    return kf.startswith(ks) or (ks[-1] in "aeiou" and len(ks) >= 4 and kf.startswith(ks[:-1]))


def pet_form_of(short: str, full: str) -> bool:
    """Return True when the bare name ``short`` may stand for the given name ``full``: a short form
    of it, or a pet name whose variants include it (skeletons both)."""
    return short_form_of(short, full) or (short in _SHORT_FOR and given_variants(short, full))


class GivenNameIndex:
    """Given names indexed so that the few a name may be a short form or a variant of are found without a scan.

    :meth:`candidates` returns a superset of the names ``g`` for which ``g == k``,
    :func:`short_form_of` ``(k, g)`` or :func:`given_variants` ``(k, g)`` can hold; callers
    apply their own test to those few. Comparing every name with every other grew with the
    square of a corpus's people.
    """

    def __init__(self, names: Iterable[str]):
        self._by_skeleton: dict[str, set[str]] = defaultdict(set)
        self._by_group: dict[object, set[str]] = defaultdict(set)
        for name in names:
            key = skeleton(name)
            self._by_skeleton[key].add(name)
            for group in _given_groups(key):
                self._by_group[group].add(name)
        self._sorted = sorted(self._by_skeleton)

    def candidates(self, name: str) -> set[str]:
        """Return the indexed names that may equal, vary or fully spell out ``name`` (a superset)."""
        ks = skeleton(name)
        out = set(self._by_skeleton.get(ks, ()))
        for full in _SHORT_FOR.get(ks, ()):  # listed short forms
            out |= self._by_skeleton.get(full, set())
        for group in _given_groups(ks):  # variants across languages
            out |= self._by_group.get(group, set())
        # the full name begins with the short one, or with all of it but a final vowel (a pet name
        # of three to five letters, as short_form_of asks)
        prefix = ks[:-1] if ks and ks[-1] in "aeiou" and len(ks) >= 4 else ks
        if 3 <= len(ks) <= 5 and " " not in ks:
            for key in self._sorted[bisect.bisect_left(self._sorted, prefix):]:
                if not key.startswith(prefix):
                    break
                out |= self._by_skeleton[key]
        return out


def given_variants(a: str, b: str) -> bool:
    """Return True when two given names are one name across languages or short forms.

    >>> given_variants("Leon", "Lev"), given_variants("Bill", "Wilhelm"), given_variants("Bill", "Robert")
    (True, True, False)
    """
    ka, kb = skeleton(a), skeleton(b)
    return ka == kb or bool(_given_groups(ka) & _given_groups(kb))


# -- people's names ----------------------------------------------------------------------
@dataclass
class PersonName:
    """A person's name split into its parts (skeletons; initials as single letters)."""

    given: str | None = None
    given_initial: str | None = None
    patronymic: str | None = None
    patronymic_initial: str | None = None
    surname: str | None = None
    single: str | None = None  # one word: a surname or a given name, we cannot tell yet

    @property
    def initials_only(self) -> bool:
        """Return True when the name is initials alone ("L. D."), no word of it written out."""
        return bool(self.given_initial) and not (self.given or self.surname or self.patronymic
                                                 or self.single)

    @property
    def parts(self) -> int:
        """Return how complete the name is: one per given name, patronymic and surname written out,
        a half per part given only as an initial."""
        return sum(bool(x) for x in (self.given, self.patronymic, self.surname)) + \
            0.5 * sum(bool(x) for x in (self.given_initial and not self.given,
                                         self.patronymic_initial and not self.patronymic))


_INITIAL_TOKEN = re.compile(r"^(?:[A-ZÀ-Þ]|Yu|Ya|Ye|Yo|Zh|Ch|Sh|Kh|Ts|Th|" + "|".join(GIVEN_ABBREVIATIONS)
                            + r")[.:]$")


def parse_person(name: str) -> PersonName:
    """Return the parts of a person's name.

    >>> parse_person("Tolstoy, Lev Nikolayevich").surname
    'tolstoi'
    """
    comma = "," in name
    raw = re.sub(r"([.:])(?=\S)", r"\1 ", name.replace(",", " , ")).split()
    tokens = [t for t in raw if t != ","]
    initials = [t for t in tokens if _INITIAL_TOKEN.match(t)]
    words = [t for t in tokens if not _INITIAL_TOKEN.match(t)]
    out = PersonName()
    if initials and not comma and len(words) >= 2 and tokens[0] == words[0] and not is_patronymic(words[1]):
        # "Ellen B. Carver": the given name written out, a middle (or patronymic) initial, the surname
        return PersonName(given=skeleton(words[0]), given_initial=skeleton(words[0])[:1],
                          patronymic_initial=skeleton(initials[0])[:1], surname=skeleton(words[-1]))
    if initials:
        out.given_initial = skeleton(initials[0])[:1]
        if len(initials) > 1:
            out.patronymic_initial = skeleton(initials[1])[:1]
    if not words:
        return out
    if comma or (len(words) == 3 and is_patronymic(words[2]) and not initials):
        # "Surname, Given Patronymic" / "Surname Given Patronymic"
        out.surname = skeleton(words[0])
        rest = words[1:]
        if rest:
            out.given = skeleton(rest[0])
        if len(rest) > 1:
            out.patronymic = skeleton(rest[1])
        return out
    if len(words) == 1 and not initials:
        out.single = skeleton(words[0])
        return out
    if len(words) == 1:
        out.surname = skeleton(words[0])  # "L. Tolstoy", "Orlov N.S."
        return out
    patro = [i for i, w in enumerate(words) if i > 0 and is_patronymic(w)]
    if patro:
        i = patro[0]
        out.given = skeleton(words[i - 1])
        out.patronymic = skeleton(words[i])
        if i + 1 < len(words):
            out.surname = skeleton(" ".join(words[i + 1:]))
        elif i >= 2:
            out.surname = skeleton(words[0])
        return out
    out.given = skeleton(words[0]) if not initials else None
    out.surname = skeleton(words[-1])
    if out.given and not out.given_initial:
        out.given_initial = out.given[:1]
    return out


def _part_ok(full_a: str | None, init_a: str | None, full_b: str | None, init_b: str | None,
             variants: bool, similarity: float) -> bool:
    if full_a and full_b:
        if full_a == full_b or (variants and (given_variants(full_a, full_b) or short_form_of(full_a, full_b)
                                              or short_form_of(full_b, full_a))):
            return True
        from rapidfuzz import fuzz
        return len(full_a) > 3 and full_a[0] == full_b[0] and fuzz.ratio(full_a, full_b) >= similarity
    ia = init_a or (full_a[:1] if full_a else None)
    ib = init_b or (full_b[:1] if full_b else None)
    if ia and ib and ia != ib:
        # an initial may stand for any variant of the given name ("L." for "Leon" or "Lev")
        fa = full_a or full_b
        return bool(variants and fa and (ib if full_a else ia) in _variant_letters(fa))
    return True


def compatible(a: PersonName, b: PersonName, settings: EntitySettings = EntitySettings()) -> bool:
    """Return True when two parsed names can belong to one person (given names as alike as
    ``settings.given_name_similarity`` are one)."""
    if a.surname and b.surname and a.surname != b.surname:
        return False
    similarity = settings.given_name_similarity
    return (_part_ok(a.given, a.given_initial, b.given, b.given_initial, True, similarity)
            and _part_ok(a.patronymic, a.patronymic_initial, b.patronymic, b.patronymic_initial, False, similarity))


# -- authority ---------------------------------------------------------------------------
@dataclass(frozen=True)
class AuthorityEntry:
    """One identity pinned by the user: its names, type and identifiers."""

    name: str
    aliases: tuple[str, ...] = ()
    type: str = "person"
    wikidata: str | None = None
    lat: float | None = None
    lon: float | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Return every name of the entry: its canonical name first, then its aliases."""
        return (self.name, *self.aliases)


def load_authority(path: str | Path) -> list[AuthorityEntry]:
    """Return the entries of a CSV or JSON authority file.

    CSV columns: ``name, aliases`` (separated by ``;`` or ``|``), ``type``, ``wikidata``,
    ``lat``, ``lon``. JSON: a list of objects with the same keys (``aliases`` a list).
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise QuellenError(f"{path}: cannot read the authority file ({exc.strerror})") from None
    try:
        if path.suffix.lower() == ".json" or text.lstrip().startswith(("[", "{")):
            rows = json.loads(text)
            rows = rows.get("entities", rows) if isinstance(rows, dict) else rows
            where = [f"entry {i}" for i in range(1, len(rows) + 1)] if isinstance(rows, list) else []
        else:
            reader = csv.DictReader(text.splitlines())
            rows, where = [], []
            for row in reader:
                rows.append(row)
                where.append(f"line {reader.line_num}")
    except (json.JSONDecodeError, csv.Error) as exc:
        raise QuellenError(f"{path}: not a CSV or JSON authority file ({exc})") from None
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise QuellenError(f"{path}: an authority file is a list of entries (objects with a name)")
    out = []
    for i, row in zip(where, rows):
        row = {str(k).strip().lower(): v for k, v in row.items() if k}
        name = (row.get("name") or row.get("canonical") or "").strip()
        if not name:
            raise QuellenError(f"{path}: {i} has no name")
        aliases = row.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [a.strip() for a in re.split(r"[;|]", aliases) if a.strip()]
        qid = (row.get("wikidata") or row.get("qid") or "").strip() or None
        if qid and not re.fullmatch(r"Q\d+", qid):
            raise QuellenError(f"{path}: {i} ({name}): {qid!r} is not a Wikidata id (Q123)")
        lat, lon = row.get("lat"), row.get("lon")
        try:
            lat = float(lat) if lat not in (None, "") else None
            lon = float(lon) if lon not in (None, "") else None
        except (TypeError, ValueError):
            raise QuellenError(f"{path}: {i} ({name}): lat/lon are not numbers") from None
        for value, axis, limit in ((lat, "lat", 90), (lon, "lon", 180)):
            if value is not None and not (math.isfinite(value) and -limit <= value <= limit):
                raise QuellenError(f"{path}: {i} ({name}): {axis} {value} is not a coordinate "
                                   f"(a finite number from -{limit} to {limit})")
        if (lat is None) != (lon is None):
            raise QuellenError(f"{path}: {i} ({name}): give both lat and lon, or neither")
        type_ = (row.get("type") or "person").strip().lower()
        out.append(AuthorityEntry(name, tuple(aliases), type_, qid, lat, lon))
    return out


# -- evidence from the texts ---------------------------------------------------------------
_COORDINATION = re.compile(r"^\s*(?:,|;|and|or|&|, and|, or|as well as|nor)\s*$")


def coordinated_pairs(mentions: list[Mention], texts: dict[str, str]) -> set[frozenset[str]]:
    """Return pairs of name skeletons a text sets side by side ("X and Y", "X, Y"): never one entity."""
    out: set[frozenset[str]] = set()
    ordered = sorted(mentions, key=lambda m: (m.source, m.char_start))
    for a, b in zip(ordered, ordered[1:]):
        if a.source != b.source or b.char_start - a.char_end > 12:
            continue
        text = texts.get(a.source)
        if text is None or not _COORDINATION.match(text[a.char_end:b.char_start]):
            continue
        ka, kb = skeleton(a.name), skeleton(b.name)
        if ka == kb and a.name != b.name:
            # two spellings the text itself keeps apart ("Kowalski and Kowalsky")
            ka, kb = _split_key(a.name), _split_key(b.name)
        pb = parse_person(b.name) if a.type == "person" else None
        if pb and pb.given and pb.patronymic and not pb.surname and " " not in ka:
            continue  # "Surname, Given Patronymic" is one name written surname first, not a list
        if ka != kb:
            out.add(frozenset((ka, kb)))
    return out


#: a parenthesis that gives another name of the person just named ("X (real name - Y)", "X (née Y)")
_ALIAS_CUE = re.compile(r"\(\s*(?:real name|true name|birth name|born|at birth|n[ée]e|pseudonym|alias|"
                        r"also known as|a\.?k\.?a\.?|known as|nicknamed|i\.\s?e\.)(?:\s+(?:at birth|was))?"
                        r"\s*[-–—:,]?\s*$", re.I)


#: words between two names that make the second another name of the first, outside brackets:
#: "X, known as Y", "X, née Y", "X, alias Y", "X wrote under the pen-name Y", "X, whose real name was Y"
_ALIAS_LINK = re.compile(r"\s*,?\s*(?:(?:also\s+|better\s+|later\s+|widely\s+)?known\s+as|n[ée]e|alias|a\.?k\.?a\.?|"
                         r"nicknamed|called\s+(?:himself|herself)|who\s+called\s+(?:himself|herself)|"
                         r"whose\s+(?:real|true|birth|original)\s+name\s+(?:was|is)|born|"
                         r"(?:[a-z]+\s+){0,3}under\s+the\s+(?:pen[- ]?name|pseudonym|nom\s+de\s+(?:plume|guerre)|"
                         r"assumed\s+name|alias|name)(?:\s+of)?|(?:[a-z]+\s+){0,2}(?:the\s+)?(?:pen[- ]?name|pseudonym)"
                         r"(?:\s+of)?)\s*[,:]?\s*[\"“'‘«]?\s*", re.I)


def surnames_before(mentions: list[Mention], texts: Mapping[str, str]) -> dict[int, str]:
    """Return {index of a one-word person mention: the surname (skeleton) of the full name written just before it
    with "and" or "&" between} ("Amos Webb and Ruth": webb), for the bare given names a couple's or two
    siblings' naming leaves without their surname."""
    out = {}
    for i, m in enumerate(mentions):
        if m.type != "person" or " " in (m.name or "").strip() or m.char_start <= 0:
            continue
        text = texts.get(m.source, "")
        before = _FULL_NAME_AND.search(text, max(0, m.char_start - 80), m.char_start) if text else None
        if before:
            out[i] = skeleton(before.group("surname"))
    return out


def alias_statements(mentions: list[Mention], texts: dict[str, str]) -> list[tuple[int, int]]:
    """Return (named, other name) mention index pairs where a text says both are one person."""
    out = []
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].source, mentions[i].char_start))
    for a, b in zip(order, order[1:]):
        ma, mb = mentions[a], mentions[b]
        if ma.source != mb.source or ma.type != "person" or mb.type != "person":
            continue
        text = texts.get(ma.source, "")
        between = text[ma.char_end:mb.char_start]
        if len(between) > 80 or "\n" in between or "." in between.replace("(i.e.", ""):
            continue
        if _ALIAS_CUE.search(between) or _ALIAS_LINK.fullmatch(between):
            out.append((a, b))
    return out


_ACR_AFTER = re.compile(r"(?P<long>[A-Z][\w'’-]*(?:\s+(?:of|the|for|and|de|des|du|la|le|[A-Z][\w'’-]*))"
                        r"{1,10})\s*\((?P<acr>[A-Z][A-Za-z]{1,7}(?:\([a-z]\))?)\)")
_ACR_BEFORE = re.compile(r"\b(?P<acr>[A-Z]{2,8}(?:\([a-z]\))?)\s*\((?P<long>[A-Z][^()\n]{3,100})\)")


def _acronym_fits(acr: str, long: str) -> bool:
    letters = [c for c in re.sub(r"\([a-z]\)", "", acr) if c.isupper()]
    words = [w for w in re.split(r"[\s-]+", long) if w and w[0].isupper()]
    # the acronym's letters are the initials of the long form's words, in order
    i = 0
    for w in words:
        if i < len(letters) and w[0] == letters[i]:
            i += 1
    return i == len(letters) and len(letters) >= 2


def acronym_pairs(texts: Iterable[str]) -> set[tuple[str, str]]:
    """Return (acronym skeleton, long form skeleton) pairs the texts spell out themselves."""
    out = set()
    for text in texts:
        for pattern in (_ACR_AFTER, _ACR_BEFORE):
            for m in pattern.finditer(text):
                long = re.sub(r"^(?:The|the)\s+", "", m.group("long").strip())
                # the long form ends where the acronym's letters are used up
                words = long.split()
                for k in range(len(words), 0, -1):
                    if _acronym_fits(m.group("acr"), " ".join(words[-k:])):
                        out.add((skeleton(m.group("acr")), skeleton(" ".join(words[-k:]))))
                        break
    return out


# -- the resolver --------------------------------------------------------------------------
@dataclass
class _Cluster:
    type: str
    names: Counter = field(default_factory=Counter)  # name as cleaned -> mentions
    members: list[int] = field(default_factory=list)  # mention indexes
    reasons: list[str] = field(default_factory=list)
    profile: PersonName | None = None
    authority: AuthorityEntry | None = None
    geo: Geo | None = None
    alive: bool = True
    genders: set = field(default_factory=set)  # what its members' titles say: "m", "f"
    label: str | None = None  # its name as written with a title, when the bare name names two people
    #: the gazetteer id that tells it from a namesake cluster split off by the countries its sources declare
    placed_apart: str | None = None


#: titles that say whether a person is a man or a woman: data/lexicon/title_genders.txt
TITLE_GENDERS = dict(pairs("title_genders"))


def title_gender(text: str) -> str | None:
    """Return "m" or "f" when the mention ``text`` opens with a title of a man or a woman ("Mrs. Hale"), else None.

    >>> title_gender("Mrs. Hale"), title_gender("Sir Percival"), title_gender("Dr. Hale")
    ('f', 'm', None)
    """
    first = text.split(maxsplit=1)[0].rstrip(".").lower() if text.strip() else ""
    return TITLE_GENDERS.get(first)


#: kinship titles of an elder generation ("Aunt Jane"): data/lexicon/elder_kin_titles.txt
ELDER_KIN_TITLES = frozenset(words("elder_kin_titles"))


def _elder_kin(text: str) -> bool:
    """Return True when the mention ``text`` opens with a kinship title of an elder generation ("Aunt Jane")."""
    parts = text.split(maxsplit=1)
    return len(parts) == 2 and parts[0].lower() in ELDER_KIN_TITLES


def _ranked(text: str) -> bool:
    """Return True when the mention ``text`` opens with a title of rank or calling that says no gender ("Dr. Hale",
    "Capt. Hale"), as opposed to none or a man's or a woman's."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return title_gender(text) is None and " " in text.strip() and (first in TITLES or first.rstrip(".") in TITLES)


class _Resolver:
    def __init__(self, mentions: list[Mention], texts: dict[str, str], authority: list[AuthorityEntry],
                 place_lookup: Callable | None, is_place: Callable[[str], bool] | None,
                 apart: set[frozenset[str]] | None = None, settings: EntitySettings = EntitySettings()):
        self.settings = settings
        self.mentions = mentions
        self.texts = texts
        self.authority = authority
        self.place_lookup = place_lookup
        self.place_candidates: Callable | None = None
        self.town_namesakes: Callable | None = None  # name -> the towns of small_town_population or more
        self.towns_called: Callable | None = None  # name -> every town called so (not a misspelling of it)
        self.is_place = is_place or (lambda name: False)
        self.known_place: Callable[[str], bool] | None = None
        self.town_known: Callable[[str], bool] | None = None
        #: source id -> the ISO country its file declares (a sidecar's ``country``): the strongest context of its places
        self.source_countries: dict[str, str] = {}
        self.clusters: list[_Cluster] = []
        self.of: list[int] = [-1] * len(mentions)
        # a partition (:mod:`.resolve_partition`) is given the pairs of the whole corpus
        self.apart = coordinated_pairs(mentions, texts) if apart is None else apart
        self.alias_pairs: list[tuple[int, int]] | None = None  # likewise, else found in ``texts``
        self.acronyms: set[tuple[str, str]] | None = None
        #: mention index -> the surname of the full name and "and" just before it (likewise; see surnames_before)
        self.surnames_before: dict[int, str] | None = None
        split = self.split = {k for pair in self.apart for k in pair if k.startswith("=")}
        self.keys = [_split_key(m.name or m.text) if _split_key(m.name or m.text) in split
                     else skeleton(m.name or m.text) for m in mentions]
        self.apart_by = defaultdict(set)
        for pair in self.apart:
            a, b = tuple(pair)
            self.apart_by[a].add(b)
            self.apart_by[b].add(a)
        self.by_doc: dict[str | None, list[int]] = defaultdict(list)
        for i, m in enumerate(mentions):
            self.by_doc[(m.source, m.document)].append(i)

    # -- types -----------------------------------------------------------------------------
    def decide_types(self) -> list[str]:
        votes: dict[str, Counter] = defaultdict(Counter)
        pinned = {}
        for entry in self.authority:
            for n in entry.names:
                pinned[skeleton(n)] = entry.type
        surnames, givens = set(), set()
        rep: dict[str, str] = {}
        ruled: dict[str, set[str]] = defaultdict(set)  # types a strong rule gave the name
        for i, m in enumerate(self.mentions):
            weight = _ORIGIN_WEIGHT.get(m.origin, 1.0)
            votes[self.keys[i]][m.type] += weight
            if weight >= 3.0:
                ruled[self.keys[i]].add(m.type)
            rep.setdefault(self.keys[i], m.name or m.text)
        for key, vote in votes.items():
            if vote.most_common(1)[0][0] == "person" and " " in key:
                p = parse_person(key)
                if p.surname:
                    surnames.add(p.surname)
                if p.given:
                    givens.add(p.given)
        types = {}
        neighbours = self.list_neighbours()
        for key, vote in votes.items():
            if key in pinned:
                types[key] = pinned[key]
                continue
            strong = ruled.get(key, set())
            best = vote.most_common(1)[0][0]
            if " " not in key and (key in surnames or key in givens) and "vessel" not in strong \
                    and "work" not in strong:
                best = "person"
            elif " " in key and not strong and best != "person" and key.split()[-1] in surnames \
                    and len(key.split()) <= 3:
                best = "person"  # "Pavel Orlov" beside "Count Orlov": the model's ORG is a person
            elif best in ("person", "organization") and not strong and self.is_place(rep[key]) \
                    and not (best == "person" and self._beside(key, "person", neighbours, votes)):
                # the model often calls a city it does not know a person or an organization;
                # a country or a large city in the gazetteer outvotes it when no rule spoke
                best = "place"
            types[key] = best
        self.retype_unknown_places(types, votes, ruled, rep, pinned)
        self.retype_by_article(types, votes, ruled, rep, pinned)
        self.retype_by_preposition(types, ruled, rep, pinned, surnames | givens)
        self.retype_short_bodies(types, ruled, rep, pinned)
        return [types[k] for k in self.keys]

    def retype_short_bodies(self, types: dict[str, str], ruled: dict[str, set[str]], rep: dict[str, str],
                            pinned: dict[str, str]) -> None:
        """Retype, in place, as organizations the one-word names that stand for a body the corpus names in full.

        A firm or a society is called by its first word and its kind ("the Phoenix office" for the Phoenix
        Fire Office, "the Cunard company"): a one-word name written, every time, before one lower-case word
        that is the last word of exactly one organization of the corpus whose name opens with it is that
        body, not a town of the same name (the model calls it a place; the gazetteer then finds it abroad).
        """
        bodies: dict[tuple[str, str], set[str]] = defaultdict(set)
        for k, t in types.items():
            parts = rep[k].split()
            if t == "organization" and len(parts) >= 2 and parts[-1][:1].isupper():
                bodies[(skeleton(parts[0]), parts[-1].lower())].add(k)
        if not bodies:
            return
        after: dict[str, set[str | None]] = defaultdict(set)
        for i, m in enumerate(self.mentions):
            text = self.texts.get(m.source)
            if text is not None:
                w = _NEXT_WORD.match(text, m.char_end)
                after[self.keys[i]].add(w.group(1) if w else None)
        for k, t in types.items():
            if t == "organization" or k in pinned or ruled.get(k) or " " in rep[k].strip():
                continue
            nouns = after.get(k, set())
            if len(nouns) == 1 and None not in nouns and len(bodies.get((k, next(iter(nouns))), ())) == 1:
                types[k] = "organization"

    def retype_by_article(self, types: dict[str, str], votes: dict[str, Counter], ruled: dict[str, set[str]],
                          rep: dict[str, str], pinned: dict[str, str]) -> None:
        """Retype, in place, one-word names whose every mention shows they name no person or no body.

        A person is not named with a bare article before the name: a one-word
        "person" always written "the X" is a body ("the Entente"), as is a plural
        movement name ("the Chartists", "Levellers" are not one man). A body
        always named after "in the", "at the", "inside the" is a building or a
        place standing for those who sit in it ("in the Capitol"): a place.
        """
        preceding: dict[str, list[str]] = defaultdict(list)
        for i, m in enumerate(self.mentions):
            text = self.texts.get(m.source)
            if text is not None:
                preceding[self.keys[i]].append(text[max(0, m.char_start - 12):m.char_start])
        for k, t in types.items():
            if k in pinned or ruled.get(k) or " " in rep[k].strip() or k.startswith("=") or rep[k].isupper():
                continue
            before = preceding.get(k)
            if t == "person" and (_MOVEMENT_PLURAL.match(rep[k])
                                  or (before and all(re.search(r"\bthe\s+$", b, re.I) for b in before))):
                types[k] = "organization"
            elif t == "organization" and before and all(_IN_THE.search(b) for b in before):
                types[k] = "place"

    def retype_by_preposition(self, types: dict[str, str], ruled: dict[str, set[str]], rep: dict[str, str],
                              pinned: dict[str, str], person_words: set[str]) -> None:
        """Retype, in place, as places the towns the model called people or bodies, and streets it called bodies.

        The model takes a town it has not seen for a person or a body ("went to
        Chester", "from Stroud"). A name no rule typed otherwise, no given name
        or surname (``person_words``), that the gazetteer knows as a town of
        the settings' ``min_town_population`` or more, and that follows a place
        preposition ("at", "to", "from", "near": data/lexicon/place_prepositions.txt;
        "to" and "from" not after a word of writing or speaking, data/lexicon/addressing_words.txt)
        in at least ``place_preposition_share`` of its mentions, is a place. A
        body whose last word makes it a street ("Church Street") is a place too.
        A share of 1.0 or more turns both off.
        """
        share = self.settings.place_preposition_share
        if self.town_known is None or share >= 1.0:
            return
        before: dict[str, list[bool]] = defaultdict(list)  # for each mention: after a place preposition
        for i, m in enumerate(self.mentions):
            text = self.texts.get(m.source)
            if text is not None:
                w = _WORD_BEFORE.search(text[max(0, m.char_start - 32):m.char_start])
                word, ahead = (w.group(2).lower(), (w.group(1) or "").lower()) if w else ("", "")
                before[self.keys[i]].append(word in _WHERE_PREPOSITIONS or (
                    word in _TO_FROM_PREPOSITIONS and ahead not in _ADDRESSING_WORDS))
        for k, t in types.items():
            if t not in ("person", "organization") or k in pinned or ruled.get(k, set()) - {"place"} \
                    or k in person_words:
                continue  # (a rule that said "place", the date line's, only adds to the evidence)
            name = rep[k].strip()
            if t == "organization" and len(name.split()) > 1 and name.split()[-1] in STREET_WORDS:
                types[k] = "place"
                continue
            seen = before.get(k)
            if not seen or not self.town_known(name):
                continue
            if sum(seen) >= share * len(seen):
                types[k] = "place"

    def retype_unknown_places(self, types: dict[str, str], votes: dict[str, Counter],
                              ruled: dict[str, set[str]], rep: dict[str, str], pinned: dict[str, str]) -> None:
        """Retype, in place, the model's places that no gazetteer knows and the text treats otherwise.

        The model calls many names it has not seen places. When the gazetteer
        has no such place and no rule said "place": a name it also labelled
        otherwise takes that type; a plural movement name ("Chartists") is a
        body; a name set side by side with people ("X and Y", lists) takes
        their type. Without a gazetteer nothing changes.
        """
        if self.known_place is None:
            return
        unknown = [k for k, t in types.items() if t == "place" and k not in pinned and not ruled.get(k)
                   and not self.known_place(rep[k])]
        for k in unknown:
            others = [(t, v) for t, v in votes[k].most_common() if t != "place"]
            if others and others[0][1] >= 0.25 * votes[k]["place"]:
                types[k] = others[0][0]
            elif _MOVEMENT.match(rep[k]):
                types[k] = "organization"
        # then by the lists they stand in, once the other names' types are settled: a list of
        # mostly people is a list of people ("X, Y, Z and W"), the model's odd place or body in it too
        loose = {k for k, t in types.items() if k not in pinned and not ruled.get(k) and t != "person"
                 and len(k.split()) == 1 and not self.known_place(rep[k])}
        if not loose:
            return
        for run in self.list_runs():
            keys = list(dict.fromkeys(run))
            if len(keys) < 2:
                continue
            if len(keys) == 2:
                # a pair: only a place nobody knows beside a person or a body
                a, b = keys
                for k, other in ((a, b), (b, a)):
                    if k in loose and types[k] == "place" and types[other] in ("person", "organization"):
                        types[k] = types[other]
                continue
            count = Counter(types[k] for k in keys)
            top, n = count.most_common(1)[0]
            if top in ("person", "organization") and 2 * n >= len(keys):
                for k in keys:
                    if k in loose:
                        types[k] = top

    def list_runs(self) -> list[list[str]]:
        """Return the name keys of every list in the texts ("X, Y and Z"), in text order."""
        runs: list[list[str]] = []
        ordered = sorted(range(len(self.mentions)),
                         key=lambda i: (self.mentions[i].source, self.mentions[i].char_start))
        prev = None
        for i in ordered:
            m = self.mentions[i]
            if prev is not None:
                p = self.mentions[prev]
                if p.source == m.source and 0 <= m.char_start - p.char_end <= 12 and \
                        _COORDINATION.match(self.texts.get(m.source, "")[p.char_end:m.char_start]):
                    runs[-1].append(self.keys[i])
                    prev = i
                    continue
            runs.append([self.keys[i]])
            prev = i
        return [r for r in runs if len(r) > 1]

    def list_neighbours(self) -> dict[str, list[str]]:
        """Return, per name key, the keys of the names a text sets beside it ("X and Y", "X, Y")."""
        out: dict[str, list[str]] = defaultdict(list)
        for run in self.list_runs():
            for ka, kb in zip(run, run[1:]):
                if ka != kb:
                    out[ka].append(kb)
                    out[kb].append(ka)
        return out

    @staticmethod
    def _beside(key: str, type_: str, neighbours: dict[str, list[str]], votes: dict[str, Counter]) -> bool:
        """Return True when most names set beside ``key`` in lists are voted ``type_`` (a city named
        after a person does not make "X and Y voted" a place)."""
        near = Counter(votes[o].most_common(1)[0][0] for o in neighbours.get(key, ()) if votes.get(o))
        return bool(near) and near.most_common(1)[0][0] == type_


    # -- helpers ------------------------------------------------------------------------------
    def new_cluster(self, type_: str, indexes: Iterable[int], profile: PersonName | None = None) -> int:
        c = _Cluster(type_, profile=profile)
        self.clusters.append(c)
        cid = len(self.clusters) - 1
        for i in indexes:
            self.attach(cid, i)
        return cid

    def attach(self, cid: int, i: int, reason: str | None = None) -> None:
        c = self.clusters[cid]
        c.members.append(i)
        c.names[self.mentions[i].name or self.mentions[i].text] += 1
        self.of[i] = cid
        if self.mentions[i].type == "person":
            gender = title_gender(self.mentions[i].text)
            if gender:
                c.genders.add(gender)
        if reason and reason not in c.reasons:
            c.reasons.append(reason)

    def kept_apart(self, cid: int, key: str) -> bool:
        c = self.clusters[cid]
        apart = self.apart_by.get(key, ())
        return any(skeleton(n) in apart or _split_key(n) in apart for n in c.names)

    def merge(self, into: int, other: int, reason: str) -> None:
        if into == other:
            return
        a, b = self.clusters[into], self.clusters[other]
        for i in b.members:
            self.attach(into, i)
        for r in b.reasons:
            if r not in a.reasons:
                a.reasons.append(r)
        if reason not in a.reasons:
            a.reasons.append(reason)
        a.geo = a.geo or b.geo
        a.authority = a.authority or b.authority
        b.members, b.alive = [], False

    def nearest(self, i: int, candidates: set[int], window: int | None = None, before_only: bool = False) -> int | None:
        """Return the cluster among ``candidates`` with a mention nearest to mention ``i`` in its document,
        within ``window`` characters (default: the settings' ``full_name_window``)."""
        if window is None:
            window = self.settings.full_name_window
        m = self.mentions[i]
        best, best_d = None, window + 1
        for j in self.by_doc[(m.source, m.document)]:
            cid = self.of[j]
            if j == i or cid not in candidates:
                continue
            other = self.mentions[j]
            if before_only and other.char_start > m.char_start:
                continue
            d = abs(other.char_start - m.char_start)
            if other.char_start > m.char_start:
                d *= 3  # a short form usually follows the full name it stands for
            if d < best_d:
                best, best_d = cid, d
        return best

    def size(self, cid: int) -> int:
        return len(self.clusters[cid].members)

    # -- people ---------------------------------------------------------------------------------
    def resolve_people(self, idx: list[int]) -> None:
        by_key: dict[str, list[int]] = defaultdict(list)
        for i in idx:
            by_key[self.keys[i]].append(i)
        parsed = {k: parse_person(self.mentions[v[0]].name or self.mentions[v[0]].text) for k, v in by_key.items()}
        for k, p in parsed.items():
            if k.startswith("=") and p.single:
                p.single = k  # a spelling kept apart stays its own key
        full = [k for k, p in parsed.items() if p.surname]
        given_patr = [k for k, p in parsed.items() if not p.surname and p.given and p.patronymic]
        initials = [k for k, p in parsed.items() if p.initials_only]
        singles = [k for k, p in parsed.items() if p.single]
        sorted_keys = set(full) | set(given_patr) | set(initials) | set(singles)
        rest = [k for k in parsed if k not in sorted_keys]
        people: list[int] = []
        # indexes, so that a corpus with many people does not compare every name with every other
        by_surname: dict[str, set[int]] = defaultdict(set)
        by_letter: dict[str, set[int]] = defaultdict(set)
        by_given: dict[str, set[int]] = defaultdict(set)
        by_consonants: dict[str, set[int]] = defaultdict(set)

        def index(cid: int) -> None:
            prof = self.clusters[cid].profile
            if prof.surname:
                by_surname[prof.surname].add(cid)
                if surname_variant_key(prof.surname, self.settings):
                    by_consonants[surname_variant_key(prof.surname, self.settings)].add(cid)
            if prof.given:
                by_given[prof.given].add(cid)
            for letter in given_letters(prof):
                by_letter[letter].add(cid)

        def add_person(cid: int) -> None:
            people.append(cid)
            index(cid)

        # 1. full names with a surname, most complete first
        for k in sorted(full, key=lambda k: (-parsed[k].parts, -len(by_key[k]), k)):
            p = parsed[k]
            options = [cid for cid in sorted(by_surname.get(p.surname, ())) if self.clusters[cid].alive
                       and compatible(p, self.clusters[cid].profile, self.settings) and not self.kept_apart(cid, k)]
            why = "same surname, compatible given name/initials"
            variant = surname_variant_key(p.surname, self.settings)
            if not options and variant and p.given:
                # a hand spells one surname several ways ("Dorlke", "Darlke", "Darlk"): the same given name
                # written out, the surname's consonants the same, and one person only who fits
                spelt = {cid for cid in by_consonants.get(variant, ()) if self.clusters[cid].alive
                         and self.clusters[cid].profile.given == p.given and not self.kept_apart(cid, k)}
                options = list(spelt) if len(spelt) == 1 else []
                why = "the same given name, the surname spelt otherwise (same consonants)"
            if options:
                cid = max(options, key=self.size)
                for i in by_key[k]:
                    self.attach(cid, i, f"{self.mentions[by_key[k][0]].name!r}: {why}")
                self._enrich(cid, p)
                index(cid)
            else:
                add_person(self.new_cluster("person", by_key[k], profile=_copy(p)))
        # 2. given name + patronymic without a surname
        for k in sorted(given_patr, key=lambda k: -len(by_key[k])):
            p = parsed[k]
            pool = sorted(set().union(*(by_letter.get(x, set()) for x in given_letters(p))))
            known = [cid for cid in pool if self.clusters[cid].profile.patronymic
                     and compatible(p, self.clusters[cid].profile, self.settings) and not self.kept_apart(cid, k)]
            loose = [cid for cid in pool if not self.clusters[cid].profile.patronymic
                     and self.clusters[cid].profile.given and compatible(p, self.clusters[cid].profile, self.settings)
                     and not self.kept_apart(cid, k)]
            options = known or (loose if len(loose) == 1 else [])
            if options:
                cid = max(options, key=self.size)
                for i in by_key[k]:
                    self.attach(cid, i, f"{self.mentions[by_key[k][0]].name!r}: given name and patronymic")
                self._enrich(cid, p)
                index(cid)
            else:
                add_person(self.new_cluster("person", by_key[k], profile=_copy(p)))
        # 3. initials alone, mention by mention: the nearest person whose names fit them
        own_initials: dict[str, int] = {}
        for k in initials:
            p = parsed[k]
            for i in by_key[k]:
                if not p.patronymic_initial:
                    cid = None  # one initial is too little to go on
                else:
                    pool = set().union(*(by_letter.get(x, set()) for x in given_letters(p)))
                    fits = {cid for cid in pool if self.clusters[cid].alive
                            and not self.clusters[cid].profile.initials_only
                            and (self.clusters[cid].profile.patronymic or self.clusters[cid].profile.patronymic_initial)
                            and compatible(p, self.clusters[cid].profile, self.settings)}
                    cid = self.nearest(i, fits) if fits else None
                    if cid is None and fits:
                        cid = _dominant(fits, self.size, self.settings.dominant_ratio)
                    why = "initials fit the nearest full name"
                    if cid is None and not fits:
                        cid, why = self.initials_of_given_and_surname(i, p, by_letter)
                if cid is None:
                    if k in own_initials:
                        self.attach(own_initials[k], i)
                    else:
                        own_initials[k] = self.new_cluster("person", [i], profile=_copy(p))
                        people.append(own_initials[k])
                else:
                    self.attach(cid, i, f"{self.mentions[i].name!r}: {why}")
        # 4. one word: a surname (or a given name) of someone named in full
        singles_left: dict[str, list[int]] = defaultdict(list)
        # a part of a double surname ("X" of "X-Y") is a surname too, but a weaker one
        by_part: dict[str, set[int]] = defaultdict(set)
        for surname, cids in by_surname.items():
            if " " in surname:
                for part in surname.split():
                    by_part[part] |= cids
        # surnames first, so that a bare given name finds its person's surname mentioned just before
        singles.sort(key=lambda k: not (by_surname.get(k) or by_part.get(k)))
        given_index = GivenNameIndex(by_given)
        for k in singles:
            sur = {cid for cid in by_surname.get(k, ()) or by_part.get(k, ()) if self.clusters[cid].alive}
            # a bare given name, or a short form of one ("Bill", "Max" for "Maximilian")
            giv = {cid for g in sorted(given_index.candidates(k)) if g == k or short_form_of(k, g)
                   for cid in by_given[g] if self.clusters[cid].alive}
            # "Mr. Hale" and "Mrs. Hale" are two people: when the titles of a bare name say both, a titled
            # mention joins only someone its title already fits, never one of whom nothing is known
            both = {title_gender(self.mentions[i].text) for i in by_key[k]} >= {"m", "f"}
            for i in by_key[k]:
                cid, why = None, ""
                gender = title_gender(self.mentions[i].text)

                def title_fits(c: int, gender: str | None = gender, both: bool = both) -> bool:
                    known = self.clusters[c].genders
                    return not gender or (not known - {gender} and not (both and not known))

                options = {c for c in sur if not self.kept_apart(c, k) and title_fits(c)}
                # "Mrs. Draycott" among several Draycotts: the one a title already says is a woman
                options = {c for c in options if gender and self.clusters[c].genders == {gender}} or options
                if len(options) == 1:
                    cid, why = next(iter(options)), "surname of the full name"
                elif options:
                    cid = self.nearest(i, options)
                    why = "surname of the nearest full name"
                    if cid is None:
                        cid = _dominant(options, self.size, self.settings.dominant_ratio)
                        why = "surname of the far most mentioned full name"
                elif giv:
                    # a bare given name is weak: only the full name just before it, in this document
                    fits = {c for c in giv if not self.kept_apart(c, k) and title_fits(c)}
                    cid = self.nearest(i, fits, window=self.settings.given_name_window, before_only=True)
                    why = "given name of the full name just before"
                    if cid is None:
                        cid = self.spouse_named_after(i, fits)
                        why = "given name after a full name and 'and': that surname's one person so named"
                    if cid is None and len(fits) == 1:
                        # the one person of that given name in the corpus, named close by
                        cid = self.nearest(i, fits, window=self.settings.sole_given_name_window)
                        why = "given name of the one person so named, named close by"
                        if cid is None and gender:
                            # "Sir Percival", "Miss Laura": a title before a given name speaks of someone
                            # known by it, and the corpus knows one person of that given name
                            cid, why = next(iter(fits)), "titled given name of the one person so named"
                        elif cid is None:
                            cid = self.nearest(i, fits, window=self.settings.full_name_window)
                            why = "given name of the one person so named, in the same passage"
                if cid is not None:
                    self.attach(cid, i, f"{self.mentions[i].name!r}: {why}")
                else:
                    singles_left[k].append(i)
        # 5. what is left: one entity per spelling skeleton, then guarded fuzzy merges
        left = {}
        for k, ids in singles_left.items():
            left[k] = self.new_people(k, ids)
        for k in rest:
            self.new_cluster("person", by_key[k], profile=parsed[k])
        surnames = {self.clusters[c].profile.surname: c for c in people if self.clusters[c].alive}
        for k, cid in sorted(left.items()):
            target = _one_letter_off(k, [s for s in surnames if s] + [o for o in left if o != k],
                                     self.settings.one_letter_off_min_length)
            if target is None:
                continue
            other = surnames.get(target, left.get(target))
            if other is None or other == cid or not self.clusters[other].alive or not self.clusters[cid].alive:
                continue
            if self.kept_apart(other, k):
                continue
            into, frm = (other, cid) if self.size(other) >= self.size(cid) else (cid, other)
            self.merge(into, frm, f"{k!r} ~ {target!r}: one letter apart (misspelling)")
        self.merge_double_surnames(left)
        self.merge_short_forms(left)

    def spouse_named_after(self, i: int, fits: set[int]) -> int | None:
        """Return the one person among ``fits`` whose surname is that of the full name written just before the bare
        given name ``i`` and joined to it by "and" or "&" ("Amos Webb and Ruth": Ruth Webb, named in
        full elsewhere), else None. A couple or two siblings are named so in many letters and diaries."""
        if self.surnames_before is None:
            self.surnames_before = surnames_before(self.mentions, self.texts)
        surname = self.surnames_before.get(i)
        same = [c for c in fits if self.clusters[c].alive and self.clusters[c].profile.surname == surname]
        return same[0] if surname and len(same) == 1 else None

    def initials_of_given_and_surname(self, i: int, p: PersonName, by_letter: dict[str, set[int]]
                                      ) -> tuple[int | None, str]:
        """Return (the person whose given name and surname two initials alone stand for, why), or (None, "").

        A letter signed "R. T." or a diary's "met A. W." writes a person named in full elsewhere by the first
        letters of the given name and the surname (no patronymic): the nearest such person in the document, else
        the one person so named in the whole corpus. Three initials, or two people who fit, are no guess.
        """
        if len(_INITIAL_LETTERS.findall(self.mentions[i].name or "")) != 2:
            return None, ""
        fits = {cid for cid in by_letter.get(p.given_initial, set()) if self.clusters[cid].alive
                and (prof := self.clusters[cid].profile).given and prof.surname and not prof.patronymic
                and " " not in prof.surname and prof.surname[:1] == p.patronymic_initial
                and prof.given_initial == p.given_initial and not self.kept_apart(cid, self.keys[i])}
        cid = self.nearest(i, fits) if fits else None
        if cid is not None:
            return cid, "initials of the given name and surname of the nearest full name"
        if len(fits) == 1:
            return next(iter(fits)), "initials of the given name and surname of the one person so named"
        return None, ""

    def new_people(self, key: str, ids: list[int]) -> int:
        """Return the cluster of the bare name ``key`` made of mentions ``ids``; when their titles say both a man
        and a woman ("Mr. Graves", "Mrs. Graves"), the mentions of the fewer go to a cluster of their own, each
        named with its title, and the untitled ones stay with the more mentioned."""
        kin = [i for i in ids if _elder_kin(self.mentions[i].text)]
        if kin and len(kin) < len(ids):
            # "Aunt Jane" and "Jane": a niece calls her aunt by the title every time, the bare name is another Jane
            cid = self.new_people(key, [i for i in ids if i not in kin])
            other = self.new_cluster("person", kin, profile=PersonName(single=key))
            titled = Counter(self.mentions[i].text.replace("\n", " ") for i in kin)
            self.clusters[other].label = max(titled.items(), key=lambda t: (t[1], t[0]))[0]
            self.clusters[other].reasons.append(f"{key!r}: an elder's kinship title before the given name, "
                                                f"another person than the bare name")
            return cid
        by_gender: dict[str | None, list[int]] = defaultdict(list)
        for i in ids:
            by_gender[title_gender(self.mentions[i].text)].append(i)
        if "f" in by_gender and "m" not in by_gender:
            # "Mrs. Hale" and "Dr. Hale", "Miss Hale" and "Rev. Hale": a text that calls someone by a woman's title
            # does not call her by a rank or a calling as well; the rank's title names another, most often her husband
            ranked = [i for i in by_gender[None] if _ranked(self.mentions[i].text)]
            if ranked:
                by_gender["m"] = ranked
                by_gender[None] = [i for i in by_gender[None] if i not in ranked]
        if not {"m", "f"} <= set(by_gender):
            return self.new_cluster("person", ids, profile=PersonName(single=key))
        major, minor = sorted(("m", "f"), key=lambda g: (-len(by_gender[g]), g))
        cid = self.new_cluster("person", by_gender[major] + by_gender[None], profile=PersonName(single=key))
        other = self.new_cluster("person", by_gender[minor], profile=PersonName(single=key))
        for c, g in ((cid, major), (other, minor)):
            titled = Counter(self.mentions[i].text.replace("\n", " ") for i in by_gender[g])
            self.clusters[c].label = max(titled.items(), key=lambda t: (t[1], t[0]))[0]
            self.clusters[c].reasons.append(f"{key!r}: titles of a man and of a woman, two people")
        return cid

    def merge_double_surnames(self, left: dict[str, int]) -> None:
        """Merge, in place, a bare double surname ("X-Y") with the one person named by a part of it.

        Only a name written with a hyphen; the first part when both parts name
        someone (the first is the family name in Slavic and Iberian use), and
        never a person the texts set beside it as someone else.
        """
        for k, cid in sorted(left.items()):
            c = self.clusters[cid]
            if not c.alive or " " not in k or not any("-" in n and not _MOVEMENT_PLURAL.match(n) for n in c.names):
                continue
            for part in k.split():
                options = {o for o in self.clusters_named(part) if o != cid}
                options = {o for o in options if not self.kept_apart(o, k)}
                if len(options) == 1:
                    other = options.pop()
                    into, frm = (other, cid) if self.size(other) >= self.size(cid) else (cid, other)
                    self.merge(into, frm, f"{k!r}: double surname of {part!r}")
                    break
                if options:
                    break  # the part names several people: no guess

    def clusters_named(self, key: str) -> set[int]:
        """Return the living person clusters with surname ``key`` or known by the bare name ``key``."""
        return {cid for cid, c in enumerate(self.clusters) if c.alive and c.type == "person" and c.profile
                and (c.profile.surname == key or c.profile.single == key)}

    def merge_short_forms(self, left: dict[str, int]) -> None:
        """Merge, in place, a bare pet name ("Sasha", "Vala") with the one person its full form names.

        The full form may be a bare given name too, or the given name of someone
        named in full. Only when exactly one person in the corpus fits and one of
        its mentions stands within ``settings.pet_name_window`` characters of the pet
        name in the same source: two people of one name are left apart.
        """
        # the people by their given or bare names (no cluster is made or renamed below, only merged)
        by_name: dict[str, set[int]] = defaultdict(set)
        for o, other in enumerate(self.clusters):
            if other.type == "person" and other.profile:
                for g in (other.profile.given, other.profile.single):
                    if g:
                        by_name[g].add(o)
        index = GivenNameIndex(by_name)
        for k, cid in sorted(left.items()):
            c = self.clusters[cid]
            if not c.alive or " " in k:
                continue
            fits = {o for g in index.candidates(k)
                    if g != k and pet_form_of(k, g)
                    for o in by_name[g] if o != cid and self.clusters[o].alive}
            # a bare name of a surname's shape ("Petrov", "Kowalski") is no full form of a pet name
            fits = {o for o in fits if not self.kept_apart(o, k) and not (
                self.clusters[o].profile.single and _SURNAME_END.search(self.clusters[o].profile.single))}
            if len(fits) != 1:
                continue
            other = fits.pop()
            reach = self.settings.pet_name_window
            near = any(self.mentions[i].source == self.mentions[j].source
                       and abs(self.mentions[i].char_start - self.mentions[j].char_start) <= reach
                       for i in c.members for j in self.clusters[other].members)
            if near:
                into, frm = (other, cid) if self.size(other) >= self.size(cid) else (cid, other)
                self.merge(into, frm, f"{k!r}: short form of the given name of the one person near it")

    def apply_alias_statements(self) -> None:
        pairs = alias_statements(self.mentions, self.texts) if self.alias_pairs is None else self.alias_pairs
        for a, b in pairs:
            ca, cb = self.of[a], self.of[b]
            if ca < 0 or cb < 0 or ca == cb or not (self.clusters[ca].alive and self.clusters[cb].alive):
                continue
            if self.kept_apart(ca, self.keys[b]):
                continue
            name_a, name_b = self.mentions[a].name, self.mentions[b].name
            into, other = (ca, cb) if self.size(ca) >= self.size(cb) else (cb, ca)
            self.merge(into, other, f"{name_b!r} is given as another name of {name_a!r} in the text")

    def _enrich(self, cid: int, p: PersonName) -> None:
        prof = self.clusters[cid].profile
        for part in ("given", "patronymic", "surname", "given_initial", "patronymic_initial"):
            if not getattr(prof, part) and getattr(p, part):
                setattr(prof, part, getattr(p, part))

    # -- organizations, works, vessels, places ------------------------------------------------
    def resolve_by_name(self, idx: list[int], type_: str) -> dict[str, int]:
        by_key: dict[str, list[int]] = defaultdict(list)
        for i in idx:
            by_key[org_key(self.keys[i])].append(i)
        return {k: self.new_cluster(type_, ids) for k, ids in sorted(by_key.items())}

    def resolve_orgs(self, idx: list[int]) -> None:
        clusters = self.resolve_by_name(idx, "organization")
        acronyms = acronym_pairs(self.texts.values()) if self.acronyms is None else self.acronyms
        for acr, long in sorted(acronyms):
            a, b = clusters.get(org_key(acr)), clusters.get(org_key(long))
            if a is not None and b is not None and self.clusters[a].alive and self.clusters[b].alive:
                self.merge(b, a, f"{acr!r} is spelt out as {long!r} in the text")
        # short forms: the nearest longer form in the same document that starts with them
        keys = sorted(clusters)
        for k in keys:
            cid = clusters[k]
            if not self.clusters[cid].alive or len(k.split()) > 3:
                continue
            longer = set()
            # sorted keys: every key that starts with "k " follows it in one run
            for o in keys[bisect.bisect_left(keys, k + " "):]:
                if not o.startswith(k + " "):
                    break
                if self.clusters[clusters[o]].alive:
                    longer.add(clusters[o])
            if not longer:
                continue
            for i in list(self.clusters[cid].members):
                target = self.nearest(i, longer, window=self.settings.short_name_window)
                if target is not None:
                    self.clusters[cid].members.remove(i)
                    self.clusters[cid].names[self.mentions[i].name or self.mentions[i].text] -= 1
                    self.attach(target, i, f"{self.mentions[i].name!r}: short form of the nearest full name")
            if not self.clusters[cid].members:
                self.clusters[cid].alive = False
            else:
                self.clusters[cid].names = +self.clusters[cid].names

    def resolve_places(self, idx: list[int]) -> None:
        clusters = self.resolve_by_name(idx, "place")
        if self.place_lookup is None:
            return
        # context: countries and places named in the same documents
        doc_countries: dict[tuple, set[str]] = defaultdict(set)
        anchors: dict[str, list[tuple[int, str]]] = defaultdict(list)  # source -> (offset, country)
        implied = self.implied_countries(list(clusters.values()))
        # the country a file declares is its documents' as surely as one their towns imply
        implied.update({(m.source, m.document): {self.source_countries[m.source]}
                        for i in idx for m in (self.mentions[i],) if m.source in self.source_countries})
        for k, cid in clusters.items():
            name = self.clusters[cid].names.most_common(1)[0][0]
            found = self.place_lookup(name, (), (), False)
            # a country (or a region or former state of one) named, or a city so large that its
            # country is not in doubt, sets the context ...
            if found and found[0].country and (found[0].kind != "city" or found[0].population >= 500_000):
                # ... unless the other towns of the document imply a country where the name is a town too
                # (Boston of a letter from Worcester and Durham)
                namesakes = ({p.country for p in self.town_namesakes(name)} if found[0].kind == "city"
                             and self.town_namesakes is not None else set())
                for i in self.clusters[cid].members:
                    m = self.mentions[i]
                    if (implied.get((m.source, m.document), set()) - {found[0].country}) & namesakes:
                        continue
                    doc_countries[(m.source, m.document)].add(found[0].country)
                    anchors[m.source].append((m.char_start, found[0].country))
        by_gazetteer: dict[str, int] = {}
        todo = [(k, part) for k, cid in sorted(clusters.items()) for part in self.split_by_declared_country(cid)]
        for k, cid in todo:
            c = self.clusters[cid]
            countries, local, agreed = set(), set(), set()
            for i in c.members:
                m = self.mentions[i]
                countries |= doc_countries[(m.source, m.document)]
                # the country the document's other towns agree on, or its file declares: a preference, never
                # a village's warrant
                agreed |= implied.get((m.source, m.document), set())
                # a village is believed only with its country named close by (same passage),
                # not anywhere in a long document that names half the world
                local |= {cc for pos, cc in anchors[m.source] if abs(pos - m.char_start) <= self.settings.local_window}
            named, countries = countries, countries | agreed
            found = None
            for name, _ in c.names.most_common():
                found = self.place_lookup(name, countries, local, True)
                if found:
                    break
            if not found:
                continue
            place, how = found
            c.geo = place.geo("settlement" if how == "feature" else None)
            if c.placed_apart is not None:
                c.placed_apart = c.geo.gazetteer_id
            # said where the towns named with it chose the country (an English Worcester, not the American one)
            declared = {self.source_countries.get(self.mentions[i].source) for i in c.members}
            implied_by = ("" if place.country not in agreed - named or how not in ("exact", "head") else
                          " (the country its file declares)" if place.country in declared else
                          " (the country the places named with it agree on)")
            c.reasons.append(f"{c.geo.gazetteer} {c.geo.gazetteer_id} ({place.name}, "
                             f"{place.country or place.kind}): {how}{implied_by}")
            if how == "feature":  # a station or a house is not its town: placed there, not merged
                continue
            gid = c.geo.gazetteer_id
            if gid in by_gazetteer and self.clusters[by_gazetteer[gid]].alive:
                self.merge(by_gazetteer[gid], cid, f"{k!r}: same gazetteer place ({place.name})")
            else:
                by_gazetteer[gid] = cid

        # namesakes split by their files' countries that still found no place, or one place, are one again
        apart: dict[str, list[int]] = defaultdict(list)
        for k, cid in todo:
            if self.clusters[cid].alive and self.clusters[cid].placed_apart is not None:
                apart[k].append(cid)
        for parts in apart.values():
            places = {self.clusters[cid].geo.gazetteer_id if self.clusters[cid].geo else None for cid in parts}
            if len(places - {None}) <= 1:
                for cid in parts[1:]:
                    self.merge(parts[0], cid, "namesakes: the countries of their files found no two places")
                self.clusters[parts[0]].placed_apart = None
        alive = [cid for cid in dict.fromkeys(cid for _, cid in todo) if self.clusters[cid].alive]
        self.place_by_neighbours(alive)
        self.place_urban_features(alive)

    def split_by_declared_country(self, cid: int) -> list[int]:
        """Return the clusters a place name's cluster ``cid`` becomes when its mentions come from files that
        declare two or more countries (:attr:`source_countries`): one per country, those of files that declare
        none staying in ``cid``; else ``[cid]``.

        "Harlowby" in a file declared English and in one declared American may be two towns: each is geocoded
        with its own file's country, and they stay two entities only where they land on two places.
        """
        c = self.clusters[cid]
        by_country: dict[str | None, list[int]] = defaultdict(list)
        for i in c.members:
            by_country[self.source_countries.get(self.mentions[i].source)].append(i)
        if len(set(by_country) - {None}) < 2:
            return [cid]
        keep = None if None in by_country else min(cc for cc in by_country if cc is not None)
        out = [cid]
        for cc in sorted(cc for cc in by_country if cc != keep):
            ids = by_country[cc]
            leaving = set(ids)
            c.members = [i for i in c.members if i not in leaving]
            for i in ids:
                c.names[self.mentions[i].name or self.mentions[i].text] -= 1
            part = self.new_cluster(c.type, ids)
            self.clusters[part].reasons.append(f"apart from its namesakes: its files declare {cc}")
            out.append(part)
        c.names = +c.names
        for part in out:
            self.clusters[part].placed_apart = ""
        return out

    def implied_countries(self, cids: list[int]) -> dict[tuple, set[str]]:
        """Return, per (source, document), the country its place names imply: the one in which most pairs of
        them name towns near each other.

        A letter from Worcester that goes on to Durham and Boston reads as English towns, though each name
        alone is a larger American one: read as towns of one country (``small_town_population`` or more),
        the names of one document lie within ``near_km`` of each other in pairs, and the country with the
        most such pairs (``context_min_pairs`` at least, ``context_pair_ratio`` times as many as any other) is
        the document's, as if it were named there. Documents naming more than ``context_max_places`` places imply none.
        """
        if self.town_namesakes is None:
            return {}
        from .places import km
        s = self.settings
        by_doc: dict[tuple, set[int]] = defaultdict(set)
        for cid in cids:
            for i in self.clusters[cid].members:
                by_doc[(self.mentions[i].source, self.mentions[i].document)].add(cid)
        towns: dict[int, list] = {}
        out: dict[tuple, set[str]] = {}
        for doc, named in by_doc.items():
            if not 3 <= len(named) <= s.context_max_places:
                continue
            points: dict[str, dict[int, list[tuple[float, float]]]] = defaultdict(dict)
            for cid in sorted(named):
                if cid not in towns:
                    towns[cid] = self.town_namesakes(self.clusters[cid].names.most_common(1)[0][0])
                for p in towns[cid]:
                    points[p.country].setdefault(cid, []).append((p.lat, p.lon))
            close = Counter()
            for country, of in points.items():
                ids = sorted(of)
                close[country] = sum(any(km(a, b, c, d) <= s.near_km for a, b in of[x] for c, d in of[y])
                                     for n, x in enumerate(ids) for y in ids[n + 1:])
            ranked = close.most_common(2)
            # (where a second country's towns lie together nearly as well, the names are of both: a letter from
            # camp near Washington naming Richmond, York and Lancaster is American, though their English namesakes,
            # a smaller country's, all lie within near_km of each other, 10 pairs against 8)
            if ranked and ranked[0][1] >= s.context_min_pairs and (
                    len(ranked) == 1 or ranked[0][1] >= s.context_pair_ratio * ranked[1][1]):
                out[doc] = {ranked[0][0]}
        return out

    def place_by_neighbours(self, cids: list[int]) -> None:
        """Geocode small towns the context did not vouch for, when their neighbours in the text agree.

        Names written close together in one passage (a list of works or villages)
        are mostly near each other on the ground: a candidate town is taken when it
        lies within ``settings.neighbour_km`` of a candidate (same country) or a placed
        town of another name in the same passage; among several, the most populous.
        A village with no such neighbour in its passage is taken where
        ``settings.file_neighbour_towns`` towns placed anywhere in its file lie within
        ``neighbour_km`` of it (same country), when only one of its namesakes does:
        letters and diaries name the villages among the towns their writer lives
        near, not the namesakes far off.
        """
        if self.place_candidates is None:
            return
        cands: dict[int, list] = {}
        # a town derived from an adjective is a guess too: the neighbours may correct it
        unsettled = {cid for cid in cids if self.clusters[cid].geo is not None
                     and self.clusters[cid].reasons and self.clusters[cid].reasons[-1].endswith(": adjective")}
        for cid in cids:
            c = self.clusters[cid]
            if c.geo is None or cid in unsettled:
                name = c.names.most_common(1)[0][0]
                if " " not in name.strip():
                    cands[cid] = self.place_candidates(name)[:30]
        if not cands:
            return
        by_source: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for cid in cids:
            for i in self.clusters[cid].members:
                by_source[self.mentions[i].source].append((self.mentions[i].char_start, cid))
        for cid, options in cands.items():
            if not options:
                continue
            neighbours = set()
            for i in self.clusters[cid].members:
                m = self.mentions[i]
                neighbours |= {d for pos, d in by_source[m.source]
                               if d != cid and abs(pos - m.char_start) <= self.settings.local_window}
            points = []  # (lat, lon, country) of what the neighbours are or may be
            for d in neighbours:
                geo = self.clusters[d].geo
                if geo is not None and geo.gazetteer == "geonames" and geo.precision is None and d not in cands:
                    points.append((geo.lat, geo.lon, geo.country))
                points += [(q.lat, q.lon, q.country) for q in cands.get(d, ())]
            from .places import km
            fits = [p for p in options if any(cc == p.country and km(p.lat, p.lon, a, b) <= self.settings.neighbour_km
                                              for a, b, cc in points)]
            if cid in unsettled:
                geo = self.clusters[cid].geo
                if any(p.geonameid == int(geo.gazetteer_id) for p in fits):
                    continue  # the neighbours agree with the guess
                too_far = 10 * self.settings.neighbour_km
                if not fits and len(neighbours) >= 2 and points and all(km(geo.lat, geo.lon, a, b) > too_far
                                                                         for a, b, _ in points):
                    # far from everything named beside it: no point is better than a wrong one
                    self.clusters[cid].geo = None
                    self.clusters[cid].reasons.append("adjectival guess dropped: far from its neighbours")
                    continue
            why = "near the places named beside it"
            need = self.settings.file_neighbour_towns
            if not fits and cid not in unsettled and need > 0:
                towns = {}  # the towns placed anywhere in this name's files
                for m in (self.mentions[i] for i in self.clusters[cid].members):
                    for _, d in by_source[m.source]:
                        geo = self.clusters[d].geo
                        if d != cid and d not in cands and geo is not None and geo.gazetteer == "geonames" \
                                and geo.precision is None:
                            towns[d] = (geo.lat, geo.lon, geo.country)
                # the name as written only (not a town it may be a misspelling of: that needs its passage)
                exact = {p.geonameid for p in self.towns_called(self.clusters[cid].names.most_common(1)[0][0])} \
                    if self.towns_called is not None else set()
                fits = [p for p in options if p.geonameid in exact
                        and sum(cc == p.country and km(p.lat, p.lon, a, b) <= self.settings.neighbour_km
                               for a, b, cc in towns.values()) >= need]
                why = f"near {need} or more towns its file names"
                if len(fits) > 1:
                    fits = []  # namesakes among the file's towns: no telling which
            if fits:
                place = fits[0]
                self.clusters[cid].geo = place.geo()
                self.clusters[cid].reasons.append(f"geonames {place.geonameid} ({place.name}, {place.country}): "
                                                  f"{why}")

    def place_urban_features(self, cids: list[int]) -> None:
        """Give a square, street or building without geo the point of the town its passage names.

        Only a town in the same paragraph, within a few sentences, and not one the
        passage goes to or comes from ("we drove to X"); the nearest such ("X Square
        in Y"). Otherwise it stays without coordinates. The geo is marked
        ``precision="settlement"``.
        """
        from .places import is_urban_feature
        towns: dict[tuple, list[tuple[int, int]]] = defaultdict(list)  # (source, document) -> (offset, cid)
        for cid in cids:
            geo = self.clusters[cid].geo
            if geo is not None and geo.gazetteer == "geonames" and geo.precision is None:
                for i in self.clusters[cid].members:
                    m = self.mentions[i]
                    towns[(m.source, m.document)].append((m.char_start, cid))
        for cid in cids:
            c = self.clusters[cid]
            if c.geo is not None or not any(is_urban_feature(n) for n in c.names):
                continue
            votes: dict[int, int] = {}  # town cluster -> its nearest distance ("X Square in Y": Y)
            for i in c.members:
                m = self.mentions[i]
                text = self.texts.get(m.source, "")
                for pos, town in towns.get((m.source, m.document), ()):
                    a, b = sorted((pos, m.char_start))
                    if b - a > self.settings.feature_window or "\n" in text[a:b]:
                        continue
                    if _MOTION.search(text[max(0, pos - 12):pos]):
                        continue  # a town travelled to or from is not where the square is
                    votes[town] = min(votes.get(town, b - a), b - a)
            if votes:
                town = self.clusters[min(votes, key=lambda t: (votes[t], t))]
                c.geo = replace(town.geo, precision="settlement")
                c.reasons.append(f"placed at {town.geo.name}, the town its passage names")

    # -- authority -------------------------------------------------------------------------------
    def apply_authority(self) -> None:
        for entry in self.authority:
            keys = {skeleton(n) for n in entry.names}
            hits = [cid for cid, c in enumerate(self.clusters) if c.alive
                    and any(skeleton(n) in keys for n in c.names)]
            if not hits:
                continue
            into = max(hits, key=self.size)
            for other in hits:
                if other != into:
                    self.merge(into, other, f"authority file: {entry.name!r}")
            c = self.clusters[into]
            c.authority = entry
            c.type = entry.type or c.type
            if entry.lat is not None and entry.lon is not None:
                c.geo = Geo(entry.lat, entry.lon, "authority", entry.wikidata or entry.name, entry.name)

    # -- output ------------------------------------------------------------------------------------
    def entities(self) -> tuple[list[Entity], dict[MentionKey, str]]:
        out, mapping = self.cluster_entities()
        return merge_entities(out), mapping

    def cluster_entities(self) -> tuple[list[Entity], dict[MentionKey, str]]:
        """Return (one entity per living cluster, in cluster order; the mention map), before
        clusters that reach one id are merged (:func:`merge_entities`)."""
        out, mapping = [], {}
        for c in self.clusters:
            if not c.alive or not c.members:
                continue
            name = c.authority.name if c.authority else c.label if c.label and len(c.names) == 1 else _canonical(c)
            eid = content_id("ent", c.type, _split_key(name) if _split_key(name) in self.split else skeleton(name),
                             *([c.placed_apart] if c.placed_apart else []))
            aliases = set()
            for i in c.members:
                m = self.mentions[i]
                aliases.add(m.text.replace("\n", " "))
                if m.name:
                    aliases.add(m.name)
            aliases.discard(name)
            spans = sorted({Span(self.mentions[i].source, self.mentions[i].char_start,
                                 self.mentions[i].char_end, self.mentions[i].document) for i in c.members},
                           key=lambda s: (s.source, s.char_start, s.char_end))
            authority = {"wikidata": c.authority.wikidata} if c.authority and c.authority.wikidata else None
            out.append(Entity(id=eid, type=c.type, name=name, aliases=tuple(sorted(aliases)),
                              mentions=tuple(spans), geo=c.geo, authority=authority,
                              merge_reasons=tuple(c.reasons)))
            for s in spans:
                mapping[(s.source, s.char_start, s.char_end)] = eid
        return out, mapping


def merge_entities(out: list[Entity]) -> list[Entity]:
    """Return the entities of ``out`` (in cluster order) with those of one id merged, sorted by type and name."""
    # two clusters can reach one id (same type and canonical name): keep them as one entity
    merged: dict[str, Entity] = {}
    for e in out:
        if e.id in merged:
            prev = merged[e.id]
            from ..model import replace
            merged[e.id] = replace(prev, aliases=tuple(sorted((set(prev.aliases) | set(e.aliases) | {e.name})
                                                         - {prev.name})),
                                   mentions=tuple(sorted(set(prev.mentions) | set(e.mentions),
                                                         key=lambda s: (s.source, s.char_start))),
                                   geo=prev.geo or e.geo, merge_reasons=prev.merge_reasons + e.merge_reasons)
        else:
            merged[e.id] = e
    return sorted(merged.values(), key=lambda e: (e.type, e.name, e.id))


#: endings of surnames (as skeletons) that no given name has
_SURNAME_END = re.compile(r"(?:ov|ev|ski|enko|chuk|shvili|dze|vicz|czik|vich|son|sen|ez|mann)$")
#: words before a town that make it a destination or an origin, not where things are
_MOTION = re.compile(r"\b(?:to|towards|toward|into|for|from|via|through|leaving|left)\s+(?:the\s+)?$", re.I)


def given_letters(p: PersonName) -> set[str]:
    """Return the first letters a person's given name may be written with (its variants' too)."""
    out = set()
    if p.given_initial:
        out.add(p.given_initial)
    if p.given:
        out |= _variant_letters(p.given)
    return out or {""}


def _dominant(candidates: set[int], size: Callable[[int], int], ratio: float) -> int | None:
    """Return the one candidate, or the one mentioned ``ratio`` times as often as any other, else None."""
    ranked = sorted(candidates, key=size, reverse=True)
    if len(ranked) == 1 or size(ranked[0]) >= ratio * size(ranked[1]):
        return ranked[0]
    return None


def _split_key(name: str) -> str:
    """Return the key of a name that must not fold together with its look-alikes."""
    return "=" + re.sub(r"\s+", " ", name.lower()).strip()


def _copy(p: PersonName) -> PersonName:
    return PersonName(p.given, p.given_initial, p.patronymic, p.patronymic_initial, p.surname, p.single)


def org_key(key: str) -> str:
    """Return the key an organization or another named thing is clustered by (no leading "the")."""
    return re.sub(r"^the ", "", key.lower())


def _canonical(c: _Cluster) -> str:
    """Return the fullest name of a cluster: most parts, then most mentioned, then longest."""
    def rank(item: tuple[str, int]) -> tuple:
        name, count = item
        if c.type == "person":
            p = parse_person(name)
            return (p.parts, count, -sum(ch == "." for ch in name), len(name))
        # an acronym spelt out in the corpus is named by its long form
        return (not name.replace(" ", "").isupper(), count, len(name))
    return max(c.names.items(), key=rank)[0]


def surname_variant_key(surname: str | None, settings: EntitySettings = EntitySettings()) -> str | None:
    """Return what spellings of one surname by different hands share: its first letter and its consonants, vowels
    and a final "e" left out ("darlke", "dorlke" and "darlk": "d:rlk"); None for a surname of two words or shorter
    than ``settings.surname_variant_min_length`` letters (short ones differ in a vowel: "hall", "hill").

    >>> surname_variant_key("dorlke") == surname_variant_key("darlk"), surname_variant_key("hall")
    (True, None)
    """
    if not surname or " " in surname or len(surname) < settings.surname_variant_min_length:
        return None
    return surname[0] + ":" + re.sub(r"[aeiou]", "", surname[1:])


#: a given name and a surname, then "and" or "&", just before a bare given name ("Amos Webb and ")
_FULL_NAME_AND = re.compile(r"\b[A-Z][a-z]+[ \t]+(?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+(?:and|&)[ \t]+$")
#: an initial in a name as written ("R." of "R. T.", "R.T.")
_INITIAL_LETTERS = re.compile(r"(?<![A-Za-z])[A-Z][.:]")


def _one_letter_off(key: str, others: Iterable[str], min_length: int) -> str | None:
    """Return the one other skeleton that differs from ``key`` (``min_length`` letters or more) by a single
    substituted letter, both one word."""
    if len(key) < min_length or " " in key or key.startswith("="):
        return None
    # a space for a letter is no misspelling ("daltonshale", "dalton hale"); the partitions'
    # may-link graph (:mod:`.resolve_partition`) pairs one-word names only, as here
    hits = [o for o in others if len(o) == len(key) and o[:3] == key[:3] and " " not in o
            and sum(a != b for a, b in zip(o, key)) == 1]
    return hits[0] if len(hits) == 1 else None


def resolve(mentions: list[Mention], texts: dict[str, str] | None = None,
            authority: list[AuthorityEntry] | None = None, gazetteer=None,
            settings: EntitySettings = EntitySettings(),
            source_countries: Mapping[str, str] | None = None) -> tuple[list[Entity], dict[MentionKey, str]]:
    """Return (entities, {(source, char_start, char_end): entity id}) for all ``mentions`` of a corpus.

    ``texts`` maps source ids to their texts (for coordination and acronyms spelt
    out); ``gazetteer`` is a :class:`~quellen.extract.places.Gazetteer` or None
    (no geocoding); ``authority`` pins identities; ``settings`` hold the windows, distances and
    similarities of resolution and geocoding; ``source_countries`` map source ids to the ISO country
    their files declare (a sidecar's ``country``), which the places named in them prefer.
    """
    r = make_resolver(list(mentions), texts or {}, authority, gazetteer, settings=settings,
                      source_countries=source_countries)
    run_resolver(r, r.decide_types())
    return r.entities()


def make_resolver(mentions: list[Mention], texts: dict[str, str], authority: list[AuthorityEntry] | None,
                  gazetteer=None, apart: set[frozenset[str]] | None = None,
                  settings: EntitySettings = EntitySettings(),
                  source_countries: Mapping[str, str] | None = None) -> "_Resolver":
    """Return a resolver of ``mentions`` wired to ``gazetteer`` (or None), with the pairs kept ``apart``
    (None: found in ``texts``), the thresholds of ``settings`` and the countries the sources' files declare."""
    lookup = is_place = None
    if gazetteer is not None:
        gazetteer = gazetteer.with_settings(settings)
        def lookup(name, countries, local, fuzzy):
            return gazetteer.lookup(name, countries, fuzzy=fuzzy, local=local)

        is_place = gazetteer.is_prominent
    r = _Resolver(mentions, texts, list(authority or ()), lookup, is_place, apart, settings)
    r.source_countries = {sid: cc.upper() for sid, cc in (source_countries or {}).items() if cc}
    if gazetteer is not None:
        r.place_candidates = gazetteer.town_candidates
        r.town_namesakes = lambda name: [p for p in gazetteer.candidates(name) if p.kind == "city" and p.country
                                         and p.population >= settings.small_town_population]
        r.known_place = lambda name: bool(gazetteer.candidates(name))
        r.towns_called = lambda name: [p for p in gazetteer.candidates(name) if p.kind == "city"]
        r.town_known = lambda name: gazetteer.is_prominent(name, settings.min_town_population, towns_only=True)
    return r


def run_resolver(r: "_Resolver", types: list[str]) -> "_Resolver":
    """Return ``r`` with its mentions clustered, each mention of the type given in ``types``."""
    by_type: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(types):
        by_type[t].append(i)
    r.resolve_people(by_type.pop("person", []))
    r.apply_alias_statements()
    r.resolve_orgs(by_type.pop("organization", []))
    r.resolve_places(by_type.pop("place", []))
    for t, idx in sorted(by_type.items()):
        r.resolve_by_name(idx, t)
    r.apply_authority()
    return r


def link_document_refs(documents: Iterable, entities: list[Entity]) -> list:
    """Return the documents whose author, addressee or place name now points at an entity.

    A ref links when its name (or its name without title) is a name or alias of
    exactly one entity of a fitting type; among several, the one mentioned in
    the document itself.
    """
    from ..model import replace
    from .entities import clean_name
    index: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    for e in entities:
        for n in {e.name, *e.aliases}:
            index[(e.type, skeleton(n))].append(e)

    index_items: dict[str, list] = defaultdict(list)
    for (etype, alias), ents in index.items():
        index_items[etype].append(((etype, alias), ents))

    def find(ref, types, document):
        if ref is None or ref.entity or not ref.name:
            return ref
        for key in (skeleton(ref.name), skeleton(clean_name(ref.name))):
            found = {e.id: e for t in types for e in index.get((t, key), ())}
            if len(found) > 1:
                inside = {i: e for i, e in found.items() if any(s.document == document.id for s in e.mentions)}
                found = inside if len(inside) == 1 else {}
            if len(found) == 1:
                return replace(ref, entity=next(iter(found)))
        # a longer description ("the representative of the police citizen Orlov"): the longest
        # name of exactly one entity written inside it
        key = f" {skeleton(ref.name)} "
        best, best_len = None, 3
        for t in types:
            for (etype, alias), ents in index_items.get(t, ()):
                if len(alias) > best_len and f" {alias} " in key and len({e.id for e in ents}) == 1:
                    best, best_len = ents[0].id, len(alias)
        return replace(ref, entity=best) if best else ref

    out = []
    for d in documents:
        author = find(d.author, ("person", "organization"), d)
        addressees = tuple(find(a, ("person", "organization"), d) for a in d.addressees)
        place = find(d.place, ("place",), d)
        if author != d.author or addressees != d.addressees or place != d.place:
            out.append(replace(d, author=author, addressees=addressees, place=place))
    return out
