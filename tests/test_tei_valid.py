"""Every document's TEI is valid TEI P5 (the official tei_all schema) and valid against our subset."""

import pytest
from conftest import CONVENTION, NS, THESIS, URUMQI

DOCUMENTS = ["soviet-foreign-policy-1920s", CONVENTION, THESIS, URUMQI]


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_valid_against_official_tei_p5(doc_id, trees, tei_all):
    valid = tei_all.validate(trees[doc_id])
    assert valid, [f"{e.line}: {e.message}" for e in tei_all.error_log][:10]


def test_every_edition_document_is_built(results, edition):
    assert sorted(results) == sorted(DOCUMENTS)
    assert {d.id for d in edition.documents} == set(DOCUMENTS)


def test_header_records_sources_and_policies(trees):
    tree = trees[THESIS]
    raw = [i.text for i in tree.findall(".//t:sourceDesc/t:bibl/t:idno[@type='rawSource']", NS)]
    assert raw == ["sources/soviet-japanese-relations-1922-1941.thesis.ru.txt"]
    assert tree.find(".//t:editorialDecl/t:hyphenation", NS).get("eol") == "hard"
    # Nothing the text does not tell is invented: no author, no date.
    assert tree.find(".//t:titleStmt/t:author", NS) is None
    assert tree.find(".//t:sourceDesc/t:bibl/t:date", NS) is None


def test_registers_file_is_valid_tei(registers, edition, tei_all):
    from lxml import etree

    from diplo_edition.tei.register_file import build_registers_tei

    tree = etree.fromstring(build_registers_tei(registers, edition.collection))
    assert tei_all.validate(tree), [f"{e.line}: {e.message}" for e in tei_all.error_log][:10]
    people = tree.findall(".//t:listPerson/t:person", NS)
    assert len(people) == len(registers.of_kind("person")) >= 13
    karakhan = tree.find(".//t:person[@{http://www.w3.org/XML/1998/namespace}id='karakhan']", NS)
    assert karakhan.find("t:birth", NS).get("when") == "1889"
