"""Where a note's marker stands in the running text: its label glued to a word, a quote or a stop, or
standing between spaces; "(n)", "[n]", "n)", "*"; or, in OCR, a quote read for a superscript digit (taken by
its order only). A number that is a year, a quantity, a page, a volume or a document number is never a
marker.
"""

from __future__ import annotations

import re

from ..languages import alternation, packs
from ..model.layout import Marker
from ..model.lines import Line
from .evidence import is_page_number_line
from .headings import heading_level
from .note_labels import NOTE_SYMBOLS, Label

# Words after a number that make it a quantity or a date, not a footnote marker.
QUANTITY_WORDS = re.compile(
    r"^(?:г\.|гг\.|год|лет|года|век|в\.|вв\.|%|чел|тыс|млн|млрд|руб|км|верст|пункт|стат|ст\.|ч\.|марта|"
    r"января|февраля|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"years?|per|percent)",
    re.IGNORECASE,
)
# Words after a number that make it a year (the language packs' "г.", "год").
YEAR_WORDS = re.compile(rf"^{alternation([w for p in packs() for w in p.year_words])}(?![^\W\d_])")
# Abbreviations after which a number is a locator (page, volume, number), not a marker.
LOCATOR_BEFORE = re.compile(r"(?:№|\b[ТтСсПпЧчЛлДдФф]\.|\bст\.|\bгл\.|\bp\.|\bNo\.)\s*$")
# The same from the language packs: chapter, volume, page and document words ("Глава 2", "vol. 3",
# "p. 12", "Документ 1"), as printed or in capitals.
_PACK_LOCATORS = [
    w for p in packs() for word in (*p.chapter_words, *p.volume_words, *p.page_words, *p.document_words)
    for w in (word, word.upper())
]
PACK_LOCATOR_BEFORE = re.compile(rf"(?:^|\s){alternation(_PACK_LOCATORS)}\s*$")
# A superscript digit as the OCR reads it, glued after a word or a stop.
OCR_MARKS = "'\"“"



def _digit_candidates(text: str, n: int) -> list[tuple[int, int, bool]]:
    """Spans (start, end, glued) where the number n could be a footnote marker in a line of running text."""
    out = []
    digits = str(n)
    if digits not in text or text.strip().isdigit():
        return out  # no such number; or a page or document number alone on its line
    in_heading = heading_level(text) is not None
    out.extend([] if in_heading else _after_a_year(text, digits))
    for m in re.finditer(rf"(?<!\d){digits}(?!\d)", text):
        start, end = m.start(), m.end()
        before = text[:start]
        after = text[end:]
        prev = before[-1:] if before else ""
        if after[:1].isupper():
            out.append((start, end, True))  # "Д.231Прибытие": the OCR lost the space after the marker
            continue
        if after[:1].isalpha() or re.match(r"^[.,]\d|^[-‐‑–]", after):
            continue  # 20-х, 13.02, 1920е: part of a word or a number
        if prev and (prev.isalpha() or prev in '»"”’).,;:!?]'):
            out.append((start, end, True))
            continue
        if prev == "" or prev.isspace():
            if LOCATOR_BEFORE.search(before) or PACK_LOCATOR_BEFORE.search(before):
                continue
            if re.search(r"\d\s*$", before) or QUANTITY_WORDS.match(after.lstrip()):
                continue
            if not before.strip() and re.match(r"^[.)]", after) or in_heading:
                continue  # "1." or "1)" opening a line (a list item), a number in a heading
            # Take the space before the marker with it; a space before following punctuation too.
            cut_start = len(before.rstrip())
            tail = re.match(r"^\s+(?=[,.;:)!?])", after)
            cut_end = end + (tail.end() if tail else 0)
            out.append((cut_start, cut_end, False))
    return sorted(out)


def _after_a_year(text: str, digits: str) -> list[tuple[int, int, bool]]:
    """A superscript glued to a year, as the extraction runs them together ("19255 opened", "19252 г."):
    the number reads a year then the label. Spaced, so that a marker glued to a word wins over it."""
    out = []
    for m in re.finditer(rf"(?<![\d.,])(?P<year>1[5-9]\d\d|20\d\d){digits}(?!\d|[.,]\d|[-‐‑–]\d)", text):
        after = text[m.end() :].lstrip()
        before = text[: m.start()]
        if LOCATOR_BEFORE.search(before) or PACK_LOCATOR_BEFORE.search(before):
            continue
        if QUANTITY_WORDS.match(after) and not YEAR_WORDS.match(after):
            continue  # "15001 руб.": a sum, not a year and a marker
        out.append((m.end("year"), m.end(), False))
    return out


