"""Word evidence for line-end hyphens: which source judges a language's breaks, and wordfreq's word lists.

wordfreq (word frequencies of some forty languages, its lists shipped inside the package and read
offline) judges every language it lists; Russian keeps pymorphy3's dictionary, named by its pack. A
language with neither has no word evidence: its hyphens are judged by the text's own usage alone.
``cyrillic_read`` reads OCR's Latin look-alikes in a Cyrillic word as the Cyrillic letters they stand for,
``cyrillic_reading`` a whole word so, in both cases; ``is_word`` asks a language's word evidence.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import wordfreq

from ..languages import has_pack, pack, primary, script_lookalikes
from ..morphology import morph_analyzer

PYMORPHY3, WORDFREQ = "pymorphy3", "wordfreq"  # the word evidence a pack may name
# OCR's Latin look-alikes of Cyrillic letters, from the language packs: in small letters and digits (a word
# looked up in small letters), and in both cases (a word as printed: "Paпалльский", "Tam")
_CYRILLIC = script_lookalikes("Cyrillic")
_LATIN_LOOKALIKES = "".join(c for c in _CYRILLIC.latin if not c.isupper())
_LOOKALIKES = str.maketrans({c: _CYRILLIC.latin[c] for c in _LATIN_LOOKALIKES})
_LOOKALIKES_BOTH_CASES = str.maketrans(_CYRILLIC.latin)
_LATIN_OR_DIGIT_RE = re.compile(r"[A-Za-z\d]")
# Small Cyrillic letters in the shape of Latin capitals (в, к, м, н, т): OCR writes them as those capitals
SMALL_CYRILLIC_LIKE_CAPITALS = frozenset(_CYRILLIC.capitals_of_small_letters)
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")


@cache
def has_word_list(code: str) -> bool:
    """Does wordfreq list ``code`` itself (not a near language it would answer with instead, as it does
    for Latin with Italian), usable without an extra tokenizer (Japanese and Chinese need MeCab or jieba)?"""
    if primary(code) not in wordfreq.available_languages("best"):
        return False
    try:
        wordfreq.zipf_frequency("a", primary(code))
    except ImportError:
        return False
    return True


@lru_cache(maxsize=65536)
def zipf(word: str, code: str) -> float:
    """log10 of the word's frequency per billion words; 0 for a word the list does not have."""
    return wordfreq.zipf_frequency(word, primary(code), wordlist="best")


def word_evidence(code: str) -> str | None:
    """What judges a break of the language: its pack's dictionary, else wordfreq's list if it has one."""
    if has_pack(code):
        return pack(code).hyphen_dictionary
    return WORDFREQ if has_word_list(code) else None


def cyrillic_read(left: str, right: str) -> tuple[str, str]:
    """The halves (lower case) as looked up: a Cyrillic word whose other letters are all Latin letters or
    digits that look Cyrillic is read in Cyrillic (OCR's ``Pa-``/``палльский``, ``3a-``/``крытых``); the
    text keeps the letters as read."""
    word = left + right
    lookalikes = all(_CYRILLIC_RE.match(c) or c in _LATIN_LOOKALIKES for c in word)
    if not lookalikes or not _CYRILLIC_RE.search(word):
        return left, right
    return left.translate(_LOOKALIKES), right.translate(_LOOKALIKES)


def cyrillic_reading(word: str) -> str | None:
    """The word with its Latin letters (and digits) read as the Cyrillic letters they look like (``Tam`` →
    ``Там``, ``3aкрытых`` → ``закрытых``); None when it has none, or one that looks like none."""
    others = _LATIN_OR_DIGIT_RE.findall(word)
    if not others or any(c not in _CYRILLIC.latin for c in others):
        return None
    return word.translate(_LOOKALIKES_BOTH_CASES)


def is_word(word: str, code: str) -> bool:
    """Does the language's word evidence know the word (pymorphy3's dictionary, not its guesses, or wordfreq's
    list)? A language with neither knows no word."""
    evidence = word_evidence(code)
    if evidence == PYMORPHY3:
        return morph_analyzer().word_is_known(word.lower())
    return evidence == WORDFREQ and zipf(word.lower(), code) > 0
