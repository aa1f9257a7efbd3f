"""Telling the encoding of a raw file that is not UTF-8, by evidence, or saying that it cannot be told.

Raw OCR texts should be UTF-8, but Russian texts often arrive in windows-1251 (and sometimes KOI8-R or
the DOS code page 866), and Windows tools write UTF-16. Any single-byte file decodes without an error in
any single-byte code page, so the decoding is chosen by what it gives:

- UTF-32 and UTF-16 are told by their byte-order mark, or (without one) by the NUL bytes that every
  Latin character, digit and space carries in one of its two bytes;
- windows-1251, KOI8-R and cp866 by the share of letter pairs inside Cyrillic words that are common in
  Russian (about 80% in Russian text read in the right code page, under 25% in the wrong one);
- windows-1252 (Latin-1) by accented letters standing inside otherwise ASCII words (café, Müller).

When no decoding stands out, the file is refused rather than guessed: a wrong guess would put mojibake
into the edition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The 150 most frequent letter pairs inside Russian words, from this project's own Russian sources.
_BIGRAMS = """
ст по но ни ен ов то ко ос он ра ск пр ро на во ан ре сс ит ли го от не ки та ти те ал ва ел ор ол со ом ер
ес ве ль ны яп ри ия од ле ог ии ин ет ой ме тв да ие ло ис ла де ат ав ка ми об ар нн ед ви ак до за нс тр
че ей ть ср ма ок им ци ем ас их ше из тс ик мо ил ам нт ьн си ий се бы сл ру ых ля ич сь бо вл тн ое ег сп
аз ьс же вн нц ку дн пе ив са ся ев ая му ыл ди ча оп вы ду чт ще ты жд ию чи су ус кт ры бр гр ош ир ые оч
оз це ах ря ож чн
"""
COMMON_RUSSIAN_BIGRAMS = frozenset(_BIGRAMS.split())

# Candidate single-byte code pages, in order of preference when two give the same text.
SINGLE_BYTE = ("windows-1251", "koi8-r", "cp866", "windows-1252")
LABELS = {
    "windows-1251": "windows-1251 (Cyrillic)",
    "koi8-r": "KOI8-R (Cyrillic)",
    "cp866": "cp866 (DOS Cyrillic)",
    "windows-1252": "windows-1252 (Latin-1)",
    "utf-16-le": "UTF-16 (little-endian)",
    "utf-16-be": "UTF-16 (big-endian)",
    "utf-32-le": "UTF-32 (little-endian)",
    "utf-32-be": "UTF-32 (big-endian)",
}
ICONV_NAMES = {
    "windows-1251": "WINDOWS-1251", "koi8-r": "KOI8-R", "cp866": "CP866", "windows-1252": "WINDOWS-1252",
    "utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE", "utf-32-le": "UTF-32LE", "utf-32-be": "UTF-32BE",
}

BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

SAMPLE = 256 * 1024  # bytes looked at to tell an encoding; the whole file is then decoded strictly

MIN_BIGRAMS = 8  # fewer pairs of Cyrillic letters than this tell nothing
GOOD_BIGRAMS = 0.5  # share of common pairs that marks the right Cyrillic code page
BAD_BIGRAMS = 0.3  # a rival at or above this share is too close to call

_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# Non-ASCII characters other than letters that a printed text plausibly holds.
_PLAIN_MARKS = set("«»„“”‘’‚–—‑…№°§•·±×÷\u00a0\u00ad©®™€£¢¥¹²³¼½¾′″")


@dataclass(frozen=True)
class Evidence:
    encoding: str
    text: str
    bigrams: int  # pairs of letters inside Cyrillic words
    common: int  # of which common in Russian
    good: int  # plausible non-ASCII words and marks
    bad: int  # implausible ones: mixed-script words, stray symbols, control characters

    @property
    def share(self) -> float:
        return self.common / self.bigrams if self.bigrams else 0.0

    @property
    def plausible(self) -> bool:
        units = self.good + self.bad
        if units == 0 or self.bad > 0.05 * units:
            return False
        return self.bigrams < MIN_BIGRAMS or self.share >= GOOD_BIGRAMS


def weigh(encoding: str, text: str) -> Evidence:
    """How plausible the non-ASCII part of text is as printed Russian, English or Western European."""
    bigrams = common = good = bad = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        cyrillic = len(_CYRILLIC.findall(word))
        latin = len(_LATIN.findall(word))
        if cyrillic == len(word):
            lower = word.lower()
            pairs = [lower[i : i + 2] for i in range(len(lower) - 1)]
            bigrams += len(pairs)
            common += sum(1 for pair in pairs if pair in COMMON_RUSSIAN_BIGRAMS)
            # A word in the wrong code page often has its capitals inside (koi8-r read as windows-1251).
            if word[1:].islower() or word.isupper() or len(word) == 1:
                good += 1
            else:
                bad += 1
        elif latin == len(word):
            non_ascii = sum(1 for c in word if not c.isascii())
            if non_ascii * 2 <= len(word) and len(word) > 1:
                good += 1
            else:
                bad += 1
        else:
            bad += 1  # Cyrillic and Latin letters in one word, or letters of another script
    for char in text:
        if char.isascii() or char.isalpha():
            continue
        if char in _PLAIN_MARKS:
            good += 1
        else:
            bad += 1
    return Evidence(encoding, text, bigrams, common, good, bad)


def guess_single_byte(sample: bytes) -> tuple[str | None, list[Evidence]]:
    """The single-byte code page the sample is written in, or None when it cannot be told.

    Also returns the evidence weighed, for the message when nothing could be decided.
    """
    candidates: list[Evidence] = []
    for encoding in SINGLE_BYTE:
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append(weigh(encoding, text))
    plausible = [c for c in candidates if c.plausible]
    if not plausible:
        return None, candidates
    distinct = {c.text for c in plausible}
    if len(distinct) == 1:
        return plausible[0].encoding, candidates
    strong = [c for c in plausible if c.bigrams >= MIN_BIGRAMS and c.share >= GOOD_BIGRAMS]
    if len(strong) == 1:
        best = strong[0]
        rivals = [c for c in plausible if c.text != best.text]
        if all(c.bigrams >= MIN_BIGRAMS and c.share < BAD_BIGRAMS for c in rivals if c.bigrams):
            # A rival without Cyrillic words (windows-1252) is out when best reads as good Russian.
            return best.encoding, candidates
    return None, candidates


def utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the NUL bytes fall on one side of the byte pairs, else None.

    In UTF-16 every ASCII character (spaces, digits, Latin letters, line ends) has a NUL as its high
    byte and Cyrillic letters have 0x04, so one side of the pairs holds few distinct values with NULs
    among them, and the other side almost no NUL.
    """
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) - len(sample) % 2]
    even, odd = sample[0::2], sample[1::2]
    for high, low, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        nul_high, nul_low = high.count(0), low.count(0)
        if nul_high == 0 or nul_low > 0.01 * len(low):
            continue
        counts = sorted((high.count(value) for value in set(high)), reverse=True)
        if sum(counts[:3]) >= 0.95 * len(high):
            return encoding
    return None
