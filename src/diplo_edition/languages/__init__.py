"""Language packs: what the pipeline knows of one language, one module per language.

In the spirit of docutils' ``languages/``: ``ru.py``, ``en.py``, ``fr.py``, ``de.py`` each define ``PACK``,
a :class:`LanguagePack` of plain data (words, abbreviations and date patterns); the stages read the packs
and hold no words of their own. Adding a language means adding one module ``<code>.py`` with its ``PACK``
(the registry finds every module of this package whose name does not start with ``_``) and its tests.

``pack(code)`` answers a language tag (``ru``, ``ru-RU``); an unknown language falls back to English
(:data:`FALLBACK`), as docutils does, so the interface still has words; any ISO 639 code is a language
(:func:`is_language_code`). ``detect_language`` tells the language of a short text by the script of its
letters; ``text_languages`` the languages of a whole text, by a language identifier.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING

import langcodes

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

FALLBACK = "en"  # the pack of a language that has none


@dataclass(frozen=True)
class DateRule:
    """One date pattern of a language: a regular expression and the reading of its match."""

    priority: int  # lower wins where matches overlap
    pattern: (
        str  # the regular expression, with named groups d/d1/d2, m/m1/m2, y/y1/y2, cent as its parse needs
    )
    parse: str  # how the match becomes an ISO value: a parser name of apparatus/dates.py
    group: str | int = 0  # the part of the match that is the span
    block: bool = True  # a match that does not parse still keeps its text plain


@dataclass(frozen=True)
class OcrLookalikes:
    """What OCR reads for the letters of a script whose letters have Latin twins (Cyrillic "а", "о", "р"):
    read back in a word of the script (layout/word_lists.py, apparatus/ocr_confusables.py) and tolerated in
    its shelfmarks' locator words (apparatus/shelfmarks.py). Empty for a script with no such twins."""

    # a Latin letter or digit -> the letter of the script of its shape ("a": "а", "3": "з", "H": "Н")
    latin: dict[str, str] = field(default_factory=dict)
    # Latin capitals that also have the shape of a small letter of the script ("B" of "в", "T" of "т"):
    # after a word in small letters, OCR's capital is that small letter
    capitals_of_small_letters: str = ""
    # a letter -> what else OCR reads for its strokes ("п" as "n" or "н", "Д" as "JI", "Ф" as "®"): tolerated
    # only in a locator word of a shelfmark, where the chain around it is the evidence
    strokes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # a digit -> the letters of the script of its shape, which OCR reads for each other: a folio's verso word
    # glued to its number ("11об" read "1106"), a superscript digit read as a letter ("оставалсяЗ" for 3)
    digit_letters: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class LanguagePack:
    """Everything the pipeline knows of one language. Abbreviations are given as printed, with their dot.

    The dates in words have defaults, the forms most languages share; a pack gives only what differs."""

    code: str  # ISO 639-1 code, the module name
    # --- script and detection
    script: str  # the name of its script, for messages ("Cyrillic", "Latin")
    letters: str  # regex character class of the letters of its script, e.g. "[А-Яа-яЁё]"
    detects_script: bool  # detect_language answers this language for its script (en for Latin, not fr/de)
    # --- dates (apparatus/dates.py; the site's dates in words)
    months: tuple[tuple[str, ...], ...]  # 12 tuples, January first: every printed form of the month name
    months_ignore_case: bool  # month names match in any case (Russian, French), or only as given (English)
    date_rules: tuple[DateRule, ...]  # the date patterns of the language, built from its words
    year_words: tuple[str, ...]  # words after a number that make it a year: "г.", "гг.", "год"; () for none
    bare_year_words: tuple[str, ...]  # words before a bare year that make it a date: in/since/by; en; seit
    decade_words: tuple[str, ...]  # what makes a year a decade: endings "е"/"х" (1920-е), "s" (1920s), années
    century_words: tuple[str, ...]  # words after a Roman numeral that make it a century: "в.", "век"; () none
    # --- citations (apparatus/citations.py)
    ibid_words: tuple[str, ...]  # "Там же", "Ibid.": the previous reference repeated
    ibid_adverbs: tuple[
        str, ...
    ]  # ibid words that are also plain adverbs: a citation only before punctuation
    op_cit_words: tuple[str, ...]  # "Указ. соч.", "op. cit.": the author's work cited before
    see_words: tuple[str, ...]  # "См.", "cf.", "see": a reference note's leading word, not its author
    fond_words: tuple[str, ...]  # shelfmark: the archive's collection (Ф.; F.; fonds; Bestand)
    inventory_words: tuple[str, ...]  # shelfmark: inventory or box (Оп.; op.; carton)
    file_words: tuple[str, ...]  # shelfmark: file (Д.; D.; dossier; Akte)
    portfolio_words: tuple[str, ...] = ()  # shelfmark: portfolio between inventory and file (П.; p.)
    folio_words: tuple[str, ...]  # shelfmark: folio (Л., Лл.; L.; f°; Bl.)
    verso_words: tuple[str, ...]  # after a folio number: the back of the leaf ("об")
    volume_words: tuple[str, ...]  # volume locator (Т.; vol.; t.; Bd.)
    page_words: tuple[str, ...]  # page locator (С.; p., pp.; S.)
    # --- headings and header labels (layout/)
    chapter_words: tuple[str, ...]  # a heading opened by one of these and a number is a chapter (Глава 1)
    section_titles: tuple[str, ...]  # titles of front and back matter: ВВЕДЕНИЕ, Примечания, References
    note_section_titles: tuple[str, ...] = ()  # titles of endnote sections: Примечания, Notes, Endnotes
    document_words: tuple[str, ...] = ()  # a number after one of these numbers a document (Документ 3)
    reference_list_titles: tuple[str, ...] = ()  # titles of a reference list: Список литературы, References
    abstract_labels: tuple[str, ...]  # a paragraph opened by one of these is an abstract (Аннотация)
    keyword_labels: tuple[str, ...]  # a paragraph opened by one of these lists keywords (Ключевые слова)
    # --- line-end hyphens (layout/hyphenation.py)
    hyphen_particles: tuple[str, ...]  # a continuation that is always hyphenated (то, либо …); () for none
    hyphen_particle_heads: tuple[str, ...]  # a first half that is always hyphenated (кое-, кой-)
    hyphen_dictionary: str | None  # the word evidence that judges a break: "pymorphy3", "wordfreq" or None
    # --- names and typography the site and the TEI header use (the interface's words are in the theme's
    # message catalogs, site/i18n.py)
    language_names: dict[str, str]  # language code -> its name in this language
    quotes: str  # typographic quotes for Markdown: outer open, outer close, inner open, inner close
    # --- OCR: what OCR reads for the letters of its script (the packs of one script share theirs)
    ocr_lookalikes: OcrLookalikes = OcrLookalikes()
    # () for the first printed form of each month, as most languages have
    months_day: tuple[str, ...] = ()  # month names after a day in a date in words ("20 января")
    months_alone: tuple[str, ...] = ()  # month names without a day ("январь 1925 г.")
    date_day: str = "{day} {month} {year}"  # a day in words: "{day} {month} {year} г." in Russian
    date_month: str = "{month} {year}"  # a month in words: "{month} {year} г."
    date_year: str = "{year}"  # a year in words: "{year} г."
    date_years: str = "{start}–{end}"  # a range of years in words: "{start}–{end} гг."
    # the beginnings of words that, beside a year, say a work appeared then ("изданная в 1961 г.", "в 1947 г.
    # появился труд": "появил труд", the beginning of each word): the year of a publication, not an event
    # (site/chronology.py); () for none
    publication_words: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        first_forms = tuple(forms[0] for forms in self.months)
        # A frozen dataclass is set through object.__setattr__, once, while it is made.
        object.__setattr__(self, "months_day", self.months_day or first_forms)
        object.__setattr__(self, "months_alone", self.months_alone or first_forms)

    @cached_property
    def month_pattern(self) -> str:
        """The regex of any month name, as the date rules are built with, for their pre-check."""
        return month_pattern(self.months, self.months_ignore_case)

    @property
    def abstract_title(self) -> str:
        """The heading the site gives an abstract written in this language: its first label."""
        return self.abstract_labels[0]

    @property
    def keywords_title(self) -> str:
        """The heading the site gives the keywords written in this language: their first label."""
        return self.keyword_labels[0]


