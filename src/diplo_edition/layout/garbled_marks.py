"""What the OCR reads for a note's superscript: a garbled marker glued to the word or stop before it in the
running text ("manoeuvre.!", "обсуждались?", "interests”", "decades®", "тревогу.)", "ofS"), and a garbled
label before the first word of a note's line ("‘DVP", "°TNA", "SAVP", "TAVP", "{Сведения"). The marks and
letters come from the tables of ``superscript_reads``.
"""

from __future__ import annotations

import re

from ..languages import detect_language
from .note_markers import LOCATOR_BEFORE, PACK_LOCATOR_BEFORE
from .superscript_reads import LETTER_READS, MARK_READS, SYMBOL_READ_MARKS
from .word_lists import zipf

# What the OCR reads for a superscript digit: a mark (superscript_reads' marks, but the letters and the slash
# that stand in words, and a bracket: "тревогу.)"), or the digits themselves (one or two of them).
SUPERSCRIPT_MARKS = "".join(c for c in MARK_READS if c not in "lI/") + ")"
QUOTES = "”“\"’'"
_MARK_CLASS = re.escape(SUPERSCRIPT_MARKS)
# (A slash stands in words and numbers, "и/или", "371/15250": before a digit after a word, it is one read:
# "угроза/3" for 13.)
GLUED_MARK = re.compile(
    rf"(?<=[^\W\d_]|[.,;:»])(?P<mark>[{_MARK_CLASS}\d]{{1,3}}|(?<=[^\W\d_])/\d{{1,2}})(?=\s|$|[,.;:])")
# A mark glued to a year ("convention of 1925° opened"): a superscript after a number, not a degree.
_YEAR_MARKS = re.escape("".join(c for c in SUPERSCRIPT_MARKS if c not in "\"')"))
AFTER_YEAR_MARK = re.compile(
    rf"(?<![\d.,])(?:1[5-9]\d\d|20\d\d)(?P<mark>[{_YEAR_MARKS}]{{1,2}})(?=\s|$|[,.;:])")
# The same standing after a space (French prints a space before "!" and "?"; the OCR reads a superscript
# so): never a quote or a bracket, a digit only after a stop.
_SPACED_MARKS = re.escape("".join(c for c in SUPERSCRIPT_MARKS if c not in QUOTES + ")"))
SPACED_MARK = re.compile(
    rf"(?<=[^\W_] |[.,;:] )(?P<mark>[{_SPACED_MARKS}]{{1,2}}|(?<=[.,;:] )\d{{1,2}})(?=\s|$)")
# A two-digit superscript the OCR split at the mark it read for its first digit ("сопровождалось! 6" for 16).
SPLIT_MARK = re.compile(rf"(?<=[^\W\d_]|[.,;:»])[{_SPACED_MARKS}] \d(?=\s|$|[,.;:])")
# A Cyrillic letter read for a superscript digit ("З" for 3, "б" for 6) where no letter of a word stands: a
# capital glued to a word in small letters ("оставалсяЗ"), or a letter glued to the stop after a word
# ("партнерами.б Выпуск-"); a small letter after a small one ("без") is the word's own. A note's number
# never is 0 alone: its letters ("о") are no marker.
_DIGIT_LETTERS = "".join(letters for digit, letters in LETTER_READS.items() if digit != "0")
_CAPITAL_DIGIT_LETTERS = "".join(c for c in _DIGIT_LETTERS if c.isupper())
LETTER_MARK = re.compile(rf"(?:(?<=[^\W\d_A-ZА-ЯЁ])[{_CAPITAL_DIGIT_LETTERS}]"
                         rf"|(?<=[^\W\d_]{{2}}[.,;:»])[{_DIGIT_LETTERS}])(?=\s|$)")
# What the OCR reads for a superscript symbol that no digit's read has: marks ("{" for ‡) and capitals
# ("T" for †, "S" for §).
_SYMBOL_MARKS = re.escape("".join(c for c in SYMBOL_READ_MARKS if not c.isalnum() and c not in MARK_READS))
_SYMBOL_LETTERS = "".join(c for c in SYMBOL_READ_MARKS if c.isalpha())
# A label at the start of a note line as the OCR reads it: a number, a mark, or a letter read for a digit
# or a symbol (only before a capital: "SAVP", "lODVP", "TAVP"), then the note's first word.
GARBLED_START = re.compile(rf"^(?P<label>\d{{1,3}}[.)]?[ \t]*|[{_MARK_CLASS}{_SYMBOL_MARKS}‘°.]{{1,2}}[ \t]*"
                           rf"|[SlLI{_CAPITAL_DIGIT_LETTERS}{_SYMBOL_LETTERS}]\)?(?=[A-ZА-ЯЁ]))"
                           r"(?=[A-ZА-ЯЁ«\"“])")
