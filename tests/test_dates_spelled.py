"""The tagger reads days written as ordinal words ("the twenty-second of December") as it reads "the 22nd",
and never an ordinal word that numbers something else ("the second time") or a duration."""
from __future__ import annotations

import datetime as dt

import pytest

from quellen.extract.dates import parse_date, tag
from quellen.extract.dates.find import year_in_words
from quellen.extract.dates.lexicon import day_value


def values(text, **kw):
    return [(t.text, t.type, t.value) for t in tag(text, **kw)]


@pytest.mark.parametrize("text, value", [
    ("the twenty-second of December 1857", "1857-12-22"),
    ("the twenty-second of December, 1857", "1857-12-22"),
    ("The Twenty second of December, 1857", "1857-12-22"),
    ("December the twenty-second, 1857", "1857-12-22"),
    ("December twenty-second, 1857", "1857-12-22"),
    ("Twenty-second December 1857", "1857-12-22"),
    ("Tuesday, the twenty-second of December, 1857", "1857-12-22"),
    ("the thirty-first of January 1860", "1860-01-31"),
    ("the first of May 1812", "1812-05-01"),
    ("May the first, 1812", "1812-05-01"),
    # the digit form of "December the third" is read too
    ("December the 3rd, 1857", "1857-12-03"),
])
def test_a_full_date_with_its_day_in_words(text, value):
    assert values(text) == [(text, "DATE", value)]


def test_the_issue_sentence_gives_three_days_and_no_duration():
    text = "On the twenty-second of December, 1857, we left. December the third, 1857. Twenty-second December 1857."
    assert values(text) == [("the twenty-second of December, 1857", "DATE", "1857-12-22"),
                            ("December the third, 1857", "DATE", "1857-12-03"),
                            ("Twenty-second December 1857", "DATE", "1857-12-22")]


@pytest.mark.parametrize("spelled, digits", [
    ("We met on the first of May.", "We met on the 1st of May."),
    ("We met on May the first.", "We met on May the 1st."),
    ("Twenty-second December.", "22nd December."),
    ("Wednesday, the twenty-third.", "Wednesday, the 23rd."),
    ("I had yours of the twenty-third inst.", "I had yours of the 23rd inst."),
    ("I had yours of the twentieth ult.", "I had yours of the 20th ult."),
    ("On the twenty-fourth we sailed.", "On the 24th we sailed."),
    ("He stayed until the thirtieth of the month.", "He stayed until the 30th of the month."),
    ("We left on the morning of the fifth.", "We left on the morning of the 5th."),
])
def test_a_day_in_words_without_its_year_is_read_as_its_digit_form(spelled, digits):
    got, want = values(spelled, dct=dt.date(1812, 3, 2)), values(digits, dct=dt.date(1812, 3, 2))
    assert len(got) == len(want) == 1
    assert got[0][1:] == want[0][1:] and got[0][0] != want[0][0]  # the same value, the words in the extent


def test_a_day_in_words_takes_its_month_and_year_from_the_document_date():
    assert values("Wednesday, the twenty-third.", dct=dt.date(1812, 3, 2)) == [
        ("Wednesday, the twenty-third", "DATE", "1812-03-23")]
    assert values("I had yours of the twentieth ult.", dct=dt.date(1812, 3, 2)) == [
        ("the twentieth ult.", "DATE", "1812-02-20")]


@pytest.mark.parametrize("text", [
    "The second time I saw him he was ill.",
    "A second letter came by the same post.",
    "In the first place, the roads were bad.",
    "He was the first to come and the last to go.",
    "The twenty-third psalm was read.",
    "She was the third of five daughters.",
    "In May the first snow fell.",
    "On Sunday the first thing I did was to write.",
    "He came second, and I third.",
    "It was the fifth of his visits.",
    "The reign of the third was short.",
    "He was the second past the post.",
])
def test_an_ordinal_word_that_numbers_something_else_is_no_day(text):
    assert [t for t in tag(text, dct=dt.date(1812, 3, 2)) if t.rule in (
        "ordinal-day", "ordinal-month-ref", "weekday-ordinal", "month-day", "day-month")] == []


def test_twenty_second_is_a_day_not_twenty_seconds():
    assert values("On the twenty-second we left.", dct=dt.date(1857, 12, 1)) == [
        ("the twenty-second", "DATE", "1857-12-22")]
    assert values("After a twenty-second pause he spoke.") == [("twenty-second", "DURATION", "PT20S")]
    assert values("Wait one second.") == [("one second", "DURATION", "PT1S")]


