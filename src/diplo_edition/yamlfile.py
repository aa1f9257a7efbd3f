"""Reading editors' YAML files as node trees and checking their values, with line-numbered diagnostics.

The YAML is composed into nodes (never constructed into Python objects) so that every value keeps its
line and column, and so that no tag can make the loader run code. The helpers here convert one node at a
time; each problem is recorded on the ``YamlFile`` being read, with what to do about it, so that a caller
can collect every problem in every file before raising one ``InputError``.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import yaml

from .diagnostics import Diagnostic

TAG = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL, TIMESTAMP = (
    TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")
)
SEQ, MAP, MERGE = TAG + "seq", TAG + "map", TAG + "merge"
# YAML 1.1 reads 1959 as a number, 2024-05-03 as a date and "no" (Norwegian) as false; where text is
# expected we keep what the editor wrote instead of refusing it.
TEXT_TAGS = frozenset({STR, INT, FLOAT, BOOL, TIMESTAMP})
PLAIN_TAGS = TEXT_TAGS | {NULL, SEQ, MAP}

_DIGITS = re.compile(r"[0-9]+")

Items = dict[str, tuple[yaml.Node, yaml.Node]]  # key -> (key node, value node)
_T = TypeVar("_T")


@dataclass
class YamlFile:
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


def line_of(node: yaml.Node) -> int:
    """The 1-based line where a node starts."""
    return node.start_mark.line + 1


def display_name(path: Path, root: Path) -> str:
    """The path as shown in messages: relative to the project root where possible."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def suggest(word: str, choices: tuple[str, ...]) -> str:
    """' (did you mean ...?)' for a near miss, else the list of choices; appended to a message."""
    close = difflib.get_close_matches(word, choices, n=1)
    if close:
        return f" (did you mean '{close[0]}'?)"
    return f"; use one of: {', '.join(choices)}"


def describe(node: yaml.Node) -> str:
    """What the editor wrote, in words, for 'found ...' in messages."""
    if node.tag not in PLAIN_TAGS:
        return f"a value tagged {node.tag}"  # an explicit tag such as !!python/object or !custom
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    value = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    return {
        STR: f"text '{value}'",
        INT: f"the number {value}",
        FLOAT: f"the number {value}",
        BOOL: f"the true/false value {value}",
        NULL: "no value",
        TIMESTAMP: f"the date {value}",
    }.get(node.tag, f"a value tagged {node.tag}")


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL


# --- reading YAML ------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _composed(text: str) -> yaml.Node | None:
    """The node tree of a YAML text. Remembered: a long-lived process (serve) reads the same edition files
    at every build, and nothing changes a node once composed (nothing is constructed from them)."""
    return yaml.compose(text, Loader=yaml.SafeLoader)


def compose(f: YamlFile, *, expected: str | None = "a mapping of 'key: value' lines") -> yaml.Node | None:
    """The file's single YAML document as a node tree; None (with a diagnostic) if it cannot be read.

    An empty file (nothing but comments) gives None, reported as "the file is empty; it must be
    <expected>"; with ``expected=None`` it is accepted silently and the caller treats None as empty.
    """
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
        node = _composed(text)
    except yaml.MarkedYAMLError as exc:
        yaml_error(f, exc)
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
    if node is None and expected is not None:
        f.error(None, f"the file is empty; it must be {expected}")
    return node


def yaml_error(f: YamlFile, exc: yaml.MarkedYAMLError) -> None:
    problem = exc.problem or "syntax error"
    if exc.context:
        problem = f"{problem} ({exc.context}"
        if exc.context_mark is not None and exc.context_mark.line != getattr(exc.problem_mark, "line", None):
            problem += f" at line {exc.context_mark.line + 1}"
        problem += ")"
    f.error(exc.problem_mark or exc.context_mark,
            f"malformed YAML: {problem}; check indentation, colons and quoting here or just above")


# --- checking values ---------------------------------------------------------------------------------


