"""The reference list at the end of a document: found under its title, cut into entries, each parsed.

The title is one of the language packs' ``reference_list_titles`` ("Список литературы", "References",
"Bibliographie"), alone in its block or opening it. The list runs from there to the end of the body, or to
the next section title. It is numbered ("1. …", "[1] …", "1) …", the numbers in sequence) or alphabetical
(an entry starts each block, and after an entry's end where an author's name starts a new one). The list
is taken only when most of its entries show a year: a chapter titled "Литература" is not a list.
Each entry's author, title, place, publisher, year and pages are tagged where it shows them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..diagnostics import Diagnostic, Severity
from ..languages import alternation, packs
from ..languages._patterns import DASH
from ..model.document import BiblEntry, Block, Document, ReferenceList
from ..model.inline import Annotation, ColumnBreak, Correction, Inline, Note, PageBreak
from ..model.passes import Pass
from .bibl_parts import AUTHOR, LABEL, PAGE_COUNT, YEAR, Part, bibl_parts

_LIST_TITLES = [t for p in packs() for t in p.reference_list_titles]
_TITLE = re.compile(rf"\s*(?P<title>{alternation(_LIST_TITLES)})\s*[:.]?\s*", re.IGNORECASE)
_OTHER_TITLES = [t for p in packs() for t in (*p.section_titles, *p.note_section_titles)
                 if t.casefold() not in {w.casefold() for w in _LIST_TITLES}]
_OTHER_SECTION = re.compile(rf"\s*{alternation(_OTHER_TITLES)}\s*[:.]?\s*$", re.IGNORECASE)
# a number after a locator word ("Т. 2.", "No. 3.") is no entry's number; a page count ("300 с.") is none
_LOCATORS = alternation([w for p in packs() for w in (*p.volume_words, *p.page_words)])
_LOCATOR_BEFORE = re.compile(rf"(?<!\d)(?<!\d\s)(?:{_LOCATORS}|№|No\.)\s*$")
_NUMBER = re.compile(r"(?:\[(?P<b>\d{1,3})\]|(?P<n>\d{1,3})[.)])\s+(?=[«\"“„(\w])")
_ENTRY_END = ".;)]"
PAGINATED = ("pubPlace", "publisher", "date")  # the parts that may hold a page or column break
MIN_DATED_SHARE = 0.5  # of the entries that show a year, for the blocks to be a reference list
_NOTE_HOLDERS = ("p", "head", "quote")  # the blocks an unanchored note may end
_PAGE_COUNT_AFTER = re.compile(rf"\s*(?:{DASH}\s*)?{PAGE_COUNT.pattern}\.?")  # "… 1965. – 197 с."
_MIN_TAIL_WORDS = 4
# a folio or a page cited ("Л. 164", "С. 266", "p. 5"): what a note cites, and no entry of a list of sources
_CITES_LEAF = re.compile(
    rf"(?<!\w){alternation([w for p in packs() for w in (*p.folio_words, *p.page_words)])}\s*\d")


def _width(item: Inline) -> int:
    if isinstance(item, str):
        return len(item)
    return len(item.corr) if isinstance(item, Correction) else 0


def _flat(content: list[Inline]) -> str:
    """The text of content as read: plain strings and corrected words; other nodes take no place."""
    return "".join(item if isinstance(item, str) else item.corr if isinstance(item, Correction) else ""
                   for item in content)


def _cut(content: list[Inline], offsets: list[int]) -> list[list[Inline]]:
    """content cut at offsets of its flat text (inside plain strings or between items)."""
    pieces: list[list[Inline]] = [[]]
    cuts = sorted(set(offsets))
    pos = 0
    for item in content:
        if not isinstance(item, str):
            if cuts and cuts[0] <= pos and pieces[-1]:
                pieces.append([])
            while cuts and cuts[0] <= pos:
                cuts.pop(0)
            pieces[-1].append(item)
            pos += _width(item)
            continue
        start = 0
        while cuts and cuts[0] < pos + len(item):
            at = max(cuts.pop(0) - pos, 0)
            if item[start:at]:
                pieces[-1].append(item[start:at])
            if _flat(pieces[-1]).strip() or any(not isinstance(x, str) for x in pieces[-1]):
                pieces.append([])
            start = at
        if item[start:]:
            pieces[-1].append(item[start:])
        pos += len(item)
    return [piece for piece in pieces if piece]


def _wrapped(content: list[Inline], parts: list[Part]) -> list[Inline]:
    """content with each part wrapped in its element; a part whose ends fall inside a corrected word
    stays untagged."""
    out: list[Inline] = []
    pos = 0
    pending = list(parts)
    items = list(content)
    while items:
        part = pending[0] if pending else None
        item = items.pop(0)
        width = _width(item)
        if part is None or part.start >= pos + max(width, 1) or (width == 0 and part.start > pos):
            out.append(item)
            pos += width
            continue
        if not isinstance(item, str) and part.start > pos:
            pending.pop(0)  # starts inside a corrected word
            items.insert(0, item)
            continue
        if isinstance(item, str) and part.start > pos:
            out.append(item[: part.start - pos])
            items.insert(0, item[part.start - pos :])
            pos = part.start
            continue
        inside, taken = _take(item, items, part.end - pos)
        pending.pop(0)
        if inside is None:
            items.insert(0, item)
            continue
        if not all(isinstance(x, str) or (part.tag in PAGINATED and isinstance(x, (PageBreak, ColumnBreak)))
                   for x in inside):
            items[:0] = inside  # the element cannot hold what is inside: the part stays untagged
            continue
        out.append(Annotation(part.tag, dict(part.attrs), inside))
        pos += taken
    return out


def _take(first: Inline, items: list[Inline], width: int) -> tuple[list[Inline] | None, int]:
    """The items that make up the next width characters (first, then items), removed from items."""
    inside: list[Inline] = []
    queue = [first]
    taken = 0
    while taken < width:
        item = queue.pop(0) if queue else (items.pop(0) if items else None)
        if item is None:
            return None, 0
        w = _width(item)
        if isinstance(item, str) and taken + w > width:
            inside.append(item[: width - taken])
            items.insert(0, item[width - taken :])
            return inside, width
        if taken + w > width:
            items.insert(0, item)
            items[:0] = inside[1:]
            return None, 0
        inside.append(item)
        taken += w
    return inside, taken


def _numbered_cuts(text: str, expected: int) -> tuple[list[int], int]:
    """Where entries expected, expected + 1, … start in one block's text, and the next number expected."""
    cuts = []
    for m in _NUMBER.finditer(text):
        if int(m["b"] or m["n"]) != expected:
            continue
        before = text[: m.start()].rstrip()
        if before and (before[-1] not in _ENTRY_END or _LOCATOR_BEFORE.search(before)):
            continue
        cuts.append(m.start())
        expected += 1
    return cuts, expected


