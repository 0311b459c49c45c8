"""Entry and document heads of the shapes printed books use, on hand-written texts (none from a corpus).

Each case is a small invented text; the test checks where documents start (their first words) and
the coarse class of each (record, personal, account, furniture), the two things the shared scorer
measures on the books.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from quellen.model import Source
from quellen.segment import segment
from quellen.segment.describe import CLASS_OF_KIND
from quellen.segment.lines import classify, leading_date, Unit


def _docs(text: str):
    docs = segment(Source("src-heads", "heads.txt", "0" * 64, "text/plain", text))
    return [(" ".join(text[d.char_start:d.char_end].split()[:3]), CLASS_OF_KIND.get(d.kind, d.kind), d) for d in docs]


def _starts(text: str):
    return [(w, c) for w, c, _ in _docs(text)]


MONTH_DAY_LINES = """1871

January 3

Skated on the mill pond until the light went. My ankles ache.

January 9

A thaw. The pond is grey and nobody dares to cross it now.

March 1st.

First lambs in the low field; the shepherd up all night.
"""


def test_a_month_and_day_alone_on_a_line_opens_an_entry():
    got = _starts(MONTH_DAY_LINES)
    assert [w for w, _ in got] == ["1871", "January 3 Skated", "January 9 A", "March 1st. First"]
    assert all(c == "personal" for _, c in got[1:])


def test_bare_date_lines_are_date_lines():
    for line in ("January 3", "4th (Sunday).", "5th.", "March 1st.", "Tuesday, 12th"):
        assert classify(Unit(0, len(line), line), None, True) == "dateline", line
    for line in ("12", "12.", "The 5th"):
        assert classify(Unit(0, len(line), line), None, True) != "dateline", line


@pytest.mark.parametrize("head", ["Harwick, 11 October.—Arrived", "12 October, 11 p.m.—Cannot",
                                  "24 June, before dawn.—The", "Saturday, 3rd March.—Fine"])
def test_leading_dates_with_a_place_or_an_hour(head):
    assert leading_date(head) is not None




_ROOT = Path(__file__).resolve().parents[1]
_CORPORA = _ROOT / "eval" / "corpora"
_HOOK = _ROOT.parent / "shared" / "hooks" / "before-stop"
_TITLES = {"Mr", "Mrs", "Miss", "Dr", "Sister", "Lady", "Lord", "Sir", "Captain", "Sergeant", "Hon", "Rev", "Madame",
           "Mister", "Doctor", "Father", "Mother", "Count", "Professor",
           "Smith"}  # the stock example surname of English ("the Smith faction"), not knowledge of a book


def _book_names() -> set[str]:
    """Return the surnames (4+ letters) of every author in the five books' gold, and the hook's list."""
    names: set[str] = set()
    for gold in sorted(_CORPORA.glob("*/gold.json")):
        if gold.parent.name == "seed":
            continue  # the seed's names are the before-stop hook's list
        for seg in json.loads(gold.read_text(encoding="utf-8")).get("segments", []):
            words = re.findall(r"[A-Z][a-z]{3,}", seg.get("author") or "")
            if words:
                names.add(words[-1])  # the surname: first names ("John") are everybody's
    if _HOOK.exists():
        m = re.search(r"grep -rniE[^']*'([^']+)'", _HOOK.read_text(encoding="utf-8"))
        if m:
            names |= {w.replace("\\b", "") for w in m.group(1).split("|")}
    return names - _TITLES


def test_no_name_of_a_shared_book_appears_in_the_package():
    names = _book_names()
    if not names:
        pytest.skip("the books' gold is not in eval/corpora")
    src = _ROOT / "src" / "quellen"
    hits = []
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".py", ".json", ".csv", ".txt", ".toml") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for name in names:
            if re.search(rf"(?i)\b{name}\b" if name.islower() else rf"\b{re.escape(name)}\b", text):
                hits.append((path.name, name))
    assert not hits, hits
