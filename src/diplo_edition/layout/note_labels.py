"""The label a note opens with at the page foot or in an endnote section: "1 ", "1Текст" (the OCR lost
the space), "(1)", "[1]", "1)", "*", "**", "†"; "(l)" and "(I)" are OCR readings of "(1)". `pdftotext`
writes a superscript label alone on its line, with the note's text on the next lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.lines import Line

# The symbols of notes, in their usual order; `pdftotext` writes the asterisk as "∗" (U+2217).
NOTE_SYMBOLS = "*∗†‡§¶"
SYMBOL_ORDER = NOTE_SYMBOLS.replace("∗", "")  # a label reads "*" for either asterisk
SYMBOL_LABEL = "|".join(f"{re.escape(c)}{{1,3}}" for c in NOTE_SYMBOLS)
# The note number, then white space or (when the OCR lost the space) a capital letter.
LABEL = re.compile(r"^(?P<n>\d{1,5})(?P<sep>[ \t\u00a0]+|(?=[А-ЯЁA-Z«\"]))(?=\S)")
_AFTER = r"[ \t\u00a0]*(?=\S)"
LABEL_STYLES: tuple[tuple[str, re.Pattern], ...] = (
    ("paren", re.compile(rf"^\((?P<n>\d{{1,5}}|[lI])\){_AFTER}")),
    ("bracket", re.compile(rf"^\[(?P<n>\d{{1,5}}|[lI])\]{_AFTER}")),
    ("closing", re.compile(rf"^(?P<n>\d{{1,5}})\){_AFTER}")),
    ("digit", LABEL),
    # "1. Text": French and English prints label notes so, at the page foot as in endnote sections
    ("dotted", re.compile(rf"^(?P<n>\d{{1,3}})\.{_AFTER}(?!\d)")),
    # not "* OK OK": a separator "* * *" as the OCR reads it
    ("symbol", re.compile(rf"^(?P<n>{SYMBOL_LABEL})[ \t\u00a0]*"
                          r"(?![A-ZА-Я]{1,3}(?:\s+[A-ZА-Я]{1,3}){0,2}\s*$)(?=[^\W\d_]|[«\"“(])")),
)
# A label alone on its line, the note's text on the next ones (as `pdftotext` writes superscripts).
LABEL_ALONE = (
    ("paren", re.compile(r"^\((?P<n>\d{1,3}|[lI])\)\s*$")),
    ("bracket", re.compile(r"^\[(?P<n>\d{1,3}|[lI])\]\s*$")),
    ("closing", re.compile(r"^(?P<n>\d{1,3})\)\s*$")),
    ("digit", re.compile(r"^(?P<n>\d{1,3})\s*$")),
    # not "***" alone: that is a separator (a note labelled so has its text on the label's line)
    ("symbol", re.compile(rf"^(?P<n>{SYMBOL_LABEL.replace('{1,3}', '{1,2}')})\s*$")),
)
# A stray mark glued before a capital at the start of a note's line: a symbol label as the OCR may read it.
# (Not an opening quote: a note may open with a quoted title.)
GARBLED_LABEL = re.compile(r"^(?P<mark>['’”{}|!])(?=[А-ЯЁA-Z])")
# The end of a reference: a number, then a full stop ("URSS, vol. 25, f. 295.").
REFERENCE_END = re.compile(r"\d\.\s*$")
# What the OCR reads for a 1 in a bracketed label.
OCR_ONE = {"l": "1", "I": "1"}


def _label_value(read: str) -> str:
    """The label as the edition writes it: "(l)" is note 1, "∗" the asterisk."""
    return OCR_ONE.get(read, read).replace("∗", "*")

@dataclass(frozen=True)
class Label:
    """A note's label at the start of its line: its style, what it reads, and where the note text starts."""

    style: str
    value: str  # digits, or the symbol
    end: int
    tab: bool = False  # a tab after the number: the layout of a note, not of running text
    alone: bool = False  # the label is alone on its line

    @property
    def number(self) -> int | None:
        return int(self.value) if self.value.isdigit() else None


def symbol_rank(value: str) -> int | None:
    """The place of a symbol label in the usual order (*, †, ‡, §, ¶, then doubled: **, ††, ...)."""
    if not value or value[0] not in SYMBOL_ORDER or value != value[0] * len(value):
        return None
    return SYMBOL_ORDER.index(value[0]) + 1 + (len(value) - 1) * len(SYMBOL_ORDER)


def garbled_label(text: str) -> str:
    """The stray mark a line opens with before a capital, if any (see GARBLED_LABEL)."""
    m = GARBLED_LABEL.match(text)
    return m["mark"] if m else ""


