"""Deictic dates in reported speech and in accounts written after the fact (TimeML: a deictic
expression is anchored on its speaker's speech time, not always on the writing date)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, strategies as st

from quellen.extract.dates import parse_date, quote_spans, retrospective_body, tag, tag_documents
from quellen.model import Document

FIX = Path(__file__).parent / "fixtures" / "dates"
D = dt.date


def _by_text(timexes):
    return {t.text: t for t in timexes}


def _document(text: str, kind: str, date_line: str, evidence: tuple[str, ...] = ()) -> Document:
    return Document(id="doc-1", source="src-x", char_start=0, char_end=len(text), kind=kind,
                    date=parse_date(date_line), evidence=evidence)


# -- quote spans ---------------------------------------------------------------------------------
def test_quote_spans_pair_straight_curly_low_and_guillemet_quotes():
    text = ('He said: "I go today," and left. \u201cAt once,\u201d we hear. '
            'Sie rief: \u201eHeute!\u201c Puis: \u00ab Non \u00bb.')
    assert [text[a:b] for a, b in quote_spans(text)] == [
        '"I go today,"', "\u201cAt once,\u201d", "\u201eHeute!\u201c", "\u00ab Non \u00bb"]


def test_quote_spans_single_quotes_are_speech_but_apostrophes_are_not():
    text = "'I shall sail tomorrow,' he said. The boys' boat wasn't ready, o'clock or not."
    assert [text[a:b] for a, b in quote_spans(text)] == ["'I shall sail tomorrow,'"]


def test_quote_spans_dialogue_line_runs_to_the_narrators_dash():
    text = "The officer came in.\n\u2014 You leave today, \u2014 he said.\n\u2014 Today?"
    assert [text[a:b] for a, b in quote_spans(text)] == ["You leave today,", "Today?"]


def test_an_open_quote_stops_at_the_end_of_its_paragraph():
    text = 'She began: "It was a long winter\nThe next line is narration.'
    (span,) = quote_spans(text)
    assert text[span[0]:span[1]] == '"It was a long winter'


@given(st.text(alphabet=st.characters(blacklist_characters="\"'\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb"
                                      "\u2014\u2013-")),
       st.text(alphabet=st.characters(blacklist_characters="\"'\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb\n"
                                      "\u2014\u2013-"), min_size=1),
       st.text(alphabet=st.characters(blacklist_characters="\"'\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb"
                                      "\u2014\u2013-")))
def test_quote_spans_find_exactly_one_quotation_within_its_marks(before, inner, after):
    text = f'{before}\n"{inner}"\n{after}'
    start = len(before) + 1
    assert quote_spans(text) == [(start, start + len(inner) + 2)]
    assert quote_spans(before + after) == []


# -- quoted speech ---------------------------------------------------------------------------------
def test_quoted_today_in_a_past_narrative_is_the_narrated_day():
    got = _by_text(tag((FIX / "speech_narrative.txt").read_text()))
    assert got["Today"].value == "1794-05-03"
    assert got["two o'clock"].value.startswith("1794-05-03T")
    assert got["tomorrow"].value == "1794-05-04"
    assert got["The next day"].value == "1794-05-04"


def test_quoted_today_follows_the_narrative_not_the_date_line_of_a_later_writing():
    text = ("Geneva, 2 February 1851\n\nDear Louise,\nOn 11 June 1848 the old porter came to my room. "
            '"The barricades go up today," he said, "and tomorrow they will fight." I did not believe him.')
    got = _by_text(tag_documents(text, [_document(text, "letter", "Geneva, 2 February 1851")]))
    assert got["today"].value == "1848-06-11" and got["today"].date.earliest == D(1848, 6, 11)
    assert got["tomorrow"].value == "1848-06-12"


def test_quoted_today_in_a_head_dated_letter_is_the_letters_day_until_the_narrative_moves():
    text = ('Constance, 3 April 1620.\nThis morning the ferryman told me: "The ice breaks today at noon, '
            'mark my words." I believe him.')
    got = _by_text(tag_documents(text, [_document(text, "letter", "Constance, 3 April 1620.")]))
    # the reference time of a letter starts on its own day: the ferryman spoke on it
    assert got["today"].date.earliest == parse_date("3 April 1620").earliest


def test_quoted_today_without_a_known_narrated_day_has_no_date():
    got = _by_text(tag('The old woman looked up. "Today the river will rise," she said, "at noon."'))
    assert got["Today"].value == "PRESENT_REF" and got["Today"].date is None
    assert got["noon"].date is None


def test_quoted_yesterday_does_not_move_the_narrative():
    text = 'On 5 March 1866 the mayor arrived. "I saw the prefect yesterday," he said. The next day he left.'
    got = _by_text(tag(text))
    assert got["yesterday"].value == "1866-03-04"
    assert got["The next day"].value == "1866-03-06"


def test_news_quotes_keep_the_dct():
    text = '"We will decide today," the mayor said on Monday.'
    got = _by_text(tag(text, dct=D(2021, 3, 10)))
    assert got["today"].value == "2021-03-10"


# -- diaries and letters ---------------------------------------------------------------------------
def test_diary_heading_anchors_its_today_and_the_speech_of_that_day():
    got = _by_text(tag((FIX / "diary_speech.txt").read_text()))
    assert got["Today"].value == "1882-03-14"
    assert got["tomorrow"].value == "1882-03-15"
    assert got["Thursday"].value == "1882-03-16"


def test_a_letters_own_today_is_its_date():
    text = (FIX / "letter_today.txt").read_text()
    got = _by_text(tag_documents(text, [_document(text, "letter", "Leith, 9 November 1803")]))
    assert got["today"].value == "1803-11-09"
    assert got["tomorrow"].value == "1803-11-10"


def test_a_short_letter_dated_at_its_foot_speaks_of_its_writing_day():
    text = "My dear aunt,\nI arrived today and shall write at length tomorrow.\nYour nephew,\nKarl\nBremen, 4 May 1851"
    doc = _document(text, "letter", "Bremen, 4 May 1851", ("closing date line",))
    assert retrospective_body(text, doc) is None
    got = _by_text(tag_documents(text, [doc]))
    assert got["today"].value == "1851-05-04" and got["tomorrow"].value == "1851-05-05"


# -- an account dated at its foot ------------------------------------------------------------------
def test_foot_dated_account_does_not_put_its_narration_on_the_writing_day():
    text = (FIX / "retrospective_account.txt").read_text()
    doc = _document(text, "letter", "Turin, 12 October 1847")
    body = retrospective_body(text, doc)
    assert body is not None and text[body[0]:].startswith("We set out before dawn")
    got = tag_documents(text, [doc])
    inside = [t for t in got if body[0] <= t.char_start < body[1]]
    assert {t.text for t in inside} >= {"yesterday", "today", "four o'clock", "Today", "Sunday"}
    assert all(t.date is None or t.date.earliest != D(1847, 10, 12) for t in inside)
    assert all(t.date is None for t in inside if t.text in ("yesterday", "today", "four o'clock", "Now"))
    values = {t.text: t.value for t in inside}
    assert values["yesterday"] == "PAST_REF" and values["four o'clock"] == "XXXX-XX-XXT04:00"
    # the writer's own words before the account keep the writing day
    (now,) = [t for t in got if t.char_start < body[0] and t.text == "now"]
    assert now.date.earliest == D(1847, 10, 12)


def test_foot_dated_account_anchors_on_the_dates_it_tells():
    text = ("Dear brother,\nyou ask how the siege ended; here it is.\n\n"
            + "The town had held out all winter, and the garrison ate its horses. " * 8 + "\n\n"
            "On 2 March 1814 the envoys rode out under a white flag. The next morning the gates were opened, "
            '"today and not an hour later," as the envoy had said.\n\n'
            + "The soldiers marched out with their arms, and we went back to our houses. " * 6 + "\n\n"
            "Your brother,\nPaul\n\nLyon, 20 May 1830")
    doc = _document(text, "letter", "Lyon, 20 May 1830", ("closing date line",))
    got = _by_text(tag_documents(text, [doc]))
    assert got["2 March 1814"].value == "1814-03-02"
    assert got["The next morning"].value.startswith("1814-03-03")
    assert got["today"].value.startswith("1814-03-0")


def test_head_dated_document_is_not_a_retrospective_account():
    text = (FIX / "letter_today.txt").read_text()
    assert retrospective_body(text, _document(text, "letter", "Leith, 9 November 1803")) is None



def test_seed_account_dated_at_its_foot_keeps_its_events_off_the_writing_day(seed_build):
    """The seed's account of a forced departure, written as a diary and dated only at its foot years
    later, had 129 events on its writing day (quoted 'today at 2:35' and its historical present);
    now only the writer's own opening words and the closing date line (3)."""
    _, data = seed_build
    (account,) = [d for d in data["documents"] if d["kind"] == "diary" and d["date"]
                  and d["date"]["earliest"] == "1935-06-04"]
    on_writing_day = [e for e in data["events"] if e["date"] and e["date"]["earliest"] == "1935-06-04"
                      and any(a["document"] == account["id"] for a in e["attestations"])]
    assert len(on_writing_day) <= 4, [e["summary"] for e in on_writing_day]


def test_a_statement_dated_at_its_foot_is_a_record_of_its_day():
    text = (FIX / "retrospective_account.txt").read_text()
    doc = _document(text, "statement", "Turin, 12 October 1847", ("closing date line",))
    assert retrospective_body(text, doc) is None
    got = _by_text(tag_documents(text, [doc]))
    assert got["yesterday"].value == "1847-10-11"
