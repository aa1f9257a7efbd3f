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
   shelfmark is one more. ``Там же. Л. 85`` points (``corresp``) to the previous shelfmark.
d) In notes only (``in_note=True``): ``Там же. С. 12``, ``Указ. соч. С. 5``, ``Ibid., p. 5`` point to the
   previous bibl (``Указ. соч.`` after an author's name: to that author's last bibl); a note that reads as a
   bibliographic reference (an imprint, ``//``, a newspaper issue, a page count …) and holds no other
   citation is one ``bibl``, with ``author`` (a leading ``Surname I. I.``) and ``title`` where they can be
   told apart.

An ibid points to the work it repeats, never to another ibid, so ibids do not move ``last_*_id``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..editions import PrintedSeries
from ..languages import alternation, pack, packs
from .spans import Span

DASH = r"[-\u2010\u2011\u2012\u2013\u2014\u2015]"


@dataclass
class CitationContext:
    """What the earlier strings of one document told, for ids and for "Там же"; and what the edition
    declares: its printed series, located by the volume and page words of the document's languages."""

    doc_id: str
    references: dict[int, str] = field(default_factory=dict)
    series: tuple[PrintedSeries, ...] = ()
    languages: tuple[str, ...] = ()
    series_rules: tuple[SeriesRule, ...] = field(init=False)
    series_references: dict[int, str] = field(init=False)  # reference N -> the series its description names
    last_archival_id: str | None = None
    last_bibl_id: str | None = None
    counter: int = 0
    # surname -> xml:id of that author's last bibl, for "Кутаков Л.Н. Указ. соч."
    authors: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.series_rules = series_rules(self.series, self.languages)
        self.series_references = {}
        for n, description in self.references.items():
            rule = next((r for r in self.series_rules if r.named.search(description or "")), None)
            if rule is not None:
                self.series_references[n] = rule.series.id

    def next_id(self) -> str:
        self.counter += 1
        return f"{self.doc_id}-cit-{self.counter}"


# --- locators ------------------------------------------------------------------------------------------

# The shelfmark and locator words of every language pack, as printed (with their dot where abbreviated):
# a quotation or a shelfmark in another language than the document's is still read.
_PACKS = packs()
_LABEL_OF = {  # a locator word, case-folded -> (element, its type or unit)
    **{w.casefold(): ("idno", "fond") for p in _PACKS for w in p.fond_words},
    **{w.casefold(): ("idno", "inventory") for p in _PACKS for w in p.inventory_words},
    **{w.casefold(): ("citedRange", "file") for p in _PACKS for w in p.file_words},
    **{w.casefold(): ("citedRange", "folio") for p in _PACKS for w in p.folio_words},
    **{w.casefold(): ("citedRange", "volume") for p in _PACKS for w in p.volume_words},
    **{w.casefold(): ("citedRange", "page") for p in _PACKS for w in p.page_words},
}
_LOCATOR_WORD = alternation([w for p in _PACKS for words in (p.fond_words, p.inventory_words, p.file_words,
                              p.folio_words, p.volume_words, p.page_words) for w in words])
_FOND_WORD = alternation([w for p in _PACKS for w in p.fond_words])
_INVENTORY_WORD = alternation([w for p in _PACKS for w in p.inventory_words])
_FILE_WORD = alternation([w for p in _PACKS for w in p.file_words])
_FOLIO_WORD = alternation([w for p in _PACKS for w in p.folio_words])
_VOLUME_WORD = alternation([w for p in _PACKS for w in p.volume_words])
_PAGE_WORD = alternation([w for p in _PACKS for w in p.page_words])
_VERSO = alternation([w for p in _PACKS for w in p.verso_words]) + r"(?![^\W\d_])"

_NUM = r"\d+"
_FOLIO = rf"\d+(?:\s?{_VERSO}|[а-дa-d](?![\w]))?"
_FILE = r"\d+(?:/\d+|[а-дa-d](?!\w))?"
_FOND = r"(?:[А-ЯЁA-Z]{1,3}-)?\d+[а-дa-d]?(?!\w)"

# one locator of a bracketed citation: label, value or range
_BRACKET_LOC = re.compile(
    rf"(?<![А-Яа-яЁёA-Za-z])(?P<lab>{_LOCATOR_WORD})\s*"
    rf"(?P<a>{_FOND}|{_FOLIO})(?:\s*{DASH}\s*(?P<b>{_FOLIO}))?(?!\d)"
)
_BRACKET = re.compile(r"\[\s*(?P<n>\d{1,3})\s*(?:[.,]\s*(?P<body>[^\[\]]{0,300}?))?\s*\]")

# one locator of an archival shelfmark: rank 0 fond, 1 inventory, 2 file, 3 folio
_ARCH_LOC = re.compile(
    r"(?<![А-Яа-яЁёA-Za-z])(?:"
    rf"(?P<f>{_FOND_WORD})\s*(?P<fv>{_FOND})"
    rf"|(?P<o>{_INVENTORY_WORD})\s*(?P<ov>{_FILE})(?!\w)"
    rf"|(?P<d>{_FILE_WORD})\s*(?P<dv>{_FILE})(?!\d)"
    rf"|(?P<l>{_FOLIO_WORD})\s*(?P<la>{_FOLIO})(?:\s*{DASH}\s*(?P<lb>{_FOLIO}))?(?!\d)"
    r")"
)
_ARCHIVE = re.compile(r"(?<![\w.])(?P<arch>[А-ЯЁA-Z]{2,}(?:[ \u00a0][А-ЯЁA-Z]{2,})*)\s*[.,]?\s*$")
_NOT_ARCHIVES = {"СССР", "РСФСР", "РФ", "США", "USSR", "USA"}
_CHAIN_GAP = re.compile(r"^\s*[.,]?\s*$")
_NEXT_SHELFMARK_GAP = re.compile(r"^\s*[.,]?\s*;\s*$")
# "Там же. Л. 85", "Ibid., f. 3": an ibid word (its own dot left to the gap) and a stop before the shelfmark
_IBID = re.compile(
    rf"(?<!\w){alternation([w.rstrip('.') for p in _PACKS for w in p.ibid_words])}(?!\w)"
)
_IBID_ARCH_GAP = re.compile(r"^\s*(?:[.,]|\.,)\s*$")

# --- printed series ------------------------------------------------------------------------------------

# After a series' name, the state it is of, as printed: an abbreviation (СССР, РСФСР) or one word (России).
_QUALIFIER = r"(?:\s+(?:[А-ЯЁA-Z]{2,}|[А-ЯЁA-Z][а-яёa-z]+)(?!\w))?"
_NOT_AFTER_LETTER = r"(?<![^\W\d_])"


@dataclass(frozen=True)
class SeriesRule:
    """One declared series compiled: its names as printed, then a volume and a page locator."""

    series: PrintedSeries
    named: re.Pattern[str]  # one of its names, anywhere (a reference list's entry that names it)
    cited: re.Pattern[str]  # a citation: the name, a gap with the volume, and the page locator
    volume: re.Pattern[str]


def _name_pattern(name: str) -> str:
    return r"(?<!\w)" + r"\s+".join(re.escape(word) for word in name.split()) + r"(?!\w)"


@lru_cache(maxsize=32)
def series_rules(series: tuple[PrintedSeries, ...], languages: tuple[str, ...]) -> tuple[SeriesRule, ...]:
    """The series rule's patterns, one per declared series, for documents in these languages."""
    volume_words = [word for code in languages for word in pack(code).volume_words]
    page_words = [word for code in languages for word in pack(code).page_words]
    if not (series and volume_words and page_words):
        return ()
    volume, page = alternation(volume_words), alternation(page_words)
    any_name = "|".join(_name_pattern(name) for s in series for name in s.names)
    rules = []
    for entry in series:
        names = "|".join(_name_pattern(name) for name in sorted(entry.names, key=len, reverse=True))
        cited = re.compile(
            rf"(?P<title>(?:{names}){_QUALIFIER})"
            rf"(?P<gap>[»\"”]?\s*(?:[.,:\u2013\u2014-]|(?={volume}\s*\d|{page}\s*\d))"
            rf"(?:(?!//|{any_name})[^\[\]«»\"“”„;]){{0,250}}?)"
            rf"{_NOT_AFTER_LETTER}(?P<pl>{page}\s*(?P<p1>\d+)(?:\s*{DASH}\s*(?P<p2>\d+))?)(?!\d)"
        )
        volume_locator = re.compile(
            rf"{_NOT_AFTER_LETTER}{volume}\s*(?P<v>\d+|[IVXLХ]+(?![\w]))(?!\d)"
            rf"(?!\s*{DASH}\s*(?:\d|[IVXLХ]))"
        )
        rules.append(SeriesRule(entry, re.compile(names), cited, volume_locator))
    return tuple(rules)


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "Х": 10}


