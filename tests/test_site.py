"""The reading site, checked on the real built pages (and on the apparatus fixture edition).

The real edition is built once per session (browser.sites.real_site); the fixture edition has every
apparatus element of docs/TEI-ENCODING.md with a registers file (browser/apparatus_fixture.py).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import threading
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import apparatus_fixture as fx
from browser.sites import fixture_site, real_site
from conftest import CONVENTION, NS, TEXTBOOK, THESIS, URUMQI
from lxml import etree, html

from diplo_edition.diagnostics import InputError
from diplo_edition.editions import SITE_FOLDERS, PrintedSeries, load_edition
from diplo_edition.linkcheck import check_links
from diplo_edition.output_folder import BUILD_LIST
from diplo_edition.serve import PreviewServer, _Handler, _Server
from diplo_edition.site import render_site

ROOT = Path(__file__).resolve().parents[1]
BASE_URL = "https://diplo-edition.example.org/"
T = f"{{{NS['t']}}}"
# A place's citation after GOST R 7.0.100-2018: the document, the edition, its pages (an inferred number
# in brackets) or else its paragraph, its address.
CITE = re.compile(
    r"^.+\. — Текст : электронный // .+\. — (?:С\.\u00a0[\[\]\d–]+\. — |абз\.\u00a0\d+\. — )?"
    r"URL: (\S+) \(дата обращения: ДД\.ММ\.ГГГГ\)\.$"
)


@pytest.fixture(scope="module")
def site() -> Path:
    return real_site()


@pytest.fixture(scope="module")
def fixture() -> Path:
    return fixture_site()


def cite_of(doc, opener) -> str:
    """The citation site.js makes for a page or paragraph number: the article's pattern filled in (the
    pages, an inferred page number in brackets, or a paragraph's number where no page is known)."""
    (article,) = doc.xpath("//article[@data-cite]")
    pages = opener.get("data-pages")
    paragraph = text(opener).lstrip("¶") if "cite-p" in opener.get("class") else ""
    if pages and opener.xpath("ancestor::*[contains(@class,'pb-inferred')]") and not pages.startswith("["):
        pages = f"[{pages}]"
    name = "data-cite" if pages else "data-cite-paragraph" if paragraph else "data-cite-unpaged"
    pattern = article.get(name)
    return (pattern.replace("{pages}", pages or "").replace("{paragraph}", paragraph)
            .replace("{anchor}", opener.get("href")[1:]))


def page(root: Path, path: str):
    return html.parse(str(root / path)).getroot()


def doc_page(root: Path, doc_id: str):
    return page(root, f"documents/{doc_id}/index.html")


def doc_parts(root: Path, doc_id: str) -> list:
    """A document's pages: its own, then those of its later parts (a long document is split into parts
    at its chapters, site/parts.py), with the address of each from the document's ("", "2/", …)."""
    later = sorted((root / "documents" / doc_id).glob("*/index.html"), key=lambda path: int(path.parent.name))
    return [(doc_page(root, doc_id), ""),
            *((html.parse(str(path)).getroot(), f"{path.parent.name}/") for path in later)]


def holder(parts: list, anchor: str):
    """The part (its page, its address) that holds anchor."""
    (held,) = [(doc, at) for doc, at in parts if doc.xpath(f"//*[@id='{anchor}']")]
    return held


def text(el) -> str:
    return re.sub(r"\s+", " ", el.text_content()).strip()


# --- link checking -----------------------------------------------------------------------------------


def test_no_broken_link_or_anchor_in_the_real_site(site):
    broken, total = check_links(site)
    assert total > 2000
    assert broken == []


def test_no_broken_link_or_anchor_in_the_fixture_site(fixture):
    broken, total = check_links(fixture, base_path=urlsplit(fx.BASE_URL).path)
    assert total > 200
    assert broken == []


def test_the_link_check_finds_a_missing_page_a_missing_anchor_and_a_link_outside(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here">x</p>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#here">ok</a><a href="#top" id="top">ok</a>\n'
        '<a href="b/index.html">no page</a>\n<a href="a/index.html#gone">no anchor</a>\n'
        '<a href="/elsewhere/x.html">outside</a><a href="https://example.org/">external</a>',
        encoding="utf-8",
    )
    broken, total = check_links(tmp_path, base_path="/edition/")
    assert total == 6
    assert [(d.file, d.line) for d in broken] == [("build/index.html", 2), ("build/index.html", 3),
                                                  ("build/index.html", 4)]
    messages = " | ".join(d.message for d in broken)
    assert "'b/index.html' points to no file" in messages
    assert "anchor '#gone'" in messages
    assert "'/elsewhere/x.html' points outside the site, which is published at /edition/" in messages



# --- the pages ---------------------------------------------------------------------------------------


def test_every_page_of_the_site_is_written(site):
    expected = [
        "index.html", "about/index.html", "search/index.html", "404.html", "sitemap.xml",
        "persons/index.html", "places/index.html", "organisations/index.html", "archives/index.html",
        "dvp/index.html", "chronology/index.html", "works-cited/index.html",
        "static/site.css", "static/site.js", "static/favicon.svg",
    ] + [f"documents/{d}/index.html" for d in (THESIS, URUMQI, CONVENTION, TEXTBOOK)] + [
        f"tei/{d}.xml" for d in (THESIS, URUMQI, CONVENTION, TEXTBOOK)
    ]
    for path in expected:
        assert (site / path).is_file(), path


