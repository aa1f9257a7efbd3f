"""The diplo-edition command: builds into build/ or --out, fails loudly, never leaves a half-written site."""

import shutil

import pytest
from conftest import ROOT

from diplo_edition import __version__
from diplo_edition.cli import main


def make_project(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "sources", project / "sources")
    shutil.copytree(ROOT / "editions", project / "editions")
    shutil.copytree(ROOT / "templates", project / "templates")
    return project


def test_build_writes_one_tei_file_per_document(tmp_path, capsys):
    out = tmp_path / "site"
    assert main(["--root", str(ROOT), "build", "--out", str(out), "--jobs", "2"]) == 0
    written = sorted(p.name for p in (out / "tei").iterdir())
    assert written == [
        "registers.xml",
        "soviet-foreign-policy-1920s.xml",
        "soviet-japanese-convention-1925.xml",
        "soviet-japanese-relations-1922-1941.xml",
        "urumqi-negotiations-1923.xml",
    ]
    printed = capsys.readouterr().out
    assert "234/234 notes linked" in printed and "built 4 documents" in printed


def test_default_output_is_build_under_the_root(tmp_path):
    project = make_project(tmp_path)
    assert main(["--root", str(project), "build", "--jobs", "1"]) == 0
    assert (project / "build" / "tei" / "urumqi-negotiations-1923.xml").is_file()


def test_failed_build_names_file_and_line_and_keeps_the_previous_site(tmp_path, capsys):
    project = make_project(tmp_path)
    out = project / "build"
    assert main(["--root", str(project), "build", "--jobs", "1"]) == 0
    before = {p.name: p.read_bytes() for p in (out / "tei").iterdir()}
    broken = project / "editions" / "broken.yml"
    broken.write_text("id: broken\ntitel: x\nkind: article\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(project), "build", "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert "editions/broken.yml:2:1: error: unknown key 'titel' (did you mean 'title'?)" in err
    assert "the previous build was left as it was" in err
    assert {p.name: p.read_bytes() for p in (out / "tei").iterdir()} == before
    assert not [p for p in project.iterdir() if p.name.startswith(".build")]


def test_version_and_usage_exit_codes(capsys):
    assert main(["--version"]) == 0
    assert __version__ in capsys.readouterr().out
    assert main([]) == 2
    assert main(["build", "--no-such-option"]) == 2


@pytest.mark.parametrize("epoch", ["yesterday", "-5", "1.5", "99999999999999999999"])
def test_an_invalid_source_date_epoch_is_refused_by_name(tmp_path, capsys, monkeypatch, epoch):
    """SOURCE_DATE_EPOCH (reproducible builds) gives About its date; a value that is no time is a usage
    error naming the variable, before anything is built."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    out = tmp_path / "site"
    assert main(["--root", str(ROOT), "build", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"SOURCE_DATE_EPOCH='{epoch}' is not a time" in err and not out.exists()
