"""Nothing is lost: every letter and digit of the raw sources reaches the TEI, or a recorded rule removed it.

The balance is computed from the TEI as written (body, abstracts, keywords) and compared with the raw
files character by character; what the pipeline took out is accounted for by rule (footnote markers and
labels, moved into the note's n; the labels of abstracts; the duplicate copy).
"""

from collections import Counter

import pytest
from conftest import CONVENTION, TEXTBOOK, THESIS, URUMQI

from diplo_edition.pipeline import source_lines
from diplo_edition.tei.balance import letter_balance


def removed_by_rule(result) -> dict[str, int]:
    return letter_balance(result.raw_letters, result.tei, result.removed).removed


@pytest.mark.parametrize("doc_id", [TEXTBOOK, CONVENTION, THESIS, URUMQI])
def test_letter_balance(doc_id, results):
    result = results[doc_id]
    balance = letter_balance(result.raw_letters, result.tei, result.removed)
    print(f"\n{doc_id}: {balance}")
    assert dict(balance.lost) == {}, "letters lost"
    assert dict(balance.added) == {}, "letters added"
    assert balance.raw == balance.in_tei + sum(balance.removed.values())


def test_removals_are_only_recorded_rules(results):
    allowed = {"footnote-marker", "footnote-label", "label", "duplicate-copy"}
    for result in results.values():
        assert set(removed_by_rule(result)) <= allowed


def test_markers_and_labels_balance(results):
    # Every footnote number is printed twice (marker and label), and both go into note/@n.
    thesis = removed_by_rule(results[THESIS])
    assert thesis["footnote-marker"] == thesis["footnote-label"] == sum(len(str(n)) for n in range(1, 235))


def test_duplicate_copy_is_the_whole_second_copy(results):
    raw_total = sum(results[THESIS].raw_letters.values())
    duplicate = removed_by_rule(results[THESIS])["duplicate-copy"]
    # Both copies share everything but the printed page numbers only one of them kept (13, 26, 79 in the
    # first; 19, 23, 40 in the second): those stay in the TEI, the shared text is published once.
    assert raw_total == 2 * duplicate + len("132679") + len("192340")


def test_the_labels_of_an_abstract_file_are_found_in_its_raw_lines(edition, results):
    # Every raw file is placed, the abstract file too: its label ("Abstract") is found where it sits,
    # with no removal reported by the passes.
    doc = next(d for d in edition.documents if d.id == URUMQI)
    sources = {ref.rel: source_lines(ref, 8) for ref in doc.sources}
    body = {ref.rel: sources[ref.rel] for ref in doc.sources if ref.role == "body"}
    result = results[URUMQI]
    balance = letter_balance(result.raw_letters, result.tei, Counter(), body, sources)
    assert balance.holds, str(balance)
    assert balance.removed == {"label": 8}
    assert not letter_balance(result.raw_letters, result.tei, Counter(), body).holds
