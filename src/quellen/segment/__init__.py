"""Segmentation: a source -> the documents the compilation is made of.

``segment(source)`` cuts a source into documents that do not overlap and, with
the blank stretches between them, cover it: letters, telegrams, statements,
diary entries, narrative, commentary, captions, page furniture. Nothing is
dropped: furniture becomes documents of kind ``heading``, ``caption`` or
``boilerplate``.

It works in three passes, each in its own module:

* :mod:`.lines` cuts the text into units (lines, or hard-wrapped paragraphs)
  and gives each a *cue* from its shape alone;
* :mod:`.shapes` learns from those units the forms the source heads its
  entries with ("Day 14.—" twenty times over) and gives each paragraph
  opening in one of them a head cue;
* :mod:`.cascade` walks the units once and places the boundaries;
* (optionally) :mod:`.learned` re-places the boundaries with a CRF that reads
  the cues and the cascade's decisions as features, when a trained model is
  present (none is shipped: see that module);
* :mod:`.describe` gives each document its kind, title, author, addressees,
  date, place and ``primary`` flag, and says in ``evidence`` which cue decided.

The cue cascade, in the order the checks are made (why each step exists):

1. **Page furniture is a document of its own** — separators (``* * *``),
   captions (``... | site.tld``, a bare domain, "Fig. 3 ...", caption tags),
   attribution lines ("The following excerpt from the book ... provided by
   ..."), and date stamps before any prose (site section + date). Scraped
   pages interleave these with the texts; keeping them apart stops them from
   gluing two texts together and keeps them visible as furniture.
2. **A thematic break from the markup** (an ``hr`` block) ends what ran
   before it: the editor said so.
3. **The source's own title** (a heading before any prose, after furniture or
   followed by another heading) is a heading document: it names the page, not
   the first text — unless it heads one document ("Letter IV").
4. **An issuing office at the foot of a record signs it** ("District
   office of the X" after a resolution): otherwise it would read as the
   title of a new text.
5. **A full name alone after a record's body is its signature.**
6. **A short topical subheading inside a running account** ("Personal life")
   divides it and is kept inside: biographies and chapters use them freely.
7. **Head cues gather into one document head** — a title (all capitals, a
   short line without final punctuation, an ``h1``-``h6`` block, "LETTER XII."),
   a byline ("J. Bell. Title"), a secrecy mark ("Top secret"), an addressee
   block ("To the ...", "His Excellency ..."), a salutation ("Dear ...",
   "Sir,"), a document's own header ("Letter, A to B.", "Telegram from A to B.",
   "Memorandum by A."), a series heading ("A's Journal.", "The Narrative of A",
   "Contributed by A") or a newspaper's name and date. After a body, any of
   them opens the next document. A quoted document's date line and salutation
   ("“3 June.", "“My dearest Kate—") are read through the quotation marks.
   **A numbered letter ("Letter XII") runs to the next strong head** (a section,
   a numbered or one-document head, a series heading, a title in capitals), a
   date heading a part of it, furniture or a break: what it quotes (a note with
   its own head, salutation and signature, verse, dialogue), its valediction
   broken over lines and its postscript stay inside it. A note in brackets or
   the writer's address between a letter's header and its date line or
   salutation ("(Not sent.)", "“12, Mill Lane,") is part of its head.
8. **A date line** closes a record or personal text that has no date yet (the
   date under a letter or an account), unless a salutation follows it (then it
   heads the next letter) — where the source dates its letters at their foot (a
   date line alone under its last signature, or under a signature before the next
   letter's number, more often than one above a first salutation), a date line
   under a signature is that letter's, whatever follows; otherwise it opens a new
   (diary) entry. A date alone
   on its line counts ("January 3", "4th (Sunday).", "5th.", the plain style's
   "1 of the Seventh Month.", "Third Day morning."), and inside a diary or under
   a dated entry a number of 1 to 31 alone over a paragraph ("14.", "13", "[5.",
   "[6]", or the days of one entry, "13 and 14."): the entry's day, its month the
   entry's before or the month heading's right above it (elsewhere a number
   alone numbers a paragraph); a month or year
   heading above the first of them ("MAY 1884.") stands apart as a heading,
   and so does a section heading above a place and date line ("II" /
   "Ashby, 3 May 1791."), which opens the letter under it;
   a letter written as a journal goes on under a weekday line ("Sunday.").
   A date line restating the date that opens the line right above it ("June 11th:
   How I thank you …" / "June 11th.") is that head's own.
9. **Closings and signatures end a document** — "Yours ...", "With ...
   greetings,", "I remain ... servant", "accept the assurances of ...", a name
   alone on a line with initials, "Place Initial. Surname", "Date Name".
10. **After furniture a new part starts**; an account interrupted by a caption
    is remembered so the part after it keeps the account's kind.
11. **After a closing the next paragraph is a new text** — except the rest of
    a valediction running over several lines and the signer's name under it,
    and a letter's foot: its postscripts (a "P.S.", or short paragraphs saying
    "I" or "you" standing alone) and its address leaf ("To / Miss Pell",
    "Wexcombe / Dorset") up to the next letter's date line or salutation.
12. **A framing sentence announces a document** ("the committee sent the
    following telegram to ...:"): the next paragraph starts it, and the
    sentence gives its kind, author, addressee and date. A letter read out
    inside a narrative ends where the narrator speaks of it again ("There
    the letter ended.") or where its quotation closes. In a book's section
    told by a narrator, in the first person or not, a narrator about to read
    or copy a document ("I opened the letter and read it:—") announces it
    too when the next paragraph opens a quotation.
13. **A document quoted whole in one paragraph** ("the clerk signed a receipt: '...'")
    is a document of its own.
14. **A paragraph opening with a date** ("October 28. Hut Point.",
    "Monday, 3rd March.—", "Hillingham, 24 August.—", "12 October, 11 p.m.—")
    is a diary entry; in a diary, so is one opening with an hour ("Two
    o’clock.—"), a feast ("Christmas Day.—", the feast next after the entry
    above), a span of days ("From the 11th to the 14th we lay idle ..."), a time
    of the day standing on its own line as the dated heads do ("Later.",
    "Midnight.", "Same day, 11 p.m.": the day of the entry above) or the next
    day closed off by a dash ("Next morning.—"), while "Later.—" run into its
    text with no hour goes on with the day's entry. A narrator saying that the
    diary he copied ends ("Here the journal stopped, ...") takes the word back.
    **So is one opening as the source's entries open** (:mod:`.shapes`): each
    paragraph's opening is written as a shape ("Day 14.—" is ``day D . —``,
    "Oct. the 9th." is ``M . the D th .``); a shape that names a day, a month
    or a weekday and opens at least ``segment.head_shape_min_count``
    paragraphs spread through the source (not the short rows of a table) is
    the source's entry head, whatever its form. In a diary written a paragraph a day
    (most dated entries one paragraph long), a paragraph opening with the next day
    ("Next day about 1 o'clock ...", "Next morning, ...") opens that day's entry, dated
    the day after the entry above (reckoned); in a diary telling a story over many
    paragraphs a day, "Next morning I felt ..." goes on with its entry.
    A book's section heading ("Chapter XI", "XVII", "Preface") is a heading
    document of its own, and the text under it starts afresh (a chapter is
    narrative whatever its voice).
15. **A salutation opening a paragraph** ("Dear Anna, you ...") starts a
    letter — not an endearment naming nobody ("Dearest, you also ask ...")
    inside a letter that has greeted its addressee.
16. **"Name: ..."** ("T.H.: I would add ...") is somebody else's signed
    comment or reply.
17. **A biographical lead** ("Name was a Norwegian painter ...", "Name - historian")
    starts a biography or an author blurb.
18. **A change of voice**: a paragraph opening in the first person ("I
    remember ...") right after third-person narrative starts somebody's own
    account; the weakest cue, so it comes last.

Everything else continues the current document. Kinds come from the title's
words (letter, telegram, statement, resolution, diary...), the framing
sentence, an attribution line (book excerpt), the structure (salutation and
closing: letter; addressee and signature: statement; dated entries: diary,
unless written to a "you" and signed under a valediction: letter),
and the voice (first person looking back: memoir; questions: opinion;
third person: narrative or commentary). Authors come from the signature, a
byline, an attribution line, the quoting sentence's subject, the issuing body
in the title, or, for unsigned first-person records, the source's usual signer;
a signature in initials ("A. P.") takes the one full name with those initials that the
source's other documents are signed with.
Dates come from a date line, a closing date, "today, ...", or the sentence that
announced the document; a year missing from "December 16" is taken from the
nearest full date in the text, never from a page stamp. Documents still undated
then go through :mod:`.dating`: a later explicit reference ("the order ... of
20 February 1793") dates the document it names, and an undated record in a
compilation takes, flagged as inferred and at year precision only, the year of
the dated text before it.
"""
from __future__ import annotations

