"""Indexes at scale: a register entry's mentions by document, folded or on pages of their own; the chronology
by decade and year, split into pages, with the years of cited publications apart. On small made-up
summaries (the real site's pages are checked in test_site.py)."""

from __future__ import annotations

from diplo_edition.languages import pack
from diplo_edition.site.chronology import (
    after_publication_word,
    before_publication_word,
    chronology,
    inside_citation,
)
from diplo_edition.site.indexes import (
    DOCUMENTS_PER_PAGE,
    SHOWN_PER_DOCUMENT,
    SHOWN_WORK_DOCUMENTS,
    register_indexes,
    works_cited,
)
from diplo_edition.site.indexes_common import PAGE_SIZE, split_into_pages
from diplo_edition.site.model import DateMention, Locus, Mention, RegisterRecord, Snippet, WorkCitation
from diplo_edition.site.register_index import RegisterLookup

JAPAN = RegisterRecord("japan", "place", "Япония", "Japan", (), None, None, (), None, "ru", "ru")
KASHGAR = RegisterRecord("kashgar", "place", "Кашгар", None, (), None, None, (), None, "ru", "ru")
REGISTERS = RegisterLookup({"japan": JAPAN, "kashgar": KASHGAR}, present=True)


def locus(doc_id: str, order: int, before: str = "", match: str = "Японией", anchor: str = "p1",
          after: str = "") -> Locus:
    return Locus(doc_id, f"Документ {doc_id}", anchor, "¶ 1", ("paragraph", "1"), None,
                 Snippet(before, match, after), order, "ru", "ru")


def mentions(doc_id: str, n: int) -> list[Mention]:
    return [Mention("place", "japan", "Японией", locus(doc_id, k)) for k in range(n)]


def date(year: str, order: int, before: str = "в ", doc_id: str = "a", anchor: str = "p1",
         after: str = "", day: str = "") -> DateMention:
    """A date of the text: a year, or with day ("-08-22") a day of it."""
    where = locus(doc_id, order, before, f"{year} г.", anchor, after)
    return DateMention(year + day, year + day, f"{year} г.", year, f"{year} г.", where)


def test_a_list_is_split_into_numbered_pages_under_one_folder():
    parts = split_into_pages("places/japan/thesis/", tuple(range(450)))
    assert [p.path for p in parts] == ["places/japan/thesis/index.html", "places/japan/thesis/2/index.html",
                                       "places/japan/thesis/3/index.html"]
    assert [len(p.items) for p in parts] == [PAGE_SIZE, PAGE_SIZE, 50]
    assert [p.first for p in parts] == [1, PAGE_SIZE + 1, 2 * PAGE_SIZE + 1]


def test_an_entry_groups_mentions_by_document_in_the_documents_order_and_folds_the_rest():
    order = {"older": 0, "newer": 1}
    index = register_indexes(REGISTERS, mentions("newer", 3) + mentions("older", 12), order)["place"]
    japan = next(v for v in index.entries if v.entry.id == "japan")
    assert [d.doc_id for d in japan.documents] == ["older", "newer"]
    assert japan.count == 15 and not japan.split
    older = japan.documents[0]
    assert len(older.shown) == SHOWN_PER_DOCUMENT and len(older.folded) == 12 - SHOWN_PER_DOCUMENT
    assert japan.documents[1].folded == ()
    kashgar = next(v for v in index.entries if v.entry.id == "kashgar")
    assert kashgar.count == 0 and kashgar.documents == ()


def test_an_entry_past_the_page_size_gives_each_documents_mentions_pages_of_their_own():
    order = {"thesis": 0, "article": 1, "note": 2}
    found = mentions("thesis", 473) + mentions("article", 31) + mentions("note", 2)
    entries = register_indexes(REGISTERS, found, order)["place"].entries
    japan = next(v for v in entries if v.entry.id == "japan")
    assert japan.split
    thesis, article, note = japan.documents
    assert [p.path for p in thesis.parts] == [
        "places/japan/thesis/index.html", "places/japan/thesis/2/index.html",
        "places/japan/thesis/3/index.html"]
    assert sum(len(p.items) for p in thesis.parts) == 473
    assert [p.path for p in article.parts] == ["places/japan/article/index.html"]
    assert note.parts == ()  # all shown on the entry's page


def test_an_entry_of_many_documents_lists_them_a_page_at_a_time_each_knowing_its_page():
    count = 2 * DOCUMENTS_PER_PAGE + 3
    order = {f"doc-{k:03d}": k for k in range(count)}
    found = [m for doc_id in order for m in mentions(doc_id, 2)]
    entries = {v.entry.id: v for v in register_indexes(REGISTERS, found, order)["place"].entries}
    japan, kashgar = entries["japan"], entries["kashgar"]
    assert [p.path for p in japan.pages] == [
        "places/japan/index.html", "places/japan/2/index.html", "places/japan/3/index.html"]
    assert [len(p.items) for p in japan.pages] == [DOCUMENTS_PER_PAGE, DOCUMENTS_PER_PAGE, 3]
    assert [d.doc_id for p in japan.pages for d in p.items] == list(order)  # the documents' order kept
    assert all(d.listed_on == p.path for p in japan.pages for d in p.items)
    assert japan.documents[-1].listed_on == "places/japan/3/index.html"
    assert [p.path for p in kashgar.pages] == ["places/kashgar/index.html"]  # the entry's page, empty


