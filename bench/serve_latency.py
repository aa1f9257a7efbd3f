"""Measure what an editor waits for in ``diplo-edition serve``: ``python bench/serve_latency.py --docs 100``.

A synthetic project of N documents (bench/generate.py; or ``--project`` for an existing one, which is
copied) is served by a real ``diplo-edition serve`` process. Then, R times, a sentence with a new word is
appended to one document's raw file, as an editor saves it, and the script polls (every 20 ms) until

- ``page``: the served document page holds the new word (the site was rebuilt and swapped in);
- ``reload``: ``/__reload`` gives the new build's number, which an open page reads within its next poll
  (every second): what an editor waits for is between ``reload`` and ``reload`` + 1 s;
- ``search``: the search index is no longer behind the pages (``pagefind/shards.json`` without
  ``"pending"``), and the word is in it.

Wall seconds from the save, per save and their median; the serve process's CPU seconds (its own and its
children's, from /proc) over all the saves. The machine's load shows in wall time: compare runs on a
quiet machine, or read the CPU seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402 - the generator beside this script

RELOAD_POLL = 1.0  # seconds between an open page's polls of /__reload (serve.py's RELOAD_SCRIPT)
GUARD = 600  # seconds: a guard against a hang


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def _until(condition) -> float:
    deadline = time.monotonic() + GUARD
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("serve did not get there")
        time.sleep(0.02)
    return time.monotonic()


def _document_pages(first_page: str) -> list[str]:
    """The served pages of a document: its first page and the later parts its map names (site/parts.py)."""
    text = _get(first_page).decode("utf-8")
    found = re.search(r'<script type="application/json" id="part-map">(.*?)</script>', text, re.S)
    later = json.loads(found[1]) if found else {}
    return [first_page, *(first_page.removesuffix("index.html") + path + "index.html" for path in later)]


def _cpu_seconds(pid: int) -> float:
    """CPU seconds of a process and of its children that ended (utime, stime, cutime, cstime)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _pagefind_word_in_index(site: Path, word: str) -> bool:
    """Whether a fragment of the index holds word (the fragments are gzip'd JSON of the page text)."""
    import gzip

    for fragment in (site / "pagefind").glob("shard-*/fragment/*.pf_fragment"):
        if word.encode("utf-8") in gzip.decompress(fragment.read_bytes()):
            return True
    return False


def measure(project: Path, repeat: int) -> dict:
    process = subprocess.Popen(
        [sys.executable, "-m", "diplo_edition.cli", "--root", str(project), "serve", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True).start()
    try:
        started = time.monotonic()
        _until(lambda: any(line.startswith("serving ") for line in lines))
        first_build = time.monotonic() - started
        address = next(re.match(r"serving (\S+)", line)[1] for line in lines if line.startswith("serving "))
        sources = sorted((project / "sources").glob("*.txt"))
        cpu_before = _cpu_seconds(process.pid)
        saves = []
        for n in range(repeat):
            source = sources[n % len(sources)]
            doc = source.name.split(".", 1)[0]
            word = f"проверкаслово{chr(0x430 + n % 32)}{n}"
            page = f"{address}documents/{doc}/index.html"
            text = source.read_text(encoding="utf-8") + f"\nНовое {word} в конце.\n"
            partial = source.with_name(source.name + ".part~")
            partial.write_text(text, encoding="utf-8")
            saved = time.monotonic()
            os.replace(partial, source)
            build = _get(address + "__reload")
            published = _until(lambda page=page, word=word: any(
                word.encode() in _get(url) for url in _document_pages(page)))
            reloaded = _until(lambda build=build: _get(address + "__reload") != build)
            caught_up = _until(lambda word=word: b"pending" not in _get(address + "pagefind/shards.json")
                               and _pagefind_word_in_index(project / "build", word))
            saves.append({"document": doc, "page": round(published - saved, 2),
                          "reload": round(reloaded - saved, 2),
                          "search": round(caught_up - saved, 2)})
            print(f"save {n + 1}: {doc}: page {saves[-1]['page']} s, reload {saves[-1]['reload']} s "
                  f"(+ at most {RELOAD_POLL:.0f} s), search {saves[-1]['search']} s", flush=True)
        cpu = _cpu_seconds(process.pid) - cpu_before
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=GUARD)
    return {"documents": len(sources), "first_build": round(first_build, 1), "saves": saves,
            "median": {key: statistics.median(s[key] for s in saves) for key in ("page", "reload", "search")},
            "cpu_seconds": round(cpu, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python bench/serve_latency.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100, help="documents of the synthetic project (100)")
    parser.add_argument("--project", type=Path, help="an existing project instead (it is copied)")
    parser.add_argument("--repeat", type=int, default=3, help="saves measured (3)")
    parser.add_argument("--json", type=Path, help="write the figures to this file as well")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="diplo-serve-latency-") as folder:
        project = Path(folder) / "project"
        if args.project:
            for name in ("sources", "editions", "templates"):
                shutil.copytree(args.project / name, project / name)
        else:
            generate(project, args.docs)
        report = measure(project, args.repeat)
    print(f"{report['documents']} documents, first build {report['first_build']} s; median of "
          f"{len(report['saves'])} saves: page {report['median']['page']} s, reload "
          f"{report['median']['reload']} s (+ at most {RELOAD_POLL:.0f} s), "
          f"search {report['median']['search']} s; "
          f"serve's CPU {report['cpu_seconds']} s over the saves")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
