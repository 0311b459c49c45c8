"""The boundary cascade: units with cues -> groups of units, one per document.

One pass over the units, top to bottom, with a small state for the document
being built (its *phase*: ``head`` before any body text, ``body``, ``closed``
after a signature or closing; and its *mode*: ``record`` for a first-person
or addressed document, ``account`` for narrative about others). The numbered
steps of :func:`group_units` are the cascade listed in the package docstring.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .. import lexicons
from ..extract.dates.lexicon import CHURCH_WEEKDAY, ORD_DAY, PLAIN_WEEKDAY, WD_NAMES
from ..model import RECORD_KINDS
from ..settings import SegmentSettings
from .lines import (ARGUMENT_RE, CALENDAR_HEAD_RE, DESPATCH_HEADER_RE, EDITION_HEAD_RE, FEAST_HEAD_RE, FIRST_PERSON_RE,
                    FULL_DATE_RE,
                    LETTER_HEADER_RE, LOT_HEAD_RE, MONTHS,
                    NARRATION_VERBS, NEWSPAPER_RE, NOT_A_SIGNER_RE, NOTE_MARK_RE, NUMBERED_HEAD_RE, NUMBERED_HEADER_RE,
                    SECOND_PERSON_RE, SECTION_TITLE_RE, SERIES_HEAD_RE, TIME_HEAD_RE,
                    TELEGRAPH_FORM_RE, TELEGRAPHIC_RE, Unit, bare_date, bare_day, contents_entry, is_allcaps, is_name,
                    kind_from_words, latin_day_head, leading_date, numbered_summary_head, receipt_note, salutation_span,
                    signed_name)
from .lines import web_byline, wire_dateline  # a web article's byline with its day, a news agency's dateline
from .shapes import NEXT_DAY_RE

__all__ = ["Group", "group_units", "margin_notes", "MARGIN_NOTE", "FURNITURE_CUES", "EDITION_PAPER",
           "RESUMES_SECTION", "FRONT_SIGNED", "CHAPTER_SUMMARY",
           "RUN_IN_SIGNED"]

#: the title over a book's list of its parts: data/lexicon/contents_titles.txt
_CONTENTS_TITLE_RE = re.compile(rf"^(?:{'|'.join(map(re.escape, lexicons.words('contents_titles')))})[.:]?$", re.I)
#: the first line of a book's dedication: "TO", "To my dear friend", "Dedicated to ...", "Inscribed to ..."
_DEDICATION_RE = re.compile(r"^(?:to|(?:dedicated|inscribed)\s+to)\b", re.I)
#: a one-word signer in capitals with its stop ("NED."), as printed signatures are set in small capitals
_CAPITALS_SIGNER_RE = re.compile(r"^[A-Z][A-Z'’-]{1,14}\.$")

#: evidence of a narrative that goes on after a document its narrator read out
RESUMES_SECTION = "the section's narrative resumes"
#: cues that are page furniture: each such line is a document of its own
FURNITURE_CUES = frozenset({"separator", "caption", "attribution", "stamp"})
_HEAD_CUES = frozenset({"heading", "byline", "mark", "addressee", "salutation", "dateline"})
#: a word naming a body that issues and signs papers ("the Committee", "Editorial Board"), in any case
ORG_WORDS = re.compile(rf"\b(?:{'|'.join(lexicons.words('body_words'))})\b", re.I)


@dataclass
class Group:
    """The units of one document, and why it starts where it does."""

    units: list[Unit] = field(default_factory=list)
    phase: str = "head"
    mode: str | None = None
    evidence: list[str] = field(default_factory=list)
    #: the prose unit before this group announced it ("the following letter")
    framing: tuple[str, str] | None = None
    framing_text: str = ""
    framing_start: int = 0
    #: an attribution line right before it ("The following excerpt from ...")
    attribution: str | None = None
    #: the kind of the account this part continues across a caption, if any
    continues: "Group | None" = None
    #: the coarse class a learned model gave the document (record, personal, account, furniture)
    coarse: str | None = None
    #: the lines of the section heading right above it ("III", "The Report of A (1791)"), if any
    heading_lines: tuple[str, ...] = ()
    #: a dated part of the letter before it ("May 9th." after a letter, with no heading between)
    letter_part: bool = False
    #: how many of its last units are the foot under the letter's signature (postscripts, address leaf)
    foot: int = 0
    #: where its marginal summaries start (lines between its paragraphs, the edition's notes: :func:`margin_notes`)
    notes: list[int] = field(default_factory=list)

    @property
    def cues(self) -> list[str]:
        """Return the cue of each unit of the group, in order ("heading", "prose", "signature", ...)."""
        return [u.cue for u in self.units]

    def has_body(self) -> bool:
        """Return True when some unit of the group is running prose, not only headings or form lines."""
        return any(u.cue == "prose" for u in self.units)


#: a printed book's end mark alone on its line
_END_MARK_RE = re.compile(r"(?:finis|the\s+end)[.!]?", re.I)


def _first_person(unit: Unit) -> bool:
    f = unit.features
    return f.get("first", 0) >= 0.02 or (f.get("first_sing", 0) >= 1 and f.get("words", 0) < 40)


def _subheading(unit: Unit, current: Group | None, nxt: Unit | None) -> bool:
    """Return True for a short topical subheading inside a running account ("Personal life").

    Such headings carry no name (every word after the first is lower case) and
    sit between paragraphs of the same third-person account, so they divide a
    text rather than begin another one.
    """
    if current is None or current.mode != "account" or current.phase != "body" or nxt is None:
        return False
    if unit.cue != "heading" or unit.tag in ("h1",):
        return False
    tokens = unit.text.split()
    if len(tokens) > 3 or any(t[:1].isupper() for t in tokens[1:]) or unit.text.isupper():
        return False
    return nxt.cue == "prose" and not _first_person(nxt)


#: the heading of one document ("Letter IV", "Telegram.", "Memorandum by ..."), not of a collection
_ONE_DOCUMENT_HEAD_RE = re.compile(rf"^(?:{'|'.join(lexicons.words('single_document_heads'))})\b(?![’'s])", re.I)
_FROM_TO_HEAD_RE = re.compile(r"^(?:from\s+)?[A-Z][^.!?]{0,60}\s+to\s+(?:the\s+)?[A-Z]")
#: a signer's name alone under a closing: "Anne.", "Jane Ashby.", "“Tom.”", "M. Trent."
_SIGNER_RE = re.compile(r"^[“\"]?(?:[A-Z][a-z'’-]+\.?|[A-Z]\.)(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.)){0,3}\.?[”\"]?$")
#: a firm signing under a closing: "Pro Smith, Purvis & Co.", "Black & Sons."
_FIRM_SIGNER_RE = re.compile(r"^[“\"]?(?:[A-Z][\w.'’-]*,?)(?:\s+(?:[A-Z][\w.'’-]*,?|&|and))*\s+(?:&|and)\s+"
                             r"(?:[A-Z][\w.'’-]*,?)(?:\s+[A-Z][\w.'’-]*)*\.?[”\"]?$")
#: a postscript: "P.S.—I open this again ...", "“PS. ..."
POSTSCRIPT_RE = re.compile(r"^[“\"]?(?:P\.\s?S\.?|PS\.|N\.\s?B\.)")
#: a postscript's signature, the writer's initials after its last sentence: "… before Friday. K.", "… J. P."
_SIGNED_INITIALS_RE = re.compile(r"[.!?][”\"’]?\s+(?:[A-Z]\.\s?){1,3}$")
#: a line that says "I" or "you", in any case ("My love to thy sister")
_PERSON_RE = re.compile(f"{FIRST_PERSON_RE.pattern}|{SECOND_PERSON_RE.pattern}", re.I)
#: a postscript sending someone's love to the reader (data/lexicon/remembrance_words.txt): "Sister sends her love"
_REMEMBRANCE_RE = re.compile(rf"\b(?:{'|'.join(map(re.escape, lexicons.words('remembrance_words')))})\b", re.I)
#: a word of a valediction's last line ("Your dutiful son", "Your obedient humble servant")
_VALEDICTION_TAIL_RE = re.compile(rf"\b(?:{'|'.join(lexicons.words('valediction_words'))})\b", re.I)


_WEEKDAY_ONLY_RE = re.compile(r"^(?:" + WD_NAMES + "|" + PLAIN_WEEKDAY + "|" + CHURCH_WEEKDAY +
                              r"|(?:the\s+)?(?:next|same)\s+day)"
                              r"(?:\s+(?:morning|evening|night|afternoon))?[.,:]?$", re.I)


#: a day of the month in a date line: "21st January 1912.", "The twenty-first of January, 1912."
_DAY_NUMBER_RE = re.compile(r"(?<!\d)\d{1,2}(?!\d)|" + ORD_DAY)


def _restates_day(line: Unit, lead: str) -> bool:
    """Return True when a paragraph opening with a weekday alone ("Sunday: We started ...") sits under a
    date line that gives a day of the month ("21st January 1912."): the weekday names that day, so the
    paragraph is the dated entry's first, not an entry of its own under a heading."""
    return line.cue == "dateline" and bool(_DAY_NUMBER_RE.search(line.text)) \
        and bool(_WEEKDAY_ONLY_RE.match(lead.strip(" \t—–-")))


_MONTH_OR_YEAR_RE = re.compile(rf"\b(?:{'|'.join(MONTHS)})\b|\b1\d{{3}}\b", re.I)


_MONTH_RE = re.compile(rf"\b(?:{'|'.join(MONTHS)})\b", re.I)


def _title_line(unit: Unit) -> bool:
    """Return True for a title's line of its own in capitals that is no section's or month's heading: its
    place and year ("ASHBY, 1859"), its subtitle ("WRITTEN FROM THE FLEET, 1801-1802"); "CHAPTER II.", "IV."
    or "MAY 1884." head the part under them."""
    text = unit.text.strip()
    return not (_SECTION_RE.match(text) or _SECTION_NUMBER_RE.match(text) or _MONTH_RE.search(text))


def _place_line(unit: Unit) -> bool:
    """Return True when ``unit`` is a date line that names no month and no year: the place above a date."""
    return unit.cue == "dateline" and not _MONTH_OR_YEAR_RE.search(unit.text)


def _address_line(unit: Unit, below: Unit | None, s: SegmentSettings) -> bool:
    """Return True when ``unit`` is a letter's address line ("Rose Cottage, Stroud", "3 Church Street, Bath")
    written right above the date line ``below``: a heading of a few words (``s.foot_address_line_max_words``)
    with a comma, naming no month and no year, with no blank line between it and the date line."""
    return unit.cue == "heading" and below is not None and below.cue == "dateline" and not below.para \
        and "," in unit.text.rstrip(" ,.") and unit.n_words <= s.foot_address_line_max_words \
        and not _MONTH_OR_YEAR_RE.search(unit.text)


def _is_letter(group: Group) -> bool:
    """Return True when the group so far reads as a letter: a salutation, or a header naming a letter."""
    for u in group.units[:6]:
        if u.cue == "salutation" or (u.cue == "prose" and u.features.get("salute")):
            return True
        if u.cue in ("heading", "byline") and kind_from_words(u.text) == "letter":
            return True
    return False


def _names_nobody(text: str) -> bool:
    """Return True when the salutation opening ``text`` names nobody: its words after the first are all
    in lower case ("Dearest", "My dear", not "Dear Ann" or "Dear Sir")."""
    span = salutation_span(text)
    return span is not None and all(w[:1].islower() for w in text[span[0]:span[1]].split()[1:])


#: the words of a salutation that greet nobody in particular ("My very dear", "Endeared"): what is left names the reader
_GREETING_WORDS = frozenset({"my", "very", "own"}
                            | {w for e in lexicons.words("salutation_adjectives") for w in e.split()})


def _greeted_words(text: str) -> set[str]:
    """Return the words of ``text`` that name whom it greets, in lower case and singular ("friends" -> "friend"):
    its words less the greeting's own ("Dear", "My beloved")."""
    return {w.lower().removesuffix("s") if len(w) > 3 else w.lower() for w in re.findall(r"[^\W\d_]+", text)
            if w.lower() not in _GREETING_WORDS}


