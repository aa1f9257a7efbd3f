"""Archival shelfmarks as Tesseract reads them: locator words garbled into look-alike letters («Он.» and
«On.» for «Оп.», «®.» for «Ф.», «A.» and «JI.» for «Д.», the digit «1.» for the Latin «l.»), still one
citation with every part; and what must stay no shelfmark."""

from __future__ import annotations

import pytest

from diplo_edition.apparatus.citations import CitationContext, find_citations
from diplo_edition.apparatus.shelfmarks import locator_reading, verso_reading
from diplo_edition.editions import ArchiveName

ARCHIVES = (ArchiveName("АВП РФ", "Архив внешней политики Российской Федерации", 1),
            ArchiveName("AVP RF", "Archive of Foreign Policy of the Russian Federation", 2),
            ArchiveName("TNA", "The National Archives, Kew", 3),
            ArchiveName("РГАСПИ", "Российский государственный архив социально-политической истории", 4))
FULL_RU = [("idno", "archive"), ("idno", "fond"), ("idno", "inventory"), ("idno", "file"),
           ("citedRange", "folio")]


def citations(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    ctx = CitationContext("doc", languages=("ru", "en", "fr"), archives=ARCHIVES)
    return [(text[s.start:s.end], [(c.tag, c.attrs.get("type") or c.attrs.get("unit")) for c in s.children])
            for s in find_citations(text, ctx, in_note=True)]


@pytest.mark.parametrize("printed", [
    "РГАСПИ. Ф. 0100. Он. 15. Д. 221. Л. 54а",  # Cyrillic «н» for «п»
    "АВП РФ. ®. 495. On. 30. Д. 155. Л. 168",  # «®» for «Ф»
    "РГАСПИ. Ф. 495. On. 12. JI. 216. Л. 24",  # «JI» for «Д»
    "ГАРФ. Ф. 04. On. 12. A. 351. Л. 197",  # Latin «A» for «Д»
])
def test_a_garbled_russian_shelfmark_is_one_citation_with_all_its_parts(printed):
    assert citations(f"{printed}.") == [(printed, FULL_RU)]


def test_the_digit_one_read_for_the_latin_folio_word_ends_a_transliterated_shelfmark():
    text = "AVP RF, f. 146, op. 26, p. 76, d. 183, 1. 181."
    ((printed, parts),) = citations(text)
    assert printed == "AVP RF, f. 146, op. 26, p. 76, d. 183, 1. 181"
    assert parts[-1] == ("citedRange", "folio")


def test_a_declared_archive_followed_by_its_locators_ends_with_them_not_at_the_next_note():
    """OCR glues the next note's label to its text ("10DVP" read "lODVP"): the shelfmark stops at its
    folio instead of running on to the end of the text as a declared archive's free reference would."""
    text = "AVP RF, f. 146, op. 26, p. 76, d. 183, l. 181. lODVP, vol. 12."
    assert [p for p, _ in citations(text)] == ["AVP RF, f. 146, op. 26, p. 76, d. 183, l. 181"]


def test_an_fond_word_after_another_shelfmark_opens_a_new_one():
    """«f.» is a fond's word and, after an inventory or file of the same chain, a folio's; after another
    shelfmark (here behind a TNA reference) it opens a new chain."""
    text = ("AVP RF, f. 04, op. 1, p. 58, d. 271, l. 65a. TNA, FO 371/15250, f. 83. "
            "AVP RF, f. 146, op. 7, p. 89, d. 33, l. 229.")
    assert [p for p, _ in citations(text)] == ["AVP RF, f. 04, op. 1, p. 58, d. 271, l. 65a",
                                               "TNA, FO 371/15250, f. 83",
                                               "AVP RF, f. 146, op. 7, p. 89, d. 33, l. 229"]


@pytest.mark.parametrize("text", [
    "Он 15 раз говорил об этом.",  # «Он» the pronoun, with no chain
    "Д. 5. 1. 1925 г.",  # «1.» after a Cyrillic file is a number, not a folio
    "В 1921. 1. 5 пунктов.",
    "d. 5, 21. 3",  # «1.» inside a number
    "See n. 5, A. 3 below.",  # look-alike words only («n.» for «п.», «A.» for «Д.»): prose
    "Он. 5. A. 3.",
])
def test_not_shelfmarks(text):
    assert citations(text) == []


@pytest.mark.parametrize("glued, printed", [
    ("2", "РГАСПИ. Ф. 146. On. 9. Д. 372. Л. 181"),  # the note's marker glued to the archive
    ("З", "РГАСПИ. Ф. 146. On. 8. Д. 7. Л. 215"),  # the marker 3 read as the letter «З»
    ("Т", "АВП РФ. Ф. 08. On. 5. Д. 58. Л. 164"),  # the marker 1 read as «Т»
])
def test_a_note_marker_glued_to_a_declared_archive_stays_out_of_the_shelfmark(glued, printed):
    assert citations(f"{glued}{printed}.") == [(printed, FULL_RU)]


def test_an_archive_the_edition_does_not_declare_is_never_cut():
    # ЦГАОР is not declared, and ГАОР is not either: the whole name is the archive
    ((printed, parts),) = citations("ЦГАОР. Ф. 1. Оп. 2. Д. 3.")
    assert printed == "ЦГАОР. Ф. 1. Оп. 2. Д. 3" and parts[0] == ("idno", "archive")


@pytest.mark.parametrize("printed", [
    "Ф. 495. On. 3. A. 69",  # the fond word as printed anchors the look-alikes after it
    "On. 19. Д. 113. Л. 45",  # two locator words as printed
    "РГАСПИ. On. 3. A. 69",  # an archive's name
])
def test_look_alike_locator_words_are_read_beside_strong_evidence(printed):
    assert [p for p, _ in citations(f"{printed}.")] == [printed]


@pytest.mark.parametrize(("read", "kind", "word"), [
    ("On.", "inventory", "Оп."), ("Он.", "inventory", "Оп."), ("A.", "file", "Д."), ("JI.", "folio", "Л."),
    ("®.", "fond", "Ф."),
    ("Оп.", "inventory", None),  # as the pack prints it
    ("op.", "inventory", None), ("D.", "file", None),  # transliterated words, as printed
    ("On.", "file", None),  # no word of its kind
])
def test_a_misread_locator_word_is_read_as_its_kinds_word(read, kind, word):
    assert locator_reading(read, kind) == word


@pytest.mark.parametrize(("folio", "reading"), [
    ("1106", ("11", "06", "об")), ("4406", ("44", "06", "об")), ("17406", ("174", "06", "об")),
    ("106", None), ("606", None),  # a leaf of three digits may be printed so
    ("1107", None), ("44", None),
])
def test_a_folio_of_four_digits_ending_in_the_versos_shapes_is_a_verso(folio, reading):
    assert verso_reading(folio) == reading
