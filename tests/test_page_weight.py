"""The weight of the largest document page (the thesis) in the real build, and that nothing is lost.

The thesis's text and notes alone are 415 KB of UTF-8 (94 KB gzipped): the page cannot be smaller than
that and keep its text. What the build controls is the markup around it, and it is held to a budget:
the page at most 1.62 times its text (it was 1.78 with every mention link titled), gzipped at most 1.33
times its text gzipped, and at most 4,000 elements. Every paragraph, page and note anchor, every note,
every page number and every mention link of the TEI is still on the page, without JavaScript.
"""

from __future__ import annotations

import gzip
from collections import Counter

import pytest
from browser.sites import fixture_site, real_site
from conftest import NS, THESIS
from lxml import etree, html

T = f"{{{NS['t']}}}"
NAME_TAGS = ("persName", "placeName", "orgName")


@pytest.fixture(scope="module")
def thesis():
    site = real_site()
    data = (site / "documents" / THESIS / "index.html").read_bytes()
    tei = etree.parse(str(site / "tei" / f"{THESIS}.xml")).getroot()
    registers = etree.parse(str(site / "tei" / "registers.xml")).getroot()
    return data, html.fromstring(data), tei, registers


def test_the_thesis_page_keeps_to_its_budget(thesis):
    data, page, _, _ = thesis
    text = page.text_content().encode("utf-8")
    elements = sum(1 for el in page.iter() if isinstance(el.tag, str))
    packed, text_packed = len(gzip.compress(data, 9)), len(gzip.compress(text, 9))
    assert elements <= 4000
    assert len(data) <= 1.62 * len(text), f"{len(data)} bytes for {len(text)} bytes of text"
    assert packed <= 1.33 * text_packed, f"{packed} bytes gzipped for {text_packed} of text gzipped"


def test_nothing_of_the_thesis_is_lost_without_javascript(thesis):
    _, page, tei, registers = thesis
    body = tei.find(f"{T}text/{T}body")
    known = {el.get("{http://www.w3.org/XML/1998/namespace}id") for el in registers.iter()}
    mentions = [el for tag in NAME_TAGS for el in body.iter(f"{T}{tag}")
                if (el.get("ref") or "").split("#")[-1] in known]
    links = page.xpath("//article//a[@class='m']")
    assert len(links) == len(mentions)
    assert len(page.xpath("//section[@id='text']//p[@id]")) == sum(1 for _ in body.iter(f"{T}p"))
    assert len(page.xpath("//section[@id='text']//span[contains(@class,'pb')][@id]")) == sum(
        1 for _ in body.iter(f"{T}pb"))
    notes = list(body.iter(f"{T}note"))
    assert len(page.xpath("//section[@id='notes']/ol/li[starts-with(@id,'fn')]")) == len(notes)
    markers = page.xpath("//section[@id='text']//a[@class='fnref' or @class='fnref fnref-unanchored']")
    assert len(markers) == len(notes)


@pytest.mark.parametrize("site", ["real", "fixture"])
def test_each_title_is_on_a_page_once_on_the_first_link(site):
    """A register entry's name is the title of its first link on the page (site.js gives it to the
    others), a citation's kind the title of the first citation of that kind; a date's words stand as
    its title only where they say more than the text."""
    folder = real_site() if site == "real" else fixture_site()
    for path in sorted((folder / "documents").glob("*/index.html")):
        page = html.parse(str(path)).getroot()
        links = page.xpath("//article//a[@class='m']")
        titled = Counter(a.get("href") for a in links if a.get("title"))
        assert set(titled) == {a.get("href") for a in links} and set(titled.values()) <= {1}, path
        for kind in {a.get("class") for a in page.xpath("//article//a[starts-with(@class,'bibl ')]")}:
            assert len(page.xpath(f"//article//a[@class='{kind}'][@title]")) == 1, (path, kind)
        assert not page.xpath("//article//*[@title][not(self::a or self::span[@class='pb-n'])]"
                              "[@title=normalize-space(.)]"), path
