"""Reading and citing in a real browser (issue 14): a copy from a document page is its reading text and
the quotation finder finds it; pop-overs (footnotes, cite boxes) close by Escape, a click elsewhere or a
second click, and a page that is the address's target is not covered; the 404 page works under a
sub-path and from disk. Chromium as in test_reading.py, against the sites served on 127.0.0.1."""

from __future__ import annotations

import datetime
import re
import tempfile
from pathlib import Path

import pytest
from browser.chromium import AXE, PHONE, launched, needs_chromium
from browser.sites import fixture_site, real_site, serve, serve_under
from browser.test_reading import THESIS, Visit, in_viewport, shot
from test_quote_markers import MARKED, PLAIN

from diplo_edition.search.normalize import quotation_forms
from diplo_edition.search.quotes import find_quote, load_quotes

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

pytestmark = needs_chromium

DOCUMENT = f"real/documents/{THESIS}/index.html"
TODAY = datetime.date.today().strftime("%d.%m.%Y")
CLIPBOARD = ["clipboard-read", "clipboard-write"]
# Selects the text of a block from the start of one phrase to the end of another (across any markup).
SELECT = """([selector, first, last]) => {
  const block = document.querySelector(selector);
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let started = false;
  while (walker.nextNode()) {
    const node = walker.currentNode, text = node.nodeValue;
    if (!started && text.includes(first)) { range.setStart(node, text.indexOf(first)); started = true; }
    if (started && text.includes(last)) { range.setEnd(node, text.indexOf(last) + last.length); break; }
  }
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}"""
# ¶ 2 of the thesis: note 1 stands after the title of the book.
QUOTED = ("#p2", "Книга Е.М. Жукова", "вышедшая")


def copy_selection(page, selector: str, first: str, last: str) -> str:
    page.evaluate(SELECT, [selector, first, last])
    page.keyboard.press("Control+C")
    return page.evaluate("navigator.clipboard.readText()")


def find_on_the_search_page(page, quotation: str) -> list[tuple[str, str, str]]:
    return page.evaluate("""(q) => DiploSearch.findQuotation(q).then(() =>
        [...document.querySelectorAll('#quote-results li.qr')].map(li =>
            [li.dataset.doc, li.dataset.anchor, li.dataset.pages]))""", quotation)


@pytest.fixture(scope="module")
def chromium():
    with launched(sync_api) as browser:
        yield browser


@pytest.fixture(scope="module")
def served():
    """The real edition served at /real/ (its base_url is the root of a host)."""
    with serve_under(real=real_site()) as url:
        yield url


@pytest.fixture
def visit(chromium, served):
    visits: list[Visit] = []

    def open_visit(**options) -> Visit:
        visits.append(Visit(chromium, served, **options))
        return visits[-1]

    yield open_visit
    for v in visits:
        v.close()


# --- copying and quoting ----------------------------------------------------------------------------

def test_a_copy_over_a_note_marker_is_the_reading_text_and_the_finder_finds_it(visit):
    v = visit(permissions=CLIPBOARD)
    page = v.goto(DOCUMENT)
    assert page.locator("#p2 #fnref1").count() == 1
    copied = copy_selection(page, *QUOTED)
    assert copied == 'Книга Е.М. Жукова "История Японии", вышедшая'
    # The same from inside an open note: its text, without its number and back-link.
    page.click("#fnref1")
    note = page.locator("span.fn").inner_text()
    copied_note = copy_selection(page, "span.fn", "Россия", "ученых")
    assert copied_note.startswith("Россия и Япония в исследованиях") and "↩" not in copied_note
    assert copied_note in note
    # Pasted into the quotation finder: found, at its paragraph and page, and highlighted there.
    page = v.goto("real/search/index.html")
    page.fill("#quote-q", copied)
    page.click("#quote-form button")
    page.wait_for_selector("#quote-results li.qr")
    hit = page.locator("#quote-results li.qr").first
    assert (hit.get_attribute("data-anchor"), hit.get_attribute("data-pages")) == ("p2", "3")
    hit.locator("a").click()
    page.wait_for_url(f"**/{THESIS}/index.html?quote=*#p2")
    assert page.locator("#p2 mark.search-hit").count() >= 1


def test_without_the_script_the_labels_and_markers_are_left_out_of_a_copy(visit):
    v = visit(permissions=CLIPBOARD)
    v.page.route("**/static/site.js", lambda route: route.abort())
    page = v.goto(DOCUMENT)
    assert not page.evaluate("document.documentElement.classList.contains('js')")
    assert copy_selection(page, *QUOTED) == 'Книга Е.М. Жукова "История Японии", вышедшая'
    # It is the stylesheet that leaves them out: selectable again, they are copied.
    page.add_style_tag(content=".vh, .fnref { user-select: text !important; }")
    assert 'Японии"1, вышедшая' in copy_selection(page, *QUOTED)
    v.errors.clear()  # the aborted script


