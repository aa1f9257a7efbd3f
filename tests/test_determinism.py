"""Deterministic output: builds of the same input are byte-identical, whatever the process.

The builds run in processes of their own with different hash seeds (set and dict iteration order of
strings), different numbers of workers, and one of them without the cache, so nothing that varies from run
to run (time, hashing, scheduling, what was cached) can reach the output. They share one
SOURCE_DATE_EPOCH, as reproducible builds do: it is the date About gives, and the one thing of time that
reaches the site. Every file is compared byte for byte under its name, the search index too: Pagefind's filter
files, the meta files that name them and the entry file that names those are put in one order
(search/pagefind_bundle.py), so even their names are the same.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

EPOCH = "1700000000"  # 2023-11-14 UTC


def _build(out: Path, seed: str, jobs: str, epoch: str, *options: str) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": epoch}
    subprocess.run(
        [sys.executable, "-m", "diplo_edition.cli", "--root", str(ROOT), "build", "--quiet",
         "--out", str(out), "--jobs", jobs, *options],
        check=True, env=env, cwd=out.parent, capture_output=True, timeout=300,
    )
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_builds_are_byte_identical_search_index_and_all(tmp_path):
    first = _build(tmp_path / "first", "1", "2", EPOCH)
    second = _build(tmp_path / "second", "2", "1", EPOCH)
    uncached = _build(tmp_path / "uncached", "3", "2", EPOCH, "--no-cache")
    assert len(first) > 50 and "tei/registers.xml" in first
    filters = [name for name in first if re.match(r"pagefind/shard-00-\w+/filter/", name)]
    assert len(filters) >= 4 and any(re.match(r"pagefind/shard-00-\w+/fragment/", name) for name in first)
    for other in (second, uncached):
        assert sorted(other) == sorted(first)
        assert [name for name in first if first[name] != other[name]] == []
    # Of the time, only SOURCE_DATE_EPOCH's date is in it: About's date of the data.
    assert not any(EPOCH.encode() in data for data in second.values())
    assert '<time datetime="2023-11-14">14 ноября 2023 г.</time>'.encode() in first["about/index.html"]
    assert b'<time datetime="2023-11-14">' in first["en/about/index.html"]
