"""English: the abstracts and titles of the seed corpus, and the fallback of a language without a pack."""

from __future__ import annotations

from . import DateRule, LanguagePack, capitalised, month_pattern, named_languages
from ._patterns import DASH, DAY, bare_year_rule, decade_rule, year, year_range_rule

MONTHS = tuple(
    (name,)
    for name in ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                 "October", "November", "December")
)
MONTH = month_pattern(MONTHS, ignore_case=False)
BARE_YEAR_WORDS = capitalised(("in", "since", "by", "until", "till", "of", "during", "before", "after"))
DECADE_ENDINGS = ("'s", "’s", "s")  # the 1920s

DATE_RULES = (
    # day ranges in one month: 14–16 May 1924; May 14–16, 1924
    DateRule(
        1,
        rf"(?P<d1>{DAY})\s*{DASH}\s*(?P<d2>{DAY})\s+(?P<m>{MONTH})\s*,?\s*{year('y')}",
        "day_range_one_month",
    ),
    DateRule(
        1,
        rf"(?P<m>{MONTH})\s+(?P<d1>{DAY})\s*{DASH}\s*(?P<d2>{DAY})\s*,?\s*{year('y')}",
        "day_range_one_month",
    ),
    # month ranges in one year: from January to April 1920
    DateRule(
        2,
        rf"(?<!\w)(?:[Ff]rom|[Bb]etween)\s+(?P<m1>{MONTH})\s+(?:to|until|and)\s+(?P<m2>{MONTH}),?\s*{year('y')}",
        "month_range",
    ),
    # year ranges: from 1921 to 1923; between 1921 and 1923; in 1921–1923
    year_range_rule("from", "(?:to|till|until)"),
    year_range_rule("between", "and"),
    DateRule(
        3,
        rf"(?<!\w)(?:[Ii]n|[Dd]uring|[Oo]f|[Ff]or|[Ss]ince)\s+(?P<r>{year('y1')}\s*{DASH}\s*{year('y2')})(?!\s*{DASH})",
        "late_year_range",
        group="r",
    ),
    # full dates: January 20, 1925; 20 January 1925; 20th of January 1925
    DateRule(4, rf"(?P<m>{MONTH})\s+(?P<d>{DAY})(?:st|nd|rd|th)?\s*,?\s*{year('y')}", "full_date"),
    DateRule(4, rf"(?P<d>{DAY})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH})\s*,?\s*{year('y')}", "full_date"),
    # month and year: August 1923
    DateRule(5, rf"(?P<m>{MONTH}),?\s+{year('y')}", "month_year"),
    # decades: the 1920s
    decade_rule(DECADE_ENDINGS),
    # a bare year after in/since/by …: in 1923
    bare_year_rule(BARE_YEAR_WORDS),
)


PACK = LanguagePack(
    code="en",
    script="Latin",
    letters="[A-Za-z]",
    detects_script=True,
    months=MONTHS,
    months_ignore_case=False,
    date_rules=DATE_RULES,
    year_words=(),  # an English year has no word of its own
    bare_year_words=BARE_YEAR_WORDS,
    decade_words=DECADE_ENDINGS,
    century_words=(),  # centuries in words (the twentieth century) are not dates here
    publication_words=("published", "appeared", "printed"),
    ibid_words=("Ibid.", "Ibid", "Ibidem.", "Ibidem", "Idem"),
    ibid_adverbs=(),
    op_cit_words=("op. cit.", "Op. cit."),
    see_words=("Cf.", "cf.", "See", "see", "See also", "see also"),
    # transliterated Russian shelfmarks: "AVP RF, f. 0100, op. 7, p. 12, d. 45, l. 3–5"
    fond_words=("F.", "f."),
    inventory_words=("Op.", "op."),
    file_words=("D.", "d."),
    portfolio_words=("p.", "P.", "pap."),
    folio_words=("L.", "Ll.", "l.", "ll.", "fol.", "ff."),
    verso_words=(),
    volume_words=("Vol.", "vol."),
    page_words=("P.", "p.", "pp."),
    chapter_words=("Chapter", "Part"),
    document_words=("Document", "Doc.", "No", "Annex", "Appendix", "Table", "Fig."),
    note_section_titles=("Notes", "Endnotes"),
    reference_list_titles=("References", "Bibliography", "Works cited", "Sources", "Sources and literature"),
    section_titles=("Introduction", "Conclusion", "Notes", "References", "Bibliography"),
    abstract_labels=("Abstract", "Summary"),
    keyword_labels=("Keywords", "Key words"),
    hyphen_particles=(),  # English has no particles that are always hyphenated
    hyphen_particle_heads=(),
    hyphen_dictionary="wordfreq",
    language_names=named_languages("Russian", "English", "German", "French", "Japanese", "Chinese"),
    quotes="“”‘’",
)
