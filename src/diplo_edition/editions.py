"""Loading the editors' YAML: ``editions/collection.yml`` and one ``editions/<document>.yml`` per document.

The YAML is composed into nodes (never constructed into Python objects) so that every value keeps its
line and column, and so that no tag can make the loader run code. Values are converted here, field by
field, and every problem found in every file is collected before one ``InputError`` is raised.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TypeVar
from urllib.parse import urlsplit

import yaml

from .diagnostics import Diagnostic, InputError

ROLES = ("body", "abstract", "copy")
KINDS = ("article", "thesis", "textbook-chapter")

COLLECTION_FILE = "collection.yml"

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP = (
    _TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")
)
# YAML 1.1 reads 1959 as a number, 2024-05-03 as a date and "no" (Norwegian) as false; where text is
# expected we keep what the editor wrote instead of refusing it.
_TEXT_TAGS = frozenset({_STR, _INT, _FLOAT, _BOOL, _TIMESTAMP})
_PLAIN_TAGS = _TEXT_TAGS | {_NULL, _TAG + "seq", _TAG + "map"}

_SLUG = re.compile(r"[a-z][a-z0-9-]*")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DIGITS = re.compile(r"[0-9]+")

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


# --- diagnostics addressed by YAML node -------------------------------------------------------------

_Items = dict[str, tuple[yaml.Node, yaml.Node]]  # key -> (key node, value node)
_T = TypeVar("_T")


@dataclass
class _File:
    """One input file: its path, the name shown in messages, and the problems found in it."""

    path: Path
    name: str
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def error(self, at: yaml.Node | yaml.Mark | None, message: str) -> None:
        mark = at.start_mark if isinstance(at, yaml.Node) else at
        if mark is None:
            self.diagnostics.append(Diagnostic(self.name, None, message))
        else:
            self.diagnostics.append(Diagnostic(self.name, mark.line + 1, message, column=mark.column + 1))


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _display_name(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _suggest(word: str, choices: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    if close:
        return f" (did you mean '{close[0]}'?)"
    return f"; use one of: {', '.join(choices)}"


def _describe(node: yaml.Node) -> str:
    """What the editor wrote, in words, for 'found ...' in messages."""
    if node.tag not in _PLAIN_TAGS:
        return f"a value tagged {node.tag}"  # an explicit tag such as !!python/object or !custom
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    value = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    return {
        _STR: f"text '{value}'",
        _INT: f"the number {value}",
        _FLOAT: f"the number {value}",
        _BOOL: f"the true/false value {value}",
        _NULL: "no value",
        _TIMESTAMP: f"the date {value}",
    }.get(node.tag, f"a value tagged {node.tag}")


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _NULL


# --- reading YAML ------------------------------------------------------------------------------------


def _compose(f: _File) -> yaml.Node | None:
    """The file's single YAML document as a node tree; None (with a diagnostic) if it cannot be read."""
    try:
        data = f.path.read_bytes()
    except OSError as exc:
        f.error(None, f"cannot read the file ({exc.strerror}); check that it exists and is readable")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        f.diagnostics.append(Diagnostic(f.name, line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); "
                                        "save the file as UTF-8"))
        return None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        _yaml_error(f, exc)
        return None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        f.diagnostics.append(Diagnostic(f.name, line, f"malformed YAML: character #x{exc.character:04x} "
                                        "is not allowed; remove it"))
        return None
    except yaml.YAMLError as exc:
        f.error(None, f"malformed YAML: {exc}")
        return None
    except RecursionError:
        f.error(None, "malformed YAML: nested too deeply; simplify the structure")
        return None
    if node is None:
        f.error(None, "the file is empty; it must be a mapping of 'key: value' lines")
    return node


def _yaml_error(f: _File, exc: yaml.MarkedYAMLError) -> None:
    problem = exc.problem or "syntax error"
    if exc.context:
        problem = f"{problem} ({exc.context}"
        if exc.context_mark is not None and exc.context_mark.line != getattr(exc.problem_mark, "line", None):
            problem += f" at line {exc.context_mark.line + 1}"
        problem += ")"
    f.error(exc.problem_mark or exc.context_mark,
            f"malformed YAML: {problem}; check indentation, colons and quoting here or just above")


def _mapping(f: _File, node: yaml.Node, allowed: tuple[str, ...], what: str) -> _Items | None:
    """Key -> (key node, value node) for the allowed keys; unknown and repeated keys are reported."""
    if not isinstance(node, yaml.MappingNode):
        f.error(node, f"{what} must be a mapping of 'key: value' lines, found {_describe(node)}")
        return None
    items: _Items = {}
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        if key_node.tag == _TAG + "merge":
            f.error(key_node, "merge keys (<<) are not supported; write the keys out in full")
            continue
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _TEXT_TAGS:
            f.error(key_node, f"keys in {what} must be plain names, found {_describe(key_node)}")
            continue
        key = key_node.value
        if key in first_line:
            f.error(key_node, f"duplicate key '{key}' (first given at line {first_line[key]}); keep only one")
            continue
        first_line[key] = _line(key_node)
        if key not in allowed:
            f.error(key_node, f"unknown key '{key}'{_suggest(key, allowed)}")
            continue
        items[key] = (key_node, value_node)
    return items


