"""Notebook 01, reading the cable: its sentences and the tables of its header's times.

Each function takes the parsed record (or its metadata) and returns Markdown text or a table;
the notebook shows it. They work on any record: a record without the cable's times or cast
list gets a sentence that says what it lacks.
"""
from __future__ import annotations

from datetime import datetime, timedelta

import pandas as pd

from ..concordance import find_phrase
from ..measures import narration
from ..metadata import Metadata
from ..text import duration_in_words, escape_markdown
from ..transcript import Transcript, parse_text

__all__ = ["TIME_FIELDS", "meeting_sentence", "narration_sentence", "phrase_places",
           "room_summary", "speaker_file_sentence", "time_between", "header_times"]

#: The times of the record :func:`time_between` can measure, in plain words.
TIME_FIELDS: dict[str, str] = {
    "meeting_start": "the meeting began",
    "despatched": "the telegram was despatched",
    "received": "the telegram was received",
}


def meeting_sentence(metadata: Metadata) -> str:
    """The archive's date against the meeting's, derived from "last night" ("" if either is missing)."""
    start, day, sent = metadata.meeting_start, metadata.archive_date, metadata.despatched
    if not isinstance(start, datetime) or day is None or not isinstance(sent, datetime):
        return ""
    days = (day - start.date()).days
    return (f"The archive's date is **{day:%A %d %B %Y}**. The meeting began on "
            f"**{start:%A %d %B %Y} at {start:%H:%M}** (Moscow time): "
            f"{days} day{'s' if days != 1 else ''} earlier, derived from \"last night\" in a cable "
            f"despatched on {sent:%d %B %Y}.")


def _duration(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def header_times(metadata: Metadata) -> pd.DataFrame:
    """From the meeting to London: what happened when, by the header's own times.

    Rows (those the record gives): the meeting begins (derived from "last night at 10 p.m."),
    ends (derived: start plus the stated length), the telegram is despatched, and received.
    ``after_meeting_began`` is the time since the start. The header does not say in which
    time zone each time was noted, so a gap between two of them is a reading, not a fact.
    """
    rows = []
    written = {f.name: f"line {f.line}: {' '.join(f.as_written.split())}" for f in metadata.fields}
    start = metadata.meeting_start
    if isinstance(start, datetime):
        rows.append(("meeting begins", start, "derived", written["meeting_start"]))
        if metadata.duration_minutes:
            rows.append(("meeting ends", start + timedelta(minutes=metadata.duration_minutes),
                         "derived", f"{written['duration_minutes']}, added to the start"))
    if metadata.despatched is not None:
        rows.append(("telegram despatched", metadata.despatched, "read; meaning derived", written["despatched"]))
    if metadata.received is not None:
        rows.append(("telegram received", metadata.received, "read; meaning derived", written["received"]))
    table = pd.DataFrame(rows, columns=["event", "when", "how", "from"])
    table["after_meeting_began"] = [_duration(w - start) if isinstance(start, datetime) else ""
                                    for w in table["when"]]
    table["when"] = [w.strftime("%A %d %B %Y, %H:%M") for w in table["when"]]
    return table.set_index("event")


def time_between(metadata: Metadata, start: str, end: str) -> str:
    """One Markdown sentence: how long from time ``start`` to time ``end``, in words.

    ``start`` and ``end`` name times of the record (:data:`TIME_FIELDS`: ``"meeting_start"``,
    ``"despatched"``, ``"received"``). When the record gives no such time, the sentence says so.
    """
    for name in (start, end):
        if name not in TIME_FIELDS:
            raise ValueError(f"unknown time {name!r}: use one of {', '.join(TIME_FIELDS)}")
    first, second = metadata.get(start), metadata.get(end)
    missing = [TIME_FIELDS[n] for n, t in ((start, first), (end, second)) if t is None]
    if missing:
        return "The record does not say when " + " or when ".join(missing) + "."
    return (f"From when {TIME_FIELDS[start]} ({first:%A %d %B %Y, %H:%M}) to when "
            f"{TIME_FIELDS[end]} ({second:%A %d %B %Y, %H:%M}): "
            f"**{duration_in_words(second - first)}**.")


def room_summary(record: Transcript) -> str:
    """One Markdown paragraph on who was present, who speaks, and how sure the kit is of each.

    From the record's people file (the cable's ``data/people.csv``); a record without one gets
    a sentence saying that its people are only the speakers found.
    """
    people = record.people
    if record.people_file is None:
        return (f"This record has no cast list: the {len(people)} people below are simply the "
                f"speakers found in it ({', '.join(people['id'])}). Anyone present who never "
                "spoke is not listed.")
    room = people[people["in_the_room"] == "yes"]
    speaking = room[room["speaks_in_record"] == "yes"]["id"].tolist()
    silent = room[room["speaks_in_record"] != "yes"]
    certainty = silent["certainty"].value_counts()
    silent_names = ", ".join(f"{r.id} ({r.certainty})" for r in silent.itertuples())
    return (f"By the record's own account **{len(room)} people** were in the room. Only "
            f"**{len(speaking)}** of them speak in it ({' and '.join(speaking)}); "
            f"**{len(silent)}** never do: {silent_names}. Of the silent ones, "
            + ", ".join(f"{n} {'is' if n == 1 else 'are'} {c}" for c, n in certainty.items())
            + " (the *certainty* column: how sure the kit is who the person was).")


def narration_sentence(record: Transcript) -> str:
    """How many words are speech and how many narration, and where "verbatim" stands."""
    told = narration(record.blocks)
    verbatim = find_phrase(record.source, record.blocks, "verbatim")
    text = (f"The record holds **{int(record.turns['words'].sum())} words of speech** in "
            f"{len(record.turns)} turns and **{int(told['words'].sum())} words of narration** in "
            f"{len(told)} blocks (by the kit's counting rule).")
    if len(verbatim):
        text += f" The word \"verbatim\" stands on line {verbatim['line'].iloc[0]}."
    return text


def speaker_file_sentence(record: Transcript) -> str:
    """How many speakers the record has without its speaker file, and with it."""
    raw = parse_text(record.source).turns["speaker"].astype(str)
    kit = record.turns["speaker"].astype(str)
    return (f"Without the speaker file: **{raw.nunique()} speakers** ({', '.join(raw.unique())}). "
            f"With it: **{kit.nunique()}** ({', '.join(kit.unique())}).")


def phrase_places(source: str, blocks: pd.DataFrame, phrases: list[str],
                  turns: pd.DataFrame | None = None) -> str:
    """A Markdown list: where each phrase stands, as "turn 8 (line 52)" or "narration, line 56".

    Each place is named once, in reading order; a phrase not in the text is "not found". With
    the cable's ``turns``, each turn also says who speaks there ("turn 8 (line 52), Stalin
    speaking"), and narration that no one speaks in it.
    """
    speakers = {} if turns is None else dict(zip(turns["turn"], turns["speaker"]))
    answers = []
    for phrase in phrases:
        hits = find_phrase(source, blocks, phrase)
        places = []
        for h in hits.itertuples():
            if pd.notna(h.turn):
                who = speakers.get(h.turn)
                places.append(f"turn {h.turn} (line {h.line})" + (f", {who} speaking" if who else ""))
            else:
                places.append(f"{h.kind}, line {h.line}" + (" (Kelly's narration: no one speaks there)"
                                                            if turns is not None and h.kind == "narration" else ""))
        answers.append(f"- “{escape_markdown(phrase)}”: {'; '.join(dict.fromkeys(places)) or 'not found'}")
    return "\n".join(answers) + "\n"

