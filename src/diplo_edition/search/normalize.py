"""The normalisation shared by the quotation finder in the browser (static/search-core.js) and in Python.

A quotation and the reading text are compared in this form: Unicode NFC, lower case, ё → е, every kind of
quotation mark → ``"``, every dash and hyphen → ``-``, ``…`` → ``...``, every kind of space (NBSP, thin
space, line break) → one space, soft hyphens, zero-width characters and stress marks removed, and a space
kept only between two letters or digits (so that ``Л.М. Карахан`` matches ``Л. М. Карахан`` and
``1921 – 1923`` matches ``1921–1923``). Characters outside the Basic Multilingual Plane become U+FFFD, so
that offsets count the same in Python (code points) and in JavaScript (UTF-16 units).

The JavaScript twin is ``normalize`` in templates/static/search-core.js; tests/test_search.py and the
browser tests check that both give the same result on the same cases.
"""

from __future__ import annotations

import unicodedata

QUOTES = frozenset("«»„“”‟\"‹›‚‘’‛'`´′″")
DASHES = frozenset("‐‑‒–—―−⁃-﹘﹣－")
DROPPED = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff\u0300\u0301")
MARK = "\ue000"  # stands for a page break inside a text while it is normalised


def _mapped(text: str) -> list[str]:
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text).lower():
        if ch == MARK:
            out.append(MARK)
        elif ch in DROPPED:
            continue
        elif ord(ch) > 0xFFFF:
            out.append("\ufffd")
        elif ch == "ё":
            out.append("е")
        elif ch in QUOTES:
            out.append('"')
        elif ch in DASHES:
            out.append("-")
        elif ch == "…":
            out.extend("...")
        elif ch.isspace():
            out.append(" ")
        else:
            out.append(ch)
    return out


def normalize_marked(text: str) -> tuple[str, list[int]]:
    """The normalised text, and for every MARK in text the offset of the character it stands before."""
    out: list[str] = []
    marks: list[int] = []
    pending_marks = 0
    pending_space = False
    for ch in _mapped(text):
        if ch == MARK:
            pending_marks += 1
        elif ch == " ":
            pending_space = bool(out)
        else:
            if pending_space and out[-1].isalnum() and ch.isalnum():
                out.append(" ")
            pending_space = False
            marks.extend([len(out)] * pending_marks)
            pending_marks = 0
            out.append(ch)
    marks.extend([len(out)] * pending_marks)
    return "".join(out), marks


def normalize(text: str) -> str:
    """The form in which quotations are compared (see the module docstring)."""
    return normalize_marked(text.replace(MARK, ""))[0]
