"""Two columns set side by side on each line (as `pdftotext -layout` writes a two-column page) put one
after the other: the left column, then the right.

A page's lines are side by side when most of them have a gap of spaces ending at one and the same
position (the gutter). Each line is cut there; the left parts are read first, then the right parts, each
keeping the raw line's number. Lines before the first cut line (a title set across both columns) and
after the last (the page's foot) stay where they are. Nothing is taken out: only the order of the text
changes.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model.document import Document
from ..model.lines import Line
from ..model.passes import Pass

GAP = re.compile(r"(?<=\S) {3,}(?=\S)")
# The gutter is shared by at least this share of a page's lines, and by this many lines at the least.
GUTTER_SHARE = 0.5
GUTTER_LINES = 5
MIN_COLUMN = 20  # characters: a narrower left column is a label or a number, not a column


def _pages(lines: list[Line]) -> list[range]:
    """Runs of lines between form feeds (the whole text when there are none)."""
    out, start = [], 0
    for k, line in enumerate(lines):
        if line.form_feed:
            out.append(range(start, k))
            start = k + 1
    out.append(range(start, len(lines)))
    return [r for r in out if len(r)]


def gutter(lines: list[Line]) -> int | None:
    """The position where the right column starts on most lines of the page, if there is one."""
    ends: Counter = Counter()
    full = [line for line in lines if not line.blank]
    for line in full:
        for gap in GAP.finditer(line.text.rstrip()):
            if gap.start() >= MIN_COLUMN:
                ends[gap.end()] += 1
    if not ends:
        return None
    position, count = ends.most_common(1)[0]
    # Right-column lines set in as first lines end their gap a little further: count them too.
    shared = sum(c for p, c in ends.items() if position <= p <= position + 4)
    return position if shared >= max(GUTTER_LINES, GUTTER_SHARE * len(full)) else None


def _cut(text: str, at: int) -> tuple[str, str] | None:
    """The left and right parts of a line at the gutter; None when the text runs across it."""
    if len(text) <= at:
        return text, ""
    if text[at - 1] != " ":
        return None
    return text[:at].rstrip(), text[at:]


def split_columns(lines: list[Line]) -> list[Line]:
    """The lines with each two-column page read column by column."""
    out: list[Line] = []
    done = 0
    for page in _pages(lines):
        out.extend(lines[done : page.start])
        done = page.stop
        page_lines = [lines[k] for k in page]
        at = gutter(page_lines)
        cuts = [_cut(line.text, at) for line in page_lines] if at else []
        first = next((k for k, c in enumerate(cuts) if c and c[1].strip()), None)
        last = max((k for k, c in enumerate(cuts) if c and c[1].strip()), default=None)
        if first is None or any(c is None for c in cuts[first : last + 1]):
            out.extend(page_lines)  # one column, or text across the gutter: not two columns side by side
            continue
        out.extend(page_lines[:first])
        rest = list(zip(page_lines[first : last + 1], cuts[first : last + 1], strict=True))
        out.extend(Line(left, line.source, line.number, line.witness) for line, (left, _) in rest)
        out.extend(Line(right, line.source, line.number, line.witness) for line, (_, right) in rest)
        out.extend(page_lines[last + 1 :])  # the page's foot: its number, notes set across the page
    out.extend(lines[done:])
    return out


class Columns(Pass):
    """Pages set in two columns side by side on each line, read column by column."""

    name = "columns"
    priority = 220
    stage = "layout"
    reads = ("lines",)
    adds = ("lines",)

    def apply(self, doc: Document) -> None:
        doc.lines = split_columns(doc.lines)
