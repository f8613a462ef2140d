"""The cable itself: Kelly's telegram No. 608 of 19 July 1949, as the course reads it.

- :func:`load_cable` parses the seed with its speaker file and the people of ``data/people.csv``,
  and reads the cable's own header (:func:`read_cable_header`).
- :func:`load` is what the notebooks' parameters cell calls: the cable by default, or any record.
- :func:`is_the_cable` says whether a transcript is the seed (by its text, not its path), so
  a notebook writes its sentences about the cable only when it reads the cable.
- :data:`SPEAKER_STYLES`: Kelly and Stalin always look the same in the kit's charts.
- :data:`FIELD_NOTES`: what each header field of the cable means, in plain words.
- :func:`events` reads the dated events of the time line (``data/events.csv``);
  :func:`meeting_day` is the day of the meeting, derived from the header, never typed.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..errors import DataFileError, KitError
from ..metadata import Field, Metadata, parse_time
from ..style import SpeakerStyle
from ..transcript import Speakers, Transcript
from ..transcript import load as load_record
from . import paths

__all__ = ["FIELD_NOTES", "SPEAKER_STYLES", "chosen", "events", "is_the_cable", "load", "load_cable",
           "meeting_day", "read_cable_header"]

#: Kelly in dark blue circles, Stalin in orange hatched squares: they differ in hue for colour
#: vision and in lightness, hatching and shape for grey print.
SPEAKER_STYLES: dict[str, SpeakerStyle] = {
    "Kelly": SpeakerStyle("#0072B2", "", "o"),
    "Stalin": SpeakerStyle("#E69F00", "//", "s"),
}

#: What each header field means, in plain words (notebook 01's header table).
FIELD_NOTES: dict[str, str] = {
    "archive_date": "the date the archive gives the document (the day the cable was sent)",
    "summary": "the archive's own one-line summary, written long after 1949, not part of the cable",
    "title": "the archive's title for the document",
    "origin": "where the telegram was sent from",
    "destination": "where it was sent to: the British Foreign Office in London",
    "sender": "who sent it: the Ambassador, who is also the author and one of the two speakers",
    "telegram_no": "the telegram's serial number (Kelly cites his earlier one by number too)",
    "despatched": "first time in the header, with a date: the despatch time by the usual layout of a Foreign Office telegram (the transcription has no \"D.\" mark to say so)",
    "received": "second time, with a date: the time of receipt at the Foreign Office by the same layout (no \"R.\" mark in the transcription)",
    "reference": "the first line of the message: it points back to an earlier telegram",
    "refers_to_telegram": "the number of that earlier telegram (its text is not in this record)",
    "meeting_start": "worked out, not written: \"last night\" in a cable sent on one day means the evening before",
    "meeting_place": "worked out from \"in the Kremlin\" in the same sentence",
    "duration_minutes": "read from the words \"lasted ... minutes\" near the end of the record",
}

# The cable's own phrases, read by read_cable_header.
_TITLE = re.compile(r"Cable from (?P<origin>.+?) to (?:the )?(?P<destination>.+)")
_REFERENCE = re.compile(r"My telegram No\. ?(\d{1,9})(?!\d)\.?")
_RECEIVED = re.compile(
    r"received me (?P<when>last night|yesterday|this morning)"
    r" at (?P<time>\d{1,2}(?:[.:]\d{2})? ?[ap]\.m\.) \((?P<zone>[^)]+)\) in the (?P<place>\w+)")
#: The generic fields of :mod:`helpers.metadata`, named as a telegram names them.
_CABLE_NAMES = {"date": "archive_date", "number": "telegram_no", "time_1": "despatched",
                "time_2": "received"}


def read_cable_header(metadata: Metadata, blocks: pd.DataFrame) -> Metadata:
    """The generic header fields named as a telegram's, plus what only a cable of this form says.

    **Read**: ``archive_date`` (the archive's date line), ``telegram_no`` ("No. 608"),
    ``despatched`` and ``received`` (the first and second time in the header, each on the date
    after it), ``origin`` and ``destination`` (from the title "Cable from Moscow to the Foreign
    Office"), ``sender`` (the line after the title), ``reference`` ("My telegram No. 599.
    Interview with Stalin.") and from it ``refers_to_telegram``.

    **Derived** (not written as such anywhere in the cable): ``meeting_start``: Kelly writes on
    19 July that Stalin "received me last night at 10 p.m. (Moscow Time)", so the meeting began
    on the evening before the despatch date; ``meeting_place``: "in the Kremlin".
    """
    renamed = metadata.with_fields(rename=_CABLE_NAMES)
    more: list[Field] = []
    header = blocks[blocks["kind"] == "header"]
    title = renamed.field("title")
    lines = list(zip(header["text"], header["line_start"]))
    for i, (text, line) in enumerate(lines):
        one_line = " ".join(text.split())
        if title is not None and line == title.line and (m := _TITLE.fullmatch(one_line)):
            more += [Field("origin", m["origin"], text, line), Field("destination", m["destination"], text, line)]
            if i + 1 < len(lines):
                after, after_line = lines[i + 1]
                more.append(Field("sender", " ".join(after.split()), after, after_line))
        elif ref := _REFERENCE.match(one_line):
            more += [Field("reference", one_line, text, line),
                     Field("refers_to_telegram", int(ref[1]), text, line)]
    despatched = renamed.get("despatched")
    for text, line in zip(blocks.loc[blocks["kind"] == "narration", "text"],
                          blocks.loc[blocks["kind"] == "narration", "line_start"]):
        m = _RECEIVED.search(" ".join(text.split()))
        if not m:
            continue
        clock = parse_time(m["time"])
        back = 1 if m["when"] in ("last night", "yesterday") else 0
        if clock is not None and isinstance(despatched, datetime) \
                and despatched.date() > date.min + timedelta(days=back):
            more.append(Field("meeting_start", datetime.combine(despatched.date() - timedelta(days=back), clock),
                              m.group(0), int(line), "derived"))
        more.append(Field("meeting_place", m["place"], m.group(0), int(line), "derived"))
        break
    return renamed.with_fields(more)


def load_cable() -> Transcript:
    """The kit's source: Kelly's telegram No. 608 of 19 July 1949, parsed, speakers resolved,
    its people from ``data/people.csv`` and its header read as a cable's."""
    if not paths.SEED.exists():
        raise KitError("the kit's files are not beside the helpers package: install it from the "
                       "kit's folder with `pip install -e .` (as requirements.txt does)", str(paths.SEED))
    cable = load_record(paths.SEED, people=paths.PEOPLE)
    cable.metadata = read_cable_header(cable.metadata, cable.blocks)
    return cable


def load(transcript: str | Path | None = None, speakers: Speakers = None,
         style: str | None = None) -> Transcript:
    """The record a notebook analyses: the cable when ``transcript`` is ``None``, or any file.

    Notebooks call ``course.load(TRANSCRIPT, SPEAKERS, STYLE)`` with the values of their tagged
    ``parameters`` cell, so ``make rerun TRANSCRIPT=... [STYLE=...]`` can point them at another
    record. ``style`` overrides the style inferred for that record (see :func:`helpers.load`);
    the cable is read as it is, so a ``style`` without a ``transcript`` is a ``ValueError``.
    """
    global _CHOSEN
    if transcript is None:
        if style is not None:
            raise ValueError("style= is for another record: the cable is read in its own style "
                             "(give TRANSCRIPT too)")
        _CHOSEN = None
        return load_cable()
    _CHOSEN = load_record(transcript, speakers, style=style)
    return _CHOSEN


#: The record the last call of :func:`load` read when it was given a transcript (a rerun of a
#: notebook on another record), else ``None``: the notebook's exercises then work on it too.
_CHOSEN: Transcript | None = None


def chosen() -> Transcript | None:
    """The other record the notebook in this kernel was run on (``make rerun``), or ``None``
    for the cable: :func:`helpers.course.exercise.start` works on the same record as the
    notebook's own cells."""
    return _CHOSEN


def is_the_cable(transcript: Transcript) -> bool:
    """Whether ``transcript`` is the seed, judged by its text (any copy of the file counts)."""
    return hashlib.sha256(transcript.source.encode("utf-8")).hexdigest() == paths.SEED_SHA256


@lru_cache(maxsize=1)
def meeting_day() -> date:
    """The day of the meeting, from the cable's header ("received me last night")."""
    start = load_cable().metadata.meeting_start
    if not isinstance(start, datetime):
        raise RuntimeError("the cable's header no longer gives the meeting's start")
    return start.date()


def events(path: str | Path | None = None) -> pd.DataFrame:
    """The dated events of the commentary (``data/events.csv`` unless another file is given:
    date, event, source), in file order, each ``date`` a :class:`datetime.date`."""
    path = paths.EVENTS if path is None else path
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in ("date", "event", "source") if c not in table.columns]
    if missing:
        raise DataFileError(f"missing column(s) {', '.join(missing)}", str(path), 1)
    days = []
    for line, value in enumerate(table["date"], start=2):
        try:
            days.append(date.fromisoformat(value))
        except ValueError:
            raise DataFileError(f"the date {value!r} is not a date written YYYY-MM-DD", str(path),
                                line) from None
    table["date"] = days
    return table[["date", "event", "source"]]
