#!/usr/bin/env python3
"""Write gold.json for glyn-elizabeth from the hand-written table below, and check it against the text.

    python3 eval/corpora/glyn-elizabeth/make_slice.py

The text (glyn-elizabeth.txt) was copied by hand from the ELTeC level-1 TEI file (see PROVENANCE.md); this
script does not make it. The gold was written from the printed letters before quellen was run on the text: each
segment is named in TABLE by its opening line, in text order; its first_words are taken from the text (the first
words of that line, more until the scorer's search from the previous segment finds this place first). Checks:
every line opening 'Dearest Mamma,—' (a salutation) lies in a letter segment, once per letter, and every chapter
head is a heading segment. Standard library only.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
import score  # noqa: E402  (eval/score.py: the scorer's own quote search)

TXT = HERE / "glyn-elizabeth.txt"
WRITER = "Elizabeth"
BASIS = ("signed ('—Your affectionate daughter, Elizabeth.', the name run into the last paragraph or on a line of "
         "its own)")


def letter(dateline: str, date_as_written: str) -> tuple:
    """Return a letter's row: its dateline as printed (its lines joined by ' / '), opened by the first line."""
    first = dateline.split(" / ")[0]
    return (first, "letter", {"author": WRITER, "author_basis": BASIS, "addressee": "Mamma",
                              "date_iso": None, "date_as_written": date_as_written, "dateline": dateline})


def heading(line: str) -> tuple:
    return (line, "heading", {"author": None})


TABLE = [
    heading("NAZEBY HALL"),
    ("It was perhaps a fortunate thing for Elizabeth", "narrative",
     {"author": None, "note": "the novel's narrator introducing the letters"}),
    letter("Nazeby Hall, 26th July.", "26th July"),
    ("Elizabeth received an immediate reply to her letter", "narrative",
     {"author": None, "note": "the narrator's one-line link between two letters"}),
    letter("Nazeby Hall, 28th July.", "28th July"),
    letter("Nazeby Hall, 30th July.", "30th July"),
    letter("Nazeby Hall, Sunday.", "Sunday"),
    heading("300 EATON PLACE"),
    letter("300 Eaton Place, / Tuesday, 2nd August.", "Tuesday, 2nd August"),
    heading("HEAVILAND MANOR"),
    letter("Heaviland Manor, / Wednesday, August 3rd.", "Wednesday, August 3rd"),
    letter("Heaviland Manor, / Friday, August 5th.", "Friday, August 5th"),
    heading("HAZELDENE COURT"),
    letter("Hazeldene Court, / Tuesday, 9th August.", "Tuesday, 9th August"),
    letter("Hazeldene Court, / Thursday, 11th August.", "Thursday, 11th August"),
    heading("CHÂTEAU DE CROIXMARE"),
    letter("Château De Croixmare, / 16th August.", "16th August"),
    heading('YACHT "SAUTERELLE"'),
    letter("Yacht Sauterelle, / 17th August.", "17th August"),
    letter("Vernon, Yacht Sauterelle, / Thursday morning.", "Thursday morning"),
    heading("CAUDEBEC"),
    letter("Caudebec, / Saturday, 20th August.", "Saturday, 20th August"),
]


