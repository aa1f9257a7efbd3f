"""pattern_starts: the finders' patterns tried only where a match can begin find what finditer finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from diplo_edition.apparatus import dates
from diplo_edition.apparatus.pattern_starts import matches, start_characters

SOURCES = Path(__file__).resolve().parents[1] / "sources"
DATE_PATTERNS = [rule.pattern for rule in dates._rules()]


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, dict]]:
    found = matches(pattern, start_characters(pattern), text, {})
    return [(m.start(), m.end(), m.groupdict()) for m in found]


def spans_of_finditer(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, dict]]:
    return [(m.start(), m.end(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(("pattern", "begins", "does_not_begin"), [
    (r"(?<!\w)[Dd]e\s+\d{4}", "Dd", "eE1 "),
    (r"(?P<y>(?<!\d)(?:1[7-9]\d\d|20\d\d)(?!\d))\s*г\.", "12", "03х"),
    (r"(?P<d>(?<!\d)(?:0?[1-9]|[12]\d|3[01]))\s+мая", "0123456789", "м "),
    (r"(?i:мая|июня)\s+\d{4}", "мМиИ", "аяx"),
    (r"x?y*z", "xyz", "w"),
])
def test_the_characters_a_match_can_begin_with(pattern, begins, does_not_begin):
    starts = start_characters(re.compile(pattern))
    assert all(starts.fullmatch(c) for c in begins)
    assert not any(starts.fullmatch(c) for c in does_not_begin)


@pytest.mark.parametrize("pattern", [r".\d", r"[^a]b", r"\d*", r"(?:ab)?", r"(?i)abc", r"(a)?(?(1)b|c)"])
def test_a_pattern_that_can_begin_anywhere_is_scanned_as_it_is(pattern):
    assert start_characters(re.compile(pattern)) is None


def test_every_date_rule_knows_where_its_matches_begin():
    """Else the rule is scanned at every position: the slow way, and a sign the parse was misread."""
    assert all(start_characters(p) is not None for p in DATE_PATTERNS)


@pytest.mark.parametrize(("pattern", "text"), [
    (r"\d\d", "12345 678"),  # finditer goes on from the end of a match: 12, 34, 67
    (r"(?<!\w)[Dd]e\s+de", "de de de de"),
    (r"(?i:мая)\s+\d{4}", "Мая 1925 мая 1926"),
])
def test_a_match_begins_where_finditer_would_begin_it(pattern, text):
    pattern = re.compile(pattern)
    text = f"{'Ж' * 200}{text}"  # few starting characters: tried one by one, not with finditer
    assert spans(pattern, text) == spans_of_finditer(pattern, text)


ALPHABET = "АМИДНОСФЯ0123456789 .,-–—()/ \nгодвмаяиюнлсентбрфкпчхDdeJanuryMyOcobIiSsFfBtwAàJahrvéûß'’"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80), st.sampled_from(range(len(DATE_PATTERNS))))
@example("1 января — 31 декабря 1925 г., с 1921 по 1923 г.", 0)
def test_matches_are_those_of_finditer_on_any_text(text, k):
    pattern = DATE_PATTERNS[k]
    text = f"{'Ж ' * 500}{text}"  # few starting characters: tried one by one, not with finditer
    assert spans(pattern, text) == spans_of_finditer(pattern, text)


@pytest.mark.parametrize("source", sorted(p.name for p in SOURCES.glob("*.txt")))
def test_every_date_rule_finds_the_same_in_the_seed_sources(source):
    """Dense and sparse paragraphs alike (a paragraph thick with digits is scanned with finditer)."""
    text = (SOURCES / source).read_text(encoding="utf-8")
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    for pattern in DATE_PATTERNS:
        starts = start_characters(pattern)
        for paragraph in paragraphs:
            found = [m.span() for m in matches(pattern, starts, paragraph, {})]
            assert found == [m.span() for m in pattern.finditer(paragraph)], (source, pattern.pattern[:60])
