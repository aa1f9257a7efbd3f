"""The site's interface languages and where each one's pages live.

The first interface language (``interface_languages`` in collection.yml, else the collection's first
language) keeps the site's addresses; every other one has the same pages under ``<code>/`` (``en/about/``),
so that each page has a twin in every language at a path it can compute. The document text, the TEI,
the downloads, the static files and the search index exist once, at the site's root.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..editions import Collection
from ..languages import interface_language
from . import urls


@dataclass(frozen=True)
class Interface:
    lang: str
    prefix: str  # "" for the default language, "en/" for another

    @property
    def default(self) -> bool:
        return not self.prefix

    def path(self, page: str) -> str:
        """Where this language's version of a page is written: 'en/about/index.html'."""
        return self.prefix + page


@dataclass(frozen=True)
class Twin:
    """A page's version in one interface language, as a link from the page."""

    lang: str
    href: str  # relative to the page
    url: str  # absolute, under base_url
    current: bool


def interfaces(collection: Collection) -> tuple[Interface, ...]:
    """The interface languages, the default first."""
    codes = collection.interface_languages or (interface_language(collection.languages),)
    return tuple(Interface(code, "" if k == 0 else f"{code}/") for k, code in enumerate(codes))


def twins(collection: Collection, page: str, current: Interface, every: tuple[Interface, ...]
          ) -> tuple[Twin, ...]:
    """The versions of a page (its path in the default language) in every interface language (every,
    as ``interfaces`` gives them); none when the site has one."""
    if len(every) < 2:
        return ()
    to_root = urls.root_prefix(current.path(page))
    return tuple(
        Twin(other.lang, urls.href(to_root + other.path(page)),
             urls.canonical(collection.base_url, other.path(page)), other == current)
        for other in every
    )


def page_context(collection: Collection, page: str, interface: Interface, every: tuple[Interface, ...]
                 ) -> dict:
    """What every template is given about where its page is: ``page``, its path in any language (as the
    pages link to each other), ``root`` to the root of the page's language (its links to other pages),
    ``assets`` to the site's root (static files, TEI, downloads, the search index), and the page's twins
    in the other languages (every: the interface languages)."""
    return {
        "page": page,
        "root": urls.root_prefix(page),
        "assets": urls.root_prefix(interface.path(page)),
        "twins": twins(collection, page, interface, every),
    }
