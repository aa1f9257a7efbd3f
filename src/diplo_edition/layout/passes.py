"""The layout passes: from a document's raw lines to its blocks of reading text, in this order.

second copies (200) → page furniture (250) → footnotes (300) → pages (400) → flow (500: paragraphs,
headings, notes at their markers, line-end hyphens) → front matter (600: labelled abstracts and keywords
to the header) → abstract files (610: abstracts given as raw files of their own).
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Severity
from ..model.document import Block, Document
from ..model.layout import PageLayout
from ..model.lines import Line, record_removed
from ..model.passes import Pass
from .endnotes import find_notes
from .flow import build_flow, undecided_paragraphs
from .furniture import find_furniture, without_furniture
from .hints import endnote_titles_not_found
from .hyphenation import Dehyphenator, kept_as_printed
from .pages import find_pages
from .witnesses import merge_copies, separate_copies

# The frame some abstracts come in ("Abstract | … |"): a character of layout, not of the text.
FRAME = "|"
FRONT_KINDS = ("abstract", "keywords")


def _warn(file: str, line: int | None, message: str) -> Diagnostic:
    return Diagnostic(file, line, message, Severity.WARNING)


def _remove_lines(doc: Document, lines: list[Line], rule: str) -> None:
    for line in lines:
        record_removed(doc.removed, line.text, rule)


class SecondCopies(Pass):
    """The body merged with its second copy (a raw file named as a copy, or a repeat found in the body):
    the first copy is the reading, the second a witness; its duplicate lines are removed."""

    name = "second-copies"
    priority = 200
    stage = "layout"
    reads = ("sources", "lines")
    adds = ("lines", "witnesses", "variants", "removed")

    def apply(self, doc: Document) -> None:
        copy_lines = doc.lines_of("copy")
        if copy_lines:
            merged = merge_copies(doc.lines, copy_lines)
        else:
            first, second = separate_copies(doc.lines)
            if not second:
                return
            merged = merge_copies(first, second)
        doc.lines = merged.lines
        doc.witnesses = merged.witnesses
        doc.variants = merged.variants
        _remove_lines(doc, merged.duplicate_lines, "duplicate-copy")
        doc.report.witnesses = len(merged.witnesses)
        doc.report.witness_variants = len(merged.variants)


class Furniture(Pass):
    """Running heads and feet, page numbers and specks of OCR junk at the page edges, found by their
    repetition next to page breaks (form feeds first); the specks are removed, the rest is forme work."""

    name = "furniture"
    priority = 250
    stage = "layout"
    reads = ("lines",)
    adds = ("furniture", "removed", "diagnostics")

    def apply(self, doc: Document) -> None:
        doc.furniture = find_furniture(doc.lines, doc.hints.running_heads)
        specks = [doc.lines[item.line] for item in doc.furniture.items if item.kind == "speck"]
        _remove_lines(doc, specks, "page-edge-speck")
        for i, message in doc.furniture.warnings:
            doc.diagnostics.append(_warn(doc.lines[i].source, doc.lines[i].number, message))


class Footnotes(Pass):
    """The notes (page-foot blocks and endnote sections), each with the marker it belongs to in the running
    text; a note linked by its order only, after a gap in the numbering, or to no marker is warned at its
    raw line."""

    name = "footnotes"
    priority = 300
    stage = "layout"
    reads = ("lines", "furniture")
    adds = ("footnotes", "diagnostics")

    def apply(self, doc: Document) -> None:
        lines = without_furniture(doc.lines, doc.furniture)
        doc.footnotes = find_notes(lines, doc.hints)
        titles = [lines[block.heading].stripped for block in doc.footnotes if block.heading is not None]
        edition_file = f"editions/{doc.edition.file.name}"
        for message in endnote_titles_not_found(doc.hints.endnote_titles, titles):
            doc.diagnostics.append(_warn(edition_file, doc.hints.line or None, message))
        notes = [(block, note) for block in doc.footnotes for note in block.notes]
        for block, note in notes:
            line = doc.lines[note.label_line]
            if note.warning:
                doc.diagnostics.append(_warn(line.source, line.number, note.warning))
            if note.marker is None:
                where = "its page" if block.place == "foot" else "the text before its endnote section"
                doc.diagnostics.append(_warn(
                    line.source, line.number,
                    f"no marker found in {where} for note {note.label or note.n}; "
                    "the note is kept where its block stands, linked to no marker",
                ))
        report = doc.report
        report.footnotes = len(notes)
        report.footnotes_linked = sum(1 for _, n in notes if n.marker is not None)
        report.notes_by_label = sum(1 for _, n in notes if n.decided == "label")
        report.notes_by_order = sum(1 for _, n in notes if n.decided == "order")
        report.notes_unanchored = sum(1 for _, n in notes if n.marker is None)
        report.endnotes = sum(len(b.notes) for b in doc.footnotes if b.place == "end")


class Pages(Pass):
    """Where each printed page (and column) starts, and its number, printed or counted."""

    name = "pages"
    priority = 400
    stage = "layout"
    reads = ("lines", "footnotes", "furniture")
    adds = ("pages", "diagnostics")

    def apply(self, doc: Document) -> None:
        doc.pages = find_pages(doc.lines, doc.footnotes, doc.edition.first_page, doc.furniture)
        body_source = doc.lines[0].source if doc.lines else ""
        for conflict in doc.pages.conflicts:
            doc.diagnostics.append(_warn(body_source, None, conflict))
        doc.report.pages = len(doc.pages.breaks)
        doc.report.pages_numbered = sum(1 for b in doc.pages.breaks if b.n is not None)
        doc.report.printed_page_numbers = len(doc.pages.numbers)
        doc.report.column_breaks = len(doc.pages.column_breaks)


class Flow(Pass):
    """The lines joined into headings and paragraphs, with notes, page and column breaks in place."""

    name = "flow"
    priority = 500
    stage = "layout"
    reads = ("lines", "footnotes", "pages", "variants")
    adds = ("body", "removed", "hyphen_decisions", "diagnostics")
    required = True

    def __init__(self, dehyphenator: Dehyphenator):
        self.dehyphenator = dehyphenator

    def apply(self, doc: Document) -> None:
        flow = build_flow(doc.lines, doc.footnotes, doc.pages, self.dehyphenator, doc.lang, doc.variants)
        doc.body = flow.blocks
        doc.removed.update(flow.removed)
        doc.hyphen_decisions.extend(flow.stats.decisions)
        if flow.stats.unjudged_lines:
            doc.diagnostics.append(kept_as_printed(doc.lines, flow.stats.unjudged_lines, doc.lang))
        if flow.stats.undecided_paragraph_lines:
            doc.diagnostics.append(undecided_paragraphs(doc.lines, flow.stats.undecided_paragraph_lines))
        doc.report.hyphens_joined = flow.stats.hyphens_joined
        doc.report.hyphens_kept = flow.stats.hyphens_kept
        doc.report.hyphen_reasons = dict(flow.stats.hyphen_reasons)


class FrontMatter(Pass):
    """Labelled blocks of the body (Аннотация, Abstract, Ключевые слова …) belong to the TEI header."""

    name = "front-matter"
    priority = 600
    stage = "layout"
    reads = ("body",)
    adds = ("body", "front")

    def apply(self, doc: Document) -> None:
        doc.front.extend(b for b in doc.body if b.kind in FRONT_KINDS)
        doc.body = [b for b in doc.body if b.kind not in FRONT_KINDS]


class AbstractFiles(Pass):
    """Abstracts (or translations of them) given as raw files of their own, with role ``abstract``."""

    name = "abstract-files"
    priority = 610
    stage = "layout"
    reads = ("sources",)
    adds = ("front", "removed", "hyphen_decisions")

    def __init__(self, dehyphenator: Dehyphenator):
        self.dehyphenator = dehyphenator

    def apply(self, doc: Document) -> None:
        for ref in doc.edition.sources:
            if ref.role == "abstract":
                doc.front.extend(self._blocks(doc, doc.sources[ref.rel], ref.lang or doc.lang))

    def _blocks(self, doc: Document, lines: list[Line], lang: str) -> list[Block]:
        # An abstract in a file of its own is not paginated as the printed body is.
        flow = build_flow(lines, find_notes(lines), PageLayout(), self.dehyphenator, lang)
        doc.removed.update(flow.removed)
        doc.hyphen_decisions.extend(flow.stats.decisions)
        out = []
        for block in flow.blocks:
            if block.kind in ("head", "milestone"):
                continue
            if block.kind in ("p", "quote"):
                block.kind = "abstract"
            block.lang = block.lang or lang
            if block.content and isinstance(block.content[-1], str):
                block.content[-1] = block.content[-1].rstrip().removesuffix(FRAME).rstrip()
            out.append(block)
        return out
