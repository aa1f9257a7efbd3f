"""Note conventions: marker styles, numbering per page, endnote sections, gaps, and notes with no marker.

The inputs are written as ``pdftotext`` and Tesseract write them: superscript markers glued to the word
or stop before them, the notes at the page foot after a blank line, a page number, a form feed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from conftest import TEXTBOOK

from diplo_edition.layout.endnotes import find_notes
from diplo_edition.layout.footnotes import read_notes
from diplo_edition.layout.hyphenation import Dehyphenator
from diplo_edition.layout.note_labels import Label
from diplo_edition.layout.passes import Flow, Footnotes, Pages
from diplo_edition.model.document import Document
from diplo_edition.model.inline import Note
from diplo_edition.model.lines import Line
from diplo_edition.ocr.read import split_lines


def _lines(text: str) -> list[Line]:
    return [Line(raw.text, "s.txt", raw.number) for raw in split_lines(text)]


def _notes(text: str):
    lines = _lines(text)
    return lines, [(block, note) for block in find_notes(lines) for note in block.notes]


def _before_marker(lines: list[Line], note) -> str:
    """The words just before a note's marker, and the marker as printed."""
    m = note.marker
    text = lines[m.line].text
    return text[: m.start].rstrip()[-30:] + "|" + text[m.start : m.end].strip()


def _document(edition, text: str) -> Document:
    doc = next(d for d in edition.documents if d.id == TEXTBOOK)
    document = Document(replace(doc), edition.collection)
    document.lines = _lines(text)
    return document


def _flow_notes(doc: Document) -> list[Note]:
    Footnotes().apply(doc)
    Pages().apply(doc)
    Flow(Dehyphenator(Counter())).apply(doc)
    return [item for block in doc.body for item in block.content if isinstance(item, Note)]


GLUED = """Советско-японские переговоры 1925 г. опирались на материалы»1. Их вели в Пекине, а
не в Сочи2, и документ № 3 из этого дела был найден лишь 3 марта 1926 г. Он упомянут
в обзоре торгового договора3, где стоит 1925 год и ссылка на с. 3 второго тома.

1 ДВП. Т. 8. С. 45.
2 АВП РФ. Ф. 0100. Оп. 7. Д. 12. Л. 3–5.
3 Там же. Л. 6.

17
\fНа следующей странице текст продолжается и идёт дальше, до самого конца."""


def test_digits_glued_to_a_word_or_a_stop_are_markers_and_years_or_numbers_are_not():
    lines, notes = _notes(GLUED)
    assert [n.label for _, n in notes] == ["1", "2", "3"]
    assert [_before_marker(lines, n)[-12:] for _, n in notes] == ["материалы»|1", "не в Сочи|2"[-12:],
                                                                  "го договора|3"[-12:]]
    assert all(n.decided == "label" and not n.warning for _, n in notes)


@pytest.mark.parametrize(
    ("label", "marker"),
    [("(1)", " (1)"), ("(1)", "(1)"), ("[1]", " [1]"), ("1)", "1)"), ("(l)", "(1)"), ("(1)", "(l)")],
)
def test_bracketed_labels_and_their_markers(label, marker):
    text = (f"Le traité fut signé à Rapallo{marker} et les négociations reprirent aussitôt\n"
            "après la conférence, sans que la délégation française fût informée des détails.\n"
            f"\n{label} DDF, t. 2, p. 45.\n\n\x0cLa suite du texte commence ici sur la page suivante.")
    lines, notes = _notes(text)
    assert len(notes) == 1
    note = notes[0][1]
    assert note.n == 1 and _before_marker(lines, note).endswith(f"à Rapallo|{marker.strip()}")
    assert lines[note.label_line].text[note.text_start :] == "DDF, t. 2, p. 45."


def test_symbol_markers():
    text = ("The memorandum* was handed to the ambassador on the same day, and his reply**\n"
            "came a week later, after the cabinet had met twice to discuss it.\n"
            "\n* FO 371/11697.\n** TNA, FO 371/11698, f. 3.\n\n\x0cThe next page starts here and goes on.")
    lines, notes = _notes(text)
    assert [n.label for _, n in notes] == ["*", "**"]
    assert _before_marker(lines, notes[0][1]).endswith("The memorandum|*")
    assert _before_marker(lines, notes[1][1]).endswith("and his reply|**")


