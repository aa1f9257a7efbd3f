"""Search in a real browser: Playwright driving Debian's chromium against the real edition, built with its
search data and served on 127.0.0.1 under a sub-path (/real/), as on any static host; and the quotation
finder on the site opened straight from disk (file://), where Pagefind cannot run.

Screenshots go to tests/artifacts/search-*.png.
"""

from __future__ import annotations

import re

import pytest
from browser.chromium import ARTIFACTS, AXE, DESKTOP, PHONE, needs_chromium
from browser.search_sites import (
    CONVENTION,
    SHARD_SIZE,
    URUMQI,
    crossing_quote,
    documents_mentioning,
    searched_site,
    sharded_site,
)
from browser.sites import serve_under
from conftest import THESIS

from diplo_edition.search.normalize import normalize
from diplo_edition.search.shards import shard_count, shard_of

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

SEARCH = "real/search/index.html"
SHARDED = "sharded/search/index.html"  # the seed built with search_shard_size 1: several shards

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def base_url():
    with serve_under(real=searched_site(), sharded=sharded_site()) as url:
        yield url


@pytest.fixture
def open_page(browser, base_url):
    """A page in a fresh context; at the end no console error and no request outside the site."""
    opened = []

    def make(path: str | None = None, *, url: str | None = None, **options):
        context = browser.new_context(viewport=options.pop("viewport", DESKTOP), locale="ru-RU", **options)
        page = context.new_page()
        errors, requests = [], []
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("request", lambda request: requests.append(request.url))
        opened.append((context, errors, requests, url is not None))
        page.goto(url or base_url + path)
        return page

    yield make
    for context, errors, requests, local in opened:
        context.close()
        assert errors == [], "errors in the console"
        if not local:
            assert [u for u in requests if not u.startswith(base_url) and not u.startswith("data:")] == []


def shot(page, name: str, full_page: bool = False) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"search-{name}.png"), full_page=full_page)


def search_for(page, query: str):
    """Type the query and press Enter, as a reader does; wait for the results (or 'nothing found')."""
    page.wait_for_selector("#search-q:not([disabled])")
    page.fill("#search-q", query)
    page.press("#search-q", "Enter")
    page.wait_for_function("() => /Найдено|Ничего не найдено|Found|Nothing found/"
                           ".test(document.getElementById('search-status').textContent)")
    return page.locator("#search-results > li.sr")


def result_documents(page) -> list[str]:
    urls = page.locator("#search-results > li.sr").evaluate_all("els => els.map(e => e.dataset.url)")
    return [re.search(r"/documents/([^/]+)/", u).group(1) for u in urls]


def test_an_inflected_russian_query_finds_every_form(open_page):
    expected = documents_mentioning(r"Карахан")
    assert len(expected) >= 2
    page = open_page(SEARCH)
    for query in ("Карахан", "Караханом", "Карахана"):
        results = search_for(page, query)
        assert set(result_documents(page)) == expected, query
        marked = {m.lower() for m in results.locator("mark").all_inner_texts()}
        assert {"карахан", "карахана", "карахану"} <= {re.sub(r"\W", "", m) for m in marked}, query
    assert page.locator("#search-results .sr-lang abbr").first.inner_text() == "RU"
    shot(page, "russian-inflection")


def result_urls(page) -> list[str]:
    return sorted(page.locator("#search-results > li.sr").evaluate_all("els => els.map(e => e.dataset.url)"))


def test_a_result_in_a_part_of_a_long_document_names_the_part(open_page):
    """A long document is split into parts (site/parts.py), each its own page in the index: a result
    names its part after the document's title; a document in one page names none."""
    page = open_page(SEARCH)
    results = search_for(page, "Карахан")
    named = results.evaluate_all("""els => els.map(e => [e.dataset.url,
        (e.querySelector('.sr-part') || {}).textContent || null])""")
    parts = {url: part for url, part in named if re.search(r"/documents/[^/]+/\d+/", url)}
    assert len(parts) >= 2 and all(parts.values())
    assert len(set(parts.values())) == len(parts)  # each part named by its own heading
    assert any(part is None for url, part in named if url not in parts)


def test_the_merged_shards_find_what_one_index_finds(open_page):
    """The search page loads, per language, the first shard that has it and merges the others: with the
    documents in several shards it finds what the site of one shard finds, with the same filters."""
    single, sharded = open_page(SEARCH), open_page(SHARDED)
    count, shards_found = shard_count(4, SHARD_SIZE), set()
    for query in ('"нерешенной проблемой принадлежности"', "negotiate", "конвенция", "Карахан"):
        search_for(single, query)
        search_for(sharded, query)
        assert result_urls(sharded) == result_urls(single) != [], query
        assert sharded.inner_text("#search-status") == single.inner_text("#search-status")
        assert (sharded.locator("#search-filters").inner_text()
                == single.locator("#search-filters").inner_text()), query
        shards_found |= {shard_of(doc, count) for doc in result_documents(sharded)}
    assert len(shards_found) >= 2
    shot(sharded, "merged-shards")


