"""The ocr-confusables pass: Cyrillic words that OCR read with Latin letters of the same shape, read back.

Tesseract reads a Cyrillic word partly or wholly in the Latin letters that look the same: ``Paпалльский``
for ``Рапалльский``, ``3aкрытых`` for ``закрытых``, ``Tam же`` for ``Там же``, ``Ha`` for ``На``. The
raw letters stay as read; the Cyrillic word is added as a correction made by this rule, not by an editor
(``<choice><sic>Tam</sic><corr resp="#rule-ocr-confusables">Там</corr></choice>``), where the evidence
is strong and holds for any language whose pack writes Cyrillic:

- a word that mixes Cyrillic letters with Latin look-alikes (never right in print) whose Cyrillic reading is
  a word of the language or one the document prints in Cyrillic elsewhere;
- a word wholly of Latin look-alikes between two Cyrillic words (a note's marker may stand between), whose
  Cyrillic reading is a common word of the language, more common than its Latin reading is in English or
  another language of the edition (``Tam``, ``Ha``, ``3a``), or a longer word in use in the language
  whose Latin reading is no word of them (``HapKOMaTa``). ``TNA``, ``FO``, ``AMAE`` and names in Latin
  stand beside Latin words or have no such reading; Roman numerals (``XX век``) are never read so. At the
  start of a note or paragraph, nothing stands before it: only the first word of an ibid, op. cit. or see
  phrase of the language is read so (``Tam же. С. 115``).

Only a Cyrillic text is read so: more Cyrillic letters than Latin ones of other shapes. The pass runs
after the annotations, which find citations, dates and mentions in the text as printed (the shelfmarks
read ``On.`` as ``Оп.`` themselves), and leaves the text inside them alone: the TEI has no ``choice`` there.
A Cyrillic archival shelfmark is the exception (rule ocr-shelfmarks): its grammar tells what each word is,
so a locator word OCR misread is read as its kind's word (``On. 4`` before the inventory's number as
``Оп.``, ``A. 331`` before the file's as ``Д.``), and a folio of four digits or more ending in the verso
word's shapes as that leaf's verso (``Л. 1106`` as ``Л. 11об``).
"""

from __future__ import annotations

import re

from ..languages import has_pack, pack
from ..layout.word_lists import SMALL_CYRILLIC_LIKE_CAPITALS, cyrillic_reading, is_word, zipf
from ..model.document import Document
from ..model.inline import Annotation, Correction, Inline, Note
from ..model.passes import Pass
from .shelfmarks import LOCATOR_KINDS, locator_reading, verso_reading

# Who made the correction (``corr/@resp``; an editor's id is always "resp-…"), what it does (the header).
OCR_CONFUSABLES_RESP = "rule-ocr-confusables"
OCR_CONFUSABLES_RULE = (
    "Cyrillic words that OCR read with Latin letters of the same shape, read in Cyrillic "
    "(rule ocr-confusables)"
)
OCR_SHELFMARKS_RESP = "rule-ocr-shelfmarks"
OCR_SHELFMARKS_RULE = (
    "Locator words and versos of Cyrillic archival shelfmarks that OCR misread, read by the shelfmark's "
    "grammar: On. as Оп., A. as Д., Л. 1106 as Л. 11об (rule ocr-shelfmarks)"
)
_TOKEN_RE = re.compile(r"[^\W_]+")  # a word with the digits OCR glued into it ("3aкрытых")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
_SENTENCE_END_RE = re.compile(r"[.!?…]")
_LAST_WORD_RE = re.compile(r"\S+(?=\s*$)")  # a locator word before its number: "On." of ". On. "
_FIRST_WORD_RE = re.compile(r"\S+\.")  # a folio's word: "Л." of "Л. 1106"
_NUMBER_RE = re.compile(r"\d+")
# A Roman numeral ("XX век", "CC") is Latin whatever its neighbours: its letters look Cyrillic too
_ROMAN_RE = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_LATIN_RE = re.compile("[A-Za-z]")
# A word wholly in Latin letters is read in Cyrillic only as a common word of the language (zipf: log10 of
# its frequency per billion words; "там" 5.9, "на" 7.4), where a misreading is more likely than a rare word.
_COMMON_ZIPF = 4.5
_LONG_WORD = 4  # a word this long that no other language knows is the language's word, common or not
_CONTEXT_LANGUAGES = ("en",)  # languages whose words stand in any text, declared or not


