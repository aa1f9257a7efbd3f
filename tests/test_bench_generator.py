"""The benchmark's synthetic corpus (bench/generate.py): deterministic, and built by the real pipeline
with every footnote linked, every page found and the letters balanced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from projects import bench_module

from diplo_edition.build import process_edition
from diplo_edition.diagnostics import Severity
from diplo_edition.tei.balance import letter_balance

ROOT = Path(__file__).resolve().parents[1]
DOCS = 3

generator = bench_module("generate")


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def material():
    return generator.load_material(ROOT)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, material):
    project = tmp_path_factory.mktemp("synthetic") / "project"
    manifest = generator.generate(project, DOCS, seed=7, material=material)
    return project, manifest


@pytest.fixture(scope="module")
def processed(corpus):
    project, _ = corpus
    return process_edition(project, jobs=1)


def test_same_seed_gives_identical_files(tmp_path, material):
    generator.generate(tmp_path / "a", DOCS, seed=11, kb=30, material=material)
    generator.generate(tmp_path / "b", DOCS, seed=11, kb=30, material=material)
    generator.generate(tmp_path / "c", DOCS, seed=12, kb=30, material=material)
    a, b, c = (_files(tmp_path / name) for name in "abc")
    assert a == b
    assert sum(1 for name in a if name.startswith("sources/")) == DOCS
    assert {k: v for k, v in a.items() if k.startswith("sources/")} != {
        k: v for k, v in c.items() if k.startswith("sources/")
    }


def test_project_is_complete(corpus):
    project, manifest = corpus
    assert (project / "editions" / "collection.yml").read_bytes() == (
        ROOT / "editions" / "collection.yml"
    ).read_bytes()
    assert _files(project / "editions" / "registers") == _files(ROOT / "editions" / "registers")
    assert _files(project / "templates") == _files(ROOT / "templates")
    assert len(manifest["documents"]) == DOCS
    for doc in manifest["documents"]:
        assert (project / doc["source"]).stat().st_size == doc["bytes"]
        assert 60_000 < doc["bytes"] < 140_000  # about 100 KB of raw text each
    assert json.loads((project / generator.MANIFEST).read_text(encoding="utf-8")) == manifest


def test_corpus_builds_without_errors(processed):
    errors = [d for d in processed.diagnostics if d.severity is Severity.ERROR]
    assert errors == []
    assert len(processed.results) == DOCS


def test_footnotes_are_all_linked(processed):
    for result in processed.results:
        assert result.report.footnotes > 0, result.id
        assert result.report.footnotes_linked == result.report.footnotes, result.id


def test_footnotes_and_pages_are_found(processed, corpus):
    _, manifest = corpus
    generated = {doc["id"]: doc for doc in manifest["documents"]}
    for result in processed.results:
        doc = generated[result.id]
        assert result.report.footnotes == doc["footnotes"], result.id
        assert abs(result.report.pages - doc["pages"]) <= 0.1 * doc["pages"], result.id


def test_letters_balance(processed):
    for result in processed.results:
        balance = letter_balance(result.raw_letters, result.tei, result.removed)
        assert balance.holds, f"{result.id}: {balance}"
