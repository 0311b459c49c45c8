"""Events: claims from dated clauses, date inheritance, actors, places, merging."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from quellen.claims import claims_from_json, claims_to_json, extract_claims
from quellen.events import dates_from_reuse, merge_events, predicate_similarity
from quellen.model import Claim, Date, DateBasis, Document, Mention, ReuseGroup, Passage, Ref, Timex
from quellen.settings import EventSettings


@pytest.fixture(scope="module")
def nlp():
    from quellen.nlp import load_nlp
    return load_nlp("en_core_web_sm")


def day(y: int, m: int, d: int, text: str = "", calendar: str = "gregorian") -> Date:
    x = dt.date(y, m, d)
    return Date(text=text, edtf=x.isoformat(), earliest=x, latest=x, precision="day", calendar=calendar)


def year(y: int, text: str = "") -> Date:
    return Date(text=text, edtf=str(y), earliest=dt.date(y, 1, 1), latest=dt.date(y, 12, 31), precision="year")


def century(c: int) -> Date:
    return Date(text="", edtf=f"{c - 1:02d}XX", earliest=dt.date((c - 1) * 100, 1, 1),
                latest=dt.date((c - 1) * 100 + 99, 12, 31), precision="century")


def analyse(nlp, text: str, kind: str = "narrative", dates: dict | None = None, names: dict | None = None,
            author: str | None = None, date: Date | None = None, source: str = "s1", doc_id: str = "d1"):
    """Return the claims of ``text`` as one document, with hand-made timexes and mentions."""
    document = Document(id=doc_id, source=source, char_start=0, char_end=len(text), kind=kind,
                        author=Ref(author) if author else None, date=date)
    timexes = []
    for phrase, value in (dates or {}).items():
        at = text.index(phrase)
        timexes.append(Timex(source, doc_id, at, at + len(phrase), phrase, "DATE", value.edtf,
                             value))
    mentions = []
    for phrase, typ in (names or {}).items():
        start = 0
        while (at := text.find(phrase, start)) >= 0:
            mentions.append(Mention(source, doc_id, at, at + len(phrase), phrase, typ, phrase))
            start = at + 1
    return extract_claims(text, document, nlp(text), timexes, mentions)


def test_a_dated_clause_is_a_claim_with_its_date_actors_place_and_summary(nlp):
    text = "On 3 March 1871 Captain Weber read the order aloud in Ulm."
    (claim,) = analyse(nlp, text, dates={"3 March 1871": day(1871, 3, 3)},
                       names={"Captain Weber": "person", "Ulm": "place"})
    assert claim.date.edtf == "1871-03-03" and claim.basis == "explicit"
    assert text[claim.char_start:claim.char_end] == text.rstrip(".") + "." or claim.char_end == len(text)
    assert [a[0] for a in claim.actors] == ["Captain Weber"]
    assert claim.place[0] == "Ulm"
    assert "read the order" in claim.summary and "1871" not in claim.summary
    assert "read" in claim.verbs


def test_an_undated_sentence_inherits_the_date_of_its_paragraph_not_of_another_kind_of_text(nlp):
    text = ("On 3 March 1871 the council met in the town hall. The mayor resigned his office.\n\n"
            "The bridge collapsed.")
    claims = analyse(nlp, text, kind="opinion", dates={"3 March 1871": day(1871, 3, 3)})
    dated = {text[c.char_start:c.char_end]: c for c in claims if c.date}
    assert dated["The mayor resigned his office."].basis == "inherited"
    assert dated["The mayor resigned his office."].date.edtf == "1871-03-03"
    # an opinion piece does not carry a date into the next paragraph
    assert "The bridge collapsed." not in dated


def test_a_running_narrative_carries_the_date_into_the_next_paragraph(nlp):
    text = "On 3 March 1871 the council met in the town hall.\n\nThe bridge collapsed at night."
    claims = analyse(nlp, text, kind="narrative", dates={"3 March 1871": day(1871, 3, 3)})
    assert [c.date.edtf for c in claims if c.date] == ["1871-03-03", "1871-03-03"]


def test_a_letter_dates_what_it_says_by_its_writing_and_i_is_its_author(nlp):
    text = "Dear Sir,\n\nI have received your order and I refuse to obey it."
    claims = analyse(nlp, text, kind="letter", author="Anna Holm", date=day(1902, 5, 1))
    (claim,) = [c for c in claims if c.date]
    assert claim.basis == "document" and claim.date.edtf == "1902-05-01"
    assert ("Anna Holm", "person", -1, -1, None) in claim.actors


def test_two_dates_on_two_verbs_are_two_claims_and_a_century_dates_nothing(nlp):
    text = ("The council decided on 2 May 1790, and the decree was published on 9 May 1790. "
            "He was a true man of the 18th century.")
    claims = analyse(nlp, text, dates={"2 May 1790": day(1790, 5, 2), "9 May 1790": day(1790, 5, 9),
                                       "18th century": century(18)})
    dated = sorted((c.date.edtf, c.summary) for c in claims if c.date and c.basis != "inherited")
    assert [d for d, _ in dated] == ["1790-05-02", "1790-05-09"]
    assert all(c.date.precision != "century" for c in claims if c.date)


def test_negation_is_kept_in_the_predicates(nlp):
    text = "In 1848 the family was not deprived of its estates."
    (claim,) = analyse(nlp, text, dates={"1848": year(1848)})
    ((verb, negated, args),) = claim.predicates
    assert (verb, negated) == ("deprive", True) and "estate" in args


def test_claims_round_trip_through_json(nlp):
    text = "On 3 March 1871 Captain Weber read the order aloud in Ulm. He then left."
    claims = analyse(nlp, text, dates={"3 March 1871": day(1871, 3, 3)},
                     names={"Captain Weber": "person", "Ulm": "place"})
    data = json.loads(json.dumps(claims_to_json(claims)))
    assert claims_from_json(data) == claims
    assert claims_from_json(None) == []


# ------------------------------------------------------------------ merging
def claim(cid: str, date: Date, lemmas: str, source: str = "s", start: int = 0, document: str | None = None,
          actors: tuple = (), **kw) -> Claim:
    return Claim(id=cid, source=source, document=document or cid, char_start=start, char_end=start + 10,
                 date=date, basis="explicit", summary=lemmas, lemmas=tuple(sorted(set(lemmas.split()))),
                 verbs=tuple(w for w in lemmas.split() if w.endswith("e")), actors=actors, **kw)


def test_the_same_event_in_two_documents_is_one_event_with_two_claims():
    a = claim("a", day(1871, 3, 3), "captain weber read order ulm", start=0)
    b = claim("b", year(1871), "captain weber read order ulm aloud", start=100)
    c = claim("c", day(1871, 3, 3), "bridge collapse river flood", start=200)
    d = claim("d", day(1872, 3, 3), "captain weber read order ulm", start=300)
    groups = merge_events([a, b, c, d])
    assert sorted(sorted(x.id for x in g) for g in groups) == [["a", "b"], ["c"], ["d"]]


def test_the_merge_thresholds_are_the_event_settings():
    from quellen.settings import EventSettings
    a = claim("a", day(1871, 3, 3), "captain weber read order ulm", start=0)
    b = claim("b", year(1871), "captain weber read order aloud", start=100)
    assert len(merge_events([a, b])) == 1
    assert len(merge_events([a, b], settings=EventSettings(vague_days=100, vague_threshold=0.99))) == 2
    assert len(merge_events([a, b], settings=EventSettings(merge_threshold=0.99))) == 2


def test_actors_that_differ_keep_alike_claims_apart():
    weber = ("Weber", "person", 0, 5, "ent-weber")
    ruiz = ("Ruiz", "person", 0, 4, "ent-ruiz")
    a = claim("a", day(1871, 3, 3), "arrest mayor town hall", actors=(weber,))
    b = claim("b", day(1871, 3, 3), "arrest mayor town hall", start=50, actors=(ruiz,))
    assert len(merge_events([a, b])) == 2


PELLOW = ("Thomas Pellow", "person", 0, 13, "ent-pellow")


def test_two_witnesses_a_few_days_apart_on_one_fire_are_one_event():
    # two letters tell one fire, one of them three days off: one event, two claims (a date conflict:
    # tests/test_corroborate.py)
    a = claim("a", day(1821, 3, 12), "great fire destroy granary harbour", document="letter-1", actors=(PELLOW,))
    b = claim("b", day(1821, 3, 9), "fire consume granary", document="letter-2", actors=(PELLOW,))
    assert [sorted(c.id for c in g) for g in merge_events([a, b])] == [["a", "b"]]
    # beyond the window, or with the window off, they stay two
    far = claim("b", day(1821, 3, 1), "fire consume granary", document="letter-2", actors=(PELLOW,))
    assert len(merge_events([a, far])) == 2
    assert len(merge_events([a, b], settings=EventSettings(near_date_days=0))) == 2
    # one writer's two entries are not two witnesses; nor are claims without a shared actor or object
    assert len(merge_events([a, b], writers={"letter-1": "ent-hardcastle", "letter-2": "ent-hardcastle"})) == 2
    assert len(merge_events([a, claim("b", day(1821, 3, 9), "fire consume barn", document="letter-2")])) == 2
    # a lemma many claims hold is no evidence of one happening; a repetition is another happening
    common = [claim(f"x{i}", day(1821, 1, 1 + i), "granary fire", document=f"d{i}") for i in range(20)]
    assert len([g for g in merge_events([a, b, *common]) if {"a", "b"} <= {c.id for c in g}]) == 0
    again = claim("b", day(1821, 3, 9), "fire consume granary", document="letter-2", actors=(PELLOW,),
                  repeated=True)
    assert len(merge_events([a, again])) == 2


def test_a_decision_and_what_it_decides_on_two_days_are_two_events():
    # "decided to expel" (the 18th) and "was expelled" (the 20th) share 'expel', but the decision's date
    # governs the deciding: the shared lemma must be in what both dates govern (their scope)
    trotsky = ("Trotsky", "person", 0, 7, "ent-t")
    a = claim("a", day(1929, 1, 18), "decide citizen expel", document="d1", actors=(trotsky,),
              scope=("decide", "citizen"))
    b = claim("b", day(1929, 1, 20), "citizen expel ussr", document="d2", actors=(trotsky,), scope=("expel", "ussr"))
    assert len(merge_events([a, b])) == 2


def test_a_reuse_group_joins_a_quotation_to_its_original_even_when_reworded():
    a = claim("a", day(1929, 1, 20), "representative present decision agent", source="s", start=0)
    b = claim("b", day(1929, 1, 20), "envoy hand decision officer", source="s", start=500)
    group = ReuseGroup(id="rg1", relation="retranslation", score=0.8,
                       passages=(Passage("s", "a", 0, 40), Passage("s", "b", 490, 560)))
    assert predicate_similarity(a, b) < 0.45
    assert len(merge_events([a, b])) == 2
    assert len(merge_events([a, b], [group])) == 1


def test_an_undated_quotation_takes_the_date_of_its_original_and_joins_its_event():
    letter = claim("a", day(1788, 6, 2), "council refuse demand guild charter", source="s", start=0)
    book = Claim(id="b", source="s", document="book", char_start=500, char_end=540, date=None, basis="none",
                 summary="council refuse demand", lemmas=("charter", "council", "demand", "guild", "refuse"))
    unrelated = Claim(id="c", source="s", document="book", char_start=600, char_end=640, date=None, basis="none",
                      summary="rain fall", lemmas=("fall", "rain"))
    group = ReuseGroup(id="rg1", relation="verbatim", score=1.0,
                       passages=(Passage("s", "a", 0, 40), Passage("s", "book", 490, 650)))
    dated = {c.id: c for c in dates_from_reuse([letter, book, unrelated], [group])}
    assert dated["b"].date == letter.date and dated["b"].basis == "reuse"
    # an unlike claim of the same passage is not dated by it
    assert dated["c"].date is None
    (event,) = merge_events([letter, book, unrelated], [group])
    assert sorted(c.id for c in event) == ["a", "b"]
    # without the reuse group, the book's claim has no date and no event
    assert [sorted(c.id for c in g) for g in merge_events([letter, book, unrelated])] == [["a"]]


# ------------------------------------------------------------------ whole corpora
UNSEEN = ["diary_no_year", "diary_julian", "eyewitness_proclamation", "journal_relative"]


@pytest.mark.parametrize("name", UNSEEN)
def test_unseen_styles_hold_dated_recall_and_date_precision(name, tmp_path):
    """Diaries that rarely state the year, a Julian (Old Style) diary, an eyewitness account quoting
    a proclamation, a ship's journal dated mostly by relative expressions: hand-made texts with a
    hand-made quote-based gold, scored by the official scorer."""
    from conftest import FIXTURES, _load_scorer
    from quellen import build, export_dict, open_store
    with open_store(tmp_path / "x.db") as store:
        report = build([str(FIXTURES / "events" / f"{name}.txt")], store)
        assert report.ok, report.failed
        data = export_dict(store)
    gold = json.loads((FIXTURES / "events" / f"{name}.gold.json").read_text(encoding="utf-8"))
    figures = _load_scorer().score(json.loads(json.dumps(data)), gold)["events"]
    # the floors are 0.50 and 0.70; these texts reach 1.0 today, pinned a little lower
    assert figures["dated_recall"] >= 0.85, figures
    assert figures["date_precision_near_gold"] >= 0.85, figures


def test_seed_event_floors(seed_scores):
    events = seed_scores["events"]
    # the issue asks 0.85 / 0.70 / 0.85 / 0.85; reached 0.87 / 0.77 / 0.97 / 0.89 (the web page's date
    # stamp and the publisher's note are gold events of the seed, but page furniture tells no events;
    # a year only inferred from the compilation dates no claim of a letter's present)
    assert events["attested_recall"] >= 0.86, events
    assert events["dated_recall"] >= 0.78, events
    assert events["dated_recall_by_basis"]["explicit"] >= 0.95, events
    assert events["date_precision_near_gold"] >= 0.87, events
    # third pass: dates reckoned from claims ('a week after this', 'after a 22-day journey', ages from a
    # told birth) took relative recall from 0.35 to 0.53
    assert events["dated_recall_by_basis"]["relative"] >= 0.5, events


def test_seed_conflict_floor(seed_scores):
    # the issue asks 0.40; reached 4 of 9 — and without over-firing: 4 conflicts flagged, all of them
    # gold (were 40, then 27: journeys' stages, a decision and its announcement, a counterfactual year,
    # paraphrases read as text variants)
    # then 8 of 9 with 10 flagged: the four added (a letter's announced vs header addressees, a title
    # vs its address line, two witnesses' salutations, an act's issuer) are all gold
    assert seed_scores["conflicts"]["recall"] >= 0.88, seed_scores["conflicts"]
    assert seed_scores["conflicts"]["predicted_conflicts"] <= 10, seed_scores["conflicts"]


def test_a_date_standing_alone_is_the_documents_writing_and_dates_the_entry(nlp):
    text = "5 March 1857.\n\nOnly nine scholars came."
    claims = analyse(nlp, text, kind="diary", dates={"5 March 1857": day(1857, 3, 5)})
    assert [c.date.edtf for c in claims] == ["1857-03-05", "1857-03-05"]
    assert claims[0].summary == "diary dated 5 March 1857" and "nine scholars came" in claims[1].summary
    # a date inside a sentence with words of its own is no date line
    text = "On 3 May 1800, at noon, the old bishop died."
    claims = analyse(nlp, text, dates={"3 May 1800": day(1800, 5, 3)})
    assert all("dated" not in c.summary for c in claims) and claims


def test_a_relative_clause_is_about_its_antecedent_and_two_dates_of_one_fall_conflict(nlp):
    """An invented Tyrolean flood: a later commentary dates the fall on the 9th in a relative clause,
    the council minutes on the 7th; the antecedent makes them one happening, so a date conflict."""
    from quellen.corroborate import build_timeline
    later = analyse(nlp, "None is so well remembered as the fall of the old mill, which, as every child is taught, "
                         "happened on the night of 9 May 1781, after a week of rain such as the valley had not "
                         "seen since 1702.", kind="commentary", source="s2", doc_id="d2",
                    dates={"9 May 1781": day(1781, 5, 9), "1702": year(1702)})
    minutes = analyse(nlp, "The reeve reported that the old mill fell on the night of 7 May 1781.", kind="resolution",
                      dates={"7 May 1781": day(1781, 5, 7)})
    fall = next(c for c in later if c.date and c.date.edtf == "1781-05-09")
    assert fall.summary.startswith("the fall of the old mill") and "happened on the night" in fall.summary
    assert "mill" in fall.subjects and "of" not in fall.summary.split()[-1:]
    _, conflicts = build_timeline(later + minutes, [])
    (conflict,) = [c for c in conflicts if c.kind == "date"]
    assert sorted(x.value for x in conflict.claims) == ["1781-05-07", "1781-05-09"]


def test_a_summary_is_the_verb_phrase_and_its_arguments_without_asides(nlp):
    text = ("On 3 June 1848, the students of the university, who had waited all morning, marched with their "
            "banners to the palace of the king.")
    (c,) = analyse(nlp, text, dates={"3 June 1848": day(1848, 6, 3)})
    assert c.summary.startswith("the students of the university") and "marched" in c.summary
    assert "waited" not in c.summary and "1848" not in c.summary and "palace" in c.summary


def test_the_means_of_an_event_is_kept_as_a_detail(nlp):
    (c,) = analyse(nlp, "On 2 March 1905 the envoy left the capital in a closed carriage.",
                   dates={"2 March 1905": day(1905, 3, 2)}, names={"the envoy": "person"})
    assert ("in", "carriage") in c.details


# ------------------------------------------------------------------ second pass: furniture, comparisons, hearsay
def test_page_furniture_gives_no_events_and_a_caption_only_with_its_own_date(nlp):
    stamp = "Chronicles 04/02/2019"
    for kind in ("heading", "boilerplate"):  # ("page_header" and "separator" are no document kinds)
        assert analyse(nlp, stamp, kind=kind, dates={"04/02/2019": day(2019, 4, 2)}) == []
    notice = "Provided by our partner publisher, first printed in 2011."
    assert analyse(nlp, notice, kind="boilerplate", dates={"2011": year(2011)}) == []
    # a photo caption tells who was where, but only when it says when
    (c,) = analyse(nlp, "The mayor with his daughters in Lund, 1907", kind="caption", dates={"1907": year(1907)})
    assert c.date.edtf == "1907"
    assert analyse(nlp, "The mayor with his daughters in Lund", kind="caption") == []


def test_a_comparison_or_a_counterfactual_dates_no_event(nlp):
    text = "In March 1862 came a week of rain such as the valley had not seen since 1799."
    claims = analyse(nlp, text, dates={"March 1862": Date(text="", edtf="1862-03", earliest=dt.date(1862, 3, 1),
                                                           latest=dt.date(1862, 3, 31), precision="month"),
                                       "1799": year(1799)})
    assert [c.date.edtf for c in claims if c.date] == ["1862-03"]
    text = "It was the first flood since 1740 to reach the church."
    assert not [c for c in analyse(nlp, text, dates={"1740": year(1740)}) if c.date]
    text = ("The harbour opened in 1850.\n"
            "If the duke had won, the harbour would have closed only in 1900.")
    claims = analyse(nlp, text, dates={"1850": year(1850), "1900": year(1900)})
    assert [c.date.edtf for c in claims if c.date] == ["1850"]
    # a plain "in <year>" is no comparison
    (c,) = [c for c in analyse(nlp, "The family left the town in 1820.", dates={"1820": year(1820)}) if c.date]
    assert c.date.edtf == "1820"


def test_hearsay_is_not_eyewitness(nlp):
    seen, heard = analyse(nlp, "I saw the bridge fall.\nI have heard it said that the miller drowned.",
                          kind="diary", date=day(1862, 3, 13))
    assert seen.eyewitness is True and heard.eyewitness is False


def test_by_no_means_denies_and_two_translations_agree(nlp):
    (a,) = analyse(nlp, "In 1929 I arrived at the border by no means of my own choice.", dates={"1929": year(1929)})
    (b,) = analyse(nlp, "In 1929 I did not arrive at the border by my own choice.", dates={"1929": year(1929)})
    assert [p[:2] for p in a.predicates if p[0] == "arrive"] == [("arrive", True)]
    assert [p[:2] for p in b.predicates if p[0] == "arrive"] == [("arrive", True)]


def test_an_inferred_document_date_dates_no_claim_of_the_writers_present(nlp):
    """A year the compilation only suggests ('1902?') is weaker than any date the text states."""
    from quellen.segment.dating import INFERRED_RULE
    guess = Date(text="", edtf="1902?", earliest=dt.date(1902, 1, 1), latest=dt.date(1902, 12, 31),
                 precision="year", calendar="gregorian", as_written="", rule=INFERRED_RULE + ": the text before",
                 basis=DateBasis.INFERRED)
    text = "Dear Sir,\n\nI have received your order and I refuse to obey it."
    assert not [c for c in analyse(nlp, text, kind="letter", author="Anna Holm", date=guess) if c.date]
    stated = analyse(nlp, text, kind="letter", author="Anna Holm", date=day(1902, 5, 1))
    assert [c for c in stated if c.date]


# ------------------------------------------------------------------ third pass: denied claims, reckoned dates
def test_a_claim_reported_only_to_be_denied_is_kept_as_denied_and_dates_no_event(nlp):
    text = ("On the 4th of May 1706 the powder mill blew up.\n\n"
            "Some have written that the mill blew up on the 9th of May. That is not so: I was there.")
    claims = analyse(nlp, text, kind="memoir", dates={"4th of May 1706": day(1706, 5, 4),
                                                      "9th of May": day(1706, 5, 9)})
    by_date = {c.date.edtf: c for c in claims if c.date}
    assert by_date["1706-05-04"].stance == "asserted"
    rejected = by_date["1706-05-09"]
    assert rejected.stance == "denied" and rejected.eyewitness is False
    assert Claim.from_json(rejected.to_json()).stance == "denied"
    # the rejection itself ("That is not so") tells nothing that happened
    assert not any(text[c.char_start:c.char_end].startswith("That is not so") for c in claims)
    # the rejected version is no witness: only the asserted date makes an event
    assert {c.date.edtf for g in merge_events(claims) for c in g} == {"1706-05-04"}


@pytest.mark.parametrize("text", [
    "It is said that the bishop died on 2 June 1530, but that is not true.",
    "Several chroniclers wrongly place the fire on 2 June 1530.",
    "I have heard it said that the fire broke out on 2 June 1530. This is false.",
])
def test_reports_rejected_in_their_own_or_the_next_sentence_are_denied(nlp, text):
    claims = analyse(nlp, text, kind="narrative", dates={"2 June 1530": day(1530, 6, 2)})
    assert claims and all(c.stance == "denied" for c in claims if c.date)


def test_a_report_that_is_not_rejected_is_asserted(nlp):
    text = "It is said that the bishop died on 2 June 1530. He was buried in the choir."
    claims = analyse(nlp, text, kind="narrative", dates={"2 June 1530": day(1530, 6, 2)})
    assert [c.stance for c in claims if c.date] and all(c.stance == "asserted" for c in claims if c.date)


def source_claims(nlp, text: str, dates: dict, durations: dict | None = None, names: dict | None = None):
    """Return the claims of ``text`` as one narrative source, through both passes of claims_for_source."""
    from quellen.claims import claims_for_source
    document = Document(id="d1", source="s1", char_start=0, char_end=len(text), kind="narrative")
    timexes = []
    for phrase, value in dates.items():
        at = text.index(phrase)
        timexes.append(Timex("s1", "d1", at, at + len(phrase), phrase, "DATE", value.edtf, value,
                             rule="day-month-year"))
    for phrase, value in (durations or {}).items():
        at = text.index(phrase)
        timexes.append(Timex("s1", "d1", at, at + len(phrase), phrase, "DURATION", value, None, rule="relative-unit"))
    mentions = [Mention("s1", "d1", (at := text.index(p)), at + len(p), p, typ, p) for p, typ in (names or {}).items()]
    return claims_for_source(text, [document], [nlp(text)], timexes, mentions)


def test_a_length_of_time_after_this_counts_from_the_last_date_told(nlp):
    text = "On 12 May 1848 the assembly met at Frankfurt. Only a week after this, the deputies elected a president."
    claims = source_claims(nlp, text, {"12 May 1848": day(1848, 5, 12)}, {"a week": "P1W"})
    (elected,) = [c for c in claims if "elect" in c.verbs]
    assert elected.date.edtf == "1848-05-19" and elected.basis == "relative"
    assert elected.date.rule == "relative-anaphor" and elected.date.anchor == "1848-05-12"


def test_days_before_a_named_happening_count_from_the_claim_that_dates_it(nlp):
    text = ("Four days before the coronation, the king rode into Reims. "
            "The king was crowned in the cathedral on 17 July 1429. "
            "Two days after the execution, the crowd gathered again. The traitor was executed on 2 May 1431.")
    claims = source_claims(nlp, text, {"17 July 1429": day(1429, 7, 17), "2 May 1431": day(1431, 5, 2)},
                           {"Four days": "P4D", "Two days": "P2D"})
    (rode,) = [c for c in claims if "ride" in c.verbs]
    assert rode.date.edtf == "1429-07-13" and rode.date.rule == "relative-happening"
    (gathered,) = [c for c in claims if "gather" in c.verbs]
    assert gathered.date.edtf == "1431-05-04"


def test_a_journey_of_n_days_ends_n_minus_one_days_after_its_departure(nlp):
    text = ("On 3 April 1793 the frigate left Brest. On 10 April 1793 she spoke a Danish brig. "
            "After a 22-day voyage the frigate reached Martinique.")
    claims = source_claims(nlp, text, {"3 April 1793": day(1793, 4, 3), "10 April 1793": day(1793, 4, 10)},
                           {"22-day": "P22D"})
    (reached,) = [c for c in claims if "reach" in c.verbs]
    # the departure, not the last date told, and the first day of the voyage counted as its first
    assert reached.date.edtf == "1793-04-24" and reached.date.anchor == "1793-04-03"


def test_an_age_counts_from_the_told_birth_of_its_person_not_of_the_nearest_name(nlp):
    text = ("Maria Kessler was born on 4 June 1820 in Basel. Her teacher was Anton Roth, whom she met at the "
            "age of twelve. The 17-year-old Kessler left for Paris.")
    claims = source_claims(nlp, text, {"4 June 1820": day(1820, 6, 4)},
                           names={"Maria Kessler": "person", "Anton Roth": "person", "Kessler": "person"})
    met = [c for c in claims if "meet" in c.verbs]
    left = [c for c in claims if "leave" in c.verbs]
    assert [c.date.edtf for c in met] == ["1832"] and [c.date.edtf for c in left] == ["1837"]
    assert met[0].basis == "relative" and met[0].date.rule == "relative-age"


def test_an_age_without_a_told_birth_dates_nothing(nlp):
    text = "In 1820 the town was rebuilt. At the age of twelve Anton Roth went to sea."
    claims = source_claims(nlp, text, {"1820": year(1820)}, names={"Anton Roth": "person"})
    assert not [c for c in claims if "go" in c.verbs and c.date is not None and c.date.rule == "relative-age"]


def test_the_nth_day_after_leaving_counts_from_the_departure(nlp):
    text = ("On 9 June 1794 we weighed anchor and left the harbour. The next morning the wind failed. "
            "On the third day after leaving port a seaman fell from the yard.")
    claims = source_claims(nlp, text, {"9 June 1794": day(1794, 6, 9)})
    (fell,) = [c for c in claims if "fall" in c.verbs]
    assert fell.date.edtf == "1794-06-12"


def test_the_summary_length_is_a_setting(nlp):
    text = ("On 3 May 1794 the master of the brig and his two mates rowed the long boat across the bay "
            "to the Moravian mission at the mouth of the river with letters and salt.")
    dates = {"3 May 1794": day(1794, 5, 3)}
    long_ = analyse(nlp, text, dates=dates)
    document = Document(id="d1", source="s1", char_start=0, char_end=len(text), kind="narrative")
    timexes = [Timex("s1", "d1", 3, 13, "3 May 1794", "DATE", "1794-05-03", day(1794, 5, 3))]
    short = extract_claims(text, document, nlp(text), timexes, [], summary_words=6)
    assert max(len(c.summary.split()) for c in short) <= 8 < max(len(c.summary.split()) for c in long_)


def test_a_diary_dated_at_its_foot_does_not_date_its_past_tenses(nlp):
    """An account 'in the form of a diary' signed with a date tells things long past; a dated head is a day's record."""
    foot = ("We left the house at night and the carriage took us to the station. The train waited two hours.\n\n"
            "Dresden, 3 May 1851")
    head = "3 May 1851. We left the house at night and the carriage took us to the station."
    dated_foot = [c for c in analyse(nlp, foot, kind="diary", date=day(1851, 5, 3, "3 May 1851")) if c.date]
    dated_head = [c for c in analyse(nlp, head, kind="diary", date=day(1851, 5, 3, "3 May 1851")) if c.date]
    assert not [c for c in dated_foot if "carriage" in c.summary or "train" in c.summary.lower()]
    assert [c for c in dated_head if "left" in c.summary or "carriage" in c.summary]


