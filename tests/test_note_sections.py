"""Where notes begin and end among headings, reference lists and endnote sections, and markers glued to a
year. The inputs are written as `pdftotext`, the raw extraction and Tesseract write them (taken from the
conformance corpus).
"""

from __future__ import annotations

from conftest import ROOT
from projects import found_notes, note_body, raw_lines

from diplo_edition.layout.endnotes import find_notes
from diplo_edition.layout.evidence import is_page_number_line
from diplo_edition.layout.garbled_marks import marker_candidates
from diplo_edition.layout.note_labels import numbered_heading
from diplo_edition.layout.pages import find_pages
from diplo_edition.layout.superscript_reads import align
from diplo_edition.model.lines import Line


def _before(lines: list[Line], note) -> str:
    """The word before a note's marker, and the marker as read."""
    m = note.marker
    text = lines[m.line].text
    return text[: m.start].split()[-1] + "|" + text[m.start : m.end].strip()


def test_a_numbered_heading_just_above_a_symbol_note_is_no_note():
    text = ("Иностранные правительства видели в этом прямое вмешательство во внутренние дела.2 Кадровый\n"
            "вопрос оставался острым на протяжении всего десятилетия.∗ Исследователи обращали внимание\n"
            "на двойственный характер дипломатии этого времени.\n"
            "2. Переговоры и их участники\n∗\nСведения о численности делегации расходятся.\n61\n"
            "\fНарком выступал в Женеве с речами, которые широко обсуждались в печати.\n")
    lines, notes = found_notes(text)
    assert [(n.label, note_body(lines, n), _before(lines, n)) for n in notes] == [
        ("*", "Сведения о численности делегации расходятся.", "десятилетия.|∗")]


def test_a_numbered_heading_above_dotted_notes_that_go_on_from_an_earlier_page_is_no_note():
    text = ("Les gouvernements étrangers voyaient dans l’activité du Komintern une (1)\n"
            "ingérence caractérisée. Le gouvernement (2) hésitait.\n"
            "1. Voir la correspondance de l’ambassade.\n2. Idem.\n\n376\n"
            "\fLa convention de 1925 ouvrit la voie au réseau consulaire. (3) La rupture avec\n"
            "la (4) Grande-Bretagne provoqua une alerte de guerre. Les pourparlers furent\n"
            "rompus puis repris à plusieurs reprises.\n"
            "2. Les négociateurs\n3. Idem.\n4. AVP RF, f. 0100, op. 16, p. 2, d.\n49, l. 85ob.\n\n377\n"
            "\fLe Bureau politique examinait les questions les plus importantes à huis clos.\n")
    lines, notes = found_notes(text)
    assert [(n.label, note_body(lines, n)) for n in notes] == [
        ("1", "Voir la correspondance de l’ambassade."), ("2", "Idem."), ("3", "Idem."),
        ("4", "AVP RF, f. 0100, op. 16, p. 2, d. 49, l. 85ob.")]
    assert [_before(lines, n) for n in notes[2:]] == ["consulaire.|(3)", "la|(4)"]


def test_a_short_dotted_note_without_a_title_look_stays_a_note():
    # "2. AVP RF, … l. 93ob" ends without a stop above another note, but holds numbers and commas: a
    # reference, not a title
    text = ("The talks moved slowly.1 The embassy reported often.2 The replies came late.3\n"
            "1. DVP, vol. 8, p. 45.\n2. AVP RF, f. 04, op. 12, d. 5, l. 93ob\n3. Ibid.\n\n12\n"
            "\fThe next page goes on.\n")
    lines, notes = found_notes(text)
    assert [(n.label, _before(lines, n)) for n in notes] == [
        ("1", "slowly.|1"), ("2", "often.|2"), ("3", "late.|3")]


def test_a_reference_list_whose_title_ends_a_page_has_its_entries_on_the_next():
    text = ("The convention opened the way.1 The rupture produced a war scare.2\n\n"
            "Notes\n1. Ibid., p. 125.\n2. DVP, vol. 12, p. 47.\nReferences\n4\n"
            "\f1. Callender, J. Diplomacy of Recognition. London: Macmillan,\n1986. 414 pp.\n"
            "2. Ashworth, M. Moscow and the Far East. Cambridge: Cambridge\nUniversity Press, 1982. 152 pp.\n"
            "5\n")
    lines, notes = found_notes(text)
    assert [(n.label, note_body(lines, n)) for n in notes] == [
        ("1", "Ibid., p. 125."), ("2", "DVP, vol. 12, p. 47.")]


