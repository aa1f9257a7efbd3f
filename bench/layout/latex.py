"""The LaTeX source of a document of the conformance corpus, with the hooks that write its gold.

``typeset_document`` writes the LaTeX source of a specification (``Spec``) with ``\\write`` hooks that
record, at shipout, every page (printed number, head) and the page of every paragraph start and end,
heading, note and marker; and returns the plan: the words it put at each of those places.
"""

from __future__ import annotations

import random
import re
from dataclasses import asdict, dataclass, field

import prose

FNSYMBOLS = ["*", "†", "‡", "§", "¶", "‖", "**", "††", "‡‡"]
BABEL = {"ru": "english,russian", "en": "english", "fr": "french"}
FONTENC = {"ru": "T1,T2A", "en": "T1", "fr": "T1"}
SECTIONS = {
    "ru": [
        "Исторический контекст",
        "Переговоры и их участники",
        "Торговые интересы",
        "Итоги и последствия",
        "Источники исследования",
    ],
    "en": ["Historical background", "The negotiators", "Trade and credit", "Outcome of the talks"],
    "fr": ["Le contexte historique", "Les négociateurs", "Commerce et crédit", "Le bilan des pourparlers"],
}
WORDS = {
    "ru": {
        "intro": "ВВЕДЕНИЕ",
        "chapter": "Глава",
        "outro": "ЗАКЛЮЧЕНИЕ",
        "notes": "Примечания",
        "comments": "Комментарии",
        "abstract": "Аннотация.",
        "keywords": "Ключевые слова:",
        "refs_numbered": "Список литературы",
        "refs_alpha": "Источники и литература",
        "page": "с.",
    },
    "en": {
        "notes": "Notes",
        "abstract": "Abstract.",
        "keywords": "Keywords:",
        "refs_numbered": "References",
        "refs_alpha": "Bibliography",
        "page": "p.",
    },
    "fr": {
        "notes": "Notes",
        "abstract": "Résumé.",
        "keywords": "Mots-clés :",
        "refs_numbered": "Références",
        "refs_alpha": "Bibliographie",
        "page": "p.",
    },
}


@dataclass
class Spec:
    name: str
    lang: str
    title: str
    author: str
    short_title: str  # the running head on recto (or on every page)
    heads: str = "alt"  # alt (verso author, recto title), title (same on every page), oneline, none
    rule: bool = True  # a rule under the running head
    pagenum: str = "head"  # head (outer), foot (centre), foot-outer
    first_page: int = 1
    notes: str = "foot"  # foot, perpage, symbol, paren-after, paren-inline, endnotes, endnotes-chapter, mixed
    columns: int = 1
    structure: str = "sections"  # sections (numbered "1."), chapters (ВВЕДЕНИЕ / Глава N / ЗАКЛЮЧЕНИЕ), plain
    parskip: bool = False  # blank line between paragraphs instead of an indent
    abstract: str = ""  # "", top, bottom
    quote: bool = False
    separator: bool = False
    refs: str = ""  # "", numbered, alpha
    paragraphs: int = 14
    note_rate: float = 0.3
    kind: str = "article"
    seed: int = 1
    languages: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.languages = self.languages or [self.lang]

    def note_label(self, counter: int) -> str:
        return FNSYMBOLS[counter - 1] if self.notes in ("symbol", "mixed") else str(counter)

    def describe(self) -> dict:
        return {k: v for k, v in asdict(self).items() if k not in ("seed",)}


def esc(text: str) -> str:
    return re.sub(r"([&%#_$])", r"\\\1", text)


PREAMBLE = r"""\documentclass[11pt,a5paper,twoside%(twocol)s]{article}
\usepackage[%(fontenc)s]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage[%(babel)s]{babel}
\usepackage[margin=18mm,top=20mm,bottom=20mm]{geometry}
\usepackage{fancyhdr}
%(footmisc)s
\makeatletter
\newwrite\goldout
\immediate\openout\goldout=\jobname.gold
\AddToHook{shipout/before}{\immediate\write\goldout{PAGE|\thepage}}
\newcommand\gw[1]{\write\goldout{#1}}
\newcommand\ghead[1]{\gw{HEAD|#1}}
\newcommand\gpn[1]{\thepage\gw{PNUM|#1}}
\newcommand\gnote[1]{\edef\gold@tmp{\noexpand\write\noexpand\goldout{NOTE|#1|\the\c@footnote}}\gold@tmp}
\renewcommand\@seccntformat[1]{\csname the#1\endcsname.\quad}
%(markers)s
\makeatother
\setcounter{secnumdepth}{%(secnum)d}
%(parskip)s
\pagestyle{fancy}
\fancyhf{}
%(heads)s
\renewcommand\headrulewidth{%(rule)s}
\fancypagestyle{first}{\fancyhf{}\renewcommand\headrulewidth{0pt}\fancyfoot[C]{\gpn{foot}}}
\begin{document}
\setcounter{page}{%(first_page)d}
\thispagestyle{first}
"""

