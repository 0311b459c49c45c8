"""Units and line cues: the text cut into lines, each line told what it looks like.

A *unit* is one non-blank line, or a run of prose lines of one hard-wrapped
paragraph. Each unit gets one *cue* (what kind of line it is, judged from the
line alone plus the blank lines around it and the reader's block tag) and a few
*features* of its prose (first-person voice, framing sentence, leading date...).
The boundary cascade (:mod:`quellen.segment.cascade`) reads only these.
"""
from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass, field, replace

from .. import lexicons
from ..extract.dates.lexicon import MONTHS  # English month names and abbreviations -> number
from ..extract.dates.lexicon import (CHURCH_WEEKDAY, ORD_DAY, PLAIN_MONTH, PLAIN_WEEKDAY, ROMAN_DAY, WD_NAMES,
                                     calendar_words, elided_year_re, weekday_of)
from ..extract.regex_lead import lead
from ..settings import SegmentSettings

__all__ = ["Unit", "make_units", "EDITION_HEAD_RE", "CUES", "PERSON", "INITIALS", "DOC_NOUNS", "is_name", "signed_name",
           "split_signature", "leading_date", "yearless", "strip_quotes", "words", "MONTHS", "FULL_DATE_RE",
           "kind_from_words", "weekday_day", "receipt_note", "TELEGRAPH_FORM_RE", "TELEGRAPHIC_RE", "NEWSPAPER_RE",
           "TIME_HEAD_RE",
           "CLOCK_HEAD_RE", "bare_date", "NUMBERED_HEAD_RE", "NUMBERED_HEADER_RE", "SERIES_HEAD_RE", "is_allcaps",
           "numbered_summary_head", "contents_entry",
           "salutation_span", "salutations", "bare_day", "NOTE_MARK_RE", "NARRATION_VERBS", "FEAST_HEAD_RE",
           "LEAD_DAY_RANGE_RE", "latin_day_head", "fold_running_heads", "roman_month_date", "FRONT_MATTER_RE",
           "CALENDAR_HEAD_RE", "LOT_HEAD_RE", "RUN_IN_SIGNATURE_RE", "is_byline"]

#: every cue a unit can get
CUES = ("separator", "caption", "attribution", "stamp", "dateline", "mark", "salutation", "addressee",
        "closing", "signature", "byline", "heading", "prose")

_UP = "A-Z\u00c0-\u00de\u0100-\u017f\u0400-\u042f"
_CAP = rf"[{_UP}][\w'’\-]*[\w]"
_INITIAL = rf"[{_UP}][a-z]{{0,2}}\."
#: one to three initials, "J." / "G. W." / "T.H."
INITIALS = rf"(?:{_INITIAL}\s*){{1,3}}"
#: the particles of a surname, written in lower case ("de", "van", "di")
_PARTICLES = "|".join(lexicons.words("surname_particles"))
#: a personal name: initials and surname, or two or three capitalized words
PERSON = (rf"(?:{INITIALS}{_CAP}(?:[\s-]{_CAP})?|{_CAP}(?:\s+(?:{_INITIAL}|{_CAP}|{_PARTICLES})){{1,3}}"
          rf"|{INITIALS})")
_PERSON_RE = re.compile(rf"^{PERSON}$")

#: a month's name, or a month in the plain style ("the Sixth Month", "6th mo.")
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True)) + "|" + PLAIN_MONTH
#: a weekday's name, a weekday in the plain style ("Third Day") or the church's name for it ("Lord's Day")
_WEEKDAY = rf"(?:{WD_NAMES}|{PLAIN_WEEKDAY}|{CHURCH_WEEKDAY})"
_ORD = r"(?:st|nd|rd|th|d)?"
#: a day of the month, in digits or in words: "3", "3rd", "third", "twenty-third"
_DAY = rf"(?:\d{{1,2}}{_ORD}|{ORD_DAY})"
#: a day of the month standing without its month: an ordinal ("3rd"), or after its weekday ("Tuesday, the third";
#: "First." alone numbers an argument's steps, "The 5th" or "The fifth" alone may title anything)
_DAY_ONLY = rf"(?:\d{{1,2}}(?:st|nd|rd|th|d)|(?<=day\s)(?:the\s+)?{ORD_DAY}|(?<=day,\s)(?:the\s+)?{ORD_DAY})"
#: a month-and-day without a year: "December 16", "3rd March", "16th of May", "December the third"
_YEARLESS_RE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH_ALT})\.?,?\s+(?:the\s+)?(?P<d1>\d{{1,2}}|{ORD_DAY}){_ORD}\b"
    rf"|(?:the\s+)?(?P<d2>\d{{1,2}}|{ORD_DAY}|{ROMAN_DAY}){_ORD}\s+(?:of\s+|day\s+of\s+)?(?P<m2>{_MONTH_ALT})\b)",
    re.I)
#: a roman number alone with its stop, or of two numerals or more ("I.", "XII", "IV."): a section's or a letter's
#: number ("I" alone is the pronoun)
_SECTION_NUMERAL_RE = re.compile(r"^(?:[IVXLC]+\.|[IVXLC]{2,}\.?)$")
#: the part of the day a date line may add after its weekday ("Thursday evening", "Third Day morning")
_DAYTIME = r"(?:\s+(?i:morning|afternoon|evening|night)|,?\s+\d{1,2}(?:[.:]\d\d)?\s*(?i:o['’]clock|[ap]\.\s?m\.?))?"
#: a date alone on its line: "January 3", "3rd March.", "4th (Sunday).", "5th.", "Tuesday, 12th", "May the first",
#: "The twenty-third.", "11 of the Fifth Month.", a weekday with the time of day ("Third Day morning.", "Thursday
#: evening, May 12th.")
_BARE_DATE_RE = re.compile(
    rf"^(?:{_WEEKDAY}{_DAYTIME}[,.]?\s+)?(?:(?:{_MONTH_ALT})\.?\s+(?:the\s+)?{_DAY}"
    rf"|(?:the\s+)?{_DAY}\s+(?:of\s+)?(?:{_MONTH_ALT})"
    rf"|{_DAY_ONLY}|{_WEEKDAY}{_DAYTIME})\.?(?:,?\s*\(?{_WEEKDAY}\)?)?[.:]?$", re.I)
_WEEKDAY_ABBR = "|".join(sorted((w for w, _ in lexicons.pairs("weekday_abbreviations")), key=len, reverse=True))
#: a weekday and a day of the month alone on a line, the month left to the entries around it: "Monday 15", "Mon. 4",
#: "Fri, 21" (the abbreviation with its stop or comma, as a head prints it), "1st day & 18th of mo.", "6th day morning
#: 21st of mo", "Sunday, the 16th instant" (the day "of the month" or "instant": of the month the writer is in)
_WEEKDAY_DAY_RE = re.compile(rf"^(?P<w>{_WEEKDAY}\b|(?i:{_WEEKDAY_ABBR})[.,])"
                             rf"{_DAYTIME}\s*[,.]?\s+(?:(?:&|and)\s+)?(?:the\s+)?(?P<d>0?[1-9]|[12]\d|3[01]){_ORD}"
                             rf"(?:\s+(?:of\s+(?:the\s+|this\s+)?mo(?:nth)?\b|inst(?:ant)?\b))?\.?$")
#: the small words a place on a date line may hold ("Camp near the Ford,", "Mill Lane, at Brannockford,", "Ship Hope,
#: at sea,")
_PLACE_LINE_WORDS = lexicons.words("place_line_words")
#: the place a diary's entry head names before its date: "Hillingham, ", "Camp Hope, ", a place of several words
#: with the small words of a place between them ("Inn of the Three Kings, ", "Mission House near Tolo, ")
_HEAD_PLACE = (rf"(?-i:[{_UP}][\w'’-]+(?:\s(?:(?:{'|'.join(_PLACE_LINE_WORDS)})\s){{0,2}}[{_UP}][\w'’-]+){{0,3}})"
               r",\s+")
#: a weekday alone on a line, the time of day after it: "Tuesday.", "5th day.", "Third Day morning", the place
#: before it in a traveller's diary ("Inn of the Three Kings, Tuesday.")
_WEEKDAY_ALONE_RE = re.compile(rf"^(?:{_HEAD_PLACE})?(?P<w>{_WEEKDAY}){_DAYTIME}[.,:]?$")
#: a place and a weekday on a letter's date line: "Bertram House Friday.", "Ashby, Monday evening"
_PLACE_WEEKDAY_RE = re.compile(rf"^(?:[A-Z][\w'’-]*,?\s+){{1,4}}{_WEEKDAY}\b"
                               r"(?:\s+(?i:morning|evening|night|afternoon))?[.,]?$")
#: a place and a month, no day and no year, on a letter's date line: "Ashby Lodge, March,", "Upper-Street, May."
_PLACE_MONTH_RE = re.compile(rf"^(?:[A-Z][\w'’-]*,?\s+){{1,4}}(?i:{_MONTH_ALT})\.?[.,]?$")
#: a place alone on a letter's date line, "Ashby." or "Ashby Lodge,": read so only under a letter's "X to Y" head
_PLACE_ALONE_RE = re.compile(r"^(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*[.,]$")
#: a time of day or a relative time heading a diary entry of its own: "Later.—", "Evening.", "Same day, 11 p.m.—"
TIME_HEAD_RE = re.compile(
    r"^(?:later|afterwards|still\s+later|(?:the\s+)?same\s+(?:day|night|evening)|(?:early|late)\s+(?:morning|evening)"
    r"|morning|noon|midday|afternoon|evening|night|midnight|dawn|sunset|sunrise|(?:the\s+)?next\s+(?:day|morning|"
    r"evening|night))(?:,?\s+\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.\s?m\.?|o['’]clock))?(?:[.:](?=\s|$)|[.:]?\s*[—–]+)",
    re.I)
#: a feast of the year heading a diary entry, closed off by a dash: "Christmas Day.—", "New Year’s Eve.—"
#: and in a clergyman's diary a day of the church year: "Second Sunday in Advent.—", "St. Stephen's Day.—",
#: "The Circumcision.—", "ST. MATTHIAS'S DAY, and Second Sunday in Lent.—" (small capitals printed as capitals)
_FEAST = r"(?:" + "|".join(re.escape(w) for w in lexicons.words("feasts")) + r"|New\s+Year['’]s)"
_CHURCH_DAY = (r"(?:the\s+)?" + _FEAST + r"(?:\s+(?:Day|Eve|Sunday|Monday|Tuesday|Wednesday))?"
               r"|(?:(?:" + "|".join(re.escape(w) for w, _ in lexicons.pairs("ordinal_words")) + r")\s+)?Sunday\s+"
               r"(?:in|after|before)\s+(?:the\s+)?" + _FEAST +
               r"|St\.?\s+[A-Z][a-z]+(?:['’]s)?\s+Day")
FEAST_HEAD_RE = re.compile(r"^(?=[A-Z])(?i:" + _CHURCH_DAY + r")(?:,?\s+and\s+(?i:" + _CHURCH_DAY + r"))?"
                           r"\s*[.:]?\s*[—–]+")
_HOUR_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}(?:[.:]\d\d)?)"
#: an hour of the clock heading an entry: "Two o’clock.—", "Half-past eight.—", "11 p.m.—", "It is just eight o’clock."
#: (its dash typed as two hyphens, "10 p. m.--", as plain texts have it)
CLOCK_HEAD_RE = re.compile(
    rf"^(?:(?:it\s+is\s+)?(?:just\s+)?(?:(?:half|a\s+quarter)[-\s]past\s+|a\s+quarter\s+to\s+)?{_HOUR_WORDS}"
    rf"(?:\s*o['’]clock)?(?:\s*[ap]\.\s?m\.?)?)(?:[.:]?\s*(?:[—–]+|-{{2,}})|\.(?=\s))", re.I)
#: a date that opens a paragraph and is closed off by punctuation: a diary-entry head
#  (after a place, "Hillingham, 24 August.—", or with the hour, "11 August, 3 a.m.—", "24 June, before morning.—"),
#  its month and day after its year too ("1857.—December 23.", "1812. May 4.", "1857.—The twenty-third of December.")
_LEAD_DATE_RE = re.compile(
    rf"^(?P<place>{_HEAD_PLACE})?"
    rf"(?P<year_first>(?:1\d{{3}}|20\d\d)(?:[.,:][ \t]*[—–-]*|[ \t]*[—–]+)[ \t]*"
    rf"(?=(?:{_WEEKDAY},?\s+)?(?:(?:the\s+)?{_DAY}\s+(?:of\s+)?(?:{_MONTH_ALT})\b"
    rf"|(?:{_MONTH_ALT})\.?,?\s+(?:the\s+)?{_DAY}\b)))?"
    rf"(?:{_WEEKDAY},?\s+)?(?:(?:{_MONTH_ALT})\.?,?\s+(?:the\s+)?{_DAY}|(?:the\s+)?{_DAY}\s+(?:of\s+)?(?:{_MONTH_ALT})"
    rf"|{_WEEKDAY}(?:\s+\d{{1,2}}{_ORD}|,?\s+the\s+{_DAY})?)(?:,?\s+\d{{4}})?(?:\s*\([^)\n]{{1,30}}\))?"
    rf"(?:\s*(?:[.:;]\s*[—–-]*|\s[—–-]+|[—–]+|$)"
    # a hyphen printed for the dash, as plain transcriptions print it: run into a capital ("April 9-Went"), or
    # after the stop that closes a weekday or a feast added to the day ("April 8, Sunday.-After church"); only
    # after the day's number or a bracket, never in a weekday's compound ("Sunday-School teachers met")
    rf"|(?:(?<=\d)|(?<=\d[sntr][tdh])|(?<=\dd)|(?<=\)))-(?=(?-i:[{_UP}])|[“\"‘'])(?!(?:{_MONTH_ALT}|{_WEEKDAY})\b)"
    rf"|,\s+[^!?—–\n]{{1,30}}?(?:[.:]\s*-(?=\s*(?-i:[{_UP}])|\s*[“\"‘'])|[.:]?\s*[—–]+))", re.I)
#: a day of the month alone opening a paragraph, the month left to the entries before ("2nd. In the
#: morning ...", "8th (Sunday). To church."), or run into it by a dash after the stop ("9th.—The first ...")
_LEAD_DAY_RE = re.compile(rf"^(?:\d{{1,2}}(?:st|nd|rd|th)|the\s+{ORD_DAY})(?:\s*\([^)\n]{{1,30}}\))?\."
                          rf"(?:[ \t]+|[ \t]*[—–][ \t]*)(?=[{_UP}“\"])")
#: a span of days of the month opening a diary's paragraph: "From the 11th to the 14th we lay idle ...", "From the 3d
#: to the 9th, rain"
LEAD_DAY_RANGE_RE = re.compile(r"^from\s+the\s+(?P<a>\d{1,2}(?:st|nd|rd|th|d))\s+to\s+the\s+"
                               rf"(?P<b>\d{{1,2}}(?:st|nd|rd|th|d))\b(?!\s+(?:of\s+)?(?:{_MONTH_ALT})\b),?", re.I)
