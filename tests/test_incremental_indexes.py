"""A change to one document of a generated corpus: the rebuild from the caches renders again only the index
pages whose data that document changed, and writes the same site as a build without caches."""

from __future__ import annotations

import re
from pathlib import Path

from projects import bench_module, snapshot

from diplo_edition.build import build
from diplo_edition.cache import CACHE_DIR, keep_entries_in_memory
from diplo_edition.site import indexes, urls

generator = bench_module("generate")
ADDED = "Карахан приехал в Токио 12 мая 1925 г."
# The folders of the index pages: registers, archives, the seed's series (DVP), chronology, works cited.
INDEXES = {*urls.REGISTER_DIRS.values(), "archives", "dvp", "chronology", "works-cited"}


def _index_pages(project: Path) -> set[str]:
    """The index pages in the cache: one entry per page rendered by a build so far."""
    return {path.name for path in (project / CACHE_DIR / "index-pages").iterdir()}


def _inodes(out: Path) -> dict[str, int]:
    return {path.relative_to(out).as_posix(): path.stat().st_ino for path in out.rglob("*") if path.is_file()}


def _rebuild(project: Path, out: Path) -> tuple[dict[str, bytes], list[str], int]:
    """The site rebuilt from the caches (the same as without them), the index pages that differ from the
    build before, and how many index pages it rendered."""
    before, rendered_before = snapshot(out), _index_pages(project)
    cached = snapshot(build(project, out, jobs=2).out)
    fresh = snapshot(build(project, out.with_name("fresh"), jobs=2, use_cache=False).out)
    assert cached.keys() == fresh.keys()
    assert [path for path in cached if cached[path] != fresh[path]] == []
    touched = [path for path in before if path.removeprefix("en/").split("/")[0] in INDEXES
               and before[path] != cached.get(path)]
    return cached, touched, len(_index_pages(project) - rendered_before)


def test_one_changed_document_renders_only_the_index_pages_it_changed(tmp_path):
    project, out = tmp_path / "project", tmp_path / "site"
    generator.generate(project, 6, seed=5, kb=25)
    build(project, out, jobs=2)
    changed = sorted((project / "sources").iterdir())[2]
    text = changed.read_text(encoding="utf-8")

    # A line at the end (it joins the last reference of the notes): works cited changes, and only it (in
    # each interface language).
    changed.write_text(f"{text}\n{ADDED}\n", encoding="utf-8")
    inodes = _inodes(out)
    _, touched, rendered = _rebuild(project, out)
    assert sorted(touched) == ["en/works-cited/index.html", "works-cited/index.html"]
    assert rendered == 2
    # The pages it did not change are the previous build's files, hard-linked into the new site (neither
    # read from the cache nor written): the document pages of the other documents and their files, in each
    # language, and the register entries; the changed document's page and works cited are new files.
    kept = {path for path, inode in _inodes(out).items() if inodes.get(path) == inode}
    doc_id = changed.name.split(".", 1)[0]
    others = [path for path in inodes if path.removeprefix("en/").startswith("documents/")
              and f"/{doc_id}/" not in f"/{path}"]
    assert others and set(others) <= kept
    registers = set(urls.REGISTER_DIRS.values())
    entries = [path for path in inodes if path.removeprefix("en/").split("/")[0] in registers]
    assert entries and set(entries) <= kept
    assert not {urls.document_path(doc_id), *touched} & kept

    # A paragraph near the start: every later paragraph of the document is numbered anew, so each index
    # page that shows a place in it changes. Those are rendered again, with at most the three registers and
    # the chronology's table beside them in each language (they count the mentions and dates: their data
    # changed, not their text), the home and search pages, which list every document's view (its
    # new paragraph changed it), and the pages of the DVP's volumes it cites (a citation in a note keeps its
    # label, "прим. 3", but not its place in the document's order); the index pages of the other documents
    # are reused.
    first_break = text.index("\n\n") + 2
    changed.write_text(f"{text[:first_break]}{ADDED}\n\n{text[first_break:]}", encoding="utf-8")
    site, touched, rendered = _rebuild(project, out)
    karakhan = [path for path in site if path.startswith("persons/karakhan/")]
    assert any("приехал в Токио" in site[path].decode("utf-8") for path in karakhan)
    assert len(touched) >= 10
    volumes = [path for path in site
               if path.startswith("dvp/vol-") and f"documents/{doc_id}/" in site[path].decode("utf-8")]
    assert len(touched) <= rendered <= len(touched) + 12 + 2 * len(volumes)


