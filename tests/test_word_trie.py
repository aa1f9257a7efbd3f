"""The word lists of the mention matcher and the month names as tries (languages.trie_alternation) find
what the same lists as plain alternations, longest word first, find: on every line of the seed sources,
as printed, in capitals and with the spaces doubled or no-break."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from diplo_edition.apparatus.mentions import INITIALS, matcher_of_forms
from diplo_edition.corpus import cached_matcher
from diplo_edition.languages import alternation, packs
from diplo_edition.registers import load_registers


@pytest.fixture(scope="module")
def lines() -> list[str]:
    printed = [line for path in sorted((ROOT / "sources").iterdir())
               for line in path.read_text(encoding="utf-8").splitlines()]
    return printed + [line.upper() for line in printed] + [line.replace(" ", "  ") for line in printed] + [
        line.replace(" ", "\u00a0") for line in printed]


def _matches(pattern: re.Pattern[str], lines: list[str]) -> list[tuple[int, int, int, dict]]:
    return [(k, *m.span(), m.groupdict()) for k, line in enumerate(lines) for m in pattern.finditer(line)]


def _listed_months(pack) -> str:
    """The pack's month names as a plain alternation, longest first."""
    names = alternation([form for forms in pack.months for form in forms])
    return (f"(?i:{names})" if pack.months_ignore_case else names) + r"(?!\w)"


def test_month_names_of_every_pack(lines):
    for pack in packs():
        listed = _listed_months(pack)
        assert pack.month_pattern != listed, pack  # every pack's names are words: the trie is used
        found = _matches(re.compile(pack.month_pattern), lines)
        assert found == _matches(re.compile(listed), lines)
    assert len(_matches(re.compile(next(p for p in packs() if p.code == "ru").month_pattern), lines)) > 50


def test_mentions_of_every_register_form(lines):
    matcher = cached_matcher(load_registers(ROOT), None)
    longest_first = "|".join(re.escape(form).replace(r"\ ", r"[\s\u00a0]+")
                             for form in sorted(matcher.entry_of_form, key=len, reverse=True))
    listed = re.compile(rf"(?<![\w-])(?P<initials>{INITIALS})?(?P<name>{longest_first})(?![\w-])")
    found = _matches(matcher.pattern, lines)
    assert found == _matches(listed, lines)
    assert len(found) > 500
    # Forms that begin alike (Япония, Японии, Японией): the longest that stands in the text is taken.
    japan = matcher_of_forms({form: entry for form, entry in matcher.entry_of_form.items()
                              if form.startswith("Япони")})
    assert [m.group("name") for m in japan.pattern.finditer("Японией и Японии, не Японияx")] == [
        "Японией", "Японии"]
