"""A record's header, read field by field: what any record may say about itself.

Each field keeps its value, the words as written, the line it was read from and how it was
found (``read``, or ``derived`` by a reader that works something out). Read from the header
(the paragraphs before the first turn, one block per line):

- ``date``: the first header line that is a date and nothing else ("July 19, 1949" or
  "19th July, 1949") and does not complete a time (below).
- ``summary``: a paragraph of eight words or more right after that date and before the title
  (an archive's one-paragraph summary).
- ``title``: the first header line that is none of the others.
- ``number``: a line "No. 608".
- ``time_1``, ``time_2``, ...: each line that is a time of day ("1.11 p.m."), on the first date
  written after it ("19th July, 1949").
- a field line ``Name: value`` (``SUBJECT: Grain``, ``Place: The Kremlin``) gives the field
  ``name`` (lower case, spaces as ``_``: ``date_and_time``); the lines right below it that are
  not fields themselves continue its value, joined with "; ". A value that is a date is read as one.

Read from the narration: ``duration_minutes``, from "lasted 25 minutes" (or "lasted exactly
/ about / some 25 minutes").

A record that lacks a field simply does not have it: ``metadata.get("number")`` and
``metadata.number`` are then ``None``. A reader for one kind of record (the course reads the
cable's own header this way) adds fields with :meth:`Metadata.with_fields`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

import pandas as pd

__all__ = ["Field", "Metadata", "parse_date", "parse_metadata", "parse_time"]

_MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
_MONTH = "(" + "|".join(_MONTHS) + ")"
_US_DATE = re.compile(rf"{_MONTH} (\d{{1,2}}), (\d{{4}})")
_UK_DATE = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)? {_MONTH},\s*(\d{{4}})")
_TIME = re.compile(r"(\d{1,2})(?:[.:](\d{2}))? ?([ap])\.m\.")
_NUMBER = re.compile(r"No\. ?(\d{1,9})")
_FIELD_LINE = re.compile(r"(?P<name>[A-Z][A-Za-z]*(?: [A-Za-z]+){0,3})\s*:\s*(?P<value>\S.*)")
_DURATION = re.compile(r"lasted (?:exactly |about |some )?(\d{1,9}) minutes")


@dataclass(frozen=True)
class Field:
    """One metadata field: its value, the words as written, the line, and how it was found."""

    name: str
    value: object
    as_written: str
    line: int
    how: str = "read"  # "read" or "derived"


def _iso(value: object, sep: str = "T") -> object:
    if isinstance(value, datetime):
        return value.isoformat(sep=sep)
    if isinstance(value, date):
        return value.isoformat()
    return value


@dataclass
class Metadata:
    """The fields a record gives about itself, in the order of their lines.

    Any field is an attribute (``metadata.duration_minutes``), ``None`` when the record lacks it.
    """

    fields: list[Field] = field(default_factory=list)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name == "fields":
            raise AttributeError(name)
        return self.get(name)

    def field(self, name: str) -> Field | None:
        """The field called ``name``, or ``None``."""
        return next((f for f in self.__dict__.get("fields", []) if f.name == name), None)

    def get(self, name: str, default: object = None) -> Any:
        """The value of field ``name``, or ``default`` when the record does not give it."""
        found = self.field(name)
        return default if found is None else found.value

    def __contains__(self, name: object) -> bool:
        return any(f.name == name for f in self.fields)

    def names(self) -> list[str]:
        """The names of the fields, in order."""
        return [f.name for f in self.fields]

    def with_fields(self, more: Iterable[Field] = (), rename: Mapping[str, str] | None = None) -> "Metadata":
        """A copy with fields renamed (``{"number": "telegram_no"}``) and ``more`` fields added,
        in line order (a field already there keeps its value)."""
        rename = rename or {}
        fields = [Field(rename.get(f.name, f.name), f.value, f.as_written, f.line, f.how)
                  for f in self.fields]
        names = {f.name for f in fields}
        for extra in more:
            if extra.name not in names:
                fields.append(extra)
                names.add(extra.name)
        return Metadata(sorted(fields, key=lambda f: f.line))

    def as_dict(self) -> dict[str, object]:
        """The fields as JSON-ready values (ISO 8601 dates and times)."""
        return {f.name: _iso(f.value) for f in self.fields}

    def table(self) -> pd.DataFrame:
        """The fields as a DataFrame: field, value, as written, line, read or derived."""
        rows = [{"field": f.name, "value": _iso(f.value, " "), "as_written": f.as_written,
                 "line": f.line, "how": f.how} for f in self.fields]
        return pd.DataFrame(rows, columns=["field", "value", "as_written", "line", "how"])

    def __repr__(self) -> str:
        return f"Metadata({', '.join(self.names())})"


def _date(year: str, month: int, day: str) -> date | None:
    """A calendar date, or None for one that does not exist ("February 30, 1949")."""
    try:
        return date(int(year), month, int(day))
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    """The date written as the whole of ``text``: "July 19, 1949" or "19th July, 1949".

    >>> parse_date("19th July,1949")
    datetime.date(1949, 7, 19)
    >>> parse_date("February 30, 1949") is None
    True
    """
    text = " ".join(text.split())
    if m := _US_DATE.fullmatch(text):
        return _date(m[3], _MONTHS[m[1]], m[2])
    if m := _UK_DATE.fullmatch(text):
        return _date(m[3], _MONTHS[m[2]], m[1])
    return None


def parse_time(text: str, minutes: bool = False) -> time | None:
    """The time of day in "1.11 p.m." or "10 p.m." (the whole text); ``minutes`` requires them.

    A time that cannot be on a twelve-hour clock ("13 p.m.", "4.75 p.m.") is None.

    >>> parse_time("3.50 p.m.")
    datetime.time(15, 50)
    """
    m = _TIME.fullmatch(text.strip())
    if not m or (minutes and m[2] is None):
        return None
    hour, minute = int(m[1]), int(m[2] or 0)
    if not (1 <= hour <= 12 and minute <= 59):
        return None
    return time(hour % 12 + (12 if m[3] == "p" else 0), minute)


def parse_metadata(blocks: list[dict]) -> Metadata:
    """Read the header fields and the stated length from the parser's blocks (dicts with
    ``kind``, ``text`` and ``line_start``); see the module docstring for the rules."""
    found: list[Field] = []
    names: set[str] = set()

    def put(name: str, value: object, as_written: str, line: int, how: str = "read") -> None:
        if name not in names:
            names.add(name)
            found.append(Field(name, value, as_written, line, how))

    header = [b for b in blocks if b["kind"] == "header"]
    pending: tuple[time, str, int] | None = None
    times = 0
    last_field: tuple[int, int] | None = None  # (index in found, line) of a field line
    for block in header:
        text, line = block["text"], block["line_start"]
        one_line = " ".join(text.split())
        day = parse_date(one_line)
        clock = parse_time(one_line, minutes=True)
        field_line = _FIELD_LINE.fullmatch(one_line)
        if field_line and not clock:
            name = "_".join(field_line["name"].lower().split())
            value_text = field_line["value"].strip()
            if name not in names:
                put(name, parse_date(value_text) or value_text, text, line)
                last_field = (len(found) - 1, line)
            continue
        if last_field is not None and line == last_field[1] + 1 and day is None and clock is None:
            index, _ = last_field
            old = found[index]
            found[index] = Field(old.name, f"{old.value}; {one_line}", f"{old.as_written}\n{text}",
                                 old.line, old.how)
            last_field = (index, line)
            continue
        last_field = None
        if clock is not None:
            pending = (clock, text, line)
        elif day is not None:
            if pending is not None:
                clock_time, t_text, t_line = pending
                times += 1
                put(f"time_{times}", datetime.combine(day, clock_time), f"{t_text} / {text}", t_line)
                pending = None
            elif "date" not in names:
                put("date", day, text, line)
        elif (number := _NUMBER.fullmatch(one_line)) is not None:
            put("number", int(number[1]), text, line)
        elif "date" in names and "summary" not in names and "title" not in names \
                and len(one_line.split()) >= 8:
            put("summary", one_line, text, line)
        elif "title" not in names:
            put("title", one_line, text, line)

    for block in blocks:
        if block["kind"] != "narration":
            continue
        d = _DURATION.search(" ".join(block["text"].split()))
        if d and "duration_minutes" not in names:
            put("duration_minutes", int(d[1]), d.group(0), block["line_start"])
    return Metadata(sorted(found, key=lambda f: f.line))
