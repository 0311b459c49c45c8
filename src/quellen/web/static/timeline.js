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
      ev.independent_sources + " independent of " + ev.attestation_count + " passage(s)" +
      (ev.conflicts.length ? "; sources disagree" : "");
    var item = { id: ev.id, content: content, start: ev.start, title: tip.replace(/[<>&"]/g, ""),
                 className: (ev.conflicts.length ? "disputed" : "") + (ev.inferred ? " inferred" : "") };
    // an interval longer than two months is drawn as a bar; shorter ones stay points, readable at any zoom
    if (Date.parse(ev.end) - Date.parse(ev.start) > 60 * 864e5) { item.end = ev.end + "T23:59:59"; item.group = "vague"; }
    else { item.group = "exact"; }
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
  var options = { stack: true, zoomable: true, maxHeight: 460, minHeight: 220, selectable: true,
                  tooltip: { followMouse: true }, margin: { item: { horizontal: 4, vertical: 4 } } };
  // many events: overlapping ones fold into a numbered cluster that opens on zoom
  if (items.length > 60) options.cluster = { maxItems: 4, titleTemplate: "{count} events: zoom in", showStipes: true };
  // two lanes: events dated to a day or month, and those known only to a year or longer, whose
  // long bars would otherwise push the precise ones out of sight
  var groups = new vis.DataSet([
    { id: "exact", content: "day or month", title: "events dated to a day or a month" },
    { id: "vague", content: "year or longer", title: "events known only to a year, a decade or a longer stretch" }]);
  var lanes = {};
  items.forEach(function (it) { lanes[it.group] = true; });
  if (!(lanes.exact && lanes.vague)) { items.forEach(function (it) { delete it.group; }); groups = null; }  // one lane is enough
  var timeline = groups ? new vis.Timeline(box, new vis.DataSet(items), groups, Object.assign(options, window_))
                        : new vis.Timeline(box, new vis.DataSet(items), Object.assign(options, window_));
  var known = {};
  items.forEach(function (it) { known[it.id] = true; });
  timeline.on("select", function (props) {
    var id = props.items[0];
    if (id === undefined) return;
    if (known[id]) { select(id); return; }
    // a cluster: zoom in around it until its events come apart
    var at = timeline.getEventProperties(props.event).time, w = timeline.getWindow();
    var half = (w.end - w.start) / 5;
    if (at) timeline.setWindow(new Date(at.valueOf() - half), new Date(at.valueOf() + half));
  });
  box.setAttribute("aria-hidden", "false");
  var wanted = decodeURIComponent(location.hash.slice(1));
  if (wanted && document.getElementById(wanted)) { timeline.setSelection([wanted], { focus: true }); select(wanted); }
});
