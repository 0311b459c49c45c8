"""The learned segmenter's decoder and its plumbing, on hand-made weights (no training needed)."""
from __future__ import annotations

from quellen.model import Source
from quellen.segment import segment
from quellen.segment.learned import Model, Segmenter, load_model


def _model(labels, state, transitions=None) -> dict:
    return {"labels": labels, "state": state, "transitions": transitions or {}}


def test_viterbi_follows_state_and_transition_weights():
    m = Model(_model(["B", "I"], {"head": {"B": 2.0, "I": -2.0}, "bias": {"I": 0.5}, "first": {"B": 1.0}},
                     {"B B": -5.0}))
    assert m.tag([["bias", "head"], ["bias"], ["bias", "head"], ["bias"]]) == ["B", "I", "B", "I"]
    # two heads in a row: the transition weight forbids two starts, so the second goes on
    assert m.tag([["bias", "head", "first"], ["bias", "head"]]) == ["B", "I"]
    assert m.tag([]) == []


def test_the_model_round_trips_as_plain_data():
    data = _model(["B", "I"], {"head": {"B": 1.5}}, {"B I": 0.25})
    assert Model(Model(data).to_json()).to_json() == Model(data).to_json()


def test_segment_uses_a_given_model_for_boundaries_and_classes():
    # a boundary model that starts a document at every date line, and a kind model that
    # calls every document with a date line in its first unit personal
    boundary = _model(["B", "I"], {"cue=dateline": {"B": 5.0}, "bias": {"I": 1.0}})
    kind = _model(["account", "personal"], {"u0:cue=dateline": {"personal": 5.0}, "bias": {"account": 1.0}})
    text = ("3 March\n\nRain all day and the well ran dry.\n\n4 March\n\nThe carrier came with flour.\n\n"
            "5 March\n\nQuiet.\n")
    docs = segment(Source("s", "d.txt", "0" * 64, "text/plain", text), model=Segmenter({"boundary": boundary,
                                                                                       "kind": kind}))
    assert [text[d.char_start:d.char_start + 7] for d in docs] == ["3 March", "4 March", "5 March"]
    assert {d.kind for d in docs} == {"diary"}
    assert all("learned boundary" in d.evidence for d in docs)


def test_no_model_is_shipped_so_the_rules_decide():
    assert load_model() is None


def test_marginals_are_the_probabilities_of_every_labelling():
    from itertools import product
    from math import exp
    m = Model(_model(["B", "I"], {"head": {"B": 1.2, "I": -0.4}, "bias": {"I": 0.3}}, {"B B": -1.0, "I B": 0.2}))
    seq = [["bias", "head"], ["bias"], ["bias", "head"]]

    def score(path):
        lab = {"B": 0, "I": 1}
        s = sum(m.scores(f)[lab[p]] for f, p in zip(seq, path))
        return s + sum(m.trans[lab[a]][lab[b]] for a, b in zip(path, path[1:]))

    paths = list(product("BI", repeat=3))
    z = sum(exp(score(p)) for p in paths)
    want = [sum(exp(score(p)) for p in paths if p[t] == "B") / z for t in range(3)]
    assert [round(x, 9) for x in m.marginals(seq, "B")] == [round(x, 9) for x in want]


def test_a_corrector_removes_only_weak_rule_boundaries_it_doubts():
    from quellen.segment.learned import Corrector, rule_reasons
    from quellen.segment.cascade import group_units
    from quellen.segment.lines import make_units
    text = ("3 March\n\nRain all day and the well ran dry.\n\n4 March\n\nThe carrier came with flour.\n")
    units = make_units(text)
    groups = group_units(units)
    reasons = rule_reasons(units, groups)
    weak = next(r for r in reasons[1:] if r)
    doubt = _model(["B", "I"], {"bias": {"I": 5.0}})
    kept = Corrector({"boundary": doubt, "reasons": ["no_such_reason|prose"], "drop_below": 0.5})
    assert len(kept.correct(units, group_units(units), text)) == len(groups)
    dropped = Corrector({"boundary": doubt, "reasons": [weak], "drop_below": 0.5})
    assert len(dropped.correct(units, group_units(units), text)) < len(groups)
    sure = Corrector({"boundary": _model(["B", "I"], {"bias": {"B": 5.0}}), "reasons": [weak], "drop_below": 0.5})
    assert len(sure.correct(units, group_units(units), text)) == len(groups)
