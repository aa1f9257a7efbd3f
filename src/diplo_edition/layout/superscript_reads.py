"""How the OCR reads superscript digits and symbols, and which reads stand for which notes.

Tesseract reads a superscript digit as a mark ("!" or "|" for 1, "?" for 2, "®" or "©" for 3, 6 or 8), as
a Cyrillic letter of its shape ("З" for 3, "б" for 6) or as the digit; a superscript symbol, at the marker
as at the label, as a mark or a letter of its shape ("’" or "T" for †, "?" or "{" for ‡, "S" or "З" for §).
The reads of a page (or of the text before an endnote section) are aligned with its notes' labels in order:
as many links as the looks allow, each read compatible with its label, the least displaced from its note's
place; a link another alignment as good does without is left out, never guessed.
"""

from __future__ import annotations

from ..languages import script_lookalikes

# What the OCR reads for each superscript digit, besides the digit itself: marks, and a Cyrillic letter of its
# shape (the language packs' table: "З" for 3, "б" for 6).
_MARKS = {"1": "!lI|/\\\"'’", "2": "?”\"", "3": "®©°", "4": "“*^", "5": "°", "6": "®©", "7": "”\"’'",
          "8": "®©", "9": "?°", "0": "°"}
MARK_READS = "".join(dict.fromkeys("".join(_MARKS.values())))  # every mark read for a digit, once
LETTER_READS = script_lookalikes("Cyrillic").digit_letters
LOOKALIKE = {digit: marks + LETTER_READS.get(digit, "") for digit, marks in _MARKS.items()}
# What the OCR reads for each superscript symbol, besides the symbol itself, at the marker and at the label
# (what Tesseract wrote in the conformance corpus: "Moscow.’" and "TAVP" for †, "and?" and "{Сведения" for
# ‡, "ofS" and "ЗАВП" for §, "ТРГАСПИ" for ¶).
SYMBOL_READS = {"*": "∗“”\"", "†": "’'!\"TТ", "‡": "?!'{TТ1*", "§": "SЗ3’", "¶": "ТT1"}
SYMBOL_READ_MARKS = "".join(dict.fromkeys("".join(SYMBOL_READS.values())))  # every read of a symbol, once


def compatible(read: str, label: int | str) -> bool:
    """Could the OCR have read the superscript label so: a number ("!" for 1, "!?" for 12, "6" for 6) or a
    symbol ("’" for †, "??" for ‡‡)?"""
    printed = str(label)
    table = LOOKALIKE if printed.isdigit() else SYMBOL_READS
    # a digit reads only itself: no read in the digits' table is a digit
    return len(read) == len(printed) and all(
        r == d or r in table.get(d, "") for r, d in zip(read, printed, strict=True))


def digits_fit(read: str, label: str) -> bool:
    """Do the digits of a read, if any, print the label, each in its place? A marker is cut from the text
    only as its note's label, a mark standing for a digit (the letter balance finds it so): "!0" may be
    the marker of note 10, "1" is none of note 14, nor of note "‡"."""
    if not any(c.isdigit() for c in read):
        return True
    if not label.isdigit():  # a symbol the OCR read as a digit ("1" for ‡)
        return compatible(read, label)
    return len(read) == len(label) and label.isdigit() and all(
        r == d for r, d in zip(read, label, strict=True) if r.isdigit())


def _longest(
    reads: list[str], numbers: list[int] | list[str], banned: tuple[int, int] | None = None
) -> list[list[tuple[int, int]]]:
    """best[k][j]: the most links of notes k.. to reads j.. (a pair may be banned), and among as many, the
    least displaced: minus how far the linked reads stand from their notes' places beyond what the reads
    lost or too many explain (a read lost shifts the reads after it back by one, no more)."""
    rows, cols = len(numbers), len(reads)
    best = [[(0, 0)] * (cols + 1) for _ in range(rows + 1)]
    for k in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            fits = (k, j) != banned and compatible(reads[j], numbers[k])
            take = _linked_here(best, k, j) if fits else (0, 0)
            best[k][j] = max(take, best[k + 1][j], best[k][j + 1])
    return best


def _linked_here(best: list[list[tuple[int, int]]], k: int, j: int) -> tuple[int, int]:
    """The links and displacement of the notes k.. with note k linked to read j."""
    links, displaced = best[k + 1][j + 1]
    lost = (len(best) - 1) - (len(best[0]) - 1)  # reads lost (or, below 0, reads too many)
    shift = k - j  # a read lost before it puts a note after its read's place, one too many before it
    return links + 1, displaced - max(0, min(0, lost) - shift, shift - max(0, lost))


def align(reads: list[str], numbers: list[int] | list[str]) -> list[int | None]:
    """For each note number (or symbol), the index of the candidate read linked to it, in order: as many
    links as the reads allow, each read compatible with its label (a longest common subsequence), the least
    displaced; a link that another alignment as good does without is ambiguous, and left out."""
    best = _longest(reads, numbers)
    links: list[int | None] = [None] * len(numbers)
    k = j = 0
    while k < len(numbers) and j < len(reads):
        if compatible(reads[j], numbers[k]) and best[k][j] == _linked_here(best, k, j):
            links[k] = j
            k, j = k + 1, j + 1
        elif best[k + 1][j] >= best[k][j + 1]:
            k += 1
        else:
            j += 1
    for k, j in enumerate(links):
        if j is not None and _longest(reads, numbers, (k, j))[0][0] == best[0][0]:
            links[k] = None
    return _fill_gaps(links, reads, numbers)


def _fill_gaps(
    links: list[int | None], reads: list[str], numbers: list[int] | list[str]
) -> list[int | None]:
    """Between two links (or a link and an end), as many notes left over as reads: paired in order (unless
    a read's digits print another number)."""
    bounds = [(-1, -1), *((k, j) for k, j in enumerate(links) if j is not None), (len(links), len(reads))]
    for (k0, j0), (k1, j1) in zip(bounds, bounds[1:], strict=False):
        pairs = [(k0 + step, j0 + step) for step in range(1, k1 - k0)]
        if k1 - k0 == j1 - j0 and all(digits_fit(reads[j], str(numbers[k])) for k, j in pairs):
            for k, j in pairs:
                links[k] = j
    return links
