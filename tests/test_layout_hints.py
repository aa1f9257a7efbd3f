"""Layout hints: what detection cannot settle, declared in the document file (``layout:``), is honoured by
the passes; a declaration the text contradicts is warned about, naming both."""

from __future__ import annotations

import shutil
from collections import Counter

import pytest
from conftest import NS, ROOT
from lxml import etree
from projects import add_document, run, tiny_project

from diplo_edition.cli import EXIT_OK
from diplo_edition.config.schema import NOTE_LABEL_STYLES
from diplo_edition.diagnostics import InputError
from diplo_edition.editions import load_edition
from diplo_edition.layout.note_labels import LABEL_STYLES
from diplo_edition.pipeline import process_document
from diplo_edition.tei.validate import SAFE_PARSER

PAGES = [
    "Переговоры о торговом договоре начались весной и шли медленно, с перерывами.\n"
    "Стороны обменивались проектами, но не могли сойтись в главном.",
    "Советская делегация настаивала на праве торгового представительства вести\n"
    "дела от имени государства, немецкая сторона возражала.",
    "Летом в Берлин прибыл новый полпред, и дело наконец сдвинулось с места.\n"
    "Ему удалось договориться о порядке арбитража по спорным сделкам.",
    "Осенью проект был согласован в комиссиях и передан обоим правительствам.\n"
    "Оставался вопрос о сроке действия договора и порядке его продления.",
    "Договор был подписан в октябре и вступил в силу в начале следующего года,\n"
    "после обмена ратификационными грамотами в Москве.",
    "Он действовал десять лет и стал образцом для договоров с другими странами,\n"
    "которые заключались в те годы на тех же началах.",
]
HEAD = "ТОРГОВЫЕ ДОГОВОРЫ СССР"


def two_heads_only() -> str:
    """Six pages with their numbers at the foot; the running head printed on two pages only."""
    return "".join(
        (f"{HEAD}\n\n" if k in (1, 4) else "") + f"{text}\n\n{101 + k}\n\f" for k, text in enumerate(PAGES)
    )


def build(tmp_path, text: str, layout: str = ""):
    project = tiny_project(tmp_path, text)
    if layout:
        with (project / "editions" / "test-doc.yml").open("a", encoding="utf-8") as f:
            f.write(f"layout:\n{layout}")
    edition = load_edition(project)
    result = process_document(edition.documents[0], edition.collection, Counter())
    return result, etree.fromstring(result.tei, SAFE_PARSER)


def reading_text(tree) -> str:
    return "".join(tree.xpath("//t:body//text()[not(ancestor::t:fw)]", namespaces=NS))


def heads(tree) -> list[str]:
    return [el.text for el in tree.iterfind(".//t:body//t:fw[@type='header']", NS)]


def test_a_head_on_two_pages_only_is_left_in_the_text_by_detection(tmp_path):
    result, tree = build(tmp_path, two_heads_only())
    assert heads(tree) == []
    assert HEAD in reading_text(tree)
    # Its letters are all in the TEI, and the raw page edges show no head repeated: nothing to miss.
    assert ": balanced; page furniture: 0 running heads, 6 page numbers" in result.report.letters


def test_a_declared_running_head_is_kept_out_of_the_text(tmp_path):
    result, tree = build(tmp_path, two_heads_only(), f"  running_heads: [{HEAD}]\n")
    assert heads(tree) == [HEAD, HEAD]
    assert HEAD not in reading_text(tree)
    assert [el.get("n") for el in tree.iterfind(".//t:body//t:pb", NS)] == [str(n) for n in range(101, 107)]
    # The balance reads the raw page edges with the declaration too: both heads found there, both fw.
    assert ": balanced; page furniture: 2 running heads, 6 page numbers" in result.report.letters
    assert not [d for d in result.diagnostics if "running head" in d.message]


