"""Files written so that no reader ever sees half of one (into a temporary file beside, then renamed), and
the listing of a folder."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def tree(folder: Path, *, folders: bool = False) -> list[str]:
    """Every file under folder (with folders, every folder too) as a path relative to it with '/', sorted;
    by os.walk, several times faster than Path.rglob on a site of thousands of pages."""
    found = []
    for top, subfolders, names in os.walk(folder):
        relative = os.path.relpath(top, folder)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        found += [prefix + name for name in (subfolders + names if folders else names)]
    return sorted(found)


def stat_tree(folder: Path) -> dict[str, os.stat_result]:
    """Every file and folder under folder, named as tree names them, with its lstat."""
    return {name: os.lstat(os.path.join(folder, name)) for name in tree(folder, folders=True)}
