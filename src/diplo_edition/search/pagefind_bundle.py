"""Pagefind's bundle as files in memory (``{path in the bundle: bytes}``): put in a stable order, written,
and read back to prove it whole.

- Pagefind 1.5.2 writes the values of each filter, the filters of each language and the languages of
  ``pagefind-entry.json`` in the order of its hash maps, which changes from run to run. A filter file is
  named by the hash of its content, the language's meta file names its filters (and is named by its own
  hash) and the entry names the meta files: one order changed renames them all. ``normalise`` sorts all
  three by name, as Pagefind does since its PR #1124, and names the files again as Pagefind names them
  (``full_hash`` below), so that two builds of the same site write the same bytes under the same names.
- Every index file is ``gzip("pagefind_dcd" + payload)``; the payload of a meta or filter file is CBOR
  (minicbor's arrays, text and unsigned integers, which cbor2 reads and writes back byte for byte); a
  fragment's is JSON.
- ``verify_bundle`` reads the written bundle as the search runtime does: the entry, then per language its
  meta and wasm files, and every fragment, word index and filter file the meta names; each must be there
  and whole.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from pathlib import Path, PurePosixPath

import cbor2

from ..files import write_atomically

ENTRY = "pagefind-entry.json"
RUNTIME = "pagefind.js"  # what the site's search page loads, and what it loads in turn (Pagefind >= 1.5)
WORKER = "pagefind-worker.js"
_MAGIC = b"pagefind_dcd"
# The fields of a meta file (Pagefind's MetaIndex) and of a filter file (FilterIndex), by position.
_META_PAGES, _META_CHUNKS, _META_FILTERS, _META_SORTS = 1, 2, 3, 4
_FILTER_VALUES = 1


class DamagedBundle(RuntimeError):
    """A file of the written search index is missing, cut short or not in Pagefind's format."""


def unpack(data: bytes) -> bytes:
    """The payload of a Pagefind index file; ValueError when it is not one, or is cut short."""
    try:
        raw = gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise ValueError(f"not a whole gzip stream ({exc})") from None
    if not raw.startswith(_MAGIC):
        raise ValueError("no pagefind_dcd header")
    return raw[len(_MAGIC):]


def pack(payload: bytes) -> bytes:
    """An index file of the payload, the same bytes every time (no time in the gzip header)."""
    return gzip.compress(_MAGIC + payload, compresslevel=6, mtime=0)


def full_hash(data: bytes) -> str:
    """SHA-1 in hex as Pagefind spells it (utils::full_hash): each byte without its leading zero."""
    return "".join(f"{byte:x}" for byte in hashlib.sha1(data).digest())


def _short_name(full: str, length: int, taken: set[str]) -> str:
    """The first length characters of full, longer where an earlier file of the language has them
    (Pagefind lengthens a colliding name two characters at a time)."""
    name = full[:length]
    while name in taken and len(name) < len(full):
        name = full[:len(name) + 2]
    return name


def _meta_path(language_hash: str) -> str:
    return f"pagefind.{language_hash}.pf_meta"


def normalise(files: dict[str, bytes]) -> dict[str, bytes]:
    """The bundle with its filters, their values, the sorts and the languages in order of name, and the
    filter, meta and entry files named and written again to match (every other file is left as it is)."""
    out = dict(files)
    entry = json.loads(files[ENTRY])
    languages = dict(sorted(entry["languages"].items()))
    for language, info in languages.items():
        meta_path = _meta_path(info["hash"])
        meta = cbor2.loads(unpack(out.pop(meta_path)))
        filters, taken = [], set()
        for name, old_hash in sorted(meta[_META_FILTERS]):
            content = cbor2.loads(unpack(out.pop(f"filter/{old_hash}.pf_filter")))
            content[_FILTER_VALUES].sort(key=lambda value: value[0])
            payload = cbor2.dumps(content)
            new_hash = _short_name(f"{language}_{full_hash(payload)}", len(language) + 8, taken)
            taken.add(new_hash)
            out[f"filter/{new_hash}.pf_filter"] = pack(payload)
            filters.append([name, new_hash])
        meta[_META_FILTERS] = filters
        meta[_META_SORTS] = sorted(meta[_META_SORTS], key=lambda sort: sort[0])
        payload = cbor2.dumps(meta)
        info["hash"] = f"{language}_{full_hash(payload)[:len(language) + 8]}"
        out[_meta_path(info["hash"])] = pack(payload)
    entry["languages"] = languages
    out[ENTRY] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return out


def write_bundle(bundle: Path, files: dict[str, bytes]) -> None:
    """Write every file into bundle, each whole or not at all (a full disk raises OSError ENOSPC)."""
    for name, data in sorted(files.items()):
        path = PurePosixPath(name)
        if path.is_absolute() or ".." in path.parts:
            raise DamagedBundle(f"Pagefind gave a file outside its folder: {name}")
        write_atomically(bundle / path, data)


def verify_bundle(bundle: Path) -> None:
    """Raise DamagedBundle unless every file the search runtime would load from bundle is there and whole."""
    if WORKER.encode() in _read(bundle, RUNTIME):
        _read(bundle, WORKER)
    try:
        languages = json.loads(_read(bundle, ENTRY))["languages"]
    except (ValueError, KeyError, TypeError):
        languages = None
    if not isinstance(languages, dict) or not all(isinstance(info, dict) for info in languages.values()):
        raise DamagedBundle(f"{bundle / ENTRY} is not Pagefind's entry file")
    for language, info in languages.items():
        _payload(bundle, f"wasm.{info.get('wasm') or 'unknown'}.pagefind")
        meta_path = _meta_path(str(info.get("hash")))
        try:
            meta = cbor2.loads(_payload(bundle, meta_path))
            named = ([f"fragment/{page[0]}.pf_fragment" for page in meta[_META_PAGES]]
                     + [f"index/{chunk[2]}.pf_index" for chunk in meta[_META_CHUNKS]]
                     + [f"filter/{item[1]}.pf_filter" for item in meta[_META_FILTERS]])
        except (cbor2.CBORDecodeError, IndexError, TypeError):
            raise DamagedBundle(f"{bundle / meta_path} is not the meta file of language {language}") from None
        for name in named:
            _payload(bundle, name)


def _read(bundle: Path, name: str) -> bytes:
    try:
        return (bundle / name).read_bytes()
    except FileNotFoundError:
        raise DamagedBundle(f"the search index lacks {bundle / name}") from None


def _payload(bundle: Path, name: str) -> bytes:
    try:
        return unpack(_read(bundle, name))
    except ValueError as exc:
        raise DamagedBundle(f"{bundle / name} is damaged: {exc}") from None
