"""The recipe's plumbing: texts read from the store as needed, steps reported to a recorder."""
from __future__ import annotations

from quellen import build, open_store
from quellen.model import Source
from quellen.pipeline import StoredTexts, record_steps, working_text
from quellen.settings import Settings

FAST = Settings().with_overrides({"reuse.embeddings": False})


def _letters(folder, n):
    folder.mkdir()
    for i in range(n):
        # names chosen so that the store's order (name, then id) is not the order written
        (folder / f"{(i * 7) % n:02d}.txt").write_text(f"Haverby, {i + 1} May 1790.\n\nSir,\n\nThe rent of "
                                                       f"lot {i} is paid \u2014 in full.\n\nJ. Marlowe\n",
                                                       encoding="utf-8")


class Steps:
    def __init__(self):
        self.events = []

    def start(self, name):
        self.events.append(("start", name))

    def stop(self, name):
        self.events.append(("stop", name))


def test_stored_texts_follow_the_store_and_hold_only_a_few(tmp_path):
    _letters(tmp_path / "c", 5)
    steps = Steps()
    previous = record_steps(steps)
    try:
        with open_store(tmp_path / "q.db") as store:
            assert build([str(tmp_path / "c")], store, FAST).ok
            sources: list[Source] = store.sources()
            texts = StoredTexts(store, keep=2)
            assert list(texts) == [s.id for s in sources] and len(texts) == 5
            assert dict(texts.items()) == {s.id: working_text(s) for s in sources}
            assert len(texts._cache) == 2  # read one by one, the oldest let go
            assert sources[0].id in texts and "src-nope" not in texts and texts.get("src-nope") is None
    finally:
        record_steps(previous)
    names = [n for kind, n in steps.events if kind == "start"]
    for step in ("read", "segment", "dates", "parse", "mentions", "claims", "store source", "entities", "reuse",
                 "events", "store corpus"):
        assert step in names
    assert steps.events.count(("start", "parse")) == 5 == steps.events.count(("stop", "parse"))
