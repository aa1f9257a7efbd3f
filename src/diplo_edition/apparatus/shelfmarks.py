"""Archival shelfmarks.

- A chain of locators in their order, fond < inventory < portfolio < file < folio, at least two of them each
  followed by its number: ``АВП РФ. Ф. 08. Оп. 6. Д. 27. Л. 129а``, transliterated ``AVP RF, f. 0100, op. 7,
  p. 12, d. 45, l. 3–5`` (so ``Л.М. Карахан`` and a lone ``Д. 5`` are not shelfmarks); ``…; Д. 8. Л. 2–5``
  after a shelfmark is one more, and ``Там же. Л. 85`` / ``Ibid., l. 3`` repeats the previous one. The
  locator words come from the language packs; a Cyrillic word is also read with the Latin letters OCR
  takes for its own (``On.`` for ``Оп.``), but only beside strong evidence: an archive's name before the
  chain, a fond word as printed, or two locator words as printed. A note's marker that OCR glued to a
  declared archive (``2РГАСПИ``, ``ЗРГАСПИ``) stays out of the shelfmark.
- An archive the edition declares (collection.yml ``archives:``) named by its abbreviation, then its own
  reference: ``TNA, FO 371/10243, f. 45``, ``AMAE, Europe 1918–1940, URSS, vol. 123, f° 45``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..editions import ArchiveName
from ..languages import alternation, script_lookalikes
from ..languages._patterns import DASH
from .citation_parts import FOLIO, FOND, PACKS, CitationCandidate, cited_range
from .spans import Span


# What OCR reads for a letter of a locator word (the Cyrillic packs' table): Latin letters of the same shape,
# a Cyrillic letter of like strokes ("Он." for "Оп."), a pair of strokes ("JI" for "Д" and "Л") or a sign
# ("®" for "Ф")
def _letter_reads() -> dict[str, str]:
    table = script_lookalikes("Cyrillic")
    reads: dict[str, list[str]] = {}
    for latin, letter in table.latin.items():
        reads.setdefault(letter, [letter]).append(latin)
    for letter, others in table.strokes.items():
        reads.setdefault(letter, [letter]).extend(others)
    return {letter: "(?:" + "|".join(map(re.escape, r)) + ")" for letter, r in reads.items()}


_LOOKALIKES = _letter_reads()
# the Latin folio word "l." read as the digit one ("d. 183, 1. 181"): a folio only inside a chain
_DIGIT_FOLIO = r"1\.(?=\s*\d)"


def _ocr_tolerant(words: list[str]) -> str:
    pattern = alternation(words)
    return "".join(_LOOKALIKES.get(ch, ch) for ch in pattern)


_FOND_WORDS = [w for p in PACKS for w in p.fond_words]
_FOLIO_WORDS = [w for p in PACKS for w in p.folio_words]
_WORDS = (_FOND_WORDS, *([w for p in PACKS for w in getattr(p, f"{kind}_words")]
                         for kind in ("inventory", "portfolio", "file")), _FOLIO_WORDS)
_FILE = r"\d+(?:/\d+|[а-дa-d](?!\w))?"
_EXACT_WORDS = tuple(frozenset(words) for words in _WORDS)  # the locator words as the packs print them
_GROUPS = ("f", "o", "p", "d", "l")  # fond, inventory, portfolio, file, folio: the rank is the place here
_KINDS = ("fond", "inventory", "portfolio", "file")
PORTFOLIO_RANK, FOLIO_RANK = 2, 4
# a portfolio word that is also a page word ("p. 12") is a portfolio only inside a chain, after its inventory
_PAGE_WORDS = {w.casefold() for p in PACKS for w in p.page_words}
# a word that is a fond's in one language and a folio's in another ("f."): a folio after an inventory or file
_FOND_OR_FOLIO = {w.casefold() for w in _FOND_WORDS} & {w.casefold() for w in _FOLIO_WORDS}

_ARCH_LOC = re.compile(
    r"(?<![А-Яа-яЁёA-Za-z\d])(?:"
    rf"(?P<f>{_ocr_tolerant(_WORDS[0])})\s*(?P<fv>{FOND})"
    rf"|(?P<o>{_ocr_tolerant(_WORDS[1])})\s*(?P<ov>{_FILE})(?!\w)"
    rf"|(?P<p>{_ocr_tolerant(_WORDS[2])})\s*(?P<pv>{_FILE})(?!\w)"
    rf"|(?P<d>{_ocr_tolerant(_WORDS[3])})\s*(?P<dv>{_FILE})(?!\d)"
    rf"|(?P<l>{_ocr_tolerant(_WORDS[4])}|{_DIGIT_FOLIO})\s*(?P<la>{FOLIO})(?:\s*{DASH}\s*(?P<lb>{FOLIO}))?(?!\d)"
    r")"
)
# The archive's name before a chain; OCR glues a note's marker to it ("2РГАСПИ"), so a digit may precede it
_ARCHIVE = re.compile(r"(?<![^\W\d]|[.])(?P<arch>[А-ЯЁA-Z]{2,}(?:[ \u00a0][А-ЯЁA-Z]{2,})*)\s*[.,]?\s*$")
_NOT_ARCHIVES = {"СССР", "РСФСР", "РФ", "США", "USSR", "USA"}
_CHAIN_GAP = re.compile(r"^\s*[.,]?\s*$")
_NEXT_SHELFMARK_GAP = re.compile(r"^\s*[.,]?\s*;\s*$")
# "Там же. Л. 85", "Ibid., f. 3": an ibid word (its own dot left to the gap) and a stop before the shelfmark;
# as OCR reads it too ("Tam же"): the locator after it is the evidence
_IBID = re.compile(
    rf"(?<!\w){_ocr_tolerant([w.rstrip('.') for p in PACKS for w in p.ibid_words])}(?!\w)"
)
_IBID_ARCH_GAP = re.compile(r"^\s*(?:[.,]|\.,)\s*$")

# a declared archive's own reference: up to a semicolon, or a full stop before a capital, or the end
_REFERENCE_END = re.compile(r";|\.\s+(?=[A-ZА-ЯЁ«\"“])|\.?\s*$")
# "FO 371/10243": a department, a series and a piece (The National Archives, Kew)
_DEPARTMENT_CODE = re.compile(r"(?P<fond>[A-Z]{1,5}\s?\d+)(?:/(?P<file>\d+))?(?!\w)")
_VOLUME = re.compile(rf"(?<!\w)(?:{alternation([w for p in PACKS for w in p.volume_words])})\s*(?P<v>\d+)")
_FOLIO = re.compile(
    rf"(?<![\w])(?P<l>{alternation(_FOLIO_WORDS)})\s*(?P<la>{FOLIO})(?:\s*{DASH}\s*(?P<lb>{FOLIO}))?(?!\d)"
)

# The Cyrillic locator words of each kind, each with the pattern of its OCR reads, for reading them back
LOCATOR_KINDS = (*_KINDS, "folio")
_CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")
_READS = {kind: [(w, re.compile(_ocr_tolerant([w]))) for w in words if _CYRILLIC_LETTER.search(w)]
          for kind, words in zip(LOCATOR_KINDS, _WORDS, strict=True)}
# a folio's verso word as OCR reads it in digits of its letters' shapes ("об" as "06"), glued to a number of
# at least two digits: a folio of four digits so read is a verso (files of a thousand leaves are rare)
_DIGIT_OF = {letter: digit for digit, letters in script_lookalikes("Cyrillic").digit_letters.items()
             for letter in letters}
_VERSO_READS = {"".join(_DIGIT_OF[c] for c in w): w for p in PACKS for w in p.verso_words
                if all(c in _DIGIT_OF for c in w)}
_VERSO_READ = re.compile(rf"(?P<folio>\d{{2,}})(?P<verso>{'|'.join(_VERSO_READS) or '(?!)'})")


def locator_reading(word: str, kind: str) -> str | None:
    """The Cyrillic locator word of its kind (fond, inventory, portfolio, file, folio) that OCR read as
    ``word`` ("On." as "Оп.", "A." as "Д.", "JI." as "Л."); None for a word as a pack prints it, or none of
    the kind's words."""
    if word in _EXACT_WORDS[LOCATOR_KINDS.index(kind)]:
        return None
    return next((w for w, reads in _READS[kind] if reads.fullmatch(word)), None)


