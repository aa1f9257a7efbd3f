"""The reader of one TEI document's text: its mixed content made into a tree of ``Node``s.

While the tree is built, the plain text of every paragraph, heading and note is collected too (a ``_Box``),
so that every mention, date and citation gets a snippet of the words around it; what the document
mentions and cites is gathered into its DocumentSummary. The bibls are linked by a CitationLinker.
"""

from __future__ import annotations

import re
from collections import defaultdict

from lxml import etree

from ..editions import PrintedSeries
from ..slugs import slug
from . import urls
from .citation_links import CitationLinker, FromLocus
from .citation_text import SAFE_ANCHOR, page_range
from .model import (
    Abstract,
    ArchivalCitation,
    DateMention,
    Division,
    DocumentSummary,
    Locus,
    Mention,
    Node,
    NoteView,
    Page,
    PageBlock,
    Paragraph,
    Quotation,
    ReferenceCitation,
    SectionBreak,
    SeriesCitation,
    WorkCitation,
)
from .register_index import RegisterLookup
from .tei import TEI, XML_ID, XML_LANG, first_of, local, main_reading, text_of
from .words import SiteWords, collapse, snippet, year_of

NAME_KINDS = {"persName": "person", "placeName": "place", "orgName": "org"}
_ISO_VALUE = re.compile(r"-?\d{4}(?:-\d{2}(?:-\d{2})?)?")


class _Box:
    """The plain text of one paragraph, heading or note, and what was found in it (made at the end)."""

    def __init__(self, anchor: str | None, mark: tuple[str, str], label: str, keep: bool = True,
                 lang: str | None = None):
        self.anchor = anchor
        self.mark = mark  # what the place is (Locus.mark), and how the interface names it
        self.label = label
        self.lang = lang  # the text's language where it is not the document's (an abstract's)
        self.keep = keep  # False: an alternative reading (sic, a second witness) that indexes nothing
        self.parts: list[str] = []
        self.length = 0
        self.pending: list[tuple[int, int, str | None, int, FromLocus]] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)


def header_titles(root: etree._Element) -> tuple[str | None, str | None, str]:
    """The printed title, the supplied one, and the title shown: the printed, or the supplied (else the
    document's id) in square brackets."""

    def title(kind: str) -> str | None:
        for el in root.iterfind(f"{TEI}teiHeader/{TEI}fileDesc/{TEI}titleStmt/{TEI}title"):
            if el.get("type") == kind and text_of(el):
                return text_of(el)
        return None

    printed, supplied = title("main"), title("desc")
    return printed, supplied, printed or f"[{supplied or root.get(XML_ID) or ''}]"


