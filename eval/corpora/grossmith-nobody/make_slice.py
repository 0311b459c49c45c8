#!/usr/bin/env python3
"""Write gold.json for grossmith-nobody from the hand-written table below, and check it against the text.

    python3 eval/corpora/grossmith-nobody/make_slice.py

The text (grossmith-nobody.txt) was copied by hand from the ELTeC level-1 TEI file (see PROVENANCE.md); this
script does not make it. The gold was written from the printed heads before quellen was run on the text: each
segment below is named by the start of the line that opens it; its first_words are taken from the text (the
first words of that line, more until the scorer's search from the previous segment finds this place first).
Checks: every line opening with a month and a day ('April 3.-', 'April 9-', 'June 1.-') opens a diary segment,
and every gold line is a line of the text. Standard library only.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
import score  # noqa: E402  (eval/score.py: the scorer's own quote search)

TXT = HERE / "grossmith-nobody.txt"
DIARIST = "Charles Pooter"
DIARIST_BASIS = ("the diarist, the novel's narrator, named in the text: the preface is signed 'Charles Pooter.' and "
                 "the entries call him 'Mr. Pooter' and 'Charlie'; not the book's authors (ELTeC titleStmt "
                 "'Grossmith, George', the print source George and Weedon Grossmith)")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
HEAD = re.compile(rf"^((?:{MONTHS}) \d{{1,2}}(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?)?\.?)-")

# (start of the opening line, kind, extra fields); diary rows are made from the heads themselves
FRONT = [
    ("THE DIARY OF A NOBODY ORIGINALLY APPEARED", "commentary",
     {"author": "George Grossmith", "date_iso": "1892-06", "date_as_written": "London, June, 1892.",
      "author_basis": "signed 'GEORGE GROSSMITH, WEEDON GROSSMITH.' (the two authors' prefatory note; the first "
                      "name kept, the scorer matches 'Grossmith')",
      "markup": "div type=liminal (front): the publishers' note and dedication, signed and dated"}),
    ("Why should I not publish my diary?", "commentary",
     {"author": DIARIST, "author_basis": "signed 'Charles Pooter.' under the preface",
      "markup": "div type=liminal (front): the diarist's preface, signed, with his address"}),
]


def build() -> dict:
    text = TXT.read_text(encoding="utf-8")
    lines = [ln for ln in text.split("\n") if ln.strip()]
    rows = []   # (line, kind, fields)
    front = {p: (k, f) for p, k, f in FRONT}
    after_chapter = False
    for ln in lines:
        m = HEAD.match(ln)
        hit = next((p for p in front if ln.startswith(p)), None)
        if hit:
            rows.append((ln, *front[hit]))
        elif re.fullmatch(r"CHAPTER [IVXL]+\.", ln):
            rows.append((ln, "heading", {"author": None, "markup": "div type=chapter, its head"}))
            after_chapter = True
            continue
        elif after_chapter:
            rows.append((ln, "commentary", {"author": None,
                                           "markup": "the chapter's summary paragraph under its head (a <p>)"}))
        elif m:
            head = m.group(1)
            rows.append((ln, "diary", {"author": DIARIST, "author_basis": DIARIST_BASIS, "date_iso": None,
                                       "date_as_written": head, "dateline": head,
                                       "markup": "a <p> opening with <label>" + head + "</label>"
                                       if not ln.startswith("June 1.-") else
                                       "a <p> opening with the head as plain text (no <label> in ELTeC)"}))
        elif ln.startswith("My dear wife Carrie and I have just been"):
            rows.append((ln, "narrative", {"author": DIARIST, "author_basis": DIARIST_BASIS,
                                           "markup": "the first chapter's paragraphs before the first entry "
                                                     "(the diarist's preamble, 'Now for my diary:-')"}))
        after_chapter = False
    src = score.SourceText({"id": "g", "name": TXT.name, "text": text})
    segs, cursor = [], 0
    for ln, kind, fields in rows:
        at = text.index(ln, cursor)
        words = ln.split()
        for n in range(min(8, len(words)), len(words) + 1):
            fw = " ".join(words[:n])
            loc = src.locate(fw, cursor)
            if loc and loc[0] == at:
                break
        else:
            raise SystemExit(f"no unique quote for {ln[:60]!r}")
        seg = {"file": TXT.name, "first_words": fw, "kind": kind, "author": fields.get("author"),
               "date_iso": fields.get("date_iso")}
        seg.update({k: v for k, v in fields.items() if k not in seg})
        segs.append(seg)
        cursor = at
    heads = [ln for ln in lines if HEAD.match(ln)]
    assert len(heads) == sum(s["kind"] == "diary" for s in segs), "a dated head without its entry"
    return {
        "corpus": "grossmith-nobody",
        "files": [TXT.name],
        "origin": {"repository": "COST-ELTeC/ELTeC-eng", "path": "level1/ENG18920_Grossmith.xml",
                   "commit": "0509bb48649d933e1967f0935379abc3791b2cb1",
                   "title": "The Diary of a Nobody (ELTeC edition, level 1), the front matter's two liminal divs "
                            "and chapters I-V",
                   "creator": "George Grossmith and Weedon Grossmith (1892); ELTeC encoding Lou Burnard, from the "
                              "HTML of Louise Hope"},
        "conventions": {
            "source": "Gold written by hand from the printed heads and the ELTeC markup (div types, <head>, "
                      "<label>) before quellen was run on the text; make_slice.py turns the table into this file. "
                      "Not produced by quellen.",
            "text": "The ELTeC <text> from the front's two liminal divs (the title page left out, as se_gold.py "
                    "leaves it) to the end of chapter V, copied by hand: one <p> or <head> per line, a blank line "
                    "between them; <pb/>, <gap/> (illustrations) and empty <p/> dropped; <hi>, <label>, <title>, "
                    "<foreign> kept as their words; line wraps joined; the edition's spelling and punctuation "
                    "kept as they stand (its hyphen for the printed dash: 'April 3.-Tradesmen', 'diary:-'; "
                    "'BURNANDTO' where the markup has no space).",
            "segments": "Consecutive starts in document order. Each diary entry is one segment, from its head (a "
                        "month and day at the start of a paragraph, 'April 3.-', 'April 9-' without its stop, "
                        "'April 8, Sunday.-', 'June 1.-' which ELTeC leaves without <label>) to the next head or "
                        "chapter; the paragraphs under a head are that entry's. Each chapter's head 'CHAPTER I.' "
                        "is a heading segment and the summary paragraph under it a commentary segment (as the "
                        "suite's invented diaries have them). The two liminal divs of the front matter are one "
                        "commentary segment each; the first chapter's two paragraphs before its first entry are "
                        "a narrative segment. Letters and notes quoted inside entries (17 April, 23 May, 3 "
                        "August) are not units.",
            "kinds": "diary, heading, commentary, narrative.",
            "author": "Every entry, and the preamble and preface, is the diarist's, Charles Pooter, named in the "
                      "text by the preface's signature; the publishers' note is signed by the two authors; "
                      "headings and chapter summaries have none. The sidecar gives the file's metadata author "
                      "(George Grossmith), who writes no entry.",
            "dates": "The book prints no year for its entries, so they have no date_iso (date_as_written keeps "
                     "the head); the publishers' note is dated 'London, June, 1892.' (date_iso 1892-06).",
            "first_words": "The first words of the segment's opening line, at least eight (or the whole line), "
                           "more where the scorer's search from the previous segment would find another place.",
        },
        "segments": segs,
        "embedded": [], "events": [], "people": [], "places": [],
    }


if __name__ == "__main__":
    gold = build()
    (HERE / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    from collections import Counter
    print(len(gold["segments"]), Counter(s["kind"] for s in gold["segments"]))
