"""Reading files: what is refused, and where the error points."""
import pytest

import helpers
from helpers.source import decode, position, read_source


def error_of(data: bytes, name: str = "f.txt") -> helpers.TranscriptError:
    with pytest.raises(helpers.TranscriptError) as info:
        decode(data, name)
    return info.value


def test_empty_and_blank_files():
    for data in (b"", b"   \n\n\t", b"\xef\xbb\xbf", b"\xef\xbb\xbf  \n"):
        error = error_of(data)
        assert (error.line, error.column) == (1, 1)
        assert "empty" in error.message


def test_binary_file_names_the_nul_byte():
    error = error_of(b"ab\ncd\x00ef")
    assert (error.line, error.column) == (2, 3)
    assert "binary" in error.message


def test_utf16_file_is_called_binary_with_a_hint():
    error = error_of("Stalin: “Yes”".encode("utf-16"))
    assert "UTF-16" in error.message


def test_latin1_file_names_line_and_byte_column():
    error = error_of("Title\n\nStalin: \u00abNo\u00bb".encode("latin-1"))
    assert (error.line, error.column) == (3, 9)
    assert "not UTF-8" in error.message and "0xab" in error.message
    assert str(error) == ("f.txt:3:9: error: the file is not UTF-8 text (byte 0xab cannot be "
                          "read); save it again as UTF-8")


def test_bom_is_dropped_and_nothing_else_changes():
    assert decode(b"\xef\xbb\xbfa\r\nb", "x") == "a\r\nb"


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(helpers.TranscriptError, match="no such file"):
        read_source(tmp_path / "missing.txt")
    with pytest.raises(helpers.TranscriptError, match="folder"):
        read_source(tmp_path)


def test_position():
    assert position("ab\ncd", 0) == (1, 1)
    assert position("ab\ncd", 4) == (2, 2)
