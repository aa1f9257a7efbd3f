"""Where the letters of each raw line stand in the TEI, found from the raw files and the TEI alone.

Every raw line's letters must appear, in their order, in the TEI's reading text or in one of its notes:
as they are, or without the note label the line opens with, the label of an abstract or of keywords, or
the note markers in it (labels of the TEI's notes). What is cut so is counted by where it sits in the raw
line, not by what the passes say they removed; so are the specks at the page edges, the separator lines
and the lines of a second copy (a witness after the first in the TEI's ``listWit``, less its readings).
A line whose letters are not in the TEI even so is named at its raw line.

A short line's letters may stand in many places of the TEI by chance, so it is anchored by its
neighbours: a line is first looked for right where the line before it was found; a number alone on its
line stands in the text when it runs into the next line's letters there (a heading's number), is a label
when the next line begins a note, and otherwise claims a note's label only when no line sure of its note
has (each note prints its label once). A marker is the label as printed, as the OCR garbled it ("!0" for
10, "З" for 3), or glued to a year ("19255")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import combinations

from lxml import etree

from ..layout.furniture import find_furniture
from ..layout.garbled_marks import GLUED_MARK, SUPERSCRIPT_MARKS, letter_marks
from ..layout.lines import is_separator
from ..layout.paragraphs import ABSTRACT_LABEL, KEYWORDS_LABEL
from ..layout.superscript_reads import compatible
from ..model.layout import PageFurniture
from ..model.lines import Line, count_letters, letters

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
# A number a marker may be glued to (a year: "19255" is 1925 and the marker 5).
GLUED_TO_NUMBER = re.compile(r"(?<!\d)\d{3,6}(?!\d)")
# Inside one block of the TEI's text: page numbers kept as forme work ("|63|") between two raw lines.
PAGE_NUMBERS_BETWEEN = r"(?:\|\d{1,4}\|)*"
# Between two lines of the reading text: nothing, or blocks' ends and page numbers kept as forme work.
OVER_BLOCK_ENDS = re.compile(r"(?:\|\d{0,4})*\|?")
NEAR = 8  # at most this many letters and block ends between two raw lines that follow in the TEI
CONTINUES_LETTERS = 4  # a line of this many letters right where the last one ended stands there
ANCHOR_LETTERS = 12  # a line of this many letters is found in one place of the TEI, not by chance
MAX_MARKERS = 6  # candidate markers in one line tried in every combination
# A note label at the start of a line: "12 ", "12. ", "(12) ", "[12] ", "12)".
LABEL = re.compile(r"^\s*[(\[]?(\w{1,4}?)[)\].]?(?=\W|[^\W\d_]|$)")
# A note label `pdftotext` glued to the last word of running text, the note's text after it: "dé1. AMAE,".
GLUED_LABEL = re.compile(r"(?<=[^\W\d_])(\d{1,3})\.\s+(?=[^\W\d_])")
# A note label alone on its line (a superscript as pdftotext writes it, a label the OCR set apart from its
# note): "12", "12.", "(12)", "[12]"; "*" has no letter.
LABEL_ALONE = re.compile(r"[(\[]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}[)\].]?|[(\[]\w{1,3}[)\]]")
# "file, lines 1–3953": a witness of the TEI's listWit.
WITNESS = re.compile(r"^(?P<file>.+), lines (?P<first>\d+)–(?P<last>\d+)$")


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
    unclaimed: Counter = field(default_factory=Counter)  # labels of notes no raw line has printed yet

    @classmethod
    def of(cls, parts: list[etree._Element]) -> TeiText:
        streams: list[str] = []
        notes: list[etree._Element] = []
        for el in parts:
            streams.append(_stream(el, notes))
        labels: Counter = Counter()
        note_streams = []
        while notes:
            note = notes.pop()
            note_streams.append(_stream(note, notes))
            labels[letters(note.get("n") or "") or note.get("n") or ""] += 1  # a symbol ("§") as it is
        page_numbers = Counter(
            letters("".join(fw.itertext()))
            for el in parts
            for fw in el.iterfind(".//t:fw[@type='pageNum']", NS)
        )
        notes_text = "".join(f"|{n}" for n in note_streams)
        del labels[""]
        return cls("|".join(streams) + notes_text, set(labels), notes_text, page_numbers, labels)

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

    def goes_on_with(self, text: str) -> bool:
        """Whether the text stands right where the last line was found (over a block's end or a page
        number between them); told only of a text too long to stand there by chance."""
        if len(text) < CONTINUES_LETTERS:
            return False
        at = self.haystack.find(text, self.cursor, self.cursor + len(text) + NEAR)
        if at < 0 or OVER_BLOCK_ENDS.fullmatch(self.haystack[self.cursor : at]) is None:
            return False
        self.cursor = at + len(text)
        return True

    def runs_into(self, short: str, following: str) -> bool:
        """Whether the few letters of a short line stand right before those of the line after it (but for
        a page number kept as forme work between them); told only from a following line long enough to be
        found in one place."""
        if len(following) < ANCHOR_LETTERS:
            return False
        at = self.haystack.find(following, self.cursor)
        if at < 0:
            at = self.haystack.find(following)
        if at < 0:
            return False
        before = self.haystack[max(0, at - len(short) - NEAR) : at]
        return re.search(rf"(?<!\d){re.escape(short)}{PAGE_NUMBERS_BETWEEN}$", before) is not None

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
    # A few letters alone on a line (where: file:line): a note's label or text, decided at the end.
    maybe_labels: list[tuple[str, str]] = field(default_factory=list)

    def take(self, rule: str, text: str) -> None:
        self.removed.setdefault(rule, Counter()).update(count_letters(text))


def _marker_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where a note marker may stand in a line: each MARKER, a superscript the OCR garbled ("!0" for 10,
    "стороныб" for 6), and the last one or two digits of a longer number (a marker glued to a year: "19255"
    is 1925 and the marker 5)."""
    yield from [(m.start(), m.end()) for m in MARKER.finditer(text)] + letter_marks(text)
    for m in GLUED_MARK.finditer(text):
        yield m.start("mark"), m.end("mark")
    for m in GLUED_TO_NUMBER.finditer(text):
        for size in (1, 2):
            if m.end() - m.start() > size + 1:
                yield m.end() - size, m.end()


