"""The files of the last build into an output folder that were made from cache entries, by path: the key of
the entry and the file as that build left it (size, time, inode).

A build writes a new folder and swaps it in whole (build.py), so a rebuild after a change to one document
would write every page again. Instead, a page whose cache entry has the same key as the one that made the
file at its path in the previous output, where that file is still as the previous build left it, is
hard-linked from there into the new folder: no entry is read, no byte is written. Nothing writes a file of
a finished output in place (every writer makes a new file or renames one in), so the link is as good as a
copy; a file system without hard links falls back to the cache.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .cache import Cache

WRITTEN = "written"  # the entry, in the cache's "builds" namespace: output folder -> its keyed files


@dataclass(frozen=True)
class _File:
    key: str
    size: int
    mtime_ns: int
    inode: int


@dataclass(frozen=True)
class PreviousOutput:
    """The keyed files of the output folder as the last build into it left them."""

    folder: Path
    files: dict[str, _File]
    # The folders this process made (or found) in the folders linked into: a link into a site of thousands
    # of pages asks for its folder once, not once per page.
    _folders: set[Path] = field(default_factory=set, init=False, repr=False, compare=False)

    def link(self, paths: list[str], key: str, into: Path) -> bool:
        """Link every file of paths (relative to the folder) from the previous output into the folder into
        when each was made from key and is unchanged since; all or none (False: write them anew)."""
        for path in paths:
            known = self.files.get(path)
            if known is None or known.key != key:
                return False
            try:
                stat = (self.folder / path).stat()
            except OSError:
                return False
            if (stat.st_size, stat.st_mtime_ns, stat.st_ino) != (known.size, known.mtime_ns, known.inode):
                return False
        made: list[Path] = []
        try:
            for path in paths:
                target = into / path
                if target.parent not in self._folders:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    self._folders.add(target.parent)
                os.link(self.folder / path, target)
                made.append(target)
        except OSError:
            for target in made:
                target.unlink(missing_ok=True)
            return False
        return True


def _records(project_root: Path):
    namespace = Cache.of_project(project_root).namespace("builds", dict[str, dict[str, _File]], kept=True)
    return namespace.load(WRITTEN) or {}, namespace


def previous_output(project_root: Path, out: Path) -> PreviousOutput | None:
    """What the last build into out (from this project's cache) left there, or None."""
    files = _records(project_root)[0].get(str(out))
    return PreviousOutput(out, files) if files and out.is_dir() else None


def record_written(project_root: Path, out: Path, written: dict[str, str],
                   listing: dict[str, os.stat_result]) -> None:
    """Record the keyed files (path in out -> key) of the build just swapped in as out (listing: its
    stat_tree)."""
    records, namespace = _records(project_root)
    records = {where: files for where, files in records.items() if Path(where).is_dir() and where != str(out)}
    files = {}
    for path, key in written.items():
        stat = listing.get(path)
        if stat is not None:
            files[path] = _File(key, stat.st_size, stat.st_mtime_ns, stat.st_ino)
    records[str(out)] = files
    namespace.store(WRITTEN, records)
