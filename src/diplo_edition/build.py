"""The build: every document to TEI, validated, then written to the output directory all at once.

The output is assembled in a temporary directory beside the target and swapped in only when every file
is written and valid, so a failed or interrupted build leaves the previous site as it was and leaves no
temporary directory behind.
"""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, wait
from dataclasses import dataclass, field, replace
from pathlib import Path

from .apparatus.mentions import REGISTERS_FILE
from .cache import CACHE_DIR
from .corpus import READING_SOURCES, cached_matcher, read_corpus, registers_fingerprint
from .diagnostics import Diagnostic, InputError, Severity, UsageError
from .editions import Edition, load_edition
from .executors import SharedState, executor_for
from .files import stat_tree
from .fingerprints import file_digest
from .output_folder import (
    check_output_directory,
    clear_leftovers,
    staging_prefix,
    swap_in,
    write_build_list,
)
from .pipeline import DocumentResult
from .previous_output import PreviousOutput, previous_output, record_written
from .progress import Progress
from .registers import Registers, load_registers
from .search import SearchReport, ShardCache, document_search, start_index_site, stop_indexing
from .site import render_site
from .site.document_pages import RenderedDocument
from .site.edition_facts import source_date
from .site.interface import interfaces
from .site.render import SiteReport
from .tei.register_file import build_registers_tei
from .up_to_date import inputs_digest, last_build, record_build
from .yamlfile import display_name

# The stages a build reports progress for; check adds one (the links).
STAGES = (READING_SOURCES, "layout and valid TEI", "writing the site", "search index")
# An interrupted build waits this long for the search index's thread, once Pagefind is ended.
SEARCH_STOP_SECONDS = 5


@dataclass
class BuildResult:
    out: Path
    documents: list[DocumentResult]
    diagnostics: list[Diagnostic]
    timings: dict[str, float] = field(default_factory=dict)  # build stage -> wall seconds
    up_to_date: bool = False  # nothing changed since the last build into out: it was left as it was
    search: SearchReport | None = None  # what the search stage wrote (and how many shards it re-indexed)


def _process_all(
    edition: Edition, state: SharedState, run, progress: Progress, tei_dir: Path | None
) -> list[DocumentResult]:
    def written(result: DocumentResult) -> DocumentResult:
        """With a tei_dir, the TEI is written there at once and not kept, nor the hyphen decisions (the
        cache has them): memory stays bounded."""
        if tei_dir is None:
            return result
        (tei_dir / f"{result.id}.xml").write_bytes(result.tei)
        return replace(result, tei=b"", hyphen_decisions=[])

    docs = list(edition.documents)
    progress.stage(STAGES[1], len(docs))
    results = []
    for result in run(docs, state, written):
        results.append(result)
        progress.advance(result.id)
    return results


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


def _select(edition: Edition, only: list[str] | None) -> Edition:
    """The edition restricted to the documents named (all when only is empty); an unknown id is refused."""
    if not only:
        return edition
    ids = [doc.id for doc in edition.documents]
    unknown = [name for name in only if name not in ids]
    if unknown:
        hints = []
        for name in unknown:
            close = [i for i in ids if i.startswith(name)] or difflib.get_close_matches(
                name, ids, n=1, cutoff=0.5
            )
            hints.append(f"'{name}'" + (f" (did you mean '{close[0]}'?)" if close else ""))
        raise UsageError(f"no document with the id {', '.join(hints)}; the documents are: {', '.join(ids)}")
    return replace(edition, documents=tuple(doc for doc in edition.documents if doc.id in only))


@dataclass
class ProcessedEdition:
    edition: Edition
    registers: Registers
    results: list[DocumentResult]
    registers_tei: bytes
    diagnostics: list[Diagnostic]
    timings: dict[str, float] = field(default_factory=dict)  # build stage -> wall seconds


