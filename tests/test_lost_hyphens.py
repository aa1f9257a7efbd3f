"""Hyphens of compounds that pdftotext took off at a line end, put back as corrections made by a rule."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from conftest import NS, TEXTBOOK
from lxml import etree, html
from projects import run, tiny_project

from diplo_edition.editions import SourceRef
from diplo_edition.layout.hyphenation import Dehyphenator
from diplo_edition.layout.lost_hyphens import LOST_HYPHEN_RESP, LostHyphens
from diplo_edition.model.document import Block, Document
from diplo_edition.model.inline import Correction
from diplo_edition.model.lines import Line
from diplo_edition.pipeline import process_document
from diplo_edition.tei.validate import validate_tei

# As pdftotext (default mode) writes a paragraph: one long line, the broken words joined, the compound
# "Маньчжоу-го" too, which the text prints with its hyphen elsewhere.
JOINED_PARAGRAPHS = [
    "Продажа дороги Маньчжоуго в 1935 г. завершила долгую историю советского присутствия в Маньчжурии, "
    "а Советскогерманские военные контакты долгое время оставались тайной для общественности.",
    "Правительство Маньчжоу-го не было признано Лигой Наций, и переговоры шли медленно.",
]


@pytest.mark.parametrize(
    ("word", "lang", "lexicon", "places"),
    [
        ("Маньчжоуго", "ru", {"маньчжоу-го": 2}, [8]),  # the hyphenated form printed elsewhere
        ("Советскогерманские", "ru", {}, [8]),  # a compound-adjective stem, then an adjective
        ("КитайскоВосточной", "ru", {}, [8]),
        ("nonagression", "fr", {"non-agression": 1}, [3]),
        # the word list has "grandebretagne", but a capital inside tells two words
        ("GrandeBretagne", "fr", {"grande-bretagne": 1}, [6]),
        ("nonagression", "fr", {}, []),  # two French words, but no evidence that they were one compound
        ("Мазаново", "ru", {}, []),  # a village: мазано is a stem, but "во" no adjective
        ("колонизации", "ru", {"коло-низации": 1}, []),  # a word of the language is never split
        ("Маньчжоуго", "ru", {"маньчжоу-го": 1, "маньч-жоуго": 1}, [5, 8]),  # two places: cannot tell
    ],
)
def test_lost_hyphens_need_an_unknown_word_and_a_place_with_evidence(word, lang, lexicon, places):
    assert Dehyphenator(Counter(lexicon)).lost_hyphens(word, lang) == places


def _document(edition, lines: list[str]) -> Document:
    doc = Document(next(d for d in edition.documents if d.id == TEXTBOOK), edition.collection)
    doc.lines = [Line(text, "s.txt", k + 1) for k, text in enumerate(lines)]
    doc.body = [Block("p", [text], line=k + 1) for k, text in enumerate(lines)]
    return doc


def test_the_pass_adds_the_hyphen_as_a_correction_and_keeps_the_letters(edition):
    doc = _document(edition, JOINED_PARAGRAPHS)
    LostHyphens(Dehyphenator(Counter({"маньчжоу-го": 1}))).apply(doc)
    first = doc.body[0].content
    hyphen = Correction("", "-", LOST_HYPHEN_RESP)
    assert first[:2] == ["Продажа дороги Маньчжоу", hyphen]
    assert first[2].startswith("го в 1935 г.") and first[2].endswith("в Маньчжурии, а Советско")
    assert first[3] == hyphen and first[4].startswith("германские военные контакты")
    assert "".join(x if isinstance(x, str) else x.sic for x in first) == JOINED_PARAGRAPHS[0]


def test_a_word_with_two_places_is_kept_as_printed_and_warned(edition):
    doc = _document(edition, JOINED_PARAGRAPHS)
    LostHyphens(Dehyphenator(Counter({"маньчжоу-го": 1, "маньч-жоуго": 1}))).apply(doc)
    assert doc.body[0].content[0].startswith("Продажа дороги Маньчжоуго в 1935")
    assert [(d.file, d.line, d.severity.name) for d in doc.diagnostics] == [("s.txt", 1, "WARNING")]
    assert "'Маньчжоуго'" in doc.diagnostics[0].message


def test_an_extraction_that_keeps_its_line_end_hyphens_joined_nothing(edition):
    # OCR and pdftotext -raw keep the broken words as printed: a word written whole was printed so
    lines = ["Советскогерманские военные конта-", "кты долгое время оставались тайной.", "Маньчжоуго пало."]
    doc = _document(edition, lines)
    LostHyphens(Dehyphenator(Counter({"маньчжоу-го": 1}))).apply(doc)
    assert [b.content for b in doc.body] == [[line] for line in lines]


def test_a_word_that_begins_a_raw_line_was_printed_whole(edition):
    # pdftotext leaves a word it joined on the line of its first half: at a line start, it is as printed
    lines = [*JOINED_PARAGRAPHS, "Маньчжоуго и Советскогерманские связи."]
    doc = _document(edition, lines)
    LostHyphens(Dehyphenator(Counter({"маньчжоу-го": 1}))).apply(doc)
    assert doc.body[2].content[0] == "Маньчжоуго и Советско"  # the other word, inside the line, is corrected
    assert doc.body[0].content[0].startswith("Продажа дороги Маньчжоуго в 1935")  # nor anywhere else


def test_the_tei_encodes_the_restored_hyphen_as_a_rule_s_correction(edition, tmp_path):
    raw = tmp_path / "sources" / "a.txt"
    raw.parent.mkdir()
    raw.write_text("\n\n".join(JOINED_PARAGRAPHS) + "\n", encoding="utf-8")
    doc = next(d for d in edition.documents if d.id == TEXTBOOK)
    doc = replace(doc, sources=(SourceRef(raw, "sources/a.txt", "body", None, 1),), corrections=())
    result = process_document(doc, edition.collection, Counter({"маньчжоу-го": 1}))
    tree = etree.fromstring(result.tei)
    choices = tree.findall(".//t:body//t:choice", NS)
    pairs = [(c.find("t:sic", NS).text, c.find("t:corr", NS).text) for c in choices]
    assert pairs == [(None, "-"), (None, "-")]  # nothing printed, a hyphen supplied
    assert {c.find("t:corr", NS).get("resp") for c in choices} == {f"#{LOST_HYPHEN_RESP}"}
    # The rule is named in the header as the one responsible, and in the editorial declaration.
    [stmt] = tree.xpath("//t:titleStmt/t:respStmt[@xml:id = $rule]", namespaces=NS, rule=LOST_HYPHEN_RESP)
    assert stmt.findtext("t:name", namespaces=NS) == "diplo-edition"
    assert "rule lost-hyphens" in stmt.findtext("t:resp", namespaces=NS)
    assert "rule lost-hyphens" in "".join(tree.find(".//t:editorialDecl/t:correction", NS).itertext())
    body = "".join(tree.find(".//t:body", NS).itertext())
    assert "Маньчжоу-го в 1935" in body and "Советско-германские военные" in body
    assert result.report.letters.endswith("balanced")
    assert validate_tei(result.tei, "a.xml") == []


def test_the_page_says_the_hyphen_was_added_not_what_the_original_had(tmp_path, capsys):
    project = tiny_project(tmp_path, "\n\n".join(JOINED_PARAGRAPHS) + "\n")
    code, _, err = run(capsys, "--root", project, "build", "--quiet")
    assert code == 0, err
    page = html.parse(str(next((project / "build" / "documents").glob("*/index.html"))))
    tips = page.xpath("//span[contains(@class, 'corr')][starts-with(normalize-space(), '-')]"
                      "/span[@class='tip']")
    assert len(tips) == 2  # Маньчжоу-го, Советско-германские
    assert all("добавлено при подготовке издания" in tip.text_content() for tip in tips)
    assert "в оригинале: «»" not in page.xpath("string(//main)")
