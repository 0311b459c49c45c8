"""eval/tei_gold.py: TEI editions turned into the corpora's plain text and quote-based segment gold."""
from __future__ import annotations

import json

import pytest

from conftest import CORPORA, EVAL, FIXTURES, load_script

LETTERS = FIXTURES / "eval" / "letters.tei.xml"


@pytest.fixture(scope="module")
def tei_gold():
    return load_script(EVAL / "tei_gold.py", "quellen_eval_tei_gold")


@pytest.fixture()
def built(tei_gold, tmp_path):
    gold = tei_gold.build(LETTERS, tmp_path, "letters", {"preface_kind": "commentary", "letters_by": "Anna Brook"})
    return gold, (tmp_path / "letters.txt").read_text(encoding="utf-8"), tmp_path


def test_the_text_is_the_reading_text_one_line_element_per_paragraph(built):
    _, text, _ = built
    paras = text.strip().split("\n\n")
    assert paras[:4] == ["Book One", "The editor says a word about the friends.", "B.C. 50. A year note.",
                         "An introduction by the editor to the year's letters."]
    assert "footnote" not in text and "shd." not in text and "I have your letter and I should answer it." in paras
    # a milestone unit="para" splits the paragraph; opener parts are lines of their own
    assert paras[4:9] == ["I", "TO CLARA (AT HOME)", "LONDON, JULY", "Dear Clara, the weather holds.",
                          "A second paragraph of the first letter."]


def test_units_headings_and_prefaces_become_consecutive_segments(built):
    gold, _, _ = built
    kinds = [(s["kind"], s["first_words"].split()[0]) for s in gold["segments"]]
    assert kinds == [("heading", "Book"), ("narrative", "The"), ("commentary", "B.C."), ("letter", "I"),
                     ("letter", "II"), ("letter", "Peter"), ("diary", "Monday")]
    # the letter copied inside letter II is no segment of its own
    assert [e["kind"] for e in gold["embedded"]] == ["letter"] and "inside_unit" in gold["embedded"][0]


def test_authors_come_from_signature_header_or_the_editions_option(built):
    gold, _, _ = built
    letters = {s["first_words"].split()[0]: s for s in gold["segments"] if s["kind"] == "letter"}
    assert (letters["I"]["author"], letters["I"]["addressees"]) == ("Anna Brook", ["Clara"])
    assert letters["I"]["author_basis"].startswith("edition")
    assert (letters["II"]["author"], letters["II"]["author_basis"]) == ("Clara Hale", "signed")
    assert (letters["Peter"]["author"], letters["Peter"]["addressees"]) == ("Peter Lane", ["Anna Brook"])
    diary = gold["segments"][-1]
    assert diary["author"] is None  # letters_by names a letter's writer only


def test_dates_keep_common_era_years_and_set_aside_years_before_it(tei_gold, built):
    gold, _, _ = built
    letters = [s for s in gold["segments"] if s["kind"] == "letter"]
    assert letters[1]["date_iso"] == "1851-03-04" and letters[1]["date_as_written"] == "Bath, 4 March 1851"
    assert letters[0]["date_iso"] is None and letters[0]["date_as_written"] == "LONDON, JULY"
    assert tei_gold.split_iso("-0061") == (None, "-0061")
    assert tei_gold.split_iso("1849-12") == ("1849-12", None)


def test_an_oracle_made_from_the_gold_scores_perfectly_and_the_sidecar_names_the_header_author(tei_gold, built):
    gold, _, folder = built
    # se_gold's self-test, less its baseline check (a one-document baseline is not near 0 on 7 segments)
    raw, oracle, _, missing, ordered = tei_gold.se_gold.oracle_and_baseline(folder)
    segs = tei_gold.se_gold.score.score(oracle, raw)["segments"]
    assert missing == 0 and ordered and segs["boundaries"]["f1"] == 1.0
    assert (segs["kind_accuracy"], segs["author_accuracy"], segs["date_accuracy"]) == (1.0, 1.0, 1.0)
    assert json.loads((folder / "gold.json").read_text(encoding="utf-8"))["segments"] == gold["segments"]
    assert 'author = "Anna Brook"' in (folder / "letters.txt.meta.toml").read_text(encoding="utf-8")


