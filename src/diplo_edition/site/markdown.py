"""The editors' Markdown (collection.yml introduction and about) as HTML, by markdown-it-py.

Raw HTML in the Markdown is not passed through (html=False): it shows as text. Quotes and dashes are
typographic, in the quotes of the text's language pack (« » for Russian, “ ” for English).
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markupsafe import Markup

from ..languages import pack


def render_markdown(text: str | None, lang: str) -> Markup:
    if not text:
        return Markup("")
    md = MarkdownIt("commonmark", {"html": False, "typographer": True, "quotes": pack(lang).quotes})
    md.enable(["replacements", "smartquotes"])
    return Markup(md.render(text))
