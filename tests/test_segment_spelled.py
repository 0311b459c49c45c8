"""Date lines and entry heads with the day written in words ("The twenty-second of December, 1857.—",
"December the twenty-third.—") head documents as their digit forms do, and take the year of the heads above
when they state none."""
from __future__ import annotations

import pytest

from quellen.model import Source
from quellen.segment import segment
from quellen.segment.lines import FULL_DATE_RE, bare_date, leading_date, make_units, yearless

_BODIES = [
    "We left the harbour at dawn with a fair wind, and by noon the land was out of sight behind us.",
    "A grey sea all day. I read in my cabin and wrote to my sister, though the letter cannot go yet.",
    "Rough weather in the night; most of the passengers were ill. I kept the deck for an hour.",
    "Christmas at sea. The steward gave us a pudding and the captain read prayers in the saloon.",
]


def _docs(text: str):
    docs = segment(Source("src-spelled", "spelled.txt", "0" * 64, "text/plain", text))
    return [(text[d.char_start:d.char_end], d) for d in docs]


def _diary(heads: list[str]) -> str:
    return "JOURNAL OF A VOYAGE\n\n" + "\n\n".join(f"{h}{b}" for h, b in zip(heads, _BODIES)) + "\n"


SPELLED = ["The twenty-second of December, 1857.—", "December the twenty-third.—", "Thursday, the twenty-fourth.—",
           "Twenty-fifth December.—"]
DIGITS = ["The 22nd of December, 1857.—", "December the 23rd.—", "Thursday, the 24th.—", "25th December.—"]


@pytest.mark.parametrize("heads", [SPELLED, DIGITS], ids=["spelled", "digits"])
def test_a_diary_of_four_spelled_heads_is_four_dated_entries(heads):
    entries = [(t, d) for t, d in _docs(_diary(heads)) if d.kind == "diary"]
    assert [t[:len(h)] for (t, _), h in zip(entries, heads)] == heads and len(entries) == 4
    assert [d.date.edtf for _, d in entries] == ["1857-12-22", "1857-12-23", "1857-12-24", "1857-12-25"]


def test_a_yearless_spelled_head_takes_the_year_of_the_entry_before_and_rolls_over():
    heads = ["The thirtieth of December, 1857.—", "December the thirty-first.—", "The first of January.—",
             "January the second.—"]
    entries = [d for _, d in _docs(_diary(heads)) if d.kind == "diary"]
    assert [d.date.edtf for d in entries] == ["1857-12-30", "1857-12-31", "1858-01-01", "1858-01-02"]
    assert all(d.date.basis.value == "year_from_context" for d in entries[1:])


def test_a_letter_headed_with_its_date_in_words_gets_that_day():
    text = ("Tuesday, the twenty-second of December, 1857.\n\nMy dear Sister,\n\nWe arrived safely and the house "
            "is warm. I will write again soon.\n\nYour loving brother,\nJohn\n")
    (_, letter), = _docs(text)
    assert (letter.kind, letter.date.edtf) == ("letter", "1857-12-22")


@pytest.mark.parametrize("line", ["The twenty-second of December, 1857.", "December the twenty-second, 1857",
                                  "Tuesday, the twenty-second of December, 1857.", "Twenty-second December 1857",
                                  "December twenty-second, 1857"])
def test_a_full_date_in_words_is_a_date_line(line):
    assert FULL_DATE_RE.search(line).group(0).lower().startswith(("the twenty", "december", "tuesday", "twenty"))
    assert make_units(line + "\n\nWe went on board at noon and found the cabin small but clean.\n")[0].cue == \
        "dateline"


@pytest.mark.parametrize("line", ["May the first.", "Wednesday, the twenty-third.", "Wednesday twenty-third",
                                  "The first of May."])
def test_a_spelled_date_alone_on_its_line_is_a_bare_date(line):
    assert bare_date(line)


@pytest.mark.parametrize("line", ["First.", "Second Part.", "The second time.", "The fifth"])  # as "The 5th"
def test_an_ordinal_word_alone_is_no_bare_date(line):
    assert not bare_date(line)


