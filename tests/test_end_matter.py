"""End matter and citations in other languages of scholarship: a reference list at the end of a document
becomes the TEI back's listBibl, each entry parsed; brackets point to their entry; shelfmarks, archives and
series cited in English and French; no made-up entry when the list is not in the source."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import NS, URUMQI
from lxml import etree

from diplo_edition.apparatus.citations import CitationContext, find_citations
from diplo_edition.diagnostics import Severity
from diplo_edition.editions import PrintedSeries, SourceRef
from diplo_edition.layout.bibl_parts import bibl_parts
from diplo_edition.layout.end_matter import find_reference_list
from diplo_edition.model.document import Block
from diplo_edition.model.inline import Annotation, Note
from diplo_edition.pipeline import process_document

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

RU = """\
 Вопрос о концессиях обсуждался на переговорах с Японией [1, с. 45]. Позиция
советской стороны изложена в документах архива [2. Л. 3–5] и в мемуарах [3].
Стороны договорились о принципах, но не о деталях.
\f
СПИСОК ЛИТЕРАТУРЫ
1. Капица М. С. Советско-китайские отношения. – М.: Госполитиздат, 1958. –
400 с.
2. Архив внешней политики Российской Федерации. Ф. 0100. Оп. 7. – М., 1995.
3. Трояновский, О.А. Через годы и расстояния / О.А. Трояновский. – М.: Вагриус,
1997. – С. 12–20.
"""

EN = """\
 The concessions in Northern Sakhalin were the main issue of the talks, as the
British diplomats noted at the time. The Foreign Office followed them closely.

References

Carr, E. H. The Bolshevik Revolution. London: Macmillan, 1953, pp. 1–20.
Lensen, G. A. Japanese Recognition of the USSR. Tallahassee: Diplomatic Press,
1970.
"""

FR = """\
 La question des concessions dominait les négociations, comme le notaient les
diplomates français en poste à Pékin.

Bibliographie

