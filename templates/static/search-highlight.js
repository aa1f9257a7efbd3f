/* diplo-edition: highlights a search hit on the page a search result opens. Does nothing unless the
   address carries one of:
     ?hl=карахану+караханом   the word forms the search matched (marked wherever they stand in the target);
     ?q=Карахан              the query (its words marked by stem, when no hl is given);
     ?quote=…                a quotation (marked where it stands, tolerant of ё/е, quotes, dashes, spaces);
   and #p12 (or #fn3, #abstract-en …) names the place: only the target is searched, or the whole text.
   Loads search-core.js from beside this file when it is needed. */
(function () {
  "use strict";

  var params = new URLSearchParams(window.location.search);
  if (!params.get("hl") && !params.get("q") && !params.get("quote")) { return; }
  // The search page's ?q= is its query, not a hit: its hint's example words are no hits.
  if (document.getElementById("search-app")) { return; }
  var me = document.currentScript && document.currentScript.src;

  function target() {
    var id = window.location.hash ? decodeURIComponent(window.location.hash.slice(1)) : "";
    var node = id ? document.getElementById(id) : null;
    return node || document.getElementById("text") || document.querySelector("main");
  }

  function highlight() {
    var C = window.DiploSearchCore;
    if (!C) { return; }
    var scope = target();
    var inNote = !!(scope.closest && scope.closest(".fn"));
    var marks = [];
    if (params.get("quote")) {
      marks = C.markQuote(scope, params.get("quote"), !inNote);
    }
    if (!marks.length && (params.get("hl") || params.get("q"))) {
      var keys = new Set((params.get("hl") || "").split(/\s+/).filter(Boolean).map(C.wordKey));
      var stems = [];
      if (!keys.size) {
        var q = (params.get("q") || "").replace(/["«»“”„]/g, " ");
        stems = q.split(/\s+/).filter(function (w) { return C.pagefindForm(w).length > 2; }).map(C.stem);
      }
      marks = C.markWords(scope, keys, stems, !inNote);
    }
    if (marks.length) {
      document.documentElement.classList.add("has-search-hits");
      marks[0].scrollIntoView({ block: "center" });
    }
  }

  if (window.DiploSearchCore) {
    highlight();
  } else if (me) {
    var script = document.createElement("script");
    script.src = me.replace(/search-highlight\.js(\?.*)?$/, "search-core.js");
    script.onload = highlight;
    document.head.appendChild(script);
  }
})();
