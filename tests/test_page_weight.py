"""The weight of the pages of the longest document (the thesis) in the real build, and that nothing is lost.

The thesis's text and notes alone are 415 KB of UTF-8: one page cannot keep to the issue's targets and
keep its text, so a document past ``part_kilobytes`` of reading text is split into parts at its chapters
(site/parts.py). Every part is held to the targets: at most 400 KB of HTML, 60 KB gzipped and 4,000
elements. All the parts together carry every paragraph, page break, note, note marker and mention link
of the TEI exactly once, without JavaScript; the first page's map names every anchor of the later parts.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter

import pytest
from browser.sites import fixture_site, real_site
from conftest import NS, THESIS
from lxml import etree, html

T = f"{{{NS['t']}}}"
NAME_TAGS = ("persName", "placeName", "orgName")


def part_files(folder):
    """A document's pages: its own, then its later parts' (n/index.html) in their order."""
    later = sorted(folder.glob("*/index.html"), key=lambda path: int(path.parent.name))
    return [folder / "index.html", *later]


@pytest.fixture(scope="module")
def thesis():
    site = real_site()
    files = part_files(site / "documents" / THESIS)
    data = [path.read_bytes() for path in files]
    tei = etree.parse(str(site / "tei" / f"{THESIS}.xml")).getroot()
    registers = etree.parse(str(site / "tei" / "registers.xml")).getroot()
    return data, [html.fromstring(page) for page in data], tei, registers


def test_every_page_of_the_thesis_keeps_to_the_targets(thesis):
    data, pages, _, _ = thesis
    assert len(pages) > 1, "the thesis is one page: it was not split"
    for number, (raw, page) in enumerate(zip(data, pages, strict=True), start=1):
        elements = sum(1 for el in page.iter() if isinstance(el.tag, str))
        assert len(raw) <= 400_000, f"part {number}: {len(raw)} bytes"
        assert len(gzip.compress(raw, 9)) <= 60_000, f"part {number}: {len(gzip.compress(raw, 9))} gzipped"
        assert elements <= 4000, f"part {number}: {elements} elements"


def test_only_a_long_document_is_split():
    for folder in (real_site() / "documents").iterdir():
        assert (len(part_files(folder)) > 1) == (folder.name == THESIS), folder.name


def _ids(pages, xpath):
    return Counter(el.get("id") for page in pages for el in page.xpath(xpath))


def test_nothing_of_the_thesis_is_lost_and_nothing_doubled(thesis):
    _, pages, tei, registers = thesis
    body = tei.find(f"{T}text/{T}body")
    known = {el.get("{http://www.w3.org/XML/1998/namespace}id") for el in registers.iter()}
    mentions = [el for tag in NAME_TAGS for el in body.iter(f"{T}{tag}")
                if (el.get("ref") or "").split("#")[-1] in known]
    assert sum(len(page.xpath("//article//a[@class='m']")) for page in pages) == len(mentions)
    paragraphs = _ids(pages, "//section[@id='text']//p[@id]")
    assert len(paragraphs) == sum(1 for _ in body.iter(f"{T}p")) and set(paragraphs.values()) == {1}
    breaks = _ids(pages, "//section[@id='text']//span[contains(@class,'pb')][@id]")
    assert len(breaks) == sum(1 for _ in body.iter(f"{T}pb")) and set(breaks.values()) == {1}
    notes = list(body.iter(f"{T}note"))
    listed = _ids(pages, "//section[@id='notes']/ol/li[starts-with(@id,'fn')]")
    assert len(listed) == len(notes) and set(listed.values()) == {1}
    markers = _ids(pages, "//section[@id='text']//a[@class='fnref' or @class='fnref fnref-unanchored']")
    assert len(markers) == len(notes) and set(markers.values()) == {1}


def test_each_part_holds_the_notes_of_its_own_text(thesis):
    _, pages, _, _ = thesis
    for number, page in enumerate(pages, start=1):
        markers = page.xpath("//section[@id='text']//a[starts-with(@class,'fnref')]")
        called = {a.get("href")[1:] for a in markers}
        listed = {li.get("id") for li in page.xpath("//section[@id='notes']/ol/li")}
        assert called == listed, f"part {number}"


def test_the_first_page_maps_every_anchor_of_the_later_parts(thesis):
    _, pages, _, _ = thesis
    mapped = json.loads(pages[0].get_element_by_id("part-map").text)
    assert list(mapped) == [f"{n}/" for n in range(2, len(pages) + 1)]
    for number, page in enumerate(pages[1:], start=2):
        anchors = set(mapped[f"{number}/"].split())
        ids = page.xpath("//section[@id='text']//*[@id] | //section[@id='notes']//*[@id]")
        held = {el.get("id") for el in ids if el.get("id")[:1] in "pfs"}
        assert held and held <= anchors, f"part {number}: {sorted(held - anchors)[:5]}"
        assert not anchors & {el.get("id") for el in pages[0].xpath("//*[@id]")}


@pytest.mark.parametrize("site", ["real", "fixture"])
def test_each_title_is_on_a_page_once_on_the_first_link(site):
    """A register entry's name is the title of its first link on the page (site.js gives it to the
    others), a citation's kind the title of the first citation of that kind; a date's words stand as
    its title only where they say more than the text."""
    folder = real_site() if site == "real" else fixture_site()
    for path in sorted(path for doc in (folder / "documents").iterdir() for path in part_files(doc)):
        page = html.parse(str(path)).getroot()
        links = page.xpath("//article//a[@class='m']")
        titled = Counter(a.get("href") for a in links if a.get("title"))
        assert set(titled) == {a.get("href") for a in links} and set(titled.values()) <= {1}, path
        for kind in {a.get("class") for a in page.xpath("//article//a[starts-with(@class,'bibl ')]")}:
            assert len(page.xpath(f"//article//a[@class='{kind}'][@title]")) == 1, (path, kind)
        assert not page.xpath("//article//*[@title][not(self::a or self::span[@class='pb-n'])]"
                              "[@title=normalize-space(.)]"), path


def test_each_part_names_itself_in_its_title_and_canonical_url(thesis):
    _, pages, _, _ = thesis
    titles = set()
    for number, page in enumerate(pages, start=1):
        (current,) = page.xpath("//nav[@class='part-nav']//a[@aria-current='page']")
        assert current.text_content().strip() in page.findtext(".//title"), number
        (canonical,) = page.xpath("//link[@rel='canonical']/@href")
        assert canonical.endswith(f"/documents/{THESIS}/" + (f"{number}/" if number > 1 else ""))
        titles.add(page.findtext(".//title"))
    assert len(titles) == len(pages)
