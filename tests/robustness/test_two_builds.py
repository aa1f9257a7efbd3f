"""Two builds of one project at once (two terminals, a build beside a running preview): the second is
refused naming the first, which goes on undisturbed; a lock left by a killed build is taken over."""

from __future__ import annotations

import re

import pytest
from build_processes import all_ended, check_whole_build, finish, seed_project, start, temporary_folders


@pytest.mark.slow
def test_a_second_build_into_the_same_folder_is_refused_and_the_first_completes(tmp_path):
    project = seed_project(tmp_path)
    first, first_mark = start(project, "build", "--jobs", "2", "--no-cache")
    for line in first.stderr:  # the first build is under way
        if line.startswith("[2/4]"):
            break
    second, second_mark = start(project, "build", "--jobs", "2")
    _, said = finish(second)
    assert first.poll() is None, "the first build was over before the second began: no test"
    assert second.returncode == 2, said
    assert re.search(rf"error: another build \(process {first.pid}, since \d\d:\d\d:\d\d\) is writing "
                     rf"{re.escape(str(project / 'build'))}; wait for it to end", said), said
    out, err = finish(first, 300)
    assert first.returncode == 0, err
    assert "built 4 documents" in out
    check_whole_build(project / "build")
    assert temporary_folders(project) == []
    assert all_ended(first_mark) == [] and all_ended(second_mark) == []


@pytest.mark.slow
def test_a_lock_left_by_a_killed_build_is_taken_over(tmp_path):
    project = seed_project(tmp_path)
    first, mark = start(project, "build", "--jobs", "2", "--no-cache")
    for line in first.stderr:
        if line.startswith("[2/4]"):
            break
    first.kill()
    finish(first)
    assert all_ended(mark) == []
    assert (project / ".build.lock").read_text(encoding="utf-8").startswith(f"process {first.pid},")
    second, _ = start(project, "build", "--jobs", "2")
    _, err = finish(second, 300)
    assert second.returncode == 0, err
    check_whole_build(project / "build")
    assert temporary_folders(project) == []
