"""Page furniture: running heads and feet, printed page numbers and specks of OCR junk at the page edges.

Found by repetition and place, never by a file's words. With form feeds (``pdftotext`` and Tesseract write
one at every page end) the pages are known: the first and last lines of each page are the candidates. A
head is a short line whose text (the page number on either side taken off) recurs at the same edge on
other pages; OCR readings of one head ("LES PÀPIERS" / "LES PkPIERS") are told alike by their similarity,
and alternating verso and recto heads are two heads. A number alone on an edge line, or the number of a
head, is the page number; the numbers must follow the page sequence (+1 a page, blank pages counted), and
one that breaks it is reported at its raw line. A rule line next to a head belongs to it; a speck of a few
letters at the outer edge, apart from the text by a blank line, is OCR junk. Without form feeds, a head
with its page number that recurs all through the text is furniture all the same.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from difflib import SequenceMatcher

from ..model.inline import PrintedPageNumber
from ..model.layout import FormeWork, PageFurniture, PageLayout, PrintedNumber
from ..model.lines import Line, count_letters
from .headings import section_number
from .hints import declared_heads_at
from .lines import starts_lowercase

EDGE_LINES = 3  # content lines at each edge of a page that can be furniture
MAX_HEAD_CHARS = 70
SIMILAR = 0.85  # similarity of two OCR readings of one running head
MIN_GAP = 10  # lines between two heads of a text without form feeds
MIN_COVER = 0.35  # share of its pages on which a head of a text without form feeds is printed
MAX_SPECK_LETTERS = 3
TITLE_BLOCK_LINES = 6  # the first lines of the first page: the title and the author, which heads repeat
NO_NUMBER_READ = ("no page number could be read on any page: the pages are counted from the edition's "
                  "first_page, or from 1; set first_page if the print starts elsewhere")
NUMBER = r"[-–—·•\s]*(?P<n>[1-9]\d{0,3})[-–—·•\s]*"
LONE_NUMBER = re.compile(rf"^{NUMBER}$")
NUMBER_FIRST = re.compile(r"^\s*(?P<n>[1-9]\d{0,3})\s+(?P<text>\S.*?)\s*$")
NUMBER_LAST = re.compile(r"^\s*(?P<text>.*?\S)\s+(?P<n>[1-9]\d{0,3})\s*$")
RULE = re.compile(r"^\s*(?:_{3,}|[-–—=~]{5,})\s*$")
CLAUSE_END = ".,;:"
NUMBERS = re.compile(r"(?<![^\W\d_])\d+(?![^\W\d_])")
ROMAN = re.compile(r"^[IVXLC]+\.?$")
WORD = re.compile(r"[^\W\d_]+")


def _digits(text: str) -> str:
    """The numbers of a text, not digits inside a word (OCR reads "LOCARN0")."""
    return " ".join(NUMBERS.findall(text))


def _head_of(text: str) -> str:
    return head_key(split_number(text)[0])


def head_key(text: str) -> str:
    """The words of a head, case folded: what two printings of it share."""
    return " ".join(WORD.findall(text.casefold()))


def split_number(text: str) -> tuple[str, re.Match | None]:
    """A head's text without the page number printed on either side of it, and that number's match."""
    for pattern in (NUMBER_FIRST, NUMBER_LAST):
        m = pattern.match(text)
        if m and head_key(m.group("text")):
            return m.group("text"), m
    return text, None


class _Clusters:
    """Short edge lines grouped by the similarity of their words; the digits of a head (a year in a title)
    are the same on every page, so lines with other digits ("Там же. С. 106." / "С. 298.") are not alike, nor
    are lines of more words (a title that the head shortens)."""

    def __init__(self) -> None:
        self.keys: list[tuple[str, str]] = []
        self.members: list[list[int]] = []

    def add(self, key: tuple[str, str], line: int) -> None:
        for k, (words, digits) in enumerate(self.keys):
            if digits == key[1] and words.count(" ") == key[0].count(" ") and self.alike(words, key[0]):
                self.members[k].append(line)
                return
        self.keys.append(key)
        self.members.append([line])

    @staticmethod
    def alike(a: str, b: str) -> bool:
        if a == b:
            return True
        # Two upper bounds of ratio() first (SequenceMatcher's real_quick_ratio and quick_ratio, worked out
        # the same way): most pairs, a head beside a paragraph's first words, fail one of them, and a
        # SequenceMatcher is dear to make.
        total = len(a) + len(b)
        if 2.0 * min(len(a), len(b)) / total < SIMILAR:
            return False
        if 2.0 * sum((Counter(a) & Counter(b)).values()) / total < SIMILAR:
            return False
        return SequenceMatcher(None, a, b, autojunk=False).ratio() >= SIMILAR


def _segments(lines: list[Line]) -> list[range]:
    """The pages between form feeds, blank pages too (a page after the last form feed if it has text)."""
    bounds = [i for i, line in enumerate(lines) if line.form_feed]
    starts = [0, *(i + 1 for i in bounds)]
    ends = [*bounds, len(lines)]
    pages = [range(a, b) for a, b in zip(starts, ends, strict=True)]
    if pages and not any(not lines[i].blank for i in pages[-1]):
        pages.pop()  # the form feed that ends the last page opens none
    return pages


def _content(lines: list[Line], page: range) -> list[int]:
    return [i for i in page if not lines[i].blank]


def _edges(lines: list[Line], page: range) -> list[tuple[int, str]]:
    content = _content(lines, page)
    top = [(i, "top") for i in content[:EDGE_LINES]]
    bottom = [(i, "bottom") for i in content[-EDGE_LINES:] if i not in content[:EDGE_LINES]]
    return top + bottom


def _head_clusters(
    lines: list[Line], candidates: list[int], min_repeats: int, pages_of, keep
) -> list[list[int]]:
    """Clusters of like edge lines on ``min_repeats`` pages or more whose numbers ``keep`` accepts."""
    clusters = _Clusters()
    for i in candidates:
        text = lines[i].stripped
        if len(text) > MAX_HEAD_CHARS or LONE_NUMBER.match(text) or text[-1] in CLAUSE_END:
            continue  # a line that ends a clause is text (a note, a paragraph's last word)
        head = split_number(text)[0]
        if head_key(head):
            clusters.add((head_key(head), _digits(head)), i)
    return [
        members for members in clusters.members
        if len({pages_of(i) for i in members}) >= min_repeats and keep(members)
    ]


def _in_sequence(lines: list[Line], members: list[int], pages_of) -> bool:
    """Do the numbers printed with a head follow its pages ("1 Там же" at the foot of two pages is a note)?"""
    numbered = [(pages_of(i), int(m.group("n"))) for i in members if (m := split_number(lines[i].text)[1])]
    if not numbered:
        return True
    offsets = Counter(value - page for page, value in numbered)
    return offsets.most_common(1)[0][1] * 2 > len(numbered) or len(numbered) * 2 < len(members)


class _Finder:
    def __init__(self, lines: list[Line]):
        self.lines = lines
        self.items: list[FormeWork] = []
        self.warnings: list[tuple[int, str]] = []

    def head(self, i: int, place: str) -> int | None:
        """Mark a head (and its number, if it has one); the number's value."""
        text = self.lines[i].text
        _, m = split_number(text)
        if m is None:
            self.items.append(FormeWork(i, "header", place))
            return None
        parts = [("header", m.start("text"), m.end("text")), ("pageNum", m.start("n"), m.end("n"))]
        for kind, start, end in sorted(parts, key=lambda part: part[1]):
            self.items.append(FormeWork(i, kind, place, start, end))
        return int(m.group("n"))

    def numbers_of(self, page: range, heads: set[int]) -> list[tuple[int, int, bool]]:
        """Candidate page numbers of a page: (line, value, weak). Strong: the heads' numbers and the
        outermost number alone on its line at each edge. Weak (taken only where they follow the sequence):
        a number printed with the outermost line that is no recurring head (a head printed once), and a
        number alone between blank lines elsewhere (two columns put it mid-page)."""
        content = _content(self.lines, page)
        found = []
        for order in (content[:EDGE_LINES], content[::-1][:EDGE_LINES]):
            for i in order:
                m = None if i in heads else LONE_NUMBER.match(self.lines[i].stripped)
                if m:
                    found.append((i, int(m.group("n")), False))
                    break
            outer = order[0] if order else None
            m = split_number(self.lines[outer].text)[1] if outer is not None and outer not in heads else None
            if m and len(self.lines[outer].stripped) <= MAX_HEAD_CHARS:
                found.append((outer, int(m.group("n")), True))
        found += [(i, int(m.group("n")), False) for i in content
                  if i in heads and (m := split_number(self.lines[i].text)[1])]
        found += [(i, int(m.group("n")), True) for i in content
                  if (m := LONE_NUMBER.match(self.lines[i].stripped)) and self.lines[i - 1].blank
                  and i + 1 < len(self.lines) and self.lines[i + 1].blank and i not in {f[0] for f in found}]
        return found

    def peel(self, page: range, heads: set[int], numbers: set[int]) -> None:
        """Furniture at both edges of a page, from the outside in: heads, page numbers, a rule under a head,
        specks; a short line outside the page number is a head too, even one printed on this page only."""
        content = _content(self.lines, page)
        for place, order in (("top", content[:EDGE_LINES]), ("bottom", content[::-1][:EDGE_LINES])):
            number_at = next((k for k, i in enumerate(order) if i in numbers), -1)
            after_head = blocked = False
            for k, i in enumerate(order):
                if any(item.line == i for item in self.items):  # a short page: the edges meet
                    break
                text = self.lines[i].stripped
                if i in heads:  # a recurring head, even behind a line of text (columns read in turn)
                    self.head(i, place)
                    after_head = True
                elif blocked:
                    continue
                elif i in numbers:
                    self.items.append(FormeWork(i, "pageNum", place))
                elif after_head and RULE.match(text):
                    self.items.append(FormeWork(i, "header", place))
                elif self._speck(i, place):
                    self.items.append(FormeWork(i, "speck", place))
                elif k < number_at and len(text) <= MAX_HEAD_CHARS and text[-1] not in CLAUSE_END:
                    self.items.append(FormeWork(i, "header", place))
                else:
                    blocked = True
        marked = {item.line for item in self.items}
        for k, i in enumerate(content):  # the page's number printed mid-page (between two columns)
            if i in numbers and i not in marked:
                self.items.append(FormeWork(i, "pageNum", "top" if k < len(content) / 2 else "bottom"))

    def _speck(self, i: int, place: str) -> bool:
        """A few letters on a line of their own at the edge, apart from the text by a blank line."""
        inward = i + 1 if place == "top" else i - 1
        apart = 0 <= inward < len(self.lines) and self.lines[inward].blank
        text = self.lines[i].stripped
        tiny = sum(count_letters(text).values()) <= MAX_SPECK_LETTERS and not any(c.isdigit() for c in text)
        return apart and tiny and not ROMAN.match(text)  # "II" alone opens a chapter, "8." a list item

    def sequence(self, seen: list[list[tuple[int, int, bool]]]) -> tuple[list[int | None], set[int]]:
        """The printed number of each page and the lines that print one. The numbers follow the pages (+1 a
        page). One that breaks the sequence is a jump if the next numbered page goes on from it, a misreading
        if it differs from the expected number in one digit (the page is counted); else it is no page
        number (a footnote's label alone on its line). A weak candidate counts only in sequence."""
        strong = [[(line, value) for line, value, weak in found if not weak] for found in seen]
        offsets = Counter(value - k for k, found in enumerate(strong) for _, value in found)
        if not offsets:
            return [None] * len(seen), set()
        offset = offsets.most_common(1)[0][0]
        result: list[int | None] = []
        lines: set[int] = set()
        for k, found in enumerate(seen):
            expected = k + offset
            agree = [line for line, value, _ in found if value == expected]
            result.append(expected if agree else None)
            lines.update(agree[:1])
            if agree or not strong[k]:
                continue
            later = next((j for j in range(k + 1, len(seen)) if strong[j]), None)
            for line, value in strong[k]:
                if later is not None and value + later - k in [v for _, v in strong[later]]:
                    self.warnings.append((line, f"page number {value} breaks the sequence (page {expected} "
                                                f"expected): the numbers go on from {value}"))
                    offset, result[-1] = value - k, value
                elif _one_digit_apart(value, expected):
                    self.warnings.append((line, f"page number {value} does not follow the sequence; the "
                                                f"page is counted as {expected}"))
                else:
                    continue
                lines.add(line)
                break
        return result, lines


