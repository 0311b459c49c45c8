import pytest

from quellen.errors import SettingsError
from quellen.settings import Settings, load_settings


def test_overrides_are_typed():
    s = Settings().with_overrides(["ingest.max_bytes=10", "reuse.embeddings=false",
                                   "nlp.spacy_model=en_core_web_md"])
    assert s.ingest.max_bytes == 10
    assert s.reuse.embeddings is False
    assert s.nlp.spacy_model == "en_core_web_md"


@pytest.mark.parametrize("bad", ["nope", "ingest.nope=1", "nope.x=1", "ingest.max_bytes=ten"])
def test_bad_overrides_are_refused(bad):
    with pytest.raises(SettingsError):
        Settings().with_overrides([bad])


def test_toml_file(tmp_path):
    path = tmp_path / "quellen.toml"
    path.write_text('[dates]\ncalendar = "julian"\n', encoding="utf-8")
    assert load_settings(path).dates.calendar == "julian"
    with pytest.raises(SettingsError):
        load_settings(tmp_path / "missing.toml")


def test_settings_are_data():
    data = Settings().to_dict()
    assert data["nlp"]["spacy_model"]
    assert Settings().with_overrides({}) == Settings()
