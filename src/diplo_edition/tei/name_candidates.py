"""Frequent names the registers do not cover yet, so that an editor can grow the registers.

Read from the TEI: text outside the tagged mentions and outside bibliographic references (the authors of
cited works are not the actors of the history). Two kinds of evidence: a surname printed with initials
(Э.К. Озорнин), and a capitalised word that recurs in mid-sentence and the dictionary knows as a name,
a place or an organisation, or does not know at all.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lxml import etree

from ..morphology import morph_analyzer
from .validate import SAFE_PARSER

TEI = "{http://www.tei-c.org/ns/1.0}"
SKIPPED = {f"{TEI}{tag}" for tag in ("persName", "placeName", "orgName", "bibl", "fw", "note")}
WITH_INITIALS = re.compile(r"(?<![\w.])(?:[А-ЯЁ]\.[\s\u00a0]?){1,2}([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)")
MID_SENTENCE_CAPITAL = re.compile(r"(?<=[а-яё,;:)»\"]\s)([А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?)")
NAME_GRAMMEMES = {"Name", "Surn", "Patr", "Geox", "Orgn"}
MIN_CAPITAL_COUNT = 3
SNIPPET = 40


@dataclass(frozen=True)
class Candidate:
    name: str
    count: int
    example: str
    document: str
    evidence: str  # "initials" or "capitalised"


def _pieces(el: etree._Element, skipped: bool = False):
    """(text, skipped) pieces in reading order; text inside mentions, references and notes is skipped."""
    skipped = skipped or el.tag in SKIPPED
    if el.text:
        yield el.text, skipped
    for child in el:
        yield from _pieces(child, skipped)
        if child.tail:
            yield child.tail, skipped


def _lemma(word: str) -> str:
    parses = morph_analyzer().parse(word)
    named = [p for p in parses if NAME_GRAMMEMES & set(p.tag.grammemes)]
    best = (named or parses)[0]
    return best.normal_form.capitalize() if named else word


def _is_name_like(word: str) -> bool:
    analyzer = morph_analyzer()
    parses = analyzer.parse(word)
    if any(NAME_GRAMMEMES & set(p.tag.grammemes) for p in parses):
        return True
    return not analyzer.word_is_known(word.lower())


def untagged_candidates(documents: dict[str, bytes], top: int = 20) -> list[Candidate]:
    counts: Counter = Counter()
    example: dict[tuple[str, str], tuple[str, str]] = {}
    for doc_id, tei in sorted(documents.items()):
        body = etree.fromstring(tei, SAFE_PARSER).find(f"{TEI}text/{TEI}body")
        pieces = list(_pieces(body))
        text = "".join(piece for piece, _ in pieces)
        # The same text with the skipped parts blanked out, so that offsets stay the same.
        searched = "".join(" " * len(piece) if skipped else piece for piece, skipped in pieces)
        for evidence, pattern in (("initials", WITH_INITIALS), ("capitalised", MID_SENTENCE_CAPITAL)):
            for m in pattern.finditer(searched):
                word = m.group(1)
                if evidence == "capitalised" and not _is_name_like(word):
                    continue
                key = (_lemma(word), evidence)
                counts[key] += 1
                snippet = " ".join(text[max(0, m.start() - SNIPPET) : m.end() + SNIPPET].split())
                example.setdefault(key, (doc_id, f"…{snippet}…"))
    merged: dict[str, Candidate] = {}
    for (name, evidence), count in counts.items():
        if evidence == "capitalised" and count < MIN_CAPITAL_COUNT:
            continue
        doc_id, snippet = example[(name, evidence)]
        previous = merged.get(name)
        total = count + (previous.count if previous else 0)
        best = evidence if previous is None or evidence == "initials" else previous.evidence
        merged[name] = Candidate(name, total, snippet, doc_id, best)
    return sorted(merged.values(), key=lambda c: (-c.count, c.name))[:top]
