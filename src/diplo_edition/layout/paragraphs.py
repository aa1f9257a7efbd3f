"""The print's own evidence of where a paragraph, a heading or a block quotation begins.

`pdftotext` and OCR write no blank line between paragraphs, so a paragraph end is read from the print:
a blank line in single-spaced text; the indent of a first line (kept by `pdftotext -layout` and by OCR);
a sentence that ends on a short line before a capital (also in double-spaced text, and across page,
column and footnote breaks, which are never paragraph ends in themselves); a list item after a colon.
How short is short is weighed per document: with no blank lines between paragraphs, any line under the
shortest full line, and a first line under it by an indent's width (the indent it lost); where blank
lines set the paragraphs apart, only a clearly short line outweighs a missing blank line. Counting
characters is rough in a proportional face, so a line's typeset width is weighed too, against the
document's own full lines and certain first lines (a first line joined by `pdftotext` at its hyphen
still falls short by its indent). A sentence that ends a full line before a capital, with no width to
tell, may or may not end a paragraph: the text runs on, and one warning names those lines.
A heading is a short line that opens like a chapter, a section title, a numbered section or an
all-capital title, standing apart from the text by blank lines or, with none, between a sentence end and
a capital; a heading that has not ended runs on into a short fragment on its next line, past a blank
line too (OCR sets the lines of a wrapped heading apart). A name in capitals that signs a letter is not
a heading. Lines set in from the text's left edge, two or more of them, are a block quotation.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter

from ..languages import packs
from ..model.lines import Line
from .headings import (
    CHAPTER,
    MAX_HEADING_LINES,
    NUMBERED,
    SECTION_TITLE,
    all_capitals,
    bare_number_level,
    heading_level,
    runs_on,
)
from .line_signals import FIRST_LINE_INDENT, MERGED_LINE, closes_sentence, justified_measure
from .line_widths import LineContext, LineWidths, weigh_widths
from .lines import (
    ends_sentence,
    ends_with_hyphen,
    indent,
    is_separator,
    starts_block,
    starts_list_item,
    starts_lowercase,
)
from .quotations import block_quotations

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

# A keyword list runs over this many lines at most (its last has no full stop to end it).
MAX_KEYWORD_LINES = 3
# Share of the typical line length under which a line that ends a sentence ends its paragraph.
SHORT_LINE = {"plain": 0.75, "double": 0.9, "break": 0.8}
# Runs of this many lines, each followed by exactly one blank line, are double-spaced text.
DOUBLE_SPACED_RUN = 5
# Lines this long on average are whole paragraphs (one paragraph per line).
PARAGRAPH_PER_LINE_CHARS = 150
# How short a line that ends a sentence must be to end its paragraph, as a share of the shortest full
# line, weighed against the blank-line evidence. With no blank lines between paragraphs (`pdftotext`),
# any line shorter than the shortest full line is a last line; in a document that sets its paragraphs
# apart by blank lines, a missing blank line speaks against a paragraph end and only a clearly short
# line outweighs it.
JUSTIFIED_SHORT = {"no blank lines": 0.97, "blank lines": 0.88}
# A document sets its paragraphs apart by blank lines when this share of its short lines that end a
# sentence before a new one (at least BLANK_EVIDENCE of them) have a blank line after them.
BLANK_SEPARATED_SHARE = 0.5
BLANK_EVIDENCE = 3
# With no indent in the text (`pdftotext` drops it), a paragraph's first line still holds fewer letters
# than a full line: within this share of the shortest full line.
SET_IN_FIRST_LINE = (0.8, 0.97)
# Full lines run this share over the measure at most: the tail of joined full lines that is no longer.
MERGED_SLACK = 0.06
# Closings before a signature end with a comma ("Yours faithfully,", "С уважением,").
CLOSING = ","


class ParagraphEvidence:
    """What the lines of a flow say about paragraph, heading and block boundaries.

    ``body`` holds the indices into ``lines`` of the reading text's lines; ``breaks`` the lines that
    open a page or a column.
    """

    def __init__(self, lines: list[Line], body: list[int], breaks: set[int]):
        self.lines = lines
        self.body = body
        self.position = {i: k for k, i in enumerate(body)}
        self.breaks = breaks
        lengths = [len(lines[i].stripped) for i in body]
        self.typical = statistics.median(lengths) if lengths else 0
        self.per_line = bool(lengths) and statistics.mean(lengths) > PARAGRAPH_PER_LINE_CHARS
        self.double = self._double_spaced()
        self.measure, self.full_line = justified_measure(lengths)
        # The short lines the blank-line evidence is counted on are found with the lenient measure.
        self.spacing = "no blank lines"
        if self._blank_separated():
            self.spacing = "blank lines"
        self.has_chapters = any(CHAPTER.match(lines[i].stripped) for i in body)
        indents = Counter(indent(lines[i].text) for i in body)
        self.left = indents.most_common(1)[0][0] if indents else 0
        self.quote_of = block_quotations(lines, body, self.left)
        self.title_block = self._title_block()
        self.widths = self._line_widths()
        # Lines after a sentence that ends a full line, where nothing tells whether a paragraph ends.
        self.undecided: set[int] = set()

    # --- between two body lines -----------------------------------------------------------------

    def gap(self, a: int, b: int) -> tuple[int, bool]:
        """Blank lines between body lines a and b, and whether only blank lines stand between them."""
        between = range(a + 1, b)
        pure = all(self.lines[j].blank for j in between) and b not in self.breaks
        return sum(1 for j in between if self.lines[j].blank), pure

    def _double_spaced(self) -> set[int]:
        marked: set[int] = set()
        run: list[int] = []
        for a, b in zip(self.body, self.body[1:], strict=False):
            blanks, pure = self.gap(a, b)
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
        length = len(text.strip())
        if self.measure and kind != "double":
            # `pdftotext` joins a line that ends in a hyphen with the next: what ends the joined line
            # is the length beyond the full lines before it, unless it is no more than their spread.
            last_line = JUSTIFIED_SHORT[self.spacing] * self.measure
            if length <= MERGED_LINE * self.measure:
                return length < last_line
            full = int(length // self.full_line)
            tail = length - full * self.full_line
            return MERGED_SLACK * full * self.full_line < tail < last_line
        trailing = len(text) - len(text.rstrip(" "))
        return length < SHORT_LINE[kind] * self.typical or (kind == "double" and trailing >= 2)

    def _first_line_set_in(self, i: int) -> bool:
        """Is line i a full line shortened by a first-line indent that the text lost? It runs on into the
        next line (it ends no sentence), and its length is just under the measure's."""
        if self.spacing != "no blank lines" or not self.measure or closes_sentence(self.lines[i].text):
            return False
        if self.widths and self.widths.set_in(self.lines[i].text):
            return True
        low, high = SET_IN_FIRST_LINE
        # The indent it lost is two characters or more (in a narrow column, more than the share).
        room = min(high * self.measure, self.measure - FIRST_LINE_INDENT.start + 1)
        return low * self.measure <= len(self.lines[i].stripped) < room

    def _runs_on(self, k: int) -> bool:
        """Does the line at body position k run on, with nothing between, into a lowercase next line?"""
        return (k + 1 < len(self.body) and self.gap(self.body[k], self.body[k + 1]) == (0, True)
                and starts_lowercase(self.lines[self.body[k + 1]].text))

    def _line_widths(self) -> LineWidths | None:
        """The typeset widths of the document's lines, where its paragraphs are not set apart by blank
        lines and its type is justified."""
        if self.spacing != "no blank lines" or not self.measure:
            return None
        contexts = []
        for k, i in enumerate(self.body):
            a = self.body[k - 1] if k > 0 else None
            before = self.lines[a].text if a is not None and self.gap(a, i) == (0, True) else None
            after_last_line = (before is not None and closes_sentence(before) and self._short(a, "plain")
                               and starts_block(self.lines[i].text) and not self.labelled(i))
            contexts.append(LineContext(self.lines[i].text, before, self._runs_on(k), after_last_line))
        return weigh_widths(contexts, self.measure)

    def _interrupts_a_paragraph(self, b: int) -> bool:
        """Do body line b and the lines after it, up to a page or column break, each end a sentence while
        the text after the break runs on in lowercase? Then the paragraph open before them goes on after
        the break, and they open none (note lines left in the text at the page's foot)."""
        k = self.position[b]
        while k + 1 < len(self.body) and self.gap(self.body[k], self.body[k + 1])[1]:
            if not closes_sentence(self.lines[self.body[k]].text):
                return False
            k += 1
        after = k + 1 < len(self.body) and self.lines[self.body[k + 1]].text
        return bool(after) and closes_sentence(self.lines[self.body[k]].text) and starts_lowercase(after)

    def _blank_separated(self) -> bool:
        """Are most short lines that end a sentence before a new one followed by a blank line? (Before a
        heading a blank line is no evidence: headings stand apart in text with no blank lines too.)"""
        followed = []
        for a, b in zip(self.body, self.body[1:], strict=False):
            blanks, pure = self.gap(a, b)
            following = self.lines[b].text
            if (pure and a not in self.double and closes_sentence(self.lines[a].text)
                    and starts_block(following) and self._short(a, "plain")
                    and heading_level(following) is None and bare_number_level(following) is None):
                followed.append(blanks > 0)
        return len(followed) >= BLANK_EVIDENCE and sum(followed) >= BLANK_SEPARATED_SHARE * len(followed)

    def first_line_indent(self, i: int) -> bool:
        """Is line i set in as the first line of a paragraph (further than the text's left edge)?"""
        return indent(self.lines[i].text) - self.left in FIRST_LINE_INDENT and i not in self.quote_of

    def labelled(self, i: int) -> bool:
        """Does line i open an abstract or the keywords with their label (anywhere in the document)?"""
        text = self.lines[i].text
        return bool(ABSTRACT_LABEL.match(text) or KEYWORDS_LABEL.match(text))

    def set_apart(self, i: int) -> bool:
        """Is line i set far in (centred or to the right: a signature, a place and date), not a text line?"""
        return indent(self.lines[i].text) - self.left >= FIRST_LINE_INDENT.stop

    def paragraph_ends(self, a: int, b: int) -> bool:
        """Does a paragraph end between body lines a and b?"""
        prev, nxt = self.lines[a].text, self.lines[b].text
        if ends_with_hyphen(prev):
            return False
        if self.quote_of.get(a) != self.quote_of.get(b):
            return True  # a block quotation begins or ends
        if self.first_line_indent(b) or self.signature(self.position[b]) or self.labelled(b):
            return True
        if a in self.title_block and starts_block(nxt):
            return True  # each line of the title block (title, author) is a block of its own
        if not closes_sentence(prev) or not starts_block(nxt) or self._interrupts_a_paragraph(b):
            return False
        if self.per_line or self.set_apart(b):
            return True
        if prev.rstrip()[-1] in ":;" and starts_list_item(nxt):
            return True  # each item of a list is a block of its own
        blanks, pure = self.gap(a, b)
        if not pure:
            ends = self._short(a, "break")
        elif blanks == 0:
            # A line that ends on a colon sets narrow where a long word did not fit after it (a reference
            # entry's "М.:"), so only a stop makes a narrow line a last line.
            narrow = self.widths is not None and self.widths.narrow(prev) and prev.rstrip()[-1] not in ":;"
            ends = self._short(a, "plain") or narrow or self._first_line_set_in(b)
        else:
            return blanks > 1 or a not in self.double or self._short(a, "double")
        if not ends and self.spacing == "no blank lines" and (
                self.widths is None or self.widths.set_in(nxt) is None):
            self.undecided.add(b)  # a sentence ends a full line, and no first line's width can tell
        return ends

    def _title_block(self) -> set[int]:
        """The short lines that open the text before its first sentence: a title, an author."""
        block: set[int] = set()
        for i in self.body:
            if not self._title_line(self.lines[i].text) or ends_sentence(self.lines[i].text):
                break
            block.add(i)
        return block

    # --- headings -------------------------------------------------------------------------------

    def signature(self, k: int) -> bool:
        """A name in capitals that signs a letter: set to the right, after a closing, or at the end."""
        i = self.body[k]
        text = self.lines[i].text
        if CHAPTER.match(text.strip()) or SECTION_TITLE.match(text.strip()) or NUMBERED.match(text.strip()):
            return False
        if not all_capitals(text):
            return False
        right_set = self.set_apart(i)
        after_closing = k > 0 and self.lines[self.body[k - 1]].text.rstrip().endswith(CLOSING)
        rest = [self.lines[j].stripped for j in self.body[k + 1 :]]
        at_end = len(rest) <= 2 and all(len(r) < SHORT_LINE["plain"] * self.typical for r in rest)
        return right_set or after_closing or at_end

    def _stands_alone(self, k: int) -> bool:
        """A one-line heading with no blank line around it: between a sentence end (or the start) and a
        line that opens a block, shorter than the text's lines, not leading into what follows."""
        i = self.body[k]
        text = self.lines[i].text.rstrip()
        if text[-1:] in ",;:":
            return False
        # A chapter word or a title of front or back matter is heading enough; any other line must stand
        # where a sentence ended and be short.
        named = CHAPTER.match(text.strip()) or SECTION_TITLE.match(text.strip())
        if not named and (text[-1:] == "." or len(text.strip()) >= SHORT_LINE["plain"] * self.typical):
            return False
        previous = self.lines[self.body[k - 1]].text if k > 0 else ""
        if (not named and k > 0 and not ends_sentence(previous) and not self._after_keywords(k)
                and not self._title_line(previous)):
            return False
        return k + 1 >= len(self.body) or starts_block(self.lines[self.body[k + 1]].text)

    def _title_line(self, text: str) -> bool:
        """A short line that ends no sentence and leads into nothing: a title's or an author's line."""
        s = text.strip()
        return (bool(s) and s[-1] not in ",;:" and not ends_with_hyphen(s)
                and len(s) < SHORT_LINE["plain"] * self.typical)

    def _wrapped_heading(self, k: int) -> list[int]:
        """A numbered heading run on to a second short line (in a narrow column): "2. Переговоры и их" /
        "участники", then a line that opens a block."""
        if k + 2 >= len(self.body) or not NUMBERED.match(self.lines[self.body[k]].stripped):
            return []
        first, rest = (self.lines[self.body[j]].text.strip() for j in (k, k + 1))
        if not runs_on(first, rest):
            return []
        if any(self.gap(self.body[j], self.body[j + 1]) != (0, True) for j in (k, k + 1)):
            return []
        short = all(len(t) < SHORT_LINE["plain"] * self.typical for t in (first, rest))
        return [k, k + 1] if short and starts_block(self.lines[self.body[k + 2]].text) else []

    def _after_keywords(self, k: int) -> bool:
        """Does body line k follow the lines of a keyword list (which ends with no full stop)?"""
        for j in range(k - 1, max(-1, k - 1 - MAX_KEYWORD_LINES), -1):
            if KEYWORDS_LABEL.match(self.lines[self.body[j]].text):
                return True
            if j == 0 or self.gap(self.body[j - 1], self.body[j]) != (0, True):
                return False  # a blank line or the start: no keyword list above
        return False

    def _numbered_apart(self, k: int) -> bool:
        """A section number alone on line k, its title on the next: short, capitalised, not a sentence."""
        if bare_number_level(self.lines[self.body[k]].text) is None or k + 1 >= len(self.body):
            return False
        title = self.lines[self.body[k + 1]].text.strip()
        after = self.lines[self.body[k + 2]].text if k + 2 < len(self.body) else ""
        return (title[:1].isupper() and title[-1:] not in ".,;:" and not ends_with_hyphen(title)
                and len(title) <= max(self.typical, self.measure or 0) and (not after or starts_block(after)))

    def heading_lines(self, k: int) -> list[int]:
        """Body positions (indices into body) of the heading that opens at body position k, if any."""
        i = self.body[k]
        if self._numbered_apart(k):
            return [k, k + 1]
        level = heading_level(self.lines[i].text)
        if level is None or (self.has_chapters and level == 1 and NUMBERED.match(self.lines[i].stripped)):
            return []  # in a text divided into chapters, "1." opens a list item, not a section
        if i in self.quote_of or self.signature(k) or is_separator(self.lines[i].text):
            return []  # a separator read by OCR ("* OK OK") looks like a title in capitals
        if k > 0:
            a = self.body[k - 1]
            blanks, pure = self.gap(a, i)
            if ends_with_hyphen(self.lines[a].text):
                return []
            if pure and blanks == 0:
                return self._without_blank_lines(k)
        taken = self._heading_run(k)
        last = self.body[taken[-1]]
        if self.lines[last].text.rstrip()[-1:] in ":;,":
            return []  # a heading does not lead into what follows
        if taken[-1] + 1 < len(self.body):
            blanks, pure = self.gap(last, self.body[taken[-1] + 1])
            if pure and blanks == 0:
                return self._without_blank_lines(k)
        return taken

    def _without_blank_lines(self, k: int) -> list[int]:
        """The heading at body position k that stands with no blank line before or after it, if any."""
        return [k] if self._stands_alone(k) else self._wrapped_heading(k)

    def _heading_run(self, k: int) -> list[int]:
        """The heading's line and the lines that continue it with no blank line between."""
        taken = [k]
        if SECTION_TITLE.match(self.lines[self.body[k]].stripped):
            return taken
        while len(taken) < MAX_HEADING_LINES and taken[-1] + 1 < len(self.body):
            a, b = self.body[taken[-1]], self.body[taken[-1] + 1]
            blanks, pure = self.gap(a, b)
            if not (pure and blanks == 0) or heading_level(self.lines[b].text) is not None:
                break
            taken.append(taken[-1] + 1)
        if self._continued_across_blank(taken[-1]):
            taken.append(taken[-1] + 1)
        return taken

    def _continued_across_blank(self, k: int) -> bool:
        """Does the heading line at body position k run on, past a blank line, into a short fragment that
        stands alone, as OCR sets the lines of a wrapped heading apart?"""
        if k + 1 >= len(self.body):
            return False
        a, b = self.body[k], self.body[k + 1]
        fragment = self.lines[b].text
        blanks, pure = self.gap(a, b)
        if not pure or blanks == 0 or len(fragment.strip()) >= SHORT_LINE["plain"] * self.typical:
            return False
        if not runs_on(self.lines[a].text, fragment):
            return False
        return k + 2 >= len(self.body) or self.gap(b, self.body[k + 2]) != (0, True)
