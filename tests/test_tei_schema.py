"""The packaged TEI subset schema: it accepts what the writer writes and rejects what it must not.

Only the subset is compiled here (milliseconds); validity against the official tei_all.rng is checked
in test_tei_valid.py.
"""

from __future__ import annotations

from importlib import resources

import pytest
from conftest import NS, XML_ID
from lxml import etree

from diplo_edition.tei.validate import SAFE_PARSER, subset_schema, validate_tei

TEI_NS = NS["t"]
RNG_NS = "http://relaxng.org/ns/structure/1.0"


def t(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


@pytest.fixture(scope="module")
def documents(results) -> dict[str, bytes]:
    """The TEI of every document of the real edition, as the pipeline writes it."""
    return {doc_id: result.tei for doc_id, result in results.items()}


@pytest.fixture()
def sample(documents) -> etree._Element:
    """A fresh, valid tree to break: the smallest real document."""
    data = min(documents.values(), key=len)
    return etree.fromstring(data, SAFE_PARSER)


def first_body_p(tree: etree._Element) -> etree._Element:
    return tree.find("t:text/t:body//t:p", NS)


def serialize(tree: etree._Element) -> bytes:
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


def assert_invalid(tree: etree._Element, expected: str) -> None:
    problems = validate_tei(serialize(tree), "broken.xml")
    assert problems, "the subset schema accepted a document it must reject"
    assert any(expected in p.message for p in problems), [p.message for p in problems]


# --- the real documents ---------------------------------------------------------------------------------


def test_every_document_is_built(documents):
    assert len(documents) == 4


def test_real_documents_are_valid_against_the_subset(documents):
    for doc_id, data in documents.items():
        assert validate_tei(data, f"{doc_id}.xml") == [], doc_id


def test_the_subset_is_strict():
    """No wildcards: every element and attribute is named."""
    grammar = etree.fromstring(
        (resources.files("diplo_edition") / "schema" / "tei_subset.rng").read_bytes(), SAFE_PARSER
    )
    wildcards = grammar.findall(f".//{{{RNG_NS}}}anyName") + grammar.findall(f".//{{{RNG_NS}}}nsName")
    assert wildcards == []
    assert grammar.get("ns") == TEI_NS


def test_phrase_elements_to_come_are_accepted(sample):
    """Names, dates, corrections, citations and links inside p, head and note; a listBibl of works."""
    doc_id = sample.get(XML_ID)
    source_desc = sample.find(".//t:sourceDesc", NS)
    list_bibl = etree.SubElement(source_desc, t("listBibl"))
    entry = etree.SubElement(list_bibl, t("bibl"), {XML_ID: f"{doc_id}-ref1"})
    etree.SubElement(entry, t("author")).text = "Smith J."
    etree.SubElement(entry, t("title")).text = "A Book"
    etree.SubElement(entry, t("idno"), type="ISBN").text = "978-3-16-148410-0"
    etree.SubElement(entry, t("biblScope"), unit="volume", **{"from": "2"}).text = "vol. 2"

    p = first_body_p(sample)
    etree.SubElement(p, t("persName"), ref="https://www.wikidata.org/wiki/Q1").text = "Ленин"
    org = etree.SubElement(p, t("orgName"), ref="#nkid")
    org.text = "НК"
    etree.SubElement(org, t("pb"))
    etree.SubElement(p, t("date"), when="1925-01-20").text = "20 января 1925 г."
    etree.SubElement(p, t("date"), **{"from": "1923-05", "to": "1923"}).text = "1923"
    choice = etree.SubElement(p, t("choice"))
    etree.SubElement(choice, t("sic")).text = "ошибка"
    etree.SubElement(choice, t("corr"), resp="#editor").text = "ошибки"
    bibl = etree.SubElement(p, t("bibl"))
    etree.SubElement(bibl, t("author")).text = "Smith"
    etree.SubElement(bibl, t("citedRange"), unit="page", **{"from": "10", "to": "12"}).text = "pp. 10–12"
    etree.SubElement(bibl, t("ref"), target=f"#{doc_id}-ref1").text = "[1]"
    note = etree.SubElement(p, t("note"), place="foot", n="99", **{XML_ID: f"{doc_id}-fn99"})
    etree.SubElement(note, t("placeName"), ref="https://www.geonames.org/1529102").text = "Урумчи"
    etree.SubElement(note, t("ref"), target="https://example.org/").text = "link"

    assert validate_tei(serialize(sample), "phrases.xml") == []


# --- what the subset must reject ------------------------------------------------------------------------


def test_a_note_inside_a_note_is_rejected(sample):
    doc_id = sample.get(XML_ID)
    p = first_body_p(sample)
    outer = etree.SubElement(p, t("note"), place="foot", n="98", **{XML_ID: f"{doc_id}-fn98"})
    outer.text = "outer"
    # The outer note alone is valid: the failure below is the nesting.
    assert validate_tei(serialize(sample), "ok.xml") == []
    etree.SubElement(outer, t("note"), place="foot", n="99", **{XML_ID: f"{doc_id}-fn99"}).text = "inner"
    assert_invalid(sample, "note")


def test_a_page_number_that_is_not_a_number_is_rejected(sample):
    p = first_body_p(sample)
    etree.SubElement(p, t("pb"), n="7")
    assert validate_tei(serialize(sample), "ok.xml") == []
    p[-1].set("n", "x")
    assert_invalid(sample, "pb")


def test_an_unknown_element_in_a_paragraph_is_rejected(sample):
    etree.SubElement(first_body_p(sample), t("foo"))
    assert_invalid(sample, "foo")


def test_a_missing_header_is_rejected(sample):
    sample.remove(sample.find("t:teiHeader", NS))
    assert_invalid(sample, "element text")  # libxml2: "Did not expect element text there"


def test_a_hyphenation_policy_other_than_hard_is_rejected(sample):
    sample.find(".//t:hyphenation", NS).set("eol", "all")
    assert_invalid(sample, "hyphenation")


# --- diagnostics ----------------------------------------------------------------------------------------


def test_a_file_that_is_not_well_formed_is_reported_with_its_name_and_line():
    data = b'<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<teiHeader>\n</TEI>\n'
    problems = validate_tei(data, "broken.xml")
    assert len(problems) == 1
    problem = problems[0]
    assert problem.file == "broken.xml"
    assert problem.line == 4
    assert "not well-formed" in problem.message
    assert str(problem).startswith("broken.xml:4: error:")


def test_an_invalid_file_is_reported_with_its_name_and_line(sample):
    p = first_body_p(sample)
    etree.SubElement(p, t("foo"))
    data = etree.tostring(sample, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    line = next(i for i, text in enumerate(data.decode().splitlines(), 1) if "<foo" in text)
    problems = validate_tei(data, "invalid.xml")
    assert problems
    assert all(problem.file == "invalid.xml" for problem in problems)
    assert any(problem.line == line for problem in problems), [(p.line, p.message) for p in problems]
    assert all("not valid against the TEI subset schema" in problem.message for problem in problems)


def test_the_subset_schema_is_compiled_once():
    assert subset_schema() is subset_schema()
