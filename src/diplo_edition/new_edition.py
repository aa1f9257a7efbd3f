"""``diplo-edition new``: start an edition file for new raw files, with what the text tells filled in.

What can be detected is filled in: the languages (from the script of the letters), the kind (a guess from
the headings, marked as one in a comment), the roles of further files. What can only be suggested is
written as comments for the editor: title candidates, and the pages, footnotes, running heads and second
copy that the real layout passes find, with their evidence (``layout/report.py``), over the layout hints
filled in with them and commented out. Everything else is left empty (null) for the editor. The file is
written to ``editions/<id>.yml`` only if no such file exists, and it loads as it is.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import __version__
from .diagnostics import Diagnostic, InputError, Severity, UsageError
from .editions import COLLECTION_FILE, Collection, DocumentEdition, SourceRef, load_edition
from .languages import FALLBACK, text_languages
from .layout.report import hint_lines, layout_evidence
from .layout_found import run_layout
from .model.document import Document
from .model.lines import Line
from .ocr.encoding import LABELS
from .ocr.read import Decoded, read_decoded, split_lines
from .slugs import ID_PATTERN, slug
from .yamlfile import display_name

# supplied_title of a new file until the editor writes one; the build warns while it is there.
PLACEHOLDER = "TODO:"

SECOND_LANGUAGE = 0.03  # share of letters in another language that makes a text bilingual

_THESIS = re.compile(r"(?i:введение|заключение|список (?:использованных )?(?:источников|литературы))\.?"
                     r"|(?:Глава|ГЛАВА)\s+(?:\d+|[IVXLC]+)\b.*")
_ARTICLE = re.compile(r"(?:Аннотация|АННОТАЦИЯ|Ключевые слова|Abstract|ABSTRACT|Keywords|Key words)\b.*")
# "2. Сложности в …", "1.3 Title", "§ 4. Title": a numbered heading (a bare "31 Text" is a footnote).
_SECTION = re.compile(r"(?:§\s*\d+\.?|\d+\.(?:\d+\.?)*)\s+[А-ЯЁA-Z][^.!?]{2,100}")
_ABSTRACT_NAME = re.compile(r"abstract|annotation|summary|аннотац|резюме", re.IGNORECASE)


@dataclass
class NewEdition:
    path: Path  # the file written
    name: str  # as shown, editions/<id>.yml
    text: str  # what was written
    summary: list[str]  # one line per finding, for the terminal
    warnings: list[Diagnostic] = field(default_factory=list)


@dataclass
class _Source:
    rel: str
    path: Path
    decoded: Decoded
    lines: list[Line]
    role: str = "body"
    role_reason: str = ""
    lang: str | None = None


def slug_of(file_name: str) -> str:
    """An id from a file name: the part before the first dot, transliterated and lower-cased."""
    stem = slug(file_name.split(".", 1)[0])
    if not stem:
        return "document"
    return stem if stem[0].isalpha() else f"doc-{stem}"


def _resolve_source(arg: str, root: Path) -> Path:
    candidate = Path(arg)
    for path in ([candidate] if candidate.is_absolute() else [Path.cwd() / candidate, root / candidate]):
        if path.exists():
            return path.resolve()
    raise InputError([Diagnostic(arg, None, "no such file; give the path of a raw file in sources/")])


def _source(arg: str, root: Path) -> _Source:
    path = _resolve_source(arg, root)
    sources_dir = (root / "sources").resolve()
    if not path.is_relative_to(sources_dir):
        raise InputError([Diagnostic(arg, None, f"is not inside {display_name(sources_dir, root)}/; "
                                                "copy the raw file into sources/ first (and never edit it)")])
    if not path.is_file():
        raise InputError([Diagnostic(arg, None, "is not a regular file; give a text file in sources/")])
    rel = path.relative_to(root.resolve()).as_posix()
    decoded = read_decoded(path, rel)
    lines = [Line(raw.text, rel, raw.number) for raw in split_lines(decoded.text)]
    return _Source(rel, path, decoded, lines)


def _languages(text: str) -> tuple[list[str], str]:
    """The languages of a text, most letters first, and the evidence (languages.text_languages)."""
    shares = text_languages(text)
    if not shares:
        return [FALLBACK], f"no passage whose language is clear: {FALLBACK} is a default, check it"
    languages = [code for code, share in shares if share >= SECOND_LANGUAGE]
    evidence = ", ".join(f"{share:.1%} {code}" for code, share in shares[:4])
    return languages, f"from the text (py3langid, letters by passage): {evidence}"


def _language_of(text: str) -> str:
    return _languages(text)[0][0]


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _guess_kind(lines: list[Line]) -> tuple[str, str]:
    evidence: dict[str, list[Line]] = {"thesis": [], "article": [], "textbook-chapter": []}
    for line in lines:
        text = line.text.strip()
        if not text or len(text) > 120:
            continue
        if _THESIS.fullmatch(text):
            evidence["thesis"].append(line)
        elif _ARTICLE.match(text):
            evidence["article"].append(line)
        elif _SECTION.fullmatch(text):
            evidence["textbook-chapter"].append(line)
    if len(evidence["textbook-chapter"]) < 2:
        evidence["textbook-chapter"] = []  # one numbered line is as likely a list item or a footnote
    # The headings of a thesis are the strongest evidence, an abstract's the next: numbered lines may
    # also be a list inside a thesis or an article.
    kind = next((k for k in ("thesis", "article", "textbook-chapter") if evidence[k]), None)
    if kind is None:
        return "article", ("a default: no evidence found (ВВЕДЕНИЕ/ЗАКЛЮЧЕНИЕ/Глава: thesis, Аннотация/"
                           "Ключевые слова/Abstract: article, numbered sections: textbook-chapter)")
    shown = ", ".join(f"'{_short(line.text, 40)}' (line {line.number})" for line in evidence[kind][:3])
    more = f" and {len(evidence[kind]) - 3} more" if len(evidence[kind]) > 3 else ""
    return kind, f"a guess from {shown}{more}"


def _title_candidates(lines: list[Line]) -> list[Line]:
    """Short lines near the top and all-caps lines: what a printed title tends to look like."""
    found: list[Line] = []
    seen: set[str] = set()
    structural = re.compile(r"(?i)(введение|заключение|аннотация|abstract|keywords|ключевые слова)\W*")

    def add(line: Line) -> None:
        key = " ".join(line.text.split())
        if key and key not in seen and not structural.fullmatch(key) and len(found) < 8:
            seen.add(key)
            found.append(line)

    body = [line for line in lines if line.text.strip()]
    if not body:
        return found
    lengths = sorted(len(line.text.strip()) for line in body)
    short = 0.7 * lengths[len(lengths) // 2]
    for line in body[:40]:
        text = line.text.strip()
        if len(text) <= short and sum(c.isalpha() for c in text) >= 4 and not text[0].islower() \
                and not text.endswith(("-", ",", ";", ":", ".")):
            add(line)
    for line in body:
        letters = [c for c in line.text if c.isalpha()]
        if len(letters) >= 6 and all(c.isupper() for c in letters) and len(line.text.strip()) <= 150:
            add(line)
    return found


def _draft(root: Path, new_id: str, sources: list[_Source], languages: list[str]) -> Document:
    """The document as the passes see it before its edition file exists: nothing but its sources."""
    refs = tuple(SourceRef(s.path, s.rel, s.role, s.lang, 0) for s in sources)
    edition = DocumentEdition(
        id=new_id, title=None, supplied_title=None, authors=(), kind="article", languages=tuple(languages),
        date=None, published_in=None, first_page=None, sources=refs, references={}, corrections=(),
        notes=None, file=root / "editions" / f"{new_id}.yml", line_of={},
    )
    collection = Collection(title="", title_en=None, base_url="", languages=tuple(languages), publisher=None,
                            introduction=None, about=None, file=root / "editions" / COLLECTION_FILE)
    return Document(edition, collection)


def _layout(document: Document) -> tuple[list[str], list[str]]:
    """What the layout passes find in the body (second copy, footnotes, pages, columns, running heads,
    note labels, endnote sections, with their evidence), and the layout hints filled in with it."""
    notes: list[str] = []
    run_layout(document)
    if not document.lines:
        return notes, []
    report, pages = document.report, document.pages
    if report.witnesses:
        second = document.witnesses[-1]
        notes.append(f"a second copy of the text starts at {second.source} line {second.first_line} "
                     f"({second.last_line - second.first_line + 1} lines); it becomes a witness (listWit), "
                     "the first copy the reading")
    notes.append(f"footnotes: {report.footnotes} found, {report.footnotes_linked} with their marker in the "
                 "text")
    printed = sorted({number.value for number in pages.numbers})
    numbers = (f", {len(pages.numbers)} printed page numbers ({printed[0]}–{printed[-1]})" if printed
               else ", no printed page numbers")
    notes.append(f"pages: {report.pages} page starts found{numbers}")
    if report.column_breaks:
        notes.append(f"columns: {report.column_breaks} column breaks found")
    notes += layout_evidence(document)
    if pages.breaks and pages.breaks[0].n is not None:
        notes.append(f"the first page is numbered {pages.breaks[0].n}; if that is right, write it "
                     "in first_page (or leave first_page null)")
    return notes, hint_lines(document)


def _roles(sources: list[_Source], doc_lang: str) -> None:
    """The first file is the body; a further one an abstract or a second copy if it looks like one."""
    body_keys = {" ".join(line.text.split()) for line in sources[0].lines if len(line.text.strip()) > 20}
    for source in sources[1:]:
        text = source.decoded.text
        first_line = next((line.text.strip() for line in source.lines if line.text.strip()), "")
        keys = [" ".join(line.text.split()) for line in source.lines if len(line.text.strip()) > 20]
        shared = sum(1 for key in keys if key in body_keys) / len(keys) if keys else 0.0
        if shared >= 0.3:
            source.role, source.role_reason = "copy", f"a guess: {shared:.0%} of its lines are in the body"
        elif _ABSTRACT_NAME.search(source.path.name) or _ARTICLE.match(first_line):
            source.role, source.role_reason = "abstract", "a guess from its name or its first line"
        else:
            source.role_reason = "a guess: it continues the body (or write abstract or copy)"
        lang = _language_of(text)
        if source.role == "abstract" or lang != doc_lang:
            source.lang = lang


def _existing(root: Path, editions_dir: Path, slug: str, sources: list[_Source]) -> None:
    """Refuse an id or a raw file that another edition file already has."""
    problems = []
    paths = {s.path: s.rel for s in sources}
    for path in sorted(editions_dir.glob("*.yml")):
        if path.name == COLLECTION_FILE:
            continue
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
            continue  # the build reports it
        if not isinstance(data, dict):
            continue
        name = display_name(path, root)
        if data.get("id") == slug:
            problems.append(Diagnostic(name, None, f"already has the id '{slug}'; give another with --id"))
        for entry in data.get("sources") or []:
            if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
                continue
            try:
                listed = (root / entry["file"]).resolve()
            except (OSError, ValueError, RuntimeError):
                continue
            if listed in paths:
                problems.append(Diagnostic(name, None, f"already lists {paths[listed]}; edit that file "
                                                       "instead of starting a new one"))
    if problems:
        raise InputError(problems)


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(value, ensure_ascii=False)


def _comment(text: str, prefix: str = "# ") -> str:
    """One comment line; whitespace and line breaks in text become single spaces."""
    return prefix + " ".join(text.split())


FOUND = "#   "  # prefix of the lines that tell what was found


def _render(slug: str, sources: list[_Source], languages: list[str], lang_reason: str, kind: str,
            kind_reason: str, titles: list[Line], layout: tuple[list[str], list[str]]) -> str:
    found, hints = layout
    body = next(s for s in sources if s.role == "body")
    out = [
        f"# Edition file for {', '.join(s.rel for s in sources)},",
        f"# started by `diplo-edition new` ({__version__}). Fill in what the text tells, leave the rest",
        "# null, delete these comments when done, and run `diplo-edition check`.",
        "#",
        "# Found in the raw text:",
    ]
    for s in sources:
        read_as = "UTF-8" if not s.decoded.converted else f"{LABELS[s.decoded.encoding]}, converted"
        out.append(_comment(f"{s.rel}: {len(s.lines)} lines, read as {read_as}", FOUND))
    out += [_comment(note, FOUND) for note in found]
    out.append(f"id: {slug}")
    if titles:
        out.append("# Title candidates (short lines near the top, all-caps lines); copy the printed title")
        out.append("# into 'title:' (and then remove 'supplied_title:'):")
        out += [_comment(f"line {line.number}: {_q(_short(line.text, 100))}", "#   ") for line in titles]
    else:
        out.append("# No title candidates found; write the printed title, if the text has one, in 'title:'.")
    out += [
        "title: null",
        "# A placeholder so that the file loads (the build warns while it is here): write a short",
        "# descriptive title without brackets, or remove the line once 'title:' is filled in.",
        f"supplied_title: {_q(f'{PLACEHOLDER} describe {body.path.name}')}",
        "authors: []",
        _comment(f"kind: {kind_reason}; one of article, thesis, textbook-chapter"),
        f"kind: {kind}",
        _comment(f"languages: {lang_reason}"),
        f"languages: [{', '.join(languages)}]",
        "date: null",
        "published_in: null",
        "first_page: null",
        "sources:",
    ]
    for s in sources:
        out.append(f"  - file: {_q(s.rel)}")
        if s.role_reason:
            out.append(_comment(f"role: {s.role_reason}", "    # "))
        out.append(f"    role: {s.role}")
        if s.lang:
            out.append(f"    lang: {s.lang}")
    out += [
        "# The numbered reference list, if the text cites one as [1, p. 5]: '1: Author, Title, 1925'.",
        "references: null",
        "# Corrections of misreadings: '- sic: as printed' with 'corr:', 'note:' and 'resp:' below it.",
        "corrections: []",
        "notes: null",
    ]
    if hints:
        out += ["# Layout hints, for what detection got wrong or could not settle: uncomment and edit (the",
                "# values are what was found above).", *(f"# {line}" for line in hints)]
    return "\n".join(out) + "\n"


def new_edition(project_root: Path, source_args: list[str], doc_id: str | None = None) -> NewEdition:
    """Write editions/<id>.yml for the raw files given; InputError (nothing written) if it cannot."""
    root = Path(project_root).resolve()
    editions_dir = root / "editions"
    if not editions_dir.is_dir():
        raise UsageError(f"{editions_dir} not found: run this in the project directory (or give --root)")
    problems: list[Diagnostic] = []
    sources: list[_Source] = []
    for arg in source_args:
        try:
            sources.append(_source(arg, root))
        except InputError as exc:
            problems.extend(exc.diagnostics)
    if not problems and len({s.path for s in sources}) < len(sources):
        problems.append(Diagnostic(source_args[0], None, "a file is given twice; give each file once"))
    if problems:
        raise InputError(problems)
    new_id = doc_id if doc_id is not None else slug_of(sources[0].path.name)
    if not ID_PATTERN.fullmatch(new_id):
        raise UsageError(f"--id must be a lower-case slug (a letter a-z, then a-z, 0-9 and '-'), "
                         f"found '{new_id}'")
    target = editions_dir / f"{new_id}.yml"
    name = display_name(target, root)
    if target.exists():
        raise InputError([Diagnostic(name, None, "already exists and is not overwritten; edit it, or give "
                                                 "another id with --id")])
    _existing(root, editions_dir, new_id, sources)
    languages, lang_reason = _languages("\n".join(s.decoded.text for s in sources))
    _roles(sources, languages[0])
    body_lines = [line for s in sources if s.role == "body" for line in s.lines]
    kind, kind_reason = _guess_kind([line for s in sources for line in s.lines])
    text = _render(new_id, sources, languages, lang_reason, kind, kind_reason, _title_candidates(body_lines),
                   _layout(_draft(root, new_id, sources, languages)))
    try:
        with target.open("x", encoding="utf-8", newline="\n") as f:
            f.write(text)
    except FileExistsError:
        raise InputError([Diagnostic(name, None, "already exists and is not overwritten")]) from None
    warnings = [w for s in sources for w in s.decoded.warnings]
    try:
        load_edition(root)
    except InputError as exc:  # other files may have problems of their own; only this one's matter here
        warnings += [Diagnostic(d.file, d.line, f"{d.message} (in the file just written; please report "
                                                "this as a bug)", Severity.WARNING, d.column)
                     for d in exc.diagnostics if d.file == name]
    summary = [
        f"kind: {kind} ({kind_reason})",
        f"languages: {', '.join(languages)} ({lang_reason})",
        *(f"{s.rel}: role {s.role}" + (f", lang {s.lang}" if s.lang else "") for s in sources),
        *_layout_summary(text),
    ]
    return NewEdition(target, name, text, summary, warnings)


def _layout_summary(text: str) -> list[str]:
    found = text.split("\nid: ", 1)[0]
    return [line[len(FOUND):] for line in found.splitlines() if line.startswith(FOUND)]
