"""A small project to build in a test (one document, the real templates), running the CLI, and comparing
built sites: helpers shared by the test modules."""

from __future__ import annotations

import contextlib
import importlib.util
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT

from diplo_edition.cache import CACHE_DIR
from diplo_edition.cli import main
from diplo_edition.layout.endnotes import find_notes
from diplo_edition.model.lines import Line
from diplo_edition.ocr.read import split_lines

TEXT = """\
 Советско-японские отношения в 1920-е годы развивались непросто. Переговоры
шли долго, и стороны не раз прерывали их; японская сторона настаивала на
концессиях на Северном Сахалине.

 Конвенция об основных принципах взаимоотношений была подписана в Пекине
20 января 1925 г. и открыла новый этап в отношениях двух стран.
"""

COLLECTION = """\
title: "Тестовое издание"
base_url: "https://diplo.test/edition/"
languages: [ru]
"""

DOCUMENT = """\
id: {id}
title: {title}
authors: []
kind: article
languages: [ru]
sources:
  - file: sources/{file}
    role: body
"""


def tiny_project(tmp_path: Path, text: str | bytes = TEXT, title: str = '"Тестовый документ"',
                 doc_id: str = "test-doc", file: str = "test-doc.ru.txt", name: str = "project") -> Path:
    """A project with one document (its raw text and title as given) and the real templates."""
    project = tmp_path / name
    (project / "sources").mkdir(parents=True)
    (project / "editions").mkdir()
    shutil.copytree(ROOT / "templates", project / "templates")
    (project / "editions" / "collection.yml").write_text(COLLECTION, encoding="utf-8")
    add_document(project, text, title, doc_id, file)
    return project


def add_document(project: Path, text: str | bytes = TEXT, title: str = '"Второй документ"',
                 doc_id: str = "second-doc", file: str = "second-doc.ru.txt") -> None:
    data = text.encode("utf-8") if isinstance(text, str) else text
    (project / "sources" / file).write_bytes(data)
    (project / "editions" / f"{doc_id}.yml").write_text(
        DOCUMENT.format(id=doc_id, title=title, file=file), encoding="utf-8")


def seed_project(folder: Path, **settings: object) -> Path:
    """A copy of the seed edition in folder (sources, editions, templates), with settings added to its
    collection.yml (written as YAML scalars)."""
    for name in ("sources", "editions", "templates"):
        shutil.copytree(ROOT / name, folder / name)
    collection = folder / "editions" / "collection.yml"
    added = "".join(f"{key}: {value}\n" for key, value in settings.items())
    text = collection.read_text(encoding="utf-8").rstrip("\n") + "\n" + added
    collection.write_text(text, encoding="utf-8")
    return folder


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# Pagefind writes its filter files in hash-map order, so their bytes, their hashed names and the metadata
# that names them vary from run to run (upstream issue Pagefind/pagefind#638); its fragments and word
# indexes are stable. Those files are compared by what they hold: per language, the sorted bytes of each.
def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file of a built site by path (the search index too: builds are byte-identical)."""
    return {path.relative_to(directory).as_posix(): path.read_bytes()
            for path in sorted(directory.rglob("*")) if path.is_file()}


def leftovers(directory: Path) -> list[str]:
    """Hidden temporary folders left behind (the deliberate, git-ignored result cache is not one)."""
    return sorted(p.name for p in directory.iterdir() if p.name.startswith(".") and p.name != CACHE_DIR)


@contextlib.contextmanager
def small_disk(folder: Path, size: str) -> Iterator[Path]:
    """folder, made a tmpfs of this size ("200k") for the time of the block; the test is skipped where
    the machine does not allow mounting one."""
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def raw_lines(text: str) -> list[Line]:
    """The lines of a raw text as the read pass makes them (file "s.txt")."""
    return [Line(raw.text, "s.txt", raw.number) for raw in split_lines(text)]


def found_notes(text: str) -> tuple[list[Line], list]:
    """The lines of a raw text and the notes the footnote and endnote passes find in them."""
    lines = raw_lines(text)
    return lines, [note for block in find_notes(lines) for note in block.notes]


def note_body(lines: list[Line], note) -> str:
    """A note's text as printed, its label left out, its lines joined by spaces."""
    first = lines[note.label_line].text[note.text_start :]
    return " ".join([first.strip(), *(lines[j].stripped for j in note.lines[1:])]).strip()


def bench_module(name: str):
    """A module of bench/ (a folder of scripts, not a package), loaded from its file."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module