def test_a_date_on_a_named_happening_summarises_the_happening(nlp):
    """'... since the fall of the bridge on the night of the 11th': the event is the fall, not the begging."""
    text = ("I beg to lay before you the state of the lower town since the fall of the old bridge "
            "on the night of the 11th.")
    claims = analyse(nlp, text, kind="letter", dates={"the night of the 11th": day(1862, 3, 11)})
    assert [c.summary for c in claims if c.date] == ["The fall of the old bridge"]
    verbal = analyse(nlp, "The bridge fell on the night of the 11th.",
                     dates={"the night of the 11th": day(1862, 3, 11)})
    assert [c.summary for c in verbal if c.date] != ["The bridge"]


def test_an_account_dated_at_its_foot_does_not_date_its_historical_present(nlp):
    """A long account signed with a date, told in the historical present: its 'I take', 'we wait' are
    the narrated days, not the writing day; the writer's opening words are of the writing day."""
    scene = ("I take the lamp and go down to the cellar. We wait there for an hour in the dark. "
             "I hear the soldiers in the yard; they break the door of the stable. ")
    text = ("My dear son,\nI write this down for you now, as you asked me.\n\n"
            + "\n\n".join([scene * 2] * 4) + "\n\nYour mother\n\nStrasbourg, 3 May 1871")
    claims = analyse(nlp, text, kind="diary", date=day(1871, 5, 3, "Strasbourg, 3 May 1871"))
    body = [c for c in claims if c.char_start > text.index("\n\n")]
    assert not [c for c in body if c.date is not None and c.date.earliest == dt.date(1871, 5, 3)
                and c.char_start < text.index("Your mother")]
    assert [c for c in claims if c.date is not None and "write" in c.summary]


