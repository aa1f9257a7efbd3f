"""The editors' workflow through the command: new, build (filtered, strict), check, serve, messages, exits.

Most tests use a tiny project (one short document, the real templates) so that a build takes a fraction
of a second (tests/projects.py).
"""

from __future__ import annotations

import os
import re
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT
from projects import DOCUMENT, TEXT, add_document, leftovers, run, snapshot, tiny_project

from diplo_edition import __version__, executors, output_folder
from diplo_edition import build as build_module
from diplo_edition.cache import CACHE_DIR
from diplo_edition.cli import EXIT_CONTENT, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, main
from diplo_edition.editions import load_edition
from diplo_edition.serve import RELOAD_TAG, PreviewServer, inject_reload

# --- --version, --help, usage ------------------------------------------------------------------------


def test_version_help_and_usage_exit_codes(capsys):
    assert run(capsys, "--version")[0] == EXIT_OK
    code, out, _ = run(capsys, "--help")
    assert code == EXIT_OK
    for command in ("new", "build", "check", "serve"):
        assert command in out
    assert "exit codes: 0 done" in out and "1 the input has errors" in out
    assert run(capsys, "build", "--help")[0] == EXIT_OK
    assert run(capsys, "--frobnicate")[0] == EXIT_USAGE
    assert run(capsys, "new")[0] == EXIT_USAGE  # SOURCE is required
    assert main(["--version"]) == 0 and __version__


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for usage in ("diplo-edition new SOURCE", "diplo-edition build", "diplo-edition check",
                  "diplo-edition serve", "diplo-edition --version"):
        assert usage in readme
    assert "130" in readme and "internal error" in readme


# --- new -----------------------------------------------------------------------------------------------

THESIS_TEXT = """\
МИНИСТЕРСТВО НАУКИ И ВЫСШЕГО ОБРАЗОВАНИЯ
Советско-японские отношения
в 1922–1941 годах

ВВЕДЕНИЕ

 Актуальность темы исследования обусловлена как общественно-политическими, так
и научными факторами1. Япония является одной из наиболее развитых стран мира.
1 Жуков Е.М. История Японии. М., 1939. С. 5.

Глава 1. Советско-японские отношения в 20-х гг.

 Текст главы о переговорах и конвенции 1925 г., подписанной в Пекине.

ЗАКЛЮЧЕНИЕ

 Итоги исследования.
"""


def test_new_fills_in_what_the_text_tells_and_the_file_loads(tmp_path, capsys):
    project = tiny_project(tmp_path)
    (project / "sources" / "japan-thesis.ru.txt").write_text(THESIS_TEXT, encoding="utf-8")
    code, out, err = run(capsys, "--root", project, "new", project / "sources" / "japan-thesis.ru.txt")
    assert code == EXIT_OK, err
    written = (project / "editions" / "japan-thesis.yml").read_text(encoding="utf-8")
    assert "wrote editions/japan-thesis.yml" in out
    assert "id: japan-thesis\n" in written
    assert "kind: thesis\n" in written
    assert re.search(r"# kind: a guess from 'ВВЕДЕНИЕ' \(line 5\)", written)
    assert "languages: [ru]\n" in written
    assert "title: null\nauthors: []" not in written  # supplied_title stands between them
    assert "title: null\n" in written and "authors: []\n" in written and "date: null\n" in written
    assert '#   line 2: "Советско-японские отношения"' in written  # a short line near the top
    assert '#   line 1: "МИНИСТЕРСТВО НАУКИ И ВЫСШЕГО ОБРАЗОВАНИЯ"' in written  # an all-caps line
    assert "#   footnotes: 1 found, 1 with their marker in the text" in written
    assert "#   pages:" in written
    edition = load_edition(project)  # the file as written loads
    doc = next(d for d in edition.documents if d.id == "japan-thesis")
    assert doc.kind == "thesis" and doc.title is None and doc.authors == () and doc.date is None
    assert [s.rel for s in doc.sources] == ["sources/japan-thesis.ru.txt"]
    # ...and builds, with a warning that the placeholder title is still there.
    code, out, err = run(capsys, "--root", project, "build", "--out", tmp_path / "site")
    assert code == EXIT_OK, err
    assert "editions/japan-thesis.yml:" in err and "supplied_title is still the placeholder" in err