MARKERS = {
    "paren-after": r"\renewcommand\thefootnote{\arabic{footnote})}",
    "paren-inline": r"\renewcommand\@makefnmark{\hbox{\normalfont\,(\@thefnmark)}}",
}


def _heads(spec: Spec) -> str:
    number = r"\gpn{head}"
    lines = {
        "alt": [
            rf"\fancyhead[CE]{{\ghead{{verso}}{esc(spec.author)}}}",
            rf"\fancyhead[CO]{{\ghead{{recto}}{esc(spec.short_title)}}}",
        ],
        "title": [rf"\fancyhead[C]{{\ghead{{title}}{esc(spec.short_title)}}}"],
        "oneline": [rf"\fancyhead[L]{{\ghead{{title}}{esc(spec.short_title)}}}"],
        "none": [],
    }[spec.heads]
    if spec.pagenum == "head":
        lines.append(
            rf"\fancyhead[R]{{{number}}}" if spec.heads == "oneline" else rf"\fancyhead[LE,RO]{{{number}}}"
        )
    elif spec.pagenum == "foot":
        lines.append(r"\fancyfoot[C]{\gpn{foot}}")
    else:
        lines.append(r"\fancyfoot[LE,RO]{\gpn{foot}}")
    return "\n".join(lines)


def preamble(spec: Spec) -> str:
    footmisc = {
        "perpage": r"\usepackage[perpage]{footmisc}",
        "symbol": r"\usepackage[perpage,symbol*]{footmisc}",
        "mixed": r"\usepackage[symbol*]{footmisc}",
        "paren-inline": r"\usepackage[perpage]{footmisc}",
    }
    return PREAMBLE % {
        "twocol": ",twocolumn" if spec.columns == 2 else "",
        "fontenc": FONTENC[spec.lang],
        "babel": BABEL[spec.lang],
        "footmisc": footmisc.get(spec.notes, ""),
        "markers": MARKERS.get(spec.notes, ""),
        "secnum": 1 if spec.structure == "sections" else 0,
        "parskip": r"\setlength\parindent{0pt}\setlength\parskip{0.8\baselineskip}" if spec.parskip else "",
        "heads": _heads(spec),
        "rule": "0.4pt" if spec.rule else "0pt",
        "first_page": spec.first_page,
    }


def _words(text: str, n: int, last: bool = False) -> str:
    words = text.split()
    return " ".join(words[-n:] if last else words[:n])


