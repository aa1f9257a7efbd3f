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


@dataclass
class FootnoteBlock:
    start: int
    end: int  # exclusive
    notes: list[Footnote]


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


@dataclass
class PageLayout:
    breaks: list[PageStart] = field(default_factory=list)
    numbers: list[PrintedNumber] = field(default_factory=list)
    column_breaks: list[int] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
