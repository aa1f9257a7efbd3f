"""The search index in shards (issue 15, item 2): documents grouped by a hash of their id, one Pagefind
bundle per shard, a rebuild after one changed document re-indexes that document's shard only, and the
output is the same bytes as a build without the cache."""

from __future__ import annotations

import json
from types import SimpleNamespace

from browser.search_sites import CONVENTION, SHARD_SIZE, TEXTBOOK, URUMQI, sharded_site
from conftest import THESIS
from projects import seed_project, snapshot

from diplo_edition.build import build
from diplo_edition.search.shards import bundles_of, group, shard_count, shard_of


def test_a_document_keeps_its_shard_while_the_count_stays():
    ids = [f"doc-{n:03d}" for n in range(100)]
    shards = shard_count(len(ids), 50)
    assert shards == 2 and shard_count(101, 50) == 3 and shard_count(0, 50) == 1
    documents = [SimpleNamespace(document_id=i) for i in ids]
    grouped = group(documents, 50)
    sizes = sorted(len(members) for members in grouped.values())
    assert sum(sizes) == 100 and sizes[0] >= 35  # about 50 each: a hash spreads them
    for members in grouped.values():  # each shard's documents in the order given
        assert [d.document_id for d in members] == sorted(d.document_id for d in members)

    def shard_by_id(grouped):
        return {d.document_id: number for number, members in grouped.items() for d in members}

    every = shard_by_id(grouped)
    # Fewer documents, still two shards, or the same in another order: each stays in its shard.
    assert shard_count(60, 50) == shards
    assert shard_by_id(group(documents[:60], 50)) == {i: every[i] for i in ids[:60]}
    assert shard_by_id(group(documents[::-1], 50)) == every


def test_the_shards_are_listed_with_their_languages():
    site = sharded_site()
    manifest = json.loads((site / "pagefind" / "shards.json").read_text())
    count = shard_count(4, SHARD_SIZE)
    numbers = sorted({shard_of(doc, count) for doc in (THESIS, URUMQI, CONVENTION, TEXTBOOK)})
    assert len(numbers) >= 2  # more than one shard: the search page merges them
    assert [int(s["path"].split("-")[1]) for s in manifest["shards"]] == numbers
    for shard in manifest["shards"]:
        entry = json.loads((site / "pagefind" / shard["path"] / "pagefind-entry.json").read_text())
        assert {lang: info["page_count"] for lang, info in entry["languages"].items()} == shard["languages"]
    # every document page: the thesis's parts are pages of their own (site/parts.py)
    pages = [path for doc in (THESIS, URUMQI, CONVENTION, TEXTBOOK)
             for path in (site / "documents" / doc).rglob("index.html")]
    assert len(pages) > 4 and sum(s["languages"].get("ru", 0) for s in manifest["shards"]) == len(pages)
    assert sum(s["languages"].get("en", 0) for s in manifest["shards"]) == 2


def test_one_changed_document_re_indexes_its_shard_only_and_the_output_is_as_without_cache(tmp_path):
    project = seed_project(tmp_path / "project", search_shard_size=SHARD_SIZE)
    out = project / "build"
    first = build(project, out)
    assert first.search.pagefind.shards >= 2
    assert first.search.pagefind.shards_indexed == first.search.pagefind.shards
    before = snapshot(out / "pagefind")
    source = project / "sources" / f"{URUMQI}.ru.txt"
    text = source.read_text(encoding="utf-8") + "\nСлово зеленоглазка в конце.\n"
    source.write_text(text, encoding="utf-8")

    second = build(project, out)
    assert (second.search.pagefind.shards, second.search.pagefind.shards_indexed) == (
        first.search.pagefind.shards, 1)
    after = snapshot(out / "pagefind")
    changed = {name.split("/")[0] for name in set(before) | set(after) if before.get(name) != after.get(name)}
    # The changed shard's folder is a new one (named by its files), beside the others as they were.
    number = shard_of(URUMQI, shard_count(4, SHARD_SIZE))
    new = {b.name for b in bundles_of(out)} - {name.split("/")[0] for name in before}
    assert changed == {"shards.json", *new, *{name.split("/")[0] for name in before if name not in after}}
    assert [name.split("-")[1] for name in new] == [f"{number:02d}"]

    uncached = build(project, tmp_path / "uncached", use_cache=False)
    assert uncached.search.pagefind.shards_indexed == uncached.search.pagefind.shards
    assert snapshot(tmp_path / "uncached") == snapshot(out)
