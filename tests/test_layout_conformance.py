"""The layout conformance corpus (bench/layout/): typeset documents extracted three ways, scored against the
gold that TeX wrote when they were typeset (issue 12, point 10).

The floors are today's measured values: a regression guard. Each names the issue's target it is on the way
to; raise a floor when the detectors improve (``bench/layout/score.py`` prints the table).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

LAYOUT = Path(__file__).resolve().parents[1] / "bench" / "layout"
sys.path.insert(0, str(LAYOUT))

import measures  # noqa: E402
import score  # noqa: E402

ROUTES = ("pdftotext", "raw", "ocr")

# Today's scores of the committed raw files (form feeds in them): a regression guard, each floor with the
# issue's target it is on the way to. Raise a floor when the detectors improve (score.py prints the table).
FLOORS_AS_COMMITTED: dict[str, dict[str, float]] = {
    # target: every TEI valid, every document building
    "tei_valid": {"pdftotext": 14 / 14, "raw": 14 / 14, "ocr": 14 / 14},
    # target: printed page numbers right on pb >= 98 %
    "pages_right": {"pdftotext": 58 / 58, "raw": 58 / 58, "ocr": 58 / 58},
    # target: running heads kept out of the reading text >= 98 %
    "heads_out": {"pdftotext": 34 / 34, "raw": 34 / 34, "ocr": 34 / 34},
    # target: notes at the right marker with the right body >= 97 % (pdftotext), >= 85 % (OCR)
    "notes_right": {"pdftotext": 206 / 211, "raw": 211 / 211, "ocr": 180 / 211},
    # target: line-end hyphens right >= 98 % in ru, en and fr
    "hyphens_ru": {"pdftotext": 418 / 420, "raw": 420 / 420, "ocr": 407 / 420},
    "hyphens_en": {"pdftotext": 67 / 69, "raw": 69 / 69, "ocr": 69 / 69},
    "hyphens_fr": {"pdftotext": 97 / 97, "raw": 97 / 97, "ocr": 97 / 97},
    # target: headings >= 95 %
    "headings": {"pdftotext": 52 / 54, "raw": 54 / 54, "ocr": 53 / 54},
    # target: paragraphs with the right first and last words >= 95 % (pdftotext), >= 90 % (OCR)
    "paragraphs_right": {"pdftotext": 159 / 186, "raw": 174 / 186, "ocr": 172 / 186},
    # target: reference-list entries parsed >= 90 %
    "references_parsed": {"pdftotext": 39 / 39, "raw": 39 / 39, "ocr": 36 / 39},
    # target: full archival shelfmarks as one citation >= 95 % (pdftotext), >= 80 % (OCR)
    "shelfmarks_whole": {"pdftotext": 68 / 69, "raw": 69 / 69, "ocr": 67 / 69},
    # abstract and keywords found; separators as milestones
    "front": {"pdftotext": 6 / 6, "raw": 6 / 6, "ocr": 6 / 6},
    "separators": {"pdftotext": 5 / 5, "raw": 5 / 5, "ocr": 4 / 5},
}
# Lower is better. Targets: no note linked wrongly without a warning; <= 1 % of paragraphs merged or split
# at a page break.
CEILINGS_AS_COMMITTED: dict[str, dict[str, float]] = {
    "notes_wrong_unwarned": {"pdftotext": 0 / 211, "raw": 0 / 211, "ocr": 0 / 211},
    "paragraphs_page_break": {"pdftotext": 1 / 186, "raw": 0 / 186, "ocr": 0 / 186},
}

# Today's scores of the same files with their form feeds deleted (what an editor does today to get a file
# read), for the measures that do not depend on the page signal: the detectors' word and citation evidence.
FLOORS_WITHOUT_FORM_FEEDS: dict[str, dict[str, float]] = {
    # target: every TEI valid
    "tei_valid": {"pdftotext": 14 / 14, "raw": 14 / 14, "ocr": 14 / 14},
    # target: line-end hyphens right >= 98 % in ru, en and fr (pdftotext itself joins some compounds)
    "hyphens_ru": {"pdftotext": 418 / 420, "raw": 420 / 420, "ocr": 407 / 420},
    "hyphens_en": {"pdftotext": 67 / 69, "raw": 69 / 69, "ocr": 69 / 69},
    "hyphens_fr": {"pdftotext": 97 / 97, "raw": 97 / 97, "ocr": 97 / 97},
    # target: full archival shelfmarks as one citation >= 95 % (pdftotext), >= 80 % (OCR)
    "shelfmarks_whole": {"pdftotext": 68 / 69, "raw": 69 / 69, "ocr": 66 / 69},
}


def rate(cell: list[int]) -> float:
    return cell[0] / cell[1] if cell[1] else 1.0


def gold_totals() -> dict[str, int]:
    golds = score.load_gold()
    return {
        "notes_right": sum(len(g["notes"]) for g in golds.values()),
        "paragraphs_right": sum(len(g["paragraphs"]) for g in golds.values()),
        "pages_right": sum(len(g["pages"]) for g in golds.values()),
        "tei_valid": len(golds),
    }


# --- the corpus: gold and raw files agree ------------------------------------------------------------------


def test_every_gold_document_has_its_three_routes_and_its_source():
    golds = sorted(p.stem for p in (LAYOUT / "gold").glob("*.json"))
    assert len(golds) >= 12
    raws = sorted(p.name for p in (LAYOUT / "raw").glob("*.txt"))
    assert raws == sorted(f"{doc}.{route}.txt" for doc in golds for route in ROUTES)
    assert sorted(p.stem for p in (LAYOUT / "tex").glob("*.tex")) == golds
    assert not list(LAYOUT.rglob("*.pdf")), "no PDFs are committed"


def test_gold_agrees_with_what_the_raw_files_list():
    for path in sorted((LAYOUT / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = gold["doc"]
        assert doc == path.stem
        for route in ROUTES:
            text = (LAYOUT / "raw" / f"{doc}.{route}.txt").read_text(encoding="utf-8")
            # pdftotext and the OCR join write one form feed at every page end: one per gold page
            assert text.count("\f") == len(gold["pages"]), (doc, route)
        numbers = [int(p["n"]) for p in gold["pages"]]
        assert numbers == list(range(numbers[0], numbers[0] + len(numbers))), doc
        assert all(p["number"] in ("head", "foot") for p in gold["pages"]), doc
        for note in gold["notes"]:
            assert 1 <= note["page"] <= len(gold["pages"]) and note["label"], (doc, note)
            assert note["marker_page"] <= note["page"], (doc, note)
        for par in gold["paragraphs"]:
            assert par["page_first"] <= par["page_last"], (doc, par)
        raw = (LAYOUT / "raw" / f"{doc}.raw.txt").read_text(encoding="utf-8").replace("-\n", "")
        for head in gold["headings"]:  # the text layer prints every heading the gold lists
            assert " ".join(head["text"].split()[-2:]) in " ".join(raw.split()), (doc, head)


def test_the_corpus_covers_the_conventions():
    specs = [json.loads(p.read_text(encoding="utf-8"))["spec"] for p in (LAYOUT / "gold").glob("*.json")]
    seen = {(key, spec[key]) for spec in specs for key in ("heads", "pagenum", "notes", "structure", "refs")}
    for convention in [
        ("heads", "alt"), ("heads", "title"), ("heads", "oneline"), ("heads", "none"),
        ("pagenum", "head"), ("pagenum", "foot"), ("notes", "foot"), ("notes", "perpage"),
        ("notes", "symbol"), ("notes", "endnotes"), ("notes", "endnotes-chapter"), ("notes", "mixed"),
        ("notes", "paren-after"), ("notes", "paren-inline"), ("structure", "chapters"),
        ("structure", "sections"), ("refs", "numbered"), ("refs", "alpha"),
    ]:  # fmt: skip
        assert convention in seen, convention
    assert {s["lang"] for s in specs} == {"ru", "en", "fr"}
    assert any(s["columns"] == 2 for s in specs) and any(s["parskip"] for s in specs)
    assert (
        any(s["quote"] for s in specs)
        and any(s["separator"] for s in specs)
        and any(s["abstract"] for s in specs)
    )


# --- the measures on a small TEI --------------------------------------------------------------------------

GOLD = {
    "doc": "d",
    "spec": {"title": "Рыболовный вопрос в 1925 году", "author": "Н. В. Ростиславская"},
    "languages": ["ru"],
    "pages": [
        {"index": 1, "n": "7", "number": "foot", "head": None},
        {"index": 2, "n": "8", "number": "head", "head": "Конвенция 1925 года"},
    ],
    "paragraphs": [
        {
            "id": "p1",
            "kind": "p",
            "first": "Переговоры шли медленно,",
            "last": "свободу маневра.",
            "page_first": 1,
            "page_last": 2,
        },
        {
            "id": "p2",
            "kind": "p",
            "first": "Полпредство в Токио",
            "last": "в парламенте.",
            "page_first": 2,
            "page_last": 2,
        },
    ],
    "headings": [{"id": "h1", "text": "1. Исторический контекст"}],
    "notes": [
        {"id": "n1", "label": "1", "page": 1, "before": "шли медленно", "body": "Там же. С. 5."},
        {"id": "n2", "label": "2", "page": 2, "before": "сообщало о колебаниях", "body": "Там же. Л. 64об."},
    ],
    "references": [],
    "shelfmarks": ["АВП РФ. Ф. 08. Оп. 6. Д. 27. Л. 129а"],
    "front": {},
    "separators": 0,
    "hyphens": [
        {"left": "перего", "right": "воры", "decision": "join", "word": "переговоры"},
        {"left": "советско", "right": "японский", "decision": "keep", "word": "советско-японский"},
    ],
}
TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div><pb n="7"/>
<head>1. Исторический контекст</head><p>
Переговоры шли медленно<note place="foot" n="1">Там же. С. 5.</note>, советскояпонский договор
<bibl type="archival"><idno type="archive">АВП РФ</idno>. Ф. 08. Оп. 6. Д. 27. Л. 129а</bibl>.<pb n="8"/>
<fw type="header">Конвенция 1925 года</fw> и свободу маневра.</p><p>Полпредство в Токио сообщало<note
place="foot" n="2">Там же. Л. 64об.</note> о колебаниях в парламенте.</p></div></body></text></TEI>"""