def test_a_year_in_words_after_the_word_year():
    assert values("He was born in the year eighteen hundred and twelve.") == [
        ("the year eighteen hundred and twelve", "DATE", "1812")]
    assert values("the year of our Lord one thousand seven hundred and ninety-two") == [
        ("the year of our Lord one thousand seven hundred and ninety-two", "DATE", "1792")]
    assert values("For a year one hundred men worked there.") == [("a year", "DURATION", "P1Y")]


@pytest.mark.parametrize("written, year", [
    ("eighteen hundred and twelve", 1812), ("one thousand eight hundred and fifty-seven", 1857),
    ("eighteen fifty-seven", 1857), ("nineteen hundred", 1900), ("one hundred", None), ("twelve", None),
])
def test_year_in_words(written, year):
    assert year_in_words(written) == year


@pytest.mark.parametrize("written, day", [("22", 22), ("22nd", 22), ("twenty-second", 22), ("Twenty second", 22),
                                          ("FIRST", 1), ("3d", 3)])
def test_day_value(written, day):
    assert day_value(written) == day


def test_parse_date_reads_a_date_line_in_words():
    assert parse_date("Tuesday, the twenty-second of December, 1857.").edtf == "1857-12-22"
    assert parse_date("London, December the third, 1857").edtf == "1857-12-03"


@pytest.mark.parametrize("text", [
    "I am glad that I went into detail from the first, for there is something strange here.",
    "Another came in, was greeted by the first and invited to sit down.",
    "After the fifth or sixth interruption I lose my temper.",
    "He took the second and the third.",
])
def test_an_ordinal_word_in_an_idiom_or_a_list_is_no_day(text):
    assert [t.text for t in tag(text, dct=dt.date(1812, 3, 2)) if t.rule == "ordinal-day"] == []


@pytest.mark.parametrize("text, value", [
    # deeds, acts and protests write the whole date out, the year in words after the day and month
    ("On this fourth day of March, in the year of our Lord one thousand seven hundred and ninety, before me",
     "1790-03-04"),
    ("this twelfth day of April, one thousand eight hundred and three, at the request of", "1803-04-12"),
    ("the 3rd of June, eighteen hundred and four", "1804-06-03"),
    # old English records and their editions print the day in Roman figures, the last i written j
    ("the iiij day of March, 1602", "1602-03-04"),
])
def test_a_date_written_out_in_an_acts_words(text, value):
    assert [v for _, t, v in values(text) if t == "DATE"] == [value]


@pytest.mark.parametrize("text, value", [
    ("Written at Bardsey the vij day of May.", "XXXX-05-07"),
    ("The xxiiij day of June was the fair", "XXXX-06-24"),
    ("the xxxj day of August", "XXXX-08-31"),
])
def test_a_day_in_roman_figures_before_day_of(text, value):
    assert [v for _, t, v in values(text) if t == "DATE"] == [value]


@pytest.mark.parametrize("text", ["He paid vij s. the day of the fair", "civil day of rest", "the vi day"])
def test_roman_figures_elsewhere_are_no_day(text):
    assert not [v for _, t, v in values(text) if t == "DATE" and v.startswith("XXXX-")]


@pytest.mark.parametrize("text, value", [
    ("Millbank February Seventeen\n1819", "1819-02-17"),
    ("Hollins, December Seven--1819.", "1819-12-07"),
    ("Upton, March twenty-one, 1820", "1820-03-21"),
])
def test_a_date_line_with_its_day_in_cardinal_words_and_its_year(text, value):
    assert [v for _, t, v in values(text) if t == "DATE"] == [value]


@pytest.mark.parametrize("text", ["In May one day in 1819 we met", "March two-thirds of 1819 away"])
def test_a_cardinal_word_after_a_month_is_no_day_without_its_year_next(text):
    assert not [v for _, t, v in values(text) if t == "DATE" and len(v) == 10]


@pytest.mark.parametrize("text, value", [
    ("Milltown 14th day 10th 1802\n\nDear Daughter", "1802-10-14"),
    ("13 day 2nd month 1804\n\nDear Son", "1804-02-13"),
    ("the 9th day of 11th month 1790", "1790-11-09"),
])
def test_the_plain_style_names_the_day_as_such_before_its_month(text, value):
    assert [v for _, t, v in values(text) if t == "DATE"] == [value]
