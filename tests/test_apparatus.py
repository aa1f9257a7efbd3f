"""The scholarly apparatus in the built TEI: citations, DVP, registers' mentions, dates, corrections."""

import re
import shutil
from datetime import date

from conftest import CONVENTION, NS, ROOT, TEXTBOOK, THESIS, URUMQI
from lxml import etree

from diplo_edition.cli import main
from diplo_edition.tei.name_candidates import untagged_candidates

T = f"{{{NS['t']}}}"
ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def text(el) -> str:
    return "".join(el.itertext())


def test_every_bracketed_citation_of_the_article(trees):
    raw = (ROOT / "sources" / "urumqi-negotiations-1923.ru.txt").read_text(encoding="utf-8")
    printed = [" ".join(m.group(0).split()) for m in re.finditer(r"\[\d+\.[^\]]*\]", raw)]
    found = trees[URUMQI].findall(".//t:body//t:bibl[@type='reference']", NS)
    assert [" ".join(text(b).split()) for b in found] == printed
    assert len(found) == 24
    # the article's reference list is not in the extract: each citation is shown as printed, pointing nowhere
    assert all(bibl.get("corresp") is None for bibl in found)

    def locators(i):
        return [(c.get("unit"), c.get("from"), c.get("to")) for c in found[i].findall("t:citedRange", NS)]

    assert locators(0) == [("folio", "129а", "129а")]  # a sub-folio keeps its letter
    assert locators(printed.index("[1. Л. 64об]")) == [("folio", "64об", "64об")]  # verso
    assert locators(printed.index("[12. Д. 27. Л. 8–9]")) == [("file", "27", "27"), ("folio", "8", "9")]
    assert locators(printed.index("[3. Т. 7. С. 331–345]")) == [("volume", "7", "7"), ("page", "331", "345")]


def test_no_placeholder_entry_for_a_reference_list_not_in_the_source(trees):
    """The article cites sources 1, 3, 12–19 of a list the extract does not hold: no entry is made up."""
    assert trees[URUMQI].findall(".//t:listBibl", NS) == []
    assert b"Source 1" not in etree.tostring(trees[URUMQI])


def test_thesis_footnotes_citing_dvp_carry_volume_and_page(trees):
    with_volume_and_page = 0
    keys = set()
    for note in trees[THESIS].findall(".//t:body//t:note", NS):
        for bibl in note.findall(".//t:bibl[@type='dvp']", NS):
            volume = bibl.find("t:biblScope[@unit='volume']", NS)
            page = bibl.find("t:citedRange[@unit='page']", NS)
            if volume is not None and page is not None:
                with_volume_and_page += 1
                assert bibl.get("n") == f"dvp-{volume.get('n')}-{page.get('from')}"
                keys.add(bibl.get("n"))
    assert with_volume_and_page >= 120
    assert "dvp-3-406" in keys  # Т. 3. – С. 406: Lenin's report on concessions, cited twice


def test_karakhan_tagged_in_three_documents_in_different_forms(trees):
    forms = {}
    for doc_id, tree in trees.items():
        found = {text(p) for p in tree.findall(".//t:persName[@ref='registers.xml#karakhan']", NS)}
        if found:
            forms[doc_id] = found
    assert len(forms) >= 3
    every_form = {" ".join(f.split()) for f in set().union(*forms.values())}
    assert "Л.М. Карахану" in every_form  # initials go with the surname
    endings = {f.split()[-1] for f in every_form}
    assert len(endings & {"Карахан", "Карахана", "Караханом", "Карахану", "Карахане"}) >= 3
    # Places and organisations too, inflected: Синьцзяна, Внешторга.
    urumqi = {text(p) for p in trees[URUMQI].findall(".//t:placeName[@ref='registers.xml#xinjiang']", NS)}
    assert {"Синьцзян", "Синьцзяна", "Синьцзяне", "Синьцзяном"} <= urumqi
    orgs = {text(o) for o in trees[URUMQI].findall(".//t:orgName[@ref='registers.xml#vneshtorg']", NS)}
    assert "Внешторга" in orgs


