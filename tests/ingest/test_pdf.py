"""Printed books as PDF: running heads and feet are dropped, what merely looks like one is kept."""
from __future__ import annotations

import pytest

from quellen.ingest import read_source
from quellen.ingest.pdf import reflow, running_pages, running_year
from quellen.segment import segment
from quellen.settings import IngestSettings, Settings

from pdfmaker import make_pdf

FILL = [
    "the wind came round to the north-west and we stood off and on all",
    "night, the master being unwilling to hazard the passage in the dark,",
    "and at daybreak we found ourselves a league to leeward of the point",
    "with the tide against us and the boats not yet hoisted in for the day",
]


def body(n: int, start: int = 0) -> list[str]:
    """Return n full lines of prose, none ending a sentence."""
    return [FILL[i % len(FILL)] for i in range(start, start + n)]


def head(number: int, recto: str = "AT SEA") -> str:
    """Return the running head of a page: the book on verso (even) pages, ``recto`` on odd ones."""
    return f"{number} THE JOURNAL OF A VOYAGE" if number % 2 == 0 else f"{recto} {number}"


def book() -> list[list[str]]:
    """Return the pages of a diary whose entries run over page breaks (pages 12-23)."""
    pages = []
    for number in range(12, 24):
        lines = [head(number)] + body(5, start=number)
        if number == 14:
            lines[3:3] = ["I shall have no more to say of it.", "Tuesday, 4 March 1794."]
        pages.append(lines)
    pages[-1][-1] = "and so to bed."
    return pages


def test_running_heads_are_dropped_and_entries_joined_over_the_page_break():
    paragraphs, repairs = reflow(book())
    assert not any("JOURNAL OF A VOYAGE" in p or "AT SEA" in p for p in paragraphs)
    assert [p[:22] for p in paragraphs] == ["the wind came round to", "Tuesday, 4 March 1794.",
                                            "the wind came round to"]
    assert paragraphs[0].endswith("I shall have no more to say of it.")
    assert dict(repairs) == {"page-break-joined": 11, "running-head-removed": 12}


def test_the_head_cuts_the_entry_without_the_fix():
    # the damage the fix repairs: with an impossible threshold the head stays, as a paragraph of its own
    paragraphs, repairs = reflow(book(), IngestSettings(pdf_running_min_pages=100))
    assert "13 THE JOURNAL OF A VOYAGE" not in paragraphs and "AT SEA 13" in paragraphs
    assert "running-head-removed" not in dict(repairs)


def test_a_chapter_page_without_head_keeps_its_first_line():
    pages = book()
    # page 16 opens chapter II: no head, its title where the head would be, the page number at the foot
    pages[4] = ["CHAPTER II.", "THE RETURN"] + body(4) + ["and so on.", "16"]
    for i in (5, 7):
        pages[i][0] = head(12 + i, recto="THE RETURN")
    paragraphs, repairs = reflow(pages)
    assert "CHAPTER II." in paragraphs and "THE RETURN" in paragraphs
    assert not any(p.startswith(("THE RETURN 1", "AT SEA")) for p in paragraphs)
    assert dict(repairs)["running-head-removed"] == 11


def test_a_line_that_resembles_the_head_once_is_kept():
    pages = book()
    pages[3][0] = "AT SEA."                                # the recto head's words, once, without a number
    pages[5][0] = "THE JOURNAL OF A VOYAGE was begun on the first day out"   # the verso head's words
    paragraphs, repairs = reflow(pages)
    assert "AT SEA." in paragraphs
    assert any(p.startswith("THE JOURNAL OF A VOYAGE was begun") for p in paragraphs)
    assert dict(repairs)["running-head-removed"] == 10


def test_date_lines_opening_several_pages_are_not_heads():
    # same shape once digits are masked, every other page: but no text recurs and no number runs with the pages
    edge = ["Tuesday, 4 March 1794.", "x", "Tuesday, 11 March 1794.", "y", "Tuesday, 18 March 1794.", "z",
            "Tuesday, 25 March 1794."]
    assert running_pages(edge) == set()


