"""Second copies: one text extracted twice, found by aligning the text with itself.

Some raw files hold the same print twice (two extractions one after the other), and an edition may
name a second raw file as another copy. The first copy gives the reading text; the second is aligned
with it line by line, and what only the second copy kept of the layout (a printed page number, the
indentation that marks a page start) is merged in, marked with that copy's sigil. Lines of text that
differ between the copies are variants: the second copy's reading is kept beside the first's, anchored
after the first copy's lines. Everything else of the second copy is a duplicate and is not published
twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..model.lines import Line, Witness
from .evidence import PAGE_NUMBER

# A second copy must repeat at least this many opening lines and align this well with the first.
OPENING_LINES = 3
MIN_SIMILARITY = 0.8


@dataclass
class MergedCopies:
    lines: list[Line]
    witnesses: list[Witness]
    duplicate_lines: list[Line] = field(default_factory=list)
    # Index in ``lines`` after which the second copy reads differently, and its lines there.
    variants: list[tuple[int, list[Line]]] = field(default_factory=list)


def _key(line: Line) -> str:
    return " ".join(line.text.split())


def find_second_copy(lines: list[Line]) -> int | None:
    """Index of the line where a repeat of the whole text starts, or None."""
    content = [i for i, line in enumerate(lines) if not line.blank]
    if len(content) < 2 * OPENING_LINES:
        return None
    opening = [_key(lines[i]) for i in content[:OPENING_LINES]]
    keys = [_key(lines[i]) for i in content]
    for pos in range(OPENING_LINES, len(content) - OPENING_LINES + 1):
        if keys[pos : pos + OPENING_LINES] != opening:
            continue
        matcher = SequenceMatcher(None, keys[:pos], keys[pos:], autojunk=False)
        if matcher.quick_ratio() >= MIN_SIMILARITY and matcher.ratio() >= MIN_SIMILARITY:
            start = content[pos]
            # The copy begins after the blank lines that close the first one.
            while start > 0 and lines[start - 1].blank and start - 1 > content[pos - 1]:
                start -= 1
            return start
    return None


def _with_indent_of(primary: Line, other: Line) -> Line:
    """Keep the page-start indentation that only the other copy shows (white space only)."""
    if other.leading_space and not primary.leading_space:
        return Line(" " + primary.text, primary.source, primary.number, primary.witness)
    return primary


def merge_copies(first: list[Line], second: list[Line], sigils: tuple[str, str] = ("A", "B")) -> MergedCopies:
    """Align two copies of one text; the first gives the reading, the second completes the layout."""
    a_sig, b_sig = sigils
    witnesses = [
        Witness(a_sig, first[0].source, first[0].number, first[-1].number),
        Witness(b_sig, second[0].source, second[0].number, second[-1].number),
    ]
    merged = MergedCopies([], witnesses)
    matcher = SequenceMatcher(None, [_key(x) for x in first], [_key(x) for x in second], autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        a_part, b_part = first[a1:a2], second[b1:b2]
        if op == "equal":
            merged.lines.extend(_with_indent_of(a, b) for a, b in zip(a_part, b_part, strict=True))
            merged.duplicate_lines.extend(b_part)
            continue
        b_text = [
            Line(x.text, x.source, x.number, b_sig)
            for x in b_part
            if not x.blank and not PAGE_NUMBER.match(x.stripped)
        ]
        for line in a_part:
            only_a = PAGE_NUMBER.match(line.stripped) is not None
            merged.lines.append(Line(line.text, line.source, line.number, a_sig) if only_a else line)
        after_first = len(merged.lines) - 1
        for line in b_part:
            # Blank lines and page numbers are layout: keep them, marked as this copy's.
            if line.blank or PAGE_NUMBER.match(line.stripped):
                merged.lines.append(Line(line.text, line.source, line.number, b_sig))
        if b_text:
            merged.variants.append((after_first, b_text))
    return merged


def separate_copies(lines: list[Line]) -> tuple[list[Line], list[Line] | None]:
    """Split one raw file into its first copy and, if the text repeats, its second copy."""
    start = find_second_copy(lines)
    if start is None:
        return lines, None
    return lines[:start], lines[start:]
