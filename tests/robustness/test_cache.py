"""The one cache: data only, one loader for which a damaged or foreign entry is a miss, keys from the fields.

A project folder may be handed over with its cache: nothing in it may run code, and nothing in it may
make the build fail. Each test plants something in the real cache of a real build of the seed edition.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, URUMQI

from diplo_edition.build import build
from diplo_edition.cache import (
    CACHE_DIR,
    MAGIC,
    Cache,
    content_key,
    forget_entries_unused,
    keep_entries_in_memory,
)
from diplo_edition.cli import EXIT_OK, main
from diplo_edition.corpus import cached_matcher
from diplo_edition.editions import load_edition
from diplo_edition.executors import _DocumentEntry, document_key
from diplo_edition.process_pool import map_ordered
from diplo_edition.registers import load_registers


def make_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    for folder in ("sources", "editions", "templates"):
        shutil.copytree(ROOT / folder, project / folder)
    return project


def site_of(out: Path) -> dict[str, bytes]:
    """Every file of a built site but the Pagefind index (whose filter files come in an order of its own)."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.relative_to(out).as_posix().startswith("pagefind/")}


def entries(project: Path) -> list[Path]:
    return sorted((project / CACHE_DIR).rglob("*.entry"))


class _RunsCode:
    """Unpickled, it would create the file named: the proof that a pickle was loaded."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


@pytest.fixture(scope="module")
def fresh_site(tmp_path_factory) -> dict[str, bytes]:
    """The site a build without any cache makes."""
    tmp_path = tmp_path_factory.mktemp("fresh")
    build(make_project(tmp_path), tmp_path / "fresh", jobs=2, use_cache=False)
    return site_of(tmp_path / "fresh")


def cached_project(tmp_path: Path) -> Path:
    """A project built once, its cache filled. (Keys hold the project's paths: a copy would miss.)"""
    project = make_project(tmp_path)
    build(project, tmp_path / "first", jobs=2)
    return project


def test_the_cache_holds_data_only_in_every_namespace(tmp_path):
    project = cached_project(tmp_path)
    found = entries(project)
    namespaces = {path.parent.name for path in found}
    assert namespaces == {"builds", "corpus-lexicon", "documents", "index-pages", "lexicon", "lexicon-files",
                          "matcher", "page-files", "pages", "search-shards"}
    assert not [p for p in (project / CACHE_DIR).rglob("*") if p.is_file() and p.suffix != ".entry"]
    for path in found:
        data = path.read_bytes()
        assert data.startswith(MAGIC)
        assert data.split(b"\n")[2].startswith(b"{")  # the JSON header


def test_a_pickle_planted_in_every_entry_runs_nothing_and_the_site_is_the_same(fresh_site, tmp_path, capsys):
    project = cached_project(tmp_path)
    marker = tmp_path / "pickle-was-loaded"
    payload = pickle.dumps(_RunsCode(marker))
    planted = entries(project)
    for path in planted:
        path.write_bytes(payload)
    # And where the old caches kept their pickles.
    (project / CACHE_DIR / "last-build.pickle").write_bytes(payload)
    (project / CACHE_DIR / "documents" / "x.pickle").write_bytes(payload)
    assert main(["--root", str(project), "build", "-q", "--out", str(tmp_path / "out")]) == EXIT_OK
    assert not marker.exists()
    assert site_of(tmp_path / "out") == fresh_site
    notes = [line for line in capsys.readouterr().err.splitlines() if line.startswith("note: cache entry")]
    assert notes and all("was damaged" in line and "is made again" in line for line in notes)
    # The damaged entries were made again: the next build takes everything from the cache, and says nothing.
    assert main(["--root", str(project), "build", "-q", "--out", str(tmp_path / "again")]) == EXIT_OK
    assert "note: cache entry" not in capsys.readouterr().err
    assert site_of(tmp_path / "again") == fresh_site


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 2],  # truncated
    lambda data: b"",  # empty
    lambda data: os.urandom(len(data)),  # garbage
    lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one bit of the TEI or HTML flipped
])
def test_a_damaged_entry_is_a_miss_and_the_build_succeeds(fresh_site, tmp_path, damage):
    project = cached_project(tmp_path)
    for path in entries(project):
        path.write_bytes(damage(path.read_bytes()))
    result = build(project, tmp_path / "out", jobs=1)
    assert not any(r.report.cached for r in result.documents)
    assert site_of(tmp_path / "out") == fresh_site


def test_a_rebuild_takes_every_document_from_the_cache_and_writes_the_same_site(fresh_site, tmp_path):
    project = cached_project(tmp_path)
    result = build(project, tmp_path / "out", jobs=2)
    assert result.documents and all(r.report.cached for r in result.documents)
    assert site_of(tmp_path / "out") == fresh_site


def test_an_entry_of_another_type_is_a_miss(tmp_path, capsys):
    cache = Cache(tmp_path)
    cache.namespace("things", dict[str, int]).store("k", {"a": 1})
    assert cache.namespace("things", dict[str, int]).load("k") == {"a": 1}
    assert cache.namespace("things", list[str]).load("k") is None
    assert "was damaged" in capsys.readouterr().err
    assert cache.namespace("things", list[str]).load("missing") is None
    assert capsys.readouterr().err == ""  # a missing entry is an ordinary miss


