"""Text reuse: every passage copied, quoted, re-translated or paraphrased elsewhere.

:func:`find_reuse` is the whole recipe, each step a pure kernel of its own module:

1. **units** — every stored document (or a whole source without documents) is
   tokenized (:mod:`.normalize`): lower case, folded diacritics, numbers kept,
   offsets preserved; page furniture marked ``boilerplate`` is left out;
2. **candidates** (:mod:`.candidates`) — (a) shared word n-grams, with n-grams
   found in more than ``max_df`` places dropped as boilerplate; (b) shared
   character q-grams over the words written without spaces, sampled by hash and
   kept where they line up on one diagonal (they survive OCR noise); (c)
   co-occurring rare names and numbers, which survive translation; clustered per
   unit pair, and neighbouring fragments of one pair merged;
3. **verification** (:mod:`.align`, :mod:`.local`) — each cluster's window is
   aligned locally (Smith–Waterman, affine gaps, on characters), the best local
   alignment is the passage pair; scored and labelled, or rejected; a pair of two
   copies of a third is measured at the spans their two alignments give (:mod:`.copies`)
   where its own could not end elsewhere, so C whole copies take C-1 alignments;
4. **sentence embeddings** (:mod:`.embeddings`, extra ``[embeddings]``) — pairs of
   sentences that mean the same, aligned into passages, for re-translations and
   paraphrases the first two channels miss;
5. **repeated lines** — a whole line (a heading) found exactly twice is a verbatim
   repeat; found in many places it is page furniture and ignored;
6. **groups** (:mod:`.groups`) — links merged without weak chains, witnesses
   ordered (earliest dated, then fullest first), repeated short furniture dropped;
7. **collation** (:mod:`.collate`) — a CollateX-style word alignment per group.
"""
from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import Iterable

import numpy as np

from ..model import FURNITURE_PARTS, Date, Document, Passage, ReuseGroup, Source, Timex, content_id
from ..settings import ReuseSettings
from .align import Link, label, measure
from .candidates import Corpus, Unit, build_corpus, sorted_unique
from .collate import collate, collate_json
from .groups import RELATION_ORDER, Node, PairLink, group_links
from .normalize import Tokens, split_sentences, tokenize
from .partition import Mapper, lexical_links
from .retell import RetellSettings, SentenceDates, find_retellings

__all__ = ["find_reuse", "make_units", "iter_units", "witness_dates"]


def make_units(sources: Iterable[Source], documents: Iterable[Document]) -> tuple[list[Unit], dict[str, str]]:
    """Return the units to compare (one per document, or per source without documents) and texts by source."""
    texts: dict[str, str] = {}
    units = list(iter_units(sources, documents, texts))
    return units, texts


def iter_units(sources: Iterable[Source], documents: Iterable[Document],
               texts: dict[str, str] | None = None) -> Iterator[Unit]:
    """Return the units of :func:`make_units` one at a time, reading ``sources`` as they come.

    With ``texts``, each source's text is put there under its id as it is read.
    """
    by_source: dict[str, list[Document]] = defaultdict(list)
    for document in documents:
        by_source[document.source].append(document)
    index = 0
    for source in sources:
        if texts is not None:
            texts[source.id] = source.text
        docs = sorted(by_source.pop(source.id, []), key=lambda d: d.char_start)
        if not docs:
            yield Unit(index, source.id, None, 0, len(source.text), tokenize(source.text))
            index += 1
            continue
        above = None
        for d in docs:
            if d.kind == "boilerplate":
                continue
            author = (d.author.entity or d.author.name) if d.author else None
            heads = tuple((h.char_start, h.char_end, h.part) for h in d.heads if h.part != "announcement")
            yield Unit(index, source.id, d.id, d.char_start, d.char_end,
                       _unnamed_heads(tokenize(source.text, d.char_start, d.char_end), heads), d.kind,
                       _earliest(_witness_date(d, above)), author=author, heads=heads)
            above = d
            index += 1


