"""The temporal tagger and parse_date: forms, anchoring, calendars, TimeML, properties."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from quellen.extract import calendars
from quellen.extract.calendars import calendar_for, country_of
from quellen.extract.dates import julian_hint, parse_date, tag, tag_documents, timex_json
from quellen.export.timeml import read_timeml, to_timeml
from quellen.model import Document, Ref

FIX = Path(__file__).parent / "fixtures" / "dates"
D = dt.date


def values(text, **kw):
    return [(t.text, t.type, t.value) for t in tag(text, **kw)]


# -- parse_date --------------------------------------------------------------------------------
def test_parse_date_reads_the_first_date_of_a_date_line():
    d = parse_date("Paris, 14 July 1889. Dear friend")
    assert (d.earliest, d.latest, d.precision, d.calendar) == (D(1889, 7, 14), D(1889, 7, 14), "day", "gregorian")


def test_parse_date_day_range_is_one_interval():
    d = parse_date("March 3-4, 1931")
    assert (d.edtf, d.earliest, d.latest) == ("1931-03-03/1931-03-04", D(1931, 3, 3), D(1931, 3, 4))


def test_parse_date_dual_dating_in_parentheses_is_one_julian_date():
    d = parse_date("On October 25 (November 7, according to a new style) 1917")
    assert (d.calendar, d.as_written, d.earliest) == ("julian", "1917-10-25", D(1917, 11, 7))


def test_parse_date_slash_pair_and_english_dual_year():
    d = parse_date("16/28 August 1813")
    assert (d.calendar, d.as_written, d.earliest) == ("julian", "1813-08-16", D(1813, 8, 28))
    d = parse_date("the 3d of March 1651/2")
    assert (d.calendar, d.as_written, d.earliest) == ("julian", "1652-03-03", D(1652, 3, 13))


@pytest.mark.parametrize("written", ["February 1712/13", "February 1712-13", "February 1712–13",
                                     "February 1712 – 1713", "Feb. 1712-13"])
def test_a_dual_year_with_a_slash_or_a_dash_is_the_later_year_in_julian(written):
    d = parse_date(written)
    assert (d.calendar, d.as_written, d.precision) == ("julian", "1713-02", "month")
    assert d.text == written


def test_a_dual_year_with_a_dash_on_a_day_before_lady_day():
    d = parse_date("9 January 1712-13")
    assert (d.calendar, d.as_written, d.earliest) == ("julian", "1713-01-09", D(1713, 1, 20))


@pytest.mark.parametrize("written, year_text", [
    ("June 1712-13", "June 1712"),           # after Lady Day "1712-13" is not a dual year
    ("30 March 1712-13", "30 March 1712"),
    ("January 1914-18", "January 1914"),     # not consecutive, and after 1752
    ("January 1851-52", "January 1851"),     # consecutive, but no dual year is written after 1752
])
def test_a_year_range_after_a_month_is_not_read_as_a_dual_year(written, year_text):
    d = parse_date(written)
    assert d.text == year_text and d.as_written.startswith(year_text.split()[-1])


def test_julian_hint_sees_a_dual_year_written_with_a_dash():
    assert julian_hint("January 1701-2\n\nA cold week.") == D(1752, 9, 14)
    assert julian_hint("The war of 1914-18 was long.") is None


def test_parse_date_explicit_markers():
    assert parse_date("12 April 1861 (O.S.)").earliest == D(1861, 4, 24)
    assert parse_date("12 April 1861, new style").earliest == D(1861, 4, 12)


def test_parse_date_partial_dates_and_years():
    assert parse_date("June 1929").precision == "month"
    assert parse_date("written in 1766").precision == "year"
    assert parse_date("no date here") is None


def test_parse_date_without_year_needs_an_anchor():
    assert parse_date("December 16") is None
    d = parse_date("December 16", anchor=D(1929, 1, 10))
    assert d.earliest == D(1928, 12, 16) and "year-from-anchor" in d.rule


def test_before_the_reform_dates_are_julian_and_between_reforms_unknown_covers_both():
    d = parse_date("October 14, 1066")
    assert d.calendar == "julian" and d.earliest == D(1066, 10, 20)
    d = parse_date("May 3, 1700")  # Britain still Julian, the Continent Gregorian
    assert d.calendar == "unknown" and d.earliest == D(1700, 5, 3) and d.latest == D(1700, 5, 14)
    assert parse_date("May 3, 1700", country="FR").calendar == "gregorian"
    assert parse_date("May 3, 1850", country="RU").earliest == D(1850, 5, 15)


@pytest.mark.parametrize("line, text, written, first, last, precision", [
    ("Paris, Aug. 4, 17—.", "Aug. 4, 17—", "17XX-08-04", D(1700, 8, 4), D(1799, 8, 4), "century"),
    ("June 3d, 18—", "June 3d, 18—", "18XX-06-03", D(1800, 6, 3), D(1899, 6, 3), "century"),
    ("the 5th of May, 17—, I set out", "the 5th of May, 17—", "17XX-05-05", D(1700, 5, 5), D(1799, 5, 5), "century"),
    ("Bath, June 3, 184—.", "June 3, 184—", "184X-06-03", D(1840, 6, 3), D(1849, 6, 3), "decade"),
    ("Bath, 3rd March, 18**.", "3rd March, 18**", "18XX-03-03", D(1800, 3, 3), D(1899, 3, 3), "century"),
    ("in the year 17—", "the year 17—", "17XX", D(1700, 1, 1), D(1799, 12, 31), "century"),
    ("in May, 184—", "May, 184—", "184X-05", D(1840, 5, 1), D(1849, 5, 31), "decade"),
])
def test_an_elided_year_is_a_range_of_years_with_the_day_and_month_kept(line, text, written, first, last, precision):
    # forced Gregorian so the interval is the written days' own; the calendar inference is tested below
    d = parse_date(line, calendar="gregorian")
    assert (d.text, d.as_written, d.edtf) == (text, written, written)
    assert (d.earliest, d.latest, d.precision, d.basis.value) == (first, last, precision, "stated")
    assert [t.value for t in tag(line) if t.type == "DATE"] == [written]


def test_an_elided_year_takes_the_calendar_of_both_ends_of_its_range():
    # an English "17—" lies on both sides of 1752: its calendar is unknown and its interval covers both readings
    english = parse_date("Aug. 4, 17—")
    assert english.calendar == "unknown"
    assert (english.earliest, english.latest) == (D(1700, 8, 4), D(1799, 8, 15))
    assert parse_date("Aug. 4, 18—").calendar == "gregorian"
    russian = parse_date("Aug. 4, 18—", country="RU")
    assert russian.calendar == "julian" and (russian.earliest, russian.latest) == (D(1800, 8, 16), D(1899, 8, 16))
    # reckoned later from a place, with the written day kept
    reckoned = calendars.reckon(english, "RU", why="place Archangel")
    assert reckoned.calendar == "julian" and reckoned.as_written == "17XX-08-04"
    assert (reckoned.earliest, reckoned.latest) == (D(1700, 8, 15), D(1799, 8, 15))
    assert "calendar reckoned (place Archangel)" in reckoned.rule
    # a 29 February falls in the first and last years of the range that have one
    leap = parse_date("Feb. 29, 18—", calendar="gregorian")
    assert (leap.earliest, leap.latest) == (D(1804, 2, 29), D(1896, 2, 29))


@pytest.mark.parametrize("text", ["October 14—October 20", "pages 17—19", "May 17—the day he left", "in 17— or so",
                                  "on 1 May 1783-4"])
def test_a_dash_after_a_number_is_not_always_an_elided_year(text):
    assert not any("elided" in t.rule for t in tag(text))


def test_an_elided_year_is_not_completed_by_a_later_year_and_does_not_anchor_a_relative_date():
    found = tag("Aug. 4, 17—, and on Aug. 9, 1784 the next day came.")
    assert [t.value for t in found][:2] == ["17XX-08-04", "1784-08-09"]
    after = tag("Aug. 4, 17—. The next day we sailed.")
    assert after[0].value == "17XX-08-04" and after[1].date is None


# -- the tagger --------------------------------------------------------------------------------
def test_chain_of_relative_dates_follows_the_reference_time():
    got = values("On January 20, 1929 they left. Two days later they wrote; the next day they slept.")
    assert [v for _, _, v in got] == ["1929-01-20", "1929-01-22", "1929-01-23"]


def test_deictic_expressions_use_the_document_date():
    got = dict((t, v) for t, _, v in values(
        "Yesterday it rained. A month and a half ago we met. Last week was cold. Now we wait.",
        dct=D(2013, 3, 22)))
    assert got == {"Yesterday": "2013-03-21", "A month and a half ago": "2013-02", "Last week": "2013-W11",
                   "Now": "PRESENT_REF"}


def test_durations_and_sets_are_never_dates():
    got = tag("He stayed for 12 days and wrote home twice a week, every Sunday, for years.")
    assert [(t.type, t.value) for t in got] == [("DURATION", "P12D"), ("SET", "P1W"), ("SET", "XXXX-WXX-7"),
                                                 ("DURATION", "PXY")]
    assert all(t.date is None for t in got)


def test_decades_centuries_seasons_and_parts_of_months():
    got = values("In the 1920s, in the late nineteenth century, in the spring of 1930 and at the end of "
                 "October 1917.")
    assert [v for _, _, v in got] == ["192", "18", "1930-SP", "1917-10"]
    end = [t for t in tag("at the end of October 1917")][0].date
    assert end.earliest > D(1917, 10, 15) and end.latest == D(1917, 10, 31)


def test_a_year_written_with_an_apostrophe_takes_the_century_of_the_anchor():
    got = tag("I remember the flood in '46, and the winter of '62 was spoken of.", dct=D(1853, 5, 12))
    assert [(t.text, t.value) for t in got] == [("'46", "1846"), ("the winter of '62", "1762-WI")]  # not after 1858
    assert "century-from-anchor" in got[1].date.rule and got[1].date.basis.value == "year_from_context"
    assert got[0].date.precision == "year" and got[0].date.basis.value == "year_from_context"
    assert "century-from-anchor" in got[0].date.rule
    assert values("We hope to sail in '62.", dct=D(1861, 3, 5))[0][2] == "1862"  # a year just ahead stays ahead
    assert values("It was so in '46.")[0][2] == "XX46"  # no anchor, no century
    assert tag("'46 men came, and 'tis '99 to one.", dct=D(1853, 5, 12)) == []  # no word that leads to a year
    # a comma or "and" leads to such a year only after another one; before a quotation it opens speech
    assert [t.value for t in tag("in '46 and '47 we sailed", dct=D(1853, 5, 12))] == ["1846", "1847"]
    assert tag("He said, '10 more minutes!' and she wrote back, '45 copies were sold'", dct=D(1853, 5, 12)) == []


def test_a_count_of_days_is_no_weekday_in_figures_and_an_odd_ordinal_is_none():
    assert [t.text for t in tag("On 5th day we went to meeting.", dct=D(1853, 5, 12))] == ["5th day"]
    for text in ("On our 3rd day at sea the wind rose.", "It was his 2nd day at the new school.",
                 "On 5d day we went to meeting.", "On 1th day we rested."):  # "5d", "1th": no weekday, no error
        assert tag(text, dct=D(1853, 5, 12)) == [], text


def test_a_weekday_in_a_dated_letter_takes_the_tense_of_its_clause_and_is_not_the_writing_day():
    text = ("Bath, Thursday, 12 May 1853.\n\nOn Thursday we went to the town, and on Sunday the mill was quiet. "
            "On Thursday we shall go again. On Monday we went to the mill.\n")
    got = tag_documents(text, [_doc(text, 0, len(text), "letter", date=parse_date("Thursday, 12 May 1853"))])
    assert [t.value for t in got[1:]] == ["1853-05-05", "1853-05-08", "1853-05-19", "1853-05-09"]
    # a DCT the caller gives is news's: "said Thursday", on a Thursday, is that day
    assert values("The department said Thursday that sales fell.", dct=D(1853, 5, 12))[0][2] == "1853-05-12"


def test_year_later_in_the_sentence_completes_a_partial_date():
    got = values("Between March 3 and June 5, 1930, the strike went on.")
    assert [v for _, _, v in got] == ["1930-03-03", "1930-06-05"]
    got = values("Landing is planned for November, and more flights in 1970.", dct=D(1969, 7, 21))
    assert got[0][2] == "1969-11"  # "in 1970" is another time, not November's year


def test_unknown_year_widens_instead_of_guessing():
    t = tag("On 25 October they met.", years=(1915, 1920))[0]
    assert t.value == "XXXX-10-25"
    assert (t.date.earliest, t.date.latest) == (D(1915, 10, 25), D(1920, 10, 25))
    assert tag("On 25 October they met.")[0].date is None


def test_times_of_day_take_the_day_they_belong_to():
    got = values("At 5 p.m. on Monday, June 3, 1935 we met. That evening it rained.")
    assert got[0] == ("5 p.m.", "TIME", "1935-06-03T17:00")
    assert got[2] == ("That evening", "TIME", "1935-06-03TEV")


def test_web_page_numbers_and_quantities_are_not_years():
    assert values("The 1,500 soldiers ate 2000 apples.") == []


@pytest.mark.parametrize("text,expected", [
    ("the 3d of March 1651/2", "1652-03-13"), ("Friday, 22 March 2013", "2013-03-22"),
    ("06/17/2020", "2020-06-17"), ("17.03.1921", "1921-03-17"), ("1929-01-20", "1929-01-20"),
    ("Christmas Day 1914", "1914-12-25"), ("the first quarter of 1931", "1931-Q1"),
])
def test_value_of_written_forms(text, expected):
    assert tag(text)[0].value == expected


# -- fixtures in other styles --------------------------------------------------------------------
def test_russian_julian_diary_headings_anchor_their_entries():
    text = (FIX / "julian_diary.txt").read_text(encoding="utf-8")
    got = {t.text: t for t in tag(text)}
    assert got["4 March"].value == "1838-03-16" and got["4 March"].date.calendar == "julian"
    assert got["yesterday"].value == "1838-03-15"
    assert got["The next day"].value == "1838-03-18"
    assert got["Sunday, 13 March"].value == "1838-03-25"
    assert got["three days ago"].value == "1838-03-22"


def test_english_dual_year_diary_is_read_julian():
    text = (FIX / "english_1650.txt").read_text(encoding="utf-8")
    assert julian_hint(text) == D(1752, 9, 14)
    got = {t.text: t.value for t in tag(text)}
    assert got["The 10th"] == "1652-03-20"
    assert got["Two days later"] == "1652-03-22"
    assert got["Lady Day"] == "1652-04-04"


def test_news_with_dateline():
    text = (FIX / "news_1999.txt").read_text(encoding="utf-8")
    got = {t.text: (t.type, t.value) for t in tag(text)}
    assert got["yesterday"] == ("DATE", "1999-11-08")
    assert got["eleven months"] == ("DURATION", "P11M")
    assert got["next week"] == ("DATE", "1999-W46")
    assert got["Last year"] == ("DATE", "1998")
    assert got["twice a month"] == ("SET", "P1M")


# -- documents ---------------------------------------------------------------------------------------
def _doc(text, start, end, kind, date=None, place=None):
    return Document(id=f"doc-{start}", source="src-x", char_start=start, char_end=end, kind=kind, date=date,
                    place=Ref(place) if place else None)


def test_tag_documents_furniture_never_anchors_and_document_dates_anchor_their_text():
    stamp = "06/17/2020"
    story = "On May 3, 1850 the fair opened. The next day it rained."
    letter = "Yesterday your parcel came."
    text = f"{stamp}\n\n{story}\n\n{letter}"
    s1 = text.index(story)
    s2 = text.index(letter)
    letter_date = parse_date("June 9, 1851")
    docs = [_doc(text, 0, len(stamp), "heading"), _doc(text, s1, s1 + len(story), "narrative"),
            _doc(text, s2, len(text), "letter", date=letter_date)]
    got = tag_documents(text, docs)
    by_text = {t.text: t for t in got}
    assert by_text[stamp].document == "doc-0" and by_text[stamp].char_start == 0
    assert by_text["The next day"].value == "1850-05-04"
    assert by_text["Yesterday"].value == "1851-06-08" and by_text["Yesterday"].anchor.startswith("dct")
    assert all(text[t.char_start:t.char_end] == t.text for t in got)


def test_tag_documents_carries_the_narrative_reference_time_across_undated_documents():
    first, second = "In May 1850 the fair opened.", "A year later it closed. Two days later they left."
    text = f"{first}\n\n{second}"
    s2 = text.index(second)
    got = tag_documents(text, [_doc(text, 0, len(first), "narrative"), _doc(text, s2, len(text), "narrative")])
    # a year later is stated to the year; two days after a year-precise time is only known to the year
    assert [t.value for t in got] == ["1850-05", "1851", "1851"]


def test_tag_documents_place_chooses_the_calendar():
    text = "On May 3, 1850 the fair opened."
    got = tag_documents(text, [_doc(text, 0, len(text), "letter", place="Moscow")])
    assert got[0].date.calendar == "julian" and got[0].value == "1850-05-15"


# -- calendars ------------------------------------------------------------------------------------
def test_calendar_for_and_country_of():
    assert calendar_for(D(1900, 1, 1), "auto", "RU") == "julian"
    assert calendar_for(D(1900, 1, 1), "auto", "FR") == "gregorian"
    assert calendar_for(D(1650, 1, 1), "auto", "DE") == "unknown"
    assert calendar_for(D(1900, 1, 1), "julian") == "julian"
    assert country_of("Moscow") == "RU" and country_of("France") == "FR" and country_of("Xq") is None


@given(st.dates(min_value=D(100, 3, 1), max_value=D(2500, 12, 31)))
def test_julian_gregorian_conversions_are_inverse(day):
    y, m, d = calendars.gregorian_to_julian(day)
    assert calendars.julian_to_gregorian(y, m, d) == day


@given(st.integers(100, 2500), st.integers(1, 12), st.integers(1, 31))
def test_julian_dates_round_trip(y, m, d):
    if d > calendars.julian_month_end(y, m):
        with pytest.raises(ValueError):
            calendars.julian_to_gregorian(y, m, d)
        return
    assert calendars.gregorian_to_julian(calendars.julian_to_gregorian(y, m, d)) == (y, m, d)


# -- properties -----------------------------------------------------------------------------------------
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]


def _ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


@hsettings(max_examples=150, deadline=None)
@given(st.dates(min_value=D(1000, 1, 1), max_value=D(2099, 12, 31)), st.integers(0, 5))
def test_every_written_form_round_trips_to_the_same_interval(day, form):
    name = MONTH_NAMES[day.month - 1]
    written = [f"{name} {day.day}, {day.year}", f"{day.day} {name} {day.year}",
               f"the {_ordinal(day.day)} of {name} {day.year}", day.isoformat(),
               f"{name[:3]}. {day.day}, {day.year}" if name != "May" else f"{name} {day.day} {day.year}",
               f"{day.day:02d}.{day.month:02d}.{day.year}"][form]
    d = parse_date(written, calendar="gregorian")
    assert (d.earliest, d.latest, d.precision) == (day, day, "day"), written
    month = parse_date(f"{name} {day.year}", calendar="gregorian")
    assert month.earliest == day.replace(day=1) and month.latest >= day and month.precision == "month"


_WORDS = st.sampled_from(["On", "January", "3", "1917", "(", ")", "O.S.", "the", "next", "day", "two", "days",
                          "later", "ago", "last", "week", "spring", "of", "the 1920s", "16/28", "August",
                          "1651/2", "every", "Monday", "at", "5 p.m.", "early", "late", "end", "century",
                          "nineteenth", "February 7-8, 1929", "yesterday", "the 21st", ",", ".", "\n\n"])


@hsettings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=30), st.sampled_from([None, D(1850, 6, 1), D(2013, 3, 22)]),
       st.sampled_from(["auto", "julian", "gregorian"]))
def test_no_interval_is_ever_inverted_and_spans_point_into_the_text(words, dct, cal):
    text = " ".join(words)
    for t in tag(text, dct=dct, calendar=cal, years=(1800, 1930)):
        assert text[t.char_start:t.char_end] == t.text
        if t.date is not None:
            assert t.date.earliest <= t.date.latest
        assert t.type in ("DATE", "TIME", "DURATION", "SET")


# -- TimeML and the CLI --------------------------------------------------------------------------
def test_timeml_escapes_and_reads_back():
    text = 'On <May 3, 1850> & "then" two days later.'
    found = timex_json(tag(text))
    xml = to_timeml(text, found, "1850-05-01")
    back_text, dct, back = read_timeml(xml)
    assert back_text == text and dct == "1850-05-01"
    assert [(b["char_start"], b["char_end"], b["value"]) for b in back] == \
        [(f["char_start"], f["char_end"], f["value"]) for f in found]


def test_cli_timex_json_and_timeml(tmp_path, capsys):
    from quellen.cli import main
    path = tmp_path / "t.txt"
    path.write_text("Yesterday we met & talked; last week too.", encoding="utf-8")
    assert main(["timex", str(path), "--dct", "2013-03-22"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got[0] == {"char_start": 0, "char_end": 9, "text": "Yesterday", "type": "DATE", "value": "2013-03-21"}
    assert main(["timex", str(path), "--dct", "2013-03-22", "--format", "timeml"]) == 0
    out = capsys.readouterr().out
    assert "&amp;" in out and '<TIMEX3 tid="t2" type="DATE" value="2013-W11">last week</TIMEX3>' in out
    assert main(["timex", str(path), "--dct", "22/03/2013"]) == 2


def test_each_date_says_where_its_value_came_from():
    """The tagger sets the basis where it decides it: written in full, year from context, or counted."""
    from quellen.model import DateBasis
    got = {t.text: t.date.basis for t in tag("On 12 March 1862 the bridge fell. Two days later the mayor came. "
                                             "On March 20 the vestry met.") if t.date is not None}
    assert got == {"12 March 1862": DateBasis.STATED, "Two days later": DateBasis.RECKONED,
                   "March 20": DateBasis.YEAR_FROM_CONTEXT}


# -- a letter-writer's abbreviated months (issue 12) ---------------------------------------------------
@pytest.mark.parametrize("line,iso", [("Elm Cottage Feby 10th 1819..", "1819-02-10"), ("Jany 5 1820", "1820-01-05"),
                                      ("the 3d of Octr 1760", "1760-10-03"), ("Septr 1, 1799", "1799-09-01"),
                                      ("Decr 4th 1819", "1819-12-04"), ("Novr 30th 1802", "1802-11-30"),
                                      ("Augt 12 1798", "1798-08-12")])
def test_a_month_abbreviated_with_its_last_letter_raised_and_no_stop_is_a_month(line, iso):
    assert parse_date(line).earliest.isoformat() == iso
    assert [t.value for t in tag(line)] == [iso]


def test_a_yearless_date_takes_the_year_its_weekday_names_next_to_the_context_year():
    from quellen.segment.describe import YearContext, parse_date_text
    text = "1819\n\nThursday Decr 31th\n\nWent to a dance."
    years = YearContext(text, [(0, len(text))], [(0, 4)])
    date = parse_date_text("Thursday Decr 31th", text.index("Thursday"), years)
    assert date.edtf == "1818-12-31"  # a Thursday in 1818; in 1819 the 31st of December is a Friday


@pytest.mark.parametrize("line, iso", [
    ("9 of the Third Month, 1811.", "1811-03-09"),
    ("the 21st of the Twelfth Month 1790", "1790-12-21"),
    ("6th mo. 3d 1805", "1805-06-03"),
    ("4 of the Ninth [Tenth] Month, 1811", "1811-10-04"),  # an editor's bracketed correction is the month
    ("2 of the Eighth [Month], 1811", "1811-08-02"),         # an editor's supplied word
    ("9th of Fourth Month, 1702.", "1702-04-09"), ("26 of the First Month, 1781.", "1781-01-26"),
    ("12th mo. 3, 1690", "1690-12-03"), ("3d of 2d mo. 1695", "1695-02-03"),
    ("the 2 of the TENTH MONTH 1744", "1744-10-02"),  # the ordinal in capitals as well as with its capital
    ("3rd month 4th day 1792", "1792-03-04"),  # the day named as such
    ("2mo 17th 1794", "1794-02-17"), ("19th 10mo 1794", "1794-10-19"),  # "mo" written on to its number
    ("15th 6th 1794", "1794-06-15"),  # the day's ordinal and the month's, no word for the month
    ("3rd month, 8th 1801", "1801-03-08"), ("11th month, 2nd, 1799.", "1799-11-02"),  # a comma after the month
])
def test_a_month_in_the_quaker_plain_style_is_a_month(line, iso):
    assert parse_date(line).earliest.isoformat() == iso
    assert [t.value for t in tag(line)] == [iso]


def test_a_weekday_in_the_plain_style_is_a_weekday_and_ordinary_counting_is_no_date():
    from quellen.extract.dates.lexicon import plain_month, plain_weekday
    assert (plain_weekday("First Day"), plain_weekday("Seventh Day"), plain_weekday("Fourth-day")) == (6, 5, 2)
    assert plain_month("the Sixth [Seventh] Month") == 7 and plain_month("the 6th") is None
    assert plain_month("TENTH MONTH") == 10 and plain_month("2d mo.") == 2 and plain_month("10mo") == 10
    # the word forms want their capitals, a month its "Month": prose that counts days or months dates nothing
    assert tag("In the first month of the war we lost two horses.") == []
    assert tag("On the Second Day of the trial the clerk fell ill.") == []
    # a month's ordinal goes no higher than 12th, and numbers without their suffixes are no plain-style date
    assert [t.value for t in tag("15th 13th 1794")] != ["1794-13-15"] and not any(
        t.value == "1794-06-15" for t in tag("15 6 1794"))
    assert [t.value for t in tag("Was First Day, and we went to meeting.")] == ["XXXX-WXX-7"]


def test_the_fourth_month_of_a_siege_is_no_date():
    assert tag("In the fourth month of the siege, 1703, the town fell.")[0].value == "1703"


def test_a_weekday_in_figures_is_a_weekday_in_the_plain_style_and_a_count_of_days_is_not():
    from quellen.extract.dates.lexicon import plain_weekday
    assert (plain_weekday("5th day"), plain_weekday("1st day"), plain_weekday("2d day"), plain_weekday("7th-day")) \
        == (3, 6, 0, 5)
    assert plain_weekday("8th day") is None and plain_weekday("15th day") is None
    # "the 5th day", "5th day of" and "15th day" count days; they name no weekday
    assert tag("On the 5th day of the voyage we sighted land.") == []
    assert tag("It rained on the 15th day.") == []


def test_the_church_s_names_of_sunday_are_a_weekday():
    import re

    from quellen.extract.dates.lexicon import CHURCH_WEEKDAY, weekday_of
    assert [weekday_of(w) for w in ("Lord's Day", "Lord’s-day", "LORD'S DAY", "Sabbath", "Sabbath Day")] == [6] * 5
    assert re.fullmatch(CHURCH_WEEKDAY, "Sabbath") and not re.match(CHURCH_WEEKDAY, "Sabbaths")
    assert not re.match(CHURCH_WEEKDAY, "sabbath")  # lower case in a sentence is no head's weekday
