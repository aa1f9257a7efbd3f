"""Bad input gets a clear answer: each case and the message an editor sees, through the command.

Raw files in other encodings are converted only on evidence (never into mojibake) and the conversion is
recorded; empty, binary, absurdly long and too large files are refused naming the file; bidirectional
control characters are warned at their line, kept in the TEI and shown visibly in the site; broken
edition and register files name the file, line and column; markup in the text or the metadata stays text
everywhere; no XML is read with entity expansion or network access.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from conftest import NS, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree, html
from projects import DOCUMENT, TEXT, add_document, run, snapshot, tiny_project

from diplo_edition.cli import EXIT_CONTENT, EXIT_OK
from diplo_edition.diagnostics import InputError
from diplo_edition.ocr.read import MAX_LINE, MAX_SOURCE_MEGABYTES, decode
from diplo_edition.tei.validate import SAFE_PARSER, validate_tei

SOURCE = "sources/test-doc.ru.txt"


def build(capsys, project: Path, *extra) -> tuple[int, str, str]:
    return run(capsys, "--root", project, "build", "--quiet", "--jobs", "1", *extra)


def tei_of(project: Path, doc_id: str = "test-doc"):
    return etree.fromstring((project / "build" / "tei" / f"{doc_id}.xml").read_bytes(), SAFE_PARSER)


def body_text(tree) -> str:
    return " ".join("".join(tree.find("t:text/t:body", NS).itertext()).split())


def normalization(tree) -> str:
    return "".join(tree.find(".//t:editorialDecl/t:normalization", NS).itertext())


@pytest.fixture(scope="module")
def utf8_reading(tmp_path_factory):
    """The body text of TEXT built from UTF-8: what every converted file must give, letter for letter."""
    project = tiny_project(tmp_path_factory.mktemp("utf8"))
    from diplo_edition.cli import main

    assert main(["--root", str(project), "build", "--quiet", "--jobs", "1"]) == 0
    return body_text(tei_of(project))


# --- encodings ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "data", "label"),
    [
        ("windows-1251", TEXT.encode("cp1251"), "windows-1251 (Cyrillic), not UTF-8 (told from its letters)"),
        ("koi8-r", TEXT.encode("koi8-r"), "KOI8-R (Cyrillic), not UTF-8 (told from its letters)"),
        ("cp866", TEXT.encode("cp866"), "cp866 (DOS Cyrillic), not UTF-8 (told from its letters)"),
        ("utf-16-le", TEXT.encode("utf-16"),
         "UTF-16 (little-endian), not UTF-8 (told by its byte-order mark)"),
        ("utf-16-be", b"\xfe\xff" + TEXT.encode("utf-16-be"),
         "UTF-16 (big-endian), not UTF-8 (told by its byte-order mark)"),
        ("utf-16-le", TEXT.encode("utf-16-le"),
         "UTF-16 (little-endian), not UTF-8 (told from its NUL bytes)"),
        ("utf-16-be", TEXT.encode("utf-16-be"), "UTF-16 (big-endian), not UTF-8 (told from its NUL bytes)"),
        ("utf-32-le", TEXT.encode("utf-32"),
         "UTF-32 (little-endian), not UTF-8 (told by its byte-order mark)"),
    ],
)
def test_other_encodings_are_converted_with_a_warning_and_recorded_in_the_tei(
        tmp_path, capsys, utf8_reading, tei_all, encoding, data, label):
    project = tiny_project(tmp_path, data)
    code, out, err = build(capsys, project)
    assert code == EXIT_OK, err
    assert f"{SOURCE}: warning: the file is in {label}; it was converted" in err
    assert "0 errors, 1 warning" in out
    tree = tei_of(project)
    assert body_text(tree) == utf8_reading  # the same letters as from UTF-8: no mojibake
    assert f"The raw file {SOURCE} was in {encoding}, not UTF-8, and was converted to Unicode." \
        in normalization(tree)
    assert validate_tei(etree.tostring(tree), "x.xml") == []  # the packaged subset schema
    assert tei_all.validate(tree), tei_all.error_log


def test_latin1_text_with_accents_is_converted(tmp_path, capsys):
    english = ("The café in Zürich, where Müller and Gómez met in 1925, served crème brûlée.\n"
               "Their naïve façade fooled nobody; the rôle of each was clear.\n")
    project = tiny_project(tmp_path, english.encode("cp1252"))
    (project / "editions" / "test-doc.yml").write_text(DOCUMENT.format(
        id="test-doc", title='"Test"', file="test-doc.ru.txt").replace("[ru]", "[en]"), encoding="utf-8")
    code, _, err = build(capsys, project)
    assert code == EXIT_OK, err
    assert "warning: the file is in windows-1252 (Latin-1), not UTF-8" in err
    assert "crème brûlée" in body_text(tei_of(project))


def test_an_encoding_that_cannot_be_told_is_refused_with_how_to_convert(tmp_path, capsys):
    project = tiny_project(tmp_path, "ЖЗЙ КЛМ\n".encode("cp1251"))  # too few letters to tell
    code, _, err = build(capsys, project)
    assert code == EXIT_CONTENT
    assert (f"{SOURCE}:1: error: not valid UTF-8 (byte 0xc6), and its encoding cannot be told from its "
            "letters (windows-1251 or koi8-r?); convert the file to UTF-8 before adding it to sources/, "
            "e.g. iconv -f WINDOWS-1251 -t UTF-8 test-doc.ru.txt > test-doc.ru.txt.utf8") in err
    assert not (project / "build").exists()


CORPUS_LINES = [line for path in sorted((ROOT / "sources").glob("*.ru*.txt"))
                for line in path.read_text(encoding="utf-8").splitlines()[:400] if line.strip()]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(start=st.integers(0, len(CORPUS_LINES) - 1), length=st.integers(1, 40),
       encoding=st.sampled_from(["cp1251", "koi8-r", "cp866"]))
def test_never_mojibake_a_russian_text_is_converted_right_or_refused(start, length, encoding):
    text = "\n".join(CORPUS_LINES[start : start + length]) + "\n"
    text = "".join(c for c in text if c.encode(encoding, errors="ignore"))  # what the code page can hold
    try:
        decoded = decode(text.encode(encoding), "x.txt")
    except InputError as exc:
        assert "cannot be told" in str(exc) or "empty" in str(exc)
        return
    assert decoded.text == text


def test_bom_and_crlf_give_the_same_edition(tmp_path, capsys):
    plain = tiny_project(tmp_path, name="plain")
    windows = tiny_project(tmp_path, b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode(), name="windows")
    old_mac = tiny_project(tmp_path, TEXT.replace("\n", "\r").encode(), name="old-mac")
    for project in (plain, windows, old_mac):
        code, _, err = build(capsys, project)
        assert code == EXIT_OK and "warning" not in err
    def edition(project):  # About names each raw file's size and hash (and date): the bytes differ there
        return {path: data for path, data in snapshot(project / "build").items()
                if path.removeprefix("en/").split("/")[0] != "about"}

    expected = edition(plain)
    assert edition(windows) == expected
    assert edition(old_mac) == expected


# --- empty, binary, huge -----------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"\n\n  \n\t\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n"])
def test_an_empty_file_is_refused_naming_it(tmp_path, capsys, data):
    project = tiny_project(tmp_path, data)
    code, _, err = build(capsys, project)
    assert code == EXIT_CONTENT
    assert f"{SOURCE}: error: the file is empty (or holds only blank lines); add the OCR text to it, or " \
           "remove it from the edition file that lists it" in err
    assert "build failed: 1 error, 0 warnings" in err


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"abc\x00\x01\x02\xff" * 100, f"{SOURCE}:1: error: this is not a text file (it holds NUL bytes"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
         f"{SOURCE}: error: this is a PDF document, not a text file; extract its text (OCR) into a UTF-8"),
        (b"PK\x03\x04\x14\x00\x06\x00",
         f"{SOURCE}: error: this is a ZIP archive (a .docx or .odt document?)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", f"{SOURCE}: error: this is a PNG image, not a text file; run OCR"),
        (bytes(range(1, 32)) * 200,
         f"{SOURCE}:1:1: error: this is not a text file (control character U+0001"),
        ((TEXT + "стр\x07ока\n").encode(),
         f"{SOURCE}:7:4: error: the control character U+0007 is not text and cannot be put in the edition; "
         "delete it from the raw file"),
        # A form feed is a page break (test_page_furniture.py); a vertical tab is not text.
        ((TEXT + "\v" + TEXT).encode(), f"{SOURCE}:7:1: error: the control character U+000B is not text"),
    ],
    ids=["nul-bytes", "pdf", "docx", "png", "control-characters", "one-control-character", "vertical-tab"],
)
def test_a_binary_file_is_refused_naming_it(tmp_path, capsys, data, message):
    project = tiny_project(tmp_path, data)
    code, _, err = build(capsys, project)
    assert code == EXIT_CONTENT
    assert message in err
    assert "Traceback" not in err


@pytest.mark.slow  # 1-5 s (writes 45 MB); run in CI like every other test; -m 'not slow' skips it
def test_a_45_mb_file_on_one_line_is_refused_quickly(tmp_path, capsys):
    project = tiny_project(tmp_path)
    word = "Переговоры шли долго <b>&amp; ".encode()
    with (project / "sources" / "test-doc.ru.txt").open("wb") as f:
        f.write(word * (45 * 1024 * 1024 // len(word) + 1))
    assert 45 * 1024 * 1024 < (project / "sources" / "test-doc.ru.txt").stat().st_size <= \
        MAX_SOURCE_MEGABYTES * 1024 * 1024  # under the size limit: refused for its line
    started = time.perf_counter()
    code, _, err = build(capsys, project)
    elapsed = time.perf_counter() - started
    assert code == EXIT_CONTENT
    assert re.search(rf"{SOURCE}:1: error: line 1 is [\d,]+ characters long, more than the {MAX_LINE:,} that "
                     "a line of a raw OCR text can hold", err)
    assert elapsed < 60
    # The same for `new`: refused, nothing written.
    code, _, err = run(capsys, "--root", project, "new", SOURCE, "--id", "huge")
    assert code == EXIT_CONTENT and "characters long" in err
    assert not (project / "editions" / "huge.yml").exists()


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, capsys):
    project = tiny_project(tmp_path)
    with (project / "sources" / "test-doc.ru.txt").open("r+b") as f:
        f.truncate(3 * MAX_SOURCE_MEGABYTES * 1024 * 1024)  # sparse: no time and no disk to write it
    for argv in (["build", "--quiet", "--jobs", "1"], ["new", SOURCE, "--id", "huge"]):
        code, _, err = run(capsys, "--root", project, *argv)
        assert code == EXIT_CONTENT
        assert f"{SOURCE}: error: the file is {3 * MAX_SOURCE_MEGABYTES:,.1f} MB, more than the limit of " \
               f"{MAX_SOURCE_MEGABYTES} MB for a raw source; split it into one file per document, or raise " \
               "max_source_megabytes in editions/collection.yml" in err, err
    assert not (project / "editions" / "huge.yml").exists()


def test_the_size_limit_is_the_editions_to_set(tmp_path, capsys):
    project = tiny_project(tmp_path, TEXT * 8000)
    megabytes = (project / SOURCE).stat().st_size / 1024 / 1024
    collection = project / "editions" / "collection.yml"
    collection.write_text(collection.read_text(encoding="utf-8") + "max_source_megabytes: 1\n",
                          encoding="utf-8")
    code, _, err = build(capsys, project)
    assert code == EXIT_CONTENT
    assert f"{SOURCE}: error: the file is {megabytes:,.1f} MB, more than the limit of 1 MB" in err


def test_a_long_line_under_the_limit_builds(tmp_path, capsys):
    long_line = " ".join(["Переговоры шли долго, и стороны не раз прерывали их."] * 1800)[: MAX_LINE - 10]
    project = tiny_project(tmp_path, TEXT + long_line + "\n")
    started = time.perf_counter()
    code, _, err = build(capsys, project)
    assert code == EXIT_OK, err
    assert time.perf_counter() - started < 60


# --- edition and register files ----------------------------------------------------------------------

EDITION = "editions/test-doc.yml"


def _edit(project: Path, old: str, new: str) -> None:
    path = project / EDITION
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "messages"),
    [
        ('title: "Тестовый документ"', 'title: "Тестовый документ', [
            f"{EDITION}:9:1: error: malformed YAML: found unexpected end of stream (while scanning a quoted "
            "scalar at line 2); check indentation, colons and quoting here or just above"]),
        ("    role: body", "   role: body", [
            f"{EDITION}:8:4: error: malformed YAML: expected <block end>, "
            "but found '<block mapping start>'"]),
        ("  - file", "\t- file", [f"{EDITION}:7:1: error: malformed YAML: found character '\\t' that cannot "
                                  "start any token"]),
        ("authors:", "autors:", [f"{EDITION}:3:1: error: unknown key 'autors' (did you mean 'authors'?)"]),
        ("kind: article", "kind: artcle", [f"{EDITION}:4:7: error: unknown kind 'artcle' (did you mean "
                                           "'article'?)"]),
        ("authors: []", "authors: 5\nfirst_page: first\ndate: 1925-13-01", [
            f"{EDITION}:3:10: error: 'authors' must be a list of text, "
            "e.g. authors: [A. B. Ivanov, C. Smith], found the number 5",
            f"{EDITION}:4:13: error: 'first_page' must be a whole number of 1 or more written in digits, "
            "found text 'first'",
            f"{EDITION}:5:7: error: 'date' must be an ISO 8601 year, year-month or date such as 1959, "
            "1959-03 or 1959-03-14 (leave it out if unknown), found '1925-13-01'"]),
        ("languages: [ru]", "languages: ru", [
            f"{EDITION}:5:12: error: 'languages' must be a list of text, e.g. languages: [ru, en], "
            "found text 'ru'"]),
        ("sources/test-doc.ru.txt", "sources/missing.txt", [
            f"{EDITION}:7:11: error: source 'sources/missing.txt' does not exist; check the name or add the "
            "file to sources/"]),
        ("sources/test-doc.ru.txt", "../../etc/passwd", [
            f"{EDITION}:7:11: error: source path '../../etc/passwd' is outside sources/; put the file in "
            "sources/ and write 'sources/<name>'"]),
        ("sources/test-doc.ru.txt", "/etc/passwd", [f"{EDITION}:7:11: error: source path '/etc/passwd' is "
                                                    "outside sources/"]),
        ('title: "Тестовый документ"', "title: !!python/object/apply:os.system ['echo pwned']", [
            f"{EDITION}:2:8: error: 'title' must be text, found a value tagged "
            "tag:yaml.org,2002:python/object/apply:os.system"]),
        ("id: test-doc", "id: Test Doc", [f"{EDITION}:1:5: error: 'id' must be a lower-case slug"]),
    ],
    ids=["unclosed-quote", "indentation", "tab", "unknown-key", "unknown-kind", "wrong-types", "not-a-list",
         "missing-source", "outside-sources", "absolute-path", "python-tag", "bad-id"],
)
def test_broken_edition_files_give_file_line_column_and_what_to_do(tmp_path, capsys, old, new, messages):
    project = tiny_project(tmp_path)
    _edit(project, old, new)
    code, out, err = build(capsys, project)
    assert code == EXIT_CONTENT and out == ""
    for message in messages:
        assert message in err
    assert f"build failed: {len(messages)} error" in err
    assert "Traceback" not in err
    assert not (project / "build").exists()


def test_duplicate_document_ids(tmp_path, capsys):
    project = tiny_project(tmp_path)
    add_document(project, doc_id="second-doc")
    second = project / "editions" / "second-doc.yml"
    second.write_text(second.read_text(encoding="utf-8").replace("id: second-doc", "id: test-doc"),
                      encoding="utf-8")
    code, _, err = build(capsys, project)
    assert code == EXIT_CONTENT
    assert ("editions/test-doc.yml:1: error: duplicate id 'test-doc': also used in "
            "editions/second-doc.yml:1; give each document its own id") in err


def _registers(project: Path, name: str, text: str) -> None:
    (project / "editions" / "registers").mkdir(exist_ok=True)
    (project / "editions" / "registers" / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "text", "messages"),
    [
        ("persons.yml", "- id: karakhan\n  name: Карахан\n- id: karakhan\n  name: Карахан Л.М.\n", [
            "editions/registers/persons.yml:3:7: error: duplicate id 'karakhan': also used in "
            "editions/registers/persons.yml:1; give each entry its own id"]),
        ("places.yml", "- id: Urumqi City\n  name: Урумчи\n- name: Пекин\n", [
            "editions/registers/places.yml:1:7: error: 'id' must be a lower-case slug",
            "editions/registers/places.yml:3:3: error: the place entry is missing the required key 'id'; add "
            "a 'id:' line"]),
        ("organisations.yml", "- id: nkid\n  nmae: НКИД\n", [
            "editions/registers/organisations.yml:2:3: error: unknown key 'nmae' (did you mean 'name'?)"]),
        ("persons.yml", "- id: x\n  name: [X\n",
         ["editions/registers/persons.yml:3:1: error: malformed YAML"]),
        ("person.yml", "- id: x\n  name: X\n", ["editions/registers/person.yml: error: not a register file, "
                                               "so it is ignored; rename it to persons.yml"]),
    ],
    ids=["duplicate-id", "malformed-ids", "unknown-key", "malformed-yaml", "misnamed-file"],
)
def test_broken_register_files(tmp_path, capsys, name, text, messages):
    project = tiny_project(tmp_path)
    _registers(project, name, text)
    code, _, err = build(capsys, project)
    assert code == EXIT_CONTENT
    for message in messages:
        assert message in err


def test_problems_in_several_files_are_reported_together(tmp_path, capsys):
    project = tiny_project(tmp_path)
    add_document(project, b"")
    _edit(project, "authors:", "autors:")
    _registers(project, "persons.yml", "- id: X\n  name: X\n")
    code, _, err = build(capsys, project)
    assert code == EXIT_CONTENT
    assert "editions/test-doc.yml:3:1: error: unknown key 'autors'" in err
    assert "editions/registers/persons.yml:1:7: error: 'id' must be a lower-case slug" in err
    # The sources are read once the edition files load; then every unreadable source is named at once.
    _edit(project, "autors:", "authors:")
    (project / "editions" / "registers" / "persons.yml").unlink()
    (project / "sources" / "test-doc.ru.txt").write_bytes(b"\x00\x01binary")
    code, _, err = build(capsys, project)
    assert "sources/second-doc.ru.txt: error: the file is empty" in err
    assert "sources/test-doc.ru.txt:1: error: this is not a text file" in err
    assert "build failed: 2 errors, 0 warnings" in err


# --- markup in the text and the metadata -------------------------------------------------------------

HOSTILE = ['<script>alert("x")</script>', '<img src=x onerror=alert(1)>', "{{ 7*7 }}", "{% raw %}",
           "&amp;", "]]>"]


def test_markup_in_text_and_title_stays_text_everywhere(tmp_path, capsys):
    text = TEXT + "\n Вставка: " + " ".join(HOSTILE) + " конец.\n"
    title = '"Заголовок <script>alert(1)</script> {{ 7*7 }} <img src=x onerror=alert(2)>"'
    project = tiny_project(tmp_path, text, title=title)
    collection = project / "editions" / "collection.yml"
    collection.write_text(collection.read_text(encoding="utf-8") + 'introduction: "Введение <script>alert(3)'
                          '</script> [ссылка](javascript:alert(4)) {{ 7*7 }}"\n', encoding="utf-8")
    code, _, err = build(capsys, project)
    assert code == EXIT_OK, err
    site = project / "build"

    # TEI: the markup is text, not elements.
    tree = tei_of(project)
    assert not tree.xpath("//*[local-name()='script' or local-name()='img']")
    assert not tree.xpath("//@*[starts-with(local-name(), 'on')]")
    assert " ".join(HOSTILE) in body_text(tree)
    assert tree.find(".//t:titleStmt/t:title[@type='main']", NS).text == title.strip('"')

    # Every page: no script but the site's own, no event handler attribute, the markup shown as text.
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        tree_html = html.parse(str(page))
        scripts = tree_html.xpath("//script")
        own = {f.name for f in (site / "static").glob("*.js")}
        # The one inline script is the 404 page's own (it sets a base where a host serves the page for a
        # missing address deeper down), with the edition's path as JSON and nothing of the input; the
        # others inline are data (the words the scripts show, titles), never run, markup escaped.
        assert all((re.fullmatch(r"(\.\./)*static/([a-z-]+\.js)", s.get("src", ""))
                    and s.get("src").rsplit("/", 1)[1] in own and not (s.text or "").strip())
                   or (page.name == "404.html" and s.get("src") is None and "alert" not in s.text)
                   or (s.get("type") == "application/json" and s.get("src") is None
                       and "<" not in s.text)  # a title is JSON there, its markup escaped
                   for s in scripts), page
        assert not tree_html.xpath("//@*[starts-with(name(), 'on')]"), page
        assert not tree_html.xpath("//@href[starts-with(normalize-space(.), 'javascript:')]"), page
        assert not tree_html.xpath("//img[@src='x']"), page
        assert "<script>alert" not in page.read_text(encoding="utf-8"), page
    document = (site / "documents" / "test-doc" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in document and "{{ 7*7 }}" in document
    assert "Заголовок &lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in document
    shown = html.parse(str(site / "documents" / "test-doc" / "index.html")).getroot().text_content()
    assert '<script>alert("x")</script>' in shown and "<img src=x onerror=alert(1)>" in shown
    home = html.parse(str(site / "index.html")).getroot().text_content()
    assert "<script>alert(3)</script>" in home and "{{ 7*7 }}" in home

    # The search index, where the site has one: the markup is indexed as the text it is.
    pagefind = site / "pagefind"
    if pagefind.is_dir():
        import gzip
        import json

        contents = []
        for fragment in pagefind.rglob("*.pf_fragment"):
            data = gzip.decompress(fragment.read_bytes()).decode("utf-8")
            contents.append(json.loads(data[data.index("{"):]).get("content", ""))
        assert any('alert("x")' in content and "{{ 7*7 }}" in content for content in contents)


# --- XML is never read with entities or network ------------------------------------------------------

XML_CALLS = re.compile(r"etree\.(fromstring|parse|XML|iterparse|XMLParser|HTMLParser)\(")


def _whole_call(source: str, opening: int) -> str:
    """The arguments of a call, from its opening parenthesis to the one that closes it."""
    depth = 0
    for k in range(opening, len(source)):
        depth += {"(": 1, ")": -1}.get(source[k], 0)
        if depth == 0:
            return source[opening : k + 1]
    return source[opening:]


def test_every_xml_parser_in_the_code_is_safe():
    """Every lxml parse call passes a parser, and every parser is made without entities or network."""
    calls = []
    for path in sorted((ROOT / "src").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for match in XML_CALLS.finditer(source):
            call = _whole_call(source, match.end() - 1)
            where = f"{path.relative_to(ROOT)}: {' '.join(call.split())}"
            calls.append(where)
            safe_options = "resolve_entities=False" in call and "no_network=True" in call
            if match.group(1) in ("XMLParser", "iterparse"):  # iterparse takes the options, not a parser
                assert safe_options, where
            elif match.group(1) == "HTMLParser":
                assert "no_network=True" in call, where
            else:
                assert re.search(r",\s*(\w*PARSER|\w*parser)\b", call, re.IGNORECASE), where
    assert len(calls) >= 5


def test_an_external_entity_is_never_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    uri = secret.as_uri()
    documents = [
        f'<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY xxe SYSTEM "{uri}">]>'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&xxe;</p></body></text></TEI>',
        f'<?xml version="1.0"?><!DOCTYPE TEI SYSTEM "{uri}">'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>x</p></body></text></TEI>',
        '<?xml version="1.0"?><!DOCTYPE TEI SYSTEM "http://127.0.0.1:9/tei.dtd">'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>x</p></body></text></TEI>',
    ]
    for document in documents:
        started = time.perf_counter()
        problems = validate_tei(document.encode(), "build/tei/x.xml")
        assert time.perf_counter() - started < 5
        assert problems  # not a valid TEI document, reported as such...
        assert not any("TOP-SECRET" in str(p) for p in problems)  # ...and the file was never read
        tree = etree.fromstring(document.encode(), SAFE_PARSER)
        assert "TOP-SECRET" not in "".join(tree.itertext())
    # The letter balance and the site read TEI with safe parsers too.
    from diplo_edition.site.tei import parse
    from diplo_edition.tei.balance import tei_letters

    assert "TOP-SECRET" not in "".join(parse(documents[0].encode()).itertext())
    # The body holds the reference "&xxe;" as it was written, not the secret.
    assert tei_letters(documents[0].encode()) == {"x": 2, "e": 1}


# --- bidirectional control characters ("Trojan Source") -----------------------------------------------


def test_bidi_controls_are_warned_at_their_line_kept_in_the_tei_and_shown_visibly(tmp_path, capsys):
    override, isolate = "\u202e", "\u2066"
    text = TEXT + f"Сумма {override}0001 ₽{isolate} по договору.\n"
    project = tiny_project(tmp_path, text, title=f'"Тестовый {override}документ"')
    code, _, err = build(capsys, project)
    assert code == EXIT_OK, err
    line = text.count("\n")
    assert (f"{SOURCE}:{line}:7: warning: bidirectional control character U+202E RIGHT-TO-LEFT OVERRIDE, "
            "U+2066 LEFT-TO-RIGHT ISOLATE: invisible, it can reorder what a reader sees; it is kept in the "
            "TEI and shown as a visible mark in the site") in err
    assert f"Сумма {override}0001 ₽{isolate} по договору." in body_text(tei_of(project))  # nothing lost
    page = (project / "build" / "documents" / "test-doc" / "index.html").read_text(encoding="utf-8")
    assert not re.search("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]", page)  # nothing can reorder it
    shown = html.fromstring(page).xpath("//span[@class='bidi']")
    assert [(s.text, s.get("title")) for s in shown] == [
        ("⟨U+202E⟩", "U+202E RIGHT-TO-LEFT OVERRIDE"), ("⟨U+2066⟩", "U+2066 LEFT-TO-RIGHT ISOLATE")]
    assert "Тестовый ⟨U+202E⟩документ" in html.fromstring(page).findtext(".//title")  # plain text places
