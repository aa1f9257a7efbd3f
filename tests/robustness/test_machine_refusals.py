"""A full disk is the machine's refusal, not a bug: a clear message, its own exit code, nothing left behind
(issue 13, point 7). The disk is a real tmpfs mounted for the test, far smaller than the smallest site
(root can mount; elsewhere the test is skipped)."""

from __future__ import annotations

import projects
import pytest
from projects import run, tiny_project

from diplo_edition.cli import EXIT_MACHINE


@pytest.fixture
def small_disk(tmp_path):
    with projects.small_disk(tmp_path / "disk", "200k") as disk:
        yield disk


def test_a_full_disk_is_said_as_such_and_leaves_nothing(tmp_path, capsys, small_disk):
    project = tiny_project(tmp_path)
    code, _, err = run(capsys, "--root", project, "build", "--jobs", "1", "--out", small_disk / "site")
    assert code == EXIT_MACHINE
    assert "No space left on device; free some space and run it again" in err
    assert "internal error" not in err
    assert list(small_disk.iterdir()) == []
