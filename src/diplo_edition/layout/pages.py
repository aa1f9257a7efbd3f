"""Printed pages: where each page starts in the flow, and its printed number.

Evidence of a page start, strongest first: the start of the file; the line after a page-bottom
footnote block; a printed page number that survives alone on its line; a line that begins with a space
in the middle of a sentence or that opens a heading. Weaker: a line that begins with a space at a sentence
start, and a run of blank lines. Weaker evidence is accepted only where it keeps page lengths regular (a
page at least ``MIN_PAGE_SHARE`` of the typical page); a rejected run of blank lines in mid-sentence,
halfway down the
page on most pages, is a column break.

Page numbers: a number printed at the foot of a page names that page, one at the head names the page it
opens; the other pages are counted from it. Without any printed number, the edition's first page number
is counted on; without that, pages have no number.

Form feeds, where the source has them, settle the pages: a page starts after each, and each page takes the
number printed on it (``furniture.py`` finds the running heads and numbers at the page edges, in sequence);
the pages without one are counted from the nearest printed number, never from ``first_page`` past it.
"""

from __future__ import annotations

import statistics

from ..model.layout import FootnoteBlock, PageFurniture, PageLayout, PageStart, PrintedNumber
from ..model.lines import Line
from .evidence import blank_run, is_page_number_line, next_content
from .headings import heading_level
from .lines import ends_sentence, ends_with_hyphen, starts_lowercase

# Structural evidence (tier 1) is always accepted; weaker evidence must leave pages of at least this share
# of the typical page on both sides: a short first or last page of a chapter is common, a page of a few
# lines is not.
MIN_PAGE_SHARE = {2: 0.35, 3: 0.6}
MIN_PAGE_LINES = 10
COLUMN_ZONE = (0.3, 0.7)
COLUMN_PAGE_SHARE = 0.6


def _previous_body(lines: list[Line], i: int, skip: set[int]) -> Line | None:
    j = i - 1
    while j >= 0 and (lines[j].blank or j in skip):
        j -= 1
    return lines[j] if j >= 0 else None


def _mid_sentence(lines: list[Line], i: int, skip: set[int]) -> bool:
    prev = _previous_body(lines, i, skip)
    if prev is None:
        return False
    return starts_lowercase(lines[i].text) or ends_with_hyphen(prev.text) or not ends_sentence(prev.text)


def _printed_numbers(lines: list[Line], in_blocks: set[int]) -> list[PrintedNumber]:
    out = []
    for i in range(len(lines)):
        if i in in_blocks or not is_page_number_line(lines, i):
            continue
        before = 0
        while i - before - 1 >= 0 and lines[i - before - 1].blank:
            before += 1
        after = blank_run(lines, i + 1)
        # The number sits nearer to the page it belongs to.
        place = "bottom" if before <= after else "top"
        out.append(PrintedNumber(i, int(lines[i].stripped), place))
    return out


def _candidates(lines, blocks, numbers, skip) -> dict[int, tuple[int, str]]:
    """Page-start candidates: content line index -> (tier, evidence); tier 1 is the strongest."""
    found: dict[int, tuple[int, str]] = {}

    def add(i: int, tier: int, evidence: str) -> None:
        i = next_content(lines, i)
        while i < len(lines) and i in skip:
            i = next_content(lines, i + 1)
        if i >= len(lines):
            return
        if i not in found or tier < found[i][0]:
            found[i] = (tier, evidence)

    add(0, 1, "start")
    for block in blocks:
        if block.place == "foot":  # an endnote section ends with its chapter, not with a page
            add(block.end, 1, "footnotes")
    for number in numbers:
        add(number.line + 1, 1, "page-number")
    for i, line in enumerate(lines):
        if i in skip:
            continue
        if line.leading_space:
            strong = _mid_sentence(lines, i, skip) or heading_level(line.text) is not None
            add(i, 2 if strong else 3, "indent")
        elif line.blank and (i == 0 or not lines[i - 1].blank) and blank_run(lines, i) >= 2:
            add(i, 3, "blank-run")
    return found


def _typical_page(starts: list[int]) -> float | None:
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    return statistics.median(gaps) if len(gaps) >= 2 else None


def _accept(found: dict[int, tuple[int, str]]) -> list[int]:
    """Accepted page starts: all of tier 1, then weaker tiers where they keep pages regular."""
    accepted = sorted(i for i, (tier, _) in found.items() if tier == 1)
    typical = _typical_page(accepted) if len(accepted) >= 4 else None
    if typical is None:
        typical = _typical_page(sorted(i for i, (tier, _) in found.items() if tier <= 2))
    for tier in (2, 3):
        min_gap = MIN_PAGE_SHARE[tier] * typical if typical else MIN_PAGE_LINES
        for i in sorted(i for i, (t, _) in found.items() if t == tier):
            if all(abs(i - a) >= min_gap for a in accepted):
                accepted.append(i)
                accepted.sort()
    return accepted


def _column_breaks(lines, starts, skip) -> list[int]:
    """Mid-sentence gaps halfway down the page, if most pages have exactly one: a two-column print."""
    if not starts:  # no page start found (a text of a line or two)
        return []
    per_page = []
    bounds = list(zip(starts, [*starts[1:], len(lines)], strict=True))
    for start, end in bounds:
        gaps = []
        for i in range(start + 1, end):
            if i in skip or lines[i].blank or not lines[i - 1].blank:
                continue
            between = range(_previous_index(lines, i, skip), i)
            if any(j in skip for j in between):
                continue
            if not _mid_sentence(lines, i, skip):
                continue
            share = (i - start) / max(end - start, 1)
            if COLUMN_ZONE[0] <= share <= COLUMN_ZONE[1]:
                gaps.append(i)
        per_page.append(gaps)
    sized = [
        gaps for (start, end), gaps in zip(bounds, per_page, strict=True) if end - start >= 2 * MIN_PAGE_LINES
    ]
    single = [gaps for gaps in sized if len(gaps) == 1]
    if len(sized) >= 2 and len(single) >= COLUMN_PAGE_SHARE * len(sized):
        return [gaps[0] for gaps in per_page if len(gaps) == 1]
    return []


