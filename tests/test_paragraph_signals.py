"""Paragraph ends from the print's own signals when no blank line marks them: a last line a little shorter
than the shortest full line, a note symbol or an OCR-read marker after the stop, a first line that lost its
indent; the blank lines win where a document has them; a separator read by OCR is a milestone. Each text
is written as `pdftotext` (plain, no -layout) or Tesseract writes it, and built through the whole pipeline."""

from __future__ import annotations

from pathlib import Path

from conftest import NS
from test_paragraphs_headings import build, heads, paragraphs

from diplo_edition.layout.line_signals import closes_sentence
from diplo_edition.layout.line_widths import typeset_width

CORPUS = Path(__file__).resolve().parents[1] / "bench" / "layout" / "raw"

# Full lines of justified type as plain `pdftotext` writes them (60 to 64 characters), three paragraphs'
# worth, each different (a text repeated would be taken for a second copy and left out).
A = [
    "Переговоры начались весной 1923 г., когда делегация прибыла в",
    "столицу провинции после долгого пути через степь и горы края.",
    "Губернатор принял её любезно, но ничего определённого не обещал",
    "и сослался на указания из Пекина, которых он ждал уже полгода.",
    "Торговля между Синьцзяном и Россией прервалась ещё в годы войны,",
    "и купцы обеих сторон добивались её возобновления с 1920 года.",
]
B = [
    "Летом консульства в Кульдже и Чугучаке снова открыли свои двери,",
    "хотя персонал их был невелик и плохо знал местные обычаи края.",
    "Местные власти присматривались к новым соседям с осторожностью",
    "и не спешили отвечать на их многочисленные запросы о пошлинах.",
    "Купцы же, не дожидаясь решений, везли товары через перевалы на",
    "свой страх и риск, как делали их отцы и деды в прежние времена.",
]
C = [
    "Осенью в Урумчи прибыла вторая делегация с новыми инструкциями",
    "наркомата, где речь шла уже о постоянном торговом агентстве.",
    "Губернатор долго медлил с ответом, ссылаясь на свою болезнь и",
    "на занятость делами провинции, но потом согласился их принять.",
    "Беседа продолжалась несколько часов и закончилась их обещанием",
    "рассмотреть проект договора на ближайшем совете всей провинции.",
]
MEASURE = 60


def test_the_sample_lines_are_full_lines():
    assert all(MEASURE <= len(line) <= 64 for line in A + B + C)


def test_a_last_line_just_under_the_measure_ends_its_paragraph(tmp_path):
    # 56 characters: under the shortest full line (60), though more than nine tenths of it.
    last = "Ничего не было подписано до самого конца этого года той."
    assert 0.9 * MEASURE < len(last) < 0.97 * MEASURE
    text = "\n".join([*A, last, *B, "Делегация вернулась в Москву."]) + "\n"
    tree, result = build(tmp_path, text)
    texts = paragraphs(tree)
    assert len(texts) == 2
    assert texts[0].endswith("конца этого года той.") and texts[1].startswith("Летом")
    assert "balanced" in result.report.letters


def test_a_full_last_line_is_no_evidence_and_the_paragraph_runs_on(tmp_path):
    # A sentence that ends on a full line before a capital: nothing tells a paragraph end.
    text = "\n".join([*A[:2], "Он ждал указаний из Пекина, которых всё не было и не было тогда.", *B]) + "\n"
    tree, _ = build(tmp_path, text)
    assert len(paragraphs(tree)) == 1


def test_a_note_symbol_after_the_stop_still_closes_the_sentence(tmp_path):
    text = "\n".join([*A, "Ответа не последовало.‡", *B[:4], "Делегация вернулась."]) + "\n"
    tree, _ = build(tmp_path, text)
    texts = paragraphs(tree)
    assert len(texts) == 2
    assert texts[1].startswith("Летом консульства")


def test_markers_that_ocr_reads_after_the_stop():
    for line in ("после долгих и трудных консультаций. 3", "составлялись очень тщательно.“",
                 "на протяжении всего десятилетия. |", "flexibility and persistence.®", "Москвы.∗"):
        assert closes_sentence(line), line
    assert not closes_sentence("на крупные заказы, которые так и3) не")


def test_a_first_line_that_lost_its_indent_opens_a_paragraph(tmp_path):
    # The previous paragraph ends on a full line; the next one's first line is shorter than a full line
    # (its indent) and runs on into the next: a first line.
    ends_full = "Губернатор ответил, что подождёт указаний из Пекина до весны."
    first = "Торговые соглашения с Синьцзяном обеспечивали поставки"
    assert len(ends_full) >= MEASURE and 0.8 * MEASURE <= len(first) < 0.97 * MEASURE
    text = "\n".join([*A, ends_full, first, *B[1:], "Договор так и не был подписан."]) + "\n"
    tree, _ = build(tmp_path, text)
    texts = paragraphs(tree)
    assert len(texts) == 2
    assert texts[0].endswith("до весны.") and texts[1].startswith("Торговые соглашения")


