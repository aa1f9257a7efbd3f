"""Printed pages: every page start becomes a <pb/> where it falls, numbered where the print tells."""

from conftest import CONVENTION, NS, TEXTBOOK, THESIS, URUMQI, text_without_notes


def page_breaks(tree):
    return tree.findall(".//t:body//t:pb", NS) + tree.findall(".//t:profileDesc//t:pb", NS)


def test_pages_found_per_document(results):
    assert results[URUMQI].report.pages == 5
    assert results[THESIS].report.pages == 89
    assert results[CONVENTION].report.pages == 6
    assert results[TEXTBOOK].report.pages == 2


def test_two_column_article_has_one_column_break_per_page_where_visible(results, trees):
    assert results[URUMQI].report.column_breaks == 4
    assert len(trees[URUMQI].findall(".//t:body//t:cb", NS)) == 4


def test_page_break_inside_a_word_stays_inside_the_word(trees):
    body = trees[URUMQI].find("t:text/t:body", NS)
    breaks = body.findall(".//t:pb", NS)
    assert len(breaks) == 5
    # "тре-" / " бованиям": the soft hyphen goes, the page break stays between the two halves.
    second = breaks[1]
    previous_text = second.getprevious().tail if second.getprevious() is not None else second.getparent().text
    assert previous_text.endswith("отвечал новым тре")
    assert second.tail.startswith("бованиям. Последующие")
    assert "новым требованиям. Последующие" in text_without_notes(trees[URUMQI])


def test_thesis_page_numbers_counted_from_the_surviving_printed_numbers(trees):
    body = trees[THESIS].find("t:text/t:body", NS)
    numbers = [pb.get("n") for pb in body.iter(f"{{{NS['t']}}}pb")]
    assert numbers == [str(n) for n in range(3, 92)]


def test_printed_page_numbers_kept_with_the_copy_that_kept_them(trees):
    tree = trees[THESIS]
    forme = tree.findall(".//t:body//t:fw[@type='pageNum']", NS)
    assert [fw.text for fw in forme] == ["13", "19", "23", "26", "40", "79"]
    assert all(fw.get("place") == "bottom" for fw in forme)
    witness = {fw.text: fw.get("source") for fw in forme}
    assert witness["13"].endswith("-wit-A") and witness["19"].endswith("-wit-B")
    # A number printed at the foot of page 19 is followed by the break of page 20.
    fw19 = next(fw for fw in forme if fw.text == "19")
    following = fw19.getnext()
    assert following.tag.endswith("pb") and following.get("n") == "20"
    assert following.get("type") == "inferred"
    pb13 = [pb for pb in tree.iter(f"{{{NS['t']}}}pb") if pb.get("n") == "13"][0]
    assert pb13.get("type") is None  # printed at the foot of that very page


def test_page_without_any_printed_number_has_no_invented_number(trees):
    for doc in (URUMQI, CONVENTION, TEXTBOOK):
        assert all(pb.get("n") is None for pb in page_breaks(trees[doc]))
