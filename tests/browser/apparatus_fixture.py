"""A small edition with every apparatus element of docs/TEI-ENCODING.md, for the site's tests.

The real TEI gains its apparatus step by step; this fixture has all of it now (names with register refs,
dates and ranges, archival shelfmarks with "Там же", DVP, reference-list citations, plain references,
corrections, witness readings, an unanchored note) and a registers file, so that the site's rendering of
each is tested whatever the pipeline produces today.
"""

from __future__ import annotations

from pathlib import Path

from diplo_edition.editions import ArchiveName, Collection, PrintedSeries
from diplo_edition.site import SiteReport, render_site

ROOT = Path(__file__).resolve().parents[2]
DOC_ID = "fixture-negotiations"
BASE_URL = "https://example.org/edition/"

FIXTURE_TEI = f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="ru" xml:id="{DOC_ID}">
<teiHeader>
 <fileDesc>
  <titleStmt>
   <title type="main">Переговоры в Урумчи</title>
   <author>Иванов И.И.</author>
   <respStmt xml:id="resp-editor"><resp>correction of the OCR text</resp><name>editor</name></respStmt>
  </titleStmt>
  <publicationStmt><publisher>diplo-edition</publisher>
   <idno type="URL">{BASE_URL}documents/{DOC_ID}/</idno></publicationStmt>
  <sourceDesc>
   <bibl><title>Переговоры в Урумчи</title><author>Иванов И.И.</author>
    <note type="publishedIn">Вестник истории, 2020, № 3</note><date when="2020-05">2020-05</date>
    <biblScope unit="page" from="45">45</biblScope>
    <idno type="rawSource">sources/fixture.txt</idno></bibl>
   <listWit>
    <witness xml:id="{DOC_ID}-wit-A">sources/fixture.txt, lines 1–10</witness>
    <witness xml:id="{DOC_ID}-wit-B">sources/fixture.txt, lines 11–20</witness>
   </listWit>
   <listBibl>
    <bibl n="1" xml:id="{DOC_ID}-ref-1">АВП РФ. Ф. 0100. Оп. 5. Д. 3.</bibl>
   </listBibl>
  </sourceDesc>
 </fileDesc>
 <encodingDesc><editorialDecl><correction><p>«Карахнан» → «Карахан»; editor.</p></correction></editorialDecl>
 </encodingDesc>
 <profileDesc>
  <langUsage><language ident="ru">Russian</language><language ident="en">English</language></langUsage>
  <abstract xml:lang="ru"><p>Статья о переговорах в <placeName ref="registers.xml#urumqi">Урумчи</placeName>.</p>
  </abstract>
  <abstract xml:lang="en"><p>The article is about the negotiations in Urumqi.</p></abstract>
  <textClass><catRef scheme="#document-kinds" target="#kind-article"/><keywords xml:lang="ru"><term>Синьцзян</term><term>СССР</term></keywords>
   <keywords xml:lang="en"><term>Xinjiang</term></keywords></textClass>
 </profileDesc>
