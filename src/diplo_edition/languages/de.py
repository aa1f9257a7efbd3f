"""German: dates (20. Januar 1925, im Jahre 1923), headings, labels and citation words."""

from __future__ import annotations

from . import DateRule, LanguagePack, capitalised, month_pattern, named_languages
from ._patterns import (
    DASH,
    DAY,
    bare_year_rule,
    decade_rule,
    month_range_rule,
    month_year_rule,
    year,
    year_range_rule,
)

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
    month_range_rule(MONTH, "von", "bis"),
    # year ranges: von 1921 bis 1923; zwischen 1921 und 1923
    year_range_rule("von", "bis"),
    year_range_rule("zwischen", "und"),
    # full dates: 20. Januar 1925
    DateRule(4, rf"(?P<d>{DAY})\.\s*(?P<m>{MONTH})\s+{year('y')}", "full_date"),
    # month and year: Januar 1925
    month_year_rule(MONTH),
    # decades: die 1920er Jahre
    decade_rule(DECADE_WORDS),
    # a bare year after im Jahre/seit/bis: im Jahre 1923
    bare_year_rule(BARE_YEAR_WORDS),
)


PACK = LanguagePack(
    code="de",
    script="Latin",
    letters="[A-Za-zÄÖÜäöüß]",
    detects_script=False,  # Latin letters answer English; German is never guessed from letters
    months=MONTHS,
    months_ignore_case=False,
    date_rules=DATE_RULES,
    year_words=(),  # a German year has no word after it ("im Jahre 1923" is a word before it)
    bare_year_words=BARE_YEAR_WORDS,
    decade_words=DECADE_WORDS,
    century_words=(),  # centuries (20. Jahrhundert) are not dates here
    publication_words=("erschien", "veröffentlicht", "herausgegeben", "gedruckt"),
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
    document_words=("Dokument", "Nr.", "Anlage", "Tabelle", "Abb."),
    note_section_titles=("Anmerkungen", "Endnoten"),
    reference_list_titles=("Literatur", "Literaturverzeichnis", "Quellen und Literatur", "Bibliographie"),
    section_titles=("Einleitung", "Schluss", "Anmerkungen", "Literatur", "Literaturverzeichnis"),
    abstract_labels=("Zusammenfassung",),
    keyword_labels=("Schlüsselwörter", "Stichwörter"),
    hyphen_particles=(),  # no particles: a German break is judged by the text's own usage and wordfreq
    hyphen_particle_heads=(),
    hyphen_dictionary="wordfreq",
    language_names=named_languages(
        "Russisch", "Englisch", "Deutsch", "Französisch", "Japanisch", "Chinesisch"
    ),
    quotes="„“‚‘",
    date_day="{day}. {month} {year}",
)
