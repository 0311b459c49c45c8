"""Text reuse: candidates, verification, groups, collation, the CLI, and the seed floors."""
from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings as hsettings, strategies as st

from quellen.model import Document, Source
from quellen.reuse import find_reuse
from quellen.reuse.normalize import fold, split_sentences, tokenize
from quellen.settings import ReuseSettings

FIX = Path(__file__).parent / "fixtures" / "reuse"


def _source(name: str, text: str | None = None) -> Source:
    text = text if text is not None else (FIX / name).read_text(encoding="utf-8")
    return Source(Source.make_id(name.ljust(16, "0").encode().hex()), name, name, "text/plain", text)


def _find(*sources: Source, documents=(), **kw) -> list:
    return find_reuse(list(sources), list(documents), ReuseSettings(**kw), embeddings=False)


# -- normalize -------------------------------------------------------------------------
def test_fold_lowercases_and_strips_diacritics_but_keeps_numbers():
    assert fold("Étienne") == "etienne"
    assert fold("GÉRÉON") == "gereon"
    assert fold("1672") == "1672"


@hsettings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_tokens_point_back_into_the_text(text):
    toks = tokenize(text)
    for word, s, e in zip(toks.words, toks.starts, toks.ends):
        assert 0 <= s < e <= len(text)
        assert fold(text[s:e]) == word


def test_sentences_split_at_full_stops_and_keep_offsets():
    text = "The dike broke. Men came with spades! Was it closed? Yes."
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["The dike broke.", "Men came with spades!",
                                             "Was it closed?", "Yes."]


# -- finding ---------------------------------------------------------------------------
def test_ocr_noisy_copy_inside_a_longer_text_is_found_at_its_span():
    a, b = _source("chronicle_1672.txt"), _source("gazette_1701.txt")
    groups = _find(a, b)
    assert len(groups) == 1
    g = groups[0]
    assert g.relation == "near_verbatim"
    by_source = {p.source: p for p in g.passages}
    pa, pb = by_source[a.id], by_source[b.id]
    assert a.text[pa.char_start:pa.char_end].startswith("In the year 1672")
    assert a.text[pa.char_start:pa.char_end].endswith("from Zwolle")
    copied = b.text[pb.char_start:pb.char_end]
    assert copied.startswith("In the year l672") and copied.endswith("from Zwolle")
    assert "Thus far" not in copied and "passage" not in copied


_PASSAGE = ("The commissioners of the dikes met at the town hall on the morning after the flood and heard "
            "the reports of the wardens of every polder. The wardens told how the water had broken through "
            "the old embankment near the brickworks, how the pumping mills had stood idle for want of wind, "
            "and how the farmers had driven their cattle onto the church mound. It was resolved that every "
            "household should send one labourer with a spade, that the miller should be paid for three "
            "days of work, and that the breach should be closed before the spring tide.")
_HOST = ("Letters from the provinces reached the printer late that week, and the editor filled the page "
         "with notices of auctions, prices of grain at the exchange and a sermon preached at the cathedral. ")


def _ocr(text: str, rate: float, seed: int = 3) -> str:
    """Return ``text`` with OCR-like noise: wrong, lost and doubled letters, split and merged words."""
    import random
    rng = random.Random(seed)
    out = []
    for ch in text:
        r = rng.random()
        if r >= rate:
            out.append(ch)
        elif ch == " ":
            out.append("" if r < rate / 2 else " ")
        else:
            kind = rng.random()
            out.append(rng.choice("aceilnorstu1") if kind < 0.6 else "" if kind < 0.8
                       else ch + rng.choice("eo") if kind < 0.9 else ch + " ")
    return "".join(out)



@pytest.mark.parametrize("block", [1, 40, 400])
def test_character_seeds_hashed_block_by_block_are_those_of_one_pass(block):
    # the q-grams are hashed a few units at a time so that memory follows the block, not the
    # corpus (issue 13): any cut at unit boundaries must give the seeds of one pass
    from quellen.reuse import make_units
    from quellen.reuse.candidates import build_corpus, char_keys
    texts = [_HOST + _PASSAGE, "Thus the minutes. " + _ocr(_PASSAGE, 0.05), _ocr(_PASSAGE, 0.10, seed=5) + " End.",
             "Nothing shared here at all, only other words about the weather."]
    units, _ = make_units([_source(f"{k}.txt", t) for k, t in enumerate(texts)], [])
    corpus = build_corpus(units)
    keys, tokens = char_keys(corpus, block=1 << 30)
    in_blocks = char_keys(corpus, block=block)
    assert len(keys) and np.array_equal(in_blocks[0], keys) and np.array_equal(in_blocks[1], tokens)

@pytest.mark.parametrize("rate", [0.10, 0.15])
def test_a_copy_through_heavy_ocr_noise_is_one_passage_pair_covering_it(rate):
    # at 10 % noise a word 5-gram survives in ~4 % of places: the first finder saw fragments or
    # nothing; character q-gram seeds and a local alignment find the copy whole
    noisy = _ocr(_PASSAGE, rate)
    a = _source("a.txt", _HOST + _PASSAGE + " The clerk added the names of the wardens below.")
    b = _source("b.txt", "Thus the minutes of that year. " + noisy + " Nothing else of note was written.")
    groups = _find(a, b)
    assert len(groups) == 1
    g = groups[0]
    by_source = {p.source: p for p in g.passages}
    pa, pb = by_source[a.id], by_source[b.id]
    start = a.text.index(_PASSAGE)
    covered = min(pa.char_end, start + len(_PASSAGE)) - max(pa.char_start, start)
    assert covered >= 0.9 * len(_PASSAGE) and pa.char_end - pa.char_start <= 1.1 * len(_PASSAGE)
    nstart = b.text.index(noisy)
    covered = min(pb.char_end, nstart + len(noisy)) - max(pb.char_start, nstart)
    assert covered >= 0.9 * len(noisy)
    assert "Nothing else" not in b.text[pb.char_start:pb.char_end]


def test_fragments_of_one_copy_are_merged_into_one_passage_pair():
    # a copy whose middle sentence is reworded: the seeds stop there, the alignment goes across
    sentences = _PASSAGE.split(". ")
    sentences[2] = ("and how the peasants led their cows and oxen up to the high ground around the chapel "
                    "where they stayed for two nights")
    copy = _ocr(". ".join(sentences), 0.05)
    a = _source("a.txt", _HOST + _PASSAGE)
    b = _source("b.txt", copy + " The rest of the page is torn away.")
    groups = _find(a, b, gap=10)
    assert len(groups) == 1 and len(groups[0].passages) == 2


def test_local_alignment_finds_the_agreeing_stretch_and_cuts_edge_words():
    from quellen.reuse.local import align_local, align_tokens
    x, y = "noise noise the quick brown fox", "zz the quikc brown fox yy"
    found = align_local(x, y)
    assert (x[found.x_start:found.x_end].strip(), y[found.y_start:found.y_end].strip()) == \
        ("the quick brown fox", "the quikc brown fox")
    assert 0.5 < found.identity < 1.0
    assert align_local("abc", "xyz") is None
    # "the" after the copy matches the first letters of "thus": the word is not part of it
    x_words = "bags of sand brought from zwolle the harvest".split()
    y_words = "bags of sand brought from zwolle thus far".split()
    assert align_tokens(x_words, y_words)[:4] == (0, 6, 0, 6)


