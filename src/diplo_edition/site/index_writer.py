"""Writing one interface language's index pages: each rendered by its template and written as the
template yields it, or, when its data is unchanged (index_data.py), linked from the previous output or
taken from the cache."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment

from ..cache import Cache
from . import urls
from .document_pages import DocumentPages, RenderedDocument, cache_fingerprint
from .environment import base_path
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


def write_pages(job: DocumentPages, env: Environment, every: tuple[Interface, ...],
                rendered: list[RenderedDocument], pages: list[IndexPage], documents: list[str],
                listed: list[str], written: dict[str, str]) -> list[str]:
    """Write one language's index pages (job.interface's, with its environment env; every: all the
    interface languages; rendered: the default language's documents; documents: the paths of its
    document pages); the addresses of its pages for the sitemap (the home page, the documents, then the
    indexes). Every page's path is added to listed, and the cache key of each made from one to written."""
    out_dir, collection, interface = job.out_dir, job.collection, job.interface
    page_store = _IndexPages(job, rendered)
    listed += [interface.path(path) for path in documents]
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
            written[interface.path(page.path)] = key
        listed.append(interface.path(page.path))
        if context["canonical"]:
            located.append(context["canonical"])
    documents_located = [urls.canonical(collection.base_url, interface.path(path)) for path in documents]
    return located[:1] + documents_located + located[1:]
