"""Shared fixtures: the real edition built once per test session, and the official TEI schema."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from diplo_edition.apparatus.mentions import build_matcher
from diplo_edition.corpus import gather_lexicon
from diplo_edition.editions import load_edition
from diplo_edition.pipeline import process_document
from diplo_edition.registers import load_registers

# The browser tests' module-wide Chromium (tests/browser/chromium.py).
pytest_plugins = ["browser.chromium"]

ROOT = Path(__file__).resolve().parents[1]
TEI_ALL = ROOT.parent / "shared" / "tei" / "tei_all.rng"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

THESIS = "soviet-japanese-relations-1922-1941"
URUMQI = "urumqi-negotiations-1923"
CONVENTION = "soviet-japanese-convention-1925"
TEXTBOOK = "soviet-foreign-policy-1920s"


@pytest.fixture(scope="session")
def edition():
    return load_edition(ROOT)


@pytest.fixture(scope="session")
def registers():
    return load_registers(ROOT)


@pytest.fixture(scope="session")
def results(edition, registers):
    lexicon = gather_lexicon(edition)
    matcher = build_matcher(registers)
    return {doc.id: process_document(doc, edition.collection, lexicon, matcher) for doc in edition.documents}


@pytest.fixture(scope="session")
def trees(results):
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return {doc_id: etree.fromstring(result.tei, parser) for doc_id, result in results.items()}


@pytest.fixture(scope="session")
def tei_all():
    """The official TEI P5 schema; compiling it takes about 10 s, so once per session."""
    if not TEI_ALL.exists():
        pytest.fail(f"the official schema is missing: {TEI_ALL} (shared/ must stand beside the checkout)")
    return etree.RelaxNG(etree.parse(str(TEI_ALL)))


def body_text(tree) -> str:
    """The reading text of the body, notes included, as one string."""
    return "".join(tree.find("t:text/t:body", NS).itertext())


def text_without_notes(tree) -> str:
    """The running text of the body with the notes left out: what a reader reads line by line."""
    body = tree.find("t:text/t:body", NS)
    parts = []

    def walk(el):
        if el.text and el.tag != f"{{{NS['t']}}}note":
            parts.append(el.text)
        for child in el:
            if child.tag != f"{{{NS['t']}}}note":
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(body)
    return "".join(parts)
