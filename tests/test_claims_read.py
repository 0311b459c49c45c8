"""A diary entry headed by its date and then its weekday ("April 10th, 1846. Friday.") is dated once:
the weekday is the same date line, not a second dating event."""
from __future__ import annotations

from conftest import events_of

DIARY = ("The Journal of Ann Pell\n\n"
         "April 10th, 1846. Friday. Visited the sick in Mill Lane.\n\n"
         "April 11th, 1846. Sunday. The mill stood idle this morning.\n")


def test_a_weekday_after_the_date_line_is_no_second_dating(tmp_path):
    events = events_of(tmp_path, "diary.txt", DIARY)
    dated = [e["summary"] for e in events if " dated " in e["summary"]]
    assert [s for s in dated if "Friday" in s] == []
    assert any("April 10th, 1846" in s for s in dated)
    # a weekday that names another day than the date is kept: the writer's slip is the historian's to see
    assert any("April 11th, 1846" in s for s in dated) and any("Sunday" in s for s in dated)


LETTER = ("Quarry Row, 3 May 1851.\n\nMadam,\n\nThe chapel roof fell in on Thursday the 1st, and no one was hurt.\n\n"
          "I remain, Madam,\nYour humble servant,\nTobias Wrenn.\n")


def test_a_letters_date_line_and_valediction_are_no_events(tmp_path):
    summaries = [e["summary"] for e in events_of(tmp_path, "letter.txt", LETTER)]
    assert not any(s.startswith(("I remain", "Quarry")) for s in summaries), summaries
    assert any("roof" in s for s in summaries) and any(" dated 3 May 1851" in s for s in summaries), summaries


FAMILY = ("The Ferrers of Oakby\n\nJohn Ferrer (1801–1872) kept the inn at Oakby from his marriage in 1830. "
          "His brother Henry Ferrer (b. 1805) sailed for Quebec in 1834. The inn was sold in 1875 to Mary Dunn "
          "(1840-1911), who married in 1862.\n")


def test_the_years_of_a_life_after_a_name_date_no_happening(tmp_path):
    # a family history's "(1801–1872)" or "(b. 1805)" gave events dated the births and deaths, each summing up
    # the sentence the name stood in ("John Ferrer ()" in 1801, the inn sold in 1840 and in 1911)
    dated = {e["date"]["edtf"]: e["summary"] for e in events_of(tmp_path, "ferrers.txt", FAMILY) if e.get("date")}
    assert not {"1801", "1805", "1840", "1872", "1911"} & set(dated), dated
    # the sentences' own dates still date them
    assert dated["1830"].startswith("kept the inn") and "Quebec" in dated["1834"]
    assert dated["1875"].startswith("The inn was sold") and "married" in dated["1862"]


def test_years_in_parentheses_after_no_name_still_date(tmp_path):
    # "the war (1854-1856)" names no person: its years are the war's
    text = "The Oakby volunteers served through the war (1854-1856) and came home to a dinner.\n"
    assert [e["date"]["edtf"] for e in events_of(tmp_path, "war.txt", text) if e.get("date")] != []


EDITION = ("II. Letters after the Fire, 1873\n\nOakby, 17th October 1873.\n\nMy dear Brother,\n\nYou will have heard "
           "by now that the mill is gone. It took fire in the night of the 14th, a little after midnight, and by "
           "morning nothing stood but the walls.\n\nYour affectionate brother,\n\nThomas Ferrer.\n")


def test_a_title_over_a_document_witnesses_no_happening(tmp_path):
    # an edition's chapter heading was an event of 1873 ("Letters after the Fire"), and joined a diary's
    # fire of the same days as its second witness
    events = events_of(tmp_path, "edition.txt", EDITION)
    assert not [e for e in events if e["summary"].startswith("Letters after")], [e["summary"] for e in events]
    assert any(e["summary"] == "It took fire" and e["date"]["edtf"] == "1873-10-14" for e in events)
    # the letter's dating still names it by its title
    assert any(e["summary"].startswith("II. Letters after the Fire, 1873 dated 17th October") for e in events)


SINCE = ("The Ferrers of Oakby\n\nJohn Ferrer had kept the inn at Oakby since 1850. The roof was blown off in a "
         "great storm, and the family moved to the mill. Ann Ferrer opened a school in 1861. Her brother Henry "
         "came home from Quebec.\n")


def test_the_start_of_a_state_dates_its_clause_only(tmp_path):
    # "had run the mill since his father's death in 1866" dated the next sentences (a fire's loss) 1866
    dated = {e["summary"]: e["date"]["edtf"] for e in events_of(tmp_path, "since.txt", SINCE) if e.get("date")}
    assert dated.get("had kept the inn at Oakby") == "1850", dated
    assert not [s for s, d in dated.items() if "roof" in s and d == "1850"], dated
    # a date of a happening still carries to the sentence after it
    assert dated.get("Her brother came home from Quebec") == "1861", dated


#: an invented paper's two reports, each under its title and byline (one a name, one a post)
REPORTS = ("THE FLOODS IN THE VALLEY\n\nBy Peter Lang\n\n12 March 1881.\n\nThe river rose in the night and carried "
           "away the bridge at the mill. The farmers drove their cattle to the high ground before dawn.\n\n"
           "THE HARVEST FAIR\n\nBy our own correspondent\n\n14 March 1881.\n\nThe fair opened in spite of the "
           "weather. The mayor spoke to the crowd at noon.\n")


def test_a_byline_is_no_claim_and_no_event(tmp_path):
    # "By Peter Lang" was taken for the report's title, and its date line made the event "By Peter Lang dated
    # 12 March 1881 (Peter Lang)"
    summaries = [e["summary"] for e in events_of(tmp_path, "reports.txt", REPORTS)]
    assert not any(s.lower().startswith("by ") or "correspondent" in s.lower() for s in summaries), summaries
    assert any("river rose" in s for s in summaries) and any("mayor spoke" in s for s in summaries)


def test_a_document_titled_by_its_byline_is_named_by_its_kind_in_its_date_claim():
    from quellen.segment.lines import is_byline
    assert is_byline("By Peter Lang") and is_byline("*by Anne Cole, written in 1872*")
    assert is_byline("By our own Correspondent.") and is_byline("FROM OUR SPECIAL CORRESPONDENT.")
    assert not is_byline("By the river") and not is_byline("By the Editor") and not is_byline("The Floods")
