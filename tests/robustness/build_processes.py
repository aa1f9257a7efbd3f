"""Real `diplo-edition` processes for the robustness tests: started on a copy of the seed project, found
again by a mark in their environment (their workers and Pagefind inherit it, whatever process group they
run in), and the output folder checked to be a whole build."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from conftest import ROOT
from lxml import etree

from diplo_edition.output_folder import BUILD_LIST
from diplo_edition.tei.validate import SAFE_PARSER

# As the `diplo-edition` command runs it: main() reads the arguments from sys.argv.
RUN = "import sys; from diplo_edition.cli import main; sys.argv[0] = 'diplo-edition'; sys.exit(main())"
MARK = "DIPLO_EDITION_TEST_RUN"


def seed_project(folder: Path) -> Path:
    """A copy of the seed edition (its sources, edition files and templates), not yet built."""
    project = folder / "project"
    for name in ("sources", "editions", "templates"):
        shutil.copytree(ROOT / name, project / name)
    return project


def start(project: Path, *argv: str) -> tuple[subprocess.Popen, str]:
    """The command started in a session (and process group) of its own, with a mark of its own; stderr
    is read line by line (the progress lines), stdout goes to a pipe."""
    mark = uuid.uuid4().hex
    process = subprocess.Popen(
        [sys.executable, "-c", RUN, "--root", str(project), *argv],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONFAULTHANDLER": "1", MARK: mark},
    )
    return process, mark


def marked(mark: str) -> list[int]:
    """The running processes (not zombies) that carry the mark."""
    found = []
    needle = f"{MARK}={mark}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if needle in (entry / "environ").read_bytes().split(b"\0") and \
                    (entry / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
                found.append(int(entry.name))
        except (OSError, IndexError):
            continue  # ended meanwhile, or not ours to read
    return found


def all_ended(mark: str, seconds: float = 15) -> list[int]:
    """Wait until no process carries the mark; those still running after the wait (none is good)."""
    deadline = time.monotonic() + seconds
    while (alive := marked(mark)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive


def finish(process: subprocess.Popen, seconds: float = 60, what: str = "") -> tuple[str, str]:
    """The process's output once it ended. One that hangs past the seconds is made to print where each of
    its threads stands (SIGABRT, with PYTHONFAULTHANDLER set), then its whole group is killed."""
    try:
        return process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGABRT)
        try:
            _, err = process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            err = ""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise AssertionError(f"{what}: the process hung: no end within {seconds} s\n{err[-6000:]}") from None


def temporary_folders(project: Path, pid: int | None = None) -> list[str]:
    """What builds leave beside build/ while they run: staging and old folders, the lock file; with a pid,
    only those of that build's process."""
    found = []
    for path in project.iterdir():
        if not path.name.startswith(".build."):
            continue
        if path.name == ".build.lock":
            owner = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
            if pid is None or owner.startswith(f"process {pid},"):
                found.append(path.name)
        elif pid is None or f"-{pid}-" in path.name or path.name.endswith(f"-{pid}"):
            found.append(path.name)
    return sorted(found)


def check_whole_build(site: Path) -> set[str]:
    """Assert that the folder is one whole build: its build list names exactly its files (the search
    index aside), and every TEI file parses; the listed files."""
    listed = set(json.loads((site / BUILD_LIST).read_text(encoding="utf-8"))["files"])
    present = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    present.discard(BUILD_LIST)
    index = {name for name in present if name.startswith("pagefind/")}
    assert present - index == listed, f"files not listed: {sorted(present - index - listed)[:5]}, " \
                                      f"listed but missing: {sorted(listed - present)[:5]}"
    assert "pagefind/shards.json" in index
    for shard in json.loads((site / "pagefind" / "shards.json").read_bytes())["shards"]:
        json.loads((site / "pagefind" / shard["path"] / "pagefind-entry.json").read_bytes())
    tei = sorted((site / "tei").glob("*.xml"))
    assert len(tei) >= 2
    for path in tei:
        etree.parse(str(path), SAFE_PARSER)
    return listed