def test_a_rebuild_keeps_the_hand_written_part_of_the_provenance(tei_gold, built):
    _, _, folder = built
    prov = folder / "PROVENANCE.md"
    prov.write_text(prov.read_text(encoding="utf-8") + "Held-out figures: kept.\n", encoding="utf-8")
    tei_gold.build(LETTERS, folder, "letters", {})
    assert prov.read_text(encoding="utf-8").endswith("Held-out figures: kept.\n")


def test_the_cicero_slice_is_rebuilt_from_its_tei_file_unchanged(tei_gold, tmp_path):
    folder = CORPORA / "cicero-atticus"
    if not (folder / "cicero-atticus.tei.xml").exists():
        pytest.skip("eval/corpora/cicero-atticus is missing")
    gold = tei_gold.build(folder / "cicero-atticus.tei.xml", tmp_path, "cicero-atticus",
                          tei_gold.BOOKS["cicero-atticus"])
    assert gold["segments"] == json.loads((folder / "gold.json").read_text(encoding="utf-8"))["segments"]
    assert (tmp_path / "cicero-atticus.txt").read_text(encoding="utf-8") == \
        (folder / "cicero-atticus.txt").read_text(encoding="utf-8")


DIARY = FIXTURES / "eval" / "diary.tei.xml"


def test_a_diary_entry_is_dated_by_its_own_head_and_written_by_the_editions_diarist(tei_gold, tmp_path):
    gold = tei_gold.build(DIARY, tmp_path, "diary", {"diarist": "Jane Hollis"})
    text = (tmp_path / "diary.txt").read_text(encoding="utf-8")
    assert [s["kind"] for s in gold["segments"]] == ["heading", "diary", "diary", "diary"]
    entries = gold["segments"][1:]
    # the head's date, never the date met in the entry's text ('next Monday', 9 March)
    assert [e["date_iso"] for e in entries] == ["1840-03-02", "1840-03-03", "1840-03-04"]
    assert [e.get("date_as_written") for e in entries] == ["Monday 2", "Tuesday 3", None]  # the last: markup only
    assert {(e["author"], e["author_basis"]) for e in entries} == \
        {("Jane Hollis", "edition (the diarist of the edition)")}
    # a poem inside an entry, signed, stays in the entry and signs nothing; page headers and notes are dropped
    assert "J. H." in text and "March 1840" not in text and "editor's note" not in text
    assert entries[1]["first_words"].startswith("A printed birthday, 1564. Tuesday 3")
    # without the option an entry has no writer
    assert tei_gold.build(DIARY, tmp_path, "diary", {})["segments"][1]["author"] is None


def test_a_group_of_letters_signed_in_their_closers_is_read_in_order_and_the_address_signs_nothing(tei_gold, tmp_path):
    gold = tei_gold.build(FIXTURES / "eval" / "letters_group.tei.xml", tmp_path, "group", {})
    text = (tmp_path / "group.txt").read_text(encoding="utf-8")
    assert text.index("The roses are out") < text.index("The waters do me good")
    got = [(s["kind"], s["author"], s.get("author_basis"), s.get("signature"), s["date_iso"]) for s in gold["segments"]]
    # a closer without <signed>: its persName outside the address signs the letter, and a persName whose @ref is the
    # header author's is that author as the header names her; the addressee in the address is nobody's signature
    assert got == [("letter", "Anna Brook", "closer (persName ref of the header's author)", "A.B.", "1801-03-04"),
                   ("letter", "Edmund Ford", "closer", "Edmund Ford", "1801-05-06")]


