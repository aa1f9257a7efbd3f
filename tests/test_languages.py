"""Language packs: every pack complete and registered, detection on the seed corpus, and the words of
French and German read by the stages (dates, headings, labels, citations, the site's interface)."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re

import pytest
from conftest import NS, ROOT, URUMQI, XML_LANG

from diplo_edition import languages
from diplo_edition.apparatus.citations import CitationContext, find_citations
from diplo_edition.apparatus.dates import PARSERS, find_dates
from diplo_edition.apparatus.shelfmarks import locator_reading
from diplo_edition.config.theme import theme_folders
from diplo_edition.editions import load_edition
from diplo_edition.languages import LanguagePack, codes, detect_language, pack, packs
from diplo_edition.layout.flow import ABSTRACT_LABEL, KEYWORDS_LABEL, LABEL_LANGUAGE
from diplo_edition.layout.headings import heading_level
from diplo_edition.layout.hyphenation import Dehyphenator
from diplo_edition.layout.superscript_reads import align
from diplo_edition.layout.word_lists import cyrillic_reading
from diplo_edition.registers import load_registers
from diplo_edition.site.environment import make_environment
from diplo_edition.site.words import site_words
from diplo_edition.tei.register_file import build_registers_tei

# Fields a language may leave empty, because it has none of them (each pack says why in a comment).
MAY_BE_EMPTY = {
    "portfolio_words",
    "year_words",
    "bare_year_words",
    "century_words",
    "ibid_adverbs",
    "inventory_words",
    "verso_words",
    "hyphen_particles",
    "hyphen_particle_heads",
    "hyphen_dictionary",
}


def dated(text: str) -> list[tuple[str, dict[str, str]]]:
    return [(text[s.start : s.end], s.attrs) for s in find_dates(text)]


# --- the packs themselves ------------------------------------------------------------------------------


def test_every_module_of_the_package_is_a_registered_pack() -> None:
    """Adding a language is adding one module: the registry finds it, under its own code."""
    modules = [m.name for m in pkgutil.iter_modules(languages.__path__) if not m.name.startswith("_")]
    assert sorted(modules) == list(codes())
    assert {"ru", "en", "fr", "de"} <= set(codes())
    for name in modules:
        module = importlib.import_module(f"diplo_edition.languages.{name}")
        assert isinstance(module.PACK, LanguagePack)
        assert module.PACK.code == name
        assert pack(name) is module.PACK


@pytest.mark.parametrize("code", ["ru", "en", "fr", "de"])
def test_pack_has_every_field_filled(code: str) -> None:
    p = pack(code)
    for f in dataclasses.fields(LanguagePack):
        value = getattr(p, f.name)
        if f.name not in MAY_BE_EMPTY:
            assert value or value == 0, f"{code}: {f.name} is empty"
    assert len(p.months) == 12 and all(p.months)
    assert len(p.months_day) == 12 and len(p.months_alone) == 12
    assert all(re.fullmatch(p.month_pattern, form) for forms in p.months for form in forms)
    assert all(rule.parse in PARSERS for rule in p.date_rules)
    assert all(re.compile(rule.pattern) for rule in p.date_rules)
    assert set(codes()) <= set(p.language_names)
    assert len(p.quotes) == 4
    assert p.hyphen_dictionary in (None, "pymorphy3", "wordfreq")


def test_no_words_make_a_pattern_that_never_matches() -> None:
    assert pack("de").inventory_words == ()
    assert re.search(languages.alternation(pack("de").inventory_words), "Akte 12") is None


def test_unknown_language_falls_back_to_english() -> None:
    assert pack("ru-RU") is pack("ru")
    assert pack("ja") is pack(languages.FALLBACK) is pack("en")
    assert not languages.has_pack("ja") and languages.has_pack("de-AT")


def test_no_month_name_means_two_months() -> None:
    number: dict[str, int] = {}
    for p in packs():
        for n, forms in enumerate(p.months, 1):
            for form in forms:
                assert number.setdefault(form.casefold(), n) == n, form


def test_plural_rules_come_from_the_catalogs() -> None:
    """Babel's plural rule of each catalog: three Russian forms, two English ones."""
    def dates(lang: str, n: int) -> str:
        return site_words(lang).translations.ngettext("%(num)d date", "%(num)d dates", n) % {"num": n}

    assert [dates("ru", n) for n in (1, 2, 5, 11, 21, 24)] == [
        "1 дата", "2 даты", "5 дат", "11 дат", "21 дата", "24 даты"
    ]
    assert [dates("en", n) for n in (0, 1, 2)] == ["0 dates", "1 date", "2 dates"]
    assert dates("ja", 1) == "1 date"  # no catalog: the English message ids


