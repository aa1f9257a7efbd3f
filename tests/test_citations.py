"""Citations: bracketed references, archival shelfmarks, the DVP series, other references and ibids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import THESIS
from hypothesis import given, settings
from hypothesis import strategies as st

from diplo_edition.apparatus.citations import CitationContext, find_citations
from diplo_edition.apparatus.spans import Span
from diplo_edition.editions import PrintedSeries, load_edition

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"
URUMQI = "urumqi-negotiations-1923"

# The seed edition's printed series (collection.yml `series:`): the DVP.
SERIES = load_edition(ROOT).collection.series


def ctx(doc_id: str = "doc", references: dict[int, str] | None = None) -> CitationContext:
    return CitationContext(doc_id, references or {}, SERIES, ("ru",))


def printed(text: str, span: Span) -> str:
    return text[span.start : span.end]


def children(text: str, span: Span) -> list[tuple[str, str, dict[str, str]]]:
    return [(c.tag, printed(text, c), c.attrs) for c in span.children]


def one(text: str, context: CitationContext | None = None, *, in_note: bool = False) -> Span:
    spans = find_citations(text, context or ctx(), in_note=in_note)
    assert len(spans) == 1, [(s.tag, printed(text, s), s.attrs) for s in spans]
    return spans[0]


def joined(name: str) -> str:
    """A source file with its lines joined by spaces (line-end hyphens in locators stay)."""
    text = (SOURCES / name).read_text(encoding="utf-8")
    return re.sub(r"[ \t]*\n[ \t]*", " ", text)


# --- a) bracketed citations of the numbered reference list ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "n", "locators"),
    [
        ("[1. Л. 129а]", 1, [("Л. 129а", "folio", "129а", "129а")]),
        ("[1. Л. 64об]", 1, [("Л. 64об", "folio", "64об", "64об")]),
        ("[1. Л. 88]", 1, [("Л. 88", "folio", "88", "88")]),
        ("[12. Д. 27. Л. 8–9]", 12, [("Д. 27", "file", "27", "27"), ("Л. 8–9", "folio", "8", "9")]),
        ("[3. Т. 7. С. 331–345]", 3, [("Т. 7", "volume", "7", "7"), ("С. 331–345", "page", "331", "345")]),
        ("[14. Д. 48. \nЛ. 31]", 14, [("Д. 48", "file", "48", "48"), ("Л. 31", "folio", "31", "31")]),
        ("[2, с. 45]", 2, [("с. 45", "page", "45", "45")]),
    ],
)
def test_bracketed_citation(text: str, n: int, locators: list[tuple[str, str, str, str]]) -> None:
    context = ctx("urumqi", references={n: "Архив внешней политики Российской Федерации"})
    span = one(f"сказал он {text}. Далее", context)
    sentence = f"сказал он {text}. Далее"
    assert printed(sentence, span) == text
    assert span.attrs == {"type": "reference", "corresp": f"#urumqi-ref-{n}", "xml:id": "urumqi-cit-1"}
    assert children(sentence, span) == [
        ("citedRange", loc, {"unit": unit, "from": a, "to": b}) for loc, unit, a, b in locators
    ]
    assert context.last_bibl_id == "urumqi-cit-1"


def test_bracketed_dvp_reference_gets_the_dvp_key() -> None:
    context = ctx("u", {3: "Документы внешней политики СССР. Т. 7. М., 1963", 1: "АВП РФ. Ф. 08"})
    assert context.series_references == {3: "dvp"}
    text = "республикой» [3. Т. 7. С. 331–345], которое"
    span = one(text, context)
    assert span.attrs["n"] == "dvp-7-331"
    assert span.attrs["type"] == "reference"
    assert "n" not in one("[1. Л. 5]", context).attrs


def test_a_bare_bracket_number_needs_a_declared_reference() -> None:
    assert find_citations("см. [4]", ctx()) == []
    assert one("см. [4]", ctx(references={4: "Книга"})).attrs["corresp"] == "#doc-ref-4"


def test_urumqi_brackets_in_the_corpus() -> None:
    text = joined(f"{URUMQI}.ru.txt")
    context = ctx(URUMQI)
    spans = find_citations(text, context)
    brackets = re.findall(r"\[\d+\.[^\]]*\]", text)
    assert len(spans) == len(brackets) == 24
    assert all(s.attrs["type"] == "reference" for s in spans)
    assert [printed(text, s) for s in spans] == brackets
    by_text = {printed(text, s): s for s in spans}
    assert by_text["[1. Л. 64об]"].children[0].attrs == {"unit": "folio", "from": "64об", "to": "64об"}
    assert by_text["[1. Л. 129а]"].children[0].attrs["from"] == "129а"
    assert "corresp" not in by_text["[19. Д. 27. Л. 85]"].attrs  # the list is not in the source
    assert [s.attrs["xml:id"] for s in spans] == [f"{URUMQI}-cit-{i}" for i in range(1, 25)]
    # "Л.М. Карахану" right before the first bracket is no shelfmark
    assert not any(s.attrs["type"] == "archival" for s in spans)


# --- b) archival shelfmarks -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shelfmark", "idnos", "folio"),
    [
        (
            "АВП РФ. Ф. 08. Оп. 6. Д. 27. Л. 129а.",
            "АВП РФ. Ф. 08. Оп. 6. Д. 27. Л. 129а",
            [("archive", "АВП РФ"), ("fond", "08"), ("inventory", "6"), ("file", "27")],
            ("Л. 129а", "129а", "129а"),
        ),
        (
            "РГАСПИ. Ф. 495. Оп. 154. Д. 210. Л. 3об.",
            "РГАСПИ. Ф. 495. Оп. 154. Д. 210. Л. 3об",
            [("archive", "РГАСПИ"), ("fond", "495"), ("inventory", "154"), ("file", "210")],
            ("Л. 3об", "3об", "3об"),
        ),
        (
            "Ф.5. Оп.1. Д.33. Л.12–14",
            "Ф.5. Оп.1. Д.33. Л.12–14",
            [("fond", "5"), ("inventory", "1"), ("file", "33")],
            ("Л.12–14", "12", "14"),
        ),
        ("Д. 5.Л.17–19", "Д. 5.Л.17–19", [("file", "5")], ("Л.17–19", "17", "19")),
        (
            "ГАРФ. Ф. Р-5446. Оп. 1. Д. 10. Л. 5",
            "ГАРФ. Ф. Р-5446. Оп. 1. Д. 10. Л. 5",
            [("archive", "ГАРФ"), ("fond", "Р-5446"), ("inventory", "1"), ("file", "10")],
            ("Л. 5", "5", "5"),
        ),
        (
            "GARF. F. R-5446. Op. 1. D. 10. L. 5",
            "GARF. F. R-5446. Op. 1. D. 10. L. 5",
            [("archive", "GARF"), ("fond", "R-5446"), ("inventory", "1"), ("file", "10")],
            ("L. 5", "5", "5"),
        ),
        (
            "РГВА. Ф. 25895. Оп. 1. Д. 7",
            "РГВА. Ф. 25895. Оп. 1. Д. 7",
            [("archive", "РГВА"), ("fond", "25895"), ("inventory", "1"), ("file", "7")],
            None,
        ),
    ],
)
def test_archival_shelfmarks(
    text: str, shelfmark: str, idnos: list[tuple[str, str]], folio: tuple[str, str, str] | None
) -> None:
    span = one(text)
    assert printed(text, span) == shelfmark
    assert span.attrs == {"type": "archival", "xml:id": "doc-cit-1"}
    expected = [("idno", value, {"type": kind}) for kind, value in idnos]
    if folio:
        expected.append(("citedRange", folio[0], {"unit": "folio", "from": folio[1], "to": folio[2]}))
    assert children(text, span) == expected


def test_two_shelfmarks_sharing_fond_and_inventory() -> None:
    text = "АВП РФ. Ф. 08. Оп. 6. Д.7. Л.1–20; Д.8. Л.2–5."
    context = ctx()
    first, second = find_citations(text, context, in_note=True)
    assert printed(text, first) == "АВП РФ. Ф. 08. Оп. 6. Д.7. Л.1–20"
    assert printed(text, second) == "Д.8. Л.2–5"
    assert children(text, second) == [
        ("idno", "8", {"type": "file"}),
        ("citedRange", "Л.2–5", {"unit": "folio", "from": "2", "to": "5"}),
    ]
    assert context.last_archival_id == second.attrs["xml:id"] == "doc-cit-2"


@pytest.mark.parametrize(
    "text",
    [
        "писал он Л.М. Карахану",
        "Д. 5",
        "см. Д. 5 и далее",
        "Л. 12",
        "Д.231Прибытие Б.Пильняка в Японию",
        "Там же говорилось: Д. 5",
    ],
)
def test_not_shelfmarks(text: str) -> None:
    assert find_citations(text, ctx()) == []
    assert find_citations(text, ctx(), in_note=True) == []


def test_archival_ibid_points_to_the_previous_shelfmark() -> None:
    context = ctx()
    first = one("ГАРФ. Ф. Р-5446. Оп. 1. Д. 10. Л. 5.", context, in_note=True)
    text = "Там же. Л. 85."
    ibid = one(text, context, in_note=True)
    assert printed(text, ibid) == "Там же. Л. 85"
    assert ibid.attrs == {"type": "archival", "corresp": f"#{first.attrs['xml:id']}", "xml:id": "doc-cit-2"}
    assert children(text, ibid) == [("citedRange", "Л. 85", {"unit": "folio", "from": "85", "to": "85"})]
    # a second ibid still points to the shelfmark, not to the first ibid
    assert one("Там же. Л. 86.", context, in_note=True).attrs["corresp"] == f"#{first.attrs['xml:id']}"


def test_archival_ibid_without_antecedent_is_left_plain() -> None:
    assert find_citations("Там же. Л. 85", ctx(), in_note=True) == []


def test_brackets_win_over_shelfmarks() -> None:
    text = "[2. Ф. 08. Оп. 6. Д. 27. Л. 3]"
    span = one(text)
    assert span.attrs["type"] == "reference"
    assert [c.attrs for c in span.children] == [
        {"type": "fond"},
        {"type": "inventory"},
        {"unit": "file", "from": "27", "to": "27"},
        {"unit": "folio", "from": "3", "to": "3"},
    ]
    # an unreadable bracket is still no place for a shelfmark
    assert find_citations("[2. см. Д. 27. Л. 3]", ctx()) == []


# --- c) Документы внешней политики СССР -------------------------------------------------------------------


def test_dvp_long_form() -> None:
    text = "Документы внешней политики СССР. – М.: Госполитиздат, 1959. – Т. 3. – С. 406."
    span = one(text, in_note=True)
    assert printed(text, span) == text[:-1]
    assert span.attrs == {"type": "dvp", "n": "dvp-3-406", "xml:id": "doc-cit-1"}
    assert children(text, span) == [
        ("title", "Документы внешней политики СССР", {"level": "m"}),
        ("biblScope", "Т. 3", {"unit": "volume", "n": "3"}),
        ("citedRange", "С. 406", {"unit": "page", "from": "406", "to": "406"}),
    ]


def test_dvp_after_a_document_title() -> None:
    text = (
        "Нота Мацудайра от 7 августа 1920 г.// Документы внешней политики СССР. – М.: Госполитиздат, 1963. "
        "– Т. 8. – С.453-455."
    )
    span = one(text, in_note=True)
    assert printed(text, span).startswith("Документы внешней политики СССР")
    assert printed(text, span).endswith("С.453-455")
    assert span.attrs["n"] == "dvp-8-453"
    assert children(text, span)[-1] == (
        "citedRange",
        "С.453-455",
        {"unit": "page", "from": "453", "to": "455"},
    )


def test_dvp_with_no_break_spaces_and_statement_of_responsibility() -> None:
    text = (
        "Документы внешней политики СССР. Т.\u00a08. 1\u00a0января\u00a0— 31\u00a0декабря "
        "1925\u00a0г.\u00a0/ М-во иностр. дел СССР. М.\u00a0: Госполитиздат, 1963. С.\u00a070–77."
    )
    span = one(text, in_note=True)
    assert span.attrs["n"] == "dvp-8-70"
    assert children(text, span)[1:] == [
        ("biblScope", "Т.\u00a08", {"unit": "volume", "n": "8"}),
        ("citedRange", "С.\u00a070–77", {"unit": "page", "from": "70", "to": "77"}),
    ]


@pytest.mark.parametrize(
    ("text", "n", "pages"),
    [
        ("ДВП СССР. Т. 7. С. 331", "dvp-7-331", ("331", "331")),
        (
            "Документы внешней политики СССР. – М.: Госполитиздат, 1959. – С. 588.",
            "dvp-x-588",
            ("588", "588"),
        ),
        (
            "Документы внешней политики СССР. – М., 1971. – Т. XVII . – С. 601-603.",
            "dvp-17-601",
            ("601", "603"),
        ),
        ("Документы внешней политики СССР. – М., 1960. – Т. 4. – С. 193 – 209.", "dvp-4-193", ("193", "209")),
        ("Документы внешней политики СССР. – М., 1960. – Т. 4. – С. 27—29.", "dvp-4-27", ("27", "29")),
    ],
)
def test_dvp_short_and_odd_forms(text: str, n: str, pages: tuple[str, str]) -> None:
    span = one(text, in_note=True)
    assert span.attrs["n"] == n
    assert span.children[-1].attrs == {"unit": "page", "from": pages[0], "to": pages[1]}


def test_dvp_without_a_page_is_no_dvp_citation() -> None:
    text = 'является многотомный сборник "Документы внешней политики СССР"23, 20 томов. Там же. С. 5'
    assert find_citations(text, ctx()) == []


def test_convention_footnote_in_the_corpus() -> None:
    text = joined("soviet-japanese-convention-1925.ru-en.txt")
    start = text.index("Документы внешней политики")
    note = text[start : text.index("70–77.", start) + len("70–77.")]
    span = one(note, in_note=True)
    assert span.attrs["n"] == "dvp-8-70"
    assert printed(note, span) == note[:-1]


def test_thesis_dvp_notes_in_the_corpus() -> None:
    text = joined(f"{THESIS}.thesis.ru.txt")
    spans = [s for s in find_citations(text, ctx(THESIS)) if s.attrs.get("type") == "dvp"]
    mentions = len(re.findall(r"Документы\s+внешней\s+политики", text))
    # every mention is a citation with a page, but the two of the series as a whole (no page)
    assert len(spans) == mentions - 4 > 250
    keys = {s.attrs["n"] for s in spans}
    assert {"dvp-3-406", "dvp-3-92", "dvp-4-224", "dvp-8-453", "dvp-x-588", "dvp-17-634"} <= keys
    for span in spans:
        assert printed(text, span).startswith(("Документы", "ДВП"))
        assert re.search(r"С\.\s*\d+(\s*[-–—]\s*\d+)?$", printed(text, span))


# A second series, declared beside the DVP: its citations are its own, the DVP's stay as they were.
# (Not "Международные отношения": the thesis names a publisher so, which an editor would not declare.)
SDD = PrintedSeries(id="sdd", title="Сборник действующих договоров, соглашений и конвенций",
                    names=("Сборник действующих договоров", "СДД"), short="СДД", line=0)


def test_a_second_declared_series_gets_its_own_type_and_keys() -> None:
    note = "Договор. – Сборник действующих договоров. – М., 1928. – Т. 2. – С. 14–15; ДВП СССР. Т. 7. С. 331."
    context = CitationContext("d", {1: "СДД. Т. 2. М., 1928", 2: "АВП РФ. Ф. 08"}, (*SERIES, SDD), ("ru",))
    assert context.series_references == {1: "sdd"}
    spans = find_citations(note, context, in_note=True)
    assert [(s.attrs["type"], s.attrs["n"]) for s in spans] == [("sdd", "sdd-2-14"), ("dvp", "dvp-7-331")]
    assert printed(note, spans[1]) == "ДВП СССР. Т. 7. С. 331"
    assert children(note, spans[0])[0] == ("title", "Сборник действующих договоров", {"level": "m"})
    assert one("[1. Т. 2. С. 14]", context).attrs["n"] == "sdd-2-14"
    # the DVP notes of the thesis read the same with the second series declared
    text = joined(f"{THESIS}.thesis.ru.txt")
    alone = find_citations(text, ctx(THESIS))
    beside = find_citations(text, CitationContext(THESIS, {}, (*SERIES, SDD), ("ru",)))
    assert [s for s in beside if s.attrs["type"] == "dvp"] == [s for s in alone if s.attrs["type"] == "dvp"]


def test_with_no_series_declared_no_series_citation_is_found() -> None:
    text = joined(f"{THESIS}.thesis.ru.txt")
    context = CitationContext(THESIS, {3: "Документы внешней политики СССР. Т. 7"})
    assert context.series_references == {}
    assert not [s for s in find_citations(text, context) if s.attrs.get("type") == "dvp"]
    assert len([s for s in find_citations(text, ctx(THESIS)) if s.attrs["type"] == "dvp"]) > 250


# --- d) other references and ibids in notes ---------------------------------------------------------------


def test_book_with_author_and_title() -> None:
    text = (
        "Кутаков, Л.Н. Портсмутский мирный договор: из истории отношений Японии с Россией и СССР. 1905–1945 "
        "гг. / Л. Н. Кутаков. – Москва : Соцэкгиз, 1961. – 291 с."
    )
    span = one(text, in_note=True)
    assert (span.start, span.end) == (0, len(text))
    assert span.attrs == {"xml:id": "doc-cit-1"}
    assert children(text, span) == [
        ("author", "Кутаков, Л.Н.", {}),
        (
            "title",
            "Портсмутский мирный договор: из истории отношений Японии с Россией и СССР. 1905–1945 гг.",
            {},
        ),
    ]


def test_article_with_author_and_title() -> None:
    text = (
        "Исаев И. А. Восток — Запад: геополитические повороты России в X–XXI вв. // История государства "
        "и права. 2024. № 5. С. 6."
    )
    span = one(text, in_note=True)
    assert children(text, span) == [
        ("author", "Исаев И. А.", {}),
        ("title", "Восток — Запад: геополитические повороты России в X–XXI вв.", {}),
    ]


def test_newspaper_issue() -> None:
    text = "Известия. – 1922. – 27 октября."
    span = one(text, in_note=True)
    assert printed(text, span) == text
    assert children(text, span) == [("title", "Известия", {})]


def test_other_references_only_in_notes() -> None:
    assert find_citations("Известия. – 1922. – 27 октября.", ctx()) == []


@pytest.mark.parametrize(
    "text",
    [
        "ВОКС – Всесоюзное общество культурных связей с заграницей.",
        "Кук и Смит – представители американской компании в Чите; Томас – неофициальный представитель США.",
    ],
)
def test_explanatory_notes_are_no_references(text: str) -> None:
    assert find_citations(text, ctx(), in_note=True) == []


def test_a_dvp_note_gets_only_the_dvp_span() -> None:
    text = (
        "Нота Правительства РСФСР Правительству Японии от 23 ноября 1922 г.// Документы внешней политики "
        "СССР. – М.: Госполитиздат, 1961. – Т. 5. – С. 17."
    )
    (span,) = find_citations(text, ctx(), in_note=True)
    assert span.attrs["type"] == "dvp"


@pytest.mark.parametrize("first_kind", ["dvp", "archival", "other"])
def test_ibid_points_to_the_previous_bibl(first_kind: str) -> None:
    first_text = {
        "dvp": "Нота от 3 марта 1921 г. // Документы внешней политики СССР. – М., 1959. – Т. 3. – С. 561.",
        "archival": "АВП РФ. Ф. 08. Оп. 6. Д. 27. Л. 129а.",
        "other": "Известия. – 1922. – 27 октября.",
    }[first_kind]
    context = ctx("t")
    (first,) = find_citations(first_text, context, in_note=True)
    text = "Там же. С. 5."
    ibid = one(text, context, in_note=True)
    assert printed(text, ibid) == "Там же. С. 5"
    assert ibid.attrs == {"corresp": f"#{first.attrs['xml:id']}", "xml:id": "t-cit-2"}
    assert children(text, ibid) == [("citedRange", "С. 5", {"unit": "page", "from": "5", "to": "5"})]
    bare = one("Там же.", context, in_note=True)
    assert bare.attrs["corresp"] == f"#{first.attrs['xml:id']}"
    assert context.last_bibl_id == first.attrs["xml:id"]


def test_ibid_in_the_thesis_points_to_the_previous_note() -> None:
    text = (SOURCES / f"{THESIS}.thesis.ru.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    i = next(k for k, line in enumerate(lines) if line.startswith("132 Там же."))
    previous_note = " ".join(s.strip() for s in lines[i - 2 : i])
    previous_note = previous_note[previous_note.index("131 ") + 4 :]
    context = ctx(THESIS)
    (dvp,) = find_citations(previous_note, context, in_note=True)
    ibid = one("Там же.", context, in_note=True)
    assert ibid.attrs["corresp"] == f"#{dvp.attrs['xml:id']}"


def test_op_cit_points_to_the_authors_work() -> None:
    context = ctx()
    book = one(
        "Кутаков, Л.Н. Портсмутский мирный договор. – Москва : Соцэкгиз, 1961. – 291 с.",
        context,
        in_note=True,
    )
    one("Известия. – 1922. – 27 октября.", context, in_note=True)
    text = "Кутаков Л.Н. Указ. соч. С. 45."
    op_cit = one(text, context, in_note=True)
    assert printed(text, op_cit) == "Кутаков Л.Н. Указ. соч. С. 45"
    assert op_cit.attrs["corresp"] == f"#{book.attrs['xml:id']}"
    assert children(text, op_cit)[0] == ("author", "Кутаков Л.Н.", {})
    # without a name: the previous bibl
    assert one("Указ. соч. С. 5", context, in_note=True).attrs["corresp"] == "#doc-cit-2"


def test_ibid_needs_an_antecedent_and_a_note() -> None:
    assert find_citations("Там же.", ctx(), in_note=True) == []
    context = ctx()
    context.last_bibl_id = "doc-cit-9"
    assert find_citations("Там же говорилось: «Факт этот»", context, in_note=True) == []
    assert find_citations("Там же. С. 5", context) == []


def test_context_ids() -> None:
    context = CitationContext("d", {})
    assert [context.next_id(), context.next_id()] == ["d-cit-1", "d-cit-2"]
    assert context.counter == 2


# --- properties -----------------------------------------------------------------------------------------


def _check(text: str, spans: list[Span]) -> None:
    last = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= last
        last = span.end
        assert span.tag == "bibl"
        assert span.attrs["xml:id"]
        inner = span.start
        for child in span.children:
            assert child.start >= inner
            assert child.end <= span.end
            inner = child.end
            assert all(v for v in child.attrs.values())
        assert all(v for v in span.attrs.values())
        if "corresp" in span.attrs:
            assert span.attrs["corresp"].startswith("#")


ALPHABET = st.sampled_from(
    list('0123456789 .,;:-–—/[]«»"\u00a0\nАВПРФГСДЛТОпобаМ.XIVКутковЯ')
    + [
        "Ф. ",
        "Оп. ",
        "Д. ",
        "Л. ",
        "Т. ",
        "С. ",
        "Л.М. ",
        "Там же",
        "Указ. соч.",
        "Документы внешней политики СССР",
        "ДВП",
        " // ",
        " / ",
        ". – ",
        "М.: Госполитиздат, 1959",
        "Кутаков, Л.Н. ",
        "Известия",
        "[1. ",
        "об",
        "РГАСПИ. ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(ALPHABET, max_size=30).map("".join), min_size=1, max_size=4), st.booleans())
def test_random_text_never_breaks(texts: list[str], in_note: bool) -> None:
    context = ctx("p", {1: "Документы внешней политики СССР. Т. 7", 2: "x"})
    seen: set[str] = set()
    for text in texts:
        spans = find_citations(text, context, in_note=in_note)
        _check(text, spans)
        for span in spans:
            assert span.attrs["xml:id"] not in seen
            seen.add(span.attrs["xml:id"])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.booleans())
def test_arbitrary_unicode_never_breaks(text: str, in_note: bool) -> None:
    _check(text, find_citations(text, ctx("p"), in_note=in_note))