def test_a_declared_head_at_no_page_edge_is_warned_about(tmp_path):
    result, _ = build(tmp_path, two_heads_only(), "  running_heads: [ИСТОРИЯ ДИПЛОМАТИИ]\n")
    messages = [str(d) for d in result.diagnostics]
    assert any("'ИСТОРИЯ ДИПЛОМАТИИ' declared in the edition file (layout: running_heads) stands at no page "
               "edge" in m for m in messages), messages


def test_a_head_found_on_every_page_but_not_declared_is_warned_about_naming_both(tmp_path):
    text = "".join(f"{HEAD}\n\n{page}\n\n{101 + k}\n\f" for k, page in enumerate(PAGES))
    result, tree = build(tmp_path, text, "  running_heads: [ДРУГОЙ ЗАГОЛОВОК]\n")
    assert heads(tree) == [HEAD] * 6  # the evidence is strong: the head is kept out all the same
    warned = [str(d) for d in result.diagnostics if "is found on 6 pages but not declared" in d.message]
    assert warned and f"'{HEAD}'" in warned[0] and "'ДРУГОЙ ЗАГОЛОВОК'" in warned[0]


ENDNOTES = (
    "Переговоры о торговом договоре начались весной1 и шли медленно. Стороны\n"
    "обменивались проектами, но не могли сойтись в главном2.\n"
    "\n"
    "Пояснения\n"
    "\n"
    "1 Весной 1925 г., после обмена нотами.\n"
    "2 Прежде всего о статусе торгового представительства.\n"
)


def test_a_declared_endnote_title_opens_a_section_of_notes(tmp_path):
    result, _ = build(tmp_path, ENDNOTES)
    assert result.report.endnotes == 0  # "Пояснения" is no endnote title the language packs know
    result, tree = build(tmp_path / "hinted", ENDNOTES, "  endnote_titles: [Пояснения]\n")
    assert result.report.endnotes == 2
    notes = [(n.get("place"), n.get("n")) for n in tree.iterfind(".//t:body//t:note", NS)]
    assert notes == [("end", "1"), ("end", "2")]
    assert result.report.letters.endswith("balanced")


def test_a_declared_endnote_title_never_found_is_warned_about_at_the_layout_key(tmp_path):
    result, _ = build(tmp_path, ENDNOTES, "  endnote_titles: [Пояснение]\n")
    warned = [d for d in result.diagnostics if "'Пояснение' declared in the edition file" in d.message]
    assert [(d.file, d.line) for d in warned] == [("editions/test-doc.yml", 10)]
    assert "opens no section of notes" in warned[0].message


def notes_of(tree) -> list[tuple[str, str]]:
    """Each note's label and text."""
    return [(n.get("n"), "".join(n.itertext()).strip()) for n in tree.iterfind(".//t:body//t:note", NS)]


# A list numbered "1.", "2." under a paragraph whose note is marked "(1)": detection reads the list as notes.
NUMBERED_LIST = (
    "Нарком изложил условия в записке от 12 мая, приложенной к протоколу (1).\n"
    "Условия соглашения были сформулированы в двух пунктах, и обе стороны\n"
    "согласились их обсуждать на следующем заседании комиссии, через неделю.\n"
    "1. Советская сторона признает довоенные долги.\n"
    "2. Французская сторона предоставляет кредит.\n"
    "Переговоры шли долго и трудно, но к осени стороны сблизились.\n"
    "\n"
    "(1) АВП РФ. Ф. 04. Оп. 15. Д. 175. Л. 76.\n"
)


def test_declared_note_markers_keep_a_numbered_list_in_the_text(tmp_path):
    _, tree = build(tmp_path, NUMBERED_LIST)
    assert [n for n, _ in notes_of(tree)][:2] == ["1", "2"]  # detection alone: the list items are notes
    result, tree = build(tmp_path / "hinted", NUMBERED_LIST, "  note_markers: [paren]\n")
    assert notes_of(tree) == [("1", "АВП РФ. Ф. 04. Оп. 15. Д. 175. Л. 76.")]
    assert "1. Советская сторона признает довоенные долги." in reading_text(tree)
    assert ": balanced" in result.report.letters


