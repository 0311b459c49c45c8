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