class OcrConfusables(Pass):
    name = "ocr-confusables"
    priority = 900  # after the annotations (890): citations, dates and mentions are found as printed
    stage = "apparatus"
    reads = ("body", "front", "reference_list")
    adds = ("body", "front", "reference_list", "rule_corrections", "report")

    def apply(self, doc: Document) -> None:
        printed = {w.lower() for block in doc.body for w in _TOKEN_RE.findall(_plain(block.content))}
        reader = _Reader(doc.edition.languages, printed)
        for block in doc.front + doc.body:
            block.content = reader.read(block.content, block.lang or doc.lang)
        if doc.reference_list:
            for entry in doc.reference_list.entries:
                entry.content = reader.read(entry.content, doc.lang)
        doc.report.ocr_confusions = reader.made + reader.shelfmark_reads
        if reader.made:
            doc.rule_corrections[OCR_CONFUSABLES_RESP] = OCR_CONFUSABLES_RULE
        if reader.shelfmark_reads:
            doc.rule_corrections[OCR_SHELFMARKS_RESP] = OCR_SHELFMARKS_RULE


def cyrillic_language(lang: str, languages: tuple[str, ...] | list[str]) -> str | None:
    """The language a Cyrillic text of a block in ``lang`` is read in: ``lang`` if its pack writes Cyrillic,
    else the edition's first language that does; None when the edition has none."""
    cyrillic = (code for code in (lang, *languages) if has_pack(code) and pack(code).script == "Cyrillic")
    return next(cyrillic, None)


