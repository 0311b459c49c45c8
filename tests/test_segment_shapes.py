"""A source's own entry heads learnt from the source (quellen.segment.shapes), on hand-written texts.

Each diary heads its entries in a form no line rule knows ("Day 14.—", "xii. Tuesday.—", "The 3rd:—",
"Oct. the 9th."); the form recurs, so the source itself says it is a head. A narrative whose paragraphs
now and then open with a year or a number is not cut.
"""
from __future__ import annotations

import pytest

from quellen.model import Source
from quellen.segment import segment
from quellen.segment.describe import CLASS_OF_KIND
from quellen.segment.lines import make_units
from quellen.segment.shapes import (
    counted_day, head_date_text, head_shapes, mark_next_day_heads, mark_shape_heads, one_paragraph_share, opening,
    openings, row_date_column, run_in_head, year_head, year_heads,
)
from quellen.settings import SegmentSettings, Settings

_BODIES = [
    "We went on across the flat ground all the morning and saw nothing but grass and the far hills.",
    "Rain from dawn, so the men mended the harness and the cook made bread in the lee of the cart.",
    "A long day over stones; two of the horses are lame and we must rest them before the river.",
    "Crossed the river at the ford below the rocks. The water was cold and the current stronger than it looked.",
    "Camped early by a spring. Saw smoke to the north in the evening but nobody came near the camp.",
]


def _diary(heads: list[str], title: str = "My Journal") -> str:
    return title + "\n\n" + "\n\n".join(f"{h}{b}" for h, b in zip(heads, _BODIES)) + "\n"


def _docs(text: str, settings=None):
    docs = segment(Source("src-shapes", "shapes.txt", "0" * 64, "text/plain", text), settings)
    return [(text[d.char_start:d.char_end], d) for d in docs]


DIARIES = {
    "day number": [f"Day {n}.—" for n in range(14, 19)],
    "roman day and weekday": ["xii. Tuesday.—", "xiii. Wednesday.—", "xiv. Thursday.—", "xv. Friday.—",
                              "xvi. Saturday.—"],
    "the day and a colon": [f"The {d}:— " for d in ("3rd", "4th", "5th", "6th", "7th")],
}


@pytest.mark.parametrize("name", sorted(DIARIES))
def test_a_head_shape_no_rule_knows_opens_one_document_per_entry(name):
    heads = DIARIES[name]
    got = _docs(_diary(heads))
    entries = [(t, d) for t, d in got if not t.startswith("My Journal")]
    assert [t[:len(h)] for (t, _), h in zip(entries, heads)] == heads and len(entries) == len(heads), \
        [t[:30] for t, _ in got]
    assert all(d.kind == "diary" for _, d in entries), [d.kind for _, d in entries]
    assert all("diary-entry head (the source's head shape)" in " ".join(d.evidence) for _, d in entries[1:])


def test_a_month_and_the_day_is_a_head_the_line_rules_know():
    # "Oct. the 9th." was a shape only the source could teach; a month, "the" and a day is now a leading date
    heads = [f"Oct. the {d}. " for d in ("9th", "10th", "11th", "12th", "13th")]
    entries = [(t, d) for t, d in _docs(_diary(heads)) if not t.startswith("My Journal")]
    assert [t[:len(h)] for (t, _), h in zip(entries, heads)] == heads and len(entries) == len(heads)
    assert all("diary-entry head" in d.evidence for _, d in entries[1:])


def test_the_induction_reads_the_source_not_the_line_rules():
    units = make_units(_diary(DIARIES["day number"]))
    assert head_shapes(units) == {"day D . —"}
    assert [u.features.get("lead_shape") for u in mark_shape_heads(units)[1:]] == DIARIES["day number"]


def test_a_head_seen_fewer_times_than_the_setting_asks_is_no_head():
    text = _diary(DIARIES["day number"])
    assert len(_docs(text)) == 6
    fewer = Settings().with_overrides({"segment.head_shape_min_count": 6})
    assert len(_docs(text, fewer)) == 1  # five heads are fewer than six: one text under its title


