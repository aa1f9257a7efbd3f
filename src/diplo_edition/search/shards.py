"""The search index in shards: the documents are grouped by a hash of their id into shards of about
``search_shard_size`` documents (collection.yml), one Pagefind bundle per shard under
``pagefind/shard-NN-<hash of its files>/``, and ``pagefind/shards.json`` names them with their
languages. The search page loads, per language, the first shard that has it and merges the others
(Pagefind's ``mergeIndex``).

- A document stays in its shard from build to build while the number of shards stays the same (it grows
  by one every ``search_shard_size`` documents).
- A shard's bundle is cached under the keys of the page cache entries its documents' pages and search
  data were made from (which name everything those depend on), with Pagefind's version: a rebuild after
  one changed document re-indexes its shard only, and the others are written from the cache, byte for
  byte as Pagefind made them. No page is read again to key its shard.
- Each bundle is written whole and read back (``verify_bundle``) before the manifest names it.
- ``diplo-edition serve`` publishes the pages of a change first with the previous index carried over
  (``carry_over``: its manifest says ``"pending": true``, and the search page that search is catching
  up), then writes the new index beside the site (``PendingSearch`` in site_index.py) and brings it in
  (``add_index``): a shard folder is named by the hash of its files, so a new one never replaces a
  folder in use, and the manifest, replaced last, names only whole ones.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import Cache, content_key
from ..files import write_atomically
from .pagefind_bundle import verify_bundle, write_bundle
from .pagefind_index import IndexPiece, index_bundles, languages_of, pages_glob

if TYPE_CHECKING:
    from .site_index import DocumentSearch

OUTPUT = "pagefind"
MANIFEST = "shards.json"  # in OUTPUT: the shards and their languages, read by search.js


@dataclass
class PagefindReport:
    pages: int = 0
    records: int = 0  # abstracts indexed on their own
    languages: dict[str, int] = field(default_factory=dict)  # language -> pages
    bytes: int = 0
    files: int = 0
    shards: int = 0
    shards_indexed: int = 0  # made by Pagefind in this build; the others came from the cache


def shard_count(documents: int, shard_size: int) -> int:
    return max(1, math.ceil(documents / shard_size))


def shard_of(document_id: str, shards: int) -> int:
    """The shard of a document: a hash of its id, so that it does not move while the count stays."""
    return int.from_bytes(hashlib.sha256(document_id.encode("utf-8")).digest()[:8], "big") % shards


def shard_folder(number: int, files: dict[str, bytes]) -> str:
    """The folder of a shard's bundle: its number and a hash of its files, so that a new bundle never
    takes the place of one a browser may still be loading (``serve`` adds it beside the old one)."""
    digest = hashlib.sha256()
    for name, data in sorted(files.items()):
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return f"shard-{number:02d}-{digest.hexdigest()[:10]}"


def group(documents: list[DocumentSearch], shard_size: int) -> dict[int, list[DocumentSearch]]:
    """The documents of each shard that has any, by shard number, in the order given."""
    count = shard_count(len(documents), shard_size)
    shards: dict[int, list[DocumentSearch]] = {}
    for document in documents:
        shards.setdefault(shard_of(document.document_id, count), []).append(document)
    return dict(sorted(shards.items()))


def _piece(documents: list[DocumentSearch]) -> IndexPiece:
    records = [r for d in documents for r in d.records]
    texts = {url: texts for d in documents for url, texts in d.pages.items()}
    return IndexPiece(pages_glob([d.document_id for d in documents]), records, texts)


@dataclass(frozen=True)
class ShardCache:
    """Where the shards are cached, and by what: each document's page cache key (document id -> the key
    of the entry its pages and DocumentSearch were made from, site/document_pages.py)."""

    folder: Path
    page_keys: dict[str, str]

    def key(self, documents: list[DocumentSearch]) -> str | None:
        """The key of a shard of these documents (the code, with EXCLUDE_SELECTORS, is in every
        content_key); None if one of them was not made from a cache entry."""
        keys = [self.page_keys.get(d.document_id) for d in documents]
        if None in keys:
            return None
        return content_key("search shard", metadata.version("pagefind_bin"),
                           pages_glob([d.document_id for d in documents]), keys)


def write_shards(site_dir: Path, documents: list[DocumentSearch], shard_size: int,
                 cache: ShardCache | None = None, output: Path | None = None) -> PagefindReport:
    """Write the index of the document pages written in site_dir (and of their records) into output
    (site_dir/pagefind), shard by shard: from the cache where a shard is unchanged, by Pagefind where not.
    Each shard's bundle is written as soon as it is at hand, and let go: one is held at a time."""
    site_dir = Path(site_dir).resolve()
    shards = group(documents, shard_size)
    pieces = {number: _piece(members) for number, members in shards.items()}
    stored = Cache(cache.folder).namespace("search-shards", dict[str, bytes]) if cache is not None else None
    output = output or site_dir / OUTPUT
    if output.exists():
        shutil.rmtree(output)
    report = PagefindReport(shards=len(shards))
    listed: dict[int, dict] = {}

    def write(number: int, files: dict[str, bytes]) -> None:
        name = shard_folder(number, files)
        write_bundle(output / name, files)
        verify_bundle(output / name)
        languages = languages_of(files)
        listed[number] = {"path": name + "/", "languages": languages}
        report.pages += len(shards[number])
        report.records += len(pieces[number].records)
        for language, count in languages.items():
            report.languages[language] = report.languages.get(language, 0) + count
        report.bytes += sum(len(data) for data in files.values())
        report.files += len(files)

    keys = {number: cache.key(members) if cache is not None else None for number, members in shards.items()}
    missing = []
    for number, key in keys.items():
        cached = stored.load(key) if stored is not None and key is not None else None
        if cached is None:
            missing.append(number)
        else:
            write(number, cached)

    def made(k: int, pages: int, files: dict[str, bytes]) -> None:
        number = missing[k]
        expected = sum(len(d.pages) for d in shards[number])
        if pages != expected:
            raise RuntimeError(f"Pagefind read {pages} of the {expected} pages of search shard {number}")
        if stored is not None and keys[number] is not None:
            stored.store(keys[number], files)
        write(number, files)

    index_bundles(site_dir, [pieces[number] for number in missing], made)
    report.shards_indexed = len(missing)
    report.languages = dict(sorted(report.languages.items()))
    _write_manifest(output, {"shards": [listed[number] for number in sorted(listed)]})
    return report


