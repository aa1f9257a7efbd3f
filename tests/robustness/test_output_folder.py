"""A build never destroys what it did not write in its output folder (issue 13, points 1 and 4)."""

from __future__ import annotations

import os
import subprocess
import sys

from projects import run, snapshot, tiny_project

from diplo_edition.cli import EXIT_OK, EXIT_USAGE
from diplo_edition.output_folder import BUILD_LIST


def test_a_folder_that_only_looks_like_a_build_is_never_replaced(tmp_path, capsys):
    project = tiny_project(tmp_path)
    out = tmp_path / "x"
    (out / "tei").mkdir(parents=True)
    (out / "Documents").mkdir()
    (out / "Documents" / "thesis.docx").write_text("hi", encoding="utf-8")
    code, _, err = run(capsys, "--root", project, "build", "--out", out)
    assert code == EXIT_USAGE and "does not hold a previous build" in err
    assert (out / "Documents" / "thesis.docx").read_text(encoding="utf-8") == "hi"


def test_a_file_put_into_a_build_stops_the_next_build_and_is_named(tmp_path, capsys):
    project = tiny_project(tmp_path)
    out = project / "build"
    assert run(capsys, "--root", project, "build", "--jobs", "1")[0] == EXIT_OK
    assert (out / BUILD_LIST).is_file()
    (out / "notes-for-myself.txt").write_text("keep me", encoding="utf-8")
    (project / "sources" / "test-doc.ru.txt").write_text("Другой текст документа.\n", encoding="utf-8")
    code, _, err = run(capsys, "--root", project, "build", "--jobs", "1")
    assert code == EXIT_USAGE
    assert "holds files that no build wrote (notes-for-myself.txt)" in err
    assert (out / "notes-for-myself.txt").read_text(encoding="utf-8") == "keep me"
    (out / "notes-for-myself.txt").unlink()
    assert run(capsys, "--root", project, "build", "--jobs", "1")[0] == EXIT_OK


def _dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    return int(child.stdout)


def test_a_killed_build_leaves_nothing_that_the_next_build_does_not_clear(tmp_path, capsys):
    project = tiny_project(tmp_path)
    assert run(capsys, "--root", project, "build", "--jobs", "1")[0] == EXIT_OK
    dead = _dead_pid()
    left = project / f".build.new-{dead}-abc123"
    (left / "tei").mkdir(parents=True)
    running = project / f".build.new-{os.getpid()}-def456"  # a build still running: not touched
    running.mkdir()
    (project / "sources" / "test-doc.ru.txt").write_text("Другой текст документа.\n", encoding="utf-8")
    assert run(capsys, "--root", project, "build", "--jobs", "1")[0] == EXIT_OK
    assert not left.exists() and running.exists()


def test_a_swap_cut_short_puts_the_previous_site_back(tmp_path, capsys):
    project = tiny_project(tmp_path)
    assert run(capsys, "--root", project, "build", "--jobs", "1")[0] == EXIT_OK
    site = snapshot(project / "build")
    # Killed between the two renames: the previous site is aside and there is no build/ at all.
    os.replace(project / "build", project / f".build.old-{_dead_pid()}")
    assert run(capsys, "--root", project, "build", "--jobs", "1")[0] == EXIT_OK
    assert snapshot(project / "build") == site
    assert not [p for p in project.iterdir() if p.name.startswith(".build.")]