def test_the_date_reader_reads_the_heads_date_words():
    heads = ["June 1859\n\n"] + [f"The {d}:— " for d in ("3rd", "4th", "5th", "6th", "7th")]
    text = "My Journal\n\n" + heads[0] + "\n\n".join(f"{h}{b}" for h, b in zip(heads[1:], _BODIES)) + "\n"
    dated = [d.date.edtf for t, d in _docs(text) if t.startswith("The ")]
    assert dated == ["1859-06-03", "1859-06-04", "1859-06-05", "1859-06-06", "1859-06-07"]


NARRATIVE = "\n\n".join([
    "The town was small and poor when the first settlers came up the valley with their carts and cattle.",
    "In 1850, the railway reached the river, and with it came the merchants and their clerks from the coast.",
    "3 men kept the only store for many years, and they sold everything from nails to bolts of cloth.",
    "In 1851, the mill was built below the falls, and the farmers brought their grain from far and wide.",
    "The church followed, and a school, and a newspaper that printed the prices of grain each week.",
    "In 1852, a fire took half the houses on the main street, and the town was built again in brick.",
    "12 families left that winter for the west, and their farms were bought by their neighbours.",
    "In 1853, the bank opened its doors, and the town began to think of itself as a city at last.",
    "In 1854, the bridge was finished, and the ferryman, who had lost his living, kept the toll house.",
]) + "\n"


def test_a_narrative_opening_now_and_then_with_a_year_or_a_number_is_not_cut():
    units = make_units(NARRATIVE)
    assert head_shapes(units) == frozenset()
    assert len(_docs(NARRATIVE)) == 1


CHRONICLE = "A Chronicle of the Mill\n\n" + "\n\n".join([
    "The mill stood on the river below the town, and the miller kept a book of what befell it, year by year.",
    "A.D. 1401. The great wheel was new made of oak, and the dam raised a foot against the floods.",
    "A.D. 1402. A dry summer, so that the wheel stood idle from Lammas until the rains of October.",
    "A.D. 1403. The miller's son fell into the race and was drawn out alive by a carter passing by.",
    "A.D. 1405. The floods broke the dam in March, and it was mended with stone from the old quarry.",
    "A.D. 1406. Nothing was ground for a month after Easter, the millstones being sent away to be dressed.",
]) + "\n"


def test_annals_run_in_after_their_year_open_one_entry_a_year_dated_to_it():
    got = [(t, d) for t, d in _docs(CHRONICLE) if t.startswith("A.D.")]
    assert [t[:10] for t, _ in got] == ["A.D. 1401.", "A.D. 1402.", "A.D. 1403.", "A.D. 1405.", "A.D. 1406."]
    assert [d.date.edtf if d.date else None for _, d in got] == ["1401", "1402", "1403", "1405", "1406"]
    assert year_head("1712.—The winter was hard.") == "1712.—" and year_head("1712 was a hard year.") is None


def test_years_that_do_not_rise_or_open_a_sentence_head_nothing():
    assert not year_heads(make_units(NARRATIVE))  # "In 1850, ...": a sentence, not a head
    shuffled = CHRONICLE.replace("A.D. 1402.", "A.D. 1410.").replace("A.D. 1405.", "A.D. 1399.")
    assert not year_heads(make_units(shuffled))  # a list of works or events out of order: no annals


