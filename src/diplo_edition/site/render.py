"""The site written from the TEI: every page rendered by a Jinja2 template (autoescape on) into out_dir.

``render_site`` reads the registers and every document, gathers the cross-document indexes, renders the
pages and copies the static files. Output is deterministic: no timestamps, sorted iteration.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..cache import content_key
from ..config.theme import static_files, theme_folders
from ..diagnostics import Diagnostic, Severity
from ..editions import Collection
from ..languages import detect_language, has_pack, pack
from ..previous_output import PreviousOutput
from . import urls, words
from .address import example_address_warning
from .csl import edition_citations
from .document import read_heading
from .document_pages import DocumentPages, Extra, RenderedDocument, render_documents
from .downloads import FORMATS, edition_download, write_edition_files
from .edition_facts import VERSION, DocumentSources, data_date, document_sources
from .environment import make_environment
from .index_data import (
    ARCHIVAL,
    DATES,
    MENTIONS,
    REFERENCE_CITATIONS,
    REFERENCE_LIST,
    WORKS,
    PageData,
    series_unit,
)
from .index_writer import IndexPage, write_pages
from .indexes import Concordance, EntryView, Indexes, Work, gather
from .indexes_common import PAGE_SIZE
from .interface import Interface, interfaces
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
) -> list[IndexPage]:
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
        IndexPage(
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
            IndexPage(
                urls.register_path(kind),
                "register.html",
                {"kind": kind, "register": register, "present": registers.present},
                data=PageData((kind, registers.present, tuple(e.entry for e in register.entries)),
                              tuple(MENTIONS + e.entry.id for e in register.entries)),
            )
        )
        pages += [page for entry in register.entries for page in _entry_pages(kind, entry)]
    pages += [
        IndexPage(
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
        IndexPage(urls.CHRONOLOGY, "chronology.html",
                  {"chronology": indexes.chronology, "page_size": PAGE_SIZE}, data=PageData((), (DATES,))),
        # A part shows its years, and the list of every part (which the counts of all years decide).
        *(IndexPage(part.path, "chronology-part.html", {"part": part, "parts": parts}, data=PageData(
            (parts, part.heading, part.decade), tuple(DATES + y.heading for y in part.years)))
          for parts in [tuple((p.path, p.heading, p.decade) for p in indexes.chronology.pages)]
          for part in indexes.chronology.pages),
        IndexPage(
            urls.WORKS,
            "works.html",
            {
                "groups": indexes.works,
                "count": indexes.work_count,
                "documents": [v for v in views if v.references],
            },
            data=PageData((), (WORKS, REFERENCE_LIST)),
        ),
        *(page for group in indexes.works for work in group.items for page in _work_pages(work)),
        IndexPage(
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
        IndexPage(urls.SEARCH, "search.html", {"documents": views}, data=PageData(tuple(views), ())),
    ]
    # One page for every address a host does not know, in each language: 404.html, en/404.html. serve
    # answers an address under en/ with the second; a static host knows the first only, whose script sends
    # such an address on to the second.
    others = [] if not interface.default else [
        other.prefix for other in interfaces(collection) if not other.default]
    pages.append(IndexPage(urls.NOT_FOUND, "404.html", {"other_languages": others}, in_sitemap=False))
    return pages


def _entry_pages(kind: str, item: EntryView) -> list[IndexPage]:
    """A register entry's pages: its documents, a page of them at a time (the first lists them all), and
    the mentions of each document that has too many to show there (entry-document.html). Each shows the
    mentions of its own documents and is cached by them: a change to one document renders again the pages
    that list it (and the first, when its count of mentions changed), not the entry's every page."""
    unit = MENTIONS + item.entry.id
    entry = content_key(kind, item.entry)  # the record's digest, made once for all its pages
    paths = tuple(part.path for part in item.pages)
    listing = tuple((d.doc_id, d.title, d.lang, len(d.items), d.listed_on) for d in item.documents)
    pages = []
    for part in item.pages:
        shown = tuple(d.doc_id for d in part.items)
        light = (entry, paths, part.number, item.split, len(listing), listing if part.number == 1 else ())
        pages.append(IndexPage(part.path, "entry.html", {"kind": kind, "item": item, "part": part},
                               data=PageData(light, (unit,), shown)))
    for hits in item.documents:
        data = PageData((entry, hits.listed_on), (unit,), (hits.doc_id,))
        pages += [IndexPage(part.path, "entry-document.html", {
            "kind": kind, "entry": item.entry, "doc_id": hits.doc_id, "doc_title": hits.title,
            "count": len(hits.items), "part": part, "parts": tuple(p.path for p in hits.parts),
            "listed_on": hits.listed_on,
        }, data=data) for part in hits.parts]
    return pages