#: a month and year alone opening a paragraph, the day not printed ("January 1912. New Year’s Day. We ...")
_LEAD_MONTH_RE = re.compile(rf"^(?:{_MONTH_ALT})\.?,?\s+\d{{4}}\.[ \t]+(?=[{_UP}“\"])", re.I)
#: a year printed with its last digits left out, as 18th- and 19th-century letters print it: "17—", "184—"
_ELIDED = elided_year_re("elided").replace("?P<elided>", "?:")
#: the months in small roman figures -> their numbers
_ROMAN_MONTHS = {r: n for n, r in enumerate("i ii iii iv v vi vii viii ix x xi xii".split(), 1)}
#: a date in figures, the day first and the month in small roman figures, as soldiers and clerks wrote it in the
#: 19th and 20th centuries: "3.x.18", "11.xi.1918", "21/i/19"
_ROMAN_MONTH_DATE = (r"\b(?P<rd>0?[1-9]|[12]\d|3[01])(?P<rs>[./])(?P<rm>xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)(?P=rs)"
                     r"(?P<ry>\d{2}|1\d{3}|20\d\d)\b")
_ROMAN_MONTH_DATE_RE = re.compile(_ROMAN_MONTH_DATE, re.I)
#: the same without its groups, for the patterns that hold a full date
_ROMAN_MONTH_FORM = (r"\b(?:0?[1-9]|[12]\d|3[01])(?:\.(?:xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)\.|"
                     r"/(?:xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)/)(?:\d{2}|1\d{3}|20\d\d)\b")
#: a date with its year: "3 May 1862", "May 3d, 1862", "Aug. 4, 17—" (the year elided), "12/3/1862", "May 1862";
_FULL_DATE = (
    rf"(?:(?:{_WEEKDAY},?\s+)?(?:(?:{_MONTH_ALT})\.?(?:(?<=[Mm]onth),)?\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?{_ORD}"
    rf"(?:\s+day)?,?\s+"
    rf"(?:{_ELIDED}|\d{{3,4}})"
    rf"|\d{{1,2}}(?:\s*[-–/]\s*\d{{1,2}})?{_ORD}\s+(?:of\s+)?(?:{_MONTH_ALT})\.?,?\s+(?:{_ELIDED}|\d{{3,4}})"
    rf"|(?:the\s+)?{ORD_DAY}\s+(?:of\s+)?(?:{_MONTH_ALT})\.?,?\s+(?:{_ELIDED}|\d{{3,4}})"
    rf"|(?:{_MONTH_ALT})\.?,?\s+the\s+{_DAY},?\s+(?:{_ELIDED}|\d{{3,4}})"
    rf"|(?:{_MONTH_ALT})\.?\s+{ORD_DAY},?\s+(?:{_ELIDED}|\d{{3,4}}))"
    rf"|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|(?:{_MONTH_ALT})\.?,?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th|d)\s+(?:1[0-2]|[1-9])(?:st|nd|rd|th|d)\.?,?\s+\d{{4}}\b"
    rf"|(?:{_MONTH_ALT})\.?(?:,\s*|\s+of\s+){_ELIDED}"
    rf"|{_ROMAN_MONTH_FORM})")
#: never from inside a word (the lookbehind first: without it the alternation is tried at every letter, ~4x slower),
#: and only where the first two characters can begin a date (the lead: ~3x faster again over a book, same matches)
FULL_DATE_RE = re.compile(rf"(?<![^\W\d_]){lead(_FULL_DATE, re.I)}{_FULL_DATE}", re.I)

#: the printed form of a telegram: "Handed in at X 7.40 a.m. 12 March 1862", "Received at Y 8.05"
TELEGRAPH_FORM_RE = re.compile(
    r"^(?:(?:time\s+)?handed\s+in\b|(?:received|sent|despatched|dispatched|transmitted|delivered|"
    r"office\s+of\s+origin|time\s+received)\b[^.!?]{0,60}?(?:\s(?:at|from|by)\s|:))", re.I)
_CLOCK_RE = re.compile(r"\b\d{1,2}[.:]\d\d\b|\b(?:a\.\s?m|p\.\s?m|noon|midnight)\b", re.I)
#: telegraphese: the word STOP standing for a full stop, written in capitals
TELEGRAPHIC_RE = re.compile(r"(?<![a-z])STOP(?![a-z])")
#: a sentence's stop between two words in capitals ("FELL IN. NOBODY"), an abbreviation's ("MRS. BELL") aside
_CAPS_STOP_RE = re.compile(rf"\b(?!(?:{'|'.join(lexicons.words('capital_abbreviations'))})\.)[A-Z]{{2,}}[.!?]\s+[A-Z]")

#: nouns that name a kind of document ("the following letter", "signed a receipt")
DOC_NOUNS = lexicons.words("document_nouns")
_DOC_NOUN_ALT = "|".join(DOC_NOUNS)
_DOC_NOUN_SET = frozenset(DOC_NOUNS)
_FRAMING_RE = re.compile(
    rf"\b(?:the\s+)?following\s+(?:[\w'’-]+\s+){{0,3}}?(?P<noun>{_DOC_NOUN_ALT})\b"
    rf"|\b(?P<noun2>{_DOC_NOUN_ALT})\b[^.!?]{{0,80}}\b(?:as\s+follows|reads?|ran|runs|said|in\s+the\s+following\s+"
    rf"(?:words|terms))\s*:\s*$", re.I)
_INLINE_DOC_RE = re.compile(
    rf"^(?P<subj>{PERSON}|[{_UP}][\w'’-]+)\s+(?:\w+\s+){{0,2}}?(?:{'|'.join(lexicons.words('issuing_verbs'))})"
    rf"\s+(?:\w+\s+){{0,3}}?(?P<noun>{'|'.join(lexicons.words('issued_documents'))})\b", re.I)

_SEPARATOR_RE = re.compile(r"^(?:[*•·~#=_⁂§◊]\s*){1,}$|^(?:[-–—]\s*){3,}$|^(?:o\s*O\s*o|\* \* \*)$")
_DOMAIN = r"(?:www\.)?(?:[a-z0-9][a-z0-9-]*\.)+(?:[a-z]{2,6})(?:/\S*)?"
_SITE_CAPTION_RE = re.compile(rf"^(?:.{{1,200}}\s[|│/]\s*{_DOMAIN}|{_DOMAIN})$", re.I)
_FIG_CAPTION_RE = re.compile(r"^(?:fig(?:ure)?\.?|plate|illustration|image|photo(?:graph)?|map|portrait|"
                             r"pl\.)\s*(?:[\dIVXLC]+[a-z]?)?\s*[.:—–-]", re.I)
_CREDIT_RE = re.compile(r"^(?:photo(?:graph)?|image|picture|source|credit)s?\s*(?:by|:|©)", re.I)
_ATTRIBUTION_RE = re.compile(
    r"^(?:the\s+following\s+(?:excerpt|extract|passage|chapter|text|article|fragment|material|interview)"
    r"|(?:this|the)\s+(?:excerpt|extract|article|text|chapter|material)\s+(?:is|was|has\s+been)\s+"
    r"(?:taken|reprinted|reproduced|provided|published|adapted|excerpted)"
    r"|excerpted\s+from|extracted\s+from|reprinted\s+(?:from|with|by)|reproduced\s+(?:from|with|by)"
    r"|courtesy\s+of|copyright\b|©|\(c\)\s|all\s+rights\s+reserved|originally\s+published"
    r"|read\s+more\b|continue\s+reading|share\s+(?:this|on)\b|related\s+(?:articles|posts)"
    r"|advertisement\b|subscribe\b|tags?:|filed\s+under)"
    r"|\bprovided\s+by\s+our\b|\b(?:by|with)\s+(?:kind\s+)?permission\s+of\b|\bbook\s+partner\b", re.I)
#: a note of receipt the receiver wrote on a letter, a date after it: "[Received 2nd May, 1916.]", "(Recd. Oct. 3.)"
_RECEIPT_NOTE_RE = re.compile(r"^[\[(]?(?i:" + "|".join(re.escape(w) for w in lexicons.words("receipt_words"))
                              + r")(?![\w'’])[,:]?\s+[^\[\]()]*\d[^\[\]()]*[\])]?\.?$")
#: a printed form's label in capitals over what the sender filled in: "NAME: A. Hale, Pte.", "RANK AND NUMBER: ..."
_FORM_LABEL_RE = re.compile(r"^[A-Z][A-Z'’ ]{1,30}:\s+\S")
#: a verb that makes a line closed by a colon and a dash a sentence announcing what follows, not a title
_ANNOUNCING_VERB_RE = re.compile(r"\b(?:is|are|was|were|follows?|following|read|received)\b", re.I)
#: the most words of a note of receipt
RECEIPT_NOTE_MAX_WORDS = 10
_STAMP_PREFIX_RE = re.compile(r"^(?:posted|published|updated|last\s+(?:updated|modified)|date|added)\b", re.I)
_MARK_RE = re.compile(r"^\(?(?:top\s+secret|strictly\s+confidential|secret|confidential|private(?:\s+and\s+"
                      r"confidential)?|personal|urgent|copy|true\s+copy|translation|draft|very\s+urgent|"
                      r"not\s+for\s+publication|by\s+hand|registered)[.!:]?\)?[.!:]?$", re.I)
#: the words opening a salutation before whom it greets (data/lexicon/salutation_adjectives.txt): "Dear", "Endeared"
SALUTATION_ADJECTIVES = "|".join(r"\s+".join(map(re.escape, w.split()))
                                 for w in lexicons.words("salutation_adjectives"))
_SALUTATION_RE = re.compile(
    # (whom it greets may be named by initials, "Esteemed Friend A. B.,": their stops end no sentence; not the
    # exclamations "Dear me," and "Dear, dear,")
    rf"^(?!dear(?:\s+me|,\s*dear)\b)(?:(?:my\s+)?(?:very\s+|own\s+)?(?:{SALUTATION_ADJECTIVES})\b"
    rf"(?:[^.!?]|(?<=\s(?-i:[A-Z]))\.){{0,60}}?[,!:—]"
    r"|(?:dear\s+)?(?:sir|sirs|sire|madam|madame|gentlemen|ladies|comrades?|friends?|brothers?|sisters?|citizens?|"
    r"brethren|mother|father)\b(?!\s+(?-i:[A-Z]))[^.!?]{0,30}?[,!:—]"
    r"|your\s+(?:majesty|excellency|highness|grace|lordship|ladyship|honou?r|eminence|holiness)[,!:]"
    # a despatch's greeting of a peer or a board, alone on its line: "My Lord,", "My Lords,", "My Lord Duke," (not
    # a narrator's "My lady, turning round, ...")
    r"|my\s+(?:lords?|lady|ladies|liege)(?:\s+(?-i:[A-Z])[a-z]+)?[,!:]\s*$"
    r"|(?:most\s+)?gracious\s+(?:lady|lord|sovereign|majesty|sir|madam|prince|princess|king|queen)[,!:]"
    r"|(?:hon(?:ou?red)?|respected)\s+(?:sir|madam)[,!:]"
    r"|(?:right\s+|very\s+)?(?:reverend|rev\.)\s+(?:and\s+dear\s+)?(?:sir|sirs|father|mother|madam|brother|sister)"
    r"\b[^.!?]{0,30}?[,!:])", re.I)
#: a salutation written without its comma, as many writers of manuscript letters leave it: "Dear friend",
#: "My dear Friend", "Esteemed friend", "Beloved friends" (its own line, over the letter's first paragraph)
_BARE_SALUTATION_RE = re.compile(rf"^(?:my\s+)?(?:very\s+)?(?:{SALUTATION_ADJECTIVES})"
                                 r"(?:\s+(?:and|&)\s+\w+)?\s+(?:"
                                 rf"{'|'.join(lexicons.words('salutation_nouns'))})\b(?:\s+(?-i:[{_UP}])[\w'’]+){{0,2}}$",
                                 re.I)
#: the first paragraph of a letter under a salutation written without its comma: it speaks to the reader ("Thy letter
#: came safe to hand", "We received your letter") or the writer writes in the present ("I take up my pen", "I am
#: shocked to think ...", "We are all well"), as a narrator's paragraph ("My father was a tall man ...") does not
_LETTER_BODY_RE = re.compile(r"\b(?i:you|your|yours|thee|thou|thy|thine|ye)\b"
                             r"|\b(?:I|[Ww]e)\s+(?:(?:now|just|again|also)\s+)?(?:am|are|have|take|write|hope|send)\b")
#: a date in a sentence or a title, after its preposition ("A Lecture delivered at Ashby on the 12th of January, 1861",
#: "The Society met ... on the 3rd of May 1862"): a date line puts it after the place ("... near Dover the 14th of ...")
_DATE_IN_PHRASE_RE = re.compile(r"\b(?:on|in|at|by|since|until|till|before|after|from)\s+(?:the\s+)?$", re.I)
#: the marks that end a salutation, alone on a line when a transcription breaks it there ("Dear Father" / ",")
SALUTATION_MARKS = (",", ":", "!")
_ADDRESSEE_RE = re.compile(
    rf"^(?:to\s+(?:the|his|her|their|my|our|mr|mrs|ms|miss|dr|citizen|comrade|general|captain|colonel|lord|"
    rf"lady|sir|messrs|(?-i:[{_UP}]))|(?:his|her|their)\s+(?:excellency|majesty|highness|grace|honou?r|lordship|"
    rf"ladyship|eminence|holiness)|(?:the\s+)?(?:hon(?:ou?rable)?\.?|right\s+hon\.?)\s)", re.I)
#: the writer's relation to the reader closing a letter, up to three words before it: "your friend", "Thy old
#: friend,", "your affectionate & dutiful daughter"
#: (or its last word an adjective whose noun is the name signed under it: "… from thy affectionate" / "Ann Pell")
_RELATION_TAIL = (r"(?:your|thy|thine)\s+(?:(?:[a-z]+|&)\s+){0,3}"
                  rf"(?:{'|'.join(lexicons.words('closing_relations') + lexicons.words('valediction_words'))})[,.!]?$")
_CLOSING_RE = re.compile(
    # (a stray dash or arrow before it, "-->Ever your's", is a transcriber's mark, not the writer's word)
    r"^(?:[-–—>]+\s*)?(?:yours\b|your\s+(?:most|very|ever|affectionate|obedient|humble|faithful|loving|sincere|devoted|"
    r"grateful|own\b|(?:obed|obdt|ob|aff|affec|affect)t?\.|hble\.)|ever\s+and\s+ever\b"
    # an official's closing cut short by the printer, "I have, &c." / "I am, &c." over "(Signed) A. B."
    r"|i\s+(?:have(?:\s+the\s+honou?r\s+to\s+(?:be|remain))?|am|remain)(?:,?\s+\w+)?,?\s+&c\.?,?$|ever\s+(?:(?:most|very|truly|sincerely|affectionately|faithfully)\s+)*(?:your'?s|your)"
    # "Ever my dear Sir" over "Most sincerely yours", "Most faithfully & affectionately yours" with no stop
    r"|ever,?\s+my\s+dear(?:est)?\b|(?:very\s+|most\s+)?(?:sincerely|faithfully|affectionately|truly|gratefully)"
    r"(?:\s+(?:&|and)\s+(?:sincerely|faithfully|affectionately|truly|gratefully))?\s+your'?s(?-i:(?![a-z]))|i\s+(?:am|remain|have\s+the\s+honou?r)\b.{0,80}(?:servant|yours|friend|"
    r"respect|regard|esteem)|(?:i|we)\s+(?:am|are|remain|have\s+the\s+honou?r\s+to\s+(?:be|remain))\b[^.]{0,40},$"
    # (not "Believe me, I meant no harm.": a sentence of someone's, "I" and a verb that is no "I am" or "I remain")
    r"|believe\s+me(?!,?\s+(?-i:I)\s+(?!am\b|remain\b|have\s+the\s+honou?r\b))"
    r"|with\s+(?:\w+\s+){0,4}(?:greetings|regards|respect|love|wishes|esteem|affection|"
    r"salutations?|compliments|thanks|gratitude|devotion|consideration|kiss|kisses)\b|(?:very\s+|most\s+)?"
    r"(?:respectfully|sincerely|faithfully|affectionately|cordially|truly|fraternally|gratefully)"
    r"(?:\s+yours)?[,.]|(?:best|kind|warm(?:est)?)\s+(?:regards|wishes)|(?:love|regards|cheers|adieu|farewell)"
    r"[,.!]|(?:and\s+)?so\s+(?:farewell|good-?bye)"
    # the plain letter-writer's formula, "So no more at present; I remain your affectionate daughter,"
    r"|so\s+no\s+more\s+at\s+present\b"
    # "Good-by", "Lovingly", "From your little friend,", "Your darling child", "Thy old friend,"
    # a dedication's subscription: "By her most humble and obliged servant, the Compiler."
    r"|by\s+(?:your|their|his|her)\b(?:\s+[\w'’&]+){0,6}\s+(?:servants?|subjects?)\b"
    r"|good[\s-]?bye?\b[,.!]?$|lovingly\b|(?:from\s+)?" + _RELATION_TAIL + ")", re.I)
