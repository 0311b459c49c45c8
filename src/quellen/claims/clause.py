"""Clauses: the sentences of a parsed document, the clauses a date governs, and the claim each dated
clause makes.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Sequence

from ..lexicons import words
from ..model import Claim, Date, Document, Mention, Timex, content_id
from ..segment.lines import is_byline
from .lexicon import CLAUSE_BREAK_DEPS, CONTENT_POS, FIRST_PERSON, MODALS, STOP, SUPPORT_VERBS
from .parts import (Sentence, actors_of, borrowed_subject, clause_summary, eyewitness_of, lemma_of, numbers_of,
                    place_of, predicate_summary, predicates_of, subjects_of)
from .parts import death_toll  # a count of the dead is kept undated

def sentences_of(doc: Any, text: str, offset: int) -> list[Sentence]:
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
    out: list[Sentence] = []
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
        out.append(Sentence(start, end, cs, ce, paragraph))
        prev_end = ce
    return out


def _tokens_of(doc: Any, sent: Sentence, char_start: int, char_end: int, offset: int) -> list[Any]:
    return [t for t in doc[sent.start:sent.end]
            if offset + t.idx < char_end and char_start < offset + t.idx + len(t.text)]


def starts_a_state(doc: Any, sent: Sentence, timex: Timex, offset: int) -> bool:
    """Return whether ``timex`` is where a state begins ("had kept the inn since 1850", "since his father's
    death in 1866"): it dates its own clause, but says nothing of when the next sentences happen."""
    tokens = _tokens_of(doc, sent, timex.char_start, timex.char_end, offset)
    if not tokens:
        return False
    token = min(tokens, key=lambda tok: _depth(tok, sent))
    for _ in range(8):
        if token.lower_ == "since" and token.dep_ in ("prep", "mark"):
            return True
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i or not sent.start <= token.head.i < sent.end:
            return False
        token = token.head
    return False


def _clause_verb(token: Any, sent: Sentence) -> Any:
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


def root_verb(doc: Any, sent: Sentence) -> Any | None:
    """Return the sentence's main verb (its root, else its first verb), or None."""
    for t in doc[sent.start:sent.end]:
        if (t.dep_ == "ROOT" or t.head.i < sent.start or t.head.i >= sent.end) and t.pos_ in ("VERB", "AUX"):
            return t
    for t in doc[sent.start:sent.end]:
        if t.pos_ == "VERB":
            return t
    return None


def is_computed(timex: Timex) -> bool:
    """Return True for a date the tagger counted from another one (its rule names a relative expression)."""
    rule = (timex.rule or (timex.date.rule if timex.date else "") or "").lower()
    return rule.startswith(("relative", "present", "anchor")) or timex.type == "TIME" and "word" in rule


def headed_by_its_date(text: str, document: Document) -> bool:
    """Return True when the entry's date stands at its head (a day's record), not only at its foot.

    A dated foot ("... June 4, 1935") closes an account written on that day of things long past:
    its past tenses are not that day's events, while under a dated head they are.
    """
    entry = text[document.char_start:document.char_end]
    at = entry.find(document.date.text) if document.date.text else -1
    # a date from outside the entry (a heading, a framing sentence) heads it as well
    return at < 0 or at <= min(160, 0.4 * len(entry))


def speaks_of_now(verb: Any) -> bool:
    """Return True when the clause is in the present, present perfect or future (the writer's now)."""
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    lemmas = {c.lemma_.lower() for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "VBD" in tags and "have" not in lemmas:
        return False
    if "had" in {c.lower_ for c in verb.children}:
        return False
    return bool(tags & {"VBP", "VBZ", "MD"}) or verb.tag_ == "VBG" and bool(tags & {"VBP", "VBZ"})


def first_person_subject(verb: Any) -> bool:
    """Return True when the verb's subject is "I" or "we"."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in FIRST_PERSON for c in verb.children)


def sentence_root(doc: Any, sent: Sentence) -> Any:
    """Return the token the sentence hangs on (its head lies outside the sentence, or is itself)."""
    for t in doc[sent.start:sent.end]:
        if t.head.i < sent.start or t.head.i >= sent.end or t.head.i == t.i:
            return t
    return doc[sent.start]


def dated_clauses(doc: Any, sent: Sentence, timexes: list[Timex],
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
        if not _dates_the_clause(t, root) or _dates_another_letter(root, sent):
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


def _hypothetical(verb: Any, sent: Sentence) -> bool:
    """Return True for a counterfactual clause: "would have ended", "could have won", or the
    "if ... had won" half of one."""
    node = verb
    for _ in range(3):
        auxes = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
        lemmas = {c.lower_ for c in auxes}
        if lemmas & MODALS and ("have" in lemmas or any(c.lemma_ == "have" for c in auxes)):
            return True
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
        if marks & {"if", "unless"} and ("had" in lemmas or "were" in lemmas):
            return True
        # "the concessions would have ended only in 1980 (if they had ended)": climb a clause up
        if node.dep_ not in ("conj", "xcomp", "ccomp") or not (sent.start <= node.head.i < sent.end):
            break
        node = node.head
    return False


def _comparison(root: Any, verb: Any, sent: Sentence) -> bool:
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


_TEMPORAL_PREPS = frozenset(words("temporal_prepositions"))


def _dates_the_clause(timex: Timex, root: Any) -> bool:
    """Return False for expressions that name rather than date: a bare number, or a bare month that
    is part of a name ("the February Revolution") or the object of a non-temporal word ("against October")."""
    words = timex.text.strip()
    if not any(ch.isalpha() for ch in words) and len(re.sub(r"\D", "", words)) < 3 \
            and not re.fullmatch(r"['’]\d\d", words):  # "in '46": a year written without its century
        return False
    if any(ch.isdigit() for ch in words) or len(words.split()) > 1:
        return True
    if root.dep_ in ("compound", "amod", "poss", "nmod") or root.head.pos_ == "PROPN" and root.head.i > root.i:
        return False
    if root.dep_ == "pobj":
        return root.head.lower_ in _TEMPORAL_PREPS
    return root.dep_ in ("npadvmod", "ROOT", "appos", "conj", "nsubj")


_CORRESPONDENCE = frozenset(words("correspondence_nouns"))


def _dates_another_letter(root: Any, sent: Sentence) -> bool:
    """Return True when the date is the date of a letter the sentence speaks of ("your favour of the 15th
    inst.", "yours of the 3rd", "your letter dated 4 June"), or of a letter or paper it cites for what it tells
    ("according to the Gazette of 8 March"): it dates that letter or paper, not what the sentence tells."""
    node = root
    # "the 15th instant": the date may hang on a word inside its own phrase
    for _ in range(3):
        if node.dep_ not in ("amod", "compound", "nummod", "det", "appos") or not sent.start <= node.head.i < sent.end:
            break
        node = node.head
    head = node.head
    if node.dep_ == "pobj" and head.lower_ in ("of", "on"):
        head = head.head
    if head.lower_ in ("dated", "written") and head.dep_ == "acl":
        head = head.head
    elif node.dep_ != "pobj" or node.head.lower_ != "of":
        return False
    if not sent.start <= head.i < sent.end:
        return False
    if _cited(head) and (head.lower_ in _CORRESPONDENCE or head.text in _SERIAL_HEADS):
        # "according to the Wexcombe Gazette of 8 March, the fire was first seen ...": the paper's date
        # is when it told the news, not when the news happened
        return True
    if head.lower_ not in _CORRESPONDENCE:
        return False
    # a letter the sentence points at ("your letter", "Mr. Pell's note"), not any letter ("a letter of 1846")
    return head.lower_ == "yours" or any(c.dep_ == "poss" for c in head.children)


_SERIAL_HEADS = frozenset(words("serial_heads"))


def _cited(head: Any) -> bool:
    """Return whether ``head`` is the source a sentence cites for what it tells: "according to <head>"."""
    to = head.head
    return head.dep_ == "pobj" and to.lower_ == "to" and to.head.lower_ == "according"


def _depth(token: Any, sent: Sentence) -> int:
    d = 0
    while token.head.i != token.i and sent.start <= token.head.i < sent.end and d < 50:
        token = token.head
        d += 1
    return d


def _clause_tokens(doc: Any, sent: Sentence, verb: Any, whole: bool) -> list[Any]:
    if whole:
        return list(doc[sent.start:sent.end])
    keep = []
    for t in verb.subtree:
        if not (sent.start <= t.i < sent.end):
            continue
        # leave out subordinate clauses with a verb of their own: they are claims of their own
        node, inside = t, True
        while node.i != verb.i and node.head.i != node.i:
            if node.dep_ in CLAUSE_BREAK_DEPS and node.pos_ in ("VERB", "AUX"):
                inside = False
                break
            node = node.head
        if inside:
            keep.append(t)
    return keep or list(doc[sent.start:sent.end])


def make_claim(text: str, document: Document, doc: Any, sent: Sentence, verb: Any,
                group: list[Timex], mentions: Sequence[Mention], persons: Sequence[Mention], offset: int,
                single: bool, date: Date | None = None, basis: str | None = None,
                sentence_dates: tuple = (), summary_words: int = 18, date_line: bool = False,
                parts_needed: bool = False) -> Claim | None:
    """Return the claim one clause makes (its verb, its date, its parts), or None when it makes none.

    ``date_line``: the sentence is a line segmentation marked as a letter's date line or foot, so its date
    is only the date the document was written. ``parts_needed``: None also when the clause has no actor or
    no predicate (the caller keeps no such claim: an undated one)."""
    tokens = _clause_tokens(doc, sent, verb, single)
    if not single:
        # "the fall of the bridge, which happened on the 13th": a clause whose subject is a relative
        # pronoun (or another clause's) says what of that noun, so its noun phrase belongs to the claim
        have = {t.i for t in tokens}
        tokens = sorted([*tokens, *(t for t in borrowed_subject(doc, sent, verb) if t.i not in have)],
                        key=lambda t: t.i)
    if group:
        date = narrowest_date(group)
        # "the next day", "a year earlier" are computed from another date: relative. A calendar date
        # whose year the context supplies ("On February 10") is still written out: explicit
        basis = "relative" if all(is_computed(t) for t in group) else "explicit"
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
    lemmas = sorted({lemma_of(t) for t in content if t.pos_ in CONTENT_POS and lemma_of(t) not in STOP
                     and not t.like_num and len(lemma_of(t)) > 1})
    verbs = sorted({lemma_of(t) for t in content if t.pos_ == "VERB"})
    sent_mentions = [m for m in mentions if cs <= m.char_start and m.char_end <= ce]
    actors = actors_of(doc, document, content, sent_mentions, persons, offset, cs)
    predicates = predicates_of(content)
    numbers = numbers_of(content, offset)
    if parts_needed and not (actors and predicates) and not death_toll(numbers, lemmas):
        # most undated clauses: the rest of the claim would be read for nothing (a count of the dead is kept: two
        # tolls of one happening may disagree)
        return None
    place, place_verb, place_role = place_of(doc, content, sent_mentions, offset, verb)
    subjects = subjects_of(content, verb)
    named = {offset_i for m in sent_mentions for offset_i in range(m.char_start, m.char_end)}
    details = tuple(sorted({(t.head.lower_, lemma_of(t)) for t in content
                            if t.dep_ == "pobj" and t.pos_ == "NOUN" and t.head.lower_ in ("in", "by", "aboard")
                            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)
                            and offset + t.idx not in named}))
    eyewitness = eyewitness_of(text[cs:ce], document)
    summary = (_nominal_summary(doc, sent, in_timex, limit=summary_words) if group else None) or (
        predicate_summary(content, verb, limit=summary_words + 2)
        or clause_summary(content, verb, text, offset, limit=summary_words))
    alone = not any(t.is_alpha and not in_timex(t) for t in doc[sent.start:sent.end])
    if group and not alone and (date_line or _place_and_date(doc, sent, in_timex)):
        # "Harwick Hall, 4th May 1812.": a place's name beside the date is a date line too, not
        # something that happened there, nor its name an actor
        alone, summary, actors = True, None, ()
    if not summary and group and alone:
        # a date standing alone (a letter's date line, a diary heading, a signature's date) says
        # when the document was written
        # a byline kept as the title (a store built before bylines were told from titles, a file's markup) is
        # who wrote the document, not what it is: "By A B dated 3 May" would be read as a happening of A B
        title = document.title if document.title and not is_byline(document.title) else None
        what = (title or document.kind.replace("_", " ")).strip()
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


def _place_and_date(doc: Any, sent: Sentence, in_timex: Callable[[Any], bool]) -> bool:
    """Return whether a sentence is a date beside a few proper names and nothing else (no verb, no common
    noun): the shape of a date line that names its place ("Harwick Hall, 4th May 1812.")."""
    rest = [t for t in doc[sent.start:sent.end] if not in_timex(t) and not t.is_punct and not t.is_space]
    return 0 < len(rest) <= 6 and all(t.pos_ == "PROPN" or t.lower_ in ("at", "near", "in", "the", "of")
                                      for t in rest) and any(t.pos_ == "PROPN" for t in rest)


def _nominal_summary(doc: Any, sent: Sentence, in_timex: Callable[[Any], bool], limit: int = 18) -> str | None:
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
    if not of or not noun.has_vector and noun.lemma_.lower() in STOP:
        return None
    words = [t for t in noun.subtree if t.i < date_pp.i and not in_timex(t)
             and not any(a.dep_ in ("relcl", "acl") and a.i != noun.i for a in _ancestors_to(t, noun))]
    words = [t for t in words if sent.start <= t.i < sent.end]
    if len(words) < 3:
        return None
    phrase = " ".join(t.text for t in words[:limit]).replace(" ,", ",").replace(" 's", "'s")
    return phrase[:1].upper() + phrase[1:]


_TIME_NOUNS = set(words("time_nouns"))


def _ancestors_to(token: Any, top: Any) -> list[Any]:
    """Return the tokens from ``token`` up to (not including) ``top`` in the parse."""
    out = []
    while token.i != top.i and token.head.i != token.i:
        out.append(token)
        token = token.head
    return out


def _content_lemma(t: Any) -> str | None:
    x = lemma_of(t)
    return x if t.pos_ in CONTENT_POS and x not in STOP and not t.like_num and len(x) > 1 else None


def _happening(doc: Any, sent: Sentence, verb: Any, in_timex: Callable[[Any], bool]) -> tuple:
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
    if lemma_of(verb) in SUPPORT_VERBS or verb.pos_ not in ("VERB", "AUX"):
        for c in verb.children:
            if not (sent.start <= c.i < sent.end) or in_timex(c):
                continue
            if c.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                c = verb.head  # "the fall of the mill, which happened ...": the fall happened
                while c.dep_ == "pobj" and c.head.lower_ == "of" and c.head.head.pos_ in ("NOUN", "PROPN"):
                    named.add(lemma_of(c))
                    c = c.head.head
                named.add(lemma_of(c))
                continue
            if c.dep_ in ("xcomp", "ccomp", "relcl") and c.pos_ == "VERB":
                trigger.add(lemma_of(c))
            elif c.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "acomp") and c.pos_ in ("NOUN", "PROPN", "ADJ") \
                    or c.i == verb.head.i and c.pos_ in ("NOUN", "PROPN"):
                named.add(lemma_of(c))
        trigger -= SUPPORT_VERBS
        named -= SUPPORT_VERBS
    if verb.pos_ not in ("VERB", "AUX"):
        named.add(lemma_of(verb))  # a date on a noun: "the decision of 18 May"
    trigger = trigger or ({lemma_of(verb)} if not named else set())
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
                args.add(lemma_of(h))
                args.update(lemma_of(g) for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
                            for g in p.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"))
    # "again", "the same envoy came", "a second time": a happening told as a repetition of another
    repeated = any(t.lower_ in ("again", "anew") or t.lower_ == "same" and t.head.pos_ in ("NOUN", "PROPN")
                   or t.lower_ in ("second", "third", "another") and t.head.lemma_ in ("time", "visit", "attempt")
                   for t in inside)
    return (tuple(sorted(x for x in trigger if x and x not in STOP)),
            tuple(sorted(x for x in named if x and x not in STOP)), tuple(scope),
            tuple(sorted(x for x in args if x and x not in STOP)), repeated)


def _in_subclause(token: Any, verb: Any) -> bool:
    node = token
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ in CLAUSE_BREAK_DEPS and node.pos_ in ("VERB", "AUX"):
            return True
        node = node.head
    return False


def narrowest_date(group: list[Timex]) -> Date:
    """Return the narrowest date of agreeing expressions (their intersection when it is narrower)."""
    dates = [t.date for t in group if t.date is not None]
    best = min(dates, key=lambda d: (d.latest - d.earliest, d.calendar != "gregorian"))
    lo = max(d.earliest for d in dates)
    hi = min(d.latest for d in dates)
    if lo <= hi and (hi - lo) < (best.latest - best.earliest):
        from ..model import replace
        return replace(best, earliest=lo, latest=hi)
    return best


