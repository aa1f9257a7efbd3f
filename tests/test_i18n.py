"""The interface's words: every message is in the Russian and English catalogs, no interface word is left
in a template outside the catalogs, and the site is written in each interface language of collection.yml.

The messages are extracted as a maintainer extracts them (``pybabel extract -F babel.cfg``): from the
templates and the Python sources.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from browser.sites import real_site
from lxml import html

from diplo_edition.config.theme import theme_folders
from diplo_edition.editions import load_edition
from diplo_edition.site.document import read_document
from diplo_edition.site.environment import make_environment
from diplo_edition.site.i18n import catalog_path, translations
from diplo_edition.site.interface import interfaces
from diplo_edition.site.register_index import read_registers
from diplo_edition.site.words import site_words
from diplo_edition.tei.register_file import build_registers_tei

ROOT = Path(__file__).resolve().parents[1]
THEME = ROOT / "templates"
CATALOG_LANGUAGES = ("ru", "en")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# What may stand in a template outside the catalogs: names that are the same in every language.
NOT_WORDS = {"TEI", "P5", "XML", "xml", "SHA", "Wikidata", "DOCTYPE", "diplo", "edition", "Text", "Encoding",
             "Initiative"}
# A language's own name, on the button that chooses it, is not an interface word.
AUTONYMS = {"Русский", "English"}


def extracted() -> dict[tuple[str | None, str | tuple], list[str]]:
    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found: dict = {}
    for filename, lineno, message, _comments, context in extract_from_dir(str(ROOT), method_map, options_map):
        found.setdefault((context, message), []).append(f"{filename}:{lineno}")
    return found


def catalog(lang: str):
    with catalog_path(THEME, lang).open("rb") as po:
        return read_po(po, locale=lang)


@pytest.fixture(scope="module")
def messages():
    return extracted()


def test_messages_are_extracted_from_templates_and_python(messages) -> None:
    places = {place.split(":")[0] for where in messages.values() for place in where}
    assert any(place.startswith("templates/") for place in places)
    assert any(place.startswith("src/diplo_edition/site/") for place in places)
    assert len(messages) > 150


@pytest.mark.parametrize("lang", CATALOG_LANGUAGES)
def test_every_message_has_a_translation(messages, lang: str) -> None:
    po = catalog(lang)
    missing = []
    for (context, message), where in messages.items():
        msgid = message[0] if isinstance(message, tuple) else message
        entry = po.get(msgid, context=context)
        strings = entry.string if entry is not None else ""
        forms = strings if isinstance(strings, tuple) else (strings,)
        if not all(forms) or (isinstance(message, tuple) and len(forms) != po.num_plurals):
            missing.append((msgid, where[0]))
    assert missing == [], f"{lang}: not translated: {missing[:10]}"
    # Nothing in the catalog that no source uses any more.
    used = {(context, m[0] if isinstance(m, tuple) else m) for context, m in messages}
    stale = [m.id for m in po if m.id and (m.context, m.id if isinstance(m.id, str) else m.id[0]) not in used]
    assert stale == []


def test_russian_plurals_have_three_forms() -> None:
    ru = translations(theme_folders(THEME), "ru")
    forms = [ru.ngettext("%(num)d mention", "%(num)d mentions", n) % {"num": n} for n in (1, 3, 5, 21)]
    assert forms == ["1 упоминание", "3 упоминания", "5 упоминаний", "21 упоминание"]


def test_a_project_catalog_overrides_the_theme_s_message_by_message(tmp_path) -> None:
    """A project's templates/locale/ru/LC_MESSAGES/messages.po changes the words it gives, and only them."""
    own = catalog_path(tmp_path, "ru")
    own.parent.mkdir(parents=True)
    own.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
                   'msgid "Documents"\nmsgstr "Тексты"\n', encoding="utf-8")
    words = translations((tmp_path, THEME), "ru")
    assert words.gettext("Documents") == "Тексты"
    assert words.gettext("Chronology") == "Хронология"  # from the theme
    assert translations((THEME,), "ru").gettext("Documents") == "Документы"


def _literal_texts(source: str) -> tuple[list[str], list[str]]:
    """What a template writes as it stands: the text between its tags and the attributes a reader is
    given (aria-label, title, placeholder, alt), outside {{ }} and {% %}; and the string literals of its
    expressions that are not an argument of a gettext call."""
    source = re.sub(r"(?s){% block body_class %}.*?{% endblock %}", "", source)  # CSS classes
    env = make_environment((THEME,), "en")
    page, strings = [], []
    depth = 0  # inside the parentheses of _(), ngettext(), pgettext()
    previous = ""
    for _line, kind, value in env.lex(source):
        if kind == "data":
            page.append(value)
        elif kind != "whitespace":
            page.append("\0")  # an expression, a statement or a comment: not a literal
        if kind == "string" and not depth:
            strings.append(value)
        elif value == "(" and (depth or previous in ("_", "ngettext", "pgettext")):
            depth += 1
        elif value == ")" and depth:
            depth -= 1
        if kind != "whitespace":
            previous = value
    markup = re.sub(r"(?s)<script\b.*?</script>|<style\b.*?</style>", " ", "".join(page))
    attributes = re.findall(r'(?:aria-label|title|placeholder|alt)="([^"]*)"', markup)
    texts = re.sub(r"&\w+;", " ", re.sub(r"<[^>]*>", "\0", markup)).split("\0")
    return [t for t in texts + attributes if t.strip()], strings


