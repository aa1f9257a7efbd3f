/* diplo-edition: the search page. Full-text search with Pagefind (one index per language: Russian pages
   stemmed as Russian, English abstracts as English, searched together), results at the paragraph with
   the hit highlighted on the document page, exact phrases in quotes, filters; and the quotation finder,
   which also works on a site opened from disk (file://), where Pagefind cannot load its index.

   Needs search-core.js (loaded before it). All URLs are relative: the site works under any sub-path.
   window.DiploSearch is a small API for the tests and the measurements (search/metrics.py). */
(function () {
  "use strict";

  var C = window.DiploSearchCore;
  var app = document.getElementById("search-app");
  if (!app || !C) { return; }

  var root = app.getAttribute("data-root") || "";
  var quotesBase = (app.getAttribute("data-quotes") || "quotes/index.js").replace(/index\.js$/, "");
  var pagefindBase = (app.getAttribute("data-assets") || root) + "pagefind/";  // the index is at the site root
  var offline = window.location.protocol === "file:";
  var indexed = app.getAttribute("data-index") === "pagefind";

  /* Ranking for an edition of a few documents of very different lengths (a 450 KB thesis beside 10 KB
     articles): Pagefind's default pageLength 0.75 penalises the long document too much; 0.3 and a
     slightly later saturation put the document that treats a subject at length first for every query
     of the test set, with the widest worst-case margin (`python -m diplo_edition.search.metrics build/`). */
  var RANKING = { termSaturation: 1.6, pageLength: 0.3, termFrequency: 1.0 };
  var PAGEFIND_DEFAULT = { termSimilarity: 1.0, pageLength: 0.75, termSaturation: 1.4, termFrequency: 1.0 };
  var MAX_RESULTS = 20;
  var SHOWN_PLACES = 5;

  /* The page's words (base.html writes them from the catalogs into #site-words): the interface language
     is the page's (the /en/ twin is English), never the browser's. "%(n)s" and the like are filled in
     here; a count's forms are chosen by Intl.PluralRules of the page's language from the catalog's. */
  var params = new URLSearchParams(window.location.search);
  var WORDS = JSON.parse((document.getElementById("site-words") || {}).textContent || "{}");
  var ui = (document.documentElement.getAttribute("lang") || "en").toLowerCase();
  var plurals = null;
  try { plurals = new Intl.PluralRules(ui); } catch (e) { /* an old browser: the catalog's "other" */ }
  function fill(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (all, key) { return key in values ? values[key] : all; });
  }
  function t(key, values) { return fill(WORDS[key] || key, values || {}); }
  function count(key, n) {
    var forms = WORDS[key] || {};
    return fill(forms[plurals ? plurals.select(n) : "other"] || forms.other || String(n), { n: n });
  }

  /* The values the index gives, in this page's words (search.html writes them from the page's catalog):
     {text, lang}, lang where the words are not in the page's language (null otherwise). The index is made
     once for every interface language: kinds and languages are codes in it, documents their titles,
     which stay in the document's language. */
  var pageWords = JSON.parse((document.getElementById("search-filter-words") || {}).textContent || "{}");
  function valueLabel(key, value) {
    var labels = (pageWords.labels || {})[key] || {}, langs = (pageWords.langs || {})[key] || {};
    var text = labels[value] || value, lang = labels[value] ? pageWords.lang : langs[value];
    return { text: text, lang: lang && lang !== ui ? lang : null };
  }
  function labelled(tag, attrs, key, value) {  // an element showing a value in its own language
    var label = valueLabel(key, value);
    attrs.lang = label.lang;
    attrs.text = label.text;
    return el(tag, attrs);
  }

  document.getElementById("search-fallback").hidden = true;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var filterBox = document.getElementById("search-filters");

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") { node.textContent = attrs[name]; } else if (attrs[name] !== null && attrs[name] !== undefined) { node.setAttribute(name, attrs[name]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(typeof child === "string" ? document.createTextNode(child) : child); } });
    return node;
  }
  function say(node, message) { node.textContent = message; }

  /* ---------------- Pagefind: one instance per language ---------------- */

  var instances = [];
  var ranking = RANKING;
  var filterValues = {};
  var ready;

  function createInstance(module, language, options) {
    // Pagefind takes the language of an instance from <html lang> when the instance is created.
    var html = document.documentElement, saved = html.getAttribute("lang");
    html.setAttribute("lang", language);
    try { return module.createInstance(options); } finally { html.setAttribute("lang", saved); }
  }

  /* The index is in shards (pagefind/shards.json): per language, the first shard that has it is loaded
     and the others are merged into it (Pagefind's mergeIndex). */
  var manifestUrl = new URL(pagefindBase + "shards.json", document.baseURI).href;
  function fetchManifest() {
    return fetch(manifestUrl, { cache: "no-store" }).then(function (response) {
      if (!response.ok) { throw new Error("no index"); }
      return response.json();
    });
  }

  function initPagefind() {
    return fetchManifest().then(function (manifest) {
      showCatchingUp(manifest.pending === true);
      var shards = manifest.shards || [], byLanguage = {};
      shards.forEach(function (shard) {
        Object.keys(shard.languages || {}).forEach(function (l) {
          if (l !== "unknown") { (byLanguage[l] = byLanguage[l] || []).push(shard.path); }
        });
      });
      var options = { ranking: ranking, excerptLength: 24, baseUrl: "/" };
      return Promise.all(Object.keys(byLanguage).sort().map(function (language) {
        var paths = byLanguage[language].map(function (path) { return new URL(pagefindBase + path, document.baseURI).href; });
        // A module per language: Pagefind keeps one WebAssembly stemmer per module (and worker).
        return import(paths[0] + "pagefind.js?lang=" + encodeURIComponent(language)).then(function (module) {
          // baseUrl "/": result URLs stay relative to the site root, whatever sub-path the site is served under.
          var api = createInstance(module, language, options);
          return api.init().then(function () {
            return Promise.all(paths.slice(1).map(function (path) {
              return api.mergeIndex(path, Object.assign({ language: language }, options));
            }));
          }).then(function () { return { language: language, api: api }; });
        });
      }));
    }).then(function (list) {
      instances = list;
      return Promise.all(instances.map(function (i) { return i.api.filters(); }));
    }).then(function (all) {
      filterValues = mergeCounts(all);
      renderFilters();
    });
  }

  /* While `diplo-edition serve` writes the index of a change, the manifest says "pending": the page says
     that search is catching up, and loads the new index when it is there (asking every 2 s). */
  var catchingUp = null, polling = false;
  function showCatchingUp(pending) {
    if (!pending) {
      if (catchingUp) { catchingUp.remove(); catchingUp = null; }
      return;
    }
    if (!catchingUp) {
      catchingUp = el("p", { class: "search-catching-up", role: "status", text: t("catchingUp") });
      form.parentNode.insertBefore(catchingUp, status);
    }
    if (polling) { return; }
    polling = true;
    setTimeout(function poll() {
      fetchManifest().then(function (manifest) {
        if (manifest.pending === true) { setTimeout(poll, 2000); return; }
        polling = false;
        reload();
      }, function () { setTimeout(poll, 2000); });
    }, 2000);
  }
  function loadAgain(tries) {
    var old = instances;
    instances = [];
    return Promise.all(old.map(function (i) { return i.api.destroy(); })).then(initPagefind).catch(function (error) {
      // A manifest of serve's replaced while the index was loading: load it again, a moment later.
      if (tries <= 0) { throw error; }
      return new Promise(function (resolve) { setTimeout(resolve, 1000); }).then(function () { return loadAgain(tries - 1); });
    });
  }
  function reload() {
    ready = loadAgain(3);
    return ready.then(function () { if (lastResults && lastResults.query) { run(lastResults.query); } },
      function () { say(status, t("unavailable")); });
  }

  /* For the measurements: null restores Pagefind's own defaults. The merged shards take their ranking
     when they are merged: the instances are made again. */
  function setRanking(value) {
    ranking = value || PAGEFIND_DEFAULT;
    return reload();
  }

  var FILTER_ORDER = ["language", "kind", "document", "year"];
  function renderFilters() {
    var checked = selectedFilters();
    filterBox.textContent = "";
    var groups = FILTER_ORDER.filter(function (key) { return filterValues[key] && Object.keys(filterValues[key]).length; });
    if (!groups.length) { filterBox.hidden = true; return; }
    var box = el("details", { class: "search-filter-box", open: Object.keys(checked).length ? "" : null },
      [el("summary", { text: t("filters") })]);
    groups.forEach(function (key) {
      var fieldset = el("fieldset", { class: "search-filter" }, [el("legend", { text: t("filter-" + key) })]);
      Object.keys(filterValues[key]).sort().forEach(function (value, n) {
        var id = "f-" + key + "-" + n;
        var box = el("input", { type: "checkbox", id: id, name: "f-" + key, value: value });
        box.checked = (checked[key] || []).indexOf(value) >= 0;
        fieldset.appendChild(el("div", { class: "search-filter-item" }, [box, " ",
          el("label", { for: id }, [labelled("span", {}, key, value), " ", el("span", { class: "count", "data-key": key, "data-value": value,
            text: "(" + countOf(key, value) + ")" })])]));
      });
      box.appendChild(fieldset);
    });
    filterBox.appendChild(box);
    filterBox.hidden = false;
  }

  /* Counts beside the filters: of the results of the last search, or of everything before one. */
  var resultCounts = null;
  function countOf(key, value) {
    var counts = resultCounts || filterValues;
    return (counts[key] && counts[key][value]) || 0;
  }
  function updateCounts() {
    var spans = filterBox.querySelectorAll("span.count[data-key]");
    for (var i = 0; i < spans.length; i++) {
      spans[i].textContent = "(" + countOf(spans[i].getAttribute("data-key"), spans[i].getAttribute("data-value")) + ")";
    }
  }
  function mergeCounts(list) {
    var merged = {};
    list.forEach(function (filters) {
      Object.keys(filters || {}).forEach(function (key) {
        merged[key] = merged[key] || {};
        Object.keys(filters[key]).forEach(function (value) {
          merged[key][value] = (merged[key][value] || 0) + filters[key][value];
        });
      });
    });
    return merged;
  }

  function selectedFilters() {
    var out = {};
    var boxes = filterBox.querySelectorAll("input[type=checkbox]:checked");
    for (var i = 0; i < boxes.length; i++) {
      var key = boxes[i].name.replace(/^f-/, "");
      (out[key] = out[key] || []).push(boxes[i].value);
    }
    return out;
  }

  filterBox.addEventListener("change", function () { if (input.value.trim()) { run(input.value); } });

  /* ---------------- Queries ---------------- */

  function parseQuery(query) {
    var phrases = [];
    var rest = query.replace(/"([^"]+)"|«([^»]+)»|“([^”]+)”|„([^“”]+)[“”]/g, function (m, a, b, c, d) {
      phrases.push(a || b || c || d);
      return " ";
    });
    return { phrases: phrases, words: rest.split(/\s+/).filter(Boolean) };
  }

  function pagefindTerm(parsed) {
    var words = [];
    parsed.phrases.forEach(function (p) { words = words.concat(p.split(/\s+/).filter(Boolean)); });
    parsed.words.forEach(function (w) { words.push(C.broadenRu(w)); });
    return words.join(" ");
  }

  /* Where each word position of a page lies: the paragraph (or heading, abstract, reference), the note
     (indexed in the list of notes; its page is its marker's), and the original page — from the anchors
     Pagefind records for every element with an id, at their word positions. */
  function placesOf(data) {
    var segs = [], pages = [], notes = [], markers = {};
    (data.anchors || []).forEach(function (a) {
      if (/^page-/.test(a.id)) { pages.push(a); }
      else if (/^fnref/.test(a.id)) { markers[a.id.slice(5)] = a.location; }
      else if (/^fn/.test(a.id) && a.element === "li") {
        var n = (a.text || "").split(/\s+/).filter(Boolean).length;
        notes.push({ id: a.id, start: a.location, end: a.location + Math.max(1, n) });
      } else if ((a.element === "p" && /^p\d+$/.test(a.id)) || /^h\d$/i.test(a.element) ||
                 (a.element === "div" && /^abstract-/.test(a.id)) || (a.element === "li" && /^ref-/.test(a.id))) {
        segs.push(a);
      }
    });
    var byLocation = function (x, y) { return x.location - y.location; };
    segs.sort(byLocation);
    pages.sort(byLocation);
    function last(list, location) {
      var found = null;
      for (var i = 0; i < list.length && list[i].location <= location; i++) { found = list[i]; }
      return found;
    }
    return {
      notes: notes,
      locate: function (location) {
        var note = null;
        for (var i = 0; i < notes.length; i++) { if (notes[i].start <= location && location < notes[i].end) { note = notes[i]; break; } }
        var marker = note ? markers[note.id.slice(2)] : undefined;
        var at = note ? (marker === undefined ? note.start : marker) : location;
        var seg = last(segs, at), page = last(pages, at);
        var start = note ? note.start : (seg ? seg.location : 0);
        var end = note ? note.end : Infinity;
        if (!note && seg) {
          var next = segs[segs.indexOf(seg) + 1];
          if (next) { end = next.location; }
        }
        return {
          id: note ? note.id : (seg ? seg.id : null), element: note ? "note" : (seg ? seg.element : null),
          text: seg && !note ? seg.text : "", page: page ? pageLabel(page.id) : null, start: start, end: end
        };
      }
    };
  }

  function pageLabel(id) {
    var tail = id.replace(/^page-/, "");
    var seq = /^seq-(\d+)$/.exec(tail);
    return seq ? "[" + seq[1] + "]" : tail;
  }

  /* Positions of every occurrence of a phrase (exact word forms, in order), in the running text with the
     notes taken out, and inside each note. */
  function phrasePositions(tokens, notes, phrase) {
    var keys = phrase.split(/\s+/).map(C.phraseKey).filter(Boolean);
    if (!keys.length) { return []; }
    var streams = {}, noteAt = function (pos) {
      for (var i = 0; i < notes.length; i++) { if (notes[i].start <= pos && pos < notes[i].end) { return i; } }
      return -1;
    };
    tokens.forEach(function (token, pos) {
      var key = C.phraseKey(token);
      if (!key) { return; }
      var s = noteAt(pos);
      (streams[s] = streams[s] || []).push([pos, key]);
    });
    var out = [];
    Object.keys(streams).forEach(function (s) {
      var seq = streams[s];
      for (var i = 0; i + keys.length <= seq.length; i++) {
        var ok = true;
        for (var k = 0; k < keys.length && ok; k++) { ok = seq[i + k][1] === keys[k]; }
        if (ok) { for (var m = 0; m < keys.length; m++) { out.push(seq[i + m][0]); } }
      }
    });
    return out.sort(function (a, b) { return a - b; });
  }

  function linkTo(url, query, keys, anchor, quote) {
    var parts = url.replace(/^\//, "").split("#");
    var search = [];
    if (query) { search.push("q=" + encodeURIComponent(query)); }
    if (keys && keys.length) { search.push("hl=" + encodeURIComponent(keys.join(" "))); }
    if (quote) { search.push("quote=" + encodeURIComponent(quote)); }
    var hash = anchor || parts[1];
    return root + parts[0] + (search.length ? "?" + search.join("&") : "") + (hash ? "#" + hash : "");
  }

  /* One result of Pagefind, read into places: [{id, label parts, page, excerpt tokens, keys, href}]. */
  function readResult(result, language, query, parsed) {
    return result.data().then(function (data) {
      var tokens = (data.raw_content || data.content || "").split(" ");
      var places = placesOf(data);
      var hits;
      if (parsed.phrases.length) {
        hits = [];
        for (var i = 0; i < parsed.phrases.length; i++) {
          var found = phrasePositions(tokens, places.notes, parsed.phrases[i]);
          if (!found.length) { return null; }
          hits = hits.concat(found);
        }
        hits = hits.filter(function (v, k, a) { return a.indexOf(v) === k; }).sort(function (a, b) { return a - b; });
      } else {
        // Only the hits that begin as a query word does (C.matchesTerm); every word needs one.
        var words = parsed.words.map(C.broadenRu).filter(function (w) { return C.pagefindForm(w); });
        var counts = function (l, w) { return C.matchesTerm(tokens[l] || "", w); };
        hits = (data.locations || []).filter(function (l) {
          return words.some(function (w) { return counts(l, w); });
        }).sort(function (a, b) { return a - b; });
        if (!words.every(function (w) { return hits.some(function (l) { return counts(l, w); }); })) { return null; }
      }
      if (!hits.length) { return null; }
      var groups = [], byId = {};
      hits.forEach(function (location) {
        var where = data.anchors && data.anchors.length ? places.locate(location) :
          { id: null, element: "record", page: null, start: 0, end: tokens.length };
        var key = where.id || "record";
        if (!byId[key]) { byId[key] = { where: where, locations: [] }; groups.push(byId[key]); }
        byId[key].locations.push(location);
      });
      var recordAnchor = (data.url.split("#")[1]) || null;
      groups.forEach(function (g) {
        var keys = {};
        g.locations.forEach(function (l) { C.wordKeys(tokens[l] || "").forEach(function (k) { keys[k] = true; }); });
        g.keys = Object.keys(keys);
        g.anchor = g.where.id || recordAnchor;
        g.href = linkTo(data.url, query, g.keys, g.anchor);
        // The excerpt: words around the first hit, from the paragraph with its notes left out (or
        // from the note, for a hit in a note).
        var first = g.locations[0], stream = [];
        var inNote = function (pos) {
          return places.notes.some(function (n) { return n.start <= pos && pos < n.end; });
        };
        var end = Math.min(g.where.end, tokens.length);
        for (var pos = g.where.start; pos < end; pos++) {
          if (g.where.element === "note" || !inNote(pos)) { stream.push(pos); }
        }
        var at = Math.max(0, stream.indexOf(first));
        var from = Math.max(0, at - 12), to = Math.min(stream.length, at + 22);
        g.excerpt = {
          tokens: stream.slice(from, to).map(function (pos) { return tokens[pos]; }),
          positions: stream.slice(from, to), cutStart: from > 0, cutEnd: to < stream.length, marks: g.locations
        };
      });
      return {
        url: data.url, language: language, score: result.score, title: (data.meta && data.meta.title) || data.url,
        section: data.meta && data.meta.section, part: data.meta && data.meta.part, author: data.meta && data.meta.author,
        kind: data.filters && data.filters.kind ? data.filters.kind[0] : null,
        hits: hits.length, groups: groups,
        href: linkTo(data.url, query, Object.keys(groups.reduce(function (acc, g) { g.keys.forEach(function (k) { acc[k] = true; }); return acc; }, {})), groups[0].anchor)
      };
    });
  }

  function search(query, filters) {
    var parsed = parseQuery(query);
    var term = pagefindTerm(parsed);
    if (!term.trim()) { return Promise.resolve([]); }
    var pagefindFilters = {};
    Object.keys(filters || {}).forEach(function (key) { pagefindFilters[key] = { any: filters[key] }; });
    return ready.then(function () {
      return Promise.all(instances.map(function (inst) {
        return inst.api.search(term, { filters: pagefindFilters }).then(function (response) {
          return { filters: response && response.filters, results: (response && response.results || []).map(function (r) {
            return { result: r, language: inst.language };
          }) };
        });
      }));
    }).then(function (responses) {
      resultCounts = mergeCounts(responses.map(function (r) { return r.filters; }));
      updateCounts();
      var lists = responses.map(function (r) { return r.results; });
      var all = [].concat.apply([], lists).sort(function (a, b) { return b.result.score - a.result.score; });
      return Promise.all(all.slice(0, MAX_RESULTS).map(function (item) {
        return readResult(item.result, item.language, query, parsed);
      }));
    }).then(function (results) { return results.filter(Boolean); });
  }

  /* ---------------- Rendering ---------------- */

  var lastResults = null, lastQuotes = null;

  function whereLabel(g) {
    var w = g.where, parts = [];
    if (w.element === "p") { parts.push("¶\u00a0" + w.id.slice(1)); }
    else if (w.element === "note") { parts.push(t("note", { n: w.id.replace(/^fn/, "") })); }
    else if (/^h\d$/i.test(w.element || "")) { parts.push(w.text ? "«" + w.text.trim() + "»" : t("heading")); }
    else if (w.element === "div" || w.element === "record") { parts.push(t("abstract")); }
    else if (w.element === "li") { parts.push(t("reference")); }
    if (w.page) { parts.push(t("pageShort", { n: w.page })); }
    return parts.join(", ");
  }

  function excerptNode(excerpt, language) {
    var node = el("span", { class: "sr-excerpt", lang: language }, [excerpt.cutStart ? "… " : ""]);
    excerpt.tokens.forEach(function (token, k) {
      if (k) { node.appendChild(document.createTextNode(" ")); }
      if (excerpt.marks.indexOf(excerpt.positions[k]) >= 0) { node.appendChild(el("mark", { text: token })); }
      else { node.appendChild(document.createTextNode(token)); }
    });
    if (excerpt.cutEnd) { node.appendChild(document.createTextNode(" …")); }
    return node;
  }

  function renderResults(state) {
    list.textContent = "";
    var results = state.results;
    if (!results.length) { say(status, state.query ? t("nothing") : t("typeSomething")); return; }
    var places = results.reduce(function (n, r) { return n + r.groups.length; }, 0);
    // A long document's parts (and its abstract) are results of their own: the count is of documents.
    var documents = Object.keys(results.reduce(function (seen, r) { seen[r.title] = true; return seen; }, {}));
    say(status, t("found", { documents: count("documents", documents.length), places: count("places", places) }));
    results.forEach(function (r, index) {
      var docLang = valueLabel("document", r.title).lang;
      // An abstract is named in its own language ("Abstract", "Аннотация").
      var abstractTitle = (WORDS.abstractTitles || {})[r.language];
      var title = [el("span", { lang: docLang, text: r.title }), r.part ? " — " : "",
        r.part ? el("span", { class: "sr-part", lang: docLang, text: r.part }) : null, r.section ? " — " : "",
        r.section ? el("span", { lang: abstractTitle ? other(r.language) : null, text: abstractTitle || t("abstract") }) : null];
      var language = valueLabel("language", r.language);
      var meta = el("p", { class: "sr-meta" }, [
        el("span", { class: "sr-lang", title: t("inLanguage", { language: language.text }) }, [el("abbr", { lang: r.language, title: language.text, text: r.language.toUpperCase() })]),
        " ", el("span", { lang: language.lang, text: language.text }),
        r.kind ? " · " : "", r.kind ? labelled("span", {}, "kind", r.kind) : null,
        r.author ? " · " : "", r.author ? el("span", { lang: docLang, text: r.author }) : null,
        " · " + count("places", r.groups.length)
      ]);
      var hitList = el("ul", { class: "sr-places" });
      r.groups.forEach(function (g, k) {
        var item = el("li", { class: "sr-place" + (k >= SHOWN_PLACES ? " sr-extra" : "") }, [
          el("a", { href: g.href, class: "sr-where", text: whereLabel(g) }), " ", excerptNode(g.excerpt, r.language)]);
        if (k >= SHOWN_PLACES) { item.hidden = true; }
        hitList.appendChild(item);
      });
      var entry = el("li", { class: "sr", "data-url": r.url, "data-language": r.language }, [
        el("h3", { class: "sr-title" }, [el("a", { href: r.href, id: "sr-" + index }, title)]),
        meta, hitList]);
      if (r.groups.length > SHOWN_PLACES) {
        var more = el("button", { type: "button", class: "sr-more", "aria-expanded": "false", text: t("showAll", { n: r.groups.length }) });
        more.addEventListener("click", function () {
          var open = more.getAttribute("aria-expanded") !== "true";
          var extra = hitList.querySelectorAll(".sr-extra");
          for (var i = 0; i < extra.length; i++) { extra[i].hidden = !open; }
          more.setAttribute("aria-expanded", String(open));
          more.textContent = open ? t("showFewer") : t("showAll", { n: r.groups.length });
          if (open && extra[0]) { extra[0].querySelector("a").focus(); }
        });
        entry.appendChild(more);
      }
      list.appendChild(entry);
    });
  }

  var runCounter = 0;
  function run(query) {
    var id = ++runCounter;
    query = query.trim();
    if (!query) { lastResults = { query: "", results: [] }; renderResults(lastResults); return Promise.resolve([]); }
    say(status, t("searching"));
    var url = new URL(window.location.href);
    url.searchParams.set("q", query);
    try { window.history.replaceState(null, "", url.pathname.split("/").pop() + url.search + url.hash); } catch (e) { /* file:// */ }
    return search(query, selectedFilters()).then(function (results) {
      if (id !== runCounter) { return results; }
      lastResults = { query: query, results: results };
      renderResults(lastResults);
      return results;
    }, function (error) {
      say(status, t("unavailable"));
      throw error;
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run(input.value);
  });

  /* ---------------- The quotation finder ---------------- */

  var quoteForm = document.getElementById("quote-form");
  var quoteInput = document.getElementById("quote-q");
  var quoteStatus = document.getElementById("quote-status");
  var quoteList = document.getElementById("quote-results");

  function today() {
    var d = new Date(), two = function (n) { return (n < 10 ? "0" : "") + n; };
    return two(d.getDate()) + "." + two(d.getMonth() + 1) + "." + d.getFullYear();
  }

  // The part of a document split into parts that holds a place ("" or "2/"): the manifest's map of it.
  function partOf(doc, anchor) {
    for (var path in doc.parts || {}) {
      if ((" " + doc.parts[path] + " ").indexOf(" " + anchor + " ") >= 0) { return path; }
    }
    return "";
  }

  // The citation as nodes: the authors and the title in the document's language, the rest in the page's.
  function citation(m) {
    var doc = m.doc, named = [], parts = [], page = C.pageLabel(m.pages);
    if (doc.authors.length) { var names = doc.authors.join(", "); named.push(/\.$/.test(names) ? names : names + "."); }
    named.push(/[.?!]$/.test(doc.title) ? doc.title : doc.title + ".");
    if (page) { parts.push(t("citedPages", { n: page }) + "."); }
    parts.push(t("addressAccessed", { url: doc.canonical + partOf(doc, m.anchor) + "#" + m.anchor, date: today() }));
    return [el("span", { lang: other(doc.lang), text: named.join(" ") }), " " + parts.join(" ")];
  }

  function quoteWhere(m) {
    var a = m.anchor, label;
    if (/^p\d+$/.test(a)) { label = "¶\u00a0" + a.slice(1); }
    else if (/^fn/.test(a)) { label = t("note", { n: a.slice(2) }); }
    else if (/^abstract/.test(a)) { label = t("abstract"); }
    else { label = t("heading"); }
    var page = C.pageLabel(m.pages);
    return label + ", " + (page ? t("pageShort", { n: page }) : t("unknownPage"));
  }

  function other(lang) { return lang && lang !== ui ? lang : null; }  // a lang attribute where it differs

  function renderQuotes(state) {
    quoteList.textContent = "";
    if (state.error) { say(quoteStatus, t("quoteFailed")); return; }
    if (!state.matches.length) { say(quoteStatus, state.short ? t("quoteShort") : t("quoteNothing")); return; }
    say(quoteStatus, t("quoteFound", { places: count("places", state.matches.length) }));
    state.matches.forEach(function (m) {
      var href = root + m.doc.url.replace(/index\.html$/, partOf(m.doc, m.anchor) + "index.html") + "?quote=" + encodeURIComponent(state.query) + "#" + m.anchor;
      quoteList.appendChild(el("li", { class: "qr", "data-doc": m.doc.id, "data-anchor": m.anchor, "data-pages": m.pages.join(" ") }, [
        el("p", { class: "qr-where" }, [el("a", { href: href }, [el("span", { class: "qr-title", lang: other(m.doc.lang), text: m.doc.title }), ": " + quoteWhere(m)])]),
        el("p", { class: "qr-context", lang: other((/^abstract-([a-z]{2,3})\b/.exec(m.anchor) || [0, m.doc.lang])[1]) }, ["…" + m.before, el("mark", { text: m.match }), m.after + "…"]),
        el("p", { class: "qr-cite" }, [el("span", { class: "qr-cite-label", text: t("cite") }), " ", el("span", { class: "qr-cite-text" }, citation(m))])
      ]));
    });
  }

  function findQuotation(text) {
    var query = text.trim();
    if (C.normalize(query).length < 3) {
      lastQuotes = { query: query, matches: [], short: true };
      renderQuotes(lastQuotes);
      return Promise.resolve([]);
    }
    say(quoteStatus, t("quoteLoading"));
    return C.loadQuotes(quotesBase).then(function () {
      var matches = C.findQuote(query, 50);
      lastQuotes = { query: query, matches: matches };
      renderQuotes(lastQuotes);
      return matches;
    }, function (error) {
      lastQuotes = { query: query, matches: [], error: true };
      renderQuotes(lastQuotes);
      throw error;
    });
  }

  quoteForm.addEventListener("submit", function (event) {
    event.preventDefault();
    findQuotation(quoteInput.value);
  });
  quoteInput.disabled = false;
  quoteForm.querySelector("button").disabled = false;

  /* ---------------- Start ---------------- */

  renderFilters();
  if (!indexed) {
    ready = Promise.reject(new Error("no index"));
    ready.catch(function () {});
    say(status, t("noIndex"));
  } else if (offline) {
    ready = Promise.reject(new Error("file://"));
    ready.catch(function () {});
    say(status, t("offline"));
    app.classList.add("search-offline");
  } else {
    say(status, t("loading"));
    ready = initPagefind();
    ready.then(function () {
      input.disabled = false;
      form.querySelector("button[type=submit]").disabled = false;
      var q = params.get("q");
      if (q) { input.value = q; run(q); } else { say(status, ""); }
    }, function () { say(status, t("unavailable")); });
  }
  if (params.get("quote")) { quoteInput.value = params.get("quote"); findQuotation(params.get("quote")); }

  window.DiploSearch = {
    ready: function () { return ready; },
    search: function (query, filters) { return search(query, filters || {}); },
    run: run, findQuotation: findQuotation, setRanking: setRanking,
    defaultRanking: RANKING, parseQuery: parseQuery, pagefindTerm: pagefindTerm
  };
})();
