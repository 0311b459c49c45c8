"""Corroboration: independent witnesses, source profiles, and conflicts of every kind."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from quellen.conflicts import (Place, head_variants, issuer_conflicts, place_index, place_role, salutation_variants,
                               text_variants)
from quellen.corroborate import build_timeline, event_date, independent_sources, resolve_claims
from quellen.model import Claim, Date, Document, Entity, Geo, Passage, Ref, ReuseGroup, replace

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "corroborate"


def day(y: int, m: int, d: int, calendar: str = "gregorian") -> Date:
    x = dt.date(y, m, d)
    return Date(text="", edtf=x.isoformat(), earliest=x, latest=x, precision="day", calendar=calendar)


def month(y: int, m: int) -> Date:
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
    return Date(text="", edtf=f"{y}-{m:02d}", earliest=dt.date(y, m, 1), latest=last, precision="month")


def claim(cid: str, document: str, start: int, date: Date | None, lemmas: str, source: str = "s",
          actors: tuple = (), basis: str = "explicit", **kw) -> Claim:
    words = lemmas.split()
    return Claim(id=cid, source=source, document=document, char_start=start, char_end=start + 40, date=date,
                 basis=basis, summary=lemmas, lemmas=tuple(sorted(set(words))),
                 verbs=tuple(kw.pop("verbs", ())), actors=actors, **kw)


TROTTER = ("Ada Trotter", "person", 0, 5, "ent-ada")
QUOTE = ReuseGroup(id="rg-q", relation="verbatim", score=1.0,
                   passages=(Passage("s", "letter", 0, 100), Passage("s", "book", 1000, 1100),
                             Passage("s", "paper", 2000, 2100)))


def test_a_passage_quoted_in_three_places_is_one_witness():
    claims = [claim("a", "letter", 10, day(1901, 4, 2), "council refuse ultimatum"),
              claim("b", "book", 1010, day(1901, 4, 2), "council refuse ultimatum"),
              claim("c", "paper", 2010, day(1901, 4, 2), "council refuse ultimatum")]
    assert independent_sources(claims, [QUOTE]) == 1
    (event,), _ = build_timeline(claims, [], [QUOTE])
    assert event.independent_sources == 1 and len(event.attestations) == 3
    # the copies name the reuse group that makes them copies; the original does not
    by_doc = {a.document: a for a in event.attestations}
    assert by_doc["letter"].reuse_group is None
    assert by_doc["book"].reuse_group == by_doc["paper"].reuse_group == "rg-q"


def test_two_unrelated_accounts_are_two_witnesses_and_a_quoting_document_is_not_independent():
    claims = [claim("a", "diary", 10, day(1901, 4, 2), "council refuse ultimatum"),
              claim("b", "memoir", 5000, day(1901, 4, 2), "council refuse ultimatum")]
    assert independent_sources(claims) == 2
    # the memoir quotes the diary elsewhere: it is not the diary's independent witness
    elsewhere = ReuseGroup(id="rg-x", relation="paraphrase", score=0.7,
                           passages=(Passage("s", "diary", 300, 400), Passage("s", "memoir", 7000, 7100)))
    assert independent_sources(claims, [elsewhere]) == 1
    # one document telling it twice is still one witness
    assert independent_sources([claims[0], claim("c", "diary", 200, day(1901, 4, 2), "x")]) == 1


def test_attestations_carry_a_source_profile():
    documents = [Document(id="diary", source="s", char_start=0, char_end=900, kind="diary",
                          date=day(1901, 4, 2), primary=True),
                 Document(id="memoir", source="s", char_start=1000, char_end=9000, kind="memoir",
                          date=day(1931, 4, 2), primary=False)]
    claims = [claim("a", "diary", 10, day(1901, 4, 2), "council refuse ultimatum", eyewitness=True),
              claim("b", "memoir", 5000, day(1901, 4, 2), "council refuse ultimatum")]
    (event,), _ = build_timeline(claims, documents)
    profile = {a.document: a for a in event.attestations}
    assert profile["diary"].primary is True and profile["diary"].eyewitness is True
    assert profile["diary"].distance_years == 0.0
    assert profile["memoir"].primary is False and profile["memoir"].distance_years == 30.0


def test_the_event_date_is_the_narrowest_agreeing_date():
    cluster = [claim("a", "x", 0, month(1929, 1), "leave"), claim("b", "y", 50, day(1929, 1, 22), "leave")]
    assert event_date(cluster).edtf == "1929-01-22"


def test_resolve_claims_fills_entity_ids_from_the_mention_map():
    c = claim("a", "x", 0, day(1900, 1, 1), "arrive", actors=(("Ada", "person", 5, 8, None),),
              place=("Rome", 20, 24, None))
    (r,) = resolve_claims([c], {("s", 5, 8): "ent-ada", ("s", 20, 24): "ent-rome"})
    assert r.actors[0][4] == "ent-ada" and r.place[3] == "ent-rome" and r.place_key == "ent-rome"


def test_a_date_conflict_between_alike_claims_that_cannot_be_the_same_day():
    a = claim("a", "bio", 0, day(1926, 5, 1), "organize demonstration exile town", actors=(TROTTER,),
              verbs=("organize", "exile"))
    b = claim("b", "book", 500, day(1928, 1, 10), "demonstration accompany exile town", actors=(TROTTER,),
              verbs=("accompany", "exile"))
    _, conflicts = build_timeline([a, b], [])
    (conflict,) = [c for c in conflicts if c.kind == "date"]
    assert sorted(x.value for x in conflict.claims) == ["1926-05-01", "1928-01-10"]
    assert len(conflict.events) == 2


def test_dates_twelve_days_apart_in_two_calendars_are_no_conflict():
    a = claim("a", "bio", 0, day(1812, 9, 7), "battle fight river village", actors=(TROTTER,))
    b = claim("b", "diary", 500, day(1812, 8, 26, calendar="julian"), "battle fight river village",
              actors=(TROTTER,))
    _, conflicts = build_timeline([a, b], [])
    assert not [c for c in conflicts if c.kind == "date"]


RIDER = ("Jan Kowal", "person", 0, 5, "ent-jan")


def test_a_place_conflict_when_alike_passages_set_the_news_in_different_places():
    a = claim("a", "narr", 0, day(1829, 1, 22), "inform matter concern capital region", verbs=("inform",),
              place=("Samarkand", 5, 14, "ent-sam"), actors=(RIDER,), place_verb="inform", place_role="at")
    b = claim("b", "book", 500, None, "receive telegram inform destination capital", basis="none",
              verbs=("receive", "inform"), place=("Bukhara", 505, 512, "ent-buk"), actors=(RIDER,),
              place_verb="receive", place_role="at")
    _, conflicts = build_timeline([a, b], [])
    (conflict,) = [c for c in conflicts if c.kind == "place"]
    assert sorted(x.value for x in conflict.claims) == ["Bukhara", "Samarkand"]


def test_stages_of_a_journey_a_city_and_its_country_and_other_actors_are_no_place_conflict():
    def pair(role_a="at", role_b="at", place_b=("Bukhara", 505, 512, "ent-buk"), actors_b=(RIDER,),
             verb_a="inform", verb_b="inform"):
        a = claim("a", "narr", 0, day(1829, 1, 22), "inform matter concern capital region", verbs=("inform",),
                  place=("Samarkand", 5, 14, "ent-sam"), actors=(RIDER,), place_verb=verb_a, place_role=role_a)
        b = claim("b", "book", 500, day(1829, 1, 22), "receive telegram inform destination capital",
                  verbs=("receive", "inform"), place=place_b, actors=actors_b, place_verb=verb_b,
                  place_role=role_b)
        return [a, b]

    def place_conflicts(claims, places=None):
        return [c for c in build_timeline(claims, [], places=places)[1] if c.kind == "place"]

    assert place_conflicts(pair())
    # left from one place, arrived in another: a journey
    assert not place_conflicts(pair(role_a="from", role_b="to"))
    # someone else's news
    assert not place_conflicts(pair(actors_b=(TROTTER,)))
    # the verb that sets one passage in its place is no verb of the other
    assert not place_conflicts(pair(verb_a="arrive", verb_b="travel"))
    # a city and the country that holds it, and two names of one town
    country = {"ent-sam": Place(39.65, 66.96, "UZ"), "ent-uz": Place(41.0, 64.0, "UZ", area=True),
               "ent-old": Place(39.66, 66.98, "UZ"), "ent-buk": Place(39.77, 64.42, "UZ")}
    assert not place_conflicts(pair(place_b=("Uzbekistan", 505, 515, "ent-uz")), country)
    assert not place_conflicts(pair(place_b=("Old Town", 505, 513, "ent-old")), country)
    assert place_conflicts(pair(), country)


def test_the_role_of_a_place_is_read_from_its_preposition():
    text = "Only in the Samara region was he told; he went from Oxley to the coast."
    at = claim("a", "d", 0, None, "x", place=("Samara region", 12, 25, None))
    frm = claim("b", "d", 0, None, "x", place=("Oxley", 52, 57, None))
    to = claim("c", "d", 0, None, "x", place=("coast", 65, 70, None))
    assert [place_role(c, text) for c in (at, frm, to)] == ["at", "from", "to"]


def test_place_index_marks_countries_and_continents_as_areas():
    class Gaz:
        def country_code(self, name):
            return {"Ruritania": "RU"}.get(name)

    ents = [Entity(id="e1", type="place", name="Ruritania", geo=Geo(1, 2, "g", "1", "Ruritania", "RU")),
            Entity(id="e2", type="place", name="Strel", geo=Geo(1, 2, "g", "2", "Strel", "RU")),
            Entity(id="e3", type="place", name="Europa", geo=Geo(1, 2, "g", "3", "Europa", None)),
            Entity(id="e4", type="person", name="Ann")]
    index = place_index(ents, Gaz())
    assert {k: v.area for k, v in index.items()} == {"e1": True, "e2": False, "e3": True}


def test_one_passage_denying_what_two_affirm_is_a_fact_conflict():
    deny = claim("a", "narr", 0, None, "family deprive citizenship", basis="none", actors=(TROTTER,),
                 predicates=(("deprive", True, ("citizenship", "family")),))
    yes1 = claim("b", "bio", 500, None, "deprive citizenship expel", basis="none", actors=(TROTTER,),
                 predicates=(("deprive", False, ("citizenship",)),))
    yes2 = claim("c", "book", 900, day(1932, 2, 20), "deprive citizenship decree", actors=(TROTTER,),
                 predicates=(("deprive", False, ("citizenship",)),))
    _, conflicts = build_timeline([deny, yes1, yes2], [])
    (conflict,) = [c for c in conflicts if c.kind == "fact"]
    assert len(conflict.claims) == 3 and "single witness" in conflict.summary


def test_numbers_that_differ_inside_one_event_are_a_number_conflict():
    a = claim("a", "x", 0, day(1900, 1, 1), "train stand siding day forest", numbers=(("12", "day", 3, 5),))
    b = claim("b", "y", 500, day(1900, 1, 1), "train stand siding day forest", numbers=(("10", "day", 503, 505),))
    events, conflicts = build_timeline([a, b], [])
    assert len(events) == 1
    (conflict,) = [c for c in conflicts if c.kind == "number"]
    assert {x.value for x in conflict.claims} == {"12 day", "10 day"}
    assert events[0].conflicts == (conflict.id,)


def test_witnesses_of_a_reuse_group_that_differ_on_a_name_or_number_are_text_variants():
    text = ("The envoy Halvorsen arrived with 40 riders and read the decree.\n"
            "The envoy Haldorsen arrived with 400 riders and read the decree.\n")
    second = text.index("The envoy Hald")
    group = ReuseGroup(id="rg", relation="near_verbatim", score=0.9,
                       passages=(Passage("s", "a", 0, second - 1), Passage("s", "b", second, len(text) - 1)))
    variants = text_variants([group], {"s": text})
    values = sorted(tuple(sorted(x.value for x in c.claims)) for c in variants)
    assert values == [("40", "400"), ("Haldorsen", "Halvorsen")]
    for c in variants:
        for x in c.claims:
            assert text[x.char_start:x.char_end] == x.value



def test_text_variants_come_in_reuse_order_whatever_order_their_sources_are_read_in():
    text = ("The envoy Halvorsen arrived with 40 riders and read the decree.\n"
            "The envoy Haldorsen arrived with 400 riders and read the decree.\n")
    second = text.index("The envoy Hald")

    def group(gid: str, source: str) -> ReuseGroup:
        return ReuseGroup(id=gid, relation="near_verbatim", score=0.9,
                          passages=(Passage(source, "a", 0, second - 1), Passage(source, "b", second, len(text) - 1)))

    texts = {"x": text, "y": text.replace("Halvorsen", "Halvorsson")}
    late, early = group("rg-late", "y"), group("rg-early", "x")
    one_by_one = text_variants([late], texts) + text_variants([early], texts)
    assert [c.claims[0].source for c in one_by_one] == ["y", "y", "x", "x"]
    assert text_variants([late, early], texts) == one_by_one

def test_two_accounts_of_one_event_that_tell_the_means_differently_are_a_conflict():
    a = claim("a", "narr", 0, day(1905, 3, 2), "envoy leave capital carriage", actors=(RIDER,),
              details=(("in", "carriage"),))
    b = claim("b", "memoir", 500, day(1905, 3, 2), "envoy leave capital sledge", actors=(RIDER,),
              details=(("in", "sledge"),))
    events, conflicts = build_timeline([a, b], [])
    assert len(events) == 1
    (conflict,) = [c for c in conflicts if c.kind == "fact"]
    assert sorted(x.value for x in conflict.claims) == ["in carriage", "in sledge"]
    # the same means in other words is no conflict: one account names the other's too
    c = claim("c", "memoir", 500, day(1905, 3, 2), "envoy leave capital carriage sledge", actors=(RIDER,),
              details=(("in", "sledge"),))
    assert not [x for x in build_timeline([a, c], [])[1] if x.kind == "fact"]


def test_a_date_conflict_anchored_by_a_shared_subject_noun():
    a = claim("a", "minutes", 0, day(1781, 5, 7), "mill fall night reeve report", verbs=("fall", "report"),
              subjects=("mill",))
    b = claim("b", "comment", 500, day(1781, 5, 9), "fall old mill happen night", verbs=("happen",),
              subjects=("fall", "mill"))
    (conflict,) = [c for c in build_timeline([a, b], [])[1] if c.kind == "date"]
    assert sorted(x.value for x in conflict.claims) == ["1781-05-07", "1781-05-09"]
    # nothing shared to say it is the same happening: no conflict
    b2 = claim("b", "comment", 500, day(1781, 5, 9), "fall old mill happen night", verbs=("happen",),
               subjects=("tower",))
    assert not [c for c in build_timeline([a, b2], [])[1] if c.kind == "date"]


# ------------------------------------------------------------------ second pass: spurious conflicts, profiles
def test_a_date_conflict_needs_one_happening_not_two():
    """Alike claims, shared actor and words, different dates: a conflict only when they tell one happening."""
    base = dict(lemmas="envoy announce decision council town", verbs=("announce",), actors=(TROTTER,))
    one = claim("a", "d1", 0, day(1790, 5, 18), trigger=("announce",), args=("decision",), **base)
    told_again = claim("b", "d2", 500, day(1790, 5, 20), trigger=("announce",), args=("decision",), **base)
    assert [c.kind for c in build_timeline([one, told_again], [])[1]] == ["date"]
    # the other passage names both dates: "the decision of 18 May was announced on 20 May"
    both = replace(told_again, sentence_dates=(("1790-05-18", "1790-05-18"), ("1790-05-20", "1790-05-20")))
    assert build_timeline([one, both], [])[1] == []
    # different dated predicates: decided on one day, announced on another
    decided = replace(told_again, trigger=("decide",), scope=("decide", "council"))
    assert build_timeline([one, decided], [])[1] == []
    # one predicate over different arguments: the envoy announced one thing, and later another
    other_news = replace(told_again, args=("treaty",))
    assert build_timeline([one, other_news], [])[1] == []
    # a repetition ("the same envoy came again") is a second happening
    assert build_timeline([one, replace(told_again, repeated=True)], [])[1] == []
    # a happening named by a noun ("his exile") may be told by a verb anywhere in the other passage
    named = replace(told_again, trigger=(), named=("announce",))
    assert [c.kind for c in build_timeline([replace(one, trigger=("proclaim",)), named], [])[1]] == ["date"]


def test_two_computed_dates_that_disagree_are_no_conflict():
    base = dict(lemmas="envoy announce decision council town", verbs=("announce",), actors=(TROTTER,),
                trigger=("announce",), args=("decision",), basis="relative")
    a = claim("a", "d1", 0, day(1790, 5, 18), **base)
    b = claim("b", "d2", 500, day(1790, 5, 25), **base)
    assert build_timeline([a, b], [])[1] == []
    assert [c.kind for c in build_timeline([replace(a, basis="explicit"), b], [])[1]] == ["date"]


def test_a_later_paraphrase_is_a_later_account_and_no_copy_and_the_original_is_the_earliest():
    documents = [Document(id="letter", source="s", char_start=0, char_end=900, kind="letter",
                          date=day(1862, 3, 14), primary=True),
                 Document(id="commentary", source="s", char_start=1000, char_end=9000, kind="commentary",
                          date=day(1911, 1, 1), primary=None)]
    claims = [claim("a", "letter", 10, day(1862, 3, 13), "mill fall night"),
              claim("b", "commentary", 5000, day(1862, 3, 13), "mill fall night")]
    retold = ReuseGroup(id="rg-p", relation="paraphrase", score=0.6,
                        passages=(Passage("s", "commentary", 5000, 5100), Passage("s", "letter", 0, 100)))
    (event,), _ = build_timeline(claims, documents, [retold])
    profile = {a.document: a for a in event.attestations}
    assert profile["commentary"].primary is False and profile["commentary"].reuse_group is None
    assert profile["commentary"].distance_years == 48.8
    # a verbatim quotation listed first in its group is still the copy: the letter is older
    quoted = replace(retold, id="rg-v", relation="verbatim")
    (event,), _ = build_timeline(claims, documents, [quoted])
    profile = {a.document: a for a in event.attestations}
    assert profile["letter"].reuse_group is None and profile["letter"].primary is True
    assert profile["commentary"].reuse_group == "rg-v" and profile["commentary"].primary is True
    # a retelling close to its model ("living but hatless") depends on it, but is the later writer's account
    (event,), _ = build_timeline(claims, documents, [replace(retold, id="rg-t", relation="retranslation")])
    profile = {a.document: a for a in event.attestations}
    assert profile["commentary"].reuse_group == "rg-t" and profile["commentary"].primary is False
    assert event.independent_sources == 1


def test_paraphrases_and_transliterations_are_no_text_variants():
    text = ("The envoy Davidovich arrived with 40 riders and read the decree.\n"
            "The envoy Davydovich arrived with 40 riders and read the decree.\n")
    second = text.index("The envoy Davy")
    passages = (Passage("s", "a", 0, second - 1), Passage("s", "b", second, len(text) - 1))
    assert text_variants([ReuseGroup(id="rg", relation="near_verbatim", score=0.9, passages=passages)],
                         {"s": text}) == []
    numbers = text.replace("with 40 riders and read the decree.\n", "with 400 riders and read the decree.\n", 1)
    paraphrase = ReuseGroup(id="rg", relation="paraphrase", score=0.6, passages=passages)
    assert text_variants([paraphrase], {"s": numbers}) == []
    assert len(text_variants([replace(paraphrase, relation="retranslation")], {"s": numbers})) == 1


def test_a_denied_version_is_no_witness_but_still_shows_in_the_date_conflict():
    fell = dict(verbs=("fall",), trigger=("fall",), subjects=("bridge",), scope=("bridge", "fall"),
                args=("bridge",))
    told = claim("a", "minutes", 10, day(1862, 3, 11), "bridge fall river night", **fell)
    other = claim("b", "commentary", 900, day(1862, 3, 13), "bridge fall river night", **fell)
    rejected = claim("c", "memoir", 2000, day(1862, 3, 13), "bridge fall river night", stance="denied", **fell)
    events, conflicts = build_timeline([told, other, rejected], [])
    assert sorted(a.document for e in events for a in e.attestations) == ["commentary", "minutes"]
    events, conflicts = build_timeline([told, rejected], [])
    assert [a.document for e in events for a in e.attestations] == ["minutes"]
    (conflict,) = [c for c in conflicts if c.kind == "date"]
    assert {x.value for x in conflict.claims} == {"1862-03-11", "1862-03-13"}
    assert "denied" in conflict.summary


def test_a_conflict_claim_keeps_its_stance_through_the_store_codec():
    from quellen.model import Conflict, Reading
    from quellen.store.codec import conflict_from, conflict_row
    claims = (Reading("s", "d1", 0, 10, "1862-03-13", stance="denied"), Reading("s", "d2", 20, 30, "1862-03-11"))
    conflict = Conflict(id="cfl-1", kind="date", summary="x", claims=claims, events=("e1",))
    row = dict(zip(("id", "kind", "summary", "claims", "events"), conflict_row(conflict)))
    assert conflict_from(row).claims == claims
    assert [c.stance for c in conflict_from(row).claims] == ["denied", "asserted"]


# ------------------------------------------------------------------ heads of a letter, issuers of an act
def _fixture(name: str) -> dict[str, str]:
    return {"s": (FIXTURES / name).read_text(encoding="utf-8")}


def _segmented(texts: dict[str, str]) -> list[Document]:
    """Return the documents segmentation finds in the texts: their heads are what conflicts read."""
    from quellen.model import Source
    from quellen.segment import segment
    return [d for sid, text in texts.items() for d in segment(Source(sid, f"{sid}.txt", sid, "text/plain", text))]


def _between(text: str, conflict) -> list[str]:
    return sorted(text[x.char_start:x.char_end] for x in conflict.claims)


def test_heads_of_one_letter_that_name_different_addressees_are_a_text_variant():
    texts = _fixture("heads_1763.txt")
    found = head_variants(_segmented(texts))
    values = sorted(tuple(sorted(x.value for x in c.claims)) for c in found)
    # the announcement addresses the Council; the letter's head makes it the sender
    assert ("to Chamber of Accounts of Brittany", "to Council of State") in values
    # "the RC" for a body whose initials are RCC is a letter lost; "the FC" is the Free City's initials
    assert ("to BOARD OF THE RC", "to Board of the Royal Customs Commission") in values
    assert all(c.kind == "text_variant" for c in found)
    # a title with more words ("His Excellency the Governor of the province"), a name spelt two
    # ways, a head and its upper-case twin: no variant
    assert len(found) == 2, [c.summary for c in found]


def test_a_same_act_named_as_another_bodys_is_an_issuer_conflict():
    texts = _fixture("issuers_1848.txt")
    (conflict,) = issuer_conflicts(texts)
    assert conflict.kind == "person"
    assert _between(texts["s"], conflict) == ["Ministry of Finance", "Naval Council"]


def test_witnesses_of_one_letter_that_greet_differently_are_a_text_variant():
    texts = _fixture("salutations_1812.txt")
    text = texts["s"]
    body = "The enemy has crossed"
    starts = [i for i in range(len(text)) if text.startswith(body, i)]
    group = ReuseGroup(id="rg-s", relation="near_verbatim", score=0.95,
                       passages=tuple(Passage("s", None, s, s + 60) for s in starts))
    documents = _segmented(texts)
    found = salutation_variants([group], documents, texts)
    assert {tuple(sorted(x.value for x in c.claims)) for c in found} == {("Most gracious Lady", "Sire")}
    assert len(found) == 2  # the first and the third copy greet alike, each against the second
    # a paraphrase words everything its own way: its greeting is no variant
    assert not salutation_variants([replace(group, relation="paraphrase")], documents, texts)
    # the salutations are segmentation's: a text whose documents record none has no variant
    assert not salutation_variants([group], [replace(d, heads=()) for d in documents], texts)


def test_a_conflict_read_from_the_text_names_the_document_it_lies_in():
    texts = _fixture("issuers_1848.txt")
    doc = Document(id="doc-a", source="s", char_start=0, char_end=len(texts["s"]), kind="article")
    _, conflicts = build_timeline([], [doc], [], texts)
    (conflict,) = [c for c in conflicts if c.kind == "person"]
    assert {x.document for x in conflict.claims} == {"doc-a"}


def test_witnesses_aligned_over_their_heads_still_show_their_salutations():
    # an alignment that extends back over the letter's head holds the salutation inside the passage
    texts = _fixture("salutations_1812.txt")
    text = texts["s"]
    body = "The enemy has crossed"
    starts = [i for i in range(len(text)) if text.startswith(body, i)]
    heads = [text.rfind("\n\n", 0, s - 2) + 2 for s in starts]
    group = ReuseGroup(id="rg-s", relation="near_verbatim", score=0.95,
                       passages=tuple(Passage("s", None, h, s + 60) for h, s in zip(heads, starts)))
    documents = _segmented(texts)
    found = salutation_variants([group], documents, texts)
    assert found and all(c.kind == "text_variant" for c in found)
    assert found == salutation_variants([ReuseGroup(id="rg-s", relation="near_verbatim", score=0.95,
                                                    passages=tuple(Passage("s", None, s, s + 60) for s in starts))],
                                        documents, texts)


# ------------------------------------------------------------------ the [conflicts] settings
def test_the_conflict_thresholds_are_read_from_the_conflicts_settings():
    """The claim similarities, the text-variant alignment and the heads' reaches were literals of conflicts.py."""
    from quellen.settings import ConflictSettings
    a = claim("a", "bio", 0, day(1926, 5, 1), "organize demonstration exile town", actors=(TROTTER,),
              verbs=("organize", "exile"))
    b = claim("b", "book", 500, day(1928, 1, 10), "demonstration accompany exile town", actors=(TROTTER,),
              verbs=("accompany", "exile"))
    dated = [c for c in build_timeline([a, b], [])[1] if c.kind == "date"]
    assert len(dated) == 1
    for strict in (ConflictSettings(date_similarity=1.0, date_subject_similarity=1.0),
                   ConflictSettings(date_shared_lemmas=5)):
        assert not [c for c in build_timeline([a, b], [], conflict_settings=strict)[1] if c.kind == "date"]
    text = ("The envoy Halvorsen arrived with 40 riders and read the decree.\n"
            "The envoy Haldorsen arrived with 400 riders and read the decree.\n")
    second = text.index("The envoy Hald")
    group = ReuseGroup(id="rg", relation="near_verbatim", score=0.9,
                       passages=(Passage("s", "a", 0, second - 1), Passage("s", "b", second, len(text) - 1)))
    assert len(text_variants([group], {"s": text})) == 2
    assert text_variants([group], {"s": text}, ConflictSettings(variant_min_ratio=0.95)) == []
    # each variant follows two shared words ("The envoy", "arrived with"): asking for three drops both
    assert text_variants([group], {"s": text}, ConflictSettings(variant_context_words=3)) == []
    assert len(text_variants([group], {"s": text}, ConflictSettings(variants_per_group=1))) == 1
    texts = _fixture("issuers_1848.txt")
    assert len(issuer_conflicts(texts)) == 1
    assert issuer_conflicts(texts, ConflictSettings(issuer_reach=10)) == []
    texts = _fixture("salutations_1812.txt")
    starts = [i for i in range(len(texts["s"])) if texts["s"].startswith("The enemy has crossed", i)]
    greeted = ReuseGroup(id="rg-s", relation="near_verbatim", score=0.95,
                         passages=tuple(Passage("s", None, s, s + 60) for s in starts))
    documents = _segmented(texts)
    assert salutation_variants([greeted], documents, texts)
    assert salutation_variants([greeted], documents, texts, ConflictSettings(salutation_reach=0)) == []
    heads = _segmented(_fixture("heads_1763.txt"))
    assert head_variants(heads) and head_variants(heads, ConflictSettings(head_line_max_chars=10)) == []


