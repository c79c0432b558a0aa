/* Jumbe docs: code tabs and search. Plain JavaScript, no libraries; works from file:// and under /docs/. */
(function () {
  "use strict";

  var STORAGE_KEY = "jumbe-docs-lang";

  function remember(lang) {
    try { window.localStorage.setItem(STORAGE_KEY, lang); } catch (e) { /* storage may be off: tabs still work */ }
  }

  function remembered() {
    try { return window.localStorage.getItem(STORAGE_KEY); } catch (e) { return null; }
  }

  /* Selecting a language in one group selects it in every group that has it. */
  function selectLanguage(lang) {
    var groups = document.querySelectorAll(".code-tabs");
    for (var g = 0; g < groups.length; g++) {
      var group = groups[g];
      if (!group.querySelector('.tab[data-lang="' + lang + '"]')) { continue; }
      var tabs = group.querySelectorAll(".tab");
      for (var t = 0; t < tabs.length; t++) {
        tabs[t].setAttribute("aria-selected", String(tabs[t].getAttribute("data-lang") === lang));
      }
      var panels = group.querySelectorAll(".tab-panel");
      for (var p = 0; p < panels.length; p++) {
        panels[p].hidden = panels[p].getAttribute("data-lang") !== lang;
      }
    }
  }

  document.addEventListener("click", function (event) {
    var tab = event.target.closest ? event.target.closest(".code-tabs .tab") : null;
    if (!tab) { return; }
    var lang = tab.getAttribute("data-lang");
    selectLanguage(lang);
    remember(lang);
  });

  var saved = remembered();
  if (saved) { selectLanguage(saved); }

  /* Search over window.JUMBE_SEARCH_INDEX, loaded by search-index.js. */
  var input = document.getElementById("search");
  var results = document.getElementById("search-results");
  var index = window.JUMBE_SEARCH_INDEX || [];
  if (!input || !results) { return; }

  function score(entry, terms) {
    var title = entry.title.toLowerCase();
    var text = (entry.page + " " + entry.text).toLowerCase();
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var inTitle = title.indexOf(terms[i]) >= 0;
      var inText = text.indexOf(terms[i]) >= 0;
      if (!inTitle && !inText) { return 0; }
      total += inTitle ? 10 : 1;
    }
    return total;
  }

  function render(query) {
    while (results.firstChild) { results.removeChild(results.firstChild); }
    var terms = query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
    if (terms.length === 0) { results.hidden = true; return; }
    var found = [];
    for (var i = 0; i < index.length; i++) {
      var s = score(index[i], terms);
      if (s > 0) { found.push({ entry: index[i], score: s }); }
    }
    found.sort(function (a, b) { return b.score - a.score; });
    if (found.length === 0) {
      var empty = document.createElement("li");
      empty.className = "empty";
      empty.textContent = "No results for \u201c" + query + "\u201d";
      results.appendChild(empty);
    }
    for (var j = 0; j < found.length && j < 12; j++) {
      var entry = found[j].entry;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = entry.url;
      a.textContent = entry.title;
      var page = document.createElement("span");
      page.className = "result-page";
      page.textContent = entry.page;
      a.appendChild(page);
      li.appendChild(a);
      results.appendChild(li);
    }
    results.hidden = false;
  }

  input.addEventListener("input", function () { render(input.value); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { input.value = ""; render(""); }
    if (event.key === "Enter") {
      var first = results.querySelector("a");
      if (first) { window.location.href = first.href; }
    }
  });
  document.addEventListener("click", function (event) {
    if (!results.contains(event.target) && event.target !== input) { results.hidden = true; }
  });
}());
