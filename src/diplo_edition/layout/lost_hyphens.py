"""The lost-hyphens pass: hyphens of compounds that the text extraction removed, put back as corrections.

pdftotext, in its default mode, takes the hyphen off every word broken at a line end and joins the halves,
the hyphen of a compound too: the print has ``Маньчжоу-го``, ``non-agression``, the raw file
``Маньчжоуго``, ``nonagression``. Where the evidence puts a hyphen back (``Dehyphenator.lost_hyphens``:
a word its language does not know, with its hyphenated form printed elsewhere in the text or, in Russian,
a compound stem before an adjective), the hyphen is added as a correction made by this rule, not by an
editor: ``Маньчжоу<choice><sic/><corr resp="#rule-lost-hyphens">-</corr></choice>го``. The raw
letters stay as they are (``sic`` is empty: the print had the hyphen, the raw file has nothing there).

Only the joins of an extraction are undone, never a word printed without its hyphen: the pass runs only
where the body's lines (almost) never end in a broken word, the hyphens having been taken off, and it
leaves a word that begins a raw line anywhere: pdftotext puts a word it joined on the line of its first
half, so a word at the start of a line was printed whole (``Цзолинь``, where ``Цзо-линь`` is printed too).
A word with evidence at two places is kept as it is, and warned at its block's first line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Severity
from ..model.document import Document
from ..model.inline import Correction, Inline, Note
from ..model.passes import Pass
from .hyphenation import Dehyphenator

# Who made the correction: this rule (the TEI points to it as the corrector, ``corr/@resp``; an editor's
# id is always "resp-…"), and what it does, for the TEI header.
LOST_HYPHEN_RESP = "rule-lost-hyphens"
LOST_HYPHEN_RULE = "hyphen of a compound put back where the text extraction removed it (rule lost-hyphens)"
# A word of letters only, not part of a compound or a number that is printed with its hyphen.
_WORD_RE = re.compile(r"(?<![\w\-\u2010\u2011])[^\W\d_]{4,}(?![\w\-\u2010\u2011])")
# A line that ends in a word broken by a hyphen, as OCR and pdftotext -raw keep it.
_BROKEN_END_RE = re.compile(r"[^\W\d_][-\u00ad\u2010]\s*$")
# Below this share of the body's lines ending in a broken word, the extraction joined the broken words
# (pdftotext: 0-1 %; OCR and pdftotext -raw of typeset pages: 8-45 %).
_JOINED_SHARE = 0.02


class LostHyphens(Pass):
    name = "lost-hyphens"
    priority = 720  # after the editors' corrections (700), which look for the text as printed
    stage = "layout"
    reads = ("lines", "body", "front")
    adds = ("body", "front", "rule_corrections", "diagnostics")

    def __init__(self, dehyphenator: Dehyphenator):
        self.dehyphenator = dehyphenator

    def apply(self, doc: Document) -> None:
        texts = [line.text for line in doc.lines if line.text.strip()]
        if not texts or sum(bool(_BROKEN_END_RE.search(t)) for t in texts) >= _JOINED_SHARE * len(texts):
            return  # the extraction kept the broken words as printed: nothing was joined
        line_starts = {m.group() for t in texts if (m := _WORD_RE.match(t.lstrip()))}
        restorer = _Restorer(self.dehyphenator, line_starts)
        for block in doc.front + doc.body:
            block.content = restorer.restored(block.content, block.lang or doc.lang, block.line)
        if restorer.made:
            doc.rule_corrections[LOST_HYPHEN_RESP] = LOST_HYPHEN_RULE
        source = doc.lines[0].source
        doc.diagnostics.extend(
            Diagnostic(
                source, line,
                f"'{word}' may be a compound whose hyphen the text extraction took off, but the text has it "
                "hyphenated in more than one place; it is kept as it is: correct it in the edition if needed",
                Severity.WARNING,
            )
            for word, line in restorer.unsure
        )


@dataclass
class _Restorer:
    dehyphenator: Dehyphenator
    printed_whole: set[str]  # words that begin a raw line: printed so, not joined by the extraction
    unsure: list[tuple[str, int]] = field(default_factory=list)  # words with more than one place, their line
    made: int = 0  # hyphens put back

    def restored(self, content: list[Inline], lang: str, line: int) -> list[Inline]:
        out: list[Inline] = []
        for item in content:
            if isinstance(item, str):
                out.extend(self._split(item, lang, line))
                continue
            if isinstance(item, Note):
                item.content = self.restored(item.content, lang, item.line or line)
            out.append(item)
        return out

    def _split(self, text: str, lang: str, line: int) -> list[Inline]:
        out: list[Inline] = []
        pos = 0
        for m in _WORD_RE.finditer(text):
            word = m.group()
            places = [] if word in self.printed_whole else self.dehyphenator.lost_hyphens(word, lang)
            if len(places) > 1:
                self.unsure.append((word, line))
            if len(places) != 1:
                continue
            out.extend((text[pos : m.start() + places[0]], Correction("", "-", LOST_HYPHEN_RESP)))
            self.made += 1
            pos = m.start() + places[0]
        out.append(text[pos:])
        return [x for x in out if x != ""]