def _greets_again(unit: Unit, group: Group) -> bool:
    """Return True when the salutation opening ``unit`` names someone the salutation the group's letter opened with
    names ("Dear Cousin," inside a letter that began "Dear beloved Cousin,"): the same addressee. The reader's
    name written on its own line under that salutation ("Dear Friend," / "Ann Pell") is the salutation's too, a
    plural greets as its singular does ("Dear Friends," under "Beloved Friend,") and a greeting of one word
    ("Father, I hope …" under "Dear Father,") is the same reader's."""
    span = salutation_span(unit.text)
    if span is None:
        return False
    words = _greeted_words(unit.text[span[0]:span[1]])
    for k, u in enumerate(group.units[:4]):
        if u.cue == "salutation" or u.features.get("salute"):
            own = salutation_span(u.text) or (0, len(u.text))
            said = _greeted_words(u.text[own[0]:own[1]])
            if u.cue == "salutation":
                for below in group.units[k + 1:k + 3]:
                    if below.cue not in ("heading", "addressee", "salutation"):
                        break
                    said |= _greeted_words(below.text)
            return bool(words & said)
    return False


def _headed_letter(group: Group) -> bool:
    """Return True when the group's head (the lines above its first paragraph) makes it a letter: a
    salutation line or a heading naming a letter ("Letter IV"); an addressee line alone may be a diary's
    "To the market and bought ...")."""
    for u in group.units:
        if u.cue == "prose":
            return False
        if u.cue == "salutation" or (u.cue == "heading" and kind_from_words(u.text) == "letter"):
            return True
    return False


def _greets_at_head(group: Group) -> bool:
    """Return True when the group opens as a letter does: its head makes it one (:func:`_headed_letter`) or its first
    paragraph opens with a greeting; a greeting further on ("Dear Reader, you will forgive ..." in a memoir's chapter)
    is the narrator turning to someone, no letter's head."""
    if _headed_letter(group):
        return True
    first = next((u for u in group.units if u.cue == "prose"), None)
    return first is not None and bool(first.features.get("salute"))


def _head_years(group: Group) -> set[str]:
    """Return the years (four figures) written in the group's head, the lines above its first paragraph."""
    years: set[str] = set()
    for u in group.units:
        if u.cue == "prose":
            break
        years.update(re.findall(r"\b\d{4}\b", u.text))
    return years


#: a year alone on its line, with its stop: "1712."
_YEAR_ALONE_RE = re.compile(r"1\d{3}\.?")


def _under_date_line(group: Group) -> bool:
    """Return True when the group opened under a date line alone on its line (the lines above its first paragraph
    hold one), as a letter or a newsletter dated at its head does."""
    for u in group.units:
        if u.cue == "prose":
            return False
        if u.cue == "dateline":
            return True
    return False


#: a book's section heading: a number alone, "Chapter XI", "Part 2", front and back matter, a roman number
#: and the section's title on one line ("XI The Polar Journey", "IV. Returning Parties"; "I" alone is a pronoun)
_SECTION_RE = re.compile(r"^(?:(?:chapter|part|book|volume|vol\.|section|canto|period|epoch|division|stave|act)\s+"
                         r"(?:[ivxlcdm]+|\d+|[a-z]+)\b|[IVXLC]+\.?$|(?-i:(?:[IVXLC]{2,}|[VXL])\.?\s+[A-Z])"
                         r"|\d{1,3}\.?$|(?:(?:the\s+)?(?:editor|publisher|translator)['’]?s?\s+to\s+the\s+reader|"
                         r"preface|introduction|prologue|"
                         r"epilogue|foreword|afterword|dedication|appendix|postscript|conclusion|contents|"
                         r"(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last"
                         r"|final)\s+"
                         r"(?:period|part|book|epoch|narrative|division))\b)", re.I)


#: a section's number, alone or named ("IV", "12.", "Chapter IV"): it numbers a section, it never titles a text
_SECTION_NUMBER_RE = re.compile(r"^(?:(?:chapter|part|book|volume|section)\s+(?:[ivxlcdm]+|\d+)|[IVXLC]+|\d{1,3})\.?$",
                                re.I)


#: a numbered letter's own head ("Letter XII", "LETTER 4."): in a series of numbered letters each runs to the next
_NUMBERED_LETTER_RE = re.compile(r"^letter\s+(?:[ivxlcdm]+|\d+)\.?$", re.I)


def _numbered_letter(text: str) -> bool:
    """Return True for a numbered letter's head, alone ("Letter XII") or with the letter's own header on the
    same line ("Letter XII Miss Ashby, to Mrs. Trent")."""
    m = re.match(r"^letter\s+(?:[ivxlcdm]+|\d+)\.?\s+(?=\S)", text, re.I)
    # (or after the number's stop, with the header's own abbreviations: "LETTER IV. Dr. Hale to his son.")
    # (or a summary of the letter's topics after the number: "LETTER VI. A Visit.—His Guards, &c.")
    return bool(_NUMBERED_LETTER_RE.match(text) or (m and _FROM_TO_HEAD_RE.match(text[m.end():]))
                or NUMBERED_HEADER_RE.match(text)
                or (re.match(r"^(?:letter|epistle)\b", text, re.I) and numbered_summary_head(text)))


#: why a document may start inside a numbered letter: a date heading a part of it, furniture, a break
_INSIDE_LETTER_STARTS = ("date line", "diary-entry head", "telegraph form", "furniture", "thematic break",
                         "after furniture", "start of text")


#: a heading naming the narrator of what follows: "Contributed by A", "The Narrative of A", "Told by A"
_NARRATOR_HEAD_RE = re.compile(rf"\b(?:{NARRATION_VERBS}|narrated)\s+by\b|"
                               r"\b(?:narrative|story|account|recollections?)\s+of\b", re.I)


#: the narrator taking the word back from a diary he has copied out: "Here her journal ends, and ..."
_DIARY_END_VERBS = "|".join(r"\s+".join(map(re.escape, w.split())) for w in lexicons.words("diary_end_verbs"))
_DIARY_ENDS_RE = re.compile(rf"^(?:here|there)\s+(?:the|her|his)\s+(?:diary|journal)\s+(?:{_DIARY_END_VERBS})\b", re.I)
#: a section heading that names and numbers its section: "CHAPTER I.", "Book 2" (a numeral alone, "III", may number
#: the letter under it, as an edition of letters does)
_NUMBERED_SECTION_RE = re.compile(r"^(?i:chapter|book|part)\s+(?:\d+|[IVXLCDM]+|[ivxlcdm]+)\.?$")


def _section_head(group: Group) -> bool:
    """Return True when the group so far is a book's section heading (and not a document's own title)."""
    if not group.units or any(u.cue not in ("heading", "byline", "dateline") for u in group.units):
        return False
    first = group.units[0]
    if first.cue != "heading" or not _SECTION_RE.match(first.text.strip()):
        return False
    # ("II." right over "FROM OUR SPECIAL CORRESPONDENT.": a newspaper's byline makes the number its letter's)
    second = group.units[1] if len(group.units) > 1 else None
    return kind_from_words(first.text) not in RECORD_KINDS and not (
        second is not None and second.cue == "byline" and kind_from_words(second.text) in RECORD_KINDS)


def _strong_head(unit: Unit) -> bool:
    """Return True for a heading that ends a numbered letter: a section, a numbered or one-document head,
    a series or narrator heading, a title in capitals."""
    text = unit.text.strip()
    return unit.cue in ("heading", "byline") and bool(
        _SECTION_RE.match(text) or NUMBERED_HEAD_RE.match(text) or numbered_summary_head(text)
        or _ONE_DOCUMENT_HEAD_RE.match(text) or _NARRATOR_HEAD_RE.search(text) or SERIES_HEAD_RE.search(text)
        or is_allcaps(text))


_NOTE_RE = re.compile(r"^[\[(][^\])]{1,80}[\])]\.?$")
_ADDRESS_RE = re.compile(r"^[“\"]?(?:\d{1,4},?\s+)?[A-Z][\w'’-]*(?:,?\s+(?:[A-Z][\w'’-]*|of|on|upon|the"
                         r"|\d{1,4}))*[.,]?$")


def _head_note(unit: Unit, nxt: Unit | None) -> bool:
    """Return True for a short line in brackets or an address right above a date line or a salutation."""
    return unit.n_words <= 8 and nxt is not None and nxt.cue in ("dateline", "salutation") and bool(
        _NOTE_RE.match(unit.text.strip()) or (unit.n_words >= 2 and _ADDRESS_RE.match(unit.text.strip())))


def _opens_letter(unit: Unit) -> bool:
    """Return True for a line that opens a letter: a salutation, or a date line that names a day (a weekday
    or a day of the month; a postmark's year alone, "1819", does not)."""
    f = unit.features
    if unit.cue == "salutation" or f.get("salute") or f.get("lead_date") or f.get("lead_shape"):
        return True
    text = unit.text.strip(" []().")
    if receipt_note(unit.text):
        return False  # "[Received 2nd May, 1916.]": the foot of the letter above
    return unit.cue == "dateline" and bool(_DAY_NUMBER_RE.search(text) or re.search(
        rf"\b(?:{WD_NAMES})\b", text, re.I))


#: the evidence of a letter closed by a valediction and a name run into its last paragraph
RUN_IN_SIGNED = "closing and signature run into the last paragraph"
#: the evidence of a chapter's summary over its entries (the short paragraph between its heading and its first entry)
CHAPTER_SUMMARY = "a chapter's summary over its first entry"
#: the small words a place on a date line may hold beside its capitalized words ("Camp near the Ford,")
_PLACE_SMALL_WORDS = frozenset(lexicons.words("place_line_words"))


def _place_first_line(unit: Unit, nxt: Unit | None, s: SegmentSettings) -> bool:
    """Return True when ``unit`` is the first line of a date line written over two ("Rose Hall," / "Friday, 7th
    June."): a place of a few capitalized words (``s.foot_address_line_max_words``) closed by a comma, naming no
    month and no year, right over a date line."""
    text = unit.text.strip()
    if nxt is None or nxt.cue != "dateline" or unit.cue not in ("prose", "heading") or not text.endswith(",") \
            or "\n" in text or unit.n_words > s.foot_address_line_max_words or _MONTH_OR_YEAR_RE.search(text):
        return False
    tokens = re.findall(r"[\w'’-]+", text)
    return bool(tokens) and (tokens[0][:1].isupper() or tokens[0][:1].isdigit()) and all(
        t[:1].isupper() or t[:1].isdigit() or t.lower() in _PLACE_SMALL_WORDS for t in tokens)


def _restated_below(heading: str, line: Unit | None) -> bool:
    """Return True when ``line``, a date line, opens with the words of ``heading`` in capitals ("ROSE HALL" over
    "Rose Hall, Friday, 7th June."): the place a part of the book is headed with, restated by its first letter."""
    if line is None or not (line.cue == "dateline" or line.text.rstrip().endswith(",")) or not is_allcaps(heading):
        return False
    def key(text: str) -> str:
        return " ".join(re.findall(r"\w+", text.lower()))
    return bool(key(heading)) and key(line.text.split(",", 1)[0]) == key(heading)


#: the evidence of a front-matter text signed at its foot (see :func:`_front_signature`)
FRONT_SIGNED = "signature: the names under a text of the front matter"
#: the evidence of a paper an edition numbers under the date it prints in the margin: the editor's date
EDITION_PAPER = "an edition's numbered head under its marginal date"
#: the names a front-matter text is signed with: one name, or several joined by commas or "and"
_NAMES_SPLIT_RE = re.compile(r"\s*(?:,|&|\band\b)\s*", re.I)


def _signers_line(text: str) -> bool:
    """Return True when ``text`` is a line of one to three personal names alone, in capitals or not, joined by
    commas or "and" ("A. Bell.", "JOHN BELL AND MARY BELL.")."""
    parts = [p for p in _NAMES_SPLIT_RE.split(text.strip().rstrip(".")) if p]
    return 1 <= len(parts) <= 3 and all(
        is_name(p.title() if p.isupper() else p) and len(p.split()) >= 2 and not NOT_A_SIGNER_RE.search(p)
        for p in parts)


