"""Page numbers and running heads that the page furniture must recover where the extraction lost them:
an OCR that read no page number at all, a page made only of endnotes, a running head printed on one page
only (verso and recto of a short text). The raw texts are written as ``pdftotext`` and Tesseract write them,
with a form feed at every page end."""

from __future__ import annotations

from test_page_furniture import EN_PAGES, RU_PAGES, build, forme_work, page_breaks, reading_text, warnings


def test_an_ocr_that_read_no_page_number_counts_the_pages_and_warns_at_the_first_raw_line(tmp_path):
    raw = "".join(f"{text}\n\f" for text in EN_PAGES)  # Tesseract dropped every number at the foot
    result, tree = build(tmp_path, raw, file="test-doc.en.txt")
    assert page_breaks(tree) == [("1", "inferred"), ("2", "inferred"), ("3", "inferred"), ("4", "inferred")]
    assert any(w.startswith("sources/test-doc.en.txt:1: warning: no page number could be read on any page")
               for w in warnings(result))


def test_an_ocr_that_read_no_page_number_counts_from_the_edition_first_page(tmp_path):
    raw = "".join(f"{text}\n\f" for text in EN_PAGES)
    result, tree = build(tmp_path, raw, file="test-doc.en.txt", first_page=45)
    assert [n for n, _ in page_breaks(tree)] == ["45", "46", "47", "48"]


def test_a_page_of_endnotes_only_gets_its_page_break(tmp_path):
    body = [
        RU_PAGES[0].replace("с 1863 по 1869 год.", "с 1863 по 1869 год.1"),
        RU_PAGES[2].replace("в 1865 году", "в 1865 году2"),
    ]
    notes_one = "Примечания\n\n1. Там же. С. 12.\n2. Документы внешней политики СССР. Т. 8. С. 123.\n"
    notes_two = "3. Подробнее см. переписку полпредства за этот год.\n4. Цит. по копии без подписи.\n"
    body[1] = body[1] + "3 Сам Толстой говорил об этом не раз.4"
    raw = f"{body[0]}\n\n45\n\f{body[1]}\n\n{notes_one}\n46\n\f{notes_two}\n47\n\f"
    result, tree = build(tmp_path, raw)
    assert [n for n, _ in page_breaks(tree)] == ["45", "46", "47"]
    assert forme_work(tree, "pageNum") == ["45", "46", "47"]  # the edges of a short page meet
    assert "47" not in reading_text(tree)


def test_a_running_head_printed_on_one_page_only_is_kept_out_of_the_text(tmp_path):
    """Three pages: the title page, a verso with the author's name, a recto with the short title; the
    number at the foot. Each head is printed once, and repeats words of the title block."""
    title = "Cipher and Courier: The Soviet\nDiplomatic Service\n\nThomas Ainsley\n\n"
    raw = (f"{title}{EN_PAGES[0]}\n\n1\n\f"
           f"Thomas Ainsley\n\n{EN_PAGES[1]}\n\n2\n\f"
           f"Cipher and Courier\n\n{EN_PAGES[2]}\n\n3\n\f")
    result, tree = build(tmp_path, raw, file="test-doc.en.txt")
    assert forme_work(tree, "header")[-1] == "Cipher and Courier"
    assert reading_text(tree).count("Cipher and Courier") == 1  # the title's, "Cipher and Courier: The …"
    assert [n for n, _ in page_breaks(tree)] == ["1", "2", "3"]


def test_a_heading_at_a_page_top_that_the_title_does_not_print_stays_a_heading(tmp_path):
    title = "Cipher and Courier: The Soviet\nDiplomatic Service\n\nThomas Ainsley\n\n"
    raw = (f"{title}{EN_PAGES[0]}\n\n1\n\f"
           f"2. The negotiators\n\n{EN_PAGES[1]}\n\n2\n\f")
    result, tree = build(tmp_path, raw, file="test-doc.en.txt")
    assert forme_work(tree, "header") == []
    assert "The negotiators" in reading_text(tree)
