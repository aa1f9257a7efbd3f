"""The reading site in a real browser: Playwright driving Debian's chromium against the built site served
on 127.0.0.1 — under sub-paths (/real/, /fixture/), as on any static host.

Needs the `playwright` package (pip, the `test` extra), /usr/bin/chromium (apt-get install chromium; no
`playwright install`) and axe-core (npm install --prefix tests/browser/.axe axe-core@4); .ci/run installs
all three. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import datetime
import re

import pytest
from browser.chromium import ARTIFACTS, AXE, DESKTOP, PHONE, needs_chromium
from browser.sites import fixture_site, real_site, serve_under
from conftest import THESIS

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

CONVENTION = "soviet-japanese-convention-1925"
FIXTURE_DOC = "fixture-negotiations"

COPIED = "(selector) => document.querySelector(selector).textContent === 'Скопировано'"

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def base_url():
    """Both sites served from one folder: /real/ and /fixture/."""
    with serve_under(real=real_site(), fixture=fixture_site()) as url:
        yield url


class Visit:
    """A browser page that records every request and every console error."""

    def __init__(self, browser, base_url: str, **options):
        self.context = browser.new_context(viewport=options.pop("viewport", DESKTOP), **options)
        self.page = self.context.new_page()
        self.base_url = base_url
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def goto(self, path: str):
        response = self.page.goto(self.base_url + path)
        assert response is not None and response.ok, path
        return self.page

    def hash(self) -> str:
        return self.page.evaluate("location.hash")

    def close(self):
        external = [u for u in self.requests if not u.startswith(self.base_url) and not u.startswith("data:")]
        assert external == [], "requests outside the site"
        assert self.errors == [], "errors in the console"
        self.context.close()


@pytest.fixture
def visit(browser, base_url):
    visits = []

    def open_visit(**options) -> Visit:
        v = Visit(browser, base_url, **options)
        visits.append(v)
        return v

    yield open_visit
    for v in visits:
        v.close()


def shot(page, name: str, full_page: bool = False) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def in_viewport(page, selector: str) -> bool:
    return page.evaluate(
        """(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
                      return r.bottom > 0 && r.top < window.innerHeight && r.height > 0; }""", selector)


def test_open_a_document(visit):
    v = visit()
    page = v.goto("real/index.html")
    shot(page, "home-desktop")
    page.click(f"a[href='documents/{THESIS}/index.html']")
    page.wait_for_url(f"**/real/documents/{THESIS}/index.html")
    assert page.locator("h1").inner_text().startswith("[Советско-японские отношения")
    assert page.locator("nav#toc a[href='#sec-1']").is_visible()
    assert page.locator("#p1").is_visible()
    # The script has run: the document's copy button is shown, the access dates filled in.
    assert page.locator("details.cite-doc button.copy").count() == 1
    today = datetime.date.today().strftime("%d.%m.%Y")
    page.click("#p1 > a.cite-p")
    assert page.locator("#p1 .cite-pop textarea").input_value().endswith(f"(дата обращения: {today}).")
    shot(page, "document-desktop")


def test_open_a_footnote_and_come_back(visit):
    v = visit()
    page = v.goto(f"real/documents/{THESIS}/index.html")
    note = page.locator("span.fn")
    assert not note.is_visible()
    page.click("#fnref1")
    assert v.hash() == "#fn1"
    assert note.is_visible()
    marker_box, note_box = page.locator("#fnref1").bounding_box(), note.bounding_box()
    gap = note_box["y"] - (marker_box["y"] + marker_box["height"])
    assert 0 <= gap < 40, "the note opens beside its marker"
    assert "Россия и Япония в исследованиях" in note.inner_text()
    shot(page, "footnote-open-desktop")
    page.click("span.fn a.fn-back")
    assert v.hash() == "#fnref1"
    assert not note.is_visible()
    assert in_viewport(page, "#fnref1")
    # By keyboard: Enter on the marker opens it, Escape closes it and returns to the marker.
    page.focus("#fnref2")
    page.keyboard.press("Enter")
    assert v.hash() == "#fn2" and "fn2" not in page.locator("span.fn").inner_html()
    page.keyboard.press("Escape")
    assert v.hash() == "#fnref2"
    assert not page.locator("span.fn").is_visible()
    assert page.evaluate("document.activeElement.id") == "fnref2"


@pytest.mark.parametrize("site", ["fixture", "real"])
def test_follow_a_person_to_the_register_and_back(visit, site):
    v = visit()
    doc = FIXTURE_DOC if site == "fixture" else THESIS
    page = v.goto(f"{site}/documents/{doc}/index.html")
    person = page.locator("section#text a.m[href*='persons/']").first
    name = person.inner_text()
    person.click()
    page.wait_for_url(re.compile(r".*/persons/[^/]+/index\.html$"))
    assert page.locator("h1").is_visible()
    hit = page.locator("ol.hits li").filter(has=page.locator("mark", has_text=name)).first
    assert hit.is_visible()
    if site == "fixture":
        shot(page, "register-entry-desktop", full_page=True)
    link = hit.locator("p.where a")
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(f"**/{site}/documents/{doc}/index.html#{anchor}")
    assert in_viewport(page, f"#{anchor}")
    assert page.evaluate(f"document.getElementById('{anchor}').matches(':target')")


def test_jump_to_an_original_page(visit):
    """The list of pages leads to a page in the part of the thesis that holds it (site/parts.py), where the
    page's cite box names that part's address; the form goes on to a page of another part."""
    v = visit()
    page = v.goto(f"real/documents/{THESIS}/index.html")
    page.click("#pages > summary")
    page.click("ul.page-links a[href$='#page-45']")
    page.wait_for_url("**/index.html#page-45")
    part = page.url.split(f"/documents/{THESIS}/")[1].removesuffix("index.html#page-45")
    assert part  # page 45 is in a later part
    assert in_viewport(page, "#page-45")
    cite = page.locator("#page-45 .cite-pop")
    assert cite.is_hidden()  # the page asked for is never covered by its cite box
    page.click("#page-45 > a.pb-n")
    assert cite.is_visible()
    # a number inferred: in brackets
    assert f" С.\u00a0[45]. — URL: https://diplo-edition.example.org/documents/{THESIS}/{part}#page-45 " in (
        cite.locator("textarea").input_value())
    shot(page, "page-45-desktop")
    # Typing the number works too, into another part.
    page.fill("#goto-page-top", "60")
    page.keyboard.press("Enter")
    page.wait_for_url("**/index.html#page-60")
    assert in_viewport(page, "#page-60")


def test_copy_a_citation(visit, base_url):
    v = visit(permissions=["clipboard-read", "clipboard-write"])
    page = v.goto(f"real/documents/{THESIS}/index.html")
    today = datetime.date.today().strftime("%d.%m.%Y")
    page.click("#p12 > a.cite-p")
    box = page.locator("#p12 .cite-pop")
    assert box.is_visible()
    box.locator("button.copy").click()
    page.wait_for_function(COPIED, arg="#p12 .cite-pop button.copy")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == (
        "[Советско-японские отношения в 1922–1941 гг. (магистерская работа)]. — Текст : электронный // "
        "Советская дипломатия 1920–1930-х годов: исследования. — diplo-edition. — С.\u00a0[8]. — "
        f"URL: https://diplo-edition.example.org/documents/{THESIS}/#p12 (дата обращения: {today}).")
    # The status is announced a moment after the copy (so that screen readers hear it again).
    page.wait_for_function("document.getElementById('cite-status').textContent === 'Ссылка скопирована'")
    shot(page, "cite-paragraph-desktop")
    # A page's citation, from its number in the margin.
    page.click("a.pb-n[href='#page-8']")
    page.locator("#page-8 button.copy").click()
    page.wait_for_function(COPIED, arg="#page-8 button.copy")
    assert page.evaluate("navigator.clipboard.readText()").endswith(
        f"— С.\u00a0[8]. — URL: https://diplo-edition.example.org/documents/{THESIS}/#page-8 "
        f"(дата обращения: {today}).")


def test_layout_at_phone_width(visit):
    v = visit(viewport=PHONE, is_mobile=True, has_touch=True)
    for path, name in ((f"real/documents/{THESIS}/index.html", "document-phone"),
                       ("real/index.html", "home-phone"),
                       (f"fixture/documents/{FIXTURE_DOC}/index.html", "fixture-document-phone"),
                       ("fixture/persons/karakhan/index.html", "register-entry-phone")):
        page = v.goto(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
        shot(page, name)
    page = v.goto(f"real/documents/{THESIS}/index.html#page-5")
    # Page numbers are badges in the line on phones, not in a margin.
    assert page.evaluate("getComputedStyle(document.querySelector('#page-5 .pb-n')).position") == "static"
    number, text = page.locator("#page-5 .pb-n").bounding_box(), page.locator("#p4").bounding_box()
    assert number["x"] >= text["x"] - 1
    page.click("#fnref3")
    assert page.locator("span.fn").is_visible()
    box = page.locator("span.fn").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    shot(page, "footnote-open-phone")


def test_desktop_page_numbers_stand_in_the_margin(visit):
    v = visit()
    page = v.goto(f"real/documents/{THESIS}/index.html#page-5")
    number, text = page.locator("#page-5 .pb-n").bounding_box(), page.locator("#p4").bounding_box()
    assert number["x"] + number["width"] <= text["x"]


def test_pages_work_without_javascript(visit):
    v = visit(java_script_enabled=False)
    page = v.goto(f"real/documents/{THESIS}/index.html")
    assert page.locator("button.copy").first.is_hidden()
    # A note marker leads to the note in the list of notes, which leads back.
    page.click("#fnref3")
    assert v.hash() == "#fn3" and in_viewport(page, "#fn3")
    page.click("#fn3 a.en-n")
    assert v.hash() == "#fnref3" and in_viewport(page, "#fnref3")
    # A paragraph's number is its address; "How to cite" gives the form of a citation.
    page.click("#p2 > a.cite-p")
    assert v.hash() == "#p2"
    page.click("a[href='#about-text']")
    assert page.locator("#how-to-cite").is_visible()
    field = page.locator("#cite-doc")
    page.click("details.cite-doc > summary")
    assert field.input_value().endswith("(дата обращения: ДД.ММ.ГГГГ).")
    field.focus()
    page.keyboard.press("Control+A")
    assert page.evaluate("window.getSelection().toString() || document.activeElement.value.substring("
                         "document.activeElement.selectionStart, document.activeElement.selectionEnd)"
                         ).startswith("[Советско-японские")
    shot(page, "cite-paragraph-no-js")


def test_keyboard_navigation(visit):
    v = visit()
    page = v.goto(f"real/documents/{CONVENTION}/index.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    assert page.locator("a.skip").is_visible()
    page.keyboard.press("Enter")
    assert v.hash() == "#main"
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.outerHTML")
    assert "Скачать TEI XML" in focused
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus is visible"


def test_print_stylesheet(visit):
    v = visit()
    page = v.goto(f"real/documents/{THESIS}/index.html")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.site-header', 'nav#toc', '.site-footer']
        .map(s => getComputedStyle(document.querySelector(s)).display)""")
    assert hidden == ["none"] * 3  # the ¶ numbers are printed (test_print_citation.py)
    assert page.locator("section#notes").is_visible()
    assert page.locator("#page-5 .pb-n").is_visible()
    shot(page, "document-print")


