"""Segmentation: hand-made compilations of other centuries, markup hints, and invariants."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quellen.model import DOCUMENT_KINDS, Source
from quellen.segment import segment
from quellen.segment.describe import YearContext, parse_date_text
from quellen.segment.lines import classify, is_name, make_units, split_signature, Unit

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"

FIX = FIXTURES / "segment"
CASES = sorted(p.stem for p in FIX.glob("*.txt"))


def _source(text: str, blocks=()) -> Source:
    return Source("src-test", "test.txt", "0" * 64, "text/plain", text, blocks=tuple(blocks))


def _first_words(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split()[:6])


@pytest.mark.parametrize("case", CASES)
def test_fixture_boundaries_and_descriptions(case):
    text = (FIX / f"{case}.txt").read_text(encoding="utf-8")
    expected = json.loads((FIX / f"{case}.json").read_text(encoding="utf-8"))["segments"]
    docs = segment(_source(text))
    got = [_first_words(text, d.char_start, d.char_end) for d in docs]
    assert got == [e["first_words"] for e in expected]
    for doc, exp in zip(docs, expected):
        where = exp["first_words"]
        assert doc.kind == exp["kind"], where
        assert (doc.author.name if doc.author else None) == exp.get("author"), where
        assert (doc.date.edtf if doc.date else None) == exp.get("date"), where
        assert (doc.place.name if doc.place else None) == exp.get("place"), where
        assert doc.primary == exp.get("primary"), where
        assert doc.evidence, where


def test_letter_collection_reads_salutation_closing_and_signature():
    text = (FIX / "merchant_letters.txt").read_text(encoding="utf-8")
    docs = segment(_source(text))
    second = docs[2]
    assert [a.name for a in second.addressees] == ["Whartley"]
    assert "closing" in second.evidence
    assert all(d.kind != "letter" or d.primary for d in docs)


def test_a_numbered_letters_header_on_its_own_line_keeps_its_date_line_in_the_letter():
    text = ("LETTER I.\n\nThe Rev. John Ayre to Mr. Amos Lowe.\n\nKeswick, 4th March, 1794.\n\nDear Sir,\n\n"
            "I had your letter by the carrier and am glad the books came safe.\n\nI am, dear Sir,\n\n"
            "your humble servant,\n\nJohn Ayre.\n\nLETTER II.\n\nMr. Amos Lowe to the Rev. John Ayre.\n\n"
            "Carlisle, 11th March, 1794.\n\nReverend Sir,\n\nThe assizes keep me at my desk all day.\n\n"
            "I remain, Reverend Sir,\n\nyours,\n\nAmos Lowe.\n")
    docs = segment(_source(text))
    assert [(_first_words(text, d.char_start, d.char_end)[:10], d.date.edtf) for d in docs] == [
        ("LETTER I. ", "1794-03-04"), ("LETTER II.", "1794-03-11")]
    assert [d.author.name for d in docs] == ["John Ayre", "Amos Lowe"]


def test_a_proclamation_is_dated_by_its_dating_clause_and_ends_with_its_acclamation():
    text = ("The Riot at Ashby, 1801\n\nThe riot that broke the windows of the corn market was long remembered in "
            "the town. We print the Mayor's proclamation and a witness's account.\n\nThe Mayor's Proclamation\n\n"
            "BOROUGH OF ASHBY.\n\nBY THE MAYOR.\n\nWHEREAS divers evil-disposed persons have of late broken the "
            "windows of the corn market, NOTICE IS HEREBY GIVEN that a reward of twenty pounds will be paid for "
            "such information as shall convict them.\n\nGiven under my hand at the Town Hall, this 2nd day of "
            "June, 1801.\n\nTHOMAS WARD, Mayor.\n\nGOD SAVE THE KING.\n\nThe Account of John Ward, Glazier\n\n"
            "I saw the windows "
            "broken on the night of the fair, and the constable was nowhere to be found.\n")
    docs = segment(_source(text))[1:]
    first = docs[0]
    assert first.kind == "proclamation" and first.date.edtf == "1801-06-02" and first.date.basis.value == "stated"
    assert text[first.char_start:first.char_end].rstrip().endswith("GOD SAVE THE KING.")
    assert _first_words(text, docs[1].char_start, docs[1].char_end).startswith("The Account of John Ward")
    # a sentence opening with "Given" in a body, with no signature under it, stays a sentence
    units = make_units("Given the roads, we stayed at home until 4th March 1798.\n\nWe read all day.\n")
    assert classify(units[0], None, False, units[1]) == "prose"


def test_diary_years_come_from_the_heading_not_from_nowhere():
    text = (FIX / "polar_journal.txt").read_text(encoding="utf-8")
    entries = [d for d in segment(_source(text)) if d.kind == "diary"]
    assert [d.date.edtf for d in entries] == ["1911-10-28", "1911-10-29", "1911-10-30", "1911-11-19"]
    assert "year from context" in entries[0].date.rule


def test_page_stamp_never_dates_a_document():
    text = ("News      01/02/2003\n\nA town council met.\n\nOn May 4 the mayor resigned. He gave the following letter:"
            "\n\nI resign.\n\nJ. Smith")
    docs = segment(_source(text))
    assert docs[0].kind == "heading" and docs[0].date.edtf == "2003-01-02"
    letter = docs[-1]
    assert letter.author.name == "J. Smith"
    assert letter.date is None  # "May 4" has no year anywhere but in the stamp


def test_markup_blocks_give_headings_captions_and_breaks():
    parts = [("h2", "The Voyage Out"), ("p", "The ship left the harbour at dawn and the crew sang."),
             ("figcaption", "The harbour in 1850"), ("p", "By noon the coast was gone."),
             ("hr", ""), ("p", "Years later the mate wrote down what he remembered of that day.")]
    text, blocks, pos = "", [], 0
    for tag, body in parts:
        if tag == "hr":
            blocks.append((pos, pos, "hr"))
            continue
        blocks.append((pos, pos + len(body), tag))
        text += body + "\n\n"
        pos = len(text)
    docs = segment(_source(text, blocks))
    kinds = [d.kind for d in docs]
    assert kinds[1] == "caption"
    assert len(docs) == 4  # heading+paragraph, caption, paragraph, paragraph after the break
    assert "thematic break" in docs[-1].evidence


def test_all_kinds_are_the_contracts():
    for case in CASES:
        text = (FIX / f"{case}.txt").read_text(encoding="utf-8")
        assert {d.kind for d in segment(_source(text))} <= set(DOCUMENT_KINDS)


@pytest.mark.parametrize("line, want", [
    ("L. Bell", ("", "", "L. Bell")),
    ("Bristol J. Pym", ("", "Bristol", "J. Pym")),
    ("March 3, 1790 G. Otis", ("March 3, 1790", "", "G. Otis")),
    ("D. Morgan, Chairman", ("", "", "D. Morgan")),
    ("Ambrose Kell, M.D.", ("", "", "Ambrose Kell")),
    ("J. Bell, M.D.", ("", "", "J. Bell")),
    ("Josiah Pym, Chairman.", ("", "", "Josiah Pym")),
    ("Jno. Sallow, Vestry Clerk.", ("", "", "Jno. Sallow")),
    ("The Chairman.", None),
    ("T. W.", ("", "", "T. W.")),
    ("CHAPTER I.", None),
    ("A. B. C. D.", None),
    ("A. GPU agents find an apartment in a separate house outside the city", None),
    ("Yours, J. Bell", ("", "", "J. Bell")),
    ("Yours truly, J. Bell", ("", "", "J. Bell")),
])
def test_split_signature(line, want):
    assert split_signature(line) == want


def test_a_closing_on_the_signers_line_is_no_place_and_the_date_line_places_the_letter():
    text = "Bristol, 2 May 1846.\n\nDear Sir,\n\nThe shop in King Street is closed.\n\nYours, J. Bell\n"
    (doc,) = segment(_source(text))
    assert doc.author.name == "J. Bell"
    assert doc.place is not None and doc.place.name == "Bristol"


@pytest.mark.parametrize("line, cue", [
    ("* * *", "separator"),
    ("Old mill at dusk | example.org", "caption"),
    ("Fig. 3. The bridge from the east.", "caption"),
    ("The following excerpt from the book Rivers (A. Lee, 1999) provided by our partner.", "attribution"),
    ("My dear Madam,", "salutation"),
    ("Sir,", "salutation"),
    ("To His Excellency the Governor of the Province", "addressee"),
    ("Your most obedient humble servant,", "closing"),
    ("With warm greetings,", "closing"),
    ("Top secret", "mark"),
    ("Boston, 4th July, 1776.", "dateline"),
    ("12 May 1864", "dateline"),
    ("LETTER XII.", "heading"),
    ("A LETTER TO THE BOARD", "heading"),
    ("We marched at dawn and reached the river by noon.", "prose"),
    ("On 2 March 1793 the agent arrived.", "prose"),
    ("Handed in at Oxley Junction 7.40 a.m. 12 March 1862", "dateline"),
    ("Received at Brannockford 8.05 a.m.", "mark"),
    ("BRIDGE DOWN LAST NIGHT STOP SEND BOATS", "prose"),
    ("Reverend Sir,", "salutation"),
])
def test_classify_line_shapes(line, cue):
    assert classify(Unit(0, len(line), line), None, first_prose_seen=True) == cue


def test_names():
    assert is_name("John Adams") and is_name("G. W.") and is_name("THOMAS WHARTLEY.")
    assert not is_name("LETTER TO ZION") and not is_name("Personal life")


def test_year_context_rolls_over_and_looks_ahead():
    text = "Dec. 30, 1863. Cold.\n\nJanuary 2. Snow.\n"
    years = YearContext(text, [(0, len(text))])
    assert parse_date_text("January 2", text.index("January"), years).edtf == "1864-01-02"
    text2 = "Today, December 16, we wrote.\n\nOn January 18, 1929 the court met.\n"
    years2 = YearContext(text2, [(0, len(text2))])
    assert parse_date_text("December 16", 7, years2).edtf == "1928-12-16"


def test_year_context_takes_the_one_year_the_running_text_names_last():
    # an editor's note naming one year ("in the summer of 1848") dates the yearless heads under it, where no
    # head, full date or metadata gives one; two years named there name none of them
    text = "These letters were written in the summer of 1848.\n\nLYONS, July 4.\n\nWe came in."
    years = YearContext(text, [(0, len(text))])
    date = parse_date_text("July 4", text.index("July"), years)
    assert date.edtf == "1848-07-04" and "the one year the text names" in date.rule
    two = "Begun in 1847, these letters end in 1849.\n\nLYONS, July 4.\n\nWe came in."
    assert parse_date_text("July 4", two.index("July"), YearContext(two, [(0, len(two))])) is None
    assert parse_date_text("July 4", 0, YearContext("July 4. In 1848 we met.", [(0, 23)])) is None


def test_a_date_head_in_small_capitals_is_read_as_in_lower_case():
    # small capitals printed as capitals: "MONDAY, 3RD JUNE, 1805." and, under it, "TUESDAY, 4TH."
    text = "MONDAY, 3RD JUNE, 1805.—Rode out.\n\nTUESDAY, 4TH.—Rain.\n"
    years = YearContext(text, [(0, len(text))])
    first = parse_date_text("MONDAY, 3RD JUNE, 1805.", 0, years)
    assert first.edtf == "1805-06-03"
    years.note(0, first)
    assert parse_date_text("TUESDAY, 4TH.", text.index("TUESDAY"), years).edtf == "1805-06-04"
    assert parse_date_text("JUNE 1805.").edtf == "1805-06"


def test_a_day_alone_takes_the_month_of_the_entry_before_or_the_one_its_weekday_names():
    # "2nd." after an entry of 28 December 1857 rolls into January 1858; its weekday, where it gives one,
    # names the month, of the entry's and those either side, where the 2nd falls on it (the tagger's rule)
    text = "Monday, December 28, 1857. Snow.\n\n2nd. Thaw.\n"
    at = text.index("2nd")
    for head, want in [("2nd.", "1858-01-02"), ("2nd (Saturday).", "1858-01-02"),
                       ("Wednesday, the 2nd.", "1857-12-02"), ("2nd (Sunday).", "1858-01-02")]:
        years = YearContext(text, [])
        years.note(0, parse_date_text("Monday, December 28, 1857", 0, years))
        assert parse_date_text(head, at, years).edtf == want, head


def test_hard_wrapped_paragraph_is_one_unit():
    text = ("May 3, 1864.--Broke camp at daylight and marched toward the river.\n"
            "The roads were heavy with mud and the men grumbled much. We crossed\n"
            "at evening and lay down without fires.\n")
    units = make_units(text)
    assert len(units) == 1 and units[0].cue == "prose" and units[0].features.get("lead_date")


_LINES = st.sampled_from([
    "", "", "* * *", "Dear Sir,", "Yours truly,", "J. Bell", "LETTER IV.", "May 3, 1790.",
    "The ship sailed at noon and the crew sang.", "I remember the cold.", "Photo | site.org",
    "To the Editor", "He gave the following letter:", "Resolved: that the mill be sold.",
    "Monday, 3rd March.", "  indented line  ", "T.H.: a reply", "Anna Berg was a painter of the coast and sea.",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINES, max_size=30))
def test_documents_are_ordered_disjoint_and_cover_every_nonblank_character(lines):
    text = "\n".join(lines)
    docs = segment(_source(text))
    covered = set()
    last_end = 0
    for d in docs:
        assert last_end <= d.char_start < d.char_end <= len(text)
        last_end = d.char_end
        covered.update(range(d.char_start, d.char_end))
        assert d.id == d.id.strip() and d.kind in DOCUMENT_KINDS
    assert {i for i, ch in enumerate(text) if not ch.isspace()} <= covered
    assert segment(_source(text)) == docs  # deterministic


def test_empty_and_blank_sources_have_no_documents():
    assert segment(_source("")) == []
    assert segment(_source("\n\n   \n")) == []


def test_package_code_knows_no_seed_names():
    from pathlib import Path
    import quellen.segment as pkg
    code = " ".join(p.read_text(encoding="utf-8") for p in Path(pkg.__file__).parent.glob("*.py"))
    for word in ("Trotsky", "Stalin", "Alma-Ata", "OGPU", "Constantinople", "Kemal", "Sedov", "Rogovin",
                 "Politburo", "Prinkipo", "LitRes"):
        assert not re.search(word, code, re.I), word


def test_ebook_chapter_through_the_html_reader():
    from quellen.ingest import read_source
    from quellen.settings import Settings
    source = read_source(FIX / "voyage_chapter.xhtml", Settings().ingest)
    docs = segment(source)
    assert [d.kind for d in docs] == ["heading", "diary", "diary", "caption", "diary", "narrative"]
    assert [d.date.edtf for d in docs if d.kind == "diary"] == ["1768-08-12", "1768-08-13", "1768-08-15"]
    assert docs[-1].title == "Editor's note" and docs[-1].primary is False


# ------------------------------------------------------------------ dates from the rest of the source
def _by_start(docs, text, words):
    return next(d for d in docs if text[d.char_start:d.char_end].startswith(words))


def test_a_later_reference_dates_the_document_it_names_over_the_framing_sentence():
    text = (FIX / "factory_papers.txt").read_text(encoding="utf-8")
    order = _by_start(segment(_source(text)), text, "ORDER OF THE DIRECTORS")
    # the framing sentence says when it was read out (March 9); the receipt says when it was issued
    assert order.date.edtf == "1793-02-20" and "referred to later" in order.date.rule
    assert "February 20, 1793" in order.date.anchor
    assert any(e.startswith("date: referred to as") for e in order.evidence)


def test_a_reference_never_replaces_a_date_the_document_states():
    text = ("LETTER OF THE AGENT\n\nSir,\n\nI send the accounts.\n\nFort Stell, 3 May 1802.\n\nP. Valck\n\n"
            "The Directors answered: \"Your letter of 9 May 1802 came by the brig. A. Ruys.\"")
    docs = segment(_source(text))
    letter = _by_start(docs, text, "LETTER OF THE AGENT")
    assert letter.date.edtf == "1802-05-03" and "referred" not in letter.date.rule


def test_a_reference_to_another_kind_or_out_of_reach_dates_nothing():
    text = ("LETTER OF THE AGENT\n\nSir,\n\nI send the accounts.\n\nP. Valck\n\n"
            "The council met again. The resolution of 9 May 1802 was read.")
    letter = _by_start(segment(_source(text)), text, "LETTER OF THE AGENT")
    assert letter.date is None or letter.date.precision == "year"


def test_an_undated_record_takes_the_year_of_its_place_flagged_as_inferred_never_a_day():
    text = (FIX / "factory_papers.txt").read_text(encoding="utf-8")
    docs = segment(_source(text))
    for words in ("LETTER OF THE SERGEANT", "PETITION OF THE TRADERS", "REPORT OF THE STOREKEEPER"):
        d = _by_start(docs, text, words)
        assert d.date.precision == "year" and d.date.edtf == "1793?", words
        assert d.date.rule.startswith("inferred: compilation context"), words
        assert (d.date.earliest.isoformat(), d.date.latest.isoformat()) == ("1793-01-01", "1793-12-31")
    # the memorandum speaks of 1794: it was written later than its context says, so no guess
    assert _by_start(docs, text, "MEMORANDUM OF THE AGENT").date is None
    # narrative is not dated by its place: only records are
    assert _by_start(docs, text, "The garrison received").date is None


def test_no_inferred_year_where_the_source_goes_back_in_time_or_has_no_date_before():
    back = ("On 2 March 1793 the agent arrived.\n\nLETTER OF THE SERGEANT\n\nSir,\n\nWe ask for boats.\n\n"
            "J. Hoorn\n\nThe factory had been founded on 5 June 1751 by traders from the coast.")
    letter = _by_start(segment(_source(back)), back, "LETTER OF THE SERGEANT")
    assert letter.date is None
    first = "LETTER OF THE SERGEANT\n\nSir,\n\nWe ask for boats.\n\nJ. Hoorn\n\nOn 2 March 1793 the agent arrived."
    assert _by_start(segment(_source(first)), first, "LETTER OF THE SERGEANT").date is None


def test_dates_inside_a_letter_body_are_no_context_for_the_next_letter():
    text = ("LETTER I.\n\nSir,\n\nMy father was born on 4 May 1720 at the mill.\n\nJ. Bell\n\n"
            "LETTER II.\n\nSir,\n\nThe mill is sold.\n\nJ. Bell")
    docs = segment(_source(text))
    assert all(d.date is None for d in docs if d.kind == "letter")


# ------------------------------------------------------------------ telegrams and letter heads
def test_a_telegram_form_is_one_telegram_dated_by_its_office_stamp_and_signed_in_capitals():
    text = ("POST OFFICE TELEGRAPH\n\nHanded in at Kirkby Stephen 10.15 a.m. 2 February 1881\n"
            "Received at Appleby 10.40 a.m.\n\nTO MRS ELLEN THWAITE APPLEBY\n\n"
            "FATHER WORSE STOP COME BY FIRST TRAIN STOP\nBRING THE DOCTORS LETTER WITH YOU\n\nJOHN THWAITE")
    docs = segment(_source(text))
    assert [d.kind for d in docs] == ["telegram"]
    telegram = docs[0]
    assert telegram.date.edtf == "1881-02-02" and telegram.place.name == "Kirkby Stephen"
    assert telegram.author.name == "JOHN THWAITE"
    assert [a.name for a in telegram.addressees] == ["MRS ELLEN THWAITE APPLEBY"]


def test_a_newspaper_named_telegraph_is_no_telegram():
    text = "THE EVENING TELEGRAPH\n\nThe river rose again last night and the lower town was flooded once more."
    assert [d.kind for d in segment(_source(text))] == ["narrative"]


def test_a_place_line_above_the_date_and_a_degree_after_the_name_stay_in_the_letter():
    text = ("Letter of Dr. Ambrose Kell to the Rev. Josiah Pym\n\nMill Lane, Brannockford,\n20th March 1862.\n\n"
            "Reverend Sir,\n\nI beg to lay before you the state of the lower town.\n\n"
            "I have the honour to remain, Reverend Sir,\nyour obedient servant,\nAmbrose Kell, M.D.\n")
    docs = segment(_source(text))
    assert len(docs) == 1
    letter = docs[0]
    assert letter.kind == "letter" and letter.date.edtf == "1862-03-20"
    assert letter.place.name == "Brannockford" and letter.author.name == "Ambrose Kell"
    assert [a.name for a in letter.addressees] == ["Rev. Josiah Pym"]


def test_a_place_line_above_a_date_line_opening_with_a_weekday_heads_the_letter_not_a_heading():
    text = ("Rope Walk, Stonebridge,\nWednesday, 9th June, 1830.\n\nMy dear Cousin,\n\n"
            "I write to tell you that the bridge was finished on Monday last.\n\n"
            "I remain, my dear Cousin,\nYour affectionate friend,\nHannah Dorley.\n")
    docs = segment(_source(text))
    assert [d.kind for d in docs] == ["letter"]
    assert docs[0].date.edtf == "1830-06-09" and docs[0].place.name == "Stonebridge"


def test_a_long_address_line_under_the_signature_is_the_letters_address_leaf():
    text = ("Quarry Row, 3 May 1851.\n\nSir,\n\nThe chapel roof fell in on Thursday, and no one was hurt.\n\n"
            "I am, Sir,\nYour obedient servant,\nTobias Wrenn.\n\nTo the Editor of the Stonebridge Weekly Courier.\n")
    docs = segment(_source(text))
    assert [d.kind for d in docs] == ["letter"] and docs[0].author.name == "Tobias Wrenn"


def test_an_address_line_right_above_the_date_line_is_the_letters_first_line():
    # without digits ("The Grange, Ashby") it is no month heading over dated entries; under another letter's
    # signature it is the next letter's head, not the foot of the one above
    text = ("The Grange, Ashby\nTuesday, 5 March 1861\n\nDear William,\n\nWe lived near the quarry all winter.\n\n"
            "Ever yours,\nMary Hartwell\n\nRose Cottage, Stroud\nJune 3rd, 1861\n\nDear Mary,\n\n"
            "On Saturday we walked to the town.\n\nYours,\nJohn Hartwell\n")
    docs = segment(_source(text))
    assert [d.kind for d in docs] == ["letter", "letter"]
    assert [text[d.char_start:d.char_end].split("\n")[0] for d in docs] == ["The Grange, Ashby", "Rose Cottage, Stroud"]
    assert text[docs[0].char_start:docs[0].char_end].rstrip().endswith("Mary Hartwell")
    assert [d.date.edtf for d in docs] == ["1861-03-05", "1861-06-03"]


def test_inferred_tells_a_placed_date_from_a_stated_one():
    from quellen.segment.dating import inferred
    text = (FIX / "factory_papers.txt").read_text(encoding="utf-8")
    docs = segment(_source(text))
    assert inferred(_by_start(docs, text, "LETTER OF THE SERGEANT").date)
    assert not inferred(_by_start(docs, text, "ORDER OF THE DIRECTORS").date)
    assert not inferred(None)


def test_a_reference_by_another_name_than_the_documents_own_dates_nothing():
    text = ("RESOLUTION OF THE ASSEMBLY\n\nResolved: that the tolls on the river be abolished.\n\n"
            "J. Marlow, Clerk\n\n"
            "This resolution repealed the decree of 4 August 1789 on the tolls, and was much resented.")
    docs = segment(_source(text))
    assert len(docs) == 2
    resolution = _by_start(docs, text, "RESOLUTION OF THE ASSEMBLY")
    assert resolution.kind == "resolution" and resolution.date is None


def test_a_year_opening_a_sentence_moves_the_context_a_year_in_passing_does_not():
    moved = ("On 2 March 1793 the agent arrived with his orders.\n\nIn 1795 the factory was abandoned, and the "
             "agent wrote once more.\n\nLETTER OF THE AGENT\n\nSir,\n\nWe leave tomorrow.\n\nP. Valck")
    letter = _by_start(segment(_source(moved)), moved, "LETTER OF THE AGENT")
    assert letter.date.edtf == "1795?"
    passing = ("On 2 March 1793 the agent arrived at the factory, which traders had founded in 1751.\n\n"
               "LETTER OF THE AGENT\n\nSir,\n\nWe are settled.\n\nP. Valck")
    letter = _by_start(segment(_source(passing)), passing, "LETTER OF THE AGENT")
    assert letter.date.edtf == "1793?"


_NOUNS = {"order": "resolution", "decree": "resolution", "decision": "resolution", "letter": "letter",
          "telegram": "telegram", "statement": "statement", "report": "report"}


@settings(max_examples=80, deadline=None)
@given(st.dates(min_value=dt.date(1500, 1, 1), max_value=dt.date(2030, 12, 31)),
       st.sampled_from(sorted(_NOUNS)), st.sampled_from(["{d:%B} {d.day}, {d.year}", "{d.day} {d:%B} {d.year}",
                                                          "{d.day} {d:%B}, {d.year}"]))
def test_any_written_date_in_a_reference_dates_the_document_it_names(day, noun, form):
    from quellen.model import Document
    from quellen.segment.dating import date_by_references
    written = form.format(d=day)
    head = f"{noun.upper()} OF THE BOARD\n\nThe mill shall close.\n\n"
    text = head + f"The clerk said that the {noun} of the Board of {written} was read to him.\n"
    target = Document(id="d1", source="s", char_start=0, char_end=len(head) - 2, kind=_NOUNS[noun],
                      title=f"{noun.upper()} OF THE BOARD", evidence=("heading line",))
    after = Document(id="d2", source="s", char_start=len(head), char_end=len(text) - 1, kind="narrative")
    dated = date_by_references([target, after], text)[0].date
    assert dated is not None and dated.precision == "day", written
    # an uncertain calendar widens the interval; it always holds the day as written in one of them
    assert dated.earliest <= dated.latest and written in dated.text
    assert dated.earliest <= day <= dated.latest or dated.calendar != "gregorian"


def test_papers_printed_after_a_death_do_not_take_its_year():
    text = ("Anna Berg painted the coast for forty years. She died at her house on 3 May 1961.\n\n"
            "LETTER TO HER SISTER\n\nDear Karin,\n\nThe light is good this week and I work every day.\n\n"
            "Your Anna")
    letter = next(d for d in segment(_source(text)) if d.kind == "letter")
    assert letter.date is None


def test_an_ebook_chapter_with_a_quoted_telegram_and_journal_entries():
    from quellen.ingest import read_source
    from quellen.settings import Settings
    source = read_source(FIX / "wire_chapter.xhtml", Settings().ingest)
    docs = segment(source)
    # the chapter's title speaks of a wire, but the chapter is somebody's account, not a telegram
    assert [d.kind for d in docs] == ["memoir", "telegram", "narrative", "diary", "diary"]
    telegram = docs[1]
    assert telegram.date.edtf == "1898-11-02" and telegram.place.name == "LONDON"
    assert telegram.author.name == "MARY" and [a.name for a in telegram.addressees] == ["DOCTOR HALE FORT ASHBY"]
    assert [d.date.edtf for d in docs[3:]] == ["1898-11-20", "1898-11-21"]


def test_minutes_are_dated_by_the_meeting_they_record_and_signed_by_its_officers():
    text = ("MINUTES OF THE TOWN MEETING OF ELDHAM\n\nAt a general meeting held in the school room on "
            "Tuesday, 4th April 1848, Mr. Joseph Dunn in the chair.\n\nRESOLVED, that the pump in the "
            "market be repaired at the charge of the town.\n\nJoseph Dunn, Chairman.\n\nW. Rudd, Town Clerk.")
    docs = segment(_source(text))
    assert len(docs) == 1
    minutes = docs[0]
    assert minutes.kind == "resolution" and minutes.date.edtf == "1848-04-04"
    assert "date: the meeting the minutes record" in minutes.evidence


def test_a_diary_title_names_the_diarist_of_its_unsigned_entries():
    text = ("THE JOURNAL OF CAPTAIN EDWARD MARLOWE\n\nJune 3, 1805. Fair wind. Made twenty leagues.\n\n"
            "June 4. Calm. Caught a shark.\n")
    entries = [d for d in segment(_source(text)) if d.kind == "diary"]
    assert len(entries) == 2 and all(d.author.name == "EDWARD MARLOWE" for d in entries)
    assert any(e.startswith("author: inferred from the series heading") for e in entries[0].evidence)


# -- a letter's end: valediction, signature, postscripts, address leaf (issue 12) --------------------------
_TWO_LETTERS = (
    "Tuesday. [3 Mar. 1801]\n\n"
    "Your kind letter came this morning, my dear Jane, and I answer it at once, for you asked me to write "
    "by return and I have a great deal to tell you of the fair and of our new neighbours at the mill.\n\n"
    "Ever most affectionately yours\nA. B. Crane.\n\n"
    "Tell your brother I have not forgotten his book and will send it by the carrier.\n\n"
    "To\nMiss Lorne\n\nHatherby\n\nDorset\n\n"
    "To Mr. T. Lorne\n\n"
    "Elm Cottage Novr 6th 1801.\n\n"
    "My dear Sir\n\n"
    "I am ashamed of my long silence, and you will think me very ungrateful for your kindness to my "
    "father; but we have been in great trouble, and I could not write to you until now.\n\n"
    "Ever my dear Sir\nMost sincerely yours\nA. B. Crane.\n\n"
    "P.S. My mother sends you her kindest regards.\n\n"
    "Mr. T. Lorne Esqre\n\nHatherby\n"
)


def test_a_letters_postscript_and_address_leaf_stay_inside_it_and_sign_nothing():
    docs = segment(_source(_TWO_LETTERS))
    assert [d.kind for d in docs] == ["letter", "letter"]
    second = _TWO_LETTERS.index("To Mr. T. Lorne")
    assert docs[1].char_start == second  # the next letter's own "To X" above its date line is its head
    assert _TWO_LETTERS[docs[0].char_start:docs[0].char_end].rstrip().endswith("Dorset")
    assert _TWO_LETTERS[docs[1].char_start:docs[1].char_end].rstrip().endswith("Hatherby")
    assert [d.author.name.rstrip(".") for d in docs] == ["A. B. Crane", "A. B. Crane"]  # not "T. Lorne Esqre"
    assert docs[1].date.edtf == "1801-11-06"


# letters of the plain speech, one after another: a long closing sentence ending in "thy … sister", a "P.S." alone
# on its line over a postscript that says neither "I" nor "you", an address leaf of several lines (some read as
# prose), a date line under the signature (invented text)
_PLAIN_LETTERS = (
    "4th month 2nd day 1801\n\nDear Cousin A.B.,\n\nThe hay is in at last and the well is dug, so that we "
    "shall want for nothing this summer if the rain holds off a little longer.\n\n"
    "With desires for thy welfare every way I remain thy loving cousin\n\nRuth Mercer\n\n"
    "P.S.\n\nthe red cow has calved. We have made near fifty weight of sugar.\n\n"
    "To Amos Webb\n\nGreen County in Jersey\n\nby favor of the carrier\n\n"
    "Dear Cousin,\n\nThe mill stands idle this week, for the dam broke in the night and all hands are at it "
    "with spades and barrows.\n\n"
    "I conclude, thy friend & cousin\n\nRuth Mercer\n\n"
    "19th 10mo 1801\n\nP.S. my love to you all, particularly to thy mother.\n\n"
    "To Amos Webb\n\nin Jersey Green County\n\n"
    "2mo 17th 1802\n\nDear Cousin,\n\nWe are all well and the children grow fast.\n\n"
    "from thy affectionate cousin\n\nRuth Mercer\n"
)


def test_letters_of_the_plain_speech_keep_their_closing_postscript_date_and_address_leaf():
    docs = segment(_source(_PLAIN_LETTERS))
    text = _PLAIN_LETTERS
    assert [text[d.char_start:d.char_start + 12] for d in docs] == ["4th month 2n", "Dear Cousin,", "2mo 17th 180"]
    assert [d.kind for d in docs] == ["letter"] * 3 and {d.author.name for d in docs} == {"Ruth Mercer"}
    # the letter dated under its signature takes that date; the numeric plain-style months are read
    assert [d.date.edtf for d in docs] == ["1801-04-02", "1801-10-19", "1802-02-17"]
    assert text[docs[0].char_start:docs[0].char_end].rstrip().endswith("by favor of the carrier")


# manuscript letters of the plain speech, their marks unwritten: a salutation without its comma ("Dear friend"), a
# valediction without its "yours" ("I remain", "To thee and thine affectionately") over the name, a closing run into
# the last paragraph ("… thy loving friend") over the name, "P.S." alone over a line without its stop (invented text)
_UNPUNCTUATED_LETTERS = (
    "Ashby 3rd month 4th 1810\n\nDear friend\n\nThe hay is in at last and the well is dug, so that we shall "
    "want for nothing this summer if the rain holds off a little longer.\n\nI remain\n\nRuth Mercer\n\n"
    "Amos Webb\n\nGreen County\n\n"
    "Dover 5th month 9th 1810\n\nEsteemed friend\n\nThy letter came to hand and I was glad to hear that the "
    "mill is mended and the children are well again.\n\nTo thee and thine affectionately\n\nAmos Webb\n\n"
    "P.S.\n\nThe red cow has calved and the calf is a fine one\n\nRuth Mercer\n\n"
    "Ashby 6th month 1st 1810\n\nBeloved friends\n\nWe are all well here and the children grow fast, though the "
    "smallpox has been in the town since the fair and the school is shut, and the miller's wife is very low with "
    "it; but we hope it will pass us by, and that this finds you all well, which is the desire of thy loving "
    "friend\n\nRuth Mercer\n"
)


def test_unpunctuated_salutations_closings_and_a_lone_postscript_mark_keep_each_letter_whole():
    text = _UNPUNCTUATED_LETTERS
    docs = segment(_source(text))
    assert [text[d.char_start:d.char_start + 10] for d in docs] == ["Ashby 3rd ", "Dover 5th ", "Ashby 6th "]
    assert [d.kind for d in docs] == ["letter"] * 3
    assert [d.author.name for d in docs] == ["Ruth Mercer", "Amos Webb", "Ruth Mercer"]
    assert text[docs[1].char_start:docs[1].char_end].rstrip().endswith("Ruth Mercer")
    units = make_units(text)
    cue = {u.text: u.cue for u in units}
    assert cue["Dear friend"] == cue["Esteemed friend"] == cue["Beloved friends"] == "salutation"
    assert cue["I remain"] == cue["To thee and thine affectionately"] == "closing"
    assert [u.cue for u in units][-2:] == ["prose", "signature"]  # the valediction run into the last paragraph


def test_an_unpunctuated_greeting_or_closing_words_elsewhere_are_no_salutation_or_closing():
    # "Dear friend" with no paragraph under it, "I remain" with no name under it: nothing to greet or sign
    text = ("Dear friend\n\nAmos\n\nI remain\n\nat the mill until the harvest is in and the barn is full, for "
            "the men will not work without me.\n")
    cue = [u.cue for u in make_units(text)]
    assert cue[0] != "salutation" and cue[2] != "closing"


def test_a_narrators_sentence_ending_in_faithfully_over_a_name_heading_is_no_valediction():
    # "I remain" or "To thee and thine affectionately" close a letter; "he served the family faithfully" tells of him
    text = ("OUR OLD SERVANTS\n\nTHOMAS WEBB\n\nThe coachman came to my grandfather as a boy of twelve, and drove "
            "three generations of us to church.\n\nFor forty years he served the family faithfully.\n\nMary Prior\n\n"
            "The cook came to us from the vicarage, and would let nobody into her kitchen but the cat.\n")
    cue = {u.text: u.cue for u in make_units(text)}
    assert cue["For forty years he served the family faithfully."] == "prose" and cue["Mary Prior"] != "signature"


def test_a_long_place_before_the_date_over_a_salutation_is_the_date_line_and_a_foot_date_stays_with_its_letter():
    # the place written out at length before a plain-style date, right over the salutation, is the letter's date
    # line; the date written under the signature above it, in lower case, is that letter's, and keeps its signer
    text = ("Dear friend,\n\nThe mill stands idle this week, for the dam broke in the night and all hands are at it "
            "with spades and barrows.\n\nthy loving friend\n\nRuth Mercer\n\n"
            "the 7th day of the 2nd month 1801\n\n"
            "Kent County in the state of Wessex near Dover the 9th of the 5th month 1801\n\nEsteemed friend,\n\n"
            "We are all well and the children grow fast; the smallpox has gone by us this winter.\n\n"
            "thy loving friend\n\nAmos Webb\n")
    docs = segment(_source(text))
    assert [text[d.char_start:d.char_start + 12] for d in docs] == ["Dear friend,", "Kent County "]
    assert [d.date.edtf for d in docs] == ["1801-02-07", "1801-05-09"]
    assert [d.author.name for d in docs] == ["Ruth Mercer", "Amos Webb"]
    # a long line ending in a date that no salutation follows is no date line
    cue = [u.cue for u in make_units("Kent County in the state of Wessex near Dover the 9th of the 5th month "
                                     "1801\n\nWe are all well.\n")]
    assert cue[0] != "dateline"
    # a comma after the plain-style month ("3rd month, 8th 1801") is still the date line's date
    line = make_units("Ashby 3rd month, 8th 1801\n\nDear friend,\n\nWe are all well.\n")[0]
    assert line.cue == "dateline" and parse_date_text(line.text).edtf == "1801-03-08"


def test_a_name_alone_under_a_letters_last_paragraph_keeps_the_address_leaf_under_it():
    # no valediction: the name alone under the last paragraph signs the letter, and the address leaf under the name
    # is that letter's foot, not a heading over the next letter
    text = ("Esteemed friend,\n\nThe mill stands idle this week, for the dam broke in the night and all hands are at "
            "it with spades and barrows, so that I cannot come to thee before the fair.\n\nAmos Webb\n\n"
            "Ruth Mercer\n\nat the Mill\n\nGreen County\n\n"
            "Dover 9th 5th month 1801\n\nDear friend,\n\nWe are all well and the children grow fast; the smallpox "
            "has gone by us this winter.\n\nthy loving friend\n\nRuth Mercer\n")
    docs = segment(_source(text))
    assert [text[d.char_start:d.char_start + 12] for d in docs] == ["Esteemed fri", "Dover 9th 5t"]
    assert text[docs[0].char_start:docs[0].char_end].rstrip().endswith("Green County")
    assert [d.author.name for d in docs] == ["Amos Webb", "Ruth Mercer"]


def test_an_epistles_address_written_as_a_sentence_heads_it_and_its_written_from_line_dates_it():
    # an epistle to a meeting, after another letter: its address written out as a sentence over "Dear Friends," is
    # its first line, and "Written from ... the 2nd of the 3rd month 1801" over the signers' names its date line
    text = ("Dear friend,\n\nThe mill stands idle this week, for the dam broke in the night.\n\nthy loving friend"
            "\n\nRuth Mercer\n\n"
            "To Friends of the Monthly Meeting held at Ashby the 4th of the 1st month 1801 to visit the schools.\n\n"
            "Dear Friends,\n\nWe have visited the schools as you desired and found them in good order, the masters "
            "careful and the children orderly.\n\n"
            "Written from the mill in Dover Township the 2nd of the 3rd month 1801\n\n"
            "Amos Webb\n")
    docs = segment(_source(text))
    assert [text[d.char_start:d.char_start + 15] for d in docs] == ["Dear friend,\n\nT", "To Friends of t"]
    assert docs[1].kind == "letter" and docs[1].date.edtf == "1801-03-02" and docs[1].author.name == "Amos Webb"


def test_a_letter_signed_by_two_names_one_under_the_other_is_the_first_signers():
    text = ("Dover 9th 5th month 1801\n\nDear friend,\n\nWe are all well and the children grow fast; the smallpox has "
            "gone by us this winter, and we subscribe ourselves thy friends.\n\nAmos Webb\n\nMary Webb\n")
    docs = segment(_source(text))
    assert len(docs) == 1 and docs[0].author.name == "Amos Webb"


def test_initials_signing_a_letter_are_the_name_of_the_correspondent_the_collections_title_names():
    text = ("Dear friend,\n\nThe mill stands idle this week, for the dam broke in the night.\n\nthy friend\n\nA. W.\n")
    titled = Source("src-test", "test.txt", "0" * 64, "text/plain", text,
                    meta=(("title", "The Letters of Ruth Mercer and Amos Webb", "sidecar test.txt.meta.toml"),))
    assert segment(titled)[0].author.name == "Amos Webb"
    assert segment(_source(text))[0].author.name.rstrip(".") == "A. W"  # no title: the initials as signed


def test_a_direction_to_the_carrier_on_the_address_leaf_and_a_receivers_note_over_the_next_date_line():
    # the leaf's direction to the carrier, a sentence of the third person, is the letter's foot; the receiver's note
    # of when the next letter came, over its date line, is that letter's first line
    text = ("Dear friend,\n\nThe mill stands idle this week, for the dam broke in the night.\n\nthy loving friend"
            "\n\nRuth Mercer\n\nAmos Webb\n\nnear Dover\n\n"
            "It may be left with the miller at Dover or with the smith, either of whom will send it on to Amos Webb\n\n"
            "Received this 2nd of the 4th month\n\nAshby 3rd month 28th 1801.\n\nDear friend,\n\n"
            "We are all well and the children grow fast.\n\nthy loving friend\n\nRuth Mercer\n")
    docs = segment(_source(text))
    assert [text[d.char_start:d.char_start + 13] for d in docs] == ["Dear friend,\n", "Received this"]
    assert text[docs[0].char_start:docs[0].char_end].rstrip().endswith("to Amos Webb")


def test_a_letter_keeps_a_greeting_in_its_own_words_and_a_postscript_line_and_the_next_has_two_date_lines():
    # inside a letter that began "Dear beloved Cousin," a paragraph opening "Dear Cousin, …" speaks to the same
    # one; a postscript written as one line without its stop stays under the signature; the next letter's date
    # line, with the receiver's note of its arrival under it, is that letter's head, not the first one's foot date
    text = ("Dear beloved Cousin,\n\nThe hay is in at last and the well is dug, so that we shall want for nothing "
            "this summer if the rain holds off a little longer.\n\n"
            "Dear Cousin, I wish not to tire thee with our small affairs, but the mill has stood idle since the dam "
            "broke in the night.\n\nthy loving cousin\n\nRuth Mercer\n\n"
            "My love to thy mother & the children with the rest as if named\n\n"
            "Amos Webb in Kent\n\nKent County Dover Township\n\n"
            "19th 1st month 1802 Ashby\n\nI received this letter 3rd of 3rd month 1802\n\nDear Cousin,\n\n"
            "We are all well and the children grow fast; the smallpox has gone by us this winter.\n\n"
            "thy loving cousin\n\nRuth Mercer\n")
    docs = segment(_source(text))
    assert [text[d.char_start:d.char_start + 14] for d in docs] == ["Dear beloved C", "19th 1st month"]
    assert [d.date.edtf if d.date else None for d in docs] == [None, "1802-01-19"]


def test_a_verse_line_saying_i_under_a_signature_opens_the_poem_not_a_postscript():
    # a line without its stop that says "I" is a postscript only when it stands alone: the first line of a
    # stanza goes on in the next line and opens the poem under the letter
    text = ("Bath, May 3rd 1850.\n\nDear Mary,\n\nI am glad to write to you, and I hope you will come to see us "
            "soon with your little dog.\n\nYour loving friend,\n\nLucy Grant.\n\n"
            "I walk the hill where shadows creep\nAnd hear the river far below\n"
            "The sheep are folded, fast asleep\nAnd over all the stars they glow\n")
    docs = segment(_source(text))
    assert text[docs[0].char_start:docs[0].char_end].rstrip().endswith("Lucy Grant.")
    assert text[docs[1].char_start:].startswith("I walk the hill")


@pytest.mark.parametrize("head, vocative", [
    ("Dear Friend,\n\nRuth Mercer", "Dear Ruth, do not forget"),  # the name on the line under the greeting
    ("Beloved Friend A. B.,", "Dear Friends, I must tell you"),  # a plural greeting, the reader's household
    ("Dear Mother,", "Mother, I hope"),  # one word
])
def test_a_vocative_opening_a_paragraph_inside_a_letter_speaks_to_its_reader(head, vocative):
    text = (f"Ashby 3rd month 6th 1809\n\n{head}\n\nThe hay is in at last and the well is dug, so that we shall want "
            f"for nothing this summer.\n\n{vocative} that thou wilt come to us when the roads are open again.\n\n"
            "thy loving cousin\n\nAnn Crane\n")
    docs = segment(_source(text))
    assert len(docs) == 1 and docs[0].author.name == "Ann Crane"


def test_a_salutation_whose_comma_stands_on_its_own_line_heads_the_letter_under_its_date_line():
    # a diplomatic transcription keeps the comma where the writer set it, on the line under "Dear Mother"
    text = ("Ashby 7th 9th month 1808\n\nDear Mother,\n\nThe hay is in at last and the well is dug.\n\n"
            "thy affectionate son,\n\nAmos Crane\n\n"
            "Ashby 19th 3rd month 1809\n\nDear Mother\n\n,\n\nThy letter reached me on the 13th, and I am glad "
            "to hear that thou art well.\n\nthy affectionate son,\n\nAmos Crane\n")
    units = make_units(text)
    assert [u.cue for u in units[6:8]] == ["salutation", "salutation"]
    docs = segment(_source(text))
    assert [text[d.char_start:d.char_start + 9] for d in docs] == ["Ashby 7th", "Ashby 19t"]
    assert [d.date.edtf if d.date else None for d in docs] == ["1808-09-07", "1809-03-19"]


@pytest.mark.parametrize("closing", [
    "Peace and health be with thee",  # a wish to the reader, no comma
    "thy love,",  # the end of a closing broken over the paragraph above
    "thy sincere well wisher,",  # a well-wisher is a relation a writer signs as
])
def test_a_closing_in_the_writers_own_words_over_a_name_ends_the_letter(closing):
    text = ("Ashby 7th 9th month 1808\n\nDear Mother,\n\nThe hay is in at last and the well is dug, so that we "
            f"shall want for nothing this summer.\n\n{closing}\n\nAmos Crane\n\nJane; Love\n\n"
            "Dover 14th 5th month 1808\n\nDear Mother,\n\nWe came here on the 20th of the 3rd month.\n\n"
            "thy affectionate son,\n\nJohn Crane\n")
    docs = segment(_source(text))
    assert [text[d.char_start:d.char_start + 9] for d in docs] == ["Ashby 7th", "Dover 14t"]
    assert [d.author.name for d in docs] == ["Amos Crane", "John Crane"]


@pytest.mark.parametrize("closing", ["so conclude with love to thee hoping to see thee in the spring",
                                     "I conclude thy friend who wishes thee well in all things.",
                                     "and so I conclude and remain thine and thy wife's Friend"])
def test_a_closing_sentence_opening_on_i_conclude_over_a_name_closes_the_letter(closing):
    units = make_units(f"Dear Friend,\n\nThe hay is in at last and the well is dug.\n\n{closing}\n\nAmos Crane\n")
    assert [u.cue for u in units[2:]] == ["closing", "signature"]


@pytest.mark.parametrize("initials", ["RM", "R M"])
def test_initials_without_their_stops_under_a_closing_sign_the_letter(initials):
    # a diplomatic transcription keeps the writer's initials as written, without stops; the leaf under them follows
    text = (f"Dear Cousin,\n\nThe hay is in at last and the well is dug.\n\nthy cousin\n\n{initials}\n\n"
            "to Amos Webb\n\nin Dover Kent\n\nAshby 12th 3rd month 1798\n\nDear Cousin,\n\nWe are all well.\n\n"
            "thy cousin\n\nRuth Mercer\n")
    assert [u.cue for u in make_units(text)[2:4]] == ["closing", "signature"]
    docs = segment(_source(text))
    assert [text[d.char_start:d.char_start + 9] for d in docs] == ["Dear Cous", "Ashby 12t"]


def test_a_direction_after_the_place_on_a_leaf_line_and_a_small_lettered_postscript_stay_with_the_signed_letter():
    # the leaf's line names the place, then the carrier ("Kent County - to the care of A. Webb, Dover"); the
    # postscript under the name opens in a small letter, as the writer wrote it: the name still signs the letter
    text = ("Ashby 3rd 5th month 1795\n\nDear Friend,\n\nThe hay is in at last and the well is dug.\n\n"
            "thy loving friend\n\nRuth Mercer\n\nmy husband sends his love to thee and thine\n\nAmos Webb\n\n"
            "Kent County Dover Township - to the care of John Pell, Dover\n\nnear the mill\n\n"
            "Dover 1st 12th month 1796\n\nDear Friend,\n\nWe are all well.\n\nthy friend\n\nAnn Crane\n")
    docs = segment(_source(text))
    assert [text[d.char_start:d.char_start + 9] for d in docs] == ["Ashby 3rd", "Dover 1st"]
    assert [d.author.name for d in docs] == ["Ruth Mercer", "Ann Crane"]


def test_a_last_paragraph_ending_in_thy_affectionate_is_signed_by_the_name_under_it():
    units = make_units("Dear Mother,\n\nGive my love to Uncle Amos, and accept the same from "
                       "thy affectionate\n\nMary Crane\n\nAnn Crane\n")
    assert [u.cue for u in units[2:]] == ["signature", "heading"]


def test_a_letter_taken_up_again_under_a_day_without_its_year_stays_one_letter():
    text = ("Dear Cousin,\n\nThe hay is in at last and the well is dug, so that we shall want for nothing this "
            "summer if the rain holds off a little longer.\n\n"
            "9th 2nd month. Not having sent this, I add that the mill is mended and the children are well.\n\n"
            "thy loving cousin\n\nRuth Mercer\n")
    docs = segment(_source(text))
    assert len(docs) == 1 and docs[0].kind == "letter" and docs[0].author.name == "Ruth Mercer"


@pytest.mark.parametrize("line", ["Endeared Mother,", "My Dearly Beloved Aunt,", "Beloved Friend A. B.,"])
def test_an_endeared_or_dearly_beloved_greeting_or_one_naming_initials_is_a_salutation(line):
    # plain-style letters greet "Endeared Mother," or "My Dearly Beloved Aunt,", or name the reader by initials
    units = make_units(f"Ashby 4th month 2nd 1801\n\n{line}\n\nI write to tell thee the hay is in at last.\n")
    assert units[1].cue == "salutation"


def test_a_letter_taken_up_again_under_a_date_of_its_own_year_stays_one_letter():
    # the writer adds to a letter not yet sent, under the day with the year of the letter's own date line
    text = ("Ashby 3rd 7th month 1790\n\nDear Cousin,\n\nThe hay is in at last and the well is dug, so that we shall "
            "want for nothing this summer.\n\nthe 9th month 2nd 1790— I add that no carrier has offered till "
            "now.\n\nthy loving cousin\n\nRuth Mercer\n")
    docs = segment(_source(text))
    assert len(docs) == 1 and docs[0].kind == "letter" and docs[0].author.name == "Ruth Mercer"


@pytest.mark.parametrize("foot", [
    "Sister Jane & husband send their love",  # another's love sent in the third person, no stop
    "Ann and the boys send their love to all at the mill\n\nRuth Mercer\n\nnear Ashby Kent County\n\nHanded by A. Webb",
    "Ruth Mercer\n\nKent near Ashby\n\nto the attention of Amos Webb, Dover",  # the leaf's last line, to the carrier
])
def test_a_letters_foot_sending_love_or_directing_the_carrier_stays_with_it(foot):
    text = ("Ashby 7th 9th month 1808\n\nDear Mother,\n\nThe hay is in at last and the well is dug, so that we "
            f"shall want for nothing this summer.\n\nthy affectionate son,\n\nAmos Crane\n\n{foot}\n\n"
            "Dover 14th 5th month 1808\n\nDear Cousin,\n\nWe came here on the 20th of the 3rd month.\n\n"
            "thy loving cousin,\n\nJohn Crane\n")
    docs = segment(_source(text))
    assert [text[d.char_start:d.char_start + 9] for d in docs] == ["Ashby 7th", "Dover 14t"]


def test_a_short_postscript_in_the_third_person_over_the_next_numbered_letter_is_the_letters_own():
    # now that "Your dutiful and affectionate," closes the letter, the line of news under the name is its postscript
    text = ("Letter X\n\nDear Sir,\n\nThe fair was very fine and we stayed till dark.\n\n"
            "Your dutiful and affectionate,\n\nAnn.\n\n"
            "Poor Miss Webb has lost her new bonnet at the fair, and cried all the way home.\n\n"
            "Letter XI\n\nDear Sir,\n\nWe go home on Monday.\n\nYour dutiful,\n\nAnn.\n")
    docs = segment(_source(text))
    assert [text[d.char_start:d.char_start + 9] for d in docs] == ["Letter X\n", "Letter XI"]


def test_a_name_with_its_comma_under_a_greeting_goes_on_with_the_greeting():
    units = make_units("4th month 2nd day 1801\n\nDear Cousin\n\nA. B.,\n\nThe hay is in at last.\n")
    assert units[2].cue == "salutation"


@pytest.mark.parametrize("line", ["P.S.", "N.B.", "P. S."])
def test_a_postscript_mark_alone_on_its_line_signs_nothing(line):
    units = make_units(f"Yours ever,\n\nAnn Crane\n\n{line}\n\nthe cart is mended.\n")
    assert units[2].cue != "signature"


def test_a_letter_opening_with_a_bare_date_line_and_signed_under_a_valediction_is_a_letter():
    text = ("Monday Evening\n\nMany thanks, my dearest Kitty, for your charming note; you must come on Friday "
            "and bring the drawings with you.\n\nEver yours\nA.B.C.\n\nTo\nMiss Pell\n")
    docs = segment(_source(text))
    assert [d.kind for d in docs] == ["letter"]


def test_an_editors_note_between_two_letters_is_no_postscript():
    text = ("To Mr. Pell\n\nAshby, May 3rd 1888.\n\nDear Mr. Pell.\n\nI am glad to write to you, and I hope you "
            "will come to see us soon with your little dog.\n\nGood-by,\n\nAnn Crane.\n\n"
            "By the next year her sentences are longer, and we see how much she has read in the winter.\n\n"
            "To Miss Dole\n\nAshby, June 2nd 1889.\n\nDear Miss Dole.\n\nI have a new pony and I ride him every "
            "day in the lane with my father.\n\nWith much love,\n\nAnn Crane.\n")
    docs = segment(_source(text))
    starts = [text[d.char_start:d.char_start + 12] for d in docs]
    assert starts == ["To Mr. Pell\n", "By the next ", "To Miss Dole"]


@pytest.mark.parametrize("line", ["Most faithfully & affectionately yours", "Ever most affectionately yours",
                                  "-->Ever your's", "Most affectionately yoursA.B. Crane."])
def test_a_valediction_without_its_stop_is_a_closing(line):
    units = make_units(f"I am tired, and you must forgive this short letter.\n\n{line}\nA. B. Crane.\n")
    assert units[1].cue == "closing"


def test_a_place_and_weekday_under_a_date_line_is_that_date_line():
    units = make_units("11 Feb. 1820\n\nElm Cottage Friday.\n\nMy dear Jane\n\nI write in haste to you.\n")
    assert [u.cue for u in units[:2]] == ["dateline", "dateline"]


def test_a_day_alone_as_a_number_on_its_line_opens_the_next_entry_of_a_diary_only():
    # "4." over a paragraph, under a dated entry, is the next entry's date line (the month of the entry before;
    # an editor's bracket round it changes nothing); the same numbers over the paragraphs of an account number them
    diary = ("Monday, May 3, 1790.\n\nRain all day. Mended the fence by the mill.\n\n4.\n\nAt the market with the "
             "cart.\n\n[6.\n\n] Sowed the barley in the low field.\n\n30.\n\nHeavy frost.\n\n2.\n\nA dry day.\n")
    docs = segment(_source(diary))
    assert [diary[d.char_start:d.char_end].split()[0] for d in docs] == ["Monday,", "4.", "[6.", "30.", "2."]
    assert {d.kind for d in docs} == {"diary"}
    assert [d.date.edtf for d in docs] == ["1790-05-03", "1790-05-04", "1790-05-06", "1790-05-30", "1790-06-02"]
    account = ("The committee met at the inn and heard the following points.\n\n1.\n\nThat the bridge be mended "
               "before the winter.\n\n2.\n\nThat the toll be raised by a penny.\n")
    assert len(segment(_source(account))) == 1


def test_a_diary_in_the_plain_style_dates_its_entries_by_the_numbered_months():
    # "3rd of Fifth Month, 1771." heads an entry like "3rd of May, 1771."; a head without its year takes the year of
    # the entries before, and the days alone under it take its month
    diary = ("3rd of Fifth Month, 1771.\n\nAt our meeting, a solid time.\n\n4.\n\nPlowing the low field.\n\n"
             "1 of the Sixth Month.\n\nRain all day, mending harness.\n\n2.\n\nAt the mill.\n")
    docs = segment(_source(diary))
    assert [diary[d.char_start:d.char_end].split()[0] for d in docs] == ["3rd", "4.", "1", "2."]
    assert [d.date.edtf for d in docs] == ["1771-05-03", "1771-05-04", "1771-06-01", "1771-06-02"]


def test_an_entry_for_several_days_and_a_day_under_a_month_heading_are_dated_in_a_diary():
    # "13 and 14." heads one entry for both days; "5." right under the month heading "June 1771" takes its month
    diary = ("Monday, May 12, 1771.\n\nAt the forge.\n\n13 and 14.\n\nMending the barn roof.\n\n29:30:31.\n\n"
             "Sowing flax.\n\nJune 1771\n\n5.\n\nA wet day at home.\n\n6.\n\nAt the mill.\n")
    docs = segment(_source(diary))
    assert [diary[d.char_start:d.char_end].split()[0] for d in docs] == ["Monday,", "13", "29:30:31.", "June", "6."]
    assert [d.date.edtf for d in docs] == ["1771-05-12", "1771-05-13/1771-05-14", "1771-05-29/1771-05-31",
                                           "1771-06-05", "1771-06-06"]


def test_a_bracketed_day_with_no_text_of_its_own_is_an_entry_of_the_diary():
    # "[6]" (the editor's bracket, the entry's text lost) reads like a heading, but in a diary it is a day like "7."
    diary = "Monday, July 5, 1773.\n\nAt the meeting.\n\n[6]\n\n7.\n\nReaping.\n\n8.\n\nAt home mending the fence.\n"
    docs = segment(_source(diary))
    assert [diary[d.char_start:d.char_end].split()[0] for d in docs] == ["Monday,", "[6]", "7.", "8."]
    assert [d.date.edtf for d in docs] == ["1773-07-05", "1773-07-06", "1773-07-07", "1773-07-08"]
    assert {d.kind for d in docs} == {"diary"}


def test_a_day_alone_under_a_dated_entry_below_a_title_with_its_years_takes_that_entry_s_month():
    # the title's years ("1811 - 1812") stand in the same group as the first entry's date line: the days alone after
    # it follow that date line, not the bare year range above it
    diary = ("Farm book of Amos Reed No. 2, 1811 - 1812\n\nSeptember 1811\n\n3 of the Ninth Month, 1811;\n\n"
             "Mended the cider press and carted apples to the mill before the rain came on.\n\n4\n\n"
             "was wet all day and we stayed in by the fire reading the old journals.\n\n5.\n\n"
             "At meeting, a quiet time.\n")
    docs = segment(_source(diary))
    assert [(diary[d.char_start:d.char_end].split()[0], d.date.edtf if d.date else None) for d in docs] == [
        ("Farm", "1811-09-03"), ("4", "1811-09-04"), ("5.", "1811-09-05")]


def test_the_foot_of_a_letter_is_bounded_by_segment_settings():
    """The postscript and address-leaf thresholds of letter_foot were module constants of segment/cascade.py."""
    from quellen.segment.cascade import group_units
    from quellen.settings import SegmentSettings, Settings
    units = make_units("Bath, 3rd May 1801.\n\nDear Sister,\n\nI write to tell thee that the cart is mended and the "
                       "horse is well again.\n\nThy affectionate brother,\n\nJohn Hale\n\nI forgot to say that the "
                       "kitten is grown.\n\nTo\nMiss Ann Hale\nPlymouth\n")
    assert [g.foot for g in group_units(units)] == [4]  # the postscript and the three lines of the leaf
    assert [g.foot for g in group_units(units, SegmentSettings(foot_address_line_max_words=1))] == [1, 0]
    assert len(group_units(units, SegmentSettings(postscript_max_paragraphs=0))) == 3
    assert Settings().with_overrides(["segment.postscript_max_words=90"]).segment.postscript_max_words == 90


def test_a_short_signed_note_is_bounded_by_segment_settings():
    """The note thresholds were module constants of segment/describe.py (NOTE_MAX_PARAGRAPHS, NOTE_MAX_WORDS)."""
    from quellen.settings import SegmentSettings, Settings
    note = "Will the carrier call at the back door? The front is being painted today.\n\nM. B.\n"
    assert [d.kind for d in segment(_source(note))] == ["letter"]
    tight = Settings().with_overrides(["segment.note_max_words=5"])
    assert tight.segment == SegmentSettings(note_max_words=5)
    assert [d.kind for d in segment(_source(note), tight)] != ["letter"]
    verse = "The rooks are loud above the mill,\nThe leaves are down along the lane.\n\nJ. K.\n"
    assert [d.kind for d in segment(_source(verse))] != ["letter"]
    prose = Settings().with_overrides(["segment.verse_line_max_chars=20"])
    assert [d.kind for d in segment(_source(verse), prose)] == ["letter"]


def test_a_head_with_month_day_and_weekday_but_no_year_finds_its_year_by_the_calendar():
    from quellen.segment.dating import weekday_head, weekday_year
    assert weekday_head("March 3. Friday.") == (3, 3, 4)
    assert weekday_head("Sat. 4 March") == (3, 4, 5)
    assert weekday_head("March 3, 1871. Friday.") is None and weekday_head("March 3.") is None
    # 3 March fell on a Friday in 1865, 1871 and 1882: only 1871 lies within the range given
    heads = [(3, 3, 4), (3, 4, 5), (3, 6, 0), (3, 9, 3)]
    assert weekday_year(heads, range(1868, 1876), 0.9) == 1871
    # two years of the range agree as well: none is chosen
    assert weekday_year(heads, range(1864, 1876), 0.9) is None
    # most heads must agree (a misprinted weekday is allowed for by the share)
    assert weekday_year(heads[:3] + [(3, 9, 1)], range(1868, 1876), 0.75) == 1871
    assert weekday_year(heads[:3] + [(3, 9, 1)], range(1868, 1876), 0.9) is None


def _starts(text: str) -> list[tuple[str, str]]:
    return [(_first_words(text, d.char_start, d.char_end), d.kind) for d in segment(_source(text))]


def test_an_hour_spaced_p_m_with_two_hyphens_is_a_time_head_of_the_day_before():
    # plain texts space the abbreviation and type the dash as two hyphens: "10 p. m.--"
    text = ("2 March 1890.--Calm. The relief boat came in at noon with oil and letters from the mainland.\n\n"
            "3 March 1890.--The lamp smoked all night and I trimmed it twice before the tide turned.\n\n"
            "10 p. m.--The brig is still off the point, and her lights are burning low.\n")
    docs = segment(_source(text))
    assert [d.date.edtf if d.date else None for d in docs] == ["1890-03-02", "1890-03-03", "1890-03-03"]


def test_a_row_of_stars_inside_a_diary_is_its_break_and_no_document():
    # a printed diary sets a row of stars between its entries and between the parts of a day
    text = ("THE KEEPER'S BOOK\n\n"
            "3 March.--The lamp smoked all night and I trimmed it twice before the tide turned.\n\n"
            "       *       *       *       *       *\n\n"
            "4 March.--A brig stood off the point at noon and signalled for a pilot, who never came.\n\n"
            "       *       *       *       *       *\n\n"
            "5 March.--Rain. The oil is low and the boat is late again this week.\n")
    got = _starts(text)
    assert [w for w, _ in got] == ["THE KEEPER'S BOOK", "3 March.--The lamp smoked all night",
                                  "4 March.--A brig stood off the", "5 March.--Rain. The oil is low"]
    assert all(kind != "boilerplate" for _, kind in got)


def test_a_row_of_stars_between_two_texts_of_a_page_stays_furniture():
    text = ("Dear Sir,\n\nI send you the papers you asked for, and hope they serve.\n\nYours truly,\n\nJ. Bell\n\n"
            "* * *\n\n"
            "For a month after the papers were sent nothing changed in the valley.\n")
    got = _starts(text)
    assert ("* * *", "boilerplate") in got


def test_a_book_s_title_page_and_contents_are_furniture_and_the_first_letter_keeps_its_head():
    text = ("THE NORTHERN VOYAGE\n\nor, Letters from the Ice\n\nby A. Writer\n\n\nTO\n\nMY BROTHER\n\n\n"
            "CONTENTS\n\nLetter 1\nLetter 2\nChapter 1\n\n\n\n"
            "An editor's word: these letters are printed as they came, and nothing in them has been changed.\n\n\n\n"
            "Letter 1\n\nTo my sister.\n\nDear Sister,\n\nWe sailed at dawn and the wind is fair for the north.\n\n"
            "Your brother,\n\nJohn\n")
    got = _starts(text)
    assert [w for w, _ in got] == ["THE NORTHERN VOYAGE or, Letters from", "TO MY BROTHER",
                                  "CONTENTS Letter 1 Letter 2 Chapter", "An editor's word: these letters are",
                                  "Letter 1 To my sister. Dear"]
    assert [k for _, k in got][:3] == ["heading"] * 3 and got[4][1] == "letter"


def test_title_lines_set_apart_over_the_first_numbered_letter_are_its_book_s_title():
    text = ("The Northern Voyage,\n\nor Letters from the Ice\n\nby\nA. Writer\n\n\n\n"
            "Letter 1\n\nTo my sister.\n\nDear Sister,\n\nWe sailed at dawn and the wind is fair for the north.\n\n"
            "Your brother,\n\nJohn\n")
    got = _starts(text)
    assert [w for w, _ in got] == ["The Northern Voyage, or Letters from", "Letter 1 To my sister. Dear"]
    assert [k for _, k in got] == ["heading", "letter"]


# -- a diary's weekday after its date is the day, not a place ------------------------------------------------
WEEKDAY_DIARY = ("THE DIARY OF A MILLER'S WIFE\n\n1871.\n\nMarch 30. Thursday.\n\nRain all the morning. The mill "
                 "wheel stood idle and I mended the sacks by the fire.\n\nMarch 31. Friday.\n\nFair and cold. Walked "
                 "to the village with the eggs.\n\nApril 9. Easter Sunday.\n\nTo church twice. A long sermon upon "
                 "patience.\n\nApril 10. Monday. Fenwick.\n\nWent over to my sister's at Fenwick with the cart.\n")


def test_a_weekday_or_feast_after_a_diary_entry_s_date_is_never_its_place():
    docs = [d for d in segment(_source(WEEKDAY_DIARY)) if d.date and d.date.precision == "day"]
    places = {WEEKDAY_DIARY[d.char_start:d.char_end].split(".")[0]: d.place and d.place.name for d in docs}
    assert places == {"March 30": None, "March 31": None, "April 9": None, "April 10": "Fenwick"}, places


# -- a recollection signed with a name and a year on its last line ---------------------------------------------
SIGNED_MEMOIR = ("RECOLLECTIONS OF A COUNTRY CARRIER\n\nI was born in the year 1841 in a cottage at the foot of the "
                 "hill, the third son of a hedger. My father was a quiet man who said little.\n\nWhen I was ten years "
                 "old I went to drive the carrier's cart, and I remember the winter roads very well.\n\nIn those days "
                 "the inns were many, and a carrier knew every landlord by name. I kept the cart forty years.\n\n"
                 "Thomas Alder, 1910.\n")


@pytest.mark.parametrize("foot, author", [("Thomas Alder, 1910.", "Thomas Alder"), ("T. Alder, 1910.", "T. Alder"),
                                          ("London, 1910.", None), ("New York, 1910.", None),
                                          ("Mount Tabor, 1910.", None)])
def test_a_name_and_a_year_alone_at_a_memoir_s_foot_sign_it(foot, author):
    text = SIGNED_MEMOIR.replace("Thomas Alder, 1910.", foot)
    (doc,) = [d for d in segment(_source(text)) if d.kind in ("memoir", "narrative")]
    assert (doc.author and doc.author.name) == author, doc.evidence
    if author:
        assert doc.date is not None and doc.date.edtf == "1910" and doc.author.basis.value == "signed"