def process_edition(
    project_root: Path,
    jobs: int | None = None,
    only: list[str] | None = None,
    progress: Progress | None = None,
    *,
    executor: str = "local",
    scheduler: str | None = None,
    use_cache: bool = True,
    tei_dir: Path | None = None,
) -> ProcessedEdition:
    """Every document (or the ones in only) to validated TEI, in memory; InputError if anything is wrong.

    The lexicon is gathered from the whole corpus even when only some documents are processed, so that
    a document comes out the same in a partial build as in a full one. With a tei_dir, each document's
    TEI is written there as <id>.xml and the results hold none (``tei`` is empty).
    """
    progress = progress or Progress()
    clock = time.perf_counter()
    timings: dict[str, float] = {}

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = now - clock
        clock = now

    cache_root = Path(project_root).resolve() if use_cache else None
    full, registers = _load_inputs(project_root)
    edition = _select(full, only)
    jobs = jobs or os.cpu_count() or 1
    # Each raw file is hashed once: the key of its cached word forms, and of the corpus as a whole.
    digests = {ref.path: file_digest(ref.path) for d in full.documents for ref in d.sources}
    lexicon = read_corpus(
        full, progress, {doc.id for doc in edition.documents} if only else None, cache_root, digests, jobs
    )
    lap("read corpus")
    matcher = cached_matcher(registers, cache_root)
    raw_files = tuple(sorted(set(digests.values())))
    state = SharedState(edition.collection, lexicon, matcher, registers_fingerprint(matcher), raw_files,
                        cache_root)
    run = executor_for(executor, jobs, scheduler)
    results = _process_all(edition, state, run, progress, tei_dir)
    lap("documents")
    registers_tei = build_registers_tei(registers, edition.collection)
    diagnostics = _placeholders(edition) + [d for r in results for d in r.diagnostics]
    if any(d.severity is Severity.ERROR for d in diagnostics):
        raise InputError(diagnostics)
    return ProcessedEdition(edition, registers, results, registers_tei, diagnostics, timings)


def _placeholders(edition: Edition) -> list[Diagnostic]:
    """A warning for each value that `diplo-edition init` (in collection.yml) or `new` (a supplied_title)
    left for the editor to write."""
    from .init_project import SETTINGS_PLACEHOLDER
    from .new_edition import PLACEHOLDER

    settings = edition.collection.file
    lines = settings.read_text(encoding="utf-8").splitlines() if settings.is_file() else []
    return [
        Diagnostic(
            display_name(settings, settings.parent.parent), number,
            f"'{SETTINGS_PLACEHOLDER}' is still here; write the edition's own value before you publish",
            Severity.WARNING,
        )
        for number, line in enumerate(lines, 1)
        if SETTINGS_PLACEHOLDER in line.split("#", 1)[0]
    ] + [
        Diagnostic(
            display_name(doc.file, doc.file.parent.parent),
            doc.line_of.get("supplied_title"),
            f"supplied_title is still the placeholder '{doc.supplied_title}'; write a short "
            "descriptive title (or the printed one in 'title:')",
            Severity.WARNING,
        )
        for doc in edition.documents
        if doc.supplied_title and doc.supplied_title.startswith(PLACEHOLDER)
    ]


def _template_problem(exc: Exception, project_root: Path, templates: Path) -> Diagnostic:
    """A Jinja2 error as a diagnostic on the template: the project's own (templates/, which the editors
    may edit), or the theme's file that was used."""
    import jinja2

    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = Path(exc.filename) if exc.filename else templates / (exc.name or "")
        return Diagnostic(
            display_name(where.resolve(), project_root),
            exc.lineno,
            f"template syntax error: {exc.message}; fix the template",
        )
    if isinstance(exc, jinja2.TemplateNotFound):
        return Diagnostic(
            display_name(templates, project_root),
            None,
            f"template '{exc.name}' not found in templates/ nor in the theme; restore it (the site needs it)",
        )
    return Diagnostic(
        display_name(templates, project_root),
        None,
        f"a template failed: {exc}; undo the last change to templates/",
    )


def _render(
    staging: Path,
    edition: Edition,
    document_ids: list[str],
    registers_tei: bytes,
    project_root: Path,
    cache_dir: Path | None,
    jobs: int,
    documents_written: Callable[[list[RenderedDocument]], None],
    previous: PreviousOutput | None,
) -> SiteReport:
    import jinja2

    from .site.render import templates_dir_of

    try:
        site = render_site(
            staging,
            edition.collection,
            [staging / "tei" / f"{doc_id}.xml" for doc_id in document_ids],
            registers_tei,
            cache_dir=cache_dir,
            jobs=jobs,
            extra=document_search,
            documents_written=documents_written,
            previous=previous,
        )
    except jinja2.TemplateError as exc:
        raise InputError(
            [_template_problem(exc, project_root, templates_dir_of(edition.collection))]
        ) from None
    except FileNotFoundError as exc:  # e.g. the theme's static/ missing (a broken installation)
        where = Path(exc.filename).resolve() if exc.filename else templates_dir_of(edition.collection)
        raise InputError(
            [
                Diagnostic(
                    display_name(where, project_root), None, "not found, and the site needs it; restore it"
                )
            ]
        ) from None
    return site


