"""What a line's end and the lengths of a text's lines say about where paragraphs end.

A sentence may end with a note marker after its stop; justified type has a measure, the length most lines
run to, against which a paragraph's last line (and a first line that lost its indent) is short.
"""

from __future__ import annotations

import re
import statistics

from .lines import ends_sentence

# Note markers a sentence may end with: symbols as `pdftotext` writes a superscript ("полемикой.‡",
# "Москвы.∗"), and what OCR reads for a superscript set off after the stop ("консультаций. 3",
# "тщательно.“", "десятилетия. |"): the stop before them closes the sentence.
NOTE_SYMBOLS_AT_END = re.compile(r"[∗*†‡§¶‖]+\s*$|(?<=[.!?…])\s?(?:\d{1,2}|[\^|®°“”\"'’!]{1,2})\s*$")

# Justified type: this share of the lines are full lines, within this spread of one length. A line longer
# than MERGED_LINE full lines is lines that `pdftotext` joined.
JUSTIFIED_SHARE = 0.3
JUSTIFIED_SPREAD = 1.12
MERGED_LINE = 1.25
# A first-line indent is two characters or more beyond the text's left edge, and not much more: a line
# set further in is centred or set to the right (a separator, a signature).
FIRST_LINE_INDENT = range(2, 13)


def closes_sentence(text: str) -> bool:
    """Does the line end a sentence, note markers after its stop included?"""
    return ends_sentence(NOTE_SYMBOLS_AT_END.sub("", text.rstrip()) or text)


def justified_measure(line_lengths: list[int]) -> tuple[int | None, float | None]:
    """The shortest and the middle length of a full line, when most lines have it (justified type): the
    densest window of lengths. Lines that `pdftotext` joined (longer than one full line) are full lines
    too, so they do not count against the share."""
    lengths = sorted(line_lengths)
    best, measure, full = 0, None, None
    hi = 0
    for lo, x in enumerate(lengths):
        while hi < len(lengths) and lengths[hi] <= x * JUSTIFIED_SPREAD:
            hi += 1
        if hi - lo > best:
            best, measure, full = hi - lo, x, statistics.median(lengths[lo:hi])
    single = sum(1 for n in lengths if measure and n <= MERGED_LINE * measure)
    if measure and best >= JUSTIFIED_SHARE * single:
        return measure, full
    return None, None
