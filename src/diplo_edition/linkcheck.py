"""Link integrity of a rendered site: every relative href/src exists, every #fragment names an id.

The same check as shared/tools/check-edition's, reported as diagnostics on the pages. The HTML is parsed
by lxml's HTML parser, which neither loads external entities nor reaches the network.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from .diagnostics import Diagnostic

_PARSER = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)


def _parse(path: Path):
    return etree.parse(str(path), _PARSER)


def _anchors(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        tree = _parse(path)
        cache[path] = set(tree.xpath("//@id")) | set(tree.xpath("//a/@name"))
    return cache[path]


def check_links(site: Path, base_path: str = "/", shown_as: str = "build") -> tuple[list[Diagnostic], int]:
    """(broken links as errors on the page that holds them, number of internal links checked).

    base_path is where the site is published on its server (the path of the collection's base_url):
    a link to /edition/x/ from a site published at /edition/ is a link to x/ in the site.
    """
    site = Path(site).resolve()
    base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    cache: dict[Path, set[str]] = {}
    problems: list[Diagnostic] = []
    total = 0
    for page in sorted(site.rglob("*.html")):
        tree = _parse(page)
        name = f"{shown_as}/{page.relative_to(site).as_posix()}"
        for attr in ("href", "src"):
            for element in tree.xpath(f"//*[@{attr}]"):
                url = element.get(attr).strip()
                parts = urlsplit(url)
                if parts.scheme or url.startswith("//") or not url:
                    continue
                total += 1
                line = element.sourceline
                if parts.path.startswith("/"):
                    if not (parts.path.startswith(base_path) or parts.path + "/" == base_path):
                        problems.append(Diagnostic(name, line, f"link '{url}' points outside the site, "
                                                               f"which is published at {base_path}"))
                        continue
                    target = site / unquote(parts.path[len(base_path):])
                elif parts.path:
                    target = page.parent / unquote(parts.path)
                else:
                    target = page
                if target.is_dir():
                    target = target / "index.html"
                if not target.resolve().is_relative_to(site) or not target.exists():
                    problems.append(Diagnostic(name, line, f"link '{url}' points to no file of the site; "
                                                           "fix the template or the text that makes it"))
                    continue
                fragment = unquote(parts.fragment)
                if fragment and target.suffix == ".html" and fragment not in _anchors(target, cache):
                    problems.append(Diagnostic(name, line, f"link '{url}' points to an anchor "
                                                           f"'#{fragment}' that the page does not have"))
    return problems, total