# A small letter read for a digit glued to the end of a word ("стороныб,", "наб них"): the word's own letter,
# unless the word without it is a thousand times as common (zipf, by the word list of the word's script's
# language) as with it.
_SMALL_DIGIT_LETTERS = "".join(dict.fromkeys(_DIGIT_LETTERS.lower()))
_SMALL_DIGIT_LETTER = re.compile(
    rf"(?<![^\W\d_])(?P<word>[^\W\d_]{{2,}})(?P<mark>[{_SMALL_DIGIT_LETTERS}])(?=\s|$|[,.;:])")
MORE_COMMON = 3.0  # zipf: a thousand times as common
# A capital read for a superscript symbol, glued to a word in small letters ("the threat ofS intervention").
SYMBOL_LETTER_MARK = re.compile(rf"(?<=[^\W\d_A-ZА-ЯЁ])[{_SYMBOL_LETTERS}](?=\s|$|[,.;:])")


def letter_marks(text: str, symbols: bool = True) -> list[tuple[int, int]]:
    """Spans of the letters read for a superscript: a digit's capital glued to a word or a letter glued to
    a stop (``LETTER_MARK``), a digit's small letter at a word's end ("стороныб": "стороны" is a word, the
    whole is none), and, for ``symbols``, a symbol's capital glued to a word ("ofS")."""
    out = [(m.start(), m.end()) for m in LETTER_MARK.finditer(text)]
    for m in _SMALL_DIGIT_LETTER.finditer(text):
        code = detect_language(m["word"], "")
        if code and zipf(m["word"], code) >= zipf(m["word"] + m["mark"], code) + MORE_COMMON:
            out.append((m.start("mark"), m.end("mark")))
    return out + [(m.start(), m.end()) for m in (SYMBOL_LETTER_MARK.finditer(text) if symbols else ())]


def label_end(text: str) -> int:
    """Where the text of a note line starts after a label as the OCR reads it; 0 if it opens with none."""
    m = GARBLED_START.match(text)
    return m.end() if m else 0


def _quote_closes(text: str, start: int, mark: str) -> bool:
    """Does a quote mark close a quotation opened before it on the line?"""
    before = text[:start]
    if mark in "”’":
        return before.count("“") + before.count("‘") > before.count("”") + before.count("’")
    return mark == '"' and before.count('"') % 2 == 1


def marker_candidates(text: str, symbols: bool = False) -> list[tuple[int, int, bool]]:
    """Spans of the line where a garbled superscript may stand, each with its strength: strong after a
    stop, for a mark that is no punctuation of the text, a "!"/"?" before a lower-case word, or a letter read
    for a digit (or, on a page of ``symbols`` notes, for a symbol); weak for a "!" or "?" that may end a
    sentence, an apostrophe, or a mark and a digit after it ("! 6": a superscript 16 split)."""
    out = []
    for m in GLUED_MARK.finditer(text):
        mark, start = m["mark"], m.start()
        before, after = text[:start], text[m.end() :].lstrip()
        if mark[0] in QUOTES and _quote_closes(text, start, mark[0]):
            continue
        if mark == ")" and before.count("(") > before.count(")"):
            continue
        if mark.isdigit() and (LOCATOR_BEFORE.search(before) or PACK_LOCATOR_BEFORE.search(before)):
            continue
        after_stop = before[-1:] in ".,;:»"
        ambiguous = mark in ("!", "?", "’", "'") and not after_stop and not after[:1].islower()
        out.append((start, m.end(), not ambiguous))
    for m in SPLIT_MARK.finditer(text):
        out.append((m.start(), m.end(), False))  # weak: a mark ending a sentence, then a number of the text
    for m in AFTER_YEAR_MARK.finditer(text):
        out.append((m.start("mark"), m.end(), False))  # weak: a year and a mark, no word before it
    out.extend((start, end, True) for start, end in letter_marks(text, symbols))
    for m in SPACED_MARK.finditer(text):
        after = text[m.end() :].lstrip()
        before = text[: m.start()]
        if m["mark"].isdigit() and (LOCATOR_BEFORE.search(before) or PACK_LOCATOR_BEFORE.search(before)):
            continue
        ambiguous = m["mark"] in ("!", "?") and not after[:1].islower() or m["mark"].isdigit()
        out.append((m.start() - 1, m.end(), not ambiguous))  # the space before the mark goes with it
    return sorted(out)
