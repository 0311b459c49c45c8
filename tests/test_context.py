"""Years, authors and calendars from context: hand-written texts, file metadata and sidecars."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from quellen.errors import FormatMismatch, SettingsError
from quellen.extract.calendars import language_country, reckon
from quellen.extract.dates import parse_date
from quellen.ingest import read_source
from quellen.model import DateBasis, Source
from quellen.segment import segment, source_context
from quellen.segment.context import model_language
from quellen.segment.describe import header_author, series_author
from quellen.settings import Settings, load_settings

from conftest import make_epub

D = dt.date
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _source(text: str, meta=()) -> Source:
    return Source("src-test", "test.txt", "0" * 64, "text/plain", text, meta=tuple(meta))


def _dated(docs):
    return [d for d in docs if d.date is not None and d.kind not in ("heading",)]


#: an entry's body: long enough to read as an entry of its own
BODY = ("Walked to the mill in the morning, and found the river high over the lower meadow. I came home by the "
        "lane and wrote letters until dark.")


# -- years from context -----------------------------------------------------------------------------
def test_a_yearless_diary_rolls_over_from_december_to_january():
    text = ("THE DIARY OF ANN PELL\n\n1811\n\nNovember 30\n\n" + BODY + "\n\nDecember 24\n\n" + BODY +
            "\n\nJanuary 2\n\n" + BODY + "\n\nFebruary 9\n\n" + BODY + "\n")
    entries = [d for d in segment(_source(text)) if d.date is not None and d.date.precision == "day"]
    assert [d.date.edtf for d in entries] == ["1811-11-30", "1811-12-24", "1812-01-02", "1812-02-09"]
    january = entries[2]
    assert january.date.basis is DateBasis.YEAR_FROM_CONTEXT
    assert "rolled over into the next year" in january.date.rule
    assert entries[0].date.basis is DateBasis.YEAR_FROM_CONTEXT and "heading above" in entries[0].date.rule


def test_a_year_line_gives_way_to_the_entry_under_it_and_a_later_year_resets_the_year():
    text = ("1811\n\nMarch 3\n\n" + BODY + "\n\nSeptember 9\n\n" + BODY + "\n\n1813\n\nMarch 4\n\n" + BODY + "\n")
    docs = segment(_source(text))
    assert [d.date.edtf for d in docs if d.date and d.date.precision == "day"] == [
        "1811-03-03", "1811-09-09", "1813-03-04"]


def test_a_yearless_diary_without_any_year_takes_the_year_of_its_metadata():
    text = "May 3\n\n" + BODY + "\n\nMay 4\n\n" + BODY + "\n"
    assert all(d.date is None for d in segment(_source(text)))
    meta = [("year", "1790", "sidecar log.txt.meta.toml")]
    docs = [d for d in segment(_source(text, meta)) if d.date]
    assert [d.date.edtf for d in docs] == ["1790-05-03", "1790-05-04"]
    assert all(d.date.basis is DateBasis.YEAR_FROM_CONTEXT for d in docs)
    assert "file's metadata (sidecar" in docs[0].date.rule and "entry before" in docs[1].date.rule


def test_a_year_first_entry_head_is_read_whole():
    text = "1812.—March 3. " + BODY + "\n\nMarch 4th.—" + BODY + "\n"
    docs = _dated(segment(_source(text)))
    assert [d.date.edtf for d in docs][:2] == ["1812-03-03", "1812-03-04"]


#: a novel's letters and journal: the preface states a year, the letters print theirs elided
ELIDED_LETTERS = ("PREFACE\n\nThese papers came into my hands in September, 1821, from a friend.\n\n"
                  "LETTER I.\n\nBath, Aug. 4, 17—.\n\nDear Sister,\n\n" + BODY + "\n\nYour affectionate brother,"
                  "\nR. Quill\n\nLETTER II.\n\nthe 5th of May, 18—.\n\nDear Sister,\n\n" + BODY +
                  "\n\nYour affectionate brother,\nR. Quill\n\nJOURNAL.\n\nJune 3d, 18—.\n\n" + BODY +
                  "\n\nJune 9th.\n\n" + BODY + "\n")


def test_an_elided_year_dates_a_letter_as_printed_and_the_yearless_entries_after_it():
    docs = _dated(segment(_source(ELIDED_LETTERS)))
    assert [(d.date.as_written, d.date.precision, d.date.basis.value) for d in docs] == [
        ("17XX-08-04", "century", "stated"), ("18XX-05-05", "century", "stated"),
        ("18XX-06-03", "century", "stated"), ("18XX-06-09", "century", "year_from_context")]
    first = docs[0]
    assert first.kind == "letter" and first.date.text == "Aug. 4, 17—" and first.place.name == "Bath"
    # never the year of the preface: before, every one of them was read in its 1821
    assert "elided year of the entry before" in docs[-1].date.rule
    assert all(d.date.edtf.startswith(("17XX", "18XX")) for d in docs)


# -- calendars -------------------------------------------------------------------------------------
ENGLISH_DIARY_1702 = ("The Diary of Ann Pell, kept at York\n\nYork, 12 March 1702.\n\n"
                      "Went to the minster in the morning; a cold wind off the moor.\n\n"
                      "York, 14 March 1702.\n\nMy cousin rode in from Leeds with letters.\n")


def test_an_english_diary_of_1702_is_julian():
    entries = _dated(segment(_source(ENGLISH_DIARY_1702)))
    first = entries[0]
    assert first.date.calendar == "julian" and first.date.as_written == "1702-03-12"
    # Julian 12 March 1702 is Gregorian 23 March: one day, not an interval over both calendars
    assert first.date.earliest == first.date.latest == D(1702, 3, 23)
    assert "calendar reckoned" in first.date.rule and first.date.basis is DateBasis.STATED
    assert any("calendar julian" in e for e in first.evidence)


#: an English diary of 1702 that names no place at all
PLACELESS_DIARY_1702 = ("The Diary of Ann Pell\n\n12 March 1702.\n\nWent to church in the morning; a cold wind "
                        "off the hill.\n\n14 March 1702.\n\nMy cousin rode in with letters.\n")


def test_an_english_diary_of_1702_that_names_no_place_is_julian_by_its_language():
    # before, its dates were calendar "unknown": an interval over both calendars
    entries = _dated(segment(_source(PLACELESS_DIARY_1702), Settings()))
    assert [(d.date.calendar, d.date.as_written, d.date.earliest) for d in entries] == [
        ("julian", "1702-03-12", D(1702, 3, 23)), ("julian", "1702-03-14", D(1702, 3, 25))]
    first = entries[0]
    assert first.date.earliest == first.date.latest
    # the calendar is inferred, and says so and from what: the language of the spaCy model
    assert "the language en (spaCy model en_core_web_sm), inferred" in first.date.rule
    assert any("calendar julian" in e and "language en" in e for e in first.evidence)
    # the sidecar can name the language as well
    side = _dated(segment(_source(PLACELESS_DIARY_1702, [("language", "en", "sidecar d.txt.meta.toml")])))
    assert side[0].date.calendar == "julian" and "sidecar d.txt.meta.toml" in side[0].date.rule


def test_a_french_letter_of_1702_is_gregorian_by_its_language():
    # the tagger reads English month names only: the date line is an editor's, the letter French
    text = "3 March 1702.\n\nMon cher frère,\n\nLa glace est rompue sur la rivière.\n\nVotre sœur,\nAnne Pell\n"
    letters = _dated(segment(_source(text), Settings().with_overrides(["context.language=fr"])))
    assert letters and all(d.date.calendar == "gregorian" for d in letters)
    english = _dated(segment(_source(PLACELESS_DIARY_1702), Settings().with_overrides(["context.language=fr"])))
    assert english[0].date.calendar == "gregorian" and english[0].date.earliest == D(1702, 3, 12)


def test_a_place_named_beats_the_language_and_a_setting_beats_both():
    text = "Lille, 3 March 1702.\n\nDear brother,\n\nThe ice is breaking.\n\nYour loving sister,\nAnn Pell\n"
    letter = _dated(segment(_source(text), Settings()))[0]
    assert letter.place.name == "Lille" and letter.date.calendar == "gregorian"
    assert letter.date.earliest == D(1702, 3, 3) and "language" not in letter.date.rule
    by_country = _dated(segment(_source(PLACELESS_DIARY_1702), Settings().with_overrides(["context.country=FR"])))
    assert by_country[0].date.calendar == "gregorian"
    forced = _dated(segment(_source(PLACELESS_DIARY_1702), Settings().with_overrides(["dates.calendar=gregorian"])))
    assert forced[0].date.calendar == "gregorian" and "dates.calendar=gregorian" in forced[0].date.rule


def test_the_language_comes_from_the_sidecar_the_setting_or_the_spacy_model():
    assert model_language("en_core_web_sm") == ("en", "spaCy model en_core_web_sm")
    assert model_language("fr_core_news_md")[0] == "fr"
    assert model_language("xx_ent_wiki_sm") is None and model_language("/models/mine") is None
    assert language_country("en") == "GB" and language_country("ru") == "RU" and language_country("zz") is None
    plain = _source("x")
    assert source_context(plain, Settings()).language == ("en", "spaCy model en_core_web_sm")
    assert source_context(plain, Settings().with_overrides(["context.language=de"])).language == (
        "de", "setting context.language")
    with pytest.raises(SettingsError):
        Settings().with_overrides(["context.language=English"])


def test_a_russian_letter_of_1905_is_old_style():
    text = ("Tver, 3 March 1905.\n\nDear brother,\n\nThe ice is breaking on the Volga and the mills are idle."
            "\n\nYour loving sister,\nTamsin Quill\n")
    letter = _dated(segment(_source(text)))[0]
    assert letter.kind == "letter" and letter.place.name == "Tver"
    assert letter.date.calendar == "julian" and letter.date.as_written == "1905-03-03"
    assert letter.date.earliest == letter.date.latest == D(1905, 3, 16)


def test_a_dual_date_is_one_day_whatever_the_place_or_setting():
    text = "Ludlow, 11/22 March 1712/13.\n\nSir,\n\nThe goods are come.\n\nYour servant,\nT. Quill\n"
    for settings in (None, Settings().with_overrides(["dates.calendar=gregorian"])):
        letter = _dated(segment(_source(text), settings))[0]
        assert letter.date.earliest == letter.date.latest == D(1713, 3, 22)
        assert letter.date.calendar == "julian" and letter.date.as_written == "1713-03-11"


def test_a_setting_or_a_sidecar_overrides_the_inferred_calendar():
    forced = _dated(segment(_source(ENGLISH_DIARY_1702), Settings().with_overrides(["dates.calendar=gregorian"])))
    assert forced[0].date.calendar == "gregorian" and forced[0].date.earliest == D(1702, 3, 12)
    assert "dates.calendar=gregorian" in forced[0].date.rule
    # a letter that names no place: the file's sidecar says how its dates are reckoned
    text = "3 March 1905.\n\nDear brother,\n\nThe ice is breaking.\n\nYour loving sister,\nTamsin Quill\n"
    assert _dated(segment(_source(text)))[0].date.calendar == "gregorian"
    side = _dated(segment(_source(text, [("calendar", "julian", "sidecar x.txt.meta.toml")])))[0]
    assert side.date.calendar == "julian" and side.date.earliest == D(1905, 3, 16)
    by_country = _dated(segment(_source(text), Settings().with_overrides(["context.country=RU"])))[0]
    assert by_country.date.calendar == "julian"


def test_a_date_before_lady_day_in_a_british_source_before_1752_notes_the_old_style_year():
    first, second = _dated(segment(_source(ENGLISH_DIARY_1702)))[:2]
    # the value stays as written: only the rule says the year may be the old style's (1702/3)
    assert first.date.as_written == "1702-03-12" and first.date.earliest == D(1702, 3, 23)
    assert "the year may be old style" in first.date.rule and "1702/3, 1703 in modern reckoning" in first.date.rule
    assert "old style" in second.date.rule
    # not from Lady Day on, not after 1751, not where the year began on 1 January, not with a dual year
    assert "old style" not in reckon(parse_date("25 March 1702"), "GB").rule
    assert "old style" not in reckon(parse_date("12 March 1752"), "GB").rule
    assert "old style" not in reckon(parse_date("12 March 1702"), "RU").rule
    assert "old style" not in reckon(parse_date("11/22 March 1712/13"), "GB").rule
    assert "1709/10" in reckon(parse_date("February 1709"), "IE", why="place Dublin").rule


def test_reckon_leaves_stated_calendars_and_unknown_countries_alone():
    dual = parse_date("11/22 March 1712/13")
    assert reckon(dual, "FR") is dual
    plain = parse_date("12 March 1702")
    assert reckon(plain, None) is plain and plain.calendar == "unknown"
    gregorian = reckon(plain, "FR", why="place Lille")
    assert gregorian.calendar == "gregorian" and gregorian.earliest == gregorian.latest == D(1702, 3, 12)
    month = reckon(parse_date("March 1905"), "RU")
    assert (month.earliest, month.latest, month.as_written) == (D(1905, 3, 14), D(1905, 4, 13), "1905-03")


# -- authors ---------------------------------------------------------------------------------------
def test_a_series_heading_names_the_writer_of_its_entries_until_the_next_series():
    text = ("Ann Pell's Journal.\n\n3 May.—" + BODY + "\n\n4 May.—" + BODY + "\n\nDr. Ord's Diary.\n\n5 May.—"
            + BODY + "\n\nPart II\n\n6 May.—" + BODY + "\n")
    entries = [d for d in segment(_source(text)) if d.kind == "diary"]
    assert [(d.author.name if d.author else None) for d in entries] == ["Ann Pell", "Ann Pell", "Dr. Ord", None]
    assert all(any(e.startswith("author: inferred from the series heading") for e in d.evidence)
               for d in entries[:3])


def test_narrative_heading_forms_name_the_narrator():
    assert series_author("First Narrative. Contributed by Miss Tamsin Quill; niece of the late Sir T. Orme") \
        == "Miss Tamsin Quill"
    assert series_author("The events related by Hoxne Beadle, steward in the service of the family") == "Hoxne Beadle"
    assert series_author("Extracts from the Journal of Ann Pell") == "Ann Pell"
    assert series_author("The Statement of the Mate (1812)") is None  # a description, not a name
    assert series_author("The Statement of the Beadle's Boy") is None
    assert series_author("Pell, in Continuation") == "Pell"
    # a name ending in s may take the apostrophe alone
    assert series_author("From Hollis’ Diary") == "Hollis"
    assert series_author("Extracts from Tom Fellowes' Journal") == "Tom Fellowes"
    assert series_author("The Brothers’ Diary") is None  # a description, not a name


def test_a_letters_own_header_names_its_writer():
    assert header_author("Letter, Ann Pell to Tamsin Quill.", "narrative") == "Ann Pell"
    assert header_author("Telegram, May 4th. Hoxne Beadle, Ludlow, to Dr. Ord.", None) == "Hoxne Beadle"
    assert header_author("Lady Orme to the Rev. Mr. Quill", "letter") == "Lady Orme"
    assert header_author("Lady Orme to the Rev. Mr. Quill", "diary") is None  # no noun: only above a letter
    assert header_author("Went to Ludlow to see the fair", "letter") is None
    assert header_author("Memorandum left by Ann Pell.", "statement") == "Ann Pell"


def test_a_header_opening_with_a_titled_writer_names_the_writer():
    # "The <title> <name> to ...": the article no longer hides the writer (8 of 20 held-out letters)
    assert header_author("The Countess de Orme to the Baron Quill, at the Castle of ⸻", "letter") == "Countess de Orme"
    assert header_author("The Chevalier Ashby, to Ann Pell", "letter") == "Chevalier Ashby"
    assert header_author("The Mate to the Rev. Mr. Quill", "letter") is None  # a description, not a name


def test_the_file_metadata_signs_unsigned_entries_as_inferred():
    text = "3 May 1790.—Fair wind. Made twenty leagues.\n\n4 May 1790.—Calm. Caught a shark.\n"
    docs = [d for d in segment(_source(text, [("author", "Ann Pell", "EPUB dc:creator")])) if d.date]
    assert [d.author.name for d in docs] == ["Ann Pell", "Ann Pell"]
    assert all("author: inferred from the file's metadata (EPUB dc:creator)" in d.evidence for d in docs)
    # --set context.author does the same for plain text
    docs = [d for d in segment(_source(text), Settings().with_overrides(["context.author=Ann Pell"])) if d.date]
    assert "author: inferred from the file's metadata (setting context.author)" in docs[0].evidence


def test_an_epub_creator_is_the_author_of_its_unsigned_diary(tmp_path):
    path = tmp_path / "log.epub"
    path.write_bytes(make_epub([("log.xhtml", f"<h1>The Log</h1><p>1790</p><p>May 3</p><p>{BODY}</p><p>May 4</p>"
                                             f"<p>{BODY}</p>")], nav=False,
                                metadata="<dc:creator>Hoxne Beadle</dc:creator>"))
    source = read_source(path)
    assert source.meta_value("author") == ("Hoxne Beadle", "EPUB dc:creator")
    entries = [d for d in segment(source) if d.date is not None and d.date.precision == "day"]
    assert [d.date.edtf for d in entries] == ["1790-05-03", "1790-05-04"]
    assert all(d.author.name == "Hoxne Beadle" and any("inferred from the file's metadata" in e for e in d.evidence)
               for d in entries)


def test_html_meta_author_and_a_sidecar(tmp_path):
    page = tmp_path / "letters.html"
    page.write_text('<html><head><meta name="author" content="Ann Pell"><title>x</title></head><body>'
                    "<p>Tver, 3 March 1905.</p><p>Dear brother, the ice is breaking.</p></body></html>",
                    encoding="utf-8")
    assert read_source(page).meta_value("author") == ("Ann Pell", 'HTML <meta name="author">')
    (tmp_path / "letters.html.meta.toml").write_text('author = "Tamsin Quill"\nyear = 1905\ncountry = "RU"\n',
                                                     encoding="utf-8")
    source = read_source(page)
    context = source_context(source)
    assert context.author == ("Tamsin Quill", "sidecar letters.html.meta.toml")  # the sidecar wins
    assert context.year == (1905, "sidecar letters.html.meta.toml") and context.country[0] == "RU"


#: a letter that names no place: only the file can tell in which calendar it is dated
PLACELESS_LETTER_1905 = ("<p>3 March 1905.</p><p>Dear brother,</p><p>The ice is breaking on the river and the mills "
                         "are idle.</p><p>Your loving sister,</p><p>Tamsin Quill</p>")


def test_an_epub_s_declared_language_chooses_the_calendar_of_a_letter_that_names_no_place(tmp_path):
    path = tmp_path / "letters.epub"
    path.write_bytes(make_epub([("l.xhtml", PLACELESS_LETTER_1905)], nav=False,
                               metadata="<dc:language>ru</dc:language>"))
    source = read_source(path)
    assert source.meta_value("language") == ("ru", "EPUB dc:language")
    assert source_context(source).language == ("ru", "EPUB dc:language")
    letter = _dated(segment(source))[0]
    assert letter.date.calendar == "julian" and letter.date.as_written == "1905-03-03"
    assert letter.date.earliest == D(1905, 3, 16)
    assert "the language ru (EPUB dc:language), inferred" in letter.date.rule
    # without the declaration the texts' language is the spaCy model's, English: Gregorian in 1905
    plain = tmp_path / "plain.epub"
    plain.write_bytes(make_epub([("l.xhtml", PLACELESS_LETTER_1905)], nav=False))
    assert _dated(segment(read_source(plain)))[0].date.calendar == "gregorian"
    # the settings' calendar and the sidecar's still override what the language implies
    forced = _dated(segment(source, Settings().with_overrides(["dates.calendar=gregorian"])))[0]
    assert forced.date.calendar == "gregorian" and forced.date.earliest == D(1905, 3, 3)
    (tmp_path / "letters.epub.meta.toml").write_text('calendar = "gregorian"\n', encoding="utf-8")
    side = _dated(segment(read_source(path)))[0]
    assert side.date.calendar == "gregorian" and side.date.earliest == D(1905, 3, 3)
    assert "language" not in side.date.rule


#: an English diary of 1702 as a web page, naming no place
PLACELESS_DIARY_PAGE = ("<head><title>x</title></head><body><h1>The Diary of Ann Pell</h1><p>12 March 1702.</p>"
                        "<p>Went to church in the morning; a cold wind off the hill.</p><p>14 March 1702.</p>"
                        "<p>My cousin rode in with letters.</p></body></html>")


@pytest.mark.parametrize("lang, calendar, earliest", [('lang="en-GB"', "julian", D(1702, 3, 23)),
                                                       ('xml:lang="fr"', "gregorian", D(1702, 3, 12))])
def test_an_html_page_s_declared_language_chooses_the_calendar_of_its_diary(tmp_path, lang, calendar, earliest):
    page = tmp_path / "diary.html"
    page.write_text(f"<html {lang}>" + PLACELESS_DIARY_PAGE, encoding="utf-8")
    source = read_source(page)
    declared = source.meta_value("language")
    assert declared[0] == lang.split('"')[1] and declared[1] == "HTML lang"
    entry = _dated(segment(source))[0]
    assert (entry.date.calendar, entry.date.earliest, entry.date.as_written) == (calendar, earliest, "1702-03-12")
    assert f"the language {declared[0]} (HTML lang), inferred" in entry.date.rule
    forced = _dated(segment(source, Settings().with_overrides(["dates.calendar=gregorian"])))[0]
    assert forced.date.calendar == "gregorian" and "dates.calendar=gregorian" in forced.date.rule


def test_declared_languages_of_tei_and_html_are_read_as_bcp47_tags(tmp_path):
    tei = tmp_path / "letters.xml"
    tei.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>L</title>'
                   '</titleStmt></fileDesc></teiHeader><text xml:lang="ru"><body><p>Dear brother, the ice is '
                   "breaking on the river.</p></body></text></TEI>", encoding="utf-8")
    assert read_source(tei).meta_value("language") == ("ru", "TEI <text xml:lang>")
    page = tmp_path / "p.html"
    page.write_text('<html><head><meta http-equiv="Content-Language" content="de_at"><title>x</title></head>'
                    "<body><p>Lieber Bruder, das Eis bricht.</p></body></html>", encoding="utf-8")
    assert read_source(page).meta_value("language") == ("de-AT", 'HTML <meta name="content-language">')
    nothing = tmp_path / "n.html"
    nothing.write_text('<html lang="English"><body><p>Dear brother, the ice is breaking.</p></body></html>',
                       encoding="utf-8")
    assert read_source(nothing).meta_value("language") is None
    # a tag's region says nothing of where the texts were written: "en-US" is read as English
    assert language_country("en-GB") == language_country("en-US") == "GB" and language_country("ru-RU") == "RU"


@pytest.mark.parametrize("body, problem", [
    ('writer = "Ann Pell"\n', "unknown key 'writer'"),
    ("year = \"1702\"\n", "year must be a whole number"),
    ('calendar = "lunar"\n', "calendar must be one of"),
    ('country = "Russia"\n', "alpha-2"),
    ("author = \n", "not TOML"),
])
def test_a_bad_sidecar_is_refused_with_its_name(tmp_path, body, problem):
    text = tmp_path / "diary.txt"
    text.write_text("May 3\n\nFair wind.\n", encoding="utf-8")
    (tmp_path / "diary.txt.meta.toml").write_text(body, encoding="utf-8")
    with pytest.raises(FormatMismatch) as err:
        read_source(text)
    assert "diary.txt.meta.toml" in str(err.value) and problem in str(err.value)


def test_context_settings_are_checked():
    assert load_settings(None, ["context.year=1702"]).context.year == 1702
    with pytest.raises(SettingsError):
        Settings().with_overrides(["context.country=Russia"])
    with pytest.raises(SettingsError):
        Settings().with_overrides(["context.year=-5"])


# -- markup ----------------------------------------------------------------------------------------
def test_epub_semantics_give_blocks_boundaries_dates_and_signers():
    source = read_source(FIXTURES / "segment" / "marked_journal.xhtml")
    tags = {t for _, _, t in source.blocks}
    assert {"diary-entry", "letter", "signature", "dateline", "time:1790-05-05", "time:1790-04-30"} <= tags
    docs = segment(source)
    entries = [d for d in docs if d.kind == "diary"]
    assert [d.date.edtf for d in entries] == ["1790-05-05", "1790-05-07"]
    assert all("date: markup <time datetime>" in d.evidence for d in entries)
    # the letter copied into the second entry stays inside it, and its signer is not the diarist
    second = entries[1]
    assert "I read it twice" in source.text[second.char_start:second.char_end]
    assert second.author.name == "Ann Pell"
    letter = docs[-1]
    assert letter.date.edtf == "1790-05-09" and letter.author.name == "H. Beadle"
    assert "author: markup signature" in letter.evidence


def test_a_time_datetime_beats_the_words_and_its_calendar_is_not_reckoned():
    markup = ('<html><body><article epub:type="z3998:letter" xmlns:epub="http://www.idpf.org/2007/ops">'
              '<p epub:type="se:letter.dateline">Tver, <time datetime="1905-03-16">3 March</time>.</p>'
              "<p>Dear brother, the ice is breaking on the river and the mills are idle.</p>"
              '<p epub:type="z3998:signature">Tamsin Quill</p></article></body></html>')
    text, blocks = _read_markup(markup)
    source = Source("s", "l.xhtml", "0", "application/xhtml+xml", text, blocks=blocks)
    letter = _dated(segment(source))[0]
    assert letter.date.edtf == "1905-03-16" and letter.date.calendar == "gregorian"
    assert letter.author.name == "Tamsin Quill"


def test_tei_letters_datelines_and_signatures(tmp_path):
    path = tmp_path / "letters.xml"
    path.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Letters'
                    "</title><author>Ann Pell</author></titleStmt></fileDesc></teiHeader><text><body>"
                    '<div type="letter"><opener><dateline>Penrith, <date when="1790-05-03">the third of May'
                    "</date></dateline><salute>Dear Sir,</salute></opener><p>The goods are come, and the carrier "
                    "is paid.</p><closer><salute>Your servant,</salute><signed><persName>Hoxne Beadle</persName>"
                    "</signed></closer></div>"
                    '<div type="letter"><opener><dateline><date when="1790-05-09">Ninth May</date></dateline>'
                    "</opener><p>Sir, the second load is lost on the road.</p><closer><signed>T. Quill</signed>"
                    "</closer></div></body></text></TEI>", encoding="utf-8")
    source = read_source(path)
    assert source.meta_value("author") == ("Ann Pell", "TEI titleStmt/author")
    assert any(t == "person" for _, _, t in source.blocks)
    letters = [d for d in segment(source) if d.date]
    assert [(d.date.edtf, d.author.name) for d in letters] == [("1790-05-03", "Hoxne Beadle"),
                                                                ("1790-05-09", "T. Quill")]


def _read_markup(markup: str):
    from quellen.ingest.html import html_text_blocks
    text, blocks, _ = html_text_blocks("l.xhtml", markup, "application/xhtml+xml", Settings().ingest, book=True)
    return text, tuple(blocks)


@pytest.mark.slow
def test_a_new_or_edited_sidecar_rebuilds_its_file(tmp_path):
    from quellen import build, open_store
    diary = tmp_path / "log.txt"
    diary.write_text("May 3\n\n" + BODY + "\n\nMay 4\n\n" + BODY + "\n", encoding="utf-8")
    with open_store(tmp_path / "q.db") as store:
        build([str(diary)], store)
        assert all(d.date is None for d in store.documents())
        (tmp_path / "log.txt.meta.toml").write_text('author = "Ann Pell"\nyear = 1790\n', encoding="utf-8")
        report = build([str(diary)], store)
        assert report.added == [str(diary)]
        dated = [d for d in store.documents() if d.date]
        assert [d.date.edtf for d in dated] == ["1790-05-03", "1790-05-04"]
        assert all(d.author.name == "Ann Pell" for d in dated)
        assert build([str(diary)], store).unchanged == [str(diary)]


def test_an_entry_headed_by_an_hour_is_of_the_day_of_the_entry_before():
    # the entries are marked (their boundaries are the segmenter's business, not this test's)
    entries = "".join(f'<section epub:type="z3998:diary-entry"><p>{head}—{BODY}</p></section>'
                      for head in ("June 24th, 1812.", "Seven o'clock.", "Later.", "Next morning."))
    text, blocks = _read_markup('<html xmlns:epub="http://www.idpf.org/2007/ops"><body>' + entries + "</body></html>")
    docs = segment(Source("s", "d.xhtml", "0", "application/xhtml+xml", text, blocks=blocks))
    assert [d.date.edtf for d in docs] == ["1812-06-24", "1812-06-24", "1812-06-24", "1812-06-25"]
    assert docs[1].date.basis is DateBasis.RECKONED and "same day as the entry before" in docs[1].date.rule
    assert "the day after the entry before" in docs[3].date.rule


def test_a_part_heading_left_at_the_foot_of_a_text_does_not_sign_it():
    text = "I write to say that the goods are come and I have paid the carrier in full.\n\n{}\n"
    assert segment(_source(text.format("Hoxne Beadle")))[0].author.name == "Hoxne Beadle"
    for foot in ("Second Period", "Sixth Narrative", "Christmas Day", "Mrs. Orme's Letters"):
        assert segment(_source(text.format(foot)))[0].author is None, foot


# -- floors on the shared books (segmentation only, as the plain texts are) --------------------------
#: issue 12's targets, from the plain texts (a sidecar carries what each book's EPUB says: dc:creator);
#: on 2026-12-02, with the segmenter's boundaries, main gave author 0.97 / 0.98 / 0.98 / 0.97 and
#: date 0.97 / 0.73. Moonstone's date floor stood at what was reached (0.70); its target (0.80) is
#: checked by test_moonstone_date_target below
BOOK_FLOORS = {
    # book: (dc:creator for the sidecar, author floor or None, date floor or None)
    "barbellion-journal": ("W. N. P. Barbellion", 0.75, 0.90),
    "dracula": ("Bram Stoker", 0.75, None),
    "evelina": ("Fanny Burney", 0.75, None),
    "moonstone": ("Wilkie Collins", 0.75, 0.70),
}


@pytest.mark.slow
@pytest.mark.parametrize("book", sorted(BOOK_FLOORS))
def test_author_and_date_floors_on_the_shared_books(book, tmp_path):
    import json
    from conftest import CORPORA, _load_scorer
    from quellen.export.json_export import document_json
    creator, author_floor, date_floor = BOOK_FLOORS[book]
    path = tmp_path / f"{book}.txt"
    path.write_bytes((CORPORA / book / f"{book}.txt").read_bytes())
    (tmp_path / f"{book}.txt.meta.toml").write_text(f'author = "{creator}"\n', encoding="utf-8")
    source = read_source(path)
    export = {"sources": [{"id": source.id, "name": source.name, "text": source.text}],
              "documents": [document_json(d) for d in segment(source)]}
    gold = json.loads((CORPORA / book / "gold.json").read_text(encoding="utf-8"))
    figures = _load_scorer().score(export, gold)["segments"]
    if author_floor is not None:
        assert figures["author_accuracy"] >= author_floor, figures
    if date_floor is not None:
        assert figures["date_accuracy"] >= date_floor, figures


@pytest.mark.slow
def test_moonstone_date_target():
    # issue 12 asks 0.80 on moonstone's document dates (0.73 before the statements under a heading
    # "The Statement of A (1849)" took that heading's year)
    import json
    from conftest import CORPORA, _load_scorer
    from quellen.export.json_export import document_json
    source = read_source(CORPORA / "moonstone" / "moonstone.txt")
    export = {"sources": [{"id": source.id, "name": source.name, "text": source.text}],
              "documents": [document_json(d) for d in segment(source)]}
    gold = json.loads((CORPORA / "moonstone" / "gold.json").read_text(encoding="utf-8"))
    assert _load_scorer().score(export, gold)["segments"]["date_accuracy"] >= 0.80


def test_a_sidecars_country_chooses_among_namesake_towns_for_its_own_file(tmp_path):
    from quellen import build, open_store
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("Dear Sister,\n\nWe reached Boston on Monday and found the inn full.\n\n"
                                  "Your loving brother,\nJohn Pell\n", encoding="utf-8")
    (folder / "b.txt").write_text("Dear Brother,\n\nWe reached Boston on Tuesday, wet through, and put up at the "
                                  "tavern.\n\nYour sister,\nAnn Hale\n", encoding="utf-8")
    fast = Settings().with_overrides({"reuse.embeddings": False})

    def towns(db):
        with open_store(db) as store:
            names = {s.id: s.name for s in store.sources()}
            return {(names[m.source], e.geo.country) for e in store.entities(type="place") for m in e.mentions}

    with open_store(tmp_path / "plain.db") as store:
        assert build([str(folder)], store, fast).ok
    assert towns(tmp_path / "plain.db") == {("a.txt", "US"), ("b.txt", "US")}  # the larger town for both
    (folder / "a.txt.meta.toml").write_text('country = "GB"\n', encoding="utf-8")
    (folder / "b.txt.meta.toml").write_text('country = "US"\n', encoding="utf-8")
    with open_store(tmp_path / "q.db") as store:
        assert build([str(folder)], store, fast).ok
    assert towns(tmp_path / "q.db") == {("a.txt", "GB"), ("b.txt", "US")}


# -- the civil year that began on Lady Day (25 March) ---------------------------------------------------
#: an invented curate's journal of the winter of 1740-41, headed by day and month only
CURATE_JOURNAL = ("THE JOURNAL OF A COUNTRY CURATE\n\nDecember 14.\n\nHard frost. Walked to the mill and back before "
                  "dinner.\n\nJanuary 3.\n\nSnow in the night. The carrier did not come.\n\nFebruary 10.\n\nA thaw. "
                  "The lane is under water as far as the ford.\n\nMarch 24.\n\nRead prayers to a thin congregation. "
                  "Wind from the east.\n\nMarch 26.\n\nPaid the quarter's rent to the steward.\n\nApril 2.\n\n"
                  "Planted beans in the lower garden.\n")
_GB_1740 = [("year", "1740", "sidecar j.txt.meta.toml"), ("country", "GB", "sidecar j.txt.meta.toml")]


def _days(docs):
    return [(d.date.as_written, d.date.earliest) for d in _dated(docs)]


def test_a_journal_of_1740_from_december_to_april_runs_into_1741_and_notes_no_old_style_year():
    entries = _dated(segment(_source(CURATE_JOURNAL, _GB_1740)))
    # the Julian days, in the Gregorian count eleven days on; January to March are 1741 in modern reckoning
    assert _days(entries) == [("1740-12-14", D(1740, 12, 25)), ("1741-01-03", D(1741, 1, 14)),
                              ("1741-02-10", D(1741, 2, 21)), ("1741-03-24", D(1741, 4, 4)),
                              ("1741-03-26", D(1741, 4, 6)), ("1741-04-02", D(1741, 4, 13))]
    assert {d.date.calendar for d in entries} == {"julian"}
    # the year rolled over at January is modern already: no "may be old style" note misleads the reader
    assert not any("old style" in d.date.rule for d in entries)


def test_a_yearless_day_before_lady_day_under_a_civil_year_is_of_the_next_modern_year():
    # the same journal from February on: "February 10" in a book of 1740 is 10 February 1740/41
    text = "THE JOURNAL OF A COUNTRY CURATE\n\nFebruary 10." + CURATE_JOURNAL.split("February 10.", 1)[1]
    entries = _dated(segment(_source(text, _GB_1740)))
    assert _days(entries)[:3] == [("1741-02-10", D(1741, 2, 21)), ("1741-03-24", D(1741, 4, 4)),
                                  ("1741-03-26", D(1741, 4, 6))]
    assert "a civil year that began on 25 March: 1740/41, 1741 in modern reckoning" in entries[0].date.rule
    assert entries[0].date.basis is DateBasis.YEAR_FROM_CONTEXT
    # a heading's year is the civil year too
    headed = _dated(segment(_source(text.replace("CURATE\n\n", "CURATE\n\n1740\n\n"), _GB_1740[1:])))
    assert _days(headed)[0] == ("1741-02-10", D(1741, 2, 21))
    # from Lady Day on, the civil year is the modern one
    late = _dated(segment(_source("THE JOURNAL\n\nMarch 26.\n\n" + BODY + "\n\nApril 2.\n\n" + BODY + "\n", _GB_1740)))
    assert _days(late)[0] == ("1740-03-26", D(1740, 4, 6))


def test_the_year_start_is_a_setting_and_auto_follows_the_country():
    text = "THE JOURNAL\n\nFebruary 10.\n\n" + BODY + "\n\nMarch 2.\n\n" + BODY + "\n"
    january = Settings().with_overrides(["dates.year_start=january"])
    assert _days(segment(_source(text, _GB_1740), january))[0] == ("1740-02-10", D(1740, 2, 21))
    # a country whose year began on 1 January (Gregorian France), or an English year from 1752 on
    french = [("year", "1740", "sidecar j.txt.meta.toml"), ("country", "FR", "sidecar j.txt.meta.toml")]
    assert _days(segment(_source(text, french)))[0] == ("1740-02-10", D(1740, 2, 10))
    later = [("year", "1760", "sidecar j.txt.meta.toml"), ("country", "GB", "sidecar j.txt.meta.toml")]
    assert _days(segment(_source(text, later)))[0] == ("1760-02-10", D(1760, 2, 10))
    forced = Settings().with_overrides(["dates.year_start=lady-day"])
    assert _days(segment(_source(text, french), forced))[0][0] == "1741-02-10"
    with pytest.raises(SettingsError):
        Settings().with_overrides(["dates.year_start=michaelmas"])


def test_a_year_heading_over_january_after_december_starts_its_years_at_january():
    # the writer put the new year's heading between December and January: the year began on 1 January, from the
    # first heading on
    text = ("THE JOURNAL\n\n1740\n\nFebruary 10.\n\n" + BODY + "\n\nDecember 30.\n\n" + BODY +
            "\n\n1741\n\nJanuary 2.\n\n" + BODY + "\n\nFebruary 5.\n\n" + BODY + "\n")
    entries = _dated(segment(_source(text, _GB_1740[1:])))
    assert [a for a, _ in _days(entries)] == ["1740-02-10", "1740-12-30", "1741-01-02", "1741-02-05"]
    assert not any("civil year" in d.date.rule for d in entries)


def test_a_dual_year_keeps_as_written_under_the_lady_day_year_start():
    text = "THE JOURNAL\n\nFebruary 3, 1740/41.\n\n" + BODY + "\n\nFebruary 10.\n\n" + BODY + "\n"
    entries = _dated(segment(_source(text, _GB_1740)))
    assert entries[0].date.text.startswith("February 3, 1740/41") and entries[0].date.as_written.startswith("1741-02")
    assert _days(entries)[1] == ("1741-02-10", D(1741, 2, 21))