def test_a_diary_entry_is_dated_by_a_dateline_standing_in_its_div_without_an_opener(tei_gold, tmp_path):
    gold = tei_gold.build(FIXTURES / "eval" / "diary_datelines.tei.xml", tmp_path, "farm", {"diarist": "Amos Reed"})
    text = (tmp_path / "farm.txt").read_text(encoding="utf-8")
    got = [(s["kind"], s["date_iso"], s.get("date_as_written")) for s in gold["segments"]]
    assert got == [("diary", "1811-09-03", "3 of the Ninth Month, 1811."), ("diary", "1811-09-04", "4."),
                   ("diary", None, None)]
    assert text.split("\n\n")[:3] == ["September 1811", "3 of the Ninth Month, 1811.",
                                      "Mended the cider press and carted apples."]
def test_an_entry_for_several_days_is_dated_by_the_whole_span(tei_gold, tmp_path):
    gold = tei_gold.build(FIXTURES / "eval" / "diary_span.tei.xml", tmp_path, "span", {"diarist": "Amos Reed"})
    got = [(s["date_iso"], s.get("date_end"), s.get("date_as_written")) for s in gold["segments"]]
    # a date from/to gives the first day and the last; a span of one day (or a single @when) has no end
    assert got == [("1801-04-12", None, "12 of the Fourth Month, 1801."), ("1801-04-13", "1801-04-14", "13 and 14."),
                   ("1801-04-15", None, "15.")]
    assert "date_end" in gold["conventions"]["dates"]


def test_a_dateline_carrying_its_own_when_dates_the_entry_when_no_date_inside_it_does(tei_gold, tmp_path):
    gold = tei_gold.build(FIXTURES / "eval" / "diary_dateline_when.tei.xml", tmp_path, "ride", {"diarist": "Ruth Hale"})
    got = [(s["date_iso"], s.get("date_as_written")) for s in gold["segments"]]
    # the line's own @when serves where no <date> inside it has a value; a dated <date> inside it comes first
    assert got == [("1805-06-03", "2nd day."), ("1805-06-04", "3rd day"), ("1805-06-05", "4th day"),
                   ("1805-06-06", "5th day")]


def test_text_standing_in_an_entry_without_paragraphs_is_kept_whole_across_a_page_break(tei_gold, tmp_path):
    gold = tei_gold.build(FIXTURES / "eval" / "diary_bare_text.tei.xml", tmp_path, "ride", {"diarist": "Ruth Hale"})
    text = (tmp_path / "ride.txt").read_text(encoding="utf-8")
    # an entry's text with no <p> around it is the entry's, the first words too, and a <pb/> breaks no line
    assert text.split("\n\n") == ["2nd day.", "Rode to the ford and waited for the boat until noon.",
                                  "Next day rain all the forenoon.", "Crossed the ridge before dark.\n"]
    assert [(s["first_words"].split()[0], s["date_iso"]) for s in gold["segments"]] == [
        ("2nd", "1805-06-03"), ("Next", None), ("Crossed", None)]


def test_a_text_creation_partnership_file_is_read_as_the_tei_it_maps_to(tei_gold, tmp_path):
    gold = tei_gold.build(FIXTURES / "eval" / "letters.tcp.xml", tmp_path, "tcp", {})
    text = (tmp_path / "tcp.txt").read_text(encoding="utf-8")
    # the catalogue record and the revision notes are no text; the line-break mark and the footnote are dropped
    assert text.startswith("THE PARSONAGE.\n\nLONDON: PRINTED FOR THE AUTHOR.\n\nTHE PARSONAGE.\n\nLETTER I.")
    assert "company duller" in text and "\u2223" not in text and "foot" not in text and "Proofed" not in text
    got = [(s["kind"], s["author"], s.get("author_basis")) for s in gold["segments"]]
    assert got == [("narrative", None, None), ("heading", None, None),
                   # 'LETTER I.' before the header is a label, not the writer's name
                   ("letter", "Amelia Vane", "header"),
                   # initials alone yield to the header's writer
                   ("letter", "The Dean", "header"),
                   # a signature that is all valediction names nobody: the header's writer
                   ("letter", "Harriet Cole", "header"),
                   ("letter", "THOMAS VANE", "signed")]
    # the letter the Dean quotes (TCP's <LETTER>) stays inside his letter
    assert [(e["kind"], e["inside_unit"]) for e in gold["embedded"]] == [("letter", 1)]  # the second unit
    assert gold["segments"][2]["addressees"] == ["Harriet Cole"] and gold["segments"][2]["dateline"] == "Bath."


