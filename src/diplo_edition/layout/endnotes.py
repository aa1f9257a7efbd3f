"""Endnote sections, and every note of a document: the page-foot notes and the endnotes together.

An endnote section opens with its title on a line of its own ("Примечания", "Комментарии", "Notes",
"Endnotes": the language packs' ``note_section_titles``) followed by the label of a first note. It holds
the notes of the text before it, back to the previous endnote section: at the end of the document, or at
the end of each chapter. Its notes may be labelled "1.", as well as in every page-foot style. The section
ends at a chapter heading, at another section title, or at the end of the text.

A document may have both (symbol footnotes at the page foot, numbered endnotes): the sections are found
first, the page-foot notes in the rest of the text, and the endnotes are linked to markers that no
page-foot note has taken.
"""

from __future__ import annotations

from ..editions import LayoutHints
from ..languages import packs
from ..model.layout import Footnote, FootnoteBlock, Marker
from ..model.lines import Line
from .evidence import page_start
from .footnotes import find_footnotes, read_notes, take_stacked_labels
from .garbled_endnotes import SectionPart, garbled_section, label_column
from .garbled_marks import label_end
from .garbled_notes import garbled_page_notes, link_garbled, symbol_feet
from .headings import CHAPTER
from .hints import section_title_key
from .note_labels import SYMBOL_ORDER, Label, rank_label, read_label, read_label_alone, symbol_rank
from .note_markers import markers_in_order
from .superscript_reads import compatible

NOTE_SECTION_TITLES = {t.casefold() for p in packs() for t in p.note_section_titles}
REFERENCE_LIST_TITLES = {t.casefold() for p in packs() for t in p.reference_list_titles}
OTHER_SECTION_TITLES = {t.casefold() for p in packs() for t in p.section_titles} - NOTE_SECTION_TITLES
# A title that ends an endnote section: another section's, or another endnote section's.
SECTION_TITLES = NOTE_SECTION_TITLES | OTHER_SECTION_TITLES


def _title(line: Line) -> str:
    return section_title_key(line.stripped)


def _first_note(lines: list[Line], heading: int) -> int | None:
    """The line of the first note under a section title, if a note follows it."""
    j = heading + 1
    while j < len(lines) and lines[j].blank:
        j += 1
    if j < len(lines):
        label = read_label(lines[j].text)
        if label is not None and label.value in ("1", "*") or label is None and label_end(lines[j].text):
            return j  # the first note's label, or a label the OCR garbled
        if label_column(lines, j, len(lines))[0]:
            return j  # the labels in a column of their own, their texts below
    return None


def _section_end(lines: list[Line], first: int, titles: frozenset[str]) -> int:
    for j in range(first + 1, len(lines)):
        if CHAPTER.match(lines[j].stripped) or _title(lines[j]) in SECTION_TITLES | titles:
            return j
    return len(lines)


def endnote_sections(lines: list[Line], declared: tuple[str, ...] = ()) -> list[tuple[int, int, int]]:
    """(title line, first note line, end) of every endnote section; ``declared``: more titles (the edition
    file's ``layout: endnote_titles``)."""
    titles = frozenset(_title(Line(title, "", 0)) for title in declared)
    sections = []
    i = 0
    while i < len(lines):
        first = _first_note(lines, i) if _title(lines[i]) in NOTE_SECTION_TITLES | titles else None
        if first is None:
            i += 1
            continue
        end = _section_end(lines, first, titles)
        sections.append((i, first, end))
        i = end
    return sections


def _reference_list_pages(lines: list[Line]) -> frozenset[int]:
    """The lines from a reference list's title to the end of the first page that holds an entry: their
    "1." numbers entries, not notes (the page's own footnotes, labelled otherwise, may still follow the
    list). A title at the foot of its page has its entries on the next one."""
    found: set[int] = set()
    for i, line in enumerate(lines):
        if _title(line) in REFERENCE_LIST_TITLES:
            entries, pages = False, 0
            for j in range(i, len(lines)):
                if lines[j].form_feed and j > i:
                    pages += 1
                    if pages > 1 or entries:
                        break
                found.add(j)
                entries = entries or read_label(lines[j].text, ("dotted",)) is not None
    return frozenset(found)


def _link_together(
    lines: list[Line], notes: list[Footnote], style: str, region: range, taken: frozenset[int]
) -> None:
    """The markers of a section's notes chosen together, when that links more of them (or as many, more of
    them glued) than one by one."""
    chosen = markers_in_order(lines, region, [Label(style, note.label, 0) for note in notes], taken)

    def linked(markers: list[Marker | None]) -> tuple[int, int]:
        return sum(m is not None for m in markers), sum(m is not None and m.glued for m in markers)
    if linked(chosen) <= linked([note.marker for note in notes]):
        return
    for note, marker in zip(notes, chosen, strict=True):
        if marker != note.marker:
            note.marker, note.decided = marker, "label" if marker else ""
            note.warning = "" if "linked by its order only" in note.warning else note.warning


