"""Page-foot notes whose labels and markers the OCR garbled, linked by their order on the page.

Tesseract reads a superscript digit as a mark glued to the word or stop before it ("manoeuvre.!",
"обсуждались?", "interests”", "decades®", "тревогу.)") and the label of a note at the page foot as a mark or
a letter before its first word ("‘DVP", "°TNA", "SAVP"), or loses it. Where the footnotes pass found no
note (or left some unanchored) on a page, this pass reads the page again: its foot is the run of blank-
separated groups of lines at the bottom of the page (after the running text, before the page number) whose
lines open with such a label; a note opens at a label, at a group's first line, or at a capital after a
short line that ends a sentence. On a page of two columns the OCR may set the notes of the first column in
the middle of the page, between the sentence they interrupt and its end (in lower case): those are the
page's first notes, read before its foot's. The page's garbled markers are the candidates in its running
text. When the candidates and the notes are as many, note k is linked to candidate k, by order only (warned
at its raw line); when they are not, the page is left as the footnotes pass read it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.layout import Footnote, FootnoteBlock, Marker
from ..model.lines import Line
from .evidence import is_page_number_line
from .garbled_marks import label_end, marker_candidates
from .headings import heading_level
from .lines import ends_sentence
from .note_labels import NOTE_SYMBOLS, SYMBOL_ORDER, numbered_heading, rank_label, symbol_rank
from .superscript_reads import align, compatible, digits_fit

# A foot longer than this is running text, not notes.
MAX_FOOT_LINES = 30
# A group of lines of notes under a column: a note or two (a longer group is running text).
MAX_COLUMN_GROUP = 4


@dataclass
class PageFoot:
    """The notes read at the foot of one page: the lines each note holds, and its label's end."""

    start: int
    end: int
    notes: list[tuple[int, list[int], int]]  # (label line, lines, where the text starts on the label line)


