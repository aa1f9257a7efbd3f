"""Where the per-document map runs: in this process, in a local process pool (the default), or on Dask.

Each worker receives the shared state of the build once (collection, corpus lexicon, mention matcher,
cache folder) and keeps it: a document task carries only the document's edition. A worker first looks in
the cache; on a miss it processes the document, validates its TEI and stores the result if it is valid.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .apparatus.mentions import MentionMatcher
from .cache import Cache, content_key
from .corpus import counted_words
from .diagnostics import UsageError
from .editions import Collection, DocumentEdition
from .layout.hyphenation import Dehyphenator
from .layout.lexicon_change import LexiconChange
from .pipeline import DocumentResult, process_document
from .process_pool import map_ordered


@dataclass(frozen=True)
class SharedState:
    collection: Collection
    lexicon: dict
    matcher: MentionMatcher | None
    registers_fingerprint: str
    lexicon_files: tuple[str, ...]  # the digests of the raw files the lexicon was counted from, sorted
    cache_root: Path | None  # project root holding the cache, or None for no cache


@dataclass(frozen=True)
class _DocumentEntry:
    result: DocumentResult
    # The key of the raw files the corpus lexicon was counted from (DocumentCache.file_sets): their list,
    # as long as the corpus, in every entry would make loading the cached documents grow with its square.
    lexicon: str


class DocumentCache:
    """Each document's result, by everything it depends on but the corpus lexicon (document_key).

    The lexicon reaches a result only through the line-end hyphens it decided: a cached result is reused
    if it was made from the same raw files, or if today's lexicon decides every one of its hyphens the
    same way (the evidence it recorded). Only the hyphens whose evidence is among the words whose counts the
    changed raw files changed are decided again (LexiconChange): after a save, the words written or
    deleted, not every hyphen of the corpus.
    """

    def __init__(self, project_root: Path):
        self.root = project_root
        cache = Cache.of_project(project_root)
        self.entries = cache.namespace("documents", _DocumentEntry, kept=True)
        # The digests of the raw files of each corpus lexicon the entries were made with, sorted, by key.
        self.file_sets = cache.namespace("lexicon-files", tuple[str, ...], kept=True)
        self._set_keys: dict[tuple[str, ...], str] = {}
        self._stored_sets: set[str] = set()
        self._changes: dict[tuple[str, str], LexiconChange | None] = {}

    def _set_key(self, lexicon_files: tuple[str, ...]) -> str:
        if lexicon_files not in self._set_keys:
            self._set_keys[lexicon_files] = content_key("lexicon files", lexicon_files)
        return self._set_keys[lexicon_files]

    def load(
        self, key: str, dehyphenator: Callable[[], Dehyphenator], lexicon_files: tuple[str, ...]
    ) -> DocumentResult | None:
        entry = self.entries.load(key)
        if entry is None:
            return None
        if entry.lexicon == self._set_key(lexicon_files):
            return entry.result  # the same corpus: the same decisions
        change = self._change(entry.lexicon, lexicon_files)
        for decision in entry.result.hyphen_decisions:
            if change is not None and not change.touches(decision.left, decision.right):
                continue
            # The one dehyphenator of the build remembers its decisions: documents share many hyphens.
            if dehyphenator().decide(decision.left, decision.right, decision.lang).keep != decision.keep:
                return None
        return entry.result

    def _change(self, before_key: str, now: tuple[str, ...]) -> LexiconChange | None:
        """The forms whose counts differ between the two lexicons (made from the raw files in one of them
        only); None when those files or their forms are not at hand (every hyphen is then decided again)."""
        pair = (before_key, self._set_key(now))
        if pair not in self._changes:
            self._changes[pair] = self._between(self.file_sets.load(before_key), now)
        return self._changes[pair]

    def _between(self, before: tuple[str, ...] | None, now: tuple[str, ...]) -> LexiconChange | None:
        if before is None:
            return None
        before_files, now_files = set(before), set(now)
        gone = [counted_words(self.root, digest) for digest in sorted(before_files - now_files)]
        came = [counted_words(self.root, digest) for digest in sorted(now_files - before_files)]
        return None if any(words is None for words in gone + came) else LexiconChange.between(gone, came)

    def store(self, key: str, result: DocumentResult, lexicon_files: tuple[str, ...]) -> None:
        set_key = self._set_key(lexicon_files)
        if set_key not in self._stored_sets:
            self.file_sets.store(set_key, lexicon_files)
            self._stored_sets.add(set_key)
        self.entries.store(key, _DocumentEntry(result, set_key))


def document_key(doc: DocumentEdition, collection: Collection, registers_fingerprint: str) -> str:
    """Everything a document's result depends on, but the corpus lexicon."""
    return content_key("document", doc, collection, registers_fingerprint)