def test_entries_kept_in_memory_between_builds_give_the_same_site(tmp_path, capsys):
    """`serve` keeps the decoded documents and pages between its builds: a rebuild after a change that reads
    them from memory, not from their files (damaged here after the build before, so that reading one would
    be said on stderr), writes the site a build without caches writes."""
    project, out = tmp_path / "project", tmp_path / "site"
    generator.generate(project, 4, seed=5, kb=25)
    changed = sorted((project / "sources").iterdir())[1]
    text = changed.read_text(encoding="utf-8")
    keep_entries_in_memory(64)
    try:
        build(project, out, jobs=1)
        for namespace in ("documents", "pages", "lexicon"):
            entries = list((project / CACHE_DIR / namespace).iterdir())
            assert entries
            for entry in entries:
                entry.write_bytes(b"damaged")
        changed.write_text(f"{text}\n{ADDED}\n", encoding="utf-8")
        capsys.readouterr()
        cached = snapshot(build(project, out, jobs=1).out)
        assert "was damaged" not in capsys.readouterr().err
    finally:
        keep_entries_in_memory(0)
    fresh = snapshot(build(project, out.with_name("fresh"), jobs=1, use_cache=False).out)
    assert cached.keys() == fresh.keys()
    assert [path for path in cached if cached[path] != fresh[path]] == []


def test_an_entry_listed_a_page_at_a_time_renders_again_only_the_page_that_lists_the_change(
        tmp_path, monkeypatch):
    """An entry mentioned in more documents than a page lists (two here) has a page for each two of them;
    a change to the mentions of one renders again the page that lists it (and the first page, which
    lists every document with its count, when the count changed), not the entry's other pages. The site
    is the one a build without caches writes (_rebuild)."""
    monkeypatch.setattr(indexes, "DOCUMENTS_PER_PAGE", 2)
    monkeypatch.setattr(indexes, "SHOWN_WORK_DOCUMENTS", 1)  # and a work cited twice has pages of its own
    project, out = tmp_path / "project", tmp_path / "site"
    generator.generate(project, 6, seed=5, kb=25)
    site = snapshot(build(project, out, jobs=2).out)
    assert [path for path in site if re.fullmatch(r"works-cited/w-[0-9a-f]+/index\.html", path)]
    karakhan = sorted(path for path in site if re.fullmatch(r"persons/karakhan/(\d+/)?index\.html", path))
    assert len(karakhan) >= 3
    first = site["persons/karakhan/index.html"].decode("utf-8")
    listed = re.findall(r'id="doc-([a-z0-9-]+)"', first)  # the first page's own and the others' anchors
    on_others = re.findall(r'<li id="doc-([a-z0-9-]+)"><a href="(?:\.\./)*persons/karakhan/(\d+)/index\.html'
                           r'#doc-\1"', first)
    assert on_others and len(set(listed)) == len(listed)  # every document's anchor once, on the first page

    doc_id = on_others[-1][0]  # a document listed on a later page
    changed = next(p for p in (project / "sources").iterdir() if p.name.startswith(f"{doc_id}."))
    text = changed.read_text(encoding="utf-8")
    first_break = text.index("\n\n") + 2
    changed.write_text(f"{text[:first_break]}{ADDED}\n\n{text[first_break:]}", encoding="utf-8")
    _, touched, _ = _rebuild(project, out)
    listing = f"persons/karakhan/{on_others[-1][1]}/index.html"
    assert listing in touched
    # The first page changes only if the document's count of mentions did.
    assert {p for p in touched if p in karakhan} <= {listing, "persons/karakhan/index.html"}