class Writer:
    """The body of one document, with the plan of what was put where."""

    def __init__(self, spec: Spec):
        self.spec, self.lang = spec, spec.lang
        self.rng = random.Random(f"{spec.name}-{spec.seed}")
        self.pool: list[str] = []
        self.out: list[str] = []
        self.plan: dict = {
            "heads": {"verso": spec.author, "recto": spec.short_title, "title": spec.short_title},
            "paragraphs": [],
            "headings": [],
            "notes": {},
            "references": [],
            "shelfmarks": [],
            "front": {},
            "separators": 0,
            "texts": [],
        }
        self.endnotes: list[tuple[str, str, str]] = []  # (id, label, body) waiting for their section
        self.end_counter = 0
        self.ref_count = 4 + self.rng.randint(0, 3) if spec.refs else 0

    # --- notes ----------------------------------------------------------------------------------------
    def note_body(self) -> str:
        rng, lang = self.rng, self.lang
        kind = rng.choice(["archive", "archive", "dvp", "ibid", "comment"])
        if kind == "archive":
            mark = prose.shelfmark(rng, latin=lang != "ru")
            if lang == "fr" and rng.random() < 0.5:
                mark = f"AMAE, Europe 1918-1940, URSS, vol. {rng.randint(10, 200)}, f. {rng.randint(1, 300)}"
            elif lang == "en" and rng.random() < 0.4:
                mark = f"TNA, FO 371/{rng.randint(10000, 20000)}, f. {rng.randint(1, 300)}"
            else:
                self.plan["shelfmarks"].append(mark)
            return mark + "."
        if kind == "dvp":
            vol, page = rng.randint(2, 18), rng.randint(5, 700)
            if lang == "ru":
                return f"Документы внешней политики СССР. Т. {vol}. С. {page}."
            return f"DVP, vol. {vol}, p. {page}." if lang == "en" else f"DVP, t. {vol}, p. {page}."
        if kind == "ibid":
            if lang == "ru":
                return rng.choice(
                    [f"Там же. С. {rng.randint(3, 300)}.", f"Там же. Л. {rng.randint(3, 200)}об."]
                )
            return f"Ibid., p. {rng.randint(3, 300)}." if lang == "en" else rng.choice(["Ibid.", "Idem."])
        return rng.choice(prose.NOTE_TEXTS[lang])

    def marker(self, before: str, endnote: bool) -> str:
        """The LaTeX of a note's marker (and of a footnote, its body); the note goes into the plan."""
        body = self.note_body()
        note_id = f"n{len(self.plan['notes']) + 1}"
        note = {"before": _words(before, 4, last=True), "body": body, "place": "end" if endnote else "foot"}
        self.plan["notes"][note_id] = note
        self.plan["texts"].append(body)
        if not endnote:
            return rf"\footnote{{\gnote{{{note_id}}}{esc(body)}}}"
        self.end_counter += 1
        note["label"] = str(self.end_counter)
        self.endnotes.append((note_id, str(self.end_counter), body))
        return rf"\textsuperscript{{{self.end_counter}}}\gw{{MARK|{note_id}}}"

    def endnote_section(self, title: str) -> None:
        if not self.endnotes:
            return
        self.heading(title, numbered=False)
        for note_id, label, body in self.endnotes:
            self.out.append(rf"\noindent {label}.~\gw{{ENOTE|{note_id}}}{esc(body)}\par")
        self.endnotes = []

    # --- blocks ---------------------------------------------------------------------------------------
    def heading(self, text: str, numbered: bool = True) -> None:
        hid = f"h{len(self.plan['headings']) + 1}"
        number = len([h for h in self.plan["headings"] if h.get("numbered")]) + 1
        printed = f"{number}. {text}" if numbered and self.spec.structure == "sections" else text
        cmd = r"\section" if numbered and self.spec.structure == "sections" else r"\section*"
        self.out.append(rf"{cmd}{{{esc(text)}}}\gw{{HD|{hid}}}")
        self.plan["headings"].append({"id": hid, "text": printed, "numbered": numbered})
        self.plan["texts"].append(text)

    def paragraph(self, sentences: int | None = None, kind: str = "p", text: str | None = None) -> None:
        spec, rng = self.spec, self.rng
        sents = [text] if text else prose.paragraph(self.lang, rng, self.pool, sentences or rng.randint(3, 5))
        pid = f"p{len(self.plan['paragraphs']) + 1}"
        plain: list[str] = []
        latex: list[str] = []
        for sent in sents:
            own_words = len(sent.split())  # a marker inside the sentence stays before a reference bracket
            if spec.refs == "numbered" and rng.random() < 0.25 and kind == "p":
                cite = f"[{rng.randint(1, self.ref_count)}, {WORDS[self.lang]['page']} {rng.randint(5, 300)}]"
                sent = sent[:-1] + f" {cite}" + sent[-1]
            tex = esc(sent)
            if spec.notes != "none" and kind == "p" and rng.random() < spec.note_rate:
                endnote = spec.notes in ("endnotes", "endnotes-chapter") or (
                    spec.notes == "mixed" and rng.random() < 0.6
                )
                words = sent.split()
                if rng.random() < 0.5 or own_words < 6:  # after the sentence's full stop
                    tex = tex + self.marker(" ".join(plain + [sent]), endnote)
                else:  # after a word inside the sentence ("слово¹, ...")
                    cut = rng.randint(3, own_words - 2)
                    head, trail = " ".join(words[:cut]), ""
                    if head[-1] in ",;:":
                        head, trail = head[:-1], head[-1]
                    marker = self.marker(" ".join(plain + [head]), endnote)
                    tex = esc(head) + marker + trail + " " + esc(" ".join(words[cut:]))
            plain.append(sent)
            latex.append(tex)
        first, rest = " ".join(latex).split(" ", 1)
        body = f"{first}\\gw{{PS|{pid}}} {rest} ".rstrip() + f"\\gw{{PE|{pid}}}"
        text_all = " ".join(plain)
        self.plan["texts"].append(text_all)
        self.plan["paragraphs"].append(
            {"id": pid, "kind": kind, "first": _words(text_all, 4), "last": _words(text_all, 4, last=True)}
        )
        self.out.append(r"\begin{quote}" + body + r"\end{quote}" if kind == "quote" else body + "\n")

    def front(self) -> None:
        words = WORDS[self.lang]
        abstract, keywords = prose.ABSTRACT[self.lang], prose.KEYWORDS[self.lang]
        self.out.append(rf"{{\small\noindent\textbf{{{words['abstract']}}} {esc(abstract)}\par")
        self.out.append(rf"\noindent\textbf{{{words['keywords']}}} {esc(keywords)}\par}}\medskip")
        self.plan["front"] = {
            "abstract_first": _words(abstract, 4),
            "abstract_last": _words(abstract, 3, True),
            "keywords": keywords,
            "position": self.spec.abstract,
        }
        self.plan["texts"] += [abstract, keywords]

    def separator(self) -> None:
        self.out.append(r"\begin{center}* * *\end{center}")
        self.plan["separators"] += 1

    def references(self) -> None:
        spec, rng, lang = self.spec, self.rng, self.lang
        authors = rng.sample(prose.AUTHORS[lang], min(len(prose.AUTHORS[lang]), self.ref_count))
        entries = []
        for i in range(self.ref_count):
            author = authors[i % len(authors)]
            title = prose.WORK_TITLES[lang][i % len(prose.WORK_TITLES[lang])]
            entries.append(prose.reference_entry(lang, rng, author, title))
        if spec.refs == "alpha":
            entries.sort()
        self.heading(
            WORDS[lang]["refs_numbered" if spec.refs == "numbered" else "refs_alpha"], numbered=False
        )
        for i, entry in enumerate(entries, 1):
            printed = f"{i}. {entry}" if spec.refs == "numbered" else entry
            self.out.append(rf"\noindent\hangindent=1.5em\hangafter=1 {esc(printed)}\par")
            self.plan["references"].append(
                {
                    "n": i if spec.refs == "numbered" else None,
                    "text": printed,
                    "first": _words(entry, 3),
                    "last": _words(entry, 3, last=True),
                }
            )
            self.plan["texts"].append(entry)


