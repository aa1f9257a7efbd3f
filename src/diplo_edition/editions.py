"""Loading the editors' YAML: ``editions/collection.yml`` and one ``editions/<document>.yml`` per document.

The YAML is composed into nodes (never constructed into Python objects) so that every value keeps its
line and column, and so that no tag can make the loader run code. Every key is declared once, with its
conversion, in ``config/schema.py``; here the values are checked across keys and files and turned into
the dataclasses below, and every problem found in every file is collected before one ``InputError`` is
raised.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .config.base import Entry, Reading
from .config.schema import COLLECTION, DOCUMENT, MAX_SOURCE_MEGABYTES, PART_KILOBYTES, SEARCH_SHARD_SIZE
from .config.schema import KINDS as KINDS  # re-exported: the kinds of document
from .config.schema import ROLES as ROLES  # re-exported: the roles of a source
from .diagnostics import Diagnostic, InputError
from .yamlfile import Items, YamlFile, compose, display_name, is_null, line_of

COLLECTION_FILE = "collection.yml"
# The site's own top-level folders (site/urls.py): a series' concordance, at <id>/, must take none of them.
SITE_FOLDERS = ("documents", "persons", "places", "organisations", "archives", "chronology", "works-cited",
                "about", "search", "static", "tei", "pagefind", "cite")


@dataclass(frozen=True)
class SourceRef:
    path: Path  # absolute, resolved, inside the project's sources/ directory
    rel: str  # as written in the edition file
    role: str  # one of ROLES
    lang: str | None  # None: the document's first language
    line: int  # line of the edition file where this source entry starts


@dataclass(frozen=True)
class LayoutHints:
    """What layout detection cannot settle, declared in the document file (``layout:``); empty: detect."""

    running_heads: tuple[str, ...] = ()  # running heads as printed
    endnote_titles: tuple[str, ...] = ()  # titles of endnote sections the language packs do not know
    note_markers: tuple[str, ...] = ()  # the styles of the notes' labels (config NOTE_LABEL_STYLES)
    notes_restart: str | None = None  # "page": the numbering starts again on every page; "document": never
    line: int = 0  # where `layout:` stands in the edition file


@dataclass(frozen=True)
class Correction:
    sic: str
    corr: str
    note: str | None
    resp: str
    line: int


@dataclass(frozen=True)
class DocumentEdition:
    # The fields up to notes are the keys of a document file (config/schema.py DOCUMENT).
    id: str
    title: str | None
    supplied_title: str | None
    authors: tuple[str, ...]
    kind: str
    languages: tuple[str, ...]
    date: str | None
    published_in: str | None
    first_page: int | None
    sources: tuple[SourceRef, ...]
    references: dict[int, str]
    corrections: tuple[Correction, ...]
    notes: str | None
    file: Path
    line_of: dict[str, int]
    disable_passes: tuple[str, ...] = ()  # names of passes switched off for this document
    layout: LayoutHints = LayoutHints()


@dataclass(frozen=True)
class PrintedSeries:
    """A printed series of documents that citations name by volume and page (e.g. the DVP)."""

    id: str  # slug: the series' concordance page is <id>/index.html
    title: str  # the full title, as the concordance is headed
    names: tuple[str, ...]  # how citations name it: the title's words and abbreviations, as printed
    short: str | None  # a short label for the navigation (e.g. ДВП)
    line: int


@dataclass(frozen=True)
class ArchiveName:
    """An archive that shelfmarks name by its abbreviation (e.g. АВП РФ)."""

    abbreviation: str
    name: str
    line: int


@dataclass(frozen=True)
class Collection:
    # The fields but file are the keys of collection.yml (config/schema.py COLLECTION).
    title: str
    title_en: str | None
    base_url: str
    languages: tuple[str, ...]
    publisher: str | None
    introduction: str | None
    about: str | None
    file: Path
    series: tuple[PrintedSeries, ...] = ()
    archives: tuple[ArchiveName, ...] = ()
    disable_passes: tuple[str, ...] = ()  # names of passes switched off for every document
    max_source_megabytes: int = MAX_SOURCE_MEGABYTES  # the largest raw file read
    editors: tuple[str, ...] = ()  # the edition's editors as citations name them
    published: str | None = None  # when the edition was first published online (ISO 8601)
    interface_languages: tuple[str, ...] = ()  # the site's interface languages, the default first
    licence: str | None = None  # the licence of the edition
    texts_licence: str | None = None  # the rights in the texts edited
    search_shard_size: int = SEARCH_SHARD_SIZE  # documents per shard of the search index, about
    part_kilobytes: int = PART_KILOBYTES  # the reading text a document page holds, about

    def title_in(self, lang: str) -> str:
        """The title in ``lang`` as collection.yml declares it (``title`` is in the collection's first
        language, ``title_en`` in English), else the title."""
        return self.title_en if lang == "en" and self.title_en else self.title


@dataclass(frozen=True)
class Edition:
    collection: Collection
    documents: tuple[DocumentEdition, ...]


# --- collection.yml ----------------------------------------------------------------------------------


def _read_collection(f: YamlFile, root: Path) -> Collection | None:
    if not f.path.is_file():
        f.error(None, "not found; create it with at least 'title:', 'base_url:' and 'languages:'")
        return None
    root_node = compose(f)
    if root_node is None:
        return None
    read = COLLECTION.read(Reading(f, root), root_node)
    if read is None or not read.ok:
        return None
    values = read.values
    series = tuple(PrintedSeries(**e.values, line=e.line) for e in values.pop("series") if e.ok)
    archives = tuple(ArchiveName(**e.values, line=e.line) for e in values.pop("archives") if e.ok)
    # An interface language after the first has its pages under <code>/ (site/interface.py).
    taken = [s for s in series if s.id in (*SITE_FOLDERS, *values["interface_languages"][1:])]
    for s in taken:
        message = (f"series id '{s.id}' is the site's own folder {s.id}/; its concordance needs a folder "
                   "of its own: choose another id (e.g. the series' abbreviation)")
        f.diagnostics.append(Diagnostic(f.name, s.line, message))
    if taken:
        return None
    return Collection(**values, series=series, archives=archives, file=f.path)


# --- document files ----------------------------------------------------------------------------------


@dataclass
class _Draft:
    """What one document file gave, even when it has errors, for the checks across files."""

    file: YamlFile
    id: str | None = None
    id_line: int | None = None
    sources: tuple[SourceRef, ...] = ()
    document: DocumentEdition | None = None


def _read_document(f: YamlFile, root: Path) -> _Draft:
    draft = _Draft(f)
    root_node = compose(f)
    if root_node is None:
        return draft
    errors_before = len(f.diagnostics)
    read = DOCUMENT.read(Reading(f, root), root_node)
    if read is None:
        return draft
    items, values = read.items, read.values
    if not any(key in items and not is_null(items[key][1]) for key in ("title", "supplied_title")):
        f.error(root_node, "the document has no 'title'; if the source prints none, add 'supplied_title:' "
                           "with a short descriptive title, without brackets (they are added on display)")
    draft.id = values["id"]
    draft.id_line = line_of(items["id"][0]) if "id" in items else None
    draft.sources = _sources(f, items, values["sources"])
    document = DocumentEdition(
        **{**values, "sources": draft.sources, "corrections": _corrections(f, values["corrections"]),
           "layout": _layout(values["layout"])},
        file=f.path,
        line_of={key: line_of(key_node) for key, (key_node, _) in items.items()},
    )
    # Built either way so every field is checked; handed on only when the file had no problem at all.
    if len(f.diagnostics) == errors_before:
        draft.document = document
    return draft


def _sources(f: YamlFile, items: Items, entries: tuple[Entry, ...]) -> tuple[SourceRef, ...]:
    """The document's sources; a raw file listed twice, and a list without a body, are refused."""
    if "sources" not in items or not entries:
        return ()
    node = items["sources"][1]
    refs: list[SourceRef] = []
    for entry in entries:
        source = entry.values["file"]
        earlier = next((ref for ref in refs if source is not None and ref.path == source.path), None)
        if earlier is not None:
            f.error(entry.items["file"][1],
                    f"source '{source.rel}' is also at line {earlier.line}; list it once")
        elif entry.ok:
            refs.append(SourceRef(path=source.path, rel=source.rel, role=entry.values["role"],
                                  lang=entry.values["lang"], line=entry.line))
    # An entry that is no mapping, or whose role was missing or misspelt, is reported already; it may
    # well be the body.
    roles = [entry.values["role"] for entry in entries]
    understood = len(entries) == len(node.value) and None not in roles
    if "tei" in roles and len(node.value) > 1:
        f.error(node, "a source with role 'tei' is the whole document (a TEI file corrected by hand); "
                      "list it alone, without body, abstract or copy")
    elif understood and "body" not in roles and "tei" not in roles:
        f.error(node, "no source has role 'body'; mark the file with the document's text as 'role: body'")
    return tuple(refs)


