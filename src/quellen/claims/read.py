"""Reading one document, then one source, into claims (the cascade in :mod:`quellen.claims`).
"""
from __future__ import annotations

import re
from typing import Any, Iterable, NamedTuple, Sequence

from ..extract.dates import retrospective_body
from ..lexicons import words
from ..model import (FURNITURE_KINDS, FURNITURE_PARTS, NARRATIVE_KINDS, NO_EVENT_KINDS, PRESENT_DATED_KINDS, Claim,
                     Date, Document, Mention, Timex, replace)
from ..segment.dating import inferred
from .clause import (dated_clauses, first_person_subject, headed_by_its_date, is_computed, make_claim, narrowest_date,
                     root_verb, sentence_root, sentences_of, speaks_of_now, starts_a_state)
from .lexicon import DENIED_INLINE, HEARSAY, MAX_CARRY, REFUTES, REPORTED
from .parts import Sentence, death_toll
from .reckoning import complete_years, reckoned_timexes, usable

def claims_to_json(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    """Return the claims as a JSON-ready list (the ``claims`` layer of a source)."""
    return [c.to_json() for c in claims]


def claims_from_json(data: Iterable[dict[str, Any]] | None) -> list[Claim]:
    """Return the claims of a stored ``claims`` layer (an empty list for None)."""
    return [Claim.from_json(d) for d in data or ()]


def extract_claims(text: str, document: Document, doc: Any, timexes: Sequence[Timex],
                   mentions: Sequence[Mention], offset: int | None = None,
                   summary_words: int = 18) -> list[Claim]:
    """Return the claims of one document, dated ones first in text order, then undated ones.

    ``text`` is the source's working text, ``doc`` the spaCy ``Doc`` of
    ``text[document.char_start:document.char_end]`` (``offset`` = where the Doc
    starts in ``text``, default ``document.char_start``), ``timexes`` and
    ``mentions`` those found in the document (source offsets).
    """
    if document.kind in NO_EVENT_KINDS or document.kind in FURNITURE_KINDS and not timexes:
        return []
    offset = document.char_start if offset is None else offset
    sentences = sentences_of(doc, text, offset)
    mentions = sorted(mentions, key=lambda m: m.char_start)
    persons = [m for m in mentions if m.type == "person"]
    lives = _lifespans(text, document, persons)
    dated_timexes = sorted((t for t in timexes if usable(t) and not any(a <= t.char_start < b for a, b in lives)),
                           key=lambda t: t.char_start)
    claims: list[Claim] = []
    undated: list[Claim] = []
    # the date a reader carries forward: per paragraph, and across paragraphs of a narrative
    paragraph_date: dict[int, Date] = {}
    carried: Date | None = None
    carried_paragraph = origin_paragraph = -10
    since_date = 99  # sentences since the last written-out date
    denied = _denied_sentences(text, sentences)
    # the body of an account dated only at its foot tells of days before its writing, often in the
    # historical present: its writing date dates none of it
    body = retrospective_body(text[document.char_start:document.char_end], document)
    # a letter's furniture (salutation, valediction, signature, as segmentation marked them) tells no event;
    # its date line states only the date the document was written (a diary's date line may run on into the
    # day's first note: "4th (Sunday). To church.")
    foot = [(h.char_start, h.char_end) for h in document.heads if h.part in FURNITURE_PARTS and h.part != "dateline"]
    date_lines = [(h.char_start, h.char_end) for h in document.heads if h.part == "dateline"] \
        if document.kind != "diary" else []
    # a title over a document ("II. Letters after the Fire, 1873", an editor's chapter heading) names what it
    # is about; it witnesses no happening, and its words would join the happenings it names as a witness
    # (so does an edition's marginal summary printed inside it, "The Visit to the Mill")
    titles = [(h.char_start, h.char_end) for h in document.heads if h.part in ("title", "note")]
    for k, sent in enumerate(sentences):
        if any(a <= sent.char_start and sent.char_end <= b for a, b in titles):
            continue
        in_foot = any(a <= sent.char_start < b for a, b in foot)
        told = body is not None and body[0] <= sent.char_start - document.char_start < body[1]
        since_date += 1
        sent_timexes = [t for t in dated_timexes if sent.char_start <= t.char_start < sent.char_end]
        sent_dates = tuple(sorted({(t.date.earliest.isoformat(), t.date.latest.isoformat()) for t in sent_timexes}))
        own, unreal = dated_clauses(doc, sent, sent_timexes, offset)
        if unreal and not own:
            # a counterfactual ("if X had won, it would have ended in 1980") tells nothing that
            # happened, and takes no date from its neighbours either
            continue
        if in_foot and not own:
            continue
        if own:
            for verb, group in own:
                # a relative clause is about its antecedent, not about the sentence it hangs in
                single = len(own) == 1 and verb.dep_ != "relcl"
                # a date line run into the sentence ("KELBURY, May 3 (Northern Wire) — The bridge fell on 1 May"):
                # only the dates inside it are the document's, and the words after it are not the date line's
                in_line = [(a, b) for a, b in date_lines if all(a <= t.char_start < b for t in group)]
                if in_line and all(t.type == "TIME" for t in group) and any(
                        t.type == "DATE" and any(a <= t.char_start < b for a, b in in_line) for _, g in own for t in g):
                    # "By A · 3 May 2021, 16:20": the hour beside the date line's day is that day's, no date line itself
                    continue
                claim = make_claim(text, document, doc, sent, verb, group, mentions, persons, offset,
                                    single, sentence_dates=sent_dates, summary_words=summary_words,
                                    date_line=in_foot or bool(in_line))
                if claim is not None and in_line and not in_foot and max(b for _, b in in_line) < sent.char_end:
                    claim = replace(claim, lemmas=(), verbs=(), actors=(), place=None, numbers=(), predicates=(),
                                    subjects=(), details=(), trigger=(), named=(), scope=(), args=())
                if claim is not None and k in denied:
                    # the writer brings this version up to reject it: a claim, not a witness
                    claim = replace(claim, stance="denied", eyewitness=False)
                if claim is not None and len(own) == 1 and _dates_the_sentence_before(doc, sent, claim) and k > 0 \
                        and sentences[k - 1].paragraph == sent.paragraph and not (
                            claims and claims[-1].char_end > sentences[k - 1].char_start):
                    # "My father's mill burned. It was the night of the 16th ...": a sentence that only gives a
                    # date dates the happening the sentence before told, which had none
                    before = sentences[k - 1]
                    told_before = make_claim(text, document, doc, before, sentence_root(doc, before), group, mentions,
                                             persons, offset, True, sentence_dates=sent_dates,
                                             summary_words=summary_words)
                    if told_before is not None and told_before.lemmas:
                        claim = replace(told_before, timex=claim.timex)
                if claim is not None and not (claims and _same_date_line(claims[-1], claim)):
                    # "April 10th, 1846. Friday.": the weekday after a date line is the same date
                    # line, not a second one
                    claims.append(claim)
                # only a date written out carries on to the next sentences: a computed one
                # ("the next day") is one error away from dating a whole paragraph wrong. A date
                # standing alone (a diary entry's heading) carries on though it says nothing itself.
                # A rejected version's date carries nothing either
                # nor does the start of a state ("had kept the inn since 1850"): the next sentence is not of 1850
                written = [t for t in group if not is_computed(t) and not starts_a_state(doc, sent, t, offset)] \
                    if k not in denied else []
                if written:
                    date = narrowest_date(written)
                    paragraph_date[sent.paragraph] = date
                    carried, carried_paragraph = date, sent.paragraph
                    origin_paragraph = sent.paragraph
                    since_date = 0
            continue
        if document.kind in FURNITURE_KINDS:
            continue
        verb = root_verb(doc, sent)
        if verb is None:
            # a diary notes things without verbs ("A letter from my brother."); elsewhere a
            # verbless line is a heading, a salutation or a list item, not a claim
            if document.kind != "diary":
                continue
            verb = sentence_root(doc, sent)
        date, basis = None, "none"
        if document.kind in PRESENT_DATED_KINDS and document.kind != "diary":
            # a letter or statement argues across many times: its own date dates only what it
            # says of the writer's present ("I refuse", "I have received"), not its past tenses
            if (document.date is not None and not inferred(document.date) and speaks_of_now(verb)
                    and first_person_subject(verb) and not told):
                date, basis = document.date, "document"
        elif since_date > MAX_CARRY and document.kind != "diary":
            # a long paragraph moves on in time faster than a reader can tell: carry a date a
            # few sentences, not a whole page
            pass
        elif sent.paragraph in paragraph_date:
            date, basis = paragraph_date[sent.paragraph], "inherited"
        elif (document.date is not None and document.kind == "diary" and not inferred(document.date) and not told
              and (headed_by_its_date(text, document)
                   or speaks_of_now(verb) and first_person_subject(verb))):
            # dated only at its foot, an account in diary form tells of days long past, often in
            # the historical present: like a letter, its date dates what the writer says of now
            date, basis = document.date, "document"
        elif (carried is not None and document.kind in NARRATIVE_KINDS
              and sent.paragraph - carried_paragraph <= 1 and sent.paragraph - origin_paragraph <= 3):
            date, basis = carried, "inherited"
        # an undated claim is kept only with an actor and a predicate
        claim = make_claim(text, document, doc, sent, verb, [], mentions, persons, offset, True,
                            date=date, basis=basis, sentence_dates=sent_dates, summary_words=summary_words,
                            parts_needed=date is None)
        if claim is None:
            continue
        if k in denied:
            claims.append(replace(claim, stance="denied", eyewitness=False)) if date is not None else None
            continue
        if k - 1 in denied and REFUTES.search(text[sent.char_start:sent.char_end]):
            continue  # "That is not so": the writer's rejection, not a happening
        if date is not None:
            claims.append(claim)
            if basis != "document":  # the writing date of one clause of now is not the paragraph's time
                paragraph_date.setdefault(sent.paragraph, date)
            if basis == "inherited":
                # the narrative carries the date on, paragraph by paragraph
                carried, carried_paragraph = date, sent.paragraph
        elif claim.actors and claim.predicates or death_toll(claim.numbers, claim.lemmas):
            undated.append(claim)
    return claims + undated


_LIFE_MARKS = "|".join(re.escape(w) for w in sorted(words("lifespan_marks"), key=len, reverse=True))
#: a person's dates in parentheses: "(1801–1872)", "(1801-72)", "(b. 1805)", "(d. 1872)", "(c. 1750–1801)",
#: "(1801–?)"; with a mark, one year; without, a range
_LIFESPAN = re.compile(
    rf"\(\s*(?:(?:(?:{_LIFE_MARKS})\.?\s*)+\d{{3,4}}\??(?:\s*[-–—]\s*(?:(?:{_LIFE_MARKS})\.?\s*)*\d{{2,4}})?\??"
    rf"|\d{{3,4}}\??\s*[-–—]\s*(?:(?:{_LIFE_MARKS})\.?\s*)*(?:\d{{2,4}}|\?)?\??)\s*\)",
    re.IGNORECASE)


def _lifespans(text: str, document: Document, persons: Sequence[Mention]) -> list[tuple[int, int]]:
    """Return the (start, end) of the parenthesized dates of a life right after a person's name ("John Ferrer
    (1801–1872) kept the inn", "Henry Ferrer (b. 1805)"): a biography's or a family tree's convention, whose
    years are a birth and a death, not the date of what the sentence tells."""
    ends = {m.char_end for m in persons}
    body = text[document.char_start:document.char_end]
    out = []
    for m in _LIFESPAN.finditer(body):
        start = document.char_start + m.start()
        before = text[document.char_start:start].rstrip()
        if document.char_start + len(before) in ends:
            out.append((start, document.char_start + m.end()))
    return out


#: words of time ("It was the night of ..."): a sentence that says nothing else only gives a date
_TIME_WORDS = frozenset(words("time_nouns"))


def _dates_the_sentence_before(doc: Any, sent: Any, claim: Claim) -> bool:
    """Return whether the sentence of a dated claim only gives a date: its root a copula whose subject is "it",
    "this" or "that" ("It was the night of the 16th", "That was in May 1820"), its date governing nothing else
    but words of time."""
    if claim.date is None or not {*claim.scope, *claim.trigger, *claim.named} <= _TIME_WORDS:
        return False
    root = sentence_root(doc, sent)
    if root is None or root.lemma_ != "be":
        return False
    # "It was 6 March when the roof fell": a clause hung on the date tells the happening it dates
    return any(c.dep_ in ("nsubj", "expl") and c.lower_ in ("it", "this", "that") for c in root.children) and \
        not any(c.dep_ in ("advcl", "ccomp", "relcl", "acl") for c in root.children)


def _bare_date(claim: Claim) -> bool:
    """Return whether a claim is a date standing alone (a date line, an entry's heading): no word, verb
    or actor besides its date."""
    return claim.date is not None and not claim.lemmas and not claim.verbs and not claim.actors


def _same_date_line(before: Claim, claim: Claim) -> bool:
    """Return whether ``claim`` is a date standing alone right after another one of the same day."""
    return _bare_date(before) and _bare_date(claim) and \
        (before.date.earliest, before.date.latest) == (claim.date.earliest, claim.date.latest)


def _denied_sentences(text: str, sentences: Sequence[Sentence]) -> set[int]:
    """Return the indexes of the sentences whose claims the writer reports only to deny them: a
    report ("it is said", "I have heard it said") the next sentence of its paragraph rejects ("That is
    not so"), or a report rejected in its own words ("wrongly said", "..., but that is not true")."""
    out: set[int] = set()
    for k, sent in enumerate(sentences):
        words = text[sent.char_start:sent.char_end]
        if DENIED_INLINE.search(words):
            out.add(k)
            continue
        if not REPORTED.search(words) and not HEARSAY.search(words):
            continue
        nxt = sentences[k + 1] if k + 1 < len(sentences) else None
        if nxt is not None and nxt.paragraph == sent.paragraph and REFUTES.search(
                text[nxt.char_start:nxt.char_end]):
            out.add(k)
    return out


class SourceReading(NamedTuple):
    """What reading one source gives: its claims, and its date layer as the claims read it."""

    claims: list[Claim]
    #: the tagger's timexes with the years a reader completes and the dates a reader reckons
    #: (basis ``year_from_context`` / ``reckoned``): what the claims' dates come from, so the
    #: stored layer, the exports and the reader show the same date as the events
    timexes: list[Timex]


def claims_for_source(text: str, documents: Sequence[Document], docs: Sequence[Any],
                      timexes: Sequence[Timex], mentions: Sequence[Mention],
                      summary_words: int = 18) -> list[Claim]:
    """Return the claims of every document of one source (see :func:`read_source`)."""
    return read_source(text, documents, docs, timexes, mentions, summary_words).claims


def read_source(text: str, documents: Sequence[Document], docs: Sequence[Any],
                timexes: Sequence[Timex], mentions: Sequence[Mention],
                summary_words: int = 18) -> SourceReading:
    """Return the claims of every document of one source and the date layer they were read from
    (``docs``: one parsed Doc per document, each over ``text[document.char_start:document.char_end]``).

    Two passes: the claims dated by the tagger's expressions first, with the years of day-and-month
    dates completed from the nearest full date (:func:`~quellen.claims.reckoning.complete_years`);
    then the dates a reader reckons from them (:func:`reckoned_timexes`: "a week after this", "after a
    22-day journey", "at the age of 16", "three days before the battle"), and the documents that hold
    such a date read again. A reckoned date replaces the tagger's reading of the same words.
    """
    claims, completed = _claims_for_source(text, documents, docs, timexes, mentions, summary_words)
    extra = reckoned_timexes(text, documents, timexes, mentions, claims)
    if not extra:
        return SourceReading(claims, completed)
    again = {t.document for t in extra}
    redo = [(d, p) if d.id in again else (d, None) for d, p in zip(documents, docs)]
    # a reckoned date replaces the tagger's reading of the same words
    kept = [t for t in timexes if not any(x.char_start < t.char_end and t.char_start < x.char_end for x in extra)]
    fresh, recompleted = _claims_for_source(text, [d for d, _ in redo], [p for _, p in redo], [*kept, *extra],
                                            mentions, summary_words)
    by_doc: dict[str | None, list[Claim]] = {}
    for c in fresh:
        by_doc.setdefault(c.document, []).append(c)
    out: list[Claim] = []
    for d in documents:
        out.extend(by_doc.get(d.id, []) if d.id in again else [c for c in claims if c.document == d.id])
    layer = [t for t in completed if t.document not in again] + [t for t in recompleted if t.document in again]
    return SourceReading(out, sorted(layer, key=lambda t: (t.char_start, t.char_end)))


def _claims_for_source(text: str, documents: Sequence[Document], docs: Sequence[Any],
                       timexes: Sequence[Timex], mentions: Sequence[Mention],
                       summary_words: int = 18) -> tuple[list[Claim], list[Timex]]:
    by_doc_m: dict[str | None, list[Mention]] = {}
    for m in mentions:
        by_doc_m.setdefault(m.document, []).append(m)
    furniture = {d.id for d in documents if d.kind in FURNITURE_KINDS}
    timexes = complete_years(timexes, documents, furniture)
    by_doc_t: dict[str | None, list[Timex]] = {}
    for t in timexes:
        by_doc_t.setdefault(t.document, []).append(t)
    out: list[Claim] = []
    for document, parsed in zip(documents, docs):
        if parsed is None:
            continue
        out.extend(extract_claims(text, document, parsed, by_doc_t.get(document.id, []),
                                  by_doc_m.get(document.id, []), summary_words=summary_words))
    return out, timexes
