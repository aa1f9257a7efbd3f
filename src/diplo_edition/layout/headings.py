"""What a heading looks like: chapter and section titles, numbered sections, all-capital titles."""

from __future__ import annotations

import re

CHAPTER = re.compile(
    r"^(?:Глава|ГЛАВА|Раздел|РАЗДЕЛ|Часть|ЧАСТЬ|Chapter|CHAPTER|Part|PART)\s+(?P<num>\d+|[IVXLC]+)\b"
)
NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)\.\s*(?=[А-ЯЁA-Z«\"])")
MAX_HEADING_CHARS = 200
MAX_CAPS_CHARS = 60


def heading_level(text: str) -> int | None:
    """Level of a heading line (1 = chapter), or None if the line does not open a heading."""
    s = text.strip()
    if not s or len(s) > MAX_HEADING_CHARS:
        return None
    if CHAPTER.match(s):
        return 1
    numbered = NUMBERED.match(s)
    if numbered:
        return numbered["num"].count(".") + 1
    letters = [c for c in s if c.isalpha()]
    if len(letters) >= 4 and len(s) <= MAX_CAPS_CHARS and all(c.isupper() for c in letters):
        return 1
    return None


def heading_number(text: str) -> str | None:
    s = text.strip()
    for pattern in (CHAPTER, NUMBERED):
        m = pattern.match(s)
        if m:
            return m["num"]
    return None
