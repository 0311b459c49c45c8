"""Hard-wrapped plain text (a Project Gutenberg book): the analysis reads each paragraph as one line."""
from __future__ import annotations

from quellen.ingest.text import book_frame, repair_typography, see_through_italics, unwrap, wrap_width
from quellen.model import Source
from quellen.segment import segment

BOOK = """LETTER I.

To Mrs. Saville, England.

St. Petersburgh, Dec. 11th, 17--.

You will rejoice to hear that no disaster has accompanied the
commencement of an enterprise which you have regarded with such evil
forebodings. I arrived here yesterday, and my first task is to assure
my dear sister of my welfare and increasing confidence in the success
of my undertaking.

I am already far north of London, and as I walk in the streets of
Petersburgh, I feel a cold northern breeze play upon my cheeks, which
braces my nerves and fills me with delight. Do you understand this
feeling? This breeze, which has travelled from the regions towards
which I am advancing, gives me a foretaste of those icy climes.

    The sea was calm, the sky was grey,
    And all the birds had flown away.

Farewell, my dear, excellent Margaret. Heaven shower down blessings
on you, and save me, that I may again and again testify my gratitude
for all your love and kindness, which is more than I can ever repay.
Your affectionate brother,
R. Walton

LETTER II. From Robert Walton, Esq., in Archangel, to his sister, the Hon.
Mrs. Saville.

Archangel, 28th March, 17--.

How slowly the time passes here, encompassed as I am by frost and
snow! Yet a second step is taken towards my enterprise. I have hired a
vessel and am occupied in collecting my sailors; those whom I have
already engaged appear to be men on whom I can depend and are
certainly possessed of dauntless courage. I shall write again when we
sail. Farewell.

This paragraph of mine, which runs on for a while, ends its sentence.
Adieu.
"""


def test_a_hard_wrapped_text_is_told_by_its_measure():
    assert wrap_width(BOOK) in range(66, 73)
    # one paragraph a line, or a list of short lines: not wrapped
    assert wrap_width(BOOK.replace("\n", " ").replace("  ", "\n\n")) is None
    assert wrap_width("\n".join(f"May {d}. Fair; wind west." for d in range(1, 30))) is None
    # a log of one long line a day, every line near one width, is no wrapped prose: each line opens a day
    log = "\n".join(f"May {d}. Fair weather, the wind in the south-west; made {d + 60} miles, all well on board."
                    for d in range(1, 30))
    assert wrap_width(log) is None and unwrap(log) == (log, 0)


def test_the_breaks_inside_paragraphs_become_spaces_and_the_short_lines_stay():
    text, count = unwrap(BOOK)
    assert len(text) == len(BOOK) and count == 17
    assert "to his sister, the Hon. Mrs. Saville." in text and "ends its sentence. Adieu." in text
    lines = text.split("\n")
    assert "You will rejoice to hear that no disaster has accompanied the commencement of an" in text
    # headings, date lines, verse, the closing and the signature keep their own lines
    for kept in ("LETTER I.", "St. Petersburgh, Dec. 11th, 17--.", "    The sea was calm, the sky was grey,",
                 "    And all the birds had flown away.", "Your affectionate brother,", "R. Walton"):
        assert kept in lines
    assert [ch for ch, was in zip(text, BOOK) if ch != was] == [" "] * count
    # the working copy is unwrapped and says so; a text that is not wrapped is left as it is
    assert repair_typography(BOOK) == (text, [("unwrapped-lines", count)])
    assert unwrap("One line.\nAnother line.\n") == ("One line.\nAnother line.\n", 0)


def test_a_hard_wrapped_book_segments_as_its_paragraphs_do():
    def shape(text):
        docs = segment(Source("s", "b.txt", "0", "text/plain", text))
        return [(d.char_start, d.char_end, d.kind, d.author) for d in docs]
    # the same book written a paragraph a line (what the analysis now reads) gives the same documents
    assert shape(BOOK) == shape(unwrap(BOOK)[0])
    assert [BOOK[start:start + 10] for start, _, _, _ in shape(BOOK)][:2] == ["LETTER I.\n", "LETTER II."]