def test_two_witnesses_that_misdate_one_fire_are_one_event_with_a_date_conflict():
    pellow = ("Thomas Pellow", "person", 0, 13, "ent-pellow")
    documents = [Document(id="letter-1", source="s1", char_start=0, char_end=500, kind="letter",
                          author=Ref("William Hardcastle")),
                 Document(id="letter-2", source="s2", char_start=0, char_end=500, kind="letter",
                          author=Ref("Henry Oakeshott"))]
    claims = [claim("a", "letter-1", 40, day(1821, 3, 12), "great fire destroy granary harbour", source="s1",
                    actors=(pellow,)),
              claim("b", "letter-2", 80, day(1821, 3, 9), "fire consume granary", source="s2", actors=(pellow,))]
    (event,), conflicts = build_timeline(claims, documents)
    assert len(event.attestations) == 2 and event.independent_sources == 2
    (conflict,) = conflicts
    assert conflict.kind == "date" and conflict.events == (event.id,) and event.conflicts == (conflict.id,)
    assert sorted(r.value for r in conflict.claims) == ["1821-03-09", "1821-03-12"]
    assert "Thomas Pellow" in conflict.summary and "granary" in conflict.summary  # why they are one event
    # one writer telling it twice, three days apart, is two entries, not a disagreement
    same = [replace(d, author=Ref("William Hardcastle")) for d in documents]
    events, conflicts = build_timeline(claims, same)
    assert len(events) == 2 and conflicts == []


