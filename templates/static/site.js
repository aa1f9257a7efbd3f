/* diplo-edition: enhancements only. Every page works without this script:
   footnotes open by :target, cite boxes are <details> with a read-only text field to select, the
   screen-reader labels and note markers are left out of a copy by `user-select: none` (site.css).
   With it, a page's cite box opens from its number in the margin (never because the page is the
   address's target), Escape, a click elsewhere or a second click close a pop-over, and a copy from
   the reading text is cleaned (the note markers dropped) in every browser. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");  // site.css: what the script does instead of :target

  function two(n) { return (n < 10 ? "0" : "") + n; }
  function today() {
    var d = new Date();
    return two(d.getDate()) + "." + two(d.getMonth() + 1) + "." + d.getFullYear();
  }
  function withDate(text) {
    return text.replace(/(дата обращения: )(ДД\.ММ\.ГГГГ|\d\d\.\d\d\.\d{4})/, "$1" + today());
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
      button.textContent = ok ? "Скопировано" : "Выделено: нажмите Ctrl+C";
      announce(ok ? "Ссылка скопирована" : "Ссылка выделена, скопируйте её");
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
  var buttons = document.querySelectorAll("button.copy[hidden]");
  for (var j = 0; j < buttons.length; j++) { buttons[j].hidden = false; }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.copy") : null;
    if (button) { copy(button); }
  });

  /* ---- Pop-overs: the paragraph and document cite boxes (<details>), a page's cite box (.pb.cite-open),
     and the open footnote (the :target .fn, closed by moving the address back to its marker). ---- */
  function openFootnote() {
    var match = /^#fn(.+)$/.exec(window.location.hash);
    var note = match && document.getElementById("fn" + match[1]);
    return note && note.classList.contains("fn") && !note.classList.contains("fn-closed") ? note : null;
  }
  // The note stays the :target until the next navigation: a class hides it, and the address names its
  // marker (replaceState does not scroll, so the reader stays where they are).
  function closeFootnote(note, focusMarker) {
    var id = "fnref" + note.id.slice(2), marker = document.getElementById(id);
    note.classList.add("fn-closed");
    window.history.replaceState(window.history.state, "", "#" + id);
    if (marker && focusMarker) { marker.focus(); }
  }
  window.addEventListener("hashchange", function () {
    var closed = document.querySelectorAll(".fn.fn-closed");
    for (var k = 0; k < closed.length; k++) { closed[k].classList.remove("fn-closed"); }
  });
  function closePageCite(pb, focusNumber) {
    pb.classList.remove("cite-open");
    pb.querySelector("a.pb-n").setAttribute("aria-expanded", "false");
    if (focusNumber) { pb.querySelector("a.pb-n").focus(); }
  }
  // Closes every pop-over that does not hold inside (null: all); true when one was closed.
  function closePopovers(inside, focusOpener) {
    var closed = false;
    var boxes = document.querySelectorAll("details.cite[open]");
    for (var k = 0; k < boxes.length; k++) {
      if (inside && boxes[k].contains(inside)) { continue; }
      boxes[k].open = false;
      if (focusOpener) { boxes[k].querySelector("summary").focus(); }
      closed = true;
    }
    var pages = document.querySelectorAll(".pb.cite-open");
    for (var p = 0; p < pages.length; p++) {
      if (inside && pages[p].contains(inside)) { continue; }
      closePageCite(pages[p], focusOpener);
      closed = true;
    }
    var note = openFootnote();
    var marker = note && document.getElementById("fnref" + note.id.slice(2));
    if (note && !(inside && (note.contains(inside) || (marker && marker.contains(inside))))) {
      closeFootnote(note, focusOpener);
      closed = true;
    }
    return closed;
  }

  var pageNumbers = document.querySelectorAll(".pb > a.pb-n");
  for (var n = 0; n < pageNumbers.length; n++) {
    pageNumbers[n].setAttribute("aria-expanded", "false");
    pageNumbers[n].setAttribute("aria-controls", pageNumbers[n].nextElementSibling.id);
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : event.target.parentElement;
    if (!target) { return; }
    var number = target.closest(".pb > a.pb-n");
    if (number) {  // the page number in the margin: its cite box opens or closes (the address follows)
      var pb = number.parentElement, opening = !pb.classList.contains("cite-open");
      closePopovers(null, false);
      if (opening) {
        pb.classList.add("cite-open");
        number.setAttribute("aria-expanded", "true");
      }
      return;
    }
    var marker = target.closest("a.fnref");
    var note = openFootnote();
    if (marker && note && marker.getAttribute("href") === "#" + note.id) {  // a second click closes it
      event.preventDefault();
      closeFootnote(note, false);
      return;
    }
    if (marker) {  // opening: a note closed before opens again (its address may be the target still)
      var own = document.getElementById(marker.getAttribute("href").slice(1));
      if (own) { own.classList.remove("fn-closed"); }
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
  var NOT_COPIED = ".vh, .fnref, .fn, .pb, .tip, details.cite, .cite-box, .bibl-link, .fn-n, .fn-back";
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
      if (target) { goToPage(target); } else { announce("Страницы " + value + " в тексте нет"); }
    });
  }

  var pageNav = document.querySelector("nav.page-nav");
  var reading = -1;  // the index of the page being read; -1 above the first
  // The page being read: the last that starts above a quarter of the window. Kept while the controls
  // are in view, so that going up to them (Home, a focus) keeps the page they step from.
  function followReading() {
    var box = pageNav.getBoundingClientRect();
    if (box.bottom > 0 && box.top < window.innerHeight) { return; }
    var line = window.innerHeight / 4;
    reading = -1;
    for (var k = 0; k < pageStarts.length && pageStarts[k].getBoundingClientRect().top <= line; k++) { reading = k; }
  }
  function updatePageSteps() {
    var steps = pageNav.querySelectorAll("a.page-step");
    for (var s = 0; s < steps.length; s++) {
      var step = Number(steps[s].getAttribute("data-step"));
      var to = pageStarts[reading + step] || null, label = steps[s].querySelector(".page-step-label");
      if (to) {
        steps[s].href = "#" + to.id;
        steps[s].removeAttribute("aria-disabled");
        label.textContent = "с. " + pageLabel(to);
      } else {
        steps[s].removeAttribute("href");
        steps[s].setAttribute("aria-disabled", "true");
        label.textContent = "—";
      }
    }
  }
  function pageFromAddress() {
    var target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
    var index = Array.prototype.indexOf.call(pageStarts, target);
    if (index >= 0) { reading = index; } else { followReading(); }
    updatePageSteps();
  }
  if (pageNav && pageStarts.length) {
    pageNav.hidden = false;
    var pending = false;
    window.addEventListener("scroll", function () {
      if (pending) { return; }
      pending = true;
      window.requestAnimationFrame(function () { pending = false; followReading(); updatePageSteps(); });
    }, { passive: true });
    window.addEventListener("hashchange", pageFromAddress);
    pageNav.addEventListener("click", function (event) {
      var step = event.target.closest("a.page-step");
      if (!step) { return; }
      event.preventDefault();  // to the page as the form goes there: its number in the text focused
      if (step.hasAttribute("href")) { goToPage(document.getElementById(step.getAttribute("href").slice(1))); }
    });
    pageFromAddress();
  }
})();