def _alphabetical_cuts(text: str) -> list[int]:
    """Where entries start in one block of an alphabetical list: the block's start, and an author's name
    after the end of an entry that showed its year."""
    cuts = [len(text) - len(text.lstrip())]
    for m in AUTHOR.finditer(text):
        before = text[cuts[-1] : m.start()].rstrip()
        if before and before[-1] in _ENTRY_END and YEAR.search(before):
            cuts.append(m.start())
    return cuts


def _entries(blocks: list[list[Inline]], lines: list[int]) -> tuple[list[BiblEntry], bool]:
    """The entries of the list's blocks, and whether the list is numbered."""
    first = LABEL.match(_flat(blocks[0])) if blocks else None
    numbered = bool(first and (first["b"] or first["n"]))
    expected = int(first["b"] or first["n"]) if numbered and first else 1
    entries: list[BiblEntry] = []
    for content, line in zip(blocks, lines, strict=True):
        text = _flat(content)
        if numbered:
            cuts, expected = _numbered_cuts(text, expected)
        else:
            cuts = _alphabetical_cuts(text)
        starts_entry = bool(cuts) and not text[: cuts[0]].strip()
        pieces = _cut(content, cuts)
        if entries and not starts_entry and pieces:
            entries[-1].content.extend([" ", *pieces.pop(0)])
        for piece in pieces:
            label = LABEL.match(_flat(piece)) if numbered else None
            n = int(label["b"] or label["n"]) if label and (label["b"] or label["n"]) else len(entries) + 1
            entries.append(BiblEntry(n, piece, line))
    return entries, numbered


def _list_start(body: list[Block]) -> tuple[int, re.Match[str]] | None:
    """The last block that the title of a reference list opens, and the title's match."""
    for i in range(len(body) - 1, -1, -1):
        text = _flat(body[i].content)
        m = _TITLE.match(text)
        if m and (m.end() == len(text) or LABEL.match(text, m.end()) or AUTHOR.match(text, m.end())):
            return i, m
    return None


def reference_list_line(body: list[Block]) -> int | None:
    """The raw line of the block that the title of a reference list opens, if any."""
    start = _list_start(body)
    return body[start[0]].line if start else None


class FoundList(NamedTuple):
    listed: ReferenceList
    body: list[Block]  # the body without the list
    left_out: list[Block]  # what was printed among the entries and is no part of them, now in the body


