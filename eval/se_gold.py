#!/usr/bin/env python3
"""Evaluation corpora from Standard Ebooks repositories: a plain-text book plus
quote-based segment gold taken from the publisher's semantic markup.

    python3 se_gold.py build GIT_DIR OUT_DIR --slug SLUG [--config CONFIG.json]
    python3 se_gold.py --selftest [CORPUS_DIR ...]

`build` reads a Standard Ebooks repository (a bare git directory is fine; files
are read with `git show HEAD:...`), takes the XHTML files of the spine in order
(minus titlepage, imprint, halftitlepage, colophon, uncopyright, endnotes, loi,
lot, toc) and writes into OUT_DIR:

  SLUG.txt        the book as plain text: one paragraph (or heading line) per
                  line, blank lines between them, <br/> as a newline, markup,
                  noterefs, word joiners and soft hyphens dropped
  gold.json       segment gold in the quote-based shape score.py reads
  PROVENANCE.md   repository, commit, files, licence, counts

`--selftest` checks each corpus folder (default: every folder under
corpora/ beside this script that holds a quote-based gold.json): every first_words is found, in
order, at the start of its segment; an oracle export built from the gold scores
boundary F1 1.0 and kind/author/date accuracy 1.0 with score.py; a one-document
baseline scores near 0.

Standard library only (xml.etree). The segmentation rules are written out in
CONVENTIONS below and copied into every gold.json.
"""
from __future__ import annotations

import argparse
import bisect
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import score  # noqa: E402  (the scorer whose normalisation the gold must satisfy)

X = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"

#: Per-book options from the build's --config, set by Book (defaults keep every other corpus as built):
#: epigraph_blockquotes makes a <blockquote epub:type="epigraph"> (inside a chapter header) a unit, as an
#: epigraph section is; diary_heading_patterns are extra regexes (group 'n') naming a diary series' writer
#: in its heading, tried before the built-in ones.
OPTIONS: dict = {"epigraph_blockquotes": False, "diary_heading_patterns": []}

SKIP_FILES = {"titlepage", "imprint", "halftitlepage", "colophon", "uncopyright", "endnotes",
              "loi", "lot", "toc"}

CONVENTIONS = {
    "source": "Gold comes from the publisher's (Standard Ebooks) semantic markup and the printed "
              "headings, converted by eval/se_gold.py; it was not produced by quellen.",
    "text": "The .txt is the spine's XHTML files in order (titlepage, imprint, halftitle, colophon, "
            "uncopyright, endnotes, lists of illustrations and toc left out). One paragraph, heading "
            "line, list item or table row per line; blank line between them; three blank lines "
            "between files; <br/> is a newline; italics and other markup, noterefs, images, U+2060 "
            "and soft hyphens are dropped; no-break and hair spaces become spaces; <hr/> scene "
            "breaks leave no mark.",
    "segments": "Consecutive starts in document order. A unit is an element the markup types as "
                "z3998:letter or z3998:diary-entry, an untyped blockquote that carries its own "
                "header (newspaper cutting, memorandum), an epigraph or a dedication. Only top-level "
                "units become segments; units nested inside another unit are listed under "
                "'embedded' (the scorer's boundary model cannot nest). A unit's own header (e.g. "
                "'Letter, Lucy Westenra to Mina Murray.') belongs to the unit's segment. Headers of "
                "chapters, parts, divisions and of diary series ('Dr. Seward’s Diary.') are "
                "'heading' segments; adjacent heading lines form one heading segment. Text outside "
                "units and headings forms 'narrative' segments ('commentary' in front and back "
                "matter, 'statement' under a heading 'The Statement of …'). Inside a top-level "
                "diary extract, a paragraph that opens with <time class=\"diary-date\"> starts a "
                "new diary segment.",
    "kinds": "letter (z3998:letter), telegram (class 'telegram' or a header 'Telegram…'), report "
             "(header 'Report…'), statement (header 'Memorandum…' or 'Statement of…'), "
             "newspaper_article (header naming a newspaper or 'Cutting from…'), diary "
             "(z3998:diary-entry), epigraph (epigraph sections; short dedications), commentary "
             "(long dedications, prefaces, introductions, appendices), narrative, heading.",
    "author": "From the unit's header ('Letter from X to Y', 'X to Y', 'Memorandum by X'), its "
              "z3998:signature / z3998:sender, the heading of the diary series ('X’s Journal', "
              "'Journal of X', 'Spoken by X'), or for narrative the heading naming the narrator "
              "('Contributed by X', 'related by X', 'By X') or the section's signature. When header "
              "and signature name the same person the fuller form is kept. Letters inherit the "
              "narrator only where the narrator's section consists of letters alone. Names that "
              "are only initials are kept only where the book itself gives the full form (see "
              "author_basis); descriptions ('the Captain') are not names and stay null. "
              "author_basis says where each author comes from. Otherwise null.",
    "author_outside_text": "true where the .txt never contains the author's name as given (it is known "
                           "only from the book's metadata, e.g. a signature in initials): score.py does not "
                           "score those authors.",
    "addressees": "From the header ('to Y'), z3998:recipient, or a salutation of the form 'To Y'.",
    "dates": "date_iso from the <time datetime> of the unit's dateline (se:letter.dateline, "
             "se:diary.dateline, or a <time> opening its first paragraph) when that value carries a "
             "year (YYYY, YYYY-MM, YYYY-MM-DD); several <time>s in one dateline give their common "
             "prefix, with date_start/date_end. Without <time>, a visible dateline is used only "
             "when it states the year. Dates without a year ('3 May', datetime '--03-08') leave "
             "date_iso null; date_as_written and dateline keep what the text says. All dates "
             "Gregorian. Headings that are a bare year or month-and-year carry that date. A diary "
             "entry whose dateline has no <time> ('Xmas Day') takes its date from an element id of "
             "the form entry-YYYY-M-D, and date_basis says so.",
    "fields": "Besides the scored fields: header (the unit's own header text), dateline, signature, "
              "salutation, addressees, publication, author_basis, markup (the element's epub:type), "
              "xhtml (source file), override (a per-book correction, with its reason).",
    "first_words": "The first words of the segment as they stand in the .txt (whitespace collapsed); "
                   "at least 6 words, more where needed to make the quote unique from the previous "
                   "segment's start, so a quote can run past a very short segment into the next.",
}

# ---------------------------------------------------------------- small helpers

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
         r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
ORDN = r"(?:\d{1,2}–)?\d{1,2}(?:st|nd|rd|th|d)?"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
TIMEWORD = (r"(?:\d{1,2}(?::\d{2})?\s*(?:[ap]\.\s?m\.|o’clock)|[Mm]idnight|[Nn]oon|[Mm]orning|"
            r"[Ee]vening|[Nn]ight|[Aa]fternoon)")
DATE_PHRASE = re.compile(
    rf"\b(?:{WEEKDAY},?\s+)?(?:(?:{ORDN}\s+(?:of\s+)?{MONTH}|{MONTH}\s+{ORDN})(?:,?\s+(?:\d{{4}}|\d{{2}}—))?"
    rf"|{MONTH},?\s+\d{{4}})(?:,?\s+{TIMEWORD})?|\b{WEEKDAY}(?:,?\s+{TIMEWORD})?")
RELATIVE = re.compile(r"^(?:Later|Evening|Night|Morning|Noon|Midnight|Afternoon|Midday|Dawn|"
                      r"Same day|Next day)\b", re.I)
MONTH_NO = {m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                             "sep", "oct", "nov", "dec"])}
TITLES = {"mr", "mrs", "miss", "dr", "sir", "lady", "lord", "rev", "hon", "messrs", "madame",
          "capt", "captain", "sergeant", "sister", "the", "esq", "pro"}


