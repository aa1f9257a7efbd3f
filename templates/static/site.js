/* diplo-edition: enhancements only. Every page works without this script:
   footnotes open by :target, cite boxes are <details> with a read-only text field to select. */
(function () {
  "use strict";

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

  // Escape closes an open cite box, or the open footnote (back to its marker).
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var open = document.querySelector("details.cite[open]");
    if (open) {
      open.open = false;
      open.querySelector("summary").focus();
      return;
    }
    var match = /^#fn(.+)$/.exec(window.location.hash);
    var marker = match && document.getElementById("fnref" + match[1]);
    if (marker) {
      window.location.replace("#fnref" + match[1]);
      marker.focus();
    }
  });

  // On phones the table of contents starts folded, so that the text comes first.
  var toc = document.querySelector("details.toc-box");
  if (toc && window.matchMedia && window.matchMedia("(max-width: 47.99em)").matches) { toc.open = false; }

  // Jump to an original page by its number.
  var form = document.querySelector("form.goto");
  if (form) {
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var value = form.elements.page.value.replace(/[\s[\]]/g, "");
      var target = document.getElementById("page-" + value) || document.getElementById("page-seq-" + value);
      if (target) {
        window.location.hash = target.id;
        target.querySelector("a").focus();
      } else {
        announce("Страницы " + value + " в тексте нет");
      }
    });
  }
})();