def _reads_as_label(marker: str, labels: set[str]) -> bool:
    """Whether a marker reads a TEI note's label, a mark standing for a digit ("!0" for 10), a letter or
    digit of a digit's or a symbol's shape ("З" for 3, "S" for §, "1" for ‡); marks have no letters."""
    return (letters(marker) in labels
            or any(compatible(marker, n) for n in labels
                   if marker.isalpha() or letters(marker) and not n.isalnum())
            or any(c.isdigit() for c in marker) and any(_garbled_read(marker, label) for label in labels))


def _garbled_read(marker: str, label: str) -> bool:
    """Whether the marker reads the label, digit by digit, a mark standing for a digit."""
    return len(label) == len(marker) and all(
        c == d or c in SUPERSCRIPT_MARKS for c, d in zip(marker, label, strict=True))


def _marker_cuts(text: str, labels: set[str]) -> Iterator[tuple[str, str]]:
    """The text without some of the note markers in it (one, then two, …), with the letters cut. A marker
    follows the text it refers to: what opens the line is none."""
    found = sorted({
        (start, end)
        for start, end in _marker_spans(text)
        if _reads_as_label(text[start:end], labels) and text[:start].strip()
    })
    for size in range(1, min(len(found), MAX_MARKERS) + 1):
        for spans in combinations(found, size):
            if any(a[1] > b[0] for a, b in zip(spans, spans[1:], strict=False)):
                continue  # a marker and the year it is glued to are one or the other, not both
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


def _place(piece: str, following: str, tei: TeiText, found: RawLines, where: str) -> bool:
    """Whether the letters of a piece of a raw line are in the TEI, cutting what opens it or markers.

    A few letters alone on their line are surely somewhere in the TEI: they stand in the text if they run
    into the letters of the line ``following`` there (a heading's number over its title); they are a
    note's label (as pdftotext writes a superscript) if that line begins a note, else a page number the
    TEI keeps; else a label of one of its notes that no other line printed, decided at the end (see
    place_raw_lines); else they stand in the text. A line the reading text goes on with, right where the
    line before it was found, stands there; else a line whose rest begins a note opens with that note's
    label."""
    if LABEL_ALONE.fullmatch(piece.strip()):
        alone = letters(piece)
        if tei.runs_into(alone, letters(following)):  # the number of a heading ("2." over its title)
            return True
        # Digits that are no note's label open none ("204" over a note's first line is a page number).
        opens_note = (alone in tei.labels or not alone.isdigit()) and tei.begins_note(following)
        if not opens_note and tei.page_numbers[alone] > 0:
            tei.page_numbers[alone] -= 1  # a page number the layout found, not the raw page edges
            return True
        if opens_note:
            _take(tei, found, "footnote-label", piece)
            return True
        if tei.unclaimed[alone] > 0:  # decided at the end, when the labels sure of their note are taken
            found.maybe_labels.append((piece, where))
            return True
    if tei.goes_on_with(letters(piece)):  # the reading text goes on with the whole line: surest
        return True
    label = LABEL.match(piece)
    if label and tei.begins_note(piece[label.end() :]):  # surer than the few letters of a short line
        _take(tei, found, "footnote-label", label.group(1))
        return True
    if tei.has(letters(piece)):
        return True
    for rule, opening, rest in _openings(piece, tei):
        if rule and tei.has(letters(rest)):
            _take(tei, found, rule, opening)
            return True
        for kept, markers in _marker_cuts(rest, tei.labels):
            if tei.has(letters(kept)):
                if rule:
                    _take(tei, found, rule, opening)
                found.take("footnote-marker", markers)
                return True
    for m in GLUED_LABEL.finditer(piece):  # running text, then a note's label glued to its last word
        for kept, markers in [(piece[: m.start()], ""), *_marker_cuts(piece[: m.start()], tei.labels)]:
            if letters(m[1]) in tei.labels and tei.has(letters(kept)) and tei.begins_note(piece[m.end() :]):
                found.take("footnote-marker", markers)
                _take(tei, found, "footnote-label", m[1])
                return True
    return False


