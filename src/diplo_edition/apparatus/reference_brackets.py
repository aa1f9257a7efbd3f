"""Brackets that cite the numbered reference list: ``[1. Л. 129а]``, ``[12. Д. 27. Л. 8–9]``, ``[3]``."""

from __future__ import annotations

import re

from ..languages import alternation
from ..languages._patterns import DASH
from .citation_parts import FOLIO, FOND, PACKS, CitationCandidate, cited_range
from .series import volume_number
from .spans import Span

_LABEL_OF = {  # a locator word, case-folded -> (element, its type or unit)
    **{w.casefold(): ("idno", "fond") for p in PACKS for w in p.fond_words},
    **{w.casefold(): ("idno", "inventory") for p in PACKS for w in p.inventory_words},
    **{w.casefold(): ("citedRange", "file") for p in PACKS for w in p.file_words},
    **{w.casefold(): ("citedRange", "folio") for p in PACKS for w in p.folio_words},
    **{w.casefold(): ("citedRange", "volume") for p in PACKS for w in p.volume_words},
    **{w.casefold(): ("citedRange", "page") for p in PACKS for w in p.page_words},
}
_LOCATOR_WORD = alternation([w for p in PACKS for words in (p.fond_words, p.inventory_words, p.file_words,
                             p.folio_words, p.volume_words, p.page_words) for w in words])

# one locator of a bracketed citation: label, value or range
_BRACKET_LOC = re.compile(
    rf"(?<![А-Яа-яЁёA-Za-z])(?P<lab>{_LOCATOR_WORD})\s*"
    rf"(?P<a>{FOND}|{FOLIO})(?:\s*{DASH}\s*(?P<b>{FOLIO}))?(?!\d)"
)
_BRACKET = re.compile(r"\[\s*(?P<n>\d{1,3})\s*(?:[.,]\s*(?P<body>[^\[\]]{0,300}?))?\s*\]")


def reference_brackets(
    text: str, doc_id: str, references: dict[int, str], series_references: dict[int, str]
) -> list[CitationCandidate]:
    """Each bracket that cites reference N of the document's list, with its locators (pointing to entry N
    where the list has it); a reference that names a printed series (series_references) also gets the
    series key of the page it cites."""
    out = []
    for m in _BRACKET.finditer(text):
        n = int(m["n"])
        body = m["body"]
        if n == 0:
            continue
        children: list[Span] = []
        volume: str | None = None
        page: str | None = None
        ok = True
        if body:
            pos = m.start("body")
            end = m.end("body")
            for loc in _BRACKET_LOC.finditer(text, pos, end):
                if not re.fullmatch(r"[\s.,;]*", text[pos : loc.start()]):
                    ok = False
                    break
                element, unit = _LABEL_OF[loc["lab"].casefold()]
                if element == "idno":
                    children.append(Span(loc.start("a"), loc.end("a"), "idno", {"type": unit}))
                else:
                    span = cited_range(loc, "lab", "a", "b", unit)
                    children.append(span)
                    if unit == "volume" and volume is None:
                        volume = span.attrs["from"]
                    if unit == "page" and page is None:
                        page = span.attrs["from"]
                pos = loc.end()
            ok = ok and bool(children) and re.fullmatch(r"[\s.,;]*", text[pos:end]) is not None
        elif n not in references:
            ok = False
        if not ok:
            # an unread bracket starting with a number is still no place for a shelfmark
            out.append(CitationCandidate(m.start(), m.end(), "block"))
            continue
        # A reference list that is not in the source: the citation is shown as printed, pointing nowhere.
        attrs = {"type": "reference"}
        if n in references:
            attrs["corresp"] = f"#{doc_id}-ref-{n}"
        if n in series_references and page and page.isdigit():
            number = volume_number(volume) if volume and volume.isdigit() else None
            attrs["n"] = f"{series_references[n]}-{number or 'x'}-{int(page)}"
        out.append(CitationCandidate(m.start(), m.end(), "reference", attrs, children))
    return out