def local(el) -> str:
    t = el.tag
    return t.split("}", 1)[1] if isinstance(t, str) and "}" in t else str(t)


def etypes(el) -> set[str]:
    return set((el.get(EPUB_TYPE) or "").split())


def classes(el) -> set[str]:
    return set((el.get("class") or "").split())


def month_no(name: str) -> int:
    return MONTH_NO[name.lower()[:3]]


def visible_iso(text: str | None) -> str | None:
    """An ISO date from visible text, only when the text states the year."""
    if not text:
        return None
    m = re.search(rf"({ORDN})\s+(?:of\s+)?({MONTH}),?\s+(\d{{4}})\b", text)
    if m:
        day = int(re.search(r"\d+(?=\D*$)", m.group(1)).group())
        return f"{m.group(3)}-{month_no(m.group(2)):02d}-{day:02d}"
    m = re.search(rf"({MONTH})\s+({ORDN}),?\s+(\d{{4}})\b", text)
    if m:
        day = int(re.search(r"\d+(?=\D*$)", m.group(2)).group())
        return f"{m.group(3)}-{month_no(m.group(1)):02d}-{day:02d}"
    m = re.search(rf"({MONTH}),?\s+(\d{{4}})\b", text)
    if m:
        return f"{m.group(2)}-{month_no(m.group(1)):02d}"
    return None


def pure_date_heading(text: str) -> str | None:
    t = text.strip().rstrip(".")
    if re.fullmatch(r"\d{4}", t):
        return t
    m = re.fullmatch(rf"({MONTH}),?\s+(\d{{4}})", t)
    if m:
        return f"{m.group(2)}-{month_no(m.group(1)):02d}"
    return None


def iso_of_datetime(v: str | None) -> str | None:
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", v or "")
    return "-".join(g for g in m.groups() if g) if m else None


def common_iso(values: list[str]) -> str | None:
    parts = [v.split("-") for v in values if v]
    if not parts:
        return None
    out = []
    for group in zip(*parts):
        if len(set(group)) != 1:
            break
        out.append(group[0])
    return "-".join(out) or None


def tokens3(name: str) -> set[str]:
    return {t for t in score.norm(name).split() if len(t) > 2}


def name_tokens(name: str) -> set[str]:
    return {t for t in tokens3(name) if t not in TITLES}


def scorable(name: str | None) -> bool:
    return bool(name) and bool(tokens3(name))


def looks_like_date(s: str) -> bool:
    return bool(re.search(r"\b\d{4}\b", s) or re.search(rf"\b{MONTH}\b", s))


def clean_name(s: str | None) -> str | None:
    if not s:
        return None
    s = re.sub(r"\s*\([^)]*\)", "", s)
    s = re.sub(r"\s*\[[^\]]*\]", "", s)
    s = re.sub(r"[“”\"‘]", "", s)
    s = re.sub(r"\s+", " ", s).strip(" .,;:—–-⸺⸻’'\n\t")
    s = re.sub(r"^(?:Pro|Per|To)\s+", "", s)
    s = re.sub(r"^the\s+", "", s)
    return s or None


def cut_name(s: str | None) -> str | None:
    """'Abraham Van Helsing, M.D., D. Ph.' -> 'Abraham Van Helsing'; keeps firm names whole."""
    s = clean_name(s)
    if not s:
        return None
    parts = [p.strip() for p in s.split(",")]
    out = parts[0]
    for p in parts[1:]:
        if "&" in p or re.match(r"(?:Co\b|Sons?\b)", p):
            out += ", " + p
        else:
            break
    return clean_name(out)


def clean_dateline(s: str | None) -> str | None:
    if not s:
        return None
    s = re.sub(r"[“”\"]", "", s)
    s = re.sub(r"\s+", " ", s).strip(" .,;:’'‘\n\t")
    return s or None


def is_description(name: str) -> bool:
    return bool(re.match(r"(?i)the\s", name) or "’s " in name or "'s " in name)


# ---------------------------------------------------------------- rendering

BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "figcaption", "tr",
              "pre", "cite", "address"}
CONTAINER_TAGS = {"section", "div", "blockquote", "article", "aside", "header", "footer", "hgroup",
                  "figure", "ol", "ul", "dl", "table", "thead", "tbody", "tfoot", "nav", "main",
                  "body", "details", "summary"}
CTX_TAGS = {"section", "div", "blockquote", "article", "aside", "body"}
BR = "\x00"


def inline(el, out: list[str]):
    if el.text:
        out.append(el.text)
    for ch in el:
        n = local(ch)
        if n == "br":
            out.append(BR)
        elif n in ("img", "hr") or (n == "a" and "noteref" in etypes(ch)):
            pass
        elif n in BLOCK_TAGS and n not in ("cite",):
            out.append(" ")
            inline(ch, out)
            out.append(" ")
        else:
            inline(ch, out)
        if ch.tail:
            out.append(ch.tail)


def finish(s: str) -> str:
    for c in ("\u2060", "\u00ad", "\u200b", "\ufeff"):
        s = s.replace(c, "")
    for c in ("\u00a0", "\u200a", "\u2009", "\u202f"):
        s = s.replace(c, " ")
    s = re.sub(r"[ \t\r\n]+", " ", s)
    s = re.sub(r" *\x00[ \x00]*", "\n", s)
    return s.strip()


def render(el) -> str:
    if local(el) == "tr":
        cells = []
        for c in el:
            if local(c) in ("td", "th"):
                buf: list[str] = []
                inline(c, buf)
                cells.append(finish("".join(buf)).replace("\n", " "))
        return "\t".join(cells).strip()
    buf = []
    inline(el, buf)
    return finish("".join(buf))


def has_blocks(el) -> bool:
    return any(local(c) in BLOCK_TAGS or local(c) in CONTAINER_TAGS for c in el)


def is_unit(el) -> bool:
    n, t = local(el), etypes(el)
    if n not in CTX_TAGS or n == "body":
        return False
    if "z3998:letter" in t or "z3998:diary-entry" in t:
        return True
    if n == "section" and ("epigraph" in t or "dedication" in t):
        return True
    if n == "blockquote" and "epigraph" in t and OPTIONS["epigraph_blockquotes"]:
        return True
    if n == "blockquote" and not t and any(local(c) == "header" for c in el):
        return True
    return False


def iter_own(el):
    """Descendants of a unit, not descending into nested units."""
    for ch in el:
        if not isinstance(ch.tag, str):
            continue
        yield ch
        if not is_unit(ch):
            yield from iter_own(ch)


def iter_blocks(el):
    for ch in el:
        if not isinstance(ch.tag, str):
            continue
        n = local(ch)
        if n in BLOCK_TAGS and not (n in ("li", "dd") and has_blocks(ch)):
            yield ch
        elif n in CONTAINER_TAGS or n in BLOCK_TAGS:
            yield from iter_blocks(ch)


# ---------------------------------------------------------------- structure records

