"""The document pages: each document's TEI read into a view, rendered and written, on all cores.

A document page depends only on its TEI, its edition file, the registers, the collection settings, the
templates and the code, so the pages are rendered in worker processes, each written to disk there, and
cached by all of those (a rebuild renders only what changed). What comes back to the main process is
small: the document's summary for the cross-document indexes, its view without the text (for the lists
of documents), and what an ``extra`` function (search data) made of the full view in the worker (the
files it makes are written there, and cached with the page).
"""

from __future__ import annotations

import hashlib
import pickle
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from ..editions import Collection, DocumentEdition
from ..files import store_pickle
from ..fingerprints import code_fingerprint, folder_digest
from . import urls
from .document import read_document
from .model import DocumentSummary, DocumentView
from .registers import read_registers

# A document's full view -> (what the main process keeps of it, files to write: {path in the site: bytes}).
# A module-level function (pickled by name); pure, so that its result is cached with the page.
Extra = Callable[[DocumentView], tuple[object, dict[str, bytes]]]


@dataclass(frozen=True)
class DocumentPages:
    """Everything a worker needs to render document pages (sent to each worker once)."""

    out_dir: Path
    collection: Collection
    registers_tei: bytes | None
    templates: Path
    cache_dir: Path | None
    extra: Extra | None = None


@dataclass(frozen=True)
class RenderedDocument:
    view: DocumentView  # without its text: divisions, notes and abstracts emptied
    summary: DocumentSummary
    extra: object = None


def cache_fingerprint(job: DocumentPages) -> str:
    """What every document page depends on besides its document: the code, the templates, the registers,
    the settings and the extra function."""
    c = job.collection
    extra = f"{job.extra.__module__}.{job.extra.__qualname__}" if job.extra else None
    common = repr((code_fingerprint(), folder_digest(job.templates), job.registers_tei,
                   c.title, c.title_en, c.base_url, c.languages, c.publisher, extra))
    return hashlib.sha256(common.encode()).hexdigest()


class _PageCache:
    """Each document's rendering (its RenderedDocument and the files written), by everything it depends
    on (or no cache)."""

    def __init__(self, job: DocumentPages):
        self.folder = job.cache_dir
        if self.folder is not None:
            self.common = cache_fingerprint(job)

    def _path(self, doc: DocumentEdition, tei: bytes) -> Path | None:
        if self.folder is None:
            return None
        key = hashlib.sha256(self.common.encode() + repr(doc).encode() + tei).hexdigest()
        return self.folder / f"{key}.pickle"

    def load(self, doc: DocumentEdition, tei: bytes):
        path = self._path(doc, tei)
        if path is None or not path.exists():
            return None
        # Our own file, written below into the project's git-ignored cache folder.
        return pickle.loads(path.read_bytes())

    def store(self, doc: DocumentEdition, tei: bytes, entry) -> None:
        path = self._path(doc, tei)
        if path is not None:
            store_pickle(path, entry)


class _Renderer:
    """One per process: the templates, the registers and the cache, loaded once."""

    def __init__(self, job: DocumentPages):
        from .render import base_path, make_environment

        self.job = job
        self.env = make_environment(job.templates)
        self.registers = read_registers(job.registers_tei)
        self.cache = _PageCache(job)
        self.base_path = base_path(job.collection.base_url)

    def render(self, doc: DocumentEdition, source: bytes | Path) -> RenderedDocument:
        tei = source if isinstance(source, bytes) else Path(source).read_bytes()
        entry = self.cache.load(doc, tei)
        if entry is None:
            entry = self._render(doc, tei)
            self.cache.store(doc, tei, entry)
        rendered, files = entry
        for path, data in files.items():
            target = self.job.out_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return rendered

    def _render(self, doc: DocumentEdition, tei: bytes) -> tuple[RenderedDocument, dict[str, bytes]]:
        view, summary = read_document(doc, tei, self.job.collection.base_url, self.registers)
        path = urls.document_path(view.id)
        html = self.env.get_template("document.html").render({
            "collection": self.job.collection, "page": path, "root": urls.root_prefix(path),
            "canonical": urls.canonical(self.job.collection.base_url, path),
            "base_path": self.base_path, "doc": view,
        })
        extra, files = self.job.extra(view) if self.job.extra else (None, {})
        light = replace(view, divisions=[], notes=[], abstracts=(), toc=())
        return RenderedDocument(light, summary, extra), {path: html.encode("utf-8"), **files}


_RENDERER: _Renderer | None = None


def _init_worker(job: DocumentPages) -> None:
    global _RENDERER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _RENDERER = _Renderer(job)


def _render_in_worker(doc: DocumentEdition, tei: bytes | Path) -> RenderedDocument:
    assert _RENDERER is not None, "the pool's initializer sets the renderer"
    return _RENDERER.render(doc, tei)


def _size(tei: bytes | Path) -> int:
    return len(tei) if isinstance(tei, bytes) else Path(tei).stat().st_size


def render_documents(
    job: DocumentPages, documents: list[tuple[DocumentEdition, bytes | Path]], jobs: int = 1
) -> Iterator[RenderedDocument]:
    """Render and write every document's page (its TEI given as bytes or as the file that holds it); the
    results in the order of documents."""
    if jobs <= 1 or len(documents) <= 1:
        renderer = _Renderer(job)
        for doc, tei in documents:
            yield renderer.render(doc, tei)
        return
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(documents)), initializer=_init_worker,
                               initargs=(job,))
    try:
        # The longest documents first, so that no core is left with a long one at the end.
        by_size = sorted(range(len(documents)), key=lambda k: _size(documents[k][1]), reverse=True)
        futures = {k: pool.submit(_render_in_worker, *documents[k]) for k in by_size}
        for k in range(len(documents)):
            yield futures[k].result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
