"""The document pages: each document's TEI read into a view, rendered and written, on all cores.

A document page depends only on its TEI, its edition file, the registers, the collection settings, the
templates and the code, so the pages are rendered in worker processes, each written to disk there, and
cached by all of those (a rebuild renders only what changed). What comes back to the main process is
small: the document's summary for the cross-document indexes, its view without the text (for the lists
of documents), and what an ``extra`` function (search data) made of the full view in the worker (the
files it makes are written there, and cached with the page).
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from ..cache import Cache, content_key
from ..config.theme import theme_digest
from ..editions import Collection
from ..previous_output import PreviousOutput
from ..process_pool import map_ordered
from . import urls
from .document import read_document
from .downloads import cited_document, document_files
from .environment import base_path, make_environment
from .index_data import document_units
from .interface import Interface, interfaces, page_context
from .model import DocumentSummary, DocumentView, Neighbours
from .register_index import read_registers

# A document's full view -> (what the main process keeps of it, files to write: {path in the site: bytes}).
# A module-level function (sent to the worker processes by name); pure, so that its result is cached with
# the page.
Extra = Callable[[DocumentView], tuple[object, dict[str, bytes]]]
# A document to render: its TEI (as bytes or the file that holds it) and the documents beside it in the
# site's order (its page links to them).
DocumentItem = tuple[bytes | Path, Neighbours]


@dataclass(frozen=True)
class DocumentPages:
    """Everything a worker needs to render document pages (sent to each worker once)."""

    out_dir: Path
    collection: Collection
    registers_tei: bytes | None
    templates: tuple[Path, ...]  # the theme's folders: the project's overrides first (config/theme.py)
    cache_dir: Path | None
    extra: Extra | None
    interface: Interface  # the language of the pages and where they are written
    previous: PreviousOutput | None = None  # the last build's output: unchanged pages are linked from it


@dataclass(frozen=True)
class RenderedDocument:
    view: DocumentView  # without its text: divisions, notes and abstracts emptied
    # For the default language only; another's is the same in its words (SiteWords.in_words), made in the
    # main process: cheaper than sending the summary back from the worker and caching it again.
    summary: DocumentSummary | None
    extra: object = None
    index_units: dict[str, str] | None = None  # what it shows in the indexes (index_data.py), with a cache
    # The files written for it (path in the site -> the key of the cache entry they came from), with a cache;
    # never cached itself.
    written: dict[str, str] = field(default_factory=dict)


def cache_fingerprint(job: DocumentPages) -> str:
    """What every document page depends on besides its document: the code, the templates, the registers,
    the settings and the extra function."""
    extra = f"{job.extra.__module__}.{job.extra.__qualname__}" if job.extra else None
    return content_key("pages", theme_digest(job.templates), job.registers_tei, job.collection, extra,
                       job.interface.lang, job.interface.prefix)


@dataclass(frozen=True)
class _PageEntry:
    rendered: RenderedDocument
    paths: list[str]  # the files written: the page, and the files extra made (their bytes: _PageCache.files)


class _PageCache:
    """Each document's rendering (its RenderedDocument with the paths of its files, and apart the files'
    bytes, which a rebuild need not read when it links them from the previous output), by everything it
    depends on (or no cache)."""

    def __init__(self, job: DocumentPages):
        self.entries = self.files = None
        if job.cache_dir is not None:
            # RenderedDocument.extra holds what extra returns: the types of its return hint may stand there.
            returned = typing.get_type_hints(job.extra).get("return") if job.extra else None
            cache = Cache(job.cache_dir)
            self.entries = cache.namespace("pages", _PageEntry, typing.get_args(returned), kept=True)
            self.files = cache.namespace("page-files", dict[str, bytes])
            self.common = cache_fingerprint(job)

    def key(self, tei: bytes, neighbours: Neighbours) -> str | None:
        return content_key(self.common, tei, neighbours) if self.entries is not None else None


class _Renderer:
    """One per process: the templates, the registers and the cache, loaded once."""

    def __init__(self, job: DocumentPages):
        self.job = job
        self.env = make_environment(job.templates, job.interface.lang)
        self.registers = read_registers(job.registers_tei)
        self.cache = _PageCache(job)
        self.base_path = base_path(job.collection.base_url)
        self.interfaces = interfaces(job.collection)

    def render(self, source: bytes | Path, neighbours: Neighbours) -> RenderedDocument:
        tei = source if isinstance(source, bytes) else Path(source).read_bytes()
        key = self.cache.key(tei, neighbours)
        if key is None:
            return self._write(*self._render(tei, neighbours))
        entry = self.cache.entries.load(key)
        previous = self.job.previous
        if entry is not None and previous is not None and previous.link(entry.paths, key, self.job.out_dir):
            return replace(entry.rendered, written=dict.fromkeys(entry.paths, key))
        files = self.cache.files.load(key) if entry is not None else None
        if entry is None or files is None:
            rendered, files = self._render(tei, neighbours)
            entry = _PageEntry(rendered, list(files))
            self.cache.files.store(key, files)
            self.cache.entries.store(key, entry)
        return replace(self._write(entry.rendered, files), written=dict.fromkeys(entry.paths, key))

    def _write(self, rendered: RenderedDocument, files: dict[str, bytes]) -> RenderedDocument:
        for path, data in files.items():
            target = self.job.out_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return rendered

    def _render(self, tei: bytes, neighbours: Neighbours) -> tuple[RenderedDocument, dict[str, bytes]]:
        collection, interface = self.job.collection, self.job.interface
        view, summary = read_document(tei, collection.base_url, self.registers, collection.series,
                                      ui_lang=interface.lang, theme=self.job.templates,
                                      part_bytes=collection.part_kilobytes * 1000)
        citation = cited_document(view, collection, interface.lang)
        pages = {}
        for part in view.part_texts:
            page = view.parts.path(part.number)
            path = interface.path(page)
            context = page_context(collection, page, interface, self.interfaces)
            pages[path] = self.env.get_template("document.html").render({
                "collection": collection, **context,
                "canonical": urls.canonical(collection.base_url, path),
                "base_path": self.base_path, "doc": view, "part": part, "neighbours": neighbours,
                "citation": citation.at(view.canonical, urls.canonical(collection.base_url, page)),
                "at": partial(view.parts.link_from, part.number, root=context["root"]),
            }).encode("utf-8")
        extra, files = self.job.extra(view) if self.job.extra else (None, {})
        if interface.default:  # the downloads exist once, beside the default language's page
            files = {**files, **document_files(view, collection)}
        light = replace(view, divisions=[], notes=[], abstracts=(), toc=(), part_texts=[])
        if not interface.default:
            return RenderedDocument(light, None, extra), {**pages, **files}
        # Only a cached build keys its index pages by these (render.py), in every language.
        units = document_units(summary, light) if self.job.cache_dir is not None else None
        return RenderedDocument(light, summary, extra, units), {**pages, **files}


def _render_one(renderer: _Renderer, item: DocumentItem) -> RenderedDocument:
    return renderer.render(*item)


def _size(item: DocumentItem) -> int:
    tei = item[0]
    return len(tei) if isinstance(tei, bytes) else Path(tei).stat().st_size


def render_documents(
    job: DocumentPages, documents: list[DocumentItem], jobs: int = 1
) -> Iterator[RenderedDocument]:
    """Render and write every document's page (its TEI given as bytes or as the file that holds it, with
    its neighbours); the results in the order of documents."""
    return map_ordered(_render_one, documents, jobs, setup=_Renderer, shared=job, size=_size)
