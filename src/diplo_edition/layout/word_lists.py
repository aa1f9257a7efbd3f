"""Word evidence for line-end hyphens: which source judges a language's breaks, and wordfreq's word lists.

wordfreq (word frequencies of some forty languages, its lists shipped inside the package and read
offline) judges every language it lists; Russian keeps pymorphy3's dictionary, named by its pack. A
language with neither has no word evidence: its hyphens are judged by the text's own usage alone.
``cyrillic_read`` reads OCR's Latin look-alikes in a Cyrillic word as the Cyrillic letters they stand for.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import wordfreq

from ..languages import has_pack, pack, primary

PYMORPHY3, WORDFREQ = "pymorphy3", "wordfreq"  # the word evidence a pack may name
# Latin letters (lower case) and digits that OCR reads for the Cyrillic letters they look like.
_LATIN_LOOKALIKES = "acehkmoptxy3"
_LOOKALIKES = str.maketrans(_LATIN_LOOKALIKES, "асенкмортхуз")
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
