"""What the About page says of the edition itself: the version of the tool, the date of the edition's
data, and the raw files the documents were made from, with their sizes and hashes.

Nothing here reads the clock: the date is the one SOURCE_DATE_EPOCH gives (reproducible builds), else
that of the newest raw source or edition file (their modification time), so two builds of the same files
are byte-identical whenever they run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .. import __version__
from ..diagnostics import UsageError
from ..editions import Collection
from ..fingerprints import file_digest
from .model import DocumentView

VERSION = __version__
EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"  # https://reproducible-builds.org/specs/source-date-epoch/


@dataclass(frozen=True)
class RawSource:
    path: str  # as the TEI names it: sources/<name>
    size: int | None  # bytes; None when the file is not in the project (a build from TEI alone)
    sha256: str | None


@dataclass(frozen=True)
class DocumentSources:
    id: str
    title: str
    lang: str  # the document's language
    published_in: str | None
    files: tuple[RawSource, ...]


def project_root(collection: Collection) -> Path:
    """The project folder: the parent of editions/, where collection.yml is."""
    return collection.file.resolve().parent.parent


def _raw(root: Path, path: str) -> RawSource:
    file = root / path
    if not file.is_file():
        return RawSource(path, None, None)
    return RawSource(path, file.stat().st_size, file_digest(file))


def document_sources(collection: Collection, views: list[DocumentView]) -> list[DocumentSources]:
    """Each document's printed source and raw files, in the site's order."""
    root = project_root(collection)
    return [DocumentSources(view.id, view.title, view.lang, view.published_in,
                            tuple(_raw(root, path) for path in view.sources)) for view in views]


def source_date() -> str | None:
    """The date (UTC, ISO) SOURCE_DATE_EPOCH gives, or None when it is not set; a value that is not a
    number of seconds since 1970-01-01 is a UsageError naming the variable."""
    value = os.environ.get(EPOCH_VARIABLE)
    if value is None:
        return None
    problem = f"{EPOCH_VARIABLE}={value!r} is not a time: give the seconds since 1970-01-01 00:00 UTC " \
              f"(e.g. {EPOCH_VARIABLE}=$(git log -1 --format=%ct)), or unset it"
    if not value.isascii() or not value.isdigit():
        raise UsageError(problem)
    try:
        return datetime.fromtimestamp(int(value), UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        raise UsageError(problem) from None


def data_date(collection: Collection, views: list[DocumentView]) -> str | None:
    """The date (UTC, ISO) of the edition's data: SOURCE_DATE_EPOCH's when it is set, else that of the
    newest file the edition is made of (its raw sources and edition files)."""
    given = source_date()
    if given is not None:
        return given
    root = project_root(collection)
    files = [root / path for view in views for path in view.sources]
    files += collection.file.resolve().parent.rglob("*.yml")
    times = [file.stat().st_mtime for file in files if file.is_file()]
    return datetime.fromtimestamp(max(times), UTC).date().isoformat() if times else None
