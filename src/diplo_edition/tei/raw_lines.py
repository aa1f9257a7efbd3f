"""Where the letters of each raw line stand in the TEI, found from the raw files and the TEI alone.

Every raw line's letters must appear, in their order, in the TEI's reading text or in one of its notes:
as they are, or without the note label the line opens with, the label of an abstract or of keywords, or
the note markers in it (labels of the TEI's notes). What is cut so is counted by where it sits in the raw
line, not by what the passes say they removed; so are the specks at the page edges, the separator lines
and the lines of a second copy (a witness after the first in the TEI's ``listWit``, less its readings).
A line whose letters are not in the TEI even so is named at its raw line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import combinations

from lxml import etree

from ..layout.furniture import find_furniture
from ..layout.lines import is_separator
from ..layout.paragraphs import ABSTRACT_LABEL, KEYWORDS_LABEL
from ..model.lines import LETTER_OR_DIGIT, Line, count_letters

NS = {"t": "http://www.tei-c.org/ns/1.0"}
TEI = "{http://www.tei-c.org/ns/1.0}"
NOTE = f"{TEI}note"
# Forme work and blocks: their letters run on from no raw line before them nor into one after them.
APART_TAGS = {f"{TEI}{tag}" for tag in ("fw", "p", "head", "div", "item", "ab")}
APART = "\x00"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
# The columns of a line set in two columns stand apart by a wide gap; each is read on its own.
COLUMN_GAP = re.compile(r"\s{3,}")
# A note marker as printed in a line: digits (glued to a word or standing alone) or a bracketed label.
MARKER = re.compile(r"[(\[]\w{1,3}[)\]]|(?<!\d)[\d⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}(?!\d)")
MAX_MARKERS = 6  # candidate markers in one line tried in every combination
# A note label at the start of a line: "12 ", "12. ", "(12) ", "[12] ", "12)".
LABEL = re.compile(r"^\s*[(\[]?(\w{1,4}?)[)\].]?(?=\W|[^\W\d_]|$)")
# A superscript label as pdftotext writes it, alone on its line: "12", "(12)", "[12]", "*" has no letter.
LABEL_ALONE = re.compile(r"[(\[]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}[)\]]?|[(\[]\w{1,3}[)\]]")
# "file, lines 1–3953": a witness of the TEI's listWit.
WITNESS = re.compile(r"^(?P<file>.+), lines (?P<first>\d+)–(?P<last>\d+)$")


def letters(text: str) -> str:
    """The letters and digits of a text, in their order."""
    return "".join(LETTER_OR_DIGIT.findall(text))


def _text_outside_notes(el: etree._Element, notes: list[etree._Element]) -> Iterator[str]:
    if el.text:
        yield el.text
    for child in el:
        if child.tag == NOTE:
            notes.append(child)
        elif child.tag in APART_TAGS:  # a head or page number is no part of the sentence it interrupts,
            yield APART  # and a raw line runs over no paragraph's end
            yield from _text_outside_notes(child, notes)
            yield APART
        elif isinstance(child.tag, str):
            yield from _text_outside_notes(child, notes)
        if child.tail:
            yield child.tail


def _stream(el: etree._Element, notes: list[etree._Element]) -> str:
    """The letters of an element outside its notes (gathered into ``notes``), forme work set apart."""
    return "|".join(letters(part) for part in "".join(_text_outside_notes(el, notes)).split(APART))


@dataclass
class TeiText:
    """The letters of the TEI's reading text and of each note, as one searchable string, and the labels
    of its notes."""

    haystack: str
    labels: set[str]
    notes: str = ""  # the letters of each note, after a "|"
    page_numbers: Counter = field(default_factory=Counter)  # printed page numbers kept as forme work

    @classmethod
    def of(cls, parts: list[etree._Element]) -> TeiText:
        streams: list[str] = []
        notes: list[etree._Element] = []
        for el in parts:
            streams.append(_stream(el, notes))
        labels = set()
        note_streams = []
        while notes:
            note = notes.pop()
            note_streams.append(_stream(note, notes))
            labels.add(letters(note.get("n") or ""))
        page_numbers = Counter(
            letters("".join(fw.itertext()))
            for el in parts
            for fw in el.iterfind(".//t:fw[@type='pageNum']", NS)
        )
        notes_text = "".join(f"|{n}" for n in note_streams)
        return cls("|".join(streams) + notes_text, labels - {""}, notes_text, page_numbers)

    cursor: int = 0  # where the last line was found: the next one is most often just after it
    begun: set[int] = field(default_factory=set)  # the notes whose first line was found (where in notes)

    def has(self, text: str) -> bool:
        if not text:
            return True
        at = self.haystack.find(text, self.cursor)
        if at < 0:
            at = self.haystack.find(text)
        if at >= 0:
            self.cursor = at + len(text)
        return at >= 0

    def begins_note(self, text: str) -> bool:
        """Whether the letters of the text begin one of the notes not yet begun by another raw line (it is
        then taken: each note has one label)."""
        if not letters(text):
            return False
        at = self.notes.find(f"|{letters(text)}")
        while at >= 0 and at in self.begun:
            at = self.notes.find(f"|{letters(text)}", at + 1)
        if at >= 0:
            self.begun.add(at)
        return at >= 0


@dataclass
class RawLines:
    """The letters taken out of the raw lines, by rule, as found where they sit; the lines not in the TEI."""

    removed: dict[str, Counter] = field(default_factory=dict)
    not_in_tei: list[str] = field(default_factory=list)  # file:line
    every_file: bool = False  # the lines were those of every raw file of the document

    def take(self, rule: str, text: str) -> None:
        self.removed.setdefault(rule, Counter()).update(count_letters(text))


def _marker_cuts(text: str, labels: set[str]) -> Iterator[tuple[str, str]]:
    """The text without some of the note markers in it (one, then two, …), with the letters cut. A marker
    follows the text it refers to: what opens the line is none."""
    found = [
        (m.start(), m.end())
        for m in MARKER.finditer(text)
        if letters(m.group(0)) in labels and text[: m.start()].strip()
    ]
    for size in range(1, min(len(found), MAX_MARKERS) + 1):
        for spans in combinations(found, size):
            kept, cut, at = [], [], 0
            for start, end in spans:
                kept.append(text[at:start])
                cut.append(text[start:end])
                at = end
            kept.append(text[at:])
            yield "".join(kept), "".join(cut)


def _openings(piece: str, tei: TeiText) -> list[tuple[str, str, str]]:
    """The ways a piece of a raw line may open: (rule, what it opens with, the rest). A note label is one
    of the TEI's, or what stands before the beginning of a note (a label the OCR misread: "З" for 3)."""
    out = [("", "", piece)]
    label = LABEL.match(piece)
    if label and (letters(label.group(1)) in tei.labels or tei.begins_note(piece[label.end() :])):
        out.append(("footnote-label", label.group(1), piece[label.end() :]))
    for pattern in (ABSTRACT_LABEL, KEYWORDS_LABEL):
        m = pattern.match(piece)
        if m:
            out.append(("label", m.group("label"), m.group("rest")))
    return out


