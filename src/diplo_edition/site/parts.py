"""A long document's page split into parts, and where each anchor of the document lives.

A document whose reading text (its text and notes, in UTF-8) passes the edition's ``part_kilobytes`` is
split at its top-level divisions (chapters); a division still over the budget at its subdivisions, or,
with none, between paragraphs where a page of the original begins. The pieces are then grouped into as
few parts as keep each under the budget, the largest part as small as it can be (so that a short
division goes with its neighbours, and a heading always with the text after it). Part 1 is the
document's address, ``documents/<id>/``, with the abstracts and what is said about the text; part n is
``documents/<id>/<n>/``. Each part holds the notes of its own text.

``model.PartMap.number`` is the one place that says in which part an anchor lives: every link into a
document is made with it (``PartMap.href``, and ``Locus.part`` set by ``PartMap.place``).
"""

from __future__ import annotations

from dataclasses import replace

from .model import Division, Node, NoteView, PageBlock, Paragraph, Part, PartHeading, PartMap, Quotation

# --- sizes and anchors --------------------------------------------------------------------------------


def _walk_nodes(nodes: list, notes: list[NoteView], anchors: list[str]) -> int:
    """The UTF-8 size of nodes' text; their notes and page anchors appended to notes and anchors."""
    size = 0
    for node in nodes:
        if isinstance(node, str):
            size += len(node.encode("utf-8"))
        elif isinstance(node, Node):
            if node.kind == "note":
                note = node.attrs["note"]
                notes.append(note)
                anchors.extend((note.anchor, note.ref_anchor))
                size += _walk_nodes(note.nodes, [], anchors)
            elif node.kind == "pb":
                anchors.append(node.attrs["page"].anchor)
            size += _walk_nodes(node.children, notes, anchors)
    return size


def _walk_block(block: object, notes: list[NoteView], anchors: list[str]) -> int:
    if isinstance(block, Division):
        if block.head is not None:
            anchors.append(block.anchor)
        size = _walk_nodes(block.head or [], notes, anchors)
        return size + sum(_walk_block(child, notes, anchors) for child in block.blocks)
    if isinstance(block, Quotation):
        return sum(_walk_block(p, notes, anchors) for p in block.paragraphs)
    if isinstance(block, Paragraph):
        if block.anchor:
            anchors.append(block.anchor)
        return _walk_nodes(block.nodes, notes, anchors)
    if isinstance(block, PageBlock):
        anchors.append(block.page.anchor)
    return 0


def block_size(block: object) -> int:
    """The UTF-8 size of a block's reading text and of its notes."""
    return _walk_block(block, [], [])


# --- the split ----------------------------------------------------------------------------------------

# A piece of the text that goes whole into one part: its block, and the divisions it stands in, outermost
# first, each with whether this piece is the division's first (which carries the heading).
_Piece = tuple[object, tuple[tuple[Division, bool], ...], int]


def _breaks_after(block: object) -> bool:
    """Whether a page of the original begins inside block (a cut after it falls at a page break)."""
    pages: list[str] = []
    if isinstance(block, Paragraph):
        _walk_nodes(block.nodes, [], pages)
    return bool([a for a in pages if a.startswith("page-")])


def _runs(blocks: list) -> list[list]:
    """The blocks of a division without subdivisions in runs that may be cut apart: at a page break
    (before a page block, after a paragraph in which a page begins), else between paragraphs."""
    cuts = [i for i in range(1, len(blocks))
            if isinstance(blocks[i], PageBlock) or _breaks_after(blocks[i - 1])]
    if not cuts:
        cuts = list(range(1, len(blocks)))
    edges = [0, *cuts, len(blocks)]
    return [blocks[a:b] for a, b in zip(edges, edges[1:], strict=False) if b > a]


def _pieces(blocks: list, budget: int, outer: tuple[tuple[Division, bool], ...]) -> list[_Piece]:
    out: list[_Piece] = []
    for block in blocks:
        size = block_size(block)
        if not isinstance(block, Division) or size <= budget or not block.blocks:
            out.append((block, outer, size))
            continue
        inner = block.blocks
        if any(isinstance(child, Division) for child in inner):
            children = _pieces(inner, budget, ())
        else:
            children = [(run, (), sum(map(block_size, run))) for run in _runs(inner)]
        for k, (piece, path, piece_size) in enumerate(children):
            out.append((piece, (*outer, (block, k == 0), *path), piece_size))
    return out


