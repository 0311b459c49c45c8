"""Word lists are data (src/quellen/data/lexicon/), read by one loader: quellen.lexicons."""
from __future__ import annotations

import ast
import re
from importlib import resources
from pathlib import Path

import pytest

from quellen import lexicons

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "quellen"
LEXICON = resources.files("quellen").joinpath("data/lexicon")

#: module-level collections of words that are labels of the program (cue names, spaCy dependency labels,
#: TIMEX3 codes, rule classes), not words of a language; or a list bound to a pattern written beside it
_NOT_LEXICONS = {
    ("segment/lines.py", "CUES"),  # the cue labels a line may carry
    ("segment/describe.py", "_AUTHOR_BASIS"),  # evidence cues of describe() -> the author's basis
    ("extract/dates/find.py", "_HOLIDAYS"),  # keyed by the names its rule's pattern spells out
    ("extract/dates/find.py", "_MOVABLE"),  # keyed by the names its rule's pattern spells out
    ("extract/dates/find.py", "_CLASS_RULES"),  # rule classes
    ("extract/dates/merge.py", "_UNIT_ORDER"),  # TIMEX3 unit codes
    ("extract/resolve.py", "_ORIGIN_WEIGHT"),  # mention origins
    ("extract/places.py", "_ADJ_SUFFIXES"),  # endings, not words
}


def _string_collections(path: Path):
    """Yield (name, number of strings) for each module-level tuple/list/set/dict literal of strings."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not isinstance(node, (ast.Assign, ast.AnnAssign)):
            continue
        target = node.targets[0] if isinstance(node, ast.Assign) else node.target
        value = node.value
        if isinstance(value, ast.Call) and getattr(value.func, "id", "") in ("frozenset", "set", "tuple") \
                and value.args:
            value = value.args[0]
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "split" \
                and isinstance(value.func.value, ast.Constant):
            yield getattr(target, "id", "?"), len(str(value.func.value.value).split())
            continue
        items = value.keys if isinstance(value, ast.Dict) else getattr(value, "elts", [])
        yield getattr(target, "id", "?"), sum(isinstance(e, ast.Constant) and isinstance(e.value, str)
                                               for e in items)


@pytest.mark.parametrize("folder", ["extract", "segment", "claims"])
def test_no_word_list_is_kept_as_code(folder):
    # a list of a dozen words in code is a lexicon: it belongs in data/lexicon/, read with lexicons.words
    found = []
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        found += [f"{rel}: {name} ({n} words)" for name, n in _string_collections(path)
                  if n >= 12 and name != "__all__" and (rel, name) not in _NOT_LEXICONS]
    assert not found, "move these to src/quellen/data/lexicon/: " + "; ".join(found)


def test_every_lexicon_file_is_read_by_the_package():
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    read = set(re.findall(r"""\b(?:words|pairs|_numbers)\(["']([\w-]+)["']\)""", source))
    files = {Path(f.name).stem for f in LEXICON.iterdir() if f.name.endswith(".txt")}
    assert files - read == set(), "lexicon files nothing reads"
    assert read - files == set(), "lexicons read but missing"


def test_every_lexicon_file_is_clean():
    for f in LEXICON.iterdir():
        if not f.name.endswith(".txt"):
            continue
        lines = f.read_text(encoding="utf-8").splitlines()
        assert lines and lines[0].startswith("# "), f"{f.name}: starts with a comment saying what it lists"
        for line in lines:
            assert line == line.strip() and line, f"{f.name}: blank line or stray spaces in {line!r}"


def test_pairs_read_words_of_several_words_and_numbers():
    from quellen.extract.dates.lexicon import MONTHS, WORD_NUM
    assert WORD_NUM["a couple of"] == 2 and WORD_NUM["half an"] == 0.5 and isinstance(WORD_NUM["dozen"], int)
    assert MONTHS["january"] == 1 and MONTHS["sept"] == 9 and len(set(MONTHS.values())) == 12
    assert dict(lexicons.pairs("hypocoristics"))["sasha"] == "aleksandr aleksandra"


def test_a_missing_lexicon_is_a_clear_error():
    with pytest.raises(FileNotFoundError):
        lexicons.words("no_such_list")
