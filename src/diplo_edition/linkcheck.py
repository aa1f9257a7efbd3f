"""Link integrity of a rendered site: every relative href/src exists, every #fragment names an id.

The same check as shared/tools/check-edition's, reported as diagnostics on the pages. The HTML is parsed
by lxml's HTML parser, which neither loads external entities nor reaches the network.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from .diagnostics import Diagnostic

_PARSER = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)


def _parse(path: Path):
    return etree.parse(str(path), _PARSER)


# Plain strings: lxml's "smart" ones each keep the whole tree of their page alive.
_ANCHORS = etree.XPath("//@id | //a/@name", smart_strings=False)


def _anchors(path: Path) -> set[str]:
    return set(_ANCHORS(_parse(path)))


def check_links(site: Path, base_path: str = "/", shown_as: str = "build") -> tuple[list[Diagnostic], int]:
    """(broken links as errors on the page that holds them, number of internal links checked).

    base_path is where the site is published on its server (the path of the collection's base_url):
    a link to /edition/x/ from a site published at /edition/ is a link to x/ in the site.
    """
    site = Path(site).resolve()
    base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    # The anchors wanted of each page, checked once every link is read: one page's ids are held at a time
    # (a document page has thousands; all of a large edition's at once took more memory than a machine).
    wanted: dict[Path, list[tuple[str, str, int | None, str]]] = defaultdict(list)
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
                target = target.resolve()
                if not target.is_relative_to(site) or not target.exists():
                    problems.append(Diagnostic(name, line, f"link '{url}' points to no file of the site; "
                                                           "fix the template or the text that makes it"))
                    continue
                fragment = unquote(parts.fragment)
                if fragment and target.suffix == ".html":
                    wanted[target].append((fragment, name, line, url))
    for target, links in wanted.items():
        anchors = _anchors(target)
        problems += [Diagnostic(name, line, f"link '{url}' points to an anchor '#{fragment}' that the page "
                                            "does not have")
                     for fragment, name, line, url in links if fragment not in anchors]
    return sorted(problems, key=lambda d: (d.file, d.line or 0)), total