class Ctx:
    """A non-unit structural element (body, section, div, blockquote): what its heading says."""

    def __init__(self, el, parent, frontback: bool):
        self.el, self.parent, self.frontback = el, parent, frontback
        self.types = etypes(el)
        self.narrator = self.narrator_basis = self.narrator_desc = None
        self.diarist = None
        self.kind_hint = None
        self.date_iso = self.date_as_written = None
        self.addressees: list[str] = []
        self.sig_name = self.sig_date = self.sig_date_text = None
        self.heading_date = None
        self.header_lines: list[str] = []
        self._analyse()

    def chain(self):
        c = self
        while c is not None:
            yield c
            c = c.parent

    def _analyse(self):
        heads = []
        for ch in self.el:
            if not isinstance(ch.tag, str):
                continue
            n = local(ch)
            if n in ("header", "hgroup"):
                heads.extend(render(b) for b in iter_blocks(ch))
            elif (n in ("h1", "h2", "h3", "h4", "h5", "h6")
                  or (n == "p" and etypes(ch) & {"bridgehead", "se:bridgehead"})):
                heads.append(render(ch))
        self.header_lines = [h for h in heads if h]
        for line in self.header_lines:
            self._read_heading_line(line)
        # a signature standing directly in the section or its footer
        sigs = []
        for ch in self.el:
            if not isinstance(ch.tag, str):
                continue
            if local(ch) == "footer":
                sigs += [e for e in ch.iter() if etypes(e) & {"z3998:signature", "z3998:sender"}]
            elif etypes(ch) & {"z3998:signature", "z3998:sender"}:
                sigs.append(ch)
        for s in sigs[:1]:
            text = render(s)
            if looks_like_date(text):
                self.sig_date = visible_iso(text)
                m = DATE_PHRASE.search(text)
                self.sig_date_text = m.group(0) if m else clean_name(text)
            else:
                self.sig_name = clean_name(text)

    def _read_heading_line(self, line: str):
        d = pure_date_heading(line)
        if d:
            self.heading_date = d
        m = re.search(r"[Ss]poken by (?P<n>[^.,(]+)", line)
        if m:
            self.diarist = clean_name(m.group("n"))
        elif self.diarist is None:
            for pat in (*OPTIONS["diary_heading_patterns"], r"(?:Journal|Diary) of (?P<n>[^.,(]+)",
                        r"^(?P<n>[^’,.]+(?:\.[^’,.]+)?)’s (?:\w+ )?(?:Journal|Diary|Memorandum)\b",
                        r"^Memorandum (?:[Ll]eft )?by (?P<n>[^.(]+)"):
                m = re.search(pat, line)
                if m:
                    self.diarist = clean_name(m.group("n"))
                    break
        m = re.match(r"^\(?[Ii]n a [Ll]etter to (?P<to>[^)]+?)\)?\.?$", line)
        if m:
            self.addressees = [cut_name(m.group("to"))]
            return
        m = re.match(r"^(?:The )?Statement of (?P<n>.+?)\s*(?:\((?P<y>\d{4})\))?"
                     r"\s*(?:\([Ii]n a [Ll]etter to (?P<to>[^)]+)\))?\.?$", line)
        if m:
            self.kind_hint = "statement"
            self._set_narrator(m.group("n"), "heading 'Statement of …'")
            if m.group("y"):
                self.date_iso = self.date_as_written = m.group("y")
            if m.group("to"):
                self.addressees = [cut_name(m.group("to"))]
            return
        for pat, basis in ((r"\b(?:[Cc]ontributed|[Rr]elated|[Rr]esumed|[Nn]arrated|[Ww]ritten|[Tt]old) "
                            r"by (?P<n>[^;(]+)",
                            "heading 'Contributed/related/resumed by …'"),
                           (r"^By (?P<n>.+)$", "byline"),
                           (r"^In a Letter from (?P<n>.+?)\.?$", "heading 'In a Letter from …'"),
                           (r"^(?P<n>[A-Z][\w.’ -]+?),? in Continuation\.?$", "heading '… in Continuation'"),
                           (r"^(?P<n>(?:[A-Z]\. ?)+[A-Z][a-z]+(?: [A-Z][a-z]+)*), "
                            r"(?:M\.A\.|B\. ?Sc\.|Ph\. ?D\.|M\.D\.)", "byline")):
            m = re.search(pat, line)
            if m:
                self._set_narrator(m.group("n"), basis)
                return

    def _set_narrator(self, raw: str, basis: str):
        n = cut_name(raw)
        if not n:
            return
        if is_description(raw.strip()) or is_description(n):
            self.narrator_desc = re.sub(r"\s*\([^)]*\)", "", raw).strip(" .")
        else:
            self.narrator, self.narrator_basis = n, basis


class Unit:
    def __init__(self, el, ctx: Ctx, file: str, parent_unit, book):
        self.el, self.ctx, self.file, self.parent_unit = el, ctx, file, parent_unit
        self.first_block = None
        self.meta = unit_meta(el, ctx, book)


def first_para(el):
    for e in iter_own(el):
        if local(e) == "p" and not etypes(e) & {"se:letter.dateline", "se:diary.dateline", "z3998:salutation"}:
            anc_header = False
            # skip paragraphs inside the unit's own header
            for h in el:
                if local(h) in ("header", "hgroup") and any(x is e for x in h.iter()):
                    anc_header = True
            if not anc_header:
                return e
    return None


def leading_date_el(p):
    """The <time>/<i>/<em> that opens a paragraph and reads as a date, if any."""
    if p is None or len(p) == 0:
        return None
    if p.text and re.sub(r"[\s“‘\"(\u2060\u200a\u00a0]", "", p.text):
        return None
    first = p[0]
    n = local(first)
    if n == "time":
        return first
    if n in ("i", "em", "b"):
        t = render(first)
        if DATE_PHRASE.search(t) or RELATIVE.match(t) or first.find(f".//{X}time") is not None:
            return first
    return None


def date_fields(el_with_date, extra_text: str | None = None) -> dict:
    """date_iso, date_as_written, dateline (+ date_start/date_end, datetime_markup)."""
    out = {"date_iso": None, "date_as_written": None}
    if el_with_date is None and not extra_text:
        return out
    times = []
    dateline = None
    if el_with_date is not None:
        times = [t for t in el_with_date.iter() if local(t) == "time"]
        dateline = clean_dateline(render(el_with_date))
        if dateline:
            out["dateline"] = dateline
    text_for_phrase = dateline or extra_text or ""
    isos = [iso_of_datetime(t.get("datetime")) for t in times if t.get("datetime")]
    isos = [i for i in isos if i]
    if times and any(t.get("datetime") for t in times):
        out["datetime_markup"] = [t.get("datetime") for t in times if t.get("datetime")]
    if isos:
        out["date_iso"] = common_iso(isos)
        if len(set(isos)) > 1:
            out["date_start"], out["date_end"] = min(isos), max(isos)
    elif text_for_phrase:
        out["date_iso"] = visible_iso(text_for_phrase)
    if len(times) == 1:
        out["date_as_written"] = clean_dateline(render(times[0]))
    elif len(times) > 1:
        out["date_as_written"] = dateline
    else:
        m = DATE_PHRASE.search(text_for_phrase)
        if m:
            out["date_as_written"] = m.group(0).strip(" ,.")
    return out


def parse_unit_header(lines: list[str], letterlike: bool) -> tuple[str | None, list[str]]:
    """Author and addressees from a unit's header lines ('Letter, X to Y.', 'X to Y', …).
    A bare 'X to Y' is read only in letters or after a 'Letter/Telegram/Report' keyword."""
    keyword_seen = False
    for raw in lines:
        line = re.sub(r"\s*\([^)]*\)|\s*\[[^\]]*\]", "", raw).strip()
        m = re.search(r"\b[Ll]eft by (?P<a>.+?) in\b.*?\bDirected to (?P<r>.+?)\.?$", line)
        if m:
            return cut_name(m.group("a")), [cut_name(m.group("r"))]
        m = re.match(r"^Memorandum (?:[Ll]eft )?by (?P<a>.+?)\.?$", line) or \
            re.match(r"^(?P<a>[^’]+)’s Memorandum\b", line)
        if m:
            return cut_name(m.group("a")), []
        rest = re.sub(rf"^(?:Letter|Telegram|Report|Note)\b(?:,?\s*{MONTH}\s+{ORDN}\.)?[\s,]*(?:from\s+)?", "", line)
        if rest != line:
            keyword_seen = True
        if not rest or re.fullmatch(r"[IVXLC]+\.?", rest):
            continue
        m = re.match(r"^(?P<a>.+?),?\s+to\s+(?P<r>.+?)\.?$", rest)
        if m and (letterlike or keyword_seen) and not re.search(r"\d", m.group("a")):
            return cut_name(m.group("a")), [cut_name(m.group("r"))]
        m = re.match(r"^(?P<a>[A-Z][\w.’ -]+?),? in Continuation\.?$", rest)
        if m:
            return cut_name(m.group("a")), []
    return None, []


