"""The style sheet and script inlined into every ``textrepair report`` page.

They are static: no input text ever goes into them (the page's Content-Security-
Policy allows exactly these two by their SHA-256). The script reads what it needs
from ``data-`` attributes and only ever sets ``textContent``, ``hidden``,
``tabIndex`` and class names, never HTML.
"""

from __future__ import annotations

# One colour a normaliser (Okabe-Ito, readable by colour-blind people), by
# pipeline order; a step keeps its colour from report to report.
PALETTE = (
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#8c6d1f", "#777777",
)

STYLE = """
:root { font: 15px/1.55 system-ui, "DejaVu Sans", sans-serif; color: #1d1d1f;
  background: #f6f6f4; }
body { margin: 0 auto; max-width: 62rem; padding: 0 1rem 3rem; }
[hidden] { display: none !important; }
h1 { font-size: 1.5rem; margin: 1rem 0 .2rem; }
.meta, .note { color: #555; margin: .2rem 0; font-size: .9rem; }
#summary table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
#summary th, #summary td { padding: .15rem .7rem; text-align: right;
  border-bottom: 1px solid #e3e3e3; }
#summary th[scope=row] { text-align: left; font-weight: 500;
  font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
#summary thead th { font-weight: 600; color: #444; }
.totals { margin: .6rem 0 .2rem; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px;
  background: var(--c); margin-right: .45em; vertical-align: -1px; }
.bar rect { fill: var(--c); }
#toolbar { position: sticky; top: 0; z-index: 20; background: #fff; border: 1px solid #ddd;
  border-radius: 6px; padding: .35rem .6rem; box-shadow: 0 2px 6px rgba(0,0,0,.08);
  font-size: .88rem; }
#toolbar .row { display: flex; flex-wrap: wrap; gap: .35rem .6rem; align-items: center;
  margin: .15rem 0; }
.chip { border: 1px solid var(--c); background: var(--bg); border-radius: 999px;
  padding: .05rem .6rem .05rem .3rem; font-family: ui-monospace, "DejaVu Sans Mono", monospace;
  font-size: .8rem; cursor: pointer; }
#shown { margin-left: auto; color: #444; }
#doc-select { max-width: 22rem; }
.doc { background: #fff; border: 1px solid #e3e3e3; border-radius: 6px; padding: .6rem 1rem;
  margin: 1rem 0; }
.doc h2 { font-size: 1rem; margin: 0 0 .4rem;
  font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.count { color: #666; font-weight: normal; font-size: .85rem; margin-left: .5rem;
  font-family: system-ui, sans-serif; }
.text { white-space: pre-wrap; overflow-wrap: anywhere;
  font-family: Georgia, "DejaVu Serif", serif; }
del { color: #9c0018; text-decoration: line-through; text-decoration-thickness: 2px;
  background: #ffdcd9; }
ins { color: #045a18; text-decoration: none; background: #cdf3d3; }
.e { position: relative; background: var(--bg); border-bottom: 3px solid var(--c);
  border-radius: 2px; padding: 0 1px; cursor: help; }
.e.multi { outline: 1px dashed var(--c); }
.e:focus { outline: 2px solid var(--c); outline-offset: 1px; }
.e .o { display: none; }
.e.off { background: none; border: 0; outline: 0; padding: 0; cursor: auto; }
.e.off del, .e.off ins { display: none; }
.e.off .o { display: inline; }
#tip { position: fixed; z-index: 30; max-width: min(32rem, 90vw); white-space: pre-wrap;
  overflow-wrap: anywhere; background: #222; color: #fff;
  font: 12px/1.45 ui-monospace, "DejaVu Sans Mono", monospace; padding: .35rem .55rem;
  border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,.3); pointer-events: none; }
.err { color: #9c0018; }
footer { color: #555; font-size: .85rem; margin-top: 2rem; }
kbd { border: 1px solid #bbb; border-radius: 3px; padding: 0 .25em; font-size: .85em;
  background: #fff; }
"""

