"""The wheel and the sdist hold the whole app: installed from the wheel into a fresh virtualenv
(no checkout, no npm), ``quellen serve`` answers /timeline and every asset the page names."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import sysconfig
import tarfile
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ["quellen/web/static/vendor/vis-timeline/vis-timeline-graph2d.min.js",
          "quellen/web/static/vendor/leaflet/leaflet.js", "quellen/web/static/vendor/cytoscape.min.js",
          "quellen/web/static/vendor/world-atlas/countries-50m.json",
          "quellen/web/static/vendor/LICENSE.leaflet", "quellen/web/static/quellen.js",
          "quellen/web/templates/timeline.html", "quellen/data/letters.json"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_wheel_installed_in_a_fresh_venv_serves_the_timeline_with_its_assets(tmp_path, small_store):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(dist), str(ROOT)], check=True, cwd=tmp_path, timeout=120)
    [wheel] = dist.glob("quellen-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert not [a for a in ASSETS if a not in names]
    # the sdist too (built by the same backend pip used)
    sdist = subprocess.run([sys.executable, "-c", "import sys; from setuptools import build_meta as b; "
                            "print(b.build_sdist(sys.argv[1]))", str(dist)],
                           check=True, cwd=ROOT, capture_output=True, text=True, timeout=120).stdout.split()[-1]
    members = tarfile.open(dist / sdist).getnames()
    assert not [a for a in ASSETS if not any(m.endswith("src/" + a) for m in members)]

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=60)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                   check=True, timeout=60, env=env)
    # the dependencies are those of the test environment (no network here): put its site-packages
    # after the fresh venv's own, so quellen itself comes from the wheel
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True, env=env).stdout.strip()
    (Path(site) / "zz_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    where = subprocess.run([str(python), "-c", "import quellen; print(quellen.__file__)"], check=True, cwd=tmp_path,
                           capture_output=True, text=True, env=env).stdout.strip()
    assert where.startswith(str(venv)), where

    port = _free_port()
    server = subprocess.Popen([str(venv / "bin" / "quellen"), "serve", "--db", str(small_store), "--port", str(port)],
                              cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                page = urllib.request.urlopen(base + "/timeline", timeout=5).read().decode()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                time.sleep(0.1)
        assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page)
        assert any("vis-timeline" in a for a in assets), "the timeline page names no timeline library"
        for asset in assets:
            assert urllib.request.urlopen(base + asset, timeout=5).status == 200, asset
    finally:
        server.terminate()
        server.wait(10)


def test_dependencies_need_no_extra_an_old_pip_cannot_resolve():
    import tomllib
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = {re.split(r"[<>=\[; ]", d)[0].lower().replace("-", "_") for d in deps}
    assert {"lxml_html_clean", "cryptography"} <= names
    assert not any("[html_clean]" in d for d in deps)
    import trafilatura  # noqa: F401 - fails without lxml_html_clean
