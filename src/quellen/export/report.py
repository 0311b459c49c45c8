"""The report: one self-contained, offline HTML file — overview, timeline, map, conflicts, reused
passages — to send to someone who has no quellen. CSS, the small script, the data and the drawings
(SVG made here, in Python) are all inline; nothing is fetched.

Every string from a source goes through Jinja2's autoescaping; the data block is
``tojson``-escaped, so a ``</script>`` in a text cannot end it.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .._version import __version__
from ..vocab import attestation_json, conflict_json, event_json, passage_json, reading_json, reuse_json
from .shape import date_label, itineraries, load_corpus, network, place_features, text_context

__all__ = ["to_html", "write", "land_paths"]

_LAND = Path(__file__).resolve().parents[1] / "web" / "static" / "vendor" / "world-atlas" / "land-110m.json"
_NODE_LAND = Path(__file__).resolve().parents[3] / "node_modules" / "world-atlas" / "land-110m.json"


def _decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    # quantized TopoJSON (with a transform) stores arcs as deltas; without one, as plain positions
    transform = topo.get("transform")
    if not transform:
        return [[(float(x), float(y)) for x, y, *_ in arc] for arc in topo["arcs"]]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Return the ring with each longitude moved by 360° to lie within 180° of the one before,
    so a ring across the antimeridian continues past 180° instead of crossing the map as a band."""
    out: list[tuple[float, float]] = []
    for lon, lat in points:
        if out:
            while lon - out[-1][0] > 180:
                lon -= 360
            while out[-1][0] - lon > 180:
                lon += 360
        out.append((lon, lat))
    if out:
        # bring the ring's bulk back into -180..180 (it may have started on the far side)
        middle = sorted(lon for lon, _ in out)[len(out) // 2]
        shift = -360 * round(middle / 360)
        out = [(lon + shift, lat) for lon, lat in out]
    return out


def land_paths(topo: dict | None, project) -> list[str]:
    """Return SVG path data for the land polygons of a world-atlas TopoJSON, projected by ``project``."""
    if not topo:
        return []
    arcs = _decode_arcs(topo)
    paths = []
    for geometry in topo["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            d = []
            for ring in polygon:
                points: list[tuple[float, float]] = []
                for index in ring:
                    arc = arcs[index] if index >= 0 else arcs[~index][::-1]
                    points.extend(arc[1:] if points else arc)
                points = _unwrap(points)
                lons = [lon for lon, _ in points]
                # what sticks out past ±180° is drawn again past the opposite edge of the map
                shifts = ([0] + ([-360] if lons and max(lons) > 180 else [])
                          + ([360] if lons and min(lons) < -180 else []))
                for shift in shifts:
                    xy = [project(lon + shift, lat) for lon, lat in points]
                    d.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy) + "Z")
            paths.append("".join(d))
    return paths


def _load_land() -> dict | None:
    for path in (_LAND, _NODE_LAND):
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"))
    return None


def _map(places: list[dict], routes: list[dict]) -> dict[str, Any]:
    """Return the map drawing: an equirectangular view around the places, land, markers, routes."""
    width, height = 960, 480
    if places:
        lats = [p["lat"] for p in places]
        lons = [p["lon"] for p in places]
        pad = 8
        west, east = max(-180, min(lons) - pad), min(180, max(lons) + pad)
        south, north = max(-85, min(lats) - pad), min(85, max(lats) + pad)
    else:
        west, east, south, north = -180, 180, -85, 85
    # keep the aspect ratio of the frame: widen the narrower side
    scale = min(width / (east - west), height / (north - south))
    cx, cy = (west + east) / 2, (south + north) / 2

    def project(lon: float, lat: float) -> tuple[float, float]:
        return width / 2 + (lon - cx) * scale, height / 2 - (lat - cy) * scale

    markers = []
    for p in places:
        x, y = project(p["lon"], p["lat"])
        markers.append({**p, "x": round(x, 1), "y": round(y, 1),
                        "r": round(4 + min(10, math.sqrt(p["mentions"] + 3 * len(p["events"]))), 1)})
    lines = []
    for r in routes[:12]:
        points = " ".join("{:.1f},{:.1f}".format(*project(s["lon"], s["lat"])) for s in r["stops"])
        lines.append({"name": r["name"], "points": points,
                      "title": r["name"] + ": " + " → ".join(s["name"] for s in r["stops"])})
    graticule = []
    step = 10 if east - west < 120 else 30
    for lon in range(-180, 181, step):
        (x1, y1), (x2, y2) = project(lon, -85), project(lon, 85)
        graticule.append(f"M{x1:.1f},{y1:.1f}L{x2:.1f},{y2:.1f}")
    for lat in range(-80, 81, step):
        (x1, y1), (x2, y2) = project(-180, lat), project(180, lat)
        graticule.append(f"M{x1:.1f},{y1:.1f}L{x2:.1f},{y2:.1f}")
    return {"width": width, "height": height, "land": land_paths(_load_land(), project),
            "graticule": "".join(graticule), "markers": markers, "lines": lines}


