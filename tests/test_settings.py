import json

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


def test_the_encoder_can_be_run_as_shipped_or_in_bfloat16():
    assert Settings().reuse.embedding_backend == "torch-bf16"
    assert Settings().with_overrides(["reuse.embedding_backend=torch"]).reuse.embedding_backend == "torch"


@pytest.mark.parametrize("bad,message", [
    # a method of Settings is not a section (was a TypeError traceback)
    ("to_dict.x=1", "unknown setting 'to_dict.x'"),
    ("with_overrides.a=b", "unknown setting 'with_overrides.a'"),
    # values the rest of quellen cannot work with (were accepted, and failed later or silently)
    ("ingest.max_bytes=-5", "setting ingest.max_bytes: -5 is out of range"),
    ("nlp.batch_size=0", "setting nlp.batch_size: 0 is out of range"),
    ("dates.calendar=mayan", "setting dates.calendar: 'mayan' is not one of auto, gregorian, julian"),
    ("reuse.embedding_backend=fp16", "'fp16' is not one of torch, torch-bf16, onnx-int8, static"),
    ("reuse.embedding_threshold=7", "setting reuse.embedding_threshold: 7.0 is out of range (from 0 to 1)"),
    ("reuse.gap=-1", "setting reuse.gap: -1 is out of range"),
    ("ingest.extensions=txt,.md", "setting ingest.extensions: extensions start with a dot"),
    ("reuse.line_min_tokens=50", "reuse.line_min_tokens (50) is above reuse.line_max_tokens"),
])
def test_bad_values_name_the_setting(bad, message):
    with pytest.raises(SettingsError) as caught:
        Settings().with_overrides([bad])
    assert message in str(caught.value)


@pytest.mark.parametrize("toml,message", [
    ("calendar = 'julian'\n", "unknown setting 'calendar'"),          # outside a section: was ignored
    ("[ingest]\nextensions = 5\n", "setting ingest.extensions: expected a list of strings, got 5"),
    ("[ingest]\nmax_bytes = true\n", "setting ingest.max_bytes: expected int, got True"),
    ("[reuse]\nngram = 2.5\n", "setting reuse.ngram: expected int, got 2.5"),
    ("[reuse]\nembeddings = 'maybe'\n", "setting reuse.embeddings: cannot read 'maybe' as bool"),
    ("[dates]\ncalendar = 3\n", "setting dates.calendar: expected str, got 3"),
    ("[ingest.sub]\nx = 1\n", "unknown setting 'ingest.sub'"),
    ("[ingest]\nbogus = 1\n", "unknown setting 'ingest.bogus'"),
])
def test_bad_toml_names_the_file_and_the_setting(tmp_path, toml, message):
    path = tmp_path / "quellen.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert str(caught.value).startswith(f"{path}: ") and message in str(caught.value)


def test_toml_values_of_the_right_type_are_taken(tmp_path):
    path = tmp_path / "quellen.toml"
    path.write_text('[ingest]\nextensions = [".txt", ".xml"]\n[reuse]\nembedding_threshold = 1\n'
                    'embeddings = false\n', encoding="utf-8")
    s = load_settings(path, ["reuse.ngram=4"])
    assert s.ingest.extensions == (".txt", ".xml") and s.reuse.embedding_threshold == 1.0
    assert isinstance(s.reuse.embedding_threshold, float) and s.reuse.embeddings is False and s.reuse.ngram == 4