def verso_reading(folio: str) -> tuple[str, str, str] | None:
    """A folio read in four digits or more whose last are the verso word's shapes ("1106"): the leaf as read,
    the verso as read and the verso word ("11", "06", "об"); None for any other folio."""
    m = _VERSO_READ.fullmatch(folio)
    return (m["folio"], m["verso"], _VERSO_READS[m["verso"]]) if m else None


_Token = tuple[re.Match[str], int]  # a locator and its rank


def _arch_tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for m in _ARCH_LOC.finditer(text):
        rank = next(i for i, g in enumerate(_GROUPS) if m.group(g))
        last = tokens[-1] if tokens else None
        # "f." after an inventory or file of the same chain; after another shelfmark it opens a new one
        if rank == 0 and last and last[1] > 0 and m["f"].casefold() in _FOND_OR_FOLIO \
                and _CHAIN_GAP.match(text[last[0].end() : m.start()]):
            rank = FOLIO_RANK
        elif rank == FOLIO_RANK and m["l"] == "1." and not (
                last and last[1] in (2, 3) and last[0].group(0).isascii()
                and _CHAIN_GAP.match(text[last[0].end() : m.start()])):
            continue  # a "1." after no transliterated portfolio or file ("d. 183, 1. 181") is a number
        tokens.append((m, rank))
    return tokens


