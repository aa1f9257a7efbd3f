"""Loading and checking editions/*.yml: values, line numbers, and every problem reported with its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplo_edition.diagnostics import InputError
from diplo_edition.editions import Correction, SourceRef, load_edition

COLLECTION = """\
title: Дипломатические документы
title_en: Diplomatic documents
base_url: https://example.org/edition
languages: [ru, en]
publisher: Example University
introduction: |
  An *introduction*.
"""

VALID = """\
id: urumqi-1923
title: Урумчийские переговоры 1923 года
authors: [А. Б. Иванов, C. D. Smith]
kind: article
languages: [ru, en]
date: 2024-05-03
published_in: Вестник, 2010, № 3, с. 12–20
first_page: 12
sources:
  - file: sources/body.txt
    role: body
  - file: sources/abstract.txt
    role: abstract
    lang: en
references:
  1: Первый источник.
  2: Второй источник.
corrections:
  - sic: пререговоры
    corr: переговоры
    resp: ed
    note: typo
notes: |
  Text with *markdown*.
"""

# A minimal document whose lines are known: id 1, supplied_title 2, kind 3, languages 4, sources 5,
# its entry 6-7; sources comes last so that tests can append entries to it.
MINIMAL = """\
id: {id}
supplied_title: Report on the negotiations
kind: article
languages: [ru]
sources:
  - file: sources/{source}
    role: body
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "editions").mkdir()
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "body.txt").write_text("Текст.\n", encoding="utf-8")
    (tmp_path / "sources" / "abstract.txt").write_text("Abstract.\n", encoding="utf-8")
    (tmp_path / "sources" / "other.txt").write_text("Другой.\n", encoding="utf-8")
    (tmp_path / "editions" / "collection.yml").write_text(COLLECTION, encoding="utf-8")
    return tmp_path


def write(project: Path, name: str, text: str) -> None:
    (project / "editions" / name).write_text(text, encoding="utf-8")


def minimal(doc_id: str = "doc", source: str = "body.txt") -> str:
    return MINIMAL.format(id=doc_id, source=source)


