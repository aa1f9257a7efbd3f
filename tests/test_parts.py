"""The split of a long document's page into parts (site/parts.py), on small texts: at chapters, at
sections where a chapter is over the budget, at page breaks where it has none; small divisions grouped;
every anchor in exactly one part, and the map and the loci saying which."""

from __future__ import annotations

from diplo_edition.site.model import (
    Division,
    DocumentSummary,
    Locus,
    Mention,
    Node,
    NoteView,
    Page,
    PageBlock,
    Paragraph,
    Snippet,
)
from diplo_edition.site.parts import block_size, split

WORDS = "слово " * 20  # 120 letters, 240 bytes of UTF-8


class Text:
    """Numbered paragraphs, pages and notes, as the document reader makes them."""

    def __init__(self):
        self.paragraphs = 0
        self.notes: list[NoteView] = []
        self.pages = 0

    def p(self, times: int = 1, note: bool = False) -> Paragraph:
        self.paragraphs += 1
        nodes: list = [WORDS * times]
        if note:
            n = str(len(self.notes) + 1)
            self.notes.append(NoteView(n, f"fn{n}", f"fnref{n}", False, ["примечание"]))
            nodes.append(Node("note", attrs={"note": self.notes[-1]}))
        return Paragraph(f"p{self.paragraphs}", str(self.paragraphs), nodes, None)

    def pb(self) -> PageBlock:
        self.pages += 1
        return PageBlock(Page(f"page-{self.pages}", str(self.pages), str(self.pages), self.pages, False))

    def div(self, anchor: str, blocks: list, level: int = 1) -> Division:
        return Division(anchor, level, [anchor.upper()], anchor.upper(), blocks)


def anchors_of(part) -> list[str]:
    out: list[str] = []

    def walk(blocks):
        for block in blocks:
            if isinstance(block, Division):
                if block.head is not None:
                    out.append(block.anchor)
                walk(block.blocks)
            elif isinstance(block, Paragraph):
                out.append(block.anchor)
            elif isinstance(block, PageBlock):
                out.append(block.page.anchor)

    walk(part.blocks)
    return out


def test_a_short_document_is_one_part():
    t = Text()
    blocks = [t.div("sec-1", [t.p(), t.p(note=True)])]
    parts, part_map = split("d", blocks, t.notes, 10_000)
    assert len(parts) == 1 and parts[0].blocks is blocks and parts[0].notes == t.notes
    assert part_map.count == 1 and part_map.where == {} and part_map.href("p2") == "documents/d/index.html#p2"


def test_chapters_are_parts_and_small_ones_go_with_their_neighbours():
    t = Text()
    blocks = [t.div("sec-1", [t.p(3)]), t.div("sec-2", [t.p(3, note=True)]), t.div("sec-3", [t.p()]),
              t.div("sec-4", [t.p()])]
    budget = block_size(blocks[0]) + 100
    parts, part_map = split("d", blocks, t.notes, budget)
    assert [[b.anchor for b in part.blocks] for part in parts] == [["sec-1"], ["sec-2"], ["sec-3", "sec-4"]]
    assert [part.notes for part in parts] == [[], t.notes, []]
    assert part_map.number("sec-4") == 3 and part_map.number("fn1") == part_map.number("fnref1") == 2
    assert part_map.href("p4") == "documents/d/3/index.html#p4"
    assert part_map.link_from(3, "p4", "../../../") == "#p4"
    assert part_map.link_from(1, "p4", "../../") == "../../documents/d/3/index.html#p4"
    assert [h.title for h in part_map.headings] == ["SEC-1", "SEC-2", "SEC-3"]


def test_a_chapter_over_the_budget_is_split_at_its_sections_its_heading_with_the_first():
    t = Text()
    sections = [t.div(f"sec-1-{k}", [t.p(3)], level=2) for k in (1, 2, 3)]
    blocks = [t.div("sec-1", sections)]
    parts, _ = split("d", blocks, t.notes, block_size(sections[0]) + 100)
    assert [anchors_of(part) for part in parts] == [
        ["sec-1", "sec-1-1", "p1"], ["sec-1-2", "p2"], ["sec-1-3", "p3"]]
    # the chapter goes on in the later parts without its heading
    assert all(part.blocks[0].head is None and part.blocks[0].anchor == "sec-1" for part in parts[1:])


def test_a_chapter_without_sections_is_split_where_a_page_begins():
    t = Text()
    body = [t.p(2), t.p(2), t.pb(), t.p(2), t.p(2), t.pb(), t.p(2)]
    parts, part_map = split("d", [t.div("sec-1", body)], t.notes, block_size(body[0]) * 2 + 100)
    assert [anchors_of(part) for part in parts] == [["sec-1", "p1", "p2"], ["page-1", "p3", "p4"],
                                                   ["page-2", "p5"]]
    assert part_map.number("page-2") == 3


def test_the_map_places_the_loci_of_the_indexes():
    t = Text()
    blocks = [t.div("sec-1", [t.p(3)]), t.div("sec-2", [t.p(3)])]
    _, part_map = split("d", blocks, t.notes, block_size(blocks[0]) + 10)
    locus = Locus("d", "D", "p2", "¶ 2", ("paragraph", "2"), None, Snippet("", "x", ""), 1, "ru", "ru")
    summary = DocumentSummary("d", "D", mentions=[Mention("place", "japan", "Японии", locus)])
    (placed,) = part_map.place(summary).mentions
    assert placed.locus.part == 2 and placed.locus.href == "documents/d/2/index.html#p2"