def test_new_guesses_article_bilingual_and_the_abstract_role(tmp_path, capsys):
    project = tiny_project(tmp_path)
    (project / "sources" / "convention.ru.txt").write_text(
        " Аннотация. Статья посвящена конвенции 1925 г.\nКлючевые слова: конвенция; Япония.\n\n" + TEXT,
        encoding="utf-8")
    (project / "sources" / "convention.abstract.en.txt").write_text(
        "Abstract | The paper is devoted to the convention of 1925 between the Soviet Union and Japan, "
        "its principles and its consequences for both countries in the following decades.\n",
        encoding="utf-8")
    code, _, err = run(capsys, "--root", project, "new", "sources/convention.ru.txt",
                       "sources/convention.abstract.en.txt")
    assert code == EXIT_OK, err
    written = (project / "editions" / "convention.yml").read_text(encoding="utf-8")
    assert "kind: article\n" in written and "'Аннотация. Статья посвящена" in written
    assert "languages: [ru, en]\n" in written
    assert "role: abstract\n    lang: en\n" in written
    assert {d.id for d in load_edition(project).documents} == {"test-doc", "convention"}


def test_new_refuses_to_overwrite_and_names_the_file(tmp_path, capsys):
    project = tiny_project(tmp_path)
    (project / "sources" / "other.ru.txt").write_text(TEXT, encoding="utf-8")
    (project / "editions" / "other.yml").write_text("# mine\n", encoding="utf-8")
    code, out, err = run(capsys, "--root", project, "new", "sources/other.ru.txt")
    assert code == EXIT_CONTENT
    assert "editions/other.yml: error: already exists and is not overwritten" in err
    assert (project / "editions" / "other.yml").read_text(encoding="utf-8") == "# mine\n"
    # A file that another edition already lists is refused too, and so is a file outside sources/.
    code, _, err = run(capsys, "--root", project, "new", "sources/test-doc.ru.txt", "--id", "again")
    assert code == EXIT_CONTENT
    assert "editions/test-doc.yml: error: already lists sources/test-doc.ru.txt" in err
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(TEXT, encoding="utf-8")
    code, _, err = run(capsys, "--root", project, "new", outside)
    assert code == EXIT_CONTENT and "is not inside sources/; copy the raw file into sources/ first" in err
    code, _, err = run(capsys, "--root", project, "new", "sources/missing.txt")
    assert code == EXIT_CONTENT and "sources/missing.txt: error: no such file" in err


def test_new_slug_from_a_cyrillic_file_name(tmp_path, capsys):
    project = tiny_project(tmp_path)
    (project / "sources" / "Записка 1923 г.txt").write_text(TEXT, encoding="utf-8")
    code, _, err = run(capsys, "--root", project, "new", "sources/Записка 1923 г.txt")
    assert code == EXIT_OK, err
    assert (project / "editions" / "zapiska-1923-g.yml").is_file()
    load_edition(project)


# --- build: filtered, strict, messages ---------------------------------------------------------------


def test_a_build_writes_nothing_but_its_output_and_cache(tmp_path, capsys, monkeypatch):
    project = tiny_project(tmp_path)
    elsewhere = tmp_path / "working-directory"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # Pagefind's default output folder is ./pagefind
    assert run(capsys, "--root", project, "build")[0] == EXIT_OK
    assert list(elsewhere.iterdir()) == []
    assert sorted(p.name for p in project.iterdir()) == sorted(
        [CACHE_DIR, "build", "editions", "sources", "templates"])
    assert (project / "build" / "pagefind" / "shards.json").exists()


