"""Text in a language inside the markup of another: on the built seed site, every Russian text of an English
page (titles, snippets, register names, citations, the site's own Russian settings) stands in an element
of lang="ru", and the English text of the Russian pages in one of lang="en", so that screen readers,
hyphenation and fonts treat it as what it is. The search page gives its filters' values (codes in the one
index) in its own words."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser.search_sites import CONVENTION, URUMQI
from browser.sites import real_site
from lxml import html

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# A <title> holds text only (it takes the page's language): a mixed page title cannot mark its parts.
TEXT_ONLY = {"title"}
SKIPPED = {"script", "style"}


def lang_of(el) -> str | None:
    """The language of an element's text: its own lang, or the nearest ancestor's."""
    while el is not None:
        if el.get("lang") is not None:
            return el.get("lang")
        el = el.getparent()
    return None


def texts(page: Path) -> Iterator[tuple[object, str]]:
    """Every piece of text of a page with the element it is in (for a tail: the parent's)."""
    for el in html.parse(str(page)).getroot().iter():
        if not isinstance(el.tag, str) or el.tag in SKIPPED | TEXT_ONLY:
            continue
        if el.text:
            yield el, el.text
        parent = el.getparent()
        if el.tail and parent is not None and parent.tag not in SKIPPED | TEXT_ONLY:
            yield parent, el.tail


@pytest.fixture(scope="module")
def site() -> Path:
    return real_site()


def test_every_russian_text_of_an_english_page_is_marked_russian(site: Path) -> None:
    pages = sorted((site / "en").rglob("*.html"))
    assert len(pages) > 50  # the documents, every register entry, the chronology's pages, …
    unmarked, marked = [], 0
    for page in pages:
        assert html.parse(str(page)).getroot().get("lang") == "en"
        for el, text in texts(page):
            if CYRILLIC.search(text):
                if (lang_of(el) or "").startswith("ru"):
                    marked += 1
                else:
                    unmarked.append((str(page.relative_to(site)), el.tag, text.strip()[:60]))
    assert unmarked == [], f"{len(unmarked)} Russian texts on English pages not marked: {unmarked[:10]}"
    assert marked > 5000  # the snippets of the registers and the chronology among them


def test_the_english_pages_mark_each_kind_of_russian_text(site: Path) -> None:
    def doc(path: str):
        return html.parse(str(site / "en" / path / "index.html")).getroot()

    entry = doc("places/japan")
    assert entry.xpath("//h1")[0].get("lang") == "ru"
    assert all(p.get("lang") == "ru" for p in entry.xpath("//p[@class='snippet']"))
    works = doc("works-cited")
    assert {p.get("lang") for p in works.xpath("//p[@class='work']")} == {"ru"}  # the seed's works: Russian
    home = doc("")
    assert home.xpath("//nav[@class='site-nav']//a[.='ДВП']")[0].get("lang") == "ru"
    about = doc("about")
    assert about.xpath("//ul[@class='edition-sources']/li/a")[0].get("lang") == "ru"


def test_english_text_on_the_russian_pages_is_marked_english(site: Path) -> None:
    # The English abstract of a Russian article: its dates in the chronology are shown in English.
    chronology = [html.parse(str(p)).getroot() for p in (site / "chronology").rglob("index.html")]
    english = [p for root in chronology for p in root.xpath("//p[@class='snippet'][@lang='en']")]
    assert english and all(not CYRILLIC.search(p.text_content()) for p in english)
    assert any(URUMQI in a.get("href") for p in english
               for a in p.getparent().xpath(".//p[@class='where']/a"))
    # No Russian snippet is marked: it is in the page's language.
    assert not [p for root in chronology for p in root.xpath("//p[@class='snippet'][@lang='ru']")]


def test_the_search_page_gives_the_index_s_codes_in_its_own_words(site: Path) -> None:
    def words(path: Path) -> dict:
        block = html.parse(str(path)).getroot().get_element_by_id("search-filter-words")
        return json.loads(block.text)

    english, russian = words(site / "en/search/index.html"), words(site / "search/index.html")
    assert english["lang"] == "en" and russian["lang"] == "ru"
    assert english["labels"]["kind"] == {"article": "Article", "thesis": "Thesis",
                                         "textbook-chapter": "Textbook chapter"}
    assert russian["labels"]["kind"]["thesis"] == "Квалификационная работа"
    assert english["labels"]["language"] == {"ru": "Russian", "en": "English"}
    assert set(english["langs"]["document"].values()) == {"ru"}
    # The index gives the kinds by their codes, the same for every interface language.
    page = (site / "documents" / CONVENTION / "index.html").read_text(encoding="utf-8")
    assert 'data-pagefind-filter="kind:article"' in page