def test_a_marker_run_into_a_year_links_its_note_and_leaves_the_year():
    text = ("Разрыв с Великобританией вызвал тревогу.1 В 1927 г. ноты следовали одна за другой.\n"
            "Советско-японская конвенция 19252 г. открыла путь к восстановлению сети.\n\n"
            "1 АВП РФ. Ф. 04. Оп. 15. Д. 175. Л. 76.\n2 РГАСПИ. Ф. 495. Оп. 15. Д. 293. Л. 18а.\n\n17\n"
            "\fThe convention of 19253 opened the way, and the rupture of 1927 produced a war scare.\n\n"
            "3 Ibid., p. 125.\n\n18\n\fThe next page goes on.\n")
    lines, notes = found_notes(text)
    assert [(n.label, _before(lines, n)) for n in notes] == [
        ("1", "тревогу.|1"), ("2", "1925|2"), ("3", "1925|3")]
    assert lines[notes[1].marker.line].text[: notes[1].marker.end].endswith("конвенция 19252")


def test_a_sum_or_a_year_alone_is_no_marker_run_into_a_year():
    text = ("Заем в 15001 руб. был выдан в 1925 г. Переговоры шли медленно.\n\n"
            "1 ДВП. Т. 8. С. 45.\n\n17\n\fДалее текст.\n")
    lines, notes = found_notes(text)
    assert all(n.marker is None for n in notes)


OCR_LABEL_COLUMN = """The new line of! collective security demanded both flexibility and persistence.
The question of debts arose at every meeting with Western partners.” Ties were cut.
The negotiations moved slowly®, and the replies were drafted* with great care.
Graduates took up posts in embassies° and consulates.® They stayed.

Notes

4.

5.

6.

. The date is established from the contents.
. TNA, FO 371/17409, f. 154.

The telegram was published with cuts.

. Quoted from an unsigned copy kept in the file.

AVP RF, f. 0100, op. 30, p. 31, d. 103, 1. 100.
The telegram was published with cuts.
"""


def test_ocr_endnote_labels_in_a_column_of_their_own_number_the_texts_below():
    lines, notes = found_notes(OCR_LABEL_COLUMN)
    assert [(n.label, note_body(lines, n)) for n in notes] == [
        ("1", "The date is established from the contents."), ("2", "TNA, FO 371/17409, f. 154."),
        ("3", "The telegram was published with cuts."),
        ("4", "Quoted from an unsigned copy kept in the file."),
        ("5", "AVP RF, f. 0100, op. 30, p. 31, d. 103, 1. 100."),
        ("6", "The telegram was published with cuts.")]
    # as many garbled markers as notes: linked in order, each warned
    assert [_before(lines, n) for n in notes] == [
        "of|!", "partners.|”", "slowly|®", "drafted|*", "embassies|°", "consulates.|®"]
    assert all("linked by its order only" in n.warning for n in notes)


def test_ocr_endnotes_go_on_past_a_speck_at_the_page_foot_and_a_column_of_labels():
    text = ("Кадровый вопрос оставался острым!. Торговые интересы? опережали расчеты.\n"
            "Разрыв в 1927 г. вызвал® тревогу. Телеграммы порой приходили^ с опозданием.\n\n"
            "Примечания\n\n. Сведения о численности делегации расходятся.\n\n"
            ". Подробнее см. переписку полпредства за этот год.\n\nо чо мвьмь FB\n\n"
            "\f\n3. Документы внешней политики СССР. Т. 5. С. 155.\n\n4.\n5.\n\n"
            "РГАСПИ. Ф. 0100. On. 15. Д. 46. Л. 67.\n\nТам же. С. 193.\n")
    lines, notes = found_notes(text)
    assert [(n.label, note_body(lines, n)) for n in notes] == [
        ("1", "Сведения о численности делегации расходятся."),
        ("2", "Подробнее см. переписку полпредства за этот год."),
        ("3", "Документы внешней политики СССР. Т. 5. С. 155."),
        ("4", "РГАСПИ. Ф. 0100. On. 15. Д. 46. Л. 67."), ("5", "Там же. С. 193.")]
    assert not any(j for n in notes for j in n.lines if "мвьмь" in lines[j].text)  # the speck stays text


