"""Dates: ``date[@when]`` / ``date[@from][@to]`` spans with valid ISO values, on stated evidence only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplo_edition.apparatus.dates import find_dates
from diplo_edition.apparatus.spans import Span

SOURCES = Path(__file__).resolve().parents[1] / "sources"
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def tagged(text: str) -> list[tuple[str, dict[str, str]]]:
    return [(text[s.start : s.end], s.attrs) for s in find_dates(text)]


def source_lines(name: str, needle: str, following: int = 0) -> str:
    """The source line holding ``needle`` and the next ``following`` lines, joined with spaces."""
    lines = (SOURCES / name).read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if needle in line:
            return " ".join(part.strip() for part in lines[i : i + following + 1])
    raise AssertionError(f"{needle!r} not in {name}")


# --- Russian ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "printed", "attrs"),
    [
        ("20 января 1925 г.", "20 января 1925 г.", {"when": "1925-01-20"}),
        ("подписана 20 января 1925 в Пекине", "20 января 1925", {"when": "1925-01-20"}),
        ("31 мая 1924 г.", "31 мая 1924 г.", {"when": "1924-05-31"}),
        ("14\u00a0мая 1924\u00a0г.", "14\u00a0мая 1924\u00a0г.", {"when": "1924-05-14"}),
        ("от 22марта 1927 г.", "22марта 1927 г.", {"when": "1927-03-22"}),
        ("в августе 1923 г. прибыли", "августе 1923 г.", {"when": "1923-08"}),
        ("в конце мая 1925 г.", "мая 1925 г.", {"when": "1925-05"}),
        ("1921–1923 гг.", "1921–1923 гг.", {"from": "1921", "to": "1923"}),
        ("1921-1923 гг.", "1921-1923 гг.", {"from": "1921", "to": "1923"}),
        ("в 1922–1941 гг. отношения", "1922–1941 гг.", {"from": "1922", "to": "1941"}),
        ("1937–1941 гг.", "1937–1941 гг.", {"from": "1937", "to": "1941"}),
        ("1931– 1941 гг.", "1931– 1941 гг.", {"from": "1931", "to": "1941"}),
        ("в 1921-23 гг.", "1921-23 гг.", {"from": "1921", "to": "1923"}),
        ("с 1936 г. по 1941 г.", "с 1936 г. по 1941 г.", {"from": "1936", "to": "1941"}),
        ("с января по апрель 1920 г.", "с января по апрель 1920 г.", {"from": "1920-01", "to": "1920-04"}),
        ("14–16 мая 1924 г.", "14–16 мая 1924 г.", {"from": "1924-05-14", "to": "1924-05-16"}),
        ("1923 г.", "1923 г.", {"when": "1923"}),
        ("в 1923 году", "1923 году", {"when": "1923"}),
        ("до 1923 года", "1923 года", {"when": "1923"}),
        ("в 1922г. он", "1922г.", {"when": "1922"}),
        ("в 1925-м году", "1925-м году", {"when": "1925"}),
        ("13.02.1924", "13.02.1924", {"when": "1924-02-13"}),
        ("договора от 05.09.1905.", "05.09.1905", {"when": "1905-09-05"}),
        ("1920\u2011е гг.", "1920\u2011е гг.", {"from": "1920", "to": "1929"}),
        ("в 1930-х годах", "1930-х годах", {"from": "1930", "to": "1939"}),
        ("в начале 20-х гг. ХХ в. Подписанный", "20-х гг. ХХ в.", {"from": "1920", "to": "1929"}),
        ("20-х годов XX века", "20-х годов XX века", {"from": "1920", "to": "1929"}),
        ("в 20-х и 30-х гг. XX в.", "20-х и 30-х гг. XX в.", {"from": "1920", "to": "1939"}),
        ("1920-1930-е гг.", "1920-1930-е гг.", {"from": "1920", "to": "1939"}),
    ],
)
def test_russian_forms(text: str, printed: str, attrs: dict[str, str]) -> None:
    assert tagged(text) == [(printed, attrs)]


@pytest.mark.parametrize(
    "text",
    [
        "4040 солдат",
        "группировок составляет 17391 человек",
        "Собрание сочинений. – М.: Госполитиздат, 1959. – Т. 3. – С. 406.",
        "5/VIII",
        "2 мая М.М. Литвинов ответил",
        "31.02.1925",
        "31 февраля 1925 г.",
        "в 20-х гг. советское правительство",  # a decade without its century
        "1922-1941-е гг.",  # no reading of this one is reliable
    ],
)
def test_russian_non_dates_stay_plain(text: str) -> None:
    assert find_dates(text) == []


def test_a_parenthesised_year_range_is_a_range() -> None:
    assert tagged("Внешняя политика на Дальнем Востоке (1917-1922) / А.Ю. Сидоров") == [
        ("1917-1922", {"from": "1917", "to": "1922"})
    ]


def test_initials_after_a_year_are_not_the_year_word() -> None:
    assert find_dates("в 1921 Г.В. Чичерин писал") == []


def test_a_range_wins_over_its_parts() -> None:
    assert tagged("Т. 8. 1\u00a0января\u00a0— 31\u00a0декабря 1925\u00a0г.") == [
        ("1\u00a0января\u00a0— 31\u00a0декабря 1925\u00a0г.", {"from": "1925-01-01", "to": "1925-12-31"})
    ]


# --- English ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "printed", "attrs"),
    [
        ("January 20, 1925", "January 20, 1925", {"when": "1925-01-20"}),
        ("arrived on August 25, 1923, and", "August 25, 1923", {"when": "1923-08-25"}),
        ("20 January 1925", "20 January 1925", {"when": "1925-01-20"}),
        ("in August 1923", "August 1923", {"when": "1923-08"}),
        ("failed to obtain the right to concession in 1923.", "1923", {"when": "1923"}),
        ("the Convention of 1925 expressed", "1925", {"when": "1925"}),
        ("with Xinjiang in 1921–1923.", "1921–1923", {"from": "1921", "to": "1923"}),
        ("from 1921 to 1923", "from 1921 to 1923", {"from": "1921", "to": "1923"}),
        ("in the 1920s", "1920s", {"from": "1920", "to": "1929"}),
    ],
)
def test_english_forms(text: str, printed: str, attrs: dict[str, str]) -> None:
    assert tagged(text) == [(printed, attrs)]


@pytest.mark.parametrize("text", ["1923 people came", "page 1923", "in 1750 there", "February 30, 1925"])
def test_english_non_dates_stay_plain(text: str) -> None:
    assert find_dates(text) == []


# --- the corpus ---------------------------------------------------------------------------------------


def test_corpus_abstract_dates() -> None:
    text = (SOURCES / "urumqi-negotiations-1923.abstract.en.txt").read_text(encoding="utf-8")
    found = tagged(text)
    assert ("1921–1923", {"from": "1921", "to": "1923"}) in found
    assert ("September 5, 1921", {"when": "1921-09-05"}) in found
    assert ("August 25, 1923", {"when": "1923-08-25"}) in found
    assert ("August 31, 1923", {"when": "1923-08-31"}) in found


def test_corpus_convention_dates() -> None:
    name = "soviet-japanese-convention-1925.ru-en.txt"
    assert ("13.02.1924", {"when": "1924-02-13"}) in tagged(source_lines(name, "13.02.1924"))
    assert ("14\u00a0мая 1924\u00a0г.", {"when": "1924-05-14"}) in tagged(source_lines(name, "14\u00a0мая"))
    line = source_lines(name, "1920\u2011е")
    assert [attrs for printed, attrs in tagged(line) if printed.startswith("1920")] == [
        {"from": "1920", "to": "1929"}
    ]
    assert ("05.09.1905", {"when": "1905-09-05"}) in tagged(source_lines(name, "05.09.1905"))


def test_corpus_thesis_dates() -> None:
    name = "soviet-japanese-relations-1922-1941.thesis.ru.txt"
    assert ("с января по апрель 1920 г.", {"from": "1920-01", "to": "1920-04"}) in tagged(
        source_lines(name, "с января по апрель")
    )
    assert ("20-х гг. ХХ в.", {"from": "1920", "to": "1929"}) in tagged(
        source_lines(name, "начале 20-х гг. ХХ")
    )
    # an imprint year stays plain, the document's date is tagged
    note = source_lines(name, "Краснощекову от 11 марта 1921 г.", following=1)
    found = tagged(note)
    assert ("11 марта 1921 г.", {"when": "1921-03-11"}) in found
    assert all("1959" not in printed for printed, _ in found)
    # a newspaper issue
    assert tagged("Известия. – 1922.  – 27 октября.") == [("1922.  – 27 октября", {"when": "1922-10-27"})]


def test_textbook_month_and_year() -> None:
    line = source_lines("soviet-foreign-policy-1920s.textbook.ru.txt", "в августе 1923")
    assert ("августе 1923 г.", {"when": "1923-08"}) in tagged(line)


def test_every_value_in_the_corpus_is_valid_iso() -> None:
    for path in SOURCES.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        spans = find_dates(text)
        assert spans, path.name
        _check(text, spans)


# --- properties ---------------------------------------------------------------------------------------


def _check(text: str, spans: list[Span]) -> None:
    last = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= last
        last = span.end
        assert span.tag == "date"
        assert set(span.attrs) in ({"when"}, {"from", "to"})
        for value in span.attrs.values():
            assert ISO.match(value), value
        if "from" in span.attrs:
            assert span.attrs["from"] <= span.attrs["to"]


ALPHABET = st.sampled_from(
    list("0123456789 .,-–—/\u00a0\n()гГвВхХеЕXIМмаяюнийлпросктдбфAJFMSONDaeyrnuhg")
    + [
        " г.",
        " гг.",
        " года",
        "января",
        "мая",
        "августе",
        "в ",
        "с ",
        " по ",
        "XX в.",
        "-х",
        "-е",
        "January ",
        "May ",
        " in ",
        "from ",
        " to ",
        "1925",
        "1920",
        "31",
        "02",
        "s",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join), st.sampled_from(["ru", "en"]))
def test_random_text_never_breaks(text: str, lang: str) -> None:
    _check(text, find_dates(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_unicode_never_breaks(text: str) -> None:
    _check(text, find_dates(text))