def test_an_entry_that_cannot_be_written_is_said_and_the_build_goes_on(tmp_path, capsys):
    things = Cache(tmp_path).namespace("things", str)
    things.path("k").mkdir(parents=True)  # where the entry would go, something that is no file
    things.store("k", "value")
    assert "could not be written" in capsys.readouterr().err
    assert things.load("k") is None
    assert [p.name for p in things.folder.iterdir()] == ["k.entry"]  # no temporary file left behind


def test_a_real_document_result_round_trips(results, tmp_path):
    result = results[URUMQI]
    documents = Cache(tmp_path).namespace("documents", _DocumentEntry)
    documents.store("k", _DocumentEntry(result, "corpus"))
    back = documents.load("k")
    assert back == _DocumentEntry(result, "corpus")
    assert back.result.tei == result.tei and back.result.removed == result.removed
    raw = (tmp_path / "documents" / "k.entry").read_bytes()
    assert raw.endswith(result.tei)  # the TEI as its own bytes, after the JSON


def test_the_mention_matcher_is_cached_as_its_table_of_forms(tmp_path):
    registers = load_registers(ROOT)
    made = cached_matcher(registers, tmp_path)
    stored = list((tmp_path / CACHE_DIR / "matcher").iterdir())
    assert len(stored) == 1 and "Карахан".encode() in stored[0].read_bytes()
    again = cached_matcher(registers, tmp_path)
    assert again is not made and again.entry_of_form == made.entry_of_form
    text = "Переговоры Л.М. Карахана с Гото в Урумчи и в Лиге Наций."
    assert again.find(text) == made.find(text) and len(made.find(text)) >= 3


def test_keys_follow_every_field_of_the_edition(tmp_path):
    project = make_project(tmp_path)
    edition = load_edition(project)
    doc, collection = edition.documents[0], edition.collection
    key = document_key(doc, collection, "registers")
    assert document_key(doc, collection, "registers") == key
    # Fields nobody listed: a new one counts as soon as it is declared.
    assert document_key(dataclasses.replace(doc, disable_passes=("dates",)), collection, "registers") != key
    assert document_key(doc, dataclasses.replace(collection, archives=()), "registers") != key
    assert document_key(doc, collection, "other registers") != key
    # The introduction is shown on the home page only: not in the key (cache.NOT_IN_KEYS).
    assert document_key(doc, dataclasses.replace(collection, introduction="new"), "registers") == key
    # A raw file counts by its bytes.
    source = doc.sources[0].path
    source.write_bytes(source.read_bytes() + b"\n")
    assert document_key(doc, collection, "registers") != key


def test_a_content_key_tells_kinds_and_orders_apart():
    assert content_key({"a": 1, "b": 2}) != content_key({"b": 2, "a": 1})  # a template shows dicts in order
    assert content_key({1, 2, 3}) == content_key({3, 2, 1})
    assert content_key(b"x") != content_key("x") and content_key(Path("x")) != content_key("x")
    with pytest.raises(ValueError):
        content_key(object())


def _square(offset: int, item: int) -> tuple[int, int]:
    return item * item + offset, os.getpid()


def test_the_process_pool_returns_results_in_the_order_of_the_items():
    items = list(range(12))
    pooled = list(map_ordered(_square, items, 3, shared=100, size=lambda item: item))
    assert [value for value, _ in pooled] == [i * i + 100 for i in items]
    assert os.getpid() not in {pid for _, pid in pooled}
    serial = list(map_ordered(_square, items, 1, shared=100))
    assert {pid for _, pid in serial} == {os.getpid()}
    assert [value for value, _ in serial] == [value for value, _ in pooled]


def test_entries_kept_in_memory_follow_stores_and_are_dropped_when_a_build_leaves_them(tmp_path, capsys):
    """What `serve` keeps between builds: a store under a key replaces the kept entry (a document's key
    leaves out the lexicon its entry records); an entry no build used since the last sweep is dropped, one
    that was used stays; past the limit no more are taken. Each entry file is damaged after its store, so
    that a load from the file is a miss."""
    namespace = Cache(tmp_path).namespace("kept", dict[str, str], kept=True)

    def store(key: str, value: str) -> None:
        namespace.store(key, {"v": value})
        namespace.path(key).write_bytes(b"damaged")

    keep_entries_in_memory(1)
    try:
        store("a", "first")
        store("a", "second")
        store("b", "other")
        assert namespace.load("a") == {"v": "second"} and namespace.load("b") == {"v": "other"}
        forget_entries_unused()  # both were used by the "build" before
        forget_entries_unused()  # no build in between read anything: nothing is known stale
        assert namespace.load("a") == {"v": "second"}
        forget_entries_unused()  # "b" was not used since the last sweep
        assert namespace.load("a") == {"v": "second"} and namespace.load("b") is None
        namespace.store("big", {"v": "x" * 1_000_000})  # past the limit of 1 MB: not kept
        namespace.path("big").write_bytes(b"damaged")
        assert namespace.load("big") is None
    finally:
        keep_entries_in_memory(0)
    capsys.readouterr()