def _timeline(events: list[dict]) -> dict[str, Any]:
    """Return the timeline drawing: one dot (or bar for an interval) per event on a year axis."""
    width, row, top = 960, 14, 28
    if not events:
        return {"width": width, "height": 40, "marks": [], "ticks": []}
    start = min(e["_t0"] for e in events)
    end = max(e["_t1"] for e in events)
    span = max(end - start, 1.0)
    start, end = start - span * 0.03, end + span * 0.03
    x = lambda t: 20 + (width - 40) * (t - start) / (end - start)  # noqa: E731
    lanes: list[float] = []
    items = []
    for e in events:
        x0, x1 = x(e["_t0"]), max(x(e["_t1"]), x(e["_t0"]) + 6)
        lane = next((i for i, free in enumerate(lanes) if free < x0), len(lanes))
        if lane == len(lanes):
            lanes.append(0)
        lanes[lane] = x1 + 4
        items.append({"id": e["id"], "x": round(x0, 1), "w": round(x1 - x0, 1), "y": top + lane * row,
                      "title": f"{e['label']}: {e['summary']} ({e['independent_sources']}/{len(e['attestations'])})",
                      "disputed": bool(e["conflicts"])})
    first, last = int(start), int(end) + 1
    step = next(st for st in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000) if (last - first) / st <= 12)
    ticks = [{"x": round(x(y), 1), "label": str(y)} for y in range(first - first % step, last + 1, step)
             if start <= y <= end]
    return {"width": width, "height": top + len(lanes) * row + 10, "marks": items, "ticks": ticks}


def _year_fraction(day) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 366