def _require(f: _File, node: yaml.Node, items: _Items, keys: tuple[str, ...], what: str) -> None:
    for key in keys:
        if key not in items:
            f.error(node, f"{what} is missing the required key '{key}'; add a '{key}:' line")


def _text(
    f: _File, key: str, node: yaml.Node, *, required: bool = False, label: str | None = None
) -> str | None:
    """A scalar as text, stripped; None for an absent value (an error if required) or a wrong type."""
    label = label or f"'{key}'"
    if _is_null(node):
        if required:
            f.error(node, f"{label} has no value; write one or remove the line")
        return None
    if not isinstance(node, yaml.ScalarNode) or node.tag not in _TEXT_TAGS:
        f.error(node, f"{label} must be text, found {_describe(node)}")
        return None
    value = node.value.strip()
    if not value:
        f.error(node, f"{label} is empty; write a value or remove the line")
        return None
    return value


def _positive_int(f: _File, what: str, node: yaml.Node) -> int | None:
    # Only plain decimal digits: YAML 1.1 would also read 0x1F, 0o17 and 1:30 as integers.
    if isinstance(node, yaml.ScalarNode) and node.tag == _INT and _DIGITS.fullmatch(node.value):
        number = int(node.value)
        if number >= 1:
            return number
    f.error(node, f"{what} must be a whole number of 1 or more written in digits, found {_describe(node)}")
    return None


def _text_list(
    f: _File, key: str, node: yaml.Node, *, required: bool, example: str
) -> tuple[str, ...] | None:
    if _is_null(node):
        if required:
            f.error(node, f"'{key}' has no value; list at least one entry, e.g. {key}: {example}")
            return None
        return ()
    if not isinstance(node, yaml.SequenceNode):
        f.error(node, f"'{key}' must be a list of text, e.g. {key}: {example}, found {_describe(node)}")
        return None
    if required and not node.value:
        f.error(node, f"'{key}' is empty; list at least one entry, e.g. {key}: {example}")
        return None
    label = f"an entry of '{key}'"
    values = [_text(f, key, item, required=True, label=label) for item in node.value]
    if any(value is None for value in values):
        return None
    return tuple(value for value in values if value is not None)


def _languages(f: _File, key: str, node: yaml.Node, *, required: bool) -> tuple[str, ...] | None:
    codes = _text_list(f, key, node, required=required, example="[ru, en]")
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


def _language_ok(f: _File, key: str, code: str, node: yaml.Node) -> bool:
    if _LANGUAGE.fullmatch(code):
        return True
    f.error(node, f"'{key}': '{code}' is not a BCP-47 language code; write e.g. ru, en or zh-Hant")
    return False


# --- collection.yml ----------------------------------------------------------------------------------

def _field(items: _Items, key: str, convert: Callable[[yaml.Node], _T], default: _T) -> _T:
    """convert(value node) for a key that is present, default for one that is not."""
    return convert(items[key][1]) if key in items else default


def _read_collection(f: _File) -> Collection | None:
    if not f.path.is_file():
        f.error(None, "not found; create it with at least 'title:', 'base_url:' and 'languages:'")
        return None
    root_node = _compose(f)
    if root_node is None:
        return None
    items = _mapping(f, root_node, _COLLECTION_KEYS, "collection.yml")
    if items is None:
        return None
    errors_before = len(f.diagnostics)
    _require(f, root_node, items, _COLLECTION_REQUIRED, "collection.yml")

    def text(key: str) -> str | None:
        required = key in _COLLECTION_REQUIRED
        return _field(items, key, lambda node: _text(f, key, node, required=required), None)

    title, title_en, publisher = text("title"), text("title_en"), text("publisher")
    introduction, about = text("introduction"), text("about")
    base_url = _field(items, "base_url", lambda node: _base_url(f, node), None)
    languages = _field(items, "languages", lambda node: _languages(f, "languages", node, required=True), None)
    if len(f.diagnostics) > errors_before or title is None or base_url is None or languages is None:
        return None
    return Collection(title=title, title_en=title_en, base_url=base_url, languages=languages,
                      publisher=publisher, introduction=introduction, about=about, file=f.path)


def _base_url(f: _File, node: yaml.Node) -> str | None:
    url = _text(f, "base_url", node, required=True)
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

    file: _File
    id: str | None = None
    id_line: int | None = None
    sources: tuple[SourceRef, ...] = ()
    document: DocumentEdition | None = None