Duroselle, J.-B. La décadence, 1932–1939. Paris : Imprimerie nationale, 1979, p. 12.
Girault, R. Diplomatie européenne. Paris : Payot, 1991.
"""


def _build(edition, tmp_path: Path, text: str, lang: str, references: dict[int, str] | None = None):
    path = tmp_path / f"doc.{lang}.txt"
    path.write_text(text, encoding="utf-8")
    seed = next(d for d in edition.documents if d.id == URUMQI)
    doc = replace(seed, sources=(SourceRef(path, path.name, "body", None, 1),), languages=(lang,),
                  references=references or {}, corrections=(), title="Test", first_page=None)
    result = process_document(doc, edition.collection, Counter())
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    assert errors == []  # the TEI is valid
    assert "balanced" in result.report.letters
    return etree.fromstring(result.tei), result


def _parts(bibl) -> dict[str, str]:
    return {etree.QName(el).localname + (f"[{el.get('unit')}]" if el.get("unit") else ""):
            "".join(el.itertext()) for el in bibl}


def test_russian_numbered_list_goes_to_the_back_parsed_and_cited(edition, tmp_path):
    tree, result = _build(edition, tmp_path, RU, "ru")
    back = tree.find(".//t:text/t:back/t:div[@type='bibliography']", NS)
    assert "".join(back.find("t:head", NS).itertext()).strip() == "СПИСОК ЛИТЕРАТУРЫ"
    entries = back.findall("t:listBibl/t:bibl", NS)
    assert [b.get("n") for b in entries] == ["1", "2", "3"]
    first = _parts(entries[0])
    assert first["author"] == "Капица М. С."
    assert first["title"] == "Советско-китайские отношения"
    assert (first["pubPlace"], first["publisher"], first["date"]) == ("М.", "Госполитиздат", "1958")
    assert first["biblScope[page]"] == "400 с."
    third = _parts(entries[2])
    assert third["author"] == "Трояновский, О.А." and third["title"] == "Через годы и расстояния"
    assert entries[2].find("t:biblScope", NS).attrib == {"unit": "page", "from": "12", "to": "20"}
    # the list is no longer reading text, and every bracket points to its entry
    assert "СПИСОК" not in "".join(tree.find(".//t:body", NS).itertext())
    cited = tree.findall(".//t:body//t:bibl[@type='reference']", NS)
    assert [b.get("corresp") for b in cited] == [f"#{URUMQI}-ref-1", f"#{URUMQI}-ref-2", f"#{URUMQI}-ref-3"]
    assert [b.get(XML_ID) for b in entries] == [f"{URUMQI}-ref-{n}" for n in (1, 2, 3)]
    assert tree.find(".//t:sourceDesc/t:listBibl", NS) is None  # nothing declared, nothing made up


@pytest.mark.parametrize(("text", "lang", "authors"), [
    (EN, "en", ["Carr, E. H.", "Lensen, G. A."]),
    (FR, "fr", ["Duroselle, J.-B.", "Girault, R."]),
])
def test_alphabetical_lists_in_english_and_french(edition, tmp_path, text, lang, authors):
    tree, _ = _build(edition, tmp_path, text, lang)
    entries = tree.findall(".//t:back//t:listBibl/t:bibl", NS)
    assert [_parts(b)["author"] for b in entries] == authors
    first = _parts(entries[0])
    assert first["pubPlace"] in ("London", "Paris") and first["date"] in ("1953", "1979")
    assert first["publisher"] in ("Macmillan", "Imprimerie nationale")
    assert entries[0].find("t:date", NS).get("when") == first["date"]


def test_a_list_not_in_the_source_makes_no_entry_and_warns(edition, tmp_path):
    body = RU.split("\f")[0]
    tree, result = _build(edition, tmp_path, body, "ru")
    cited = tree.findall(".//t:body//t:bibl[@type='reference']", NS)
    assert ["".join(b.itertext()) for b in cited] == ["[1, с. 45]", "[2. Л. 3–5]"]  # "[3]" alone: no citation
    assert all(b.get("corresp") is None for b in cited)
    assert tree.find(".//t:listBibl", NS) is None and b"Source 1" not in result.tei
    (warning,) = [d for d in result.diagnostics if "reference list that is not in the source" in d.message]
    assert warning.severity is Severity.WARNING and warning.line == 1


def test_a_chapter_titled_literature_without_entries_is_no_list():
    body = [Block("head", ["Литература"]), Block("p", ["О советской дипломатии писали многие авторы, "
                                                      "но архивы долго оставались закрытыми."])]
    assert find_reference_list(body) is None


def test_unanchored_notes_at_the_list_stay_in_the_body_for_the_apparatus():
    # OCR lost the markers of a page's notes; flow placed them at the next block, the list's title
    stray = Note(7, ["РГАСПИ. Ф. 146. Оп. 8. Д. 7. Л. 215."], marker_found=False, place="end")
    anchored = Note(8, ["Цит. по копии."])
    body = [Block("head", ["Комментарии"]),
            Block("head", ["Список литературы", stray]),
            Block("p", ["1. Граубе П. Р. Дипломатия признания. М.: Наука, 1988. 465 с.", anchored])]
    listed, rest, _ = find_reference_list(body)
    assert [b.content for b in rest] == [["Комментарии", stray]]
    assert listed.head == ["Список литературы"]
    assert anchored in listed.entries[0].content  # a note anchored in an entry stays at its marker


def test_page_notes_after_the_last_numbered_entry_are_left_in_the_body():
    last = "2. Лозинская Е. Н. Полпредства и консульства. Л.: Изд-во ЛГУ, 1965. 197 с."
    notes = "1ЗАВИ РФ. Ф. 495. Он. 19. Д. 113. Л. 45. РГАСПИ. Ф. 04. On. 16. Д. 316. Л. 6об."
    body = [Block("p", ["Текст статьи."]), Block("head", ["Список литературы"]),
            Block("p", ["1. Граубе П. Р. Дипломатия признания. М.: Наука, 1988. 465 с."]),
            Block("p", [f"{last} {notes}"], line=40)]
    listed, rest, left_out = find_reference_list(body)
    assert _flat_entry(listed.entries[-1]).strip() == last
    assert [b.content for b in rest[1:]] == [[notes]] and left_out == rest[1:] and left_out[0].line == 40


@pytest.mark.parametrize("tail", ["(Серия «История»).", "Переизд.: М., 1990.",
                                  "Режим доступа: для зарегистрированных пользователей."])
def test_a_short_or_dated_tail_stays_in_the_entry(tail):
    entry = f"1. Граубе П. Р. Дипломатия признания. М.: Наука, 1988. 465 с. {tail}"
    listed, rest, left_out = find_reference_list([Block("head", ["Список литературы"]), Block("p", [entry])])
    assert _flat_entry(listed.entries[0]) == entry and rest == [] and left_out == []


def test_page_notes_among_alphabetical_entries_are_left_in_the_body():
    body = [Block("head", ["Источники и литература"]),
            Block("p", ["Верховцев А. С. Полпредства и консульства. М.: Наука, 1998. 140 с."]),
            Block("p", ["ТАВП РФ. Ф. 08. Оп. 5. Д. 58. Л. 164."], line=158),
            Block("p", ["Граубе П. Р. Торговые договоры и политика. Л.: Изд-во ЛГУ, 1986. 335 с."])]
    listed, rest, left_out = find_reference_list(body)
    assert [(e.n, _flat_entry(e)[:8]) for e in listed.entries] == [(1, "Верховце"), (2, "Граубе П")]
    assert [(b.content, b.line) for b in rest] == [(["ТАВП РФ. Ф. 08. Оп. 5. Д. 58. Л. 164."], 158)]


def test_sources_listed_by_their_fond_stay_entries_of_an_alphabetical_list():
    body = [Block("head", ["Источники и литература"]),
            Block("p", ["АВП РФ. Ф. 08. Секретариат наркома Г. В. Чичерина."]),
            Block("p", ["Верховцев А. С. Полпредства и консульства. М.: Наука, 1998. 140 с."]),
            Block("p", ["Граубе П. Р. Торговые договоры и политика. Л.: Изд-во ЛГУ, 1986. 335 с."])]
    listed, rest, left_out = find_reference_list(body)
    assert len(listed.entries) == 3 and rest == [] and left_out == []


def test_the_pass_warns_at_what_it_left_out_of_the_list(edition, tmp_path):
    text = ("Текст статьи о переговорах.\n\nСписок литературы\n\n"
            "Граубе П. Р. Дипломатия признания. М.: Наука, 1988. 465 с.\n\n"
            "ТАВП РФ. Ф. 08. Оп. 5. Д. 58. Л. 164.\n")
    tree, result = _build(edition, tmp_path, text, "ru")
    (warning,) = [d for d in result.diagnostics if "no entry" in d.message]
    assert warning.severity is Severity.WARNING and warning.line == 7
    assert len(tree.findall(".//t:back//t:listBibl/t:bibl", NS)) == 1
    (shelfmark,) = tree.findall(".//t:body//t:bibl[@type='archival']", NS)
    assert "".join(shelfmark.itertext()) == "АВП РФ. Ф. 08. Оп. 5. Д. 58. Л. 164"


def _flat_entry(entry) -> str:
    return _text(entry.content)


def _text(content) -> str:
    return "".join(x if isinstance(x, str) else _text(x.content) if isinstance(x, Annotation) else ""
                   for x in content)


def test_the_author_is_read_after_what_ocr_left_of_a_lost_number():
    text = ". Callender, J. Diplomacy of Recognition. London: Macmillan, 1986. 414 pp."
    parts = {part.tag: text[part.start:part.end] for part in bibl_parts(text)}
    assert parts["author"] == "Callender, J." and parts["title"] == "Diplomacy of Recognition"


def _citations(text: str, edition=None, series=(), languages=("ru", "en", "fr"), in_note=True):
    archives = edition.collection.archives if edition else ()
    ctx = CitationContext("doc", series=series, languages=languages, archives=archives)
    return [(text[s.start:s.end], s) for s in find_citations(text, ctx, in_note=in_note)]


def _children(span) -> list[tuple[str, str]]:
    return [(c.tag, c.attrs.get("type") or c.attrs.get("unit")) for c in span.children]


def test_transliterated_russian_shelfmark_is_one_citation():
    text = "See AVP RF, f. 0100, op. 7, p. 12, d. 45, l. 3–5."
    ((printed, span),) = _citations(text)
    assert printed == "AVP RF, f. 0100, op. 7, p. 12, d. 45, l. 3–5"
    assert _children(span) == [("idno", "archive"), ("idno", "fond"), ("idno", "inventory"),
                               ("idno", "portfolio"), ("idno", "file"), ("citedRange", "folio")]
    assert span.children[-1].attrs == {"unit": "folio", "from": "3", "to": "5"}


def test_ocr_confusions_in_a_russian_shelfmark():
    """Tesseract reads «Оп.» as Latin «On.» and «Р-» as Latin «P-»: still one shelfmark."""
    ((printed, span),) = _citations("ГАРФ. Ф. P-5446. On. 1. Д. 12. Л. 3.")
    assert printed == "ГАРФ. Ф. P-5446. On. 1. Д. 12. Л. 3"
    assert _children(span) == [("idno", "archive"), ("idno", "fond"), ("idno", "inventory"), ("idno", "file"),
                               ("citedRange", "folio")]


def test_british_and_french_archives_from_the_edition_table(edition):
    text = "TNA, FO 371/10243, f. 45; AMAE, Europe 1918–1940, URSS, vol. 123, f° 45–47."
    found = _citations(text, edition)
    assert [p for p, _ in found] == ["TNA, FO 371/10243, f. 45",
                                     "AMAE, Europe 1918–1940, URSS, vol. 123, f° 45–47"]
    tna, amae = (s for _, s in found)
    assert [(text[c.start:c.end], c.attrs.get("type") or c.attrs["unit"]) for c in tna.children] == [
        ("TNA", "archive"), ("FO 371", "fond"), ("10243", "file"), ("f. 45", "folio")]
    assert amae.children[-1].attrs == {"unit": "folio", "from": "45", "to": "47"}
    assert (text[amae.children[1].start:amae.children[1].end]) == "Europe 1918–1940, URSS"


def test_printed_series_cited_in_english_and_french(edition):
    series = edition.collection.series
    ((printed, span),) = _citations("DVP, vol. 8, p. 12.", series=series, languages=("en",))
    assert printed == "DVP, vol. 8, p. 12" and span.attrs["n"] == "dvp-8-12"
    title = "Documents diplomatiques français"
    ddf = PrintedSeries("ddf", title, (title, "DDF"), "DDF", 0)
    ((printed, span),) = _citations("Voir DDF, 1re série, t. 3, p. 45.", series=(ddf,), languages=("fr",))
    assert printed == "DDF, 1re série, t. 3, p. 45" and span.attrs == {
        "type": "ddf", "n": "ddf-3-45", "xml:id": "doc-cit-1"}


@pytest.mark.parametrize("word", ["Ibid.", "Idem", "Op. cit."])
def test_ibid_idem_and_op_cit_point_to_the_previous_work(word):
    ctx = CitationContext("doc", languages=("en",))
    first = find_citations("Carr, E. H. The Bolshevik Revolution. London: Macmillan, 1953, p. 5.", ctx,
                           in_note=True)
    again = find_citations(f"{word}, p. 7.", ctx, in_note=True)
    assert len(first) == 1 and len(again) == 1
    assert again[0].attrs["corresp"] == f"#{first[0].attrs['xml:id']}"


def test_ibid_after_a_transliterated_shelfmark_repeats_it():
    ctx = CitationContext("doc", languages=("en",))
    (shelfmark,) = find_citations("AVP RF, f. 0100, op. 7, d. 45, l. 3.", ctx, in_note=True)
    (ibid,) = find_citations("Ibid., l. 8.", ctx, in_note=True)
    assert ibid.attrs["corresp"] == f"#{shelfmark.attrs['xml:id']}" and ibid.attrs["type"] == "archival"
