"""Page furniture: form feeds are page breaks; running heads and feet, page numbers and OCR specks at the
page edges are found by repetition and place and become forme work (fw), out of the reading text; the
printed numbers follow the sequence, and the letter balance shows a head left in the text.

The raw texts are written as ``pdftotext``, ``pdftotext -raw`` and Tesseract write them (a form feed at
every page end), in Russian, English and French; one test typesets a document with LaTeX when it can.
"""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import NS
from lxml import etree
from projects import tiny_project

from diplo_edition.editions import load_edition
from diplo_edition.layout.hyphenation import Dehyphenator
from diplo_edition.layout.passes import Flow, Footnotes, FrontMatter, Furniture, Pages, SecondCopies
from diplo_edition.model.passes import PassChain
from diplo_edition.ocr.passes import ReadSources
from diplo_edition.ocr.read import decode, split_lines
from diplo_edition.pipeline import process_document
from diplo_edition.tei.validate import SAFE_PARSER

SOURCE = "sources/test-doc.ru.txt"

RU_PAGES = [
    "Лев Николаевич работал над романом шесть лет, с 1863 по 1869 год.\n"
    "За это время он не раз менял замысел: сначала книга была задумана\n"
    "как повесть о декабристе, вернувшемся из ссылки, но потом автор\n"
    "обратился к эпохе войн с Наполеоном. Сохранилось много редакций,\n"
    "из которых 2-",
    "ва были заменены другими, более поздними. Рукописи романа занимают\n"
    "больше пяти тысяч листов, и многие главы переписаны по семь раз.\n"
    "Софья Андреевна переписывала черновики набело, а Толстой снова\n"
    "правил их на полях и между строк, так что работа шла без конца.",
    "Первые главы появились в «Русском вестнике» в 1865 году под\n"
    "заглавием «Тысяча восемьсот пятый год». Отдельное издание вышло\n"
    "в шести томах; второе издание автор заметно сократил и перенёс\n"
    "французский текст в переводы под строкой.",
    "Критика встретила книгу по-разному: одни упрекали автора в\n"
    "небрежности к истории, другие ставили роман выше всего, что было\n"
    "написано по-русски. Сам Толстой говорил, что это не роман,\n"
    "не поэма и ещё менее историческая хроника.",
]
RU_HEADS = ("Л. Н. ТОЛСТОЙ", "ВОЙНА И МИР")  # verso (even pages), recto (odd pages)

EN_PAGES = [
    "The Congress met in the autumn of 1814, and its first weeks were spent\n"
    "on questions of procedure. The four allied powers wished to settle\n"
    "the great questions among themselves before the smaller states could\n"
    "be heard, and Talleyrand at once protested against the arrangement.",
    "His protest found a ready hearing among the German princes, who feared\n"
    "that Prussia would take the whole of Saxony. Castlereagh tried to hold\n"
    "a middle course, but the question of Poland divided the allies more\n"
    "deeply than any other, and by December they were close to war.",
    "The secret treaty of January 1815 joined Britain, Austria and France\n"
    "against Russia and Prussia. Its existence was soon known in Vienna,\n"
    "and the Tsar gave way on Saxony, keeping the greater part of the\n"
    "duchy of Warsaw as a kingdom of Poland under his own crown.",
    "The return of Napoleon from Elba in March did not break up the\n"
    "Congress. The final act was signed on the ninth of June, nine days\n"
    "before Waterloo, and it fixed the map of Europe for a generation,\n"
    "with the balance of power as its guiding principle.",
]
EN_HEADS = ("HISTORY OF EUROPE", "THE CONGRESS OF VIENNA")

FR_PAGES = [
    "Le ministre reçut l'ambassadeur le lendemain matin. Il lui exposa\nles raisons de "
    "la politique allemande à l'égard de la Pologne et\nrappela les engagements pris à "
    "Locarno au mois d'octobre.",
    "L'ambassadeur répondit que son gouvernement attendait des garanties\nplus précises. "
    "La conversation dura plus d'une heure et se termina\npar la promesse d'un mémorandum "
    "écrit sur la question des frontières.",
    "Le mémorandum fut remis à la fin de la semaine. Il reprenait les\npoints essentiels de "
    "l'entretien et proposait une commission mixte\nchargée d'examiner les litiges de la "
    "région rhénane.",
    "Le cabinet se réunit le lundi suivant pour en délibérer. Plusieurs\nministres jugeaient "
    "la proposition prématurée, mais le chancelier\nestima qu'un refus isolerait l'Allemagne "
    "au moment décisif.",
    "La réponse fut donc favorable, sous réserve de quelques précisions\nsur la composition de "
    "la commission et sur la durée de son mandat,\nque le ministre voulait limiter à une année.",
    "Les négociations reprirent à Genève au mois de mars. Elles furent\nlongues et difficiles, "
    "car chaque délégation cherchait à gagner du\ntemps en attendant les élections françaises.",
]
# Tesseract's readings of the heads of pages 376-381, with the misreadings of a real OCR.
FR_HEADS = [
    "376 LES PAPIERS DE STRESEMANN",
    "LA POLITIQUE DE LOCARNO 377",
    "378 LES PÀPIERS DE STRESEMANN",
    "LA POLITIQUE DE LOCARN0 379",
    "880 LES PkPIERS DE STRESEMANN",
    "LA POLITIQUE DE LOCARNO 381",
]


