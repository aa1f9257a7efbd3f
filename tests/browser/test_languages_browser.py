"""The two interface languages in a real browser: Playwright driving Debian's chromium against the real
edition (Russian at the site's addresses, English under en/), served on 127.0.0.1 under a sub-path (/real/)
and opened from disk.

Screenshots go to tests/artifacts/languages-*.png.
"""

from __future__ import annotations

import datetime
import re

import pytest
from browser.chromium import ARTIFACTS, DESKTOP, needs_chromium
from browser.search_sites import crossing_quote, documents_mentioning, searched_site, tei
from browser.sites import serve, serve_under
from conftest import THESIS

from diplo_edition.site.tei import XML_LANG

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def base_url():
    with serve_under(real=searched_site()) as url:
        yield url


@pytest.fixture
def open_page(browser):
    """A page in a fresh context (a Russian browser: the page, not the browser, chooses the language); at
    the end no console error."""
    opened = []

    def make(url: str):
        context = browser.new_context(viewport=DESKTOP, locale="ru-RU")
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        opened.append((context, errors))
        page.goto(url)
        return page

    yield make
    for context, errors in opened:
        context.close()
        assert errors == [], "errors in the console"


def shot(page, name: str, full_page: bool = False) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"languages-{name}.png"), full_page=full_page)


def test_the_switch_goes_to_the_twin_and_back_at_the_same_place(open_page, base_url):
    page = open_page(f"{base_url}real/documents/{THESIS}/index.html#page-45")
    # the old address goes on to the part of the thesis that holds the page (site/parts.py)
    page.wait_for_url(f"{base_url}real/documents/{THESIS}/*/index.html#page-45")
    russian = page.url.removesuffix("#page-45")
    part = russian.split(f"/documents/{THESIS}/")[1]
    assert page.evaluate("document.documentElement.lang") == "ru"
    page.click(".lang-switch a[hreflang='en']")
    page.wait_for_url(f"{base_url}real/en/documents/{THESIS}/{part}#page-45")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("article.reading").get_attribute("lang") == "ru"  # the text keeps its language
    assert page.locator("#page-45").is_visible()
    assert page.locator(".site-nav a").first.inner_text() == "Documents"
    shot(page, "english-document")
    page.click(".lang-switch a[hreflang='ru']")
    page.wait_for_url(russian + "#page-45")
    assert page.locator(".site-nav a").first.inner_text() == "Документы"


def test_what_the_script_writes_follows_the_page_language(open_page, base_url):
    """The cite box, its copy button, the page stepper, a note's way back: the page's catalog."""
    for prefix, cite, copy, step in (("en/", "Cite paragraph 12", "Copy", "p. "), ("", "Цитировать абзац 12",
                                                                            "Копировать", "с.\u00a0")):
        page = open_page(f"{base_url}real/{prefix}documents/{THESIS}/index.html#p12")
        page.click("#p12 > a.cite-p")
        assert page.locator("#cite-pop .cite-label").inner_text() == cite
        assert page.locator("#cite-pop button.copy").inner_text() == copy
        steps = page.locator("nav.page-nav .page-step-label").all_inner_texts()
        assert steps and all(label.startswith(step) or label == "—" for label in steps), steps
        page.locator("a.fnref").first.click()
        back = page.locator("#fn-open .fn-back .vh").text_content()
        assert ("Back to the text" in back) == (prefix == "en/"), back


def test_the_english_pages_have_english_labels_and_lang(open_page, base_url):
    page = open_page(f"{base_url}real/en/index.html")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("#documents-title").inner_text() == "Documents"
    labels = set(page.locator(".doc-card dt").all_inner_texts())
    assert {"Kind", "Language", "Pages", "Notes"} <= labels
    assert not any(re.search("[А-Яа-яЁё]", label) for label in labels)
    # Inside the English page, each card (its title, its opening lines) speaks its document's language.
    cards = page.locator(".doc-card")
    assert cards.count() > 0
    for k in range(cards.count()):
        href = cards.nth(k).locator("h3 a").get_attribute("href")
        doc_id = re.fullmatch(r"documents/([^/]+)/index\.html", href).group(1)
        assert cards.nth(k).get_attribute("lang") == tei(doc_id).get(XML_LANG) != "en", doc_id
    shot(page, "english-home", full_page=True)
    page.goto(f"{base_url}real/en/persons/karakhan/index.html")
    assert page.locator(".entry-meta dt", has_text="Note").count() == 1
    assert page.locator(".entry-meta dd").nth(2).inner_text().startswith("Soviet diplomat")
    page.goto(f"{base_url}real/persons/karakhan/index.html")
    assert page.locator(".entry-meta dd").nth(2).inner_text().startswith("Советский дипломат")