def _groups(sizes: list[int], budget: int) -> list[int]:
    """Where each group of consecutive sizes begins: the fewest groups that keep each under budget (where
    one piece alone is over it, it stands alone), the largest group as small as it can be."""
    n = len(sizes)
    prefix = [0]
    for size in sizes:
        prefix.append(prefix[-1] + size)
    # best[k][i]: the smallest largest group of the first i sizes in k groups; cut[k][i]: its last start
    best: list[list[float]] = [[0.0] + [float("inf")] * n]
    cut: list[list[int]] = [[0] * (n + 1)]
    for k in range(1, n + 1):
        row, cuts = [float("inf")] * (n + 1), [0] * (n + 1)
        for i in range(k, n + 1):
            for j in range(k - 1, i):
                value = max(best[k - 1][j], prefix[i] - prefix[j])
                if value < row[i]:
                    row[i], cuts[i] = value, j
        best.append(row)
        cut.append(cuts)
        if row[n] <= budget:
            break
    starts, i = [], n
    for k in range(len(best) - 1, 0, -1):
        i = cut[k][i]
        starts.append(i)
    return starts[::-1]


def _assemble(pieces: list[_Piece]) -> list:
    """The blocks of a part from its pieces: the divisions they stand in rebuilt around them, each with
    its heading where its first piece is."""
    top: list = []
    open_: list[tuple[Division, Division]] = []  # (the division, its copy in this part)
    for block, path, _ in pieces:
        depth = 0
        while depth < len(path) and depth < len(open_) and open_[depth][0] is path[depth][0]:
            depth += 1
        del open_[depth:]
        for division, first in path[depth:]:
            copy = replace(division, head=division.head if first else None, blocks=[])
            (open_[-1][1].blocks if open_ else top).append(copy)
            open_.append((division, copy))
        target = open_[-1][1].blocks if open_ else top
        target.extend(block if isinstance(block, list) else [block])
    return top


def _pages(blocks: list) -> tuple[str, str] | None:
    """The printed pages a part's text runs over: from its first paragraph's to its last's."""
    ranges: list[str] = []

    def walk(items: list) -> None:
        for block in items:
            if isinstance(block, Division):
                walk(block.blocks)
            elif isinstance(block, Quotation):
                walk(list(block.paragraphs))
            elif isinstance(block, Paragraph) and block.pages:
                ranges.append(block.pages)

    walk(blocks)
    if not ranges:
        return None
    return ranges[0].split("–")[0], ranges[-1].split("–")[-1]


def _title(blocks: list) -> str:
    for block in blocks:
        if isinstance(block, Division):
            return block.head_text if block.head is not None else (_title(block.blocks) or block.head_text)
    return ""


def split(doc_id: str, blocks: list, notes: list[NoteView], budget_bytes: int) -> tuple[list[Part], PartMap]:
    """The parts of a document's text (its top-level blocks and its notes), and its map; budget_bytes 0:
    one part."""
    if not budget_bytes or sum(map(block_size, blocks)) <= budget_bytes:
        return [Part(1, blocks, notes)], PartMap(doc_id)
    pieces = _pieces(blocks, budget_bytes, ())
    starts = _groups([size for _, _, size in pieces], budget_bytes)
    edges = [*starts, len(pieces)]
    parts: list[Part] = []
    headings: list[PartHeading] = []
    where: dict[str, int] = {}
    placed: set[str] = set()
    for number, (a, b) in enumerate(zip(edges, edges[1:], strict=False), start=1):
        part_blocks = _assemble(pieces[a:b])
        held: list[NoteView] = []
        anchors: list[str] = []
        for block in part_blocks:
            _walk_block(block, held, anchors)
        placed.update(note.anchor for note in held)
        parts.append(Part(number, part_blocks, held))
        headings.append(PartHeading(number, _title(part_blocks), _pages(part_blocks)))
        if number > 1:
            where.update(dict.fromkeys(anchors, number))
    # A note no text of the parts calls (one of an abstract's) stays with the first part.
    parts[0] = replace(parts[0], notes=[note for note in notes if note.anchor not in placed] + parts[0].notes)
    order = {note.anchor: k for k, note in enumerate(notes)}
    parts[0].notes.sort(key=lambda note: order[note.anchor])
    return parts, PartMap(doc_id, tuple(headings), where)