def test_build_prints_progress_lines_and_a_summary(tmp_path, capsys):
    project = tiny_project(tmp_path)
    code, out, err = run(capsys, "--root", project, "build")
    assert code == EXIT_OK
    assert "[1/4] reading sources: sources/test-doc.ru.txt" in err
    assert "[2/4] layout and valid TEI: test-doc" in err
    assert "[3/4] writing the site" in err and "[4/4] search index" in err
    assert "built 1 document into" in out and ": 0 errors, 0 warnings" in out
    assert run(capsys, "--root", project, "build", "--quiet")[2] == ""


def test_filtered_build_writes_a_complete_site_of_the_chosen_documents(tmp_path, capsys):
    project = tiny_project(tmp_path)
    add_document(project)
    out = tmp_path / "partial"
    code, _, err = run(capsys, "--root", project, "build", "--only", "second-doc", "--out", out)
    assert code == EXIT_OK, err
    assert sorted(p.name for p in (out / "tei").iterdir()) == ["registers.xml", "second-doc.xml"]
    assert sorted(p.name for p in (out / "documents").iterdir()) == ["second-doc"]
    assert (out / "index.html").is_file()
    # The positional filter is the same.
    code, _, _ = run(capsys, "--root", project, "build", "test-doc", "--out", out)
    assert code == EXIT_OK and sorted(p.name for p in (out / "documents").iterdir()) == ["test-doc"]


def test_filtered_build_into_the_published_site_is_refused(tmp_path, capsys):
    project = tiny_project(tmp_path)
    assert run(capsys, "--root", project, "build")[0] == EXIT_OK
    before = snapshot(project / "build")
    add_document(project)
    code, _, err = run(capsys, "--root", project, "build", "--only", "second-doc")
    assert code == EXIT_USAGE
    assert "would replace the published site in build/ with a partial one; give another directory with " \
           "--out" in err
    assert snapshot(project / "build") == before


def test_unknown_document_id_is_a_usage_error_with_a_suggestion(tmp_path, capsys):
    project = tiny_project(tmp_path)
    code, _, err = run(capsys, "--root", project, "build", "--only", "test", "--out", tmp_path / "x")
    assert code == EXIT_USAGE
    assert "no document with the id 'test' (did you mean 'test-doc'?)" in err


def test_output_directory_that_is_not_a_build_is_never_replaced(tmp_path, capsys):
    project = tiny_project(tmp_path)
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.docx").write_bytes(b"mine")
    code, _, err = run(capsys, "--root", project, "build", "--out", precious)
    assert code == EXIT_USAGE and "does not hold a previous build" in err
    assert (precious / "thesis.docx").read_bytes() == b"mine"
    code, _, err = run(capsys, "--root", project, "build", "--out", project)
    assert code == EXIT_USAGE and "project's own files" in err
    assert (project / "sources" / "test-doc.ru.txt").is_file()


def test_strict_turns_warnings_into_errors_and_keeps_the_site(tmp_path, capsys):
    project = tiny_project(tmp_path)
    assert run(capsys, "--root", project, "build")[0] == EXIT_OK
    before = snapshot(project / "build")
    (project / "sources" / "test-doc.ru.txt").write_bytes(TEXT.encode("cp1251"))  # converted, a warning
    code, out, err = run(capsys, "--root", project, "build")
    assert code == EXIT_OK and "sources/test-doc.ru.txt: warning: the file is in windows-1251" in err
    assert "0 errors, 1 warning" in out
    assert run(capsys, "--root", project, "build")[0] == EXIT_OK
    before = snapshot(project / "build")
    code, _, err = run(capsys, "--root", project, "build", "--strict")
    assert code == EXIT_CONTENT
    assert "sources/test-doc.ru.txt: error: the file is in windows-1251" in err
    assert "[--strict makes warnings errors]" in err
    assert "build failed: 1 error, 0 warnings; the previous build was left as it was" in err
    assert snapshot(project / "build") == before


