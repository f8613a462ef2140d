"""The one error the kit raises for a bad transcript."""
from __future__ import annotations


class TranscriptError(ValueError):
    """A transcript the kit cannot read, with where the trouble is.

    ``path`` names the file (or ``<text>`` for a string), ``line`` and ``column`` count from 1
    (the column counts characters, or bytes when the file is not valid UTF-8). ``str(error)``
    is one plain line in the form compilers use, which editors can jump to::

        seeds/cable.txt:33:15: error: the quotation opened here never closes
    """

    def __init__(self, message: str, path: str = "<text>", line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path)
        self.line = line
        self.column = column

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: error: {self.message}"

    @classmethod
    def unforeseen(cls, path: str, exc: BaseException) -> "TranscriptError":
        """The error to show for an exception the kit did not foresee on this file (a bug):
        still one line, naming the file, never a traceback."""
        message = " ".join(str(exc).split())[:200]
        return cls(f"the kit could not handle this file ({type(exc).__name__}: {message}); "
                   "please report it with the file", path)