def test_local_alignment_kernel_gives_the_saturating_striped_kernels_score_and_end_cell():
    # 16 and 32 bits, ties (a repeated word) and a window long enough to leave 8 bits
    import random

    import parasail

    from quellen.reuse.local import _SHORT_16, GAP_EXTEND, GAP_OPEN, _clean, _matrix, _sw
    rng = random.Random(7)
    words = ["".join(rng.choice("abcdefghij") for _ in range(rng.randint(1, 6))) for _ in range(600)]
    copy = [w if rng.random() > 0.05 else w[::-1] + "x" for w in words]
    cases = [("the cat the cat", "the cat"), (" ".join(words), " ".join(copy)),
             (" ".join(words[:80]), " ".join(copy[40:200])), ("a" * (_SHORT_16 + 5), "a" * 20 + "b" * 30)]
    for x, y in cases:
        x, y = _clean(x), _clean(y)
        want = parasail.sw_striped_sat(x, y, GAP_OPEN, GAP_EXTEND, _matrix())
        got = _sw(x, y, _matrix())
        assert (got.score, got.end_query, got.end_ref) == (want.score, want.end_query, want.end_ref)


def test_copy_without_accents_is_verbatim_after_folding():
    groups = _find(_source("memoire_1790.txt"), _source("registre_1791.txt"))
    assert [g.relation for g in groups] == ["verbatim"]


def test_unrelated_texts_sharing_stock_phrases_are_not_reuse():
    stock = "by the grace of god and the favour of the council "
    texts = [f"Letter {i}. {stock} the miller of hamlet{i} sold {i * 7} sacks of barley to farmer{i}, "
             f"who paid in copper coin{i} before the wedding of his cousin{i}." for i in range(12)]
    sources = [_source(f"l{i}.txt", t) for i, t in enumerate(texts)]
    assert _find(*sources) == []


def test_repeated_page_header_is_boilerplate_not_reuse():
    header = "PROCEEDINGS OF THE ROYAL AGRICULTURAL SOCIETY OF THE NORTHERN COUNTIES"
    sources = [_source(f"p{i}.txt", f"{header}\n\nPage {i}: the heifer{i} weighed {400 + i} pounds "
                                    f"at the show of farmer{i} near brook{i}.")
               for i in range(7)]
    assert _find(*sources) == []


def test_heading_printed_twice_is_a_verbatim_repeat():
    a = _source("a.txt", "The Siege of the Harbour Fort\n\nThe garrison held out for nine weeks.")
    b = _source("b.txt", "The Siege of the Harbour Fort\n\nA later account says the fleet arrived late.")
    groups = _find(a, b)
    assert [g.relation for g in groups] == ["verbatim"]


def test_reuse_within_one_document_is_found():
    para = ("The council resolved that the old bridge over the mill stream shall be pulled down "
            "and a new one of stone built in its place at the cost of the parish.")
    filler = " ".join(f"Item {i}: the sexton was paid for ringing the bell on feast {i}." for i in range(40))
    text = f"{para}\n\n{filler}\n\nAs the minutes say: {para}"
    groups = _find(_source("minutes.txt", text))
    assert len(groups) == 1 and len(groups[0].passages) == 2
    first, second = sorted(groups[0].passages, key=lambda p: p.char_start)
    assert first.char_end <= second.char_start


def test_a_title_or_address_said_twice_is_not_reuse():
    # two letters of 1788 to the same body: the long title of the addressee is shared word for
    # word, the letters themselves are not (names and function words only in common)
    title = "to the Lords of the Admiralty of the Province of Zeeland and the Council of State at The Hague"
    a = _source("a.txt", f"A humble address {title}. The harbour master reports that the pilots of the "
                         "river mouth refuse to sail at night for want of lanterns on the sand banks.")
    b = _source("b.txt", f"A petition {title}. The widows of the drowned fishermen ask that their sons be "
                         "excused from service on the warships until the herring season is over.")
    assert _find(a, b) == []


def test_two_letters_alike_only_in_their_header_and_formulas_are_not_reuse():
    from quellen.model import Head, Ref
    letters = [("LETTER I.\nMr. Amos Lowe to the Rev. John Ayre.\nCarlisle, 11th March, 1794.\nReverend Sir,\n"
                "The assizes keep me at my desk all day and half the night with the clerks, so that I have not "
                "read a page of the sermons you lent me. My wife begs to be remembered to Mrs. Ayre and hopes "
                "the cough is mended now the frost has broken.\n"
                "I remain, Reverend Sir,\nyour most humble servant,\nAmos Lowe."),
               ("LETTER II.\nMr. Amos Lowe to the Rev. John Ayre.\nCarlisle, 19th May, 1794.\nReverend Sir,\n"
                "The volunteers were reviewed on the marsh on Thursday and made a tolerable figure, though one of "
                "the drums was drunk and could not be found. Dr. Birch desires a copy of your table of "
                "christenings, which he calls the most curious thing he has seen this twelvemonth.\n"
                "I remain, Reverend Sir,\nyour most humble servant,\nAmos Lowe.")]
    text = "\n\n".join(letters)
    source = _source("letters.txt", text)
    docs, at = [], 0
    for letter in letters:
        start = text.index(letter, at)
        lines, heads, pos = letter.split("\n"), [], start
        for k, line in enumerate(lines):
            part = {0: "title", 1: "title", 2: "dateline", 3: "salutation", 5: "closing", 6: "closing",
                    7: "signature"}.get(k)
            if part:
                heads.append(Head(part, pos, pos + len(line), line))
            pos += len(line) + 1
        docs.append(Document(Document.make_id(source.id, start, start + len(letter)), source.id, start,
                             start + len(letter), "letter", author=Ref("Amos Lowe"), heads=tuple(heads)))
        at = start + len(letter)
    assert _find(source, documents=docs) == []
    # without the heads the header and the valediction are found, as before
    bare = [Document(d.id, d.source, d.char_start, d.char_end, "letter", author=d.author) for d in docs]
    assert _find(source, documents=bare) != []


def test_a_text_naming_its_people_again_does_not_translate_itself():
    # a report that names the same four people and a sum twice, in two different sentences,
    # a second file that names them too (so that they are rare names shared across texts), and
    # a third that copies the report's last sentence: the copy is the one link, the report's two
    # sentences naming the same people are not a translation of each other, nor is the second file
    names = "Okonkwo, Adeyemi, Balogun and Eze"
    last = f"When the rains ended {names} were set free after paying 240 pounds to the treasury."
    text = (f"The district officer summoned {names} to the court house over the 240 pounds of palm oil. "
            + " ".join(f"Market day {i} passed quietly near the river landing." for i in range(12))
            + " " + last)
    report = _source("report.txt", text)
    other = _source("b.txt", f"The mission school admitted {names} in 1931, and 240 pupils in all.")
    copy = _source("c.txt", f"From the station diary of that year, copied by a clerk: {last} The clerk "
                            "added nothing of his own about the harvest.")
    groups = _find(report, other, copy)
    assert [sorted(p.source for p in g.passages) for g in groups] == [sorted([report.id, copy.id])], groups
    (in_report,) = [p for p in groups[0].passages if p.source == report.id]
    assert text[in_report.char_start:in_report.char_end] == last.rstrip(".")


