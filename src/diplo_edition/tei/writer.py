"""The TEI P5 file of one document, built from the edition's metadata and the recovered reading text."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..editions import Collection, DocumentEdition
from ..layout.flow import Block, Milestone, Note, PrintedPageNumber
from ..layout.witnesses import Witness

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
LANGUAGE_NAMES = {
    "ru": "Russian",
    "en": "English",
    "de": "German",
    "fr": "French",
    "ja": "Japanese",
    "zh": "Chinese",
}

HYPHENATION_POLICY = (
    "Soft line-end hyphens are removed and the word joined; hard hyphens are kept. Each line-end hyphen is "
    "decided from evidence, in this order: digits on both sides (a range) or a capital after the break "
    "keep it; "
    "particles (-то, -либо, -нибудь, кое-) keep it; the corpus itself (the word seen elsewhere whole or "
    "hyphenated); the Russian dictionary of pymorphy3 (the joined or the hyphenated form is a word); "
    "compound "
    "adjectives of two known words keep it; for English, an English word list. A hyphen that ends a page and "
    "continues after a footnote block is decided the same way."
)
NORMALIZATION_POLICY = (
    "Text is in Unicode NFC. Runs of spaces and tabs become one space; a run that contains a no-break space "
    "(U+00A0) becomes one no-break space, because the source uses it to keep numbers with their units and "
    "initials with names. Non-breaking hyphens (U+2011) and the combining acute accent are kept as printed. "
    "Line breaks of the source are not recorded; page and column breaks are."
)
PAGINATION_POLICY = (
    "Page breaks are placed where each printed page starts, also inside a word. A page number printed on the "
    "page is kept as a forme work (fw); page numbers marked as inferred are counted from a printed number "
    "or from the first page number given by the edition. Footnotes are placed at their marker; the marker "
    "digits and the note label are recorded as the note's n attribute."
)


def tei(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, tei(tag), attrs)
    if text is not None:
        el.text = text
    return el


def _set_lang(el: etree._Element, lang: str | None) -> None:
    if lang:
        el.set(f"{{{XML_NS}}}lang", lang)


@dataclass
class DocumentText:
    """What the layout passes recovered for one document."""

    body: list[Block]
    abstracts: list[Block]
    witnesses: list[Witness]
    sources: list[str]


class _Inline:
    """Appends mixed content (text, breaks, notes) to an element."""

    def __init__(self, doc_id: str, witness_ids: dict[str, str]):
        self.doc_id = doc_id
        self.witness_ids = witness_ids

    def append(self, el: etree._Element, items: list) -> None:
        for item in items:
            if isinstance(item, str):
                self._text(el, item)
            elif isinstance(item, Milestone):
                child = _sub(el, item.kind)
                if item.n is not None:
                    child.set("n", str(item.n))
                    if item.inferred:
                        child.set("type", "inferred")
            elif isinstance(item, PrintedPageNumber):
                child = _sub(el, "fw", item.value, type="pageNum", place=item.place)
                if item.witness:
                    child.set("source", f"#{self.witness_ids[item.witness]}")
            elif isinstance(item, Note):
                child = _sub(el, "note", place="foot", n=str(item.n))
                child.set(f"{{{XML_NS}}}id", f"{self.doc_id}-fn{item.n}")
                if not item.marker_found:
                    child.set("type", "unanchored")
                self.append(child, item.content)
            else:  # pragma: no cover - the flow only makes the types above
                raise TypeError(f"unexpected inline item {item!r}")

    @staticmethod
    def _text(el: etree._Element, text: str) -> None:
        if len(el):
            el[-1].tail = (el[-1].tail or "") + text
        else:
            el.text = (el.text or "") + text


def _header(
    doc: DocumentEdition, collection: Collection, text: DocumentText, inline: _Inline
) -> etree._Element:
    header = etree.Element(tei("teiHeader"))
    file_desc = _sub(header, "fileDesc")
    title_stmt = _sub(file_desc, "titleStmt")
    if doc.title:
        _sub(title_stmt, "title", doc.title, type="main")
    if doc.supplied_title:
        _sub(title_stmt, "title", doc.supplied_title, type="desc")
    for author in doc.authors:
        _sub(title_stmt, "author", author)
    resp = _sub(title_stmt, "respStmt")
    _sub(resp, "resp", "Digital edition")
    _sub(resp, "name", collection.publisher or collection.title)

    pub = _sub(file_desc, "publicationStmt")
    _sub(pub, "publisher", collection.publisher or collection.title)
    _sub(pub, "idno", f"{collection.base_url}documents/{doc.id}/", type="URL")
    avail = _sub(pub, "availability")
    _sub(avail, "p", "Published as part of the digital edition “" + collection.title + "”.")

    source_desc = _sub(file_desc, "sourceDesc")
    bibl = _sub(source_desc, "bibl")
    if doc.title:
        _sub(bibl, "title", doc.title)
    for author in doc.authors:
        _sub(bibl, "author", author)
    if doc.published_in:
        _sub(bibl, "note", doc.published_in, type="publishedIn")
    if doc.date:
        _sub(bibl, "date", doc.date, when=doc.date)
    if doc.first_page is not None:
        _sub(bibl, "biblScope", str(doc.first_page), unit="page", **{"from": str(doc.first_page)})
    for rel in text.sources:
        _sub(bibl, "idno", rel, type="rawSource")
    if text.witnesses:
        list_wit = _sub(source_desc, "listWit")
        for wit in text.witnesses:
            w = _sub(list_wit, "witness", f"{wit.source}, lines {wit.first_line}–{wit.last_line}")
            w.set(f"{{{XML_NS}}}id", inline.witness_ids[wit.sigil])

    encoding = _sub(header, "encodingDesc")
    decl = _sub(encoding, "editorialDecl")
    norm = _sub(decl, "normalization")
    _sub(norm, "p", NORMALIZATION_POLICY)
    hyph = _sub(decl, "hyphenation", eol="hard")
    _sub(hyph, "p", HYPHENATION_POLICY)
    seg = _sub(decl, "segmentation")
    _sub(seg, "p", PAGINATION_POLICY)

    profile = _sub(header, "profileDesc")
    lang_usage = _sub(profile, "langUsage")
    for lang in doc.languages:
        _sub(lang_usage, "language", LANGUAGE_NAMES.get(lang, lang), ident=lang)
    _abstracts(profile, text.abstracts, inline, doc.languages[0])
    return header


def _abstracts(profile: etree._Element, blocks: list[Block], inline: _Inline, default_lang: str) -> None:
    keywords = [b for b in blocks if b.kind == "keywords"]
    current: etree._Element | None = None
    current_lang = None
    for block in (b for b in blocks if b.kind == "abstract"):
        lang = block.lang or default_lang
        if current is None or lang != current_lang:
            current = _sub(profile, "abstract")
            _set_lang(current, lang)
            current_lang = lang
        inline.append(_sub(current, "p"), block.content)
    if keywords:
        text_class = _sub(profile, "textClass")
        for block in keywords:
            kw = _sub(text_class, "keywords")
            _set_lang(kw, block.lang or default_lang)
            term = _sub(kw, "term")
            for item in block.content:
                if not isinstance(item, str):
                    inline.append(term, [item])
                    continue
                parts = item.split(";")
                for k, part in enumerate(parts):
                    if k:
                        term = _sub(kw, "term")
                    inline.append(term, [part.strip().rstrip(".") if k == len(parts) - 1 else part.strip()])


def _body(blocks: list[Block], inline: _Inline) -> etree._Element:
    body = etree.Element(tei("body"))
    stack: list[tuple[int, etree._Element]] = [(0, body)]
    paragraphs = 0
    for block in blocks:
        if block.kind == "head":
            level = block.level or 1
            while stack[-1][0] >= level:
                stack.pop()
            div = _sub(stack[-1][1], "div")
            # Breaks that open the heading stand before it, in the division.
            leading = 0
            while leading < len(block.content) and isinstance(
                block.content[leading], (Milestone, PrintedPageNumber)
            ):
                leading += 1
            inline.append(div, block.content[:leading])
            inline.append(_sub(div, "head"), block.content[leading:])
            stack.append((level, div))
            continue
        if len(stack) == 1:
            stack.append((1, _sub(body, "div")))
        paragraphs += 1
        p = _sub(stack[-1][1], "p")
        # Numbered in reading order: the anchor stays the same as long as the text does.
        p.set(f"{{{XML_NS}}}id", f"{inline.doc_id}-p{paragraphs}")
        inline.append(p, block.content)
    if len(body) == 0:
        _sub(_sub(body, "div"), "p")
    return body


def build_tei(doc: DocumentEdition, collection: Collection, text: DocumentText) -> bytes:
    witness_ids = {w.sigil: f"{doc.id}-wit-{w.sigil}" for w in text.witnesses}
    inline = _Inline(doc.id, witness_ids)
    root = etree.Element(tei("TEI"), nsmap={None: TEI_NS})
    _set_lang(root, doc.languages[0])
    root.set(f"{{{XML_NS}}}id", doc.id)
    header = _header(doc, collection, text, inline)
    etree.indent(header, space=" ")
    root.append(header)
    text_el = _sub(root, "text")
    text_el.append(_body(text.body, inline))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"
