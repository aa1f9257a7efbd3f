"""Measure the search of a built site: ``python bench/search_metrics.py build/``.

Reports
- the size of the Pagefind index (bytes, files, shards, by kind) and of the offline quotation index
  (total and per document, raw bytes: nothing is compressed on file://);
- in Chromium (Playwright) against the site served on 127.0.0.1 by Python's http.server (no compression):
  the bytes fetched and the time to open the search page, to load the index, for a first (cold) and a
  second (warm) query, and for a first quotation search; with the gzip size a compressing host would send;
  and what a reader waits for the first results (index and first query together);
- the ranking: for a set of queries, the rank of the document that treats the subject at length, with
  Pagefind's default ranking and with the site's (static/search.js: RANKING), and a small grid around it
  (the seed edition's queries: ``--no-ranking`` for another corpus).

Needs the ``playwright`` package and a Chromium (``--chromium``, default /usr/bin/chromium) for all but
the sizes.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import statistics
import sys
import threading
import time
from collections import defaultdict
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from diplo_edition.search.quotes import QUOTES_DIR
from diplo_edition.search.shards import MANIFEST, OUTPUT

# (query, the document that treats it at length). Russian queries, in the forms a reader types.
RANKING_QUERIES = [
    ("Карахан", "soviet-japanese-relations-1922-1941"),
    ("Чичерин", "soviet-japanese-relations-1922-1941"),
    ("Литвинов", "soviet-japanese-relations-1922-1941"),
    ("пакт о нейтралитете", "soviet-japanese-relations-1922-1941"),
    ("концессии на Сахалине", "soviet-japanese-relations-1922-1941"),
    ("рыболовная конвенция", "soviet-japanese-relations-1922-1941"),
    ("Пекинская конвенция", "soviet-japanese-convention-1925"),
    ("основных принципах взаимоотношений", "soviet-japanese-convention-1925"),
    ("Маньчжурия", "soviet-japanese-relations-1922-1941"),
    ("Токио", "soviet-japanese-relations-1922-1941"),
    ("Германия", "soviet-foreign-policy-1920s"),
    ("Локарно", "soviet-foreign-policy-1920s"),
    ("Синьцзян", "urumqi-negotiations-1923"),
    ("Озорнин", "urumqi-negotiations-1923"),
    ("торговое соглашение", "urumqi-negotiations-1923"),
]
GRID = [{"termSaturation": s, "pageLength": p, "termFrequency": 1.0}
        for s in (1.4, 1.6, 2.0) for p in (0.75, 0.5, 0.3, 0.1, 0.0)]
TYPICAL = "Карахан"
SECOND = "Токио"


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def _kind(path: Path) -> str:
    name = path.name
    if name.endswith(".pf_fragment"):
        return "fragments (page text)"
    if name.endswith(".pf_index"):
        return "word index chunks"
    if name.endswith(".pf_filter"):
        return "filter chunks"
    if name.endswith(".pf_meta") or name.endswith(".json"):
        return "metadata"
    if name.startswith("wasm."):
        return "wasm (search + stemmer)"
    return "javascript"


def sizes(site: Path) -> dict:
    bundle = _files(site / OUTPUT)
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for p in bundle:
        by_kind[_kind(p)][0] += 1
        by_kind[_kind(p)][1] += p.stat().st_size
    fragments = {p.name: p.stat().st_size for p in bundle if p.name.endswith(".pf_fragment")}
    quotes = {p.name: p.stat().st_size for p in _files(site / QUOTES_DIR)}
    shards = json.loads((site / OUTPUT / MANIFEST).read_text(encoding="utf-8"))["shards"]
    return {
        "pagefind": {"bytes": sum(p.stat().st_size for p in bundle), "files": len(bundle),
                     "shards": len(shards),
                     "by_kind": {k: {"files": v[0], "bytes": v[1]} for k, v in sorted(by_kind.items())},
                     "largest_fragment": max(fragments.values(), default=0)},
        "quotes": {"bytes": sum(quotes.values()), "files": len(quotes), "per_file": quotes},
    }


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class _Meter:
    """Bytes of every response of a page, by phase; and what gzip would make of the text ones."""

    def __init__(self, page):
        self.phase = "open"
        self.log: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
        page.on("response", self._on)

    def _on(self, response):
        try:
            body = response.body()
        except Exception:  # redirects, aborted requests
            return
        url = response.url
        packed = (".pf_fragment", ".pf_index", ".pf_filter", ".pf_meta")  # gzipped by Pagefind already
        compressible = not (url.split("?")[0].endswith(packed) or "/wasm." in url)
        gz = len(gzip.compress(body, 6)) if compressible else len(body)
        self.log[self.phase].append((url, len(body), gz))

    def total(self, phase: str) -> dict:
        items = self.log.get(phase, [])
        return {"requests": len(items), "bytes": sum(i[1] for i in items),
                "gzip_bytes": sum(i[2] for i in items),
                "largest": max(items, key=lambda i: i[1])[0].rsplit("/", 1)[-1] if items else None}


def _doc_of(url: str) -> str | None:
    parts = url.split("/documents/", 1)
    return parts[1].split("/", 1)[0] if len(parts) == 2 else None


def browser_metrics(site: Path, chromium: str, *, rank: bool = True) -> dict:
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    out: dict = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, headless=True,
                                                 args=["--no-sandbox", "--disable-gpu"])
            context = browser.new_context()
            page = context.new_page()
            meter = _Meter(page)
            started = time.perf_counter()
            page.goto(base + "search/index.html")
            page.wait_for_load_state("load")
            out["open_ms"] = round(1000 * (time.perf_counter() - started))
            meter.phase = "index"
            started = time.perf_counter()
            page.evaluate("DiploSearch.ready()")
            out["index_ms"] = round(1000 * (time.perf_counter() - started))
            page.wait_for_timeout(300)
            for phase, query in (("first query", TYPICAL), ("second query", SECOND)):
                meter.phase = phase
                started = time.perf_counter()
                results = page.evaluate("q => DiploSearch.search(q).then(r => r.length)", query)
                out[f"{phase}_ms"] = round(1000 * (time.perf_counter() - started))
                out[f"{phase}_results"] = results
                page.wait_for_timeout(200)
            meter.phase = "quotation"
            started = time.perf_counter()
            page.evaluate("q => DiploSearch.findQuotation(q)", "нерешенной проблемой принадлежности")
            out["quotation_ms"] = round(1000 * (time.perf_counter() - started))
            page.wait_for_timeout(200)
            phases = ("open", "index", "first query", "second query", "quotation")
            out["bytes"] = {phase: meter.total(phase) for phase in phases}
            first = [out["bytes"]["index"], out["bytes"]["first query"]]
            out["first_results"] = {"bytes": sum(t["bytes"] for t in first),
                                    "gzip_bytes": sum(t["gzip_bytes"] for t in first),
                                    "requests": sum(t["requests"] for t in first),
                                    "ms": out["index_ms"] + out["first query_ms"]}
            if rank:
                out["ranking"] = ranking(page)
            context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    out["query"] = {"first": TYPICAL, "second": SECOND}
    return out


def _ranks(page, weights) -> tuple[list[int | None], list[float | None]]:
    """The rank of the expected document for every query, and its margin: its score over the best score
    of another document (above 1: first, by so much; below 1: behind)."""
    page.evaluate("w => DiploSearch.setRanking(w)", weights)
    ranks, margins = [], []
    for query, expected in RANKING_QUERIES:
        found = page.evaluate("q => DiploSearch.search(q).then(r => r.map(x => [x.url, x.score]))", query)
        best: dict[str, float] = {}
        for url, score in found:
            doc = _doc_of(url)
            if doc and doc not in best:
                best[doc] = score
        docs = list(best)
        ranks.append(docs.index(expected) + 1 if expected in docs else None)
        others = [v for d, v in best.items() if d != expected]
        margins.append(round(best[expected] / max(others), 2) if expected in best and others else None)
    return ranks, margins


def _mrr(ranks: list[int | None]) -> float:
    return round(statistics.mean(1 / r if r else 0 for r in ranks), 3)


def ranking(page) -> dict:
    site_weights = page.evaluate("DiploSearch.defaultRanking")
    default, default_margins = _ranks(page, None)
    tuned, tuned_margins = _ranks(page, site_weights)
    grid = []
    for weights in GRID:
        ranks, margins = _ranks(page, weights)
        grid.append({"weights": weights, "mrr": _mrr(ranks), "first": sum(1 for r in ranks if r == 1),
                     "margin": _geomean(margins), "worst": min((m for m in margins if m), default=None)})
    page.evaluate("w => DiploSearch.setRanking(w)", site_weights)
    return {
        "queries": [{"query": q, "expected": e, "default": d, "site": t,
                     "default_margin": dm, "site_margin": tm}
                    for (q, e), d, t, dm, tm in zip(RANKING_QUERIES, default, tuned, default_margins,
                                                     tuned_margins, strict=True)],
        "default": {"mrr": _mrr(default), "first": sum(1 for r in default if r == 1),
                    "margin": _geomean(default_margins)},
        "site": {"weights": site_weights, "mrr": _mrr(tuned), "first": sum(1 for r in tuned if r == 1),
                 "margin": _geomean(tuned_margins)},
        "grid": grid,
    }


def _geomean(values: list[float | None]) -> float | None:
    present = [v for v in values if v]
    return round(statistics.geometric_mean(present), 3) if present else None


def _print(report: dict) -> None:
    s = report["sizes"]
    print(f"Pagefind index: {s['pagefind']['bytes']:,} bytes in {s['pagefind']['files']} files, "
          f"{s['pagefind']['shards']} shards (largest fragment {s['pagefind']['largest_fragment']:,} bytes)")
    for kind, v in s["pagefind"]["by_kind"].items():
        print(f"  {kind:<26} {v['files']:>3} files {v['bytes']:>10,} bytes")
    q = s["quotes"]
    print(f"Offline quotation index: {q['bytes']:,} bytes in {q['files']} files "
          "(raw; file:// does not compress)")
    for name, size in sorted(q["per_file"].items(), key=lambda kv: -kv[1]):
        print(f"  {name:<44} {size:>10,} bytes")
    b = report.get("browser")
    if not b:
        print(f"(no browser measurement: {report.get('browser_error')})")
        return
    print("In Chromium, the site served on 127.0.0.1 without compression "
          "(gzip: what a compressing host sends):")
    labels = {"open": "open the search page", "index": "load the index (every shard)",
              "first query": f"first query «{b['query']['first']}»",
              "second query": f"second query «{b['query']['second']}»",
              "quotation": "first quotation search"}
    times = {"open": b["open_ms"], "index": b["index_ms"], "first query": b["first query_ms"],
             "second query": b["second query_ms"], "quotation": b["quotation_ms"]}
    for phase, label in labels.items():
        t = b["bytes"][phase]
        print(f"  {label:<34} {t['requests']:>3} requests {t['bytes']:>10,} bytes "
              f"({t['gzip_bytes']:>9,} gzip) {times[phase]:>6} ms"
              + (f"  largest: {t['largest']}" if t["largest"] else ""))
    f = b["first_results"]
    label = "to the first results (index + query)"
    print(f"  {label:<34} {f['requests']:>3} requests {f['bytes']:>10,} bytes "
          f"({f['gzip_bytes']:>9,} gzip) {f['ms']:>6} ms")
    r = b.get("ranking")
    if r is None:
        return
    print("Ranking: rank of the expected document (Pagefind default → site's weights "
          f"{json.dumps(r['site']['weights'])})")
    print("  (margin: the expected document's score over the best other document's; below 1 it is behind)")
    for item in r["queries"]:
        print(f"  {item['query']:<36} {item['expected']:<38} rank {item['default']} → {item['site']}, "
              f"margin {item['default_margin']} → {item['site_margin']}")
    n = len(r["queries"])
    print(f"  first place: {r['default']['first']}/{n} → {r['site']['first']}/{n}; mean reciprocal rank "
          f"{r['default']['mrr']} → {r['site']['mrr']}; geometric mean margin {r['default']['margin']} → "
          f"{r['site']['margin']}")
    print("  grid (termSaturation, pageLength: first place, mean margin, worst margin):")
    for g in r["grid"]:
        w = g["weights"]
        print(f"    {w['termSaturation']}, {w['pageLength']}: {g['first']}/{n}, {g['margin']}, {g['worst']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python bench/search_metrics.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="a built site (build/)")
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="the Chromium to drive")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--no-ranking", action="store_true",
                        help="leave out the ranking (its queries are the seed edition's)")
    args = parser.parse_args(argv)
    site = args.site.resolve()
    if not (site / OUTPUT / MANIFEST).exists():
        print(f"{site} has no search index ({OUTPUT}/): build the site first", file=sys.stderr)
        return 2
    report: dict = {"site": str(site), "sizes": sizes(site)}
    try:
        report["browser"] = browser_metrics(site, args.chromium, rank=not args.no_ranking)
    except Exception as exc:  # no playwright, no chromium: the sizes still tell something
        report["browser_error"] = f"{type(exc).__name__}: {exc}"
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
