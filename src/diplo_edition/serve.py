"""``diplo-edition serve``: a local preview that rebuilds on every change and reloads the open pages.

The site is built into build/ (or --out) and served by Python's threaded http.server, bound to 127.0.0.1
only. A watchdog observer watches sources/, editions/ and templates/; after a change (and a short quiet
spell, so that saving several files makes one rebuild) the edition is rebuilt. A failed rebuild prints
its errors and the previous site goes on being served.

A rebuild publishes the pages first: the site is swapped in with the previous full-text index (marked as
behind: the search page says that search is catching up) and the open pages reload; the new index is then
written in a thread beside the site and brought in shard by shard, the manifest last. A change meanwhile
stops that thread (Pagefind's process is ended) and the next build starts it again; an index that is not
finished is never brought in.

Nothing is injected into the built files: the server adds ``<script src="/__reload.js">`` to the HTML
responses it sends, and that script polls ``/__reload`` (the number of the current build) and reloads
the page when the number changes.
"""

from __future__ import annotations

import html
import io
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TextIO
from urllib.parse import unquote

from .cache import forget_entries_unused, keep_entries_in_memory
from .diagnostics import InputError, UsageError, plural, summary
from .process_pool import STOP_SECONDS

HOST = "127.0.0.1"
WATCHED = ("sources", "editions", "templates")
RELOAD_PATH = "/__reload"
RELOAD_SCRIPT_PATH = "/__reload.js"
RELOAD_TAG = f'<script src="{RELOAD_SCRIPT_PATH}" defer></script>'
RELOAD_SCRIPT = """\
// diplo-edition serve: reloads the page after each successful rebuild (not part of the built site).
(function () {
  var seen = null;
  function poll() {
    fetch("RELOAD_PATH", {cache: "no-store"})
      .then(function (response) { return response.text(); })
      .then(function (build) {
        if (seen !== null && build !== seen) { location.reload(); }
        seen = build;
      })
      .catch(function () {})
      .then(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
""".replace("RELOAD_PATH", RELOAD_PATH)
_IGNORED_SUFFIXES = ("~", ".swp", ".swx", ".tmp")
# The cached documents and pages a preview keeps decoded between its builds, in megabytes of their files
# (more in memory): 100 synthetic documents of 100 KB take about 100 MB of files.
KEPT_MEGABYTES = 128
MAX_PATH = 2048  # characters of a request's path; the site's longest are under 200
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def malformed(path: str) -> str | None:
    """Why a request's path (without its query) cannot name a file of the site, or None when it can: a
    bad percent escape, bytes that are not UTF-8, a control character, a `..` step, an overlong path."""
    if len(path) > MAX_PATH:
        return f"the path is longer than {MAX_PATH} characters"
    if not path.startswith("/") or _BAD_ESCAPE.search(path):
        return "the path is not a valid URL path (a % must begin an escape like %20)"
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return "the path's escapes are not UTF-8"
    if _CONTROL.search(decoded):
        return "the path holds a control character"
    if ".." in decoded.split("/"):
        return "the path steps out of the site (..)"
    return None


def inject_reload(page: bytes) -> bytes:
    """The page with the reload script tag before its last </body> (or at its end)."""
    tag = RELOAD_TAG.encode()
    at = page.lower().rfind(b"</body>")
    return page + tag if at < 0 else page[:at] + tag + page[at:]


