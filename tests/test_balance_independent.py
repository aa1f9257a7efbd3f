"""The letter balance finds note labels, markers, specks and second copies where they sit in the raw lines,
from the raw file and the TEI alone: a pass that cuts more than a label or a marker and records it all as
removed does not pass the balance, and the raw line is named."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from projects import tiny_project

from diplo_edition.editions import load_edition
from diplo_edition.layout.hyphenation import Dehyphenator
from diplo_edition.layout.passes import Flow, Footnotes, Furniture, Pages, SecondCopies
from diplo_edition.model.document import Document
from diplo_edition.model.lines import Line, count_letters
from diplo_edition.model.passes import PassChain
from diplo_edition.ocr.passes import ReadSources
from diplo_edition.pipeline import process_document
from diplo_edition.tei.balance import letter_balance

RAW = (
    "Переговоры в Пекине шли долго, и стороны не раз прерывали их.1 Японская\n"
    "сторона настаивала на концессиях на Северном Сахалине, а советская\n"
    "требовала вывода войск до подписания конвенции.2 Конвенция была подписана\n"
    "в январе 1925 г. и открыла новый этап в отношениях двух стран.\n"
    "\n"
    "1 АВП РФ. Ф. 04. Оп. 15. Д. 175. Л. 76.\n"
    "2 Документы внешней политики СССР. Т. 8. С. 70.\n"
)


class LabelTooLong(Footnotes):
    """Footnotes whose labels run three letters into the note's text (a broken pass)."""

    def apply(self, doc: Document) -> None:
        super().apply(doc)
        for block in doc.footnotes:
            for note in block.notes:
                note.text_start += 3


class MarkerTooLong(Footnotes):
    """Footnotes whose markers take the letter and the stop before them (a broken pass)."""

    def apply(self, doc: Document) -> None:
        super().apply(doc)
        for block in doc.footnotes:
            for note in block.notes:
                if note.marker:
                    note.marker = replace(note.marker, start=note.marker.start - 2)


def build(tmp_path, footnotes: Footnotes):
    edition = load_edition(tiny_project(tmp_path, RAW))
    layout = [SecondCopies(), Furniture(), footnotes, Pages(), Flow(Dehyphenator(Counter()))]
    chain = PassChain([ReadSources(), *layout])
    return process_document(edition.documents[0], edition.collection, Counter(), chain=chain)


def test_labels_and_markers_are_found_in_the_raw_lines(tmp_path):
    result = build(tmp_path, Footnotes())
    assert "removed 4 (footnote-label 2, footnote-marker 2): balanced" in result.report.letters


def test_a_label_cut_too_long_is_caught_though_the_pass_recorded_it(tmp_path):
    result = build(tmp_path, LabelTooLong())
    reported = sum(n for (rule, _), n in result.removed.items() if rule == "footnote-label")
    assert reported == 8  # the pass says it removed the labels and the three letters after each
    # A line the balance cannot place explains none of its letters: its label counts as lost too.
    assert result.report.letters.startswith(
        "raw 282 = TEI 272 + removed 2 (footnote-marker 2): LOST 8, ADDED 0, "
        "2 raw lines not in the TEI (sources/test-doc.ru.txt:6, sources/test-doc.ru.txt:7)"
    )


def test_a_marker_cut_too_long_is_caught_though_the_pass_recorded_it(tmp_path):
    result = build(tmp_path, MarkerTooLong())
    reported = sum(n for (rule, _), n in result.removed.items() if rule == "footnote-marker")
    assert reported == 4  # "х.1" and "и.2": the markers and a letter before each
    assert result.report.letters.startswith(
        "raw 282 = TEI 276 + removed 2 (footnote-label 2): LOST 4, ADDED 0, "
        "2 raw lines not in the TEI (sources/test-doc.ru.txt:1, sources/test-doc.ru.txt:3)"
    )


def balance_of(raw: str, body: str) -> str:
    """The balance of a raw file against a TEI whose body is given (no pass reports anything: every
    removal must be found in the raw lines)."""
    tei = f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>{body}</body></text></TEI>'.encode()
    lines = [Line(text, "a.txt", k) for k, text in enumerate(raw.split("\n"), 1)]
    return str(letter_balance(count_letters(raw), tei, Counter(), {"a.txt": lines}))


def test_a_marker_glued_to_a_year_is_cut_from_the_year():
    raw = "The convention of 19255 opened the way to the restoration of the network.\n\n5 Ibid., p. 125."
    body = '<p>The convention of 1925<note n="5">Ibid., p. 125.</note> opened the way to the restoration ' \
           "of the network.</p>"
    assert balance_of(raw, body).endswith("removed 2 (footnote-label 1, footnote-marker 1): balanced")


def test_a_marker_the_ocr_garbled_is_cut_as_the_label_it_reads():
    raw = "Межведомственные споры затягивали!0 подготовку проектов.\n\n10 Там же. Л. 11."
    body = '<p>Межведомственные споры затягивали<note n="10">Там же. Л. 11.</note> подготовку проектов.</p>'
    assert balance_of(raw, body).endswith("removed 3 (footnote-label 2, footnote-marker 1): balanced")


def test_a_heading_number_alone_on_its_line_is_text_not_a_note_label():
    # "2" over its heading and "2" over its note: the letters are the same, the places are not; the
    # heading's runs into its title in the TEI, the other begins the note.
    raw = ("2\n\nThe negotiators of the treaty\n\nThe talks went on for months in Peking.2\n\n"
           "2\nQuoted from an unsigned copy.")
    body = ('<div><head>2. The negotiators of the treaty</head><p>The talks went on for months in '
            'Peking.<note n="2">Quoted from an unsigned copy.</note></p></div>')
    assert balance_of(raw, body).endswith("removed 2 (footnote-label 1, footnote-marker 1): balanced")


def test_a_short_line_is_found_where_the_text_goes_on_not_as_a_note_it_begins():
    # "1. AMAE, Europe" left in the running text (the notes pass did not take it) also begins a note
    # further on: the reading text going on with the whole line settles it.
    raw = ("la politique de la dé-\n1. AMAE, Europe\nURSS, vol. 25.\n\nLa suite du texte (1) ici.\n\n"
           "1. AMAE, Europe 1918-1940, URSS, vol. 21.")
    body = ('<p>la politique de la dé-1. AMAE, Europe URSS, vol. 25.</p><p>La suite du texte<note n="1">'
            'AMAE, Europe 1918-1940, URSS, vol. 21.</note> ici.</p>')
    assert balance_of(raw, body).endswith("removed 2 (footnote-label 1, footnote-marker 1): balanced")
