"""The chronology of the seed edition: the years in which the historians' works appeared are listed apart from
the events, by the TEI's dates and the Russian pack's publication words, and the dated documents of the time
(a newspaper article, a decree, a published statement) stay events."""

from __future__ import annotations

import re

from browser.sites import real_site
from conftest import THESIS
from lxml import html


def chronology_pages():
    folder = real_site() / "chronology"
    return html.parse(str(folder / "index.html")).getroot(), [
        html.parse(str(p)).getroot() for p in sorted(folder.glob("*/index.html"))]


def events() -> list[tuple[str, str]]:
    """(the date in words, the snippet) of every event on the chronology's pages."""
    return [(li.xpath("string(p[@class='event-date'])"),
             " ".join(li.xpath("string(p[@class='snippet'])").split()))
            for root in chronology_pages()[1] for li in root.xpath("//ol[@class='events']/li")]


def test_the_years_of_the_works_the_thesis_reviews_are_publications_not_events() -> None:
    index, _ = chronology_pages()
    publications = index.xpath("//section[@class='publications']//ul[@class='folios']/li")
    years = [li.xpath("string(span[@class='folio'])") for li in publications]
    # 1939 "вышедшая в", 1961/1980/2005 "изданная в", 1967 "вышедшая в", 1947 "в 1947 г. появился труд"
    assert years == ["1939", "1947", "1961", "1967", "1980", "2005"]
    assert all(THESIS in li.xpath("string(.//a/@href)") for li in publications)
    assert not [e for e in events() if "появился труд" in e[1] and "1947" in e[0]]


def test_documents_of_the_time_and_laws_stay_events() -> None:
    listed = events()

    def has(date: str, words: str) -> bool:
        return any(date in when and re.search(words, snippet) for when, snippet in listed)

    assert has("22 августа 1928", r"1928 г\. вышла статья")  # a newspaper of the time: dated to the day
    assert has("14 ноября 1922", r"вышло постановление")  # a decree
    assert has("15 ноября 1931", r"опубликованы 15 ноября 1931")  # statements published in the press
    assert has("1939", r"в 1939 г\. в Японии вышел закон")  # a law, not a work
