"""The apparatus passes: citations, dates and mentions found in the plain text, then made into nodes.

Each finder pass adds a named rule to the document's span rules (a :class:`RuleChain`, so that a pass of
an edition's own can insert a rule before or after another); the ``annotations`` pass runs the rules over
every plain string in reading order, running text and notes together, so that "Там же" resolves to the
reference just before it. Where spans overlap, the rule earlier in the chain wins: citations over dates,
dates over mentions. Abstracts and keywords are searched for dates and mentions, not for citations.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..diagnostics import Diagnostic, Severity
from ..layout.end_matter import listed_references
from ..model.document import Block, Document
from ..model.inline import Annotation, Inline, Note
from ..model.passes import Pass
from .citations import CitationContext, find_citations
from .dates import find_dates
from .mentions import MentionMatcher
from .spans import Span, non_overlapping

# A rule: (text, language, in a note?, may it hold citations?) -> the spans it finds in the text.
SpanRule = Callable[[str, str, bool, bool], list[Span]]
CITING_BLOCKS = ("p", "head")


class SpanRulePass(Pass):
    """A finder pass: it pushes one span rule, under its own name, for the ``annotations`` pass to run."""

    stage = "apparatus"
    adds = ("span_rules",)

    def apply(self, doc: Document) -> None:
        rule = self.rule(doc)
        if rule is not None:
            doc.span_rules.push(self.name, rule)

    def rule(self, doc: Document) -> SpanRule | None:
        """The rule for this document; None when the pass has nothing to find."""
        raise NotImplementedError


class Citations(SpanRulePass):
    name = "citations"
    priority = 810
    reads = ("reference_list",)

    def rule(self, doc: Document) -> SpanRule:
        edition = doc.edition
        context = CitationContext(
            edition.id, {**edition.references, **listed_references(doc.reference_list)},
            series=doc.collection.series, languages=edition.languages, archives=doc.collection.archives,
        )

        def citations(text: str, lang: str, in_note: bool, cite: bool) -> list[Span]:
            return find_citations(text, context, in_note=in_note) if cite else []

        return citations


class Dates(SpanRulePass):
    name = "dates"
    priority = 820

    def rule(self, doc: Document) -> SpanRule:
        return lambda text, lang, in_note, cite: find_dates(text)


class Mentions(SpanRulePass):
    name = "mentions"
    priority = 830

    def __init__(self, matcher: MentionMatcher | None):
        self.matcher = matcher

    def rule(self, doc: Document) -> SpanRule | None:
        matcher = self.matcher
        return None if matcher is None else lambda text, lang, in_note, cite: matcher.find(text)


class Annotations(Pass):
    """The span rules run over the text; what they found becomes ``Annotation`` nodes."""

    name = "annotations"
    priority = 890
    stage = "apparatus"
    reads = ("body", "front", "span_rules")
    adds = ("body", "front", "references", "cited_references", "report")
    required = True

    def apply(self, doc: Document) -> None:
        rules = [rule for _, rule in doc.span_rules.active()]
        counts: Counter = Counter()
        unlisted: list[int] = []  # lines of the blocks that cite a reference list not in the source
        for block in doc.front + doc.body:
            self._block(block, block.lang or doc.lang, rules, counts, doc.cited_references, unlisted)
        doc.references = dict(doc.edition.references)  # the entries the edition declares, never a placeholder
        doc.report.apparatus = dict(sorted(counts.items()))
        if unlisted:
            doc.diagnostics.append(Diagnostic(
                doc.lines[0].source if doc.lines else doc.edition.file.name, unlisted[0],
                f"{len(unlisted)} bracketed citations (the first here) cite a numbered reference list that "
                "is not in the source: they are shown as printed, unlinked; give the list in the source or "
                "its entries as 'references:' in the edition file", Severity.WARNING))

    def _block(
        self, block: Block, lang: str, rules: list[SpanRule], counts: Counter, cited: set[int],
        unlisted: list[int],
    ) -> None:
        cite = block.kind in CITING_BLOCKS

        def annotated(content: list[Inline], in_note: bool) -> list[Inline]:
            out: list[Inline] = []
            for item in content:
                if isinstance(item, str):
                    taken = _spans(item, lang, in_note, cite, rules)
                    for span in taken:
                        _count(span, counts, cited)
                        if span.tag == "bibl" and span.attrs.get("type") == "reference" and (
                                "corresp" not in span.attrs):
                            unlisted.append(block.line)
                    out.extend(_to_nodes(item, taken))
                else:
                    if isinstance(item, Note):
                        item.content = annotated(item.content, True)
                    out.append(item)
            return out

        block.content = annotated(block.content, False)


def _spans(text: str, lang: str, in_note: bool, cite: bool, rules: list[SpanRule]) -> list[Span]:
    """The spans of every rule, in chain order; a span overlapping one of an earlier rule is dropped."""
    taken: list[Span] = []
    for rule in rules:
        found = [s for s in rule(text, lang, in_note, cite) if not _overlaps(s, taken)]
        taken = non_overlapping(taken + found)
    return taken


def _overlaps(span: Span, taken: list[Span]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in taken)


def _count(span: Span, counts: Counter, cited: set[int]) -> None:
    counts[span.tag + (f"[{span.attrs['type']}]" if "type" in span.attrs else "")] += 1
    if span.tag == "bibl" and "corresp" in span.attrs and span.attrs.get("type") == "reference":
        cited.add(int(span.attrs["corresp"].rsplit("-", 1)[1]))
    for child in span.children:
        _count(child, counts, cited)


def _to_nodes(text: str, spans: list[Span], offset: int = 0, end: int | None = None) -> list[Inline]:
    """text[offset:end] as plain strings and Annotation nodes for the given non-overlapping spans."""
    end = len(text) if end is None else end
    out: list[Inline] = []
    pos = offset
    for span in sorted(spans, key=lambda s: s.start):
        if span.start > pos:
            out.append(text[pos : span.start])
        children = _to_nodes(text, list(span.children), span.start, span.end)
        out.append(Annotation(span.tag, dict(span.attrs), children))
        pos = span.end
    if pos < end:
        out.append(text[pos:end])
    return out
