"""Passes and rule chains: the ordered steps that take a document from raw lines to annotated text.

After docutils' transforms, a :class:`Pass` is a small class with a name, a priority and an ``apply``; it
says which fields of the :class:`~.document.Document` it reads and which it fills. A :class:`PassChain`
runs the passes in priority order and lets an edition switch passes off by name.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import fields
from typing import ClassVar

from .document import Document

DOCUMENT_FIELDS = frozenset(f.name for f in fields(Document))
GIVEN = frozenset({"edition", "collection"})  # what a document starts with


class Pass:
    """One step over a document. Subclasses set the class attributes and implement ``apply``."""

    name: ClassVar[str]
    priority: ClassVar[int]  # lower runs earlier
    stage: ClassVar[str]  # "read", "layout" or "apparatus": where the benchmark counts its time
    reads: ClassVar[tuple[str, ...]] = ()  # Document fields this pass reads
    adds: ClassVar[tuple[str, ...]] = ()  # Document fields this pass fills or extends
    required: ClassVar[bool] = False  # a pass the others cannot do without: it cannot be switched off

    def apply(self, doc: Document) -> None:
        raise NotImplementedError


class PassError(ValueError):
    """An edition asked for something the chain cannot do (an unknown pass, a required one switched off)."""


class PassChain:
    """Passes in priority order; what each reads must be given (the edition and the collection) or added by
    a pass before it."""

    def __init__(self, passes: Iterable[Pass]):
        self.passes = sorted(passes, key=lambda p: (p.priority, p.name))
        names = [p.name for p in self.passes]
        if len(set(names)) != len(names):
            raise PassError(f"two passes share a name: {sorted(n for n in names if names.count(n) > 1)}")
        available = set(GIVEN)
        for step in self.passes:
            unknown = (set(step.reads) | set(step.adds)) - DOCUMENT_FIELDS
            if unknown:
                raise PassError(
                    f"pass '{step.name}' names fields the document does not have: {sorted(unknown)}"
                )
            missing = set(step.reads) - available - set(step.adds)
            if missing:
                raise PassError(f"pass '{step.name}' reads {sorted(missing)}, which no earlier pass adds")
            available |= set(step.adds)

    @property
    def names(self) -> list[str]:
        return [p.name for p in self.passes]

    def without(self, names: Iterable[str]) -> PassChain:
        """The chain with the named passes switched off; an unknown or required pass is refused."""
        names = set(names)
        known = {p.name: p for p in self.passes}
        unknown = sorted(names - set(known))
        if unknown:
            raise PassError(f"no pass named {', '.join(repr(n) for n in unknown)}; "
                            f"the passes are: {', '.join(self.names)}")
        required = sorted(n for n in names if known[n].required)
        if required:
            raise PassError(f"the pass {', '.join(repr(n) for n in required)} cannot be switched off: "
                            "the passes after it need what it makes")
        chain = PassChain.__new__(PassChain)
        chain.passes = [p for p in self.passes if p.name not in names]
        return chain

    def until(self, name: str) -> PassChain:
        """The passes that run before the named one (what the document is like when it starts)."""
        stop = next(k for k, p in enumerate(self.passes) if p.name == name)
        chain = PassChain.__new__(PassChain)
        chain.passes = self.passes[:stop]
        return chain

    def run(self, doc: Document) -> Document:
        """Apply every pass in order; the time of each is added to its stage in the document's report."""
        timings = doc.report.timings
        for step in self.passes:
            started = time.perf_counter()
            step.apply(doc)
            timings[step.stage] = timings.get(step.stage, 0.0) + time.perf_counter() - started
            doc.report.passes.append(step.name)
        return doc
