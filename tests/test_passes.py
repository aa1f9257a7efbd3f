"""The pass framework (ordered passes, rule chains) and each pass on small inputs, before and after."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from conftest import CONVENTION, NS, TEXTBOOK
from lxml import etree

from diplo_edition.apparatus.corrections import Corrections
from diplo_edition.apparatus.passes import Annotations, Citations, Dates, Mentions
from diplo_edition.apparatus.spans import Span
from diplo_edition.editions import Correction as CorrectionEntry
from diplo_edition.editions import SourceRef
from diplo_edition.layout.hyphenation import Dehyphenator
from diplo_edition.layout.passes import AbstractFiles, Flow, Footnotes, FrontMatter, Pages, SecondCopies
from diplo_edition.model.document import Block, Document
from diplo_edition.model.inline import Annotation, Correction, Note, PageBreak
from diplo_edition.model.lines import Line
from diplo_edition.model.passes import Pass, PassChain, PassError
from diplo_edition.model.rules import RuleChain
from diplo_edition.ocr.passes import ReadSources
from diplo_edition.pipeline import default_passes, process_document

PAGE_WITH_NOTE = """Первая строка текста со ссылкой на архив1 и дальше идёт
продолжение текста абзаца, который длится долго и занимает
несколько строк на этой странице печатного издания книги.

1 Текст примечания к архиву.
 Вторая страница начинается здесь, и текст идёт дальше
