"""The output folder: refused when replacing it would destroy what is not a build, and swapped in whole."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .diagnostics import UsageError


def replace_directory(staging: Path, out: Path) -> None:
    """Swap the finished staging directory in for the output directory."""
    if not out.exists():
        os.replace(staging, out)
        return
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    os.replace(out, old)
    try:
        os.replace(staging, out)
    except BaseException:
        os.replace(old, out)  # interrupted between the two renames: put the previous site back
        raise
    shutil.rmtree(old, ignore_errors=True)


def check_output_directory(project_root: Path, out: Path) -> None:
    """Refuse an output directory whose replacement would destroy something that is not a build."""
    root, out = Path(project_root).resolve(), Path(out).resolve()
    own = [(root / name).resolve() for name in ("sources", "editions", "templates", "src", ".git")]
    if root.is_relative_to(out) or any(out.is_relative_to(folder) for folder in own):
        raise UsageError(
            f"the output directory {out} holds or lies inside the project's own files, and "
            "the build replaces the whole directory; choose another directory with --out"
        )
    if out.is_file():
        raise UsageError(f"the output directory {out} is a file; choose a directory with --out")
    if out.is_dir() and any(out.iterdir()) and not (out / "tei").is_dir():
        raise UsageError(
            f"{out} is not empty and does not hold a previous build, and the build replaces "
            "the whole directory; choose a new or empty directory with --out"
        )

