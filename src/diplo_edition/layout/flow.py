"""The reading text: body lines joined into headings and paragraphs, with pages, columns and notes in place.

Where paragraphs, headings and block quotations begin is read from the print's own evidence
(``paragraphs.ParagraphEvidence``); a separator line ("* * *") is a milestone. Labelled blocks
(Аннотация, Abstract, Ключевые слова, Keywords) are the abstracts and keywords of the header, not the body.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..diagnostics import Diagnostic
from ..model.document import Block, HyphenDecision
from ..model.inline import ColumnBreak, Inline, Note, PageBreak, WitnessReading
from ..model.layout import FootnoteBlock, Marker, PageLayout
from ..model.lines import Line, record_removed
from .end_matter import reference_list_line
from .furniture import forme_work
from .headings import bare_number_level, heading_level
from .hyphenation import NO_EVIDENCE, Dehyphenator
from .lines import ends_with_hyphen, is_separator, warning_at_first
from .paragraphs import ABSTRACT_LABEL, KEYWORDS_LABEL, LABEL_LANGUAGE, ParagraphEvidence

SPACES = re.compile(r"[ \t\u00a0]+")
WORD_AT_END = re.compile(r"([^\W_]+)[-‐‑–—]$")
WORD_AT_START = re.compile(r"^([^\W_]+)")
LAST_WORD = re.compile(r"([^\W\d_]+)$")


# Blocks that end with their line(s): the next line opens a block of its own.
SINGLE_LINE_KINDS = ("head", "milestone")


@dataclass
class FlowStats:
    hyphens_joined: int = 0
    hyphens_kept: int = 0
    hyphen_reasons: Counter = field(default_factory=Counter)
    # Every decision taken: the evidence a cached result is checked against.
    decisions: list[HyphenDecision] = field(default_factory=list)
    # Raw line numbers of hyphens kept as printed because their language has no word evidence.
    unjudged_lines: list[int] = field(default_factory=list)
    # Raw line numbers that may open a paragraph the print does not show (read as running on).
    undecided_paragraph_lines: list[int] = field(default_factory=list)


@dataclass
class Flow:
    blocks: list[Block]
    stats: FlowStats
    removed: Counter  # (rule, character) -> count of letters and digits taken out of the text


class _Joiner:
    """Joins line texts into running text, deciding line-end hyphens and normalising spaces."""

    def __init__(self, dehyphenator: Dehyphenator, lang: str, stats: FlowStats,
                 broken_at_labels: frozenset[int] = frozenset()):
        self.dehyphenator = dehyphenator
        self.lang = lang
        self.stats = stats
        # Raw lines cut before a note label glued to a word ("dé1. AMAE"): the extraction took the word's
        # hyphen off, and the word goes on after the notes.
        self.broken_at_labels = broken_at_labels

    def join(self, left: str, right: str, line: int, left_line: int | None = None) -> tuple[str, str]:
        """Text to end the left part with and the separator before the right part (line: the right
        part's raw line; left_line: the left part's)."""
        left = left.rstrip()
        right_start = right.lstrip()
        if left_line in self.broken_at_labels and left[-1:].isalpha():
            return self._join_lost_hyphen(left, right_start)
        if ends_with_hyphen(left):
            before = WORD_AT_END.search(left)
            after = WORD_AT_START.match(right_start)
            left_word = before.group(1) if before else ""
            right_word = after.group(1) if after else ""
            if left_word.isdigit() or (left[-1] == "–" and right_word.isdigit()):
                return left, ""  # 1923–1924, 274-275: a range
            candidate = left_word + left[-1]  # with its dash: an em dash joins only on evidence
            decision = self.dehyphenator.decide(candidate, right_word, self.lang)
            self.stats.hyphen_reasons[decision.reason] += 1
            self.stats.decisions.append(HyphenDecision(candidate, right_word, self.lang, decision.keep))
            if decision.reason == NO_EVIDENCE:
                self.stats.unjudged_lines.append(line)
            if decision.keep:
                self.stats.hyphens_kept += 1
                return left, " " if decision.space else ""
            self.stats.hyphens_joined += 1
            return left[:-1], ""
        return left, " "

    def _join_lost_hyphen(self, left: str, right: str) -> tuple[str, str]:
        """A word broken where a note label was glued to it: one word again when the evidence says so."""
        before, after = LAST_WORD.search(left), WORD_AT_START.match(right)
        if not (before and after):
            return left, " "
        decision = self.dehyphenator.decide(before.group(1) + "-", after.group(1), self.lang)
        self.stats.hyphen_reasons[decision.reason] += 1
        if decision.keep:
            return left, " "
        self.stats.hyphens_joined += 1
        return left, ""


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
        self.note_lines = lines
        # A note label glued to the end of a line of running text: the line's running text ends before it.
        glued = {fn.label_line: fn.label_start for b in blocks for fn in b.notes if fn.label_start}
        self.lines = [replace(line, text=line.text[: glued[i]]) if i in glued else line
                      for i, line in enumerate(lines)]
        broken = frozenset(lines[i].number for i, start in glued.items()
                           if lines[i].text[start - 1].isalpha())
        self.footnote_blocks = blocks
        self.pages = pages
        self.stats = FlowStats()
        self.removed: Counter = Counter()
        self.joiner = _Joiner(dehyphenator, lang, self.stats, broken)
        self.lang = lang
        # The title of an endnote section ("Примечания") is a heading of the text, its notes are not.
        self.endnote_heads = {b.heading for b in blocks if b.heading is not None}
        self.in_blocks = {i for b in blocks for i in range(b.start, b.end)} - self.endnote_heads
        # Orphan notes stand where their block's notes begin: after its title, if it has one.
        self.notes_open = {b.start + (b.heading is not None): b.start for b in blocks}
        self.numbers = forme_work(lines, pages)  # line -> running heads and page numbers printed on it
        self.page_starts = {b.line: b for b in pages.breaks}
        self.column_starts = set(pages.column_breaks)
        self.markers: dict[int, list[tuple[Marker, Note]]] = {}
        self.body = [
            i
            for i, line in enumerate(lines)
            if not line.blank and i not in self.in_blocks and i not in self.numbers
        ]
        self.evidence = ParagraphEvidence(lines, self.body, set(self.page_starts) | self.column_starts)
        self._collect_notes()
        self.readings = self._anchor_variants(variants or [])

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
        sequence = 0  # notes are numbered through the document: labels may restart on every page
        for block in self.footnote_blocks:
            for fn in block.notes:
                sequence += 1
                note = Note(sequence, line=self.note_lines[fn.label_line].number,
                            marker_found=fn.marker is not None, label=fn.label, place=block.place)
                pieces = []
                for j in fn.lines:
                    text = self.note_lines[j].text
                    if j == fn.label_line:
                        self._remove(text[fn.label_start : fn.text_start], "footnote-label")
                        text = text[fn.text_start :]
                    pieces.append((text, self.note_lines[j].number))
                note.content = self._join_pieces(pieces)
                if fn.marker is None:
                    self.orphan_notes.setdefault(block.start, []).append(note)
                else:
                    self.markers.setdefault(fn.marker.line, []).append((fn.marker, note))

    def _remove(self, text: str, rule: str) -> None:
        record_removed(self.removed, text, rule)

    def _join_pieces(self, pieces: list[tuple[str, int]]) -> list[Inline]:
        out: list = []
        text = ""
        for k, (piece, number) in enumerate(pieces):
            if k == 0:
                text = piece.strip()
                continue
            text, sep = self.joiner.join(text, piece, number, pieces[k - 1][1])
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
        inner = False  # past the break of a page of notes only, which stands among them
        for j in range(a + 1, b):
            if j in self.page_starts:
                brk = self.page_starts[j]
                items.extend([PageBreak(brk.n, brk.inferred, self.lines[j].number), *headers])
                headers, inner = [], True
            for fw in self.numbers.get(j, []):
                (headers if fw.place == "top" else items if inner else footers).append(fw)
            if j in self.notes_open:
                items.extend(self.orphan_notes.get(self.notes_open[j], []))
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
            heading = [k] if i in self.endnote_heads else self.evidence.heading_lines(k)
            separator = is_separator(self.lines[i].text)
            if heading:
                level = heading_level(self.lines[i].text) or bare_number_level(self.lines[i].text) or 1
                current = Block("head", [], level, line=self.lines[i].number)
                blocks.append(current)
            elif separator:  # a milestone: it holds only the breaks that stand before it
                current = Block("milestone", [], line=self.lines[i].number)
                blocks.append(current)
            elif prev is None or current.kind in SINGLE_LINE_KINDS or self.evidence.paragraph_ends(prev, i):
                kind = "quote" if i in self.evidence.quote_of else "p"
                current = Block(kind, [], line=self.lines[i].number)
                blocks.append(current)
            else:
                self._glue(current, prev, i)
            # A page's foot closes the block before; breaks inside a paragraph stand where they fall.
            closing, opening = self._between(-1 if prev is None else prev, i)
            opens_block = len(blocks) > 1 and current.content == []
            (blocks[-2].content if opens_block else current.content).extend(closing)
            current.content.extend(opening)
            if separator:
                self._remove(self.lines[i].text, "separator")  # OCR specks read for its asterisks
            else:
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
        # Entries of a reference list are cut by their own evidence (end_matter), not as paragraphs.
        listed = reference_list_line(blocks)
        numbers = (self.lines[i].number for i in self.evidence.undecided)
        self.stats.undecided_paragraph_lines = sorted(n for n in numbers if listed is None or n < listed)
        return Flow(blocks, self.stats, self.removed)

    def _glue(self, block: Block, a: int, b: int) -> None:
        """Join the end of the block's text (line a) with the line b that continues it."""
        for idx in range(len(block.content) - 1, -1, -1):
            if isinstance(block.content[idx], str):
                left, sep = self.joiner.join(block.content[idx], self.lines[b].text, self.lines[b].number,
                                             self.lines[a].number)
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


def undecided_paragraphs(lines: list[Line], numbers: list[int]) -> Diagnostic:
    """One warning for the lines that may open a paragraph, at the first of them, naming them all."""
    return warning_at_first(
        lines, numbers,
        f"{len(numbers)} line(s) may open a paragraph that the print does not show (a sentence ends a full "
        f"line before them, and no indent is left to tell): lines {', '.join(map(str, numbers))}; they are "
        "read as running on, check them, or set the paragraphs apart by a blank line in the source",
    )


def build_flow(lines, blocks, pages, dehyphenator, lang, variants=None) -> Flow:
    return FlowBuilder(lines, blocks, pages, dehyphenator, lang, variants).build()
