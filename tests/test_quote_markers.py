"""A quotation copied with its note markers (from the print, or from a page before copying was cleaned)
is found: the finder tries the quotation as it is, then without marker-like characters."""

from __future__ import annotations

import pytest
from browser.sites import real_site
from conftest import THESIS

from diplo_edition.search.normalize import quotation_forms
from diplo_edition.search.quotes import find_quote, load_quotes

# ¶ 2 of the thesis; note 1 stands after the title (the reading text has no digit there).
PLAIN = '"История Японии", вышедшая в 1939 г.'
MARKED = {
    "a digit glued to the quotation mark": '"История Японии"1, вышедшая в 1939 г.',
    "guillemets and a glued digit": "«История Японии»1, вышедшая в 1939 г.",
    "a superscript digit": "«История Японии»¹, вышедшая в 1939 г.",
    "a number in parentheses": '"История Японии" (1), вышедшая в 1939 г.',
    "a number in brackets": '"История Японии"[1], вышедшая в 1939 г.',
    "an asterisk": '"История Японии"*, вышедшая в 1939 г.',
}


@pytest.fixture(scope="module")
def documents():
    return load_quotes(real_site())


def where(matches) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(m.document.id, m.anchor, m.pages) for m in matches]


@pytest.mark.parametrize("form", sorted(MARKED))
def test_a_quotation_with_a_note_marker_is_found_where_the_plain_one_is(documents, form):
    plain = where(find_quote(documents, PLAIN))
    assert plain and plain[0][:2] == (THESIS, "p2")
    assert where(find_quote(documents, MARKED[form])) == plain


def test_numbers_of_the_text_are_looked_for_as_they_stand():
    assert quotation_forms("вышедшая в 1939 г.") == ["вышедшая в 1939 г."]
    assert quotation_forms("в 1920-х годах") == ["в 1920-х годах"]
    # A glued number is a marker only in the second form; the first keeps it.
    assert quotation_forms("Японии1, вышедшая") == ["японии1,вышедшая", "японии,вышедшая"]
    assert quotation_forms("конца.12 Затем") == ["конца.12 затем", "конца.затем"]
    # Only short numbers glued to a word are markers: a year glued to a word is not.
    assert quotation_forms("съезд1923") == ["съезд1923"]


def test_a_number_of_the_text_is_found_although_it_looks_like_a_marker(documents):
    # "Т.33" (a volume) is a number glued to a full stop, as a marker may be; the quotation as it is
    # comes first, so the volume is found, with its number.
    quotation = "Полное собрание сочинений. Т.33: Государство и революция"
    assert quotation_forms(quotation)[1] == "полное собрание сочинений.т.:государство и революция"
    matches = find_quote(documents, quotation)
    assert [m.document.id for m in matches] == ["soviet-japanese-convention-1925"]
    assert "т.33:" in matches[0].context()[1]


def test_a_quotation_that_is_not_in_the_edition_is_not_found_in_either_form(documents):
    assert find_quote(documents, "такой цитаты¹ в издании нет") == []
