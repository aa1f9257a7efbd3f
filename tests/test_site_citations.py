"""Citations of the edition and its documents (issue 14): CSL rendering in GOST R 7.0.100-2018 and Chicago,
the CSL-JSON, BibTeX and RIS downloads (each read back by a parser), and the warning about an example
base_url. Checked on the real seed documents' TEI, rendered as the site reads it."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import bibtexparser
import pytest
from conftest import THESIS, URUMQI

from diplo_edition.editions import Collection, load_edition
from diplo_edition.site.address import example_address_warning, is_example_address
from diplo_edition.site.csl import document_citation, document_item, edition_citations, person, render
from diplo_edition.site.document import read_document
from diplo_edition.site.downloads import FORMATS, EditionFacts, document_files, formatted
from diplo_edition.site.register_index import read_registers

ROOT = Path(__file__).resolve().parents[1]
EDITORS = ("П. П. Петров", "Smith J.")
THESIS_TITLE = "[Советско-японские отношения в 1922–1941 гг. (магистерская работа)]"
EDITION_TITLE = "Советская дипломатия 1920–1930-х годов: исследования"
SITE = "https://diplo.test/edition/"


@pytest.fixture(scope="module")
def collection() -> Collection:
    return replace(load_edition(ROOT).collection, editors=EDITORS, published="2025-06-01", base_url=SITE)


def view_of(results, doc_id: str, collection: Collection, ui_lang: str = "ru"):
    view, _ = read_document(results[doc_id].tei, collection.base_url, read_registers(None), collection.series,
                            ui_lang=ui_lang)
    return view


def test_gost_citation_of_a_document_names_the_edition_its_editors_pages_and_address(results, collection):
    cited = document_citation(view_of(results, THESIS, collection), collection)
    edition = (f"{THESIS_TITLE}. — Текст : электронный // {EDITION_TITLE} / редакторы П. П. Петров, "
               "J. Smith. — diplo-edition, 2025.")
    url = f"{SITE}documents/{THESIS}/"
    # The thesis's page numbers were all inferred from their neighbours (none survived extraction
    # at the ends): in brackets.
    assert cited.whole == f"{edition} — С.\u00a0[3]–[91]. — URL: {url} (дата обращения: ДД.ММ.ГГГГ)."
    assert cited.paged == (f"{edition} — С.\u00a0{{pages}}. — URL: {url}#{{anchor}} "
                           "(дата обращения: ДД.ММ.ГГГГ).")
    assert cited.paragraph == (f"{edition} — абз.\u00a0{{paragraph}}. — URL: {url}#{{anchor}} "
                               "(дата обращения: ДД.ММ.ГГГГ).")
    assert cited.bare == f"{edition} — URL: {url}#{{anchor}} (дата обращения: ДД.ММ.ГГГГ)."
    assert cited.style_label == "ГОСТ Р 7.0.100–2018"


def test_chicago_citation_of_a_document_for_an_english_interface(results, collection):
    english = replace(collection, languages=("en", "ru"))
    view = replace(view_of(results, URUMQI, english, "en"), authors=("A. B. Ivanov", "John Smith"))
    cited = document_citation(view, english)
    head = (f"A. B. Ivanov and John Smith, “{view.title},” in {EDITION_TITLE}, ed. П. П. Петров and J. Smith "
            "(diplo-edition, 2025)")
    url = f"{SITE}documents/{URUMQI}/"
    assert cited.whole == f"{head}, {url}."
    assert cited.paged == f"{head}, {{pages}}, {url}#{{anchor}}."
    assert cited.paragraph == f"{head}, para. {{paragraph}}, {url}#{{anchor}}."
    assert "дата обращения" not in cited.whole  # Chicago gives no date of access for a dated work
    assert cited.style_label.startswith("Chicago")


def test_how_to_cite_the_edition_in_both_styles(collection):
    (gost_label, gost_lang, gost), (chicago_label, chicago_lang, chicago) = edition_citations(collection)
    assert (gost_label, gost_lang, chicago_lang) == ("ГОСТ Р 7.0.100–2018", "ru", "en")
    assert gost == (f"{EDITION_TITLE} / редакторы П. П. Петров, J. Smith. — diplo-edition, 2025. — "
                    f"URL: {SITE} (дата обращения: ДД.ММ.ГГГГ). — Текст : электронный.")
    assert chicago == f"Петров, П. П., and J. Smith, eds. {EDITION_TITLE}. diplo-edition, 2025. {SITE}."
    assert chicago_label.startswith("Chicago")


def test_printed_names_become_csl_names():
    assert person("А. Б. Иванов") == {"family": "Иванов", "given": "А. Б."}
    assert person("Иванов А. Б.") == {"family": "Иванов", "given": "А. Б."}
    assert person("John Smith") == {"family": "Smith", "given": "John"}
    assert person("Ю.-Ф. Ким") == {"family": "Ким", "given": "Ю.-Ф."}
    assert person("ТАСС") == {"literal": "ТАСС"}


# --- the downloads ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def items(results, collection) -> list[dict]:
    edition = EditionFacts.of(collection)
    return [document_item(view_of(results, doc_id, collection), edition) for doc_id in (THESIS, URUMQI)]


def test_csl_json_is_read_back_by_citeproc(items):
    data = json.loads(formatted(items)[FORMATS[0]])
    assert data == items
    assert data[0]["page"] == "3–91" and "page" not in data[1]  # the Urumqi article has no page numbers
    thesis, urumqi = (render(item, "en", entry=True) for item in data)
    assert thesis == (f"“{THESIS_TITLE}.” In {EDITION_TITLE}, edited by П. П. Петров and J. Smith, 3–91. "
                      f"diplo-edition, 2025. {SITE}documents/{THESIS}/.")
    assert urumqi.startswith("“[Переговоры о Временном торговом соглашении")


def test_bibtex_is_read_back_by_bibtexparser(items):
    library = bibtexparser.parse_string(formatted(items)[FORMATS[1]].decode("utf-8"))
    assert library.failed_blocks == []
    thesis, urumqi = library.entries
    assert (thesis.entry_type, thesis.key, urumqi.key) == ("incollection", THESIS, URUMQI)
    fields = {f.key: f.value for f in thesis.fields}
    assert fields["title"] == "{" + THESIS_TITLE + "}"
    assert fields["booktitle"] == "{" + EDITION_TITLE + "}"
    assert fields["editor"] == "Петров, П. П. and Smith, J."
    assert (fields["pages"], fields["year"], fields["url"]) == ("3--91", "2025", f"{SITE}documents/{THESIS}/")


RIS_LINE = re.compile(r"([A-Z][A-Z0-9])  - (.*)")


def read_ris(text: str) -> list[dict[str, list[str]]]:
    """A strict RIS reader: every line 'XX  - value' ending in CR LF, each record from TY to ER."""
    assert text.endswith("\r\n")
    records: list[dict[str, list[str]]] = []
    current: dict[str, list[str]] | None = None
    for line in text[:-2].split("\r\n"):
        match = RIS_LINE.fullmatch(line)
        assert match, line
        tag, value = match.groups()
        if tag == "TY":
            assert current is None, "TY inside a record"
            current = {}
        assert current is not None, f"{tag} outside a record"
        if tag == "ER":
            records.append(current)
            current = None
        else:
            current.setdefault(tag, []).append(value)
    assert current is None, "a record without ER"
    return records


def test_ris_is_read_back_by_a_strict_reader(items):
    thesis, urumqi = read_ris(formatted(items)[FORMATS[2]].decode("utf-8"))
    assert thesis["TY"] == ["CHAP"] and thesis["TI"] == [THESIS_TITLE] and thesis["T2"] == [EDITION_TITLE]
    assert thesis["ED"] == ["Петров, П. П.", "Smith, J."]
    assert (thesis["SP"], thesis["EP"], thesis["PY"]) == (["3"], ["91"], ["2025"])
    assert "SP" not in urumqi and urumqi["UR"] == [f"{SITE}documents/{URUMQI}/"]


def test_bibtex_escapes_what_bibtex_reads_as_commands():
    item = {"id": "x y", "title": "50% of {A} & B_c #1", "URL": "https://diplo.test/", "language": "en",
            "author": [{"literal": "ТАСС"}]}
    library = bibtexparser.parse_string(formatted([item])[FORMATS[1]].decode("utf-8"))
    (entry,) = library.entries
    fields = {f.key: f.value for f in entry.fields}
    assert entry.key == "x-y" and entry.entry_type == "book"
    assert fields["title"] == r"{50\% of \{A\} \& B\_c \#1}" and fields["author"] == "{ТАСС}"


def test_a_document_has_its_three_downloads_beside_its_page(results, collection):
    files = document_files(view_of(results, URUMQI, collection), collection)
    assert sorted(files) == [f"documents/{URUMQI}/{URUMQI}.{suffix}" for suffix in ("bib", "json", "ris")]


# --- the example address ----------------------------------------------------------------------------


def test_an_example_address_is_told_from_a_real_one():
    for url in ("https://example.org/CHANGE-ME/", "https://diplo-edition.example.org/", "http://EXAMPLE.com/",
                "https://site.example/", "https://x.invalid/"):
        assert is_example_address(url), url
    # what `init` writes, and this repository's own edition until it is published
    template = (ROOT / "src/diplo_edition/new_project/collection.yml").read_text(encoding="utf-8")
    assert is_example_address(re.search(r'^base_url: "(.+)"', template, re.MULTILINE).group(1))
    assert is_example_address(load_edition(ROOT).collection.base_url)
    for url in ("https://diplo.test/edition/", "http://localhost:8000/", "https://history.msu.ru/edition/",
                "https://notexample.org/"):
        assert not is_example_address(url), url


def test_the_warning_names_base_url_at_its_line(tmp_path, collection):
    file = tmp_path / "editions" / "collection.yml"
    file.parent.mkdir()
    file.write_text('title: "T"\n# where it is published\nbase_url: "https://example.org/CHANGE-ME/"\n',
                    encoding="utf-8")
    placeholder = "https://example.org/CHANGE-ME/"
    warning = example_address_warning(replace(collection, file=file, base_url=placeholder))
    assert warning is not None and str(warning).startswith(
        f"editions/collection.yml:3: warning: base_url '{placeholder}' is an address reserved for examples")
    assert example_address_warning(collection) is None
