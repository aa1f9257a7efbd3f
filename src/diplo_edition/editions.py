"""Loading the editors' YAML: ``editions/collection.yml`` and one ``editions/<document>.yml`` per document.

The YAML is composed into nodes (never constructed into Python objects) so that every value keeps its
line and column, and so that no tag can make the loader run code. Values are converted here, field by
field, and every problem found in every file is collected before one ``InputError`` is raised.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from urllib.parse import urlsplit

import yaml

from .diagnostics import Diagnostic, InputError
from .yamlfile import (
    STR,
    YamlFile,
    choice,
    compose,
    describe,
    display_name,
    is_null,
    line_of,
    mapping,
    positive_int,
    require,
    text,
    text_list,
    value_of,
)

ROLES = ("body", "abstract", "copy")
KINDS = ("article", "thesis", "textbook-chapter")

COLLECTION_FILE = "collection.yml"

_SLUG = re.compile(r"[a-z][a-z0-9-]*")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

_COLLECTION_KEYS = ("title", "title_en", "base_url", "languages", "publisher", "introduction", "about")
_COLLECTION_REQUIRED = ("title", "base_url", "languages")
_DOCUMENT_KEYS = (
    "id", "title", "supplied_title", "authors", "kind", "languages", "date", "published_in",
    "first_page", "sources", "references", "corrections", "notes",
)
_DOCUMENT_REQUIRED = ("id", "kind", "languages", "sources")
_SOURCE_KEYS = ("file", "role", "lang")
_SOURCE_REQUIRED = ("file", "role")
_CORRECTION_KEYS = ("sic", "corr", "note", "resp")
_CORRECTION_REQUIRED = ("sic", "corr", "resp")


@dataclass(frozen=True)
class SourceRef:
    path: Path  # absolute, resolved, inside the project's sources/ directory
    rel: str  # as written in the edition file
    role: str  # one of ROLES
    lang: str | None  # None: the document's first language
    line: int  # line of the edition file where this source entry starts


@dataclass(frozen=True)
class Correction:
    sic: str
    corr: str
    note: str | None
    resp: str
    line: int


@dataclass(frozen=True)
class DocumentEdition:
    id: str
    title: str | None
    supplied_title: str | None
    authors: tuple[str, ...]
    kind: str
    languages: tuple[str, ...]
    date: str | None
    published_in: str | None
    first_page: int | None
    sources: tuple[SourceRef, ...]
    references: dict[int, str]
    corrections: tuple[Correction, ...]
    notes: str | None
    file: Path
    line_of: dict[str, int]


@dataclass(frozen=True)
class Collection:
    title: str
    title_en: str | None
    base_url: str
    languages: tuple[str, ...]
    publisher: str | None
    introduction: str | None
    about: str | None
    file: Path


@dataclass(frozen=True)
class Edition:
    collection: Collection
    documents: tuple[DocumentEdition, ...]


# --- values specific to edition files ------------------------------------------------------------


def _languages(f: YamlFile, key: str, node: yaml.Node, *, required: bool) -> tuple[str, ...] | None:
    codes = text_list(f, key, node, required=required, example="[ru, en]")
    if codes is None:
        return None
    ok = True
    for code, item in zip(codes, node.value, strict=True):
        ok = _language_ok(f, key, code, item) and ok
    for index, code in enumerate(codes):
        if code in codes[:index]:
            f.error(node.value[index], f"language '{code}' is listed twice in '{key}'; keep only one")
            ok = False
    return codes if ok else None


def _language_ok(f: YamlFile, key: str, code: str, node: yaml.Node) -> bool:
    if _LANGUAGE.fullmatch(code):
        return True
    f.error(node, f"'{key}': '{code}' is not a BCP-47 language code; write e.g. ru, en or zh-Hant")
    return False


# --- collection.yml ----------------------------------------------------------------------------------

def _read_collection(f: YamlFile) -> Collection | None:
    if not f.path.is_file():
        f.error(None, "not found; create it with at least 'title:', 'base_url:' and 'languages:'")
        return None
    root_node = compose(f)
    if root_node is None:
        return None
    items = mapping(f, root_node, _COLLECTION_KEYS, "collection.yml")
    if items is None:
        return None
    errors_before = len(f.diagnostics)
    require(f, root_node, items, _COLLECTION_REQUIRED, "collection.yml")

    def text_of(key: str) -> str | None:
        required = key in _COLLECTION_REQUIRED
        return value_of(items, key, lambda node: text(f, key, node, required=required), None)

    title, title_en, publisher = text_of("title"), text_of("title_en"), text_of("publisher")
    introduction, about = text_of("introduction"), text_of("about")
    base_url = value_of(items, "base_url", lambda node: _base_url(f, node), None)
    languages = value_of(items, "languages",
                         lambda node: _languages(f, "languages", node, required=True), None)
    if len(f.diagnostics) > errors_before or title is None or base_url is None or languages is None:
        return None
    return Collection(title=title, title_en=title_en, base_url=base_url, languages=languages,
                      publisher=publisher, introduction=introduction, about=about, file=f.path)


def _base_url(f: YamlFile, node: yaml.Node) -> str | None:
    url = text(f, "base_url", node, required=True)
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment \
            or " " in url:
        f.error(node, "base_url must be an absolute http:// or https:// address without ?query or "
                      f"#fragment, e.g. https://example.org/edition/, found '{url}'")
        return None
    # Relative links are joined to base_url, which only works when it names a directory.
    return url if url.endswith("/") else url + "/"


# --- document files ----------------------------------------------------------------------------------


@dataclass
class _Draft:
    """What one document file gave, even when it has errors, for the checks across files."""

    file: YamlFile
    id: str | None = None
    id_line: int | None = None
    sources: tuple[SourceRef, ...] = ()
    document: DocumentEdition | None = None


def _read_document(f: YamlFile, root: Path) -> _Draft:
    draft = _Draft(f)
    root_node = compose(f)
    if root_node is None:
        return draft
    items = mapping(f, root_node, _DOCUMENT_KEYS, "an edition file")
    if items is None:
        return draft
    errors_before = len(f.diagnostics)
    require(f, root_node, items, _DOCUMENT_REQUIRED, "the edition file")
    if not any(key in items and not is_null(items[key][1]) for key in ("title", "supplied_title")):
        f.error(root_node, "the document has no 'title'; if the source prints none, add 'supplied_title:' "
                           "with a short descriptive title, without brackets (they are added on display)")

    def text_of(key: str) -> str | None:
        return value_of(items, key, lambda node: text(f, key, node), None)

    draft.id = value_of(items, "id", lambda node: _slug(f, node), None)
    draft.id_line = line_of(items["id"][0]) if "id" in items else None
    draft.sources = value_of(items, "sources", lambda node: _sources(f, root, node), ())
    authors = value_of(items, "authors", lambda node: text_list(
        f, "authors", node, required=False, example="[A. B. Ivanov, C. Smith]"), None)
    languages = value_of(items, "languages",
                         lambda node: _languages(f, "languages", node, required=True), None)
    document = DocumentEdition(
        id=draft.id or "",
        title=text_of("title"),
        supplied_title=value_of(items, "supplied_title", lambda node: _supplied_title(f, node), None),
        authors=authors or (),
        kind=value_of(items, "kind", lambda node: choice(f, "kind", node, KINDS), None) or "",
        languages=languages or (),
        date=value_of(items, "date", lambda node: _date(f, node), None),
        published_in=text_of("published_in"),
        first_page=value_of(items, "first_page", lambda node: _first_page(f, node), None),
        sources=draft.sources,
        references=value_of(items, "references", lambda node: _references(f, node), {}),
        corrections=value_of(items, "corrections", lambda node: _corrections(f, node), ()),
        notes=text_of("notes"),
        file=f.path,
        line_of={key: line_of(key_node) for key, (key_node, _) in items.items()},
    )
    # Built either way so every field is checked; handed on only when the file had no problem at all.
    if len(f.diagnostics) == errors_before:
        draft.document = document
    return draft


def _supplied_title(f: YamlFile, node: yaml.Node) -> str | None:
    title = text(f, "supplied_title", node)
    if title is not None and title.startswith("[") and title.endswith("]"):
        f.error(node, "write 'supplied_title' without the surrounding brackets; they are added on display")
        return None
    return title


def _first_page(f: YamlFile, node: yaml.Node) -> int | None:
    return None if is_null(node) else positive_int(f, "'first_page'", node)


def _slug(f: YamlFile, node: yaml.Node) -> str | None:
    value = text(f, "id", node, required=True)
    if value is None:
        return None
    if not _SLUG.fullmatch(value):
        f.error(node, f"'id' must be a lower-case slug: a letter a-z, then letters a-z, digits and '-' "
                      f"(e.g. urumqi-negotiations-1923), found '{value}'")
        return None
    return value


def _date(f: YamlFile, node: yaml.Node) -> str | None:
    value = text(f, "date", node)
    if value is None:
        return None
    match = _DATE.fullmatch(value)
    if match and _date_parts_ok(*match.groups()):
        return value
    f.error(node, f"'date' must be an ISO 8601 year, year-month or date such as 1959, 1959-03 or 1959-03-14 "
                  f"(leave it out if unknown), found '{value}'")
    return None


def _date_parts_ok(year: str, month: str | None, day: str | None) -> bool:
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


def _sources(f: YamlFile, root: Path, node: yaml.Node) -> tuple[SourceRef, ...]:
    example = "e.g. '- file: sources/name.txt' with 'role: body' below it"
    if not isinstance(node, yaml.SequenceNode):
        f.error(node, f"'sources' must be a list of source entries ({example}), found {describe(node)}")
        return ()
    if not node.value:
        f.error(node, f"'sources' is empty; list at least the body text ({example})")
        return ()
    refs: list[SourceRef] = []
    roles: list[str | None] = []
    for entry in node.value:
        ref, role = _source_entry(f, root, entry, refs)
        roles.append(role)
        if ref is not None:
            refs.append(ref)
    # An entry whose role was missing or misspelt is reported already; it may well be the body.
    if None not in roles and "body" not in roles:
        f.error(node, "no source has role 'body'; mark the file with the document's text as 'role: body'")
    return tuple(refs)


def _source_entry(
    f: YamlFile, root: Path, entry: yaml.Node, earlier: list[SourceRef]
) -> tuple[SourceRef | None, str | None]:
    """The entry as a SourceRef (None if anything is wrong) and its role (None if not understood)."""
    items = mapping(f, entry, _SOURCE_KEYS, "a source entry")
    if items is None:
        return None, None
    errors_before = len(f.diagnostics)
    require(f, entry, items, _SOURCE_REQUIRED, "the source entry")
    role = value_of(items, "role", lambda node: choice(f, "role", node, ROLES), None)
    lang = value_of(items, "lang", lambda node: _source_lang(f, node), None)
    rel = value_of(items, "file", lambda node: text(f, "file", node, required=True), None)
    path = _source_path(f, root, rel, items["file"][1]) if rel is not None else None
    if path is not None:
        for ref in earlier:
            if ref.path == path:
                f.error(items["file"][1], f"source '{rel}' is also at line {ref.line}; list it once")
                path = None
    if len(f.diagnostics) > errors_before or path is None or role is None or rel is None:
        return None, role
    return SourceRef(path=path, rel=rel, role=role, lang=lang, line=line_of(entry)), role


def _source_lang(f: YamlFile, node: yaml.Node) -> str | None:
    lang = text(f, "lang", node)
    if lang is not None and not _language_ok(f, "lang", lang, node):
        return None
    return lang


def _source_path(f: YamlFile, root: Path, rel: str, node: yaml.Node) -> Path | None:
    """The resolved path of a source, refused unless it lies inside root/sources (it is never opened here)."""
    outside = f"source path '{rel}' is outside sources/; put the file in sources/ and write 'sources/<name>'"
    # Absolute and Windows-style paths are refused outright rather than resolved.
    if PurePosixPath(rel).is_absolute() or PureWindowsPath(rel).anchor or "\\" in rel or "\0" in rel:
        f.error(node, outside)
        return None
    sources_dir = (root / "sources").resolve()
    try:
        path = (root / rel).resolve()  # follows symlinks, so a link pointing elsewhere is caught below
    except (OSError, RuntimeError, ValueError):
        f.error(node, f"source path '{rel}' cannot be resolved (symlink loop?); point it at a real file")
        return None
    if not path.is_relative_to(sources_dir):
        f.error(node, outside)
        return None
    if not path.exists():
        f.error(node, f"source '{rel}' does not exist; check the name or add the file to sources/")
        return None
    if not path.is_file():
        f.error(node, f"source '{rel}' is not a regular file; point 'file' at a text file in sources/")
        return None
    return path


def _references(f: YamlFile, node: yaml.Node) -> dict[int, str]:
    if is_null(node):
        return {}
    if not isinstance(node, yaml.MappingNode):
        f.error(node, f"'references' must be a mapping of numbered entries like '1: Author, Title, 1925', "
                      f"found {describe(node)}")
        return {}
    references: dict[int, str] = {}
    lines: dict[int, int] = {}
    for key_node, value_node in node.value:
        number = positive_int(f, "a reference number", key_node)
        value = text(f, "references", value_node, required=True, label="a reference")
        if number is None:
            continue
        if number in lines:
            f.error(key_node, f"reference {number} is given twice (first at line {lines[number]}); keep one")
            continue
        lines[number] = line_of(key_node)
        if value is not None:
            references[number] = value
    return references


def _corrections(f: YamlFile, node: yaml.Node) -> tuple[Correction, ...]:
    if is_null(node):
        return ()
    if not isinstance(node, yaml.SequenceNode):
        f.error(node, "'corrections' must be a list of entries with sic, corr and resp, "
                      f"found {describe(node)}")
        return ()
    corrections = (_correction(f, entry) for entry in node.value)
    return tuple(correction for correction in corrections if correction is not None)


def _correction(f: YamlFile, entry: yaml.Node) -> Correction | None:
    items = mapping(f, entry, _CORRECTION_KEYS, "a correction")
    if items is None:
        return None
    errors_before = len(f.diagnostics)
    require(f, entry, items, _CORRECTION_REQUIRED, "the correction")
    sic = value_of(items, "sic", lambda node: text(f, "sic", node, required=True), None)
    corr = value_of(items, "corr", lambda node: _correction_corr(f, node), None)
    resp = value_of(items, "resp", lambda node: text(f, "resp", node, required=True), None)
    note = value_of(items, "note", lambda node: text(f, "note", node), None)
    if sic is not None and sic == corr:
        f.error(items["corr"][1], "'corr' is the same as 'sic'; remove the correction or fix 'corr'")
    if len(f.diagnostics) > errors_before or sic is None or corr is None or resp is None:
        return None
    return Correction(sic=sic, corr=corr, note=note, resp=resp, line=line_of(entry))


def _correction_corr(f: YamlFile, node: yaml.Node) -> str | None:
    # An empty 'corr' is a deletion (e.g. a repeated word), so "" is allowed here, unlike elsewhere.
    if isinstance(node, yaml.ScalarNode) and node.tag == STR and not node.value.strip():
        return ""
    return text(f, "corr", node, required=True)


# --- the whole edition -------------------------------------------------------------------------------


def _check_across(drafts: list[_Draft]) -> None:
    """Ids must be unique, and a raw file can be the body text of one document only."""
    first_id: dict[str, _Draft] = {}
    first_body: dict[Path, tuple[_Draft, SourceRef]] = {}
    for draft in drafts:
        if draft.id is not None and draft.id_line is not None:
            if draft.id in first_id:
                other = first_id[draft.id]
                draft.file.diagnostics.append(Diagnostic(
                    draft.file.name, draft.id_line,
                    f"duplicate id '{draft.id}': also used in {other.file.name}:{other.id_line}; "
                    "give each document its own id"))
            else:
                first_id[draft.id] = draft
        for ref in draft.sources:
            if ref.role != "body":
                continue
            if ref.path in first_body:
                other, other_ref = first_body[ref.path]
                draft.file.diagnostics.append(Diagnostic(
                    draft.file.name, ref.line,
                    f"source '{ref.rel}' is already the body of {other.file.name}:{other_ref.line}; "
                    "a raw file can be the body of one document only (use role 'copy' or 'abstract')"))
            else:
                first_body[ref.path] = (draft, ref)


def _document_files(root: Path, editions_dir: Path) -> tuple[list[Path], list[Diagnostic]]:
    diagnostics = [
        Diagnostic(display_name(path, root), None,
                   f"edition files must end in .yml; rename it to {path.stem}.yml or it will be ignored")
        for path in sorted(editions_dir.glob("*.yaml"))
    ]
    paths = sorted(path for path in editions_dir.glob("*.yml") if path.name != COLLECTION_FILE)
    if not paths:
        diagnostics.append(Diagnostic(display_name(editions_dir, root), None,
                                      "no document files; add one editions/<id>.yml per edited document"))
    return paths, diagnostics


def load_edition(project_root: Path) -> Edition:
    """Read and check editions/collection.yml and every other editions/*.yml (sorted by name).

    Raises InputError carrying every problem found in every file.
    """
    root = Path(project_root).resolve()
    editions_dir = root / "editions"
    if not editions_dir.is_dir():
        raise InputError([Diagnostic(display_name(editions_dir, root), None,
                                     "directory not found; create editions/ with collection.yml in it")])
    collection_path = editions_dir / COLLECTION_FILE
    collection_file = YamlFile(collection_path, display_name(collection_path, root))
    collection = _read_collection(collection_file)
    paths, diagnostics = _document_files(root, editions_dir)
    drafts = [_read_document(YamlFile(path, display_name(path, root)), root) for path in paths]
    _check_across(drafts)
    for f in [collection_file, *(draft.file for draft in drafts)]:
        diagnostics.extend(sorted(f.diagnostics, key=lambda d: (d.line or 0, d.column or 0)))
    if diagnostics or collection is None:
        raise InputError(diagnostics)
    documents = sorted((draft.document for draft in drafts if draft.document is not None), key=lambda d: d.id)
    return Edition(collection=collection, documents=tuple(documents))
