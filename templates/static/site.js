/* diplo-edition: enhancements only. Every page works without this script:
   a note marker leads to the note in the list of notes (each note is stored there once, with its way
   back), the document's cite box is <details> with a read-only text field to select, the
   screen-reader labels and note markers are left out of a copy by `user-select: none` (site.css).
   With it, a note opens beside its marker (a pop-over made from the list's copy), a page's or a
   paragraph's cite box is made when its number in the margin is clicked (from
   the place's data-pages or ¶ number and the article's patterns, data-cite…: one box at a time), Escape, a click elsewhere or a second click close a pop-over, and a copy from
   the reading text is cleaned (the note markers dropped) in every browser, the reader may hide the
   lines under the names linked to the registers, and a link without its title takes it from the first
   link to the same place (the page carries each title once). */
/* A document split into parts (site/parts.py): its first page carries the anchors of the later parts
   (#part-map, from the TEI); an address such as documents/<id>/#page-45 whose anchor stands in a later
   part goes on to that part, at the same anchor. A series' concordance carries its volumes' anchors so:
   dvp/#dvp-6-123 goes on to dvp/vol-6/#dvp-6-123. */
(function () {
  "use strict";
  var mapNode = document.getElementById("part-map");
  var anchor = window.location.hash ? decodeURIComponent(window.location.hash.slice(1)) : "";
  if (!mapNode || !anchor || document.getElementById(anchor)) { return; }
  var parts = JSON.parse(mapNode.textContent);
  for (var path in parts) {
    if (Object.prototype.hasOwnProperty.call(parts, path) && (" " + parts[path] + " ").indexOf(" " + anchor + " ") >= 0) {
      window.location.replace(path + "index.html" + window.location.hash);
      return;
    }
  }
})();
(function () {
  "use strict";
  document.documentElement.classList.add("js");  // site.css: what the script does instead of :target
  // The words the script shows, in the page's language (base.html writes them from the catalogs).
  var wordsNode = document.getElementById("site-words");
  var WORDS = wordsNode ? JSON.parse(wordsNode.textContent) : {};
  function word(key, n) { return (WORDS[key] || key).split("%(n)s").join(n === undefined ? "" : n); }

  function two(n) { return (n < 10 ? "0" : "") + n; }
  function today() {
    var d = new Date();
    return two(d.getDate()) + "." + two(d.getMonth() + 1) + "." + d.getFullYear();
  }
  // A citation's date of access stands as a catalog's placeholder (of its style's language: WORDS.accessDates);
  // the reader's date takes its place.
  function withDate(text) {
    return (WORDS.accessDates || []).reduce(function (out, placeholder) { return out.split(placeholder).join(today()); }, text);
  }
  function announce(message) {
    var status = document.getElementById("cite-status");
    if (!status) { return; }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 30);
  }
  function selectField(field) {
    field.focus();
    field.select();
    try { return document.execCommand("copy"); } catch (e) { return false; }
  }
  function copy(button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) { return; }
    field.value = withDate(field.value);
    var label = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", label);
    function done(ok) {
      button.textContent = ok ? word("copied") : word("selected");
      announce(ok ? word("linkCopied") : word("linkSelected"));
      window.setTimeout(function () { button.textContent = label; }, 2500);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(
        function () { done(true); },
        function () { done(selectField(field)); });
    } else {
      done(selectField(field));
    }
  }

  var fields = document.querySelectorAll(".cite-field");
  for (var i = 0; i < fields.length; i++) { fields[i].value = withDate(fields[i].value); }
  var printed = document.querySelector(".print-url");  // the citation a printed copy carries
  if (printed) { printed.textContent = withDate(printed.textContent); }
  var buttons = document.querySelectorAll("button.copy[hidden]");
  for (var j = 0; j < buttons.length; j++) { buttons[j].hidden = false; }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.copy") : null;
    if (button) { copy(button); }
  });

  /* ---- Cite boxes made on demand: a page's from its number in the margin, a paragraph's from its ¶
     number; the citation is the article's pattern with the place's pages and anchor filled in. ---- */
  var article = document.querySelector("article[data-cite]");
  var citeOpen = null;  // {box, opener}: the one cite box made
  // A place with pages cites them (an inferred number in brackets), a paragraph without them its ¶
  // number, a page without a number neither.
  function citationOf(opener) {
    var pages = opener.getAttribute("data-pages");
    var paragraph = opener.classList.contains("cite-p") ? opener.textContent.replace("¶", "") : "";
    if (pages && opener.closest(".pb-inferred") && pages.charAt(0) !== "[") { pages = "[" + pages + "]"; }
    var pattern = article.getAttribute(pages ? "data-cite" : paragraph ? "data-cite-paragraph" : "data-cite-unpaged");
    var anchor = opener.getAttribute("href").slice(1);
    return withDate(pattern.split("{pages}").join(pages || "").split("{paragraph}").join(paragraph)
      .split("{anchor}").join(anchor));
  }
  function citeLabel(opener) {
    return opener.classList.contains("cite-p")
      ? word("citeParagraph", opener.textContent.replace("¶", ""))
      : word("citePage", opener.lastChild.textContent);
  }
  function closeCite(focusOpener) {
    var opener = citeOpen.opener;
    citeOpen.box.remove();
    citeOpen = null;
    opener.parentElement.classList.remove("cite-open");
    opener.setAttribute("aria-expanded", "false");
    if (focusOpener) { opener.focus(); }
  }
  function openCite(opener) {
    var box = document.createElement("span"), label = citeLabel(opener);  // a span: a page's box is in a line
    box.className = "cite-box cite-pop";
    box.id = "cite-pop";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", label);
    box.innerHTML = '<span class="cite-label"></span> <textarea class="cite-field" id="cite-here" readonly rows="4"></textarea>' +
      ' <button type="button" class="copy" data-copy="cite-here"></button>';
    box.firstChild.textContent = label;
    box.lastChild.textContent = word("copy");
    var field = box.querySelector("textarea");
    field.value = citationOf(opener);
    field.setAttribute("aria-label", label);
    opener.parentElement.insertBefore(box, opener.nextSibling);
    opener.parentElement.classList.add("cite-open");
    opener.setAttribute("aria-expanded", "true");
    opener.setAttribute("aria-controls", box.id);
    citeOpen = { box: box, opener: opener };
  }

  /* ---- A footnote beside its marker: the note's copy in the list of notes, shown in a pop-over; the
     address names the note while it is open, and its marker once closed (replaceState: no scrolling). ---- */
  var noteOpen = null;  // {box, marker}: the one note shown
  function closeNote(focusMarker) {
    var marker = noteOpen.marker;
    noteOpen.box.remove();
    noteOpen = null;
    marker.setAttribute("aria-expanded", "false");
    if (window.location.hash !== "#" + marker.id) {
      window.history.replaceState(window.history.state, "", "#" + marker.id);
    }
    if (focusMarker) { marker.focus(); }
  }
  function openNote(marker) {
    var entry = document.getElementById(marker.getAttribute("href").slice(1));
    var number = entry && entry.querySelector(".en-n");
    if (!number) { return false; }
    var box = document.createElement("span"), text = entry.cloneNode(true);
    text.querySelector(".en-n").remove();
    number = number.textContent;
    box.className = "fn";
    box.id = "fn-open";
    box.setAttribute("role", "doc-footnote");
    box.tabIndex = -1;
    var label = document.createElement("span");
    label.className = "fn-n";
    label.textContent = number;
    box.appendChild(label);
    var anchored = text.querySelectorAll("[id]");  // the ids stay with the list's copy
    for (var k = 0; k < anchored.length; k++) { anchored[k].removeAttribute("id"); }
    while (text.firstChild) { box.appendChild(text.firstChild); }
    var back = document.createElement("a"), hidden = document.createElement("span");
    back.className = "fn-back";
    back.href = "#" + marker.id;
    back.textContent = "↩";
    hidden.className = "vh";
    hidden.textContent = " " + word("backToText", number);
    back.appendChild(hidden);
    box.appendChild(document.createTextNode(" "));
    box.appendChild(back);
    marker.parentNode.insertBefore(box, marker.nextSibling);
    marker.setAttribute("aria-expanded", "true");
    marker.setAttribute("aria-controls", box.id);
    window.history.replaceState(window.history.state, "", "#" + entry.id);
    noteOpen = { box: box, marker: marker };
    return true;
  }
  // Any other address (the way back, a link in the text) closes the note.
  window.addEventListener("hashchange", function () {
    if (noteOpen) { closeNote(false); }
  });

  /* ---- Pop-overs: the document's cite box (<details>), the cite box made for a page or a paragraph,
     and the note shown beside its marker. ---- */  // Closes every pop-over that does not hold inside (null: all); true when one was closed.
  function closePopovers(inside, focusOpener) {
    var closed = false;
    var boxes = document.querySelectorAll("details.cite[open]");
    for (var k = 0; k < boxes.length; k++) {
      if (inside && boxes[k].contains(inside)) { continue; }
      boxes[k].open = false;
      if (focusOpener) { boxes[k].querySelector("summary").focus(); }
      closed = true;
    }
    if (citeOpen && !(inside && citeOpen.box.contains(inside))) {
      closeCite(focusOpener);
      closed = true;
    }
    if (noteOpen && !(inside && (noteOpen.box.contains(inside) || noteOpen.marker.contains(inside)))) {
      closeNote(focusOpener);
      closed = true;
    }
    return closed;
  }

  var CITE_OPENERS = ".pb > a.pb-n, a.cite-p";
  var openers = article ? document.querySelectorAll(CITE_OPENERS) : [];
  for (var n = 0; n < openers.length; n++) { openers[n].setAttribute("aria-expanded", "false"); }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : event.target.parentElement;
    if (!target) { return; }
    var number = article && target.closest(CITE_OPENERS);
    if (number) {  // a number in the margin: its cite box opens or closes (the address follows)
      var opening = !(citeOpen && citeOpen.opener === number);
      closePopovers(null, false);
      if (opening) { openCite(number); }
      return;
    }
    var marker = target.closest("a.fnref");
    if (marker) {  // a note marker: its note opens beside it, or closes on a second click
      var again = noteOpen && noteOpen.marker === marker;
      closePopovers(null, false);
      if (again || openNote(marker)) { event.preventDefault(); }
      return;
    }
    if (target.closest("a[href], summary")) { return; }  // a link or a cite box of its own decides
    closePopovers(target, false);
  });

  // A cite box opened closes the others.
  document.addEventListener("toggle", function (event) {
    if (event.target.matches && event.target.matches("details.cite") && event.target.open) {
      closePopovers(event.target, false);
    }
  }, true);

  // Escape closes the open pop-overs and returns to what opened them.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { closePopovers(null, true); }
  });

  /* ---- Copying from a page: the text as it reads, without screen-reader labels, note markers, page
     numbers, cite boxes or hidden tips (a note open beside its marker is left out too). ---- */
  var NOT_COPIED = ".vh, .fnref, .fn, .pb, .tip, details.cite, .cite-p, .cite-box, .bibl-link, .fn-n, .fn-back";
  document.addEventListener("copy", function (event) {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !event.clipboardData) { return; }
    if (event.target.closest && event.target.closest("textarea, input")) { return; }  // a cite field
    var start = selection.getRangeAt(0).commonAncestorContainer;
    if (!(start.nodeType === 1 ? start : start.parentElement).closest("main")) { return; }
    var holder = document.createElement("div");
    holder.style.cssText = "position: fixed; left: -10000px; top: 0; width: 40em;";
    for (var r = 0; r < selection.rangeCount; r++) { holder.appendChild(selection.getRangeAt(r).cloneContents()); }
    var dropped = holder.querySelectorAll(NOT_COPIED);
    for (var d = 0; d < dropped.length; d++) { dropped[d].remove(); }
    document.body.appendChild(holder);  // innerText needs the box laid out: paragraphs become line breaks
    var text = holder.innerText;
    holder.remove();
    event.clipboardData.setData("text/plain", text.replace(/\n{3,}/g, "\n\n").trim());
    event.clipboardData.setData("text/html", holder.innerHTML);
    event.preventDefault();
  });

  /* ---- Names linked to the registers: the reader may hide their dotted lines (the names stay links);
     the choice holds for every page (localStorage, where the browser keeps it). ---- */
  var MENTIONS_KEY = "diplo-edition.mentions";
  function stored() {
    try { return window.localStorage.getItem(MENTIONS_KEY); } catch (e) { return null; }
  }
  function showMentions(shown, remember) {
    document.documentElement.classList.toggle("mentions-hidden", !shown);
    var switches = document.querySelectorAll("button.mention-switch");
    for (var k = 0; k < switches.length; k++) {
      switches[k].setAttribute("aria-pressed", shown ? "false" : "true");
      switches[k].textContent = switches[k].getAttribute(shown ? "data-label-hide" : "data-label-show");
    }
    if (remember) {
      try { window.localStorage.setItem(MENTIONS_KEY, shown ? "shown" : "hidden"); } catch (e) { /* not kept */ }
    }
  }
  var mentionSwitch = document.querySelector("button.mention-switch");
  if (mentionSwitch && document.querySelector("main a.m")) {
    mentionSwitch.hidden = false;
    mentionSwitch.addEventListener("click", function () {
      showMentions(document.documentElement.classList.contains("mentions-hidden"), true);
    });
  }
  if (stored() === "hidden") { showMentions(false, false); }

  // A name's link and a citation carry their title (the register's name, where the link leads) once
  // on the page: the others take it from the first when the pointer comes.
  document.addEventListener("mouseover", function (event) {
    var link = event.target.closest ? event.target.closest("a.m:not([title]), a.bibl:not([title]), a.bibl-link:not([title])") : null;
    if (!link) { return; }
    if (link.classList.contains("bibl-link")) { link.title = link.getAttribute("aria-label"); return; }
    var same = link.classList.contains("m")
      ? document.querySelector('a.m[title][href="' + CSS.escape(link.getAttribute("href")) + '"]')
      : document.querySelector("a." + link.className.trim().split(/\s+/).join(".") + "[title]");
    if (same) { link.title = same.title; }
  });

  // On phones the table of contents starts folded, so that the text comes first.
  var toc = document.querySelector("details.toc-box");
  if (toc && window.matchMedia && window.matchMedia("(max-width: 47.99em)").matches) { toc.open = false; }

  /* ---- Original pages: jump to one by its number (the forms in the header and the table of contents);
     the previous and the next page from the one being read (the last that starts above a quarter of the
     window). ---- */
  var pageStarts = document.querySelectorAll("#text .pb[id]");
  function pageLabel(pb) { return pb.querySelector(".pb-n").lastChild.textContent; }
  function goToPage(target) {
    window.location.hash = target.id;
    target.querySelector("a").focus();
  }
  var forms = document.querySelectorAll("form.goto");
  for (var f = 0; f < forms.length; f++) {
    forms[f].hidden = false;
    forms[f].addEventListener("submit", function (event) {
      event.preventDefault();
      var value = event.target.elements.page.value.replace(/[\s[\]]/g, "");
      var target = document.getElementById("page-" + value) || document.getElementById("page-seq-" + value);
      // A page in another part of a long document: its link in the list of pages leads there.
      var elsewhere = target ? null : document.querySelector(
        '.page-links a[href$="#page-' + CSS.escape(value) + '"], .page-links a[href$="#page-seq-' + CSS.escape(value) + '"]');
      if (target) { goToPage(target); } else if (elsewhere) { window.location.href = elsewhere.href; } else { announce(word("noSuchPage", value)); }
    });
  }

  /* The previous and the next of some places (original pages, chapters) from the one being read: the
     last that starts above a quarter of the window, kept while the controls are in view, so that going
     up to them (Home, a focus) keeps the place they step from. */
  function stepper(nav, starts, label, go, beyond) {
    var reading = -1;  // the index of the place being read; -1 above the first
    function follow() {
      var box = nav.getBoundingClientRect();
      if (box.bottom > 0 && box.top < window.innerHeight) { return; }
      var line = window.innerHeight / 4;
      reading = -1;
      for (var k = 0; k < starts.length && starts[k].getBoundingClientRect().top <= line; k++) { reading = k; }
    }
    function update() {
      var steps = nav.querySelectorAll("a.page-step");
      for (var s = 0; s < steps.length; s++) {
        var step = Number(steps[s].getAttribute("data-step"));
        var to = starts[reading + step] || null, text = steps[s].querySelector(".page-step-label");
        var away = to || !beyond ? null : beyond(reading + step < 0 ? -1 : 1);
        if (to) {
          steps[s].href = "#" + to.id;
          steps[s].removeAttribute("aria-disabled");
          text.textContent = label(to);
        } else if (away) {  // in the part before or after this one
          steps[s].href = away.href;
          steps[s].removeAttribute("aria-disabled");
          text.textContent = away.label;
        } else {
          steps[s].removeAttribute("href");
          steps[s].setAttribute("aria-disabled", "true");
          text.textContent = "—";
        }
      }
    }
    function fromAddress() {
      var target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
      var index = Array.prototype.indexOf.call(starts, target);
      if (index >= 0) { reading = index; } else { follow(); }
      update();
    }
    nav.hidden = false;
    var pending = false;
    window.addEventListener("scroll", function () {
      if (pending) { return; }
      pending = true;
      window.requestAnimationFrame(function () { pending = false; follow(); update(); });
    }, { passive: true });
    window.addEventListener("hashchange", fromAddress);
    nav.addEventListener("click", function (event) {
      var step = event.target.closest("a.page-step");
      if (!step || /^[^#]/.test(step.getAttribute("href") || "")) { return; }  // another part: its page
      event.preventDefault();  // to the place, focused there (as the page form goes to a page)
      if (step.hasAttribute("href")) { go(document.getElementById(step.getAttribute("href").slice(1))); }
    });
    fromAddress();
  }

  var pageNav = document.querySelector("nav.page-nav");
  if (pageNav && pageStarts.length) {
    // Before the first page and after the last of a part of a long document: the neighbouring pages
    // in the other parts, from the list of pages (each links to the part that holds it).
    var pageLinks = Array.prototype.slice.call(document.querySelectorAll("ul.page-links a"));
    var edge = function (direction) {
      var at = direction < 0 ? pageStarts[0] : pageStarts[pageStarts.length - 1];
      var index = pageLinks.map(function (a) { return a.getAttribute("href").split("#")[1]; }).indexOf(at.id);
      var link = index < 0 ? null : pageLinks[index + direction];
      return link ? { href: link.getAttribute("href"), label: word("pageShort", link.textContent) } : null;
    };
    stepper(pageNav, pageStarts, function (pb) { return word("pageShort", pageLabel(pb)); }, goToPage, edge);
  }
  // Chapters: the document's top-level divisions, named by the nav (data-chapters: their headings' ids).
  var chapterNav = document.querySelector("nav.chapter-nav");
  var chapterIds = chapterNav ? chapterNav.getAttribute("data-chapters").split(" ") : [];
  var chapters = chapterIds.map(function (id) { return document.getElementById(id); }).filter(Boolean);
  if (chapterIds.length > 1 && chapters.length) {
    var headingText = function (head) {  // without the page numbers and note markers in it
      var copy = head.cloneNode(true), extra = copy.querySelectorAll(".pb, .fnref");
      for (var k = 0; k < extra.length; k++) { extra[k].remove(); }
      return copy.textContent.trim();
    };
    // Before the first chapter and after the last of a part of a long document: the chapters of the
    // other parts, from the table of contents (each links to the part that holds it).
    var chapterEdge = function (direction) {
      var at = direction < 0 ? chapters[0] : chapters[chapters.length - 1];
      var id = chapterIds[chapterIds.indexOf(at.id) + direction];
      var link = id ? document.querySelector('#toc a[href$="#' + CSS.escape(id) + '"]') : null;
      return link ? { href: link.getAttribute("href"), label: link.textContent.trim() } : null;
    };
    stepper(chapterNav, chapters, headingText, function (head) {
      window.location.hash = head.id;
      head.setAttribute("tabindex", "-1");
      head.focus();
    }, chapterEdge);
  }
})();
/* The language switch (base.html, .lang-switch): the twin page opens at the same place and with the same
   query (the search page's ?q=): this page's ?query and #anchor. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest(".lang-switch a[hreflang]") : null;
    if (link) { link.href = link.href.split(/[?#]/)[0] + window.location.search + window.location.hash; }
  });
})();