class DocumentReader:
    """Reads one document's header titles, its abstracts and its body, in reading order."""

    def __init__(self, root: etree._Element, base_url: str, registers: RegisterLookup,
                 series: tuple[PrintedSeries, ...], lang: str, ui_words: SiteWords):
        """lang: the document's language; ui_words: the words of the interface (its labels, dates)."""
        self.doc_id = root.get(XML_ID) or ""
        self.lang = lang
        self.words = ui_words
        self.registers = registers
        self.root = root
        self.canonical = urls.canonical(base_url, urls.document_path(self.doc_id))
        self.title_printed, self.title_supplied, self.title = header_titles(root)
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
        # Where each kind of thing found in the text is filed in the summary.
        self.filed: dict[type, list] = {
            Mention: self.summary.mentions, DateMention: self.summary.dates,
            ArchivalCitation: self.summary.archival, SeriesCitation: self.summary.series,
            WorkCitation: self.summary.works, ReferenceCitation: self.summary.reference_citations,
        }
        self.citations = CitationLinker(root, series, self.words.gettext)

    # --- small helpers ---------------------------------------------------------------------------

    def unique(self, anchor: str) -> str:
        candidate, k = anchor, 1
        while candidate in self.used:
            k += 1
            candidate = f"{anchor}-{k}"
        self.used.add(candidate)
        return candidate

    def box(self, anchor: str | None, mark: tuple[str, str], lang: str | None = None) -> _Box:
        return _Box(anchor, mark, self.words.place_label(mark), lang=lang)

    def record(self, box: _Box, start: int, end: int, make: FromLocus) -> None:
        if box.keep and box.anchor is not None:
            self.order += 1
            box.pending.append((start, end, self.current.label if self.current else None, self.order, make))

    def finish(self, box: _Box) -> None:
        text = box.text()
        for start, end, page, order, make in box.pending:
            near = snippet(text, start, end)
            locus = Locus(self.doc_id, self.title, box.anchor, box.label, box.mark, page, near, order,
                          box.lang or self.lang, self.lang)
            made = make(locus)
            self.filed[type(made)].append(made)

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
            tail = n if SAFE_ANCHOR.fullmatch(n) else (slug(n) or str(seq))
            anchor, label = self.unique(f"page-{tail}"), n
        else:
            anchor, label = self.unique(f"page-seq-{seq}"), f"[{seq}]"
        page = Page(anchor=anchor, label=label, n=n, seq=seq, inferred=el.get("type") == "inferred")
        self.pages.append(page)
        self.current = page
        return page

    def note(self, el: etree._Element) -> NoteView:
        n = (el.get("n") or "").strip() or str(len(self.notes) + 1)
        tail = n if SAFE_ANCHOR.fullmatch(n) else (slug(n) or str(len(self.notes) + 1))
        anchor = self.unique(f"fn{tail}")
        ref_anchor = self.unique("fnref" + anchor[2:])
        box = self.box(anchor, ("note", n))
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
        # The date in words as a title only where it says more than the text ("1939 г." says it all).
        return Node("date", children, {"datetime": datetime, "label": label if label != text else None})

    def bibl(self, el: etree._Element, box: _Box) -> Node:
        start = box.length
        children = self.inline(el, box)
        end = box.length
        attrs, make = self.citations.link(el, collapse(box.text()[start:end]), children)
        attrs["title"] = attrs.get("label")  # document.first_titles keeps the first on the page
        if make is not None:
            self.record(box, start, end, make)
        return Node("bibl", children, attrs)

    def choice(self, el: etree._Element, box: _Box) -> Node:
        shown = first_of(el, ("corr", "reg", "expan"))
        original = first_of(el, ("sic", "orig", "abbr"))
        children = self.inline(shown, box) if shown is not None else []
        if original is not None:
            self.inline(original, _Box(None, ("paragraph", ""), "", keep=False))
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
            self.inline(other, _Box(None, ("paragraph", ""), "", keep=False))
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
        box = self.box(anchor, ("paragraph", n or ""))
        nodes = self.inline(el, box)
        self.finish(box)
        if not (el.text or "").strip() and len(el) and local(el[0]) == "pb" and len(self.pages) > before:
            start_page = self.pages[before]
        pages = page_range(start_page, self.current)
        return Paragraph(anchor=anchor, n=n, nodes=nodes, pages=pages)

    def division(self, el: etree._Element, path: tuple[int, ...]) -> Division:
        anchor = self.unique("sec-" + "-".join(str(k) for k in path)) if path else "text"
        head_nodes = None
        head_text = ""
        blocks: list = []
        subdivisions = 0
        for child in el:
            name = local(child)
            if name == "head" and head_nodes is None:
                box = self.box(anchor, ("heading", ""))
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
            elif name == "milestone":
                blocks.append(SectionBreak(child.get("unit") or "section"))
            elif name == "quote":
                blocks.append(Quotation(tuple(self.paragraph(p) for p in child.iterfind(f"{TEI}p"))))
            else:  # p, and anything paragraph-like
                blocks.append(self.paragraph(child))
        return Division(anchor=anchor, level=len(path), head=head_nodes, head_text=head_text, blocks=blocks)

    def abstracts(self) -> tuple[Abstract, ...]:
        profile = self.root.find(f"{TEI}teiHeader/{TEI}profileDesc")
        if profile is None:
            return ()
        keywords: dict[str, list[str]] = defaultdict(list)
        for kw in profile.iterfind(f"{TEI}textClass/{TEI}keywords"):
            lang = kw.get(XML_LANG) or self.lang
            keywords[lang].extend(t for t in (text_of(term) for term in kw.iterfind(f"{TEI}term")) if t)
        out = []
        for el in profile.iterfind(f"{TEI}abstract"):
            lang = el.get(XML_LANG) or self.lang
            anchor = self.unique(f"abstract-{slug(lang) or 'x'}")
            paragraphs = []
            blocks = el.findall(f"{TEI}p") or [el]
            for p in blocks:
                box = self.box(anchor, ("abstract", ""), lang=lang)
                paragraphs.append(self.inline(p, box))
                self.finish(box)
            out.append(Abstract(lang=lang, anchor=anchor, paragraphs=tuple(paragraphs),
                                keywords=tuple(keywords.pop(lang, []))))
        return tuple(out)
