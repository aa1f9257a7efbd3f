"""TEI namespaces and safe parsing."""

from __future__ import annotations

from lxml import etree

from .words import collapse

TEI_NS = "http://www.tei-c.org/ns/1.0"
TEI = f"{{{TEI_NS}}}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parse(data: bytes) -> etree._Element:
    """Parse TEI without resolving entities or touching the network."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True)
    return etree.fromstring(data, parser)


def local(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag[len(TEI):] if tag.startswith(TEI) else tag


def text_of(el: etree._Element | None) -> str:
    """All text of an element, whitespace collapsed; forme work (fw) is left out."""
    if el is None:
        return ""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            name = local(child)
            if name == "app":
                reading = main_reading(child)
                if reading is not None:
                    walk(reading)
            elif name == "choice":
                shown = first_of(child, ("corr", "reg", "expan"))
                if shown is not None:
                    walk(shown)
            elif name not in ("fw", "note"):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return collapse("".join(parts))


def first_of(el: etree._Element, names: tuple[str, ...]) -> etree._Element | None:
    for name in names:
        found = el.find(TEI + name)
        if found is not None:
            return found
    return None


def main_reading(app: etree._Element) -> etree._Element | None:
    """The reading an app shows in the text: lem, else the rdg of witness A (the copy read), else the 1st."""
    lem = app.find(TEI + "lem")
    if lem is not None:
        return lem
    readings = app.findall(TEI + "rdg")
    for rdg in readings:
        if any(w.endswith("-wit-A") for w in (rdg.get("wit") or "").split()):
            return rdg
    return readings[0] if readings else None
