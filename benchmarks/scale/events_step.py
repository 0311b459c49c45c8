"""The events step alone, re-run on a built store's saved inputs: CPU seconds, pair checks, and its output.

    PYTHONPATH=src .venv/bin/python benchmarks/scale/events_step.py STORE [--repeat N] [--out FILE]

The inputs are what :func:`quellen.pipeline.build_corpus_layer` hands the events step, read back
from the store (its claims layers, the mentions' entities, the linked documents, the reuse groups,
the entities for the places): so the reuse step is not re-run. The store is only read. Prints one
JSON line: the claims, the pair checks (calls of the pair test ``events._same_event``), the CPU
seconds of :func:`quellen.events.merge_events` and of the whole timeline builder per run; ``--out``
writes the events and conflicts as the rows the store's tables would hold (to compare two runs).
The package is the one on ``PYTHONPATH``, so that two checkouts can be timed on one store.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from quellen import corroborate, events
from quellen.claims import claims_from_json
from quellen.conflicts import place_index
from quellen.extract.places import get_gazetteer
from quellen.pipeline import StoredTexts
from quellen.settings import Settings
from quellen.store import codec, open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--out")
    args = parser.parse_args()
    if not Path(args.store).is_file():
        parser.error(f"{args.store}: no such store (a built quellen SQLite store is read, never created)")
    settings = Settings()
    checks, merge_cpu = [0], [0.0]
    same_event, merge_events = events._same_event, corroborate.merge_events

    def counted(*a, **k):
        checks[0] += 1
        return same_event(*a, **k)

    def timed(*a, **k):
        cpu = time.process_time()
        try:
            return merge_events(*a, **k)
        finally:
            merge_cpu[0] += time.process_time() - cpu

    events._same_event, corroborate.merge_events = counted, timed
    runs = []
    with open_store(args.store) as store:
        texts = StoredTexts(store)
        mention_entities = {(m.source, m.char_start, m.char_end): m.entity for m in store.mentions() if m.entity}
        documents = store.documents()
        reuse = store.reuse_groups()
        places = place_index(store.entities(), get_gazetteer())
        claims = corroborate.resolve_claims([c for sid in texts for c in claims_from_json(store.layer(sid, "claims"))],
                                            mention_entities, {d.id: d for d in documents})
        for _ in range(args.repeat):
            checks[0], merge_cpu[0] = 0, 0.0
            events._lemma_weights.cache_clear()
            cpu = time.process_time()
            out = corroborate.build_timeline(claims, documents, reuse, texts, places=places,
                                             events_settings=settings.events, conflict_settings=settings.conflicts)
            runs.append({"timeline_cpu_s": round(time.process_time() - cpu, 3),
                         "merge_cpu_s": round(merge_cpu[0], 3), "pair_checks": checks[0]})
    found, conflicts = out
    print(json.dumps({"store": args.store, "claims": len(claims), "events": len(found),
                      "conflicts": len(conflicts), "runs": runs}))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump({"events": [list(codec.event_row(e)) for e in found],
                       "conflicts": [list(codec.conflict_row(c)) for c in conflicts]}, f, indent=0)


if __name__ == "__main__":
    main()
