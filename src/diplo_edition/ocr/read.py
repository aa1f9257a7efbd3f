"""Reading raw OCR files: bytes to Unicode lines, with nothing silently changed.

Raw sources should be UTF-8. A byte-order mark is dropped (it is not text), CRLF and CR line ends become
line breaks, and the text is normalised to NFC so that the same letter always has the same code points.

A file in another encoding is converted only when the encoding can be told by evidence (see
``encoding.py``): UTF-16 and UTF-32 (byte-order mark or NUL pattern), windows-1251, KOI8-R, cp866 and
windows-1252. The conversion is reported as a warning naming the file and the encoding, and recorded in
the TEI. Everything else is refused with a message naming the file and saying what to do: a file whose
encoding cannot be told, an empty file, a binary file (a PDF, a Word document, an image, anything with
NUL bytes or control characters) and a file with a line too long to be a line of print.

A form feed is not refused: ``pdftotext`` and Tesseract write one at every page end, the best evidence of a
page break there is. ``split_lines`` gives each form feed a line of its own (``FORM_FEED``, blank to every
pass, numbered as the raw line it stands on), so that the layout passes can start a page after it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..config.schema import MAX_SOURCE_MEGABYTES
from ..diagnostics import Diagnostic, InputError, Severity
from ..model.lines import FORM_FEED
from .bidi import BIDI_CONTROLS, describe
from .encoding import BOMS, ICONV_NAMES, LABELS, SAMPLE, guess_single_byte, utf16_without_bom

UTF8_BOM = b"\xef\xbb\xbf"

# A printed line is under 200 characters, a paragraph that an OCR tool wrote on one line a few thousand;
# anything longer is not a line of print, and the layout passes are not meant for it.
MAX_LINE = 100_000

_MEGABYTE = 1024 * 1024
_BIDI_LINES_SHOWN = 20  # lines warned one by one; the rest are counted in the last warning

# Control characters are not text (XML cannot even hold most of them): C0 except tab, line ends and the
# form feed (a page break), DEL, C1, and the non-characters U+FFFE and U+FFFF.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffe\uffff]")

# Files that are documents or images, not text: (magic bytes, what it is, what to do).
_SIGNATURES = (
    (b"%PDF-", "a PDF document", "extract its text (OCR) into a UTF-8 .txt file"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .odt document?)", "save the document as plain text (UTF-8)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word (.doc) document",
     "save the document as plain text (UTF-8)"),
    (b"{\\rtf", "an RTF document", "save the document as plain text (UTF-8)"),
    (b"\x89PNG", "a PNG image", "run OCR on it and add the text file"),
    (b"\xff\xd8\xff", "a JPEG image", "run OCR on it and add the text file"),
    (b"II*\x00", "a TIFF image", "run OCR on it and add the text file"),
    (b"MM\x00*", "a TIFF image", "run OCR on it and add the text file"),
    (b"GIF8", "a GIF image", "run OCR on it and add the text file"),
    (b"\x1f\x8b", "a gzip archive", "unpack it and add the text file"),
)


@dataclass(frozen=True)
class RawLine:
    """One line of a raw source, as printed (NFC), with its 1-based line number."""

    text: str
    number: int


@dataclass(frozen=True)
class Decoded:
    """A raw source as text, with the encoding it was read in and the warnings about that."""

    text: str
    encoding: str  # "utf-8" or the encoding it was converted from, e.g. "windows-1251"
    warnings: list[Diagnostic] = field(default_factory=list)

    @property
    def converted(self) -> bool:
        return self.encoding != "utf-8"


def _refuse(name: str, line: int | None, message: str, column: int | None = None) -> InputError:
    return InputError([Diagnostic(name, line, message, column=column)])


def _line_and_column(text: str, index: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _iconv_hint(name: str, encoding: str) -> str:
    base = name.rsplit("/", 1)[-1]
    return f"iconv -f {ICONV_NAMES.get(encoding, encoding.upper())} -t UTF-8 {base} > {base}.utf8"


def _binary(data: bytes, name: str) -> None:
    for magic, what, todo in _SIGNATURES:
        if data.startswith(magic):
            raise _refuse(name, None, f"this is {what}, not a text file; {todo} and list that in the edition")


def _converted(
    data: bytes, encoding: str, name: str, refusal: Callable[[UnicodeDecodeError], InputError], warning: str
) -> Decoded:
    """``data`` read in ``encoding`` with the ``warning`` that it was converted; ``refusal`` if it does not
    decode."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise refusal(exc) from None
    return Decoded(text, encoding, [Diagnostic(name, None, warning, Severity.WARNING)])