@pytest.mark.parametrize("template", sorted(p.name for p in THEME.glob("*.html")))
def test_no_interface_word_is_left_outside_the_catalogs(template: str) -> None:
    texts, strings = _literal_texts((THEME / template).read_text(encoding="utf-8"))
    words_left = [t.strip() for t in texts
                  if set(re.findall(r"[^\W\d_]{2,}", t)) - NOT_WORDS - AUTONYMS]
    cyrillic_left = [s for s in strings if CYRILLIC.search(s) and s.strip("\"'") not in AUTONYMS]
    assert words_left == [], f"templates/{template}: words outside the catalogs: {words_left}"
    assert cyrillic_left == [], f"templates/{template}: Russian strings outside the catalogs: {cyrillic_left}"


def test_the_seed_is_built_in_each_interface_language() -> None:
    collection = load_edition(ROOT).collection
    assert [i.lang for i in interfaces(collection)] == ["ru", "en"]
    site = real_site()
    for interface in interfaces(collection):
        about = html.parse(str(site / interface.path("about/index.html"))).getroot()
        assert about.get("lang") == interface.lang
        heading = about.xpath("//h1")[0].text_content()
        assert heading == {"ru": "Об издании", "en": "About the edition"}[interface.lang]
        switch = about.xpath("//nav[@class='lang-switch']//a")
        assert [(a.get("hreflang"), a.get("href")) for a in switch] == [
            ({"ru": "en", "en": "ru"}[interface.lang],
             {"ru": "../en/about/index.html", "en": "../../about/index.html"}[interface.lang])]
        alternates = about.xpath("//link[@rel='alternate'][@hreflang]/@hreflang")
        assert alternates == ["ru", "en"]


def test_a_summary_in_another_language_s_words_is_the_one_read_in_that_language(results, edition,
                                                                                 registers) -> None:
    """The other interface languages' indexes are gathered from the default language's summaries, put in
    their words (SiteWords.in_words): the same as reading each document in that language, on every seed
    document (places' labels, dates in words, the works cited's loci)."""
    collection = edition.collection
    lookup = read_registers(build_registers_tei(registers, collection))
    theme = theme_folders(ROOT / "templates")
    languages = [i.lang for i in interfaces(collection)]
    labels = set()
    for result in results.values():
        read = {lang: read_document(result.tei, collection.base_url, lookup, collection.series, ui_lang=lang,
                                    theme=theme)[1] for lang in languages}
        for lang in languages:
            for other in languages:
                assert site_words(lang, theme).in_words(read[other]) == read[lang]
        labels |= {m.locus.label for m in read["en"].mentions} | {d.label for d in read["en"].dates}
    assert {"n. 29", "heading", "abstract", "¶ 12", "1922–1941", "14 January 1925"} <= labels


def test_summaries_put_in_words_are_made_again_only_when_new(results, edition, registers) -> None:
    """serve keeps the unchanged documents' summaries between saves: their English forms are not made
    again; a summary read anew (the saved document) is."""
    collection = edition.collection
    lookup = read_registers(build_registers_tei(registers, collection))
    theme = theme_folders(ROOT / "templates")
    read = [read_document(r.tei, collection.base_url, lookup, collection.series, ui_lang="ru", theme=theme)[1]
            for r in results.values()]
    words = site_words("en", theme)
    first = words.all_in_words(read)
    again = words.all_in_words([*read[:-1], replace(read[-1])])
    assert all(a is b for a, b in zip(first[:-1], again[:-1], strict=True))
    assert again[-1] is not first[-1] and again[-1] == first[-1] == words.in_words(read[-1])


def test_citations_follow_the_interface_language() -> None:
    """GOST R 7.0.100 on the Russian page, Chicago on its English twin; both cite the document's one
    address (its default language's page) with the place's anchor."""
    site = real_site()
    document = "documents/soviet-japanese-convention-1925/index.html"
    russian = html.parse(str(site / document)).getroot().xpath("//article/@data-cite")[0]
    english = html.parse(str(site / "en" / document)).getroot().xpath("//article/@data-cite")[0]
    address = "https://diplo-edition.example.org/documents/soviet-japanese-convention-1925/#{anchor}"
    assert "Текст : электронный" in russian and "(дата обращения: ДД.ММ.ГГГГ)" in russian
    assert english.startswith("“[Конвенция") and ",” in Советская дипломатия" in english
    assert "Текст" not in english and address in russian and address in english
    about = html.parse(str(site / "en" / "about" / "index.html")).getroot()
    assert about.xpath("//section[contains(@class,'cite-edition')]//figcaption")[0].text_content().startswith(
        "Chicago")


