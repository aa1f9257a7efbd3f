"""One document, from its raw sources to TEI: a pure function of the sources, the edition and the lexicon."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from .apparatus.annotate import Annotator
from .apparatus.mentions import MentionMatcher
from .diagnostics import Diagnostic, Severity
from .editions import Collection, DocumentEdition, SourceRef
from .layout.flow import Block, Flow, build_flow, count_letters
from .layout.footnotes import find_footnotes
from .layout.hyphenation import Dehyphenator
from .layout.lines import Line
from .layout.pages import PageLayout, find_pages
from .layout.witnesses import MergedCopies, Witness, merge_copies, separate_copies
from .ocr.read import read_decoded, read_source, split_lines
from .tei.balance import letter_balance
from .tei.writer import DocumentText, build_tei

# The frame some abstracts come in ("Abstract | … |"): a character of layout, not of the text.
FRAME = "|"


@dataclass
class DocumentResult:
    id: str
    tei: bytes
    stats: dict
    diagnostics: list[Diagnostic]
    raw_letters: Counter  # letters and digits of every raw source of the document
    removed: Counter  # (rule, character) -> letters and digits taken out by a recorded rule
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds spent on this document
    raw_bytes: int = 0
    # Every line-end hyphen decided, (left, right, lang, keep): what the corpus lexicon was consulted on.
    hyphen_decisions: list[tuple[str, str, str, bool]] = field(default_factory=list)


def source_lines(ref: SourceRef) -> list[Line]:
    return [Line(raw.text, ref.rel, raw.number) for raw in read_source(ref.path, ref.rel)]


def _warn(file: str, line: int | None, message: str) -> Diagnostic:
    return Diagnostic(file, line, message, Severity.WARNING)


def _copies(lines: list[Line], copy_lines: list[Line]) -> MergedCopies | None:
    """The body merged with its second copy: a raw file named as a copy, or a repeat found in the body."""
    if copy_lines:
        return merge_copies(lines, copy_lines)
    first, second = separate_copies(lines)
    return merge_copies(first, second) if second else None


def _removed_lines(removed: Counter, lines: list[Line], rule: str) -> None:
    for line in lines:
        for char, count in count_letters(line.text).items():
            removed[(rule, char)] += count


def _body_flow(
    doc, lines, copy_lines, dehyphenator, diagnostics
) -> tuple[Flow, list[Witness], Counter, dict]:
    removed: Counter = Counter()
    witnesses: list[Witness] = []
    body_source = lines[0].source if lines else ""
    merged = _copies(lines, copy_lines)
    if merged is not None:
        lines = merged.lines
        witnesses = merged.witnesses
        _removed_lines(removed, merged.duplicate_lines, "duplicate-copy")
    blocks = find_footnotes(lines)
    pages = find_pages(lines, blocks, doc.first_page)
    for conflict in pages.conflicts:
        diagnostics.append(_warn(body_source, None, conflict))
    variants = merged.variants if merged is not None else []
    flow = build_flow(lines, blocks, pages, dehyphenator, doc.languages[0], variants)
    for block in blocks:
        for note in block.notes:
            if note.marker is None:
                diagnostics.append(
                    _warn(
                        lines[note.label_line].source,
                        lines[note.label_line].number,
                        f"no marker found in the text for footnote {note.n}; "
                        "the note is placed at the end of its page",
                    )
                )
    removed.update(flow.removed)
    stats = {
        "pages": len(pages.breaks),
        "pages_numbered": sum(1 for b in pages.breaks if b.n is not None),
        "printed_page_numbers": len(pages.numbers),
        "column_breaks": len(pages.column_breaks),
        "footnotes": sum(len(b.notes) for b in blocks),
        "footnotes_linked": sum(1 for b in blocks for n in b.notes if n.marker is not None),
        "witnesses": len(witnesses),
        "witness_variants": len(variants),
    }
    return flow, witnesses, removed, stats


def _abstract_flow(
    ref: SourceRef, lines: list[Line], doc: DocumentEdition, dehyphenator: Dehyphenator
) -> tuple[list[Block], Counter, list]:
    lang = ref.lang or doc.languages[0]
    blocks = find_footnotes(lines)
    # An abstract or translation in a file of its own is not paginated as the printed body is.
    flow = build_flow(lines, blocks, PageLayout([], [], [], []), dehyphenator, lang)
    out = []
    for block in flow.blocks:
        if block.kind == "head":
            continue
        if block.kind == "p":
            block.kind = "abstract"
        block.lang = block.lang or lang
        if block.content and isinstance(block.content[-1], str):
            block.content[-1] = block.content[-1].rstrip().removesuffix(FRAME).rstrip()
        out.append(block)
    return out, flow.removed, flow.stats.decisions


def process_document(
    doc: DocumentEdition,
    collection: Collection,
    hyphenation: Dehyphenator | Counter,
    matcher: MentionMatcher | None = None,
) -> DocumentResult:
    diagnostics: list[Diagnostic] = []
    clock = _Stopwatch()
    # A worker makes the Dehyphenator once (it copies the corpus lexicon) and passes it for every document.
    dehyphenator = hyphenation if isinstance(hyphenation, Dehyphenator) else Dehyphenator(hyphenation)
    raw_letters: Counter = Counter()
    lines_of: dict[str, list[Line]] = {}
    encodings: dict[str, str] = {}
    for ref in doc.sources:
        decoded = read_decoded(ref.path, ref.rel)
        diagnostics.extend(decoded.warnings)
        if decoded.converted:
            encodings[ref.rel] = decoded.encoding
        lines_of[ref.rel] = [Line(raw.text, ref.rel, raw.number) for raw in split_lines(decoded.text)]
        for line in lines_of[ref.rel]:
            raw_letters.update(count_letters(line.text))
    raw_bytes = sum(ref.path.stat().st_size for ref in doc.sources)
    clock.lap("read")
    by_role = {
        role: [x for ref in doc.sources if ref.role == role for x in lines_of[ref.rel]]
        for role in ("body", "copy")
    }
    flow, witnesses, removed, stats = _body_flow(
        doc, by_role["body"], by_role["copy"], dehyphenator, diagnostics
    )
    decisions = list(flow.stats.decisions)
    abstracts = [b for b in flow.blocks if b.kind in ("abstract", "keywords")]
    body = [b for b in flow.blocks if b.kind not in ("abstract", "keywords")]
    for ref in doc.sources:
        if ref.role == "abstract":
            blocks, abstract_removed, abstract_decisions = _abstract_flow(
                ref, lines_of[ref.rel], doc, dehyphenator
            )
            decisions.extend(abstract_decisions)
            abstracts.extend(blocks)
            removed.update(abstract_removed)
    clock.lap("layout")
    annotator = Annotator(doc, matcher, doc.references)
    annotator.annotate_blocks(abstracts, doc.languages[0])
    annotator.annotate_blocks(body, doc.languages[0])
    diagnostics.extend(annotator.stale_corrections())
    cited = annotator.stats.cited_references
    references = {n: doc.references.get(n, "") for n in set(doc.references) | cited}
    clock.lap("apparatus")
    text = DocumentText(body, abstracts, witnesses, [ref.rel for ref in doc.sources], references, encodings)
    tei_bytes = build_tei(doc, collection, text)
    clock.lap("tei")
    stats.update(
        # Every letter of the raw files is in the TEI or was taken out by a recorded rule: the proof.
        letters=str(letter_balance(raw_letters, tei_bytes, removed)),
        hyphens_joined=flow.stats.hyphens_joined,
        hyphens_kept=flow.stats.hyphens_kept,
        hyphen_reasons=dict(flow.stats.hyphen_reasons),
        paragraphs=sum(1 for b in body if b.kind == "p"),
        headings=sum(1 for b in body if b.kind == "head"),
        abstracts=sum(1 for b in abstracts if b.kind == "abstract"),
        apparatus=dict(sorted(annotator.stats.elements.items())),
    )
    return DocumentResult(
        doc.id, tei_bytes, stats, diagnostics, raw_letters, removed, clock.laps, raw_bytes, decisions
    )


class _Stopwatch:
    """Seconds spent in each stage, for the benchmark (perf_counter laps)."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[stage] = self.laps.get(stage, 0.0) + now - self._last
        self._last = now