def test_a_text_creation_partnership_date_takes_the_value_of_its_own_words(tei_gold, tmp_path):
    tcp = tmp_path / "dated.tcp.xml"
    tcp.write_text(
        '<ETS><TEMPHEAD><REVDESCR><CHANGE><DATE>2001-01-01</DATE></CHANGE></REVDESCR></TEMPHEAD><EEBO>'
        '<TEXT LANG="eng"><BODY>'
        '<DIV1 N="1" TYPE="letter"><HEAD>LETTER I. The ferry.</HEAD>'
        '<OPENER><DATELINE>Dover, <DATE>Sept. 1780.</DATE></DATELINE></OPENER><P>We crossed at last.</P></DIV1>'
        '<DIV1 N="2" TYPE="letter"><HEAD>LETTER II. Calais.</HEAD>'
        '<OPENER><DATELINE>Calais, <DATE>3d of October, 1780.</DATE></DATELINE></OPENER><P>Rain.</P></DIV1>'
        '<DIV1 N="3" TYPE="letter"><HEAD>LETTER III. The road.</HEAD>'
        '<OPENER><DATELINE><DATE>Tuesday.</DATE></DATELINE></OPENER><P>Mud.</P></DIV1>'
        '<DIV1 N="4" TYPE="letter"><HEAD>LETTER IV. Paris.</HEAD>'
        '<OPENER><DATELINE>Paris.</DATELINE></OPENER><P>Arrived.</P></DIV1>'
        '</BODY></TEXT></EEBO></ETS>', encoding="utf-8")
    gold = tei_gold.build(tcp, tmp_path, "dated", {})
    # a month and a year in the dateline's <DATE> are its value; a weekday alone or a place alone is no date
    assert [(s["date_iso"], s.get("date_as_written")) for s in gold["segments"]] == [
        ("1780-09", "Dover, Sept. 1780."), ("1780-10-03", "Calais, 3d of October, 1780."), (None, "Tuesday."),
        (None, "Paris.")]
    assert [tei_gold.tcp_date_value(t) for t in ("June 3, 1772", "May 1772", "Mayor 1772", "1772")] == [
        "1772-06-03", "1772-05", None, None]


def test_an_abbreviation_the_page_prints_is_kept_and_a_choice_keeps_its_expansion(tei_gold, tmp_path):
    tcp = tmp_path / "abbr.tcp.xml"
    tcp.write_text(
        '<ETS><EEBO><TEXT LANG="eng"><BODY>'
        '<DIV1 TYPE="letter"><HEAD>Captain <HI>HALE</HI> to <HI>JOHN PYM,</HI> <ABBR>Esq</ABBR></HEAD>'
        '<P>The <CHOICE><ABBR>Dr</ABBR><EXPAN>Doctor</EXPAN></CHOICE> came.</P></DIV1>'
        '</BODY></TEXT></EEBO></ETS>', encoding="utf-8")
    tei_gold.build(tcp, tmp_path, "abbr", {})
    text = (tmp_path / "abbr.txt").read_text(encoding="utf-8")
    assert text.startswith("Captain HALE to JOHN PYM, Esq\n") and "The Doctor came." in text