# Tesseract: a blank line after each block, which is a paragraph. A sentence that ends a little short
# of the measure inside a block is no paragraph end: the blank lines are this document's evidence.
OCR_BLOCKS = "\n".join([
    *A[:4], "Ответа не было, и делегаты писали в Москву снова и снова.", *A[4:], "Так прошла зима.", "",
    *B, "Делегаты ждали ответа весь месяц, но его всё не было. 3", "",
    *C, "Договор подписали в декабре.", "",
]) + "\n"


def test_blank_lines_win_where_the_document_has_them(tmp_path):
    tree, _ = build(tmp_path, OCR_BLOCKS)
    texts = paragraphs(tree)
    assert len(texts) == 3
    assert "в Москву снова и снова. Торговля между" in texts[0]
    assert texts[1].startswith("Летом") and texts[1].endswith("его всё не было. 3")
    assert texts[2].startswith("Осенью")


def test_a_separator_read_by_ocr_is_a_milestone_not_a_heading(tmp_path):
    text = "\n".join([*A, "Делегация вернулась.", "", "* OK OK", "", *B, "Конец."]) + "\n"
    tree, result = build(tmp_path, text)
    assert heads(tree) == []
    assert len(tree.findall(".//t:body//t:milestone", NS)) == 1
    assert len(paragraphs(tree)) == 2
    assert "balanced" in result.report.letters


def test_lines_that_end_sentences_at_a_page_foot_before_a_lowercase_continuation_open_no_paragraph(tmp_path):
    # Note lines left in the text at the foot of the page: each ends a sentence, yet the text after the
    # page break runs on in lowercase, so the paragraph before them goes on; they open none.
    text = "\n".join([
        *A, "Весной делегация получила новые инструкции наркомата, согласно",
        "Отчёт консула. Кульджа, 1924.", "Там же. Л. 12.", "\f",
        *["которым ей предстояло добиваться открытия торгового агентства.", *B], "Договор подписали.",
    ]) + "\n"
    tree, result = build(tmp_path, text)
    texts = paragraphs(tree)
    assert len(texts) == 1, texts
    assert texts[0].startswith("Переговоры") and texts[0].endswith("Договор подписали.")
    assert "balanced" in result.report.letters


# A narrow column (two-column print), 26 to 29 characters a full line: a line one character under the
# measure is within the column's spread, one that lost an indent (two characters or more) is a first line.
COLUMN = [
    "Переговоры начались весной", "1923 года, когда делегация", "прибыла в столицу провинции",
    "после долгого пути по горам и", "степям, где губернатор принял", "её любезно, но не обещал ни",
    "чего определённого, ожидая", "указаний из Пекина, которых", "всё не было полгода подряд.",
]
COLUMN_ON = [
    "в Кульдже и Чугучаке, хотя", "персонал их был мал и плохо", "знал местные обычаи и язык.",
    "Купцы же не ждали решений и", "везли товары через перевалы", "на свой страх и риск, как их",
    "отцы их и деды в былые годы,", "и никто их не останавливал.",
]


def test_a_first_line_in_a_narrow_column_is_short_by_an_indent_not_by_one_character(tmp_path):
    assert all(26 <= len(line) <= 29 for line in COLUMN + COLUMN_ON)
    assert sum(len(line) == 29 for line in COLUMN + COLUMN_ON) >= 2  # the measure is 26, not 25
    within_spread, set_in = "Летом открыли консульства", "Летом открыли агентства"
    assert (len(within_spread), len(set_in)) == (25, 23)
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    tree, _ = build(tmp_path / "one", "\n".join([*COLUMN, within_spread, *COLUMN_ON]) + "\n")
    assert len(paragraphs(tree)) == 1
    tree, _ = build(tmp_path / "two", "\n".join([*COLUMN, set_in, *COLUMN_ON]) + "\n")
    texts = paragraphs(tree)
    assert len(texts) == 2
    assert texts[0].endswith("полгода подряд.") and texts[1].startswith("Летом открыли агентства")


# Tesseract sets each line of a wrapped heading apart by blank lines, like the blocks around it.
def ocr_heading(*heading: str) -> str:
    return "\n".join([*A, "Делегация вернулась.", "", *(part for line in heading for part in (line, "")),
                      *B, "Договор подписали.", ""]) + "\n"


def test_a_numbered_heading_runs_on_past_a_blank_line_into_a_lowercase_fragment(tmp_path):
    tree, result = build(tmp_path, ocr_heading("2. Переговоры и их", "участники"))
    assert heads(tree) == ["2. Переговоры и их участники"]
    texts = paragraphs(tree)
    assert len(texts) == 2 and texts[1].startswith("Летом консульства")
    assert "balanced" in result.report.letters


def test_a_heading_broken_at_a_hyphen_runs_on_into_a_fragment_ocr_read_in_capitals(tmp_path):
    tree, _ = build(tmp_path, ocr_heading("4. Итоги и послед-", "СТВИЯ"))
    assert [h.lower() for h in heads(tree)] == ["4. итоги и последствия"]
    assert paragraphs(tree)[1].startswith("Летом консульства")


def test_a_heading_that_ends_takes_no_fragment_after_its_blank_line(tmp_path):
    # A finished heading ("... контекст") before a capital: the line after the blank opens the text.
    tree, _ = build(tmp_path, ocr_heading("1. Исторический контекст", "Кульджа"))
    assert heads(tree)[0] == "1. Исторический контекст"


# --- typeset width, on the conformance corpus (bench/layout/raw: typeset with LaTeX, then extracted) ------


def corpus_lines(name: str) -> list[str]:
    return (CORPUS / name).read_text(encoding="utf-8").split("\n")


def line_with(lines: list[str], start: str) -> tuple[int, str]:
    """The raw line number and the text of the one line that starts so."""
    found = [(n, line) for n, line in enumerate(lines, 1) if line.startswith(start)]
    assert len(found) == 1, found
    return found[0]


def test_a_first_line_narrower_by_its_indent_than_the_full_lines_opens_a_paragraph(tmp_path):
    # `pdftotext -raw` keeps each printed line. The paragraph before ends a sentence on a full line; the
    # next one's first line holds as many characters as a full line but sets narrower by its indent.
    lines = corpus_lines("ru-endnotes-title-head.raw.txt")
    _, last = line_with(lines, "в 1929 г. поставил под угрозу всю систему отношений с Китаем.")
    _, first = line_with(lines, "Политбюро рассматривало наиболее важные вопросы внеш-")
    _, full = line_with(lines, "ней политики на закрытых заседаниях.6 С одной стороны, про-")
    assert len(first) >= len(full) - 6 and typeset_width(first) < typeset_width(full) - 1
    tree, _ = build(tmp_path, "\n".join(lines))
    texts = paragraphs(tree)
    opened = [k for k, t in enumerate(texts) if t.startswith("Политбюро рассматривало")]
    assert len(opened) == 1 and opened[0] > 0
    assert texts[opened[0] - 1].endswith(last.removeprefix("в 1929 г. "))


def test_a_last_line_narrower_than_the_full_lines_ends_its_paragraph(tmp_path):
    # Plain `pdftotext`: the last line has a full line's count of characters, within the measure's
    # spread, yet sets narrower than nineteen in twenty of the document's full lines.
    lines = corpus_lines("ru-symbol-notes-quote.pdftotext.txt")
    _, last = line_with(lines, "г. подтвердил курс на нейтралитет и взаимное доверие.")
    _, full = line_with(lines, "Протоколы заседаний сохранили следы острых разногласий")
    assert len(last) == len(full) - 1 and typeset_width(last) < 0.95 * typeset_width(full)
    tree, _ = build(tmp_path, "\n".join(lines))
    texts = paragraphs(tree)
    closed = [k for k, t in enumerate(texts) if t.endswith("курс на нейтралитет и взаимное доверие.")]
    assert len(closed) == 1
    assert texts[closed[0] + 1].startswith("Весной 1924 г. Народный комиссариат")


def test_a_first_line_joined_at_its_hyphen_still_shows_its_indent(tmp_path):
    # Plain `pdftotext` joins a line that ends in a hyphen to the next: the paragraph's first line is lost
    # in a joined line, and the one before it ends a sentence on a full line. The joined line, counted as
    # so many full lines less their hyphens, falls short of them by its first line's indent.
    lines = corpus_lines("ru-symbol-notes-quote.pdftotext.txt")
    number, joined = line_with(lines, "Исследователи обращали внимание на двойственный характер")
    assert len(joined) > 3 * len(lines[number - 3]) and "характер советской" in joined
    tree, _ = build(tmp_path, "\n".join(lines))
    texts = paragraphs(tree)
    opened = [k for k, t in enumerate(texts) if t.startswith("Исследователи обращали внимание")]
    assert len(opened) == 1 and texts[opened[0] - 1].endswith("на практике встречались исключения.")


