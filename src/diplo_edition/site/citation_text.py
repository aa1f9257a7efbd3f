"""Text helpers for citing: a place's page range, a reference's core and its page locator, the key that
files a work, which fragment ids can be used as printed, and the short citation of a quotation found
(`quote`; the site's citations are csl.py's)."""

from __future__ import annotations

import re

from .model import Page
from .words import ADDRESS_ACCESSED, CITED_PAGES, SiteWords, collapse

SAFE_ANCHOR = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_LOCATOR = re.compile(
    r"[\s.,;:–—-]*(?:(?:[СсPpРр]|Л|л|Стр|стр|Pp|pp)\.\s*[\dIVXLCivxlc]+[\w\s.,–—-]*)$"
)
_LEAD = re.compile(r"^(?:См\.(?:\s+также)?:?|Цит\.\s+по:?|Подробнее\s+см\.:?)\s*", re.IGNORECASE)


def strip_locator(text: str) -> str:
    """A reference without its leading 'См.:' and its trailing page locator ('– С. 82.'), ending in '.'."""
    core = _LOCATOR.sub("", _LEAD.sub("", collapse(text))).strip(" ,;:–—-")
    if not core.strip("."):
        return collapse(text)
    return core if core.endswith((".", "?", "!", "»", ")")) else core + "."


def locator(text: str) -> str | None:
    """The trailing page locator of a reference, as printed: 'С. 82'."""
    match = _LOCATOR.search(collapse(text))
    return match.group(0).strip(" .,;:–—-") if match else None


def work_key(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold().replace("ё", "е")).strip()


def _cited_page(page: Page) -> str:
    """A page's number as a citation gives it: one the edition inferred in square brackets."""
    return f"[{page.n}]" if page.inferred else str(page.n)


def page_range(start: Page | None, end: Page | None) -> str | None:
    """'45', '45–46' or '[45]' from the printed or inferred numbers; None when the start page has no
    number."""
    if start is None or start.n is None:
        return None
    if end is None or end.n is None or end.n == start.n:
        return _cited_page(start)
    return f"{_cited_page(start)}–{_cited_page(end)}"


def citation(authors, title: str, pages: str | None, url: str, access_date: str, words: SiteWords) -> str:
    """'Authors. Title. С. 45–46. URL: https://…/#p12 (дата обращения: 01.02.2025)', in the words of an
    interface language ('P. 45–46. URL: … (accessed 01.02.2025)')."""
    parts = []
    if authors:
        names = ", ".join(authors)
        parts.append(names if names.endswith(".") else names + ".")
    parts.append(title if title.endswith((".", "?", "!")) else title + ".")
    if pages:
        parts.append(words.gettext(CITED_PAGES) % {"page": pages} + ".")
    parts.append(words.gettext(ADDRESS_ACCESSED) % {"url": url, "date": access_date})
    return " ".join(parts)