def reckoned(y: int, m: int, d: int) -> Date:
    return replace(day(y, m, d), basis="reckoned")


def test_a_copy_reprinted_later_dates_its_relative_days_as_the_original_does():
    from quellen.corroborate import copies_anchored
    # an issue of 2 March says "on Monday" (27 Feb); a verbatim reprint of 9 March counts its "Monday"
    # from its own issue (6 March); a paraphrase of 9 March is its writer's own words
    documents = [Document(id=i, source=i, char_start=0, char_end=500, kind="newspaper_article", date=day(*ymd))
                 for i, ymd in (("first", (1870, 3, 2)), ("reprint", (1870, 3, 9)), ("retold", (1870, 3, 9)))]
    group = ReuseGroup(id="rg-r", relation="paraphrase", score=0.7,
                       passages=(Passage("first", "first", 0, 300), Passage("reprint", "reprint", 0, 300, "verbatim"),
                                 Passage("retold", "retold", 0, 300, "paraphrase")))
    claims = [claim("a", "first", 10, reckoned(1870, 2, 27), "mob burn mill", source="first"),
              claim("b", "reprint", 10, reckoned(1870, 3, 6), "mob burn mill", source="reprint"),
              claim("c", "retold", 10, reckoned(1870, 3, 6), "mob burn mill", source="retold"),
              claim("d", "reprint", 400, reckoned(1870, 3, 8), "mob burn mill", source="reprint")]
    out = {c.id: c for c in copies_anchored(claims, [group], {d.id: d for d in documents})}
    assert out["b"].date.earliest == dt.date(1870, 2, 27) and out["b"].basis == "reuse"
    assert out["b"].date.basis.value == "reckoned"
    # the retelling, the original and a claim outside the copied passage keep their dates
    assert out["c"] == claims[2] and out["a"] == claims[0] and out["d"] == claims[3]
    # a stated date is the copy's own
    stated = replace(claims[1], date=day(1870, 3, 6))
    assert copies_anchored([claims[0], stated], [group], {d.id: d for d in documents})[1] == stated
    # the timeline makes one event of the original and its copy, with no date conflict
    events, conflicts = build_timeline(claims[:2], documents, [group])
    assert len(events) == 1 and events[0].date.earliest == dt.date(1870, 2, 27)
    assert not [c for c in conflicts if c.kind == "date"]


