"""Whether the site's address is a real one: every canonical link, citation, download and the sitemap name
collection.yml's base_url, so an address reserved for examples left there is warned about (and with
--strict, refused) rather than published."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..diagnostics import Diagnostic, Severity
from ..editions import Collection

# RFC 2606: second-level names and top-level domains reserved for documentation and examples (.test and
# .localhost are for testing and for a local server, and stay allowed).
EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")
EXAMPLE_TOP_LEVEL = ("example", "invalid")


def is_example_address(url: str) -> bool:
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    return (host.rsplit(".", 1)[-1] in EXAMPLE_TOP_LEVEL
            or any(host == domain or host.endswith("." + domain) for domain in EXAMPLE_DOMAINS))


def _base_url_line(collection: Collection) -> int | None:
    try:
        lines = collection.file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    return next((n for n, line in enumerate(lines, start=1) if line.startswith("base_url:")), None)


def example_address_warning(collection: Collection) -> Diagnostic | None:
    """A warning when base_url is an example address, at its line in collection.yml."""
    if not is_example_address(collection.base_url):
        return None
    where = f"{collection.file.parent.name}/{collection.file.name}"
    return Diagnostic(where, _base_url_line(collection), (
        f"base_url '{collection.base_url}' is an address reserved for examples: every canonical link, "
        "citation and download of the site names it; set the address where the site is published"),
        Severity.WARNING)
