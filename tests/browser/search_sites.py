"""Helpers of the search tests (no tests here): the real edition as the build writes it, with its search
data, and quotations taken from its TEI that cross a page break or a footnote."""

from __future__ import annotations

import atexit
import functools
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from browser.sites import real_site
from lxml import etree
from projects import seed_project

from diplo_edition.build import build

TEI_NS = "http://www.tei-c.org/ns/1.0"
T = f"{{{TEI_NS}}}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
URUMQI = "urumqi-negotiations-1923"
CONVENTION = "soviet-japanese-convention-1925"
TEXTBOOK = "soviet-foreign-policy-1920s"


def searched_site() -> Path:
    return real_site()


SHARD_SIZE = 1  # the seed's four documents fall into two shards of the four (the hash of their ids)


@functools.cache
def sharded_site() -> Path:
    """The seed edition built with a search shard of about one document (search_shard_size: 1)."""
    project = seed_project(Path(tempfile.mkdtemp(prefix="diplo-sharded-")), search_shard_size=SHARD_SIZE)
    atexit.register(shutil.rmtree, project, ignore_errors=True)
    build(project, project / "build")
    return project / "build"


@functools.cache
def tei(doc_id: str) -> etree._Element:
    return etree.parse(str(searched_site() / "tei" / f"{doc_id}.xml")).getroot()


def reading_text(el: etree._Element, stop=None) -> list[tuple[str, object]]:
    """The reading text of a paragraph as pieces ("text", str) | ("pb", n) | ("note", None), in order:
    the main readings of choice/app, notes as markers only."""
    out: list[tuple[str, object]] = []

    def walk(node):
        name = etree.QName(node).localname if isinstance(node.tag, str) else ""
        if name == "note":
            out.append(("note", None))
            return
        if name == "pb":
            out.append(("pb", node.get("n")))
            return
        if name in ("fw", "cb", "sic", "orig", "abbr"):
            pass
        elif name == "app":
            readings = [c for c in node if etree.QName(c).localname in ("lem", "rdg")]
            if readings:
                walk(readings[0])
        else:
            if node.text:
                out.append(("text", node.text))
            for child in node:
                walk(child)
                if child.tail:
                    out.append(("text", child.tail))
            return
        return

    if el.text:
        out.append(("text", el.text))
    for child in el:
        walk(child)
        if child.tail:
            out.append(("text", child.tail))
    return out


@dataclass(frozen=True)
class CrossingQuote:
    text: str  # as printed (notes out, page break ignored)
    doc_id: str
    anchor: str  # p12
    pages: tuple[str, ...]  # the pages it runs over


def crossing_quote(doc_id: str, what: str, nth: int = 1, words_each_side: int = 7) -> CrossingQuote:
    """A quotation of the reading text around the nth page break ("pb") or note ("note") standing
    inside a paragraph, mid-sentence, with enough words on both sides."""
    seen = 0
    for p in tei(doc_id).iter(f"{T}p"):
        pieces = reading_text(p)
        page = None
        for k, (kind, value) in enumerate(pieces):
            if kind != what:
                continue
            before = "".join(v for kk, v in pieces[:k] if kk == "text")
            after = "".join(v for kk, v in pieces[k + 1:] if kk == "text")
            left, right = before.split(), after.split()
            if len(left) < words_each_side or len(right) < words_each_side:
                continue
            if what == "pb":
                previous = [v for kk, v in pieces[:k] if kk == "pb"]
                page = previous[-1] if previous else _page_before(doc_id, p)
                if page is None or value is None:
                    continue
                pages = (page, value)
            else:
                pages = ()
            seen += 1
            if seen < nth:
                continue
            glue = "" if before and not before[-1].isspace() and after and not after[0].isspace() else " "
            text = " ".join(left[-words_each_side:]) + glue + " ".join(right[:words_each_side])
            anchor = "p" + re.search(r"-p(\d+)$", p.get(XML_ID)).group(1)
            return CrossingQuote(text, doc_id, anchor, pages)
    raise AssertionError(f"no paragraph of {doc_id} holds a {what} mid-text")


def _page_before(doc_id: str, p: etree._Element) -> str | None:
    page = None
    for el in tei(doc_id).iter(f"{T}pb", f"{T}p"):
        if el is p:
            return page
        if el.tag == f"{T}pb":
            page = el.get("n")
    return page


def documents_mentioning(pattern: str) -> set[str]:
    """The documents whose reading text (notes included) matches the regular expression."""
    found = set()
    for path in sorted((searched_site() / "tei").glob("*.xml")):
        if path.stem == "registers":
            continue
        body = etree.parse(str(path)).getroot().find(f"{T}text")
        if re.search(pattern, "".join(body.itertext())):
            found.add(path.stem)
    return found
