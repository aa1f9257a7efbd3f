"""Symbol notes ("*", "†", "‡", "§", "¶") as Tesseract reads them, on the real OCR files of the layout
conformance corpus: the superscript symbols read as other marks and letters at the marker ("Moscow.’",
"ofS", "концессиям.1") and at the label ("TAVP", "{Сведения", "ЗРГАСПИ"), linked by their order on the page
and warned at their raw lines.
"""

from __future__ import annotations

from collections import Counter

from conftest import ROOT
from projects import found_notes, note_body, tiny_project

from diplo_edition.editions import load_edition
from diplo_edition.layout.garbled_marks import letter_marks
from diplo_edition.layout.hyphenation import Dehyphenator
from diplo_edition.layout.passes import without_furniture
from diplo_edition.layout.superscript_reads import SYMBOL_READS, align, compatible
from diplo_edition.model.document import Document
from diplo_edition.pipeline import default_passes, process_document

RAW = ROOT / "bench" / "layout" / "raw"

# What the OCR wrote for a superscript symbol in the corpus (document, the raw text around it, the read,
# the symbol the gold prints there): markers after their words, labels before their notes' first words.
CORPUS_READS = [
    ("en-symbol-twocolumn", "war scare in\nMoscow.’", "’", "†"),
    ("en-symbol-twocolumn", "ity and persistence.? In", "?", "‡"),
    ("en-symbol-twocolumn", "the threat ofS inter", "S", "§"),
    ("en-symbol-twocolumn", "arrived late and? in", "?", "‡"),
    ("en-symbol-twocolumn", "ity and persistence.' The", "'", "†"),
    ("en-symbol-twocolumn", "in Moscow.! Notes", "!", "‡"),
    ("en-symbol-twocolumn", "endangered the’ whole", "’", "§"),
    ("en-symbol-twocolumn", "“AVP RF, f. 146, op. 7", "“", "*"),
    ("en-symbol-twocolumn", "TAVP RF, f. 146, op. 17", "T", "†"),
    ("en-symbol-twocolumn", "TAVP RF, f. 04, op. 1,", "T", "‡"),
    ("en-symbol-twocolumn", "STNA, FO 371/15250", "S", "§"),
    ("en-symbol-twocolumn", "?The telegram", "?", "‡"),
    ("en-symbol-twocolumn", "'Tbid., p. 280.", "'", "‡"),
    ("ru-symbol-notes-quote", "дипломатических отношений!", "!", "†"),
    ("ru-symbol-notes-quote", "концессиям.1 Продажа", "1", "‡"),
    ("ru-symbol-notes-quote", "казала*, что", "*", "‡"),
    ("ru-symbol-notes-quote", "наркомата.” Торговое", "”", "*"),
    ("ru-symbol-notes-quote", "'Документы внешней политики СССР. Т. 5.", "'", "†"),
    ("ru-symbol-notes-quote", "{Сведения о численности", "{", "‡"),
    ("ru-symbol-notes-quote", "ЗАВП РФ. Ф. 495. On. 27", "З", "§"),
    ("ru-symbol-notes-quote", '"Там же. С. 33.', '"', "†"),
    ("ru-symbol-notes-quote", "ТАВП РФ. Ф. 495. On. 21", "Т", "‡"),
    ("ru-mixed-notes", "консульствах.! Знание", "!", "†"),
    ("ru-mixed-notes", "[1, с. 239].1", "1", "‡"),
    ("ru-mixed-notes", "консультаций. 3", "3", "§"),
    ("ru-mixed-notes", "правительства.1 Пере", "1", "¶"),
    ("ru-mixed-notes", "{РГАСПИ. ®. 08.", "{", "‡"),
    ("ru-mixed-notes", "ЗРГАСПИ. Ф. 146.", "З", "§"),
    ("ru-mixed-notes", "ТРГАСПИ. Ф. 04.", "Т", "¶"),
]


def _raw(doc: str) -> str:
    return (RAW / f"{doc}.ocr.txt").read_text(encoding="utf-8")


def _marker(lines, note) -> str:
    """The word before a note's marker and the marker as read, or "" for a note linked to none."""
    m = note.marker
    if m is None:
        return ""
    text = lines[m.line].text
    return text[: m.start].split()[-1] + "|" + text[m.start : m.end].strip()


def test_the_symbol_read_table_covers_what_the_corpus_shows():
    for doc, around, read, symbol in CORPUS_READS:
        assert around in _raw(doc), (doc, around)
        assert read in around
        assert compatible(read, symbol), (doc, around, read, symbol)
    assert set(SYMBOL_READS) == set("*†‡§¶")
    # A read fits its symbol only: "S" is no asterisk's, "{" no dagger's.
    assert not compatible("S", "*") and not compatible("{", "†") and not compatible("T", "§")


def test_symbol_reads_are_aligned_with_the_symbols_in_order():
    # a page's reads "’", "?", "S" and the notes †, ‡, §: each read fits its own symbol
    assert align(["’", "?", "S"], ["†", "‡", "§"]) == [0, 1, 2]
    # an asterisk read before them is no note's of the three
    assert align(["*", "’", "?", "S"], ["†", "‡", "§"]) == [1, 2, 3]