def test_cli_reports_a_bad_setting_with_exit_2(capsys):
    from quellen.cli import main
    assert main(["config", "--set", "nlp.batch_size=0"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and "nlp.batch_size" in err


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


def test_merge_and_conflict_thresholds_are_settings_shown_by_config(capsys):
    """The thresholds of the event merge and the conflict checks were function defaults that neither
    `quellen config` nor the settings stored with a build could show."""
    from quellen.cli import main
    data = Settings().with_overrides(["events.merge_threshold=0.5", "conflicts.head_window=6"]).to_dict()
    assert data["events"]["merge_threshold"] == 0.5 and data["conflicts"]["head_window"] == 6
    assert main(["config", "--set", "conflicts.same_place_km=25"]) == 0
    out = capsys.readouterr().out
    assert "merge_threshold" in out and "same_place_km" in out and "25" in out
    with pytest.raises(SettingsError):
        Settings().with_overrides(["events.merge_threshold=1.5"])


def test_corpus_only_settings_leave_the_per_source_hash_alone():
    from quellen.pipeline import settings_hash
    base = Settings()
    assert settings_hash(base.with_overrides(["conflicts.issuer_reach=400", "events.merge_threshold=0.6"])) == \
        settings_hash(base)
    assert settings_hash(base.with_overrides(["events.summary_words=12"])) != settings_hash(base)
    assert settings_hash(base.with_overrides(["conflicts.issuer_reach=400"]), per_source=False) != \
        settings_hash(base, per_source=False)


def test_entity_resolution_thresholds_are_settings_shown_by_config_and_stored(capsys, tmp_path):
    """The windows, distances and town sizes of entity resolution and geocoding were constants and
    function defaults of extract/resolve.py and extract/places.py."""
    from quellen.cli import main
    from quellen.store import Store
    assert main(["config", "--set", "entities.neighbour_km=80"]) == 0
    out = capsys.readouterr().out
    assert '"entities"' in out and "neighbour_km" in out and "small_town_population" in out and "80" in out
    with pytest.raises(SettingsError, match="entities.place_similarity"):
        Settings().with_overrides(["entities.place_similarity=150"])
    (tmp_path / "a.txt").write_text("On 3 March 1862 the mill at Hale was closed.\n", encoding="utf-8")
    db = tmp_path / "q.db"
    assert main(["build", str(tmp_path / "a.txt"), "--db", str(db), "--set", "entities.local_window=200"]) == 0
    with Store(db, readonly=True) as store:
        stored = json.loads(store.builds()[-1]["settings"])
    assert stored["entities"]["local_window"] == 200 and stored["events"]["vague_days"] == 400


def test_entity_and_new_event_settings_shape_only_the_corpus_layer():
    from quellen.pipeline import settings_hash
    base = Settings()
    changed = base.with_overrides(["entities.neighbour_km=50", "events.vague_days=100"])
    assert settings_hash(changed) == settings_hash(base)
    assert settings_hash(changed, per_source=False) != settings_hash(base, per_source=False)


def test_conflict_thresholds_are_settings_shown_by_config_range_checked_and_stored(capsys, tmp_path):
    """The similarities, word counts and reaches of quellen.conflicts were literals and function defaults."""
    from quellen.cli import main
    from quellen.store import Store
    assert main(["config", "--set", "conflicts.date_similarity=0.3"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["conflicts"]["date_similarity"] == 0.3
    assert {"date_subject_similarity", "date_shared_lemmas", "variant_min_ratio", "variant_max_words",
            "variant_context_words", "head_line_max_chars", "salutation_reach"} <= set(out["conflicts"])
    for bad in ("conflicts.variant_min_ratio=1.5", "conflicts.date_shared_lemmas=0", "conflicts.head_line_max_chars=0"):
        with pytest.raises(SettingsError, match=bad.split("=")[0]):
            Settings().with_overrides([bad])
    (tmp_path / "a.txt").write_text("On 3 March 1862 the mill at Hale was closed.\n", encoding="utf-8")
    db = tmp_path / "q.db"
    assert main(["build", str(tmp_path / "a.txt"), "--db", str(db), "--set", "conflicts.salutation_reach=80"]) == 0
    with Store(db, readonly=True) as store:
        stored = json.loads(store.builds()[-1]["settings"])
    assert stored["conflicts"]["salutation_reach"] == 80 and stored["conflicts"]["variant_max_words"] == 3


@pytest.mark.parametrize("written,expected", [
    ('ingest.skip_names=["LICENSE*", "NOTES*"]', ("LICENSE*", "NOTES*")),  # as quellen.toml writes a list
    ("ingest.skip_names=[]", ()),                                           # no file passed over by name
    ("ingest.skip_names=LICENSE*,NOTES*", ("LICENSE*", "NOTES*")),          # the comma form still reads
])
def test_a_list_setting_reads_a_list_written_as_in_toml(written, expected):
    # '["LICENSE*"]' was kept as one pattern, a character class matching one-letter names
    assert Settings().with_overrides([written]).ingest.skip_names == expected


def test_a_list_setting_refuses_a_broken_list():
    with pytest.raises(SettingsError) as caught:
        Settings().with_overrides(['ingest.skip_names=["LICENSE*"'])
    assert "ingest.skip_names" in str(caught.value)
