"""The bibl elements of one document linked to the site's indexes of what it cites.

Archival shelfmarks go to the archives index, citations of a printed series to that series' concordance,
references to the document's own list of sources, and any other bibl to the works cited. A bibl that
points with ``corresp`` to an earlier one ("Там же") takes the shelfmark or work of that one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from lxml import etree

from ..editions import PrintedSeries
from ..slugs import slug
from . import urls
from .citation_text import SAFE_ANCHOR, locator, strip_locator, work_key
from .i18n import N_
from .model import (
    ArchivalCitation,
    Locus,
    Node,
    ReferenceCitation,
    ReferenceEntry,
    SeriesCitation,
    Shelfmark,
    WorkCitation,
)
from .tei import TEI, XML_ID, text_of

LEVELS = ("archive", "fond", "inventory", "file")
# The titles of the links from a citation to the index that lists it (translated by the catalogs).
ARCHIVE_LABEL = N_("In the index of archival sources")
SERIES_LABEL = N_("In the concordance %(series)s")
REFERENCE_LABEL = N_("In the list of sources")
WORK_LABEL = N_("In the list of works cited")
LEVEL_LABELS = {"fond": "Ф.", "inventory": "Оп.", "file": "Д."}
_LEVEL_PREFIX = re.compile(r"^(?:ф|фонд|оп|опись|д|дело)\.?\s*", re.IGNORECASE)

# How a mention, date or citation is made once the place it stands in (its Locus) is known.
FromLocus = Callable[[Locus], object]


def _cited_range(el: etree._Element, unit: str) -> str | None:
    for cited in el.iter(TEI + "citedRange"):
        if cited.get("unit") != unit:
            continue
        start, end = cited.get("from"), cited.get("to")
        if start and end and start != end:
            return f"{start}–{end}"
        if start or end:
            return start or end
        return text_of(cited) or None
    return None


def _has_links(nodes: list) -> bool:
    for node in nodes:
        if isinstance(node, Node):
            if node.kind == "note" or (node.kind in ("name", "bibl") and node.attrs.get("href")):
                return True
            if _has_links(node.children):
                return True
    return False


def archival_anchor(shelfmark: Shelfmark) -> str:
    keys = [key for key, _ in shelfmark.levels]
    while keys and keys[-1] == "x":
        keys.pop()
    return "arch-" + ("_".join(keys) if keys else "x")


def reference_anchor(n: str) -> str:
    """The fragment id of entry n of the document's list of sources."""
    return f"ref-{slug(n) or 'x'}"


def _reference_entries(root: etree._Element) -> list[etree._Element]:
    """The entries of the document's reference list: those the edition declares (sourceDesc) and those the
    document prints at its end (back)."""
    return [*root.iterfind(f"{TEI}teiHeader//{TEI}sourceDesc/{TEI}listBibl/{TEI}bibl"),
            *root.iterfind(f"{TEI}text/{TEI}back//{TEI}listBibl/{TEI}bibl")]


def _ref_text(root: etree._Element, rid: str) -> str:
    for el in _reference_entries(root):
        if el.get(XML_ID) == rid:
            text, label = text_of(el), re.escape(el.get("n") or "")
            # an entry printed with its number ("12. Иванов …"): the list shows the number once
            return re.sub(rf"^\[?{label}[.)\]]\s*", "", text) if label else text
    return ""


