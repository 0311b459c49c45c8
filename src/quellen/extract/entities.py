"""Mentions of people, organizations, places, works and vessels in one document.

A rule layer runs in front of spaCy's statistical NER because historical text
defeats a model trained on modern news in predictable ways:

1. titles and honorifics ("Comrade X", "citizen X", "Gen. X", "Mr. X", "X Pasha")
   mark a person whatever the model thinks of the name;
2. initials ("A. P.", "N. S. Orlov", "Th: Jefferson", "Orlov N.S.") are split
   or dropped by the tokenizer;
3. a given name followed by a patronymic ("Maria Petrovna") is a person even
   when the model calls it a place;
4. ships named in apposition ("the steamer X", "H.M.S. X") and works in quotation
   marks after "the book", "the newspaper" are invisible to a news model;
5. organization acronyms ("CPS", "RSDLP(b)") that the model leaves out;
6. footnote numbers glued to names in scanned or scraped text ("Name91").

Then the model's entities fill in the rest, trimmed of what it tends to glue
to them (a leading "the", a dash and the next clause, a line break). Where a
rule and the model disagree about a stretch of text, the rule wins.

Every mention keeps ``text`` as written (with title, as offsets into the source)
and ``name`` cleaned of titles, footnote digits, brackets and possessive 's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from ..lexicons import pairs, words
from ..model import Mention
from .dates.lexicon import calendar_words

__all__ = ["find_mentions", "document_mentions", "clean_name", "TITLES", "NER_TYPES", "is_patronymic",
           "names_no_one", "dateline_places"]

#: spaCy labels -> our entity types (labels not here are not names of things we track)
NER_TYPES = {
    "PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place",
    "WORK_OF_ART": "work", "LAW": "work", "NORP": "organization",
}

#: titles and honorifics written before a name (lower-case forms are matched too)
TITLES = words("titles")
#: titles written after a name
POST_TITLES = words("post_titles")
#: abbreviated given names of English hands ("Th: Jefferson"): data/lexicon/given_abbreviations.txt
GIVEN_ABBREVIATIONS = words("given_abbreviations")
#: words that make a capitalized phrase after a title an institution, not a person
ORG_NOUNS = frozenset(words("org_nouns"))
#: vessel words before a ship's name ("the steamer X"), and ship prefixes ("H.M.S. X")
VESSEL_WORDS = words("vessel_words")
SHIP_PREFIXES = words("ship_prefixes")
#: kinds of works named before their (quoted) title
WORK_WORDS = words("work_words")
SERIAL_WORDS = words("serial_words")
#: documents of state named before their quoted title ("a resolution "On the ..."", "the decree "...")
ACT_WORDS = words("act_words")
#: a word that begins or ends the title of a serial ("the Boston Gazette"): data/lexicon/serial_heads.txt
SERIAL_HEADS = words("serial_heads")
#: a lower-case head of a body named by what it belongs to: data/lexicon/org_lower_heads.txt
ORG_LOWER_HEADS = words("org_lower_heads")
#: what a group around a person is called ("the Smith faction", "the Purvis group")
FACTION_WORDS = words("faction_words")
#: kinds of firms and works whose name goes before them ("the Krupp works", "the Baring bank")
FIRM_WORDS = words("firm_words")
#: verbs whose subject is a person, not a place ("X said", "X visited", "answered X")
PERSON_VERBS = frozenset(words("person_verbs"))
#: common abbreviations that look like initials
NOT_INITIALS = frozenset(words("not_initials"))
#: last words that make a name a street, square or quarter of a town
STREET_WORDS = frozenset(words("street_words"))
#: prepositions that put what follows at or through a place ("in", "near", "via"), not to or from someone
_WHERE_PREPOSITIONS = frozenset(w for w, role in pairs("place_prepositions") if role in ("at", "via"))
#: feasts and seasons of the church year: dates, not places or people the model often takes them for
FEASTS = frozenset(words("feasts"))
#: the feasts as written with a space for the hyphen ("Lady Day"), before a title is stripped from them
_FEASTS_SPACED = frozenset(f.replace("-", " ") for f in FEASTS)
#: signals that a capitalized token is not a name on its own
NON_NAMES = frozenset(words("non_names"))
#: what a letter calls someone it does not name ("Brother", "Madam"), and the words around it ("my dear")
ADDRESS_WORDS = frozenset(words("address_words"))
ADDRESS_MODIFIERS = frozenset(words("address_modifiers"))
#: languages and nouns of nationality ("Latin", "a Frenchman"): no one person, place or body
NATIONALITY_WORDS = frozenset(words("nationality_words"))
#: month names: a span with one of them and a figure is a date the model labelled a name
_MONTHS = frozenset(w.split("=")[0].strip() for w in words("months"))
#: kinds of plants and animals a name before them makes a species ("the Douglas squirrel")
_ORGANISMS = "|".join(words("organism_words"))
_P_ORGANISM_AFTER = re.compile(rf"(?:['’]s)?\s+(?:[a-z]+\s+)?(?P<kind>{_ORGANISMS})(?![\w-])")
#: what a diary, a letter or a report is called: "X's Diary" is a work, not a body
_DOCUMENT_NOUNS = frozenset(words("document_nouns"))
#: verbs that open an order or a request in a letter ("Pay Müller the rent"), never a first name
ORDER_VERBS = frozenset(words("order_verbs"))
#: words that open the title of a book of memories, travels or letters ("Recollections of ..."): alone, no one's name
_TITLE_OPENERS = frozenset(words("title_openers"))
#: last words that make a name a landform or a site ("Eagle Ridge"); those also surnames ("Hill")
LANDFORM_HEADS = words("landform_heads")
SITE_HEADS = words("site_heads")
#: last words of a name of a happening at a place ("Spotland Bridge Riot"): the words before them are the place
EVENT_NAME_HEADS = frozenset(words("event_name_heads"))
#: first words that make a name a place ("Cape Haddon", "Mount Tabor")
PLACE_PREFIXES = words("place_prefixes")

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LO = "a-zß-öø-ÿā-žœ"
#: the first word of a name of a happening or an agreement ("the Battle of X", "the Treaty of X") -> its entity type
HAPPENING_LEADS = dict(pairs("happening_name_leads"))
_LEADS = "|".join(sorted(HAPPENING_LEADS, key=len, reverse=True))
_HAPPENING_NAME = re.compile(rf"(?i:(?:the\s+)?(?P<lead>{_LEADS}))\s+of\s+(?:the\s+)?[{_UP}]")
_HAPPENING_BEFORE = re.compile(rf"\b(?i:(?P<lead>{_LEADS}))\s+of\s+(?:the\s+)?$")
_FOUGHT_AFTER = re.compile(r"\s+(?:was|were|had\s+been|has\s+been)\s+fought\b")
#: a capitalized word, with inner capitals ("FitzRoy", "McDonald", "O'Neill") and hyphens, whole
CAP = rf"[{_UP}][{_LO}'’]*(?:[{_UP}][{_LO}]+)*[{_LO}](?:-[{_UP}]?[{_LO}]+)*(?![{_LO}{_UP}])"
INITIAL = rf"(?:[{_UP}]|Yu|Ya|Ye|Yo|Zh|Ch|Sh|Kh|Ts|Th)\.\s?"
PATRONYMIC_RE = re.compile(rf"^[{_UP}][{_LO}]+(?:ovich|evich|yevich|ovych|ovitch|evitch|ovna|evna|yevna|"
                           rf"ichna|inichna|ich)$")
_PATRONYMIC_FALSE = re.compile(r"(?:rich|wich|nich|sich|rnich)$")
#: titles also written in lower case before a name ("citizen X"); others only capitalized
LOWER_TITLES = words("lower_titles")
_TITLE_ALT = "|".join(sorted({re.escape(t) for t in TITLES + LOWER_TITLES}, key=len, reverse=True))
#: kinship and fellowship written as a title before a name ("Friend Morley", "Cousin Betsy"): data/lexicon/
#: address_titles.txt; on the name's own line only (alone on a line, "Dear Friend" is a salutation)
ADDRESS_TITLES = words("address_titles")
_P_ADDRESS_TITLE = re.compile(rf"(?<![\w.])(?P<title>{'|'.join(ADDRESS_TITLES)})[ \t]+(?P<name>(?:{INITIAL}){{0,2}}"
                              rf"{CAP}(?:[ \t]+(?:{INITIAL}){{0,2}}{CAP}){{0,2}})")

_PATRO = rf"[{_UP}][{_LO}]+(?:ovich|evich|yevich|ovych|ovitch|evitch|ovna|evna|yevna|ichna|inichna|ich)\b"
_P_TITLE = re.compile(rf"(?<![\w.])(?P<title>{_TITLE_ALT})\s+(?P<name>(?:{INITIAL}){{0,3}}{CAP}"
                      rf"(?:,?\s+{CAP}\s+{_PATRO}|(?:\s+(?:{INITIAL}){{0,2}}(?:de |von |van |du |da |di |del |le |la )?"
                      rf"{CAP}){{0,2}}))")
#: a name and a title written after it, the given names with it ("Thomas Brierley, Esq."), "Esq." with or without
#: its stop
_POST_TITLE_ALT = "|".join(re.escape(t.rstrip(".")) + (r"\.?" if t.endswith(".") else "") for t in POST_TITLES)
_P_POST_TITLE = re.compile(rf"\b(?P<name>(?:{CAP}[ \t]+){{0,2}}{CAP}),?[ \t]+(?P<title>{_POST_TITLE_ALT})(?!\w)")
#: initials and a surname, with the given name written out before them if it is ("Ellen B. Carver")
_P_INITIALS_NAME = re.compile(rf"(?<![\w.])(?P<name>(?:(?P<given>{CAP})[ \t]+)?(?P<initials>(?:{INITIAL}){{1,3}})"
                              rf"{CAP}(?:-{CAP})?)")
_P_ABBR_GIVEN = re.compile(rf"(?<![\w.])(?P<name>(?:{'|'.join(GIVEN_ABBREVIATIONS)})[.:]\s?{CAP})")
#: "Orlov N.S.": a surname and initials after it on one line (a signature over "P.S." on the next line is no name
#: with initials, and its given name stays with it)
_P_NAME_INITIALS = re.compile(rf"(?<![\w.])(?P<name>{CAP}[ \t]+(?:[{_UP}]\.[ \t]?){{2,3}})(?![ \t]?[{_UP}][{_LO}])")
_P_INITIALS = re.compile(rf"(?<![\w.])(?P<name>(?:[{_UP}]\.\s?){{1,3}}[{_UP}]\.)(?!\s?[{_UP}][{_LO}])(?!\w)")
_P_PATRONYMIC = re.compile(rf"(?<![\w.])(?P<name>{CAP}\s+{_PATRO}(?:\s+{CAP})?)")
_P_SURNAME_FIRST = re.compile(rf"(?<![\w.])(?P<name>{CAP},?\s+{CAP}\s+{_PATRO})")
_P_GLUED = re.compile(rf"(?<![\w.])(?P<name>{CAP})(?P<digits>\d{{1,3}})(?![\w])")
_VESSEL_ALT = "|".join(VESSEL_WORDS)
_P_VESSEL_AFTER = re.compile(rf"(?<![\w-])the\s+[\"“«‘]?(?P<name>{CAP})[\"”»’]?\s+(?:{_VESSEL_ALT})\b")
_P_VESSEL = re.compile(rf"(?<![\w-])(?:{'|'.join(VESSEL_WORDS)}|{'|'.join(w.capitalize() for w in VESSEL_WORDS)})"
                       rf"\s+(?:named\s+|called\s+)?[\"“«‘']?(?P<name>{CAP}(?:\s+(?:van\s+|von\s+|de\s+|der\s+|of\s+)?{CAP}){{0,2}})")
_P_SHIP_PREFIX = re.compile(rf"(?<![\w.])(?:{'|'.join(map(re.escape, SHIP_PREFIXES))})\s+[\"“«‘']?"
                            rf"(?P<name>{CAP}(?:\s+{CAP}){{0,2}})")
_P_WORK_QUOTED = re.compile(rf"(?<![\w-])(?:{'|'.join(WORK_WORDS)}|{'|'.join(w.capitalize() for w in WORK_WORDS)})"
                            r"\s*,?\s*(?:entitled\s+|called\s+|titled\s+|named\s+)?[\"“«‘]"
                            r"(?P<name>[^\"”»’\n]{2,100}?)[\"”»’]")
_P_WORK_BY = re.compile(rf"(?<![\w-])(?:{'|'.join(WORK_WORDS)})\s+by\s+[^\"“«\n]{{2,80}}?\s*[\"“«]"
                        r"(?P<name>[^\"”»\n]{2,120}?)[\"”»]")
_P_ACT_QUOTED = re.compile(rf"(?<![\w-])(?:{'|'.join(ACT_WORDS)}|{'|'.join(w.capitalize() for w in ACT_WORDS)})"
                           r"\s*,?\s*(?:entitled\s+|called\s+|titled\s+|named\s+|of\s+|on\s+)?[\"“«]"
                           r"(?P<name>[A-Z][^\"”»\n]{2,120}?)[\"”»]")
#: "in his “Testament”": a title its author's possessive goes before, quoted
_P_WORK_HIS = re.compile(r"\bin\s+(?:his|her|their|its|my|our|your)\s+[\"“«](?P<name>[^\"”»\n]{2,80}?)[\"”»]")
#: a title after its kind, unquoted but capitalized mid-sentence ("his book The Spirit of Laws, in which")
_SMALL = r"(?:of|the|and|in|on|a|an|to|for|at|by|with|from|de|la|le|des|du|von|der|die|das)"
_P_WORK_CAPS = re.compile(rf"(?<![\w-])(?:{'|'.join(w for w in WORK_WORDS if w not in SERIAL_WORDS)})\s+"
                          rf"(?P<name>(?:The|A|An)\s+{CAP}(?:\s+(?:{_SMALL}\s+)*{CAP}){{0,6}})")
#: plural last words of a book's title ("Hobday's Lectures", "Persian Tales"): data/lexicon/work_heads.txt
WORK_HEADS = words("work_heads")
_WORK_HEAD_ALT = "|".join(WORK_HEADS)
#: "Hobday's Lectures", "Parmiters Voyages" (the apostrophe left out), "Persian Tales", "Trewin's Elements of
#: Drawing": a title that ends in (or opens with) the plural of a kind of book, after its author's possessive or a
#: capitalized word; with an "of" part the title proper begins at the head, without one the author's name is how
#: it is cited
_P_WORK_HEAD = re.compile(rf"(?<![\w.'’])(?P<cited>(?P<author>(?:{CAP}\s+)?{CAP}(?:['’]s|['’])?\s+)"
                          rf"(?P<head>(?:{_WORK_HEAD_ALT})(?P<of>\s+of\s+(?:the\s+)?{CAP}(?:\s+{CAP})?)?))(?![\w'’-])")
#: "read Lady Ormsby's Clara Delmont", "the author of Rokeby Castle": a capitalized phrase after a verb of reading
#: and its author's possessive, or after "author of" / "review of", is a title whatever the model takes it for
_P_WORK_READ = re.compile(rf"\b(?:(?:read|reading|finished|perused)\s+"
                          rf"(?:(?:my|the|his|her|your|our)\s+)?(?:(?:{_TITLE_ALT})\s+)?(?:{CAP}\s+)?{CAP}['’]s\s+"
                          rf"|(?i:author|authoress|review|reviews)\s+of\s+)"
                          rf"(?P<name>{CAP}(?:\s+(?:and\s+|of\s+(?:the\s+)?)?{CAP}){{0,5}})")
#: "a Member of Parliament", "Fellow of the Royal Society": the capitalized name after a member's word is a body's
MEMBER_WORDS = words("member_words")
_P_MEMBER_OF = re.compile(rf"(?<![\w-])(?:{'|'.join([*MEMBER_WORDS, *(w.capitalize() for w in MEMBER_WORDS)])})\s+of\s+"
                          rf"(?:the\s+)?(?P<name>{CAP}(?:\s+(?:of\s+(?:the\s+)?)?{CAP}){{0,3}})")
#: a serial named by its head word ("Bulletin of the Workers' League", "the Boston Gazette")
_P_SERIAL_TITLE = re.compile(rf"(?<![\w.])(?P<name>(?:{'|'.join(SERIAL_HEADS)})\s+(?:of|for)\s+(?:the\s+)?{CAP}"
                             rf"(?:\s+(?:and\s+)?{CAP}){{0,3}}|(?:(?:{CAP}|St\.)\s+){{1,3}}(?:{'|'.join(SERIAL_HEADS)})"
                             rf"(?![\w]))")
#: "the Iskra newspaper": a serial's name before its kind
_P_SERIAL_BEFORE = re.compile(rf"(?<![\w-])the\s+[\"“«]?(?P<name>{CAP}(?:\s+{CAP}){{0,2}})[\"”»]?\s+"
                              rf"(?:{'|'.join(SERIAL_WORDS)})\b")
_P_SERIAL = re.compile(rf"(?<![\w-])(?:the\s+)?(?:{'|'.join(SERIAL_WORDS)})\s+(?P<name>{CAP}(?:\s+{CAP}){{0,3}})")
_P_ACRONYM = re.compile(r"(?<![\w.-])(?P<name>[A-Z]{2,6}(?:\([a-z]\))?)(?![\w(-])")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
#: a section's number at the start of what the model took for a name ("CHAPTER I. EARLY LIFE", "Book II"):
#: a heading, not a person or a work
_SECTION_HEAD = re.compile(rf"^(?:{'|'.join(words('section_words') + words('section_words_extra'))})\.?\s+"
                           r"(?-i:[IVXLCDM]+|[ivxlcdm]+|\d+)(?![\w'’])", re.I)
#: a name before a generic head that makes it a place: the head belongs to the name ("Tula region")
_P_PLACE_HEAD = re.compile(rf"(?<![\w.])(?P<name>{CAP}(?:\s{CAP})?\s(?:region|province|governorate|gubernia|"
                           rf"district|oblast|county|uyezd|station|Station|Pass|pass|Square|square|mines|"
                           rf"Mountains|Valley|valley|Island|Islands|Bay|River|Lake|{'|'.join(LANDFORM_HEADS)}))\b")
#: "Sawyer's Ford", "Baxter's Mill": a possessive before a site's head names a place, not its owner
_P_SITE_POSSESSIVE = re.compile(rf"(?<![\w.])(?P<name>[{_UP}][{_LO}]+['’]s\s"
                                rf"(?:{'|'.join(SITE_HEADS + LANDFORM_HEADS)}))(?![\w-])")
#: "Cape Haddon", "Mount Tabor": a landform's or a fort's word before the name
_P_PLACE_PREFIX = re.compile(rf"(?<![\w.])(?P<name>(?:{'|'.join(map(re.escape, PLACE_PREFIXES))})\s{CAP}"
                             rf"(?:\s{CAP})?)")
#: ... or a facility named after the town it stands in: the head does not ("Tula prison")
_P_PLACE_OF = re.compile(rf"(?<![\w.])(?P<name>{CAP})\s(?:shipyards?|prison|jail|fortress|harbou?r|port|"
                         rf"garrison|railway|docks|arsenal|cathedral|university|seminary)\b")
#: a list of names before the works or mines they name ("the Ashby, Moira and Swadlincote collieries",
#: "Tulsky, Orelsky iron works"): each name is a place, the one before the head too
_FACILITIES = "(?:" + "|".join(words("facility_heads")) + ")"
_INDUSTRY = "(?:" + "|".join(words("industry_words")) + ")"
_P_FACILITY_LIST = re.compile(rf"(?<![\w.])(?P<list>{CAP}(?:(?:,\s+|,?\s+and\s+){CAP})+)"
                              rf"(?:\s+(?:{_INDUSTRY}|and)){{0,3}}\s+{_FACILITIES}\b")
_P_PLACE_AFTER = re.compile(rf"\b(?:village|town|city|port|fortress|province|district|region|island|"
                            rf"valley|governorate|parish|hamlet|township|county)\s+of\s+(?P<name>{CAP}(?:\s{CAP})?)")
#: a lower-case kind of landform before its name ("the river Saleph", "mount Tabor")
_P_PLACE_KIND = re.compile(rf"\b(?:the\s+)?(?:river|mount|lake|cape|isle|island|bay|gulf|strait|straits|"
                           rf"desert|forest|plain|valley)\s+(?P<name>{CAP}(?:\s{CAP})?)")
#: a body's name: capitalized words up to an institutional head noun, then "of (the) Name..." ("Secret
#: Political Department of the Interior", "Kiev Soviet", "North Welsh Miners' Union")
_ORG_HEADS = "|".join(words("org_heads"))
_ORG_TAIL = (rf"(?:\s+(?:of|for)\s+(?:the\s+)?(?:{CAP}['’]?|[A-Z]{{2,6}}(?:\([a-z]\))?)"
             rf"(?:\s+(?:and\s+)?(?:{CAP}['’]?|[A-Z]{{2,6}}))*){{0,2}}")
_P_ORG = re.compile(rf"(?<![\w.])(?P<name>(?:(?:{CAP}|St\.)\s+){{0,4}}(?:{CAP}['’]s?\s+)?(?:{_ORG_HEADS})(?![{_LO}])"
                    rf"{_ORG_TAIL})")
#: "the secretariat of the Executive Committee", "the news department of the BBC": a lower-case
#: head (with its adjectives) belongs to the body named after it
_BODY = rf"(?:{CAP}\s+){{0,4}}(?:{_ORG_HEADS})|[A-Z]{{2,6}}(?:\([a-z]\))?(?![\w(])"
_P_ORG_LOWER = re.compile(rf"(?<![\w.])(?P<name>(?:[a-z]+\s+){{0,2}}(?:{'|'.join(ORG_LOWER_HEADS)})\s+of\s+"
                          rf"(?:the\s+)?(?:{_BODY})(?:\s+(?:of|for)\s+(?:the\s+)?(?:{CAP}|[A-Z]{{2,6}})(?:\s+{CAP})*)?)")
#: "the Smith faction", "the Purvis group": a body named after a person; "the Krupp works": a firm
_P_FACTION = re.compile(rf"(?<![\w-])the\s+(?P<name>{CAP}(?:-{CAP})?\s+(?:{'|'.join(FACTION_WORDS)}))\b")
_P_FIRM = re.compile(rf"(?<![\w-])the\s+(?P<name>{CAP}(?:\s+{CAP})?\s+(?:{'|'.join(FIRM_WORDS)}))\b")
#: a body named in quotation marks after its kind ("the company "Harlow Brothers"")
_P_ORG_QUOTED = re.compile(r"(?<![\w-])(?:company|firm|society|association|party|union|organization|"
                           r"organisation|club|league|group|trust|bank|concern|partnership|syndicate)\s*"
                           r"[\"“«](?P<name>[A-Z][^\"”»\n]{1,60}?)[\"”»]")
#: surname shapes of Slavic and Baltic naming, for names the model leaves out of a list
_P_SURNAME_SHAPE = re.compile(rf"(?<![\w.])(?P<name>[{_UP}][{_LO}]+(?:ov|ev|ova|eva|sky|ski|skaya|ska|"
                              rf"enko|chuk|ovich|evich|in|ina|ich|yan|shvili|dze|iak|czyk|wicz))(?![\w])")

#: what a person is, written lower-case before the name ("the writer X"): data/lexicon/role_words.txt
ROLE_WORDS = words("role_words")
_P_ROLE = re.compile(rf"(?<![\w-])(?:{'|'.join(ROLE_WORDS)})\s+(?P<name>{CAP}(?:\s+{CAP}){{0,2}})")
#: surname endings of a one-word name the model calls a body ("Kowalski", "Petrenko", "Ivanov")
_SURNAME_END = re.compile(r"(?:ski|sky|ov|ev|enko|chuk|shvili|dze|wicz|vich)$")

_LEADING_JUNK = re.compile(rf"^(?:(?:the|The|THE|a|an|of|and)\s+|[^\w\[]+|[{_LO}][\w'’]*\s*[-–—]\s*|"
                           rf"[{_LO}]\.\s+)+")  # ... and list markers "a.", "b."
_CUT = re.compile(r"\s[-–—]\s|[-–—]\s*$|[\"“”«»()]|\n")
_POSSESSIVE = re.compile(r"['’]s?$")
_DIGITS_GLUED = re.compile(rf"(?<=[{_LO}\].,])\s?\d{{1,3}}\b")


#: lower-case generic heads that belong to a place's name ("Tula region")
_HEAD_WORDS = frozenset(words("place_type_heads"))


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    type: str
    origin: str
    rank: int  # lower wins an overlap
    name: str | None = None  # the name the markup gives it ("Martha" listed as "Martha Holt"), else read from it


def is_patronymic(word: str) -> bool:
    """Return True when ``word`` has the shape of an East Slavic patronymic ("Petrovna", "Fomich")."""
    return bool(PATRONYMIC_RE.match(word)) and not _PATRONYMIC_FALSE.search(word)


_TITLE_STRIP = re.compile(rf"^(?:(?:{_TITLE_ALT}|{'|'.join(ADDRESS_TITLES)})\s+)+")
_POST_TITLE_STRIP = re.compile(rf",?\s+(?:{_POST_TITLE_ALT})$")


def clean_name(text: str, type: str = "person") -> str:
    """Return ``text`` as a bare name: no title, footnote digits, brackets or possessive 's.

    >>> clean_name("citizen Marat91's")
    'Marat'
    """
    name = text.replace("[", "").replace("]", "").replace("\n", " ")
    name = re.sub(r"\s+", " ", name).strip(" ,;:")
    name = _DIGITS_GLUED.sub("", name).strip(" ,;:")
    name = _POSSESSIVE.sub("", name)
    if type == "person":
        for _ in range(2):
            stripped = _TITLE_STRIP.sub("", name)
            if stripped and stripped[0].isupper():
                name = stripped
        name = _POST_TITLE_STRIP.sub("", name)
    name = name.strip(" ,;:!?")
    if name.endswith(".") and not re.search(rf"(?:^|[\s.])[{_UP}]\.$", name):
        name = name[:-1]
    return name


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Return (start, end) of a model span without a leading article, trailing clause or line break."""
    piece = text[start:end]
    cut = _CUT.search(piece)
    if cut and cut.start() > 0:
        piece = piece[:cut.start()]
    elif cut and cut.start() == 0:
        m = re.match(r"[\"“”«»()\s\n-]+", piece)
        start += m.end() if m else 1
        piece = text[start:end]
        cut = _CUT.search(piece)
        if cut:
            piece = piece[:cut.start()]
    lead = _LEADING_JUNK.match(piece)
    if lead:
        start += lead.end()
        piece = piece[lead.end():]
    piece = re.sub(r"['’]s$", "", piece)
    piece = piece.rstrip(" ,;:!?)]'’\"-–—&")  # "Kelby &": the "&" joins the next line's name
    if piece.endswith(".") and not re.search(rf"(?:^|[\s.])[{_UP}]\.$|\b(?:Co|Ltd|Inc|Bros|St)\.$", piece):
        piece = piece[:-1]
    # words the model glued on after the name ("L. D. jokes"): a trailing lower-case word
    while True:
        m = re.search(rf"\s+[{_LO}][\w'’]*$", piece)
        if not m or not re.search(rf"[{_UP}]", piece[:m.start()]) or m.group().strip() in _HEAD_WORDS:
            break
        # "Dorset cheese, & the fine": the comma and the "&" before the glued words go with them
        piece = piece[:m.start()].rstrip(" ,;:&")
    return start, start + len(piece)


