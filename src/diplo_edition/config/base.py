"""A schema: the keys of one kind of mapping in the editors' YAML, each declared once as a typed option.

``Schema.read`` checks a mapping node against its declaration (unknown, repeated and missing keys) and
converts every value through its option, reporting each problem on the file being read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..yamlfile import Items, YamlFile, line_of, mapping, require

if TYPE_CHECKING:
    from .options import Option


@dataclass(frozen=True)
class Reading:
    """What a conversion needs besides the node: the file (for its messages) and the project root."""

    file: YamlFile
    root: Path


@dataclass(frozen=True)
class Entry:
    """One mapping as read: every declared key's value (its default when left out, or when refused)."""

    values: dict[str, Any]
    items: Items  # key -> (key node, value node) as written, for messages about one value
    node: yaml.Node
    ok: bool  # no problem was found in it

    @property
    def line(self) -> int:
        return line_of(self.node)


@dataclass(frozen=True)
class Schema:
    name: str  # as the README heads its table, e.g. "a source entry (in `sources:`)"
    what: str  # the mapping in messages about its keys, e.g. "a source entry"
    missing_in: str  # the mapping in messages about a missing key, e.g. "the source entry"
    options: tuple[Option, ...]

    def names(self) -> tuple[str, ...]:
        return tuple(option.name for option in self.options)

    def required(self) -> tuple[str, ...]:
        return tuple(option.name for option in self.options if option.required)

    def read(self, reading: Reading, node: yaml.Node) -> Entry | None:
        """The mapping's values, or None if it is not a mapping at all (reported)."""
        f = reading.file
        items = mapping(f, node, self.names(), self.what)
        if items is None:
            return None
        errors_before = len(f.diagnostics)
        require(f, node, items, self.required(), self.missing_in)
        values: dict[str, Any] = {}
        for option in self.options:
            value = option.convert(reading, items[option.name][1]) if option.name in items else None
            # None: left out, null, or refused (reported, and then the entry is not used).
            values[option.name] = option.absent() if value is None else value
        ok = len(f.diagnostics) == errors_before
        return Entry(values, items, node, ok)
