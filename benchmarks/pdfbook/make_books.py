"""Printed books as PDF, made from invented text: running heads, running feet, footnotes.

    python benchmarks/pdfbook/make_books.py OUTDIR

Writes three books (each page laid out here, line by line, and printed by headless Chromium)
and ``OUTDIR/gold.json``: per book the first line of every document (diary entry, letter), the
lines a boundary may fall on besides (title page, chapter headings), the running heads and feet
printed, and the footnotes. ``damage.py`` reads them back as ``quellen build`` does and counts
what the page furniture broke.

- ``voyage.pdf``: a diary in chapters; verso head "124  THE JOURNAL OF A VOYAGE", recto head the
  chapter's title with the page number; a chapter opens on a fresh page without a head, its page
  number at the foot.
- ``letters.pdf``: letters with datelines and signatures; verso head "[1795  LETTERS OF HESTER
  LANE"-style: page number and year ("124  [1794"), recto "LETTERS OF HESTER LANE  125".
- ``ashcombe.pdf``: a diary whose heads carry no page number (verso the book, recto the season),
  the page number alone at the foot, and footnotes at the bottom of some pages.
- ``voyage-ocr.pdf``: another diary laid out as ``voyage.pdf``, with the OCR errors of a scan's
  text layer in about a third of its heads ("THE JOUKNAL OF A VOYAGE", "2o").
"""
from __future__ import annotations

import datetime as dt
import html
import json
import random
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
WIDTH = 68          # characters per full line (the layout's measure)
LINES_PER_PAGE = 34

PEOPLE = ["Mr. Harrow", "Captain Ludd", "the surgeon", "Mrs. Calloway", "old Tremayne", "the purser",
          "my cousin Ralph", "Dr. Faber", "the mate", "Miss Oakes", "the rector", "young Pellow"]
PLACES = ["the harbour", "the inn at Polwenna", "the lower deck", "the vicarage", "the mill",
          "the market", "the quay", "the churchyard", "the long meadow", "the custom house"]
THINGS = ["the weather", "the price of corn", "the new road", "a letter from home", "the sick cow",
          "the accounts", "the stores", "the rigging", "the garden wall", "the parish rate"]
SENTENCES = [
    "In the morning {p} came to see me about {t}, and stayed above an hour.",
    "We walked down to {l} after dinner, where there was a great crowd and much talk of {t}.",
    "The wind continued in the same quarter all day, and nothing was done but to mend {t}.",
    "I wrote to {p} concerning {t}, though I doubt the letter will go before Thursday.",
    "It rained without stopping from noon until late in the evening, so that we kept within doors.",
    "{P} dined with us, and was very entertaining upon the subject of {t}.",
    "After breakfast I went over to {l} with {p}, and we did not return until it was dark.",
    "There is much sickness about, and {p} is said to be very low with a fever.",
    "I read for two hours in the evening, and then sat up late over {t}.",
    "The post brought nothing, which I had expected, and I was out of humour all the afternoon.",
    "We heard that {p} had gone to {l} on business that nobody could explain to me.",
    "A fine clear day, the first for a week, and everybody was abroad to enjoy it.",
    "I settled with {p} for {t}, and paid him what was owing since Lady Day.",
    "My head ached all the morning, and I did little but walk in the garden and think of {t}.",
    "In the evening there was music at {l}, and I went with {p}, though I had rather stayed home.",
    "Nothing remarkable happened, except that {p} broke his arm in falling from a ladder.",
    "The men were set to work upon {t}, and made better progress than I had hoped.",
    "We were all much alarmed at night by a noise below, which proved to be nothing but the dog.",
]


def sentence(rng: random.Random) -> str:
    """Return one invented sentence."""
    who = rng.choice(PEOPLE)
    return rng.choice(SENTENCES).format(p=who, P=who[0].upper() + who[1:], t=rng.choice(THINGS),
                                        l=rng.choice(PLACES))


