"""Dates: ``date[@when]`` or ``date[@from][@to]`` around the date expressions of a string of text.

A pure annotator: ``find_dates(text, lang)`` returns non-overlapping :class:`Span` objects with ISO values
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
Both
    A year range in parentheses, ``(1917–1922)``.

The patterns of both languages are tried whatever ``lang`` says (they key on words of their own script, and
quotations cross languages). Forms whose parse fails (``31.02.1925``, ``1920-1925-е гг.``) are left plain,
and no part of them is tagged on its own. Day and month without a year (``5/VIII``, ``2 мая``) are plain.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .spans import Span

MIN_YEAR = 1700
MAX_YEAR = 2099
MIN_EN_BARE_YEAR = 1800
MAX_RANGE_YEARS = 150

DASH = r"[-\u2010\u2011\u2012\u2013\u2014\u2015]"
YEAR = r"(?<!\d)(?:1[7-9]\d\d|20\d\d)(?!\d)"
# The word that makes a Russian number a year: г. гг. год года году годы годов годах ...
YMARK = r"(?:гг?\.|гг?(?!\w)|год(?:а|у|ом|е|ы|ов|ах|ами)?(?!\w))"
YMARK_PLURAL = r"(?:гг\.?(?!\w)|г\.|г(?!\w)|год(?:ы|ов|ах|ами)(?!\w))"
DECADE_SUFFIX = r"(?:е|х|ые|ых|ми|ыми)(?!\w)"
ORDINAL_SUFFIX = r"(?:м|й|го|му|ом)(?!\w)"
DECADE_WORD = r"(?:\s*(?:гг\.|гг(?!\w)|год(?:ы|ов|ах|ами)(?!\w)))?"
CENTURY = r"(?P<cent>[XХ]{1,2}I{0,3}|[XХ]?I[XХ])\s*(?:в\.|в(?!\w)|век(?:а|е)?(?!\w)|столети(?:я|е|и)(?!\w))"

RU_MONTHS = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}
RU_MONTH = (
    r"(?i:январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|"
    r"сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])(?!\w)"
)
EN_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
EN_MONTHS = {name: i + 1 for i, name in enumerate(EN_MONTH_NAMES)}
EN_MONTH = r"(?:" + "|".join(EN_MONTHS) + r")(?!\w)"
DAY = r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?!\d)"


def _ru_month(word: str) -> int:
    word = word.lower()
    for stem, number in RU_MONTHS.items():
        if word.startswith(stem) and (stem != "ма" or len(word) == 3):
            return number
    raise ValueError(word)


def _month(word: str) -> int:
    return EN_MONTHS[word] if word in EN_MONTHS else _ru_month(word)


def _roman(numeral: str) -> int | None:
    numeral = numeral.replace("Х", "X")
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, ch in enumerate(numeral):
        v = values[ch]
        if i + 1 < len(numeral) and values[numeral[i + 1]] > v:
            total -= v
        else:
            total += v
    return total or None


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


# --- rules ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    priority: int  # lower wins
    pattern: re.Pattern[str]
    parse: Callable[[re.Match[str]], dict[str, str] | None]
    group: str | int = 0  # the part of the match that is the span
    block: bool = True  # a match that does not parse still keeps its text plain


def _decade_range_4(m: re.Match[str]) -> dict[str, str] | None:
    y1, y2 = int(m["y1"]), int(m["y2"])
    if y1 % 10 or y2 % 10:
        return None
    return _range(_year(y1), _year(y2 + 9))


def _century_base(m: re.Match[str]) -> int | None:
    century = _roman(m["cent"])
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


def _en_year_range(m: re.Match[str]) -> dict[str, str] | None:
    if int(m["y1"]) < MIN_EN_BARE_YEAR:
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


def _en_bare_year(m: re.Match[str]) -> dict[str, str] | None:
    return _when(_year(m["y"])) if int(m["y"]) >= MIN_EN_BARE_YEAR else None


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _y(name: str) -> str:
    return rf"(?P<{name}>{YEAR})"


RULES: tuple[_Rule, ...] = (
    # decade ranges: 1920-1930-е гг.; 20-30-е годы XX века; 20-х и 30-х гг. XX в.
    _Rule(
        0, _c(rf"{_y('y1')}\s*{DASH}\s*{_y('y2')}\s*{DASH}?\s*{DECADE_SUFFIX}{DECADE_WORD}"), _decade_range_4
    ),
    _Rule(
        0,
        _c(
            rf"(?<![\d.,])(?P<d1>[1-9]0)(?:\s*{DASH}\s*{DECADE_SUFFIX})?\s*(?:{DASH}|и)\s*(?P<d2>[1-9]0)\s*{DASH}?\s*"
            rf"{DECADE_SUFFIX}{DECADE_WORD}\s+{CENTURY}"
        ),
        _decade_range_2,
    ),
    # day ranges in one year: 1 января — 31 декабря 1925 г.; 14–16 мая 1924 г.
    _Rule(
        1,
        _c(
            rf"(?P<d1>{DAY})\s*(?P<m1>{RU_MONTH})\s*{DASH}\s*(?P<d2>{DAY})\s*(?P<m2>{RU_MONTH})\s*{_y('y')}"
            rf"(?:\s*{YMARK})?"
        ),
        _day_range_two_months,
    ),
    _Rule(
        1,
        _c(rf"(?P<d1>{DAY})\s*{DASH}\s*(?P<d2>{DAY})\s*(?P<m>{RU_MONTH})\s*{_y('y')}(?:\s*{YMARK})?"),
        _day_range_one_month,
    ),
    _Rule(
        1,
        _c(rf"(?P<d1>{DAY})\s*{DASH}\s*(?P<d2>{DAY})\s+(?P<m>{EN_MONTH})\s*,?\s*{_y('y')}"),
        _day_range_one_month,
    ),
    _Rule(
        1,
        _c(rf"(?P<m>{EN_MONTH})\s+(?P<d1>{DAY})\s*{DASH}\s*(?P<d2>{DAY})\s*,?\s*{_y('y')}"),
        _day_range_one_month,
    ),
    # month ranges in one year: с января по апрель 1920 г.; января — апреля 1920 г.;
    # from January to April 1920
    _Rule(
        2,
        _c(rf"(?<!\w)[сС]\s+(?P<m1>{RU_MONTH})\s+по\s+(?P<m2>{RU_MONTH})\s*{_y('y')}(?:\s*{YMARK})?"),
        _month_range,
    ),
    _Rule(
        2,
        _c(rf"(?<!\d\s)(?P<m1>{RU_MONTH})\s*{DASH}\s*(?P<m2>{RU_MONTH})\s*{_y('y')}(?:\s*{YMARK})?"),
        _month_range,
    ),
    _Rule(
        2,
        _c(
            rf"(?<!\w)(?:[Ff]rom|[Bb]etween)\s+(?P<m1>{EN_MONTH})\s+(?:to|until|and)\s+(?P<m2>{EN_MONTH}),?\s*{_y('y')}"
        ),
        _month_range,
    ),
    # year ranges: 1921–1923 гг.; 1921-23 гг.; с 1921 по 1923 г.; from 1921 to 1923; (1917–1922)
    _Rule(
        3,
        _c(rf"{_y('y1')}\s*(?:{YMARK}\s*)?{DASH}\s*(?P<y2>{YEAR}|(?<!\d)\d\d(?!\d))\s*{YMARK_PLURAL}"),
        _year_range,
    ),
    _Rule(3, _c(rf"(?<!\w)[сС]\s+{_y('y1')}\s*(?:{YMARK}\s*)?по\s+{_y('y2')}\s*{YMARK}"), _year_range),
    _Rule(3, _c(rf"(?<!\w)[Ff]rom\s+{_y('y1')}\s+(?:to|till|until)\s+{_y('y2')}"), _en_year_range),
    _Rule(3, _c(rf"(?<!\w)[Bb]etween\s+{_y('y1')}\s+and\s+{_y('y2')}"), _en_year_range),
    _Rule(
        3,
        _c(
            rf"(?<!\w)(?:[Ii]n|[Dd]uring|[Oo]f|[Ff]or|[Ss]ince)\s+(?P<r>{_y('y1')}\s*{DASH}\s*{_y('y2')})(?!\s*{DASH})"
        ),
        _en_year_range,
        group="r",
    ),
    _Rule(3, _c(rf"\((?P<r>{_y('y1')}\s*{DASH}\s*{_y('y2')})\)"), _year_range, group="r"),
    # full dates: 20 января 1925 г.; 13.02.1924; January 20, 1925; 20 January 1925
    _Rule(4, _c(rf"(?P<d>{DAY})\s*(?P<m>{RU_MONTH})\s*{_y('y')}(?:\s*{YMARK})?"), _full_date),
    _Rule(
        4,
        _c(rf"(?<![\d.])(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}})(?![\d])(?!\.\d)(?:\s*{YMARK})?"),
        _numeric_date,
    ),
    _Rule(4, _c(rf"(?P<m>{EN_MONTH})\s+(?P<d>{DAY})(?:st|nd|rd|th)?\s*,?\s*{_y('y')}"), _full_date),
    _Rule(4, _c(rf"(?P<d>{DAY})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{EN_MONTH})\s*,?\s*{_y('y')}"), _full_date),
    # a newspaper issue: Известия. – 1922. – 27 октября.
    _Rule(
        4,
        _c(rf"{_y('y')}\.\s*{DASH}\s*(?P<d>{DAY})\s*(?P<m>{RU_MONTH})(?!\s*\d)"),
        _full_date,
    ),
    # month and year: августе 1923 г.; August 1923
    _Rule(5, _c(rf"(?<!\w)(?P<m>{RU_MONTH})\s*{_y('y')}(?:\s*{YMARK})?"), _month_year),
    _Rule(5, _c(rf"(?P<m>{EN_MONTH}),?\s+{_y('y')}"), _month_year),
    # decades: 20-х гг. XX в.; 1920-е гг.; 1920-х; the 1920s
    _Rule(
        6,
        _c(rf"(?<![\d.,])(?P<d>[1-9]0)\s*{DASH}\s*{DECADE_SUFFIX}{DECADE_WORD}\s+{CENTURY}"),
        _decade_2,
    ),
    _Rule(6, _c(rf"{_y('y')}\s*{DASH}\s*{DECADE_SUFFIX}{DECADE_WORD}"), _decade_4),
    _Rule(6, _c(rf"{_y('y')}['’]?s(?!\w)"), _decade_4),
    # an ordinal year: 1925-м году, 1925-й год
    _Rule(6, _c(rf"{_y('y')}\s*{DASH}\s*{ORDINAL_SUFFIX}(?:\s*{YMARK})?"), _bare_year),
    # a year with its word: 1923 г.; 1923 году; in 1923
    _Rule(7, _c(rf"{_y('y')}\s*{YMARK}"), _bare_year),
    _Rule(
        7,
        _c(
            rf"(?<!\w)(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Oo]f|[Dd]uring|[Bb]efore|[Aa]fter)\s+{_y('y')}(?![\d%])"
        ),
        _en_bare_year,
        group="y",
        block=False,
    ),
)


_DIGIT_RE = re.compile(r"\d")
_MONTH_WORDS = {RU_MONTH: re.compile(RU_MONTH), EN_MONTH: re.compile(EN_MONTH)}  # pattern -> its search


def find_dates(text: str, lang: str = "ru") -> list[Span]:
    """The date expressions of ``text`` as ``date`` spans, in text order, without overlaps.

    ``lang`` is the language of the string (``ru``/``en``); both languages' patterns are tried.
    A longer reading beats its parts: ranges over their ends, full dates over month and year.
    """
    del lang  # both pattern sets key on their own words; kept for the annotator interface
    if not _DIGIT_RE.search(text):
        return []  # every date has a number
    # A rule that needs a month name is not tried on a text without one (most paragraphs).
    absent = {month for month, found in _MONTH_WORDS.items() if not found.search(text)}
    candidates: list[tuple[int, int, int, dict[str, str] | None]] = []
    for rule in RULES:
        if absent and any(month in rule.pattern.pattern for month in absent):
            continue
        for m in rule.pattern.finditer(text):
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
