"""A word and a line-end break as the hyphen rules look them up (hyphenation.py) and as a change of the corpus
lexicon is matched against them (lexicon_change.py)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .word_lists import cyrillic_read

# Characters printed as a word-internal hyphen; the en dash is one only between letters/digits.
HYPHENS = "-\u2010\u2011\u2013"
HYPHEN_RE = re.compile(f"[{HYPHENS}]")
# Stress accents of Russian scholarly texts and the invisible soft hyphen split words for \w.
INVISIBLE = dict.fromkeys(map(ord, "\u0300\u0301\u00ad"))
EM_DASH = "\u2014"  # a hyphen as OCR often reads it: a candidate, joined only on evidence


def normalise(word: str) -> str:
    """The lookup key of a word: NFC, lower case, no stress marks or soft hyphens, one hyphen sign."""
    word = unicodedata.normalize("NFC", word).translate(INVISIBLE).lower()
    return HYPHEN_RE.sub("-", word)


def fold(word: str) -> str:
    """ё is printed inconsistently; compare it as е."""
    return word.replace("ё", "е")


def lexicon_form(word: str) -> str:
    """A word as the corpus lexicon is looked up by a Dehyphenator: normalised, ё as е."""
    return fold(normalise(word))


def break_halves(left: str, right: str) -> tuple[str, str]:
    """The halves of a break as decided: NFC, without invisible characters, spaces and hyphens or dashes at
    the break."""
    left = unicodedata.normalize("NFC", left).translate(INVISIBLE).strip().strip(HYPHENS + EM_DASH)
    return left, unicodedata.normalize("NFC", right).translate(INVISIBLE).strip().strip(HYPHENS)


@lru_cache(maxsize=1 << 16)  # the breaks of a corpus recur: in each document, and at each save in serve
def looked_up(left: str, right: str) -> tuple[str, str]:
    """The halves as the lexicon and the dictionaries are asked about them."""
    return cyrillic_read(lexicon_form(left), lexicon_form(right))


def lemma_prefix(word: str, split: int) -> str:
    """What every other form of word's lemma is looked for under (split: where its first half ends): forms of
    one lemma share the stem, so only words sharing all but a (long) ending are parsed."""
    return word[: max(split + 1, len(word) - 4)]
