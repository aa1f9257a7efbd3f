"""One document, from its raw sources to TEI: the chain of passes, then the TEI writer and the letter balance.

A pure function of the sources, the edition, the corpus lexicon (through the line-end hyphens) and the
registers (through the mentions).
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from .apparatus.corrections import Corrections
from .apparatus.mentions import MentionMatcher
from .apparatus.ocr_confusables import OcrConfusables
from .apparatus.passes import Annotations, Citations, Dates, Mentions
from .diagnostics import Diagnostic
from .editions import Collection, DocumentEdition, SourceRef
from .layout.columns import Columns
from .layout.end_matter import ReferenceListPass
from .layout.hyphenation import Dehyphenator
from .layout.lost_hyphens import LostHyphens
from .layout.passes import AbstractFiles, Flow, Footnotes, FrontMatter, Furniture, Pages, SecondCopies
from .model.document import Document, DocumentReport, HyphenDecision
from .model.lines import Line
from .model.passes import PassChain
from .ocr.passes import ReadSources
from .ocr.read import read_source
from .tei.balance import letter_balance, tei_letters
from .tei.given import read_given_tei
from .tei.validate import validate_tei
from .tei.writer import build_tei


@dataclass
class DocumentResult:
    id: str
    tei: bytes
    report: DocumentReport
    diagnostics: list[Diagnostic]
    raw_letters: Counter  # letters and digits of every raw source of the document
    removed: Counter  # (rule, character) -> letters and digits taken out by a recorded rule
    raw_bytes: int = 0
    # Every line-end hyphen decided: what the corpus lexicon was consulted on.
    hyphen_decisions: list[HyphenDecision] = field(default_factory=list)


def default_passes(dehyphenator: Dehyphenator, matcher: MentionMatcher | None) -> PassChain:
    """Every pass of the pipeline, in the order of their priorities."""
    return PassChain([
        ReadSources(),
        SecondCopies(), Columns(), Furniture(), Footnotes(), Pages(), Flow(dehyphenator),
        FrontMatter(), AbstractFiles(dehyphenator), LostHyphens(dehyphenator),
        Corrections(), ReferenceListPass(), Citations(), Dates(), Mentions(matcher), Annotations(),
        OcrConfusables(),
    ])


def source_lines(ref: SourceRef, max_megabytes: int) -> list[Line]:
    return [Line(raw.text, ref.rel, raw.number) for raw in read_source(ref.path, ref.rel, max_megabytes)]


def process_document(
    doc: DocumentEdition,
    collection: Collection,
    hyphenation: Dehyphenator | Counter,
    matcher: MentionMatcher | None = None,
    chain: PassChain | None = None,
) -> DocumentResult:
    given = [ref for ref in doc.sources if ref.role == "tei"]
    if given:
        return given_document(doc, given[0])
    # A worker makes the Dehyphenator once (it copies the corpus lexicon) and passes it for every document.
    dehyphenator = hyphenation if isinstance(hyphenation, Dehyphenator) else Dehyphenator(hyphenation)
    chain = chain or default_passes(dehyphenator, matcher)
    switched_off = set(collection.disable_passes) | set(doc.disable_passes)
    document = chain.without(switched_off).run(Document(doc, collection))
    report = document.report
    started = time.perf_counter()
    tei_bytes = build_tei(document)
    # Every letter of the raw files is in the TEI or was taken out by a recorded rule: the proof.
    body_sources = {ref.rel: document.sources[ref.rel] for ref in doc.sources if ref.role == "body"}
    report.letters = str(letter_balance(
        document.raw_letters, tei_bytes, document.removed, body_sources, document.sources,
        document.hints.running_heads,
    ))
    # Validated here, on the workers: a result that comes out of the pipeline without errors is valid TEI.
    document.diagnostics.extend(validate_tei(tei_bytes, f"build/tei/{doc.id}.xml"))
    report.timings["tei"] = time.perf_counter() - started
    report.paragraphs = sum(1 for b in document.body if b.kind == "p")
    report.headings = sum(1 for b in document.body if b.kind == "head")
    report.abstracts = sum(1 for b in document.front if b.kind == "abstract")
    return DocumentResult(
        doc.id, tei_bytes, report, document.diagnostics, document.raw_letters, document.removed,
        document.raw_bytes, document.hyphen_decisions,
    )


def given_document(doc: DocumentEdition, ref: SourceRef) -> DocumentResult:
    """A document whose TEI the editors give (role: tei): checked, counted and published as it is."""
    tei_bytes, diagnostics = read_given_tei(ref, doc.id)
    report = DocumentReport(letters="the TEI is the editors' own (role: tei): published as given")
    letters = Counter() if diagnostics else tei_letters(tei_bytes)
    return DocumentResult(doc.id, tei_bytes, report, diagnostics, letters, Counter(), len(tei_bytes))
