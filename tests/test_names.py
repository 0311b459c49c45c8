"""File names whatever their bytes: stored and printed (a non-UTF-8 name must neither crash the
build nor hide the other files' errors), control characters escaped, one line per failure."""
from __future__ import annotations

import os
import sys

import pytest

from quellen.errors import InputError, printable

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names are bytes")


def test_printable_escapes_what_a_terminal_would_obey():
    assert printable(os.fsdecode(b"caf\xe9.txt")) == "caf\\xe9.txt"
    assert printable("bad\nname\x1b[31m.pdf") == "bad\\nname\\x1b[31m.pdf"
    assert printable("evil\u202etxt.exe") == "evil\\u202etxt.exe"
    assert printable("Ñandú, Łódź, Москва.txt") == "Ñandú, Łódź, Москва.txt"
    error = InputError("a\rb.txt", "why\nnot")
    assert "\n" not in str(error) and "\r" not in str(error)


def test_a_non_utf8_name_is_stored_and_other_errors_still_shown(tmp_path, capsys):
    from quellen.cli import main
    from quellen.store import Store
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with open(os.path.join(os.fsencode(corpus), b"caf\xe9.txt"), "wb") as f:
        f.write(b"Dear Sir, the rent of 3 May 1790 is paid.\n")
    (corpus / "bad\nname\x1b[31m.pdf").write_bytes(b"not a pdf at all")
    db = tmp_path / "q.db"
    assert main(["build", "--db", str(db), str(corpus)]) == 1
    err = capsys.readouterr().err
    assert "\x1b[31m" not in err
    failures = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(failures) == 1 and "bad\\nname\\x1b[31m.pdf" in failures[0]
    with Store(db, create=False) as store:
        assert [s.name for s in store.sources()] == ["caf\\xe9.txt"]
    assert main(["documents", "--db", str(db)]) == 0
