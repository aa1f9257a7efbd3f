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

import re
from bisect import bisect_left
from collections.abc import Callable

from ..model.layout import Footnote, FootnoteBlock
from ..model.lines import Line
from .broken_words import resumes_broken_word
from .displaced_labels import link_displaced, place_displaced_labels, take_glued_label
from .evidence import PAGE_NUMBER, blank_run, breaks_here, is_page_number_line, page_start
from .hints import declared_relation, declared_style, numbering_at
from .lines import ends_sentence, starts_lowercase
from .note_labels import (
    Label,
    alone_before_text,
    garbled_label,
    label_rank,
    numbered_heading,
    read_label,
    read_label_alone,
    symbol_rank,
    symbols_missing,
)
from .note_markers import QUANTITY_WORDS, find_marker, marker_candidates
from .note_parts import split_gap_notes, split_notes
from .stray_fragments import place_stray_fragments

# A block longer than this is not footnotes but body text that happens to start with a number.
MAX_BLOCK_LINES = 40
# At most this many numbers may be missing between two notes (a gap is bridged with a warning).
MAX_GAP = 3
# A sentence that ends inside a line: its stop, then a space.
SENTENCE_INSIDE = re.compile(r"[.!?…]\s")


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
    # Labels "1.", symbols, or labels alone on their lines: notes that may stand under the first of two
    # columns.
    mid_column = first.style in ("dotted", "symbol") or first.alone
    i = start + 1
    while i < len(lines):
        if lines[i].form_feed:
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
        if numbered_heading(lines, i) or mid_column and _text_resumes(lines, i, start):
            return i
        if resumes_broken_word(lines, i, start):
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
    previous = lines[i - 1 - (i - 1 > start and lines[i - 1].blank)]  # over one blank line
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
    reader: Callable[[str], Label | None] | None = None, form_feeds: bool | None = None,
) -> list[Footnote]:
    """The notes of a block of note lines: each label line of the block's style that follows the numbering
    opens a note linked to its marker in the region; other lines continue the note before (``form_feeds``:
    whether the lines hold any, found here unless the caller knows)."""
    if form_feeds is None:
        form_feeds = has_form_feeds(lines)
    notes: list[Footnote] = []
    expected = 1 if follows(first, expected).startswith("restart") else expected
    for j in range(start, end):
        if reader:
            label = reader(lines[j].text)
        else:
            label = read_label(lines[j].text, (first.style,)) or alone_before_text(lines, j)
        relation = follows(label, expected) if label and label.style == first.style else ""
        if notes and relation in ("", "restart", "restart-gap"):
            if not lines[j].blank and not (label is None and unpaged_page_number(lines, j, form_feeds)):
                _warn_if_garbled_label(lines, notes[-1], j)
                _warn_if_number_alone(lines, notes[-1], j)
                notes[-1].lines.append(j)
            continue
        if relation in ("", "restart-gap"):
            continue
        previous = next((n.label for n in reversed(notes) if symbol_rank(n.label)), "") if notes else ""
        # A symbol before the previous one in the same block: the extraction put the note out of its order.
        back = bool(previous) and (symbol_rank(label.value) or 0) < (symbol_rank(previous) or 0)
        marker, decided = find_marker(lines, region, label, (region.start, 0) if back else after, taken)
        if relation == "gap" and marker is None and notes:
            notes[-1].lines.append(j)  # a number out of sequence with no marker: text of the note
            continue
        n = label_rank(label.value) or len(notes) + 1
        note = Footnote(n, j, [j], marker, label.value, decided, text_start=label.end)
        if relation == "gap":
            missing = ", ".join(str(k) for k in range(expected, label.number))
            note.warning = f"note {label.value} follows note {expected - 1}: no note {missing} was found"
        if back and marker is not None:
            note.warning = (f"note {label.value} stands after note {previous} among the page's notes: "
                            "linked to its marker before theirs")
        if previous and (missing := symbols_missing(previous, label.value)):
            note.warning = (f"note {label.value} follows note {previous}: no note {missing} was found "
                            f"(its text may be read as part of note {previous})")
        if decided == "order":
            note.warning = (f"note {label.value} linked by its order only: its marker reads "
                            f"'{lines[marker.line].text[marker.start:marker.end]}'")
        if marker is not None and (marker.line, marker.end) > after:
            after = (marker.line, marker.end)
        notes.append(note)
        expected = (label.number or expected) + 1
    return notes


def _warn_if_garbled_label(lines: list[Line], note: Footnote, j: int) -> None:
    """A line of a note that opens, after a sentence's end, with a stray mark before a capital ("{Сведения",
    "'Документы"): perhaps the label of another note as the OCR misread it. Say so at the note."""
    mark = garbled_label(lines[j].text)
    if mark and not note.warning and ends_sentence(lines[note.lines[-1]].text):
        note.warning = (f"note {note.label} goes on at line {lines[j].number} with “{mark}” before a "
                        "capital: perhaps the misread label of another note, run into this one")