до конца документа, где он и кончается полностью."""


def _document(edition, doc_id: str = TEXTBOOK, **changes) -> Document:
    doc = next(d for d in edition.documents if d.id == doc_id)
    return Document(replace(doc, **changes), edition.collection)


def _lines(text: str) -> list[Line]:
    return [Line(t, "s.txt", k + 1) for k, t in enumerate(text.split("\n"))]


# --- the chain ---------------------------------------------------------------------------------------


class _Adds(Pass):
    name, priority, stage, adds = "adds-body", 10, "layout", ("body",)

    def apply(self, doc: Document) -> None:
        doc.body.append(Block("p", ["x"]))


class _Reads(Pass):
    name, priority, stage, reads, adds = "reads-body", 20, "layout", ("body",), ("front",)

    def apply(self, doc: Document) -> None:
        doc.front = [Block("abstract", list(b.content)) for b in doc.body]


def test_passes_run_in_priority_order_whatever_order_they_are_given(edition):
    chain = PassChain([_Reads(), _Adds()])
    assert chain.names == ["adds-body", "reads-body"]
    doc = chain.run(_document(edition))
    assert [b.content for b in doc.front] == [["x"]]
    assert doc.report.passes == ["adds-body", "reads-body"]


def test_a_pass_that_reads_what_no_earlier_pass_adds_is_refused():
    class Early(_Reads):
        priority = 5

    with pytest.raises(PassError, match="reads \\['body'\\]"):
        PassChain([Early(), _Adds()])


def test_a_pass_naming_a_field_the_document_lacks_is_refused():
    class Typo(_Adds):
        adds = ("bodies",)

    with pytest.raises(PassError, match="bodies"):
        PassChain([Typo()])


def test_the_default_chain_is_in_pipeline_order():
    chain = default_passes(Dehyphenator(Counter()), None)
    assert chain.names == [
        "read", "second-copies", "columns", "furniture", "footnotes", "pages", "flow", "front-matter",
        "abstract-files",
        "corrections", "lost-hyphens", "reference-list", "citations", "dates", "mentions", "annotations",
        "ocr-confusables",
    ]


def test_switching_off_an_unknown_or_required_pass_is_refused():
    chain = default_passes(Dehyphenator(Counter()), None)
    with pytest.raises(PassError, match="no pass named 'datse'.*the passes are: read"):
        chain.without(["datse"])
    with pytest.raises(PassError, match="'flow' cannot be switched off"):
        chain.without(["flow"])
    assert "dates" not in chain.without(["dates"]).names


def test_an_edition_switches_a_pass_off(edition, registers):
    from diplo_edition.apparatus.mentions import build_matcher

    doc = next(d for d in edition.documents if d.id == CONVENTION)
    matcher = build_matcher(registers)
    full = process_document(doc, edition.collection, Counter(), matcher)
    no_dates = replace(doc, disable_passes=("dates",))
    without = process_document(no_dates, edition.collection, Counter(), matcher)
    assert full.report.apparatus["date"] >= 20
    assert "date" not in without.report.apparatus
    assert without.report.apparatus.get("placeName") == full.report.apparatus.get("placeName")
    assert "dates" not in without.report.passes
    tree = etree.fromstring(without.tei)
    assert tree.find(".//t:date", NS) is None
    # Only the dates are gone: the text is the same letter for letter.
    assert "".join(tree.find("t:text", NS).itertext()) == "".join(
        etree.fromstring(full.tei).find("t:text", NS).itertext()
    )


def test_rule_chain_inserts_before_and_after_and_switches_rules():
    chain: RuleChain[str] = RuleChain()
    chain.push("citations", "c")
    chain.push("mentions", "m")
    chain.before("mentions", "dates", "d")
    chain.after("mentions", "extra", "e")
    assert chain.names == ["citations", "dates", "mentions", "extra"]
    chain.disable(["dates"])
    assert [rule for _, rule in chain.active()] == ["c", "m", "e"]
    chain.enable(["dates"])
    assert [name for name, _ in chain.active()] == ["citations", "dates", "mentions", "extra"]
    with pytest.raises(KeyError, match="no rule named 'nope'"):
        chain.disable(["nope"])
    with pytest.raises(KeyError, match="already"):
        chain.push("dates", "again")


# --- each pass, before and after ---------------------------------------------------------------------


def test_read_sources_pass_reads_lines_and_counts_letters(edition, tmp_path):
    raw = tmp_path / "sources" / "a.txt"
    raw.parent.mkdir()
    raw.write_text("Первая строка\nвторая 2\n", encoding="utf-8")
    doc = _document(edition, sources=(SourceRef(raw, "sources/a.txt", "body", None, 1),))
    ReadSources().apply(doc)
    assert [line.text for line in doc.lines] == ["Первая строка", "вторая 2"]
    assert doc.raw_letters["в"] == 2 and doc.raw_letters["2"] == 1
    assert doc.raw_bytes == raw.stat().st_size


def test_second_copies_pass_keeps_the_first_copy_and_removes_the_duplicate(edition):
    text = "\n".join(f"Строка номер {k} текста документа." for k in range(8))
    doc = _document(edition)
    doc.lines = _lines(text + "\n\n" + text)
    SecondCopies().apply(doc)
    assert [line.stripped for line in doc.lines if not line.blank] == text.split("\n")
    assert [w.sigil for w in doc.witnesses] == ["A", "B"]
    assert sum(n for (rule, _), n in doc.removed.items() if rule == "duplicate-copy") > 100


def test_footnotes_pages_and_flow_place_the_note_at_its_marker(edition):
    doc = _document(edition)
    doc.lines = _lines(PAGE_WITH_NOTE)
    Footnotes().apply(doc)
    assert doc.report.footnotes == doc.report.footnotes_linked == 1
    Pages().apply(doc)
    assert [start.evidence for start in doc.pages.breaks] == ["start", "footnotes"]
    Flow(Dehyphenator(Counter())).apply(doc)
    assert len(doc.body) == 1
    content = doc.body[0].content
    note = next(item for item in content if isinstance(item, Note))
    assert note.n == 1 and note.content == ["Текст примечания к архиву."]
    assert content[content.index(note) - 1].endswith("на архив")  # the marker digit left the text
    assert sum(isinstance(item, PageBreak) for item in content) == 2
    assert doc.removed[("footnote-marker", "1")] == doc.removed[("footnote-label", "1")] == 1


def test_front_matter_pass_moves_abstracts_to_the_header(edition):
    doc = _document(edition)
    doc.body = [Block("abstract", ["Аннотация."]), Block("p", ["Текст."]), Block("keywords", ["мир"])]
    FrontMatter().apply(doc)
    assert [b.kind for b in doc.body] == ["p"]
    assert [b.kind for b in doc.front] == ["abstract", "keywords"]


def test_corrections_pass_corrects_text_and_notes_and_reports_stale_ones(edition):
    entries = (CorrectionEntry("Токио", "Токио", None, "Editor", 3),
               CorrectionEntry("нет", "да", None, "Ed", 9))
    doc = _document(edition, corrections=entries)
    doc.body = [Block("p", ["в Токио и", Note(1, ["Токио"]), "."])]
    Corrections().apply(doc)
    content = doc.body[0].content
    assert content[0] == "в " and isinstance(content[1], Correction) and content[1].resp == "resp-editor"
    assert isinstance(content[3].content[0], Correction)
    assert [d.line for d in doc.diagnostics] == [9]
    assert "no longer matches" in doc.diagnostics[0].message


def test_annotations_pass_runs_rules_in_order_earlier_rule_wins(edition):
    doc = _document(edition)
    doc.body = [Block("p", ["20 января 1925 г. в Пекине"])]
    Dates().apply(doc)
    # A rule of an edition's own, inserted before the dates: where it overlaps a date, it wins.
    doc.span_rules.before(
        "dates", "years", lambda text, lang, in_note, cite: [Span(11, 15, "num", {"type": "year"})]
    )
    Annotations().apply(doc)
    content = doc.body[0].content
    assert [type(item).__name__ for item in content] == ["str", "Annotation", "str"]
    assert isinstance(content[1], Annotation) and content[1].tag == "num"
    assert doc.report.apparatus == {"num[year]": 1}


def test_abstract_files_pass_reads_an_abstract_given_as_a_file(edition, tmp_path):
    raw = tmp_path / "abstract.txt"
    raw.write_text("Abstract | The convention of 1925 opened a new stage. |\n", encoding="utf-8")
    ref = SourceRef(raw, "sources/abstract.txt", "abstract", "en", 1)
    doc = _document(edition, CONVENTION, sources=(ref,))
    doc.sources = {"sources/abstract.txt": _lines(raw.read_text(encoding="utf-8").rstrip("\n"))}
    AbstractFiles(Dehyphenator(Counter())).apply(doc)
    assert [(b.kind, b.lang, b.content) for b in doc.front] == [
        ("abstract", "en", ["The convention of 1925 opened a new stage."])
    ]
    assert doc.removed[("label", "A")] == 1  # the label "Abstract" is layout, recorded as removed


def test_citation_date_and_mention_passes_each_add_their_rule(edition, registers):
    from diplo_edition.apparatus.mentions import build_matcher

    doc = _document(edition, CONVENTION, references={1: "АВП РФ. Ф. 08. Оп. 8."})
    doc.body = [Block("p", ["Карахан писал 20 января 1925 г. [1. Д. 5. Л. 12]."])]
    for step in (Citations(), Dates(), Mentions(build_matcher(registers))):
        step.apply(doc)
    assert doc.span_rules.names == ["citations", "dates", "mentions"]
    Annotations().apply(doc)
    tags = [item.tag for item in doc.body[0].content if isinstance(item, Annotation)]
    assert tags == ["persName", "date", "bibl"]
    assert doc.cited_references == {1}
    assert doc.references == {1: "АВП РФ. Ф. 08. Оп. 8."}
    # Without the mentions pass, the name stays plain text and the rest is the same.
    doc = _document(edition, CONVENTION, references={1: "АВП РФ. Ф. 08. Оп. 8."})
    doc.body = [Block("p", ["Карахан писал 20 января 1925 г. [1. Д. 5. Л. 12]."])]
    for step in (Citations(), Dates(), Annotations()):
        step.apply(doc)
    assert [item.tag for item in doc.body[0].content if isinstance(item, Annotation)] == ["date", "bibl"]