def test_reads_are_aligned_with_the_least_displacement_when_as_many_links_are_possible():
    # "!®" could be 13 or 16, "!°" 10, 13 or 15: two links either way, but only 12 and 13 keep the reads
    # in their places; the notes before them then take the reads before them, in order.
    assert align(["!®", "!", "!”", "!°", '"', "'®"], [10, 11, 12, 13, 14, 15, 16]) == [
        0, 1, 2, 3, None, None, 5]


def test_a_read_whose_digits_stand_in_the_label_s_places_may_be_its_marker():
    # Tesseract reads a superscript 10 as "!0": the mark for the 1, the 0 kept (the letter balance finds
    # it so); a "1" is still no read of 14, its digit printing another number.
    assert align(["!0", "!"], [10, 11]) == [0, 1]
    assert align(["1"], [14]) == [None]


def test_garbled_endnote_markers_with_a_digit_kept_are_linked_in_order():
    # From ru-endnotes-title-head as Tesseract read it: the markers of the notes 8-11 are "?", "?", "!0"
    # and "!", as many as the notes the section holds after the kept number 8.
    text = ("Вопрос о долгах царского правительства неизменно возникал\n"
            "на каждой? встрече с западными партнерами.\n\n"
            "Разрыв дипломатических отношений с Великобританией в\n"
            "1927 г. вызвал? в Москве настоящую военную тревогу.\n\n"
            "Шифрованные телеграммы порой приходили с!0 большим опоз-\n"
            "данием и искажениями. Советско-германские\n"
            "военные контакты долгое время! оставались тайной для обще-\n"
            "ственности.\n\n"
            "Примечания\n\n"
            "8. Подробнее см. переписку полпредства за этот год.\n\n"
            ". Документы внешней политики СССР. Т. 5. С. 155.\n\n"
            ". РГАСПИ. Ф. 0100. On. 15. Д. 46. Л. 67.\n\n"
            ". ГАРФ. Ф. 04. On. 14. Д. 28. Л. 161.\n")
    lines, notes = found_notes(text)
    # each linked by its order only, and warned so
    assert {n.decided for n in notes} == {"order"} and all("by its order only" in n.warning for n in notes)
    assert [(n.label, _before(lines, n)) for n in notes] == [
        ("8", "каждой|?"), ("9", "вызвал|?"), ("10", "с|!0"), ("11", "время|!")]


def test_dotted_notes_set_in_mid_column_are_notes_not_a_numbered_heading():
    # From fr-paren-inline-twocolumn as Tesseract read it: "1. AMAE, Europe" opens a line whose next
    # line opens with a capital, as a heading's section would; but the note 2 follows one line below
    # it, and the line below it ends a reference. The heading further on stays a heading.
    text = ("Le Bureau politique examinait les questions les plus im-\n"
            "portantes à huis clos. (1) Les télégrammes de Berlin révélaient\n"
            "l'intérêt croissant des industriels allemands. En définitive, la\n"
            "politique extérieure (2) de la dé-\n\n"
            "1. AMAE, Europe\nURSS, vol. 25, f. 295.\n2. DVP, t. 16, p. 456.\n\n1918-1940,\n\n"
            "cennie naquit d’une multitude de décisions pratiques.\n\n"
            "2. Les négociateurs\n\n"
            "Les diplômés des nouveaux cours occupèrent peu à peu des postes.\n")
    lines, notes = found_notes(text)
    assert [(n.label, _before(lines, n), note_body(lines, n)) for n in notes] == [
        ("1", "clos.|(1)", "AMAE, Europe 1918-1940, URSS, vol. 25, f. 295."),
        ("2", "extérieure|(2)", "DVP, t. 16, p. 456.")]
    heading = next(i for i, line in enumerate(lines) if line.text == "2. Les négociateurs")
    assert numbered_heading(lines, heading)
    one_line_note = raw_lines("1. AMAE, Europe\nURSS, vol. 48, f. 85.\n\nçais (2) hésitait.\n")
    assert not numbered_heading(one_line_note, 0)