def _layout(entry: Entry | None) -> LayoutHints:
    return LayoutHints(**entry.values, line=entry.line) if entry is not None and entry.ok else LayoutHints()


def _corrections(f: YamlFile, entries: tuple[Entry, ...]) -> tuple[Correction, ...]:
    corrections = []
    for entry in entries:
        sic, corr = entry.values["sic"], entry.values["corr"]
        if sic is not None and sic == corr:
            f.error(entry.items["corr"][1],
                    "'corr' is the same as 'sic'; remove the correction or fix 'corr'")
        elif entry.ok:
            corrections.append(Correction(**entry.values, line=entry.line))
    return tuple(corrections)
# --- the whole edition -------------------------------------------------------------------------------


def _check_across(drafts: list[_Draft]) -> None:
    """Ids must be unique, and a raw file can be the body text of one document only."""
    first_id: dict[str, _Draft] = {}
    first_body: dict[Path, tuple[_Draft, SourceRef]] = {}
    for draft in drafts:
        if draft.id is not None and draft.id_line is not None:
            if draft.id in first_id:
                other = first_id[draft.id]
                draft.file.diagnostics.append(Diagnostic(
                    draft.file.name, draft.id_line,
                    f"duplicate id '{draft.id}': also used in {other.file.name}:{other.id_line}; "
                    "give each document its own id"))
            else:
                first_id[draft.id] = draft
        for ref in draft.sources:
            if ref.role != "body":
                continue
            if ref.path in first_body:
                other, other_ref = first_body[ref.path]
                draft.file.diagnostics.append(Diagnostic(
                    draft.file.name, ref.line,
                    f"source '{ref.rel}' is already the body of {other.file.name}:{other_ref.line}; "
                    "a raw file can be the body of one document only (use role 'copy' or 'abstract')"))
            else:
                first_body[ref.path] = (draft, ref)


