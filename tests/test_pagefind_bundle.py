"""Pagefind's bundle taken in memory, in a stable order, written whole and read back (issue 13, "The
search index"): on the real site's index, on one larger than what Pagefind's wrapper reads at once, and
on a disk too small for it."""

from __future__ import annotations

import errno
import json
import os
import random
import re
import shutil
import signal
import string
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import cbor2
import pytest
from browser.sites import real_site
from projects import small_disk

from diplo_edition.search.pagefind_bundle import (
    ENTRY,
    DamagedBundle,
    full_hash,
    normalise,
    pack,
    unpack,
    verify_bundle,
    write_bundle,
)
from diplo_edition.search.pagefind_index import (
    IndexPiece,
    _index,
    _run,
    index_bundles,
    languages_of,
    pages_glob,
)
from diplo_edition.search.shards import bundles_of


def seed_bundle() -> Path:
    [bundle] = bundles_of(real_site())  # the seed's four documents are one shard
    return bundle


def _files(bundle: Path) -> dict[str, bytes]:
    return {p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()}


def _meta_name(language_hash: str) -> str:
    return f"pagefind.{language_hash}.pf_meta"


def _shuffled(files: dict[str, bytes]) -> dict[str, bytes]:
    """The bundle as Pagefind 1.5.2 may write it: the languages, each language's filters and each
    filter's values in another order, under other names (the names are of no account to normalise)."""
    out = dict(files)
    entry = json.loads(files[ENTRY])
    languages = {}
    for number, (language, info) in enumerate(reversed(entry["languages"].items())):
        meta = cbor2.loads(unpack(out.pop(_meta_name(info["hash"]))))
        filters = []
        for name, old_hash in reversed(meta[3]):
            content = cbor2.loads(unpack(out.pop(f"filter/{old_hash}.pf_filter")))
            content[1].reverse()
            new_hash = f"{language}_shuffled{len(filters)}"
            out[f"filter/{new_hash}.pf_filter"] = pack(cbor2.dumps(content))
            filters.append([name, new_hash])
        meta[3] = filters
        languages[language] = {**info, "hash": f"{language}_shuffled{number}"}
        out[_meta_name(languages[language]["hash"])] = pack(cbor2.dumps(meta))
    entry["languages"] = languages
    out[ENTRY] = json.dumps(entry).encode()
    return out


def test_the_written_bundle_is_the_normal_form_of_any_order_pagefind_writes():
    written = _files(seed_bundle())
    shuffled = _shuffled(written)
    assert shuffled != written
    # The filters that have several values were put in another order, and the languages too.
    entry = json.loads(written[ENTRY])
    assert list(entry["languages"]) == ["en", "ru"]
    ru = cbor2.loads(unpack(written[_meta_name(entry["languages"]["ru"]["hash"])]))
    assert [name for name, _ in ru[3]] == ["document", "kind", "language"]
    kind = cbor2.loads(unpack(written[f"filter/{ru[3][1][1]}.pf_filter"]))
    assert [value for value, _ in kind[1]] == sorted(value for value, _ in kind[1]) and len(kind[1]) > 1
    assert normalise(shuffled) == written
    assert normalise(written) == written


def test_names_are_pagefind_s_own_hashes_of_the_content():
    """Where Pagefind's order cannot vary, it names the file as normalise does: a filter of one value, the
    word index chunks and the meta file (its CBOR read and written again unchanged)."""
    made: list[dict[str, bytes]] = []
    _run(_index(real_site().resolve(), [IndexPiece("documents/**/index.html", [], {})],
                lambda number, result, files: made.append(files)))
    [files] = made
    checked = 0
    for name, data in files.items():
        folder, _, stem = name.rpartition("/")
        stem = stem.rsplit(".", 1)[0]
        language = stem.split("_")[0].removeprefix("pagefind.")
        if folder == "index" or (folder == "filter" and len(cbor2.loads(unpack(data))[1]) == 1):
            assert stem == f"{language}_{full_hash(unpack(data))}"[:len(language) + 8], name
            checked += 1
        elif name.endswith(".pf_meta"):
            payload = unpack(data)
            assert cbor2.dumps(cbor2.loads(payload)) == payload
            assert stem == f"pagefind.{language}_{full_hash(payload)[:len(language) + 8]}", name
            checked += 1
    assert checked >= 4


def test_full_hash_spells_each_byte_without_its_leading_zero():
    # SHA-1 of b"" is da39a3ee5e6b4b0d3255bfef95601890afd80709: 0d -> d, 07 -> 7, 09 -> 9 (90 stays).
    assert full_hash(b"") == "da39a3ee5e6b4bd3255bfef95601890afd879"


@pytest.fixture
def bundle(tmp_path) -> Path:
    copy = tmp_path / "pagefind"
    shutil.copytree(seed_bundle(), copy)
    verify_bundle(copy)
    return copy


def _named(bundle: Path, folder: str) -> Path:
    """A file of folder that the Russian meta file names."""
    entry = json.loads((bundle / ENTRY).read_bytes())
    meta = cbor2.loads(unpack((bundle / _meta_name(entry["languages"]["ru"]["hash"])).read_bytes()))
    index = {"fragment": (1, 0), "index": (2, 2), "filter": (3, 1)}[folder]
    item = meta[index[0]][-1][index[1]]
    return bundle / folder / f"{item}.pf_{folder}"