# ----------------------------------------------------------------------------- witnesses as a source critic counts them
FLOOD = "river flood carry away mill"


def _letter(did: str, author: str, entity: str | None = None, start: int = 0, written: Date | None = None,
            kind: str = "letter", primary: bool | None = True) -> Document:
    return Document(id=did, source="s", char_start=start, char_end=start + 900, kind=kind,
                    author=Ref(author, entity), date=written, primary=primary)


def test_two_letters_by_one_writer_are_one_witness_the_writer():
    documents = [_letter("to-sister", "Anna Pell", "ent-pell", 0, day(1840, 5, 3)),
                 _letter("to-brother", "Anna Pell", "ent-pell", 1000, day(1840, 5, 4)),
                 _letter("vicar", "Tobias Quill", "ent-quill", 2000, day(1840, 5, 4))]
    claims = [claim("a", "to-sister", 10, day(1840, 5, 2), FLOOD),
              claim("b", "to-brother", 1010, day(1840, 5, 2), FLOOD),
              claim("c", "vicar", 2010, day(1840, 5, 2), FLOOD)]
    (event,), _ = build_timeline(claims, documents)
    # before, every document was a witness: 3; the writer of two letters is one voice
    assert event.independent_sources == 2
    first, second, vicar = event.attestations
    assert (first.witness, first.folded) == (1, None) and first.writer == "Anna Pell"
    assert (second.witness, second.folded, second.folded_into) == (1, "same_writer", 0)
    assert "Anna Pell" in second.folded_why and "passage 1" in second.folded_why
    assert (vicar.witness, vicar.folded) == (2, None)