# a local history and a memoir that open a paragraph now and then with its year, and tell on under it
YEAR_NARRATIVES = {
    "history": "THE PARISH OF ASHCOMBE\n\n" + "\n\n".join([
        "Nobody now living remembers the old mill as it stood before the fire, but the parish books show it plainly.",
        "1846. That was the year the river rose higher than any man had seen it, and the lower wheel was carried off.",
        "The new owners were careful people. They rebuilt the wheel in iron and raised the weir by two feet.",
        "1851. It was in this year that the railway surveyors first came up the valley with their chains and flags.",
        "Most of the farmers went home laughing; a railway, they said, would never climb the hill beyond the church.",
        "1859. That winter the fever came. It began in the cottages by the river and spread up the street.",
        "The vicar wrote to the county, and the county sent a doctor, who said the well was bad and must be shut.",
        "1866. The mill burned at last, on a dry night in August, and this time nobody rebuilt it.",
        "With the mill gone the village changed. The young men went to the towns and the old ones sat in the inn.",
    ]) + "\n",
    "memoir": "A SMALL LIFE\n\n" + "\n\n".join([
        "I was born in the house at the end of Quarry Lane, the youngest of five, and in a hurry ever since.",
        "1931. That was the year my father lost his place at the works, and came home early one afternoon.",
        "We did not go hungry, but we came near it, and I was sent to my aunt in the town to be fed.",
        "1936. It was a hot summer, and the summer I met Tom. He was mending the wall of the churchyard.",
        "We were married two years later, in the same church, with my aunt in the front pew.",
        "1940. That autumn Tom went to the war. He wrote every week, short letters full of nothing.",
        "The house was very quiet. I took in a lodger, a schoolmistress from the coast, for company.",
        "1945. He came home in the spring, thinner and quieter, and for a long while he would not talk of it.",
        "After that we did not speak of it again, and I think we were the happier for it.",
    ]) + "\n",
}
#: annals whose years now and then run over a second paragraph
BRIDGE_BOOK = "THE BOOK OF THE BRIDGE\n\n" + "\n\n".join([
    "1721.—A hard winter. The river frozen six weeks and the sheep fed on ivy. Many old people died.",
    "1722.—The great barn new thatched. The lord came down at midsummer and there was a feast on the green.",
    "1723.—The mill leat cleaned out and the sluice mended. Two cottages burnt in April through a careless child.",
    "The tenants of the burnt cottages were housed in the tithe barn until Martinmas, with timber from the park.",
    "1725.—Wet harvest. Half the wheat sprouted in the sheaf and bread was dear until the spring.",
    "1726.—The new road to the market town begun, the parish finding the labour and the lord the stone.",
]) + "\n"


@pytest.mark.parametrize("name", sorted(YEAR_NARRATIVES))
def test_a_history_or_memoir_opening_paragraphs_with_their_year_tells_on_under_it_and_is_one_text(name):
    # "1846. That was the year ...": each year tells on over the paragraphs after it, as no annalist's year does
    text = YEAR_NARRATIVES[name]
    assert not year_heads(make_units(text))
    assert len(_docs(text)) == 1  # one text, its title over it
    anyway = SegmentSettings(year_head_min_one_paragraph=0.0)
    assert year_heads(make_units(text), anyway)  # the setting is what tells them from annals


def test_annals_whose_years_mostly_run_one_paragraph_are_annals():
    assert year_heads(make_units(BRIDGE_BOOK))
    assert [t[:6] for t, _ in _docs(BRIDGE_BOOK)][1:] == ["1721.—", "1722.—", "1723.—", "1725.—", "1726.—"]


CHRONOLOGY = ("THE LIFE OF JOHN PELL\n\nCHRONOLOGY\n\n1809. Born at Ashby, the son of a miller.\n\n1821. Sent to the "
              "grammar school.\n\n1827. Apprenticed to a printer in Norwich.\n\n1834. Marries. Sets up his own press."
              "\n\n1848. Elected to the town council.\n\n1866. Dies at Norwich.\n\nCHAPTER I.\n\nJohn Pell was born in "
              "the mill-house at Ashby on a wet night in March, and his mother did not expect him to live.\n")


def test_a_chronology_of_a_life_is_a_list_not_annals_and_the_chapter_under_it_is_headed():
    # a line a year ("1809. Born at Ashby.") is a chronology's, not an annalist's entry; "CHAPTER I." under the last
    # line heads the chapter, it is no item of the list
    assert not year_heads(make_units(CHRONOLOGY))
    got = [t.split("\n")[0] for t, _ in _docs(CHRONOLOGY)]
    assert got[1:] == ["1809. Born at Ashby, the son of a miller.", "CHAPTER I.",
                       "John Pell was born in the mill-house at Ashby on a wet night in March, and his mother did not "
                       "expect him to live."]