# -- merging in date buckets ---------------------------------------------------------------------
_LEMMAS = ("march", "arrive", "siege", "fire", "letter", "bridge", "be", "go")


@st.composite
def _claims(draw):
    """Return hand-shaped claims: overlapping days, years and a decade, a few sources and documents."""
    out = []
    for i in range(draw(st.integers(0, 24))):
        first = dt.date(1800, 1, 1) + dt.timedelta(days=draw(st.integers(0, 900)))
        width = draw(st.sampled_from([0, 0, 3, 30, 365, 3650]))
        date = Date(text="", edtf=first.isoformat(), earliest=first, latest=first + dt.timedelta(days=width),
                    precision="day")
        source = draw(st.sampled_from(["s1", "s2", "s3"]))
        start = draw(st.integers(0, 400))
        actors = tuple((name, "person", -1, -1, None)
                       for name in draw(st.lists(st.sampled_from(["Ann", "Bede", "Cole"]), max_size=2, unique=True)))
        out.append(Claim(id=f"c{i}", source=source, document=f"{source}-d{draw(st.integers(0, 1))}",
                         char_start=start, char_end=start + 30, date=date, basis="explicit", summary=f"claim {i}",
                         lemmas=tuple(draw(st.lists(st.sampled_from(_LEMMAS), min_size=1, max_size=3, unique=True))),
                         actors=actors, stance=draw(st.sampled_from(["asserted", "asserted", "denied"]))))
    return out


