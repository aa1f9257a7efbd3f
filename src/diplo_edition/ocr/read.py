"""Reading raw OCR files: bytes to Unicode lines, with nothing silently changed.

Raw sources are UTF-8. A byte-order mark is dropped (it is not text), CRLF and CR line ends become line
breaks, and the text is normalised to NFC so that the same letter always has the same code points.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic, InputError

UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class RawLine:
    """One line of a raw source, as printed (NFC), with its 1-based line number."""

    text: str
    number: int


def decode_source(data: bytes, name: str) -> str:
    """Decode a raw source; refuse anything that is not UTF-8 with a message naming the file."""
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            [
                Diagnostic(
                    name,
                    line,
                    f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); "
                    "convert the file to UTF-8 before adding it to sources/",
                )
            ]
        ) from None
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def split_lines(text: str) -> list[RawLine]:
    """Lines without their terminators; a final newline does not make an extra empty line."""
    parts = text.split("\n")
    if parts and parts[-1] == "":
        parts.pop()
    return [RawLine(part, number) for number, part in enumerate(parts, start=1)]


def read_source(path: Path, display_name: str) -> list[RawLine]:
    return split_lines(decode_source(path.read_bytes(), display_name))
