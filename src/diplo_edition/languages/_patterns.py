"""Pieces of the date patterns that every language shares: dashes, years, days (not a language pack)."""

from __future__ import annotations

DASH = r"[-\u2010\u2011\u2012\u2013\u2014\u2015]"
YEAR = r"(?<!\d)(?:1[7-9]\d\d|20\d\d)(?!\d)"
DAY = r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?!\d)"


def year(name: str) -> str:
    """A year as the named group ``name``."""
    return rf"(?P<{name}>{YEAR})"
