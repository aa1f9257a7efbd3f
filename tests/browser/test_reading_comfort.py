"""Reading comfort in a real browser (Debian's chromium through Playwright, the real edition served on
127.0.0.1 under /real/, and opened from disk): the measure of the reading text, the one type family of
text and headings bundled with the site, the quiet mention links and their switch, and axe in light and
dark mode. Screenshots go to tests/artifacts/comfort-*.png.
"""

from __future__ import annotations

import re
import statistics

import pytest
from browser.chromium import ARTIFACTS, AXE, DESKTOP, PHONE, needs_chromium
from browser.sites import real_site, serve_under
from conftest import THESIS

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

DOCUMENT = f"documents/{THESIS}/index.html"

pytestmark = needs_chromium

# Characters on each line of a paragraph, as laid out (note markers, page and paragraph numbers left out).
LINE_LENGTHS = """(id) => {
  const p = document.getElementById(id), range = document.createRange(), lines = new Map();
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {acceptNode: n =>
    n.parentElement.closest('.cite-p, .pb, .fnref, .vh')
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    for (let i = 0; i < n.data.length; i++) {
      range.setStart(n, i); range.setEnd(n, i + 1);
      const box = range.getClientRects()[0];
      if (box) { const line = Math.round(box.top / 4); lines.set(line, (lines.get(line) || 0) + 1); }
    }
  }
  return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(e => e[1]).slice(0, -1);  // full lines
}"""

# Fonts loaded from the given url()s of site.css, relative to it (not from an installed font).
LOAD_FONTS = """async (faces) => {
  const sheet = document.querySelector("link[rel=stylesheet][href$='site.css']").href;
  return Promise.all(faces.map(([url, style, weight], k) =>
    new FontFace("probe-" + k, `url(${new URL(url, sheet)})`, {style, weight}).load()
      .then(face => face.status, error => String(error))));
}"""
FONT_FACE = re.compile(r"@font-face\s*{([^}]*)}")


def bundled_faces() -> list[tuple[str, str, str, str]]:
    """(family, url, style, weight) of each @font-face of the built site's site.css."""
    css = (real_site() / "static" / "site.css").read_text(encoding="utf-8")
    faces = []
    for rule in FONT_FACE.findall(css):
        def value(name, rule=rule):
            return re.search(rf"{name}:\s*([^;]+);", rule).group(1).strip()
        url = re.search(r"url\(([^)]+)\)", value("src")).group(1).strip("\"'")
        faces.append((value("font-family").strip("\"'"), url, value("font-style"), value("font-weight")))
    return faces


@pytest.fixture(scope="module")
def base_url():
    with serve_under(real=real_site()) as url:
        yield url + "real/"


@pytest.fixture
def open_page(browser, base_url):
    """A page in a fresh context (viewport, colour scheme); at the end no console error, and no request
    outside the site."""
    opened = []

    def make(path: str, *, viewport=DESKTOP, scheme="light", url=None):
        context = browser.new_context(viewport=viewport, color_scheme=scheme)
        page = context.new_page()
        errors, requests = [], []
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("request", lambda request: requests.append(request.url))
        opened.append((context, errors, requests, real_site().as_uri() + "/" if url else base_url))
        page.goto(url or base_url + path)
        return page

    yield make
    for context, errors, requests, site in opened:
        context.close()
        assert errors == [], "errors in the console"
        assert [u for u in requests if not u.startswith(site) and not u.startswith("data:")] == []


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"comfort-{name}.png"))


def test_a_line_of_the_reading_text_holds_65_to_75_characters(open_page):
    page = open_page(DOCUMENT)
    # the paragraphs of the page (the first part of the thesis, site/parts.py), but the first
    paragraphs = page.evaluate(
        "[...document.querySelectorAll('#text p.para[id]')].slice(1, 39).map(p => p.id)")
    lines = [n for anchor in paragraphs for n in page.evaluate(LINE_LENGTHS, anchor)]
    assert len(lines) > 100
    assert 65 <= statistics.median(lines) <= 75