# --- detection on the seed corpus ----------------------------------------------------------------------


def test_detection_on_the_seed_text(trees) -> None:
    tree = trees[URUMQI]
    body = "".join(tree.find("t:text/t:body", NS).itertext())
    assert detect_language(body, "en") == "ru"
    abstracts = tree.findall(".//t:profileDesc/t:abstract", NS)
    english = [a for a in abstracts if a.get(XML_LANG) == "en"]
    assert english, "the seed document has an English abstract"
    assert detect_language("".join(english[0].itertext()), "ru") == "en"


def test_detection_of_the_raw_sources() -> None:
    russian = (ROOT / "sources" / "urumqi-negotiations-1923.ru.txt").read_text(encoding="utf-8")
    english = (ROOT / "sources" / "urumqi-negotiations-1923.abstract.en.txt").read_text(encoding="utf-8")
    assert detect_language(russian, "en") == "ru"
    assert detect_language(english, "ru") == "en"
    assert detect_language("1923 — 1925", "fr") == "fr"  # no letters: the default
    # French is not told from English by its letters, but a Latin text of a French document is French
    assert detect_language("la convention de Pékin", "fr") == "fr"
    assert detect_language("la convention de Pékin", "ru") == "en"


# --- dates -----------------------------------------------------------------------------------------------


def test_french_dates() -> None:
    text = "Signée le 20 janvier 1925, ratifiée le 1er mai 1925; négociations de janvier à avril 1924."
    assert dated(text) == [
        ("20 janvier 1925", {"when": "1925-01-20"}),
        ("1er mai 1925", {"when": "1925-05-01"}),
        ("de janvier à avril 1924", {"from": "1924-01", "to": "1924-04"}),
    ]
    assert dated("Les relations reprirent en 1923, dans les années 1920.") == [
        ("1923", {"when": "1923"}),
        ("les années 1920", {"from": "1920", "to": "1929"}),
    ]
    assert dated("Il y a 1923 exemplaires et 31 février 1925.") == []


def test_german_dates() -> None:
    text = "Am 20. Januar 1925 unterzeichnet; im Jahre 1923 begonnen; vom 14.–16. Mai 1924 verhandelt."
    assert dated(text) == [
        ("20. Januar 1925", {"when": "1925-01-20"}),
        ("1923", {"when": "1923"}),
        ("14.–16. Mai 1924", {"from": "1924-05-14", "to": "1924-05-16"}),
    ]
    assert dated("die 1920er Jahre, von 1921 bis 1923, März 1922") == [
        ("1920er Jahre", {"from": "1920", "to": "1929"}),
        ("von 1921 bis 1923", {"from": "1921", "to": "1923"}),
        ("März 1922", {"when": "1922-03"}),
    ]


def test_russian_and_english_dates_still_cross_languages() -> None:
    """The rules of every pack are tried, whatever the string's language: quotations cross languages."""
    assert dated("Договор от 20 января 1925 г. (signed January 20, 1925)") == [
        ("20 января 1925 г.", {"when": "1925-01-20"}),
        ("January 20, 1925", {"when": "1925-01-20"}),
    ]


# --- headings, labels, hyphens ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line", ["Глава 2. Советско-японские отношения", "Chapter 3", "Chapitre IV", "Kapitel 1", "PART II"]
)
def test_chapter_word_of_each_language(line: str) -> None:
    assert heading_level(line) == 1


def test_chapter_words_come_from_every_pack() -> None:
    for p in packs():
        for word in p.chapter_words:
            assert heading_level(f"{word} 7") == 1
            assert heading_level(f"{word.upper()} XII") == 1
    assert heading_level("Главари 2 дня") is None


def test_abstract_and_keyword_labels_of_each_language() -> None:
    for p in packs():
        for label in p.abstract_labels:
            assert ABSTRACT_LABEL.match(f"{label}: Text.")["label"] == label
            assert LABEL_LANGUAGE[label] == p.code
        for label in p.keyword_labels:
            assert KEYWORDS_LABEL.match(f"{label}: a; b")["label"] == label
            assert LABEL_LANGUAGE[label] == p.code


def test_hyphen_particles_only_where_the_pack_has_them() -> None:
    dehyphenator = Dehyphenator()
    assert dehyphenator.decide("кто", "нибудь", "ru").reason == "particle"
    assert dehyphenator.decide("кое", "что", "ru").reason == "particle"
    assert pack("fr").hyphen_particles == () and pack("de").hyphen_particles == ()
    # a French break has no dictionary: without the text's own usage it is joined
    assert dehyphenator.decide("négo", "ciations", "fr").keep is False


# --- citations ---------------------------------------------------------------------------------------------


