"""Dates: ``date[@when]`` or ``date[@from][@to]`` around the date expressions of a string of text.

A pure annotator: ``find_dates(text)`` returns non-overlapping :class:`Span` objects with ISO values
(``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; all checked: a real month, a real day of that month, a year in
1700–2099). Only forms that carry their own evidence of being a date are tagged:

Russian
    ``20 января 1925 г.`` / ``20 января 1925``; ``13.02.1924``; ``августе 1923 г.`` (month and year);
    ``1 января — 31 декабря 1925 г.``, ``14–16 мая 1924 г.``, ``с января по апрель 1920 г.``,
    ``января — апреля 1920 г.`` (ranges in one year); ``1921–1923 гг.``, ``1921–23 гг.``,
    ``с 1921 по 1923 г.``; ``1923 г.`` / ``1923 году`` / ``1923 года`` (the word г./гг./год is the
    evidence: a bare 4-digit number is a quantity, a page or an imprint year, never a date);
    decades ``1920-е гг.``, ``1920-х``, ``1920-1930-е гг.``, and ``20-х гг. XX в.`` (a two-digit decade
    only with its century).
English
    ``January 20, 1925``, ``20 January 1925``, ``August 1923``, ``the 1920s``; a bare year only after
    in/since/by/until/of/during (``in 1923``), ranges ``from 1921 to 1923``, ``between 1921 and 1923``,
    ``in 1921–1923``.
French and German (see their packs)
    ``20 janvier 1925``, ``1er mai 1924``, ``janvier 1925``, ``en 1923``; ``20. Januar 1925``,
    ``Januar 1925``, ``im Jahre 1923``, ``die 1920er Jahre``.
Any language
    A year range in parentheses, ``(1917–1922)``.

The patterns of a language live in its pack (``languages/<code>.py``, ``date_rules``); this module holds
the readings of their matches and the choice among overlapping ones. The rules of every pack are tried
whatever ``lang`` says (they key on words of their own language, and quotations cross languages).
Forms whose parse fails (``31.02.1925``, ``1920-1925-е гг.``) are left plain, and no part of them is
tagged on its own. Day and month without a year (``5/VIII``, ``2 мая``) are plain.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..languages import LanguagePack, packs
from ..languages._patterns import DASH, year
from .numerals import roman_value
from .pattern_starts import matches, start_characters
from .spans import Span

MIN_YEAR = 1700
MAX_YEAR = 2099
MIN_BARE_YEAR = 1800  # a year after a mere preposition ("in 1923") is one only from here on
MAX_RANGE_YEARS = 150

Parse = Callable[[re.Match[str]], dict[str, str] | None]


# --- ISO values ----------------------------------------------------------------------------------------


def _year(y: int | str) -> str | None:
    y = int(y)
    return f"{y:04d}" if MIN_YEAR <= y <= MAX_YEAR else None


def _year_month(y: int | str, m: int) -> str | None:
    year = _year(y)
    return f"{year}-{m:02d}" if year and 1 <= m <= 12 else None


def _day(y: int | str, m: int, d: int | str) -> str | None:
    year = _year(y)
    if not year:
        return None
    try:
        return _dt.date(int(y), m, int(d)).isoformat()
    except ValueError:
        return None


def _when(value: str | None) -> dict[str, str] | None:
    return {"when": value} if value else None


def _range(a: str | None, b: str | None) -> dict[str, str] | None:
    if not a or not b or a > b:
        return None
    if int(b[:4]) - int(a[:4]) > MAX_RANGE_YEARS:
        return None
    return {"from": a, "to": b}


# --- readings of a match, by the names the packs' rules give ------------------------------------------


def _decade_range_4(m: re.Match[str]) -> dict[str, str] | None:
    y1, y2 = int(m["y1"]), int(m["y2"])
    if y1 % 10 or y2 % 10:
        return None
    return _range(_year(y1), _year(y2 + 9))


def _century_base(m: re.Match[str]) -> int | None:
    century = roman_value(m["cent"])
    return None if century is None else (century - 1) * 100


def _decade_range_2(m: re.Match[str]) -> dict[str, str] | None:
    base = _century_base(m)
    if base is None:
        return None
    return _range(_year(base + int(m["d1"])), _year(base + int(m["d2"]) + 9))


def _decade_2(m: re.Match[str]) -> dict[str, str] | None:
    base = _century_base(m)
    if base is None:
        return None
    return _range(_year(base + int(m["d"])), _year(base + int(m["d"]) + 9))


def _decade_4(m: re.Match[str]) -> dict[str, str] | None:
    y = int(m["y"])
    return _range(_year(y), _year(y + 9)) if y % 10 == 0 else None


def _month(word: str) -> int:
    return _month_numbers()[word.casefold()]


@cache
def _month_numbers() -> dict[str, int]:
    """Every printed month name of every pack (case-folded) -> its number; no name means two months."""
    return {form.casefold(): n for p in packs() for n, forms in enumerate(p.months, 1) for form in forms}


def _day_range_two_months(m: re.Match[str]) -> dict[str, str] | None:
    return _range(_day(m["y"], _month(m["m1"]), m["d1"]), _day(m["y"], _month(m["m2"]), m["d2"]))


def _day_range_one_month(m: re.Match[str]) -> dict[str, str] | None:
    month = _month(m["m"])
    return _range(_day(m["y"], month, m["d1"]), _day(m["y"], month, m["d2"]))


def _month_range(m: re.Match[str]) -> dict[str, str] | None:
    return _range(_year_month(m["y"], _month(m["m1"])), _year_month(m["y"], _month(m["m2"])))


def _year_range(m: re.Match[str]) -> dict[str, str] | None:
    y1, y2 = m["y1"], m["y2"]
    if len(y2) == 2:
        y2 = y1[:2] + y2
    if int(y1) >= int(y2):
        return None
    return _range(_year(y1), _year(y2))


def _late_year_range(m: re.Match[str]) -> dict[str, str] | None:
    if int(m["y1"]) < MIN_BARE_YEAR:
        return None
    return _year_range(m)


def _full_date(m: re.Match[str]) -> dict[str, str] | None:
    return _when(_day(m["y"], _month(m["m"]), m["d"]))


def _numeric_date(m: re.Match[str]) -> dict[str, str] | None:
    return _when(_day(m["y"], int(m["m"]), m["d"]))


def _month_year(m: re.Match[str]) -> dict[str, str] | None:
    return _when(_year_month(m["y"], _month(m["m"])))


def _bare_year(m: re.Match[str]) -> dict[str, str] | None:
    return _when(_year(m["y"]))


def _late_year(m: re.Match[str]) -> dict[str, str] | None:
    return _when(_year(m["y"])) if int(m["y"]) >= MIN_BARE_YEAR else None


PARSERS: dict[str, Parse] = {
    "decade_range_4": _decade_range_4,
    "decade_range_2": _decade_range_2,
    "decade_2": _decade_2,
    "decade_4": _decade_4,
    "day_range_two_months": _day_range_two_months,
    "day_range_one_month": _day_range_one_month,
    "month_range": _month_range,
    "year_range": _year_range,
    "late_year_range": _late_year_range,  # a range after a preposition: from 1921 to 1923
    "full_date": _full_date,
    "numeric_date": _numeric_date,
    "month_year": _month_year,
    "year": _bare_year,
    "late_year": _late_year,  # a bare year after a preposition: in 1923
}


# --- rules ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    priority: int  # lower wins
    pattern: re.Pattern[str]
    parse: Parse
    group: str | int = 0  # the part of the match that is the span
    block: bool = True  # a match that does not parse still keeps its text plain
    month: str | None = None  # the month-name pattern of its pack, when the pattern needs one
    starts: re.Pattern[str] | None = None  # where a match can begin (pattern_starts.py)


# A year range in parentheses, (1917–1922), in any language.
_PARENTHESISED_RANGE = re.compile(rf"\((?P<r>{year('y1')}\s*{DASH}\s*{year('y2')})\)")


def _pack_rules(pack: LanguagePack) -> list[_Rule]:
    return [
        _rule(rule.priority, re.compile(rule.pattern), PARSERS[rule.parse], rule.group, rule.block,
              pack.month_pattern if pack.month_pattern in rule.pattern else None)
        for rule in pack.date_rules
    ]


def _rule(priority: int, pattern: re.Pattern[str], parse: Parse, group: str | int = 0, block: bool = True,
          month: str | None = None) -> _Rule:
    return _Rule(priority, pattern, parse, group, block, month, start_characters(pattern))


@cache
def _rules() -> tuple[_Rule, ...]:
    """The rules of every pack, then the rules of any language; stable within one priority."""
    rules = [rule for p in packs() for rule in _pack_rules(p)]
    rules.append(_rule(3, _PARENTHESISED_RANGE, _year_range, "r"))
    return tuple(sorted(rules, key=lambda rule: rule.priority))


@cache
def _month_searches() -> dict[str, re.Pattern[str]]:
    return {p.month_pattern: re.compile(p.month_pattern) for p in packs()}


_DIGIT_RE = re.compile(r"\d")


def find_dates(text: str) -> list[Span]:
    """The date expressions of ``text`` as ``date`` spans, in text order, without overlaps.

    The patterns of every language pack are tried: each keys on its own words.
    A longer reading beats its parts: ranges over their ends, full dates over month and year.
    """
    if not _DIGIT_RE.search(text):
        return []  # every date has a number
    # A rule that needs a month name is not tried on a text without one (most paragraphs).
    absent = {month for month, search in _month_searches().items() if not search.search(text)}
    candidates: list[tuple[int, int, int, dict[str, str] | None]] = []
    positions: dict[re.Pattern[str], list[int]] = {}  # where matches can begin, shared by the rules
    for rule in _rules():
        if rule.month in absent:
            continue
        for m in matches(rule.pattern, rule.starts, text, positions):
            start, end = m.span(rule.group)
            attrs = rule.parse(m)
            if attrs is None and not rule.block:
                continue
            # trailing white space is not part of the date
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                candidates.append((rule.priority, start, end, attrs))
    taken: list[tuple[int, int, dict[str, str] | None]] = []
    for _priority, start, end, attrs in sorted(candidates, key=lambda c: (c[0], -(c[2] - c[1]), c[1])):
        if any(start < e and s < end for s, e, _ in taken):
            continue
        taken.append((start, end, attrs))
    return [Span(s, e, "date", attrs) for s, e, attrs in sorted(taken, key=lambda t: t[0]) if attrs]