def choose_author(header_name: str | None, sig_name: str | None):
    h = header_name if scorable(header_name) else None
    s = sig_name if scorable(sig_name) else None
    if h and s and tokens3(h) & tokens3(s):
        return (s, "signature (fuller than the header)") if len(name_tokens(s)) > len(name_tokens(h)) \
            else (h, "unit header")
    if h:
        return h, "unit header"
    if s:
        return s, "signature/sender"
    return None, None


def unit_meta(el, ctx: Ctx, book) -> dict:
    t, cls = etypes(el), classes(el)
    own = list(iter_own(el))
    header_lines = []
    for ch in el:
        if isinstance(ch.tag, str) and local(ch) in ("header", "hgroup"):
            header_lines += [render(b) for b in iter_blocks(ch)]
    header_lines = [h for h in header_lines if h]
    header_text = " ".join(header_lines)
    header_els = [e for ch in el if isinstance(ch.tag, str) and local(ch) in ("header", "hgroup") for e in ch.iter()]
    short = len(" ".join(render(b) for b in iter_blocks(el))) < 400

    # kind
    if "epigraph" in t:
        kind = "epigraph"
    elif "dedication" in t:
        kind = "epigraph" if short else "commentary"
    elif "telegram" in cls or re.match(r"^\W*Telegram\b", header_text) or (
            "z3998:letter" in t and any("telegram" in classes(e) for e in own if local(e) in ("p", "span"))):
        kind = "telegram"
    elif (any("se:name.publication.newspaper" in etypes(e) for e in header_els)
          or re.match(r"^Cutting from\b", header_text)):
        kind = "newspaper_article"
    elif re.search(r"\bMemorandum\b", header_text):
        kind = "statement"
    elif re.match(r"^Report\b", header_text):
        kind = "report"
    elif "z3998:letter" in t:
        kind = "letter"
    elif "z3998:diary-entry" in t:
        kind = "diary"
    else:
        kind = "other"
    meta: dict = {"kind": kind, "markup": " ".join(sorted(t)) or local(el)}
    if header_lines:
        meta["header"] = header_text

    # author / addressees
    sig_el = next((e for e in own if etypes(e) & {"z3998:signature", "z3998:sender"}), None)
    sig_raw = render(sig_el) if sig_el is not None else None
    sig = clean_name(sig_raw) if sig_raw and not looks_like_date(sig_raw) else None
    if sig_raw:
        meta["signature"] = clean_name(sig_raw)
    hdr_author, hdr_to = parse_unit_header(header_lines, kind in ("letter", "telegram", "report")) \
        if kind not in ("newspaper_article", "epigraph") else (None, [])
    aliases = book.cfg.get("aliases", {})
    if sig in aliases:
        sig_alias = aliases[sig]
    else:
        sig_alias = None
    author, basis = None, None
    if kind == "newspaper_article":
        pub = next((render(e) for e in header_els if "se:name.publication.newspaper" in etypes(e)), None)
        if pub:
            meta["publication"] = pub
    elif kind == "diary":
        author, basis = choose_author(hdr_author, sig)
        if not author:
            for c in ctx.chain():
                if c.diarist and scorable(c.diarist):
                    author, basis = c.diarist, "heading of the diary series"
                    break
        by_file = book.cfg.get("diarists_by_file", {}).get(book._file)
        if not author and by_file:
            author, basis = by_file[0], by_file[1]
        if not author and book.diarist:
            author, basis = book.diarist, book.diarist_basis
    else:
        author, basis = choose_author(hdr_author, sig)
    if not author and sig_alias:
        author, basis = sig_alias[0], f"signature '{sig}': {sig_alias[1]}"
    meta["author"] = author
    if basis:
        meta["author_basis"] = basis
    addressees = [a for a in hdr_to if a]
    if not addressees:
        addressees = [cut_name(render(e)) for e in own if "z3998:recipient" in etypes(e)]
    salutes = [render(e) for e in own if "z3998:salutation" in etypes(e)]
    if not addressees:
        addressees = [cut_name(s) for s in salutes if re.match(r"^\W*To\s", s)]
    addressees = [a for a in addressees if a]
    if addressees:
        meta["addressees"] = addressees
    if salutes:
        meta["salutation"] = clean_name(salutes[0])

    # date: the dateline; if it gives no date, a date opening the first paragraph; then the header
    dl = next((e for e in own if etypes(e) & {"se:letter.dateline", "se:diary.dateline"}), None)
    fields = date_fields(dl) if dl is not None else {"date_iso": None, "date_as_written": None}
    if not fields["date_iso"] and not fields["date_as_written"]:
        lead = leading_date_el(first_para(el))
        if lead is not None:
            f2 = date_fields(lead)
            if fields.get("dateline") and f2.get("dateline"):
                f2["dateline"] = fields["dateline"] + ". " + f2["dateline"]
            fields = f2
    m = re.fullmatch(r"entry-(\d{4})-(\d{1,2})-(\d{1,2})", el.get("id") or "")
    if kind == "diary" and m and not fields["date_iso"] and not fields.get("datetime_markup"):
        fields["date_iso"] = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
        fields["date_basis"] = (f"the entry's id '{el.get('id')}' (its dateline has no <time>); "
                                "the year is also the heading of its section")
    if (not fields["date_iso"] and not fields["date_as_written"] and header_text
            and kind not in ("epigraph", "commentary")):
        m = DATE_PHRASE.search(header_text)
        if m:
            fields["date_as_written"] = m.group(0).strip(" ,.")
            fields["date_iso"] = visible_iso(m.group(0))
    meta.update(fields)
    return meta


# ---------------------------------------------------------------- book

class Quoter:
    """Quotes of a text's opening words that the scorer finds where a segment starts (score.SourceText.locate)."""

    def __init__(self, text: str):
        self.text = text
        self.ntext, self.nmap = score.normalize_with_map(text)

    def first_alnum(self, pos: int) -> int:
        """Return the offset of the first letter or digit at or after ``pos``."""
        k = bisect.bisect_left(self.nmap, pos)
        while k < len(self.ntext) and self.ntext[k] == " ":
            k += 1
        return self.nmap[k]

    def locate(self, q: str, after: int):
        """Return where the scorer finds quote ``q`` at or after ``after`` (else anywhere), or None."""
        qn = score.norm(q)
        lo = bisect.bisect_left(self.nmap, after) if after else 0
        k = self.ntext.find(qn, lo)
        if k < 0 and lo:
            k = self.ntext.find(qn)
        return None if k < 0 else self.nmap[k]

    def words_from(self, pos: int, n: int) -> str:
        """Return the first ``n`` words of the text from ``pos``, spaces collapsed."""
        ws = list(re.finditer(r"\S+", self.text[pos:pos + 3000]))
        n = min(n, len(ws))
        return re.sub(r"\s+", " ", self.text[pos:pos + ws[n - 1].end()])

    def quote_segments(self, segments: list[dict]) -> None:
        """Give each segment (in text order, with its "start") the shortest "first_words" quote the scorer
        finds at its start, reading on from the segment before, and its "pos"."""
        cursor = 0
        starts = [s["start"] for s in segments] + [len(self.text)]
        for i, seg in enumerate(segments):
            want = self.first_alnum(seg["start"])
            own_words = len(self.text[seg["start"]:starts[i + 1]].split())
            for n in list(range(min(8, max(6, own_words)), 41)) + [60, 90, 140]:
                fw = self.words_from(seg["start"], n)
                if self.locate(fw, cursor) == want:
                    break
            else:
                raise SystemExit(f"cannot make a unique quote at offset {seg['start']}: {fw[:80]!r}")
            seg["first_words"], seg["pos"] = fw, want
            cursor = want

    def mark_authors_outside(self, metas: list[dict]) -> None:
        """Mark each meta whose author's name, as given, never occurs in the text ("author_outside_text":
        known only from metadata, so the scorer does not count it)."""
        padded = f" {self.ntext} "
        for m in metas:
            if m.get("author") and f" {score.norm(m['author'])} " not in padded:
                m["author_outside_text"] = True


