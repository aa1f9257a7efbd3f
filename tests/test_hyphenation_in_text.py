"""Line-end hyphens in the built TEI: soft ones joined, hard ones kept, also across page breaks."""

import pytest
from conftest import CONVENTION, NS, TEXTBOOK, THESIS, URUMQI, text_without_notes


def reading_text(tree) -> str:
    """Running text of the body and the abstracts of the header."""
    abstracts = " ".join("".join(a.itertext()) for a in tree.findall(".//t:profileDesc/t:abstract", NS))
    return text_without_notes(tree) + " " + " ".join(abstracts.split())


@pytest.mark.parametrize(
    ("doc", "reading"),
    [
        (TEXTBOOK, "«колонизации Германии»"),  # ко-/лонизации: soft
        (URUMQI, "торгово-экономических отношений"),  # hard hyphen inside, soft at the line end
        (URUMQI, "в Синьцзяне"),  # Синь-/цзяне: soft, the corpus has the word whole
        (URUMQI, "Действительно, вооруженные силы Синьцзяна"),  # во-/ page break / оруженные
        (CONVENTION, "legal component and deepen"),  # English: compo-/nent
        (CONVENTION, "the foundations for the regulation"),
    ],
)
def test_soft_hyphens_removed(trees, doc, reading):
    assert reading in reading_text(trees[doc])


@pytest.mark.parametrize(
    ("doc", "reading"),
    [
        (URUMQI, "по-прежнему отсутствовал"),  # по-/прежнему
        (URUMQI, "не могли из-за дальности"),  # из-/за
        (THESIS, "советско-японских отношений 1922-1941 гг."),  # советско-/японских
        (THESIS, "какую-"),  # какую-/нибудь or какую-/либо
        (THESIS, "на реке Халхин-Гол"),
        (TEXTBOOK, "франко-бельгийской оккупацией"),
    ],
)
def test_hard_hyphens_kept(trees, doc, reading):
    assert reading in text_without_notes(trees[doc])


def test_hyphen_counts(results):
    stats = results[URUMQI].report
    assert stats.hyphens_joined > 150
    assert 1 <= stats.hyphens_kept < 20
