"""The package's public face: its __all__, its import weight, its documented CLI."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

import quellen
from quellen.cli import make_parser

ROOT = Path(__file__).resolve().parents[1]


#: the public API: each name of ``quellen.__all__`` and the object it must be (its home module's)
PUBLIC_API = {
    "__version__": ("quellen._version", "__version__"), "QuellenError": ("quellen.errors", "QuellenError"),
    "Settings": ("quellen.settings", "Settings"), "load_settings": ("quellen.settings", "load_settings"),
    "Store": ("quellen.store", "Store"), "open_store": ("quellen.store", "open_store"),
    "BuildReport": ("quellen.pipeline", "BuildReport"), "build": ("quellen.pipeline", "build"),
    "RemoveReport": ("quellen.pipeline", "RemoveReport"), "remove": ("quellen.pipeline", "remove"),
    "export_dict": ("quellen", "export_dict"),
}


def test_public_api_is_what_all_says(tmp_path):
    # adding or dropping a public name is a decision made here, not a side effect
    import importlib
    assert sorted(quellen.__all__) == sorted(PUBLIC_API)
    namespace: dict = {}
    exec("from quellen import *", namespace)
    assert sorted(k for k in namespace if k != "__builtins__") == sorted(PUBLIC_API)
    for name, (module, attr) in PUBLIC_API.items():
        assert namespace[name] is getattr(importlib.import_module(module), attr), name
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", quellen.__version__)
    assert issubclass(quellen.QuellenError, Exception) and isinstance(quellen.Settings(), quellen.Settings)
    # the names work together as the README's example uses them
    with quellen.open_store(tmp_path / "empty.db") as store:
        assert isinstance(store, quellen.Store)
        data = quellen.export_dict(store)
    assert (data["format"], data["version"], data["generator"]["version"]) == ("quellen-export", 1,
                                                                               quellen.__version__)


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


def test_every_argument_of_every_command_says_what_it_is():
    subparsers = next(a for a in make_parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    bare = [f"{name} {action.dest}" for name, parser in subparsers.choices.items() for action in parser._actions
            if action.dest != "help" and not action.help]
    assert not bare, f"arguments without a help text in `quellen COMMAND --help`: {bare}"


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


@pytest.mark.gate
def test_the_package_does_not_know_the_seed():
    """No person, organization or work of the seed's gold, nor any of its places, appears in package code.

    quellen is judged on corpora it has never seen: what it knows comes from general resources, not
    from the seed. Places may appear in gazetteer data (countries, regions: general knowledge), never
    in code or comments.
    """
    import json
    from conftest import SEED_GOLD
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    names = {"code": set(), "anywhere": set()}
    for entity in gold["entities"]:
        for name in [entity.get("canonical") or "", *entity.get("aliases", [])]:
            # a name of one short word may be a common word ("Union", "Pravda" is not, "Lev" is)
            words = re.findall(r"[A-Za-z][a-z]+", name)
            if not name[:1].isupper() or not words or (len(words) == 1 and len(words[0]) < 6):
                continue
            if len(words) == 1 and entity["type"] in ("organization", "work"):
                continue  # a one-word body or title is often a common noun ("Politburo", "Opposition")
            key = "code" if entity["type"] == "place" else "anywhere"
            names[key].add(name.strip())
    files = [p for p in (ROOT / "src" / "quellen").rglob("*") if p.is_file()
             and p.suffix in {".py", ".csv", ".json", ".txt", ".toml", ".html", ".js", ".css"}
             and "vendor" not in p.parts]
    found = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        kinds = ("anywhere", "code") if path.suffix in {".py", ".html", ".js"} else ("anywhere",)
        for kind in kinds:
            for name in names[kind]:
                # the pattern matches only where the name stands as it is: a substring test first
                # skips nearly every search (a search per name and file took a minute)
                if name in text and re.search(rf"(?<![A-Za-z]){re.escape(name)}(?![a-z])", text):
                    found.append(f"{path.relative_to(ROOT)}: {name}")
    assert not found, found


#: the core modules whose docstring habit this test holds (the other areas have their own owners)
CORE = ("quellen", "quellen.cli", "quellen.pipeline", "quellen.settings", "quellen.errors", "quellen.model",
        "quellen.store", "quellen.ingest", "quellen.export")


def test_core_docstrings_open_with_what_they_return():
    import importlib
    import inspect
    import pkgutil
    wrong = []
    names = [*CORE, *(i.name for i in pkgutil.walk_packages(quellen.__path__, "quellen."))]
    # extract/ and nlp hold the habit too now that every public function of theirs has it
    prefixes = (*CORE[-3:], "quellen.extract", "quellen.nlp")
    for module_name in sorted({n for n in names if n in CORE or n.startswith(prefixes)}):
        module = importlib.import_module(module_name)
        functions = []
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module_name:
                continue
            if inspect.isfunction(obj):
                functions.append((name, obj))
            elif inspect.isclass(obj):
                functions += [(f"{name}.{k}", v.fget if isinstance(v, property) else v)
                              for k, v in vars(obj).items()
                              if not k.startswith("_") and (inspect.isfunction(v) or isinstance(v, property))]
        for name, func in functions:
            returns = inspect.signature(func).return_annotation
            if returns in ("None", None, inspect.Signature.empty) or name.startswith("cmd_"):
                continue  # cmd_* docstrings are the commands' help texts
            if not (func.__doc__ or "").lstrip().startswith(("Return", "Yield")):
                wrong.append(f"{module_name}.{name}")
    assert not wrong, wrong


def test_the_readme_python_example_runs_as_written(tmp_path, monkeypatch, capsys):
    # the README is the API's first user: its example must run unchanged on a small corpus
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"## Python API\s+```python\n(.*?)```", readme, re.S).group(1)
    (tmp_path / "letters").mkdir()
    (tmp_path / "letters" / "to_the_bailiff.txt").write_text(
        "Harwick Grange, 9th October 1788.\n\nSir,\n\nThe tenants of the lower farm will pay at "
        "Martinmas.\n\nI remain your servant,\nEdmund Lowe\n", encoding="utf-8")
    (tmp_path / "diary.xhtml").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>'
        "<h2>12 October 1788</h2><p>Rode to Harwick Grange; Lowe was away at the fair.</p></body></html>",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(example, "README.md", "exec"), namespace)
    assert namespace["report"].failed == [] and len(namespace["report"].added) == 2
    assert namespace["data"]["format"] == "quellen-export" and len(namespace["data"]["sources"]) == 2
    out = capsys.readouterr().out
    assert "letter" in out and "1788-10-09" in out
