"""HTML and XHTML reading: main content of scraped pages, whole e-book chapters, block spans."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from quellen.errors import EmptyInput
from quellen.ingest import read_source
from quellen.ingest.html import decode_html, read_html
from quellen.settings import IngestSettings

from conftest import FIXTURES

HERE = FIXTURES / "ingest"


def spans(source, tag=None):
    return [source.text[a:b] for a, b, t in source.blocks if tag is None or t == tag]


def check_block_contract(source):
    """Every block ends in a newline; blocks are separated by a blank line or (table rows) one newline."""
    text = source.text
    assert text.endswith("\n")
    for a, b, tag in source.blocks:
        assert 0 <= a <= b <= len(text)
        if tag == "hr":
            assert a == b
            continue
        if tag.startswith(("time:", "person")) or tag == "place":
            assert text[a:b].strip(), tag  # inline semantic spans lie inside a block
            continue
        assert text[b] == "\n", (tag, text[a:b])
        assert text[a:b] == text[a:b].strip(" ")
        assert a == 0 or text[a - 1] == "\n"


def test_scraped_page_keeps_main_content_and_drops_site_furniture():
    source = read_source(HERE / "scraped_page.html")
    text = source.text
    check_block_contract(source)
    assert text.startswith("Letters from the Salt Marsh, 1843\n\n")
    for gone in ("cookies", "Join us", "Related posts", "newsletter", "All rights reserved",
                 "Privacy policy", "do not read me", "font-family", "Archive ›"):
        assert gone not in text
    # what trafilatura alone drops but a source-critical reader needs: byline and caption
    assert spans(source, "caption") == ["The ferry house at Gullsend before the flood of 1851 | "
                                        "brackwater-history.example"]
    assert "Posted by the archive volunteers, 12 May 2019" in spans(source, "p")
    assert spans(source, "h1") == ["Letters from the Salt Marsh, 1843"]
    assert spans(source, "h2") == ["The first letter", "What the parish book says"]
    # the end of the article is kept, after the thematic break
    assert text.rstrip().endswith("Transcribed by the archive volunteers; spelling modernised.")
    assert [t for _, _, t in source.blocks].count("hr") == 1


def test_old_table_layout_page_keeps_the_letter_only():
    source = read_source(HERE / "table_layout_page.html")  # windows-1252, declared as iso-8859-1
    check_block_contract(source)
    assert source.text.startswith("Letter 14. Inés de Valdemoro to her son Rodrigo\n\n")
    assert source.text.endswith("Your mother who loves you,\nInés\n")
    for gone in ("guestbook", "Letter 15", "Best viewed", "Transcriptions from the family archive"):
        assert gone not in source.text
    assert source.encoding == "cp1252"


def test_blog_post_drops_sharing_comments_and_widgets():
    source = read_source(HERE / "blog_with_comments.html")
    paragraphs = [source.text[a:b] for a, b, t in source.blocks]
    assert paragraphs[0] == "Ein Brief aus Kleinwiesental (1848)"
    assert paragraphs[-1] == "Der Brief wurde nie abgeschickt; er lag bis 1961 in Amslers Bibel."
    assert "Kleinwiesental, den 28. März 1848.\nLieber Bruder!\n" in source.text
    for gone in ("Teilen mit", "Facebook", "Kommentare", "Urgroßvater", "Neueste Beiträge", "WordPress", "Kontakt"):
        assert gone not in source.text


def test_line_breaks_inside_a_paragraph_stay_lines():
    source = read_source(HERE / "scraped_page.html")
    letter = next(p for p in spans(source, "p") if p.startswith("Gullsend,"))
    assert letter.split("\n") == [
        "Gullsend, the 3rd of October 1843.", "My dear Orla,",
        "The water came over the sea wall on Sunday night and stood a foot deep in the kitchen. "
        "Tobias carried the hens up to the loft. We have lost the winter peat.",
        "Your loving sister,", "Hester"]


def test_typographic_repairs_are_counted():
    source = read_source(HERE / "scraped_page.html")
    assert dict(source.repairs) == {"nbsp": 1, "soft-hyphen-removed": 1}
    assert "the ferryman's wife" in source.text  # the soft hyphen is gone, the word whole
    assert "the winter peat." in source.text
    assert "\u00ad" not in source.text and "\u00a0" not in source.text


def test_table_cells_of_a_row_share_a_line_group():
    source = read_source(HERE / "scraped_page.html")
    assert "Source\nDate of the flood\n\nHester Pennock, letter\nSunday before 3 October 1843\n\n" in source.text
    assert spans(source, "td")[:2] == ["Source", "Date of the flood"]


def test_blockquote_spans_its_paragraphs():
    source = read_source(HERE / "scraped_page.html")
    quote = [(a, b) for a, b, t in source.blocks if t == "blockquote"]
    inner = [(a, b) for a, b, t in source.blocks if t == "p" and source.text[a:b].startswith("“The sea")]
    assert quote == inner and len(quote) == 1


def test_epub_chapter_keeps_everything():
    source = read_source(HERE / "chapter_diary.xhtml")
    check_block_contract(source)
    assert source.media_type == "application/xhtml+xml"
    assert spans(source, "h1") == ["CHAPTER III.\nAT SEA"]
    assert spans(source, "h2") == ["May 14th, 1786. Lat. 41° N.", "May 15th, 1786.", "May 17th, 1786."]
    assert spans(source, "caption") == ["The brig Lantern, from a sketch in the author’s journal."]
    # a footnote inside <footer> is part of a book chapter: nothing is dropped
    assert "1. Saint Orrin was the colony’s only harbour town." in spans(source, "p")
    assert "book.css" not in source.text and "Chapter III. At Sea" not in source.text  # <head> is not text


def test_plain_xhtml_without_site_furniture_is_read_whole_in_its_declared_encoding():
    source = read_source(HERE / "letters_1648.xhtml")
    assert "Deare Heart — my déar’st," in spans(source, "p")
    assert spans(source, "p")[-1] == "Your servant\nT. G."
    assert spans(source, "h2") == ["I. To his wife, at Hollin Cross", "II. To Mr. Samuel Otterley"]


def test_tei_letter_reads_with_its_parts_as_blocks():
    source = read_source(HERE / "letter_tei.xml")
    check_block_contract(source)
    assert source.media_type == "application/tei+xml"
    assert "Unpublished test text" not in source.text  # the teiHeader is metadata, not text
    semantic = [(t, source.text[a:b]) for a, b, t in source.blocks if t in ("letter", "dateline", "signature")
                or t.startswith("time:")]
    assert [t for t, _ in semantic] == ["letter", "dateline"] + [t for t, _ in semantic][2:]
    assert [(t, source.text[a:b]) for a, b, t in source.blocks if (t, source.text[a:b]) not in semantic] == [
        ("h2", "To Pieter Hals, at Oosthaven"), ("p", "Zeewolde, 3 April 1702."), ("p", "Dear Cousin,"),
        ("p", "The dyke at Oosthaven is broken\nand the polder is under water. We have taken the cows "
              "to the church hill."), ("place", "Oosthaven"),
        ("p", "Water over land,\nland under water."), ("p", "Your cousin,"), ("p", "Anna Vos")]


def test_a_tei_persname_pointing_into_the_list_of_persons_carries_the_listed_name(tmp_path):
    tei = tmp_path / "letters.xml"
    tei.write_text('<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
                   '<title>Letters</title></titleStmt></fileDesc><profileDesc><particDesc><listPerson>'
                   '<person xml:id="ap"><persName>Ann Pell</persName></person></listPerson></particDesc>'
                   '</profileDesc></teiHeader><text><body><div type="letter"><p>I saw '
                   '<persName ref="#ap">Nan</persName> and <persName ref="#nobody">Tom</persName> at '
                   '<placeName>Kendal</placeName>.</p></div></body>'
                   '</text></TEI>', encoding="utf-8")
    source = read_source(tei)
    check_block_contract(source)
    assert [(source.text[a:b], t) for a, b, t in source.blocks if t.startswith(("person", "place"))] == [
        ("Nan", "person:Ann Pell"), ("Tom", "person"), ("Kendal", "place")]


def test_a_tei_title_in_the_running_text_is_read_and_an_html_page_title_is_not(tmp_path):
    tei = tmp_path / "diary.xml"
    tei.write_text('<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
                   '<title>A Notebook</title></titleStmt></fileDesc></teiHeader><text><body><div type="entry">'
                   '<head>Monday 4</head><p>At home--read <title>the Antiquary</title> &amp; '
                   '<title level="j">the Quarterly</title>.</p></div></body></text></TEI>', encoding="utf-8")
    source = read_source(tei)
    assert "read the Antiquary & the Quarterly." in source.text and "A Notebook" not in source.text
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Site name</title></head><body><p>The text.</p></body></html>",
                    encoding="utf-8")
    assert "Site name" not in read_source(page).text


def test_truncated_html_still_reads_what_is_there():
    source = read_source(HERE / "truncated.html")
    check_block_contract(source)
    assert source.text.rstrip().endswith("The parish overseer record")
    assert "The first letter" in spans(source, "h2")


def test_boilerplate_removal_can_be_switched_off():
    data = (HERE / "scraped_page.html").read_bytes()
    text, _, _ = read_html("p.html", data, "text/html", IngestSettings(html_boilerplate_removal=False))
    assert "Related posts" in text and "All rights reserved" in text
    assert "do not read me" not in text and "font-family" not in text  # never text


def test_a_page_trafilatura_finds_nothing_in_falls_back_to_structure():
    data = (b"<html><body><nav><a href='/'>Home</a> <a href='/x'>Index</a></nav>"
            b"<div class='content'><p>Brief note.</p></div>"
            b"<footer>Footer text here</footer></body></html>")
    text, blocks, _ = read_html("tiny.html", data, "text/html", IngestSettings())
    assert "Brief note." in text
    assert "Footer text here" not in text and "Home" not in text


def test_caption_classes_make_caption_blocks():
    data = (b"<html><body><p>Text of the page, long enough to count.</p>"
            b"<div class='wp-caption'><img src='a.jpg'><p class='wp-caption-text'>The old mill, 1890</p></div>"
            b"<div class='image-caption'>Young Jakob Brenner | example.org</div></body></html>")
    text, blocks, _ = read_html("c.html", data, "text/html", IngestSettings())
    assert [(t, text[a:b]) for a, b, t in blocks] == [
        ("p", "Text of the page, long enough to count."), ("caption", "The old mill, 1890"),
        ("caption", "Young Jakob Brenner | example.org")]


def test_hidden_elements_and_forms_are_not_text():
    data = ("<html><body><p>Seen.</p><p hidden>Unseen one.</p><div style='display: none'>Unseen two.</div>"
            "<form><select><option>Unseen three</option></select></form></body></html>").encode()
    text, _, _ = read_html("h.html", data, "text/html", IngestSettings())
    assert text == "Seen.\n"


@pytest.mark.parametrize("declared,encoding,sample", [
    ("windows-1251", "cp1251", "Письмо из Верхнеозёрска, 3 марта 1871 года."),
    ("iso-8859-1", "latin-1", "Lettre de Saint-Aubert-des-Prés, le 2 février 1794."),
    ("iso-8859-2", "iso-8859-2", "List z Łąkowic, dnia 5 września 1863."),
])
def test_declared_charset_is_honoured(declared, encoding, sample):
    data = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={declared}">'
            f"</head><body><p>{sample}</p></body></html>").encode(encoding)
    markup, _ = decode_html("x.html", data)
    assert sample in markup
    text, _, _ = read_html("x.html", data, "text/html", IngestSettings())
    assert text == sample + "\n"


def test_utf8_bytes_under_a_latin1_declaration_read_as_utf8():
    sample = "Brief aus Großwiesental, den 3. März 1848 — „Grüß Gott“."
    data = f'<html><head><meta charset="iso-8859-1"></head><body><p>{sample}</p></body></html>'.encode()
    assert read_html("x.html", data, "text/html", IngestSettings())[0] == sample + "\n"


def test_undeclared_non_utf8_html_is_detected():
    sample = "Здесь жил смотритель маяка Игнатий Полозов с семьёю до самой зимы 1884 года."
    data = f"<html><body><p>{sample}</p><p>{sample}</p></body></html>".encode("cp1251")
    text, _, _ = read_html("x.html", data, "text/html", IngestSettings())
    assert sample in text


def test_utf16_html_with_bom():
    data = "\ufeff<html><body><h1>Títol</h1><p>Carta de Vilafosca.</p></body></html>".encode("utf-16-le")
    text, blocks, _ = read_html("x.html", b"\xff\xfe" + data[2:], "text/html", IngestSettings())
    assert text == "Títol\n\nCarta de Vilafosca.\n"
    assert blocks == [(0, 5, "h1"), (7, 26, "p")]


paragraph = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Zs"),
                                           blacklist_characters="<>&\u00ad\u200b\ufeff"),
                    min_size=1, max_size=30)


@hsettings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["p", "h2", "li", "figcaption"]),
                          st.lists(paragraph, min_size=1, max_size=4)), min_size=1, max_size=8))
def test_block_spans_round_trip(items):
    """Each element's words come back, in order, at the span the reader reports for it."""
    body = []
    for tag, words in items:
        inner = " ".join(words)
        body.append(f"<ul><li>{inner}</li></ul>" if tag == "li" else
                    f"<figure><figcaption>{inner}</figcaption></figure>" if tag == "figcaption" else
                    f"<{tag}>{inner}</{tag}>")
    data = ("<html><body>" + "\n".join(body) + "</body></html>").encode()
    text, blocks, _ = read_html("r.html", data, "text/html", IngestSettings())
    expected_tags = [{"figcaption": "caption"}.get(tag, tag) for tag, _ in items]
    assert [t for _, _, t in blocks] == expected_tags
    for (a, b, _), (_, words) in zip(blocks, items):
        assert text[a:b] == " ".join(words)
    assert text == "\n".join(text[a:b] + "\n" for a, b, _ in blocks)
    assert not re.search(r"\n{3,}", text)


