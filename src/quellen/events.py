"""Events: analysed documents -> candidate claims (factoids) -> merged events.

A *claim* is what one clause of one document says happened: a date (its own,
or inherited from the paragraph or from the document it stands in), the actors
in its subject and object roles, a place, a short summary in the clause's own
words, and the lemmas, numbers and polarity that later steps compare.

The cascade, per document (:func:`extract_claims`, runs once per source):

1. sentences are cut from the spaCy parse, and again at line breaks, because
   a paragraph break is never inside a sentence in a compiled source;
2. every DATE/TIME expression with a resolved interval becomes a claim for the
   clause whose verb governs it (two expressions on one verb that agree are one
   claim; century-wide expressions are too vague to date an event);
3. a sentence without a date of its own inherits the last date of its
   paragraph, else the date of a dated record (a letter's writing, a diary
   entry's day), else, in a running narrative, the last date of the previous
   paragraph — the way a reader carries a date forward;
4. undated clauses are kept only when they can take part in a conflict
   (a negated or affirmed predicate over named actors).

Across the corpus (:func:`merge_events`, runs in the corpus layer): claims whose
dates intersect, whose actors overlap and whose predicates are alike (lemma
overlap; a reuse group that aligns their passages counts as likeness) become one
event; the claims are kept. :mod:`quellen.corroborate` then counts witnesses
and finds conflicts.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

from .extract.dates import retrospective_body
from .model import (FURNITURE_KINDS, NARRATIVE_KINDS, NO_EVENT_KINDS, PRESENT_DATED_KINDS, Claim, Date, DateBasis,
                    Document, Mention, ReuseGroup, Timex, actor_key, content_id, replace)
from .segment.dating import inferred

__all__ = ["Claim", "extract_claims", "claims_for_source", "reckoned_timexes", "claims_to_json", "claims_from_json",
           "merge_events", "dates_from_reuse", "predicate_similarity"]

#: how many sentences after a written-out date still take it (outside diaries)
MAX_CARRY = 2
#: verbs that carry another happening rather than being one: "tried to regain", "the exile took
#: place", "it was in May that ..." -- the happening is what they carry
_SUPPORT_VERBS = frozenset({"be", "have", "do", "become", "try", "attempt", "begin", "start", "continue",
                            "manage", "fail", "happen", "occur", "follow", "accompany", "seem", "appear",
                            "take", "get", "want", "need", "come"})
_MODALS = frozenset({"would", "could", "might", "should"})
_NEGATING_NOUNS = frozenset({"means", "mean", "way", "account", "case", "wise"})
_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
_THIRD_PERSON = frozenset({"he", "she", "him", "her"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "expl"})
_OBJECT_DEPS = frozenset({"dobj", "iobj", "dative", "attr", "oprd", "pobj", "appos", "conj", "compound",
                          "npadvmod", "poss"})
_CLAUSE_BREAK_DEPS = frozenset({"advcl", "relcl", "ccomp", "xcomp", "acl", "conj", "parataxis"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "to", "from", "into", "outside", "inside", "towards",
                             "toward", "through", "via", "on"})
_EYEWITNESS = re.compile(r"\b(?:I|we)\s+(?:saw|watched|witnessed|heard|was present|were present|"
                         r"stood|beheld)\b|\beye-?witness|\bwith (?:my|our) own eyes\b", re.I)
_HEARSAY = re.compile(r"\b(?:I|we)\s+(?:have\s+|had\s+)?(?:heard|hear|was told|were told|am told|are told|"
                      r"have been told|learned|learnt)\s+(?:it\s+)?(?:said|say|told|reported|rumou?red|that|from)\b|"
                      r"\b(?:it is|it was)\s+(?:said|reported|rumou?red)\b|\bthey say\b|\breportedly\b|"
                      r"\bby hearsay\b|\brumou?r (?:has it|had it)\b|\bso (?:I am|we are|I was) told\b", re.I)
#: a report of what others say or said, the way a writer brings up a version before rejecting it
_REPORTED = re.compile(
    r"\bit\s+(?:is|was|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:said|stated|claimed|asserted|reported|written|"
    r"believed|alleged|rumou?red|supposed|thought|maintained|held)\b|"
    r"\b(?:some|others|many|they|people|several)\s+(?:\w+\s+)?(?:have\s+|had\s+)?(?:say|said|claim|claimed|assert|"
    r"asserted|write|wrote|written|maintain|maintained|believe|believed|hold|held|tell|told)\b|"
    r"\b(?:I|we)\s+(?:have\s+|had\s+)?(?:often\s+|since\s+)?(?:heard|read|seen)\s+(?:it\s+)?(?:\w+\s+)?"
    r"(?:said|stated|written|claimed|asserted|reported|printed)\b|"
    r"\b(?:is|are|was|were)\s+(?:\w+ly\s+)?said\s+to\b|\bthe\s+(?:common\s+)?story\s+(?:goes|runs|is\s+told)\b|"
    r"\blegend\s+has\s+it\b|\baccording\s+to\s+(?:some|others|rumou?r|common\s+report|popular\s+belief)\b", re.I)
#: a sentence that rejects what the one before reported: "That is not so", "This is false", "Not so"
_REFUTES = re.compile(
    r"^\s*(?:but\s+|yet\s+|however,?\s+|now\s+)?(?:that|this|it|which|the\s+(?:story|report|account|claim|tale|"
    r"statement|date))\s+(?:is|was|has\s+proved|proved)\s+(?:not\s+(?:so|true|the\s+case|correct|right|accurate|"
    r"what\s+happened)|(?:quite\s+|entirely\s+|wholly\s+|altogether\s+|simply\s+)?(?:false|untrue|wrong|incorrect|"
    r"mistaken|erroneous|a\s+(?:mistake|fable|myth|legend|fiction|falsehood|lie)|an\s+(?:error|invention|untruth)))\b|"
    r"^\s*(?:not\s+so|nothing\s+of\s+the\s+(?:kind|sort)|this\s+is\s+a\s+mistake|that\s+is\s+a\s+mistake)\b", re.I)
#: a report rejected in its own sentence: "some wrongly say", "it is falsely stated", "..., but that is not so"
_DENIED_INLINE = re.compile(
    r"\b(?:wrongly|falsely|mistakenly|erroneously|incorrectly)\s+(?:\w+\s+)?(?:said|say|says|stated|state|states|"
    r"claimed|claim|claims|asserted|reported|believed|supposed|thought|given|dated|date|dates|placed|place|places|"
    r"written|put|puts)\b|[,;:—–-]\s*(?:but\s+)?(?:that|this|which)\s+(?:is|was)\s+(?:not\s+(?:so|true|the\s+case)|"
    r"(?:quite\s+)?(?:false|untrue|wrong|a\s+mistake|an\s+error))\b", re.I)
_WORD = re.compile(r"\w+", re.U)
_STOP = frozenset("""a an the and or but of in on at to from by for with as is was were be been being
have has had do does did this that these those it its he she they them his her their i we you me us my
our your who whom which what when where there here then than so such not no nor also very can could
would should will shall may might must one same other some any all each every into onto upon about""".split())
#: verbs too general to make two claims the same event on their own
_LIGHT_VERBS = frozenset({"be", "have", "do", "make", "take", "give", "get", "go", "come", "say", "become"})


def claims_to_json(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    """Return the claims as a JSON-ready list (the ``claims`` layer of a source)."""
    return [c.to_json() for c in claims]


def claims_from_json(data: Iterable[dict[str, Any]] | None) -> list[Claim]:
    """Return the claims of a stored ``claims`` layer (an empty list for None)."""
    return [Claim.from_json(d) for d in data or ()]


# ----------------------------------------------------------------------------- extraction
@dataclass
class _Sentence:
    start: int  # token index in the Doc
    end: int
    char_start: int  # source offsets
    char_end: int
    paragraph: int


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
    sentences = _sentences(doc, text, offset)
    dated_timexes = sorted((t for t in timexes if _usable(t)), key=lambda t: t.char_start)
    mentions = sorted(mentions, key=lambda m: m.char_start)
    persons = [m for m in mentions if m.type == "person"]
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
    for k, sent in enumerate(sentences):
        told = body is not None and body[0] <= sent.char_start - document.char_start < body[1]
        since_date += 1
        sent_timexes = [t for t in dated_timexes if sent.char_start <= t.char_start < sent.char_end]
        sent_dates = tuple(sorted({(t.date.earliest.isoformat(), t.date.latest.isoformat()) for t in sent_timexes}))
        own, unreal = _dated_clauses(doc, sent, sent_timexes, offset)
        if unreal and not own:
            # a counterfactual ("if X had won, it would have ended in 1980") tells nothing that
            # happened, and takes no date from its neighbours either
            continue
        if own:
            for verb, group in own:
                # a relative clause is about its antecedent, not about the sentence it hangs in
                single = len(own) == 1 and verb.dep_ != "relcl"
                claim = _make_claim(text, document, doc, sent, verb, group, mentions, persons, offset,
                                    single, sentence_dates=sent_dates, summary_words=summary_words)
                if claim is not None and k in denied:
                    # the writer brings this version up to reject it: a claim, not a witness
                    claim = replace(claim, stance="denied", eyewitness=False)
                if claim is not None:
                    claims.append(claim)
                # only a date written out carries on to the next sentences: a computed one
                # ("the next day") is one error away from dating a whole paragraph wrong. A date
                # standing alone (a diary entry's heading) carries on though it says nothing itself.
                # A rejected version's date carries nothing either
                written = [t for t in group if not _computed(t)] if k not in denied else []
                if written:
                    date = _narrowest(written)
                    paragraph_date[sent.paragraph] = date
                    carried, carried_paragraph = date, sent.paragraph
                    origin_paragraph = sent.paragraph
                    since_date = 0
            continue
        if document.kind in FURNITURE_KINDS:
            continue
        verb = _root_verb(doc, sent)
        if verb is None:
            # a diary notes things without verbs ("A letter from my brother."); elsewhere a
            # verbless line is a heading, a salutation or a list item, not a claim
            if document.kind != "diary":
                continue
            verb = _sentence_root(doc, sent)
        date, basis = None, "none"
        if document.kind in PRESENT_DATED_KINDS and document.kind != "diary":
            # a letter or statement argues across many times: its own date dates only what it
            # says of the writer's present ("I refuse", "I have received"), not its past tenses
            if (document.date is not None and not inferred(document.date) and _speaks_of_now(verb)
                    and _first_person_subject(verb) and not told):
                date, basis = document.date, "document"
        elif since_date > MAX_CARRY and document.kind != "diary":
            # a long paragraph moves on in time faster than a reader can tell: carry a date a
            # few sentences, not a whole page
            pass
        elif sent.paragraph in paragraph_date:
            date, basis = paragraph_date[sent.paragraph], "inherited"
        elif (document.date is not None and document.kind == "diary" and not inferred(document.date) and not told
              and (_headed_by_its_date(text, document)
                   or _speaks_of_now(verb) and _first_person_subject(verb))):
            # dated only at its foot, an account in diary form tells of days long past, often in
            # the historical present: like a letter, its date dates what the writer says of now
            date, basis = document.date, "document"
        elif (carried is not None and document.kind in NARRATIVE_KINDS
              and sent.paragraph - carried_paragraph <= 1 and sent.paragraph - origin_paragraph <= 3):
            date, basis = carried, "inherited"
        claim = _make_claim(text, document, doc, sent, verb, [], mentions, persons, offset, True,
                            date=date, basis=basis, sentence_dates=sent_dates, summary_words=summary_words)
        if claim is None:
            continue
        if k in denied:
            claims.append(replace(claim, stance="denied", eyewitness=False)) if date is not None else None
            continue
        if k - 1 in denied and _REFUTES.search(text[sent.char_start:sent.char_end]):
            continue  # "That is not so": the writer's rejection, not a happening
        if date is not None:
            claims.append(claim)
            if basis != "document":  # the writing date of one clause of now is not the paragraph's time
                paragraph_date.setdefault(sent.paragraph, date)
            if basis == "inherited":
                # the narrative carries the date on, paragraph by paragraph
                carried, carried_paragraph = date, sent.paragraph
        elif claim.actors and claim.predicates:
            undated.append(claim)
    return claims + undated


def _denied_sentences(text: str, sentences: Sequence[_Sentence]) -> set[int]:
    """Return the indexes of the sentences whose claims the writer reports only to deny them: a
    report ("it is said", "I have heard it said") the next sentence of its paragraph rejects ("That is
    not so"), or a report rejected in its own words ("wrongly said", "..., but that is not true")."""
    out: set[int] = set()
    for k, sent in enumerate(sentences):
        words = text[sent.char_start:sent.char_end]
        if _DENIED_INLINE.search(words):
            out.add(k)
            continue
        if not _REPORTED.search(words) and not _HEARSAY.search(words):
            continue
        nxt = sentences[k + 1] if k + 1 < len(sentences) else None
        if nxt is not None and nxt.paragraph == sent.paragraph and _REFUTES.search(
                text[nxt.char_start:nxt.char_end]):
            out.add(k)
    return out


def claims_for_source(text: str, documents: Sequence[Document], docs: Sequence[Any],
                      timexes: Sequence[Timex], mentions: Sequence[Mention],
                      summary_words: int = 18) -> list[Claim]:
    """Return the claims of every document of one source (``docs``: one parsed Doc per document,
    each over ``text[document.char_start:document.char_end]``).

    Two passes: the claims dated by the tagger's expressions first; then the dates a reader reckons
    from them (:func:`reckoned_timexes`: "a week after this", "after a 22-day journey", "at the age
    of 16", "three days before the battle"), and the documents that hold such a date read again.
    """
    claims = _claims_for_source(text, documents, docs, timexes, mentions, summary_words)
    extra = reckoned_timexes(text, documents, timexes, mentions, claims)
    if not extra:
        return claims
    again = {t.document for t in extra}
    redo = [(d, p) if d.id in again else (d, None) for d, p in zip(documents, docs)]
    # a reckoned date replaces the tagger's reading of the same words
    kept = [t for t in timexes if not any(x.char_start < t.char_end and t.char_start < x.char_end for x in extra)]
    fresh = _claims_for_source(text, [d for d, _ in redo], [p for _, p in redo], [*kept, *extra], mentions,
                               summary_words)
    by_doc: dict[str | None, list[Claim]] = {}
    for c in fresh:
        by_doc.setdefault(c.document, []).append(c)
    out: list[Claim] = []
    for d in documents:
        out.extend(by_doc.get(d.id, []) if d.id in again else [c for c in claims if c.document == d.id])
    return out


def _claims_for_source(text: str, documents: Sequence[Document], docs: Sequence[Any],
                       timexes: Sequence[Timex], mentions: Sequence[Mention],
                       summary_words: int = 18) -> list[Claim]:
    by_doc_t: dict[str | None, list[Timex]] = {}
    for t in timexes:
        by_doc_t.setdefault(t.document, []).append(t)
    by_doc_m: dict[str | None, list[Mention]] = {}
    for m in mentions:
        by_doc_m.setdefault(m.document, []).append(m)
    furniture = {d.id for d in documents if d.kind in FURNITURE_KINDS}
    timexes = _complete_years(timexes, documents, furniture)
    by_doc_t = {}
    for t in timexes:
        by_doc_t.setdefault(t.document, []).append(t)
    out: list[Claim] = []
    for document, parsed in zip(documents, docs):
        if parsed is None:
            continue
        out.extend(extract_claims(text, document, parsed, by_doc_t.get(document.id, []),
                                  by_doc_m.get(document.id, []), summary_words=summary_words))
    return out


# ----------------------------------------------------------------------------- reckoned dates
_DURATION = re.compile(r"^P(\d+)([DWMY])$")
_AFTER_THIS = re.compile(r"^[\s,]*(?P<dir>after|before|later\s+than|earlier\s+than|following|preceding|prior\s+to)\s+"
                         r"(?:this|that|these\s+events|those\s+events|it|which)\b", re.I)
_AFTER_NAMED = re.compile(r"^[\s,]*(?P<dir>after|before|following|preceding|prior\s+to)\s+(?:the|his|her|their|its|our|my)"
                          r"\s+(?:(?:first|second|last|great|fatal|final|famous|sudden)\s+)?(?P<noun>[a-z]{4,})\b")
_AFTER_LEAVING = re.compile(r"^[\s,]*after\s+(?:(?:we|they|he|she|I)\s+(?:had\s+)?(?:left|departed|sailed|set\s+out|"
                            r"weighed)|leaving|departing|setting\s+out|sailing|our\s+departure|their\s+departure|"
                            r"his\s+departure|her\s+departure)\b", re.I)
#: "after a 22-day journey": the timex is the adjective, the journey follows
_JOURNEY = re.compile(r"^\s+(?:journey|voyage|passage|crossing|trip|march|ride|drive|flight|sail|trek|"
                      r"expedition|transit|cruise)\b", re.I)
_JOURNEY_OPEN = re.compile(r"\b(?:after|following|at\s+the\s+end\s+of|on\s+completing)\s+(?:a|an|the|his|her|their|"
                           r"our|its)\s+$", re.I)
#: a tagger's "a week after" / "three days before" whose count a clause of leaving anchors
_LENGTH_AFTER = re.compile(r"^(?:(?:only|just|about|some|nearly|almost)\s+)?(?P<n>\d+|an?|[a-z]+)\s+"
                           r"(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>after|before)$", re.I)
_LEFT_CLAUSE = re.compile(r"^\s+(?:we|they|he|she|I)\s+(?:had\s+)?(?:left|departed|sailed|set\s+out|weighed|embarked)\b",
                          re.I)
_UNIT_LETTER = {"day": "D", "week": "W", "month": "M", "year": "Y"}
_ORDINALS = {w: k for k, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                                        "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                                        "nineteenth twentieth".split(), start=1)}
_NTH_DAY = re.compile(r"\bthe\s+(?P<nth>" + "|".join(_ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))\s+day\s+(?:after|from|since)\s+"
                      r"(?:(?:we|they|he|she|I)\s+(?:had\s+)?(?:left|departed|sailed|set\s+out)|leaving|departing|"
                      r"setting\s+out|sailing|(?:our|their|his|her|the)\s+departure)\b", re.I)
#: verbs that start a journey: its departure is the day a length of travel counts from
_DEPART = frozenset({"leave", "depart", "sail", "embark", "set", "board", "weigh", "quit", "dispatch", "send"})
_AGE = re.compile(r"\b(?:at\s+the\s+age\s+of|at\s+age|aged)\s+(?P<n>\d{1,3}|[a-z]+(?:[\s-][a-z]+)?)\b|"
                  r"\b(?P<n2>\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old\b|"
                  r"\bwhen\s+(?:he|she)\s+was\s+(?:only\s+|just\s+|barely\s+)?(?P<n3>\d{1,3}|[a-z]+(?:-[a-z]+)?)"
                  r"(?=\s+years?\s+(?:old|of\s+age)\b)", re.I)
#: a happening's noun and the verb its claims use, where English does not share a stem
_NOUN_VERB = {"death": "die", "birth": "bear", "flight": "flee", "sale": "sell", "loss": "lose", "choice": "choose",
              "arrest": "arrest", "burial": "bury", "marriage": "marry", "wedding": "wed", "departure": "depart",
              "arrival": "arrive", "surrender": "surrender", "battle": "fight", "murder": "murder",
              "coronation": "crown", "election": "elect", "capture": "capture", "siege": "besiege"}


def reckoned_timexes(text: str, documents: Sequence[Document], timexes: Sequence[Timex],
                     mentions: Sequence[Mention], claims: Sequence[Claim]) -> list[Timex]:
    """Return the dates a reader reckons from the claims already dated, as timexes (rule ``relative-…``).

    1. a length of time after or before "this"/"that" counts from the last date told before it
       ("only a week after this, the paper printed ...");
    2. a length of time after or before a named happening ("three days before the battle") counts
       from the nearest claim that dates that happening (its noun or its verb);
    3. "after a 22-day journey" ends on the journey's last day: its departure (the last dated
       claim before it told with a verb of leaving) plus 21 days, the first day counted as one;
       "a week after we left" counts from the departure too;
    4. an age ("at the age of 16", "the 17-year-old X", "when she was 20 years old") counts from
       the birth of the person it belongs to, where a claim tells that birth: the birth year plus
       the age, at year precision (a reader cannot tell which side of the birthday it fell).
    """
    dated = sorted((c for c in claims if c.date is not None and c.stance != "denied"
                    and c.basis in ("explicit", "relative", "document")),
                   key=lambda c: c.char_start)
    if not dated:
        return []
    taken = [(t.char_start, t.char_end) for t in timexes if _usable(t)]
    by_doc = {d.id: d for d in documents}
    out: list[Timex] = []

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in taken)

    def emit(doc_id: str | None, a: int, b: int, date: Date, rule: str) -> None:
        if doc_id in by_doc and free(a, b):
            out.append(Timex(by_doc[doc_id].source, doc_id, a, b, text[a:b], "DATE", date.edtf, date=date, rule=rule,
                             anchor=date.anchor))
            taken.append((a, b))

    def departure(at: int) -> Claim | None:
        # a date written out with a verb of leaving before any reckoned one: a later clause that
        # mentions the leaving ("a week after we left, ...") is not the departure itself
        def leaves(c: Claim) -> bool:
            return bool(set(c.verbs) & _DEPART or set(c.trigger) & _DEPART)
        return (_last_before(dated, at, lambda c: c.basis == "explicit" and leaves(c))
                or _last_before(dated, at, leaves))

    for t in timexes:
        if t.type not in ("DURATION", "DATE") or t.document not in by_doc or by_doc[t.document].kind in FURNITURE_KINDS:
            continue
        after = text[t.char_end:t.char_end + 80]
        m = _DURATION.match(t.value or "")
        if not m and (r := _LENGTH_AFTER.match(t.text)) and _LEFT_CLAUSE.match(after):
            # "a week after we left": the tagger counted from the last date told; the text counts
            # from the departure
            dep = departure(t.char_start)
            n = _age_number(r.group("n"))
            unit = _UNIT_LETTER.get(r.group("unit").lower().rstrip("s"))
            if dep is not None and n is not None and unit:
                sign = -1 if r.group("dir").lower() == "before" else 1
                end = t.char_end + _LEFT_CLAUSE.match(after).end()
                taken[:] = [x for x in taken if not (x[0] < end and t.char_start < x[1])]
                emit(t.document, t.char_start, end, _shifted(dep.date, sign * n, unit, text[t.char_start:end],
                                                             "relative-departure"), "relative-departure")
            continue
        if not m:
            continue
        n, unit = int(m.group(1)), m.group(2)
        if (j := _JOURNEY.match(after)) and _JOURNEY_OPEN.search(text[max(0, t.char_start - 40):t.char_start]):
            dep = departure(t.char_start)
            if dep is not None and unit == "D" and dep.date.precision == "day":
                # a journey of N days, its first day counted as the first: the last day is N - 1 days on
                end = t.char_end + j.end()
                emit(t.document, t.char_start, end, _shifted(dep.date, n - 1, unit, text[t.char_start:end],
                                                             "relative-journey"), "relative-journey")
            continue
        if (x := _AFTER_LEAVING.match(after)):
            dep = departure(t.char_start)
            if dep is not None:
                end = t.char_end + x.end()
                emit(t.document, t.char_start, end, _shifted(dep.date, n, unit, text[t.char_start:end],
                                                             "relative-departure"), "relative-departure")
            continue
        if (x := _AFTER_THIS.match(after)):
            sign = -1 if x.group("dir").lower().startswith(("before", "earlier", "preceding", "prior")) else 1
            prev = _last_before(dated, t.char_start, lambda c: c.basis != "document")
            if prev is not None:
                end = t.char_end + x.end()
                emit(t.document, t.char_start, end, _shifted(prev.date, sign * n, unit, text[t.char_start:end],
                                                             "relative-anaphor"), "relative-anaphor")
            continue
        if (x := _AFTER_NAMED.match(after)):
            sign = -1 if x.group("dir").lower().startswith(("before", "preceding", "prior")) else 1
            anchor = _named_happening(dated, x.group("noun").lower(), t.char_start)
            if anchor is not None:
                end = t.char_end + x.end()
                emit(t.document, t.char_start, end, _shifted(anchor.date, sign * n, unit, text[t.char_start:end],
                                                             "relative-happening"), "relative-happening")
    # "on the third day after leaving port": the departure plus the ordinal's days
    for d in documents:
        if d.kind in FURNITURE_KINDS:
            continue
        for x in _NTH_DAY.finditer(text, d.char_start, d.char_end):
            n = _ORDINALS.get(x.group("nth").lower()) or (int(re.sub(r"\D", "", x.group("nth")) or 0) or None)
            dep = departure(x.start()) if n else None
            if dep is not None and dep.date.precision == "day" and free(x.start(), x.end()):
                emit(d.id, x.start(), x.end(), _shifted(dep.date, n, "D", x.group(0), "relative-departure"),
                     "relative-departure")
    out.extend(_ages(text, documents, mentions, dated, free, taken))
    return sorted(out, key=lambda t: t.char_start)


