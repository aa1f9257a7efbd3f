"""Page-bottom footnotes: the blocks, the notes in them, and the markers in the running text.

A footnote block starts with a line that begins with the next footnote number expected in sequence, and
whose marker (the same number, glued to a word, quote or stop, or standing between spaces) appears in the
running text since the previous block. The block runs to the next page start (a line that begins with a
space, a surviving page number, or a run of blank lines); lines beginning with the following numbers
open the following notes, other lines continue the current note, single blank lines are allowed.
"""

from __future__ import annotations

import re

from ..model.layout import Footnote, FootnoteBlock, Marker
from ..model.lines import Line
from .evidence import blank_run, breaks_here, is_page_number_line

# The note number, then white space or (when the OCR lost the space) a capital letter.
LABEL = re.compile(r"^(?P<n>\d{1,4})(?P<sep>[ \t\u00a0]+|(?=[А-ЯЁA-Z«\"]))(?=\S)")
# A block longer than this is not footnotes but body text that happens to start with a number.
MAX_BLOCK_LINES = 40
# Words after a number that make it a quantity or a date, not a footnote marker.
QUANTITY_WORDS = re.compile(
    r"^(?:г\.|гг\.|год|лет|года|век|в\.|вв\.|%|чел|тыс|млн|млрд|руб|км|верст|пункт|стат|ст\.|ч\.|марта|"
    r"января|февраля|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"years?|per|percent)",
    re.IGNORECASE,
)
# Abbreviations after which a number is a locator (page, volume, number), not a marker.
LOCATOR_BEFORE = re.compile(r"(?:№|\b[ТтСсПпЧчЛлДдФф]\.|\bст\.|\bгл\.|\bp\.|\bNo\.)\s*$")


def _marker_candidates(text: str, n: int) -> list[tuple[int, int, bool]]:
    """Spans (start, end, glued) where the number n could be a footnote marker in a line of running text."""
    out = []
    digits = str(n)
    for m in re.finditer(rf"(?<!\d){digits}(?!\d)", text):
        start, end = m.start(), m.end()
        before = text[:start]
        after = text[end:]
        prev = before[-1:] if before else ""
        if after[:1].isupper():
            out.append((start, end, True))  # "Д.231Прибытие": the OCR lost the space after the marker
            continue
        if after[:1].isalpha() or re.match(r"^[.,]\d|^[-‐‑–]", after):
            continue  # 20-х, 13.02, 1920е: part of a word or a number
        if prev and (prev.isalpha() or prev in '»"”’).,;:!?]'):
            out.append((start, end, True))
            continue
        if prev == "" or prev.isspace():
            if LOCATOR_BEFORE.search(before) or re.search(r"\d\s*$", before):
                continue
            if QUANTITY_WORDS.match(after.lstrip()):
                continue
            # Take the space before the marker with it; a space before following punctuation too.
            cut_start = len(before.rstrip())
            tail = re.match(r"^\s+(?=[,.;:)!?])", after)
            cut_end = end + (tail.end() if tail else 0)
            out.append((cut_start, cut_end, False))
    return out


def _find_marker(lines: list[Line], region: range, n: int, after: tuple[int, int]) -> Marker | None:
    """First marker of n in the region after position ``after``; glued markers win over spaced ones."""
    spaced = None
    for i in region:
        line = lines[i]
        if line.blank or is_page_number_line(lines, i):
            continue
        for start, end, glued in _marker_candidates(line.text, n):
            if (i, start) < after:
                continue
            if glued:
                return Marker(i, start, end, True)
            if spaced is None:
                spaced = Marker(i, start, end, False)
    return spaced


def _block_extent(lines: list[Line], start: int) -> int:
    """End (exclusive) of a footnote block starting at ``start``, or -1 if no page start follows soon."""
    i = start + 1
    while i < len(lines):
        if lines[i].blank:
            run = blank_run(lines, i)
            following = i + run
            if following < len(lines) and LABEL.match(lines[following].text) and run < 3:
                i = following
                continue
            if run >= 2 or following >= len(lines) or breaks_here(lines, following):
                return i
            i = following
            continue
        if breaks_here(lines, i):
            return i
        if i - start > MAX_BLOCK_LINES:
            return -1
        i += 1
    return i


def find_footnotes(lines: list[Line]) -> list[FootnoteBlock]:
    blocks: list[FootnoteBlock] = []
    expected = 1
    region_start = 0
    last_marker = (0, 0)
    i = 0
    while i < len(lines):
        m = LABEL.match(lines[i].text)
        if not m or int(m["n"]) != expected or lines[i].leading_space:
            i += 1
            continue
        marker = _find_marker(lines, range(region_start, i), expected, last_marker)
        end = _block_extent(lines, i)
        if marker is None and "\t" not in m["sep"] or end < 0:
            i += 1
            continue
        notes: list[Footnote] = []
        for j in range(i, end):
            label = LABEL.match(lines[j].text)
            if label and int(label["n"]) == expected:
                mark = (
                    marker
                    if not notes
                    else _find_marker(lines, range(region_start, i), expected, last_marker)
                )
                if mark is not None:
                    last_marker = (mark.line, mark.end)
                notes.append(Footnote(expected, j, [j], mark))
                expected += 1
            elif not lines[j].blank:
                notes[-1].lines.append(j)
        blocks.append(FootnoteBlock(i, end, notes))
        region_start = end
        last_marker = (end, 0)
        i = end
    return blocks