def typeset_document(spec: Spec) -> tuple[str, dict]:
    w = Writer(spec)
    w.out.append(
        rf"\begin{{center}}{{\large\bfseries {esc(spec.title)}\par}}\medskip {esc(spec.author)}\end{{center}}"
    )
    w.plan["texts"] += [spec.title, spec.author]
    if spec.abstract == "top":
        w.front()
    words = WORDS[spec.lang]
    if spec.structure == "chapters":
        titles = [
            words["intro"],
            f"{words['chapter']} 1. {SECTIONS[spec.lang][0]}",
            f"{words['chapter']} 2. {SECTIONS[spec.lang][1]}",
            words["outro"],
        ]
    elif spec.structure == "sections":
        titles = SECTIONS[spec.lang][: max(2, spec.paragraphs // 4)]
    else:
        titles = [None, None]
    per = max(2, spec.paragraphs // len(titles))
    for ci, title in enumerate(titles):
        if title:
            w.heading(title, numbered=spec.structure == "sections")
        for k in range(per):
            w.paragraph()
            if spec.quote and k == 1 and ci == 1:
                w.paragraph(kind="quote", text=prose.QUOTES[spec.lang])
            if spec.separator and k == per // 2 and ci < len(titles) - 1:
                w.separator()
        if spec.notes == "endnotes-chapter":
            w.endnote_section(words["notes"])
            w.end_counter = 0
    if spec.abstract == "bottom":
        w.front()
    if spec.notes in ("endnotes", "mixed"):
        w.endnote_section(words["comments"] if spec.notes == "mixed" else words["notes"])
    if spec.refs:
        w.references()
    tex = preamble(spec) + "\n".join(w.out) + "\n\\end{document}\n"
    return tex, w.plan
