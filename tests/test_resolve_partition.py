"""Entity resolution in partitions of name-key components: the same entities as one run, in any number."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from quellen.extract.resolve import AuthorityEntry, resolve
from quellen.extract.resolve_partition import name_components, pack_components, resolve_partitioned

from quellen.extract.places import Gazetteer

from test_resolve import FEATURE_CITIES, TOY_CITIES, mentions_in

#: texts with the names the resolver links across keys: surnames and their parts, initials with a
#: patronymic, bare and pet names, one letter apart, alias statements, acronyms, short forms, lists
CASES = [
    ("Anna Petrovna Volkova wrote. A. P. Volkova signed; Volkova and Orlov left. Anya came. "
     "Ivan Orlov, Ivan Orlova and I. I. Orlov met Orlov.",
     [("Anna Petrovna Volkova", "person"), ("A. P. Volkova", "person"), ("Volkova", "person"),
      ("Orlov", "person"), ("Anya", "person"), ("Ivan Orlov", "person"), ("Ivan Orlova", "person"),
      ("I. I. Orlov", "person"), ("Orlov", "person")]),
    ("Margaret Fenwick-Dale came. Margaret spoke, then Peggy. Fenwick-Dale and Fenwick left. "
     "William Ashcombe dined; Bill laughed. Ashcombe wrote to Ashcomb and Bramwell, Bramwel.",
     [("Margaret Fenwick-Dale", "person"), ("Margaret", "person"), ("Peggy", "person"),
      ("Fenwick-Dale", "person"), ("Fenwick", "person"), ("William Ashcombe", "person"), ("Bill", "person"),
      ("Ashcombe", "person"), ("Ashcomb", "person"), ("Bramwell", "person"), ("Bramwel", "person")]),
    ("Pavel Ivanovich Serov (real name Pinkus Serovsky) was here. Serovsky left. The Northern Rail Company "
     "(NRC) sued; the Northern Rail bought NRC shares. Northern Rail Company Board met. Lisbon and Porto.",
     [("Pavel Ivanovich Serov", "person"), ("Pinkus Serovsky", "person"), ("Serovsky", "person"),
      ("Northern Rail Company", "organization"), ("NRC", "organization"), ("Northern Rail", "organization"),
      ("NRC", "organization"), ("Northern Rail Company Board", "organization"), ("Lisbon", "place"),
      ("Porto", "place")]),
    ("Anna Petrovna came with Ivan Ivanovich Orlov. Later A. P. wrote; I. I. replied. Sergei Bramwell came. "
     "Bramwall met Bramwell.",
     [("Anna Petrovna", "person"), ("Ivan Ivanovich Orlov", "person"), ("A. P.", "person"), ("I. I.", "person"),
      ("Sergei Bramwell", "person"), ("Bramwall", "person"), ("Bramwell", "person")]),
    # a letter's plain style: initials of given name and surname, one surname spelt two ways, a bare given name
    # after a full name and "and"
    ("Robert Tallis came with Ruth Webb and Ruth Pell. Thy friend R. T. wrote. Samuel Dorlke and Samuel Darlk "
     "signed. Amos Webb and Ruth came. Lisbon.",
     [("Robert Tallis", "person"), ("Ruth Webb", "person"), ("Ruth Pell", "person"), ("R. T.", "person"),
      ("Samuel Dorlke", "person"), ("Samuel Darlk", "person"), ("Amos Webb", "person"), ("Ruth", "person"),
      ("Lisbon", "place")]),
]


@pytest.mark.parametrize("partitions", [1, 2, 7])
@pytest.mark.parametrize("case", range(len(CASES)))
def test_partitions_give_the_entities_of_one_run(case, partitions):
    text, names = CASES[case]
    ms, texts = mentions_in(text, names), {"s1": text}
    ms += mentions_in(text, names[::2], source="s2")
    texts["s2"] = text
    assert resolve_partitioned(ms, texts, partitions=partitions) == resolve(ms, texts)


def test_an_authority_entry_joins_its_names_in_one_component():
    text, names = CASES[0]
    ms = mentions_in(text, names)
    entry = AuthorityEntry(name="Anna Volkova", aliases=("Volkova", "Orlov"), type="person")
    assert resolve_partitioned(ms, {"s1": text}, [entry], partitions=7) == resolve(ms, {"s1": text}, [entry])


@pytest.mark.parametrize("partitions", [2, 7])
def test_places_read_the_places_of_their_passage_in_any_partitions(partitions):
    # context (countries, neighbours, the town of a square) and one gazetteer place under two names
    gazetteer = Gazetteer(cities=FEATURE_CITIES + TOY_CITIES, countries=[], continents=[], regions=[])
    text = ("In Lyon the crowd gathered on Bellecour Square. The Ruthin, Denbigh and Holt lead works were sold. "
            "We reached Tsaritsyn in May; Volgograd lies on the river. From Wrexham station we left.")
    ms = mentions_in(text, [(n, "place") for n in ("Lyon", "Bellecour Square", "Ruthin", "Denbigh", "Holt",
                                                     "Tsaritsyn", "Volgograd", "Wrexham station")])
    ms += mentions_in("Ivan Orlov met Orlov.", [("Ivan Orlov", "person"), ("Orlov", "person")], source="s2")
    texts = {"s1": text, "s2": "Ivan Orlov met Orlov."}
    assert resolve_partitioned(ms, texts, gazetteer=gazetteer, partitions=partitions) == \
        resolve(ms, texts, gazetteer=gazetteer)


def test_components_keep_unrelated_names_apart_and_blocks_hold_whole_components():
    text = "Ivan Orlov came. Orlov left. Maria Serova wrote. Serova signed. The Grain Board met."
    ms = mentions_in(text, [("Ivan Orlov", "person"), ("Orlov", "person"), ("Maria Serova", "person"),
                            ("Serova", "person"), ("Grain Board", "organization")])
    keys = [m.name.lower() for m in ms]
    comps = name_components(ms, keys, [m.type for m in ms], [], set(), [])
    assert comps == [0, 0, 1, 1, 2]
    assert pack_components(comps, 2) == [[0, 1, 4], [2, 3]]
    assert pack_components(comps, 7) == [[0, 1], [2, 3], [4]]


_NAMES = ["Anna Petrovna Volkova", "A. P. Volkova", "Volkova", "Anya", "Anna", "Ivan Orlov", "I. I. Orlov",
          "Orlov", "Orlow", "Ivan Ivanovich", "Vanya", "Margaret Fenwick-Dale", "Fenwick-Dale", "Fenwick",
          "Peggy", "William Ashcombe", "Bill", "Ashcombe", "Ashcomb", "Pavel Serov", "P. Serov", "Serov",
          "A. P.", "Anna Petrovna", "I. I.", "Bramwell", "Bramwall", "Charles Bramwell"]
_ORGS = ["Northern Rail Company", "NRC", "Northern Rail", "Grain Board", "the Grain Board"]
_GLUE = [" and ", ", ", " met ", " (real name ", ". Later ", " wrote to ", ".\n\n", " came; "]


@st.composite
def corpora(draw):
    texts, ms = {}, []
    for s in range(draw(st.integers(1, 3))):
        picks = draw(st.lists(st.one_of(st.sampled_from(_NAMES).map(lambda n: (n, "person")),
                                        st.sampled_from(_ORGS).map(lambda n: (n, "organization"))),
                              min_size=1, max_size=12))
        glue = draw(st.lists(st.sampled_from(_GLUE), min_size=len(picks), max_size=len(picks)))
        text = "".join(n + g for (n, _), g in zip(picks, glue))
        texts[f"s{s}"] = text
        ms += mentions_in(text, picks, source=f"s{s}", document=f"d{draw(st.integers(0, 1))}")
    return ms, texts


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(), st.sampled_from([2, 3, 7]))
def test_any_mentions_give_the_entities_of_one_run_in_any_partitions(corpus, partitions):
    ms, texts = corpus
    assert resolve_partitioned(ms, texts, partitions=partitions) == resolve(ms, texts)


def test_two_mentions_of_one_span_map_it_as_one_run_does():
    # the store does not make spans unique: a span named twice goes to the entity one run maps last
    from quellen.model import Mention
    text = "Orlov wrote. The Orlova works, the Orlova works again."
    ms = [Mention("s1", "d1", 0, 5, "Orlov", "person", "Orlov"),
          Mention("s1", "d1", 0, 5, "Orlov", "organization", "Orlova works"),
          Mention("s1", "d1", 17, 29, "Orlova works", "organization", "Orlova works"),
          Mention("s1", "d1", 35, 47, "Orlova works", "organization", "Orlova works")]
    assert resolve_partitioned(ms, {"s1": text}, partitions=2) == resolve(ms, {"s1": text})


@pytest.mark.parametrize("partitions", [1, 2, 4])
def test_a_one_word_name_is_no_misspelling_of_a_two_word_one_in_any_partitions(partitions):
    # "daltonshale" and "dalton hale" differ in one character, a space: one run paired them,
    # the may-link graph (one-word names only) put them in two components
    text = "Dalton-Hale spoke. Later Daltonshale wrote."
    ms = mentions_in(text, [("Dalton-Hale", "person"), ("Daltonshale", "person")])
    got = resolve_partitioned(ms, {"s1": text}, partitions=partitions)
    assert got == resolve(ms, {"s1": text})
    assert sorted(e.name for e in got[0]) == ["Dalton-Hale", "Daltonshale"]
