"""The one cache of the build: typed entries under content keys, in the project's ``.diplo-edition-cache/``.

A project folder may be handed over with its cache, so the cache holds data only: each entry is a file of
JSON (made by datacodec from the entry's type hints) followed by the raw byte strings it refers to (a
document's TEI, a page's HTML), with a SHA-256 of both. There is one loader, ``Namespace.load``: an entry
that is missing is a miss; one that is truncated, empty, garbage or of another type is a miss too, said in
a short note on stderr, and is made again. Nothing read from the cache is ever run.

A key is ``content_key(...)`` of everything the entry is made from: the code, and the values given,
walked field by field (a new field of a dataclass counts without anyone listing it). The cache can be
deleted at any time.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import sys
import threading
from pathlib import Path, PurePath
from typing import Any, Generic, TypeVar

from .datacodec import Codec, CodecError, type_name
from .editions import Collection, SourceRef
from .files import write_atomically
from .fingerprints import code_fingerprint, file_digest

CACHE_DIR = ".diplo-edition-cache"
# Each entry begins so; the number is its format's version. An entry of another version (written before an
# upgrade of the tool) is a miss, not damage: the entries whose key outlives a build (its record) meet it.
ENTRY_HEADING = b"diplo-edition cache entry "
MAGIC = ENTRY_HEADING + b"3\n"

T = TypeVar("T")

# Fields a key leaves out, each with why: what reads them is never cached.
NOT_IN_KEYS = {
    (Collection, "introduction"): "shown on the home page only, whose key holds it as rendered",
    (Collection, "about"): "shown on the about page only, which is rendered at every build",
    (Collection, "search_shard_size"): "read by the search index only, whose shards have keys of their own",
}
# Fields naming a file that is read: its bytes count, not only its name.
CONTENT_OF = {(SourceRef, "path")}


def content_key(*parts: Any) -> str:
    """SHA-256 of the code and of parts: dataclasses field by field (but NOT_IN_KEYS), str, int, float,
    bool, None, bytes, Path, Enum, list, tuple, dict (keys str, int, float, bool or None), set; CodecError
    for anything else."""
    try:
        # The JSON encoder walks lists, dicts and strings in C, and asks _key_form about the rest.
        text = json.dumps(parts, default=_key_form, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise CodecError(f"no content key: {exc}") from None
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@functools.cache
def _key_fields(cls: type) -> tuple[tuple[str, bool], ...]:
    """The fields of a dataclass that count in a key, and whether the file each names is read."""
    return tuple((f.name, (cls, f.name) in CONTENT_OF)
                 for f in dataclasses.fields(cls) if (cls, f.name) not in NOT_IN_KEYS)


def _key_form(value: Any) -> Any:
    kind = type(value)
    if dataclasses.is_dataclass(kind):
        form = [type_name(kind)]
        for name, read in _key_fields(kind):
            form.append(getattr(value, name))
            if read:
                form.append(file_digest(getattr(value, name)))
        return form
    if isinstance(value, PurePath):
        return ["Path", str(value)]
    if kind is bytes:
        return ["bytes", hashlib.sha256(value).hexdigest()]
    if isinstance(value, set | frozenset):  # in no order: the items' own keys, sorted
        return ["set", sorted(content_key(item) for item in value)]
    raise TypeError(f"a {kind.__qualname__} has no content key")


class _KeptEntries:
    """Entries a long-lived process (``serve``) keeps decoded between builds, up to a limit counted in their
    files' bytes; past it, no more are taken (an edition larger than the limit keeps some of its entries
    rather than replacing each by the next, which would keep none when a build reads them in turn), and
    what a build did not read or store is dropped before the next (the pages of a template since edited, a
    document's results before its save). Only a namespace whose readers never change an entry keeps its
    entries here: a build after a save decodes only what the save changed."""

    def __init__(self) -> None:
        self.lock = threading.Lock()  # serve's builds run in a thread of their own
        self.limit = 0  # bytes; none kept
        self.size = 0
        self.entries: dict[tuple[str, str, str], tuple[Any, int]] = {}
        self.used: set[tuple[str, str, str]] = set()  # read or stored since the last sweep

    def get(self, where: tuple[str, str, str]) -> Any:
        with self.lock:
            kept = self.entries.get(where)
            if kept is None:
                return None
            self.used.add(where)
            return kept[0]

    def put(self, where: tuple[str, str, str], value: Any, size: int) -> None:
        """Keep value as the entry at where (a store under a key held replaces it: the documents' key
        leaves out the corpus lexicon, which their entry records)."""
        with self.lock:
            self.size -= self.entries.pop(where, (None, 0))[1]
            if self.size + size <= self.limit:
                self.entries[where] = (value, size)
                self.size += size
                self.used.add(where)

    def reset(self, limit: int) -> None:
        with self.lock:
            self.limit, self.size, self.entries, self.used = limit, 0, {}, set()

    def sweep(self) -> None:
        with self.lock:
            if not self.used:
                return  # no build read the cache (nothing had changed): nothing is known stale
            self.entries = {where: kept for where, kept in self.entries.items() if where in self.used}
            self.size = sum(size for _, size in self.entries.values())
            self.used = set()


_KEPT = _KeptEntries()


def keep_entries_in_memory(megabytes: int) -> None:
    """Keep up to this many megabytes of decoded entries (by their files' size) of the namespaces that allow
    it in memory, for the builds of this process that follow (0: keep none)."""
    _KEPT.reset(megabytes * 1_000_000)


def forget_entries_unused() -> None:
    """Drop the kept entries that no build read or stored since the last call (serve calls it before each
    build: what the build before did not use is stale)."""
    _KEPT.sweep()


class Namespace(Generic[T]):
    """Entries of one type, each a file <key>.entry in a folder of the cache. With kept, its readers never
    change an entry: a long-lived process may keep them decoded (keep_entries_in_memory)."""

    def __init__(self, folder: Path, entry_type: Any, known: tuple[type, ...] = (), kept: bool = False):
        self.folder = folder
        self.codec = Codec(entry_type, known)
        self.type_name = type_name(entry_type)
        self.kept = kept

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.entry"

    def _kept_at(self, key: str) -> tuple[str, str, str]:
        """The entry's place among the kept entries: its folder, type and key."""
        return str(self.folder), self.type_name, key

    def load(self, key: str) -> T | None:
        """The entry stored under key, or None: missing, or damaged (said on stderr, and made again)."""
        path = self.path(key)
        if self.kept and (value := _KEPT.get(self._kept_at(key))) is not None:
            return value
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if data.startswith(ENTRY_HEADING) and not data.startswith(MAGIC):
            return None
        try:
            value = self._decode(data)
        except Exception as exc:  # whatever is wrong with the file, it is only a miss
            print(f"note: cache entry {self._shown(key)} was damaged ({exc}) and is made again",
                  file=sys.stderr)
            return None
        if self.kept:
            _KEPT.put(self._kept_at(key), value, len(data))
        return value

    def store(self, key: str, value: T) -> None:
        data, blobs = self.codec.encode(value)
        header = json.dumps({"type": self.type_name, "blobs": [len(b) for b in blobs], "data": data},
                            ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        body = b"".join([header, b"\n", *blobs])
        if self.kept:
            _KEPT.put(self._kept_at(key), value, len(body))
        try:
            write_atomically(self.path(key), MAGIC + hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
        except OSError as exc:  # a cache that cannot be written is no cache: the build goes on without it
            print(f"note: cache entry {self._shown(key)} could not be written ({exc.strerror or exc})",
                  file=sys.stderr)

    def _shown(self, key: str) -> str:
        """The entry as a note names it: <namespace>/<key>.entry."""
        return f"{self.folder.name}/{key}.entry"

    def _decode(self, data: bytes) -> T:
        if not data.startswith(MAGIC):
            raise CodecError("not a cache entry of this version")
        checksum, _, body = data[len(MAGIC):].partition(b"\n")
        if hashlib.sha256(body).hexdigest().encode() != checksum:
            raise CodecError("its checksum does not match its bytes")
        header_bytes, _, rest = body.partition(b"\n")
        header = json.loads(header_bytes)
        if not isinstance(header, dict) or header.get("type") != self.type_name:
            raise CodecError("an entry of another type")
        lengths = header.get("blobs")
        if not isinstance(lengths, list) or not all(type(n) is int and n >= 0 for n in lengths) \
                or sum(lengths) != len(rest):
            raise CodecError("its byte strings are not as long as it says")
        blobs, start = [], 0
        for length in lengths:
            blobs.append(rest[start:start + length])
            start += length
        return self.codec.decode(header.get("data"), blobs)


class Cache:
    """The cache folder of a project; each kind of entry in a namespace (a folder) of its own."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    @classmethod
    def of_project(cls, project_root: Path) -> Cache:
        return cls(Path(project_root) / CACHE_DIR)

    def namespace(self, name: str, entry_type: Any, known: tuple[type, ...] = (),
                  kept: bool = False) -> Namespace:
        return Namespace(self.folder / name, entry_type, known, kept)