def has_form_feeds(lines: list[Line]) -> bool:
    """Do the lines mark their pages with form feeds?"""
    return any(line.form_feed for line in lines)


def unpaged_page_number(lines: list[Line], j: int, form_feeds: bool) -> bool:
    """A printed page number standing among notes in a text without form feeds (``form_feeds``: whether the
    lines hold any; with them, the furniture pass took the page numbers): no note's text, but the page's
    number."""
    return not form_feeds and is_page_number_line(lines, j)


def _warn_if_number_alone(lines: list[Line], note: Footnote, j: int) -> None:
    """A line of a note that holds a number alone, close to the lines around it: perhaps the page's number
    (and the next page's head), which no blank line or form feed sets apart. Kept in the note; say so."""
    if not note.warning and PAGE_NUMBER.match(lines[j].stripped):
        note.warning = (f"note {note.label} goes on at line {lines[j].number} with the number "
                        f"“{lines[j].stripped}” alone: perhaps a page number, read as part of the note")


def find_footnotes(
    lines: list[Line], exclude: frozenset[int] = frozenset(), list_entries: frozenset[int] = frozenset(),
    styles: tuple[str, ...] = (), restart: str | None = None,
) -> list[FootnoteBlock]:
    """The page-foot note blocks of the lines (the excluded lines are neither notes nor running text; in
    the list_entries lines, a "1." opens an entry of a reference list, not a note; ``styles`` and
    ``restart``: the label styles and the restart of the numbering the edition file declares)."""
    blocks: list[FootnoteBlock] = []
    expected = 1
    region_start = 0
    form_feeds = has_form_feeds(lines)
    excluded = sorted(exclude)
    i = 0
    while i < len(lines):
        label = declared_style(read_label(lines[i].text, styles) or alone_before_text(lines, i), styles)
        expected = numbering_at(lines, i, expected, region_start, restart)
        relation = declared_relation(follows(label, expected), restart) if label else ""
        if (not relation or i in exclude or lines[i].leading_space or numbered_heading(lines, i)
                or label.style == "dotted" and i in list_entries):
            i += 1
            continue
        end = block_extent(lines, i, label)
        end = _end_before_running_text(lines, i, end, label) if end > 0 else end
        if end < 0 or relation != "next" and _quantity(lines[i].text, label):
            i += 1
            continue
        # The text before an endnote section holds that section's markers, not a page-foot note's.
        since = max(region_start, _after_excluded(excluded, i))
        # Symbols restart on every page: a symbol note's marker stands on its page.
        first_line = max(since, page_start(lines, i)) if label.style == "symbol" else since
        region = range(first_line, i)
        notes = read_notes(lines, i, end, label, expected, region, (since, 0), exclude, form_feeds=form_feeds)
        # One note with its marker found makes the block: a note before it whose marker is missing is
        # still a note (unanchored, warned), never running text.
        if all(note.marker is None for note in notes) and not label.tab:
            i += 1
            continue
        first_number = 1 if relation.startswith("restart") or relation == "symbol" else expected
        start = take_stacked_labels(lines, notes, i, region, exclude)
        start, end = place_displaced_labels(lines, notes, start, end, first_number, region, exclude)
        start = take_glued_label(lines, notes, start, first_number, region, exclude)
        place_stray_fragments(lines, notes)
        if split_gap_notes(lines, notes, first_number):
            link_displaced(lines, notes, range(region.start, start), exclude)
        _warn_if_cut_short(lines, notes[-1], i, end)
        for note in notes:
            _warn_if_out_of_order(lines, note)
        blocks.append(FootnoteBlock(start, end, notes))
        numbered = [note.n for note in notes if note.label.isdigit()]
        expected = numbered[-1] + 1 if numbered else expected
        region_start = end
        i = end
    return blocks


def _after_excluded(excluded: list[int], i: int) -> int:
    """The line after the last excluded line (an endnote section's) before line i, of the excluded lines in
    order; 0 if none."""
    k = bisect_left(excluded, i)
    return excluded[k - 1] + 1 if k else 0


def _warn_if_cut_short(lines: list[Line], note: Footnote, start: int, end: int) -> None:
    """A block cut where the running text finishes a word broken above it, its last note without a
    sentence's end: the rest of that note may stand further on (at the foot of the next column)."""
    last = lines[note.lines[-1]].text
    if end < len(lines) and not note.warning and not ends_sentence(last) and resumes_broken_word(
            lines, end, start):
        note.warning = (f"note {note.label} breaks off without a sentence's end where the running text "
                        f"resumes (line {lines[end].number} finishes a word broken above the notes): "
                        "the rest of the note may stand further on, read as running text")