def test_single_letters_and_initials_do_not_outrank_words(open_page):
    """Pagefind matches a query word that an index lacks to the longest word of that index which begins
    it, however short: "concession", absent from the Russian index, matched the Latin initial "C." of a
    note in the thesis ("- C. 119-131"), which came first. A hit must begin as the query word does."""
    page = open_page(SEARCH)
    for query in ("concession", "concessions", "Cxyzzy"):
        results = search_for(page, query)
        marked = {re.sub(r"\W", "", m).lower() for m in results.locator("mark").all_inner_texts()}
        assert all(m.startswith("concession") for m in marked), query
        assert THESIS not in result_documents(page), query
    assert result_documents(page) == [] and "Ничего не найдено" in page.inner_text("#search-status")
    results = search_for(page, "concession")
    assert results.count() == 2 and results.first.get_attribute("data-language") == "en"
    shot(page, "no-initials")
    # An initial asked for is found.
    search_for(page, "С.")
    assert THESIS in result_documents(page)


def test_an_english_query_finds_the_english_abstract(open_page):
    page = open_page(SEARCH)
    results = search_for(page, "negotiations Urumqi")
    assert results.count() >= 1
    first = results.first
    assert first.get_attribute("data-language") == "en"
    assert first.get_attribute("data-url").endswith(f"/documents/{URUMQI}/index.html#abstract-en")
    assert first.locator(".sr-lang abbr").inner_text() == "EN"
    assert "Abstract" in first.locator(".sr-title").inner_text()
    # English stemming: "negotiate" finds "negotiations", "negotiate".
    search_for(page, "negotiate")
    assert any(u.endswith("#abstract-en") for u in
               page.locator("#search-results > li.sr").evaluate_all("els => els.map(e => e.dataset.url)"))
    shot(page, "english-abstract")
    first_place = page.locator("#search-results a.sr-where").first
    first_place.click()
    page.wait_for_url(re.compile(r".*/documents/[^/]+/index\.html\?.*#abstract-en$"))
    page.wait_for_selector("#abstract-en mark.search-hit")


def test_a_phrase_query_finds_its_place(open_page):
    page = open_page(SEARCH)
    results = search_for(page, '"нерешенной проблемой принадлежности"')
    assert result_documents(page) == [THESIS]
    places = results.first.locator("a.sr-where")
    assert places.count() == 1
    assert places.first.get_attribute("href").endswith("#p1")
    assert [m.lower() for m in results.first.locator("mark").all_inner_texts()] == [
        "нерешенной", "проблемой", "принадлежности"]
    # The words in another order are not the phrase; the words alone are found anywhere.
    assert search_for(page, '"проблемой нерешенной"').count() == 0
    assert "Ничего не найдено" in page.locator("#search-status").inner_text()
    # A phrase with a hyphenated word, and a phrase across a footnote marker.
    search_for(page, '"вопрос русско-японских отношений"')
    assert result_documents(page) == [THESIS]
    quote = crossing_quote(THESIS, "note")
    words = quote.text.split()
    middle = len(words) // 2
    search_for(page, '"' + " ".join(words[middle - 2: middle + 2]) + '"')
    assert THESIS in result_documents(page)
    shot(page, "phrase")


def test_a_filter_narrows_the_results(open_page):
    page = open_page(SEARCH)
    search_for(page, "Карахан")
    everything = set(result_documents(page))
    assert len(everything) >= 3
    page.click(".search-filter-box > summary")
    kind = page.locator("fieldset.search-filter").filter(has_text="Вид")
    # one result a page: the thesis's parts are pages of their own (site/parts.py)
    total = page.locator("#search-results > li.sr").count()
    kind.get_by_label(re.compile(r"^Статья")).check()
    count = "document.querySelectorAll('#search-results > li.sr').length"
    page.wait_for_function(f"() => {count} < {total}")
    narrowed = set(result_documents(page))
    assert narrowed == {URUMQI, CONVENTION}
    shot(page, "filter-kind")
    kind.get_by_label(re.compile(r"^Статья")).uncheck()
    page.wait_for_function(f"() => {count} === {total}")
    # The language filter: English only.
    search_for(page, "Soviet")
    page.locator("fieldset.search-filter").filter(has_text="Язык").get_by_label(re.compile(r"^английский")).check()
    page.wait_for_function("() => [...document.querySelectorAll('#search-results > li.sr')]"
                           ".every(e => e.dataset.language === 'en')")
    assert page.locator("#search-results > li.sr").count() >= 1