def _decode_utf16_32(data: bytes, encoding: str, name: str, how: str) -> Decoded:
    return _converted(
        data, encoding, name,
        lambda exc: _refuse(
            name, None,
            f"looks like {LABELS[encoding]} ({how}) but byte {exc.start} does not decode in it; "
            "it is probably damaged or not a text file: export the text again as UTF-8",
        ),
        f"the file is in {LABELS[encoding]}, not UTF-8 ({how}); it was converted "
        f"(convert it once to stop this warning: {_iconv_hint(name, encoding)})",
    )


def _decode_mixed(data: bytes, name: str) -> Decoded | None:
    """A file of UTF-8 lines and lines in one single-byte encoding (a UTF-8 header pasted above a
    windows-1251 body): each line read in its own encoding, or None when the file is not such a mix."""
    lines = data.split(b"\n")
    foreign = []
    for number, raw in enumerate(lines, 1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            foreign.append(number)
    chosen = set(foreign)
    utf8_letters = any(not raw.isascii() for k, raw in enumerate(lines, 1) if k not in chosen)
    if not foreign or not utf8_letters:
        return None
    encoding, _ = guess_single_byte(b"\n".join(lines[k - 1] for k in foreign)[:SAMPLE])
    if encoding is None:
        return None
    try:
        text = "\n".join(raw.decode(encoding if k in chosen else "utf-8") for k, raw in enumerate(lines, 1))
    except UnicodeDecodeError:
        return None  # a byte with no character in that encoding either: not a clean mix
    shown = f"lines {foreign[0]}–{foreign[-1]}" if len(foreign) > 1 else f"line {foreign[0]}"
    warning = Diagnostic(name, foreign[0], f"the file mixes UTF-8 with {LABELS[encoding]}: {shown} "
                         f"({len(foreign)} in all) were read as {LABELS[encoding]}, the rest as UTF-8; check "
                         "that the text reads right, and save the whole file as UTF-8", Severity.WARNING)
    return Decoded(text, encoding, [warning])


def _decode_single_byte(data: bytes, name: str, bad_at: int) -> Decoded:
    line = data[:bad_at].count(b"\n") + 1
    mixed = _decode_mixed(data, name)
    if mixed is not None:
        return mixed
    encoding, evidence = guess_single_byte(data[:SAMPLE])
    if encoding is None:
        plausible = [e.encoding for e in evidence if e.plausible]
        guess = (f"{' or '.join(plausible)}?" if plausible else
                 "it reads as text in none of windows-1251, KOI8-R, cp866 and windows-1252: ISO-8859-5? "
                 "Mac Cyrillic?")
        raise _refuse(
            name, line,
            f"not valid UTF-8 (byte 0x{data[bad_at]:02x}), and its encoding cannot be told from its "
            f"letters ({guess}); convert the file to UTF-8 before adding it to sources/, "
            f"e.g. {_iconv_hint(name, (plausible or ['windows-1251'])[0])} (check the result reads right)",
        )
    return _converted(
        data, encoding, name,
        lambda exc: _refuse(
            name, data[: exc.start].count(b"\n") + 1,
            f"not valid UTF-8, and read as {LABELS[encoding]} (as its first part suggests) byte "
            f"0x{data[exc.start]:02x} has no character; convert the file to UTF-8 before adding it",
        ),
        f"the file is in {LABELS[encoding]}, not UTF-8 (told from its letters); it was converted, check "
        f"that the text reads right (convert it once to stop this warning: {_iconv_hint(name, encoding)})",
    )


def _decode_bytes(data: bytes, name: str) -> Decoded:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode_utf16_32(data[len(bom) :], encoding, name, "told by its byte-order mark")
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    _binary(data, name)
    if b"\x00" in data:
        encoding = utf16_without_bom(data[:SAMPLE])
        if encoding is None:
            line = data[: data.index(b"\x00")].count(b"\n") + 1
            raise _refuse(
                name, line,
                "this is not a text file (it holds NUL bytes, as binary files do); raw sources are the "
                "plain-text output of OCR: add the UTF-8 .txt file instead",
            )
        return _decode_utf16_32(data, encoding, name, "told from its NUL bytes")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        return _decode_single_byte(data, name, exc.start)


def _check_text(text: str, name: str) -> None:
    if not text.strip():
        raise _refuse(
            name, None,
            "the file is empty (or holds only blank lines); add the OCR text to it, or remove it from "
            "the edition file that lists it",
        )
    control = _CONTROL.search(text)
    if control is not None:
        line, column = _line_and_column(text, control.start())
        count = len(_CONTROL.findall(text, 0, 1_000_000))
        char = f"U+{ord(control.group()):04X}"
        if count > 100 or control.group() == "\x00":
            raise _refuse(name, line, f"this is not a text file (control character {char} and "
                                      f"{count - 1} more); add the plain-text OCR output instead",
                          column)
        others = f" (and the {count - 1} other control characters)" if count > 1 else ""
        raise _refuse(
            name, line,
            f"the control character {char} is not text and cannot be put in the edition; delete it{others} "
            "from the raw file before adding it to sources/",
            column,
        )
    # Jumps from the last line break within reach to the next: a few steps even for a huge file.
    start = 0
    while len(text) - start > MAX_LINE:
        newline = text.rfind("\n", start, start + MAX_LINE + 1)
        if newline < 0:
            line = text.count("\n", 0, start) + 1
            end = text.find("\n", start)
            length = (len(text) if end < 0 else end) - start
            raise _refuse(
                name, line,
                f"line {line} is {length:,} characters long, more than the {MAX_LINE:,} that a line "
                "of a raw OCR text can hold; the file should keep the printed lines (one line of print "
                "per line): export the OCR text again with its line breaks",
            )
        start = newline + 1


def _bidi_warnings(text: str, name: str) -> list[Diagnostic]:
    """A warning at each line that holds a bidirectional control character, naming it: kept, as every
    character is, but it can make a line read otherwise than its letters run."""
    found: dict[int, tuple[int, set[str]]] = {}  # line -> (column of the first, the characters)
    for match in BIDI_CONTROLS.finditer(text):
        line, column = _line_and_column(text, match.start())
        found.setdefault(line, (column, set()))[1].add(match.group())
    warnings = []
    for k, (line, (column, chars)) in enumerate(sorted(found.items())):
        if k == _BIDI_LINES_SHOWN:
            warnings.append(Diagnostic(name, line, f"and {len(found) - k} more lines with bidirectional "
                                       "control characters", Severity.WARNING))
            break
        named = ", ".join(describe(c) for c in sorted(chars))
        warnings.append(Diagnostic(
            name, line, f"bidirectional control character {named}: invisible, it can reorder what a reader "
            "sees; it is kept in the TEI and shown as a visible mark in the site; delete it from the raw "
            "file unless the print has it", Severity.WARNING, column))
    return warnings


def decode(data: bytes, name: str) -> Decoded:
    """Decode a raw source, converting a known other encoding; raise InputError naming the file if not."""
    decoded = _decode_bytes(data, name)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    _check_text(text, name)
    text = unicodedata.normalize("NFC", text)
    return Decoded(text, decoded.encoding, decoded.warnings + _bidi_warnings(text, name))


def split_lines(text: str) -> list[RawLine]:
    """Lines without their terminators; a final newline does not make an extra empty line. A form feed is
    a line of its own, numbered as the raw line it stands on; the text around it on that line keeps its
    own line (``"\\fNext page"``, as ``pdftotext`` writes it, is the lines "\\f" and "Next page")."""
    parts = text.split("\n")
    if parts and parts[-1] == "":
        parts.pop()
    lines = []
    for number, part in enumerate(parts, start=1):
        if FORM_FEED not in part:
            lines.append(RawLine(part, number))
            continue
        for k, piece in enumerate(part.split(FORM_FEED)):
            if k:
                lines.append(RawLine(FORM_FEED, number))
            if piece:
                lines.append(RawLine(piece, number))
    return lines


def _check_size(path: Path, display_name: str, max_megabytes: int) -> None:
    """Refuse a file over the limit before reading it: it would be held whole in memory, several times."""
    size = path.stat().st_size
    if size > max_megabytes * _MEGABYTE:
        raise _refuse(display_name, None,
                      f"the file is {size / _MEGABYTE:,.1f} MB, more than the limit of {max_megabytes} MB "
                      "for a raw source; split it into one file per document, or raise "
                      "max_source_megabytes in editions/collection.yml")


def read_decoded(path: Path, display_name: str, max_megabytes: int = MAX_SOURCE_MEGABYTES) -> Decoded:
    """A raw file's text and the encoding it was read in; InputError if it cannot be read as text or is
    larger than max_megabytes."""
    try:
        _check_size(path, display_name, max_megabytes)
        data = path.read_bytes()
    except IsADirectoryError:
        raise _refuse(display_name, None, "is a directory, not a text file; list the files in it") from None
    except OSError as exc:
        raise _refuse(display_name, None, f"cannot be read ({exc.strerror or exc}); check that it exists "
                                          "and that you may read it") from None
    return decode(data, display_name)


def read_source(path: Path, display_name: str, max_megabytes: int = MAX_SOURCE_MEGABYTES) -> list[RawLine]:
    return split_lines(read_decoded(path, display_name, max_megabytes).text)