def _warn_if_out_of_order(lines: list[Line], note: Footnote) -> None:
    """A marker in the first sentence of a line that goes on in lower case after a blank line and a
    finished sentence: the extraction wrote a piece of a column out of its order (two columns read in the
    wrong order), so the words before the marker in the text are not the ones printed before it."""
    marker = note.marker
    if marker is None or note.warning or marker.line == 0 or not lines[marker.line - 1].blank:
        return
    above = next((k for k in range(marker.line - 1, -1, -1) if not lines[k].blank), None)
    head = lines[marker.line].text[: marker.start].rstrip()
    if (above is not None and starts_lowercase(lines[marker.line].text) and ends_sentence(lines[above].text)
            and not SENTENCE_INSIDE.search(head)):
        note.warning = (f"note {note.label} is linked at its marker on line {lines[marker.line].number}, "
                        "which goes on in lower case after a finished sentence: the columns of its page "
                        "were read out of order, and the words before the marker may not be the printed ones")


def _end_before_running_text(lines: list[Line], start: int, end: int, first: Label) -> int:
    """A block's end, cut where the running text resumes inside it: when the lines between two of its
    labels hold the second one's marker glued to a word (notes under the first column of two, then the
    second column), the notes end where a sentence ends and the next line goes on in lower case, holds
    that marker or (after symbol notes, whose texts hold no glued symbols) opens a sentence."""
    previous = start
    for j in range(start + 1, end):
        label = read_label(lines[j].text, (first.style,)) or read_label_alone(lines[j].text, (first.style,))
        if label is None:
            continue
        glued = [k for k in range(previous + 1, j)
                 if any(glued for *_, glued in marker_candidates(lines[k].text, label))]
        if glued:
            return next((k for k in range(previous + 1, glued[0] + 1)
                         if read_label_alone(lines[k - 1].text) is None and ends_sentence(lines[k - 1].text)
                         and (lines[k].stripped[:1].islower() or k == glued[0]
                              or label.style == "symbol" and lines[k].stripped[:1].isupper())), end)
        previous = j
    return end


def take_stacked_labels(
    lines: list[Line], notes: list[Footnote], start: int, region: range, taken: frozenset[int]
) -> int:
    """`pdftotext` may stack the labels of notes alone on their lines ("†", "‡"), then their texts one after
    the other: the labels just above a note's label, in sequence before it, share its lines, split where a
    sentence ends and a capital opens the next. The block's new start."""
    q = 0
    while q < len(notes):
        note, floor = notes[q], notes[q - 1].label_line + 1 if q else region.start
        stacked: list[tuple[int, Label]] = []
        k = note.label_line - 1
        while k >= floor and k not in taken and (label := read_label_alone(lines[k].text)) is not None:
            stacked.insert(0, (k, label))
            k -= 1
        ranks = [label_rank(label.value) for _, label in stacked] + [label_rank(note.label)]
        q += 1
        if not stacked or None in ranks or ranks != list(range(ranks[0], ranks[0] + len(ranks))):
            continue
        body = [j for j in note.lines if j != note.label_line or lines[j].text[note.text_start :].strip()]
        parts = split_notes(lines, body, len(ranks))
        if parts is None:
            note.warning = (f"the labels {', '.join(label.value for _, label in stacked)} and {note.label} "
                            "stand together above their notes; their texts could not be told apart")
            continue
        previous = next((n.marker for n in reversed(notes[: q - 1]) if n.marker), None)
        after = (previous.line, previous.end) if previous else (region.start, 0)
        for q0 in range(q - 1):  # the stacked labels were read as text of the note before
            notes[q0].lines = [j for j in notes[q0].lines if j not in {j for j, _ in stacked}]
        for place, ((j, label), part) in enumerate(zip(stacked, parts, strict=False), start=q - 1):
            marker, decided = find_marker(lines, region, label, after, taken)
            after = (marker.line, marker.end) if marker else after
            added = Footnote(label_rank(label.value) or 0, j, [j, *part], marker, label.value, decided)
            added.text_start = len(lines[j].text)  # the label stands alone: its text is on the lines below
            notes.insert(place, added)
        q += len(stacked)
        note.lines = [note.label_line, *parts[-1]]
        note.warning = "" if "follows note" in note.warning else note.warning  # the stack fills the gap
        if note.marker is not None and (note.marker.line, note.marker.start) < after:
            text = lines[note.label_line].text
            label = read_label(text, (stacked[0][1].style,)) or read_label_alone(text)
            note.marker, note.decided = (None, "") if label is None else find_marker(
                lines, region, label, after, taken)
    return min(start, notes[0].label_line)


def _quantity(text: str, label: Label) -> bool:
    """Does a number opening a line count something ("1 января", "3 года") rather than label a note?"""
    return label.style == "digit" and bool(QUANTITY_WORDS.match(text[label.end :]))
