"""Roman numerals as printed in citations and dates: Latin letters, or a Cyrillic Х for X."""

from __future__ import annotations

_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "Х": 10}


def roman_value(numeral: str) -> int | None:
    """The value of a Roman numeral (``XVII`` -> 17, Cyrillic ``ХХ`` -> 20); None for an empty one or a
    letter that is not a numeral."""
    if not numeral or any(ch not in _VALUES for ch in numeral):
        return None
    total = 0
    for i, ch in enumerate(numeral):
        value = _VALUES[ch]
        total += -value if i + 1 < len(numeral) and _VALUES[numeral[i + 1]] > value else value
    return total or None
