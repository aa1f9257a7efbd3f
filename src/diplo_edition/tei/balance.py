"""The letter balance of a document: every letter and digit of the raw sources is in the TEI or was
removed by a rule, and each removal is found where it sits in the raw text.

It is checked from the raw files and the TEI alone, not from what the passes report about themselves:
the note labels, markers, specks, separators, labels of abstracts and second copies that were taken out
are found in the raw lines (``raw_lines.py``), and a raw line whose letters the TEI lacks is named at its
raw line; the running heads and page numbers found at the page edges of each raw file must be forme work
(``fw``) in the TEI, so a head left in the reading text shows up, named at its raw line; and each form
feed that opens a page must have its page break (``pb``). Only what no raw line can show (the labels and
copies of files the balance is not given) is taken as the passes recorded it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from ..layout.furniture import find_furniture, head_key
from ..model.layout import PageFurniture
from ..model.lines import Line, count_letters
from .raw_lines import RawLines, place_raw_lines
from .validate import SAFE_PARSER

TEXT_OF_THE_SOURCES = (
    "//t:text/t:body | //t:text/t:back | //t:profileDesc/t:abstract | //t:profileDesc/t:textClass/t:keywords"
)
NS = {"t": "http://www.tei-c.org/ns/1.0"}
CORR = "{http://www.tei-c.org/ns/1.0}corr"
SHOWN_LINES = 5
# The rules whose removals the balance finds itself where they sit in the raw lines (see raw_lines.py);
# the last two may also remove letters of other files than the body's (a copy, an abstract file): they are
# found so only when the balance is given every raw file.
FOUND_IN_BODY_LINES = ("footnote-label", "footnote-marker", "page-edge-speck", "separator")
FOUND_IN_ALL_LINES = ("label", "duplicate-copy")


def tei_letters(tei: bytes) -> Counter:
    """Letters and digits of the TEI that come from the sources (not the editorial header), without the
    editor's corrections (corr), which no source printed."""
    return _source_letters(etree.fromstring(tei, SAFE_PARSER))


def _source_letters(root: etree._Element) -> Counter:
    """tei_letters of a parsed TEI (its corr elements are stripped from the tree)."""
    etree.strip_elements(root, CORR, with_tail=False)
    counted: Counter = Counter()
    for el in root.xpath(TEXT_OF_THE_SOURCES, namespaces=NS):
        counted.update(count_letters("".join(el.itertext())))
    return counted


@dataclass(frozen=True)
class Furniture:
    """The page furniture of the raw files against the forme work and page breaks of the TEI."""

    heads: int = 0  # running heads and feet found in the raw files
    numbers: int = 0  # page numbers found at the page edges of the raw files
    form_feeds: int = 0  # form feeds that open a page
    heads_in_text: list[str] = field(default_factory=list)  # file:line of heads not kept as fw
    numbers_in_text: list[str] = field(default_factory=list)
    page_breaks: int = 0  # pb elements of the TEI

    def __str__(self) -> str:
        if not (self.heads or self.numbers or self.form_feeds):
            return ""
        parts = [f"page furniture: {self.heads} running heads, {self.numbers} page numbers, "
                 f"{self.form_feeds} form feeds"]
        for what, where in (("running heads", self.heads_in_text), ("page numbers", self.numbers_in_text)):
            if where:
                parts.append(f"{len(where)} {what} in the reading text ({_shown(where)})")
        if self.page_breaks < self.form_feeds:
            parts.append(f"{self.form_feeds - self.page_breaks} form feeds without a page break")
        return "; ".join(parts)


def _shown(places: list[str]) -> str:
    return ", ".join(places[:SHOWN_LINES]) + (" …" if len(places) > SHOWN_LINES else "")


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _missing(found: list[tuple[str, Line]], kept: Counter) -> list[str]:
    """Where the raw items that the TEI does not keep stand (file:line)."""
    left = Counter(kept)
    out = []
    for key, line in found:
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(f"{line.source}:{line.number}")
    return out