def _write_manifest(output: Path, manifest: dict) -> None:
    write_atomically(output / MANIFEST, json.dumps(manifest, ensure_ascii=False, sort_keys=True,
                                                   separators=(",", ":")).encode("utf-8"))


def _shard_paths(output: Path) -> tuple[dict, list[str]] | None:
    """The manifest of the index in output and the folders it names; None when there is none."""
    try:
        manifest = json.loads((output / MANIFEST).read_bytes())
        return manifest, [str(shard["path"]).strip("/") for shard in manifest["shards"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def bundles_of(site_dir: Path) -> list[Path]:
    """The folders of the shards the index of site_dir lists (none when it has no index)."""
    _, folders = _shard_paths(Path(site_dir) / OUTPUT) or ({}, [])
    return [Path(site_dir) / OUTPUT / name for name in folders]


def carry_over(previous_site: Path, site_dir: Path) -> bool:
    """Put the index of previous_site (the shards its manifest names) into site_dir marked as behind its
    pages (``"pending": true`` in the manifest: the search page says that search is catching up); False
    when previous_site has none. Hard links where the file system allows: no file is written in place."""
    previous, output = Path(previous_site) / OUTPUT, Path(site_dir) / OUTPUT
    found = _shard_paths(previous)
    if found is None:
        return False
    manifest, folders = found
    for name in folders:
        try:
            shutil.copytree(previous / name, output / name, copy_function=os.link)
        except (OSError, shutil.Error):
            shutil.rmtree(output / name, ignore_errors=True)
            shutil.copytree(previous / name, output / name)
    _write_manifest(output, {**manifest, "pending": True})
    return True


def add_index(new_output: Path, site_dir: Path) -> None:
    """Bring the index write_shards wrote into new_output (beside the site, on its file system) into
    site_dir: each shard folder it lacks moved in whole, then the manifest replaced in one step. The
    folders of the index before stay, for a browser still loading them, until the next build."""
    _, folders = _shard_paths(new_output) or ({}, [])
    output = Path(site_dir) / OUTPUT
    output.mkdir(exist_ok=True)
    for name in folders:
        if not (output / name).is_dir():
            os.rename(new_output / name, output / name)
    os.replace(new_output / MANIFEST, output / MANIFEST)