#: a valediction and the writer's name run into a letter's last paragraph after a dash, as printed letters set them:
#: "… and so farewell, dearest Aunt.—Your loving niece, Kitty.", "… home on Friday.—Yours ever, J. Pell."
RUN_IN_SIGNATURE_RE = re.compile(
    r"[.!?][”\"’']?\s*[—–]+\s*(?P<closing>(?:(?:ever|always|believe\s+me)\s+)?(?i:your|thy)\s+(?:(?:[a-z]+|&)\s+){0,3}"
    rf"(?:{'|'.join(lexicons.words('closing_relations'))})|(?i:yours)(?:\s+(?:[a-z]+)){{0,2}}),?\s+"
    rf"(?P<name>{INITIALS}|(?:[{_UP}][a-z]\w*|{_INITIAL})(?:\s+(?:{_INITIAL}|[{_UP}][\w'’-]+)){{0,2}})\.?[”\"]?\s*$")
#: a valediction's last word written without its "yours", over the signer's name: "I remain", "To thee and thine
#: affectionately", "In haste, sincerely" (the plain letter-writer's closing, the relation left unsaid)
_CLOSING_END_RE = re.compile(r"(?:^(?:i|we)\s+(?:remain|rest|continue)|\b(?:affectionately|sincerely|faithfully|"
                             r"respectfully|cordially|fraternally|gratefully|lovingly))[,.]?$", re.I)
#: a long closing sentence that ends in the writer's relation to the reader ("With love to all at the mill I
#: remain thy affectionate cousin", "… is the wish of thy friend & brother")
_CLOSING_TAIL_RE = re.compile(rf"\b{_RELATION_TAIL}", re.I)
#: the plain letter-writer's closing sentence opening on "I conclude" ("I conclude with love to all", "So I must
#: conclude, wishing thee well", "and conclude thy friend"): over a name alone it closes the letter
_CONCLUDE_RE = re.compile(r"^(?:(?:so|and|now|therefore),?\s+){0,2}(?:(?:i|we)\s+)?(?:must\s+|shall\s+|will\s+)?"
                          r"conclude\b", re.I)
_POLITE_CLOSE_RE = re.compile(r"\b(?:accept|receive)\b.{0,60}\b(?:assurances?|feelings|sentiments|respects|"
                              r"regards|consideration|homage)\b", re.I)
#: the writer a letter's header names before "to": capitalized words, abbreviated titles and initials, with the
#: small words of a title between them ("The Dean", "Duchess of R.", "Hon. Mrs. Dale", "Captain John Hale"); a name
#: an editor blanked after its initial ("Miss H—", "Mr. D—N"), a rank after a comma ("W. HALE, Esq.") and a remark
#: in brackets after the name ("Lady DALE (afterwards Duchess of R.)")
_HEADER_SENDER = (rf"(?-i:[{_UP}][\w'’—-]*\.?)(?:\s+(?:(?-i:[{_UP}][\w'’—-]*\.?)"
                  rf"|{'|'.join(lexicons.words('header_small_words'))})){{0,6}}"
                  r"(?:,\s+(?-i:Esq)\.?)?(?:\s+\([^()]{1,60}\))?")
#: a numbered letter's head with its header after the number's stop, "LETTER IV. Dr. Hale to his son." (the
#: header's stops are its abbreviations and initials: "Mrs.", "G.")
NUMBERED_HEADER_RE = re.compile(rf"^(?:letter|epistle)\s+(?:[ivxlcdm]+|\d+)[.:]\s+{_HEADER_SENDER}"
                                rf"\s(?-i:to)\s+(?:(?:the\s+)?(?-i:[{_UP}])|(?:his|her|their)\s+\w)[^!?;:]{{0,80}}$",
                                re.I)
#: a letter's header alone on its line, under the letter's number: "The Rev. J. Hale to Mr. Thomas Pell."
LETTER_HEADER_RE = re.compile(rf"^{_HEADER_SENDER}\s(?-i:to)\s+(?:(?:the\s+)?(?-i:[{_UP}])|(?:his|her|their)\s+\w)"
                              r"[^!?;:]{0,80}$", re.I)
#: "No." and "Number" head a numbered item only before a numeral: "No reflections upon …" is a sentence; a
#: numbered letter's head may carry its header on the same line (NUMBERED_HEADER_RE)
_NUMBER_WORDS = "|".join(w for w, _ in (*lexicons.pairs("number_words"), *lexicons.pairs("ordinal_words"))
                         if " " not in w)
NUMBERED_HEAD_RE = re.compile(rf"^(?:(?:{'|'.join(lexicons.words('section_words'))}|entry|document)"
                               # (a number in words is capitalized or the ordinal's "the": "Letter follows at
                               # first opportunity." is a sentence)
                               r"\.?\s+(?:[ivxlcdm]+|\d+|(?-i:[A-Z])[a-z]*|the\s+[a-z]+|(?:" + _NUMBER_WORDS + r"))"
                               r"|(?:no\.|number)\s*(?:[ivxlcdm]+|\d+)|no\s+\d+)\b"
                               r"[^.!?]{0,80}[.:]?$|" + NUMBERED_HEADER_RE.pattern, re.I)
#: a numbered letter's or chapter's head with a summary of its topics after the number's stop, the topics parted by
#: dashes: "LETTER VI. A Visit to the Governor.—His House, his Guards, the Market, &c."
_SUMMARY_HEAD_RE = re.compile(r"^(?:letter|epistle|chapter)\.?\s+(?:[ivxlcdm]+|\d+)\.\s+"
                              r"(?P<summary>(?-i:[A-Z]).{2,260})$", re.I)
#: a subject pronoun: a line saying who did what is a numbered sentence ("Letter 3. I wrote to Mary."), no summary
_SUBJECT_PRONOUN_RE = re.compile(r"\b(?:I|we|you|he|she|they)\b", re.I)
#: the most words of a numbered head with a summary of topics
SUMMARY_HEAD_MAX_WORDS = 40


def numbered_summary_head(text: str) -> bool:
    """Return True for a numbered letter's or chapter's head with a summary of its topics after the number
    ("LETTER II. Differences of Manners.—Population.—Arts."): each topic a phrase with no stop but "&c.", no subject
    pronoun, and at least half its words past the small ones capitalized, as a title's are."""
    m = _SUMMARY_HEAD_RE.match(text.strip())
    if not m or len(text.split()) > SUMMARY_HEAD_MAX_WORDS or _SUBJECT_PRONOUN_RE.search(m.group("summary")):
        return False
    topics = [t.strip(" .") for t in re.split(r"\s*[—–]+\s*", m.group("summary").replace("&c.", "&c"))]
    if not all(topics) or any(re.search(r"[.!?;:\"“”]", t) for t in topics):
        return False
    content = [w for w in re.findall(r"[^\W\d_][\w'’-]*", " ".join(topics)) if w.lower() not in _FUNCTION_WORDS]
    return bool(content) and 2 * sum(w[0].isupper() for w in content) >= len(content)


#: a contents list's entry: a title and the page it begins on ("LETTER III. Uncomfortable Situation PAGE 20",
#: "The Voyage Out, p. 12"), or the page as a bare number after the title's stop ("LETT. V. To Mr. H., in answer.
#: May 2, 1741. 12")
_CONTENTS_ENTRY_RE = re.compile(r"^\S.{2,300}(?:\s(?:page|p\.|pp\.)\s*(?:\d{1,4}|[ivxlc]{1,7})\.?|[.;]\s+\d{1,4})$",
                                re.I)


#: a year of the second millennium in Roman numerals, its groups run together or parted by stops or commas
#: ("MDCCLXXXV.", "M.DCC.LXI.", "M,DCC,XC", a stop after every numeral but the repeated ones "M.D.CC.LX.VI."), as a
#: title page's imprint prints it
_ROMAN_YEAR_RE = re.compile(r"M[.,]?(?:CM|CD|D?[.,]?C{0,3})[.,]?(?:XC|XL|L?[.,]?X{0,3})[.,]?(?:IX|IV|V?[.,]?I{0,3})\.?")


def roman_year(text: str) -> bool:
    """Return True for a year in Roman numerals alone on its line ("MDCCLXXXV.", "M.DCC.LXI."): four numerals
    or more, no space ("M. D." is a signer's initials)."""
    text = text.strip()
    return bool(_ROMAN_YEAR_RE.fullmatch(text)) and len(re.sub(r"[^MDCLXVI]", "", text)) >= 4


def contents_entry(text: str) -> bool:
    """Return True for a line of a contents list: a title followed by the page it begins on."""
    return bool(_CONTENTS_ENTRY_RE.match(text.strip()))


_BYLINE_RE = re.compile(rf"^(?:(?P<name>{INITIALS}{_CAP}(?:\s{_CAP})?)\.\s+(?P<title>[^.!?]{{2,120}})"
                        rf"|[Bb]y\s+(?P<by>{PERSON}))$")
#: the year or date a byline gives the writing ("written in 1872", "1872", "March 1872", "3 March 1872")
_BYLINE_WHEN_RE = re.compile(r"(?:(?:written|composed)\s+)?(?:(?:in|on)\s+)?"
                             r"(?P<when>(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:[A-Z][a-z]+\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?"
                             r"\s+)?)?(?:1[5-9]\d\d|20\d\d))")
#: "by Samuel Whitaker, written in 1872", "Written by S. Whitaker", "Samuel Whitaker (1872)"
_BYLINE_BY_RE = re.compile(rf"^(?:(?i:written|composed)\s+)?(?:by|By|BY)\s+(?P<name>{PERSON})(?P<rest>\W.*)?$")
_BYLINE_YEAR_RE = re.compile(rf"^(?P<name>{PERSON})(?P<rest>\s+\(.*\))$")
_BYLINE_NOT_NAMES = frozenset(lexicons.words("byline_not_names")) | frozenset(lexicons.words("org_nouns"))
#: Markdown's marks around a line ("# Title", "*by A*", "_by A_"): no words of the line
MARKS_RE = re.compile(r"^\s*(?:#{1,6}\s+)?[*_]{0,3}(?P<text>.*?)[*_]{0,3}\s*$")


#: the words a web page sets before the day it put an article up ("Posted", "Published on", "Updated:")
_WEB_PUBLISHED = r"(?:first\s+)?(?:posted|published|updated|last\s+updated)(?:\s+on)?\s*:?"
_WEB_BYLINE_BEFORE_RE = re.compile(rf"^(?:(?:by|By|BY)\s+(?P<name>{PERSON})\s*[·•|,;–—-]?\s*(?i:{_WEB_PUBLISHED})?"
                                   rf"|(?i:{_WEB_PUBLISHED}))\s*$")
_WEB_BYLINE_AFTER_RE = re.compile(r"^(?:\s*,?\s*(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?\s?m\.?)?"
                                  r"(?:\s+[A-Z]{2,4})?)?"
                                  rf"(?:\s*[·•|,;–—-]?\s*(?:by|By|BY)\s+(?P<name>{PERSON}))?\s*\.?$")


#: a news agency's dateline opening a story's first paragraph: the place in capitals, then the day or the agency
#: or both, then a dash ("KELBURY, March 14 (Northern Wire) —", "KELBURY (Northern Wire) -", "KELBURY, 14 March —")
WIRE_DATELINE_RE = re.compile(
    rf"^(?P<place>[{_UP}][{_UP}'’.-]+(?:[\s-][{_UP}][{_UP}'’.-]+){{0,3}}),?\s+"
    r"(?=\S)(?:(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?)\s*)?"
    r"(?:\((?P<agency>[A-Z][\w&.'’ -]{1,40})\)\s*)?[—–-]{1,2}\s")


def wire_dateline(text: str) -> re.Match | None:
    """Return the match of a news agency's dateline opening ``text`` (:data:`WIRE_DATELINE_RE`), or None.

    The place must be followed by a day or an agency ("LONDON, —" is no dateline) and be no weekday or month
    ("MONDAY, March 3 — went to town" is a diary's entry head).

    >>> wire_dateline("KELBURY, March 14 (Northern Wire) — The bridge fell.").group("place")
    'KELBURY'
    >>> wire_dateline("MONDAY, March 3 — went to town") is None
    True
    """
    m = WIRE_DATELINE_RE.match(text)
    if m is None or not (m.group("date") or m.group("agency")):
        return None
    if calendar_words(m.group("place").title()):
        return None
    return m


def web_byline(text: str) -> tuple[str | None, str] | None:
    """Return (writer or None, date) of a web article's byline that dates it, or None.

    A news site or a blog puts its writer and the day it published the article on one line between the headline
    and the text: "By Ann Pell · 3 May 2021, 16:20", "Posted 3 May 2021 by Ann Pell", "Published 3 May 2021".
    The line heads the article; it is no page stamp of its own.

    >>> web_byline("By Ann Pell · 3 May 2021, 16:20"), web_byline("Posted 3 May 2021 by Ann Pell")
    (('Ann Pell', '3 May 2021'), ('Ann Pell', '3 May 2021'))
    >>> web_byline("Published 3 May 2021"), web_byline("By the river, 3 May 2021")
    ((None, '3 May 2021'), None)
    """
    text = MARKS_RE.match(text).group("text").strip()
    date_m = FULL_DATE_RE.search(text)
    if date_m is None or len(text.split()) > 14:
        return None
    before = _WEB_BYLINE_BEFORE_RE.match(text[:date_m.start()])
    after = _WEB_BYLINE_AFTER_RE.match(text[date_m.end():])
    if before is None or after is None or (before.group("name") and after.group("name")):
        return None
    name = before.group("name") or after.group("name")
    if name and (not is_name(name) or any(w.lower().strip(".") in _BYLINE_NOT_NAMES for w in name.split())):
        return None
    if not name and not re.match(rf"(?i:{_WEB_PUBLISHED})", text):
        return None  # a date alone is a date line, not a byline
    return name, date_m.group(0)


