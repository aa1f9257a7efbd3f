"""Labels that `pdftotext` writes away from their notes, after the last note of the page.

A label the block's numbering lacks may stand alone after the page's notes: its note's text is then the
lines before the block (notes missing at its start), or the second part of the note before a gap. Or the
label stands after the page's other notes with its text below it (notes of the first column written after
those of the second): the note is read there, and linked to its marker wherever it stands on the page.
Or the label of the note the block lacks at its start is glued to the end of a line of running text just
above the block, its text after it ("dé1. AMAE,"): the note begins there. Each such note is warned at its
raw line.
"""

from __future__ import annotations

import re

from ..model.layout import Footnote
from ..model.lines import Line
from .note_labels import (
    Label,
    alone_before_text,
    label_rank,
    rank_label,
    read_label,
    read_label_alone,
    symbol_rank,
)
from .note_markers import find_marker
from .note_parts import lost_label_note, split_notes
from .stray_fragments import place_stray_fragments

# At most this many lines of a note whose label was glued to the running text stand before its block.
MAX_GLUED_NOTE_LINES = 6


def _displaced_labels(lines: list[Line], end: int, wanted: set[str]) -> list[tuple[int, Label]]:
    """Labels alone on their lines just after a block (before the page's end) that the block lacks."""
    found = []
    j = end
    while j < len(lines) and not lines[j].form_feed:
        label = None if lines[j].blank else read_label_alone(lines[j].text)
        if not lines[j].blank and (label is None or label.value not in wanted):
            break
        if label is not None:
            found.append((j, label))
        j += 1
    return found


def _notes_set_after(lines: list[Line], end: int, wanted: set[str]) -> list[tuple[int, Label, list[int]]]:
    """Notes the block lacks just after it (before the page's end), each a label alone on its line with
    its text below it: (label line, label, text lines)."""
    found: list[tuple[int, Label, list[int]]] = []
    j = end
    while j < len(lines) and not lines[j].form_feed:
        if lines[j].blank:
            j += 1
            continue
        label = alone_before_text(lines, j)
        if label is None or label.value not in wanted:
            break
        body = []
        k = j + 1 + lines[j + 1].blank
        while k < len(lines) and not lines[k].blank and read_label_alone(lines[k].text) is None:
            body.append(k)
            k += 1
        found.append((j, label, body))
        j = k
    return found


def _place_notes_set_after(
    lines: list[Line], notes: list[Footnote], end: int, wanted: set[str], region: range, taken: frozenset[int]
) -> int:
    """The notes set after the block's notes, placed among them in the order of their labels, each linked
    to the first marker of its label on the page that no other note holds. The block's new end."""
    after = _notes_set_after(lines, end, wanted)
    others = f"{notes[0].label}–{notes[-1].label}" if len(notes) > 1 else notes[0].label
    for j, label, body in after:
        held = {(n.marker.line, n.marker.start) for n in notes if n.marker}
        start = (region.start, 0)
        marker, decided = find_marker(lines, region, label, start, taken)
        while marker is not None and (marker.line, marker.start) in held:
            marker, decided = find_marker(lines, region, label, (marker.line, marker.end), taken)
        note = Footnote(label_rank(label.value) or 0, j, [j, *body], marker, label.value, decided,
                        text_start=len(lines[j].text))
        note.warning = (f"note {label.value} stands after the notes {others} of its page: linked to the "
                        "first marker of its label on the page")
        place = next((q for q, n in enumerate(notes) if n.n > note.n), len(notes))
        notes.insert(place, note)
    if not after:
        return end
    link_displaced(lines, notes, region, taken)  # the notes after them no longer miss a number
    return max(body[-1] if body else j for j, _, body in after) + 1


def _release_trailing_labels(lines: list[Line], last: Footnote, end: int, wanted: set[str]) -> int:
    """A label the numbering lacks, alone on the last line of the block, was read as text of the last
    note: give it back (the block ends before it), so it can be placed as a displaced label."""
    tail = [j for j in last.lines if j > last.label_line]
    while tail and (label := read_label_alone(lines[tail[-1]].text)) and label.value in wanted:
        last.lines.remove(tail[-1])
        end = tail.pop()
    return end


