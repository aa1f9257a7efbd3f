"""Attaching the apparatus to the reading text: corrections, citations, dates and mentions, in reading order.

Corrections come first (they change what the other annotators read); then, on the text left plain,
citations win over dates, and dates over mentions, where they overlap. Citations are found in reading
order, running text and notes together, so that "Там же" resolves to the reference just before it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic
from ..editions import Correction, DocumentEdition
from ..layout.flow import Block, Note
from .citations import CitationContext, find_citations
from .dates import find_dates
from .mentions import MentionMatcher
from .spans import Span, non_overlapping

DVP_TITLE = re.compile(r"Документы\s+внешней\s+политики|ДВП\b")


@dataclass
class Phrase:
    """A TEI phrase-level element in the reading text; content is text and phrases."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    content: list = field(default_factory=list)


@dataclass
class AnnotationStats:
    elements: Counter = field(default_factory=Counter)  # TEI tag (with type) -> count
    corrections_applied: Counter = field(default_factory=Counter)  # correction index -> matches
    cited_references: set[int] = field(default_factory=set)  # N of the reference list cited in the text


def resp_id(resp: str) -> str:
    """The xml:id of the person or body responsible for a correction."""
    slug = re.sub(r"[^a-z0-9]+", "-", resp.lower()).strip("-")
    return f"resp-{slug or 'editor'}"


def _to_phrases(text: str, spans: list[Span], offset: int = 0, end: int | None = None) -> list:
    """Split text[offset:end] into plain strings and phrases for the given non-overlapping spans."""
    end = len(text) if end is None else end
    out: list = []
    pos = offset
    for span in sorted(spans, key=lambda s: s.start):
        if span.start > pos:
            out.append(text[pos : span.start])
        out.append(
            Phrase(span.tag, dict(span.attrs), _to_phrases(text, list(span.children), span.start, span.end))
        )
        pos = span.end
    if pos < end:
        out.append(text[pos:end])
    return out


def _map_strings(content: list, fn: Callable[[str], list]) -> list:
    """Apply fn to every plain string of a content list (not inside phrases already made)."""
    out: list = []
    for item in content:
        out.extend(fn(item) if isinstance(item, str) else [item])
    return out


class Annotator:
    def __init__(self, doc: DocumentEdition, matcher: MentionMatcher | None, references: dict[int, str]):
        self.doc = doc
        self.matcher = matcher
        dvp = frozenset(n for n, description in references.items() if DVP_TITLE.search(description))
        self.citations = CitationContext(doc.id, references, dvp)
        self.stats = AnnotationStats()

    # --- corrections ------------------------------------------------------------------------------

    def _correct(self, text: str) -> list:
        spans = []
        for index, correction in enumerate(self.doc.corrections):
            for m in re.finditer(re.escape(correction.sic), text):
                spans.append((m.start(), m.end(), index, correction))
        if not spans:
            return [text]
        out: list = []
        pos = 0
        for start, end, index, correction in sorted(spans):
            if start < pos:
                continue
            self.stats.corrections_applied[index] += 1
            out.append(text[pos:start])
            out.append(self._choice(correction))
            pos = end
        out.append(text[pos:])
        return [x for x in out if x != ""]

    @staticmethod
    def _choice(correction: Correction) -> Phrase:
        corr = Phrase(
            "corr", {"resp": f"#{resp_id(correction.resp)}"}, [correction.corr] if correction.corr else []
        )
        return Phrase("choice", {}, [Phrase("sic", {}, [correction.sic]), corr])

    def stale_corrections(self) -> list[Diagnostic]:
        name = self.doc.file.name
        return [
            Diagnostic(
                f"editions/{name}",
                correction.line,
                f"correction '{correction.sic}' → '{correction.corr}' no longer matches the text; "
                "check the spelling of 'sic' against the source, or remove the correction",
            )
            for index, correction in enumerate(self.doc.corrections)
            if not self.stats.corrections_applied[index]
        ]

    # --- citations, dates, mentions ------------------------------------------------------------------

    def _annotate(self, text: str, lang: str, in_note: bool, cite: bool) -> list:
        spans: list[Span] = []
        if cite:
            spans.extend(find_citations(text, self.citations, in_note=in_note))
        taken = non_overlapping(spans)
        dates = [s for s in find_dates(text, lang) if not _overlaps(s, taken)]
        taken = non_overlapping(taken + dates)
        if self.matcher is not None:
            mentions = [s for s in self.matcher.find(text) if not _overlaps(s, taken)]
            taken = non_overlapping(taken + mentions)
        for span in taken:
            self._count(span)
        return _to_phrases(text, taken)

    def _count(self, span: Span) -> None:
        key = span.tag + (f"[{span.attrs['type']}]" if "type" in span.attrs else "")
        self.stats.elements[key] += 1
        if span.tag == "bibl" and span.attrs.get("type") == "reference":
            self.stats.cited_references.add(int(span.attrs["corresp"].rsplit("-", 1)[1]))
        for child in span.children:
            self._count(child)

    def annotate_content(self, content: list, lang: str, in_note: bool = False, cite: bool = True) -> list:
        content = _map_strings(content, self._correct)
        out: list = []
        for item in content:
            if isinstance(item, str):
                out.extend(self._annotate(item, lang, in_note, cite))
            elif isinstance(item, Note):
                item.content = self.annotate_content(item.content, lang, in_note=True, cite=cite)
                out.append(item)
            else:
                out.append(item)
        return out

    def annotate_blocks(self, blocks: list[Block], lang: str) -> None:
        for block in blocks:
            cite = block.kind in ("p", "head")
            block.content = self.annotate_content(block.content, block.lang or lang, cite=cite)


def _overlaps(span: Span, taken: list[Span]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in taken)