def _last_before(dated: Sequence[Claim], at: int, ok: Callable[[Claim], bool], reach: int = 20000) -> Claim | None:
    """Return the last dated claim that ends before ``at`` (within ``reach`` characters) and passes ``ok``."""
    for c in reversed(dated):
        if c.char_end <= at and at - c.char_end <= reach and ok(c):
            return c
        if at - c.char_end > reach:
            break
    return None


def _named_happening(dated: Sequence[Claim], noun: str, at: int) -> Claim | None:
    """Return the nearest claim (explicit first) that dates the happening ``noun`` names, by the noun
    itself or by the verb it is made from ("the assassination" / "assassinated")."""
    verb = _NOUN_VERB.get(noun)

    def names(c: Claim) -> bool:
        if c.char_start <= at < c.char_end:
            return False
        words = {*c.trigger, *c.named, *c.verbs, *c.lemmas}
        if noun in words or verb and verb in words:
            return True
        stem = noun[:max(5, len(noun) - 4)]
        return len(stem) >= 5 and any(v.startswith(stem) for v in (*c.verbs, *c.trigger))
    found = [c for c in dated if names(c) and c.date.precision in ("day", "month")]
    if not found:
        return None
    return min(found, key=lambda c: (c.basis != "explicit", abs(c.char_start - at)))


