"""Raw lines of a document's sources, and the copies (witnesses) of the text they came from."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")
# What pdftotext and Tesseract write at every page end: a line of its own in the flow, the page break.
FORM_FEED = "\f"


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
    def form_feed(self) -> bool:
        """The line that stands for a form feed: a printed page ends here."""
        return FORM_FEED in self.text

    @property
    def leading_space(self) -> bool:
        """A line that begins with white space: in OCR text often the first line of a page."""
        return not self.blank and self.text[:1].isspace()


@dataclass(frozen=True)
class Witness:
    """One copy of the text: the lines of a raw source it spans, and its sigil."""

    sigil: str
    source: str
    first_line: int
    last_line: int


def letters(text: str) -> str:
    """The letters and digits of a text, in their order."""
    return _NOT_LETTER_OR_DIGIT.sub("", text)


def count_letters(text: str) -> Counter:
    """Letters and digits of a text, by character: what the letter balance counts."""
    return Counter(letters(text))


def record_removed(removed: Counter, text: str, rule: str) -> None:
    """Count the letters and digits of text as taken out of the reading text by a recorded rule."""
    for char, count in count_letters(text).items():
        removed[(rule, char)] += count