def _valid_iso(value: str) -> bool:
    m = ISO.match(value)
    if not m:
        return False
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return False
    return True


def test_every_date_has_a_valid_iso_value(trees):
    count = 0
    for tree in trees.values():
        for d in tree.findall(".//t:text//t:date", NS):
            values = [d.get(a) for a in ("when", "from", "to") if d.get(a)]
            assert values and all(_valid_iso(v) for v in values), (text(d), dict(d.attrib))
            if d.get("from"):
                assert d.get("to") and d.get("from") <= d.get("to")
            count += 1
    assert count > 300


def test_a_sample_of_dates(trees):
    def dates(doc):
        return {(" ".join(text(d).split()), tuple(sorted(d.attrib.items()))) for d in
                trees[doc].findall(".//t:date", NS)}

    urumqi = dates(URUMQI)
    assert ("31 мая 1924 г.", (("when", "1924-05-31"),)) in urumqi
    assert ("августе 1923 г.", (("when", "1923-08"),)) in urumqi
    assert ("1923–1924 гг.", (("from", "1923"), ("to", "1924"))) in urumqi
    assert ("September 5, 1921", (("when", "1921-09-05"),)) in urumqi  # the English abstract
    convention = {(t.replace("\u00a0", " "), a) for t, a in dates(CONVENTION)}
    assert ("13.02.1924", (("when", "1924-02-13"),)) in convention
    assert ("20 января 1925 г.", (("when", "1925-01-20"),)) in convention
    assert any(a == (("when", "1926-04-24"),) for _, a in dates(TEXTBOOK))  # 24 апреля 1926 г.


def test_bare_numbers_are_not_dates(trees):
    dated = " | ".join(text(d) for d in trees[URUMQI].findall(".//t:date", NS))
    assert "4040" not in dated and "17391" not in dated


def test_correction_applied_with_the_original_kept(trees):
    choice = trees[URUMQI].find(".//t:body//t:choice", NS)
    assert text(choice.find("t:sic", NS)) == "Синьцзяза"
    corr = choice.find("t:corr", NS)
    assert text(corr) == "Синьцзяна"
    resp = trees[URUMQI].find(f".//t:titleStmt/t:respStmt[@{{http://www.w3.org/XML/1998/namespace}}id='"
                              f"{corr.get('resp')[1:]}']", NS)
    assert resp is not None and text(resp.find("t:name", NS)) == "diplo-edition editors"
    # The raw source is untouched: the misreading is still there.
    raw = (ROOT / "sources" / "urumqi-negotiations-1923.ru.txt").read_text(encoding="utf-8")
    assert "Синьцзяза" in raw


def test_stale_correction_fails_the_build_naming_file_and_line(tmp_path, capsys):
    project = tmp_path / "project"
    for folder in ("sources", "editions", "templates"):
        shutil.copytree(ROOT / folder, project / folder)
    edition = project / "editions" / "urumqi-negotiations-1923.yml"
    content = edition.read_text(encoding="utf-8").replace("sic: Синьцзяза", "sic: Синцзьяза")
    edition.write_text(content, encoding="utf-8")
    line = content.splitlines().index("  - sic: Синцзьяза") + 1
    assert main(["--root", str(project), "build", "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert f"editions/urumqi-negotiations-1923.yml:{line}: error: correction 'Синцзьяза'" in err
    assert not (project / "build").exists()


def test_untagged_name_candidates(results):
    candidates = untagged_candidates({doc_id: r.tei for doc_id, r in results.items()}, top=15)
    names = [c.name for c in candidates]
    assert "Россия" in names  # frequent, and not in the registers yet
    assert not {"Карахан", "Озорнин", "Япония"} & set(names)  # in the registers: tagged
    first = candidates[0]
    assert first.count >= candidates[-1].count and first.example.startswith("…")