def _work_pages(work: Work) -> list[IndexPage]:
    """The pages of a work that many documents cite: the places in each, a page of documents at a time,
    each cached by what the documents it lists cite."""
    paths = tuple(part.path for part in work.parts)
    return [IndexPage(part.path, "work.html", {"work": work, "part": part}, data=PageData(
        (work.key, work.display, work.citations[0].locus.lang, work.documents, paths, part.number), (WORKS,),
        tuple(dict.fromkeys(c.locus.doc_id for c in part.items)))) for part in work.parts]


def _concordance_pages(concordance: Concordance) -> list[IndexPage]:
    """A printed series' concordance: a page of its volumes, and a page of each volume's pages (one change
    to a document renders again the volumes it cites, not the whole series)."""
    series = concordance.series
    volumes = tuple((v.heading, len(v.items)) for v in concordance.volumes)
    # Where each page's anchor now stands, for site.js: a link made when the volumes shared one page.
    anchors = {urls.series_volume_folder(v.heading): " ".join([v.anchor, *(p.key for p in v.items)])
               for v in concordance.volumes}
    pages = [IndexPage(urls.series_path(series.id), "series.html",
                       {"concordance": concordance, "anchors": anchors},
                       data=PageData((series, volumes, tuple(anchors.items())), ()))]
    for volume in concordance.volumes:
        pages.append(IndexPage(urls.series_volume_path(series.id, volume.heading), "series-volume.html",
                               {"concordance": concordance, "volume": volume},
                               data=PageData((series, volume.heading, tuple(h for h, _ in volumes)),
                                             (series_unit(series.id, volume.heading),))))
    return pages


def _index_pages(
    job: DocumentPages, every: tuple[Interface, ...], rendered: list[RenderedDocument],
    default: list[RenderedDocument], registers: RegisterLookup, publication_words: tuple[str, ...],
    edition_data: _EditionData, report: SiteReport, jobs: int,
) -> list[str]:
    """Gather the indexes in job.interface's words and write its index pages (rendered: its documents;
    default: the default language's, whose summaries the indexes are gathered from); the addresses of its
    pages for the sitemap. A function of its own so that one language's indexes are let go before the
    next language's are gathered: the two together were the main process's peak of memory."""
    collection, interface = job.collection, job.interface
    theme = job.templates
    if interface.default:
        summaries = [r.summary for r in rendered]
        report.mentions = sum(len(s.mentions) for s in summaries)
        report.warnings = [*filter(None, [example_address_warning(collection)]),
                           *_warnings(summaries, registers)]
    else:  # the default language's, in this one's words
        summaries = site_words(interface.lang, theme).all_in_words([r.summary for r in default])
    indexes = gather(summaries, registers, collection.series, publication_words)
    del summaries  # the indexes hold what they need of them
    views = [r.view for r in rendered]
    return write_pages(job, every, default,
                       _plan(collection, views, indexes, registers, interface, theme, edition_data),
                       [path for view in views for path in view.parts.paths()], report.pages, report.written,
                       jobs)


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
    default: list[RenderedDocument] = []  # the default language's documents, with their summaries
    edition_data = None
    for interface in every:  # the default language first (interfaces())
        # The document pages of each language; what only the text gives (search data, downloads) once.
        job = DocumentPages(out_dir, collection, registers_tei, theme, cache_dir,
                            extra if interface.default else None, interface,
                            previous if cache_dir is not None else None)
        rendered = list(render_documents(job, ordered, jobs))
        for document in rendered:
            report.written.update(document.written)
        if interface.default:
            default = rendered
            views = [r.view for r in rendered]
            if documents_written is not None:
                documents_written(rendered)
            report.documents = len(views)
            report.views = views
            report.extras = {r.view.id: r.extra for r in rendered}
            # the default language comes first: its documents give the facts of every language's About
            edition_data = _EditionData(data_date(collection, views), document_sources(collection, views))
        assert edition_data is not None
        sitemap += _index_pages(job, every, rendered, default, registers, publication_words, edition_data,
                                report, jobs)
    sitemap_env = make_environment(theme, every[0].lang)
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