class _Reader:
    def __init__(self, languages: tuple[str, ...] | list[str], printed: set[str]):
        self.languages = tuple(languages)
        self.printed = printed  # the document's words, as read (lower case)
        self.made = 0  # corrections made
        self.shelfmark_reads = 0  # corrections made in shelfmarks

    def read(self, content: list[Inline], lang: str) -> list[Inline]:
        """The content with its confused words corrected, in its plain text and its notes (not inside
        annotations: a citation or a name keeps the text it was found in)."""
        code = cyrillic_language(lang, self.languages)
        readings = self._readings(content, code) if code else {}
        out: list[Inline] = []
        for k, item in enumerate(content):
            if isinstance(item, Note):
                item.content = self.read(item.content, lang)
            elif code and isinstance(item, Annotation) and _cyrillic_shelfmark(item):
                item.content = self._shelfmark(item.content, code)
            out.extend(self._corrected(item, readings[k]) if k in readings else [item])
        return out

    def _readings(self, content: list[Inline], code: str) -> dict[int, list[tuple[re.Match[str], str]]]:
        """Item index -> its words to correct and their readings, if the content is Cyrillic text: more
        Cyrillic letters than Latin ones that look like none (OCR's "Tam же. С. 115")."""
        plain = "".join(item for item in content if isinstance(item, str))
        latin = sum(1 for c in _LATIN_RE.findall(plain) if cyrillic_reading(c) is None)
        if len(_CYRILLIC_RE.findall(plain)) <= latin:
            return {}
        # the words of the plain text in reading order: a word's neighbours may stand across a note's marker
        words = [(k, m) for k, item in enumerate(content) if isinstance(item, str)
                 for m in _TOKEN_RE.finditer(item)]
        readings: dict[int, list[tuple[re.Match[str], str]]] = {}
        for n, (k, m) in enumerate(words):
            before = words[n - 1][1].group() if n else None
            after = words[n + 1][1].group() if n + 1 < len(words) else None
            reading = self._reading(m, before, after, code, first=n == 0)
            if reading is not None and n and words[n - 1][0] == k and _in_sentence(words[n - 1][1], m):
                # after a word in small letters, OCR's capital of a small letter's shape is that letter
                reading = reading.lower() if SMALL_CYRILLIC_LIKE_CAPITALS & set(m.group()) else reading
            if reading is not None:
                readings.setdefault(k, []).append((m, reading))
        return readings

    def _shelfmark(self, content: list[Inline], code: str) -> list[Inline]:
        """A shelfmark's parts with its misread words read back: an ibid word that opens it (``Tam же``); the
        word before each locator's number (``idno``); the folio (``citedRange``) with its word and numbers."""
        out: list[Inline] = []
        for k, item in enumerate(content):
            after = content[k + 1] if k + 1 < len(content) else None
            if isinstance(item, str):
                parts = self._ibid_word(item, code) if k == 0 else [item]
                kind = _locator_kind(after)
                if kind in LOCATOR_KINDS and isinstance(parts[-1], str):
                    parts[-1:] = self._locator_word(parts[-1], kind)
                out.extend(parts)
            elif isinstance(item, Annotation) and item.tag == "citedRange" and item.attrs["unit"] == "folio":
                item.content = self._folio(item)
                out.append(item)
            else:
                out.append(item)
        return out

    def _ibid_word(self, text: str, code: str) -> list[Inline]:
        """The text that opens a shelfmark, its first word read in Cyrillic if the phrase it opens then reads
        as the language's ibid (``Tam же. Л. 7006``: the shelfmark pass took it for one)."""
        word = _TOKEN_RE.match(text)
        reading = cyrillic_reading(word.group()) if word else None
        if word is None or reading is None or not _opens(reading + text[word.end() :], pack(code).ibid_words):
            return [text]
        return self._corrected(text, [(word, reading)])

    def _locator_word(self, text: str, kind: str) -> list[Inline]:
        """The text before a locator's number, its last word read as the kind's word if OCR misread it."""
        m = _LAST_WORD_RE.search(text)
        reading = locator_reading(m.group(), kind) if m else None
        if m is None or reading is None:
            return [text]
        self.shelfmark_reads += 1
        return _with_corrections(text, [(m.start(), m.end(), reading)], OCR_SHELFMARKS_RESP)

    def _folio(self, cited: Annotation) -> list[Inline]:
        """A folio's text with its locator word and its versos read back (``Л. 1106`` as ``Л. 11об``), its
        range (``from``, ``to``) as read back; a folio whose word is not Cyrillic is left as it is."""
        text = "".join(x for x in cited.content if isinstance(x, str))
        word = _FIRST_WORD_RE.match(text)
        if len(cited.content) != 1 or word is None:
            return cited.content
        reading = locator_reading(word.group(), "folio")
        if not _CYRILLIC_RE.search(reading or word.group()):
            return cited.content
        spans = [(word.start(), word.end(), reading)] if reading else []
        for number in _NUMBER_RE.finditer(text, word.end()):
            verso = verso_reading(number.group())
            if verso is None:
                continue
            leaf, _, verso_word = verso  # the verso as read: the number after the leaf
            spans.append((number.start() + len(leaf), number.end(), verso_word))
            for end in ("from", "to"):
                if cited.attrs.get(end) == number.group():
                    cited.attrs[end] = leaf + verso_word
        self.shelfmark_reads += len(spans)
        return _with_corrections(text, spans, OCR_SHELFMARKS_RESP)

    def _corrected(self, text: str, readings: list[tuple[re.Match[str], str]]) -> list[Inline]:
        self.made += len(readings)
        return _with_corrections(text, [(m.start(), m.end(), r) for m, r in readings], OCR_CONFUSABLES_RESP)

    def _reading(
        self, found: re.Match[str], before: str | None, after: str | None, code: str, first: bool
    ) -> str | None:
        """The Cyrillic word that OCR read as the word found, or None if the evidence is not strong enough."""
        word = found.group()
        reading = cyrillic_reading(word)
        if reading is None or not _LATIN_RE.search(word):
            return None
        if reading[1:] != reading[1:].lower() and reading[1:] != reading[1:].upper():
            # a Latin capital inside a word in small letters: a Cyrillic small letter of that shape ("т", "м")
            reading = reading[0] + reading[1:].lower()
        if _CYRILLIC_RE.search(word):  # mixed scripts in one word: a misreading, if the reading is a word
            return reading if reading.lower() in self.printed or is_word(reading, code) else None
        if _ROMAN_RE.fullmatch(word):
            return None
        if first:  # nothing before it: only the first word of a phrase that opens a reference note
            p = pack(code)
            phrase = reading + found.string[found.end():]
            if not _opens(phrase, (*p.ibid_words, *p.op_cit_words, *p.see_words)):
                return None
        elif not (_cyrillic_word(before) and _cyrillic_word(after)):
            return None
        return reading if self._evidence(word, reading, code) else None

    def _evidence(self, word: str, reading: str, code: str) -> bool:
        """Is a word wholly in Latin letters the Cyrillic one? Its reading is a common word, more common than
        its Latin reading in the edition's other languages (``Tam``, ``Ha``), or a longer word in use in the
        language whose Latin reading is no word of them at all (``HapKOMaTa``)."""
        frequency = zipf(reading.lower(), code)
        # in use (wordfreq), not only a dictionary's rare name ("АМАЕ", a case of "Амай"), or printed here
        in_use = frequency > 0 or reading.lower() in self.printed
        if frequency < _COMMON_ZIPF and not (len(word) >= _LONG_WORD and in_use):
            return False
        others = {c for c in (*self.languages, *_CONTEXT_LANGUAGES) if cyrillic_language(c, ()) is None}
        latin = max((zipf(word.lower(), c) for c in others), default=0.0)
        return frequency > latin if frequency >= _COMMON_ZIPF else latin == 0


