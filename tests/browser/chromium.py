"""What the browser tests share: Debian's chromium driven by Playwright (headless, no `playwright install`),
the page sizes they look at, and where the screenshots go."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parent / ".axe" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(),
                                    reason="no /usr/bin/chromium (apt-get install chromium)")


@contextmanager
def launched(sync_api) -> Iterator:
    """Chromium, headless, for a module's tests (sync_api: playwright.sync_api)."""
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def browser():
    """The one Chromium of a browser test module (registered for all tests by tests/conftest.py)."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with launched(sync_api) as chromium:
        yield chromium