def test_numbering_restarting_on_every_page():
    page = ("Переговоры о концессии{a} начались весной, и стороны обменялись нотами{b} в течение\n"
            "нескольких месяцев, пока не было достигнуто соглашение о сроках.\n"
            "\n1 Первое примечание страницы {p}.\n2 Второе примечание страницы {p}.\n\n{p}\n\x0c")
    text = "".join(page.format(a="1", b="2", p=p) for p in (11, 12, 13))
    lines, notes = _notes(text)
    assert [n.label for _, n in notes] == ["1", "2"] * 3
    assert [lines[n.marker.line].text[n.marker.start - 5 : n.marker.end] for _, n in notes] == [
        "ессии1", "отами2"] * 3
    assert {n.marker.line for _, n in notes[2:4]} == {8}  # each note at its own page's marker
    assert not any(n.warning for _, n in notes)


def test_restarted_numbering_gets_unique_ids_in_the_flow(edition):
    page = ("Переговоры о концессии1 начались весной, и стороны обменялись нотами2 в течение\n"
            "нескольких месяцев, пока не было достигнуто соглашение о сроках.\n"
            "\n1 Первое примечание.\n2 Второе примечание.\n\n{p}\n\x0c")
    doc = _document(edition, "".join(page.format(p=p) for p in (11, 12)))
    notes = _flow_notes(doc)
    assert [(n.n, n.label) for n in notes] == [(1, "1"), (2, "2"), (3, "1"), (4, "2")]
    assert doc.report.notes_by_label == 4 and doc.report.notes_unanchored == 0


ENDNOTES = {
    "ru": ("Примечания", "Соглашение было подписано в Москве1, а ратифицировано в Токио2 позднее.",
           ["1. ДВП. Т. 8. С. 70.", "2. Там же. С. 71."]),
    "en": ("Notes", "The convention was signed in Peking1 and ratified in Tokyo2 some months later.",
           ["1 DVP, vol. 8, p. 70.", "2 Ibid., p. 71."]),
    "fr": ("NOTES", "La convention fut signée à Pékin(1) et ratifiée à Tokyo(2) quelques mois après.",
           ["(1) DDF, t. 8, p. 70.", "(2) Idem, p. 71."]),
}


@pytest.mark.parametrize("lang", ["ru", "en", "fr"])
def test_endnote_section_at_the_end_of_the_document(edition, lang):
    title, sentence, notes = ENDNOTES[lang]
    text = "\n".join([sentence, "", "Second paragraph without any note at all.", "", title, "", *notes])
    doc = _document(edition, text)
    placed = _flow_notes(doc)
    assert [(n.label, n.place) for n in placed] == [("1", "end"), ("2", "end")]
    assert placed[0].content[0].startswith(("ДВП", "DVP", "DDF"))
    assert doc.report.endnotes == 2 and doc.report.notes_by_label == 2
    body_text = " ".join(x for b in doc.body if b.kind != "head" for x in b.content if isinstance(x, str))
    assert title not in body_text and "1" not in body_text  # the section title and the markers left
    assert [b.content for b in doc.body if b.kind == "head"][-1] == [title]  # the title is a heading
    assert not any(rule == "endnote-heading" for rule, _ in doc.removed)  # kept, not removed


def test_endnotes_of_each_chapter_link_to_their_own_chapter():
    chapter = ("Глава {c}. Переговоры\n\nТекст главы {c} со ссылкой на договор1 и на ноту2.\n\n"
               "Примечания\n\n1. Источник {c}-1.\n2. Источник {c}-2.\n\n")
    lines, notes = _notes(chapter.format(c=1) + chapter.format(c=2))
    assert [(b.place, n.label) for b, n in notes] == [("end", "1"), ("end", "2")] * 2
    assert [lines[n.marker.line].text.startswith(f"Текст главы {1 + k // 2}") for k, (_, n) in
            enumerate(notes)] == [True] * 4


