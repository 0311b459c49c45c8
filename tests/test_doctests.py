"""The examples in the package's docstrings run, and give what they show."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import quellen


def _modules_with_examples() -> list[str]:
    """Return the names of the package's modules whose docstrings hold at least one example."""
    finder = doctest.DocTestFinder()
    names = []
    for info in pkgutil.walk_packages(quellen.__path__, "quellen."):
        if info.name.endswith("__main__"):
            continue  # running it is running the CLI
        module = importlib.import_module(info.name)
        if any(t.examples for t in finder.find(module)):
            names.append(info.name)
    return names


MODULES = _modules_with_examples()


def test_the_examples_are_found():
    # a broken walk would find nothing and let every example go unrun
    assert {"quellen.model", "quellen.segment.dating", "quellen.extract.places"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False,
                             report=True)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples of {name} failed (output above)"