def witness_dates(documents: Iterable[Document]) -> dict[str, Date]:
    """Return {document id: the date its passages are ordered by among a group's witnesses (by its earliest
    day)}: its own, else that of a dated heading right above it (:func:`_witness_date`); undated ones are left out.

    A reader shows it beside a witness whose own date is empty, so that the order of the witnesses is seen.
    """
    by_source: dict[str, list[Document]] = defaultdict(list)
    for document in documents:
        by_source[document.source].append(document)
    out: dict[str, Date] = {}
    for docs in by_source.values():
        above = None
        for d in sorted(docs, key=lambda d: d.char_start):
            if d.kind == "boilerplate":
                continue
            day = _witness_date(d, above)
            if day is not None:
                out[d.id] = day
            above = d
    return out


def _witness_date(document: Document, above: Document | None) -> Date | None:
    """Return ``document``'s date, by whose earliest day its witnesses are ordered; for an undated document,
    that of a dated heading right above it (a web article's byline or dateline, "By A · 14 March 2024", set
    apart from the text it dates), else None."""
    if document.date:
        return document.date
    if above is not None and above.kind == "heading" and above.date and above.char_end <= document.char_start:
        return above.date
    return None


def _earliest(date: Date | None) -> dt.date | None:
    return date.earliest if date else None


def _unnamed_heads(tokens: Tokens, heads: tuple[tuple[int, int, str], ...]) -> Tokens:
    """Return ``tokens`` with the names in head lines not marked as names: two letters of one writer to one
    friend share those names in their headers and signatures, which are no evidence of a translated text."""
    if heads:
        for k, at in enumerate(tokens.starts):
            if tokens.capital[k] and any(a <= at < b for a, b, _ in heads):
                tokens.capital[k] = False
    return tokens


def find_reuse(sources: Iterable[Source], documents: Iterable[Document],
               settings: ReuseSettings | None = None, embeddings: bool | None = None,
               timexes: Iterable[Timex] = (), partitions: int = 1,
               mapper: Mapper | None = None, texts: Mapping[str, str] | None = None,
               collation_text: bool = False) -> list[ReuseGroup]:
    """Return the reuse groups of the corpus, strongest first.

    ``embeddings`` overrides ``settings.embeddings`` (None: follow the settings);
    when asked for but not installed, a warning says that recall is reduced.
    ``timexes`` (the stored date layer) let two retellings of one dated detail meet
    on their normalised dates; without them that evidence is not used.

    Candidates and verification run in ``partitions`` hash partitions and pair batches
    (at least; more for a large corpus), on ``mapper`` (:mod:`.partition`: this process
    when None, else an engine's workers); the groups are the same for any of them.

    ``texts`` (source id -> its text, e.g. read from a store when asked for) lets ``sources``
    be a stream: each source is tokenized as it comes and its text is not kept; without
    them, every text read is held. With ``collation_text`` each group's collation is its JSON
    text (:func:`quellen.vocab.json_text`, what the store writes), not the dict: a group of
    whole copies has a cell per token and witness, several hundred bytes each as a dict.
    """
    settings = settings or ReuseSettings()
    if texts is None:
        texts = {}
        corpus = build_corpus(iter_units(sources, documents, texts))
    else:
        corpus = build_corpus(iter_units(sources, documents))
    if not corpus.units:
        return []
    # a seed found in more places than this is boilerplate; the bound grows with the corpus
    # (sqrt) but stops at seed_max_df, so the pairs of one seed stay bounded and the pairs of
    # all seeds grow with the corpus, not with its square
    max_df = settings.max_df or min(max(8, int(math.sqrt(len(corpus.units)))), settings.seed_max_df)
    # steps 2-3: word n-grams, character q-grams and anchors, clustered, fragments merged, aligned:
    # matched in hash partitions, verified in batches of unit pairs (.partition), the same for any count
    links = lexical_links(corpus, settings, max_df, partitions, mapper)
    # step 4: sentence embeddings
    use = settings.embeddings if embeddings is None else embeddings
    if use:
        from . import embeddings as emb
        if emb.available(settings.embedding_model, settings.embedding_backend):
            sentences = _sentences(corpus, texts, settings)
            vectors = _encode_distinct(corpus, texts, sentences, settings)
            found = _embedding_links(corpus, settings, links, sentences, vectors)
            # step 4b: single retold details, after the runs so they only add what is new
            dates = _sentence_dates(corpus, sentences, timexes)
            found.extend(_retelling_links(corpus, settings, links + found, sentences, vectors, dates))
            links.extend(found)
        else:
            emb.warn_missing()
    # step 5: repeated whole lines
    links.extend(_line_links(corpus, texts, settings))
    # step 6: groups (two letters' formulas alike, "I am, dear Sir," or their headers, are not reuse)
    links = [lk for lk in links if not _formula_pair(corpus, lk)]
    pair_links = [PairLink(Node(lk.a, lk.a_lo, lk.a_hi), Node(lk.b, lk.b_lo, lk.b_hi), lk.relation, lk.score)
                  for lk in links]
    # copies and renderings of one text form groups; retellings (paraphrase, summary) are
    # grouped among themselves, so a paraphrase never chains two different copies together
    close = [pl for pl in pair_links if pl.relation in ("verbatim", "near_verbatim", "retranslation")]
    loose = [pl for pl in pair_links if pl.relation not in ("verbatim", "near_verbatim", "retranslation")]
    groups = {}
    for nodes, group_links_ in group_links(close) + group_links(loose):
        if _is_furniture(nodes, settings):
            continue
        group = _reuse_group(corpus, texts, nodes, group_links_, collation_text)
        # the id is the hash of the passages: one group per set of passages, the closer relation
        # (copies come first) kept, so ids are unique and the same on every rebuild
        groups.setdefault(group.id, group)
    groups = sorted(groups.values(), key=lambda g: (-g.score, g.id))
    return groups


