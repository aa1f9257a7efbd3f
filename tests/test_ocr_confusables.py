"""Cyrillic words that OCR read with Latin letters of the same shape, read back as corrections of a rule."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from conftest import NS, TEXTBOOK, XML_ID
from lxml import etree, html
from projects import run, tiny_project

from diplo_edition.apparatus.ocr_confusables import OCR_CONFUSABLES_RESP, OCR_SHELFMARKS_RESP, OcrConfusables
from diplo_edition.editions import SourceRef
from diplo_edition.layout.word_lists import cyrillic_reading
from diplo_edition.model.document import Block, Document
from diplo_edition.model.inline import Annotation, Correction, Note
from diplo_edition.pipeline import process_document
from diplo_edition.tei.validate import validate_tei

# As Tesseract reads a Russian page: a word half in Latin letters, whole words in Latin look-alikes,
# beside Latin text that is Latin indeed; the document prints "Рапалльский" (no dictionary word) in Cyrillic.
OCR_TEXT = [
    "Paпалльский договор стал первым успехом, Ha переговорах обсуждали и 3aкрытых вопросов немало.",
    "Посольство писало в Лондон, в архиве TNA хранятся копии, а в Париже AMAE и Quai d'Orsay.",
    "Делегация приехала Tam же, где был подписан Рапалльский договор.",
]


def _document(edition, paragraphs: list[str]) -> Document:
    doc = Document(next(d for d in edition.documents if d.id == TEXTBOOK), edition.collection)
    doc.body = [Block("p", [text], lang="ru", line=k + 1) for k, text in enumerate(paragraphs)]
    return doc


def _corrections(content) -> list[tuple[str, str]]:
    return [(x.sic, x.corr) for x in content if isinstance(x, Correction)]


@pytest.mark.parametrize(
    ("word", "reading"),
    [("Paпалльский", "Рапалльский"), ("Tam", "Там"), ("3aкрытых", "закрытых"), ("TNA", None),
     ("Лондон", None), ("Quai", None), ("OT-", "ОТ-")],
)
def test_a_word_is_read_in_cyrillic_only_when_every_latin_letter_looks_cyrillic(word, reading):
    assert cyrillic_reading(word) == reading


def test_mixed_words_and_common_words_between_cyrillic_ones_are_corrected(edition):
    doc = _document(edition, OCR_TEXT)
    OcrConfusables().apply(doc)
    first, second, third = (b.content for b in doc.body)
    # after a word in small letters, "H" is the small "н" of that shape
    assert _corrections(first) == [("Paпалльский", "Рапалльский"), ("Ha", "на"), ("3aкрытых", "закрытых")]
    assert all(c.resp == OCR_CONFUSABLES_RESP for c in first if isinstance(c, Correction))
    assert second == [OCR_TEXT[1]]  # TNA, AMAE, Quai d'Orsay: Latin indeed
    assert _corrections(third) == [("Tam", "там")]
    # the raw letters are all there, as read
    assert "".join(x if isinstance(x, str) else x.sic for x in first) == OCR_TEXT[0]
    assert doc.report.ocr_confusions == 4
    assert OCR_CONFUSABLES_RESP in doc.rule_corrections


def test_a_latin_word_needs_cyrillic_neighbours_or_an_ibid_at_a_note_start(edition):
    doc = _document(edition, ["Он сказал: «Ha ha» и ушёл.", "Tam было тихо.", "В XX веке и в CC году."])
    note = Note("1", ["Tam же. С. 115."])
    doc.body.append(Block("p", ["Текст", note, " дальше."], lang="ru"))
    OcrConfusables().apply(doc)
    assert doc.body[0].content == ["Он сказал: «Ha ha» и ушёл."]  # a Latin neighbour: a quoted Latin word
    assert doc.body[1].content == ["Tam было тихо."]  # nothing before it and no ibid: not certain
    assert doc.body[2].content == ["В XX веке и в CC году."]  # Roman numerals, between Cyrillic words
    assert doc.body[3].content[1] is note
    assert note.content[0] == Correction("Tam", "Там", OCR_CONFUSABLES_RESP)
    assert note.content[1] == " же. С. 115."


def test_longer_words_small_letters_and_neighbours_across_a_note_marker(edition):
    note = Note("3", ["Там же."])
    paragraphs = [
        "OTдельных сотрудников HapKOMaTa повысили, и они заняли MecTa",
        "спорят 3a мир и о TOM, насколько он прочен.",
    ]
    doc = _document(edition, paragraphs)
    doc.body[0].content.extend([note, ". Разрыв был неизбежен."])
    OcrConfusables().apply(doc)
    assert _corrections(doc.body[0].content) == [
        ("OTдельных", "Отдельных"),  # a Latin capital among small letters: the small Cyrillic letter
        ("HapKOMaTa", "наркомата"),  # a word of the language, and of no other
        ("MecTa", "места"),  # its next word stands after the note's marker
    ]
    assert _corrections(doc.body[1].content) == [("3a", "за"), ("TOM", "том")]


def test_latin_content_and_annotations_are_left_as_they_are(edition):
    doc = _document(edition, [])
    english = "He said that OT was a Ha ha joke, in Moscow on the Tam river."
    cited = Annotation("bibl", {"type": "archival"}, ["Paпалльский"])
    doc.body = [Block("p", [english], lang="ru"), Block("p", ["Договор ", cited, " подписан."], lang="ru")]
    OcrConfusables().apply(doc)
    assert doc.body[0].content == [english]  # most letters Latin: not a Cyrillic text
    assert doc.body[1].content == ["Договор ", cited, " подписан."] and cited.content == ["Paпалльский"]
    assert doc.report.ocr_confusions == 0 and not doc.rule_corrections


def test_the_tei_keeps_the_ocr_reading_as_sic_and_names_the_rule(edition, tmp_path):
    raw = tmp_path / "sources" / "a.txt"
    raw.parent.mkdir()
    raw.write_text("\n\n".join(OCR_TEXT) + "\n", encoding="utf-8")
    doc = next(d for d in edition.documents if d.id == TEXTBOOK)
    doc = replace(doc, sources=(SourceRef(raw, "sources/a.txt", "body", None, 1),), corrections=())
    result = process_document(doc, edition.collection, Counter())
    tree = etree.fromstring(result.tei)
    choices = tree.findall(".//t:body//t:choice", NS)
    pairs = [(c.findtext("t:sic", namespaces=NS), c.findtext("t:corr", namespaces=NS)) for c in choices]
    assert pairs == [("Paпалльский", "Рапалльский"), ("Ha", "на"), ("3aкрытых", "закрытых"), ("Tam", "там")]
    assert {c.find("t:corr", NS).get("resp") for c in choices} == {f"#{OCR_CONFUSABLES_RESP}"}
    [stmt] = tree.xpath("//t:titleStmt/t:respStmt[@xml:id = $rule]", namespaces=NS, rule=OCR_CONFUSABLES_RESP)
    assert "rule ocr-confusables" in stmt.findtext("t:resp", namespaces=NS)
    assert result.report.ocr_confusions == 4
    assert result.report.letters.endswith("balanced")
    assert validate_tei(result.tei, "a.xml") == []


def test_the_page_shows_what_ocr_read_and_the_pass_can_be_switched_off(tmp_path, capsys):
    project = tiny_project(tmp_path, "\n\n".join(OCR_TEXT) + "\n")
    code, _, err = run(capsys, "--root", project, "build", "--quiet")
    assert code == 0, err
    page = html.parse(str(next((project / "build" / "documents").glob("*/index.html"))))
    tips = [t.text_content() for t in page.xpath("//span[contains(@class, 'corr')]/span[@class='tip']")]
    assert "(исправлено; в оригинале: «Tam»)" in [" ".join(t.split()) for t in tips]
    collection = project / "editions" / "collection.yml"
    collection.write_text(collection.read_text(encoding="utf-8") + "disable_passes: [ocr-confusables]\n",
                          encoding="utf-8")
    code, _, err = run(capsys, "--root", project, "build", "--quiet", "--out", tmp_path / "off")
    assert code == 0, err
    page = html.parse(str(next((tmp_path / "off" / "documents").glob("*/index.html"))))
    assert not page.xpath("//span[contains(@class, 'corr')]")
    assert "Tam же" in page.xpath("string(//main)")


# Notes as Tesseract read them in the conformance corpus (bench/layout/raw/ru-mixed-notes.ocr.txt,
# ru-thesis-chapters-perpage.ocr.txt): "Оп." read "On.", "Д." read "A.", the verso "об" read "06", "Там"
# read "Tam"; then what must stay as printed: a transliterated shelfmark and a folio of three digits; last,
# a shelfmark with no archive's name that opens with a misread fond word ("®." for "Ф.").
OCR_SHELFMARKS = """Экономическая блокада постепенно ослабевала, хотя отдельные государства1 сохраняли
ограничения на кредиты. Выпускники новых курсов постепенно занимали места2 в полпредствах и консульствах.
Протоколы заседаний хранились в архиве3 и в копиях4 у полпредов, а описи в фонде5.

