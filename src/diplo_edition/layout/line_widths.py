"""The typeset width of a document's lines, weighed against its own full lines.

Justified type fills a measure's width, not a count of characters: in a proportional face a line of many
narrow letters holds more of them than one of wide letters. A line's typeset width (its characters'
widths in a book face) weighs that, and tells a paragraph's last line and a first line shortened by its
indent a little more often than its length does. What counts as narrow comes from the document itself:
its full lines (neither first nor last of a paragraph) give the spread of a full line, its certain first
lines (after a short last line) the indent. Plain `pdftotext` joins a line that ends in a hyphen to the
next: such a joined line counts as so many full lines, less their hyphens, and what it falls short of
them is its first line's shortfall, weighed apart from single lines'.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from .line_signals import MERGED_LINE, closes_sentence

# How wide a character sets in a book face, in ems (the proportions that Roman faces share, Latin and
# Cyrillic alike); any other capital is CAPITAL wide, any other character OTHER.
_NARROW = dict.fromkeys("ijlI.,:;!'’|", 0.28) | dict.fromkeys("frtJг()[]-‐/", 0.37)
_SMALL = dict.fromkeys("acesvxyzаезкстучэяь", 0.46)
_WIDE = dict.fromkeys("mwжшщыюфЖШЩЫЮФ", 0.8) | {"—": 1.0, "M": 0.92, "W": 1.0}
GLYPH_WIDTHS = {" ": 0.33, "–": 0.5} | _NARROW | _SMALL | _WIDE
CAPITAL = 0.72
OTHER = 0.53
HYPHEN_WIDTH = GLYPH_WIDTHS["-"]
# Lines the document must have to weigh a width: full lines, and certain first lines.
EVIDENCE = {"full": 6, "first": 2}


def typeset_width(text: str) -> float:
    """The width a line's characters set in a book face, in ems."""
    return sum(GLYPH_WIDTHS.get(ch, CAPITAL if ch.isupper() else OTHER) for ch in text.strip())


@dataclass(frozen=True)
class LineContext:
    """A body line with what stands around it."""

    text: str
    before: str | None  # the line before it, if nothing stands between
    runs_on: bool  # into a lowercase line, with nothing between: it is no last line
    # It opens a block after a paragraph's certain last line (short, a sentence end); not a labelled one (an
    # abstract, the keywords), which opens with its label, not with an indent.
    after_last_line: bool

    @property
    def full(self) -> bool:
        """A full line: neither a paragraph's first (the line before runs on into it) nor its last."""
        return self.runs_on and self.before is not None and not closes_sentence(self.before)


@dataclass(frozen=True)
class LineWidths:
    """How much narrower than a full line a document's last lines and first lines set."""

    measure: int  # the shortest full line, in characters
    full_width: float  # the middle typeset width of a single full line
    last_line: float | None  # a single line that falls short by more is no full line
    first_line: dict[bool, float]  # a first line falls short by more: single lines (True), joined (False)

    def single(self, text: str) -> bool:
        return single_line(text, self.measure)

    def shortfall(self, text: str) -> float:
        """How much narrower than a full line the line sets (for joined lines: their first line)."""
        width = typeset_width(text)
        lines = max(1, round(width / (self.full_width - HYPHEN_WIDTH)))
        return width - lines * self.full_width + (lines - 1) * HYPHEN_WIDTH

    def narrow(self, text: str) -> bool:
        """Does a single line set narrower than a full line, whatever its count of characters?"""
        return self.last_line is not None and self.single(text) and self.shortfall(text) < self.last_line

    def set_in(self, text: str) -> bool | None:
        """Does the line fall short of a full line by a first line's indent? (None: nothing tells.) The
        first line of joined lines lost the same indent: where the document has too few joined first lines
        to weigh their own cut, the single lines' cut stands for it. Where it has too few certain first
        lines of either kind, a line that runs on yet falls short by more than nineteen full lines in
        twenty (the last line's cut) is a first line; one that does not, nothing tells."""
        cut = self.first_line.get(self.single(text), self.first_line.get(True))
        if cut is not None:
            return self.shortfall(text) < cut
        return True if self.last_line is not None and self.shortfall(text) < self.last_line else None


def single_line(text: str, measure: int) -> bool:
    """Is the text one printed line (not lines that `pdftotext` joined at their hyphens)?"""
    return len(text.strip()) <= MERGED_LINE * measure


def weigh_widths(lines: list[LineContext], measure: int) -> LineWidths | None:
    """The document's widths, None where it has too few full lines to tell."""
    full = [typeset_width(c.text) for c in lines if c.full and single_line(c.text, measure)]
    if len(full) < EVIDENCE["full"]:
        return None
    widths = LineWidths(measure, statistics.median(full), None, {})
    samples: dict[tuple[bool, bool], list[float]] = {}  # (single, first line) -> shortfalls
    for c in lines:
        if c.full or (c.runs_on and c.after_last_line):
            samples.setdefault((widths.single(c.text), not c.full), []).append(widths.shortfall(c.text))
    last_line, first_line = None, {}
    for single in (True, False):
        full_lines, first_lines = samples.get((single, False), []), samples.get((single, True), [])
        if len(full_lines) < EVIDENCE["full"]:
            continue
        # Nineteen full lines in twenty fall short by less; certain first lines must mostly fall short by
        # more (else the print sets no indent), and the cut lies half-way between the two middles.
        low = statistics.quantiles(full_lines, n=20)[0]
        if single:
            last_line = low
        first = statistics.median(first_lines) if len(first_lines) >= EVIDENCE["first"] else None
        if first is not None and first < low:
            first_line[single] = min(low, (first + statistics.median(full_lines)) / 2)
    return LineWidths(measure, widths.full_width, last_line, first_line)
