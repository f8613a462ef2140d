"""Reading a transcript file into text, with plain errors for what cannot be read.

The kit reads UTF-8 text. A UTF-8 byte-order mark at the very start is dropped (it marks the
encoding and is not part of the text); nothing else is changed: Windows line endings, tabs and
non-breaking spaces stay in the text, and the parser copes with them. Offsets reported by the
parser are character offsets into the text returned here.
"""
from __future__ import annotations

from pathlib import Path

from .errors import TranscriptError

__all__ = ["BOM", "decode", "position", "read_bytes", "read_source"]

#: The UTF-8 byte-order mark, dropped from the start of a file (offsets never count it).
BOM = "\ufeff"


def position(text: str, offset: int) -> tuple[int, int]:
    """Line and column (both from 1) of a character offset in ``text``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def decode(data: bytes, path: str = "<bytes>") -> str:
    """Decode transcript bytes as UTF-8 text, or raise :class:`TranscriptError` saying where.

    Refused: an empty file (or one with only white space), a file with NUL bytes (a binary file,
    or text saved as UTF-16), and bytes that are not valid UTF-8 (the error names the line and
    the byte column of the first bad byte).
    """
    if not data or data.isspace():  # (data.strip() is empty: the same, without a copy)
        raise TranscriptError("the file is empty: there is no text to read", path, 1, 1)
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        column = nul - (data.rfind(b"\n", 0, nul) + 1) + 1
        raise TranscriptError(
            "this looks like a binary file, not text (it has a NUL byte); "
            "if it is text saved as UTF-16, save it again as UTF-8",
            path, line, column,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
        line = data.count(b"\n", 0, bad) + 1
        column = bad - (data.rfind(b"\n", 0, bad) + 1) + 1
        raise TranscriptError(
            f"the file is not UTF-8 text (byte 0x{data[bad]:02x} cannot be read); "
            "save it again as UTF-8",
            path, line, column,
        ) from None
    if text.startswith(BOM):
        text = text[1:]
    if not text or text.isspace():
        raise TranscriptError("the file is empty: there is no text to read", path, 1, 1)
    return text


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a transcript file, or :class:`TranscriptError` for a folder, a missing file
    or one that cannot be read (what :func:`read_source` decodes; a corpus run hashes them too)."""
    name = str(path)
    try:
        with open(path, "rb") as handle:  # (Path(path).read_bytes(), without making a Path)
            return handle.read()
    except IsADirectoryError:
        raise TranscriptError("this is a folder, not a transcript file", name, 1, 1) from None
    except FileNotFoundError:
        raise TranscriptError("no such file", name, 1, 1) from None
    except OSError as exc:
        raise TranscriptError(f"cannot read the file ({exc.strerror or exc})", name, 1, 1) from None


def read_source(path: str | Path) -> str:
    """Read a transcript file as text (see :func:`decode` for what is refused)."""
    return decode(read_bytes(path), str(path))
