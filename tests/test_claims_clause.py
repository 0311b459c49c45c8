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