def test_measures_count_what_is_right_and_what_is_wrong():
    cells = measures.score_document(GOLD, TEI.encode(), []).as_json()
    assert cells["tei_valid"] == [1, 1]
    assert cells["pages_right"] == [2, 2]
    assert cells["heads_out"] == [1, 1]  # the head is an fw, not reading text
    assert cells["headings"] == [1, 1]
    assert cells["paragraphs_right"] == [2, 2]
    assert cells["paragraphs_page_break"] == [0, 2]
    assert cells["shelfmarks_whole"] == [1, 1]
    # note 2 stands after "сообщало", not after "о колебаниях": wrong, and no warning says so
    assert cells["notes_right"] == [1, 2]
    assert cells["notes_wrong_unwarned"] == [1, 2]
    # "переговоры" joined right; the compound "советско-японский" lost its hyphen
    assert cells["hyphens_ru"] == [1, 2]


def test_a_running_head_in_the_text_and_a_paragraph_split_at_the_page_are_counted():
    leaked = TEI.replace('<fw type="header">Конвенция 1925 года</fw>', "Конвенция 1925 года").replace(
        '<pb n="8"/>', '</p><p><pb n="8"/>'
    )
    cells = measures.score_document(GOLD, leaked.encode(), []).as_json()
    assert cells["heads_out"] == [0, 1]
    assert cells["paragraphs_right"] == [1, 2]
    assert cells["paragraphs_page_break"] == [1, 2]