def _read_document(f: _File, root: Path) -> _Draft:
    draft = _Draft(f)
    root_node = _compose(f)
    if root_node is None:
        return draft
    items = _mapping(f, root_node, _DOCUMENT_KEYS, "an edition file")
    if items is None:
        return draft
    errors_before = len(f.diagnostics)
    _require(f, root_node, items, _DOCUMENT_REQUIRED, "the edition file")
    if not any(key in items and not _is_null(items[key][1]) for key in ("title", "supplied_title")):
        f.error(root_node, "the document has no 'title'; if the source prints none, add 'supplied_title:' "
                           "with a short descriptive title, without brackets (they are added on display)")

    def text(key: str) -> str | None:
        return _field(items, key, lambda node: _text(f, key, node), None)

    draft.id = _field(items, "id", lambda node: _slug(f, node), None)
    draft.id_line = _line(items["id"][0]) if "id" in items else None
    draft.sources = _field(items, "sources", lambda node: _sources(f, root, node), ())
    authors = _field(items, "authors", lambda node: _text_list(
        f, "authors", node, required=False, example="[A. B. Ivanov, C. Smith]"), None)
    languages = _field(items, "languages", lambda node: _languages(f, "languages", node, required=True), None)
    document = DocumentEdition(
        id=draft.id or "",
        title=text("title"),
        supplied_title=_field(items, "supplied_title", lambda node: _supplied_title(f, node), None),
        authors=authors or (),
        kind=_field(items, "kind", lambda node: _choice(f, "kind", node, KINDS), None) or "",
        languages=languages or (),
        date=_field(items, "date", lambda node: _date(f, node), None),
        published_in=text("published_in"),
        first_page=_field(items, "first_page", lambda node: _first_page(f, node), None),
        sources=draft.sources,
        references=_field(items, "references", lambda node: _references(f, node), {}),
        corrections=_field(items, "corrections", lambda node: _corrections(f, node), ()),
        notes=text("notes"),
        file=f.path,
        line_of={key: _line(key_node) for key, (key_node, _) in items.items()},
    )
    # Built either way so every field is checked; handed on only when the file had no problem at all.
    if len(f.diagnostics) == errors_before:
        draft.document = document
    return draft


def _supplied_title(f: _File, node: yaml.Node) -> str | None:
    title = _text(f, "supplied_title", node)
    if title is not None and title.startswith("[") and title.endswith("]"):
        f.error(node, "write 'supplied_title' without the surrounding brackets; they are added on display")
        return None
    return title


def _first_page(f: _File, node: yaml.Node) -> int | None:
    return None if _is_null(node) else _positive_int(f, "'first_page'", node)


def _slug(f: _File, node: yaml.Node) -> str | None:
    value = _text(f, "id", node, required=True)
    if value is None:
        return None
    if not _SLUG.fullmatch(value):
        f.error(node, f"'id' must be a lower-case slug: a letter a-z, then letters a-z, digits and '-' "
                      f"(e.g. urumqi-negotiations-1923), found '{value}'")
        return None
    return value


def _choice(f: _File, key: str, node: yaml.Node, choices: tuple[str, ...]) -> str | None:
    value = _text(f, key, node, required=True)
    if value is None:
        return None
    if value not in choices:
        f.error(node, f"unknown {key} '{value}'{_suggest(value, choices)}")
        return None
    return value


def _date(f: _File, node: yaml.Node) -> str | None:
    value = _text(f, "date", node)
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


def _sources(f: _File, root: Path, node: yaml.Node) -> tuple[SourceRef, ...]:
    example = "e.g. '- file: sources/name.txt' with 'role: body' below it"
    if not isinstance(node, yaml.SequenceNode):
        f.error(node, f"'sources' must be a list of source entries ({example}), found {_describe(node)}")
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
    f: _File, root: Path, entry: yaml.Node, earlier: list[SourceRef]
) -> tuple[SourceRef | None, str | None]:
    """The entry as a SourceRef (None if anything is wrong) and its role (None if not understood)."""
    items = _mapping(f, entry, _SOURCE_KEYS, "a source entry")
    if items is None:
        return None, None
    errors_before = len(f.diagnostics)
    _require(f, entry, items, _SOURCE_REQUIRED, "the source entry")
    role = _field(items, "role", lambda node: _choice(f, "role", node, ROLES), None)
    lang = _field(items, "lang", lambda node: _source_lang(f, node), None)
    rel = _field(items, "file", lambda node: _text(f, "file", node, required=True), None)
    path = _source_path(f, root, rel, items["file"][1]) if rel is not None else None
    if path is not None:
        for ref in earlier:
            if ref.path == path:
                f.error(items["file"][1], f"source '{rel}' is also at line {ref.line}; list it once")
                path = None
    if len(f.diagnostics) > errors_before or path is None or role is None or rel is None:
        return None, role
    return SourceRef(path=path, rel=rel, role=role, lang=lang, line=_line(entry)), role


