"""The measures of the layout conformance corpus: one document's TEI against its gold.

Every measure is a pair (right, out of). Words are compared after folding case, ``ё`` and punctuation;
two runs of words agree when their similarity (difflib's ratio) is at least ``SAME``, so that an OCR
misreading of one letter does not undo a paragraph or a note that is otherwise where it belongs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from lxml import etree

TEI = "{http://www.tei-c.org/ns/1.0}"
SAME = 0.85
MEASURES = {
    "tei_valid": "documents built, TEI valid",
    "pages_right": "printed page numbers right on pb",
    "heads_out": "running heads kept out of the text",
    "notes_right": "notes at the right marker, right body",
    "notes_wrong_unwarned": "notes linked wrongly, no warning (lower)",
    "hyphens_ru": "line-end hyphens right (ru)",
    "hyphens_en": "line-end hyphens right (en)",
    "hyphens_fr": "line-end hyphens right (fr)",
    "headings": "headings",
    "paragraphs_right": "paragraphs: right first and last words",
    "paragraphs_page_break": "paragraphs merged/split at page (lower)",
    "references_parsed": "reference-list entries parsed",
    "shelfmarks_whole": "archival shelfmarks as one citation",
    "front": "abstract and keywords",
    "separators": "separators as milestones",
}
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
BLOCKS = {"p", "head", "div", "ab", "quote", "item", "list", "listBibl", "note", "lg", "l", "front", "back"}
BIBL_PARTS = {"author", "title", "date", "pubPlace", "publisher", "biblScope"}


def norm(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", text.lower().replace("ё", "е")).split())


def same(a: str, b: str) -> bool:
    return a == b or SequenceMatcher(None, a, b, autojunk=False).ratio() >= SAME


def head_words(text: str, n: int) -> str:
    return " ".join(text.split()[:n])


def tail_words(text: str, n: int) -> str:
    return " ".join(text.split()[-n:]) if n else ""


@dataclass
class Tally:
    cells: dict[str, list[int]] = field(default_factory=dict)

    def add(self, measure: str, right: int, out_of: int) -> None:
        cell = self.cells.setdefault(measure, [0, 0])
        cell[0] += right
        cell[1] += out_of

    def as_json(self) -> dict[str, list[int]]:
        return self.cells


def local(el) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def flatten(el, skip: frozenset[str] = frozenset({"fw", "note"})) -> str:
    """The reading text of an element: a correction as corrected (``corr``, never the ``sic``)."""
    out = [el.text or ""]
    for child in el:
        name = local(child)
        if name not in skip and name != "sic":
            text = flatten(child, skip)
            out.append(f" {text} " if name in BLOCKS else text)  # blocks do not run into each other
        out.append(child.tail or "")
    return "".join(out)


def inside(el, names: set[str]) -> bool:
    return any(local(a) in names for a in el.iterancestors())


class Reading:
    """What the measures read from one TEI: blocks, notes with the words before them, page breaks."""

    def __init__(self, tei: bytes):
        root = etree.fromstring(tei)
        self.text = root.find(f"{TEI}text")
        self.root = root
        self.notes: list[tuple[str, str, bool]] = []  # (body, words before, linked inside a block)
        self._before: list[str] = []
        self._walk(self.text)
        self.blocks = [norm(flatten(p)) for p in self.text.iter(f"{TEI}p") if not inside(p, {"note"})]
        self.heads = [norm(flatten(h)) for h in self.text.iter(f"{TEI}head") if not inside(h, {"note"})]
        self.page_numbers = [pb.get("n") for pb in self.text.iter(f"{TEI}pb")]
        self.all_text = norm(flatten(self.text, frozenset({"fw"})))

    def _walk(self, el) -> None:
        if el.text:
            self._before.append(el.text)
        for child in el:
            name = local(child)
            if name == "note":
                before = norm("".join(self._before)[-200:])
                linked = inside(child, {"p", "head", "quote"}) or child.get("target") is not None
                self.notes.append((norm(flatten(child, frozenset({"fw"}))), before, linked))
            elif name not in ("fw", "sic"):
                self._walk(child)
            if child.tail:
                self._before.append(child.tail)


def _pages(t: Tally, gold: dict, r: Reading) -> None:
    expected = [p["n"] for p in gold["pages"]]
    blocks = SequenceMatcher(None, expected, r.page_numbers, autojunk=False).get_matching_blocks()
    t.add("pages_right", sum(b.size for b in blocks), len(expected))


def _heads(t: Tally, gold: dict, r: Reading) -> None:
    pages_with = Counter(p["head"] for p in gold["pages"] if p["head"])
    # Where the print itself has the head's words: the title block, a heading, or a paragraph that
    # opens or closes with them (a running title is often a phrase of the text).
    printed = " ".join([f" {norm(gold['spec']['title'])} {norm(gold['spec']['author'])} ",
                        *(f" {norm(p['first'])} {norm(p['last'])} " for p in gold["paragraphs"]),
                        *(f" {norm(h['text'])} " for h in gold["headings"])])
    for head, pages in pages_with.items():
        found = f" {r.all_text} ".count(f" {norm(head)} ")
        printed_in_body = printed.count(f" {norm(head)} ")
        leaked = min(pages, max(0, found - printed_in_body))
        t.add("heads_out", pages - leaked, pages)


def _notes(t: Tally, gold: dict, r: Reading, warnings: int) -> None:
    used: set[int] = set()
    for note in gold["notes"]:
        body, before = norm(note["body"]), tail_words(norm(note["before"]), 3)
        hit = next(
            (
                i
                for i, (b, pre, _) in enumerate(r.notes)
                if i not in used and same(b, body) and same(tail_words(pre, len(before.split())), before)
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
        t.add("notes_right", hit is not None, 1)
    wrong = sum(1 for i, (_, _, linked) in enumerate(r.notes) if linked and i not in used)
    t.add("notes_wrong_unwarned", max(0, wrong - warnings), len(gold["notes"]))


def _hyphens(t: Tally, gold: dict, r: Reading) -> None:
    tokens = WORD.findall(flatten(r.text, frozenset({"fw"})).lower())  # a compound stays one token
    words = Counter(tokens)
    pairs = Counter(zip(tokens, tokens[1:], strict=False))
    lang = gold["languages"][0]
    for h in gold["hyphens"]:
        left, right = h["left"].lower(), h["right"].lower()
        joined, compound = left + right, f"{left}-{right}"
        split = pairs[(left, right)] > 0
        if h["decision"] == "join":
            ok = words[joined] > 0 and not words[compound] and not split
        else:
            ok = words[compound] > 0 and not words[joined] and not split
        t.add(f"hyphens_{lang}", ok, 1)


def _blocks_of(r: Reading, paragraph: dict) -> tuple[set[int], set[int]]:
    """The blocks of the TEI that open with a gold paragraph's first words, and those that close with its last
    words (the paragraph came out right where one block does both)."""
    first, last = norm(paragraph["first"]), norm(paragraph["last"])
    opened = {k for k, b in enumerate(r.blocks) if same(head_words(b, len(first.split())), first)}
    closed = {k for k, b in enumerate(r.blocks) if same(tail_words(b, len(last.split())), last)}
    return opened, closed


def paragraph_misses(gold: dict, tei: bytes) -> list[str]:
    """Each gold paragraph the TEI does not have whole, with the blocks that hold its first or last words:
    one block for both first words and a neighbour's last words is a merge; two blocks, a split."""
    r = Reading(tei)
    misses = []
    for p in gold["paragraphs"]:
        opened, closed = _blocks_of(r, p)
        if opened & closed:
            continue
        shown = "; ".join(f"block {k}: {r.blocks[k][:60]} … {r.blocks[k][-60:]}"
                          for k in sorted(opened | closed)) or "no block has its words"
        misses.append(f"«{p['first']} … {p['last']}» (page {p['page_first']}): {shown}")
    return misses