# The languages every pack names (its ``language_names``), in the order in which it gives their names.
NAMED_LANGUAGES = ("ru", "en", "de", "fr", "ja", "zh")


def named_languages(*names: str) -> dict[str, str]:
    """Language code -> its name in one language, from the names of :data:`NAMED_LANGUAGES` in order."""
    return dict(zip(NAMED_LANGUAGES, names, strict=True))


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of printed words, longest first; a space matches any run of spaces and a dot
    followed by a space matches a dot and optional spaces ("Указ. соч." also as "Указ.соч."). No words:
    a pattern that never matches."""
    if not words:
        return "(?!)"
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        escaped = re.escape(word).replace(r"\.\ ", r"\.\s*").replace(r"\ ", r"\s+")
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")"


_END = ""  # the key that marks the end of a word in a trie


def trie_alternation(words: Iterable[str], space: str = r"\s+") -> str:
    """An alternation of many words as a tree of their letters (a trie), for the patterns that list
    hundreds of them; a space in a word matches the pattern space.

    ``re`` tries the branches of an alternation one after the other at every place of the text: a list of
    hundreds of names or month forms costs hundreds of tries per place. The same words as a trie share
    their beginnings, so a place is read once per letter. Where several words match at a place, a longer
    one is tried before the shorter one it begins with, as in a list ordered longest first."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return "(?:" + _trie_branches(root, space) + ")"


