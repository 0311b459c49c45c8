"""conflicts.py on the seed: the heads of a letter it compares are those segmentation found and stored
(Document.heads), not lines it reads from the text again."""
from __future__ import annotations

from quellen import open_store


def test_the_seed_head_and_salutation_variants_are_read_from_the_stored_heads(seed_build):
    db, data = seed_build
    with open_store(db, create=False, readonly=True) as store:
        heads = {(d.source, h.part, h.char_start, h.char_end) for d in store.documents() for h in d.heads}
    variants = [c for c in data["conflicts"] if c["kind"] == "text_variant"]
    greetings = [c for c in variants if "greet" in c["summary"]]
    # the statement handed over at the border and its retelling greet the addressee differently
    assert [sorted(x["value"] for x in c["claims"]) for c in greetings] == [["Dear Sir", "Your Majesty"]]
    assert all((x["source"], "salutation", x["char_start"], x["char_end"]) in heads
               for c in greetings for x in c["claims"])
    addressed = [c for c in variants if "heads of one letter" in c["summary"]]
    assert len(addressed) == 2
    for c in addressed:
        # each side lies in a title, address line or announcing sentence segmentation recorded
        assert all(any(s == x["source"] and a <= x["char_start"] and x["char_end"] <= b
                       for s, part, a, b in heads if part in ("title", "addressee", "announcement"))
                   for x in c["claims"]), c


def _conflicts_of(tmp_path, texts: dict[str, str]) -> list[dict]:
    from quellen import Settings, build, export_dict
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with open_store(tmp_path / "q.db") as store:
        build([str(tmp_path / n) for n in texts], store, Settings().with_overrides({"reuse.embeddings": False}))
        return export_dict(store)["conflicts"]


def test_two_letters_that_give_one_occasion_different_weekdays_disagree(tmp_path):
    # one occasion named by a noun ("the christening"), on a Monday in one letter and a Saturday in the
    # other; and one meeting "on Monday the 3rd" and "on Saturday the 3rd": the same day of the month,
    # but the writers do not agree on it
    conflicts = _conflicts_of(tmp_path, {
        "niece.txt": "Manchester,\nMarch 12th, 1855.\n\nDear Aunt,\n\nWe had the christening of little Anne on "
                     "Monday; the whole family came. The Institute held its meeting on Monday the 3rd, when "
                     "Mr. Harrison spoke about the railway.\n\nYour loving niece,\nMary Ashworth\n",
        "sister.txt": "Salford,\nMarch 14th, 1855.\n\nMy dear Sister,\n\nThe christening of little Anne took place "
                      "on Saturday, and all the family attended. I hear the meeting of the Institute was held on "
                      "Saturday the 3rd, and that Mr. Harrison talked of the railway for an hour.\n\n"
                      "Yours ever,\nHannah Ashworth\n"})
    dated = [c for c in conflicts if c["kind"] == "date"]
    values = sorted(sorted(x["value"].split()[0] for x in c["claims"]) for c in dated)
    assert values == [["Monday", "Saturday"], ["Monday", "Saturday"]], conflicts
    assert any("christening" in c["summary"] for c in dated) and any("meeting" in c["summary"] for c in dated)


# ------------------------------------------------------------------ the dead counted differently
def _toll(cid: str, document: str, count: str, lemmas: str, date=None):
    from quellen.model import Claim
    return Claim(id=cid, source=f"s-{document}", document=document, char_start=0, char_end=10, date=date,
                 basis="explicit" if date else "none", summary=lemmas, lemmas=tuple(sorted(set(lemmas.split()))),
                 numbers=((count, "people", 0, 3),))


def test_every_count_of_the_dead_of_one_happening_is_one_number_conflict():
    from quellen.conflicts import toll_conflicts
    from quellen.model import Claim
    # three papers tell one flood (an event of claims of two documents or more that tells a happening) and give
    # the dead as five, six and eight, undated; a fourth paper counts the dead of another happening
    flood = [Claim(id=f"f-{d}", source=f"s-{d}", document=d, char_start=20, char_end=30, date=None, basis="explicit",
                   summary="", lemmas=("bank", "burst", "river")) for d in ("courier", "wire", "gazette")]
    tolls = [_toll("a", "courier", "five", "die flood people"), _toll("b", "wire", "6", "kill people"),
             _toll("c", "gazette", "eight", "die people coroner"), _toll("d", "digest", "nine", "die people")]
    event_of = {c.id: "evt-flood" for c in flood}
    (conflict,) = toll_conflicts(flood + tolls, [flood], event_of)
    assert conflict.kind == "number" and conflict.events == ("evt-flood",)
    assert sorted(r.value for r in conflict.claims) == ["5 people dead", "6 people dead", "8 people dead"]
    assert conflict.summary == "how many people died: 5 (1 passage), 6 (1 passage), 8 (1 passage)"


def test_counts_of_one_document_or_alike_disagree_with_nothing():
    from quellen.conflicts import toll_conflicts
    from quellen.model import Claim
    flood = [Claim(id=f"f-{d}", source=f"s-{d}", document=d, char_start=20, char_end=30, date=None, basis="explicit",
                   summary="", lemmas=("bank", "burst", "river")) for d in ("courier", "wire")]
    event_of = {c.id: "evt-flood" for c in flood}
    alike = [_toll("a", "courier", "seven", "die people"), _toll("b", "wire", "7", "lose life people")]
    assert toll_conflicts(flood + alike, [flood], event_of) == []
    # counts that tell no death ("340 residents were evacuated") are no toll
    evacuated = [_toll("a", "courier", "340", "evacuate people"), _toll("b", "wire", "300", "evacuate people")]
    assert toll_conflicts(flood + evacuated, [flood], event_of) == []


def test_news_pages_that_count_the_dead_of_one_flood_differently_conflict(tmp_path):
    # invented pages (tests/fixtures/news): the courier counts five dead, the wire six, the gazette eight, none of
    # the counts dated; the three tell the river bursting its banks on 30 April or 1 May
    from pathlib import Path

    from quellen import Settings, build, export_dict
    news = Path(__file__).parent / "fixtures" / "news"
    with open_store(tmp_path / "q.db") as store:
        build([str(news)], store, Settings().with_overrides({"reuse.embeddings": False}))
        data = export_dict(store)
    (toll,) = [c for c in data["conflicts"] if c["kind"] == "number"]
    assert sorted(x["value"] for x in toll["claims"]) == ["5 people dead", "6 people dead", "8 people dead"]
    # the wire's dateline ("TOLLERBY, May 3 (Northern Wire) —") dates the story, not the river's bursting on 1 May
    docs = {d["id"]: d for d in data["documents"]}
    wire = next(d for d in docs.values() if d["kind"] == "newspaper_article" and d["author"]
                and d["author"]["name"] == "Ivo Sandell")
    told = {e["date"]["edtf"]: e["summary"] for e in data["events"]
            if any(a["document"] == wire["id"] for a in e["attestations"])}
    assert "burst its banks" in told["2023-05-01"]
    assert told["2023-05-03"] == "Storm floods Tollerby dated May 3 (Ivo Sandell)"
