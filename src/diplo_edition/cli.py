"""The ``diplo-edition`` command.

Exit codes: 0 the build succeeded (warnings may have been printed), 1 the input has errors (each printed
as ``file:line: error: message``), 2 the command was used wrongly.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import __version__
from .diagnostics import InputError, Severity
from .tei.balance import letter_balance

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diplo-edition",
        description="Build a scholarly digital edition (TEI P5 and a static site) from raw OCR texts.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--root",
        type=Path,
        default=Path.cwd(),
        help="project directory holding sources/ and editions/ (default: current directory)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    build = commands.add_parser("build", help="build the edition into build/ (TEI for every document)")
    build.add_argument("--out", type=Path, default=None, help="output directory (default: ROOT/build)")
    build.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per core)")
    names = commands.add_parser(
        "names", help="list frequent names not yet in the registers (persons, places, organisations)"
    )
    names.add_argument("--top", type=int, default=20, help="how many candidates to list (default: 20)")
    return parser


def _report(diagnostics, stream) -> None:
    for diagnostic in diagnostics:
        print(diagnostic, file=stream)


def _build(args) -> int:
    from .build import build

    root = args.root.resolve()
    out = args.out if args.out is not None else root / "build"
    started = time.perf_counter()
    try:
        result = build(root, out, args.jobs)
    except InputError as exc:
        _report(exc.diagnostics, sys.stderr)
        errors = sum(1 for d in exc.diagnostics if d.severity is Severity.ERROR)
        warnings = len(exc.diagnostics) - errors
        print(
            f"build failed: {errors} error(s), {warnings} warning(s); the previous build was left as it was",
            file=sys.stderr,
        )
        return EXIT_CONTENT
    _report(result.diagnostics, sys.stderr)
    elapsed = time.perf_counter() - started
    for doc in result.documents:
        s = doc.stats
        print(
            f"{doc.id}: {s['pages']} pages, {s['footnotes_linked']}/{s['footnotes']} notes linked, "
            f"{s['paragraphs']} paragraphs, {s['headings']} headings, "
            f"{s['hyphens_joined']} hyphens joined, {s['hyphens_kept']} kept\n"
            f"  letters: {letter_balance(doc.raw_letters, doc.tei, doc.removed)}"
        )
    print(
        f"built {len(result.documents)} documents into {result.out} in {elapsed:.2f} s "
        f"({len(result.diagnostics)} warning(s))"
    )
    return EXIT_OK


def _names(args) -> int:
    from .apparatus.candidates import untagged_candidates
    from .build import process_edition

    try:
        processed = process_edition(args.root.resolve())
    except InputError as exc:
        _report(exc.diagnostics, sys.stderr)
        return EXIT_CONTENT
    documents = {r.id: r.tei for r in processed.results}
    candidates = untagged_candidates(documents, args.top)
    print(f"{'count':>5}  {'name':<24} {'evidence':<12} example")
    for c in candidates:
        print(f"{c.count:>5}  {c.name:<24} {c.evidence:<12} {c.document}: {c.example}")
    if not candidates:
        print("no untagged name candidates: the registers cover every frequent name")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    if args.command == "build":
        return _build(args)
    if args.command == "names":
        return _names(args)
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
