"""Cross-document indexes gathered from the per-document summaries: registers, archives, the printed series'
concordances, chronology, works cited. Pure functions of the summaries and the registers; every list comes
out sorted."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from itertools import chain

from ..editions import PrintedSeries
from ..slugs import slug
from . import urls
from .chronology import Chronology, chronology
from .indexes_common import PAGE_SIZE, Part, Section, locus_key, split_into_pages
from .model import (
    ArchivalCitation,
    DocumentSummary,
    Mention,
    ReferenceCitation,
    RegisterRecord,
    SeriesCitation,
    WorkCitation,
)
from .register_index import RegisterLookup
from .words import initial, sort_key


def natural_key(text: str) -> tuple:
    """'Д. 12' after 'Д. 9'; text compared case-insensitively."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
                 for part in re.split(r"(\d+)", text) if part)


SHOWN_WORK_DOCUMENTS = 10  # works cited shows a work's places in this many documents; all on its own pages
SHOWN_PER_DOCUMENT = 5  # an entry shows a document's first mentions; the rest are folded, or on its own pages
# An entry mentioned in more documents than this lists them on pages of this many documents each (entry/2/…).
DOCUMENTS_PER_PAGE = 50


@dataclass(frozen=True)
class DocumentHits:
    doc_id: str
    title: str
    items: tuple  # Mention | … in reading order
    parts: tuple[Part, ...] = ()  # when the entry is split: this document's own pages, all its items
    listed_on: str = ""  # the entry's page that lists it (its path)

    @property
    def lang(self) -> str:
        """The document's language: its title's."""
        return self.items[0].locus.doc_lang

    @property
    def shown(self) -> tuple:
        return self.items[:SHOWN_PER_DOCUMENT]

    @property
    def folded(self) -> tuple:
        return self.items[SHOWN_PER_DOCUMENT:]


@dataclass(frozen=True)
class EntryView:
    entry: RegisterRecord
    documents: tuple[DocumentHits, ...]  # in the site's order: by the document's date
    pages: tuple[Part, ...] = ()  # the entry's pages, each listing DOCUMENTS_PER_PAGE of its documents

    @property
    def count(self) -> int:
        return sum(len(d.items) for d in self.documents)

    @property
    def split(self) -> bool:
        return any(d.parts for d in self.documents)


def _entry_view(entry: RegisterRecord, documents: tuple[DocumentHits, ...]) -> EntryView:
    """An entry of more than PAGE_SIZE mentions keeps each document's first ones on its page and gives
    the document's mentions pages of their own (entry/<document id>/…); an entry of more than
    DOCUMENTS_PER_PAGE documents lists them on pages of that many (entry/2/…: a document's id begins with
    a letter). The entry's URL stays the same: its first page."""
    folder = entry.path.removesuffix("index.html")
    if sum(len(d.items) for d in documents) > PAGE_SIZE:
        documents = tuple(replace(d, parts=split_into_pages(f"{folder}{d.doc_id}/", d.items)) if d.folded
                          else d for d in documents)
    pages = split_into_pages(folder, documents, DOCUMENTS_PER_PAGE)
    listed = tuple(replace(d, listed_on=page.path) for page in pages for d in page.items)
    pages = split_into_pages(folder, listed, DOCUMENTS_PER_PAGE)
    return EntryView(entry, listed, pages)


@dataclass(frozen=True)
class RegisterIndex:
    kind: str
    entries: tuple[EntryView, ...]
    letters: tuple[Section, ...]


@dataclass
class ArchiveNode:
    key: tuple[str, ...]
    label: str
    level: int  # 0 archive … 3 file
    anchor: str
    children: list[ArchiveNode] = field(default_factory=list)
    folios: list[tuple[str, tuple[ArchivalCitation, ...]]] = field(default_factory=list)  # (folios label, …)
    total: int = 0


@dataclass(frozen=True)
class SeriesPage:
    key: str
    page: str
    citations: tuple[SeriesCitation, ...]


@dataclass(frozen=True)
class Concordance:
    """One printed series' concordance: volume -> page -> the places that cite it."""

    series: PrintedSeries
    volumes: tuple[Section, ...]  # headed by the volume ("x": none given), items: SeriesPage
    count: int


@dataclass(frozen=True)
class Work:
    key: str
    anchor: str
    display: str
    citations: tuple[WorkCitation, ...]  # in the site's order of documents, then reading order
    shown: tuple[WorkCitation, ...]  # what works cited shows: the first SHOWN_WORK_DOCUMENTS documents' ones
    documents: int  # how many documents cite it
    # When more documents cite it: its pages, each with the citations of DOCUMENTS_PER_PAGE documents
    # (works-cited/<anchor>/…).
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True)
class ReferenceSource:
    """An item of one document's numbered reference list, with the files and folios cited from it."""

    doc_id: str
    doc_title: str
    doc_lang: str
    n: str
    text: str
    anchor: str  # on archives/index.html
    ref_anchor: str  # on the document's page
    groups: tuple[tuple[str, tuple[tuple[str, tuple[ReferenceCitation, ...]], ...]], ...]
    total: int


