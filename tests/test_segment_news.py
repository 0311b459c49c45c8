"""News stories on the web as a fact-checker hands them in: invented pages (tests/fixtures/news, no corpus's)."""
from __future__ import annotations

from pathlib import Path

import pytest

from quellen.ingest import read_source
from quellen.model import RefBasis
from quellen.segment import segment
from quellen.segment.describe import news_credits
from quellen.segment.lines import web_byline, wire_dateline

NEWS = Path(__file__).parent / "fixtures" / "news"


def _articles(name: str):
    docs = segment(read_source(NEWS / name))
    return [d for d in docs if d.kind != "heading"]


@pytest.mark.parametrize("line, want", [
    ("By Ann Pell · 3 May 2021, 16:20", ("Ann Pell", "3 May 2021")),
    ("By Ann Pell, 3 May 2021", ("Ann Pell", "3 May 2021")),
    ("By Ann Pell | Updated: May 3, 2021 at 4:05 p.m. EST", ("Ann Pell", "May 3, 2021")),
    ("Posted 3 May 2021 by Ann Pell", ("Ann Pell", "3 May 2021")),
    ("Published 3 May 2021", (None, "3 May 2021")),
    ("Published on 3 May 2021", (None, "3 May 2021")),
])
def test_a_web_byline_gives_the_writer_and_the_day(line, want):
    assert web_byline(line) == want


@pytest.mark.parametrize("line", ["3 May 2021", "By the river, 3 May 2021", "By Ann Pell",
                                  "On 3 May 2021 the river rose over the weir at the mill and the lane",
                                  "By Ann Pell · 3 May 2021 by Tom Hale"])
def test_a_date_alone_or_a_phrase_is_no_web_byline(line):
    assert web_byline(line) is None


@pytest.mark.parametrize("text, place", [
    ("KELBURY, March 14 (Northern Wire) — The bridge fell.", "KELBURY"),
    ("KELBURY (Northern Wire) - The bridge fell.", "KELBURY"),
    ("NEW KELBURY, 14 March — The bridge fell.", "NEW KELBURY"),
])
def test_an_agency_dateline_opens_a_story(text, place):
    assert wire_dateline(text).group("place") == place


@pytest.mark.parametrize("text", ["MONDAY, March 3 — went to town.", "KELBURY, — the bridge fell.",
                                  "Kelbury, March 3 — the bridge fell."])
def test_a_diary_head_or_a_bare_place_is_no_agency_dateline(text):
    assert wire_dateline(text) is None


def test_a_byline_with_its_time_heads_the_article_it_dates_and_signs():
    # "By Maren Odell · <time>3 May 2023, 09:15</time>" was a heading document of its own: the article undated
    [article] = _articles("a-courier.html")
    assert article.kind == "newspaper_article"
    assert article.date.edtf == "2023-05-03"
    assert article.author.name == "Maren Odell" and article.author.basis is RefBasis.HEADED


def test_a_published_line_heads_its_article():
    [article] = _articles("d-post.html")
    assert (article.kind, article.date.edtf) == ("newspaper_article", "2023-05-04")


def test_a_byline_and_date_on_one_line_make_a_newspaper_article_not_a_diary_entry():
    [article] = _articles("c-gazette.html")
    assert (article.kind, article.date.edtf, article.author.name) == ("newspaper_article", "2023-05-06",
                                                                      "Hugh Penrith")


def test_an_agency_story_is_a_newspaper_article_written_by_its_reporter_not_its_editor():
    [article] = _articles("b-wire.html")
    assert article.kind == "newspaper_article"
    assert article.date.edtf == "2023-05-03"
    assert article.author.name == "Ivo Sandell"


def test_a_first_person_blog_post_is_no_newspaper_article():
    [post] = _articles("e-blog.html")
    assert post.kind != "newspaper_article"
    assert (post.date.edtf, post.author.name) == ("2023-05-07", "Tessa Quillon")


@pytest.mark.parametrize("line, writer", [
    ("(Reporting by Ann Pell; editing by T. Hale)", "Ann Pell"),
    ("Additional reporting by Ann Pell", "Ann Pell"),
    ("(Reporting by Ann Pell and Tom Hale; Writing by Tom Hale; Editing by Jo Marr)", "Ann Pell"),
    ("(Editing by T. Hale)", None),
])
def test_a_credit_line_names_the_reporter_as_writer_never_the_editor(line, writer):
    assert news_credits(line) == (writer,)


def test_a_sentence_ending_in_a_name_is_no_credit_line():
    assert news_credits("The sluice was opened by Ann Pell.") is None


@pytest.mark.parametrize("name, headline", [("a-courier.html", "Five dead as storm floods Tollerby"),
                                            ("b-wire.html", "Storm floods Tollerby"),
                                            ("c-gazette.html", "Tollerby: the night the river rose"),
                                            ("d-post.html", "County promises flood inquiry")])
def test_the_headline_over_a_dated_byline_or_an_agency_dateline_is_the_article_s_title(name, headline):
    # the headline is no heading over dated entries: one document, the article, under it
    [article] = segment(read_source(NEWS / name))
    assert (article.kind, article.title) == ("newspaper_article", headline)
