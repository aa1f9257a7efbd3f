"""Reading the registers TEI (build/tei/registers.xml) into plain entries: persons, places, organisations."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..languages import FALLBACK, detect_language
from .model import RegisterRecord
from .tei import TEI, XML_ID, XML_LANG, parse, text_of

_LISTS = (("person", "listPerson", "person", "persName"),
          ("place", "listPlace", "place", "placeName"),
          ("org", "listOrg", "org", "orgName"))


@dataclass(frozen=True)
class RegisterLookup:
    entries: dict[str, RegisterRecord] = field(default_factory=dict)  # id -> entry
    present: bool = False  # whether a registers file was given at all

    def of_kind(self, kind: str) -> list[RegisterRecord]:
        return [e for e in self.entries.values() if e.kind == kind]


def _name(entry: etree._Element, tag: str, lang: str) -> tuple[str, str, str | None, tuple[str, ...]]:
    """The name shown and its language, the English name, the other spellings."""
    names = entry.findall(TEI + tag)
    preferred = [n for n in names if n.get("type") == "preferred"]
    in_lang = [n for n in preferred if n.get(XML_LANG) in (None, lang)] or preferred
    en = [n for n in names if n.get(XML_LANG) == "en" and n.get("type") != "variant"]
    variants = [n for n in names if n.get("type") == "variant"]
    main = in_lang[0] if in_lang else (names[0] if names else None)
    name = text_of(main) if main is not None else entry.get(XML_ID, "")
    name_en = text_of(en[0]) if en else None
    seen = {name, name_en}
    variant_texts = []
    for v in variants:
        value = text_of(v)
        if value and value not in seen:
            seen.add(value)
            variant_texts.append(value)
    name_lang = (main.get(XML_LANG) if main is not None else None) or lang
    return name, name_lang, name_en, tuple(variant_texts)


def _when(entry: etree._Element, tag: str) -> str | None:
    el = entry.find(TEI + tag)
    if el is None:
        return None
    return el.get("when") or el.get("notBefore") or (text_of(el) or None)


def read_registers(data: bytes | None) -> RegisterLookup:
    if data is None:
        return RegisterLookup()
    root = parse(data)
    lang = root.get(XML_LANG) or FALLBACK  # the language of the registers' preferred names
    entries: dict[str, RegisterRecord] = {}
    for kind, list_tag, entry_tag, name_tag in _LISTS:
        for list_el in root.iter(TEI + list_tag):
            for el in list_el.iter(TEI + entry_tag):
                entry_id = el.get(XML_ID)
                if not entry_id or entry_id in entries:
                    continue
                name, name_lang, name_en, variants = _name(el, name_tag, lang)
                notes = tuple((note.get(XML_LANG) or detect_language(text_of(note), lang), text_of(note))
                              for note in el.iterfind(TEI + "note"))
                wikidata = el.find(f"{TEI}idno[@type='wikidata']")
                entries[entry_id] = RegisterRecord(
                    id=entry_id,
                    kind=kind,
                    name=name,
                    name_en=name_en,
                    variants=variants,
                    birth=_when(el, "birth"),
                    death=_when(el, "death"),
                    notes=notes,
                    wikidata=text_of(wikidata) if wikidata is not None else None,
                    lang=lang,
                    name_lang=name_lang,
                )
    return RegisterLookup(entries=dict(sorted(entries.items())), present=True)