</teiHeader>
<text><body>
<div><head>Введение</head>
<p xml:id="{DOC_ID}-p1"><pb n="45"/>Нарком <persName ref="registers.xml#karakhan">Л.М. Карахан</persName> писал \
<date when="1923-08-31">31 августа 1923 г.</date> в <orgName ref="registers.xml#nkid">НКИД</orgName> о делах \
в <placeName ref="registers.xml#urumqi">Урумчи</placeName>.<note place="foot" n="1" xml:id="{DOC_ID}-fn1">\
<bibl type="archival" xml:id="{DOC_ID}-arch-1"><idno type="archive">АВП РФ</idno>. Ф. <idno type="fond">0100</idno>. \
Оп. <idno type="inventory">5</idno>. Д. <idno type="file">3</idno>. \
<citedRange unit="folio" from="12" to="14">Л. 12–14</citedRange>.</bibl></note> Позже \
<persName ref="registers.xml#karakhan"><choice><sic>Карахнан</sic><corr resp="#resp-editor">Карахан</corr></choice>\
</persName> повторил это, и <choice><sic>переговры</sic><corr resp="#resp-editor">переговоры</corr></choice> \
продолжились.</p>
<p xml:id="{DOC_ID}-p2">В <date from="1921" to="1923">1921–1923 гг.</date> <pb n="46" type="inferred"/>переговоры \
шли медленно<note place="foot" n="2" xml:id="{DOC_ID}-fn2"><bibl type="archival" corresp="#{DOC_ID}-arch-1" \
xml:id="{DOC_ID}-arch-2">Там же. <citedRange unit="folio" from="20" to="20">Л. 20</citedRange>.</bibl> См. также: \
<bibl type="dvp" n="dvp-6-123"><title level="m">Документы внешней политики СССР</title>. \
<biblScope unit="volume" n="6">Т. 6</biblScope>. <citedRange unit="page" from="123" to="123">С. 123</citedRange>\
</bibl>; <persName ref="registers.xml#karakhan">Карахан</persName> об этом не писал.</note>; см. \
<bibl type="reference" corresp="#{DOC_ID}-ref-1">[1. <citedRange unit="folio" from="129" to="129">Л. 129</citedRange>]\
</bibl>.</p>
</div>
<div><head>Заключение<note place="foot" n="3" xml:id="{DOC_ID}-fn3"><bibl xml:id="{DOC_ID}-b3">\
<author>Кутаков Л.Н.</author> <title>Портсмутский мирный договор</title>. М., 1961. С. 82.</bibl></note></head>
<p xml:id="{DOC_ID}-p3"><pb/>Вывод: <app><rdg wit="#{DOC_ID}-wit-A">Синьцзян</rdg>\
<rdg wit="#{DOC_ID}-wit-B">Синцзян</rdg></app> и <persName ref="registers.xml#nobody">Некто</persName>, \
<date when="1925-01-20">20 января 1925 г.</date>.<note place="foot" n="4" type="unanchored" \
xml:id="{DOC_ID}-fn4"><bibl corresp="#{DOC_ID}-b3">Там же. С. 90.</bibl> Ещё: <bibl type="dvp" n="dvp-x-15">\
<title level="m">ДВП</title>. <citedRange unit="page" from="15" to="16">С. 15–16</citedRange></bibl>.</note></p>
</div>
</body></text>
</TEI>
""".encode()  # noqa: E501 - TEI as written, one element per line

REGISTERS_TEI = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="ru">
<teiHeader><fileDesc><titleStmt><title>Registers</title></titleStmt>
<publicationStmt><p>Test</p></publicationStmt><sourceDesc><p>Test</p></sourceDesc></fileDesc></teiHeader>
<text><body>
<div><listPerson>
 <person xml:id="karakhan"><persName type="preferred" xml:lang="ru">Карахан, Лев Михайлович</persName>
  <persName xml:lang="en">Lev Karakhan</persName><persName type="variant">Карахан Л.М.</persName>
  <birth when="1889-01-20"/><death when="1937-09-20"/><note>Заместитель наркома иностранных дел.</note>
  <idno type="wikidata">Q1camp</idno></person>
 <person xml:id="chicherin"><persName type="preferred" xml:lang="ru">Чичерин, Георгий Васильевич</persName></person>
</listPerson></div>
<div><listPlace>
 <place xml:id="urumqi"><placeName type="preferred" xml:lang="ru">Урумчи</placeName>
  <placeName xml:lang="en">Ürümqi</placeName></place>
</listPlace></div>
<div><listOrg>
 <org xml:id="nkid"><orgName type="preferred" xml:lang="ru">Народный комиссариат иностранных дел</orgName>
  <orgName type="variant">НКИД</orgName></org>
</listOrg></div>
</body></text>
</TEI>
""".encode()  # noqa: E501 - TEI as written


def collection(**changes) -> Collection:
    values = dict(
        title="Тестовое издание",
        title_en="Test Edition",
        base_url=BASE_URL,
        languages=("ru", "en"),
        publisher="diplo-edition",
        introduction="Введение в *издание* -- \"тест\".",
        about="## Editorial principles\n\nThe \"texts\" are kept as printed.",
        file=ROOT / "editions" / "collection.yml",
        series=(PrintedSeries("dvp", "Документы внешней политики СССР", ("Документы внешней политики", "ДВП"),
                              "ДВП", 0),),
        archives=(ArchiveName("АВП РФ", "Архив внешней политики Российской Федерации", 0),),
    )
    values.update(changes)
    return Collection(**values)


def render_fixture_site(out: Path, registers: bool = True) -> SiteReport:
    """The fixture edition rendered into out (with its TEI in out/tei, as the build leaves it)."""
    (out / "tei").mkdir(parents=True, exist_ok=True)
    (out / "tei" / f"{DOC_ID}.xml").write_bytes(FIXTURE_TEI)
    if registers:
        (out / "tei" / "registers.xml").write_bytes(REGISTERS_TEI)
    return render_site(out, collection(), [FIXTURE_TEI], REGISTERS_TEI if registers else None,
                       templates=ROOT / "templates")