def test_one_writer_under_two_names_is_one_witness_when_they_resolve_to_one_entity():
    documents = [_letter("signed-full", "Anna Pell", "ent-pell", 0), _letter("signed-short", "A. P.", "ent-pell", 1000)]
    claims = [claim("a", "signed-full", 10, day(1840, 5, 2), FLOOD),
              claim("b", "signed-short", 1010, day(1840, 5, 2), FLOOD)]
    (event,), _ = build_timeline(claims, documents)
    assert event.independent_sources == 1 and event.attestations[1].folded == "same_writer"
    # two writers of one surname are two witnesses
    apart = [_letter("signed-full", "Anna Pell", "ent-pell", 0), _letter("signed-short", "John Pell", "ent-john", 1000)]
    (event,), _ = build_timeline(claims, apart)
    assert event.independent_sources == 2


MEMOIR_TEXT = ("Harriet Crane's diary lies before me as I write.\n\n"
               "According to Harriet Crane's diary, the river carried away the mill on the night of the 2nd, "
               "and nobody crossed for a week.")


def test_a_memoir_that_says_it_follows_a_diary_is_no_independent_witness_of_it():
    diary = "Rain. The river carried away the mill tonight."
    text = diary + "\n\n" + MEMOIR_TEXT
    memoir_start = len(diary) + 2
    sentence = text.index("According")
    documents = [_letter("diary", "Harriet Crane", "ent-crane", 0, day(1840, 5, 2), kind="diary"),
                 Document(id="memoir", source="s", char_start=memoir_start, char_end=len(text), kind="memoir",
                          author=Ref("Ruth Mabb", "ent-mabb"), date=day(1880, 1, 1), primary=False)]
    documents[0] = replace(documents[0], char_end=len(diary))
    claims = [claim("a", "diary", 6, day(1840, 5, 2), FLOOD, eyewitness=True),
              replace(claim("b", "memoir", sentence, day(1840, 5, 2), FLOOD), char_end=text.index(", and"))]
    (event,), _ = build_timeline(claims, documents, texts={"s": text})
    assert event.independent_sources == 1
    diary_att, memoir_att = event.attestations
    assert diary_att.folded is None and diary_att.eyewitness is True
    assert memoir_att.folded == "cites" and memoir_att.folded_into == 0
    assert "Harriet Crane" in memoir_att.folded_why and "According to Harriet Crane" in memoir_att.folded_why
    # without the text, or citing a writer who does not tell the event, the memoir is a witness of its own
    (event,), _ = build_timeline(claims, documents)
    assert event.independent_sources == 2
    other = text.replace("Harriet Crane's diary, the", "Josiah Bell's diary, the")
    (event,), _ = build_timeline(claims, documents, texts={"s": other})
    assert event.independent_sources == 2


