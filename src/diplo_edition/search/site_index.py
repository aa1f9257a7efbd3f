"""The search data of a rendered site (the build's staging folder), in two steps:

- ``document_search(view)``, run on each document while its page is rendered (in the worker, where the
  document's full view is at hand): its quotation file, and the little the index needs of it;
- ``index_site(site_dir, documents)``, once the document pages are written: the quotation manifest
  (``search/quotes/``, see quotes.py) and the Pagefind index (``pagefind/``, see pagefind_index.py);
  ``start_index_site`` runs it in a thread while the build renders the other pages.

The search page itself (templates/search.html) is rendered with the rest of the site.
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, Severity
from ..site import urls
from ..site.model import DocumentView
from .pagefind_index import PagefindReport, abstract_records, anchor_texts, page_url, write_pagefind
from .quotes import MANIFEST, document_quotes_file, write_manifest


@dataclass(frozen=True)
class DocumentSearch:
    """What the index needs of one document, once its quotation file is written."""

    page_url: str
    quotes: dict  # its entry in the quotation manifest
    anchor_texts: dict[str, str]
    records: list[dict]  # its abstracts in another language than the page's


def document_search(view: DocumentView) -> tuple[DocumentSearch, dict[str, bytes]]:
    """What the index needs of a document, and its quotation file ({path in the site: bytes})."""
    path, data, quotes = document_quotes_file(view)
    return DocumentSearch(page_url(view), quotes, anchor_texts(view), abstract_records(view)), {path: data}


@dataclass
class SearchReport:
    pagefind: PagefindReport | None = None
    quote_bytes: dict[str, int] = field(default_factory=dict)  # file name -> bytes
    seconds: float = 0.0
    warnings: list[Diagnostic] = field(default_factory=list)


def index_site(site_dir: Path, documents: list[DocumentSearch], *, pagefind: bool = True) -> SearchReport:
    """Write the search index of site_dir, where the site has just been rendered with document_search
    run on each document (documents: in the order the site lists them).

    A missing Pagefind binary is a warning (the quotation finder is written, and the search page says
    that full-text search is not available); anything else that fails is raised.
    """
    started = time.perf_counter()
    site_dir = Path(site_dir)
    report = SearchReport()
    report.quote_bytes = {d.quotes["file"]: d.quotes["bytes"] for d in documents}
    report.quote_bytes[MANIFEST] = write_manifest(site_dir, [d.quotes for d in documents])
    if pagefind:
        try:
            report.pagefind = write_pagefind(site_dir, [r for d in documents for r in d.records],
                                             {d.page_url: d.anchor_texts for d in documents})
        except (ImportError, FileNotFoundError) as exc:
            report.warnings.append(Diagnostic(
                urls.SEARCH, None, f"the full-text search index was not written ({exc}); install "
                "Pagefind with `pip install 'pagefind[bin]'` (the quotation finder works without it)",
                Severity.WARNING))
    report.seconds = time.perf_counter() - started
    return report


def start_index_site(site_dir: Path, documents: list[DocumentSearch]) -> Future[SearchReport]:
    """index_site in a thread of its own, so that the build renders the other pages meanwhile (the work
    is done by Pagefind's own process). The future raises what index_site raised."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-index")
    try:
        return pool.submit(index_site, site_dir, documents)
    finally:
        pool.shutdown(wait=False)  # the thread ends when the index is written


__all__ = ["DocumentSearch", "SearchReport", "document_search", "index_site", "start_index_site"]
