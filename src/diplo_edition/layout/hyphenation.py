"""Soft or hard: what to do with a hyphen that breaks a word at a line end.

A soft (typesetting) hyphen is removed and the halves joined (``ко-``/``лонизации`` → ``колонизации``);
a hard hyphen belongs to the word and stays (``советско-японских``, ``по-прежнему``, ``274-275``).
The decision is made from evidence, never from a list of known words. Editorial policy, first rule
that applies wins:

1. digits on both sides of the break → keep (``number-range``; also roman numerals such as
   ``XIX-XX``). A digit on one side only (``1920-х``, ``Ту-134``) → keep (``compound``): a soft
   hyphen never splits a digit from a letter.
2. the continuation starts with a capital → keep (``capital``: ``Халхин-Гол``, ``Joint-Stock``). Unless
   it is all capitals after a lower-case half and only the joined form is a word of the language: OCR read
   the tail of a word as capitals (``интере-``/``СЫ``) → join (``capitals-misread``; ``анти-``/``СССР``
   keeps its hyphen, ``антиссср`` being no word). After
   a lower-case word that stands alone (``formel-``/``Assurément``: a sentence ends, the next begins),
   the line end stays a space: two words, not one. All-capital text (headings) is exempt: both halves are
   capitals there, so rules 4-6 decide on the lower-cased form, and only when they find nothing is the
   hyphen kept (``capital``).
3. the continuation is a particle of the language that is always hyphenated (its pack's
   ``hyphen_particles``: Russian то, либо, нибудь, ка, таки, де) or the first half is one of its
   ``hyphen_particle_heads`` (кое/кой) → keep (``particle``), unless the joined form is a known word and
   the hyphenated one is not (``ме-сто``, ``ле-то``, ``ру-ка`` are ordinary breaks).
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
6. every other language that wordfreq lists (English, French, German, Italian …): the joined form about
   as frequent as its rarer half → join (``word-list``: ménagements, Verhandlungen); else both halves
   words → keep (``compound``: sous-marin, long-term).
7. otherwise join (``default``); a heading in capitals keeps its hyphen. A language with no word evidence
   (no pack and no wordfreq list) keeps it as printed (``no-word-list``), and the flow pass warns.

An em dash at a line end (OCR reads hyphens so: ``négo—``/``ciations``) is joined only where the evidence
makes one word of the halves; otherwise it stays a dash between words (``dash``).

The language of a break is told by the script of its halves (``languages.detect_language``: Cyrillic →
Russian; Latin → the document's language if it is written in Latin letters, else English), so an English
title quoted in a Russian text is judged as English; ``lang`` settles halves without letters. Latin
letters and digits that OCR read in a Cyrillic word (``Pa-``/``палльский``, ``3a-``/``крытых``) are looked
up as the Cyrillic letters they look like; the text keeps them as read.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

import pymorphy3

from ..diagnostics import Diagnostic
from ..languages import LanguagePack, detect_language, pack
from ..model.lines import Line
from ..morphology import morph_analyzer
from .lines import warning_at_first
from .word_forms import (
    EM_DASH,
    HYPHEN_RE,
    HYPHENS,
    INVISIBLE,
    break_halves,
    fold,
    lemma_prefix,
    lexicon_form,
    looked_up,
)
from .word_lists import PYMORPHY3, WORDFREQ, word_evidence, zipf

# A word: letters/digits, possibly joined into a compound by single hyphens.
_WORD_RE = re.compile(rf"[^\W_]+(?:[{HYPHENS}][^\W_]+)*")
# The last word of a line that ends in a hyphen (after the hyphens are made one sign).
_LINE_END_FRAGMENT_RE = re.compile(r"(?<![^\W_])[^\W_]+(?:-[^\W_]+)*(?=-$)", re.MULTILINE)
# Stress accents and the soft hyphen (INVISIBLE), for a whole text (faster than translate).
_INVISIBLE_RE = re.compile("[\u0300\u0301\u00ad]")
_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")
NO_EVIDENCE = "no-word-list"  # the reason of a hyphen kept as printed: its language has no word evidence
# A joined form at most this much rarer (zipf, log10) than its rarer half is the word broken at the line
# end (ménage-ments: ménagements 1.9, ments 2.8); a far rarer one is a misspelt compound (sous-marin:
# sousmarin 1.1, marin 4.3; long-term: longterm 2.8, term 5.2).
_ZIPF_GAP = 2.0
# A lower-case word this long that the word list knows well stands alone; shorter ones may be prefixes.
_ALONE_LETTERS, _ALONE_ZIPF = 5, 3.0
# Endings that turn a compound stem (``советск-о``) back into an adjective (``советский``).
_ADJ_ENDINGS = ("ий", "ый", "ой", "ский", "ный", "ийский", "ический", "ьский", "ьянский")
# A compound stem that puts back a lost hyphen on the dictionary's word alone is this long at least
# (советско, франко); a shorter one is too often a misread word (норо-ждали for порождали).
_LOST_STEM = 5
# "Clearly more frequent": at least twice as often and by a margin of two.
_RATIO, _MARGIN = 2, 2


@dataclass(frozen=True)
class HyphenDecision:
    keep: bool  # True = hard hyphen kept ("советско-японских"), False = soft, joined ("колонизации")
    reason: str  # evidence label, see the module docstring
    space: bool = False  # a kept dash between two words ("formel-⏎Assurément"): the line end stays a space


def corpus_lexicon(lines: Iterable[str]) -> Counter[str]:
    """Count the lower-cased word forms printed inside lines, compounds with their hyphen.

    The last word of a line that ends in a hyphen is left out: it is a fragment, or a compound whose
    hyphen is the very thing to be decided. (The whole text is normalised at once, as ``normalise``
    does word by word: the corpus runs to millions of words.)
    """
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFC", "\n".join(lines)))
    text = "\n".join(line.rstrip() for line in text.split("\n")).lower()
    text = _LINE_END_FRAGMENT_RE.sub("", HYPHEN_RE.sub("-", text))
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
    return frozenset(fold(nf) for _, nf in _ru_parses(word))


def _known_in(evidence: str | None, code: str) -> Callable[[str], bool]:
    if evidence == PYMORPHY3:
        return _ru_known
    if evidence == WORDFREQ:
        return lambda word: zipf(word, code) > 0
    return lambda word: False  # a language without word evidence knows no word


def _word_list(left: str, right: str, code: str) -> HyphenDecision | None:
    """Join a word the list knows about as well as its halves; keep a compound of two known words."""
    head, tail = left.rsplit("-", 1)[-1], right.split("-", 1)[0]
    joined, rarer_half = zipf(left + right, code), min(zipf(head, code), zipf(tail, code))
    if joined > 0 and joined + _ZIPF_GAP >= rarer_half:
        return HyphenDecision(False, "word-list")
    if rarer_half > 0:
        return HyphenDecision(True, "compound")
    return None


def _stands_alone(word: str, code: str) -> bool:
    """Is the lower-case ``word`` a word of its own (formel), not the first half of a compound (anti, sino,
    советско)?"""
    evidence = word_evidence(code)
    if evidence == PYMORPHY3:
        return _ru_known(word) and not _is_compound_stem(word)
    return evidence == WORDFREQ and len(word) >= _ALONE_LETTERS and zipf(word, code) >= _ALONE_ZIPF


# --- the decision ---


class Dehyphenator:
    """Decide line-end hyphens, optionally informed by the document's own usage (``lexicon``).

    The lexicon is copied (folded ё → е) when the object is made; later changes to it are not seen.
    """

    def __init__(self, lexicon: Counter[str] | None = None):
        self._lexicon: Counter[str] = Counter()
        for word, n in (lexicon or {}).items():
            self._lexicon[lexicon_form(word)] += n
        self._sorted: list[str] | None = None
        # Each break decided, by its arguments: a decision depends on them and the lexicon copied above
        # only, and the documents of a corpus share many breaks (a cached result is checked break by break).
        self._decided: dict[tuple[str, str, str], HyphenDecision] = {}

    def decide(self, left: str, right: str, lang: str) -> HyphenDecision:
        """Keep or drop the hyphen between ``left`` (before the line end, with or without its dash) and
        ``right`` (after it). An em dash (OCR reads many hyphens so) is joined only on evidence that the
        halves make one word; otherwise it stays as printed, a dash between words."""
        decision = self._decided.get((left, right, lang))
        if decision is None:
            decision = self._decided[left, right, lang] = self._decide_break(left, right, lang)
        return decision

    def _decide_break(self, left: str, right: str, lang: str) -> HyphenDecision:
        dash = unicodedata.normalize("NFC", left).translate(INVISIBLE).strip().endswith(EM_DASH)
        decision = self._decide(*break_halves(left, right), lang)
        if dash and (decision.keep or decision.reason == "default"):
            return HyphenDecision(True, "dash", space=True)
        return decision

    def _decide(self, left: str, right: str, lang: str) -> HyphenDecision:
        if not left or not right:
            return HyphenDecision(False, "default")

        # 1. numbers
        if left[-1].isdigit() and right[0].isdigit():
            return HyphenDecision(True, "number-range")
        if _ROMAN_RE.match(left) and _ROMAN_RE.match(right.split("-")[0]):
            return HyphenDecision(True, "number-range")
        if left[-1].isdigit() or right[0].isdigit():
            return HyphenDecision(True, "compound")

        lo_left, lo_right = looked_up(left, right)
        joined, hyphenated = lo_left + lo_right, f"{lo_left}-{lo_right}"
        code = detect_language(lo_left + lo_right, lang)
        language, evidence = pack(code), word_evidence(code)
        known = _known_in(evidence, code)

        # 2. capitals, unless the whole break is set in capitals (a heading)
        all_caps = left.isupper() and right.isupper()
        # OCR read a word's tail as capitals (интере-/СЫ): a word only when joined
        misread = left[-1].islower() and right.isupper() and len(right) > 1
        if misread and known(joined) and not known(hyphenated):
            return HyphenDecision(False, "capitals-misread")
        if right[0].isupper() and not all_caps:
            # "formel-⏎Assurément": a word that ends a sentence, then one that starts the next, is no compound
            between = left[0].islower() and not self._lexicon[hyphenated] and _stands_alone(lo_left, code)
            return HyphenDecision(True, "capital", space=between)

        # 3. particles that are always hyphenated, unless the join makes an ordinary word
        head = lo_left.rsplit("-", 1)[-1]
        if lo_right in language.hyphen_particles or head in language.hyphen_particle_heads:
            joined_seen = known(joined) or self._lexicon[joined] > 0
            hyphen_seen = known(hyphenated) or self._lexicon[hyphenated] > 0
            if not (joined_seen and not hyphen_seen):
                return HyphenDecision(True, "particle")

        # 4. the document's own usage
        decision = self._corpus(joined, hyphenated, len(lo_left), language)
        # 5./6. the language's dictionary or word list
        if decision is None and evidence == PYMORPHY3:
            decision = self._russian(lo_left, lo_right)
        elif decision is None and evidence == WORDFREQ:
            decision = _word_list(lo_left, lo_right, code)
        if decision is not None:
            return decision
        # 7. nothing known: a heading in capitals keeps its hyphen; a language with no word evidence keeps
        # it as printed; running text joins
        if all_caps:
            return HyphenDecision(True, "capital")
        return HyphenDecision(False, "default") if evidence else HyphenDecision(True, NO_EVIDENCE)

    def lost_hyphens(self, word: str, lang: str) -> list[int]:
        """Where a hyphen the extraction removed belongs in ``word`` (pdftotext joins a compound broken at a
        line end: ``Маньчжоуго``, ``nonagression``): the places with evidence. Only a word its language does
        not know is looked at, and a place has evidence where the hyphenated form is printed in the text
        (``Маньчжоу-го``), or, in Russian, a compound-adjective stem of five letters or more is followed by
        an adjective (``советско``/``германские``). One place is a hyphen to put back; two cannot be told
        apart. Whether the extraction removed hyphens at all is the caller's to judge
        (``lost_hyphens.py``)."""
        lowered = lexicon_form(word)
        if len(lowered) != len(word) or not lowered.isalpha():
            return []  # positions would not map back to the word as printed
        code = detect_language(lowered, lang)
        evidence = word_evidence(code)
        if _known_in(evidence, code)(lowered) and not _inner_capital(word):
            return []
        return [i for i in range(2, len(lowered) - 1) if self._compound_at(lowered, i, evidence)]

    def _compound_at(self, word: str, i: int, evidence: str | None) -> bool:
        head, tail = word[:i], word[i:]
        if self._lexicon[f"{head}-{tail}"]:
            return True
        # a compound adjective: its stem, then an adjective (советско-германские), not any word (Мазано-во)
        russian = evidence == PYMORPHY3 and i >= _LOST_STEM
        return russian and _is_compound_stem(head) and _is_adjective_form(tail)

    def _corpus(
        self, joined: str, hyphenated: str, split: int, language: LanguagePack
    ) -> HyphenDecision | None:
        decision = _compare(self._lexicon[hyphenated], self._lexicon[joined], "corpus")
        unseen = not (self._lexicon[hyphenated] or self._lexicon[joined])
        if decision is None and unseen and language.hyphen_dictionary == PYMORPHY3:
            # neither exact form printed: count the other inflected forms of each reading
            letters = re.compile(language.letters)
            hyphenated_count = self._lemma_count(hyphenated, lemma_prefix(hyphenated, split + 1), letters)
            joined_count = self._lemma_count(joined, lemma_prefix(joined, split), letters)
            decision = _compare(hyphenated_count, joined_count, "corpus")
        return decision

    def _lemma_count(self, word: str, prefix: str, letters: re.Pattern[str]) -> int:
        """How often the lexicon has a form with the same pymorphy3 normal form as ``word`` (they all begin
        with prefix: lemma_prefix)."""
        if not self._lexicon:
            return 0
        targets = _normal_forms(word)
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


def kept_as_printed(lines: list[Line], numbers: list[int], lang: str) -> Diagnostic:
    """The warning for hyphens that no word evidence could judge, at the line that continues the first."""
    return warning_at_first(
        lines, numbers,
        f"{len(numbers)} line-end hyphen(s) kept as printed, the first just before this line: language "
        f"'{lang}' has no word list or dictionary to judge them (only the text's own usage); check them, or "
        "correct them in the edition",
    )


def _inner_capital(word: str) -> bool:
    """A capital after a lower-case letter (``GrandeBretagne``): two words run together, whatever a word list
    says of the lower-cased form."""
    return any(a.islower() and b.isupper() for a, b in zip(word, word[1:], strict=False))


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


def _is_adjective_form(word: str) -> bool:
    return _ru_known(word) and any(_is_adjective(tag) for tag, _ in _ru_parses(word))


def _is_preposition(word: str) -> bool:
    return _ru_known(word) and any(tag.startswith("PREP") for tag, _ in _ru_parses(word))