def pages_of(lines: list[Line]) -> list[range]:
    """The pages of the lines, split at the form feeds."""
    cuts = [0, *(i + 1 for i, line in enumerate(lines) if line.form_feed), len(lines)]
    return [range(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _groups(lines: list[Line], page: range) -> list[list[int]]:
    """The page's runs of non-blank lines, bottom first, without a page number at the foot."""
    groups: list[list[int]] = []
    current: list[int] = []
    for i in reversed(page):
        # Only the page's last line can be its printed number: a number higher up is text of the foot.
        if lines[i].blank or (not groups and not current and is_page_number_line(lines, i)):
            if current:
                groups.append(current[::-1])
                current = []
            continue
        current.append(i)
    if current:
        groups.append(current[::-1])
    return groups


def _note_like(lines: list[Line], group: list[int]) -> bool:
    """Could the group of lines be notes: a line opens with a label, or it is a short run of lines that
    opens with a capital and ends a sentence (a note whose label the OCR lost)?"""
    if any(heading_level(lines[i].text) and not ends_sentence(lines[i].text) or numbered_heading(lines, i)
           for i in group):
        return False
    if any(label_end(lines[i].text) for i in group):
        return True
    return len(group) <= 3 and lines[group[0]].stripped[:1].isupper() and ends_sentence(lines[group[-1]].text)


def read_feet(lines: list[Line], page: range, taken: frozenset[int]) -> list[PageFoot]:
    """The readings of the page's foot, the longest first: its last groups of lines that read as notes,
    from each of their groups to the bottom (a group at the top may be the end of the running text)."""
    foot: list[list[int]] = []
    groups = _groups(lines, page)
    while groups and len(groups[0]) == 1 and not re.search(r"[^\W\d_]{3}", lines[groups[0][0]].text):
        groups.pop(0)  # specks at the page's foot ("oR ON"): no word in them
    for group in groups[:-1]:  # the page's first group is running text
        if any(i in taken for i in group) or not _note_like(lines, group):
            break
        foot.insert(0, group)
    while foot and sum(len(g) for g in foot) > MAX_FOOT_LINES:
        foot.pop(0)
    if not foot:
        return []
    notes, opens = _notes_of(lines, foot, page)
    # A group above a label may be the end of the running text; a group with a label is notes.
    labelled = [any(label_end(lines[i].text) for i in group) for group in foot]
    tops = opens[: labelled.index(True) + 1] if True in labelled else opens
    return [PageFoot(notes[k][0], foot[-1][-1] + 1, notes[k:]) for k in tops]


def _notes_of(
    lines: list[Line], groups: list[list[int]], page: range
) -> tuple[list[tuple[int, list[int], int]], list[int]]:
    """The notes of groups of note lines (a note opens at a label, at a group's first line, or at a capital
    after a short line that ends a sentence), and which of them open a group."""
    width = max(len(lines[i].stripped) for i in page)
    notes: list[tuple[int, list[int], int]] = []
    opens: list[int] = []
    for group in groups:
        opens.append(len(notes))
        for k, i in enumerate(group):
            text = lines[i].text
            previous = lines[group[k - 1]].stripped if k else ""
            short_end = bool(previous) and ends_sentence(previous) and len(previous) < 0.8 * width
            if not k or label_end(text) or short_end and text.lstrip()[:1].isupper():
                notes.append((i, [i], label_end(text)))
            else:
                notes[-1][1].append(i)
    return notes, opens


def column_feet(
    lines: list[Line], page: range, taken: frozenset[int], symbols: bool = False
) -> list[PageFoot]:
    """Notes set under the first of two columns, which the OCR reads in the middle of the page: a run of
    short groups of lines that read as notes (one at least with a label), between groups of running text,
    the one below going on in lower case (the sentence the notes interrupt); or, on a page of ``symbols``
    notes, a run whose labels all read as symbols and whose last line ends a sentence (the second column may
    open a sentence)."""
    groups = _groups(lines, page)[::-1]  # top first
    feet: list[PageFoot] = []
    k = 1  # the page's first group is running text
    while k < len(groups) - 1:
        q = k
        while q < len(groups) - 1 and _column_note_group(lines, groups[q], taken):
            q += 1
        run = groups[k:q]
        labelled = any(label_end(lines[i].text) for group in run for i in group)
        goes_on = lines[groups[q][0]].stripped[:1].islower()
        if run and labelled and (goes_on or symbols and _symbol_run(lines, run)):
            notes, _ = _notes_of(lines, run, page)
            feet.append(PageFoot(run[0][0], run[-1][-1] + 1, notes))
        k = max(q, k + 1)
    return feet


def _symbol_run(lines: list[Line], run: list[list[int]]) -> bool:
    """Do the labels of a run of groups all read as symbols, its last line ending a sentence?"""
    reads = [lines[i].text[: label_end(lines[i].text)].strip() for group in run for i in group]
    return ends_sentence(lines[run[-1][-1]].text) and all(
        any(compatible(read, symbol) for symbol in SYMBOL_ORDER) for read in reads if read)


def _column_note_group(lines: list[Line], group: list[int], taken: frozenset[int]) -> bool:
    return len(group) <= MAX_COLUMN_GROUP and not any(i in taken for i in group) and _note_like(lines, group)


def _first_numbers(lines: list[Line], foot: PageFoot, before: int) -> list[int]:
    """The possible numbers of the page's first note: from a label the OCR kept, the count so far, and 1
    (the numbering restarts on each page)."""
    found = []
    for k, (i, _, _) in enumerate(foot.notes):
        m = re.match(r"\d{1,3}", lines[i].text)
        if m and int(m.group()) > k:
            found.append(int(m.group()) - k)
            break
    return list(dict.fromkeys([*found, before + 1, 1]))


def _candidates(
    lines: list[Line], body: list[int], used: set[tuple[int, int]],
    low: tuple[int, int] = (0, 0), high: tuple[int, int] | None = None, symbols: bool = False,
) -> list[tuple[Marker, bool]]:
    """The garbled markers of the body lines between low and high that no other note has taken, each
    with its strength (a mark after a space is not glued); ``symbols``: of symbol notes."""
    return [(Marker(i, s, e, not lines[i].text[s].isspace()), strong) for i in body
            for s, e, strong in marker_candidates(lines[i].text, symbols)
            if (i, s) not in used and low <= (i, s) and (high is None or (i, e) <= high)]


def _read_page(
    lines: list[Line], foot: PageFoot, body: list[int], before: int, used: set[tuple[int, int]],
    symbol: bool = False,
) -> list[Footnote]:
    """The foot's notes linked to the page's candidate markers: note k to candidate k when they are as
    many (the strong candidates, or all), else by the look of each read (notes left over: unanchored).
    Symbol notes ("*", "†") may open the page with any symbol (the others stood on the page before, or
    under another column): the reading whose labels and markers agree best wins."""
    found = _candidates(lines, body, used, symbols=symbol)
    best: list[Footnote] = []
    for first in range(1, len(SYMBOL_ORDER) + 1) if symbol else _first_numbers(lines, foot, before):
        chosen = _choose(lines, found, list(range(first, first + len(foot.notes))), symbol)
        notes = _notes(lines, foot, chosen, first, symbol)
        if any(note.marker for note in notes) and _evidence(lines, notes) > _evidence(lines, best):
            best = notes
    return best


def _read(lines: list[Line], marker: Marker) -> str:
    """What a candidate marker reads, without the spaces before and in it ("! 6" for 16) or the bracket after
    it ("12)")."""
    read = "".join(lines[marker.line].text[marker.start : marker.end].split())
    return read[:-1] if len(read) > 1 and read.endswith(")") else read


def _choose(
    lines: list[Line], found: list[tuple[Marker, bool]], numbers: list[int], symbol: bool = False
) -> list[Marker | None]:
    """The markers of notes so numbered (or symbols so ranked) among the candidates: in order when the
    strong candidates, or all of them, are as many as the notes and no digit among them reads another
    label; else by the look of each read."""
    strong = [m for m, st in found if st]
    every = [m for m, _ in found]
    for markers in (strong, every):
        reads = [_read(lines, m) for m in markers]
        if len(markers) == len(numbers) and all(
                digits_fit(r, rank_label(n, symbol)) for r, n in zip(reads, numbers, strict=True)):
            return _apart(list(markers))
    labels = [rank_label(n, True) for n in numbers] if symbol else numbers
    return _apart([None if j is None else every[j] for j in align([_read(lines, m) for m in every], labels)])


def _apart(markers: list[Marker | None]) -> list[Marker | None]:
    """The chosen markers, less one that another chosen one holds ("!" of "! 6", a split 16): a read is one
    note's marker."""
    def held(m: Marker) -> bool:
        return any(o is not None and o.line == m.line and o.start <= m.start and m.end <= o.end
                   and o.end - o.start > m.end - m.start for o in markers)
    return [None if m is not None and held(m) else m for m in markers]


def _notes(
    lines: list[Line], foot: PageFoot, markers: list[Marker | None], first: int, symbol: bool = False
) -> list[Footnote]:
    notes = []
    for k, ((label_line, note_lines, text_start), marker) in enumerate(zip(foot.notes, markers, strict=True)):
        n = first + k
        note = Footnote(n, label_line, note_lines, marker, rank_label(n, symbol), "", text_start=text_start)
        if marker is not None:
            _decide(lines, note, marker, counted=True)
        notes.append(note)
    return notes


def link_garbled(
    lines: list[Line], notes: list[Footnote], region: range, taken: frozenset[int],
    used: set[tuple[int, int]] | None = None,
) -> None:
    """Markers for the notes left unanchored, from the garbled superscripts of the region: each run of
    them between the markers of its linked neighbours, in order when as many, else by the look of each."""
    k = 0
    while k < len(notes):
        if notes[k].marker is not None:
            k += 1
            continue
        end = next((q for q in range(k, len(notes)) if notes[q].marker is not None), len(notes))
        before = next((n.marker for n in reversed(notes[:k]) if n.marker), None)
        after = notes[end].marker if end < len(notes) else None
        low = (before.line, before.end) if before else (region.start, 0)
        high = (after.line, after.start) if after else (region.stop, 0)
        body = [i for i in region if low[0] <= i <= high[0] and i not in taken and not lines[i].blank]
        run = notes[k:end]
        symbol = any(symbol_rank(note.label) for note in run)
        found = _candidates(lines, body, used or set(), low, high, symbol)
        chosen = _choose(lines, found, [note.n for note in run], symbol)
        for note, marker in zip(run, chosen, strict=True):
            if marker is not None:
                _decide(lines, note, marker)
        k = end


def _decide(lines: list[Line], note: Footnote, marker: Marker, counted: bool = False) -> None:
    """Link the note to a garbled marker: by its label if the marker reads it, else by order only (warned).
    A number ``counted`` over the pages (not printed at the note) may be off: the marker reads no more
    than the order then."""
    read = _read(lines, marker)
    label = note.label or str(note.n)
    printed = not counted or re.match(rf"\s*{re.escape(label)}(?!\d)", lines[note.label_line].text)
    note.marker = marker
    note.decided = "label" if marker.glued and read == label and printed else "order"
    if note.decided == "order":
        note.warning = f"note {note.label or note.n} linked by its order only: its marker reads '{read}'"


def _evidence(lines: list[Line], notes: list[Footnote]) -> int:
    """How well a reading of a page's notes holds: its links, and the labels the OCR kept that agree with
    its numbering (a group of running text read as a note shifts them), or read as its symbols."""
    kept = [re.match(r"\d{1,3}", lines[note.label_line].text) for note in notes]
    agree = sum(1 for note, m in zip(notes, kept, strict=True) if m and int(m.group()) == note.n)
    agree += sum(1 for note in notes if symbol_rank(note.label) and compatible(
        lines[note.label_line].text[: note.text_start].strip(), note.label))
    return agree + sum(note.marker is not None for note in notes) if notes else 0


def _linked(block: FootnoteBlock) -> int:
    return sum(note.marker is not None for note in block.notes)


def symbol_feet(blocks: list[FootnoteBlock]) -> bool:
    """Are the document's page-foot notes symbols: the labels read at page feet by their labels are symbols,
    and none is a number?"""
    read = [n.label for b in blocks if b.place == "foot" for n in b.notes if n.decided == "label"]
    return any(symbol_rank(label) for label in read) and not any(label.isdigit() for label in read)


def garbled_page_notes(
    lines: list[Line], blocks: list[FootnoteBlock], taken: frozenset[int] = frozenset()
) -> list[FootnoteBlock]:
    """The note blocks with, on every page where the footnotes pass linked fewer notes than its foot
    holds, the page's notes read again from their garbled labels and markers (linked by order)."""
    out = list(blocks)
    count = 0
    symbol_notes = symbol_feet(blocks)
    for page in pages_of(lines):
        mine = [b for b in out if b.place == "foot" and b.start in page]
        used = {(n.marker.line, n.marker.start) for b in out if b not in mine for n in b.notes if n.marker}
        symbol = symbol_notes or any(symbol_rank(n.label) for b in mine for n in b.notes)
        # a marker never stands among the lines of notes
        in_notes = taken | frozenset(j for b in out for j in range(b.start, b.end))
        linked = sum(_linked(b) for b in mine)
        reading: list[Footnote] = []
        reading_feet: list[PageFoot] = []
        reading_labelled = False
        for feet in _feet_readings(lines, page, taken, symbol):  # the longest first: on a tie, it wins
            foot = PageFoot(feet[0].start, feet[-1].end, [note for f in feet for note in f.notes])
            if len(foot.notes) <= linked or any(not _within(lines, b, feet) for b in mine):
                continue
            apart = {i for f in feet for i in range(f.start, f.end)}
            body = [i for i in page
                    if i < feet[-1].start and i not in in_notes and i not in apart and not lines[i].blank]
            symbols = symbol or any(lines[i].text[:1] in NOTE_SYMBOLS for i, _, _ in foot.notes)
            notes = _read_page(lines, foot, body, count, used, symbols)
            # On a tie, a reading that opens with a label wins over one that opens with a group of lines
            # that may end the running text.
            labelled = bool(foot.notes[0][2])
            if (_evidence(lines, notes), labelled) > (_evidence(lines, reading), reading_labelled):
                reading, reading_feet, reading_labelled = notes, feet, labelled
        if sum(note.marker is not None for note in reading) <= linked:  # no better than the footnotes pass
            for block in mine:
                link_garbled(lines, block.notes, range(page.start, block.start), in_notes, used)
            count += sum(len(b.notes) for b in mine)
            continue
        out = [b for b in out if b not in mine]
        first = 0
        for foot in reading_feet:  # a block for each foot: the running text between them stays text
            out.append(FootnoteBlock(foot.start, foot.end, reading[first : first + len(foot.notes)]))
            first += len(foot.notes)
        count = reading[-1].n
    return sorted(out, key=lambda b: b.start)


def _feet_readings(
    lines: list[Line], page: range, taken: frozenset[int], symbols: bool
) -> list[list[PageFoot]]:
    """The readings of the page's notes: each reading of its foot, after the notes set under its first
    column if there are any (then the foot's readings without them too), each once; the notes under the
    first column alone when the page's foot reads as none."""
    feet = read_feet(lines, page, taken)
    columns = column_feet(lines, page, taken, symbols)
    with_columns = [[*[c for c in columns if c.end <= foot.start], foot] for foot in feet]
    alone = [columns] if columns and not feet else []
    return [*with_columns, *([foot] for foot in feet if any(c.end <= foot.start for c in columns)), *alone]


def _within(lines: list[Line], block: FootnoteBlock, feet: list[PageFoot]) -> bool:
    """Does one of the feet hold the block's lines (blank lines after it aside)?"""
    return any(foot.start <= block.start and all(lines[j].blank for j in range(foot.end, block.end))
               for foot in feet)
