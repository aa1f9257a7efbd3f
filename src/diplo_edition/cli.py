"""The ``diplo-edition`` command.

Every problem in the input is printed as ``file:line[:column]: error|warning: message`` with what to do,
followed by a summary (``N errors, M warnings``). Exit codes:

- 0: done (warnings may have been printed);
- 1: the input has errors (or warnings, with --strict); the previous build is left as it was; for
  ``quote``: the quotation was not found;
- 2: the command was used wrongly (unknown option or document id, an output directory that must not
  be replaced, a port in use);
- 3: an internal error of diplo-edition (a bug: please report it); set DIPLO_EDITION_DEBUG=1 to see
  the traceback;
- 4: the machine refused (a full disk or quota, a read-only file system, no permission);
- 130: interrupted (Ctrl-C, SIGTERM or SIGHUP); the previous build is left as it was.
"""

from __future__ import annotations

import argparse
import errno
import os
import signal
import sys
import textwrap
import threading
import time
from pathlib import Path

from . import __version__
from .arguments import at_least_one, jobs, numbers_at_least_one, port
from .diagnostics import InputError, UsageError, count, plural, summary
from .progress import progress_for
from .search.quote_command import add_quote_command, run_quote

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_INTERNAL, EXIT_MACHINE, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130
# What the machine refuses, not a bug: a full disk or quota, a read-only file system, no permission.
_MACHINE_REFUSALS = {
    errno.ENOSPC: "free some space", errno.EDQUOT: "free some space in your quota",
    errno.EROFS: "choose a folder that can be written", errno.EACCES: "check the permissions",
    errno.EPERM: "check the permissions",
}

# The signals that stop a command as Ctrl-C does, with what the closing message calls them.
STOP_SIGNALS = {signal.SIGTERM: "terminated", signal.SIGHUP: "hung up (the terminal was closed)"}

EPILOG = """\
problems in the input are printed as FILE:LINE[:COLUMN]: error|warning: MESSAGE, then a summary.
exit codes: 0 done (warnings may have been printed), 1 the input has errors (or warnings with
--strict; the previous build is left as it was; for quote: not found), 2 the command was used
wrongly, 3 internal error (a bug: please report it), 4 the machine refused (a full disk), 130 interrupted.
"""


def _add_root(parser: argparse.ArgumentParser, default) -> None:
    parser.add_argument(
        "--root", type=Path, default=default,
        help="project directory holding sources/ and editions/ (default: current directory)",
    )


def _add_selection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ids", nargs="*", metavar="ID", help="only these documents (their edition ids)")
    parser.add_argument("--only", nargs="+", action="extend", default=[], metavar="ID",
                        help="only these documents (the same as giving the ids after the command)")
    parser.add_argument("--jobs", type=jobs, default=None, help="worker processes (default: one per core)")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors (exit 1 on any)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines or bars")
    parser.add_argument("--executor", choices=("local", "dask"), default="local",
                        help="where documents are processed: a local process pool (default) or Dask")
    parser.add_argument("--scheduler", metavar="ADDRESS", default=None,
                        help="the Dask scheduler's address, e.g. tcp://10.0.0.5:8786 (with --executor dask)")
    parser.add_argument("--no-cache", action="store_true",
                        help="process every document again, ignoring .diplo-edition-cache/")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diplo-edition",
        description="Build a scholarly digital edition (TEI P5 and a static site) from raw OCR texts.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_root(parser, Path.cwd())
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str, description: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=textwrap.fill(description, 100),
                                  epilog=EPILOG,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
        _add_root(sub, argparse.SUPPRESS)
        return sub

    init = command(
        "init", "create a new edition project in an empty folder",
        "Create DIR (new or empty) with sources/ for the raw files, editions/collection.yml with the "
        "settings to fill in, empty registers in editions/registers/, a README for the editors and a "
        ".gitignore. The site's theme comes with diplo-edition; put your own versions of single "
        "theme files in DIR/templates/.",
    )
    init.add_argument("folder", type=Path, metavar="DIR", help="the folder of the new project")

    new = command(
        "new", "start an edition file for new raw files in sources/",
        "Write editions/<id>.yml for the raw files given (the first is the body), with the languages, "
        "a guess of the kind, title candidates and the pages and footnotes found; the rest is left empty "
        "for you. An existing file is never overwritten.",
    )
    new.add_argument("sources", nargs="+", metavar="SOURCE", help="raw files in sources/")
    new.add_argument("--id", default=None, help="the document id (default: from the first file's name)")

    build = command(
        "build", "build the edition into build/ (TEI and the site)",
        "Build every document (or only the ones named) to TEI and the static site. The output replaces "
        "the previous one only when it is complete and valid. A build of some documents only must go "
        "to another directory (--out), so that the published build/ is never replaced by a partial site.",
    )
    build.add_argument("--out", type=Path, default=None, help="output directory (default: ROOT/build)")
    _add_selection(build)

    check = command(
        "check", "check everything without writing build/",
        "Check the raw sources, the edition files, the registers, the corrections, the TEI and the "
        "links of the site (rendered into a temporary directory); build/ is not touched.",
    )
    _add_selection(check)
    check.add_argument("--layout", action="store_true", help="also print what the layout passes find in "
                       "every document, with the evidence (to declare under 'layout:' where it is wrong)")

    serve = command(
        "serve", "preview the site locally, rebuilding on every change",
        "Build, serve the site on 127.0.0.1 and rebuild when sources/, editions/ or templates/ change; "
        "open pages reload after each successful rebuild. A failed rebuild keeps the previous site.",
    )
    serve.add_argument("--port", type=port, default=8000, help="port (default: 8000; 0: any free port)")
    serve.add_argument("--out", type=Path, default=None, help="output directory (default: ROOT/build)")
    serve.add_argument("--jobs", type=jobs, default=None, help="worker processes (default: 1)")

    names = command(
        "names", "list frequent names not yet in the registers (persons, places, organisations)",
        "List frequent names that the registers do not cover yet.",
    )
    names.add_argument("--top", type=at_least_one("number of candidates"), default=20,
                       help="how many candidates to list (default: 20)")
    add_quote_command(commands)
    numbers_at_least_one(parser)
    return parser