def test_an_edition_of_single_letters_makes_each_text_one_letter_with_its_address_leaf(tei_gold, tmp_path):
    fixture = FIXTURES / "eval" / "letters_per_file.tei.xml"
    fix = {"match": "10th 9th month 1800", "set": {"date_iso": "1800-09-10"}, "why": "the printed year"}
    gold = tei_gold.build(fixture, tmp_path, "files", {"letter_per_text": True, "overrides": [fix]})
    text = (tmp_path / "files.txt").read_text(encoding="utf-8")
    segs = gold["segments"]
    # one letter per <text>, whether its letter is a typed div, an untyped div or no div; the address leaf after the
    # div is the letter's, not a narrative of its own
    assert [s["kind"] for s in segs] == ["letter", "letter", "letter"]
    assert [s["first_words"].split()[0] for s in segs] == ["2nd", "Dear", "10th"]
    assert text.index("by favor of the carrier") < text.index("The mill stands idle")
    # a signature whose persName key is the header author's is that author as the header names her
    got = [(s["author"], s.get("author_basis"), s.get("signature"), s["date_iso"]) for s in segs]
    assert got == [("Ruth Mercer", "signed (persName key of the header's author)", "R.M.", "1799-06-02"),
                   ("Jonas Webb", "signed", "Jonas Webb", None),
                   ("Ruth Mercer", "signed", "Ruth Mercer", "1800-09-10")]
    # an override is recorded with its reason; without the option the address leaf stands apart as narrative
    assert segs[2]["override"] == "the printed year"
    plain = tei_gold.build(fixture, tmp_path, "files", {})
    assert [s["kind"] for s in plain["segments"]][:2] == ["letter", "narrative"]


def test_an_old_style_tcp_edition_gets_gregorian_days_and_its_subscriptions_name_the_writer(tei_gold, tmp_path):
    tcp = tmp_path / "old.tcp.xml"
    tcp.write_text(
        '<ETS><EEBO><TEXT LANG="eng"><BODY>'
        '<DIV1 N="1" TYPE="letter"><HEAD>LETTER I. J. MARLOWE, Esq. to Mr. P\u2014.</HEAD>'
        '<OPENER><DATELINE>Wickham, <DATE>Oct. 2, 1741.</DATE></DATELINE></OPENER><P>Books came.</P>'
        '<CLOSER><SIGNED>Obedient, humble Servant, J. M.</SIGNED></CLOSER></DIV1>'
        '<DIV1 N="2" TYPE="letter"><HEAD>LETTER II. Miss P\u2014 to J. MARLOWE, Esq.</HEAD>'
        '<OPENER><DATELINE><DATE>Feb. 9, 1741-2.</DATE></DATELINE></OPENER><P>Snow.</P>'
        '<CLOSER><SIGNED>Your humble Servant, (in haste) A. P\u2014.</SIGNED></CLOSER></DIV1>'
        '<DIV1 N="3" TYPE="letter"><HEAD>LETTER III. Lady DALE to Mrs. HOPE.</HEAD>'
        '<OPENER><DATELINE><DATE>May 1, 1760.</DATE></DATELINE></OPENER><P>Rain.</P>'
        '<CLOSER><SIGNED>Your very affectionate, and obedient humble Servant, M. DALE.</SIGNED></CLOSER></DIV1>'
        '</BODY></TEXT></EEBO></ETS>', encoding="utf-8")
    gold = tei_gold.build(tcp, tmp_path, "old", {"tcp_calendar": "julian"})
    # an English date before September 1752 is Julian: the Gregorian day, as a TEI date value is; a double year
    # of January to March is the second year; a date after the reform stands as printed
    assert [s["date_iso"] for s in gold["segments"]] == ["1741-10-13", "1742-02-20", "1760-05-01"]
    # the name after the subscription's 'Servant,' signs; initials, or a name the editor blanked ('A. P\u2014'),
    # yield to the head's writer, without the 'Esq.' after it
    assert [(s["author"], s["author_basis"]) for s in gold["segments"]] == [
        ("J. Marlowe", "header"), ("Miss P\u2014", "header"), ("M. DALE", "signed")]
    assert tei_gold.tcp_date_value("Jan. 21, 1745-6.") == "1746-01-21"
    assert tei_gold.tcp_date_value("May 2, 1745-6.") is None  # a double year outside January to March: no date


