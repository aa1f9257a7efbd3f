"""The site written from the TEI: every page rendered by a Jinja2 template (autoescape on) into out_dir.

``render_site`` reads the registers and every document, gathers the cross-document indexes, renders the
pages and copies the static files. Output is deterministic: no timestamps, sorted iteration.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment

from ..cache import Cache
from ..config.theme import static_files, theme_folders
from ..diagnostics import Diagnostic, Severity
from ..editions import Collection
from ..languages import detect_language, has_pack, pack
from ..previous_output import PreviousOutput
from . import urls, words
from .address import example_address_warning
from .csl import edition_citations
from .document import read_heading
from .document_pages import DocumentPages, Extra, RenderedDocument, cache_fingerprint, render_documents
from .downloads import FORMATS, edition_download, write_edition_files
from .edition_facts import VERSION, DocumentSources, data_date, document_sources
from .environment import base_path, make_environment
from .index_data import (
    ARCHIVAL,
    DATES,
    MENTIONS,
    REFERENCE_CITATIONS,
    REFERENCE_LIST,
    WORKS,
    IndexData,
    PageData,
    series_unit,
)
from .indexes import Concordance, Indexes, gather
from .indexes_common import PAGE_SIZE
from .interface import Interface, interfaces, page_context
from .markdown import render_markdown
from .model import DocumentHeading, DocumentSummary, DocumentView, Neighbours
from .register_index import RegisterLookup, read_registers
from .words import site_words


@dataclass
class SiteReport:
    pages: list[str] = field(default_factory=list)  # every page written, relative to out_dir
    documents: int = 0
    register_entries: int = 0
    mentions: int = 0
    warnings: list[Diagnostic] = field(default_factory=list)
    views: list[DocumentView] = field(default_factory=list)  # the documents without text, in site order
    extras: dict[str, object] = field(default_factory=dict)  # document id -> what extra made of it
    # The files made from cache entries (path -> the entry's key): the next build links them while unchanged.
    written: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Page:
    path: str
    template: str
    context: dict
    in_sitemap: bool = True
    data: PageData | None = None  # a large page of index data: cached by that data (index_data.py)


def templates_dir_of(collection: Collection) -> Path:
    """templates/ of the project whose editions/collection.yml this is: its overrides of the theme."""
    return collection.file.resolve().parent.parent / "templates"


def _warnings(summaries: list[DocumentSummary], registers: RegisterLookup) -> list[Diagnostic]:
    out = []
    for summary in summaries:
        if not summary.unresolved:
            continue
        where = f"build/tei/{summary.doc_id}.xml"
        if not registers.present:
            message = (
                f"{len(summary.unresolved)} mention(s) refer to registers.xml, which was not built; "
                "they are shown without links"
            )
            out.append(Diagnostic(where, None, message, Severity.WARNING))
            continue
        for kind, entry_id in sorted(set(summary.unresolved)):
            count = summary.unresolved.count((kind, entry_id))
            message = (
                f"{count} mention(s) of '{entry_id}' ({kind}) have no entry in registers.xml; "
                "they are shown without links"
            )
            out.append(Diagnostic(where, None, message, Severity.WARNING))
    return out


def _document_order_key(heading: DocumentHeading) -> tuple:
    return (heading.date or "9999", words.sort_key(heading.title), heading.id)


def _in_site_order(documents: list[bytes | Path]) -> list[tuple[bytes | Path, Neighbours]]:
    """The documents in the site's order (by date, then title), each with the ones before and after it,
    read from their TEI headers before any page is rendered (a page links to its neighbours)."""
    headings = [read_heading(tei) for tei in documents]
    order = sorted(range(len(documents)), key=lambda k: _document_order_key(headings[k]))
    beside = [None, *(headings[k] for k in order), None]
    return [(documents[k], Neighbours(beside[i], beside[i + 2])) for i, k in enumerate(order)]


@dataclass(frozen=True)
class _EditionData:
    """What the About page says of the edition's files, the same in every language (its raw files are
    hashed once)."""

    date: str | None
    sources: list[DocumentSources]


def _plan(
    collection: Collection, views: list[DocumentView], indexes: Indexes, registers: RegisterLookup,
    interface: Interface, theme: tuple[Path, ...], edition_data: _EditionData,
) -> list[_Page]:
    ui_lang = interface.lang
    intro_lang = detect_language(collection.introduction or "", ui_lang)
    about_lang = detect_language(collection.about or "", ui_lang)
    introduction = render_markdown(collection.introduction, intro_lang)
    # The home page shows of the indexes their counts only; it and the search page list every document's
    # view (without text): both are cached by those.
    counts = (tuple((kind, len(r.entries)) for kind, r in indexes.registers.items()),
              tuple((c.series, c.count) for c in indexes.concordances),
              indexes.archival_count, indexes.date_count, indexes.work_count)
    pages = [
        _Page(
            urls.HOME,
            "home.html",
            {
                "documents": views,
                "introduction": introduction,
                "introduction_lang": intro_lang,
                "indexes": indexes,
            },
            data=PageData((tuple(views), introduction, intro_lang, counts), ()),
        ),
    ]
    for kind, register in indexes.registers.items():
        pages.append(
            _Page(
                urls.register_path(kind),
                "register.html",
                {"kind": kind, "register": register, "present": registers.present},
                data=PageData((kind, registers.present, tuple(e.entry for e in register.entries)),
                              tuple(MENTIONS + e.entry.id for e in register.entries)),
            )
        )
        for entry in register.entries:
            # An entry's pages show its mentions, nothing else of the documents.
            data = PageData((kind, entry.entry), (MENTIONS + entry.entry.id,))
            pages.append(_Page(entry.entry.path, "entry.html", {"kind": kind, "item": entry}, data=data))
            pages += [_Page(part.path, "entry-document.html", {
                "kind": kind, "entry": entry.entry, "doc_id": hits.doc_id, "doc_title": hits.title,
                "count": len(hits.items), "part": part, "parts": tuple(p.path for p in hits.parts),
            }, data=data) for hits in entry.documents for part in hits.parts]
    pages += [
        _Page(
            urls.ARCHIVES,
            "archives.html",
            {
                "archives": indexes.archives,
                "archive_names": {a.abbreviation: a.name for a in collection.archives},
                "count": indexes.archival_count,
                "sources": indexes.reference_sources,
            },
            data=PageData((), (ARCHIVAL, REFERENCE_CITATIONS)),
        ),
        *(page for c in indexes.concordances for page in _concordance_pages(c)),
        _Page(urls.CHRONOLOGY, "chronology.html", {"chronology": indexes.chronology, "page_size": PAGE_SIZE},
              data=PageData((), (DATES,))),
        # A part shows its years, and the list of every part (which the counts of all years decide).
        *(_Page(part.path, "chronology-part.html", {"part": part, "parts": parts}, data=PageData(
            (parts, part.heading, part.decade), tuple(DATES + y.heading for y in part.years)))
          for parts in [tuple((p.path, p.heading, p.decade) for p in indexes.chronology.pages)]
          for part in indexes.chronology.pages),
        _Page(
            urls.WORKS,
            "works.html",
            {
                "groups": indexes.works,
                "count": indexes.work_count,
                "documents": [v for v in views if v.references],
            },
            data=PageData((), (WORKS, REFERENCE_LIST)),
        ),
        _Page(
            urls.ABOUT,
            "about.html",
            {
                "about": render_markdown(collection.about, about_lang),
                "about_lang": about_lang,
                "citations": edition_citations(collection, ui_lang, theme=theme),
                "downloads": [(fmt, edition_download(fmt)) for fmt in FORMATS],
                "version": VERSION,
                "data_date": edition_data.date,
                "sources": edition_data.sources,
            },
        ),
        _Page(urls.SEARCH, "search.html", {"documents": views}, data=PageData(tuple(views), ())),
    ]
    # One page for every address a host does not know, in each language: 404.html, en/404.html. serve
    # answers an address under en/ with the second; a static host knows the first only, whose script sends
    # such an address on to the second.
    others = [] if not interface.default else [
        other.prefix for other in interfaces(collection) if not other.default]
    pages.append(_Page(urls.NOT_FOUND, "404.html", {"other_languages": others}, in_sitemap=False))
    return pages


def _concordance_pages(concordance: Concordance) -> list[_Page]:
    """A printed series' concordance: a page of its volumes, and a page of each volume's pages (one change
    to a document renders again the volumes it cites, not the whole series)."""
    series = concordance.series
    volumes = tuple((v.heading, len(v.items)) for v in concordance.volumes)
    # Where each page's anchor now stands, for site.js: a link made when the volumes shared one page.
    anchors = {urls.series_volume_folder(v.heading): " ".join([v.anchor, *(p.key for p in v.items)])
               for v in concordance.volumes}
    pages = [_Page(urls.series_path(series.id), "series.html",
                   {"concordance": concordance, "anchors": anchors},
                   data=PageData((series, volumes, tuple(anchors.items())), ()))]
    for volume in concordance.volumes:
        pages.append(_Page(urls.series_volume_path(series.id, volume.heading), "series-volume.html",
                           {"concordance": concordance, "volume": volume},
                           data=PageData((series, volume.heading, tuple(h for h, _ in volumes)),
                                         (series_unit(series.id, volume.heading),))))
    return pages


class _IndexPages:
    """Index pages rendered by earlier builds, by their template, path and data (index_data.py): when one
    document changes, the register entries and indexes it does not touch are linked from the previous output
    or taken from the cache, not rendered."""

    def __init__(self, job: DocumentPages, rendered: list[RenderedDocument]):
        """rendered: the default language's documents (the units of the index data are theirs)."""
        cached = job.cache_dir is not None
        self.pages = Cache(job.cache_dir).namespace("index-pages", bytes) if cached else None
        self.common = cache_fingerprint(job) if cached else ""
        self.data = IndexData([(r.view.id, r.index_units or {}) for r in rendered])

    def key(self, page: _Page) -> str | None:
        if self.pages is None or page.data is None:
            return None
        return self.data.key(self.common, page.template, page.path, page.data)

    def load(self, key: str | None) -> bytes | None:
        return self.pages.load(key) if self.pages is not None and key is not None else None

    def store(self, key: str | None, html: bytes) -> None:
        if self.pages is not None and key is not None:
            self.pages.store(key, html)


