"""Local evidence of a page or column break at a line of the flow."""

from __future__ import annotations

import re

from ..model.lines import Line

PAGE_NUMBER = re.compile(r"^[1-9]\d{0,3}$")  # no page is numbered 0 or 007


def is_page_number_line(lines: list[Line], i: int) -> bool:
    """A number alone on its line with a blank line on at least one side: a surviving printed page number."""
    if not PAGE_NUMBER.match(lines[i].stripped):
        return False
    before = i == 0 or lines[i - 1].blank
    after = i + 1 >= len(lines) or lines[i + 1].blank
    return before or after


def blank_run(lines: list[Line], i: int) -> int:
    """Number of consecutive blank lines starting at i."""
    j = i
    while j < len(lines) and lines[j].blank:
        j += 1
    return j - i


def next_content(lines: list[Line], i: int) -> int:
    """Index of the first non-blank line at or after i (len(lines) if none)."""
    while i < len(lines) and lines[i].blank:
        i += 1
    return i


def breaks_here(lines: list[Line], i: int) -> bool:
    """Does line i begin a new page (or column) by its form alone?

    A line that begins with a space, a surviving page number, or a run of two or more blank lines.
    """
    if i >= len(lines):
        return True
    if lines[i].blank:
        return blank_run(lines, i) >= 2
    return lines[i].leading_space or is_page_number_line(lines, i)


def page_start(lines: list[Line], i: int) -> int:
    """The first line of the page that line i stands on: after the last form feed before it (0 if none)."""
    return next((k + 1 for k in range(i - 1, -1, -1) if lines[k].form_feed), 0)
