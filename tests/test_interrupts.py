"""Ctrl-C and SIGTERM at any moment of a build: the process ends, says truly what it left, and leaves no
temporary folder and no process behind (issue 13, points 2–4). Real signals to a real build process."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

STAGE = "[3/4] writing the site"
RUN = "import sys; from diplo_edition.cli import main; sys.exit(main(sys.argv[1:]))"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the seed edition, with a first build in place."""
    project = tmp_path_factory.mktemp("interrupts") / "project"
    for folder in ("sources", "editions", "templates"):
        shutil.copytree(ROOT / folder, project / folder)
    built = subprocess.run([sys.executable, "-c", RUN, "--root", str(project), "build", "--quiet"],
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    return project


def _build_until(project: Path, stage: str, delay: float) -> subprocess.Popen:
    """A build (nothing cached) started in a process group of its own, once it reports the stage + delay."""
    process = subprocess.Popen(
        [sys.executable, "-c", RUN, "--root", str(project), "build", "--no-cache", "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    for line in process.stderr:  # the progress lines
        if line.startswith(stage):
            break
    time.sleep(delay)
    return process


def _group_gone(pgid: int, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def _leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".build."))


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.0, 0.3, 0.8, 1.5])
def test_ctrl_c_while_the_site_and_its_index_are_written(project, delay):
    before = (project / "build" / "index.html").read_bytes()
    process = _build_until(project, STAGE, delay)
    os.killpg(process.pid, signal.SIGINT)  # as the terminal does: to the whole process group
    try:
        out, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("the build hung after Ctrl-C")
    if process.returncode == 0:  # the signal came after the build had finished (only when it waited)
        assert delay > 0 and "built 4 documents" in out
    else:
        assert process.returncode == 130, err
        said = err.strip().splitlines()[-1]
        assert said in ("interrupted; the previous build was left as it was",
                        "interrupted; the new build was already in place"), err
        if said.endswith("left as it was"):
            assert (project / "build" / "index.html").read_bytes() == before
    assert (project / "build" / "index.html").is_file()
    assert _group_gone(process.pid), "a process of the build outlived it"
    assert _leftovers(project) == []


@pytest.mark.slow
def test_sigterm_cleans_up_like_ctrl_c(project):
    process = _build_until(project, "[2/4]", 0.0)
    process.send_signal(signal.SIGTERM)  # to the build alone, as `timeout` or a CI cancel does
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130 and "terminated; the previous build was left as it was" in err
    assert _group_gone(process.pid), "a worker of the build outlived it"
    assert _leftovers(project) == []


@pytest.mark.slow
def test_sigkill_leaves_workers_that_end_with_it_and_a_folder_the_next_build_clears(project):
    process = _build_until(project, "[2/4]", 0.0)
    process.kill()
    process.wait(timeout=30)
    assert _group_gone(process.pid), "a worker of the killed build ran on"
    rebuilt = subprocess.run([sys.executable, "-c", RUN, "--root", str(project), "build", "--quiet"],
                             capture_output=True, text=True, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert _leftovers(project) == []