def test_page_foot_symbols_and_endnotes_together():
    text = ("Текст статьи* с примечанием автора и со ссылкой на архив1, далее идёт\n"
            "продолжение текста на той же странице, до её самого конца.\n\n"
            "* Статья написана по материалам доклада.\n\n5\n\x0c"
            "Конец статьи со второй ссылкой2.\n\nПримечания\n\n1. АВП РФ. Ф. 04.\n2. ДВП. Т. 8.\n")
    lines, notes = _notes(text)
    assert [(b.place, n.label) for b, n in notes] == [("foot", "*"), ("end", "1"), ("end", "2")]
    assert all(n.marker is not None for _, n in notes)


MISSING = """ДОКУМЕНТ 1
Документ 1. Запись беседы 1 марта 1925 г., № 1

Беседа прошла (с. 1 протокола) спокойно, и полпред сообщил о ней в 1921 г.
тотчас же, а в 1922-1 годах такого ещё не бывало; нарком ответил2 позже.

1 АВП РФ. Ф. 04. Оп. 1. Д. 1.
2 ДВП. Т. 8. С. 1.

1
\fСледующая страница начинается с этой строки текста и идёт дальше."""


def test_a_note_whose_marker_is_missing_is_not_linked_to_a_number(edition):
    doc = _document(edition, MISSING)
    notes = _flow_notes(doc)
    # note 2 stands at its marker; note 1, with no marker, where its block stood (the page's end)
    assert [(n.n, n.label, n.marker_found) for n in notes] == [(2, "2", True), (1, "1", False)]
    assert doc.report.notes_unanchored == 1 and doc.report.notes_by_label == 1
    warnings = [d for d in doc.diagnostics if "no marker found" in d.message]
    assert [(w.file, w.line) for w in warnings] == [("s.txt", 7)]
    text = " ".join(x for b in doc.body for x in b.content if isinstance(x, str))
    for number in ("ДОКУМЕНТ 1", "Документ 1.", "1 марта", "№ 1", "с. 1 ", "1921", "1922-1 "):
        assert number in text


def test_a_gap_in_the_numbering_is_bridged_with_a_warning(edition):
    text = ("Торговый договор1 обсуждался долго, и вопрос о рыболовстве2 стоял остро.\n"
            "Споры о торговле4 и о концессиях5 продолжались до осени.\n\n"
            "1 Примечание один.\n2 Примечание два.\n4 Примечание четыре.\n5 Примечание пять.\n\n9\n\x0c"
            "Следующая страница идёт дальше.")
    doc = _document(edition, text)
    notes = _flow_notes(doc)
    assert [n.label for n in notes] == ["1", "2", "4", "5"]
    assert all(n.marker_found for n in notes)
    body_text = " ".join(x for b in doc.body for x in b.content if isinstance(x, str))
    assert "торговле4" not in body_text and "торговле" in body_text
    gap = [d for d in doc.diagnostics if "no note 3" in d.message]
    assert [(d.file, d.line) for d in gap] == [("s.txt", 6)]


def test_note_10000_is_not_merged_into_note_9999():
    labels = "\n".join(f"{n} Примечание номер {n}." for n in range(9998, 10001))
    text = ("Текст9998 с тремя ссылками9999 подряд и с последней10000 на этой странице.\n\n"
            f"{labels}\n\n4\n\x0cДальше.")
    lines = _lines(text)
    notes = read_notes(lines, 2, 5, Label("digit", "9998", 5), 9998, range(0, 2), (0, 0))
    assert [n.label for n in notes] == ["9998", "9999", "10000"]
    assert [n.lines for n in notes] == [[2], [3], [4]]
    assert all(n.marker is not None for n in notes)


def test_an_ocr_quote_for_a_superscript_digit_is_linked_by_order_with_a_warning():
    text = ("Переговоры в Пекине' шли медленно, и делегация ждала инструкций из Москвы,\n"
            "пока не пришла телеграмма наркома с новыми указаниями.\n\n"
            "1 АВП РФ. Ф. 0100. Оп. 7. Д. 12.\n\n12\n\x0cДальше текст.")
    lines, notes = _notes(text)
    note = notes[0][1]
    assert note.decided == "order" and "linked by its order only" in note.warning
    assert _before_marker(lines, note).endswith("в Пекине|'")


