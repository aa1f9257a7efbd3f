"""What every cross-document index is made of: sections under a heading, the order of places, and the
split of a long list into pages."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Locus

PAGE_SIZE = 200  # an index list (an entry's mentions, the chronology) longer than this is split into pages


@dataclass(frozen=True)
class Section:
    """A part of an index page: its heading (a letter, a year, a volume), its anchor and what it lists."""

    heading: str
    anchor: str
    items: tuple


@dataclass(frozen=True)
class Part:
    """One page of a list split into pages: where it is, its number (from 1), what it holds."""

    path: str
    number: int
    items: tuple
    first: int  # the number of its first item in the whole list (from 1)


def split_into_pages(folder: str, items: tuple, size: int = PAGE_SIZE) -> tuple[Part, ...]:
    """items in pages of size: folder/index.html, folder/2/index.html, … (folder ends with '/')."""
    chunks = [items[k : k + size] for k in range(0, len(items), size)] or [()]
    return tuple(Part(folder + ("" if n == 1 else f"{n}/") + "index.html", n, chunk, (n - 1) * size + 1)
                 for n, chunk in enumerate(chunks, 1))


def locus_key(locus: Locus, doc_order: dict[str, int]) -> tuple:
    """Places in the site's order of documents (by date), then in reading order."""
    return (doc_order.get(locus.doc_id, 0), locus.doc_id, locus.order)
