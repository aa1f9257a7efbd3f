"""The small text tests of a line that the layout passes all use."""

from __future__ import annotations

import re

# What can close a sentence at a line end (quotes and brackets may follow the stop).
SENTENCE_END = re.compile(r"[.!?…:;][»\"”’)\]]*$|[»\"”]$")
# Hyphens that break a word at a line end; en dash is used as a hyphen by some sources.
LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])[-‐‑–]$|(?<=\d)[-‐‑–]$")


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
