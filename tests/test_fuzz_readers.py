"""Fuzzing every reader with random and mutated bytes: nothing but quellen's own InputError
subclasses ever escapes (no lxml, zipfile, zlib, pypdf or codec exception, no hang)."""
from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from pdfmaker import make_pdf
from quellen.errors import InputError
from quellen.ingest import read_source
from quellen.settings import IngestSettings

SETTINGS = IngestSettings(html_boilerplate_removal=False, max_inflated_bytes=2_000_000)


def _epub() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/container.xml",
                    '<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
                    '<rootfiles><rootfile full-path="c.opf"/></rootfiles></container>')
        zf.writestr("c.opf", '<package xmlns="http://www.idpf.org/2007/opf"><manifest>'
                    '<item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest>'
                    '<spine><itemref idref="a"/></spine></package>')
        zf.writestr("a.xhtml", "<html><body><h1>One</h1><p>Dear Sir, the rent is paid.</p></body></html>")
    return buf.getvalue()


SEEDS = {
    "letter.txt": "Dear Sir,\n\nThe rent of 9 May 1790 is paid. Señor Peña.\n".encode("utf-8"),
    "notes.md": "# Heading\n\nA *line* of text, 3 May 1790.\n".encode("cp1252"),
    "page.html": b'<html><head><meta charset="iso-8859-1"></head><body><h1>T</h1><p>Caf\xe9 du Nord.</p>'
                 b"<table><tr><td>a</td></tr></table></body></html>",
    "tei.xml": b'<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>Hi</p></body></text></TEI>',
    "book.epub": _epub(),
    "scan.pdf": make_pdf([["Dear Sir, the rent of 9 May 1790 is paid."], ["Second page."]]),
}


@st.composite
def mutated(draw, seed: bytes):
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[at:]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete" and data:
            del data[at:at + draw(st.integers(1, 64))]
    return bytes(data)


def _read(name: str, data: bytes) -> None:
    try:
        read_source(name, SETTINGS, data=data)
    except InputError:
        pass  # a clear refusal naming the file is the expected outcome for garbage


FAST = hsettings(max_examples=int(__import__("os").environ.get("FUZZ_EXAMPLES", "40")), deadline=None,
                 suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("name", sorted(SEEDS))
@FAST
@given(data=st.data())
def test_mutated_inputs_raise_only_input_errors(name, data):
    _read(name, data.draw(mutated(SEEDS[name])))


@pytest.mark.parametrize("name", ["x.txt", "x.html", "x.epub", "x.pdf", "x.xml", "x"])
@FAST
@given(raw=st.binary(max_size=600))
def test_random_bytes_raise_only_input_errors(name, raw):
    _read(name, raw)


@pytest.mark.parametrize("name", ["x.txt", "x.html"])
@FAST
@given(text=st.text(max_size=300), encoding=st.sampled_from(["utf-8", "utf-16", "utf-32", "cp1252", "utf-16-le"]))
def test_any_text_in_any_encoding_raises_only_input_errors(name, text, encoding):
    _read(name, text.encode(encoding, errors="replace"))


def test_a_pdf_whose_objects_refer_to_themselves_is_a_damaged_pdf():
    """Found by the fuzzer: pypdf's LimitReachedError escaped the reader."""
    from quellen.errors import FormatMismatch
    seed = SEEDS["scan.pdf"]
    last = seed.rindex(b"endstream")
    data = seed.replace(b"/Type /Catalog", b"/\x00ype /Catalog")
    data = data[:last] + b"\x00" + data[last + 1:]
    with pytest.raises(FormatMismatch, match="damaged PDF"):
        read_source("scan.pdf", SETTINGS, data=data)
