"""Decoding never corrupts silently: a small corpus of encodings x languages, UTF-8 with stray
cp1252 bytes, byte-order marks for UTF-8/16/32, UTF-16 without a mark, and a warning where the
letters do not settle a legacy encoding (stored, shown by build, the reader and the export)."""
from __future__ import annotations

import pytest

from quellen.errors import BinaryInput
from quellen.ingest import read_source, source_warnings
from quellen.ingest.text import decode_text

# one sentence per language, hand-written, with the letters that tell the code pages apart
SENTENCES = {
    "spanish": "El señor Íñigo Peña llegó a la ciudad. ¿Qué pasó? Mañana será otro día, dijo el niño.",
    "french": "Le garçon était à l'école. Où est-il allé ? Noël, cœur, élève, très bien, déjà.",
    "portuguese": "São Paulo é uma cidade. A população não está contente; ações e informações.",
    "german": "Über München fährt der Zug. Größe, Straße, schön, Mädchen.",
    "italian": "Perché è così? La città è bella, più di ciò che sembrò.",
    "catalan": "Açò és la plaça de l'església; què hi ha? Però jo sóc aquí.",
    "polish": "Zażółć gęślą jaźń. Łódź jest dużym miastem w Polsce, świętość.",
    "czech": "Příliš žluťoučký kůň úpěl ďábelské ódy. Česká republika, řeka.",
    "hungarian": "Árvíztűrő tükörfúrógép. Őrült, különös, hűséges.",
    "russian": "Привет, как дела? Москва — столица России, а Нева — река.",
    "greek": "Καλημέρα, τι κάνεις; Η Αθήνα είναι πρωτεύουσα της Ελλάδας.",
    "english": "It’s a “quoted” word — and that’s it, at £5 or €6.",
}
ENCODINGS = ["utf-8", "utf-8-sig", "latin-1", "cp1252", "cp1250", "iso-8859-2", "cp1251", "cp1253",
             "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]


def _fits(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


CASES = [(enc, lang) for enc in ENCODINGS for lang, text in SENTENCES.items() if _fits(text, enc)]


@pytest.mark.parametrize("encoding,language", CASES)
def test_every_language_in_every_encoding_reads_back_exactly(encoding, language):
    text = SENTENCES[language] + "\n" + SENTENCES[language] + "\n"
    decoded, _, _ = decode_text("x.txt", text.encode(encoding))
    assert decoded == text


@pytest.mark.parametrize("language,expected", [("spanish", "iso-8859-1"), ("french", "cp1252"),
                                               ("portuguese", "iso-8859-1")])
def test_western_latin1_is_not_read_as_cp1250(language, expected):
    source = read_source("x.txt", data=SENTENCES[language].encode("cp1252"))
    assert source.text == SENTENCES[language]
    assert source.encoding == expected
    assert "ń" not in source.text and "ă" not in source.text


def test_utf8_with_a_few_cp1252_bytes_is_repaired_in_place():
    data = "München, the café’s owner said: ".encode() + b"\x93fine\x94 \x96 and that\x92s all."
    source = read_source("x.txt", data=data)
    assert source.text == "München, the café’s owner said: “fine” – and that’s all."
    assert source.encoding == "utf-8"
    assert ("cp1252-bytes", 4) in source.repairs
    assert source_warnings(source) == ["4 bytes that were not UTF-8 read as cp1252"]


def test_one_stray_byte_in_ascii_is_read_not_refused():
    source = read_source("x.txt", data=b"The owner\x92s letter of 3 May.\n")
    assert source.text == "The owner’s letter of 3 May.\n"


@pytest.mark.parametrize("encoding,bom", [("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff"),
                                          ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                          ("utf-8", b"\xef\xbb\xbf")])
def test_byte_order_marks(encoding, bom):
    text = SENTENCES["german"] + "\n"
    source = read_source("x.txt", data=bom + text.encode(encoding))
    assert source.text == text and source.encoding == encoding


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text_not_binary(encoding):
    text = SENTENCES["russian"] + "\n" + SENTENCES["english"] + "\n"
    source = read_source("x.txt", data=text.encode(encoding))
    assert source.text == text and source.encoding == encoding


def test_a_bom_that_lies_is_refused_with_the_encoding_named():
    with pytest.raises(BinaryInput, match="UTF-8"):
        decode_text("x.txt", b"\xef\xbb\xbfok \xff\xfe\xfd")


def test_uncertain_guess_is_stored_and_shown(tmp_path):
    """Italian in cp1252 reads as well in cp1250 (è/č, ò/ň): kept as cp1252, with a warning."""
    from quellen.export.json_export import to_dict
    from quellen.store import Store
    from quellen.web.views import Library, source as source_view
    data = SENTENCES["italian"].encode("cp1252")
    source = read_source(tmp_path / "lettera.txt", data=data)
    assert source.text == SENTENCES["italian"]
    assert ("encoding-uncertain", 1) in source.repairs
    [warning] = source_warnings(source)
    assert "iso-8859-1" in warning and "check" in warning
    with Store(tmp_path / "q.db") as store:
        store.add_source(source, [], [], [], {})
        exported = to_dict(store)["sources"][0]
        assert exported["encoding"] == "iso-8859-1" and exported["warnings"] == [warning]
        stored = store.source(source.id)
        assert stored.repairs == source.repairs
    with Store(tmp_path / "q.db", create=False) as store:
        assert source_view(Library(store), source.id)["warnings"] == [warning]


def test_build_prints_the_warning(tmp_path, capsys):
    from quellen.cli import main
    (tmp_path / "lettera.txt").write_bytes(SENTENCES["italian"].encode("cp1252"))
    assert main(["build", "--db", str(tmp_path / "q.db"), str(tmp_path / "lettera.txt")]) == 0
    err = capsys.readouterr().err
    assert "warning: " in err and "lettera.txt: encoding guessed as iso-8859-1" in err