def test_a_click_lands_on_the_paragraph_with_the_hit_highlighted(open_page):
    page = open_page(SEARCH)
    results = search_for(page, "Караханом")
    thesis = results.filter(has=page.locator(f"a[href*='{THESIS}']")).first
    place = thesis.locator("a.sr-where").first
    href = place.get_attribute("href")
    anchor = href.split("#")[1]
    label = place.inner_text()
    assert re.match(r"¶\s\d+, с\.\s\S+", label), label
    place.click()
    page.wait_for_url(re.compile(rf".*/real/documents/{THESIS}/(\d+/)?index\.html\?.*#{anchor}$"))  # its part
    assert page.evaluate(f"document.getElementById('{anchor}').matches(':target')")
    page.wait_for_selector(f"#{anchor} mark.search-hit")
    marks = page.locator(f"#{anchor} mark.search-hit").all_inner_texts()
    assert marks and all(normalize(m).startswith("карахан") for m in marks)
    box = page.locator(f"#{anchor} mark.search-hit").first.bounding_box()
    assert 0 <= box["y"] < DESKTOP["height"], "the hit is in view"
    # The page given beside the place is the original page where the paragraph starts.
    page_number = label.split("с.")[1].strip()
    assert page.evaluate(f"""() => {{
        const p = document.getElementById('{anchor}');
        const breaks = [...document.querySelectorAll('#text .pb')];
        const before = breaks.filter(b => b.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING
                                          || p.contains(b));
        return before.map(b => b.querySelector('.pb-n').textContent.replace('страница', '').trim());
    }}""").count(page_number) >= 1
    shot(page, "landed-on-paragraph")


def test_keyboard_only(open_page):
    page = open_page(SEARCH)
    page.wait_for_selector("#search-q:not([disabled])")
    page.focus("#search-q")
    page.keyboard.type("Токио")
    page.keyboard.press("Enter")
    page.wait_for_function("() => /Найдено/.test(document.getElementById('search-status').textContent)")
    page.keyboard.press("Tab")  # past the submit button and the filters to the first result
    for _ in range(6):
        if page.evaluate("document.activeElement.closest('#search-results') !== null"):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#search-results') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/documents/.*"))


def russian_plural(n: int, one: str, few: str, many: str) -> str:
    """The CLDR rule of Russian integers, as Intl.PluralRules("ru") applies it."""
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} {one}"
    return f"{n} {few}" if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else f"{n} {many}"


def test_the_counts_take_the_catalog_s_russian_plural_forms(open_page):
    """"Найдено: 4 документа, 31 место.": the forms are the catalog's, chosen by Intl.PluralRules("ru")."""
    page = open_page(SEARCH)
    seen, parts_of_one = set(), []
    for query in ("Карахан", "конвенция", "Урумчи", "Синьцзян"):
        results = search_for(page, query)
        # The parts of one document (the thesis) are results of their own, counted as one document.
        docs = len(set(results.locator(".sr-title a > span:first-child").all_inner_texts()))
        places = results.locator("li.sr-place").count()
        parts_of_one.append(results.count() > docs)
        assert page.locator("#search-status").inner_text() == (
            f"Найдено: {russian_plural(docs, 'документ', 'документа', 'документов')}, "
            f"{russian_plural(places, 'место', 'места', 'мест')}.")
        seen.add(places % 10 == 1 and places % 100 != 11)
        first = results.first.locator(".sr-meta").inner_text()
        groups = results.first.locator("li.sr-place").count()
        assert first.endswith(russian_plural(groups, "место", "места", "мест"))
    assert len(seen) == 2 or seen == {False}
    assert any(parts_of_one)


def test_the_interface_follows_the_page_and_the_switch_keeps_the_query(open_page, base_url):
    """No language buttons and no ?lang= on the search page: the Russian page speaks Russian whatever the
    address says; the site's language switch takes the query and the anchor to the English twin, which
    runs it in English."""
    page = open_page(SEARCH + "?lang=en&q=Карахан#search-results")
    page.wait_for_function("() => /Найдено/.test(document.getElementById('search-status').textContent)")
    assert page.locator("[data-ui-lang], .search-ui-lang").count() == 0
    assert page.locator("#fulltext-title").inner_text() == "Поиск по текстам"
    page.click(".lang-switch a[hreflang='en']")
    page.wait_for_url(re.compile(r".*/real/en/search/index\.html\?lang=en&q=.*#search-results$"))
    page.wait_for_function("() => /^Found: /.test(document.getElementById('search-status').textContent)")
    assert page.locator("#search-q").input_value() == "Карахан"
    assert page.locator("#fulltext-title").inner_text() == "Search the texts"
    shot(page, "english-twin")
    # and back: the query goes with the reader
    page.click(".lang-switch a[hreflang='ru']")
    page.wait_for_url(re.compile(r".*/real/search/index\.html\?lang=en&q=.*#search-results$"))
    page.wait_for_function("() => /^Найдено: /.test(document.getElementById('search-status').textContent)")