def pdftotext(pages: list[str], heads: tuple[str, str], first: int) -> str:
    """As ``pdftotext`` writes a page: the head, the text, the number at the foot, a form feed."""
    return "".join(
        f"{heads[(first + k) % 2]}\n\n{text}\n\n{first + k}\n\f" for k, text in enumerate(pages)
    )


def pdftotext_raw(pages: list[str], heads: tuple[str, str], first: int) -> str:
    """As ``pdftotext -raw`` writes a page: the head and its number on one line, then the text."""
    out = []
    for k, text in enumerate(pages):
        n = first + k
        out.append(f"{n} {heads[0]}\n{text}\n\f" if n % 2 == 0 else f"{heads[1]} {n}\n{text}\n\f")
    return "".join(out)


def tesseract(pages: list[str], heads: list[str], specks: dict[int, tuple[str, str]]) -> str:
    """As Tesseract writes a page: blocks apart by blank lines, a rule under the head, specks of junk at
    the edges (top, bottom), a form feed after each page."""
    out = []
    for k, text in enumerate(pages):
        top, bottom = specks.get(k, ("", ""))
        page = f"{heads[k]}\n\n____\n\n{text}\n"
        out.append((f"{top}\n\n" if top else "") + page + (f"\n{bottom}\n" if bottom else "") + "\f")
    return "".join(out)


def build(tmp_path, text: str, file: str = "test-doc.ru.txt", first_page: int | None = None,
          without: tuple[str, ...] = ()):
    """The document built through the layout passes, the TEI writer, the schema and the letter balance."""
    project = tiny_project(tmp_path, text, file=file)
    edition = load_edition(project)
    doc = replace(edition.documents[0], first_page=first_page)
    chain = PassChain([
        ReadSources(), SecondCopies(), Furniture(), Footnotes(), Pages(), Flow(Dehyphenator(Counter())),
        FrontMatter(),
    ]).without(without)
    result = process_document(doc, edition.collection, Counter(), chain=chain)
    errors = [d for d in result.diagnostics if d.severity.name == "ERROR"]
    assert not errors, errors
    return result, etree.fromstring(result.tei, SAFE_PARSER)


def forme_work(tree, kind: str) -> list[str]:
    return [el.text for el in tree.iterfind(f".//t:body//t:fw[@type='{kind}']", NS)]


def page_breaks(tree) -> list[tuple[str | None, str | None]]:
    return [(pb.get("n"), pb.get("type")) for pb in tree.iterfind(".//t:body//t:pb", NS)]


def reading_text(tree) -> str:
    """The body's text without forme work: what a reader reads."""
    body = etree.fromstring(etree.tostring(tree.find("t:text/t:body", NS)))
    etree.strip_elements(body, "{http://www.tei-c.org/ns/1.0}fw", with_tail=False)
    return " ".join("".join(body.itertext()).split())


def warnings(result) -> list[str]:
    return [str(d) for d in result.diagnostics]


# --- form feeds ------------------------------------------------------------------------------------


def test_a_form_feed_is_read_as_a_line_of_its_own_on_its_raw_line():
    text = decode("первая страница\n\fвторая страница\nконец\n\f".encode(), "x.txt").text
    lines = [(line.number, line.text) for line in split_lines(text)]
    assert lines == [(1, "первая страница"), (2, "\f"), (2, "вторая страница"), (3, "конец"), (4, "\f")]


# --- pdftotext ----------------------------------------------------------------------------------------