def _page_notes_within(
    lines: list[Line], notes: list[Footnote], style: str, region: range, taken: frozenset[int]
) -> list[FootnoteBlock]:
    """The page-foot notes of a page inside an endnote section: a label of another style alone on its line
    ("§" among notes "1.", "2.") ends the endnote before it and opens the page's notes, linked to their
    markers in the text before the section."""
    blocks = []
    for note in notes:
        alone = [(k, label) for k, j in enumerate(note.lines) if j != note.label_line
                 and (label := read_label_alone(lines[j].text)) and label.style != style]
        if not alone:
            continue
        cut, first = alone[0]
        foot = note.lines[cut:]
        end = foot[-1] + 1
        page_notes = read_notes(lines, foot[0], end, first, 1, region, (region.start, 0), taken)
        if page_notes:  # else the lines stay the endnote's (a page number, a running head)
            note.lines = note.lines[:cut]
            start = take_stacked_labels(lines, page_notes, page_notes[0].label_line, region, taken)
            blocks.append(FootnoteBlock(start, end, page_notes))
    return blocks


def _garbled_symbol_notes(
    lines: list[Line], notes: list[Footnote], symbols: list[Footnote], taken: frozenset[int],
    used: set[tuple[int, int]],
) -> list[FootnoteBlock]:
    """The page-foot symbol notes the OCR set inside an endnote section, their labels garbled ("ЗРГАСПИ"
    for §): lines of an endnote, after a blank line, each opening with a read of symbols in sequence: the
    ones after the page-foot ``symbols`` before them, or from "*" again, or (where the OCR garbled the labels
    before them too) later ones. They end the endnote before them and are linked to the garbled markers of
    their page, by order only."""
    blocks = []
    for note in notes:
        for k, j in enumerate(note.lines):
            if j == note.label_line or not lines[j - 1].blank:
                continue
            foot = note.lines[k:]
            opens = [i for i in foot if label_end(lines[i].text)]
            if not opens or opens[0] != j:
                continue
            reads = [lines[i].text[: label_end(lines[i].text)].strip() for i in opens]
            last = max((symbol_rank(n.label) or 0 for n in symbols if n.label_line < j), default=0)
            ranks = dict.fromkeys([last + 1, 1, *range(last + 2, len(SYMBOL_ORDER) + 1)])
            first = next((f for f in ranks if all(
                compatible(read, rank_label(f + q, True)) for q, read in enumerate(reads))), None)
            if first is None:
                continue
            ends = [*opens[1:], foot[-1] + 1]
            page_notes = [Footnote(first + q, i, [m for m in foot if i <= m < ends[q]], None,
                                   rank_label(first + q, True), text_start=label_end(lines[i].text))
                          for q, i in enumerate(opens)]
            note.lines = note.lines[:k]
            link_garbled(lines, page_notes, range(page_start(lines, j), j), taken, used)
            blocks.append(FootnoteBlock(j, foot[-1] + 1, page_notes))
            break
    return blocks


def find_notes(lines: list[Line], hints: LayoutHints | None = None) -> list[FootnoteBlock]:
    """Every note block of the document, page-foot and endnote, in the order of the lines (``hints``: what
    the edition file declares of the layout: endnote section titles, label styles, where notes restart)."""
    hints = hints or LayoutHints()
    sections = endnote_sections(lines, hints.endnote_titles)
    in_sections = frozenset(j for heading, _, end in sections for j in range(heading, end))
    blocks = find_footnotes(
        lines, in_sections, _reference_list_pages(lines), hints.note_markers, hints.notes_restart)
    if sections and symbol_feet(blocks):
        # Symbols at the page feet, numbers at the end: the pages' garbled symbol markers are read first, on
        # their pages, so that no endnote takes one by its order.
        blocks = garbled_page_notes(lines, blocks, in_sections)
    foot_lines = frozenset(j for block in blocks for j in range(block.start, block.end))
    # A marker a page-foot note has taken is no endnote's.
    used = {(n.marker.line, n.marker.start) for block in blocks for n in block.notes if n.marker}
    previous_end = 0
    for heading, first, end in sections:
        label = read_label(lines[first].text)
        # A marker never stands in a block of notes.
        region = range(previous_end, heading)
        if label is None:  # labels the OCR garbled
            parts = garbled_section(lines, first, end) or [SectionPart(first, first + 1)]
            link_garbled(lines, [note for part in parts for note in part.notes], region, foot_lines, used)
            for k, part in enumerate(parts):
                start, title = (heading, heading) if k == 0 else (part.start, None)
                blocks.append(FootnoteBlock(start, part.end, part.notes, place="end", heading=title))
            previous_end = end
            continue
        notes = read_notes(lines, first, end, label, 1, region, (previous_end, 0), foot_lines, read_label)
        _link_together(lines, notes, label.style, region, foot_lines)
        link_garbled(lines, notes, region, foot_lines, used)
        blocks.append(FootnoteBlock(heading, end, notes, place="end", heading=heading))
        blocks.extend(_page_notes_within(lines, notes, label.style, region, foot_lines))
        symbols = [n for b in blocks if b.place == "foot" for n in b.notes if symbol_rank(n.label)]
        if symbols:
            blocks.extend(_garbled_symbol_notes(lines, notes, symbols, foot_lines | in_sections, used))
        previous_end = end
    return garbled_page_notes(lines, blocks, in_sections)
