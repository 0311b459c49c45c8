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
    content.textContent = ev.summary + "  [" + ev.independent_sources + "/" + ev.attestation_count + "]" +
      (ev.conflicts.length ? "  ⚠" : "");
    var item = { id: ev.id, content: content, start: ev.start, title: ev.label,
                 className: ev.conflicts.length ? "disputed" : "" };
    // an interval longer than two months is drawn as a bar; shorter ones stay points, readable at any zoom
    if (Date.parse(ev.end) - Date.parse(ev.start) > 60 * 864e5) { item.end = ev.end + "T23:59:59"; }
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
  var timeline = new vis.Timeline(box, new vis.DataSet(items), Object.assign({
    stack: true, zoomable: true, maxHeight: 420, minHeight: 200, selectable: true,
    tooltip: { followMouse: true }
  }, window_));
  timeline.on("select", function (props) { if (props.items.length) select(props.items[0]); });
  box.setAttribute("aria-hidden", "false");
  var wanted = decodeURIComponent(location.hash.slice(1));
  if (wanted && document.getElementById(wanted)) { timeline.setSelection([wanted], { focus: true }); select(wanted); }
});