def test_messages_tell_errors_from_warnings_and_end_with_a_summary(tmp_path, capsys):
    project = tiny_project(tmp_path)
    (project / "editions" / "broken.yml").write_text(
        "id: Broken\ntitel: x\nkind: articel\nlanguages: [ru]\nsources:\n  - file: sources/none.txt\n"
        "    role: body\n", encoding="utf-8")
    (project / "editions" / "notes.yaml").write_text("id: x\n", encoding="utf-8")
    code, out, err = run(capsys, "--root", project, "build")
    assert code == EXIT_CONTENT and out == ""
    lines = [line for line in err.splitlines() if ": error: " in line]
    assert "editions/broken.yml:1:5: error: 'id' must be a lower-case slug" in err
    assert "editions/broken.yml:2:1: error: unknown key 'titel' (did you mean 'title'?)" in err
    assert "editions/broken.yml:3:7: error: unknown kind 'articel' (did you mean 'article'?)" in err
    assert "editions/broken.yml:6:11: error: source 'sources/none.txt' does not exist" in err
    assert "editions/notes.yaml: error: edition files must end in .yml" in err
    for line in lines:
        assert re.match(r"^[^:\s]+(:\d+(:\d+)?)?: error: .+", line), line
    assert err.rstrip().endswith(f"build failed: {len(lines)} errors, 0 warnings; the previous build was "
                                 "left as it was")


# --- check ---------------------------------------------------------------------------------------------


def test_check_validates_everything_without_writing_build(tmp_path, capsys):
    project = tiny_project(tmp_path)
    code, out, err = run(capsys, "--root", project, "check")
    assert code == EXIT_OK, err
    assert re.search(r"check passed \(1 document, \d+ internal links\): 0 errors, 0 warnings", out)
    assert "[5/5] checking links" in err
    assert not (project / "build").exists()
    assert leftovers(project) == []


def test_check_reports_input_errors_and_broken_links(tmp_path, capsys):
    project = tiny_project(tmp_path)
    corrections = "corrections:\n  - sic: Несуществующее\n    corr: Слово\n    resp: editors\n"
    with (project / "editions" / "test-doc.yml").open("a", encoding="utf-8") as f:
        f.write(corrections)
    code, _, err = run(capsys, "--root", project, "check")
    assert code == EXIT_CONTENT  # a correction that matches nothing in the text
    assert "editions/test-doc.yml:10: error: correction 'Несуществующее' → 'Слово' no longer matches the " \
           "text" in err
    # A template that links to a page that does not exist: the link check names the page and the link.
    (project / "editions" / "test-doc.yml").write_text(
        DOCUMENT.format(id="test-doc", title='"Тестовый документ"', file="test-doc.ru.txt"), encoding="utf-8")
    base = project / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace(
        "</body>", '<a href="{{ root }}no-such-page/">x</a><a href="#no-such-anchor">y</a></body>'),
        encoding="utf-8")
    code, _, err = run(capsys, "--root", project, "check")
    assert code == EXIT_CONTENT
    assert re.search(r"build/index\.html:\d+: error: link 'no-such-page/' points to no file of the site", err)
    assert "points to an anchor '#no-such-anchor' that the page does not have" in err
    assert re.search(r"check failed \(1 document, \d+ internal links\): \d+ errors", err)
    assert not (project / "build").exists()