def test_ibid_words_of_each_language() -> None:
    for text in ("Ebd., S. 12.", "Ibid., p. 12.", "ibid., p. 12.", "Там же. С. 12."):
        ctx = CitationContext("doc", last_bibl_id="doc-cit-0")
        spans = find_citations(text, ctx, in_note=True)
        assert len(spans) == 1, text
        pages = [c for c in spans[0].children if c.tag == "citedRange"]
        assert pages and pages[-1].attrs["from"] == "12", text
    # "Там же" as an adverb is no citation
    ctx = CitationContext("doc", last_bibl_id="doc-cit-0")
    assert find_citations("Там же говорилось о Японии.", ctx, in_note=True) == []


def test_shelfmark_words_of_each_language() -> None:
    cases = {
        "АВП РФ. Ф. 08. Оп. 6. Д. 27. Л. 129об.": ("fond", "inventory", "file", "folio"),
        "AVP RF, F. 08, op. 6, D. 27, L. 5.": ("fond", "inventory", "file", "folio"),
        "AMAE, carton 12, dossier 3, f° 45 v°.": ("inventory", "file", "folio"),
        "PA AA, Bestand 901, Akte 12, Bl. 5v.": ("fond", "file", "folio"),
    }
    for text, kinds in cases.items():
        spans = find_citations(text, CitationContext("doc"))
        assert [s.attrs.get("type") for s in spans] == ["archival"], text
        found = tuple(c.attrs.get("type") or c.attrs.get("unit") for c in spans[0].children)
        assert found[-len(kinds) :] == kinds, text


# --- the site's interface --------------------------------------------------------------------------------


def test_interface_words_follow_the_language() -> None:
    assert site_words("ru").date_range_words("1921-09-05", "1921-10-10") == "5 сентября – 10 октября 1921 г."
    assert site_words("ru").date_range_words("1921", "1923") == "1921–1923 гг."
    assert site_words("en").date_range_words("1921-09-05", "1921-10-10") == "5 September – 10 October 1921"
    assert site_words("de").iso_date_words("1925-01-20") == "20. Januar 1925"
    assert site_words("fr").kind_label("thesis") == "Mémoire"
    assert site_words("en").language_label("ru") == "Russian"
    assert site_words("ja").kind_label("article") == "Article"  # no pack: English


def test_registers_tei_is_in_the_collection_first_language() -> None:
    edition = load_edition(ROOT)
    registers = load_registers(ROOT)
    assert edition.collection.languages[0] == "ru"
    seed = build_registers_tei(registers, edition.collection).decode()
    assert re.search(r'<TEI [^>]*xml:lang="ru"', seed)
    assert 'type="preferred" xml:lang="ru"' in seed
    english_first = dataclasses.replace(edition.collection, languages=("en", "ru"))
    xml = build_registers_tei(registers, english_first).decode()
    assert re.search(r'<TEI [^>]*xml:lang="en"', xml)
    assert 'type="preferred" xml:lang="ru"' not in xml


@pytest.mark.parametrize(
    ("ui_lang", "expected"),
    [
        ("ru", "Квалификационная работа · 20 января 1925 г. · 2 даты"),
        ("en", "Thesis · 20 January 1925 · 2 dates"),
    ],
)
def test_site_environment_speaks_the_interface_language(ui_lang: str, expected: str) -> None:
    env = make_environment(theme_folders(ROOT / "templates"), ui_lang)
    page = env.from_string("{{ 'thesis' | kind_label }} · {{ '1925-01-20' | date_words }} · "
                           "{{ ngettext('%(num)d date', '%(num)d dates', 2) }}")
    assert page.render() == expected
    assert env.globals["ui_lang"] == ui_lang


def test_ocr_lookalikes_are_the_russian_packs_and_every_reader_takes_them_from_it() -> None:
    """One table of what OCR reads for Cyrillic letters, in the Russian pack; the Latin packs have none."""
    table = languages.script_lookalikes("Cyrillic")
    assert table == pack("ru").ocr_lookalikes
    assert all(p.ocr_lookalikes == languages.OcrLookalikes() for p in packs() if p.script == "Latin")
    assert all(re.fullmatch("[A-Za-z0-9]", latin) and re.fullmatch("[а-яА-ЯёЁ]", letter)
               for latin, letter in table.latin.items())
    # the words read in Cyrillic (ocr-confusables, hyphens), the shelfmark words, the superscript reads
    assert cyrillic_reading("".join(table.latin)) == "".join(table.latin.values())
    assert {locator_reading(w, "inventory") for w in ("On.", "Он.")} == {"Оп."}
    assert table.digit_letters
    assert all(align([letter], [int(digit)]) == [0]
               for digit, letters in table.digit_letters.items() for letter in letters)