def problems(project: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_edition(project)
    return [str(d) for d in caught.value.diagnostics]


def only(messages: list[str]) -> str:
    assert len(messages) == 1, messages
    return messages[0]


# --- valid input ---------------------------------------------------------------------------------------


def test_valid_edition_loads_with_values(project: Path) -> None:
    write(project, "urumqi.yml", VALID)
    edition = load_edition(project)

    collection = edition.collection
    assert collection.title == "Дипломатические документы"
    assert collection.base_url == "https://example.org/edition/"  # slash added
    assert collection.languages == ("ru", "en")
    assert collection.introduction == "An *introduction*."
    assert collection.about is None

    (doc,) = edition.documents
    assert doc.id == "urumqi-1923"
    assert doc.title == "Урумчийские переговоры 1923 года"
    assert doc.supplied_title is None
    assert doc.authors == ("А. Б. Иванов", "C. D. Smith")
    assert doc.kind == "article"
    assert doc.languages == ("ru", "en")
    assert doc.date == "2024-05-03"  # YAML's timestamp kept as written
    assert doc.published_in == "Вестник, 2010, № 3, с. 12–20"
    assert doc.first_page == 12
    assert doc.references == {1: "Первый источник.", 2: "Второй источник."}
    assert doc.corrections == (Correction("пререговоры", "переговоры", "typo", "ed", 19),)
    assert doc.notes == "Text with *markdown*."
    assert doc.file == project / "editions" / "urumqi.yml"


def test_sources_are_resolved_with_their_lines(project: Path) -> None:
    write(project, "urumqi.yml", VALID)
    (doc,) = load_edition(project).documents
    sources_dir = (project / "sources").resolve()
    assert doc.sources == (
        SourceRef(sources_dir / "body.txt", "sources/body.txt", "body", None, 10),
        SourceRef(sources_dir / "abstract.txt", "sources/abstract.txt", "abstract", "en", 12),
    )


def test_line_of_gives_each_top_level_key(project: Path) -> None:
    write(project, "urumqi.yml", VALID)
    (doc,) = load_edition(project).documents
    assert doc.line_of == {
        "id": 1, "title": 2, "authors": 3, "kind": 4, "languages": 5, "date": 6, "published_in": 7,
        "first_page": 8, "sources": 9, "references": 15, "corrections": 18, "notes": 23,
    }


def test_documents_sorted_by_id_and_defaults(project: Path) -> None:
    write(project, "a.yml", minimal("zeta", "body.txt"))
    write(project, "b.yml", minimal("alpha", "other.txt"))
    docs = load_edition(project).documents
    assert [d.id for d in docs] == ["alpha", "zeta"]
    assert docs[0].title is None
    assert docs[0].supplied_title == "Report on the negotiations"
    assert docs[0].authors == ()
    assert docs[0].references == {}
    assert docs[0].corrections == ()
    assert docs[0].date is None and docs[0].first_page is None


@pytest.mark.parametrize("date", ["1959", "2024-05", "2024-05-03", "'1959'"])
def test_valid_dates(project: Path, date: str) -> None:
    write(project, "doc.yml", minimal() + f"date: {date}\n")
    assert load_edition(project).documents[0].date == date.strip("'")


def test_same_file_as_body_and_abstract_of_other_document_is_allowed(project: Path) -> None:
    write(project, "a.yml", minimal("a"))
    write(project, "b.yml", minimal("b", "other.txt") + "  - file: sources/body.txt\n    role: copy\n")
    assert len(load_edition(project).documents) == 2


# --- malformed files -----------------------------------------------------------------------------------


def test_malformed_yaml_gives_line_and_problem(project: Path) -> None:
    write(project, "doc.yml", "id: doc\nkind: article\n  languages: [ru]\n")
    message = only(problems(project))
    assert "editions/doc.yml:3:" in message
    assert "malformed YAML: mapping values are not allowed here" in message


def test_unclosed_quote_mentions_where_it_started(project: Path) -> None:
    write(project, "doc.yml", 'id: x\ntitle: "unclosed\nkind: article\n')
    message = only(problems(project))
    assert "editions/doc.yml:4:" in message
    assert "while scanning a quoted scalar at line 2" in message


def test_top_level_must_be_a_mapping(project: Path) -> None:
    write(project, "doc.yml", "- id: doc\n")
    message = only(problems(project))
    assert "editions/doc.yml:1:1:" in message
    assert "must be a mapping" in message and "found a list" in message


def test_empty_file(project: Path) -> None:
    write(project, "doc.yml", "# nothing yet\n")
    assert "editions/doc.yml: error: the file is empty" in only(problems(project))


def test_not_utf8(project: Path) -> None:
    (project / "editions" / "doc.yml").write_bytes("id: doc\ntitle: Пример\n".encode("cp1251"))
    message = only(problems(project))
    assert "editions/doc.yml:2: error: not valid UTF-8" in message


def test_duplicate_key_reports_second_occurrence(project: Path) -> None:
    write(project, "doc.yml", minimal() + "kind: thesis\n")
    message = only(problems(project))
    assert "editions/doc.yml:8:1:" in message
    assert "duplicate key 'kind' (first given at line 3)" in message


def test_python_tags_are_not_constructed(project: Path) -> None:
    write(project, "doc.yml", minimal() + "notes: !!python/object/apply:os.system ['touch pwned']\n")
    message = only(problems(project))
    assert "editions/doc.yml:8:" in message
    assert "'notes' must be text, found a value tagged tag:yaml.org,2002:python/object/apply:os.system" \
        in message
    assert not (project / "pwned").exists()


# --- keys and types -----------------------------------------------------------------------------------


def test_unknown_key_with_suggestion(project: Path) -> None:
    write(project, "doc.yml", minimal() + "titel: Something\n")
    message = only(problems(project))
    assert "editions/doc.yml:8:1:" in message
    assert "unknown key 'titel' (did you mean 'title'?)" in message


def test_unknown_key_without_close_match_lists_allowed_keys(project: Path) -> None:
    write(project, "doc.yml", minimal() + "zzz: 1\n")
    message = only(problems(project))
    assert "unknown key 'zzz'; use one of: id, title, supplied_title" in message


def test_unknown_key_in_source_entry(project: Path) -> None:
    write(project, "doc.yml", minimal() + "  - file: sources/other.txt\n    role: copy\n    lnag: en\n")
    message = only(problems(project))
    assert "editions/doc.yml:10:5:" in message
    assert "unknown key 'lnag' (did you mean 'lang'?)" in message


def test_wrong_types(project: Path) -> None:
    text = """\
id: doc
supplied_title: A report
authors: Иванов
kind: article
languages: []
first_page: 12a
sources:
  - file: sources/body.txt
    role: body
"""
    write(project, "doc.yml", text)
    messages = problems(project)
    assert len(messages) == 3, messages
    assert "editions/doc.yml:3:10:" in messages[0]
    assert "'authors' must be a list of text" in messages[0] and "found text 'Иванов'" in messages[0]
    assert "editions/doc.yml:5:12:" in messages[1] and "'languages' is empty" in messages[1]
    assert "editions/doc.yml:6:13:" in messages[2]
    assert "'first_page' must be a whole number" in messages[2] and "found text '12a'" in messages[2]


@pytest.mark.parametrize("value", ["0", "-3", "1.5", "0x1F", "'12'"])
def test_first_page_must_be_positive_decimal(project: Path, value: str) -> None:
    write(project, "doc.yml", minimal() + f"first_page: {value}\n")
    assert "editions/doc.yml:8:13: error: 'first_page' must be a whole number" in only(problems(project))


def test_title_must_be_text(project: Path) -> None:
    write(project, "doc.yml", minimal() + "title: [a, b]\n")
    assert "editions/doc.yml:8:8: error: 'title' must be text, found a list" in only(problems(project))


def test_reference_keys_must_be_numbers(project: Path) -> None:
    write(project, "doc.yml", minimal() + "references:\n  1: First.\n  two: Second.\n  1: Again.\n")
    messages = problems(project)
    assert len(messages) == 2, messages
    assert "editions/doc.yml:10:3:" in messages[0] and "found text 'two'" in messages[0]
    assert "editions/doc.yml:11:3:" in messages[1] and "reference 1 is given twice" in messages[1]


def test_missing_required_key_points_at_mapping_start(project: Path) -> None:
    write(project, "doc.yml", "\n# header comment\nid: doc\nsupplied_title: X\nlanguages: [ru]\n"
                              "sources:\n  - file: sources/body.txt\n    role: body\n")
    message = only(problems(project))
    assert "editions/doc.yml:3:1:" in message
    assert "missing the required key 'kind'" in message


def test_correction_shape(project: Path) -> None:
    corrections = "corrections:\n  - sic: a\n    corr: a\n  - corr: b\n    resp: ed\n"
    write(project, "doc.yml", minimal() + corrections)
    messages = problems(project)
    assert len(messages) == 3, messages
    assert "editions/doc.yml:9:5:" in messages[0] and "missing the required key 'resp'" in messages[0]
    assert "editions/doc.yml:10:11:" in messages[1] and "'corr' is the same as 'sic'" in messages[1]
    assert "editions/doc.yml:11:5:" in messages[2] and "missing the required key 'sic'" in messages[2]


# --- sources -------------------------------------------------------------------------------------------


def test_missing_source(project: Path) -> None:
    write(project, "doc.yml", minimal(source="x.txt"))
    message = only(problems(project))
    assert "editions/doc.yml:6:11:" in message
    assert "source 'sources/x.txt' does not exist" in message


@pytest.mark.parametrize("path", ["../../etc/passwd", "sources/../../../etc/passwd", "/etc/passwd",
                                  "editions/collection.yml", "C:\\\\Windows\\\\win.ini"])
def test_source_outside_sources_is_refused(project: Path, path: str) -> None:
    write(project, "doc.yml", minimal().replace("sources/body.txt", path))
    message = only(problems(project))
    assert "editions/doc.yml:6:11:" in message
    assert "is outside sources/" in message


def test_source_must_be_a_file(project: Path) -> None:
    write(project, "doc.yml", minimal(source=""))
    message = only(problems(project))
    assert "editions/doc.yml:6:11:" in message and "source 'sources/' is not a regular file" in message


def test_symlink_out_of_sources_is_refused(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    secret = tmp_path_factory.mktemp("elsewhere") / "secret.txt"
    secret.write_text("secret\n", encoding="utf-8")
    (project / "sources" / "link.txt").symlink_to(secret)
    write(project, "doc.yml", minimal(source="link.txt"))
    assert "source path 'sources/link.txt' is outside sources/" in only(problems(project))


def test_no_body_source(project: Path) -> None:
    write(project, "doc.yml", minimal().replace("role: body", "role: abstract"))
    message = only(problems(project))
    assert "editions/doc.yml:6:3:" in message and "no source has role 'body'" in message


def test_unknown_role_with_suggestion(project: Path) -> None:
    write(project, "doc.yml", minimal().replace("role: body", "role: bdy"))
    # only the misspelt role: "no body" would be noise, as the entry is probably the body
    message = only(problems(project))
    assert "editions/doc.yml:7:11:" in message and "unknown role 'bdy' (did you mean 'body'?)" in message


def test_same_body_in_two_documents(project: Path) -> None:
    write(project, "a.yml", minimal("a"))
    write(project, "b.yml", minimal("b"))
    message = only(problems(project))
    assert "editions/b.yml:6:" in message
    assert "already the body of editions/a.yml:6" in message


def test_same_source_twice_in_one_document(project: Path) -> None:
    write(project, "doc.yml", minimal() + "  - file: sources/body.txt\n    role: copy\n")
    message = only(problems(project))
    assert "editions/doc.yml:8:11:" in message and "is also at line 6" in message


# --- values --------------------------------------------------------------------------------------------


def test_duplicate_ids_across_files(project: Path) -> None:
    write(project, "first.yml", minimal("same", "body.txt"))
    write(project, "second.yml", "# the second one\n" + minimal("same", "other.txt"))
    message = only(problems(project))
    assert "editions/second.yml:2:" in message
    assert "duplicate id 'same': also used in editions/first.yml:1" in message


@pytest.mark.parametrize("slug", ["Doc", "1doc", "doc_one", "doc one", "документ"])
def test_bad_slug(project: Path, slug: str) -> None:
    write(project, "doc.yml", minimal(f"'{slug}'"))
    message = only(problems(project))
    assert "editions/doc.yml:1:5:" in message and "'id' must be a lower-case slug" in message


def test_bad_kind_with_suggestion(project: Path) -> None:
    write(project, "doc.yml", minimal().replace("kind: article", "kind: artcle"))
    message = only(problems(project))
    assert "editions/doc.yml:3:7:" in message and "unknown kind 'artcle' (did you mean 'article'?)" in message


@pytest.mark.parametrize("date", ["2024-13", "1959-02-30", "May 1959", "59", "2024-05-03 10:00"])
def test_invalid_date(project: Path, date: str) -> None:
    write(project, "doc.yml", minimal() + f"date: {date}\n")
    message = only(problems(project))
    assert "editions/doc.yml:8:7:" in message and "'date' must be an ISO 8601 year" in message


def test_missing_title_and_supplied_title(project: Path) -> None:
    write(project, "doc.yml", minimal().replace("supplied_title: Report on the negotiations\n", ""))
    message = only(problems(project))
    assert "editions/doc.yml:1:1:" in message
    assert "add 'supplied_title:'" in message and "without brackets" in message


def test_supplied_title_in_brackets(project: Path) -> None:
    write(project, "doc.yml", minimal().replace("Report on the negotiations", "'[Report]'"))
    assert "without the surrounding brackets" in only(problems(project))


def test_bad_language_code(project: Path) -> None:
    write(project, "doc.yml", minimal().replace("[ru]", "[ru, Russian]"))
    message = only(problems(project))
    assert "editions/doc.yml:4:17:" in message and "'Russian' is not a BCP-47 language code" in message


# --- collection.yml -----------------------------------------------------------------------------------


def test_base_url_must_be_http(project: Path) -> None:
    write(project, "collection.yml", COLLECTION.replace("https://example.org/edition", "ftp://example.org/"))
    write(project, "doc.yml", minimal())
    message = only(problems(project))
    assert "editions/collection.yml:3:11:" in message and "base_url must be an absolute http://" in message


def test_collection_missing_required_keys(project: Path) -> None:
    write(project, "collection.yml", "title_en: X\n")
    write(project, "doc.yml", minimal())
    messages = problems(project)
    assert len(messages) == 3, messages
    assert all("editions/collection.yml:1:1:" in m for m in messages)


def test_missing_collection_file(project: Path) -> None:
    (project / "editions" / "collection.yml").unlink()
    write(project, "doc.yml", minimal())
    assert "editions/collection.yml: error: not found" in only(problems(project))


# --- everything at once --------------------------------------------------------------------------------


def test_all_problems_of_one_file_are_reported_together(project: Path) -> None:
    text = """\
id: Bad_Id
titel: Something
kind: paper
languages: ru
date: 2024-13
first_page: 0
sources:
  - file: ../../etc/passwd
    role: body
  - file: sources/missing.txt
    role: abstract
"""
    write(project, "doc.yml", text)
    messages = problems(project)
    # bad slug, unknown key, bad kind, languages not a list, bad date, bad first_page, outside sources/,
    # missing source, no title
    assert len(messages) == 9, messages
    lines = [int(m.split(":")[1]) for m in messages]
    assert lines == sorted(lines)
    assert lines == [1, 1, 2, 3, 4, 5, 6, 8, 10]


def test_problems_in_several_files_are_all_reported(project: Path) -> None:
    write(project, "collection.yml", COLLECTION.replace("https://", "file://"))
    write(project, "a.yml", minimal().replace("article", "book"))
    write(project, "b.yml", minimal("b", "nothing.txt"))
    messages = problems(project)
    assert [m.split(":")[0] for m in messages] == [
        "editions/collection.yml", "editions/a.yml", "editions/b.yml"]
