"""The web's JSON twins, the CLI's --json and the export speak one vocabulary (quellen.vocab): the twin of a
document, an entity, an event, a conflict or a reuse group holds the export's record for it, every key with
the export's meaning; a view only adds keys beside them."""
from __future__ import annotations

import json

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402

from quellen.export.json_export import to_dict  # noqa: E402
from quellen.store import Store  # noqa: E402
from quellen.web.app import create_app  # noqa: E402


def speaks(view, record, where: str = "") -> list[str]:
    """Return where ``view`` departs from ``record``: a key of the record missing from the view or given
    another value (a list of objects is compared item by item, each item may hold more keys)."""
    if isinstance(record, dict):
        if not isinstance(view, dict):
            return [f"{where}: {view!r} is not an object like {record!r}"]
        return [p for k, v in record.items() for p in
                ([f"{where}.{k}: missing"] if k not in view else speaks(view[k], v, f"{where}.{k}"))]
    if isinstance(record, list) and record and isinstance(record[0], dict):
        if not isinstance(view, list) or len(view) != len(record):
            return [f"{where}: {view!r} is not a list of {len(record)} objects"]
        return [p for i, (a, b) in enumerate(zip(view, record)) for p in speaks(a, b, f"{where}[{i}]")]
    return [] if view == record else [f"{where}: {view!r} != {record!r}"]


def test_speaks_sees_a_key_with_another_meaning():
    assert speaks({"place": "ent-1", "label": "x"}, {"place": "ent-1"}) == []
    assert speaks({"place": {"id": "ent-1", "name": "Milan"}}, {"place": "ent-1"})
    assert speaks({"claims": 2}, {"claims": [{"value": "a"}, {"value": "b"}]})
    assert speaks({"attestations": [{"char_start": 1, "text": "x"}]}, {"attestations": [{"char_start": 2}]})


@pytest.fixture(scope="module")
def export(small_store):
    with Store(small_store, create=False) as store:
        return to_dict(store)


@pytest.fixture(scope="module")
def client(small_store):
    with TestClient(create_app(small_store), base_url="http://localhost") as c:
        yield c


def test_document_entity_and_event_twins_hold_the_exported_record(client, export):
    assert export["documents"] and export["entities"] and export["events"]
    for d in export["documents"]:
        twin = client.get(f"/documents/{d['id']}.json").json()
        assert twin["document"] == d
        assert all({"source", "document", "char_start", "char_end", "text", "type", "entity"} <= set(m)
                   for m in twin["mentions"])
    for e in export["entities"]:
        assert client.get(f"/entities/{e['id']}.json").json()["entity"] == e
    for ev in export["events"]:
        twin = client.get(f"/events/{ev['id']}.json").json()
        assert set(twin["event"]) >= set(ev) and speaks(twin["event"], ev) == [], speaks(twin["event"], ev)
        assert twin["date"] == ev["date"]


def test_timeline_and_entity_pages_list_events_in_the_export_words(client, export):
    by_id = {ev["id"]: ev for ev in export["events"]}
    for row in client.get("/timeline.json").json()["events"]:
        assert speaks(row, by_id[row["id"]]) == []
    entity = next(e["id"] for e in export["entities"] if any(e["id"] in ev["actors"] for ev in export["events"]))
    rows = client.get(f"/entities/{entity}.json").json()["events"]
    assert rows and all(speaks(row, by_id[row["id"]]) == [] for row in rows)


def _by_passage(claims: list[dict]) -> list[dict]:
    return sorted(claims, key=lambda x: (x["source"], x["char_start"], x["char_end"], x["value"]))


def test_conflict_and_reuse_twins_hold_the_exported_record(client, export):
    assert export["conflicts"] and export["reuse"]
    pages = {c["id"]: c for c in client.get("/conflicts.json").json()["conflicts"]}
    overview = {c["id"]: c for c in client.get("/index.json").json()["conflicts"]}
    for c in export["conflicts"]:
        page = dict(pages[c["id"]], claims=_by_passage(pages[c["id"]]["claims"]))
        assert speaks(page, dict(c, claims=_by_passage(c["claims"]))) == []
        assert speaks(overview[c["id"]], c) == []
    for g in export["reuse"]:
        assert speaks(client.get(f"/reuse/{g['id']}.json").json(), g) == []


def test_cli_json_is_the_export_vocabulary(small_store, export, capsys):
    from quellen.cli import main
    for command, part in (("documents", "documents"), ("timeline", "events"), ("conflicts", "conflicts"),
                          ("reuse", "reuse"), ("entities", "entities")):
        assert main([command, "--db", str(small_store), "--json"]) == 0
        got = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
        assert set(got) == {r["id"] for r in export[part]}, command
        assert all(speaks(got[r["id"]], r) == [] for r in export[part]), command


def test_lists_of_documents_and_entities_use_the_export_words(client, export):
    """A row of the document list or of a source read whole is the exported document plus the reader's keys
    (display_title, date_label...); an entity row says ``mention_count``, never ``mentions`` for a number."""
    documents = {d["id"]: d for d in export["documents"]}
    rows = client.get("/documents.json").json()["documents"]
    assert {r["id"] for r in rows} == set(documents)
    assert all(speaks(r, documents[r["id"]]) == [] and r["display_title"] and "date_label" in r for r in rows)
    for source in {d["source"] for d in export["documents"]}:
        parts = [p for p in client.get(f"/sources/{source}.json").json()["parts"] if not p["gap"]]
        assert parts and all(speaks(p, documents[p["id"]]) == [] for p in parts)
    entities = {e["id"]: e for e in export["entities"]}
    for row in client.get("/entities.json").json()["entities"]:
        assert "mentions" not in row and row["mention_count"] == len(entities[row["id"]]["mentions"])
        assert speaks(row, {k: entities[row["id"]][k] for k in ("id", "type", "name", "aliases", "geo")}) == []