def test_pdftotext_heads_and_foot_numbers_are_forme_work_and_number_the_pages(tmp_path):
    result, tree = build(tmp_path, pdftotext(RU_PAGES, RU_HEADS, 231))
    assert page_breaks(tree) == [("231", None), ("232", None), ("233", None), ("234", None)]
    assert forme_work(tree, "header") == ["ВОЙНА И МИР", "Л. Н. ТОЛСТОЙ", "ВОЙНА И МИР", "Л. Н. ТОЛСТОЙ"]
    assert forme_work(tree, "pageNum") == ["231", "232", "233", "234"]
    text = reading_text(tree)
    assert "ТОЛСТОЙ" not in text and "ВОЙНА И МИР" not in text and "231" not in text
    assert "из которых 2-ва были заменены" in text  # the sentence goes on across the page break
    assert tree.find(".//t:body//t:head", NS) is None
    assert "balanced; page furniture: 4 running heads, 4 page numbers, 3 form feeds" in result.report.letters
    assert "in the reading text" not in result.report.letters


def test_pdftotext_raw_head_and_number_on_one_line_are_split(tmp_path):
    result, tree = build(tmp_path, pdftotext_raw(EN_PAGES, EN_HEADS, 12), file="test-doc.en.txt")
    assert page_breaks(tree) == [("12", None), ("13", None), ("14", None), ("15", None)]
    assert forme_work(tree, "pageNum") == ["12", "13", "14", "15"]
    assert forme_work(tree, "header") == ["HISTORY OF EUROPE", "THE CONGRESS OF VIENNA"] * 2
    assert "CONGRESS OF VIENNA" not in reading_text(tree) and "HISTORY" not in reading_text(tree)
    # The number stands on the side of the head where it was printed.
    fw = [(el.get("type"), el.text) for el in tree.iterfind(".//t:body//t:fw", NS)][:4]
    assert fw == [("pageNum", "12"), ("header", "HISTORY OF EUROPE"),
                  ("header", "THE CONGRESS OF VIENNA"), ("pageNum", "13")]
    assert "balanced" in result.report.letters


def test_the_heads_of_a_file_whose_form_feeds_were_deleted_are_found_by_repetition(tmp_path):
    text = pdftotext_raw(RU_PAGES * 2, RU_HEADS, 230).replace("\f", "\n")
    result, tree = build(tmp_path, text)
    assert forme_work(tree, "header").count("Л. Н. ТОЛСТОЙ") == 4
    assert "ТОЛСТОЙ" not in reading_text(tree) and "ВОЙНА И МИР" not in reading_text(tree)
    assert "232" not in reading_text(tree)
    assert ("232", None) in page_breaks(tree)


# --- Tesseract ----------------------------------------------------------------------------------------


def test_tesseract_garbled_heads_rules_and_specks_are_out_of_the_text(tmp_path):
    specks = {1: ("", "il"), 3: ("J", ""), 5: ("", ",... A— s")}
    result, tree = build(tmp_path, tesseract(FR_PAGES, FR_HEADS, specks), file="test-doc.fr.txt")
    heads = forme_work(tree, "header")
    assert [h for h in heads if "STRESEMANN" in h] == [
        "LES PAPIERS DE STRESEMANN", "LES PÀPIERS DE STRESEMANN", "LES PkPIERS DE STRESEMANN"]
    assert heads.count("____") == 6  # the rule under each head
    text = reading_text(tree)
    assert "STRESEMANN" not in text and "LOCARN" not in text and "____" not in text
    assert not text.endswith("s") and "A—" not in text and " J " not in f" {text} "
    # The misread "880" is kept as printed, the page is counted as 380, and the editor is told where.
    assert forme_work(tree, "pageNum") == ["376", "377", "378", "379", "880", "381"]
    assert page_breaks(tree) == [("376", None), ("377", None), ("378", None), ("379", None),
                                 ("380", "inferred"), ("381", None)]
    raw_lines = [line.lstrip("\f") for line in tesseract(FR_PAGES, FR_HEADS, specks).split("\n")]
    line = raw_lines.index(FR_HEADS[4]) + 1
    assert any(w.startswith(f"sources/test-doc.fr.txt:{line}: warning: page number 880 does not follow")
               for w in warnings(result))
    # The specks are removed by a rule the balance names: "il", "J", "A", "s".
    assert "page-edge-speck 5" in result.report.letters and "balanced" in result.report.letters


# --- the sequence of numbers ----------------------------------------------------------------------------


def test_a_blank_page_counts_and_a_jump_is_reported_at_its_raw_line(tmp_path):
    pages = [f"{text}\n\n{n}\n\f" for text, n in zip(EN_PAGES, (10, 11, 13, 20), strict=True)]
    raw = pages[0] + pages[1] + "\f" + pages[2] + pages[3] + f"{EN_PAGES[0]}\n\n21\n\f"
    result, tree = build(tmp_path, raw, file="test-doc.en.txt")
    assert page_breaks(tree) == [("10", None), ("11", None), ("13", None), ("20", None), ("21", None)]
    line = raw.split("\n").index("20") + 1
    assert any(w.startswith(f"sources/test-doc.en.txt:{line}: warning: page number 20 breaks the sequence")
               for w in warnings(result))