def _front_signature(unit: Unit, current: Group | None, nxt: Unit | None, groups: list[Group],
                     s: SegmentSettings) -> bool:
    """Return True when ``unit`` signs the text of the book's front matter above it (a prefatory note, a
    preface): names alone on their line under its unheaded body, with nothing before it but the book's title and
    other such signed texts, over the place and date it was written at, an address, a section heading or the end
    of the text."""
    if current is None or current.phase != "body" or current.mode == "furniture" or \
            unit.n_words > s.front_signature_max_words or not _signers_line(unit.text):
        return False
    if current.units[0].cue != "prose" or current.mode == "personal" or any(
            u.cue in ("dateline", "salutation", "closing") or _entry_head(u) or u.features.get("salute")
            for u in current.units) or any(
            g is not current and FRONT_SIGNED not in g.evidence
            and (g.mode != "furniture" or "page title" not in g.evidence) for g in groups):
        return False  # a headed, dated or greeting text, or the book has begun (its first entry, letter, paper...)
    return nxt is None or nxt.cue == "dateline" or (nxt.cue == "heading" and _SECTION_RE.match(nxt.text.strip())) \
        or (nxt.n_words <= s.foot_address_line_max_words and "," in nxt.text and not _MONTH_OR_YEAR_RE.search(nxt.text)
            and not any(nxt.features.get(k) for k in ("first_sing", "second", "first", "salute", "lead_date")))


def _address_leaf_line(unit: Unit, s: SegmentSettings) -> bool:
    """Return True for a short line of an address leaf that the line cues took for prose ("by favor of the
    carrier", "In Ashby, Kent County,", "(to the care of the postmaster)"): a few words
    (``s.foot_address_line_max_words``), no sentence stop, no first or second person."""
    f, text = unit.features, unit.text.strip().strip("()[]")
    if unit.n_words > s.foot_address_line_max_words or "\n" in text or text.endswith((".", "!", "?", ":", ";")):
        return False
    return not any(f.get(k) for k in ("first_sing", "second", "first", "salute", "lead_date"))


#: an editor's note: a paragraph of several words wholly in square brackets
#: a mark the sheet bears, described in brackets at its foot (data/lexicon/foot_stamps.txt)
_FOOT_STAMP_RE = re.compile(rf"^\[(?:{'|'.join(map(re.escape, lexicons.words('foot_stamps')))})[:.][^\[\]]*\]\.?$",
                            re.I)
_EDITOR_NOTE_RE = re.compile(r"^\[[^\[\]]*\s[^\[\]]*\s[^\[\]]*\]\.?$")
#: a title naming a series of letters ("LETTERS FROM THE NORTH", "CORRESPONDENCE RESPECTING …", "DESPATCHES")
_SERIES_TITLE_RE = re.compile(r"\b(?:letters|correspondence|despatches|dispatches)\b", re.I)
#: a number alone heading a paper of a series: "No. 1.", "No. 14"
_NUMBER_ALONE_RE = re.compile(r"^no\.\s*\d+\.?$", re.I)
#: the addressee's name and place under a copy's signature: "Mr. A. Hale, at Bath.", "To Messrs. Hale & Co., Hull."
_FOOT_ADDRESS_RE = re.compile(r"^(?:to\s+)?(?:mr|mrs|messrs|miss|dr|capt|master|sir|lady|the\s+rev)\.?\s+[A-Z]"
                              r"[^.!?]*(?:\.[^.!?\s][^.!?]*)*[,.][^!?]*$", re.I)
#: a letter-book's head of a copy ("Copy.", "(Copy.)", "Translation."), no certification of the text above
_COPY_HEAD_RE = re.compile(r"^\(?(?:copy|translation|duplicate)\)?\.?$", re.I)


def _quoted_paragraphs(run: list[Unit]) -> int:
    """Return how many paragraphs of ``run`` one quoted paragraph opening it runs over: a quoted letter's
    postscript ('"P.S.—I open this …') goes on in each paragraph opening a quotation mark up to the one that
    closes the quotation; 1 when the quotation does not close among them."""
    opens, closes = ("“", "\""), ("”", "\"")
    if not run[0].text.startswith(opens) or run[0].text.rstrip().endswith(closes):
        return 1
    for k, u in enumerate(run[1:], start=2):
        if not u.text.startswith(opens):
            break
        if u.text.rstrip().endswith(closes):
            return k
    return 1


def letter_foot(units: list[Unit], i: int, dated: bool = False, settings: SegmentSettings | None = None) -> int:
    """Return how many units from ``units[i]`` on are the foot of the letter signed right above them: its
    postscripts (a "P.S.", or one or two short paragraphs with no head of their own standing alone under
    the signature) and its address leaf (short lines: "To / Miss Webb", a postmark, "Bickham / Plymouth"),
    up to the next letter's date line or salutation, or the end of the text; 0 when what follows the
    signature is the head of a text of another shape (a numbered letter, a section, a series heading, an
    editor's note in the third person). A letter's own head above the next date line ("To Sir W. Elford",
    on one line) is the next letter's, and so is what stands after a wider blank than the signature's.
    ``dated``: the unit above ``units[i]`` is the date line the letter was finished on, under its signature.
    ``settings`` (None: the defaults) bound the postscripts and the address lines (``postscript_*``,
    ``foot_*``)."""
    s = settings or SegmentSettings()
    if units[i].cue in ("closing", "signature"):
        return 0  # the valediction and the signature go on: the foot starts under them
    j, last_postscript = i, i
    gap = max(1, units[i - 1].gap) if i else 1
    #: where the date line the letter was finished on stands, under its signature
    date_at = i - 1 if dated else -1
    while j < len(units):
        unit = units[j]
        if j == i and unit.cue == "dateline" and not unit.after_break and unit.gap <= gap and j + 1 < len(units) \
                and units[j + 1].cue != "salutation" and not _opens_letter(units[j + 1]) \
                and letter_foot(units, j + 1, dated=True, settings=s) > 0:
            # a date line right under the signature, a postscript or the address leaf under it and no salutation:
            # the date the letter was finished on, its own ("9th 2nd month 1801" / "P.S. the cart is mended")
            date_at = j
            j += 1
            last_postscript = j
            continue
        if unit.cue in FURNITURE_CUES or unit.after_break or _opens_letter(unit) or unit.gap > gap:
            break
        if unit.cue == "heading" and j + 1 < len(units) and units[j + 1].cue == "prose" and \
                units[j + 1].features.get("salute"):
            break  # "My Dear Jane" over "My dear Jane—I write …": the head of the next letter, no address line
        if unit.cue == "heading" and kind_from_words(unit.text) in RECORD_KINDS and is_allcaps(unit.text):
            break  # "FIELD SERVICE POST CARD.": the head of the next paper, no address leaf
        if _FOOT_STAMP_RE.match(unit.text.strip()):
            j += 1  # "[Postmark: Bath, 3 May.]": the editor describes what the sheet bears, the letter's foot
            last_postscript = j
            continue
        if _EDITOR_NOTE_RE.match(unit.text.strip()):
            break  # a paragraph wholly in square brackets is the editor's: "[This correspondence must now cease.]"
        if unit.cue == "dateline" and j + 1 < len(units) and (not units[j + 1].para or unit.text.endswith(",")) \
                and units[j + 1].cue == "dateline" and _opens_letter(units[j + 1]):
            # the place line of the next letter's date line ("ORCHARD HOUSE," / "Mar. 2."; a paragraph apart,
            # "At the Front," / "3.x.18."), no address leaf
            break
        if unit.cue == "prose" and j > i and _address_leaf_line(unit, s):
            j += 1  # "by favor of the carrier", "in Kent County": a line of the address leaf
            continue
        if unit.cue in ("prose", "heading", "addressee") and j > i and unit.n_words <= s.foot_direction_max_words and \
                _LEAF_DIRECTION_RE.match(unit.text.strip()):
            j += 1  # "It may be left with the postmaster at Ashby …": the leaf's direction to the carrier
            continue
        if unit.cue in ("prose", "heading", "addressee") and j > i and unit.n_words <= s.foot_addressee_max_words and \
                not _reads_as_sentence(unit.text.split("-")[0]) and _LEAF_DIRECTION_IN_RE.search(unit.text):
            j += 1  # "Kent County - to the care of A. Webb, Dover": the place, then the direction to the carrier
            continue
        if j > i and _RECEIPT_NOTE_RE.match(unit.text.strip()) and j + 1 < len(units) and \
                _opens_letter(units[j + 1]):
            break  # "Received this 2nd of 4th month" over the next letter's date line: that letter's first line
        if unit.cue in ("prose", "addressee") and j == i and unit.n_words <= s.foot_addressee_max_words and \
                _FOOT_ADDRESS_RE.match(unit.text.strip()) and not unit.para and j + 1 < len(units) and \
                units[j + 1].cue == "mark" and _COPY_HEAD_RE.match(units[j + 1].text.strip()):
            # a letter-book writes whom the copy went to at its foot, right under the signature, over the next
            # copy's "Copy." ("Mr. A. Hale, at Bath.", "To Master J. Hale, at the Academy, Hull.")
            j += 1
            last_postscript = j
            continue
        if unit.cue == "prose":
            run = []
            for u in units[j:]:
                if u.cue != "prose" or (run and POSTSCRIPT_RE.match(u.text)):
                    break  # (a second "P.S." opens a postscript of its own)
                run.append(u)
            after = units[j + len(run)] if j + len(run) < len(units) else None
            if POSTSCRIPT_RE.match(unit.text):
                # the mark alone on its line ("P.S.") heads the paragraph under it, whoever it speaks of
                run = run[:2] if NOTE_MARK_RE.fullmatch(unit.text.strip()) else run[:_quoted_paragraphs(run)]
                if NOTE_MARK_RE.fullmatch(unit.text.strip()) and len(run) == 1 and after is not None and \
                        after.cue == "heading" and not _opens_letter(after) and not _strong_head(after):
                    run.append(after)  # "P.S." over a line without its stop: the line is the postscript, no heading
            elif (after is not None and after.cue in ("closing", "signature")) or (units[j - 1].cue in (
                    "dateline", "addressee") and j - 1 != date_at):
                break  # under a date line or an addressee, and signed: the body of the next letter
            elif len(run) > s.postscript_max_paragraphs or sum(u.n_words for u in run) > s.postscript_max_words or any(
                    u.features.get(k) for u in run for k in ("salute", "lead_date", "lead_shape", "framing")) or \
                    not all(u.features.get("first_sing") or u.features.get("second") or (
                    u.n_words <= s.postscript_line_max_words and (j > i or j + len(run) == len(units))) for u in run):
                # (a postscript says "I" or "you", or is a line among the address lines or at the very end;
                # an editor's note between two letters speaks of the writer in the third person, or as "we")
                break
            j += len(run)
            last_postscript = j
            continue
        if unit.cue == "heading" and _reads_as_sentence(unit.text) and unit.n_words <= s.postscript_line_max_words * 3 \
                and (_PERSON_RE.search(unit.text) or _REMEMBRANCE_RE.search(unit.text)) \
                and (j + 1 == len(units) or units[j + 1].gap > 0 or units[j + 1].after_break
                     or units[j + 1].cue in FURNITURE_CUES):
            # a postscript written as one line without its stop ("My love to thy sister & the children with the
            # rest as if named"): it speaks to the reader, or sends another's love ("Sister and the boys send
            # their love"), it titles nothing; a line that goes on in the next line of its paragraph is the first
            # line of a verse or a text of its own
            j += 1
            last_postscript = j
            continue
        most = s.foot_addressee_max_words if unit.cue == "addressee" else s.foot_address_line_max_words
        if unit.n_words > most or unit.cue in ("salutation", "mark") or _strong_head(unit) \
                or kind_from_words(unit.text) or re.match(r"^From\s+[A-Z]", unit.text) \
                or _FROM_TO_HEAD_RE.match(unit.text) or NUMBERED_HEAD_RE.match(unit.text.strip()):
            break
        j += 1
    if j == i:
        return 0
    if j < len(units) and (_opens_letter(units[j]) or _RECEIPT_NOTE_RE.match(units[j].text.strip())
                           and j + 1 < len(units) and _opens_letter(units[j + 1])):
        top = j
        if j - 1 >= max(i, last_postscript) and _address_line(units[j - 1], units[j], s):
            top = j - 1  # the next letter's address line, right above its date line, is that letter's first line
        # (an address of several lines, "To Amos Webb" / "Kent County in Wessex", is the leaf of the letter
        # above; "To Sir W. Elford" alone right above the date line heads the next letter)
        heads = [k for k in range(max(i, last_postscript), top)
                 if units[k].cue == "addressee" and units[k].n_words >= 2
                 and not _LEAF_DIRECTION_RE.match(units[k].text.strip())]
        return (heads[-1] if heads and heads[-1] == top - 1 else top) - i
    if j == len(units) or units[j].cue in FURNITURE_CUES or units[j].after_break or units[j].gap > gap:
        return j - i
    return last_postscript - i


