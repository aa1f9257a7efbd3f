"""Words of the site: the interface's words in one language (the message catalogs, site/i18n.py), dates in
words (its language pack), and the language-free helpers (sorting of names, snippets).

``site_words(lang, theme)`` gives the words of one interface language: labels, dates in words, plurals.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import cache
from pathlib import Path

from ..config.theme import packaged_theme
from ..languages import pack, packs
from .i18n import N_, translations
from .model import DocumentSummary, Locus, Snippet
from .records import changed

# The heading of an abstract and of its keywords, in the abstract's own language.
ABSTRACT_TITLES = {p.code: p.abstract_title for p in packs()}
KEYWORD_TITLES = {p.code: p.keywords_title for p in packs()}
_ISO = re.compile(r"(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# The interface's names of things, translated by the catalogs.
KIND_LABELS = {"article": N_("Article"), "thesis": N_("Thesis"), "textbook-chapter": N_("Textbook chapter")}
REGISTER_TITLES = {"person": N_("Persons"), "place": N_("Places"), "org": N_("Organisations")}
# How the indexes name a place in a document (a Locus's mark): a numbered paragraph is "¶ 12" in every
# language, the others in the interface's words.
NOTE_LABEL = N_("n. %(n)s")
HEADING_LABEL = N_("heading")
ABSTRACT_LABEL = N_("abstract")
_PLACE_LABELS = {"note": NOTE_LABEL, "heading": HEADING_LABEL, "abstract": ABSTRACT_LABEL}
# What stands for the date of access in a suggested citation (site.js puts the reader's date there).
ACCESS_DATE_PLACEHOLDER = N_("DD.MM.YYYY")
# The short citation of a quotation found (`quote`, the search page): the pages, the address and date.
PAGE_LABEL = N_("p. %(page)s")
PAGE_NOT_KNOWN = N_("page not known")
CITED_PAGES = N_("P. %(page)s")
ADDRESS_ACCESSED = N_("URL: %(url)s (accessed %(date)s)")


class SiteWords:
    """The interface words of the site in one language: its catalog's messages and its pack's dates."""

    def __init__(self, lang: str, theme: tuple[Path, ...]):
        self.pack = pack(lang)
        self.lang = lang
        self.translations = translations(theme, lang)
        self.gettext = self.translations.gettext
        self.register_titles = {kind: self.gettext(title) for kind, title in REGISTER_TITLES.items()}
        self.access_date_placeholder = self.gettext(ACCESS_DATE_PLACEHOLDER)
        # The summaries last put in these words, by the id of the summary they were made from (held, so
        # that its id is not another's): serve's builds keep unchanged summaries between saves.
        self._in_words: dict[int, tuple[DocumentSummary, DocumentSummary]] = {}

    def kind_label(self, kind: str | None) -> str:
        return self.gettext(KIND_LABELS[kind]) if kind in KIND_LABELS else kind or ""

    def place_label(self, mark: tuple[str, str]) -> str:
        """A place of a document (a Locus's mark) as the indexes name it: "¶ 12", "прим. 3", "heading"."""
        kind, n = mark
        if kind == "paragraph":
            return f"¶ {n}" if n else ""
        label = self.gettext(_PLACE_LABELS[kind])
        return label % {"n": n} if kind == "note" else label

    def in_words(self, summary: DocumentSummary) -> DocumentSummary:
        """A document's summary made in another interface language, in this one's words: its places' labels
        and its dates in words are all it holds of the interface (the rest is the TEI's)."""
        summary = summary.relocated(self._relabelled)
        return replace(summary, dates=[changed(d, "label", self.date_range_words(d.start, d.end))
                                       for d in summary.dates])

    def _relabelled(self, locus: Locus) -> Locus:
        """The locus with its place's label in these words (itself where they are the same: "¶ 12")."""
        label = self.place_label(locus.mark)
        return locus if label == locus.label else changed(locus, "label", label)

    def all_in_words(self, summaries: list[DocumentSummary]) -> list[DocumentSummary]:
        """in_words of every summary; one put in these words by the call before is not made again."""
        before, self._in_words = self._in_words, {}
        for summary in summaries:
            made = before.get(id(summary))
            self._in_words[id(summary)] = made if made is not None and made[0] is summary \
                else (summary, self.in_words(summary))
        return [self._in_words[id(summary)][1] for summary in summaries]

    def language_label(self, code: str) -> str:
        return self.pack.language_names.get(code.split("-")[0], code)

    def iso_date_words(self, value: str) -> str | None:
        """'1925-01-20' → '20 января 1925 г.'; '1925-01' → 'январь 1925 г.'; '1925' → '1925 г.'."""
        match = _ISO.fullmatch(value or "")
        if not match:
            return None
        year, month, day = match.groups()
        if day and month and 1 <= int(month) <= 12:
            return self.pack.date_day.format(
                day=int(day), month=self.pack.months_day[int(month) - 1], year=int(year)
            )
        if month and 1 <= int(month) <= 12:
            return self.pack.date_month.format(month=self.pack.months_alone[int(month) - 1], year=int(year))
        return self.pack.date_year.format(year=int(year))

    def date_range_words(self, start: str | None, end: str | None) -> str:
        """A date or a range in words: '1921–1923 гг.', '5 сентября – 10 октября 1921 г.'."""
        if start and end and start != end:
            a, b = _ISO.fullmatch(start), _ISO.fullmatch(end)
            if a and b and a.group(2) is None and b.group(2) is None:
                return self.pack.date_years.format(start=int(a.group(1)), end=int(b.group(1)))
            left, right = self.iso_date_words(start) or start, self.iso_date_words(end) or end
            # in one year, the year is said once, at the end
            year = " " + self.pack.date_year.format(year=int(a.group(1))) if a else None
            if a and b and a.group(1) == b.group(1) and left.endswith(year):
                left = left[: -len(year)]
            return f"{left} – {right}"
        value = start or end or ""
        return self.iso_date_words(value) or value

    def life_span(self, birth: str | None, death: str | None) -> str:
        """'1889–1937', or '20 января 1889 г. — 1937 г.'; '?' for a date not known."""
        if all(value is None or re.fullmatch(r"-?\d{4}", value) for value in (birth, death)):
            return f"{birth or '?'}–{death or '?'}"
        return f"{self.iso_date_words(birth) or birth or '?'} — {self.iso_date_words(death) or death or '?'}"


@cache
def site_words(lang: str, theme: tuple[Path, ...] | None = None) -> SiteWords:
    """The interface words of ``lang`` with the catalogs of the theme's folders (the packaged theme's when
    none are given); English words for a language without a catalog, English dates without a pack."""
    return SiteWords(lang, theme or (packaged_theme(),))


def year_of(value: str) -> str:
    match = _ISO.match(value or "")
    return str(int(match.group(1))) if match else "—"


def sort_key(text: str) -> tuple:
    """Alphabetical order for a Russian edition: Cyrillic first, then Latin, then anything else; ё = е."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    folded = re.sub(r"^[\W_]+", "", folded)
    first = folded[:1]
    script = 0 if "а" <= first <= "я" else 1 if "a" <= first <= "z" else 2
    return (script, folded)


def initial(text: str) -> str:
    folded = re.sub(r"^[\W_]+", "", unicodedata.normalize("NFKC", text))
    letter = folded[:1].upper().replace("Ё", "Е")
    return letter if letter.isalpha() else "#"


_SPACE_RUN = re.compile(r"[ \t\r\n]+")
_SPACE = re.compile(r"\s")
_LAST_SPACE = re.compile(r"\s(?=\S*\Z)")


def collapse(text: str) -> str:
    """Whitespace runs to one space (a no-break space is kept as the text's own choice)."""
    return _SPACE_RUN.sub(" ", text).strip()


def snippet(text: str, start: int, end: int, width: int = 90) -> Snippet:
    """The words around text[start:end], cut at word boundaries, with '…' where cut."""
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    if start - width > 0:
        cut = _SPACE.search(before)
        before = "…" + (before[cut.end() :] if cut else before)
    if end + width < len(text):
        last = _LAST_SPACE.search(after)
        after = (after[: last.start()] if last else after) + "…"
    return Snippet(collapse_keep_edges(before), collapse(text[start:end]), collapse_keep_edges(after))


def collapse_keep_edges(text: str) -> str:
    """Like collapse(), but a leading or trailing space stays (it separates the snippet from the match)."""
    return _SPACE_RUN.sub(" ", text)
