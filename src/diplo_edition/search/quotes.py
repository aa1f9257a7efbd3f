"""The offline quotation index: the normalised reading text of every document, and the finder over it.

One JavaScript file per document, ``search/quotes/<id>.js``, calls ``diploQuotes.add({...})`` with

- ``text``: the normalised text (see normalize.py) of every segment — abstracts, headings, paragraphs
  in reading order, then the notes — one segment per line (``\\n``). A paragraph is its reading text with
  its notes taken out and its page breaks ignored, so that a quotation copied from the print (broken
  across lines, pages or footnotes) matches it;
- ``segs``: ``[offset, anchor, page]`` for each segment: where it starts in text, its id on the document
  page (``p12``, ``fn3``, ``sec-1-2``, ``abstract-en``) and the original page at its start (or null);
- ``breaks``: ``[offset, page label, page anchor]`` for every page break inside a segment.

To keep the files small (they are not compressed on ``file://``), the 26 commonest Cyrillic letters of
the normalised text are written as the capital Latin letters A–Z, which the lower-cased text never holds:
one byte instead of two in UTF-8, the same offsets (``CODE``; the finders encode the quotation the same
way and decode only what they show).

``search/quotes/index.js`` calls ``diploQuotes.manifest({...})`` with the documents (title, authors,
URL, file, bytes, and for a document split into parts the anchors of each later part, as its first page
maps them). Script files, not JSON, so that the finder also works on a site opened from disk
(``file://``), where a browser refuses fetch() but loads ``<script src>``. The same files are read back
by ``diplo-edition quote`` (``load_quotes``), so both find exactly the same places.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..site import urls
from ..site.model import Division, DocumentView, Node, PageBlock, Paragraph
from .normalize import MARK, normalize_marked, quotation_forms

QUOTES_DIR = "search/quotes"
MANIFEST = "index.js"
_PREFIX = {"add": "diploQuotes.add(", "manifest": "diploQuotes.manifest("}
_SUFFIX = ");\n"
FORMAT = 1
# The 26 commonest Cyrillic letters of Russian, written as A–Z (ю ц щ э ф ъ stay as they are).
_LETTERS = "оеаинтсрвлкмдпуяыьгзбчйхжш"
CODE = str.maketrans(_LETTERS, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
DECODE = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", _LETTERS)


def encode(normalized: str) -> str:
    return normalized.translate(CODE)


def decode(encoded: str) -> str:
    return encoded.translate(DECODE)


@dataclass
class _Segment:
    anchor: str
    page: str | None
    raw: list[str] = field(default_factory=list)
    marks: list[tuple[str, str]] = field(default_factory=list)  # (label, anchor) per MARK in raw


class _Collector:
    """Walks a DocumentView in reading order, keeping the current original page."""

    def __init__(self) -> None:
        self.page: tuple[str, str] | None = None  # (label, anchor)
        self.segments: list[_Segment] = []
        self.notes: list[_Segment] = []

    def _label(self) -> str | None:
        return self.page[0] if self.page else None

    def segment(self, anchor: str, nodes: list) -> None:
        seg = _Segment(anchor, self._label())
        self._walk(nodes, seg)
        self.segments.append(seg)

    def _walk(self, nodes: list, seg: _Segment) -> None:
        for node in nodes:
            if isinstance(node, str):
                seg.raw.append(node.replace(MARK, ""))
            elif not isinstance(node, Node):
                continue
            elif node.kind == "pb":
                page = node.attrs["page"]
                self.page = (page.label, page.anchor)
                seg.raw.append(MARK)
                seg.marks.append(self.page)
            elif node.kind == "note":
                note = node.attrs["note"]
                inner = _Segment(note.anchor, self._label())
                running = self.page
                self._walk(note.nodes, inner)  # a note may run on to the next page…
                self.page = running  # …where the running text has not arrived yet
                self.notes.append(inner)
            else:  # name, date, bibl, span, choice (the reading shown), app (the main reading)
                self._walk(node.children, seg)

    def blocks(self, blocks: list) -> None:
        for block in blocks:
            if isinstance(block, Division):
                if block.head is not None:
                    self.segment(block.anchor, block.head)
                self.blocks(block.blocks)
            elif isinstance(block, PageBlock):
                self.page = (block.page.label, block.page.anchor)
            elif isinstance(block, Paragraph) and block.anchor:
                self.segment(block.anchor, block.nodes)


def document_quotes(view: DocumentView) -> dict:
    """The quotation data of one document (the object its script file registers)."""
    collector = _Collector()
    for abstract in view.abstracts:
        for paragraph in abstract.paragraphs:
            collector.segment(abstract.anchor, paragraph)
    collector.blocks(view.divisions)
    parts: list[str] = []
    segs: list[list] = []
    breaks: list[list] = []
    offset = 0
    for seg in [*collector.segments, *collector.notes]:
        text, marks = normalize_marked("".join(seg.raw))
        if not text:
            continue
        page = seg.page
        for at, (label, anchor) in zip(marks, seg.marks, strict=True):
            if at == 0:
                page = label  # the segment starts on the new page
            elif at < len(text):
                breaks.append([offset + at, label, anchor])
        segs.append([offset, seg.anchor, page])
        parts.append(text)
        offset += len(text) + 1
    return {"format": FORMAT, "id": view.id, "text": encode("\n".join(parts)), "segs": segs,
            "breaks": breaks}


def _script(kind: str, data: dict) -> str:
    return _PREFIX[kind] + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + _SUFFIX


def document_quotes_file(view: DocumentView) -> tuple[str, bytes, dict]:
    """One document's quotation file: its path in the site, its bytes, and its entry in the manifest."""
    name = f"{view.id}.js"
    data = _script("add", document_quotes(view)).encode("utf-8")
    entry = {
        "id": view.id, "title": view.title, "authors": list(view.authors), "kind": view.kind,
        "kind_label": view.kind_label, "lang": view.lang, "url": urls.document_path(view.id),
        "canonical": view.canonical, "file": name, "bytes": len(data), "parts": view.parts.script_map(),
    }
    return f"{QUOTES_DIR}/{name}", data, entry


