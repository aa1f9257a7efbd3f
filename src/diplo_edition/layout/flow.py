"""The reading text: body lines joined into headings and paragraphs, with pages, columns and notes in place.

Paragraph marks are the text's own: a blank line in single-spaced text; in double-spaced text (every
line followed by a blank line) and across page, column and footnote breaks, a sentence that ends on a
short line. A line that does not end a sentence, or a next line that does not start one, never ends a
paragraph. Headings are short blocks that open like a chapter, a numbered section or an all-capital title,
standing apart from the text. Labelled blocks (Аннотация, Abstract, Ключевые слова, Keywords) are the
abstracts and keywords of the header, not the body.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from ..languages import packs
from ..model.document import Block, HyphenDecision
from ..model.inline import ColumnBreak, Inline, Note, PageBreak, PrintedPageNumber, WitnessReading
from ..model.layout import FootnoteBlock, Marker, PageLayout
from ..model.lines import Line, count_letters
from .footnotes import LABEL
from .headings import CHAPTER, NUMBERED, heading_level
from .hyphenation import Dehyphenator
from .lines import ends_sentence, ends_with_hyphen, starts_block, starts_list_item

# Share of the typical line length under which a line that ends a sentence ends its paragraph.
SHORT_LINE = {"plain": 0.75, "double": 0.9, "break": 0.8}
# Runs of this many lines, each followed by exactly one blank line, are double-spaced text.
DOUBLE_SPACED_RUN = 5
# Lines this long on average are whole paragraphs (one paragraph per line).
PARAGRAPH_PER_LINE_CHARS = 150
MAX_HEADING_LINES = 3

# The labels of abstracts and keywords, and the language each one announces, from the language packs.
ABSTRACT_LABEL = re.compile(
    rf"^\s*(?P<label>{'|'.join(re.escape(label) for p in packs() for label in p.abstract_labels)})"
    r"\s*(?:[.:|]\s*|\s(?=\S))(?P<rest>.*)$",
    re.S,
)
KEYWORDS_LABEL = re.compile(
    rf"^\s*(?P<label>{'|'.join(re.escape(label) for p in packs() for label in p.keyword_labels)})"
    r"\s*[:.]\s*(?P<rest>.*)$",
    re.S,
)
LABEL_LANGUAGE = {label: p.code for p in packs() for label in p.abstract_labels + p.keyword_labels}
SPACES = re.compile(r"[ \t\u00a0]+")
WORD_AT_END = re.compile(r"([^\W_]+)[-‐‑–]$")
WORD_AT_START = re.compile(r"^([^\W_]+)")


@dataclass
class FlowStats:
    hyphens_joined: int = 0
    hyphens_kept: int = 0
    hyphen_reasons: Counter = field(default_factory=Counter)
    # Every decision taken: the evidence a cached result is checked against.
    decisions: list[HyphenDecision] = field(default_factory=list)


@dataclass
class Flow:
    blocks: list[Block]
    stats: FlowStats
    removed: Counter  # (rule, character) -> count of letters and digits taken out of the text


class _Joiner:
    """Joins line texts into running text, deciding line-end hyphens and normalising spaces."""

    def __init__(self, dehyphenator: Dehyphenator, lang: str, stats: FlowStats):
        self.dehyphenator = dehyphenator
        self.lang = lang
        self.stats = stats

    def join(self, left: str, right: str, line: int) -> tuple[str, str]:
        """Text to end the left part with and the separator before the right part."""
        left = left.rstrip()
        right_start = right.lstrip()
        if ends_with_hyphen(left):
            before = WORD_AT_END.search(left)
            after = WORD_AT_START.match(right_start)
            left_word = before.group(1) if before else ""
            right_word = after.group(1) if after else ""
            if left_word.isdigit() or (left[-1] == "–" and right_word.isdigit()):
                return left, ""  # 1923–1924, 274-275: a range
            decision = self.dehyphenator.decide(left_word, right_word, self.lang)
            self.stats.hyphen_reasons[decision.reason] += 1
            self.stats.decisions.append(HyphenDecision(left_word, right_word, self.lang, decision.keep))
            if decision.keep:
                self.stats.hyphens_kept += 1
                return left, ""
            self.stats.hyphens_joined += 1
            return left[:-1], ""
        return left, " "


def normalise_spaces(text: str) -> str:
    """Runs of spaces and tabs become one space, or one no-break space if the run holds one."""
    return SPACES.sub(lambda m: "\u00a0" if "\u00a0" in m.group(0) else " ", text)


class FlowBuilder:
    def __init__(
        self,
        lines: list[Line],
        blocks: list[FootnoteBlock],
        pages: PageLayout,
        dehyphenator: Dehyphenator,
        lang: str,
        variants: list[tuple[int, list[Line]]] | None = None,
    ):
        self.lines = lines
        self.footnote_blocks = blocks
        self.pages = pages
        self.stats = FlowStats()
        self.removed: Counter = Counter()
        self.joiner = _Joiner(dehyphenator, lang, self.stats)
        self.lang = lang
        self.in_blocks = {i for b in blocks for i in range(b.start, b.end)}
        self.numbers = {n.line: n for n in pages.numbers}
        self.page_starts = {b.line: b for b in pages.breaks}
        self.column_starts = set(pages.column_breaks)
        self.markers: dict[int, list[tuple[Marker, Note]]] = {}
        self.body = [
            i
            for i, line in enumerate(lines)
            if not line.blank and i not in self.in_blocks and i not in self.numbers
        ]
        lengths = [len(lines[i].stripped) for i in self.body]
        self.typical = statistics.median(lengths) if lengths else 0
        self.per_line = bool(lengths) and statistics.mean(lengths) > PARAGRAPH_PER_LINE_CHARS
        self.double = self._double_spaced()
        self.has_chapters = any(CHAPTER.match(lines[i].stripped) for i in self.body)
        self._collect_notes()
        self.readings = self._anchor_variants(variants or [])

    # --- evidence between two body lines -------------------------------------------------------

    def _gap(self, a: int, b: int) -> tuple[int, bool]:
        """Blank lines between body lines a and b, and whether only blank lines stand between them."""
        between = range(a + 1, b)
        pure = all(self.lines[j].blank for j in between) and b not in self.page_starts
        return sum(1 for j in between if self.lines[j].blank), pure and b not in self.column_starts

    def _double_spaced(self) -> set[int]:
        marked: set[int] = set()
        run: list[int] = []
        for a, b in zip(self.body, self.body[1:], strict=False):
            blanks, pure = self._gap(a, b)
            if pure and blanks == 1:
                run.append(a)
                continue
            if len(run) >= DOUBLE_SPACED_RUN:
                marked.update(run)
            run = []
        if len(run) >= DOUBLE_SPACED_RUN:
            marked.update(run)
        return marked

    def _short(self, i: int, kind: str) -> bool:
        text = self.lines[i].text
        trailing = len(text) - len(text.rstrip(" "))
        return len(text.strip()) < SHORT_LINE[kind] * self.typical or (kind == "double" and trailing >= 2)

    def _paragraph_ends(self, a: int, b: int) -> bool:
        prev, nxt = self.lines[a].text, self.lines[b].text
        if ends_with_hyphen(prev) or not ends_sentence(prev) or not starts_block(nxt):
            return False
        if self.per_line:
            return True
        if prev.rstrip()[-1] in ":;" and starts_list_item(nxt):
            return True  # each item of a list is a block of its own
        blanks, pure = self._gap(a, b)
        if not pure:
            return self._short(a, "break")
        if blanks == 0:
            return self._short(a, "plain")
        if blanks == 1 and a in self.double:
            return self._short(a, "double")
        return True

    def _heading_lines(self, k: int) -> list[int]:
        """Body positions (indices into self.body) of the heading that opens at body position k, if any."""
        i = self.body[k]
        level = heading_level(self.lines[i].text)
        if level is None or (self.has_chapters and level == 1 and NUMBERED.match(self.lines[i].stripped)):
            return []  # in a text divided into chapters, "1." opens a list item, not a section
        if k > 0:
            a = self.body[k - 1]
            blanks, pure = self._gap(a, i)
            if pure and blanks == 0 or ends_with_hyphen(self.lines[a].text):
                return []
        taken = [k]
        total = len(self.lines[i].stripped)
        while len(taken) < MAX_HEADING_LINES and taken[-1] + 1 < len(self.body):
            a, b = self.body[taken[-1]], self.body[taken[-1] + 1]
            blanks, pure = self._gap(a, b)
            if not (pure and blanks == 0):
                break
            total += len(self.lines[b].stripped)
            if heading_level(self.lines[b].text) is not None and total > 0:
                break
            taken.append(taken[-1] + 1)
        last = self.body[taken[-1]]
        if self.lines[last].text.rstrip()[-1:] in ":;,":
            return []  # a heading does not lead into what follows
        if taken[-1] + 1 < len(self.body):
            blanks, pure = self._gap(last, self.body[taken[-1] + 1])
            if pure and blanks == 0:
                return []
        return taken

    def _anchor_variants(self, variants: list[tuple[int, list[Line]]]) -> dict[int, list[WitnessReading]]:
        """Each variant stands after the body line at or before its anchor in the flow."""
        readings: dict[int, list[WitnessReading]] = {}
        for anchor, other in variants:
            body_line = max((i for i in self.body if i <= anchor), default=self.body[0] if self.body else 0)
            text = normalise_spaces(" ".join(line.stripped for line in other))
            readings.setdefault(body_line, []).append(
                WitnessReading(other[0].witness or "", text, other[0].number)
            )
        return readings

    # --- footnotes ------------------------------------------------------------------------------

    def _collect_notes(self) -> None:
        self.orphan_notes: dict[int, list[Note]] = {}
        for block in self.footnote_blocks:
            for fn in block.notes:
                note = Note(fn.n, line=self.lines[fn.label_line].number, marker_found=fn.marker is not None)
                pieces = []
                for j in fn.lines:
                    text = self.lines[j].text
                    if j == fn.label_line:
                        label = LABEL.match(text)
                        self._remove(label.group("n"), "footnote-label")
                        text = text[label.end() :]
                    pieces.append((text, self.lines[j].number))
                note.content = self._join_pieces(pieces)
                if fn.marker is None:
                    self.orphan_notes.setdefault(block.start, []).append(note)
                else:
                    self.markers.setdefault(fn.marker.line, []).append((fn.marker, note))

    def _remove(self, text: str, rule: str) -> None:
        for char, count in count_letters(text).items():
            self.removed[(rule, char)] += count

    def _join_pieces(self, pieces: list[tuple[str, int]]) -> list[Inline]:
        out: list = []
        text = ""
        for k, (piece, number) in enumerate(pieces):
            if k == 0:
                text = piece.strip()
                continue
            text, sep = self.joiner.join(text, piece, number)
            text = text + sep + piece.strip()
        out.append(normalise_spaces(text))
        return out

    # --- assembly -------------------------------------------------------------------------------

    def _line_content(self, i: int) -> list[Inline]:
        """The content of one body line: its text with note markers replaced by the notes."""
        text = self.lines[i].text
        items: list = []
        # Leading white space is layout (it often marks a page start), not text.
        pos = len(text) - len(text.lstrip())
        for marker, note in sorted(self.markers.get(i, []), key=lambda mn: mn[0].start):
            items.append(text[pos : marker.start])
            self._remove(text[marker.start : marker.end], "footnote-marker")
            items.append(note)
            pos = marker.end
        items.append(text[pos:])
        items.extend(self.readings.get(i, []))
        return items

    def _between(self, a: int, b: int) -> tuple[list[Inline], list[Inline]]:
        """What stands between body lines a and b: what closes a's page, and what opens b's."""
        items: list = []
        footers, headers = [], []
        for j in range(a + 1, b):
            if j in self.numbers:
                number = self.numbers[j]
                fw = PrintedPageNumber(
                    str(number.value), number.place, self.lines[j].witness, self.lines[j].number
                )
                (footers if number.place == "bottom" else headers).append(fw)
            if j in self.in_blocks and any(blk.start == j for blk in self.footnote_blocks):
                items.extend(self.orphan_notes.get(j, []))
        if b in self.page_starts:
            brk = self.page_starts[b]
            items.append(PageBreak(brk.n, brk.inferred, self.lines[b].number))
        elif b in self.column_starts:
            items.append(ColumnBreak(self.lines[b].number))
        items.extend(headers)
        return footers, items

    def build(self) -> Flow:
        blocks: list[Block] = []
        current: Block | None = None
        prev: int | None = None
        k = 0
        while k < len(self.body):
            i = self.body[k]
            heading = self._heading_lines(k)
            if heading:
                current = Block("head", [], heading_level(self.lines[i].text), line=self.lines[i].number)
                blocks.append(current)
            elif prev is None or current.kind == "head" or self._paragraph_ends(prev, i):
                current = Block("p", [], line=self.lines[i].number)
                blocks.append(current)
            else:
                self._glue(current, prev, i)
            # A page's foot closes the block before; breaks inside a paragraph stand where they fall.
            closing, opening = self._between(-1 if prev is None else prev, i)
            opens_block = len(blocks) > 1 and current.content == []
            (blocks[-2].content if opens_block else current.content).extend(closing)
            current.content.extend(opening)
            current.content.extend(self._line_content(i))
            prev = i
            for k2 in heading[1:]:
                i2 = self.body[k2]
                self._glue(current, prev, i2)
                current.content.extend(sum(self._between(prev, i2), []))
                current.content.extend(self._line_content(i2))
                prev = i2
            k = (heading[-1] if heading else k) + 1
        if blocks and prev is not None:
            blocks[-1].content.extend(sum(self._between(prev, len(self.lines)), []))
        for block in blocks:
            self._finish(block)
        return Flow(blocks, self.stats, self.removed)

    def _glue(self, block: Block, a: int, b: int) -> None:
        """Join the end of the block's text (line a) with the line b that continues it."""
        for idx in range(len(block.content) - 1, -1, -1):
            if isinstance(block.content[idx], str):
                left, sep = self.joiner.join(block.content[idx], self.lines[b].text, self.lines[b].number)
                block.content[idx] = left + sep
                return

    def _finish(self, block: Block) -> None:
        """Normalise spaces, trim the block, and turn labelled blocks into abstracts and keywords."""
        content = []
        for item in block.content:
            if isinstance(item, str):
                if content and isinstance(content[-1], str):
                    content[-1] += item
                else:
                    content.append(item)
            else:
                content.append(item)
        content = [normalise_spaces(x) if isinstance(x, str) else x for x in content]
        strings = [k for k, x in enumerate(content) if isinstance(x, str)]
        if strings:
            content[strings[0]] = content[strings[0]].lstrip()
            content[strings[-1]] = content[strings[-1]].rstrip()
        content = [x for x in content if not (isinstance(x, str) and x == "")]
        block.content = content
        if block.kind == "p":
            self._relabel(block)

    def _relabel(self, block: Block) -> None:
        first = next((k for k, x in enumerate(block.content) if isinstance(x, str)), None)
        if first is None:
            return
        for pattern, kind in ((ABSTRACT_LABEL, "abstract"), (KEYWORDS_LABEL, "keywords")):
            m = pattern.match(block.content[first])
            if m:
                block.kind = kind
                label = m.group("label")
                block.lang = LABEL_LANGUAGE.get(label, "en")
                self._remove(label, "label")
                block.content[first] = m.group("rest").lstrip()
                return


def build_flow(lines, blocks, pages, dehyphenator, lang, variants=None) -> Flow:
    return FlowBuilder(lines, blocks, pages, dehyphenator, lang, variants).build()
