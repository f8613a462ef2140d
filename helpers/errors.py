"""The errors the kit reports to a person: each one line, naming the file and where in it.

::

    KitError                 anything the kit cannot do with a file it was given
    ├── TranscriptError      a transcript it cannot read: file, line and column
    ├── DataFileError        a CSV of data (speaker file, people file, notes) with a bad row: file, line
    └── OutputError          a file or folder it cannot write: file

``str(error)`` is one line in the form compilers use, which editors can jump to::

    seeds/cable.txt:33:15: error: the quotation opened here never closes
    data/topics.csv:4: error: every row needs a topic
    out/turns.xlsx: error: the output name must end in .csv or .json

The command line prints that line and exits with status 2, never with a traceback.
``ValueError`` (not these) stays the error for a function called with a wrong argument.
"""
from __future__ import annotations

__all__ = ["KitError", "TranscriptError", "DataFileError", "OutputError"]


class KitError(Exception):
    """Something the kit cannot do with a file; ``path``, and ``line`` and ``column`` if known.

    Lines and columns count from 1.
    """

    def __init__(self, message: str, path: str = "<text>", line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path)
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: error: {self.message}"

    @classmethod
    def unforeseen(cls, path: str, exc: BaseException) -> "KitError":
        """The error to show for an exception the kit did not foresee on this file (a bug):
        still one line, naming the file, never a traceback."""
        message = " ".join(str(exc).split())[:200]
        return cls(f"the kit could not handle this file ({type(exc).__name__}: {message}); "
                   "please report it with the file", path)


class TranscriptError(KitError, ValueError):
    """A transcript the kit cannot read, with where the trouble is.

    ``path`` names the file (or ``<text>`` for a string), ``line`` and ``column`` count from 1
    (the column counts characters, or bytes when the file is not valid UTF-8).
    """

    line: int
    column: int

    def __init__(self, message: str, path: str = "<text>", line: int = 1, column: int = 1) -> None:
        super().__init__(message, path, line, column)


class DataFileError(KitError, ValueError):
    """A data file (CSV) the kit cannot use: a missing column, or a bad row and its line.

    Speaker files, people files and the topic notes raise it.
    """


class OutputError(KitError, OSError):
    """A file or folder the kit was asked to write and cannot (a bad name, no permission)."""
