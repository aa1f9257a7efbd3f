"""Mentions of the persons, places and organisations of the registers, in every inflected form.

The registers give each entry's names in the nominative; the forms to look for are generated with
pymorphy3 (Карахан → Карахана, Карахану, Караханом, Карахане), not listed by hand. In a name of several
words the head noun and the adjectives before it are inflected together (Северный Сахалин → Северного
Сахалина), the words after it stay as they are (Лига Наций → Лигу Наций). Abbreviations (НКИД, ДВР) and
words the dictionary cannot decline (Урумчи, Токио, Гото) are matched as written. A person's mention
takes the initials printed before the surname with it (Л.М. Карахану).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..morphology import morph_analyzer
from ..registers import RegisterEntry, Registers
from .spans import Span

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
TAG_OF_KIND = {"person": "persName", "place": "placeName", "org": "orgName"}
PREFERRED_TAG = {"person": {"Surn", "Name", "Patr"}, "place": {"Geox"}, "org": {"Orgn"}}
INITIALS = r"(?:[А-ЯЁA-Z]\.[\s\u00a0]?){1,2}"
REGISTERS_FILE = "registers.xml"


def _is_abbreviation(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _nominative_parse(word: str, kind: str):
    """The dictionary's reading of a nominative name, or None if it cannot decline it."""
    candidates = [
        p
        for p in morph_analyzer().parse(word)
        if p.tag.POS == "NOUN" and p.tag.case == "nomn" and p.normal_form == word.lower()
    ]
    if not candidates:
        return None
    preferred = [p for p in candidates if PREFERRED_TAG[kind] & set(p.tag.grammemes)]
    return (preferred or candidates)[0]


def _match_case(word: str, form: str) -> str:
    return form[:1].upper() + form[1:] if word[:1].isupper() else form


def _inflect_word(word: str, kind: str, case: str, number: str = "sing") -> str | None:
    if _is_abbreviation(word) or not any(c.isalpha() for c in word):
        return word
    parse = _nominative_parse(word, kind)
    if parse is None:
        adjective = next(
            (p for p in morph_analyzer().parse(word) if p.tag.POS == "ADJF" and p.tag.case == "nomn"), None
        )
        if adjective is None:
            return word  # indeclinable: Урумчи, Токио, Гото
        parse = adjective
    inflected = parse.inflect({case, number})
    return _match_case(word, inflected.word) if inflected else None


@lru_cache(maxsize=4096)
def name_forms(name: str, kind: str) -> frozenset[str]:
    """Every case form of a name as it can be printed (singular)."""
    words = name.split()
    if not words:
        return frozenset()
    # The head is the first noun; adjectives before it agree with it, words after it do not change.
    head = next(
        (i for i, w in enumerate(words) if _is_abbreviation(w) or _nominative_parse(w, kind) is not None),
        len(words) - 1,
    )
    forms = {name}
    for case in CASES:
        inflected = []
        for i, word in enumerate(words):
            inflected.append(_inflect_word(word, kind, case) if i <= head else word)
        if all(inflected):
            forms.add(" ".join(inflected))  # type: ignore[arg-type]
    return frozenset(forms)


@dataclass(frozen=True)
class MentionMatcher:
    """Finds the mentions of every register entry in a string of the reading text."""

    pattern: re.Pattern[str]
    entry_of_form: dict[str, RegisterEntry]

    def find(self, text: str) -> list[Span]:
        spans = []
        for m in self.pattern.finditer(text):
            # A name may be printed with a no-break space between its words.
            entry = self.entry_of_form.get(re.sub(r"[\s\u00a0]+", " ", m.group("name")))
            if entry is None:
                continue
            start = m.start("initials") if m.group("initials") and entry.kind == "person" else m.start("name")
            ref = f"{REGISTERS_FILE}#{entry.id}"
            spans.append(Span(start, m.end("name"), TAG_OF_KIND[entry.kind], {"ref": ref}))
        return spans


def _forms_of(entry: RegisterEntry) -> Iterable[str]:
    for variant in entry.variants:
        yield from name_forms(variant, entry.kind)


def build_matcher(registers: Registers) -> MentionMatcher | None:
    entry_of_form: dict[str, RegisterEntry] = {}
    for entry in registers.entries:
        for form in _forms_of(entry):
            entry_of_form.setdefault(form, entry)
    if not entry_of_form:
        return None
    longest_first = sorted(entry_of_form, key=len, reverse=True)
    alternatives = "|".join(re.escape(form).replace(r"\ ", r"[\s\u00a0]+") for form in longest_first)
    pattern = re.compile(rf"(?<![\w-])(?P<initials>{INITIALS})?(?P<name>{alternatives})(?![\w-])")
    return MentionMatcher(pattern, entry_of_form)
