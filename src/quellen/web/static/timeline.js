// The zoomable timeline (vis-timeline): one item per event; a click opens its attestations.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("timeline");
  var data = window.quellen.data();
  function select(id) {
    document.querySelectorAll("article.event.selected").forEach(function (a) { a.classList.remove("selected"); });
    var card = document.getElementById(id);
    if (card) { card.classList.add("selected"); card.scrollIntoView({ block: "start" }); }
    else { window.location.href = "/events/" + encodeURIComponent(id); }  // on another page of the list
  }
  if (!box || typeof vis === "undefined" || !data.items || !data.items.length) return;
  var items = data.items.map(function (ev) {
    var content = document.createElement("span");
    // short labels keep the stacked rows readable; the tooltip has the whole summary
    var label = ev.summary.length > 48 ? ev.summary.slice(0, 46).replace(/\s+\S*$/, "") + " …" : ev.summary;
    content.textContent = (ev.conflicts.length ? "⚠ " : "") + label +
      (ev.independent_sources > 1 ? "  ×" + ev.independent_sources : "");
    var tip = ev.label + (ev.inferred ? " (date inferred)" : "") + " — " + ev.summary + " — " +
      ev.independent_sources + " independent of " + ev.attestation_count +
      (ev.attestation_count === 1 ? " passage" : " passages") +
      (ev.conflicts.length ? "; sources disagree" : "");
    var item = { id: ev.id, content: content, start: ev.start, title: tip.replace(/[<>&"]/g, ""),
                 className: (ev.conflicts.length ? "disputed" : "") + (ev.inferred ? " inferred" : "") };
    // an interval longer than two months is drawn as a bar in a lane of its own; shorter ones
    // stay points, in the lane of the kind of document that tells them
    if (Date.parse(ev.end) - Date.parse(ev.start) > 60 * 864e5) { item.end = ev.end + "T23:59:59"; item.group = "vague"; }
    else { item.group = "kind:" + (ev.kind || "unknown"); }
    return item;
  });
  // open on where most events are (10th to 90th percentile), not on the whole span: one stray
  // date centuries away would otherwise squeeze every other event into a single column
  var times = items.map(function (it) { return Date.parse(it.start); }).filter(isFinite).sort(function (a, b) { return a - b; });
  var window_ = {};
  if (times.length >= 5) {
    var lo = times[Math.floor(times.length * 0.1)], hi = times[Math.ceil(times.length * 0.9) - 1];
    var pad = Math.max((hi - lo) * 0.08, 20 * 864e5);
    window_ = { start: new Date(lo - pad), end: new Date(hi + pad) };
  }
  // lanes: one per kind of document (the five commonest; the rest share one), then the events
  // known only to a year or longer, whose long bars would otherwise hide the precise ones
  var perKind = {};
  items.forEach(function (it) { if (it.group !== "vague") perKind[it.group] = (perKind[it.group] || 0) + 1; });
  var kinds = Object.keys(perKind).sort(function (a, b) { return perKind[b] - perKind[a] || (a < b ? -1 : 1); });
  var shown = kinds.length > 6 ? kinds.slice(0, 5) : kinds;
  var lanes = [];
  shown.forEach(function (k) {
    var name = k.slice(5).replace(/_/g, " ");
    lanes.push({ id: k, content: name, title: perKind[k] + (perKind[k] === 1 ? " event" : " events") + " told first by a " + name });
  });
  if (shown.length < kinds.length) {
    var rest = kinds.slice(shown.length);
    items.forEach(function (it) { if (rest.indexOf(it.group) >= 0) it.group = "kind:other"; });
    lanes.push({ id: "kind:other", content: "other kinds",
                 title: rest.map(function (k) { return k.slice(5).replace(/_/g, " "); }).join(", ") });
  }
  if (items.some(function (it) { return it.group === "vague"; }))
    lanes.push({ id: "vague", content: "year or longer", title: "events known only to a year, a decade or a longer stretch" });
  // disputed events get the top lane: folded into a cluster among undisputed ones they would
  // vanish from sight, and a conflict is what a reader must see first
  var disputed = items.filter(function (it) { return /disputed/.test(it.className); });
  if (disputed.length && disputed.length < items.length) {
    disputed.forEach(function (it) { it.group = "disputed"; });
    lanes = lanes.filter(function (lane) { return items.some(function (it) { return it.group === lane.id; }); });
    lanes.unshift({ id: "disputed", content: "⚠ disputed", className: "lane-disputed",
                    title: "events the sources disagree about (see Conflicts)" });
  }
  lanes.forEach(function (lane, i) { lane.order = i; });
  // the chart grows to fit (it never scrolls inside itself): overlapping events fold into a
  // numbered cluster once a lane would stack more than a few rows; a click on it zooms in.
  var rows = lanes.length > 4 ? 2 : lanes.length > 2 ? 3 : 4;
  var options = { stack: true, zoomable: true, verticalScroll: false, minHeight: 160, selectable: true,
                  groupOrder: "order", tooltip: { followMouse: true }, margin: { item: { horizontal: 4, vertical: 4 } },
                  cluster: { maxItems: rows, titleTemplate: "{count} events: click to zoom in", showStipes: true } };
  var timeline = lanes.length > 1
    ? new vis.Timeline(box, new vis.DataSet(items), new vis.DataSet(lanes), Object.assign(options, window_))
    : new vis.Timeline(box, new vis.DataSet(items.map(function (it) { delete it.group; return it; })), Object.assign(options, window_));
  // vis-timeline 8 computes the first clusters before the lanes are drawn and then leaves them
  // out of the drawing (their events vanish); setting the option again draws them
  var redrawn = false;
  timeline.on("changed", function () {
    if (redrawn || !options.cluster) return;
    redrawn = true;
    timeline.setOptions({ cluster: Object.assign({}, options.cluster) });
  });
  window.quellen.timeline = timeline;  // for the browser tests
  var known = {};
  items.forEach(function (it) { known[it.id] = true; });
  timeline.on("select", function (props) {
    var id = props.items[0];
    if (id === undefined) return;
    if (known[id]) { select(id); return; }
    // a cluster: zoom in around it until its events come apart; events of one and the same
    // day never come apart, so at a day's width the list below opens on the nearest of them
    var at = timeline.getEventProperties(props.event).time, w = timeline.getWindow();
    if (!at) return;
    if (w.end - w.start < 3 * 864e5) {
      var near = items.slice().sort(function (a, b) {
        return Math.abs(Date.parse(a.start) - at) - Math.abs(Date.parse(b.start) - at); })[0];
      if (near) select(near.id);
      return;
    }
    var half = (w.end - w.start) / 5;
    timeline.setWindow(new Date(at.valueOf() - half), new Date(at.valueOf() + half));
  });
  // the chart stays hidden from assistive technology: the list below is its accessible twin
  var wanted = decodeURIComponent(location.hash.slice(1));
  if (wanted && document.getElementById(wanted)) { timeline.setSelection([wanted], { focus: true }); select(wanted); }
});