def mapping(f: YamlFile, node: yaml.Node, allowed: tuple[str, ...], what: str) -> Items | None:
    """Key -> (key node, value node) for the allowed keys; unknown and repeated keys are reported."""
    if not isinstance(node, yaml.MappingNode):
        f.error(node, f"{what} must be a mapping of 'key: value' lines, found {describe(node)}")
        return None
    items: Items = {}
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        if key_node.tag == MERGE:
            f.error(key_node, "merge keys (<<) are not supported; write the keys out in full")
            continue
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in TEXT_TAGS:
            f.error(key_node, f"keys in {what} must be plain names, found {describe(key_node)}")
            continue
        key = key_node.value
        if key in first_line:
            f.error(key_node, f"duplicate key '{key}' (first given at line {first_line[key]}); keep only one")
            continue
        first_line[key] = line_of(key_node)
        if key not in allowed:
            f.error(key_node, f"unknown key '{key}'{suggest(key, allowed)}")
            continue
        items[key] = (key_node, value_node)
    return items


def require(f: YamlFile, node: yaml.Node, items: Items, keys: tuple[str, ...], what: str) -> None:
    """Report each of keys missing from items, at the mapping node."""
    for key in keys:
        if key not in items:
            f.error(node, f"{what} is missing the required key '{key}'; add a '{key}:' line")


def value_of(items: Items, key: str, convert: Callable[[yaml.Node], _T], default: _T) -> _T:
    """convert(value node) for a key that is present, default for one that is not."""
    return convert(items[key][1]) if key in items else default


def text(
    f: YamlFile, key: str, node: yaml.Node, *, required: bool = False, label: str | None = None
) -> str | None:
    """A scalar as text, stripped; None for an absent value (an error if required) or a wrong type."""
    label = label or f"'{key}'"
    if is_null(node):
        if required:
            f.error(node, f"{label} has no value; write one or remove the line")
        return None
    if not isinstance(node, yaml.ScalarNode) or node.tag not in TEXT_TAGS:
        f.error(node, f"{label} must be text, found {describe(node)}")
        return None
    value = node.value.strip()
    if not value:
        f.error(node, f"{label} is empty; write a value or remove the line")
        return None
    return value


def positive_int(f: YamlFile, what: str, node: yaml.Node) -> int | None:
    """A whole number >= 1 written in plain digits; anything else is reported."""
    # Only plain decimal digits: YAML 1.1 would also read 0x1F, 0o17 and 1:30 as integers.
    if isinstance(node, yaml.ScalarNode) and node.tag == INT and _DIGITS.fullmatch(node.value):
        number = int(node.value)
        if number >= 1:
            return number
    f.error(node, f"{what} must be a whole number of 1 or more written in digits, found {describe(node)}")
    return None


def text_list(
    f: YamlFile, key: str, node: yaml.Node, *, required: bool, example: str
) -> tuple[str, ...] | None:
    """A list of text; None (with diagnostics) if anything is wrong. Null is () unless required."""
    if is_null(node):
        if required:
            f.error(node, f"'{key}' has no value; list at least one entry, e.g. {key}: {example}")
            return None
        return ()
    if not isinstance(node, yaml.SequenceNode):
        f.error(node, f"'{key}' must be a list of text, e.g. {key}: {example}, found {describe(node)}")
        return None
    if required and not node.value:
        f.error(node, f"'{key}' is empty; list at least one entry, e.g. {key}: {example}")
        return None
    label = f"an entry of '{key}'"
    values = [text(f, key, item, required=True, label=label) for item in node.value]
    if any(value is None for value in values):
        return None
    return tuple(value for value in values if value is not None)


def choice(f: YamlFile, key: str, node: yaml.Node, choices: tuple[str, ...]) -> str | None:
    """Required text that must be one of choices; a near miss is reported with a suggestion."""
    value = text(f, key, node, required=True)
    if value is None:
        return None
    if value not in choices:
        f.error(node, f"unknown {key} '{value}'{suggest(value, choices)}")
        return None
    return value