class _Worker:
    """The state a worker keeps between documents."""

    def __init__(self, state: SharedState):
        self.state = state
        self._dehyphenator: Dehyphenator | None = None
        self.cache = DocumentCache(state.cache_root) if state.cache_root else None

    @property
    def dehyphenator(self) -> Dehyphenator:
        # Made on first use: it copies the corpus lexicon, which a fully cached rebuild never needs.
        if self._dehyphenator is None:
            self._dehyphenator = Dehyphenator(self.state.lexicon)
        return self._dehyphenator

    def cached(self, doc: DocumentEdition) -> DocumentResult | None:
        if self.cache is None:
            return None
        key = document_key(doc, self.state.collection, self.state.registers_fingerprint)
        result = self.cache.load(key, lambda: self.dehyphenator, self.state.lexicon_files)
        if result is not None:
            result.report.cached = True
        return result

    def run(self, doc: DocumentEdition) -> DocumentResult:
        """Process a document that the cache does not hold (executor_for looked it up before sending it)
        and store its result."""
        # Validated by the pipeline, on all cores; only a valid result is cached: a cached one needs no check.
        result = process_document(doc, self.state.collection, self.dehyphenator, self.state.matcher)
        if self.cache is not None and not any(d.severity.value == "error" for d in result.diagnostics):
            key = document_key(doc, self.state.collection, self.state.registers_fingerprint)
            self.cache.store(key, result, self.state.lexicon_files)
        return result


def run_local_pool(docs: list[DocumentEdition], state: SharedState, jobs: int) -> Iterator[DocumentResult]:
    """Results in document order (so the output never depends on timing)."""
    return map_ordered(_Worker.run, docs, jobs, setup=_Worker, shared=state, size=_raw_size)


def _raw_size(doc: DocumentEdition) -> int:
    return sum(ref.path.stat().st_size for ref in doc.sources if ref.path.exists())


_DASK_WORKERS: dict[int, _Worker] = {}


def _run_on_dask(doc: DocumentEdition, state: SharedState) -> DocumentResult:
    # One _Worker per worker process and build state: the lexicon is copied once, not per document.
    worker = _DASK_WORKERS.get(id(state))
    if worker is None:
        _DASK_WORKERS.clear()
        worker = _DASK_WORKERS[id(state)] = _Worker(state)
    return worker.run(doc)


def run_dask(docs: list[DocumentEdition], state: SharedState, scheduler: str) -> Iterator[DocumentResult]:
    """The same map on a Dask cluster; the shared state is scattered to every worker once."""
    from dask.distributed import Client

    with Client(scheduler) as client:
        shared = client.scatter(state, broadcast=True)
        futures = client.map(_run_on_dask, docs, state=shared, pure=False)
        for future in futures:
            yield future.result()


def _map_for(name: str, jobs: int, scheduler: str | None) -> Callable[..., Iterator[DocumentResult]]:
    if name == "dask":
        if not scheduler:
            raise UsageError("--executor dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
        return lambda docs, state: run_dask(docs, state, scheduler)
    return lambda docs, state: run_local_pool(docs, state, jobs)


def executor_for(name: str, jobs: int, scheduler: str | None) -> Callable[..., Iterator[DocumentResult]]:
    """The per-document map: documents found in the cache are taken from it here, the others are sent out."""
    send = _map_for(name, jobs, scheduler)

    def run(
        docs: list[DocumentEdition], state: SharedState, finish: Callable[[DocumentResult], DocumentResult]
    ) -> Iterator[DocumentResult]:
        """The results in the order of docs, each passed through finish as soon as it is at hand."""
        here = _Worker(state) if state.cache_root else None
        found = {}
        for doc in docs if here else ():
            cached = here.cached(doc)
            if cached is not None:
                found[doc.id] = finish(cached)
        missing = [doc for doc in docs if doc.id not in found]
        processed = send(missing, state) if missing else iter(())
        for doc in docs:
            yield found.pop(doc.id) if doc.id in found else finish(next(processed))

    return run
