"""TimelineJS3 export (Knight Lab's JSON format): one slide per event.

Uncertain dates (an interval, a month, a year, a Julian date) carry a ``display_date``
that says so; the slide text names the attesting sources and the independent-witness
count. Slide text is HTML in TimelineJS, so every string from a source is escaped.
"""
from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from ..model import Date
from ._io import write_json
from .shape import count, date_label, load_corpus

__all__ = ["to_dict", "write"]


def _tl_date(day, precision: str) -> dict[str, Any]:
    out: dict[str, Any] = {"year": day.year}
    if precision in ("day", "month"):
        out["month"] = day.month
    if precision == "day":
        out["day"] = day.day
    return out


def _uncertain(date: Date) -> bool:
    return date.earliest != date.latest or date.calendar == "julian" or date.precision != "day"


def to_dict(store) -> dict[str, Any]:
    """Return the TimelineJS3 JSON for the events in ``store``."""
    corpus = load_corpus(store)
    names = store.source_names()
    documents = {d.id: d for d in corpus.documents}
    slides = []
    for ev in corpus.events:
        slide: dict[str, Any] = {"unique_id": ev.id, "start_date": _tl_date(ev.date.earliest, ev.date.precision)}
        if ev.date.latest != ev.date.earliest and ev.date.precision == "day":
            slide["end_date"] = _tl_date(ev.date.latest, "day")
        if _uncertain(ev.date):
            slide["display_date"] = date_label(ev.date)
        items = []
        for a in ev.attestations:
            d = documents.get(a.document or "")
            what = escape(names.get(a.source, a.source))
            if d is not None:
                what += ", " + escape(d.kind) + (f" &ldquo;{escape(d.title)}&rdquo;" if d.title else "")
                if d.date:
                    what += f" ({escape(date_label(d.date))})"
            items.append(f"<li>{what}</li>")
        text = (f"<p>{count(ev.independent_sources, 'independent witness', 'independent witnesses')} of "
                f"{count(len(ev.attestations), 'attestation')}"
                + (", <strong>disputed</strong>" if ev.conflicts else "") + "</p>"
                + (f"<ul>{''.join(items)}</ul>" if items else ""))
        slide["text"] = {"headline": escape(ev.summary), "text": text}
        place = corpus.entities.get(ev.place or "")
        if place is not None:
            slide["group"] = escape(place.name)
        slides.append(slide)
    return {"title": {"text": {"headline": "Timeline", "text": f"<p>{count(len(slides), 'event')} from "
                                                                  f"{count(len(names), 'source')}</p>"}},
            "events": slides}


def write(store, output: Path) -> list[Path]:
    """Return ``[output]`` after writing the TimelineJS3 JSON to it."""
    return write_json(to_dict(store), output)