def _document_files(root: Path, editions_dir: Path) -> tuple[list[Path], list[Diagnostic]]:
    diagnostics = [
        Diagnostic(display_name(path, root), None,
                   f"edition files must end in .yml; rename it to {path.stem}.yml or it will be ignored")
        for path in sorted(editions_dir.glob("*.yaml"))
    ]
    paths = sorted(path for path in editions_dir.glob("*.yml") if path.name != COLLECTION_FILE)
    if not paths:
        diagnostics.append(Diagnostic(display_name(editions_dir, root), None,
                                      "no document files; add one editions/<id>.yml per edited document"))
    return paths, diagnostics


def load_edition(project_root: Path) -> Edition:
    """Read and check editions/collection.yml and every other editions/*.yml (sorted by name).

    Raises InputError carrying every problem found in every file.
    """
    root = Path(project_root).resolve()
    editions_dir = root / "editions"
    if not editions_dir.is_dir():
        raise InputError([Diagnostic(display_name(editions_dir, root), None,
                                     "directory not found; create editions/ with collection.yml in it")])
    collection_path = editions_dir / COLLECTION_FILE
    collection_file = YamlFile(collection_path, display_name(collection_path, root))
    collection = _read_collection(collection_file, root)
    paths, diagnostics = _document_files(root, editions_dir)
    drafts = [_read_document(YamlFile(path, display_name(path, root)), root) for path in paths]
    _check_across(drafts)
    for f in [collection_file, *(draft.file for draft in drafts)]:
        diagnostics.extend(sorted(f.diagnostics, key=lambda d: (d.line or 0, d.column or 0)))
    if diagnostics or collection is None:
        raise InputError(diagnostics)
    documents = sorted((draft.document for draft in drafts if draft.document is not None), key=lambda d: d.id)
    return Edition(collection=collection, documents=tuple(documents))