RECTORS = ("THE CHURCH\n\nThe living is a rectory in the gift of the Dean and Chapter. The following is a list of the "
           "rectors so far as they are known:\n\n" + "\n\n".join([
               "1301. John de Hale, instituted on the presentation of the prior and convent of the abbey.",
               "1349. William Pell, on the death of the last rector, probably of the plague that year.",
               "1362. Richard Webb, by exchange with the vicar of the next parish, who had held it a year.",
               "1410. Thomas Carter, chaplain, on the resignation of Richard Webb, then old and blind.",
               "1455. Henry Lane, master of arts, afterwards archdeacon, who rebuilt the chancel at his charge.",
           ]) + "\n\nThe registers begin in 1558 and are complete, except for the years of the Commonwealth.\n")


def test_a_list_of_rectors_leaping_decades_is_no_annals():
    # an annalist goes year by year; a list of the incumbents of a living leaps decades: one text
    assert not year_heads(make_units(RECTORS))
    assert len(_docs(RECTORS)) == 1
    assert year_heads(make_units(RECTORS), SegmentSettings(year_head_max_median_step=50))


FORM = ("LOG OF THE PUMPING STATION\n\nRegister of Work.\n\nMonth of JUNE, 1884.        Low Level Engine.\n\n"
        "Place | Date | Hour | What was done | Initials\n\n"
        "Engine house | 2nd | 6 a.m. | Fires lit, both boilers. Pumped till noon. | T. W.\n\n"
        "| | 4 p.m. | Stopped for the gland to be repacked. |\n\n"
        "do. | 3rd | 7 a.m. | Pumped all day, the river high after the rain. | T. W.\n\n"
        "Sluice | 5th | | Cleared the screens of weed and a drowned sheep. | R. P.\n\n"
        "do. | 6th–8th | | Engine idle, the level low. |\n\n"
        "Engine house | 9th | 5 a.m. | Fires lit for the inspector's visit. | T. W.\n")


def test_a_diary_kept_on_a_printed_form_opens_an_entry_at_each_filled_day_of_the_month_of_its_head():
    units = make_units(FORM)
    assert row_date_column(units) == 1  # the column of days, not of places or hours
    docs = _docs(FORM)
    got = [(t.split(" | ")[1], d.date.edtf if d.date else None) for t, d in docs if t.split(" | ")[1:2] != ["Date"]
           and " | " in t]
    assert "Place | Date" in docs[0][0] + docs[1][0]  # the form's column line heads the rows, it is no entry
    # the row with the day left blank is a later hour of the day above, in its entry
    assert got == [("2nd", "1884-06-02"), ("3rd", "1884-06-03"), ("5th", "1884-06-05"), ("6th–8th", "1884-06-06"),
                   ("9th", "1884-06-09")]


def test_a_table_whose_rows_name_no_day_is_no_form_of_entries():
    rows = "\n\n".join(f"Item {n} | {n * 3} yards | cotton | sold |" for n in range(1, 9))
    assert row_date_column(make_units("Stock Book\n\n" + rows + "\n")) is None


def test_a_table_of_ranks_that_names_no_month_is_no_form_of_entries():
    # "1st", "2nd" in a prize list are places, not days: no month is named over the rows
    rows = "\n\n".join(f"{r} | {n} | Latin verse | {m} marks |" for r, n, m in (
        ("1st", "Mary Hale", 92), ("2nd", "John Bell", 88), ("3rd", "Ann Webb", 85), ("4th", "Tom Prior", 80)))
    text = "THE PRIZE LIST\n\nThe prizes were given out on the last day of term, in this order:\n\n" + rows + "\n"
    assert row_date_column(make_units(text)) is None
    assert [CLASS_OF_KIND.get(d.kind, d.kind) for _, d in _docs(text)].count("personal") == 0


def test_a_table_of_dated_lines_is_no_diary():
    rows = "\n\n".join(f"{d}th. Fair, wind west." for d in range(4, 14))
    text = "The weather that month was kept by the clerk in a table, which follows here in full.\n\n" + rows + "\n"
    assert head_shapes(make_units(text)) == frozenset()


