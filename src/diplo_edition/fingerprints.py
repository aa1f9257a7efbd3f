"""Content hashes the caches and the up-to-date check are keyed by: the code, a file, a folder's files,
and the listing of a built folder."""

from __future__ import annotations

import hashlib
import os
import time
from functools import cache
from importlib import resources
from pathlib import Path

from .files import stat_tree

FORMAT = b"diplo-edition document cache 1"


@cache
def code_fingerprint() -> str:
    """Hash of the package's code and schemas: a new version of the tool invalidates every entry."""
    digest = hashlib.sha256(FORMAT)
    package = Path(str(resources.files("diplo_edition")))
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".rng") and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


# path -> (the file's identity and times, its digest): a build hashes the raw files more than once (the
# up-to-date check, the corpus, the About page), and serve at every save.
_DIGESTS: dict[str, tuple[tuple[int, ...], str]] = {}
# A file changed less than this long ago is not remembered: on a file system of coarse times, a second
# change within the same tick would keep its size and times.
_SETTLED_NS = 2_000_000_000


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes; remembered in this process while the file keeps its inode, size,
    modification and change times (writing to a file changes its change time, which no tool can set)."""
    stat = os.stat(path)
    state = (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    known = _DIGESTS.get(str(path))
    if known is not None and known[0] == state:
        return known[1]
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    if time.time_ns() - max(stat.st_mtime_ns, stat.st_ctime_ns) > _SETTLED_NS:
        _DIGESTS[str(path)] = (state, digest)
    return digest


def folder_digest(folder: Path) -> str:
    """Hash of every file under folder: relative path and bytes ('' for a missing folder)."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
                digest.update(file_digest(path).encode())
    return digest.hexdigest()


def listing_digest(folder: Path, listing: dict[str, os.stat_result] | None = None) -> str:
    """Hash of the listing of a folder: every file's path, size and modification time (no reading);
    listing: the folder's stat_tree, when it is at hand."""
    digest = hashlib.sha256()
    for name, stat in (stat_tree(folder) if listing is None else listing).items():
        digest.update(f"{name}\0{stat.st_mode}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()
