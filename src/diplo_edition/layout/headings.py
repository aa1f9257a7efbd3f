"""What a heading looks like: chapter and section titles, numbered sections, all-capital titles.

The chapter words (Глава, Chapter, Chapitre, Kapitel …) come from the language packs; a title set in
capitals is told by its letters alone, in any language.
"""

from __future__ import annotations

import re

from ..languages import alternation, packs

_CHAPTER_WORDS = [w for p in packs() for word in p.chapter_words for w in (word, word.upper())]
CHAPTER = re.compile(rf"^{alternation(_CHAPTER_WORDS)}\s+(?P<num>\d+|[IVXLC]+)\b")
# a number and a title that starts with a capital (Cyrillic, Latin with its accented capitals) or a quote
NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)\.\s*(?=[А-ЯЁA-ZÀ-ÖØ-Þ«\"])")
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
