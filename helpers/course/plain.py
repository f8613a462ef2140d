"""Plain errors: a cell that stops shows one sentence saying what to do, not a traceback.

A student's slip in a notebook cell (a quotation mark dropped, ``04`` for ``4``, a name
misspelt, a date written day first) stops the cell with Python's own message, which says
nothing a beginner can act on. :func:`install` gives the running IPython an exception handler
(``set_custom_exc``) that turns the common slips into one sentence in plain words::

    ⚠ A quotation mark is missing on line 1: a phrase needs one " before it and one after it,
      like "American forces".
      (Python's own words: SyntaxError: unterminated string literal (detected at line 1))

The cell still shows red and still stops (so *Run All* stops there too); only the message is
plainer. :func:`explain` gives the sentence for one error, or ``None`` when it is not a slip the
kit knows: those keep Python's full traceback. The handler is installed by
:func:`helpers.course.exercise.start` (each exercise cell calls it) and, when JupyterLab is
started with ``make lab``, by the kit's IPython start-up file, so that even a cell that cannot
be read at all (a ``SyntaxError``, which no function of the kit can catch) gets its sentence.
"""
from __future__ import annotations

import difflib
import re
import sys
import traceback
import types
from typing import Any

from ..errors import KitError

__all__ = ["HELP", "MARKER", "Slip", "explain", "install", "installed", "plain_lines"]

#: The first mark of every plain message (a test and a reader can find it).
MARKER = "⚠"
#: Where the notebooks explain what to do when a cell shows red.
HELP = "Stuck? See the box “When a cell shows red” at the top of the notebook."


class Slip(ValueError):
    """A student's slip that a kit function noticed: its message is the one plain sentence."""


def _line(value: BaseException) -> str:
    lineno = getattr(value, "lineno", None)
    return f" on line {lineno}" if lineno else ""


def _syntax(value: SyntaxError) -> str:
    message = str(value.msg or "")
    text = (value.text or "").strip()
    on = _line(value)
    if "unterminated string" in message or "EOL while scanning" in message \
            or "unterminated triple-quoted" in message:
        return (f"A quotation mark is missing{on}: a phrase needs one \" before it and one after "
                "it, like \"American forces\".")
    if "leading zeros" in message:
        return (f"A number{on} starts with 0: Python does not accept 04 or 07; write 4 or 7 "
                "(a date is written datetime.date(1949, 4, 4), or the kit's year, month, day).")
    if "was never closed" in message:
        return (f"A bracket is opened{on} and never closed: add the closing ) or ] at the end, "
                "as in the cell as it was.")
    if "unmatched" in message or "does not match" in message:
        return (f"There is a bracket too many{on}: remove the extra ) or ], or compare the line "
                "with the cell as it was.")
    if isinstance(value, IndentationError):
        return (f"A line{on} starts with a space or a tab where it should not: remove the spaces "
                "at the start of the line.")
    if "Perhaps you forgot a comma" in message or "invalid syntax" in message:
        if text and not re.search(r"[\"“”']", text.split("#")[0]):
            return (f"Python cannot read line {getattr(value, 'lineno', '?')}: if you typed words, "
                    "put them between quotation marks, like \"American forces\"; between numbers "
                    "put commas, like (100, 160).")
        return (f"Python cannot read line {getattr(value, 'lineno', '?')}: check that every phrase "
                "is between a pair of quotation marks and that numbers are separated by commas, "
                "like (100, 160).")
    if "invalid character" in message:
        return (f"A character{on} is not one Python reads (perhaps a curly quotation mark “ ” "
                "pasted from a text): type the straight quotation mark \" on the keyboard.")
    return (f"Python cannot read this cell{on}. Compare the line with the cell as it was: a "
            "quotation mark, a comma or a bracket is probably missing.")


_DATE_ERRORS = ("day is out of range", "month must be in", "year 0 is out of range",
                "year is out of range")


def _from_the_kit(tb: types.TracebackType | None) -> bool:
    """Whether the error was raised inside the helpers package (a kit function said it)."""
    for frame, _ in traceback.walk_tb(tb):
        name = frame.f_globals.get("__name__", "")
        if name == "helpers" or name.startswith("helpers."):
            return True
    return False


def _names(shell: Any) -> list[str]:
    """The names the notebook's own cells defined (not IPython's exit, quit, In, Out ...: a
    student who has not run ``ex = ...`` must not be asked "did you mean exit?")."""
    names = list(getattr(shell, "user_ns", {}) or {})
    hidden = getattr(shell, "user_ns_hidden", {}) or {}
    return [n for n in names if not n.startswith("_") and n not in hidden]


