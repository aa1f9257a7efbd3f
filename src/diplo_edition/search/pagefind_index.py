"""The Pagefind index of the written site: ``<site>/pagefind/``, one index per language.

- The HTML is indexed as a directory (``add_directory``; page by page costs about 0.1 s a page). Only the
  document pages are read (``DOCUMENT_PAGES``): they alone mark their reading text with ``data-pagefind-body``
  (templates/document.html, with the filters document, kind, language, year and the meta title,
  author, page). Everything that is not the reading text is left out with ``EXCLUDE_SELECTORS``: the
  page numbers in the margin and their cite boxes, the note markers, the visually hidden labels, the
  endnotes (a note is indexed once, inline, where its marker stands, with its id ``fnN``).
- Each page's language comes from ``<html lang>``: Pagefind stems Russian pages with the Russian
  stemmer. An abstract in another language than its page (the English abstract of a Russian article) is
  left out of the page (``data-pagefind-ignore``) and indexed as a record of its own in its language,
  with the URL of the abstract on the document page (``…/index.html#abstract-en``).
- Pagefind records every element with an id as an anchor, with its word position *and its text*; the
  text is only used for headings (sub-results), so ``slim_fragments`` drops it for the paragraphs and
  page breaks, which nearly halves what a browser fetches for a long document (both figures are
  reported), and gives headings and notes their clean text (search.js counts a note's words to know
  where it ends in the paragraph).
- Pagefind's own UI bundles are not used by the site and are removed.
"""

from __future__ import annotations

import asyncio
import errno
import gzip
import json
import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..site import urls
from ..site.model import Division, DocumentView, Node

OUTPUT = "pagefind"
DOCUMENT_PAGES = "documents/**/index.html"
EXCLUDE_SELECTORS = (
    ".pb",  # original page numbers in the text, with their cite boxes (their ids stay as anchors)
    ".fnref",  # note markers
    ".fn-n", ".fn-back", ".fn-remark",  # inside an inline note: its number, the way back, a remark
    ".vh",  # visually hidden labels ("страница", "Примечание")
    ".tip",  # the original reading of a correction or a variant
    ".bibl-link",
    "details.cite", ".cite-box",  # "cite this paragraph" boxes
    ".citing",  # the places a reference is cited, beside the reference list
    "#notes",  # the endnotes repeat the inline notes
    "#about-text",
)
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)
_FRAGMENT_MAGIC = b"pagefind_dcd"


@dataclass
class PagefindReport:
    pages: int = 0
    records: int = 0  # abstracts indexed on their own
    languages: dict[str, int] = field(default_factory=dict)  # language -> pages
    bytes: int = 0
    files: int = 0