def test_the_english_search_page_finds_russian_text_and_opens_the_english_twin(open_page, base_url):
    expected = documents_mentioning(r"Карахан")
    page = open_page(f"{base_url}real/en/search/index.html")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.wait_for_selector("#search-q:not([disabled])")
    assert page.locator("#fulltext-title").inner_text() == "Search the texts"
    page.fill("#search-q", "Карахана")
    page.press("#search-q", "Enter")
    page.wait_for_function("() => /Found/.test(document.getElementById('search-status').textContent)")
    links = page.locator("#search-results > li.sr a").evaluate_all("els => els.map(e => e.href)")
    found = {re.search(r"/documents/([^/]+)/", link).group(1) for link in links}
    assert found == expected
    assert all(link.startswith(f"{base_url}real/en/documents/") for link in links)
    shot(page, "english-search")
    page.locator("#search-results > li.sr a").first.click()
    page.wait_for_url(re.compile(r".*/real/en/documents/.*"))
    assert page.evaluate("document.documentElement.lang") == "en"


def test_the_english_quotation_finder_works_from_disk(open_page):
    quote = crossing_quote(THESIS, "pb", nth=30)
    page = open_page((searched_site() / "en" / "search" / "index.html").as_uri())
    assert page.locator("#quote-title").inner_text() == "Find a quotation"
    page.fill("#quote-q", quote.text)
    page.click("#quote-form button[type=submit]")
    page.wait_for_selector("#quote-results li.qr")
    found = page.locator("#quote-results li.qr")
    assert found.first.get_attribute("data-anchor") == quote.anchor
    shot(page, "english-quotation-file-url")
    found.first.locator(".qr-where a").click()
    page.wait_for_selector(f"#{quote.anchor} mark.search-hit")
    assert "/en/documents/" in page.url and page.url.startswith("file://")
    assert page.evaluate("document.documentElement.lang") == "en"


def test_a_russian_citation_on_an_english_page_gets_the_reader_s_date(open_page, base_url):
    """About's GOST entry on the English page holds the Russian placeholder of the date of access (its
    style's language): site.js puts the reader's date there, as on the Russian page."""
    today = datetime.date.today().strftime("%d.%m.%Y")
    for prefix in ("en/", ""):
        page = open_page(f"{base_url}real/{prefix}about/index.html")
        fields = page.locator("textarea.cite-field").evaluate_all("els => els.map(e => e.value)")
        gost = [f for f in fields if "дата обращения" in f]
        assert len(gost) == 1 and f"(дата обращения: {today})" in gost[0], fields
        assert not any("ДД.ММ.ГГГГ" in f or "DD.MM.YYYY" in f for f in fields)


def test_a_static_host_s_one_404_page_sends_english_addresses_to_the_english_one(browser):
    """The real edition at its base URL's path (/) on a host that answers every missing address with the
    root 404.html, in Russian: an address under en/ ends on the English 404 page, any other stays. (The
    console says each 404 answer; no script fails.)"""
    with serve(searched_site(), not_found="404.html") as host:
        context = browser.new_context(viewport=DESKTOP, locale="ru-RU")
        failed: list[str] = []
        try:
            page = context.new_page()
            page.on("pageerror", lambda exc: failed.append(str(exc)))
            page.goto(host + "en/documents/gone/deeper/")
            page.wait_for_url(host + "en/404.html")
            assert page.locator("h1").inner_text() == "Page not found"
            assert page.locator("html").get_attribute("lang") == "en"
            shot(page, "404-english")
            page.locator("main a").first.click()
            page.wait_for_url(host + "en/index.html")
            assert page.locator("html").get_attribute("lang") == "en"
            page.goto(host + "documents/gone/")
            assert page.locator("h1").inner_text() == "Страница не найдена"
            assert page.url == host + "documents/gone/"
            assert failed == []
        finally:
            context.close()
