"""An alternation of many words as a tree of their letters, for the patterns that list hundreds of them.

``re`` tries the branches of an alternation one after the other at every place of the text: a list of
hundreds of names or month forms costs hundreds of tries per place. The same words as a trie share their
beginnings, so a place is read once per letter. Where several words match at a place, a longer one is
tried before the shorter one it begins with, as in a list ordered longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # the key that marks the end of a word in the tree


def trie_alternation(words: Iterable[str], space: str = r"\s+") -> str:
    """A pattern matching any of words (an alternation); a space in a word matches the pattern space."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return "(?:" + _branches(root, space) + ")"


def _branches(node: dict, space: str) -> str:
    branches = [(space if char == " " else re.escape(char)) + _group(child, space)
                for char, child in sorted(node.items()) if char != _END]
    if _END in node:
        branches.append("")  # the word ends here: tried after every longer one
    return "|".join(branches)


def _group(node: dict, space: str) -> str:
    if list(node) == [_END]:
        return ""  # a word's last letter
    inner = _branches(node, space)
    return inner if len(node) == 1 and _END not in node else f"(?:{inner})"
