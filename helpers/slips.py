"""The seed's transcription slips, kept as data and found again in the source by code.

``data/slips.csv`` lists each slip exactly as it stands in the seed (``slip``), what was
probably meant (``probably_meant``), its ``kind`` (``slip``, or ``archive's mark`` for the
archive's own "[sic]") and a ``note``. The kit never corrects the source: :func:`locate_slips`
finds each slip where it stands and reports its line, so a reader can check it.

**Matching rule**: a slip matches where its exact text (case and punctuation as written) stands
with no letter or digit directly before or after it, so "engage" does not match inside
"engaged". A slip should match exactly once; ``count`` says how often it does.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from . import paths

SLIPS_CSV: Path = paths.DATA / "slips.csv"
SLIP_COLUMNS = ["slip", "probably_meant", "kind", "note"]


def load_slips(path: str | Path = SLIPS_CSV) -> pd.DataFrame:
    """The list of slips (columns slip, probably_meant, kind, note), in reading order."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = set(SLIP_COLUMNS) - set(table.columns)
    if missing:
        raise ValueError(f"{path}: missing columns {', '.join(sorted(missing))}")
    return table[SLIP_COLUMNS]


def _pattern(slip: str) -> re.Pattern[str]:
    return re.compile(r"(?<![^\W_])" + re.escape(slip) + r"(?![^\W_])")


def line_of(source: str, offset: int) -> int:
    """The 1-based line number of character ``offset`` in ``source``."""
    return source.count("\n", 0, offset) + 1


def locate_slips(source: str, slips: pd.DataFrame | None = None) -> pd.DataFrame:
    """Find each slip in ``source``: adds ``count``, ``line``, ``start``, ``end`` and ``context``.

    ``line``, ``start`` and ``end`` describe the first match (``<NA>`` when there is none);
    ``source[start:end] == slip`` for every slip found. ``context`` is the slip, marked «like this»,
    with up to 30 characters either side, on one line.
    """
    slips = load_slips() if slips is None else slips
    rows = []
    for row in slips.itertuples(index=False):
        matches = list(_pattern(row.slip).finditer(source))
        first = matches[0] if matches else None
        context = ""
        if first is not None:
            before = source[max(0, first.start() - 30):first.start()]
            after = source[first.end():first.end() + 30]
            context = " ".join(f"…{before}«{row.slip}»{after}…".split())
        rows.append({
            **row._asdict(),
            "count": len(matches),
            "line": line_of(source, first.start()) if first else None,
            "start": first.start() if first else None,
            "end": first.end() if first else None,
            "context": context,
        })
    table = pd.DataFrame(rows, columns=[*SLIP_COLUMNS, "count", "line", "start", "end", "context"])
    return table.astype({"count": "int64", "line": "Int64", "start": "Int64", "end": "Int64"})


def slip_table(found: pd.DataFrame) -> pd.DataFrame:
    """The located slips for reading: one row per slip, named by the slip itself (no row numbers).

    Columns: what was probably meant, the kind, the line of the first match, how often it stands
    in the text, and the words around it (from :func:`locate_slips`).
    """
    return found.set_index("slip")[["probably_meant", "kind", "line", "count", "context"]]


def slip_notes(slips: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each slip with its note, in full, named by the slip itself."""
    slips = load_slips() if slips is None else slips
    return slips.set_index("slip")[["note"]]


def found_summary(found: pd.DataFrame) -> str:
    """One Markdown sentence: how many entries of the list stand exactly once in the text."""
    once = int((found["count"] == 1).sum())
    text = (f"Of the **{len(found)}** entries in the list, **{once}** stand exactly once in the "
            f"source; the `line` column says where to check each one. ")
    if once == len(found):
        return text + "Every entry was found."
    return text + ("The entries not found once are not in this text as written: the list was "
                   "made for the cable.")
