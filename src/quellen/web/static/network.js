// The network (Cytoscape): correspondence as arrows, co-occurrence as dashed lines; a click opens the person.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var data = window.quellen.data(), box = document.getElementById("network");
  if (!box || typeof cytoscape === "undefined" || !data.nodes || !data.nodes.length) return;
  var maxDegree = Math.max.apply(null, data.nodes.map(function (n) { return n.degree; }));
  var elements = data.nodes.map(function (n) {
    return { data: { id: n.id, label: n.label, type: n.type, href: n.href, major: n.major ? 1 : 0,
                     size: 10 + 30 * Math.sqrt(n.degree / maxDegree) } };
  }).concat(data.edges.map(function (e, i) {
    return { data: { id: "e" + i, source: e.source, target: e.target, weight: e.weight, kind: e.kind } };
  }));
  var cy = cytoscape({ container: box, elements: elements,     // spread out: labels need room, and a hub's many one-link neighbours should not pile up on it
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 60000; },
              idealEdgeLength: function () { return 110; }, nodeOverlap: 40, gravity: 0.15, numIter: 1500,
              componentSpacing: 80, padding: 20 },
    style: [
      { selector: "node", style: { label: "", width: "data(size)", height: "data(size)", "font-size": 13,
          "font-family": "system-ui, sans-serif", "background-color": "#ea580c", color: "#111827",
          "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis", "text-max-width": 160,
          "text-background-color": "#fff", "text-background-opacity": 0.85, "text-background-padding": 2,
          "min-zoomed-font-size": 8 } },
      // only the best connected are labelled; the others on hover
      { selector: "node[major = 1], node:selected, node.hover", style: { label: "data(label)" } },
      { selector: "node[type = 'organization']", style: { "background-color": "#ca8a04", shape: "round-rectangle" } },
      { selector: "edge", style: { width: "mapData(weight, 1, 10, 1, 6)", "curve-style": "bezier", "line-color": "#9ca3af",
          "line-style": "dashed", opacity: 0.8 } },
      { selector: "edge[kind = 'correspondence']", style: { "line-color": "#1d4ed8", "line-style": "solid",
          "target-arrow-shape": "triangle", "target-arrow-color": "#1d4ed8" } }
    ] });
  // cose packs the graph into a square, but the box is wide: stretch the layout to the box's
  // shape so the drawing uses the whole width (and the names get room), then fit it
  function fill() {
    var bb = cy.nodes().boundingBox({ includeLabels: false }), w = box.clientWidth, h = box.clientHeight;
    if (bb.w > 0 && bb.h > 0 && w > 0 && h > 0) {
      var want = w / h, have = bb.w / bb.h, cx = (bb.x1 + bb.x2) / 2, cy_ = (bb.y1 + bb.y2) / 2;
      var sx = have < want ? want / have : 1, sy = have > want ? have / want : 1;
      // a lone pair or a chain stays a line: do not blow it up into the corners
      sx = Math.min(sx, 4); sy = Math.min(sy, 4);
      cy.nodes().positions(function (n) { var p = n.position(); return { x: cx + (p.x - cx) * sx, y: cy_ + (p.y - cy_) * sy }; });
    }
    cy.fit(undefined, 30);
  }
  fill();
  window.quellen.network = cy;  // for the browser tests
  cy.on("mouseover", "node", function (evt) { evt.target.addClass("hover"); });
  cy.on("mouseout", "node", function (evt) { evt.target.removeClass("hover"); });
  cy.on("tap", "node", function (evt) {
    var href = window.quellen.safeHref(evt.target.data("href"));
    if (href !== "#") window.location.href = href;
  });
});
