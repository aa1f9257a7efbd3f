"""Soft or hard: what to do with a hyphen that breaks a word at a line end.

A soft (typesetting) hyphen is removed and the halves joined (``ко-``/``лонизации`` → ``колонизации``);
a hard hyphen belongs to the word and stays (``советско-японских``, ``по-прежнему``, ``274-275``).
The decision is made from evidence, never from a list of known words. Editorial policy, first rule
that applies wins:

1. digits on both sides of the break → keep (``number-range``; also roman numerals such as
   ``XIX-XX``). A digit on one side only (``1920-х``, ``Ту-134``) → keep (``compound``): a soft
   hyphen never splits a digit from a letter.
2. the continuation starts with a capital → keep (``capital``: ``Халхин-Гол``, ``Joint-Stock``).
   All-capital text (headings) is exempt: both halves are capitals there, so rules 4-6 decide on the
   lower-cased form, and only when they find nothing is the hyphen kept (``capital``).
3. the continuation is a particle of the language that is always hyphenated (its pack's
   ``hyphen_particles``: Russian то, либо, нибудь, ка, таки, де) or the first half is one of its
   ``hyphen_particle_heads`` (кое/кой) → keep (``particle``), unless the joined form is a known word and
   the hyphenated one is not (``ме-сто``, ``ле-то``, ``ру-ка`` are ordinary breaks). English, French and
   German have no such particles.
4. the document's own usage (a lexicon of the forms printed inside lines, see :func:`corpus_lexicon`):
   if the hyphenated or the joined form is seen and the other is not, or is clearly rarer, follow it
   (``corpus-hyphenated`` / ``corpus-joined``). For Russian, when neither exact form is seen, the
   forms of the lexicon are compared by their pymorphy3 normal forms (``Синь-``/``цзяне`` joins when
   the text has ``Синьцзяна``).
5. Russian dictionary (pymorphy3, dictionary words only, not its guesses): joined form known → join
   (``dictionary-joined``); hyphenated form known → keep (``dictionary-hyphenated``: по-прежнему,
   во-вторых, из-за). Both known (the dictionary also lists misprints such as торговоэкономических)
   → keep only if the compound test below holds, else join. Neither known: first half a
   compound-adjective stem ending in -о/-е (``советско``, ``германо``) and second half a known word,
   or two prepositions (``из-под``) → keep (``compound``).
6. English word list (``english_words``: web2 and gcide): joined form, or the joined form without an
   inflectional ending, known → join (``english-wordlist``); else both halves known words → keep
   (``compound``); else join (``default``).
7. otherwise join (``default``). A language whose pack names no dictionary (French, German) goes from
   rule 4 to here.

The language of a break is told by the script of its halves (``languages.detect_language``: Cyrillic →
Russian, Latin → English), so an English title quoted in a Russian text is judged as English; ``lang``
settles halves without letters. Its pack says which dictionary (5 or 6) judges it.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

import pymorphy3

from ..languages import LanguagePack, detect_language, pack
from ..morphology import morph_analyzer

# Characters printed as a word-internal hyphen; the en dash is one only between letters/digits.
_HYPHENS = "-\u2010\u2011\u2013"
_HYPHEN_RE = re.compile(f"[{_HYPHENS}]")
# A word: letters/digits, possibly joined into a compound by single hyphens.
_WORD_RE = re.compile(rf"[^\W_]+(?:[{_HYPHENS}][^\W_]+)*")
# The last word of a line that ends in a hyphen (after the hyphens are made one sign).
_LINE_END_FRAGMENT_RE = re.compile(r"(?<![^\W_])[^\W_]+(?:-[^\W_]+)*(?=-$)", re.MULTILINE)
# Stress accents of Russian scholarly texts and the invisible soft hyphen split words for \w.
_INVISIBLE = dict.fromkeys(map(ord, "\u0300\u0301\u00ad"))
_INVISIBLE_RE = re.compile("[\u0300\u0301\u00ad]")  # the same, for a whole text (faster than translate)
_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")
PYMORPHY3, ENGLISH_WORDS = "pymorphy3", "english-words"  # the dictionaries a pack may name
# Endings that turn a compound stem (``советск-о``) back into an adjective (``советский``).
_ADJ_ENDINGS = ("ий", "ый", "ой", "ский", "ный", "ийский", "ический", "ьский", "ьянский")
# "Clearly more frequent": at least twice as often and by a margin of two.
_RATIO, _MARGIN = 2, 2


@dataclass(frozen=True)
class HyphenDecision:
    keep: bool  # True = hard hyphen kept ("советско-японских"), False = soft, joined ("колонизации")
    reason: str  # evidence label, see the module docstring


def normalise(word: str) -> str:
    """The lookup key of a word: NFC, lower case, no stress marks or soft hyphens, one hyphen sign."""
    word = unicodedata.normalize("NFC", word).translate(_INVISIBLE).lower()
    return _HYPHEN_RE.sub("-", word)


def _fold(word: str) -> str:
    """ё is printed inconsistently; compare it as е."""
    return word.replace("ё", "е")


def corpus_lexicon(lines: Iterable[str]) -> Counter[str]:
    """Count the lower-cased word forms printed inside lines, compounds with their hyphen.

    The last word of a line that ends in a hyphen is left out: it is a fragment, or a compound whose
    hyphen is the very thing to be decided. (The whole text is normalised at once, as ``normalise``
    does word by word: the corpus runs to millions of words.)
    """
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFC", "\n".join(lines)))
    text = "\n".join(line.rstrip() for line in text.split("\n")).lower()
    text = _LINE_END_FRAGMENT_RE.sub("", _HYPHEN_RE.sub("-", text))
    return Counter(_WORD_RE.findall(text))


# --- shared resources, created once and only when first needed (both are slow to load) ---


def _morph() -> pymorphy3.MorphAnalyzer:
    return morph_analyzer()


@lru_cache(maxsize=65536)
def _ru_known(word: str) -> bool:
    return bool(word) and _morph().word_is_known(word)


@lru_cache(maxsize=65536)
def _ru_parses(word: str) -> tuple[tuple[str, str], ...]:
    """(tag, normal form) of every parse, guesses included."""
    return tuple((str(p.tag), p.normal_form) for p in _morph().parse(word))


def _normal_forms(word: str) -> frozenset[str]:
    return frozenset(_fold(nf) for _, nf in _ru_parses(word))


@cache
def _english_words() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2", "gcide"], lower=True))


def _en_candidates(word: str) -> list[str]:
    """The word and its plausible bases without an inflectional ending (the lists lack most of them)."""
    out = [word]
    for suffix, repl in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("ily", "y"),
        ("ly", ""),
    ):
        if word.endswith(suffix):
            base = word[: -len(suffix)] + repl
            out.append(base)
            # doubled final consonant: stopped, planning
            if suffix in ("ed", "ing") and not repl and len(base) > 1 and base[-1] == base[-2]:
                out.append(base[:-1])
    return [w for w in out if len(w) >= 3 or w == word]


def _en_known(word: str) -> bool:
    words = _english_words()
    # the lists spell coöperation as cooperation: drop diacritics before looking up
    plain = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return any(w in words for w in _en_candidates(plain))


def _unknown(word: str) -> bool:
    return False  # a language without a dictionary knows no word


_KNOWN = {PYMORPHY3: _ru_known, ENGLISH_WORDS: _en_known}  # dictionary name -> its lookup


# --- the decision ---


class Dehyphenator:
    """Decide line-end hyphens, optionally informed by the document's own usage (``lexicon``).

    The lexicon is copied (folded ё → е) when the object is made; later changes to it are not seen.
    """

    def __init__(self, lexicon: Counter[str] | None = None):
        self._lexicon: Counter[str] = Counter()
        for word, n in (lexicon or {}).items():
            self._lexicon[_fold(normalise(word))] += n
        self._sorted: list[str] | None = None

    def decide(self, left: str, right: str, lang: str) -> HyphenDecision:
        """Keep or drop the hyphen between ``left`` (before the line end) and ``right`` (after it)."""
        left = unicodedata.normalize("NFC", left).translate(_INVISIBLE).strip().strip(_HYPHENS)
        right = unicodedata.normalize("NFC", right).translate(_INVISIBLE).strip().strip(_HYPHENS)
        if not left or not right:
            return HyphenDecision(False, "default")

        # 1. numbers
        if left[-1].isdigit() and right[0].isdigit():
            return HyphenDecision(True, "number-range")
        if _ROMAN_RE.match(left) and _ROMAN_RE.match(right.split("-")[0]):
            return HyphenDecision(True, "number-range")
        if left[-1].isdigit() or right[0].isdigit():
            return HyphenDecision(True, "compound")

        # 2. capitals, unless the whole break is set in capitals (a heading)
        all_caps = left.isupper() and right.isupper()
        if right[0].isupper() and not all_caps:
            return HyphenDecision(True, "capital")

        lo_left, lo_right = _fold(normalise(left)), _fold(normalise(right))
        joined, hyphenated = lo_left + lo_right, f"{lo_left}-{lo_right}"
        language = pack(detect_language(lo_left + lo_right, lang))
        known = _KNOWN.get(language.hyphen_dictionary or "", _unknown)

        # 3. particles that are always hyphenated, unless the join makes an ordinary word
        head = lo_left.rsplit("-", 1)[-1]
        if lo_right in language.hyphen_particles or head in language.hyphen_particle_heads:
            joined_seen = known(joined) or self._lexicon[joined] > 0
            hyphen_seen = known(hyphenated) or self._lexicon[hyphenated] > 0
            if not (joined_seen and not hyphen_seen):
                return HyphenDecision(True, "particle")

        # 4. the document's own usage
        decision = self._corpus(joined, hyphenated, len(lo_left), language)
        # 5./6. the language's dictionary
        if decision is None and language.hyphen_dictionary == PYMORPHY3:
            decision = self._russian(lo_left, lo_right)
        elif decision is None and language.hyphen_dictionary == ENGLISH_WORDS:
            decision = self._english(lo_left, lo_right)
        if decision is not None:
            return decision
        # 7. nothing known: a heading in capitals keeps its hyphen, running text joins
        return HyphenDecision(True, "capital") if all_caps else HyphenDecision(False, "default")

    def _corpus(
        self, joined: str, hyphenated: str, split: int, language: LanguagePack
    ) -> HyphenDecision | None:
        decision = _compare(self._lexicon[hyphenated], self._lexicon[joined], "corpus")
        unseen = not (self._lexicon[hyphenated] or self._lexicon[joined])
        if decision is None and unseen and language.hyphen_dictionary == PYMORPHY3:
            # neither exact form printed: count the other inflected forms of each reading
            letters = re.compile(language.letters)
            hyphenated_count = self._lemma_count(hyphenated, split + 1, letters)
            decision = _compare(hyphenated_count, self._lemma_count(joined, split, letters), "corpus")
        return decision

    def _lemma_count(self, word: str, split: int, letters: re.Pattern[str]) -> int:
        """How often the lexicon has a form with the same pymorphy3 normal form as ``word``."""
        if not self._lexicon:
            return 0
        targets = _normal_forms(word)
        # Forms of one lemma share the stem: only words sharing all but a (long) ending are parsed.
        prefix = word[: max(split + 1, len(word) - 4)]
        if self._sorted is None:
            self._sorted = sorted(self._lexicon)
        i = bisect.bisect_left(self._sorted, prefix)
        total = 0
        while i < len(self._sorted) and self._sorted[i].startswith(prefix):
            candidate = self._sorted[i]
            if letters.search(candidate) and _normal_forms(candidate) & targets:
                total += self._lexicon[candidate]
            i += 1
        return total

    @staticmethod
    def _russian(left: str, right: str) -> HyphenDecision | None:
        joined_known, hyphen_known = _ru_known(left + right), _ru_known(f"{left}-{right}")
        head, tail = left.rsplit("-", 1)[-1], right.split("-", 1)[0]
        compound = _ru_known(tail) and _is_compound_stem(head)
        if joined_known and hyphen_known:
            # The dictionary has both spellings of some compounds, the joined one often a misprint
            # (торговоэкономических): a real compound keeps its hyphen, anything else joins (поза).
            return (
                HyphenDecision(True, "dictionary-hyphenated")
                if compound
                else HyphenDecision(False, "dictionary-joined")
            )
        if joined_known:
            return HyphenDecision(False, "dictionary-joined")
        if hyphen_known:
            return HyphenDecision(True, "dictionary-hyphenated")
        if compound or (_is_preposition(head) and _is_preposition(tail)):
            return HyphenDecision(True, "compound")
        return None

    @staticmethod
    def _english(left: str, right: str) -> HyphenDecision:
        if _en_known(left + right):
            return HyphenDecision(False, "english-wordlist")
        head, tail = left.rsplit("-", 1)[-1], right.split("-", 1)[0]
        if _en_known(head) and _en_known(tail):
            return HyphenDecision(True, "compound")
        return HyphenDecision(False, "default")


def _compare(hyphenated: int, joined: int, source: str) -> HyphenDecision | None:
    """Follow the reading that is seen while the other is not, or is clearly rarer."""
    if hyphenated > 0 and (joined == 0 or (hyphenated >= _RATIO * joined and hyphenated - joined >= _MARGIN)):
        return HyphenDecision(True, f"{source}-hyphenated")
    if joined > 0 and (hyphenated == 0 or (joined >= _RATIO * hyphenated and joined - hyphenated >= _MARGIN)):
        return HyphenDecision(False, f"{source}-joined")
    return None


def _is_compound_stem(left: str) -> bool:
    """Is ``left`` the first half of a compound adjective (советско-, торгово-, германо-, сине-)?"""
    if len(left) < 4 or left[-1] not in "ое":
        return False
    if _ru_known(left) and any(tag.startswith(("ADJS", "ADVB")) for tag, _ in _ru_parses(left)):
        return True
    stem = left[:-1]
    candidates = [left + "й", *(stem + ending for ending in _ADJ_ENDINGS)]
    return any(_ru_known(c) and any(_is_adjective(tag) for tag, _ in _ru_parses(c)) for c in candidates)


def _is_adjective(tag: str) -> bool:
    # pronominal adjectives (той, кой) are function words, not compound stems
    return tag.startswith("ADJF") and "Apro" not in tag


def _is_preposition(word: str) -> bool:
    return _ru_known(word) and any(tag.startswith("PREP") for tag, _ in _ru_parses(word))
