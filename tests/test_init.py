"""A new edition project: `init` in an empty folder, one raw file, `new`, and a site built with the theme
that ships in the package (no templates/ in the project); single theme files overridden by the project;
`check` on such a project honouring its options."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, URUMQI

from diplo_edition.cache import CACHE_DIR
from diplo_edition.cli import EXIT_CONTENT, EXIT_OK, EXIT_USAGE, main
from diplo_edition.config.theme import packaged_theme
from diplo_edition.editions import load_edition
from diplo_edition.new_edition import PLACEHOLDER
from diplo_edition.registers import load_registers

RAW = f"{URUMQI}.ru.txt"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def new_project(tmp_path: Path, capsys, name: str = "edition") -> Path:
    """init, one seed raw file in sources/, `new` for it, and its TODO supplied_title replaced."""
    project = tmp_path / name
    assert run(capsys, "init", project)[0] == EXIT_OK
    shutil.copyfile(ROOT / "sources" / RAW, project / "sources" / RAW)
    assert run(capsys, "--root", project, "new", project / "sources" / RAW)[0] == EXIT_OK
    edition_file = project / "editions" / f"{URUMQI}.yml"
    text = edition_file.read_text(encoding="utf-8")
    placeholder = next(line for line in text.splitlines() if line.startswith("supplied_title:"))
    assert PLACEHOLDER in placeholder
    edition_file.write_text(text.replace(placeholder, 'supplied_title: "Переговоры в Урумчи"'),
                            encoding="utf-8")
    return project


def site_files(site: Path) -> dict[str, Path]:
    """Every file of a built site but the search index (its file names are hashes of its content)."""
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*"))
            if p.is_file() and not p.relative_to(site).as_posix().startswith("pagefind/")}


def test_init_writes_a_project_that_loads_and_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    project = tmp_path / "edition"
    code, out, _ = run(capsys, "init", project)
    assert code == EXIT_OK and "editions/collection.yml" in out
    assert sorted(p.relative_to(project).as_posix() for p in project.rglob("*")) == [
        ".gitignore", "README.md", "editions", "editions/collection.yml", "editions/registers",
        "editions/registers/organisations.yml", "editions/registers/persons.yml",
        "editions/registers/places.yml", "sources",
    ]
    assert (project / ".gitignore").read_text(encoding="utf-8").split() == ["/build/", f"/{CACHE_DIR}/"]
    assert "diplo-edition new" in (project / "README.md").read_text(encoding="utf-8")
    collection = (project / "editions" / "collection.yml").read_text(encoding="utf-8")
    assert "series:" in collection and "archives:" in collection and "CHANGE-ME" in collection
    assert load_registers(project).entries == ()
    # No document yet: the edition files load but for that one missing thing.
    with pytest.raises(Exception, match="no document files"):
        load_edition(project)
    (project / "sources" / "x.txt").write_text("x", encoding="utf-8")
    for folder in (project, project / "sources"):
        code, _, err = run(capsys, "init", folder)
        assert code == EXIT_USAGE and f"{folder} is not empty" in err
    assert not (project / "sources" / "editions").exists()


def test_a_new_project_builds_a_site_from_one_raw_file_with_the_packaged_theme(tmp_path, capsys):
    project = new_project(tmp_path, capsys)
    assert not (project / "templates").exists()
    code, out, err = run(capsys, "--root", project, "build", "--quiet", "--jobs", "1")
    assert code == EXIT_OK, err
    assert "built 1 document" in out
    # The settings that init left for the editor to write are named, each at its line.
    settings = (project / "editions" / "collection.yml").read_text(encoding="utf-8").splitlines()
    lines = [n for n, line in enumerate(settings, 1) if "CHANGE-ME" in line and not line.startswith("#")]
    assert len(lines) == 3
    for n in lines:
        assert f"editions/collection.yml:{n}: warning: 'CHANGE-ME' is still here" in err
    site = project / "build"
    for page in ("index.html", f"documents/{URUMQI}/index.html", "about/index.html", "search/index.html",
                 f"tei/{URUMQI}.xml", "pagefind/shards.json"):
        assert (site / page).is_file(), page
    theme = packaged_theme()
    for name in ("site.css", "search.js", "search-core.js", "fonts/pt-serif-cyrillic-400-normal.woff2"):
        assert (site / "static" / name).read_bytes() == (theme / "static" / name).read_bytes()
    assert "Переговоры в Урумчи" in (site / "documents" / URUMQI / "index.html").read_text(encoding="utf-8")
    assert run(capsys, "--root", project, "check", "--quiet", "--jobs", "1")[0] == EXIT_OK


def test_an_overridden_template_and_static_file_change_only_their_part_of_the_site(tmp_path, capsys):
    project = new_project(tmp_path, capsys)
    build = ("--root", project, "build", "--quiet", "--jobs", "1", "--out")
    assert run(capsys, *build, tmp_path / "plain")[0] == EXIT_OK
    templates = project / "templates"
    (templates / "static").mkdir(parents=True)
    about = (packaged_theme() / "about.html").read_text(encoding="utf-8")
    (templates / "about.html").write_text(about.replace("<h1>{{ title }}</h1>", "<h1>О нашем издании</h1>"),
                                          encoding="utf-8")
    (templates / "static" / "site.css").write_text("body { color: navy; }\n", encoding="utf-8")
    # With the page cache of the first build: the override must not be hidden by a cached page.
    assert run(capsys, *build, tmp_path / "custom")[0] == EXIT_OK
    plain, custom = site_files(tmp_path / "plain"), site_files(tmp_path / "custom")
    assert plain.keys() == custom.keys()
    differing = [name for name in plain if not filecmp.cmp(plain[name], custom[name], shallow=False)]
    assert differing == ["about/index.html", "static/site.css"]
    page = custom["about/index.html"].read_text(encoding="utf-8")
    assert "<h1>О нашем издании</h1>" in page and "<h1>Об издании</h1>" not in page
    assert page.replace("О нашем издании</h1>", "Об издании</h1>") == \
        plain["about/index.html"].read_text(encoding="utf-8")
    assert custom["static/site.css"].read_text(encoding="utf-8") == "body { color: navy; }\n"


def test_an_overridden_document_template_is_not_hidden_by_the_page_cache(tmp_path, capsys):
    project = new_project(tmp_path, capsys)
    assert run(capsys, "--root", project, "build", "--quiet", "--jobs", "1")[0] == EXIT_OK
    (project / "templates").mkdir()
    document = (packaged_theme() / "document.html").read_text(encoding="utf-8")
    marked = document.replace("{% block main %}", "{% block main %}<p id=\"local-mark\">local</p>", 1)
    assert marked != document
    (project / "templates" / "document.html").write_text(marked, encoding="utf-8")
    assert run(capsys, "--root", project, "build", "--quiet", "--jobs", "1")[0] == EXIT_OK
    html = (project / "build" / "documents" / URUMQI / "index.html").read_text(encoding="utf-8")
    assert 'id="local-mark"' in html


def test_a_broken_override_is_reported_on_the_project_s_file(tmp_path, capsys):
    project = new_project(tmp_path, capsys)
    (project / "templates").mkdir()
    (project / "templates" / "about.html").write_text("{% extends 'base.html' %}\n{% block x %\n",
                                                     encoding="utf-8")
    code, _, err = run(capsys, "--root", project, "build", "--quiet", "--jobs", "1")
    assert code == EXIT_CONTENT
    assert "templates/about.html:2: error: template syntax error" in err


# --- check honours the options it offers ---------------------------------------------------------------


def test_check_honours_no_cache(tmp_path, capsys):
    project = new_project(tmp_path, capsys)
    assert run(capsys, "--root", project, "check", "--quiet", "--jobs", "1", "--no-cache")[0] == EXIT_OK
    assert not (project / CACHE_DIR).exists()
    assert run(capsys, "--root", project, "check", "--quiet", "--jobs", "1")[0] == EXIT_OK
    assert (project / CACHE_DIR).is_dir()


def test_check_honours_the_executor_and_its_scheduler(tmp_path, capsys):
    project = new_project(tmp_path, capsys)
    code, _, err = run(capsys, "--root", project, "check", "--quiet", "--no-cache", "--executor", "dask")
    assert code == EXIT_USAGE and "--executor dask needs --scheduler" in err
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        code, out, err = run(capsys, "--root", project, "check", "--quiet", "--no-cache",
                             "--executor", "dask", "--scheduler", cluster.scheduler_address)
    assert code == EXIT_OK, err
    assert "check passed (1 document" in out
