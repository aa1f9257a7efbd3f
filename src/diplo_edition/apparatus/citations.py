"""Citations: ``bibl`` spans around the references of a string of running text or of a footnote.

A pure annotator over one string at a time; a :class:`CitationContext` carries what a document's earlier
strings told (the previous archival shelfmark and the previous bibl, for "Там же"), so strings must be given
in reading order. Kinds, highest precedence first (a span of one kind hides the others where they overlap):

a) ``[1. Л. 129а]``, ``[12. Д. 27. Л. 8–9]``, ``[3. Т. 7. С. 331–345]``: the numbered reference list,
   ``bibl[@type='reference'][@corresp='#<doc>-ref-N']`` with a ``citedRange`` per locator (``n`` the
   series key when reference N names a printed series).
c) The printed series of the edition's table (collection.yml ``series:``), named as printed with a volume
   and a page locator: for the DVP, ``Документы внешней политики СССР. – М.: Госполитиздат, 1959. – Т. 3. –
   С. 406``, ``ДВП СССР. Т. 7. С. 331``: ``bibl[@type='<id>'][@n='<id>-<volume|x>-<page>']`` from the series
   name to the page locator, with ``title[@level='m']``, ``biblScope[@unit='volume']`` and
   ``citedRange[@unit='page']``. With no series declared, there are none.
b) ``АВП РФ. Ф. 08. Оп. 6. Д. 27. Л. 129а``: ``bibl[@type='archival']`` with ``idno`` (archive, fond,
   inventory, file) and ``citedRange[@unit='folio']``; at least two of Ф./Оп./Д./Л. each followed by its
   number (so ``Л.М. Карахан`` and a lone ``Д. 5`` are not shelfmarks); ``…; Д. 8. Л. 2–5`` after a
   shelfmark is one more. ``Там же. Л. 85`` points (``corresp``) to the previous shelfmark. Transliterated
   (``AVP RF, f. 0100, op. 7, p. 12, d. 45, l. 3–5``), and an archive of the edition's table (collection.yml
   ``archives:``) by its abbreviation with its own reference (``TNA, FO 371/10243, f. 45``).
d) In notes only (``in_note=True``): ``Там же. С. 12``, ``Указ. соч. С. 5``, ``Ibid., p. 5`` point to the
   previous bibl (``Указ. соч.`` after an author's name: to that author's last bibl); a note that reads as a
   bibliographic reference (an imprint, ``//``, a newspaper issue, a page count …) and holds no other
   citation is one ``bibl``, with ``author`` (a leading ``Surname I. I.``) and ``title`` where they can be
   told apart.

An ibid points to the work it repeats, never to another ibid, so ibids do not move ``last_*_id``.

Each kind is found in a module of its own (a ``reference_brackets``, c ``series``, b ``shelfmarks``,
d ``note_references``); this one weighs them against each other and gives the spans their ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..editions import ArchiveName, PrintedSeries
from .citation_parts import CitationCandidate
from .note_references import bibliographic_note, note_ibids
from .reference_brackets import reference_brackets
from .series import SeriesRule, series_citations, series_rules
from .shelfmarks import declared_archives, shelfmarks
from .spans import Span


@dataclass
class CitationContext:
    """What the earlier strings of one document told, for ids and for "Там же"; and what the edition
    declares: its printed series, located by the volume and page words of the document's languages."""

    doc_id: str
    references: dict[int, str] = field(default_factory=dict)
    series: tuple[PrintedSeries, ...] = ()
    languages: tuple[str, ...] = ()
    archives: tuple[ArchiveName, ...] = ()  # the archives the edition declares, by their abbreviations
    series_rules: tuple[SeriesRule, ...] = field(init=False)
    archive_names: re.Pattern[str] | None = field(init=False)
    series_references: dict[int, str] = field(init=False)  # reference N -> the series its description names
    last_archival_id: str | None = None
    last_bibl_id: str | None = None
    counter: int = 0
    # surname -> xml:id of that author's last bibl, for "Кутаков Л.Н. Указ. соч."
    authors: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.series_rules = series_rules(self.series, self.languages)
        self.archive_names = declared_archives(self.archives)
        self.series_references = {}
        for n, description in self.references.items():
            rule = next((r for r in self.series_rules if r.named.search(description or "")), None)
            if rule is not None:
                self.series_references[n] = rule.series.id

    def next_id(self) -> str:
        self.counter += 1
        return f"{self.doc_id}-cit-{self.counter}"


def _candidates(text: str, ctx: CitationContext, in_note: bool) -> list[tuple[int, CitationCandidate]]:
    """Every kind's candidates with the kind's rank, 0 the highest precedence: the docstring's order."""
    kinds = [
        reference_brackets(text, ctx.doc_id, ctx.references, ctx.series_references),
        series_citations(text, ctx.series_rules),
        shelfmarks(text, ctx.archive_names),
    ]
    if in_note:
        kinds.append(note_ibids(text))
    return [(rank, cand) for rank, found in enumerate(kinds) for cand in found]


def _select(candidates: list[tuple[int, CitationCandidate]]) -> list[CitationCandidate]:
    taken: list[CitationCandidate] = []
    for _, cand in sorted(candidates, key=lambda rc: (rc[0], rc[1].start, -(rc[1].end - rc[1].start))):
        if cand.end <= cand.start or any(cand.start < t.end and t.start < cand.end for t in taken):
            continue
        taken.append(cand)
    return sorted((c for c in taken if c.kind != "block"), key=lambda c: c.start)


def find_citations(text: str, ctx: CitationContext, *, in_note: bool = False) -> list[Span]:
    """The citations of ``text`` as ``bibl`` spans (children inside), in text order, without overlaps.

    Updates ``ctx`` (ids, the previous archival shelfmark and the previous bibl) as it goes.
    """
    candidates = _candidates(text, ctx, in_note)
    selected = _select(candidates)
    if in_note and not candidates:
        other = bibliographic_note(text)
        if other:
            selected = [other]
    spans: list[Span] = []
    for cand in selected:
        attrs = dict(cand.attrs)
        if cand.kind == "ibid-archival":
            target = ctx.last_archival_id or ctx.last_bibl_id
            if target is None:
                continue
            if ctx.last_archival_id is None:
                attrs.pop("type")
            attrs["corresp"] = f"#{target}"
        elif cand.kind == "ibid":
            target = ctx.authors.get(cand.surname) if cand.surname else None
            target = target or ctx.last_bibl_id
            if target is None:
                continue
            attrs["corresp"] = f"#{target}"
        xml_id = ctx.next_id()
        attrs["xml:id"] = xml_id
        if cand.kind == "archival":
            ctx.last_archival_id = xml_id
        if cand.kind not in ("ibid", "ibid-archival"):
            ctx.last_bibl_id = xml_id
        if cand.kind == "other" and cand.surname:
            ctx.authors[cand.surname] = xml_id
        children = tuple(sorted(cand.children, key=lambda s: s.start))
        spans.append(Span(cand.start, cand.end, "bibl", attrs, children))
    return spans
