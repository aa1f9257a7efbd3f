"""The corpus as a whole: its lexicon (the word forms of every raw file, cached by each file's bytes) and the
mention matcher of the registers (its table of forms cached by the registers)."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .apparatus.mentions import MentionMatcher, build_matcher, matcher_of_forms
from .cache import Cache, Namespace, content_key
from .diagnostics import Diagnostic, InputError
from .editions import Edition
from .layout.hyphenation import corpus_lexicon
from .pipeline import source_lines
from .process_pool import map_ordered
from .progress import Progress
from .registers import Registers

READING_SOURCES = "reading sources"  # the build's stage that reads the corpus


def gather_lexicon(edition: Edition) -> Counter:
    """Word forms of the whole corpus: the evidence for decisions that one document alone cannot make."""
    return read_corpus(edition, Progress(), None, None, {}, 1)


def read_corpus(
    edition: Edition,
    progress: Progress,
    wanted: set[str] | None,
    cache_root: Path | None,
    digests: dict[Path, str],
    jobs: int,
) -> Counter:
    """The corpus lexicon, reading every raw file once (on jobs processes); every unreadable file is
    reported together. With a cache, the last build's lexicon is the start, and only the raw files whose
    bytes it did not count are read (those it counted and the corpus no longer holds are taken out).

    Only the files of the wanted documents (all when None) must be readable; another unreadable file is
    left out of the lexicon (a full build reports it).
    """
    refs = {}
    for doc in edition.documents:
        # A document given as TEI has no OCR text: its markup is no evidence of the corpus's words.
        for ref in (ref for ref in doc.sources if ref.role != "tei"):
            refs.setdefault(ref.path, (ref, wanted is None or doc.id in wanted))
    progress.stage(READING_SOURCES, len(refs))
    max_megabytes = edition.collection.max_source_megabytes
    store = _CorpusStore(cache_root, max_megabytes) if cache_root else None
    start = store.last(digests, list(refs)) if store else None
    lexicon, unread = start or (Counter(), list(refs))
    to_read = set(unread)
    for path, (ref, _) in refs.items():
        if path not in to_read:  # counted in the last build's lexicon
            progress.advance(ref.rel)
    cached = {path: store.words(digests[path]) if store else None for path in unread}
    to_count = [refs[path][0] for path in unread if cached[path] is None]
    counted = _count_all(to_count, jobs, max_megabytes)  # in the order of to_count
    problems: list[Diagnostic] = []
    left_out = set()
    for path in unread:
        ref, needed = refs[path]
        words = cached[path]
        if words is None:
            words = next(counted)
            if isinstance(words, Counter) and store is not None:
                store.counted.store(_counted_key(digests[path]), words)
        if isinstance(words, Counter):
            lexicon.update(words)
        else:
            left_out.add(path)
            if needed:
                problems.extend(words)
        progress.advance(ref.rel)
    if problems:
        raise InputError(problems)
    if store is not None:
        store.remember(lexicon, [digests[path] for path in refs if path not in left_out])
    return lexicon


@dataclass(frozen=True)
class _Lexicon:
    """A corpus lexicon, and the digests of the raw files it was counted from (sorted; a digest as many
    times as files have those bytes), read with a limit of max_megabytes (a lower one refuses files)."""

    files: list[str]
    max_megabytes: int
    counts: Counter[str]


_LAST = "last"  # the one entry of the "corpus-lexicon" namespace: the last build's lexicon


class _CorpusStore:
    """Each raw file's word forms, cached by its bytes, and the last build's corpus lexicon: a build after
    a change to a few raw files reads one lexicon and those files, not the forms of every file."""

    def __init__(self, cache_root: Path, max_megabytes: int):
        self.max_megabytes = max_megabytes
        self.counted = _counted(cache_root)
        self.lexicons = Cache.of_project(cache_root).namespace("corpus-lexicon", _Lexicon, kept=True)

    def words(self, digest: str) -> Counter | None:
        return self.counted.load(_counted_key(digest))

    def last(self, digests: dict[Path, str], paths: list[Path]) -> tuple[Counter, list[Path]] | None:
        """The last build's lexicon without the raw files the corpus no longer holds, and the paths whose
        bytes it did not count; None when there is none or when merging every file is cheaper."""
        last = self.lexicons.load(_LAST)
        if last is None or last.max_megabytes != self.max_megabytes:
            return None
        now, before = Counter(digests[path] for path in paths), Counter(last.files)
        gone, came = before - now, now - before
        if gone.total() + came.total() > len(paths) // 2:
            return None
        lexicon = +last.counts  # a copy: the entry may be kept in memory (cache.keep_entries_in_memory)
        for digest, copies in gone.items():
            words = self.words(digest)
            if words is None:
                return None
            for _ in range(copies):
                lexicon -= words  # drops the forms whose count falls to nothing, as a new count never has
        unread = []
        for path in paths:
            if came[digests[path]] > 0:
                came[digests[path]] -= 1
                unread.append(path)
        return lexicon, unread

    def remember(self, lexicon: Counter, files: list[str]) -> None:
        self.lexicons.store(_LAST, _Lexicon(sorted(files), self.max_megabytes, lexicon))


def _counted(cache_root: Path) -> Namespace:
    """Each raw file's word forms, cached by its bytes (_counted_key)."""
    return Cache.of_project(cache_root).namespace("lexicon", Counter[str], kept=True)


def _counted_key(digest: str) -> str:
    return content_key("lexicon", digest)


def counted_words(cache_root: Path, digest: str) -> Counter | None:
    """The word forms of the raw file whose bytes have this digest (fingerprints.file_digest), as a build
    counted them, or None when no build did (or its entry is gone)."""
    return _counted(cache_root).load(_counted_key(digest))


def _count_words(max_megabytes: int, ref) -> Counter | list[Diagnostic]:
    """The word forms of one raw file, or why it cannot be read (an exception would not cross processes)."""
    try:
        return corpus_lexicon(line.text for line in source_lines(ref, max_megabytes))
    except InputError as exc:
        return exc.diagnostics


def _count_all(refs: list, jobs: int, max_megabytes: int) -> Iterator[Counter | list[Diagnostic]]:
    return map_ordered(_count_words, refs, jobs, shared=max_megabytes,
                       size=lambda ref: ref.path.stat().st_size)


def cached_matcher(registers: Registers, cache_root: Path | None) -> MentionMatcher | None:
    """The mention matcher; generating every inflected form takes a while, so its table of forms (form ->
    entry id) is cached by the registers, and the matcher made again from it."""
    if cache_root is None:
        return build_matcher(registers)
    forms = Cache.of_project(cache_root).namespace("matcher", dict[str, str])
    key = content_key("matcher", registers)
    table = forms.load(key)
    entries = registers.by_id()
    if table is not None and set(table.values()) <= entries.keys():
        return matcher_of_forms({form: entries[entry_id] for form, entry_id in table.items()})
    matcher = build_matcher(registers)
    forms.store(key, {form: entry.id for form, entry in (matcher.entry_of_form if matcher else {}).items()})
    return matcher


def registers_fingerprint(matcher: MentionMatcher | None) -> str:
    if matcher is None:
        return ""
    forms = sorted((form, entry.id, entry.kind) for form, entry in matcher.entry_of_form.items())
    return hashlib.sha256(repr(forms).encode()).hexdigest()

