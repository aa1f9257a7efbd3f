"""Block quotations: lines set in from the text's left edge, two or more of them, all but the first at
one indent (the first may be set in further, as a first line)."""

from __future__ import annotations

from ..model.lines import Line
from .headings import MAX_HEADING_LINES, heading_level
from .line_signals import FIRST_LINE_INDENT
from .lines import indent, is_separator

QUOTE_LINES = 2


def block_quotations(lines: list[Line], body: list[int], left: int) -> dict[int, int]:
    """Line -> first line of its block quotation, among the body lines of a text whose left edge is at
    ``left``."""
    quote_of: dict[int, int] = {}
    k = 0
    while k < len(body):
        depth = indent(lines[body[k]].text) - left
        run = [k]
        if depth >= FIRST_LINE_INDENT.start and k + 1 < len(body):
            inner = indent(lines[body[k + 1]].text)
            while (
                run[-1] + 1 < len(body)
                and indent(lines[body[run[-1] + 1]].text) == inner
                and inner - left >= FIRST_LINE_INDENT.start
                and inner <= indent(lines[body[k]].text)
                and not is_separator(lines[body[run[-1] + 1]].text)
            ):
                run.append(run[-1] + 1)
        texts = [lines[body[r]].text for r in run]
        if len(run) >= QUOTE_LINES and not _indented_heading(texts):
            for r in run:
                quote_of[body[r]] = body[k]
        k = run[-1] + 1
    return quote_of


def _indented_heading(texts: list[str]) -> bool:
    """A run that is a heading or a separator set in (centred), not a quotation."""
    return is_separator(texts[0]) or (len(texts) <= MAX_HEADING_LINES
                                      and all(heading_level(t) is not None for t in texts))
