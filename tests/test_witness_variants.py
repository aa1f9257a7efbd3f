"""Two copies of one text that differ in their words: both readings reach the TEI, nothing is lost."""

import shutil
import textwrap

from conftest import NS, ROOT

from diplo_edition.build import process_edition
from diplo_edition.tei.balance import letter_balance

FIRST = textwrap.dedent("""\
     Первая страница текста о переговорах в Урумчи, которые
    начались в августе 1923 г. и шли долго.

    Второй абзац говорит о торговле с Синьцзяном.
""")
SECOND = FIRST.replace("шли долго", "шли очень долго")


def test_second_copy_reading_kept_as_apparatus(tmp_path):
    project = tmp_path / "project"
    (project / "sources").mkdir(parents=True)
    shutil.copytree(ROOT / "templates", project / "templates")
    (project / "editions").mkdir()
    (project / "editions" / "collection.yml").write_text(
        "title: Test\nbase_url: https://example.org/\nlanguages: [ru]\n", encoding="utf-8")
    (project / "sources" / "a.txt").write_text(FIRST, encoding="utf-8")
    (project / "sources" / "b.txt").write_text(SECOND, encoding="utf-8")
    (project / "editions" / "doc.yml").write_text(textwrap.dedent("""\
        id: doc
        supplied_title: Test document
        kind: article
        languages: [ru]
        sources:
          - file: sources/a.txt
            role: body
          - file: sources/b.txt
            role: copy
        """), encoding="utf-8")
    processed = process_edition(project, jobs=1)
    result = processed.results[0]
    from lxml import etree

    tree = etree.fromstring(result.tei)
    readings = tree.findall(".//t:body//t:app[@type='witness']/t:rdg", NS)
    assert [r.text for r in readings] == ["начались в августе 1923 г. и шли очень долго."]
    assert readings[0].get("wit") == "#doc-wit-B"
    assert "шли долго" in "".join(tree.find(".//t:body", NS).itertext())
    balance = letter_balance(result.raw_letters, result.tei, result.removed)
    assert balance.holds, str(balance)
