"""The style sheet and script inlined into every ``textrepair report`` page.

They are static: no input text ever goes into them (the page's Content-Security-
Policy allows exactly these two by their SHA-256). The script reads what it needs
from ``data-`` attributes and only ever sets ``textContent``, ``hidden``,
``tabIndex`` and class names, never HTML.
"""

from __future__ import annotations

# One colour a normaliser, by pipeline order, so a step keeps its colour from
# report to report: Okabe-Ito (readable by colour-blind people) without its
# yellow and black, then Paul Tol's wine and indigo; no grey, which reads as
# "disabled".
PALETTE = (
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#882255", "#332288",
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
.doc h2 .step { font: .78rem system-ui, sans-serif; color: #555; margin-left: .7rem; }
.runs { font-size: .85rem; color: #444; margin: 0 0 1rem; }
.runs pre { background: #fff; border: 1px solid #e3e3e3; padding: .3rem .5rem; max-height: 14rem;
  overflow: auto; font-size: .78rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere;
  font-family: Georgia, "DejaVu Serif", serif; }
del { color: #9c0018; text-decoration: line-through; text-decoration-thickness: 2px;
  background: #ffdcd9; }
ins { color: #045a18; text-decoration: none; background: #cdf3d3; }
.e { position: relative; background: var(--bg); border-bottom: 3px solid var(--c);
  border-radius: 2px; padding: 0 1px; cursor: help; }
.e.multi { outline: 1px dashed var(--c); }
.e:focus { outline: 2px solid var(--c); outline-offset: 1px; }
.e .o, .e .a { display: none; }
/* A filtered-out edit, and every edit in the input view, shows the input text. */
.e.off { background: none; border: 0; outline: 0; padding: 0; cursor: auto; }
.e.off del, .mode-input del { color: inherit; background: none; text-decoration: none; }
.e.off ins, .e.off del.ws, .mode-input ins, .mode-input del.ws { display: none; }
.e.off .o, .mode-input .o { display: inline; }
/* The output view shows the text with the edits that pass the filters applied. */
.mode-output .e:not(.off) del, .mode-output .e:not(.off) .o,
.mode-output .e:not(.off) ins.ws, .mode-output ins.noop { display: none; }
.mode-output .e:not(.off) .a { display: inline; }
.mode-output ins { color: inherit; background: none; }
#tip { position: fixed; z-index: 30; max-width: min(32rem, 90vw); white-space: pre-wrap;
  overflow-wrap: anywhere; background: #222; color: #fff;
  font: 12px/1.45 ui-monospace, "DejaVu Sans Mono", monospace; padding: .35rem .55rem;
  border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,.3); pointer-events: none; }
.err { color: #9c0018; }
footer { color: #555; font-size: .85rem; margin-top: 2rem; }
kbd { border: 1px solid #bbb; border-radius: 3px; padding: 0 .25em; font-size: .85em;
  background: #fff; }
"""

SCRIPT = r"""
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };
  var view = $("view");
  // Documents wait in one inert <template> a page; only the page shown is in the DOM.
  var templates = document.querySelectorAll("template.page");
  var pages = Math.max(1, templates.length);
  var names = {};
  each(document.querySelectorAll(".step-filter"), function (box) {
    names[box.value] = box.parentNode.textContent.trim();
  });
  var reasons = Array.prototype.map.call(document.querySelectorAll("#reasons li"),
                                         function (li) { return li.textContent; });
  // Every edit of every page, in order: its page, document and changes
  // ([step, confidence, reason] each), read from data-e without drawing anything.
  var data = [];
  var pageStart = [];
  var docFirst = [];
  var docPage = [];
  each(templates, function (t, p) {
    pageStart.push(data.length);
    each(t.content.querySelectorAll("section.doc"), function (sec) {
      var i = parseInt(sec.getAttribute("data-i"), 10);
      docFirst[i] = data.length;
      docPage[i] = p;
      each(sec.querySelectorAll(".e"), function (el) {
        data.push({ page: p, doc: i, ch: el.getAttribute("data-e").split(";").map(function (x) {
          var a = x.split(" ");
          return [a[0], parseFloat(a[1]), parseInt(a[2], 10)];
        }) });
      });
    });
  });
  pageStart.push(data.length);
  docFirst.push(data.length);
  var ndocs = docPage.length;
  var visible = [];
  var perDoc = {};
  var page = -1;
  var els = [];
  var current = -1;
  var currentDoc = -1;

  function applyFilters() {
    var on = {};
    each(document.querySelectorAll(".step-filter"), function (box) {
      on[box.value] = box.checked;
    });
    var min = parseFloat($("min-conf").value);
    $("min-conf-value").textContent = min.toFixed(2);
    var shown = 0;
    var total = 0;
    perDoc = {};
    visible = data.map(function (e) {
      var n = 0;
      e.ch.forEach(function (c) { if (on[c[0]] && c[1] >= min - 1e-9) { n += 1; } });
      shown += n;
      total += e.ch.length;
      perDoc[e.doc] = (perDoc[e.doc] || 0) + n;
      return n;
    });
    $("shown").textContent = shown + " of " + total + " edits shown";
    paint();
  }

  function paint() {
    els.forEach(function (el, j) {
      var n = visible[pageStart[page] + j];
      el.classList.toggle("off", !n);
      el.tabIndex = n ? 0 : -1;
    });
    each(view.querySelectorAll("section.doc"), function (sec) {
      var count = sec.querySelector(".count");
      count.textContent = (perDoc[sec.getAttribute("data-i")] || 0) + " of " +
        count.getAttribute("data-n") + " edits shown";
    });
    if (tipFor && tipFor.classList.contains("off")) { hideTip(); }
  }

  function showPage(p) {
    p = Math.min(Math.max(p, 0), pages - 1);
    if (p !== page) {
      hideTip();
      page = p;
      view.textContent = "";
      if (templates.length) { view.appendChild(document.importNode(templates[p].content, true)); }
      els = Array.prototype.slice.call(view.querySelectorAll(".e"));
      els.forEach(function (el, j) { el.setAttribute("data-k", String(pageStart[p] + j)); });
      paint();
    }
    $("page-label").textContent = "page " + (page + 1) + " of " + pages;
    $("prev-page").disabled = page === 0;
    $("next-page").disabled = page === pages - 1;
  }

  // One tooltip, kept inside the window, for the edit under the mouse or focus.
  var tip = document.createElement("div");
  tip.id = "tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.appendChild(tip);
  var tipFor = null;
  var symbols = { "\u2423": " ", "\u21b5": "\n", "\u21e5": "\t", "\u240d": "\r" };
  function raw(node) {
    if (!node || node.classList.contains("noop")) { return ""; }
    var s = node.textContent;
    var back = s.split("").map(function (ch) { return symbols[ch]; });
    return back.every(function (ch) { return ch !== undefined; }) ? back.join("") : s;
  }
  function tipText(el) {
    var e = data[parseInt(el.getAttribute("data-k"), 10)];
    var lines = [JSON.stringify(raw(el.querySelector("del"))) + " \u2192 " +
                 JSON.stringify(raw(el.querySelector("ins")))];
    e.ch.forEach(function (c) {
      lines.push(names[c[0]] + " \u00b7 confidence " + c[1].toFixed(2) + "\n" + reasons[c[2]]);
    });
    return lines.join("\n");
  }
  function showTip(el) {
    if (tipFor && tipFor !== el) { tipFor.removeAttribute("aria-describedby"); }
    tipFor = el;
    tip.textContent = tipText(el);
    tip.hidden = false;
    el.setAttribute("aria-describedby", "tip");
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
    if (tipFor) { tipFor.removeAttribute("aria-describedby"); }
    tipFor = null;
    tip.hidden = true;
  }
  function editOf(node) {
    var el = node && node.closest ? node.closest(".e") : null;
    return el && !el.classList.contains("off") ? el : null;
  }

  function focusEdit(k) {
    current = k;
    currentDoc = data[k].doc;
    showPage(data[k].page);
    $("doc-select").value = String(currentDoc);
    var el = els[k - pageStart[page]];
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "center" });
    placeTip();
  }

  function gotoEdit(dir) {
    var k = current;
    if (k < 0) { k = pageStart[page] - (dir > 0 ? 1 : 0); }
    for (k += dir; k >= 0 && k < data.length; k += dir) {
      if (visible[k]) { focusEdit(k); return; }
    }
    // No further edit that way: stay on the current one (a button click took the focus).
    if (current >= 0 && visible[current]) { focusEdit(current); }
  }

  function gotoDoc(i) {
    if (!ndocs) { return; }
    i = Math.min(Math.max(i, 0), ndocs - 1);
    currentDoc = i;
    current = docFirst[i] - 1;
    showPage(docPage[i]);
    $("doc-select").value = String(i);
    var head = $("doc-" + i + "-name");
    head.focus({ preventScroll: true });
    head.scrollIntoView({ block: "start" });
    window.scrollBy(0, -$("toolbar").offsetHeight - 8);
  }

  document.addEventListener("mouseover", function (ev) {
    var el = editOf(ev.target);
    if (el) { showTip(el); } else if (tipFor && tipFor !== document.activeElement) { hideTip(); }
  });
  document.addEventListener("focusin", function (ev) {
    var k = ev.target.getAttribute && ev.target.getAttribute("data-k");
    if (k !== null && k !== undefined) {
      current = parseInt(k, 10);
      currentDoc = data[current].doc;
      showTip(ev.target);
    }
  });
  document.addEventListener("focusout", function () { hideTip(); });
  window.addEventListener("scroll", placeTip, { passive: true });
  window.addEventListener("resize", placeTip);
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
  each(document.querySelectorAll(".step-filter"), function (box) {
    box.addEventListener("change", applyFilters);
  });
  $("min-conf").addEventListener("input", applyFilters);
  $("mode").addEventListener("change", function () {
    view.className = "mode-" + $("mode").value;
    placeTip();
  });
  $("next-edit").addEventListener("click", function () { gotoEdit(1); });
  $("prev-edit").addEventListener("click", function () { gotoEdit(-1); });
  $("next-doc").addEventListener("click", function () { gotoDoc(currentDoc + 1); });
  $("prev-doc").addEventListener("click", function () { gotoDoc(Math.max(currentDoc - 1, 0)); });
  $("next-page").addEventListener("click", function () { gotoDoc(docFirstOfPage(page + 1)); });
  $("prev-page").addEventListener("click", function () { gotoDoc(docFirstOfPage(page - 1)); });
  function docFirstOfPage(p) {
    p = Math.min(Math.max(p, 0), pages - 1);
    return docPage.indexOf(p);
  }
  $("doc-select").addEventListener("change", function () {
    gotoDoc(parseInt($("doc-select").value, 10));
  });
  applyFilters();
  showPage(0);
  document.body.setAttribute("data-ready", "1");
})();
"""
