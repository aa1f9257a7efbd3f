"""``index_site``: the search data written into a rendered site (the build's staging folder).

1. the offline quotation index (``search/quotes/``, see quotes.py);
2. the Pagefind index (``pagefind/``, see pagefind_index.py).

The search page itself (templates/search.html) is rendered with the rest of the site.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, Severity
from ..site import urls
from ..site.model import DocumentView
from .pagefind_index import PagefindReport, write_pagefind
from .quotes import write_quotes


@dataclass
class SearchReport:
    pagefind: PagefindReport | None = None
    quote_bytes: dict[str, int] = field(default_factory=dict)  # file name -> bytes
    seconds: float = 0.0
    warnings: list[Diagnostic] = field(default_factory=list)

    @property
    def quote_total(self) -> int:
        return sum(self.quote_bytes.values())

    def summary(self) -> str:
        parts = []
        if self.pagefind is not None:
            p = self.pagefind
            langs = ", ".join(f"{lang} {n}" for lang, n in sorted(p.languages.items()))
            parts.append(f"search index {p.bytes:,} bytes in {p.files} files ({langs})")
        parts.append(f"quotation index {self.quote_total:,} bytes in {len(self.quote_bytes)} files")
        return "; ".join(parts) + f", {self.seconds:.2f} s"


def index_site(site_dir: Path, views: list[DocumentView], *, pagefind: bool = True) -> SearchReport:
    """Write the search data into site_dir, where the site has just been rendered from these views.

    A missing Pagefind binary is a warning (the quotation finder is written, and the search page says
    that full-text search is not available); anything else that fails is raised.
    """
    started = time.perf_counter()
    site_dir = Path(site_dir)
    report = SearchReport()
    report.quote_bytes = write_quotes(site_dir, views)
    if pagefind:
        try:
            report.pagefind = write_pagefind(site_dir, views)
        except (ImportError, FileNotFoundError) as exc:
            report.warnings.append(Diagnostic(
                urls.SEARCH, None, f"the full-text search index was not written ({exc}); install "
                "Pagefind with `pip install 'pagefind[bin]'` (the quotation finder works without it)",
                Severity.WARNING))
    report.seconds = time.perf_counter() - started
    return report


__all__ = ["SearchReport", "index_site"]
