"""What a heading looks like: chapter and section titles, numbered sections, all-capital titles.

The chapter words (Глава, Chapter, Chapitre, Kapitel …) and the titles of front and back matter
(Введение, Conclusion …) come from the language packs; a title set in capitals is told by its letters
alone, in any language.
"""

from __future__ import annotations

import re

from ..languages import alternation, packs
from .lines import ends_with_hyphen, starts_lowercase

_CHAPTER_WORDS = [w for p in packs() for word in p.chapter_words for w in (word, word.upper())]
# OCR may read a speck after the chapter word as a comma or a full stop ("Глава, 1.").
CHAPTER = re.compile(rf"^{alternation(_CHAPTER_WORDS)}[,.]?\s+(?P<num>\d+|[IVXLC]+)\b")
_SECTION_TITLES = [t for p in packs() for title in p.section_titles for t in (title, title.upper())]
SECTION_TITLE = re.compile(rf"^{alternation(_SECTION_TITLES)}\.?$")
_TITLE_START = r"(?=[А-ЯЁA-ZÀ-ÖØ-Þ«\"])"  # a capital (Cyrillic, Latin with its accented capitals) or a quote
# A section number and a title: "2. Title", "1.3. Title", "1.3 Title" (several levels need no final dot),
# "1     Title" (as `pdftotext -layout` sets a number and its title apart).
NUMBERED = re.compile(
    r"^(?:(?P<num>\d{1,2}(?:\.\d{1,2})*)\.\s*"
    r"|(?P<levels>\d{1,2}(?:\.\d{1,2})+)\s+"
    rf"|(?P<apart>\d{{1,2}})\s{{2,}}){_TITLE_START}"
)
# A section number alone on its line, its title on the next (as `pdftotext` writes "1." and the title set
# apart): with a dot, so that a page number is not taken for one.
BARE_NUMBER = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)\.$|^(?P<levels>\d{1,2}(?:\.\d{1,2})+)$")
MAX_HEADING_CHARS = 200
# A heading runs over this many lines at most.
MAX_HEADING_LINES = 3
MAX_CAPS_CHARS = 60


def section_number(text: str) -> str | None:
    """The number of a numbered section heading ("1.3"), or None."""
    m = NUMBERED.match(text.strip())
    return (m["num"] or m["levels"] or m["apart"]) if m else None


def bare_number_level(text: str) -> int | None:
    """Level of a section number standing alone on its line ("2.", "1.3"), or None."""
    m = BARE_NUMBER.match(text.strip())
    return (m["num"] or m["levels"]).count(".") + 1 if m else None


def all_capitals(text: str) -> bool:
    s = text.strip()
    if len(s) > MAX_CAPS_CHARS or not s.isupper():  # the quick refusal of almost every line
        return False
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def heading_level(text: str) -> int | None:
    """Level of a heading line (1 = chapter), or None if the line does not open a heading."""
    s = text.strip()
    if not s or len(s) > MAX_HEADING_CHARS:
        return None
    if CHAPTER.match(s) or SECTION_TITLE.match(s):
        return 1
    number = section_number(s)
    if number:
        return number.count(".") + 1
    if all_capitals(s):
        return 1
    return None


def runs_on(heading: str, fragment: str) -> bool:
    """Does a heading line that has not ended run on into the fragment that follows it: "2. Переговоры и
    их" / "участники", "4. Итоги и послед-" / "ствия" (or "СТВИЯ", as OCR may read small letters)?"""
    first, rest = heading.strip(), fragment.strip()
    if first[-1:] in ".,;:!?" or rest[-1:] in ".,;:!?":
        return False
    return starts_lowercase(rest) or ends_with_hyphen(first)