def _encode_distinct(corpus: Corpus, texts: dict[str, str], sentences: list[tuple[int, int, int]],
                     settings: ReuseSettings) -> np.ndarray:
    """Return the embeddings of ``sentences``, row for row, each distinct wording encoded once.

    A compilation repeats what it copies: a sentence written the same way in several texts
    goes through the encoder once (known by a digest of its text, so the strings are still
    streamed, never all held), and its row is shared.
    """
    import hashlib

    from . import embeddings as emb
    first: dict[bytes, int] = {}
    row_of = np.empty(len(sentences), dtype=np.int64)
    fresh: list[int] = []
    for k, (u, lo, hi) in enumerate(sentences):
        digest = hashlib.blake2b(_sentence_text(corpus, texts, u, lo, hi).encode(), digest_size=16).digest()
        row = first.setdefault(digest, len(first))
        if row == len(fresh):
            fresh.append(k)
        row_of[k] = row
    strings = (_sentence_text(corpus, texts, *sentences[k]) for k in fresh)
    vectors = emb.encode(strings, settings.embedding_model, settings.embedding_backend)
    return vectors[row_of] if len(fresh) < len(sentences) else vectors

def _sentence_text(corpus: Corpus, texts: Mapping[str, str], u: int, lo: int, hi: int) -> str:
    """Return the text of tokens ``lo:hi`` of unit ``u``, from its first letter to its last."""
    base = int(corpus.offsets[u])
    return texts[corpus.units[u].source][int(corpus.starts[base + lo]):int(corpus.ends[base + hi - 1])]