def _paragraphs(t: Tally, gold: dict, r: Reading) -> None:
    paras = gold["paragraphs"]
    broken = 0
    for i, p in enumerate(paras):
        opened, closed = _blocks_of(r, p)
        right = bool(opened & closed)
        t.add("paragraphs_right", right, 1)
        if not right and p["page_first"] != p["page_last"]:
            broken += bool(opened and closed and opened != closed)
        last = norm(p["last"])
        if i + 1 < len(paras) and p["page_last"] != paras[i + 1]["page_first"]:
            joint = f"{last} {norm(paras[i + 1]['first'])}"
            broken += any(joint in b for b in r.blocks)
    t.add("paragraphs_page_break", broken, len(paras))


def _headings(t: Tally, gold: dict, r: Reading) -> None:
    heads = list(r.heads)
    for h in gold["headings"]:
        hit = next((k for k, x in enumerate(heads) if same(x, norm(h["text"]))), None)
        if hit is not None:
            heads.pop(hit)
        t.add("headings", hit is not None, 1)


def _end_matter(t: Tally, gold: dict, r: Reading) -> None:
    bibls = [b for lb in r.root.iter(f"{TEI}listBibl") for b in lb.iter(f"{TEI}bibl")]
    entries = [(norm(flatten(b)), {local(c) for c in b.iter()} & BIBL_PARTS) for b in bibls]
    for ref in gold["references"]:
        first, last = norm(ref["first"]), norm(ref["last"])
        ok = any(
            parts and first in text[: len(first) + 8] and same(tail_words(text, len(last.split())), last)
            for text, parts in entries
        )
        t.add("references_parsed", ok, 1)
    cited = [
        norm(flatten(b, frozenset({"fw", "note"})))
        for b in r.text.iter(f"{TEI}bibl")
        if b.get("type") == "archival"
    ]
    for mark in gold["shelfmarks"]:
        hit = next((k for k, c in enumerate(cited) if same(c, norm(mark))), None)
        if hit is not None:
            cited.pop(hit)
        t.add("shelfmarks_whole", hit is not None, 1)
    front = gold.get("front") or {}
    if front:
        abstracts = [norm(flatten(a)) for a in r.root.iter(f"{TEI}abstract")]
        first = norm(front["abstract_first"])
        t.add("front", any(same(head_words(a, len(first.split())), first) for a in abstracts), 1)
        keywords = [norm(flatten(k)) for k in r.root.iter(f"{TEI}keywords")]
        t.add("front", any(same(k, norm(front["keywords"])) for k in keywords), 1)
    if gold["separators"]:
        found = sum(1 for _ in r.text.iter(f"{TEI}milestone"))
        t.add("separators", min(found, gold["separators"]), gold["separators"])