def paragraph(rng: random.Random, low: int = 2, high: int = 6) -> str:
    """Return a paragraph of invented sentences."""
    return " ".join(sentence(rng) for _ in range(rng.randint(low, high)))


# a body line: (text, kind) with kind "p" (prose, first line indented), "c" (continued prose),
# "h" (a heading line, centred), "s" (a short line: date line, salutation, signature), "gap"
def prose(text: str) -> list[tuple[str, str]]:
    """Return the lines of a paragraph wrapped to the measure."""
    lines = textwrap.wrap(text, WIDTH - 3)
    return [(lines[0], "p")] + [(line, "c") for line in lines[1:]]


class Book:
    """Pages laid out line by line, with the furniture of each page and the gold of the text."""

    def __init__(self, name: str, first_page: int):
        self.name = name
        self.number = first_page
        self.pages: list[dict] = []
        self.page: dict | None = None
        self.gold = {"starts": [], "neutral": [], "heads": [], "feet": [], "footnotes": []}

    def new_page(self, head: str | None, foot: str | None = None) -> None:
        self.page = {"head": head, "foot": foot, "lines": [], "notes": [], "number": self.number}
        self.pages.append(self.page)
        self.number += 1

    def room(self) -> int:
        return LINES_PER_PAGE - len(self.page["lines"]) - 2 * len(self.page["notes"])


def render(book: Book) -> str:
    """Return the HTML of a book, one block per page."""
    out = ["<!doctype html><html><head><meta charset='utf-8'><style>",
           "@page { size: 5.5in 8.5in; margin: 0.55in 0.6in; }",
           "body { font-family: 'DejaVu Serif', serif; font-size: 9.5pt; line-height: 1.32; margin: 0 }",
           ".page { page-break-after: always; height: 7.3in; position: relative }",
           ".head { display: flex; justify-content: space-between; font-size: 8.5pt; margin-bottom: 1.1em;",
           "        letter-spacing: 0.04em }",
           ".l { white-space: pre } .p { text-indent: 1.4em } .h { text-align: center } .gap { height: 1.3em }",
           ".s { white-space: pre; padding-left: 1.4em }",
           ".bottom { position: absolute; bottom: 0; left: 0; right: 0 }",
           ".note { font-size: 7.5pt; white-space: pre } .rule { width: 30%; border-top: 0.5pt solid black }",
           ".foot { text-align: center; font-size: 8.5pt; margin-top: 0.6em }",
           "</style></head><body>"]
    for page in book.pages:
        out.append("<div class='page'>")
        if page["head"]:
            parts = page["head"]
            out.append("<div class='head'>" + "".join(f"<span>{html.escape(p)}</span>" for p in parts) + "</div>")
        for text, kind in page["lines"]:
            if kind == "gap":
                out.append("<div class='gap'></div>")
            else:
                cls = {"p": "l p", "c": "l", "h": "l h", "s": "s"}[kind]
                out.append(f"<div class='{cls}'>{html.escape(text)}</div>")
        if page["notes"] or page["foot"]:
            out.append("<div class='bottom'>")
            if page["notes"]:
                out.append("<div class='rule'></div>")
                out += [f"<div class='note'>{html.escape(n)}</div>" for n in page["notes"]]
            if page["foot"]:
                out.append(f"<div class='foot'>{html.escape(page['foot'])}</div>")
            out.append("</div>")
        out.append("</div>")
    out.append("</body></html>")
    return "\n".join(out)


def pour(book: Book, lines: list[tuple[str, str]], head_of, keep: int = 1) -> None:
    """Add lines to the book, turning the page (with the head ``head_of(number)``) when it is full.

    ``keep`` lines at the start are kept together (a heading with its first line)."""
    for i, line in enumerate(lines):
        need = keep if i == 0 else 1
        if book.room() < need:
            book.new_page(head_of(book.number))
            if line[1] == "gap":
                continue
        book.page["lines"].append(line)