def names_no_one(name: str) -> bool:
    """Return True when ``name`` is only a kinship, endearment or rank word with its adjectives ("My dear
    Brother", "Sister", "Honoured Madam"): what a letter calls someone, not a person's name.

    >>> names_no_one("My dear Brother"), names_no_one("Aunt Jane"), names_no_one("Young")
    (True, False, False)
    """
    parts = re.findall(r"[\w'’-]+", name.lower().replace("’", "'"))
    return any(p in ADDRESS_WORDS for p in parts) and all(p in ADDRESS_WORDS or p in ADDRESS_MODIFIERS
                                                          for p in parts)


def _plausible(name: str) -> bool:
    # a title alone ("the Captain", "the Don") is what someone is called, the same word for many
    if len(name) < 2 or not re.search(rf"[{_UP}]", name) or name in NON_NAMES or name.rstrip(".") in _BARE_TITLES:
        return False
    if not re.search(rf"[{_UP}{_LO}]{{2}}|[{_UP}]\.", name):
        return False
    return not name.replace(" ", "").isdigit()


_BARE_TITLES = frozenset(t.rstrip(".") for t in TITLES if t[:1].isupper())


def _heading_line(text: str, pos: int) -> bool:
    """Return True when ``pos`` sits in a line written in capitals (a heading, not an acronym)."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    line = text[a:b if b >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(line.split()) > 2 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


class _TokenAt:
    """Offset -> the token of a parse that starts there (``get``, as a dict's): made only when asked for, since a
    Token object per word of a book costs more than the few lookups the rules make."""

    def __init__(self, doc: Any = None):
        self.doc = doc
        # a spaCy Doc gives its offsets as one array; anything else that iterates tokens, token by token
        offsets = [] if doc is None else doc.to_array("IDX").tolist() if hasattr(doc, "to_array") else \
            [t.idx for t in doc]
        self.index = {x: i for i, x in enumerate(offsets)}

    def __bool__(self) -> bool:
        return bool(self.index)

    def get(self, offset: int, default: Any = None) -> Any:
        i = self.index.get(offset)
        return default if i is None else self.doc[i]


class _PosAt:
    """Offset -> the part of speech of the token of a parse that starts there (``get``, as a dict's), read
    through the offsets ``tokens`` has indexed already."""

    def __init__(self, tokens: _TokenAt):
        self.tokens = tokens

    def __bool__(self) -> bool:
        return bool(self.tokens)

    def get(self, offset: int, default: Any = None) -> Any:
        token = self.tokens.get(offset)
        return default if token is None else token.pos_


def _rule_candidates(text: str, stop_words: frozenset[str], tokens: _TokenAt) -> list[_Candidate]:
    out: list[_Candidate] = []
    pos = _PosAt(tokens)

    def add(start: int, end: int, type_: str, origin: str, rank: int) -> None:
        start, end = _trim(text, start, end)
        name = clean_name(text[start:end], type_)
        if end > start and _plausible(name) and name not in NATIONALITY_WORDS:
            out.append(_Candidate(start, end, type_, origin, rank))

    for m in _P_VESSEL.finditer(text):
        add(m.start("name"), m.end("name"), "vessel", "rule:vessel", 0)
    for m in _P_VESSEL_AFTER.finditer(text):
        if m.group("name").lower() not in stop_words:
            add(m.start("name"), m.end("name"), "vessel", "rule:vessel", 0)
    for m in _P_SHIP_PREFIX.finditer(text):
        add(m.start("name"), m.end("name"), "vessel", "rule:vessel", 0)
    for m in _P_WORK_QUOTED.finditer(text):
        name = m.group("name").strip()
        if name[:1].isupper() or name[:1].isdigit():
            out.append(_Candidate(m.start("name"), m.start("name") + len(m.group("name").rstrip(" ,.")),
                                  "work", "rule:work", 0))
    for m in _P_SERIAL.finditer(text):
        add(m.start("name"), m.end("name"), "work", "rule:work", 1)
    for pattern in (_P_WORK_BY, _P_ACT_QUOTED, _P_WORK_HIS):
        for m in pattern.finditer(text):
            name = m.group("name").rstrip(" ,.")
            if pattern is _P_WORK_HIS and (len(name.split()) > 8 or name[-1:] in "!?"):
                continue  # a quoted sentence, not a title
            out.append(_Candidate(m.start("name"), m.start("name") + len(name), "work", "rule:work", 0))
    for m in _P_WORK_CAPS.finditer(text):
        # the article is part of a title written in capitals mid-sentence, so the span keeps it
        out.append(_Candidate(m.start("name"), m.end("name"), "work", "rule:work", 1))
    for m in _P_WORK_HEAD.finditer(text):
        author = m.group("author").split()
        if len(author) == 2 and (author[0].lower() in stop_words or author[0] in NON_NAMES):
            author = author[1:]  # "In Persian Tales": the sentence's first word is no part of the title
        first = author[0].rstrip("'’")
        if first.lower() in stop_words or first in TITLES or first in NON_NAMES or first in WORK_HEADS:
            continue  # "These Tales", "Sir Travels": no author or word of the title before the head
        start = m.start("head") if m.group("of") else m.end("author") - len(" ".join(author)) - (
            len(m.group("author")) - len(m.group("author").rstrip()))
        out.append(_Candidate(start, m.end("cited"), "work", "rule:work", 1))
    for m in _P_WORK_READ.finditer(text):
        first = m.group("name").split()[0]
        # "read Pimm's Diary", "Hobday's Lectures": a writing or a book named by its kind, cited with its
        # writer's name, which the rules of "X's Diary" and of the work heads keep whole
        if first.lower() not in stop_words and first.lower() not in _DOCUMENT_NOUNS and first not in WORK_HEADS:
            out.append(_Candidate(m.start("name"), m.end("name"), "work", "rule:work", 1))
    for m in _P_SERIAL_TITLE.finditer(text):
        first = m.group("name").split()[0]
        if first in ("The", "the") or first.lower() not in stop_words:  # add() drops a leading article
            add(m.start("name"), m.end("name"), "work", "rule:work", 5)
    for m in _P_SERIAL_BEFORE.finditer(text):
        if m.group("name").lower() not in stop_words:
            add(m.start("name"), m.end("name"), "work", "rule:work", 1)
    for m in _P_ORG_QUOTED.finditer(text):
        add(m.start("name"), m.end("name"), "organization", "rule:body", 1)
    for m in _P_MEMBER_OF.finditer(text):
        if m.group("name").split()[0].lower() not in stop_words:
            add(m.start("name"), m.end("name"), "organization", "rule:body", 1)
    for m in _P_ORG_LOWER.finditer(text):
        first = m.group("name").split()[0]
        start = m.start("name")
        if first not in ORG_LOWER_HEADS and (first in stop_words
                                             or (pos and pos.get(start) not in ("ADJ", "NOUN", "PROPN"))):
            # "sent to the secretariat of X": only adjectives of the head belong to the name
            start = m.start("name") + len(first) + 1
            second = m.group("name").split()[1]
            if second not in ORG_LOWER_HEADS and (second in stop_words or (pos and pos.get(start) != "ADJ")):
                start += len(second) + 1
        out.append(_Candidate(start, m.end("name"), "organization", "rule:org", 7))
    for pattern in (_P_FACTION, _P_FIRM):
        for m in pattern.finditer(text):
            # the lower-case head is part of the name, so the span is not trimmed of it
            if m.group("name").split()[0].lower() not in stop_words and m.group("name").split()[0] not in NON_NAMES:
                out.append(_Candidate(m.start("name"), m.end("name"), "organization", "rule:org", 7))
    for m in _P_TITLE.finditer(text):
        words = m.group("name").split()
        if any(w.strip(".,") in ORG_NOUNS for w in words) or words[0].lower() in stop_words:
            continue
        if words[0] in TITLES or words[0].lower() in LOWER_TITLES:  # "Mr. President"
            continue
        if re.sub(r"[\s-]+", " ", m.group(0)).strip(" .,") in _FEASTS_SPACED:
            continue  # "Lady Day": a quarter day, not a lady
        before = text[max(0, m.start() - 6):m.start()].split()
        if before and before[-1] in ("of", "the", "a", "an"):  # "Committee of General Security"
            continue
        if words[-1] in STREET_WORDS and before and before[-1].lower() in _WHERE_PREPOSITIONS and \
                not m.group("title").endswith(".") and text[m.end():m.end() + 1] not in ("'", "’"):
            # "in King Street", "near Queen Square": a street named after a title, not a titled person
            add(m.start("title"), m.end("name"), "place", "rule:place", 3)
            continue
        # "Lady Ormsby's Clara Delmont", "Dr. Hale's Travels": the name ends at its possessive, what follows is
        # the titled person's book or house, not more of the name
        owner = re.search(r"['’]s?(?=\s)", m.group("name"))
        end = m.start("name") + owner.start() if owner else m.end("name")
        if owner:
            # ... and the owner's field or house after it is a place named by its owner ("Hale's Long Meadow")
            # ("Lord Ashby's Park": editors name such a place with its owner's title, as it is written)
            add(m.start("title"), m.end("name"), "place", "rule:owned", 3)
        # a title word opening a sentence ("General strikes ...") needs a capitalized name after it
        add(m.start("title"), end, "person", "rule:title", 1)
    for m in _P_ADDRESS_TITLE.finditer(text):
        words = m.group("name").split()
        if words[0].lower() in stop_words or words[0] in NON_NAMES or words[0] in TITLES \
                or any(w.strip(".,") in ORG_NOUNS for w in words) or names_no_one(words[0]):
            continue
        add(m.start("title"), m.end("name"), "person", "rule:title", 1)
    for m in _P_ROLE.finditer(text):
        words = m.group("name").split()
        if words[0].lower() in stop_words or words[0] in NON_NAMES or words[0] in TITLES \
                or any(w in ORG_NOUNS for w in words):
            continue
        add(m.start("name"), m.end("name"), "person", "rule:role", 3)
    for m in _P_POST_TITLE.finditer(text):
        # the capitalized words before the surname are its given names unless they open the sentence ("To
        # Thomas Brierley, Esq.": "To" is no name) or are a title or a greeting
        start, names = m.start("name"), m.group("name").split()
        while len(names) > 1 and (names[0].lower() in stop_words or names[0] in NON_NAMES
                                  or names[0].rstrip(".") in TITLES or names_no_one(names[0])):
            start = text.index(names[1], start + len(names[0]))
            names = names[1:]
        if " ".join(names).lower() not in stop_words:
            add(start, m.end("title"), "person", "rule:title", 1)
    for m in _P_SURNAME_FIRST.finditer(text):
        first = m.group("name").split()[0].strip(",")
        if first.lower() in stop_words or first in NON_NAMES or first.rstrip(".") in TITLES:
            continue
        before = text[max(0, m.start() - 12):m.start()].split()
        if before and (before[-1].lower() in stop_words or before[-1] in ("St.", "Saint", "San", "Santa")):
            # "in Tver, Anna Petrovna ...": a place before the name, not a surname
            continue
        if is_patronymic(m.group("name").split()[-1]):
            add(m.start("name"), m.end("name"), "person", "rule:patronymic", 2)
    for m in _P_PATRONYMIC.finditer(text):
        words = m.group("name").split()
        if not is_patronymic(words[1]) or words[0] in NON_NAMES or words[0].lower() in stop_words:
            continue
        end = m.end("name")
        if len(words) == 3 and (words[2].lower() in stop_words or words[2] in NON_NAMES):
            end = m.start("name") + len(" ".join(words[:2]))
        add(m.start("name"), end, "person", "rule:patronymic", 2)
    for m in _P_INITIALS_NAME.finditer(text):
        last = m.group("name").split()[-1].split(".")[-1]
        if last in ORG_NOUNS or last.lower() in stop_words:
            continue
        tok = tokens.get(m.end("name") - len(last))
        # "with N. I. Frightened faces appear": a full stop lost, a participle before its noun
        nxt = tok.doc[tok.i + 1] if tok is not None and tok.i + 1 < len(tok.doc) else None
        participle = tok is not None and last.endswith(("ed", "ing")) and (
            (tok.head.i > tok.i and tok.head.text.islower())
            or (nxt is not None and nxt.text.islower() and nxt.pos_ == "NOUN"))
        given = m.group("given")
        # a given name before the initials is part of the name ("Ellen B. Carver"); a word that opens the
        # sentence or a title ("Then A. B. Carver", "Dear A. Carver") is not
        start = m.start("name") if given and given.lower() not in stop_words and given not in TITLES \
            and given.lower() not in LOWER_TITLES and given not in NON_NAMES and not names_no_one(given) \
            and pos.get(m.start("name"), "PROPN") == "PROPN" else m.start("initials")
        if participle or pos.get(m.end("name") - len(last)) in ("VERB", "ADJ", "ADV", "AUX", "PRON", "DET", "ADP"):
            # "N. I. Frightened, ...": the initials stand alone and a sentence goes on
            add(m.start("initials"), m.end("name") - len(last), "person", "rule:initials", 4)
            continue
        initials = m.group("initials")
        if initials.split()[0] in NOT_INITIALS or initials[:4] in NOT_INITIALS:
            continue
        add(start, m.end("name"), "person", "rule:initials", 2)
    for m in _P_ABBR_GIVEN.finditer(text):
        add(m.start("name"), m.end("name"), "person", "rule:initials", 2)
    for m in _P_NAME_INITIALS.finditer(text):
        first = m.group("name").split()[0]
        if first.lower() in stop_words or first in NON_NAMES:
            continue
        add(m.start("name"), m.end("name"), "person", "rule:initials", 3)
    for m in _P_INITIALS.finditer(text):
        compact = m.group("name").replace(" ", "").upper()
        if compact in NOT_INITIALS:
            continue
        add(m.start("name"), m.end("name"), "person", "rule:initials", 4)
    for m in _P_GLUED.finditer(text):
        if m.group("name").lower() not in stop_words and len(m.group("name")) > 2:
            # the span keeps the digits as written; the name drops them
            add(m.start("name"), m.end("digits"), "person", "rule:footnote", 20)
    for m in _P_ORG.finditer(text):
        words = m.group("name").split()
        # a lone head noun ("Committee") is not a name; nor is a title before it ("Privy Council" is)
        if words[0] in ("The", "the"):  # trimmed by add(); other function words start no name
            words = words[1:]
        elif words[0].lower() in stop_words:
            continue
        if len(words) > 1:
            add(m.start("name"), m.end("name"), "organization", "rule:org", 8)
    for m in _P_PLACE_HEAD.finditer(text):
        if m.group("name").split()[0].lower() not in stop_words and m.group("name").split()[0] not in TITLES:
            add(m.start("name"), m.end("name"), "place", "rule:place", 9)
    for pattern in (_P_SITE_POSSESSIVE, _P_PLACE_PREFIX):
        for m in pattern.finditer(text):
            if m.group("name").split()[0].lower() not in stop_words:
                add(m.start("name"), m.end("name"), "place", "rule:place", 9)
    for m in _P_FACILITY_LIST.finditer(text):
        for w in re.finditer(CAP, m.group("list")):
            if w.group().lower() not in stop_words and w.group() not in TITLES and w.group() not in NON_NAMES:
                add(m.start("list") + w.start(), m.start("list") + w.end(), "place", "rule:place", 9)
    for pattern in (_P_PLACE_OF, _P_PLACE_AFTER, _P_PLACE_KIND):
        for m in pattern.finditer(text):
            if m.group("name").split()[0].lower() not in stop_words:
                # the kind of landform written before a name is surer than the model's guess
                add(m.start("name"), m.end("name"), "place", "rule:place", 9 if pattern is _P_PLACE_KIND else 15)
    for m in _P_SURNAME_SHAPE.finditer(text):
        # only inside a sentence, where a capital is not just the first word, and only as a last resort
        before = text[max(0, m.start() - 3):m.start()]
        if before.strip() and before.rstrip()[-1:] not in ".!?\"“:" and m.group("name").lower() not in stop_words:
            add(m.start("name"), m.end("name"), "person", "rule:surname", 25)
    for m in _P_ACRONYM.finditer(text):
        name = m.group("name")
        if _ROMAN.match(name) or _heading_line(text, m.start()) or name.lower() in stop_words:
            continue
        add(m.start("name"), m.end("name"), "organization", "rule:acronym", 20)
    return out


#: generic heads after a place name that belong to the name ("Tula region", "Shipka Pass")
_PLACE_HEAD = re.compile(r"\s(?:region|province|governorate|district|oblast|county|uyezd|krai|station|"
                         r"square|Square|Station|Pass|pass|Mountains|Valley|valley|Island|Bay|River|Lake|"
                         r"Street|Avenue|Province|Region|District|mines)\b")


#: lower-case institutions after a nationality ("Spanish government")
_NORP_BODY = re.compile(r"\s(?:government|police|army|navy|authorities|parliament|embassy|consulate|ministry|"
                        r"court|cabinet|legation|delegation|press|communists|party)\b")


_WHO_AFTER = re.compile(r"\s*,?\s*(?:who|whom|whose)\b|['’]s\s+(?:wife|husband|son|daughter|father|mother|"
                        r"brother|sister|widow|friend|secretary|son-in-law|nephew|niece)\b")
_PERSON_BEFORE = re.compile(r"(?:\bthe\s+late|\b(?:said|answered|replied|asked|added|remarked|exclaimed|"
                            r"objected|wrote|declared|shouted|whispered)|\bwidow\s+of|\bwife\s+of|\bson\s+of|"
                            r"\bdaughter\s+of|\b(?:man|woman|fellow|lad|girl|boy|person)\s+(?:named|called))\s+$")


def _person_context(text: str, start: int, end: int, ent: Any) -> bool:
    """Return True when the words around a model place or body show a person ("X, who", "the late X").

    Names of people the model has not seen are often labelled places; what is
    said of them (a relative "who", a verb of speaking or thinking they are the
    subject of) tells them apart. A single capitalized name only: "Paris, who"
    is rare, and a city acting as a government is decided later by the gazetteer.
    """
    if " " in text[start:end].strip() and not re.search(r"-", text[start:end]):
        return False
    if re.search(r"\bof\s+(?:the\s+)?$", text[max(0, start - 8):start]):
        return False  # "the Archbishop of X, who": the relative speaks of the title, not of X
    if _WHO_AFTER.match(text, end) or _PERSON_BEFORE.search(text, max(0, start - 30), start):
        return True
    root = ent.root
    return root.dep_ == "nsubj" and root.head.lemma_ in PERSON_VERBS


#: words that open a greeting ("Dear Clara", "My dear old Clara"), not a name
_ADDRESS_OPENERS = frozenset(("dear", "dearest", "my"))
_ADDRESS_LEAD = re.compile(rf"(?:(?i:dear|dearest|my)\s+)(?:(?:{'|'.join(sorted(ADDRESS_MODIFIERS))})\s+)*")


def _after_an_order(text: str, ent: Any) -> int:
    """Return where the name of a model span starts: after an order that opens it ("Pay Müller the rent",
    "Tell Harrison"), where the model took the verb in the imperative for a first name; else its start.

    The parse says so (a verb in the base form whose object the name is), or, where the model made the
    verb a name too, a verb of ``order_verbs.txt`` opening the sentence.
    """
    try:
        verb, name = ent[0], ent[1]
    except (TypeError, IndexError):
        return ent.start_char  # one word, or a span that is not a parse (tests, other engines)
    if verb.tag_ == "VB" and verb.pos_ == "VERB" and name.head.i == verb.i and name.dep_ in ("dobj", "dative"):
        return name.idx
    if verb.text.lower() in ORDER_VERBS and _SENTENCE_START.search(text[max(0, verb.idx - 40):verb.idx]):
        return name.idx
    return ent.start_char


def _happening(text: str, start: int, end: int, name: str, type_: str) -> _Candidate | None:
    """Return the candidate of a model span that names a battle, a siege or a treaty, not the town it is named after,
    typed by ``happening_name_leads.txt``; else None.

    "the Battle of X" (the model's span holding the lead word, or the lead just before a place it found:
    "the siege of X") is one name, of the happening; "X was fought" names the battle by its place alone and
    is read as "Battle of X". Neither is a mention of the town: a battle gets no town's point.
    """
    def named(lead: str, rest: str) -> str:
        return re.sub(r"\s+", " ", lead[:1].upper() + lead[1:] + rest)

    own = _HAPPENING_NAME.match(name)
    if own:
        return _Candidate(start, end, HAPPENING_LEADS[own["lead"].lower()], "rule:event", 10,
                          named(name[own.start("lead"):own.end("lead")], name[own.end("lead"):]))
    if type_ == "work":
        return None
    before = _HAPPENING_BEFORE.search(text, max(0, start - 40), start)
    # a place or a body after "battle of", or a one-word name the model took for a person ("the siege of X")
    if before and (type_ in ("place", "organization") or " " not in name):
        return _Candidate(before.start("lead"), end, HAPPENING_LEADS[before["lead"].lower()], "rule:event", 10,
                          named(before["lead"], text[before.end("lead"):start] + name))
    if " " not in name and _FOUGHT_AFTER.match(text, end):
        return _Candidate(start, end, HAPPENING_LEADS["battle"], "rule:event", 10, f"Battle of {name}")
    return None


#: two names of two words or three joined by "&" or "and", on one line
_TWO_FULL_NAMES = re.compile(rf"(?P<a>{CAP}(?:[ \t]+(?:{INITIAL})?{CAP}){{1,2}})[ \t]+(?:&|and)[ \t]+"
                             rf"(?P<b>{CAP}(?:[ \t]+(?:{INITIAL})?{CAP}){{1,2}})")
#: the partners a firm's name ends in ("Harlow & Sons", "Baring Brothers & Co.")
_FIRM_PARTNERS = frozenset(("co", "company", "sons", "son", "brothers", "bros", "partners", "nephew", "nephews"))


#: the word just before a name, after any space
_LAST_WORD = re.compile(r"([A-Za-z]+)\s+$")


def _after_where(text: str, start: int) -> bool:
    """Return True when the name at ``start`` follows a preposition of place directly ("at", "near", "in":
    data/lexicon/place_prepositions.txt), no article between."""
    w = _LAST_WORD.search(text[max(0, start - 16):start])
    return bool(w) and w.group(1).lower() in _WHERE_PREPOSITIONS


def _ner_candidates(text: str, doc: Any) -> list[_Candidate]:
    out = []
    for ent in doc.ents:
        type_ = NER_TYPES.get(ent.label_)
        if type_ is None and ent.label_ == "PRODUCT" and _after_where(text, ent.start_char):
            type_ = "place"  # a town after "at", which a model of modern news may take for a product
        if type_ is None:
            continue
        start, end = _trim(text, _after_an_order(text, ent), ent.end_char)
        if type_ == "place":
            head = _PLACE_HEAD.match(text, end)
            if head:
                end = head.end()
        if end <= start:
            continue
        name = clean_name(text[start:end], type_)
        words_ = name.split()
        if len(words_) == 2 and words_[0] == words_[1]:
            # "kiss Clara Clara will go": one name at the end of a clause and again at the next one's head
            end = start + text[start:end].index(words_[0]) + len(words_[0])
            name = words_[0]
        elif len(words_) > 1 and words_[0].lower() in _ADDRESS_OPENERS:
            # "Dear Clara" in a quoted greeting, which the model takes for a title: the person it addresses
            lead = _ADDRESS_LEAD.match(text, start)
            if lead and lead.end() < end:
                start, type_ = lead.end(), "person"
                name = clean_name(text[start:end], type_)
        if name in FEASTS or re.sub(r"[\s-]+", " ", text[start:end]) in _FEASTS_SPACED \
                or (name.split()[0] in FEASTS and len(name.split()) == 2
                    and name.split()[1] in ("Day", "Eve", "Sunday", "Monday", "Week")):
            continue  # "Easter", "Whitsun Monday": a feast names a day, the dates layer has it
        if re.search(r"\d", name) and ((name[:1].isdigit() and type_ == "person")
                                        or any(w.lower() in _MONTHS for w in name.split())):
            continue  # "4th February 1912", "2′ S.": a date or a bearing the model took for a name
        if len(name.split()) > 1 and re.search(r"['’]s\s", name) and name.split()[-1].lower() in _DOCUMENT_NOUNS:
            type_ = "work"  # "Hartwell's Diary": a writing named after its writer
        if type_ == "work" and (text[end:end + 1] == "!" or re.fullmatch(rf"{CAP},\s{CAP}", name)):
            continue  # "Good Hobbes!", "Promise, Clara": a cry or a word to someone in dialogue, not a title
        if ent.label_ != "NORP" and name in NATIONALITY_WORDS:
            continue  # "Latin", "a Frenchman": a language or a nationality the model took for a person or a place
        if _SECTION_HEAD.match(text[start:end]):
            continue  # "CHAPTER I. EARLY LIFE": a section's heading, the "I." no initial
        if names_no_one(text[start:end]):
            continue  # "Brother", "my dear Sister": what the writer calls someone, the same word for many
        if " " not in name and name.lower() in _TITLE_OPENERS:
            continue  # "Recollections" of a book's title, cut from it by the model or a line break
        if not _plausible(name) or name in ORG_NOUNS or name.replace(" ", "").upper() in NOT_INITIALS:
            # a bare "Union" or "Party" is a common noun with a capital, "M.D." a degree: not names
            continue
        happening = _happening(text, start, end, name, type_)
        if happening is not None:
            out.append(happening)
            continue
        if " " not in name and name in SERIAL_HEADS and re.search(r"\bthe\s+$", text[max(0, start - 5):start], re.I):
            type_ = "work"  # "read the Courier": a newspaper called by its short name, not a place or a body
        if type_ in ("place", "organization") and name.split()[-1] in EVENT_NAME_HEADS:
            # "the Spotland Bridge Riot": a happening, named after the place it happened at
            if len(name.split()) == 1:
                continue
            end = start + text[start:end].rindex(name.split()[-1])
            end = start + len(text[start:end].rstrip())
            type_, name = "place", clean_name(text[start:end], "place")
            if not _plausible(name):
                continue
        if len(name.split()) > 1 and name.split()[-1] in SITE_HEADS and ent.label_ != "PERSON":
            type_ = "place"  # "Observation Hill": the model's body or work with a site's head is a place
        if name.split()[-1] in STREET_WORDS and len(name.split()) > 1:
            type_ = "place"  # "Mill Lane", "Tanner's Row": the model often calls them people
            joined = re.search(r"\s(?:and|&)\s(?=[A-Z])", text[start:end])
            if joined:  # "Tanner's Row and Fish Street": two streets, not one
                out.append(_Candidate(start + joined.end(), end, type_, "ner", 10))
                end = start + joined.start()
        pair = _TWO_FULL_NAMES.fullmatch(text, start, end) if type_ in ("organization", "person") else None
        if pair and not any(w in ORG_NOUNS or w.lower() in FIRM_WORDS or w.lower().rstrip(".") in _FIRM_PARTNERS
                            or re.fullmatch(_ORG_HEADS, w) for w in name.split()):
            # "Ann Morley & Ruth Vannock": two people named in full, not a firm ("Harlow & Sons")
            out += [_Candidate(pair.start(side), pair.end(side), "person", "ner", 10) for side in ("a", "b")]
            continue
        if ent.label_ == "NORP":
            body = _NORP_BODY.match(text, end)
            if body:  # "the Spanish government", "the French police": a body of that nation
                out.append(_Candidate(start, body.end(), "organization", "ner", 10))
                continue
            # plural movement names are organizations ("Jacobins", "Federalists"); demonyms are not
            if not re.search(r"(?:ists|ites|iks|crats|ins|gs|ies|ists'|ers)$", name):
                continue
        if ent.label_ == "ORG" and " " not in name and not name.isupper() and _SURNAME_END.search(name) \
                and all(part[:1].isupper() for part in name.split("-")):
            type_ = "person"  # "Kowalski", "Petrenko-Wolski": a surname's shape, not a body's
        if ent.label_ == "FAC" and any(w in ORG_NOUNS for w in name.split()):
            type_ = "organization"
        if type_ in ("place", "organization") and _person_context(text, start, end, ent):
            out.append(_Candidate(start, end, "person", "rule:context", 10))
            continue
        out.append(_Candidate(start, end, type_, "ner", 10))
    return out


def find_mentions(text: str, doc: Any, source: str, document: str | None, offset: int = 0,
                  stop_words: Iterable[str] | None = None, dates: Iterable[tuple[int, int]] | None = None,
                  place: str | None = None, marked: Iterable[tuple[int, int, str]] = ()) -> list[Mention]:
    """Return the mentions in ``text`` (one document), offsets shifted by ``offset`` into the source.

    ``doc`` is spaCy's parse of ``text``; rule matches win over the model where they overlap.
    ``dates`` are the spans of the document's dates (offsets into ``text``; None: the model's
    DATE entities), which find its place-and-date line (:func:`dateline_places`); ``place`` is
    the document's place as segmentation read it. ``marked`` are the names the file's markup marks
    (offsets into ``text``, a type: a TEI ``<persName>`` is a person, a ``<placeName>`` a place, and optionally
    the name the file's list gives it), which win over every rule and the model.
    """
    stops = frozenset(stop_words) if stop_words is not None else _stop_words(getattr(doc, "lang_", "en"))
    tokens = _TokenAt(doc)  # one offset index of the parse, for the rules and for the species check below
    # the editor's markup says what a name is: it wins over every guess
    rules = [_Candidate(m[0], m[1], m[2], "rule:markup", -1, (m[3] if len(m) > 3 else None) or None)
             for m in marked if 0 <= m[0] < m[1] <= len(text) and text[m[0]:m[1]].strip()]
    rules += _rule_candidates(text, stops, tokens)
    if doc is not None:
        if dates is None:
            dates = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
        # the place slot of a date line is a place whoever the model takes the name for
        rules += [_Candidate(a, b, "place", "rule:dateline", 0) for a, b in dateline_places(text, doc, dates, place)]
    ner = _ner_candidates(text, doc) if doc is not None else []
    chosen: list[_Candidate] = []
    taken = bytearray(len(text) + 1)
    # strong rules first, then the model, then the weak rules (acronyms, glued footnote
    # digits) for what the model left out; the first to claim a character keeps it
    for cand in sorted(rules + ner, key=lambda c: (c.rank, -(c.end - c.start), c.start)):
        if any(taken[cand.start:cand.end]):
            continue
        chosen.append(cand)
        taken[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
    # a person named in a title ("Napoleon. A Life") is still named there, and so is the body a
    # department belongs to ("the secretariat of the Privy Council"): kept beside the longer name
    outer = [c for c in chosen if c.type == "work" or (c.type == "organization" and " of " in text[c.start:c.end])]
    if outer:
        for cand in sorted(rules + ner, key=lambda c: (c.rank, -(c.end - c.start), c.start)):
            # ... and so is a town in a title ("Bath Sketches", "Travels of a Week in Kent")
            inner = {"work": ("person", "place"), "organization": ("organization",)}
            if any(w.start <= cand.start and cand.end <= w.end and (w.start, w.end) != (cand.start, cand.end)
                   and cand.type in inner[w.type] and (w.type == "work" or " of " in text[w.start:cand.start])
                   for w in outer) \
                    and not any(c.type == cand.type and c.start < cand.end and cand.start < c.end
                                and c not in outer for c in chosen):
                chosen.append(cand)
    # "Dr. Hale's Travels", "Mr. Hale's Long Meadow": a titled owner and the book or the field his possessive names
    # share the surname; both are names, neither swallows the other
    pair = ("rule:title", "rule:work", "rule:owned")
    for cand in rules:
        if cand.origin not in pair or cand in chosen:
            continue
        over = [c for c in chosen if c.start < cand.end and cand.start < c.end]
        # what the model found inside the field's name ("Long Meadow" of "Hale's Long Meadow") is part of it
        # ("Betty" of "Mrs. Pell's Betty" is her maid, a person: no field)
        inside = [c for c in over if c.origin == "ner" and cand.start <= c.start and c.end <= cand.end]
        if any(c.type == "person" for c in inside) and cand.type == "place":
            continue
        over = [c for c in over if c not in inside]
        if over and all(c.origin in pair and c.type != cand.type and "person" in (c.type, cand.type)
                        and (c.start < cand.start < c.end < cand.end or cand.start < c.start < cand.end < c.end
                             or cand.origin == "rule:owned" and cand.start <= c.start and c.end < cand.end)
                        for c in over):
            chosen = [c for c in chosen if c not in inside] + [cand]
    out = []
    pos = _PosAt(tokens)
    for c in sorted(chosen, key=lambda c: c.start):
        if c.origin not in _SURE_ORIGINS and (latin_binomial(text, c.start, c.end, pos)
                                              or _names_a_species(text, c, pos)):
            continue
        surface = text[c.start:c.end]
        out.append(Mention(source=source, document=document, char_start=offset + c.start,
                           char_end=offset + c.end, text=surface, type=c.type,
                           name=c.name or clean_name(surface, c.type), origin=c.origin))
    return out


#: origins of mentions a rule found by a title, a patronymic or a kind written beside the name
_SURE_ORIGINS = frozenset(("rule:title", "rule:patronymic", "rule:vessel", "rule:work", "rule:body", "rule:dateline",
                           "rule:markup"))
#: endings of the Latin names of genera and of species epithets ("Quercus alba", "Erethizon dorsatum")
_GENUS = re.compile(r"(?:us|um|a|on|is|ia|es|os|ax|ex|ix|yx|ys|as|er|e)$")
_EPITHET = re.compile(r"[a-z]{2,}(?:us|um|ae|ii|is|ensis|ense|alis|ilis|oides|ata|osa|ica|ina|ana|ella|ula|fera)$")
_BINOMIAL_AFTER = re.compile(r"\s+(?P<epithet>[a-z]{4,})(?![\w’'-])")
#: endings of English words after a name ("famous", "immense", "native") that a Latin epithet's shape allows
_ENGLISH_END = re.compile(r"(?:ous|ium|eum|(?<![ldnri])ense)$")
_NOT_EPITHET_POS = frozenset(("VERB", "AUX", "DET", "PRON", "ADP", "ADV", "SCONJ", "CCONJ", "PART", "NUM"))
_VARIETY_BEFORE = re.compile(r"\b(?:var|subsp|ssp|sp|spp|cf|f)\.\s*$")


def _names_a_species(text: str, c: _Candidate, pos: dict[int, str]) -> bool:
    """Return True when the one-word person or body ``c`` stands before a kind of plant or animal it names
    ("the Douglas squirrel", "Bullock's oriole", "Nuttall's flowering dogwood"); ``pos`` must call the kind a
    noun ("Clara rose" is a verb)."""
    if c.type not in ("person", "organization") or " " in text[c.start:c.end].strip():
        return False
    m = _P_ORGANISM_AFTER.match(text, c.end)
    return bool(m) and pos.get(m.start("kind")) == "NOUN"


def latin_binomial(text: str, start: int, end: int, pos: dict[int, str] | None = None) -> bool:
    """Return True when the capitalized word at ``text[start:end]`` is the genus of a Latin species name
    ("Quercus alba", "a rat (Erethizon dorsatum)") or a variety's name ("var. Occidentalis").

    A naturalist's text is full of them and the model takes them for people and places. The genus
    and the lower-case epithet after it both end as Latin names do; an epithet ending as English
    words do ("famous", "museum") is none, nor one the parse (``pos``: offset -> part of speech)
    calls a verb or a function word ("Boston this morning").

    >>> latin_binomial("a lily (Ranunculus acris) grew", 8, 18), latin_binomial("Nancy is here", 0, 5)
    (True, False)
    """
    word = text[start:end]
    if not re.fullmatch(r"[A-Z][a-z]+", word):
        return False
    if _VARIETY_BEFORE.search(text, max(0, start - 8), start):
        return True
    after = _BINOMIAL_AFTER.match(text, end)
    if not after or not _GENUS.search(word):
        return False
    epithet = after.group("epithet")
    if (pos or {}).get(after.start("epithet")) in _NOT_EPITHET_POS:
        return False
    return bool(_EPITHET.fullmatch(epithet)) and not _ENGLISH_END.search(epithet)


@lru_cache(maxsize=8)
def _stop_words(lang: str) -> frozenset[str]:
    """Return the stop words of spaCy's language ``lang`` (English when unknown)."""
    try:
        from spacy.util import get_lang_class
        return frozenset(get_lang_class(lang).Defaults.stop_words)
    except Exception:  # an unknown language code: English stop words still catch "The", "In"
        from spacy.lang.en.stop_words import STOP_WORDS
        return frozenset(STOP_WORDS)


def document_mentions(text: str, documents: list[Any], parsed: list[Any], source: str,
                      timexes: Iterable[Any] | None = None,
                      blocks: Iterable[tuple[int, int, str]] = ()) -> list[Mention]:
    """Return the mentions of every document of one source, in text order.

    ``parsed`` holds spaCy's parse of each document's text (same order as ``documents``);
    ``timexes``, the source's tagged dates (None: the model's DATE entities), find each
    document's place-and-date line; ``blocks``, the source's markup spans (``Source.blocks``), give the
    names its markup marks (``person``, ``place``).
    """
    # "person:Martha Holt": the edition's list of persons names the person its markup points to
    names = sorted((a, b, _MARKED_TYPES[tag.split(":")[0]], tag.partition(":")[2]) for a, b, tag in blocks
                   if tag.split(":")[0] in _MARKED_TYPES)
    stops = _stop_words(getattr(parsed[0], "lang_", "en")) if parsed else frozenset()
    spans = None if timexes is None else sorted((t.char_start, t.char_end) for t in timexes if t.type == "DATE")
    out: list[Mention] = []
    for document, doc in zip(documents, parsed):
        lo, hi = document.char_start, document.char_end
        dates = None if spans is None else [(a - lo, b - lo) for a, b in spans if lo <= a and b <= hi]
        place = document.place.name if getattr(document, "place", None) else None
        marked = [(a - lo, b - lo, type_, listed) for a, b, type_, listed in names if lo <= a and b <= hi]
        out.extend(find_mentions(text[lo:hi], doc, source, document.id, lo, stop_words=stops, dates=dates,
                                 place=place, marked=marked))
    out = _families(text, documents, out, source)
    common = common_words_capitalized(text, {m.name for m in out if m.origin in _GUESSED_ORIGINS})
    out = [m for m in out if not (m.origin in _GUESSED_ORIGINS and m.name in common)]
    display = _display_paragraphs(text, stops)
    heading = [m for m in out if _heading_body(text, m) or _display_body(m, display)]
    if not heading:
        return out
    running = "\n".join(line for line in text.split("\n") if not _capitals_line(line, 0))
    if 2 * sum(c.isalpha() for c in running) < sum(c.isalpha() for c in text):
        return out  # a text written in capitals (a telegram): its capitals are no headings
    running = "\n".join(line for line in running.split("\n") if not _display_paragraphs(line, stops))
    dropped = {id(m) for m in heading if not any(_named_in(running, w) for w in _capital_words(m.text))}
    return [m for m in out if id(m) not in dropped]


#: "the Hales", "the two Hales", "the young Hales": a surname in the plural after the article
_P_FAMILY = re.compile(rf"(?<![\w-])[Tt]he\s+(?:(?:two|three|four|young|elder|younger|little|old|whole)\s+)?"
                       rf"(?P<name>[{_UP}][{_LO}]+(?:s|es))(?![\w'’-])")


def _families(text: str, documents: list[Any], mentions: list[Mention], source: str) -> list[Mention]:
    """Return ``mentions`` with the families a source names by a surname in the plural ("the Hales") as bodies, in
    place of the person or place the model or a rule took the plural for.

    Only a surname the same source gives a person (after a title, "Mr. Hale", or as the last word of a full name,
    "Ann Hale"): the corpus says the singular is a surname, so "the Hales" are that household, a body of people.
    """
    surnames = set()
    for m in mentions:
        if m.type != "person":
            continue
        words_ = m.name.split()
        if len(words_) > 1 or m.text.split()[0].rstrip(".") in _BARE_TITLES:
            surnames.add(words_[-1])
    if not surnames:
        return mentions
    known = {m.name for m in mentions if m.type == "person"}
    found: list[Mention] = []
    for m in _P_FAMILY.finditer(text):
        plural = m.group("name")
        single = next((x for x in (plural[:-1], plural[:-2]) if x in surnames), None)
        if single is None or plural in known:
            continue  # a surname that ends in "s" itself ("Mr. Giles") is no plural
        a, b = m.start("name"), m.end("name")
        doc = next((d for d in documents if d.char_start <= a and b <= d.char_end), None)
        found.append(Mention(source=source, document=doc.id if doc else None, char_start=a, char_end=b,
                             text=plural, type="organization", name=plural, origin="rule:family"))
    if not found:
        return mentions
    spans = [(f.char_start, f.char_end) for f in found]
    kept = [m for m in mentions if not any(m.char_start < b and a < m.char_end for a, b in spans)]
    return sorted(kept + found, key=lambda m: m.char_start)


#: the markup spans that mark a name (``Source.blocks`` tags) and the type of the name
_MARKED_TYPES = {"person": "person", "place": "place"}


def _named_in(running: str, word: str) -> bool:
    """Return True when ``running`` writes ``word`` (given in capitals) as a name: in capitals, or with a
    capital inside a sentence ("signed, Crale"), not at the start of a line after one that ends in a small letter."""
    return bool(re.search(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])", running)
                or re.search(rf"[{_LO},;][ \t]+{re.escape(word.title())}(?![\w’'-])", running))


def _capital_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[\w’'-]+", name) if not _ROMAN.match(w)]


def _heading_body(text: str, m: Mention) -> bool:
    """Return True for a body the model or the acronym rule found in a line written in capitals ("A HISTORY
    OF THE VOYAGE", "THE STORM", "CHAPTER III"): a heading's word, unless the text writes one of its
    words as a name elsewhere too, or is written in capitals throughout (:func:`document_mentions` looks).

    In capitals every word looks like an acronym or a name; an acronym is written so in the running
    text too ("the CPSU"), a heading's common word is not.
    """
    if m.type != "organization" or m.origin not in ("ner", "rule:acronym") or not _capitals_line(text, m.char_start):
        return False
    words_ = _capital_words(m.text)
    return bool(words_) and all(w.isupper() for w in words_)


#: a run of words in capitals inside a line of running text: "NOTICE IS HEREBY GIVEN"
_CAPITALS_RUN = re.compile(r"(?<![\w’'-])[A-Z][A-Z’'-]+(?:\s+[A-Z][A-Z’'-]*){2,}(?![\w’'-])")


def _display_paragraphs(text: str, stops: frozenset[str]) -> list[tuple[int, int]]:
    """Return the spans of the lines of running text set partly in display capitals, as a proclamation or a
    printed notice is ("WHEREAS ... NOTICE IS HEREBY GIVEN, that a REWARD of FIFTY POUNDS ..."): a run of three
    words or more in capitals with a small word among them ("IS", "OF", "THE"), which no acronym has."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        if _capitals_line(text, line.start()):
            continue
        if any(any(w.lower() in stops for w in run.group().split())
               for run in _CAPITALS_RUN.finditer(line.group())):
            out.append(line.span())
    return out


def _display_body(m: Mention, display: list[tuple[int, int]]) -> bool:
    """Return True for a body the model or the acronym rule found in capitals in a line set in display
    capitals (:func:`_display_paragraphs`): "a REWARD of FIFTY POUNDS" names no body."""
    if m.type != "organization" or m.origin not in ("ner", "rule:acronym"):
        return False
    words_ = _capital_words(m.text)
    return bool(words_) and all(w.isupper() for w in words_) and any(a <= m.char_start < b for a, b in display)


def _capitals_line(text: str, pos: int) -> bool:
    """Return True when ``pos`` sits in a line written in capitals, however short ("NOTES", "THE STORM")."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    letters = [c for c in text[a:b if b >= 0 else len(text)] if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


#: origins of mentions only the model or a word's shape vouches for
_GUESSED_ORIGINS = frozenset(("ner", "rule:surname", "rule:footnote"))
#: what may stand between a sentence's start and its first word: quotation marks, brackets, a dash
_SENTENCE_START = re.compile(r"(?:^|[.!?]|\n[ \t]*\n)[\s\"“”‘’'(\[«_*—–-]*$")


def common_words_capitalized(text: str, names: Iterable[str]) -> set[str]:
    """Return the one-word ``names`` that ``text`` writes with a capital only where a sentence or a line
    begins, and in lower case elsewhere ("Grace and ease of movement ... a natural grace"): common
    words, not names.

    >>> sorted(common_words_capitalized("Drop by drop it fell. Then Grace came and Grace left.", ["Drop", "Grace"]))
    ['Drop']
    """
    names = {n for n in names if re.fullmatch(rf"[{_UP}][{_LO}]+", n)}
    if not names:
        return set()
    # one pass over the words: a name written with a capital inside a sentence is a name
    lower = set(re.findall(rf"(?<![\w’'-])[{_LO}]+(?![\w’'-])", text))
    names = {n for n in names if n.lower() in lower}
    inside = set()
    for m in re.finditer(rf"(?<![\w’'-])[{_UP}][{_LO}]+(?![\w-])", text):
        word = m.group()
        if word in names and word not in inside and m.start() > 0 \
                and not _SENTENCE_START.search(text[max(0, m.start() - 40):m.start()]) \
                and not _title_case_line(text, m.start()):
            inside.add(word)
    return names - inside


def _title_case_line(text: str, pos: int) -> bool:
    """Return True when ``pos`` sits in a heading written in title case ("Extracts from Her Diary"), where
    a capital says nothing of a name."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    line = re.findall(r"[\w’'-]+", text[a:b if b >= 0 else len(text)])
    big = [w for w in line if len(w) > 3 or w[0].isupper()]
    return len(line) >= 3 and not re.search(r"[.!?,;]\s*$", text[a:b if b >= 0 else len(text)].strip()[-2:]) \
        and sum(w[0].isupper() for w in big) >= 0.8 * len(big)


#: words that may stand between the names of a date line's place ("Harwick Hall, near Ashby")
_DATELINE_JOINS = frozenset(("at", "near", "in", "the", "of", "on", "upon", "by"))
#: lines of a document's head (and foot) that may hold its date line
_DATELINE_LINES = 3


def dateline_places(text: str, doc: Any, dates: Iterable[tuple[int, int]],
                    place: str | None = None) -> list[tuple[int, int]]:
    """Return the spans of the names at the place slot of a document's place-and-date line.

    The line reads "Harwick Hall, 4th May 1812." or "4th May 1812, Lydford": a date (one of
    ``dates``, offsets into ``text``) and beside it, on a line of its own, at most six words, all
    proper names or the small words between them. Its position says what the name is: where a
    letter dates itself, the name is where it was written, whatever else the name could be.
    A capitalized word of ``place`` counts as a proper name whatever the tagger calls it (a town it
    does not know, "Kendal", is tagged an adjective).
    Such a line among the first few of the document is its date line; among the last few (where
    a signature may stand beside a date) only when the name is the document's ``place``. An address
    line right above the date line ("Rose Cottage, Stroud", with a comma) names the place too.
    ``doc`` is spaCy's parse of ``text``.
    """
    dates = sorted(dates)
    if not dates:
        return []
    lines = [m.span() for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    head = lines[:_DATELINE_LINES]
    foot = lines[-_DATELINE_LINES:] if place else []
    tokens = sorted((t for t in doc if not t.is_space), key=lambda t: t.idx)
    dated = {(a, b) for a, b in head if any(a <= d < b for d, _ in dates)}
    # the address line written right above the date line ("Rose Cottage, Stroud" / "Tuesday, 5 March 1861")
    # names where the letter was written too
    address = {head[k] for k in range(len(head) - 1) if head[k] not in dated and head[k + 1] in dated
               and text.count("\n", head[k][1], head[k + 1][0]) == 1
               and "," in text[head[k][0]:head[k][1]].rstrip(" ,.")}
    out: list[tuple[int, int]] = []
    for start, end in dict.fromkeys(head + foot):
        in_line = [(a, b) for a, b in dates if start <= a < end]
        if not in_line and (start, end) not in address:
            continue
        # a figure beside the date belongs to it ("4th" the model leaves out of "May 1812")
        rest = [t for t in tokens if start <= t.idx < end and not t.is_punct
                and not any(a <= t.idx < b for a, b in in_line) and not any(c.isdigit() for c in t.text)]
        # the tagger takes a town it does not know for an adjective ("Kendal, 4th March"): a capitalized
        # word of the document's own place (segmentation read it from this line) is a name all the same
        own = set(place.split()) if place else set()
        names = {t.i for t in rest if t.pos_ == "PROPN" or t.text in own and t.text[:1].isupper()}
        if not 0 < len(rest) <= 6 or not all(t.i in names or t.lower_ in _DATELINE_JOINS for t in rest):
            continue
        runs: list[list[Any]] = []
        for t in rest:
            if t.i not in names:
                continue
            if runs and runs[-1][-1].i + 1 == t.i or runs and runs[-1][-1].i + 2 == t.i \
                    and doc[t.i - 1].lower_ == "of":
                runs[-1].append(t)
            else:
                runs.append([t])
        for run in runs:
            if run[-1].text in EVENT_NAME_HEADS:
                run = run[:-1]  # "The Spotland Riot of 1847": a title naming a happening, at the place before it
            if not run:
                continue
            a, b = run[0].idx, run[-1].idx + len(run[-1].text)
            name = text[a:b]
            if run[0].text.rstrip(".") in TITLES or re.search(rf"(?:^|\s)[{_UP}]\.", name) or names_no_one(name):
                continue  # "Mr. Pell, 4th May", "J. Pell": a signature beside a date names its writer
            if calendar_words(name):
                continue  # "March 30. Thursday.": the weekday or feast beside a date names the day, not a place
            if (start, end) not in head and name != place:
                continue
            out.append((a, b))
    return out