def place_displaced_labels(
    lines: list[Line], notes: list[Footnote], start: int, end: int, first_number: int, region: range,
    taken: frozenset[int],
) -> tuple[int, int]:
    """`pdftotext` may write a label alone away from its note, after the last note of the page. A label
    that the numbering lacks, found so, takes the lines of its note: those below it (a note set after the
    others), those before the block (notes missing at its start), or the second part of the note before a
    gap. The block's new start and end."""
    symbol = symbol_rank(notes[-1].label) is not None
    wanted = {rank_label(k, symbol) for k in range(first_number, notes[-1].n)} - {n.label for n in notes}
    end = _release_trailing_labels(lines, notes[-1], end, wanted)
    set_after = _place_notes_set_after(lines, notes, end, wanted, region, taken)
    if set_after != end:
        return start, set_after
    displaced = _displaced_labels(lines, end, wanted)
    if not displaced:
        return start, end
    by_number = dict((label_rank(label.value), (j, label)) for j, label in displaced)
    leading = sorted(k for k in by_number if k < notes[0].n)
    new_start = start
    if leading:
        body = []
        k = start - 1
        while k >= region.start and not lines[k].blank and k not in taken:
            body.insert(0, k)
            k -= 1
        # The lines may hold notes whose labels were lost too: every number missing before the block.
        missing = list(range(first_number, notes[0].n))
        parts = split_notes(lines, body, len(missing)) if body else None
        if not parts:
            missing, parts = leading, split_notes(lines, body, len(leading)) if body else None
        if parts:
            new_start = body[0]
            for number, part in zip(reversed(missing), reversed(parts), strict=True):
                notes.insert(0, _displaced_note(lines, by_number[number], part) if number in by_number
                             else lost_label_note(rank_label(number, symbol), part))
    for number in sorted(k for k in by_number if k > notes[0].n):
        gap = next(k for k, n in enumerate(notes) if n.n > number)
        before = notes[gap - 1]
        alone = not lines[before.label_line].text[before.text_start :].strip()
        parts = split_notes(lines, before.lines[1:] if alone else before.lines, 2)
        if parts:
            before.lines = [k for k in before.lines if k not in parts[1]]
            notes.insert(gap, _displaced_note(lines, by_number[number], parts[1]))
    link_displaced(lines, notes, range(region.start, new_start), taken)
    return new_start, max(j for j, _ in displaced) + 1


def _displaced_note(lines: list[Line], at: tuple[int, Label], body: list[int]) -> Footnote:
    j, label = at
    rank = label_rank(label.value) or 0
    note = Footnote(rank, j, [j, *body], None, label.value, text_start=len(lines[j].text))
    note.warning = f"the label of note {label.value} stands apart from its note, after the page's notes"
    return note


def link_displaced(lines: list[Line], notes: list[Footnote], region: range, taken: frozenset[int]) -> None:
    """Markers for the notes placed by a displaced label, between the markers of their neighbours; the
    notes after them no longer miss a number."""
    for k, note in enumerate(notes):
        if note.marker is not None or not note.warning.startswith("the label of note"):  # displaced, lost
            if k and note.warning.startswith("note ") and "follows note" in note.warning:
                note.warning = "" if notes[k - 1].n == note.n - 1 else note.warning
            continue
        before = next((n.marker for n in reversed(notes[:k]) if n.marker), None)
        after = next((n.marker for n in notes[k + 1 :] if n.marker), None)
        start = (before.line, before.end) if before else (region.start, 0)
        style = "symbol" if symbol_rank(note.label) else "digit"
        label = read_label_alone(lines[note.label_line].text) or Label(style, note.label, 0)
        marker, decided = find_marker(lines, region, label, start, taken)
        if marker is not None and (after is None or (marker.line, marker.start) < (after.line, after.start)):
            note.marker, note.decided = marker, decided


def take_glued_label(
    lines: list[Line], notes: list[Footnote], start: int, first_number: int, region: range,
    taken: frozenset[int],
) -> int:
    """`pdftotext` may glue the label of a page's first note to the end of the last line of running text
    ("économique. Ses auteurs souli1. Voir la correspondance"), the note's other lines below it, before the
    block. Only the one number the block lacks at its start, glued to a word, then ". " and a capital,
    on a line at most a few lines above the block, opens that note there. The block's new start."""
    first = notes[0]
    if first.n - first_number != 1 or "follows note" not in first.warning or not first.label.isdigit():
        return start
    glued = re.compile(rf"(?<=[^\W\d_]){first_number}\.\s+(?=[^\W\d_])")
    below: list[int] = []
    for k in range(start - 1, max(region.start - 1, start - MAX_GLUED_NOTE_LINES - 1), -1):
        if k in taken or read_label(lines[k].text) or read_label_alone(lines[k].text):
            return start
        found = list(glued.finditer(lines[k].text))
        if found and lines[k].text[found[-1].end()].isupper():
            at = found[-1]
            break
        if not lines[k].blank:
            below.insert(0, k)
    else:
        return start
    style = (read_label(lines[first.label_line].text) or Label("digit", "", 0)).style
    label = Label(style, str(first_number), 0)
    marker, decided = find_marker(lines, range(region.start, k + 1), label, (region.start, 0), taken)
    if marker is not None and marker.line == k and marker.end > at.start():  # the label itself
        marker, decided = find_marker(lines, range(region.start, k), label, (region.start, 0), taken)
    note = Footnote(first_number, k, [k, *below], marker, label.value, decided, text_start=at.end(),
                    label_start=at.start())
    place_stray_fragments(lines, [note])  # words of its lines written after them, below a blank line
    note.warning = "; ".join(filter(None, [
        f"the label of note {label.value} is glued to the end of the running text above its note: the text "
        "after it is read as the note, linked to the first marker of its label on the page", note.warning]))
    first.warning = ""
    notes.insert(0, note)
    return k + 1