def test_the_ocr_reads_a_bar_and_a_copyright_sign_for_superscript_digits():
    # From ru-article-alt-heads and en-article-alt-heads as Tesseract read them: "|!" for 11, "!©" for 16
    assert align(["|!"], [11]) == [0]
    assert align(["!©"], [16]) == [0]
    text = "Шифрованные телеграммы порой приходили с опозданием и искажениями. |!"
    assert [text[start:end] for start, end, _ in marker_candidates(text)] == [" |!"]


def test_an_endnote_never_takes_the_marker_of_a_page_foot_note():
    # From ru-mixed-notes as Tesseract read it: symbol footnotes and numbered endnotes; the "*" is the
    # footnote's, the "!" before the page's end the (garbled) marker of endnote 1.
    text = ("Кадровый вопрос оставался острым на протяжении всего десятилетия.* Исследователи обращали\n"
            "внимание на двойственный характер советской дипломатии этого времени. !\n\n"
            "*Сведения о численности делегации расходятся.\n\n61\n"
            "\fИностранные правительства видели в деятельности Коминтерна прямое вмешательство.? Нарком\n"
            "выступал в Женеве с речами, которые широко обсуждались в европейской печати.3\n\n"
            "Комментарии\n\n1. Там же. Л. 11об.\n\n2. Текст телеграммы опубликован с сокращениями.\n"
            "3. Документы внешней политики СССР. Т. 3. С. 630.\n")
    lines, notes = found_notes(text)
    assert [(n.label, _before(lines, n)) for n in notes] == [
        ("*", "десятилетия.|*"), ("1", "времени.|!"), ("2", "вмешательство.|?"), ("3", "печати.|3")]


def test_without_form_feeds_page_numbers_among_endnotes_are_pages_not_notes():
    # ru-endnotes-per-chapter as pdftotext wrote it, its form feeds deleted: a page number stands under
    # the notes of a chapter and after a chapter heading; it is neither a note's text nor the label of a
    # page-foot note (whose marker would be one of the endnotes' before the section).
    text = (ROOT / "bench/layout/raw/ru-endnotes-per-chapter.pdftotext.txt").read_text(encoding="utf-8")
    lines = raw_lines(text.replace("\f", ""))
    blocks = find_notes(lines)
    assert [b.place for b in blocks] == ["end"] * 4
    assert [len(b.notes) for b in blocks] == [7, 4, 3, 3]
    assert not any(is_page_number_line(lines, j) for b in blocks for n in b.notes for j in n.lines)
    markers = [(n.marker.line, n.marker.start) for b in blocks for n in b.notes]
    assert len(set(markers)) == len(markers) == 17
    assert [n.value for n in find_pages(lines, blocks).numbers] == [1, 2, 3, 4]


def test_without_form_feeds_an_ocr_endnote_section_goes_on_past_a_running_head_and_a_page_number():
    # ru-endnotes-title-head as Tesseract read it, its form feeds deleted: the section breaks off at a speck
    # and the next page's running head, and its column of labels "10." … "16." is followed by the page
    # number "48", which is no label of the column nor a note's text.
    text = (ROOT / "bench/layout/raw/ru-endnotes-title-head.ocr.txt").read_text(encoding="utf-8")
    lines = raw_lines(text.replace("\f", ""))
    notes = [n for b in find_notes(lines) if b.place == "end" for n in b.notes]
    assert [n.label for n in notes] == [str(k) for k in range(1, 17)]
    assert not any(lines[j].stripped in ("48", "Долговой вопрос", "AT") for n in notes for j in n.lines)
    assert note_body(lines, notes[9]) == "РГАСПИ. Ф. 0100. On. 15. Д. 46. Л. 67."


def test_a_page_number_and_head_close_to_an_endnote_stay_in_it_with_a_warning():
    # ru-endnotes-title-head as `pdftotext -raw` wrote it, its form feeds deleted: "47" and the next
    # page's head "Долговой вопрос" stand between notes 8 and 9 with no blank line. They are no page-foot
    # notes of another style: they stay note 8's lines (no letter lost), and the note says so.
    text = (ROOT / "bench/layout/raw/ru-endnotes-title-head.raw.txt").read_text(encoding="utf-8")
    lines = raw_lines(text.replace("\f", ""))
    blocks = find_notes(lines)
    note = next(n for b in blocks for n in b.notes if n.label == "8")
    assert [lines[j].stripped for j in note.lines[1:]] == ["47", "Долговой вопрос"]
    assert "with the number “47” alone: perhaps a page number" in note.warning
    assert [b.place for b in blocks] == ["end"]


