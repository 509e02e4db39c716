/* The findings table of a seedlint report: reads the JSON block once, keeps the list of
   matching findings as indexes, and builds the rows of one page at a time, so that a report of
   100,000 findings stays responsive. Text is only ever set through textContent. */
(function () {
  "use strict";

  // positions in a finding array (see _payload in seedlint/output/html.py)
  var DOC = 0, RULE = 1, SEV = 2, MSG = 3, ROW = 4, COL = 5, PRE = 6, HEAD = 7, TAIL = 8,
    POST = 9, CLIP = 10, FIX = 11, BEFORE = 12, AFTER = 13, MORE = 14;
  var CLIP_PRE = 1, CLIP_POST = 2, CLIP_NEXT_LINE = 4;
  var SEVERITIES = ["error", "warning", "info"];
  var FIX_KINDS = ["safe", "unsafe", ""];
  var SEARCH_DELAY = 200; // ms after the last key before filtering by text
  // characters that would not show in a span or a fix: shown as marks instead
  var INVISIBLE = /[\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\u0000-\u001f\u007f-\u009f]/;

  var root = document.documentElement;
  root.classList.add("js");
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var findings = data.findings;
  var docIndex = new Map(data.docs.map(function (doc, i) { return [doc[0], i]; }));
  var lowerPaths = null, lowerMessages = null; // built on the first text search

  var state = {
    rule: -1, severity: -1, folder: -1, fix: -1, doc: -1, text: "",
    sort: "document", direction: 1, page: 0, pageSize: 100
  };
  var view = [];

  function $(id) { return document.getElementById(id); }
  var rows = $("rows"), status = $("status"), table = $("findings-table");

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function hex(ch) {
    return "U+" + ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
  }

  // text with invisible characters shown as marks (for spans and fixes); a plain space is
  // marked only where it could be missed: at either end, doubled, or alone
  function visible(parent, text) {
    var chars = Array.from(text), plain = "";
    var blank = text.trim() === "";
    for (var i = 0; i < chars.length; i++) {
      var ch = chars[i];
      var hidden = ch === " "
        ? blank || i === 0 || i === chars.length - 1 || chars[i - 1] === " " || chars[i + 1] === " "
        : INVISIBLE.test(ch) && ch !== "\u3000";
      if (!hidden) { plain += ch; continue; }
      if (plain) { parent.appendChild(document.createTextNode(plain)); plain = ""; }
      var label = ch === " " ? "\u00b7" : ch === "\t" ? "\u2192" : ch === "\u00a0" ? "\u237d" : hex(ch);
      var mark = make("span", "char", label);
      mark.title = ch === " " ? "space" : hex(ch);
      parent.appendChild(mark);
    }
    if (plain) parent.appendChild(document.createTextNode(plain));
  }

  function contextCell(f) {
    var code = make("code", "context");
    if (f[CLIP] & CLIP_PRE) code.appendChild(make("span", "clip", "\u2026"));
    code.appendChild(document.createTextNode(f[PRE]));
    var mark = make("mark", "span sev-" + SEVERITIES[f[SEV]]);
    if (f[HEAD] === "" && f[TAIL] === "") {
      mark.appendChild(make("span", "insert", "\u2038"));
      mark.title = "insertion point";
    } else {
      visible(mark, f[HEAD]);
      if (f[TAIL]) { mark.appendChild(make("span", "clip", " \u2026 ")); visible(mark, f[TAIL]); }
    }
    if (f[CLIP] & CLIP_NEXT_LINE) mark.appendChild(make("span", "clip", "\u21b5"));
    code.appendChild(mark);
    code.appendChild(document.createTextNode(f[POST]));
    if (f[CLIP] & CLIP_POST) code.appendChild(make("span", "clip", "\u2026"));
    return code;
  }

  function fixCell(td, f) {
    var kind = FIX_KINDS[f[FIX]];
    if (!kind) { td.appendChild(make("span", "none", "no fix")); return; }
    td.appendChild(make("span", "badge fix-" + kind, kind));
    var change = make("span", "change");
    var del = make("del");
    if (f[BEFORE]) visible(del, f[BEFORE]); else del.appendChild(make("span", "nothing", "(nothing)"));
    var ins = make("ins");
    if (f[AFTER]) visible(ins, f[AFTER]); else ins.appendChild(make("span", "nothing", "(nothing)"));
    change.appendChild(del);
    change.appendChild(make("span", "arrow", " \u2192 "));
    change.appendChild(ins);
    td.appendChild(change);
    if (f[MORE]) {
      td.appendChild(make("span", "more", "and " + f[MORE].toLocaleString("en") + " more change" + (f[MORE] === 1 ? "" : "s")));
    }
  }

  function row(f) {
    var tr = make("tr");
    var path = data.docs[f[DOC]][0];
    var where = make("td", "where");
    var link = make("a");
    link.href = "#doc=" + encodeURIComponent(path);
    link.appendChild(make("bdi", "", path));
    where.appendChild(link);
    where.appendChild(make("span", "location", ":" + f[ROW] + ":" + f[COL]));
    tr.appendChild(where);
    var rule = data.rules[f[RULE]];
    var ruleCell = make("td", "rule");
    ruleCell.appendChild(make("code", "", rule[0]));
    ruleCell.appendChild(document.createTextNode(" " + rule[1]));
    tr.appendChild(ruleCell);
    var sevCell = make("td");
    sevCell.appendChild(make("span", "badge sev-" + SEVERITIES[f[SEV]], SEVERITIES[f[SEV]]));
    tr.appendChild(sevCell);
    tr.appendChild(make("td", "message", data.messages[f[MSG]]));
    var context = make("td");
    context.appendChild(contextCell(f));
    tr.appendChild(context);
    var fix = make("td", "fix");
    fixCell(fix, f);
    tr.appendChild(fix);
    return tr;
  }

  function matches(f, text) {
    if (state.rule >= 0 && f[RULE] !== state.rule) return false;
    if (state.severity >= 0 && f[SEV] !== state.severity) return false;
    if (state.fix >= 0 && f[FIX] !== state.fix) return false;
    if (state.doc !== -1 && f[DOC] !== state.doc) return false;
    if (state.folder >= 0 && data.docs[f[DOC]][1] !== state.folder) return false;
    if (text && lowerPaths[f[DOC]].indexOf(text) < 0 && lowerMessages[f[MSG]].indexOf(text) < 0) {
      return false;
    }
    return true;
  }

  var sortKeys = {
    document: function (f) { return f[DOC]; },
    rule: function (f) { return f[RULE]; },
    severity: function (f) { return f[SEV]; },
    message: function (f) { return f[MSG]; },
    fix: function (f) { return f[FIX]; }
  };

  function filter() {
    var text = state.text.toLowerCase();
    if (text && lowerPaths === null) {
      lowerPaths = data.docs.map(function (doc) { return doc[0].toLowerCase(); });
      lowerMessages = data.messages.map(function (m) { return m.toLowerCase(); });
    }
    view = [];
    for (var i = 0; i < findings.length; i++) if (matches(findings[i], text)) view.push(i);
    sort();
  }

  // findings arrive in document order (path, row, column); other sorts keep it among equals
  function sort() {
    var key = sortKeys[state.sort], direction = state.direction;
    if (state.sort === "document" && direction === 1) { view.sort(function (a, b) { return a - b; }); return; }
    var keys = new Int32Array(findings.length);
    for (var k = 0; k < view.length; k++) keys[view[k]] = key(findings[view[k]]);
    view.sort(function (a, b) { return (keys[a] - keys[b]) * direction || a - b; });
  }

  function render() {
    var pages = Math.max(1, Math.ceil(view.length / state.pageSize));
    state.page = Math.min(Math.max(state.page, 0), pages - 1);
    var start = state.page * state.pageSize;
    var end = Math.min(view.length, start + state.pageSize);
    var fragment = document.createDocumentFragment();
    for (var k = start; k < end; k++) fragment.appendChild(row(findings[view[k]]));
    if (!view.length) {
      var empty = make("td", "empty", findings.length ? "No findings match these filters." : "No findings.");
      empty.colSpan = 6;
      fragment.appendChild(make("tr")).appendChild(empty);
    }
    rows.replaceChildren(fragment);
    var shown = view.length ? (start + 1).toLocaleString("en") + "\u2013" + end.toLocaleString("en") : "0";
    var message = "Showing " + shown + " of " + view.length.toLocaleString("en") +
      (view.length === 1 ? " finding" : " findings");
    if (view.length !== findings.length) message += " (" + findings.length.toLocaleString("en") + " in all)";
    var filters = activeFilters();
    status.textContent = message + (filters.length ? "; " + filters.join(", ") : "") + ".";
    status.dataset.matching = String(view.length);
    $("page-info").textContent = "Page " + (state.page + 1).toLocaleString("en") + " of " + pages.toLocaleString("en");
    $("page-first").disabled = $("page-previous").disabled = state.page === 0;
    $("page-next").disabled = $("page-last").disabled = state.page >= pages - 1;
    table.querySelectorAll("th[data-sort]").forEach(function (th) {
      var on = th.dataset.sort === state.sort;
      if (on) th.setAttribute("aria-sort", state.direction === 1 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
      th.querySelector(".arrow").textContent = on ? (state.direction === 1 ? " \u25b2" : " \u25bc") : "";
    });
  }

  // the filters in use, in words: the status says them, and so does a printed page
  function activeFilters() {
    var words = [];
    [["filter-rule", "rule"], ["filter-severity", "severity"], ["filter-folder", "folder"],
      ["filter-fix", "fix"]].forEach(function (pair) {
      var select = $(pair[0]);
      if (select.value !== "-1") {
        words.push(pair[1] + " " + select.selectedOptions[0].textContent.replace(/ \([\d,]+\)$/, ""));
      }
    });
    if (state.text) words.push("containing \u201c" + state.text + "\u201d");
    if (state.doc !== -1) words.push("document " + $("document-filter-path").textContent);
    return words;
  }

  function update() { filter(); state.page = 0; render(); }

  function bindSelect(id, field) {
    $(id).addEventListener("change", function (event) {
      state[field] = Number(event.target.value);
      update();
    });
  }
  bindSelect("filter-rule", "rule");
  bindSelect("filter-severity", "severity");
  bindSelect("filter-folder", "folder");
  bindSelect("filter-fix", "fix");

  var searchTimer = 0;
  $("filter-text").addEventListener("input", function (event) {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () { state.text = event.target.value; update(); }, SEARCH_DELAY);
  });
  var form = $("filters");
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function (event) {
    event.preventDefault();
    ["filter-rule", "filter-severity", "filter-folder", "filter-fix"].forEach(function (id) { $(id).value = "-1"; });
    $("filter-text").value = "";
    state.rule = state.severity = state.folder = state.fix = -1;
    state.text = "";
    update();
  });

  table.querySelectorAll("th[data-sort] button").forEach(function (button) {
    button.addEventListener("click", function () {
      var key = button.parentNode.dataset.sort;
      state.direction = state.sort === key ? -state.direction : 1;
      state.sort = key;
      sort();
      state.page = 0;
      render();
    });
  });

  function goTo(page) { return function () { state.page = page(); render(); }; }
  $("page-first").addEventListener("click", goTo(function () { return 0; }));
  $("page-previous").addEventListener("click", goTo(function () { return state.page - 1; }));
  $("page-next").addEventListener("click", goTo(function () { return state.page + 1; }));
  $("page-last").addEventListener("click", goTo(function () { return Infinity; }));
  $("page-size").addEventListener("change", function (event) {
    var first = state.page * state.pageSize;
    state.pageSize = Number(event.target.value);
    state.page = Math.floor(first / state.pageSize);
    render();
  });

  // "#doc=PATH" (from the document links) shows the findings of that document only
  function readHash(moveFocus) {
    var hash = location.hash, path = null;
    if (hash.indexOf("#doc=") === 0) {
      try { path = decodeURIComponent(hash.slice(5)); } catch (error) { path = null; }
    }
    var box = $("document-filter");
    if (path === null) {
      state.doc = -1;
      box.hidden = true;
    } else {
      state.doc = docIndex.has(path) ? docIndex.get(path) : -2;
      $("document-filter-path").textContent = path;
      box.hidden = false;
    }
    update();
    if (moveFocus && path !== null) $("findings").focus();
  }
  window.addEventListener("hashchange", function () { readHash(true); });
  $("document-filter-clear").addEventListener("click", function () { location.hash = "#findings"; });

  readHash(false);
  performance.mark("report-rendered");
  root.dataset.state = "rendered";
})();
