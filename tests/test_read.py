"""Reading raw sources: UTF-8 with or without a BOM, any line ends, NFC; anything else refused clearly."""

import unicodedata

import pytest

from diplo_edition.diagnostics import InputError
from diplo_edition.ocr.read import decode, split_lines


def test_bom_and_crlf_are_layout_not_text():
    text = decode("\ufeffпервая\r\nвторая\rтретья\n".encode(), "x.txt").text
    assert [line.text for line in split_lines(text)] == ["первая", "вторая", "третья"]


def test_text_is_normalised_to_nfc():
    decomposed = unicodedata.normalize("NFD", "ёлка й")
    assert decode(decomposed.encode(), "x.txt").text == "ёлка й"


def test_line_numbers_are_one_based():
    lines = split_lines("a\n\nb")
    assert [(line.number, line.text) for line in lines] == [(1, "a"), (2, ""), (3, "b")]


def test_not_utf8_is_refused_with_file_and_line():
    # Too few letters to tell windows-1251 from KOI8-R (a longer text is converted:
    # robustness/test_bad_input.py).
    data = "ЖЗЙ\nКЛМ".encode("cp1251")
    with pytest.raises(InputError) as exc:
        decode(data, "sources/old.txt")
    message = str(exc.value.diagnostics[0])
    assert message.startswith("sources/old.txt:1: error: not valid UTF-8")
    assert "convert the file to UTF-8" in message


def test_a_utf8_header_above_a_windows_1251_body_is_read_line_by_line():
    """Issue 13, point 8: the whole file used to be read as windows-1251 («В«IzvestiaВ»»), silently."""
    header = "Заголовок «Известия» в UTF-8\nИванов И. И.\n".encode()
    body = "Текст статьи «Известия» в кодировке windows-1251, и его много.\nВторая строка.\n".encode("cp1251")
    decoded = decode(header + body * 3, "sources/mixed.txt")
    assert decoded.text.splitlines()[:3] == [
        "Заголовок «Известия» в UTF-8", "Иванов И. И.",
        "Текст статьи «Известия» в кодировке windows-1251, и его много.",
    ]
    (warning,) = decoded.warnings
    assert warning.line == 3 and "lines 3–8" in warning.message
    assert "mixes UTF-8 with windows-1251" in warning.message
