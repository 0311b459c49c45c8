"""Ingest entry points: discovery of files, folders and globs; sniffing; encodings; content ids."""
from __future__ import annotations

import io
import os
import zipfile

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from quellen.errors import BinaryInput, EmptyInput, FormatMismatch, MissingInput, TooLargeInput
from quellen.ingest import discover, read_source, sha256_of
from quellen.ingest.detect import sniff_media_type
from quellen.ingest.text import decode_bytes
from quellen.settings import IngestSettings

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"



def _zip(files: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, text in files.items():
            zf.writestr(name, text)
    return buf.getvalue()


CP1251 = ("Верхнеозёрск, 3 марта 1871 года.\nМилостивый государь Пётр Ильич!\n"
          "Спешу уведомить Вас, что мельница на реке Сvolga сгорела в ночь на второе число, "
          "и что убытки наши весьма велики. Прошу Вас приехать как можно скорее.\n"
          "Преданный Вам Аким Полозов\n").replace("Сvolga", "Смородинке")
LATIN1 = ("Saint-Aubert-des-Prés, le 2 février 1794.\nCitoyen maire,\n"
          "La crue de la rivière a emporté le pont de l'Écluse et noyé les prés du côté "
          "de la forêt. Les habitants réclament du blé et des planches. Salut et fraternité.\n"
          "Élisée Marchot, greffier\n")
GERMAN = ("Bad Quellbach, den 12. Jänner 1802.\nHochgeehrter Herr Pfarrer!\n"
          "Die Brücke über den Mühlbach ist gestern gänzlich eingestürzt; zwei Fuhrleute "
          "wurden gerettet, die Pferde ertranken. Übermorgen schreibe ich ausführlicher.\n"
          "Ihr ergebener Jörg Häußler\n")


def write(folder, name, data):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


# -- discovery --------------------------------------------------------------------------
def test_discover_walks_folders_recursively_in_a_stable_order(tmp_path):
    write(tmp_path, "b.txt", "b")
    write(tmp_path, "a/z.html", "<p>z</p>")
    write(tmp_path, "a/deeper/y.md", "y")
    write(tmp_path, "a/notes.docx", "ignored by extension")
    write(tmp_path, ".hidden/x.txt", "hidden folder")
    write(tmp_path, "a/.x.txt", "hidden file")
    write(tmp_path, "README.md", "what this corpus is")
    write(tmp_path, "a/LICENSE.txt", "terms")
    write(tmp_path, "a/z.html.meta.toml", 'author = "Ann Pell"')
    write(tmp_path, "quellen.toml", "")
    files, errors, skipped = discover([str(tmp_path)])
    assert errors == []
    assert [p.relative_to(tmp_path).as_posix() for p in files] == ["a/deeper/y.md", "a/z.html", "b.txt"]
    # what the walk left out for its extension is said (quellen's own sidecar and settings are not)
    assert [p.relative_to(tmp_path).as_posix() for p in skipped] == ["a/notes.docx"]
    # named explicitly, a README is read like any file
    assert discover([str(tmp_path / "README.md")])[0] == [tmp_path / "README.md"]


def test_a_sidecar_beside_no_file_is_named_not_ignored(tmp_path):
    write(tmp_path, "diary.txt", "March 3. Fine day.")
    write(tmp_path, "diary.meta.toml", 'author = "Ann Pell"')  # meant for diary.txt, named without its suffix
    write(tmp_path, "notes.docx.meta.toml", 'author = "Ann Pell"')  # a file not read, but there
    write(tmp_path, "notes.docx", "not read")
    files, errors, _ = discover([str(tmp_path)])
    assert [p.name for p in files] == ["diary.txt"]
    assert [type(e) for e in errors] == [MissingInput]
    assert str(errors[0]).startswith(f"{tmp_path / 'diary.meta.toml'}: a sidecar beside no file")
    assert "diary.txt.meta.toml for diary.txt" in str(errors[0])


def test_discover_globs_files_and_deduplicates(tmp_path):
    a = write(tmp_path, "one.txt", "1")
    write(tmp_path, "two.txt", "2")
    write(tmp_path, "sub/three.txt", "3")
    files, errors, _ = discover([str(tmp_path / "*.txt"), str(a), str(tmp_path / "**" / "three.txt")])
    assert errors == []
    assert [p.name for p in files] == ["one.txt", "two.txt", "three.txt"]


def test_discover_reports_what_gives_nothing(tmp_path):
    (tmp_path / "empty").mkdir()
    files, errors, _ = discover([str(tmp_path / "nope.txt"), str(tmp_path / "*.pdf"), str(tmp_path / "empty")])
    assert files == []
    assert [type(e) for e in errors] == [MissingInput] * 3
    assert "nope.txt: no such file or folder" in str(errors[0])
    assert "matches no file" in str(errors[1])
    assert "holds no file quellen can read" in str(errors[2])


def test_an_explicit_file_is_kept_whatever_its_extension(tmp_path):
    path = write(tmp_path, "letter.text.bak", "A letter.")
    files, _, _ = discover([str(path)])
    assert files == [path]
    assert read_source(path).text == "A letter."


# -- sniffing ------------------------------------------------------------------------------
@pytest.mark.parametrize("name,data,media_type", [
    ("a.txt", b"plain", "text/plain"),
    ("a.md", b"# title", "text/markdown"),
    ("a.html", b"<p>x</p>", "text/html"),
    ("a.xhtml", b"<?xml version='1.0'?><html/>", "application/xhtml+xml"),
    ("noext", b"<!DOCTYPE html><html><body>x</body></html>", "text/html"),
    ("a.txt", b"<html><body>a text file that is markup</body></html>", "text/plain"),
    ("a.pdf", b"%PDF-1.4\n...", "application/pdf"),
])
def test_sniff_media_type(name, data, media_type):
    assert sniff_media_type(name, data) == media_type


@pytest.mark.parametrize("name,data,message", [
    ("photo.txt", PNG, "the file is a PNG image, not text as its extension .txt says"),
    ("report.pdf", b"Just some text saved with the wrong name.\n", "file is plain text"),
    ("page.html", b"%PDF-1.4\nxx", "the file is a PDF, not HTML"),
    ("book.epub", b"not a zip", "not a ZIP archive"),
    ("notes.txt", b"PK\x03\x04" + b"\x00" * 40, "damaged ZIP"),
    ("db.txt", b"SQLite format 3\x00" + b"\x00" * 100, "an SQLite database"),
])
def test_sniffing_refuses_what_the_name_lies_about(name, data, message):
    with pytest.raises(FormatMismatch, match=message):
        sniff_media_type(name, data)


@pytest.mark.parametrize("name,data,message", [
    ("scan.png", PNG, r"the file is a PNG image; quellen reads plain text, .* EPUB and PDF$"),
    ("letters.docx", _zip({"word/document.xml": "<w:document/>"}), r"a Word document \(\.docx\); quellen reads"),
    ("letters.odt", _zip({"mimetype": "application/vnd.oasis.opendocument.text"}), "an OpenDocument file"),
    ("bundle.zip", _zip({"a.txt": "x"}), "a ZIP archive \\(not an EPUB\\); quellen reads"),
])
def test_a_format_quellen_does_not_read_is_named_not_called_a_lie(name, data, message):
    # a .png that is a PNG is what its extension says: the message says what quellen reads instead
    with pytest.raises(FormatMismatch, match=message) as info:
        sniff_media_type(name, data)
    assert "extension" not in str(info.value)


def test_random_binary_is_refused():
    data = bytes(range(256)) * 40
    with pytest.raises(BinaryInput, match="binary data"):
        sniff_media_type("blob.txt", data)


# -- encodings ---------------------------------------------------------------------------
@pytest.mark.parametrize("text,encoding", [(CP1251, "cp1251"), (LATIN1, "latin-1"), (GERMAN, "latin-1"),
                                           (LATIN1, "utf-16"), (CP1251, "utf-16-le-bom"),
                                           (GERMAN, "utf-8-sig")])
def test_non_utf8_text_is_decoded(tmp_path, text, encoding):
    data = (b"\xff\xfe" + text.encode("utf-16-le")) if encoding == "utf-16-le-bom" else text.encode(encoding)
    path = write(tmp_path, "letter.txt", data)
    source = read_source(path)
    assert source.text == text
    assert source.sha256 == sha256_of(data)


def test_windows_newlines_become_newlines_and_lines_keep_their_numbers():
    text, encoding = decode_bytes("x", "one\r\ntwo\rthree\n".encode("cp1252"))
    source_text = read_source("x.txt", data="one\r\ntwo\rthree\n".encode()).text
    assert source_text == "one\ntwo\nthree\n"
    assert encoding == "utf-8" and text == "one\r\ntwo\rthree\n"


def test_markdown_and_typographic_repairs_recorded_not_applied():
    source = read_source("n.md", data="# Title\n\nA\u00a0B and soft\u00adhyphen.\n".encode())
    assert source.media_type == "text/markdown"
    assert source.text == "# Title\n\nA\u00a0B and soft\u00adhyphen.\n"  # CONTRACT.md: plain text unchanged
    assert dict(source.repairs) == {"nbsp": 1, "soft-hyphen": 1}


# -- content ids --------------------------------------------------------------------------
def test_same_bytes_same_id_whatever_the_file_name(tmp_path):
    a = write(tmp_path, "a.txt", "Same letter.\n")
    b = write(tmp_path, "copy/b.txt", "Same letter.\n")
    c = write(tmp_path, "c.txt", "Same letter!\n")
    sa, sb, sc = read_source(a), read_source(b), read_source(c)
    assert sa.id == sb.id and sa.sha256 == sb.sha256
    assert sa.id != sc.id
    assert sa.name == "a.txt" and sb.name == "b.txt"


def test_read_source_limits(tmp_path):
    with pytest.raises(EmptyInput, match="only blank space"):
        read_source(write(tmp_path, "blank.txt", " \n\t\n"))
    with pytest.raises(TooLargeInput, match="over the limit"):
        read_source(write(tmp_path, "big.txt", "x" * 2000), IngestSettings(max_bytes=1000))
    with pytest.raises(EmptyInput, match="no reading text"):
        read_source(write(tmp_path, "only-script.html", "<html><script>x()</script></html>"))
    with pytest.raises(MissingInput, match="no such file"):
        read_source(tmp_path / "gone.txt")
    assert os.path.exists(tmp_path / "blank.txt")


@hsettings(max_examples=80, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x00"),
                        max_size=20), min_size=1, max_size=8),
       st.sampled_from(["\n", "\r\n", "\r"]), st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_plain_text_round_trip_keeps_line_numbers(lines, newline, encoding):
    """Line N of the file is line N of the text, whatever the newlines and the encoding."""
    raw = newline.join(lines) + newline
    if not raw.strip() or len(raw.encode("utf-8")) < 2:
        return
    try:
        source = read_source("x.txt", data=raw.encode(encoding))
    except (EmptyInput, BinaryInput):
        return  # blank, or control characters a text file would not hold
    assert source.text.split("\n") == [line for line in lines] + [""]
