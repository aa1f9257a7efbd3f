"""What the layout passes find in the lines of a document: footnote blocks with their markers, page starts
with their printed numbers, column breaks. Indices are positions in the document's flow of lines."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Marker:
    """Where the marker of a footnote stands: a span of one line of the flow, to be cut out."""

    line: int
    start: int
    end: int
    glued: bool


@dataclass
class Footnote:
    n: int
    label_line: int
    lines: list[int] = field(default_factory=list)
    marker: Marker | None = None
    label: str = ""  # the label as printed, without its brackets: "3", "*"; "" for str(n)
    # How the marker was decided: "label" (its label at its place), "order" (only the place in the
    # sequence: an OCR-garbled marker), "" (no marker found: the note is unanchored).
    decided: str = ""
    warning: str = ""  # what the reader of the raw line should check (a gap in the numbering)
    text_start: int = 0  # where the note's text starts on its label line (after the label)
    # Where the label begins on its line: 0 but for a label `pdftotext` glued to the end of a line of
    # running text ("dé1. AMAE,"), whose text before the label stays running text.
    label_start: int = 0


@dataclass
class FootnoteBlock:
    start: int
    end: int  # exclusive
    notes: list[Footnote]
    place: str = "foot"  # "foot" (a page's foot) or "end" (an endnote section)
    heading: int | None = None  # the title line of an endnote section ("Примечания")


@dataclass(frozen=True)
class PrintedNumber:
    line: int
    value: int
    place: str  # "top" or "bottom"


@dataclass(frozen=True)
class PageStart:
    line: int  # first content line of the page in the flow
    n: int | None
    inferred: bool
    evidence: str


@dataclass(frozen=True)
class FormeWork:
    """A running head or foot, a printed page number or a speck of OCR junk at a page's edge: one line of
    the flow, or the part ``start:end`` of it (a head and its number on one line)."""

    line: int
    kind: str  # "header", "pageNum" or "speck"
    place: str  # "top" or "bottom"
    start: int = 0
    end: int | None = None


@dataclass
class PageFurniture:
    """What repeats at the page edges, found before the pages: form feeds (flow indices of their lines),
    the forme work, and the page number printed on each page between form feeds (None where none is)."""

    form_feeds: list[int] = field(default_factory=list)
    items: list[FormeWork] = field(default_factory=list)
    numbers: list[PrintedNumber] = field(default_factory=list)
    page_numbers: list[int | None] = field(default_factory=list)  # per form-feed page, blank pages too
    warnings: list[tuple[int, str]] = field(default_factory=list)  # (flow index, message)


@dataclass
class PageLayout:
    breaks: list[PageStart] = field(default_factory=list)
    numbers: list[PrintedNumber] = field(default_factory=list)
    column_breaks: list[int] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    furniture: list[FormeWork] = field(default_factory=list)  # running heads and numbers, out of the text