class _Handler(SimpleHTTPRequestHandler):
    server_version = "diplo-edition-preview"

    def __init__(self, *args, preview: PreviewServer, **kwargs):
        self.preview = preview
        super().__init__(*args, directory=str(preview.out), **kwargs)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass  # a request line per file would drown the build messages

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def _send_bytes(self, body: bytes, content_type: str, status: HTTPStatus = HTTPStatus.OK) -> io.BytesIO:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing file gets the site's own 404 page (with the 404 status), the rest the plain page."""
        page = self._not_found_page() if code == HTTPStatus.NOT_FOUND else None  # a path that names a file
        if page is None or self.command == "HEAD" or not page.is_file():
            super().send_error(code, message, explain)
            return
        try:
            body = inject_reload(page.read_bytes())
        except OSError:
            super().send_error(code, message, explain)
            return
        self.wfile.write(self._send_bytes(body, "text/html; charset=utf-8", HTTPStatus.NOT_FOUND).getvalue())

    def _not_found_page(self) -> Path:
        """The 404.html of the deepest folder on the request's path that has one (en/404.html for an
        address under en/: the English pages'), else the site's."""
        out = self.preview.out.resolve()
        local = Path(self.translate_path(self.path.split("?", 1)[0].split("#", 1)[0])).resolve()
        for folder in (local, *local.parents):
            if folder != out and out not in folder.parents:
                break
            if (folder / "404.html").is_file():
                return folder / "404.html"
        return out / "404.html"

    def send_head(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        problem = malformed(path)
        if problem is not None:
            self.send_error(HTTPStatus.BAD_REQUEST, problem)
            return None
        if path == RELOAD_PATH:
            return self._send_bytes(str(self.preview.build_number).encode(), "text/plain; charset=utf-8")
        if path == RELOAD_SCRIPT_PATH:
            return self._send_bytes(RELOAD_SCRIPT.encode(), "text/javascript; charset=utf-8")
        if not self.preview.out.is_dir():
            return self._not_built()
        local = Path(self.translate_path(self.path))
        if local.is_dir() and path.endswith("/"):
            local = local / "index.html"
        if local.suffix == ".html" and local.is_file():
            try:
                page = local.read_bytes()
            except OSError:
                self.send_error(HTTPStatus.NOT_FOUND, "File not found")
                return None
            return self._send_bytes(inject_reload(page), "text/html; charset=utf-8")
        return super().send_head()

    def _not_built(self):
        errors = "\n".join(self.preview.last_errors) or "the first build is still running"
        page = (f"<!doctype html><meta charset='utf-8'><title>not built</title><h1>The site is not built "
                f"yet</h1><pre>{html.escape(errors)}</pre>{RELOAD_TAG}")
        return self._send_bytes(page.encode(), "text/html; charset=utf-8", HTTPStatus.SERVICE_UNAVAILABLE)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """A request that failed is one line on the console, not a traceback among the build messages
        (a browser that closed the connection is not worth one)."""
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError):
            print(f"serve: a request from {client_address[0]} failed: {type(error).__name__}: {error}",
                  file=sys.stderr, flush=True)