def _failed(gold: dict) -> Tally:
    t = Tally()
    t.add("tei_valid", 0, 1)
    t.add("pages_right", 0, len(gold["pages"]))
    t.add("heads_out", 0, sum(1 for p in gold["pages"] if p["head"]))
    t.add("notes_right", 0, len(gold["notes"]))
    t.add("notes_wrong_unwarned", 0, len(gold["notes"]))
    t.add(f"hyphens_{gold['languages'][0]}", 0, len(gold["hyphens"]))
    t.add("headings", 0, len(gold["headings"]))
    t.add("paragraphs_right", 0, len(gold["paragraphs"]))
    t.add("paragraphs_page_break", 0, len(gold["paragraphs"]))
    t.add("references_parsed", 0, len(gold["references"]))
    t.add("shelfmarks_whole", 0, len(gold["shelfmarks"]))
    if gold.get("front"):
        t.add("front", 0, 2)
    if gold["separators"]:
        t.add("separators", 0, gold["separators"])
    return t


def score_document(gold: dict, tei: bytes | None, diagnostics: list) -> Tally:
    if tei is None:
        return _failed(gold)
    r = Reading(tei)
    warnings = sum(
        1
        for d in diagnostics
        if getattr(getattr(d, "severity", None), "name", "") == "WARNING" and "note" in str(d).lower()
    )
    t = Tally()
    t.add("tei_valid", 1, 1)
    _pages(t, gold, r)
    _heads(t, gold, r)
    _notes(t, gold, r, warnings)
    _hyphens(t, gold, r)
    _paragraphs(t, gold, r)
    _headings(t, gold, r)
    _end_matter(t, gold, r)
    return t