def label_rank(value: str) -> int | None:
    """A label's place in its sequence: the number, or the symbol's rank."""
    return int(value) if value.isdigit() else symbol_rank(value)


def symbols_missing(previous: str, label: str) -> str:
    """The symbol labels missing between two symbol-labelled notes ("†" between "*" and "‡"); none when the
    numbering restarts at "*" (per page)."""
    before, after = symbol_rank(previous), symbol_rank(label)
    if before is None or after is None or after == 1 or after <= before + 1:
        return ""
    return ", ".join(rank_label(k, True) for k in range(before + 1, after))


def rank_label(rank: int, symbol: bool) -> str:
    """The label at a place in its sequence: the number, or the symbol ("‡" is 3, "**" is 6)."""
    width = len(SYMBOL_ORDER)
    return SYMBOL_ORDER[(rank - 1) % width] * ((rank - 1) // width + 1) if symbol else str(rank)


def read_label(text: str, styles: tuple[str, ...] = ()) -> Label | None:
    """The note label the text opens with, if any (of the given styles, or of any)."""
    for style, pattern in LABEL_STYLES:
        if styles and style not in styles:
            continue
        m = pattern.match(text)
        if m:
            value = _label_value(m["n"])
            sep = m.groupdict().get("sep") or ""
            return Label(style, value, m.end(), "\t" in sep)
    return None


def read_label_alone(text: str, styles: tuple[str, ...] = ()) -> Label | None:
    """The note label that stands alone on the line, if any."""
    for style, pattern in LABEL_ALONE:
        m = pattern.match(text)
        if m and (not styles or style in styles):
            return Label(style, _label_value(m["n"]), len(text), alone=True)
    return None


def numbered_heading(lines: list[Line], i: int) -> bool:
    """Is line i, "1. Historical background", a numbered heading rather than a note labelled "1."? A
    heading ends without punctuation and the line after it is blank or opens a sentence; or it breaks a
    word at its end and the line after it (over a blank line) ends the heading; or, a title's few words,
    it stands just above the page's notes (the line after it opens with a note label)."""
    label = read_label(lines[i].text, ("dotted",))
    last = lines[i].text.rstrip()[-1:]
    if label is None or not (last.isalnum() or last == "-"):
        return False
    following = lines[i + 1] if i + 1 < len(lines) else None
    if last == "-":  # the heading's end on the next line (OCR may set a blank line between)
        end = i + 2 if following is not None and following.blank else i + 1
        return end < len(lines) and numbered_heading_end(lines[end].text)
    title = _title_words(lines[i].text[label.end :])
    if following is not None and title and (read_label_alone(following.text) or read_label(following.text)):
        return True
    if _reads_as_notes(lines, i, label, title):
        return False
    return following is None or following.blank or following.stripped[:1].isupper()


def _reads_as_notes(lines: list[Line], i: int, label: Label, title: bool) -> bool:
    """Do line i and the line below it read as notes, not as a heading and its section's first line: the
    next number opens one of the two lines below ("1. AMAE, Europe", "URSS, vol. 25, f. 295.", "2. DVP…"),
    or, after words that are no title's, the line below ends a reference (a number, then a full stop)."""
    below = lines[i + 1 : i + 3]
    if not below or below[0].blank:
        return False
    if any((nxt := read_label(line.text, ("dotted",))) and nxt.number == (label.number or 0) + 1
           for line in below):
        return True
    return not title and bool(REFERENCE_END.search(below[0].text))


def _title_words(text: str) -> bool:
    """A few words that open with a capital, with no number and no stop or comma among them: a title's,
    not a note's (a note's text, a reference, holds abbreviations, numbers and commas)."""
    words = text.split()
    return 0 < len(words) <= 8 and text[:1].isupper() and not re.search(r"[\d.,;:]", text)


def numbered_heading_end(text: str) -> bool:
    """The end of a heading broken over two lines: a few words without punctuation at the end."""
    words = text.split()
    return 0 < len(words) <= 4 and text.rstrip()[-1:].isalnum()


def alone_before_text(lines: list[Line], i: int) -> Label | None:
    """A label alone on line i with the note's text after it (at most one blank line between)."""
    label = read_label_alone(lines[i].text)
    j = i + 1 + (i + 1 < len(lines) and lines[i + 1].blank)
    if label is None or j >= len(lines) or lines[j].blank or lines[j].leading_space:
        return None
    return label if read_label(lines[j].text) is None and read_label_alone(lines[j].text) is None else None