def find_reference_list(body: list[Block]) -> FoundList | None:
    """The reference list of the body and the body without it; None when there is none."""
    start = _list_start(body)
    if start is None:
        return None
    i, title = start
    rest: list[list[Inline]] = []
    head = body[i].content
    if title.end() < len(_flat(head)):
        head, *rest = _cut(head, [title.end()])
    stop = next((k for k in range(i + 1, len(body))
                 if body[k].kind == "head" and _OTHER_SECTION.match(_flat(body[k].content))), len(body))
    blocks = rest + [b.content for b in body[i + 1 : stop]]
    lines = [body[i].line] * len(rest) + [b.line for b in body[i + 1 : stop]]
    entries, numbered = _entries(blocks, lines)
    dated = sum(1 for e in entries if YEAR.search(_flat(e.content)))
    if not entries or dated < MIN_DATED_SHARE * len(entries):
        return None
    before = body[:i]
    if before and before[-1].kind in _NOTE_HOLDERS:
        head = _notes_moved(head, before[-1])
        for entry in entries:
            entry.content = _notes_moved(entry.content, before[-1])
    left_out = [] if numbered else _no_entries(entries)  # the entries with a year, at least one, stay
    tail = _after_last_entry(entries[-1])
    left_out += [tail] if tail else []
    for entry in entries:
        entry.content = _wrapped(entry.content, bibl_parts(_flat(entry.content)))
    listed = ReferenceList(head=head, entries=entries, numbered=numbered, line=body[i].line)
    return FoundList(listed, before + left_out + body[stop:], left_out)


def _no_entries(entries: list[BiblEntry]) -> list[Block]:
    """The blocks of an alphabetical list that are no entries, taken out of it (the list renumbered): each
    entry opens with its author or shows its year; a block with neither that cites a folio or a page is a
    page's notes that OCR left among the entries (``ТАВП РФ. Ф. 08. Оп. 5. Д. 58. Л. 164``), while a
    source listed by its fond alone (``АВП РФ. Ф. 08. Секретариат наркома``) stays an entry."""
    kept: list[BiblEntry] = []
    out: list[Block] = []
    for entry in entries:
        text = _flat(entry.content)
        if YEAR.search(text) or AUTHOR.match(text.lstrip()) or not _CITES_LEAF.search(text):
            entry.n = len(kept) + 1
            kept.append(entry)
        else:
            out.append(Block("p", entry.content, line=entry.line))
    entries[:] = kept
    return out


def _after_last_entry(entry: BiblEntry) -> Block | None:
    """What follows the end of the list's last entry and is no part of it, taken out of the entry: the
    notes of the last page, where OCR lost what tells them from the list (``… 1965. 197 с. 1ЗАВИ РФ. Ф. 495.
    …``). The entry ends with the sentence of its last year and the page count after it; what follows is
    left out when it shows no year, cites a folio or a page ("Л. 45") and runs to some words; a short tail
    ("(Серия «История»)") or one that cites no leaf ("Режим доступа: для зарегистрир. пользователей")
    stays."""
    text = _flat(entry.content)
    years = list(YEAR.finditer(text))
    if not years:
        return None
    sentence_end = text.find(".", years[-1].end())
    if sentence_end < 0:
        return None
    end = sentence_end + 1
    count = _PAGE_COUNT_AFTER.match(text, end)
    end = count.end() if count else end
    tail = text[end:]
    if YEAR.search(tail) or len(tail.split()) < _MIN_TAIL_WORDS or not _CITES_LEAF.search(tail):
        return None
    kept, left_out = _cut(entry.content, [end + len(tail) - len(tail.lstrip())])
    entry.content = kept
    return Block("p", left_out, line=entry.line)


def _notes_moved(content: list[Inline], holder: Block) -> list[Inline]:
    """content without its unanchored notes, which go to the end of holder (the block before the list):
    an unanchored note was only placed at the list because it came next, and in the body the apparatus
    reads it (its shelfmarks, its "Там же")."""
    holder.content.extend(x for x in content if isinstance(x, Note) and not x.marker_found)
    return [x for x in content if not (isinstance(x, Note) and not x.marker_found)]


class ReferenceListPass(Pass):
    """A reference list printed at the end of the document goes to the TEI back as a listBibl."""

    name = "reference-list"
    priority = 750  # after the editors' corrections, which reach the list's words too
    stage = "layout"
    reads = ("body",)
    adds = ("body", "reference_list", "diagnostics")

    def apply(self, doc: Document) -> None:
        found = find_reference_list(doc.body)
        if found is None:
            return
        doc.reference_list, doc.body = found.listed, found.body
        source = doc.lines[0].source if doc.lines else ""
        for block in found.left_out:
            doc.diagnostics.append(Diagnostic(
                source, block.line, "text printed among the reference list's entries that is no entry (no "
                "author, no year) is kept in the body: notes of the page? check it", Severity.WARNING))
        unparsed = [e for e in doc.reference_list.entries
                    if not any(isinstance(x, Annotation) for x in e.content)]
        for entry in unparsed:
            doc.diagnostics.append(Diagnostic(
                source, entry.line, f"reference list entry {entry.n}: no author, title, imprint or pages "
                "could be told apart; it is kept as printed", Severity.WARNING))


def listed_references(reference_list: ReferenceList | None) -> dict[int, str]:
    """The entries of a numbered reference list by number, as read: what a bracket "[12, с. 45]" cites."""
    if reference_list is None or not reference_list.numbered:
        return {}
    return {entry.n: " ".join(_flat(entry.content).split()) for entry in reference_list.entries}
