"""A long document split into parts (site/parts.py), in a real browser: an old address of the document
(documents/<id>/#page-N, #pN, #fnN) whose anchor stands in a later part lands on that anchor in that
part; the previous and next part links and the "go to page" form lead across the parts, by keyboard.

Playwright with Debian's chromium against the real site served under a sub-path. A screenshot of the top
of a later part goes to tests/artifacts/.
"""

from __future__ import annotations

import pytest
from browser import sites
from browser.chromium import ARTIFACTS, DESKTOP, needs_chromium
from browser.sites import real_site, serve_under
from conftest import THESIS

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def base_url():
    with serve_under(real=real_site()) as url:
        yield url + "real/"


@pytest.fixture(scope="module")
def part_map():
    """The first page's map of the later parts: {"2/": ["p35", "page-14", …], …}."""
    mapped = sites.part_map(real_site() / "documents" / THESIS / "index.html")
    assert len(mapped) >= 2
    return mapped


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    assert errors == []


def _in_view(page, anchor: str) -> bool:
    return page.evaluate("""(id) => {
        const el = document.getElementById(id);
        if (!el) return false;
        const box = el.getBoundingClientRect();
        return box.top >= 0 && box.top < window.innerHeight;
    }""", anchor)


@pytest.mark.parametrize("kind", ["page-", "p", "fn"])
def test_an_old_address_lands_on_its_anchor_in_a_later_part(page, base_url, part_map, kind):
    path = list(part_map)[-2]  # a part past the second
    anchor = next(a for a in part_map[path] if a.startswith(kind) and a[len(kind):].isdigit())
    page.goto(f"{base_url}documents/{THESIS}/#{anchor}")
    page.wait_for_url(f"**/documents/{THESIS}/{path}index.html#{anchor}")
    page.wait_for_function("(id) => document.getElementById(id) !== null", arg=anchor)
    assert _in_view(page, anchor), anchor


def test_an_anchor_of_the_first_part_stays_there(page, base_url, part_map):
    later = {a for anchors in part_map.values() for a in anchors}
    page.goto(f"{base_url}documents/{THESIS}/#p1")
    assert "p1" not in later
    assert page.url.endswith(f"documents/{THESIS}/#p1") and _in_view(page, "p1")


def test_previous_and_next_part_links_lead_across_the_parts_by_keyboard(page, base_url, part_map):
    count = len(part_map) + 1
    page.goto(f"{base_url}documents/{THESIS}/index.html")
    assert page.locator("nav.part-nav a[aria-current='page']").count() == 1
    assert page.locator("nav.part-nav ol.parts li").count() == count
    assert page.locator("a.part-step[rel='prev']").count() == 0  # the first part has no previous
    for number in range(2, count + 1):
        page.locator("header a.part-step[rel='next']").focus()
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/documents/{THESIS}/{number}/index.html")
        assert number == count or page.locator("header a.part-step[rel='next']").count() == 1
        title = page.title()
        current = page.locator("nav.part-nav a[aria-current='page']").text_content()
        assert current.strip() and current.strip() in title, (title, current)
    assert page.locator("header a.part-step[rel='next']").count() == 0  # the last has no next
    page.locator("header a.part-step[rel='prev']").click()
    page.wait_for_url(f"**/documents/{THESIS}/{count - 1}/index.html")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "parts-later-part-top.png"))


def test_go_to_page_reaches_a_page_in_another_part(page, base_url, part_map):
    path = list(part_map)[-1]
    anchor = next(a for a in part_map[path] if a.startswith("page-") and a[5:].isdigit())
    page.goto(f"{base_url}documents/{THESIS}/index.html")
    field = page.locator("#goto-page-top")
    field.fill(anchor[5:])
    field.press("Enter")
    page.wait_for_url(f"**/documents/{THESIS}/{path}index.html#{anchor}")
    assert _in_view(page, anchor)


def test_the_previous_page_from_the_top_of_a_part_is_the_last_of_the_part_before(page, base_url, part_map):
    page.goto(f"{base_url}documents/{THESIS}/2/index.html")
    step = page.locator("nav.page-nav a.page-step[data-step='-1']")
    href = step.get_attribute("href")
    anchor = href.split("#")[1]
    assert href.endswith(f"documents/{THESIS}/index.html#{anchor}") and anchor.startswith("page-")
    assert anchor not in part_map["2/"]
    step.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/documents/{THESIS}/index.html#{anchor}")
    assert _in_view(page, anchor)
