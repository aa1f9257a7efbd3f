"""The line model shared by the layout passes, and the small text tests they all use."""

from __future__ import annotations

import re
from dataclasses import dataclass

# What can close a sentence at a line end (quotes and brackets may follow the stop).
SENTENCE_END = re.compile(r"[.!?…:;][»\"”’)\]]*$|[»\"”]$")
# Hyphens that break a word at a line end; en dash is used as a hyphen by some sources.
LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])[-‐‑–]$|(?<=\d)[-‐‑–]$")


@dataclass(frozen=True)
class Line:
    """One line of the text flow of a document.

    ``witness`` is None when every copy of the text has the line, or the sigil of the only copy
    that has it (a printed page number that survived in one extraction only).
    """

    text: str
    source: str
    number: int
    witness: str | None = None

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def leading_space(self) -> bool:
        """A line that begins with white space: in these OCR files often the first line of a page."""
        return not self.blank and self.text[:1].isspace()


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text.rstrip()))


def starts_block(text: str) -> bool:
    """Does the text start like a new sentence or list item (capital, digit, dash, quote, bullet)?"""
    s = text.lstrip()
    if not s:
        return False
    first = s[0]
    if first.isupper() or first.isdigit() or first in '–—-•«"„“(':
        return True
    return bool(re.match(r"^[а-яa-z]\)", s))


LIST_ITEM = re.compile(r"^\s*(?:[а-яa-z]|\d{1,2})\)\s|^\s*[–—•-]\s")


def starts_list_item(text: str) -> bool:
    """Does the line open an item of a list: "а) …", "1) …", "– …"?"""
    return bool(LIST_ITEM.match(text))


def starts_lowercase(text: str) -> bool:
    s = text.lstrip()
    return bool(s) and s[0].islower()


def ends_with_hyphen(text: str) -> bool:
    return bool(LINE_END_HYPHEN.search(text.rstrip()))
