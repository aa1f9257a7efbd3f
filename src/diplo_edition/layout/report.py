"""What the layout passes found in a document, with its evidence, in words: for ``new`` (as comments of the
new edition file, over the layout hints it may declare) and ``check --layout``.

    running head 'LES PAPIERS DE STRESEMANN' on 9 of 10 pages (lines 12, 58, …)
    page numbers at the foot, 203–207 in sequence
    12 footnotes on 4 pages, labelled '(n)', restarting on 3 of 4 pages
    endnotes under 'Notes' (line 340): 12 notes, labelled 'n.'
"""

from __future__ import annotations

import json
from collections import Counter

from ..model.document import Document
from ..model.layout import FootnoteBlock
from .furniture import head_key
from .note_labels import read_label, read_label_alone

SHOWN_LINES = 3
# How the notes' labels are printed, by the style note_labels.py reads.
LABEL_FORMS = {"paren": "(n)", "bracket": "[n]", "closing": "n)", "digit": "n", "dotted": "n.", "symbol": "*"}
PLACES = {"top": "at the head", "bottom": "at the foot"}


def _lines(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:SHOWN_LINES])
    return f"line{'s' if len(numbers) > 1 else ''} {shown}{', …' if len(numbers) > SHOWN_LINES else ''}"


def _page_count(doc: Document) -> int:
    return max(len(doc.pages.breaks), len(doc.furniture.page_numbers), 1)


def _running_heads(doc: Document) -> list[str]:
    """Each running head (or foot) as printed first, on how many pages, at which raw lines."""
    page_of = _page_of(doc)
    heads: dict[str, tuple[str, list[int], set[int]]] = {}
    for i, text in _heads(doc):
        printed, lines, pages = heads.setdefault(head_key(text), (text, [], set()))
        lines.append(doc.lines[i].number)
        pages.add(page_of(i))
    total = _page_count(doc)
    return [f"running head '{printed}' on {len(pages)} of {total} pages ({_lines(lines)})"
            for printed, lines, pages in heads.values()]


def _heads(doc: Document) -> list[tuple[int, str]]:
    """(flow index, text) of every running head or foot (not a rule under one)."""
    out = []
    for item in doc.furniture.items:
        text = doc.lines[item.line].text[item.start : item.end].strip()
        if item.kind == "header" and head_key(text):
            out.append((item.line, text))
    return out


def _endnote_blocks(doc: Document) -> list[FootnoteBlock]:
    return [b for b in doc.footnotes if b.place == "end" and b.heading is not None]


def _page_of(doc: Document):
    starts = sorted(b.line for b in doc.pages.breaks)

    def page(i: int) -> int:
        return sum(1 for s in starts if s <= i)

    return page


def _page_numbers(doc: Document) -> list[str]:
    numbers = doc.pages.numbers or doc.furniture.numbers
    if not numbers:
        return [f"no printed page numbers on {_page_count(doc)} pages"]
    places = Counter(n.place for n in numbers)
    place = " and ".join(PLACES.get(p, p) for p, _ in places.most_common())
    values = sorted({n.value for n in numbers})
    steps = {b - a for a, b in zip(values, values[1:], strict=False)}
    order = "in sequence" if steps <= {1} else "with gaps"
    out = [f"page numbers {place}, {values[0]}–{values[-1]} {order} ({len(numbers)} printed)"]
    out += [f"page numbers: {conflict}" for conflict in doc.pages.conflicts[:SHOWN_LINES]]
    return out


def _label_styles(doc: Document, blocks: list[FootnoteBlock]) -> Counter:
    """How many notes of the blocks are labelled in each style."""
    styles: Counter = Counter()
    for block in blocks:
        for note in block.notes:
            text = doc.lines[note.label_line].text.strip()
            label = read_label(text) or read_label_alone(text)
            if label is not None:
                styles[label.style] += 1
    return styles


def _label_form(doc: Document, blocks: list[FootnoteBlock]) -> str:
    styles = _label_styles(doc, blocks)
    if not styles:
        return "with labels the OCR garbled"
    return " or ".join(f"'{LABEL_FORMS.get(style, style)}'" for style, _ in styles.most_common())


def _foot_blocks(doc: Document) -> list[FootnoteBlock]:
    return [b for b in doc.footnotes if b.place == "foot" and b.notes]


def _restarts(blocks: list[FootnoteBlock]) -> int:
    """On how many pages after the first the page-foot notes start again at 1 (or *)."""
    return sum(1 for b in blocks[1:] if (b.notes[0].label or str(b.notes[0].n)) in ("1", "*"))


def _footnotes(doc: Document) -> list[str]:
    blocks = _foot_blocks(doc)
    if not blocks:
        return []
    notes = sum(len(b.notes) for b in blocks)
    restarts = _restarts(blocks)
    restart = (f", restarting on {restarts} of {len(blocks)} pages" if restarts
               else ", numbered through the document")
    return [f"{notes} footnotes on {len(blocks)} pages, labelled {_label_form(doc, blocks)}{restart}"]


def _endnotes(doc: Document) -> list[str]:
    out = []
    for block in _endnote_blocks(doc):
        title = doc.lines[block.heading or 0]
        out.append(f"endnotes under '{title.stripped}' (line {title.number}): {len(block.notes)} notes, "
                   f"labelled {_label_form(doc, [block])}")
    return out


def layout_evidence(doc: Document) -> list[str]:
    """What the layout passes found in the document (run up to the flow at least), with its evidence."""
    if not doc.lines:
        return []
    return _running_heads(doc) + _page_numbers(doc) + _footnotes(doc) + _endnotes(doc)


def hint_lines(doc: Document) -> list[str]:
    """The layout hints of the edition file, filled in with what was found, for the editor to uncomment
    where detection is wrong or undecided."""
    heads = dict.fromkeys(text for _, text in _heads(doc))
    titles = dict.fromkeys(doc.lines[b.heading].stripped for b in _endnote_blocks(doc))
    styles = [style for style, _ in _label_styles(doc, doc.footnotes).most_common()]
    blocks = _foot_blocks(doc)
    out = [
        "layout:",
        f"  running_heads: [{', '.join(_quoted(h) for h in heads)}]",
        f"  endnote_titles: [{', '.join(_quoted(t) for t in titles)}]",
        f"  note_markers: [{', '.join(styles)}]",
    ]
    if len(blocks) > 1:  # one page of notes says nothing of where they start again
        out.append(f"  notes_restart: {'page' if _restarts(blocks) else 'document'}")
    return out


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)
