"""Plain view-model data for the site: what the templates show, with no TEI and no HTML in it.

The reading text is a small tree of ``Node``s and strings (text). Everything gathered across documents
(mentions, dates, citations) is a record with a ``Locus``: the document, the anchor on its page, and a
snippet of the text around it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from . import urls
from .records import Record, changed


@dataclass
class Node:
    """A piece of mixed content: ``kind`` says how the template shows it; children are Nodes and str."""

    kind: str
    children: list = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Page:
    """An original page start. ``label`` is the printed or inferred number, or "[k]" when none is known."""

    anchor: str  # page-45, or page-seq-3 for a page without a number
    label: str
    n: str | None
    seq: int  # 1-based order of the page break in the document
    inferred: bool


@dataclass(frozen=True, slots=True)
class Snippet(Record):
    before: str
    match: str
    after: str


@dataclass(frozen=True, slots=True)
class Locus(Record):
    """Where something stands in a document: a paragraph (p12), a note (fn3), a heading, an abstract."""

    doc_id: str
    doc_title: str
    anchor: str
    label: str  # "¶ 12", "прим. 3", … (its mark in the interface's words)
    mark: tuple[str, str]  # the place in no language: ("paragraph" | "note" | "heading" | "abstract", its n)
    page: str | None  # label of the original page, if known
    snippet: Snippet
    order: int  # position in the document, for sorting
    lang: str  # the language of the text there (its paragraph's, its abstract's): the snippet's
    doc_lang: str  # the document's language: its title's
    part: int = 1  # the part of the document's page that holds the anchor (PartMap.place)

    @property
    def href(self) -> str:
        """Root-relative link to the place."""
        return f"{urls.part_path(self.doc_id, self.part)}#{self.anchor}"


@dataclass(frozen=True, slots=True)
class Mention(Record):
    kind: str  # person | place | org
    entry_id: str
    text: str
    locus: Locus


@dataclass(frozen=True, slots=True)
class DateMention(Record):
    start: str  # ISO, for sorting
    end: str
    label: str  # the date in words
    year: str
    text: str  # as printed
    locus: Locus


@dataclass(frozen=True)
class Shelfmark:
    """archive → fond → inventory → file, each (key, label); folios as printed range."""

    levels: tuple[tuple[str, str], ...]  # ((key, label), …) for archive, fond, inventory, file
    folios: str | None  # "Л. 3–5"


@dataclass(frozen=True)
class ArchivalCitation:
    shelfmark: Shelfmark
    anchor: str  # anchor on archives/index.html of the most specific level
    text: str
    locus: Locus


@dataclass(frozen=True)
class ReferenceCitation:
    """A citation of the document's numbered reference list ("[1. Д. 27. Л. 4]")."""

    ref_id: str  # xml:id of the list's bibl
    n: str
    ref_text: str
    group: str  # the file or volume cited ("Д. 27"), or ""
    leaf: str  # the folios or pages cited ("Л. 4"), or ""
    text: str
    locus: Locus


@dataclass(frozen=True, slots=True)
class SeriesCitation(Record):
    """A citation of a printed series of the edition's table (the DVP, …) by volume and page."""

    series: str  # the series' id
    key: str  # <series id>-<volume>-<page>
    volume: str  # "x" when not printed
    page: str
    pages: str  # as cited: "45" or "45–47"
    text: str
    locus: Locus

    @property
    def range(self) -> str | None:
        """The pages cited ('338–339') when the citation runs over more than the page it is filed under
        (the concordance words them: series.html)."""
        return self.pages if self.pages and self.pages != self.page else None


@dataclass(frozen=True, slots=True)
class WorkCitation(Record):
    key: str  # normalised work key
    anchor: str  # anchor on works-cited/index.html
    display: str  # the citation with its page locator stripped
    text: str  # as printed
    shown: str  # what the works-cited page shows beside the place: the locator, or the text as printed
    locus: Locus


@dataclass(frozen=True)
class ReferenceEntry:
    """An item of the document's numbered reference list (sourceDesc/listBibl)."""

    n: str
    anchor: str  # ref-1
    text: str
    citing: tuple[tuple[Locus, str], ...]  # (where, the citation as printed)


@dataclass(frozen=True)
class NoteView:
    n: str
    anchor: str  # fn3
    ref_anchor: str  # fnref3
    unanchored: bool
    nodes: list


@dataclass
class Paragraph:
    anchor: str | None  # p12
    n: str | None
    nodes: list
    pages: str | None  # "45" or "45–46" (printed/inferred numbers only)


@dataclass
class Division:
    anchor: str  # sec-1-2
    level: int
    head: list | None  # nodes of the heading
    head_text: str
    blocks: list  # Paragraph | Division | PageBlock | Quotation | SectionBreak


@dataclass(frozen=True)
class Quotation:
    """A block quotation (``quote``): its paragraphs, numbered with the others."""

    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class SectionBreak:
    """A separator line between sections (``milestone unit="section"``)."""

    unit: str = "section"


@dataclass(frozen=True)
class PageBlock:
    """A page break between blocks (not inside a paragraph)."""

    page: Page


@dataclass(frozen=True)
class Abstract:
    lang: str
    anchor: str
    paragraphs: tuple[list, ...]
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class TocEntry:
    anchor: str
    text: str
    level: int
    children: tuple[TocEntry, ...] = ()


@dataclass(frozen=True)
class DocumentHeading:
    """A document as the order of the documents and its neighbours' links need it: from its TEI header."""

    id: str
    title: str
    date: str | None
    lang: str | None  # the document's language: its title's


@dataclass(frozen=True)
class Neighbours:
    """The documents before and after one in the site's order (the home page's list)."""

    previous: DocumentHeading | None = None
    next: DocumentHeading | None = None


