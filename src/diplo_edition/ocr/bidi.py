"""Bidirectional control characters: invisible, and able to reorder what a reader sees ("Trojan Source").

An OCR text has no use for them (a right-to-left script is ordered by its letters alone); one that came in
with a pasted line is kept, as every letter is, but warned at its raw line, and the site shows it as a
visible marker that cannot reorder the text around it.
"""

from __future__ import annotations

import re
import unicodedata

# The embeddings and overrides (U+202A–U+202E), the isolates (U+2066–U+2069), the marks (U+200E, U+200F)
# and the Arabic letter mark (U+061C).
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def code_point(char: str) -> str:
    """``U+202E``: how a character is written where it must be seen, not obeyed."""
    return f"U+{ord(char):04X}"


def describe(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``."""
    return f"{code_point(char)} {unicodedata.name(char, 'BIDI CONTROL')}"


def visible(text: str) -> str:
    """The text with each bidirectional control written as its code point, ``⟨U+202E⟩`` (for places that
    hold plain text only: attributes, titles)."""
    return BIDI_CONTROLS.sub(lambda m: f"⟨{code_point(m.group())}⟩", text)
