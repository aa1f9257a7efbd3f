"""The printed-series rule: a citation of a series the edition declares (collection.yml ``series:``), by its
name as printed, a volume and a page locator, e.g. ``ДВП СССР. Т. 7. С. 331``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..editions import PrintedSeries
from ..languages import alternation, pack
from ..languages._patterns import DASH
from .citation_parts import CitationCandidate, cited_range
from .numerals import roman_value
from .spans import Span

# After a series' name, the state it is of, as printed: an abbreviation (СССР, РСФСР) or one word (России).
_QUALIFIER = r"(?:\s+(?:[А-ЯЁA-Z]{2,}|[А-ЯЁA-Z][а-яёa-z]+)(?!\w))?"
_NOT_AFTER_LETTER = r"(?<![^\W\d_])"


@dataclass(frozen=True)
class SeriesRule:
    """One declared series compiled: its names as printed, then a volume and a page locator."""

    series: PrintedSeries
    named: re.Pattern[str]  # one of its names, anywhere (a reference list's entry that names it)
    cited: re.Pattern[str]  # a citation: the name, a gap with the volume, and the page locator
    volume: re.Pattern[str]


def _name_pattern(name: str) -> str:
    return r"(?<!\w)" + r"\s+".join(re.escape(word) for word in name.split()) + r"(?!\w)"


@lru_cache(maxsize=32)
def series_rules(series: tuple[PrintedSeries, ...], languages: tuple[str, ...]) -> tuple[SeriesRule, ...]:
    """The series rule's patterns, one per declared series, for documents in these languages."""
    volume_words = [word for code in languages for word in pack(code).volume_words]
    page_words = [word for code in languages for word in pack(code).page_words]
    if not (series and volume_words and page_words):
        return ()
    volume, page = alternation(volume_words), alternation(page_words)
    any_name = "|".join(_name_pattern(name) for s in series for name in s.names)
    rules = []
    for entry in series:
        names = "|".join(_name_pattern(name) for name in sorted(entry.names, key=len, reverse=True))
        cited = re.compile(
            rf"(?P<title>(?:{names}){_QUALIFIER})"
            rf"(?P<gap>[»\"”]?\s*(?:[.,:\u2013\u2014-]|(?={volume}\s*\d|{page}\s*\d))"
            rf"(?:(?!//|{any_name})[^\[\]«»\"“”„;]){{0,250}}?)"
            rf"{_NOT_AFTER_LETTER}(?P<pl>{page}\s*(?P<p1>\d+)(?:\s*{DASH}\s*(?P<p2>\d+))?)(?!\d)"
        )
        volume_locator = re.compile(
            rf"{_NOT_AFTER_LETTER}{volume}\s*(?P<v>\d+|[IVXLХ]+(?![\w]))(?!\d)"
            rf"(?!\s*{DASH}\s*(?:\d|[IVXLХ]))"
        )
        rules.append(SeriesRule(entry, re.compile(names), cited, volume_locator))
    return tuple(rules)


def volume_number(printed: str) -> str | None:
    """A volume number as digits: ``8`` stays, ``XVII`` (Latin or Cyrillic Х) becomes ``17``."""
    if printed.isdigit():
        return str(int(printed)) if int(printed) > 0 else None
    value = roman_value(printed)
    return str(value) if value else None


def series_citations(text: str, rules: tuple[SeriesRule, ...]) -> list[CitationCandidate]:
    """The series rule: a citation of a declared printed series, by its name, volume and page."""
    out = []
    for rule in rules:
        for m in rule.cited.finditer(text):
            children = [Span(m.start("title"), m.end("title"), "title", {"level": "m"})]
            found = rule.volume.search(text, m.start("gap"), m.end("gap"))
            volume = volume_number(found["v"]) if found else None
            if found and volume:
                scope = {"unit": "volume", "n": volume}
                children.append(Span(found.start(), found.end(), "biblScope", scope))
            children.append(cited_range(m, "pl", "p1", "p2", "page"))
            series_id = rule.series.id
            attrs = {"type": series_id, "n": f"{series_id}-{volume or 'x'}-{int(m['p1'])}"}
            out.append(CitationCandidate(m.start(), m.end(), "series", attrs, children))
    return out
