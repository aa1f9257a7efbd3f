"""Deterministic output: two builds of the same input are byte-identical, whatever the process.

The two builds run in processes of their own with different hash seeds (set and dict iteration order of
strings), different numbers of workers and a different SOURCE_DATE_EPOCH, so nothing that varies from
run to run (time, hashing, scheduling) can reach the output. The search index is compared too: byte for
byte, but for the filter files Pagefind writes in an order of its own (see test_workflow.snapshot).
"""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT
from projects import snapshot


def _build(out, seed: str, jobs: str, epoch: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": epoch}
    subprocess.run(
        [sys.executable, "-m", "diplo_edition.cli", "--root", str(ROOT), "build", "--quiet",
         "--out", str(out), "--jobs", jobs],
        check=True, env=env, cwd=out.parent, capture_output=True, timeout=300,
    )


def test_two_builds_are_byte_identical(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    _build(first, "1", "2", "0")
    _build(second, "2", "1", "1700000000")
    one, two = snapshot(first), snapshot(second)
    assert sorted(one) == sorted(two)
    assert len(one) > 50 and "tei/registers.xml" in one
    differing = [name for name in one if one[name] != two[name]]
    assert differing == []
    assert "pagefind/filter/ru" in one and any(name.startswith("pagefind/fragment/") for name in one)
    # Nothing of the time of the build is in it.
    assert not any(b"1700000000" in data for data in two.values())
