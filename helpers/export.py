"""Writing turns and blocks to CSV or JSON files that open cleanly elsewhere.

CSV is written as UTF-8 with a byte-order mark, which spreadsheet programs take as the sign to
read UTF-8 (so “ ” and ’ survive). A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or
a carriage return could run as a formula in a spreadsheet; such a cell is written with a leading
apostrophe (``'=...``), the usual guard, which spreadsheets show but do not run. JSON is written
as UTF-8, one object per row, with lists kept as lists.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import OutputError

__all__ = ["FORMULA_START", "WRITERS", "csv_header", "csv_rows", "guard_cell", "to_csv", "to_json",
           "write"]

#: How a cell that could run as a spreadsheet formula begins.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(value: object) -> object:
    """A cell value made safe for spreadsheets (strings that could run as formulas are quoted)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _flatten(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with list cells joined with `` | `` (a CSV cell holds text)."""
    out = frame.copy()
    for column in out.columns:
        if any(isinstance(v, list) for v in out[column]):
            out[column] = out[column].map(lambda v: " | ".join(v) if isinstance(v, list) else v)
    return out


def to_csv(frame: pd.DataFrame, path: str | Path) -> None:
    """Write ``frame`` as spreadsheet-safe CSV (lists joined with `` | ``)."""
    safe = _flatten(frame).astype(object).map(guard_cell)
    safe.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")


def _cells(row: Sequence[Any]) -> list[Any]:
    """A row's cells as :func:`to_csv` writes them (text and whole numbers, the common cells,
    tested first: a corpus run writes a thousand records' rows so)."""
    out: list[Any] = []
    for value in row:
        kind = value.__class__
        if kind is str:
            out.append("'" + value if value.startswith(FORMULA_START) else value)
        elif kind is int:
            out.append(value)
        elif value is None:
            out.append("")
        elif kind is list:
            joined = " | ".join(value)
            out.append("'" + joined if joined.startswith(FORMULA_START) else joined)
        else:
            out.append(guard_cell(value))
    return out


def csv_rows(rows: Iterable[Sequence[Any]]) -> str:
    """Rows of plain values (text, whole numbers, lists of text, ``None``) as the lines
    :func:`to_csv` writes for a table of them: lists joined with `` | ``, ``None`` empty, cells
    that could run as formulas guarded, ``\r\n`` line ends, no header. :func:`csv_header`,
    then these lines, is :func:`to_csv`'s file, byte for byte (a corpus run's workers make the
    lines of ``turns.csv`` so, in parallel)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(map(_cells, rows))
    return buffer.getvalue()


def csv_header(columns: Sequence[str]) -> str:
    """The header line :func:`to_csv` writes for these columns (after its byte-order mark)."""
    return csv_rows([columns])


def to_json(frame: pd.DataFrame, path: str | Path) -> None:
    """Write ``frame`` as a JSON list of records (UTF-8, lists kept as lists)."""
    records = []
    for row in frame.astype(object).to_dict(orient="records"):
        records.append({k: (None if (not isinstance(v, list) and pd.isna(v)) else v)
                        for k, v in row.items()})
    Path(path).write_text(json.dumps(records, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


#: The writer for each file suffix.
WRITERS = {".csv": to_csv, ".json": to_json}


def write(frame: pd.DataFrame, path: str | Path) -> None:
    """Write ``frame`` as CSV or JSON, chosen by the suffix of ``path`` (``.csv``, ``.json``).

    Raises :class:`helpers.OutputError` for another suffix or a file that cannot be written.
    """
    writer = WRITERS.get(Path(path).suffix.lower())
    if writer is None:
        raise OutputError("the output name must end in .csv or .json", str(path))
    try:
        writer(frame, path)
    except OSError as exc:
        raise OutputError(f"cannot write the file ({exc.strerror or exc})", str(path)) from None
