"""Russian: the language of the seed corpus."""

from __future__ import annotations

from . import DateRule, LanguagePack, OcrLookalikes, month_pattern, named_languages, printed
from ._patterns import DASH, DAY, YEAR, year


def _month_forms(nominative: str) -> tuple[str, str, str]:
    """A month's name as printed: nominative (январь), genitive (20 января), prepositional (в январе)."""
    if nominative[-1] in "ьй":  # январь, май: the soft declension
        return nominative, nominative[:-1] + "я", nominative[:-1] + "е"
    return nominative, nominative + "а", nominative + "е"  # март, август


MONTHS = tuple(
    _month_forms(name)
    for name in ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
                 "октябрь", "ноябрь", "декабрь")
)
MONTH = month_pattern(MONTHS, ignore_case=True)

YEAR_WORDS = (
    "г.",
    "гг.",
    "г",
    "гг",
    "год",
    "года",
    "году",
    "годом",
    "годе",
    "годы",
    "годов",
    "годах",
    "годами",
)
PLURAL_YEAR_WORDS = ("гг.", "гг", "годы", "годов", "годах", "годами")  # after a decade: 1920-е гг.
# A work appeared: a participle before its year ("изданная в 1961 г."), or a verb with the work after it
# ("в 1947 г. появился труд"); a verb alone would take a law or a troop ("в 1939 г. вышел закон").
PUBLICATION_VERBS = ("вышл", "вышел", "появил", "издан", "опубликован", "напечатан")
PUBLICATION_WORKS = ("труд", "книг", "монограф", "стать", "работ", "исследовани", "сборник", "учебник",
                     "очерк")
PUBLICATION_WORDS = ("изданн", "вышедш", "опубликованн", "напечатанн",
                     *(f"{verb} {work}" for verb in PUBLICATION_VERBS for work in PUBLICATION_WORKS))
DECADE_ENDINGS = ("е", "х", "ые", "ых", "ми", "ыми")  # 1920-е, 1920-х
CENTURY_WORDS = ("в.", "в", "век", "века", "веке", "столетия", "столетие", "столетии")

# The word that makes a number a year: г. гг. год года году годы годов годах ...
YMARK = printed(YEAR_WORDS)
# after a range: "гг." also without its dot, the singular "г." as often misprinted for it
YMARK_PLURAL = r"(?:гг\.?(?!\w)|г\.|г(?!\w)|год(?:ы|ов|ах|ами)(?!\w))"
DECADE_SUFFIX = printed(DECADE_ENDINGS)
ORDINAL_SUFFIX = r"(?:м|й|го|му|ом)(?!\w)"
DECADE_WORD = rf"(?:\s*{printed(PLURAL_YEAR_WORDS)})?"
CENTURY = rf"(?P<cent>[XХ]{{1,2}}I{{0,3}}|[XХ]?I[XХ])\s*{printed(CENTURY_WORDS)}"

DATE_RULES = (
    # decade ranges: 1920-1930-е гг.; 20-30-е годы XX века; 20-х и 30-х гг. XX в.
    DateRule(
        0, rf"{year('y1')}\s*{DASH}\s*{year('y2')}\s*{DASH}?\s*{DECADE_SUFFIX}{DECADE_WORD}", "decade_range_4"
    ),
    DateRule(
        0,
        rf"(?<![\d.,])(?P<d1>[1-9]0)(?:\s*{DASH}\s*{DECADE_SUFFIX})?\s*(?:{DASH}|и)\s*(?P<d2>[1-9]0)\s*{DASH}?\s*"
        rf"{DECADE_SUFFIX}{DECADE_WORD}\s+{CENTURY}",
        "decade_range_2",
    ),
    # day ranges in one year: 1 января — 31 декабря 1925 г.; 14–16 мая 1924 г.
    DateRule(
        1,
        rf"(?P<d1>{DAY})\s*(?P<m1>{MONTH})\s*{DASH}\s*(?P<d2>{DAY})\s*(?P<m2>{MONTH})\s*{year('y')}(?:\s*{YMARK})?",
        "day_range_two_months",
    ),
    DateRule(
        1,
        rf"(?P<d1>{DAY})\s*{DASH}\s*(?P<d2>{DAY})\s*(?P<m>{MONTH})\s*{year('y')}(?:\s*{YMARK})?",
        "day_range_one_month",
    ),
    # month ranges in one year: с января по апрель 1920 г.; января — апреля 1920 г.
    DateRule(
        2,
        rf"(?<!\w)[сС]\s+(?P<m1>{MONTH})\s+по\s+(?P<m2>{MONTH})\s*{year('y')}(?:\s*{YMARK})?",
        "month_range",
    ),
    DateRule(
        2, rf"(?<!\d\s)(?P<m1>{MONTH})\s*{DASH}\s*(?P<m2>{MONTH})\s*{year('y')}(?:\s*{YMARK})?", "month_range"
    ),
    # year ranges: 1921–1923 гг.; 1921-23 гг.; с 1921 по 1923 г.
    DateRule(
        3,
        rf"{year('y1')}\s*(?:{YMARK}\s*)?{DASH}\s*(?P<y2>{YEAR}|(?<!\d)\d\d(?!\d))\s*{YMARK_PLURAL}",
        "year_range",
    ),
    DateRule(3, rf"(?<!\w)[сС]\s+{year('y1')}\s*(?:{YMARK}\s*)?по\s+{year('y2')}\s*{YMARK}", "year_range"),
    # full dates: 20 января 1925 г.; 13.02.1924
    DateRule(4, rf"(?P<d>{DAY})\s*(?P<m>{MONTH})\s*{year('y')}(?:\s*{YMARK})?", "full_date"),
    DateRule(
        4,
        rf"(?<![\d.])(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}})(?![\d])(?!\.\d)(?:\s*{YMARK})?",
        "numeric_date",
    ),
    # a newspaper issue: Известия. – 1922. – 27 октября.
    DateRule(4, rf"{year('y')}\.\s*{DASH}\s*(?P<d>{DAY})\s*(?P<m>{MONTH})(?!\s*\d)", "full_date"),
    # month and year: августе 1923 г.
    DateRule(5, rf"(?<!\w)(?P<m>{MONTH})\s*{year('y')}(?:\s*{YMARK})?", "month_year"),
    # decades: 20-х гг. XX в.; 1920-е гг.; 1920-х
    DateRule(6, rf"(?<![\d.,])(?P<d>[1-9]0)\s*{DASH}\s*{DECADE_SUFFIX}{DECADE_WORD}\s+{CENTURY}", "decade_2"),
    DateRule(6, rf"{year('y')}\s*{DASH}\s*{DECADE_SUFFIX}{DECADE_WORD}", "decade_4"),
    # an ordinal year: 1925-м году, 1925-й год
    DateRule(6, rf"{year('y')}\s*{DASH}\s*{ORDINAL_SUFFIX}(?:\s*{YMARK})?", "year"),
    # a year with its word: 1923 г.; 1923 году
    DateRule(7, rf"{year('y')}\s*{YMARK}", "year"),
)