def plain_text(nodes: list) -> str:
    """The text of a piece of mixed content, notes and page breaks left out."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, Node) and node.kind not in ("note", "pb"):
            out.append(plain_text(node.children))
    return "".join(out)


def one_line(nodes: list) -> str:
    """plain_text with every run of white space (no-break spaces too) made one space."""
    return re.sub(r"\s+", " ", plain_text(nodes)).strip()


def abstract_records(view: DocumentView) -> list[dict]:
    """A record for every abstract of a document whose language is not its page's (the page leaves it
    out)."""
    records = []
    for abstract in view.abstracts:
        if abstract.lang == view.lang:
            continue
        parts = [one_line(p) for p in abstract.paragraphs]
        if abstract.keywords:
            parts.append("; ".join(abstract.keywords))
        filters = {"document": [view.title], "kind": [view.kind_label], "language": [abstract.lang]}
        if view.date:
            filters["year"] = [view.date[:4]]
        meta = {"title": view.title, "section": "Abstract" if abstract.lang == "en" else abstract.lang}
        if view.authors:
            meta["author"] = ", ".join(view.authors)
        records.append({
            "url": page_url(view) + "#" + abstract.anchor,
            "content": "\n".join(part for part in parts if part),
            "language": abstract.lang, "meta": meta, "filters": filters,
        })
    return records


def page_url(view: DocumentView) -> str:
    """The URL Pagefind gives a document page (from the site root)."""
    return "/" + urls.href(urls.document_path(view.id))


async def _index(site_dir: Path, records: list[dict]) -> dict:
    from pagefind.service import PagefindService

    asyncio.get_running_loop().set_exception_handler(_quiet_when_the_indexer_ended)
    async with PagefindService() as service:
        work = asyncio.ensure_future(_write_index(service, site_dir, records))
        watch = asyncio.ensure_future(_service_ended(service))
        done, _ = await asyncio.wait({work, watch}, return_when=asyncio.FIRST_COMPLETED)
        watch.cancel()
        if work not in done:
            work.cancel()
            raise RuntimeError("Pagefind's indexer ended before the search index was written "
                               "(interrupted, or killed)")
        return work.result()


def _quiet_when_the_indexer_ended(loop: asyncio.AbstractEventLoop, context: dict) -> None:
    """The service's reader task fails with IncompleteReadError once Pagefind's process has ended (a Ctrl-C
    reached it): that is said once by the build, not as a traceback."""
    if not isinstance(context.get("exception"), asyncio.IncompleteReadError):
        loop.default_exception_handler(context)


async def _service_ended(service) -> None:
    """Return when Pagefind's process has ended: a Ctrl-C reaches it too, and the answers it owed would
    never come (the build would wait for them for ever)."""
    process = getattr(service, "_backend", None)
    while process is None or process.returncode is None:
        await asyncio.sleep(0.1)


async def _write_index(service, site_dir: Path, records: list[dict]) -> dict:
    """Index the document pages and the records with the service, and wait until its files are whole."""
    from pagefind.index import IndexConfig

    bundle = site_dir / OUTPUT
    config = IndexConfig(keep_index_url=True, exclude_selectors=list(EXCLUDE_SELECTORS),
                         output_path=str(bundle))
    index = await service.create_index(config)
    # Only the document pages hold reading text (data-pagefind-body); the other pages are not read,
    # so the index can be written while they are still being rendered.
    result = await index.add_directory(str(site_dir), glob=DOCUMENT_PAGES)
    for record in records:
        await index.add_custom_record(**record)
    await index.write_files()
    # Pagefind 1.5.2 acknowledges write_files before its files are flushed, and closing the service
    # kills the writer: the service is closed only once every file is whole (Pagefind PR #1272).
    await _written(bundle)
    return result


# Pagefind's index files are gzip streams, whose trailer (CRC and length) shows a file cut short.
_GZIPPED = (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter", ".pagefind")
_SETTLE_SECONDS = 0.3
_WRITE_TIMEOUT_SECONDS = 120.0
_FULL_DISK_BYTES = 4096


def _whole(path: Path) -> bool:
    if path.name == "pagefind-entry.json":
        try:
            return isinstance(json.loads(path.read_bytes()), dict)
        except ValueError:
            return False
    if path.suffix in _GZIPPED:
        try:
            gzip.decompress(path.read_bytes())
        except (OSError, EOFError):
            return False
    return True


async def _written(bundle: Path) -> None:
    """Wait until the index files are all there and whole: the entry file parses, every gzip stream is
    complete, and no file has appeared or changed size for a moment."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + _WRITE_TIMEOUT_SECONDS
    checked: dict[Path, tuple[int, int]] = {}  # file -> (size, mtime) when it was last found whole
    settled_since: float | None = None
    while loop.time() < deadline:
        files = {p: (s.st_size, s.st_mtime_ns) for p in bundle.rglob("*") if p.is_file() and (s := p.stat())}
        pending = [p for p, state in files.items() if checked.get(p) != state]
        whole = all(_whole(p) for p in pending) and (bundle / "pagefind-entry.json") in files
        if whole and not pending and settled_since is not None:
            if loop.time() - settled_since >= _SETTLE_SECONDS:
                return
        elif whole:
            checked = files
            settled_since = loop.time()
        else:
            settled_since = None
            if shutil.disk_usage(bundle).free < _FULL_DISK_BYTES:
                # Pagefind's writer cannot finish: say so now, not as a timeout.
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(bundle))
        await asyncio.sleep(0.05)
    raise RuntimeError(f"Pagefind did not finish writing the search index in {bundle} "
                       f"within {_WRITE_TIMEOUT_SECONDS:.0f} s")


