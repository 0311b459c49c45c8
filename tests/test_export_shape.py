"""Corpus-wide shapes: networks, places, itineraries, date labels, contexts."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, strategies as st

from quellen.export.shape import (correspondence, cooccurrence, date_label, edtf_label, itineraries, load_corpus,
                                  network, place_features, text_context)
from quellen.model import Date
from quellen.store import Store


def _corpus(path):
    with Store(path, create=False) as store:
        return load_corpus(store)


def test_correspondence_and_cooccurrence(small_store):
    corpus = _corpus(small_store)
    pairs = {(e["source"], e["target"]): e["weight"] for e in correspondence(corpus)}
    assert pairs == {("ent-mazzini", "ent-cattaneo"): 1, ("ent-cattaneo", "ent-mazzini"): 1}
    co = {(e["source"], e["target"]): e["weight"] for e in cooccurrence(corpus)}
    assert co[("ent-cattaneo", "ent-mazzini")] == 3
    graph = network(corpus, min_weight=2)
    assert {n["id"] for n in graph["nodes"]} == {"ent-cattaneo", "ent-mazzini", "ent-radetzky"}


def test_places_and_itineraries(small_store):
    corpus = _corpus(small_store)
    assert [p["name"] for p in place_features(corpus)][0] == "Milan"
    routes = {r["name"]: [s["name"] for s in r["stops"]] for r in itineraries(corpus)}
    assert routes["Giuseppe Mazzini"] == ["London", "Milan"]


def test_date_labels():
    d = lambda a, b, p="day", **kw: Date("x", "x", dt.date.fromisoformat(a), dt.date.fromisoformat(b), p, **kw)  # noqa
    assert date_label(d("1848-03-22", "1848-03-22")) == "22 March 1848"
    assert date_label(d("1848-03-01", "1848-03-31", "month")) == "March 1848"
    assert date_label(d("1840-01-01", "1849-12-31", "decade")) == "1840s"
    assert date_label(d("1848-04-07", "1848-04-08")) == "7 April 1848 – 8 April 1848"
    assert date_label(d("1825-12-26", "1825-12-26", calendar="julian", as_written="1825-12-14")).startswith(
        "1825-12-14 O.S.")
    assert date_label(None) == ""
    # a year the text printed elided ("Aug. 4, 17—") is shown as printed, not as "18th century"
    assert date_label(d("1700-08-04", "1799-08-04", "century", as_written="17XX-08-04")) == "4 August 17—"
    assert date_label(d("1840-06-01", "1849-06-30", "decade", as_written="184X-06")) == "June 184—"


def test_date_labels_say_what_an_edtf_code_means():
    def d(edtf, a, b, p="month", **kw):
        return Date("x", edtf, dt.date.fromisoformat(a), dt.date.fromisoformat(b), p, **kw)
    # a season is named, not coded ("1812-21"), nor shown as the months it spans
    assert date_label(d("1812-21", "1812-03-01", "1812-05-31", as_written="1812")) == "spring 1812"
    assert date_label(d("1812-24", "1812-12-01", "1813-02-28")) == "winter 1812"
    assert date_label(d("1812-XX", "1812-01-01", "1812-12-31", "year")) == "1812 (month unknown)"
    assert date_label(d("181X", "1810-01-01", "1819-12-31", "decade")) == "1810s"
    assert date_label(d("1812/1815", "1812-01-01", "1815-12-31", "year")) == "1812 – 1815"
    assert date_label(d("1812-03-22", "1812-03-22", "1812-03-22", "day")) == "22 March 1812"  # a plain day as before


def test_edtf_labels():
    assert edtf_label("1812-33") == "first quarter of 1812" and edtf_label("1812-41") == "second half of 1812"
    assert edtf_label("18XX") == "19th century" and edtf_label("20XX") == "21st century"
    assert edtf_label("1812-03-XX") == "March 1812 (day unknown)"
    assert edtf_label("1812-XX-XX") == "1812 (month and day unknown)"
    assert edtf_label("XXXX-03-12") == "12 March (year unknown)" and edtf_label("XXXX-22") == "summer (year unknown)"
    assert edtf_label("1812-06/1812-08") == "June 1812 – August 1812"
    assert edtf_label("1812/..") == "from 1812 on" and edtf_label("../1812-21") == "until spring 1812"
    assert edtf_label("1812~") == "about 1812" and edtf_label("1812?") == "1812?"
    assert edtf_label("1812%") == "about 1812?"
    assert edtf_label("1812-03-12TMO") == "12 March 1812"
    for odd in ("PRESENT_REF", "XXXX-WXX-1", "1812-13", "1812/1813/1814", "", "../.."):
        assert edtf_label(odd) is None


@given(st.text(max_size=300), st.data())
def test_text_context_keeps_the_match(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    before, match, after = text_context(text, start, end, 20)
    assert match == text[start:end]
    assert len(before) <= 22 and len(after) <= 22


def test_itinerary_skips_a_country_centre_between_exact_places_of_that_country():
    """'Lisbon 1755 -> Portugal 1756 -> Porto 1757 -> Spain 1760' is Lisbon -> Porto -> Spain:
    the country's centroid between two of its towns is no journey; Spain, with no exact
    neighbour inside it, is all the text says and stays."""
    from quellen.model import Entity, Event, Geo
    geo = {"lisbon": Geo(38.72, -9.14, "test", "1", country="PT"),
           "porto": Geo(41.15, -8.61, "test", "2", country="PT"),
           "portugal": Geo(39.5, -8.0, "test", "3", country="PT", precision="country"),
           "spain": Geo(40.0, -4.0, "test", "4", country="ES", precision="country")}
    entities = {f"ent-{k}": Entity(f"ent-{k}", "place", k.title(), geo=g) for k, g in geo.items()}
    entities["ent-p"] = Entity("ent-p", "person", "Ana Rocha")
    day = lambda y: Date(str(y), str(y), dt.date(y, 1, 1), dt.date(y, 12, 31), "year")  # noqa: E731
    events = [Event(f"ev-{i}", day(y), "x", actors=("ent-p",), place=f"ent-{k}")
              for i, (y, k) in enumerate([(1755, "lisbon"), (1756, "portugal"), (1757, "porto"), (1760, "spain")])]
    from quellen.export.shape import Corpus
    routes = itineraries(Corpus([], entities, events))
    assert [s["name"] for s in routes[0]["stops"]] == ["Lisbon", "Porto", "Spain"]
    assert routes[0]["stops"][-1]["precision"] == "country"
