"""Pieces of the date patterns that every language shares (dashes, years, days), and the date rules that
the Latin-script packs build alike from their own words (not a language pack)."""

from __future__ import annotations

from . import DateRule, printed

DASH = r"[-\u2010\u2011\u2012\u2013\u2014\u2015]"
YEAR = r"(?<!\d)(?:1[7-9]\d\d|20\d\d)(?!\d)"
DAY = r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?!\d)"


def year(name: str) -> str:
    """A year as the named group ``name``."""
    return rf"(?P<{name}>{YEAR})"


def either_case(word: str) -> str:
    """The regex of ``word`` with its first letter in either case: "[Ff]rom"."""
    return f"[{word[0].upper()}{word[0].lower()}]{word[1:]}"


def year_range_rule(opening: str, joining: str) -> DateRule:
    """A range of years between two words: "from 1921 to 1923" (opening "from", joining the regex "to")."""
    return DateRule(
        3, rf"(?<!\w){either_case(opening)}\s+{year('y1')}\s+{joining}\s+{year('y2')}", "late_year_range"
    )


def month_range_rule(month: str, opening: str, joining: str) -> DateRule:
    """A range of months in one year between two words: "de janvier à avril 1920"."""
    return DateRule(
        2,
        rf"(?<!\w){either_case(opening)}\s+(?P<m1>{month})\s+{joining}\s+(?P<m2>{month})\s+{year('y')}",
        "month_range",
    )


def month_year_rule(month: str) -> DateRule:
    """A month and its year: "janvier 1925"."""
    return DateRule(5, rf"(?<!\w)(?P<m>{month})\s+{year('y')}", "month_year")


def bare_year_rule(words: tuple[str, ...]) -> DateRule:
    """A bare year after one of ``words`` (in, since, by …: "in 1923"); a match that does not parse does not
    keep its text plain."""
    return DateRule(
        7, rf"(?<!\w){printed(words)}\s+{year('y')}(?![\d%])", "late_year", group="y", block=False
    )


def decade_rule(words: tuple[str, ...]) -> DateRule:
    """A decade as a year followed by one of ``words``: "1920s", "1920er Jahre"."""
    return DateRule(6, rf"{year('y')}{printed(words)}", "decade_4")