def _shifted(date: Date, n: int, unit: str, text: str, rule: str) -> Date:
    """Return ``date`` moved by ``n`` days, weeks, months or years, at the anchor's precision."""
    def move(d: dt.date) -> dt.date:
        if unit in ("D", "W"):
            return d + dt.timedelta(days=n * (7 if unit == "W" else 1))
        months = n * (12 if unit == "Y" else 1)
        y, m = divmod(d.month - 1 + months, 12)
        y += d.year
        import calendar as _calendar
        return dt.date(y, m + 1, min(d.day, _calendar.monthrange(y, m + 1)[1]))
    lo, hi = move(date.earliest), move(date.latest)
    if date.precision == "day":
        edtf = lo.isoformat()
    elif date.precision == "month" and unit in ("M", "Y"):
        lo = lo.replace(day=1)
        edtf = lo.isoformat()[:7]
    elif date.precision == "year" and unit == "Y":
        lo, hi = dt.date(lo.year, 1, 1), dt.date(lo.year, 12, 31)
        edtf = str(lo.year)
    else:
        edtf = f"{lo.isoformat()}/{hi.isoformat()}"
    return Date(text=text, edtf=edtf, earliest=lo, latest=hi, precision=date.precision if "/" not in edtf else "day",
                calendar=date.calendar, as_written=None, rule=rule, anchor=date.edtf, basis=DateBasis.RECKONED)