@pytest.mark.parametrize("text, shape, head", [
    ("9th.—I went out.", "D th . —", "9th.—"),
    ("2nd. In the morning to the yard.", "D th .", "2nd."),
    ("Day 14.—We marched.", "day D . —", "Day 14.—"),
    ("xii. Tuesday.—Rain.", "R . W . —", "xii. Tuesday.—"),
    ("The 3rd:— Rain all day.", "the D th : —", "The 3rd:—"),
    ("Oct. the 9th. Went to town.", "M . the D th .", "Oct. the 9th."),
    ("Tuesday, May 3. We went.", "W , M D .", "Tuesday, May 3."),
    ("8th (Sunday). To church.", "D th .", "8th (Sunday)."),
])
def test_an_opening_is_written_as_its_shape(text, shape, head):
    found = opening(text, SegmentSettings().head_shape_max_words)
    assert (found.shape, found.text, found.dated) == (shape, head, True)


@pytest.mark.parametrize("text", ["12. The enemy came over the hill.", "In 1850, the town grew.",
                                  "3 men came to the door.", "May we go out now?", "“4 May.—Come at once.”",
                                  "45th Regiment.—The orders came."])
def test_an_opening_that_names_no_date_or_is_a_sentence_is_no_head(text):
    found = opening(text, SegmentSettings().head_shape_max_words)
    assert found is None or not found.dated


def test_a_day_followed_by_its_weekday_may_be_the_whole_head():
    assert [o.shape for o in openings("23rd. Thursday, my birthday, now a year older.", 6)] == ["D th ."]


def test_head_date_text_keeps_what_names_a_date():
    assert head_date_text("Oct. the 9th.") == "Oct 9th"
    assert head_date_text("xii. Tuesday.—") == "Tuesday"
    assert head_date_text("Day 14.—") == ""  # the fourteenth day of a march, not of a month


@pytest.mark.parametrize("spelled, digits", [
    ("The third:— Rain all day.", "The 3rd:— Rain all day."),
    ("Oct. the ninth. Went to town.", "Oct. the 9th. Went to town."),
    ("The twenty-third.—We marched.", "The 23rd.—We marched."),
    ("Tuesday, the twenty-first.—Rain.", "Tuesday, the 21st.—Rain."),
])
def test_a_day_in_words_has_the_shape_of_its_digit_form(spelled, digits):
    size = SegmentSettings().head_shape_max_words
    assert (opening(spelled, size).shape, opening(spelled, size).dated) == (opening(digits, size).shape, True)


@pytest.mark.parametrize("text", ["First.—The roads are bad.", "Second. The horses are tired.",
                                  "The second time we came.", "Thirdly, we have no money."])
def test_an_ordinal_word_that_counts_steps_is_no_head(text):
    found = opening(text, SegmentSettings().head_shape_max_words)
    assert found is None or not found.dated


def test_the_date_reader_reads_a_head_of_the_day_in_words():
    heads = ["June 1859\n\n"] + [f"The {d}:— " for d in ("third", "fourth", "fifth", "sixth", "seventh")]
    text = "My Journal\n\n" + heads[0] + "\n\n".join(f"{h}{b}" for h, b in zip(heads[1:], _BODIES)) + "\n"
    dated = [d.date.edtf for t, d in _docs(text) if t.startswith("The ")]
    assert dated == ["1859-06-03", "1859-06-04", "1859-06-05", "1859-06-06", "1859-06-07"]
    assert head_date_text("Oct. the ninth.") == "Oct ninth"


