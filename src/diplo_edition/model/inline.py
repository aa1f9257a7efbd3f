"""The nodes of the reading text. A block's content is a list of ``Inline``: plain text (``str``) and the
nodes below, each of which the TEI writer encodes as one element."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PageBreak:
    """Where a printed page starts (``pb``); ``n`` its number, ``inferred`` when counted, not printed."""

    n: int | None = None
    inferred: bool = True
    line: int = 0


@dataclass(frozen=True)
class ColumnBreak:
    """Where a column starts (``cb``)."""

    line: int = 0


@dataclass(frozen=True)
class PrintedPageNumber:
    """A printed page number, or a running head or foot (``kind`` "header"), kept as a forme work (``fw``)
    at the head or the foot of its page."""

    value: str
    place: str
    witness: str | None
    line: int
    kind: str = "pageNum"


@dataclass(frozen=True)
class WitnessReading:
    """What another copy of the text reads here, where it differs from the reading text in its words."""

    witness: str
    text: str
    line: int


@dataclass
class Note:
    """A footnote, placed at its marker (or at the end of its page when no marker was found)."""

    n: int  # the note's place in the document's sequence of notes (unique)
    content: list[Inline] = field(default_factory=list)
    line: int = 0
    marker_found: bool = True
    label: str = ""  # the label as printed ("3", "*"), when it is not n: numbering restarting per page
    place: str = "foot"  # "foot" or "end" (a note of an endnote section)


@dataclass
class Correction:
    """An editorial correction of the OCR text (``choice/sic/corr``), recorded in the edition file."""

    sic: str
    corr: str
    resp: str  # xml:id of who is responsible


@dataclass
class Annotation:
    """An element of the apparatus around part of the text: a mention (``persName``, ``placeName``,
    ``orgName``), a date, a citation (``bibl``) or a part of one (``idno``, ``citedRange``, ``title`` …).
    ``attrs`` are TEI attributes (``xml:id`` written as ``"xml:id"``)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    content: list[Inline] = field(default_factory=list)


Inline = str | PageBreak | ColumnBreak | PrintedPageNumber | WitnessReading | Note | Correction | Annotation