class Book:
    def __init__(self, git_dir: Path, slug: str, cfg: dict):
        self.git_dir, self.slug, self.cfg = git_dir, slug, cfg
        self.commit = self.git("rev-parse", "HEAD").strip()
        opf = ET.fromstring(self.show("src/epub/content.opf"))
        meta = opf.find(f"{OPF}metadata")
        self.title = (meta.find(f"{DC}title").text or "").strip()
        self.creator = (meta.find(f"{DC}creator").text or "").strip()
        self.sources = [s.text for s in meta.findall(f"{DC}source")]
        manifest = {i.get("id"): i.get("href") for i in opf.find(f"{OPF}manifest")}
        self.spine = []
        for ir in opf.find(f"{OPF}spine"):
            href = manifest.get(ir.get("idref"))
            if href and href.startswith("text/") and Path(href).stem not in SKIP_FILES:
                self.spine.append(href)
        OPTIONS["epigraph_blockquotes"] = bool(cfg.get("epigraph_blockquotes"))
        OPTIONS["diary_heading_patterns"] = list(cfg.get("diary_heading_patterns", []))
        d = cfg.get("diarist")
        self.diarist = self.creator if d == "@creator" else d
        self.diarist_basis = cfg.get("diarist_basis", "the diarist: the book's author (content.opf dc:creator)")

    def git(self, *args) -> str:
        return subprocess.run(["git", "-C", str(self.git_dir), *args], check=True,
                              capture_output=True).stdout.decode("utf-8")

    def show(self, path: str) -> bytes:
        return subprocess.run(["git", "-C", str(self.git_dir), "show", f"HEAD:{path}"], check=True,
                              capture_output=True).stdout

    # ---- walk
    def build(self):
        self.blocks: list[dict] = []
        self.units: list[Unit] = []
        self.embedded: list[Unit] = []
        self.registry: dict[str, Ctx] = {}
        self._pending: list[Unit] = []
        self.stray = 0
        for href in self.spine:
            root = ET.fromstring(self.show("src/epub/" + href))
            body = root.find(f"{X}body")
            frontback = bool(etypes(body) & {"frontmatter", "backmatter"})
            self._file = Path(href).name
            self._file_first = True
            bctx = Ctx(body, None, frontback)
            self._children(body, bctx, None, None, False)
        return self

    def _ctx_for(self, el, parent: Ctx) -> Ctx:
        p = el.get("data-parent")
        if p and p in self.registry:
            parent = self.registry[p]
        c = Ctx(el, parent, parent.frontback)
        if el.get("id"):
            self.registry[el.get("id")] = c
        return c

    def _emit(self, el, text: str, ctx: Ctx, top: Unit | None, inner: Unit | None, heading: bool):
        if not text:
            return
        b = {"text": text, "ctx": ctx, "unit": top, "heading": heading and top is None,
             "file": self._file, "file_first": self._file_first, "sub": None}
        self._file_first = False
        # a dated paragraph inside a top-level diary extract starts a sub-entry
        if (top is not None and inner is top and top.first_block is not None and local(el) == "p"
                and top.meta["kind"] == "diary"):
            lead = leading_date_el(el)
            if lead is not None and local(lead) == "time" and "diary-date" in classes(lead):
                sub = {k: v for k, v in top.meta.items() if not k.startswith("date") and k != "dateline"}
                sub.update(date_fields(lead))
                sub["note"] = "dated paragraph (<time class=\"diary-date\">) inside a diary extract"
                b["sub"] = sub
        for u in self._pending:
            u.first_block = b
        self._pending = []
        self.blocks.append(b)

    def _children(self, el, ctx: Ctx, top, inner, heading: bool):
        if el.text and el.text.strip() and local(el) in CONTAINER_TAGS:
            self.stray += 1
            self._emit(el, finish(el.text), ctx, top, inner, heading)
        for ch in el:
            if not isinstance(ch.tag, str):
                continue
            n = local(ch)
            if n in ("hr", "img", "br"):
                pass
            elif n in BLOCK_TAGS and not (n in ("li", "dd") and has_blocks(ch)):
                is_head = heading or n in ("h1", "h2", "h3", "h4", "h5", "h6") or bool(
                    etypes(ch) & {"bridgehead", "se:bridgehead"})
                self._emit(ch, render(ch), ctx, top, inner, is_head)
            elif n in ("header", "hgroup"):
                self._children(ch, ctx, top, inner, heading or top is None)
            elif n in CONTAINER_TAGS or n in BLOCK_TAGS:
                if is_unit(ch):
                    u = Unit(ch, ctx, self._file, inner, self)
                    self._pending.append(u)
                    if top is None:
                        self.units.append(u)
                        self._children(ch, ctx, u, u, False)
                    else:
                        self.embedded.append(u)
                        self._children(ch, ctx, top, u, False)
                elif top is None and n in CTX_TAGS:
                    self._children(ch, self._ctx_for(ch, ctx), None, None, False)
                else:
                    self._children(ch, ctx, top, inner, heading)
            else:  # stray inline element directly in a container
                self.stray += 1
                self._emit(ch, render(ch), ctx, top, inner, heading)
            if ch.tail and ch.tail.strip():
                self.stray += 1
                self._emit(ch, finish(ch.tail), ctx, top, inner, heading)

    # ---- text and segments
    def assemble(self):
        parts, pos = [], 0
        for i, b in enumerate(self.blocks):
            if i:
                sep = "\n\n\n\n" if b["file_first"] else "\n\n"
                parts.append(sep)
                pos += len(sep)
            b["start"] = pos
            parts.append(b["text"])
            pos += len(b["text"])
        self.text = "".join(parts) + "\n"

        segs: list[dict] = []
        for b in self.blocks:
            u = b["unit"]
            if u is not None:
                if u.first_block is b or b["sub"] is not None:
                    meta = dict(b["sub"] if b["sub"] is not None else u.meta)
                    segs.append({"start": b["start"], "ctx": u.ctx, "unit": u, "meta": meta, "file": b["file"]})
                continue
            if b["heading"]:
                if segs and segs[-1]["meta"]["kind"] == "heading" and segs[-1]["unit"] is None:
                    seg = segs[-1]
                else:
                    seg = {"start": b["start"], "ctx": b["ctx"], "unit": None, "file": b["file"],
                           "meta": {"kind": "heading", "author": None, "date_iso": None}}
                    segs.append(seg)
                d = pure_date_heading(b["text"])
                if d and not seg["meta"]["date_iso"]:
                    seg["meta"]["date_iso"] = d
                    seg["meta"]["date_as_written"] = b["text"].strip()
                continue
            meta = self._narrative_meta(b["ctx"])
            key = (meta["kind"], meta.get("author"), meta.get("date_iso"))
            if segs and segs[-1]["unit"] is None and segs[-1]["meta"]["kind"] != "heading" and segs[-1]["key"] == key:
                continue
            segs.append({"start": b["start"], "ctx": b["ctx"], "unit": None, "meta": meta, "key": key,
                         "file": b["file"]})
        self.segments = segs
        if self.cfg.get("letter_heading_joins_letter"):
            self._join_letter_headings()
        self._inherit_letter_authors()
        self._apply_overrides()
        self._apply_aliases()

    def _join_letter_headings(self):
        """A chapter heading directly over the chapter's one letter ('Letter I / X, to Y') is that
        letter's header: the letter's segment starts at the heading, and an unsigned letter takes its
        writer from it. Only for books whose config sets letter_heading_joins_letter."""
        out = []
        for seg in self.segments:
            prev = out[-1] if out else None
            if (prev is not None and prev["unit"] is None and prev["meta"]["kind"] == "heading"
                    and seg["unit"] is not None and seg["meta"]["kind"] == "letter" and seg["ctx"] is prev["ctx"]):
                lines = [b["text"] for b in self.blocks if prev["start"] <= b["start"] < seg["start"]]
                lines = [re.sub(r"^Letter\s+(?:[IVXLC]+|\d+)\.?\s*", "", ln) for ln in lines]
                meta = seg["meta"]
                meta["header"] = " ".join(ln for ln in lines if ln)
                name, to = parse_unit_header(lines, True)
                name = re.sub(r"^(?:Miss|Mrs?\.|Dr\.|Sir|Lady|Lord)\s+", "", name or "") or None
                if not meta.get("author") and scorable(name):
                    meta["author"], meta["author_basis"] = name, "letter header (the chapter heading over the letter)"
                if to and not meta.get("addressees"):
                    meta["addressees"] = to
                seg["start"] = prev["start"]
                out[-1] = seg
                continue
            out.append(seg)
        self.segments = out

    def _narrative_meta(self, ctx: Ctx) -> dict:
        kind = "commentary" if ctx.frontback else "narrative"
        meta = {"kind": kind, "author": None, "date_iso": None}
        for c in ctx.chain():
            if c.kind_hint and meta["kind"] in ("narrative", "commentary"):
                meta["kind"] = c.kind_hint
            if c.date_iso and not meta["date_iso"]:
                meta["date_iso"], meta["date_as_written"] = c.date_iso, c.date_as_written
            if c.sig_date and not meta["date_iso"]:
                meta["date_iso"], meta["date_as_written"] = c.sig_date, c.sig_date_text
            if c.addressees and "addressees" not in meta:
                meta["addressees"] = c.addressees
            if meta["author"] is None and "author_description" not in meta:
                if c.narrator:
                    meta["author"], meta["author_basis"] = c.narrator, c.narrator_basis
                elif c.narrator_desc:
                    meta["author_description"] = c.narrator_desc
                elif c.sig_name:
                    name = c.sig_name
                    alias = self.cfg.get("aliases", {}).get(name)
                    if scorable(name):
                        meta["author"], meta["author_basis"] = name, "signature of the section"
                    elif alias:
                        meta["author"], meta["author_basis"] = alias[0], f"signature '{name}': {alias[1]}"
                    else:
                        meta["signature"] = name
        return meta

    def _inherit_letter_authors(self):
        for seg in self.segments:
            m = seg["meta"]
            if seg["unit"] is None or m["kind"] not in ("letter",) or m.get("author"):
                continue
            for c in seg["ctx"].chain():
                if not c.narrator:
                    continue
                inside = [s for s in self.segments if any(x is c for x in s["ctx"].chain())]
                if all(s["meta"]["kind"] in ("heading", "letter") for s in inside):
                    m["author"] = c.narrator
                    m["author_basis"] = ("narrator named in the section heading; the section "
                                         "consists of letters only")
                break

    def _apply_aliases(self):
        """Book-specific spellings: an author name the book itself corrects or expands."""
        aliases = self.cfg.get("aliases", {})
        for m in [s["meta"] for s in self.segments] + [u.meta for u in self.embedded]:
            a = m.get("author")
            if a in aliases:
                m["author"] = aliases[a][0]
                m["author_basis"] = f"{m.get('author_basis', '')}; printed '{a}': {aliases[a][1]}".lstrip("; ")

    def _apply_overrides(self):
        for ov in self.cfg.get("overrides", []):
            key = score.norm(ov["match"])
            hit = [s for s in self.segments if score.norm(self.text[s["start"]:s["start"] + 400]).startswith(key)]
            if len(hit) != 1:
                raise SystemExit(f"override {ov['match']!r} matched {len(hit)} segments")
            for k, v in ov["set"].items():
                hit[0]["meta"][k] = v
            hit[0]["meta"]["override"] = ov["why"]

    # ---- quotes
    def quotes(self):
        """Give each segment, and each embedded unit inside one, a first_words quote the scorer finds at its start."""
        quoter = Quoter(self.text)
        first_alnum, locate, words_from = quoter.first_alnum, quoter.locate, quoter.words_from
        quoter.quote_segments(self.segments)
        for u in self.embedded:
            if u.first_block is None:
                continue
            start = u.first_block["start"]
            parent = max((s for s in self.segments if s["start"] <= start), key=lambda s: s["start"])
            for n in range(8, 41):
                fw = words_from(start, n)
                if locate(fw, parent["pos"]) == first_alnum(start):
                    break
            u.first_words = fw
            u.inside = parent["first_words"]
        quoter.mark_authors_outside([s["meta"] for s in self.segments] + [u.meta for u in self.embedded])

    # ---- output
    def gold(self) -> dict:
        fname = f"{self.slug}.txt"
        segs = []
        for s in self.segments:
            m = s["meta"]
            d = {"file": fname, "first_words": s["first_words"], "kind": m["kind"],
                 "author": m.get("author"), "date_iso": m.get("date_iso")}
            if m.get("author_outside_text"):
                d["author_outside_text"] = True
            for k in ("date_as_written", "date_start", "date_end", "date_basis", "dateline", "datetime_markup",
                      "addressees", "author_basis", "author_description", "signature", "salutation",
                      "publication", "header", "markup", "note", "override"):
                if m.get(k):
                    d[k] = m[k]
            d["xhtml"] = s["file"]
            segs.append(d)
        emb = []
        for u in self.embedded:
            m = u.meta
            d = {"file": fname, "first_words": getattr(u, "first_words", None), "kind": m["kind"],
                 "author": m.get("author"), "date_iso": m.get("date_iso")}
            for k in ("date_as_written", "dateline", "addressees", "author_basis", "signature", "header", "markup"):
                if m.get(k):
                    d[k] = m[k]
            d["inside_segment"] = getattr(u, "inside", None)
            d["xhtml"] = u.file
            emb.append(d)
        return {
            "corpus": self.slug,
            "files": [fname],
            "origin": {"repository": f"standardebooks/{self.repo_name()}", "commit": self.commit,
                       "spine_files": [Path(h).name for h in self.spine], "title": self.title,
                       "creator": self.creator},
            "conventions": dict(CONVENTIONS, **({"book_notes": self.cfg["notes"]} if self.cfg.get("notes") else {})),
            "segments": segs,
            "embedded": emb,
            "events": [], "people": [], "places": [],
        }

    def repo_name(self) -> str:
        name = self.git_dir.name if self.git_dir.name != "repo" else self.git_dir.parent.name
        return name.split("+", 1)[-1]

    def provenance(self, gold: dict) -> str:
        segs = gold["segments"]
        kinds = Counter(s["kind"] for s in segs)
        lic = self.show("LICENSE.md").decode("utf-8").strip().split("\n\n")[0]
        lines = [
            f"# {self.slug}: {self.title} ({self.creator})", "",
            *([self.cfg["preamble"], ""] if self.cfg.get("preamble") else []),
            "Evaluation corpus built by `eval/se_gold.py` from the Standard Ebooks edition. "
            "The gold is the publisher's semantic markup (and the printed headings) turned into "
            "segments; nobody tuned it to quellen.", "",
            "## Source", "",
            f"- Repository: `standardebooks/{self.repo_name()}` "
            f"(https://github.com/standardebooks/{self.repo_name()}), "
            f"commit `{self.commit}`.",
            f"- Standard Ebooks' own sources: {', '.join(self.sources)}.",
            f"- Files used (spine order, under `src/epub/text/`): {', '.join(Path(h).name for h in self.spine)}.",
            "- Left out: titlepage, imprint, halftitlepage, colophon, uncopyright, endnotes, lists of "
            "illustrations, toc (note references are dropped from the text).",
            "",
            "## Licence", "",
            "The repository's LICENSE.md says:", "", "> " + lic.replace("\n", "\n> "), "",
        ]
        if self.cfg.get("licence_note"):
            lines += [self.cfg["licence_note"], ""]
        lines += [
            "## Contents", "",
            f"- `{self.slug}.txt`: {len(self.text):,} characters, {self.text.count(chr(10)) + 1:,} lines.",
            f"- `gold.json`: {len(segs)} segments; {len(gold['embedded'])} embedded (nested) unit(s) "
            "listed separately.",
            "", "| kind | segments | with author | with date_iso |", "| --- | ---: | ---: | ---: |",
        ]
        for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]):
            wa = sum(1 for s in segs if s["kind"] == k and s.get("author"))
            wd = sum(1 for s in segs if s["kind"] == k and s.get("date_iso"))
            lines.append(f"| {k} | {n} | {wa} | {wd} |")
        lines.append(f"| **all** | {len(segs)} | {sum(1 for s in segs if s.get('author'))} | "
                     f"{sum(1 for s in segs if s.get('date_iso'))} |")
        ek = Counter(e["kind"] for e in gold["embedded"])
        if ek:
            lines += ["", "Embedded (nested, not segments): "
                      + ", ".join(f"{k} {n}" for k, n in ek.most_common()) + "."]
        if self.cfg.get("notes"):
            lines += ["", "## Notes on this book", ""] + [f"- {n}" for n in self.cfg["notes"]]
        lines += ["", "## How the gold was made", "",
                  "See `conventions` in gold.json. Re-check with `python3 eval/se_gold.py --selftest <this folder>`."]
        return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- per-book settings (dev books)

