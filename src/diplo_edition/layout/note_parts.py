"""Notes run together in one block of note lines, and the notes whose labels were lost.

`pdftotext` may write the labels of a page's notes apart from their texts: glued to the end of the line
above ("тер1", "Изд11"), alone after the page's notes, or stacked above their texts. The texts then run
together; where a sentence ends and a capital opens the next line, they split into as many notes as the
numbering lacks. A note whose label was not found takes its number from the sequence, and is warned.
"""

from __future__ import annotations

import re

from ..model.layout import Footnote
from ..model.lines import Line
from .lines import ends_sentence
from .note_labels import label_rank, rank_label, symbol_rank

# A line that goes on with a locator ("Л. 181.", "С. 290", "p. 12") continues a citation: no note opens.
LOCATOR_OPENS = re.compile(r"^[^\W\d_]{1,3}\.\s*\d")


def split_notes(lines: list[Line], body: list[int], parts: int) -> list[list[int]] | None:
    """The lines of ``parts`` notes run together, split where a sentence ends and a capital opens the next
    line; None if the lines do not split into that many notes."""
    cuts = [k for k in range(1, len(body)) if ends_sentence(lines[body[k - 1]].text)
            and lines[body[k]].stripped[:1].isupper() and not LOCATOR_OPENS.match(lines[body[k]].stripped)]
    if len(cuts) < parts - 1 or len(body) > 3 * parts:
        return None
    bounds = [0, *cuts[: parts - 1], len(body)] if len(cuts) == parts - 1 or len(body) == parts else None
    return [body[a:b] for a, b in zip(bounds, bounds[1:], strict=False)] if bounds else None


def lost_label_note(label: str, body: list[int]) -> Footnote:
    """A note whose label was not found: its number from the sequence, its text the given lines."""
    note = Footnote(label_rank(label) or 0, body[0], body, None, label)
    note.warning = f"the label of note {label} was not found: its text is the lines before the next note's"
    return note


def split_gap_notes(lines: list[Line], notes: list[Footnote], first: int) -> bool:
    """A note after a gap in the numbering (from ``first``, the number the block should open with) whose
    label stands alone above its text, and whose text splits into one note more than the gap: the first
    parts are the missing notes (their labels lost). Whether a note was added."""
    added = False
    for q in range(len(notes) - 1, -1, -1):
        note, previous = notes[q], notes[q - 1].n if q else first - 1
        alone = not lines[note.label_line].text[note.text_start :].strip()
        if not alone or note.n - previous < 2 or "follows note" not in note.warning:
            continue
        missing = range(previous + 1, note.n)
        parts = split_notes(lines, note.lines[1:], len(missing) + 1)
        if parts is None:
            continue
        symbol = symbol_rank(note.label) is not None
        notes[q:q] = [lost_label_note(rank_label(n, symbol), part)
                      for n, part in zip(missing, parts, strict=False)]
        note.lines, note.warning = [note.label_line, *parts[-1]], ""
        added = True
    return added
