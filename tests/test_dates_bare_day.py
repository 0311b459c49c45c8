"""A day of the month written without its month ("the 24th", "on the twenty-fourth", "Thursday the 28th")
takes its month from the last day told: that day's month when it is at or after it (or a few days before
it), the next month when it is before it, and with a weekday the month where the day falls on it."""
from __future__ import annotations

import datetime as dt

import pytest

from quellen.extract.dates import tag, tag_documents
from quellen.extract.dates.anchor import bare_day_month
from quellen.model import Date, Document

D = dt.date


def values(text, **kw):
    return {t.text: t.value for t in tag(text, **kw)}


def _year(y):
    return Date(text=str(y), edtf=f"{y}?", earliest=D(y, 1, 1), latest=D(y, 12, 31), precision="year",
                calendar="gregorian", as_written=str(y), rule="inferred", anchor=None)


# -- the rule itself ----------------------------------------------------------------------------------
@pytest.mark.parametrize("ref, day, want", [
    ((1849, 6, 23), 24, (1849, 6)),   # at or after the reference day: its month
    ((1849, 6, 23), 23, (1849, 6)),
    ((1849, 6, 28), 2, (1849, 7)),    # before it: the next month
    ((1857, 12, 28), 2, (1858, 1)),   # December rolls into January of the next year
    ((1849, 6, 30), 31, None),        # a day June has not, and July is not told by "the 31st" after the 30th
])
def test_a_bare_day_goes_forward_from_the_reference(ref, day, want):
    assert bare_day_month(ref, day) == want


def test_a_bare_day_a_few_days_back_is_looked_back_to_only_when_asked():
    assert bare_day_month((1849, 6, 27), 26) == (1849, 7)
    assert bare_day_month((1849, 6, 27), 26, look_back=7) == (1849, 6)
    assert bare_day_month((1849, 6, 27), 2, look_back=7) == (1849, 7)


def test_a_letter_speaking_of_its_own_month_does_not_roll_forward():
    assert bare_day_month((1820, 6, 14), 2, forward=False) == (1820, 6)


@pytest.mark.parametrize("ref, day, weekday, want", [
    ((1849, 6, 27), 28, 3, (1849, 6)),    # Thursday 28 June 1849: agrees with the rule
    ((1849, 6, 27), 2, 5, (1849, 6)),     # Saturday the 2nd: 2 June, not 2 July (a Monday)
    ((1849, 6, 27), 2, 6, (1849, 7)),     # Sunday the 2nd: no month near has it, the rule stands
    ((1857, 12, 28), 2, 5, (1858, 1)),    # Saturday 2 January 1858, over the year's end
    ((1857, 12, 28), 2, 2, (1857, 12)),   # Wednesday the 2nd: 2 December 1857, though the rule says January
])
def test_a_weekday_chooses_the_month_nearest_the_reference_where_the_day_falls_on_it(ref, day, weekday, want):
    assert bare_day_month(ref, day, weekday) == want


def test_a_julian_reference_reads_the_weekday_of_the_julian_day():
    # 2 June 1700 was a Sunday in the Julian calendar; in the Gregorian, 2 May 1700 was
    assert bare_day_month((1700, 5, 30), 2, 6, "julian") == (1700, 6)
    assert bare_day_month((1700, 5, 30), 2, 6, "gregorian") == (1700, 5)


# -- in the tagger -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, bare, want", [
    ("It was the twenty-third of June, 1849. On the twenty-fourth he had to pay.", "the twenty-fourth", "1849-06-24"),
    ("It was the 23rd of June, 1849. On the 24th he had to pay.", "the 24th", "1849-06-24"),
    ("They came on the twenty-eighth of June, 1849. On the second they left.", "the second", "1849-07-02"),
    ("They came on the 28th of June, 1849. On the 2nd they left.", "the 2nd", "1849-07-02"),
    ("We came on the twenty-eighth of December, 1857. We left on the second.", "the second", "1858-01-02"),
    ("We came on the 28th of December, 1857. We left on the 2nd.", "the 2nd", "1858-01-02"),
    ("The men came back on the morning of the 27th of June, 1849. He was watched all through the evening of "
     "the 26th.", "the evening of the 26th", "1849-06-26TEV"),
])
def test_a_bare_day_follows_the_narrative(text, bare, want):
    assert values(text)[bare] == want


@pytest.mark.parametrize("text, bare, want", [
    ("I left on the 27th of June, 1849, by a steamer which sailed on the morning of Thursday the twenty-eighth.",
     "the morning of Thursday the twenty-eighth", "1849-06-28TMO"),
    ("I left on the 27th of June, 1849. The steamer had sailed on Saturday the 2nd.", "Saturday the 2nd",
     "1849-06-02"),
    ("I left on the 27th of June, 1849. The steamer sailed on Sunday the 2nd.", "Sunday the 2nd", "1849-07-02"),
    ("We came on the twenty-eighth of December, 1857. We left on Saturday the second.", "Saturday the second",
     "1858-01-02"),
    ("We came on the 28th of December, 1857. We had arrived on Wednesday the 2nd.", "Wednesday the 2nd",
     "1857-12-02"),
])
def test_a_weekday_with_a_bare_day_places_it_in_the_month_it_names(text, bare, want):
    assert values(text)[bare] == want