class PreviewServer:
    """The preview: builds, serves out on 127.0.0.1, rebuilds on changes."""

    def __init__(self, root: Path, out: Path, port: int = 8000, *, jobs: int | None = None,
                 stream: TextIO | None = None, quiet_spell: float = 0.3):
        self.root = Path(root).resolve()
        self.out = Path(out).resolve()
        self.port = port
        self.jobs = jobs or 1  # worker processes forked from a threaded server are best avoided
        self.stream = stream or sys.stderr
        self.quiet_spell = quiet_spell
        self.build_number = 0  # successful builds since the server started; what /__reload returns
        self.builds_finished = 0  # successful or not
        self.last_errors: list[str] = []
        self._changed = threading.Event()
        self._stopping = threading.Event()
        self._httpd: _Server | None = None
        self._threads: list[threading.Thread] = []
        self._observer = None
        self._catching_up: threading.Thread | None = None
        self._stop_catching_up = threading.Event()

    @property
    def address(self) -> str:
        return f"http://{HOST}:{self.port}/"

    def _say(self, message: str) -> None:
        print(message, file=self.stream, flush=True)

    def build_once(self) -> bool:
        """One build; True if it succeeded (and the site was replaced)."""
        try:
            return self._build()
        finally:
            self.builds_finished += 1

    def _build(self) -> bool:
        from .build import build
        from .output_folder import build_lock

        started = time.perf_counter()
        stamp = time.strftime("%H:%M:%S")
        forget_entries_unused()  # what the build before did not use is stale
        try:
            with build_lock(self.out):
                result = build(self.root, self.out, self.jobs, search_later=self.build_number > 0)
        except InputError as exc:
            self.last_errors = [str(d) for d in exc.diagnostics]
            for line in self.last_errors:
                self._say(line)
            still = (f"still serving build {self.build_number}" if self.build_number
                     else "nothing to serve yet")
            self._say(f"[{stamp}] build failed: {summary(exc.diagnostics)}; {still}")
            return False
        except UsageError as exc:
            self.last_errors = [str(exc)]
            self._say(f"[{stamp}] build failed: {exc}")
            return False
        except Exception as exc:  # a bug: keep serving what there is
            self.last_errors = [f"internal error: {type(exc).__name__}: {exc}"]
            self._say(f"[{stamp}] internal error (please report it): {type(exc).__name__}: {exc}")
            return False
        for diagnostic in result.diagnostics:
            self._say(str(diagnostic))
        self.last_errors = []
        self.build_number += 1
        pending = result.search.pending if result.search is not None else None
        self._say(f"[{stamp}] build {self.build_number}: {plural(len(result.documents), 'document')} in "
                  f"{time.perf_counter() - started:.1f} s, {summary(result.diagnostics)}"
                  + ("; the search index follows" if pending is not None else ""))
        if pending is not None:
            self._catch_up(pending, self.build_number)
        return True

    def _catch_up(self, pending, build_number: int) -> None:
        """Write the full-text index of the build just published beside the site, in a thread; bring it in
        (add_index: whole shards, the manifest last) if no build came after it."""
        from .output_folder import build_lock, staging_prefix
        from .search.shards import OUTPUT, add_index

        def work() -> None:
            started = time.perf_counter()
            folder = Path(tempfile.mkdtemp(prefix=staging_prefix(self.out), suffix="search",
                                           dir=self.out.parent))
            try:
                pending.write(self.out, folder / OUTPUT)
                if self._stop_catching_up.is_set():  # set before any later build starts (_rebuild_loop)
                    return
                with build_lock(self.out):
                    add_index(folder / OUTPUT, self.out)
            except UsageError as exc:  # another build holds the folder: it writes its own index
                self._say(f"search index of build {build_number} not swapped in: {exc}")
                return
            except Exception as exc:
                if not self._stop_catching_up.is_set():
                    self._say(f"search index of build {build_number} failed: {type(exc).__name__}: {exc}")
                return
            finally:
                shutil.rmtree(folder, ignore_errors=True)
            self._say(f"[{time.strftime('%H:%M:%S')}] search index of build {build_number} in "
                      f"{time.perf_counter() - started:.1f} s")

        self._stop_catching_up.clear()
        self._catching_up = threading.Thread(target=work, daemon=True, name="search-catch-up")
        self._catching_up.start()

    def _stop_catch_up(self) -> None:
        """End the thread writing the full-text index (its Pagefind process first), and wait for it."""
        from .search import stop_indexing

        thread = self._catching_up
        if thread is None or not thread.is_alive():
            return
        self._stop_catching_up.set()
        while thread.is_alive():
            stop_indexing()
            thread.join(timeout=0.1)

    def _on_change(self, path: str) -> None:
        name = os.path.basename(path)
        if name.startswith(".#") or name.endswith(_IGNORED_SUFFIXES):
            return
        self._changed.set()

    def _rebuild_loop(self) -> None:
        while not self._stopping.is_set():
            if not self._changed.wait(0.2):
                continue
            # Wait for a quiet spell: saving several files makes one rebuild.
            while self._changed.is_set() and not self._stopping.is_set():
                self._changed.clear()
                time.sleep(self.quiet_spell)
            if not self._stopping.is_set():
                self._stop_catch_up()
                self.build_once()

    def _watch(self) -> None:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        preview = self

        class Changes(FileSystemEventHandler):
            def on_any_event(self, event) -> None:
                if event.event_type in ("opened", "closed_no_write"):
                    return
                preview._on_change(os.fsdecode(event.src_path))
                if getattr(event, "dest_path", ""):
                    preview._on_change(os.fsdecode(event.dest_path))

        observer = Observer()
        for folder in WATCHED:
            path = self.root / folder
            if path.is_dir():
                observer.schedule(Changes(), str(path), recursive=True)
        observer.daemon = True
        observer.start()
        self._observer = observer

    def start(self) -> None:
        """Build once, then serve and watch in background threads."""
        from .output_folder import check_output_directory

        check_output_directory(self.root, self.out)
        try:
            httpd = _Server((HOST, self.port), partial(_Handler, preview=self))
        except OSError as exc:
            raise UsageError(f"cannot listen on {HOST}:{self.port} ({exc.strerror or exc}); give another "
                             "port with --port (0 picks a free one)") from None
        self._httpd = httpd
        self.port = httpd.server_address[1]
        keep_entries_in_memory(KEPT_MEGABYTES)
        self.build_once()
        self._watch()
        for target in (httpd.serve_forever, self._rebuild_loop):
            thread = threading.Thread(target=target, daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        self._stopping.set()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=STOP_SECONDS)
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        for thread in self._threads:  # a rebuild under way is cut short: the next build clears what it left
            thread.join(timeout=STOP_SECONDS)
        self._stop_catch_up()
        keep_entries_in_memory(0)


def serve(root: Path, out: Path, port: int = 8000, *, jobs: int | None = None) -> int:
    """Run the preview until Ctrl-C; the exit code."""
    preview = PreviewServer(root, out, port, jobs=jobs)

    def stop_on_signal(signum, frame):  # `kill` or a closed terminal stops the preview as Ctrl-C does
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        for number in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(number, stop_on_signal)
    preview.start()
    print(f"serving {preview.address} (bound to {HOST} only); rebuilding when "
          f"{', '.join(f'{w}/' for w in WATCHED)} change; Ctrl-C to stop", flush=True)
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        print("\nstopping", file=sys.stderr)
    finally:
        preview.stop()
    return 0
