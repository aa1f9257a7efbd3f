"""Search for the site: the Pagefind index (Russian and English), the offline quotation finder, and the
``diplo-edition quote`` command.

- ``document_search(view)``: run on every document as its page is rendered (it makes the document's
  quotation file), and ``index_site(site_dir, documents) -> SearchReport``: called by the
  build once the HTML is rendered into the staging folder;
- ``add_quote_command(subparsers)`` and ``run_quote(args) -> int``: the ``quote`` command of the CLI;

Imports are lazy, so that ``diplo-edition --help`` does not load lxml or Pagefind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pagefind_index import stop_indexing
    from .quote_command import add_quote_command, run_quote
    from .shards import ShardCache
    from .site_index import DocumentSearch, SearchReport, document_search, index_site, start_index_site

__all__ = [
    "DocumentSearch", "SearchReport", "ShardCache", "add_quote_command", "document_search", "index_site",
    "run_quote", "start_index_site", "stop_indexing",
]


def __getattr__(name: str):
    if name == "stop_indexing":
        from . import pagefind_index

        return pagefind_index.stop_indexing
    if name == "ShardCache":
        from . import shards

        return shards.ShardCache
    if name in ("DocumentSearch", "SearchReport", "document_search", "index_site", "start_index_site"):
        from . import site_index

        return getattr(site_index, name)
    if name in ("add_quote_command", "run_quote"):
        from . import quote_command

        return getattr(quote_command, name)
    raise AttributeError(name)