def _title_page(lines: list[Line], pages: list[range], number_lines: set[int]) -> bool:
    """Is the first page a title page: without a number, or with it at the other edge than the rest?"""
    places = []
    for page in pages:
        content = _content(lines, page)
        at = [k for k, i in enumerate(content) if i in number_lines]
        places.append(None if not at else at[0] < EDGE_LINES and at[0] < len(content) / 2)
    others = Counter(place for place in places[1:] if place is not None)
    return places[0] is None or bool(others) and others.most_common(1)[0][0] != places[0]


def _heads_printed_once(lines: list[Line], pages: list[range], heads: set[int], numbers: set[int]
                        ) -> set[int]:
    """Heads that no other page repeats (a verso or recto head of a short text): the outermost line at the
    head of a page after the first, outside its text, that repeats words of the title block (a running head
    shortens the title or names the author) and is no clause."""
    title = head_key(" ".join(_title_block(lines, pages[0]))).split()
    found = set()
    for page in pages[1:]:
        content = [i for i in _content(lines, page) if not LONE_NUMBER.match(lines[i].stripped)]
        if not content or content[0] in heads | numbers:
            continue
        text = lines[content[0]].stripped
        words = head_key(text).split()
        if len(words) < 2 or len(text) > MAX_HEAD_CHARS or text[-1] in CLAUSE_END or section_number(text):
            continue
        windows = (" ".join(title[k : k + len(words)]) for k in range(len(title) - len(words) + 1))
        if any(_Clusters.alike(window, " ".join(words)) for window in windows):
            found.add(content[0])
    return found