def test_a_work_many_documents_cite_shows_the_first_and_has_pages_of_its_own():
    def cited(work: str, doc_id: str, times: int) -> list[WorkCitation]:
        return [WorkCitation(work, f"w-{work}", work, f"{work}. С. {k}", f"С. {k}", locus(doc_id, k))
                for k in range(times)]

    count = DOCUMENTS_PER_PAGE + 7
    order = {f"doc-{k:03d}": k for k in range(count)}
    found = [c for doc_id in reversed(order) for c in cited("often", doc_id, 2)] + cited("once", "doc-001", 3)
    groups, work_count = works_cited(found, order)
    works = {w.key: w for group in groups for w in group.items}
    assert work_count == 2
    often, once = works["often"], works["once"]
    assert often.documents == count and len(often.citations) == 2 * count
    assert [p.path for p in often.parts] == ["works-cited/w-often/index.html",
                                             "works-cited/w-often/2/index.html"]
    later = list(order)[DOCUMENTS_PER_PAGE:]  # in the documents' order, not the order found
    assert [c.locus.doc_id for c in often.parts[1].items] == [d for d in later for _ in range(2)]
    assert {c.locus.doc_id for c in often.shown} == set(list(order)[:SHOWN_WORK_DOCUMENTS])
    assert once.parts == () and once.shown == once.citations and once.documents == 1


def test_a_date_inside_a_citation_is_a_year_of_publication():
    citation = locus("a", 5, "См.: ", "Кутаков Л.Н. Портсмутский мирный договор. М., 1961. С. 45.", "fn3")
    inside = locus("a", 4, "См.: Кутаков Л.Н. Портсмутский мирный договор. М., ", "1961", "fn3")
    before = locus("a", 3, "В ", "1905 г.", "fn3")
    elsewhere = locus("a", 4, "См.: Кутаков Л.Н. Портсмутский мирный договор. М., ", "1961", "fn4")
    assert inside_citation(inside, citation)
    assert not inside_citation(before, citation)
    assert not inside_citation(elsewhere, citation)


def test_a_date_after_a_publication_word_is_a_year_of_publication():
    words = ("изданн", "вышедш")
    assert after_publication_word(locus("a", 1, "Работа Л.Н. Кутакова, изданная в "), words)
    assert after_publication_word(locus("a", 1, "«Дипломатия агрессоров», вышедшая в "), words)
    assert not after_publication_word(locus("a", 1, "Так, в "), words)
    assert not after_publication_word(locus("a", 1, "Работа Л.Н. Кутакова, изданная в "), ())


def test_a_year_before_a_publication_word_with_its_work_is_a_year_of_publication():
    words = pack("ru").publication_words
    assert before_publication_word(locus("a", 1, "Так, в ", after=" появился труд В. Аварина"), words)
    assert before_publication_word(locus("a", 1, "В ", after=" была издана монография"), words)
    assert before_publication_word(locus("a", 1, "В ", after=" вышла книга"), words)
    # A verb without a work names a law, a decree, a troop: an event.
    assert not before_publication_word(locus("a", 1, "в ", after=" вышел закон о религиозных"), words)
    assert not before_publication_word(locus("a", 1, "в ", after=" в Японии вышел труд"), words)  # 2 words
    assert not before_publication_word(locus("a", 1, "в ", after=" вышли войска"), words)
    assert not before_publication_word(locus("a", 1, "в ", after=" появился труд"), ())


def test_only_a_year_is_a_year_of_publication_a_day_dates_a_document_of_the_time():
    words = pack("ru").publication_words
    press = date("1928", 1, "В газете «Советская Сибирь» от ", after=" вышла статья", day="-08-22")
    book = date("1947", 2, "Так, в ", after=" появился труд В. Аварина")
    decree = date("1931", 3, "Все эти заявления были опубликованы ", day="-11-15")
    result = chronology([press, book, decree], [], {"a": 0}, words)
    assert [y.heading for y in result.publications] == ["1947"]
    assert [y.heading for d in result.decades for y in d.items] == ["1928", "1931"]


def test_the_chronology_keeps_events_apart_from_publication_years_by_decade_and_year():
    dates = [date("1925", 1), date("1921", 2), date("1961", 3, "Работа, изданная в "), date("1931", 4)]
    result = chronology(dates, [], {"a": 0}, ("изданн",))
    assert [(d.heading, [y.heading for y in d.items]) for d in result.decades] == [
        ("1920", ["1921", "1925"]), ("1930", ["1931"])]
    assert [y.heading for y in result.publications] == ["1961"]
    assert (result.count, result.publication_count) == (3, 1)
    assert result.pages == ()  # a short chronology stays on one page
    # A year of publications keeps the anchor it had among the events, unless events keep it.
    assert result.publication_anchor(result.publications[0]) == "y1961"
    both = chronology([date("1925", 1), date("1925", 2, "вышедшая в ")], [], {"a": 0}, ("вышедш",))
    assert both.publication_anchor(both.publications[0]) == "pub-y1925"


def test_a_long_chronology_is_split_by_decade_and_a_full_decade_by_year():
    dates = ([date("1925", k) for k in range(150)] + [date("1921", k) for k in range(100)]
             + [date("1931", k) for k in range(30)] + [date("1933", k) for k in range(20)])
    result = chronology(dates, [], {"a": 0})
    assert [(p.path, p.heading, len(p.years)) for p in result.pages] == [
        ("chronology/1921/index.html", "1921", 1), ("chronology/1925/index.html", "1925", 1),
        ("chronology/1930s/index.html", "1930", 2)]
    assert result.page_of_year == {
        "y1921": "chronology/1921/index.html", "y1925": "chronology/1925/index.html",
        "y1931": "chronology/1930s/index.html", "y1933": "chronology/1930s/index.html"}
    assert sum(len(y.items) for p in result.pages for y in p.years) == len(dates)
