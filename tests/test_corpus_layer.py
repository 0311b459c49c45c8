"""The corpus layer: a failing corpus step keeps the previous layer and says so; readers refuse a
missing or stale layer instead of exporting empty lists; a build of 2,000 texts goes through."""
from __future__ import annotations

import json
import random

import pytest

from quellen import open_store
from quellen.cli import main

LETTER = ("Brannock, 3 June 1764.\n\nSir,\n\nThe miller Ondrej Vasko reports that the weir above the "
          "lower mill gave way in the night of the second, and that the water carried off the new "
          "sluice gate together with forty planks of oak stacked on the bank.\n\nYour servant,\nPavol Kres\n")
COPY = ("Extract of a letter of 3 June 1764. The miller Ondrej Vasko reports that the weir above the "
        "lower mill gave way in the night of the second, and that the water carried off the new "
        "sluice gate together with forty planks of oak stacked on the bank.\n")
LATER = "Kosice, 9 June 1764.\n\nThe carpenter Jan Hruby began to mend the sluice gate of the lower mill.\n"


def _run(*argv: str) -> int:
    return main([*argv, "-q"] if argv[0] == "build" else list(argv))


def test_a_failing_corpus_step_keeps_the_previous_layer_and_readers_refuse_it(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(LETTER, encoding="utf-8")
    (corpus / "b.txt").write_text(COPY, encoding="utf-8")
    db = str(tmp_path / "q.db")
    fast = ("--set", "reuse.embeddings=false")
    assert _run("build", str(corpus), "--db", db, *fast) == 0
    with open_store(db) as store:
        assert store.corpus_layer_state() == "fresh"
        before = (len(store.reuse_groups()), len(store.entities()), len(store.events()))
    assert before[0] >= 1 and before[1] >= 1
    assert _run("export", "--db", db, "--format", "json", "--output", str(tmp_path / "ok.json")) == 0

    # a new source, and a corpus step that fails (here: an authority file that is no authority file)
    (corpus / "c.txt").write_text(LATER, encoding="utf-8")
    bad = tmp_path / "authority.json"
    bad.write_text("{not json", encoding="utf-8")
    capsys.readouterr()
    assert _run("build", str(corpus), "--db", db, *fast, "--authority", str(bad)) == 1
    err = capsys.readouterr().err
    assert "corpus step" in err and "previous corpus layer is kept" in err and "authority.json" in err
    with open_store(db) as store:
        assert len(store.sources()) == 3  # the new source is stored
        assert (len(store.reuse_groups()), len(store.entities()), len(store.events())) == before
        assert store.corpus_layer_state() == "stale"

    out = tmp_path / "stale.json"
    assert _run("export", "--db", db, "--format", "json", "--output", str(out)) != 0
    assert "stale" in capsys.readouterr().err and not out.exists()
    assert _run("report", "--db", db, "--output", str(tmp_path / "r.html")) != 0
    assert _run("serve", "--db", db, "--port", "1") != 0  # refused before any server starts
    assert "stale" in capsys.readouterr().err

    # the next build that succeeds makes the layer fresh again
    assert _run("build", str(corpus), "--db", db, *fast, "--authority", "") == 0
    with open_store(db) as store:
        assert store.corpus_layer_state() == "fresh"
    assert _run("export", "--db", db, "--format", "json", "--output", str(out)) == 0


def test_a_store_whose_corpus_step_never_ran_has_no_layer_to_export(tmp_path, capsys):
    from quellen.model import Source
    db = tmp_path / "q.db"
    with open_store(db) as store:
        assert store.corpus_layer_state() == "fresh"  # nothing stored, nothing missing
        store.add_source(Source(Source.make_id("ab" * 32), "a.txt", "a.txt", "text/plain", LETTER), [], [], [])
        assert store.corpus_layer_state() == "missing"
    assert _run("export", "--db", str(db), "--format", "json", "--output", str(tmp_path / "x.json")) != 0
    assert "no corpus layer" in capsys.readouterr().err


def _small_texts(n: int, seed: int = 14) -> dict[str, str]:
    """Return ``n`` short texts: letters with names, places and dates, every tenth one copying another."""
    rng = random.Random(seed)
    first = ["Anna", "Jakob", "Marta", "Ondrej", "Pavol", "Eliska", "Tomas", "Zofia", "Viktor", "Hana"]
    last = ["Kres", "Vasko", "Hruby", "Novak", "Benda", "Sykora", "Dvorak", "Kolar", "Mraz", "Polak"]
    places = ["Brannock", "Oxley", "Vel'kovo", "Kosice", "Trnava", "Levoca", "Presov", "Bardejov"]
    nouns = ["mill", "bridge", "granary", "weir", "chapel", "barn", "road", "ferry", "market", "school"]
    verbs = ["repaired", "inspected", "closed", "rebuilt", "visited", "sold", "measured", "painted"]
    months = ["March", "April", "May", "June", "July", "August"]
    # invented words, so that a copied letter is told apart from the formula all letters share
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    rare = sorted({"".join(rng.choice(syllables) for _ in range(3)) for _ in range(6000)})
    texts: dict[str, str] = {}
    for i in range(n):
        if i % 10 == 9:
            source = texts[f"t{i - 5:04d}.txt"]
            texts[f"t{i:04d}.txt"] = "Copied from an older letter. " + source.split("\n\n", 1)[1]
            continue
        sentences = [f"{rng.choice(first)} {rng.choice(last)} {rng.choice(verbs)} the {rng.choice(rare)} "
                     f"{rng.choice(nouns)} at {rng.choice(places)} with {rng.randint(2, 90)} {rng.choice(rare)} "
                     f"men and {rng.randint(2, 40)} {rng.choice(rare)} carts."
                     for _ in range(rng.randint(3, 5))]
        texts[f"t{i:04d}.txt"] = (f"{rng.choice(places)}, {rng.randint(1, 28)} {rng.choice(months)} "
                                  f"{rng.randint(1760, 1790)}.\n\n" + " ".join(sentences) + "\n")
    return texts


@pytest.mark.slow
def test_the_cli_builds_and_exports_two_thousand_texts(tmp_path):
    # issue 14: `quellen build` of 2,000 texts crashed on `UNIQUE constraint failed: reuse_groups.id`,
    # and the export then wrote empty lists and exited 0
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in _small_texts(2000).items():
        (corpus / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "q.db")
    assert _run("build", str(corpus), "--db", db, "--set", "reuse.embeddings=false") == 0
    out = tmp_path / "export.json"
    assert _run("export", "--db", db, "--format", "json", "--output", str(out)) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["sources"]) == 2000
    for layer in ("documents", "entities", "events", "reuse"):
        assert data[layer], layer
    ids = [g["id"] for g in data["reuse"]]
    assert len(ids) == len(set(ids))
    # every planted copy (one in ten texts) is found
    copied = {p["source"] for g in data["reuse"] for p in g["passages"]}
    assert len(copied) >= 0.9 * 2 * 200
