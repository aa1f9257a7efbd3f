"""The English search page in a real browser (Playwright, Debian's chromium), on the real edition served
under a sub-path: the filters the one index gives (kinds and languages by their codes, documents by their
titles) are shown in the page's words, the Russian titles and excerpts of the results are marked Russian, and
the examples of the hint keep their language.

Screenshots: tests/artifacts/search-en-*.png.
"""

from __future__ import annotations

import re

import pytest
from browser.chromium import ARTIFACTS, DESKTOP, launched, needs_chromium
from browser.search_sites import CONVENTION, URUMQI, searched_site
from browser.sites import serve_under

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

pytestmark = needs_chromium

SEARCH_EN = "real/en/search/index.html"
RESULTS = "#search-results > li.sr"


@pytest.fixture(scope="module")
def page():
    with serve_under(real=searched_site()) as url, launched(sync_api) as chromium:
        # The browser speaks Russian: the page's language, not the browser's, decides.
        context = chromium.new_context(viewport=DESKTOP, locale="ru-RU")
        opened = context.new_page()
        errors: list[str] = []
        opened.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        opened.on("pageerror", lambda exc: errors.append(str(exc)))
        opened.goto(url + SEARCH_EN)
        opened.wait_for_function("() => window.DiploSearch && !document.getElementById('search-q').disabled")
        yield opened
        context.close()
        assert errors == [], "errors in the console"


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"search-en-{name}.png"), full_page=True)


def search_for(page, query: str) -> None:
    page.fill("#search-q", query)
    page.press("#search-q", "Enter")
    page.wait_for_function(f"() => document.querySelectorAll('{RESULTS}').length > 0")


def test_the_filters_of_the_english_page_are_in_english(page) -> None:
    search_for(page, "Карахан")
    page.click(".search-filter-box > summary")
    kind = page.locator("fieldset.search-filter").filter(has_text="Kind")
    labels = [re.sub(r"\s*\(\d+\)$", "", t) for t in kind.locator("label").all_inner_texts()]
    assert sorted(labels) == ["Article", "Textbook chapter", "Thesis"]
    language = page.locator("fieldset.search-filter").filter(has_text="Language")
    assert {re.sub(r"\s*\(\d+\)$", "", t) for t in language.locator("label").all_inner_texts()} == {
        "Russian", "English"}
    # The documents' titles are the documents' words, marked as such.
    titles = page.locator("fieldset.search-filter").filter(has_text="Document").locator("label > span[lang]")
    assert titles.count() == 4 and set(titles.evaluate_all("s => s.map(e => e.lang)")) == {"ru"}
    # A filter by its English label narrows to the articles.
    count = f"document.querySelectorAll('{RESULTS}').length"
    everything = page.evaluate(count)
    kind.get_by_label(re.compile(r"^Article")).check()
    page.wait_for_function(f"() => {count} < {everything}")
    narrowed = set(page.locator(RESULTS).evaluate_all("items => items.map(e => e.dataset.url)"))
    assert {url.split("/")[2] for url in narrowed} == {URUMQI, CONVENTION}
    shot(page, "filters")
    kind.get_by_label(re.compile(r"^Article")).uncheck()
    page.wait_for_function(f"() => {count} === {everything}")


def test_the_results_mark_their_russian_words(page) -> None:
    search_for(page, "Карахан")
    first = page.locator(RESULTS).first
    # the title (and the part of a long document, in the same language) marked Russian
    assert first.locator(".sr-title span").first.get_attribute("lang") == "ru"
    meta = first.locator(".sr-meta").inner_text()
    assert "Russian" in meta and re.search(r"Article|Thesis|Textbook chapter", meta)
    # Every Cyrillic text the script wrote is inside an element of lang="ru".
    unmarked = page.evaluate("""() => {
      const out = [];
      const walker = document.createTreeWalker(document.getElementById('search-app'), NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const holder = n.parentElement.closest('[lang]');
        if (/[А-Яа-яЁё]/.test(n.data) && !n.parentElement.closest('script') &&
            !(holder && holder.lang.startsWith('ru'))) { out.push(n.data.slice(0, 60)); }
      }
      return out;
    }""")
    assert unmarked == []
    shot(page, "results")


def test_the_hint_s_russian_examples_are_marked_russian(page) -> None:
    hint = page.locator("#search-hint")
    assert hint.inner_text().startswith("Words are found in all their forms")
    assert hint.locator("span[lang='ru']").all_inner_texts()[:3] == ["Карахан", "Карахана", "Караханом"]
    assert hint.locator("span[lang='ru']").count() == 4


def test_every_word_the_script_writes_is_the_english_catalog_s(page) -> None:
    """The counts, the places, the quotation finder's words and its citation: English on the English page
    (the catalog's words in #site-words, plurals by Intl.PluralRules("en")), in a browser that speaks
    Russian."""
    search_for(page, "Карахан")
    page.wait_for_function("() => /^Found: /.test(document.getElementById('search-status').textContent)")
    results = page.locator(RESULTS)
    # The thesis's parts are results of their own, counted as one document.
    docs = len(set(results.locator(".sr-title a > span:first-child").all_inner_texts()))
    assert docs < results.count()
    places = results.locator("li.sr-place").count()
    english = lambda n, word: f"{n} {word}" + ("" if n == 1 else "s")  # noqa: E731
    assert page.locator("#search-status").inner_text() == (
        f"Found: {english(docs, 'document')}, {english(places, 'place')}.")
    wheres = page.locator("#search-results a.sr-where").all_inner_texts()
    assert wheres and all(re.fullmatch(r"(¶\u00a0\d+|n\. \d+|“.*”|heading|abstract|reference list)"
                                       r"(, p\. \[?\d+\]?)?", w) for w in wheres), wheres
    assert any(", p. " in w for w in wheres)
    shot(page, "query")
    page.fill("#quote-q", "нерешенной проблемой принадлежности")
    page.click("#quote-form button[type=submit]")
    page.wait_for_selector("#quote-results li.qr")
    assert page.locator("#quote-status").inner_text() == "Quotation found: 1 place."
    assert re.search(r": ¶\u00a01, p\. 3$", page.locator(".qr-where").inner_text())
    cite = page.locator(".qr-cite").inner_text()
    assert cite.startswith("Citation: ") and re.search(
        r" P\. 3\. URL: https://\S+#p1 \(accessed \d\d\.\d\d\.\d{4}\)$", cite), cite
    # Every Cyrillic text the script wrote is inside an element of lang="ru".
    unmarked = page.evaluate("""() => {
      const out = [];
      for (const id of ['search-status', 'search-results', 'quote-status', 'quote-results']) {
        const walker = document.createTreeWalker(document.getElementById(id), NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const holder = n.parentElement.closest('[lang]');
          const marked = holder && holder.lang.startsWith('ru');
          if (/[А-Яа-яЁё]/.test(n.data) && !marked) { out.push(n.data.slice(0, 60)); }
        }
      }
      return out;
    }""")
    assert unmarked == []
    shot(page, "quotation")
