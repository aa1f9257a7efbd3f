"""The sites the site tests look at, built once per test session, and a static server for them.

- ``real_site()``: the real edition built by ``diplo_edition.build.build`` into a temporary folder
  (or, when the environment variable DIPLO_EDITION_SITE names a built site, that folder as it is);
- ``fixture_site()``: the apparatus fixture edition (apparatus_fixture.py) rendered by ``render_site``;
- ``serve(folder)``: Python's http.server on 127.0.0.1, port 0, in a thread; ``serve_under(real=site)``
  serves sites from one folder, each under its sub-path (/real/), as on any static host.

Imported as ``browser.sites`` (tests/ is on sys.path through tests/conftest.py) from every test module,
so that one module, and one cache, serves the whole session.
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from diplo_edition.build import build

from . import apparatus_fixture

ROOT = Path(__file__).resolve().parents[2]
_TMP = Path(tempfile.mkdtemp(prefix="diplo-site-tests-"))
atexit.register(shutil.rmtree, _TMP, ignore_errors=True)


@functools.cache
def real_site() -> Path:
    given = os.environ.get("DIPLO_EDITION_SITE")
    if given:
        return Path(given).resolve()
    out = _TMP / "real"
    build(ROOT, out)
    return out


@functools.cache
def fixture_site() -> Path:
    out = _TMP / "fixture"
    apparatus_fixture.render_fixture_site(out)
    return out


class _QuietHandler(SimpleHTTPRequestHandler):
    def __init__(self, *args, not_found: str | None = None, **kwargs):
        self.not_found = not_found  # the page, in the folder, answering a missing address (as a static host)
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404 or self.not_found is None:
            super().send_error(code, message, explain)
            return
        body = (Path(self.directory) / self.not_found).read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(folder: Path, not_found: str | None = None) -> Iterator[str]:
    """Serve folder on 127.0.0.1 (a free port); yields the base URL, ending in '/'. With not_found (a path in
    folder), a missing address is answered with that page and status 404, as a static host does."""
    handler = functools.partial(_QuietHandler, directory=str(folder), not_found=not_found)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def serve_under(**sites: Path) -> Iterator[str]:
    """The sites served from one folder, each under its name as a sub-path; yields the base URL."""
    with tempfile.TemporaryDirectory(prefix="diplo-served-") as folder:
        for name, site in sites.items():
            (Path(folder) / name).symlink_to(site, target_is_directory=True)
        with serve(Path(folder)) as url:
            yield url


def part_map(page: Path) -> dict[str, list[str]]:
    """The map a page carries of the anchors that stand on other pages (site.js's #part-map): the later
    parts of a document, the volumes of a concordance: {"2/": ["p35", "page-14", …], …}."""
    text = page.read_text(encoding="utf-8")
    start = text.index('id="part-map">') + len('id="part-map">')
    mapped = json.loads(text[start: text.index("</script>", start)])
    return {path: anchors.split() for path, anchors in mapped.items()}