def test_the_finder_in_the_browser_ignores_note_markers_as_diplo_edition_quote_does(visit):
    v = visit()
    page = v.goto("real/search/index.html")
    page.wait_for_function("window.DiploSearchCore && window.DiploSearch")
    documents = load_quotes(real_site())
    expected = [(m.document.id, m.anchor, " ".join(m.pages)) for m in find_quote(documents, PLAIN)]
    assert expected and expected[0][1] == "p2"
    for form, quotation in {"plain": PLAIN, **MARKED}.items():
        forms = page.evaluate("(q) => DiploSearchCore.quotationForms(q)", quotation)
        assert forms == quotation_forms(quotation)
        assert [tuple(hit) for hit in find_on_the_search_page(page, quotation)] == expected, form
    # A number of the text that looks like a marker is found as it stands.
    volume = "Полное собрание сочинений. Т.33: Государство и революция"
    assert [hit[0] for hit in find_on_the_search_page(page, volume)] == ["soviet-japanese-convention-1925"]


# --- pop-overs and the target ------------------------------------------------------------------------

def test_a_target_page_is_not_covered_and_its_cite_box_opens_when_asked(visit):
    v = visit(viewport=PHONE, is_mobile=True, has_touch=True)
    page = v.goto(DOCUMENT + "#page-45")
    # page 45 stands in a later part of the thesis: the old address moves on to it (site/parts.py)
    page.wait_for_url(re.compile(rf".*/documents/{THESIS}/\d+/index\.html#page-45$"))
    cite = page.locator("#page-45 .cite-pop")
    number = page.locator("#page-45 > a.pb-n")
    assert in_viewport(page, "#page-45")
    assert cite.is_hidden()
    shot(page, "page-target-phone")
    number.click()
    assert cite.is_visible() and number.get_attribute("aria-expanded") == "true"
    # a number inferred: in brackets
    assert " С.\u00a0[45]. — URL: " in cite.locator("textarea").input_value()
    shot(page, "page-cite-open-phone")
    number.click()  # a second click closes it
    assert cite.is_hidden() and number.get_attribute("aria-expanded") == "false"
    number.click()
    page.keyboard.press("Escape")
    assert cite.is_hidden()
    assert page.evaluate("document.activeElement.matches('#page-45 > a.pb-n')")
    number.click()
    page.locator("h1").click()  # a click elsewhere
    assert cite.is_hidden()
    # Going to a page by its number does not open its box either.
    page.click("#pages > summary")
    page.fill("#goto-page", "60")
    page.keyboard.press("Enter")
    page.wait_for_url("**/index.html#page-60")
    assert in_viewport(page, "#page-60")
    assert page.locator(".cite-pop").count() == 0


def test_without_the_script_notes_are_endnotes_and_how_to_cite_is_given(visit):
    """Each note is stored once, in the list of notes: without the script a marker leads there and back;
    the cite boxes are made by the script, and "How to cite" gives the form of a citation instead."""
    v = visit(java_script_enabled=False)
    page = v.goto(DOCUMENT + "#page-45")
    assert page.locator(".cite-pop, textarea.cite-field:visible").count() == 0
    page.click("#fnref1")
    assert v.hash() == "#fn1" and in_viewport(page, "#fn1")
    assert page.locator("#fn1").inner_text().split(None, 1)[1].startswith("Россия и Япония")
    shot(page, "endnote-target-no-js")
    page.click("#fn1 a.en-n")
    assert v.hash() == "#fnref1" and in_viewport(page, "#fnref1")
    how = page.locator("#how-to-cite")
    assert "#p12 (дата обращения: ДД.ММ.ГГГГ)" in how.inner_text() and "#page-45" in how.inner_text()


def test_a_footnote_closes_by_a_second_click_a_click_elsewhere_and_escape(visit):
    v = visit()
    page = v.goto(DOCUMENT)
    note = page.locator("span.fn")
    page.click("#fnref1")
    assert note.is_visible() and v.hash() == "#fn1"
    assert "Россия и Япония" in note.inner_text()
    shot(page, "footnote-open-desktop-2")
    page.click("#fnref1")  # the marker again
    assert note.is_hidden() and v.hash() == "#fnref1"
    page.click("#fnref1")
    assert note.is_visible()
    page.click("span.fn", position={"x": 30, "y": 12})  # inside the note: it stays
    assert note.is_visible()
    scrolled = page.evaluate("window.scrollY")
    page.mouse.click(5, 300)  # the margin: elsewhere
    assert note.is_hidden() and v.hash() == "#fnref1"
    assert page.evaluate("window.scrollY") == scrolled, "closing does not move the text"


