"""The chronology: the dates of events, by decade and year, apart from the years of cited publications.

A date printed inside a citation (a bibl of the TEI: a reference in a note, a work named in the text) is the
year a work was published, not an event: it is listed apart; so is a year beside a publication word of the
language, before it ("изданная в 1961 г.", "published in 1961") or after it ("в 1947 г. появился труд").
Only a year counts so: a day or a month dates a document of the time ("22 августа 1928 г. вышла статья" in a
newspaper, "опубликованы 15 ноября 1931 г."), which is an event of the history told.

A chronology of more than PAGE_SIZE events is split into pages, one per decade, or one per year in a decade
that alone has more than PAGE_SIZE; chronology/index.html is then their table of contents, and keeps the
year anchors (#y1925) it had, each leading to the year's page.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from ..slugs import slug
from .indexes_common import PAGE_SIZE, Section, locus_key, split_into_pages
from .model import DateMention, Locus

_CHRONOLOGY_FOLDER = "chronology/"


@dataclass(frozen=True)
class ChronologyPage:
    """A page of the split chronology: a decade's years, or one year (or a part of a very full one)."""

    path: str
    heading: str  # "1930" (a decade: its first year), "1925" (a year), "1925 (2)" (its second page)
    decade: bool
    years: tuple[Section, ...]  # items: DateMention


@dataclass(frozen=True)
class Chronology:
    decades: tuple[Section, ...]  # heading: the decade's first year ("—" undated); items: year Sections
    pages: tuple[ChronologyPage, ...]  # () when every event is on chronology/index.html
    page_of_year: dict[str, str]  # year anchor -> the path of its (first) page, when split
    publications: tuple[Section, ...]  # the years of cited publications; items: DateMention
    count: int  # the events
    publication_count: int

    def publication_anchor(self, year: Section) -> str:
        """A year of publications takes the year's anchor (#y1961, as when the chronology listed it among
        the events) unless that year has events, which keep it."""
        taken = any(y.anchor == year.anchor for decade in self.decades for y in decade.items)
        return f"pub-{year.anchor}" if taken else year.anchor


def inside_citation(date: Locus, citation: Locus) -> bool:
    """Whether a date was printed inside a citation: both are in the same paragraph or note, and the words
    that end at the date run into the citation's own text (its snippet: the words before it, then it)."""
    if (date.doc_id, date.anchor) != (citation.doc_id, citation.anchor):
        return False
    around = citation.snippet.before + citation.snippet.match
    tail = (date.snippet.before + date.snippet.match)[-40:]
    at = around.rfind(tail)
    return at >= 0 and at + len(tail) > len(citation.snippet.before)


def _publication_words(words: tuple[str, ...]) -> str:
    """The regex of any publication word: each is the beginnings of one or more words ("изданн",
    "появил труд": "появился труд", "появилась книга" is "появил книг"), each beginning ending its word."""
    return "|".join(r"\w*\s+".join(map(re.escape, w.split())) + r"\w*" for w in words)


def after_publication_word(date: Locus, words: tuple[str, ...]) -> bool:
    """Whether the words just before a date say a work appeared then: one of words (the beginnings of
    words: "издан", "вышедш", "published"), then at most one short word ("в", "in"), then the date."""
    if not words:
        return False
    return _after_pattern(words).search(date.snippet.before) is not None


@cache
def _after_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """The pattern of after_publication_word, made once per edition (it is asked for every date)."""
    return re.compile(rf"(?:^|\W)(?:{_publication_words(words)})\W+(?:\w{{1,3}}\W+)?$", re.IGNORECASE)


@cache
def _before_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """The pattern of before_publication_word, made once per edition."""
    return re.compile(rf"^\W*(?:\w{{1,4}}\W+)?(?:{_publication_words(words)})(?:\W|$)", re.IGNORECASE)


def before_publication_word(date: Locus, words: tuple[str, ...]) -> bool:
    """Whether the words just after a date say a work appeared then: at most one short word ("была",
    "was"), then one of words ("в 1947 г. появился труд", "в 1961 г. была издана книга")."""
    if not words:
        return False
    return _before_pattern(words).match(date.snippet.after) is not None


def a_year(date: DateMention) -> bool:
    """Whether a date is a year (or years), with no month or day: how a publication is dated."""
    return all(len(value.lstrip("-")) == 4 for value in (date.start, date.end))


def _years(dates: list[DateMention], doc_order: dict[str, int]) -> tuple[Section, ...]:
    ordered = sorted(dates, key=lambda d: (d.start, d.end, locus_key(d.locus, doc_order)))
    years: dict[str, list[DateMention]] = defaultdict(list)
    for item in ordered:
        years[item.year].append(item)
    return tuple(Section(year, f"y{slug(year) or 'x'}", tuple(items)) for year, items in years.items())


def _decade_of(year: str) -> str:
    return str(int(year) // 10 * 10) if year.lstrip("-").isdigit() else "—"


def _decades(years: tuple[Section, ...]) -> tuple[Section, ...]:
    grouped: dict[str, list[Section]] = defaultdict(list)
    for year in years:
        grouped[_decade_of(year.heading)].append(year)
    return tuple(Section(decade, f"d{slug(decade) or 'x'}", tuple(members))
                 for decade, members in grouped.items())


def _pages(decades: tuple[Section, ...]) -> tuple[ChronologyPage, ...]:
    out = []
    for decade in decades:
        size = sum(len(y.items) for y in decade.items)
        if size <= PAGE_SIZE:
            folder = f"{decade.heading}s" if decade.heading != "—" else "undated"
            out.append(ChronologyPage(f"{_CHRONOLOGY_FOLDER}{folder}/index.html", decade.heading, True,
                                      decade.items))
            continue
        for year in decade.items:
            for part in split_into_pages(f"{_CHRONOLOGY_FOLDER}{slug(year.heading) or 'x'}/", year.items):
                heading = year.heading if part.number == 1 else f"{year.heading} ({part.number})"
                out.append(ChronologyPage(part.path, heading, False,
                                          (Section(year.heading, year.anchor, part.items),)))
    return tuple(out)


def chronology(
    dates: list[DateMention], citations: list[Locus], doc_order: dict[str, int],
    publication_words: tuple[str, ...] = (),
) -> Chronology:
    """The events and the publication years among dates; citations: where every citation was printed;
    publication_words: the beginnings of the words that say a work appeared, in the edition's languages."""
    by_box: dict[tuple[str, str], list[Locus]] = defaultdict(list)
    for locus in citations:
        by_box[(locus.doc_id, locus.anchor)].append(locus)
    events, published = [], []
    for date in dates:
        near = by_box.get((date.locus.doc_id, date.locus.anchor), ())
        cited = any(inside_citation(date.locus, c) for c in near) or a_year(date) and (
            after_publication_word(date.locus, publication_words)
            or before_publication_word(date.locus, publication_words))
        (published if cited else events).append(date)
    decades = _decades(_years(events, doc_order))
    pages = _pages(decades) if len(events) > PAGE_SIZE else ()
    page_of_year: dict[str, str] = {}
    for page in pages:
        for year in page.years:
            page_of_year.setdefault(year.anchor, page.path)
    return Chronology(decades, pages, page_of_year, _years(published, doc_order), len(events), len(published))
