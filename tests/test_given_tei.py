"""A document given as a TEI file corrected by hand (role: tei) is validated and published like the others."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, TEXTBOOK

from diplo_edition.cli import EXIT_CONTENT, EXIT_OK, main

EDITION_FILE = """\
id: hand-corrected
supplied_title: "Исправленный вручную"
kind: thesis
languages: [ru]
sources:
  - file: sources/hand-corrected.xml
    role: tei
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The seed project with the textbook chapter's TEI, as built, saved as a hand-corrected document."""
    project = tmp_path_factory.mktemp("given") / "project"
    for folder in ("sources", "editions", "templates"):
        shutil.copytree(ROOT / folder, project / folder)
    assert main(["--root", str(project), "build", "--quiet", "--only", TEXTBOOK, "--out",
                 str(project / "first")]) == EXIT_OK
    tei = (project / "first" / "tei" / f"{TEXTBOOK}.xml").read_text(encoding="utf-8")
    tei = tei.replace(f'xml:id="{TEXTBOOK}"', 'xml:id="hand-corrected"', 1)
    tei = tei.replace(f"{TEXTBOOK}-", "hand-corrected-")
    # The editor's hand corrections: a word of the text, and the kind of the document.
    assert "многообещающее начало" in tei and "#kind-textbook-chapter" in tei
    tei = tei.replace("многообещающее начало", "многообещающее НАЧАЛО", 1)
    tei = tei.replace("#kind-textbook-chapter", "#kind-article")
    (project / "sources" / "hand-corrected.xml").write_text(tei, encoding="utf-8")
    (project / "editions" / "hand-corrected.yml").write_text(EDITION_FILE, encoding="utf-8")
    return project


def test_a_hand_corrected_tei_is_published_as_given(project, capsys):
    out = project / "out"
    argv = ["--root", str(project), "build", "--quiet", "--only", "hand-corrected", "--out", str(out)]
    assert main(argv) == EXIT_OK
    given = (project / "sources" / "hand-corrected.xml").read_bytes()
    assert (out / "tei" / "hand-corrected.xml").read_bytes() == given
    page = (out / "documents" / "hand-corrected" / "index.html").read_text(encoding="utf-8")
    assert "многообещающее НАЧАЛО" in page
    # What the site shows of the document comes from the TEI, not from the edition file (which says thesis).
    assert "Статья" in page and "Квалификационная работа" not in page


def test_an_invalid_hand_corrected_tei_is_an_error_at_its_line(project, capsys):
    broken = project / "sources" / "hand-corrected.xml"
    good = broken.read_text(encoding="utf-8")
    try:
        lines = good.split("\n")
        at = next(k for k, line in enumerate(lines) if "<p " in line or "<p>" in line)
        lines[at] = re.sub(r"<p\b", "<para", lines[at], count=1)
        broken.write_text("\n".join(lines), encoding="utf-8")
        code = main(["--root", str(project), "check", "--quiet", "--only", "hand-corrected"])
        err = capsys.readouterr().err
        assert code == EXIT_CONTENT
        assert f"sources/hand-corrected.xml:{at + 1}" in err and "fix the file" in err
    finally:
        broken.write_text(good, encoding="utf-8")