def _run(coroutine):
    """Run a coroutine from synchronous code, also when an event loop is already running here."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _heading(anchor: dict) -> bool:
    return bool(re.fullmatch(r"h\d", anchor.get("element", ""), re.IGNORECASE))


def anchor_texts(view: DocumentView) -> dict[str, str]:
    """The text each heading and note anchor of a document page should carry: headings for Pagefind's
    sub-results, notes so that search.js can tell where a note ends (its number of words)."""
    texts: dict[str, str] = {}

    def headings(blocks):
        for block in blocks:
            if isinstance(block, Division):
                if block.head is not None:
                    texts[block.anchor] = one_line(block.head)
                headings(block.blocks)

    headings(view.divisions)
    for note in view.notes:
        texts[note.anchor] = one_line(note.nodes)
    return texts


def _slim_fragment(path: Path, texts: dict[str, dict[str, str]]) -> None:
    """Slim one fragment (see slim_fragments)."""
    data = path.read_bytes()
    try:
        raw = gzip.decompress(data)
        fragment = json.loads(raw[len(_FRAGMENT_MAGIC):]) if raw.startswith(_FRAGMENT_MAGIC) else None
    except (OSError, EOFError, ValueError):
        fragment = None
    if not isinstance(fragment, dict):
        return
    changed = False
    page_texts = texts.get(fragment.get("url", ""), {})
    for anchor in fragment.get("anchors") or []:
        anchor_id = str(anchor.get("id", ""))
        keep = _heading(anchor) or anchor_id.startswith("fn")
        text = page_texts.get(anchor_id, anchor.get("text", "")) if keep else ""
        if anchor.get("text") != text:
            anchor["text"] = text
            changed = True
    if changed:
        body = json.dumps(fragment, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        path.write_bytes(gzip.compress(_FRAGMENT_MAGIC + body, compresslevel=6, mtime=0))


def slim_fragments(bundle: Path, texts: dict[str, dict[str, str]] | None = None) -> None:
    """Drop the anchor text Pagefind stores for every element with an id (only headings' text is used by
    its search); headings and notes get their clean text from texts (Pagefind's own holds the labels of
    page numbers inside them). A fragment in a format this does
    not know is left as it is. Threads: compressing releases the GIL."""
    paths = sorted((bundle / "fragment").glob("*.pf_fragment"))
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(lambda path: _slim_fragment(path, texts or {}), paths))


def write_pagefind(site_dir: Path, records: list[dict], texts: dict[str, dict[str, str]], *,
                   slim: bool = True) -> PagefindReport:
    """Index the HTML written in site_dir, and the records (abstract_records), into site_dir/pagefind;
    texts: the anchor_texts of every document page, by page_url."""
    site_dir = Path(site_dir).resolve()
    bundle = site_dir / OUTPUT
    if bundle.exists():
        shutil.rmtree(bundle)
    result = _run(_index(site_dir, records))
    for name in UNUSED_BUNDLE_FILES:
        (bundle / name).unlink(missing_ok=True)
    report = PagefindReport(pages=int(result.get("page_count", 0)), records=len(records))
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    report.languages = {lang: info.get("page_count", 0) for lang, info in entry.get("languages", {}).items()}
    if slim:
        slim_fragments(bundle, texts)
    files = [p for p in bundle.rglob("*") if p.is_file()]
    report.files = len(files)
    report.bytes = sum(p.stat().st_size for p in files)
    return report
