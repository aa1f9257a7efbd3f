"""``diplo-edition quote "…"``: where a quotation stands in the edition, with a citation ready to paste.

It reads the quotation index of the built site (``build/search/quotes/``, the same data and the same
normalisation as the search page's offline finder), so run ``diplo-edition build`` first. Exit codes:
0 found, 1 nothing matches, 2 used wrongly (no quotation, no built site).
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from ..diagnostics import UsageError

EXIT_FOUND, EXIT_NOT_FOUND = 0, 1


def add_quote_command(subparsers) -> argparse.ArgumentParser:
    """Add the ``quote`` command to the CLI's subparsers."""
    quote = subparsers.add_parser(
        "quote", help="find a quotation in the built edition and print a citation",
        description="Find where a quotation stands in the built edition (build/, or --out): the document, "
        "the original page and the paragraph, with a citation ready to paste. The quotation may run over "
        "lines, pages and footnotes of the print; ё/е, the kind of quotation marks and dashes, spacing "
        "and note markers (¹, (1), [1], *, a number glued to a word) do not matter. Exit codes: 0 found, "
        "1 nothing matches, 2 used wrongly (e.g. no built site).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    quote.add_argument("quotation", nargs="+", help="the quotation (quote it for the shell); - reads stdin")
    quote.add_argument("--root", type=Path, default=argparse.SUPPRESS,
                       help="project directory holding sources/ and editions/ (default: current directory)")
    quote.add_argument("--out", type=Path, default=None,
                       help="the built site to search (default: ROOT/build)")
    quote.add_argument("--limit", type=int, default=20, help="at most this many places (default: 20)")
    quote.add_argument("--date", default=None,
                       help="access date for the citation, DD.MM.YYYY (default: today)")
    return quote


def citation(match, access_date: str) -> str:
    """The citation of a place, as the site's cite boxes give it."""
    from ..site.citation_text import citation as cite

    doc = match.document
    url = f"{doc.canonical}{doc.part_of(match.anchor)}#{match.anchor}"
    return cite(doc.authors, doc.title, match.page_label, url, access_date)


def run_quote(args) -> int:
    from .normalize import normalize, quotation_forms
    from .quotes import find_quote, load_quotes, segment_label

    root = Path(getattr(args, "root", None) or Path.cwd()).resolve()
    site = (args.out if args.out is not None else root / "build").resolve()
    words = list(args.quotation)
    text = sys.stdin.read() if words == ["-"] else " ".join(words)
    if len(normalize(text)) < 3:
        raise UsageError("give a quotation of at least three letters, e.g. diplo-edition quote "
                         "\"нерешенной проблемой принадлежности\"")
    try:
        documents = load_quotes(site)
    except FileNotFoundError:
        raise UsageError(f"no quotation index in {site}: run `diplo-edition build` first (or give the "
                         "built site with --out)") from None
    access = args.date or datetime.date.today().strftime("%d.%m.%Y")
    matches = find_quote(documents, text, limit=max(1, args.limit))
    if not matches:
        compared = " or ".join(f"«{form}»" for form in quotation_forms(text))
        print(f"not found: «{text.strip()}» (compared as {compared})", file=sys.stderr)
        return EXIT_NOT_FOUND
    for k, match in enumerate(matches, 1):
        doc = match.document
        where = segment_label(match.anchor)
        page = f", с. {match.page_label}" if match.page_label else ", страница не известна"
        before, found, after = match.context()
        print(f"{k}. {doc.title}{' — ' + ', '.join(doc.authors) if doc.authors else ''}: {where}{page}")
        print(f"   …{before}[{found}]{after}…")
        print(f"   {citation(match, access)}")
    print(f"{len(matches)} place{'s' if len(matches) != 1 else ''} found")
    return EXIT_FOUND