def test_an_editors_epigraph_before_a_tei_letters_head_stands_outside_the_letter():
    source = read_source(HERE / "letters_preface_tei.xml")
    check_block_contract(source)
    letters = [source.text[a:b] for a, b, t in source.blocks if t == "letter"]
    assert letters[0].startswith("I\n") and "editor's word" not in letters[0]
    assert "editor's word" in source.text
    # an epigraph after the head is the letter's own
    assert letters[1].startswith("II\n") and "A motto under the head" in letters[1]


def test_a_cut_off_page_is_read_with_a_warning(tmp_path):
    # a download that stopped mid-tag, and one that stopped after a paragraph (no </html>)
    from quellen.ingest import source_warnings
    head = "<!DOCTYPE html>\n<html><head><title>Journal</title></head><body>\n<p>12 June 1850. We arrived.</p>\n"
    for tail in ("<p>13 June 1850. Rain all morning, and the\n<p class=\"fo", "<p>13 June 1850. Rain.</p>\n"):
        path = tmp_path / "cut.html"
        path.write_text(head + tail, encoding="utf-8")
        source = read_source(path)
        assert "We arrived" in source.text
        assert ("truncated-markup", 1) in source.repairs
        assert any("truncated" in w for w in source_warnings(source))
    path.write_text(head + "</body></html>\n", encoding="utf-8")
    assert source_warnings(read_source(path)) == []