def furniture_balance(
    sources: dict[str, list[Line]], root: etree._Element, found: dict[str, PageFurniture]
) -> Furniture:
    """The running heads, page numbers and form feeds of the raw files (``found`` at their page edges),
    and whether the TEI keeps them."""
    heads: list[tuple[str, Line]] = []
    numbers: list[tuple[str, Line]] = []
    form_feeds = 0
    for name, lines in sources.items():
        furniture = found[name]
        form_feeds += sum(1 for i in furniture.form_feeds if any(not x.blank for x in lines[i + 1 :]))
        for item in furniture.items:
            line = lines[item.line]
            text = line.text[item.start : item.end].strip()
            if item.kind == "header" and head_key(text):
                heads.append((head_key(text), line))
            elif item.kind == "pageNum":
                numbers.append((_digits(text), line))
    fw = {kind: Counter() for kind in ("header", "pageNum")}
    for el in root.iterfind(".//t:text//t:fw", NS):
        text = "".join(el.itertext())
        if el.get("type") in fw:
            fw[el.get("type")][head_key(text) if el.get("type") == "header" else _digits(text)] += 1
    return Furniture(
        len(heads), len(numbers), form_feeds, _missing(heads, fw["header"]), _missing(numbers, fw["pageNum"]),
        len(root.findall(".//t:text//t:pb", NS)),
    )


@dataclass(frozen=True)
class Balance:
    raw: int
    in_tei: int
    removed: dict[str, int]
    lost: Counter
    added: Counter
    furniture: Furniture = field(default_factory=Furniture)
    not_in_tei: list[str] = field(default_factory=list)  # file:line of raw lines whose letters the TEI lacks

    @property
    def holds(self) -> bool:
        return not self.lost and not self.added and not self.not_in_tei

    def __str__(self) -> str:
        rules = ", ".join(f"{rule} {count}" for rule, count in sorted(self.removed.items())) or "nothing"
        verdict = "balanced"
        if not self.holds:
            verdict = f"LOST {sum(self.lost.values())}, ADDED {sum(self.added.values())}"
        if self.not_in_tei:
            verdict += f", {len(self.not_in_tei)} raw lines not in the TEI ({_shown(self.not_in_tei)})"
        removed = sum(self.removed.values())
        furniture = f"; {self.furniture}" if str(self.furniture) else ""
        return f"raw {self.raw} = TEI {self.in_tei} + removed {removed} ({rules}): {verdict}{furniture}"


def letter_balance(
    raw_letters: Counter, tei: bytes, removed: Counter, sources: dict[str, list[Line]] | None = None,
    all_sources: dict[str, list[Line]] | None = None, running_heads: tuple[str, ...] = (),
) -> Balance:
    """Compare the raw letters with the TEI's plus the removals recorded as (rule, character) counts, and
    the page furniture of the raw body ``sources`` with the TEI's forme work. Each raw line of
    ``all_sources`` (every raw file; the body's when not given) is found in the TEI; ``running_heads``:
    those the edition file declares."""
    root = etree.fromstring(tei, SAFE_PARSER)  # parsed once: the forme work is read before corr is stripped
    # The page edges of the body files, read once for both checks.
    found = {name: find_furniture(lines, running_heads) for name, lines in (sources or {}).items()}
    furniture = furniture_balance(sources, root, found) if sources else Furniture()
    in_tei = _source_letters(root)
    parts = root.xpath(TEXT_OF_THE_SOURCES, namespaces=NS)
    every = all_sources or sources
    placed = place_raw_lines(every, root, parts, raw_letters, running_heads, found) if every else None
    removed_chars: Counter = Counter()
    by_rule: dict[str, int] = {}
    for (rule, char), count in _removals(removed, placed).items():
        removed_chars[char] += count
        by_rule[rule] = by_rule.get(rule, 0) + count
    accounted = in_tei + removed_chars
    lost, added = raw_letters - accounted, accounted - raw_letters
    return Balance(
        sum(raw_letters.values()), sum(in_tei.values()), by_rule, lost, added, furniture,
        placed.not_in_tei if placed else [],
    )


def _removals(reported: Counter, placed: RawLines | None) -> Counter:
    """The (rule, character) counts of the letters taken out: as found where they sit in the raw lines
    (see raw_lines.py), not as the passes report them; a rule the raw lines cannot show, as reported."""
    if placed is None:
        return reported
    found_rules = FOUND_IN_BODY_LINES + (FOUND_IN_ALL_LINES if placed.every_file else ())
    out = Counter({key: n for key, n in reported.items() if key[0] not in found_rules})
    for rule in found_rules:
        out.update({(rule, char): n for char, n in placed.removed.get(rule, Counter()).items() if n > 0})
    return out