@hsettings(max_examples=60, deadline=None)
@given(_claims(), st.sampled_from([2, 3, 7]))
def test_events_merged_in_date_buckets_equal_one_pass(claims, partitions):
    # a bucket owns a run of the date-sorted claims and reads on by the widest interval it owns:
    # claims whose dates intersect across a bucket boundary still meet, in the earlier one's bucket
    reuse = [ReuseGroup("rg-1", "verbatim", 1.0, (Passage("s1", "s1-d0", 0, 200), Passage("s2", "s2-d1", 0, 200)),
                        {})] if claims else []
    one = merge_events(claims, reuse)
    assert merge_events(claims, reuse, partitions=partitions) == one


def test_a_long_interval_reaches_into_later_buckets():
    from quellen.events import date_buckets
    a = Claim(id="a", source="s1", document="d1", char_start=0, char_end=10, date=year(1800), basis="explicit",
              summary="", lemmas=("siege",))
    days = [Claim(id=f"b{k}", source="s2", document=f"d{k + 2}", char_start=0, char_end=10,
                  date=day(1800, 1 + k, 1), basis="explicit", summary="", lemmas=("siege",)) for k in range(6)]
    dated = sorted([a, *days], key=lambda c: (c.date.earliest, c.source))
    # the year-long claim (first, in bucket 0) reads every later claim of 1800
    assert date_buckets(dated, 3)[0] == (0, 2, 7)
    assert merge_events(dated, partitions=3) == merge_events(dated) and len(merge_events(dated)) == 1


