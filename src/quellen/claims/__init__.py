"""Claims: what each clause of one source says happened, read document by document.

A *claim* (:class:`~quellen.model.Claim`) is what one clause of one document says happened:
a date (its own, or inherited from the paragraph or from the document it stands in), the
actors in its subject and object roles, a place, a short summary in the clause's own
words, and the lemmas, numbers and polarity that later steps compare.

The cascade, per document (:func:`extract_claims`, runs once per source, :mod:`.read`):

1. sentences are cut from the spaCy parse, and again at line breaks, because
   a paragraph break is never inside a sentence in a compiled source (:mod:`.clause`);
2. every DATE/TIME expression with a resolved interval becomes a claim for the
   clause whose verb governs it (two expressions on one verb that agree are one
   claim; century-wide expressions are too vague to date an event);
3. a sentence without a date of its own inherits the last date of its
   paragraph, else the date of a dated record (a letter's writing, a diary
   entry's day), else, in a running narrative, the last date of the previous
   paragraph — the way a reader carries a date forward;
4. undated clauses are kept only when they can take part in a conflict
   (a negated or affirmed predicate over named actors, or a count of the dead:
   "Seven people lost their lives", :func:`.parts.death_toll`).

What a claim keeps of its clause is :mod:`.parts`; the words the reader knows are
:mod:`.lexicon`; the dates a reader reckons that the tagger leaves open ("a week after
this", "at the age of 16", "On January 22" in a letter of 1929) are :mod:`.reckoning`.
Claims are stored as a layer of their source; :mod:`quellen.events` merges them across
the corpus.
"""
from __future__ import annotations

from .read import SourceReading, claims_for_source, claims_from_json, claims_to_json, extract_claims, read_source
from .reckoning import reckoned_timexes

__all__ = ["extract_claims", "claims_for_source", "read_source", "SourceReading", "reckoned_timexes", "claims_to_json",
           "claims_from_json"]