def _sentences(corpus: Corpus, texts: dict[str, str], settings: ReuseSettings) -> list[tuple[int, int, int]]:
    """Return the sentences worth embedding as (unit, first token, end token).

    Only sentences that can change an answer: every rule that links two sentences by
    meaning also asks for a rare word, name or number in common (:mod:`.retell`,
    :func:`_embedding_links`), so a sentence none of whose rare words (cut to their stem)
    occurs in another text is never embedded. There is no cap: a corpus of any size
    gets every such sentence.
    """
    shared = _shared_rare_words(corpus, settings.retell_rare_share)
    sentences: list[tuple[int, int, int]] = []
    for unit in corpus.units:
        if not corpus.length(unit.index):
            continue
        starts = corpus.starts[corpus.offsets[unit.index]:corpus.offsets[unit.index + 1]]
        for s, e in split_sentences(texts[unit.source], unit.char_start, unit.char_end):
            lo = int(np.searchsorted(starts, s))
            hi = int(np.searchsorted(starts, e))
            # shorter "sentences" are headings and datelines: alike by form
            if hi - lo >= 8 and shared[corpus.span_ids(unit.index, lo, hi)].any():
                sentences.append((unit.index, lo, hi))
    return sentences


def _shared_rare_words(corpus: Corpus, rare_share: float, stem: int = 6) -> np.ndarray:
    """Return a bool per token id: a rare word (or name, or number) whose stem occurs in two texts or more.

    Rare as :func:`.retell.rare_stems` counts it: not a function word, in at most
    ``rare_share`` of the texts; anchors (rare names and numbers) always count.
    """
    words = corpus.words
    n = len(corpus.units)
    if not words:
        return np.zeros(0, dtype=bool)
    stems: dict[str, int] = {}
    stem_of = np.fromiter((stems.setdefault(w if any(c.isdigit() for c in w) else w[:stem], len(stems))
                           for w in words), dtype=np.int64, count=len(words))
    per_token = stem_of[corpus.ids]
    pairs = sorted_unique(corpus.unit_of.astype(np.int64) * len(stems) + per_token)
    stem_df = np.bincount(pairs % len(stems), minlength=len(stems))[stem_of]
    long_enough = np.fromiter((len(w) >= 3 or any(c.isdigit() for c in w) for w in words), dtype=bool,
                              count=len(words))
    rare = ~corpus.common & long_enough & (stem_df >= 2) & (stem_df <= max(2, rare_share * n))
    return rare | corpus.is_anchor


