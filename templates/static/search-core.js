/* diplo-edition search core: shared by the search page (search.js) and the highlighting of hits on the
   document pages (search-highlight.js). A classic script (no modules), so that it also runs on a site
   opened from disk (file://). Exposes window.DiploSearchCore and the registration functions of the
   offline quotation index, window.diploQuotes.manifest() / .add().

   normalize() and quotationForms() are the twins of diplo_edition/search/normalize.py: change both
   together. */
(function (global) {
  "use strict";

  var QUOTES = "«»„“”‟\"‹›‚‘’‛'`´′″";
  var DASHES = "‐‑‒–—―−⁃-﹘﹣－";
  var DROPPED = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u0300\u0301";
  var ALNUM = /^[\p{L}\p{N}]$/u;
  var SPACE = /^\s$/u;

  /* The quotation form of a text, and for every character of it the index of the character of the
     input it comes from (to highlight a quotation in the page). */
  function normalizeMapped(text) {
    var chars = [], from = [], at = 0;
    for (var ch of text) {
      var source = at;
      at += ch.length;
      var lowered = ch.length > 1 ? "\ufffd" : ch.toLowerCase();
      for (var c of lowered) {
        if (DROPPED.indexOf(c) >= 0) { continue; }
        if (c === "ё") { c = "е"; }
        else if (QUOTES.indexOf(c) >= 0) { c = "\""; }
        else if (DASHES.indexOf(c) >= 0) { c = "-"; }
        else if (c === "…") { chars.push(".", ".", "."); from.push(source, source, source); continue; }
        else if (SPACE.test(c)) { c = " "; }
        chars.push(c);
        from.push(source);
      }
    }
    var out = [], map = [], pending = false, pendingAt = 0;
    for (var k = 0; k < chars.length; k++) {
      var d = chars[k];
      if (d === " ") {
        if (out.length && !pending) { pending = true; pendingAt = from[k]; }
        continue;
      }
      if (pending && ALNUM.test(out[out.length - 1]) && ALNUM.test(d)) { out.push(" "); map.push(pendingAt); }
      pending = false;
      out.push(d);
      map.push(from[k]);
    }
    return { text: out.join(""), map: map };
  }

  function normalize(text) { return normalizeMapped(String(text).normalize("NFC")).text; }

  /* A note marker as a quotation copied from the print or a page may hold it: superscript digits, (1),
     [1], asterisks, a short number glued to a word or to the punctuation after it ("Японии"1,). */
  var NOTE_MARKER = /[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+|[(\[]\d{1,3}[)\]]|\*+|(?:(?<=\p{L})|(?<=[.,;:!?)\]»"”’']))\d{1,3}(?!\d)/gu;
  /* The normalised forms a quotation is looked for in, in turn: as it is, then without note markers (so
     that a number of the text, 1923, is found as it stands). */
  function quotationForms(quotation) {
    var forms = [normalize(quotation)];
    var bare = normalize(String(quotation).replace(NOTE_MARKER, ""));
    if (bare !== forms[0]) { forms.push(bare); }
    return forms;
  }

  /* The 26 commonest Cyrillic letters are stored as A–Z in the quotation files (quotes.py: CODE). */
  var LETTERS = "оеаинтсрвлкмдпуяыьгзбчйхжш";
  function encode(text) {
    return text.replace(/[оеаинтсрвлкмдпуяыьгзбчйхжш]/g, function (c) {
      return String.fromCharCode(65 + LETTERS.indexOf(c));
    });
  }
  function decode(text) {
    return text.replace(/[A-Z]/g, function (c) { return LETTERS.charAt(c.charCodeAt(0) - 65); });
  }

  /* Words as the highlighting sees them: letters and digits, joined by inner hyphens or apostrophes. */
  var WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
  function wordKey(word) { return word.toLowerCase().replace(/ё/g, "е"); }
  function wordKeys(text) {
    var keys = [], m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) { keys.push(wordKey(m[0])); }
    return keys;
  }
  /* A token of Pagefind's content compared in a phrase: its letters, digits and inner hyphens. */
  function phraseKey(token) {
    return normalize(token).replace(/[^\p{L}\p{N}-]/gu, "").replace(/^-+|-+$/g, "");
  }

  /* ---- The Russian Snowball stemmer, as Pagefind applies it (letters and digits only, lower case,
     diacritics removed, so й → и and ё → е, then the Snowball algorithm). ---- */
  var VOWELS = "аеиоуыэюя";
  function isVowel(c) { return VOWELS.indexOf(c) >= 0; }
  function pagefindForm(word) {
    return word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "").normalize("NFD").replace(/\p{M}/gu, "");
  }
  var GERUND_1 = ["в", "вши", "вшись"];
  var GERUND_2 = ["ив", "ивши", "ившись", "ыв", "ывши", "ывшись"];
  var ADJECTIVE = ["ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом",
    "его", "ого", "ему", "ому", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею"];
  var PARTICIPLE_1 = ["ем", "нн", "вш", "ющ", "щ"];
  var PARTICIPLE_2 = ["ивш", "ывш", "ующ"];
  var REFLEXIVE = ["ся", "сь"];
  var VERB_1 = ["ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны", "ть",
    "ешь", "нно"];
  var VERB_2 = ["ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им", "ым",
    "ен", "ило", "ыло", "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть", "ишь", "ую", "ю"];
  var NOUN = ["а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей", "ой",
    "ий", "й", "иям", "ям", "ием", "ем", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы", "ь", "ию", "ью",
    "ю", "ия", "ья", "я"];

  function stemRu(input) {
    var w = input;
    var n = w.length, pV = n, p2 = n, i = 0;
    while (i < n && !isVowel(w[i])) { i++; }
    if (i < n) {
      pV = i + 1;
      var j = pV;
      while (j < n && isVowel(w[j])) { j++; }
      if (j < n) {
        j++;
        while (j < n && !isVowel(w[j])) { j++; }
        if (j < n) {
          j++;
          while (j < n && isVowel(w[j])) { j++; }
          if (j < n) { p2 = j + 1; }
        }
      }
    }
    // The longest suffix of the groups that lies in RV (after pV); group 1 needs а/я before it (in RV).
    function among(group1, group2, limit) {
      var best = null, isFirst = false;
      var lists = [[group1 || [], true], [group2 || [], false]];
      for (var g = 0; g < lists.length; g++) {
        for (var k = 0; k < lists[g][0].length; k++) {
          var s = lists[g][0][k];
          if (s.length <= (best ? best.length : 0)) { continue; }
          if (w.length - s.length >= limit && w.slice(-s.length) === s) { best = s; isFirst = lists[g][1]; }
        }
      }
      if (!best) { return false; }
      if (isFirst) {
        var before = w.length - best.length - 1;
        if (before < limit || (w[before] !== "а" && w[before] !== "я")) { return false; }
      }
      w = w.slice(0, w.length - best.length);
      return true;
    }
    if (!among(GERUND_1, GERUND_2, pV)) {
      among(null, REFLEXIVE, pV);
      if (among(null, ADJECTIVE, pV)) { among(PARTICIPLE_1, PARTICIPLE_2, pV); }
      else if (!among(VERB_1, VERB_2, pV)) { among(null, NOUN, pV); }
    }
    if (w.length - 1 >= pV && w[w.length - 1] === "и") { w = w.slice(0, -1); }
    among(null, ["ост", "ость"], Math.max(p2, pV));
    // tidy up: ейш(е) then нн → н; or нн → н; or a final ь.
    if (w.length - 4 >= pV && w.slice(-4) === "ейше") { w = w.slice(0, -4); if (w.slice(-2) === "нн" && w.length - 2 >= pV) { w = w.slice(0, -1); } }
    else if (w.length - 3 >= pV && w.slice(-3) === "ейш") { w = w.slice(0, -3); if (w.slice(-2) === "нн" && w.length - 2 >= pV) { w = w.slice(0, -1); } }
    else if (w.length - 2 >= pV && w.slice(-2) === "нн") { w = w.slice(0, -1); }
    else if (w.length - 1 >= pV && w.slice(-1) === "ь") { w = w.slice(0, -1); }
    return w;
  }

  /* A light English stemmer: enough to highlight "negotiations" for "negotiate" (the search itself is
     Pagefind's, with the Snowball English stemmer). */
  function stemEn(word) {
    var w = word.toLowerCase();
    var rules = [/(ational|ations?|ated?|ating)$/, /(iveness|ives?|ively)$/, /(ments?)$/, /(ies|ied)$/,
      /(ings?|edly|ed|ers?|ly)$/, /(es|s)$/];
    for (var k = 0; k < rules.length; k++) {
      var cut = w.replace(rules[k], "");
      if (cut !== w && cut.length >= 3) { w = cut; }
    }
    return w;
  }

  function isCyrillic(word) { return /^[а-яё]+$/i.test(word); }
  function stem(word) {
    var form = pagefindForm(word);
    return isCyrillic(form) ? stemRu(form) : stemEn(form);
  }

  /* Pagefind matches the stem of a query word as a prefix of the stems in its index. Snowball cuts
     the nominative of many nouns further than their other cases (Карахан → караха, but Караханом →
     карахан), so a query in an oblique case would miss the nominative: it is searched in the form
     whose stem is shortest (Караханом → Карахан), which finds every case. */
  var ENDINGS = ["иями", "ями", "ами", "его", "ого", "ему", "ому", "ыми", "ими", "ией", "ием", "иях", "ой",
    "ей", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ью", "ую", "юю", "ая", "яя", "ые", "ие", "ое",
    "ее", "ых", "их", "ый", "ий", "ия", "ья", "ию", "а", "я", "у", "ю", "е", "ы", "и", "о", "ь"];
  function broadenRu(word) {
    var form = pagefindForm(word);
    if (!isCyrillic(form) || form.length < 5) { return word; }
    var base = stemRu(form), best = word, bestStem = base;
    for (var k = 0; k < ENDINGS.length; k++) {
      var e = ENDINGS[k];
      if (form.length - e.length < 4 || form.slice(-e.length) !== e) { continue; }
      var candidate = form.slice(0, -e.length), s = stemRu(candidate);
      if (s.length < bestStem.length && base.indexOf(s) === 0 && s.length >= Math.max(4, base.length - 2)) {
        best = candidate;
        bestStem = s;
      }
    }
    return best;
  }

  /* Pagefind matches a query word that no word of an index begins with to the longest word of that index
     which begins the query word, however short (its find_word_extensions, "the inverse"): "concession",
     absent from the Russian index, matched the initial "C." of a note there and outranked the English
     hits. A hit counts for a query word only when it begins with the query word's first three letters
     (all of a shorter word); search.js drops the others, and a result left without a hit for a word. */
  var SHARED_START = 3;
  function matchesTerm(token, word) {
    var form = pagefindForm(token), term = pagefindForm(word), n = Math.min(SHARED_START, term.length);
    return n > 0 && form.slice(0, n) === term.slice(0, n);
  }

  /* ---- The offline quotation index: script files that register their data. ---- */
  var quotes = { manifest: null, docs: {}, loading: {} };
  global.diploQuotes = {
    manifest: function (data) { quotes.manifest = data; },
    add: function (data) { quotes.docs[data.id] = data; }
  };

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(script);
    });
  }

  function loadQuotes(base) {
    var ready = quotes.manifest ? Promise.resolve() : loadScript(base + "index.js");
    return ready.then(function () {
      if (!quotes.manifest) { throw new Error("no quotation index"); }
      return Promise.all(quotes.manifest.documents.map(function (doc) {
        if (quotes.docs[doc.id]) { return null; }
        if (!quotes.loading[doc.id]) { quotes.loading[doc.id] = loadScript(base + doc.file); }
        return quotes.loading[doc.id];
      }));
    }).then(function () { return quotes.manifest; });
  }

  function bisectRight(list, value, key) {
    var lo = 0, hi = list.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (key(list[mid]) <= value) { lo = mid + 1; } else { hi = mid; } }
    return lo;
  }

  /* Every place of a quotation, as diplo_edition.search.quotes.find_quote finds it. */
  function findQuote(quotation, limit) {
    var forms = quotationForms(quotation);
    for (var f = 0; f < forms.length; f++) {
      var found = findNeedle(encode(forms[f]), limit || 50);
      if (found.length) { return found; }
    }
    return [];
  }

  function findNeedle(needle, limit) {
    var out = [];
    if (needle.length < 3 || !quotes.manifest) { return out; }
    var first = function (item) { return item[0]; };
    quotes.manifest.documents.forEach(function (doc) {
      var data = quotes.docs[doc.id];
      if (!data) { return; }
      var flat = data.text.replace(/\n/g, " ");
      var start = flat.indexOf(needle);
      while (start >= 0 && out.length < limit) {
        var end = start + needle.length;
        var k = Math.max(0, bisectRight(data.segs, start, first) - 1);
        var seg = data.segs[k];
        var lo = bisectRight(data.breaks, seg[0] - 1, first), atStart = bisectRight(data.breaks, start, first);
        var pages = atStart > lo ? [data.breaks[atStart - 1][1]] : (seg[2] ? [seg[2]] : []);
        var events = [];
        for (var b = atStart; b < data.breaks.length && data.breaks[b][0] < end; b++) {
          events.push([data.breaks[b][0], data.breaks[b][1]]);
        }
        for (var s = k + 1; s < data.segs.length && data.segs[s][0] < end; s++) {
          if (data.segs[s][2]) { events.push([data.segs[s][0], data.segs[s][2]]); }
        }
        events.sort(function (x, y) { return x[0] - y[0]; });
        events.forEach(function (e) { if (!pages.length || pages[pages.length - 1] !== e[1]) { pages.push(e[1]); } });
        var lineStart = data.text.lastIndexOf("\n", start - 1) + 1;
        var lineEnd = data.text.indexOf("\n", end);
        if (lineEnd < 0) { lineEnd = data.text.length; }
        out.push({
          doc: doc, anchor: seg[1], pages: pages, start: start, end: end,
          before: decode(data.text.slice(Math.max(lineStart, start - 60), start)),
          match: decode(data.text.slice(start, end)),
          after: decode(data.text.slice(end, Math.min(lineEnd, end + 60)))
        });
        start = flat.indexOf(needle, start + 1);
      }
    });
    return out;
  }

  function pageLabel(pages) {
    if (!pages.length) { return null; }
    return pages.length === 1 ? pages[0] : pages[0] + "–" + pages[pages.length - 1];
  }

  /* ---- Highlighting in a page ---- */
  var SKIP = ".pb, .fnref, .vh, .tip, textarea, button, details.cite, .cite-p, .cite-box, .fn-n, .fn-back, " +
    ".fn-remark, .bibl-link, script, style";

  function textNodes(root, skipNotes) {
    var skip = SKIP + (skipNotes ? ", .fn" : "");
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentElement;
        var blocked = parent && parent.closest(skip);
        if (blocked && blocked !== root && root.contains(blocked)) { return NodeFilter.FILTER_REJECT; }
        return node.nodeValue ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    return nodes;
  }

  function wrap(node, start, end) {
    var range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    var mark = document.createElement("mark");
    mark.className = "search-hit";
    range.surroundContents(mark);
    return mark;
  }

  /* Marks every word of root whose key is in keys, or whose stem starts with one of stems. */
  function markWords(root, keys, stems, skipNotes) {
    var marks = [];
    textNodes(root, skipNotes).forEach(function (node) {
      var text = node.nodeValue, m, found = [];
      WORD.lastIndex = 0;
      while ((m = WORD.exec(text)) !== null) {
        var key = wordKey(m[0]);
        var hit = keys.has(key);
        if (!hit && stems.length) {
          var s = stem(m[0]);
          hit = stems.some(function (q) { return s.indexOf(q) === 0; });
        }
        if (hit) { found.push([m.index, m.index + m[0].length]); }
      }
      for (var k = found.length - 1; k >= 0; k--) { marks.unshift(wrap(node, found[k][0], found[k][1])); }
    });
    return marks;
  }

  /* Marks the places of a quotation in root (compared in the quotation form). */
  function markQuote(root, quotation, skipNotes) {
    var nodes = textNodes(root, skipNotes), starts = [], whole = "";
    nodes.forEach(function (node) { starts.push(whole.length); whole += node.nodeValue; });
    var norm = normalizeMapped(whole), forms = quotationForms(quotation), marks = [], ranges = [];
    for (var f = 0; f < forms.length && !ranges.length; f++) {
      var needle = forms[f];
      if (needle.length < 3) { continue; }
      var at = norm.text.indexOf(needle);
      while (at >= 0) {
        ranges.push([norm.map[at], norm.map[at + needle.length - 1] + 1]);
        at = norm.text.indexOf(needle, at + needle.length);
      }
    }
    for (var r = ranges.length - 1; r >= 0; r--) {
      for (var k = nodes.length - 1; k >= 0; k--) {
        var from = Math.max(ranges[r][0], starts[k]), to = Math.min(ranges[r][1], starts[k] + nodes[k].nodeValue.length);
        if (from < to) { marks.unshift(wrap(nodes[k], from - starts[k], to - starts[k])); }
      }
    }
    return marks;
  }

  global.DiploSearchCore = {
    normalize: normalize, normalizeMapped: normalizeMapped, quotationForms: quotationForms, encode: encode, decode: decode,
    wordKeys: wordKeys, wordKey: wordKey, phraseKey: phraseKey, stem: stem, stemRu: stemRu,
    pagefindForm: pagefindForm, broadenRu: broadenRu, matchesTerm: matchesTerm, loadScript: loadScript, loadQuotes: loadQuotes,
    findQuote: findQuote, pageLabel: pageLabel, markWords: markWords, markQuote: markQuote,
    quotes: quotes
  };
})(window);
