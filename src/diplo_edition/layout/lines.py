"""The small text tests of a line that the layout passes all use, and their warning about raw lines."""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic, Severity
from ..model.lines import Line

# What can close a sentence at a line end (quotes and brackets may follow the stop, and a note marker:
# "Востоке.3", "Москвы.*", as `pdftotext` writes a superscript).
SENTENCE_END = re.compile(r"(?:[.!?…:;][»\"”’)\]]*|[»\"”])(?:\d{1,3}|\*{1,3}|†)?$")
# Hyphens that break a word at a line end; en dash is used as a hyphen by some sources, and OCR reads
# many hyphens as em dashes (négo—⏎ciations): after a letter, one is a candidate too.
LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])[-‐‑–—]$|(?<=\d)[-‐‑–]$")


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


# A line that separates sections: asterisks ("* * *", "***", "⁂"), a rule of underscores, or of three or
# more dashes; in OCR, an asterisk followed by a few specks that stand for the others ("* OK OK").
SEPARATOR = re.compile(r"^\s*(?:(?:\*\s*){1,5}|⁂|_+|[—–-]{3,}|\*\S?(?:\s+\S{1,2}){1,4})\s*$")


def is_separator(text: str) -> bool:
    return bool(SEPARATOR.match(text))


def indent(text: str) -> int:
    """Leading white space of a line, in characters (a tab as one)."""
    return len(text) - len(text.lstrip())


def warning_at_first(lines: list[Line], numbers: list[int], message: str) -> Diagnostic:
    """One warning about some raw lines (numbers, in order), at the first of them."""
    first = next((line for line in lines if line.number == numbers[0]), lines[0])
    return Diagnostic(first.source, first.number, message, Severity.WARNING)
