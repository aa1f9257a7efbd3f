"""Search without a browser: the Pagefind index written into the site, the offline quotation data, the
normalisation, the quotation finder and the ``diplo-edition quote`` command."""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import unicodedata

import pytest
from browser.search_sites import (
    CONVENTION,
    TEXTBOOK,
    URUMQI,
    crossing_quote,
    reading_text,
    searched_site,
    tei,
)
from browser.sites import real_site
from conftest import THESIS
from hypothesis import given, settings
from hypothesis import strategies as st

from diplo_edition.diagnostics import UsageError
from diplo_edition.search import add_quote_command, run_quote
from diplo_edition.search.normalize import normalize, normalize_marked
from diplo_edition.search.pagefind_index import UNUSED_BUNDLE_FILES
from diplo_edition.search.quotes import decode, encode, find_quote, load_quotes, quotes_language
from diplo_edition.search.shards import bundles_of

DOCUMENTS = {THESIS, URUMQI, CONVENTION, TEXTBOOK}
T = "{http://www.tei-c.org/ns/1.0}"


def fragments(site) -> dict[str, dict]:
    out = {}
    for path in (site / "pagefind").glob("shard-*/fragment/*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        fragment = json.loads(data[len(b"pagefind_dcd"):])
        out[fragment["url"]] = fragment
    return out


# --- the Pagefind index ---------------------------------------------------------------------------

def test_the_index_is_written_with_a_russian_and_an_english_index():
    site = searched_site()
    # The seed's four documents are one shard (search_shard_size 50).
    [shard] = json.loads((site / "pagefind" / "shards.json").read_text())["shards"]
    # The document pages, and nothing else: the thesis is split into parts, each a page.
    pages = {url for d in DOCUMENTS for url in page_urls(site, d)}
    assert len(pages) > len(DOCUMENTS)
    assert re.fullmatch(r"shard-00-[0-9a-f]{10}/", shard["path"])
    assert shard["languages"] == {"en": 2, "ru": len(pages)}
    [bundle] = bundles_of(site)
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert entry["languages"]["ru"]["page_count"] == len(pages)
    assert entry["languages"]["en"]["page_count"] == 2  # the English abstracts of the two articles
    assert (bundle / "pagefind.js").exists()
    assert (bundle / "wasm.ru.pagefind").exists()
    assert (bundle / "wasm.en.pagefind").exists()
    for name in UNUSED_BUNDLE_FILES:
        assert not (bundle / name).exists()
    urls = set(fragments(site))
    assert urls == pages | {
        f"/documents/{URUMQI}/index.html#abstract-en", f"/documents/{CONVENTION}/index.html#abstract-en"}


def page_urls(site, doc_id: str) -> list[str]:
    """The URLs Pagefind gives a document's pages: its own, then its later parts' (site/parts.py)."""
    later = sorted((site / "documents" / doc_id).glob("*/index.html"), key=lambda path: int(path.parent.name))
    return [f"/documents/{doc_id}/index.html",
            *(f"/documents/{doc_id}/{path.parent.name}/index.html" for path in later)]


def test_the_indexed_text_is_the_reading_text():
    site = searched_site()
    parts = [fragments(site)[url] for url in page_urls(site, THESIS)]
    thesis = parts[0]
    content = thesis["content"]
    # No margin page numbers, cite boxes, hidden labels or endnote list in the text.
    for noise in ("Цитировать", "страница ", "Как цитировать", "Копировать", "дата обращения", "Примечание 1",
                  "О тексте", "Текст документа"):
        assert all(noise not in part["content"] for part in parts), noise
    # The notes are indexed once, in the list of notes (the one copy of each, its anchor fnN there).
    assert sum(part["content"].count("Россия и Япония в исследованиях советских и японских ученых")
               for part in parts) == 2  # notes 1 and 2
    title = "[Советско-японские отношения в 1922–1941 гг. (магистерская работа)]"
    # the kind by its code: each search page shows it in its own language's words; every part the same
    for part in parts:
        assert part["filters"] == {"document": [title], "kind": ["thesis"], "language": ["ru"]}
        assert part["meta"]["title"].startswith("[Советско-японские отношения")
        assert part["meta"]["page"] == "3–91"
    anchors = {a["id"]: a for a in thesis["anchors"]}
    # Every paragraph and page is an anchor at its word position, in one part; only headings and notes
    # keep their text.
    ids = [a["id"] for part in parts for a in part["anchors"] if re.fullmatch(r"p\d+", a["id"])]
    assert len(ids) == len(set(ids)) and {f"p{n}" for n in range(1, 252)} <= set(ids)
    later = {a["id"]: a for part in parts[1:] for a in part["anchors"]}
    assert "page-45" in later and later["page-45"]["text"] == ""
    assert anchors["p1"]["text"] == "" and anchors["fn1"]["text"].startswith("Россия и Япония")
    # A note lies after the text of its part; its marker's anchor (fnref1) stands in the text, for the
    # note's page.
    last = max((a for a in thesis["anchors"] if re.fullmatch(r"p\d+", a["id"])), key=lambda a: a["location"])
    assert anchors["fn1"]["element"] == "li" and anchors["fn1"]["location"] > last["location"]
    assert anchors["p1"]["location"] <= anchors["fnref1"]["location"] < anchors["page-4"]["location"]
    assert anchors["sec-1"]["text"] == "ВВЕДЕНИЕ"
    words = content.split(" ")
    assert " ".join(words[anchors["p2"]["location"]:][:4]) == "Состояние отношений между Японией"


def test_an_abstract_in_another_language_is_a_record_of_its_own():
    site = searched_site()
    record = fragments(site)[f"/documents/{URUMQI}/index.html#abstract-en"]
    assert record["content"].startswith("The author focuses on the application by the Soviet leadership")
    assert record["filters"]["language"] == ["en"]
    assert record["meta"]["section"] == "Abstract"
    page = fragments(site)[f"/documents/{URUMQI}/index.html"]
    assert "The author focuses" not in page["content"]  # left out of the Russian page


def test_the_search_page_lists_the_documents_for_readers_without_javascript():
    html = (searched_site() / "search" / "index.html").read_text()
    assert 'data-index="pagefind"' in html
    assert "Поиск работает только с включённым JavaScript" in html
    for doc in DOCUMENTS:
        assert f'href="../documents/{doc}/index.html"' in html
    assert 'src="../static/search.js"' in html and 'href="../static/search.css"' in html
    assert "diplo-edition quote" in html


def test_the_build_writes_the_search_index():
    site = real_site()
    assert (site / "pagefind" / "shards.json").exists()
    assert (site / "search" / "quotes" / "index.js").exists()


# --- the quotation data ---------------------------------------------------------------------------

def _paragraph_text(p, labels) -> tuple[str, list[str]]:
    pieces = reading_text(p)
    breaks = [labels[b] for b in p.iter(f"{T}pb") if b.getparent().tag != f"{T}note"]
    assert len(breaks) == sum(1 for k, _ in pieces if k == "pb")
    return "".join(v for k, v in pieces if k == "text"), breaks


@pytest.mark.parametrize("doc_id", sorted(DOCUMENTS))
def test_every_paragraph_is_in_the_quotation_data_without_its_notes(doc_id):
    data = {d.id: d for d in load_quotes(searched_site())}[doc_id]
    segments = {}
    for k, (start, anchor, page) in enumerate(data.segs):
        end = data.segs[k + 1][0] - 1 if k + 1 < len(data.segs) else len(data.text)
        segments.setdefault(anchor, (data.text[start:end], page, start, end))
    labels = {el: el.get("n") or f"[{k}]" for k, el in enumerate(tei(doc_id).iter(f"{T}pb"), 1)}
    page = None
    for el in tei(doc_id).iter(f"{T}p", f"{T}pb"):
        if el.tag == f"{T}pb":
            if el.getparent().tag != f"{T}p" and el.getparent().tag != f"{T}note":
                page = labels[el]
            continue
        if el.getparent().tag != f"{T}div" and el.getparent().tag != f"{T}body":
            continue
        n = re.search(r"-p(\d+)$", el.get("{http://www.w3.org/XML/1998/namespace}id")).group(1)
        text, breaks = _paragraph_text(el, labels)
        stored, stored_page, start, end = segments[f"p{n}"]
        assert stored == normalize(text), f"p{n}"
        inner = [b for b in data.breaks if start < b[0] < end]
        leading = breaks and not "".join(v for k, v in reading_text(el)[:1] if k == "text").strip()
        if leading:
            assert stored_page == breaks[0]
        elif page is not None:
            assert stored_page == page, f"p{n}"
        assert [b[1] for b in inner] == breaks[1 if leading else 0:], f"p{n}"
        if breaks:
            page = breaks[-1]


def test_the_quotation_files_are_small_and_encoded():
    folder = searched_site() / "search" / "quotes"
    thesis = (folder / f"{THESIS}.js").read_text(encoding="utf-8")
    assert thesis.startswith("diploQuotes.add({")
    raw = json.loads(thesis[len("diploQuotes.add("):-len(");\n")])["text"]
    assert not re.search(r"[а-я]{4}", raw[:2000])  # the common letters are written as A–Z, one byte each
    assert len(thesis.encode("utf-8")) < 1.25 * len(decode(raw))
    assert decode(encode("карахан и щука")) == "карахан и щука"


# --- normalisation and the finder -----------------------------------------------------------------

@pytest.mark.parametrize(("a", "b"), [
    ("Л.М. Карахан", "Л. М.  Карахан"),
    ("1921 – 1923 гг.", "1921—1923 гг."),
    ("«Ёлка» и „ёж“", '"елка" и "еж"'),
    ("сто\u0301ит", "стоит"),
    ("конец…начало", "конец... начало"),
    ("без\u00a0разрыва", "без разрыва"),
    ("пере\u00adнос", "перенос"),
    ("строка\nдругая", "строка другая"),
])
def test_normalisation_tolerates_what_the_print_varies(a, b):
    assert normalize(a) == normalize(b)


def test_normalisation_keeps_the_words_apart():
    assert normalize("Л.М. Карахан писал") == "л.м.карахан писал"
    assert normalize("a\U0001F600b") == "a\ufffdb"  # one unit in JavaScript too
    text, marks = normalize_marked("слово \ue000другое")
    assert (text, marks) == ("слово другое", [6])


def _one_character_at_a_time(text: str) -> tuple[str, list[int]]:
    """The rule of normalize_marked written out character by character, as the JavaScript twin does it."""
    out: list[str] = []
    marks: list[int] = []
    waiting_marks, space = 0, False
    for ch in unicodedata.normalize("NFC", text).lower():
        if ch in "\u00ad\u200b\u200c\u200d\u2060\ufeff\u0300\u0301":
            continue
        ch = ("\ufffd" if ord(ch) > 0xFFFF else "е" if ch == "ё" else '"' if ch in "«»„“”‟\"‹›‚‘’‛'`´′″"
              else "-" if ch in "‐‑‒–—―−⁃-﹘﹣－" else "..." if ch == "…" else " " if ch.isspace() else ch)
        for c in ch:
            if c == "\ue000":
                waiting_marks += 1
            elif c == " ":
                space = bool(out)
            else:
                if space and out[-1].isalnum() and c.isalnum():
                    out.append(" ")
                space = False
                marks += [len(out)] * waiting_marks
                waiting_marks = 0
                out.append(c)
    return "".join(out), marks + [len(out)] * waiting_marks


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list("аёЁеЖ z9_ «»\"-–—…\u00ad\u0301\n\t\u00a0.,()") +
                                ["\ue000", "\U0001F600", "е\u0308", "Σ"]), max_size=60).map("".join))
