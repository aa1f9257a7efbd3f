"""An endnote section whose labels the OCR garbled: ". Сведения о численности…", "‘Документы…".

The notes open at their garbled labels (``garbled_notes.label_end``) and are numbered in order from 1, or
from a number the OCR kept ("9. Документы…"); a line that opens with no label goes on with the note before
it. The OCR may also set the labels apart, in a column of their own ("10.", "11.", … one a line) before
their texts: the texts after the column are its notes, split where a sentence ends and a capital opens the
next line, numbered so that the last one has the column's last label.

The notes end at the first line that is none of these (a page's furniture): the lines after it are left to
the running text, as read, unless the section's numbering goes on just after it (a speck at a page's foot
between two pages of notes), where a new part of the section begins. The notes are linked to the garbled
markers of the text before the section by ``garbled_notes.link_garbled``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.layout import Footnote
from ..model.lines import Line
from .footnotes import has_form_feeds, unpaged_page_number
from .garbled_marks import label_end
from .lines import ends_sentence

# A label alone on its line, its text set apart: "10." or "10".
BARE_LABEL = re.compile(r"^(?P<n>\d{1,3})\.?$")
# A number the OCR kept at the start of a note line: "9. Документы…".
KEPT_NUMBER = re.compile(r"\d{1,3}")
# The lines looked at past a line that ends the notes, for the numbering going on.
LOOK_AHEAD = 4


@dataclass
class SectionPart:
    """Notes of an endnote section that stand together, and the lines they span (end exclusive)."""

    start: int
    end: int
    notes: list[Footnote] = field(default_factory=list)


def label_column(lines: list[Line], j: int, end: int) -> tuple[list[int], int]:
    """The label lines of a column of labels from line j (blank lines between them), each the number after
    the one above (a number that is not, a page number without form feeds, ends the column), and the line
    after the column; none unless two labels at least."""
    labels: list[int] = []
    k = j
    while k < end and (lines[k].blank or BARE_LABEL.match(lines[k].stripped)):
        if not lines[k].blank:
            if labels and _bare_number(lines[k]) != _bare_number(lines[labels[-1]]) + 1:
                break
            labels.append(k)
        k += 1
    return (labels, k) if len(labels) >= 2 else ([], j)


def _bare_number(line: Line) -> int:
    m = BARE_LABEL.match(line.stripped)
    return int(m["n"]) if m else 0


def _opens_text(lines: list[Line], j: int, last: int | None) -> bool:
    """Does line j open a note's text: a garbled label, or a capital after a line that ends a sentence?"""
    if label_end(lines[j].text):
        return True
    return last is None or ends_sentence(lines[last].text) and lines[j].stripped[:1].isupper()


def _goes_on(lines: list[Line], last: Footnote | None, j: int) -> bool:
    """Does line j go on with the note ``last``: a line in lower case after one that ends no sentence?"""
    if last is None:
        return False
    return not ends_sentence(lines[last.lines[-1]].text) and lines[j].text.lstrip()[:1].islower()


def _column_texts(lines: list[Line], start: int, end: int, form_feeds: bool) -> list[tuple[list[int], int]]:
    """The texts below a column of labels: (lines, where the text starts) of each (``form_feeds``: whether
    the lines hold any)."""
    texts: list[tuple[list[int], int]] = []
    last: int | None = None
    for j in range(start, end):
        if lines[j].blank or unpaged_page_number(lines, j, form_feeds):
            continue
        if _opens_text(lines, j, last):
            texts.append(([j], label_end(lines[j].text)))
        elif texts and not ends_sentence(lines[last].text if last is not None else ""):
            texts[-1][0].append(j)
        else:
            break
        last = j
    return texts


def _numbers_after_column(last_label: int, texts: int, before: int) -> list[int]:
    """The numbers of the texts below a column: the last has the column's last label (the column may have
    lost its first labels), never at or below the number of the note before."""
    first = max(last_label - texts + 1, before + 1)
    return list(range(first, last_label + 1))


def _short(line: Line) -> bool:
    """A speck or a page's furniture: a few words that end no sentence."""
    return not ends_sentence(line.text) and len(line.text.split()) <= LOOK_AHEAD


def _resumes(lines: list[Line], j: int, end: int, number: int) -> int | None:
    """The line, just past line j and the specks and furniture after it (without form feeds, a running
    head stands there), where the section's numbering goes on with note ``number`` (its label kept, or a
    column of labels), if it does."""
    if not _short(lines[j]):
        return None  # a sentence of running text, not a speck
    for k in range(j + 1, min(end, j + 1 + 2 * LOOK_AHEAD)):
        if lines[k].blank:
            continue
        kept = KEPT_NUMBER.match(lines[k].text)
        if label_end(lines[k].text) and kept and int(kept.group()) == number:
            return k
        column, _ = label_column(lines, k, end)
        if column:
            return k if _bare_number(lines[column[0]]) >= number else None
        if not _short(lines[k]):
            return None
    return None


def garbled_section(lines: list[Line], first: int, end: int) -> list[SectionPart]:
    """The notes of a section from its first note line, in parts (a part ends where a speck between two
    pages of notes stands; the first part starts at ``first``)."""
    parts = [SectionPart(first, first + 1)]
    form_feeds = has_form_feeds(lines)
    j = first
    while j < end:
        text = lines[j].text
        notes = parts[-1].notes
        previous = notes[-1] if notes else None
        if lines[j].blank:
            j += 1
            continue
        column, after = label_column(lines, j, end)
        if column:
            texts = _column_texts(lines, after, end, form_feeds)
            numbers = _numbers_after_column(_bare_number(lines[column[-1]]), len(texts),
                                            previous.n if previous else 0)
            for (note_lines, opens), n in zip(texts, numbers, strict=False):
                notes.append(Footnote(n, note_lines[0], note_lines, None, str(n), text_start=opens))
            if not texts or not numbers:
                break
            parts[-1].end = notes[-1].lines[-1] + 1
            j = parts[-1].end
            continue
        opens = label_end(text)
        if opens:
            kept = KEPT_NUMBER.match(text)
            n = int(kept.group()) if kept else (previous.n + 1 if previous else 1)
            notes.append(Footnote(n, j, [j], None, str(n), text_start=opens))
        elif _goes_on(lines, previous, j):
            notes[-1].lines.append(j)
        elif previous and (resume := _resumes(lines, j, end, previous.n + 1)) is not None:
            parts.append(SectionPart(resume, resume))
            j = resume
            continue
        else:
            break
        parts[-1].end = j + 1
        j += 1
    return [part for part in parts if part.notes]
