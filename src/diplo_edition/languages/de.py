"""German: dates (20. Januar 1925, im Jahre 1923), headings, labels and citation words."""

from __future__ import annotations

from . import DateRule, LanguagePack, capitalised, month_pattern, printed
from ._patterns import DASH, DAY, year

MONTHS = (
    ("Januar", "Jänner"),
    ("Februar",),
    ("März", "Maerz"),
    ("April",),
    ("Mai",),
    ("Juni",),
    ("Juli",),
    ("August",),
    ("September",),
    ("Oktober",),
    ("November",),
    ("Dezember",),
)
MONTH = month_pattern(MONTHS, ignore_case=False)  # nouns: always capitalised
BARE_YEAR_WORDS = capitalised(("im Jahre", "im Jahr", "seit", "bis"))
DECADE_WORDS = ("er Jahre", "er Jahren", "er")  # die 1920er Jahre

DATE_RULES = (
    # day ranges in one month: 14.–16. Mai 1924
    DateRule(
        1,
        rf"(?P<d1>{DAY})\.?\s*{DASH}\s*(?P<d2>{DAY})\.\s*(?P<m>{MONTH})\s+{year('y')}",
        "day_range_one_month",
    ),
    # month ranges in one year: von Januar bis April 1920
    DateRule(2, rf"(?<!\w)[Vv]on\s+(?P<m1>{MONTH})\s+bis\s+(?P<m2>{MONTH})\s+{year('y')}", "month_range"),
    # year ranges: von 1921 bis 1923; zwischen 1921 und 1923
    DateRule(3, rf"(?<!\w)[Vv]on\s+{year('y1')}\s+bis\s+{year('y2')}", "late_year_range"),
    DateRule(3, rf"(?<!\w)[Zz]wischen\s+{year('y1')}\s+und\s+{year('y2')}", "late_year_range"),
    # full dates: 20. Januar 1925
    DateRule(4, rf"(?P<d>{DAY})\.\s*(?P<m>{MONTH})\s+{year('y')}", "full_date"),
    # month and year: Januar 1925
    DateRule(5, rf"(?<!\w)(?P<m>{MONTH})\s+{year('y')}", "month_year"),
    # decades: die 1920er Jahre
    DateRule(6, rf"{year('y')}{printed(DECADE_WORDS)}", "decade_4"),
    # a bare year after im Jahre/seit/bis: im Jahre 1923
    DateRule(
        7, rf"(?<!\w){printed(BARE_YEAR_WORDS)}\s+{year('y')}(?![\d%])", "late_year", group="y", block=False
    ),
)


def _plural(n: int) -> int:
    return 0 if n == 1 else 2


PACK = LanguagePack(
    code="de",
    script="Latin",
    letters="[A-Za-zÄÖÜäöüß]",
    detects_script=False,  # Latin letters answer English; German is never guessed from letters
    months=MONTHS,
    months_ignore_case=False,
    month_pattern=MONTH,
    date_rules=DATE_RULES,
    year_words=(),  # a German year has no word after it ("im Jahre 1923" is a word before it)
    bare_year_words=BARE_YEAR_WORDS,
    decade_words=DECADE_WORDS,
    century_words=(),  # centuries (20. Jahrhundert) are not dates here
    ibid_words=("ebd.", "Ebd.", "ebenda", "Ebenda"),
    ibid_adverbs=("ebenda", "Ebenda"),
    op_cit_words=("a.a.O.", "a. a. O."),
    see_words=("Vgl.", "vgl.", "Siehe", "siehe"),
    fond_words=("Bestand",),
    inventory_words=(),  # German shelfmarks name no inventory
    file_words=("Akte",),
    folio_words=("Bl.",),
    verso_words=("v",),
    volume_words=("Bd.",),
    page_words=("S.",),
    chapter_words=("Kapitel", "Teil"),
    section_titles=("Einleitung", "Schluss", "Anmerkungen", "Literatur", "Literaturverzeichnis"),
    abstract_labels=("Zusammenfassung",),
    keyword_labels=("Schlüsselwörter", "Stichwörter"),
    hyphen_particles=(),  # no particles, and no dictionary: a German break is judged by the text's own usage
    hyphen_particle_heads=(),
    hyphen_dictionary=None,
    kind_labels={"article": "Artikel", "thesis": "Abschlussarbeit", "textbook-chapter": "Lehrbuchkapitel"},
    language_names={
        "ru": "Russisch",
        "en": "Englisch",
        "de": "Deutsch",
        "fr": "Französisch",
        "ja": "Japanisch",
        "zh": "Chinesisch",
    },
    register_titles={"person": "Personen", "place": "Orte", "org": "Organisationen"},
    abstract_title="Zusammenfassung",
    keywords_title="Schlüsselwörter",
    months_day=tuple(forms[0] for forms in MONTHS),
    months_alone=tuple(forms[0] for forms in MONTHS),
    date_day="{day}. {month} {year}",
    date_month="{month} {year}",
    date_year="{year}",
    date_years="{start}–{end}",
    plural=_plural,
    access_date_placeholder="TT.MM.JJJJ",
    quotes="„“‚‘",
)