def test_a_memoir_that_retells_a_diary_elsewhere_is_folded_and_says_so():
    claims = [claim("a", "diary", 10, day(1840, 5, 2), FLOOD), claim("b", "memoir", 5000, day(1840, 5, 2), FLOOD)]
    retold = ReuseGroup(id="rg-m", relation="summary", score=0.5,
                        passages=(Passage("s", "diary", 300, 400), Passage("s", "memoir", 7000, 7100)))
    documents = [_letter("diary", "Harriet Crane", None, 0, day(1840, 5, 2), kind="diary"),
                 Document(id="memoir", source="s", char_start=4000, char_end=9000, kind="memoir",
                          date=day(1880, 1, 1), primary=False)]
    (event,), _ = build_timeline(claims, documents, [retold])
    assert event.independent_sources == 1
    assert event.attestations[0].folded is None and event.attestations[1].folded == "quotes"


def test_cited_writers_and_names_writer():
    from quellen.corroborate import cited_writers, names_writer
    assert [n for n, _ in cited_writers("As Dr. Ames wrote at the time, the piers were rotten.")] == ["Dr. Ames"]
    assert [n for n, _ in cited_writers("In Ruth Mabb's letter of the 4th we read of it.")] == ["Ruth Mabb"]
    assert [n for n, _ in cited_writers("Mabb records in her journal that the ferry stopped.")] == ["Mabb"]
    assert [n for n, _ in cited_writers("Quoting Ruth Mabb, the paper said the mill was gone.")] == ["Ruth Mabb"]
    # a name in a sentence that follows nobody
    assert cited_writers("After Ruth Mabb left, the mill fell. We went in Mabb's cart.") == []
    assert names_writer("Mrs. Mabb", "Ruth Mabb") and names_writer("R. Mabb", "Ruth Mabb")
    assert names_writer("In Ruth Mabb", "Ruth Mabb")
    assert not names_writer("John Mabb", "Ruth Mabb") and not names_writer("Ruth", "Ruth Mabb")