def _take(tei: TeiText, found: RawLines, rule: str, text: str) -> None:
    """Count what a rule took out of a raw line; a note label so found is claimed (printed once)."""
    if rule == "footnote-label":
        tei.unclaimed[letters(text)] -= 1
    found.take(rule, text)


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


def _furniture(
    lines: list[Line], known: PageFurniture | None, copies: dict[str, range], running_heads: tuple[str, ...]
) -> PageFurniture:
    """The page edges of a raw file: as read already, none in a file that is all a second copy (its lines
    are the copy's), else read now."""
    if known is not None:
        return known
    if lines and all(line.number in copies.get(line.source, ()) for line in lines):
        return PageFurniture()
    return find_furniture(lines, running_heads)


def place_raw_lines(
    sources: dict[str, list[Line]], root: etree._Element, parts: list[etree._Element], raw_letters: Counter,
    running_heads: tuple[str, ...] = (), furniture_found: dict[str, PageFurniture] | None = None,
) -> RawLines:
    """Each raw line of the sources found in the TEI text ``parts`` (body, back, abstracts, keywords) of
    the TEI ``root``, and what was taken out of it; ``raw_letters`` are those of every raw file,
    ``running_heads`` those the edition file declares, ``furniture_found`` the page edges of some files
    read already."""
    tei = TeiText.of(parts)
    given: Counter = Counter()
    for lines in sources.values():
        given.update(count_letters("".join(line.text for line in lines)))
    found = RawLines(every_file=given == raw_letters)
    copies, kept_from_copies = _second_copies(root)
    duplicates: list[str] = []
    known = furniture_found or {}
    edges = {}
    for source, lines in sources.items():
        furniture = _furniture(lines, known.get(source), copies, running_heads)
        edges[source] = {item.line: item for item in furniture.items}
    for source, lines in sources.items():  # all first: a page number further on is no label alone on its line
        for i, edge in edges[source].items():
            if edge.kind == "pageNum" and lines[i].number not in copies.get(source, ()):
                tei.page_numbers[letters(lines[i].text[edge.start : edge.end])] -= 1
    for source, lines in sources.items():
        furniture = edges[source]
        text_lines = [i for i, line in enumerate(lines) if not line.blank and i not in furniture]
        following = {i: lines[j].text for i, j in zip(text_lines, text_lines[1:], strict=False)}
        for i, line in enumerate(lines):
            edge, where = furniture.get(i), f"{line.source}:{line.number}"
            if line.number in copies.get(line.source, ()):
                duplicates.append(line.text)
            elif edge and edge.kind == "speck":
                found.take("page-edge-speck", line.text)
            elif edge:  # a running head or page number: forme work in the TEI (see balance.py)
                continue
            elif is_separator(line.text) and not tei.has(letters(line.text)):
                found.take("separator", line.text)
            elif not all(_place(p, following.get(i, ""), tei, found, where) for p in pieces(line)):
                found.not_in_tei.append(where)
    for piece, where in found.maybe_labels:  # each note prints its label once: the rest stand in the text
        if tei.unclaimed[letters(piece)] > 0:
            _take(tei, found, "footnote-label", piece)
        elif not tei.has(letters(piece)):
            found.not_in_tei.append(where)
    if copies:
        found.take("duplicate-copy", "\n".join(duplicates))
        found.removed["duplicate-copy"].subtract(kept_from_copies)
    return found
