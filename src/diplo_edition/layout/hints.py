"""What the edition file declares of a document's layout (``layout:``), where detection cannot settle it,
weighed against the evidence: a declaration that the text contradicts is warned about, naming both."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..model.lines import Line
from .evidence import page_start
from .note_labels import Label


def declared_heads_at(
    lines: list[Line], edges: list[int], heads: set[int], declared: tuple[str, ...], warnings: list,
    key: Callable[[str], str],
) -> set[int]:
    """The page edge lines (``edges``) that print a declared running head, told alike by ``key`` (the
    head's words, without its page number). A warning for a declared head that stands at no edge, and for
    a head found by repetition (``heads``) that is not declared."""
    keys = {key(text): text for text in declared}
    found = {i for i in edges if key(lines[i].text) in keys}
    seen = {key(lines[i].text) for i in found}
    for k, text in keys.items():
        if k not in seen:
            warnings.append((edges[0] if edges else 0, f"the running head '{text}' declared in the edition "
                             "file (layout: running_heads) stands at no page edge; check its spelling"))
    undeclared = Counter(k for i in heads if (k := key(lines[i].text)) and k not in keys)
    for k, count in undeclared.items():
        i = min(i for i in heads if key(lines[i].text) == k)
        declared_list = ", ".join(f"'{text}'" for text in declared)
        warnings.append((i, f"the running head '{lines[i].stripped}' is found on {count} pages but not "
                            f"declared (layout: running_heads: {declared_list}); declare it too"))
    return found


def declared_style(label: Label | None, styles: tuple[str, ...]) -> Label | None:
    """The label, if of a style the edition file declares (``layout: note_markers``; none declared: any)."""
    return label if label is None or not styles or label.style in styles else None


def numbering_at(lines: list[Line], i: int, expected: int, last_block_end: int, restart: str | None) -> int:
    """The number a note label at line i should read: 1 on a page with no notes yet when the edition file
    declares that the notes start again on every page (``layout: notes_restart: page``)."""
    return 1 if restart == "page" and page_start(lines, i) >= last_block_end else expected


def declared_relation(relation: str, restart: str | None) -> str:
    """How a label follows the numbering, where the edition file declares one sequence for the document
    (``layout: notes_restart: document``): a number that starts again at 1 opens no note."""
    return "" if restart == "document" and relation.startswith("restart") else relation


def section_title_key(text: str) -> str:
    """A section title as titles are told alike: without the stop or colon after it, in any case."""
    return text.strip().rstrip(".:").strip().casefold()


def endnote_titles_not_found(declared: tuple[str, ...], found: list[str]) -> list[str]:
    """A warning for each endnote title the edition file declares (``layout: endnote_titles``) that opens
    no section of notes (``found``: the titles of the sections)."""
    seen = {section_title_key(title) for title in found}
    return [f"the endnote title '{title}' declared in the edition file (layout: endnote_titles) opens no "
            "section of notes: no line reads so with a note's label after it; check its spelling"
            for title in declared if section_title_key(title) not in seen]