def test_a_hearsay_letter_keeps_its_count_and_says_it_is_hearsay():
    documents = [_letter("told", "Anna Pell", "ent-pell", 0), _letter("saw", "Tobias Quill", "ent-quill", 1000)]
    claims = [claim("a", "told", 10, day(1840, 5, 2), FLOOD, eyewitness=False),
              claim("b", "saw", 1010, day(1840, 5, 2), FLOOD, eyewitness=True)]
    (event,), _ = build_timeline(claims, documents)
    assert event.independent_sources == 2
    told, saw = event.attestations
    assert told.hearsay is True and saw.hearsay is False
    # the one who saw it leads; the two are still two witnesses
    assert told.witness == 1 and saw.witness == 2 and told.folded is None


def test_the_witnesses_of_an_event_travel_through_json_and_the_store_codec():
    from quellen.vocab import attestation_json, event_json
    from quellen.model import Attestation
    documents = [_letter("to-sister", "Anna Pell", "ent-pell", 0), _letter("to-brother", "Anna Pell", "ent-pell", 1000)]
    claims = [claim("a", "to-sister", 10, day(1840, 5, 2), FLOOD),
              claim("b", "to-brother", 1010, day(1840, 5, 2), FLOOD)]
    (event,), _ = build_timeline(claims, documents)
    data = event_json(event)
    assert data["independent_sources"] == 1
    (witness,) = data["witnesses"]
    assert witness["writer"] == "Anna Pell" and witness["attestations"] == [0, 1]
    assert witness["folded"][0]["attestation"] == 1 and witness["folded"][0]["reason"] == "same_writer"
    assert tuple(Attestation(**attestation_json(a)) for a in event.attestations) == event.attestations
    # an event stored before witnesses were told has none to list
    old = replace(event, attestations=tuple(replace(a, witness=None) for a in event.attestations))
    assert event_json(old)["witnesses"] == []


