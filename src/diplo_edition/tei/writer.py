"""The TEI P5 file of one document, built from the edition's metadata and the recovered reading text."""

from __future__ import annotations

from functools import singledispatchmethod

from lxml import etree

from ..apparatus.corrections import resp_id
from ..editions import KINDS
from ..languages import pack
from ..model.document import Block, Document, ReferenceList
from ..model.inline import (
    Annotation,
    ColumnBreak,
    Correction,
    Inline,
    Note,
    PageBreak,
    PrintedPageNumber,
    WitnessReading,
)

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
LANGUAGE_NAMES = pack("en").language_names  # the header is written in English

HYPHENATION_POLICY = (
    "Soft line-end hyphens are removed and the word joined; hard hyphens are kept. Each line-end hyphen is "
    "decided from evidence, in this order: digits on both sides (a range) or a capital after the break "
    "keep it; "
    "particles (-то, -либо, -нибудь, кое-) keep it; the corpus itself (the word seen elsewhere whole or "
    "hyphenated); the Russian dictionary of pymorphy3 (the joined or the hyphenated form is a word); "
    "compound "
    "adjectives of two known words keep it; for other languages, the word frequencies of wordfreq (the "
    "joined form about as frequent as its halves joins, two words keep it); a language with no word list "
    "keeps it as printed. An em dash at a line end joins only where the evidence makes one word. "
    "A hyphen that ends a page and continues after a footnote block is decided the same way."
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


def append_element(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, tei(tag), attrs)
    if text is not None:
        el.text = text
    return el


def _set_lang(el: etree._Element, lang: str | None) -> None:
    if lang:
        el.set(f"{{{XML_NS}}}lang", lang)


KIND_TAXONOMY = "document-kinds"


class _Inline:
    """Appends mixed content (text and the nodes of the model) to an element, one method per node type."""

    def __init__(self, doc_id: str, witness_ids: dict[str, str]):
        self.doc_id = doc_id
        self.witness_ids = witness_ids

    def append(self, el: etree._Element, items: list[Inline]) -> None:
        for item in items:
            self.node(item, el)

    @singledispatchmethod
    def node(self, item: object, el: etree._Element) -> None:
        raise TypeError(f"the TEI writer has no encoding for {item!r}")

    @node.register
    def _text(self, item: str, el: etree._Element) -> None:
        if len(el):
            el[-1].tail = (el[-1].tail or "") + item
        else:
            el.text = (el.text or "") + item

    @node.register
    def _page_break(self, item: PageBreak, el: etree._Element) -> None:
        child = append_element(el, "pb")
        if item.n is not None:
            child.set("n", str(item.n))
            if item.inferred:
                child.set("type", "inferred")

    @node.register
    def _column_break(self, item: ColumnBreak, el: etree._Element) -> None:
        append_element(el, "cb")

    @node.register
    def _page_number(self, item: PrintedPageNumber, el: etree._Element) -> None:
        child = append_element(el, "fw", item.value, type=item.kind, place=item.place)
        if item.witness:
            child.set("source", f"#{self.witness_ids[item.witness]}")

    @node.register
    def _annotation(self, item: Annotation, el: etree._Element) -> None:
        child = append_element(el, item.tag)
        for name, value in item.attrs.items():
            child.set(f"{{{XML_NS}}}id" if name == "xml:id" else name, value)
        self.append(child, item.content)

    @node.register
    def _correction(self, item: Correction, el: etree._Element) -> None:
        choice = append_element(el, "choice")
        append_element(choice, "sic", item.sic)
        append_element(choice, "corr", item.corr or None, resp=f"#{item.resp}")

    @node.register
    def _reading(self, item: WitnessReading, el: etree._Element) -> None:
        # What the other copy reads here: an apparatus entry with that copy's reading.
        app = append_element(el, "app", type="witness")
        append_element(app, "rdg", item.text, wit=f"#{self.witness_ids[item.witness]}")

    @node.register
    def _note(self, item: Note, el: etree._Element) -> None:
        child = append_element(el, "note", place=item.place, n=item.label or str(item.n))
        child.set(f"{{{XML_NS}}}id", f"{self.doc_id}-fn{item.n}")
        if not item.marker_found:
            child.set("type", "unanchored")
        self.append(child, item.content)


def _header(document: Document, inline: _Inline) -> etree._Element:
    doc, collection = document.edition, document.collection
    header = etree.Element(tei("teiHeader"))
    file_desc = append_element(header, "fileDesc")
    title_stmt = append_element(file_desc, "titleStmt")
    if doc.title:
        append_element(title_stmt, "title", doc.title, type="main")
    if doc.supplied_title:
        append_element(title_stmt, "title", doc.supplied_title, type="desc")
    for author in doc.authors:
        append_element(title_stmt, "author", author)
    for name in sorted({c.resp for c in doc.corrections}):
        stmt = append_element(title_stmt, "respStmt")
        stmt.set(f"{{{XML_NS}}}id", resp_id(name))
        append_element(stmt, "resp", "correction of the OCR text")
        append_element(stmt, "name", name)
    for rule, what in sorted(document.rule_corrections.items()):
        stmt = append_element(title_stmt, "respStmt")
        stmt.set(f"{{{XML_NS}}}id", rule)
        append_element(stmt, "resp", what)
        append_element(stmt, "name", "diplo-edition")
    resp = append_element(title_stmt, "respStmt")
    append_element(resp, "resp", "Digital edition")
    append_element(resp, "name", collection.publisher or collection.title)

    pub = append_element(file_desc, "publicationStmt")
    append_element(pub, "publisher", collection.publisher or collection.title)
    append_element(pub, "idno", f"{collection.base_url}documents/{doc.id}/", type="URL")
    avail = append_element(pub, "availability")
    append_element(avail, "p", "Published as part of the digital edition “" + collection.title + "”.")

    source_desc = append_element(file_desc, "sourceDesc")
    bibl = append_element(source_desc, "bibl")
    if doc.title:
        append_element(bibl, "title", doc.title)
    for author in doc.authors:
        append_element(bibl, "author", author)
    if doc.published_in:
        append_element(bibl, "note", doc.published_in, type="publishedIn")
    if doc.date:
        append_element(bibl, "date", doc.date, when=doc.date)
    if doc.first_page is not None:
        append_element(bibl, "biblScope", str(doc.first_page), unit="page", **{"from": str(doc.first_page)})
    for rel in (ref.rel for ref in doc.sources):
        append_element(bibl, "idno", rel, type="rawSource")
    if document.witnesses:
        list_wit = append_element(source_desc, "listWit")
        for wit in document.witnesses:
            w = append_element(list_wit, "witness", f"{wit.source}, lines {wit.first_line}–{wit.last_line}")
            w.set(f"{{{XML_NS}}}id", inline.witness_ids[wit.sigil])
    # The entries the edition declares, but for those the source's own reference list prints (in the back).
    printed = {e.n for e in document.reference_list.entries} if document.reference_list else set()
    declared = {n: text for n, text in document.references.items() if text and n not in printed}
    if declared:
        list_bibl = append_element(source_desc, "listBibl")
        for n, description in sorted(declared.items()):
            ref = append_element(list_bibl, "bibl", description, n=str(n))
            ref.set(f"{{{XML_NS}}}id", f"{doc.id}-ref-{n}")

    encoding = append_element(header, "encodingDesc")
    decl = append_element(encoding, "editorialDecl")
    if doc.corrections or document.rule_corrections:
        correction = append_element(decl, "correction")
        for c in doc.corrections:
            note = f" ({c.note})" if c.note else ""
            append_element(correction, "p", f"«{c.sic}» → «{c.corr}»{note}; {c.resp}.")
        for what in sorted(document.rule_corrections.values()):
            append_element(correction, "p", f"Made by diplo-edition: {what}; each one points to its rule.")
    norm = append_element(decl, "normalization")
    converted = "".join(f" The raw file {rel} was in {enc}, not UTF-8, and was converted to Unicode."
                        for rel, enc in sorted(document.encodings.items()))
    append_element(norm, "p", NORMALIZATION_POLICY + converted)
    hyph = append_element(decl, "hyphenation", eol="hard")
    append_element(hyph, "p", HYPHENATION_POLICY)
    seg = append_element(decl, "segmentation")
    append_element(seg, "p", PAGINATION_POLICY)
    taxonomy = append_element(append_element(encoding, "classDecl"), "taxonomy")
    taxonomy.set(f"{{{XML_NS}}}id", KIND_TAXONOMY)
    for kind in KINDS:
        category = append_element(taxonomy, "category")
        category.set(f"{{{XML_NS}}}id", f"kind-{kind}")
        append_element(category, "catDesc", kind)

    profile = append_element(header, "profileDesc")
    lang_usage = append_element(profile, "langUsage")
    for lang in doc.languages:
        append_element(lang_usage, "language", LANGUAGE_NAMES.get(lang, lang), ident=lang)
    _abstracts(profile, document.front, inline, doc.languages[0], doc.kind)
    return header


# What a keyword (term) can hold besides text, breaks and notes: names, dates, corrections, links.
TERM_PHRASES = {"persName", "placeName", "orgName", "date", "choice", "ref"}


def _phrases_of_term(items: list[Inline]) -> list[Inline]:
    """The content of a line of keywords with the annotations a term cannot hold (a citation and its
    parts) written as their text."""
    out: list[Inline] = []
    for item in items:
        if isinstance(item, Annotation) and item.tag not in TERM_PHRASES:
            out.extend(_phrases_of_term(item.content))
        else:
            out.append(item)
    return out


def _abstracts(
    profile: etree._Element, blocks: list[Block], inline: _Inline, default_lang: str, kind: str
) -> None:
    keywords = [b for b in blocks if b.kind == "keywords"]
    current: etree._Element | None = None
    current_lang = None
    for block in (b for b in blocks if b.kind == "abstract"):
        lang = block.lang or default_lang
        if current is None or lang != current_lang:
            current = append_element(profile, "abstract")
            _set_lang(current, lang)
            current_lang = lang
        inline.append(append_element(current, "p"), block.content)
    text_class = append_element(profile, "textClass")
    append_element(text_class, "catRef", scheme=f"#{KIND_TAXONOMY}", target=f"#kind-{kind}")
    for block in keywords:
        kw = append_element(text_class, "keywords")
        _set_lang(kw, block.lang or default_lang)
        term = append_element(kw, "term")
        items = _phrases_of_term(block.content)
        for index, item in enumerate(items):
            if not isinstance(item, str):
                inline.append(term, [item])
                continue
            # Terms are separated by ";": only a term's own edges are trimmed, not the space between its
            # words and a date or a name inside it; the list's final stop is not part of its last term.
            parts = item.split(";")
            for k, part in enumerate(parts):
                if k:
                    term = append_element(kw, "term")
                if k or index == 0:
                    part = part.lstrip()
                if k < len(parts) - 1 or index == len(items) - 1:
                    part = part.rstrip()
                if k == len(parts) - 1 and index == len(items) - 1:
                    part = part.rstrip(".")
                inline.append(term, [part])


def _body(blocks: list[Block], inline: _Inline) -> etree._Element:
    body = etree.Element(tei("body"))
    stack: list[tuple[int, etree._Element]] = [(0, body)]
    paragraphs = 0
    for block in blocks:
        if block.kind == "head":
            level = block.level or 1
            while stack[-1][0] >= level:
                stack.pop()
            div = append_element(stack[-1][1], "div")
            _head(div, block.content, inline)
            stack.append((level, div))
            continue
        if len(stack) == 1:
            stack.append((1, append_element(body, "div")))
        parent = stack[-1][1]
        if block.kind == "milestone":  # a separator line ("* * *"): the breaks before it, then the milestone
            inline.append(parent, block.content)
            append_element(parent, "milestone", unit="section")
            continue
        if block.kind == "quote":  # a block quotation: its paragraph is numbered with the others
            parent = append_element(parent, "quote")
        paragraphs += 1
        p = append_element(parent, "p")
        # Numbered in reading order: the anchor stays the same as long as the text does.
        p.set(f"{{{XML_NS}}}id", f"{inline.doc_id}-p{paragraphs}")
        inline.append(p, block.content)
    if len(body) == 0:
        append_element(append_element(body, "div"), "p")
    return body


def _head(div: etree._Element, content: list[Inline], inline: _Inline) -> None:
    """A division's heading; the breaks that open it stand before it, in the division."""
    leading = 0
    breaks = (PageBreak, ColumnBreak, PrintedPageNumber)
    while leading < len(content) and isinstance(content[leading], breaks):
        leading += 1
    inline.append(div, content[:leading])
    inline.append(append_element(div, "head"), content[leading:])


def _back(reference_list: ReferenceList, inline: _Inline) -> etree._Element:
    """The reference list printed in the document: its heading (breaks that open it before) and entries."""
    back = etree.Element(tei("back"))
    div = append_element(back, "div", type="bibliography")
    _head(div, reference_list.head, inline)
    list_bibl = append_element(div, "listBibl")
    for entry in reference_list.entries:
        bibl = append_element(list_bibl, "bibl", n=str(entry.n))
        # Brackets cite a numbered list's entries by number; an alphabetical list's are only counted.
        kind = "ref" if reference_list.numbered else "bib"
        bibl.set(f"{{{XML_NS}}}id", f"{inline.doc_id}-{kind}-{entry.n}")
        inline.append(bibl, entry.content)
    return back


def build_tei(document: Document) -> bytes:
    doc = document.edition
    witness_ids = {w.sigil: f"{doc.id}-wit-{w.sigil}" for w in document.witnesses}
    inline = _Inline(doc.id, witness_ids)
    root = etree.Element(tei("TEI"), nsmap={None: TEI_NS})
    _set_lang(root, doc.languages[0])
    root.set(f"{{{XML_NS}}}id", doc.id)
    header = _header(document, inline)
    etree.indent(header, space=" ")
    root.append(header)
    text_el = append_element(root, "text")
    text_el.append(_body(document.body, inline))
    if document.reference_list:
        text_el.append(_back(document.reference_list, inline))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"
