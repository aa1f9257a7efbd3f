"""The build's design for speed: results cached by content, reused only on the same evidence; the
per-document map runs on a Dask cluster as it does in the local pool."""

import hashlib
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT

from diplo_edition import fingerprints
from diplo_edition.build import build, process_edition
from diplo_edition.cache import CACHE_DIR, Cache, content_key
from diplo_edition.executors import DocumentCache
from diplo_edition.layout.hyphenation import Dehyphenator, corpus_lexicon
from diplo_edition.layout.lexicon_change import LexiconChange
from diplo_edition.model.document import HyphenDecision
from diplo_edition.pipeline import source_lines


def make_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    for folder in ("sources", "editions", "templates"):
        shutil.copytree(ROOT / folder, project / folder)
    return project


def test_rebuild_reuses_cached_documents_and_redoes_a_changed_one(tmp_path):
    project = make_project(tmp_path)
    first = build(project, tmp_path / "out1", jobs=1)
    assert not any(r.report.cached for r in first.documents)
    second = build(project, tmp_path / "out2", jobs=1)
    assert all(r.report.cached for r in second.documents)
    for name in ("urumqi-negotiations-1923.xml", "soviet-japanese-relations-1922-1941.xml"):
        assert (tmp_path / "out1" / "tei" / name).read_bytes() == (
            tmp_path / "out2" / "tei" / name
        ).read_bytes()
    changed = project / "sources" / "soviet-foreign-policy-1920s.textbook.ru.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nДобавленная строка.\n", encoding="utf-8")
    third = build(project, tmp_path / "out3", jobs=1)
    cached = {r.id: r.report.cached for r in third.documents}
    assert cached["soviet-foreign-policy-1920s"] is False
    assert "Добавленная строка." in (tmp_path / "out3" / "tei" / "soviet-foreign-policy-1920s.xml").read_text(
        encoding="utf-8"
    )
    # The other documents decided their hyphens the same way with the new lexicon: reused.
    assert sum(cached.values()) == 3


def test_cached_result_refused_when_the_lexicon_decides_a_hyphen_otherwise(tmp_path):
    project = make_project(tmp_path)
    result = process_edition(project, jobs=1, use_cache=False).results[0]
    cache = DocumentCache(tmp_path)
    # Recorded as kept; today it is joined.
    result.hyphen_decisions = [HyphenDecision("ко", "лонизации", "ru", True)]
    cache.store("k", result, ("file-1",))

    assert cache.load("k", lambda: Dehyphenator(), ("file-1",)) is not None  # the same corpus
    # Another corpus, whose files' words are not known: every hyphen is decided again.
    assert cache.load("k", lambda: Dehyphenator(), ("file-2",)) is None


def _undecided() -> Dehyphenator:
    raise AssertionError("no hyphen should have been decided again")


def test_only_the_hyphens_whose_evidence_the_changed_files_hold_are_decided_again(tmp_path):
    """A cached result made before a raw file changed: its hyphens whose forms (and stems) the words of the
    old or new file hold are decided again with today's lexicon; the others are not looked at."""
    words = Cache.of_project(tmp_path).namespace("lexicon", Counter[str])
    for digest, text in (("old", "мирный договор"), ("new", "мирный договор подписан"),
                         ("colonial", "ко-лонизации ко-лонизации колонии")):
        words.store(content_key("lexicon", digest), corpus_lexicon([text]))
    result = process_edition(make_project(tmp_path), jobs=1, use_cache=False).results[0]
    result.hyphen_decisions = [HyphenDecision("ко", "лонизации", "ru", False)]  # joined, on no evidence
    cache = DocumentCache(tmp_path)
    cache.store("k", result, ("old",))
    assert cache.load("k", _undecided, ("new",)) is not None  # "подписан" is no evidence for the break
    # A file that prints the hyphenated form: decided again, kept now, so the cached result is refused.
    printed = Dehyphenator(corpus_lexicon(["ко-лонизации ко-лонизации колонии"]))
    assert printed.decide("ко", "лонизации", "ru").keep
    assert cache.load("k", lambda: printed, ("colonial", "old")) is None