def verso_recto(verso, recto):
    """Return a head function: verso (even) and recto (odd) pages get different heads."""
    return lambda n: verso(n) if n % 2 == 0 else recto(n)


def head_line(parts: tuple[str, ...]) -> str:
    """Return a head as the text layer gives it: its parts on one line, single spaces."""
    return " ".join(" ".join(parts).split())


def ordinal(day: int) -> str:
    """Return "1st", "2nd", "23rd", "11th" ..."""
    return f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def voyage(rng: random.Random) -> Book:
    """Return a diary in three chapters (dated entries, heads with page numbers)."""
    book = Book("voyage", first_page=9)
    date = dt.date(1794, 3, 3)
    chapters = ["THE PASSAGE OUT", "AT ANCHOR IN THE ROADS", "THE RETURN"]
    numerals = ["I", "II", "III"]
    for c, title in enumerate(chapters):
        # a chapter opens on a fresh page: no head, the page number at the foot
        book.new_page(None, foot=str(book.number))
        book.page["lines"] += [(f"CHAPTER {numerals[c]}.", "h"), ("", "gap"), (title, "h"), ("", "gap")]
        book.gold["neutral"] += [f"CHAPTER {numerals[c]}.", title]

        def head(n, title=title):
            return (str(n), "THE JOURNAL OF A VOYAGE", "") if n % 2 == 0 else ("", title, str(n))
        for _ in range(rng.randint(12, 15)):
            first = f"{date:%A}, {date.day} {date:%B} {date.year}."
            book.gold["starts"].append(first)
            lines = [(first, "s")]
            for _ in range(rng.randint(1, 3)):
                lines += prose(paragraph(rng))
            pour(book, [("", "gap")] + lines if book.page["lines"][-1][1] != "gap" else lines, head, keep=3)
            date += dt.timedelta(days=rng.randint(1, 4))
    return book


def letters(rng: random.Random) -> Book:
    """Return letters with datelines, salutations and signatures (heads: page number and year)."""
    book = Book("letters", first_page=1)
    book.new_page(None)
    book.page["lines"] += [("", "gap")] * 6 + [("LETTERS", "h"), ("OF", "h"), ("HESTER LANE", "h"),
                                               ("", "gap"), ("1794-1797", "h")]
    book.gold["neutral"] += ["LETTERS", "OF", "HESTER LANE", "1794-1797"]
    book.new_page(None)
    date = dt.date(1794, 5, 4)
    year = {"y": date.year}
    head = verso_recto(lambda n: (f"{n}  [{year['y']}", "", ""), lambda n: ("", "LETTERS OF HESTER LANE", str(n)))
    places = ["Bath", "Clifton", "Laura Place", "Exeter", "Sidmouth"]
    numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
                "XV", "XVI", "XVII", "XVIII", "XIX", "XX"]
    for k in range(20):
        year["y"] = date.year
        first = f"LETTER {numerals[k]}."
        book.gold["starts"].append(first)
        to = rng.choice(["My dear Sister,", "Dear Madam,", "My dearest Anne,", "Sir,"])
        lines = [("", "gap"), (first, "h"), (f"{rng.choice(places)}, {ordinal(date.day)} {date:%B} {date.year}.", "s"),
                 (to, "s")]
        for _ in range(rng.randint(2, 4)):
            lines += prose(paragraph(rng, 3, 7))
        lines += [(rng.choice(["I am, my dear Sister,", "Believe me ever,", "I remain, Madam,"]), "s"),
                  (rng.choice(["your affectionate", "your most obedient servant,", "yours faithfully,"]), "s"),
                  ("Hester Lane.", "s")]
        pour(book, lines if book.page["lines"] else lines[1:], head, keep=4)
        date += dt.timedelta(days=rng.randint(20, 70))
    return book