def test_a_page_of_navigation_only_is_refused_as_empty_not_read_as_its_menu():
    data = (b"<html><body><header><a href='/'>Home</a></header><nav><a href='/news'>News</a> "
            b"<a href='/sport'>Sport</a></nav><footer>Privacy policy</footer></body></html>")
    with pytest.raises(EmptyInput, match="only markup, scripts or navigation"):
        read_html("menu.html", data, "text/html", IngestSettings())


def test_a_page_whose_only_text_sits_in_a_weakly_named_block_keeps_it():
    data = b"<html><body><nav><a href='/'>Home</a></nav><div class='related'><p>The only note.</p></div></body></html>"
    text, _, _ = read_html("note.html", data, "text/html", IngestSettings())
    assert text == "The only note.\n"


def test_a_read_more_link_between_an_articles_paragraphs_is_not_its_text():
    body = ("<p>The inquiry into the failure of the Brenmoor weir opened at the town hall this morning, "
            "and the first witnesses were the crews of the fire station.</p>"
            "<p><strong>Read more:</strong> <a href='/a'>Nine dead as Brenmoor weir fails</a></p>"
            "<p>The hearing was adjourned at four o'clock and resumes tomorrow with the engineers.</p>"
            "<p>The clerk read the <a href='/r'>coroner's report</a> into the record before noon.</p>")
    data = f"<html><body><nav><a href='/'>Home</a></nav><article><h1>Weir inquiry opens</h1>{body}</article>" \
           "<footer>All rights reserved</footer></body></html>"
    text, _, _ = read_html("inquiry.html", data.encode(), "text/html", IngestSettings())
    assert "Read more" not in text and "Nine dead" not in text
    assert "The hearing was adjourned" in text
    assert "The clerk read the coroner's report into the record before noon." in text  # a link in a sentence stays
