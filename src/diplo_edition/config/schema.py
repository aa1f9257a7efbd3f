"""Every key of the edition files, declared once: ``editions/collection.yml``, a document's
``editions/<id>.yml`` and the entries listed in them.

The loader (``editions.py``) reads through these declarations and the README's table of keys is generated
from them (``python -m diplo_edition.config``), so that the two cannot disagree.
"""

from __future__ import annotations

from .base import Schema
from .options import (
    BaseUrl,
    Choice,
    ChoiceList,
    Entries,
    IsoDate,
    Language,
    Languages,
    MaybeEmptyText,
    NumberedTexts,
    PositiveInt,
    Section,
    Slug,
    SourcePath,
    SuppliedTitle,
    Text,
    TextList,
)

ROLES = ("body", "abstract", "copy", "tei")
KINDS = ("article", "thesis", "textbook-chapter")
# The styles of note labels the notes code knows (layout/note_labels.py LABEL_STYLES).
NOTE_LABEL_STYLES = ("digit", "dotted", "paren", "bracket", "closing", "symbol")

_DISABLE_PASSES_EXAMPLE = "[mentions, dates]"
MAX_SOURCE_MEGABYTES = 50  # a raw file is read whole into memory; an OCR text of a book is a few MB
SEARCH_SHARD_SIZE = 50  # documents a search shard holds, about: what one change re-indexes
# Reading text (text and notes) a document page holds, about: a thesis of 400 KB of text is split into
# pages of some 100 KB (about 160 KB of HTML), an article stays one page.
PART_KILOBYTES = 100

SERIES = Schema("a series entry (in `series:`)", "a series entry", "the series entry", (
    Slug("id", "Slug of the series; its concordance is `<id>/` (its volumes), each volume's pages at "
         "`<id>/vol-<n>/`.", required=True),
    Text("title", "The series' full title, as its concordance page is headed.", required=True),
    TextList("names", "How citations name it: the title's words and its abbreviations, as printed.",
             required=True, example="[Документы внешней политики, ДВП]"),
    Text("short", "A short label for the navigation (e.g. ДВП)."),
))

ARCHIVE = Schema("an archive entry (in `archives:`)", "an archive entry", "the archive entry", (
    Text("abbreviation", "The archive's abbreviation as shelfmarks print it (e.g. АВП РФ).", required=True),
    Text("name", "The archive's full name.", required=True),
))

COLLECTION = Schema("`editions/collection.yml`", "collection.yml", "collection.yml", (
    Text("title", "The edition's title, shown on every page.", required=True),
    Text("title_en", "The title in English."),
    BaseUrl("base_url", "Address where the site is published (a folder: it ends in `/`).", required=True),
    Languages("languages", "Languages of the edition, the main one first.", required=True),
    Languages("interface_languages", "Languages of the site's interface, the default first: its pages keep "
                                     "their addresses, another language's pages are under `<code>/`, each "
                                     "linked to its twin. Left out: the first of `languages`.",
              default=()),
    Text("publisher", "Who publishes the edition; citations name it."),
    TextList("editors", "The edition's editors as citations name them.", example="[А. Б. Иванов, C. Smith]"),
    IsoDate("published", "When the edition was first published online (a year or a date); citations give "
                         "its year."),
    Text("licence", "The licence of the edition: its TEI, apparatus and pages (e.g. CC BY 4.0)."),
    Text("texts_licence", "The rights in the texts edited: what their authors and publishers allow, "
                          "and on what terms the edition quotes them."),
    Text("introduction", "Markdown text of the home page."),
    Text("about", "Markdown text of the about page."),
    Entries("series", "Printed series that citations name by volume and page; each gets a concordance.",
            of=SERIES),
    Entries("archives", "Archives that shelfmarks name by their abbreviation.", of=ARCHIVE),
    TextList("disable_passes", "Names of layout and apparatus passes switched off for every document.",
             example=_DISABLE_PASSES_EXAMPLE),
    PositiveInt("max_source_megabytes", "The largest raw file read, in megabytes (a file is read whole); "
                                        "a larger one is refused.", default=MAX_SOURCE_MEGABYTES),
    PositiveInt("search_shard_size", "Documents per shard of the search index, about: a changed document "
                                     "re-indexes its shard only; the search page loads one shard and merges "
                                     "the others.", default=SEARCH_SHARD_SIZE),
    PositiveInt("part_kilobytes", "The reading text (text and notes, in kilobytes of UTF-8) a document's "
                                  "page holds, about: a longer document is split into parts at its "
                                  "chapters (`documents/<id>/`, `documents/<id>/2/`, …).",
                default=PART_KILOBYTES),
))