@dataclass(frozen=True)
class PartHeading:
    """What the contents say of a part: its number, its first heading, its printed pages."""

    number: int
    title: str
    pages: tuple[str, str] | None  # the first and the last ("45", "62"), or None where no page has a number


@dataclass(frozen=True)
class PartMap:
    """A document's parts and the anchors of each part past the first (an anchor not named is in part 1)."""

    doc_id: str
    headings: tuple[PartHeading, ...] = ()
    where: dict[str, int] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return max(1, len(self.headings))

    def number(self, anchor: str) -> int:
        """The part holding anchor."""
        return self.where.get(anchor, 1)

    def path(self, number: int = 1) -> str:
        return urls.part_path(self.doc_id, number)

    def paths(self) -> list[str]:
        """The pages of the document, the first part's first."""
        return [self.path(number) for number in range(1, self.count + 1)]

    def href(self, anchor: str) -> str:
        """Root-relative link to anchor, in the part that holds it."""
        return f"{self.path(self.number(anchor))}#{anchor}"

    def link_from(self, current: int, anchor: str, root: str) -> str:
        """An href to anchor from part current (root: that page's way back to the site root)."""
        number = self.number(anchor)
        return f"#{anchor}" if number == current else f"{root}{urls.href(self.path(number))}#{anchor}"

    def script_map(self) -> dict[str, str]:
        """The anchors of each later part, for site.js on the first page: {path from part 1: "a b c"}."""
        by_part: dict[int, list[str]] = {}
        for anchor, number in self.where.items():
            by_part.setdefault(number, []).append(anchor)
        return {f"{number}/": " ".join(anchors) for number, anchors in sorted(by_part.items())}

    def place(self, summary: DocumentSummary) -> DocumentSummary:
        """The summary with every locus in its part."""
        if not self.where:
            return summary
        def in_part(locus: Locus) -> Locus:
            number = self.number(locus.anchor)
            return locus if number == locus.part else changed(locus, "part", number)

        return summary.relocated(in_part)


@dataclass(frozen=True)
class Part:
    """One part's text: its blocks (a division begun in an earlier part stands without its heading) and
    its notes."""

    number: int
    blocks: list
    notes: list[NoteView]


@dataclass
class DocumentView:
    """Everything the reader page of one document shows."""

    id: str
    lang: str
    title: str  # as displayed: the printed title, or the supplied title in square brackets
    title_printed: str | None
    title_supplied: str | None
    authors: tuple[str, ...]
    kind: str | None  # from the TEI's textClass; None when it has none
    kind_label: str  # the kind in the interface language ("Статья"); "" without a kind
    date: str | None
    published_in: str | None
    languages: tuple[str, ...]
    abstracts: tuple[Abstract, ...]
    divisions: list[Division]
    notes: list[NoteView]
    pages: list[Page]
    references: list[ReferenceEntry]
    toc: tuple[TocEntry, ...]
    sources: tuple[str, ...]
    witnesses: tuple[str, ...]
    corrections: tuple[str, ...]
    canonical: str
    paragraph_count: int
    note_count: int
    parts: PartMap  # where each anchor of its page lives (parts.py)
    part_texts: list[Part]  # the text and notes of each part of its page
    opening: str = ""  # the first lines of the abstract (of the text when there is none), for the lists
    opening_lang: str = ""  # the language of those lines

    @property
    def printed_pages(self) -> tuple[str, str] | None:
        """The first and last numbered pages ('45', '62'), or None when no page has a number."""
        numbered = [page.n for page in self.pages if page.n]
        return (numbered[0], numbered[-1]) if numbered else None


@dataclass
class DocumentSummary:
    """What one document contributes to the cross-document indexes."""

    doc_id: str
    title: str
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    archival: list[ArchivalCitation] = field(default_factory=list)
    series: list[SeriesCitation] = field(default_factory=list)
    works: list[WorkCitation] = field(default_factory=list)
    reference_citations: list[ReferenceCitation] = field(default_factory=list)
    references: list[ReferenceEntry] = field(default_factory=list)
    unresolved: list[tuple[str, str]] = field(default_factory=list)  # (kind, entry id) not in registers

    def relocated(self, at: Callable[[Locus], Locus]) -> DocumentSummary:
        """The summary with every locus replaced by at(locus); a record whose locus at gives back as it is
        stays as it is."""

        def moved(records: list) -> list:
            return [record if (locus := at(record.locus)) is record.locus else changed(record, "locus", locus)
                    for record in records]

        def cited(entry: ReferenceEntry) -> ReferenceEntry:
            return replace(entry, citing=tuple((at(locus), text) for locus, text in entry.citing))

        return replace(self, mentions=moved(self.mentions), dates=moved(self.dates),
                       archival=moved(self.archival), series=moved(self.series), works=moved(self.works),
                       reference_citations=moved(self.reference_citations),
                       references=[cited(entry) for entry in self.references])


@dataclass(frozen=True)
class RegisterRecord:
    id: str
    kind: str  # person | place | org
    name: str
    name_en: str | None
    variants: tuple[str, ...]  # the forms looked for in the texts, in the register's language
    birth: str | None
    death: str | None
    notes: tuple[tuple[str, str], ...]  # (language, one line): the description in each language given
    wikidata: str | None
    lang: str  # the register's language: its variants'
    name_lang: str  # the language of the name shown

    def note_in(self, lang: str) -> tuple[str, str] | None:
        """The description in lang, else the first given: (its language, the line)."""
        return next((note for note in self.notes if note[0] == lang), self.notes[0] if self.notes else None)

    @property
    def path(self) -> str:
        from .urls import entry_path

        return entry_path(self.kind, self.id)
