"""Citations of the edition and of its documents in CSL: the items (CSL-JSON) and their rendering by
citeproc-py with the styles packaged in ``site/csl/``: GOST R 7.0.100-2018 for a Russian interface,
Chicago (notes and bibliography) for any other.

The suggested citation of a place is rendered here, once per document, with "{pages}", "{paragraph}"
and "{anchor}" standing for the place's own (site.js fills them in), and the date of access as the
language pack's placeholder ("ДД.ММ.ГГГГ"), which site.js replaces by the reader's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    Locator,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from ..editions import Collection
from ..languages import interface_language
from .citation_text import page_range
from .model import DocumentView
from .words import site_words

PAGES, PARAGRAPH, ANCHOR = "{pages}", "{paragraph}", "{anchor}"
STYLE_FOLDER = "csl"
GOST = "gost-r-7-0-100-2018-edition.csl"
CHICAGO = "chicago-notes-bibliography-edition.csl"
_STYLE_BY_LANGUAGE = {"ru": (GOST, "ru-RU")}
STYLE_LABELS = {GOST: "ГОСТ Р 7.0.100–2018", CHICAGO: "Chicago Manual of Style, 17th ed."}
_NAMES_ACCESS_DATE = {GOST}  # Chicago leaves the date of access out of a citation of a dated work
_CHICAGO_LOCALE = "en-US"
_INITIAL = re.compile(r"\w{1,2}\.(?:-?\w\.)?$")


@dataclass(frozen=True)
class EditionFacts:
    """What a citation says of the edition: from collection.yml."""

    title: str
    editors: tuple[str, ...]
    publisher: str | None
    year: str | None
    url: str
    lang: str

    @classmethod
    def of(cls, collection: Collection, ui_lang: str | None = None) -> EditionFacts:
        """The edition as cited in the interface language ui_lang (the default one when None)."""
        published = collection.published
        return cls(title=collection.title, editors=collection.editors, publisher=collection.publisher,
                   year=published[:4] if published else None, url=collection.base_url,
                   lang=ui_lang or interface_language(collection.languages))


@dataclass(frozen=True)
class DocumentCitation:
    """The citations a document page offers: the document's whole, and the patterns of a place in it
    (with pages, with a paragraph number where no page is known, and with neither)."""

    whole: str
    paged: str
    paragraph: str
    bare: str
    style_label: str  # the style's name, as the page names it
    downloads: tuple = ()  # (format, site path) of the document's citation files: see downloads.py

    def at(self, document_url: str, part_url: str) -> DocumentCitation:
        """The patterns of a place cited at the address of the part of the page that holds it
        (site/parts.py); the document's whole stays the document's."""
        def moved(pattern: str) -> str:
            return pattern.replace(document_url + "#", part_url + "#")
        return replace(self, paged=moved(self.paged), paragraph=moved(self.paragraph), bare=moved(self.bare))


def person(name: str) -> dict[str, str]:
    """A printed name as a CSL name: 'А. Б. Иванов' and 'Иванов А. Б.' alike; one word is a literal."""
    words = name.split()
    if len(words) < 2:
        return {"literal": name}
    initials_first = [w for w in words if _INITIAL.fullmatch(w)]
    if initials_first and words[: len(initials_first)] == initials_first:
        return {"family": " ".join(words[len(initials_first):]), "given": " ".join(initials_first)}
    if initials_first and words[-len(initials_first):] == initials_first:
        return {"family": " ".join(words[: -len(initials_first)]), "given": " ".join(initials_first)}
    return {"family": words[-1], "given": " ".join(words[:-1])}


def _date(iso: str) -> dict:
    return {"date-parts": [[int(part) for part in iso.split("-")]]}


def edition_item(edition: EditionFacts) -> dict:
    """The edition itself, as a CSL-JSON item."""
    item: dict = {"id": "edition", "type": "book", "title": edition.title, "URL": edition.url,
                  "language": edition.lang}
    if edition.editors:
        item["editor"] = [person(name) for name in edition.editors]
    if edition.publisher:
        item["publisher"] = edition.publisher
    if edition.year:
        item["issued"] = _date(edition.year)
    return item


def document_item(doc: DocumentView, edition: EditionFacts) -> dict:
    """A document of the edition, as a CSL-JSON item: a part of the edition, with its printed pages."""
    item = {**edition_item(edition), "id": doc.id, "type": "chapter", "title": doc.title,
            "container-title": edition.title, "language": doc.lang, "URL": doc.canonical}
    if doc.authors:
        item["author"] = [person(name) for name in doc.authors]
    if doc.date:
        item["original-date"] = _date(doc.date)
    numbered = [page.n for page in doc.pages if page.n is not None]
    if numbered:
        item["page"] = numbered[0] if len(numbered) == 1 else f"{numbered[0]}–{numbered[-1]}"
    return item


def _style_path(name: str) -> Path:
    return Path(str(resources.files(__package__).joinpath(STYLE_FOLDER, name)))


@cache
def _style(name: str, locale: str) -> CitationStylesStyle:
    return CitationStylesStyle(str(_style_path(name)), locale=locale, validate=False)


def style_for(ui_lang: str) -> tuple[str, str]:
    """The style file and locale for an interface language."""
    return _STYLE_BY_LANGUAGE.get(ui_lang, (CHICAGO, _CHICAGO_LOCALE))


def access_date_placeholders(theme: tuple[Path, ...] | None = None) -> list[str]:
    """What stands for the date of access in the citations a page may hold (each in its style's language:
    a Russian citation on an English page has the Russian placeholder), for site.js to replace."""
    return sorted({site_words(lang, theme).access_date_placeholder for lang, (name, _locale)
                   in _STYLE_BY_LANGUAGE.items() if name in _NAMES_ACCESS_DATE})


def render(item: dict, ui_lang: str, locator: Locator | None = None, *, entry: bool = False,
           theme: tuple[Path, ...] | None = None) -> str:
    """One full citation of item as plain text: a note (Chicago) or a reference (GOST) citing the place
    locator, or with entry, the item's bibliography entry. Where the style names the date of access, it
    reads as the placeholder of the interface's catalog (the theme's folders', the packaged theme's when
    none are given)."""
    name, locale = style_for(ui_lang)
    # The style reads the date of access from "note": a placeholder, not a date, and in no download.
    access = site_words(ui_lang, theme).access_date_placeholder
    data = {**item, "note": access} if name in _NAMES_ACCESS_DATE else item
    bibliography = CitationStylesBibliography(_style(name, locale), CiteProcJSON([data]), formatter.plain)
    cited = Citation([CitationItem(item["id"], locator=locator) if locator else CitationItem(item["id"])])
    bibliography.register(cited)
    if entry:
        return str(bibliography.bibliography()[0])
    return str(bibliography.cite(cited, lambda _missing: None))


def document_citation(doc: DocumentView, collection: Collection, ui_lang: str | None = None, *,
                      theme: tuple[Path, ...] | None = None) -> DocumentCitation:
    """The citations offered on a document's page, in the style of the page's interface language (its
    words in the theme's catalogs)."""
    edition = EditionFacts.of(collection, ui_lang)
    ui_lang = edition.lang
    item = document_item(doc, edition)
    place = {**item, "URL": f"{doc.canonical}#{ANCHOR}"}
    place.pop("page", None)
    numbered = [page for page in doc.pages if page.n is not None]
    if numbered:  # as cited: a number the edition inferred in brackets
        item = {**item, "page": page_range(numbered[0], numbered[-1])}
    return DocumentCitation(
        whole=render(item, ui_lang, theme=theme),
        paged=render(place, ui_lang, Locator("page", PAGES), theme=theme),
        paragraph=render(place, ui_lang, Locator("paragraph", PARAGRAPH), theme=theme),
        bare=render(place, ui_lang, theme=theme),
        style_label=STYLE_LABELS[style_for(ui_lang)[0]],
    )


def edition_citations(collection: Collection, ui_lang: str | None = None, *,
                      theme: tuple[Path, ...] | None = None) -> list[tuple[str, str, str]]:
    """The edition's bibliography entry in each packaged style, the page's interface's own first: (the
    style's name, the language it is for, the entry; its words in the theme's catalogs)."""
    edition = EditionFacts.of(collection, ui_lang)
    item = edition_item(edition)
    return [(STYLE_LABELS[style_for(lang)[0]], lang, render(item, lang, entry=True, theme=theme))
            for lang in dict.fromkeys((edition.lang, "ru", "en"))]
