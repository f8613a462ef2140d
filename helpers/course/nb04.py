"""Notebook 04, the commentary: showing turns and narration, and the few sentences whose
numbers the commentary computes (speaking time, days from the meeting).

The speaking-time sentence is written from :func:`helpers.measures.speaking_time`, the same
model notebook 02 uses. The time line's events are data (``data/events.csv``); the day of the
meeting is derived from the cable's header (:func:`helpers.course.meeting_day`).
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
from IPython.display import Markdown

from ..concordance import term_counts as _term_counts
from ..display import narration_markdown, turn_markdown
from ..measures import speaking_time
from ..text import long_date
from ..transcript import Transcript
from .cable import events, meeting_day

__all__ = ["days_from_meeting", "days_sentence", "event_day", "show_narration", "show_turn",
           "speaking_time_sentence", "term_counts", "events_table"]


def show_turn(cable: Transcript, n: int) -> Markdown:
    """Turn ``n`` of ``cable``, quoted exactly (:func:`helpers.display.turn_markdown`)."""
    return Markdown(turn_markdown(cable.turns, n))


def show_narration(cable: Transcript, first_line: int, last_line: int | None = None) -> Markdown:
    """The narration on lines ``first_line``..``last_line``: Kelly's words, not a quotation."""
    return Markdown(narration_markdown(cable.blocks, first_line, last_line, writer="Kelly"))


def speaking_time_sentence(words: int, rates: Sequence[float], interpretation_factor: float,
                           duration_minutes: float) -> Markdown:
    """:func:`helpers.measures.speaking_time` as one sentence: for each rate, minutes with
    interpreting and minutes left.

    ``speaking_time_sentence(927, (100,), 1.5, 25)`` says "... at 100 words a minute, about
    **13.9** minutes, leaving **11.1** of the 25 ...". "More than" means the words do not fit.
    """
    table = speaking_time(words, rates, interpretation_factor, duration_minutes)
    parts = []
    for rate, row in table.iterrows():
        left = row["minutes_left"]
        tail = (f"leaving **{left:g}** of the {duration_minutes:g}" if left >= 0
                else f"**{-left:g}** more than the {duration_minutes:g}")
        parts.append(f"at {rate} words a minute, about **{row['minutes_total']:g}** minutes, {tail}")
    return Markdown(
        f"With each remark taking {interpretation_factor:g} times as long as saying it once "
        f"(interpreting factor {interpretation_factor:g}), the {words} recorded words take: "
        + "; ".join(parts) + "."
    )


def term_counts(cable: Transcript, terms: list[str]) -> pd.DataFrame:
    """How often each term occurs in the archive's summary line and in Kelly's record
    (:func:`helpers.concordance.term_counts`: whole word, any case, ``*`` for any ending).
    The summary is the archive's later reading, not part of the cable."""
    return _term_counts(cable.metadata.summary or "", cable.blocks, terms)


def days_from_meeting(day: date) -> int:
    """Days from the meeting (:func:`helpers.course.meeting_day`) to ``day``; negative before it."""
    return (day - meeting_day()).days


def events_table() -> pd.DataFrame:
    """The events of ``data/events.csv`` in date order, with ``days_from_meeting``."""
    frame = events()
    frame["days_from_meeting"] = [days_from_meeting(d) for d in frame["date"]]
    frame = frame.sort_values("date", kind="stable").reset_index(drop=True)
    frame["date"] = [d.isoformat() for d in frame["date"]]
    return frame[["date", "days_from_meeting", "event", "source"]]


def event_day(text: str) -> date:
    """The date of the one event whose description contains ``text`` (case-insensitive)."""
    table = events()
    found = [d for d, event in zip(table["date"], table["event"]) if text.lower() in event.lower()]
    if len(found) != 1:
        raise ValueError(f"{text!r} matches {len(found)} events, not one")
    return found[0]


def days_sentence(day: date) -> Markdown:
    """How far ``day`` lies from the meeting, in words: "4 April 1949 is **105** days *before* ..."."""
    days = days_from_meeting(day)
    if days == 0:
        return Markdown(f"{long_date(day)} is the day of the meeting.")
    side = "after" if days > 0 else "before"
    rough = (f" (about **{abs(days) / 7:.0f}** weeks, or **{abs(days) / 30.44:.1f}** months)"
             if abs(days) >= 14 else "")
    return Markdown(
        f"{long_date(day)} is **{abs(days)}** days *{side}* the meeting of {long_date(meeting_day())}"
        f"{rough}. Counted from the meeting, that is {days} days: a negative number means before it."
    )