def test_a_cached_document_names_its_lexicon_by_a_key_not_by_the_corpus_files(results, tmp_path):
    """Every cached document is loaded at each rebuild: its entry names the raw files of its lexicon by one
    key (a list as long as the corpus in every entry made the loading grow with the corpus's square)."""
    result = next(iter(results.values()))
    cache = DocumentCache(tmp_path)
    small, large = ("a" * 64,), tuple(f"{k:064x}" for k in range(1000))
    cache.store("small", result, small)
    cache.store("large", result, large)
    assert cache.entries.path("small").stat().st_size == cache.entries.path("large").stat().st_size
    assert cache.load("large", _undecided, large) is not None


def test_a_lexicon_change_touches_every_hyphen_it_would_decide_otherwise(edition, results):
    """On the seed: each raw file taken out of the corpus lexicon in turn, every recorded hyphen that the
    file's words do not touch (LexiconChange) is decided the same with and without them."""
    counted = {ref.path: corpus_lexicon(line.text for line in source_lines(ref, 64))
               for doc in edition.documents for ref in doc.sources if ref.role != "tei"}
    whole = sum(counted.values(), Counter())
    breaks = {(d.left, d.right, d.lang) for r in results.values() for d in r.hyphen_decisions}
    with_all, touched, differing = Dehyphenator(whole), 0, 0
    for words in counted.values():
        change, without = LexiconChange(words), Dehyphenator(whole - words)
        for left, right, lang in sorted(breaks):
            same = with_all.decide(left, right, lang) == without.decide(left, right, lang)
            if change.touches(left, right):
                touched += 1
                differing += not same
            else:
                assert same, (left, right)
    assert len(breaks) > 200 and differing > 0 and touched < len(breaks) * len(counted) / 2