SCRIPT = """
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var pageSize = parseInt(document.body.getAttribute("data-page-size"), 10) || 20;
  var docs = Array.prototype.slice.call(document.querySelectorAll("section.doc"));
  var edits = [];
  var firstEdit = [];
  docs.forEach(function (d, i) {
    firstEdit.push(edits.length);
    d.querySelectorAll(".e").forEach(function (el) {
      el.setAttribute("data-k", String(edits.length));
      edits.push({ el: el, doc: i, s: el.getAttribute("data-s").split(" "),
                   c: el.getAttribute("data-c").split(" ").map(Number) });
    });
  });
  firstEdit.push(edits.length);
  var pages = Math.max(1, Math.ceil(docs.length / pageSize));
  var page = 0;
  var current = -1;
  var currentDoc = -1;

  function showPage(p) {
    page = Math.min(Math.max(p, 0), pages - 1);
    docs.forEach(function (d, i) { d.hidden = Math.floor(i / pageSize) !== page; });
    $("page-label").textContent = "page " + (page + 1) + " of " + pages;
    $("prev-page").disabled = page === 0;
    $("next-page").disabled = page === pages - 1;
  }

  function applyFilters() {
    var on = {};
    document.querySelectorAll(".step-filter").forEach(function (box) {
      on[box.value] = box.checked;
    });
    var min = parseFloat($("min-conf").value);
    $("min-conf-value").textContent = min.toFixed(2);
    var perDoc = docs.map(function () { return 0; });
    var shown = 0;
    var total = 0;
    edits.forEach(function (e) {
      var n = e.s.filter(function (s, k) { return on[s] && e.c[k] >= min - 1e-9; }).length;
      e.el.classList.toggle("off", n === 0);
      e.el.tabIndex = n ? 0 : -1;
      shown += n;
      total += e.s.length;
      perDoc[e.doc] += n;
    });
    docs.forEach(function (d, i) {
      var count = d.querySelector(".count");
      count.textContent = perDoc[i] + " of " + count.getAttribute("data-n") + " edits shown";
    });
    $("shown").textContent = shown + " of " + total + " edits shown";
    if (tipFor && tipFor.classList.contains("off")) { hideTip(); }
  }

  // One tooltip, kept inside the window, for the edit under the mouse or focus.
  var tip = document.createElement("div");
  tip.id = "tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.appendChild(tip);
  var tipFor = null;
  function showTip(el) {
    tipFor = el;
    tip.textContent = el.getAttribute("data-tip");
    tip.hidden = false;
    placeTip();
  }
  function placeTip() {
    if (!tipFor) { return; }
    var r = tipFor.getBoundingClientRect();
    var x = Math.min(Math.max(4, r.left), window.innerWidth - tip.offsetWidth - 4);
    var y = r.bottom + 6;
    if (y + tip.offsetHeight > window.innerHeight - 4) { y = r.top - tip.offsetHeight - 6; }
    tip.style.left = Math.max(4, x) + "px";
    tip.style.top = Math.max(4, y) + "px";
  }
  function hideTip() {
    tipFor = null;
    tip.hidden = true;
  }
  function editOf(node) {
    var el = node && node.closest ? node.closest(".e") : null;
    return el && !el.classList.contains("off") ? el : null;
  }
  document.addEventListener("mouseover", function (ev) {
    var el = editOf(ev.target);
    if (el) { showTip(el); } else if (tipFor && tipFor !== document.activeElement) { hideTip(); }
  });
  document.addEventListener("focusout", function () { hideTip(); });
  window.addEventListener("scroll", placeTip, { passive: true });
  window.addEventListener("resize", placeTip);

  function focusEdit(k) {
    var e = edits[k];
    current = k;
    currentDoc = e.doc;
    showPage(Math.floor(e.doc / pageSize));
    $("doc-select").value = String(e.doc);
    e.el.focus({ preventScroll: true });
    e.el.scrollIntoView({ block: "center" });
  }

  function gotoEdit(dir) {
    var k = current;
    if (k < 0) { k = firstEdit[page * pageSize] - (dir > 0 ? 1 : 0); }
    for (k += dir; k >= 0 && k < edits.length; k += dir) {
      if (!edits[k].el.classList.contains("off")) { focusEdit(k); return; }
    }
    // No further edit that way: stay on the current one (a button click took the focus).
    if (current >= 0 && !edits[current].el.classList.contains("off")) { focusEdit(current); }
  }

  function gotoDoc(i) {
    if (!docs.length) { return; }
    i = Math.min(Math.max(i, 0), docs.length - 1);
    currentDoc = i;
    current = firstEdit[i] - 1;
    showPage(Math.floor(i / pageSize));
    $("doc-select").value = String(i);
    var head = $("doc-" + i + "-name");
    head.focus({ preventScroll: true });
    head.scrollIntoView({ block: "start" });
    window.scrollBy(0, -$("toolbar").offsetHeight - 8);
  }

  function gotoPage(p) {
    showPage(p);
    gotoDoc(page * pageSize);
  }

  document.addEventListener("focusin", function (ev) {
    var k = ev.target.getAttribute && ev.target.getAttribute("data-k");
    if (k !== null && k !== undefined) {
      current = parseInt(k, 10);
      currentDoc = edits[current].doc;
      showTip(ev.target);
    }
  });
  document.addEventListener("keydown", function (ev) {
    var tag = ev.target.tagName;
    if (ev.ctrlKey || ev.metaKey || ev.altKey || tag === "INPUT" || tag === "SELECT" ||
        tag === "TEXTAREA") { return; }
    var actions = {
      n: function () { gotoEdit(1); }, p: function () { gotoEdit(-1); },
      "]": function () { gotoDoc(currentDoc + 1); },
      "[": function () { gotoDoc(Math.max(currentDoc - 1, 0)); }
    };
    if (actions[ev.key]) { ev.preventDefault(); actions[ev.key](); }
  });
  document.querySelectorAll(".step-filter").forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });
  $("min-conf").addEventListener("input", applyFilters);
  $("next-edit").addEventListener("click", function () { gotoEdit(1); });
  $("prev-edit").addEventListener("click", function () { gotoEdit(-1); });
  $("next-doc").addEventListener("click", function () { gotoDoc(currentDoc + 1); });
  $("prev-doc").addEventListener("click", function () { gotoDoc(Math.max(currentDoc - 1, 0)); });
  $("next-page").addEventListener("click", function () { gotoPage(page + 1); });
  $("prev-page").addEventListener("click", function () { gotoPage(page - 1); });
  $("doc-select").addEventListener("change", function () {
    gotoDoc(parseInt($("doc-select").value, 10));
  });
  showPage(0);
  applyFilters();
  document.body.setAttribute("data-ready", "1");
})();
"""