def _voice_turns(unit: Unit, prev: Unit | None) -> bool:
    """Return True when ``unit`` opens in the first person right after a third-person paragraph."""
    if prev is None or prev.cue != "prose" or prev.features.get("first", 1) >= 0.005:
        return False
    return bool(re.match(r"^(?:I|My|We|Our)\s", unit.text)) and unit.features.get("first", 0) >= 0.04


def _told_section(group: Group) -> bool:
    """Return True when the group is a section of a book told by a narrator (in the first person or not),
    not a letter or a dated entry: documents it reads out are documents of their own."""
    return bool({"under a section heading", "after a section heading", RESUMES_SECTION} & set(group.evidence)) \
        and not _is_letter(group) and not any(u.cue == "dateline" or _entry_head(u)
                                               for u in group.units)


_FUNCTION_WORDS = frozenset(lexicons.words("function_words"))
#: the fewest words in lower case (other than function words) that make a line a sentence, not a title
SENTENCE_MIN_LOWER_WORDS = 2


def _reads_as_sentence(text: str) -> bool:
    """Return True when a line is written as a sentence, not as a title: two or more of its words (other than
    function words) begin in lower case ("At the farm all day--wrote to my brother"; not "A Visit to the
    Mill", nor a line in capitals)."""
    if is_allcaps(text):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'’]*", text) if w.lower() not in _FUNCTION_WORDS]
    return sum(w[0].islower() for w in words) >= SENTENCE_MIN_LOWER_WORDS


def _entry_head(unit: Unit) -> str | None:
    """Return the date or head that opens a paragraph as an entry's head: a date ("October 28. Hut
    Point.") or one of the source's own head shapes ("Day 14.—", :mod:`.shapes`), else None."""
    return unit.features.get("lead_date") or unit.features.get("lead_shape")


def _time_entry_head(unit: Unit) -> bool:
    """Return True when a paragraph opening with a time of the day and no date is a diary entry's own head: the
    time alone on its line, as the source's dated heads stand ("Later.", "Midnight.", "Same day, 11 p.m."), or
    the next day closed off by a dash or a colon ("Next morning.—"). Run into its text, "Later.—" or "Same day,
    noon.—" goes on with the day's entry, as editions mark it."""
    head = unit.features.get("lead_time")
    if not head:
        return False
    return unit.text.strip() == head.strip() or bool(NEXT_DAY_RE.match(head) and re.search(r"[—–:]\s*$", head))


def _quote_closed(group: Group) -> bool:
    """Return True when the group is a quotation (its first paragraph opens with a quotation mark) that
    its last paragraph closes."""
    first, last = group.units[0].features.get("quoted"), group.units[-1].features.get("quoted")
    return first is not None and last == "closed"


def _org_signature(unit: Unit, current: Group | None, nxt: Unit | None) -> bool:
    """Return True for an issuing body's line closing a record ("District office of the X").

    In a record, or wherever no body text follows it (a heading with nothing under it is no heading).
    """
    if current is None or current.phase != "body" or unit.cue != "heading" or unit.n_words > 14 \
            or not ORG_WORDS.search(unit.text) or unit.text.isupper():
        return False
    return current.mode == "record" or nxt is None or nxt.cue != "prose"


def dates_letters_at_foot(units: list[Unit]) -> bool:
    """Return True when the source dates its letters at their foot, under the signature, more often than at
    their head, as the ends of its letters show.

    Between two letters a date line standing after a signature and before a salutation could be either
    the foot of the one or the head of the other; only where a letter begins or ends with no other letter
    beside it does the text tell: a date line after a signature with no salutation after it (the end of
    the text, the next letter's number) closes a letter, one before a salutation with no signature above
    it (the start of the text, a heading) opens one.
    """
    foot = head = 0
    for i, unit in enumerate(units):
        if unit.cue != "dateline":
            continue
        prev = units[i - 1] if i else None
        nxt = units[i + 1] if i + 1 < len(units) else None
        signed = prev is not None and prev.cue in ("closing", "signature")
        # (a place line over the date line, "ORCHARD HOUSE," / "Mar. 2.", heads with it)
        salutes = nxt is not None and (nxt.cue in ("salutation", "addressee") or nxt.cue == "dateline" and
                                       i + 2 < len(units) and units[i + 2].cue in ("salutation", "addressee"))
        if signed and not salutes and (nxt is None or nxt.cue in _HEAD_CUES or nxt.cue in FURNITURE_CUES):
            foot += 1
        elif salutes and not signed:
            head += 1
    return foot > head


#: a direction to the carrier on a letter's address leaf (data/lexicon/address_leaf_directions.txt)
_LEAF_DIRECTION_RE = re.compile(rf"^(?:{'|'.join(map(re.escape, lexicons.words('address_leaf_directions')))})\b",
                                re.I)
#: such a direction after the place it goes to, on one short line of the leaf: "Kent County - to the care of A. Webb"
_LEAF_DIRECTION_IN_RE = re.compile(
    rf"\b(?:{'|'.join(map(re.escape, lexicons.words('address_leaf_directions')))})\b", re.I)
#: an epistle's address written out as its first sentence: "To the Friends of the Monthly Meeting ...", "To Friends of"
_OPENING_ADDRESS_RE = re.compile(r"^To\s+(?:the\s+)?[A-Z]")
#: a receiver's note of when a letter came or was answered, written by its date line: "Received this 2nd of 4th
#: month", "Recd. 3 May 1801", "I received this letter the 3rd", "Answered 9th"
_RECEIPT_NOTE_RE = re.compile(r"^(?:i\s+)?(?:" + "|".join(re.escape(w) for w in sorted(
    lexicons.words("receipt_words"), key=len, reverse=True)) + r")(?![\w'’])", re.I)


def _full_day(line: str) -> bool:
    """Return True when the date line ``line`` opens with a day of a month of a year ("Friday, April 3, 1874."),
    not a sentence naming one ("I received this 12th of May 1850")."""
    m = FULL_DATE_RE.match(line.strip())
    return m is not None and bool(re.search(r"(?<!\d)\d{1,2}(?!\d)", m.group(0)))


def _same_date(lead: str, line: str) -> bool:
    """Return True when the date line ``line`` says the date ``lead`` says, marks and case aside."""
    def key(text: str) -> str:
        return re.sub(r"[\W_]+", "", text).lower()
    return bool(key(lead)) and key(lead) == key(line)


def contents_lists(units: list[Unit]) -> dict[int, int]:
    """Return {index of a contents title: index of its list's last entry} for each book's list of its parts: a
    title alone on its line ("CONTENTS") over two or more short lines set one under the other ("Letter 1",
    "CHAPTER II. The Voyage Out"), a blank line at most under the title; the list ends at a blank line or at a line
    of more words. (Entries standing apart, a blank line between each, are headings of their own.)"""
    out = {}
    for i, unit in enumerate(units):
        if not _CONTENTS_TITLE_RE.match(unit.text.strip()):
            continue
        j = i
        while j + 1 < len(units) and units[j + 1].gap <= (1 if j == i else 0) and _short_lines(units[j + 1]) and \
                units[j + 1].cue not in FURNITURE_CUES:
            j += 1
        if j - i >= 2:
            out[i] = j
    return out


def _short_lines(unit: Unit, most: int = 12) -> bool:
    """Return True when no line of ``unit`` has more than ``most`` words (a list's entries read as one wrapped
    paragraph are still short lines)."""
    return all(len(line.split()) <= most for line in unit.text.split("\n"))


def title_page(units: list[Unit], contents: dict[int, int]) -> int:
    """Return how many units at the top of the text are the printed book's title page, imprint and dedication:
    short lines only, above the book's first contents list (0 when there is none, or a longer line stands
    there)."""
    if not contents:
        return 0
    first = min(contents)
    if first == 0 or first > 40 or not all(_short_lines(u) for u in units[:first]) or any(
            u.cue in ("salutation", "closing", "dateline") for u in units[:first]):
        return 0
    return first


#: the features of a paragraph that open a text of its own: under such a paragraph a short line is a head, no note
_OPENING_FEATURES = ("salute", "lead_date", "lead_shape", "framing", "name_colon", "bio_lead", "inline_doc",
                     "lead_style")
#: a day named by a feast or an occasion, closing a line: "Boxing Day", "Midsummer Eve": a diary's entry head
_NAMED_DAY_RE = re.compile(rf"\b(?:{'|'.join(map(re.escape, lexicons.words('named_day_words')))})\.?$", re.I)
#: the evidence of a marginal summary kept inside the letter or entry it stands in
MARGIN_NOTE = "a marginal summary kept inside"


def _margin_note_shape(units: list[Unit], i: int, s: SegmentSettings) -> bool:
    """Return True when ``units[i]`` has a marginal summary's shape: a short line of its own
    (``s.margin_note_max_words``) without a sentence's shape, that heads no section, numbers nothing and names no
    paper ("The Visit to the Mill", "A QUARREL", "Lord B. Departs"), standing between two paragraphs, the one
    under it opening nothing of its own (no salutation, date, framing sentence, place line of a date line)."""
    unit = units[i]
    if i == 0 or i + 1 >= len(units) or not _note_line(unit, s):
        return False
    prev, nxt = units[i - 1], units[i + 1]
    # (a wider blank above it than under it sets it apart as the head of what follows: an editor's note at the end)
    return prev.cue == "prose" and nxt.cue == "prose" and nxt.para and not nxt.after_break and unit.gap <= nxt.gap \
        and not any(nxt.features.get(k) for k in _OPENING_FEATURES) \
        and not _place_first_line(nxt, units[i + 2] if i + 2 < len(units) else None, s)


def _note_line(unit: Unit, s: SegmentSettings) -> bool:
    """Return True when the line ``unit`` could be a marginal summary by its words alone: a short heading line of
    its own (``s.margin_note_max_words``) without a sentence's shape, that heads no section, numbers nothing, names
    no paper, no date and no newspaper, and announces nothing."""
    if unit.cue != "heading" or not unit.para or (unit.tag or "").startswith("h"):
        return False
    text = unit.text.strip()
    if "\n" in text or unit.n_words > s.margin_note_max_words or _reads_as_sentence(text) or _SECTION_RE.match(text) \
            or NUMBERED_HEAD_RE.match(text) or kind_from_words(text) or _numbered_letter(text) \
            or CALENDAR_HEAD_RE.match(text) or _NARRATOR_HEAD_RE.search(text) or SERIES_HEAD_RE.search(text) \
            or _MONTH_OR_YEAR_RE.search(text) or NEWSPAPER_RE.search(text) or text.endswith((":", "—", "–", "-")) \
            or FEAST_HEAD_RE.match(text) or TIME_HEAD_RE.match(text) or leading_date(text) or bare_date(text) \
            or _NAMED_DAY_RE.search(text):
        # (a dated head, a named day, "Boxing Day", or a time of the day, a newspaper's name, a line announcing what
        # follows, "She answered:—", head texts)
        return False
    return True


def margin_notes(units: list[Unit], settings: SegmentSettings | None = None) -> frozenset[int]:
    """Return the indices of the units that are the source's marginal summaries (shoulder notes printed as lines of
    their own: "The Visit to the Mill" between two paragraphs of a letter), when the source prints them as a
    convention: at least ``margin_note_min_count`` lines of :func:`_margin_note_shape`, two or more of them inside
    one letter or entry (between two openings: a date line, a salutation, a closing). One such line alone is as
    likely a heading over a text of its own; many, repeated inside one letter with no salutation after them, are
    the edition's notes on the paragraphs beside them."""
    s = settings or SegmentSettings()
    found = [i for i in range(len(units)) if _margin_note_shape(units, i, s)]
    if len(found) < s.margin_note_min_count:
        return frozenset()
    per_part: dict[int, int] = {}
    part = 0
    at = iter(found)
    k = next(at, None)
    for i, unit in enumerate(units):
        if unit.cue in ("dateline", "salutation", "closing", "signature") or unit.after_break or any(
                unit.features.get(f) for f in ("salute", "lead_date", "lead_shape", "signed_run_in")):
            part = i
        if i == k:
            per_part[part] = per_part.get(part, 0) + 1
            k = next(at, None)
    return frozenset(found) if max(per_part.values()) >= 2 else frozenset()