def test_notes_of_the_first_column_written_after_those_of_the_second_take_their_text_below_their_labels():
    # pdftotext wrote the notes 1 and 2 (under the first column) after the notes 3 to 6 of the page
    text = ("затрагивал интересы тысяч промысловиков.3 Продажа дороги завершила историю.4\n"
            "Вступление СССР в Лигу Наций означало поворот в курсе Москвы.1 Архивные материалы\n"
            "позволяют уточнить хронологию. Авторы записки подчеркивали2 , что интересы\n"
            "опережали расчеты. С одной стороны5 , провозглашалась мирная политика, и ответы\n"
            "на6 них составлялись в Москве очень тщательно.\n\n"
            "3\n\nЦит. по копии, хранящейся в деле без подписи.\n4\nТекст телеграммы опубликован\n"
            "с сокращениями.\n5\nГАРФ. Ф. 0100. Оп. 25. Д. 135.\nЛ. 35.\n6\nТекст телеграммы опубликован\n"
            "с сокращениями.\n\n1\n\nАВП РФ. Ф. 04. Оп. 15. Д. 175.\nЛ. 76.\n"
            "2\nРГАСПИ. Ф. 146. Оп. 9. Д. 372.\nЛ. 181.\n\n9\n\fНа следующей странице текст продолжается.\n")
    lines, notes = found_notes(text)
    assert [(n.label, _before(lines, n)) for n in notes] == [
        ("1", "Москвы.|1"), ("2", "подчеркивали|2"), ("3", "промысловиков.|3"), ("4", "историю.|4"),
        ("5", "стороны|5"), ("6", "на|6")]
    assert [note_body(lines, n) for n in notes[:2]] == [
        "АВП РФ. Ф. 04. Оп. 15. Д. 175. Л. 76.", "РГАСПИ. Ф. 146. Оп. 9. Д. 372. Л. 181."]
    assert all("stands after the notes 3–6" in n.warning for n in notes[:2])
    assert not notes[2].warning  # the numbers missing before note 3 were found


def test_a_symbol_note_links_to_a_marker_of_its_own_page():
    # Symbols restart on every page: the "*" of page 2 is not the one of page 1 (whose note was lost)
    text = ("The embassy in Tokyo reported* regularly on the hesitations of the cabinet, and\n"
            "archival materials allow us to refine the chronology of its\n\n1\n"
            "\fCipher telegrams sometimes arrived late and in a badly garbled state.* The trade\n"
            "delegation in London worked under constant suspicion.\n\n"
            "* The date is established from the contents.\n\n2\n\fThe next page goes on.\n")
    lines, notes = found_notes(text)
    assert [(n.label, _before(lines, n)) for n in notes] == [("*", "state.|*")]


def test_a_numbered_heading_broken_over_a_blank_line_by_the_ocr_is_no_note():
    text = ("Наркомат неизменно возникал на каждой встрече с партнерами.3 В ряде случаев решения\n"
            "принимались без согласования с наркоматом внешней торговли.\n\n"
            "3. Торговые интере-\n\nСЫ\n\n"
            "Кадровый вопрос оставался острым на протяжении всего десятилетия.\n")
    assert found_notes(text)[1] == []


def test_notes_with_labels_alone_under_the_first_column_end_where_the_running_text_resumes():
    text = ("Вступление СССР в Лигу Наций означало заметный поворот в курсе Москвы.1 Авторы\n"
            "записки подчеркивали2, что торговые интересы опережали расчеты Москвы. Особое\n"
            "1\nАВП РФ. Ф. 04. Оп. 15. Д. 175.\nЛ. 76.\n2\nРГАСПИ. Ф. 146. Оп. 9. Д. 372.\nЛ. 181.\n"
            + "внимание уделялось рыболовному вопросу, который затрагивал интересы тысяч\n" * 20
            + "промысловиков.\n9\n\fНа следующей странице текст продолжается.\n")
    lines, notes = found_notes(text)
    assert [(n.label, _before(lines, n), note_body(lines, n)) for n in notes] == [
        ("1", "Москвы.|1", "АВП РФ. Ф. 04. Оп. 15. Д. 175. Л. 76."),
        ("2", "подчеркивали|2", "РГАСПИ. Ф. 146. Оп. 9. Д. 372. Л. 181.")]