def byline(text: str) -> tuple[str, str | None, str | None] | None:
    """Return (name, title, when) for a byline under a title, or None when the line names no person.

    "J. Bell. A Title" gives its title too; "by A, written in 1872" and "A (1872)" the words that date the
    writing. A phrase that names no one ("by the river", "by the Editor", "By Royal Command") is no byline.

    >>> byline("*by Samuel Whitaker, written in 1872*"), byline("by the Editor")
    (('Samuel Whitaker', None, '1872'), None)
    """
    text = MARKS_RE.match(text).group("text").strip()
    m = _BYLINE_RE.match(text)
    if m and m.group("name"):
        return m.group("name"), m.group("title"), None
    m = _BYLINE_BY_RE.match(text) or _BYLINE_YEAR_RE.match(text)
    if not m or not is_name(m.group("name")) or any(
            w.lower().strip(".") in _BYLINE_NOT_NAMES for w in m.group("name").split()):
        return None
    rest, when = (m.group("rest") or "").strip(" .,;()"), None
    if rest:
        w = _BYLINE_WHEN_RE.fullmatch(rest)
        if w is None:
            return None  # "by A, the Vicar of B": more than a name and a date
        when = w.group("when")
    return m.group("name"), None, when
_NAME_COLON_RE = re.compile(rf"^(?P<name>{INITIALS}|{_CAP}(?:\s+{_CAP}){{1,2}})\s*:\s+\S")
_NAME_COLON_STOP = set(lexicons.words("not_speaker_labels"))
_BIO_LEAD_RE = re.compile(
    rf"^(?P<name>[{_UP}][\w'’-]+(?:\s+(?:[{_UP}][\w'’-]+|{_INITIAL}|{_PARTICLES}|y)){{1,4}})"
    rf"\s+(?:\([^)]{{1,60}}\)\s*)?(?:(?:is|was)\s+(?:an?|the|one)\b|[-–—]\s+(?!to\b|be\b)\w)")
_SALUTE_LEAD_RE = re.compile(r"^(?!dear\s+me\b)(?:(?:my\s+)?(?:dear(?:est)?|honou?red|respected)|my\s+(?:good|kind|"
                             r"worthy))\s+[\w. ]{1,40}?(?:[,!—]|\s\()\s?", re.I)
#: the narrator taking the word back after a document read out: "There the letter ended.", "I handed the note back"
_RESUME_RE = re.compile(r"^(?:there\s+the\s+(?:letter|note|paper|statement|memorandum|narrative)\s+(?:ended|ends|"
                        r"stopped|broke\s+off)|[^.!?]{0,120}\b(?:the|that|her|his)\s+(?:letter|note|memorandum|paper|"
                        r"telegram)\b[^.!?]{0,60}\b(?:ended|back|dropped|completed|finished|closed|folded|aside"
                        r"|down)\b)",
                        re.I)
#: a narrator about to read out or copy a document: "I opened the letter and read it:—", "This is an exact
#: copy of it:", "He handed me the lines:", "I went on with the reading of the note."
_READS_OUT_RE = re.compile(
    r"(?:\b(?:letter|note|memorandum|paper|copy|lines|translation)\b"
    r"[^:]{0,60}:\s*[—–-]*$)|\b(?:resumed|went\s+on\s+with|continued|proceeded\s+with)\s+(?:the\s+)?reading\s+"
    r"of\s+(?:the|her|his|my)\s+(?:letter|note|paper)\.?$", re.I)
_NOT_NAME = set(lexicons.words("not_name_words"))
#: the mark of a postscript or a note alone, as a whole line or a would-be signer's initials ("P.S.", "P. P. S.",
#: "“PS.", "N.B.—"): it opens what follows, it signs nothing
NOTE_MARK_RE = re.compile(r"[“\"]?(?:(?:P\.\s?)?P\.\s?S\.?|PS\.?|N\.\s?B\.?)[:.—-]?")
_FIRST = re.compile(r"\b(?:I|me|my|mine|myself|we|us|our|ours|ourselves)\b")
_FIRST_SING = re.compile(r"\b(?:I|me|my|mine|myself)\b")
_SECOND = re.compile(r"\b(?:you|your|yours|yourself|yourselves|thee|thou|thy)\b", re.I)
#: the same two, for the rules outside this module that ask whether a line speaks as "I" or to "you"
FIRST_PERSON_RE, SECOND_PERSON_RE = _FIRST, _SECOND
_THIRD = re.compile(r"\b(?:he|she|they|him|her|his|hers|their|them|it)\b", re.I)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»|„[^“”]*[“”]")
_TERMINAL = ".!?;:,…"
_CLOSERS = "\"'”’»)]*"


#: a newspaper's byline naming its writer by his post, no name ("FROM OUR SPECIAL CORRESPONDENT.", "By our own
#: Reporter."): what stands under it is that writer's letter to the paper
CORRESPONDENT_BYLINE = (r"(?:from|by)\s+(?:our|an?|the)\s+(?:[\w'’-]+\s+){0,2}"
                        rf"(?:{'|'.join(lexicons.words('newspaper_writers'))})s?")
_CORRESPONDENT_BYLINE_RE = re.compile(rf"^[(\[]?{CORRESPONDENT_BYLINE}[.)\]]*$", re.I)


def is_byline(text: str) -> bool:
    """Return True when a line is a byline and nothing else: "By A B", "Written by A B, 1872", "By our own
    correspondent." (who wrote the text under it, no title of it and no statement).

    >>> is_byline("By Peter Lang"), is_byline("BY OUR OWN CORRESPONDENT."), is_byline("By the river")
    (True, True, False)
    """
    line = MARKS_RE.match(text).group("text").strip()
    m = _BYLINE_RE.match(line)
    if m and m.group("name"):
        return False  # "J. Bell. A Title": a title follows the name
    return byline(line) is not None or bool(_CORRESPONDENT_BYLINE_RE.match(line))

#: words in a title or a framing sentence -> the kind of document they name
_KIND_WORDS = [
    (CORRESPONDENT_BYLINE, "letter"),
    (r"letters?\s+to\s+the\s+editors?", "letter"),
    (r"telegrams?|cables?|wire", "telegram"),
    (r"letters?|epistles?|postcards?|post\s+cards?|notes?\s+to|reply|answer", "letter"),
    (r"resolutions?|decrees?|decisions?|minutes|orders?|ordinances?|verdicts?|sentences?|protocol", "resolution"),
    (r"receipts?", "receipt"),
    (r"proclamations?|manifestos?|appeals?\s+to|addresses\s+to", "proclamation"),
    (r"statements?|declarations?|protests?|explanations?|ultimatums?|petitions?|memorand(?:um|a)|notices?|"
     r"testimony|depositions?|affidavits?|certificates?", "statement"),
    (r"reports?|dispatch(?:es)?|despatch(?:es)?", "report"),
    (r"diary|diaries|journal|log|entries|entry", "diary"),
    (r"memoirs?|recollections?|reminiscences?|remembrances?", "memoir"),
    (r"interview", "interview"),
    (r"excerpt|extract|chapter", "book_excerpt"),
    (r"biography|life\s+of", "biography"),
]
_KIND_RES = [(re.compile(rf"\b(?:{pattern})\b", re.I), kind) for pattern, kind in _KIND_WORDS]


def kind_from_words(text: str) -> str | None:
    """Return the document kind a title or framing phrase names ("LETTER TO ...": letter), or None."""
    for pattern, kind in _KIND_RES:
        if pattern.search(text):
            return kind
    return None


def words(text: str) -> list[str]:
    """Return the whitespace-separated tokens of ``text``."""
    return text.split()


def strip_quotes(text: str) -> str:
    """Return ``text`` with quoted passages removed, so quoted voices do not count as the writer's."""
    return _QUOTED.sub(" ", text)


def is_name(text: str) -> bool:
    """Return True when ``text`` looks like a personal name ("J. Bell", "John Adams", "G. W.")."""
    text = text.strip().rstrip(",")
    if any(w.lower().strip(".") in _NOT_NAME for w in text.split()):
        return False
    return bool(_PERSON_RE.match(text) or _PERSON_RE.match(text.rstrip(".")))


#: a salutation's opening words ("Dear Mr. Pell.", "My dearest Ann"): the line greets, it does not sign
_DEAR_RE = re.compile(r"^(?:my\s+)?(?:very\s+)?dear(?:est)?\b", re.I)
#: a name as a signer writes it under a closing: "Ann.", "Ann Pell.", "Ann B. Pell", "A. B. Pell", or a name an
#: editor blanked after its initial ("A. P—", "A. P—L.")
_SIGNED_WORD = r"(?:[A-Z][a-z'’-]+|[A-Z]\.|[A-Z]—[A-Z]?)"
_SIGNED_NAME_RE = re.compile(rf"{_SIGNED_WORD}(?:\s+{_SIGNED_WORD}){{0,3}}\.?")


def signed_name(text: str) -> bool:
    """Return True when ``text`` is a name alone on its line, as a signer writes it ("Ann Pell.",
    "Ann B. Pell", "Ann.")."""
    line = text.strip()
    if len(line.split()) > 5 or "\n" in line or re.search(r"\w[’']s\b", line) or line.endswith(",") or \
            _DEAR_RE.match(line) or \
            any(len(w) > 2 and w.lower().strip(".") in _NOT_NAME for w in line.split()):
        return False  # (an initial "A." is no article)
    return is_name(line) or bool(_SIGNED_NAME_RE.fullmatch(line))


#: the titles written before a name ("Messrs.", "Mrs."), as written
_TITLE_WORDS = frozenset(lexicons.words("titles"))
#: a despatch's or an official letter's header line: sender "to" addressee, the sender under his title or the
#: header dated as received, the date it was received after a dash
#: ("Consul Hale to Earl Pym.—(Received May 2.)", "Vice-Consul Dane to Consul Hale.")
DESPATCH_HEADER_RE = re.compile(rf"^{_HEADER_SENDER}\s(?-i:to)\s+{_HEADER_SENDER}\.?"
                                r"(?:\s*[—–-]+\s*\((?:received|recd?\.)[^)]{0,40}\)\.?)?$", re.I)
#: the head of a paper sent with a numbered despatch: "Inclosure in No. 3.", "Enclosure 2 in No. 14.", "[Inclosure to
#: Letter No. 4.]"
ENCLOSURE_HEAD_RE = re.compile(r"^\[?(?:in|en)closures?\s+(?:\d+\s+|no\.\s*\d+\s+)?(?:in|to)\s+"
                               r"(?:(?:despatch|dispatch|letter)\s+)?no\.\s*\d+\.?\]?\.?$", re.I)
#: a closing run into the last sentence of a letter after a dash: "… trifling.—Yours, &c.,", "—I am, Sir, yours,"
_RUN_IN_CLOSING_RE = re.compile(r"[.!?][”\"’]?\s*[—–-]+\s*(?:yours|i\s+am|i\s+remain|believe\s+me)\b[^.!?]{0,40}"
                                r"(?:,|&c\.,?)$", re.I)
#: a book's section named by a word alone ("PREFACE.", "CONCLUSION."): a heading, never a signer under a closing
SECTION_TITLE_RE = re.compile(rf"^(?:{'|'.join(map(re.escape, lexicons.words('section_titles')))})\.?$", re.I)
#: the title of an editor's text before the papers ("PREFACE", "INTRODUCTORY."): data/lexicon/front_matter_titles.txt
FRONT_MATTER_RE = re.compile(rf"^(?:{'|'.join(map(re.escape, lexicons.words('front_matter_titles')))})\.?$", re.I)
#: the most words of a signer's name or firm printed in capitals under a closing ("CORBRIDGE & SON.", "AN OLD
#: FRIEND.")
SIGNED_CAPITALS_MAX_WORDS = 4


def signature_text(text: str) -> str:
    """Return a signature line as the signer wrote it: without a quoted letter's quotation marks ('"HENRY."') and
    an official copy's "(Signed)" before the name."""
    return re.sub(r"^\(signed\)\s*", "", text.strip().strip("“”\"‘’").strip(), flags=re.I)


#: a writer's initials, two or three capitals without their stops ("EH", "H Y"), as a diplomatic transcription signs
INITIALS_ALONE_RE = re.compile(r"[A-Z](?: ?[A-Z]){1,2}")
#: the marks of two or three capitals that sign nobody: a postscript's, a note's
_NOT_INITIALS_ALONE = frozenset({"PS", "NB", "PPS"})


def signed_under_closing(text: str) -> bool:
    """Return True when ``text``, the line under a closing, signs the letter: a name as a signer writes it, in
    capitals or not, a firm or a pen-name in capitals ("CORBRIDGE & SON.", "A RATEPAYER."), read through the
    quotation marks of a quoted letter ('"HENRY."') and after an official copy's "(Signed)"."""
    line = signature_text(text)
    if not line or NOTE_MARK_RE.fullmatch(line) or NUMBERED_HEAD_RE.match(line) or \
            _SECTION_NUMERAL_RE.match(line) or kind_from_words(line) is not None or \
            SECTION_TITLE_RE.match(line):
        return False
    if signed_name(line) or capitals_name(line):
        return True
    if INITIALS_ALONE_RE.fullmatch(line) and line.replace(" ", "") not in _NOT_INITIALS_ALONE:
        return True  # the writer's initials without their stops, as a transcription keeps them: "EH", "H Y"
    # (a pen-name or a firm is no personal name, but under a closing it is all a line in capitals can be)
    return len(line.split()) <= SIGNED_CAPITALS_MAX_WORDS and is_allcaps(line) and \
        not re.search(r"[^\W\d_]{2,}[.!?]\s+\S", line.rstrip(".")) and bool(re.search(r"[A-Z]{2}", line))


#: an argument: the editor's line of who writes to whom, over a numbered letter ("From A. Pell, at the Mill in Bath,
#: to his son, ...")
ARGUMENT_RE = re.compile(rf"^From\s+(?-i:[{_UP}])[^.!?]{{0,120}}?,?\s+to\s+"
                         rf"(?:(?:his|her|their|the)\s+\w|(?-i:[{_UP}]))")


#: a date line that opens with its place, a comma after it ("Milford, June 3."): a letter's, under its signature
_PLACE_FIRST_RE = re.compile(rf"^[{_UP}][\w'’.-]*(?:\s+[\w'’.-]+){{0,3}},\s")
_MONTH_OR_WEEKDAY_FIRST_RE = re.compile(rf"^(?:{_MONTH_ALT}|{_WEEKDAY})\b", re.I)


def capitals_name(text: str) -> bool:
    """Return True when ``text`` is a signer's name printed in capitals, its given name cut short or not ("THOS.
    OAKLEY", "ANN PELL", "J. PELL"): two to four words, as one word in capitals ("ROME", "III") is as often a
    place or a number as a name."""
    line = text.strip()
    return 2 <= len(line.split()) <= 4 and is_allcaps(line) and signed_name(re.sub(r"\.\s*", " ", line.title()).strip())


_NUM_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th|d)?"
#: a day of the month alone on its line as a number, its stop after it, an editor's bracket round it or not ("10.",
#: "14", "3rd", "[5.", "[6]"), or the days of one entry written over several ("13 and 14.", "14:15:16."); alone it
#: may as well number a paragraph: only a diary's run of entries makes it a day
_BARE_DAY_RE = re.compile(rf"^\[?(?P<d>{_NUM_DAY})(?P<more>(?:\s*(?:and|&|,|:|[-–]|to)\s*{_NUM_DAY})*)\.?\]?\.?$")