def test_normalisation_follows_its_rule_character_by_character(text):
    assert normalize_marked(text) == _one_character_at_a_time(text)


def test_a_quotation_across_a_page_break_gives_both_pages():
    quote = crossing_quote(THESIS, "pb", nth=30)
    matches = find_quote(load_quotes(searched_site()), quote.text.replace(" ", "\n", 2))
    assert len(matches) == 1
    found = matches[0]
    assert (found.document.id, found.anchor, found.pages) == (THESIS, quote.anchor, quote.pages)


def test_a_quotation_across_a_footnote_is_found():
    quote = crossing_quote(THESIS, "note", nth=40)
    matches = find_quote(load_quotes(searched_site()), quote.text)
    assert [(m.document.id, m.anchor) for m in matches] == [(THESIS, quote.anchor)]


def test_a_quotation_from_a_note_and_from_an_abstract():
    docs = load_quotes(searched_site())
    note = find_quote(docs, "Россия и Япония в исследованиях советских и японских ученых")
    assert {m.anchor for m in note} >= {"fn1", "fn2"}
    assert {m.anchor: m.pages for m in note if m.anchor in ("fn1", "fn2")} == {"fn1": ("3",), "fn2": ("4",)}
    abstract = find_quote(docs, "the Soviet leadership sent to Urumqi, the provincial capital")
    assert [(m.document.id, m.anchor, m.pages) for m in abstract] == [(URUMQI, "abstract-en", ())]