def test_cite_boxes_close_by_a_click_elsewhere_escape_and_another_box(visit):
    v = visit()
    page = v.goto(DOCUMENT)
    p12, p20 = page.locator("#p12 > a.cite-p"), page.locator("#p20 > a.cite-p")
    p12.click()
    box12, box20 = page.locator("#p12 .cite-pop"), page.locator("#p20 .cite-pop")
    assert box12.is_visible() and p12.get_attribute("aria-expanded") == "true"
    assert box12.locator("textarea").input_value().endswith("#p12 (дата обращения: " + TODAY + ").")
    box12.locator("textarea").click()  # inside: it stays
    assert box12.is_visible()
    p20.click()  # another one: only that one is open
    assert box12.count() == 0 and box20.is_visible()
    page.mouse.click(5, 300)
    assert box20.count() == 0
    p12.click()
    page.keyboard.press("Escape")
    assert box12.count() == 0
    assert page.evaluate("document.activeElement.matches('#p12 > a.cite-p')")
    page.locator("details.cite-doc > summary").click()
    assert page.locator("details.cite-doc .cite-box").is_visible()
    page.mouse.click(5, 300)
    assert page.locator("details.cite-doc .cite-box").is_hidden()


def test_axe_with_a_page_cite_box_open(visit):
    v = visit()
    page = v.goto(DOCUMENT + "#page-45")
    page.locator("#page-45 > a.pb-n").click()
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    assert [r["id"] for r in results["violations"] if r["impact"] in ("serious", "critical")] == []


# --- the 404 page ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def host_url():
    """The fixture edition (base_url …/edition/) at /edition/ on a host that serves its 404.html."""
    with tempfile.TemporaryDirectory(prefix="diplo-host-") as folder:
        (Path(folder) / "edition").symlink_to(fixture_site(), target_is_directory=True)
        with serve(Path(folder), not_found="edition/404.html") as url:
            yield url


def styled(page) -> bool:
    header = "getComputedStyle(document.querySelector('.site-header')).borderBottomStyle"
    return page.evaluate(header) == "solid"


def links(page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('main a[href]')].map(a => a.href)")


def test_the_404_page_for_a_missing_address_deep_under_the_edition_path(chromium, host_url):
    context = chromium.new_context()
    page = context.new_page()
    response = page.goto(host_url + "edition/documents/gone/deeper/index.html")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Страница не найдена"
    assert styled(page)
    assert links(page)[0] == host_url + "edition/index.html"
    shot(page, "404-sub-path")
    page.locator("main a").first.click()
    page.wait_for_url(host_url + "edition/index.html")
    assert page.locator(".doc-list").count() == 1
    context.close()


def test_the_404_page_at_its_own_address_under_another_sub_path(visit):
    v = visit()
    page = v.goto("real/404.html")  # a copy of the edition under /real/ (its base_url is the root)
    assert styled(page)
    assert links(page)[0] == v.base_url + "real/index.html"
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    assert [r["id"] for r in results["violations"] if r["impact"] in ("serious", "critical")] == []


def test_the_english_404_page_at_its_own_address_and_from_disk(visit, chromium):
    """en/404.html: English, styled, its links to the English pages, under a sub-path and from disk."""
    v = visit()
    page = v.goto("real/en/404.html")
    assert page.locator("h1").inner_text() == "Page not found" and styled(page)
    assert links(page)[0] == v.base_url + "real/en/index.html"
    context = chromium.new_context()
    page = context.new_page()
    page.goto((real_site() / "en" / "404.html").as_uri())
    assert styled(page) and links(page)[0] == (real_site() / "en" / "index.html").as_uri()
    shot(page, "404-english-from-disk")
    context.close()


def test_the_404_page_from_disk(chromium):
    context = chromium.new_context()
    page = context.new_page()
    page.goto((real_site() / "404.html").as_uri())
    assert styled(page)
    assert links(page)[0] == (real_site() / "index.html").as_uri()
    shot(page, "404-from-disk")
    context.close()


# --- moving through the original pages ---------------------------------------------------------------

# (a chapter in another part of a long document: the href leads to its part, ending in the anchor)
STEP_BY_DATA = """([step, href]) => document.querySelector(
  `nav.chapter-nav a.page-step[data-step='${step}']`).getAttribute('href').endsWith(href)"""
STEP = "([rel, href]) => document.querySelector(`nav.page-nav a[rel=${rel}]`).getAttribute('href') === href"