@dataclass(frozen=True)
class Indexes:
    registers: dict[str, RegisterIndex]
    archives: tuple[ArchiveNode, ...]
    archival_count: int
    concordances: tuple[Concordance, ...]  # one per declared series, in the table's order
    chronology: Chronology
    works: tuple[Section, ...]  # items: Work
    work_count: int
    reference_sources: tuple[ReferenceSource, ...] = ()

    @property
    def date_count(self) -> int:
        """Every date the chronology lists: the events and the years of cited publications."""
        return self.chronology.count + self.chronology.publication_count


def _letter_groups(items: list, name_of) -> tuple[Section, ...]:
    groups: dict[str, list] = defaultdict(list)
    for item in items:
        groups[initial(name_of(item))].append(item)
    ordered = sorted(groups.items(), key=lambda kv: sort_key(kv[0]) if kv[0] != "#" else (9, ""))
    return tuple(Section(letter, f"letter-{ord(letter[0]):04x}", tuple(members))
                 for letter, members in ordered)


def _by_document(items: list, doc_order: dict[str, int]) -> tuple[DocumentHits, ...]:
    grouped: dict[str, list] = defaultdict(list)
    for item in items:
        grouped[item.locus.doc_id].append(item)
    out = []
    for doc_id in sorted(grouped, key=lambda d: (doc_order.get(d, 0), d)):
        hits = sorted(grouped[doc_id], key=lambda m: m.locus.order)
        out.append(DocumentHits(doc_id, hits[0].locus.doc_title, tuple(hits)))
    return tuple(out)


def register_indexes(
    registers: RegisterLookup, mentions: list[Mention], doc_order: dict[str, int]
) -> dict[str, RegisterIndex]:
    by_entry: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_entry[mention.entry_id].append(mention)
    out = {}
    for kind in urls.REGISTER_DIRS:
        entries = sorted(registers.of_kind(kind), key=lambda e: (sort_key(e.name), e.id))
        views = tuple(_entry_view(e, _by_document(by_entry.get(e.id, []), doc_order)) for e in entries)
        out[kind] = RegisterIndex(kind, views, _letter_groups(list(views), lambda v: v.entry.name))
    return out


def archive_tree(citations: list[ArchivalCitation], doc_order: dict[str, int]) -> tuple[ArchiveNode, ...]:
    roots: dict[str, ArchiveNode] = {}
    nodes: dict[tuple[str, ...], ArchiveNode] = {}
    leaves: dict[tuple[str, ...], dict[str, list[ArchivalCitation]]] = defaultdict(lambda: defaultdict(list))
    for citation in citations:
        levels = list(citation.shelfmark.levels)
        while len(levels) > 1 and levels[-1][0] == "x":
            levels.pop()
        parent: ArchiveNode | None = None
        for depth, (_key, label) in enumerate(levels):
            path = tuple(k for k, _ in levels[: depth + 1])
            node = nodes.get(path)
            if node is None:
                node = ArchiveNode(key=path, label=label, level=depth, anchor="arch-" + "_".join(path))
                nodes[path] = node
                if parent is None:
                    roots[path[0]] = node
                else:
                    parent.children.append(node)
            node.total += 1
            parent = node
        assert parent is not None
        leaves[parent.key][citation.shelfmark.folios or ""].append(citation)
    for path, folios in leaves.items():
        nodes[path].folios = [
            (label, tuple(sorted(cites, key=lambda c: locus_key(c.locus, doc_order))))
            for label, cites in sorted(folios.items(), key=lambda kv: natural_key(kv[0]))
        ]

    def sort_children(node: ArchiveNode) -> None:
        node.children.sort(key=lambda n: (n.label == "—", natural_key(n.label)))
        for child in node.children:
            sort_children(child)

    ordered = sorted(roots.values(), key=lambda n: (n.label == "—", sort_key(n.label)))
    for root in ordered:
        sort_children(root)
    return tuple(ordered)


def concordance(
    series: PrintedSeries, citations: list[SeriesCitation], doc_order: dict[str, int]
) -> Concordance:
    volumes: dict[str, dict[str, list[SeriesCitation]]] = defaultdict(lambda: defaultdict(list))
    for citation in citations:
        volumes[citation.volume][citation.key].append(citation)
    out = []
    for volume in sorted(volumes, key=lambda v: (v == "x", natural_key(v))):
        pages = []
        for key, cites in sorted(volumes[volume].items(), key=lambda kv: natural_key(kv[1][0].page)):
            ordered = tuple(sorted(cites, key=lambda c: locus_key(c.locus, doc_order)))
            pages.append(SeriesPage(key, ordered[0].page, ordered))
        out.append(Section(volume, f"{series.id}-vol-{urls.volume_slug(volume)}", tuple(pages)))
    return Concordance(series, tuple(out), len(citations))


