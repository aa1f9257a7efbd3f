"""Spans: what an annotator found in a string of the reading text, as a TEI element to wrap around it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A TEI element to wrap around ``text[start:end]``.

    ``children`` are spans inside this one, with offsets into the same string (start <= child.start and
    child.end <= end); they do not overlap each other. ``attrs`` are TEI attributes (``xml:id`` written
    as ``"xml:id"``).
    """

    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: tuple[Span, ...] = ()

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"empty or negative span {self.start}..{self.end}")
        for child in self.children:
            if child.start < self.start or child.end > self.end:
                raise ValueError(f"child {child.tag} outside {self.tag} {self.start}..{self.end}")


def non_overlapping(spans: list[Span]) -> list[Span]:
    """Keep the earliest, then longest, spans that do not overlap one already kept."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept
