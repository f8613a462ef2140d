"""The seed's transcription slips, kept as data and found again in the source by code.

``data/slips.csv`` lists each slip exactly as it stands in the seed (``slip``), what was
probably meant (``probably_meant``), its ``kind`` (``slip``, or ``archive's mark`` for the
archive's own "[sic]") and a ``note``. The kit never corrects the source: :func:`locate_slips`
finds each slip where it stands and reports its line, so a reader can check it.

A slip is found by the kit's one rule for exact phrases (:func:`helpers.concordance.term_pattern`):
its text as written, case and punctuation included, with no letter or digit directly before
or after it, so "engage" does not match inside "engaged". A slip should match exactly once;
``count`` says how often it does.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..concordance import context, term_pattern
from ..errors import DataFileError
from ..source import position
from . import paths

__all__ = ["SLIP_COLUMNS", "found_summary", "load_slips", "locate_slips", "slip_notes", "slip_table"]

#: The columns of the list of slips.
SLIP_COLUMNS = ["slip", "probably_meant", "kind", "note"]


def load_slips(path: str | Path | None = None) -> pd.DataFrame:
    """The list of slips (``data/slips.csv`` unless another file is given: columns slip,
    probably_meant, kind, note), in reading order."""
    path = paths.SLIPS if path is None else path
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in SLIP_COLUMNS if c not in table.columns]
    if missing:
        raise DataFileError(f"missing column(s) {', '.join(missing)}", str(path), 1)
    return table[SLIP_COLUMNS]


def locate_slips(source: str, slips: pd.DataFrame | None = None) -> pd.DataFrame:
    """Find each slip in ``source``: adds ``count``, ``line``, ``start``, ``end`` and ``context``.

    ``line``, ``start`` and ``end`` describe the first match (``<NA>`` when there is none);
    ``source[start:end] == slip`` for every slip found. ``context`` is the slip, marked «like this»,
    with up to 30 characters either side, on one line.
    """
    slips = load_slips() if slips is None else slips
    rows = []
    for row in slips.itertuples(index=False):
        matches = list(term_pattern(row.slip, exact=True).finditer(source))
        first = matches[0] if matches else None
        rows.append({
            **row._asdict(),
            "count": len(matches),
            "line": position(source, first.start())[0] if first else None,
            "start": first.start() if first else None,
            "end": first.end() if first else None,
            "context": context(source, first.start(), first.end()) if first else "",
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
