"""The edition-file keys declared once (config/schema.py): the loader reads through the declarations, the
README's table is generated from them, and the theme they point to is packaged with the tool."""

from __future__ import annotations

import dataclasses
import fnmatch
import subprocess
import sys
import tomllib

import pytest
from conftest import ROOT

from diplo_edition.config.keys_table import BEGIN, END, keys_table
from diplo_edition.config.schema import ARCHIVE, COLLECTION, CORRECTION, DOCUMENT, SCHEMAS, SERIES
from diplo_edition.config.theme import packaged_theme, static_files, theme_folders
from diplo_edition.diagnostics import InputError
from diplo_edition.editions import (
    ArchiveName,
    Collection,
    Correction,
    DocumentEdition,
    PrintedSeries,
    load_edition,
)


def test_the_readme_table_of_keys_is_the_one_generated_from_the_declarations():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count(BEGIN) == 1 and readme.count(END) == 1
    written = readme[readme.index(BEGIN): readme.index(END) + len(END)] + "\n"
    assert written == keys_table(), "README.md is out of date: paste `python -m diplo_edition.config`"
    printed = subprocess.run([sys.executable, "-m", "diplo_edition.config"], capture_output=True,
                             text=True, check=True).stdout
    assert printed == keys_table()
    for schema in SCHEMAS:
        for option in schema.options:
            assert f"| `{option.name}` |" in written and option.doc in written


@pytest.mark.parametrize(("schema", "dataclass", "not_keys"), [
    (COLLECTION, Collection, {"file"}),
    (DOCUMENT, DocumentEdition, {"file", "line_of"}),
    (CORRECTION, Correction, {"line"}),
    (SERIES, PrintedSeries, {"line"}),
    (ARCHIVE, ArchiveName, {"line"}),
])
def test_every_declared_key_is_a_field_of_its_dataclass(schema, dataclass, not_keys):
    fields = {field.name for field in dataclasses.fields(dataclass)}
    assert set(schema.names()) == fields - not_keys


def test_the_loader_checks_keys_against_the_declarations(tmp_path):
    project = tmp_path / "project"
    (project / "editions").mkdir(parents=True)
    (project / "editions" / "collection.yml").write_text(
        "title: T\nbase_url: https://example.org/e\nlanguages: [ru]\npublishr: X\nseries:\n  - id: s\n",
        encoding="utf-8")
    (project / "editions" / "doc.yml").write_text("id: doc\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_edition(project)
    messages = [str(d) for d in caught.value.diagnostics]
    assert "editions/collection.yml:4:1: error: unknown key 'publishr' (did you mean 'publisher'?)" \
        in messages
    missing = [m for m in messages if "missing the required key" in m]
    assert missing == [
        "editions/collection.yml:6:5: error: the series entry is missing the required key 'title'; "
        "add a 'title:' line",
        "editions/collection.yml:6:5: error: the series entry is missing the required key 'names'; "
        "add a 'names:' line",
        *(f"editions/doc.yml:1:1: error: the edition file is missing the required key '{key}'; "
          f"add a '{key}:' line" for key in DOCUMENT.required() if key != "id"),
    ]


def test_the_seed_collection_reads_its_series_and_archives_through_the_declarations(edition):
    collection = edition.collection
    assert [s.id for s in collection.series] == ["dvp"] and collection.series[0].short == "ДВП"
    assert [a.abbreviation for a in collection.archives] == ["АВП РФ", "TNA", "AMAE"]
    assert collection.disable_passes == ()
    assert all(isinstance(doc.references, dict) for doc in edition.documents)


def test_the_theme_is_this_repository_s_templates_and_overrides_fall_back_to_it(tmp_path):
    theme = packaged_theme()
    assert (theme / "base.html").is_file() and (theme / "static" / "search.js").is_file()
    assert theme_folders(ROOT / "templates") == (theme,)  # this repository: its templates/ is the theme
    assert theme_folders(tmp_path / "none") == (theme,)
    (tmp_path / "templates" / "static").mkdir(parents=True)
    (tmp_path / "templates" / "static" / "site.css").write_text("body {}\n", encoding="utf-8")
    (tmp_path / "templates" / "static" / "extra.js").write_text("\n", encoding="utf-8")
    folders = theme_folders(tmp_path / "templates")
    assert folders == ((tmp_path / "templates").resolve(), theme)
    files = static_files(folders)
    assert files["site.css"] == (tmp_path / "templates" / "static" / "site.css").resolve()
    assert files["search.js"] == theme / "static" / "search.js"
    assert set(files) == {p.relative_to(theme / "static").as_posix()
                          for p in (theme / "static").rglob("*") if p.is_file()} | {"extra.js"}
    assert files["fonts/pt-serif-cyrillic-400-normal.woff2"].is_file()  # folders in static/ too


def test_every_file_of_the_theme_is_packaged_into_the_wheel():
    """pyproject.toml's package data for diplo_edition.theme covers every file of templates/ (a new kind
    of file, e.g. a font, would otherwise be missing from `pip install diplo-edition`)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["diplo_edition.theme"]
    theme = ROOT / "templates"
    for path in theme.rglob("*"):
        name = path.relative_to(theme).as_posix()
        if path.is_file() and "__pycache__" not in name and not name.endswith(".py"):
            assert any(fnmatch.fnmatch(name, pattern) and name.count("/") == pattern.count("/")
                       for pattern in patterns), f"templates/{name} is not in the package data"