def _report(diagnostics, stream=None) -> None:
    stream = stream or sys.stderr
    for diagnostic in diagnostics:
        print(diagnostic, file=stream)


def _selection(args) -> list[str] | None:
    ids = [*args.ids, *args.only]
    return list(dict.fromkeys(ids)) or None


def _build(args) -> int:
    from .build import STAGES, build
    from .output_folder import build_lock

    root = args.root.resolve()
    only = _selection(args)
    default_out = root / "build"
    out = (args.out if args.out is not None else default_out).resolve()
    if only and out == default_out.resolve():
        raise UsageError("a build of some documents only would replace the published site in build/ with a "
                         "partial one; give another directory with --out (e.g. --out /tmp/preview)")
    started = time.perf_counter()
    try:
        with build_lock(out), progress_for(len(STAGES), quiet=args.quiet) as progress:
            result = build(root, out, args.jobs, only=only, strict=args.strict, progress=progress,
                           executor=args.executor, scheduler=args.scheduler, use_cache=not args.no_cache)
    except InputError as exc:
        _report(exc.diagnostics)
        print(f"build failed: {summary(exc.diagnostics)}; the previous build was left as it was",
              file=sys.stderr)
        return EXIT_CONTENT
    _report(result.diagnostics)
    elapsed = time.perf_counter() - started
    if result.up_to_date:
        print(f"{result.out} is up to date: nothing changed since it was built ({elapsed:.2f} s): "
              f"{summary(result.diagnostics)}")
        return EXIT_OK
    for doc in result.documents:
        s = doc.report
        print(
            f"{doc.id}: {s.pages} pages, {s.footnotes_linked}/{s.footnotes} notes linked "
            f"({s.notes_by_label} by label and place, {s.notes_by_order} by order only, "
            f"{s.notes_unanchored} unanchored; {s.endnotes} endnotes), "
            f"{s.paragraphs} paragraphs, {s.headings} headings, "
            f"{s.hyphens_joined} hyphens joined, {s.hyphens_kept} kept"
            + (f", {s.ocr_confusions} OCR letter confusions corrected" if s.ocr_confusions else "")
            + "\n"
            f"  letters: {s.letters}"
        )
    print(f"built {plural(len(result.documents), 'document')} into {result.out} in {elapsed:.2f} s: "
          f"{summary(result.diagnostics)}")
    return EXIT_OK


def _check(args) -> int:
    import tempfile
    from urllib.parse import urlsplit

    from .build import STAGES, build
    from .editions import load_edition
    from .layout_found import print_layout
    from .linkcheck import check_links

    root = args.root.resolve()
    only = _selection(args)
    with tempfile.TemporaryDirectory(prefix="diplo-edition-check-") as tmp:
        try:
            with progress_for(len(STAGES) + 1, quiet=args.quiet) as progress:
                result = build(root, Path(tmp) / "site", args.jobs, only=only, progress=progress,
                               executor=args.executor, scheduler=args.scheduler, use_cache=not args.no_cache)
                progress.stage("checking links", 1)
                base_path = urlsplit(load_edition(root).collection.base_url).path
                broken, links = check_links(result.out, base_path)
                progress.advance(f"{links} links")
        except InputError as exc:
            _report(exc.diagnostics)
            print(f"check failed: {summary(exc.diagnostics)}", file=sys.stderr)
            return EXIT_CONTENT
    diagnostics = [*result.diagnostics, *broken]
    _report(diagnostics)
    if args.layout:
        print_layout(root, only)
    errors, warnings = count(diagnostics)
    what = f"{plural(len(result.documents), 'document')}, {plural(links, 'internal link')}"
    failed = errors or (args.strict and warnings)
    print(f"check {'failed' if failed else 'passed'} ({what}): {summary(diagnostics)}"
          + ("; --strict makes warnings errors" if args.strict and warnings else ""),
          file=sys.stderr if failed else sys.stdout)
    return EXIT_CONTENT if failed else EXIT_OK