def test_nothing_matches_a_quotation_that_is_not_there():
    assert find_quote(load_quotes(searched_site()), "такой цитаты в издании нет") == []


# --- the command ----------------------------------------------------------------------------------

def quote_args(*argv):
    parser = argparse.ArgumentParser(prog="diplo-edition")
    parser.add_argument("--root", default=".")
    add_quote_command(parser.add_subparsers(dest="command"))
    return parser.parse_args(["quote", *argv])


def test_the_quote_command_prints_the_original_page_and_a_citation(capsys):
    quote = crossing_quote(THESIS, "pb", nth=30)
    code = run_quote(quote_args(quote.text, "--out", str(searched_site()), "--date", "01.02.2025"))
    out = capsys.readouterr().out
    assert code == 0
    pages = f"{quote.pages[0]}–{quote.pages[1]}"
    # the site's interface language (Russian), in its catalog's words
    assert quotes_language(searched_site()) == "ru"
    assert f"¶ {quote.anchor[1:]}, с.\u00a0{pages}" in out
    # the address of the part of the document's page that holds the paragraph
    (held,) = [url for url in page_urls(searched_site(), THESIS)
               if f'id="{quote.anchor}"' in (searched_site() / url[1:]).read_text(encoding="utf-8")]
    citation = (f"[Советско-японские отношения в 1922–1941 гг. (магистерская работа)]. С.\u00a0{pages}. URL: "
                f"https://diplo-edition.example.org{held.removesuffix('index.html')}#{quote.anchor} ")
    assert citation + "(дата обращения: 01.02.2025)" in out
    assert out.rstrip().endswith("найдено 1 место")
    # --lang: another interface language's words
    assert run_quote(quote_args(quote.text, "--out", str(searched_site()), "--date", "01.02.2025",
                                "--lang", "en")) == 0
    out = capsys.readouterr().out
    assert f"¶ {quote.anchor[1:]}, p. {pages}" in out and "с.\u00a0" not in out
    assert citation.replace("С.\u00a0", "P. ") + "(accessed 01.02.2025)" in out
    assert out.rstrip().endswith("1 place found")