def _source_lang(f: _File, node: yaml.Node) -> str | None:
    lang = _text(f, "lang", node)
    if lang is not None and not _language_ok(f, "lang", lang, node):
        return None
    return lang


def _source_path(f: _File, root: Path, rel: str, node: yaml.Node) -> Path | None:
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


def _references(f: _File, node: yaml.Node) -> dict[int, str]:
    if _is_null(node):
        return {}
    if not isinstance(node, yaml.MappingNode):
        f.error(node, f"'references' must be a mapping of numbered entries like '1: Author, Title, 1925', "
                      f"found {_describe(node)}")
        return {}
    references: dict[int, str] = {}
    lines: dict[int, int] = {}
    for key_node, value_node in node.value:
        number = _positive_int(f, "a reference number", key_node)
        text = _text(f, "references", value_node, required=True, label="a reference")
        if number is None:
            continue
        if number in lines:
            f.error(key_node, f"reference {number} is given twice (first at line {lines[number]}); keep one")
            continue
        lines[number] = _line(key_node)
        if text is not None:
            references[number] = text
    return references


def _corrections(f: _File, node: yaml.Node) -> tuple[Correction, ...]:
    if _is_null(node):
        return ()
    if not isinstance(node, yaml.SequenceNode):
        f.error(node, "'corrections' must be a list of entries with sic, corr and resp, "
                      f"found {_describe(node)}")
        return ()
    corrections = (_correction(f, entry) for entry in node.value)
    return tuple(correction for correction in corrections if correction is not None)


def _correction(f: _File, entry: yaml.Node) -> Correction | None:
    items = _mapping(f, entry, _CORRECTION_KEYS, "a correction")
    if items is None:
        return None
    errors_before = len(f.diagnostics)
    _require(f, entry, items, _CORRECTION_REQUIRED, "the correction")
    sic = _field(items, "sic", lambda node: _text(f, "sic", node, required=True), None)
    corr = _field(items, "corr", lambda node: _correction_corr(f, node), None)
    resp = _field(items, "resp", lambda node: _text(f, "resp", node, required=True), None)
    note = _field(items, "note", lambda node: _text(f, "note", node), None)
    if sic is not None and sic == corr:
        f.error(items["corr"][1], "'corr' is the same as 'sic'; remove the correction or fix 'corr'")
    if len(f.diagnostics) > errors_before or sic is None or corr is None or resp is None:
        return None
    return Correction(sic=sic, corr=corr, note=note, resp=resp, line=_line(entry))


def _correction_corr(f: _File, node: yaml.Node) -> str | None:
    # An empty 'corr' is a deletion (e.g. a repeated word), so "" is allowed here, unlike elsewhere.
    if isinstance(node, yaml.ScalarNode) and node.tag == _STR and not node.value.strip():
        return ""
    return _text(f, "corr", node, required=True)


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
        Diagnostic(_display_name(path, root), None,
                   f"edition files must end in .yml; rename it to {path.stem}.yml or it will be ignored")
        for path in sorted(editions_dir.glob("*.yaml"))
    ]
    paths = sorted(path for path in editions_dir.glob("*.yml") if path.name != COLLECTION_FILE)
    if not paths:
        diagnostics.append(Diagnostic(_display_name(editions_dir, root), None,
                                      "no document files; add one editions/<id>.yml per edited document"))
    return paths, diagnostics


def load_edition(project_root: Path) -> Edition:
    """Read and check editions/collection.yml and every other editions/*.yml (sorted by name).

    Raises InputError carrying every problem found in every file.
    """
    root = Path(project_root).resolve()
    editions_dir = root / "editions"
    if not editions_dir.is_dir():
        raise InputError([Diagnostic(_display_name(editions_dir, root), None,
                                     "directory not found; create editions/ with collection.yml in it")])
    collection_path = editions_dir / COLLECTION_FILE
    collection_file = _File(collection_path, _display_name(collection_path, root))
    collection = _read_collection(collection_file)
    paths, diagnostics = _document_files(root, editions_dir)
    drafts = [_read_document(_File(path, _display_name(path, root)), root) for path in paths]
    _check_across(drafts)
    for f in [collection_file, *(draft.file for draft in drafts)]:
        diagnostics.extend(sorted(f.diagnostics, key=lambda d: (d.line or 0, d.column or 0)))
    if diagnostics or collection is None:
        raise InputError(diagnostics)
    documents = sorted((draft.document for draft in drafts if draft.document is not None), key=lambda d: d.id)
    return Edition(collection=collection, documents=tuple(documents))