def _opening(text: str, limit: int = 400) -> str:
    """Return ``text`` on one line, cut at a word before ``limit`` characters with an ellipsis when longer."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def report_data(store) -> dict[str, Any]:
    """Return everything the report shows, JSON-ready."""
    corpus = load_corpus(store)
    names = store.source_names()
    texts = {s.id: s.text for s in store.sources()}
    documents = {d.id: d for d in corpus.documents}
    entities = corpus.entities

    def passage(source, document, start, end, width=100):
        before, match, after = text_context(texts.get(source, ""), start, end, width)
        d = documents.get(document or "")
        # who wrote it when: a reader weighs a claim, and orders copies, by them
        return {"source_name": names.get(source, source), "document_kind": d.kind if d else "",
                "document_title": (d.title or "") if d else "",
                "document_date": date_label(d.date) if d and d.date else "",
                "document_author": d.author.name if d and d.author else "",
                "before": before, "text": match, "after": after}

    events = []
    for ev in corpus.events:
        # the export's event, with what a reader needs beside it: names, labels, passages in context
        events.append({**event_json(ev), "label": date_label(ev.date),
                       "start": ev.date.earliest.isoformat(), "end": ev.date.latest.isoformat(),
                       "_t0": _year_fraction(ev.date.earliest), "_t1": _year_fraction(ev.date.latest),
                       "place_name": entities[ev.place].name if ev.place in entities else None,
                       "actor_names": [entities[a].name for a in ev.actors if a in entities],
                       "attestations": [{**attestation_json(a), **passage(a.source, a.document, a.char_start,
                                                                          a.char_end, 40)}
                                        for a in ev.attestations]})
    places = []
    for p in place_features(corpus):
        places.append({"id": p["entity"].id, "name": p["name"], "lat": p["lat"], "lon": p["lon"],
                       "mentions": p["mentions"],
                       "events": [{"id": ev.id, "label": date_label(ev.date), "summary": ev.summary}
                                  for ev in p["events"][:20]]})
    conflicts = [{**conflict_json(c),
                  "claims": [{**reading_json(x), **passage(x.source, x.document, x.char_start, x.char_end)}
                             for x in c.claims]} for c in store.conflicts()]
    # which texts repeat which: the witnesses in the group's order, the earliest dated first
    # (a passage's opening only: a copied letter or chapter is whole in its sources)
    reuse = [{**reuse_json(g),
              "passages": [{**passage_json(x), **passage(x.source, x.document, x.char_start, x.char_end, 0),
                            "text": _opening(texts.get(x.source, "")[x.char_start:x.char_end])}
                           for x in g.passages]} for g in store.reuse_groups()]
    people = [n for n in network(corpus)["nodes"] if n["type"] == "person"][:15]
    return {"generator": f"quellen {__version__}", "counts": store.counts(),
            "sources": [{"name": n, "documents": sum(1 for d in corpus.documents if d.source == sid)}
                        for sid, n in sorted(names.items(), key=lambda kv: kv[1])],
            "people": [{"name": n["label"], "degree": n["degree"]} for n in people],
            "events": events, "places": places, "conflicts": conflicts, "reuse": reuse,
            "itineraries": itineraries(corpus)}


# a backslash at the end of a line joins it to the next: short source lines, the same HTML
_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy"\
 content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{{ script_hash }}'; img-src data:">
<meta name="generator" content="{{ data.generator }}">
<title>quellen report</title>
<style>
body{margin:0;font:16px/1.5 Georgia,"DejaVu Serif",serif;color:#1d2330;background:#fbfaf7}
main{max-width:64rem;margin:0 auto;padding:1rem 1.2rem 3rem}
h1{margin:.4rem 0}h2{margin-top:2rem;border-bottom:1px solid #d9dce3}
nav a{margin-right:1rem;font:14px system-ui,sans-serif}
.counts{display:flex;flex-wrap:wrap;gap:.6rem}.count{background:#fff;border:1px solid #d9dce3;border-radius:6px;\
padding:.4rem .8rem}
.count b{display:block;font-size:1.3rem}.muted{color:#6b7280}.empty{color:#6b7280;font-style:italic}
svg{width:100%;height:auto;background:#fff;border:1px solid #d9dce3}
.ev{fill:#ea580c;stroke:#8a3b12}.ev.disputed{fill:#dc2626}.tick{font:10px system-ui;fill:#6b7280}
.sea{fill:#cfe3f3}.land{fill:#f5f0e6;stroke:#9ca3af;stroke-width:.6}.grat{stroke:#b6cde0;stroke-width:.4;fill:none}
.place{fill:#ea580c;fill-opacity:.85;stroke:#8a3b12}.route{fill:none;stroke:#1d4ed8;stroke-width:2;stroke-dasharray:6 4}
.plabel{font:11px system-ui;fill:#1f2937}
article{background:#fff;border:1px solid #d9dce3;border-left:4px solid #8a3b12;border-radius:4px;padding:.4rem .8rem;\
margin:.5rem 0}
article.disputed{border-left-color:#b91c1c}article:target{box-shadow:0 0 0 3px #fbbf24}
.tag{font:12px system-ui,sans-serif;background:#e5e7eb;padding:0 .35rem;border-radius:3px}
blockquote{margin:.2rem 0;border-left:3px solid #d9dce3;padding-left:.6rem;font-size:14px}
mark{background:#fde047}.side{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:.8rem}
input{font:inherit;padding:.2rem .4rem;width:20rem}
</style></head><body><main>
<h1>Report</h1>
<p class="muted">Made by {{ data.generator }} — works offline; every passage is quoted from the sources.</p>
<nav><a href="#overview">Overview</a><a href="#timeline">Timeline</a><a href="#map">Map</a>\
<a href="#conflicts">Conflicts</a><a href="#reuse">Reused passages</a><a href="#events">Events</a></nav>
<h2 id="overview">Overview</h2>
<div class="counts">{% for k, n in data.counts.items() %}<div class="count"><b>{{ n }}</b>\
<span class="muted">{{ k|replace("_", " ") }}</span></div>{% endfor %}</div>
<h3>Sources</h3><ul>{% for s in data.sources %}<li>{{ s.name }} — {{ s.documents }} documents</li>{% else %}\
<li class="empty">none</li>{% endfor %}</ul>
<h3>Most connected people</h3><ol>{% for p in data.people %}<li>{{ p.name }} \
<span class="muted">({{ p.degree }})</span></li>{% else %}<li class="empty">none yet</li>{% endfor %}</ol>
<h2 id="timeline">Timeline</h2>
{% if timeline.marks %}
<svg viewBox="0 0 {{ timeline.width }} {{ timeline.height }}" role="img" aria-label="events in time">
{% for t in timeline.ticks %}<line x1="{{ t.x }}" x2="{{ t.x }}" y1="14" y2="{{ timeline.height }}" stroke="#eef0f4"/>\
<text class="tick" x="{{ t.x }}" y="12" text-anchor="middle">{{ t.label }}</text>{% endfor %}
{% for i in timeline.marks %}<a href="#{{ i.id }}">\
<rect class="ev{{ ' disputed' if i.disputed }}" x="{{ i.x }}" y="{{ i.y }}" width="{{ i.w }}" height="10" rx="3">\
<title>{{ i.title }}</title></rect></a>{% endfor %}
</svg>
<p class="muted">Each mark is an event (click for its passages); red ones are disputed.</p>
{% else %}<p class="empty">No events yet.</p>{% endif %}
<h2 id="map">Map</h2>
{% if map.markers %}
<svg viewBox="0 0 {{ map.width }} {{ map.height }}" role="img" aria-label="places">
<rect class="sea" width="{{ map.width }}" height="{{ map.height }}"/><path class="grat" d="{{ map.graticule }}"/>
{% for d in map.land %}<path class="land" d="{{ d }}"/>{% endfor %}
{% for l in map.lines %}<polyline class="route" points="{{ l.points }}">\
<title>{{ l.title }}</title></polyline>{% endfor %}
{% for m in map.markers %}<circle class="place" cx="{{ m.x }}" cy="{{ m.y }}" r="{{ m.r }}">\
<title>{{ m.name }}: {{ m.mentions }} mentions, {{ m.events|length }} events</title></circle>\
<text class="plabel" x="{{ m.x + m.r + 2 }}" y="{{ m.y + 4 }}">{{ m.name }}</text>{% endfor %}
</svg>
<ul>{% for m in map.markers %}<li>{{ m.name }} <span class="muted">({{ m.lat }}, {{ m.lon }})</span>\
{% for ev in m.events[:5] %}{{ ": " if loop.first else "; " }}\
<a href="#{{ ev.id }}">{{ ev.label }} {{ ev.summary }}</a>{% endfor %}</li>{% endfor %}</ul>
{% else %}<p class="empty">No places with coordinates yet.</p>{% endif %}
<h2 id="conflicts">Conflicts</h2>
{% for c in data.conflicts %}<article class="disputed" id="{{ c.id }}"><b>\
<span class="tag">{{ c.kind }}</span> {{ c.summary }}</b>
<div class="side">{% for x in c.claims %}\
<div><p><b>{{ x.value }}</b> — {{ x.source_name }}{{ ", " ~ x.document_kind if x.document_kind }}\
{{ ", " ~ x.document_author if x.document_author }}{{ ", " ~ x.document_date if x.document_date }}\
{{ " (denied)" if x.stance == "denied" }}</p>\
<blockquote>{{ x.before }}<mark>{{ x.text }}</mark>{{ x.after }}</blockquote></div>{% endfor %}</div></article>
{% else %}<p class="empty">No conflicts found.</p>{% endfor %}
<h2 id="reuse">Reused passages</h2>
<p class="muted">Passages that repeat one another; in each group the first is the earliest dated witness \
(then the fullest): the text the others repeat.</p>
{% for g in data.reuse %}<article id="{{ g.id }}"><b><span class="tag">{{ g.relation|replace("_", " ") }}</span> \
score {{ g.score }}</b>
{% for x in g.passages %}<p>{{ loop.index }}. {{ x.source_name }}{{ ", " ~ x.document_kind if x.document_kind }}\
{{ ", " ~ x.document_author if x.document_author }}{{ ", " ~ x.document_date if x.document_date }}\
{{ " — " ~ x.relation|replace("_", " ") if x.relation }}</p>\
<blockquote>{{ x.text }}</blockquote>{% endfor %}</article>
{% else %}<p class="empty">No reused passages found.</p>{% endfor %}
<h2 id="events">Events</h2>
<p><input id="filter" type="search" placeholder="filter events" aria-label="filter events"></p>
{% for e in data.events %}<article class="event{{ ' disputed' if e.conflicts }}" id="{{ e.id }}">\
<b>{{ e.label }}</b> — {{ e.summary }}
<span class="tag">{{ e.independent_sources }} independent / {{ e.attestations|length }} attestation\
{{ '' if e.attestations|length == 1 else 's' }}</span>\
{% if e.conflicts %} <a class="tag" href="#{{ e.conflicts[0] }}">disputed</a>{% endif %}
{% if e.place_name or e.actor_names %}<br><span class="muted">\
{{ e.place_name or "" }}{{ " · " if e.place_name and e.actor_names }}{{ e.actor_names|join(", ") }}</span>{% endif %}
{% for a in e.attestations %}<blockquote>{{ a.before }}<mark>{{ a.text }}</mark>{{ a.after }} \
<span class="muted">— {{ a.source_name }}{{ ", " ~ a.document_kind if a.document_kind }}\
{{ ", hearsay" if a.hearsay }}{{ "; not a witness of its own: " ~ a.folded_why if a.folded_why }}</span></blockquote>\
{% endfor %}</article>
{% else %}<p class="empty">No events yet.</p>{% endfor %}
</main>
<script type="application/json" id="report-data">{{ public|tojson }}</script>
<script>{{ script }}</script>
</body></html>
"""