def test_a_diary_written_a_paragraph_a_day_marks_its_next_day_openings_and_a_story_does_not():
    daily = "\n\n".join(f"June {d}\n\n{b}" for d, b in zip(range(3, 8), _BODIES))
    units = make_units(daily + "\n\nNext day about noon the people met.\n\nThe next-day meeting was small.\n")
    assert one_paragraph_share(units) == (0.8, 5)
    assert [u.features.get("lead_next_day") for u in mark_next_day_heads(units)[-2:]] == ["Next day", None]
    # more entries asked than the diary has: no paragraph is a head, whatever the shapes' own minimum
    units = make_units(daily + "\n\nNext day about noon the people met.\n")
    mark_next_day_heads(units, SegmentSettings(next_day_min_entries=6, head_shape_min_count=2))
    assert not any(u.features.get("lead_next_day") for u in units)
    # the same share asked higher: no paragraph is a head
    units = make_units(daily + "\n\nNext day about noon the people met.\n")
    mark_next_day_heads(units, SegmentSettings(next_day_min_one_paragraph=0.9))
    assert not any(u.features.get("lead_next_day") for u in units)
    # days of several paragraphs each: "Next morning" goes on with the day
    story = "\n\n".join(f"June {d}\n\n{b}\n\n{b}" for d, b in zip(range(3, 8), _BODIES))
    units = make_units(story + "\n\nNext morning I felt better.\n")
    assert one_paragraph_share(units) == (0.0, 5)
    assert not any(u.features.get("lead_next_day") for u in mark_next_day_heads(units))


def test_a_diary_of_a_line_a_day_is_learnt_from_its_calendar_and_a_numbered_list_is_not():
    # a farmer's almanac diary: one short line a day, the day of the month and its weekday (1 May 1805 is a
    # Wednesday), days skipped; each line is an entry dated from the month heading above
    lines = ["1. Wed. Mild. Sowed flax.", "2. Thurs. Rain. Mended the cart.", "3. Fri. Planted potatoes.",
             "6. Mon. Sheared the sheep.", "7. Tues. Frost. Covered beans.", "9. Thurs. Fair. To market with wool."]
    text = "Day Book\n\nMAY 1805.\n\n" + "\n\n".join(lines) + "\n"
    docs = [(t, d) for t, d in _docs(text) if t[:1].isdigit()]
    assert [t.split(".")[0] for t, _ in docs] == ["1", "2", "3", "6", "7", "9"]
    assert [d.date.edtf for _, d in docs] == ["1805-05-01", "1805-05-02", "1805-05-03", "1805-05-06",
                                              "1805-05-07", "1805-05-09"]
    # numbered rules whose weekdays do not keep the calendar are a list, not a diary
    rules = ["1. Mon. Wash.", "2. Mon. Bake.", "3. Sat. Brew.", "4. Mon. Mend.", "5. Wed. Sweep.", "6. Mon. Rest."]
    units = make_units("House Rules\n\n" + "\n\n".join(rules) + "\n")
    assert "D . W ." not in head_shapes(units)
    assert "D . W ." not in head_shapes(make_units(text[len("Day Book\n\n"):].replace("MAY 1805.\n\n", "")),
                                        SegmentSettings(head_shape_calendar_agreement=1.01))


def test_a_journal_counting_its_days_is_cut_at_each_count_and_dated_from_its_first_date():
    # a voyage's journal dates its first day and then only counts ("SECOND DAY.—", "FORTY-FIRST DAY.—")
    heads = ["Tuesday, 2nd June, 1840. FIRST DAY.—", "SECOND DAY.—", "FOURTH DAY.—", "NINTH DAY.—", "TWELFTH DAY.—",
             "FORTY-FIRST DAY.—"]
    bodies = _BODIES + ["Sighted land at last, low and grey, and the whole company came up on deck to see it."]
    text = "Log of the Brig Hopewell\n\n" + "\n\n".join(h + b for h, b in zip(heads, bodies)) + "\n"
    docs = [(t, d) for t, d in _docs(text) if "DAY.—" in t]
    assert [t.split(".—")[0].split(". ")[-1] for t, _ in docs] == [h.split(". ")[-1].rstrip(".—") for h in heads]
    assert [d.date.edtf for _, d in docs] == ["1840-06-02", "1840-06-03", "1840-06-05", "1840-06-10", "1840-06-13",
                                              "1840-07-12"]
    assert counted_day("Forty-first day.") == 41 and counted_day("the 100th day:") == 100
    assert counted_day("Day 14.—") is None and counted_day("First, the ropes.") is None


