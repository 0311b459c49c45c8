"""The words and patterns the clause reader knows: verbs that carry another happening, modals, persons,
dependency labels, and the phrases of eyewitness, hearsay, report and denial.
"""
from __future__ import annotations

import re

from ..lexicons import words


#: how many sentences after a written-out date still take it (outside diaries)
MAX_CARRY = 2
#: verbs that carry another happening rather than being one: "tried to regain", "the exile took
#: place", "it was in May that ..." -- the happening is what they carry
SUPPORT_VERBS = frozenset(words("support_verbs"))
MODALS = frozenset(words("modals"))
NEGATING_NOUNS = frozenset(words("negating_nouns"))
FIRST_PERSON = frozenset(words("first_person"))
THIRD_PERSON = frozenset(words("third_person"))
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "expl"})
OBJECT_DEPS = frozenset({"dobj", "iobj", "dative", "attr", "oprd", "pobj", "appos", "conj", "compound",
                          "npadvmod", "poss"})
CLAUSE_BREAK_DEPS = frozenset({"advcl", "relcl", "ccomp", "xcomp", "acl", "conj", "parataxis"})
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
LOCATIVE_PREPS = frozenset(words("locative_prepositions"))
EYEWITNESS = re.compile(r"\b(?:I|we)\s+(?:saw|watched|witnessed|heard|was present|were present|"
                         r"stood|beheld)\b|\beye-?witness|\bwith (?:my|our) own eyes\b", re.I)
HEARSAY = re.compile(r"\b(?:I|we)\s+(?:have\s+|had\s+)?(?:heard|hear|was told|were told|am told|are told|"
                      r"have been told|learned|learnt)\s+(?:it\s+)?(?:said|say|told|reported|rumou?red|that|from)\b|"
                      r"\b(?:it is|it was)\s+(?:said|reported|rumou?red)\b|\bthey say\b|\breportedly\b|"
                      r"\bby hearsay\b|\brumou?r (?:has it|had it)\b|\bso (?:I am|we are|I was) told\b|"
                      # "I am told the bridge is down", "we were credibly told", "I hear of", "word came that"
                      r"\b(?:I|we)\s+(?:am|are|was|were|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:told|informed)\b(?!\s+to\b)|"
                      r"\b(?:I|we)\s+(?:hear|learn)\s+(?:that|of|from)\b|"
                      r"\b(?:word|news)\s+(?:came|comes|has\s+come|had\s+come|reached\s+(?:us|me))\s+(?:\w+\s+){0,3}?that\b|"
                      # another's news passed on: "he tells me that", "my brother writes that", "she says that"
                      r"\b(?:tells|told)\s+(?:me|us)\s+that\b|\b(?:writes\s+(?:to\s+(?:me|us)\s+)?|wrote\s+to\s+(?:me|us)\s+)"
                      r"that\b(?!\s+(?:day|night|morning|evening|week|month|year|time)\b)|\bsays\s+that\b|\b(?:sends|sent)\s+(?:me\s+|us\s+)?word\s+that\b",
                      re.I)
#: a report of what others say or said, the way a writer brings up a version before rejecting it
REPORTED = re.compile(
    r"\bit\s+(?:is|was|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:said|stated|claimed|asserted|reported|written|"
    r"believed|alleged|rumou?red|supposed|thought|maintained|held)\b|"
    r"\b(?:some|others|many|they|people|several)\s+(?:\w+\s+)?(?:have\s+|had\s+)?(?:say|said|claim|claimed|assert|"
    r"asserted|write|wrote|written|maintain|maintained|believe|believed|hold|held|tell|told)\b|"
    r"\b(?:I|we)\s+(?:have\s+|had\s+)?(?:often\s+|since\s+)?(?:heard|read|seen)\s+(?:it\s+)?(?:\w+\s+)?"
    r"(?:said|stated|written|claimed|asserted|reported|printed)\b|"
    r"\b(?:is|are|was|were)\s+(?:\w+ly\s+)?said\s+to\b|\bthe\s+(?:common\s+)?story\s+(?:goes|runs|is\s+told)\b|"
    r"\blegend\s+has\s+it\b|\baccording\s+to\s+(?:some|others|rumou?r|common\s+report|popular\s+belief)\b", re.I)
#: a sentence that rejects what the one before reported: "That is not so", "This is false", "Not so"
REFUTES = re.compile(
    r"^\s*(?:but\s+|yet\s+|however,?\s+|now\s+)?(?:that|this|it|which|the\s+(?:story|report|account|claim|tale|"
    r"statement|date))\s+(?:is|was|has\s+proved|proved)\s+(?:not\s+(?:so|true|the\s+case|correct|right|accurate|"
    r"what\s+happened)|(?:quite\s+|entirely\s+|wholly\s+|altogether\s+|simply\s+)?(?:false|untrue|wrong|incorrect|"
    r"mistaken|erroneous|a\s+(?:mistake|fable|myth|legend|fiction|falsehood|lie)|an\s+(?:error|invention|untruth)))\b|"
    r"^\s*(?:not\s+so|nothing\s+of\s+the\s+(?:kind|sort)|this\s+is\s+a\s+mistake|that\s+is\s+a\s+mistake)\b", re.I)
#: a report rejected in its own sentence: "some wrongly say", "it is falsely stated", "..., but that is not so"
DENIED_INLINE = re.compile(
    r"\b(?:wrongly|falsely|mistakenly|erroneously|incorrectly)\s+(?:\w+\s+)?(?:said|say|says|stated|state|states|"
    r"claimed|claim|claims|asserted|reported|believed|supposed|thought|given|dated|date|dates|placed|place|places|"
    r"written|put|puts)\b|[,;:—–-]\s*(?:but\s+)?(?:that|this|which)\s+(?:is|was)\s+(?:not\s+(?:so|true|the\s+case)|"
    r"(?:quite\s+)?(?:false|untrue|wrong|a\s+mistake|an\s+error))\b", re.I)
_WORD = re.compile(r"\w+", re.U)
STOP = frozenset(words("stop_words"))
#: verbs too general to make two claims the same event on their own
LIGHT_VERBS = frozenset(words("light_verbs"))


