"""Where every page of the site lives, and how pages link to each other (always relatively)."""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from ..slugs import slug

REGISTER_DIRS = {"person": "persons", "place": "places", "org": "organisations"}

HOME = "index.html"
ARCHIVES = "archives/index.html"
CHRONOLOGY = "chronology/index.html"
WORKS = "works-cited/index.html"
ABOUT = "about/index.html"
SEARCH = "search/index.html"
NOT_FOUND = "404.html"
SITEMAP = "sitemap.xml"


def document_path(doc_id: str) -> str:
    return f"documents/{doc_id}/index.html"


def part_path(doc_id: str, number: int) -> str:
    """A part of a document's page split into parts (site/parts.py): the first is the document's page."""
    return document_path(doc_id) if number == 1 else f"documents/{doc_id}/{number}/index.html"


def series_path(series_id: str) -> str:
    """The concordance of a printed series of the edition's table (the DVP's: dvp/index.html): its volumes."""
    return f"{series_id}/index.html"


def volume_slug(volume: str) -> str:
    """A volume of a printed series in addresses and anchors: "8", "x" (none given, or no letter in it)."""
    return slug(volume) or "x"


def series_volume_folder(volume: str) -> str:
    """The folder of one volume's page in a series' concordance, in the series' folder: "vol-8/"."""
    return f"vol-{volume_slug(volume)}/"


def series_volume_path(series_id: str, volume: str) -> str:
    """One volume's pages in a series' concordance: dvp/vol-8/index.html."""
    return f"{series_id}/{series_volume_folder(volume)}index.html"


def tei_path(doc_id: str) -> str:
    return f"tei/{doc_id}.xml"


def register_path(kind: str) -> str:
    return f"{REGISTER_DIRS[kind]}/index.html"


def entry_path(kind: str, entry_id: str) -> str:
    return f"{REGISTER_DIRS[kind]}/{entry_id}/index.html"


def href(path: str) -> str:
    """A root-relative path made safe for an href attribute (non-ASCII and spaces percent-encoded)."""
    return quote(path, safe="/#-._~")


def root_prefix(page: str) -> str:
    """The relative prefix from a page back to the site root: '' or '../' or '../../'."""
    return "../" * page.count("/")


def canonical(base_url: str, page: str) -> str:
    """The canonical URL of a page: the directory for index.html pages, as in the TEI's idno."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    if page == HOME:
        return base
    if page.endswith("/index.html"):
        return base + href(page[: -len("index.html")])
    return base + href(page)


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