1 АВП РФ. Ф. 08. On. 4. A. 331. Л. 4406.
2 Tam же. Л. 7006.
3 AVP RF, f. 0100, op. 7, d. 45, l. 1106.
4 РГАСПИ. Ф. 17. Оп. 3. Д. 5. Л. 106.
5 ®. 495. On. 30. Д. 155. Л. 168.
"""


def test_a_cyrillic_shelfmarks_misread_words_and_versos_are_read_back(edition, tmp_path, tei_all):
    raw = tmp_path / "sources" / "a.txt"
    raw.parent.mkdir()
    raw.write_text(OCR_SHELFMARKS, encoding="utf-8")
    doc = next(d for d in edition.documents if d.id == TEXTBOOK)
    doc = replace(doc, sources=(SourceRef(raw, "sources/a.txt", "body", None, 1),), corrections=())
    result = process_document(doc, edition.collection, Counter())
    tree = etree.fromstring(result.tei)
    first, ibid, latin, three_digits, no_archive = tree.findall(".//t:note/t:bibl", NS)

    def read(bibl) -> list[tuple[str, str, str]]:
        return [(c.findtext("t:sic", namespaces=NS), c.findtext("t:corr", namespaces=NS),
                 c.find("t:corr", NS).get("resp")) for c in bibl.iter(f"{{{NS['t']}}}choice")]

    shelfmark = f"#{OCR_SHELFMARKS_RESP}"
    assert read(first) == [("On.", "Оп.", shelfmark), ("A.", "Д.", shelfmark), ("06", "об", shelfmark)]
    assert first.find("t:citedRange", NS).attrib == {"unit": "folio", "from": "44об", "to": "44об"}
    # the ibid opens with OCR's Latin look-alikes, read by the look-alike rule; it repeats the shelfmark
    assert read(ibid) == [("Tam", "Там", f"#{OCR_CONFUSABLES_RESP}"), ("06", "об", shelfmark)]
    assert ibid.get("corresp") == f"#{first.get(XML_ID)}"
    # a Latin folio word, and a folio of three digits (a leaf 106 is common), stay as printed
    assert read(latin) == [] and read(three_digits) == []
    assert read(no_archive) == [("®.", "Ф.", shelfmark), ("On.", "Оп.", shelfmark)]
    [stmt] = tree.xpath("//t:titleStmt/t:respStmt[@xml:id = $rule]", namespaces=NS, rule=OCR_SHELFMARKS_RESP)
    assert "rule ocr-shelfmarks" in stmt.findtext("t:resp", namespaces=NS)
    assert result.report.letters.startswith("raw") and "balanced" in result.report.letters
    assert validate_tei(result.tei, "a.xml") == []
    assert tei_all.validate(tree), tei_all.error_log