# -- candidate pairs: the prefix filter -----------------------------------------------------------
_MANY_LEMMAS = ("march", "arrive", "siege", "fire", "letter", "bridge", "king", "ship", "treaty", "be", "go", "have",
                "take")


@st.composite
def _crowded_claims(draw):
    """Return date-sorted claims crowded into a few weeks, with lemmas of rare, common and light words,
    and the reuse groups of each: many pairs intersect, some share a group."""
    out, groups = [], []
    for i in range(draw(st.integers(0, 40))):
        first = dt.date(1800, 1, 1) + dt.timedelta(days=draw(st.integers(0, 40)))
        width = draw(st.sampled_from([0, 0, 3, 30, 500]))
        date = Date(text="", edtf=first.isoformat(), earliest=first, latest=first + dt.timedelta(days=width),
                    precision="day")
        source = draw(st.sampled_from(["s1", "s2", "s3"]))
        start = draw(st.integers(0, 100))
        actors = tuple((name, "person", -1, -1, None)
                       for name in draw(st.lists(st.sampled_from(["Ann", "Bede", "Cole"]), max_size=2, unique=True)))
        lemmas = draw(st.lists(st.sampled_from(_MANY_LEMMAS), max_size=7))
        out.append(Claim(id=f"c{i}", source=source, document=f"{source}-d{draw(st.integers(0, 1))}",
                         char_start=start, char_end=start + 30, date=date, basis="explicit", summary="",
                         lemmas=tuple(lemmas), actors=actors))
        groups.append(set(draw(st.lists(st.sampled_from(["rg-1", "rg-2", "rg-3"]), max_size=2))))
    order = sorted(range(len(out)), key=lambda k: (out[k].date.earliest, out[k].source, out[k].char_start))
    return [out[k] for k in order], [groups[k] for k in order]