def _age_number(word: str) -> int | None:
    from .extract.dates.find import number_value
    n = number_value(word)
    if n is None:
        n = number_value(re.split(r"[\s]", word)[0])
    return int(n) if isinstance(n, (int, float)) and 0 < n < 120 else None


def _ages(text: str, documents: Sequence[Document], mentions: Sequence[Mention], dated: Sequence[Claim],
          free: Callable[[int, int], bool], taken: list) -> list[Timex]:
    """Return the ages of persons whose birth a claim dates, as the year they reached that age."""
    births: list[tuple[set[str], Claim]] = []
    for c in dated:
        # a birth told with its own date ("X was born on ..."), not a date the clause only inherits
        if (c.basis == "explicit" and ("bear" in c.verbs or "bear" in c.trigger)
                and re.search(r"\bborn\b", text[c.char_start:c.char_end], re.I)
                and c.date.precision in ("day", "month", "year")):
            for name, typ, *_ in c.actors:
                if typ == "person":
                    births.append((_name_keys(name), c))
    if not births:
        return []
    persons = sorted((m for m in mentions if m.type == "person"), key=lambda m: m.char_start)
    out: list[Timex] = []
    for d in documents:
        if d.kind in FURNITURE_KINDS:
            continue
        for m in _AGE.finditer(text, d.char_start, d.char_end):
            n = _age_number(m.group("n") or m.group("n2") or m.group("n3"))
            if n is None or not free(m.start(), m.end()):
                continue
            # whose age: a name right after "the 17-year-old", else the nearest person named before
            # it whose birth is told (a pronoun's antecedent may be someone else; an age is reckoned
            # only for a person whose birth the text gives)
            after = [p for p in persons if m.end() <= p.char_start <= m.end() + 3]
            owners = after or [p for p in reversed(persons) if p.char_end <= m.start() and
                               m.start() - p.char_end < 3000 and p.document == d.id]
            birth = None
            for p in owners[:12]:
                keys = _name_keys(p.name or p.text)
                birth = next((c for k, c in births if k & keys and c.char_start != m.start()), None)
                if birth is not None or after:
                    break
            if birth is None:
                continue
            y = birth.date.earliest.year + n
            date = Date(text=m.group(0), edtf=str(y), earliest=dt.date(y, 1, 1), latest=dt.date(y, 12, 31),
                        precision="year", calendar=birth.date.calendar, as_written=None, rule="relative-age",
                        anchor=birth.date.edtf, basis=DateBasis.RECKONED)
            out.append(Timex(d.source, d.id, m.start(), m.end(), m.group(0), "DATE", str(y), date=date,
                             rule="relative-age", anchor=birth.date.edtf))
            taken.append((m.start(), m.end()))
    return out


def _name_keys(name: str) -> set[str]:
    """Return the capitalised words of a name that can stand for it alone (a surname, a first name)."""
    return {w.lower() for w in re.findall(r"[^\W\d_][\w'’-]+", name) if w[:1].isupper() and len(w) > 2}


def _year_unknown(timex: Timex) -> bool:
    return timex.value.startswith("XXXX-") and len(timex.value) >= 10 and timex.type == "DATE"


def _complete_years(timexes: Sequence[Timex], documents: Sequence[Document], furniture: set) -> list[Timex]:
    """Return the timexes with a day-and-month date whose year the tagger left open ("On January 22")
    given the year of the nearest full date of the running text: the last one before it, else the
    first one after it (a narrative frame that introduces the dated letter it quotes). Page furniture
    (a web page's own date) is no reference."""
    import calendar as _calendar
    from .model import replace as _replace
    refs = sorted((t.char_start, t.date) for t in timexes
                  if t.date is not None and t.document not in furniture and not _year_unknown(t)
                  and t.type == "DATE" and t.date.precision == "day" and re.match(r"\d{4}-", t.value))
    refs += sorted((d.char_start, d.date) for d in documents
                   if d.date is not None and d.id not in furniture and d.date.precision == "day")
    refs.sort(key=lambda r: r[0])
    out = []
    for t in timexes:
        if not _year_unknown(t) or not refs:
            out.append(t)
            continue
        before = [r for r in refs if r[0] < t.char_start]
        ref = before[-1][1] if before else refs[0][1] if refs[0][0] - t.char_start < 5000 else None
        try:
            month, day = int(t.value[5:7]), int(t.value[8:10])
        except ValueError:
            out.append(t)
            continue
        if ref is None or day > _calendar.monthrange(ref.earliest.year, month)[1]:
            out.append(t)
            continue
        # the year that puts the day nearest the reference, a little after it rather than before
        options = []
        for y in (ref.earliest.year - 1, ref.earliest.year, ref.earliest.year + 1):
            try:
                x = dt.date(y, month, day)
            except ValueError:
                continue
            gap = (x - ref.earliest).days
            options.append((abs(gap) if gap >= -31 else abs(gap) * 2, x))
        if not options:
            out.append(t)
            continue
        x = min(options)[1]
        date = Date(text=t.text, edtf=x.isoformat(), earliest=x, latest=x, precision="day",
                    calendar=ref.calendar if ref.calendar != "unknown" else "gregorian",
                    as_written=None, rule="month-day+year-of-context", anchor=ref.edtf,
                    basis=DateBasis.YEAR_FROM_CONTEXT)
        out.append(_replace(t, value=x.isoformat(), date=date, rule="month-day+year-of-context"))
    return out


def _usable(timex: Timex) -> bool:
    # a century is too wide to date an event ("a revolutionary of the 20th century")
    # "now", "lately", "the future" point at the writer's present, not at a day of the story
    return (timex.type in ("DATE", "TIME") and timex.date is not None
            and not timex.value.endswith("_REF")
            and timex.date.precision in ("day", "month", "year", "decade"))


def _sentences(doc: Any, text: str, offset: int) -> list[_Sentence]:
    """Return sentence spans, cut again wherever a line break falls inside one."""
    pieces: list[tuple[int, int]] = []
    for sent in doc.sents:
        start = sent.start
        for i in range(sent.start, sent.end):
            # spaCy keeps line breaks as whitespace tokens of their own
            if "\n" in doc[i].text:
                pieces.append((start, i))
                start = i + 1
        pieces.append((start, sent.end))
    out: list[_Sentence] = []
    paragraph = 0
    prev_end: int | None = None
    for start, end in pieces:
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end <= start:
            continue
        cs = offset + doc[start].idx
        ce = offset + doc[end - 1].idx + len(doc[end - 1].text)
        if prev_end is not None and "\n" in text[prev_end:cs]:
            paragraph += 1
        out.append(_Sentence(start, end, cs, ce, paragraph))
        prev_end = ce
    return out


def _tokens_of(doc: Any, sent: _Sentence, char_start: int, char_end: int, offset: int) -> list[Any]:
    return [t for t in doc[sent.start:sent.end]
            if offset + t.idx < char_end and char_start < offset + t.idx + len(t.text)]


def _clause_verb(token: Any, sent: _Sentence) -> Any:
    """Return the nearest verb above ``token`` inside the sentence (the sentence root at worst)."""
    seen = 0
    while seen < 50:
        if token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT":
            return token
        if token.head.i == token.i or not (sent.start <= token.head.i < sent.end):
            return token
        token = token.head
        seen += 1
    return token


def _root_verb(doc: Any, sent: _Sentence) -> Any | None:
    for t in doc[sent.start:sent.end]:
        if (t.dep_ == "ROOT" or t.head.i < sent.start or t.head.i >= sent.end) and t.pos_ in ("VERB", "AUX"):
            return t
    for t in doc[sent.start:sent.end]:
        if t.pos_ == "VERB":
            return t
    return None


def _computed(timex: Timex) -> bool:
    rule = (timex.rule or (timex.date.rule if timex.date else "") or "").lower()
    return rule.startswith(("relative", "present", "anchor")) or timex.type == "TIME" and "word" in rule


def _headed_by_its_date(text: str, document: Document) -> bool:
    """Return True when the entry's date stands at its head (a day's record), not only at its foot.

    A dated foot ("... June 4, 1935") closes an account written on that day of things long past:
    its past tenses are not that day's events, while under a dated head they are.
    """
    entry = text[document.char_start:document.char_end]
    at = entry.find(document.date.text) if document.date.text else -1
    # a date from outside the entry (a heading, a framing sentence) heads it as well
    return at < 0 or at <= min(160, 0.4 * len(entry))


