"""Line-end hyphens: soft ones are joined, hard ones kept, each on stated evidence."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplo_edition.layout.hyphenation import Dehyphenator, HyphenDecision, corpus_lexicon
from diplo_edition.layout.word_forms import normalise


@pytest.fixture(scope="module")
def plain() -> Dehyphenator:
    """No corpus: dictionaries and rules only (one instance, the dictionaries load once)."""
    return Dehyphenator()


@pytest.mark.parametrize(
    ("left", "right"),
    [("ко", "лонизации"), ("эконо", "мики"), ("во", "оруженные"), ("ме", "сто"), ("ру", "ка")],
)
def test_russian_soft_hyphens_are_joined(plain: Dehyphenator, left: str, right: str) -> None:
    assert plain.decide(left, right, "ru") == HyphenDecision(False, "dictionary-joined")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("советско", "японских"),
        ("торгово", "экономических"),
        ("военно", "политического"),
        ("германо", "французских"),
        ("по", "прежнему"),
        ("из", "за"),
        ("какую", "нибудь"),
        ("во", "вторых"),
    ],
)
def test_russian_hard_hyphens_are_kept(plain: Dehyphenator, left: str, right: str) -> None:
    assert plain.decide(left, right, "ru").keep


def test_reasons_for_russian_hard_hyphens(plain: Dehyphenator) -> None:
    assert plain.decide("советско", "японских", "ru").reason == "compound"
    assert plain.decide("по", "прежнему", "ru").reason == "dictionary-hyphenated"
    assert plain.decide("торгово", "экономических", "ru").reason == "dictionary-hyphenated"
    assert plain.decide("по", "за", "ru") == HyphenDecision(False, "dictionary-joined")
    assert plain.decide("из", "за", "ru").reason == "dictionary-hyphenated"
    assert plain.decide("какую", "нибудь", "ru").reason == "particle"
    assert plain.decide("кое", "где", "ru") == HyphenDecision(True, "particle")


def test_capital_and_numbers(plain: Dehyphenator) -> None:
    assert plain.decide("Халхин", "Гол", "ru") == HyphenDecision(True, "capital")
    assert plain.decide("Joint", "Stock", "en") == HyphenDecision(True, "capital")
    assert plain.decide("274", "275", "ru") == HyphenDecision(True, "number-range")
    assert plain.decide("XIX", "XX", "ru") == HyphenDecision(True, "number-range")
    assert plain.decide("1920", "х", "ru").keep


def test_headings_in_capitals_are_judged_on_the_words(plain: Dehyphenator) -> None:
    assert plain.decide("МОСК", "ВЫ", "ru") == HyphenDecision(False, "dictionary-joined")
    assert plain.decide("ВОЕННО", "ПОЛИТИЧЕСКОГО", "ru").keep


def test_a_word_tail_that_ocr_read_as_capitals_is_joined(plain: Dehyphenator) -> None:
    # "3. Торговые интере-" / "СЫ": a lower-case half, then capitals that only make a word when joined
    assert plain.decide("интере", "СЫ", "ru") == HyphenDecision(False, "capitals-misread")
    assert plain.decide("послед", "СТВИЯ", "ru") == HyphenDecision(False, "capitals-misread")
    # an abbreviation after the break makes no word with the half before it: no join
    assert plain.decide("анти", "СССР", "ru").keep
    assert plain.decide("anti", "NATO", "en").keep


def test_latin_look_alikes_in_a_russian_word_are_looked_up_in_cyrillic(plain: Dehyphenator) -> None:
    # OCR's "на 3a-" / "крытых", "роль OT-" / "дельных": the dictionary judges the word, not the default rule
    for left, right in [("3a", "крытых"), ("OT", "дельных"), ("Ha", "родный")]:
        assert plain.decide(left, right, "ru") == HyphenDecision(False, "dictionary-joined"), (left, right)
    # a word all in Latin letters stays a Latin word
    assert plain.decide("co", "operation", "en") == HyphenDecision(False, "word-list")


def test_english_soft_hyphens_are_joined(plain: Dehyphenator) -> None:
    for left, right in [("compo", "nent"), ("founda", "tions"), ("coopera", "tion"), ("contradic", "tory")]:
        assert plain.decide(left, right, "en") == HyphenDecision(False, "word-list"), (left, right)


def test_english_compound_of_known_words_is_kept(plain: Dehyphenator) -> None:
    assert plain.decide("long", "term", "en") == HyphenDecision(True, "compound")


def test_script_overrides_document_language(plain: Dehyphenator) -> None:
    assert plain.decide("founda", "tions", "ru") == HyphenDecision(False, "word-list")


def test_empty_right_part_joins(plain: Dehyphenator) -> None:
    assert plain.decide("ко", "", "ru") == HyphenDecision(False, "default")


def test_unknown_name_without_corpus_joins(plain: Dehyphenator) -> None:
    assert plain.decide("Синь", "цзяне", "ru") == HyphenDecision(False, "default")


def test_corpus_lexicon_counts_words_inside_lines() -> None:
    lexicon = corpus_lexicon(
        [
            "Советско\u2013японских переговоров в Синьцзяне и Синьцзяна ко-",
            "лонизации по\u2011прежнему нет. Ударе\u0301ние",
        ]
    )
    assert lexicon["советско-японских"] == 1
    assert lexicon["по-прежнему"] == 1
    assert lexicon["синьцзяне"] == 1
    assert lexicon["ударение"] == 1
    assert "ко" not in lexicon  # the fragment before a line-end hyphen


def test_corpus_joined_exact_form() -> None:
    dehyph = Dehyphenator(corpus_lexicon(["... в Синьцзяне и Синьцзяна ..."]))
    assert dehyph.decide("Синь", "цзяне", "ru") == HyphenDecision(False, "corpus-joined")


def test_corpus_joined_by_normal_form() -> None:
    dehyph = Dehyphenator(corpus_lexicon(["Синьцзян и окраины Синьцзяна"]))
    assert dehyph.decide("Синь", "цзяне", "ru") == HyphenDecision(False, "corpus-joined")


def test_corpus_hyphenated() -> None:
    dehyph = Dehyphenator(corpus_lexicon(["итоги русско-японских войн и", "прочее"]))
    assert dehyph.decide("русско", "японских", "ru") == HyphenDecision(True, "corpus-hyphenated")
    # an unknown compound is kept when the text prints it with a hyphen elsewhere
    dehyph = Dehyphenator(corpus_lexicon(["в Синь-цзяне"]))
    assert dehyph.decide("Синь", "цзяне", "ru") == HyphenDecision(True, "corpus-hyphenated")


def test_corpus_evidence_must_be_clear() -> None:
    lexicon = corpus_lexicon(["co-operation and cooperation"])
    assert Dehyphenator(lexicon).decide("co", "operation", "en") == HyphenDecision(False, "word-list")
    lexicon = corpus_lexicon(["co-operation, co-operation, co-operation and cooperation"])
    assert Dehyphenator(lexicon).decide("co", "operation", "en") == HyphenDecision(True, "corpus-hyphenated")


def _lexicon_line_by_line(lines: list[str]) -> Counter:
    """corpus_lexicon's rule, word by word: every word of every line, the key from normalise(), the last
    word left out of a line that ends in a hyphen right after it."""
    lexicon: Counter = Counter()
    for raw in lines:
        line = normalise_line(raw)
        words = list(re.finditer(r"[^\W_]+(?:[-\u2010\u2011\u2013][^\W_]+)*", line))
        if words and line[-1:] in ("-", "\u2010", "\u2011", "\u2013") and words[-1].end() == len(line) - 1:
            words.pop()
        lexicon.update(normalise(w.group()) for w in words)
    return lexicon


def normalise_line(raw: str) -> str:
    return re.sub("[\u0300\u0301\u00ad]", "", unicodedata.normalize("NFC", raw)).rstrip()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(list("абвАБёЁ-‐‑–—\u0301\u00ad x_y2. ") + ["е\u0308"]),
                         max_size=24).map("".join), min_size=1, max_size=4))
def test_the_corpus_lexicon_counts_as_word_by_word(lines):
    assert corpus_lexicon(lines) == _lexicon_line_by_line(lines)
