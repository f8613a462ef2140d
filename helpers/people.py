"""The people of a record: who was there, who speaks, and how sure we are who each one was.

A *people file* is a CSV with these columns (all text; empty where unknown):

=================  ===============================================================================
``id``             the person as the record's speakers are named (``Kelly``), or a short name
``full_name``      the full name (``Sir David Victor Kelly (1891–1959)``)
``side``           the side they stand for (``British``)
``role``           their office or role at the time of the record
``in_the_room``    ``yes`` or ``no``: present at the meeting
``speaks_in_record``  ``yes`` or ``no``: has at least one turn in the record
``certainty``      how sure the identification is (``confirmed``, ``probable``, ``unidentified``)
``note``           anything a reader should know
``source``         where the identification comes from
=================  ===============================================================================

A transcript ``NAME.txt`` picks up ``NAME.people.csv`` beside it by itself. Without a people
file, the people of a record are its speakers, one row each (``in_the_room`` and
``speaks_in_record`` are ``yes``, the rest empty but ``side``, from the speaker file).
"""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from .errors import DataFileError

__all__ = ["PEOPLE_COLUMNS", "load_people", "people_from_speakers", "people_sidecar"]

#: The columns of a people file, in order.
PEOPLE_COLUMNS: list[str] = ["id", "full_name", "side", "role", "in_the_room", "speaks_in_record",
                             "certainty", "note", "source"]


def people_sidecar(source: str | Path) -> Path:
    """Where a transcript's own people file would be: ``NAME.people.csv`` beside ``NAME.txt``."""
    path = Path(source)
    return path.with_name(path.stem + ".people.csv")


def load_people(path: str | Path) -> pd.DataFrame:
    """Read a people file: one row per person, the columns of :data:`PEOPLE_COLUMNS`, as text.

    Raises :class:`helpers.DataFileError` for a missing column, a row without an ``id`` or with
    a ``yes``/``no`` column holding anything else (naming its line), or a file that cannot be read.
    """
    name = str(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in PEOPLE_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise DataFileError(f"a people file needs the columns {', '.join(PEOPLE_COLUMNS)} "
                                    f"(missing: {', '.join(missing)})", name, 1)
            rows = []
            for row in reader:
                values = {c: (row.get(c) or "").strip() for c in PEOPLE_COLUMNS}
                if not values["id"]:
                    raise DataFileError("every row needs an id", name, reader.line_num)
                for column in ("in_the_room", "speaks_in_record"):
                    if values[column] not in ("yes", "no", ""):
                        raise DataFileError(f"{column} must be yes or no, not {values[column]!r}",
                                            name, reader.line_num)
                rows.append(values)
    except OSError as exc:
        raise DataFileError(f"cannot read the people file ({exc.strerror or exc})", name) from None
    except UnicodeDecodeError:
        raise DataFileError("the people file is not UTF-8 text", name) from None
    except csv.Error as exc:
        raise DataFileError(f"the people file cannot be read as CSV ({exc})", name,
                            reader.line_num or 1) from None
    return pd.DataFrame(rows, columns=PEOPLE_COLUMNS, dtype=object)


def people_from_speakers(turns: pd.DataFrame) -> pd.DataFrame:
    """The people of a record that has no people file: its speakers, in order of first speaking."""
    side_of: dict[str, object] = {}  # each speaker's side at their first turn, in speaking order
    for speaker, side in zip(turns["speaker"].astype(str).tolist(), turns["side"].tolist()):
        side_of.setdefault(speaker, side)
    speakers = list(side_of)
    rows = [{"id": s, "full_name": "", "side": side_of.get(s) or "", "role": "",
             "in_the_room": "yes", "speaks_in_record": "yes", "certainty": "", "note": "",
             "source": ""} for s in speakers]
    return pd.DataFrame(rows, columns=PEOPLE_COLUMNS, dtype=object)
