"""References that only notes hold: ibids (``Там же. С. 12``, ``Указ. соч. С. 5``, ``Ibid., p. 5``), and a
note that reads as a bibliographic reference as a whole (an imprint, ``//``, a newspaper issue, a page
count …), with its ``author`` and ``title`` where they can be told apart."""

from __future__ import annotations

import re

from ..languages import alternation
from ..languages._patterns import DASH
from .citation_parts import PACKS, CitationCandidate, cited_range
from .spans import Span

_VOLUME_WORD = alternation([w for p in PACKS for w in p.volume_words])
_PAGE_WORD = alternation([w for p in PACKS for w in p.page_words])
_SURNAME = r"[А-ЯЁA-Z][а-яёa-z]+(?:-[А-ЯЁA-Z][а-яёa-z]+)?"
_INITIALS = r"[А-ЯЁA-Z]\.(?:\s?[А-ЯЁA-Z]\.)?"
_AUTHOR = re.compile(rf"(?P<author>(?P<surname>{_SURNAME}),?\s+{_INITIALS})(?=\s*[«\"„“A-ZА-ЯЁ0-9])")
_NOTE_LOCS = re.compile(
    rf"\s*[.,]?\s*(?:(?P<vl>{_VOLUME_WORD}\s*(?P<v>\d+))\s*[.,]?\s*(?:{DASH})?\s*)?"
    rf"(?P<pl>{_PAGE_WORD}\s*(?P<p1>\d+)(?:\s*{DASH}\s*(?P<p2>\d+))?)(?!\d)"
)
_GENERAL_IBID = re.compile(
    rf"(?<!\w)(?:(?P<author>{_SURNAME},?\s+{_INITIALS})\s*)?"
    rf"(?P<word>{alternation([w for p in PACKS for w in p.ibid_words + p.op_cit_words])})"
)
# ibid words that are also plain adverbs ("Там же говорилось"): a citation only before punctuation
_IBID_ADVERB = re.compile(alternation([w for p in PACKS for w in p.ibid_adverbs]))
_PREFIX = re.compile(
    rf"(?:[^.:;]{{0,60}}?\s)?{alternation([w for p in PACKS for w in p.see_words])}\s*:?\s*"
)
_TITLE_END = re.compile(rf"\s*//|\s*/|\s+:\s|\.\s*{DASH}(?=\s|\d)|;|\.\s+[Тт]\.\s*\d|\.\s+\d{{4}}\.")
# a full stop that ends the title, not an abbreviation: after a word of four letters or more, or a bracket
_TITLE_STOP = re.compile(r"(?:(?<=[^\W\d_]{4})|(?<=[)»\"]))\.$")
_CITY = r"(?:М|Л|СПб|Москва|Ленинград|Санкт-Петербург|[А-ЯЁA-Z][а-яёa-z]+(?:[ -][А-ЯЁA-Z][а-яёa-z]+)?)"
_REFERENCE_EVIDENCE = re.compile(
    r"//"
    rf"|(?<!\w){_CITY}\.?\s*:\s*[^,:;]{{1,80}},\s*\d{{4}}"
    rf"|{DASH}\s*(?:М|Л|СПб)\.,\s*\d{{4}}"
    rf"|\d{{4}}\s*\.\s*{DASH}\s*(?:\d{{1,2}}\s+[а-я]+|№)"
    rf"|\d{{4}}\.\s*(?:{DASH}\s*)?(?:№\s*\d|[СсТт]\.\s*\d)"
    rf"|{DASH}\s*\d+\s*с\.(?!\s*\d)"
)


def _note_locators(text: str, pos: int) -> tuple[int, list[Span]]:
    """Volume and page locators right after an ibid: where they end, and their citedRange spans."""
    m = _NOTE_LOCS.match(text, pos)
    if not m:
        return pos, []
    children = []
    if m["vl"]:
        children.append(
            Span(m.start("vl"), m.end("vl"), "citedRange", {"unit": "volume", "from": m["v"], "to": m["v"]})
        )
    children.append(cited_range(m, "pl", "p1", "p2", "page"))
    return m.end(), children


def note_ibids(text: str) -> list[CitationCandidate]:
    """The ibids of a note, with the author named before ``Указ. соч.`` (``surname``) where there is one."""
    out = []
    for m in _GENERAL_IBID.finditer(text):
        word_end = m.end("word")
        rest = text[word_end:].lstrip()
        if _IBID_ADVERB.fullmatch(m["word"]) and rest and rest[0] not in ".,;:":
            continue  # "Там же говорилось": an adverb, not a citation
        end, children = _note_locators(text, word_end)
        surname = None
        if m["author"]:
            surname = re.match(_SURNAME, m["author"]).group(0)
            children.insert(0, Span(m.start("author"), m.end("author"), "author"))
        out.append(CitationCandidate(m.start(), end, "ibid", {}, children, surname))
    return out


def bibliographic_note(text: str) -> CitationCandidate | None:
    """The whole note as one bibl, when it reads as a bibliographic reference."""
    stripped_end = len(text.rstrip())
    start = len(text) - len(text.lstrip())
    if start >= stripped_end or not _REFERENCE_EVIDENCE.search(text, start, stripped_end):
        return None
    prefix = _PREFIX.match(text, start)
    if prefix:
        start = prefix.end()
    if start >= stripped_end or not (text[start].isupper() or text[start] in '«"„“'):
        return None
    children: list[Span] = []
    surname = None
    title_start = start
    author = _AUTHOR.match(text, start)
    if author:
        surname = author["surname"]
        children.append(Span(author.start("author"), author.end("author"), "author"))
        title_start = author.end()
        while title_start < stripped_end and text[title_start].isspace():
            title_start += 1
    title_end = _TITLE_END.search(text, title_start, stripped_end)
    if title_end:
        end = title_end.start()
        while end > title_start and text[end - 1].isspace():
            end -= 1
        if _TITLE_STOP.search(text, title_start, end):
            end -= 1
        if end - title_start >= 2:
            children.append(Span(title_start, end, "title"))
    return CitationCandidate(start, stripped_end, "other", {}, children, surname)