def test_name_markup_gives_one_entity_per_key_with_the_forms_it_wraps(tei_gold, tmp_path):
    tei = tmp_path / "names.xml"
    tei.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
        '<div type="letter"><opener><salute>Dear <persName key="k1">Ruth</persName>,</salute></opener>'
        '<p>Thy <rs key="k2">dear husband</rs> <persName key="k2">Amos Webb</persName> went to '
        '<placeName ref="#vale">Kelby Vale</placeName> with <persName key="k2">A. Webb</persName>\u2019s horse and '
        '<persName key="k3">my wife</persName>; <persName key="k4x">Jonas Pell</persName> and '
        '<persName key="">Jonas Pell</persName> came. <del><persName key="k5">Silas</persName></del>'
        '<orgName key="m1">the Vale Meeting</orgName> sat.</p>'
        '<closer><signed><persName key="k1">R. M.</persName></signed></closer></div>'
        '</body></text></TEI>', encoding="utf-8")
    cfg = {"entity_authority": "ark:/1/", "same_key": {"k4x": "k4"}, "place_coordinates": {"vale": [50.5, -1.25]}}
    gold = tei_gold.build(tei, tmp_path, "names", cfg)
    got = {e["canonical"]: e for e in gold["entities"]}
    # one entity per key, its forms verbatim (a possessive left out, initials kept with their stops)
    assert got["Amos Webb"]["aliases"] == ["A. Webb", "Amos Webb"] and got["Amos Webb"]["type"] == "person"
    assert got["Amos Webb"]["descriptors"] == ["dear husband"] and got["Amos Webb"]["authority"] == "ark:/1/k2"
    assert sorted(got["Ruth"]["aliases"]) == ["R. M.", "Ruth"]
    # a keyless name joins the keyed entity with its form; a key's slip is read as the key meant
    assert got["Jonas Pell"]["key"] == "k4" and got["Jonas Pell"]["mentions_marked"] == 2
    # a place takes coordinates from the edition's authority only; an organization is typed as one
    assert (got["Kelby Vale"]["type"], got["Kelby Vale"]["lat"], got["Kelby Vale"]["lon"]) == ("place", 50.5, -1.25)
    assert got["the Vale Meeting"]["type"] == "organization"
    # a persName of kinship words alone is no name; a deleted name is not read
    assert "my wife" not in got and "Silas" not in got
    assert gold["entities_left_out"] == {"descriptor (no name)": 1}


def test_referring_words_and_pets_in_name_markup_are_no_names_and_places_take_their_extent(tei_gold, tmp_path):
    # invented: an editor wraps 'home', 'Town', 'Papa' and a pet's name as names
    tei = tmp_path / "refs.xml"
    tei.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="entry"><p>'
        'Stayed <placeName ref="#hall">home</placeName>; <persName ref="#dad">Papa</persName> rode to '
        '<placeName ref="#city">Town</placeName>, then to <placeName ref="#city">Lindenport</placeName> and through '
        '<placeName ref="#shire">Wexshire</placeName>. Walked in <placeName ref="#lane">my lane</placeName> with '
        '<persName ref="#Rover_pet">Rover</persName>. Read <title ref="#book">Old Tales</title>. '
        '<persName ref="#dad">Mr. Hale</persName> dined at <placeName ref="#hall">Hale Hall</placeName>.</p>'
        '</div></body></text></TEI>', encoding="utf-8")
    cfg = {"animal_keys": "pet$", "place_coordinates": {"city": [51.0, -1.0], "shire": [51.2, -1.4]},
           "place_radius_km": {"shire": 40}}
    gold = tei_gold.build(tei, tmp_path, "refs", cfg)
    got = {e["canonical"]: e for e in gold["entities"]}
    assert got["Hale Hall"]["aliases"] == ["Hale Hall"] and got["Hale Hall"]["descriptors"] == ["home"]
    assert got["Lindenport"]["descriptors"] == ["Town"] and got["Mr. Hale"]["descriptors"] == ["Papa"]
    assert "my lane" not in got and "Rover" not in got and got["Old Tales"]["type"] == "work"
    assert got["Wexshire"]["radius_km"] == 40 and "radius_km" not in got["Lindenport"]
    assert gold["entities_left_out"] == {"descriptor (no name)": 4, "animal (the edition's key)": 1}
