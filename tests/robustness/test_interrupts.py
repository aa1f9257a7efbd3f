"""Ctrl-C, SIGTERM, SIGHUP and SIGKILL at a moment of a build: the process ends, says truly what it left,
and leaves no temporary folder and no process behind (issue 13, points 2–4). Real signals to a real build
process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from build_processes import RUN, all_ended, finish, marked, seed_project, start, temporary_folders

STAGE = "[3/4] writing the site"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the seed edition, with a first build in place."""
    project = seed_project(tmp_path_factory.mktemp("interrupts"))
    built = subprocess.run([sys.executable, "-c", RUN, "--root", str(project), "build", "--quiet"],
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    return project


def _build_until(project: Path, stage: str, delay: float) -> tuple[subprocess.Popen, str]:
    """A build (nothing cached) in a process group of its own, once it reports the stage + delay."""
    process, mark = start(project, "build", "--no-cache", "--jobs", "2")
    for line in process.stderr:  # the progress lines
        if line.startswith(stage):
            break
    time.sleep(delay)
    return process, mark


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.0, 0.3, 0.8, 1.5])
def test_ctrl_c_while_the_site_and_its_index_are_written(project, delay):
    before = (project / "build" / "index.html").read_bytes()
    process, mark = _build_until(project, STAGE, delay)
    os.killpg(process.pid, signal.SIGINT)  # as the terminal does: to the whole process group
    out, err = finish(process)
    if process.returncode == 0:
        # The signal came after the build had finished and said so: when the test waited, or when a
        # loaded machine left this process no time between reading the stage and sending the signal.
        assert "built 4 documents" in out
    else:
        assert process.returncode == 130, err
        said = err.strip().splitlines()[-1]
        assert said in ("interrupted; the previous build was left as it was",
                        "interrupted; the new build was already in place"), err
        if said.endswith("left as it was"):
            assert (project / "build" / "index.html").read_bytes() == before
    assert (project / "build" / "index.html").is_file()
    assert all_ended(mark) == [], "a process of the build outlived it"
    assert temporary_folders(project) == []


@pytest.mark.slow
@pytest.mark.parametrize(("number", "said"), [(signal.SIGTERM, "terminated"),
                                              (signal.SIGHUP, "hung up (the terminal was closed)")])
def test_sigterm_and_sighup_clean_up_like_ctrl_c_within_seconds(project, number, said):
    process, mark = _build_until(project, "[2/4]", 0.0)
    process.send_signal(number)  # to the build alone, as `timeout`, a CI cancel or `kill -HUP` does
    signalled = time.monotonic()
    _, err = finish(process)
    assert process.returncode == 130 and f"{said}; the previous build was left as it was" in err
    assert time.monotonic() - signalled < 5, "the build took more than 5 s to stop"
    assert all_ended(mark) == [], "a worker of the build outlived it"
    assert temporary_folders(project) == []


@pytest.mark.slow
def test_sigkill_leaves_workers_that_end_with_it_and_a_folder_the_next_build_clears(project):
    process, mark = _build_until(project, "[2/4]", 0.0)
    process.kill()
    process.wait(timeout=30)
    assert all_ended(mark) == [], "a worker of the killed build ran on"
    rebuilt = subprocess.run([sys.executable, "-c", RUN, "--root", str(project), "build", "--quiet"],
                             capture_output=True, text=True, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert temporary_folders(project) == []


@pytest.mark.slow
def test_workers_run_in_a_group_of_their_own_and_the_build_ends_them(project):
    """The signals a terminal sends to its foreground group (Ctrl-C, Ctrl-\\, a hang-up) do not reach the
    workers behind the build's back: the build ends them when it stops."""
    process, mark = _build_until(project, "[2/4]", 0.0)
    deadline = time.monotonic() + 10
    while len(running := marked(mark)) < 3 and time.monotonic() < deadline:  # the build and 2 workers
        time.sleep(0.05)
    workers = [pid for pid in running if pid != process.pid]
    assert workers, "no worker processes were running"
    assert all(os.getpgid(pid) not in (process.pid, os.getpgid(process.pid)) for pid in workers)
    os.killpg(process.pid, signal.SIGINT)
    out, err = finish(process)
    # On a loaded machine the build may have finished (and said so) before the signal reached it.
    assert process.returncode == 130 or (process.returncode == 0 and "built 4 documents" in out), err
    assert all_ended(mark) == []
