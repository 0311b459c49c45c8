"""eval/timex_gold.py: date-mention gold from an edition's <date> markup, located in its plain text."""
from __future__ import annotations

import json

import pytest

from conftest import EVAL, load_script

TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><date>2020</date></teiHeader><text><body>
<div type="entry"><head><date when="1790-04-09">9th of Fourth Month, 1790.</date></head><p>Went to the mill.</p></div>
<div type="entry"><head><date when="1790-04-10">10.</date></head><p>Rain; wrote on <date when="1790-04-12">Second
Day</date> to my brother<note>a <date when="1790-05-01">1 May</date> note</note>.</p></div>
<div type="entry"><head><date>11</date></head><p>Read in <date when="1790">1790</date>'s almanac;
<date when="1790-04-13">13 day 4th month 1790</date>.</p></div>
</body></text></TEI>"""
TXT = ("9th of Fourth Month, 1790.\n\nWent to the mill.\n\n10.\n\nRain; wrote on Second Day to my brother.\n\n11\n\n"
       "Read in 1790's almanac; 13 day 4th month 1790.\n")


@pytest.fixture()
def gold(tmp_path, monkeypatch):
    module = load_script(EVAL / "timex_gold.py", "quellen_eval_timex_gold")
    folder = tmp_path / "diary"
    folder.mkdir()
    (folder / "diary.tei.xml").write_text(TEI, encoding="utf-8")
    (folder / "diary.txt").write_text(TXT, encoding="utf-8")
    monkeypatch.setattr(module, "CORPORA", tmp_path)
    out = module.build("diary")
    assert json.loads((folder / "dates.json").read_text(encoding="utf-8")) == out
    return out


def test_each_dated_expression_is_located_in_the_text_in_order_with_its_interval_and_kind(gold):
    got = [(TXT[g["start"]:g["end"]], g["earliest"], g["latest"], g["precision"], g["kind"]) for g in gold["dates"]]
    assert got == [("9th of Fourth Month, 1790", "1790-04-09", "1790-04-09", "day", "plain"),
                   ("10", "1790-04-10", "1790-04-10", "day", "day-only"),
                   ("Second Day", "1790-04-12", "1790-04-12", "day", "day-only"),
                   ("1790", "1790-01-01", "1790-12-31", "year", "month/year"),
                   ("13 day 4th month 1790", "1790-04-13", "1790-04-13", "day", "plain")]


def test_dates_without_a_value_or_in_notes_and_the_header_are_left_out_and_counted(gold):
    assert gold["left_out"] == {"in a note or dropped element": 1, "no editor value": 1}
