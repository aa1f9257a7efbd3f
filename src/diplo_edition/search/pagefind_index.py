"""Pagefind bundles of the written site, one per shard of documents (shards.py writes them under
``<site>/pagefind/``), each with one index per language.

- The HTML is indexed as a directory (``add_directory``; page by page costs about 0.1 s a page), with a
  glob that names a shard's documents (``pages_glob``). Only the document pages are read: they alone
  mark their reading text with ``data-pagefind-body`` (templates/document.html, with the filters document,
  kind, language, year and the meta title, author, page). Everything that is not the reading text is left
  out with ``EXCLUDE_SELECTORS``: the page numbers in the margin, the paragraph numbers, the note markers,
  the visually hidden labels, the notes' numbers. A note is stored once, in the list of notes, and indexed
  there with its id ``fnN``; search.js gives a hit in it the page of its marker (``fnrefN``, an anchor
  though left out).
- Each page's language comes from ``<html lang>``: Pagefind stems Russian pages with the Russian
  stemmer. An abstract in another language than its page (the English abstract of a Russian article) is
  left out of the page (``data-pagefind-ignore``) and indexed as a record of its own in its language,
  with the URL of the abstract on the document page (``…/index.html#abstract-en``).
- Pagefind records every element with an id as an anchor, with its word position *and its text*; the
  text is only used for headings (sub-results), so ``slim_fragments`` drops it for the paragraphs and
  page breaks, which nearly halves what a browser fetches for a long document (both figures are
  reported), and gives headings and notes their clean text (search.js counts a note's words to know
  where it ends in the paragraph).
- Pagefind's own UI bundles are not used by the site and are not written.
- The files are taken from Pagefind's service in memory (``get_files``), put in the same order and
  under the same names from build to build (``pagefind_bundle.py``); one service makes the bundles of
  all the shards that need it, one after the other.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import signal
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..site import urls
from ..site.model import Division, DocumentView, Node
from .pagefind_bundle import ENTRY, normalise, pack, unpack

EXCLUDE_SELECTORS = (
    ".pb",  # original page numbers in the text (their ids stay as anchors)
    ".fnref",  # note markers
    ".en-n", ".fn-remark",  # in the list of notes: a note's number (its way back), a remark
    ".vh",  # visually hidden labels ("страница", "Примечание")
    ".bidi",  # the visible stand-in for a bidi control character (⟨U+202E⟩)
    ".tip",  # the original reading of a correction or a variant
    ".bibl-link",
    ".cite-p",  # the paragraph numbers (¶12) that open a paragraph's cite box
    ".citing",  # the places a reference is cited, beside the reference list
    "#notes-title",  # the heading of the list of notes
    "#about-text",
)
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)


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
        # the kind by its code, as the page gives it: each search page shows it in its own words
        filters = {"document": [view.title], "language": [abstract.lang]}
        if view.kind:
            filters["kind"] = [view.kind]
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


def page_url(view: DocumentView, number: int = 1) -> str:
    """The URL Pagefind gives a document page, the part number of a document split into parts (from the
    site root)."""
    return "/" + urls.href(view.parts.path(number))


# Given each piece's bundle as soon as it is made: the piece's number, Pagefind's answer, the bundle's files.
Taker = Callable[[int, dict, dict[str, bytes]], None]


@dataclass(frozen=True)
class IndexPiece:
    """What one bundle of the index is made of: the document pages matched by glob (pages_glob) and
    records; texts: the anchor_texts of its document pages, by page_url."""

    glob: str
    records: list[dict]
    texts: dict[str, dict[str, str]]


async def _index(site_dir: Path, pieces: list[IndexPiece], take: Taker) -> None:
    """Index each piece with one Pagefind service, one index after the other, and give take each one's
    Pagefind answer and the files of its index by their path in the bundle."""
    asyncio.get_running_loop().set_exception_handler(_quiet_when_the_indexer_ended)
    service = await _launch()
    _RUNNING.add(service._backend)
    try:
        work = asyncio.ensure_future(_index_pieces(service, site_dir, pieces, take))
        watch = asyncio.ensure_future(_service_ended(service))
        try:
            done, _ = await asyncio.wait({work, watch}, return_when=asyncio.FIRST_COMPLETED)
            if work not in done:
                raise RuntimeError(_why_no_answer(service))
            return work.result()
        except BaseException as exc:
            # The answer owed will never come, and closing the service would wait 5 s for it.
            work.cancel()
            service._responses.clear()
            if isinstance(exc, ConnectionError):  # a question sent to a process that had ended
                raise RuntimeError(_why_no_answer(service)) from exc
            raise
        finally:
            watch.cancel()
    finally:
        _RUNNING.discard(service._backend)
        with contextlib.suppress(ProcessLookupError):  # its process had ended already: nothing to stop
            await service.close()


# Pagefind's processes now indexing, for stop_indexing (another thread runs their event loop).
_RUNNING: set[asyncio.subprocess.Process] = set()


async def _launch():
    """Pagefind's service, launched as its wrapper does but in a session of its own, so that a Ctrl-C at
    the terminal does not end it behind the build's back (the build ends it, stop_indexing), and with no
    limit on the length of an answer: its wrapper reads each as one line of at most 2 MiB, and all the
    files of the index come as one answer, in base64 twice (1.8 MB for the four documents of the seed);
    past the limit the reader fails and the answer never comes. Without its parent the service ends too:
    it ends at the end of its input."""
    from pagefind.service import PagefindService

    service = PagefindService()
    service._backend = await asyncio.create_subprocess_exec(
        service._bin, "--service", cwd=os.getcwd(), stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT, limit=sys.maxsize,
        start_new_session=True,
    )
    service._poll_task = service._loop.create_task(service._wait_for_responses())
    return service


def stop_indexing() -> None:
    """End every Pagefind process indexing now (the build was interrupted or failed): the thread waiting
    for its answer then ends at once, as when a Ctrl-C reached the process."""
    for process in list(_RUNNING):
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGTERM)


def _why_no_answer(service) -> str:
    reader = getattr(service, "_poll_task", None)
    if reader is not None and reader.done() and not reader.cancelled():
        failure = reader.exception()
        if failure is not None and not isinstance(failure, asyncio.IncompleteReadError):
            return f"Pagefind's answer could not be read: {failure!r}"
    return "Pagefind's indexer ended before the search index was written (interrupted, or killed)"


def _quiet_when_the_indexer_ended(loop: asyncio.AbstractEventLoop, context: dict) -> None:
    """The service's reader task fails with IncompleteReadError once Pagefind's process has ended (a Ctrl-C
    reached it): that is said once by the build, not as a traceback."""
    if not isinstance(context.get("exception"), asyncio.IncompleteReadError):
        loop.default_exception_handler(context)


async def _service_ended(service) -> None:
    """Return when Pagefind's process has ended, or the wrapper's reader of its answers has: a Ctrl-C
    reaches the process too, and the answers it owed would never come (the build would wait for ever)."""
    process = getattr(service, "_backend", None)
    reader = getattr(service, "_poll_task", None)
    while (process is None or process.returncode is None) and (reader is None or not reader.done()):
        await asyncio.sleep(0.1)


async def _index_pieces(service, site_dir: Path, pieces: list[IndexPiece], take: Taker) -> None:
    """Index each piece, and take the files of its index in memory: Pagefind 1.5.2's write_files answers
    before its files are flushed, and closing the service then cuts them short (Pagefind PR #1272);
    get_files answers with the files themselves. Each index is deleted once taken, and its files given
    to take: the service, and this process, hold one at a time."""
    from pagefind.index import IndexConfig

    config = IndexConfig(keep_index_url=True, exclude_selectors=list(EXCLUDE_SELECTORS))
    for number, piece in enumerate(pieces):
        index = await service.create_index(config)
        # Only the document pages hold reading text (data-pagefind-body); the other pages are not read,
        # so the index can be made while they are still being rendered.
        result = await index.add_directory(str(site_dir), glob=piece.glob)
        for record in piece.records:
            await index.add_custom_record(**record)
        files = {file["path"]: file["content"] for file in await index.get_files()}
        await index.delete_index()
        take(number, result, files)


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


def anchor_texts(view: DocumentView) -> dict[str, dict[str, str]]:
    """The text each heading and note anchor of a document's pages should carry, by page_url: headings
    for Pagefind's sub-results, notes so that search.js can tell where a note ends (its number of
    words)."""
    pages: dict[str, dict[str, str]] = {}
    for part in view.part_texts:
        texts: dict[str, str] = {}

        def headings(blocks, texts=texts):
            for block in blocks:
                if isinstance(block, Division):
                    if block.head is not None:
                        texts[block.anchor] = one_line(block.head)
                    headings(block.blocks)

        headings(part.blocks)
        for note in part.notes:
            texts[note.anchor] = one_line(note.nodes)
        pages[page_url(view, part.number)] = texts
    return pages


def _slim_fragment(data: bytes, texts: dict[str, dict[str, str]]) -> bytes:
    """One fragment slimmed (see slim_fragments); as it was when it is in a format this does not know."""
    try:
        fragment = json.loads(unpack(data))
    except ValueError:
        return data
    if not isinstance(fragment, dict):
        return data
    changed = False
    page_texts = texts.get(fragment.get("url", ""), {})
    for anchor in fragment.get("anchors") or []:
        anchor_id = str(anchor.get("id", ""))
        keep = _heading(anchor) or anchor_id.startswith("fn")
        text = page_texts.get(anchor_id, anchor.get("text", "")) if keep else ""
        if anchor.get("text") != text:
            anchor["text"] = text
            changed = True
    if not changed:
        return data
    return pack(json.dumps(fragment, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def slim_fragments(files: dict[str, bytes], texts: dict[str, dict[str, str]] | None = None) -> None:
    """Drop the anchor text Pagefind stores for every element with an id in the fragments of files (only
    headings' text is used by its search); headings and notes get their clean text from texts
    (Pagefind's own holds the labels of page numbers inside them). Threads: compressing releases the GIL."""
    names = sorted(name for name in files if name.startswith("fragment/") and name.endswith(".pf_fragment"))
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        slimmed = list(pool.map(lambda name: _slim_fragment(files[name], texts or {}), names))
    files.update(zip(names, slimmed, strict=True))


def pages_glob(document_ids: list[str]) -> str:
    """A glob of Pagefind's (add_directory) that matches the pages of these documents and no other."""
    if not document_ids:
        return urls.document_path(" ")  # matches nothing: no document id is a space (Wax refuses "{}")
    if any(not re.fullmatch(r"[\w.-]+", doc_id) for doc_id in document_ids):
        raise ValueError(f"a document id a glob cannot name: {document_ids}")
    # each document's page, and the pages of its later parts (documents/<id>/<n>/index.html)
    folders = urls.document_path("{" + ",".join(sorted(document_ids)) + "}").removesuffix("index.html")
    return f"{folders}**/index.html"


def index_bundles(site_dir: Path, pieces: list[IndexPiece],
                  take: Callable[[int, int, dict[str, bytes]], None],
                  *, slim: bool = True) -> None:
    """Index each piece of the HTML written in site_dir, and give take, as soon as each is made, its number,
    the number of pages Pagefind read and the files of its bundle, taken from Pagefind in memory and put
    in a stable order (pagefind_bundle.normalise), ready for write_bundle."""

    def made(number: int, result: dict, files: dict[str, bytes]) -> None:
        for name in UNUSED_BUNDLE_FILES:
            files.pop(name, None)
        files = normalise(files)
        if slim:
            slim_fragments(files, pieces[number].texts)
        take(number, int(result.get("page_count", 0)), files)

    if pieces:
        _run(_index(Path(site_dir).resolve(), pieces, made))


def languages_of(files: dict[str, bytes]) -> dict[str, int]:
    """The languages of a bundle and the number of pages of each."""
    entry = json.loads(files[ENTRY])
    return {lang: info.get("page_count", 0) for lang, info in entry.get("languages", {}).items()}