def test_first_page_never_overrides_a_printed_number(tmp_path):
    result, tree = build(tmp_path, pdftotext(RU_PAGES, RU_HEADS, 231), first_page=5)
    assert [n for n, _ in page_breaks(tree)] == ["231", "232", "233", "234"]
    assert any("edition says the first page is 5, printed numbers give 231" in w for w in warnings(result))


def test_a_footnote_at_the_foot_of_two_pages_is_no_running_head(tmp_path):
    pages = [f"{text}\n\n1 Там же. С. {45 + k}.\n" for k, text in enumerate(RU_PAGES)]
    result, tree = build(tmp_path, pdftotext(pages, RU_HEADS, 231))
    assert not [h for h in forme_work(tree, "header") if "Там же" in h]
    assert "Там же" in "".join(tree.find("t:text/t:body", NS).itertext())
    assert forme_work(tree, "pageNum") == ["231", "232", "233", "234"]


def test_a_line_of_the_first_page_that_goes_on_with_a_sentence_is_no_running_head(tmp_path):
    # Conformance corpus, `pdftotext -raw`: a sentence of the text is printed twice, and one of its lines,
    # "méfiance idéologique et l’intérêt", opens page 3 under its running head and goes on with a sentence
    # in the middle of the first page. The first page's lines count as printings of a head (its title and
    # author), not this one, which begins in lowercase: it stays in its paragraph.
    corpus = Path(__file__).resolve().parents[1] / "bench" / "layout" / "raw"
    raw = (corpus / "fr-paren-inline-twocolumn.raw.txt").read_text(encoding="utf-8")
    line = "méfiance idéologique et l’intérêt"
    assert raw.count(f"\n{line}\n") == 2
    result, tree = build(tmp_path, raw, file="test-doc.fr.txt")
    assert line not in forme_work(tree, "header")
    assert f"liberté de manœuvre. Le gouvernement français hésitait entre la {line} économique." \
        in reading_text(tree)
    assert forme_work(tree, "header").count("Les papiers d’une ambassade") >= 1


# --- the letter balance ---------------------------------------------------------------------------------


def test_the_balance_shows_a_running_head_left_in_the_reading_text(tmp_path):
    result, tree = build(tmp_path, pdftotext(RU_PAGES, RU_HEADS, 231), without=("furniture",))
    assert "ТОЛСТОЙ" in reading_text(tree)
    letters = result.report.letters
    assert "4 running heads in the reading text (sources/test-doc.ru.txt:1, sources/test-doc.ru.txt:" \
        in letters


# --- real typesetting ---------------------------------------------------------------------------------

LATEX = r"""\documentclass[a6paper]{article}
\usepackage{fancyhdr}
\pagestyle{fancy}\fancyhf{}
\fancyhead[LE]{\thepage\quad HISTORY OF EUROPE}\fancyhead[RO]{THE CONGRESS OF VIENNA\quad\thepage}
\renewcommand{\headrulewidth}{0pt}
\setcounter{page}{41}
\begin{document}
%s
\end{document}
"""


@pytest.mark.skipif(not (shutil.which("pdflatex") and shutil.which("pdftotext")), reason="needs TeX Live "
                    "and poppler-utils")
def test_a_typeset_document_extracted_by_pdftotext_gets_its_printed_page_numbers(tmp_path):
    body = "\n\n".join(EN_PAGES * 16)
    (tmp_path / "doc.tex").write_text(LATEX % body.replace("\n", " \n"), encoding="utf-8")
    subprocess.run(["pdflatex", "-interaction=batchmode", "doc.tex"], cwd=tmp_path, check=True,
                   capture_output=True)
    for route in ([], ["-raw"]):
        subprocess.run(["pdftotext", *route, "doc.pdf", "doc.txt"], cwd=tmp_path, check=True)
        raw = (tmp_path / "doc.txt").read_text(encoding="utf-8")
        pages = raw.rstrip("\f").count("\f") + 1
        assert pages >= 4
        result, tree = build(tmp_path / f"build{len(route)}", raw, file="test-doc.en.txt")
        assert [n for n, _ in page_breaks(tree)] == [str(41 + k) for k in range(pages)]
        assert "CONGRESS OF VIENNA" not in reading_text(tree) and "HISTORY OF" not in reading_text(tree)
        assert "balanced" in result.report.letters