def _speaks_of_now(verb: Any) -> bool:
    """Return True when the clause is in the present, present perfect or future (the writer's now)."""
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    lemmas = {c.lemma_.lower() for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "VBD" in tags and "have" not in lemmas:
        return False
    if "had" in {c.lower_ for c in verb.children}:
        return False
    return bool(tags & {"VBP", "VBZ", "MD"}) or verb.tag_ == "VBG" and bool(tags & {"VBP", "VBZ"})


def _first_person_subject(verb: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _FIRST_PERSON for c in verb.children)


def _sentence_root(doc: Any, sent: _Sentence) -> Any:
    for t in doc[sent.start:sent.end]:
        if t.head.i < sent.start or t.head.i >= sent.end or t.head.i == t.i:
            return t
    return doc[sent.start]


def _dated_clauses(doc: Any, sent: _Sentence, timexes: list[Timex],
                   offset: int) -> tuple[list[tuple[Any, list[Timex]]], bool]:
    """Return ((clause verb, its timexes) for the dated clauses of a sentence, whether a date was
    left out because its clause is a counterfactual)."""
    groups: dict[int, tuple[Any, list[Timex]]] = {}
    order: list[int] = []
    unreal = False
    for t in timexes:
        tokens = _tokens_of(doc, sent, t.char_start, t.char_end, offset)
        if not tokens:
            continue
        root = min(tokens, key=lambda tok: _depth(tok, sent))
        if not _dates_the_clause(t, root):
            continue
        verb = _clause_verb(root, sent)
        if _hypothetical(verb, sent):
            unreal = True
            continue
        if _comparison(root, verb, sent):
            # "such as the valley had not seen since 1799", "the first since 1799": the date is
            # the far end of a comparison, not the day of a happening
            continue
        if verb.i not in groups:
            groups[verb.i] = (verb, [])
            order.append(verb.i)
        groups[verb.i][1].append(t)
    out = []
    for i in order:
        verb, group = groups[i]
        # timexes on one verb that disagree are separate claims ("decided on X, announced on Y")
        buckets: list[list[Timex]] = []
        for t in group:
            for b in buckets:
                if all(t.date.intersects(o.date) for o in b):
                    b.append(t)
                    break
            else:
                buckets.append([t])
        out.extend((verb, b) for b in buckets)
    return out, unreal


def _hypothetical(verb: Any, sent: _Sentence) -> bool:
    """Return True for a counterfactual clause: "would have ended", "could have won", or the
    "if ... had won" half of one."""
    node = verb
    for _ in range(3):
        auxes = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
        lemmas = {c.lower_ for c in auxes}
        if lemmas & _MODALS and ("have" in lemmas or any(c.lemma_ == "have" for c in auxes)):
            return True
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
        if marks & {"if", "unless"} and ("had" in lemmas or "were" in lemmas):
            return True
        # "the concessions would have ended only in 1980 (if they had ended)": climb a clause up
        if node.dep_ not in ("conj", "xcomp", "ccomp") or not (sent.start <= node.head.i < sent.end):
            break
        node = node.head
    return False


def _comparison(root: Any, verb: Any, sent: _Sentence) -> bool:
    """Return True when the date is the far end of a comparison: governed by "since" or "before"
    in a negated or superlative clause ("had not seen since", "the first since", "never before")."""
    prep = root.head if root.dep_ == "pobj" else root if root.lower_ in ("since", "before") else None
    if prep is None or prep.lower_ not in ("since", "before"):
        return False
    for t in verb.subtree:
        if not (sent.start <= t.i < sent.end):
            continue
        if t.dep_ == "neg" or t.lower_ in ("never", "ever", "first", "last", "such", "nobody", "none",
                                           "nothing", "no") or t.tag_ in ("JJS", "RBS"):
            return True
    return False


_TEMPORAL_PREPS = frozenset({"in", "on", "by", "until", "till", "since", "from", "during", "before", "after",
                             "through", "of", "at", "to", "between", "around", "about", "early", "late"})


def _dates_the_clause(timex: Timex, root: Any) -> bool:
    """Return False for expressions that name rather than date: a bare number, or a bare month that
    is part of a name ("the February Revolution") or the object of a non-temporal word ("against October")."""
    words = timex.text.strip()
    if not any(ch.isalpha() for ch in words) and len(re.sub(r"\D", "", words)) < 3:
        return False
    if any(ch.isdigit() for ch in words) or len(words.split()) > 1:
        return True
    if root.dep_ in ("compound", "amod", "poss", "nmod") or root.head.pos_ == "PROPN" and root.head.i > root.i:
        return False
    if root.dep_ == "pobj":
        return root.head.lower_ in _TEMPORAL_PREPS
    return root.dep_ in ("npadvmod", "ROOT", "appos", "conj", "nsubj")


def _depth(token: Any, sent: _Sentence) -> int:
    d = 0
    while token.head.i != token.i and sent.start <= token.head.i < sent.end and d < 50:
        token = token.head
        d += 1
    return d


def _clause_tokens(doc: Any, sent: _Sentence, verb: Any, whole: bool) -> list[Any]:
    if whole:
        return list(doc[sent.start:sent.end])
    keep = []
    for t in verb.subtree:
        if not (sent.start <= t.i < sent.end):
            continue
        # leave out subordinate clauses with a verb of their own: they are claims of their own
        node, inside = t, True
        while node.i != verb.i and node.head.i != node.i:
            if node.dep_ in _CLAUSE_BREAK_DEPS and node.pos_ in ("VERB", "AUX"):
                inside = False
                break
            node = node.head
        if inside:
            keep.append(t)
    return keep or list(doc[sent.start:sent.end])


def _make_claim(text: str, document: Document, doc: Any, sent: _Sentence, verb: Any,
                group: list[Timex], mentions: Sequence[Mention], persons: Sequence[Mention], offset: int,
                single: bool, date: Date | None = None, basis: str | None = None,
                sentence_dates: tuple = (), summary_words: int = 18) -> Claim | None:
    tokens = _clause_tokens(doc, sent, verb, single)
    if not single:
        # "the fall of the bridge, which happened on the 13th": a clause whose subject is a relative
        # pronoun (or another clause's) says what of that noun, so its noun phrase belongs to the claim
        have = {t.i for t in tokens}
        tokens = sorted([*tokens, *(t for t in _borrowed_subject(doc, sent, verb) if t.i not in have)],
                        key=lambda t: t.i)
    if group:
        date = _narrowest(group)
        # "the next day", "a year earlier" are computed from another date: relative. A calendar date
        # whose year the context supplies ("On February 10") is still written out: explicit
        basis = "relative" if all(_computed(t) for t in group) else "explicit"
        tx = (min(t.char_start for t in group), max(t.char_end for t in group))
    else:
        tx = None
    if single:
        cs, ce = sent.char_start, sent.char_end
    else:
        cs = offset + min(t.idx for t in tokens)
        ce = offset + max(t.idx + len(t.text) for t in tokens)
        if tx:
            cs, ce = min(cs, tx[0]), max(ce, tx[1])
    timex_chars = [(t.char_start, t.char_end) for t in group]

    def in_timex(tok: Any) -> bool:
        a = offset + tok.idx
        return any(s <= a < e for s, e in timex_chars)

    content = [t for t in tokens if not in_timex(t)]
    lemmas = sorted({_lemma(t) for t in content if t.pos_ in _CONTENT_POS and _lemma(t) not in _STOP
                     and not t.like_num and len(_lemma(t)) > 1})
    verbs = sorted({_lemma(t) for t in content if t.pos_ == "VERB"})
    sent_mentions = [m for m in mentions if cs <= m.char_start and m.char_end <= ce]
    actors = _actors(doc, document, content, sent_mentions, persons, offset, cs)
    place, place_verb, place_role = _place(doc, content, sent_mentions, offset, verb)
    numbers = _numbers(content, offset)
    predicates = _predicates(content)
    subjects = _subjects(content, verb)
    named = {offset_i for m in sent_mentions for offset_i in range(m.char_start, m.char_end)}
    details = tuple(sorted({(t.head.lower_, _lemma(t)) for t in content
                            if t.dep_ == "pobj" and t.pos_ == "NOUN" and t.head.lower_ in ("in", "by", "aboard")
                            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)
                            and offset + t.idx not in named}))
    eyewitness = _eyewitness(text[cs:ce], document)
    summary = (_nominal_summary(doc, sent, in_timex, limit=summary_words) if group else None) or (
        _predicate_summary(content, verb, limit=summary_words + 2)
        or _summary(content, verb, text, offset, limit=summary_words))
    alone = not any(t.is_alpha and not in_timex(t) for t in doc[sent.start:sent.end])
    if not summary and group and alone:
        # a date standing alone (a letter's date line, a diary heading, a signature's date) says
        # when the document was written
        what = (document.title or document.kind.replace("_", " ")).strip()
        summary = f"{what} dated {' '.join(t.text for t in group)}" + (
            f" ({document.author.name})" if document.author else "")
    if not summary:
        return None
    trigger, named, scope, args, repeated = _happening(doc, sent, verb, in_timex)
    cid = content_id("clm", document.source, cs, ce, date.edtf if date else "", verb.i)
    return Claim(id=cid, source=document.source, document=document.id, char_start=cs, char_end=ce,
                 date=date, basis=basis or "none", summary=summary, lemmas=tuple(lemmas), verbs=tuple(verbs),
                 actors=actors, place=place, numbers=numbers, predicates=predicates, eyewitness=eyewitness,
                 timex=tx, kind=document.kind, primary=document.primary, place_verb=place_verb,
                 place_role=place_role, subjects=subjects, details=details, trigger=trigger, named=named, scope=scope,
                 args=args, sentence_dates=tuple(sentence_dates), repeated=repeated)


