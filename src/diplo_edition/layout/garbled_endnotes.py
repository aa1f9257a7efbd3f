"""An endnote section whose labels the OCR garbled: ". Сведения о численности…", "‘Документы…".

The notes open at their garbled labels (``garbled_notes.label_end``) and are numbered in order from 1, or
from a number the OCR kept ("9. Документы…"); a line that opens with no label goes on with the note before
it. The notes end at the first line that is none of these (a page's furniture, labels set apart from their
texts): the lines after it are left to the running text, as read. The notes are linked to the garbled
markers of the text before the section by ``garbled_notes.link_garbled``.
"""

from __future__ import annotations

import re

from ..model.layout import Footnote
from ..model.lines import Line
from .garbled_notes import label_end
from .lines import ends_sentence


def garbled_section(lines: list[Line], first: int, end: int) -> tuple[list[Footnote], int]:
    """The notes of a section from its first note line, and the line where they end."""
    notes: list[Footnote] = []
    last = first
    for j in range(first, end):
        text = lines[j].text
        if lines[j].blank:
            continue
        opens = label_end(text)
        if opens:
            kept = re.match(r"\d{1,3}", text)
            n = int(kept.group()) if kept else (notes[-1].n + 1 if notes else 1)
            notes.append(Footnote(n, j, [j], None, str(n), text_start=opens))
        elif notes and not ends_sentence(lines[last].text) and text.lstrip()[:1].islower():
            notes[-1].lines.append(j)  # the note goes on
        else:
            break
        last = j
    return notes, last + 1
