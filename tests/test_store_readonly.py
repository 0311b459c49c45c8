"""Read-only stores: every reading command opens the store read-only, so a store in a read-only
folder (a CD, a shared archive, another user's files) can be read, and reading changes nothing."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from quellen.cli import main
from quellen.model import Document, Source
from quellen.store import Store

READING = [["documents"], ["documents", "--json"], ["entities"], ["timeline"], ["conflicts"], ["reuse"],
           ["show", "doc-1"], ["export", "--format", "json", "-o", "{out}/x.json"],
           ["export", "--format", "csv", "-o", "{out}/csv"], ["report", "-o", "{out}/r.html"]]


def _make_store(folder: Path) -> Path:
    text = "Haverby, 9 May 1790.\n\nSir, the rent is paid.\n"
    db = folder / "q.db"
    with Store(db) as store:
        store.add_source(Source(id="src-1", name="a.txt", sha256="1" * 64, media_type="text/plain", text=text),
                         [Document(id="doc-1", source="src-1", char_start=0, char_end=len(text) - 1,
                                   kind="letter")], [], [], {})
        store.replace_corpus_layer([], {}, [], [], [])  # a finished build: export refuses a store without one
    return db


def _as_other_user(func) -> int:
    """Return the exit status of ``func()`` run in a child that cannot write the folder: as root
    (who writes anywhere) the child drops to nobody; the modules are loaded already."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 1
        try:
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)
            code = func()
        except BaseException:
            import traceback
            traceback.print_exc()
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_every_reading_command_reads_a_store_in_a_read_only_folder(tmp_path):
    import quellen.export.csv_export, quellen.export.json_export, quellen.export.report  # noqa: F401,E401
    import rich.console, rich.table, rich.markup  # noqa: F401,E401 - loaded before the child drops rights
    import codecs
    codecs.lookup("unicode-escape")  # the child may not read the standard library's folder
    folder = Path(tempfile.mkdtemp(prefix="quellen-ro-"))
    out = Path(tempfile.mkdtemp(prefix="quellen-out-"))
    try:
        db = _make_store(folder)
        before = sorted(os.listdir(folder)), db.stat().st_mtime_ns
        folder.chmod(0o555)
        db.chmod(0o444)
        out.chmod(0o777)
        for command in READING:
            argv = [a.format(out=out) for a in command] + ["--db", str(db)]
            assert _as_other_user(lambda argv=argv: main(argv)) == 0, argv
        assert (sorted(os.listdir(folder)), db.stat().st_mtime_ns) == before  # no -wal, -shm, nothing
        assert (out / "x.json").exists()
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)
        shutil.rmtree(out)


def test_serve_opens_the_store_read_only(tmp_path):
    pytest.importorskip("starlette")
    from quellen.web.app import create_app
    db = _make_store(tmp_path)
    app = create_app(db)
    with pytest.raises(Exception, match="readonly"):
        app.state.store.db.execute("CREATE TABLE x (a)")
