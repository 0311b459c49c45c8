"""A letter's date line that names its place ("Harwick Hall, 4th May 1812.") says when and where the
letter was written: its event is the letter's dating, not a happening whose summary and actor are the
place's name."""
from __future__ import annotations

from conftest import events_of

LETTERS = ("Harwick Hall, 4th May 1812.\n\nMy dear Brother,\n\nWe arrived here on the 2nd of May after a wet "
           "journey. The mill burned down on the 3rd of May, and nobody was hurt.\n\nYour affectionate sister,\n\n"
           "Margaret Ashby.\n\n\n\nLondon, 9th May 1812.\n\nMy dear Sister,\n\nI was sorry to hear of the mill. "
           "Mr. Pell left for Bristol on the 8th of May.\n\nYour loving brother,\n\nThomas Ashby.\n")


def test_a_date_line_with_its_place_is_the_letter_s_dating(tmp_path):
    events = events_of(tmp_path, "letters.txt", LETTERS)
    summaries = {e["summary"] for e in events}
    assert "letter dated 4th May 1812 (Margaret Ashby)" in summaries
    assert "letter dated 9th May 1812 (Thomas Ashby)" in summaries
    assert not summaries & {"Harwick Hall", "London"}
    # the happenings the letters tell are still events of their own
    assert {"The mill burned down", "Mr. Pell left for Bristol"} <= summaries


REPLY = ("Millbrook, 18th May 1846.\n\nDear Sir,\n\nIn answer to your favour of the 15th instant, I have to state "
         "that the turn-out at my mill began on Saturday the 11th. I received your letter of May 2 with thanks. "
         "Yours of the 3rd came to hand. Your letter dated 4 June 1846 was read to the men. "
         "The magistrates met on the 14th of May.\n\nYours truly,\n\nJohn Pell.\n")


def test_the_date_of_a_letter_answered_dates_that_letter_not_the_sentence(tmp_path):
    events = events_of(tmp_path, "reply.txt", REPLY)
    dated = {e["date"]["text"]: e["summary"] for e in events if e.get("date")}
    # "your favour of the 15th", "your letter of May 2", "yours of the 3rd", "your letter dated 4 June 1846"
    # date the letters being answered: no event takes their dates
    assert not {"the 15th instant", "15th instant", "May 2", "the 3rd", "4 June 1846"} & set(dated)
    assert not any(e["summary"].startswith("In answer to your favour") for e in events)
    # what the sentences tell keeps its own dates
    assert dated["Saturday the 11th"] == "the turn out at my mill began"
    assert dated["the 14th of May"] == "The magistrates met"


def test_a_letter_of_a_date_that_is_not_the_one_answered_keeps_its_date(tmp_path):
    # "a letter of 3 May 1846" points at no letter in hand ("your", "yours"): the rule leaves it alone
    events = events_of(tmp_path, "note.txt", "A letter of 3 May 1846 was read aloud to the men.\n")
    assert [e["date"]["text"] for e in events if e.get("date")] == ["3 May 1846"]


def test_a_year_written_with_an_apostrophe_dates_its_clause(tmp_path):
    text = ("Bath, 12 May 1853.\n\nDear Brother,\n\nThe great flood came in '47 and the bridge fell in '49. "
            "We moved to the town in '50.\n\nYours,\n\nWilliam Hartwell.\n")
    dated = {e["summary"]: e["date"]["edtf"] for e in events_of(tmp_path, "flood.txt", text) if e.get("date")}
    assert dated["The great flood came"] == "1847" and dated["the bridge fell"] == "1849"
    assert dated["We moved to the town"] == "1850"


NEWS = ("The Burning of Oakby Mill\n\nThe mill at Oakby burned on the night of 3 March 1851. According to the "
        "Wexcombe Gazette of 8 March 1851, the fire was first seen by a shepherd, who ran to the village for help. "
        "The Wexcombe Herald of 10 March printed a list of the subscribers to the relief fund.\n")


def test_the_date_of_a_paper_cited_for_the_news_does_not_date_the_news(tmp_path):
    # a family history's "according to the X Advertiser of 18 October" dated the fire's discovery on the paper's day
    dated = {e["summary"]: e["date"]["edtf"] for e in events_of(tmp_path, "news.txt", NEWS) if e.get("date")}
    seen = [d for s, d in dated.items() if "first seen by a shepherd" in s]
    assert seen == ["1851-03-03"], dated  # the paragraph's date, not the paper's 8 March
    assert "1851-03-08" not in dated.values()
    # a paper that is what the clause tells of keeps its date: it printed on the 10th
    assert any(s.startswith("The Wexcombe Herald") and d == "1851-03-10" for s, d in dated.items()), dated