@hsettings(max_examples=200, deadline=None)
@given(_crowded_claims(), st.integers(0, 2),
       st.sampled_from([0.0, 1e-12, 0.05, 0.15, 0.3, 0.45, 0.6, 1.0]),
       st.sampled_from([0.0, 1e-12, 0.1, 0.15, 0.3, 0.45, 0.7, 1.0]),
       st.sampled_from([0.0, 0.45, 0.6, 1.0]), st.sampled_from([0.0, 0.6, 1.0]))
def test_event_links_of_candidate_pairs_are_those_of_every_pair(crowded, own_cut, merge, reuse, same_doc, vague):
    # the prefix filter leaves out only pairs the pair test refuses; the union-find skips depend on the
    # order of the visits, so the links must be the same, in the same order, for any thresholds
    from quellen.events import event_links
    claims, groups_of = crowded
    settings = EventSettings(merge_threshold=merge, reuse_merge_threshold=reuse, same_document_threshold=same_doc,
                             vague_threshold=vague, vague_days=100)
    bucket = (5, 5 + max(0, len(claims) - own_cut), claims, groups_of)

    def every_pair(a, b):  # the same similarity, which the filter does not know: every pair is tested
        return predicate_similarity(a, b)

    assert event_links(bucket, predicate_similarity, settings) == event_links(bucket, every_pair, settings)


