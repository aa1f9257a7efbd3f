"""The corpus as a whole: its lexicon (the word forms of every raw file, cached by each file's bytes) and the
mention matcher of the registers (its table of forms cached by the registers)."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
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
    reported together.

    Only the files of the wanted documents (all when None) must be readable; another unreadable file is
    left out of the lexicon (a full build reports it).
    """
    refs = {}
    for doc in edition.documents:
        # A document given as TEI has no OCR text: its markup is no evidence of the corpus's words.
        for ref in (ref for ref in doc.sources if ref.role != "tei"):
            refs.setdefault(ref.path, (ref, wanted is None or doc.id in wanted))
    progress.stage(READING_SOURCES, len(refs))
    words_of = _counted(cache_root) if cache_root else None
    keys = {path: _counted_key(digests[path]) for path in refs if words_of is not None}
    cached = {path: words_of.load(keys[path]) if words_of else None for path in refs}
    to_count = [ref for path, (ref, _) in refs.items() if cached[path] is None]
    counted = _count_all(to_count, jobs, edition.collection.max_source_megabytes)  # in the order of to_count
    lexicon: Counter = Counter()
    problems: list[Diagnostic] = []
    for path, (ref, needed) in refs.items():
        words = cached[path]
        if words is None:
            words = next(counted)
            if isinstance(words, Counter) and words_of is not None:
                words_of.store(keys[path], words)
        if isinstance(words, Counter):
            lexicon.update(words)
        elif needed:
            problems.extend(words)
        progress.advance(ref.rel)
    if problems:
        raise InputError(problems)
    return lexicon


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