# What Tesseract reads for Cyrillic letters: the Latin letters (and the digit 3) of the same shape, in small
# letters and capitals ("Paпалльский", "3aкрытых", "Tam"); the capitals that are also small Cyrillic letters'
# shapes (в, к, м, н, т); and the other reads of a letter's strokes seen in shelfmarks ("On." for "Оп.",
# "JI." for "Л.", "®." for "Ф."); and the digits and letters of like shapes, read for each other in a number
# ("Л. 1106" for "Л. 11об") and for a superscript note marker ("оставалсяЗ" for 3, "партнерами.б" for 6).
OCR_LOOKALIKES = OcrLookalikes(
    latin=dict(zip("acehkmoptxy3ABCEHKMOPTXY", "асенкмортхузАВСЕНКМОРТХУ", strict=True)),
    capitals_of_small_letters="BKMHT",
    strokes={"п": ("n", "н"), "Д": ("D", "A", "JI", "Jl"), "Л": ("JI", "Jl"), "Ф": ("®",)},
    digit_letters={"0": "оО", "3": "зЗ", "6": "б"},
)


PACK = LanguagePack(
    code="ru",
    script="Cyrillic",
    letters="[А-Яа-яЁё]",
    detects_script=True,
    months=MONTHS,
    months_ignore_case=True,
    date_rules=DATE_RULES,
    year_words=YEAR_WORDS,
    bare_year_words=(),  # a bare number is never a year in Russian: the year word is the evidence
    decade_words=DECADE_ENDINGS,
    century_words=CENTURY_WORDS,
    publication_words=PUBLICATION_WORDS,
    ibid_words=("Там же", "ТАМ ЖЕ"),
    ibid_adverbs=("Там же",),
    op_cit_words=("Указ. соч.", "Указ. раб."),
    see_words=("См.", "см.", "См. также", "см. также"),
    fond_words=("Ф.", "ф."),
    inventory_words=("Оп.", "оп."),
    file_words=("Д.", "д."),
    portfolio_words=("П.", "п.", "Пап.", "пап."),
    folio_words=("Л.", "л.", "Лл.", "лл."),
    verso_words=("об",),
    volume_words=("Т.", "т."),
    page_words=("С.", "с."),
    chapter_words=("Глава", "Раздел", "Часть"),
    document_words=("Документ", "Док.", "Приложение", "Таблица", "Табл.", "Рис."),
    note_section_titles=("Примечания", "Комментарии", "Примечания и комментарии"),
    reference_list_titles=(
        "Список литературы", "Литература", "Источники и литература", "Список источников",
        "Список использованных источников и литературы", "Список источников и литературы",
        "Библиография", "Использованная литература",
    ),
    section_titles=(
        "Введение",
        "Заключение",
        "Примечания",
        "Список литературы",
        "Список использованных источников и литературы",
        "Список источников",
    ),
    abstract_labels=("Аннотация", "Резюме"),
    keyword_labels=("Ключевые слова",),
    hyphen_particles=("то", "либо", "нибудь", "ка", "таки", "де"),
    hyphen_particle_heads=("кое", "кой"),
    hyphen_dictionary="pymorphy3",
    language_names=named_languages(
        "русский", "английский", "немецкий", "французский", "японский", "китайский"
    ),
    quotes="«»„“",
    ocr_lookalikes=OCR_LOOKALIKES,
    months_day=tuple(genitive for _, genitive, _ in MONTHS),
    date_day="{day} {month} {year} г.",
    date_month="{month} {year} г.",
    date_year="{year} г.",
    date_years="{start}–{end} гг.",
)