def _embedding_links(corpus: Corpus, settings: ReuseSettings, known: list[Link],
                     sentences: list[tuple[int, int, int]], vectors: np.ndarray) -> list[Link]:
    """Return links between runs of sentences that embed close together (re-translations, paraphrases)."""
    if len(sentences) < 2:
        return []
    unit_of = np.asarray([s[0] for s in sentences])
    # texts that quote each other also retell each other: near a strong lexical link
    # (same wording or another rendering), a lower similarity is enough
    strong = defaultdict(list)
    for lk in known:
        if lk.relation in ("verbatim", "near_verbatim", "retranslation"):
            strong[(lk.a, lk.b)].append((lk.a_lo, lk.a_hi, lk.b_lo, lk.b_hi))
            strong[(lk.b, lk.a)].append((lk.b_lo, lk.b_hi, lk.a_lo, lk.a_hi))
    window = settings.related_window

    def related(i: int, j: int) -> bool:
        (ua, alo, ahi), (ub, blo, bhi) = sentences[i], sentences[j]
        return any(alo < xhi + window and xlo - window < ahi and blo < yhi + window and ylo - window < bhi
                   for xlo, xhi, ylo, yhi in strong.get((ua, ub), ()))

    threshold = min(settings.embedding_threshold, settings.related_threshold)
    matches: dict[tuple[int, int], list[tuple[int, int, float]]] = defaultdict(list)
    block = 1024
    for start in range(0, len(sentences), block):
        sims = vectors[start:start + block] @ vectors.T
        for r in range(sims.shape[0]):
            i = start + r
            row = sims[r]
            row[: i + 1] = -1  # each pair once, never a sentence with itself
            js = np.nonzero(row >= threshold)[0]
            for j in js.tolist():
                if unit_of[j] == unit_of[i] and sentences[j][1] - sentences[i][2] < 40:
                    continue  # neighbouring sentences of one text say related things, not the same
                if row[j] < settings.embedding_threshold and not related(i, j):
                    continue
                matches[(int(unit_of[i]), int(unit_of[j]))].append((i, j, float(row[j])))
    covered = defaultdict(list)
    for lk in known:
        covered[(lk.a, lk.b)].append(lk)
    links = []
    for (ua, ub), pairs in matches.items():
        for run in _runs(pairs):
            a_lo = min(sentences[i][1] for i, _, _ in run)
            a_hi = max(sentences[i][2] for i, _, _ in run)
            b_lo = min(sentences[j][1] for _, j, _ in run)
            b_hi = max(sentences[j][2] for _, j, _ in run)
            if ua == ub and a_hi > b_lo and b_hi > a_lo:
                continue
            if any(_overlap(lk.a_lo, lk.a_hi, a_lo, a_hi) and _overlap(lk.b_lo, lk.b_hi, b_lo, b_hi)
                   for lk in covered.get((ua, ub), ())):
                continue  # the lexical channel found it already, with better spans
            similarity = sum(s for _, _, s in run) / len(run)
            m = measure(corpus, ua, a_lo, a_hi, ub, b_lo, b_hi)
            if not m.shared_plain and not m.shared_anchors:
                continue  # close in meaning, no rare word in common: the same topic, or one formula
            # one sentence alone must be very close or share names; a run of sentences is evidence itself
            if (len(run) == 1 and similarity < settings.embedding_single and m.anchors < 0.5
                    and not related(run[0][0], run[0][1])):
                continue
            verdict = label(m, exact=False)
            if verdict is None or verdict[0] in ("verbatim", "near_verbatim"):
                relation = "retranslation" if similarity >= 0.85 and m.length_ratio >= 0.6 else "paraphrase"
                if m.length_ratio < 0.4:
                    relation = "summary"
                verdict = (relation, round(similarity * 0.9, 4))
            links.append(Link(ua, a_lo, a_hi, ub, b_lo, b_hi, *verdict))
    return links


def _sentence_dates(corpus: Corpus, sentences: list[tuple[int, int, int]],
                    timexes: Iterable[Timex]) -> list[SentenceDates] | None:
    """Return each sentence's resolved dates (ordinal interval and char span of each timex), or None without any."""
    by_source: dict[str, list[tuple[int, int, int, int]]] = defaultdict(list)
    for t in timexes:
        # only dates the tagger resolved to the calendar; "now", "lately" and durations are no anchors
        if t.date is None or t.type != "DATE" or not t.value[:1].isdigit():
            continue
        by_source[t.source].append((t.char_start, t.char_end, t.date.earliest.toordinal(),
                                    t.date.latest.toordinal()))
    if not by_source:
        return None
    for found in by_source.values():
        found.sort()
    out: list[SentenceDates] = []
    for u, lo, hi in sentences:
        unit = corpus.units[u]
        base = int(corpus.offsets[u])
        start, end = int(corpus.starts[base + lo]), int(corpus.ends[base + hi - 1])
        out.append(tuple((e0, e1, s, e) for s, e, e0, e1 in by_source.get(unit.source, ()) if start <= s < end))
    return out