def test_a_saved_file_changes_the_forms_whose_counts_it_changed(edition, results):
    """On the seed: each raw file saved with its last third cut, the change is the forms whose counts
    differ (LexiconChange.between), far fewer than the file's forms, and every recorded hyphen it does not
    touch is decided the same with the whole file and with the cut one."""
    lines = {ref.path: [line.text for line in source_lines(ref, 64)]
             for doc in edition.documents for ref in doc.sources if ref.role != "tei"}
    whole = sum((corpus_lexicon(texts) for texts in lines.values()), Counter())
    breaks = {(d.left, d.right, d.lang) for r in results.values() for d in r.hyphen_decisions}
    with_all, differing = Dehyphenator(whole), 0
    for texts in lines.values():
        full, cut = corpus_lexicon(texts), corpus_lexicon(texts[: len(texts) * 2 // 3])
        change, saved = LexiconChange.between([full], [cut]), Dehyphenator(whole - full + cut)
        assert len(change.forms) < len(LexiconChange(full).forms)
        for left, right, lang in sorted(breaks):
            same = with_all.decide(left, right, lang) == saved.decide(left, right, lang)
            differing += not same
            assert same or change.touches(left, right), (left, right)
    assert differing > 0


def test_dask_executor_gives_the_same_tei_as_the_local_pool(tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    project = make_project(tmp_path)
    local = {r.id: r.tei for r in process_edition(project, jobs=2, use_cache=False).results}
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        on_dask = process_edition(
            project, executor="dask", scheduler=cluster.scheduler_address, use_cache=False
        )
    assert {r.id: r.tei for r in on_dask.results} == local


def _listing(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def test_a_build_with_nothing_changed_leaves_the_output_as_it_was(tmp_path):
    project = make_project(tmp_path)
    out = tmp_path / "out"
    first = build(project, out, jobs=1)
    assert not first.up_to_date and len(first.documents) == 4
    before = _listing(out)
    again = build(project, out, jobs=1)
    assert again.up_to_date and again.documents == []
    assert _listing(out) == before  # not one file written again
    # The same bytes under a new modification time are no change either.
    for source in (project / "sources").iterdir():
        source.write_bytes(source.read_bytes())
    assert build(project, out, jobs=1).up_to_date
    # Other options are another build.
    assert not build(project, out, jobs=1, only=["urumqi-negotiations-1923"]).up_to_date
    assert not build(project, out, jobs=1).up_to_date


def test_a_change_to_an_input_or_to_the_output_rebuilds(tmp_path):
    project = make_project(tmp_path)
    out = tmp_path / "out"
    build(project, out, jobs=1)
    edition = project / "editions" / "urumqi-negotiations-1923.yml"
    edition.write_text(edition.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert not build(project, out, jobs=1).up_to_date
    template = project / "templates" / "search.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert not build(project, out, jobs=1).up_to_date
    # Someone removed a page of the published site: the build puts it back.
    page = out / "documents" / "urumqi-negotiations-1923" / "index.html"
    page.unlink()
    assert not build(project, out, jobs=1).up_to_date
    assert page.exists()
    # Without the cache, nothing is taken on trust.
    assert not build(project, out, jobs=1, use_cache=False).up_to_date


def test_an_up_to_date_build_reports_the_warnings_again(tmp_path, capsys):
    from diplo_edition.cli import EXIT_OK, main

    project = make_project(tmp_path)
    edition = project / "editions" / "urumqi-negotiations-1923.yml"
    lines = edition.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = ['supplied_title: "TODO: a title"\n' if line.startswith("supplied_title:") else line
             for line in lines]
    edition.write_text("".join(lines), encoding="utf-8")
    assert main(["--root", str(project), "build", "-q"]) == EXIT_OK
    first = capsys.readouterr()
    assert main(["--root", str(project), "build", "-q"]) == EXIT_OK
    second = capsys.readouterr()
    assert "is up to date: nothing changed since it was built" in second.out
    warnings = [line for line in first.err.splitlines() if ": warning: " in line]
    assert warnings and [line for line in second.err.splitlines() if ": warning: " in line] == warnings


def test_a_build_keeps_no_document_in_memory_and_proves_every_letter(tmp_path):
    project = make_project(tmp_path)
    result = build(project, tmp_path / "out", jobs=2, use_cache=False)
    for document in result.documents:
        assert document.tei == b""  # written to out/tei/ as soon as it was made
        assert (tmp_path / "out" / "tei" / f"{document.id}.xml").stat().st_size > 5000
        assert document.report.letters.endswith(": balanced"), document.id


def test_a_rebuild_from_the_caches_writes_the_same_site_as_a_build_without_them(tmp_path):
    from projects import snapshot

    project = make_project(tmp_path)
    build(project, tmp_path / "first", jobs=2)
    # One document changes: its page and the index pages it touches are made again, the rest is reused.
    changed = project / "sources" / "soviet-foreign-policy-1920s.textbook.ru.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nКарахан в Токио 12 мая 1925 г.\n",
                       encoding="utf-8")
    cached = snapshot(build(project, tmp_path / "cached", jobs=2).out)
    fresh = snapshot(build(project, tmp_path / "fresh", jobs=2, use_cache=False).out)
    assert cached == fresh
    # The textbook did not name Karakhan before: his entry page was made again, not copied.
    before = (tmp_path / "first" / "persons" / "karakhan" / "index.html").read_text(encoding="utf-8")
    after = (tmp_path / "cached" / "persons" / "karakhan" / "index.html").read_text(encoding="utf-8")
    assert "soviet-foreign-policy-1920s/index.html" not in before
    assert "soviet-foreign-policy-1920s/index.html" in after


def test_the_summaries_the_page_workers_send_come_back_the_same(results, edition, registers):
    """Every record of a summary (mentions, dates, citations, their loci and snippets) crosses from a page
    worker to the main process by pickle, as its class and its fields' values (site/records.py): the
    summaries of the seed come back equal, record for record, their recurring strings shared."""
    import pickle

    from diplo_edition.config.theme import theme_folders
    from diplo_edition.site.document import read_document
    from diplo_edition.site.register_index import read_registers
    from diplo_edition.tei.register_file import build_registers_tei

    collection = edition.collection
    lookup = read_registers(build_registers_tei(registers, collection))
    theme = theme_folders(ROOT / "templates")
    for result in results.values():
        summary = read_document(result.tei, collection.base_url, lookup, collection.series, ui_lang="ru",
                                theme=theme)[1]
        assert summary.mentions and summary.dates
        back = pickle.loads(pickle.dumps(summary, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == summary
        # The document's id, title and language stand in every locus: they arrive as one object each
        # (pickle sends an object once), as they do from the cache (datacodec interns its strings).
        loci = [m.locus for m in back.mentions]
        for name in ("doc_id", "doc_title", "doc_lang"):
            assert len({id(getattr(locus, name)) for locus in loci}) == 1


def test_an_entry_of_another_version_is_a_silent_miss_and_a_damaged_one_is_said(tmp_path, capsys):
    """After an upgrade the entries whose key outlives a build (the last build's record) are of the old
    format: a miss, said nowhere; an entry of this version that is damaged is a miss said on stderr."""
    from diplo_edition.cache import ENTRY_HEADING, MAGIC

    entries = Cache(tmp_path).namespace("records", dict[str, int])
    entries.store("last", {"a": 1})
    assert entries.load("last") == {"a": 1}
    data = entries.path("last").read_bytes()
    entries.path("last").write_bytes(ENTRY_HEADING + b"2\n" + data[len(MAGIC):])
    assert entries.load("last") is None and capsys.readouterr().err == ""
    entries.path("last").write_bytes(data[:-3])
    assert entries.load("last") is None and "damaged" in capsys.readouterr().err


def test_a_remembered_file_digest_follows_every_change_of_the_file(tmp_path, monkeypatch):
    """A build hashes a raw file more than once, serve at every save: the digest is remembered while the
    file keeps its inode, size and times, and a write of the same size with its old modification time
    put back is still seen (its change time moved)."""
    monkeypatch.setattr(fingerprints, "_SETTLED_NS", -10**12)  # remember even a file written just now
    raw = tmp_path / "a.txt"
    raw.write_text("мир", encoding="utf-8")
    first = fingerprints.file_digest(raw)
    assert fingerprints._DIGESTS[str(raw)][1] == first == fingerprints.file_digest(raw)
    before = raw.stat().st_mtime_ns
    raw.write_text("миp", encoding="utf-8")  # a Latin p: the same size
    os.utime(raw, ns=(before, before))
    assert fingerprints.file_digest(raw) == hashlib.sha256(raw.read_bytes()).hexdigest() != first


def test_the_corpus_lexicon_after_a_change_is_the_last_one_moved_by_the_changed_files(tmp_path, monkeypatch):
    """A rebuild starts from the last build's corpus lexicon: the raw files whose bytes it did not count
    are read, those the corpus no longer holds are taken out, and the lexicon is the one a reading of
    every file gives (changed, emptied and duplicated files; a missing entry of a file's forms)."""
    from projects import bench_module

    from diplo_edition import corpus
    from diplo_edition.editions import load_edition
    from diplo_edition.progress import Progress

    project = tmp_path / "project"
    bench_module("generate").generate(project, 10, seed=3, kb=4)
    read: list[str] = []
    count_all = corpus._count_all
    monkeypatch.setattr(corpus, "_count_all", lambda refs, *a: read.extend(r.path.name for r in refs)
                        or count_all(refs, *a))

    def lexicon() -> Counter:
        edition = load_edition(project)
        digests = {ref.path: fingerprints.file_digest(ref.path)
                   for d in edition.documents for ref in d.sources}
        fresh = corpus.gather_lexicon(edition)
        read.clear()
        cached = corpus.read_corpus(edition, Progress(), None, project, digests, 1)
        assert cached == fresh
        return cached

    first = lexicon()
    assert len(read) == 10
    sources = sorted((project / "sources").iterdir())
    sources[0].write_text(sources[0].read_text(encoding="utf-8") + "\nНовыйтермин новыйтермин.\n",
                          encoding="utf-8")
    shutil.copyfile(sources[2], sources[1])  # one file's bytes twice; the other's gone
    second = lexicon()
    assert read == [sources[0].name]  # the copy's words were counted already
    assert second["новыйтермин"] == 2 and second != first
    sources[3].write_text("Другой текст, короче прежнего.\n", encoding="utf-8")
    for entry in (project / CACHE_DIR / "lexicon").iterdir():  # every file's forms lost
        entry.unlink()
    lexicon()
    assert len(read) == 10