from ..model import Document, Source
from .cascade import FRONT_SIGNED, FURNITURE_CUES, group_units
from .context import source_context
from .dating import date_by_context, date_by_references, lady_day_years, reckon_calendars
from .describe import (CLASS_OF_KIND, YearContext, calendar_papers, describe, diarists, dominant_signer,
                       expand_initials, prefaces)
from .learned import Corrector, Segmenter, class_mode, group_features, learned_groups, load_model, unit_features
from .lines import fold_running_heads, make_units
from .markup import apply_markup, merge_within_units, structural_blocks
from .shapes import mark_next_day_heads, mark_shape_heads

__all__ = ["segment", "source_context"]


def segment(source: Source, settings=None, model: "Segmenter | Corrector | None" = None) -> list[Document]:
    """Return the documents of ``source`` in text order, covering all its non-blank text.

    ``settings`` (a :class:`~quellen.settings.Settings`, or None for the defaults) gives what the
    text does not say about itself (``context.*``, ``dates.calendar``); the file's metadata and
    sidecar (``source.meta``) come first (:mod:`.context`).

    >>> from quellen.model import Source
    >>> docs = segment(Source("s", "a.txt", "0", "text/plain", "LETTER I.\\n\\nSir,\\n\\nI write.\\n\\nJ. Bell"))
    >>> [d.kind for d in docs], docs[0].author.name
    (['letter'], 'J. Bell')
    """
    from ..ingest.text import repair_typography
    text = repair_typography(source.text)[0]
    # semantic spans (letter, diary entry, signature, <time>) are cues of their own: the line cues
    # read the structural blocks, with a break where the markup starts a letter or an entry
    units = make_units(text, structural_blocks(source.blocks), settings.segment if settings is not None else None)
    # a scanned book's running heads left in its text are page furniture: out of the cues' way, their years kept
    units, running = fold_running_heads(units, settings.ingest if settings is not None else None)
    # the source's own entry heads ("Day 14.—" twenty times over) are cues too, learnt from the source
    units = mark_shape_heads(units, settings.segment if settings is not None else None)
    # in a diary written a paragraph a day, "Next day ..." opens the next day's entry
    units = mark_next_day_heads(units, settings.segment if settings is not None else None)
    if not units:
        return []
    segment_settings = settings.segment if settings is not None else None
    groups = merge_within_units(group_units(units, segment_settings), source.blocks)
    # the learned model (when one is installed) places the boundaries, with the cascade's
    # decisions among its features
    model = model if model is not None else load_model()
    if isinstance(model, Corrector):
        # a correction model only removes boundaries of the cascade's weak reasons where it doubts them
        groups, model = model.correct(units, groups, text), None
    elif model is not None:
        groups = learned_groups(units, groups, model.boundary.tag(unit_features(units, groups, text)))
    context = source_context(source, settings)
    # a preface signed and dated in the front matter was written when the book was made: its year is not its
    # entries' (nor its letters')
    front = {u.start for g in groups if FRONT_SIGNED in g.evidence for u in g.units}
    years = YearContext(text, [(u.start, u.end) for u in units if u.cue not in FURNITURE_CUES and u.start not in front],
                        [(u.start, u.end) for u in units if u.cue in ("heading", "dateline") and u.start not in front],
                        meta_year=context.year, running=running,
                        lady_day=lady_day_years(context, settings.dates.year_start if settings is not None else "auto"),
                        front_end=next((u.start for u in units if u.cue == "dateline" or u.features.get("lead_date")
                                        or u.features.get("lead_shape")), None))
    signer = dominant_signer(groups)
    documents: list[Document] = []
    kind_of: dict[int, str] = {}
    for group in groups:
        prev_kind = kind_of.get(id(group.continues)) if group.continues is not None else None
        document = describe(group, source.id, text, years, signer, prev_kind, segment_settings)
        kind_of[id(group)] = document.kind
        documents.append(document)
    if model is not None:
        # the kind model reads the rules' kinds in sequence (a heading, then the narrative under it...)
        # and gives each document its coarse class; where the rules chose a kind of another class,
        # the document is described again within the class the model chose
        classes = model.kind.tag(group_features(groups, [d.kind for d in documents]))
        for i, (group, cls) in enumerate(zip(groups, classes)):
            if CLASS_OF_KIND.get(documents[i].kind) != cls:
                group.coarse, group.mode = cls, class_mode(cls)
                documents[i] = describe(group, source.id, text, years, signer, None, segment_settings)
    # documents left undated by their own lines: first what a later passage says of them,
    # then (flagged as inferred) the year of their place in the compilation
    documents = apply_markup(documents, source.blocks, text)
    documents = calendar_papers(prefaces(documents, text), text)
    title = source.meta_value("title")
    documents = date_by_references(expand_initials(diarists(documents, text, context), title[0] if title else ""),
                                   text)
    return _with_frame(reckon_calendars(date_by_context(documents, text), context, text), source)


def _with_frame(documents: list[Document], source: Source) -> list[Document]:
    """Return ``documents`` with a digital library's front and back matter around the book (blank in the
    working text) as one boilerplate document each, in text order."""
    from ..ingest.text import book_frame
    frame = []
    for span in book_frame(source.text):
        if span and span[1] > span[0]:
            start, end = span
            title = source.text[start:end].split("\n", 1)[0].strip(" *") or None
            frame.append(Document(Document.make_id(source.id, start, end), source.id, start, end, "boilerplate",
                                  title=title, primary=False,
                                  evidence=("boundary: a digital library's front or back matter around the book",)))
    return sorted(documents + frame, key=lambda d: d.char_start) if frame else documents