def _nominal_summary(doc: Any, sent: _Sentence, in_timex: Callable[[Any], bool], limit: int = 18) -> str | None:
    """Return the noun phrase of a happening the date is attached to ("the fall of the bridge" in "since
    the fall of the bridge on the night of the 11th"), or None when the date hangs on a verb.

    Only a noun that names a happening of something ("the X of Y") counts: its phrase is the event,
    whatever verb the sentence builds around it ("I beg to report ... since the fall of ...").
    """
    dated = [t for t in doc[sent.start:sent.end] if in_timex(t) and not t.is_punct]
    heads = [t for t in dated if not in_timex(t.head) and t.head.i != t.i]
    if len(heads) != 1:
        return None
    if heads[0].dep_ == "prep":  # the date's own preposition inside the expression ("on 3 May")
        date_pp, noun = heads[0], heads[0].head
    elif heads[0].dep_ == "pobj" and heads[0].head.dep_ == "prep":
        date_pp, noun = heads[0].head, heads[0].head.head
    else:
        return None
    # "on the night of the 11th": the time noun is part of the date, the happening is above it
    while (noun.lemma_.lower() in _TIME_NOUNS and noun.dep_ == "pobj" and noun.head.dep_ == "prep"
           and noun.head.head.i != noun.i):
        date_pp, noun = noun.head, noun.head.head
    if noun.pos_ != "NOUN" or in_timex(noun) or noun.dep_ in ("pobj",) and noun.head.lower_ in ("of",):
        return None
    of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    if not of or not noun.has_vector and noun.lemma_.lower() in _STOP:
        return None
    words = [t for t in noun.subtree if t.i < date_pp.i and not in_timex(t)
             and not any(a.dep_ in ("relcl", "acl") and a.i != noun.i for a in _ancestors_to(t, noun))]
    words = [t for t in words if sent.start <= t.i < sent.end]
    if len(words) < 3:
        return None
    phrase = " ".join(t.text for t in words[:limit]).replace(" ,", ",").replace(" 's", "'s")
    return phrase[:1].upper() + phrase[1:]


_TIME_NOUNS = {"night", "morning", "evening", "afternoon", "day", "eve", "dawn", "dusk", "noon", "midnight",
               "hour", "week", "month", "year", "night-time", "daybreak", "forenoon"}


def _ancestors_to(token: Any, top: Any) -> list[Any]:
    """Return the tokens from ``token`` up to (not including) ``top`` in the parse."""
    out = []
    while token.i != top.i and token.head.i != token.i:
        out.append(token)
        token = token.head
    return out


def _content_lemma(t: Any) -> str | None:
    x = _lemma(t)
    return x if t.pos_ in _CONTENT_POS and x not in _STOP and not t.like_num and len(x) > 1 else None


def _happening(doc: Any, sent: _Sentence, verb: Any, in_timex: Callable[[Any], bool]) -> tuple:
    """Return (trigger verbs, trigger nouns, scope lemmas, argument lemmas, repeated) of the clause of ``verb``.

    The trigger is the verb; a verb that only carries another ("tried to regain", "the exile took
    place", "it was in 1929 that he left") gives way to what it carries, a noun that names the
    happening ("the exile", "the fall of the mill") among the trigger nouns. The scope is what the date
    governs: the verb's subtree, not the clauses the sentence joins to it.
    """
    inside = [t for t in verb.subtree if sent.start <= t.i < sent.end and not in_timex(t)]
    # the clauses joined or subordinated to the verb are happenings of their own ("decided to
    # expel", "a resolution which ordered that ... be sent")
    own = [t for t in inside if not _in_subclause(t, verb)]
    scope = sorted({x for t in own if (x := _content_lemma(t))})
    trigger: set[str] = set()
    named: set[str] = set()
    if _lemma(verb) in _SUPPORT_VERBS or verb.pos_ not in ("VERB", "AUX"):
        for c in verb.children:
            if not (sent.start <= c.i < sent.end) or in_timex(c):
                continue
            if c.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                c = verb.head  # "the fall of the mill, which happened ...": the fall happened
                while c.dep_ == "pobj" and c.head.lower_ == "of" and c.head.head.pos_ in ("NOUN", "PROPN"):
                    named.add(_lemma(c))
                    c = c.head.head
                named.add(_lemma(c))
                continue
            if c.dep_ in ("xcomp", "ccomp", "relcl") and c.pos_ == "VERB":
                trigger.add(_lemma(c))
            elif c.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "acomp") and c.pos_ in ("NOUN", "PROPN", "ADJ") \
                    or c.i == verb.head.i and c.pos_ in ("NOUN", "PROPN"):
                named.add(_lemma(c))
        trigger -= _SUPPORT_VERBS
        named -= _SUPPORT_VERBS
    if verb.pos_ not in ("VERB", "AUX"):
        named.add(_lemma(verb))  # a date on a noun: "the decision of 18 May"
    trigger = trigger or ({_lemma(verb)} if not named else set())
    args: set[str] = set()
    for c in verb.children:
        if not (sent.start <= c.i < sent.end):
            continue
        heads = [c] if c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "attr") else \
            [g for g in c.children if g.dep_ == "pobj"] if c.dep_ in ("prep", "agent") else []
        for h in heads:
            if h.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                h = verb.head  # "which" -> the noun it stands for
            if h.pos_ in ("NOUN", "PROPN") and not in_timex(h):
                args.add(_lemma(h))
                args.update(_lemma(g) for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
                            for g in p.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"))
    # "again", "the same envoy came", "a second time": a happening told as a repetition of another
    repeated = any(t.lower_ in ("again", "anew") or t.lower_ == "same" and t.head.pos_ in ("NOUN", "PROPN")
                   or t.lower_ in ("second", "third", "another") and t.head.lemma_ in ("time", "visit", "attempt")
                   for t in inside)
    return (tuple(sorted(x for x in trigger if x and x not in _STOP)),
            tuple(sorted(x for x in named if x and x not in _STOP)), tuple(scope),
            tuple(sorted(x for x in args if x and x not in _STOP)), repeated)


def _in_subclause(token: Any, verb: Any) -> bool:
    node = token
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ in _CLAUSE_BREAK_DEPS and node.pos_ in ("VERB", "AUX"):
            return True
        node = node.head
    return False


def _lemma(token: Any) -> str:
    return (token.lemma_ or token.text).lower().strip("'’\".,;:")


def _narrowest(group: list[Timex]) -> Date:
    """Return the narrowest date of agreeing expressions (their intersection when it is narrower)."""
    dates = [t.date for t in group if t.date is not None]
    best = min(dates, key=lambda d: (d.latest - d.earliest, d.calendar != "gregorian"))
    lo = max(d.earliest for d in dates)
    hi = min(d.latest for d in dates)
    if lo <= hi and (hi - lo) < (best.latest - best.earliest):
        from .model import replace
        return replace(best, earliest=lo, latest=hi)
    return best


def _actors(doc: Any, document: Document, tokens: list[Any], mentions: Sequence[Mention],
            persons: Sequence[Mention], offset: int, sent_start: int) -> tuple:
    """Return the clause's actors: person/organization mentions in argument roles, "I" as author."""
    out: list[tuple[str, str, int, int, str | None]] = []
    seen: set[str] = set()
    by_char = {offset + t.idx: t for t in tokens}
    for m in mentions:
        if m.type not in ("person", "organization"):
            continue
        tok = by_char.get(m.char_start)
        if tok is None:
            continue
        head, climbs = tok, 0
        # climb over the name's own compound/flat tokens to the token that has a role
        while head.dep_ in ("compound", "flat", "nmod") and head.head.i != head.i and climbs < 6:
            climbs += 1
            head = head.head
        role = head.dep_
        if role in _SUBJECT_DEPS or role in _OBJECT_DEPS or role == "ROOT":
            name = m.name or m.text
            key = actor_key(m.entity, name)
            if key not in seen:
                seen.add(key)
                out.append((name, m.type, m.char_start, m.char_end, m.entity))
    for t in tokens:
        low = t.text.lower()
        if t.dep_ not in _SUBJECT_DEPS and t.dep_ not in ("dobj", "pobj", "dative"):
            continue
        if low in _FIRST_PERSON and document.author is not None and document.kind not in ("narrative", "biography"):
            key = actor_key(document.author.entity, document.author.name)
            if key not in seen:
                seen.add(key)
                out.append((document.author.name, "person", -1, -1, document.author.entity))
        elif low in _THIRD_PERSON and t.dep_ in _SUBJECT_DEPS:
            # "he"/"she" as subject: the last person named before it in the document
            at = offset + t.idx
            before = [p for p in persons if p.char_end <= at]
            if before:
                p = before[-1]
                name = p.name or p.text
                key = actor_key(p.entity, name)
                if key not in seen:
                    seen.add(key)
                    out.append((name, "person", p.char_start, p.char_end, p.entity))
    return tuple(out)


#: a preposition's role for the place it governs
_PLACE_ROLES = {"in": "at", "at": "at", "near": "at", "inside": "at", "outside": "at", "on": "at",
                "to": "to", "into": "to", "towards": "to", "toward": "to",
                "from": "from", "through": "via", "via": "via"}


def _place(doc: Any, tokens: list[Any], mentions: Sequence[Mention], offset: int,
           verb: Any) -> tuple[tuple | None, str, str]:
    """Return (place, the lemma of the verb its preposition hangs on, its role) for the clause's place:
    the place mention governed by a locative preposition nearest the verb ((None, "", "") when none)."""
    by_char = {offset + t.idx: t for t in tokens}
    best, best_depth, best_verb, best_role = None, 99, "", ""
    for m in mentions:
        if m.type != "place":
            continue
        tok = by_char.get(m.char_start)
        if tok is None:
            continue
        head, climbs = tok, 0
        while head.dep_ in ("compound", "flat", "amod", "nmod") and head.head.i != head.i and climbs < 6:
            climbs += 1
            head = head.head
        # "in the X region": the place name is a modifier of the noun the preposition governs
        if head.dep_ != "pobj" and head.head.dep_ == "pobj":
            head = head.head
        if head.dep_ != "pobj" or head.head.lower_ not in _LOCATIVE_PREPS:
            continue
        depth = 0
        node = head.head
        while node.i != verb.i and node.head.i != node.i and depth < 20:
            node = node.head
            depth += 1
        if node.i != verb.i:
            depth += 10
        if depth < best_depth:
            best, best_depth = (m.name or m.text, m.char_start, m.char_end, m.entity), depth
            best_role = _PLACE_ROLES.get(head.head.lower_, "")
            # the verb the preposition hangs on ("informed in X"), or the clause's own verb
            node, climbs = head.head, 0
            while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i and climbs < 8:
                node, climbs = node.head, climbs + 1
            if node.pos_ == "AUX":
                # "only in X was he informed": the preposition hangs on the auxiliary; the verb
                # that means something is its head (or, when the parser made it the root, its child)
                node = node.head if node.dep_ in ("aux", "auxpass") else next(
                    (c for c in node.children if c.pos_ == "VERB"), node)
            best_verb = _lemma(node) if node.pos_ in ("VERB", "AUX") else _lemma(verb)
    return best, best_verb, best_role


def _borrowed_subject(doc: Any, sent: _Sentence, verb: Any) -> list[Any]:
    """Return the noun phrase a subjectless clause is about: the antecedent of the relative pronoun
    in front of it, else the subject of the verb it is joined to ("X arrived and [X] left"); []."""
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in verb.children):
        return []
    noun = None
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        noun = verb.head
    else:
        # the nearest relative pronoun before the verb, right after a noun
        for i in range(verb.i - 1, max(sent.start, verb.i - 12) - 1, -1):
            t = doc[i]
            if t.tag_ in ("WDT", "WP") and t.lower_ in ("which", "who", "that"):
                j = i - 1
                while j >= sent.start and doc[j].is_punct:
                    j -= 1
                if j >= sent.start and doc[j].pos_ in ("NOUN", "PROPN"):
                    noun = doc[j]
                break
    if noun is None:
        if verb.dep_ == "conj":
            subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                noun = subj
        if noun is None:
            return []
    # "the fall of [the bridge]": climb to the noun the "of" phrase belongs to
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    aside = {t.i for c in noun.children if c.dep_ in ("relcl", "acl", "appos", "punct") for t in c.subtree}
    return [t for t in noun.subtree if t.i not in aside and sent.start <= t.i < sent.end and not t.is_space]


