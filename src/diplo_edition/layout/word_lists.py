"""Word evidence for line-end hyphens: which source judges a language's breaks, and wordfreq's word lists.

wordfreq (word frequencies of some forty languages, its lists shipped inside the package and read
offline) judges every language it lists; Russian keeps pymorphy3's dictionary, named by its pack. A
language with neither has no word evidence: its hyphens are judged by the text's own usage alone.
"""

from __future__ import annotations

from functools import cache, lru_cache

import wordfreq

from ..languages import has_pack, pack, primary

PYMORPHY3, WORDFREQ = "pymorphy3", "wordfreq"  # the word evidence a pack may name


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