def test_a_document_that_does_not_build_fails_every_measure():
    cells = measures.score_document(GOLD, None, ["error"]).as_json()
    assert cells["tei_valid"] == [0, 1] and cells["notes_right"] == [0, 2] and cells["pages_right"] == [0, 2]


# --- the scores on the committed corpus -----------------------------------------------------------------


def check_floors(results: dict, floors: dict, ceilings: dict) -> list[str]:
    problems = []
    for measure, by_route in floors.items():
        for route, floor in by_route.items():
            got = rate(results["totals"][measure][route])
            if got < floor - 1e-9:
                problems.append(f"{measure} [{route}]: {got:.3f} < floor {floor:.3f}")
    for measure, by_route in ceilings.items():
        for route, ceiling in by_route.items():
            got = rate(results["totals"][measure][route])
            if got > ceiling + 1e-9:
                problems.append(f"{measure} [{route}]: {got:.3f} > ceiling {ceiling:.3f}")
    return problems


@pytest.mark.slow  # ~10-60 s: builds 14 documents x 3 routes
def test_scores_of_the_committed_corpus_stay_above_their_floors():
    results = score.run(list(ROUTES), jobs=2)
    totals = gold_totals()
    for measure, count in totals.items():  # every document of every route was scored
        for route in ROUTES:
            assert results["totals"][measure][route][1] == count, (measure, route)
    assert check_floors(results, FLOORS_AS_COMMITTED, CEILINGS_AS_COMMITTED) == []
    assert results["seconds"] < 120


@pytest.mark.slow
def test_scores_without_form_feeds_stay_above_their_floors():
    results = score.run(list(ROUTES), jobs=2, form_feeds=False)
    assert check_floors(results, FLOORS_WITHOUT_FORM_FEEDS, {}) == []
