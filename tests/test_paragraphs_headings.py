"""Paragraphs, headings and blocks from the print's own evidence, on text as `pdftotext`, `pdftotext -layout`
and OCR write it (no blank line between paragraphs, form feeds at page ends), in Russian, English and
French: each document built through the whole pipeline and its TEI validated."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from conftest import NS
from lxml import etree

from diplo_edition.editions import load_edition
from diplo_edition.layout.columns import split_columns
from diplo_edition.layout.headings import heading_level
from diplo_edition.model.lines import Line, count_letters
from diplo_edition.pipeline import process_document
from diplo_edition.site.document import read_document
from diplo_edition.site.model import Quotation, SectionBreak
from diplo_edition.site.register_index import RegisterLookup

COLLECTION = 'title: "Test"\nbase_url: "https://example.org/e/"\nlanguages: [{lang}]\n'
DOCUMENT = """\
id: doc
title: "Document"
authors: []
kind: article
languages: [{lang}]
sources:
  - file: sources/doc.{lang}.txt
    role: body
"""


def build(tmp_path: Path, text: str, lang: str = "ru"):
    """The TEI tree of a one-document project holding the text, and the document's result."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "editions").mkdir()
    (tmp_path / "sources" / f"doc.{lang}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "editions" / "collection.yml").write_text(COLLECTION.format(lang=lang), encoding="utf-8")
    (tmp_path / "editions" / "doc.yml").write_text(DOCUMENT.format(lang=lang), encoding="utf-8")
    edition = load_edition(tmp_path)
    result = process_document(edition.documents[0], edition.collection, Counter())
    errors = [d for d in result.diagnostics if d.severity == "error"]
    assert not errors, errors
    return etree.fromstring(result.tei), result


def paragraphs(tree) -> list[str]:
    return [" ".join("".join(p.itertext()).split()) for p in tree.iterfind(".//t:body//t:p", NS)]


def heads(tree) -> list[str]:
    return [" ".join("".join(h.itertext()).split()) for h in tree.iterfind(".//t:body//t:head", NS)]


# `pdftotext` (no -layout): no blank line between paragraphs; a paragraph ends on a short line.
PDFTOTEXT_RU = """\
Переговоры начались весной 1923 г., когда делегация прибыла в столицу
провинции после долгого пути через степь. Губернатор принял её любезно,
но ничего не обещал.
Ничто в инструкциях не позволяло делегатам подписать договор. Они могли
лишь договориться об открытии консульств и о таможенных правилах.
2. Исторический контекст
Торговля между Синьцзяном и Россией прервалась ещё в годы Гражданской
войны, и купцы обеих сторон добивались её возобновления с 1920 г.
"""


def test_pdftotext_paragraphs_and_a_numbered_heading_without_blank_lines(tmp_path):
    tree, result = build(tmp_path, PDFTOTEXT_RU)
    assert heads(tree) == ["2. Исторический контекст"]
    texts = paragraphs(tree)
    assert len(texts) == 3
    assert texts[0].startswith("Переговоры") and texts[0].endswith("ничего не обещал.")
    assert texts[1].startswith("Ничто") and texts[1].endswith("таможенных правилах.")
    assert texts[2].startswith("Торговля")
    assert result.report.letters.endswith("balanced")


# `pdftotext -layout`: first lines set in, a block quotation set in on every line, a centred separator,
# a numbered section set apart from its number, and a signature set to the right.
LAYOUT_EN = """\
1     Historical context
The negotiations began in the spring of 1923, when the delegation arrived at
the provincial capital after a long journey across the steppe. The governor
received them with courtesy but gave no promise. Trade had stopped for
two years and the merchants of both sides had asked for it since 1920.
    Nothing in the instructions allowed the delegates to sign a treaty. They
could only agree on the reopening of the consulates and on the customs rules
that the merchants of both sides had asked for since the war had ended there.

      The delegation is to obtain the reopening of trade on the old
      terms, and no concession on the question of the frontier is to be
      made without the consent of Moscow.

The governor answered in the same spirit. He wrote that he would wait for
the instructions of Peking, and that nothing could be signed before then.

                                   * * *

Two months later the talks resumed in the same hall of the governor's house.
1.1    The second round
The second round was shorter. It ended in August with an agreement on
trade that both sides signed at once, and the consulates opened that year.
                                                              EVATT
"""


def test_layout_indents_block_quotation_separator_and_signature(tmp_path):
    tree, _ = build(tmp_path, LAYOUT_EN, "en")
    assert heads(tree) == ["1 Historical context", "1.1 The second round"]
    texts = paragraphs(tree)
    assert [t.split()[0] for t in texts] == ["The", "Nothing", "The", "The", "Two", "The", "EVATT"]
    assert texts[0].endswith("since 1920.") and texts[1].endswith("ended there.")
    quotes = tree.findall(".//t:body//t:quote/t:p", NS)
    assert len(quotes) == 1 and "".join(quotes[0].itertext()).endswith("consent of Moscow.")
    assert len(tree.findall(".//t:body//t:milestone[@unit='section']", NS)) == 1
    # the signature is the last paragraph of the second section, not a heading of its own
    last_div = tree.findall(".//t:body//t:div", NS)[-1]
    assert "".join(last_div.findall("t:p", NS)[-1].itertext()).strip() == "EVATT"


# A paragraph that runs over a form feed (a page end) stays one paragraph; the next one starts after a
# sentence that ends on a short line.
FORM_FEED_FR = (
    "Les négociations commencèrent au printemps de 1923, lorsque la délégation arriva\n"
    "dans la capitale de la province après un long voyage à travers la steppe, et\n"
    "\f"
    "le gouverneur la reçut avec courtoisie, mais il ne promit rien de précis aux\n"
    "délégués venus de Moscou.\n"
    "Deux mois plus tard, les pourparlers reprirent dans la même salle du palais et\n"
    "aboutirent en août à un accord sur le commerce entre les deux pays voisins.\n"
)


def test_a_paragraph_across_a_form_feed_stays_one(tmp_path):
    tree, _ = build(tmp_path, FORM_FEED_FR, "fr")
    texts = paragraphs(tree)
    assert len(texts) == 2
    assert texts[0].startswith("Les négociations") and texts[0].endswith("venus de Moscou.")
    assert "steppe, et le gouverneur" in texts[0]
    assert heads(tree) == []


# OCR of a letter: a closing, then the name in capitals that signs it.
LETTER_EN = """\
I have the honour to inform you that the Government of the Commonwealth accepts
the proposal made in your note of 12 March and will send its delegation.

Yours faithfully,
H. V. EVATT
"""


def test_a_signature_in_capitals_is_not_a_heading(tmp_path):
    tree, _ = build(tmp_path, LETTER_EN, "en")
    assert heads(tree) == []
    assert paragraphs(tree)[-2:] == ["Yours faithfully,", "H. V. EVATT"]


# Chapter words and front-matter titles from the language packs, with no blank line around them.
THESIS_RU = """\
ВВЕДЕНИЕ
Актуальность темы исследования обусловлена как общественно-политическими, так
и научными причинами, которые будут рассмотрены ниже в этой работе.
Глава 1
Советско-японские отношения в 1920-е годы развивались непросто, и стороны не
раз прерывали переговоры о концессиях на Северном Сахалине.
ЗАКЛЮЧЕНИЕ
Конвенция 1925 г. открыла новый этап в отношениях двух стран.
"""


def test_chapter_and_front_matter_headings_without_blank_lines(tmp_path):
    tree, _ = build(tmp_path, THESIS_RU)
    assert heads(tree) == ["ВВЕДЕНИЕ", "Глава 1", "ЗАКЛЮЧЕНИЕ"]
    assert len(paragraphs(tree)) == 3


def test_heading_words_come_from_the_language_packs():
    assert heading_level("Введение") == 1
    assert heading_level("Conclusion") == 1
    assert heading_level("1.3 Title of the section") == 2
    assert heading_level("2. Исторический контекст") == 1
    assert heading_level("20 января 1925 г. была подписана") is None
    assert heading_level("1 января") is None


# Abstract and keywords, anywhere, with a date in the keywords: valid TEI (this stopped the build once).
ABSTRACT_RU = """\
Русско-японская война закончилась Портсмутским миром, и переговоры об
условиях мира шли в августе 1905 г. в американском городе Портсмуте.

Аннотация. В статье рассматривается политика России на Дальнем Востоке после 1905 г.

Ключевые слова: Портсмутский мир; 1905 г.; Дальний Восток.
"""


def test_keywords_with_a_date_give_valid_tei(tmp_path):
    tree, result = build(tmp_path, ABSTRACT_RU)
    assert not [d for d in result.diagnostics if "not valid" in d.message]
    terms = tree.findall(".//t:keywords/t:term", NS)
    assert ["".join(t.itertext()).strip() for t in terms] == ["Портсмутский мир", "1905 г.", "Дальний Восток"]
    assert terms[1].find("t:date", NS).get("when") == "1905"
    assert tree.find(".//t:abstract/t:p", NS) is not None
    assert len(paragraphs(tree)) == 1


# Keywords that end with no full stop, and the first section's heading right below them (`pdftotext -raw`).
KEYWORDS_THEN_HEADING = """\
Ключевые слова: СССР, Япония, конвенция 1925 г., революция
1905 г., дипломатия
1. Исторический контекст
Советская сторона предлагала признать часть обязательств в обмен на
долгосрочные займы, и переговоры о долгах несколько раз прерывались.
"""


def test_a_heading_right_after_keywords_is_a_heading_not_a_keyword(tmp_path):
    tree, _ = build(tmp_path, KEYWORDS_THEN_HEADING)
    terms = ["".join(t.itertext()).strip() for t in tree.findall(".//t:keywords/t:term", NS)]
    assert terms == ["СССР, Япония, конвенция 1925 г., революция 1905 г., дипломатия"]
    assert heads(tree) == ["1. Исторический контекст"]
    assert paragraphs(tree)[0].startswith("Советская сторона предлагала")


# `pdftotext -layout` of a two-column page: the columns side by side on each line.
TWO_COLUMNS = [
    "                         Исторический контекст",
    "",
    "Переговоры начались весной 1923 г.,     Губернатор ответил в том же",
    "когда делегация прибыла в столицу       духе и написал, что будет ждать",
    "провинции после долгого пути через      указаний из Пекина.",
    "степь. Губернатор принял её любезно,        Через два месяца переговоры",
    "но ничего не обещал. Ничто в инструк-   возобновились. Второй раунд был",
    "циях не позволяло делегатам подпи-      короче и закончился в августе",
    "сать договор.                           соглашением о торговле.",
    "",
    "                                   17",
]


def test_two_columns_side_by_side_are_read_left_then_right():
    lines = [Line(t, "p.txt", k + 1) for k, t in enumerate(TWO_COLUMNS)]
    out = split_columns(lines)
    texts = [line.text.strip() for line in out if line.text.strip()]
    assert texts[0] == "Исторический контекст"
    assert texts[1] == "Переговоры начались весной 1923 г.,"
    assert texts[8] == "Губернатор ответил в том же"
    assert texts[-1] == "17"  # the page's foot stays at the foot
    assert count_letters("".join(t.text for t in out)) == count_letters("".join(TWO_COLUMNS))
    assert [line.number for line in out if line.text.strip().startswith("Губернатор ответил")] == [3]


def test_two_column_page_builds_in_reading_order(tmp_path):
    tree, result = build(tmp_path, "\n".join(TWO_COLUMNS) + "\n")
    body = " ".join(paragraphs(tree))
    assert body.index("сать договор.") < body.index("Губернатор ответил")
    assert "инструкциях" in body  # the hyphen at the left column's line end is joined
    assert result.report.letters.endswith("balanced")


def test_single_column_text_is_left_as_it_is():
    lines = [Line(t, "s.txt", k + 1) for k, t in enumerate(PDFTOTEXT_RU.splitlines())]
    assert split_columns(lines) == lines


def test_the_site_reads_block_quotations_and_milestones(tmp_path):
    tree, result = build(tmp_path, LAYOUT_EN, "en")
    view, _ = read_document(result.tei, "https://example.org/e/", RegisterLookup(), ui_lang="en")
    blocks = [b for div in view.divisions for b in getattr(div, "blocks", [div])]
    quotations = [b for b in blocks if isinstance(b, Quotation)]
    assert len(quotations) == 1 and quotations[0].paragraphs[0].anchor == "p3"
    assert sum(isinstance(b, SectionBreak) for b in blocks) == 1


# `pdftotext` of justified type: a section number set apart from its title, lines joined at hyphens (so
# some are longer than the measure), a note marker after the last full stop of a paragraph.
JUSTIFIED_RU = """\
1.

Исторический контекст

Советская сторона предлагала признать часть обязательств в
обмен на долгосрочные займы. Франко-советские переговоры о долгах несколько раз прерывались и возобновлялись
[3, с. 80]. Генуэзская конференция показала, что державы
не готовы к единому фронту против Москвы.
Нарком выступал в Женеве с речами, которые широко обсуждались в европейской печати. Дипломатическая
почта доставлялась курьерами, маршруты которых держались
в строгой тайне. Весной 1924 г. Народный комиссариат иностранных дел подготовил записку о Востоке.3
Особое внимание уделялось рыболовному вопросу, который
затрагивал интересы тысяч промысловиков на побережье.
"""


def test_justified_pdftotext_paragraphs_and_a_number_set_apart(tmp_path):
    tree, _ = build(tmp_path, JUSTIFIED_RU)
    assert heads(tree) == ["1. Исторический контекст"]
    assert [t.split()[0] for t in paragraphs(tree)] == ["Советская", "Нарком", "Особое"]


def test_quotations_milestones_and_dated_keywords_are_valid_tei_p5(tmp_path, tei_all):
    for k, (text, lang) in enumerate(((LAYOUT_EN, "en"), (ABSTRACT_RU, "ru"))):
        folder = tmp_path / str(k)
        folder.mkdir()
        tree, _ = build(folder, text, lang)
        assert tei_all.validate(tree), tei_all.error_log.last_error


# `pdftotext -raw`: a title block, then a numbered heading straight after the author's line; a section title
# alone on its line before text lines with no blank line; endnotes under their section title.
TITLE_BLOCK_RU = """\
Генуя и Рапалло: весна 1922 года
Л. Ф. Аристова
1. Исторический контекст
Экономическая блокада постепенно ослабевала, хотя отдельные государства сохраняли
ограничения на кредиты. Вступление в Лигу Наций означало заметный поворот в курсе
Москвы.1 Переговоры шли медленно, и каждая сторона стремилась сохранить свободу.
Архивные материалы позволяют уточнить хронологию событий и роль исполнителей.
ЗАКЛЮЧЕНИЕ
Франко-советские переговоры о долгах несколько раз прерывались и возобновлялись, а
протоколы заседаний сохранили следы острых разногласий между руководителями ведомств.

Примечания
1. Документы внешней политики СССР. Т. 6. С. 243.
"""


def test_title_block_numbered_heading_and_section_title_without_blank_lines(tmp_path):
    tree, _ = build(tmp_path, TITLE_BLOCK_RU)
    assert heads(tree)[:2] == ["1. Исторический контекст", "ЗАКЛЮЧЕНИЕ"]
    ps = paragraphs(tree)
    # The title and the author are blocks of their own, not the opening words of the first paragraph.
    assert ps[0] == "Генуя и Рапалло: весна 1922 года" and ps[1] == "Л. Ф. Аристова"
    assert ps[2].startswith("Экономическая блокада") and ps[-1].startswith("Франко-советские")
    # The section title takes no text line with it.
    assert ps[-1].endswith("руководителями ведомств.")


def test_an_endnote_section_title_is_a_heading_and_its_notes_stay_notes(tmp_path):
    tree, result = build(tmp_path, TITLE_BLOCK_RU)
    assert heads(tree)[-1] == "Примечания"
    notes = ["".join(n.itertext()).strip() for n in tree.iterfind(".//t:body//t:note", NS)]
    assert notes == ["Документы внешней политики СССР. Т. 6. С. 243."]
    assert result.report.letters.endswith("balanced")  # the title is in the TEI, not removed


# Two columns read one after the other (`pdftotext -raw`): a numbered heading wraps onto a second short line.
WRAPPED_HEADING_FR = """\
Les rapports consulaires de Harbin
décrivaient en détail la situation.
Les diplomates de l’ancienne école
accueillaient les méthodes nouvelles.
3. Commerce et cré-
dit
Le blocus économique s’affaiblit peu
à peu, bien que plusieurs gouverne-
ments limitassent encore le crédit.
"""


def test_a_numbered_heading_wrapped_in_a_narrow_column(tmp_path):
    tree, _ = build(tmp_path, WRAPPED_HEADING_FR, lang="fr")
    assert heads(tree) == ["3. Commerce et crédit"]
    assert paragraphs(tree)[-1].startswith("Le blocus économique")


def test_ocr_speck_after_a_chapter_word():
    assert heading_level("Глава, 1. Исторический контекст") == 1
    assert heading_level("Главная задача, 1. решена") is None


def test_a_justified_line_joined_at_hyphens_ends_its_paragraph_only_by_its_tail(tmp_path):
    """`pdftotext` joins lines broken at a hyphen: three full lines joined are no paragraph end."""
    full = "Советская сторона предлагала признать часть обязательств в обмен на займы."
    joined = full[:-1] + " и " + full  # two full lines and a little more: the spread of justified lines
    text = "\n".join([full] * 3 + [joined, "С одной стороны, провозглашалась мирная политика, с другой",
                                   "стороны, действовал Коминтерн.", full, full]) + "\n"
    tree, _ = build(tmp_path, text)
    ps = paragraphs(tree)
    assert len(ps) == 2
    assert "займы. С одной стороны" in ps[0] and ps[0].endswith("действовал Коминтерн.")
