"""The normalisation shared by the quotation finder in the browser (static/search-core.js) and in Python.

A quotation and the reading text are compared in this form: Unicode NFC, lower case, ё → е, every kind of
quotation mark → ``"``, every dash and hyphen → ``-``, ``…`` → ``...``, every kind of space (NBSP, thin
space, line break) → one space, soft hyphens, zero-width characters and stress marks removed, and a space
kept only between two letters or digits (so that ``Л.М. Карахан`` matches ``Л. М. Карахан`` and
``1921 – 1923`` matches ``1921–1923``). Characters outside the Basic Multilingual Plane become U+FFFD, so
that offsets count the same in Python (code points) and in JavaScript (UTF-16 units).

A quotation pasted from the print or from a page may carry note markers that the reading text does not
hold (the notes are segments of their own): ``quotation_forms`` gives the quotation as it is and, when it
has any, without the marker-like characters (superscript digits, ``(1)``, ``[1]``, ``*``, and a short
number glued to the end of a word or to the punctuation after it: ``"Японии"1,``). The finders try the
forms in turn, so a number that is part of the text (``1923``, ``в 1920-х``) is found as it stands.

The JavaScript twins are ``normalize`` and ``quotationForms`` in templates/static/search-core.js;
tests/test_search.py and the browser tests check that both give the same result on the same cases.
"""

from __future__ import annotations

import re
import unicodedata

QUOTES = frozenset("«»„“”‟\"‹›‚‘’‛'`´′″")
DASHES = frozenset("‐‑‒–—―−⁃-﹘﹣－")
DROPPED = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff\u0300\u0301")
MARK = "\ue000"  # stands for a page break inside a text while it is normalised


# Every character that maps to something else. Found with one regular expression (str.translate looks
# up every character of the text in a dict, which costs more on a text where few characters change).
_TABLE: dict[str, str] = {ch: "" for ch in DROPPED}
_TABLE.update({ch: '"' for ch in QUOTES})
_TABLE.update({ch: "-" for ch in DASHES})
_TABLE.update({chr(code): " " for code in range(0x10000) if chr(code).isspace() and code != 0x20})
_TABLE.update({"ё": "е", "…": "..."})
_MAPPED = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_TABLE)) + "]|[\U00010000-\U0010FFFF]")


def _map(match: re.Match) -> str:
    return _TABLE.get(match.group(), "\ufffd")  # the characters outside the BMP: U+FFFD


_SPACES = re.compile(" {2,}")
_LONE_SPACE = re.compile(r"(?<![^\W_]) | (?![^\W_])")  # a space not between two letters or digits


def _collapse(mapped: str) -> str:
    """One space where a run of spaces stands between two letters or digits, none elsewhere."""
    return _LONE_SPACE.sub("", _SPACES.sub(" ", mapped))


def normalize_marked(text: str) -> tuple[str, list[int]]:
    """The normalised text, and for every MARK in text the offset of the character it stands before."""
    mapped = _MAPPED.sub(_map, unicodedata.normalize("NFC", text).lower())
    pieces = mapped.split(MARK)
    plain = "".join(pieces)
    out = _collapse(plain)
    marks: list[int] = []
    at = 0
    for piece in pieces[:-1]:
        at += len(piece)
        following = len(plain) - len(plain[at:].lstrip(" "))  # the next character that is not a space
        # Every character but a space is kept: its offset is the length of the prefix it ends, less one.
        marks.append(len(_collapse(plain[:following + 1])) - 1 if following < len(plain) else len(out))
    return out, marks


def normalize(text: str) -> str:
    """The form in which quotations are compared (see the module docstring)."""
    return normalize_marked(text.replace(MARK, ""))[0]


# A note marker as a quotation copied from the print or a page may hold it (see the module docstring).
NOTE_MARKER = re.compile(r"[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+|[(\[]\d{1,3}[)\]]|\*+"
                         r"|(?:(?<=[^\W\d_])|(?<=[.,;:!?)\]»\"”’']))\d{1,3}(?!\d)")


def quotation_forms(quotation: str) -> list[str]:
    """The normalised forms a quotation is looked for in, in turn: as it is, then without note markers."""
    forms = [normalize(quotation)]
    bare = normalize(NOTE_MARKER.sub("", quotation))
    if bare != forms[0]:
        forms.append(bare)
    return forms
