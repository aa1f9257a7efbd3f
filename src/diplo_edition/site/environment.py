"""The Jinja2 environment of the site's templates: the theme's folders, the interface's words (the message
catalogs through Jinja2's i18n extension, ``_()`` and ``ngettext``), and the helpers the templates call."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError
from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    pass_eval_context,
    select_autoescape,
)
from jinja2.bccache import Bucket
from jinja2.nodes import EvalContext
from markupsafe import Markup, escape

from ..languages import detect_language
from ..ocr.bidi import BIDI_CONTROLS, code_point, describe, visible
from . import urls, words
from .csl import access_date_placeholders


def marked_controls(text: str) -> Markup:
    """Reading text, escaped, with each bidirectional control character shown as a mark that says what it
    is (``⟨U+202E⟩``) instead of reordering the text around it."""
    def mark(char: str) -> str:
        return f'<span class="bidi" title="{escape(describe(char))}">⟨{code_point(char)}⟩</span>'

    return Markup(BIDI_CONTROLS.sub(lambda m: mark(m.group()), str(escape(text))))


def _plain_controls_visible(value):
    """Every other value a template writes (titles, attributes): the controls as plain marks."""
    if isinstance(value, str) and not isinstance(value, Markup) and BIDI_CONTROLS.search(value):
        return visible(value)
    return value


_WEB_ADDRESS = re.compile(r"\S+://\S+")


def text_language(text: str, default: str) -> str:
    """``text | text_lang(default)``: the language of a text shown in another's markup (a citation, a
    title), by the script of its letters; the letters of a web address are no language's."""
    return detect_language(_WEB_ADDRESS.sub(" ", text), default)


def by_document(items, extra: str | None = None) -> list[tuple[str, str, list]]:
    """Items with a locus grouped by document, in the order given: [(doc id, title, [(locus, extra, n)])].

    The same place with the same extra text (a paragraph citing one folio twice) is listed once, n times.
    """
    groups: dict[str, tuple[str, str, dict]] = {}
    for item in items:
        locus = item.locus
        value = getattr(item, extra) if extra else None
        places = groups.setdefault(locus.doc_id, (locus.doc_id, locus.doc_title, {}))[2]
        key = (locus.anchor, value)
        places[key] = (locus, value, places[key][2] + 1 if key in places else 1)
    return [(doc_id, title, list(places.values())) for doc_id, title, places in groups.values()]


def autonym(code: str) -> str:
    """A language's name in itself, as a language switch offers it: 'Русский', 'English'."""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(code.replace("-", "_")) or code
    except (ValueError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:]


def plural_forms(lang: str, word: Callable[[int], str]) -> dict[str, str]:
    """A word's plural forms as a script chooses them (Intl.PluralRules of lang): {CLDR category: word(n)}
    for a whole number n of each category ('one': 1, 'few': 2, 'many': 5 in Russian); word gives the
    catalog's form (a template's macro around ngettext)."""
    try:
        rule = Locale.parse(lang.replace("-", "_")).plural_form
    except (ValueError, UnknownLocaleError):
        rule = Locale("en").plural_form
    samples: dict[str, int] = {}
    for n in range(200):
        samples.setdefault(rule(n), n)
    return {category: str(word(n)) for category, n in sorted(samples.items())}


class _CompiledInMemory(BytecodeCache):
    """Each template compiled once per process, not once per environment: a build makes one environment
    per interface language for the document pages and one for the index pages, and ``serve`` makes them
    anew at every save. Jinja keys a template by its name and file and checks its source's hash, so an
    edited template is compiled again. Held in this process's memory only: nothing is read from a file."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledInMemory()


def _remembered_gettext(translations: Any) -> Callable[..., str]:
    """The templates' _() and gettext(): what Jinja's own (newstyle) gives, the translation marked safe
    where the template autoescapes and formatted with the variables, without its two calls through the
    template's context; the strings without variables are made once. The site's header and footer ask
    for the same sixty strings on each of the tens of thousands of index pages of a large edition."""
    made: dict[str, Markup] = {}

    @pass_eval_context
    def gettext(eval_ctx: EvalContext, string: str, /, **variables: Any) -> str:
        if not eval_ctx.autoescape:
            return translations.gettext(string) % variables
        if variables:
            return Markup(translations.gettext(string)) % variables
        if string not in made:
            made[string] = Markup(translations.gettext(string)) % variables
        return made[string]

    return gettext


def make_environment(theme: tuple[Path, ...], ui_lang: str) -> Environment:
    """The Jinja2 environment of the site; templates are looked up in the theme's folders, in order.

    ui_lang: the interface language (languages.interface_language of the collection's languages)."""
    env = Environment(
        loader=FileSystemLoader([str(folder) for folder in theme]),
        autoescape=select_autoescape(enabled_extensions=("html", "xml"), default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_plain_controls_visible,
        extensions=["jinja2.ext.i18n"],
        bytecode_cache=_COMPILED,
    )
    # Letters as they are in JSON the pages carry (still escaped for HTML: <, >, &, ')
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    ui_words = words.site_words(ui_lang, theme)
    env.install_gettext_translations(ui_words.translations, newstyle=True)  # type: ignore[attr-defined]
    env.globals["_"] = env.globals["gettext"] = _remembered_gettext(ui_words.translations)
    env.filters["by_document"] = by_document
    env.filters["marked_controls"] = marked_controls
    env.filters["kind_label"] = ui_words.kind_label
    env.filters["language_label"] = ui_words.language_label
    env.filters["date_words"] = lambda v: ui_words.iso_date_words(v) or v
    env.filters["autonym"] = autonym
    env.filters["text_lang"] = text_language
    env.globals["life_span"] = ui_words.life_span
    env.globals["plural_forms"] = partial(plural_forms, ui_lang)
    env.globals["access_dates"] = access_date_placeholders(theme)
    env.globals.update(
        urls=urls,
        register_titles=ui_words.register_titles,
        abstract_titles=words.ABSTRACT_TITLES,
        keyword_titles=words.KEYWORD_TITLES,
        ui_lang=ui_lang,
    )
    return env


def base_path(base_url: str) -> str:
    """The path part of the base URL, for the 404 page (served at any depth): '/' or '/edition/'."""
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"
