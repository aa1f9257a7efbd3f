"""The output folder: refused when replacing it would destroy what is not a build, and swapped in whole.

Every build writes a list of the files it made (``BUILD_LIST``) into the folder, so that the next build
replaces the folder only when nothing else has come into it. Temporary folders that a killed build left
beside it are cleared (or, when the swap itself was cut short, the previous site is put back).
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .diagnostics import UsageError
from .editions import SITE_FOLDERS
from .files import tree

BUILD_LIST = ".diplo-edition-build.json"
# What a build before the list existed wrote at the top of the folder.
_SITE_FILES = frozenset({"index.html", "404.html", "sitemap.xml", *SITE_FOLDERS})
_SHOWN = 5
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2
_SEARCH_INDEX = "pagefind/"


def staging_prefix(out: Path) -> str:
    """The name of a build's temporary folder beside out, with the process id that owns it."""
    return f".{out.name}.new-{os.getpid()}-"


def _old_name(out: Path) -> Path:
    return out.with_name(f".{out.name}.old-{os.getpid()}")


def _listed(folder: Path) -> list[str]:
    """The files a build list names: all but the search index's, whose names Pagefind draws anew on each
    build (the list stays byte-identical between builds; pagefind/ is the build's own as a whole)."""
    return [name for name in tree(folder) if not name.startswith(_SEARCH_INDEX)]


def write_build_list(staging: Path) -> None:
    """Record every file of the finished build (the last file written into it)."""
    files = _listed(staging)
    (staging / BUILD_LIST).write_text(json.dumps({"files": files}, ensure_ascii=False, indent=0) + "\n",
                                      encoding="utf-8")


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux's renameat2 with RENAME_EXCHANGE): there is never a moment with
    neither in place. False where the system or the file system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EXDEV, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def swap_in(staging: Path, out: Path) -> Path | None:
    """Put the finished staging folder in place of the output folder; the folder that now holds the previous
    site (to be removed), or None when there was none."""
    if not out.exists():
        os.replace(staging, out)
        return None
    if _exchange(staging, out):
        return staging
    old = _old_name(out)
    os.replace(out, old)
    try:
        os.replace(staging, out)
    except BaseException:
        os.replace(old, out)  # interrupted between the two renames: put the previous site back
        raise
    return old


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clear_leftovers(out: Path) -> None:
    """Remove the temporary folders of builds that were killed (SIGTERM, SIGKILL, a power cut); a previous
    site that a killed swap left aside is put back when the output folder is missing."""
    left = re.compile(rf"\.{re.escape(out.name)}\.(?P<kind>new|old)-(?P<pid>\d+)(?:-.*)?")
    if not out.parent.is_dir():
        return
    for path in sorted(out.parent.iterdir()):
        found = left.fullmatch(path.name)
        if not found or not path.is_dir() or _alive(int(found["pid"])):
            continue
        if found["kind"] == "old" and not out.exists():
            os.replace(path, out)
        else:
            shutil.rmtree(path, ignore_errors=True)


def _foreign_files(out: Path) -> list[str]:
    """Files in out that no build wrote; raises UsageError when out does not hold a build at all."""
    present = _listed(out)
    listed = out / BUILD_LIST
    if not listed.is_file():
        # A build from before the list: its top level must be the site's own (or a series' concordance).
        unknown = sorted(p.name for p in out.iterdir()
                         if p.name not in _SITE_FILES and not (p / "index.html").is_file())
        if (out / "tei").is_dir() and not unknown:
            return []
        raise UsageError(f"{out} is not empty and does not hold a previous build, and the build replaces "
                         "the whole directory; choose a new or empty directory with --out")
    try:
        written = set(json.loads(listed.read_text(encoding="utf-8"))["files"])
    except (OSError, ValueError, KeyError, TypeError):
        written = set()  # a damaged list: every file counts as foreign, so nothing is destroyed
    return [name for name in present if name not in written and name != BUILD_LIST]


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
    if not out.is_dir() or not any(out.iterdir()):
        return
    foreign = _foreign_files(out)
    if foreign:
        more = f" and {len(foreign) - _SHOWN} more" if len(foreign) > _SHOWN else ""
        shown = ", ".join(foreign[:_SHOWN]) + more
        raise UsageError(
            f"{out} holds files that no build wrote ({shown}), and the build replaces the whole directory; "
            "move them out of it, or choose another directory with --out"
        )


def _lock_file(out: Path) -> Path:
    return out.with_name(f".{out.name}.lock")


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold the output folder for one build: a second build into it (another terminal, a preview's rebuild)
    is refused, naming the process that holds it, instead of the two writing the same folder. The lock is
    the kernel's (flock), so a build that was killed holds nothing; the file beside out says by whom it is
    held, and is removed when the build ends."""
    path = _lock_file(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 200).decode("utf-8", "replace").strip() or "another process"
            os.close(fd)
            raise UsageError(f"another build ({holder}) is writing {out}; wait for it to end, or stop it, "
                             "and run this one again") from None
        # The file may have been removed (by the build that held it) between opening and locking it.
        try:
            if os.path.samestat(os.fstat(fd), os.stat(path)):
                break
        except FileNotFoundError:
            pass
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"process {os.getpid()}, since {time.strftime('%H:%M:%S')}".encode())
        yield
    finally:
        path.unlink(missing_ok=True)
        os.close(fd)
