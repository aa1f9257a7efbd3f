"""The parts every kind of citation is made of: the printed forms of a locator's value, the ``citedRange``
of a locator, and the candidate span a kind proposes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..languages import alternation, packs
from .spans import Span

# The shelfmark and locator words of every language pack, as printed (with their dot where abbreviated):
# a quotation or a shelfmark in another language than the document's is still read.
PACKS = packs()
_VERSO = alternation([w for p in PACKS for w in p.verso_words]) + r"(?![^\W\d_])"

FOLIO = rf"\d+(?:\s?{_VERSO}|[а-дa-d](?![\w]))?"
FOND = r"(?:[А-ЯЁA-Z]{1,3}-)?\d+[а-дa-d]?(?!\w)"


@dataclass
class CitationCandidate:
    """A span one kind of citation proposes; where candidates overlap, the kind of higher precedence wins."""

    start: int
    end: int
    kind: str  # reference | series | archival | ibid-archival | ibid | other | block
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Span] = field(default_factory=list)
    surname: str | None = None  # other: the author; ibid: the author named before "Указ. соч."


def _value(text: str) -> str:
    return re.sub(r"\s+", "", text)


def cited_range(m: re.Match[str], start_group: str, a: str, b: str | None, unit: str) -> Span:
    """A citedRange around a locator match: from the label to the end of its value or range."""
    start = m.start(start_group)
    end = m.end(b) if b and m.group(b) else m.end(a)
    first = _value(m.group(a))
    last = _value(m.group(b)) if b and m.group(b) else first
    return Span(start, end, "citedRange", {"unit": unit, "from": first, "to": last})