class CitationLinker:
    """Links the bibls of one document, in reading order; series: the edition's printed series."""

    def __init__(self, root: etree._Element, series: tuple[PrintedSeries, ...],
                 gettext: Callable[[str], str] = str):
        """gettext: the interface language's translation of the links' labels."""
        self.root = root
        self.gettext = gettext
        self.series = {s.id: s for s in series}
        self.archival_by_id: dict[str, Shelfmark] = {}
        self.work_by_id: dict[str, tuple[str, str]] = {}
        self.ref_ids = {
            el.get(XML_ID): el.get("n") or el.get(XML_ID).rsplit("-", 1)[-1]
            for el in _reference_entries(root)
            if el.get(XML_ID)
        }
        self.ref_citing: dict[str, list[tuple[Locus, str]]] = defaultdict(list)

    def link(self, el: etree._Element, text: str, children: list) -> tuple[dict, FromLocus | None]:
        """The bibl node's attributes and how to make its citation (None: it makes none); text: the bibl's
        words as read, children: its nodes."""
        attrs, make = self._target(el, text)
        # A bibl that holds links of its own (a note, a linked name) gets its link after its text:
        # links do not nest.
        attrs["trailing"] = bool(attrs["href"]) and _has_links(children)
        return attrs, make

    def _target(self, el: etree._Element, text: str) -> tuple[dict, FromLocus | None]:
        btype = el.get("type")
        attrs: dict = {"type": btype, "href": None, "label": None}
        if btype == "archival":
            shelfmark = self.shelfmark(el)
            anchor = archival_anchor(shelfmark)
            attrs.update(href=f"{urls.ARCHIVES}#{anchor}", label=self.gettext(ARCHIVE_LABEL))
            return attrs, lambda locus: ArchivalCitation(shelfmark, anchor, text, locus)
        if btype in self.series:
            series = self.series[btype]
            key, volume, page, pages = self.series_locus(el, series.id)
            attrs.update(href=f"{urls.series_volume_path(series.id, volume)}#{key}",
                         label=self.gettext(SERIES_LABEL) % {"series": series.short or series.title})
            return attrs, lambda locus: SeriesCitation(series.id, key, volume, page, pages, text, locus)
        if btype == "reference":
            target = (el.get("corresp") or "").lstrip("#")
            if target not in self.ref_ids:
                return attrs, None
            attrs.update(href=f"#{reference_anchor(self.ref_ids[target])}",
                         label=self.gettext(REFERENCE_LABEL))
            return attrs, self.reference_citation(el, target, text)
        key, display = self.work(el, text)
        if not key:
            return attrs, None
        anchor = "w-" + urls.short_hash(key)
        # Beside the work, a citation shows its page only, or all of it if it reads otherwise.
        same = work_key(strip_locator(text)) == work_key(display)
        shown = (locator(text) or "") if same else text
        attrs.update(href=f"{urls.WORKS}#{anchor}", label=self.gettext(WORK_LABEL))
        return attrs, lambda locus: WorkCitation(key, anchor, display, text, shown, locus)

    def reference_citation(self, el: etree._Element, target: str, text: str) -> FromLocus:
        """A citation of the entry target of the document's own list of sources; made, it lists the place
        among the entry's citing ones."""
        n = self.ref_ids[target]
        group = " ".join(f"{label} {value}" for unit, label in (("volume", "Т."), ("file", "Д."))
                         if (value := _cited_range(el, unit)))
        leaf = " ".join(f"{label} {value}" for unit, label in (("folio", "Л."), ("page", "С."))
                        if (value := _cited_range(el, unit)))
        ref_text = _ref_text(self.root, target)

        def make(locus: Locus) -> ReferenceCitation:
            self.ref_citing[target].append((locus, text))
            return ReferenceCitation(target, n, ref_text, group, leaf, text, locus)

        return make

    def shelfmark(self, el: etree._Element) -> Shelfmark:
        base = self.archival_by_id.get((el.get("corresp") or "").lstrip("#"))
        levels: list[tuple[str, str] | None] = []
        for k, level in enumerate(LEVELS):
            idno = el.find(f".//{TEI}idno[@type='{level}']")
            if idno is not None and text_of(idno):
                value = text_of(idno)
                core = value if level == "archive" else _LEVEL_PREFIX.sub("", value)
                key = slug(core) or urls.short_hash(core)
                label = value if level == "archive" else f"{LEVEL_LABELS[level]}\u00a0{core}"
                levels.append((key, label))
            elif base is not None and k < len(base.levels) and base.levels[k][0] != "x":
                levels.append(base.levels[k])
            else:
                levels.append(None)
        folios = _cited_range(el, "folio")
        folio_label = f"Л.\u00a0{folios}" if folios else (base.folios if base is not None else None)
        filled = tuple(level or ("x", "—") for level in levels)
        shelfmark = Shelfmark(levels=filled, folios=folio_label)
        if el.get(XML_ID):
            self.archival_by_id[el.get(XML_ID)] = shelfmark
        return shelfmark

    def series_locus(self, el: etree._Element, series_id: str) -> tuple[str, str, str, str]:
        """The concordance key (<id>-<volume>-<page>), the volume, the page filed under, the pages cited."""
        n = el.get("n") or ""
        match = re.fullmatch(rf"{re.escape(series_id)}-([^-]+)-(.+)", n)
        scope = el.find(f".//{TEI}biblScope[@unit='volume']")
        volume = (scope.get("n") if scope is not None else None) or (match.group(1) if match else "x")
        pages = _cited_range(el, "page") or (match.group(2) if match else "")
        page = match.group(2) if match else pages.split("–")[0]
        if not (match and SAFE_ANCHOR.fullmatch(n)):
            n = f"{series_id}-{urls.volume_slug(volume)}-{slug(page) or 'x'}"
        key = n
        return key, volume, page, pages

    def work(self, el: etree._Element, text: str) -> tuple[str, str]:
        base = self.work_by_id.get((el.get("corresp") or "").lstrip("#"))
        if base is not None:
            key, display = base
        else:
            title = el.find(f".//{TEI}title")
            authors = [text_of(a) for a in el.iterfind(f".//{TEI}author")]
            if title is not None and text_of(title):
                key = work_key(" ".join([*authors, text_of(title)]))
            else:
                key = work_key(strip_locator(text))
            display = strip_locator(text)
        if el.get(XML_ID):
            self.work_by_id[el.get(XML_ID)] = (key, display)
        return key, display

    def references(self) -> list[ReferenceEntry]:
        """The document's list of sources, each with the places that cite it (complete once all is read)."""
        return [
            ReferenceEntry(n=n, anchor=reference_anchor(n), text=_ref_text(self.root, rid),
                           citing=tuple(self.ref_citing.get(rid, ())))
            for rid, n in self.ref_ids.items()
        ]
