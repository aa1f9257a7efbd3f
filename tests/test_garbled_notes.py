"""Notes whose labels and markers the OCR garbled, and notes whose labels `pdftotext` set apart.

The inputs are written as Tesseract and ``pdftotext`` write them (taken from the conformance corpus):
superscript digits read as marks glued to the word before them ("manoeuvre.!", "interests”"), the labels at
the page foot read as marks or letters ("‘DVP", "SAVP"), or set away from their notes ("тер1", a "2" alone
after the notes).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from conftest import ROOT, TEXTBOOK
from projects import found_notes, raw_lines

from diplo_edition.editions import SourceRef
from diplo_edition.layout.garbled_marks import label_end, marker_candidates
from diplo_edition.layout.hyphenation import Dehyphenator
from diplo_edition.layout.passes import Flow, Footnotes, Pages
from diplo_edition.layout.superscript_reads import align
from diplo_edition.model.document import Document
from diplo_edition.model.inline import Note
from diplo_edition.model.lines import Line
from diplo_edition.pipeline import process_document


def _before(lines: list[Line], note) -> str:
    """The word before a note's marker, and the marker as read."""
    m = note.marker
    text = lines[m.line].text
    return text[: m.start].split()[-1] + "|" + text[m.start : m.end].strip()


OCR_PAGE = """The negotiations moved slowly, and each side tried to keep its free-
dom of manoeuvre.! Its authors stressed that commercial interests”
often ran ahead of political calculation in Moscow. Cipher tele-
grams sometimes arrived late and in a badly garbled state.

The new line of collective security demanded both flexibility and persistence.®
Soviet negotiators offered to recognise part of the obligations in exchange
for long-term loans.* Graduates of the new courses took up posts abroad.

‘DVP, vol. 8, p. 652.

?Ibid., p. 297.

3 AVP RF, f. 0100, op. 3, p. 50, d. 89, 1. 236a.
‘Tbid., p. 124.

331
\fThe next page goes on with the running text, and on, to its very end."""


def test_garbled_labels_and_markers_are_linked_by_their_order_with_a_warning():
    lines, notes = found_notes(OCR_PAGE)
    assert [n.label for n in notes] == ["1", "2", "3", "4"]
    assert [_before(lines, n) for n in notes] == ["manoeuvre.|!", "interests|”", "persistence.|®", "loans.|*"]
    assert all(n.decided == "order" and "linked by its order only" in n.warning for n in notes)
    # the garbled label is no part of the note's text
    first = notes[0]
    assert lines[first.label_line].text[first.text_start :] == "DVP, vol. 8, p. 652."
    assert [lines[j].text for j in notes[3].lines] == ["‘Tbid., p. 124."]


def test_the_build_summary_counts_notes_linked_by_order(edition):
    doc = next(d for d in edition.documents if d.id == TEXTBOOK)
    document = Document(replace(doc), edition.collection)
    document.lines = raw_lines(OCR_PAGE)
    Footnotes().apply(document)
    Pages().apply(document)
    Flow(Dehyphenator(Counter())).apply(document)
    assert document.report.notes_by_order == 4 and document.report.notes_unanchored == 0
    warned = [d.line for d in document.diagnostics if "order only" in d.message]
    assert warned == [10, 12, 14, 15]  # each at its note's raw line
    flowed = [x for b in document.body for x in b.content if isinstance(x, Note)]
    assert [n.label for n in flowed] == ["1", "2", "3", "4"]
    text = " ".join(x for b in document.body for x in b.content if isinstance(x, str))
    assert "manoeuvre.!" not in text and "manoeuvre." in text


def test_a_page_whose_notes_and_candidates_disagree_links_only_what_the_reads_tell():
    # Five notes, four candidates: the marker of note 8 vanished. "’" reads 7, "!?" 10, "!!" 11; the "?"
    # could be 8 or 9 by its look, but only 9 leaves the reads in order with the others.
    assert align(["’", "?", "!?", "!!"], [7, 8, 9, 10, 11]) == [0, None, 1, 2, 3]
    # "®" alone between two notes it could both be (3 and 6): left unanchored rather than guessed.
    assert align(["®"], [3, 4, 5, 6]) == [None, None, None, None]
    # As many notes left over between two links as reads: paired in order.
    assert align(["6", "”", "?", "?"], [5, 6, 7, 8, 9]) == [None, 0, 1, 2, 3]