def test_a_heading_far_back_does_not_place_the_bare_days_of_the_narrative():
    # the date line is the text's own date, but the narrative has moved to June: its days are June's
    text = ("Wednesday, September 26th, 1849.\n\nI have been asked to tell what happened. On the twenty-seventh "
            "of June I went to the wharf. I left London on the morning of Thursday the twenty-eighth; on the "
            "twenty-ninth I was in Rotterdam.")
    got = values(text)
    assert got["the morning of Thursday the twenty-eighth"] == "1849-06-28TMO"
    assert got["the twenty-ninth"] == "1849-06-29"


def test_a_document_dated_to_its_year_lets_a_bare_day_follow_the_narrative():
    text = "It was the twenty-third of June. On the twenty-fourth he had three hundred pounds to pay."
    doc = Document(id="doc-0", source="src-x", char_start=0, char_end=len(text), kind="statement", date=_year(1849))
    got = {t.text: t.value for t in tag_documents(text, [doc])}
    assert got["the twenty-third of June"] == "1849-06-23" and got["the twenty-fourth"] == "1849-06-24"


def test_a_bare_day_in_a_letter_is_of_the_letters_month_unless_it_looks_ahead():
    got = values("Weimar, 14th June 1820.\n\nYesterday I saw him at last; he had come back on the 2nd. "
                 "I shall write again on the 3rd.")
    assert got["Yesterday"] == "1820-06-13"
    assert got["the 2nd"] == "1820-06-02"  # not 2 July: a day after the letter's, told looking back
    assert got["the 3rd"] == "1820-07-03"


def test_a_bare_day_in_a_letter_follows_the_letters_month_not_a_day_it_expects():
    # "the 26th inst." moves the narrative to 26 March, but "the 4th" is still the letter's March
    got = values("Bath, March 2d, 1790.\n\nThe waggon is expected about the 26th inst. I ride over to the mill "
                 "on the 4th to settle the account.")
    assert got["the 26th inst."] == "1790-03-26" and got["the 4th"] == "1790-03-04"


def test_an_entry_head_follows_the_head_before_not_a_day_its_entry_recalled():
    text = ("Thursday 2d July. Calm. We have been thirty days at sea since we left port on the 2d of June.\n\n"
            "Tuesday 7th. A breeze from the south.\n\nSaturday 11th. Land in sight.\n\n"
            "Friday 31st. At anchor.\n\nMonday 3d. Sailed again.")
    got = values(text, ref=D(1789, 7, 1))
    assert got["the 2d of June"] == "1789-06-02"
    assert got["Tuesday 7th"] == "1789-07-07" and got["Saturday 11th"] == "1789-07-11"
    assert got["Friday 31st"] == "1789-07-31" and got["Monday 3d"] == "1789-08-03"  # the heads roll over


def test_a_season_is_no_month_for_a_bare_day():
    got = values("She is to return in the autumn of 1849. I awoke on the morning of the twenty-sixth.")
    assert got["the morning of the twenty-sixth"] == "XXXX-XX-26TMO"


def test_ult_and_inst_count_from_the_letters_date_not_the_narrative():
    got = values("London, 3 March 1812.\n\nOn the 20th of January we sailed. I had yours of the 28th ult. "
                 "and answer it on the 10th inst.")
    assert got["the 28th ult."] == "1812-02-28" and got["the 10th inst."] == "1812-03-10"


# -- a diary entry headed by its day's number alone ---------------------------------------------------
def _entry(text, start, end, day):
    return Document(id=f"doc-{start}", source="src-x", char_start=start, char_end=end, kind="diary",
                    date=Date(text=str(day), edtf=day.isoformat(), earliest=day, latest=day, precision="day"))


def test_a_day_number_heading_a_dated_entry_is_that_entry_day():
    first, second, third = "9 of the Fourth Month, 1790.\n\nWent to the mill.", "10.\n\nRain all day.", \
        "[11]\n\nWrote to my brother."
    text = f"{first}\n\n{second}\n\n{third}"
    s2, s3 = text.index(second), text.index(third)
    docs = [_entry(text, 0, s2 - 2, D(1790, 4, 9)), _entry(text, s2, s3 - 2, D(1790, 4, 10)),
            _entry(text, s3, len(text), D(1790, 4, 11))]
    got = {t.text: t.value for t in tag_documents(text, docs)}
    assert got["10"] == "1790-04-10" and got["11"] == "1790-04-11"


@pytest.mark.parametrize("text, dct", [
    ("12\n\nThe miller came home.", D(1790, 4, 10)),     # the entry is dated to another day
    ("12\n\nThe miller came home.", None),                # nothing dates it: a section's number
    ("The miller came home.\n\n12\n\nHe left.", D(1790, 4, 12)),   # not at the head of its text
])
def test_a_number_alone_on_its_line_is_no_day_unless_it_heads_an_entry_of_that_day(text, dct):
    assert "12" not in values(text, dct=dct)
