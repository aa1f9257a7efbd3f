"""Page-foot notes: the blocks, the notes in them, and the markers they belong to.

A footnote block starts with a label line (``note_labels``) that continues the numbering (the next
number), restarts it (1, on a print that numbers per page), or bridges a gap of a few missing numbers
(with a warning); the marker of one of its notes (``note_markers``) must be in the running text since the
previous block. The block runs to the next page start (a form feed, a line that begins with a space, a
surviving page number, or a run of blank lines); label lines of the same style with the following numbers
open the following notes, other lines continue the current note, single blank lines are allowed.

Each note is linked to its marker by label, order and place together: the marker is searched in the text
of its page (since the previous block), after the marker of the note before. A note whose marker is not
found stays a note, unanchored; the pass warns at its raw line.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model.layout import Footnote, FootnoteBlock
from ..model.lines import Line
from .evidence import blank_run, breaks_here
from .lines import ends_sentence
from .note_labels import Label, alone_before_text, numbered_heading, read_label, read_label_alone
from .note_markers import QUANTITY_WORDS, find_marker

# A block longer than this is not footnotes but body text that happens to start with a number.
MAX_BLOCK_LINES = 40
# At most this many numbers may be missing between two notes (a gap is bridged with a warning).
MAX_GAP = 3


def _opens_note(lines: list[Line], i: int, first: Label) -> bool:
    """Does line i open a note of the block that ``first`` opens (a label alone on its line must follow
    the block's numbering closely: a page number does not)?"""
    if read_label(lines[i].text):
        return True
    label = alone_before_text(lines, i)
    if label is None or label.style != first.style:
        return False
    if label.number is None or first.number is None:
        return label.number is None
    return 0 < label.number - first.number < MAX_BLOCK_LINES


def block_extent(lines: list[Line], start: int, first: Label | None = None) -> int:
    """End (exclusive) of a footnote block starting at ``start``, or -1 if no page start follows soon."""
    first = first or read_label(lines[start].text) or Label("digit", "0", 0)
    i = start + 1
    while i < len(lines):
        if "\f" in lines[i].text:
            return i  # a form feed: the page ends here
        if lines[i].blank:
            run = blank_run(lines, i)
            following = i + run
            if following < len(lines) and run < 3 and _opens_note(lines, following, first):
                i = following
                continue
            if run >= 2 or following >= len(lines) or breaks_here(lines, following):
                return i
            i = following
            continue
        if numbered_heading(lines, i) or first.style == "dotted" and _text_resumes(lines, i, start):
            return i
        if breaks_here(lines, i) and not (first.alone and _opens_note(lines, i, first)):
            return i
        if i - start > MAX_BLOCK_LINES:
            return -1
        i += 1
    return i


def _text_resumes(lines: list[Line], i: int, start: int) -> bool:
    """Does the running text resume at line i, after notes set in the middle of a column: a line in
    lower case after a note that ended its sentence (a note's own text goes on with a capital)?"""
    previous = lines[i - 1]
    return (i > start and not previous.blank and ends_sentence(previous.text)
            and lines[i].stripped[:1].islower() and read_label(lines[i].text) is None)


def follows(label: Label, expected: int) -> str:
    """How a label stands to the number expected next: "next", "gap" (a few numbers missing), "restart"
    (1 again: numbering per page), "restart-gap" (a page's first notes missing), "symbol", or "" (out of
    sequence)."""
    n = label.number
    if n is None:
        return "symbol"
    if n == expected:
        return "next"
    if expected < n <= expected + MAX_GAP:
        return "gap"
    if n == 1:
        return "restart"
    return "restart-gap" if n <= 1 + MAX_GAP else ""


def read_notes(
    lines: list[Line], start: int, end: int, first: Label, expected: int, region: range,
    after: tuple[int, int], taken: frozenset[int] = frozenset(),
    reader: Callable[[str], Label | None] | None = None,
) -> list[Footnote]:
    """The notes of a block of note lines: each label line of the block's style that follows the numbering
    opens a note linked to its marker in the region; other lines continue the note before."""
    notes: list[Footnote] = []
    expected = 1 if follows(first, expected).startswith("restart") else expected
    for j in range(start, end):
        if reader:
            label = reader(lines[j].text)
        else:
            label = read_label(lines[j].text, (first.style,)) or alone_before_text(lines, j)
        relation = follows(label, expected) if label and label.style == first.style else ""
        if notes and relation in ("", "restart", "restart-gap"):
            if not lines[j].blank:
                notes[-1].lines.append(j)
            continue
        if relation in ("", "restart-gap"):
            continue
        marker, decided = find_marker(lines, region, label, after, taken)
        if relation == "gap" and marker is None and notes:
            notes[-1].lines.append(j)  # a number out of sequence with no marker: text of the note
            continue
        n = label.number or len(notes) + 1
        note = Footnote(n, j, [j], marker, label.value, decided, text_start=label.end)
        if relation == "gap":
            missing = ", ".join(str(k) for k in range(expected, label.number))
            note.warning = f"note {label.value} follows note {expected - 1}: no note {missing} was found"
        if decided == "order":
            note.warning = (f"note {label.value} linked by its order only: its marker reads "
                            f"'{lines[marker.line].text[marker.start:marker.end]}'")
        if marker is not None:
            after = (marker.line, marker.end)
        notes.append(note)
        expected = (label.number or expected) + 1
    return notes


def find_footnotes(
    lines: list[Line], exclude: frozenset[int] = frozenset(), list_entries: frozenset[int] = frozenset()
) -> list[FootnoteBlock]:
    """The page-foot note blocks of the lines (the excluded lines are neither notes nor running text; in
    the list_entries lines, a "1." opens an entry of a reference list, not a note)."""
    blocks: list[FootnoteBlock] = []
    expected = 1
    region_start = 0
    i = 0
    while i < len(lines):
        label = read_label(lines[i].text) or alone_before_text(lines, i)
        relation = follows(label, expected) if label else ""
        if (not relation or i in exclude or lines[i].leading_space or numbered_heading(lines, i)
                or label.style == "dotted" and i in list_entries):
            i += 1
            continue
        end = block_extent(lines, i, label)
        if end < 0 or relation != "next" and _quantity(lines[i].text, label):
            i += 1
            continue
        region = range(region_start, i)
        notes = read_notes(lines, i, end, label, expected, region, (region_start, 0), exclude)
        # One note with its marker found makes the block: a note before it whose marker is missing is
        # still a note (unanchored, warned), never running text.
        if all(note.marker is None for note in notes) and not label.tab:
            i += 1
            continue
        first_number = 1 if relation.startswith("restart") else expected
        start, end = _place_displaced_labels(lines, notes, i, end, first_number, region, exclude)
        blocks.append(FootnoteBlock(start, end, notes))
        numbered = [note.n for note in notes if note.label.isdigit()]
        expected = numbered[-1] + 1 if numbered else expected
        region_start = end
        i = end
    return blocks


def _quantity(text: str, label: Label) -> bool:
    """Does a number opening a line count something ("1 января", "3 года") rather than label a note?"""
    return label.style == "digit" and bool(QUANTITY_WORDS.match(text[label.end :]))


def _displaced_labels(lines: list[Line], end: int, wanted: set[int]) -> list[tuple[int, Label]]:
    """Labels alone on their lines just after a block (before the page's end) that the block lacks."""
    found = []
    j = end
    while j < len(lines) and "\f" not in lines[j].text:
        label = None if lines[j].blank else read_label_alone(lines[j].text)
        if not lines[j].blank and (label is None or label.number not in wanted):
            break
        if label is not None:
            found.append((j, label))
        j += 1
    return found


def _release_trailing_labels(lines: list[Line], last: Footnote, end: int, wanted: set[int]) -> int:
    """A label the numbering lacks, alone on the last line of the block, was read as text of the last
    note: give it back (the block ends before it), so it can be placed as a displaced label."""
    tail = [j for j in last.lines if j > last.label_line]
    while tail and (label := read_label_alone(lines[tail[-1]].text)) is not None and label.number in wanted:
        last.lines.remove(tail[-1])
        end = tail.pop()
    return end


def _split_notes(lines: list[Line], body: list[int], parts: int) -> list[list[int]] | None:
    """The lines of ``parts`` notes run together, split where a sentence ends and a capital opens the next
    line; None if the lines do not split into that many notes."""
    cuts = [k for k in range(1, len(body)) if ends_sentence(lines[body[k - 1]].text)
            and lines[body[k]].stripped[:1].isupper()]
    if len(cuts) < parts - 1 or len(body) > 3 * parts:
        return None
    bounds = [0, *cuts[: parts - 1], len(body)] if len(cuts) == parts - 1 or len(body) == parts else None
    return [body[a:b] for a, b in zip(bounds, bounds[1:], strict=False)] if bounds else None


def _place_displaced_labels(
    lines: list[Line], notes: list[Footnote], start: int, end: int, first_number: int, region: range,
    taken: frozenset[int],
) -> tuple[int, int]:
    """`pdftotext` may write a label alone away from its note, after the last note of the page. A label
    that the numbering lacks, found so, takes the lines of its note: those before the block (notes missing
    at its start), or the second part of the note before a gap. The block's new start and end."""
    numbers = {n.n for n in notes}
    wanted = set(range(first_number, notes[-1].n)) - numbers
    end = _release_trailing_labels(lines, notes[-1], end, wanted)
    displaced = _displaced_labels(lines, end, wanted)
    if not displaced:
        return start, end
    by_number = dict((label.number, (j, label)) for j, label in displaced)
    leading = sorted(k for k in by_number if k < notes[0].n)
    new_start = start
    if leading:
        body = []
        k = start - 1
        while k >= region.start and not lines[k].blank and k not in taken:
            body.insert(0, k)
            k -= 1
        parts = _split_notes(lines, body, len(leading)) if body else None
        if parts:
            new_start = body[0]
            for number, part in zip(reversed(leading), reversed(parts), strict=True):
                notes.insert(0, _displaced_note(lines, by_number[number], part))
    for number in sorted(k for k in by_number if k > notes[0].n):
        gap = next(k for k, n in enumerate(notes) if n.n > number)
        before = notes[gap - 1]
        alone = not lines[before.label_line].text[before.text_start :].strip()
        parts = _split_notes(lines, before.lines[1:] if alone else before.lines, 2)
        if parts:
            before.lines = [k for k in before.lines if k not in parts[1]]
            notes.insert(gap, _displaced_note(lines, by_number[number], parts[1]))
    _link_displaced(lines, notes, range(region.start, new_start), taken)
    return new_start, max(j for j, _ in displaced) + 1


def _displaced_note(lines: list[Line], at: tuple[int, Label], body: list[int]) -> Footnote:
    j, label = at
    note = Footnote(label.number, j, [j, *body], None, label.value, "", text_start=len(lines[j].text))
    note.warning = f"the label of note {label.value} stands apart from its note, after the page's notes"
    return note


def _link_displaced(lines: list[Line], notes: list[Footnote], region: range, taken: frozenset[int]) -> None:
    """Markers for the notes placed by a displaced label, between the markers of their neighbours; the
    notes after them no longer miss a number."""
    for k, note in enumerate(notes):
        if not note.warning.startswith("the label of note"):
            if k and note.warning.startswith("note ") and "follows note" in note.warning:
                note.warning = "" if notes[k - 1].n == note.n - 1 else note.warning
            continue
        before = next((n.marker for n in reversed(notes[:k]) if n.marker), None)
        after = next((n.marker for n in notes[k + 1 :] if n.marker), None)
        start = (before.line, before.end) if before else (region.start, 0)
        label = read_label_alone(lines[note.label_line].text)
        marker, decided = find_marker(lines, region, label, start, taken)
        if marker is not None and (after is None or (marker.line, marker.start) < (after.line, after.start)):
            note.marker, note.decided = marker, decided
