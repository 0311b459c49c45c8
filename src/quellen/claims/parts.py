"""The parts of a clause a claim keeps: its actors, its place, its subjects, numbers and predicates, its
summary in the clause's own words, and whether the writer saw it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Sequence

from ..lexicons import pairs, words
from ..model import Document, Mention, actor_key
from .lexicon import (EYEWITNESS, FIRST_PERSON, HEARSAY, LOCATIVE_PREPS, NEGATING_NOUNS, OBJECT_DEPS, STOP,
                      SUBJECT_DEPS, THIRD_PERSON)

# ----------------------------------------------------------------------------- extraction
@dataclass
class Sentence:
    start: int  # token index in the Doc
    end: int
    char_start: int  # source offsets
    char_end: int
    paragraph: int


def lemma_of(token: Any) -> str:
    """Return the token's lemma, lower-cased, without quotes and stops."""
    return (token.lemma_ or token.text).lower().strip("'’\".,;:")


def actors_of(doc: Any, document: Document, tokens: list[Any], mentions: Sequence[Mention],
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
        if role in SUBJECT_DEPS or role in OBJECT_DEPS or role == "ROOT":
            name = m.name or m.text
            key = actor_key(m.entity, name)
            if key not in seen:
                seen.add(key)
                out.append((name, m.type, m.char_start, m.char_end, m.entity))
    for t in tokens:
        low = t.text.lower()
        if t.dep_ not in SUBJECT_DEPS and t.dep_ not in ("dobj", "pobj", "dative"):
            continue
        if low in FIRST_PERSON and document.author is not None and document.kind not in ("narrative", "biography"):
            key = actor_key(document.author.entity, document.author.name)
            if key not in seen:
                seen.add(key)
                out.append((document.author.name, "person", -1, -1, document.author.entity))
        elif low in THIRD_PERSON and t.dep_ in SUBJECT_DEPS:
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
_PLACE_ROLES = dict(pairs("place_prepositions"))


def place_of(doc: Any, tokens: list[Any], mentions: Sequence[Mention], offset: int,
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
        if head.dep_ != "pobj" or head.head.lower_ not in LOCATIVE_PREPS:
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
            best_verb = lemma_of(node) if node.pos_ in ("VERB", "AUX") else lemma_of(verb)
    return best, best_verb, best_role


def borrowed_subject(doc: Any, sent: Sentence, verb: Any) -> list[Any]:
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


def subjects_of(tokens: list[Any], verb: Any) -> tuple[str, ...]:
    """Return the lemmas of the clause's subject nouns, with the nouns they take with "of"."""
    ids = {t.i for t in tokens}
    under = {t.i for t in verb.subtree}
    # a borrowed subject (see borrowed_subject) stands outside the verb's subtree, its top noun first
    borrowed = [t for t in tokens if t.i not in under and t.pos_ in ("NOUN", "PROPN") and t.head.i not in ids]
    heads = [t for t in tokens if t.dep_ in ("nsubj", "nsubjpass")] + borrowed[:1]
    out: set[str] = set()
    for h in heads:
        if h.tag_ in ("WDT", "WP") and h.head.dep_ == "relcl" and h.head.head.i in ids:
            h = h.head.head  # "which" -> the noun it stands for
        if h.pos_ not in ("NOUN", "PROPN"):
            continue
        out.add(lemma_of(h))
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                out.update(lemma_of(g) for g in prep.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"))
    return tuple(sorted(x for x in out if x not in STOP and len(x) > 1))


#: words of a count of the dead (data/lexicon/toll_words.txt), each a set of lemmas the clause holds together
_TOLL_WORDS = tuple(frozenset(w.split()) for w in words("toll_words"))
#: nouns a death toll counts people by, and the word they are compared under (data/lexicon/counted_people.txt)
_COUNTED_PEOPLE = dict(pairs("counted_people"))
_NUMBER_VALUES = dict(pairs("number_words"))


def death_toll(numbers: Sequence[tuple], lemmas: Sequence[str]) -> list[tuple[int, str]]:
    """Return (how many, what counted) for each count of the dead a clause gives: a number counting people
    (``numbers``, as :func:`numbers_of` reads them) in a clause that tells a death ("Seven people died", "nine
    people lost their lives"); empty when it gives none.

    >>> death_toll((("seven", "people", 0, 5),), ("die", "flood", "people"))
    [(7, 'people')]
    >>> death_toll((("340", "resident", 0, 3),), ("evacuate", "resident"))
    []
    """
    held = set(lemmas)
    if not any(ws <= held for ws in _TOLL_WORDS):
        return []
    out = []
    for value, unit, *_ in numbers:
        counted = _COUNTED_PEOPLE.get(unit)
        word = _NUMBER_VALUES.get(value, "")
        n = int(value) if value.isdigit() else int(word) if word.isdigit() else 0
        if counted and n > 0:
            out.append((n, counted))
    return out


def numbers_of(tokens: list[Any], offset: int) -> tuple:
    """Return (value, the noun it counts, char_start, char_end) for every number of the clause."""
    out = []
    for t in tokens:
        if t.like_num and t.dep_ == "nummod" and t.head.pos_ == "NOUN":
            out.append((t.text.lower(), lemma_of(t.head), offset + t.idx, offset + t.idx + len(t.text)))
    return tuple(out)


def predicates_of(tokens: list[Any]) -> tuple:
    """Return (verb lemma, negated, argument lemmas) for every verb of the clause."""
    ids = {t.i for t in tokens}
    out = []
    for t in tokens:
        if t.pos_ != "VERB":
            continue
        negated = any(c.dep_ == "neg" for c in t.children) or any(
            c.dep_ == "neg" for c in t.head.children if t.dep_ in ("xcomp",) and t.head.i in ids) or any(
            # "by no means", "in no way", "on no account" deny as "not" does
            g.lemma_.lower() in NEGATING_NOUNS and any(d.lower_ == "no" for d in g.children)
            for c in t.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")
        args = set()
        for c in t.children:
            if c.i not in ids:
                continue
            if c.dep_ in ("dobj", "attr", "oprd", "nsubjpass") and c.pos_ in ("NOUN", "PROPN"):
                args.add(lemma_of(c))
            elif c.dep_ == "prep":
                for g in c.children:
                    if g.i in ids and g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"):
                        args.add(lemma_of(g))
        if args:
            out.append((lemma_of(t), negated, tuple(sorted(args))))
    return tuple(out)


def eyewitness_of(sentence: str, document: Document) -> bool | None:
    """Return True when the writer saw it, False when told of it, None when the sentence does not say."""
    # what the writer was told is not what the writer saw, though "I heard" opens both
    if HEARSAY.search(sentence):
        return False
    if EYEWITNESS.search(sentence):
        return True
    if document.kind in ("diary", "memoir") and re.search(r"\b(?:I|we|We)\b", sentence):
        return True
    return None


#: the verb's own words: its subject, auxiliaries, negation, particle, objects and prepositional phrases
_CORE_DEPS = ("nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass", "neg", "prt")
_ARG_DEPS = ("dobj", "attr", "oprd", "dative", "agent", "acomp", "xcomp", "prep", "ccomp", "npadvmod", "advmod")
#: subordinate material a summary leaves out
_ASIDE_DEPS = frozenset({"advcl", "relcl", "acl", "parataxis", "appos", "conj", "cc", "punct", "mark"})


def predicate_summary(tokens: list[Any], verb: Any, limit: int = 20) -> str:
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
        # the borrowed subject (see borrowed_subject): its top noun's phrase
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


def clause_summary(tokens: list[Any], verb: Any, text: str, offset: int, limit: int = 18) -> str:
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