def _place(piece: str, following: str, tei: TeiText, found: RawLines) -> bool:
    """Whether the letters of a piece of a raw line are in the TEI, cutting what opens it or markers.

    A few letters alone on their line are surely somewhere in the TEI: they are a note's label (as
    pdftotext writes a superscript) if the line ``following`` begins a note, else a page number the TEI
    keeps, else a label of one of its notes; else they stand in the text. A line whose rest begins a note
    opens with that note's label."""
    if LABEL_ALONE.fullmatch(piece.strip()):
        alone = letters(piece)
        if not tei.begins_note(following) and tei.page_numbers[alone] > 0:
            tei.page_numbers[alone] -= 1  # a page number the layout found, not the raw page edges
            return True
        if alone in tei.labels or tei.begins_note(following):
            found.take("footnote-label", piece)
            return True
    label = LABEL.match(piece)
    if label and tei.begins_note(piece[label.end() :]):  # surer than the few letters of a short line
        found.take("footnote-label", label.group(1))
        return True
    if tei.has(letters(piece)):
        return True
    for rule, opening, rest in _openings(piece, tei):
        if rule and tei.has(letters(rest)):
            found.take(rule, opening)
            return True
        for kept, markers in _marker_cuts(rest, tei.labels):
            if tei.has(letters(kept)):
                if rule:
                    found.take(rule, opening)
                found.take("footnote-marker", markers)
                return True
    return False


def pieces(line: Line) -> list[str]:
    """The parts of a raw line apart by a wide gap (the columns of a page set in two), with letters."""
    return [p for p in COLUMN_GAP.split(line.text) if letters(p)]


def _second_copies(root: etree._Element) -> tuple[dict[str, range], Counter]:
    """The raw lines of each copy after the first, by file (from the TEI's listWit), and the letters of
    the TEI that come from those copies (their variant readings, a page number only they printed)."""
    spans: dict[str, range] = {}
    ids = set()
    for witness in root.findall(".//t:listWit/t:witness", NS)[1:]:
        m = WITNESS.match("".join(witness.itertext()))
        if m:
            spans[m["file"]] = range(int(m["first"]), int(m["last"]) + 1)
            ids.add(f"#{witness.get(XML_ID)}")
    kept: Counter = Counter()
    for el in root.iterfind(".//t:text//*[@source]", NS):
        if el.get("source") in ids:
            kept.update(count_letters("".join(el.itertext())))
    for rdg in root.iterfind(".//t:text//t:rdg", NS):
        if set(rdg.get("wit", "").split()) & ids:
            kept.update(count_letters("".join(rdg.itertext())))
    return spans, kept


def place_raw_lines(
    sources: dict[str, list[Line]], root: etree._Element, parts: list[etree._Element], raw_letters: Counter
) -> RawLines:
    """Each raw line of the sources found in the TEI text ``parts`` (body, back, abstracts, keywords) of
    the TEI ``root``, and what was taken out of it; ``raw_letters`` are those of every raw file."""
    tei = TeiText.of(parts)
    given: Counter = Counter()
    for lines in sources.values():
        given.update(count_letters("".join(line.text for line in lines)))
    found = RawLines(every_file=given == raw_letters)
    copies, kept_from_copies = _second_copies(root)
    duplicates: list[str] = []
    for lines in sources.values():
        furniture = {item.line: item for item in find_furniture(lines).items}
        text_lines = [i for i, line in enumerate(lines) if not line.blank]
        following = {i: lines[j].text for i, j in zip(text_lines, text_lines[1:], strict=False)}
        for i, line in enumerate(lines):
            edge = furniture.get(i)
            if line.number in copies.get(line.source, ()):
                duplicates.append(line.text)
            elif edge and edge.kind == "speck":
                found.take("page-edge-speck", line.text)
            elif edge:  # a running head or page number: forme work in the TEI (see balance.py)
                if edge.kind == "pageNum":
                    tei.page_numbers[letters(line.text[edge.start : edge.end])] -= 1
            elif is_separator(line.text) and not tei.has(letters(line.text)):
                found.take("separator", line.text)
            elif not all(_place(p, following.get(i, ""), tei, found) for p in pieces(line)):
                found.not_in_tei.append(f"{line.source}:{line.number}")
    if copies:
        found.take("duplicate-copy", "\n".join(duplicates))
        found.removed["duplicate-copy"].subtract(kept_from_copies)
    return found