def _volume_number(printed: str) -> str | None:
    """A volume number as digits: ``8`` stays, ``XVII`` (Latin or Cyrillic Х) becomes ``17``."""
    if printed.isdigit():
        return str(int(printed)) if int(printed) > 0 else None
    total = 0
    for i, ch in enumerate(printed):
        value = _ROMAN[ch]
        total += -value if i + 1 < len(printed) and _ROMAN[printed[i + 1]] > value else value
    return str(total) if total > 0 else None


# --- ibid and other references in notes ----------------------------------------------------------------

_SURNAME = r"[А-ЯЁA-Z][а-яёa-z]+(?:-[А-ЯЁA-Z][а-яёa-z]+)?"
_INITIALS = r"[А-ЯЁA-Z]\.(?:\s?[А-ЯЁA-Z]\.)?"
_AUTHOR = re.compile(rf"(?P<author>(?P<surname>{_SURNAME}),?\s+{_INITIALS})(?=\s*[«\"„“A-ZА-ЯЁ0-9])")
_NOTE_LOCS = re.compile(
    rf"\s*[.,]?\s*(?:(?P<vl>{_VOLUME_WORD}\s*(?P<v>\d+))\s*[.,]?\s*(?:{DASH})?\s*)?"
    rf"(?P<pl>{_PAGE_WORD}\s*(?P<p1>\d+)(?:\s*{DASH}\s*(?P<p2>\d+))?)(?!\d)"
)
_GENERAL_IBID = re.compile(
    rf"(?<!\w)(?:(?P<author>{_SURNAME},?\s+{_INITIALS})\s*)?"
    rf"(?P<word>{alternation([w for p in _PACKS for w in p.ibid_words + p.op_cit_words])})"
)
# ibid words that are also plain adverbs ("Там же говорилось"): a citation only before punctuation
_IBID_ADVERB = re.compile(alternation([w for p in _PACKS for w in p.ibid_adverbs]))
_PREFIX = re.compile(
    rf"(?:[^.:;]{{0,60}}?\s)?{alternation([w for p in _PACKS for w in p.see_words])}\s*:?\s*"
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


# --- candidates ----------------------------------------------------------------------------------------


@dataclass
class _Candidate:
    start: int
    end: int
    priority: int
    kind: str  # reference | series | archival | ibid-archival | ibid | other | block
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Span] = field(default_factory=list)
    surname: str | None = None  # other: the author; ibid: the author named before "Указ. соч."


