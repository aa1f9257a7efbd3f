"""A content-addressed cache of per-document results, so that a rebuild redoes only what changed.

A document's result is a pure function of its raw bytes, its edition file, the collection settings, the
registers, the code, and of the corpus lexicon only through the line-end hyphens it decided. The key
hashes everything but the lexicon; a cached result is reused only if every hyphen it decided is decided
the same way with today's lexicon (the evidence it recorded). The cache lives in the project's
``.diplo-edition-cache/`` (git-ignored) and can be deleted at any time.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path

from .editions import Collection, DocumentEdition
from .files import store_pickle
from .fingerprints import code_fingerprint, file_digest
from .layout.hyphenation import Dehyphenator
from .pipeline import DocumentResult

CACHE_DIR = ".diplo-edition-cache"


def document_key(doc: DocumentEdition, collection: Collection, registers_fingerprint: str) -> str:
    """Everything a document's result depends on, but the corpus lexicon."""
    sources = tuple((ref.rel, ref.role, ref.lang, file_digest(ref.path)) for ref in doc.sources)
    described = (
        doc.id,
        doc.title,
        doc.supplied_title,
        doc.authors,
        doc.kind,
        doc.languages,
        doc.date,
        doc.published_in,
        doc.first_page,
        sorted(doc.references.items()),
        tuple((c.sic, c.corr, c.note, c.resp, c.line) for c in doc.corrections),
        doc.notes,
        doc.file.name,
        sources,
    )
    settings = (
        collection.title,
        collection.title_en,
        collection.base_url,
        collection.languages,
        collection.publisher,
    )
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(repr((described, settings, registers_fingerprint)).encode())
    return digest.hexdigest()


class DocumentCache:
    def __init__(self, project_root: Path):
        self.folder = project_root / CACHE_DIR / "documents"

    def load(
        self, key: str, dehyphenator: Callable[[], Dehyphenator], lexicon_fingerprint: str
    ) -> DocumentResult | None:
        """The cached result, if there is one and today's lexicon decides its hyphens the same way."""
        path = self.folder / f"{key}.pickle"
        try:
            # Our own files, written below by this tool into a git-ignored folder of the project.
            result = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            return None
        if not isinstance(result, DocumentResult):
            return None
        if result.stats.get("lexicon") == lexicon_fingerprint:
            return result  # the same corpus: the same decisions
        today = dehyphenator()
        for left, right, lang, keep in result.hyphen_decisions:
            if today.decide(left, right, lang).keep != keep:
                return None
        return result

    def store(self, key: str, result: DocumentResult, lexicon_fingerprint: str) -> None:
        result.stats["lexicon"] = lexicon_fingerprint
        store_pickle(self.folder / f"{key}.pickle", result)
