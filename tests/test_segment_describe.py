"""What :mod:`quellen.segment.describe` (and the cascade's reading of a letter's head, :mod:`quellen.segment.cascade`)
reads off a document's head and foot (writer, kind, date, where it starts), on small
hand-written texts (none from a corpus): the conventions of edited and calendared papers, business letter-books
and notarial registers.
"""
from __future__ import annotations

from quellen.model import Source
from quellen.segment import segment
from quellen.segment.cascade import _full_day
from quellen.segment.describe import act_maker, edition_head, header_author


def _book(*paragraphs: str) -> str:
    """Return a text of these paragraphs (lines inside one kept), a blank line between them, as an edition prints."""
    return "\n\n".join(paragraphs) + "\n"


def _docs(text: str):
    return segment(Source("src-describe", "describe.txt", "0" * 64, "text/plain", text))


def test_an_editions_numbered_head_in_capitals_names_the_writer():
    assert edition_head("12. ANN PELL TO HER SISTER. [1602, March 4.]") == ("Ann Pell to her sister", "1602, March 4.")
    assert header_author("12. ANN PELL TO HER SISTER. [1602, March 4.]", None) == "Ann Pell"
    assert header_author("88. SIR HUGH DACRE TO THE LORD ADMIRAL.", None) == "Sir Hugh Dacre"
    # a body writes as it signed; a chapter's title naming a journey names nobody
    assert header_author("89. THE WARDENS OF THE FULLERS TO THE COUNCIL.", None) == "Wardens of the Fullers"
    assert edition_head("4. FROM LEEDS TO YORK.") is None
    assert edition_head("4. The Road to York.") is None


FAMILY_LETTERS = _book(
    'LETTERS OF THE ORME HOUSEHOLD',
    '[The letters are printed from the bundle at Orme Hall; the years are supplied by the editor.]',
    '12. ANN PELL TO HER SISTER. [1602, March 4.]',
    'To my loving sister Mistress Joan Orme, at Orme Hall, be these delivered.',
    ('Good sister, I commend me heartily unto you, and send you by this bearer the cloth I promised. The '
     'roads are so foul that no cart can pass, and our brother lies sick at the mill. Written at Bardsey '
     'the iiij day of March.'),
    'Your loving sister,\nAnn Pell.',
    '13. JOAN ORME TO ANN PELL. [1602, March 20.]',
    ('Sister, I thank you for the cloth, which is very good, and I pray God send our brother his health '
     'again. My husband is gone to the fair and comes not home till Lady Day. From Orme Hall in haste.'),
    'Your sister,\nJoan Orme.',
)


def test_an_editions_numbered_head_dates_and_signs_its_letter():
    docs = [d for d in _docs(FAMILY_LETTERS) if d.kind == "letter"]
    assert [d.author.name for d in docs] == ["Ann Pell", "Joan Orme"]
    assert [(d.date.as_written, d.date.basis.value) for d in docs] == [("1602-03-04", "stated"),
                                                                         ("1602-03-20", "stated")]
    assert "the editor's date in the numbered head" in docs[0].date.rule


CALENDAR = _book(
    'CALENDAR OF THE PAPERS OF THE EASTERN PORTS',
    '[Each paper is abstracted under its date and place, printed in the margin.]',
    '1611.',
    'March 3.\nHarwold.',
    '88. SIR HUGH DACRE TO THE LORD ADMIRAL.',
    'The pier at Harwold is broken down by the late storms and the fishermen cannot land. Prays that money be sent.',
    'Holograph. 1 p.',
    'March 9.\nSaltmere.',
    '89. THE WARDENS OF THE FULLERS TO THE COUNCIL.',
    'Complain that the cloth of the strangers is sold in the market against the custom of the town.',
    'Signed. 1 p.',
    'March 14.\nHarwold.',
    '90. SIR HUGH DACRE TO THE LORD ADMIRAL.',
    'Has received the money and set the masons to work. The fishermen thank their lordships.',
    'Holograph. 1 p.',
)


