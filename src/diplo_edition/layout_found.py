"""What the layout passes find in a document, run as a build runs them: for ``new`` (the comments of a new
edition file) and ``check --layout`` (every document, its layout hints honoured)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

from .editions import Collection, DocumentEdition, load_edition
from .layout.hyphenation import Dehyphenator
from .layout.report import layout_evidence
from .model.document import Document
from .pipeline import default_passes


def run_layout(document: Document) -> Document:
    """The pipeline's own passes over the document, up to the reading text: what a build would find."""
    return default_passes(Dehyphenator(Counter()), None).until("flow").run(document)


def layout_found(doc: DocumentEdition, collection: Collection) -> list[str]:
    """What the layout passes find in a document of the edition, with the evidence; nothing for a
    document given as TEI."""
    if any(ref.role == "tei" for ref in doc.sources):
        return []
    return layout_evidence(run_layout(Document(doc, collection)))


def print_layout(root: Path, only: list[str] | None, stream: TextIO | None = None) -> None:
    """``check --layout``: what the layout passes find in every document (or the ones named)."""
    edition = load_edition(root)
    for doc in edition.documents:
        if only is None or doc.id in only:
            print(f"{doc.id}: layout found", file=stream or sys.stdout)
            for line in layout_found(doc, edition.collection):
                print(f"  {line}", file=stream or sys.stdout)
