"""Words of the site: the interface in the collection's first language (its pack), and the language-free
helpers (sorting of names, snippets).

``site_words(lang)`` gives the interface words of one language: labels, dates in words, plural forms.
The interface language is the collection's first language (``languages.interface_language``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ..languages import pack, packs
from .model import Snippet

# The heading of an abstract and of its keywords, in the abstract's own language.
ABSTRACT_TITLES = {p.code: p.abstract_title for p in packs()}
KEYWORD_TITLES = {p.code: p.keywords_title for p in packs()}
_ISO = re.compile(r"(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class SiteWords:
    """The interface words of the site in one language, read from its pack."""

    def __init__(self, lang: str):
        self.pack = pack(lang)
        self.lang = lang
        self.register_titles = self.pack.register_titles
        self.access_date_placeholder = self.pack.access_date_placeholder

    def kind_label(self, kind: str | None) -> str:
        return self.pack.kind_labels.get(kind, kind) if kind else ""

    def language_label(self, code: str) -> str:
        return self.pack.language_names.get(code.split("-")[0], code)

    def plural(self, n: int, one: str, few: str, many: str) -> str:
        """A count with its word in the form the count takes: 1 упоминание, 2 упоминания, 5 упоминаний."""
        return f"{n} {(one, few, many)[self.pack.plural(n)]}"

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
def site_words(lang: str) -> SiteWords:
    """The interface words of ``lang`` (English for a language without a pack)."""
    return SiteWords(lang)


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


def collapse(text: str) -> str:
    """Whitespace runs to one space (a no-break space is kept as the text's own choice)."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def snippet(text: str, start: int, end: int, width: int = 90) -> Snippet:
    """The words around text[start:end], cut at word boundaries, with '…' where cut."""
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    if start - width > 0:
        cut = re.search(r"\s", before)
        before = "…" + (before[cut.end() :] if cut else before)
    if end + width < len(text):
        spaces = [m.start() for m in re.finditer(r"\s", after)]
        after = (after[: spaces[-1]] if spaces else after) + "…"
    return Snippet(collapse_keep_edges(before), collapse(text[start:end]), collapse_keep_edges(after))


def collapse_keep_edges(text: str) -> str:
    """Like collapse(), but a leading or trailing space stays (it separates the snippet from the match)."""
    inner = re.sub(r"[ \t\r\n]+", " ", text)
    return inner
