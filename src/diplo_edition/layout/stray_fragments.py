"""Words of note lines that `pdftotext` wrote apart, after the page's notes.

A justified note line with a wide space in it ("1. AMAE, Europe      1918-1940,") may be read as two
columns: the words after the space come after the last note, one fragment a line after a blank line
("1918-1940,"), and the note keeps a line that breaks off without its punctuation before a capital
("Europe" / "URSS, vol. 25, f. 295."). Where the fragments at a block's end are as many as such breaks in
its notes, each goes back, in order, into the break it was taken from; each is warned at its raw line.
"""

from __future__ import annotations

from ..model.layout import Footnote
from ..model.lines import Line
from .lines import ends_sentence
from .note_labels import read_label, read_label_alone

# A fragment is a few words at most: a longer line is text of its own.
MAX_FRAGMENT_WORDS = 3


def place_stray_fragments(lines: list[Line], notes: list[Footnote]) -> None:
    """Move the fragments that end the block's last note into the breaks of the block's notes they came
    from, when the two counts agree."""
    if not notes:
        return
    last = notes[-1]
    strays = _trailing_fragments(lines, last)
    breaks = [(note, k) for note in notes for k in _breaks(lines, note)]  # a fragment opens no capital
    if not strays or len(strays) != len(breaks):
        return
    last.lines = [j for j in last.lines if j not in strays]
    for stray, (note, k) in reversed(list(zip(strays, breaks, strict=True))):
        after = note.lines[k]
        note.lines.insert(k + 1, stray)
        note.warning = note.warning or (
            f"note {note.label}: the words '{lines[stray].stripped}' of line {lines[stray].number}, "
            f"written after the notes, are read after line {lines[after].number}, where the note breaks "
            "off without punctuation before a capital")


def _trailing_fragments(lines: list[Line], note: Footnote) -> list[int]:
    """The last lines of a note, after a blank line that follows note text ending its sentence, when each
    is a few words that neither open a sentence nor a note."""
    place = len(note.lines)
    while place > 1 and _fragment(lines[note.lines[place - 1]]):
        place -= 1
    found, text_end = note.lines[place:], note.lines[place - 1]
    if not found or not any(lines[k].blank for k in range(text_end + 1, found[0])):
        return []
    return found if ends_sentence(lines[text_end].text) else []


def _fragment(line: Line) -> bool:
    text = line.stripped
    return (len(text.split()) <= MAX_FRAGMENT_WORDS and not text[:1].isupper() and not ends_sentence(text)
            and read_label(line.text) is None and read_label_alone(line.text) is None)


def _breaks(lines: list[Line], note: Footnote) -> list[int]:
    """Places k in the note's lines where line k ends without punctuation and line k + 1 opens with a
    capital: a phrase that lost the words after it."""
    texts = [lines[j].stripped for j in note.lines]
    return [k for k in range(len(texts) - 1) if texts[k][-1:].isalpha() and texts[k + 1][:1].isupper()]
