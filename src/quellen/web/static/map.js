// The map (Leaflet over an offline world-atlas basemap): places with their events, itineraries as lines.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var q = window.quellen, data = q.data();
  var box = document.getElementById("map") || document.getElementById("minimap");
  if (!box || typeof L === "undefined") return;
  var places = data.places || (data.geo ? [{ name: data.geo.name, lat: data.geo.lat, lon: data.geo.lon, events: [], href: null }] : []);
  var map = L.map(box, { worldCopyJump: true, attributionControl: true }).setView([30, 10], 2);
  map.attributionControl.addAttribution("basemap: Natural Earth via world-atlas");
  fetch("/static/vendor/world-atlas/countries-50m.json").then(function (r) { return r.json(); }).then(function (topo) {
    var land = topojson.feature(topo, topo.objects.countries);
    // rings that cross the antimeridian jump from +180 to -180; unwrap them so Leaflet
    // does not draw a band across the whole map
    land.features.forEach(function (f) {
      var g = f.geometry; if (!g) return;
      var polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
      polygons.forEach(function (rings) {
        rings.forEach(function (ring) {
          for (var i = 1; i < ring.length; i++) {  // unwrap: each longitude within 180° of the previous
            while (ring[i][0] - ring[i - 1][0] > 180) ring[i][0] -= 360;
            while (ring[i - 1][0] - ring[i][0] > 180) ring[i][0] += 360;
          }
          var lons = ring.map(function (pt) { return pt[0]; }).sort(function (a, b) { return a - b; });
          var shift = -360 * Math.round(lons[Math.floor(lons.length / 2)] / 360);
          if (shift) ring.forEach(function (pt) { pt[0] += shift; });
        });
      });
    });
    L.geoJSON(land, { style: { color: "#9ca3af", weight: 0.6, fillColor: "#f5f0e6", fillOpacity: 1 },
                      interactive: false }).addTo(map).bringToBack();
  }).catch(function () {});
  var bounds = [], markers = [], stops = [];
  places.forEach(function (p) {
    var popup = q.el("div");
    var title = p.href ? q.el("a", p.name, { href: q.safeHref(p.href) }) : q.el("b", p.name);
    popup.appendChild(title);
    (p.events || []).slice(0, 8).forEach(function (ev) {
      popup.appendChild(q.el("a", ev.label + ": " + ev.summary, { href: "/events/" + encodeURIComponent(ev.id) }));
    });
    if (p.placed_as) popup.appendChild(q.el("em", p.placed_as));
    if (p.timeline_href) popup.appendChild(q.el("a", "these events on the timeline →", { href: q.safeHref(p.timeline_href), "class": "more" }));
    var radius = 5 + Math.min(10, Math.sqrt((p.mentions || 1) + 3 * (p.events || []).length));
    // a point that only stands for a country, a region or a former state's capital is drawn
    // hollow and dashed: it says "somewhere in there", not "here"
    var style = p.approximate
      ? { radius: radius, color: "#6b7280", fillColor: "#ffffff", fillOpacity: 0.35, weight: 2, dashArray: "3 3",
          className: "place-marker approximate" }
      : { radius: radius, color: "#8a3b12", fillColor: "#ea580c", fillOpacity: 0.85, weight: 1, className: "place-marker exact" };
    var marker = L.circleMarker([p.lat, p.lon], style);
    marker.bindPopup(popup).bindTooltip(p.name + (p.approximate ? " (approximate)" : "")).addTo(map);
    markers.push(marker);
    bounds.push([p.lat, p.lon]);
  });
  var colours = ["#1d4ed8", "#047857", "#7c3aed", "#b91c1c", "#0e7490", "#a16207"];
  (data.itineraries || []).slice(0, 12).forEach(function (r, i) {
    var colour = colours[i % colours.length];
    var line = L.polyline(r.stops.map(function (s) { return [s.lat, s.lon]; }),
      { color: colour, weight: 2.5, opacity: 0.8, className: "itinerary" });
    line.bindTooltip(r.name + ": " + r.stops.map(function (s) { return s.name + " (" + s.label + ")"; }).join(" → ")).addTo(map);
    // on everyone's map a click on a line follows that person alone
    if (!data.person && r.map_href) line.on("click", function () { window.location.href = q.safeHref(r.map_href); });
    if (!data.person) return;
    // one person's route: each stop numbered in time order, opening its passage and the timeline there
    r.stops.forEach(function (s, n) {
      var popup = q.el("div");
      popup.appendChild(q.el("b", (n + 1) + ". " + s.name + " — " + s.label));
      popup.appendChild(q.el("a", "the passage", { href: q.safeHref(s.href) }));
      popup.appendChild(q.el("a", "on the timeline →", { href: q.safeHref(s.timeline_href), "class": "to-timeline" }));
      var icon = L.divIcon({ className: "stop-icon", html: "", iconSize: [22, 22] });
      var stop = L.marker([s.lat, s.lon], { icon: icon, title: (n + 1) + ". " + s.name + " (" + s.label + ")", keyboard: true });
      stop.on("add", function () { var el = stop.getElement(); if (el) el.textContent = String(n + 1); });
      stop.bindPopup(popup).addTo(map);
      stops.push(stop);
      bounds.push([s.lat, s.lon]);
    });
  });
  // places stay clickable above the lines that pass through them
  markers.forEach(function (m) { m.bringToFront(); });
  if (bounds.length === 1) map.setView(bounds[0], 5);
  else if (bounds.length > 1) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 7 });
});