# `pdftotext` (default mode) writes each superscript label on a line of its own, and may write one of them
# after the page's notes; `pdftotext -raw` keeps them in order.
PDFTOTEXT_PAGE = """The negotiations moved slowly, and each side kept its freedom of manoeuvre.1 Its authors
stressed that commercial interests2 often ran ahead of political calculation in Moscow. The new line of
collective security demanded both flexibility and persistence.3
1

DVP, vol. 8, p. 652.
Ibid., p. 297.
3
AVP RF, f. 0100, op. 3, p. 50, d. 89, l. 236a.
2

331

\x0c332

The Rapallo treaty was the first major success of Soviet foreign policy in Europe."""


def test_labels_alone_on_their_lines_even_one_written_after_the_notes():
    lines, notes = _notes(PDFTOTEXT_PAGE)
    found = {n.label: n for _, n in notes}
    assert sorted(found) == ["1", "2", "3"]
    body = {k: " ".join(lines[j].text for j in n.lines if j != n.label_line) for k, n in found.items()}
    assert body == {"1": "DVP, vol. 8, p. 652.", "2": "Ibid., p. 297.",
                    "3": "AVP RF, f. 0100, op. 3, p. 50, d. 89, l. 236a."}
    assert _before_marker(lines, found["2"]).endswith("commercial interests|2")
    assert "stands apart" in found["2"].warning  # the editor is told where to check
    assert "331" not in [n.label for _, n in notes]  # the page number stays a page number


def test_raw_extraction_labels_in_order():
    in_order = "1\nDVP, vol. 8, p. 652.\n2\nIbid., p. 297.\n3\n"
    raw = PDFTOTEXT_PAGE.replace("1\n\nDVP, vol. 8, p. 652.\nIbid., p. 297.\n3\n", in_order)
    raw = raw.replace("l. 236a.\n2\n", "l. 236a.\n")
    lines, notes = _notes(raw)
    assert [n.label for _, n in notes] == ["1", "2", "3"]
    assert all(n.decided == "label" and not n.warning for _, n in notes)


def test_a_separator_read_by_the_ocr_is_not_a_symbol_note():
    text = ("The memorandum* was handed over on the same day.\n\n* OK OK\n\nHistorians still disagree.\n\n"
            "* Written from the minutes.\n\n7\n\x0cNext page.")
    lines, notes = _notes(text)
    assert len(notes) == 1
    assert lines[notes[0][1].label_line].text == "* Written from the minutes."


def test_dotted_labels_at_the_page_foot_link_to_spaced_and_paren_markers():
    # French prints label notes "1." at the foot; pdftotext writes the markers between spaces or as "(2)"
    text = ("Les diplomates considéraient les 1 nouvelles méthodes avec méfiance. La rupture\n"
            "provoqua une alerte de guerre. (2) Les historiens discutent encore.\n"
            "1. Idem.\n2. DVP, t. 6, p. 12.\n\n77\n\fSuite du texte.\n")
    lines, notes = _notes(text)
    assert [(n.label, _before_marker(lines, n)) for _, n in notes] == [
        ("1", "s diplomates considéraient les|1"), ("2", "provoqua une alerte de guerre.|(2)")]


def test_a_numbered_heading_is_no_note_labelled_with_a_dot():
    text = ("1. Historical background\nThe talks of 1 moved slowly.\n\n2. The negotiators\n"
            "The embassy reported 2 often.\n\n1\n\f")
    assert _notes(text)[1] == []


def test_a_label_left_alone_after_the_last_note_takes_its_part_of_the_note_before():
    text = ("Разрыв вызвал в Москве тревогу.1) Торговые соглашения с2)\nСиньцзяном обеспечивали поставки.3)\n"
            "1)\n\nТам же. С. 115.\nТам же. Л. 147об.\n3)\nЦит. по копии.\n2)\n\n1\n\f")
    lines, notes = _notes(text)
    assert [(n.label, " ".join(lines[j].stripped for j in n.lines[1:])) for _, n in notes] == [
        ("1", "Там же. С. 115."), ("2", "Там же. Л. 147об."), ("3", "Цит. по копии.")]
    assert all(n.marker is not None for _, n in notes)