def test_claims_sharing_only_light_verbs_or_nothing_are_not_compared(monkeypatch):
    from quellen import events
    base = dict(source="s1", char_end=10, basis="explicit", summary="", date=day(1800, 1, 1))
    claims = [Claim(id="a", document="d1", char_start=0, lemmas=("siege", "be"), **base),
              Claim(id="b", document="d2", char_start=20, lemmas=("fire", "be"), **base),
              Claim(id="c", document="d3", char_start=40, lemmas=("letter",), **base),
              Claim(id="d", document="d4", char_start=60, lemmas=("siege", "go"), **base)]
    compared = []
    monkeypatch.setattr(events, "_same_event", lambda a, b, *rest: compared.append((a.id, b.id)) or False)
    events.event_links((0, 4, claims, [set()] * 4), predicate_similarity, EventSettings())
    assert compared == [("a", "d")]


def test_only_pairs_the_pair_test_could_accept_are_compared(monkeypatch):
    # sharing a rare lemma is not enough: actors apart (a, b), a likeness under the threshold (a, c), one
    # document under its own threshold (a, d) and a year-wide claim not nearly the same (a, e) are
    # refused before the pair test, which sees only the pairs it accepts
    from quellen import events
    base = dict(char_end=10, basis="explicit", summary="", date=day(1800, 1, 1))
    ann, bede = (("Ann", "person", -1, -1, None),), (("Bede", "person", -1, -1, None),)
    claims = [Claim(id="a", source="s1", document="d1", char_start=0, lemmas=("siege", "fire"), actors=ann, **base),
              Claim(id="b", source="s2", document="d2", char_start=0, lemmas=("siege", "fire"), actors=bede, **base),
              Claim(id="c", source="s3", document="d3", char_start=0, lemmas=("siege", "king", "ship", "treaty"),
                    actors=ann, **base),
              Claim(id="d", source="s1", document="d1", char_start=20,
                    lemmas=("siege", "fire", "bridge", "king", "ship", "march"), actors=ann, **base),
              Claim(id="e", source="s4", document="d4", char_start=0,
                    lemmas=("siege", "fire", "letter", "arrive", "march", "treaty"), **{**base, "date": year(1800)}),
              Claim(id="f", source="s5", document="d5", char_start=0, lemmas=("siege", "fire"), actors=ann, **base)]
    claims.sort(key=lambda c: (c.date.earliest, c.source, c.char_start))
    compared = []
    same_event = events._same_event
    monkeypatch.setattr(events, "_same_event",
                        lambda a, b, *rest: compared.append((a.id, b.id, same_event(a, b, *rest))) or compared[-1][2])
    settings = EventSettings(vague_days=100)
    links = events.event_links((0, len(claims), claims, [set()] * len(claims)), predicate_similarity, settings)
    assert [(claims[i].id, claims[j].id) for i, j in links] == [("a", "f"), ("d", "c"), ("d", "f")]
    assert compared == [("a", "f", True), ("d", "c", True), ("d", "f", True)]


@st.composite
def _quoted_claims(draw):
    """Return claims of three sources, some undated, and reuse groups of passages over them."""
    claims = []
    for i in range(draw(st.integers(0, 30))):
        source = draw(st.sampled_from(["s1", "s2", "s3"]))
        start = draw(st.integers(0, 300))
        date = draw(st.sampled_from([None, None, day(1800, 1, 1), day(1800, 2, 1), year(1801)]))
        claims.append(Claim(id=f"c{i}", source=source, document=f"{source}-d{start // 150}", char_start=start,
                            char_end=start + 20, date=date, basis="explicit" if date else "none", summary="",
                            lemmas=tuple(draw(st.lists(st.sampled_from(_MANY_LEMMAS), max_size=6)))))
    reuse = []
    for g in range(draw(st.integers(0, 4))):
        passages = []
        for source in draw(st.lists(st.sampled_from(["s1", "s2", "s3"]), min_size=2, max_size=3, unique=True)):
            start = draw(st.integers(0, 250))
            passages.append(Passage(source, f"{source}-d{start // 150}", start, start + draw(st.integers(10, 200))))
        reuse.append(ReuseGroup(f"rg-{g}", "verbatim", 1.0, tuple(passages), {}))
    return claims, reuse


@hsettings(max_examples=200, deadline=None)
@given(_quoted_claims(), st.sampled_from([0.0, 1e-12, 0.1, 0.3, 0.5, 1.0]))
def test_dates_from_reuse_compares_only_witnesses_that_can_be_alike_enough(quoted, threshold):
    claims, reuse = quoted

    def every_witness(a, b):  # the same similarity, which the filter does not know: every witness is compared
        return predicate_similarity(a, b)

    assert (dates_from_reuse(claims, reuse, threshold=threshold)
            == dates_from_reuse(claims, reuse, every_witness, threshold=threshold))


def test_two_writers_doing_the_same_thing_with_one_man_days_apart_are_two_events():
    # "I dined with Colonel Grant" on the 3rd (one writer) and on the 8th (another): the same dated verb, the
    # same man, but what people do they do again; only a noun naming one happening ("fire") joins misdated
    # witnesses
    grant = ("Colonel Grant", "person", 0, 13, "ent-grant")
    a = claim("a", day(1820, 5, 3), "dine colonel grant york house", document="letter-1", actors=(grant,),
              trigger=("dine",))
    b = claim("b", day(1820, 5, 8), "dine colonel grant lodging", document="letter-2", actors=(grant,),
              trigger=("dine",))
    assert len(merge_events([a, b])) == 2


