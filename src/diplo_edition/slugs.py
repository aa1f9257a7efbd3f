"""ASCII slugs: the ids of documents and the anchors of the site, with Cyrillic transliterated."""

from __future__ import annotations

import re
import unicodedata

# What an id of the edition looks like (a document, a printed series).
ID_PATTERN = re.compile(r"[a-z][a-z0-9-]*")

_LATIN_OF = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        ("a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
         "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia"),
        strict=True,
    )
)


def slug(text: str) -> str:
    """Lower-case a-z, 0-9 and single '-': Cyrillic transliterated, accents dropped, anything else a '-'."""
    folded = "".join(_LATIN_OF.get(c, c) for c in unicodedata.normalize("NFKC", text).casefold())
    ascii_only = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
