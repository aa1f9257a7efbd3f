"""`diplo-edition serve` publishes a change first and the search index after it (issue 15, item 3): a real
serve process on a copy of the seed edition, Pagefind's process held (SIGSTOP) while the test looks, and
Debian's chromium on the search page.

- The changed document's page is served while the full-text index is still the previous one (its
  manifest says "pending"), and the search page says that search is catching up.
- A save while the index is written stops it (its Pagefind process is ended) and the next build writes
  it again; what is swapped in is whole, and the search page finds both new words by itself.

Screenshots: tests/artifacts/serve-search-*.png.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from browser.chromium import ARTIFACTS, DESKTOP, launched, needs_chromium
from browser.search_sites import URUMQI
from projects import seed_project

from diplo_edition.search.pagefind_bundle import verify_bundle
from diplo_edition.search.shards import bundles_of

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

pytestmark = needs_chromium

GUARD = 120  # seconds: a guard against a hang, not a measure


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def _wait_for(condition, what: str):
    deadline = time.monotonic() + GUARD
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.01)
    raise AssertionError(f"waited in vain for {what}")


def _pagefind_child(parent: int) -> int | None:
    """The Pagefind process that parent started, if one runs."""
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue  # ended meanwhile
        if fields.get("PPid") == str(parent) and fields.get("Name", "").startswith("pagefind"):
            return int(status.parent.name)
    return None


def _terminating(pid: int) -> bool:
    """Whether a SIGTERM waits for the (stopped) process pid: the rebuild loop has ended the indexing."""
    fields = dict(line.split(":\t", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                  if ":\t" in line)
    pending = int(fields["SigPnd"], 16) | int(fields["ShdPnd"], 16)
    return bool(pending & (1 << (signal.SIGTERM - 1)))


def _append(path: Path, text: str) -> None:
    """Save as an editor does: the new content replaces the file at once."""
    partial = path.with_name(path.name + ".part~")
    partial.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    os.replace(partial, path)


class Served:
    """`diplo-edition serve` in a process of its own, its output gathered line by line."""

    def __init__(self, project: Path):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "diplo_edition.cli", "--root", str(project), "serve", "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        self.address = _wait_for(lambda: next((m[1] for line in self.lines
                                                if (m := re.match(r"serving (http://\S+/)", line))), None),
                                 "the first build")

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)

    def said(self, pattern: str) -> bool:
        return any(re.search(pattern, line) for line in self.lines)

    def manifest(self) -> dict:
        return json.loads(_get(self.address + "pagefind/shards.json"))

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=GUARD)


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"serve-search-{name}.png"))


def _search(page, word: str) -> None:
    page.wait_for_selector("#search-q:not([disabled])")
    page.fill("#search-q", word)
    page.press("#search-q", "Enter")


def _found(page, word: str) -> None:
    """Wait until the page lists the changed document for word (it reloads the index by itself)."""
    page.wait_for_function(
        "([doc, word]) => [...document.querySelectorAll('#search-results > li.sr')]"
        ".some(e => e.dataset.url.includes(doc)"
        " && [...e.querySelectorAll('mark')].some(m => m.textContent.replace(/\\P{L}/gu, '') === word))",
        arg=[f"/documents/{URUMQI}/", word], timeout=GUARD * 1000)


def _held_indexing(served: Served) -> int:
    """The Pagefind process writing the index of the last build, stopped (SIGSTOP)."""
    pagefind = _wait_for(lambda: _pagefind_child(served.process.pid), "the search index to be written")
    os.kill(pagefind, signal.SIGSTOP)
    return pagefind


def test_a_save_publishes_the_page_first_and_the_search_catches_up(tmp_path):
    project = seed_project(tmp_path / "project")
    source = project / "sources" / f"{URUMQI}.ru.txt"
    served = Served(project)
    page_url = f"{served.address}documents/{URUMQI}/index.html"
    try:
        assert "pending" not in served.manifest()
        _append(source, "\nСлово зеленоглазка в конце.\n")
        pagefind = _held_indexing(served)
        # The page is published, the index is the previous one, marked as behind.
        assert "зеленоглазка" in _get(page_url)
        assert served.manifest()["pending"] is True and served.said(r"build 2: .*the search index follows")
        with launched(sync_api) as chromium:
            context = chromium.new_context(viewport=DESKTOP, locale="ru-RU")
            page = context.new_page()
            errors = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(served.address + "search/index.html")
            page.wait_for_selector(".search-catching-up")
            assert "Поиск обновляется" in page.inner_text(".search-catching-up")
            _search(page, "зеленоглазка")
            page.wait_for_function("() => /Ничего не найдено/.test(document.getElementById('search-status')"
                                   ".textContent)")
            _shot(page, "catching-up")
            os.kill(pagefind, signal.SIGCONT)
            _found(page, "зеленоглазка")  # the page loads the new index and asks again by itself
            assert page.locator(".search-catching-up").count() == 0
            # serve says so once the folder it wrote the index in is removed: after the page saw the swap.
            _wait_for(lambda: served.said(r"search index of build 2 in"), "serve to say the index is in")
            assert "pending" not in served.manifest()
            _shot(page, "caught-up")

            # A save while the index is written: that index is given up, and the next build's made.
            _append(source, "\nСлово синеглазка.\n")
            pagefind = _held_indexing(served)
            _append(source, "\nСлово сероглазка.\n")
            _wait_for(lambda: _terminating(pagefind), "the rebuild to end the indexing")
            os.kill(pagefind, signal.SIGCONT)  # it ends now
            _wait_for(lambda: served.said(r"search index of build 4 in"), "the search index of build 4")
            assert not served.said(r"search index of build 3 in")
            assert "pending" not in served.manifest()
            # The open page reloads itself when it sees a new build (serve's reload script), which races
            # with a navigation of the test's own: the rest in a page opened now, at the last build. The
            # old page is left open: closing a page while a reload of its commits can wait forever in
            # Chromium (microsoft/playwright#42068, #42366); context.close() ends it.
            page = context.new_page()
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(served.address + "search/index.html")
            for word in ("синеглазка", "сероглазка"):
                _search(page, word)
                _found(page, word)
            assert errors == [], errors
            context.close()
    finally:
        served.stop()
    bundles = bundles_of(project / "build")
    assert bundles  # the manifest names the shards
    for bundle in bundles:
        verify_bundle(bundle)
    assert not [p.name for p in project.iterdir() if ".new-" in p.name]  # nothing left beside the site