def test_previous_and_next_page_and_go_to_page_in_the_header(visit):
    v = visit()
    page = v.goto(DOCUMENT)
    nav = page.locator("nav.page-nav")
    previous, following = nav.locator("a.page-step[rel='prev']"), nav.locator("a.page-step[rel='next']")
    assert nav.is_visible()
    assert previous.get_attribute("aria-disabled") == "true"  # above the first page
    first = page.evaluate("document.querySelector('#text .pb[id]').id")
    assert following.get_attribute("href") == f"#{first}"
    page.fill("#goto-page-top", "45")
    page.keyboard.press("Enter")
    page.wait_for_url("**/index.html#page-45")  # in a later part of the thesis (site/parts.py)
    assert in_viewport(page, "#page-45")
    page.wait_for_function(STEP, arg=["next", "#page-46"])
    assert previous.get_attribute("href") == "#page-44"
    assert previous.locator(".page-step-label").inner_text() == "с.\u00a044"
    shot(page, "page-nav-desktop")
    # By keyboard: the step goes to the page, its number in the text focused; no box opens.
    following.focus()
    page.keyboard.press("Enter")
    assert v.hash() == "#page-46" and in_viewport(page, "#page-46")
    assert page.evaluate("document.activeElement.matches('#page-46 > a.pb-n')")
    assert page.locator(".cite-pop").count() == 0
    page.wait_for_function(STEP, arg=["prev", "#page-45"])


def test_the_page_controls_wait_hidden_without_the_script(visit):
    v = visit(java_script_enabled=False)
    page = v.goto(DOCUMENT)
    assert page.locator("nav.page-nav").is_hidden()
    assert page.locator("ul.page-links a[href$='#page-45']").count() == 1  # in the part that holds it


# --- the documents and chapters beside, the search box ----------------------------------------------

def test_previous_and_next_chapter_and_document_in_the_header(visit):
    v = visit()
    page = v.goto(DOCUMENT)
    chapters = page.locator("nav.chapter-nav")
    previous = chapters.locator("a.page-step[data-step='-1']")
    following = chapters.locator("a.page-step[data-step='1']")
    assert chapters.is_visible() and previous.get_attribute("aria-disabled") == "true"
    assert following.get_attribute("href") == "#sec-1"
    following.focus()
    page.keyboard.press("Enter")  # by keyboard: to the chapter, its heading focused
    assert v.hash() == "#sec-1" and in_viewport(page, "#sec-1")
    assert page.evaluate("document.activeElement.id") == "sec-1"
    page.wait_for_function(STEP_BY_DATA, arg=["1", "#sec-2"])
    label = following.locator(".page-step-label").text_content()
    # The heading's text, without the page number that stands in it.
    assert label.split() == page.locator("#toc a[href$='#sec-2']").text_content().split()
    page.evaluate("window.scrollTo(0, 0)")
    shot(page, "chapter-and-document-steps-desktop")
    # The documents before and after, in the order of the home page.
    home = v.goto("real/index.html")
    order = home.evaluate("""[...document.querySelectorAll('main a[href^="documents/"]')]
        .map(a => a.getAttribute('href').split('/')[1]).filter((id, k, all) => all.indexOf(id) === k)""")
    k = order.index(THESIS)
    page = v.goto(DOCUMENT)
    steps = page.locator("nav.doc-steps")
    prev_link = steps.locator("a[rel='prev']")
    assert prev_link.get_attribute("href") == f"../../documents/{order[k - 1]}/index.html"
    assert steps.locator("a[rel='next']").count() == (1 if k + 1 < len(order) else 0)
    prev_link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/documents/{order[k - 1]}/index.html")
    back = page.locator("nav.doc-steps a[rel='next']")
    assert back.get_attribute("href") == f"../../documents/{THESIS}/index.html"


def test_the_header_search_box_goes_to_the_search_page_in_the_pages_language(visit):
    v = visit(locale="en-US")  # the browser's language is not the page's
    page = v.goto(DOCUMENT)
    page.fill("header #site-search-q", "Карахан")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/index.html?q=*")
    page.wait_for_selector("#search-results li")
    assert page.locator("#search-q").input_value() == "Карахан"
    assert page.evaluate("document.documentElement.lang") == "ru"
    # the search speaks the page's language, whatever the browser's
    assert page.locator("#search-status").inner_text().startswith("Найдено: ")
    shot(page, "header-search-results")


def test_the_header_search_box_without_the_script(visit):
    v = visit(java_script_enabled=False)
    page = v.goto(DOCUMENT)
    page.fill("header #site-search-q", "Карахан")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/index.html?q=*")
    assert page.locator("ul.search-doc-list a").count() == 4  # the documents, listed without the script