def _chains(tokens: list[_Token], text: str) -> list[list[_Token]]:
    """Runs of locators in hierarchical order (Ф. < Оп. < П. < Д. < Л.) separated only by stops and spaces."""
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
        if rank == FOLIO_RANK:
            word, a, b = ("l", "la", "lb") if m.group("l") else ("f", "fv", None)
            children.append(cited_range(m, word, a, b, "folio"))
        else:
            group = _GROUPS[rank] + "v"
            children.append(Span(m.start(group), m.end(group), "idno", {"type": _KINDS[rank]}))
    return children


@lru_cache(maxsize=16)
def declared_archives(archives: tuple[ArchiveName, ...]) -> re.Pattern[str] | None:
    """The abbreviations of the edition's archives, as a pattern; None when it declares none."""
    names = [a.abbreviation for a in archives]
    return re.compile(rf"(?<![\w.])(?P<arch>{alternation(names)})(?!\w)\s*[,.:]\s*") if names else None


def _declared_archive_citations(text: str, pattern: re.Pattern[str] | None) -> list[CitationCandidate]:
    """Citations of a declared archive by its abbreviation and its own reference (TNA, FO 371/…)."""
    out: list[CitationCandidate] = []
    for m in pattern.finditer(text) if pattern else ():
        if _ARCH_LOC.match(text, m.end()):  # a chain of locators follows: a shelfmark, it ends with its chain
            continue
        end = _REFERENCE_END.search(text, m.end()).start()
        children = [Span(m.start("arch"), m.end("arch"), "idno", {"type": "archive"})]
        code = _DEPARTMENT_CODE.match(text, m.end(), end)
        if code:
            children.append(Span(code.start("fond"), code.end("fond"), "idno", {"type": "fond"}))
            if code["file"]:
                children.append(Span(code.start("file"), code.end("file"), "idno", {"type": "file"}))
        volume = _VOLUME.search(text, m.end(), end)
        if volume and not code:
            collection = text[m.end() : volume.start()].rstrip(" ,.")
            if collection:
                children.append(Span(m.end(), m.end() + len(collection), "idno", {"type": "fond"}))
            children.append(Span(volume.start("v"), volume.end("v"), "idno", {"type": "file"}))
        folio = _FOLIO.search(text, (volume or code or m).end(), end)
        if folio:
            children.append(cited_range(folio, "l", "la", "lb", "folio"))
        if len(children) > 1:
            last = max(child.end for child in children)
            out.append(CitationCandidate(m.start(), last, "archival", {"type": "archival"}, children))
    return out


def _anchored(chain: list[_Token]) -> bool:
    """Is a chain with no archive's name before it a shelfmark? OCR's look-alike words (``On.``, ``A.``,
    ``JI.``, the digit ``1.``) are taken only beside strong evidence: a fond word as printed ("Ф. 08"), or
    two locator words as printed; else ``n. 5, A. 3`` in prose would be one."""
    exact = [rank for m, rank in chain if m.group(_GROUPS[rank]) in _EXACT_WORDS[rank]]
    return len(exact) == len(chain) or 0 in exact or len(exact) >= 2


def _glued_marker(name: str, archives: re.Pattern[str] | None) -> int:
    """1 when the archive's name is a declared archive with one letter glued before it: a note's marker as
    OCR reads it ("ЗРГАСПИ" for "3РГАСПИ", "ТАВП РФ" for "1АВП РФ"); else 0. Only a name the edition
    declares is cut so: the chain of locators after it is the evidence that this is a shelfmark."""
    glued = archives is not None and not archives.fullmatch(f"{name}.") and archives.fullmatch(f"{name[1:]}.")
    return 1 if glued else 0


def shelfmarks(text: str, archives: re.Pattern[str] | None = None) -> list[CitationCandidate]:
    """The archival shelfmarks of text, and the ibids (``ibid-archival``) that repeat an earlier one;
    archives: the edition's declared archives (:func:`declared_archives`)."""
    out: list[CitationCandidate] = _declared_archive_citations(text, archives)
    previous: CitationCandidate | None = None
    for chain in _chains(_arch_tokens(text), text):
        if chain[0][1] == PORTFOLIO_RANK and chain[0][0]["p"].casefold() in _PAGE_WORDS:
            chain = chain[1:]
        if not chain:
            continue
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
            named = arch is not None and arch["arch"] not in _NOT_ARCHIVES
            if not (named or follows or _anchored(chain)):
                previous = None
                continue
            if arch and named:
                start = arch.start("arch") + _glued_marker(arch["arch"], archives)
                children.insert(0, Span(start, arch.end("arch"), "idno", {"type": "archive"}))
            cand = CitationCandidate(start, end, "archival", {"type": "archival"}, children)
        else:
            previous = None
            continue
        out.append(cand)
        previous = cand
    return out