def test_on_a_phone_the_text_fits_the_screen(open_page):
    page = open_page(DOCUMENT, viewport=PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    lines = [n for k in range(2, 20) for n in page.evaluate(LINE_LENGTHS, f"p{k}")]
    assert 30 <= statistics.median(lines) <= 45


@pytest.mark.parametrize("where", ["served", "file"])
def test_text_and_headings_are_pt_serif_from_the_site_s_own_files(open_page, where):
    url = (real_site() / DOCUMENT).as_uri() if where == "file" else None
    page = open_page(DOCUMENT, url=url)
    for selector in ("#p2", "h1", "#text h2", "#notes li"):
        family = page.evaluate("s => getComputedStyle(document.querySelector(s)).fontFamily", selector)
        assert family.startswith('"PT Serif"'), selector
    faces = bundled_faces()
    assert {(family, url) for family, url, _, _ in faces} == {
        ("PT Serif", f"fonts/pt-serif-{script}-{variant}.woff2")
        for script in ("cyrillic", "latin") for variant in ("400-normal", "400-italic", "700-normal")}
    assert page.evaluate(LOAD_FONTS, [[url, style, weight] for _, url, style, weight in faces]) == [
        "loaded"] * len(faces)


def decoration(page) -> str:
    return page.evaluate("getComputedStyle(document.querySelector('#text a.m')).textDecorationLine")


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_mention_switch_hides_the_lines_and_is_remembered(open_page, viewport, scheme):
    page = open_page(DOCUMENT + "#p2", viewport=DESKTOP if viewport == "desktop" else PHONE, scheme=scheme)
    switch = page.locator("button.mention-switch")
    assert switch.is_visible() and switch.get_attribute("aria-pressed") == "false"
    assert decoration(page) == "underline"
    page.locator("#p2").scroll_into_view_if_needed()
    shot(page, f"{viewport}-{scheme}-names-shown")
    switch.focus()
    page.keyboard.press("Enter")  # a button: the keyboard works as the mouse does
    assert switch.get_attribute("aria-pressed") == "true"
    assert switch.inner_text() == switch.get_attribute("data-label-show")
    assert decoration(page) == "none"
    assert page.locator("#text a.m").first.get_attribute("href")  # the names stay links
    page.reload()  # the choice is remembered
    assert page.locator("button.mention-switch").get_attribute("aria-pressed") == "true"
    assert decoration(page) == "none"
    page.locator("#p2").scroll_into_view_if_needed()
    shot(page, f"{viewport}-{scheme}-names-hidden")
    page.locator("button.mention-switch").focus()
    page.keyboard.press("Space")
    assert decoration(page) == "underline"
    assert page.locator("button.mention-switch").inner_text() == switch.get_attribute("data-label-hide")


def test_a_later_mention_link_takes_the_title_of_the_first(open_page):
    page = open_page(DOCUMENT)
    first = page.locator("#text a.m[title]").first
    href, name = first.get_attribute("href"), first.get_attribute("title")
    later = page.locator(f"#text a.m[href='{href}']:not([title])").first.element_handle()
    later.hover()
    assert later.get_attribute("title") == name


def test_the_search_hint_s_examples_are_no_hits(open_page):
    page = open_page("search/index.html?q=Карахан", scheme="dark")
    page.wait_for_selector("#search-results li")
    assert page.locator("#search-hint mark").count() == 0
    assert page.locator("#search-results mark").count() > 0


AXE_PAGES = ["index.html", DOCUMENT, "places/index.html", "places/japan/index.html",
             "search/index.html?q=Карахан"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", AXE_PAGES)
def test_axe_finds_no_violation_in_light_and_dark_mode(open_page, path, scheme):
    if not AXE.exists():
        pytest.fail(f"axe-core is missing: npm install --prefix {AXE.parents[2]} axe-core@4")
    page = open_page(path, scheme=scheme)
    if path.startswith("search/"):
        page.wait_for_selector("#search-results li")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    assert [f"{r['id']} ({r['impact']}): {[n['target'] for n in r['nodes'][:3]]}"
            for r in results["violations"]] == []