BOOKS = {
    "frankenstein": {
        "licence_note": "Mary Shelley died in 1851; the text (1818, revised 1831) is in the public domain worldwide.",
        "aliases": {
            "R. W": ("Robert Walton", "Letter II of the same series to Mrs. Saville is signed 'Robert Walton'"),
            "M. W. S": ("Mary Shelley", "the introduction is the novel's author's own account of its "
                                        "origin; author per content.opf dc:creator"),
        },
        "notes": ["Years are never printed ('17—'), so letters carry date_as_written only; the "
                  "preface's signature line 'Marlow, September, 1817' dates it.",
                  "Victor's and the creature's narratives carry no narrator markup, so their "
                  "narrative segments have author null; Walton's letters in Chapter XXIV inherit "
                  "'Walton' from the subchapter title 'Walton, in Continuation'."],
    },
    "barbellion-journal": {
        "diarist": "@creator",
        "licence_note": "The journal was published in 1919, the year its author (B. F. Cummings) died; H. G. Wells, "
                        "who wrote the introduction, died in 1946. The text is therefore in the public domain in "
                        "the US and also under life+70 rules.",
        "notes": ["Every entry has <time datetime='YYYY-MM-DD'>; the diarist is the book's author "
                  "(content.opf dc:creator 'W. N. P. Barbellion', the pen name of B. F. Cummings). "
                  "One late passage is marked in the text as written in E.'s hand; it stays inside "
                  "its entry.",
                  "Year headers ('1903') are heading segments dated to the year."],
    },
    "pepys-diary": {
        "diarist": "@creator",
        "preamble": "HELD OUT: added after quellen's segmentation rules were written and never used to "
                    "tune them. A slice of the diary (January to early March 1660, the first two "
                    "chapters) read from stored copies of the repository's files, not from a clone; "
                    "see 'How this slice was fetched' below.",
        "licence_note": "Samuel Pepys died in 1703; the text (Wheatley's 1893 edition) is in the public "
                        "domain worldwide. Standard Ebooks' markup is dedicated to the public domain under CC0 1.0.",
        "notes": ["Every dated entry has <time datetime='YYYY-MM-DD'> (Gregorian; Pepys wrote Julian "
                  "dates, ten days behind, so 'Jan. 1st' is datetime 1660-01-11: date_iso follows the "
                  "markup). The opening entry (the state of affairs at the year's end) has no date.",
                  "The diarist is the book's author (content.opf dc:creator 'Samuel Pepys'). The text "
                  "never prints 'Samuel Pepys', so the author is marked author_outside_text and the "
                  "scorer does not score it: this corpus gives no author figure.",
                  "The month headings ('January 1659–60', 'February 1659–1660') are heading segments; "
                  "they are not pure date headings, so they carry no date."],
    },
    "muir-sierra": {
        "diarist": "@creator",
        "preamble": "HELD OUT UNTIL MEASURED: added after quellen's segmentation rules were written and "
                    "scored before anybody tuned a rule on it (see 'Held-out figures'); a development "
                    "corpus since (see 'After tuning'). A slice of the book (chapters I and II, the journal of "
                    "3 June to 3 July 1869) read from stored copies of the repository's files, not from "
                    "a clone; see 'How this slice was fetched' below.",
        "licence_note": "John Muir died in 1914; the text (1911) is in the public domain worldwide. "
                        "Standard Ebooks' markup is dedicated to the public domain under CC0 1.0.",
        "notes": ["A real field journal, revised for print: each entry is a z3998:diary-entry whose "
                  "se:diary.dateline is a bare month and day ('June 8.'); only the first ('June 3, "
                  "1869.') prints the year, and no dateline carries <time>. So only that entry has "
                  "date_iso; the others keep date_as_written (the scorer scores dates only where the "
                  "gold has date_iso).",
                  "The diarist is the book's author (content.opf dc:creator 'John Muir'). The text never "
                  "prints his name, so the author is marked author_outside_text and the scorer does not "
                  "score it: this corpus gives no author figure.",
                  "Chapter I opens with three paragraphs of narrative before the journal begins; "
                  "chapter headings ('I' / 'Through the Foothills with a Flock of Sheep') are heading "
                  "segments."],
    },
    "laclos-liaisons": {
        "preamble": "HELD OUT UNTIL MEASURED: added after quellen's segmentation rules were written and "
                    "scored before anybody tuned a rule on it (see 'Held-out figures'); a development "
                    "corpus since (see 'After tuning'). A slice of the novel (letters 1 to 20 of 175) read from "
                    "stored copies of the repository's files, not from a clone; see 'How this slice was "
                    "fetched' below.",
        "licence_note": "Pierre Choderlos de Laclos died in 1803; the novel (1782) and this anonymous English "
                        "translation (1812, credited by Standard Ebooks to Thomas Moore, died 1852) are in the "
                        "public domain worldwide. Standard Ebooks' markup is dedicated to the public domain "
                        "under CC0 1.0.",
        "notes": ["Each file is one letter (section typed 'chapter z3998:letter') whose hgroup carries "
                  "'Letter N' and a header 'X to Y' (sometimes 'X, to Y', often with a title: 'The "
                  "Viscount de Valmont', 'Presidente de Tourvel'); the author comes from that header.",
                  "Datelines stand at the END of each letter, in its footer ('Paris, Aug. 4, 17—.', "
                  "'From the Castle of ⸻, Aug. 9, 17—.'), with <time datetime='--MM-DD'>-style values "
                  "without a year ('08-04'); the year is never printed ('17—'), so date_iso is null "
                  "throughout and the corpus gives no date figure. Letter 9 has no dateline.",
                  "No signatures: letters close with a valediction or 'etc.'; some carry a postscript "
                  "before the dateline."],
    },
    "dracula": {
        "licence_note": "Bram Stoker died in 1912; the text (1897) is in the public domain worldwide.",
        "overrides": [{
            "match": "Whitby. 9 August. The sequel to the strange arrival",
            "set": {"kind": "newspaper_article", "author": None},
            "why": "marked z3998:diary-entry in a series whose first entry is 'Cutting from The "
                   "Dailygraph … (Pasted in Mina Murray’s Journal.) From a Correspondent.'; this is "
                   "the correspondent's follow-up report (it contains the Demeter's log)",
        }],
        "notes": ["The novel never prints a year, so no segment has date_iso; date_as_written keeps "
                  "'3 May', '25 September, 6:30 p.m.' etc.",
                  "Letters, telegrams, memoranda and cuttings quoted inside diary entries are listed "
                  "under 'embedded'."],
    },
    "evelina": {
        "licence_note": "Fanny Burney died in 1840; the text (1778) is in the public domain worldwide.",
        "notes": ["Each chapter is one letter (section typed z3998:letter); datelines carry "
                  "<time datetime='--MM-DD'> without a year, so date_iso is null throughout; "
                  "datetime_markup keeps the month-day value.",
                  "Letters enclosed in letters are listed under 'embedded'."],
    },
    "moonstone": {
        "licence_note": "Wilkie Collins died in 1889; the text (1868) is in the public domain worldwide.",
        "aliases": {
            "Erza Jennings": ("Ezra Jennings", "misprint in the heading; the text names him 'Ezra Jennings' 61 times"),
        },
        "notes": ["The book has no per-narrative markup as such, but its printed headings name the "
                  "narrators ('First Narrative / Contributed by Miss Clack…', 'The events related by "
                  "Gabriel Betteredge…'); they give the narrator of every narrative segment after the "
                  "Prologue. Chapter numbers are heading segments.",
                  "Quoted letters inside narratives are top-level z3998:letter units and so split "
                  "the narrative; quoted extracts from books and papers (untyped or "
                  "z3998:non-fiction blockquotes) stay inside the narrative.",
                  "Only the markup's dates are used: Ezra Jennings' journal (misprinted 'Erza' in this "
                  "edition's heading) and dated letters carry date_iso; narratives do not, except the "
                  "Epilogue's statements, whose headings give a year ('The Statement of the Captain (1849)').",
                  "Statements whose heading names no person ('Sergeant Cuff’s Man', 'the Captain') have "
                  "author null and keep the description in author_description."],
    },
}