def test_home_cards_show_what_is_known_and_the_opening_lines(site):
    """A card shows the author, date, kind, pages (printed range and count) and notes the TEI has, never a
    dash for what it has not, and the first lines of the abstract (of the text where there is none)."""
    home = page(site, "index.html")
    assert "распознаванием печатных изданий" in text(home.xpath("//div[contains(@class,'intro')]")[0])
    cards = home.xpath("//li[contains(@class,'doc-card')]")
    assert len(cards) == 4
    for card in cards:
        labels = [text(dt) for dt in card.xpath(".//dt")]
        assert {"Вид", "Язык", "Страницы"} <= set(labels) <= {"Автор", "Авторы", "Дата", "Вид", "Язык",
                                                              "Страницы", "Примечания"}
        assert "—" not in [text(dd) for dd in card.xpath(".//dd")]
        href = card.xpath(".//h3/a/@href")[0]
        assert (site / href).is_file()
        # No printed titles in this edition: the editor's titles, in square brackets.
        assert text(card.xpath(".//h3")[0]).startswith("[")
        (opening,) = card.xpath(".//p[@class='doc-opening']")
        assert 100 < len(text(opening)) <= 281
    thesis = [c for c in cards if THESIS in c.xpath(".//h3/a/@href")[0]][0]
    assert [text(dd) for dd in thesis.xpath(".//dd")] == [
        "Квалификационная работа", "русский", "с. 3–91 · 89 страниц", "234"]
    assert text(thesis.xpath(".//p[@class='doc-opening']")[0]).startswith("Актуальность темы исследования")
    # The Urumqi article's abstract is in English only: its first lines, marked as English.
    urumqi = [c for c in cards if URUMQI in c.xpath(".//h3/a/@href")[0]][0]
    (opening,) = urumqi.xpath(".//p[@class='doc-opening']")
    assert opening.get("lang") == "en" and text(opening).startswith("The author focuses on")


def test_about_names_the_licences_the_version_the_data_and_the_sources(site):
    about = page(site, "about/index.html")
    facts = dict(zip(map(text, about.xpath("//dl[@class='edition-facts']//dt")),
                     map(text, about.xpath("//dl[@class='edition-facts']//dd")), strict=True))
    edition = load_edition(ROOT).collection
    assert facts["Лицензия издания"] == edition.licence and "CC BY 4.0" in edition.licence
    assert facts["Права на тексты"] == edition.texts_licence
    assert re.fullmatch(r"diplo-edition \d+\.\d+\.\d+", facts["Версия"])
    assert re.fullmatch(r"\d{1,2} [а-я]+ \d{4} г\.", facts["Состояние данных на"])
    sources = about.xpath("//ul[@class='edition-sources']/li")
    assert len(sources) == 4
    raw = ROOT / "sources" / f"{THESIS}.thesis.ru.txt"
    digest = hashlib.sha256(raw.read_bytes()).hexdigest()
    assert about.xpath(f"//code[@title='{digest}']"), "the thesis' raw file with its SHA-256"
    assert f"{raw.stat().st_size} байт" in text(about.xpath("//ul[@class='edition-sources']")[0])
    assert about.xpath("//section[contains(@class,'cite-edition')]//textarea")
    # collection.yml names no editors: About says so, and how to name them; it invents none
    assert not edition.editors
    assert facts["Редакторы"].startswith("Не названы.") and "editors:" in facts["Редакторы"]
    english = page(site, "en/about/index.html").xpath("//div[@class='edition-editors-none']/dd")[0]
    assert text(english).startswith("None named.") and 'editors: ["A. B. Ivanov"]' in text(english)


def test_thesis_reader_page_has_every_footnote_once_with_back_links(site, trees):
    """Each note is stored once, in the list of notes, with its way back to the marker (site.js makes the
    pop-over beside the marker from it)."""
    parts = doc_parts(site, THESIS)
    assert len(parts) > 1
    assert not any(doc.xpath("//*[contains(@class,'fn ') or @class='fn']") for doc, _ in parts)
    endnotes = [(note, doc) for doc, _ in parts for note in doc.xpath("//section[@id='notes']/ol/li")]
    assert len(endnotes) == 234
    tei_notes = trees[THESIS].findall(".//t:body//t:note", NS)
    for n, ((note, doc), tei_note) in enumerate(zip(endnotes, tei_notes, strict=True), start=1):
        assert note.get("id") == f"fn{n}"
        assert note.xpath("./a[@class='en-n']/@href") == [f"#fnref{n}"]
        marker = doc.get_element_by_id(f"fnref{n}")
        assert marker.get("href") == f"#fn{n}" and marker.get("aria-label") == f"Примечание {n}"
        assert marker.xpath("ancestor::section[@id='text']")
        body = text(note)[len(str(n)):].strip()
        assert body.startswith(re.sub(r"\s+", " ", "".join(tei_note.itertext())).strip()[:20])


def test_thesis_original_pages_are_addressable(site):
    parts = doc_parts(site, THESIS)
    links = []
    for n in range(3, 92):
        doc, at = holder(parts, f"page-{n}")
        links.append(f"#page-{n}" if not at else f"../../documents/{THESIS}/{at}index.html#page-{n}")
        (span,) = doc.xpath(f"//span[@id='page-{n}']")
        assert span.xpath("./a[@class='pb-n']/@href") == [f"#page-{n}"]
        (number,) = span.xpath("./a[@class='pb-n']")
        assert number.get("data-pages") == str(n)
        cited = f"[{n}]" if "pb-inferred" in span.get("class") else str(n)  # a number not printed
        assert f"С.\u00a0{cited}. — URL: {BASE_URL}documents/{THESIS}/{at}#page-{n} " in cite_of(doc, number)
    # The list of pages of the first part leads to every page, in the part that holds it.
    assert [a.get("href") for a in parts[0][0].xpath("//ul[@class='page-links']//a")] == links


def test_thesis_paragraph_anchors_and_cite_links(site, trees):
    """Each paragraph's ¶ number is its address, and carries its pages for the cite box site.js makes."""
    parts = doc_parts(site, THESIS)
    count = len(trees[THESIS].findall(".//t:body//t:p", NS))
    paragraphs = [(p, doc, at) for doc, at in parts
                  for p in doc.xpath("//section[@id='text']//p[@class='para']")]
    assert [p.get("id") for p, _, _ in paragraphs] == [f"p{n}" for n in range(1, count + 1)]
    for p, doc, at in paragraphs:
        link = p[-1]
        assert link.get("class") == "cite-p" and link.get("href") == f"#{p.get('id')}"
        match = CITE.match(cite_of(doc, link))
        assert match, cite_of(doc, link)
        assert match.group(1) == f"{BASE_URL}documents/{THESIS}/{at}#{p.get('id')}"
    assert not any(doc.xpath("//section[@id='text']//textarea") for doc, _ in parts)  # no cite box stored
    doc = parts[0][0]
    first = cite_of(doc, doc.xpath("//a[@href='#p1'][@class='cite-p']")[0])
    assert first == (
        "[Советско-японские отношения в 1922–1941 гг. (магистерская работа)]. — Текст : электронный // "
        "Советская дипломатия 1920–1930-х годов: исследования. — diplo-edition. — С.\u00a0[3]. — "
        f"URL: {BASE_URL}documents/{THESIS}/#p1 (дата обращения: ДД.ММ.ГГГГ).")


