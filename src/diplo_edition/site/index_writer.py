"""Writing one interface language's index pages: each, when its data is unchanged (index_data.py), linked
from the previous output or taken from the cache, else rendered by its template and written as the
template yields it; many to render are rendered on all cores, by writer processes forked once the indexes
are gathered, which share them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment

from ..cache import Cache
from ..process_pool import map_ordered
from . import urls
from .document_pages import DocumentPages, RenderedDocument, cache_fingerprint
from .environment import base_path, make_environment
from .index_data import IndexData, PageData
from .interface import Interface, page_context


@dataclass(frozen=True)
class IndexPage:
    path: str
    template: str
    context: dict
    in_sitemap: bool = True
    data: PageData | None = None  # a large page of index data: cached by that data (index_data.py)


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

    def key(self, page: IndexPage) -> str | None:
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


# The pages to render are shared among the writer processes, each given every n-th of them (n = jobs *
# this): the pages of one kind stand together and differ in cost by a thousand times (a register's page, a
# document's mentions of one entry).
_SPANS_PER_JOB = 8
# Fewer pages to render than this are rendered here: forking the writers (and loading the templates in
# each) costs more than they save, as after a change to one document, when nearly every page is linked.
_RENDERED_HERE = 200

# A page's path in the site, its cache key (None: not cached), its canonical address (None: not listed).
_Place = tuple[str, str | None, str | None]


@dataclass(frozen=True)
class _Writing:
    """One language's index pages to write: what each page writer is given once."""

    job: DocumentPages
    every: tuple[Interface, ...]
    store: _IndexPages
    pages: list[IndexPage]


class _Writer:
    """One per process: the language's templates, loaded when a page is first rendered."""

    def __init__(self, writing: _Writing):
        self.writing = writing
        self._env: Environment | None = None

    def place(self, page: IndexPage) -> _Place:
        job = self.writing.job
        path = job.interface.path(page.path)
        canonical = urls.canonical(job.collection.base_url, path) if page.in_sitemap else None
        return path, self.writing.store.key(page), canonical  # the job's fingerprint names the language

    def reuse(self, place: _Place) -> bool:
        """Write the page at place as an earlier build made it (a link from the previous output, or the
        cache's copy); False when it must be rendered."""
        job, store = self.writing.job, self.writing.store
        path, key, _ = place
        if key is not None and job.previous is not None and job.previous.link([path], key, job.out_dir):
            return True
        stored = store.load(key)
        if stored is not None:
            target = job.out_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(stored)
        return stored is not None

    def render(self, pages: list[tuple[int, _Place]]) -> None:
        """Render and write these pages of the plan (each given by its number, with its place)."""
        job, store = self.writing.job, self.writing.store
        if self._env is None:
            self._env = make_environment(job.templates, job.interface.lang)
        for k, (path, key, canonical) in pages:
            page = self.writing.pages[k]
            target = job.out_dir / path
            _write(target, self._env.get_template(page.template).generate(self._context(page, canonical)))
            store.store(key, target.read_bytes())

    def _context(self, page: IndexPage, canonical: str | None) -> dict:
        job = self.writing.job
        collection, interface = job.collection, job.interface
        context = {
            "collection": collection,
            **page_context(collection, page.path, interface, self.writing.every),
            "canonical": canonical,
            "base_path": base_path(collection.base_url) + interface.prefix,  # where root is published
            **page.context,
        }
        if not page.in_sitemap:  # a page served for missing addresses (404.html) has no twins
            context["twins"] = ()
        return context


def _render_span(writer: _Writer, pages: list[tuple[int, _Place]]) -> None:
    writer.render(pages)


def write_pages(job: DocumentPages, every: tuple[Interface, ...], rendered: list[RenderedDocument],
                pages: list[IndexPage], documents: list[str], listed: list[str], written: dict[str, str],
                jobs: int = 1) -> list[str]:
    """Write one language's index pages (job.interface's; every: all the interface languages; rendered:
    the default language's documents; documents: the paths of its document pages): the unchanged ones
    linked from the previous output or taken from the cache, the others rendered, on up to jobs processes
    when they are many; the addresses of the pages for the sitemap (the home page, the documents, then
    the indexes). Every page's path is added to listed, and the cache key of each made from one to
    written."""
    collection, interface = job.collection, job.interface
    writing = _Writing(job, every, _IndexPages(job, rendered), pages)
    writer = _Writer(writing)
    places = [writer.place(page) for page in pages]
    to_render = [(k, place) for k, place in enumerate(places) if not writer.reuse(place)]
    if jobs > 1 and len(to_render) >= _RENDERED_HERE:
        count = jobs * _SPANS_PER_JOB
        for _ in map_ordered(_render_span, [to_render[k::count] for k in range(count)], jobs,
                             setup=_Writer, shared=writing):
            pass
    else:
        writer.render(to_render)
    listed += [interface.path(path) for path in documents]
    located: list[str] = []
    for path, key, canonical in places:
        if key is not None:
            written[path] = key
        listed.append(path)
        if canonical:
            located.append(canonical)
    documents_located = [urls.canonical(collection.base_url, interface.path(path)) for path in documents]
    return located[:1] + documents_located + located[1:]