# ---------------------------------------------------------------- selftest

def oracle_and_baseline(corpus: Path):
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    # a corpus of several small books lists them all; each is a source, its segments found in it
    names = gold["files"]
    sources, docs, baseline_docs, missing, ordered = {}, [], [], 0, True
    for n, name in enumerate(names, 1):
        text = (corpus / name).read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
        sid = f"s{n}"
        src = score.SourceText({"id": sid, "name": name, "text": text})
        sources[name] = {"id": sid, "name": name, "text": text}
        ntext, nmap = src.ntext, src.nmap
        starts, cursor = [], 0
        for s in gold["segments"]:
            if len(names) > 1 and s.get("file") != name:
                continue
            q = score.norm(s["first_words"])
            lo = bisect.bisect_left(nmap, cursor) if cursor else 0
            k = ntext.find(q, lo)
            if k < 0:
                missing += 1
                continue
            cursor = nmap[k]
            starts.append((cursor, s))
        ordered = ordered and all(a[0] < b[0] for a, b in zip(starts, starts[1:]))
        for i, (a, s) in enumerate(starts):
            b = starts[i + 1][0] if i + 1 < len(starts) else len(text)
            iv = score.gold_interval(s.get("date_iso_gregorian") or s.get("date_iso"), None)
            docs.append({"id": f"d{len(docs)}", "source": sid, "char_start": a, "char_end": b, "kind": s["kind"],
                         "author": {"name": s["author"]} if s.get("author") else None,
                         "date": {"earliest": iv[0].isoformat(), "latest": iv[1].isoformat()} if iv else None})
        baseline_docs.append({"id": f"b{n}", "source": sid, "char_start": 0, "char_end": len(text),
                              "kind": "narrative", "author": None, "date": None})
    oracle = {"format": "quellen-export", "version": 1, "sources": list(sources.values()), "documents": docs,
              "entities": [], "events": []}
    baseline = {"format": "quellen-export", "version": 1, "sources": list(sources.values()),
                "documents": baseline_docs, "entities": [], "events": []}
    return gold, oracle, baseline, missing, ordered