def _title_block(lines: list[Line], page: range) -> list[str]:
    """The short lines that open the first page (title, author), up to its first heading or line of prose."""
    block = []
    for i in _content(lines, page)[:TITLE_BLOCK_LINES]:
        text = lines[i].stripped
        if section_number(text) or len(text) > MAX_HEAD_CHARS or text[-1] in CLAUSE_END + "-":
            break
        block.append(text)
    return block


def _one_digit_apart(a: int, b: int) -> bool:
    x, y = str(a), str(b)
    return len(x) == len(y) and sum(1 for p, q in zip(x, y, strict=True) if p != q) == 1


def find_furniture(lines: list[Line], declared_heads: tuple[str, ...] = ()) -> PageFurniture:
    """The furniture of a document's flow of lines; ``declared_heads``: the running heads the edition file
    declares (``layout: running_heads``), heads wherever they stand at a page edge."""
    finder = _Finder(lines)
    form_feeds = [i for i, line in enumerate(lines) if line.form_feed]
    if form_feeds:
        pages = _segments(lines)
        page_of = {i: k for k, page in enumerate(pages) for i in page}
        # The heads repeat the title and the author, which the first page prints: its lines count too, but
        # for those that go on with a sentence (a line of text that another page may repeat).
        candidates = sorted({i for page in pages for i, _ in _edges(lines, page)}
                            | {i for i in _content(lines, pages[0]) if not starts_lowercase(lines[i].text)})
        filled = sum(1 for page in pages if _content(lines, page))
        page = page_of.__getitem__
        clusters = _head_clusters(lines, candidates, 2 if filled <= 4 else 3, page,
                                  lambda members: _in_sequence(lines, members, page))
        heads = {i for members in clusters for i in members}
        seen = [finder.numbers_of(page, heads) for page in pages]
        page_numbers, number_lines = finder.sequence(seen)
        if not any(n is not None for n in page_numbers) and _content(lines, pages[0]):
            finder.warnings.append((_content(lines, pages[0])[0], NO_NUMBER_READ))
        title_page = _title_page(lines, pages, number_lines)
        if title_page:  # its title is no head, though the heads repeat it
            heads -= {i for i in pages[0] if split_number(lines[i].text)[1] is None}
        heads |= _heads_printed_once(lines, pages, heads, number_lines)
        # A line that prints its page's number with words is a head, even if this page alone has it.
        heads |= {i for i in number_lines if split_number(lines[i].text)[1] is not None}
        if declared_heads:
            edges = [i for page in pages[1 if title_page else 0 :] for i, _ in _edges(lines, page)]
            heads |= declared_heads_at(lines, edges, heads, declared_heads, finder.warnings, _head_of)
        for page in pages:
            finder.peel(page, heads, number_lines - heads)
        places = {item.line: item.place for item in finder.items if item.kind == "pageNum"}
        numbers = [PrintedNumber(line, value, places[line]) for k, found in enumerate(seen)
                   for line, value, _ in found if value == page_numbers[k] and line in places]
        return PageFurniture(form_feeds, finder.items, numbers, page_numbers, finder.warnings)
    # Without form feeds: a head with its page number that recurs, well apart and with rising numbers.
    numbered = [i for i, line in enumerate(lines) if split_number(line.text)[1] is not None]
    clusters = _head_clusters(lines, numbered, 3, lambda i: i // MIN_GAP, lambda m: _paged(lines, m))
    heads = sorted(i for members in clusters for i in members)
    numbers = [PrintedNumber(i, finder.head(i, "top") or 0, "top") for i in heads]
    return PageFurniture([], finder.items, numbers, [], [])


def _paged(lines: list[Line], members: list[int]) -> bool:
    """Do the heads' numbers rise page by page, the pages far apart and of like length (footnotes, whose
    labels also rise, stand a few lines apart)?"""
    members = sorted(members)
    values = [int(split_number(lines[i].text)[1].group("n")) for i in members]
    steps = [(b - a, m - n) for a, b, n, m in zip(members, members[1:], values, values[1:], strict=False)]
    if any(gap < MIN_GAP or pages <= 0 for gap, pages in steps):
        return False
    per_page = sorted(gap / pages for gap, pages in steps)
    typical = per_page[len(per_page) // 2]
    # A head stands on every page, or every other one (verso and recto): footnotes do not.
    covers = len(values) >= MIN_COVER * (values[-1] - values[0] + 1)
    return covers and all(typical / 2 <= x <= typical * 2 for x in per_page)


def without_furniture(lines: list[Line], furniture: PageFurniture) -> list[Line]:
    """The lines with the furniture's lines blank (a head is no part of the note across whose page it
    stands); every line keeps its place."""
    taken = {item.line for item in furniture.items}
    return [replace(line, text="") if i in taken else line for i, line in enumerate(lines)]


def forme_work(lines: list[Line], pages: PageLayout) -> dict[int, list[PrintedPageNumber]]:
    """Flow index -> the forme work printed on that line, in print order (a speck is none: it is removed)."""
    out: dict[int, list[PrintedPageNumber]] = {}
    for item in pages.furniture:
        nodes = out.setdefault(item.line, [])
        line = lines[item.line]
        if item.kind != "speck":
            text = line.text[item.start : item.end].strip()
            nodes.append(PrintedPageNumber(text, item.place, line.witness, line.number, item.kind))
    for number in pages.numbers:
        if number.line not in out:
            line = lines[number.line]
            out[number.line] = [PrintedPageNumber(str(number.value), number.place, line.witness, line.number)]
    return out
