"""The interface's words: Babel message catalogs, read at build time into gettext translations.

The catalogs are theme data (``locale/<lang>/LC_MESSAGES/messages.po`` in the theme's folder), so a project
overrides them like a template: its own catalog of a language is merged over the theme's, message by
message. The message ids are the English words, so a language without a catalog has English interface
words (and English plurals). Nothing compiled is kept: each ``.po`` is compiled in memory.
"""

from __future__ import annotations

import gettext
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

DOMAIN = "messages"


def N_(message: str) -> str:
    """Marks a message for the catalogs where it is defined; it is translated where it is shown."""
    return message


def catalog_path(folder: Path, lang: str) -> Path:
    """Where a theme folder keeps the catalog of ``lang``."""
    return folder / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _compiled(path: Path, lang: str) -> Translations:
    with path.open("rb") as po:
        catalog = read_po(po, locale=lang.replace("-", "_"), domain=DOMAIN)
    mo = BytesIO()
    write_mo(mo, catalog)
    mo.seek(0)
    return Translations(mo, domain=DOMAIN)


@cache
def translations(theme: tuple[Path, ...], lang: str) -> gettext.NullTranslations:
    """The interface words of ``lang`` from the theme's folders (the project's first): the theme's catalog
    with the project's over it; English (the message ids) when no folder has one."""
    found: Translations | None = None
    for folder in reversed(theme):
        path = catalog_path(folder, lang)
        if not path.is_file():
            continue
        compiled = _compiled(path, lang)
        if found is None:
            found = compiled
        else:
            found.merge(compiled)
    return found if found is not None else gettext.NullTranslations()