@pytest.mark.parametrize("text", ["The twenty-second of December.—We left.", "December the twenty-third.—Grey.",
                                  "Thursday, the twenty-fourth.—Rough.", "Twenty-fifth December.—Christmas."])
def test_a_spelled_head_leads_a_paragraph(text):
    assert leading_date(text)


def test_yearless_reads_a_day_in_words():
    m = yearless("On December the twenty-third we sailed.")
    assert (m.group("m1"), m.group("d1")) == ("December", "twenty-third")
    assert yearless("The twenty-second of December, 1857") is None  # a full date: parse_date reads it


def test_numbered_arguments_in_words_are_not_entries():
    text = ("My Reasons\n\n"
            "First.—The roads are bad in winter and the carts cannot pass the river below the mill.\n\n"
            "Second.—The men are needed at home for the harvest and will not leave their fields.\n\n"
            "Third.—We have no money to pay the carriers, and the merchants will give no more credit.\n\n"
            "Fourth.—The season is late, and the passes will close before we could reach them.\n")
    assert len([d for _, d in _docs(text) if d.kind not in ("heading",)]) == 1


@pytest.mark.parametrize("day", ["22nd of December", "twenty-second of December", "December the twenty-second"])
def test_a_letter_announced_on_a_day_in_words_is_dated_by_its_framing_sentence(day):
    text = (f"In March 1862 the vestry quarrelled over the bridge.\n\nOn the {day} the rector wrote the following "
            "letter:\n\nSir, I must protest against the tolls.\n\nJ. Bell\n").replace("the December", "December")
    letter = next(d for _, d in _docs(text) if d.kind == "letter")
    assert (letter.date.edtf, letter.date.basis.value) == ("1862-12-22", "framing")


@pytest.mark.parametrize("head", ["1857.—December 23. ", "1857.—December the twenty-third. ",
                                  "1857.—The 23rd of December. ", "1857.—The twenty-third of December. "])
def test_an_entry_head_with_its_year_first(head):
    (_, entry), = [(t, d) for t, d in _docs("JOURNAL\n\n" + head + _BODIES[0] + "\n") if d.kind != "heading"]
    assert (entry.kind, entry.date.edtf) == ("diary", "1857-12-23")


YEAR_FIRST = [["1857.—December 22.—", "1857.—December 23.—", "1857.—December 24.—", "1857.—December 25.—"],
              ["1857.—The twenty-second of December. ", "1857.—December the twenty-third. ",
               "1857.—Thursday, December 24. ", "1857.—The 25th of December. "],
              ["1857. December 22. ", "1857. December 23. ", "1857. December 24. ", "1857. December 25. "],
              ["1857, December 22: ", "1857, December 23: ", "1857, December 24: ", "1857, December 25: "]]


@pytest.mark.parametrize("heads", YEAR_FIRST, ids=["dash", "words", "stop", "colon"])
@pytest.mark.parametrize("apart", [False, True], ids=["run-in", "own-line"])
def test_year_first_heads_open_entries_as_their_month_first_forms_do(heads, apart):
    # "1857.—December 23." heads an entry as "December 23, 1857.—" does: run into its first sentence, or
    # alone on its line
    heads = [h.rstrip() + "\n\n" if apart else h for h in heads]
    entries = [(t, d) for t, d in _docs(_diary(heads)) if d.kind == "diary"]
    assert len(entries) == 4 and [t[:len(h)] for (t, _), h in zip(entries, heads)] == heads
    assert [d.date.edtf for _, d in entries] == ["1857-12-22", "1857-12-23", "1857-12-24", "1857-12-25"]


def test_a_yearless_head_after_a_year_first_one_takes_its_year_and_rolls_over():
    heads = ["1857.—December 30. ", "December 31.—", "January 1.—", "1858.—January 2. "]
    entries = [d for _, d in _docs(_diary(heads)) if d.kind == "diary"]
    assert [d.date.edtf for d in entries] == ["1857-12-30", "1857-12-31", "1858-01-01", "1858-01-02"]


@pytest.mark.parametrize("line", ["1857. Monday.", "1812 was a dry year. May 4 came.", "1857, the year I married."])
def test_a_year_before_no_month_and_day_is_no_entry_head(line):
    assert leading_date(line) is None
