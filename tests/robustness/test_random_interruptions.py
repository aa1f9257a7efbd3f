"""Builds of the seed edition stopped at 50 random moments (SIGINT to the group as a terminal sends it,
SIGTERM and SIGKILL to the build), then built again: no hang, no process left running, no temporary
folder left once the next build ran, and build/ always one whole build (the old one or the new one).

The moments are drawn by a seeded generator, so a failure comes back on the next run (timing allowing),
from the build's first progress line on (before it, Python is still starting and no program can act on a
signal). Most builds take the documents from the cache and write the site anew (a template changes each
time); one in four processes every document again, so that the workers are stopped too.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest
from build_processes import all_ended, check_whole_build, finish, seed_project, start, temporary_folders

MOMENTS = 50
SEED = 13
SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGKILL)
# The moments fall within this share of a build's length: most of them while it runs (a loaded machine
# makes a build's length vary), some when it is writing its output or has finished.
SPAN = 0.9


def _build(project: Path, fresh: bool, template_change: int) -> tuple:
    with (project / "templates" / "404.html").open("a", encoding="utf-8") as page:
        page.write(f"{{# change {template_change} #}}\n")  # the previous build is no longer up to date
    process, mark = start(project, "build", "--jobs", "2", *(["--no-cache"] if fresh else []))
    process.stderr.readline()  # the first progress line: the build has begun
    return process, mark


def _timed_build(project: Path, fresh: bool, change: int) -> float:
    """How long a build runs after its first progress line (where the moments are drawn from)."""
    process, mark = _build(project, fresh, change)
    started = time.monotonic()
    _, err = finish(process, 300)
    assert process.returncode == 0, err
    assert all_ended(mark) == []
    return time.monotonic() - started


@pytest.mark.slow
def test_builds_stopped_at_random_moments_leave_a_whole_site_and_nothing_else(tmp_path):
    project = seed_project(tmp_path)
    # How long the two kinds of build take here: the moments are drawn within them.
    lengths = {fresh: _timed_build(project, fresh, change) for change, fresh in enumerate((True, False))}
    check_whole_build(project / "build")
    draw = random.Random(SEED)
    outcomes: dict[str, int] = {}
    for moment in range(MOMENTS):
        number = draw.choice(SIGNALS)
        fresh = draw.random() < 0.25
        delay = draw.uniform(0, lengths[fresh] * SPAN)
        process, mark = _build(project, fresh, moment + 2)
        time.sleep(delay)
        if process.poll() is None:
            if number == signal.SIGINT:
                os.killpg(process.pid, number)  # as the terminal does: to the whole process group
            else:
                process.send_signal(number)  # as `kill`, `timeout` or a CI cancel does: to the build
        what = f"moment {moment}: {signal.Signals(number).name} after {delay:.2f} s"
        _, err = finish(process, what=what)
        assert process.returncode in (0, 130, -signal.SIGKILL), f"{what}: exit {process.returncode}: {err}"
        assert "Traceback" not in err and "internal error" not in err, f"{what}: {err}"
        assert all_ended(mark) == [], f"{what}: a process of the build outlived it"
        if process.returncode != -signal.SIGKILL:  # a killed one's are cleared by the next build
            assert temporary_folders(project, process.pid) == [], f"{what}: {err}"
        check_whole_build(project / "build")
        outcome = {0: "finished", 130: "interrupted"}.get(process.returncode, "killed")
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    assert outcomes.get("interrupted", 0) >= 10 and outcomes.get("killed", 0) >= 5, outcomes
    # The build after them all clears what the killed ones left, and is whole.
    _timed_build(project, False, MOMENTS + 2)
    assert temporary_folders(project) == []
    check_whole_build(project / "build")
