"""Page-bottom footnotes: found, linked to their markers, encoded inline at the marker."""

import pytest
from conftest import CONVENTION, NS, THESIS, XML_ID, text_without_notes

T = f"{{{NS['t']}}}"


def notes(tree):
    return tree.findall(".//t:body//t:note", NS)


def text_before(note) -> str:
    """The running text just before a note, across elements, notes left out."""
    parts = []
    el = note
    while True:
        prev = el.getprevious()
        if prev is not None:
            if prev.tail:
                parts.append(prev.tail)
            if prev.tag != T + "note":
                parts.append("".join(prev.itertext()))
            el = prev
        else:
            parent = el.getparent()
            if parent is None or parent.tag == T + "body":
                break
            if parent.text:
                parts.append(parent.text)
            el = parent
        if sum(len(p) for p in parts) > 80:
            break
    return "".join(reversed(parts))


def test_every_thesis_footnote_present_exactly_once(trees, results):
    numbers = [int(n.get("n")) for n in notes(trees[THESIS])]
    assert numbers == list(range(1, 235))
    assert results[THESIS].report.footnotes_linked == 234
    ids = [n.get(XML_ID) for n in notes(trees[THESIS])]
    assert len(set(ids)) == 234


@pytest.mark.parametrize(
    ("n", "words_before"),
    [
        (1, 'Жукова "История Японии"'),  # marker standing between spaces: "История Японии" 1,
        (2, 'на Дальнем Востоке"'),  # glued to a closing quote
        (31, "от 15 декабря 1920 г."),  # glued to a full stop: г.31
        (127, "В.Л. Копп отправил ноту"),  # glued to a word: ноту127
        (128, "К. Сидэхара в беседе"),  # the marker opens a page after a footnote block
        (229, "Ложкина А.С."),  # the OCR lost the space after it: 229Главной
        (234, "международном информационном пространстве"),
    ],
)
def test_thesis_footnote_anchored_after_the_right_words(trees, n, words_before):
    note = next(x for x in notes(trees[THESIS]) if x.get("n") == str(n))
    assert text_before(note).rstrip().endswith(words_before)


def test_marker_digits_leave_the_running_text(trees):
    text = text_without_notes(trees[THESIS])
    for glued in ("ноту127", "А.С. 229Главной", "Д.231Прибытие", "г.31 "):
        assert glued not in text
    assert 'Жукова "История Японии", вышедшая в 1939 г.' in text


def test_note_text_without_its_label(trees):
    by_n = {x.get("n"): "".join(x.itertext()) for x in notes(trees[THESIS])}
    assert by_n["1"].startswith("Россия и Япония в исследованиях советских и японских ученых")
    assert by_n["32"].startswith("Договор о перемирии")  # label glued to the text: "32Договор"
    assert by_n["234"].endswith("С. 161-165.")


def test_article_footnotes(trees):
    found = {x.get("n"): "".join(x.itertext()) for x in notes(trees[CONVENTION])}
    assert list(found) == [str(n) for n in range(1, 7)]
    assert found["3"].startswith("Документы внешней политики СССР. Т.\u00a08.")
    assert found["5"].endswith("С.\u00a0146,\u00a0148.")  # a note that runs over a blank line
    note1 = notes(trees[CONVENTION])[0]
    assert text_before(note1).endswith("обусловленные голодом, упадком экономики»")


def test_running_text_continues_after_a_footnote_block(trees):
    convention = text_without_notes(trees[CONVENTION])
    assert "угрозу стабильности или безопасности любой части территории договаривающихся стран" in convention
    thesis = text_without_notes(trees[THESIS])
    assert "Эвакуация чехословацкого корпуса закончилась в августе 1920 г. Тем не менее, Японское" in thesis
