"""A synthetic corpus for the benchmark: N documents of OCR-like raw text, recombined from the seed edition.

    .venv/bin/python bench/generate.py OUT --docs 100 [--seed 1] [--kb 100] [--force]

writes a complete project into OUT: ``sources/`` (one raw file per document), ``editions/`` (the seed's
``collection.yml`` and ``registers/``, one edition file per document), ``templates/`` (the seed's), and
``bench-corpus.json`` (what was generated: pages, footnotes and bytes of every document).

The material is the reading text of the seed edition: the real pipeline builds the seed project once and
its TEI gives clean paragraphs (with the position of every footnote), the notes and the headings. The
material is cached in ``bench/.cache/`` under a digest of the seed's inputs (sources, edition files,
registers), so the corpus stays the same while the pipeline changes; it is extracted again when the seed
inputs change (delete ``bench/.cache/`` to extract it with the current pipeline). The SHA-256 of the
material is recorded in ``bench-corpus.json``: the same seed, size and material digest give the same corpus.

Every document is laid out as an OCR'd print: lines of 60-75 characters with soft line-end hyphens
(split at a vowel-consonant boundary) and hard ones (compounds broken at their hyphen), paragraphs
separated by one blank line, pages of 40-45 lines whose first line begins with a space, page-bottom
footnote blocks numbered through the document whose markers are glued to a word (``ноту12``), now and then
a printed page number alone between blank lines at the foot of a page, and headings ``Глава N. …`` or
``N.M. …``. Document k depends only on the seed and k (its own random generator), so the same seed gives
byte-identical files, and the first 10 documents of a 100-document corpus are the 10-document corpus.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

SEED_ROOT = Path(__file__).resolve().parents[1]
CACHE_DIR = Path(__file__).resolve().parent / ".cache"
MANIFEST = "bench-corpus.json"
# Bump when the extraction below changes, so that cached material is not reused.
MATERIAL_VERSION = 1

TEI_NS = "{http://www.tei-c.org/ns/1.0}"
# Elements whose text is not what the source printed in the running text.
SKIPPED = {"pb", "cb", "fw", "app", "corr"}
NOTE_MARK = "\ue000"
WHITESPACE = re.compile(r"[^\S\u00a0]+")  # white space except the no-break space, which binds its words
# A footnote marker glued to a word needs a letter or one of these before it (see layout/footnotes.py).
GLUE_AFTER = set('»"”’).,;:!?]')
HEADING_PREFIX = re.compile(
    r"^(?:(?:Глава|ГЛАВА|Раздел|РАЗДЕЛ|Часть|ЧАСТЬ|Chapter|CHAPTER)\s+\S+|\d{1,2}(?:\.\d{1,2})*\.?)\s*"
)
SENTENCE_END = re.compile(r"[.!?…][»\"”)]*$")
VOWELS = set("аеёиоуыэюяАЕЁИОУЫЭЮЯaeiouyAEIOUY")
NOT_AFTER_BREAK = set("ьъйЬЪЙ")  # letters that do not open the second part of a broken word
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
LETTER = re.compile(r"[^\W\d_]")


# --- the material: paragraphs, notes and headings of the seed edition ------------------------------

Token = tuple[str, str | None]  # a word as printed, and the note whose marker follows it (or None)


@dataclass
class Material:
    paragraphs: list[list[Token]]
    notes: list[str]
    headings: list[str]

    def as_json(self) -> dict:
        return {"paragraphs": self.paragraphs, "notes": self.notes, "headings": self.headings}

    @property
    def digest(self) -> str:
        """SHA-256 of the material: two corpora with the same seed, size and digest are identical."""
        data = json.dumps(self.as_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(data.encode()).hexdigest()


def _seed_inputs(root: Path) -> list[Path]:
    files = [p for p in sorted((root / "sources").iterdir()) if p.is_file()]
    files += sorted((root / "editions").glob("*.yml"))
    files += sorted((root / "editions" / "registers").glob("*.yml"))
    return files


def inputs_digest(root: Path) -> str:
    h = hashlib.sha256(f"material-v{MATERIAL_VERSION}\n".encode())
    for path in _seed_inputs(root):
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _flatten(el, notes: list[str] | None) -> str:
    """Text of an element as printed; each note becomes NOTE_MARK and its text goes to ``notes``."""
    out = [el.text or ""]
    for child in el:
        name = _local(child.tag)
        if name == "note" and notes is not None:
            notes.append(" ".join(WHITESPACE.split(_flatten(child, None))).strip())
            out.append(NOTE_MARK)
        elif name and name not in SKIPPED and name != "note":
            out.append(_flatten(child, notes))
        out.append(child.tail or "")
    return "".join(out)


def _glue_ok(word: str) -> bool:
    return bool(word) and (word[-1].isalpha() or word[-1] in GLUE_AFTER)


def _tokens(text: str, notes: list[str]) -> list[Token]:
    """Words of a paragraph, each note attached to the word its marker can be glued to."""
    words: list[list] = []
    pending = iter(notes)
    for raw in WHITESPACE.split(text):
        marks = raw.count(NOTE_MARK)
        word = raw.replace(NOTE_MARK, "")
        if word:
            words.append([word, None])
        for _ in range(marks):
            note = next(pending)
            # The nearest word before the marker that can carry a glued marker and carries none yet.
            for k in range(len(words) - 1, max(len(words) - 6, -1), -1):
                if words[k][1] is None and _glue_ok(words[k][0]):
                    words[k][1] = note
                    break
    return [(w, n) for w, n in words]


def _usable(tokens: list[Token]) -> bool:
    text = " ".join(w for w, _ in tokens)
    letters = LETTER.findall(text)
    cyrillic = CYRILLIC.findall(text)
    return (
        len(tokens) >= 4
        and not tokens[0][0][0].isdigit()  # a line that opens with a number reads as a footnote label
        and len(cyrillic) >= 0.5 * max(len(letters), 1)
    )


def extract_material(root: Path = SEED_ROOT) -> Material:
    """Process the seed documents with the real pipeline and take their paragraphs, notes and headings.

    Only the documents' TEI is needed: each is made as the test suite makes it (``process_document``),
    without the validation and the site of a full build.
    """
    from lxml import etree

    from diplo_edition.apparatus.mentions import build_matcher
    from diplo_edition.corpus import gather_lexicon
    from diplo_edition.editions import load_edition
    from diplo_edition.pipeline import process_document
    from diplo_edition.registers import load_registers

    edition = load_edition(root)
    lexicon = gather_lexicon(edition)
    matcher = build_matcher(load_registers(root))
    results = [process_document(doc, edition.collection, lexicon, matcher) for doc in edition.documents]
    paragraphs: list[list[Token]] = []
    all_notes: list[str] = []
    headings: list[str] = []
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    for result in sorted(results, key=lambda r: r.id):
        tree = etree.fromstring(result.tei, parser)
        body = tree.find(f"{TEI_NS}text/{TEI_NS}body")
        if body is None:
            continue
        for el in body.iter(f"{TEI_NS}p", f"{TEI_NS}head"):
            notes: list[str] = []
            text = _flatten(el, notes)
            if _local(el.tag) == "head":
                title = HEADING_PREFIX.sub("", " ".join(WHITESPACE.split(text.replace(NOTE_MARK, ""))))
                title = title.strip(" .:;,")
                if 3 <= len(title) <= 70 and not title[0].isdigit():
                    headings.append(title)
                continue
            tokens = _tokens(text.strip(), notes)
            all_notes.extend(n for _, n in tokens if n)
            if _usable(tokens):
                paragraphs.append(tokens)
    all_notes = [n for n in all_notes if n and not n[0].isdigit()]
    return Material(paragraphs, all_notes, headings)


def load_material(root: Path = SEED_ROOT, cache: Path | None = CACHE_DIR) -> Material:
    """The material of the seed edition, from the cache if the seed inputs have not changed."""
    digest = inputs_digest(root)
    path = cache / f"material-{digest[:20]}.json" if cache is not None else None
    if path is not None and path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
        return Material([[(w, n) for w, n in p] for p in data["paragraphs"]], data["notes"], data["headings"])
    material = extract_material(root)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"inputs_digest": digest, **material.as_json()}
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".material-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)  # atomic: concurrent runs never read half a file
    return material


# --- line breaking -------------------------------------------------------------------------------------

Piece = tuple[str, int]  # text, and the number of the footnote whose marker ends it (0: none)


def _soft_split(word: str, room: int) -> tuple[str, str] | None:
    """Break a long word at a vowel-consonant boundary so that the first part and '-' fit in ``room``."""
    m = re.match(r"^([«\"(]?)([^\W\d_]+)", word)
    if m is None or len(m.group(2)) < 6:
        return None
    start, end = m.start(2), m.end(2)
    for k in range(min(end - 2, room - 1), start + 1, -1):
        left, right = word[start:k], word[k:end]
        if (
            word[k - 1] in VOWELS
            and word[k] not in VOWELS
            and word[k] not in NOT_AFTER_BREAK
            and any(c in VOWELS for c in right)
            and len(left) >= 2
        ):
            return word[:k] + "-", word[k:]
    return None


def _hard_split(word: str, room: int) -> tuple[str, str] | None:
    """Break a compound at its own hyphen (советско-|японских) if the first part fits in ``room``."""
    for m in re.finditer(r"(?<=[^\W\d_])-(?=[^\W\d_])", word):
        if m.end() <= room:
            return word[: m.end()], word[m.end() :]
    return None


Line = tuple[str, list[int]]  # text, and the numbers of the footnotes whose markers it holds


def wrap(pieces: list[Piece], width: int, rng: random.Random, hyphenate: float) -> list[Line]:
    """Lines of at most ``width`` characters (a long word alone may be longer), with the notes of each.

    No line begins with a digit (it would read as a footnote label) or consists of a number alone.
    """
    lines: list[Line] = []
    cur: list[Piece] = []
    length = 0
    queue = deque(pieces)

    def flush(keep: int) -> None:
        nonlocal cur, length
        done, cur = cur[:keep], cur[keep:]
        lines.append((" ".join(t for t, _ in done), [n for _, n in done if n]))
        length = sum(len(t) for t, _ in cur) + max(len(cur) - 1, 0)

    while queue:
        text, note = queue.popleft()
        need = len(text) if not cur else length + 1 + len(text)
        if need <= width or not cur:
            cur.append((text, note))
            length = need
            continue
        room = width - length - 1
        split = _hard_split(text, room) if "-" in text else None
        if split is None and rng.random() < hyphenate:
            split = _soft_split(text, room)
        if split is not None:
            cur.append((split[0], 0))
            flush(len(cur))
            queue.appendleft((split[1], note))
            continue
        if text[0].isdigit():
            # Carry the words before the number over, so that the next line opens with a word.
            keep = max((k for k in range(1, len(cur)) if not cur[k][0][0].isdigit()), default=0)
            if keep == 0:
                cur.append((text, note))  # nothing to carry: the line runs long
                length = need
                continue
            flush(keep)
            cur.append((text, note))
            length = length + 1 + len(text)
            continue
        flush(len(cur))
        queue.appendleft((text, note))
    if cur:
        flush(len(cur))
    return lines


# --- documents ------------------------------------------------------------------------------------------


@dataclass
class _Style:
    width: int
    trailing_space: bool
    blank_before_notes: bool
    hyphenate: float
    extra_notes: float
    page_numbers: float
    first_page: int


@dataclass
class _Layout:
    """Pages of one document being filled line by line."""

    style: _Style
    rng: random.Random
    pages: list[tuple[list[str], list[str]]] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    page_len: int = 42
    next_note: int = 1
    size: int = 0
    headings: int = 0

    def __post_init__(self) -> None:
        self.page_len = self.rng.randint(40, 45)

    def used(self) -> int:
        return len(self.body) + len(self.notes) + (1 if self.notes and self.style.blank_before_notes else 0)

    def finish_page(self) -> None:
        while self.body and not self.body[-1]:
            self.body.pop()
        if self.body:
            self.pages.append((self.body, self.notes))
        self.body, self.notes = [], []
        self.page_len = self.rng.randint(40, 45)

    def separate(self) -> None:
        if self.body and self.body[-1]:
            self.body.append("")

    def note_lines(self, n: int, text: str) -> list[str]:
        pieces = [(w, 0) for w in WHITESPACE.split(text) if w]
        lines = [t for t, _ in wrap([(str(n), 0), *pieces], self.style.width, self.rng, 0.5)]
        return lines[:5]  # a long note is cut to five lines: a page-bottom block stays short

    def add_lines(self, lines: list[Line], notes: dict[int, str]) -> None:
        for text, numbers in lines:
            extra = [x for n in numbers for x in self.note_lines(n, notes[n])]
            if self.body and (
                self.used() + 1 + len(extra) > self.page_len or len(self.notes) + len(extra) > 24
            ):
                self.finish_page()
            self.body.append(text)
            self.notes.extend(extra)
            self.size += len(text.encode()) + sum(len(x.encode()) for x in extra)

    def add_heading(self, text: str) -> None:
        if self.body and self.page_len - self.used() < 6:
            self.finish_page()
        self.separate()
        self.body.append(text)
        self.body.append("")
        self.size += len(text.encode())
        self.headings += 1

    def add_paragraph(self, tokens: list[Token]) -> None:
        pieces: list[Piece] = []
        notes: dict[int, str] = {}
        for word, note in tokens:
            if note:
                n = self.next_note
                self.next_note += 1
                notes[n] = note
                pieces.append((word + str(n), n))
            else:
                pieces.append((word, 0))
        self.separate()
        self.add_lines(wrap(pieces, self.style.width, self.rng, self.style.hyphenate), notes)

    def render(self) -> str:
        self.finish_page()
        out: list[str] = []
        end = " " if self.style.trailing_space else ""
        for k, (body, notes) in enumerate(self.pages):
            out.append(" " + body[0] + end)  # a page opens with a line that begins with a space
            out.extend(line + end if line else "" for line in body[1:])
            if notes and self.style.blank_before_notes:
                out.append("")
            out.extend(line + end for line in notes)
            if k + 1 < len(self.pages) and self.rng.random() < self.style.page_numbers:
                out.extend(["", str(self.style.first_page + k), ""])
        return "\n".join(out) + "\n"


def _sentences(tokens: list[Token]) -> list[list[Token]]:
    out: list[list[Token]] = [[]]
    for k, (word, note) in enumerate(tokens):
        out[-1].append((word, note))
        nxt = tokens[k + 1][0] if k + 1 < len(tokens) else ""
        core = word.rstrip('.!?…»"”)')
        if SENTENCE_END.search(word) and nxt[:1].isupper() and len(core) >= 3 and not core.isupper():
            out.append([])
    return [s for s in out if len(s) >= 4 and not s[0][0][0].isdigit()]


def _heading_title(material: Material, rng: random.Random) -> str:
    if material.headings and rng.random() < 0.5:
        title = rng.choice(material.headings)
    else:
        tokens = rng.choice(material.paragraphs)
        title = " ".join(w for w, _ in tokens[: rng.randint(3, 8)])
    title = title.strip(" .:;,–—-")
    words = title.split(" ")
    while len(" ".join(words)) > 60 and len(words) > 1:
        words.pop()
    title = " ".join(words).strip(" .:;,–—-") or "Продолжение"
    return title[0].upper() + title[1:]


def _with_extra_notes(tokens: list[Token], material: Material, rng: random.Random, p: float) -> list[Token]:
    """Add notes of the seed at sentence ends, so that most pages have a footnote block."""
    out = []
    for k, (word, note) in enumerate(tokens):
        if note is None and material.notes and SENTENCE_END.search(word) and rng.random() < p:
            nxt = tokens[k + 1][0] if k + 1 < len(tokens) else "Конец"
            if nxt[:1].isupper() and len(word.rstrip('.!?…»"”)')) >= 3:
                note = rng.choice(material.notes)
        out.append((word, note))
    return out


@dataclass
class GeneratedDocument:
    id: str
    kind: str
    source: str
    text: str
    edition: str
    pages: int
    footnotes: int
    headings: int


def _supplied_title(tokens: list[Token]) -> str:
    words = [w for w, _ in tokens[:8]]
    title = " ".join(words).strip(" .,;:–—-[]()«»\"")
    return f"{title} …"


def generate_document(index: int, doc_id: str, material: Material, seed: int, kb: float) -> GeneratedDocument:
    rng = random.Random(f"diplo-bench:{seed}:{index}")
    style = _Style(
        width=rng.randint(60, 75),
        trailing_space=rng.random() < 0.6,
        blank_before_notes=rng.random() < 0.3,
        hyphenate=rng.uniform(0.5, 0.9),
        extra_notes=rng.uniform(0.06, 0.15),
        page_numbers=rng.uniform(0.05, 0.3),
        first_page=rng.randint(1, 300),
    )
    kind = rng.choice(["thesis", "article"])
    target = kb * 1000 * rng.uniform(0.8, 1.2)
    layout = _Layout(style, rng)
    order: list[int] = []
    chapter = section = 0
    first_tokens: list[Token] | None = None
    while layout.size < target:
        r = rng.random()
        if (first_tokens is None and r < 0.6) or r < 0.03:
            chapter += 1
            section = 0
            layout.add_heading(f"Глава {chapter}. {_heading_title(material, rng)}")
        elif r < 0.1:
            section += 1
            layout.add_heading(f"{max(chapter, 1)}.{section}. {_heading_title(material, rng)}")
        if rng.random() < 0.2:
            # A paragraph recombined from sentences of several seed paragraphs.
            tokens = []
            for _ in range(rng.randint(2, 5)):
                sentences = _sentences(rng.choice(material.paragraphs))
                if sentences:
                    tokens.extend(rng.choice(sentences))
            if not tokens:
                continue
        else:
            if not order:
                order = list(range(len(material.paragraphs)))
                rng.shuffle(order)
            tokens = material.paragraphs[order.pop()]
        tokens = _with_extra_notes(tokens, material, rng, style.extra_notes)
        if first_tokens is None:
            first_tokens = tokens
        layout.add_paragraph(tokens)
    text = layout.render()
    source = f"sources/{doc_id}.{kind}.ru.txt"
    edition = "\n".join(
        [
            f"# Synthetic benchmark document {index} (bench/generate.py, seed {seed}): recombined seed text.",
            f"id: {doc_id}",
            "title: null",
            f"supplied_title: {json.dumps(_supplied_title(first_tokens or []), ensure_ascii=False)}",
            "authors: []",
            f"kind: {kind}",
            "languages: [ru]",
            "date: null",
            "published_in: null",
            f"first_page: {style.first_page}",
            "sources:",
            f"  - file: {source}",
            "    role: body",
            "",
        ]
    )
    return GeneratedDocument(
        doc_id, kind, source, text, edition, len(layout.pages), layout.next_note - 1, layout.headings
    )


def document_ids(docs: int) -> list[str]:
    width = max(4, len(str(docs)))
    return [f"synthetic-{k:0{width}d}" for k in range(1, docs + 1)]


def generate(
    out: Path,
    docs: int,
    seed: int = 1,
    kb: float = 100,
    root: Path = SEED_ROOT,
    material: Material | None = None,
    force: bool = False,
) -> dict:
    """Write a project of ``docs`` synthetic documents into ``out``; returns the manifest."""
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        if not force:
            raise FileExistsError(f"{out} is not empty; choose an empty directory or pass --force")
        shutil.rmtree(out)
    material = material or load_material(root)
    (out / "sources").mkdir(parents=True)
    (out / "editions").mkdir()
    shutil.copy2(root / "editions" / "collection.yml", out / "editions" / "collection.yml")
    shutil.copytree(root / "editions" / "registers", out / "editions" / "registers")
    shutil.copytree(root / "templates", out / "templates")
    entries = []
    for index, doc_id in enumerate(document_ids(docs), start=1):
        doc = generate_document(index, doc_id, material, seed, kb)
        data = doc.text.encode("utf-8")
        (out / doc.source).write_bytes(data)
        (out / "editions" / f"{doc.id}.yml").write_text(doc.edition, encoding="utf-8")
        entries.append(
            {
                "id": doc.id,
                "kind": doc.kind,
                "source": doc.source,
                "bytes": len(data),
                "pages": doc.pages,
                "footnotes": doc.footnotes,
                "headings": doc.headings,
            }
        )
    manifest = {
        "generator": "bench/generate.py",
        "seed": seed,
        "docs": docs,
        "kb_per_document": kb,
        "material_digest": material.digest,
        "material": {
            "paragraphs": len(material.paragraphs),
            "notes": len(material.notes),
            "headings": len(material.headings),
        },
        "bytes": sum(e["bytes"] for e in entries),
        "documents": entries,
    }
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="directory to write the project into (empty or new)")
    parser.add_argument("--docs", type=int, default=10, help="number of documents (default: 10)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument(
        "--kb", type=float, default=100, help="mean KB of raw text per document (default: 100)"
    )
    parser.add_argument("--root", type=Path, default=SEED_ROOT, help="seed project (default: the repository)")
    parser.add_argument("--force", action="store_true", help="replace OUT if it is not empty")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        manifest = generate(args.out, args.docs, args.seed, args.kb, args.root.resolve(), force=args.force)
    except FileExistsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    docs = manifest["documents"]
    print(
        f"generated {len(docs)} documents into {args.out}: {manifest['bytes'] / 1e6:.1f} MB, "
        f"{sum(d['pages'] for d in docs)} pages, {sum(d['footnotes'] for d in docs)} footnotes, "
        f"in {elapsed:.1f} s (seed {args.seed}, material {manifest['material_digest'][:12]})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
