"""Scores the layout passes on the conformance corpus: every raw file built as an edition, its TEI against
the gold that TeX wrote when the corpus was typeset.

    .venv/bin/python bench/layout/score.py [--routes pdftotext raw ocr] [--json PATH] [--quiet]

For each extraction route the committed raw files become one temporary project (``sources/``, one edition
file per document with the kind and languages of its specification, the series and archives tables of
this repository's ``editions/collection.yml`` and the ones the corpus cites) and are built with
``diplo_edition.build.process_edition`` (no cache). A document that does not build counts as failed in
every measure. Prints a table (measure x route) and a table per document, and writes ``results.json``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measures import MEASURES, paragraph_misses, score_document  # noqa: E402

HERE = Path(__file__).resolve().parent
ROUTES = ("pdftotext", "raw", "ocr")
KIND = {"article": "article", "thesis": "thesis"}


def load_gold() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((HERE / "gold").glob("*.json"))}


def make_project(root: Path, route: str, golds: dict[str, dict], form_feeds: bool = True) -> None:
    (root / "sources").mkdir(parents=True)
    (root / "editions").mkdir()
    shutil.copy(HERE / "collection.yml", root / "editions" / "collection.yml")  # no registers: no mentions
    dump = {"allow_unicode": True, "sort_keys": False}
    for doc, gold in golds.items():
        text = (HERE / "raw" / f"{doc}.{route}.txt").read_text(encoding="utf-8")
        # Without form feeds: the file as an editor makes it today to get it read (the page ends are lost).
        (root / "sources" / f"{doc}.txt").write_text(text if form_feeds else text.replace("\f", ""), "utf-8")
        edition = {
            "id": doc,
            "title": None,
            "supplied_title": gold["spec"]["title"],
            "authors": [],
            "kind": KIND.get(gold["spec"]["kind"], "article"),
            "languages": gold["languages"],
            "date": None,
            "published_in": None,
            "first_page": None,
            "sources": [{"file": f"sources/{doc}.txt", "role": "body"}],
        }
        (root / "editions" / f"{doc}.yml").write_text(yaml.safe_dump(edition, **dump), "utf-8")


def build_route(
    route: str, golds: dict[str, dict], jobs: int, form_feeds: bool = True
) -> dict[str, tuple[bytes | None, list]]:
    """Each document's TEI (None if it did not build) and its diagnostics."""
    from diplo_edition.build import process_edition
    from diplo_edition.diagnostics import InputError, Severity

    out: dict[str, tuple[bytes | None, list]] = {}
    with tempfile.TemporaryDirectory(prefix=f"layout-{route}-") as tmp:
        root = Path(tmp)
        make_project(root, route, golds, form_feeds)
        try:
            done = process_edition(root, jobs=jobs, use_cache=False)
            for result in done.results:
                out[result.id] = (result.tei, result.diagnostics)
            return out
        except Exception:  # an input error or a crash in some document: build them one by one to tell which
            pass
        for doc in golds:
            try:
                done = process_edition(root, jobs=1, only=[doc], use_cache=False)
                out[doc] = (done.results[0].tei, done.results[0].diagnostics)
            except InputError as exc:
                errors = [d for d in exc.diagnostics if d.severity is Severity.ERROR]
                out[doc] = (None, errors)
            except Exception as exc:  # a crash of a pass is a failed document, and the message says which
                out[doc] = (None, [f"{type(exc).__name__}: {exc}"])
    return out


def run(routes: list[str], jobs: int = 2, form_feeds: bool = True, keep_tei: Path | None = None,
        misses: bool = False) -> dict:
    golds = load_gold()
    started = time.perf_counter()
    per_doc: dict[str, dict[str, dict]] = {}
    failures: dict[str, dict[str, str]] = {}
    missed: dict[str, dict[str, list[str]]] = {}
    for route in routes:
        built = build_route(route, golds, jobs, form_feeds)
        for doc, gold in golds.items():
            tei, diagnostics = built.get(doc, (None, ["not built"]))
            if keep_tei and tei:
                keep_tei.mkdir(parents=True, exist_ok=True)
                (keep_tei / f"{doc}.{route}.xml").write_bytes(tei)
            per_doc.setdefault(doc, {})[route] = score_document(gold, tei, diagnostics).as_json()
            if misses and tei:
                missed.setdefault(doc, {})[route] = paragraph_misses(gold, tei)
            if tei is None:
                failures.setdefault(doc, {})[route] = str(diagnostics[0]) if diagnostics else "failed"
    totals: dict[str, dict[str, list[int]]] = {}
    for routes_scores in per_doc.values():
        for route, scores in routes_scores.items():
            for measure, (num, den) in scores.items():
                for key in (route, "all"):
                    cell = totals.setdefault(measure, {}).setdefault(key, [0, 0])
                    cell[0] += num
                    cell[1] += den
    return {
        "seconds": round(time.perf_counter() - started, 1),
        "routes": routes,
        "form_feeds": form_feeds,
        "totals": totals,
        "documents": per_doc,
        "failures": failures,
        **({"paragraph_misses": missed} if misses else {}),
    }


def percent(cell: list[int] | None) -> str:
    if not cell or not cell[1]:
        return "—"
    return f"{100 * cell[0] / cell[1]:.1f}% ({cell[0]}/{cell[1]})"


def print_tables(results: dict) -> None:
    routes = [*results["routes"], "all"]
    width = 24
    print(f"{'measure':<40}" + "".join(f"{r:>{width}}" for r in routes))
    for measure, label in MEASURES.items():
        cells = results["totals"].get(measure, {})
        print(f"{label:<40}" + "".join(f"{percent(cells.get(r)):>{width}}" for r in routes))
    print()
    key = ("notes_right", "paragraphs_right", "pages_right", "heads_out", "headings")
    print(f"{'document':<30}{'route':<10}" + "".join(f"{k:>18}" for k in key))
    for doc, by_route in results["documents"].items():
        for route, scores in by_route.items():
            print(f"{doc:<30}{route:<10}" + "".join(f"{percent(scores.get(k)):>18}" for k in key))
    for doc, by_route in results["failures"].items():
        for route, message in by_route.items():
            print(f"FAILED {doc} [{route}]: {message[:200]}")
    for doc, by_route in results.get("paragraph_misses", {}).items():
        for route, missed in by_route.items():
            for miss in missed:
                print(f"paragraph missed, {doc} [{route}]: {miss}")
    print(f"\nscored in {results['seconds']} s")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--routes", nargs="*", default=list(ROUTES), choices=ROUTES)
    parser.add_argument("--json", type=Path, default=HERE / "results.json")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("--keep-tei", type=Path, help="write each document's TEI here, to look at")
    parser.add_argument(
        "--delete-form-feeds", action="store_true", help="score the raw files with their form feeds deleted"
    )
    parser.add_argument("--misses", action="store_true",
                        help="list each paragraph not come out whole, with the blocks holding its words")
    args = parser.parse_args()
    results = run(args.routes, args.jobs, form_feeds=not args.delete_form_feeds, keep_tei=args.keep_tei,
                  misses=args.misses)
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not args.quiet:
        print_tables(results)


if __name__ == "__main__":
    main()
