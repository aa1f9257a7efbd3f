"""The editors' Markdown (collection.yml introduction and about) as HTML, by markdown-it-py.

Raw HTML in the Markdown is not passed through (html=False): it shows as text. Quotes and dashes are
typographic (« » for Russian, “ ” for English).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markupsafe import Markup

QUOTES = {"ru": "«»„“", "en": "“”‘’"}


def guess_language(text: str, default: str) -> str:
    """'ru' or 'en' by the letters the text is mostly written in; the default when it has none."""
    cyrillic = len(re.findall(r"[А-Яа-яЁё]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    if cyrillic == latin == 0:
        return default
    return "ru" if cyrillic >= latin else "en"


def render_markdown(text: str | None, lang: str) -> Markup:
    if not text:
        return Markup("")
    md = MarkdownIt("commonmark", {"html": False, "typographer": True, "quotes": QUOTES.get(lang, "“”‘’")})
    md.enable(["replacements", "smartquotes"])
    return Markup(md.render(text))