def test_thesis_table_of_contents(site, trees):
    """Every part's contents lead to every heading, in the part that holds it."""
    parts = doc_parts(site, THESIS)
    heads = ["".join(h.itertext()) for h in trees[THESIS].findall(".//t:body//t:head", NS)]
    assert len(heads) == 10
    for doc, at in parts:
        entries = doc.xpath("//nav[@id='toc']//a[contains(@href,'#sec-')]")
        assert [text(a) for a in entries] == [re.sub(r"\s+", " ", h).strip() for h in heads]
        for a in entries:
            anchor = a.get("href").split("#")[1]
            held, held_at = holder(parts, anchor)
            root = "../../../" if at else "../../"
            assert a.get("href") == (f"#{anchor}" if held_at == at else
                                     f"{root}documents/{THESIS}/{held_at}index.html#{anchor}")
            assert held.get_element_by_id(anchor).tag in ("h2", "h3")
    # Chapters are h2, their sections h3, nested in the contents too.
    assert [h.tag for doc, _ in parts for h in doc.xpath("//section[@id='text']//*[@class='head']")] == [
        "h2", "h2", "h3", "h3", "h3", "h2", "h3", "h3", "h3", "h2"]


def test_the_reading_text_is_the_teis_text(site, trees):
    """Nothing added, nothing lost: the paragraphs read as the TEI's (notes, fw and page numbers aside)."""

    def tei_text(el) -> str:
        parts = [el.text or ""]
        for child in el:
            if child.tag == T + "choice":
                parts.extend(tei_text(c) for c in child if c.tag in (T + "corr", T + "reg", T + "expan"))
            elif child.tag == T + "app":
                readings = child.findall(T + "lem") or [
                    r for r in child.findall(T + "rdg") if r.get("wit", "").endswith("-wit-A")
                ] or child.findall(T + "rdg")
                parts.append(tei_text(readings[0]) if readings else "")
            elif child.tag not in (T + "note", T + "fw"):
                parts.append(tei_text(child))
            parts.append(child.tail or "")
        return "".join(parts)

    for doc_id in (THESIS, URUMQI, CONVENTION, TEXTBOOK):
        shown = []
        for doc, _ in doc_parts(site, doc_id):
            for el in doc.xpath("//*[contains(@class,'pb') or @class='fn' or contains(@class,'fnref') "
                                "or @class='vh' or @class='tip' or contains(@class,'cite')]"):
                el.drop_tree()
            shown += [text(p) for p in doc.xpath("//section[@id='text']//p[@class='para']")]
        expected = [re.sub(r"\s+", " ", tei_text(p)).strip()
                    for p in trees[doc_id].findall(".//t:body//t:p", NS)]
        assert shown == expected, doc_id


def test_pages_without_a_number_are_counted_never_invented(site):
    doc = doc_page(site, URUMQI)
    pages = doc.xpath("//span[starts-with(@id,'page-')]")
    assert [p.get("id") for p in pages] == [f"page-seq-{k}" for k in range(1, 6)]
    assert [p.xpath("./a")[0].get("aria-label") for p in pages] == [f"страница [{k}]" for k in range(1, 6)]
    # Paragraph citations give no page then, but the paragraph's number.
    (link,) = doc.xpath("//a[@href='#p1'][@class='cite-p']")
    assert link.get("data-pages") is None and " С.\u00a0" not in cite_of(doc, link)
    assert f" — абз.\u00a01. — URL: {BASE_URL}documents/{URUMQI}/#p1 " in cite_of(doc, link)
    # A page without a number is cited by its address alone.
    whole_page = cite_of(doc, pages[0].xpath("./a")[0])
    assert "абз." not in whole_page and " С.\u00a0" not in whole_page and whole_page.endswith(
        f"URL: {BASE_URL}documents/{URUMQI}/#page-seq-1 (дата обращения: ДД.ММ.ГГГГ).")


def test_the_urumqi_article_shows_its_english_abstract_beside_the_russian_text(site):
    doc = doc_page(site, URUMQI)
    assert doc.get("lang") == "ru"
    (abstract,) = doc.xpath("//section[@id='abstracts']/div[@class='abstract']")
    assert abstract.get("lang") == "en"
    assert text(abstract.xpath("./h2")[0]) == "Abstract"
    assert text(abstract).startswith("Abstract The author focuses on the application by the Soviet")
    assert abstract.getparent().getnext().get("id") == "text"


def test_the_convention_article_has_its_abstracts_side_by_side(site):
    doc = doc_page(site, CONVENTION)
    (section,) = doc.xpath("//section[@id='abstracts']")
    assert "abstracts-two" in section.get("class")
    assert [d.get("lang") for d in section.xpath("./div")] == ["ru", "en"]
    keywords = section.xpath("./div[@lang='en']/p[@class='keywords']")[0]
    assert "protection of rights" in text(keywords)
    # The page breaks in the abstracts are pages of the document, counted from the first.
    assert section.xpath(".//span[@id='page-seq-1']")


def test_highwire_citation_meta_tags(site):
    for doc_id in (THESIS, URUMQI, CONVENTION, TEXTBOOK):
        doc = doc_page(site, doc_id)
        meta = {m.get("name"): m.get("content") for m in doc.xpath("//meta[starts-with(@name,'citation_')]")}
        assert meta["citation_title"] == text(doc.xpath("//h1")[0])
        assert meta["citation_fulltext_html_url"] == f"{BASE_URL}documents/{doc_id}/"
        assert meta["citation_language"] == "ru"
        assert "citation_pdf_url" not in meta  # there is no PDF
        assert "citation_author" not in meta  # no author is known; none is invented
        assert "citation_publication_date" not in meta
        assert meta["citation_public_url"] == meta["citation_fulltext_html_url"]
        assert meta["citation_inbook_title"] == "Советская дипломатия 1920–1930-х годов: исследования"
        assert meta["citation_publisher"] == "diplo-edition"
    thesis = doc_page(site, THESIS)
    assert thesis.xpath("//meta[@name='citation_firstpage']/@content") == ["3"]
    assert thesis.xpath("//meta[@name='citation_lastpage']/@content") == ["91"]