def test_two_column_symbol_notes_are_linked_on_every_page():
    lines, notes = found_notes(_raw("en-symbol-twocolumn"))
    assert [(n.label, _marker(lines, n)) for n in notes] == [
        ("*", "reported|*"), ("†", "Moscow.|’"), ("‡", "persistence.|?"), ("§", "of|S"),
        ("*", "Harbin|*"), ("†", "doors.|’"), ("‡", "and|?"),
        ("*", "state.|*"), ("†", "persistence.|'"), ("‡", "Moscow.|!"), ("§", "the|’"),
    ]
    # The garbled label is no part of the note's text; a note under the first column ends its block.
    assert note_body(lines, notes[1]).startswith("AVP RF, f. 146, op. 17")
    assert note_body(lines, notes[7]) == "The date is established from the contents."
    assert note_body(lines, notes[8]) == "DVP, vol. 14, p. 114."
    # Every link a garbled read decided is by order only, and says so.
    by_order = [n for n in notes if n.decided == "order"]
    assert len(by_order) == 10 and all("linked by its order only" in n.warning for n in by_order)


def test_garbled_symbol_labels_split_the_notes_of_a_page():
    lines, notes = found_notes(_raw("ru-symbol-notes-quote"))
    first_page = [n for n in notes if lines[n.label_line].number < 42]
    assert [(n.label, _marker(lines, n)) for n in first_page] == [
        ("*", "co|*"), ("†", "отношений|!"), ("‡", "концессиям.|1"), ("§", "")]
    assert note_body(lines, first_page[2]) == "Сведения о численности делегации расходятся."
    # The OCR lost the marker of § ("внешней политики"): the note stays, linked to no year or number.
    assert first_page[3].marker is None


def _pipeline_notes(tmp_path, doc: str):
    """The lines (without the page furniture) and the notes of a corpus file as the pipeline reads them."""
    edition = load_edition(tiny_project(tmp_path, _raw(doc)))
    document = Document(edition.documents[0], edition.collection)
    default_passes(Dehyphenator(Counter()), None).until("pages").run(document)
    lines = without_furniture(document.lines, document.furniture)
    return lines, [note for block in document.footnotes for note in block.notes]


def test_page_foot_symbols_inside_an_endnote_section_are_the_pages_notes(tmp_path):
    lines, notes = _pipeline_notes(tmp_path, "ru-mixed-notes")
    by_label = {n.label: n for n in notes}
    assert _marker(lines, by_label["†"]) == "консульствах.|!"
    assert _marker(lines, by_label["§"]) == "консультаций.|3"
    assert _marker(lines, by_label["¶"]) == "правительства.|1"
    endnote_4 = next(n for n in notes if n.label == "4")
    assert note_body(lines, endnote_4) == "Документы внешней политики СССР. Т. 2. С. 133."
    # Endnote 5's marker is lost: it takes no page-foot symbol's marker by its order.
    assert next(n for n in notes if n.label == "5").marker is None

    edition = load_edition(tiny_project(tmp_path, _raw("ru-mixed-notes"), name="built"))
    result = process_document(edition.documents[0], edition.collection, Counter())
    warned = {d.line for d in result.diagnostics if "linked by its order only" in d.message}
    assert {79, 80, 121, 122} <= warned  # †, ‡, §, ¶ at their raw lines
    assert result.report.notes_by_order >= 4 and result.report.notes_unanchored >= 1


def test_split_and_slashed_superscript_digits_are_read_whole(tmp_path):
    # ru-twocolumn, page 4: "угроза/3" is 13 (its label "\ЗРГАСПИ"), "сопровождалось! 6" is 16; the
    # marker of 15 ("консультаций.") was lost: the note stays, linked to none.
    lines, notes = _pipeline_notes(tmp_path, "ru-twocolumn")
    page = {n.label: n for n in notes if n.label in ("13", "14", "15", "16")}
    assert {label: _marker(lines, n) for label, n in page.items()} == {
        "13": "угроза|/3", "14": "тайне.|14", "15": "", "16": "сопровождалось|! 6"}
    assert note_body(lines, page["13"]).endswith("Ф. 08. Он. 19. Д. 166. Л. 2006.")
    assert page["13"].decided == page["16"].decided == "order"


def test_a_small_letter_read_for_a_digit_is_cut_only_where_the_lexicon_rejects_the_word(tmp_path):
    # ru-twocolumn, page 1: "стороныб," and "наб них" are the markers 5 and 6 ("б" for 6); "раз", "газ" and
    # "без" keep their letters (each is a word as common as, or more than, the word without it).
    assert letter_marks("С одной стороныб, провозглаша-") == [(15, 16)]
    assert letter_marks("и ответы наб них") == [(11, 12)]
    assert letter_marks("без газа раз и газ") == []
    lines, notes = _pipeline_notes(tmp_path, "ru-twocolumn")
    page = {n.label: n for n in notes if n.label in ("5", "6")}
    assert {label: _marker(lines, n) for label, n in page.items()} == {"5": "стороны|б", "6": "на|б"}