def _work(key: str, anchor: str, display: str, citations: tuple[WorkCitation, ...]) -> Work:
    """A work, with pages of its own when many documents cite it: a work that every document cites would
    otherwise make works cited grow with the corpus."""
    by_document: dict[str, list[WorkCitation]] = defaultdict(list)
    for citation in citations:
        by_document[citation.locus.doc_id].append(citation)
    if len(by_document) <= SHOWN_WORK_DOCUMENTS:
        return Work(key, anchor, display, citations, citations, len(by_document))
    groups = tuple(tuple(group) for group in by_document.values())
    folder = urls.WORKS.removesuffix("index.html") + anchor + "/"
    parts = tuple(replace(part, items=tuple(chain.from_iterable(part.items)))
                  for part in split_into_pages(folder, groups, DOCUMENTS_PER_PAGE))
    shown = tuple(chain.from_iterable(groups[:SHOWN_WORK_DOCUMENTS]))
    return Work(key, anchor, display, citations, shown, len(groups), parts)


def works_cited(
    citations: list[WorkCitation], doc_order: dict[str, int]
) -> tuple[tuple[Section, ...], int]:
    grouped: dict[str, list[WorkCitation]] = defaultdict(list)
    for citation in citations:
        grouped[citation.key].append(citation)
    works = []
    for key, cites in grouped.items():
        ordered = tuple(sorted(cites, key=lambda c: locus_key(c.locus, doc_order)))
        display = max((c.display for c in ordered), key=lambda d: (len(d), d))
        works.append(_work(key, ordered[0].anchor, display, ordered))
    works.sort(key=lambda w: (sort_key(w.display), w.key))
    return _letter_groups(works, lambda w: w.display), len(works)


def reference_sources(
    citations: list[ReferenceCitation], doc_order: dict[str, int]
) -> tuple[ReferenceSource, ...]:
    by_source: dict[tuple[str, str], list[ReferenceCitation]] = defaultdict(list)
    for citation in citations:
        by_source[(citation.locus.doc_id, citation.ref_id)].append(citation)
    out = []
    for (doc_id, _ref_id), cites in by_source.items():
        groups: dict[str, dict[str, list[ReferenceCitation]]] = defaultdict(lambda: defaultdict(list))
        for c in sorted(cites, key=lambda c: locus_key(c.locus, doc_order)):
            groups[c.group][c.leaf].append(c)
        ordered = tuple(
            (group, tuple((leaf, tuple(items)) for leaf, items in sorted(leaves.items(),
                                                                         key=lambda kv: natural_key(kv[0]))))
            for group, leaves in sorted(groups.items(), key=lambda kv: natural_key(kv[0]))
        )
        first = cites[0]
        ref_anchor = f"ref-{slug(first.n) or 'x'}"
        out.append(ReferenceSource(doc_id, first.locus.doc_title, first.locus.doc_lang, first.n,
                                   first.ref_text, f"src-{doc_id}-{ref_anchor}", ref_anchor, ordered,
                                   len(cites)))
    out.sort(key=lambda s: (doc_order.get(s.doc_id, 0), s.doc_id, natural_key(s.n)))
    return tuple(out)


def gather(
    summaries: list[DocumentSummary], registers: RegisterLookup, series: tuple[PrintedSeries, ...],
    publication_words: tuple[str, ...] = (),
) -> Indexes:
    """Every index of the edition; publication_words: the words that make a date a year of publication
    (chronology.py)."""
    doc_order = {s.doc_id: k for k, s in enumerate(summaries)}
    mentions = [m for s in summaries for m in s.mentions]
    archival = [c for s in summaries for c in s.archival]
    by_series: dict[str, list[SeriesCitation]] = defaultdict(list)
    for citation in (c for s in summaries for c in s.series):
        by_series[citation.series].append(citation)
    dates = [d for s in summaries for d in s.dates]
    citations = [c for s in summaries for c in (*s.archival, *s.series, *s.works, *s.reference_citations)]
    works, work_count = works_cited([w for s in summaries for w in s.works], doc_order)
    return Indexes(
        registers=register_indexes(registers, mentions, doc_order),
        archives=archive_tree(archival, doc_order),
        archival_count=len(archival),
        concordances=tuple(concordance(s, by_series[s.id], doc_order) for s in series),
        chronology=chronology(dates, [c.locus for c in citations], doc_order, publication_words),
        works=works,
        work_count=work_count,
        reference_sources=reference_sources([c for s in summaries for c in s.reference_citations], doc_order),
    )