def test_every_page_has_lang_canonical_url_and_is_in_the_sitemap(site):
    sitemap = etree.parse(str(site / "sitemap.xml"))
    locations = sitemap.xpath("//s:loc/text()", namespaces={"s": "http://www.sitemaps.org/schemas/sitemap/0.9"})
    pages = sorted(site.rglob("*.html"))
    canonicals = []
    for path in pages:
        doc = html.parse(str(path)).getroot()
        assert doc.get("lang"), path
        rel = path.relative_to(site).as_posix()
        if rel.endswith("404.html"):  # 404.html, en/404.html
            assert not doc.xpath("//link[@rel='canonical']")
            continue
        (canonical,) = doc.xpath("//link[@rel='canonical']/@href")
        expected = BASE_URL + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        assert canonical == expected
        canonicals.append(canonical)
    assert sorted(locations) == sorted(canonicals)
    assert len(set(locations)) == len(locations)


def test_no_external_requests(site):
    for path in sorted(site.rglob("*.html")):
        doc = html.parse(str(path)).getroot()
        # canonical and hreflang links name addresses: the browser fetches none of them
        for url in doc.xpath("//script/@src | //link[not(@rel='canonical' or @hreflang)]/@href | "
                             "//img/@src | //iframe/@src | //source/@src | //video/@src | //audio/@src"):
            assert not urlsplit(url).scheme and not url.startswith("//"), (path, url)
        for style in doc.xpath("//style/text() | //@style"):
            assert "url(" not in style and "@import" not in style
    css = (site / "static" / "site.css").read_text(encoding="utf-8")
    assert "@import" not in css
    # The only files the stylesheet loads are its fonts, beside it in the site (relative: from disk too).
    urls = re.findall(r"url\(([^)]*)\)", css)
    assert urls and all(u.startswith("fonts/") and (site / "static" / u).is_file() for u in urls)


def test_scripts_only_enhance(site):
    """Without JavaScript: notes open by :target, the document's cite text is there to select and "How to
    cite" shows the form of a place's citation, copy buttons wait hidden."""
    doc = doc_page(site, THESIS)
    assert doc.xpath("//script/@src") == ["../../static/site.js", "../../static/search-highlight.js"]
    assert all(s.get("defer") is not None for s in doc.xpath("//script[@src]"))
    # the inline scripts are data: the words the script shows, in the page's language, and the first
    # page's map of the parts of a long document
    assert [s.get("id") for s in doc.xpath("//script[not(@src)]")] == ["site-words", "part-map"]
    assert {s.get("type") for s in doc.xpath("//script[not(@src)]")} == {"application/json"}
    assert json.loads(doc.get_element_by_id("site-words").text)["copy"] == "Копировать"
    assert all(b.get("hidden") is not None for b in doc.xpath("//button[contains(@class,'copy')]"))
    css = (site / "static" / "site.css").read_text(encoding="utf-8")
    assert ".endnotes li:target" in css and "@media print" in css
    how = text(doc.get_element_by_id("how-to-cite"))
    assert f"С. 45–46. — URL: {BASE_URL}documents/{THESIS}/#p12 (дата обращения: ДД.ММ.ГГГГ)." in how
    assert f"абз. 12. — URL: {BASE_URL}documents/{THESIS}/#p12 (дата обращения: ДД.ММ.ГГГГ)." in how
    assert "#page-45" in how


def test_search_page_without_javascript_lists_every_document(site):
    search = page(site, "search/index.html")
    (field,) = search.xpath("//main//form[@role='search']//input[@type='search']")
    assert search.xpath(f"//label[@for='{field.get('id')}']")
    listed = search.xpath("//ul[@class='search-doc-list']/li/a/@href")
    assert sorted(listed) == sorted(f"../documents/{d.id}/index.html" for d in load_edition(ROOT).documents)
    assert "с. 3–91" in text(search)  # the thesis's original pages


def test_about_page_renders_the_markdown(site):
    about = page(site, "about/index.html")
    (prose,) = about.xpath("//div[contains(@class,'prose')]")
    assert prose.get("lang") == "en"  # the about text is written in English
    assert text(prose.xpath(".//h2")[0]) == "Editorial principles"
    assert prose.xpath(".//code[text()='sources/']")


def test_registers_exist_even_without_entries(tmp_path):
    out = tmp_path / "site"
    fx.render_fixture_site(out, registers=False)
    for kind in ("persons", "places", "organisations"):
        register = page(out, f"{kind}/index.html")
        assert "registers.xml" in text(register)
        assert not register.xpath("//ul[@class='entries']")
    doc = doc_page(out, fx.DOC_ID)
    # Mentions stay in the text, unlinked.
    assert [text(s) for s in doc.xpath("//p[@id='p1']/span[contains(@class,'m-person')]")] == [
        "Л.М. Карахан", "Карахан (исправлено; в оригинале: «Карахнан»)"]
    assert not doc.xpath("//a[contains(@class,'m-person')]")