SOURCE = Schema("a source entry (in `sources:`)", "a source entry", "the source entry", (
    SourcePath("file", "The raw file, written `sources/<name>`.", required=True),
    Choice("role", "What the file is: the text (`body`), an `abstract`, a second extraction of the same "
                   "print (`copy`), or the whole document as TEI corrected by hand (`tei`).",
           required=True, choices=ROLES),
    Language("lang", "The file's language, when not the document's first one."),
))

CORRECTION = Schema("a correction entry (in `corrections:`)", "a correction", "the correction", (
    Text("sic", "The text as printed (it must occur in the source).", required=True),
    MaybeEmptyText("corr", "The corrected text (empty: delete `sic`).", required=True),
    Text("note", "Why, when it is not evident."),
    Text("resp", "Who made the correction.", required=True),
))

LAYOUT = Schema("the layout hints (in `layout:` of a document file)", "the layout hints", "the hints", (
    TextList("running_heads", "The running heads as printed, when detection cannot settle them (a head on "
                              "two pages only): kept out of the reading text wherever they stand at a page "
                              "edge.", example="[LES PAPIERS DE STRESEMANN]"),
    TextList("endnote_titles", "Titles of endnote sections the language packs do not know (each opens a "
                               "section of notes when a note's label follows it).", example="[Anmerkungen]"),
    ChoiceList("note_markers", "How the notes are labelled, when detection cannot settle it: only a label "
                               "of these styles opens a note (`digit` 1 as a superscript is extracted, "
                               "`dotted` 1., `paren` (1), `bracket` [1], `closing` 1), `symbol` * † ‡).",
               choices=NOTE_LABEL_STYLES, example="[paren]"),
    Choice("notes_restart", "Where the numbering of the notes starts again at 1, when detection cannot "
                            "settle it: on every `page`, or never (`document`: one sequence).",
           choices=("page", "document")),
))

_SOURCES_EXAMPLE = "e.g. '- file: sources/name.txt' with 'role: body' below it"

DOCUMENT = Schema("a document file `editions/<id>.yml`", "an edition file", "the edition file", (
    Slug("id", "The document's id: its page is `documents/<id>/` and its TEI `tei/<id>.xml`.", required=True),
    Text("title", "The title as printed (`title` or `supplied_title` is required)."),
    SuppliedTitle("supplied_title", "A descriptive title for a document that prints none, without "
                                    "brackets (they are added on display)."),
    TextList("authors", "The authors as printed.", example="[A. B. Ivanov, C. Smith]"),
    Choice("kind", "What the document is.", required=True, choices=KINDS),
    Languages("languages", "Languages of the text, the main one first.", required=True),
    IsoDate("date", "Date of the document: a year, year-month or date (1959, 1959-03, 1959-03-14)."),
    Text("published_in", "Where it was published."),
    PositiveInt("first_page", "Number of the first printed page."),
    Entries("sources", "The raw files the document is made of, the text first.", required=True,
            of=SOURCE, expected=f"a list of source entries ({_SOURCES_EXAMPLE})",
            if_empty=f"list at least the body text ({_SOURCES_EXAMPLE})"),
    NumberedTexts("references", "Bibliography entries by number, as `1: Author, Title, 1925`."),
    Entries("corrections", "Editorial corrections of the printed text.", of=CORRECTION,
            expected="a list of entries with sic, corr and resp"),
    Text("notes", "Editorial notes on the document."),
    TextList("disable_passes", "Names of layout and apparatus passes switched off for this document.",
             example=_DISABLE_PASSES_EXAMPLE),
    Section("layout", "What layout detection cannot settle, declared (`new` writes what it detected, with "
                      "these keys commented out).", of=LAYOUT),
))

# In the order the README lists them.
SCHEMAS = (COLLECTION, SERIES, ARCHIVE, DOCUMENT, SOURCE, CORRECTION, LAYOUT)