def write_manifest(site_dir: Path, documents: list[dict], lang: str) -> int:
    """Write search/quotes/index.js, listing the documents (write_document_quotes's entries) with the
    site's interface language (lang: the default one, the language `quote` speaks); its bytes."""
    manifest = _script("manifest", {"format": FORMAT, "lang": lang, "documents": documents}).encode("utf-8")
    (Path(site_dir) / QUOTES_DIR).mkdir(parents=True, exist_ok=True)
    (Path(site_dir) / QUOTES_DIR / MANIFEST).write_bytes(manifest)
    return len(manifest)


def _read_script(path: Path, kind: str) -> dict:
    text = path.read_text(encoding="utf-8")
    prefix = _PREFIX[kind]
    if not (text.startswith(prefix) and text.endswith(_SUFFIX)):
        raise ValueError(f"{path} is not a quotation file of diplo-edition")
    return json.loads(text[len(prefix): -len(_SUFFIX)])


@dataclass(frozen=True)
class QuoteDocument:
    id: str
    title: str
    authors: tuple[str, ...]
    url: str  # relative to the site root
    canonical: str
    text: str
    segs: list
    breaks: list
    parts: dict[str, str]  # the anchors of each later part of a document split (PartMap.script_map)

    def part_of(self, anchor: str) -> str:
        """The part of the document's page that holds anchor, as a path from its first page ("", "2/")."""
        return next((path for path, anchors in self.parts.items() if anchor in anchors.split()), "")


def quotes_language(site_dir: Path) -> str:
    """The interface language of the site whose quotation data this is (its default one)."""
    return _read_script(Path(site_dir) / QUOTES_DIR / MANIFEST, "manifest")["lang"]


def load_quotes(site_dir: Path) -> list[QuoteDocument]:
    """The quotation data of a built site (FileNotFoundError when it has none)."""
    folder = Path(site_dir) / QUOTES_DIR
    manifest = _read_script(folder / MANIFEST, "manifest")
    out = []
    for doc in manifest["documents"]:
        data = _read_script(folder / doc["file"], "add")
        out.append(QuoteDocument(doc["id"], doc["title"], tuple(doc["authors"]), doc["url"],
                                 doc["canonical"], decode(data["text"]), data["segs"], data["breaks"],
                                 doc.get("parts", {})))
    return out


@dataclass(frozen=True)
class QuoteMatch:
    document: QuoteDocument
    anchor: str  # the segment: p12, fn3, …
    pages: tuple[str, ...]  # the original pages the quotation runs over, in order (empty when unknown)
    start: int
    end: int

    @property
    def page_label(self) -> str | None:
        if not self.pages:
            return None
        return self.pages[0] if len(self.pages) == 1 else f"{self.pages[0]}–{self.pages[-1]}"

    def context(self, width: int = 60) -> tuple[str, str, str]:
        text = self.document.text
        line_start = text.rfind("\n", 0, self.start) + 1
        line_end = text.find("\n", self.end)
        line_end = len(text) if line_end < 0 else line_end
        before = text[max(line_start, self.start - width): self.start]
        after = text[self.end: min(line_end, self.end + width)]
        return before, text[self.start: self.end], after


def find_quote(documents: list[QuoteDocument], quotation: str, limit: int = 50) -> list[QuoteMatch]:
    """Every place where the normalised quotation stands in the normalised texts (a segment break counts
    as a space, so that a quotation may run over two paragraphs). The quotation as it is comes first;
    only where it stands nowhere is it looked for without its note markers (normalize.quotation_forms)."""
    for needle in quotation_forms(quotation):
        if len(needle) < 3:
            continue
        if matches := _find_needle(documents, needle, limit):
            return matches
    return []


def _find_needle(documents: list[QuoteDocument], needle: str, limit: int) -> list[QuoteMatch]:
    matches: list[QuoteMatch] = []
    for doc in documents:
        flat = doc.text.replace("\n", " ")
        seg_starts = [s[0] for s in doc.segs]
        break_starts = [b[0] for b in doc.breaks]
        start = flat.find(needle)
        while start >= 0 and len(matches) < limit:
            end = start + len(needle)
            k = max(0, bisect.bisect_right(seg_starts, start) - 1)
            seg = doc.segs[k]
            # The page at the start: the last break in the segment before it, or the segment's own page.
            before = [b for b in doc.breaks[bisect.bisect_left(break_starts, seg[0]):
                                            bisect.bisect_right(break_starts, start)]]
            pages = [before[-1][1]] if before else ([seg[2]] if seg[2] else [])
            # Then every page that starts inside the quotation: breaks, and later segments' pages.
            events = [(b[0], b[1]) for b in doc.breaks[bisect.bisect_right(break_starts, start):
                                                      bisect.bisect_left(break_starts, end)]]
            events += [(s[0], s[2]) for s in doc.segs[k + 1:bisect.bisect_left(seg_starts, end)] if s[2]]
            for _, label in sorted(events):
                if not pages or pages[-1] != label:
                    pages.append(label)
            matches.append(QuoteMatch(doc, seg[1], tuple(pages), start, end))
            start = flat.find(needle, start + 1)
    return matches
