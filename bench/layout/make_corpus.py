"""Typesets the layout conformance corpus with LaTeX and extracts it three ways; the gold comes from TeX.

    .venv/bin/python bench/layout/make_corpus.py [--only NAME ...] [--keep-pdf DIR]

Needs pdflatex (texlive, texlive-lang-cyrillic/-french, cm-super), poppler-utils and tesseract (rus,
eng, fra). For every specification in specs.py it writes ``tex/<doc>.tex`` (latex.py), runs pdflatex three
times (footmisc's per-page numbering settles on the second run), and extracts the PDF with
``pdftotext``, ``pdftotext -raw`` and Tesseract (300 dpi, pages joined by form feeds as pdftotext does):
``raw/<doc>.<route>.txt``. The gold (``gold/<doc>.json``) is what TeX wrote at shipout through the
``\\write`` hooks of the document (pages with their printed numbers and heads, the page of every note,
marker, paragraph start and end, heading), joined with the words the generator put there. Line-end
hyphens are the one part read back from the PDF's text layer: a word printed broken at a line end is
looked up among the source words (joined: a soft hyphen; with its hyphen: a compound). CI never runs
this: it scores the committed raw files against the committed gold.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from latex import Spec, typeset_document  # noqa: E402
from specs import SPECS  # noqa: E402

HERE = Path(__file__).resolve().parent
ROUTES = ("pdftotext", "raw", "ocr")
TESSERACT_LANGS = {"ru": "rus+eng", "en": "eng", "fr": "fra+eng"}
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
BROKEN = re.compile(r"([^\W\d_]+)[-\u00ad]$")
NEXT_WORD = re.compile(r"^([^\W\d_]+)")


def run(cmd: list[str], cwd: Path, env: dict | None = None) -> str:
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, errors="replace", env=env)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-2000:]}")
    return done.stdout


def typeset(spec: Spec, work: Path) -> tuple[Path, list[list[str]], dict]:
    """The PDF, the records TeX wrote (one list of fields per line), and what the generator put in."""
    tex, plan = typeset_document(spec)
    (HERE / "tex").mkdir(exist_ok=True)
    (HERE / "tex" / f"{spec.name}.tex").write_text(tex, encoding="utf-8")
    (work / f"{spec.name}.tex").write_text(tex, encoding="utf-8")
    for _ in range(3):
        run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", f"{spec.name}.tex"], work)
    records = [line.split("|") for line in (work / f"{spec.name}.gold").read_text().splitlines() if line]
    return work / f"{spec.name}.pdf", records, plan


def ocr(pdf: Path, langs: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        run(["pdftoppm", "-r", "300", "-png", str(pdf), f"{tmp}/page"], Path(tmp))
        pages = sorted(Path(tmp).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        texts = [run(["tesseract", str(p), "-", "-l", langs], Path(tmp), env) for p in pages]
    return "".join(t.rstrip("\n") + "\n\f" for t in texts)


def extract(spec: Spec, pdf: Path) -> dict[str, str]:
    out = {
        "pdftotext": run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], pdf.parent),
        "raw": run(["pdftotext", "-enc", "UTF-8", "-raw", str(pdf), "-"], pdf.parent),
        "ocr": ocr(pdf, TESSERACT_LANGS[spec.lang]),
    }
    return out


def hyphens(raw_text: str, source_words: set[str]) -> list[dict]:
    """Line-end breaks of the PDF text layer, judged by the source words: joined or kept."""
    out = []
    lines = raw_text.replace("\f", "\n").splitlines()
    for line, nxt in zip(lines, lines[1:], strict=False):
        left, right = BROKEN.search(line.rstrip()), NEXT_WORD.match(nxt.lstrip())
        if not (left and right):
            continue
        joined = (left[1] + right[1]).lower()
        compound = f"{left[1]}-{right[1]}".lower()
        if joined in source_words and compound not in source_words:
            out.append({"left": left[1], "right": right[1], "decision": "join", "word": left[1] + right[1]})
        elif compound in source_words and joined not in source_words:
            out.append(
                {"left": left[1], "right": right[1], "decision": "keep", "word": f"{left[1]}-{right[1]}"}
            )
    return out


def gold(spec: Spec, records: list[list[str]], plan: dict, raw_text: str) -> dict:
    """The gold of a document: TeX's records (pages, and the page of every item) joined with the plan."""
    pages: list[dict] = []
    where: dict[tuple[str, str], int] = {}  # (kind, id) -> physical page
    for rec in records:
        if rec[0] == "PAGE":
            pages.append({"index": len(pages) + 1, "n": rec[1], "number": None, "head": None})
            continue
        page = len(pages)  # a non-immediate write runs while its page is shipped, after its PAGE record
        if rec[0] == "HEAD":
            pages[-1]["head"] = plan["heads"][rec[1]]
        elif rec[0] == "PNUM":
            pages[-1]["number"] = rec[1]
        elif rec[0] == "NOTE":
            where[("note", rec[1])] = page
            plan["notes"][rec[1]]["counter"] = int(rec[2])
        else:
            where[(rec[0].lower(), rec[1])] = page
    for par in plan["paragraphs"]:
        par["page_first"] = where.get(("ps", par["id"]))
        par["page_last"] = where.get(("pe", par["id"]))
    for head in plan["headings"]:
        head["page"] = where.get(("hd", head["id"]))
    notes = []
    for note_id, note in plan["notes"].items():
        label = note.pop("label", None) or spec.note_label(note.pop("counter"))
        note.pop("counter", None)
        marker_page = where.get(("mark", note_id), where.get(("note", note_id)))
        body_page = where.get(("note", note_id), where.get(("enote", note_id)))
        notes.append({"id": note_id, "label": label, "page": body_page, "marker_page": marker_page, **note})
    return {
        "doc": spec.name,
        "spec": spec.describe(),
        "languages": spec.languages,
        "pages": pages,
        "paragraphs": plan["paragraphs"],
        "headings": plan["headings"],
        "notes": notes,
        "references": plan["references"],
        "shelfmarks": plan["shelfmarks"],
        "front": plan["front"],
        "separators": plan["separators"],
        "hyphens": hyphens(raw_text, plan["words"]),
    }


def make(spec: Spec) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        pdf, records, plan = typeset(spec, Path(tmp))
        texts = extract(spec, pdf)
        plan["words"] = {w.lower() for text in plan.pop("texts") for w in WORD.findall(text)}
        data = gold(spec, records, plan, texts["raw"])
        if KEEP_PDF:
            shutil.copy(pdf, KEEP_PDF / pdf.name)
    for route, text in texts.items():
        (HERE / "raw" / f"{spec.name}.{route}.txt").write_text(text, encoding="utf-8")
    (HERE / "gold" / f"{spec.name}.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return (
        f"{spec.name}: {len(data['pages'])} pages, {len(data['notes'])} notes, {len(data['hyphens'])} hyphens"
    )


KEEP_PDF: Path | None = None


def main() -> None:
    global KEEP_PDF
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", nargs="*", help="names of the specifications to typeset")
    parser.add_argument("--keep-pdf", type=Path, help="copy the PDFs here (they are not committed)")
    args = parser.parse_args()
    KEEP_PDF = args.keep_pdf
    if KEEP_PDF:
        KEEP_PDF.mkdir(parents=True, exist_ok=True)
    (HERE / "raw").mkdir(exist_ok=True)
    (HERE / "gold").mkdir(exist_ok=True)
    specs = [s for s in SPECS if not args.only or s.name in args.only]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for line in pool.map(make, specs):
            print(line)


if __name__ == "__main__":
    main()
