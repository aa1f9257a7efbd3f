"""Archival shelfmarks: ``АВП РФ. Ф. 08. Оп. 6. Д. 27. Л. 129а``, at least two of Ф./Оп./Д./Л. each
followed by its number (so ``Л.М. Карахан`` and a lone ``Д. 5`` are not shelfmarks); ``…; Д. 8. Л. 2–5``
after a shelfmark is one more, and ``Там же. Л. 85`` repeats the previous one."""

from __future__ import annotations

import re

from ..languages import alternation
from .citation_parts import DASH, FOLIO, FOND, PACKS, CitationCandidate, cited_range
from .spans import Span

_FOND_WORD = alternation([w for p in PACKS for w in p.fond_words])
_INVENTORY_WORD = alternation([w for p in PACKS for w in p.inventory_words])
_FILE_WORD = alternation([w for p in PACKS for w in p.file_words])
_FOLIO_WORD = alternation([w for p in PACKS for w in p.folio_words])
_FILE = r"\d+(?:/\d+|[а-дa-d](?!\w))?"

# one locator of an archival shelfmark: rank 0 fond, 1 inventory, 2 file, 3 folio
_ARCH_LOC = re.compile(
    r"(?<![А-Яа-яЁёA-Za-z])(?:"
    rf"(?P<f>{_FOND_WORD})\s*(?P<fv>{FOND})"
    rf"|(?P<o>{_INVENTORY_WORD})\s*(?P<ov>{_FILE})(?!\w)"
    rf"|(?P<d>{_FILE_WORD})\s*(?P<dv>{_FILE})(?!\d)"
    rf"|(?P<l>{_FOLIO_WORD})\s*(?P<la>{FOLIO})(?:\s*{DASH}\s*(?P<lb>{FOLIO}))?(?!\d)"
    r")"
)
_ARCHIVE = re.compile(r"(?<![\w.])(?P<arch>[А-ЯЁA-Z]{2,}(?:[ \u00a0][А-ЯЁA-Z]{2,})*)\s*[.,]?\s*$")
_NOT_ARCHIVES = {"СССР", "РСФСР", "РФ", "США", "USSR", "USA"}
_CHAIN_GAP = re.compile(r"^\s*[.,]?\s*$")
_NEXT_SHELFMARK_GAP = re.compile(r"^\s*[.,]?\s*;\s*$")
# "Там же. Л. 85", "Ibid., f. 3": an ibid word (its own dot left to the gap) and a stop before the shelfmark
_IBID = re.compile(
    rf"(?<!\w){alternation([w.rstrip('.') for p in PACKS for w in p.ibid_words])}(?!\w)"
)
_IBID_ARCH_GAP = re.compile(r"^\s*(?:[.,]|\.,)\s*$")

_Token = tuple[re.Match[str], int]  # a locator and its rank


def _arch_tokens(text: str) -> list[_Token]:
    tokens = []
    for m in _ARCH_LOC.finditer(text):
        rank = next(i for i, g in enumerate(("f", "o", "d", "l")) if m.group(g))
        tokens.append((m, rank))
    return tokens


def _chains(tokens: list[_Token], text: str) -> list[list[_Token]]:
    """Runs of locators in hierarchical order (Ф. < Оп. < Д. < Л.) separated only by stops and spaces."""
    chains: list[list[_Token]] = []
    for tok in tokens:
        if chains:
            last_m, last_rank = chains[-1][-1]
            if tok[1] > last_rank and _CHAIN_GAP.match(text[last_m.end() : tok[0].start()]):
                chains[-1].append(tok)
                continue
        chains.append([tok])
    return chains


def _arch_children(chain: list[_Token]) -> list[Span]:
    children = []
    for m, rank in chain:
        if rank == 3:
            children.append(cited_range(m, "l", "la", "lb", "folio"))
        else:
            group = ("fv", "ov", "dv")[rank]
            kind = ("fond", "inventory", "file")[rank]
            children.append(Span(m.start(group), m.end(group), "idno", {"type": kind}))
    return children


def shelfmarks(text: str) -> list[CitationCandidate]:
    """The archival shelfmarks of text, and the ibids (``ibid-archival``) that repeat an earlier one."""
    out: list[CitationCandidate] = []
    previous: CitationCandidate | None = None
    for chain in _chains(_arch_tokens(text), text):
        start, end = chain[0][0].start(), chain[-1][0].end()
        children = _arch_children(chain)
        follows = previous is not None and _NEXT_SHELFMARK_GAP.match(text[previous.end : start])
        ibid = None
        for m in _IBID.finditer(text, max(0, start - 12), start):
            if _IBID_ARCH_GAP.match(text[m.end() : start]):
                ibid = m
        if ibid:
            cand = CitationCandidate(ibid.start(), end, "ibid-archival", {"type": "archival"}, children)
        elif len(chain) >= 2 or follows:
            arch = _ARCHIVE.search(text, 0, start) if len(chain) >= 2 else None
            if arch and arch["arch"] not in _NOT_ARCHIVES:
                start = arch.start("arch")
                children.insert(0, Span(start, arch.end("arch"), "idno", {"type": "archive"}))
            cand = CitationCandidate(start, end, "archival", {"type": "archival"}, children)
        else:
            previous = None
            continue
        out.append(cand)
        previous = cand
    return out