def bare_day(text: str) -> tuple[int, int] | None:
    """Return (first day, last day) of the month of a line that is a number of 1 to 31 alone ("10.", "14", "[5.",
    "3rd"), or a few ("13 and 14.", "29:30:31."), else None.

    >>> bare_day("[28."), bare_day("14:15:16.")
    ((28, 28), (14, 16))
    """
    m = _BARE_DAY_RE.match(text.strip())
    if m is None:
        return None
    days = [int(d) for d in re.findall(r"\d+", m.group(0))]
    return days[0], max(days)


def bare_date(text: str) -> re.Match | None:
    """Return the match when ``text`` is a date alone ("January 3", "4th (Sunday).", "5th."), else None."""
    return _BARE_DATE_RE.match(text.strip()) or _WEEKDAY_DAY_RE.match(text.strip())


_LATIN_MONTHS = {w: int(n) for w, n in lexicons.pairs("latin_months")}
_LATIN_WEEKDAYS = {w: int(n) for w, n in lexicons.pairs("latin_weekdays")}
#: a sitting's or a day's head in Latin, as the journals of parliaments and courts and their members' diaries print
#: it: "Die Martis, 3° Maii, 1642.", "Die Veneris, 6° Maii.", "Die Martis." (the day with its ordinal
#: mark, "°", "º" or "o", the month in the genitive)
_LATIN_DAY_HEAD_RE = re.compile(
    rf"^Die\s+(?P<w>{'|'.join(_LATIN_WEEKDAYS)})(?:,?\s+(?P<d>0?[1-9]|[12]\d|3[01])\s*[°ºo]?\.?,?\s+"
    rf"(?P<m>{'|'.join(_LATIN_MONTHS)})(?:,?\s+(?P<y>1\d{{3}}))?)?\s*[.:]?$", re.I)


def latin_day_head(text: str) -> str | None:
    """Return a Latin day head ("Die Martis, 3° Maii, 1642.") written in English for the date reader
    ("Tuesday, 3 May, 1642"), else None.

    >>> latin_day_head("Die Veneris, 6° Maii."), latin_day_head("Die Martis.")
    ('Friday, 6 May', 'Tuesday')
    """
    m = _LATIN_DAY_HEAD_RE.match(text.strip())
    if m is None:
        return None
    out = calendar.day_name[_LATIN_WEEKDAYS[m.group("w").lower()]]
    if m.group("d"):
        out += f", {int(m.group('d'))} {calendar.month_name[_LATIN_MONTHS[m.group('m').lower()]]}"
    return out + (f", {m.group('y')}" if m.group("y") else "")


def roman_month_date(text: str) -> tuple[int, int, int, str] | None:
    """Return (day, month, year as printed, the date as printed) of the first date with its month in small
    roman figures in ``text`` ("3.x.18." -> (3, 10, 18, "3.x.18")), else None: a year of two figures is
    left for the context to give its century.

    >>> roman_month_date("Sunday, 3.xii.1916.")
    (3, 12, 1916, '3.xii.1916')
    """
    m = _ROMAN_MONTH_DATE_RE.search(text)
    if m is None:
        return None
    return int(m.group("rd")), _ROMAN_MONTHS[m.group("rm").lower()], int(m.group("ry")), m.group(0)


def receipt_note(text: str) -> bool:
    """Return True for a note of receipt on its own line ("[Received 2nd May, 1916.]", "Answered 5 June."): the date
    the letter above came or was answered, its foot, not a date line of its own.

    >>> receipt_note("[Received 2nd May, 1916.]"), receipt_note("Received your letter of the 3rd with thanks.")
    (True, False)
    """
    t = text.strip()
    return len(t.split()) <= RECEIPT_NOTE_MAX_WORDS and bool(_RECEIPT_NOTE_RE.match(t)) and bool(FULL_DATE_RE.search(t)
                                                                                            or yearless(t))


def weekday_day(text: str) -> tuple[int, int] | None:
    """Return (weekday, day of the month) of a line that is a weekday and a day alone ("Monday 15", "Fri, 21";
    Monday 0), else None.

    >>> weekday_day("Tues. 5")
    (1, 5)
    """
    m = _WEEKDAY_DAY_RE.match(text.strip())
    if m is None:
        return None
    return weekday_of(m.group("w").rstrip(".,")), int(m.group("d"))


def weekday_alone(text: str) -> int | None:
    """Return the weekday (Monday 0) of a line that names a weekday and no day ("Tuesday.", "5th day.", "Third Day
    morning"), else None.

    >>> weekday_alone("5th day."), weekday_alone("Monday 15")
    (3, None)
    """
    m = _WEEKDAY_ALONE_RE.match(text.strip())
    return weekday_of(m.group("w")) if m else None


def leading_date(text: str) -> re.Match | None:
    """Return the match of a date that opens ``text`` as a diary-entry head, or None (a newspaper's name before
    the date, "The Evening Star, 3 May.", heads a cutting, not an entry)."""
    m = _LEAD_DATE_RE.match(text)
    return None if m is None or m.group("place") and NEWSPAPER_RE.search(m.group("place")) else m


_YEAR_AFTER_RE = re.compile(rf"(?:st|nd|rd|th|d)?,?\s*(?:\d{{3,4}}\b|{_ELIDED})")


def yearless(text: str) -> re.Match | None:
    """Return the first month-and-day written without a year in ``text``, or None."""
    for m in _YEARLESS_RE.finditer(text):
        if _YEAR_AFTER_RE.match(text, m.end()):
            continue  # a full date, or one with its year elided ("May 3, 17—"): parse_date handles it
        return m
    return None


def split_signature(text: str) -> tuple[str, str, str] | None:
    """Return (date part, place part, name) when ``text`` is a signature line, else None.

    A signature is a name alone on a line, possibly after a date and/or a place:
    "J. Bell", "Bristol J. Bell", "March 3, 1790 J. Bell", "G. W.".
    Only initialled names count here; a full name alone is ambiguous with a title
    and is judged by the cascade from its position.
    """
    line = text.strip().rstrip(",")
    if len(line) > 80 or len(line.split()) > 9 or re.search(r"\w[’']s\b", line) or _DEAR_RE.match(line):
        return None  # a possessive heads a text ("Dr. Ord's Reply"), "Dear Mr. Pell." greets: no signer's name
    bare = ROLE_RE.sub("", line).rstrip(",")
    line = _DEGREE_RE.sub("", bare).rstrip(",")
    if line != bare and _PERSON_RE.match(line) and not FULL_DATE_RE.match(line):
        return "", "", line  # a full name with a degree after it is a signer
    if bare != text.strip().rstrip(",.") and "," in text and _PERSON_RE.fullmatch(bare) and \
            not any(w.lower().strip(".") in _NOT_NAME for w in bare.split()):
        return "", "", bare  # "Josiah Pym, Chairman.": a full name with the office it signs in
    if not re.search(r"\b[A-Z]\.$", line):
        line = line.rstrip(".")
    date_part = ""
    m = FULL_DATE_RE.match(line)
    if m:
        date_part, line = m.group(0), line[m.end():].strip(" ,")
    # (the initials begin a word: "VOL. I." is no "L. I." signing at "VO")
    m = re.search(rf"(?<![\w'’])(?P<name>{INITIALS}(?:{_CAP}(?:[\s-]{_CAP})?)?)$", line)
    if not m:
        return None
    name = m.group("name").strip()
    if NOTE_MARK_RE.fullmatch(name):
        return None  # "P.S." and "N.B." open a postscript or a note: no signer's initials
    place = line[:m.start()].strip(" ,")
    if any(w.lower().strip(".") in _NOT_NAME for w in line.split()) or NUMBERED_HEAD_RE.match(text.strip()):
        return None
    if place and _CLOSING_RE.match(place + ","):
        place = ""  # "Yours, J. Bell": the closing written on the signer's line, not where it was written
    if place and not re.fullmatch(rf"[{_UP}][\w'’\-]+(?:[\s-][{_UP}][\w'’\-]+)?", place):
        return None
    if re.fullmatch(r"(?:[A-Z]\.\s*){4,}", name):
        return None  # "A. B. C. D." is a list marker, not a signer
    return date_part, place, name


#: degrees and honours after a signer's name ("Ambrose Kell, M.D."): not initials of a name
_DEGREE_RE = re.compile(r"(?:,?\s+(?:M\.\s?D|D\.\s?D|LL\.\s?[DB]|Ph\.\s?D|F\.\s?R\.\s?S|J\.\s?P|M\.\s?P|K\.\s?C|"
                        r"R\.\s?N|Esq|Bart|M\.\s?A|B\.\s?A)\.?)+$")
ROLE_RE = re.compile(r",?\s+(?:[A-Z][a-z]+\s+)?(?:chairman|chair|secretary|president|clerk|treasurer|commander|captain"
                     r"|general|"
                      r"stationmaster|postmaster|harbourmaster|harbormaster|"
                      r"colonel|major|governor|mayor|editor|director|consul|minister|ambassador|agent|"
                      # (abbreviated: "Capt.", "Lieut.-Col.")
                      + "|".join(map(re.escape, lexicons.words("rank_abbreviations"))) + r")\.?$", re.I)


@dataclass
class Unit:
    """One line (or hard-wrapped paragraph) of the source and what it looks like."""

    start: int
    end: int
    text: str
    gap: int = 0
    tag: str | None = None
    cue: str = "prose"
    #: a thematic break (hr) stood right before this unit
    after_break: bool = False
    #: the unit opens a paragraph (blank line or block start before it)
    para: bool = True
    features: dict = field(default_factory=dict)

    @property
    def n_words(self) -> int:
        """Return the number of whitespace-separated words of the unit."""
        return len(self.text.split())


def _lines(text: str) -> list[tuple[int, int, int]]:
    """Return (start, end, blank lines before) for every non-blank line, ends trimmed of spaces."""
    out, pos, gap = [], 0, 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(stripped), gap))
            gap = 0
        else:
            gap += 1
        pos += len(line) + 1
    return out


def _block_index(blocks) -> tuple[dict[int, str], list[int]]:
    starts: dict[int, str] = {}
    breaks: list[int] = []
    for start, end, tag in blocks:
        if tag == "hr" or end <= start:
            breaks.append(start)
        else:
            starts.setdefault(start, tag)
    return starts, sorted(breaks)


def _tag_at(starts: dict[int, str], spans: list[tuple[int, int, str]], start: int) -> str | None:
    """Return the tag of the block holding offset ``start`` (``spans`` sorted by start)."""
    if start in starts:
        return starts[start]
    i = bisect.bisect_right(spans, (start, float("inf"), "")) - 1
    # blocks do not nest in the reader's output, so the last block starting at or
    # before the line is the only one that can hold it
    if i >= 0 and spans[i][0] <= start < spans[i][1]:
        return spans[i][2]
    return None


#: the settings of the line rules when none are given
_DEFAULT_SETTINGS = SegmentSettings()


def make_units(text: str, blocks=(), settings: SegmentSettings | None = None) -> list[Unit]:
    """Return the units of ``text`` in order, each with its cue and prose features.

    Consecutive prose lines without a blank line between them (a hard-wrapped
    paragraph) become one unit; short cue lines (a date line, a salutation, a
    signature) stay units of their own even inside a paragraph. ``settings`` gives the word counts the line rules
    allow (:class:`~quellen.settings.SegmentSettings`, the defaults when None).
    """
    starts, breaks = _block_index(blocks)
    spans = sorted((b[0], b[1], b[2]) for b in blocks if b[2] != "hr" and b[1] > b[0])
    raw = []
    bi = 0
    for start, end, gap in _lines(text):
        tag = _tag_at(starts, spans, start) if blocks else None
        after_break = False
        while bi < len(breaks) and breaks[bi] <= start:
            after_break = True
            bi += 1
        raw.append(Unit(start, end, text[start:end], gap=gap, tag=tag, after_break=after_break,
                        para=gap > 0 or start in starts or not raw))
    units: list[Unit] = []
    seen_prose = False
    for i, unit in enumerate(raw):
        prev = units[-1] if units else None
        unit.cue = classify(unit, prev, first_prose_seen=seen_prose, nxt=raw[i + 1] if i + 1 < len(raw) else None,
                            settings=settings)
        seen_prose = seen_prose or unit.cue == "prose"
        continuation = (prev is not None and not unit.para and unit.gap == 0 and prev.cue == "prose"
                        and len(prev.text.split("\n")[-1]) >= 45
                        and not prev.text.rstrip(_CLOSERS).endswith(tuple(".!?:")))
        if continuation and unit.cue not in ("separator",):
            unit.cue = "prose"
        if prev is not None and unit.cue == "prose" and prev.cue == "prose" and not unit.para and unit.tag is None:
            units[-1] = Unit(prev.start, unit.end, text[prev.start:unit.end], gap=prev.gap, tag=prev.tag,
                             cue="prose", after_break=prev.after_break, para=prev.para)
            continue
        units.append(unit)
    _image_gap_captions(units)
    _subtitles_between_headings(units, settings or _DEFAULT_SETTINGS)
    _first_numeral_of_a_series(units)
    for unit in units:
        unit.features = prose_features(unit.text) if unit.cue == "prose" else {}
    return units



#: an edition's numbered head over a calendared or printed letter, set in capitals, the editor's date in brackets
#: after it: "47. ANN PELL TO TAMSIN QUILL. [1602, March 4.]", "88. SIR JOHN ORD TO THE LORD ADMIRAL." (calendars
#: of state papers and editions of family letters number their pieces so; the number stands for the document noun)
EDITION_HEAD_RE = re.compile(r"^(?:No\.\s*)?\d{1,4}\.\s+(?P<head>[^a-z\[\]]{3,200}?\s(?-i:TO)\s[^a-z\[\]]{2,200}?)\.?"
                             r"(?:\s*\[(?P<date>[^\[\]]{4,40})\])?\s*$")
#: a manuscript book's folio number alone on its line ("Fo. 413.", "fol. 12v.", "[f. 7]"): of
#: data/lexicon/folio_marks.txt
FOLIO_RE = re.compile(r"^\[?(?:" + "|".join(lexicons.words("folio_marks")) + r")\.?\s*\d{1,4}\s*[rv]?\.?\]?\.?$", re.I)
#: a page's number (or the year a head prints beside it) at either end of a short line: "22  THE DIARY.  [1858.",
#: "1858.]  AT HOME.  23"
_EDGE_NUMBER_RE = re.compile(r"^\W{0,2}\d{1,4}\W{0,2}\s|\s\W{0,2}\d{1,4}\W{0,2}$")
#: the most words of a running head
RUNNING_HEAD_MAX_WORDS = 12
#: words that make a short capitalized line the heading of what follows ("Second Period", "Sixth
#: Narrative", "Xmas Day", "Mrs. Delany's Letters"), not the name of the writer above it
NOT_A_SIGNER_RE = re.compile(r"[’']s\b|\b(?:period|narrative|part|book|chapter|volume|epilogue|prologue|day|"
                             r"journal|diary|letters?|statement|story|notes?|appendix|introduction|preface)\b",
                             re.I)
#: a section's number is no page's: "CHAPTER 12", "LETTER 3"
_SECTION_WORDS = frozenset(lexicons.words("section_words"))