def _cyrillic_shelfmark(item: Annotation) -> bool:
    """Is it an archival shelfmark with Cyrillic letters in its text as read ("Там же. Л. 1106")?"""
    return (item.tag == "bibl" and item.attrs.get("type") == "archival"
            and bool(_CYRILLIC_RE.search(_plain(item.content))))


def _locator_kind(item: Inline | None) -> str:
    """The kind of a shelfmark's part if it is a locator's number (``idno``: fond, inventory …), else ""."""
    return item.attrs.get("type", "") if isinstance(item, Annotation) and item.tag == "idno" else ""


def _opens(phrase: str, words: tuple[str, ...]) -> bool:
    """Does the phrase (a word as read in Cyrillic, then the text after it) open with one of the words?"""
    return any(phrase.startswith(w) for w in words)


def _with_corrections(text: str, spans: list[tuple[int, int, str]], resp: str) -> list[Inline]:
    """The text with each of its spans (start, end, reading; in order) replaced by a correction made by the
    rule ``resp``, the text between them kept (no empty string)."""
    out: list[Inline] = []
    pos = 0
    for start, end, reading in spans:
        out.extend((text[pos:start], Correction(text[start:end], reading, resp)))
        pos = end
    out.append(text[pos:])
    return [x for x in out if x != ""]


def _in_sentence(before: re.Match[str], word: re.Match[str]) -> bool:
    """Does the word follow a word in small letters in the same sentence (no full stop between)?"""
    between = before.string[before.end() : word.start()]
    return before.group()[:1].islower() and not _SENTENCE_END_RE.search(between)


def _cyrillic_word(token: str | None) -> bool:
    return token is not None and bool(_CYRILLIC_RE.search(token)) and not _LATIN_RE.search(token)


def _plain(content: list[Inline]) -> str:
    """The text of content, notes and annotations included, its parts apart."""
    parts = []
    for item in content:
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, Note | Annotation):
            parts.append(_plain(item.content))
    return " ".join(parts)
