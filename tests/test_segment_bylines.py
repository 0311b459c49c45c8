"""Bylines under a title and reporters' datelines, on small hand-written texts (none from a corpus)."""
from __future__ import annotations

import pytest

from quellen.model import DateBasis, Source
from quellen.segment import segment
from quellen.segment.describe import report_dateline
from quellen.segment.lines import byline


def _docs(text: str, name: str = "t.md", media: str = "text/markdown", blocks=()):
    return segment(Source("src-by", name, "0" * 64, media, text, blocks=blocks) if blocks else
                   Source("src-by", name, "0" * 64, media, text))


@pytest.mark.parametrize("line, want", [
    ("*by Ann Pell, written in 1851*", ("Ann Pell", None, "1851")),
    ("by Ann Pell", ("Ann Pell", None, None)),
    ("Written by Tobias Quill", ("Tobias Quill", None, None)),
    ("Tobias Quill (1851)", ("Tobias Quill", None, "1851")),
    ("_By Mr. Quill, 3 March 1851._", ("Mr. Quill", None, "3 March 1851")),
    ("J. Bell. Notes on the Weir", ("J. Bell", "Notes on the Weir", None)),
])
def test_a_byline_names_its_writer_and_the_date_it_states(line, want):
    assert byline(line) == want


@pytest.mark.parametrize("line", ["by the river", "by the Editor", "By Royal Command", "By the Society",
                                  "by Ann Pell, the vicar's widow", "Written by the Author"])
def test_a_phrase_naming_no_person_is_no_byline(line):
    assert byline(line) is None


MEMOIR = """# Recollections of a Fen Schoolmaster

*by Tobias Quill, written in 1880*

Many years afterwards I remember how the water came over the dyke, and how we carried the slates up the
stairs of the school before it reached the door. I was then a young man and had seen nothing of the kind.

I set it down because few now remember it.
"""


def test_a_byline_under_a_title_gives_the_author_and_the_year_of_writing():
    docs = _docs(MEMOIR)
    assert len(docs) == 1
    d = docs[0]
    assert d.kind == "memoir" and d.author.name == "Tobias Quill"
    assert d.date.edtf == "1880" and d.date.basis == DateBasis.STATED and d.date.rule == "stated in the byline"
    assert d.title == "Recollections of a Fen Schoolmaster"


def test_a_title_over_by_the_river_names_no_author():
    docs = _docs(MEMOIR.replace("*by Tobias Quill, written in 1880*", "*by the river*"))
    assert all(d.author is None for d in docs)
    assert all(d.date is None for d in docs)


REPORT = """The Flood at Holme

From our own correspondent. Ely, Tuesday, March 2, 1852.

The water rose in the night over the low fields about Holme, and the families of the fen were taken off in
boats by the men of the drainage board. The losses of stock are said to be heavy.

The board will meet on Friday to consider what is to be done.
"""


def test_a_dateline_opening_a_paragraph_dates_and_places_a_report():
    docs = _docs(REPORT, "t.txt", "text/plain")
    d = next(d for d in docs if "water rose" in REPORT[d.char_start:d.char_end])
    assert d.kind == "newspaper_article"
    assert d.date.edtf == "1852-03-02" and d.place.name == "Ely"


def test_a_dateline_needs_a_place_a_weekday_and_a_full_date():
    assert report_dateline(["Ely, Tuesday, March 2, 1852.—The water rose."])[0] == "Ely"
    assert report_dateline(["March, Tuesday, March 2, 1852."]) is None  # a month is no place
    assert report_dateline(["Ely, March 2, 1852."]) is None
    assert report_dateline(["Ely, Tuesday, March 2."]) is None
    assert report_dateline(["We went to Ely, Tuesday, March 2, 1852, and saw the water."]) is None


def test_a_letter_with_a_dateline_in_its_first_paragraph_stays_a_letter():
    text = "Ely, Tuesday, March 2, 1852.\n\nMy dear Ann,\n\nThe water rose in the night. Do write.\n\n" \
           "Your affectionate brother,\n\nTobias Quill\n"
    docs = _docs(text, "t.txt", "text/plain")
    assert [d.kind for d in docs] == ["letter"]


MASTHEAD = """THE FENLAND MERCURY.
Saturday, March 6, 1852.

FLOOD AT HOLME.

On Tuesday night the water rose over the low fields about Holme, and the families of the fen were taken off in
boats by the men of the drainage board. The losses of stock are said to be heavy.

The board will meet on Friday to consider what is to be done.
"""


def test_a_newspaper_name_over_the_issue_date_heads_one_article_of_that_date():
    # the masthead is no heading over dated entries, and the issue's date under it is no diary entry's
    docs = [d for d in _docs(MASTHEAD, "t.txt", "text/plain") if d.kind != "boilerplate"]
    assert [(d.kind, d.date.edtf, d.primary) for d in docs] == [("newspaper_article", "1852-03-06", True)]
    assert docs[0].title == "THE FENLAND MERCURY."


def test_a_web_page_byline_over_its_date_names_no_place():
    page = ("The Flood at Holme\n\nBy Ann Marsh, posted 3 May 2011\n\nIn the spring of 1852 the water rose over the "
            "low fields about Holme, and the families of the fen were taken off in boats.\n")
    (d,) = [d for d in _docs(page) if "water rose" in page[d.char_start:d.char_end]]
    assert d.place is None or not d.place.name.startswith("By ")
