"""Quality floors for segmentation on a fixed slice of each of the books in ``eval/corpora``.

The full books are scored by ``make eval``; here a fixed stretch of each (50,000 to 120,000 characters,
from a third of the way in, cut at blank lines) is segmented alone and scored by the same scorer
against the gold segments that lie in it, so the floors run in seconds. Boundaries are the scorer's
(a predicted start within 40 characters or on the line of a gold start); kind is the coarse class.
Floors sit a little under what the rules reach (see the comment at FLOORS).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from quellen.model import Source
from quellen.segment import segment

from conftest import load_script

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "eval" / "corpora"
SCORER = ROOT / "eval" / "score.py"
#: characters of each book's slice: enough for a dozen gold segments or more (letters and chapters are long)
SLICE = {"barbellion-journal": 50_000, "dracula": 70_000, "evelina": 120_000, "frankenstein": 90_000,
         "moonstone": 100_000, "muir-sierra": 50_000, "laclos-liaisons": 40_000, "keller-letters": 40_000,
         "richardson-clarissa": 100_000, "loos-blondes": 40_000, "dostoevsky-poor-folk": 50_000,
         "cherry-journey": 40_000, "collins-white": 50_000, "cicero-atticus": 45_000,
         "mitford-journal": 8_000, "hunt-journal-1822": 30_000, "hunt-journal-1792": 30_000,
         "yarnall-journal-1803": 25_000}

#: book -> (boundary F1 floor, coarse kind floor); reached when set: barbellion 0.947/0.867, dracula
#: 0.912/0.962, evelina 0.813/1.0 (0.897/1.0 since numbered letters run to the
#: next strong head), frankenstein 0.966/1.0, moonstone 0.625/0.90 (letters quoted inside
#: its narratives are not yet cut out: the known gap); the held-out slices, measured before any rule was
#: tuned on them (main d66b1e2): muir-sierra 0.979/1.0, laclos-liaisons 0.923/1.0 (its slice opens and
#: closes inside a letter, so one part-letter start on each side is not in the gold); keller-letters,
#: held out and measured on main a444d11: 0.800/0.885, 0.862/0.893 since its closings are read;
#: richardson-clarissa, held out and measured on main a724961: 0.870/0.900; loos-blondes (a diary novel),
#: held out and measured on main 2967ab6: 1.0/1.0 (its author, named once before the slice, is not scored here);
#: dostoevsky-poor-folk, held out and measured on main 2967ab6: 0.909/0.867, 0.968/1.0 since its rules
#: (the slice opens inside a letter: one part-letter start is not in the gold)
#: cherry-journey (diaries quoted in an expedition narrative), held out and measured on main ead17fb: 0.948/0.978,
#: 0.958/1.0 since its four general rules
#: collins-white (a narrator's last chapter and the next narrator's diary), held out and measured on main cd23955:
#: 0.267/0.75 (entries opening '9th.—' are not cut), 0.667/0.923 since that head is read (the slice opens
#: inside an entry, with no dated entry above to make it a diary at once)
#: cicero-atticus (a TEI edition: Cicero's letters to Atticus in translation, with the editor's introductions to
#: each year between them), held out and measured on main b9ba8db: 0.947/1.0 (one introduction left in a letter),
#: 1.0/1.0 since a year head ("B.C. 61. Coss., …") opens the section under it
#: mitford-journal (a TEI edition: a real diary of 1819, short entries headed by a weekday and a day, "Monday 3"),
#: held out and measured on main 9db8f43: 0.729/0.484, 1.0/0.981 since a weekday and a bare day ("Monday 15") is
#: a date line
#: hunt-journal-1822 (a TEI edition: a Quaker minister's journal of 1822-1823, plain-style datelines "12 of the Sixth
#: Month, 1822.", bare days "14.", weekdays by number "Third Day morning"), held out and measured on main 9d85efb:
#: 0.485/0.375, 0.889/0.75 since plain-style dates and days alone are read
#: mitford-letters (a TEI edition: eight real letters of 1819-1820) has no slice floor: its eight gold segments are
#: fewer than the ten a slice needs to mean something; its whole-text floors are in eval/floors.json
#: hunt-journal-1792 (a TEI edition: a Quaker's journal of 1792-1794, entries headed by a bare day, "10.", or a
#: plain-style date, "9th of Fourth Month, 1792."), held out and measured on main 9d85efb: 0.227/0.905 (164 gold
#: entries), 0.934/0.953 since a day alone is read as a date line in a diary (the slice opens in a run of bare days
#: with no dated head above: the first 20-odd entries are one document until the next month heading)
#: yarnall-journal-1803 (a TEI edition: a Quaker woman's journal of 1803, entries headed by a weekday in figures, "5th
#: day.", 16 entries with no dateline), held out and measured on main 47c5ab6: 0.889/0.417 (30 gold entries),
#: 0.929/1.0 since a weekday in figures is read as a weekday (the entries without a dateline stay unsplit)
#: invented-diaries (seven invented mini-books, one per diary convention, written blind) has no slice floor: it is
#: seven files of 11-19 segments, each whole smaller than a slice; its whole-corpus floors are in eval/floors.json;
#: so has invented-diaries-2 (six invented mini-books written blind, 15-82 segments each)
#: esther-hunt-letters (a TEI edition: twenty real letters of 1780-1804) has no slice floor: a slice holds six or seven
#: of its twenty letters, fewer than the ten a slice needs to mean something; its whole-text floors are in
#: eval/floors.json
FLOORS = {
    "barbellion-journal": (0.90, 0.85),
    "dracula": (0.90, 0.95),
    "evelina": (0.87, 0.95),
    "frankenstein": (0.90, 0.95),
    "moonstone": (0.60, 0.85),
    "muir-sierra": (0.95, 0.98),
    "laclos-liaisons": (0.90, 0.98),
    "keller-letters": (0.84, 0.87),
    "richardson-clarissa": (0.85, 0.88),
    "loos-blondes": (0.95, 0.98),
    "dostoevsky-poor-folk": (0.94, 0.98),
    "cherry-journey": (0.93, 0.98),
    "collins-white": (0.64, 0.90),
    "cicero-atticus": (0.98, 0.98),
    "mitford-journal": (0.98, 0.96),
    "hunt-journal-1822": (0.87, 0.73),
    "hunt-journal-1792": (0.91, 0.93),
    "yarnall-journal-1803": (0.91, 0.98),
}


def _scorer():
    return load_script(SCORER, "quellen_scorer_books")


def book_slice(book: str) -> str:
    """Return the fixed slice of a book: SLICE[book] characters from a third of the way in, cut at blank lines."""
    text = (CORPORA / book / f"{book}.txt").read_text(encoding="utf-8")
    start = text.find("\n\n", len(text) // 3) + 2
    end = text.find("\n\n", start + SLICE[book])
    return text[start:end if end > 0 else len(text)]


def slice_scores(book: str) -> dict:
    """Return the scorer's segment figures for segment() run on the book's slice."""
    text = book_slice(book)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    source = Source(Source.make_id(sha), f"{book}.txt", sha, "text/plain", text)
    export = {"sources": [{"id": source.id, "name": source.name, "text": text}],
              "documents": [{"source": d.source, "char_start": d.char_start, "char_end": d.char_end, "kind": d.kind,
                             "author": {"name": d.author.name} if d.author else None,
                             "date": d.date.to_json() if d.date else None} for d in segment(source)]}
    gold = json.loads((CORPORA / book / "gold.json").read_text(encoding="utf-8"))
    return _scorer().score(export, gold)["segments"]


@pytest.mark.parametrize("book", sorted(FLOORS))
def test_book_slice_meets_its_floors(book):
    if not (CORPORA / book / "gold.json").exists():
        pytest.skip(f"eval/corpora/{book} is missing")
    segs = slice_scores(book)
    boundary, kind = FLOORS[book]
    assert segs["boundaries"]["gold"] >= 10, segs  # the slice holds enough gold to mean something
    assert segs["boundaries"]["f1"] >= boundary, segs
    assert segs["kind_accuracy"] >= kind, segs
