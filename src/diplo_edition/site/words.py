"""Words of the site in Russian: labels, dates in words, plural forms, sorting of names, snippets."""

from __future__ import annotations

import re
import unicodedata

from .model import Snippet

KINDS = {"article": "Статья", "thesis": "Квалификационная работа", "textbook-chapter": "Глава учебника"}
LANGUAGES = {
    "ru": "русский",
    "en": "английский",
    "de": "немецкий",
    "fr": "французский",
    "ja": "японский",
    "zh": "китайский",
}
REGISTER_TITLES = {"person": "Персоналии", "place": "Географические названия", "org": "Организации"}
ABSTRACT_TITLES = {"ru": "Аннотация", "en": "Abstract"}
KEYWORD_TITLES = {"ru": "Ключевые слова", "en": "Keywords"}

MONTHS_GENITIVE = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)
MONTHS_NOMINATIVE = (
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
)

ACCESS_DATE_PLACEHOLDER = "ДД.ММ.ГГГГ"
_ISO = re.compile(r"(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def kind_label(kind: str) -> str:
    return KINDS.get(kind, kind)


def language_label(code: str) -> str:
    return LANGUAGES.get(code.split("-")[0], code)


def plural(n: int, one: str, few: str, many: str) -> str:
    """Russian plural: 1 упоминание, 2 упоминания, 5 упоминаний."""
    if n % 10 == 1 and n % 100 != 11:
        word = one
    elif 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        word = few
    else:
        word = many
    return f"{n} {word}"


def iso_date_words(value: str) -> str | None:
    """'1925-01-20' → '20 января 1925 г.'; '1925-01' → 'январь 1925 г.'; '1925' → '1925 г.'."""
    match = _ISO.fullmatch(value or "")
    if not match:
        return None
    year, month, day = match.groups()
    if day and month and 1 <= int(month) <= 12:
        return f"{int(day)} {MONTHS_GENITIVE[int(month) - 1]} {int(year)} г."
    if month and 1 <= int(month) <= 12:
        return f"{MONTHS_NOMINATIVE[int(month) - 1]} {int(year)} г."
    return f"{int(year)} г."


def date_range_words(start: str | None, end: str | None) -> str:
    """A date or a range in words: '1921–1923 гг.', '5 сентября – 10 октября 1921 г.'."""
    if start and end and start != end:
        a, b = _ISO.fullmatch(start), _ISO.fullmatch(end)
        if a and b and a.group(2) is None and b.group(2) is None:
            return f"{int(a.group(1))}–{int(b.group(1))} гг."
        left, right = iso_date_words(start) or start, iso_date_words(end) or end
        if a and b and a.group(1) == b.group(1) and left.endswith(" г."):
            left = left[: -len(f" {int(a.group(1))} г.")]
        return f"{left} – {right}"
    value = start or end or ""
    return iso_date_words(value) or value


def life_span(birth: str | None, death: str | None) -> str:
    """'1889–1937', or '20 января 1889 г. — 1937 г.'; '?' for a date not known."""
    if all(value is None or re.fullmatch(r"-?\d{4}", value) for value in (birth, death)):
        return f"{birth or '?'}–{death or '?'}"
    return f"{iso_date_words(birth) or birth or '?'} — {iso_date_words(death) or death or '?'}"


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