# the one inline script: filter the event list as you type (its hash is pinned in the CSP above)
_SCRIPT = ("document.getElementById('filter').addEventListener('input',function(e){var q=e.target.value.toLowerCase();"
           "document.querySelectorAll('article.event').forEach(function(a){a.hidden=q&&a.textContent.toLowerCase()"
           ".indexOf(q)<0;});});")


def to_html(store) -> str:
    """Return the report for ``store`` as one HTML string."""
    import base64
    import hashlib
    data = report_data(store)
    env = jinja2.Environment(autoescape=True)
    public = {k: v for k, v in data.items() if k not in ("events",)}
    public["events"] = [{k: v for k, v in e.items() if not k.startswith("_")} for e in data["events"]]
    return env.from_string(_TEMPLATE).render(
        data=data, public=public, timeline=_timeline(data["events"]), map=_map(data["places"], data["itineraries"]),
        script=Markup(_SCRIPT),
        script_hash=base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode())


def write(store, output: Path) -> list[Path]:
    """Return ``[path]`` after writing the report to ``output``, with ``.html`` added to a name that lacks it.

    The report is one HTML page, to be opened in a browser: a file without the suffix ("report",
    "report.txt") would open as text or not at all, so it is written as "report.html" and the path
    returned says so.
    """
    from ._io import write_atomic
    if output.suffix.lower() not in (".html", ".htm"):
        output = output.with_name(output.name + ".html")
        if output.is_dir():
            raise IsADirectoryError(21, "it is a folder (the report is one file: name a file in it)", str(output))
    return write_atomic(output, to_html(store))