def test_a_broken_template_is_a_message_on_the_template(tmp_path, capsys):
    project = tiny_project(tmp_path)
    assert run(capsys, "--root", project, "build")[0] == EXIT_OK
    before = snapshot(project / "build")
    # The index pages fail while the search index of the document pages is being written.
    (project / "templates" / "about.html").write_text("{% extends 'base.html' %}\n{% block x %\n",
                                                     encoding="utf-8")
    code, _, err = run(capsys, "--root", project, "build")
    assert code == EXIT_CONTENT
    assert re.search(r"templates/about\.html:\d+: error: template syntax error: .+; fix the template", err)
    assert "Traceback" not in err
    assert leftovers(project) == [] and snapshot(project / "build") == before


# --- internal errors, interruption, atomic output ----------------------------------------------------


def test_a_bug_is_one_line_with_exit_code_3_not_a_traceback(tmp_path, capsys, monkeypatch):
    project = tiny_project(tmp_path)

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(build_module, "render_site", broken)
    monkeypatch.delenv("DIPLO_EDITION_DEBUG", raising=False)
    code, _, err = run(capsys, "--root", project, "build")
    assert code == EXIT_INTERNAL
    assert "internal error (please report it" in err and "ZeroDivisionError: division by zero" in err
    assert "Traceback" not in err
    assert leftovers(project) == []


@pytest.mark.parametrize("stage", ["process_document", "render_site"])
def test_interrupted_build_keeps_the_previous_site_and_leaves_no_temporary_directory(
        tmp_path, capsys, monkeypatch, stage):
    project = tiny_project(tmp_path)
    assert run(capsys, "--root", project, "build", "--jobs", "1")[0] == EXIT_OK
    before = snapshot(project / "build")
    (project / "sources" / "test-doc.ru.txt").write_text(TEXT.replace("непросто", "сложно"), encoding="utf-8")
    module = executors if stage == "process_document" else build_module
    original = getattr(module, stage)

    def interrupt(*args, **kwargs):
        if stage == "render_site":
            original(*args, **kwargs)  # the site half written into the staging directory
        raise KeyboardInterrupt  # as Ctrl-C does

    monkeypatch.setattr(module, stage, interrupt)
    code, _, err = run(capsys, "--root", project, "build", "--jobs", "1")
    assert code == 130 and "interrupted; the previous build was left as it was" in err
    assert "Traceback" not in err
    assert snapshot(project / "build") == before
    assert leftovers(project) == []


def test_a_swap_interrupted_between_its_renames_puts_the_old_site_back(tmp_path, monkeypatch):
    out, staging = tmp_path / "build", tmp_path / ".build.new-x"
    out.mkdir()
    (out / "old.html").write_text("old")
    staging.mkdir()
    (staging / "new.html").write_text("new")
    real_replace = os.replace

    def flaky(src, dst):
        if Path(src) == staging:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(output_folder.os, "replace", flaky)
    # A system without an atomic exchange of two folders swaps them with two renames.
    monkeypatch.setattr(output_folder, "_exchange", lambda a, b: False)
    with pytest.raises(KeyboardInterrupt):
        output_folder.swap_in(staging, out)
    assert (out / "old.html").read_text() == "old"


def test_the_new_site_takes_the_old_ones_place_in_one_step(tmp_path):
    out, staging = tmp_path / "build", tmp_path / ".build.new-x"
    out.mkdir()
    (out / "old.html").write_text("old")
    staging.mkdir()
    (staging / "new.html").write_text("new")
    previous = output_folder.swap_in(staging, out)
    assert (out / "new.html").read_text() == "new"
    # Linux exchanged the two folders at once: the previous site is where the new one was.
    assert previous == staging and (previous / "old.html").read_text() == "old"


def test_failed_build_leaves_previous_site_and_no_temporary_directories(tmp_path, capsys):
    project = tiny_project(tmp_path)
    assert run(capsys, "--root", project, "build")[0] == EXIT_OK
    before = snapshot(project / "build")
    (project / "sources" / "test-doc.ru.txt").write_bytes(b"")
    code, _, err = run(capsys, "--root", project, "build")
    assert code == EXIT_CONTENT and "sources/test-doc.ru.txt: error: the file is empty" in err
    assert snapshot(project / "build") == before
    assert leftovers(project) == []