def test_dotted_notes_set_in_mid_column_end_where_the_running_text_resumes():
    text = ("Le conflit de 1929 mit en danger le (1) rôle du Komintern. Ses auteurs souli-\n"
            "1. Voir la correspondance.\n2. Idem.\ngnaient que les intérêts (2) comptaient.\n\n376\n\f")
    lines, notes = _notes(text)
    assert [(n.label, len(n.lines)) for _, n in notes] == [("1", 1), ("2", 1)]


def _texts(lines: list[Line], indices: list[int]) -> list[str]:
    return [lines[j].text for j in indices]


# `pdftotext` as it writes symbol notes: the asterisk as "∗" (U+2217), the labels alone on their lines,
# two of them stacked above their two texts.
STACKED = """Признание СССР со стороны Соединенных Штатов∗ сопровождалось оживленной полемикой, и
разрыв отношений† вызвал тревогу. Телеграммы из Берлина говорили о концессиях.‡ Политбюро
рассматривало наиболее важные вопросы внешней§ политики на закрытых заседаниях.
∗
†

Документы внешней политики СССР. Т. 13. С. 310.
Документы внешней политики СССР. Т. 5. С. 263.
‡
Сведения о численности делегации расходятся.
§
АВП РФ. Ф. 495. Оп. 27. Д. 89. Л. 149.

1
\fНа следующей странице текст продолжается и идёт дальше, до самого конца."""


def test_stacked_symbol_labels_share_out_their_texts_and_link_to_their_markers():
    lines, notes = _notes(STACKED)
    found = {n.label: n for _, n in notes}
    assert list(found) == ["*", "†", "‡", "§"]  # "∗" is read as the asterisk
    assert _before_marker(lines, found["*"]).endswith("Соединенных Штатов|∗")
    assert _before_marker(lines, found["†"]).endswith("разрыв отношений|†")
    assert _before_marker(lines, found["§"]).endswith("внешней|§")
    assert _texts(lines, found["*"].lines[1:]) == ["Документы внешней политики СССР. Т. 13. С. 310."]
    assert _texts(lines, found["†"].lines[1:]) == ["Документы внешней политики СССР. Т. 5. С. 263."]
    assert not any(n.warning for n in found.values())


def test_a_missing_symbol_is_warned_at_the_note_after_it():
    text = STACKED.replace("∗\n†\n\n", "∗\n\n")  # the label "†" is lost: its text stays with "∗"
    lines, notes = _notes(text)
    found = {n.label: n for _, n in notes}
    assert list(found) == ["*", "‡", "§"]
    assert "no note † was found" in found["‡"].warning
    assert lines[found["‡"].label_line].text == "‡"  # the warning stands at the raw line of "‡"


def test_a_symbol_note_out_of_order_links_to_its_earlier_marker_with_a_warning():
    text = ("The embassy in Tokyo reported∗ regularly on the cabinet, and the war scare in\n"
            "Moscow.† The question of debts arose again at the conference that spring.\n"
            "†\nAVP RF, f. 146, op. 17, p. 6, d. 367, l. 23a.\n"
            "∗\nAVP RF, f. 146, op. 7, p. 89, d. 33, l. 229.\n\n1\n"
            "\fThe next page starts here and goes on.")
    lines, notes = _notes(text)
    found = {n.label: n for _, n in notes}
    assert _before_marker(lines, found["*"]).endswith("Tokyo reported|∗")
    assert _before_marker(lines, found["†"]).endswith("Moscow.|†")
    assert "stands after note †" in found["*"].warning and not found["†"].warning


def test_a_note_under_the_first_column_ends_where_the_second_column_resumes():
    text = ("The embassy in Tokyo reported∗ regularly on the hesitations of the cabinet.\n"
            "∗\nAVP RF, f. 146, op. 7, p. 89, d.\n33, l. 229.\n"
            "Recognition by the United States was accompanied by a lively debate, and\n"
            "the rupture with Britain produced a war scare in Moscow.† The question of\n"
            "tsarist debts arose at nearly every meeting with Western partners.\n"
            "†\nAVP RF, f. 146, op. 17, p. 6, d. 367, l. 23a.\n\n1\n"
            "\fThe next page starts here and goes on.")
    lines, notes = _notes(text)
    found = {n.label: n for _, n in notes}
    assert _texts(lines, found["*"].lines[1:]) == ["AVP RF, f. 146, op. 7, p. 89, d.", "33, l. 229."]
    assert _before_marker(lines, found["†"]).endswith("war scare in Moscow.|†")


