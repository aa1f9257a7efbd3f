"""Nothing is lost: every letter and digit of the raw sources reaches the TEI, or a recorded rule removed it.

The balance is computed from the TEI as written (body, abstracts, keywords) and compared with the raw
files character by character; what the pipeline took out is accounted for by rule (footnote markers and
labels, moved into the note's n; the labels of abstracts; the duplicate copy).
"""

from collections import Counter

import pytest
from conftest import CONVENTION, NS, TEXTBOOK, THESIS, URUMQI

from diplo_edition.layout.flow import count_letters


def tei_letters(tree) -> Counter:
    counted = Counter()
    for el in tree.xpath(
        "//t:text/t:body | //t:profileDesc/t:abstract | //t:profileDesc/t:textClass/t:keywords", namespaces=NS
    ):
        counted.update(count_letters("".join(el.itertext())))
    return counted


@pytest.mark.parametrize("doc_id", [TEXTBOOK, CONVENTION, THESIS, URUMQI])
def test_letter_balance(doc_id, results, trees):
    result = results[doc_id]
    removed = Counter()
    for (_rule, char), count in result.removed.items():
        removed[char] += count
    in_tei = tei_letters(trees[doc_id])
    raw = result.raw_letters
    print(f"\n{doc_id}: raw {sum(raw.values())} = TEI {sum(in_tei.values())} + removed "
          f"{sum(removed.values())} {result.removed_by_rule}")
    assert raw - (in_tei + removed) == Counter(), "letters lost"
    assert (in_tei + removed) - raw == Counter(), "letters added"


def test_removals_are_only_recorded_rules(results):
    allowed = {"footnote-marker", "footnote-label", "label", "duplicate-copy"}
    for result in results.values():
        assert set(result.removed_by_rule) <= allowed


def test_markers_and_labels_balance(results):
    # Every footnote number is printed twice (marker and label), and both go into note/@n.
    thesis = results[THESIS].removed_by_rule
    assert thesis["footnote-marker"] == thesis["footnote-label"] == sum(len(str(n)) for n in range(1, 235))


def test_duplicate_copy_is_the_whole_second_copy(results):
    raw_total = sum(results[THESIS].raw_letters.values())
    duplicate = results[THESIS].removed_by_rule["duplicate-copy"]
    # Both copies share everything but the printed page numbers only one of them kept (13, 26, 79 in the
    # first; 19, 23, 40 in the second): those stay in the TEI, the shared text is published once.
    assert raw_total == 2 * duplicate + len("132679") + len("192340")
