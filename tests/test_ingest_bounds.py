"""Bounded reading: only regular files are read (a FIFO or /dev/zero never hangs the build nor
fills memory), reads stop at the size limit, EPUB members inflate under a budget (zip bombs), and a
document longer than spaCy's max_length is parsed in pieces with its offsets kept."""
from __future__ import annotations

import io
import os
import socket
import threading
import zipfile

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from quellen.errors import TooLargeInput, UnreadableInput
from quellen.ingest import read_bytes, read_source
from quellen.nlp import parse_texts, pieces
from quellen.settings import IngestSettings


def _run_with_timeout(func, seconds: float = 10.0):
    """Return what ``func`` returned or raised; fail (not hang) when it takes longer than ``seconds``."""
    out: dict = {}

    def target():
        try:
            out["value"] = func()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            out["error"] = exc
    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "reading hung"
    if "error" in out:
        raise out["error"]
    return out["value"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "letters.txt"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableInput, match="FIFO"):
        _run_with_timeout(lambda: read_bytes(fifo))


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_symlink_to_dev_zero_is_refused(tmp_path):
    link = tmp_path / "endless.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(UnreadableInput, match="device"):
        _run_with_timeout(lambda: read_bytes(link))


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.txt"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(path))
        with pytest.raises(UnreadableInput, match="socket"):
            _run_with_timeout(lambda: read_bytes(path))
    finally:
        sock.close()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_build_over_a_folder_with_a_fifo_finishes(tmp_path):
    from quellen.pipeline import build
    from quellen.store import Store
    (tmp_path / "corpus").mkdir()
    os.mkfifo(tmp_path / "corpus" / "pipe.txt")

    def run():
        with Store(tmp_path / "q.db") as store:
            return build([str(tmp_path / "corpus")], store)
    report = _run_with_timeout(run, 60)
    assert [type(e) for e in report.failed] == [UnreadableInput]


def test_reading_stops_at_the_limit_whatever_the_size_says(tmp_path):
    # /proc files report size 0 and hold more; the cap is on what is read
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 5000)
    with pytest.raises(TooLargeInput, match="max_bytes"):
        read_bytes(path, IngestSettings(max_bytes=1000))
    if os.path.exists("/proc/self/status"):
        with pytest.raises(TooLargeInput):
            read_bytes(__import__("pathlib").Path("/proc/self/status"), IngestSettings(max_bytes=10))


def _bomb(inflated: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/container.xml",
                    '<?xml version="1.0"?><container version="1.0" '
                    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
                    '<rootfile full-path="content.opf" media-type="application/oebps-package+xml"/>'
                    "</rootfiles></container>")
        zf.writestr("content.opf", '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf">'
                    '<manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest>'
                    '<spine><itemref idref="c"/></spine></package>')
        zf.writestr("c.xhtml", "<html><body><p>Chapter one." + " " * inflated + "</p></body></html>")
    return buf.getvalue()


def test_an_epub_zip_bomb_is_refused_at_the_inflation_limit():
    data = _bomb(20_000_000)
    assert len(data) < 100_000
    with pytest.raises(TooLargeInput, match="max_inflated_bytes"):
        read_source("bomb.epub", IngestSettings(max_inflated_bytes=2_000_000), data=data)
    # under the limit, the same shape reads
    assert read_source("small.epub", data=_bomb(1000)).text.startswith("Chapter one.")


@hsettings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=3000), st.integers(10, 400))
def test_pieces_cover_the_text_in_order(text, size):
    parts = pieces(text, size)
    assert "".join(parts) == text
    assert all(len(p) <= size for p in parts)


def test_a_document_over_spacy_max_length_is_parsed_in_pieces_offsets_kept():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 5000  # spaCy refuses longer texts (E088), as it does 1,000,000 characters by default
    paragraph = "The captain wrote from Boston on 3 May. Nobody answered him.\n\n"
    text = paragraph * 400  # 25,200 characters, no heading anywhere
    [doc] = parse_texts([text], nlp, piece_chars=100_000)
    assert doc.text == text
    for token in list(doc)[::97]:
        assert text[token.idx:token.idx + len(token.text)] == token.text
    assert sum(1 for s in doc.sents if s.text.strip()) == 800
