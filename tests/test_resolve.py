"""Entity resolution: names merged on general evidence, never across a list, reasons kept."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, strategies as st

from quellen.errors import QuellenError
from quellen.extract.places import Gazetteer
from quellen.extract.resolve import (acronym_pairs, given_variants, link_document_refs, load_authority,
                                     parse_person, resolve, skeleton)
from quellen.model import Document, Mention, Ref

from conftest import FIXTURES, SEED_GOLD

HERE = FIXTURES / "entities"


def mentions_in(text: str, names: list[tuple[str, str]], source: str = "s1", document: str = "d1",
                origin: str = "ner") -> list[Mention]:
    """Return mentions of each (surface, type) at its first occurrence after the previous one."""
    from quellen.extract.entities import clean_name
    out, pos = [], 0
    for surface, type_ in names:
        start = text.index(surface, pos)
        pos = start + len(surface)
        out.append(Mention(source, document, start, pos, surface, type_, clean_name(surface, type_), None,
                           origin))
    return out


def entity_with(entities, name):
    hits = [e for e in entities if name == e.name or name in e.aliases]
    assert len(hits) == 1, (name, [(e.name, e.aliases) for e in hits])
    return hits[0]


# -- folding and parsing ------------------------------------------------------------------------------
@pytest.mark.parametrize("a, b", [("Davydovich", "Davidovich"), ("Joffe", "Ioffe"), ("Natalya", "Natalia"),
                                  ("Olof", "Oloff"), ("Piłsudski", "Pilsudski"), ("Sergey", "Sergei")])
def test_skeleton_folds_transliterations(a, b):
    assert skeleton(a) == skeleton(b)


@given(st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll")), min_size=1, max_size=20))
def test_skeleton_is_idempotent(name):
    assert skeleton(skeleton(name)) == skeleton(name)


def test_given_name_variants_across_languages():
    assert given_variants("Leon", "Lev") and given_variants("Joseph", "Iosif") and given_variants("Piotr", "Peter")
    assert not given_variants("Pavel", "Piotr")


@pytest.mark.parametrize("name, given, patronymic, surname", [
    ("Lev Davidovich Trotsky", "Lev", "Davidovich", "Trotsky"),
    ("Trotsky, Lev Davidovich", "Lev", "Davidovich", "Trotsky"),
    ("Karamzina Anna Petrovna", "Anna", "Petrovna", "Karamzina"),
    ("Anna Petrovna", "Anna", "Petrovna", None),
    ("Thomas Jefferson", "Thomas", None, "Jefferson"),
])
def test_parse_person(name, given, patronymic, surname):
    p = parse_person(name)
    expected = tuple(skeleton(x) if x else None for x in (given, patronymic, surname))
    assert (p.given, p.patronymic, p.surname) == expected


def test_parse_initials():
    p = parse_person("N. S. Orlov")
    assert (p.given_initial, p.patronymic_initial, p.surname) == ("n", "s", "orlov")
    assert parse_person("L.D.").initials_only
    assert parse_person("Th: Jefferson").given_initial == "t"


# -- people --------------------------------------------------------------------------------------------
MEMOIR = ("Anna Petrovna Karamzina received me. Anna Petrovna was kind. A. P. Karamzina wrote to her brother. "
          "Karamzina laughed. Later A. P. came in.")


def test_memoir_names_of_one_woman_merge_with_reasons():
    ms = mentions_in(MEMOIR, [("Anna Petrovna Karamzina", "person"), ("Anna Petrovna", "person"),
                              ("A. P. Karamzina", "person"), ("Karamzina", "place"), ("A. P.", "person")])
    entities, mapping = resolve(ms, {"s1": MEMOIR})
    e = entity_with(entities, "Anna Petrovna Karamzina")
    assert set(e.aliases) >= {"Anna Petrovna", "A. P. Karamzina", "Karamzina", "A. P."}
    assert e.type == "person" and len(e.mentions) == 5
    assert any("patronymic" in r for r in e.merge_reasons)
    assert set(mapping.values()) == {e.id}


LETTERS = ("Mr. Jefferson has reached Williamsburg. Thomas Jefferson presents his compliments. "
           "Th: Jefferson. Jefferson begs him.")


def test_eighteenth_century_forms_merge():
    ms = mentions_in(LETTERS, [("Mr. Jefferson", "person"), ("Thomas Jefferson", "person"),
                               ("Th: Jefferson", "person"), ("Jefferson", "person")])
    entities, _ = resolve(ms, {"s1": LETTERS})
    assert len(entities) == 1
    assert entities[0].name == "Thomas Jefferson"


def test_cousins_with_one_surname_stay_apart_and_the_bare_surname_goes_to_the_nearest():
    text = "Pavel Orlov and Piotr Orlov came. Later Piotr Orlov left, and Orlov wrote from Kazan."
    ms = mentions_in(text, [("Pavel Orlov", "person"), ("Piotr Orlov", "person"), ("Piotr Orlov", "person"),
                            ("Orlov", "person")])
    entities, mapping = resolve(ms, {"s1": text})
    assert len(entities) == 2
    piotr = entity_with(entities, "Piotr Orlov")
    assert mapping[("s1", ms[3].char_start, ms[3].char_end)] == piotr.id


def test_names_set_side_by_side_are_never_merged():
    text = "Kowalski and Kowalsky signed the petition."
    ms = mentions_in(text, [("Kowalski", "person"), ("Kowalsky", "person")])
    entities, _ = resolve(ms, {"s1": text})
    assert len(entities) == 2
    # the same two spellings, not side by side, are one man spelt two ways
    other = "Kowalski signed. The next day Kowalsky left."
    entities, _ = resolve(mentions_in(other, [("Kowalski", "person"), ("Kowalsky", "person")]), {"s1": other})
    assert len(entities) == 1


def test_one_letter_misspelling_merges_but_short_names_do_not():
    text = "Yagoda signed. Then Yagods came. Marx wrote. Mars rose."
    ms = mentions_in(text, [("Yagoda", "person"), ("Yagods", "person"), ("Marx", "person"), ("Mars", "person")])
    entities, _ = resolve(ms, {"s1": text})
    assert entity_with(entities, "Yagods") is entity_with(entities, "Yagoda")
    assert entity_with(entities, "Marx") is not entity_with(entities, "Mars")
    assert any("misspelling" in r for r in entity_with(entities, "Yagoda").merge_reasons)


def test_initials_go_to_the_nearest_person_they_fit():
    text = ("Natalia Ivanovna Sedova came. N. I. smiled. Much later Nikolai Ivanovich Bukharin spoke, "
            "and N. I. answered.")
    ms = mentions_in(text, [("Natalia Ivanovna Sedova", "person"), ("N. I.", "person"),
                            ("Nikolai Ivanovich Bukharin", "person"), ("N. I.", "person")])
    entities, mapping = resolve(ms, {"s1": text})
    natalia = entity_with(entities, "Natalia Ivanovna Sedova")
    nikolai = entity_with(entities, "Nikolai Ivanovich Bukharin")
    assert mapping[("s1", ms[1].char_start, ms[1].char_end)] == natalia.id
    assert mapping[("s1", ms[3].char_start, ms[3].char_end)] == nikolai.id


def test_types_do_not_merge():
    text = "The steamer Ilyich sailed. Vladimir Ilyich spoke."
    ms = mentions_in(text, [("Ilyich", "vessel"), ("Vladimir Ilyich", "person")])
    ms[0] = Mention(**{**{f: getattr(ms[0], f) for f in ms[0].__slots__}, "origin": "rule:vessel"})
    entities, _ = resolve(ms, {"s1": text})
    assert {e.type for e in entities} == {"vessel", "person"}


# -- organizations -------------------------------------------------------------------------------------
REVOLUTION = ("The Committee of Public Safety (CPS) met. The Committee of General Security (CGS) was not "
              "consulted; the CGS and the CPS were rivals.")


def test_acronyms_spelt_out_in_the_text():
    assert ("cps", "comite of public safeti") in acronym_pairs([REVOLUTION])


def test_acronyms_merge_with_their_long_form_and_related_bodies_stay_apart():
    ms = mentions_in(REVOLUTION, [("Committee of Public Safety", "organization"), ("CPS", "organization"),
                                  ("Committee of General Security", "organization"), ("CGS", "organization"),
                                  ("CGS", "organization"), ("CPS", "organization")])
    entities, _ = resolve(ms, {"s1": REVOLUTION})
    cps, cgs = entity_with(entities, "CPS"), entity_with(entities, "CGS")
    assert cps is not cgs
    assert cps.name == "Committee of Public Safety" and len(cps.mentions) == 3


def test_short_form_goes_to_the_nearest_long_form_in_the_document():
    text = "The Central Committee of the Party met. The Central Committee decided."
    ms = mentions_in(text, [("Central Committee of the Party", "organization"), ("Central Committee", "organization")])
    entities, _ = resolve(ms, {"s1": text})
    assert len(entities) == 1 and entities[0].name == "Central Committee of the Party"


# -- places -------------------------------------------------------------------------------------------------
TOY_CITIES = [
    {"geonameid": 1, "name": "Volgograd", "latitude": 48.7, "longitude": 44.5, "countrycode": "RU",
     "population": 1_000_000, "alternatenames": ["Tsaritsyn", "Stalingrad"]},
]


def test_old_and_new_names_of_one_city_merge_with_geo():
    gazetteer = Gazetteer(cities=TOY_CITIES, countries=[], continents=[])
    text = "We reached Tsaritsyn in May; Volgograd, as it is now, lies on the river."
    ms = mentions_in(text, [("Tsaritsyn", "place"), ("Volgograd", "place")])
    entities, _ = resolve(ms, {"s1": text}, gazetteer=gazetteer)
    assert len(entities) == 1
    assert entities[0].geo.gazetteer == "geonames" and entities[0].geo.gazetteer_id == "1"
    assert any("same gazetteer place" in r for r in entities[0].merge_reasons)


def test_unknown_places_stay_without_coordinates():
    gazetteer = Gazetteer(cities=TOY_CITIES, countries=[], continents=[])
    text = "They crossed to Xqzville."
    entities, _ = resolve(mentions_in(text, [("Xqzville", "place")]), {"s1": text}, gazetteer=gazetteer)
    assert entities[0].geo is None


def _city(gid, name, lat, lon, cc, pop, *alt):
    return {"geonameid": gid, "name": name, "latitude": lat, "longitude": lon, "countrycode": cc,
            "population": pop, "alternatenames": list(alt)}


FEATURE_CITIES = [_city(10, "Lyon", 45.76, 4.84, "FR", 500_000), _city(11, "Marseille", 43.3, 5.37, "FR", 870_000),
                  _city(12, "Ruthin", 53.11, -3.31, "GB", 5_000), _city(13, "Denbigh", 53.18, -3.42, "GB", 8_000),
                  _city(14, "Ruthin", -20.0, 30.0, "ZW", 6_000), _city(15, "Holt", 53.08, -2.88, "GB", 2_000),
                  _city(16, "Holt", 52.9, 1.09, "GB", 3_800), _city(17, "Wrexham", 53.05, -3.0, "GB", 65_000)]


def test_a_middling_town_the_model_calls_a_person_is_a_place_after_place_prepositions():
    gazetteer = Gazetteer(cities=[_city(20, "Brackley", 52.03, -1.14, "GB", 14_000),
                                  _city(21, "Thornbury", 51.6, -2.52, "GB", 12_000)], countries=[], continents=[])
    text = ("On Monday we went to Brackley, and from Brackley on to the coast. "
            "Thornbury came to dinner; Thornbury said little. Church Row was quiet.")
    ms = mentions_in(text, [("Brackley", "person"), ("Brackley", "person"), ("Thornbury", "person"),
                            ("Thornbury", "person"), ("Church Row", "organization")])
    entities, _ = resolve(ms, {"s1": text}, gazetteer=gazetteer)
    assert entity_with(entities, "Brackley").type == "place"
    assert entity_with(entities, "Thornbury").type == "person"  # no preposition: the model's type stands
    assert entity_with(entities, "Church Row").type == "place"  # a street, not a body


def test_a_town_name_written_or_spoken_to_or_heard_from_stays_a_person():
    # "wrote to X", "a letter from X" name someone, not a town gone to or come from
    gazetteer = Gazetteer(cities=[_city(30, "Florence", 43.77, 11.25, "IT", 60_000),
                                  _city(31, "Sydney", -33.87, 151.2, "AU", 50_000)], countries=[], continents=[])
    text = ("I wrote to Florence yesterday. Florence answered at once. "
            "I had a letter from Sydney today. Sydney is well.")
    ms = mentions_in(text, [("Florence", "person")] * 2 + [("Sydney", "person")] * 2)
    entities, _ = resolve(ms, {"s1": text}, gazetteer=gazetteer)
    assert entity_with(entities, "Florence").type == "person" and entity_with(entities, "Sydney").type == "person"


def test_a_place_preposition_share_of_one_turns_the_retyping_off():
    from quellen.settings import EntitySettings
    gazetteer = Gazetteer(cities=[_city(20, "Brackley", 52.03, -1.14, "GB", 14_000)], countries=[], continents=[])
    text = "On Monday we went to Brackley, and from Brackley on to the coast. Church Row was quiet."
    ms = mentions_in(text, [("Brackley", "person"), ("Brackley", "person"), ("Church Row", "organization")])
    entities, _ = resolve(ms, {"s1": text}, gazetteer=gazetteer,
                          settings=EntitySettings(place_preposition_share=1.0))
    assert entity_with(entities, "Brackley").type == "person"
    assert entity_with(entities, "Church Row").type == "organization"


def test_the_date_lines_place_rule_adds_to_the_prepositions_and_does_not_block_them():
    import re
    gazetteer = Gazetteer(cities=[_city(20, "Brackley", 52.03, -1.14, "GB", 14_000)], countries=[], continents=[])
    text = "Rose Cottage, Brackley\nWe went to Brackley, and from Brackley to Brackley, then near Brackley."
    spans = [m.span() for m in re.finditer("Brackley", text)]
    ms = [Mention("s1", "d1", a, b, "Brackley", "place" if i == 0 else "person", "Brackley", None,
                  "rule:dateline" if i == 0 else "ner") for i, (a, b) in enumerate(spans)]
    entities, _ = resolve(ms, {"s1": text}, gazetteer=gazetteer)
    assert [e.type for e in entities] == ["place"]


def test_a_town_name_that_is_also_a_surname_stays_a_person():
    gazetteer = Gazetteer(cities=[_city(20, "Brackley", 52.03, -1.14, "GB", 14_000)], countries=[], continents=[])
    text = "John Brackley called. We wrote to Brackley at once."
    ms = mentions_in(text, [("John Brackley", "person"), ("Brackley", "person")])
    entities, _ = resolve(ms, {"s1": text}, gazetteer=gazetteer)
    assert {e.type for e in entities} == {"person"}


def test_a_square_is_placed_at_the_town_its_paragraph_names_not_where_one_travels():
    gazetteer = Gazetteer(cities=FEATURE_CITIES, countries=[], continents=[], regions=[])
    text = ("In Lyon the crowd gathered on Bellecour Square at noon.\n"
            "We left for Marseille by the night coach and crossed Terreaux Square at dawn.")
    ms = mentions_in(text, [("Lyon", "place"), ("Bellecour Square", "place"), ("Marseille", "place"),
                            ("Terreaux Square", "place")])
    entities, _ = resolve(ms, {"s1": text}, gazetteer=gazetteer)
    square = entity_with(entities, "Bellecour Square")
    assert square.geo.name == "Lyon" and square.geo.precision == "settlement"
    assert any("the town its passage names" in r for r in square.merge_reasons)
    # the other square's paragraph names only the town travelled to: it stays without a point
    assert entity_with(entities, "Terreaux Square").geo is None
    assert entity_with(entities, "Lyon").geo.precision is None


def test_small_towns_listed_together_vouch_for_each_other():
    gazetteer = Gazetteer(cities=FEATURE_CITIES, countries=[], continents=[], regions=[])
    text = "The Ruthin, Denbigh and Holt lead works were sold. Far off, Ruthin alone means nothing."
    ms = mentions_in(text, [("Ruthin", "place"), ("Denbigh", "place"), ("Holt", "place")])
    entities, _ = resolve(ms, {"s1": text}, gazetteer=gazetteer)
    ruthin = entity_with(entities, "Ruthin")
    assert ruthin.geo.gazetteer_id == "12"  # the Welsh one, beside its neighbours, not the larger abroad
    assert entity_with(entities, "Holt").geo.gazetteer_id == "15"  # the Holt near the others
    assert any("near the places named beside it" in r for r in ruthin.merge_reasons)
    alone = "Ruthin was quiet."
    entities, _ = resolve(mentions_in(alone, [("Ruthin", "place")]), {"s1": alone}, gazetteer=gazetteer)
    assert entities[0].geo is None  # a village with nothing beside it: no guess


def test_a_village_no_passage_vouches_for_is_placed_among_the_towns_its_file_names():
    # invented: a village with a namesake abroad (larger) and one far off in its own country
    gazetteer_cities = [_city(30, "Brockfield", 51.30, -1.20, "GB", 3_000),
                        _city(31, "Brockfield", 40.0, -80.0, "US", 9_000),
                        _city(32, "Brockfield", 55.9, -3.9, "GB", 4_000),
                        _city(33, "Kennetbury", 51.40, -1.30, "GB", 60_000),
                        _city(34, "Loddonham", 51.45, -0.97, "GB", 150_000)]
    gazetteer = Gazetteer(cities=gazetteer_cities, countries=[], continents=[], regions=[])
    filler = " We read and walked." * 40  # the towns stand far from the village in the text
    text = ("We drove to Kennetbury on Monday and to Loddonham on Tuesday." + filler
            + " The dog fought one of the miller's at Brockfield.")
    ms = mentions_in(text, [("Kennetbury", "place"), ("Loddonham", "place"), ("Brockfield", "place")])
    entities, _ = resolve(ms, {"s1": text}, gazetteer=gazetteer)
    village = entity_with(entities, "Brockfield")
    assert village.geo is not None and village.geo.gazetteer_id == "30"  # the one among the towns named
    assert any("towns its file names" in r for r in village.merge_reasons)
    # one town placed in the file is not enough
    one = "We drove to Kennetbury on Monday." + filler + " The dog fought at Brockfield."
    entities, _ = resolve(mentions_in(one, [("Kennetbury", "place"), ("Brockfield", "place")]), {"s1": one},
                          gazetteer=gazetteer)
    assert entity_with(entities, "Brockfield").geo is None
    # two namesakes among the file's towns: no telling which
    twin = Gazetteer(cities=gazetteer_cities + [_city(35, "Brockfield", 51.35, -1.0, "GB", 2_000)],
                     countries=[], continents=[], regions=[])
    entities, _ = resolve(ms, {"s1": text}, gazetteer=twin)
    assert entity_with(entities, "Brockfield").geo is None


def test_a_station_is_placed_at_its_town_but_not_merged_into_it():
    gazetteer = Gazetteer(cities=FEATURE_CITIES, countries=[], continents=[], regions=[])
    text = "From Wrexham station the train left; Wrexham itself slept."
    ms = mentions_in(text, [("Wrexham station", "place"), ("Wrexham", "place")])
    entities, _ = resolve(ms, {"s1": text}, gazetteer=gazetteer)
    station, town = entity_with(entities, "Wrexham station"), entity_with(entities, "Wrexham")
    assert station.id != town.id and station.geo.precision == "settlement" and town.geo.precision is None


# -- authority ------------------------------------------------------------------------------------------------
def test_authority_csv_pins_identity_type_and_qid(tmp_path):
    path = tmp_path / "authority.csv"
    path.write_text("name,aliases,type,wikidata,lat,lon\n"
                    "Thomas Jefferson,Th: Jefferson;Mr. Jefferson,person,Q11812,,\n"
                    "Monticello,,place,Q1079296,38.0086,-78.4532\n", encoding="utf-8")
    entries = load_authority(path)
    assert entries[0].aliases == ("Th: Jefferson", "Mr. Jefferson") and entries[1].lat == pytest.approx(38.0086)
    text = "Th: Jefferson wrote from Monticello. Mr. Jefferson was ill."
    ms = mentions_in(text, [("Th: Jefferson", "person"), ("Monticello", "person"), ("Mr. Jefferson", "person")])
    entities, _ = resolve(ms, {"s1": text}, authority=entries)
    tj = entity_with(entities, "Th: Jefferson")
    assert tj.name == "Thomas Jefferson" and tj.authority == {"wikidata": "Q11812"}
    assert len(tj.mentions) == 2
    place = entity_with(entities, "Monticello")
    assert place.type == "place" and place.geo.lat == pytest.approx(38.0086)


def test_authority_json_and_bad_entries(tmp_path):
    good = tmp_path / "a.json"
    good.write_text(json.dumps([{"name": "Danton", "aliases": ["Georges Danton"], "wikidata": "Q191026"}]))
    assert load_authority(good)[0].wikidata == "Q191026"
    bad = tmp_path / "b.json"
    bad.write_text(json.dumps([{"name": "Danton", "wikidata": "191026"}]))
    with pytest.raises(QuellenError, match="Wikidata"):
        load_authority(bad)
    with pytest.raises(QuellenError):
        load_authority(tmp_path / "missing.csv")


# -- document refs --------------------------------------------------------------------------------------------
def test_document_refs_link_to_entities():
    text = "Th: Jefferson to Mr. Madison. Thomas Jefferson writes; Madison reads."
    ms = mentions_in(text, [("Th: Jefferson", "person"), ("Mr. Madison", "person"), ("Thomas Jefferson", "person"),
                            ("Madison", "person")])
    entities, _ = resolve(ms, {"s1": text})
    document = Document("d1", "s1", 0, len(text), "letter", author=Ref("Th: Jefferson"),
                        addressees=(Ref("Mr. Madison"),))
    described = Document("d2", "s1", 0, len(text), "letter", author=Ref("the President's secretary Mr. Madison"),
                         place=Ref("Monticello"))
    linked, linked_described = link_document_refs([document, described], entities)
    assert linked.author.entity == entity_with(entities, "Thomas Jefferson").id
    assert linked.addressees[0].entity == entity_with(entities, "Madison").id
    # a longer description names the one entity written inside it; an unknown place stays unlinked
    assert linked_described.author.entity == entity_with(entities, "Madison").id
    assert linked_described.place.entity is None


# -- through the pipeline and the CLI ------------------------------------------------------------------------------
def test_build_resolves_links_and_pins_with_an_authority_file(tmp_path, capsys):
    from quellen import build, open_store
    from quellen.cli import main
    authority = tmp_path / "authority.json"
    authority.write_text(json.dumps([{"name": "Thomas Jefferson", "aliases": ["Th: Jefferson"], "type": "person",
                                      "wikidata": "Q11812"}]), encoding="utf-8")
    db = tmp_path / "letters.db"
    with open_store(db) as store:
        report = build([str(HERE / "letters_1777.txt")], store, authority=str(authority))
        assert report.ok, report.failed
        people = store.entities(type="person")
        mentions = store.mentions()
    tj = entity_with(people, "Mr. Jefferson")
    assert tj.authority == {"wikidata": "Q11812"} and len(tj.mentions) >= 4
    assert all(m.entity for m in mentions), [m.text for m in mentions if not m.entity]
    assert main(["entities", "--db", str(db), "--type", "person", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {e["type"] for e in listed} == {"person"}
    assert any(e["name"] == "Thomas Jefferson" and e["mention_count"] >= 4 for e in listed)
    assert main(["entities", "--db", str(db), "--type", "ship"]) == 2


# -- floors on the seed (the official scorer) ------------------------------------------------------------------------
def test_seed_entity_recall_floors(seed_scores):
    recall = seed_scores["entities"]["recall_by_type"]
    assert recall["person"]["recall"] >= 0.95
    assert recall["place"]["recall"] >= 0.95
    assert recall["organization"]["recall"] >= 0.88
    assert recall["work"]["recall"] >= 0.80


def test_seed_type_accuracy_floor(seed_scores):
    # 0.78 before works, bodies, person context and list typing; 0.90 reached; 0.933 with roles,
    # surname shapes, movement plurals and 'the X' / 'in the X'
    assert seed_scores["entities"]["type_accuracy"] >= 0.92


def test_seed_alias_merge_floors(seed_scores):
    e = seed_scores["entities"]
    # 0.887 before pet names, double surnames and pseudonyms outside brackets; 0.944 reached
    assert e["alias_merge_recall"] >= 0.93
    assert e["alias_merge_precision"] >= 1.0


def test_seed_geocoding_does_not_drop(seed_scores):
    # what the offline gazetteer reaches today (0.648); the issue's 0.80 is the xfail test below
    assert seed_scores["entities"]["geocoded"]["accuracy"] >= 0.64


@pytest.mark.xfail(strict=True, reason="issue 3 asks 0.80 within 50 km; the seed reaches 0.65: of the misses, "
                   "8 are countries and a continent whose gold point follows another convention than our landmass "
                   "centroid (50-300 km apart), 5 are squares and stations of a town the passage never names, "
                   "and the rest are a pass, a village and works that GeoNames' cities500 does not hold")
def test_seed_geocoding_issue_floor(seed_scores):
    assert seed_scores["entities"]["geocoded"]["accuracy"] >= 0.80


def test_a_name_the_text_gives_as_another_name_of_the_same_person_merges():
    text = ("Ivan Petrovich Sidorov was born (real name at birth - Isaak Pinkhusovich Sidorovsky) in Vilna. "
            "Maria Ivanova (née Kuznetsova) married him. Kuznetsova and Sidorovsky left.")
    ms = mentions_in(text, [("Ivan Petrovich Sidorov", "person"), ("Isaak Pinkhusovich Sidorovsky", "person"),
                            ("Maria Ivanova", "person"), ("Kuznetsova", "person"), ("Kuznetsova", "person"),
                            ("Sidorovsky", "person")])
    entities, _ = resolve(ms, {"s1": text})
    ivan = entity_with(entities, "Isaak Pinkhusovich Sidorovsky")
    assert {ivan.name, *ivan.aliases} >= {"Ivan Petrovich Sidorov", "Isaak Pinkhusovich Sidorovsky", "Sidorovsky"}
    assert any("another name" in r for r in ivan.merge_reasons)
    assert entity_with(entities, "Kuznetsova") is entity_with(entities, "Maria Ivanova")


def test_unseen_letter_1862_regions_states_features_geocoded(tmp_path):
    """An English letter of 1862 (not the seed): towns, a square, countries of the UK, a former state, a region."""
    from quellen import build, open_store
    from quellen.extract.places import km
    with open_store(tmp_path / "cotton.db") as store:
        assert build([str(HERE / "cotton_1862.txt")], store).ok
        places = {e.name: e for e in store.entities(type="place")}
    expect = {"Oldham": (53.54, -2.12, None), "Rochdale": (53.62, -2.16, None), "Bury": (53.6, -2.3, None),
              "Scotland": (56.5, -4.2, "country"), "Wales": (52.4, -3.7, "country"),
              "Kingdom of Prussia": (52.52, 13.41, "capital"), "Bohemia": (49.8, 14.5, "region"),
              "St Ann's Square": (53.48, -2.24, "settlement")}
    for name, (lat, lon, precision) in expect.items():
        geo = places[name].geo
        assert geo is not None and km(lat, lon, geo.lat, geo.lon) < 25 and geo.precision == precision, (name, geo)


# -- types decided with the gazetteer and the lists names stand in ---------------------------------------
def test_unknown_places_in_a_list_of_people_are_people(fresh_gazetteer):
    text = "The letter was signed by Hobbes, Pettigrew, Quennell and Aldous at the inn. Then Ruthven and Vashti left."
    mentions = mentions_in(text, [("Hobbes", "person"), ("Pettigrew", "place"), ("Quennell", "organization"),
                                  ("Aldous", "person"), ("Ruthven", "person"), ("Vashti", "place")])
    entities, _ = resolve(mentions, {"s1": text}, gazetteer=fresh_gazetteer)
    assert entity_with(entities, "Pettigrew").type == "person"
    assert entity_with(entities, "Quennell").type == "person"
    assert entity_with(entities, "Vashti").type == "person"


def test_known_places_in_a_list_and_movement_plurals(fresh_gazetteer):
    text = "They sailed from Lisbon, Genoa and Venice. The Chartists met; the Chartists marched."
    mentions = mentions_in(text, [("Lisbon", "place"), ("Genoa", "person"), ("Venice", "place"),
                                  ("Chartists", "place"), ("Chartists", "place")])
    entities, _ = resolve(mentions, {"s1": text}, gazetteer=fresh_gazetteer)
    assert entity_with(entities, "Genoa").type == "place"
    assert entity_with(entities, "Chartists").type == "organization"


def test_an_unknown_place_the_model_also_calls_a_body_is_a_body(fresh_gazetteer):
    text = "The Zollverein met. The Zollverein decided. The Zollverein grew. The Zollverein was told."
    mentions = mentions_in(text, [("Zollverein", "place"), ("Zollverein", "place"), ("Zollverein", "place"),
                                  ("Zollverein", "organization")])
    entities, _ = resolve(mentions, {"s1": text}, gazetteer=fresh_gazetteer)
    assert entity_with(entities, "Zollverein").type == "organization"


def test_a_named_company_outvotes_the_model(fresh_gazetteer):
    text = 'the firm "Harlow Brothers" sold it; Harlow Brothers paid; Harlow Brothers lost.'
    mentions = mentions_in(text, [("Harlow Brothers", "organization"), ("Harlow Brothers", "person"),
                                  ("Harlow Brothers", "person")])
    mentions[0] = Mention(*mentions[0][:8], "rule:body") if isinstance(mentions[0], tuple) else \
        __import__("dataclasses").replace(mentions[0], origin="rule:body")
    entities, _ = resolve(mentions, {"s1": text}, gazetteer=fresh_gazetteer)
    assert entity_with(entities, "Harlow Brothers").type == "organization"


@pytest.mark.gate
def test_seed_names_stay_out_of_the_recognition_code():
    from pathlib import Path
    import json
    import re
    import quellen
    root = Path(quellen.__file__).parent
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    banned = {w for e in gold["entities"] if e["type"] == "person"
              for n in [e["canonical"], *e.get("aliases", [])] for w in re.findall(r"[A-Z][a-z]{4,}", n)}
    banned -= {"Comrade", "Citizen", "Leon", "Natalia", "Natalya", "Vladimir", "Ilyich", "Alexandra", "Sergey",
               "Georgy", "Anna", "Pavel", "Nikolai", "Ivanovna", "Maria", "Ivan", "Petrovich", "Lev"}
    from quellen.extract.entities import POST_TITLES, TITLES
    banned -= set(TITLES) | set(POST_TITLES)  # general titles ("General X", "X Pasha") are not names
    banned |= {"Trotsky", "Stalin", "Alma-Ata", "OGPU", "Goldfields", "Prinkipo", "Deribas"}
    for path in (root / "extract" / "entities.py", root / "extract" / "resolve.py", root / "nlp.py"):
        text = path.read_text(encoding="utf-8")
        assert not [w for w in sorted(banned) if re.search(rf"\b{re.escape(w)}\b", text)], path


# -- pet names, double surnames, pseudonyms (issue 3, second pass) -----------------------------------
def test_pet_names_and_short_forms_are_given_name_variants():
    from quellen.extract.resolve import short_form_of
    assert given_variants("Bill", "William") and given_variants("Hans", "Johannes")
    assert given_variants("Sasha", "Aleksandr") and given_variants("Paco", "Francisco")
    assert not given_variants("Bill", "Robert") and not given_variants("Peggy", "Mary")
    assert short_form_of("Max", "Maximilian") and short_form_of("Vala", "Valentina")
    assert not short_form_of("Edwards", "Edwardsville") and not short_form_of("Max", "Mary")


@given(st.sampled_from(["william", "maximilian", "johannes", "elizabeth", "francisco"]),
       st.integers(min_value=3, max_value=5))
def test_a_name_cut_short_is_a_short_form_of_it(full, n):
    from quellen.extract.resolve import short_form_of
    assert short_form_of(full[:n].capitalize(), full.capitalize()) == (len(full) >= n + 2)



_NAMES = ["William", "Bill", "Max", "Maximilian", "Vala", "Valentina", "Hans", "Johannes", "Sasha", "Aleksandr",
          "Paco", "Francisco", "Mary", "Peggy", "Robert", "Edwards", "Edwardsville", "Jussuf", "Yusuf", "Lev", "Leon"]


@given(st.lists(st.sampled_from(_NAMES) | st.text("abcdeilmnorsuvy", min_size=1, max_size=9), max_size=25),
       st.sampled_from(_NAMES) | st.text("abcdeilmnorsuvy", min_size=1, max_size=9))
def test_the_given_name_index_finds_every_name_a_scan_finds(names, name):
    # the resolver asks the index instead of comparing every name with every other (growth with the
    # square of a corpus's people): it must never miss a name the scan would have matched
    from quellen.extract.resolve import GivenNameIndex, short_form_of
    scan = {g for g in names if g == name or short_form_of(name, g) or given_variants(name, g)}
    assert scan <= GivenNameIndex(names).candidates(name)

def test_a_pet_name_joins_the_full_name_of_the_same_surname():
    text = "William Harcourt came to dine. Later Bill Harcourt told us of the election."
    ms = mentions_in(text, [("William Harcourt", "person"), ("Bill Harcourt", "person")])
    entities, _ = resolve(ms, {"s1": text})
    assert len(entities) == 1 and "Bill Harcourt" in entities[0].aliases


def test_a_bare_pet_name_joins_the_one_person_so_named_close_by():
    path = HERE / "family_letters_1871.txt"
    text = path.read_text(encoding="utf-8")
    ms = mentions_in(text, [("William Harcourt", "person"), ("Margaret Harcourt-Vane", "person"),
                            ("Bill", "person"), ("Margaret", "person"), ("Harcourt-Vane", "person"),
                            ("Peggy", "person")])
    entities, _ = resolve(ms, {"s1": text})
    william = entity_with(entities, "William Harcourt")
    assert "Bill" in william.aliases and any("short form" in r or "given name" in r for r in william.merge_reasons)
    margaret = entity_with(entities, "Margaret Harcourt-Vane")
    assert {"Margaret", "Harcourt-Vane", "Peggy"} <= set(margaret.aliases)


def test_two_people_of_one_pet_name_stay_apart():
    text = "Johannes Brandt and Johannes Weber came.\n\nA note: Hans spoke."
    ms = mentions_in(text, [("Johannes Brandt", "person"), ("Johannes Weber", "person")])
    ms += mentions_in(text, [("Hans", "person")], document="d2")
    entities, _ = resolve(ms, {"s1": text})
    assert len(entities) == 3
    # with one Johannes only, the pet name close by is his
    entities, _ = resolve(ms[:1] + ms[2:], {"s1": text})
    assert len(entities) == 1


def test_a_double_surname_joins_the_person_of_its_first_part():
    text = "Señor Garcia came alone. Later the letters of Garcia-Lorente were read to the court."
    ms = mentions_in(text, [("Señor Garcia", "person"), ("Garcia-Lorente", "person")])
    entities, _ = resolve(ms, {"s1": text})
    assert len(entities) == 1


def test_a_double_surname_is_not_joined_to_a_movement_plural():
    text = "The Bolshevik-Leninists met. Bolshevik spoke first."
    ms = mentions_in(text, [("Bolshevik-Leninists", "person"), ("Bolshevik", "person")])
    entities, _ = resolve(ms, {"s1": text})
    assert len(entities) == 2 and entity_with(entities, "Bolshevik-Leninists").type == "organization"


@pytest.mark.parametrize("link", [", known as ", " wrote under the pen-name ", ", née ", ", alias ",
                                  ", whose real name was "])
def test_a_pseudonym_the_text_introduces_merges(link):
    text = f"Mary Ann Evans{link}George Eliot, sent the numbers. Evans was pleased."
    ms = mentions_in(text, [("Mary Ann Evans", "person"), ("George Eliot", "person"), ("Evans", "person")])
    entities, _ = resolve(ms, {"s1": text})
    assert len(entities) == 1
    assert any("another name" in r for r in entities[0].merge_reasons)


def test_a_name_after_a_possessive_and_a_pen_name_cue_is_not_a_pseudonym():
    text = "He wrote for Marat's paper under the pseudonym Pierre Dubois."
    ms = mentions_in(text, [("Marat", "person"), ("Pierre Dubois", "person")])
    entities, _ = resolve(ms, {"s1": text})
    assert len(entities) == 2


def test_a_one_word_name_always_after_the_is_a_body_and_always_in_the_a_place():
    text = ("An accomplice of the Entente wrote. The Entente answered. In the Guildhall they voted; "
            "the mayor sat in the Guildhall.")
    ms = mentions_in(text, [("Entente", "person"), ("Entente", "person"), ("Guildhall", "organization"),
                            ("Guildhall", "organization")])
    entities, _ = resolve(ms, {"s1": text})
    assert entity_with(entities, "Entente").type == "organization"
    assert entity_with(entities, "Guildhall").type == "place"


def test_a_movement_plural_is_a_body_not_a_person():
    text = "The Chartists met at the inn. Chartists were everywhere."
    ms = mentions_in(text, [("Chartists", "person"), ("Chartists", "person")])
    entities, _ = resolve(ms, {"s1": text})
    assert entities[0].type == "organization"


# -- titles of a man and of a woman, titled given names (entity audit on books) ------------------------------
def test_mr_and_mrs_of_one_surname_are_two_people():
    text = ("I went to see Mr. Pryor and Mrs. Pryor. Later Mrs. Pryor sent a cake; Mr. Pryor wrote, and Mr. Pryor "
            "came. Lady Ashdown came too, and Sir Ralph Ashdown.")
    ms = mentions_in(text, [("Mr. Pryor", "person"), ("Mrs. Pryor", "person"), ("Mrs. Pryor", "person"),
                            ("Mr. Pryor", "person"), ("Mr. Pryor", "person"), ("Lady Ashdown", "person"),
                            ("Sir Ralph Ashdown", "person")])
    entities, _ = resolve(ms, {"s1": text})
    assert sorted(e.name for e in entities) == ["Ashdown", "Mr. Pryor", "Mrs. Pryor", "Ralph Ashdown"], \
        [(e.name, e.aliases) for e in entities]


def test_a_full_name_without_a_title_takes_neither_of_a_man_and_a_woman_of_its_surname():
    text = "Nora Vail came. " + "Much happened. " * 500 + "Mr. Vail said no; Miss Vail wept, and Mr. Vail left."
    ms = mentions_in(text, [("Nora Vail", "person"), ("Mr. Vail", "person"), ("Miss Vail", "person"),
                            ("Mr. Vail", "person")])
    entities, _ = resolve(ms, {"s1": text})
    assert len(entities) == 3 and entity_with(entities, "Nora Vail").aliases == (), \
        [(e.name, e.aliases) for e in entities]


def test_a_womans_title_and_a_title_of_rank_of_one_surname_are_two_people():
    text = ("Dr. Ashcombe wrote the life of his late wife. Mrs. Ashcombe was no prude, said Dr. Ashcombe, and "
            "Ashcombe sighed. Miss Ferrby and Capt. Ferrby came.")
    ms = mentions_in(text, [("Dr. Ashcombe", "person"), ("Mrs. Ashcombe", "person"), ("Dr. Ashcombe", "person"),
                            ("Ashcombe", "person"), ("Miss Ferrby", "person"), ("Capt. Ferrby", "person")])
    entities, _ = resolve(ms, {"s1": text})
    assert sorted(e.name for e in entities) == ["Capt. Ferrby", "Dr. Ashcombe", "Miss Ferrby", "Mrs. Ashcombe"], \
        [(e.name, e.aliases) for e in entities]


def test_an_elders_kinship_title_keeps_a_given_name_apart_from_the_bare_one():
    text = "Aunt Meg sends her love. Meg and I walked to the mill; Meg was tired. Aunt Meg scolded us."
    ms = mentions_in(text, [("Aunt Meg", "person"), ("Meg", "person"), ("Meg", "person"), ("Aunt Meg", "person")])
    entities, _ = resolve(ms, {"s1": text})
    assert sorted(e.name for e in entities) == ["Aunt Meg", "Meg"], [(e.name, e.aliases) for e in entities]


def test_a_titled_given_name_is_the_one_person_so_named_however_far():
    text = "Sir Ralph Ashdown came. " + "Much happened. " * 500 + "Sir Ralph rode out. Ralph was gone."
    ms = mentions_in(text, [("Sir Ralph Ashdown", "person"), ("Sir Ralph", "person")])
    entities, _ = resolve(ms, {"s1": text})
    assert len(entities) == 1, [(e.name, e.aliases) for e in entities]


def test_a_given_name_before_a_middle_initial_is_the_given_name():
    p = parse_person("Ellen B. Carver")
    assert (p.given, p.surname) == ("elen", "carver")
    text = "Ada Carver came. Ellen B. Carver wrote; Ellen Carver signed; Nell R. Carver left."
    ms = mentions_in(text, [("Ada Carver", "person"), ("Ellen B. Carver", "person"), ("Ellen Carver", "person"),
                            ("Nell R. Carver", "person")])
    entities, _ = resolve(ms, {"s1": text})
    assert entity_with(entities, "Ellen B. Carver").name in ("Ellen B. Carver", "Ellen Carver")
    assert "Ellen B. Carver" not in entity_with(entities, "Ada Carver").aliases
    assert len(entities) == 3, [(e.name, e.aliases) for e in entities]


def test_a_bare_given_name_joins_the_one_person_so_named_in_the_same_passage():
    text = "Clara Vane wrote. " + "Much happened. " * 200 + "Then Clara sang. " + "Much happened. " * 600 + \
        "Clara left."
    ms = mentions_in(text, [("Clara Vane", "person"), ("Clara", "person"), ("Clara", "person")])
    entities, mapping = resolve(ms, {"s1": text})
    clara = entity_with(entities, "Clara Vane")
    assert mapping[("s1", ms[1].char_start, ms[1].char_end)] == clara.id
    assert mapping[("s1", ms[2].char_start, ms[2].char_end)] != clara.id  # too far to tell


def test_a_titled_surname_among_several_goes_to_the_one_its_title_fits():
    text = ("Mrs. Ada Pryor and Tom Pryor came. " + "Much happened. " * 50 + "Tom Pryor spoke. Mrs. Pryor wept.")
    ms = mentions_in(text, [("Mrs. Ada Pryor", "person"), ("Tom Pryor", "person"), ("Tom Pryor", "person"),
                            ("Mrs. Pryor", "person")])
    entities, mapping = resolve(ms, {"s1": text})
    assert mapping[("s1", ms[3].char_start, ms[3].char_end)] == entity_with(entities, "Ada Pryor").id


#: English towns and their larger American namesakes (Boston's large enough to vouch for its country alone)
NAMESAKES = [_city(40, "Worcester", 42.26, -71.8, "US", 206_000), _city(41, "Worcester", 52.19, -2.22, "GB", 101_000),
             _city(42, "Durham", 35.99, -78.9, "US", 257_000), _city(43, "Durham", 54.78, -1.58, "GB", 48_000),
             _city(44, "Boston", 42.36, -71.06, "US", 654_000), _city(45, "Boston", 52.98, -0.03, "GB", 45_000),
             _city(46, "Lancaster", 34.7, -118.14, "US", 161_000), _city(47, "Lancaster", 54.05, -2.8, "GB", 47_000),
             _city(48, "Hartford", 41.76, -72.69, "US", 121_000)]


def test_towns_of_one_letter_are_read_in_the_country_where_they_lie_together():
    gazetteer = Gazetteer(cities=NAMESAKES, countries=[], continents=[])
    text = "We drove from Worcester to Lancaster, were at Durham on Thursday, and go on to Boston."
    ms = mentions_in(text, [("Worcester", "place"), ("Lancaster", "place"), ("Durham", "place"), ("Boston", "place")])
    entities, _ = resolve(ms, {"s1": text}, gazetteer=gazetteer)
    # each alone is the larger American town; together they are four English towns a day or two apart
    assert {e.name: e.geo.country for e in entities} == dict.fromkeys(["Worcester", "Lancaster", "Durham", "Boston"],
                                                                       "GB")
    assert "the country the places named with it agree on" in entity_with(entities, "Boston").merge_reasons[0]
    # where they lie together in America, they stay there
    text = "We went from Worcester to Hartford and home to Boston."
    ms = mentions_in(text, [("Worcester", "place"), ("Hartford", "place"), ("Boston", "place")])
    entities, _ = resolve(ms, {"s1": text}, gazetteer=gazetteer)
    assert {e.geo.country for e in entities} == {"US"}
    # a context too thin (fewer pairs than context_min_pairs) leaves population to decide, as before
    text = "From Worcester to Durham."
    entities, _ = resolve(mentions_in(text, [("Worcester", "place"), ("Durham", "place")]), {"s1": text},
                          gazetteer=gazetteer)
    assert {e.geo.country for e in entities} == {"US"}


#: American towns and their English namesakes: England is small, every pair of its towns lies within near_km
CIVIL_WAR = [_city(50, "Washington", 38.9, -77.04, "US", 700_000), _city(51, "Washington", 54.9, -1.52, "GB", 67_000),
             _city(52, "Richmond", 37.54, -77.44, "US", 230_000), _city(53, "Richmond", 54.4, -1.74, "GB", 20_000),
             _city(54, "York", 39.96, -76.73, "US", 44_000), _city(55, "York", 53.96, -1.08, "GB", 150_000),
             _city(56, "Lancaster", 40.04, -76.31, "US", 59_000), _city(47, "Lancaster", 54.05, -2.8, "GB", 47_000),
             _city(44, "Boston", 42.36, -71.06, "US", 654_000), _city(45, "Boston", 52.98, -0.03, "GB", 45_000)]


def test_towns_that_lie_together_in_two_countries_imply_neither():
    # read in America, Washington, Richmond, York and Lancaster lie together in six pairs; read in England, all
    # ten pairs of the five do: not twice as many (context_pair_ratio), so no country is implied (England is small)
    gazetteer = Gazetteer(cities=CIVIL_WAR, countries=[], continents=[])
    text = "Camp near Washington. We marched from Richmond by York and Lancaster; Tom writes from Boston."
    names = ["Washington", "Richmond", "York", "Lancaster", "Boston"]
    entities, _ = resolve(mentions_in(text, [(n, "place") for n in names]), {"s1": text}, gazetteer=gazetteer)
    assert {e.name: e.geo.country for e in entities}["Washington"] == "US"


def test_a_battle_named_after_a_town_gets_no_point_and_the_town_keeps_its_own():
    gazetteer = Gazetteer(cities=[_city(40, "Harlowby", 52.5, -1.5, "GB", 20_000)], countries=[], continents=[])
    text = "The Battle of Harlowby was lost. Harlowby was fought in rain. We drove to Harlowby."
    named, fought = mentions_in(text, [("Battle of Harlowby", "other"), ("Harlowby", "other")], origin="rule:event")
    # "X was fought" names the battle (entities.py reads it so)
    fought = Mention("s1", "d1", fought.char_start, fought.char_end, "Harlowby", "other", "Battle of Harlowby", None,
                     "rule:event")
    at = text.rindex("Harlowby")
    town = Mention("s1", "d1", at, at + len("Harlowby"), "Harlowby", "place", "Harlowby", None, "ner")
    entities, _ = resolve([named, fought, town], {"s1": text}, gazetteer=gazetteer)
    [event] = [e for e in entities if e.type == "other"]
    [place] = [e for e in entities if e.type == "place"]
    assert event.name == "Battle of Harlowby" and event.geo is None and len(event.mentions) == 2
    assert place.name == "Harlowby" and place.geo.gazetteer_id == "40" and len(place.mentions) == 1


HARLOWBYS = [_city(50, "Harlowby", 52.5, -1.5, "GB", 20_000), _city(51, "Harlowby", 40.0, -75.0, "US", 60_000)]


def test_a_files_declared_country_chooses_among_namesakes_for_its_own_mentions():
    gazetteer = Gazetteer(cities=HARLOWBYS, countries=[], continents=[])
    texts = {"s1": "We reached Harlowby on Monday.", "s2": "We reached Harlowby on Tuesday.",
             "s3": "The coach left Harlowby at noon."}
    ms = [m for sid, text in texts.items() for m in mentions_in(text, [("Harlowby", "place")], source=sid)]
    entities, mapping = resolve(ms, texts, gazetteer=gazetteer, source_countries={"s1": "GB", "s2": "us"})
    by_id = {e.id: e for e in entities}
    where = {m.source: by_id[mapping[(m.source, m.char_start, m.char_end)]].geo.country for m in ms}
    # s3 declares nothing: no file's preference, the larger town, which s2's is
    assert where == {"s1": "GB", "s2": "US", "s3": "US"} and len(entities) == 2  # two towns: two entities
    [english] = [e for e in entities if e.geo.country == "GB"]
    assert any(r.endswith("(the country its file declares)") for r in english.merge_reasons)
    # without the files' countries, one town for all three
    plain, _ = resolve(ms, texts, gazetteer=gazetteer)
    assert [e.geo.country for e in plain] == ["US"]


def test_namesakes_split_by_their_files_countries_are_one_again_where_they_find_one_place():
    gazetteer = Gazetteer(cities=HARLOWBYS[:1], countries=[], continents=[])
    texts = {"s1": "We reached Harlowby on Monday.", "s2": "We reached Harlowby on Tuesday."}
    ms = [m for sid, text in texts.items() for m in mentions_in(text, [("Harlowby", "place")], source=sid)]
    plain, _ = resolve(ms, texts, gazetteer=gazetteer)
    entities, _ = resolve(ms, texts, gazetteer=gazetteer, source_countries={"s1": "GB", "s2": "US"})
    assert len(entities) == 1 and len(entities[0].mentions) == 2 and entities[0].id == plain[0].id


def test_a_body_called_by_its_first_word_and_its_kind_is_no_town_abroad():
    # "the Phoenix office" of an English letter-writer was the city in Arizona, beside the Phoenix Fire Office
    gazetteer = Gazetteer(cities=[_city(40, "Sunbury", 40.86, -76.79, "US", 9_000_000)], countries=[], continents=[])
    text = ("The Sunbury office paid the claim. To the Secretary, Sunbury Fire Office, Oakby. "
            "The man from the Sunbury office came. We went to Sunbury on Monday.")
    names = [("Sunbury", "place"), ("Sunbury Fire Office", "organization"), ("Sunbury", "place")]
    entities, _ = resolve(mentions_in(text, names), {"s1": text}, gazetteer=gazetteer)
    short = entity_with(entities, "Sunbury")
    assert short.type == "organization" and short.geo is None
    # a name also written before another word stays what the model and the gazetteer say: a town
    entities, _ = resolve(mentions_in(text, names + [("Sunbury", "place")]), {"s1": text}, gazetteer=gazetteer)
    assert entity_with(entities, "Sunbury").type == "place"


def test_two_initials_alone_stand_for_the_given_name_and_surname_of_one_person():
    # a letter signed "R. T." in one document, its writer named in full in another
    a = "Robert Tallis came with Mary Pike to the meeting."
    b = "Thy letter came safe. Thy friend R. T."
    ms = mentions_in(a, [("Robert Tallis", "person"), ("Mary Pike", "person")], document="d1") + \
        mentions_in(b, [("R. T.", "person")], source="s2", document="d2")
    entities, _ = resolve(ms, {"s1": a, "s2": b})
    assert entity_with(entities, "R. T.").name == "Robert Tallis"
    assert "initials of the given name and surname" in " ".join(entity_with(entities, "R. T.").merge_reasons)


def test_initials_that_two_people_fit_or_three_initials_join_no_one():
    a = "Robert Tallis and Ruth Thorne came; so did John Quincy Adams."
    b = "Thy friend R. T. wrote to J. Q. A. at last."
    ms = mentions_in(a, [("Robert Tallis", "person"), ("Ruth Thorne", "person"), ("John Quincy Adams", "person")],
                     document="d1") + mentions_in(b, [("R. T.", "person"), ("J. Q. A.", "person")], source="s2",
                                                  document="d2")
    entities, _ = resolve(ms, {"s1": a, "s2": b})
    assert entity_with(entities, "R. T.").name == "R. T." and entity_with(entities, "J. Q. A.").name == "J. Q. A."


def test_one_surname_spelt_several_ways_with_one_given_name_is_one_person():
    # three letters signed by one hand that spells its surname three ways; a short surname one vowel apart and
    # another given name stay apart
    a = "Thy friend Samuel Dorlke"
    b = "I remain Samuel Darlk and Mary Hall"
    c = "Samuel Dourlke sends love, and Mary Hill, and Peter Darlke"
    ms = mentions_in(a, [("Samuel Dorlke", "person")], source="s1", document="d1") + \
        mentions_in(b, [("Samuel Darlk", "person"), ("Mary Hall", "person")], source="s2", document="d2") + \
        mentions_in(c, [("Samuel Dourlke", "person"), ("Mary Hill", "person"), ("Peter Darlke", "person")],
                    source="s3", document="d3")
    entities, _ = resolve(ms, {"s1": a, "s2": b, "s3": c})
    samuel = entity_with(entities, "Samuel Darlk")
    assert {samuel.name, *samuel.aliases} == {"Samuel Dorlke", "Samuel Darlk", "Samuel Dourlke"}
    assert entity_with(entities, "Mary Hall") is not entity_with(entities, "Mary Hill")
    assert entity_with(entities, "Peter Darlke") is not samuel


def test_a_bare_given_name_after_a_full_name_and_and_takes_that_surname():
    # "Amos Webb and Ruth" in one letter; Ruth Webb named in full in another, and another Ruth elsewhere
    a = "I wish my love to Ruth Webb, and to Ruth Pell."
    b = "Amos Webb and Ruth being at our Quarters, I gave him the books."
    ms = mentions_in(a, [("Ruth Webb", "person"), ("Ruth Pell", "person")], document="d1") + \
        mentions_in(b, [("Amos Webb", "person"), ("Ruth", "person")], source="s2", document="d2")
    entities, mapping = resolve(ms, {"s1": a, "s2": b})
    assert mapping[("s2", ms[3].char_start, ms[3].char_end)] == entity_with(entities, "Ruth Webb").id
    # without the full name before it, a bare name that two people bear joins neither
    c = "Ruth being at our Quarters, I gave her the books."
    ms2 = mentions_in(a, [("Ruth Webb", "person"), ("Ruth Pell", "person")], document="d1") + \
        mentions_in(c, [("Ruth", "person")], source="s2", document="d2")
    entities2, _ = resolve(ms2, {"s1": a, "s2": c})
    assert entity_with(entities2, "Ruth").name == "Ruth"