def selftest(dirs: list[Path]) -> int:
    bad = 0
    for d in dirs:
        gold, oracle, baseline, missing, ordered = oracle_and_baseline(d)
        ro = score.score(oracle, gold)
        rb = score.score(baseline, gold)
        so, sb = ro["segments"], rb["segments"]
        ok = (missing == 0 and ordered and ro["gold_spans_not_located"] == 0
              and so["boundaries"]["f1"] == 1.0 and so["kind_accuracy"] == 1.0
              and so["author_accuracy"] in (1.0, None) and so["date_accuracy"] in (1.0, None)
              and sb["boundaries"]["f1"] < 0.1)
        bad += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {d.name}: segments {len(gold['segments'])}, "
              f"oracle F1 {so['boundaries']['f1']} kind {so['kind_accuracy']} author {so['author_accuracy']} "
              f"date {so['date_accuracy']} (matched {so['matched']}), unlocated {ro['gold_spans_not_located']}; "
              f"baseline F1 {sb['boundaries']['f1']} kind {sb['kind_accuracy']}")
    return 1 if bad else 0


def default_corpora() -> list[Path]:
    root = HERE / "corpora"
    out = []
    for d in sorted(p for p in root.iterdir() if p.is_dir()):
        g = d / "gold.json"
        if g.exists():
            try:
                if "source_file" not in json.loads(g.read_text(encoding="utf-8")):
                    out.append(d)
            except json.JSONDecodeError:
                pass
    return out


# ---------------------------------------------------------------- main

def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "--selftest":
        dirs = [Path(a) for a in argv[1:]] or default_corpora()
        return selftest(dirs)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="build one corpus folder from a Standard Ebooks repository")
    b.add_argument("git_dir", type=Path)
    b.add_argument("out_dir", type=Path)
    b.add_argument("--slug", required=True)
    b.add_argument("--config", type=Path, help="JSON with aliases/overrides/notes/diarist for this book")
    a = ap.parse_args(argv)
    cfg = dict(BOOKS.get(a.slug, {}))
    if a.config:
        extra = json.loads(a.config.read_text(encoding="utf-8"))
        extra["aliases"] = {k: tuple(v) for k, v in extra.get("aliases", {}).items()}
        cfg.update(extra)
    book = Book(a.git_dir, a.slug, cfg).build()
    book.assemble()
    book.quotes()
    gold = book.gold()
    a.out_dir.mkdir(parents=True, exist_ok=True)
    (a.out_dir / f"{a.slug}.txt").write_text(book.text, encoding="utf-8")
    (a.out_dir / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (a.out_dir / "PROVENANCE.md").write_text(book.provenance(gold), encoding="utf-8")
    kinds = Counter(s["kind"] for s in gold["segments"])
    print(f"{a.slug}: {len(book.text):,} chars, {len(gold['segments'])} segments "
          f"({', '.join(f'{k} {n}' for k, n in kinds.most_common())}), embedded {len(gold['embedded'])}"
          + (f", {book.stray} stray text runs outside blocks" if book.stray else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
