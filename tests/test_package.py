"""The package's public face: its __all__, its import weight, its documented CLI."""
import re
import subprocess
import sys
from pathlib import Path

import quellen
from quellen.cli import make_parser

ROOT = Path(__file__).resolve().parents[1]


def test_public_api_is_what_all_says():
    for name in quellen.__all__:
        assert hasattr(quellen, name), name


def test_import_quellen_stays_light():
    code = ("import sys, quellen; heavy = [m for m in ('starlette', 'jinja2', 'uvicorn', 'torch', "
            "'sentence_transformers', 'spacy', 'rich', 'playwright') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    subparsers = next(a for a in make_parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    missing = [name for name in subparsers.choices if not re.search(rf"quellen {name}\b", readme)]
    assert not missing, f"commands missing from README.md: {missing}"


def test_public_functions_have_docstrings():
    import importlib
    import inspect
    import pkgutil
    undocumented = []
    for info in pkgutil.walk_packages(quellen.__path__, "quellen."):
        if info.name.startswith("quellen.web") or info.name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:
            continue
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(obj) and not (obj.__doc__ or "").strip():
                undocumented.append(f"{info.name}.{name}")
    assert not undocumented, undocumented
