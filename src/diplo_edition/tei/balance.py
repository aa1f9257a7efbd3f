"""The letter balance of a document: every letter and digit of the raw sources is in the TEI or was
removed by a recorded rule."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lxml import etree

from ..model.lines import count_letters
from .validate import SAFE_PARSER

TEXT_OF_THE_SOURCES = "//t:text/t:body | //t:profileDesc/t:abstract | //t:profileDesc/t:textClass/t:keywords"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
CORR = "{http://www.tei-c.org/ns/1.0}corr"


def tei_letters(tei: bytes) -> Counter:
    """Letters and digits of the TEI that come from the sources (not the editorial header), without the
    editor's corrections (corr), which no source printed."""
    root = etree.fromstring(tei, SAFE_PARSER)
    etree.strip_elements(root, CORR, with_tail=False)
    counted: Counter = Counter()
    for el in root.xpath(TEXT_OF_THE_SOURCES, namespaces=NS):
        counted.update(count_letters("".join(el.itertext())))
    return counted


@dataclass(frozen=True)
class Balance:
    raw: int
    in_tei: int
    removed: dict[str, int]
    lost: Counter
    added: Counter

    @property
    def holds(self) -> bool:
        return not self.lost and not self.added

    def __str__(self) -> str:
        rules = ", ".join(f"{rule} {count}" for rule, count in sorted(self.removed.items())) or "nothing"
        verdict = "balanced"
        if not self.holds:
            verdict = f"LOST {sum(self.lost.values())}, ADDED {sum(self.added.values())}"
        removed = sum(self.removed.values())
        return f"raw {self.raw} = TEI {self.in_tei} + removed {removed} ({rules}): {verdict}"


def letter_balance(raw_letters: Counter, tei: bytes, removed: Counter) -> Balance:
    """Compare the raw letters with the TEI's plus the removals recorded as (rule, character) counts."""
    in_tei = tei_letters(tei)
    removed_chars: Counter = Counter()
    by_rule: dict[str, int] = {}
    for (rule, char), count in removed.items():
        removed_chars[char] += count
        by_rule[rule] = by_rule.get(rule, 0) + count
    accounted = in_tei + removed_chars
    lost, added = raw_letters - accounted, accounted - raw_letters
    return Balance(sum(raw_letters.values()), sum(in_tei.values()), by_rule, lost, added)