# --- serve ---------------------------------------------------------------------------------------------


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def _wait_for(condition, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def _save(path: Path, text: str) -> None:
    """Save as an editor does: the new content replaces the file at once."""
    partial = path.with_name(path.name + ".part~")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def test_inject_reload_goes_before_the_end_of_body():
    assert inject_reload(b"<html><body>x</body></html>") == \
        f"<html><body>x{RELOAD_TAG}</body></html>".encode()
    assert inject_reload(b"<p>no body") == f"<p>no body{RELOAD_TAG}".encode()


def test_serve_builds_serves_on_localhost_and_rebuilds_on_change(tmp_path):
    project = tiny_project(tmp_path)
    messages = []

    class Stream:
        def write(self, text):
            messages.append(text)

        def flush(self):
            pass

    preview = PreviewServer(project, project / "build", 0, stream=Stream(), quiet_spell=0.1)
    preview.start()
    try:
        assert preview.address.startswith("http://127.0.0.1:") and preview.port != 0
        assert preview._httpd.server_address[0] == "127.0.0.1"
        assert preview.build_number == 1
        status, page = _get(preview.address)
        assert status == 200 and RELOAD_TAG in page  # added to the response...
        assert RELOAD_TAG.encode() not in (project / "build" / "index.html").read_bytes()  # ...not the file
        assert _get(preview.address + "__reload") == (200, "1")
        status, script = _get(preview.address + "__reload.js")
        assert status == 200 and "/__reload" in script
        status, css = _get(preview.address + "static/site.css")
        assert status == 200 and RELOAD_TAG not in css
        doc_url = preview.address + "documents/test-doc/"
        assert "Тестовый документ" in _get(doc_url)[1]

        # An edit rebuilds and the build number moves on.
        edition = project / "editions" / "test-doc.yml"
        _save(edition, edition.read_text(encoding="utf-8").replace("Тестовый документ", "Новое название"))
        assert _wait_for(lambda: preview.build_number == 2), "".join(messages)
        assert "Новое название" in _get(doc_url)[1]

        # A broken edit: the errors are printed, the previous site is still served.
        finished = preview.builds_finished
        _save(edition, "id: test-doc\ntitel: x\n")
        assert _wait_for(lambda: preview.builds_finished > finished and "build failed" in "".join(messages))
        assert preview.build_number == 2
        printed = "".join(messages)
        assert "editions/test-doc.yml:2:1: error: unknown key 'titel'" in printed
        assert "still serving build 2" in printed
        assert "Новое название" in _get(doc_url)[1]
        assert _get(preview.address + "__reload") == (200, "2")
    finally:
        preview.stop()
    assert not any(t.is_alive() for t in preview._threads)


def test_serve_refuses_a_port_in_use(tmp_path, capsys):
    project = tiny_project(tmp_path)
    first = PreviewServer(project, project / "build", 0, stream=open(os.devnull, "w"))  # noqa: SIM115
    first.start()
    try:
        code, _, err = run(capsys, "--root", project, "serve", "--port", first.port)
        assert code == EXIT_USAGE
        assert f"cannot listen on 127.0.0.1:{first.port}" in err and "--port" in err
    finally:
        first.stop()
        first.stream.close()


def test_serve_command_runs_until_interrupted(tmp_path, capsys, monkeypatch):
    project = tiny_project(tmp_path)
    import diplo_edition.serve as serve_module

    def interrupt(seconds):
        raise KeyboardInterrupt

    monkeypatch.setattr(serve_module.time, "sleep", interrupt)
    code, out, _ = run(capsys, "--root", project, "serve", "--port", "0")
    assert code == EXIT_OK
    assert re.search(r"serving http://127\.0\.0\.1:\d+/ \(bound to 127\.0\.0\.1 only\)", out)
    assert threading.active_count() < 20
