"""The registers of persons, places and organisations as one TEI file, the target of every mention's @ref."""

from __future__ import annotations

from lxml import etree

from ..editions import Collection
from ..languages import interface_language
from ..registers import RegisterEntry, Registers
from .writer import TEI_NS, XML_NS, append_element, tei

LIST_OF_KIND = {
    "person": ("listPerson", "person", "persName"),
    "place": ("listPlace", "place", "placeName"),
    "org": ("listOrg", "org", "orgName"),
}
TITLE_OF_KIND = {"person": "Persons", "place": "Places", "org": "Organisations"}


def _entry(parent: etree._Element, entry: RegisterEntry, lang: str) -> None:
    _, element, name_tag = LIST_OF_KIND[entry.kind]
    el = append_element(parent, element)
    el.set(f"{{{XML_NS}}}id", entry.id)
    preferred = append_element(el, name_tag, entry.name, type="preferred")
    preferred.set(f"{{{XML_NS}}}lang", lang)
    if entry.name_en:
        english = append_element(el, name_tag, entry.name_en)
        english.set(f"{{{XML_NS}}}lang", "en")
    for variant in entry.variants:
        if variant != entry.name:
            append_element(el, name_tag, variant, type="variant")
    if entry.kind == "person":
        if entry.birth:
            append_element(el, "birth", when=entry.birth)
        if entry.death:
            append_element(el, "death", when=entry.death)
    if entry.wikidata:
        append_element(el, "idno", entry.wikidata, type="wikidata")
    for note_lang, line in entry.description:  # one note per language, each with its xml:lang if declared
        note = append_element(el, "note", line)
        if note_lang:
            note.set(f"{{{XML_NS}}}lang", note_lang)


def build_registers_tei(registers: Registers, collection: Collection) -> bytes:
    # The preferred names are in the interface language, the collection's first language.
    lang = interface_language(collection.languages)
    root = etree.Element(tei("TEI"), nsmap={None: TEI_NS})
    root.set(f"{{{XML_NS}}}lang", lang)
    header = append_element(root, "teiHeader")
    file_desc = append_element(header, "fileDesc")
    append_element(append_element(file_desc, "titleStmt"), "title", f"Registers of “{collection.title}”")
    pub = append_element(file_desc, "publicationStmt")
    append_element(pub, "publisher", collection.publisher or collection.title)
    append_element(
        append_element(file_desc, "sourceDesc"),
        "p",
        "Authority files kept by the editors in editions/registers/.",
    )
    body = append_element(append_element(root, "text"), "body")
    for kind, (list_tag, _, _) in LIST_OF_KIND.items():
        entries = registers.of_kind(kind)
        div = append_element(body, "div", type=kind)
        append_element(div, "head", TITLE_OF_KIND[kind])
        if entries:
            listing = append_element(div, list_tag)
            for entry in entries:
                _entry(listing, entry, lang)
        else:
            append_element(div, "p", "No entries yet.")
    etree.indent(root, space=" ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"
