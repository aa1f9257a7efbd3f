"""The corrections pass: the editors' corrections of the OCR text, applied before anything else is read.

Each correction of the edition file (``sic`` → ``corr``) replaces every occurrence of ``sic`` in the plain
text, running text and notes alike, by a ``Correction`` node (``choice/sic/corr`` in the TEI). A correction
that matches nothing any more is an error at its line of the edition file.
"""

from __future__ import annotations

import re
from collections import Counter

from ..diagnostics import Diagnostic
from ..editions import Correction as CorrectionEntry
from ..model.document import Document
from ..model.inline import Correction, Inline, Note
from ..model.passes import Pass


def resp_id(resp: str) -> str:
    """The xml:id of the person or body responsible for a correction."""
    slug = re.sub(r"[^a-z0-9]+", "-", resp.lower()).strip("-")
    return f"resp-{slug or 'editor'}"


class Corrections(Pass):
    name = "corrections"
    priority = 700
    stage = "apparatus"
    reads = ("body", "front")
    adds = ("body", "front", "diagnostics")

    def apply(self, doc: Document) -> None:
        entries = doc.edition.corrections
        applied: Counter = Counter()
        for block in doc.front + doc.body:
            block.content = _corrected(block.content, entries, applied)
        name = doc.edition.file.name
        doc.diagnostics.extend(
            Diagnostic(
                f"editions/{name}",
                entry.line,
                f"correction '{entry.sic}' → '{entry.corr}' no longer matches the text; "
                "check the spelling of 'sic' against the source, or remove the correction",
            )
            for index, entry in enumerate(entries)
            if not applied[index]
        )


def _corrected(content: list[Inline], entries: tuple[CorrectionEntry, ...], applied: Counter) -> list[Inline]:
    out: list[Inline] = []
    for item in content:
        if isinstance(item, str):
            out.extend(_correct(item, entries, applied))
        else:
            if isinstance(item, Note):
                item.content = _corrected(item.content, entries, applied)
            out.append(item)
    return out


def _correct(text: str, entries: tuple[CorrectionEntry, ...], applied: Counter) -> list[Inline]:
    found = []
    for index, entry in enumerate(entries):
        for m in re.finditer(re.escape(entry.sic), text):
            found.append((m.start(), m.end(), index, entry))
    if not found:
        return [text]
    out: list[Inline] = []
    pos = 0
    for start, end, index, entry in sorted(found):
        if start < pos:
            continue
        applied[index] += 1
        out.append(text[pos:start])
        out.append(Correction(entry.sic, entry.corr, resp_id(entry.resp)))
        pos = end
    out.append(text[pos:])
    return [x for x in out if x != ""]
