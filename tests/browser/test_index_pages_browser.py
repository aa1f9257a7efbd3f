"""Long indexes in a real browser: an entry's folded mentions open without JavaScript (<details>) and with it;
an entry's and the chronology's pages are reached from their tables of contents, old year anchors too."""

from __future__ import annotations

import pytest
from browser.chromium import needs_chromium
from browser.test_reading import base_url, in_viewport, shot, visit  # noqa: F401 (fixtures)
from conftest import THESIS

pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
pytestmark = needs_chromium

FOLDED_ENTRY = "real/organisations/far-eastern-republic/index.html"


@pytest.mark.parametrize("javascript", [False, True])
def test_folded_mentions_open_with_or_without_javascript(visit, javascript):  # noqa: F811
    v = visit(java_script_enabled=javascript)
    page = v.goto(FOLDED_ENTRY)
    folded = page.locator("details.more-hits").first
    first_folded = folded.locator("ol.hits > li").first
    assert page.locator("section.hits-doc > ol.hits > li").first.is_visible()
    assert not first_folded.is_visible()
    folded.locator("summary").click()
    assert first_folded.is_visible()
    if not javascript:
        shot(page, "entry-folded-open-no-js")


def test_a_large_entry_leads_to_a_documents_pages_and_back(visit):  # noqa: F811
    v = visit()
    page = v.goto("real/places/japan/index.html")
    page.click(f"section[aria-labelledby='doc-{THESIS}'] p.more-hits a")
    page.wait_for_url(f"**/real/places/japan/{THESIS}/index.html")
    assert page.locator("ol.hits > li").count() == 200
    page.locator("nav.pager").first.get_by_role("link", name="2", exact=True).click()
    page.wait_for_url(f"**/real/places/japan/{THESIS}/2/index.html")
    assert page.locator("ol.hits").get_attribute("start") == "201"
    page.click("nav.breadcrumbs a >> nth=1")
    page.wait_for_url(f"**/real/places/japan/index.html#doc-{THESIS}")
    assert in_viewport(page, f"#doc-{THESIS}")


def test_an_old_year_anchor_of_the_chronology_leads_to_the_years_page(visit):  # noqa: F811
    v = visit()
    page = v.goto("real/chronology/index.html#y1925")
    assert in_viewport(page, "#y1925")
    page.click("#y1925 > a")
    page.wait_for_url("**/real/chronology/1925/index.html#y1925")
    assert in_viewport(page, "#y1925")
    assert page.locator("ol.events > li").count() > 0


def test_an_old_address_in_the_dvp_concordance_leads_to_its_volume_s_page(visit):  # noqa: F811
    """The concordance is a page per volume: an address made when it was one page (dvp/#dvp-6-123) goes
    on to the volume's page, at that anchor; the volume's page leads back to the list of volumes."""
    from browser.sites import part_map, real_site

    volumes = part_map(real_site() / "dvp" / "index.html")
    folder, anchors = max(volumes.items(), key=lambda item: len(item[1]))
    anchor = anchors[-1]
    page = visit().goto(f"real/dvp/index.html#{anchor}")
    page.wait_for_url(f"**/real/dvp/{folder}index.html#{anchor}")
    assert in_viewport(page, f"[id='{anchor}']")
    shot(page, "dvp-volume-from-old-anchor")
    page.click("nav.breadcrumbs a")
    page.wait_for_url("**/real/dvp/index.html")
    assert page.locator("ul.concordance-volumes > li").count() == len(volumes)
