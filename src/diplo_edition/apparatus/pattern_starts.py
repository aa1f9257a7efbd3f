"""Where a pattern's matches can begin: every match of ``pattern.finditer(text)``, found by trying the
pattern only at the characters a match can begin with.

Python's ``re`` skips ahead quickly only for a pattern that begins with a literal or a character class;
the finders' patterns begin with a look-behind or a named group (``(?<!\\w)``, ``(?P<d>(?<!\\d)…``), so
``finditer`` runs its matcher at every position of a paragraph. Most of them can only begin at a digit or
at one of a few letters, which a paragraph has few of: scanning for those first and matching there finds
the same matches, in the same order, for a fraction of the work.

The first characters are read from the pattern's parse (``re._parser``); a pattern whose first character
cannot be told (``.``, a negated class, an empty match) is scanned with ``finditer`` as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

try:  # the parser of CPython's re module; without it, every pattern is scanned with finditer
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - other Pythons
    sre = sre_parse = None

# Where the starting characters are this dense or denser (a column of figures), finditer is left to scan:
# on the paragraphs of bench/run.py's corpus, a match at each start was faster up to a density of 0.4.
DENSE = 0.5

_CATEGORIES = {} if sre is None else {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = () if sre is None else (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = () if sre is None else (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


class _AnyCharacter(Exception):
    """The pattern can begin with a character no class lists."""


@dataclass
class _Starts:
    """The characters a sequence can begin with, apart by case sensitivity, and whether it can be empty."""

    exact: list[str] = field(default_factory=list)  # items of a character class
    folded: list[str] = field(default_factory=list)  # the same, under IGNORECASE
    empty: bool = True

    def add(self, other: _Starts) -> None:
        self.exact += other.exact
        self.folded += other.folded


def _class_items(items: list) -> list[str]:
    out = []
    for op, value in items:
        if op is sre.LITERAL:
            out.append(re.escape(chr(value)))
        elif op is sre.RANGE:
            out.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif op is sre.CATEGORY and value in _CATEGORIES:
            out.append(_CATEGORIES[value])
        else:  # a negated class, a locale category
            raise _AnyCharacter
    return out


def _starts(sequence: list, folded: bool) -> _Starts:
    """The first characters of a parsed sequence (folded: under IGNORECASE)."""
    starts = _Starts()
    for op, value in sequence:
        if op in _ZERO_WIDTH:
            continue  # tried at the position where the match begins; consumes nothing
        if op is sre.LITERAL or op is sre.IN:
            items = [re.escape(chr(value))] if op is sre.LITERAL else _class_items(value)
            (starts.folded if folded else starts.exact).extend(items)
            starts.empty = False
            return starts
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = value
            inner = (folded or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            part = _starts(sub.data, inner)
        elif op is sre.BRANCH:
            part = _Starts(empty=False)
            for alternative in value[1]:
                each = _starts(alternative.data, folded)
                part.add(each)
                part.empty = part.empty or each.empty
        elif op in _REPEATS:
            low, _high, sub = value
            part = _starts(sub.data, folded)
            part.empty = part.empty or low == 0
        elif op is sre.ATOMIC_GROUP:
            part = _starts(value.data, folded)
        else:  # any character, a back reference, a conditional group
            raise _AnyCharacter
        starts.add(part)
        if not part.empty:
            starts.empty = False
            return starts
    return starts


def start_characters(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern that matches one character where a match of ``pattern`` can begin; None where any can,
    or the pattern can match the empty string, or its flags are not the plain ones."""
    if sre_parse is None or pattern.flags & (re.VERBOSE | re.LOCALE | re.IGNORECASE):
        return None
    try:
        starts = _starts(list(sre_parse.parse(pattern.pattern).data), False)
    except (_AnyCharacter, re.error):
        return None
    if starts.empty:
        return None
    parts = [f"[{''.join(starts.exact)}]"] if starts.exact else []
    if starts.folded:
        parts.append(f"(?i:[{''.join(starts.folded)}])")
    return re.compile("|".join(parts))


def matches(pattern: re.Pattern[str], starts: re.Pattern[str] | None, text: str,
            positions: dict[re.Pattern[str], list[int]]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, found by matching only where ``starts`` (its
    ``start_characters``) matches; positions: the start positions found so far in this text, by ``starts``
    (patterns that begin alike share them)."""
    if starts is None:
        yield from pattern.finditer(text)
        return
    found = positions.get(starts)
    if found is None:
        found = positions[starts] = [m.start() for m in starts.finditer(text)]
    if len(found) > DENSE * len(text):
        yield from pattern.finditer(text)
        return
    end = 0
    for position in found:
        if position < end:
            continue  # inside the last match: finditer goes on from its end
        match = pattern.match(text, position)
        if match is not None:
            yield match
            end = match.end()
