"""The parts of one entry of a reference list: author, title, place, publisher, year and pages.

Three shapes are read, the ones scholarship in the edition's languages prints:

- Russian (ГОСТ): ``Иванов И. И. Название / И. И. Иванов. – М.: Наука, 1975. – 300 с.``
- English: ``Smith, J. Title. London: Macmillan, 1975, pp. 1–20.``
- French: ``Duroselle, J.-B. La décadence. Paris : Imprimerie nationale, 1979, p. 12.``

A part is tagged only where the entry shows it; an entry with none of them stays as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..languages import alternation, packs
from ..languages._patterns import DASH

_UPPER = r"A-ZА-ЯЁÀ-ÖØ-Þ"
_LOWER = r"a-zа-яёß-öø-ÿ"
_INITIAL = rf"[{_UPPER}][{_LOWER}]?\."
_INITIALS = rf"{_INITIAL}(?:\s?-?\s?{_INITIAL}){{0,2}}"
_SURNAME = rf"[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}][{_LOWER}]+)?"
# "Иванов И. И.", "Smith, J.", "Duroselle, J.-B.", "Smith, John" (a given name after the comma)
AUTHOR = re.compile(
    rf"(?P<author>(?:{_SURNAME},?\s+{_INITIALS}|{_SURNAME},\s+[{_UPPER}][{_LOWER}]+(?=\.\s)"
    rf"|{_INITIALS}\s?{_SURNAME}(?=[,.]))"
    rf"(?:\s*(?:,|and|et|и|&)\s*(?:{_SURNAME},?\s+{_INITIALS}|{_INITIALS}\s?{_SURNAME}))*)"
)
_PLACE = (
    rf"(?:М|Л|СПб|Пг|Киев|[{_UPPER}][{_LOWER}]+(?:[ -][{_UPPER}][{_LOWER}]+)?)\.?"
    rf"(?:\s*;\s*[{_UPPER}][{_LOWER}]*\.?)?"
)
# "М.: Наука, 1975", "London: Macmillan, 1975", "Paris : Imprimerie nationale, 1979", "М., 1975"
IMPRINT = re.compile(
    rf"(?<![\w.])(?P<place>{_PLACE})\s*(?::\s*(?P<publisher>[^,:;/()]{{1,80}}?)\s*)?,\s*"
    rf"(?P<year>1[5-9]\d\d|20\d\d)(?!\d)"
)
YEAR = re.compile(r"(?<![\d№])(?P<year>1[5-9]\d\d|20\d\d)(?![\d-])")
_VOLUME_WORDS = alternation([w for p in packs() for w in p.volume_words])
_PAGE_WORDS = alternation([w for p in packs() for w in p.page_words])
VOLUME = re.compile(rf"(?<![\w]){_VOLUME_WORDS}\s*(?P<v>\d+|[IVXL]+(?!\w))")
PAGES = re.compile(rf"(?<![\w]){_PAGE_WORDS}\s*(?P<a>\d+)(?:\s*{DASH}\s*(?P<b>\d+))?(?!\d)")
# a page count: "300 с.", "xii, 300 p.", "420 pp."
PAGE_COUNT = re.compile(r"(?<![\w.])(?P<count>\d+)\s*(?:с|p|pp|S)\.?(?!\w)")
# where a title ends: the statement of responsibility, the host ("//"), an area ("– "), or the imprint
_TITLE_END = re.compile(
    rf"\s+//|\s+/\s|\.\s*{DASH}\s|\.\s+(?={_PLACE}\s*:|{_VOLUME_WORDS}\s*\d)|\s*\((?={_PLACE}\s*:)"
)
# "12. ", "[12] ", "12) ": an entry's printed number
LABEL = re.compile(r"\s*(?:\[(?P<b>\d{1,3})\]|(?P<n>\d{1,3})[.)])\s*")
# what OCR leaves of a number it lost (". Callender, J. …"): the author is read after it
_LOST_LABEL = re.compile(r"[\s.,]*")


@dataclass
class Part:
    """A part of an entry to tag: text[start:end] as a TEI element."""

    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)


def _title(text: str, start: int, limit: int) -> Part | None:
    stop = _TITLE_END.search(text, start, limit)
    end = stop.start() if stop else limit
    while end > start and text[end - 1] in " .,:;":
        end -= 1
    if end - start < 3 or not re.match(rf"[«\"“„'{_UPPER}{_LOWER}0-9]", text[start]):
        return None
    return Part(start, end, "title")


def bibl_parts(text: str) -> list[Part]:
    """The parts of one reference list entry, in text order, none overlapping."""
    parts: list[Part] = []
    label = LABEL.match(text)
    pos = (label or _LOST_LABEL.match(text)).end()
    author = AUTHOR.match(text, pos)
    if author:
        parts.append(Part(author.start(), author.end(), "author"))
        pos = author.end()
        while pos < len(text) and text[pos] in " .,":
            pos += 1
    imprint = IMPRINT.search(text, pos)
    year = imprint if imprint else YEAR.search(text, pos)
    title_limit = imprint.start() if imprint else (year.start() if year else len(text))
    title = _title(text, pos, title_limit)
    if title:
        parts.append(title)
    after = title.end if title else pos
    if imprint and imprint.start() >= after:
        parts.append(Part(imprint.start("place"), imprint.end("place"), "pubPlace"))
        if imprint["publisher"]:
            parts.append(Part(imprint.start("publisher"), imprint.end("publisher"), "publisher"))
    if year and year.start("year") >= after:
        parts.append(Part(year.start("year"), year.end("year"), "date", {"when": year["year"]}))
        after = year.end("year")
    volume = VOLUME.search(text, after)
    if volume:
        parts.append(Part(volume.start(), volume.end(), "biblScope", {"unit": "volume", "n": volume["v"]}))
        after = volume.end()
    pages = PAGES.search(text, after)
    if pages:
        scope = {"unit": "page", "from": pages["a"], "to": pages["b"] or pages["a"]}
        parts.append(Part(pages.start(), pages.end(), "biblScope", scope))
    else:
        count = PAGE_COUNT.search(text, after)
        if count:
            parts.append(Part(count.start(), count.end(), "biblScope", {"unit": "page"}))
    return sorted(parts, key=lambda p: p.start)