def test_a_diary_without_stops_is_cut_at_its_weekday_and_day_heads_and_dated_from_its_month_lines():
    # a settler's pocket diary written without punctuation: each entry "Tues 3rd  ..." run in after two spaces,
    # short entries that look like titles to the line rules, a month alone on its line, the year said only in the
    # editor's note (3 March 1863 is a Tuesday)
    days = ["Tues 3rd  hard frost the well froze over and father cut the ice with the axe",
            "Wed 4th  snow all day kept the stock in the shed",
            "Fri 6th  went to the mill with two sacks of rye the miller says the dam will not hold and the creek is "
            "rising fast so we came home early by the upper road",
            "Sat 7th  mended harness and the account of Mr Hollis paid",
            "Mon 9th  thaw the road all mud the children kept in the house and cross with it",
            "Wed 1st  first day of the month fine and warm the geese are back on the pond"]
    text = ("THE POCKET DIARY OF A SETTLER\n\nEDITOR'S NOTE\n\nThe diary is printed as it was written, without a stop "
            "in it. The year, 1863, is written only inside the cover, where the writer put her name.\n\nMarch\n\n"
            + "\n\n".join(days[:5]) + "\n\nApril\n\n" + days[5] + "\n")
    docs = [(t, d) for t, d in _docs(text) if t[:3] in ("Tue", "Wed", "Fri", "Sat", "Mon")]
    assert [t.split("  ")[0] for t, _ in docs] == [d.split("  ")[0] for d in days]
    assert [d.kind for _, d in docs] == ["diary"] * 6
    assert [d.date.edtf for _, d in docs] == ["1863-03-03", "1863-03-04", "1863-03-06", "1863-03-07", "1863-03-09",
                                              "1863-04-01"]
    assert all(d.author is None or "Hollis" not in d.author.name for _, d in docs)  # an entry, not a series head
    assert openings("Thurs 5th  hauled wood", 6)[0].shape == "W D th"
    assert [o.shape for o in openings("Sat down to dinner at noon", 6) if o.dated] == []


@pytest.mark.parametrize("line, head", [("Fri 4th  went to town", "Fri 4th"), ("May 3 went to town", "May 3"),
                                        ("Fri. 4th. Went to town.", None), ("Sat 1st", None),
                                        ("12 men went to town", None)])
def test_a_run_in_head_of_days_is_read_only_where_words_follow_it(line, head):
    assert run_in_head(line) == head


TOWN_CHRONICLE = "\n\n".join([
    "THE BOOK OF A TOWNSMAN",
    "[The entries run on, each opening with its day; the year is in the margin.]",
    "1561.",
    "The iij day of May was the new bell hanged in the steeple of Sant Mary, and the ringers had a barrel of ale.",
    "The vij day of May, beyng Wednesday, cam the judges to the town with a grett company of horsemen.",
    "The same day at nyght was a fire in the bakehouse by the bridge, but it was quenched.",
    "The xij day of May was the fair on the green, and ther was moche cattle sold and a man hurt.",
    "The xxj day of May was a man set in the stocks for selling bad fish in the market.",
    "The iiij day of June cam the bishop and confirmed many children in the church.",
]) + "\n"


def test_a_chronicle_runs_its_entries_in_after_the_day_of_the_month_in_roman_figures():
    # "The xij day of May was ...": the day named as a phrase, run into the entry; "The same day ..." another entry
    # of that day
    assert opening("The xij day of May was the fair.", 6).text == "The xij day of May"
    assert opening("The vij day of May, beyng Wednesday, cam the judges.", 6).text == "The vij day of May"
    assert head_date_text("The xij day of May") == "The xij day of May"
    entries = [d for _, d in _docs(TOWN_CHRONICLE) if d.kind == "diary"]
    assert [TOWN_CHRONICLE[d.char_start:d.char_end].split()[1] for d in entries] == [
        "iij", "vij", "same", "xij", "xxj", "iiij"]
    assert [d.date.as_written for d in entries] == [
        "1561-05-03", "1561-05-07", "1561-05-07", "1561-05-12", "1561-05-21", "1561-06-04"]
    assert entries[2].date.basis.value == "reckoned"