def inside_addresses(units: list[Unit], settings: SegmentSettings | None = None) -> list[Unit]:
    """Return ``units`` with a business letter's inside address between its date line and its salutation (the
    addressee's name and address over two or three lines, "Messrs. A & B," / "Solicitors," / "Bradwell.", with a
    reference line or a mark among them) cued as the letter's head: the addressee's first line "addressee", the
    rest "mark". Letter-books and typed office letters of 1880–1950 set it so; read as lines of their own, the
    address would close the letter above (the names under a signature) or open a text of its own, and the
    salutation under it a second letter."""
    s = settings or SegmentSettings()
    out = list(units)
    for i, unit in enumerate(units):
        if unit.cue != "dateline":
            continue
        j = i + 1
        lines = 0
        while j < len(units) and units[j].cue in ("prose", "signature", "heading", "mark", "addressee") and \
                not units[j].after_break and all(len(line.split()) <= s.foot_address_line_max_words
                                                 for line in units[j].text.strip().split("\n")):
            lines += units[j].text.strip().count("\n") + 1
            j += 1
        run = units[i + 1:j]
        if not run or lines > s.inside_address_max_lines or j >= len(units) or units[j].cue != "salutation":
            continue
        first = next((k for k, u in enumerate(run) if u.text.strip().split("\n")[0].rstrip().endswith(",")), None)
        if first is None:
            continue  # no line of an address ("Mrs. A. Bell," / "Mill House,"): a title or a note over the letter
        for k, u in enumerate(run):
            if k >= first and u.cue != "mark":
                out[i + 1 + k] = replace(u, cue="addressee" if k == first else "mark")
    return out