def test_an_unknown_note_marker_style_is_refused_with_a_suggestion(tmp_path):
    project = tiny_project(tmp_path)
    with (project / "editions" / "test-doc.yml").open("a", encoding="utf-8") as f:
        f.write("layout:\n  note_markers: [parens]\n")
    with pytest.raises(InputError) as err:
        load_edition(project)
    assert "unknown entry of 'note_markers' 'parens' (did you mean 'paren'?)" in str(err.value)


# One sequence of notes over two pages; on the second a list numbered "1", "2" after a word that ends in a
# digit: detection takes the "1" for the notes starting again on a new page.
ONE_SEQUENCE = (
    "Переговоры начались весной и шли медленно.1 Стороны обменялись\n"
    "проектами, но не сошлись в главном.2\n\n"
    "1 АВП РФ. Ф. 04. Оп. 15. Д. 175. Л. 76.\n"
    "2 ГАРФ. Ф. 5446. Оп. 1. Д. 12. Л. 3.\n"
    "\fУсловия соглашения были сформулированы в двух пунктах1 и обе стороны\n"
    "согласились их обсуждать на следующем заседании комиссии, через неделю.\n"
    "1 Советская сторона признает довоенные долги.\n"
    "2 Французская сторона предоставляет кредит.\n"
    "Переговоры шли долго и трудно, но к осени стороны сблизились.3\n\n"
    "3 РГАСПИ. Ф. 17. Оп. 3. Д. 500. Л. 1.\n"
)


def test_notes_declared_one_sequence_do_not_start_again_at_1(tmp_path):
    _, tree = build(tmp_path, ONE_SEQUENCE)
    assert [n for n, _ in notes_of(tree)] == ["1", "2", "1", "2", "3"]
    result, tree = build(tmp_path / "hinted", ONE_SEQUENCE, "  notes_restart: document\n")
    assert [n for n, _ in notes_of(tree)] == ["1", "2", "3"]
    assert "1 Советская сторона признает довоенные долги." in reading_text(tree)
    assert ": balanced" in result.report.letters


# Notes numbered on every page; on the second, a line of the text opens with "5" after a "5" glued to a
# comma: detection takes it for note 5 following note 4 of the page before.
PER_PAGE = (
    "Переговоры начались весной.1 Стороны обменялись проектами.2 Потом\n"
    "наступила пауза.3 Осенью работа возобновилась.4\n\n"
    "1 АВП РФ. Ф. 04. Оп. 15. Д. 175. Л. 76.\n"
    "2 ГАРФ. Ф. 5446. Оп. 1. Д. 12. Л. 3.\n"
    "3 Там же. Л. 4.\n"
    "4 Там же. Л. 5.\n"
    "\fК ноябрю в Москву прибыли все делегации, кроме японской,5 и комиссия\n"
    "5 делегаций начала работу в полном составе без перерывов и отсрочек.\n"
    "Первое заседание прошло спокойно.1\n\n"
    "1 РГАСПИ. Ф. 17. Оп. 3. Д. 500. Л. 1.\n"
)


def test_notes_declared_per_page_start_again_at_1_on_a_new_page(tmp_path):
    _, tree = build(tmp_path, PER_PAGE)
    assert [n for n, _ in notes_of(tree)] == ["1", "2", "3", "4", "5", "1"]
    result, tree = build(tmp_path / "hinted", PER_PAGE, "  notes_restart: page\n")
    assert [n for n, _ in notes_of(tree)] == ["1", "2", "3", "4", "1"]
    assert "5 делегаций начала работу" in reading_text(tree)
    assert ": balanced" in result.report.letters


def test_an_unknown_layout_key_is_refused_at_its_line(tmp_path):
    project = tiny_project(tmp_path)
    with (project / "editions" / "test-doc.yml").open("a", encoding="utf-8") as f:
        f.write("layout:\n  running_head: [X]\n")
    with pytest.raises(InputError) as err:
        load_edition(project)
    message = "test-doc.yml:10:3: error: unknown key 'running_head' (did you mean 'running_heads'?)"
    assert message in str(err.value)


# --- what `new` and `check --layout` report ---------------------------------------------------------