def test_three_asterisks_alone_are_a_separator_not_a_note():
    text = ("The delegation left Moscow on the first of May and arrived in Genoa a week later.\n"
            "***\n"
            "Historians still disagree about how serious the threat of§ intervention was.\n"
            "§\nTNA, FO 371/15250, f. 83.\n\n1\n"
            "\fThe next page starts here and goes on.")
    lines, notes = _notes(text)
    assert [n.label for _, n in notes] == ["§"]
    assert _before_marker(lines, notes[0][1]).endswith("the threat of|§")


def test_page_foot_notes_inside_an_endnote_section():
    text = ("Пакт о ненападении с Польшей был подписан после долгих консультаций.§ Нарком\n"
            "выступал в Женеве с речами.1 В инструкциях говорилось о терпении.¶ Переговоры\n"
            "шли медленно, и каждая сторона стремилась сохранить свободу маневра.2\n\n"
            "Комментарии\n"
            "1. Там же. Л. 11об.\n"
            "2. Документы внешней политики СССР. Т. 2. С. 133.\n"
            "§\n¶\n\n"
            "РГАСПИ. Ф. 146. Оп. 8. Д. 7. Л. 215.\n"
            "РГАСПИ. Ф. 04. Оп. 27. Д. 332. Л. 171а.\n\n64\n")
    lines, notes = _notes(text)
    found = {n.label: (block, n) for block, n in notes}
    assert _texts(lines, found["2"][1].lines) == ["2. Документы внешней политики СССР. Т. 2. С. 133."]
    block, paragraph = found["§"]
    assert block.place == "foot" and _before_marker(lines, paragraph).endswith("консультаций.|§")
    assert _texts(lines, paragraph.lines[1:]) == ["РГАСПИ. Ф. 146. Оп. 8. Д. 7. Л. 215."]
    assert _before_marker(lines, found["¶"][1]).endswith("о терпении.|¶")


def test_running_text_resumes_in_lower_case_after_notes_and_a_blank_line():
    text = ("Les gouvernements étrangers voyaient dans l’activité du Komintern une (1)\n"
            "ingérence caractérisée. Les auteurs du mémoire souli-\n"
            "1. Idem.\n\n"
            "gnaient que les intérêts commerciaux devançaient souvent le calcul politique.\n"
            "La nouvelle ligne de sécurité collective exigeait de la persévérance.\n\n"
            "376\n\x0cLa suite du texte commence ici sur la page suivante.")
    lines, notes = _notes(text)
    assert [(n.label, _texts(lines, n.lines)) for _, n in notes] == [("1", ["1. Idem."])]


def test_the_second_column_may_resume_mid_sentence_with_a_marker_after_the_first_columns_notes():
    text = ("The trade delegation worked under suspicion, in a badly garbled state.∗ The\n"
            "new line demanded both flexibility and persistence.† Its authors stressed that\n"
            "commercial interests often ran ahead of political calculation\n"
            "∗\nThe date is established from the contents.\n"
            "†\nDVP, vol. 14, p. 114.\n"
            "in Moscow.‡ Notes of protest followed one another, and the replies were\n"
            "drafted with great care.\n"
            "‡\nIbid., p. 280.\n3\n"
            "\fThe next page starts here and goes on.")
    lines, notes = _notes(text)
    found = {n.label: n for _, n in notes}
    assert _texts(lines, found["†"].lines) == ["†", "DVP, vol. 14, p. 114."]
    assert _before_marker(lines, found["‡"]).endswith("in Moscow.|‡")