THREE_LETTERS = (
    "Millbrook, 3rd May 1840.\n\nMy dear Sister,\n\nThe river flooded on the 2nd of May and carried away the mill at "
    "Millbrook. I watched the water rise from the churchyard wall.\n\nYour loving sister,\n\nAnna Pell.\n\n\n\n"
    "Millbrook, 4th May 1840.\n\nMy dear Brother,\n\nOn the 2nd of May the river flooded the lower town and the mill "
    "was carried away. Nobody was drowned, thank God.\n\nYour affectionate sister,\n\nAnna Pell.\n\n\n\n"
    "Hatherby, 6th May 1840.\n\nDear Sir,\n\nI am told the mill is lost: the river flooded the whole valley "
    "below Hatherby on the 2nd of May.\n\nYours faithfully,\n\nTobias Quill.\n")


def test_a_build_counts_one_writer_once_and_marks_the_hearsay_letter(tmp_path):
    from conftest import events_of
    (flood,) = [e for e in events_of(tmp_path, "letters.txt", THREE_LETTERS) if "flood" in e["summary"]]
    # two letters of Anna Pell and one of Tobias Quill: two witnesses, not three
    assert len(flood["attestations"]) == 3 and flood["independent_sources"] == 2
    assert [(a["writer"], a["folded"], a["hearsay"]) for a in flood["attestations"]] == [
        ("Anna Pell", None, None), ("Anna Pell", "same_writer", None), ("Tobias Quill", None, True)]
    assert [w["writer"] for w in flood["witnesses"]] == ["Anna Pell", "Tobias Quill"]


def test_a_build_folds_a_memoir_into_the_diary_it_says_it_follows(tmp_path):
    from quellen import Settings, build, export_dict, open_store
    (tmp_path / "diary.txt").write_text(
        "The Diary of Harriet Crane\n\nMonday, May 1st, 1840. Rain all day. The river is very high.\n\n"
        "Tuesday, May 2nd, 1840. The river flooded the lower town tonight and carried away the mill.\n\n"
        "Wednesday, May 3rd, 1840. The water went down.\n", encoding="utf-8")
    (tmp_path / "memoir.txt").write_text(
        "Recollections of Millbrook, by Ruth Mabb\n\nCHAPTER III.\n\nI was a child of six in the spring of 1840 and "
        "remember little of it. According to Harriet Crane's diary, the river carried away the mill on the 2nd of "
        "May 1840, and the town was cut off for a week.\n\nRuth Mabb, 1880.\n", encoding="utf-8")
    with open_store(tmp_path / "q.db") as store:
        build([str(tmp_path / "diary.txt"), str(tmp_path / "memoir.txt")], store,
              Settings().with_overrides({"reuse.embeddings": False}))
        events = export_dict(store)["events"]
    (mill,) = [e for e in events if len(e["attestations"]) == 2 and "mill" in e["summary"]]
    assert mill["independent_sources"] == 1
    diary, memoir = mill["attestations"]
    assert diary["writer"] == "Harriet Crane" and diary["folded"] is None
    assert memoir["folded"] == "cites" and "According to Harriet Crane" in memoir["folded_why"]


def test_an_editors_note_that_points_at_the_letter_beside_it_is_no_witness_of_its_own():
    letter = "Dear Tom, the river carried away the mill on Saturday night."
    note = "This letter was written two days after the river carried away the mill, on 2 May 1840."
    text = letter + "\n\n" + note
    at = len(letter) + 2
    documents = [_letter("letter", "Anna Pell", "ent-pell", 0, day(1840, 5, 4)),
                 Document(id="note", source="s", char_start=at, char_end=len(text), kind="commentary",
                          date=day(1900, 1, 1), primary=False)]
    documents[0] = replace(documents[0], char_end=len(letter))
    claims = [claim("a", "letter", 10, day(1840, 5, 2), FLOOD),
              replace(claim("b", "note", at, day(1840, 5, 2), FLOOD), char_end=len(text))]
    (event,), _ = build_timeline(claims, documents, texts={"s": text})
    assert event.independent_sources == 1
    assert event.attestations[1].folded == "cites" and "\u201cThis letter\u201d" in event.attestations[1].folded_why
    # the same words in a letter are its own ("this letter" is itself): two witnesses
    as_letter = [documents[0], replace(documents[1], kind="letter", author=Ref("Tobias Quill"))]
    (event,), _ = build_timeline(claims, as_letter, texts={"s": text})
    assert event.independent_sources == 2
    # a note that points at nothing is a witness of its own
    plain = text.replace("This letter was written", "It was")
    (event,), _ = build_timeline(claims, documents, texts={"s": plain})
    assert event.independent_sources == 2