def _trie_branches(node: dict, space: str) -> str:
    branches = [(space if char == " " else re.escape(char)) + _trie_group(child, space)
                for char, child in sorted(node.items()) if char != _END]
    if _END in node:
        branches.append("")  # the word ends here: tried after every longer one
    return "|".join(branches)


def _trie_group(node: dict, space: str) -> str:
    if list(node) == [_END]:
        return ""  # a word's last letter
    inner = _trie_branches(node, space)
    return inner if len(node) == 1 and _END not in node else f"(?:{inner})"


def printed(words: tuple[str, ...] | list[str]) -> str:
    """The regex of any of ``words`` as a whole word: one that does not end in a dot must not run on."""
    parts = [alternation([w]) + ("" if w.endswith(".") else r"(?!\w)") for w in words]
    ordered = sorted(zip(words, parts, strict=True), key=lambda wp: (-len(wp[0]), wp[0]))
    return "(?:" + "|".join(dict.fromkeys(part for _, part in ordered)) + ")"


def capitalised(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words as given and with a capital first letter (a sentence may start with them)."""
    return tuple(dict.fromkeys(w for word in words for w in (word, word[:1].upper() + word[1:])))


def month_pattern(months: tuple[tuple[str, ...], ...], ignore_case: bool) -> str:
    """The regex of any month name of ``months``, ending at a word boundary: a trie (trie_alternation)
    when the names are all of letters only, so that at most one of them matches at a place (in lower case
    when the case is ignored); otherwise their alternation, longest first."""
    forms = [form for forms in months for form in forms]
    if all(re.fullmatch(r"\w+", form) for form in forms):
        names = trie_alternation(form.lower() for form in forms) if ignore_case else trie_alternation(forms)
    else:
        names = alternation(forms)
    return (f"(?i:{names})" if ignore_case else names) + r"(?!\w)"


@cache
def _registry() -> dict[str, LanguagePack]:
    packs = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        packs[info.name] = module.PACK
    return packs


def codes() -> tuple[str, ...]:
    """The codes of every language that has a pack, sorted."""
    return tuple(sorted(_registry()))


def has_pack(code: str) -> bool:
    return primary(code) in _registry()


def pack(code: str) -> LanguagePack:
    """The pack of a language tag (``ru``, ``ru-RU``); English (:data:`FALLBACK`) for one without a pack."""
    return _registry().get(primary(code)) or _registry()[FALLBACK]


def packs() -> tuple[LanguagePack, ...]:
    """Every pack, by code."""
    return tuple(_registry()[code] for code in codes())


@cache
def script_lookalikes(script: str) -> OcrLookalikes:
    """The OCR look-alikes of a script's letters ("Cyrillic"), from every pack that writes it."""
    tables = [p.ocr_lookalikes for p in packs() if p.script == script]
    return OcrLookalikes(
        latin={k: v for t in tables for k, v in t.latin.items()},
        capitals_of_small_letters="".join(
            dict.fromkeys(c for t in tables for c in t.capitals_of_small_letters)
        ),
        strokes={k: v for t in tables for k, v in t.strokes.items()},
        digit_letters={k: v for t in tables for k, v in t.digit_letters.items()},
    )


def interface_language(languages: Sequence[str]) -> str:
    """The language of the site's interface and of the registers: the collection's first language."""
    return languages[0] if languages else FALLBACK


def primary(code: str) -> str:
    """The language of a tag without its region or script: ru-RU -> ru."""
    return code.replace("_", "-").split("-")[0].lower()


def is_language_code(code: str) -> bool:
    """Is ``code`` a valid language tag (an ISO 639 language, optionally with script and region)?"""
    return langcodes.tag_is_valid(code) and primary(code) not in ("und", "mul", "zxx")


# ISO 15924 codes of the scripts the packs name
_SCRIPT_NAMES = {"Latn": "Latin", "Cyrl": "Cyrillic", "Grek": "Greek", "Arab": "Arabic", "Hebr": "Hebrew"}


@cache
def script_of(code: str) -> str:
    """The script a language is written in: its pack's, else the likely one for the tag (it -> Latin)."""
    if has_pack(code):
        return pack(code).script
    if not langcodes.tag_is_valid(code):
        return ""
    script = langcodes.Language.get(code).maximize().script or ""
    return _SCRIPT_NAMES.get(script, script)


@cache
def _script_counters() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((p.code, re.compile(p.letters)) for p in packs() if p.detects_script)


def letter_counts(text: str) -> dict[str, int]:
    """How many letters of ``text`` are of each script, by the language that answers for the script."""
    return {code: len(letters.findall(text)) for code, letters in _script_counters()}


def detect_language(text: str, default: str) -> str:
    """The language of ``text`` by the script most of its letters are written in; ``default`` without letters.

    Scripts, not languages, are told apart: Cyrillic answers ru, Latin answers en. French and German share
    the Latin letters, so they are never guessed, but a text in the script of ``default`` is taken to be in
    ``default`` (a Latin text in a French or an Italian document is French or Italian). A tie goes to
    ``default`` when it is one of the best.
    """
    counts = letter_counts(text)
    most = max(counts.values())
    if not most:
        return default
    best = [code for code, n in counts.items() if n == most]
    if default in best or script_of(default) == pack(best[0]).script:
        return default
    return best[0]


PASSAGE_LETTERS = 300  # letters of a passage whose language is told on its own
SURE = 0.9  # a passage the identifier is less sure of (names, numbers, shelfmarks) is not counted


def text_languages(text: str) -> list[tuple[str, float]]:
    """The languages of a text with their shares of its letters, most first; [] if none is clear.

    py3langid (langid.py's model of 97 languages, shipped in the package) names the language of each
    passage of a few lines, so that an abstract in another language counts apart; each passage weighs
    its letters."""
    letters_of: Counter[str] = Counter()
    for passage in _passages(text):
        code, confidence = _identifier().classify(passage)
        if confidence >= SURE:
            letters_of[code] += sum(map(str.isalpha, passage))
    total = sum(letters_of.values())
    return [(code, n / total) for code, n in letters_of.most_common()]


def _passages(text: str) -> list[str]:
    """The text in passages of whole lines of at least PASSAGE_LETTERS letters; a blank line ends one."""
    passages, lines = [], []
    for line in [*text.splitlines(), ""]:
        if line.strip():
            lines.append(line.strip())
        if lines and (not line.strip() or sum(map(str.isalpha, " ".join(lines))) >= PASSAGE_LETTERS):
            passages.append(" ".join(lines))
            lines = []
    return passages


@cache
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # numpy: loaded by `new` alone

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
