"""The citation downloads: CSL-JSON, BibTeX and RIS, for each document (beside its page) and for the whole
edition (the edition and all its documents), made from the same CSL items as the citations shown."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..editions import Collection
from . import urls
from .csl import DocumentCitation, EditionFacts, document_citation, document_item, edition_item
from .model import DocumentView

EDITION_FOLDER = "cite"
EDITION_NAME = "edition"
_BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_~^])")
_BIBTEX_ESCAPES = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


@dataclass(frozen=True)
class Format:
    label: str
    suffix: str
    media_type: str


FORMATS = (
    Format("CSL-JSON", "json", "application/vnd.citationstyles.csl+json"),
    Format("BibTeX", "bib", "application/x-bibtex"),
    Format("RIS", "ris", "application/x-research-info-systems"),
)


def document_download(doc_id: str, fmt: Format) -> str:
    """The site path of a document's citation in a format, beside its page."""
    return urls.document_path(doc_id).rsplit("/", 1)[0] + f"/{doc_id}.{fmt.suffix}"


def edition_download(fmt: Format) -> str:
    return f"{EDITION_FOLDER}/{EDITION_NAME}.{fmt.suffix}"


# --- the formats ------------------------------------------------------------------------------------


def csl_json(items: list[dict]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _bibtex_value(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_ESCAPES.get(m.group(1), "\\" + m.group(1)), text)


def _bibtex_names(names: list[dict]) -> str:
    """'Family, Given and …'; a name of one word in braces, so that BibTeX takes it whole."""
    return " and ".join(
        f"{_bibtex_value(n['family'])}, {_bibtex_value(n['given'])}" if "family" in n
        else "{" + _bibtex_value(n["literal"]) + "}"
        for n in names
    )


def _year(item: dict) -> str | None:
    issued = item.get("issued")
    return str(issued["date-parts"][0][0]) if issued else None


def _bibtex_key(item_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.:-]", "-", item_id)


def bibtex(items: list[dict]) -> str:
    """@incollection for a document, @book for the edition; titles in braces keep their case."""
    entries = []
    for item in items:
        kind = "incollection" if item.get("container-title") else "book"
        fields: list[tuple[str, str]] = []
        if item.get("author"):
            fields.append(("author", _bibtex_names(item["author"])))
        fields.append(("title", "{" + _bibtex_value(item["title"]) + "}"))
        if item.get("container-title"):
            fields.append(("booktitle", "{" + _bibtex_value(item["container-title"]) + "}"))
        if item.get("editor"):
            fields.append(("editor", _bibtex_names(item["editor"])))
        if item.get("publisher"):
            fields.append(("publisher", _bibtex_value(item["publisher"])))
        if (year := _year(item)) is not None:
            fields.append(("year", year))
        if item.get("page"):
            fields.append(("pages", item["page"].replace("–", "--")))
        fields.append(("url", item["URL"]))
        fields.append(("language", item["language"]))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        entries.append(f"@{kind}{{{_bibtex_key(item['id'])},\n{body}\n}}\n")
    return "\n".join(entries)


def _ris_name(name: dict) -> str:
    return f"{name['family']}, {name['given']}" if "family" in name else name["literal"]


def ris(items: list[dict]) -> str:
    """RIS (tag, two spaces, hyphen, space, value; lines end in CR LF): CHAP for a document, EDBOOK for
    the edition."""
    lines = []
    for item in items:
        part = bool(item.get("container-title"))
        lines.append(("TY", "CHAP" if part else "EDBOOK"))
        lines += [("AU", _ris_name(n)) for n in item.get("author", [])]
        lines.append(("TI", item["title"]))
        if part:
            lines.append(("T2", item["container-title"]))
        lines += [("ED" if part else "A2", _ris_name(n)) for n in item.get("editor", [])]
        if item.get("publisher"):
            lines.append(("PB", item["publisher"]))
        if (year := _year(item)) is not None:
            lines.append(("PY", year))
        if item.get("page"):
            first, _, last = item["page"].partition("–")
            lines.append(("SP", first))
            if last:
                lines.append(("EP", last))
        lines += [("UR", item["URL"]), ("LA", item["language"]), ("ER", "")]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


_WRITERS = {"json": csl_json, "bib": bibtex, "ris": ris}


def formatted(items: list[dict]) -> dict[Format, bytes]:
    return {fmt: _WRITERS[fmt.suffix](items).encode("utf-8") for fmt in FORMATS}


# --- the files --------------------------------------------------------------------------------------


def document_files(doc: DocumentView, collection: Collection) -> dict[str, bytes]:
    """A document's citation downloads, by site path."""
    item = document_item(doc, EditionFacts.of(collection))
    return {document_download(doc.id, fmt): data for fmt, data in formatted([item]).items()}


def cited_document(doc: DocumentView, collection: Collection, ui_lang: str | None = None) -> DocumentCitation:
    """The citations a document's page in the interface language ui_lang offers, with its downloads."""
    return replace(document_citation(doc, collection, ui_lang),
                   downloads=tuple((fmt, document_download(doc.id, fmt)) for fmt in FORMATS))


def write_edition_files(out_dir: Path, collection: Collection, views: list[DocumentView]) -> list[str]:
    """Write the edition's citation downloads (the edition, then its documents in the site's order) into
    out_dir; their site paths."""
    edition = EditionFacts.of(collection)
    items = [edition_item(edition), *(document_item(view, edition) for view in views)]
    folder = out_dir / EDITION_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt, data in formatted(items).items():
        (out_dir / edition_download(fmt)).write_bytes(data)
        written.append(edition_download(fmt))
    return written
