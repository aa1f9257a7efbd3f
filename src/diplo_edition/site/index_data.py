"""What each document contributes to the cross-document indexes, as one digest per unit of index data, and
the cache keys of the index pages made from them.

A unit is the part of one document's summary that an index shows together: its mentions of one register
entry, its dates of one year (with the places of the citations printed beside them, which decide whether a
date is an event or the year of a publication), its archival citations, its citations of one volume of
a printed series, its works cited, its citations of its reference list, and its view when it has a
reference list (the works-cited page lists those documents). The digests are made with the document's
page, in the page workers, and cached with it. An index page's key is made of what of its context is not
document data and of the digests of the units it shows, document by document in the site's order: a
change to one document renders again only the index pages whose units it changed, and no key walks every
mention of the edition.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..cache import content_key
from .model import DocumentSummary, DocumentView

MENTIONS = "mention:"  # + the entry's id
DATES = "date:"  # + the year
ARCHIVAL = "archival"
REFERENCE_CITATIONS = "reference-citations"
WORKS = "works"
REFERENCE_LIST = "reference-list"
SERIES = "series:"  # + the series' id, ":" and the volume (series_unit)


def series_unit(series_id: str, volume: str) -> str:
    """The unit of a document's citations of one volume of a printed series (its page in the concordance)."""
    return f"{SERIES}{series_id}:{volume}"


def document_units(summary: DocumentSummary, view: DocumentView) -> dict[str, str]:
    """Unit -> digest of what the document shows in it (only the units it has)."""
    units: dict[str, list] = defaultdict(list)
    for mention in summary.mentions:
        units[MENTIONS + mention.entry_id].append(mention)
    cited_at: dict[str, list] = defaultdict(list)  # anchor -> the places of the citations there
    for citation in (*summary.archival, *summary.series, *summary.works, *summary.reference_citations):
        cited_at[citation.locus.anchor].append(citation.locus)
    for date in summary.dates:
        units[DATES + date.year].append((date, cited_at.get(date.locus.anchor, [])))
    units[ARCHIVAL] = summary.archival
    units[REFERENCE_CITATIONS] = summary.reference_citations
    units[WORKS] = summary.works
    for citation in summary.series:
        units[series_unit(citation.series, citation.volume)].append(citation)
    if view.references:
        units[REFERENCE_LIST] = [view]
    return {unit: content_key(items) for unit, items in units.items() if items}


@dataclass(frozen=True)
class PageData:
    """What an index page shows: its context's values that are not document data (light), and the units."""

    light: object
    units: tuple[str, ...]  # a unit ending in ':' stands for every unit it begins ("date:": every year)
    documents: tuple[str, ...] | None = None  # the documents whose units it shows (None: every one)


class IndexData:
    """Every document's units, by unit: [(document id, digest)] in the site's order."""

    def __init__(self, documents: list[tuple[str, dict[str, str]]]):
        self.by_unit: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for doc_id, units in documents:
            for unit, digest in units.items():
                self.by_unit[unit].append((doc_id, digest))
        self._of_document: dict[str, dict[str, str]] = {}  # unit -> document id -> digest, when asked
        # The digest of each PageData, by identity: the pages of one entry share theirs (an entry of a
        # thousand documents has a page per document). Each is kept with its PageData, which so stays
        # alive: its id is not given to another while it is here.
        self._digests: dict[int, tuple[PageData, str]] = {}

    def key(self, common: str, template: str, path: str, data: PageData) -> str:
        """The cache key of a page: everything its rendering reads."""
        known = self._digests.get(id(data))
        if known is None:
            known = self._digests[id(data)] = (data, self._digest(data))
        return content_key(common, template, path, known[1])

    def _digest(self, data: PageData) -> str:
        shown = []
        for unit in data.units:
            names = sorted(u for u in self.by_unit if u.startswith(unit)) if unit.endswith(":") else [unit]
            shown += [(name, self._shown(name, data.documents)) for name in names]
        return content_key(data.light, shown)

    def _shown(self, unit: str, documents: tuple[str, ...] | None) -> list[tuple[str, str]]:
        if documents is None:
            return self.by_unit.get(unit, [])
        of_document = self._of_document.get(unit)
        if of_document is None:
            of_document = self._of_document[unit] = dict(self.by_unit.get(unit, []))
        return [(doc_id, of_document[doc_id]) for doc_id in documents if doc_id in of_document]
