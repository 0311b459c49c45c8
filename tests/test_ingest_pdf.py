"""PDF text layers: paragraphs reflowed, hyphenation and page numbers repaired, scans refused."""
from __future__ import annotations

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from quellen.errors import EmptyInput, FormatMismatch
from quellen.ingest import read_source
from quellen.ingest.pdf import is_truncated, read_pdf, reflow
from quellen.settings import IngestSettings

from pdfmaker import make_pdf

LETTER = [
    ["Kettlewick, 4th March 1867.",
     "Dear Brother,",
     "The mill burned last night; the whole of the east wing is gone and the",
     "water wheel with it. We worked the pumps until the roof fell in and",
     "could do no more. Mother is well, and so are the chil-",
     "dren, though frightened by the noise and the smoke, and the sight",
     "1"],
    ["2",
     "of it all. I shall write again when the insurers have come.",
     "Your loving brother,",
     "Abel Thornbury"],
]


def test_letter_pages_become_clean_paragraphs(tmp_path):
    path = tmp_path / "letter.pdf"
    path.write_bytes(make_pdf(LETTER))
    source = read_source(path)
    assert source.media_type == "application/pdf"
    paragraphs = [source.text[a:b] for a, b, _ in source.blocks]
    assert paragraphs == [
        "Kettlewick, 4th March 1867.",
        "Dear Brother,",
        "The mill burned last night; the whole of the east wing is gone and the water wheel with it. "
        "We worked the pumps until the roof fell in and could do no more. Mother is well, and so are "
        "the children, though frightened by the noise and the smoke, and the sight of it all. "
        "I shall write again when the insurers have come.",
        "Your loving brother,",
        "Abel Thornbury"]
    assert source.text == "\n".join(p + "\n" for p in paragraphs)
    assert dict(source.repairs) == {"dehyphenated": 1, "page-break-joined": 1, "page-number-removed": 2}


def test_non_ascii_text_layer():
    text, *_ = read_pdf("x.pdf", make_pdf([["Lettre de Saint-Aubert-des-Prés,", "le 2 février 1794."]]),
                          IngestSettings())
    assert "Saint-Aubert-des-Prés," in text and "février" in text


def test_hyphen_before_a_capital_is_kept():
    paragraphs, repairs = reflow([["a long line that runs the full width of the page for Anglo-",
                                   "Saxon charters and some more words here to fill it up again"]])
    assert "for Anglo-Saxon charters" in paragraphs[0] and not repairs


def test_a_signature_after_a_full_line_is_its_own_paragraph():
    paragraphs, _ = reflow([["Resolved, that forty pounds be voted for a ferry-boat and two ferrymen",
                             "until the bridge be rebuilt, and that the Vestry thank Mr. Crale for it.",
                             "J. Pym, Chairman."]])
    assert paragraphs[-1] == "J. Pym, Chairman."


def test_a_long_valediction_after_a_full_line_is_its_own_paragraph():
    paragraphs, _ = reflow([["I sit with her through the nights and read to her, and she knows me still,",
                             "and the carrier from the town meets the mail at the inn on Thursdays.",
                             "Believe me, dear Madam, yours most sincerely,",
                             "M. Fairlow."]])
    assert paragraphs[-2:] == ["Believe me, dear Madam, yours most sincerely,", "M. Fairlow."]


def test_a_short_line_ending_in_a_comma_without_a_closing_word_runs_on_from_the_line_above():
    paragraphs, _ = reflow([["I sit with her through the nights and read to her, and she knows me still,",
                             "and the carrier from the town meets the mail at the inn on Thursdays.",
                             "The doctor, who came from the next village,",
                             "stayed an hour."]])
    assert paragraphs[0].endswith("on Thursdays. The doctor, who came from the next village,")


def test_a_title_in_capitals_over_the_text_is_its_own_paragraph():
    # a typed transcript's title filled the measure and ran into the first sentence ("..., 1931 I was eight")
    paragraphs, _ = reflow([["TRANSCRIPT OF A RECORDING MADE BY MRS. ANN FERRER (NEE DUNN), 1931",
                             "I was eight years old when my father's mill burned down in the night,",
                             "and I remember it because it was the night before my birthday party."]])
    assert paragraphs[0] == "TRANSCRIPT OF A RECORDING MADE BY MRS. ANN FERRER (NEE DUNN), 1931"
    assert paragraphs[1].startswith("I was eight") and len(paragraphs) == 2
    # a heading of two lines in capitals stays one paragraph; a capital word in the text joins nothing apart
    paragraphs, _ = reflow([["THE RECOLLECTIONS OF ANN FERRER OF OAKBY IN THE COUNTY OF WEXCOMBE",
                             "TAKEN DOWN IN SHORTHAND BY HER NIECE IN THE SPRING OF THE YEAR 1931",
                             "The mill stood on the river below the church, where the ROAD crosses",
                             "the water by the old stone bridge that the parish built long ago."]])
    assert len(paragraphs) == 2 and paragraphs[0].endswith("YEAR 1931")


def test_page_numbers_dropped_chapter_numbers_kept():
    paragraphs, repairs = reflow([["IV", "The Return", "- 7 -"], ["page 8", "He came home.", "ix"]])
    assert paragraphs == ["IV", "The Return", "He came home."]
    assert dict(repairs) == {"page-number-removed": 3}


def test_scanned_pdf_without_text_layer_says_run_ocr(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([["x"], ["y"]], text_layer=False))
    with pytest.raises(EmptyInput, match=r"scan.pdf: scanned PDF: no text layer .*run OCR first"):
        read_source(path)


def test_damaged_pdf_is_refused(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"garbage " * 50)
    with pytest.raises((FormatMismatch, EmptyInput), match="broken.pdf"):
        read_source(path)


# no lower-case roman digits: a line "iv" alone is a page number, dropped on purpose
words = st.text(alphabet="abefghjknopqrstuwyzABCDEFGHIJKLMNOPQRSTUVWXYZ,.;", min_size=1, max_size=9)


@hsettings(max_examples=40, deadline=None)
@given(st.lists(st.lists(words, min_size=1, max_size=14).map(" ".join), min_size=1, max_size=12))
def test_reflow_keeps_every_word_in_order(lines):
    """Reflowing never loses, adds or reorders words (hyphen joins aside, none here)."""
    paragraphs, _ = reflow([lines])
    assert " ".join(paragraphs).split() == " ".join(lines).split()


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_an_aes_encrypted_pdf_with_an_empty_user_password_reads(algorithm):
    """pypdf decrypts AES only with ``cryptography``, now a declared dependency."""
    import io
    from pypdf import PdfReader, PdfWriter
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["Dear Sir, the rent of 9 May 1790 is paid."]]))))
    writer.encrypt(user_password="", owner_password="owner-secret", algorithm=algorithm)
    buf = io.BytesIO()
    writer.write(buf)
    source = read_source("locked.pdf", data=buf.getvalue())
    assert "the rent of 9 May 1790 is paid" in source.text


def test_a_pdf_without_its_end_marker_is_truncated():
    whole = make_pdf([["Dear Aunt,", "The ferry runs again."]])
    assert not is_truncated(whole) and not is_truncated(whole + b"\n" * 100)  # trailing bytes are tolerated
    assert is_truncated(whole[: len(whole) // 2])
    with pytest.raises(FormatMismatch, match=r"cut.pdf: appears to be a truncated or damaged PDF"):
        read_source("cut.pdf", data=whole[: len(whole) * 2 // 3])