FRONT = """The Project Gutenberg eBook of Letters, by R. Walton

This ebook is for the use of anyone anywhere at no cost and with almost no
restrictions whatsoever.

Title: Letters

Release date: March 3, 2004 [eBook #10234]
                Most recently updated: October 28, 2021

*** START OF THE PROJECT GUTENBERG EBOOK LETTERS ***



"""
BACK = """


*** END OF THE PROJECT GUTENBERG EBOOK LETTERS ***

Updated editions will replace the previous one--the old editions will be renamed.

Sincerely,

Michael S. Hart
"""


def test_a_digital_librarys_front_and_back_matter_is_one_boilerplate_document_each():
    text = FRONT + BOOK + BACK
    front, back = book_frame(text)
    assert text[front[0]:front[1]].startswith("The Project") and text[front[1] - 3:front[1]] == "***"
    assert text[back[0]:back[1]].startswith("*** END OF") and text[back[0]:back[1]].endswith("Hart")
    docs = segment(Source("s", "b.txt", "0", "text/plain", text))
    assert (docs[0].char_start, docs[0].char_end, docs[0].kind) == (*front, "boilerplate")
    assert (docs[-1].char_start, docs[-1].char_end, docs[-1].kind) == (*back, "boilerplate")
    # the book's documents are those of the book alone, and no date of the frame reaches them
    alone = segment(Source("s", "b.txt", "0", "text/plain", BOOK))
    assert [(d.char_start - len(FRONT), d.kind, d.date) for d in docs[1:-1]] == [(d.char_start, d.kind, d.date)
                                                                                for d in alone]
    assert book_frame(BOOK) == (None, None) and book_frame("START OF THE PROJECT GUTENBERG EBOOK\n" + BOOK)[0]


# what real Project Gutenberg files do that a text wrapped by one tool at one measure does not

DIARY = """CHAPTER I

THE VICAR'S JOURNAL

(_Kept in a pocket-book._)


_3 May. Ashby._--Rode over to the mill in the morning and found the wheel
stopped, the race choked with the winter's leaves, and the miller gone to
market; left word with his wife, who says the _new_ stones are not yet come.

_4 May._--Rain all day. Read the second volume through and began a letter
to my brother, which I could not finish for the noise of the children in
the lane and the want of a good pen, my last being worn to the stump.

       *       *       *       *       *

_The Curate's Diary._

_5 May._--A quiet day. Walked to the top of the common and back, and saw
the first swallows over the pond; wrote up the accounts of the parish for
the quarter and found them short by four shillings, which I made good.
"""


def test_italic_underscores_are_out_of_the_way_and_offsets_stay():
    text, count = see_through_italics(DIARY)
    assert len(text) == len(DIARY) and count == 6
    lines = text.split("\n")
    # a run opening its line moves one column left, so the line opens with its words; elsewhere the marks are spaces
    assert any(line.startswith("3 May. Ashby.  --Rode over") for line in lines)
    assert any(line.startswith("4 May.  --Rain all day.") for line in lines)
    assert "The Curate's Diary.  " in lines and "( Kept in a pocket-book. )" in lines
    assert "the  new  stones" in text
    # an underscore inside a word or a row of them (a blank) is no italics
    assert see_through_italics("snake_case and Mr. ____ and a_b_c") == ("snake_case and Mr. ____ and a_b_c", 0)
    assert dict(repair_typography(DIARY)[1])["italic-underscores"] == 6


def test_a_diary_in_italic_heads_segments_as_it_does_without_the_underscores():
    def heads(text):
        docs = segment(Source("s", "d.txt", "0", "text/plain", text))
        return [(text.count("\n", 0, d.char_start), d.kind, d.author and d.author.name) for d in docs]
    assert heads(DIARY) == heads(DIARY.replace("_", ""))