# ------------------------------------------------------------------ one happening told in other words
def test_one_happening_told_in_other_words_by_several_witnesses_is_one_event():
    # a tannery burned, told by three writers in three ways on one night, and by a fourth two days later:
    # no shared wording, no actor, but one happening (fire) of one object (the tannery)
    a = claim("a", day(1850, 3, 4), "great fire tannery break", document="paper")
    b = claim("b", day(1850, 3, 4), "tannery find fire roof fall", document="parish-book")
    c = claim("c", day(1850, 3, 4), "tannery destroy fire insure policy", document="letter")
    d = claim("d", day(1850, 3, 6), "father tannery burn old", document="memoir")
    groups = merge_events([a, b, c, d])
    assert [sorted(x.id for x in g) for g in groups] == [["a", "b", "c", "d"]]


def test_one_happening_needs_one_object_and_two_writers():
    # a fire at the tannery and a fire at the chapel the same night are two fires; one writer's two entries
    # are not two witnesses; a hearth fire named beside nothing in common joins nothing
    a = claim("a", day(1850, 3, 4), "fire tannery break", document="paper")
    b = claim("b", day(1850, 3, 4), "chapel burn roof", document="letter")
    c = claim("c", day(1850, 3, 5), "tannery fire", document="diary-1")
    e = claim("e", day(1850, 3, 6), "tannery burn", document="diary-2")
    f = claim("f", day(1850, 3, 4), "sit fire evening read", document="journal")
    writers = {"diary-1": "ann", "diary-2": "ann"}
    groups = merge_events([a, b, c, e, f], writers=writers)
    assert sorted(sorted(x.id for x in g) for g in groups) == [["a", "c", "e"], ["b"], ["f"]]
    # c and e join through a, not with each other: one writer
    assert len(merge_events([c, e], writers=writers)) == 2


def test_a_misdated_witness_of_one_happening_told_in_other_words_is_a_date_conflict():
    from quellen.conflicts import near_date_conflicts
    a = claim("a", day(1850, 3, 4), "fire tannery break", document="paper")
    d = claim("d", day(1850, 3, 6), "father tannery burn", document="memoir")
    (group,) = merge_events([a, d])
    (conflict,) = near_date_conflicts([group], {"a": "e1", "d": "e1"})
    assert sorted(r.value for r in conflict.claims) == ["1850-03-04", "1850-03-06"]
    assert "fire" in conflict.summary and "tannery" in conflict.summary


def test_a_sentence_that_only_gives_a_date_dates_the_happening_told_before_it(nlp):
    text = ("I was nine years old when the tannery burned. It was the night of 6 March 1850, and I remember it "
            "well.")
    claims = analyse(nlp, text, kind="memoir", dates={"6 March 1850": day(1850, 3, 6)})
    dated = [c for c in claims if c.date is not None]
    assert len(dated) == 1 and dated[0].date.edtf == "1850-03-06"
    assert "burn" in dated[0].lemmas and "tannery" in dated[0].lemmas
    # nor does a date whose own clause tells the happening ("It was ... when the roof fell")
    text = "The roof was old. It was 6 March 1850 when the roof fell."
    (dated,) = [c for c in analyse(nlp, text, dates={"6 March 1850": day(1850, 3, 6)}) if c.date is not None]
    assert text[dated.char_start:dated.char_end].startswith("It was")
    # a sentence after one that has a date of its own dates nothing before it
    text = "On 2 March 1850 the tannery burned. It was 6 March 1850 when the roof fell."
    claims = analyse(nlp, text, dates={"2 March 1850": day(1850, 3, 2), "6 March 1850": day(1850, 3, 6)})
    assert sorted(c.date.edtf for c in claims if c.date) == ["1850-03-02", "1850-03-06"]


def test_a_night_and_the_small_hours_after_it_do_not_disagree():
    # "the night of the 4th" and "one o'clock this morning" written on the 5th are one time; the 6th is not
    from quellen.conflicts import near_date_conflicts

    def told(cid, d, phrase, lemmas):
        date = Date(phrase, f"1850-03-{d:02d}", dt.date(1850, 3, d), dt.date(1850, 3, d), "day")
        return Claim(id=cid, source=cid, document=cid, char_start=0, char_end=10, date=date, basis="explicit",
                     summary=lemmas, lemmas=tuple(sorted(lemmas.split())))

    a = told("a", 4, "the night of the 4th", "fire tannery break")
    b = told("b", 5, "one o'clock", "tannery fire")
    c = told("c", 6, "the 6th", "tannery burn father")
    (group,) = merge_events([a, b, c])
    conflicts = near_date_conflicts([group], {x.id: "e" for x in group})
    assert sorted(tuple(sorted(r.value for r in k.claims)) for k in conflicts) == [
        ("1850-03-04", "1850-03-06"), ("1850-03-05", "1850-03-06")]


def test_a_dam_that_burst_broke_or_gave_way_is_one_happening_told_three_ways():
    # three papers date the failure of one dam to three days, each in its own words ("burst", "broke", "gave way":
    # a collapse, the last told in two words); a wall that broke elsewhere the same week is another happening
    a = claim("a", day(1911, 3, 11), "dam burst early hour", document="gazette")
    b = claim("b", day(1911, 3, 12), "spillway dam give way heavy rain", document="courier")
    c = claim("c", day(1911, 3, 13), "dam break rain", document="digest")
    d = claim("d", day(1911, 3, 12), "wall break harbour", document="letter")
    groups = merge_events([a, b, c, d])
    assert sorted(sorted(x.id for x in g) for g in groups) == [["a", "b", "c"], ["d"]]


def test_words_of_a_phrase_tell_a_happening_only_together():
    from quellen.events import happenings_told, object_lemmas
    assert happenings_told(claim("a", None, "spillway give way")) == {"collapse"}
    assert happenings_told(claim("b", None, "give way bridge")) == {"collapse"}
    assert happenings_told(claim("c", None, "give lecture way")) == {"collapse"}  # both lemmas held: the phrase
    assert happenings_told(claim("d", None, "give present")) == set()
    # the phrase's words are no object of the happening; alone, "way" still is
    assert object_lemmas(claim("e", None, "spillway give way")) == {"spillway"}
    assert "way" in object_lemmas(claim("f", None, "long way"))