def build(
    project_root: Path,
    out: Path,
    jobs: int | None = None,
    *,
    only: list[str] | None = None,
    strict: bool = False,
    progress: Progress | None = None,
    executor: str = "local",
    scheduler: str | None = None,
    use_cache: bool = True,
    search_later: bool = False,
) -> BuildResult:
    """Build the edition (or the documents in only) into out, replacing it only when all went well.

    With strict, warnings are errors: the build fails on any and out is left as it was. When nothing
    changed since the last build into out (inputs, code, options, and out itself) it is left as it was.
    With search_later (``serve``), the full-text index of out is carried over, marked as behind the
    pages, and ``result.search.pending`` writes the new one once the site is published.
    """
    progress = progress or Progress(len(STAGES))
    project_root = Path(project_root).resolve()
    out = Path(out).resolve()
    source_date()  # an invalid SOURCE_DATE_EPOCH is refused before anything is done
    clear_leftovers(out)
    check_output_directory(project_root, out)
    if use_cache:
        started = time.perf_counter()
        inputs = inputs_digest(project_root, out, only, strict)
        warnings = last_build(project_root, inputs, out)
        if warnings is not None:
            return BuildResult(out, [], warnings, {"up-to-date check": time.perf_counter() - started}, True)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=staging_prefix(out), dir=out.parent))
    except OSError as exc:
        raise UsageError(
            f"cannot write beside {out} ({exc.strerror or exc}); choose another directory with --out"
        ) from None
    # The search index is written by Pagefind's own process from the document pages, while this one
    # renders the index pages.
    search: list[Future[SearchReport]] = []
    page_cache = project_root / CACHE_DIR if use_cache else None

    def index_documents(rendered: list[RenderedDocument]) -> None:
        # A shard is cached by the keys of the page cache entries its documents came from.
        cache = None if page_cache is None else ShardCache(page_cache, {
            r.view.id: next(iter(r.written.values())) for r in rendered if r.written})
        search.append(start_index_site(staging, [r.extra for r in rendered],
                                       lang=interfaces(edition.collection)[0].lang,
                                       shard_size=edition.collection.search_shard_size, cache=cache,
                                       previous=out if search_later else None))

    try:
        tei_dir = staging / "tei"
        tei_dir.mkdir()
        processed = process_edition(
            project_root, jobs, only, progress, executor=executor, scheduler=scheduler, use_cache=use_cache,
            tei_dir=tei_dir,
        )
        timings = processed.timings
        started = time.perf_counter()
        edition, results, registers_tei = processed.edition, processed.results, processed.registers_tei
        diagnostics = processed.diagnostics
        progress.stage(STAGES[2], 1)
        (tei_dir / REGISTERS_FILE).write_bytes(registers_tei)
        # The website, rendered from the TEI just written.
        site = _render(
            staging, edition, [r.id for r in results], registers_tei, project_root, page_cache,
            jobs or os.cpu_count() or 1, index_documents,
            previous_output(project_root, out) if use_cache else None,
        )
        diagnostics.extend(site.warnings)
        progress.advance()
        timings["rendering"] = time.perf_counter() - started
        progress.stage(STAGES[3], 1)
        searched = search[0].result()
        diagnostics.extend(searched.warnings)
        progress.advance()
        timings["search index"] = searched.seconds  # begun during the rendering
        timings["search index, after the rendering"] = time.perf_counter() - started - timings["rendering"]
        warnings = [d for d in diagnostics if d.severity is Severity.WARNING]
        if strict and warnings:
            raise InputError(
                [
                    replace(
                        d, severity=Severity.ERROR, message=d.message + " [--strict makes warnings errors]"
                    )
                    for d in warnings
                ]
            )
        staging.chmod(0o755)
        write_build_list(staging)
        previous = swap_in(staging, out)
    except BaseException:
        stop_indexing()
        wait(search, timeout=SEARCH_STOP_SECONDS)  # Pagefind reads the staging folder until it has ended
        shutil.rmtree(staging, ignore_errors=True)
        raise
    try:
        if previous is not None and search_later:  # serve: the site is published, the old one goes meanwhile
            threading.Thread(target=shutil.rmtree, args=(previous,), kwargs={"ignore_errors": True},
                             name="remove-previous-site", daemon=True).start()
        elif previous is not None:
            shutil.rmtree(previous, ignore_errors=True)
        after_rendering = timings["rendering"] + timings["search index, after the rendering"]
        timings["writing"] = time.perf_counter() - started - after_rendering
        warnings = [d for d in diagnostics if d.severity is Severity.WARNING]
        if use_cache:
            listing = stat_tree(out)  # one walk of the output for both records
            record_written(project_root, out, site.written, listing)
            if searched.pending is None:  # a site whose index is behind is not finished
                record_build(project_root, inputs, out, warnings, listing)
    except KeyboardInterrupt as exc:
        exc.site_replaced = True  # type: ignore[attr-defined]
        if previous is not None:
            shutil.rmtree(previous, ignore_errors=True)  # the removal the interrupt cut short
        raise
    # The TEI is in out/tei/, not in the results.
    return BuildResult(out, results, warnings, timings, search=searched)