def test_a_twin_knows_its_own_place_among_the_pages_of_a_list() -> None:
    """The pager of an entry's pages marks the page shown, in each language (both pagers: top and foot)."""
    site = real_site()
    part = "places/japan/soviet-japanese-relations-1922-1941/index.html"
    for interface in interfaces(load_edition(ROOT).collection):
        doc = html.parse(str(site / interface.path(part))).getroot()
        assert len(doc.xpath("//nav[@class='pager']//a[@aria-current='page']")) == 2, interface.lang


def test_english_pages_are_titled_in_english() -> None:
    """Every English page's <title> names the edition by its English title (collection.yml title_en); the
    home page names it once."""
    collection = load_edition(ROOT).collection
    assert collection.title_in("en") == collection.title_en != collection.title
    assert collection.title_in("ru") == collection.title
    site = real_site()
    english = sorted((site / "en").rglob("*.html"))
    assert len(english) > 50
    for path in english:
        title = html.parse(str(path)).getroot().findtext(".//title")
        assert title.endswith(collection.title_en) and collection.title not in title, path
    home = {lang: html.parse(str(site / prefix / "index.html")).getroot().findtext(".//title")
            for lang, prefix in (("ru", ""), ("en", "en"))}
    assert home == {"ru": collection.title, "en": collection.title_en}


def test_the_concordance_words_a_page_range_in_the_page_s_language() -> None:
    """A citation of the DVP over more pages than it is filed under gives its range in the catalog's words
    (the model gives the pages alone): "С. 338–339" with a no-break space, "pp. 338–339"."""
    site = real_site()
    ranges = {}
    for lang, prefix in (("ru", ""), ("en", "en")):
        ranges[lang] = [span.text_content()
                        for volume in sorted((site / prefix / "dvp").glob("vol-*/index.html"))
                        for span in html.parse(str(volume)).getroot().xpath("//dd//span[@class='printed']")
                        if "–" in span.text_content()]
    assert "(С.\u00a0338–339)" in ranges["ru"] and "(pp. 338–339)" in ranges["en"]
    assert len(ranges["ru"]) == len(ranges["en"]) > 5
    assert all(r.startswith("(С.\u00a0") for r in ranges["ru"])
    assert all(r.startswith("(pp. ") for r in ranges["en"])


def test_russian_locators_keep_their_number_on_the_line() -> None:
    """GOST practice: "С. 12", "Т. 7", "Л. 4" are never broken from their number: a no-break space in the
    catalogs' page and volume labels and in the GOST citations."""
    ru = catalog("ru")
    for msgid in ("p. %(page)s", "p. %(n)s", "pp. %(first)s–%(last)s", "pp. %(pages)s", "vol. %(volume)s",
                  "P. %(page)s"):
        assert re.match(r"^[СсТт]\.\u00a0%", ru.get(msgid).string), msgid
    site = real_site()
    document = html.parse(str(site / "documents/soviet-japanese-relations-1922-1941/index.html")).getroot()
    pattern = document.xpath("//article/@data-cite")[0]
    assert " — С.\u00a0{pages}. — " in pattern and "С. " not in pattern
    # the archival labels: test_site.py's test_archival_citations_and_their_index (the fixture edition)


@pytest.mark.parametrize("script", ["site.js", "search.js"])  # search-core.js: the stemmer's letters
def test_the_scripts_write_no_words_of_their_own(script: str) -> None:
    """What the scripts show comes from the page (#site-words, from the catalogs): no Russian in them, no
    tables of words, no language chosen by the script (the interface follows the page)."""
    source = (THEME / "static" / script).read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", source, flags=re.S)  # the comments may give examples
    assert CYRILLIC.findall(code) == []
    assert "localStorage.getItem(\"diplo-search-ui\")" not in code and 'params.get("lang")' not in code


def test_the_search_page_gives_its_script_the_catalog_s_words_and_plural_forms() -> None:
    """search.js's words in #site-words: the page's catalog, a count's forms by CLDR category (what
    Intl.PluralRules of the page's language chooses)."""
    site = real_site()
    words = {}
    for lang, prefix in (("ru", ""), ("en", "en")):
        doc = html.parse(str(site / prefix / "search" / "index.html")).getroot()
        words[lang] = json.loads(doc.get_element_by_id("site-words").text)
        assert doc.xpath("//*[@data-ui-lang]") == [] and doc.xpath("//*[@data-i18n]") == []
    assert words["ru"]["places"] == {"one": "%(n)s место", "few": "%(n)s места", "many": "%(n)s мест"}
    assert words["en"]["places"] == {"one": "%(n)s place", "other": "%(n)s places"}
    assert words["ru"]["found"] == "Найдено: %(documents)s, %(places)s."
    assert words["en"]["citedPages"] == "P. %(n)s" and words["ru"]["citedPages"] == "С.\u00a0%(n)s"
    # the placeholders of the date of access the page's citations may hold: GOST's, in Russian
    assert words["ru"]["accessDates"] == words["en"]["accessDates"] == ["ДД.ММ.ГГГГ"]
    assert words["en"]["addressAccessed"] == "URL: %(url)s (accessed %(date)s)"
