"""The build: every document to TEI, validated, then written to the output directory all at once.

The output is assembled in a temporary directory beside the target and swapped in only when every file
is written and valid, so a failed or interrupted build leaves the previous site as it was and leaves no
temporary directory behind.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import Future, wait
from dataclasses import dataclass, field, replace
from pathlib import Path

from .apparatus.mentions import REGISTERS_FILE, MentionMatcher, build_matcher, matcher_of_forms
from .cache import CACHE_DIR, Cache, content_key
from .config.theme import theme_digest, theme_folders
from .diagnostics import Diagnostic, InputError, Severity, UsageError
from .editions import Edition, load_edition
from .executors import SharedState, executor_for
from .fingerprints import code_fingerprint, file_digest, folder_digest, listing_digest
from .layout.hyphenation import corpus_lexicon
from .pipeline import DocumentResult, source_lines
from .process_pool import map_ordered
from .progress import Progress
from .registers import Registers, load_registers
from .search import SearchReport, document_search, start_index_site
from .site import render_site
from .site.document_pages import RenderedDocument
from .site.render import SiteReport
from .tei.register_file import build_registers_tei
from .yamlfile import display_name

# The stages a build reports progress for; check adds one (the links).
STAGES = ("reading sources", "layout and valid TEI", "writing the site", "search index")


@dataclass
class BuildResult:
    out: Path
    documents: list[DocumentResult]
    diagnostics: list[Diagnostic]
    timings: dict[str, float] = field(default_factory=dict)  # build stage -> wall seconds
    up_to_date: bool = False  # nothing changed since the last build into out: it was left as it was


def gather_lexicon(edition: Edition) -> Counter:
    """Word forms of the whole corpus: the evidence for decisions that one document alone cannot make."""
    return _read_corpus(edition, Progress(), None, None, {}, 1)


def _read_corpus(
    edition: Edition,
    progress: Progress,
    wanted: set[str] | None,
    cache_root: Path | None,
    digests: dict[Path, str],
    jobs: int,
) -> Counter:
    """The corpus lexicon, reading every raw file once (on jobs processes); every unreadable file is
    reported together.

    Only the files of the wanted documents (all when None) must be readable; another unreadable file is
    left out of the lexicon (a full build reports it).
    """
    refs = {}
    for doc in edition.documents:
        # A document given as TEI has no OCR text: its markup is no evidence of the corpus's words.
        for ref in (ref for ref in doc.sources if ref.role != "tei"):
            refs.setdefault(ref.path, (ref, wanted is None or doc.id in wanted))
    progress.stage(STAGES[0], len(refs))
    words_of = Cache.of_project(cache_root).namespace("lexicon", Counter[str]) if cache_root else None
    # Each raw file's word forms are cached by its bytes.
    keys = {path: content_key("lexicon", digests.get(path) or file_digest(path)) for path in refs
            if words_of is not None}
    cached = {path: words_of.load(keys[path]) if words_of else None for path in refs}
    to_count = [ref for path, (ref, _) in refs.items() if cached[path] is None]
    counted = _count_all(to_count, jobs)  # in the order of to_count
    lexicon: Counter = Counter()
    problems: list[Diagnostic] = []
    for path, (ref, needed) in refs.items():
        words = cached[path]
        if words is None:
            words = next(counted)
            if isinstance(words, Counter) and words_of is not None:
                words_of.store(keys[path], words)
        if isinstance(words, Counter):
            lexicon.update(words)
        elif needed:
            problems.extend(words)
        progress.advance(ref.rel)
    if problems:
        raise InputError(problems)
    return lexicon


def _count_words(_, ref) -> Counter | list[Diagnostic]:
    """The word forms of one raw file, or why it cannot be read (an exception would not cross processes)."""
    try:
        return corpus_lexicon(line.text for line in source_lines(ref))
    except InputError as exc:
        return exc.diagnostics


def _count_all(refs: list, jobs: int) -> Iterator[Counter | list[Diagnostic]]:
    return map_ordered(_count_words, refs, jobs, size=lambda ref: ref.path.stat().st_size)


def _cached_matcher(registers: Registers, cache_root: Path | None) -> MentionMatcher | None:
    """The mention matcher; generating every inflected form takes a while, so its table of forms (form ->
    entry id) is cached by the registers, and the matcher made again from it."""
    if cache_root is None:
        return build_matcher(registers)
    forms = Cache.of_project(cache_root).namespace("matcher", dict[str, str])
    key = content_key("matcher", registers)
    table = forms.load(key)
    entries = registers.by_id()
    if table is not None and set(table.values()) <= entries.keys():
        return matcher_of_forms({form: entries[entry_id] for form, entry_id in table.items()})
    matcher = build_matcher(registers)
    forms.store(key, {form: entry.id for form, entry in (matcher.entry_of_form if matcher else {}).items()})
    return matcher


def _registers_fingerprint(matcher: MentionMatcher | None) -> str:
    if matcher is None:
        return ""
    forms = sorted((form, entry.id, entry.kind) for form, entry in matcher.entry_of_form.items())
    return hashlib.sha256(repr(forms).encode()).hexdigest()


def _process_all(
    edition: Edition, state: SharedState, run, progress: Progress, tei_dir: Path | None
) -> list[DocumentResult]:
    def written(result: DocumentResult) -> DocumentResult:
        """With a tei_dir, the TEI is written there at once and not kept: memory stays bounded."""
        if tei_dir is None:
            return result
        (tei_dir / f"{result.id}.xml").write_bytes(result.tei)
        return replace(result, tei=b"")

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


def _replace_directory(staging: Path, out: Path) -> None:
    """Swap the finished staging directory in for the output directory."""
    if not out.exists():
        os.replace(staging, out)
        return
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    os.replace(out, old)
    try:
        os.replace(staging, out)
    except BaseException:
        os.replace(old, out)  # interrupted between the two renames: put the previous site back
        raise
    shutil.rmtree(old, ignore_errors=True)


def check_output_directory(project_root: Path, out: Path) -> None:
    """Refuse an output directory whose replacement would destroy something that is not a build."""
    root, out = Path(project_root).resolve(), Path(out).resolve()
    own = [(root / name).resolve() for name in ("sources", "editions", "templates", "src", ".git")]
    if root.is_relative_to(out) or any(out.is_relative_to(folder) for folder in own):
        raise UsageError(
            f"the output directory {out} holds or lies inside the project's own files, and "
            "the build replaces the whole directory; choose another directory with --out"
        )
    if out.is_file():
        raise UsageError(f"the output directory {out} is a file; choose a directory with --out")
    if out.is_dir() and any(out.iterdir()) and not (out / "tei").is_dir():
        raise UsageError(
            f"{out} is not empty and does not hold a previous build, and the build replaces "
            "the whole directory; choose a new or empty directory with --out"
        )


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
    lexicon = _read_corpus(
        full, progress, {doc.id for doc in edition.documents} if only else None, cache_root, digests, jobs
    )
    lap("read corpus")
    matcher = _cached_matcher(registers, cache_root)
    corpus = hashlib.sha256(repr(sorted(digests.values())).encode()).hexdigest()
    state = SharedState(
        edition.collection, lexicon, matcher, _registers_fingerprint(matcher), corpus, cache_root
    )
    run = executor_for(executor, jobs, scheduler)
    results = _process_all(edition, state, run, progress, tei_dir)
    lap("documents")
    registers_tei = build_registers_tei(registers, edition.collection)
    diagnostics = _placeholders(edition) + [d for r in results for d in r.diagnostics]
    if any(d.severity is Severity.ERROR for d in diagnostics):
        raise InputError(diagnostics)
    return ProcessedEdition(edition, registers, results, registers_tei, diagnostics, timings)


def _placeholders(edition: Edition) -> list[Diagnostic]:
    """A warning for each supplied_title that `diplo-edition new` left for the editor to write."""
    from .new_edition import PLACEHOLDER

    return [
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


LAST_BUILD = "last-build"  # the entry, in the cache's "builds" namespace, of the builds' records


@dataclass(frozen=True)
class _BuildRecord:
    """What the last build into an output directory was made from, and what it left there."""

    inputs: str  # _inputs_digest
    output: str  # listing_digest of the output directory
    warnings: list[Diagnostic]


def _inputs_digest(project_root: Path, out: Path, only: list[str] | None, strict: bool) -> str:
    """Everything a build's output depends on: the code, sources/, editions/, the theme with the project's
    templates/, and the options."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for folder in ("sources", "editions"):
        digest.update(folder_digest(project_root / folder).encode())
    digest.update(theme_digest(theme_folders(project_root / "templates")).encode())
    digest.update(repr((str(out), only, strict)).encode())
    return digest.hexdigest()


