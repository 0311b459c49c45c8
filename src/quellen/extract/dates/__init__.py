"""Dates: temporal expressions found in English text and normalized to intervals.

The tagger is a set of rules over the text (regular expressions on word
boundaries, checked by small functions), in four steps, one module each after
the lexicon (:mod:`.lexicon`) they share:

1. **find** (:mod:`.find`) candidates: absolute and partial dates, numeric dates, years, decades,
   centuries, seasons, parts of months and years, weekdays, ordinal days, times of
   day, durations, sets and relative expressions ("two days later", "last week"); a day is
   written in digits or in words ("the 22nd of December", "December the twenty-second"), one
   pattern for both (:func:`~.lexicon.day_re`), and a year in words only after "the year";
2. **choose** (:mod:`.find`) the longest non-overlapping candidates;
3. **merge** (:mod:`.merge`) calendar twins into one date: parenthetical ("October 25 (November 7,
   new style)") and slash pairs ("16/28 August 1813"), and complete a partial date
   with a year written later in the same sentence;
4. **anchor** (:mod:`.anchor`) in text order: the document's own date (``dct``) anchors deictic
   expressions ("today", "a month ago"); the reference time, which follows the last
   explicit date, anchors anaphoric ones ("the next day", "two days later") and
   dates without a year. A deictic word is its speaker's: in quoted speech it is
   anchored on the reference time (the narrated day), and in the body of an account
   dated only at its foot the writing date anchors nothing. Where nothing anchors a date, its interval widens over
   what is known (or it stays without a Date) — the tagger never guesses a year.
   Whose now an expression is told in (quoted speech, an account told after the
   fact, a diary heading without a year) is :mod:`.discourse`.

Each result carries the TIMEX3 type and value, a :class:`~quellen.model.Date` for
DATE/TIME (proleptic Gregorian interval, precision, calendar as written), and the
rule and the anchor that produced it. :func:`parse_date` reads an isolated string
such as a letter's date line. The public functions live in :mod:`.tagger`.
"""
from __future__ import annotations

from .anchor import Anchor, julian_hint
from .discourse import quote_spans, retrospective_body
from .lexicon import MONTHS
from .tagger import parse_date, tag, tag_documents, timex_json

__all__ = ["parse_date", "tag", "tag_documents", "timex_json", "quote_spans", "retrospective_body", "MONTHS", "Anchor",
           "julian_hint"]
