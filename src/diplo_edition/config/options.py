"""Typed options of the editors' YAML files: each converts one value node and knows how to describe itself.

An option is declared once (in ``schema.py``) with its name, whether it is required, its default and a
one-line doc; the loader converts through it and the README's table of keys is generated from it. A
conversion reports each problem on the ``YamlFile`` being read and gives None for a value it refused.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

import yaml

from ..languages import is_language_code
from ..slugs import ID_PATTERN
from ..yamlfile import STR, YamlFile, choice, describe, is_null, positive_int, suggest, text, text_list
from .base import Entry, Reading, Schema

_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class Option:
    """One key: its name, whether it must be given, its value when left out, and what it means."""

    name: str
    doc: str
    required: bool = False
    default: Any = None
    type_label = "text"  # what the README says the value is

    def convert(self, reading: Reading, node: yaml.Node) -> Any:
        value = text(reading.file, self.name, node, required=self.required)
        return None if value is None else self.check(reading, value, node)

    def check(self, reading: Reading, value: str, node: yaml.Node) -> Any:
        """The value kept for a text: the text itself, unless an option checks or converts it (None: refused,
        after reporting why)."""
        return value

    def absent(self) -> Any:
        """The value of a key left out (or null)."""
        return self.default


@dataclass(frozen=True)
class Text(Option):
    pass


@dataclass(frozen=True)
class TextList(Option):
    default: Any = ()
    example: str = ""
    type_label = "list of text"

    def convert(self, reading: Reading, node: yaml.Node) -> tuple[str, ...] | None:
        return text_list(reading.file, self.name, node, required=self.required, example=self.example)


@dataclass(frozen=True)
class ChoiceList(TextList):
    choices: tuple[str, ...] = ()

    @property
    def type_label(self) -> str:  # type: ignore[override]
        return "list of " + ", ".join(f"`{c}`" for c in self.choices)

    def convert(self, reading: Reading, node: yaml.Node) -> tuple[str, ...] | None:
        values = super().convert(reading, node)
        items = node.value if isinstance(node, yaml.SequenceNode) else []
        wrong = [(v, item) for v, item in zip(values or (), items, strict=False) if v not in self.choices]
        for value, item in wrong:
            hint = suggest(value, self.choices)
            reading.file.error(item, f"unknown entry of '{self.name}' '{value}'{hint}")
        return None if wrong else values


@dataclass(frozen=True)
class Choice(Option):
    choices: tuple[str, ...] = ()

    @property
    def type_label(self) -> str:  # type: ignore[override]
        return "one of " + ", ".join(f"`{c}`" for c in self.choices)

    def convert(self, reading: Reading, node: yaml.Node) -> str | None:
        return choice(reading.file, self.name, node, self.choices)


@dataclass(frozen=True)
class Slug(Option):
    type_label = "lower-case slug"

    def check(self, reading: Reading, value: str, node: yaml.Node) -> str | None:
        if not ID_PATTERN.fullmatch(value):
            reading.file.error(node, f"'{self.name}' must be a lower-case slug: a letter a-z, then letters "
                                     f"a-z, digits and '-' (e.g. urumqi-negotiations-1923), found '{value}'")
            return None
        return value


def language_ok(f: YamlFile, key: str, code: str, node: yaml.Node) -> bool:
    """Any ISO 639 language, as a BCP-47 tag (a language without a pack has English interface words)."""
    if _LANGUAGE.fullmatch(code) and is_language_code(code):
        return True
    f.error(node, f"'{key}': '{code}' is not a BCP-47 language code of an ISO 639 language; write e.g. ru, "
                  "en, it or zh-Hant")
    return False


@dataclass(frozen=True)
class Language(Option):
    type_label = "language code"

    def check(self, reading: Reading, value: str, node: yaml.Node) -> str | None:
        return value if language_ok(reading.file, self.name, value, node) else None


@dataclass(frozen=True)
class Languages(Option):
    type_label = "list of language codes"

    def convert(self, reading: Reading, node: yaml.Node) -> tuple[str, ...] | None:
        f, key = reading.file, self.name
        codes = text_list(f, key, node, required=self.required, example="[ru, en]")
        if codes is None:
            return None
        ok = True
        for code, item in zip(codes, node.value, strict=True):
            ok = language_ok(f, key, code, item) and ok
        for index, code in enumerate(codes):
            if code in codes[:index]:
                f.error(node.value[index], f"language '{code}' is listed twice in '{key}'; keep only one")
                ok = False
        return codes if ok else None


@dataclass(frozen=True)
class BaseUrl(Option):
    type_label = "http(s) address"

    def check(self, reading: Reading, url: str, node: yaml.Node) -> str | None:
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment \
                or " " in url:
            reading.file.error(node, "base_url must be an absolute http:// or https:// address without "
                                     f"?query or #fragment, e.g. https://example.org/edition/, found '{url}'")
            return None
        # Relative links are joined to base_url, which only works when it names a directory.
        return url if url.endswith("/") else url + "/"


@dataclass(frozen=True)
class IsoDate(Option):
    type_label = "ISO 8601 date"

    def check(self, reading: Reading, value: str, node: yaml.Node) -> str | None:
        match = _DATE.fullmatch(value)
        if match and _date_parts_ok(*match.groups()):
            return value
        reading.file.error(node, f"'{self.name}' must be an ISO 8601 year, year-month or date such as 1959, "
                                 f"1959-03 or 1959-03-14 (leave it out if unknown), found '{value}'")
        return None


def _date_parts_ok(year: str, month: str | None, day: str | None) -> bool:
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class PositiveInt(Option):
    type_label = "whole number ≥ 1"

    def convert(self, reading: Reading, node: yaml.Node) -> int | None:
        return None if is_null(node) else positive_int(reading.file, f"'{self.name}'", node)


@dataclass(frozen=True)
class SuppliedTitle(Option):
    def check(self, reading: Reading, title: str, node: yaml.Node) -> str | None:
        if title.startswith("[") and title.endswith("]"):
            reading.file.error(node, f"write '{self.name}' without the surrounding brackets; they are added "
                                     "on display")
            return None
        return title


@dataclass(frozen=True)
class MaybeEmptyText(Option):
    """Required text that may be empty ("" is a meaning of its own, e.g. a deletion)."""

    def convert(self, reading: Reading, node: yaml.Node) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == STR and not node.value.strip():
            return ""
        return text(reading.file, self.name, node, required=True)


@dataclass(frozen=True)
class NumberedTexts(Option):
    """A mapping of numbers to text, such as ``1: Author, Title, 1925``."""

    type_label = "mapping of numbers to text"

    def absent(self) -> dict[int, str]:
        return {}  # a new one each time: a shared default could be changed through one document

    def convert(self, reading: Reading, node: yaml.Node) -> dict[int, str]:
        f = reading.file
        if is_null(node):
            return {}
        if not isinstance(node, yaml.MappingNode):
            f.error(node, f"'{self.name}' must be a mapping of numbered entries like '1: Author, Title, "
                          f"1925', found {describe(node)}")
            return {}
        values: dict[int, str] = {}
        lines: dict[int, int] = {}
        for key_node, value_node in node.value:
            number = positive_int(f, "a reference number", key_node)
            value = text(f, self.name, value_node, required=True, label="a reference")
            if number is None:
                continue
            if number in lines:
                f.error(key_node, f"reference {number} is given twice (first at line {lines[number]}); "
                                  "keep one")
                continue
            lines[number] = key_node.start_mark.line + 1
            if value is not None:
                values[number] = value
        return values


@dataclass(frozen=True)
class Entries(Option):
    """A list of entries, each a mapping with keys of its own (``of``)."""

    default: Any = ()
    of: Schema | None = None
    expected: str = "a list of entries"  # what was expected, when something else is found
    if_empty: str = ""  # what to do about an empty list of a required key

    @property
    def type_label(self) -> str:  # type: ignore[override]
        return "list of entries (below)"

    def convert(self, reading: Reading, node: yaml.Node) -> tuple[Entry, ...]:
        """Every entry that is a mapping (each says whether it is ok); () for a list with no such entry."""
        f = reading.file
        if is_null(node) and not self.required:
            return ()
        if not isinstance(node, yaml.SequenceNode):
            f.error(node, f"'{self.name}' must be {self.expected}, found {describe(node)}")
            return ()
        if self.required and not node.value:
            f.error(node, f"'{self.name}' is empty; {self.if_empty}")
            return ()
        assert self.of is not None, "an Entries option names the schema of its entries"
        entries = (self.of.read(reading, item) for item in node.value)
        return tuple(entry for entry in entries if entry is not None)


@dataclass(frozen=True)
class Section(Option):
    """One mapping with keys of its own (``of``): a group of settings, such as ``layout:``."""

    of: Schema | None = None

    @property
    def type_label(self) -> str:  # type: ignore[override]
        return "mapping (below)"

    def convert(self, reading: Reading, node: yaml.Node) -> Entry | None:
        if is_null(node):
            return None
        assert self.of is not None, "a Section option names the schema of its keys"
        return self.of.read(reading, node)


@dataclass(frozen=True)
class SourceFile:
    rel: str  # as written in the edition file
    path: Path  # absolute, resolved, inside the project's sources/ directory


@dataclass(frozen=True)
class SourcePath(Option):
    """A file in the project's sources/ directory, written as 'sources/<name>' (it is never opened here)."""

    type_label = "path in `sources/`"

    def check(self, reading: Reading, rel: str, node: yaml.Node) -> SourceFile | None:
        path = _source_path(reading, rel, node)
        return None if path is None else SourceFile(rel, path)


def _source_path(reading: Reading, rel: str, node: yaml.Node) -> Path | None:
    f, root = reading.file, reading.root
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
