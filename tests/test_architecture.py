"""The shape of the package: one owner per concept, dependencies that point one way, no private
name borrowed across modules. Read from the source with ``ast``, so nothing is imported."""
from __future__ import annotations

import ast
from pathlib import Path

import quellen

SRC = Path(quellen.__file__).resolve().parent

#: the layers, lowest first: a module imports only from its own top-level unit or from a lower
#: layer (model <- vocab <- extract <- segment <- claims <- events <- conflicts <- corroborate <- pipeline
#: <- web <- cli, which serves the web app); ingest, nlp, reuse and the store sit beside extract, the
#: exports beside the pipeline, and the engines (which run the pipeline's unit of work) below it; the JSON
#: vocabulary (one shape per record, spoken by the store, the exports, the CLI and the web) just above the model
LAYERS = {
    "_version": 0, "errors": 0, "model": 0, "lexicons": 0, "settings": 1, "vocab": 1,
    "extract": 2, "ingest": 2, "nlp": 2, "reuse": 2, "store": 2,
    "segment": 3, "claims": 4, "events": 5, "conflicts": 6, "corroborate": 7,
    "engines": 8, "pipeline": 9, "export": 9, "web": 10, "cli": 11, "__main__": 12, "quellen": 12,
}


def _modules() -> list[tuple[str, Path, ast.Module]]:
    out = []
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out.append((name, path, ast.parse(path.read_text(encoding="utf-8"))))
    return out


def _imports(name: str, path: Path, tree: ast.Module) -> list[tuple[str, str, int]]:
    """Return (imported module, imported name or "", line) for every quellen import of a module."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module.split(".")[0] == "quellen":
                out.extend((module, a.name, node.lineno) for a in node.names)
        elif isinstance(node, ast.Import):
            out.extend((a.name, "", node.lineno) for a in node.names if a.name.split(".")[0] == "quellen")
    return out


def _unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "quellen"


def test_no_module_imports_another_modules_private_name():
    """A ``_name`` is its module's own; what another module needs is public (a private *module*, such as
    ``_version`` or ``export/_io``, may hold public names)."""
    found = [f"{path.relative_to(SRC)}:{line} imports {module}.{imported}"
             for name, path, tree in _modules() for module, imported, line in _imports(name, path, tree)
             if imported.startswith("_") and not imported.startswith("__")]
    assert not found, "\n".join(found)


def test_dependencies_point_one_way():
    found = []
    for name, path, tree in _modules():
        me = _unit(name)
        for module, imported, line in _imports(name, path, tree):
            target = _unit(module if not imported or module != "quellen" else f"quellen.{imported}")
            if target == me or me not in LAYERS or target not in LAYERS:
                continue
            if LAYERS[target] >= LAYERS[me]:
                found.append(f"{path.relative_to(SRC)}:{line}: {me} imports {target} (layer {LAYERS[target]} "
                             f">= {LAYERS[me]})")
    assert not found, "\n".join(found)


def test_every_package_has_a_layer():
    units = {_unit(name) for name, _, _ in _modules()}
    assert units <= set(LAYERS), sorted(units - set(LAYERS))


def test_the_architecture_tests_can_fail():
    """The checks above see a private import and an upward import when there is one."""
    tree = ast.parse("from ..events import _reuse_index\nfrom ..pipeline import build\n")
    got = _imports("quellen.claims.read", SRC / "claims" / "read.py", tree)
    assert got == [("quellen.events", "_reuse_index", 1), ("quellen.pipeline", "build", 2)]
    assert LAYERS[_unit(got[1][0])] > LAYERS["claims"]