def _subjects(tokens: list[Any], verb: Any) -> tuple[str, ...]:
    """Return the lemmas of the clause's subject nouns, with the nouns they take with "of"."""
    ids = {t.i for t in tokens}
    under = {t.i for t in verb.subtree}
    # a borrowed subject (see _borrowed_subject) stands outside the verb's subtree, its top noun first
    borrowed = [t for t in tokens if t.i not in under and t.pos_ in ("NOUN", "PROPN") and t.head.i not in ids]
    heads = [t for t in tokens if t.dep_ in ("nsubj", "nsubjpass")] + borrowed[:1]
    out: set[str] = set()
    for h in heads:
        if h.tag_ in ("WDT", "WP") and h.head.dep_ == "relcl" and h.head.head.i in ids:
            h = h.head.head  # "which" -> the noun it stands for
        if h.pos_ not in ("NOUN", "PROPN"):
            continue
        out.add(_lemma(h))
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                out.update(_lemma(g) for g in prep.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"))
    return tuple(sorted(x for x in out if x not in _STOP and len(x) > 1))


def _numbers(tokens: list[Any], offset: int) -> tuple:
    out = []
    for t in tokens:
        if t.like_num and t.dep_ == "nummod" and t.head.pos_ == "NOUN":
            out.append((t.text.lower(), _lemma(t.head), offset + t.idx, offset + t.idx + len(t.text)))
    return tuple(out)


def _predicates(tokens: list[Any]) -> tuple:
    ids = {t.i for t in tokens}
    out = []
    for t in tokens:
        if t.pos_ != "VERB":
            continue
        negated = any(c.dep_ == "neg" for c in t.children) or any(
            c.dep_ == "neg" for c in t.head.children if t.dep_ in ("xcomp",) and t.head.i in ids) or any(
            # "by no means", "in no way", "on no account" deny as "not" does
            g.lemma_.lower() in _NEGATING_NOUNS and any(d.lower_ == "no" for d in g.children)
            for c in t.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")
        args = set()
        for c in t.children:
            if c.i not in ids:
                continue
            if c.dep_ in ("dobj", "attr", "oprd", "nsubjpass") and c.pos_ in ("NOUN", "PROPN"):
                args.add(_lemma(c))
            elif c.dep_ == "prep":
                for g in c.children:
                    if g.i in ids and g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"):
                        args.add(_lemma(g))
        if args:
            out.append((_lemma(t), negated, tuple(sorted(args))))
    return tuple(out)


def _eyewitness(sentence: str, document: Document) -> bool | None:
    # what the writer was told is not what the writer saw, though "I heard" opens both
    if _HEARSAY.search(sentence):
        return False
    if _EYEWITNESS.search(sentence):
        return True
    if document.kind in ("diary", "memoir") and re.search(r"\b(?:I|we|We)\b", sentence):
        return True
    return None


#: the verb's own words: its subject, auxiliaries, negation, particle, objects and prepositional phrases
_CORE_DEPS = ("nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass", "neg", "prt")
_ARG_DEPS = ("dobj", "attr", "oprd", "dative", "agent", "acomp", "xcomp", "prep", "ccomp", "npadvmod", "advmod")
#: subordinate material a summary leaves out
_ASIDE_DEPS = frozenset({"advcl", "relcl", "acl", "parataxis", "appos", "conj", "cc", "punct", "mark"})


def _predicate_summary(tokens: list[Any], verb: Any, limit: int = 20) -> str:
    """Return the clause as its trigger verb phrase and arguments in their own words — subject,
    verb group, then objects and prepositional phrases nearest the verb — each cut to a few words,
    asides (relative and adverbial clauses, appositions) left out; "" when the verb is not in the clause."""
    ids = {t.i for t in tokens}
    if verb.i not in ids:
        return ""

    def phrase(head: Any, room: int) -> list[Any]:
        # the head's subtree inside the clause, without its asides, cut around the head
        keep = []
        for t in head.subtree:
            if t.i not in ids or t.is_space:
                continue
            node, aside = t, False
            while node.i != head.i:
                if node.dep_ in _ASIDE_DEPS:
                    aside = True
                    break
                node = node.head
            if not aside:
                keep.append(t)
        if len(keep) > room:
            at = next((k for k, t in enumerate(keep) if t.i == head.i), 0)
            lo = max(0, min(at - room // 2, len(keep) - room))
            keep = keep[lo:lo + room]
        return keep

    chosen: dict[int, Any] = {verb.i: verb}
    budget = limit - 1
    under = {t.i for t in verb.subtree}
    outside = [t for t in tokens if t.i not in under and not t.is_space]
    subject_of_relative = bool(outside) and not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in verb.children)
    if subject_of_relative:
        # the borrowed subject (see _borrowed_subject): its top noun's phrase
        top = next((t for t in outside if t.head.i not in ids or t.head.i == t.i), outside[0])
        for t in phrase(top, 7):
            chosen[t.i] = t
    for child in verb.children:
        if child.dep_ in _CORE_DEPS and child.i in ids:
            if child.dep_ in ("nsubj", "nsubjpass") and subject_of_relative and child.tag_ in ("WDT", "WP"):
                continue  # "which": the antecedent already says it
            for t in phrase(child, 7 if child.dep_.startswith(("nsubj", "csubj")) else 2):
                chosen[t.i] = t
    budget = limit - len(chosen)
    # arguments nearest the verb first, until the words run out
    args = sorted((c for c in verb.children if c.dep_ in _ARG_DEPS and c.i in ids), key=lambda c: abs(c.i - verb.i))
    for child in args:
        if budget <= 1:
            break
        words = phrase(child, min(8, budget))
        if child.dep_ in ("advmod", "npadvmod") and len(words) > 2:
            continue
        if child.dep_ == "prep" and not any(t.dep_ == "pobj" or t.dep_ == "pcomp" for t in words):
            continue  # a preposition whose object was the date
        for t in words:
            chosen[t.i] = t
        budget = limit - len(chosen)
    # a preposition whose object was the date goes with it ("on the night of [the 13th]")
    for i in [i for i, t in chosen.items() if t.dep_ == "prep" and not any(c.i in chosen for c in t.children)]:
        del chosen[i]
    words = [chosen[i] for i in sorted(chosen)]
    while words and (words[0].is_punct or words[0].dep_ in ("cc", "mark")):
        words = words[1:]
    while words and words[-1].is_punct and words[-1].text not in (")", '"', "”"):
        words = words[:-1]
    if not words or sum(t.is_alpha for t in words) < 2:
        return ""
    out = ""
    for k, t in enumerate(words):
        out += t.text
        if k < len(words) - 1:
            # a gap in the words is a space (or " … " where a long stretch was left out)
            gap = words[k + 1].i - t.i
            out += (" … " if gap > 3 else " ") if gap > 1 else t.whitespace_
    out = re.sub(r"\s+", " ", out)
    out = re.sub(r"\s+([,.;:!?])", r"\1", out)
    out = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", out).strip(" ,;:-–—")
    return out


def _summary(tokens: list[Any], verb: Any, text: str, offset: int, limit: int = 18) -> str:
    """Return the clause in its own words, the date left out, cut to ``limit`` words."""
    words = [t for t in tokens if not t.is_space]
    ids = {t.i for t in words}
    # a preposition whose object was the date left out goes with it ("At dawn on [January 22]")
    words = [t for t in words if not (t.dep_ == "prep" and any(True for _ in t.children)
                                       and not any(c.i in ids for c in t.children))]
    ids = {t.i for t in words}
    # a preposition or conjunction left behind by the date ("On [3 March]") opens no summary
    while words and (words[0].is_punct or (words[0].dep_ in ("cc", "prep", "mark", "advmod")
                                           and words[0].i < verb.i
                                           and not any(c.i in ids for c in words[0].children))):
        ids.discard(words[0].i)
        words = words[1:]
    while words and words[-1].is_punct and words[-1].text not in (")", '"', "”"):
        words = words[:-1]
    if not words:
        return ""
    # around the verb: keep the subject before and the arguments after, within the limit
    if len(words) > limit:
        vi = next((k for k, t in enumerate(words) if t.i == verb.i), 0)
        lo = max(0, vi - limit // 3)
        words = words[lo:lo + limit]
        cut = True
    else:
        cut = False
    out = "".join(t.text + (t.whitespace_ if k < len(words) - 1 else "") for k, t in enumerate(words))
    out = re.sub(r"\s+", " ", out)
    out = re.sub(r"\s+([,.;:!?])", r"\1", out).strip(" ,;:-–—")
    return out + (" …" if cut else "")


# ----------------------------------------------------------------------------- merging
def predicate_similarity(a: Claim, b: Claim) -> float:
    """Return how alike two claims' predicates are: cosine over their content lemmas (0..1).

    Light verbs ("be", "have", "go" ...) count for little, so that two claims are
    not the same event merely because something *was*.
    """
    wa = {x: (0.3 if x in _LIGHT_VERBS else 1.0) for x in a.lemmas}
    wb = {x: (0.3 if x in _LIGHT_VERBS else 1.0) for x in b.lemmas}
    if not wa or not wb:
        return 0.0
    dot = sum(w * wb[x] for x, w in wa.items() if x in wb)
    return dot / math.sqrt(sum(w * w for w in wa.values()) * sum(w * w for w in wb.values()))


def _reuse_index(reuse: Sequence[ReuseGroup]) -> dict[str, list[tuple[str, int, int, str]]]:
    by_source: dict[str, list[tuple[str, int, int, str]]] = {}
    for g in reuse:
        for p in g.passages:
            by_source.setdefault(p.source, []).append((g.id, p.char_start, p.char_end, p.document or ""))
    return by_source


def reuse_groups_of(claim: Claim, index: dict[str, list[tuple[str, int, int, str]]]) -> set[str]:
    """Return the ids of the reuse groups whose passages hold (overlap) this claim."""
    return {gid for gid, s, e, _ in index.get(claim.source, ()) if s < claim.char_end and claim.char_start < e}


def dates_from_reuse(claims: Sequence[Claim], reuse: Sequence[ReuseGroup],
                     similarity: Callable[[Claim, Claim], float] | None = None,
                     threshold: float = 0.3) -> list[Claim]:
    """Return the claims, each undated one that lies in a reused passage dated (basis ``reuse``)
    by the most alike dated claim of another witness of that passage.

    A quotation says what its original says, when the original says it: the letter quoted
    undated in a later book is still the letter of its day, and so one event with it.
    """
    similarity = similarity or predicate_similarity
    if not reuse:
        return list(claims)
    index = _reuse_index(reuse)
    members: dict[str, list[Claim]] = {}
    for c in claims:
        for gid in reuse_groups_of(c, index):
            members.setdefault(gid, []).append(c)
    out = []
    for c in claims:
        if c.date is not None:
            out.append(c)
            continue
        best, best_sim = None, threshold
        for gid in sorted(reuse_groups_of(c, index)):
            for other in members.get(gid, ()):
                if other.date is None or other.document == c.document or other.source == c.source and (
                        other.char_start < c.char_end and c.char_start < other.char_end):
                    continue
                sim = similarity(c, other)
                if sim > best_sim:
                    best, best_sim = other, sim
        out.append(replace(c, date=best.date, basis="reuse") if best is not None else c)
    return out


def merge_events(claims: Sequence[Claim], reuse: Sequence[ReuseGroup] = (),
                 similarity: Callable[[Claim, Claim], float] | None = None,
                 threshold: float = 0.45) -> list[list[Claim]]:
    """Return the dated claims grouped into events (each group one event, claims in text order).

    Claims their writer denies (``stance == "denied"``) make no event. Two claims are one event
    when their dates intersect and either a reuse group
    aligns their passages, or their predicates are alike (``similarity`` >=
    ``threshold``, default :func:`predicate_similarity`) and their actors overlap
    (or one names none). Claims of one sentence are never merged with each other.
    """
    similarity = similarity or predicate_similarity
    # a version its own writer rejects is no witness of its date (it stays a claim for the conflicts)
    dated = [c for c in dates_from_reuse(claims, reuse, similarity) if c.date is not None and c.stance != "denied"]
    dated.sort(key=lambda c: (c.date.earliest, c.source, c.char_start))
    index = _reuse_index(reuse)
    groups_of = [reuse_groups_of(c, index) for c in dated]
    parent = list(range(len(dated)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # compare only claims whose intervals can intersect: sweep over the sorted earliest dates
    for i, a in enumerate(dated):
        for j in range(i + 1, len(dated)):
            b = dated[j]
            if b.date.earliest > a.date.latest:
                break
            if not a.date.intersects(b.date) or find(i) == find(j):
                continue
            if a.source == b.source and a.char_start < b.char_end and b.char_start < a.char_end:
                continue
            shared_reuse = groups_of[i] & groups_of[j]
            if shared_reuse and (a.document != b.document) and similarity(a, b) >= 0.15:
                parent[find(j)] = find(i)
                continue
            if a.document == b.document:
                # one document tells an event once; repeated mention of its date is no second witness
                if similarity(a, b) < max(threshold, 0.6):
                    continue
            if not _actors_compatible(a, b):
                continue
            if _too_vague(a, b):
                continue
            if similarity(a, b) >= threshold:
                parent[find(j)] = find(i)
    clusters: dict[int, list[Claim]] = {}
    for i, c in enumerate(dated):
        clusters.setdefault(find(i), []).append(c)
    out = [sorted(g, key=lambda c: (c.source, c.char_start)) for g in clusters.values()]
    out.sort(key=lambda g: (min(c.date.earliest for c in g), g[0].source, g[0].char_start))
    return out


def _actors_compatible(a: Claim, b: Claim) -> bool:
    ka, kb = a.actor_keys, b.actor_keys
    return not ka or not kb or bool(ka & kb)


def _too_vague(a: Claim, b: Claim) -> bool:
    # a year-wide and a day-wide claim are one event only when they say nearly the same
    wa = (a.date.latest - a.date.earliest).days
    wb = (b.date.latest - b.date.earliest).days
    return max(wa, wb) > 400 and predicate_similarity(a, b) < 0.6