def test_a_short_books_verso_and_recto_heads_vouch_for_each_other():
    # six pages: each head only twice, too few alone, but facing each other with page numbers that run alike
    edge = ["LETTERS", "LETTER I.", "LETTERS OF ANN ROE 3", "4 [1794", "LETTERS OF ANN ROE 5", "6 [1794"]
    assert running_pages(edge) == {2, 3, 4, 5}
    # two date lines on facing pages are not heads: their numbers do not run with the pages
    assert running_pages(["x", "4 May 1794.", "9 May 1794.", "y", "8 May 1794.", "1 June 1794."]) == set()


def test_a_salutation_opening_every_page_is_not_a_head():
    assert running_pages(["Dear Sir,"] * 6) == set()


def test_heads_without_page_numbers_and_a_head_split_from_its_number():
    edge = ["ASHCOMBE JOURNAL", "SPRING, 1823", "ASHCOMBE JOURNAL", "SPRING, 1823", "ASHCOMBE JOURNAL",
            "SUMMER, 1823", "ASHCOMBE JOURNAL", "SUMMER, 1823", "ASHCOMBE JOURNAL", "AUTUMN, 1823",
            "ASHCOMBE JOURNAL", "AUTUMN, 1823"]
    # the summer and autumn heads recur twice only, but on the pages facing the book's head
    assert running_pages(edge) == set(range(12))
    title = "THE JOURNAL OF A VOYAGE"
    paragraphs, repairs = reflow([["124", title] + body(2, start=0), ["125", title] + body(2, start=1),
                                  [title, "126"] + body(2, start=2), ["127", title] + body(2, start=3)])
    assert not any("JOURNAL" in p or p.isdigit() for p in paragraphs)
    assert dict(repairs) == {"page-break-joined": 3, "page-number-removed": 4, "running-head-removed": 4}


def test_a_running_foot_is_dropped():
    pages = [body(4, start=n) + [f"Printed for the Society, {n}"] for n in range(1, 6)]
    paragraphs, repairs = reflow(pages)
    assert not any("Society" in p for p in paragraphs)
    assert dict(repairs) == {"page-break-joined": 4, "running-foot-removed": 5}


@pytest.mark.parametrize("name,value", [("pdf_running_min_pages", 1), ("pdf_running_step_share", 1.5),
                                        ("pdf_running_agree_share", -0.1)])
def test_thresholds_are_settings_in_range(name, value):
    from quellen.errors import SettingsError
    with pytest.raises(SettingsError, match=f"ingest.{name}"):
        Settings().with_overrides([f"ingest.{name}={value}"])


def test_a_printed_diary_segments_into_whole_entries(tmp_path):
    pages = []
    for number in range(12, 18):
        lines = [head(number)] + body(3)
        if number in (13, 15):
            lines[2:2] = ["we came to anchor at last.", f"{'Wednesday' if number == 13 else 'Friday'}, "
                          f"{number // 2 + 1} March 1794."]
        pages.append(lines)
    pages[0][1:1] = ["Monday, 3 March 1794."]
    pages[-1].append("and so to bed.")
    path = tmp_path / "voyage.pdf"
    path.write_bytes(make_pdf(pages))
    source = read_source(path)
    assert "JOURNAL" not in source.text and "AT SEA" not in source.text
    documents = segment(source)
    assert [source.text[d.char_start:d.char_end].split("\n")[0] for d in documents] == [
        "Monday, 3 March 1794.", "Wednesday, 7 March 1794.", "Friday, 8 March 1794."]
    assert dict(source.repairs)["running-head-removed"] == 6


def test_footnotes_and_their_marks_are_dropped_and_the_paragraph_joined():
    pages = [body(3) + ["where the surgeon had his quarters, a low house1 by the water, as",
                        "the rector2 told us when we came ashore at last in the evening, who",
                        "1 It stood by the bridge; pulled down in 1840, the site is now",
                        "a wharf.", "2 The Rev. J. Pellow, rector 1811-1840.", "12"],
             ["and showed us the way."]]
    paragraphs, repairs = reflow(pages)
    assert len(paragraphs) == 1 and "a low house by the water, as the rector told us when" in paragraphs[0]
    assert paragraphs[0].endswith("who and showed us the way.")
    assert "1840" not in paragraphs[0] and "wharf" not in paragraphs[0]
    assert dict(repairs) == {"footnote-removed": 2, "page-break-joined": 1, "page-number-removed": 1}


