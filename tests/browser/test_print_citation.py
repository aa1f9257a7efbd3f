"""Citing in a real browser (issue 14): the cite box of a paragraph, of a page with an inferred number and of
a paragraph without a page number, as site.js fills in the article's patterns; and a printed copy of a
document page, which carries the page's citation with its URL, the ¶ numbers and the original pages'
numbers. Chromium as in test_reading.py, against the real site served on 127.0.0.1."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from browser.chromium import needs_chromium
from browser.test_reading import THESIS, base_url, shot, visit  # noqa: F401 (fixtures)

from diplo_edition.editions import load_edition
from diplo_edition.site.urls import canonical, document_path

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
pytestmark = needs_chromium

ROOT = Path(__file__).resolve().parents[2]
URUMQI = "urumqi-negotiations-1923"
TODAY = datetime.date.today().strftime("%d.%m.%Y")
EDITION = (" — Текст : электронный // Советская дипломатия 1920–1930-х годов: исследования. — "
           "diplo-edition. — ")


def url_of(doc_id: str) -> str:
    return canonical(load_edition(ROOT).collection.base_url, document_path(doc_id))


def test_cite_boxes_give_pages_inferred_pages_in_brackets_and_else_the_paragraph(visit):  # noqa: F811
    v = visit()
    page = v.goto(f"real/documents/{THESIS}/index.html")
    title = "[Советско-японские отношения в 1922–1941 гг. (магистерская работа)]."
    pages = page.locator("#p12 > a.cite-p").get_attribute("data-pages")
    page.click("#p12 > a.cite-p")
    assert page.locator("#p12 .cite-pop textarea").input_value() == (
        f"{title}{EDITION}С.\u00a0{pages}. — URL: {url_of(THESIS)}#p12 (дата обращения: {TODAY}).")
    page.keyboard.press("Escape")
    inferred = page.locator(".pb-inferred > a.pb-n").first
    number = inferred.get_attribute("data-pages")
    inferred.click()
    cited = page.locator(".pb .cite-pop textarea").input_value()
    assert cited.startswith(f"{title}{EDITION}С.\u00a0[{number}]. — URL: ")
    shot(page, "cite-inferred-page")
    page = v.goto(f"real/documents/{URUMQI}/index.html")
    page.click("#p3 > a.cite-p")
    assert page.locator("#p3 .cite-pop textarea").input_value().endswith(
        f"— абз.\u00a03. — URL: {url_of(URUMQI)}#p3 (дата обращения: {TODAY}).")


def test_a_printed_page_carries_its_url_the_paragraph_and_the_page_numbers(visit):  # noqa: F811
    v = visit()
    page = v.goto(f"real/documents/{THESIS}/index.html")
    page.emulate_media(media="print")
    printed = page.locator(".print-url")
    assert printed.is_visible()
    assert f"URL: {url_of(THESIS)} (дата обращения: {TODAY})." in printed.inner_text()
    # as on a wide screen, the page numbers in the left margin, the ¶ numbers in the right one: both
    # outside the text column
    paragraph, number = page.locator("#p12 > a.cite-p"), page.locator("#page-13 > a.pb-n")
    assert paragraph.is_visible() and paragraph.inner_text() == "¶12"
    assert number.is_visible() and "13" in number.inner_text()
    column = page.locator("#p12").bounding_box()
    assert paragraph.bounding_box()["x"] >= column["x"] + column["width"] - 1
    column_left = number.evaluate("a => a.closest('p').getBoundingClientRect().left")
    assert number.bounding_box()["x"] + number.bounding_box()["width"] <= column_left + 1
    shot(page, "document-print-citing")
    page.emulate_media(media="screen")
    assert printed.is_hidden()