AXE_PAGES = [
    "real/index.html",
    f"real/documents/{THESIS}/index.html",
    f"real/documents/{CONVENTION}/index.html",
    "real/persons/index.html",
    "real/dvp/index.html",
    "real/works-cited/index.html",
    "real/chronology/index.html",
    "real/chronology/1925/index.html",
    "real/places/japan/index.html",
    f"real/places/japan/{THESIS}/2/index.html",
    "real/search/index.html",
    "real/about/index.html",
    # the English twins (the second interface language)
    "real/en/index.html",
    f"real/en/documents/{THESIS}/index.html",
    "real/en/search/index.html",
    "real/en/about/index.html",
    f"fixture/documents/{FIXTURE_DOC}/index.html",
    "fixture/persons/index.html",
    "fixture/persons/karakhan/index.html",
    "fixture/archives/index.html",
]


@pytest.mark.parametrize("path", AXE_PAGES)
def test_axe_finds_no_serious_or_critical_violation(visit, path):
    if not AXE.exists():
        pytest.fail(f"axe-core is missing: npm install --prefix {AXE.parents[2]} axe-core@4")
    v = visit()
    page = v.goto(path)
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{r['id']} ({r['impact']}): {r['help']} — {[n['target'] for n in r['nodes'][:3]]}"
        for r in results["violations"] if r["impact"] in ("serious", "critical")
    ]
    assert serious == []
    # Also with a note open, and with a cite box open (the pop-overs made by site.js).
    if "/documents/" in path:
        for opener in ("#fnref1", "a.cite-p >> nth=0"):
            page.locator(opener).click()
            page.add_script_tag(path=str(AXE))
            results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
            assert [r["id"] for r in results["violations"] if r["impact"] in ("serious", "critical")] == []


def test_corrections_show_the_original_on_hover_and_focus(visit):
    v = visit()
    page = v.goto(f"fixture/documents/{FIXTURE_DOC}/index.html")
    shot(page, "fixture-document-desktop")
    corr = page.locator("section#text span.corr[tabindex='0']")
    tip = corr.locator(".tip")
    assert tip.bounding_box()["width"] <= 1  # visually hidden, but read by screen readers
    corr.focus()
    assert tip.bounding_box()["width"] > 50
    assert "в оригинале: «переговры»" in tip.inner_text()
    page.locator("section#text span.app").hover()
    assert page.locator("section#text span.app .tip").bounding_box()["width"] > 50
    shot(page, "correction-hover-desktop")