def _init(args) -> int:
    from .init_project import init_project

    folder = args.folder.resolve()
    written = init_project(folder)
    print(f"created the edition project {folder}:")
    for path in written:
        print(f"  {path.as_posix()}{'/' if (folder / path).is_dir() else ''}")
    print(f"next: replace the CHANGE-ME values in {Path('editions', 'collection.yml').as_posix()}, copy a "
          "raw text into sources/ and run `diplo-edition new sources/<file>` in the project folder "
          "(see its README.md)")
    return EXIT_OK


def _new(args) -> int:
    from .new_edition import new_edition

    try:
        created = new_edition(args.root.resolve(), args.sources, args.id)
    except InputError as exc:
        _report(exc.diagnostics)
        print(f"nothing written: {summary(exc.diagnostics)}", file=sys.stderr)
        return EXIT_CONTENT
    _report(created.warnings)
    print(f"wrote {created.name}")
    for line in created.summary:
        print(f"  {line}")
    print("now fill in title, authors, date, published_in and first_page (or leave them null), check the "
          "kind and the roles, replace the TODO supplied_title, and run `diplo-edition check`")
    return EXIT_OK


def _serve(args) -> int:
    from .serve import serve

    root = args.root.resolve()
    out = (args.out if args.out is not None else root / "build").resolve()
    return serve(root, out, args.port, jobs=args.jobs)


def _names(args) -> int:
    from .build import process_edition
    from .tei.name_candidates import untagged_candidates

    try:
        processed = process_edition(args.root.resolve())
    except InputError as exc:
        _report(exc.diagnostics)
        print(f"failed: {summary(exc.diagnostics)}", file=sys.stderr)
        return EXIT_CONTENT
    documents = {r.id: r.tei for r in processed.results}
    candidates = untagged_candidates(documents, args.top)
    print(f"{'count':>5}  {'name':<24} {'evidence':<12} example")
    for c in candidates:
        print(f"{c.count:>5}  {c.name:<24} {c.evidence:<12} {c.document}: {c.example}")
    if not candidates:
        print("no untagged name candidates: the registers cover every frequent name")
    return EXIT_OK


COMMANDS = {
    "init": _init, "new": _new, "build": _build, "check": _check, "serve": _serve, "names": _names,
    "quote": run_quote,
}


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    # SIGTERM (a CI cancel, `timeout`) and SIGHUP (the terminal closed) clean up as Ctrl-C does, instead of
    # leaving a half-written build.
    previous: dict[int, object] = {}
    if threading.current_thread() is threading.main_thread():
        previous = {number: signal.signal(number, _stopped_by) for number in STOP_SIGNALS}
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"diplo-edition {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except InputError as exc:  # every command handles its own; this is the safety net
        _report(exc.diagnostics)
        print(f"failed: {summary(exc.diagnostics)}", file=sys.stderr)
        return EXIT_CONTENT
    except KeyboardInterrupt as exc:
        kept = ("the new build was already in place" if getattr(exc, "site_replaced", False)
                else "the previous build was left as it was")
        print(f"\n{exc.args[0] if exc.args else 'interrupted'}; {kept}", file=sys.stderr)
        if argv is None:
            _end_now(EXIT_INTERRUPTED)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:
        if exc.errno not in _MACHINE_REFUSALS:
            return _internal_error(args.command, exc)
        where = f" {exc.filename}" if exc.filename else ""
        print(f"diplo-edition {args.command}: error: cannot write{where}: {exc.strerror}; "
              f"{_MACHINE_REFUSALS[exc.errno]} and run it again (the previous build was left as it was)",
              file=sys.stderr)
        return EXIT_MACHINE
    except Exception as exc:  # a bug, not a problem in the input: one line, not a traceback
        return _internal_error(args.command, exc)
    finally:
        if argv is None and previous:
            # The program itself, its work done and said: a late signal must not cut its exit short (a
            # KeyboardInterrupt in the interpreter's own shutdown prints a traceback, or hangs it).
            for number in (signal.SIGINT, *STOP_SIGNALS):
                signal.signal(number, signal.SIG_IGN)
        else:  # called from Python code, whose handlers they were
            for number, handler in previous.items():
                signal.signal(number, handler)


def _end_now(code: int) -> None:
    """End the program, its work cleaned up and said, without the interpreter's own shutdown: that joins
    the process pools' threads with no time limit, and a worker ended in the middle of sending a result
    leaves its pool's thread waiting for the rest for ever."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _stopped_by(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(STOP_SIGNALS[signum])


def _internal_error(command: str, exc: Exception) -> int:
    if os.environ.get("DIPLO_EDITION_DEBUG"):
        raise exc
    print(f"diplo-edition {command}: internal error (please report it, with the command and the "
          f"input files; DIPLO_EDITION_DEBUG=1 shows the traceback): {type(exc).__name__}: {exc}",
          file=sys.stderr)
    return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())

