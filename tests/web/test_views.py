"""What the pages tell a historian: how each date was reached, where each document starts in its
source, approximate places and itineraries on the map, who says what in a conflict, collations
read as runs; on a second hand-made store (a guild letter-book of 1672) unlike the first."""
from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from hypothesis import given, strategies as st
from lxml import html as lxml_html

pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402

from quellen.model import Date, DateBasis  # noqa: E402
from quellen.web import views  # noqa: E402
from quellen.web.app import create_app  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "web"


@pytest.fixture(scope="module")
def chronicle(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("quellen_fixture_chronicle", FIXTURES / "make_chronicle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_chronicle(tmp_path_factory.mktemp("chronicle") / "book.db")


@pytest.fixture(scope="module")
def client(chronicle):
    with TestClient(create_app(chronicle), base_url="http://localhost") as c:
        yield c


@pytest.fixture(scope="module")
def small(small_store):
    """The app over the first hand-made store (letters of 1848, a conflict with a denied claim)."""
    with TestClient(create_app(small_store), base_url="http://localhost") as c:
        yield c


def _date(rule="", anchor=None, text="3 May 1672", basis=DateBasis.STATED):
    return Date(text, "1672-05-03", dt.date(1672, 5, 3), dt.date(1672, 5, 3), "day", rule=rule, anchor=anchor,
                basis=basis)


def test_date_basis_tells_stated_from_inferred():
    assert views.date_basis(None) is None
    assert views.date_basis(_date("day-month-year"))["basis"] == "stated"
    inferred = views.date_basis(_date("inferred: compilation context (year of the dated text before it)", "3 May",
                                      basis=DateBasis.INFERRED))
    assert inferred["basis"] == "inferred" and inferred["code"] == "inferred"
    assert "year of the dated text before it" in inferred["explain"] and "3 May" in inferred["explain"]
    assert views.date_basis(_date(basis=DateBasis.YEAR_FROM_CONTEXT))["basis"] == "partly inferred"
    assert views.date_basis(_date(basis=DateBasis.FRAMING))["basis"] == "from the framing text"
    assert views.date_basis(_date("", "3 May", "two days later", DateBasis.RECKONED))["basis"] == "reckoned"
    assert views.date_basis(_date(basis=DateBasis.PUBLISHED))["code"] == "published"


def test_date_basis_reads_the_basis_not_the_rule():
    """A year completed from context was shown as stated because its rule string matched no pattern."""
    completed = _date("month-day+year-of-context", "1672-05-01", basis=DateBasis.YEAR_FROM_CONTEXT)
    shown = views.date_basis(completed)
    assert shown["basis"] == "partly inferred" and "year inferred from “1672-05-01”" in shown["explain"]
    # a rule that merely sounds inferred does not make a stated date inferred
    assert views.date_basis(_date("inferred-looking rule"))["basis"] == "stated"


def test_date_basis_names_a_season_anchor_not_its_code():
    shown = views.date_basis(_date("season+year-from-anchor", "1812-21@23", basis=DateBasis.YEAR_FROM_CONTEXT))
    assert "year inferred from “spring 1812”" in shown["explain"] and "1812-21" not in shown["explain"]


def test_reader_says_how_the_date_was_reached(client):
    docs = client.get("/documents.json").json()["documents"]
    assert [d["date_basis"] for d in docs] == ["stated", "inferred"]
    page = client.get(docs[1]["href"]).text
    tree = lxml_html.fromstring(page)
    note = tree.find_class("basis-inferred")[0]
    assert note.text == "inferred" and "year of the dated text before it" in note.get("title")
    assert "document 2 of 2" in tree.find_class("crumbs")[0].text_content()
    assert [li.text for li in tree.find_class("evidence")[0].iter("li")][-1].startswith("date: inferred")
    # the list flags the inferred date and names the author
    listing = lxml_html.fromstring(client.get("/documents").text)
    assert len(listing.find_class("basis-inferred")) == 1
    assert "Jan de Graeve" in listing.find_class("list")[0].text_content()


def test_source_view_shows_where_each_document_starts(client):
    docs = client.get("/documents.json").json()["documents"]
    source = client.get(f"/documents/{docs[0]['id']}.json").json()["source"]
    assert source["href"].endswith(f"#{docs[0]['id']}")
    data = client.get(source["href"].split("#")[0] + ".json").json()
    kinds = [("gap" if p["gap"] else p["kind"]) for p in data["parts"]]
    assert kinds == ["gap", "letter", "letter"]  # the title page lies outside every document
    assert data["parts"][0]["text"].startswith("THE LETTER-BOOK")
    assert data["parts"][2]["date_basis"]["basis"] == "inferred"
    page = lxml_html.fromstring(client.get(source["href"].split("#")[0]).text)
    heads = page.find_class("doc-head")
    assert len(heads) == 2 and page.get_element_by_id(docs[1]["id"]) is not None
    assert "LETTER FROM JAN DE GRAEVE" in page.find_class("doc-body")[0].text_content()
    assert client.get("/sources/src-nothing").status_code == 404
    assert client.get("/sources/src-nothing.json").status_code == 404


def test_map_marks_approximate_places_and_itineraries_skip_centroids(client):
    data = client.get("/map.json").json()
    approx = {p["name"]: p["approximate"] for p in data["places"]}
    assert approx == {"Ghent": False, "Bruges": False, "Flanders": True, "Spain": True}
    spain = next(p for p in data["places"] if p["name"] == "Spain")
    assert spain["placed_as"].startswith("approximate")
    route = data["itineraries"][0]
    # Flanders (a region's centre) between two Flemish towns is no stop; Spain is all the text says
    assert [s["name"] for s in route["stops"]] == ["Ghent", "Bruges", "Spain"]
    assert route["stops"][-1]["approximate"] and not route["stops"][0]["approximate"]
    assert all(client.get(s["href"]).status_code == 200 for s in route["stops"])  # each stop opens its passage
    page = lxml_html.fromstring(client.get("/map").text)
    assert page.find_class("map-legend") and "approximate" in page.find_class("map-legend")[0].text_content()


def test_timeline_cards_flag_reckoned_and_partly_inferred_dates(client):
    data = client.get("/timeline.json").json()
    by_id = {e["id"]: e for e in data["events"]}
    assert by_id["ev-idle"]["date_basis"]["basis"] == "stated"
    assert by_id["ev-cross"]["date_basis"]["basis"] == "reckoned"
    assert by_id["ev-spain"]["date_basis"]["basis"] == "partly inferred"
    assert {i["id"]: i["inferred"] for i in data["items"]} == {"ev-idle": False, "ev-cross": True,
                                                               "ev-bruges": True, "ev-spain": True}
    page = lxml_html.fromstring(client.get("/timeline").text)
    badges = [b.text_content() for b in page.find_class("witnesses")]
    assert badges[0] == "1 independent / 1 passage"


def test_conflict_claims_say_who_wrote_them_when(small_store):
    with TestClient(create_app(small_store), base_url="http://localhost") as c:
        claims = c.get("/conflicts.json").json()["conflicts"][0]["claims"]
        assert [(x["document_kind"], x["document_primary"]) for x in claims] == [("telegram", True),
                                                                                 ("memoir", False), ("memoir", False)]
        page = lxml_html.fromstring(c.get("/conflicts").text)
        who = [w.text_content() for w in page.find_class("who")]
        assert "later account" in who[1] and "primary" in who[0] and "7 April 1848" in who[0]


def test_pages_have_a_skip_link_and_mark_the_current_view(client):
    page = lxml_html.fromstring(client.get("/timeline").text)
    assert page.find_class("skip")[0].get("href") == "#main" and page.get_element_by_id("main") is not None
    current = [a.text for a in page.iter("a") if a.get("aria-current") == "page"]
    assert current == ["Timeline"]
    assert len(page.findall(".//h1")) == 1
    assert client.get("/static/favicon.svg").status_code == 200


_row = st.fixed_dictionaries({"a": st.text(" abc,.", max_size=6), "b": st.text(" abd,", max_size=6),
                              "same": st.booleans()})


@given(st.lists(_row, max_size=30))
def test_collation_runs_keep_every_word_and_alternate(rows):
    merged = views._merge_runs(rows)
    assert all(x["same"] != y["same"] for x, y in zip(merged, merged[1:]))
    for side in ("a", "b"):
        assert "".join("".join(r[side] for r in merged).split()) == "".join("".join(r[side] for r in rows).split())


def test_collation_cells_of_several_words_keep_their_spaces():
    from quellen.model import Passage, ReuseGroup

    def cell(*words):
        return [{"t": w, "n": w.lower(), "start": 0, "end": len(w)} for w in words]

    table = [[cell("The", "mill"), cell("The", "mill")], [cell("long", "in", "the", "hands"), cell("stood")],
             [[], cell("idle", "three", "days")]]
    group = ReuseGroup("reuse-1", "paraphrase", 0.5, (Passage("s1", None, 0, 9), Passage("s2", None, 0, 9)),
                       {"witnesses": ["A", "B"], "table": table})
    rows = views.collate(None, group, 0, 1)
    assert rows == [{"a": "The mill", "b": "The mill", "same": True},
                    {"a": "long in the hands", "b": "stood idle three days", "same": False}]


def test_overview_counts_kinds_and_how_documents_are_dated(client):
    data = client.get("/index.json").json()
    assert data["kinds"] == {"letter": 2}
    assert data["dating"] == {"stated": 1, "inferred": 1}
    page = lxml_html.fromstring(client.get("/").text)
    assert any(a.get("href") == "/documents?kind=letter" for a in page.iter("a"))


def test_denied_claims_are_shown_apart_on_the_conflicts_page(small):
    data = small.get("/conflicts.json").json()["conflicts"][0]
    assert (data["asserted"], data["denied"]) == (2, 1)
    assert data["claims"][-1]["denied"] and data["claims"][-1]["text"].startswith("Some have since written")
    page = lxml_html.fromstring(small.get("/conflicts").text)
    denied = page.find_class("claim denied")
    assert len(denied) == 1 and len(page.find_class("claim")) == 3
    assert denied[0].find_class("stance")[0].text_content() == "denied"
    assert denied[0].xpath(".//s")[0].text_content() == "1848-04-06"  # the rejected value is struck through
    assert "2 passages assert a version; 1 reports one only to deny it" in " ".join(page.text_content().split())


def test_event_page_shows_its_conflict_with_every_claim(small):
    data = small.get("/events/ev-arrival.json").json()
    (conflict,) = data["conflicts"]
    assert [x["stance"] for x in conflict["claims"]] == ["asserted", "asserted", "denied"]
    page = lxml_html.fromstring(small.get("/events/ev-arrival").text)
    claims = page.find_class("claim")
    assert len(claims) == 3 and "denied" in claims[2].get("class")
    assert all(c.xpath(".//mark") for c in claims)  # each passage highlighted in its context
    assert small.get("/events/ev-square.json").json()["conflicts"] == []


def test_event_page_says_why_its_witnesses_count_as_they_do(small):
    data = small.get("/events/ev-rising.json").json()["event"]
    assert data["independent_sources"] == 1 and data["witnesses"][0]["attestations"] == [0, 1]
    assert data["witnesses"][0]["folded"][0]["reason"] == "copy"
    page = lxml_html.fromstring(small.get("/events/ev-rising").text)
    (why,) = page.find_class("folded")
    assert "not a witness of its own: lies in one reuse group with passage 1" in " ".join(why.text_content().split())
    (section,) = page.find_class("witness-count")
    text = " ".join(section.text_content().split())
    assert "1 independent witness among 2 passages" in text and "witness 1 — passages 1, 2" in text
    # a hearsay passage is tagged so, and still counts
    page = lxml_html.fromstring(small.get("/events/ev-arrival").text)
    assert [t.text_content() for t in page.find_class("hearsay")] == ["hearsay"]
    assert [t.text_content() for t in page.find_class("witness-no")] == ["witness 1", "witness 2"]


def test_map_follows_one_persons_itinerary_and_links_stops_to_the_timeline(small):
    everyone = small.get("/map.json").json()
    assert {p["id"] for p in everyone["people"]} >= {"ent-mazzini"}
    route = next(r for r in everyone["itineraries"] if r["person"] == "ent-mazzini")
    assert route["map_href"] == "/map?person=ent-mazzini"
    one = small.get("/map.json?person=ent-mazzini").json()
    assert one["person"]["name"] == "Giuseppe Mazzini" and len(one["itineraries"]) == 1
    stops = one["itineraries"][0]["stops"]
    assert {p["id"] for p in one["places"]} == {s["place"] for s in stops} == {"ent-london", "ent-milan"}
    by_event = [s for s in stops if s["via"].startswith("ev-")]
    assert by_event and by_event[0]["timeline_href"] == f"/timeline?person=ent-mazzini#{by_event[0]['via']}"
    by_letter = [s for s in stops if not s["via"].startswith("ev-")]
    assert by_letter and by_letter[0]["timeline_href"] == "/timeline?person=ent-mazzini&year=1848"
    # the timeline link lands on a page that holds that event's card
    target = by_event[0]["timeline_href"].split("#")[0]
    listed = small.get(target.replace("/timeline", "/timeline.json")).json()["events"]
    assert by_event[0]["via"] in {e["id"] for e in listed}
    page = lxml_html.fromstring(small.get("/map?person=ent-mazzini").text)
    assert page.xpath("//select[@name='person']/option[@selected]")[0].get("value") == "ent-mazzini"
    assert len(page.xpath("//ol[@class='stops']/li")) == len(stops)
    # a person seen in one place only has an empty route; an unknown id or a place is a 404
    assert small.get("/map.json?person=ent-ryleyev").json()["itineraries"] == []
    assert small.get("/map.json?person=nobody").status_code == 404
    assert small.get("/map?person=ent-milan").status_code == 404


def test_map_places_link_to_their_events_on_the_timeline(small):
    places = {p["id"]: p for p in small.get("/map.json").json()["places"]}
    assert places["ent-milan"]["timeline_href"] == "/timeline?place=ent-milan"
    assert places["ent-london"]["timeline_href"] is None  # no event happened there


def test_timeline_items_carry_the_kind_of_their_first_witness(small):
    items = {i["id"]: i for i in small.get("/timeline.json").json()["items"]}
    assert items["ev-arrival"]["kind"] == "telegram" and items["ev-square"]["kind"] == "diary"
    page = lxml_html.fromstring(small.get("/timeline").text)
    assert page.get_element_by_id("timeline").get("aria-hidden") == "true"
    section = page.get_element_by_id("events")
    assert section.get("aria-labelledby") == "events-heading"
    assert len(section.find_class("event")) == len(items)  # the list is the chart's twin
