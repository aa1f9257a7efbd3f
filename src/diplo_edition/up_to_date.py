"""The records of the last builds, by output folder: a build whose inputs and output are unchanged since is
not made again."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .cache import Cache
from .config.theme import theme_digest, theme_folders
from .diagnostics import Diagnostic
from .fingerprints import code_fingerprint, folder_digest, listing_digest
from .site.edition_facts import source_date

LAST_BUILD = "last-build"  # the entry, in the cache's "builds" namespace, of the builds' records


@dataclass(frozen=True)
class _BuildRecord:
    """What the last build into an output directory was made from, and what it left there."""

    inputs: str  # inputs_digest
    output: str  # listing_digest of the output directory
    warnings: list[Diagnostic]


def inputs_digest(project_root: Path, out: Path, only: list[str] | None, strict: bool) -> str:
    """Everything a build's output depends on: the code, sources/, editions/, the theme with the project's
    templates/, the options, and the date SOURCE_DATE_EPOCH gives (About shows it)."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for folder in ("sources", "editions"):
        digest.update(folder_digest(project_root / folder).encode())
    digest.update(theme_digest(theme_folders(project_root / "templates")).encode())
    digest.update(repr((str(out), only, strict, source_date())).encode())
    return digest.hexdigest()


def _build_records(project_root: Path):
    """The records of the last builds, by output directory ({} if there are none), and where they are kept."""
    records = Cache.of_project(project_root).namespace("builds", dict[str, _BuildRecord], kept=True)
    return records.load(LAST_BUILD) or {}, records


def last_build(project_root: Path, inputs: str, out: Path) -> list[Diagnostic] | None:
    """The warnings of the last build into out if it was made from these inputs and out is as it left it."""
    last = _build_records(project_root)[0].get(str(out))
    if last is None or last.inputs != inputs or not out.is_dir():
        return None
    if last.output != listing_digest(out):
        return None  # out was changed (or replaced) since: build it again
    return last.warnings


def record_build(project_root: Path, inputs: str, out: Path, warnings: list[Diagnostic],
                 listing: dict[str, os.stat_result]) -> None:
    """Record the build just swapped in as out (listing: its stat_tree)."""
    records, namespace = _build_records(project_root)
    # Directories that are gone (check's temporary builds) are forgotten.
    records = {where: r for where, r in records.items() if Path(where).is_dir()}
    records[str(out)] = _BuildRecord(inputs, listing_digest(out, listing), warnings)
    namespace.store(LAST_BUILD, records)

