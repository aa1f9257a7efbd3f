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

from ..languages import trie_alternation
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


def _indeclinable(word: str) -> bool:
    """Foreign names ending in о, е, и, у, э, ю do not decline in Russian (Токио, Урумчи, Гото)."""
    return word[-1:].lower() in "оеиуэю" and not morph_analyzer().word_is_known(word.lower())


def _nominative_parse(word: str, kind: str):
    """The dictionary's reading of a nominative name that declines, or None."""
    if _indeclinable(word):
        return None
    candidates = [
        p
        for p in morph_analyzer().parse(word)
        if p.tag.POS == "NOUN"
        and p.tag.case == "nomn"
        and p.normal_form == word.lower()
        and "Fixd" not in p.tag.grammemes
    ]
    preferred = [p for p in candidates if PREFERRED_TAG[kind] & set(p.tag.grammemes)]
    if preferred:
        return preferred[0]
    # A word the dictionary only guesses at is declined by the rules below, not by a guess.
    if candidates and morph_analyzer().word_is_known(word.lower()):
        return candidates[0]
    return None


HUSHING = "гкхжшчщц"


def _adjectival_surname(word: str) -> set[str] | None:
    """Surnames in -ский, -цкий, -ой (Трояновский, Троцкий) decline as adjectives."""
    if not re.search(r"(ский|цкий|ской|цкой|ый|ий|ой)$", word):
        return None
    parse = next(
        (
            p
            for p in morph_analyzer().parse(word)
            if p.tag.POS == "ADJF" and {"nomn", "masc"} <= set(p.tag.grammemes)
        ),
        None,
    )
    if parse is None:
        return None
    forms = {
        parse.inflect({case, "sing", "masc"} | ({"anim"} if case == "accs" else set())) for case in CASES
    }
    return {_match_case(word, f.word) for f in forms if f}


def _declined_by_ending(word: str) -> set[str]:
    """Case forms of a proper name the dictionary does not know, by the ending of its nominative."""
    low = word[-1:].lower()
    if low == "а":
        stem = word[:-1]
        return {stem + ("и" if stem[-1:].lower() in HUSHING else "ы"), stem + "е", stem + "у", stem + "ой"}
    if low == "я":
        stem = word[:-1]
        return {stem + "и", stem + "е", stem + "ю", stem + "ей"}
    if low.isalpha() and low not in "аеёиоуыэюяьй":
        ablt = "ым" if re.search(r"(ин|ын|ов|ев|ёв)$", word) else "ом"
        return {word + "а", word + "у", word + ablt, word + "е"}
    return set()


def _match_case(word: str, form: str) -> str:
    return form[:1].upper() + form[1:] if word[:1].isupper() else form


def _agreeing(word: str, head) -> set[str]:
    """Grammemes an adjective before the head noun takes to agree with it (gender; animacy in accusative)."""
    if head is None:
        return set()
    return {g for g in (head.tag.gender, head.tag.animacy) if g}


def _inflect_word(word: str, kind: str, case: str, head=None) -> str | None:
    if _is_abbreviation(word) or not any(c.isalpha() for c in word):
        return word
    parse = _nominative_parse(word, kind)
    wanted = {case, "sing"}
    if parse is None:
        adjective = next(
            (p for p in morph_analyzer().parse(word) if p.tag.POS == "ADJF" and p.tag.case == "nomn"), None
        )
        if adjective is None:
            return word  # indeclinable: Урумчи, Токио, Гото
        parse = adjective
        wanted |= _agreeing(word, head)
    inflected = parse.inflect(wanted) or parse.inflect({case, "sing"})
    return _match_case(word, inflected.word) if inflected else None


@lru_cache(maxsize=4096)
def name_forms(name: str, kind: str) -> frozenset[str]:
    """Every case form of a name as it can be printed (singular)."""
    words = name.split()
    if not words:
        return frozenset()
    forms = {name}
    if len(words) == 1 and _nominative_parse(name, kind) is None and not _is_abbreviation(name):
        adjective = _adjectival_surname(name)
        if adjective is not None:
            return frozenset(forms | adjective)
        return frozenset(forms | (set() if _indeclinable(name) else _declined_by_ending(name)))
    # The head is the first noun; adjectives before it agree with it, words after it do not change.
    head = next(
        (i for i, w in enumerate(words) if _is_abbreviation(w) or _nominative_parse(w, kind) is not None),
        len(words) - 1,
    )
    head_parse = _nominative_parse(words[head], kind)
    for case in CASES:
        inflected = [
            _inflect_word(word, kind, case, head_parse) if i <= head else word for i, word in enumerate(words)
        ]
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
    return matcher_of_forms(entry_of_form)


def matcher_of_forms(entry_of_form: dict[str, RegisterEntry]) -> MentionMatcher | None:
    """The matcher of a table of forms (form -> entry, in the order the forms were found), or None."""
    if not entry_of_form:
        return None
    # One tree of every form: the longest form that matches wins.
    alternatives = trie_alternation(entry_of_form, space=r"[\s\u00a0]+")
    pattern = re.compile(rf"(?<![\w-])(?P<initials>{INITIALS})?(?P<name>{alternatives})(?![\w-])")
    return MentionMatcher(pattern, entry_of_form)