def test_a_page_without_garbled_markers_keeps_its_foot_as_running_text():
    text = ("The embassy in Tokyo reported regularly on the cabinet. Its line was firm.\n"
            "Consular reports from Harbin described the railway in detail.\n\n"
            "‘The new line of security demanded flexibility.\n"
            "2Trade agreements secured the supply of wool.\n\n"
            "331\n\fThe next page goes on with the running text, and on, to its very end.")
    lines, notes = found_notes(text)
    assert notes == []


def test_marks_that_are_punctuation_are_no_candidates():
    # a closing quote after an opening one, an apostrophe inside a word, a question before a capital
    assert marker_candidates("He called it “a fair deal” and left.") == []
    assert marker_candidates("l’Europe d’aujourd’hui") == []
    assert marker_candidates("Was it fair? Nobody knew.") == [(11, 12, False)]
    assert marker_candidates("la guerre. ! nous") == [(10, 12, True)]  # French: a space before the mark


def test_label_ends_as_the_ocr_reads_them():
    assert label_end("‘DVP, vol. 8") == 1
    assert label_end("SAVP RF, f. 04") == 1
    assert label_end("2РГАСПИ. Ф. 08") == 1
    assert label_end("°) Там же. С. 14.") == 3
    assert label_end("Soviet diplomacy") == 0  # a capital and a lower-case letter: a word


PDFTOTEXT_PAGE = """Франко-советские переговоры о долгах несколько раз прерывались
и возобновлялись. В итоге внешнеполитический1 курс десятилетия сложился из решений.
Нарком выступал в Женеве с речами, которые широко обсуждались2 в европейской печати.
Дипломатическая почта доставлялась курьерами, маршруты которых держались
в строгой тайне.3 Особое внимание уделялось рыболовному вопросу, который тер1

Подробнее см. переписку полпредства за этот год.
РГАСПИ. Ф. 08. Оп. 1. Д. 397. Л. 51а.
3
Там же. С. 290.
2

117
\fпеливо разъяснять позицию правительства. Консульские донесения шли из Харбина."""


def test_notes_above_a_block_whose_labels_were_set_apart_take_their_numbers():
    # pdftotext glued label 1 to the last line of the text and set label 2 after the notes.
    lines, notes = found_notes(PDFTOTEXT_PAGE)
    assert [n.label for n in notes] == ["1", "2", "3"]
    assert [[lines[j].text for j in n.lines if lines[j].text not in ("2", "3")] for n in notes] == [
        ["Подробнее см. переписку полпредства за этот год."],
        ["РГАСПИ. Ф. 08. Оп. 1. Д. 397. Л. 51а."],
        ["Там же. С. 290."],
    ]
    assert [_before(lines, n) for n in notes] == ["внешнеполитический|1", "обсуждались|2", "тайне.|3"]
    assert "was not found" in notes[0].warning and "stands apart" in notes[1].warning


def test_a_label_alone_above_two_texts_after_a_gap_splits_them():
    # pdftotext glued label 2 to the line above label 3, which stands alone above both notes' texts.
    text = ("Шифрованные телеграммы затягивали1 подготовку проектов. Иностранные\n"
            "правительства видели прямое вмешательство во2 внутренние дела. Надо было\n"
            "терпеливо разъяснять3 позицию правительства.\n\n"
            "1\nДата документа установлена по содержанию.\n\n"
            "Этингер В. Л. Дипломатия признания. Л.: Изд2\n3\n"
            "Там же. Л. 174об.\n"
            "РГАСПИ. Ф. 0100. Оп. 29. Д. 115. Л. 184.\n\n"
            "207\n\fСледующая страница идёт дальше, до самого конца.")
    lines, notes = found_notes(text)
    assert [n.label for n in notes] == ["1", "2", "3"]
    assert [lines[j].text for j in notes[1].lines] == ["Там же. Л. 174об."]
    assert "was not found" in notes[1].warning
    assert [_before(lines, n) for n in notes] == ["затягивали|1", "во|2", "разъяснять|3"]


def test_an_endnote_section_whose_labels_the_ocr_garbled_is_read_and_linked_by_order():
    text = ("Переговоры шли медленно, и решения не последовали.! Торговые соглашения обеспечивали\n"
            "поставки? шерсти и скота. Вопрос о долгах возникал на каждой встрече с партнерами.3\n\n"
            "Примечания\n\n"
            ". Сведения о численности делегации расходятся.\n\n"
            ". АВП РФ. Ф. 146. Оп. 29. Д. 215. Л. 176а.\n"
            ". Документы внешней политики СССР. Т. 7. С. 339.\n\n"
            "о чо мвьмь FB\n")
    lines, notes = found_notes(text)
    assert [n.label for n in notes] == ["1", "2", "3"]
    assert [_before(lines, n) for n in notes] == ["последовали.|!", "поставки|?", "партнерами.|3"]
    assert [n.decided for n in notes] == ["order", "order", "label"]
    assert lines[notes[1].label_line].text[notes[1].text_start :].startswith("АВП РФ")