def test_a_calendared_paper_under_its_marginal_date_is_its_writers_letter():
    docs = [d for d in _docs(CALENDAR) if d.kind not in ("heading", "commentary")]
    assert [d.kind for d in docs] == ["letter"] * 3
    assert [d.author.name for d in docs] == ["Sir Hugh Dacre", "Wardens of the Fullers", "Sir Hugh Dacre"]
    assert [d.date.as_written for d in docs] == ["1611-03-03", "1611-03-09", "1611-03-14"]


PROTESTS = _book(
    'THE REGISTER OF HUGH LAKE',
    'Notary Public at Kilbarry, 1812',
    ('[The acts are printed from the register in the order of their numbers. The notary wrote his dates '
     'out in words, as notaries do; the ship and her master stand in a line over each protest.]'),
    'No. 4.',
    'NOTING OF PROTEST.',
    'Sloop Dove, of Kilbarry, 40 tons, Owen Price, Master, from Dublin with oats.',
    ('On this third day of March, in the year of our Lord one thousand eight hundred and twelve, before '
     'me, Hugh Lake, Notary Public, personally came and appeared Owen Price, master of the said sloop, who'
     ' declared that she met with a gale off the Tuskar and shipped much water, and he noted his protest '
     'accordingly.'),
    'Owen Price.',
    'Before me, H. Lake, Notary Public.',
    'No. 5.',
    'PROTEST OF A BILL FOR NON-ACCEPTANCE.',
    ('This eleventh day of March, one thousand eight hundred and twelve, I, Hugh Lake, Notary Public, did '
     'exhibit the bill of exchange for twenty pounds to the drawee, who refused to accept it. Wherefore I '
     'do protest the said bill.'),
    'H. Lake, Notary Public.',
    'No. 6.',
    'NOTING OF PROTEST.',
    'Brig Swift, of Kilbarry, 120 tons, John Reece, Master, from Bordeaux with brandy.',
    ('On this nineteenth day of March, one thousand eight hundred and twelve, before me, the said Notary, '
     'appeared John Reece, master, who declared that the said brig lost her foretopmast in a squall off '
     'Ushant, and he noted his protest accordingly.'),
    'John Reece.',
    'Before me, H. Lake, Notary Public.',
)


def test_an_act_dates_itself_in_its_opening_words():
    docs = [d for d in _docs(PROTESTS) if d.kind not in ("heading", "commentary", "narrative")]
    assert [(d.date.as_written, d.date.basis.value) for d in docs] == [
        ("1812-03-03", "stated"), ("1812-03-11", "stated"), ("1812-03-19", "stated")]
    assert "one thousand eight hundred and twelve" in docs[0].date.text


def test_a_sworn_act_is_its_first_signers_and_the_officers_own_act_his():
    assert act_maker(["On this third day ...", "Owen Price.\nDavid Rees, his X mark.",
                      "Sworn before me, H. Lake, Notary Public."]) == (
        "Owen Price", "the first name signed over the attestation")
    assert act_maker(["This eleventh day ...", "H. Lake, Notary Public."])[0] == "H. Lake"
    assert act_maker(["We walked to the mill.", "Before me lay the valley."]) is None
    docs = [d for d in _docs(PROTESTS) if d.kind not in ("heading", "commentary", "narrative")]
    assert [d.author.name for d in docs] == ["Owen Price", "H. Lake", "John Reece"]


PRESS_COPIES = _book(
    'OUT-LETTERS OF PELL & ORME, LAND AGENTS',
    '[Copies from the firm\'s press-copy book, in the order of the book.]',
    '3rd May, 1911.',
    'Messrs. Dace & Lune,\nAuctioneers,\nKettering.',
    'Our ref. AP/91.',
    'Dear Sirs,',
    'We have your letter of the 1st inst. and will attend the sale of the Home Farm stock on the 12th as you ask.',
    'Yours faithfully,\nPELL & ORME.',
    '5th May, 1911.',
    'Mrs. Ada Wren,\nHill Cottage,\nBrigstock.',
    'Dear Madam,',
    ('Your rent for the Lady Day quarter is still owing, and we must ask you to send it to this office before the '
     'end of the month.'),
    'Yours faithfully,\nA. Pell.',
    '8th May, 1911.',
    'PRIVATE.',
    'Thomas Rudd, Esq.,\nThe Limes,\nOundle.',
    'Dear Sir,',
    'The tenant of the Mill Farm wishes to give up his lease at Michaelmas, and we think you should know at once.',
    'Yours faithfully,\nPELL & ORME.',
)