def test_the_quote_command_exits_1_when_nothing_matches(capsys):
    missing = "такой цитаты в издании нет"
    assert run_quote(quote_args(missing, "--out", str(searched_site()))) == 1
    assert capsys.readouterr().err.startswith(f"не найдено: «{missing}» (сравнивались формы: «")
    assert run_quote(quote_args(missing, "--out", str(searched_site()), "--lang", "en")) == 1
    assert capsys.readouterr().err.startswith(f"not found: “{missing}” (compared as «")


def test_the_quote_command_needs_a_built_site(tmp_path):
    with pytest.raises(UsageError, match="diplo-edition build"):
        run_quote(quote_args("любая цитата", "--out", str(tmp_path)))
    with pytest.raises(UsageError, match="three letters"):
        run_quote(quote_args("аб", "--out", str(searched_site())))


def test_the_quote_command_through_the_cli(tmp_path, capsys):
    from diplo_edition import cli

    site = tmp_path / "build"
    shutil.copytree(searched_site(), site)
    code = cli.main(["quote", "нерешенной проблемой принадлежности", "--root", str(tmp_path)])
    assert code == 0
    assert "¶ 1, с.\u00a03" in capsys.readouterr().out
    assert cli.main(["quote", "такой цитаты нет нигде", "--root", str(tmp_path)]) == 1