CORPUS_FILE = ROOT / "bench" / "layout" / "raw" / "fr-article-perpage.pdftotext.txt"
SEED_FILE = ROOT / "sources" / "soviet-japanese-convention-1925.ru-en.txt"


def test_new_writes_the_evidence_and_the_hints_commented_out(tmp_path, capsys):
    project = tiny_project(tmp_path)
    shutil.copy(CORPUS_FILE, project / "sources" / "fr-article.txt")
    code, out, err = run(capsys, "--root", project, "new", "sources/fr-article.txt")
    assert code == EXIT_OK, err
    written = (project / "editions" / "fr-article.yml").read_text(encoding="utf-8")
    for found in ("running head 'Hélène Morvan' on 2 of 4 pages (lines 36, 103)",
                  "running head 'La sécurité collective' on 1 of 4 pages (line 66)",
                  "page numbers at the head and at the foot, 77–80 in sequence (4 printed)",
                  "15 footnotes on 3 pages, labelled 'n.', restarting on 2 of 3 pages"):
        assert f"#   {found}\n" in written and f"  {found}\n" in out
    heads = '["Hélène Morvan", "La sécurité collective"]'
    hints = (f"# layout:\n#   running_heads: {heads}\n#   endnote_titles: []\n#   note_markers: [dotted]\n"
             "#   notes_restart: page\n")
    assert written.endswith(hints)
    # Uncommented, the hints load as they were found.
    (project / "editions" / "fr-article.yml").write_text(
        written.replace(hints, hints.replace("# ", "").replace("#", "")), encoding="utf-8")
    doc = next(d for d in load_edition(project).documents if d.id == "fr-article")
    assert doc.layout.running_heads == ("Hélène Morvan", "La sécurité collective")
    assert doc.layout.endnote_titles == ()
    assert (doc.layout.note_markers, doc.layout.notes_restart) == (("dotted",), "page")


def test_new_on_a_seed_reports_its_notes(tmp_path, capsys):
    project = tiny_project(tmp_path)
    shutil.copy(SEED_FILE, project / "sources" / "convention.txt")
    code, _, err = run(capsys, "--root", project, "new", "sources/convention.txt")
    assert code == EXIT_OK, err
    written = (project / "editions" / "convention.yml").read_text(encoding="utf-8")
    assert "#   no printed page numbers on 6 pages\n" in written
    assert "#   6 footnotes on 4 pages, labelled 'n', numbered through the document\n" in written
    assert written.endswith("# layout:\n#   running_heads: []\n#   endnote_titles: []\n"
                            "#   note_markers: [digit]\n#   notes_restart: document\n")


def test_check_layout_prints_what_was_found_for_every_document(tmp_path, capsys):
    project = tiny_project(tmp_path)
    add_document(project, CORPUS_FILE.read_text(encoding="utf-8"), doc_id="fr-article", file="fr-article.txt")
    with (project / "editions" / "fr-article.yml").open("a", encoding="utf-8") as f:
        f.write("layout:\n  running_heads: [Hélène Morvan, La sécurité collective]\n")
    add_document(project, SEED_FILE.read_text(encoding="utf-8"), doc_id="convention", file="convention.txt")
    code, out, err = run(capsys, "--root", project, "check", "--layout")
    assert code == EXIT_OK, err
    assert out.index("convention: layout found\n") < out.index("fr-article: layout found\n")
    assert "  6 footnotes on 4 pages, labelled 'n', numbered through the document\n" in out
    # Declared, the heads are the ones found (the title page's author line is none of them).
    assert "  running head 'Hélène Morvan' on 2 of 4 pages (lines 36, 103)\n" in out
    assert "test-doc: layout found\n  no printed page numbers on 1 pages\n" in out
    code, out, _ = run(capsys, "--root", project, "check")
    assert code == EXIT_OK and "layout found" not in out


def test_the_declarable_label_styles_are_those_the_notes_code_reads():
    assert set(NOTE_LABEL_STYLES) == {style for style, _ in LABEL_STYLES}