def test_a_business_letters_inside_address_is_its_head_not_a_text_of_its_own():
    from quellen.segment.cascade import inside_addresses
    from quellen.segment.lines import make_units
    cues = [u.cue for u in inside_addresses(make_units(PRESS_COPIES)) if "Rudd" in u.text or "Dace" in u.text]
    assert cues == ["addressee", "addressee"]
    docs = [d for d in _docs(PRESS_COPIES) if d.kind == "letter"]
    assert [PRESS_COPIES[d.char_start:d.char_end].split("\n")[0] for d in docs] == [
        "3rd May, 1911.", "5th May, 1911.", "8th May, 1911."]
    assert [d.author.name for d in docs] == ["PELL & ORME", "A. Pell", "PELL & ORME"]
    assert [d.date.as_written for d in docs] == ["1911-05-03", "1911-05-05", "1911-05-08"]


def test_a_printed_day_head_left_empty_is_an_entry_of_its_own():
    text = _book(
        "A FARMER'S POCKET DIARY",
        "FRIDAY, APRIL 3, 1874.",
        "Weather—Cold, wind N.",
        "Carted dung to the long field and mended the gate by the lane.",
        "SATURDAY, APRIL 4, 1874.",
        "SUNDAY, APRIL 5, 1874.",
        "Church in the morning. Walked round the ewes after dinner.",
        "MONDAY, APRIL 6, 1874.",
        "Weather—Fine. Sowed oats in the Home Close.",
    )
    docs = [d for d in _docs(text) if d.kind == "diary"]
    assert [d.date.as_written for d in docs] == ["1874-04-03", "1874-04-04", "1874-04-05", "1874-04-06"]
    assert text[docs[1].char_start:docs[1].char_end].strip() == "SATURDAY, APRIL 4, 1874."
    # a note of receipt under a date line is no second head
    assert not _full_day("I received this letter the 12th of May 1850")


def test_a_folio_number_between_copies_and_a_telegram_copied_on_one_line():
    from quellen.segment.lines import FOLIO_RE
    assert all(FOLIO_RE.match(t) for t in ("Fo. 413.", "fol. 12v.", "[f. 7]", "Folio 20"))
    assert not any(FOLIO_RE.match(t) for t in ("For 3 days.", "f. 7 and 8 are lost.", "Fox 12."))
    text = PRESS_COPIES.replace("5th May, 1911.", "Fo. 88.\n\n5th May, 1911.") + (
        "\nTELEGRAM. 9th May, 1911.\n\nTo Dace, Kettering. Will attend sale twelfth letter follows. Pell Kettering.\n")
    docs = _docs(text)
    starts = [text[d.char_start:d.char_end].split("\n")[0] for d in docs]
    assert "Fo. 88." not in starts  # the leaf's number stays with the copy above it
    telegram = next(d for d in docs if text[d.char_start:].startswith("TELEGRAM."))
    assert (telegram.kind, telegram.author.name, telegram.date.as_written) == ("telegram", "Pell Kettering",
                                                                                "1911-05-09")


def test_a_letters_foot_clause_gives_its_day_when_the_head_gives_the_year_only():
    text = FAMILY_LETTERS.replace("[1602, March 4.]", "[1602.]").replace("[1602, March 20.]", "[1602.]")
    docs = [d for d in _docs(text) if d.kind == "letter"]
    assert docs[0].date.as_written == "1602-03-04"  # "Written at Bardsey the iiij day of March."
    assert docs[0].date.basis.value == "year_from_context" and "foot's dating clause" in docs[0].date.rule
    assert docs[1].date.precision == "year"  # "From Orme Hall in haste.": no day at the foot