def ashcombe(rng: random.Random) -> Book:
    """Return a diary whose heads have no page number; page numbers at the foot; footnotes."""
    book = Book("ashcombe", first_page=3)
    date = dt.date(1823, 3, 12)

    def season(d):
        return {3: "SPRING", 4: "SPRING", 5: "SPRING", 6: "SUMMER", 7: "SUMMER", 8: "SUMMER"}.get(d.month, "AUTUMN")
    state = {"d": date}
    head = verso_recto(lambda n: ("", "ASHCOMBE JOURNAL", ""), lambda n: ("", f"{season(state['d'])}, 1823", ""))
    book.new_page(None, foot=str(book.number))
    book.page["lines"] += [("JOURNAL KEPT AT ASHCOMBE", "h"), ("", "gap")]
    book.gold["neutral"] += ["JOURNAL KEPT AT ASHCOMBE"]
    notes = ["The Rev. Josiah Pellow, rector 1811-1840.", "Now pulled down; it stood by the bridge.",
             "A word is wanting here in the manuscript.", "The sum is entered again in the accounts.",
             "Her letters are not preserved.", "Of this more is said under the following month."]
    n_note = 0
    for _ in range(60):
        state["d"] = date
        first = f"{date:%A}, {date.day} {date:%B}."
        book.gold["starts"].append(first)
        lines = [(first, "s")]
        for _ in range(rng.randint(1, 2)):
            lines += prose(paragraph(rng, 2, 5))
        before = len(book.pages)
        pour(book, [("", "gap")] + lines, lambda n: head(n), keep=3)
        for page in book.pages[before:]:
            page["foot"] = str(page["number"])
        # a footnote on every other entry, on the page where its last line is printed
        if n_note < len(notes) and rng.random() < 0.5 and book.room() > 3:
            text, kind = book.page["lines"][-1]
            book.page["lines"][-1] = (text.rstrip(".") + f"{n_note % 3 + 1}.", kind)
            book.page["notes"].append(f"{n_note % 3 + 1} {notes[n_note]}")
            book.gold["footnotes"].append(notes[n_note])
            n_note += 1
        date += dt.timedelta(days=rng.randint(2, 5))
    return book


_MISREAD = {"O": "0", "I": "l", "E": "F", "A": "4", "N": "H", "R": "K", "C": "G", "U": "V", "1": "l", "0": "o",
            "5": "S", "8": "3"}


def misread(book: Book, rng: random.Random, share: float = 0.3) -> Book:
    """Return the book with OCR errors in ``share`` of its running heads (a letter or a digit misread or lost)."""
    book.name += "-ocr"
    for page in book.pages:
        if page["head"] and rng.random() < share:
            parts = list(page["head"])
            k = max(range(len(parts)), key=lambda i: len(parts[i]))
            if rng.random() < 0.3:   # the page number misread
                k = next(i for i, p in enumerate(parts) if p.isdigit())
            text = parts[k]
            spots = [i for i, c in enumerate(text) if c in _MISREAD] or [0]
            i = rng.choice(spots)
            parts[k] = text[:i] + (_MISREAD.get(text[i], "") if rng.random() < 0.8 else "") + text[i + 1:]
            page["head"] = tuple(parts)
    return book


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "pdfbooks")
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(1794)
    gold = {}
    for book in (voyage(rng), letters(rng), ashcombe(rng), misread(voyage(rng), random.Random(5), 0.35)):
        for page in book.pages:
            if page["head"]:
                book.gold["heads"].append(head_line(page["head"]))
            if page["foot"]:
                book.gold["feet"].append(page["foot"])
        with tempfile.TemporaryDirectory() as tmp:
            page_html = Path(tmp) / f"{book.name}.html"
            page_html.write_text(render(book), encoding="utf-8")
            subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                            f"--print-to-pdf={out / (book.name + '.pdf')}", page_html.as_uri()],
                           check=True, capture_output=True, timeout=120)
        gold[book.name + ".pdf"] = dict(book.gold, pages=len(book.pages))
        print(f"{book.name}.pdf: {len(book.pages)} pages, {len(book.gold['starts'])} documents")
    (out / "gold.json").write_text(json.dumps(gold, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