_PIECES_PER_WRITE = 50_000


def _write(target: Path, html: Iterator[str]) -> None:
    """Write a page as the template yields it: an index page of a large edition runs to tens of MB, and
    its pieces held together before joining them would take many times that in memory."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="\n") as out:
        chunk: list[str] = []
        for k, piece in enumerate(html, 1):
            chunk.append(piece)
            if k % _PIECES_PER_WRITE == 0:  # one write per many pieces: a write per piece costs time
                out.write("".join(chunk))
                chunk.clear()
        out.write("".join(chunk))


def _write_pages(job: DocumentPages, env: Environment, every: tuple[Interface, ...],
                 rendered: list[RenderedDocument], report: SiteReport, pages: list[_Page],
                 documents: list[str]) -> list[str]:
    """Write one language's index pages (job.interface's, with its environment env; every: all the
    interface languages; rendered: the default language's documents); the addresses of its pages for the
    sitemap (the home page, the documents, then the indexes)."""
    out_dir, collection, interface = job.out_dir, job.collection, job.interface
    page_store = _IndexPages(job, rendered)
    report.pages += [interface.path(path) for path in documents]
    located: list[str] = []
    for page in pages:
        context = {
            "collection": collection,
            **page_context(collection, page.path, interface, every),
            "canonical": urls.canonical(collection.base_url, interface.path(page.path)) if page.in_sitemap
            else None,
            "base_path": base_path(collection.base_url) + interface.prefix,  # where root is published
            **page.context,
        }
        if not page.in_sitemap:  # a page served for missing addresses (404.html) has no twins
            context["twins"] = ()
        target = out_dir / interface.path(page.path)
        key = page_store.key(page)  # the job's fingerprint names the language
        linked = key is not None and job.previous is not None and job.previous.link(
            [interface.path(page.path)], key, out_dir)
        stored = None if linked else page_store.load(key)
        if stored is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(stored)
        elif not linked:
            _write(target, env.get_template(page.template).generate(context))
            page_store.store(key, target.read_bytes())
        if key is not None:
            report.written[interface.path(page.path)] = key
        report.pages.append(interface.path(page.path))
        if context["canonical"]:
            located.append(context["canonical"])
    documents_located = [urls.canonical(collection.base_url, interface.path(path)) for path in documents]
    return located[:1] + documents_located + located[1:]


def render_site(
    out_dir: Path,
    collection: Collection,
    documents: list[bytes | Path],
    registers_tei: bytes | None,
    templates: Path | None = None,
    cache_dir: Path | None = None,
    *,
    jobs: int = 1,
    extra: Extra | None = None,
    documents_written: Callable[[list[RenderedDocument]], None] | None = None,
    previous: PreviousOutput | None = None,
) -> SiteReport:
    """Write the website into out_dir (beside the tei/ folder the build has written there), from the TEI of
    every document (given as bytes or as the file that holds it) and of the registers.

    The document pages are rendered on jobs processes (document_pages.py); with a cache_dir, a page is
    reused from an earlier build when its TEI, the registers, the templates and the code
    are all unchanged, and an index page (registers, entries, archives, DVP, chronology, works cited)
    when its data is. extra is run on each document's full view in the worker (see document_pages.py):
    its results are in SiteReport.extras, by document id. documents_written is called with the
    documents, in the site's order, as soon as their pages are written (before the index pages). With
    previous (the last build's output, and a cache_dir), a page made from the same cache entry as the file
    at its path there is hard-linked from there (previous_output.py).
    """
    out_dir = Path(out_dir)
    theme = theme_folders(templates or templates_dir_of(collection))
    registers = read_registers(registers_tei)
    ordered = _in_site_order(documents)
    publication_words = tuple(w for code in collection.languages if has_pack(code)
                              for w in pack(code).publication_words)
    report = SiteReport(register_entries=len(registers.entries))
    sitemap: list[str] = []
    every = interfaces(collection)
    sitemap_env = None
    default: list[RenderedDocument] = []  # the default language's documents, with their summaries
    for interface in every:
        # The document pages of each language; what only the text gives (search data, downloads) once.
        job = DocumentPages(out_dir, collection, registers_tei, theme, cache_dir,
                            extra if interface.default else None, interface,
                            previous if cache_dir is not None else None)
        rendered = list(render_documents(job, ordered, jobs))
        for document in rendered:
            report.written.update(document.written)
        views = [r.view for r in rendered]
        env = make_environment(theme, interface.lang)
        if interface.default:
            default = rendered
            summaries = [r.summary for r in rendered]
        else:  # the default language's, in this one's words (interfaces() gives the default first)
            words = site_words(interface.lang, theme)
            summaries = words.all_in_words([r.summary for r in default])
        if interface.default:
            if documents_written is not None:
                documents_written(rendered)
            report.documents = len(views)
            report.mentions = sum(len(s.mentions) for s in summaries)
            report.warnings = [*filter(None, [example_address_warning(collection)]),
                               *_warnings(summaries, registers)]
            report.views = views
            report.extras = {r.view.id: r.extra for r in rendered}
            # the default language comes first: its documents give the facts of every language's About
            edition_data = _EditionData(data_date(collection, views), document_sources(collection, views))
            sitemap_env = env
        indexes = gather(summaries, registers, collection.series, publication_words)
        sitemap += _write_pages(job, env, every, default, report,
                                _plan(collection, views, indexes, registers, interface, theme, edition_data),
                                [path for view in views for path in view.parts.paths()])
    assert sitemap_env is not None  # interfaces() always gives the default language
    (out_dir / urls.SITEMAP).write_text(
        sitemap_env.get_template("sitemap.xml").render(locations=sitemap),
        encoding="utf-8", newline="\n",
    )
    write_edition_files(out_dir, collection, report.views)
    static_out = out_dir / "static"
    for name, source in static_files(theme).items():
        (static_out / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, static_out / name)
    return report