def test_notes_under_the_first_of_two_columns_are_read_in_the_middle_of_the_page():
    # ru-twocolumn as Tesseract read it: the notes under the first column stand in the middle of the page,
    # between the sentence they interrupt and its end; those under the second at the foot. Both are the
    # page's notes, numbered on and linked in order to the garbled markers of the running text.
    text = (ROOT / "bench/layout/raw/ru-twocolumn.ocr.txt").read_text(encoding="utf-8")
    lines, notes = found_notes(text)
    page_three = [n for n in notes if 7 <= n.n <= 12]
    assert [(n.label, lines[n.label_line].number) for n in page_three] == [
        ("7", 217), ("8", 220), ("9", 223), ("10", 258), ("11", 261), ("12", 264)]
    assert [lines[n.marker.line].text[n.marker.start : n.marker.end].strip() for n in page_three] == [
        "”", "8", "?", "10", "!!", "!?"]
    # the running text between the two blocks of notes stays text
    resumed = next(i for i, line in enumerate(lines) if line.text.startswith("комиссариат иностранных"))
    assert not any(resumed in n.lines for n in notes)


def test_a_number_counted_over_the_pages_is_no_label_a_marker_could_confirm():
    # ru-twocolumn as Tesseract read it, its form feeds deleted: a page's foot is lost among the pages
    # run together, so the notes after it are counted short ("7 Документы" counted as note 3). A marker
    # that reads the counted number ("промысловиков.3") links the note by its order only, warned.
    text = (ROOT / "bench/layout/raw/ru-twocolumn.ocr.txt").read_text(encoding="utf-8").replace("\f", "")
    lines, notes = found_notes(text)
    assert all(lines[n.label_line].text.startswith(n.label) for n in notes if n.decided == "label")
    counted = next(n for n in notes if lines[n.label_line].text.startswith("7 Документы"))
    assert counted.label != "7" and "linked by its order only" in counted.warning



# The foot of a page as Tesseract read it (bench/layout/raw/ru-thesis-chapters-perpage.ocr.txt): superscript
# 3 read as the capital "З" glued to a word in small letters, 6 as "б" glued to the stop after a word.
CYRILLIC_READS_PAGE = """Особое внимание уделялось рыболовному вопросу, который
затрагивал интересы тысяч промысловиков. Кадровый вопрос
оставалсяЗ острым на протяжении всего десятилетия.

Конфликт на КВЖД в 1929 г. поставил под угрозу всю систему
отношений с Китаем.^ Признание СССР со стороны Соединенных
Штатов в 1933? г. сопровождалось оживленной полемикой.

Авторы записки подчеркивали, что торговые интересы неред-
ко опережали политические расчеты Москвы. Вопрос о долгах
возникал на каждой встрече с западными партнерами.б Выпуск-
ники новых курсов постепенно занимали места в полпредствах.

ЗГАРФ. Ф. 146. On. 2. Д. 254. Л. 47.

“ГАРФ. Ф. 04. On. 27. Д. 155. Л. 210.

5 Документы внешней политики СССР. Т. 12. С. 324.
6 Документы внешней политики СССР. T. 11. С. 455.
\fСледующая страница продолжает текст, и дальше, до самого конца."""


def test_a_cyrillic_letter_read_for_a_superscript_digit_is_a_marker_the_letter_balance_accepts(
    edition, tmp_path
):
    lines, notes = found_notes(CYRILLIC_READS_PAGE)
    assert [(n.label, _before(lines, n)) for n in notes] == [
        ("3", "оставался|З"), ("4", "Китаем.|^"), ("5", "1933|?"), ("6", "партнерами.|б")]
    assert all(n.decided == "order" and n.warning for n in notes)
    # a small letter after small ones is the word's own; a letter between two stops is no marker
    assert marker_candidates("без сомнения, с т.з. истории") == []
    # the letters cut as markers are counted from the raw file and the TEI alone: balanced
    raw = tmp_path / "sources" / "a.txt"
    raw.parent.mkdir()
    raw.write_text(CYRILLIC_READS_PAGE + "\n", encoding="utf-8")
    doc = next(d for d in edition.documents if d.id == TEXTBOOK)
    doc = replace(doc, sources=(SourceRef(raw, "sources/a.txt", "body", None, 1),), corrections=())
    letters = process_document(doc, edition.collection, Counter()).report.letters
    assert "(footnote-label 3, footnote-marker 2): balanced" in letters
