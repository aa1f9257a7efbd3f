"""The search data of a rendered site (the build's staging folder), in two steps:

- ``document_search(view)``, run on each document while its page is rendered (in the worker, where the
  document's full view is at hand): its quotation file, and the little the index needs of it;
- ``index_site(site_dir, documents)``, once the document pages are written: the quotation manifest
  (``search/quotes/``, see quotes.py) and the Pagefind index in shards (``pagefind/``, see shards.py);
  ``start_index_site`` runs it in a thread while the build renders the other pages.

The search page itself (templates/search.html) is rendered with the rest of the site.
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..config.schema import SEARCH_SHARD_SIZE as SHARD_SIZE
from ..diagnostics import Diagnostic, Severity
from ..site import urls
from ..site.model import DocumentView
from .pagefind_index import abstract_records, anchor_texts
from .quotes import MANIFEST, document_quotes_file, write_manifest
from .shards import PagefindReport, ShardCache, carry_over, write_shards


@dataclass(frozen=True)
class DocumentSearch:
    """What the index needs of one document, once its quotation file is written."""

    document_id: str
    pages: dict[str, dict[str, str]]  # its pages' URLs (one per part), each with its anchor_texts
    quotes: dict  # its entry in the quotation manifest
    records: list[dict]  # its abstracts in another language than the page's


def document_search(view: DocumentView) -> tuple[DocumentSearch, dict[str, bytes]]:
    """What the index needs of a document, and its quotation file ({path in the site: bytes})."""
    path, data, quotes = document_quotes_file(view)
    search = DocumentSearch(view.id, anchor_texts(view), quotes, abstract_records(view))
    return search, {path: data}


@dataclass(frozen=True)
class PendingSearch:
    """The full-text index a build left to be written after its pages were published (index_site with
    previous); ``diplo-edition serve`` writes it beside the site and swaps it in whole."""

    documents: list[DocumentSearch]
    shard_size: int
    cache: ShardCache | None

    def write(self, site_dir: Path, output: Path) -> PagefindReport:
        """Write the index of the pages in site_dir into output, every bundle read back; Pagefind ended
        meanwhile (stop_indexing) raises."""
        return write_shards(site_dir, self.documents, self.shard_size, self.cache, output)


@dataclass
class SearchReport:
    pagefind: PagefindReport | None = None
    quote_bytes: dict[str, int] = field(default_factory=dict)  # file name -> bytes
    seconds: float = 0.0
    warnings: list[Diagnostic] = field(default_factory=list)
    pending: PendingSearch | None = None  # the full-text index is the previous site's, to be caught up


def index_site(site_dir: Path, documents: list[DocumentSearch], *, lang: str, pagefind: bool = True,
               shard_size: int = SHARD_SIZE, cache: ShardCache | None = None,
               previous: Path | None = None) -> SearchReport:
    """Write the search index of site_dir, where the site has just been rendered with document_search
    run on each document (documents: in the order the site lists them), in shards of about shard_size
    documents, each taken from the cache when its pages are unchanged (shards.py). With previous (a site
    built before), its full-text index is carried over, marked as behind, and the report's ``pending``
    writes the new one later (``diplo-edition serve``); without an index there, it is written now.

    A missing Pagefind binary is a warning (the quotation finder is written, and the search page says
    that full-text search is not available); anything else that fails is raised.
    """
    started = time.perf_counter()
    site_dir = Path(site_dir)
    report = SearchReport()
    report.quote_bytes = {d.quotes["file"]: d.quotes["bytes"] for d in documents}
    report.quote_bytes[MANIFEST] = write_manifest(site_dir, [d.quotes for d in documents], lang)
    if pagefind and previous is not None and carry_over(previous, site_dir):
        report.pending = PendingSearch(documents, shard_size, cache)
    elif pagefind:
        try:
            report.pagefind = write_shards(site_dir, documents, shard_size, cache)
        except (ImportError, FileNotFoundError) as exc:
            report.warnings.append(Diagnostic(
                urls.SEARCH, None, f"the full-text search index was not written ({exc}); install "
                "Pagefind with `pip install 'pagefind[bin]'` (the quotation finder works without it)",
                Severity.WARNING))
    report.seconds = time.perf_counter() - started
    return report


def start_index_site(site_dir: Path, documents: list[DocumentSearch], *, lang: str,
                     shard_size: int = SHARD_SIZE, cache: ShardCache | None = None,
                     previous: Path | None = None) -> Future[SearchReport]:
    """index_site in a thread of its own, so that the build renders the other pages meanwhile (the work
    is done by Pagefind's own process). The future raises what index_site raised."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-index")
    try:
        return pool.submit(index_site, site_dir, documents, lang=lang, shard_size=shard_size,
                           cache=cache, previous=previous)
    finally:
        pool.shutdown(wait=False)  # the thread ends when the index is written


__all__ = ["DocumentSearch", "PendingSearch", "SearchReport", "document_search", "index_site",
           "start_index_site"]