def group_units(units: list[Unit], settings: SegmentSettings | None = None) -> list[Group]:
    """Return the units grouped into documents, in text order (the boundary cascade); ``settings`` (None: the
    defaults) bound the foot of a letter (:func:`letter_foot`)."""
    s = settings or SegmentSettings()
    units = inside_addresses(units, s)
    groups: list[Group] = []
    current: Group | None = None
    seen_prose = False
    at_foot = dates_letters_at_foot(units)
    #: the source's marginal summaries printed as lines between paragraphs (see :func:`margin_notes`)
    notes = margin_notes(units, s)

    #: how often a date line has opened an entry and closed one, so far
    dating = {"head": 0, "foot": 0}
    #: units still to come of the foot under the signature of the current letter
    foot_left = 0
    #: inside a numbered letter ("Letter XII"): it runs to the next strong head (see ``held``)
    in_letter = False

    def held(unit: Unit, why: str) -> bool:
        """Return True (and keep ``unit`` in the current document) when it would start a document inside a
        numbered letter without a strong head: what a letter quotes (an enclosed note with its own
        salutation and signature, verse, a line of dialogue), its valediction and its postscript."""
        if not in_letter or current is None or why.startswith(_INSIDE_LETTER_STARTS) or _strong_head(unit):
            return False
        f = unit.features
        if unit.cue == "prose" and current.phase == "closed" and unit.n_words >= 8 and not f.get("salute") and (
                unit.text.startswith("[") or f.get("framing") or not (f.get("first") or f.get("second"))) and not (
                # (one short line of news under the signature, right over the next letter's head, is the writer's
                # postscript in the third person: "Poor Ann has lost her new bonnet at the fair.")
                not unit.text.startswith("[") and not f.get("framing") and current.units[-1].cue == "signature"
                and unit.n_words <= s.postscript_line_max_words * 3 and nxt is not None and _strong_head(nxt)):
            return False  # after the signature an editor's note or a third-person narrative, not a postscript
        current.units.append(unit)
        if unit.cue == "prose" and current.phase != "body":
            current.phase = "body"
        return True

    def start(unit: Unit, why: str, mode: str | None = None, phase: str = "head") -> Group:
        nonlocal current, in_letter
        in_letter = bool(unit.cue == "heading" and _numbered_letter(unit.text.strip())) or (
            in_letter and why.startswith(("date line", "diary-entry head")))
        group = Group(units=[unit], phase=phase, mode=mode, evidence=[why])
        if why.startswith(("date line", "diary-entry head")) and current is not None and (
                current.letter_part or (current.mode == "record" and _headed_letter(current))):
            # a letter written over several days goes on under each new date: its parts are letters
            group.letter_part = True
            group.evidence.append("a dated part of the letter before it")
        prev = groups[-1].units[-1] if groups else None
        if groups and groups[-1].mode == "furniture" and unit.cue == "prose" and any(
                _SECTION_RE.match(u.text) or _NARRATOR_HEAD_RE.search(u.text) for u in groups[-1].units
                if u.cue == "heading"):
            # the text under a book's section or a narrator's heading ("Contributed by A") is that
            # section's narrative
            group.evidence.append("under a section heading")
            group.heading_lines = tuple(u.text for u in groups[-1].units if u.cue in ("heading", "byline"))
        if why in ("the quotation closes", "the narrative resumes") and len(groups) >= 2 and \
                _told_section(groups[-2]):
            # the narrator takes the word back after a document read out: the section's narrative goes on
            group.evidence.append(RESUMES_SECTION)
        if prev is not None and prev.cue == "prose" and prev.features.get("reads_out") and \
                why == "announced by a framing sentence" and not prev.features.get("framing"):
            # "I opened her note and read it:—": what the narrator reads out is a letter, unless it names itself
            group.framing = ("letter", prev.text)
            group.framing_text = prev.text
            group.framing_start = prev.start
            group.evidence.append("read out by the narrator")
        if why == "after a closing" and len(groups) >= 2 and _told_section(groups[-2]) and current is not None \
                and current.mode == "record" and _is_letter(current):
            # the chapter's narrative taking the word back after the closing of a letter it quotes
            group.evidence.append(RESUMES_SECTION)
        if why.startswith("salutation") and current is not None and current.phase == "body" \
                and _told_section(current):
            # the chapter's paragraph that hands over to a quoted letter ("... the following letter:—")
            current.evidence.append("announces the letter after it")
        if prev is not None and prev.cue == "prose" and prev.features.get("framing"):
            group.framing = prev.features["framing"]
            group.framing_text = prev.text
            group.framing_start = prev.start
            group.evidence.append(f"announced: 'the following {group.framing[0]}'")
        if prev is not None and prev.cue == "attribution":
            group.attribution = prev.text
        if prev is not None and prev.cue in FURNITURE_CUES and mode != "furniture":
            before = next((g for g in reversed(groups) if g.mode != "furniture"), None)
            # an account that a caption or separator interrupted goes on after it
            if before is not None and before.mode == "account" and mode in ("account", None) \
                    and before.phase == "body":
                group.continues = before.continues or before
        groups.append(group)
        current = group
        return group

    #: the separator rows kept inside a diary as its own breaks (step 1a): no furniture
    diary_breaks: set[int] = set()
    #: a book's contents lists (step 1b): {title: last entry}
    contents = contents_lists(units)
    contents_end = -1
    #: the title page above a contents list (step 1b)
    front = title_page(units, contents)

    for i, unit in enumerate(units):
        nxt = units[i + 1] if i + 1 < len(units) else None
        prev = units[i - 1] if i else None
        after_furniture = prev is not None and (prev.cue in FURNITURE_CUES and i - 1 not in diary_breaks
                                                or i - 1 == contents_end)
        cue = unit.cue
        if cue in ("prose", "heading") and unit.para and current is not None and (
                current.mode == "personal" or any(u.cue == "dateline" or _entry_head(u) for u in current.units)) and (
                current.phase == "body" or all(u.cue == "dateline" for u in current.units)) and \
                not current.letter_part and nxt is not None and nxt.cue == "prose" and nxt.para and \
                bare_day(unit.text) is not None:
            # 7b. in a diary, a day of the month alone on its line over a paragraph ("10." / "About hay.", "13 and
            #     14."), or under a month heading ("May 1792" / "5."), is the entry's date line, the month left to
            #     the entries or the heading before it: under a diary's entry or a dated one; elsewhere a number
            #     alone numbers a paragraph (the line's own cue says "prose", or "heading" for a bracketed day,
            #     "[6]", or a day without its stop, "13": its group holds it as a date line)
            cue = "dateline"
            unit = replace(unit, cue=cue)
            if current.phase != "body" and any(u.cue == "dateline" and bare_day(u.text) for u in current.units):
                # a day right under another ("[6]" / "7."): the entry above has no text, this day opens its own
                start(unit, "date line opens an entry", mode="personal")
                continue

        # (where the letters are dated at their foot, or nothing but the next letter's number follows the date
        # line, the two lines close the letter above: "From the Castle of B——," / "Aug. 4." / "LETTER VIII")
        after = units[i + 2] if i + 2 < len(units) else None
        place_first = cue in ("prose", "heading") and not at_foot and after is not None and not (
            after.cue == "heading" and (NUMBERED_HEAD_RE.match(after.text.strip()) or _SECTION_RE.match(
                after.text.strip()))) and _place_first_line(unit, nxt, s)
        if place_first:
            # 8f. a place closed by a comma over a date line is that date line's first line ("Rose Hall," /
            #     "Friday, 7th June."): it heads the letter under it, it does not close the one above
            cue = "dateline"
            unit = replace(unit, cue=cue)

        # 1. page furniture (separators, captions, attribution lines, date stamps) is a
        #    document of its own: it is not part of what anybody wrote, and it must not
        #    glue the texts before and after it together.
        if cue == "separator" and current is not None and current.mode == "personal" and current.phase == "body" \
                and not unit.after_break and nxt is not None and nxt.cue not in FURNITURE_CUES and (
                    nxt.cue != "prose" or _entry_head(nxt) or any(nxt.features.get(k) for k in (
                        "lead_clock", "lead_time", "lead_day", "lead_month", "lead_feast"))):
            # 1a. a row of stars or dashes under a diary's entry, over a head (a date line, an hour), is the diary's
            #     own break (printed diaries set one between entries or between the parts of a day): it stays at
            #     the entry's foot, and what follows opens a document by its own head, not because of the row
            #     (over a paragraph with no head, an editor's note, the row is furniture that starts a new part)
            current.units.append(unit)
            diary_breaks.add(i)
            continue
        if i < front:
            # 1b. the printed book's title page and imprint above its contents: one piece of furniture; its
            #     dedication set apart under them ("TO" / "MY FRIEND" / "A. B.") another
            if i == 0:
                start(unit, "furniture: title page", mode="furniture", phase="closed")
            elif unit.gap >= 2 and _DEDICATION_RE.match(unit.text.strip()):
                start(unit, "furniture: dedication", mode="furniture", phase="closed")
            else:
                current.units.append(unit)
            continue
        if i in contents:
            # 1b. a book's contents list names its parts and is none of them: furniture, and the first part's
            #     head after it opens that part (the list does not run on into the text after it)
            start(unit, "furniture: contents", mode="furniture", phase="closed")
            contents_end = contents[i]
            continue
        if i <= contents_end:
            current.units.append(unit)
            continue
        if cue in FURNITURE_CUES:
            start(unit, f"furniture: {cue}", mode="furniture", phase="closed")
            continue

        # 2. a thematic break from the markup ends whatever ran before it.
        forced = unit.after_break

        # 2b. under a letter's signature its postscripts and its address leaf are the letter's own foot
        if not forced and current is not None and current.phase == "closed" and current.mode in (
                "record", "personal") and current.has_body() and prev is current.units[-1] and (
                    prev.cue in ("closing", "signature") or prev.cue == "heading" and _is_letter(current)
                    and current.evidence[-1] == "signature: a name alone on a line") \
                and not (len(groups) >= 2 and _told_section(groups[-2])):
            # (a name alone under a letter's last paragraph signs it as a signature line does: its foot follows)
            # (a document a chapter's narrator reads out has no foot: the narrator takes the word back)
            foot_left = letter_foot(units, i, settings=s)
        if foot_left and not forced:
            foot_left -= 1
            current.units.append(unit)
            current.foot += 1
            if current.evidence[-1] != "the letter's foot (postscript, address leaf)":
                current.evidence.append("the letter's foot (postscript, address leaf)")
            continue
        foot_left = 0

        # 2c. the book's end mark on the text's last line ("FINIS.", "THE END.") ends the document above it: it
        #     heads nothing
        if nxt is None and current is not None and not forced and _END_MARK_RE.fullmatch(unit.text.strip()):
            current.units.append(unit)
            continue

        # 2d. an edition's numbered head under its paper's marginal date and place ("April 9." / "Mill House." /
        #     "88. SIR JOHN ORD TO THE LORD ADMIRAL."): a calendar sets its margin as separate lines over the number,
        #     so the head belongs to the paper the date line opened, the place line is its date line's
        if cue == "heading" and not forced and current is not None and prev is current.units[-1] and \
                current.units[0].cue == "dateline" and len(current.units) <= 3 and \
                EDITION_HEAD_RE.match(unit.text.strip()) and all(
                    u.cue == "dateline" or (u.n_words <= s.foot_address_line_max_words and "\n" not in u.text.strip()
                                            and not re.search(r"[,;:]", u.text)) for u in current.units):
            current.units = [u if u.cue == "dateline" else replace(u, cue="dateline") for u in current.units]
            current.units.append(unit)
            current.evidence.append(EDITION_PAPER)
            continue

        # 3. the source's own title: a heading before any prose that follows page
        #    furniture or another heading is the page/book title, kept as a heading.
        #    (a heading naming one document, "Letter I" or "LETTER I. A to B.", heads that document, not the page)
        if cue == "heading" and not seen_prose and current is not None and current.mode == "furniture" \
                and "page title" in current.evidence and prev is not None and prev.cue == "heading" \
                and nxt is not None and (nxt.cue in ("heading", "byline", "prose") or (
                    # (the title's last line in capitals over the first letter's or entry's date line, "THE
                    # LETTERS OF A" / "KEPT IN 1820 FOR HIS NIECE" / "May 4.", when it names no document)
                    nxt.cue == "dateline" and is_allcaps(unit.text) and is_allcaps(prev.text)
                    and kind_from_words(unit.text) is None and not SERIES_HEAD_RE.search(unit.text)
                    and not _FROM_TO_HEAD_RE.match(unit.text) and (  # ("A B to C D." heads its letter)
                        unit.para is False or _title_line(unit) and not any(
                            _SECTION_RE.match(u.text.strip()) for u in current.units)
                        # (or the title's line after the comma it broke at, "THE DIARY OF SIR A. B.," / "KNIGHT")
                        or prev.text.rstrip().endswith(",")))) and not (
                    nxt.cue == "prose" and _entry_head(nxt)) and not _ONE_DOCUMENT_HEAD_RE.match(unit.text) \
                and not CALENDAR_HEAD_RE.match(unit.text) and not CALENDAR_HEAD_RE.match(nxt.text):
            # (a heading right over a calendar head heads that part of the calendar: "MICHAELMAS SESSIONS, 1771.")
            current.units.append(unit)
            continue
        if cue == "heading" and current is None and nxt is not None and nxt.cue == "dateline" and \
                is_allcaps(unit.text) and not NUMBERED_HEAD_RE.match(unit.text.strip()) and \
                not _SECTION_RE.match(unit.text.strip()) and (kind_from_words(unit.text) is None or re.search(
                    r"\bletters\b", unit.text, re.I)) and any(
                u.cue == "salutation" for u in units[i + 2:i + 4]) and \
                all(u.cue == "dateline" for u in units[i + 1:i + 3] if u.cue != "salutation"):
            # the book's title in capitals at the top of the text, over its first letter's date line and
            # salutation ("THE NEW WARDEN" / "ORCHARD HOUSE, Mar. 2." / "Dear Nan:"), names the book, not that
            # letter: a letter's own head names a letter or numbers it ("LETTER IV", "No. 2")
            start(unit, "title before any prose", mode="furniture", phase="closed")
            current.evidence.append("page title")
            continue
        if cue in ("heading", "byline") and not seen_prose and nxt is not None and (
                (prev is not None and prev.cue in FURNITURE_CUES) or nxt.cue in ("heading", "byline")) \
                and nxt.cue not in _HEAD_CUES - {"heading", "byline"} \
                and not _ONE_DOCUMENT_HEAD_RE.match(unit.text) and not CALENDAR_HEAD_RE.match(unit.text) \
                and not (cue == "heading" and nxt.cue == "byline" and i + 2 < len(units)  # title, byline, text
                         and units[i + 2].cue == "prose" and units[i + 2].para) \
                and not (_SECTION_NUMBER_RE.match(unit.text.strip()) and nxt.cue == "heading"
                         and not _ONE_DOCUMENT_HEAD_RE.match(nxt.text)) \
                and not (nxt.cue == "heading" and ARGUMENT_RE.match(nxt.text)):
            # "Letter IV" heads a letter, and "IV" or "Chapter IV" over a title numbers the section the
            # title heads: neither is the page's title ("Chapter III" over "Letter, A to B" still stands alone)
            start(unit, "title before any prose", mode="furniture", phase="closed")
            current.evidence.append("page title")
            continue

        if cue in ("heading", "byline", "mark", "addressee", "salutation", "prose") and not forced and \
                not after_furniture and _front_signature(unit, current, nxt, groups, s):
            # 5c. names alone under a prefatory note or a preface, before the book's first entry or section,
            #     sign it ("JOHN BELL, MARY BELL." / "Bath, May, 1850."): the note is theirs, not the head of a text
            current.units.append(replace(unit, cue="signature"))
            current.phase = "closed"
            current.evidence.append(FRONT_SIGNED)
            continue
        if current is not None and current.phase == "closed" and FRONT_SIGNED in current.evidence[-2:] and \
                not forced and prev is not None and prev.start == current.units[-1].start and (
                    cue == "dateline" or cue in ("heading", "prose") and (
                        unit.n_words <= s.foot_address_line_max_words and "," in unit.text
                        and not unit.features.get("first") and not unit.features.get("lead_date"))):
            # 5c. ... and the place and date, or the address, under those names are the signed text's foot
            current.units.append(unit)
            current.evidence.append("the place and date under its signature")
            continue
        if cue == "heading" and i in notes and not forced and not after_furniture and current is not None \
                and current.phase == "body" and current.mode in ("record", "personal") and (
                    _is_letter(current) or any(u.cue == "dateline" or _entry_head(u) for u in current.units)):
            # 6b. a marginal summary between two paragraphs of a letter or an entry that has opened ("The Visit to
            #     the Mill"), where the source prints them over and over, is the edition's note on the paragraph
            #     beside it: kept inside, neither the head of a new text nor the signer of this one
            current.units.append(unit)
            current.notes.append(unit.start)
            if MARGIN_NOTE not in current.evidence:
                current.evidence.append(MARGIN_NOTE)
            continue
        if cue == "heading" and notes and not forced and not after_furniture and current is not None \
                and current.phase == "head" and prev is current.units[-1] and prev.cue in ("dateline", "salutation") \
                and nxt is not None and nxt.cue == "prose" and nxt.para and _note_line(unit, s):
            # 6b. ... and so is such a line between a letter's date line and its first paragraph, in a source that
            #     prints them: the note on that paragraph, not the letter's title
            current.units.append(unit)
            current.notes.append(unit.start)
            continue
        if cue in ("heading", "byline", "mark", "addressee", "salutation"):
            # 4. an issuing body named at the foot of a record signs it.
            if _org_signature(unit, current, nxt):
                current.units.append(unit)
                current.phase = "closed"
                current.evidence.append("signed by an office")
                continue
            # 5a. a first name alone under a letter's last paragraph, at the end of the text or over the next
            #     text's title, signs it ("All my love to the boys." / "Molly"); over a date line or a salutation
            #     it is as likely the place the next letter was written from ("Florence" / "June 20, 1850.")
            if cue == "heading" and current is not None and current.mode == "record" and current.phase == "body" \
                    and unit.n_words == 1 and (signed_name(unit.text) or _CAPITALS_SIGNER_RE.match(unit.text.strip())
                                           and not SECTION_TITLE_RE.match(unit.text.strip())) \
                    and _is_letter(current) and \
                    not _SECTION_RE.match(unit.text.strip()) and \
                    (nxt is None or nxt.cue in _HEAD_CUES - {"dateline", "salutation", "addressee"}
                     or nxt.cue in FURNITURE_CUES):
                current.units.append(unit)
                current.phase = "closed"
                current.evidence.append("signature: a first name alone under the letter")
                continue
            # 5. a full name alone after a record's body is its signature, not a title ("SELECT LETTERS.", a
            #    collection's title over its letters, names no signer).
            if cue == "heading" and current is not None and current.mode == "record" and \
                    current.phase in ("body", "closed") and is_name(unit.text) and unit.n_words <= 4 \
                    and not _SECTION_RE.match(unit.text.strip()) and not re.search(r"\bletters\b", unit.text, re.I) \
                    and kind_from_words(unit.text) not in RECORD_KINDS and not _restated_below(unit.text, nxt) \
                    and (not unit.text.isupper() or current.phase == "closed" or nxt is None or nxt.cue != "prose"):
                current.units.append(unit)
                current.phase = "closed"
                current.evidence.append("signature: a name alone on a line")
                continue
            # 5b. a telegram is signed with one word or two in capitals ("MARGESSON").
            if cue == "heading" and current is not None and current.phase == "body" and unit.n_words <= 2 \
                    and unit.text.isupper() and re.fullmatch(r"[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+)?", unit.text) \
                    and any(u.cue == "prose" and TELEGRAPHIC_RE.search(u.text) for u in current.units):
                current.units.append(unit)
                current.phase = "closed"
                current.evidence.append("signature: a telegram's signer")
                continue
            # a letter-book's "Copy." over a date line, a salutation or an address heads the copy under it
            # (a certification under a body, "A true copy.", is that body's)
            if cue == "mark" and nxt is not None and nxt.cue in ("dateline", "salutation", "addressee") and \
                    not nxt.after_break and _COPY_HEAD_RE.match(unit.text.strip()) and not forced and \
                    not after_furniture and (current is None or current.phase != "head"):
                start(unit, "mark line", mode="record")
                continue
            # a certification mark under a body ("A true copy.") belongs to that body
            if cue == "mark" and current is not None and current.phase == "body" and not forced:
                current.units.append(unit)
                continue
            # 5b. a title-like line closing a list of short items ("Plays of A." / "B's Journal.") is
            #     the list's last item, not the head of a new text (a book's section heading, "CHAPTER I.", under a
            #     chronology of a life's years heads the chapter)
            if not forced and current is not None and current.phase == "body" and cue == "heading" \
                    and len(current.units) >= 3 and kind_from_words(unit.text) not in RECORD_KINDS \
                    and unit.text.rstrip().endswith(".") and not _SECTION_RE.match(unit.text.strip()) \
                    and all(u.cue == "prose" and u.n_words <= 8 and u.text.rstrip().endswith(".")
                            for u in current.units[-2:]) \
                    and not (DESPATCH_HEADER_RE.match(unit.text.strip()) and nxt is not None
                             and nxt.cue in ("dateline", "salutation")):
                # (a letter's "A to B." over its date line or salutation heads that letter, under an imprint too)
                current.units.append(unit)
                continue
            # 6. a topical subheading inside a running account divides it, nothing more.
            if not forced and _subheading(unit, current, nxt):
                current.units.append(unit)
                current.evidence.append("subheading kept inside the account")
                continue
            # 7a. a short line written as a sentence under the date line that opened a diary entry, even
            #     without its final stop ("Monday 4" / "At the farm all day--wrote to my brother"), is the
            #     entry's text, not a title over it: the next date line opens the next entry
            if not forced and cue == "heading" and current is not None and current.phase == "head" \
                    and current.mode == "personal" and not current.letter_part \
                    and current.evidence[0].startswith("date line") \
                    and all(u.cue == "dateline" for u in current.units) \
                    and not (unit.tag or "").startswith("h") and _reads_as_sentence(unit.text):
                current.units.append(unit)
                current.phase = "body"
                continue
            # 7b. a book's numbered section heading right over a letter's address ("CHAPTER I." / "To R. Hale,
            #     Esq."): the chapter's heading, not the letter's, as 14c has it over a paragraph (a "Dedication"
            #     over "To the Reviewers" is the dedication's own head; "V" / "Letter from A to B." / "Dear B—"
            #     heads the letter its header names)
            if not forced and cue in ("addressee", "salutation") and current is not None \
                    and current.phase == "head" and not after_furniture and len(current.units) == 1 \
                    and _section_head(current) and _NUMBERED_SECTION_RE.match(current.units[0].text.strip()):
                current.mode = "furniture"
                current.phase = "closed"
                current.evidence.append("section heading")
                start(unit, f"{cue} line", mode="record")
                continue
            # 7c. a numbered letter's or chapter's head set apart under the lines at the top of the text ("The
            #     Voyage," / "or Letters Home" / "by" / "A. Writer" / "Letter 1") opens it: the short lines above
            #     are the book's title page, one piece of furniture
            if not forced and cue == "heading" and current is not None and current.phase == "head" \
                    and unit.gap >= 2 and 0 < i <= 12 and not after_furniture and (
                        _numbered_letter(unit.text.strip()) or NUMBERED_HEAD_RE.match(unit.text.strip())) \
                    and all(u.cue in ("heading", "prose", "byline") and _short_lines(u, 8) for u in units[:i]) \
                    and not any(NUMBERED_HEAD_RE.match(u.text.strip()) for u in units[:i]):
                title = groups[0]
                for g in groups[1:]:
                    title.units.extend(g.units)
                del groups[1:]
                title.mode = "furniture"
                title.phase = "closed"
                title.evidence.append("the book's title page")
                current = title
                start(unit, "numbered head under the book's title")
                continue
            # 7c. a numbered letter's head under a title naming letters ("LETTERS FROM THE NORTH, TO A FRIEND."
            #     over "LETTER I. The Voyage.—The Ship.") opens that letter: the title above heads the series of
            #     letters, not the first one only
            if not forced and cue == "heading" and current is not None and current.phase == "head" \
                    and not after_furniture and (_numbered_letter(unit.text.strip()) or (
                        _NUMBER_ALONE_RE.match(unit.text.strip()) and nxt is not None and nxt.cue == "heading"
                        and bool(DESPATCH_HEADER_RE.match(nxt.text.strip())))) \
                    and any(_SERIES_TITLE_RE.search(u.text) for u in current.units) \
                    and all(u.cue == "heading" and not NUMBERED_HEAD_RE.match(u.text.strip())
                            and not _numbered_letter(u.text.strip()) for u in current.units):
                current.mode = "furniture"
                current.phase = "closed"
                current.evidence.append("heading over numbered letters")
                start(unit, "numbered letter under a heading")
                continue
            # 7d. a newspaper's byline under a book's section heading and its title ("VII" / "A Cutting" /
            #     "From a Correspondent.") heads the report under it; right under the number alone ("II." / "FROM OUR
            #     SPECIAL CORRESPONDENT.") it makes the number its letter's (:func:`_section_head`)
            if not forced and cue == "byline" and kind_from_words(unit.text) in RECORD_KINDS and current is not None \
                    and current.phase == "head" and not after_furniture and len(current.units) > 1 \
                    and _section_head(current):
                current.mode = "furniture"
                current.phase = "closed"
                current.evidence.append("section heading")
                start(unit, "byline line", mode="record")
                continue
            # 7e. a record society's calendar head ("12. Information of A, ...") opens the paper it numbers: the
            #     headings above it (the volume's title, "MICHAELMAS SESSIONS, 1771.") head the calendar's part
            if not forced and cue == "heading" and CALENDAR_HEAD_RE.match(unit.text):
                # (a lot described in its head alone, "91. PELL (John). A.L. 1 p. ...", is a paper of its own)
                if current is not None and current.phase == "head" and \
                        all(u.cue == "heading" for u in current.units) and not LOT_HEAD_RE.match(current.units[0].text):
                    current.mode = "furniture"
                    current.phase = "closed"
                    current.evidence.append("heading over a calendar of papers")
                # (a lot's head describes its papers: a heading after it, "THE STAGE.", heads the next lots)
                start(unit, "calendar head", mode="record", phase="body" if LOT_HEAD_RE.match(unit.text) else "head")
                continue
            # 7. head cues (title, secrecy mark, addressee, salutation) gather into the head
            #    of one document; after a body they open the next one.
            # (a numbered head over its letter's argument, "No. 4" / "From A, at Bath, to his son ...", opens
            # that letter, under a book's title too)
            argued = nxt is not None and nxt.cue == "heading" and bool(ARGUMENT_RE.match(nxt.text)) and \
                bool(NUMBERED_HEAD_RE.match(unit.text))
            if not forced and current is not None and current.phase == "head" and not after_furniture and not argued:
                current.units.append(unit)
                if cue in ("addressee", "salutation"):
                    current.mode = "record"
                continue
            if not forced and cue == "salutation" and current is not None and len(current.units) == 1 and \
                    prev is current.units[0] and prev.cue == "prose" and current.evidence[0] == "after a closing" \
                    and _OPENING_ADDRESS_RE.match(prev.text) and not _PERSON_RE.search(prev.text):
                # 7f. an epistle's address written out as a sentence under the letter before ("To the Friends of
                #     the Monthly Meeting held at Ashby the 3rd of 5th month 1790.") over "Dear Friends," heads it
                current.units.append(unit)
                current.mode, current.phase = "record", "head"
                current.evidence.append("an epistle's address over its salutation")
                continue
            if not forced and not after_furniture and held(unit, f"{cue} line"):
                continue
            mode = "record" if cue in ("addressee", "salutation", "mark") else None
            if cue in ("heading", "byline") and kind_from_words(unit.text) in RECORD_KINDS:
                mode = "record"  # "Extract from the minutes ...", "LETTER TO ..."
            start(unit, f"{cue} line", mode=mode)
            continue

        if cue == "dateline":
            # 8. a date line after the body of a record or personal text that has no date yet
            #    closes it (a letter's or an entry's closing date) unless a salutation follows,
            #    which makes it the head of the next letter; otherwise it heads a new entry.
            if forced or after_furniture or current is None:
                start(unit, "date line", mode="personal")
                continue
            if current.phase == "head" and len(current.units) == 1 and current.units[0].cue == "heading" and \
                    _restated_below(current.units[0].text, unit):
                # 8g. a heading in capitals that the date line under it restates ("ROSE HALL" / "Rose Hall, Friday,
                #     7th June.") heads the part of the book written from that place, not the first letter only
                current.mode = "furniture"
                current.phase = "closed"
                current.evidence.append("section heading")
                start(unit, "date line under a section heading")
                continue
            if receipt_note(unit.text) and current.has_body():
                # 8h. "[Received 2nd May, 1916.]" under a letter: the day it came, written on it by its receiver,
                #     is the letter's foot, neither its date nor the head of the next one
                current.units.append(unit)
                current.evidence.append("note of receipt")
                continue
            # (a year alone right over the date with no blank between, "1712." / "Jan. 4th.", is one date printed over
            # two lines, as an edition prints the margin's date at the year's first entry: the entry's, no heading)
            year_over_date = current.phase == "head" and prev is current.units[-1] and prev.cue == "dateline" and \
                not unit.para and unit.gap == 0 and bool(_YEAR_ALONE_RE.fullmatch(prev.text.strip()))
            if year_over_date and len(current.units) > 1:
                # (under the book's title or a heading: the year leaves them, which head the entries)
                current.units.pop()
                current.mode, current.phase = "furniture", "closed"
                current.evidence.append("heading above dated entries")
                start(prev, "date line opens an entry", mode="personal")
            if year_over_date:
                current.units.append(unit)
                continue
            if current.phase == "head" and (leading_date(unit.text) or bare_date(unit.text)
                                                                   or latin_day_head(unit.text)) \
                    and not web_byline(unit.text) and all(
                    not re.search(r"(?<!\d)\d{1,2}(?!\d)", u.text) and
                    u.cue in ("heading", "dateline") and kind_from_words(u.text) not in RECORD_KINDS
                    and not _FROM_TO_HEAD_RE.match(u.text) and not _place_line(u) and not NEWSPAPER_RE.search(u.text)
                    and not (u is current.units[-1] and _address_line(u, unit, s)) for u in current.units):
                # 8a. a month or year heading above a dated entry ("MAY 1884." over "3rd (Saturday).")
                #     heads the entries under it, not the first one only; a place line with neither month
                #     nor year ("Lower Brook Street, Manchester," over "Tuesday, 14th April, 1846.") is the
                #     date line's own first line, no heading; nor is a newspaper's name over the issue's date
                current.mode = "furniture"
                current.phase = "closed"
                current.evidence.append("heading above dated entries")
                start(unit, "date line opens an entry", mode="personal")
                continue
            if current.phase == "head" and nxt is not None and nxt.cue == "prose" and _section_head(current) \
                    and not (leading_date(unit.text) or bare_date(unit.text)):
                # 8b. a place and date line under a book's section heading ("II" / "Ashby, 3 May
                #     1791.") heads the letter or entry below it, not the section
                current.mode = "furniture"
                current.phase = "closed"
                current.evidence.append("section heading")
                start(unit, "date line under a section heading")
                continue
            if current.phase == "head" and len(current.units) == 1 and prev is current.units[0] and \
                    prev.cue == "dateline" and _full_day(prev.text) and _full_day(unit.text) and \
                    not _same_date(prev.text, unit.text):
                # 8i. a full date line right under another ("FRIDAY, APRIL 3, 1874." / "SATURDAY, APRIL 4, 1874."): a
                #     printed diary's day head its owner left empty is an entry of its own, the next day opens its own
                start(unit, "date line opens an entry", mode="personal")
                continue
            if current.phase == "head" or in_letter and all(
                    u.cue == "heading" or u.cue == "prose" and LETTER_HEADER_RE.match(u.text) for u in current.units):
                # (a numbered letter's header on a line of its own, "LETTER IV." / "Dr. Hale to his son.", is
                # still its head: the date line under it is the same letter's)
                current.units.append(unit)
                current.phase = "head"
                continue
            if len(current.units) == 1 and prev is current.units[0] and prev.cue == "prose" and \
                    prev.features.get("lead_date") and _same_date(prev.features["lead_date"], unit.text):
                # 8e. a date line restating the date that opens the line right above it ("June 11th: How
                #     I thank you …" / "June 11th.") is that head's own date line, not the next entry's
                current.units.append(unit)
                current.phase = "head"
                continue
            if place_first and current.phase != "head":
                # 8f. (the first line of a date line over two opens the letter it heads: no closing date)
                dating["head"] += 1
                start(unit, "date line opens an entry", mode="personal")
                continue
            if TELEGRAPH_FORM_RE.match(unit.text):
                # 8b. a telegraph office's stamp ("Handed in at ...") heads the telegram form it is on
                start(unit, "telegraph form", mode="record")
                continue
            # (a second date line between it and the salutation, the receiver's "Received the 12th of March
            # 1799", makes no difference)
            opens_next = nxt is not None and (nxt.cue in ("salutation", "addressee") or (
                nxt.cue == "dateline" and i + 2 < len(units) and units[i + 2].cue in ("salutation", "addressee")))
            if opens_next and nxt.cue == "dateline" and prev is not None and prev.cue in ("closing", "signature") \
                    and prev is current.units[-1] and FULL_DATE_RE.search(unit.text) and FULL_DATE_RE.search(nxt.text) \
                    and not _RECEIPT_NOTE_RE.match(nxt.text.strip()):
                # 8d. two full date lines between a signature and a salutation: the first, right under the
                #     signature, is the date that letter was finished on, the second (no receiver's note) the
                #     next letter's ("Ruth Mercer" / "the 7th of the 2nd month 1801" / "Dover 9th 5th month 1801")
                opens_next = False
            if opens_next and at_foot and current.mode == "record" and current.phase == "closed" \
                    and prev is not None and prev.cue in ("closing", "signature"):
                # 8d. where the letters are dated at their foot, a date line under a signature is that
                #     letter's, though the next letter's salutation follows it
                opens_next = False
            if current.mode == "record" and current.phase == "body" and not opens_next and _is_letter(current) \
                    and _WEEKDAY_ONLY_RE.match(unit.text):
                # 8c. a letter written as a journal ("Sunday.", "June 11th") goes on under its new date
                current.units.append(unit)
                current.evidence.append("letter continued under a new date")
                continue
            # (an entry headed by a time of the day, "Later.", has the day of the entry above it)
            has_date = any(u.cue == "dateline" or _entry_head(u) or _time_entry_head(u) or u.features.get("lead_feast")
                           or u.features.get("lead_day_range") for u in current.units)
            # a text that has dated its entries at their heads more often than at their feet goes on
            # doing so: an undated entry does not take the next entry's date line as its closing date
            head_dated = dating["head"] > dating["foot"] and nxt is not None and nxt.cue == "prose"
            # (a preface or an introduction signed at its end dates itself under the signature, "H. M. C." /
            # "Oxford, October 1898.", where a heading or nothing follows: the place and day it was finished)
            signed_foot = current.mode == "account" and current.phase == "closed" and prev is current.units[-1] and \
                prev.cue == "signature" and (nxt is None or nxt.cue in ("heading", "separator"))
            if (current.mode in ("record", "personal") or signed_foot) and not has_date and not opens_next and \
                    not head_dated:
                dating["foot"] += 1
                current.units.append(unit)
                current.phase = "closed"
                current.evidence.append("closing date line")
                continue
            dating["head"] += 1
            start(unit, "date line opens an entry", mode="personal")
            continue

        if cue in ("closing", "signature"):
            # 9. closings and signatures end a document.
            if current is None or after_furniture or forced:
                start(unit, cue)
            else:
                current.units.append(unit)
            current.phase = "closed"
            current.evidence.append(cue)
            continue

        # prose
        seen_prose = True
        f = unit.features
        reason = None
        if current is None:
            reason = "start of text"
        elif forced:
            reason = "thematic break"
            if current.phase == "head" and all(u.cue == "heading" for u in current.units):
                # 2b. titles right above a marked letter or entry head the section, not that one text
                current.mode = "furniture"
                current.phase = "closed"
                current.evidence.append("heading above marked texts")
        elif after_furniture:
            # 10. after a caption or separator a new part starts; a part of an account
            #     interrupted by a caption is remembered as its continuation.
            reason = "after furniture"
        elif current.phase == "closed" and any(u.cue == "closing" for u in current.units[-2:]) and (
                (unit.n_words <= 12 and _VALEDICTION_TAIL_RE.search(unit.text)) or _SIGNER_RE.match(unit.text)
                or (unit.n_words <= 6 and (unit.text.rstrip().endswith((",", "etc.")) or
                                           _FIRM_SIGNER_RE.match(unit.text)))):
            # 11a. a valediction running over several lines ("I have the honour to be," / "Madam, your
            #      most obedient servant,") stays with the letter it closes
            current.units.append(unit)
            continue
        elif current.phase == "closed" and current.mode == "record" and POSTSCRIPT_RE.match(unit.text):
            # 11b. a postscript ("P.S.—I open this again ...") belongs to the letter signed above it; signed
            #      itself with the writer's initials ("… before Friday. K."), it closes the letter again
            current.units.append(unit)
            current.phase = "closed" if _SIGNED_INITIALS_RE.search(unit.text) else "body"
            continue
        elif current.phase == "closed":
            # 11. after a signature, closing or closing date, the next paragraph is a new text.
            reason = "after a closing"
        elif current.mode == "inline":
            reason = "after an inline document"
        elif current.phase == "body":
            prev_f = prev.features if prev is not None and prev.cue == "prose" else {}
            if (prev_f.get("framing") and (current.mode != "record" or _told_section(current))) or (
                    prev_f.get("reads_out") and f.get("quoted") and _told_section(current)):
                # 12. a framing sentence ("the committee sent the following telegram:") announces
                #     a document: the next paragraph starts it.
                reason = "announced by a framing sentence"
            elif f.get("inline_doc") and (current.mode != "record" or current.framing):
                # 13. "the clerk signed a receipt: '...'" is a document quoted whole in one paragraph
                #     (also after an announced document: the narrator has taken the word back).
                reason = f"inline {f['inline_doc'][0]}"
            elif current.evidence[:1] == ["announced by a framing sentence"] and _quote_closed(current):
                # 12d. a document read out in quotation marks ends where its quotation closes: the
                #      narrator speaks again
                reason = "the quotation closes"
            elif f.get("resumes") and current.mode == "record" and any(
                    e in ("salutation", "announced by a framing sentence") for e in current.evidence[:1]):
                # 12c. a letter read out inside a narrative ends where the narrator speaks of it again
                #      ("There the letter ended.", "I handed the letter back")
                reason = "the narrative resumes"
            elif current.mode == "personal" and _DIARY_ENDS_RE.match(unit.text):
                # 12c. so does a diary copied into a narrative, where the narrator says it ends
                reason = "the narrative resumes after a diary"
            elif current.framing and f.get("framing") and not _first_person(unit):
                # 12b. an announced document ends where the narrative resumes to announce the next.
                reason = "the narrative resumes"
            elif f.get("lead_style") and _under_date_line(current):
                # 14b. a newsletter's foreign news is run in under the foreign date, marked with its calendar's style
                #      ("Lisbonne, Feb. 9. N.S. The fleet ..."): the letter dated on its own line above goes on
                current.units.append(unit)
                current.evidence.append("foreign news under its own date, in the other style")
                continue
            elif f.get("lead_date") and not (current.phase == "body" and _headed_letter(current)
                                             and set(re.findall(r"\b\d{4}\b", f["lead_date"])) <= _head_years(current)):
                # 14. a paragraph opening with a date ("October 28. Hut Point.") is a diary entry (inside a
                #     letter that greeted its reader and has not closed, a day without its year, "8th 2nd month.
                #     Not having sent this …", or with the year of the letter's own date line, "the 9th month 2nd
                #     1790— I add …" under "3rd 7th month 1790", is the writer taking the letter up again)
                reason = "diary-entry head"
            elif f.get("lead_shape"):
                # 14. so is one opening as the source's entries open, whatever its form ("Day 14.—",
                #     "The 3rd:—"): the source has shown it heads them (quellen.segment.shapes)
                reason = "diary-entry head (the source's head shape)"
            elif f.get("lead_day") and current.mode == "personal":
                # 14a. in a diary, a day of the month alone ("2nd. In the morning ...") opens the next
                #      entry of the month the entries before it are in
                reason = "diary-entry head (day)"
            elif f.get("lead_day_range") and current.mode == "personal":
                # 14a. so does a span of days ("From the 11th to the 14th we lay idle ..."): one entry for them all
                reason = "diary-entry head (days)"
            elif f.get("lead_month") and current.mode == "personal":
                # 14a. in a diary, a month and year with no day ("January 1912. New Year’s Day.") opens
                #      an entry of its own
                reason = "diary-entry head (month)"
            elif f.get("lead_clock") and current.mode == "personal":
                # 14a. in a diary, an hour of the clock ("Two o’clock.—", "Half-past eight.—") opens an
                #      entry of its own; "Later." with no hour goes on with the one before
                reason = "diary-entry head (hour)"
            elif f.get("lead_feast") and current.mode == "personal":
                # 14a. in a diary, a feast of the year run into its entry ("Christmas Day.—") is that day's head
                reason = "diary-entry head (feast)"
            elif _time_entry_head(unit) and current.mode == "personal":
                # 14a. in a diary, a time of the day standing as a head ("Later." on its own line, "Next
                #      morning.—") opens an entry of its own, of the entry above's day or the day after it
                reason = "diary-entry head (time)"
            elif f.get("lead_next_day") and current.mode == "personal":
                # 14a. in a diary written a paragraph a day, a paragraph opening with the next day ("Next day
                #      about 1 o'clock ...", "Next morning, mounted ...") is that day's entry (quellen.segment.shapes)
                reason = "diary-entry head (next day)"
            elif f.get("lead_same_day") and current.mode == "personal":
                # 14a. ... and one opening with the day of the entry above ("The same day at noon ...") is a second
                #      entry of that day
                reason = "diary-entry head (same day)"
            elif f.get("salute") and not (current.phase == "body" and _is_letter(current)
                                          and (_names_nobody(unit.text) or _greets_again(unit, current))) and \
                    not (current.mode in ("account", "record") and not _greets_at_head(current)
                         and prev is current.units[-1] and prev.cue == "prose"):
                # 15. a salutation opens a letter (inside a letter that greeted its addressee, an
                #     endearment naming nobody, "Dearest, you also ask ...", or a greeting in the words of the
                #     letter's own salutation, "Dear Cousin, I wish not …" under "Dear beloved Cousin,", speaks to
                #     the same one; run on from the paragraph of a narrator or a preacher (no letter, no diary), no
                #     head, date line or framing sentence between, "Brethren, I do not ask you …", "Dear old man!
                #     He had no notion …", it is the speaker turning to his hearers or to the one he tells of)
                reason = "salutation"
            elif f.get("name_colon") and not current.units[0].features.get("name_colon"):
                # 16. "T.H.: ..." is somebody else speaking: a signed comment or reply.
                reason = "name and colon"
            elif f.get("bio_lead") and \
                    not any(u.features.get("bio_lead") for u in current.units):
                # 17. "Name is/was a ..." or "Name - historian" opens a biography or a blurb.
                reason = "biographical lead"
            elif current.mode == "account" and _voice_turns(unit, prev):
                # 18. a first-person paragraph after third-person narrative, with no other
                #     cue, is somebody's own account (a memoir or a letter) beginning.
                reason = "change of voice"
        if reason is None and current.phase == "head" and _head_note(unit, nxt) and any(
                u.cue in ("heading", "addressee", "byline") for u in current.units):
            # 14d. an editor's note or the writer's address between a letter's header and its date line or
            #      salutation ("(Not sent.)", "“12, Mill Lane,") is part of the head
            current.units.append(unit)
            continue
        if reason is None and current.phase == "head" and _entry_head(unit) and not wire_dateline(unit.text) and \
                all(u.cue in ("heading", "dateline") for u in current.units) and \
                not _NUMBERED_LETTER_RE.match(current.units[0].text.strip()) and \
                not _restates_day(current.units[-1], _entry_head(unit)):  # "Letter LII" heads its own text
            # 14b. titles above the first dated entry are the chapter's heading, not the entry's
            current.mode = "furniture"
            current.phase = "closed"
            current.evidence.append("heading above dated entries")
            reason = "diary-entry head"
        if reason is None and current.phase == "head" and contents_entry(unit.text) and len(groups) >= 2 \
                and current is groups[-1] and all(u.cue == "heading" for u in current.units) \
                and contents_entry(groups[-2].units[-1].text):
            # 14e. a heading between the entries of a contents list ("ITALY." between "... PAGE 88" and
            #      "LETTER I. Of Genoa PAGE 93") heads the entries under it as a section heading does
            current.mode = "furniture"
            current.phase = "closed"
            current.evidence.append("section heading of a contents list")
            reason = "after a section heading"
        if reason is None and current.phase == "head" and _section_head(current):
            # 14c. a book's section heading ("Chapter XI", "XVII", "Preface") is a heading of its own:
            #      it heads every text under it, not the first paragraph only
            current.mode = "furniture"
            current.phase = "closed"
            current.evidence.append("section heading")
            reason = "after a section heading"
        if reason is None:
            if current.phase == "head":
                current.phase = "body"
                if f.get("salute"):
                    current.mode = "record"
                elif current.mode is None:
                    current.mode = "record" if _first_person(unit) else "account"
                if _entry_head(unit):
                    current.mode = "personal"
            current.units.append(unit)
            _close_on_run_in_signature(unit, current)
            continue
        if held(unit, reason):
            continue
        if reason.startswith("diary-entry head") and current.evidence[:1] == ["after a section heading"] and \
                len(current.units) == 1 and current.units[0].n_words <= s.chapter_summary_max_words and \
                not _entry_head(current.units[0]) and not current.units[0].features.get("salute"):
            # 14f. one short paragraph between a chapter's heading and its first dated entry ("Visitors. A
            #      quarrel over the garden wall.") is the chapter's summary, the book's word on what follows
            current.evidence.append(CHAPTER_SUMMARY)
        mode = None
        if reason == "the narrative resumes after a diary":
            mode = "account"  # the narrator's story, in the first person as the diary was
        elif f.get("inline_doc"):
            mode = "inline"
        elif _entry_head(unit) or ((f.get("lead_clock") or f.get("lead_day") or f.get("lead_month")
                                    or f.get("lead_next_day") or f.get("lead_same_day") or f.get("lead_feast")
                                    or f.get("lead_day_range")
                                    or _time_entry_head(unit))
                                    and current is not None and current.mode == "personal"):
            mode = "personal"
        elif f.get("salute") or _first_person(unit):
            mode = "record"
        else:
            mode = "account"
        start(unit, reason, mode=mode, phase="body")
        _close_on_run_in_signature(unit, current)
    return groups


def _close_on_run_in_signature(unit: Unit, group: Group) -> None:
    """Close ``group`` (a letter) when ``unit``, its paragraph, ends in a valediction and a name run in after a dash
    ("….—Your loving niece, Kitty."): 9, as a closing on its own line would; its postscripts still follow."""
    if unit.features.get("signed_run_in") and group.mode == "record" and (
            group.phase == "body" or unit is group.units[0]):
        group.phase = "closed"
        group.evidence.append(RUN_IN_SIGNED)