def _retelling_links(corpus: Corpus, settings: ReuseSettings, known: list[Link],
                     sentences: list[tuple[int, int, int]], vectors: np.ndarray,
                     dates: list[SentenceDates] | None = None) -> list[Link]:
    """Return links between single sentences that retell one detail in other words (:mod:`.retell`)."""
    if len(sentences) < 2 or not settings.retell:
        return []
    covered = defaultdict(list)
    for lk in known:
        covered[(lk.a, lk.b)].append((lk.a_lo, lk.a_hi, lk.b_lo, lk.b_hi))
        covered[(lk.b, lk.a)].append((lk.b_lo, lk.b_hi, lk.a_lo, lk.a_hi))

    near = settings.retell_adjacent

    def found_already(i: int, j: int) -> bool:
        # a sentence next to a passage already linked (the heading of a quoted document, the
        # line that introduces a quotation) belongs to that reuse: linking it again says nothing new
        (ua, alo, ahi), (ub, blo, bhi) = sentences[i], sentences[j]
        return any(_overlap(xlo - near, xhi + near, alo, ahi) and _overlap(ylo - near, yhi + near, blo, bhi)
                   for xlo, xhi, ylo, yhi in covered.get((ua, ub), ()))

    params = RetellSettings(threshold=settings.retell_threshold, threshold_word=settings.retell_word_threshold,
                            threshold_alone=settings.embedding_single,
                            min_shared=settings.retell_min_shared, rare_share=settings.retell_rare_share,
                            threshold_dated=settings.retell_dated_threshold,
                            threshold_rich=settings.retell_rich_threshold)
    links = []
    for r in find_retellings(corpus, sentences, vectors, params, exclude=found_already, dates=dates):
        (ua, alo, _), (ub, blo, _) = sentences[r.i], sentences[r.j]
        ahi = sentences[max(r.i, r.i_end)][2]
        bhi = sentences[max(r.j, r.j_end)][2]
        m = measure(corpus, ua, alo, ahi, ub, blo, bhi)
        relation = "summary" if m.length_ratio < 0.4 else "paraphrase"
        links.append(Link(ua, alo, ahi, ub, blo, bhi, relation, round(r.similarity * 0.8, 4)))
    return links


def _runs(pairs: list[tuple[int, int, float]], gap: int = 2) -> list[list[tuple[int, int, float]]]:
    """Return sentence matches of one unit pair chained into runs (nearby on both sides)."""
    runs: list[list[tuple[int, int, float]]] = []
    for i, j, s in sorted(pairs):
        for run in runs:
            if i - run[-1][0] <= gap and any(abs(j - jj) <= gap for _, jj, _ in run):
                run.append((i, j, s))
                break
        else:
            runs.append([(i, j, s)])
    return runs