def explain(etype: type[BaseException], value: BaseException,
            tb: types.TracebackType | None = None, names: list[str] | None = None) -> str | None:
    """The one plain sentence for a slip, or ``None`` if the error is not one the kit knows.

    ``names`` are the names the notebook knows (for "did you mean ..." on a misspelt name).
    """
    if isinstance(value, SyntaxError):
        return _syntax(value)
    if isinstance(value, Slip):
        return str(value)
    if isinstance(value, KitError):
        return f"The kit cannot read a file: {value}"
    if isinstance(value, NameError):
        name = getattr(value, "name", None) or (re.findall(r"'([^']+)'", str(value)) or ["?"])[0]
        close = difflib.get_close_matches(name, names or [], n=1)
        if close:
            return (f"Python does not know the name {name} (did you mean {close[0]}?): check the "
                    "spelling, capital letters count, against the cell as it was.")
        return (f"Python does not know the name {name}: check its spelling (capital letters "
                "count); if it is the kit's, run the cell from its first line, or the cells above "
                "it (Run > Run All Above Selected Cell).")
    if isinstance(value, AttributeError):
        name = getattr(value, "name", None)
        obj = getattr(value, "obj", None)
        if name and obj is not None:
            options = [n for n in dir(obj) if not n.startswith("_")]
            close = difflib.get_close_matches(name, options, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            return (f"There is no {name} here{hint}: check the spelling against the cell as it "
                    "was, capital letters count.")
        return None
    if isinstance(value, ValueError) and any(m in str(value) for m in _DATE_ERRORS):
        return ("A date is written year first in Python: datetime.date(1949, 4, 4) is 4 April "
                "1949 (year, month, day), not datetime.date(4, 4, 1949).")
    if isinstance(value, (ValueError, KeyError, IndexError, TypeError)) and _from_the_kit(tb):
        words = str(value.args[0]) if isinstance(value, KeyError) and value.args else str(value)
        if isinstance(value, KeyError):
            return (f"{words} is not a name in this table: check the spelling (capital letters "
                    "count) against the cell as it was.")
        if isinstance(value, ValueError):
            return f"The kit says: {words[:1].upper()}{words[1:]}" + ("" if words.endswith(".") else ".")
        return None
    if isinstance(value, TypeError) and "not iterable" in str(value):
        return ("A list of values needs commas between them, in brackets: (100, 160), or (100,) "
                "for one value.")
    return None


def plain_lines(etype: type[BaseException], value: BaseException,
                tb: types.TracebackType | None = None, names: list[str] | None = None) -> list[str] | None:
    """The lines a cell shows for a slip: the sentence, Python's own words, where to get help."""
    sentence = explain(etype, value, tb, names)
    if sentence is None:
        return None
    own = "".join(traceback.format_exception_only(etype, value)).strip().splitlines()[-1]
    return [f"{MARKER} {sentence}", f"  (Python's own words: {own})", f"  {HELP}"]


def _handler(shell: Any, etype: type[BaseException], value: BaseException,
             tb: types.TracebackType | None, tb_offset: int | None = None) -> list[str]:
    lines = plain_lines(etype, value, tb, _names(shell))
    if lines is None:  # not a slip the kit knows: Python's own traceback, as always
        if issubclass(etype, SyntaxError):
            stb = shell.SyntaxTB.structured_traceback(etype, value, [])
        else:
            stb = shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)
    else:
        stb = lines
    shell._showtraceback(etype, value, stb)
    return stb


#: What the handler catches; anything else keeps IPython's own handling.
_CAUGHT: tuple[type[BaseException], ...] = (SyntaxError, NameError, AttributeError, ValueError,
                                            KeyError, IndexError, TypeError, KitError)


def installed(shell: Any = None) -> bool:
    """Whether the plain handler is installed in ``shell`` (the running IPython by default)."""
    shell = shell if shell is not None else _shell()
    return shell is not None and getattr(shell, "_kit_plain_errors", False)


def _shell() -> Any:
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return None
    return ipython.get_ipython()


def install(shell: Any = None) -> bool:
    """Give ``shell`` (the running IPython by default) the plain handler; ``False`` outside
    IPython (a script, a test). Idempotent: a second call changes nothing."""
    shell = shell if shell is not None else _shell()
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return False
    if not installed(shell):
        shell.set_custom_exc(_CAUGHT, _handler)
        shell._kit_plain_errors = True
    return True