def _pattern_candidates(text: str, pattern: str, glued_only: bool) -> list[tuple[int, int, bool]]:
    """Spans of a marker written in full ("(3)", "[3]", "3)", "*"), glued or (if allowed) spaced."""
    out = []
    for m in re.finditer(pattern, text):
        before = text[: m.start()]
        glued = bool(before) and not before[-1].isspace()
        if not before.strip() or (glued_only and not glued):
            continue  # at the start of a line, it opens a list item or a separator
        out.append((m.start() if glued else len(before.rstrip()), m.end(), glued))
    return out


def _ocr_candidates(text: str) -> list[tuple[int, int, bool]]:
    """A quote glued after a word or a stop that opens no quotation: a superscript digit read by the OCR."""
    out = []
    for m in re.finditer(r"(?<=[^\W\d_]|[.,;:»)])[" + OCR_MARKS + r"](?=\s|$|[,.;:])", text):
        before = text[: m.start()]
        mark = m.group()
        opened = before.count('"') % 2 == 1 if mark == '"' else bool(re.search("[„“‘'«]", before))
        if not opened:
            out.append((m.start(), m.end(), True))
    return out


def marker_candidates(text: str, label: Label) -> list[tuple[int, int, bool]]:
    n = re.escape(label.value)
    one = "|l|I" if label.value == "1" else ""
    if label.style == "paren":
        return _pattern_candidates(text, rf"\((?:{n}{one})\)", glued_only=False)
    if label.style == "bracket":
        return _pattern_candidates(text, rf"\[(?:{n}{one})\]", glued_only=False)
    if label.style == "closing":
        return _pattern_candidates(text, rf"(?<![\d(]){n}\)", glued_only=True)
    if label.style == "symbol":
        symbols = re.escape(NOTE_SYMBOLS)
        printed = n.replace(r"\*", "[*∗]")  # the label reads "*"; the text may print "∗"
        return _pattern_candidates(text, rf"(?<![{symbols}]){printed}(?![{symbols}])", glued_only=True)
    if label.style == "dotted":  # the label "1." says nothing of the marker: a superscript or "(1)"
        paren = _pattern_candidates(text, rf"\((?:{n}{one})\)", glued_only=False)
        return sorted(paren + _digit_candidates(text, int(label.value)))
    return _digit_candidates(text, int(label.value))


def find_marker(
    lines: list[Line], region: range, label: Label, after: tuple[int, int],
    taken: frozenset[int] = frozenset(),
) -> tuple[Marker | None, str]:
    """The first marker of the label in the region after ``after`` (glued markers win over spaced ones),
    and how it was decided: "label", or "order" for an OCR-garbled superscript digit."""
    spaced = garbled = None
    for i in region:
        line = lines[i]
        if i in taken or line.blank or is_page_number_line(lines, i):
            continue
        for start, end, glued in marker_candidates(line.text, label):
            if (i, start) < after:
                continue
            if glued:
                return Marker(i, start, end, True), "label"
            if spaced is None:
                spaced = Marker(i, start, end, False)
        if garbled is None and label.style == "digit" and len(label.value) == 1:
            found = [s for s in _ocr_candidates(line.text) if (i, s[0]) >= after]
            if found:
                garbled = Marker(i, found[0][0], found[0][1], True)
    if spaced is not None:
        return spaced, "label"
    return (garbled, "order") if garbled is not None else (None, "")




def markers_in_order(
    lines: list[Line], region: range, labels: list[Label], taken: frozenset[int] = frozenset()
) -> list[Marker | None]:
    """The markers of a run of notes, in the order of the notes, chosen together: as many notes linked as
    the text allows, glued markers preferred. Taking the first marker of each note in turn can take a
    number standing far ahead and leave every note after it with none."""
    usable = [i for i in region
              if i not in taken and not lines[i].blank and not is_page_number_line(lines, i)]
    spots = [[Marker(i, start, end, glued) for i in usable
              for start, end, glued in marker_candidates(lines[i].text, label)] for label in labels]
    # (linked, glued) of the best chain ending with note k at its candidate c, and the link before it
    best: dict[tuple[int, int], tuple[tuple[int, int], tuple[int, int] | None]] = {}
    for k, here in enumerate(spots):
        for c, spot in enumerate(here):
            score, link = (1, int(spot.glued)), None
            for (pk, pc), (prior, _) in best.items():
                if pk == k:
                    continue  # one marker per note
                before = spots[pk][pc]
                total = (prior[0] + 1, prior[1] + int(spot.glued))
                if (before.line, before.start) < (spot.line, spot.start) and total > score:
                    score, link = total, (pk, pc)
            best[(k, c)] = (score, link)
    chosen: list[Marker | None] = [None] * len(labels)
    node = max(best, key=lambda key: best[key][0], default=None)
    while node is not None:
        chosen[node[0]] = spots[node[0]][node[1]]
        node = best[node][1]
    return chosen