@pytest.mark.parametrize("folder", ["fragment", "index", "filter"])
def test_a_file_the_meta_names_cut_short_or_missing_is_caught(bundle, folder):
    named = _named(bundle, folder)
    data = named.read_bytes()
    named.write_bytes(data[:len(data) // 2])
    with pytest.raises(DamagedBundle, match=f"{named.name} is damaged"):
        verify_bundle(bundle)
    named.unlink()
    with pytest.raises(DamagedBundle, match=f"lacks {re.escape(str(named))}"):
        verify_bundle(bundle)


def test_a_damaged_entry_meta_or_wasm_file_is_caught(bundle):
    entry_path = bundle / ENTRY
    entry = entry_path.read_bytes()
    entry_path.write_bytes(entry[:-10])
    with pytest.raises(DamagedBundle, match="is not Pagefind's entry file"):
        verify_bundle(bundle)
    entry_path.write_bytes(entry)
    meta = bundle / _meta_name(json.loads(entry)["languages"]["en"]["hash"])
    meta.write_bytes(pack(unpack(meta.read_bytes())[:-3]))  # whole gzip, CBOR cut short
    with pytest.raises(DamagedBundle, match=f"{meta.name} is not the meta file of language en"):
        verify_bundle(bundle)
    meta.unlink()
    with pytest.raises(DamagedBundle, match=f"lacks {re.escape(str(meta))}"):
        verify_bundle(bundle)
    shutil.copytree(seed_bundle(), bundle, dirs_exist_ok=True)
    (bundle / "wasm.ru.pagefind").write_bytes(b"")
    with pytest.raises(DamagedBundle, match="wasm.ru.pagefind is damaged"):
        verify_bundle(bundle)
    (bundle / "pagefind-worker.js").unlink()  # pagefind.js starts it
    with pytest.raises(DamagedBundle, match="lacks .*pagefind-worker.js"):
        verify_bundle(bundle)
    (bundle / "pagefind.js").unlink()
    with pytest.raises(DamagedBundle, match="lacks .*pagefind.js"):
        verify_bundle(bundle)


def _unpackable_records(count: int) -> list[dict]:
    """Records of 1500 random words each, which no gzip makes much smaller (about 150 kB a record)."""
    chance = random.Random(13)

    def words() -> str:
        return " ".join("".join(chance.choices(string.ascii_lowercase, k=60)) for _ in range(1500))

    return [{"url": f"/record-{n}.html", "language": "en", "meta": {"title": f"Record {n}"},
             "content": words()} for n in range(count)]


def _write_records(site: Path, records: list[dict]) -> dict[str, bytes]:
    """A bundle of records alone, written into site/pagefind as the build writes a shard's."""
    made: list[dict[str, bytes]] = []
    index_bundles(site, [IndexPiece(pages_glob([]), records, {})],
                  lambda number, pages, files: made.append(files))
    [files] = made
    write_bundle(site / "pagefind", files)
    return files


def test_an_index_larger_than_one_answer_of_pagefind_s_wrapper_is_taken_whole(tmp_path):
    """Pagefind's Python wrapper reads an answer of at most 2 MiB, and get_files is one answer: about
    1.2 MB of index files, base64 twice. Eight records of words that do not compress make more."""
    records = _unpackable_records(8)
    files = _write_records(tmp_path, records)
    assert languages_of(files) == {"en": 8}
    # The answer, base64 twice, was over 2 MiB.
    assert sum(len(data) for data in files.values()) > 2**21 * 9 // 16
    verify_bundle(tmp_path / "pagefind")
    contents = set()
    for path in (tmp_path / "pagefind" / "fragment").glob("*.pf_fragment"):
        contents.add(json.loads(unpack(path.read_bytes()))["content"])
    assert contents == {record["content"] for record in records}


def test_a_disk_that_fills_while_the_index_is_written_raises_enospc_and_leaves_no_temporary(tmp_path):
    with small_disk(tmp_path / "disk", "300k") as disk:
        with pytest.raises(OSError) as raised:
            _write_records(disk, _unpackable_records(8))
        assert raised.value.errno == errno.ENOSPC
        assert [p.name for p in disk.rglob("*.tmp-*")] == []


def _pagefind_child() -> int:
    """The process id of the Pagefind service this process started, once it runs."""
    deadline = time.monotonic() + 60  # a guard against a wait for ever, not a measure
    while time.monotonic() < deadline:
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                lines = status.read_text().splitlines()
            except OSError:
                continue  # ended meanwhile
            fields = dict(line.split(":\t", 1) for line in lines if ":\t" in line)
            if fields.get("PPid") == str(os.getpid()) and fields.get("Name", "").startswith("pagefind"):
                return int(status.parent.name)
        time.sleep(0.01)
    raise AssertionError("Pagefind's service was not started")


def test_pagefind_killed_while_it_indexes_is_said_not_waited_for(tmp_path):
    """As a Ctrl-C does to the whole process group: the build is told at once, whether Pagefind ended while
    a question was on its way to it or while its answer was owed."""
    for moment in (0.0, 0.3):
        with ThreadPoolExecutor(max_workers=1) as pool:
            indexing = pool.submit(_write_records, tmp_path, _unpackable_records(12))
            service = _pagefind_child()
            time.sleep(moment)
            os.kill(service, signal.SIGKILL)
            with pytest.raises(RuntimeError, match="ended before the search index was written"):
                indexing.result(timeout=120)  # a guard against a hang, not a measure
        assert not (tmp_path / "pagefind").exists()
