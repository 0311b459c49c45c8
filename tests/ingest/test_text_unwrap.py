"""Hard-wrapped plain text (a Project Gutenberg book): the analysis reads each paragraph as one line."""
from __future__ import annotations

from quellen.ingest.text import book_frame, repair_typography, unwrap, wrap_width
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
