"""EPUB reading: chapters in spine order, headings as blocks, damaged books refused clearly."""
from __future__ import annotations

import pytest

from quellen.errors import EmptyInput, FormatMismatch, UnreadableInput
from quellen.ingest import read_source
from quellen.ingest.epub import read_epub
from quellen.settings import IngestSettings

from conftest import FIXTURES, make_epub

DIARY = (FIXTURES / "ingest" / "chapter_diary.xhtml").read_text(encoding="utf-8")
DIARY_BODY = DIARY[DIARY.index("<body>") + 6:DIARY.index("</body>")]


def test_chapters_come_in_spine_order_not_file_order():
    data = make_epub([("b.xhtml", "<h1>Second Part</h1><p>The winter at Fenmoor.</p>"),
                      ("a.xhtml", "<h1>First Part</h1><p>The summer at Fenmoor.</p>")],
                     spine=["a.xhtml", "b.xhtml"])
    text, blocks, _ = read_epub("book.epub", data, IngestSettings())
    assert text.index("First Part") < text.index("Second Part")
    assert [text[a:b] for a, b, t in blocks if t == "h1"] == ["First Part", "Second Part"]
    assert "Contents entry" not in text  # the nav document is not reading text
    # chapters are separated by a blank line and marked by an empty hr hint
    assert "The summer at Fenmoor.\n\nSecond Part\n" in text
    assert [t for _, _, t in blocks].count("hr") == 1


def test_a_chapter_without_heading_gets_its_toc_title():
    data = make_epub([("one.xhtml", "<p>No heading in this chapter.</p>"),
                      ("two.xhtml", "<h2>Its own heading</h2><p>Text.</p>")])
    text, blocks, _ = read_epub("book.epub", data, IngestSettings())
    assert [text[a:b] for a, b, t in blocks if t == "h2"] == ["Contents entry one", "Its own heading"]


def test_epub2_ncx_titles():
    data = make_epub([("x.xhtml", "<p>Body only.</p>")], nav=False, ncx=True)
    text, blocks, _ = read_epub("book.epub", data, IngestSettings())
    assert text == "Part 1: x.xhtml\n\nBody only.\n"
    assert blocks == [(0, 15, "h2"), (17, 27, "p")]


def test_book_chapter_through_read_source_keeps_captions_and_footnotes(tmp_path):
    path = tmp_path / "voyage.epub"
    path.write_bytes(make_epub([("ch3.xhtml", DIARY_BODY)]))
    source = read_source(path)
    assert source.media_type == "application/epub+zip"
    captions = [source.text[a:b] for a, b, t in source.blocks if t == "caption"]
    assert captions == ["The brig Lantern, from a sketch in the author’s journal."]
    assert "Saint Orrin was the colony’s only harbour town." in source.text
    assert source.text.startswith("CHAPTER III.\nAT SEA\n\n")


def test_epub_without_mimetype_but_named_epub_reads():
    data = make_epub([("a.xhtml", "<p>Hello from Quarrington.</p>")], mimetype=False)
    text, _, _ = read_epub("b.epub", data, IngestSettings())
    assert text == "Contents entry a\n\nHello from Quarrington.\n"


def test_damaged_epubs_are_refused_with_a_reason(tmp_path):
    good = make_epub([("a.xhtml", "<p>Text.</p>")])
    broken = tmp_path / "cut.epub"
    broken.write_bytes(good[: len(good) // 2])
    with pytest.raises(FormatMismatch, match="cut.epub: .*(damaged|ZIP)"):
        read_source(broken)
    with pytest.raises(EmptyInput, match="no reading text"):
        read_epub("pics.epub", make_epub([("a.xhtml", "<img src='x.png'/>")], nav=False), IngestSettings())
    drm = make_epub([("a.xhtml", "<p>x</p>")], extra={
        "META-INF/encryption.xml": b"<encryption><EncryptedData><CipherData/></EncryptedData></encryption>"})
    with pytest.raises(UnreadableInput, match="DRM"):
        read_epub("drm.epub", drm, IngestSettings())


def test_an_epub_written_by_ebooklib(tmp_path):
    """A book as a common generator writes it (nav document in the spine, NCX beside it)."""
    epub = pytest.importorskip("ebooklib.epub")
    book = epub.EpubBook()
    book.set_identifier("orchard-1")
    book.set_title("The Orchard Letters")
    book.set_language("en")
    spring = epub.EpubHtml(title="Spring", file_name="spring.xhtml", lang="en")
    spring.content = "<h1>Spring</h1><p>Appleby, 2 April 1820.</p><p>Dear Kate, the orchard is in blossom.</p>"
    autumn = epub.EpubHtml(title="Autumn", file_name="autumn.xhtml", lang="en")
    autumn.content = "<p>Appleby, 9 October 1820.</p><p>Dear Kate, the cider is pressed.</p>"
    for item in (spring, autumn, epub.EpubNcx(), epub.EpubNav()):
        book.add_item(item)
    book.toc = (spring, autumn)
    book.spine = ["nav", spring, autumn]
    path = tmp_path / "orchard.epub"
    epub.write_epub(str(path), book)
    source = read_source(path)
    assert source.text == ("Spring\n\nAppleby, 2 April 1820.\n\nDear Kate, the orchard is in blossom.\n\n"
                           "Autumn\n\nAppleby, 9 October 1820.\n\nDear Kate, the cider is pressed.\n")
    assert [(t, source.text[a:b]) for a, b, t in source.blocks if t in ("h1", "h2")] == [
        ("h1", "Spring"), ("h2", "Autumn")]


def test_the_ebooks_colophon_and_imprint_are_left_out_and_their_years_with_them():
    letter = ('<section epub:type="chapter"><p>Appleby, 2 April 1820.</p>'
              '<p>Dear Kate, the orchard is in blossom.</p></section>')
    imprint = ('<section epub:type="frontmatter imprint"><p>This ebook was produced by volunteers '
               'in 2019 and is released into the public domain.</p></section>')
    colophon = ('<section epub:type="backmatter colophon"><h2>Colophon</h2>'
                '<p>Transcribed in 2021 from a scan of the first edition.</p></section>')
    data = make_epub([("imprint.xhtml", imprint), ("c1.xhtml", letter), ("colophon.xhtml", colophon)])
    text, _, _ = read_epub("book.epub", data, IngestSettings())
    assert "Appleby, 2 April 1820." in text
    assert "2019" not in text and "2021" not in text and "Colophon" not in text


def test_a_chapter_that_only_mentions_a_colophon_is_kept():
    chapter = '<section epub:type="chapter"><p>The printer added a colophon in 1791.</p></section>'
    text, _, _ = read_epub("book.epub", make_epub([("c1.xhtml", chapter)]), IngestSettings())
    assert "colophon in 1791" in text
