"""Running text that resumes inside a block of notes: the rest of a word broken just above the block.

Notes set under the first of two columns are followed, in a raw extraction, by the second column. Where the
first column's last line above the notes ends in a broken word ("in a badly gar-") and a line among the
notes opens in lower case with the rest of it ("bled state."), the running text resumes on that line: the
halves make a word that a word list of a language of their script knows (wordfreq, or pymorphy3 for
Russian, as the line-end hyphens are judged), while a note's own line would not finish the text's word.
"""

from __future__ import annotations

import re
from functools import cache

from ..languages import codes, detect_language
from ..model.lines import Line
from .hyphenation import Dehyphenator
from .lines import ends_with_hyphen, starts_lowercase

_LAST_WORD = re.compile(r"([^\W\d_]+)[-‐‑–—]$")
_FIRST_WORD = re.compile(r"^([^\W\d_]+)")
# A one-letter rest of a word ("в") finishes too many words by chance.
MIN_TAIL = 2
# What the word evidence answers when the halves make one word of its list or dictionary.
_JOINED_BY_WORDS = frozenset({"word-list", "dictionary-joined"})


def resumes_broken_word(lines: list[Line], i: int, start: int) -> bool:
    """Does line i, inside the note block that starts at ``start``, finish the word broken at the end of
    the running text's last line above the block?"""
    above = next((k for k in range(start - 1, -1, -1) if not lines[k].blank), None)
    if above is None or i <= start + 1 or not starts_lowercase(lines[i].text):
        return False
    if ends_with_hyphen(lines[i - 1].text):
        return False  # the note's own word, broken at its line end, goes on here
    head, tail = _LAST_WORD.search(lines[above].stripped), _FIRST_WORD.match(lines[i].stripped)
    return bool(head and tail) and len(tail.group(1)) >= MIN_TAIL and _makes_a_word(head.group(1),
                                                                                    tail.group(1))


@cache
def _makes_a_word(left: str, right: str) -> bool:
    """Do the halves make one word in a language (with a pack) of their script?"""
    judge = Dehyphenator()
    languages = {detect_language(left + right, code) for code in codes()}
    return any(judge.decide(left, right, code).reason in _JOINED_BY_WORDS for code in sorted(languages))