#: a record society's calendar head over the paper it numbers: "12. Information of A, of B, carrier, touching a
#: horse stolen. 2 October, 1771.", "13. Order upon the said information.", "14. Letter from the Rev. A to the Clerk.",
#: "15. Extract of a Letter from A, dated B, 3rd May, 1771."
_CALENDAR_NOUNS = "|".join(lexicons.words("calendar_documents"))
#: a paper printed in part or at second hand: "Extract of", "Copy of" (data/lexicon/extract_words.txt)
_EXTRACT_OF = r"(?:(?:" + "|".join(lexicons.words("extract_words")) + r")\s+of\s+)?"
#: a dealer's or a sale's catalogue of autograph letters heads each lot with its number and the writer, the surname
#: first in capitals, the given name and the rank or calling in brackets: "112. PELL (Sir John, Admiral). A.L.S. ..."
#: (the paper described right after, data/lexicon/lot_descriptions.txt: a numbered list of things in capitals,
#: "12. ROBIN (Redbreast). Common in ...", is no catalogue of letters)
LOT_HEAD_RE = re.compile(r"^\d{1,4}\.\s+(?P<surname>[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,2})\s+"
                         r"\((?P<given>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:,\s*[^()]{1,80})?\)\.\s*(?i:(?:\d+|"
                         + "|".join(re.escape(w) for w, _ in lexicons.pairs("number_words") if " " not in w)
                         + r")\s+)?(?i:"
                         + "|".join(re.escape(w) for w in sorted(lexicons.words("lot_descriptions"), key=len,
                                                                 reverse=True))
                         + r")(?![\w])")
CALENDAR_HEAD_RE = re.compile(rf"^\d{{1,4}}\.\s+{_EXTRACT_OF}(?:(?:the|an?)\s+)?(?:{_CALENDAR_NOUNS})s?"
                              r"\s+(?:of|from|upon|on|to|by|against|for|touching|concerning)\s+\S|"
                              + "(?-i:" + LOT_HEAD_RE.pattern + ")",
                              re.I)


def fold_running_heads(units: list[Unit], settings=None) -> tuple[list[Unit], list[tuple[int, int]]]:
    """Return (the units without the running heads a scanned book's text kept, their spans).

    A running head is a short line in capitals with a number at one end (the page's, "22  THE DIARY.  [1858.")
    that the PDF reader would have dropped as one (:func:`~quellen.ingest.pdf.running_pages`: its shape, digits
    masked, recurs line after line and its number runs with them); left in a plain text between paragraphs, or
    in the middle of one, it would open a document of its own and cut an entry in two. Each is folded into the
    unit before it (whose span then covers it, its text unchanged), so nothing is lost; its year is still the
    context of the entries around it (the spans go to the year reader).
    """
    from ..ingest.pdf import running_pages
    candidates = [i for i, u in enumerate(units)
                  if u.n_words <= RUNNING_HEAD_MAX_WORDS and _EDGE_NUMBER_RE.search(u.text)
                  and is_allcaps(_EDGE_NUMBER_RE.sub(" ", u.text)) and not NUMBERED_HEAD_RE.match(u.text)
                  # (an edition's numbered head, "88. SIR JOHN ORD TO THE LORD ADMIRAL.", numbers a paper, no page)
                  and not EDITION_HEAD_RE.match(u.text.strip())
                  and u.text.split()[0].lower().strip(".") not in _SECTION_WORDS]
    # a manuscript book's folio number between two copies ("Fo. 413.") marks the leaf, as a page's head does
    folios = {i for i, u in enumerate(units) if i and FOLIO_RE.match(u.text.strip())}
    if len(candidates) < 2 and not folios:
        return units, []
    found = folios | ({candidates[k] for k in running_pages([units[i].text for i in candidates], settings)}
                      if len(candidates) >= 2 else set())
    out: list[Unit] = []
    spans = []
    for i, unit in enumerate(units):
        if i in found and out:
            out[-1] = replace(out[-1], end=unit.end)
            spans.append((unit.start, unit.end))
            continue
        out.append(unit)
    return out, spans


def _subtitles_between_headings(units: list[Unit], s: SegmentSettings) -> None:
    """Give the heading cue to a short one-sentence line standing between two heading lines.

    A book's heading block runs over several lines, some of them sentences ("Third Part" /
    "The events told in two accounts." / "First Account"): such a line is part of the
    heading, not the first paragraph of a text (which would end the heading and open a text of one
    line), nor page furniture ("Taken from an old family book."). A name of one or two words under a
    valediction ("Anne Pell.") is the signature of the letter above, and a line in capitals between a
    telegram's addressee and its signer is the telegram's text: both stay what they were.
    """
    for i in range(1, len(units) - 1):
        unit, prev, nxt = units[i], units[i - 1], units[i + 1]
        if unit.cue not in ("prose", "attribution") or prev.cue != "heading" or nxt.cue != "heading":
            continue
        own = unit.text.strip()
        if "\n" in own or not 3 <= len(own.split()) <= s.subtitle_max_words or _FIRST_SING.search(own) or \
                is_allcaps(own) or \
                re.search(r"[.!?]\s+[A-Z“\"]", own) or own[:1] in "“\"'‘":
            continue
        unit.cue = "heading"


def _first_numeral_of_a_series(units: list[Unit]) -> None:
    """Give the heading cue to an "I." alone that a text numbering its letters or sections ("II.", "III." alone
    on their lines further on) starts its series with, over a head ("I." / "FROM OUR CORRESPONDENT."): under a
    prefatory note's last paragraph it numbers the first letter, it does not sign the note. Where no "II."
    follows, or a numeral has headed something before it, or a paragraph follows it, "I." stays what its line
    cue made it (a writer's initial)."""
    numerals = [i for i, u in enumerate(units) if _SECTION_NUMERAL_RE.match(u.text.strip())]
    if not numerals or units[numerals[0]].text.strip() != "I." or units[numerals[0]].cue == "heading":
        return
    i = numerals[0]
    nxt = units[i + 1] if i + 1 < len(units) else None
    if nxt is not None and nxt.cue in ("heading", "byline", "dateline", "salutation", "addressee") and any(
            units[j].text.strip() == "II." and units[j].cue == "heading" for j in numerals[1:]):
        units[i].cue = "heading"


#: a subject and its verb inside what reads as a greeting up to its mark: the words are a sentence, not a greeting
_GREETING_SENTENCE_RE = re.compile(r"\s(?-i:I)\s+(?:was|am|have|had|could|shall|will|would|never|do|did)\b", re.I)
_SPEECH_VERBS = "|".join(w.replace(" ", r"\s+") for w in lexicons.words("speech_tag_verbs"))
#: a tag giving the words before it to a speaker or a writer in the story, right after a greeting or a valediction:
#: "the doctor began,", "said his wife at the door,", "she wrote at last," (not the writer's own "I said", nor "your
#: letter said that ...")
_SPEECH_TAG_RE = re.compile(rf"\s*(?:(?!(?-i:I)\s|we\s|you\s)[\w'’.]+\s+){{0,3}}?(?:{_SPEECH_VERBS})\b"
                            r"(?:[^,.!?;:“”\"]|(?<=Mr)\.|(?<=Mrs)\.|(?<=Dr)\.|(?<=St)\.){0,60},", re.I)
#: the same tag ending the line: "Farewell, he said."
_SPEECH_TAG_END_RE = re.compile(_SPEECH_TAG_RE.pattern[:-1] + r"[.!]?[”\"’]?\s*$", re.I)
#: the words of a possible salutation, up to the mark that ends it: "Dear Sir" in "Dear Sir. At the gates"
_SALUTATION_WORDS_RE = re.compile(r"[^\W\d_][\w'’]*(?:[ \t]+[\w'’.]+){0,4}?(?=[ \t]*[,.!:—])")
#: a text quoted in the run of a paragraph, after a colon: "... to the President: “Dear Sir. ..."
_QUOTED_AFTER_COLON_RE = re.compile(r":\s*[“\"«„]")


def salutation_span(text: str, at: int = 0) -> tuple[int, int] | None:
    """Return (start, end) in ``text`` of the words of the salutation that opens it at ``at`` ("Dear Sir",
    "Your Majesty": read through an opening quotation mark, without the mark that ends them), or None.

    The words are one of the forms of a salutation line, whatever mark ends them ("Dear Sir." too).

    >>> text = "Your Majesty!"
    >>> text[slice(*salutation_span(text))]
    'Your Majesty'
    """
    i = at
    if text[i:i + 1] in "“\"‘«„":
        i += 1
        while text[i:i + 1] in (" ", "\t"):
            i += 1
    m = _SALUTATION_WORDS_RE.match(text, i)
    if m is None:
        return None
    words = m.group(0)
    if not _SALUTATION_RE.match(words + ",") or _CLOSING_RE.match(words + ","):
        return None
    return m.start(), m.end()


def salutations(unit: Unit) -> list[tuple[int, int]]:
    """Return the source spans of the salutations a unit holds: a salutation line, the salutation opening a
    paragraph ("Dear Anna, you ..."), and that of a letter quoted in the run of a paragraph after a colon
    ("... handed him this: “Dear Sir. At the gates ..."), for a copy whose head differs to be seen."""
    spans = []
    if unit.cue == "salutation" or (unit.cue == "prose" and unit.features.get("salute")):
        spans.append(salutation_span(unit.text))
    if unit.cue == "prose":
        spans += [salutation_span(unit.text, m.end() - 1) for m in _QUOTED_AFTER_COLON_RE.finditer(unit.text)]
    return [(unit.start + a, unit.start + b) for a, b in (s for s in spans if s)]


def _terminal(text: str) -> str:
    stripped = text.rstrip(_CLOSERS + " ")
    return stripped[-1] if stripped else ""


