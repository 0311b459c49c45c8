// quellen: highlight a passage named by the address (#c123-456), and read the page's data.
"use strict";
window.quellen = {
  data: function () {
    var node = document.getElementById("page-data");
    return node ? JSON.parse(node.textContent) : {};
  },
  // text from the corpus goes into the page only as text nodes, never as HTML
  el: function (tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  },
  safeHref: function (href) { return typeof href === "string" && href.charAt(0) === "/" && href.charAt(1) !== "/" ? href : "#"; }
};

function highlightFromHash() {
  var m = /^#c(\d+)-(\d+)$/.exec(window.location.hash);
  var text = document.getElementById("text");
  if (!m || !text) return;
  var start = +m[1], end = +m[2], first = null;
  text.querySelectorAll("span[data-s]").forEach(function (span) {
    var s = +span.getAttribute("data-s"), e = +span.getAttribute("data-e");
    if (s < end && start < e) {
      span.classList.add("hl");
      if (!first) first = span;
    }
  });
  if (first) first.scrollIntoView({ block: "center" });
}
// a link to a closed <details> (a reused passage's collation) opens it
function openTarget() {
  var id = decodeURIComponent(window.location.hash.slice(1));
  var target = id && document.getElementById(id);
  if (target && target.tagName === "DETAILS") { target.open = true; target.scrollIntoView({ block: "start" }); }
}
window.addEventListener("hashchange", function () { highlightFromHash(); openTarget(); });
document.addEventListener("DOMContentLoaded", function () { highlightFromHash(); openTarget(); });
