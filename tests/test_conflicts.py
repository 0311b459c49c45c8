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
