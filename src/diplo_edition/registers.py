"""The registers (authority files) of persons, places and organisations: ``editions/registers/*.yml``.

Each register file is a YAML list of entries such as::

    - id: karakhan
      name: "Карахан, Лев Михайлович"
      name_en: Lev Karakhan
      variants: [Карахан]
      dates: 1889–1937
      description:
        ru: Советский дипломат, заместитель наркома иностранных дел
        en: Soviet diplomat, deputy People's Commissar for Foreign Affairs

``description`` is one line, or one line per language (a mapping of language codes, the site shows the
one in its interface language).
``id`` and ``name`` are required. ``variants`` are the forms to look for in the text, in the nominative
(the tagger generates the inflected forms); left out, they default to the part of the name before a comma
(the surname), or the whole name. A missing registers directory or file is an empty register; every
problem in every register file is collected before one ``InputError`` is raised.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from .config.options import language_ok
from .diagnostics import Diagnostic, InputError
from .slugs import ID_PATTERN
from .yamlfile import (
    YamlFile,
    compose,
    describe,
    display_name,
    line_of,
    mapping,
    require,
    text,
    text_list,
    value_of,
)

KINDS = ("person", "place", "org")
REGISTERS_DIR = ("editions", "registers")
REGISTER_FILES = {"person": "persons.yml", "place": "places.yml", "org": "organisations.yml"}

_KEYS = ("id", "name", "name_en", "variants", "dates", "description", "wikidata")
_REQUIRED = ("id", "name")

_WIKIDATA = re.compile(r"Q[1-9][0-9]*")
_DATE_PART = r"\?|\d{4}(?:-\d{2}-\d{2})?"
_DATES = re.compile(rf"(?P<birth>{_DATE_PART})(?:\s*[-–—]\s*(?P<death>{_DATE_PART}))?")


@dataclass(frozen=True)
class RegisterEntry:
    id: str  # ^[a-z][a-z0-9-]*$, unique across all registers (it becomes an xml:id)
    kind: str  # one of KINDS
    name: str  # preferred Russian name, e.g. "Карахан, Лев Михайлович" or "Урумчи"
    name_en: str | None  # English name, e.g. "Lev Karakhan"
    variants: tuple[str, ...]  # nominative forms to look for in the text
    dates: str | None  # as the editor wrote it, e.g. "1889–1937"
    birth: str | None  # ISO year or date from dates ("1889"), None if not given
    death: str | None
    description: tuple[tuple[str, str], ...]  # (language code, one line); code "" when not declared
    wikidata: str | None  # Q-number
    file: str  # e.g. "editions/registers/persons.yml"
    line: int  # line of the entry in that file


@dataclass(frozen=True)
class Registers:
    entries: tuple[RegisterEntry, ...] = ()  # all kinds, in file order: persons, places, organisations

    def by_id(self) -> dict[str, RegisterEntry]:
        return {entry.id: entry for entry in self.entries}

    def of_kind(self, kind: str) -> tuple[RegisterEntry, ...]:
        if kind not in KINDS:
            raise ValueError(f"unknown register kind {kind!r}; use one of {', '.join(KINDS)}")
        return tuple(entry for entry in self.entries if entry.kind == kind)


# --- one register file -------------------------------------------------------------------------------


@dataclass
class _Draft:
    """What one entry gave, even when it has errors, for the check of ids across files."""

    id: str | None
    id_node: yaml.Node | None
    entry: RegisterEntry | None


def _read_register(f: YamlFile, kind: str) -> list[_Draft]:
    root_node = compose(f, expected=None)
    if root_node is None:  # unreadable (reported) or empty (an empty register)
        return []
    if not isinstance(root_node, yaml.SequenceNode):
        f.error(root_node, "a register file must be a list of entries, each starting with '- id: ...' "
                           f"followed by 'name: ...', found {describe(root_node)}")
        return []
    return [_read_entry(f, kind, node) for node in root_node.value]


def _read_entry(f: YamlFile, kind: str, node: yaml.Node) -> _Draft:
    items = mapping(f, node, _KEYS, f"a {kind} entry")
    if items is None:
        return _Draft(None, None, None)
    errors_before = len(f.diagnostics)
    require(f, node, items, _REQUIRED, f"the {kind} entry")
    entry_id = value_of(items, "id", lambda value: _id(f, value), None)
    name = value_of(items, "name", lambda value: _one_line(f, "name", value, required=True), None)
    name_en = value_of(items, "name_en", lambda value: _one_line(f, "name_en", value), None)
    variants = value_of(items, "variants", lambda value: _variants(f, value), None)
    dates, birth, death = value_of(items, "dates", lambda value: _dates(f, value), (None, None, None))
    description = value_of(items, "description", lambda value: _description(f, value), ())
    wikidata = value_of(items, "wikidata", lambda value: _wikidata(f, value), None)
    draft = _Draft(entry_id, items["id"][1] if "id" in items else None, None)
    if len(f.diagnostics) > errors_before or entry_id is None or name is None:
        return draft
    if variants is None:
        variants = (name.split(",", 1)[0].strip() or name,)
    draft.entry = RegisterEntry(
        id=entry_id, kind=kind, name=name, name_en=name_en, variants=variants, dates=dates, birth=birth,
        death=death, description=description, wikidata=wikidata, file=f.name, line=line_of(node),
    )
    return draft


def _description(f: YamlFile, node: yaml.Node) -> tuple[tuple[str, str], ...] | None:
    """One line (its language told by its script on the site), or one line per language:
    ``{ru: …, en: …}``; None (reported) for a bad code or value."""
    if not isinstance(node, yaml.MappingNode):
        line = _one_line(f, "description", node)
        return (("", line),) if line else ()
    lines: dict[str, str] = {}
    ok = True
    for key_node, value_node in node.value:
        code = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
        if not language_ok(f, "description", code, key_node):
            ok = False
            continue
        if code in lines:
            f.error(key_node, f"'description' gives language '{code}' twice; keep one line per language")
            ok = False
            continue
        line = _one_line(f, f"description: {code}", value_node, required=True)
        ok = ok and line is not None
        lines[code] = line or ""
    return tuple(lines.items()) if ok else None


def _one_line(f: YamlFile, key: str, node: yaml.Node, *, required: bool = False) -> str | None:
    value = text(f, key, node, required=required)
    if value is not None and "\n" in value:
        f.error(node, f"'{key}' must be one line; join the lines or shorten it")
        return None
    return value


def _matching(
    f: YamlFile, key: str, node: yaml.Node, pattern: re.Pattern[str], problem: Callable[[str], str],
    *, required: bool = False,
) -> str | None:
    """The text of ``key`` if ``pattern`` matches it whole; otherwise ``problem(value)`` is reported."""
    value = text(f, key, node, required=required)
    if value is not None and not pattern.fullmatch(value):
        f.error(node, problem(value))
        return None
    return value


def _id(f: YamlFile, node: yaml.Node) -> str | None:
    return _matching(
        f, "id", node, ID_PATTERN, required=True,
        problem=lambda value: "'id' must be a lower-case slug: a letter a-z, then letters a-z, digits "
                              f"and '-' (e.g. karakhan or north-sakhalin), found '{value}'",
    )


def _variants(f: YamlFile, node: yaml.Node) -> tuple[str, ...] | None:
    example = "[Карахан]"
    variants = text_list(f, "variants", node, required=True, example=example)
    if variants is None:
        return None
    ok = True
    for index, (variant, item) in enumerate(zip(variants, node.value, strict=True)):
        if "\n" in variant:
            f.error(item, "an entry of 'variants' must be one line; write each form as its own entry")
            ok = False
        elif variant in variants[:index]:
            f.error(item, f"variant '{variant}' is listed twice in 'variants'; keep only one")
            ok = False
    return variants if ok else None


def _dates(f: YamlFile, node: yaml.Node) -> tuple[str | None, str | None, str | None]:
    """(dates as written, birth, death); a problem is reported and gives (None, None, None)."""
    value = text(f, "dates", node)
    if value is None:
        return None, None, None
    match = _DATES.fullmatch(value)
    if match:
        birth, death = match.group("birth"), match.group("death")
        birth = None if birth == "?" else birth
        death = None if death in (None, "?") else death
        if (birth or death) and all(_date_ok(part) for part in (birth, death) if part is not None) \
                and (birth is None or death is None or birth[:4] <= death[:4]):
            return value, birth, death
    f.error(node, "'dates' must be the years of birth and death joined by a dash, such as 1889–1937, "
                  "1889–? or ?–1937 (a year of birth alone: 1889; full dates: 1889-02-06; no 'c.' or words), "
                  f"with birth not after death; leave the key out if both are unknown; found '{value}'")
    return None, None, None


def _date_ok(part: str) -> bool:
    if len(part) == 4:
        return True
    try:
        datetime.date.fromisoformat(part)
    except ValueError:
        return False
    return True


def _wikidata(f: YamlFile, node: yaml.Node) -> str | None:
    return _matching(
        f, "wikidata", node, _WIKIDATA,
        problem=lambda value: "'wikidata' must be a Wikidata item number such as Q649 (a 'Q' and digits, "
                              f"not a URL); leave it out if unsure; found '{value}'",
    )


# --- all the registers -------------------------------------------------------------------------------


def _check_ids(files: list[tuple[YamlFile, list[_Draft]]]) -> None:
    """An id is unique across all the register files."""
    first: dict[str, tuple[YamlFile, yaml.Node]] = {}
    for f, drafts in files:
        for draft in drafts:
            if draft.id is None or draft.id_node is None:
                continue
            if draft.id in first:
                other_file, other_node = first[draft.id]
                f.error(draft.id_node, f"duplicate id '{draft.id}': also used in "
                                       f"{other_file.name}:{line_of(other_node)}; give each entry its own id")
                draft.entry = None
            else:
                first[draft.id] = (f, draft.id_node)


def _stray_files(root: Path, registers_dir: Path) -> list[Diagnostic]:
    """Files in the registers directory that would be ignored: misnamed registers or .yaml files."""
    known = tuple(REGISTER_FILES.values())
    diagnostics = []
    for path in sorted([*registers_dir.glob("*.yml"), *registers_dir.glob("*.yaml")]):
        if path.name in known:
            continue
        close = difflib.get_close_matches(path.stem + ".yml", known, n=1, cutoff=0.5)
        hint = f"rename it to {close[0]}" if close else f"register files are named {', '.join(known)}"
        diagnostics.append(Diagnostic(display_name(path, root), None,
                                      f"not a register file, so it is ignored; {hint}"))
    return diagnostics


def load_registers(project_root: Path) -> Registers:
    """Read and check editions/registers/persons.yml, places.yml and organisations.yml.

    A missing directory or file is an empty register. Raises InputError carrying every problem found.
    """
    root = Path(project_root).resolve()
    registers_dir = root.joinpath(*REGISTERS_DIR)
    if not registers_dir.is_dir():
        return Registers()
    files: list[tuple[YamlFile, list[_Draft]]] = []
    for kind in KINDS:
        path = registers_dir / REGISTER_FILES[kind]
        if not path.exists():
            continue
        f = YamlFile(path, display_name(path, root))
        files.append((f, _read_register(f, kind)))
    _check_ids(files)
    diagnostics = _stray_files(root, registers_dir)
    for f, _ in files:
        diagnostics.extend(sorted(f.diagnostics, key=lambda d: (d.line or 0, d.column or 0)))
    if diagnostics:
        raise InputError(diagnostics)
    return Registers(tuple(d.entry for _, drafts in files for d in drafts if d.entry is not None))