def test_numbered_notes_under_the_first_column_end_where_the_second_goes_on_in_lower_case():
    text = ("Политбюро рассматривало вопросы на закрытых заседаниях. Авторы\n"
            "записки подчеркивали1, что торговые интересы опережали расчеты. Особое\n"
            "1\nРГАСПИ. Ф. 146. Оп. 9. Д. 372.\nЛ. 181.\n"
            "внимание уделялось рыболовному вопросу, который затрагивал интересы\n"
            "промысловиков.2 Продажа дороги завершила долгую историю.\n"
            "2\nТекст телеграммы опубликован\nс сокращениями.\n9\n"
            "\fНа следующей странице текст продолжается и идёт дальше, до самого конца.")
    lines, notes = _notes(text)
    found = {n.label: n for _, n in notes}
    assert _texts(lines, found["1"].lines) == ["1", "РГАСПИ. Ф. 146. Оп. 9. Д. 372.", "Л. 181."]
    assert _before_marker(lines, found["2"]).endswith("промысловиков.|2")


def test_endnote_markers_are_chosen_together_so_a_stray_number_does_not_take_them_all():
    # The OCR read the marker of note 1 as "!"; a later "1" glued after a reference is no marker of it.
    text = ("Исследователи обращали внимание на двойственный характер дипломатии этого времени. !\n"
            "Нарком выступал в Женеве с речами, которые обсуждались в европейской печати.2 Конфликт\n"
            "на КВЖД поставил под угрозу отношения с Китаем. Дипломаты относились к новым\n"
            "методам с недоверием.3 Американские круги рассчитывали на крупные заказы,\n"
            "которые так и не последовали [1, с. 239].1 Вопрос о долгах возникал всегда.\n\n"
            "Комментарии\n"
            "1. Там же. Л. 11об.\n"
            "2. Документы внешней политики СССР. Т. 3. С. 630.\n"
            "3. ГАРФ. Ф. 08. Оп. 13. Д. 288. Л. 227а.\n")
    lines, notes = _notes(text)
    found = {n.label: n for _, n in notes}
    # Linked to the "!" by its order only (and warned), never to the "1" after the reference.
    assert _before_marker(lines, found["1"]).endswith("этого времени.|!")
    assert found["1"].decided == "order" and "order only" in found["1"].warning
    assert _before_marker(lines, found["2"]).endswith("европейской печати.|2")
    assert _before_marker(lines, found["3"]).endswith("с недоверием.|3")


def _symbol_page(relations: str) -> str:
    return ("Коминтерн. Признание СССР со* стороны Соединенных Штатов сопровождалось\n"
            f"оживленной полемикой. Разрыв дипломатических {relations} с Великобританией\n"
            "вызвал в Москве настоящую военную тревогу.\n\n"
            "* Документы внешней политики СССР. Т. 13. С. 310.\n"
            "'Документы внешней политики СССР. Т. 5. С. 263.\n\n"
            "\fНа следующей странице текст продолжается и идёт дальше, до самого конца.")


def test_a_note_line_opening_with_a_stray_mark_is_warned_as_a_misread_label():
    # No second marker on the page: the line stays part of note "*", with a warning.
    lines, notes = _notes(_symbol_page("отношений"))
    assert [n.label for _, n in notes] == ["*"]
    note = notes[0][1]
    assert "goes on at line 6 with “'” before a capital" in note.warning
    assert lines[note.label_line].number == 5  # the warning stands at the note's raw line


def test_a_misread_symbol_label_with_a_garbled_marker_opens_the_next_note_linked_by_order():
    # The OCR read "†" as "'" at the foot and as "!" in the text: two notes, two candidates.
    lines, notes = _notes(_symbol_page("отношений!"))
    assert [n.label for _, n in notes] == ["*", "†"]
    dagger = notes[1][1]
    assert _before_marker(lines, dagger).endswith("дипломатических отношений|!")
    assert dagger.decided == "order" and "order only" in dagger.warning
    assert _texts(lines, dagger.lines) == ["'Документы внешней политики СССР. Т. 5. С. 263."]


def test_a_quoted_title_opening_a_note_line_is_no_misread_label():
    text = ("The memorandum* was handed to the ambassador on the same day, and the\n"
            "cabinet met twice to discuss it.\n\n"
            "* FO 371/11697. See also the leader of the paper.\n"
            "“Izvestiia”, 12 May 1925.\n\n"
            "\fThe next page starts here and goes on.")
    lines, notes = _notes(text)
    assert [n.label for _, n in notes] == ["*"] and not notes[0][1].warning
