"""`make eval` (eval/run.py): the table and its JSON, the fast segments-only mode, the floors."""
from __future__ import annotations

import json

import pytest

from conftest import EVAL, load_script


@pytest.fixture(scope="module")
def run():
    return load_script(EVAL / "run.py", "quellen_eval_run")


def test_every_corpus_of_the_suite_is_found_with_its_text_and_gold(run):
    found = run.corpora()
    assert sorted(found) == ["barbary-letters", "barbellion-journal", "cherry-journey", "cicero-atticus",
                             "collins-white",
                             "cumberland-arundel", "dostoevsky-poor-folk",
                             "dracula", "esther-hunt-letters", "evelina", "frankenstein", "glyn-elizabeth",
                             "grossmith-nobody",
                             "heron-letters",
                             "hull-select-letters", "hunt-collins-family-letters", "hunt-evans-letters",
                             "hunt-journal-1792", "hunt-journal-1822",
                             "invented-diaries",
                             "invented-diaries-2",
                             "invented-letters",
                             "invented-letters-2", "invented-mixed-3", "invented-mixed-4", "invented-mixed-5",
                             "invented-mixed-6", "invented-mixed-7", "invented-mixed-8",
                             "keller-letters", "laclos-liaisons", "loos-blondes",
                             "mitford-journal", "mitford-letters", "moonstone",
                             "muir-sierra", "pedant-letters", "pepys-diary", "richardson-clarissa", "seed",
                             "yarnall-family-letters", "yarnall-journal-1803"]
    assert found["seed"][0].name == "000_a71d0fe14f23c818.txt" and found["dracula"][0].name == "dracula.txt"
    # a corpus of several small books is its folder: each file its gold lists is built as a source of its own
    assert found["invented-diaries"][0].is_dir()
    assert [p.name for p in run.text_files(found["invented-diaries"][0])][:2] == ["a-comic-diary.txt",
                                                                                 "b-castaway-journal.txt"]


def test_a_corpus_of_several_files_is_scored_whole_and_file_by_file(run, tmp_path):
    out, floors = tmp_path / "r.json", tmp_path / "floors.json"
    floors.write_text("{}", encoding="utf-8")
    assert run.main(["--segments-only", "--corpus", "invented-diaries", "--per-file", "--output", str(out),
                     "--floors", str(floors)]) == 0
    rows = {r["corpus"]: r for r in json.loads(out.read_text(encoding="utf-8"))["table"]}
    whole = rows["invented-diaries"]
    files = [r for name, r in rows.items() if name.startswith("invented-diaries/")]
    assert len(files) == 7 and whole["gold_segments"] == sum(r["gold_segments"] for r in files) == 106
    assert whole["documents"] == sum(r["documents"] for r in files)


def test_segments_only_writes_the_seed_row_and_checks_the_floors(run, tmp_path, capsys):
    out, floors = tmp_path / "r.json", tmp_path / "floors.json"
    floors.write_text(json.dumps({"seed": {"boundary_f1": 0.95, "kind_accuracy": 0.9}}), encoding="utf-8")
    assert run.main(["--segments-only", "--corpus", "seed", "--output", str(out), "--floors", str(floors)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    (row,) = result["table"]
    assert result["mode"] == "segments-only" and row["corpus"] == "seed"
    assert row["boundary_f1"] >= 0.95 and row["gold_segments"] == 59 and row["matched"]["kind"] >= 56
    assert row["kind_accuracy"] == result["scores"]["seed"]["segments"]["kind_accuracy"]
    printed = capsys.readouterr().out
    assert "| corpus | boundary F1 (P / R) |" in printed and "\n| seed | " in printed
    # a floor the run does not reach makes it fail, naming the corpus and the figure
    floors.write_text(json.dumps({"seed": {"boundary_f1": 1.01}}), encoding="utf-8")
    assert run.main(["--segments-only", "--corpus", "seed", "--output", str(out), "--floors", str(floors)]) == 1
    assert "seed: boundary_f1 1.0 is below the floor 1.01" in capsys.readouterr().err


def test_below_floors_counts_a_missing_figure_as_below(run):
    rows = [{"corpus": "a", "boundary_f1": 0.9, "date_accuracy": None}]
    assert run.below_floors(rows, {"a": {"boundary_f1": 0.9}, "b": {"boundary_f1": 1.0}}) == []
    assert run.below_floors(rows, {"a": {"date_accuracy": 0.1}}) == ["a: date_accuracy None is below the floor 0.1"]


def test_a_real_text_that_is_missing_is_refused_by_name(run, tmp_path, capsys):
    # --text with a path that names no file ended in a traceback
    missing = tmp_path / "pg84.txt"
    assert run.main(["--segments-only", "--corpus", "frankenstein", "--text", str(missing)]) == 2
    assert f"{missing}: no such file" in capsys.readouterr().err


def test_a_full_builds_row_carries_the_entity_figures_and_their_table(run):
    scores = {"segments": {"boundaries": {"f1": 1.0, "precision": 1.0, "recall": 1.0, "predicted": 2, "gold": 2},
                           "kind_accuracy": 1.0, "author_accuracy": None, "date_accuracy": None, "matched": {}},
              "entities": {"recall_by_type": {"person": {"found": 3, "gold": 4, "recall": 0.75}},
                           "type_accuracy": 1.0, "alias_merge_recall": 0.5, "alias_merge_precision": 1.0,
                           "geocoded": {"accuracy": None}, "predicted_entities": 9}}
    full, segs_only = run.row("a", scores, 1.0, entities=True), run.row("a", scores, 1.0)
    assert (full["person_recall"], full["entity_found"], full["entity_gold"], full["alias_merge_recall"]) == (
        0.75, 3, 4, 0.5) and full["place_recall"] is None
    assert "person_recall" not in segs_only and run.entity_table([segs_only]) == ""
    assert "| a | 3 / 4 | 0.750 | — | — | — | 1.000 | 0.500 | 1.000 | — | 9 |" in run.entity_table([full])
    # an entity floor is checked on a full build's row only (a segments-only run has no entity figures)
    assert run.below_floors([segs_only], {"a": {"person_recall": 0.8}}) == []
    assert run.below_floors([full], {"a": {"person_recall": 0.8}}) == ["a: person_recall 0.75 is below the floor 0.8"]


def test_a_full_build_imports_the_quellen_of_a_relative_pythonpath(run, tmp_path, monkeypatch):
    # "PYTHONPATH=src python eval/run.py": the build runs in another folder, where "src" would name nothing
    seen = []

    def fake_run(cmd, cwd=None, env=None, check=False):
        seen.append(env["PYTHONPATH"])
        if "export" in cmd:
            (tmp_path / "export.json").write_text("{}", encoding="utf-8")
        return type("Done", (), {"returncode": 0})()

    monkeypatch.setenv("PYTHONPATH", "src")
    monkeypatch.setattr(run.subprocess, "run", fake_run)
    text = tmp_path / "a.txt"
    text.write_text("A text.", encoding="utf-8")
    run.full_export(text, tmp_path, [])
    import os
    assert seen == [os.path.abspath("src")] * 2
