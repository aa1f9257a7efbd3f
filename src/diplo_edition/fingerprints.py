"""Content hashes the caches and the up-to-date check are keyed by: the code, a file, a folder's files,
and the listing of a built folder."""

from __future__ import annotations

import hashlib
import os
from functools import cache
from importlib import resources
from pathlib import Path

from .files import tree

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


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def folder_digest(folder: Path) -> str:
    """Hash of every file under folder: relative path and bytes ('' for a missing folder)."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
                digest.update(file_digest(path).encode())
    return digest.hexdigest()


def listing_digest(folder: Path) -> str:
    """Hash of the listing of a folder: every file's path, size and modification time (no reading)."""
    digest = hashlib.sha256()
    for name in tree(folder, folders=True):
        stat = os.lstat(folder / name)
        digest.update(f"{name}\0{stat.st_mode}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()