def _previous_index(lines: list[Line], i: int, skip: set[int]) -> int:
    j = i - 1
    while j >= 0 and lines[j].blank:
        j -= 1
    return max(j, 0)


def _number_pages(starts: list[int], numbers: list[PrintedNumber], first_page: int | None):
    """Printed number of every page, whether it was inferred, and any disagreement between anchors."""
    anchors: list[tuple[int, int]] = []  # (page index, printed number)
    if not starts:  # no page start found (a text of a line or two): nothing to number
        return [], []
    for number in numbers:
        if number.place == "bottom":  # a number above the first start belongs to the first page
            page = max((k for k, s in enumerate(starts) if s <= number.line), default=0)
        else:
            later = [k for k, s in enumerate(starts) if s > number.line]
            page = later[0] if later else len(starts) - 1
        anchors.append((page, number.value))
    conflicts = []
    offsets = {value - page for page, value in anchors}
    if len(offsets) > 1:
        conflicts.append(
            "printed page numbers disagree with the page count: "
            + ", ".join(f"page {page + 1} printed {value}" for page, value in anchors)
        )
    result = []
    for k in range(len(starts)):
        printed = {value for page, value in anchors if page == k}
        if printed:
            result.append((min(printed), False))
        elif anchors:
            page, value = min(anchors, key=lambda a: abs(a[0] - k))
            counted = value + k - page
            result.append((counted if counted >= 1 else None, True))  # before a printed page 1: unknown
        elif first_page is not None:
            result.append((first_page + k, True))
        else:
            result.append((None, True))
    conflicts += _first_page_conflict(first_page, anchors[0][1] - anchors[0][0] if anchors else None)
    return result, conflicts


def _first_page_conflict(first_page: int | None, counted_first: int | None) -> list[str]:
    if first_page is None or counted_first is None or counted_first == first_page:
        return []
    return [f"edition says the first page is {first_page}, printed numbers give {counted_first}"]


def _form_feed_pages(lines, furniture: PageFurniture, skip: set[int], in_blocks: set[int],
                     first_page: int | None):
    """A page after each form feed; its printed number, or one counted from the nearest printed one. Without
    any printed number the form feeds still count the pages: from ``first_page``, else from 1 (furniture.py
    warns that no number could be read)."""
    bounds = [-1, *furniture.form_feeds, len(lines)]
    printed = {k: n for k, n in enumerate(furniture.page_numbers) if n is not None}
    breaks = []
    for k, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False)):
        start = next((i for i in range(a + 1, b) if not lines[i].blank and i not in skip), None)
        if start is None:  # a page of notes only starts at its first note line
            start = next((i for i in range(a + 1, b) if i in in_blocks and not lines[i].blank), None)
        if start is None:  # a blank page, or one of furniture only
            continue
        if printed:
            near = min(printed, key=lambda j: (abs(j - k), j))
            n, inferred = printed[near] + k - near, near != k
        else:
            n, inferred = (first_page if first_page is not None else 1) + k, True
        n = n if n is None or n >= 1 else None  # before a printed page 1: unknown
        breaks.append(PageStart(start, n, inferred, "form-feed" if k else "start"))
    counted_first = min(printed.items())[1] - min(printed) if printed else None
    return breaks, _first_page_conflict(first_page, counted_first)


def find_pages(
    lines: list[Line], blocks: list[FootnoteBlock], first_page: int | None = None,
    furniture: PageFurniture | None = None,
) -> PageLayout:
    furniture = furniture or PageFurniture()
    in_blocks = {i for block in blocks for i in range(block.start, block.end)}
    # The notes were read without the furniture (a head stands in an endnote section across pages).
    items, numbers = furniture.items, furniture.numbers
    furniture_lines = {item.line for item in items}
    if furniture.form_feeds:
        skip = in_blocks | furniture_lines
        breaks, conflicts = _form_feed_pages(lines, furniture, skip, in_blocks, first_page)
        columns = _column_breaks(lines, [b.line for b in breaks], skip)
        return PageLayout(breaks, numbers, columns, conflicts, items)
    # A page number among the notes is no note's text (the notes did not take it): it is printed.
    note_lines = {j for block in blocks for note in block.notes for j in note.lines}
    numbers = sorted(numbers + _printed_numbers(lines, note_lines | furniture_lines), key=lambda n: n.line)
    skip = in_blocks | {n.line for n in numbers} | furniture_lines
    found = _candidates(lines, blocks, numbers, skip)
    starts = _accept(found)
    if not starts and numbers:  # nothing but page numbers (and notes): no page for them, so they are text
        numbers, items, skip = [], [], in_blocks
        found = _candidates(lines, blocks, numbers, skip)
        starts = _accept(found)
    columns = _column_breaks(lines, starts, skip)
    numbered, conflicts = _number_pages(starts, numbers, first_page)
    breaks = [
        PageStart(start, n, inferred, found[start][1])
        for start, (n, inferred) in zip(starts, numbered, strict=True)
    ]
    return PageLayout(breaks, numbers, columns, conflicts, items)