def test_without_javascript_the_page_says_so_and_lists_the_documents(open_page):
    page = open_page(SEARCH, java_script_enabled=False)
    note = page.locator(".search-nojs")
    assert note.is_visible()
    assert "только с включённым JavaScript" in note.inner_text()
    assert page.locator("#search-fallback .search-doc-list a").count() == 4
    assert "diplo-edition quote" in page.locator("#search-fallback").inner_text()
    shot(page, "no-javascript", full_page=True)


def test_the_quotation_finder_works_from_disk_across_a_page_break(open_page):
    quote = crossing_quote(THESIS, "pb", nth=30)
    site = searched_site()
    page = open_page(url=(site / "search" / "index.html").as_uri())
    assert "file://" in page.locator("#search-status").inner_text()  # full-text search says why it is off
    assert page.locator("#search-q").is_disabled()
    # As copied from the print: broken across lines, ё for е, other quotation marks and dashes.
    words = quote.text.split()
    printed = " ".join(words[:5]) + "\n" + " ".join(words[5:])
    printed = printed.replace("е", "ё", 1).replace('"', "«", 1).replace(" – ", " — ")
    page.fill("#quote-q", printed)
    page.click("#quote-form button[type=submit]")
    page.wait_for_selector("#quote-results li.qr")
    found = page.locator("#quote-results li.qr")
    assert found.count() == 1
    assert found.first.get_attribute("data-doc") == THESIS
    assert found.first.get_attribute("data-anchor") == quote.anchor
    assert found.first.get_attribute("data-pages") == " ".join(quote.pages)
    where = found.first.locator(".qr-where").inner_text()
    assert f"¶\u00a0{quote.anchor[1:]}, с.\u00a0{quote.pages[0]}–{quote.pages[1]}" in where
    cited = found.first.locator(".qr-cite").inner_text()
    assert f"С.\u00a0{quote.pages[0]}–{quote.pages[1]}." in cited and "(дата обращения: " in cited
    shot(page, "quotation-file-url")
    # Its link opens the paragraph, from disk too, with the quotation marked.
    found.first.locator(".qr-where a").click()
    page.wait_for_selector(f"#{quote.anchor} mark.search-hit")
    marked = " ".join(page.locator(f"#{quote.anchor} mark.search-hit").all_inner_texts())
    assert normalize(marked) == normalize(quote.text)
    shot(page, "quotation-landed")


def test_the_quotation_finder_crosses_a_footnote(open_page):
    quote = crossing_quote(THESIS, "note", nth=40)
    page = open_page(SEARCH)
    page.fill("#quote-q", quote.text)
    page.click("#quote-form button[type=submit]")
    page.wait_for_selector("#quote-results li.qr")
    assert page.locator("#quote-results li.qr").first.get_attribute("data-anchor") == quote.anchor
    page.fill("#quote-q", "такой цитаты в издании нет совсем")
    page.click("#quote-form button[type=submit]")
    page.wait_for_function("() => /не найдена/.test(document.getElementById('quote-status').textContent)")
    assert page.locator("#quote-results li").count() == 0


NORMALIZE_CASES = [
    "Л.М. Карахан", "Л. М.  Карахан", "1921 – 1923 гг.", "«Ёлка»\u00a0и “ёж”", "сто\u0301ит",
    "конец…  начало", "Soft\u00adhyphen", "  leading and trailing  ", "„Deutsch“ ‘single’ ‹a›",
    "a\U0001F600b",
    "tab\tand\nnewline", "ДВП. – Т. 7. – С. 45–47",
]


def test_the_browser_normalises_as_python_does(open_page):
    page = open_page(SEARCH)
    got = page.evaluate("cases => cases.map(c => DiploSearchCore.normalize(c))", NORMALIZE_CASES)
    assert got == [normalize(c) for c in NORMALIZE_CASES]


def test_axe_finds_no_serious_violation_on_the_search_page(open_page):
    if not AXE.exists():
        pytest.skip(f"axe-core is missing: npm install --prefix {AXE.parents[2]} axe-core@4")
    page = open_page(SEARCH)
    search_for(page, "Карахан")
    page.click(".search-filter-box > summary")
    page.fill("#quote-q", crossing_quote(THESIS, "pb", nth=30).text)
    page.click("#quote-form button[type=submit]")
    page.wait_for_selector("#quote-results li.qr")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [f"{r['id']}: {r['help']} {[n['target'] for n in r['nodes'][:3]]}"
               for r in results["violations"] if r["impact"] in ("serious", "critical")]
    assert serious == []


def test_results_on_a_phone(open_page):
    page = open_page(SEARCH, viewport=PHONE)
    search_for(page, "Карахан")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "no horizontal scrolling"
    shot(page, "phone")