def build() -> dict:
    text = TXT.read_text(encoding="utf-8")
    src = score.SourceText({"id": "g", "name": TXT.name, "text": text})
    segs, starts, cursor = [], [], 0
    for first, kind, fields in TABLE:
        m = re.compile(r"(?m)^" + re.escape(first)).search(text, cursor)
        if not m:
            raise SystemExit(f"no line {first!r} after {cursor}")
        at = m.start()
        line = text[at:text.index("\n", at)]
        words = text[at:at + 400].split()
        for n in range(min(8, len(words)), len(words) + 1):
            fw = " ".join(words[:n])
            loc = src.locate(fw, cursor)
            if loc and loc[0] == at:
                break
        else:
            raise SystemExit(f"no unique quote for {line!r}")
        seg = {"file": TXT.name, "first_words": fw, "kind": kind, "author": fields.get("author"),
               "date_iso": fields.get("date_iso")}
        seg.update({k: v for k, v in fields.items() if k not in seg})
        if kind == "letter":
            assert text.startswith(fields["dateline"].replace(" / ", "\n\n"), at), fields["dateline"]
        segs.append(seg)
        starts.append(at)
        cursor = at + 1
    # every salutation lies in a letter, one per letter; every all-capital line is a heading segment
    bounds = starts + [len(text)]
    for m in re.finditer(r"(?m)^Dearest Mamma,—", text):
        i = max(k for k, s in enumerate(starts) if s <= m.start())
        assert segs[i]["kind"] == "letter", text[m.start():m.start() + 40]
        assert text.count("\nDearest Mamma,—", starts[i], bounds[i + 1]) == 1, segs[i]["first_words"]
    caps = [ln for ln in text.split("\n") if ln.strip() and ln == ln.upper() and re.search(r"[A-Z]{3}", ln)]
    assert caps == [f for f, k, _ in TABLE if k == "heading"], caps
    return {
        "corpus": "glyn-elizabeth",
        "files": [TXT.name],
        "origin": {"repository": "COST-ELTeC/ELTeC-eng", "path": "level1/ENG19001_Glyn.xml",
                   "commit": "1f060e69871bb455e24ead3a2efe7f5c0810328b",
                   "title": "The Visits of Elizabeth (ELTeC edition, level 1), chapters 'Nazeby Hall' to 'Caudebec' "
                            "(the first seven)",
                   "creator": "Elinor Glyn (1900); ELTeC conversion Lou Burnard, from Project Gutenberg eBook 10959"},
        "conventions": {
            "source": "Gold written by hand from the printed letters and the ELTeC markup (div type=chapter and its "
                      "<head>) before quellen was run on the text; make_slice.py turns the table into this file. "
                      "Not produced by quellen.",
            "text": "The ELTeC <body> from its first chapter to the end of the seventh (the title page, the only "
                    "front matter, left out, as se_gold.py leaves a title page out), copied by hand: one <p> or "
                    "<head> per line, a blank line between them; <gap/> dropped; <hi> and <label> kept as their "
                    "words (a <label> in a <p> of its own, the book's marginal summary, is a line of its own); "
                    "line wraps joined; spelling and punctuation as the edition has them.",
            "segments": "Consecutive starts in document order. Each chapter's head (the house the letters are "
                        "written from, 'HEAVILAND MANOR') is a heading segment. Each letter is one segment, from its "
                        "dateline's first line ('Nazeby Hall, 26th July.', or 'Heaviland Manor,' over 'Wednesday, "
                        "August 3rd.') through the marginal labels, the salutation run into the first paragraph "
                        "('Dearest Mamma,—I got here …'), the parts written later the same day ('12.30.—', 'Twelve "
                        "p.m.—', '5 p.m.—'), the signature (run in, '—Your affectionate daughter, Elizabeth.', or on "
                        "its own line) and the postscript ('P.S.—…', one signed 'E.'). The narrator's paragraphs "
                        "outside letters (the first chapter's opening, the link 'Elizabeth received an immediate "
                        "reply …') are narrative segments.",
            "kinds": "letter, heading, narrative.",
            "author": "Every letter is Elizabeth's, signed; headings and the narrator's paragraphs have none. The "
                      "sidecar gives the file's metadata author (Elinor Glyn), who signs no letter.",
            "dates": "No letter has a date_iso: the datelines give a day and month, a weekday, or both, and the book "
                     "prints no year (date_as_written keeps the dateline's date).",
            "first_words": "The first words of the segment's opening line, at least eight (or more where the "
                           "scorer's search from the previous segment would find another place).",
        },
        "segments": segs,
        "embedded": [], "events": [], "people": [], "places": [],
    }


if __name__ == "__main__":
    gold = build()
    (HERE / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(len(gold["segments"]), Counter(s["kind"] for s in gold["segments"]))