def test_a_line_opening_with_a_number_is_not_a_footnote_without_its_mark():
    paragraphs, repairs = reflow([body(3) + ["12 sheep were sold at the fair, and the rest driven home."]])
    assert paragraphs[-1].endswith("12 sheep were sold at the fair, and the rest driven home.")
    assert "footnote-removed" not in dict(repairs)
    kept, _ = reflow([body(2) + ["a low house1 by the water.", "1 It stood by the bridge."]],
                     IngestSettings(pdf_footnotes=False))
    assert kept[-1] == "1 It stood by the bridge."


def test_the_year_of_the_running_heads_becomes_the_sources_year(tmp_path):
    assert running_year(["12 [1794", "LETTERS 13", "14 [1794", "LETTERS 15", "16 [1795"]) == 1794
    assert running_year(["1066 THE CONQUEST", "THE CONQUEST 1067"]) is None    # page numbers never recur
    # a diary whose entries name no year: the heads did, and the year must not go with them
    pages = [[("ASHCOMBE JOURNAL" if n % 2 == 0 else "SPRING, 1823")] + body(3, start=n) for n in range(6)]
    pages[0][1:1] = ["Wednesday, 12 March."]
    pages[-1].append("and so to bed.")
    path = tmp_path / "ashcombe.pdf"
    path.write_bytes(make_pdf(pages))
    source = read_source(path)
    assert "SPRING" not in source.text and ("year", "1823", "PDF running head") in source.meta
    assert str(segment(source)[0].date.earliest) == "1823-03-12"


def test_heads_a_scan_misread_are_dropped_with_the_rest():
    edge = [head(n) for n in range(12, 30)]
    edge[2], edge[6] = "14 THE JOUKNAL OF A VOYAGE", "18 THE JOURNL OF A VOYAGE"
    edge[9], edge[12] = "AT 5EA 21", "2o THE JOURNAL OF A VOYAGE"   # the recto head misread, a page number
    assert running_pages(edge) == set(range(18))
    assert running_pages(edge, IngestSettings(pdf_running_similarity=1.0)) != set(range(18))


def test_a_running_foots_year_is_not_the_sources_year():
    pages = [body(3, start=n) + [f"Printed for the Society, 1887. {n}"] for n in range(5)]
    source = read_source("society.pdf", data=make_pdf(pages))
    assert "1887" not in source.text and not [m for m in source.meta if m[0] == "year"]


def test_a_title_page_or_a_facing_line_like_the_head_is_kept():
    for title in ("THE JOURNAL OF A VOYAGE.", "1794 THE JOURNAL OF A VOYAGE"):
        edge = [title] + [head(n) for n in range(12, 24)]
        assert running_pages(edge) == set(range(1, 13))     # the title page, before the run of heads
    edge = [head(n) for n in range(12, 24)]
    edge[3] = "5 THE JOURNAL OF A VOYAGE"                # a recto page's first line like the verso head
    assert 3 not in running_pages(edge) and len(running_pages(edge)) == 11


def test_a_plate_shifting_the_pages_keeps_the_heads_running():
    # an unnumbered plate (a page without text) after page 17: verso heads fall on odd indices from there on
    edge = [head(n) for n in range(12, 18)] + [None] + [head(n) for n in range(18, 26)]
    assert running_pages(edge) == set(range(15)) - {6}


def test_ligatures_of_the_type_are_spelled_out():
    paragraphs, repairs = reflow([["I remain, Madam,", "your a\ufb00ectionate", "and \ufb01rst \ufb02ower"]])
    assert " ".join(paragraphs) == "I remain, Madam, your affectionate and first flower"
    assert dict(repairs) == {"ligature-expanded": 3}


def test_an_edge_line_of_thousands_of_digits_is_read_without_error():
    # int() refuses a run of over 4,300 digits; a garbled scan can print one at a page's edge
    assert running_pages(["9" * 5000] * 6) == set(range(6))
