"""``diplo-edition quote "…"``: where a quotation stands in the edition, with a citation ready to paste.

It reads the quotation index of the built site (``build/search/quotes/``, the same data and the same
normalisation as the search page's offline finder), so run ``diplo-edition build`` first. It speaks the
site's interface language (the default one, which the index records), or the one ``--lang`` names, in
the words of the theme's catalogs. Exit codes: 0 found, 1 nothing matches, 2 used wrongly (no quotation,
no built site).
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from pathlib import Path

from ..config.theme import theme_folders
from ..diagnostics import UsageError
from ..site.i18n import N_
from ..site.words import (
    ABSTRACT_LABEL,
    HEADING_LABEL,
    NOTE_LABEL,
    PAGE_LABEL,
    PAGE_NOT_KNOWN,
    SiteWords,
    site_words,
)

EXIT_FOUND, EXIT_NOT_FOUND = 0, 1
NOT_FOUND = N_("not found: «%(quotation)s» (compared as %(forms)s)")


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
    quote.add_argument("--lang", default=None,
                       help="language of what is printed, e.g. ru or en (default: the site's interface "
                       "language)")
    return quote


def place_label(anchor: str, words: SiteWords) -> str:
    """How the site names a place: ¶ 12, прим. 3 / n. 3, аннотация / abstract, заголовок / heading."""
    if match := re.fullmatch(r"p(\d+)", anchor):
        return f"¶ {match.group(1)}"
    if anchor.startswith("fn"):
        return words.gettext(NOTE_LABEL) % {"n": anchor[2:]}
    if anchor.startswith("abstract"):
        return words.gettext(ABSTRACT_LABEL)
    if anchor.startswith("sec-"):
        return words.gettext(HEADING_LABEL)
    return anchor


def citation(match, access_date: str, words: SiteWords) -> str:
    """The short citation of a place, in the interface's words (the search page's quotation finder gives
    the same)."""
    from ..site.citation_text import citation as cite

    doc = match.document
    url = f"{doc.canonical}{doc.part_of(match.anchor)}#{match.anchor}"
    return cite(doc.authors, doc.title, match.page_label, url, access_date, words)


def run_quote(args) -> int:
    from .normalize import normalize, quotation_forms
    from .quotes import find_quote, load_quotes, quotes_language

    root = Path(getattr(args, "root", None) or Path.cwd()).resolve()
    site = (args.out if args.out is not None else root / "build").resolve()
    quoted = list(args.quotation)
    text = sys.stdin.read() if quoted == ["-"] else " ".join(quoted)
    if len(normalize(text)) < 3:
        raise UsageError("give a quotation of at least three letters, e.g. diplo-edition quote "
                         "\"нерешенной проблемой принадлежности\"")
    try:
        documents = load_quotes(site)
        lang = args.lang or quotes_language(site)
    except FileNotFoundError:
        raise UsageError(f"no quotation index in {site}: run `diplo-edition build` first (or give the "
                         "built site with --out)") from None
    words = site_words(lang, theme_folders(root / "templates"))
    access = args.date or datetime.date.today().strftime("%d.%m.%Y")
    matches = find_quote(documents, text, limit=max(1, args.limit))
    if not matches:
        forms = ", ".join(f"«{form}»" for form in quotation_forms(text))
        print(words.gettext(NOT_FOUND) % {"quotation": text.strip(), "forms": forms}, file=sys.stderr)
        return EXIT_NOT_FOUND
    for k, match in enumerate(matches, 1):
        doc = match.document
        page = (words.gettext(PAGE_LABEL) % {"page": match.page_label} if match.page_label
                else words.gettext(PAGE_NOT_KNOWN))
        before, found, after = match.context()
        print(f"{k}. {doc.title}{' — ' + ', '.join(doc.authors) if doc.authors else ''}: "
              f"{place_label(match.anchor, words)}, {page}")
        print(f"   …{before}[{found}]{after}…")
        print(f"   {citation(match, access, words)}")
    print(words.translations.ngettext("%(num)d place found", "%(num)d places found", len(matches))
          % {"num": len(matches)})
    return EXIT_FOUND
