"""The working document that the passes fill in, the blocks of its reading text, and its report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from ..diagnostics import Diagnostic
from ..editions import Collection, DocumentEdition, LayoutHints
from .inline import Inline
from .layout import FootnoteBlock, PageFurniture, PageLayout
from .lines import Line, Witness
from .rules import RuleChain

BlockKind = Literal["p", "head", "quote", "milestone", "abstract", "keywords"]


@dataclass
class Block:
    """A paragraph, a heading, a block quotation, a section milestone (its content: only the breaks before
    it), or (in the header) an abstract paragraph or a line of keywords."""

    kind: BlockKind
    content: list[Inline] = field(default_factory=list)
    level: int | None = None
    lang: str | None = None
    line: int = 0


@dataclass
class BiblEntry:
    """One entry of a reference list printed in the document: its number (as printed, or its place in an
    unnumbered list) and its content, with its parts (author, title, imprint, pages) as annotations."""

    n: int
    content: list[Inline] = field(default_factory=list)
    line: int = 0


@dataclass
class ReferenceList:
    """The reference list at the end of the document ("Список литературы", "References"), for the TEI back."""

    head: list[Inline] = field(default_factory=list)
    entries: list[BiblEntry] = field(default_factory=list)
    numbered: bool = True
    line: int = 0


@dataclass(frozen=True)
class HyphenDecision:
    """A line-end hyphen decided: the evidence a cached result is checked against (the corpus lexicon)."""

    left: str
    right: str
    lang: str
    keep: bool


@dataclass
class DocumentReport:
    """What the passes found and decided, for the build summary, ``check``, ``new`` and the benchmark."""

    passes: list[str] = field(default_factory=list)  # the passes that ran, in order
    pages: int = 0
    pages_numbered: int = 0
    printed_page_numbers: int = 0
    column_breaks: int = 0
    footnotes: int = 0
    footnotes_linked: int = 0
    notes_by_label: int = 0  # notes linked to their marker by its label at its place
    notes_by_order: int = 0  # notes linked by their place in the sequence only (an OCR-garbled marker)
    notes_unanchored: int = 0  # notes whose marker was not found: each warned at its raw line
    endnotes: int = 0  # notes of endnote sections (counted in footnotes too)
    witnesses: int = 0
    witness_variants: int = 0
    hyphens_joined: int = 0
    hyphens_kept: int = 0
    hyphen_reasons: dict[str, int] = field(default_factory=dict)
    ocr_confusions: int = 0  # Cyrillic words OCR read with Latin look-alikes, corrected by the rule
    paragraphs: int = 0
    headings: int = 0
    abstracts: int = 0
    apparatus: dict[str, int] = field(default_factory=dict)  # TEI element (with type) -> count
    letters: str = ""  # the letter balance: every letter of the raw files is in the TEI or was removed
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds spent on this document
    cached: bool = False  # taken from the cache of an earlier build, not made again


@dataclass
class Document:
    """One document on its way from its raw sources to TEI: each pass reads some fields and fills others."""

    edition: DocumentEdition
    collection: Collection
    # read by the reading pass
    sources: dict[str, list[Line]] = field(default_factory=dict)  # raw file (as named) -> its lines
    encodings: dict[str, str] = field(default_factory=dict)  # raw file -> encoding it was converted from
    raw_letters: Counter = field(default_factory=Counter)  # letters and digits of every raw source
    raw_bytes: int = 0
    # the layout
    lines: list[Line] = field(default_factory=list)  # the body's flow of lines (copies merged)
    witnesses: list[Witness] = field(default_factory=list)
    variants: list[tuple[int, list[Line]]] = field(default_factory=list)  # flow index -> other copy's lines
    footnotes: list[FootnoteBlock] = field(default_factory=list)
    furniture: PageFurniture = field(default_factory=PageFurniture)  # running heads, numbers, form feeds
    pages: PageLayout = field(default_factory=PageLayout)
    body: list[Block] = field(default_factory=list)
    front: list[Block] = field(default_factory=list)  # abstracts and keywords, for the TEI header
    reference_list: ReferenceList | None = None  # the document's own printed list of references
    # the apparatus
    references: dict[int, str] = field(default_factory=dict)  # cited reference list: N -> description
    cited_references: set[int] = field(default_factory=set)
    span_rules: RuleChain = field(default_factory=RuleChain)  # finders of citations, dates, mentions
    # what every pass adds to
    removed: Counter = field(default_factory=Counter)  # (rule, character) -> letters taken out by a rule
    hyphen_decisions: list[HyphenDecision] = field(default_factory=list)
    # rules of the tool that corrected the text (Correction nodes with this resp): xml:id -> what it does
    rule_corrections: dict[str, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    report: DocumentReport = field(default_factory=DocumentReport)

    @property
    def hints(self) -> LayoutHints:
        """What the edition file declares of the layout where detection cannot settle it (``layout:``)."""
        return self.edition.layout

    @property
    def lang(self) -> str:
        """The document's main language."""
        return self.edition.languages[0]

    def lines_of(self, role: str) -> list[Line]:
        """The lines of every source with this role, in the order the edition lists them."""
        return [line for ref in self.edition.sources if ref.role == role for line in self.sources[ref.rel]]
