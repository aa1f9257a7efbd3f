"""French: dates (20 janvier 1925, 1er mai 1924, en 1923), headings, labels and citation words."""

from __future__ import annotations

from . import DateRule, LanguagePack, capitalised, month_pattern, named_languages, printed
from ._patterns import DASH, DAY, bare_year_rule, month_range_rule, month_year_rule, year, year_range_rule

MONTHS = (
    ("janvier",),
    ("février", "fevrier"),
    ("mars",),
    ("avril",),
    ("mai",),
    ("juin",),
    ("juillet",),
    ("août", "aout"),
    ("septembre",),
    ("octobre",),
    ("novembre",),
    ("décembre", "decembre"),
)
MONTH = month_pattern(MONTHS, ignore_case=True)
DAY_OF = rf"(?P<d>{DAY})(?:er)?"  # 1er janvier
BARE_YEAR_WORDS = capitalised(("en", "depuis", "vers", "jusqu'en", "jusqu’en"))
DECADE_WORDS = capitalised(("les années", "années"))

DATE_RULES = (
    # day ranges in one month: 14–16 mai 1924
    DateRule(
        1,
        rf"(?P<d1>{DAY})(?:er)?\s*{DASH}\s*(?P<d2>{DAY})\s+(?P<m>{MONTH})\s+{year('y')}",
        "day_range_one_month",
    ),
    # month ranges in one year: de janvier à avril 1920
    month_range_rule(MONTH, "de", "à"),
    # year ranges: de 1921 à 1923; entre 1921 et 1923
    year_range_rule("de", "à"),
    year_range_rule("entre", "et"),
    # full dates: 20 janvier 1925; 1er mai 1924
    DateRule(4, rf"{DAY_OF}\s+(?P<m>{MONTH})\s+{year('y')}", "full_date"),
    # month and year: janvier 1925
    month_year_rule(MONTH),
    # decades: les années 1920
    DateRule(6, rf"(?<!\w){printed(DECADE_WORDS)}\s+{year('y')}", "decade_4"),
    # a bare year after en/depuis/vers: en 1923
    bare_year_rule(BARE_YEAR_WORDS),
)


PACK = LanguagePack(
    code="fr",
    script="Latin",
    letters="[A-Za-zÀ-ÖØ-öø-ÿŒœ]",
    detects_script=False,  # Latin letters answer English; French is never guessed from letters
    months=MONTHS,
    months_ignore_case=True,
    date_rules=DATE_RULES,
    year_words=(),  # a French year has no word of its own
    bare_year_words=BARE_YEAR_WORDS,
    decade_words=DECADE_WORDS,
    century_words=(),  # centuries (XXe siècle) are not dates here
    publication_words=("publié", "paru", "parue", "édité"),
    ibid_words=("ibid.", "Ibid.", "ibidem", "Ibidem", "Idem", "idem"),
    ibid_adverbs=(),
    op_cit_words=("op. cit.", "Op. cit.", "loc. cit."),
    see_words=("Voir", "voir", "Voir aussi", "voir aussi", "cf.", "Cf."),
    fond_words=("Fonds", "fonds"),
    inventory_words=("carton", "Carton"),
    file_words=("dossier", "Dossier", "dos."),
    folio_words=("f°", "ff°", "fol.", "f.", "ff."),
    verso_words=("v°",),
    volume_words=("t.", "T.", "vol."),
    page_words=("p.", "pp."),
    chapter_words=("Chapitre", "Partie"),
    document_words=("Document", "Doc.", "Annexe", "Tableau", "n°", "No"),
    note_section_titles=("Notes", "Notes et références"),
    reference_list_titles=("Bibliographie", "Références", "Sources et bibliographie", "Ouvrages cités"),
    section_titles=("Introduction", "Conclusion", "Notes", "Bibliographie"),
    abstract_labels=("Résumé",),
    keyword_labels=("Mots-clés", "Mots clés"),
    hyphen_particles=(),  # no particles: a French break is judged by the text's own usage and wordfreq
    hyphen_particle_heads=(),
    hyphen_dictionary="wordfreq",
    language_names=named_languages("russe", "anglais", "allemand", "français", "japonais", "chinois"),
    quotes="«»“”",
)
