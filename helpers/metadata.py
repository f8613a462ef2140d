"""The telegram's header, decoded field by field, and the meeting's date derived from it.

**Read** from the text (each field keeps the line it was read from and the words as written):

- ``archive_date``: the archive's date line at the top ("July 19, 1949").
- ``summary``: the archive's one-paragraph summary under it (a later reading, not Kelly's).
- ``title``: "Cable from Moscow to the Foreign Office" (and from it ``origin``, ``destination``).
- ``sender``: the line after the title ("Sir D. Kelly").
- ``telegram_no``: "No. 608".
- ``despatched`` and ``received``: the first and second time in the header ("1.11 p.m.",
  "3.50 p.m."), each on the first date written after it ("19th July, 1949").
- ``reference``: the line "My telegram No. 599. Interview with Stalin.", and from it
  ``refers_to_telegram`` (599).
- ``duration_minutes``: from "having lasted exactly 25 minutes" near the end.

**Derived** (not written as such anywhere in the cable):

- ``meeting_start``: Kelly writes on 19 July that Stalin "received me last night at 10 p.m.
  (Moscow Time)", so the meeting began on the evening before the despatch date: 18 July 1949,
  22:00 Moscow time. The cable's date and the meeting's date are one day apart.
- ``meeting_place``: "in the Kremlin", from the same sentence.

A transcript that is not a cable of this form simply leaves the fields it lacks as ``None``; its
``title`` is its first header paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

_MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
_MONTH = "(" + "|".join(_MONTHS) + ")"
_US_DATE = re.compile(rf"{_MONTH} (\d{{1,2}}), (\d{{4}})")
_UK_DATE = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)? {_MONTH},\s*(\d{{4}})")
_TIME = re.compile(r"(\d{1,2})(?:[.:](\d{2}))? ?([ap])\.m\.")
_TITLE = re.compile(r"Cable from (?P<origin>.+?) to (?:the )?(?P<destination>.+)")
_NUMBER = re.compile(r"No\. ?(\d{1,9})")
_REFERENCE = re.compile(r"My telegram No\. ?(\d{1,9})(?!\d)\.?")
_RECEIVED = re.compile(
    r"received me (?P<when>last night|yesterday|this morning)"
    r" at (?P<time>\d{1,2}(?:[.:]\d{2})? ?[ap]\.m\.) \((?P<zone>[^)]+)\) in the (?P<place>\w+)")
_DURATION = re.compile(r"lasted (?:exactly |about |some )?(\d{1,9}) minutes")


@dataclass(frozen=True)
class Field:
    """One metadata field: its value, the words as written, the line, and how it was found."""

    name: str
    value: object
    as_written: str
    line: int
    how: str  # "read" or "derived"


@dataclass
class CableMetadata:
    """What the cable says about itself (see the module docstring for read and derived fields)."""

    archive_date: date | None = None
    summary: str | None = None
    title: str | None = None
    origin: str | None = None
    destination: str | None = None
    sender: str | None = None
    telegram_no: int | None = None
    despatched: datetime | None = None
    received: datetime | None = None
    reference: str | None = None
    refers_to_telegram: int | None = None
    meeting_start: datetime | None = None
    meeting_place: str | None = None
    duration_minutes: int | None = None
    fields: list[Field] = field(default_factory=list, repr=False)

    def as_dict(self) -> dict:
        """The fields as JSON-ready values (ISO 8601 dates and times)."""
        out = {}
        for name in self.__dataclass_fields__:
            if name == "fields":
                continue
            value = getattr(self, name)
            out[name] = value.isoformat() if isinstance(value, (date, datetime)) else value
        return out

    def table(self):
        """The fields as a DataFrame: field, value, as written, line, read or derived."""
        import pandas as pd

        rows = [
            {"field": f.name,
             "value": f.value.isoformat(sep=" ") if isinstance(f.value, datetime)
             else f.value.isoformat() if isinstance(f.value, date) else f.value,
             "as_written": f.as_written, "line": f.line, "how": f.how}
            for f in self.fields
        ]
        return pd.DataFrame(rows, columns=["field", "value", "as_written", "line", "how"])


def _date(year: str, month: int, day: str) -> date | None:
    """A calendar date, or None for one that does not exist ("February 30, 1949")."""
    try:
        return date(int(year), month, int(day))
    except ValueError:
        return None


def _us_date(text: str) -> date | None:
    m = _US_DATE.fullmatch(text)
    return _date(m[3], _MONTHS[m[1]], m[2]) if m else None


def _uk_date(text: str) -> date | None:
    m = _UK_DATE.fullmatch(text)
    return _date(m[3], _MONTHS[m[2]], m[1]) if m else None


def _clock(text: str, minutes: bool = False) -> time | None:
    """The time of day in "1.11 p.m." or "10 p.m." (the whole text); ``minutes`` requires them.

    A time that cannot be on a twelve-hour clock ("13 p.m.", "4.75 p.m.") is None.
    """
    m = _TIME.fullmatch(text.strip())
    if not m or (minutes and m[2] is None):
        return None
    hour, minute = int(m[1]), int(m[2] or 0)
    if not (1 <= hour <= 12 and minute <= 59):
        return None
    return time(hour % 12 + (12 if m[3] == "p" else 0), minute)


def parse_metadata(blocks: list[dict]) -> CableMetadata:
    """Decode the header of a cable from the parser's blocks (dicts with kind, text, line_start)."""
    meta = CableMetadata()
    found: list[Field] = []

    def put(name: str, value: object, as_written: str, line: int, how: str = "read") -> None:
        if getattr(meta, name) is None:
            setattr(meta, name, value)
            found.append(Field(name, value, as_written, line, how))

    header = [b for b in blocks if b["kind"] == "header"]
    pending_time: tuple[str, time, str, int] | None = None
    previous = None
    for block in header:
        text, line = block["text"], block["line_start"]
        one_line = " ".join(text.split())
        if meta.archive_date is None and _us_date(one_line):
            put("archive_date", _us_date(one_line), text, line)
        elif (meta.archive_date is not None and meta.summary is None and meta.title is None
              and len(one_line.split()) >= 8):
            put("summary", one_line, text, line)
        elif _TITLE.fullmatch(one_line):
            m = _TITLE.fullmatch(one_line)
            put("title", one_line, text, line)
            put("origin", m["origin"], text, line)
            put("destination", m["destination"], text, line)
        elif previous is not None and previous.get("is_title") and meta.sender is None:
            put("sender", one_line, text, line)
        elif _NUMBER.fullmatch(one_line):
            put("telegram_no", int(_NUMBER.fullmatch(one_line)[1]), text, line)
        elif (clock := _clock(one_line, minutes=True)) is not None:
            which = "despatched" if meta.despatched is None and pending_time is None else "received"
            pending_time = (which, clock, text, line)
        elif _uk_date(one_line) or _us_date(one_line):
            day = _uk_date(one_line) or _us_date(one_line)
            if pending_time is not None:
                which, clock, t_text, t_line = pending_time
                put(which, datetime.combine(day, clock), f"{t_text} / {text}", t_line)
                pending_time = None
        elif _REFERENCE.match(one_line):
            put("reference", one_line, text, line)
            put("refers_to_telegram", int(_REFERENCE.match(one_line)[1]), text, line)
        previous = {"is_title": bool(_TITLE.fullmatch(one_line))}

    if meta.title is None and header:
        first = next((b for b in header if not _us_date(" ".join(b["text"].split()))), header[0])
        put("title", " ".join(first["text"].split()), first["text"], first["line_start"])

    for block in blocks:
        if block["kind"] != "narration":
            continue
        text = " ".join(block["text"].split())
        m = _RECEIVED.search(text)
        if m and meta.meeting_start is None:
            clock = _clock(m["time"])
            sent = meta.despatched.date() if meta.despatched else None
            back = 1 if m["when"] in ("last night", "yesterday") else 0
            if clock is not None and sent is not None and sent > date.min + timedelta(days=back):
                put("meeting_start", datetime.combine(sent - timedelta(days=back), clock),
                    m.group(0), block["line_start"], "derived")
            put("meeting_place", m["place"], m.group(0), block["line_start"], "derived")
        d = _DURATION.search(text)
        if d and meta.duration_minutes is None:
            put("duration_minutes", int(d[1]), d.group(0), block["line_start"])
    meta.fields = found
    return meta