def _overlap(a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> bool:
    return a_lo < b_hi and b_lo < a_hi


def _line_links(corpus: Corpus, texts: dict[str, str], settings: ReuseSettings) -> list[Link]:
    """Return verbatim links between whole lines (headings) that occur exactly twice."""
    seen: dict[tuple[str, ...], list[tuple[int, int, int]]] = defaultdict(list)
    for unit in corpus.units:
        if not corpus.length(unit.index):
            continue
        toks = corpus.tokens(unit.index)
        text = texts[unit.source]
        lo = 0
        while lo < len(toks):
            line_end = text.find("\n", toks.starts[lo], unit.char_end)
            line_end = unit.char_end if line_end < 0 else line_end
            hi = lo
            while hi < len(toks) and toks.starts[hi] < line_end:
                hi += 1
            line_start = text.rfind("\n", unit.char_start, toks.starts[lo]) + 1
            whole = not text[max(line_start, unit.char_start):toks.starts[lo]].strip(" \t\"'\u201c\u2018(")
            if whole and settings.line_min_tokens <= hi - lo <= settings.line_max_tokens:
                seen[tuple(toks.words[lo:hi])].append((unit.index, lo, hi))
            lo = max(hi, lo + 1)
    links = []
    for places in seen.values():
        if len(places) == 2 and (places[0][0] != places[1][0] or places[1][1] >= places[0][2]):
            (ua, alo, ahi), (ub, blo, bhi) = places
            links.append(Link(ua, alo, ahi, ub, blo, bhi, "verbatim", 1.0))
    return links


def _in_heads(corpus: Corpus, u: int, lo: int, hi: int, parts: frozenset[str] | None) -> bool:
    """Return True when every token ``lo:hi`` of unit ``u`` lies in one of its head lines (of ``parts``; None: any)."""
    heads = [(a, b) for a, b, part in corpus.units[u].heads if parts is None or part in parts]
    if not heads or hi <= lo:
        return False
    toks = corpus.tokens(u)
    return all(any(a <= toks.starts[k] < b for a, b in heads) for k in range(lo, hi))


def _formula_pair(corpus: Corpus, link: Link) -> bool:
    """Return True for a link between two documents' formulas only: date lines, salutations, valedictions
    and signatures; their title lines too where both are letters of one writer in one source (headed alike,
    "A to B."): elsewhere a heading printed twice is a copy."""
    a, b = corpus.units[link.a], corpus.units[link.b]
    alike = a.source == b.source and a.kind == b.kind == "letter" and a.author is not None and a.author == b.author
    parts = None if alike else FURNITURE_PARTS
    return _in_heads(corpus, link.a, link.a_lo, link.a_hi, parts) and \
        _in_heads(corpus, link.b, link.b_lo, link.b_hi, parts)


def _is_furniture(nodes: list[Node], settings: ReuseSettings) -> bool:
    """Return True for page furniture: a short passage repeated in many places."""
    if len(nodes) < settings.boilerplate_witnesses:
        return False
    lengths = sorted(node.hi - node.lo for node in nodes)
    return lengths[len(lengths) // 2] < 30


def _reuse_group(corpus: Corpus, texts: Mapping[str, str], nodes: list[Node],
                 links: list[PairLink], collation_text: bool = False) -> ReuseGroup:
    """Return the :class:`ReuseGroup` of ``nodes``: witnesses ordered, relation, score, collation."""
    def order(node: Node):
        unit = corpus.units[node.unit]
        date = unit.date
        return (date is None, date.toordinal() if date else 0, -(node.hi - node.lo), unit.source,
                int(corpus.starts[corpus.offsets[node.unit] + node.lo]))

    nodes = sorted(nodes, key=order)
    passages = []
    witnesses = []
    witness_texts = []
    for node in nodes:
        unit = corpus.units[node.unit]
        toks = corpus.tokens(node.unit, node.lo, node.hi)
        to_first = _relation_to_first(node, nodes[0], links) if node is not nodes[0] else None
        passages.append(Passage(unit.source, unit.document, toks.starts[0], toks.ends[-1], to_first))
        witnesses.append(toks)
        witness_texts.append(texts[unit.source])
    relation = max((lk.relation for lk in links), key=RELATION_ORDER.index)
    score = round(sum(lk.score for lk in links) / len(links), 4)
    sigla = [_siglum(k) for k in range(len(nodes))]
    # the JSON text written directly: the same bytes as json_text of the dict, without the dict
    table = (collate_json if collation_text else collate)(sigla, witness_texts, witnesses)
    group_id = content_id("reuse", *((p.source, p.char_start, p.char_end) for p in passages))
    return ReuseGroup(group_id, relation, score, tuple(passages), table)


def _relation_to_first(node: Node, first: Node, links: list[PairLink]) -> str | None:
    """Return how the witness ``node`` repeats the group's ``first`` one: the closest relation of the links
    joining the two, or of any link of ``node`` when none does (None when it has no link)."""
    def holds(group_node: Node, end: Node) -> bool:
        return group_node.unit == end.unit and group_node.lo < end.hi and end.lo < group_node.hi

    own = [(lk, lk.b if holds(node, lk.a) else lk.a) for lk in links if holds(node, lk.a) or holds(node, lk.b)]
    direct = [lk.relation for lk, other in own if holds(first, other)]
    relations = direct or [lk.relation for lk, _ in own]
    return min(relations, key=RELATION_ORDER.index) if relations else None


def _siglum(k: int) -> str:
    """Return the witness siglum for position ``k``: A..Z, then A1, B1..."""
    letter = chr(ord("A") + k % 26)
    return letter if k < 26 else f"{letter}{k // 26}"
