"""The build: every document to TEI, validated, then written to the output directory all at once.

The output is assembled in a temporary directory beside the target and swapped in only when every file
is written and valid, so a failed or interrupted build leaves the previous site as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .apparatus.mentions import REGISTERS_FILE, MentionMatcher, build_matcher
from .diagnostics import Diagnostic, InputError, Severity
from .editions import Edition, load_edition
from .layout.hyphenation import corpus_lexicon
from .pipeline import DocumentResult, process_document, source_lines
from .registers import Registers, load_registers
from .site import render_site
from .tei.registers import build_registers_tei
from .tei.validate import validate_tei


@dataclass
class BuildResult:
    out: Path
    documents: list[DocumentResult]
    diagnostics: list[Diagnostic]


def gather_lexicon(edition: Edition) -> Counter:
    """Word forms of the whole corpus: the evidence for decisions that one document alone cannot make."""
    texts = []
    seen = set()
    for doc in edition.documents:
        for ref in doc.sources:
            if ref.path not in seen:
                seen.add(ref.path)
                texts.extend(line.text for line in source_lines(ref))
    return corpus_lexicon(texts)


def _process_all(
    edition: Edition, lexicon: Counter, matcher: MentionMatcher | None, jobs: int
) -> list[DocumentResult]:
    docs = list(edition.documents)
    if jobs <= 1 or len(docs) <= 1:
        return [process_document(doc, edition.collection, lexicon, matcher) for doc in docs]
    n = len(docs)
    with ProcessPoolExecutor(max_workers=min(jobs, n)) as pool:
        return list(pool.map(process_document, docs, [edition.collection] * n, [lexicon] * n, [matcher] * n))


def _load_inputs(project_root: Path) -> tuple[Edition, Registers]:
    """The edition and the registers, with every problem of both reported together."""
    problems: list[Diagnostic] = []
    edition = registers = None
    try:
        edition = load_edition(project_root)
    except InputError as exc:
        problems.extend(exc.diagnostics)
    try:
        registers = load_registers(project_root)
    except InputError as exc:
        problems.extend(exc.diagnostics)
    if problems or edition is None or registers is None:
        raise InputError(problems)
    return edition, registers


def _replace_directory(staging: Path, out: Path) -> None:
    """Swap the finished staging directory in for the output directory."""
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, old)
        os.replace(staging, out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(staging, out)


@dataclass
class ProcessedEdition:
    edition: Edition
    registers: Registers
    results: list[DocumentResult]
    registers_tei: bytes
    diagnostics: list[Diagnostic]


def process_edition(project_root: Path, jobs: int | None = None) -> ProcessedEdition:
    """Every document to validated TEI, in memory; raises InputError if anything is wrong."""
    edition, registers = _load_inputs(project_root)
    lexicon = gather_lexicon(edition)
    results = _process_all(edition, lexicon, build_matcher(registers), jobs or os.cpu_count() or 1)
    registers_tei = build_registers_tei(registers, edition.collection)
    diagnostics = [d for r in results for d in r.diagnostics]
    for result in results:
        diagnostics.extend(validate_tei(result.tei, f"build/tei/{result.id}.xml"))
    if any(d.severity is Severity.ERROR for d in diagnostics):
        raise InputError(diagnostics)
    return ProcessedEdition(edition, registers, results, registers_tei, diagnostics)


def build(project_root: Path, out: Path, jobs: int | None = None) -> BuildResult:
    processed = process_edition(project_root, jobs)
    edition, results, registers_tei = processed.edition, processed.results, processed.registers_tei
    diagnostics = processed.diagnostics
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        tei_dir = staging / "tei"
        tei_dir.mkdir()
        for result in results:
            (tei_dir / f"{result.id}.xml").write_bytes(result.tei)
        (tei_dir / REGISTERS_FILE).write_bytes(registers_tei)
        # The website, rendered from the TEI just written.
        by_id = {doc.id: doc for doc in edition.documents}
        site = render_site(
            staging, edition.collection, [(by_id[r.id], r.tei) for r in results], registers_tei
        )
        diagnostics.extend(site.warnings)
        staging.chmod(0o755)
        _replace_directory(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BuildResult(out, results, [d for d in diagnostics if d.severity is Severity.WARNING])