def _build_records(project_root: Path):
    """The records of the last builds, by output directory ({} if there are none), and where they are kept."""
    records = Cache.of_project(project_root).namespace("builds", dict[str, _BuildRecord])
    return records.load(LAST_BUILD) or {}, records


def _last_build(project_root: Path, inputs: str, out: Path) -> list[Diagnostic] | None:
    """The warnings of the last build into out if it was made from these inputs and out is as it left it."""
    last = _build_records(project_root)[0].get(str(out))
    if last is None or last.inputs != inputs or not out.is_dir():
        return None
    if last.output != listing_digest(out):
        return None  # out was changed (or replaced) since: build it again
    return last.warnings


def _record_build(project_root: Path, inputs: str, out: Path, warnings: list[Diagnostic]) -> None:
    records, namespace = _build_records(project_root)
    # Directories that are gone (check's temporary builds) are forgotten.
    records = {where: r for where, r in records.items() if Path(where).is_dir()}
    records[str(out)] = _BuildRecord(inputs, listing_digest(out), warnings)
    namespace.store(LAST_BUILD, records)


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
) -> BuildResult:
    """Build the edition (or the documents in only) into out, replacing it only when all went well.

    With strict, warnings are errors: the build fails on any and out is left as it was. When nothing
    changed since the last build into out (inputs, code, options, and out itself) it is left as it was.
    """
    progress = progress or Progress(len(STAGES))
    project_root = Path(project_root).resolve()
    out = Path(out).resolve()
    check_output_directory(project_root, out)
    if use_cache:
        started = time.perf_counter()
        inputs = _inputs_digest(project_root, out, only, strict)
        warnings = _last_build(project_root, inputs, out)
        if warnings is not None:
            return BuildResult(out, [], warnings, {"up-to-date check": time.perf_counter() - started}, True)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    except OSError as exc:
        raise UsageError(
            f"cannot write beside {out} ({exc.strerror or exc}); choose another directory with --out"
        ) from None
    # The search index is written by Pagefind's own process from the document pages, while this one
    # renders the index pages.
    search: list[Future[SearchReport]] = []

    def index_documents(rendered: list[RenderedDocument]) -> None:
        search.append(start_index_site(staging, [r.extra for r in rendered]))

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
        page_cache = project_root / CACHE_DIR if use_cache else None
        site = _render(
            staging, edition, [r.id for r in results], registers_tei, project_root, page_cache,
            jobs or os.cpu_count() or 1, index_documents,
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
        _replace_directory(staging, out)
    except BaseException:
        wait(search)  # Pagefind must not write into the staging folder once it is removed
        shutil.rmtree(staging, ignore_errors=True)
        raise
    timings["writing"] = (
        time.perf_counter() - started - timings["rendering"] - timings["search index, after the rendering"]
    )
    warnings = [d for d in diagnostics if d.severity is Severity.WARNING]
    if use_cache:
        _record_build(project_root, inputs, out, warnings)
    return BuildResult(out, results, warnings, timings)  # the TEI is in out/tei/, not in the results