def test_short_translation_keeps_names_in_order_and_namesakes_do_not():
    # a 1653 council minute and its English rendering in a later history: three names and a
    # figure, every other word changed; a third text names the same three in another order,
    # about another matter
    minute = _source("minute.txt", "Item, op heden heeft Stuyvesant met Kip en Loockermans de palissade "
                                   "aan de noordzijde laten herstellen voor 412 gulden uit de kas.")
    history = _source("history.txt", "That day Stuyvesant, together with Kip and Loockermans, had the "
                                     "northern palisade mended at a cost of 412 guilders to the treasury.")
    quarrel = _source("quarrel.txt", "Years later Loockermans sued Kip over a debt of 412 guilders, and "
                                     "Stuyvesant refused to hear the case in his own council chamber.")
    groups = _find(minute, history, quarrel)
    assert [sorted(p.source for p in g.passages) for g in groups] == [sorted([minute.id, history.id])]
    assert groups[0].relation == "retranslation"


def test_witnesses_are_ordered_earliest_dated_first_and_ids_are_stable():
    import datetime as dt
    from quellen.model import Date
    a, b = _source("chronicle_1672.txt"), _source("gazette_1701.txt")
    # the later text is given an earlier date: the order must follow the dates, not the input
    docs = [Document(Document.make_id(a.id, 0, len(a.text)), a.id, 0, len(a.text), "narrative",
                     date=Date("1750", "1750", dt.date(1750, 1, 1), dt.date(1750, 12, 31), "year")),
            Document(Document.make_id(b.id, 0, len(b.text)), b.id, 0, len(b.text), "narrative",
                     date=Date("1701", "1701", dt.date(1701, 1, 1), dt.date(1701, 12, 31), "year"))]
    groups = _find(a, b, documents=docs)
    assert groups[0].passages[0].source == b.id
    assert groups[0].passages[0].document == docs[1].id
    again = _find(b, a, documents=list(reversed(docs)))
    assert [g.id for g in again] == [g.id for g in groups]


def test_an_undated_article_under_a_dated_byline_is_ordered_by_the_bylines_date():
    """A web article's byline ("By A · 14 March 2024") segmented apart from its text dates the text for the
    order of witnesses: the copy published four days later does not come first for being dated itself."""
    import datetime as dt
    from quellen.model import Date
    a, b = _source("chronicle_1672.txt"), _source("gazette_1701.txt")
    byline = "By Ann Reeve \u00b7 14 March 1702\n\n"
    a = Source(a.id, a.name, a.sha256, a.media_type, byline + a.text)
    mid = len(byline)
    day = Date("14 March 1702", "1702-03-14", dt.date(1702, 3, 14), dt.date(1702, 3, 14), "day")
    later = Date("18 March 1702", "1702-03-18", dt.date(1702, 3, 18), dt.date(1702, 3, 18), "day")
    docs = [Document(Document.make_id(a.id, 0, mid - 2), a.id, 0, mid - 2, "heading", date=day),
            Document(Document.make_id(a.id, mid, len(a.text)), a.id, mid, len(a.text), "narrative"),
            Document(Document.make_id(b.id, 0, len(b.text)), b.id, 0, len(b.text), "narrative", date=later)]
    groups = _find(a, b, documents=docs)
    assert groups[0].passages[0].document == docs[1].id
    # and a reader is told the date that ordered it: the heading's
    from quellen.reuse import witness_dates
    assert {k: v.edtf for k, v in witness_dates(docs).items()} == {
        docs[0].id: "1702-03-14", docs[1].id: "1702-03-14", docs[2].id: "1702-03-18"}
    # without the dated heading above it, the undated text comes after the dated one
    groups = _find(a, b, documents=docs[1:])
    assert groups[0].passages[0].document == docs[2].id


def test_weak_chain_does_not_merge_two_different_texts():
    s1 = ("The abbot granted the fishing rights of the lower pond to the brothers of the hospital "
          "for as long as they kept the lamp burning before the altar of the chapel.")
    s2 = ("The reeve was ordered to repair the granary roof with new thatch before the autumn rains "
          "and to count the sheaves of oats twice in the presence of the steward.")
    a = _source("a.txt", s1 + " Nothing else is recorded for that year in the cartulary of the house.")
    b = _source("b.txt", "Unrelated opening words about weather. " + s1 + " " + s2)
    c = _source("c.txt", s2 + " The steward signed the roll with his own mark.")
    groups = _find(a, b, c)
    assert len(groups) == 2
    for g in groups:
        assert len({p.source for p in g.passages}) == 2
        assert b.id in {p.source for p in g.passages}


def test_a_pair_linked_twice_outside_its_groups_is_one_group_with_one_id():
    # two channels (n-grams, then whole lines or embeddings) linking the same two passages,
    # each already in another group it is not well linked to, gave two groups of the same
    # passages: one id twice, and `UNIQUE constraint failed: reuse_groups.id` at build time
    from quellen.reuse.groups import Node, PairLink, group_links
    a, b, c, d = Node(0, 0, 50), Node(1, 0, 50), Node(2, 0, 50), Node(3, 0, 50)
    links = [PairLink(a, b, "verbatim", 1.0), PairLink(c, d, "verbatim", 0.99),
             PairLink(b, c, "near_verbatim", 0.9), PairLink(b, c, "paraphrase", 0.6)]
    groups = group_links(links)
    member_sets = [sorted(n.unit for n in nodes) for nodes, _ in groups]
    assert sorted(member_sets) == [[0, 1], [1, 2], [2, 3]]
    assert [len(ls) for nodes, ls in groups if sorted(n.unit for n in nodes) == [1, 2]] == [2]


def test_collation_is_collatex_shaped_with_variants():
    groups = _find(_source("chronicle_1672.txt"), _source("gazette_1701.txt"))
    table = groups[0].collation
    assert table["witnesses"] == ["A", "B"]
    assert len(table["table"]) == len(table["variation"]) > 50
    assert all(len(row) == 2 for row in table["table"])
    assert "substitution" in table["variation"] and "same" in table["variation"]
    row = table["table"][table["variation"].index("substitution")]
    assert {row[0][0]["n"], row[1][0]["n"]} in ({"1672", "l672"}, {"river", "rivcr"},
                                                  {"burgomaster", "burgomastcr"},
                                                  {"household", "houshold"}, {"nights", "nigbts"})
    json.dumps(table)  # JSON-ready


def test_collation_text_is_the_json_text_of_the_collation_dict():
    from quellen.reuse.collate import collate, collate_json
    from quellen.reuse.normalize import tokenize
    from quellen.vocab import json_text
    texts = ['The "quick" brown fox \u2014 jumps\\ over the lazy dog. \u00dcn\u00efcode\u2028 end',
             "the quick brown fox jumps over a lazy dog", "quick fox! over the lazy doggo and more words", ""]
    tokens = [tokenize(t) for t in texts]
    for order in ([0, 1], [1, 0, 2], [2, 1, 0], [0, 3], [0]):
        for max_tokens in (3000, 3):
            args = ([chr(65 + k) for k in range(len(order))], [texts[k] for k in order], [tokens[k] for k in order],
                    max_tokens)
            assert collate_json(*args) == json_text(collate(*args))
    a, b = _source("chronicle_1672.txt"), _source("gazette_1701.txt")
    table = find_reuse([a, b], [], ReuseSettings(embeddings=False), collation_text=True)[0].collation
    assert table == json_text(_find(a, b)[0].collation)


def test_missing_embeddings_warn_once_and_the_finder_still_runs(monkeypatch):
    from quellen.reuse import embeddings
    monkeypatch.setattr(embeddings, "available", lambda name="", backend="torch": False)
    monkeypatch.setattr(embeddings, "_warned", False)
    a, b = _source("chronicle_1672.txt"), _source("gazette_1701.txt")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = find_reuse([a, b], [], ReuseSettings())
        find_reuse([a, b], [], ReuseSettings())
    messages = [str(w.message) for w in caught if "re-translation" in str(w.message)
                or "embeddings" in str(w.message)]
    assert len(messages) == 1 and "quellen[embeddings]" in messages[0]
    assert len(first) == 1