def test_two_builds_give_identical_files(site, tmp_path):
    edition = load_edition(ROOT)
    documents = [(site / "tei" / f"{d.id}.xml").read_bytes() for d in edition.documents]
    registers = site / "tei" / "registers.xml"
    registers_tei = registers.read_bytes() if registers.exists() else None
    outputs = []
    for name in ("a", "b"):
        out = tmp_path / name
        out.mkdir()
        render_site(out, edition.collection, documents, registers_tei)
        outputs.append({p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    assert outputs[0] == outputs[1]
    # tei/ and the build list are written by the build, pagefind/ and search/quotes/ by the search index.
    written_elsewhere = ("tei/", "pagefind/", "search/quotes/", BUILD_LIST)
    built = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
             if p.is_file() and not p.relative_to(site).as_posix().startswith(written_elsewhere)}
    assert built == outputs[0]


def test_markup_in_metadata_is_shown_as_text(tmp_path):
    title = "<script>alert(1)</script> {{ 7*7 }} & «кавычки»"
    tei = (fx.FIXTURE_TEI.decode()
           .replace('<title type="main">Переговоры в Урумчи</title>',
                    f'<title type="desc">{title.replace("&", "&amp;").replace("<", "&lt;")}</title>')
           .replace("<author>Иванов И.И.</author>", "", 1)).encode()
    render_site(tmp_path, fx.collection(title="<b>{{ 6*7 }}</b>"), [tei], None,
                templates=ROOT / "templates")
    raw = (tmp_path / "documents" / fx.DOC_ID / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in raw and "<b>" not in raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} &amp; «кавычки»" in raw
    assert "49" not in raw and "42" not in raw
    parsed = doc_page(tmp_path, fx.DOC_ID)
    assert text(parsed.xpath("//h1")[0]) == f"[{title}]"
    assert parsed.xpath("//meta[@name='citation_title']/@content") == [f"[{title}]"]
    assert not parsed.xpath("//body//script")
    home = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;{{ 6*7 }}&lt;/b&gt;" in home


# --- the apparatus (fixture edition) -----------------------------------------------------------------


def test_names_link_to_their_register_entries(fixture):
    doc = doc_page(fixture, fx.DOC_ID)
    links = {(a.get("href"), text(a)) for a in doc.xpath("//section[@id='text']//a[@class='m']")}
    assert ("../../persons/karakhan/index.html", "Л.М. Карахан") in links
    assert ("../../organisations/nkid/index.html", "НКИД") in links
    assert ("../../places/urumqi/index.html", "Урумчи") in links
    # A name with no register entry stays unlinked.
    assert doc.xpath("//span[contains(@class,'m-person')][text()='Некто']")
    # No link or focusable element is nested in a link.
    assert not doc.xpath("//a//a | //a//*[@tabindex]")


def test_register_entry_lists_every_mention_with_a_snippet_and_a_link(fixture):
    entry = page(fixture, "persons/karakhan/index.html")
    assert text(entry.xpath("//h1")[0]) == "Карахан, Лев Михайлович"
    assert entry.xpath("//p[@class='subtitle'][@lang='en']/text()") == ["Lev Karakhan"]
    hits = entry.xpath("//ol[@class='hits']/li")
    assert len(hits) == 3
    assert [h.xpath(".//p[@class='where']/a/@href")[0] for h in hits] == [
        f"../../documents/{fx.DOC_ID}/index.html#p1", f"../../documents/{fx.DOC_ID}/index.html#p1",
        f"../../documents/{fx.DOC_ID}/index.html#fn2"]
    assert [text(h.xpath(".//mark")[0]) for h in hits] == ["Л.М. Карахан", "Карахан", "Карахан"]
    assert text(hits[0].xpath(".//p[@class='where']")[0]) == "¶ 1, с. 45"
    index = page(fixture, "persons/index.html")
    assert [text(a) for a in index.xpath("//ul[@class='entries']/li/a")] == [
        "Карахан, Лев Михайлович", "Чичерин, Георгий Васильевич"]
    assert page(fixture, "persons/chicherin/index.html").xpath("//p[@class='empty']")


def test_corrections_show_the_corrected_reading_with_the_original_on_hover(fixture):
    doc = doc_page(fixture, fx.DOC_ID)
    (corr,) = doc.xpath("//span[@class='corr'][@tabindex='0']")
    assert corr.text == "переговоры"
    assert text(corr.xpath("./span[@class='tip']")[0]) == "(исправлено; в оригинале: «переговры»)"
    (app,) = doc.xpath("//span[@class='app']")
    assert app.text == "Синьцзян"
    assert text(app.xpath("./span[@class='tip']")[0]) == "(копия B: «Синцзян»)"


def test_archival_citations_and_their_index(fixture):
    doc = doc_page(fixture, fx.DOC_ID)
    hrefs = doc.xpath("//li[@id='fn1']//a[contains(@class,'bibl-archival')]/@href")
    assert hrefs == ["../../archives/index.html#arch-avp-rf_0100_5_3"]
    # "Там же" resolves to the same file, with its own folios.
    assert doc.xpath("//li[@id='fn2']//a[contains(@class,'bibl-archival')]/@href") == hrefs
    archives = page(fixture, "archives/index.html")
    node = archives.get_element_by_id("arch-avp-rf_0100_5_3")
    # GOST: a folio, a fond, an inventory, a file keep their number on the line (a no-break space)
    folios = [f.text_content() for f in node.xpath(".//span[@class='folio']")]
    assert folios == ["Л.\u00a012–14", "Л.\u00a020"]
    assert node.xpath(".//ul[@class='places']//a/@href")[1::2] == [
        f"../documents/{fx.DOC_ID}/index.html#fn1", f"../documents/{fx.DOC_ID}/index.html#fn2"]
    tree = archives.xpath("//ul[@class='tree']")[0]
    path = [text(el) for el in tree.xpath(".//li[contains(@class,'tree-node')]/span[@class='tree-label']")]
    # the archive named in full, from collection.yml's `archives:` table
    assert path == ["Архив: АВП РФ — Архив внешней политики Российской Федерации", "Фонд: Ф. 0100",
                    "Опись: Оп. 5", "Дело: Д. 3"]
    labels = tree.xpath(".//li[contains(@class,'tree-node')]/span[@class='tree-label']")
    assert [label.text_content().split(": ")[1] for label in labels[1:]] == [
        "Ф.\u00a00100", "Оп.\u00a05", "Д.\u00a03"]
    assert tree.xpath(".//abbr/@title") == ["Архив внешней политики Российской Федерации"]


def test_dvp_concordance(fixture):
    doc = doc_page(fixture, fx.DOC_ID)
    assert doc.xpath("//section[@id='notes']//li//a[contains(@class,'bibl-dvp')]/@href") == [
        "../../dvp/vol-6/index.html#dvp-6-123", "../../dvp/vol-x/index.html#dvp-x-15"]
    dvp = page(fixture, "dvp/index.html")  # the volumes, each a page of its own
    assert [text(a) for a in dvp.xpath("//ul[@class='concordance-volumes']/li")] == [
        "Том 6 1 страница", "Том не указан 1 страница"]
    assert dvp.xpath("//ul[@class='concordance-volumes']//a/@href") == [
        "../dvp/vol-6/index.html", "../dvp/vol-x/index.html"]
    volume = page(fixture, "dvp/vol-x/index.html")
    assert text(volume.xpath("//h1")[0]) == "Том не указан"
    assert volume.xpath("//nav[@class='breadcrumbs']//a/@href") == ["../../dvp/index.html"]
    assert volume.xpath("//nav[@class='letters']//a/@href") == ["../../dvp/vol-6/index.html", "#dvp-vol-x"]
    assert text(volume.get_element_by_id("dvp-x-15").xpath(".//ul[@class='places']")[0]).endswith(
        "прим. 4, с. [3] (С. 15–16)")
    assert page(fixture, "dvp/vol-6/index.html").get_element_by_id("dvp-6-123") is not None


SDD = PrintedSeries("sdd", "Сборник действующих договоров", ("Сборник действующих договоров", "СДД"), "СДД",
                    0)


def test_a_second_series_has_its_own_concordance_and_the_dvp_keeps_its_page(tmp_path):
    tei = fx.FIXTURE_TEI.decode().replace(
        'Ещё: <bibl type="dvp" n="dvp-x-15">',
        'Ещё: <bibl type="sdd" n="sdd-2-14"><title level="m">СДД</title>. <biblScope unit="volume" n="2">Т. 2'
        '</biblScope>. <citedRange unit="page" from="14" to="14">С. 14</citedRange></bibl>; '
        '<bibl type="dvp" n="dvp-x-15">').encode()
    collection = fx.collection(series=(*fx.collection().series, SDD))
    render_site(tmp_path, collection, [tei], fx.REGISTERS_TEI, templates=ROOT / "templates")
    doc = doc_page(tmp_path, fx.DOC_ID)
    assert doc.xpath("//section[@id='notes']//li//a[contains(@class,'bibl-sdd')]/@href") == [
        "../../sdd/vol-2/index.html#sdd-2-14"]
    assert set(doc.xpath("//a[contains(@class,'bibl-sdd')]/@title")) == {"Ссылка в конкордансе СДД"}
    sdd = page(tmp_path, "sdd/index.html")
    assert text(sdd.xpath("//h1")[0]) == "Конкорданс к изданию «Сборник действующих договоров»"
    assert sdd.xpath("//ul[@class='concordance-volumes']//a/@href") == ["../sdd/vol-2/index.html"]
    assert page(tmp_path, "sdd/vol-2/index.html").get_element_by_id("sdd-2-14") is not None
    assert sdd.xpath("//nav[@class='site-nav']//a[@aria-current='page']/@href") == ["../sdd/index.html"]
    dvp = page(tmp_path, "dvp/index.html")
    assert dvp.xpath("//ul[@class='concordance-volumes']//a/@href") == [
        "../dvp/vol-6/index.html", "../dvp/vol-x/index.html"]
    home = page(tmp_path, "index.html")
    assert [text(a) for a in home.xpath("//nav[@class='site-nav']//a")][5:7] == ["ДВП", "СДД"]
    assert "sdd/index.html" in home.xpath("//ul[@class='index-list']//a/@href")


def test_no_series_declared_no_concordance(tmp_path):
    report = render_site(tmp_path, fx.collection(series=()), [fx.FIXTURE_TEI], None,
                         templates=ROOT / "templates")
    assert not (tmp_path / "dvp").exists() and "dvp/index.html" not in report.pages
    doc = doc_page(tmp_path, fx.DOC_ID)
    # a citation of a series the table does not declare is one more work cited
    hrefs = doc.xpath("//a[contains(@class,'bibl-dvp')]/@href")
    assert hrefs and all(h.startswith("../../works-cited/index.html#w-") for h in hrefs)


def test_a_document_is_shown_from_its_tei_alone(tmp_path):
    """Kind, languages, supplied title and id come from the TEI: the site is given nothing else."""
    tei = (fx.FIXTURE_TEI.decode()
           .replace('<title type="main">Переговоры в Урумчи</title>', '<title type="desc">Из TEI</title>')
           .replace('target="#kind-article"', 'target="#kind-thesis"')
           .replace('<language ident="en">English</language>', '<language ident="de">German</language>')
           ).encode()
    report = render_site(tmp_path, fx.collection(), [tei], None, templates=ROOT / "templates")
    view = report.views[0]
    assert (view.id, view.kind, view.languages, view.title) == (fx.DOC_ID, "thesis", ("ru", "de"), "[Из TEI]")
    doc = doc_page(tmp_path, fx.DOC_ID)
    assert text(doc.xpath("//p[@class='kicker']")[0]).startswith("Квалификационная работа ·")
    no_kind = re.sub(r'<catRef [^>]*/>', "", tei.decode()).encode()
    report = render_site(tmp_path / "b", fx.collection(), [no_kind], None,
                         templates=ROOT / "templates")
    assert report.views[0].kind is None
    assert "None" not in (tmp_path / "b" / "documents" / fx.DOC_ID / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", ["archives", "en"])  # en/: the English interface's pages
def test_a_series_id_that_is_a_folder_of_the_site_is_refused(tmp_path, folder):
    (tmp_path / "editions").mkdir()
    text_ = (ROOT / "editions" / "collection.yml").read_text(encoding="utf-8")
    text_ = text_.replace("- id: dvp", f"- id: {folder}")
    (tmp_path / "editions" / "collection.yml").write_text(text_, encoding="utf-8")
    line = next(k for k, row in enumerate(text_.splitlines(), 1) if f"- id: {folder}" in row)
    with pytest.raises(InputError) as raised:
        load_edition(tmp_path)
    assert f"collection.yml:{line}" in str(raised.value)
    assert f"series id '{folder}' is the site's own folder {folder}/" in str(raised.value)


def test_site_folders_are_known_to_the_series_check(site):
    """Every top-level folder of the built site is one the series table may not take, or a series'."""
    collection = load_edition(ROOT).collection
    series = {s.id for s in collection.series}
    languages = set(collection.interface_languages[1:])  # the other interface languages' pages
    folders = {p.name for p in site.iterdir() if p.is_dir()}
    assert folders - series - languages <= set(SITE_FOLDERS) and series | languages <= folders


def test_urumqi_citations_of_a_list_not_in_the_source_are_shown_as_printed(site):
    """The article cites a numbered list ("[1. Л. 129а]") that its extract does not hold: the citations
    are shown as printed, unlinked, and no made-up entry ("Source 1") is listed anywhere."""
    doc = doc_page(site, URUMQI)
    assert doc.xpath("//section[@id='text']//a[contains(@class,'bibl-reference')]") == []
    assert "[1. Л. 129а]" in text(doc.xpath("//section[@id='text']")[0])
    assert doc.xpath("//section[@id='references']") == []
    archives = page(site, "archives/index.html")
    assert archives.xpath(f"//*[@id='src-{URUMQI}-ref-1']") == []
    assert "Source 1" not in text(archives)


def test_reference_list_citations_link_to_the_list(fixture):
    doc = doc_page(fixture, fx.DOC_ID)
    assert doc.xpath("//p[@id='p2']//a[contains(@class,'bibl-reference')]/@href") == ["#ref-1"]
    (ref,) = doc.xpath("//section[@id='references']//li")
    assert ref.get("id") == "ref-1"
    assert ref.xpath(".//span[@class='citing']/a/@href") == ["#p2"]


def test_chronology_in_date_order(fixture):
    chronology = page(fixture, "chronology/index.html")
    dates = [text(p) for p in chronology.xpath("//p[@class='event-date']")]
    assert dates == ["1921–1923 гг.", "31 августа 1923 г.", "20 января 1925 г."]
    assert chronology.xpath("//p[@class='where']/a/@href") == [
        f"../documents/{fx.DOC_ID}/index.html#p2", f"../documents/{fx.DOC_ID}/index.html#p1",
        f"../documents/{fx.DOC_ID}/index.html#p3"]


def test_works_cited_groups_citations_of_one_work(fixture):
    works = page(fixture, "works-cited/index.html")
    (work,) = works.xpath("//ul[@class='works']/li")
    assert text(work.xpath("./p[@class='work']")[0]) == "Кутаков Л.Н. Портсмутский мирный договор. М., 1961."
    assert work.xpath(".//a/@href")[1:] == [
        f"../documents/{fx.DOC_ID}/index.html#fn3", f"../documents/{fx.DOC_ID}/index.html#fn4"]
    assert [text(s) for s in work.xpath(".//span[@class='printed']")] == ["(С. 82)", "(Там же. С. 90.)"]


def test_unanchored_note_is_shown_at_its_place_with_a_remark(fixture):
    doc = doc_page(fixture, fx.DOC_ID)
    marker = doc.get_element_by_id("fnref4")
    assert "fnref-unanchored" in marker.get("class")
    assert text(marker) == "[4]" and marker.get("aria-label") == "Примечание 4"
    assert "не найден" in text(doc.get_element_by_id("fn4"))


def test_site_warns_about_mentions_without_register_entry(tmp_path):
    report = fx.render_fixture_site(tmp_path)
    assert [str(w) for w in report.warnings] == [
        f"editions/collection.yml:4: warning: base_url '{fx.BASE_URL}' is an address reserved for examples: "
        "every canonical link, citation and download of the site names it; set the address where the site is "
        "published",
        f"build/tei/{fx.DOC_ID}.xml: warning: 1 mention(s) of 'nobody' (person) have no entry in "
        "registers.xml; they are shown without links"]
    assert report.mentions == 6 and report.register_entries == 4 and report.documents == 1


def test_canonical_urls_under_a_sub_path(fixture):
    doc = doc_page(fixture, fx.DOC_ID)
    assert doc.xpath("//link[@rel='canonical']/@href") == [f"{fx.BASE_URL}documents/{fx.DOC_ID}/"]
    not_found = page(fixture, "404.html")
    assert not_found.xpath("//base") == [] and not_found.xpath("//main//a/@href")[0] == "index.html"
    assert '("/edition/", [])' in "".join(not_found.xpath("//script/text()"))


def test_english_visitors_get_an_english_404_page_from_serve(site):
    """en/404.html: the English 404 page (relative links to the English pages, no <base>, the script's
    folder /en/), and `serve` answers a missing address under /en/ with it, any other with 404.html."""
    english = page(site, "en/404.html")
    assert english.get("lang") == "en" and text(english.xpath("//h1")[0]) == "Page not found"
    assert english.xpath("//base") == [] and english.xpath("//main//a/@href")[0] == "index.html"
    assert english.xpath("//link[@rel='stylesheet']/@href") == ["../static/site.css"]
    assert '("/en/", [])' in "".join(english.xpath("//script/text()"))
    # The default language's page sends an address under en/ on to the English page (a static host serves
    # the root 404.html for every missing address).
    assert '("/", ["en/"])' in "".join(page(site, "404.html").xpath("//script/text()"))
    preview = PreviewServer(ROOT, site)
    server = _Server(("127.0.0.1", 0), functools.partial(_Handler, preview=preview))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    answers = {}
    try:
        for path in ("/en/no/such/page.html", "/en/documents/gone/", "/no/such/page.html", "/enx/y"):
            with pytest.raises(urllib.error.HTTPError) as answer:
                urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}{path}", timeout=30)
            assert answer.value.code == 404
            answers[path] = html.fromstring(answer.value.read()).xpath("//h1")[0].text_content()
    finally:
        server.shutdown()
        server.server_close()
    assert answers == {"/en/no/such/page.html": "Page not found", "/en/documents/gone/": "Page not found",
                       "/no/such/page.html": "Страница не найдена", "/enx/y": "Страница не найдена"}


def test_every_page_has_a_search_box_that_goes_to_the_search_page(site):
    """A plain GET form in the header (works without JavaScript): the search page reads ?q=."""
    for path in ("index.html", f"documents/{THESIS}/index.html", "persons/index.html", "search/index.html"):
        root = "../" * path.count("/")
        (form,) = page(site, path).xpath("//header[@class='site-header']//form[@role='search']")
        assert form.get("method") == "get" and form.get("action") == f"{root}search/index.html"
        assert form.xpath(".//input[@type='search']/@name") == ["q"]
    search_js = (site / "static" / "search.js").read_text(encoding="utf-8")
    assert 'params.get("q")' in search_js


def test_a_document_page_links_its_neighbours_and_follows_a_neighbours_new_title(site, tmp_path):
    """The documents before and after, in the home page's order, read from the TEI headers before the
    pages are rendered; a cached page is rendered again when a neighbour's title changes."""
    edition = load_edition(ROOT)
    documents = {d.id: (site / "tei" / f"{d.id}.xml").read_bytes() for d in edition.documents}
    home = page(site, "index.html")
    links = home.xpath("//main//a[starts-with(@href,'documents/')]/@href")
    order = list(dict.fromkeys(h.split("/")[1] for h in links))
    assert sorted(order) == sorted(documents)
    for k, doc_id in enumerate(order):
        steps = doc_page(site, doc_id).xpath("//nav[@class='doc-steps']")[0]
        previous, following = steps.xpath("./a[@rel='prev']/@href"), steps.xpath("./a[@rel='next']/@href")
        assert previous == ([f"../../documents/{order[k - 1]}/index.html"] if k > 0 else [])
        assert following == ([f"../../documents/{order[k + 1]}/index.html"] if k + 1 < len(order) else [])
    cache, out = tmp_path / "cache", tmp_path / "out"
    first, second = order[0], order[1]
    render_site(out, edition.collection, list(documents.values()), None, templates=ROOT / "templates",
                cache_dir=cache)
    old_title = text(doc_page(out, first).xpath("//h1")[0]).strip("[]")
    assert old_title in text(doc_page(out, second).xpath("//nav[@class='doc-steps']/a[@rel='prev']")[0])
    new_title = old_title + " (новое заглавие)"  # the same place in the order
    documents[first] = documents[first].replace(old_title.encode(), new_title.encode())
    render_site(out, edition.collection, list(documents.values()), None, templates=ROOT / "templates",
                cache_dir=cache)
    assert new_title in text(doc_page(out, second).xpath("//nav[@class='doc-steps']/a[@rel='prev']")[0])


# --- indexes at scale ------------------------------------------------------------------------------------


def _entry_hits(root: Path, path: str) -> list[str]:
    """The 'where' links of every mention an entry page lists, shown or folded."""
    return page(root, path).xpath("//ol[@class='hits']/li/p[@class='where']/a/@href")


def test_a_large_entry_shows_each_documents_first_mentions_and_gives_the_rest_pages(site):
    """Japan (504 mentions, 473 in the thesis): the entry's page names each document with its count, in the
    documents' order, shows its first mentions and links its own pages, which hold every mention."""
    assert (site / "places/japan/index.html").stat().st_size < 30_000  # it was 241,326 bytes
    entry = page(site, "places/japan/index.html")
    total = int(re.search(r"\d+", entry.xpath("//h2[@id='mentions-title']/span")[0].text).group())
    toc = entry.xpath("//nav[@class='hits-toc']//a/@href")
    assert toc == [f"#doc-{CONVENTION}", f"#doc-{THESIS}"]
    on_pages = 0
    for doc_id in (CONVENTION, THESIS):
        (section,) = entry.xpath(f"//section[@aria-labelledby='doc-{doc_id}']")
        assert len(section.xpath(".//ol[@class='hits']/li")) == 5
        first = section.xpath(".//p[@class='more-hits']/a/@href")[0]
        assert first == f"../../places/japan/{doc_id}/index.html"
        part = page(site, f"places/japan/{doc_id}/index.html")
        pages = part.xpath("(//nav[@class='pager'])[1]//a/@href") or [first]
        for href in pages:
            hits = _entry_hits(site, "places/japan/" + href.split("places/japan/")[1])
            assert 0 < len(hits) <= 200
            assert all(re.match(rf"(\.\./){{3,4}}documents/{doc_id}/(\d+/)?index\.html#", h) for h in hits)
            on_pages += len(hits)
    assert on_pages == total == 504


def test_an_entry_folds_the_mentions_past_the_first_few_in_details_that_work_without_javascript(site):
    entry = page(site, "organisations/far-eastern-republic/index.html")
    for section in entry.xpath("//section[@class='hits-doc']"):
        count = int(re.search(r"\d+", section.xpath("./h3/span[@class='count']")[0].text).group())
        shown = section.xpath("./ol[@class='hits']/li")
        folded = section.xpath("./details[@class='more-hits']/ol[@class='hits']/li")
        assert len(shown) == min(count, 5) and len(shown) + len(folded) == count
        if folded:
            assert section.xpath("./details/ol/@start") == ["6"]


def test_the_chronology_is_split_by_decade_and_year_and_its_year_anchors_still_resolve(site):
    """339,685 bytes on one page before; now a table of contents whose year items keep the old anchors
    (#y1925) and lead to the page of the year or its decade, where the year has that anchor too."""
    assert (site / "chronology/index.html").stat().st_size < 20_000
    index = page(site, "chronology/index.html")
    years = index.xpath("//nav[@class='years']//li[@id]")
    assert [y.get("id") for y in years][:3] == ["y1886", "y1905", "y1907"] and len(years) > 30
    listed = 0
    for year in years:
        (href,) = year.xpath("./a/@href")
        target, anchor = href.split("#")
        assert anchor == year.get("id") and target.startswith("../chronology/")
        part = page(site, "chronology/" + target.removeprefix("../chronology/"))
        (section,) = part.xpath(f"//section[h2[@id='{anchor}']]")
        events = len(section.xpath(".//ol[@class='events']/li"))
        assert events == int(re.search(r"\d+", year.xpath("./span[@class='count']")[0].text).group())
        listed += events
    parts = sorted(p.relative_to(site) for p in (site / "chronology").glob("*/index.html"))
    assert listed == sum(len(page(site, str(p)).xpath("//ol[@class='events']/li")) for p in parts)
    assert page(site, "chronology/1925/index.html").xpath("//nav[@class='pager']//a[@aria-current='page']")


def test_an_entry_whose_name_is_not_tagged_says_what_counts_and_offers_a_search(site):
    """The text has 'Кашгарской границе' (an adjective), never 'Кашгар': no '0 mentions' anywhere."""
    entry = page(site, "places/kashgar/index.html")
    assert "0 упоминаний" not in text(entry)
    (search,) = entry.xpath("//p[@class='empty']/a/@href")
    assert search == "../../search/index.html?q=%D0%9A%D0%B0%D1%88%D0%B3%D0%B0%D1%80"
    listing = page(site, "places/index.html").xpath("//li[a[@href='../places/kashgar/index.html']]")[0]
    assert "0 упоминаний" not in text(listing) and "не размечено" in text(listing)


def test_an_empty_index_says_what_it_would_hold_and_how_an_editor_fills_it(site):
    archives = text(page(site, "archives/index.html").xpath("//p[@class='empty']")[0])
    assert "collection.yml" in archives and "АВП РФ" in archives
    assert "Source" not in archives
