"""One TEI document read into the reader page's view (DocumentView) and its index summary (DocumentSummary).

A pure function of the TEI, the base URL, the registers and the edition's printed series (which bibl types
are citations of a series): everything about the document itself comes from its TEI. Mixed content
becomes a tree of ``Node``s; while the tree is built, the plain text of every paragraph, heading and note
is collected too, so that every mention, date and citation gets a snippet of the words around it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from lxml import etree

from ..editions import PrintedSeries
from ..slugs import slug
from ..tei.writer import KIND_TAXONOMY
from . import urls
from .model import (
    Abstract,
    ArchivalCitation,
    DateMention,
    Division,
    DocumentSummary,
    DocumentView,
    Locus,
    Mention,
    Node,
    NoteView,
    Page,
    PageBlock,
    Paragraph,
    ReferenceCitation,
    ReferenceEntry,
    SeriesCitation,
    Shelfmark,
    TocEntry,
    WorkCitation,
)
from .register_index import RegisterLookup
from .tei import TEI, XML_ID, XML_LANG, first_of, local, main_reading, parse, text_of
from .words import collapse, site_words, snippet, year_of

NAME_KINDS = {"persName": "person", "placeName": "place", "orgName": "org"}
LEVELS = ("archive", "fond", "inventory", "file")
LEVEL_LABELS = {"fond": "Ф.", "inventory": "Оп.", "file": "Д."}
_LEVEL_PREFIX = re.compile(r"^(?:ф|фонд|оп|опись|д|дело)\.?\s*", re.IGNORECASE)
_LOCATOR = re.compile(
    r"[\s.,;:–—-]*(?:(?:[СсPpРр]|Л|л|Стр|стр|Pp|pp)\.\s*[\dIVXLCivxlc]+[\w\s.,–—-]*)$"
)
_LEAD = re.compile(r"^(?:См\.(?:\s+также)?:?|Цит\.\s+по:?|Подробнее\s+см\.:?)\s*", re.IGNORECASE)
_ISO_VALUE = re.compile(r"-?\d{4}(?:-\d{2}(?:-\d{2})?)?")
_SAFE_ANCHOR = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_KIND_TARGET = "#kind-"  # a category of the kinds' taxonomy: #kind-thesis


class _Box:
    """The plain text of one paragraph, heading or note, and what was found in it (made at the end)."""

    def __init__(self, anchor: str | None, label: str, keep: bool = True):
        self.anchor = anchor
        self.label = label
        self.keep = keep  # False: an alternative reading (sic, a second witness) that indexes nothing
        self.parts: list[str] = []
        self.length = 0
        self.pending: list[tuple[int, int, str | None, int, Callable[[Locus], object]]] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)


def _has_links(nodes: list) -> bool:
    for node in nodes:
        if isinstance(node, Node):
            if node.kind == "note" or (node.kind in ("name", "bibl") and node.attrs.get("href")):
                return True
            if _has_links(node.children):
                return True
    return False


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


def strip_locator(text: str) -> str:
    """A reference without its leading 'См.:' and its trailing page locator ('– С. 82.'), ending in '.'."""
    core = _LOCATOR.sub("", _LEAD.sub("", collapse(text))).strip(" ,;:–—-")
    if not core.strip("."):
        return collapse(text)
    return core if core.endswith((".", "?", "!", "»", ")")) else core + "."


def locator(text: str) -> str | None:
    """The trailing page locator of a reference, as printed: 'С. 82'."""
    match = _LOCATOR.search(collapse(text))
    return match.group(0).strip(" .,;:–—-") if match else None


def work_key(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold().replace("ё", "е")).strip()


class _Reader:
    def __init__(self, root: etree._Element, base_url: str, registers: RegisterLookup,
                 series: tuple[PrintedSeries, ...], ui_lang: str):
        self.doc_id = root.get(XML_ID) or ""
        self.ui_lang = ui_lang
        self.words = site_words(ui_lang)
        self.registers = registers
        self.series = {s.id: s for s in series}
        self.root = root
        self.canonical = urls.canonical(base_url, urls.document_path(self.doc_id))
        self.title_printed = self._header_text("main")
        self.title_supplied = self._header_text("desc")
        supplied = f"[{self.title_supplied}]" if self.title_supplied else f"[{self.doc_id}]"
        self.title = self.title_printed or supplied
        self.authors = tuple(
            text_of(a) for a in root.findall(f"{TEI}teiHeader/{TEI}fileDesc/{TEI}titleStmt/{TEI}author")
        )
        self.pages: list[Page] = []
        self.current: Page | None = None
        self.notes: list[NoteView] = []
        self.used: set[str] = {"main", "top", "toc", "abstracts", "text", "notes", "references",
                               "about-text", "pages", "toc-title", "cite-status"}
        self.order = 0
        self.summary = DocumentSummary(doc_id=self.doc_id, title=self.title)
        self.archival_by_id: dict[str, Shelfmark] = {}
        self.work_by_id: dict[str, tuple[str, str]] = {}
        self.ref_ids = {
            el.get(XML_ID): el.get("n") or el.get(XML_ID).rsplit("-", 1)[-1]
            for el in root.iterfind(f"{TEI}teiHeader//{TEI}sourceDesc/{TEI}listBibl/{TEI}bibl")
            if el.get(XML_ID)
        }
        self.ref_citing: dict[str, list[tuple[Locus, str]]] = defaultdict(list)

    # --- small helpers ---------------------------------------------------------------------------

    def _header_text(self, kind: str) -> str | None:
        for el in self.root.iterfind(f"{TEI}teiHeader/{TEI}fileDesc/{TEI}titleStmt/{TEI}title"):
            if el.get("type") == kind and text_of(el):
                return text_of(el)
        return None

    def unique(self, anchor: str) -> str:
        candidate, k = anchor, 1
        while candidate in self.used:
            k += 1
            candidate = f"{anchor}-{k}"
        self.used.add(candidate)
        return candidate

    def cite(self, pages: str | None, anchor: str) -> str:
        url = f"{self.canonical}#{anchor}"
        return citation(self.authors, self.title, pages, url, self.words.access_date_placeholder)

    def record(self, box: _Box, start: int, end: int, make: Callable[[Locus], object]) -> None:
        if box.keep and box.anchor is not None:
            self.order += 1
            box.pending.append((start, end, self.current.label if self.current else None, self.order, make))

    def finish(self, box: _Box) -> None:
        text = box.text()
        for start, end, page, order, make in box.pending:
            near = snippet(text, start, end)
            locus = Locus(self.doc_id, self.title, box.anchor, box.label, page, near, order)
            made = make(locus)
            if made is not None:
                self._collect(made)

    def _collect(self, item: object) -> None:
        if isinstance(item, Mention):
            self.summary.mentions.append(item)
        elif isinstance(item, DateMention):
            self.summary.dates.append(item)
        elif isinstance(item, ArchivalCitation):
            self.summary.archival.append(item)
        elif isinstance(item, SeriesCitation):
            self.summary.series.append(item)
        elif isinstance(item, WorkCitation):
            self.summary.works.append(item)
        elif isinstance(item, ReferenceCitation):
            self.summary.reference_citations.append(item)

    # --- mixed content ----------------------------------------------------------------------------

    def inline(self, el: etree._Element, box: _Box) -> list:
        out: list = []
        if el.text:
            box.add(el.text)
            out.append(el.text)
        for child in el:
            out.extend(self.child(child, box))
            if child.tail:
                box.add(child.tail)
                out.append(child.tail)
        return out

    def child(self, el: etree._Element, box: _Box) -> list:
        name = local(el)
        if name == "pb":
            return [Node("pb", attrs={"page": self.page_break(el)})]
        if name in ("cb", "fw", "lb") or not name:
            return [" "] if name == "lb" else []
        if name == "note":
            return [Node("note", attrs={"note": self.note(el)})]
        if name in NAME_KINDS:
            return [self.name(el, name, box)]
        if name == "date":
            return [self.date(el, box)]
        if name == "bibl":
            return [self.bibl(el, box)]
        if name == "choice":
            return [self.choice(el, box)]
        if name == "app":
            return [self.app(el, box)]
        if name in ("hi", "title", "foreign", "q", "quote", "emph", "term", "mentioned", "soCalled"):
            children = self.inline(el, box)
            rend = (el.get("rend") or "").lower()
            style = "i" if "italic" in rend or name == "foreign" else "b" if "bold" in rend else None
            if name == "title" and el.get("level") in ("m", "j", "s") and not rend:
                style = None
            attrs = {"style": style, "lang": el.get(XML_LANG)}
            return [Node("span", children, attrs)]
        # Anything else (idno, citedRange, biblScope, author, …) shows its text as printed.
        return self.inline(el, box)

    def page_break(self, el: etree._Element) -> Page:
        seq = len(self.pages) + 1
        n = (el.get("n") or "").strip() or None
        if n is not None:
            tail = n if _SAFE_ANCHOR.fullmatch(n) else (slug(n) or str(seq))
            anchor, label = self.unique(f"page-{tail}"), n
        else:
            anchor, label = self.unique(f"page-seq-{seq}"), f"[{seq}]"
        page = Page(anchor=anchor, label=label, n=n, seq=seq, inferred=el.get("type") == "inferred",
                    cite=self.cite(n, anchor))
        self.pages.append(page)
        self.current = page
        return page

    def note(self, el: etree._Element) -> NoteView:
        n = (el.get("n") or "").strip() or str(len(self.notes) + 1)
        tail = n if _SAFE_ANCHOR.fullmatch(n) else (slug(n) or str(len(self.notes) + 1))
        anchor = self.unique(f"fn{tail}")
        ref_anchor = self.unique("fnref" + anchor[2:])
        box = _Box(anchor, f"прим. {n}")
        nodes = self.inline(el, box)
        self.finish(box)
        note = NoteView(n=n, anchor=anchor, ref_anchor=ref_anchor, unanchored=el.get("type") == "unanchored",
                    nodes=nodes)
        self.notes.append(note)
        return note

    def name(self, el: etree._Element, tag: str, box: _Box) -> Node:
        kind = NAME_KINDS[tag]
        ref = (el.get("ref") or "").split()
        entry_id = ref[0].split("#", 1)[-1] if ref else ""
        start = box.length
        children = self.inline(el, box)
        end = box.length
        entry = self.registers.entries.get(entry_id) if entry_id else None
        if entry is None:
            if entry_id and box.keep:
                self.summary.unresolved.append((kind, entry_id))
            return Node("name", children, {"kind": kind, "href": None, "title": None})
        text = collapse(box.text()[start:end])
        self.record(box, start, end, lambda locus: Mention(entry.kind, entry.id, text, locus))
        attrs = {"kind": entry.kind, "href": urls.href(entry.path), "title": entry.name}
        return Node("name", children, attrs)

    def date(self, el: etree._Element, box: _Box) -> Node:
        when = el.get("when")
        start_value = when or el.get("from") or el.get("notBefore")
        end_value = when or el.get("to") or el.get("notAfter") or start_value
        start = box.length
        children = self.inline(el, box)
        end = box.length
        if not start_value:
            return Node("span", children, {})
        label = self.words.date_range_words(start_value, end_value)
        text = collapse(box.text()[start:end])
        self.record(box, start, end, lambda locus: DateMention(
            start_value, end_value or start_value, label, year_of(start_value), text, locus))
        datetime = when if when and _ISO_VALUE.fullmatch(when) else None
        return Node("date", children, {"datetime": datetime, "label": label})

    def bibl(self, el: etree._Element, box: _Box) -> Node:
        btype = el.get("type")
        start = box.length
        children = self.inline(el, box)
        end = box.length
        text = collapse(box.text()[start:end])
        attrs: dict = {"type": btype, "href": None, "label": None}
        if btype == "archival":
            shelfmark = self.shelfmark(el)
            anchor = archival_anchor(shelfmark)
            attrs.update(href=f"{urls.ARCHIVES}#{anchor}", label="Архивный источник в указателе")
            self.record(box, start, end, lambda locus: ArchivalCitation(shelfmark, anchor, text, locus))
        elif btype in self.series:
            series = self.series[btype]
            key, volume, page, pages = self.series_locus(el, series.id)
            attrs.update(href=f"{urls.series_path(series.id)}#{key}",
                         label=f"Ссылка в конкордансе {series.short or '«' + series.title + '»'}")
            self.record(box, start, end,
                        lambda locus: SeriesCitation(series.id, key, volume, page, pages, text, locus))
        elif btype == "reference":
            target = (el.get("corresp") or "").lstrip("#")
            if target in self.ref_ids:
                n = self.ref_ids[target]
                anchor = f"ref-{slug(n) or 'x'}"
                attrs.update(href=f"#{anchor}", label="В списке источников")
                group = " ".join(f"{label} {value}" for unit, label in (("volume", "Т."), ("file", "Д."))
                                 if (value := _cited_range(el, unit)))
                leaf = " ".join(f"{label} {value}" for unit, label in (("folio", "Л."), ("page", "С."))
                                if (value := _cited_range(el, unit)))
                ref_text = _ref_text(self.root, target)

                def make(locus: Locus) -> ReferenceCitation:
                    self.ref_citing[target].append((locus, text))
                    return ReferenceCitation(target, n, ref_text, group, leaf, text, locus)

                self.record(box, start, end, make)
        else:
            key, display = self.work(el, text)
            if key:
                anchor = "w-" + urls.short_hash(key)
                # Beside the work, a citation shows its page only, or all of it if it reads otherwise.
                same = work_key(strip_locator(text)) == work_key(display)
                shown = (locator(text) or "") if same else text
                attrs.update(href=f"{urls.WORKS}#{anchor}", label="В списке цитированной литературы")
                self.record(box, start, end,
                            lambda locus: WorkCitation(key, anchor, display, text, shown, locus))
        attrs["trailing"] = bool(attrs["href"]) and _has_links(children)
        return Node("bibl", children, attrs)

    def shelfmark(self, el: etree._Element) -> Shelfmark:
        base = self.archival_by_id.get((el.get("corresp") or "").lstrip("#"))
        levels: list[tuple[str, str] | None] = []
        for k, level in enumerate(LEVELS):
            idno = el.find(f".//{TEI}idno[@type='{level}']")
            if idno is not None and text_of(idno):
                value = text_of(idno)
                core = value if level == "archive" else _LEVEL_PREFIX.sub("", value)
                key = slug(core) or urls.short_hash(core)
                label = value if level == "archive" else f"{LEVEL_LABELS[level]} {core}"
                levels.append((key, label))
            elif base is not None and k < len(base.levels) and base.levels[k][0] != "x":
                levels.append(base.levels[k])
            else:
                levels.append(None)
        folios = _cited_range(el, "folio")
        folio_label = f"Л. {folios}" if folios else (base.folios if base is not None else None)
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
        if not (match and _SAFE_ANCHOR.fullmatch(n)):
            n = f"{series_id}-{slug(volume) or 'x'}-{slug(page) or 'x'}"
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

    def choice(self, el: etree._Element, box: _Box) -> Node:
        shown = first_of(el, ("corr", "reg", "expan"))
        original = first_of(el, ("sic", "orig", "abbr"))
        children = self.inline(shown, box) if shown is not None else []
        if original is not None:
            self.inline(original, _Box(None, "", keep=False))
        return Node("choice", children, {
            "original": text_of(original) if original is not None else "",
            "empty": not text_of(shown) if shown is not None else True,
            "kind": local(shown) if shown is not None else "corr",
        })

    def app(self, el: etree._Element, box: _Box) -> Node:
        reading = main_reading(el)
        children = self.inline(reading, box) if reading is not None else []
        variants = []
        for other in el:
            if other is reading or local(other) not in ("rdg", "lem"):
                continue
            self.inline(other, _Box(None, "", keep=False))
            wits = [w.rsplit("-wit-", 1)[-1] for w in (other.get("wit") or "").split()]
            variants.append((", ".join(wits) or "?", text_of(other)))
        return Node("app", children, {"variants": variants})

    # --- blocks -----------------------------------------------------------------------------------

    def paragraph(self, el: etree._Element) -> Paragraph:
        match = re.search(r"-p(\d+)$", el.get(XML_ID) or "")
        n = match.group(1) if match else None
        anchor = self.unique(f"p{n}") if n else None
        start_page = self.current
        before = len(self.pages)
        box = _Box(anchor, f"¶ {n}" if n else "")
        nodes = self.inline(el, box)
        self.finish(box)
        if not (el.text or "").strip() and len(el) and local(el[0]) == "pb" and len(self.pages) > before:
            start_page = self.pages[before]
        pages = page_range(start_page, self.current)
        cite = self.cite(pages, anchor) if anchor else ""
        return Paragraph(anchor=anchor, n=n, nodes=nodes, pages=pages, cite=cite)

    def division(self, el: etree._Element, path: tuple[int, ...]) -> Division:
        anchor = self.unique("sec-" + "-".join(str(k) for k in path)) if path else "text"
        head_nodes = None
        head_text = ""
        blocks: list = []
        subdivisions = 0
        for child in el:
            name = local(child)
            if name == "head" and head_nodes is None:
                box = _Box(anchor, "заголовок")
                # A page that starts with the heading is shown in the heading's line.
                lead = []
                while blocks and isinstance(blocks[-1], PageBlock):
                    lead.insert(0, Node("pb", attrs={"page": blocks.pop().page}))
                head_nodes = lead + self.inline(child, box)
                self.finish(box)
                head_text = text_of(child)
            elif name == "div":
                subdivisions += 1
                blocks.append(self.division(child, (*path, subdivisions)))
            elif name == "pb":
                blocks.append(PageBlock(self.page_break(child)))
            elif name in ("cb", "fw") or not name:
                continue
            else:  # p, and anything paragraph-like
                blocks.append(self.paragraph(child))
        return Division(anchor=anchor, level=len(path), head=head_nodes, head_text=head_text, blocks=blocks)

    def abstracts(self) -> tuple[Abstract, ...]:
        profile = self.root.find(f"{TEI}teiHeader/{TEI}profileDesc")
        if profile is None:
            return ()
        keywords: dict[str, list[str]] = defaultdict(list)
        for kw in profile.iterfind(f"{TEI}textClass/{TEI}keywords"):
            lang = kw.get(XML_LANG) or self.root.get(XML_LANG) or self.ui_lang
            keywords[lang].extend(t for t in (text_of(term) for term in kw.iterfind(f"{TEI}term")) if t)
        out = []
        for el in profile.iterfind(f"{TEI}abstract"):
            lang = el.get(XML_LANG) or self.root.get(XML_LANG) or self.ui_lang
            anchor = self.unique(f"abstract-{slug(lang) or 'x'}")
            paragraphs = []
            blocks = el.findall(f"{TEI}p") or [el]
            for p in blocks:
                box = _Box(anchor, "аннотация")
                paragraphs.append(self.inline(p, box))
                self.finish(box)
            out.append(Abstract(lang=lang, anchor=anchor, paragraphs=tuple(paragraphs),
                                keywords=tuple(keywords.pop(lang, []))))
        return tuple(out)


def page_range(start: Page | None, end: Page | None) -> str | None:
    """'45' or '45–46' from the printed or inferred numbers; None when the start page has no number."""
    if start is None or start.n is None:
        return None
    if end is None or end.n is None or end.n == start.n:
        return start.n
    return f"{start.n}–{end.n}"


def archival_anchor(shelfmark: Shelfmark) -> str:
    keys = [key for key, _ in shelfmark.levels]
    while keys and keys[-1] == "x":
        keys.pop()
    return "arch-" + ("_".join(keys) if keys else "x")


def _toc(divisions: list) -> tuple[TocEntry, ...]:
    out = []
    for block in divisions:
        if isinstance(block, Division):
            children = _toc(block.blocks)
            if block.head is not None:
                out.append(TocEntry(block.anchor, block.head_text or "—", block.level, children))
            else:
                out.extend(children)
    return tuple(out)


def citation(authors, title: str, pages: str | None, url: str, access_date: str) -> str:
    """'Authors. Title. С. 45–46. URL: https://…/#p12 (дата обращения: 01.02.2025)'."""
    parts = []
    if authors:
        names = ", ".join(authors)
        parts.append(names if names.endswith(".") else names + ".")
    parts.append(title if title.endswith((".", "?", "!")) else title + ".")
    if pages:
        parts.append(f"С. {pages}.")
    parts.append(f"URL: {url} (дата обращения: {access_date})")
    return " ".join(parts)


def kind_of(root: etree._Element) -> str | None:
    """The document's kind, from its class in the kinds' taxonomy: catRef '#kind-thesis' -> 'thesis'."""
    for ref in root.iterfind(f"{TEI}teiHeader/{TEI}profileDesc/{TEI}textClass/{TEI}catRef"):
        if ref.get("scheme") == f"#{KIND_TAXONOMY}":
            target = (ref.get("target") or "").split()
            if target and target[0].startswith(_KIND_TARGET):
                return target[0][len(_KIND_TARGET):] or None
    return None


def read_document(
    data: bytes,
    base_url: str,
    registers: RegisterLookup,
    series: tuple[PrintedSeries, ...] = (),
    *,
    ui_lang: str,
) -> tuple[DocumentView, DocumentSummary]:
    """The document's view and summary from its TEI alone; series: the edition's printed series;
    ui_lang: the language of the site's interface (its dates in words, its labels)."""
    root = parse(data)
    reader = _Reader(root, base_url, registers, series, ui_lang)
    header = root.find(f"{TEI}teiHeader")
    source_bibl = header.find(f"{TEI}fileDesc/{TEI}sourceDesc/{TEI}bibl") if header is not None else None

    def source(path: str) -> etree._Element | None:
        return source_bibl.find(path) if source_bibl is not None else None

    published = source(f"{TEI}note[@type='publishedIn']")
    date_el = source(f"{TEI}date")
    abstracts = reader.abstracts()
    body = root.find(f"{TEI}text/{TEI}body")
    top = reader.division(body, ()) if body is not None else Division("text", 0, None, "", [])
    references = [
        ReferenceEntry(n=n, anchor=f"ref-{slug(n) or 'x'}",
                       text=_ref_text(root, rid),
                       citing=tuple(reader.ref_citing.get(rid, ())))
        for rid, n in reader.ref_ids.items()
    ]
    reader.summary.references = references
    languages = tuple(
        lang.get("ident") for lang in root.iterfind(f".//{TEI}profileDesc/{TEI}langUsage/{TEI}language")
        if lang.get("ident")
    )
    sources_ = tuple(text_of(i) for i in (source_bibl.iterfind(f"{TEI}idno[@type='rawSource']")
                                            if source_bibl is not None else ()))
    witnesses = tuple(text_of(w) for w in root.iterfind(f".//{TEI}sourceDesc/{TEI}listWit/{TEI}witness"))
    corrections = tuple(text_of(p) for p in root.iterfind(f".//{TEI}editorialDecl/{TEI}correction/{TEI}p"))
    kind = kind_of(root)
    view = DocumentView(
        id=reader.doc_id,
        lang=root.get(XML_LANG) or (languages[0] if languages else ui_lang),
        title=reader.title,
        title_printed=reader.title_printed,
        title_supplied=reader.title_supplied,
        authors=reader.authors,
        kind=kind,
        kind_label=reader.words.kind_label(kind),
        date=(date_el.get("when") or text_of(date_el)) if date_el is not None else None,
        published_in=text_of(published) if published is not None else None,
        languages=languages,
        abstracts=abstracts,
        divisions=top.blocks,
        notes=reader.notes,
        pages=reader.pages,
        references=references,
        toc=_toc(top.blocks),
        sources=sources_,
        witnesses=witnesses,
        corrections=corrections,
        canonical=reader.canonical,
        paragraph_count=sum(1 for _ in body.iter(f"{TEI}p")) if body is not None else 0,
        note_count=len(reader.notes),
    )
    return view, reader.summary


def _ref_text(root: etree._Element, rid: str) -> str:
    for el in root.iterfind(f"{TEI}teiHeader//{TEI}sourceDesc/{TEI}listBibl/{TEI}bibl"):
        if el.get(XML_ID) == rid:
            return text_of(el)
    return ""