RAGGED = """The carrier came late to the village on the evening of the fair, his cart
heavy with bolts of cloth and crates of blue china, and the landlord of the
inn had to rouse two boys from the stable to help him unload before the rain.

The schoolmaster had written to his brother in the spring of
that year about the new chapel, and I copy his words here
because they tell the matter better than any account of mine can,
and I send them on to you as he wrote them, my good friend and
Margaret, who will know what to make of them in this place.

Nothing more was heard of the affair until the assizes, when the clerk
read out the names of the jurors and the old miller, who had not been seen
in the town for a twelvemonth, rose from the back of the hall.

 CONTENTS

 CHAPTER XXIV. The Journal of the Second Mate, kept on the Ice Floe
 CHAPTER XXV. The Last Letter
"""


def test_a_paragraph_wrapped_narrower_than_the_text_runs_on_and_a_list_stays_lines():
    width = wrap_width(RAGGED)
    assert width and width >= 76
    text, _ = unwrap(RAGGED)
    # the producer wrapped the second paragraph at 65: its next words would have fitted at the text's measure
    assert ("The schoolmaster had written to his brother in the spring of that year about the new chapel, and I copy "
            "his words here because they tell the matter better than any account of mine can, and I send them on to "
            "you as he wrote them, my good friend and Margaret, who will know") in text
    # entries of a list opening with one word stay lines, however near the measure
    assert " CHAPTER XXIV. The Journal of the Second Mate, kept on the Ice Floe\n CHAPTER XXV." in text


TITLE_PAGE = """                                THE JOURNAL

                                  _of_

                              A COUNTRY PARSON

      Printed for the Author, in the Year of Our Lord 1798, and Sold
    by the Booksellers of the Town and Country, at Two Shillings the Copy

Your affectionate brother, whose letters you will find in the pages that
follow this one, and whose love for you is more than he can tell you now.
    Your affectionate brother,
        R. Walton
"""


def test_centred_lines_and_indented_closings_stay_lines():
    text, _ = unwrap(TITLE_PAGE + BOOK)
    lines = text[:len(TITLE_PAGE)].split("\n")
    # both indented, by different amounts: centred lines of a title page, each its own
    assert "      Printed for the Author, in the Year of Our Lord 1798, and Sold" in lines
    assert "    by the Booksellers of the Town and Country, at Two Shillings the Copy" in lines
    # a closing and a signature indented under a paragraph keep their lines
    assert "    Your affectionate brother," in lines and "        R. Walton" in lines


OLD_FRONT = """The Project Gutenberg Etext of Letters, by R. Walton

Please take a look at the important information in this header.

**Welcome To The World of Free Plain Vanilla Electronic Texts**

*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*



"""
OLD_BACK = """


End of Project Gutenberg's Letters, by R. Walton

*** END OF THIS PROJECT GUTENBERG EBOOK LETTERS ***

***** This file should be named 10234.txt or 10234.zip *****
"""


def test_older_frames_and_crlf_line_ends_are_read_as_the_newer():
    from quellen.ingest.text import read_text
    text = OLD_FRONT + BOOK + OLD_BACK
    front, back = book_frame(text)
    assert text[:front[1]].endswith("Ver.04.29.93*END*")
    assert text[back[0]:].startswith("End of Project Gutenberg's Letters")
    # the same file with Windows line ends reads as the same text, framed and unwrapped alike
    read, encoding, repairs = read_text("b.txt", text.replace("\n", "\r\n").encode("utf-8"))
    assert read == text and dict(repairs)["book-frame"] == 2 and dict(repairs)["unwrapped-lines"] == 17


def test_the_producers_note_after_the_start_line_is_front_matter():
    note = "Produced by A. Reader, B. Reader and the Online\nDistributed Proofreading Team.\n\n\n\n"
    text = FRONT + note + BOOK + BACK
    front, _ = book_frame(text)
    assert text[:front[1]].endswith("Proofreading Team.")
    # a paragraph of the book after the start line is no note, however it opens
    assert book_frame(FRONT + BOOK + BACK)[0][1] == len(FRONT.rstrip())
