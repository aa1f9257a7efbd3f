"""Headings and divisions, paragraphs, abstracts and keywords, and the second copy of the thesis."""

from conftest import CONVENTION, NS, TEXTBOOK, THESIS, URUMQI, XML_LANG, body_text

T = f"{{{NS['t']}}}"


def heads(tree):
    return [(len(h.getparent().xpath("ancestor::t:div", namespaces=NS)) + 1, "".join(h.itertext()))
            for h in tree.findall(".//t:body//t:head", NS)]


def test_thesis_divisions(trees):
    found = heads(trees[THESIS])
    assert [title.split(".")[0] for _, title in found] == [
        "ВВЕДЕНИЕ", "Глава 1", "1", "1", "1", "Глава 2", "2", "2", "2", "ЗАКЛЮЧЕНИЕ"]
    assert [level for level, _ in found] == [1, 1, 2, 2, 2, 1, 2, 2, 2, 1]
    assert found[3][1] == "1.2.Нормализация советско-японских отношений в 1922–1925 гг."
    # A heading printed over two lines is one heading.
    assert found[6][1] == "2.1.Основные проблемы советско-японских отношений в 1931-1936 гг."


def test_numbered_list_items_are_not_headings(trees):
    titles = [title for _, title in heads(trees[THESIS])]
    assert not any(t.startswith(("1. Считает", "1. На основании")) for t in titles)


def test_textbook_numbered_sections(trees):
    assert heads(trees[TEXTBOOK]) == [
        (1, "2. Сложности в советско-британских и советско-французских отношениях"),
        (1, "3. Китай как главный партнер в Азии"),
    ]


def test_paragraphs_come_from_the_texts_own_marks(results, trees):
    # The article marks its 13 paragraphs with blank lines; page and column breaks add none.
    assert results[URUMQI].report.paragraphs == 13
    for pb in trees[URUMQI].findall(".//t:body//t:pb", NS)[1:]:
        assert pb.getparent().tag == T + "p"
    paragraphs = trees[URUMQI].findall(".//t:body//t:p", NS)
    assert "".join(paragraphs[0].itertext()).startswith("Вопроса о подписании Временного торгового")
    assert "".join(paragraphs[1].itertext()).startswith("Однако вскоре Э.К. Озорнин получил телеграмму")


def test_abstracts_and_keywords_go_to_the_header(trees):
    profile = trees[CONVENTION].find(".//t:profileDesc", NS)
    abstracts = {a.get(XML_LANG): "".join(a.itertext()).strip() for a in profile.findall("t:abstract", NS)}
    assert abstracts["ru"].startswith("Статья посвящена проблеме международного сотрудничества")
    assert abstracts["en"].startswith("The paper is devoted to the problem of international cooperation")
    keywords = {k.get(XML_LANG): [t.text for t in k.findall("t:term", NS)]
                for k in profile.findall("t:textClass/t:keywords", NS)}
    assert keywords["ru"][0] == "государство" and keywords["ru"][-1] == "защита прав"
    assert "протокол" in keywords["ru"]  # joined over a line-end hyphen: про-/токол
    assert keywords["en"][-1] == "protection of rights" and "cooperation" in keywords["en"]
    body = body_text(trees[CONVENTION])
    assert "Аннотация" not in body and "Keywords" not in body
    assert body.lstrip().startswith("20\u2011е\u00a0гг. XX\u00a0столетия ознаменовались")


def test_english_abstract_of_the_urumqi_article(trees):
    abstract = trees[URUMQI].find(".//t:profileDesc/t:abstract", NS)
    assert abstract.get(XML_LANG) == "en"
    paragraphs = ["".join(p.itertext()) for p in abstract.findall("t:p", NS)]
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("The author focuses on the application by the Soviet leadership")
    assert not paragraphs[0].endswith("|")


def test_thesis_published_once_with_both_copies_as_witnesses(trees, results):
    tree = trees[THESIS]
    witnesses = tree.findall(".//t:sourceDesc/t:listWit/t:witness", NS)
    assert [w.text for w in witnesses] == [
        "sources/soviet-japanese-relations-1922-1941.thesis.ru.txt, lines 1–3953",
        "sources/soviet-japanese-relations-1922-1941.thesis.ru.txt, lines 3954–7908",
    ]
    assert body_text(tree).count("Актуальность темы исследования") == 1
    assert results[THESIS].report.witnesses == 2
