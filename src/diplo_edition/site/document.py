"""One TEI document read into the reader page's view (DocumentView) and its index summary (DocumentSummary).

A pure function of the TEI, the base URL, the registers and the edition's printed series (which bibl types
are citations of a series): everything about the document itself comes from its TEI. The text is read by
a DocumentReader (``document_reader``); here the view is assembled from it and from the TEI header.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from lxml import etree

from ..editions import PrintedSeries
from ..tei.writer import KIND_TAXONOMY
from .document_reader import DocumentReader, header_titles
from .model import (
    Abstract,
    Division,
    DocumentHeading,
    DocumentSummary,
    DocumentView,
    NoteView,
    Paragraph,
    Quotation,
    TocEntry,
)
from .parts import split
from .register_index import RegisterLookup
from .tei import TEI, XML_ID, XML_LANG, parse, text_of
from .words import site_words

_KIND_TARGET = "#kind-"  # a category of the kinds' taxonomy: #kind-thesis


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


def first_titles(abstracts: tuple[Abstract, ...], blocks: list, notes: list[NoteView]) -> None:
    """Keep the title (tooltip) of the first link to each place, in the page's order (the abstracts, the
    text, the list of notes), and drop the others': 1,389 mention links of the thesis titled each with
    its entry's name weighed 74 KB. site.js gives a link without a title the first one's.

    A link is what the template makes one (_macros.html): a name or a citation with an address, not
    inside another link (a citation's own link comes after its text when it holds links)."""
    seen: set = set()

    def walk(nodes: list, link_ok: bool) -> None:
        for node in nodes:
            if isinstance(node, str) or node.kind in ("note", "pb"):  # a note's text is in the list
                continue
            href, inner_ok = node.attrs.get("href"), link_ok
            if node.kind in ("name", "bibl") and node.attrs.get("title"):
                key = href if node.kind == "name" else ("bibl", node.attrs.get("type"), node.attrs["title"])
                if href and link_ok and key not in seen:
                    seen.add(key)
                else:
                    node.attrs["title"] = None
            if href and (node.kind == "name" or node.kind == "bibl" and not node.attrs.get("trailing")):
                inner_ok = False  # the text of a link
            walk(node.children, inner_ok)

    def walk_blocks(items: list) -> None:
        for block in items:
            if isinstance(block, Division):
                walk(block.head or [], True)
                walk_blocks(block.blocks)
            elif isinstance(block, Quotation):
                walk_blocks(list(block.paragraphs))
            elif isinstance(block, Paragraph):
                walk(block.nodes, True)

    for abstract in abstracts:
        for paragraph in abstract.paragraphs:
            walk(paragraph, True)
    walk_blocks(blocks)
    for note in notes:
        walk(note.nodes, True)


def kind_of(root: etree._Element) -> str | None:
    """The document's kind, from its class in the kinds' taxonomy: catRef '#kind-thesis' -> 'thesis'."""
    for ref in root.iterfind(f"{TEI}teiHeader/{TEI}profileDesc/{TEI}textClass/{TEI}catRef"):
        if ref.get("scheme") == f"#{KIND_TAXONOMY}":
            target = (ref.get("target") or "").split()
            if target and target[0].startswith(_KIND_TARGET):
                return target[0][len(_KIND_TARGET):] or None
    return None


def _date(root: etree._Element) -> str | None:
    """The document's date: its source's date, @when or as written."""
    bibl = root.find(f"{TEI}teiHeader/{TEI}fileDesc/{TEI}sourceDesc/{TEI}bibl")
    date_el = bibl.find(f"{TEI}date") if bibl is not None else None
    return (date_el.get("when") or text_of(date_el)) if date_el is not None else None


def _lang(root: etree._Element) -> str | None:
    """The document's language: the TEI's own, else the first its header names."""
    return root.get(XML_LANG) or next(
        (el.get("ident") for el in root.iterfind(f".//{TEI}profileDesc/{TEI}langUsage/{TEI}language")
         if el.get("ident")), None)


def read_heading(source: bytes | Path) -> DocumentHeading:
    """The document's id, title and date, from its TEI header alone (the text is not read)."""
    stream = BytesIO(source) if isinstance(source, bytes) else str(source)
    root = None
    for _, header in etree.iterparse(stream, events=("end",), tag=f"{TEI}teiHeader",
                                     resolve_entities=False, no_network=True):
        root = header.getparent()
        break
    if root is None:  # no header: the document as a whole
        root = parse(source if isinstance(source, bytes) else Path(source).read_bytes())
    return DocumentHeading(root.get(XML_ID) or "", header_titles(root)[2], _date(root), _lang(root))


OPENING_LETTERS = 280  # about three lines of a document card


def _opening(root: etree._Element, lang: str) -> tuple[str, str]:
    """The first lines of the abstract in the document's language (of another abstract, else of the text),
    cut at a word, and their language: what a list of documents shows of each."""
    abstracts = list(root.iterfind(f"{TEI}teiHeader/{TEI}profileDesc/{TEI}abstract"))
    abstracts.sort(key=lambda el: (el.get(XML_LANG) or lang) != lang)
    for el in abstracts:
        text = " ".join(filter(None, map(text_of, el.findall(f"{TEI}p")))) or text_of(el)
        if text:
            return _cut(text), el.get(XML_LANG) or lang
    body = root.find(f"{TEI}text/{TEI}body")
    paragraphs = (text_of(p) for p in body.iter(f"{TEI}p")) if body is not None else ()
    text = ""
    for paragraph in paragraphs:
        text = f"{text} {paragraph}".strip()
        if len(text) > OPENING_LETTERS:
            break
    return _cut(text), lang


def _cut(text: str) -> str:
    if len(text) <= OPENING_LETTERS:
        return text
    head = text[:OPENING_LETTERS]
    return head[: head.rfind(" ")].rstrip(" ,;:—–-") + "…" if " " in head else head + "…"


def read_document(
    data: bytes,
    base_url: str,
    registers: RegisterLookup,
    series: tuple[PrintedSeries, ...] = (),
    *,
    ui_lang: str,
    theme: tuple[Path, ...] | None = None,
    part_bytes: int | None = None,
) -> tuple[DocumentView, DocumentSummary]:
    """The document's view and summary from its TEI alone; series: the edition's printed series;
    ui_lang: the language of the site's interface (its dates in words, its labels), in the catalogs of
    the theme's folders (the packaged theme's when none are given); part_bytes: the reading text a page
    holds, about (a longer document is split into parts, parts.py; None: one page)."""
    root = parse(data)
    lang = _lang(root) or ui_lang
    reader = DocumentReader(root, base_url, registers, series, lang, site_words(ui_lang, theme))
    header = root.find(f"{TEI}teiHeader")
    source_bibl = header.find(f"{TEI}fileDesc/{TEI}sourceDesc/{TEI}bibl") if header is not None else None

    def source(path: str) -> etree._Element | None:
        return source_bibl.find(path) if source_bibl is not None else None

    published = source(f"{TEI}note[@type='publishedIn']")
    abstracts = reader.abstracts()
    body = root.find(f"{TEI}text/{TEI}body")
    top = reader.division(body, ()) if body is not None else Division("text", 0, None, "", [])
    parts, part_map = split(reader.doc_id, top.blocks, reader.notes, part_bytes or 0)
    for part in parts:  # each part is a page: the first link to a place on it is titled
        first_titles(abstracts if part.number == 1 else (), part.blocks, part.notes)
    reader.summary.references = reader.citations.references()
    summary = part_map.place(reader.summary)
    languages = tuple(
        lang.get("ident") for lang in root.iterfind(f".//{TEI}profileDesc/{TEI}langUsage/{TEI}language")
        if lang.get("ident")
    )
    sources_ = tuple(text_of(i) for i in (source_bibl.iterfind(f"{TEI}idno[@type='rawSource']")
                                            if source_bibl is not None else ()))
    witnesses = tuple(text_of(w) for w in root.iterfind(f".//{TEI}sourceDesc/{TEI}listWit/{TEI}witness"))
    corrections = tuple(text_of(p) for p in root.iterfind(f".//{TEI}editorialDecl/{TEI}correction/{TEI}p"))
    kind = kind_of(root)
    opening, opening_lang = _opening(root, lang)
    view = DocumentView(
        id=reader.doc_id,
        lang=lang,
        title=reader.title,
        title_printed=reader.title_printed,
        title_supplied=reader.title_supplied,
        authors=reader.authors,
        kind=kind,
        kind_label=reader.words.kind_label(kind),
        date=_date(root),
        published_in=text_of(published) if published is not None else None,
        languages=languages,
        abstracts=abstracts,
        divisions=top.blocks,
        notes=reader.notes,
        pages=reader.pages,
        references=summary.references,
        toc=_toc(top.blocks),
        sources=sources_,
        witnesses=witnesses,
        corrections=corrections,
        canonical=reader.canonical,
        paragraph_count=sum(1 for _ in body.iter(f"{TEI}p")) if body is not None else 0,
        note_count=len(reader.notes),
        opening=opening,
        opening_lang=opening_lang,
        parts=part_map,
        part_texts=parts,
    )
    return view, summary