def test_lines_that_may_open_a_paragraph_the_print_does_not_show_are_one_warning(tmp_path):
    # The print sets its paragraphs apart by a blank space and no indent; plain `pdftotext` drops the space
    # and joins the paragraph's first lines at their hyphens. A sentence ends a full line before
    # "Торговое представительство …": nothing in the text tells a paragraph end. The text runs on there,
    # and one warning names that line.
    lines = corpus_lines("ru-blankline-paragraphs.pdftotext.txt")
    number, joined = line_with(lines, "Торговое представительство в Лондоне работало в условиях")
    before = lines[number - 2]
    assert before.endswith("консультаций.") and len(joined) > 2 * len(before)
    tree, result = build(tmp_path, "\n".join(lines))
    texts = paragraphs(tree)
    assert not any(t.startswith("Торговое представительство в Лондоне") for t in texts)
    assert any("трудных консультаций. Торговое представительство" in t for t in texts)
    warnings = [d for d in result.diagnostics if "may open a paragraph" in d.message]
    assert len(warnings) == 1
    named = [int(n) for n in warnings[0].message.split("lines ")[1].split(";")[0].split(", ")]
    assert number in named and warnings[0].line == named[0] == min(named)
    assert len(named) <= 3  # a few lines to check, not every sentence end


def test_a_blank_line_that_the_editor_adds_where_the_warning_points_opens_the_paragraph(tmp_path):
    lines = corpus_lines("ru-blankline-paragraphs.pdftotext.txt")
    number, _ = line_with(lines, "Торговое представительство в Лондоне работало в условиях")
    tree, result = build(tmp_path, "\n".join([*lines[: number - 1], "", *lines[number - 1 :]]))
    texts = paragraphs(tree)
    opened = [k for k, t in enumerate(texts) if t.startswith("Торговое представительство в Лондоне")]
    assert len(opened) == 1 and texts[opened[0] - 1].endswith("трудных консультаций.")
    assert not any("may open a paragraph" in d.message and f" {number + 1}" in d.message
                   for d in result.diagnostics)


def paragraph_before_opening(tmp_path, lines: list[str], opening: str) -> str:
    """The text of the paragraph before the one paragraph the build opens with ``opening``."""
    tree, _ = build(tmp_path, "\n".join(lines))
    texts = paragraphs(tree)
    opened = [k for k, t in enumerate(texts) if t.startswith(opening)]
    assert len(opened) == 1 and opened[0] > 0
    return texts[opened[0] - 1]


def test_a_first_line_joined_at_its_hyphens_is_weighed_by_the_single_lines_cut(tmp_path):
    # Plain `pdftotext` joins five printed lines at their hyphens into one; the document has too few
    # joined first lines to weigh a cut of their own. The paragraph before ends a sentence on a nearly
    # full line, so only the indent the joined line lost tells the paragraph end.
    lines = corpus_lines("ru-article-alt-heads.pdftotext.txt")
    number, joined = line_with(lines, "Знание иностранных языков считалось обязательным, однако")
    before = lines[number - 2]
    assert len(joined) > 4 * 55 and before.endswith("внешней политики в Европе.7")
    # (the text of a paragraph ends with its notes' text)
    assert "первым крупным успехом советской внешней политики в Европе." in paragraph_before_opening(
        tmp_path, lines, "Знание иностранных языков")


def test_an_abstract_opened_by_its_label_is_no_evidence_of_the_indent(tmp_path):
    # The abstract at the end opens with its label ("Аннотация."), set full out: counted among the
    # certain first lines it would hide the indent that the text's first lines show. Without it, the
    # joined line "Конфликт на КВЖД …" falls short by an indent after a sentence that ends a full line.
    lines = corpus_lines("ru-paren-markers-oneline.pdftotext.txt")
    line_with(lines, "Аннотация. В статье рассматриваются переговоры")
    number, joined = line_with(lines, "Конфликт на КВЖД в 1929 г. поставил под угрозу")
    before = lines[number - 2]
    assert len(joined) > 3 * 53 and before.endswith("в Центральной Азии.")
    assert "великих держав в Центральной Азии." in paragraph_before_opening(
        tmp_path, lines, "Конфликт на КВЖД")


def test_a_first_line_narrower_than_nineteen_full_lines_in_twenty_opens_a_paragraph(tmp_path):
    # Plain `pdftotext`: the document has too few certain first lines to weigh an indent's cut, so its
    # full lines tell: a line that runs on, yet sets narrower than nineteen in twenty of them, is a first
    # line. The paragraph before ends a sentence (and a note marker) on a full line.
    lines = corpus_lines("ru-mixed-notes.pdftotext.txt")
    number, first = line_with(lines, "Торговые соглашения с Синьцзяном обеспечивали поставки")
    before = lines[number - 2]
    assert before.endswith("с заметным недоверием.6") and len(before) > len(first)
    assert "работы с заметным недоверием." in paragraph_before_opening(
        tmp_path, lines, "Торговые соглашения с Синьцзяном")
