"""The registers of persons, places and organisations: the real ones load, broken ones are diagnosed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from diplo_edition.diagnostics import InputError
from diplo_edition.registers import KINDS, REGISTER_FILES, Registers, load_registers

ROOT = Path(__file__).resolve().parents[1]
PERSONS = "editions/registers/persons.yml"
PLACES = "editions/registers/places.yml"
ORGS = "editions/registers/organisations.yml"


def write_registers(root: Path, **files: str) -> Path:
    """files: kind -> YAML text, written to editions/registers/<register file>."""
    registers_dir = root / "editions" / "registers"
    registers_dir.mkdir(parents=True)
    for kind, text in files.items():
        (registers_dir / REGISTER_FILES[kind]).write_text(text, encoding="utf-8")
    return root


def errors(root: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        load_registers(root)
    return [str(d) for d in info.value.diagnostics]


def one_error(root: Path) -> str:
    found = errors(root)
    assert len(found) == 1, found
    return found[0]


KARAKHAN = """\
- id: karakhan
  name: "Карахан, Лев Михайлович"
  name_en: Lev Karakhan
  dates: 1889–1937
"""


# --- the real registers ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real() -> Registers:
    return load_registers(ROOT)


def test_real_registers_load(real):
    assert len(real.of_kind("person")) >= 13
    assert len(real.of_kind("place")) >= 9
    assert len(real.of_kind("org")) >= 5
    assert [e.kind for e in real.entries] == sorted((e.kind for e in real.entries), key=KINDS.index)


def test_real_ids_unique_and_well_formed(real):
    ids = [e.id for e in real.entries]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9-]*", i) for i in ids)
    assert set(real.by_id()) == set(ids)


def test_real_variants_non_empty(real):
    for entry in real.entries:
        assert entry.variants, entry.id
        assert all(v.strip() == v and v for v in entry.variants), entry.id
        assert entry.wikidata is None or re.fullmatch(r"Q\d+", entry.wikidata), entry.id


def test_real_registers_contents(real):
    entries = real.by_id()
    karakhan = entries["karakhan"]
    assert karakhan.kind == "person"
    assert karakhan.name == "Карахан, Лев Михайлович"
    assert karakhan.variants == ("Карахан",)
    assert (karakhan.birth, karakhan.death) == ("1889", "1937")
    assert karakhan.file == PERSONS and karakhan.line >= 1
    assert entries["ozornin"].birth is None and entries["ozornin"].death is None
    assert "Гото" in entries["goto-shinpei"].variants
    assert "Северный Сахалин" in entries["north-sakhalin"].variants
    assert {"НКИД", "ДВР", "КВЖД"} <= {v for e in real.of_kind("org") for v in e.variants}


def test_real_names_occur_in_the_sources(real):
    """The main actors of the corpus are all in the registers and all occur in the texts."""
    text = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "sources").glob("*.txt"))
    main_actors = ("karakhan", "chicherin", "ozornin", "urumqi", "xinjiang", "nkid", "far-eastern-republic")
    for entry_id in main_actors:
        entry = real.by_id()[entry_id]
        assert any(variant in text for variant in entry.variants), entry_id


# --- defaults and accepted forms ---------------------------------------------------------------------


def test_missing_directory_is_empty(tmp_path):
    registers = load_registers(tmp_path)
    assert registers.entries == ()
    assert registers.of_kind("person") == () and registers.by_id() == {}


def test_missing_file_and_empty_file_are_empty(tmp_path):
    write_registers(tmp_path, person=KARAKHAN, place="# nothing yet\n")
    registers = load_registers(tmp_path)
    assert [e.id for e in registers.entries] == ["karakhan"]
    assert registers.of_kind("place") == () and registers.of_kind("org") == ()


def test_default_variants_and_dates(tmp_path):
    write_registers(tmp_path, person=KARAKHAN + "- id: ozornin\n  name: Озорнин, Эспер Константинович\n",
                    place="- id: urumqi\n  name: Урумчи\n")
    entries = load_registers(tmp_path).by_id()
    assert entries["karakhan"].variants == ("Карахан",)
    assert entries["karakhan"].dates == "1889–1937"
    assert entries["karakhan"].line == 1 and entries["ozornin"].line == 5
    assert entries["ozornin"].dates is None and entries["ozornin"].birth is None
    assert entries["urumqi"].variants == ("Урумчи",)
    assert entries["urumqi"].kind == "place" and entries["urumqi"].file == PLACES


@pytest.mark.parametrize(("dates", "birth", "death"), [
    ("1889–1937", "1889", "1937"),
    ("1889-1937", "1889", "1937"),
    ("1889 — 1937", "1889", "1937"),
    ("1889–?", "1889", None),
    ("?–1937", None, "1937"),
    ("1889", "1889", None),
    ("1889-02-06–1937", "1889-02-06", "1937"),
])
def test_dates_accepted(tmp_path, dates, birth, death):
    write_registers(tmp_path, person=f"- id: x\n  name: X\n  dates: '{dates}'\n")
    entry = load_registers(tmp_path).entries[0]
    assert (entry.dates, entry.birth, entry.death) == (dates, birth, death)


def test_of_kind_refuses_unknown_kind():
    with pytest.raises(ValueError):
        Registers().of_kind("persons")


# --- diagnostics -------------------------------------------------------------------------------------


def test_malformed_yaml(tmp_path):
    write_registers(tmp_path, person='- id: karakhan\n  name: "Карахан\n- id: x\n')
    message = one_error(tmp_path)
    assert message.startswith(f"{PERSONS}:")
    assert "malformed YAML" in message


def test_not_a_list(tmp_path):
    write_registers(tmp_path, place="id: urumqi\nname: Урумчи\n")
    message = one_error(tmp_path)
    assert message.startswith(f"{PLACES}:1:1: error:")
    assert "must be a list of entries" in message and "found a mapping" in message


def test_entry_not_a_mapping(tmp_path):
    write_registers(tmp_path, person=KARAKHAN + "- Чичерин\n")
    message = one_error(tmp_path)
    assert message.startswith(f"{PERSONS}:5:3:") and "mapping" in message


def test_unknown_key_with_suggestion(tmp_path):
    write_registers(tmp_path, person=KARAKHAN + "  variant: [Карахан]\n")
    message = one_error(tmp_path)
    assert message.startswith(f"{PERSONS}:5:3:")
    assert "unknown key 'variant'" in message and "did you mean 'variants'" in message


def test_missing_required_keys(tmp_path):
    write_registers(tmp_path, org="- name_en: Comintern\n")
    found = errors(tmp_path)
    assert any(m.startswith(f"{ORGS}:1:3:") and "required key 'id'" in m for m in found)
    assert any("required key 'name'" in m for m in found)


def test_duplicate_id_within_a_file(tmp_path):
    write_registers(tmp_path, person=KARAKHAN + "- id: karakhan\n  name: Другой\n")
    message = one_error(tmp_path)
    assert message.startswith(f"{PERSONS}:5:7:")
    assert f"duplicate id 'karakhan': also used in {PERSONS}:1" in message


def test_duplicate_id_across_files(tmp_path):
    write_registers(tmp_path, person=KARAKHAN, org="- id: karakhan\n  name: Карахан\n")
    message = one_error(tmp_path)
    assert message.startswith(f"{ORGS}:1:7:")
    assert f"also used in {PERSONS}:1" in message


@pytest.mark.parametrize("bad_id", ["Karakhan", "1karakhan", "kara_khan", "кара"])
def test_bad_id(tmp_path, bad_id):
    write_registers(tmp_path, person=f"- id: {bad_id}\n  name: X\n")
    message = one_error(tmp_path)
    assert message.startswith(f"{PERSONS}:1:7:")
    assert "'id' must be a lower-case slug" in message and bad_id in message


@pytest.mark.parametrize("wikidata", ["649", "q649", "Q", "https://www.wikidata.org/wiki/Q649", "Q64 9"])
def test_bad_wikidata(tmp_path, wikidata):
    write_registers(tmp_path, place=f"- id: moscow\n  name: Москва\n  wikidata: '{wikidata}'\n")
    message = one_error(tmp_path)
    assert message.startswith(f"{PLACES}:3:13:")
    assert "'wikidata' must be a Wikidata item number" in message


@pytest.mark.parametrize("dates", ["1889/1937", "c. 1880–1930", "89–37", "1937–1889", "?–?", "?", "1889–",
                                   "1889-13-01–1937", "1889–1937–1940"])
def test_bad_dates(tmp_path, dates):
    write_registers(tmp_path, person=f"- id: x\n  name: X\n  dates: '{dates}'\n")
    message = one_error(tmp_path)
    assert message.startswith(f"{PERSONS}:3:10:")
    assert "'dates' must be" in message


def test_wrong_types(tmp_path):
    write_registers(tmp_path, person="- id: x\n  name: [X]\n  variants: Икс\n  description: [b]\n")
    found = errors(tmp_path)
    assert any(m.startswith(f"{PERSONS}:2:9:") and "'name' must be text" in m for m in found)
    assert any(m.startswith(f"{PERSONS}:3:13:") and "'variants' must be a list" in m for m in found)
    assert any(m.startswith(f"{PERSONS}:4:16:") and "'description' must be text" in m for m in found)


def test_empty_variant(tmp_path):
    write_registers(tmp_path, person="- id: x\n  name: X\n  variants:\n    - Икс\n    - ''\n")
    message = one_error(tmp_path)
    assert message.startswith(f"{PERSONS}:5:7:")
    assert "an entry of 'variants' is empty" in message


def test_empty_variants_list(tmp_path):
    write_registers(tmp_path, person="- id: x\n  name: X\n  variants: []\n")
    assert "'variants' is empty" in one_error(tmp_path)


def test_description_in_two_languages(tmp_path):
    """One line per interface language (registers.xml gives each its xml:lang; the site shows the one of
    its interface: tests/browser/test_languages_browser.py)."""
    write_registers(tmp_path,
                    person="- id: x\n  name: Икс\n  description:\n    ru: Дипломат\n    en: Diplomat\n")
    (entry,) = load_registers(tmp_path).entries
    assert entry.description == (("ru", "Дипломат"), ("en", "Diplomat"))


@pytest.mark.parametrize(("description", "where", "says"), [
    ("{russian: Дипломат}", ":3:17:", "'russian' is not a BCP-47 language code"),
    ("{ru: Дипломат, ru: Посол}", ":3:31:", "gives language 'ru' twice"),
    ("{ru: [Дипломат]}", ":3:21:", "'description: ru' must be text"),
    ("{ru: ''}", ":3:21:", "'description: ru'"),
])
def test_bad_description_in_languages_is_named_at_its_line(tmp_path, description, where, says):
    write_registers(tmp_path, person=f"- id: x\n  name: Икс\n  description: {description}\n")
    message = one_error(tmp_path)
    assert message.startswith(f"{PERSONS}{where}") and says in message, message


def test_multi_line_description(tmp_path):
    write_registers(tmp_path, person="- id: x\n  name: X\n  description: |\n    one\n    two\n")
    assert "'description' must be one line" in one_error(tmp_path)


def test_misnamed_register_file(tmp_path):
    write_registers(tmp_path, person=KARAKHAN)
    (tmp_path / "editions" / "registers" / "person.yml").write_text(KARAKHAN, encoding="utf-8")
    message = one_error(tmp_path)
    assert message.startswith("editions/registers/person.yml: error:")
    assert "persons.yml" in message


def test_all_problems_reported_together(tmp_path):
    write_registers(tmp_path, person="- id: Bad\n  name: X\n- id: y\n  name: Y\n  dates: soon\n",
                    place="not: a list\n")
    found = errors(tmp_path)
    assert [m.split(": error:")[0] for m in found] == [f"{PERSONS}:1:7", f"{PERSONS}:5:10", f"{PLACES}:1:1"]