def is_allcaps(text: str) -> bool:
    """Return True when at least 80% of the text's letters (three or more) are capitals."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


#: a year as a chronological edition or a chronicle heads its sections: "B.C. 67", "67 B.C.", "A.D. 1066", "1887"
_ERA = r"(?:b\.\s*c\.(?:\s*e\.)?|a\.\s*d\.)"
_YEAR_HEAD_RE = re.compile(rf"(?:{_ERA}\s*\d{{1,4}}|\d{{1,4}}\s*{_ERA}|1?\d{{3}})(?=[.\s]|$)", re.I)


def _letter_body(text: str, greeting: str) -> bool:
    """Return True when ``text``, the paragraph (or its first line) under a greeting written without its comma, reads
    as a letter's first paragraph (:data:`_LETTER_BODY_RE`) in the writer's own words: what a character says in the
    story ("“No, not like that,” …", its closing mark on a later line) is no letter's, unless the greeting is quoted
    too."""
    if text.lstrip()[:1] in "“\"‘" and greeting.lstrip()[:1] not in "“\"‘":
        return False
    return bool(_LETTER_BODY_RE.search(strip_quotes(text)))


def _told(line: str) -> bool:
    """Return True when a speech tag follows the first comma of ``line`` ("Yours ever, she wrote at last, and sealed
    it", "Farewell, he said."): a valediction written or said by someone in the story, not a letter's own."""
    comma = line.find(",")
    return comma >= 0 and bool(_SPEECH_TAG_RE.match(line, comma + 1) or _SPEECH_TAG_END_RE.match(line, comma + 1))


def _greeting_alone(line: str) -> bool:
    """Return True when ``line`` is a salutation and nothing more ("Esteemed friend,", "Beloved friend", "My dear
    Sir,—"), not a paragraph that opens with a greeting ("Gentlemen, the doctor began, we are few ...": a speech
    told, or a letter's first words run on after its greeting)."""
    line = line.strip()
    m = _SALUTATION_RE.match(line)
    return bool(m and not line[m.end():].strip(" —–-") or _BARE_SALUTATION_RE.match(line))


def _year_head(text: str) -> bool:
    """Return True for a year marked with its era alone on its line ("B.C. 67.", "67 B.C."), or a year followed
    after its stop by a short note of names, as an edition prints it in the margin over the year's letters
    ("B.C. 67. Coss., C. Calpurnius Piso, M. Acilius Glabrio.", "1912. Cape Adare.")."""
    m = _YEAR_HEAD_RE.match(text)
    if not m:
        return False
    rest = text[m.end():]
    if re.fullmatch(r"\.?", rest):
        return not m.group().isdigit()  # an unmarked year alone is a date line (classify)
    words = rest[1:].split() if rest.startswith(". ") else []
    # the note names people or places: its words capitalized or initials, no sentence
    return 0 < len(words) <= 10 and text.endswith(".") and \
        sum(w[:1].isupper() for w in words) >= max(2, len(words) - 1)


#: the clause that dates a proclamation or a deed at its foot, over its signature ("Given under my hand at the
#: Guildhall, this 14th day of March, 1798."): a line opening with one of the words of data/lexicon/dating_clauses.txt
#: (of at most ``segment.dating_clause_max_words`` words)
_DATING_CLAUSE_RE = re.compile(r"^(?:" + "|".join(re.escape(w) for w in lexicons.words("dating_clauses")) + r")\b",
                               re.I)

#: the acclamation under a proclamation's signature (data/lexicon/acclamations.txt)
_ACCLAMATION_RE = re.compile("|".join(re.escape(w) for w in lexicons.words("acclamations")), re.I)


def classify(unit: Unit, prev: Unit | None, first_prose_seen: bool, nxt: Unit | None = None,
             settings: SegmentSettings | None = None) -> str:
    """Return the cue of one line, from the line alone, its block tag and its neighbour above.

    The checks go from the most specific shape to the least, so that a date line
    is not taken for a title and a signature not for a heading; ``settings`` gives the most (or fewest) words each
    allows (the defaults when None).
    """
    s = settings or _DEFAULT_SETTINGS
    cue = _classify(unit, prev, first_prose_seen, nxt, s)
    if prev is not None and not unit.para and prev.cue == "closing" and \
            len(unit.text.split()) <= s.valediction_line_max_words and (
                cue in ("salutation", "heading", "addressee") or cue == "prose" and unit.text.rstrip().endswith(",")):
        # a valediction set over several lines with no blank between them ("I am," / "My Lord," / "Your Grace's
        # faithful" / "servant,"): its lines are the closing's, neither a greeting nor a title (the name under them
        # is read as a signature is)
        return "closing"
    return cue


def _classify(unit: Unit, prev: Unit | None, first_prose_seen: bool, nxt: Unit | None,
              s: SegmentSettings) -> str:
    """Return the cue of one line as :func:`classify` reads it, the lines of a valediction aside."""
    text = unit.text
    n = len(text.split())
    tag = unit.tag or ""
    # a line inside a paragraph (no blank line above it, prose above) or opening a
    # hard-wrapped one can only be a short cue line, never a title or an addressee
    in_para = prev is not None and not unit.para and prev.cue == "prose"
    wraps_on = nxt is not None and not nxt.para and len(text) >= 50 and not is_allcaps(text)
    if _SEPARATOR_RE.match(text) or tag == "hr":
        return "separator"
    if contents_entry(text) and any(u is not None and contents_entry(u.text) for u in (prev, nxt)):
        return "prose"  # an entry of a contents list (one of two or more): the list's, never a title of its own
    if tag in ("caption", "figcaption"):
        return "caption"
    if n <= 30 and (_SITE_CAPTION_RE.match(text) or _CREDIT_RE.match(text)):
        return "caption"
    if n <= 60 and _ATTRIBUTION_RE.search(text):
        return "attribution"
    if n <= 40 and _FIG_CAPTION_RE.match(text):
        return "caption"
    if n <= 14 and TELEGRAPH_FORM_RE.match(text) and (_CLOCK_RE.search(text) or FULL_DATE_RE.search(text)):
        # the office's stamp on a telegram: its date line when it holds the date, else a form line
        return "dateline" if FULL_DATE_RE.search(text) else "mark"
    date_m = FULL_DATE_RE.search(text)
    if date_m and not in_para and web_byline(text):
        # "By Ann Pell · 3 May 2021, 16:20" under a headline: the article's byline and date, its head
        return "dateline"
    if date_m and n <= 10:
        rest = (text[:date_m.start()] + " " + text[date_m.end():]).strip(" ,.;:-–—|")
        rest_words = rest.split()
        if not first_prose_seen and re.search(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|\d:\d\d", text):
            return "stamp"
        if prev is not None and (prev.cue == "signature" or _FORM_LABEL_RE.match(prev.text)) and \
                re.match(r"date\b", text, re.I):
            # a printed form's "Date 3.x.18." under the sender's name, or under the form's other printed labels
            # ("NAME: A. Hale, Pte." / "DATE: 3/6/42."): the form's date line
            return "dateline"
        if _STAMP_PREFIX_RE.match(text):
            return "stamp"
        sig = split_signature(text)
        if sig and sig[2]:
            return "signature"
        # "On 2 March 1793 the agent arrived." is a short sentence, not a date line
        sentence = re.match(r"^(?:on|in|by|since|until|after|before)\s", text, re.I) and \
            re.search(r"\b[a-z]{3,}\b", text[date_m.end():])
        if len(rest_words) <= 4 and not re.search(r"\b(?:is|was|were|are|had|has)\b", rest) and not sentence:
            return "dateline"
        place = text[:date_m.start()].strip()
        if place.endswith(",") and len(rest_words) <= 6 and not text[date_m.end():].strip(" .") and all(
                w[:1].isupper() or w in _PLACE_LINE_WORDS for w in place.replace(",", " ").split()):
            # "CAMP ON THE RIVER ROAD, MD., June 9, 1862.": a longer place, then the date closing the line
            return "dateline"
    if date_m and not in_para and n <= s.long_place_dateline_max_words and not text[date_m.end():].strip(" .,") and \
            text[:1].isupper() and nxt is not None and _greeting_alone(nxt.text) and \
            not _DATE_IN_PHRASE_RE.search(text[:date_m.start()]) and \
            not _FIRST.search(text) and \
            not re.search(r"\b(?:is|was|were|are|had|has|have|wrote|written)\b", text, re.I):
        # "Kent County in the state of Wessex near Dover the 14th of the 3rd month 1806" over "Dear friend": a
        # long place written out before the date, the letter's date line (the salutation under it says so)
        return "dateline"
    yearless_m = yearless(text) if not date_m and n <= 8 and prev is not None and prev.cue == "byline" else None
    if yearless_m and not text[yearless_m.end():].strip(" .") and text[:yearless_m.start()].rstrip().endswith(",") \
            and not NEWSPAPER_RE.search(text[:yearless_m.start()]) and all(w[:1].isupper() or w in _PLACE_LINE_WORDS
                    for w in text[:yearless_m.start()].replace(",", " ").split()):
        # "CAMP, NEAR ASHFORD, May 2." under a byline: a place of one part or more, then a date without its year
        # closing the line, as a newspaper dates its correspondent's letters (the year is the paper's; a newspaper's
        # own name and date, "The Evening Star, 3 May.", heads a cutting; elsewhere "ROME, 13 MAY" in capitals
        # may title a letter dated at its foot)
        return "dateline"
    if prev is not None and prev.cue == "signature" and _ACCLAMATION_RE.fullmatch(text.strip(" .!")):
        return "closing"  # "GOD SAVE THE KING." under a proclamation's signature ends it
    if date_m and n <= s.dating_clause_max_words and _DATING_CLAUSE_RE.match(text) and re.search(r"\d{4}", text) \
            and nxt is not None and (split_signature(nxt.text)
                                     or signed_name(nxt.text) and not text[date_m.end():].strip(" .")):
        # "Given under my hand ..., this 14th day of March, 1798." over the signature; a letter's "Written at Ashby the
        # 3rd of May 1790" (its date closing the line) over the name alone
        return "dateline"
    if re.fullmatch(r"(?:anno\s+|a\.\s*d\.\s*)?1?\d{3}\.?", text, re.I):
        return "dateline"  # a year standing alone heads the entries under it
    if roman_year(text):
        return "prose"  # the imprint's year ("MDCCLXXXV.") is the title page's last line: it heads nothing
    if not in_para and _year_head(text):
        return "heading"  # a year marked with its era, or with a note: a chronological section's head
    # a quoted document prints an opening quotation mark before each of its paragraphs ("“9 May.",
    # "“My dearest Lucy—"): its date line and salutation are read through it
    # (a quoted document's last paragraph closes the quotation: "“Bath, June 2nd.”")
    bare = text[1:].lstrip() if text[:1] in "“\"‘" and not re.search(r"[”\"’]", text[1:].rstrip("”\"")) else text
    # (a plain-style month takes three or four words: "11 of the Fifth Month."; a plain-style weekday and its day of
    # the month up to seven, "7th day & 15th of mo")
    if n <= 6 and latin_day_head(bare):
        return "dateline"  # "Die Martis, 3° Maii, 1642.": a sitting's day in Latin
    if (n <= 4 or n <= 7 and re.search(PLAIN_MONTH, bare)) and _BARE_DATE_RE.match(bare) or \
            n <= 7 and _WEEKDAY_DAY_RE.match(bare):
        return "dateline"  # "January 3", "4th (Sunday).", "Tuesday 12th", "Monday 15": an entry's date alone
    if n <= 6 and prev is not None and prev.cue == "dateline" and _PLACE_WEEKDAY_RE.match(bare):
        return "dateline"  # "Bertram House Friday." under "11 Feb. 1820": the place and day the letter is written
    lead = leading_date(bare) if n <= 8 else None
    # (a year-first head is a full date, a date line whatever closes it, as "December 23, 1857.—" is)
    if lead and (_terminal(bare) in (".", "", ":") or lead.group("year_first")) and not _BIO_LEAD_RE.match(bare):
        # (a quoted one-line message, "“2 June.—Mother better.”", is a telegram, not a date line)
        if len(bare[lead.end():].split()) <= 4 and not (bare is not text and text.endswith(("”", "\""))
                                                         and re.search(r"[^\W\d_]", bare[lead.end():])):
            return "dateline"
    if n <= 6 and _MARK_RE.match(text):
        return "mark"
    if n <= 7 and not in_para and ENCLOSURE_HEAD_RE.match(text):
        return "heading"  # "Inclosure in No. 3.": the head of a paper sent with a despatch, a document of its own
    if n <= s.despatch_header_max_words and not in_para and DESPATCH_HEADER_RE.match(text) and \
            (text.split()[0] in _TITLE_WORDS or re.search(r"\((?:received|recd?\.)", text, re.I)) and \
            not re.search(r"\b(?:is|was|were|are|had|has|have|went|came|wrote|sent)\b", text):
        return "heading"  # "Consul A. Hale to Earl Pym.—(Received May 2.)": a despatch's header, who to whom
    if n <= 10 and _SALUTATION_RE.match(bare) and _terminal(bare) in (",", "!", ":", "", "—") and not \
            _CLOSING_RE.match(bare):
        return "salutation"
    # a salutation whose comma the transcriber set on a line of its own ("Dear Father" / ","): the two lines greet
    if n <= 10 and nxt is not None and nxt.text.strip() in SALUTATION_MARKS and \
            _SALUTATION_RE.match(bare + nxt.text.strip()) and not _CLOSING_RE.match(bare):
        return "salutation"
    if text.strip() in SALUTATION_MARKS and prev is not None and prev.cue == "salutation":
        return "salutation"
    if not in_para and _BARE_SALUTATION_RE.match(bare) and nxt is not None and nxt.para and \
            nxt.n_words >= s.bare_salutation_min_body_words and not _SALUTATION_RE.match(nxt.text.strip()) and \
            (prev is not None and prev.cue in ("dateline", "closing", "signature") or _letter_body(nxt.text, bare)):
        # (over a paragraph that greets again, "My dear Jane—I write …", the line heads the letter as a title does;
        # over a narrator's paragraph, "She looked at the two words …" or "My father was a tall man …", it is the
        # words a character writes or a chapter's title: under no date line and no letter's foot, the greeting is a
        # letter's only where its first paragraph speaks to the reader or writes in the present, "Thy letter came
        # safe …", "I take up my pen …")
        return "salutation"  # "Dear friend" over the letter's first paragraph: its salutation, the comma unwritten
    if prev is not None and prev.cue == "prose" and _BARE_SALUTATION_RE.match(bare) and nxt is not None and \
            nxt.para and nxt.n_words >= s.bare_salutation_min_body_words and not _letter_body(nxt.text, bare):
        return "prose"  # "Dear Mother" between a narrator's paragraphs: what a character writes, in the story
    under_head = prev is not None and prev.cue == "heading" and bool(DESPATCH_HEADER_RE.match(prev.text.strip()))
    if not in_para and n <= 5 and (_PLACE_MONTH_RE.match(bare) and (
            under_head or (nxt is not None and _SALUTATION_RE.match(nxt.text.strip())))
            or under_head and _PLACE_ALONE_RE.match(bare)):
        return "dateline"  # "Ashby Lodge, March," or "Ashby." under "JOHN HALE to MARY PYM.": where it was written
    if n <= 5 and not in_para and _terminal(bare) == "." and prev is not None and prev.cue == "dateline" and \
            _SALUTATION_RE.match(bare.rstrip(". ") + ",") and not _CLOSING_RE.match(bare):
        return "salutation"  # "My dear Ann." under the date line greets as "My dear Ann," does
    if n <= s.inside_address_max_words and text.endswith(",") and nxt is not None and not nxt.para and \
            text.split()[0] in _TITLE_WORDS and not _SALUTATION_RE.match(text) and \
            _SALUTATION_RE.match(nxt.text.strip()) and len(nxt.text.split()) <= 4:
        return "addressee"  # "Messrs. Hale & Pym," over "Gentlemen,": the inside address over the salutation
    if n <= 3 and text.endswith(",") and prev is not None and prev.cue == "addressee" and \
            all(w[:1].isupper() for w in text.split()):
        return "salutation"  # "SIR," or "MRS PELL," under "To Dr PELL, at Bath.": whom the letter greets
    if n <= 6 and text.endswith(",") and nxt is not None and (not nxt.para and (
            re.fullmatch(rf"{FULL_DATE_RE.pattern}\.?", nxt.text.strip(), re.I) or (
                (is_allcaps(text) or not _CLOSING_RE.match(text) and (prev is None or prev.cue != "closing"))
                and classify(nxt, unit, True, settings=s) == "dateline"))
            # (a paragraph apart, "At the Front," over "Monday, 3.x.18.": a short date line with its year)
            or nxt.para and nxt.n_words <= 3 and FULL_DATE_RE.search(nxt.text) and re.search(r"\d\d", nxt.text)
            and classify(nxt, unit, True, settings=s) == "dateline") and \
            all(w[:1].isupper() or w[:1].isdigit() or w in _PLACE_LINE_WORDS
                for w in text.rstrip(",").replace(",", " ").split()):
        # "Mill Lane, Brannockford," above "20th March 1862.": the date line's place; so is a ship's and its
        # station ("H.M.S. Swift, off the Lizard,") or a house's ("Rugby School," over "Sunday."), over a date
        # line of any form (a valediction, "Yours," over the date, is no place; nor is the name signed under one,
        # "Believe me ever yours," / "Henry Vane," / "Thursday.")
        return "dateline"
    if not in_para and _SECTION_NUMERAL_RE.match(text) and (prev is None or prev.cue != "closing") and (
            len(text.rstrip(".")) > 1 or prev is None or prev.cue in ("heading", "signature", "separator")
            or (nxt is not None and nxt.para and _SALUTATION_RE.match(nxt.text.strip()))):
        # "II." alone numbers the section or letter under it: no initial signing, no sentence; a single letter
        # ("I.", "L.") only where no letter is open above it, since under a valediction or a letter's last
        # paragraph it is the writer's initial
        return "heading"
    if prev is not None and prev.cue == "heading" and NUMBERED_HEAD_RE.match(prev.text) and nxt is not None and \
            ARGUMENT_RE.match(text) and classify(nxt, unit, True, settings=s) in ("dateline", "salutation"):
        # a numbered letter's argument ("No. 4" / "From A, at Bath, to his son. Mr. B has just ...") over its date
        # line or salutation: the editor's summary is part of the letter's head, as its header would be
        return "heading"
    if in_para or wraps_on:
        if n <= 16 and _CLOSING_RE.match(bare) and _terminal(bare) in (",", ".", "!", "") and not _told(bare):
            return "closing"
        if n <= 9 and split_signature(text):
            return "signature"
        return "prose"
    if n <= s.closing_end_max_words and _CLOSING_END_RE.search(bare) and nxt is not None and signed_name(nxt.text) \
            and prev is not None and prev.cue in ("prose", "closing") and not _THIRD.search(bare) and \
            not re.search(r"\b[a-z]+ed\b", bare):
        # (a narrator's sentence of someone else, "For forty years he served the family faithfully.", over the
        # next section's name heading, is no valediction)
        # "I remain" or "To thee and thine affectionately" under the letter's last paragraph, over a name alone:
        # the valediction, its "yours" left unsaid ("To thee" is no addressee here)
        return "closing"
    if n <= s.closing_end_max_words and nxt is not None and signed_name(nxt.text) and prev is not None and \
            prev.cue == "prose" and prev.para and _terminal(bare) not in (".", "!", "?", ";", ":") and \
            _SECOND.search(bare) and not _ADDRESSEE_RE.match(text) and not _SALUTATION_RE.match(bare):
        # a wish or a greeting said to the reader under the letter's last paragraph, with no stop, over a name alone
        # ("Peace and health be with thee" / "thy love," / "& to thee Sister & the boys, renewedly,"): the
        # valediction in the writer's own words, the name under it the signature
        return "closing"
    if n <= 30 and _ADDRESSEE_RE.match(text) and _terminal(text) not in (".", "?", ":", ";") or \
            (n <= 30 and _ADDRESSEE_RE.match(text) and text.endswith(".") and text.count(".") <= 3 and n <= 12
             and not re.search(r"\b(?:is|was|are|were|have|has|had|will|would)\b", text)):
        return "addressee"
    if n <= 16 and (_CLOSING_RE.match(bare) and _terminal(bare) in (",", ".", "!", "") and not _told(bare)) or \
            (n <= 25 and _POLITE_CLOSE_RE.search(text) and _FIRST.search(text)):
        return "closing"
    # a valediction printed without its comma ("With much love and a kiss", "Good-by") over a name
    # line, or over the rest of the valediction ("Ever my dear Sir" / "Most sincerely yours"): the
    # letter's closing
    if n <= 16 and _CLOSING_RE.match(text) and nxt is not None and (
            signed_name(nxt.text) or capitals_name(nxt.text) or signed_under_closing(nxt.text.strip())
            or (not nxt.para and _CLOSING_RE.match(nxt.text.strip()))):
        return "closing"
    # a closing sentence of many words ending in "thy affectionate cousin" over a name line closes the letter too
    if n <= s.closing_sentence_max_words and _CLOSING_TAIL_RE.search(text) and nxt is not None and \
            signed_name(nxt.text):
        return "closing"
    if n <= s.closing_sentence_max_words and _CONCLUDE_RE.match(bare) and nxt is not None and signed_name(nxt.text):
        return "closing"
    if prev is not None and prev.cue == "closing" and signed_under_closing(bare):
        return "signature"
    # a letter's last paragraph that ends in the writer's relation to the reader ("… is the wish of thy affectionate
    # friend") over a name alone: the valediction is run into the paragraph, the name signs it
    if prev is not None and prev.cue == "prose" and prev.para and _CLOSING_TAIL_RE.search(prev.text.rstrip()) and \
            not in_para and signed_name(bare):
        return "signature"
    # a closing run into the letter's last sentence ("… would be trifling.—Yours, &c.,") over a name or a pen-name
    if prev is not None and prev.cue == "prose" and _RUN_IN_CLOSING_RE.search(prev.text.rstrip()) and \
            signed_under_closing(bare):
        return "signature"
    # the signer's office on the line under his name and its comma ("THOS. BUDGE," / "Surveyor to the Board.")
    if prev is not None and prev.cue == "signature" and prev.text.rstrip().endswith(",") and not unit.para and \
            n <= s.signer_office_max_words and text[:1].isupper() and not FULL_DATE_RE.search(text) and \
            not re.search(r"\b(?:is|was|were|are|had|has|have|I|we)\b", text):
        return "signature"
    if prev is not None and n <= 4 and text.endswith(",") and _DEAR_RE.match(prev.text) and \
            signed_name(text.rstrip(",")) and len(prev.text.split()) <= 4:
        return "salutation"  # "Dear Cousin" / "A. B.,": the name the greeting goes on with, not a signer
    if n <= 9 and split_signature(text):
        return "signature"
    if n <= 4 and "—" in text and _SIGNED_NAME_RE.fullmatch(text.strip()):
        return "signature"  # a name an editor blanked after its initial ("W. D—N."): a signer, never a title
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return "byline" if byline(text) else "heading"
    if n <= 20 and byline(text):
        return "byline"
    if n <= 8 and _CORRESPONDENT_BYLINE_RE.match(text):
        return "byline"  # "FROM OUR SPECIAL CORRESPONDENT.": a newspaper's byline, in capitals or not
    # a numbered letter's head with its header may run longer, the addressee's address after it ("LETTER XI. A. Hale
    # to the Rev. Mr. Dale, at Upton, near Ware, in Hertfordshire."): its pattern bounds it
    if n <= 16 and NUMBERED_HEAD_RE.match(text) or NUMBERED_HEADER_RE.match(text) or numbered_summary_head(text):
        return "heading"
    if n <= s.calendar_head_max_words and not in_para and CALENDAR_HEAD_RE.match(text) and nxt is not None:
        return "heading"  # "12. Information of A, of B, carrier, ...": the calendar's head over the paper
    if n <= s.lot_head_max_words and not in_para and LOT_HEAD_RE.match(text):
        return "heading"  # "112. PELL (Sir John, Admiral). A.L.S. ...": a lot described in its own head
    if n <= 3 and re.fullmatch(r"\[(?:no\.|number)\s*(?:[ivxlcdm]+|\d+)\.?\]\.?", text, re.I):
        return "heading"  # "[No. 11.]": an editor's number over the document, in his brackets
    if n >= 3 and (TELEGRAPHIC_RE.search(text) or first_prose_seen and len(_CAPS_STOP_RE.findall(text)) >= 2 and (
            not unit.para or (nxt is not None and not nxt.para))) and is_allcaps(text):
        # a telegram's message is written in capitals, but it is no title: "STOP" between its sentences, or
        # the stops alone ("ROOF FELL IN. NOBODY HURT. SEND CARPENTER."), once the text's prose has begun, on a
        # line of the telegram's paragraph (its address above, its signer under it); a newspaper's headline in
        # capitals ("FIRE AT THE MILL. TWO MEN HURT.") stands alone over its article
        return "prose"
    # a name in capitals under a letter's last paragraph, over the place and date it was written from ("THOS.
    # OAKLEY" / "Milford, June 3."), signs the letter: a heading stands over prose, not over a date line
    if prev is not None and prev.cue == "prose" and nxt is not None and capitals_name(text) and \
            kind_from_words(text) is None and not _DOC_NOUN_SET & {w.lower().strip(".") for w in text.split()} and \
            classify(nxt, unit, True, settings=s) == "dateline" and _PLACE_FIRST_RE.match(nxt.text.strip()) and \
            not _MONTH_OR_WEEKDAY_FIRST_RE.match(nxt.text.strip()):
        return "signature"
    if n <= 20 and is_allcaps(text) and not text.endswith(","):
        return "heading"
    if 3 <= n <= 20 and is_allcaps(text) and not first_prose_seen and nxt is not None and is_allcaps(nxt.text) and \
            not nxt.text.rstrip().endswith(",") and len(nxt.text.split()) <= 20:
        return "heading"  # a title in capitals broken after its comma ("THE DIARY OF A. B.," / "KNIGHT, OF C.")
    # a document's own header ("Letter, A to B.", "Telegram from A to B.", "Memorandum by A."), a series
    # heading ("A's Journal.", "The Narrative of A.") or a newspaper's name and date heads a document
    # even with a full stop after it
    if n <= 14 and _DOC_HEADER_RE.match(text) and not re.search(r"\b(?:is|was|were|are|had|has|have)\b", text) or \
            n <= 25 and len(text) <= 200 and _titlecase(text) and (SERIES_HEAD_RE.search(text)
                                                                   or (NEWSPAPER_RE.search(text) and n >= 2)):
        return "heading"
    if re.search(r":\s*[—–-]+$", text.rstrip(_CLOSERS + " ")) and _ANNOUNCING_VERB_RE.search(text):
        return "prose"  # "The Papers read were:—", "The following were elected:—": a sentence announcing a list
    # dialogue ("“I do not, Sir,” said I, “and I beg—”") and broken-off speech are prose, not titles
    if n > 4 and (re.match(r"^[“\"‘]", text) and re.search(r"[”\"’][^”\"’]*\w", text[1:]) or
                  text.rstrip(_CLOSERS + " ").endswith(("—", "–", "-"))):
        return "prose"
    # a letter's last sentence running on into the valediction under it ("… Meantime, I am" over "Your
    # most affectionate friend,") has no final stop, yet it is no title
    if n > 4 and nxt is not None and _CLOSING_RE.match(nxt.text.strip()) and not _CLOSING_RE.match(bare) \
            and re.search(r"[a-z]", text):
        return "prose"
    # two or more sentence stops inside make a line prose, unless it is the page's title; so does a
    # sentence in the first person singular of many words in lower case that lacks only its final stop ("I
    # came home on the 24th from the Webbs' we heard the nightingale ... 1819"), once the text's prose has
    # begun (a headline written as a sentence, "If X had won, the concessions would have ended", says no "I")
    stops = len(re.findall(r"[a-z]{3,}[.!?]\s+[A-Z]", text))
    told = bool(_FIRST_SING.search(text)) and first_prose_seen and s.sentence_lower_words <= sum(
        w[0].islower() for w in re.findall(r"[^\W\d_][\w'’]*", text) if w.lower() not in _FUNCTION_WORDS)
    if n <= 25 and len(text) <= 220 and _terminal(text) not in _TERMINAL and tag not in ("li", "td", "pre") \
            and (stops < 2 or not first_prose_seen) and not told:
        if text[0].isupper() or text[0].isdigit() or text[0] in "\"'“«" or n <= 4 or re.match(r"#{1,6}\s+[A-Z]", text):
            return "heading"
    return "prose"


_FUNCTION_WORDS = frozenset(lexicons.words("function_words"))
_DOC_HEADER_RE = re.compile(r"^(?:(?:copy\s+of\s+|extract\s+from\s+)?(?:the\s+|an?\s+)?(?:letter|note|telegram|cable|"
                            r"wire|memorandum|report|dispatch|despatch|message|postcard|statement|deposition|cutting|"
                            r"extract|proclamation|notice|petition)s?)\b(?:,|\s+(?:(?:sent|written|addressed|forwarded)"
                            r"\s+)?(?:from|by|of|to)\b)\s*(?:the\s+)?"
                            rf"(?-i:[{_UP}])", re.I)
#: the verbs that give a series' part to its narrator before "by" ("contributed by", "told by")
NARRATION_VERBS = "|".join(lexicons.words("narration_verbs"))
SERIES_HEAD_RE = re.compile(r"['’]s\s+(?:journal|diary|narrative|statement|memorandum|letters?|notebook|log|story|"
                             r"account|evidence|testimony|confession)\b|^(?:the\s+)?(?:narrative|statement|journal|"
                             r"diary|memoirs?|story|account|confession|evidence|testimony|extracts?)\s+(?:of|by|from)\s"
                             rf"|\b(?:{NARRATION_VERBS})\s+by\s", re.I)
#: a newspaper's name: "The Westminster Gazette", "Daily Chronicle"
NEWSPAPER_RE = re.compile(r"\b(?:gazette|times|herald|chronicle|mail|advertiser|courier|mercury|observer|"
                          r"tribune|intelligencer|dailygraph|daily\s+\w+|evening\s+\w+|morning\s+\w+)\b|"
                          r"\bcutting\s+from\b", re.I)


def _titlecase(text: str) -> bool:
    """Return True when every word of ``text`` is capitalized, a number or a function word."""
    toks = [t.strip("()[],.;:“”\"'‘’") for t in text.split()]
    return all(not t or not t[0].isalpha() or t[0].isupper() or t.lower() in _FUNCTION_WORDS for t in toks)


def _image_gap_captions(units: list[Unit]) -> None:
    """Turn short title lines that sit where a removed image left an extra blank line into captions.

    Only when the source itself shows the pattern: at least two captions known
    from their own shape (a site name, "Fig. 3", a caption tag) that were
    preceded by the same extra blank line. Chapter titles with blank lines
    around them are thus left alone in texts that have no such captions.
    """
    known = [u.gap for u in units if u.cue == "caption" and u.gap >= 2]
    if len(known) < 2:
        return
    gap = min(known)
    for i, unit in enumerate(units):
        if unit.cue != "heading" or unit.gap < gap or i == 0 or i + 1 >= len(units):
            continue
        if units[i - 1].cue != "prose" or units[i + 1].cue != "prose" or units[i + 1].gap >= gap:
            continue
        if is_allcaps(unit.text) or unit.n_words < 2 or unit.n_words > 20:
            continue
        unit.cue = "caption"


#: a calendar's style mark right after a date ("Feb. 9. N.S.", "Dec. 3, O.S.", "(new style)")
_STYLE_MARK_RE = re.compile(r"\s*,?\s*\(?(?:[ON]\.\s?S\.|(?i:old|new)[\s-]+(?i:style)\b)\)?")


def prose_features(text: str) -> dict:
    """Return the prose features of a paragraph: voice, framing, leading date, salutation..."""
    own = strip_quotes(text)
    n = max(len(own.split()), 1)
    sentences = re.split(r"(?<=[.!?])\s+(?=[\"“«A-Z\u0400-\u042f])", text.strip())
    last = sentences[-1] if sentences else text
    feats: dict = {
        "first": len(_FIRST.findall(own)) / n,
        "first_sing": len(_FIRST_SING.findall(own)),
        "second": len(_SECOND.findall(own)) / n,
        "third": len(_THIRD.findall(own)) / n,
        "questions": own.count("?"),
        "words": n,
    }
    framing = None
    for sentence in sentences[-2:]:
        m = _FRAMING_RE.search(sentence)
        if m and (sentence is last or last.strip().startswith(("“", "\""))) and \
                (sentence.rstrip().endswith((":", ".", "—")) or m.group("noun2")):
            framing = (m.group("noun") or m.group("noun2")).lower(), sentence
    if framing and text.rstrip().rstrip(_CLOSERS).endswith((":", ".", "—", "-")):
        feats["framing"] = framing
    m = _INLINE_DOC_RE.match(text)
    if m and re.search(r"[“\"«]", text[m.end():]):
        feats["inline_doc"] = (m.group("noun").lower(), m.group("subj"))
    lead = leading_date(text)
    if lead and len(text) > lead.end():
        feats["lead_date"] = lead.group(0)
        style = _STYLE_MARK_RE.match(text, lead.end())
        if style:
            feats["lead_style"] = style.group(0).strip(" ,()")  # "Lisbonne, Feb. 9. N.S.": the other calendar's date
    elif _LEAD_DAY_RE.match(text):
        feats["lead_day"] = _LEAD_DAY_RE.match(text).group(0)
    elif LEAD_DAY_RANGE_RE.match(text):
        feats["lead_day_range"] = LEAD_DAY_RANGE_RE.match(text).group(0)
    elif _LEAD_MONTH_RE.match(text):
        feats["lead_month"] = _LEAD_MONTH_RE.match(text).group(0)
    elif CLOCK_HEAD_RE.match(text) and re.search(r"o['’]clock|[ap]\.\s?m|half|quarter",
                                                 CLOCK_HEAD_RE.match(text).group(0), re.I):
        feats["lead_clock"] = CLOCK_HEAD_RE.match(text).group(0)
    elif TIME_HEAD_RE.match(text):
        feats["lead_time"] = TIME_HEAD_RE.match(text).group(0)
    elif FEAST_HEAD_RE.match(text):
        feats["lead_feast"] = FEAST_HEAD_RE.match(text).group(0)
    greeting = _SALUTATION_RE.match(text)
    # (a vocative run into a sentence, "My dear Tom I was never so vexed!", speaks within the letter: no greeting;
    # nor does one that a tag gives to a speaker, "Gentlemen, the doctor began, we are few ...": speech told)
    lead = _SALUTE_LEAD_RE.match(text)
    if any(m and not _GREETING_SENTENCE_RE.search(m.group(0)) and not _SPEECH_TAG_RE.match(text, m.end())
           for m in (lead, greeting)):
        feats["salute"] = True
    bio = _BIO_LEAD_RE.match(text)
    # a possessive inside the name ("Gorman’s Flat is a shallow valley") names a place or a thing, not a person
    if bio and feats["first"] < 0.01 and n >= 12 and not re.search(r"[’']s\b", bio.group("name")):
        feats["bio_lead"] = bio.group("name")
    nc = _NAME_COLON_RE.match(text)
    if nc and nc.group("name").lower().rstrip(".") not in _NAME_COLON_STOP:
        feats["name_colon"] = nc.group("name").strip()
    if _RESUME_RE.match(own):
        feats["resumes"] = True
    if _READS_OUT_RE.search(last.strip()):
        feats["reads_out"] = True
    if text.lstrip().startswith(("“", "\"")):
        # a quotation opening the paragraph, and whether it is still open at its end (the next paragraph
        # goes on quoting: a letter read out runs over paragraphs that open with a quotation mark)
        marks = re.findall(r"[“”]", text)
        feats["quoted"] = "open" if marks and marks[-1] == "“" else "closed"
    signed = RUN_IN_SIGNATURE_RE.search(text[-160:])
    if signed and signed.group(0).rstrip().endswith(("”", '"')) and not re.match(r"\s*[“\"]", text):
        # a note quoted at the end of a narrator's paragraph ('The note said only: "Come at six.—Your friend,
        # Tom."'): the narrator's words, no letter signed
        signed = None
    if signed and is_name(signed.group("name").rstrip(".")) or signed and len(signed.group("name").split()) == 1:
        # the valediction and the name run into the last paragraph ("….—Your loving niece, Kitty.")
        feats["signed_run_in"] = (signed.group("closing"), signed.group("name").rstrip("."))
    if re.match(r"^(?:resolved|ordered|decided|decreed|it\s+is\s+(?:hereby\s+)?(?:resolved|ordered|decreed))\b",
                text, re.I):
        feats["resolved"] = True
    return feats