def _value(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _cited(m: re.Match[str], start_group: str, a: str, b: str | None, unit: str) -> Span:
    """A citedRange around a locator match: from the label to the end of its value or range."""
    start = m.start(start_group)
    end = m.end(b) if b and m.group(b) else m.end(a)
    first = _value(m.group(a))
    last = _value(m.group(b)) if b and m.group(b) else first
    return Span(start, end, "citedRange", {"unit": unit, "from": first, "to": last})


def _brackets(text: str, ctx: CitationContext) -> list[_Candidate]:
    out = []
    for m in _BRACKET.finditer(text):
        n = int(m["n"])
        body = m["body"]
        if n == 0:
            continue
        children: list[Span] = []
        volume: str | None = None
        page: str | None = None
        ok = True
        if body:
            pos = m.start("body")
            end = m.end("body")
            for loc in _BRACKET_LOC.finditer(text, pos, end):
                if not re.fullmatch(r"[\s.,;]*", text[pos : loc.start()]):
                    ok = False
                    break
                element, unit = _LABEL_OF[loc["lab"].casefold()]
                if element == "idno":
                    children.append(Span(loc.start("a"), loc.end("a"), "idno", {"type": unit}))
                else:
                    span = _cited(loc, "lab", "a", "b", unit)
                    children.append(span)
                    if unit == "volume" and volume is None:
                        volume = span.attrs["from"]
                    if unit == "page" and page is None:
                        page = span.attrs["from"]
                pos = loc.end()
            ok = ok and bool(children) and re.fullmatch(r"[\s.,;]*", text[pos:end]) is not None
        elif n not in ctx.references:
            ok = False
        if not ok:
            # an unread bracket starting with a number is still no place for a shelfmark
            out.append(_Candidate(m.start(), m.end(), 0, "block"))
            continue
        attrs = {"type": "reference", "corresp": f"#{ctx.doc_id}-ref-{n}"}
        if n in ctx.series_references and page and page.isdigit():
            number = _volume_number(volume) if volume and volume.isdigit() else None
            attrs["n"] = f"{ctx.series_references[n]}-{number or 'x'}-{int(page)}"
        out.append(_Candidate(m.start(), m.end(), 0, "reference", attrs, children))
    return out


def _series(text: str, ctx: CitationContext) -> list[_Candidate]:
    """The series rule: a citation of a declared printed series, by its name, volume and page."""
    out = []
    for rule in ctx.series_rules:
        for m in rule.cited.finditer(text):
            children = [Span(m.start("title"), m.end("title"), "title", {"level": "m"})]
            found = rule.volume.search(text, m.start("gap"), m.end("gap"))
            volume = _volume_number(found["v"]) if found else None
            if found and volume:
                scope = {"unit": "volume", "n": volume}
                children.append(Span(found.start(), found.end(), "biblScope", scope))
            children.append(_cited(m, "pl", "p1", "p2", "page"))
            series_id = rule.series.id
            attrs = {"type": series_id, "n": f"{series_id}-{volume or 'x'}-{int(m['p1'])}"}
            out.append(_Candidate(m.start(), m.end(), 1, "series", attrs, children))
    return out


def _arch_tokens(text: str) -> list[tuple[re.Match[str], int]]:
    tokens = []
    for m in _ARCH_LOC.finditer(text):
        rank = next(i for i, g in enumerate(("f", "o", "d", "l")) if m.group(g))
        tokens.append((m, rank))
    return tokens


def _chains(tokens: list[tuple[re.Match[str], int]], text: str) -> list[list[tuple[re.Match[str], int]]]:
    """Runs of locators in hierarchical order (Ф. < Оп. < Д. < Л.) separated only by stops and spaces."""
    chains: list[list[tuple[re.Match[str], int]]] = []
    for tok in tokens:
        if chains:
            last_m, last_rank = chains[-1][-1]
            if tok[1] > last_rank and _CHAIN_GAP.match(text[last_m.end() : tok[0].start()]):
                chains[-1].append(tok)
                continue
        chains.append([tok])
    return chains


def _arch_children(chain: list[tuple[re.Match[str], int]]) -> list[Span]:
    children = []
    for m, rank in chain:
        if rank == 3:
            children.append(_cited(m, "l", "la", "lb", "folio"))
        else:
            group = ("fv", "ov", "dv")[rank]
            kind = ("fond", "inventory", "file")[rank]
            children.append(Span(m.start(group), m.end(group), "idno", {"type": kind}))
    return children


def _archival(text: str) -> list[_Candidate]:
    out: list[_Candidate] = []
    previous: _Candidate | None = None
    for chain in _chains(_arch_tokens(text), text):
        start, end = chain[0][0].start(), chain[-1][0].end()
        children = _arch_children(chain)
        follows = previous is not None and _NEXT_SHELFMARK_GAP.match(text[previous.end : start])
        ibid = None
        for m in _IBID.finditer(text, max(0, start - 12), start):
            if _IBID_ARCH_GAP.match(text[m.end() : start]):
                ibid = m
        if ibid:
            cand = _Candidate(ibid.start(), end, 2, "ibid-archival", {"type": "archival"}, children)
        elif len(chain) >= 2 or follows:
            arch = _ARCHIVE.search(text, 0, start) if len(chain) >= 2 else None
            if arch and arch["arch"] not in _NOT_ARCHIVES:
                start = arch.start("arch")
                children.insert(0, Span(start, arch.end("arch"), "idno", {"type": "archive"}))
            cand = _Candidate(start, end, 2, "archival", {"type": "archival"}, children)
        else:
            previous = None
            continue
        out.append(cand)
        previous = cand
    return out


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
    children.append(_cited(m, "pl", "p1", "p2", "page"))
    return m.end(), children


def _general_ibids(text: str) -> list[_Candidate]:
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
        out.append(_Candidate(m.start(), end, 3, "ibid", {}, children, surname))
    return out


def _other_reference(text: str) -> _Candidate | None:
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
    return _Candidate(start, stripped_end, 4, "other", {}, children, surname)


# --- selection -----------------------------------------------------------------------------------------


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    taken: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.priority, c.start, -(c.end - c.start))):
        if cand.end <= cand.start or any(cand.start < t.end and t.start < cand.end for t in taken):
            continue
        taken.append(cand)
    return sorted((c for c in taken if c.kind != "block"), key=lambda c: c.start)


def find_citations(text: str, ctx: CitationContext, *, in_note: bool = False) -> list[Span]:
    """The citations of ``text`` as ``bibl`` spans (children inside), in text order, without overlaps.

    Updates ``ctx`` (ids, the previous archival shelfmark and the previous bibl) as it goes.
    """
    candidates = _brackets(text, ctx) + _series(text, ctx) + _archival(text)
    if in_note:
        candidates += _general_ibids(text)
    selected = _select(candidates)
    if in_note and not candidates:
        other = _other_reference(text)
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