@pytest.mark.gate  # CI installs [embeddings]: its skip there would hide a drop
def test_embedding_model_path_is_the_packaged_offline_model():
    from quellen.reuse import embeddings
    if not embeddings.available():
        pytest.skip("the [embeddings] extra is not installed")
    path = embeddings.model_path()
    assert (path / "config.json").exists() and (path / "model.safetensors").exists()


def test_loading_the_embedding_model_prints_no_load_report(capfd):
    from quellen.reuse import embeddings
    if not embeddings.available():
        pytest.skip("the [embeddings] extra is not installed")
    embeddings._model.cache_clear()
    embeddings._model(str(embeddings.model_path()))
    out, err = capfd.readouterr()
    assert "LOAD REPORT" not in out + err and "UNEXPECTED" not in out + err


# -- CLI and seed floors -----------------------------------------------------------------
def test_cli_reuse_lists_groups(tmp_path, capsys):
    from quellen.cli import main
    db = str(tmp_path / "r.db")
    assert main(["build", str(FIX / "chronicle_1672.txt"), str(FIX / "gazette_1701.txt"),
                 "--db", db, "-q", "--set", "reuse.embeddings=false"]) == 0
    capsys.readouterr()
    assert main(["reuse", "--db", db, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 1 and data[0]["relation"] == "near_verbatim"
    assert any(p["first_words"].startswith("In the year") for p in data[0]["passages"])
    # who published each witness, and when: the first is the earliest dated
    assert {p["source_name"] for p in data[0]["passages"]} == {"chronicle_1672.txt", "gazette_1701.txt"}
    assert all("document_date" in p and "document_author" in p and "witness_date" in p for p in data[0]["passages"])
    assert main(["reuse", "--db", db]) == 0
    captured = capsys.readouterr()
    assert "near_verbatim" in captured.out and "gazette_1701.txt" in captured.out
    assert "first" in captured.out.split(data[0]["passages"][0]["document"])[1].split("\n")[0]


def test_cli_reuse_names_two_files_of_one_name_by_their_paths(tmp_path, capsys):
    from quellen.cli import main
    text = (FIX / "chronicle_1672.txt").read_text(encoding="utf-8")
    for folder, extra in (("first", ""), ("edited", " A line the editor added at the end.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "chronicle.txt").write_text(text + extra, encoding="utf-8")
    db = str(tmp_path / "r.db")
    assert main(["build", str(tmp_path / "first"), str(tmp_path / "edited"), "--db", db, "-q",
                 "--set", "reuse.embeddings=false"]) == 0
    capsys.readouterr()
    assert main(["reuse", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "first/chronicle.txt" in out and "edited/chronicle.txt" in out


def _ratio(text: str) -> float:
    found, total = text.split("/")
    return int(found) / int(total)


def test_seed_reuse_recall_on_verbatim_and_retranslation(seed_scores):
    reuse = seed_scores["reuse"]
    by = reuse["recall_by_relation"]
    found = sum(int(by[k].split("/")[0]) for k in ("verbatim", "retranslation"))
    total = sum(int(by[k].split("/")[1]) for k in ("verbatim", "retranslation"))
    assert found / total >= 0.85, by  # 10/11 reached; issue 5 asks 0.80


def test_seed_reuse_precision(seed_scores):
    # 20 of 22 predicted pairs match gold (0.909; issue 5 asks 0.60): titles and addresses said
    # twice, one writer's letters, topic-only sentence pairs and names-only "translations" cut
    assert seed_scores["reuse"]["precision_lower_bound"] >= 0.85, seed_scores["reuse"]


def test_seed_reuse_recall_on_paraphrase(seed_scores):
    # 9/13 retold details (issue 5 asks 0.40; 6/13 before dates, rich particulars and runs
    # counted as evidence), and the single summary. Every retelling cosine threshold raised by
    # 0.01 keeps 8/13, by 0.03 keeps 7/13, by 0.05 gives 5/13: the floor (7/13) leaves room
    # for two pairs to flip when segmentation or entities move a sentence
    reuse = seed_scores["reuse"]
    assert _ratio(reuse["recall_by_relation"]["paraphrase"]) >= 0.53, reuse
    assert _ratio(reuse["recall_by_relation"]["summary"]) >= 1.0, reuse
    assert reuse["precision_lower_bound"] >= 0.85, reuse


# -- retellings: one detail told again in other words -------------------------------------
RETELL = FIX / "retell"


def _retell_sources() -> dict[str, Source]:
    return {p.name: _source(p.name, p.read_text(encoding="utf-8")) for p in sorted(RETELL.glob("*.txt"))}


@pytest.mark.gate  # CI installs [embeddings]: its skip there would hide a drop
def test_retold_details_of_other_periods_are_found_and_namesakes_are_not():
    from quellen.reuse import embeddings
    if not embeddings.available():
        pytest.skip("the [embeddings] extra is not installed")
    sources = _retell_sources()
    groups = find_reuse(list(sources.values()), [], ReuseSettings(), embeddings=True)
    name = {s.id: s.name for s in sources.values()}
    text = {s.id: s.text for s in sources.values()}
    found = {frozenset(name[p.source] for p in g.passages): g for g in groups}
    for pair, words in [(("dike_letter_1421.txt", "polder_chronicle_1590.txt"), "seventy-two villages"),
                        (("seville_letter_1503.txt", "trade_history_1885.txt"), "forty-one casks"),
                        (("siege_diary_1877.txt", "rebellion_history_1910.txt"), "Shiroyama"),
                        # a 1927 newspaper and a 1974 history; an assize record and a chronicle
                        (("newspaper_colliery_1927.txt", "coalfield_history_1974.txt"), "Cwm"),
                        (("assize_record_1612.txt", "pendle_chronicle_1845.txt"), "Robert Nutter")]:
        group = found.get(frozenset(pair))
        assert group is not None, (pair, sorted(map(sorted, found)))
        for p in group.passages:
            assert words in text[p.source][p.char_start:p.char_end]
    # the same people, places and kind of event, other facts: never linked
    for g in groups:
        for p in g.passages:
            passage = text[p.source][p.char_start:p.char_end]
            # another breach of the same dike; another accident in the same pit; another trial
            # of the same forest's witches at the same assizes
            assert name[p.source] not in ("dike_repair_1532.txt", "pamphlet_colliery_1950.txt",
                                          "witch_pamphlet_1634.txt")
            for other_event in ("quarrelled bitterly", "lost two years later", "left Tokyo in 1873",
                                "Margaret Pearson", "the Device family"):
                assert other_event not in passage
    assert len(groups) == 5


@pytest.mark.gate  # CI installs [embeddings]: its skip there would hide a drop
def test_one_shared_ordinary_word_needs_the_higher_cosine():
    # the retelling threshold for pairs that share one ordinary word and no name (0.69) is
    # not set on the seed alone: two hard negatives of other periods (another breach of the
    # same dike, another accident in the same pit) embed at 0.60-0.65 with one or two shared
    # words, and come in as soon as the threshold drops below them
    from quellen.reuse import _sentence_text, _sentences, embeddings, make_units
    from quellen.reuse.candidates import build_corpus
    from quellen.reuse.retell import RetellSettings, find_retellings
    if not embeddings.available():
        pytest.skip("the [embeddings] extra is not installed")
    sources = _retell_sources()
    units, texts = make_units(list(sources.values()), [])
    corpus = build_corpus(units)
    default = ReuseSettings()
    sentences = _sentences(corpus, texts, default)
    vectors = embeddings.encode([_sentence_text(corpus, texts, u, lo, hi) for u, lo, hi in sentences])
    name = {s.id: s.name for s in sources.values()}

    def linked(word_threshold: float) -> set[str]:
        params = RetellSettings(threshold=default.retell_threshold, threshold_word=word_threshold,
                                threshold_alone=default.embedding_single)
        return {name[corpus.units[sentences[k][0]].source]
                for r in find_retellings(corpus, sentences, vectors, params) for k in (r.i, r.j)}

    negatives = {"dike_repair_1532.txt", "pamphlet_colliery_1950.txt"}
    assert not linked(default.retell_word_threshold) & negatives
    assert linked(0.6) >= negatives


def test_retelling_needs_closeness_and_a_shared_name_and_word():
    from quellen.reuse.retell import RetellSettings, is_retelling
    s = RetellSettings(threshold=0.6, threshold_word=0.7, threshold_alone=0.85, min_shared=2)
    name, word = (2.0, True), (2.0, False)
    assert is_retelling(0.62, {"wieldr": name, "villag": word}, {"wieldr": name, "villag": word, "x": word}, s)
    assert not is_retelling(0.62, {"wieldr": name, "arkel": name}, {"wieldr": name, "arkel": name}, s)  # cast only
    assert not is_retelling(0.62, {"villag": word}, {"villag": word}, s)
    assert is_retelling(0.72, {"villag": word}, {"villag": word}, s)
    assert not is_retelling(0.55, {"wieldr": name, "villag": word}, {"wieldr": name, "villag": word}, s)
    assert is_retelling(0.9, {"villag": word}, {"villag": word}, s)
    assert not is_retelling(0.9, {"villag": word}, {"harbou": word}, s)  # one topic, nothing particular shared


def test_one_voice_is_one_author_or_one_unattributed_running_text():
    from quellen.reuse.candidates import Unit
    from quellen.reuse.normalize import tokenize
    from quellen.reuse.retell import one_voice

    def unit(i, source="s", kind="narrative", author=None):
        return Unit(i, source, f"d{i}", 0, 1, tokenize("x"), kind, author=author)

    assert one_voice(unit(0, author="ent-a"), unit(1, kind="letter", author="ent-a"))
    assert not one_voice(unit(0, author="ent-a"), unit(1, author="ent-b"))
    assert one_voice(unit(0), unit(1))                       # a frame cut by what it presents
    assert not one_voice(unit(0), unit(1, kind="memoir"))
    assert not one_voice(unit(0), unit(1, source="t"))        # two files are two texts
    assert not one_voice(unit(0), unit(1, author="ent-a"))


def _kernel_corpus(texts: list[str]):
    """Return (corpus, sentences) for ``texts``, one unit each, one sentence per line."""
    from quellen.reuse.candidates import Unit, build_corpus
    units, sentences = [], []
    for k, t in enumerate(texts):
        units.append(Unit(k, f"s{k}", None, 0, len(t), tokenize(t)))
    corpus = build_corpus(units)
    for k, t in enumerate(texts):
        starts = corpus.tokens(k).starts
        line_start = 0
        for line in t.split("\n"):
            lo = sum(1 for s in starts if s < line_start)
            hi = sum(1 for s in starts if s < line_start + len(line))
            sentences.append((k, lo, hi))
            line_start += len(line) + 1
    return corpus, sentences


def test_find_retellings_keeps_mutual_best_pairs_one_per_text_pair_and_agreeing_figures():
    import numpy as np
    from quellen.reuse.retell import RetellSettings, find_retellings
    filler = ["the weather was cold and wet all week", "bread was dear in the market that winter"]
    texts = ["In 1421 the sea drowned Wieldrecht with its seventy villages overnight\n" + filler[0],
             "Wieldrecht and seventy villages drowned by the sea in 1421\n" + filler[1],
             "Wieldrecht lost seventy villages to the sea in 1530\n" + filler[1] + " again",
             "unrelated words about Genoa alum traders here\nand Genoa alum once more"]
    texts += [f"padding text number {k} about nothing in particular" for k in range(30)]
    corpus, sentences = _kernel_corpus(texts)
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(len(sentences), 16)).astype(np.float32)
    vectors[2] = vectors[0] + 0.1 * vectors[2]   # text 1 retells text 0
    vectors[4] = vectors[0] + 0.2 * vectors[4]   # text 2 is close too, but another year
    vectors[3] = vectors[1] + 0.1 * vectors[3]   # filler alike, but no rare words shared
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    found = find_retellings(corpus, sentences, vectors, RetellSettings(threshold_alone=1.01))
    assert [(r.i, r.j) for r in found] == [(0, 2)]
    assert "wieldr" in found[0].shared and "1421" in found[0].shared
    # a veto from another channel (already found) is respected
    assert find_retellings(corpus, sentences, vectors, RetellSettings(threshold_alone=1.01),
                           exclude=lambda i, j: True) == []


@hsettings(max_examples=80, deadline=None)
@given(st.floats(0.0, 0.99), st.floats(-0.5, 0.99))
def test_calibrated_thresholds_are_never_lowered_and_stay_below_one(threshold, background):
    from quellen.reuse.retell import RetellSettings, calibrate
    s = RetellSettings(threshold=threshold, threshold_word=threshold, threshold_alone=threshold)
    moved = calibrate(s, background)
    assert threshold <= moved.threshold <= max(threshold, 1.0)
    assert calibrate(s, min(background, s.background)) == s


def test_a_corpus_whose_sentences_all_embed_alike_needs_closer_retellings():
    # synthetic vectors: sentence 2 retells sentence 0 at cosine ~0.65 (name, year and a word
    # shared). Over a background of unrelated prose that is a retelling; when every sentence of
    # the corpus sits ~0.5 from every other (a register or language the model cannot tell
    # apart), 0.65 is ordinary and the pair is not linked
    import numpy as np
    from quellen.reuse.retell import RetellSettings, background_similarity, find_retellings
    texts = ["In 1421 the sea drowned Wieldrecht with its seventy villages overnight\nthe weather was cold",
             "Wieldrecht and seventy villages drowned by the sea in 1421\nbread was dear that winter"]
    texts += [f"padding text number {k} about nothing in particular" for k in range(30)]
    corpus, sentences = _kernel_corpus(texts)
    rng = np.random.default_rng(5)
    dim = 64
    noise = rng.normal(size=(len(sentences), dim))
    noise /= np.linalg.norm(noise, axis=1, keepdims=True)

    def vectors(common: float) -> np.ndarray:
        shared = np.zeros(dim)
        shared[0] = 1.0
        v = np.sqrt(common) * shared + np.sqrt(1 - common) * noise
        # sentence 2 is sentence 0 moved a little: cosine ~0.65 whatever the background
        v[2] = 0.65 * v[0] + np.sqrt(1 - 0.65 ** 2) * noise[2]
        return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)

    plain, alike = vectors(0.0), vectors(0.5)
    assert background_similarity(plain) < 0.1 < 0.4 < background_similarity(alike)
    params = RetellSettings(threshold_alone=1.01)
    assert [(r.i, r.j) for r in find_retellings(corpus, sentences, plain, params)] == [(0, 2)]
    assert find_retellings(corpus, sentences, alike, params) == []


# -- retellings that meet on a date, on many particulars, or as a run ----------------------
DATED = FIX / "dated"


def _dated_corpus():
    from quellen.extract.dates import tag_documents
    sources, documents, timexes = [], [], []
    for path in sorted(DATED.glob("*.txt")):
        source = _source(path.name, path.read_text(encoding="utf-8"))
        document = Document(Document.make_id(source.id, 0, len(source.text)), source.id, 0,
                            len(source.text), "narrative")
        sources.append(source)
        documents.append(document)
        timexes.extend(tag_documents(source.text, [document]))
    return sources, documents, timexes


@pytest.mark.gate  # CI installs [embeddings]: its skip there would hide a drop
def test_a_retelling_on_the_same_date_meets_through_the_timex_layer():
    # a 1794 letter and a 1902 town history tell one closure ("on the 9th of March" / "on
    # 9 March 1794") in other words at cosine ~0.46, too far apart for the plain rule; the
    # shared normalised date and a rare word ("journeymen") link them. An almanac naming the
    # same day ("the same day", resolved by the tagger) for other happenings stays out
    from quellen.reuse import embeddings
    if not embeddings.available():
        pytest.skip("the [embeddings] extra is not installed")
    sources, documents, timexes = _dated_corpus()
    name = {s.id: s.name for s in sources}
    text = {s.id: s.text for s in sources}
    groups = find_reuse(sources, documents, ReuseSettings(), embeddings=True, timexes=timexes)
    assert [sorted(name[p.source] for p in g.passages) for g in groups] == [
        ["guild_letter_1794.txt", "town_history_1902.txt"]]
    for p in groups[0].passages:
        assert "journeymen" in text[p.source][p.char_start:p.char_end]
    # without the date layer the pair is not linked: the date is the evidence
    assert find_reuse(sources, documents, ReuseSettings(), embeddings=True) == []


def test_dates_meet_when_their_intervals_overlap_and_are_narrow():
    from quellen.reuse.retell import share_date
    day, month, year = (700, 700, 0, 3), (690, 720, 5, 9), (500, 865, 10, 14)
    assert share_date((day,), (month,))
    assert not share_date((day,), ((701, 701, 0, 3),))
    assert not share_date((day,), (year,))  # a year is not a particular
    assert not share_date((), (day,))


def test_many_shared_particulars_lower_the_cosine_but_a_cast_alone_does_not():
    from quellen.reuse.retell import RetellSettings, is_rich
    s = RetellSettings(threshold_rich=0.55, rich_shared=3)
    name, word = (2.0, True), (2.0, False)
    rich = {"envoy": name, "decree": word, "colleg": word}
    assert is_rich(0.58, rich, {**rich, "other": word}, s)
    assert not is_rich(0.53, rich, rich, s)
    assert not is_rich(0.58, {"envoy": name, "arkel": name, "decree": word},
                       {"envoy": name, "arkel": name, "decree": word}, s)  # two names, one word


def test_a_retold_run_of_two_sentences_links_where_no_single_pair_passes():
    # two neighbouring sentences of text 1 retell two of text 0 (swapped), each pair at
    # cosine ~0.62 with one rare word each: no single pair passes (one word needs 0.69),
    # the run does, and covers both sentences on each side
    import numpy as np
    from quellen.reuse.retell import RetellSettings, find_retellings
    texts = ["the harbour master closed the quay at dusk\nthe fishermen cursed the sluice keepers loudly",
             "fishermen were heard cursing the sluice keepers\nat dusk the harbour master shut the quay"]
    texts += [f"padding text number {k} about nothing in particular" for k in range(30)]
    corpus, sentences = _kernel_corpus(texts)
    rng = np.random.default_rng(7)
    noise = rng.normal(size=(len(sentences), 1024))  # wide: unrelated rows are nearly orthogonal
    noise /= np.linalg.norm(noise, axis=1, keepdims=True)
    v = noise.copy()
    v[3] = 0.62 * v[0] + np.sqrt(1 - 0.62 ** 2) * noise[3]
    v[2] = 0.62 * v[1] + np.sqrt(1 - 0.62 ** 2) * noise[2]
    v = (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)
    params = RetellSettings(threshold_alone=1.01, threshold_rich=1.01)
    found = find_retellings(corpus, sentences, v, params)
    assert [(r.rule, r.i, r.i_end, r.j, r.j_end) for r in found] == [("run", 0, 1, 2, 3)]
    # one sentence pair alone is not enough
    v1 = v.copy()
    v1[2] = noise[2]
    assert find_retellings(corpus, sentences, v1, params) == []


def test_sentences_to_embed_are_those_sharing_a_rare_word_and_never_capped():
    # the first version embedded at most 5,000 sentences and silently dropped the rest (on
    # 2,000 texts only the first 11 %); now every sentence that can change an answer is embedded
    import hashlib

    from quellen.reuse import _sentences, make_units
    from quellen.reuse.candidates import build_corpus
    sources = []
    for i in range(700):
        text = " ".join(f"Clerk number {i} wrote the entry {k} about the harbour{i % 350} toll and the ferry."
                        for k in range(9))
        text += f" Nothing here repeats: uniqueword{i}a uniqueword{i}b uniqueword{i}c uniqueword{i}d."
        sources.append(Source(Source.make_id(hashlib.sha256(str(i).encode()).hexdigest()), f"s{i}.txt",
                              f"s{i}.txt", "text/plain", text))
    units, texts = make_units(sources, [])
    corpus = build_corpus(units)
    chosen = _sentences(corpus, texts, ReuseSettings())
    assert len(chosen) == 700 * 9 > 5000  # every sentence naming a harbour found in two texts
    assert {u for u, _, _ in chosen} == set(range(700))
    # the last sentence of each text shares no rare word with any other text: not embedded
    last = {u: max(lo for v, lo, _ in chosen if v == u) for u in range(700)}
    assert all(corpus.tokens(u).words[last[u]] == "clerk" for u in range(700))


# -- partitions ------------------------------------------------------------------------------------
def _partition_corpus() -> list[Source]:
    """Return a small corpus with every kind of lexical evidence: clean and OCR-noisy copies,
    fragments, a copy inside one text, names and numbers in common, a heading printed twice."""
    fixtures = [_source(name) for name in ("chronicle_1672.txt", "gazette_1701.txt", "memoire_1790.txt",
                                           "registre_1791.txt")]
    made = [_source("host.txt", "REPORT OF THE WARDENS\n\n" + _HOST + _PASSAGE + " " + _HOST),
            _source("noisy.txt", "Thus the minutes of that year. " + _ocr(_PASSAGE, 0.10) + " Nothing else."),
            _source("again.txt", "REPORT OF THE WARDENS\n\n" + _PASSAGE.replace("brickworks", "tannery")
                    + " Signed at Zwolle, 14 May 1672, by Jan Pieterszoon and Claes Mooy, 37 guilders."),
            _source("twice.txt", _PASSAGE + " In between, other business. " + _HOST + _PASSAGE),
            _source("names.txt", "Jan Pieterszoon and Claes Mooy paid 37 guilders at Zwolle on 14 May 1672, "
                                 "while Jan Pieterszoon wrote to Claes Mooy about Zwolle.")]
    return fixtures + made


@pytest.mark.parametrize("partitions", [2, 7])
def test_candidates_and_verification_are_the_same_for_any_partition_count(partitions):
    # hash partitions pair the places of the keys in their range; pair batches hold only the units
    # they touch; the links come back in the single run's order, so groups and ids are the same
    from quellen.reuse import make_units
    from quellen.reuse.candidates import build_corpus
    from quellen.reuse.partition import lexical_links
    sources = _partition_corpus()
    settings = ReuseSettings()
    corpus = build_corpus(make_units(sources, [])[0])
    one = lexical_links(corpus, settings, 8)
    assert len(one) >= 5 and len({(lk.a, lk.b) for lk in one}) >= 4
    assert lexical_links(corpus, settings, 8, partitions) == one
    groups = find_reuse(sources, [], settings, embeddings=False)
    assert groups and find_reuse(sources, [], settings, embeddings=False, partitions=partitions) == groups


def test_hash_partitions_share_out_the_keys_and_a_pair_batch_holds_two_blocks_at_most():
    from quellen.reuse import make_units
    from quellen.reuse.candidates import build_corpus, char_keys
    from quellen.reuse.partition import lexical_links, split_keys
    corpus = build_corpus(make_units(_partition_corpus(), [])[0])
    # sampled q-gram hashes all share their low bits: split on those, four partitions were one
    keys, positions = char_keys(corpus)
    sizes = [len(k) for k, _ in split_keys(keys, positions, 4)]
    assert sum(sizes) == len(keys) and min(sizes) > len(keys) / 8
    batches = []

    def keep(func, items, *shared):
        batches.extend(items if func.__name__ == "verify_batch" else [])
        return [func(item, *shared) for item in items]

    lexical_links(corpus, ReuseSettings(), 8, 16, keep)  # 16 partitions: 5 blocks of units
    total, longest = len(corpus.ids), max(corpus.length(u.index) for u in corpus.units)
    assert len(batches) > 1 and all(len(b.ids) <= 2 * (total / 5 + longest) for b in batches)


def test_each_kind_of_key_has_its_own_boilerplate_bound():
    # the character q-grams' bound does not grow with the corpus (reuse.char_max_df): a key in
    # three places pairs under a bound of 3 and not under 2, whatever the other kinds' bound
    from quellen.reuse.partition import match_keys
    keys, positions = np.array([5, 5, 5, 9], np.uint64), np.array([0, 10, 20, 30], np.int64)
    wide, narrow = match_keys(((keys, positions), (keys, positions)), (3, 2))
    assert len(wide) == 3 and len(narrow) == 0
    assert [len(p) for p in match_keys(((keys, positions),), 3)] == [3]


def test_a_sentence_written_the_same_way_twice_is_encoded_once():
    # a compilation repeats what it copies: the encoder (the build's costliest step) sees each
    # wording once, and every sentence still gets its own row, equal to encoding it alone
    from quellen.reuse import _encode_distinct, _sentence_text, _sentences, embeddings, make_units
    from quellen.reuse.candidates import build_corpus
    if not embeddings.available():
        pytest.skip("the [embeddings] extra is not installed")
    copied = "The wardens of the parish met at the vestry to count the money of the poor box. "
    texts = ["Minutes of the year. " + copied + "Then the clerk read the names of the sexton's helpers aloud.",
             "A later hand copied it. " + copied + "Nothing else of the wardens' meeting was written down."]
    units, by_source = make_units([_source(f"{k}.txt", t) for k, t in enumerate(texts)], [])
    corpus = build_corpus(units)
    sentences = _sentences(corpus, by_source, ReuseSettings(retell_rare_share=1.0))
    strings = [_sentence_text(corpus, by_source, u, lo, hi) for u, lo, hi in sentences]
    assert len(set(strings)) < len(strings)
    vectors = _encode_distinct(corpus, by_source, sentences, ReuseSettings(embedding_backend="torch"))
    alone = embeddings.encode(strings, backend="torch")
    assert vectors.shape == alone.shape and np.allclose(vectors, alone, atol=1e-5)


def test_the_bfloat16_encoder_gives_the_float32_cosines_to_a_few_thousandths():
    # the default backend: the retelling thresholds were set on float32 cosines, and bfloat16
    # (2.5x cheaper on a CPU that has it) must not move them by more than their margin (0.01)
    from quellen.reuse import embeddings
    if not embeddings.available(backend="torch-bf16"):
        pytest.skip("the [embeddings] extra is not installed")
    assert ReuseSettings().embedding_backend == "torch-bf16"
    strings = ["The wardens of the parish met at the vestry to count the money of the poor box.",
               "The churchwardens gathered in the vestry and counted the alms of the poor.",
               "A storm broke over the harbour and three fishing boats were lost with all hands.",
               "Short one."]
    full = embeddings.encode(strings, backend="torch")
    half = embeddings.encode(strings, backend="torch-bf16")
    assert half.dtype == np.float32 and half.shape == full.shape
    assert np.allclose(np.linalg.norm(half, axis=1), 1.0, atol=0.006)  # normalised in bfloat16
    assert np.abs(half @ half.T - full @ full.T).max() < 0.01


def test_without_native_bfloat16_the_encoder_runs_in_float32(monkeypatch):
    # an emulated bfloat16 product is slower than float32: such a CPU runs the model as shipped
    from quellen.reuse import embeddings
    if not embeddings.available(backend="torch-bf16"):
        pytest.skip("the [embeddings] extra is not installed")
    monkeypatch.setattr(embeddings, "bf16_native", lambda: False)
    strings = ["The wardens of the parish met at the vestry to count the money of the poor box."]
    assert np.allclose(embeddings.encode(strings, backend="torch-bf16"), embeddings.encode(strings, backend="torch"),
                       atol=1e-5)


def test_the_encoder_runs_on_one_torch_thread_and_gives_the_others_back(monkeypatch):
    # one thread per process, like the parser's BLAS: a second one spun on a shared core
    torch = pytest.importorskip("torch")
    from quellen.reuse import embeddings
    if embeddings.model_path() is None:
        pytest.skip("the [embeddings] extra is not installed")
    seen = []

    class Model:
        def encode(self, block, **kwargs):
            seen.append(torch.get_num_threads())
            return np.ones((len(block), 384), dtype=np.float32)

    monkeypatch.setattr(embeddings, "_model", lambda path, bf16=False: Model())
    monkeypatch.setattr(embeddings, "_bert", lambda path, bf16=False: None)  # through sentence-transformers
    before = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        embeddings.encode(["one sentence"], backend="torch")
        # and MiniLM run by quellen itself
        monkeypatch.setattr(embeddings, "_bert", lambda path, bf16=False: "a BERT")
        monkeypatch.setattr(embeddings, "_encode_bert", lambda model, block, size: Model().encode(block))
        embeddings.encode(["one sentence"], backend="torch")
        assert seen == [1, 1] and torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(before)


# -- anchors that make a retranslation -----------------------------------------------------------
def _measured(a: str, b: str):
    from quellen.reuse.align import measure
    from quellen.reuse.candidates import Unit, build_corpus
    third = "Our vicar preached on Sunday to a full church, and the harvest promises well this year."
    tokens = [tokenize(t) for t in (a, b, third)]
    units = [Unit(i, f"src-{i}", None, 0, len(t), tk) for i, (t, tk) in enumerate(zip((a, b, third), tokens))]
    corpus = build_corpus(units)  # the units let go of their tokens here: their lengths are taken before
    return measure(corpus, 0, 0, len(tokens[0]), 1, 0, len(tokens[1]))


def test_two_letters_of_one_month_sharing_a_noun_are_no_retranslation():
    # they share a weekday, a day, a month and a year (every anchor they have) and "the mill"
    from quellen.reuse.align import label
    m = _measured("Wednesday, 4th May 1812. The mill stood idle all week, since the river had sunk so very low.",
                  "Since Wednesday, 4th May 1812, my neighbour keeps his horses inside, and the mill looks deserted.")
    assert m.shared_anchors == 4 and m.shared_names == 0
    assert label(m, exact=False) is None
    # the same sentences naming the same man and town: those anchors a rendering keeps
    m = _measured("Wednesday, 4th May 1812. Thomas Pell left Lydford, since the river had sunk so very low.",
                  "Since Wednesday, 4th May 1812, when Thomas Pell rode out of Lydford, the mill looks deserted.")
    assert m.shared_names == 3 and label(m, exact=False)[0] == "retranslation"


def test_a_retranslation_by_its_anchors_needs_a_shared_name():
    # the measures of the report: order half kept, half the words shared, every anchor a date
    from quellen.reuse.align import Measures, label
    dates_only = Measures(tokens=0.4, chars=0.5, content=0.5, anchors=1.0, length_ratio=0.9, shared_anchors=3,
                          shortest=12, shared_plain=2, plain=5, shared_named=3, anchor_order=1.0, anchor_sides=3)
    assert label(dates_only, exact=False) == ("paraphrase", 0.45)
    named = Measures(**{**{f: getattr(dates_only, f) for f in dates_only.__slots__}, "shared_names": 1})
    assert label(named, exact=False) == ("retranslation", 0.45)


# -- what the encoder is asked for, and how it runs --------------------------------------
GATE = FIX / "gate"


@pytest.mark.gate  # CI installs [embeddings]: its skip there would hide a drop
def test_the_embedding_gate_keeps_every_sentence_of_every_linked_pair(monkeypatch):
    # a clerk's letter, a chronicle that renders one of its sentences again (a re-translation)
    # and a history that retells another (a paraphrase), each among sentences that share no
    # rare word with another text: the gate (_sentences) drops those, keeps every sentence of
    # both pairs, and the groups are the ones that encoding every sentence gives
    import quellen.reuse as reuse
    from quellen.reuse import _sentences, embeddings, make_units
    from quellen.reuse.candidates import build_corpus
    if not embeddings.available():
        pytest.skip("the [embeddings] extra is not installed")
    sources = [_source(p.name, p.read_text(encoding="utf-8")) for p in sorted(GATE.glob("*.txt"))]
    groups = find_reuse(sources, [], ReuseSettings(), embeddings=True)
    assert sorted(g.relation for g in groups) == ["paraphrase", "retranslation"]
    assert find_reuse(sources, [], ReuseSettings(), embeddings=False) == []  # the embeddings found both
    units, texts = make_units(sources, [])
    corpus = build_corpus(units)
    kept = _sentences(corpus, texts, ReuseSettings())
    spans = {(corpus.units[u].source, corpus.tokens(u).starts[lo], corpus.tokens(u).ends[hi - 1])
             for u, lo, hi in kept}
    for g in groups:
        for p in g.passages:
            assert (p.source, p.char_start, p.char_end) in spans
    monkeypatch.setattr(reuse, "_shared_rare_words", lambda corpus, share, stem=6: np.ones(len(corpus.words), bool))
    assert len(_sentences(corpus, texts, ReuseSettings())) > len(kept)
    assert find_reuse(sources, [], ReuseSettings(), embeddings=True) == groups


@pytest.mark.gate  # CI installs [embeddings]: its skip there would hide a drop
def test_the_bert_encoder_gives_the_vectors_of_sentence_transformers_bit_for_bit():
    # the reuse step runs MiniLM without importing sentence-transformers or transformers
    # (~7 CPU-s): the same operations on the same batches, so the same bits, in float32 and
    # in bfloat16; texts of every length (padded batches), empty, cut at 256 word pieces, not Latin
    from quellen.reuse import embeddings
    if not embeddings.available():
        pytest.skip("the [embeddings] extra is not installed")
    texts = [line.strip() for p in sorted(RETELL.glob("*.txt")) + sorted(GATE.glob("*.txt"))
             for line in p.read_text(encoding="utf-8").replace(". ", ".\n").splitlines() if line.strip()]
    texts += ["", "x", "a " * 600, "Ünïcödé façade — naïve café.", "日本語のテキスト"]
    assert len(texts) > 64
    path = str(embeddings.model_path())
    for backend, size in (("torch", 64), ("torch-bf16", 32)):
        bf16 = backend == "torch-bf16" and embeddings.bf16_native()
        assert embeddings._bert(path, bf16) is not None
        with embeddings._one_torch_thread():
            expected = embeddings._encode_sentence_transformers(path, texts, bf16, size)
        assert np.array_equal(embeddings.encode(texts, backend=backend), expected), backend


def test_the_encoder_skips_padding_rows_only_where_that_keeps_every_bit(monkeypatch):
    # the linear layers run on the word pieces alone when the CPU gives a row the same bits
    # in any batch; a padding row changes no real one, so both ways give the same vectors
    from quellen.reuse import embeddings
    if not embeddings.available():
        pytest.skip("the [embeddings] extra is not installed")
    texts = ["A short one.", "", "x", "A somewhat longer sentence, padded less than the short ones are.",
             "Words " * 40, "Ünïcödé façade — naïve café."] * 7
    path = str(embeddings.model_path())
    bf16 = embeddings.bf16_native()
    model = embeddings._bert(path, bf16)
    if not embeddings._rows_apart(model):
        pytest.skip("this CPU's linear gives a row other bits in another batch: the padded path only")
    packed = embeddings._encode_bert(model, texts, 8)
    monkeypatch.setattr(embeddings, "_rows_apart", lambda model: False)
    assert np.array_equal(embeddings._encode_bert(model, texts, 8), packed)


def test_a_witness_keeps_its_own_relation_to_the_first_one():
    # a verbatim copy grouped with a re-worded version is a copy still: the group is as loose as its
    # loosest link, each later witness says how it repeats the first
    from quellen.reuse import _relation_to_first
    from quellen.reuse.groups import Node, PairLink
    first, copy, reworded = Node(0, 0, 50), Node(1, 2, 52), Node(2, 0, 40)
    links = [PairLink(Node(0, 0, 50), Node(1, 2, 52), "near_verbatim", 0.95),
             PairLink(Node(0, 0, 48), Node(2, 0, 40), "retranslation", 0.6),
             PairLink(Node(1, 2, 50), Node(2, 0, 40), "retranslation", 0.6)]
    assert _relation_to_first(copy, first, links) == "near_verbatim"
    assert _relation_to_first(reworded, first, links) == "retranslation"
    # no link with the first witness: the closest of its own links
    assert _relation_to_first(Node(3, 0, 9), first, [PairLink(Node(3, 0, 9), Node(1, 2, 52), "paraphrase", 0.5),
                                                     PairLink(Node(1, 0, 9), Node(3, 0, 9), "verbatim", 0.9)]) \
        == "verbatim"
    assert _relation_to_first(Node(4, 0, 9), first, links) is None


def test_a_passage_relation_is_exported_and_read_back_only_when_known():
    from quellen.model import Passage
    from quellen.store.codec import reuse_from, reuse_row
    from quellen.vocab import passage_json
    from quellen.model import ReuseGroup
    assert "relation" not in passage_json(Passage("s", "d", 0, 5))
    assert passage_json(Passage("s", "d", 0, 5, "verbatim"))["relation"] == "verbatim"
    g = ReuseGroup("reuse-1", "retranslation", 0.7, (Passage("s", "d", 0, 5), Passage("t", "e", 0, 5, "verbatim")))
    row = dict(zip(("id", "relation", "score", "passages", "collation"), reuse_row(g)))
    assert reuse_from(row).passages == g.passages
