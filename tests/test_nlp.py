"""quellen.nlp: spaCy imported without torch when the pipeline needs none."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from quellen.nlp import needs_torch
from quellen.settings import Settings

SRC = Path(__file__).resolve().parents[1] / "src"


def _pipeline_folder(tmp_path: Path, name: str, requirements: list[str]) -> str:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "meta.json").write_text(json.dumps({"lang": "en", "name": name, "requirements": requirements}))
    return str(folder)


def test_a_pipeline_that_requires_only_spacy_needs_no_torch(tmp_path):
    assert not needs_torch(_pipeline_folder(tmp_path, "cnn", ["spacy>=3.7.5,<3.9.0", "spacy-lookups-data>=1.0"]))
    assert not needs_torch(Settings().nlp.spacy_model)  # the installed default (or its equivalent)


def test_a_pipeline_with_other_requirements_or_unknown_needs_torch(tmp_path):
    assert needs_torch(_pipeline_folder(tmp_path, "trf", ["spacy>=3.7", "spacy-curated-transformers>=0.2.2"]))
    assert needs_torch("no_such_pipeline_xyz")


def test_loading_the_default_pipeline_leaves_torch_unimported_and_importable_after():
    # a fresh process: this one may have imported spaCy or torch already
    code = ("import sys; from quellen.nlp import load_nlp; "
            f"nlp = load_nlp({Settings().nlp.spacy_model!r}); "
            "print('torch' in sys.modules, [e.label_ for e in nlp('Mr. Smith went to Paris.').ents]); "
            "import importlib.util; print(importlib.util.find_spec('torch') is not None or 'absent')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"}).stdout.split("\n")
    assert out[0] == "False ['PERSON', 'GPE']"
    assert out[1] in ("True", "absent")
