"""Line-end hyphens in every language of an edition (wordfreq's word lists, pymorphy3 for Russian, the
text's own usage), em-dash hyphens of OCR, and languages beyond the packs: any ISO 639 code, detected by
``new`` from the text."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import NS
from projects import run, tiny_project

from diplo_edition.cli import EXIT_CONTENT, EXIT_OK
from diplo_edition.editions import load_edition
from diplo_edition.layout.hyphenation import NO_EVIDENCE, Dehyphenator, HyphenDecision
from diplo_edition.layout.word_lists import has_word_list, word_evidence

# As pdftotext writes a French print of the 1930s, and as Tesseract reads its hyphens (em dashes).
FRENCH = """\
Les négociations reprirent à Genève au mois de mai. Le ministre exigeait des ménage-
ments pour l'opinion publique et il promit un accord formel-
Assurément, la presse n'en crut rien. Un sous-
marin fut signalé au large de Brest, et les négo—
ciations furent suspendues jusqu'à l'automne suivant.
"""

GERMAN = """\
Die Verhand-
lungen über die Nord-
Ost-Grenze wurden im Herbst wieder aufgenommen, doch die Regierung
lehnte jede Ände-
rung des Vertrages ab.
"""

ENGLISH = """\
The negotia-
tions on the long-
term agreement dragged on, and the question of self-
government was left open until the autumn of that year.
"""

RUSSIAN = """\
Перегово-
ры о советско-
японском договоре шли долго, и Советско-
Японские отношения оставались напряжёнными.
"""

ITALIAN = """\
Le trat-
tative fra i due governi ripresero a Roma nel mese di maggio.
"""

LATIN = """\
Gallia est omnis divisa in partes tres, quarum unam incolunt Bel-
gae, aliam Aquitani, tertiam qui ipsorum lingua Celtae appellantur.
"""


def _build(tmp_path: Path, capsys, text: str, language: str) -> tuple[str, str]:
    """Build a one-document project in ``language``: the reading text of its TEI, and the warnings."""
    project = tiny_project(tmp_path, text, file=f"test-doc.{language}.txt")
    for name in ("collection.yml", "test-doc.yml"):
        path = project / "editions" / name
        yml = path.read_text(encoding="utf-8")
        path.write_text(yml.replace("languages: [ru]", f"languages: [{language}]"), encoding="utf-8")
    code, _, err = run(capsys, "--root", project, "build", "--out", tmp_path / "site", "--no-cache")
    assert code == EXIT_OK, err
    tree = ElementTree.parse(tmp_path / "site" / "tei" / "test-doc.xml")
    body = tree.find(".//t:text/t:body", NS)
    return " ".join("".join(body.itertext()).split()), err


# --- decisions, one break at a time ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right", "lang", "keep"),
    [
        ("négo", "ciations", "fr", False),  # a word broken at the line end
        ("ménage", "ments", "fr", False),  # both halves words, but ménagements is the word
        ("gouver", "nement", "fr", False),
        ("sous", "marin", "fr", True),  # a compound: sousmarin is far rarer than marin
        ("grand", "père", "fr", True),
        ("Verhand", "lungen", "de", False),
        ("Ände", "rung", "de", False),
        ("negotia", "tions", "en", False),
        ("long", "term", "en", True),
        ("self", "government", "en", True),
        ("Перегово", "ры", "ru", False),  # pymorphy3
        ("советско", "японском", "ru", True),
        ("trat", "tative", "it", False),  # a language without a pack: wordfreq's Italian list
    ],
)
def test_word_evidence_decides(left: str, right: str, lang: str, keep: bool) -> None:
    assert Dehyphenator().decide(left, right, lang).keep is keep


def test_a_capital_after_a_word_that_stands_alone_is_two_words() -> None:
    plain = Dehyphenator()
    assert plain.decide("formel", "Assurément", "fr") == HyphenDecision(True, "capital", space=True)
    # compounds of capitals, or of a prefix and a capital, stay one word
    assert plain.decide("Nord", "Ost", "de") == HyphenDecision(True, "capital")
    assert plain.decide("Советско", "Японские", "ru") == HyphenDecision(True, "capital")
    assert plain.decide("anti", "American", "en") == HyphenDecision(True, "capital")
    # the text printing the pair with its hyphen inside a line makes it one word too
    seen = Dehyphenator({"formel-assurément": 1})
    assert seen.decide("formel", "Assurément", "fr") == HyphenDecision(True, "capital")


def test_an_em_dash_joins_only_on_evidence() -> None:
    plain = Dehyphenator()
    assert plain.decide("négo—", "ciations", "fr") == HyphenDecision(False, "word-list")
    # no word of the halves: the dash stays as printed, between two words
    assert plain.decide("Genève—", "Berne", "fr") == HyphenDecision(True, "dash", space=True)
    assert plain.decide("Xqzw—", "vprt", "fr") == HyphenDecision(True, "dash", space=True)
    # a plain hyphen without evidence still joins (a name broken at the line end)
    assert plain.decide("Xqzw-", "vprt", "fr") == HyphenDecision(False, "default")


def test_a_language_without_word_evidence_keeps_its_hyphens() -> None:
    assert not has_word_list("la") and word_evidence("la") is None  # wordfreq would answer with Italian
    assert not has_word_list("ja")  # its list needs MeCab to split words
    assert has_word_list("it") and word_evidence("it") == "wordfreq" and word_evidence("ru") == "pymorphy3"
    plain = Dehyphenator()
    assert plain.decide("Bel", "gae", "la") == HyphenDecision(True, NO_EVIDENCE)
    # the text's own usage is evidence in any language
    assert Dehyphenator({"belgae": 2}).decide("Bel", "gae", "la") == HyphenDecision(False, "corpus-joined")


# --- whole documents ------------------------------------------------------------------------------------


def test_french_print(tmp_path, capsys) -> None:
    text, _ = _build(tmp_path, capsys, FRENCH, "fr")
    assert "des ménagements pour l'opinion" in text
    assert "formel- Assurément, la presse" in text  # not one word
    assert "Un sous-marin fut signalé" in text
    assert "les négociations furent suspendues" in text  # the em dash of OCR joined
    assert "Les négociations reprirent" in text


def test_german_english_and_russian_prints(tmp_path, capsys) -> None:
    german, _ = _build(tmp_path / "de", capsys, GERMAN, "de")
    assert "Die Verhandlungen über die Nord-Ost-Grenze" in german and "jede Änderung des" in german
    english, _ = _build(tmp_path / "en", capsys, ENGLISH, "en")
    assert "The negotiations on the long-term agreement" in english and "of self-government was" in english
    russian, _ = _build(tmp_path / "ru", capsys, RUSSIAN, "ru")
    assert "Переговоры о советско-японском договоре" in russian and "Советско-Японские" in russian


def test_a_language_with_a_word_list_but_no_pack_builds(tmp_path, capsys) -> None:
    text, err = _build(tmp_path, capsys, ITALIAN, "it")
    assert "Le trattative fra i due governi" in text
    assert "kept as printed" not in err


def test_a_language_without_word_evidence_builds_with_a_warning(tmp_path, capsys) -> None:
    text, err = _build(tmp_path, capsys, LATIN, "la")
    assert "incolunt Bel-gae, aliam" in text  # as printed
    assert re.search(r"sources/test-doc\.la\.txt:2: warning: 1 line-end hyphen\(s\) kept as printed, the "
                     r"first just before this line: language 'la' has no word list", err), err


def test_any_iso_639_code_is_a_language_and_others_are_refused(tmp_path, capsys) -> None:
    project = tiny_project(tmp_path)
    path = project / "editions" / "test-doc.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("languages: [ru]", "languages: [ja, la, grc]"),
                    encoding="utf-8")
    document = next(d for d in load_edition(project).documents if d.id == "test-doc")
    assert document.languages == ("ja", "la", "grc")
    path.write_text(path.read_text(encoding="utf-8").replace("[ja, la, grc]", "[ja, xx]"), encoding="utf-8")
    code, _, err = run(capsys, "--root", project, "check")
    assert code == EXIT_CONTENT
    assert "'xx' is not a BCP-47 language code of an ISO 639 language" in err


# --- new: the language from the text ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "language"), [(FRENCH * 3, "fr"), (GERMAN * 4, "de")])
def test_new_detects_french_and_german(tmp_path, capsys, text: str, language: str) -> None:
    project = tiny_project(tmp_path)
    (project / "sources" / "print.txt").write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "--root", project, "new", "sources/print.txt")
    assert code == EXIT_OK, err
    written = (project / "editions" / "print.yml").read_text(encoding="utf-8")
    assert f"languages: [{language}]\n" in written
    assert f"100.0% {language}" in out + written  # the evidence is shown
