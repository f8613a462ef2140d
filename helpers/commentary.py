"""Rendering helpers for the close reading (notebook 04): show a turn, show narration, and
compute the few numbers the commentary states in prose.

Everything here is a pure function of the parsed cable (``helpers.load_cable()``) or of
plain values, so a test can check it by hand:

- :func:`show_turn` and :func:`show_narration` quote the source *exactly* (the ``text``
  column, the cable's slips included) as a Markdown blockquote headed by where it stands.
- :func:`prose` renders a sentence whose numbers come from computed values.
- :func:`speaking_time` estimates how much of the 25 minutes the recorded words could fill.
  Its speaking rates are *assumptions* (ordinary speech runs at very roughly 110-150 words a
  minute) and consecutive interpreting is assumed to about double the time: the result is an
  order of magnitude (a rough size), not a measurement. :func:`speaking_time_sentence` says
  the same in one sentence, for readers who do not read tables.
- :func:`term_counts` sets the archive's summary line against the words of the cable, so a
  claim such as "the conversation focused on NATO" can be checked against the text.
- :func:`timeline` lists the dated events the commentary refers to, each with its source,
  and counts the days from the meeting (18 July 1949); :func:`days_sentence` says how far a
  day lies from the meeting, in words.
- :func:`stage_directions` lists each turn's stage directions as plain text.
"""
from __future__ import annotations

import re
from datetime import date

import pandas as pd
from IPython.display import Markdown

from .concordance import term_pattern
from .display import escape_markdown, line_span  # noqa: F401  (part of this module's API)

#: The day of the meeting (the cable of 19 July says "last night"): the zero of :func:`timeline`.
MEETING_DAY = date(1949, 7, 18)

def _blockquote(heading: str, text: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    lines = [f"> **{heading}**"]
    for para in paragraphs:
        lines += [">", "> " + escape_markdown(" ".join(para.split()))]
    return "\n".join(lines)


def turn_heading(turns: pd.DataFrame, n: int) -> str:
    """The heading of turn ``n``: ``"Turn 8 · Stalin · line 52"``."""
    row = _turn(turns, n)
    return f"Turn {n} · {row['speaker']} · {line_span(row['line_start'], row['line_end'])}"


def _turn(turns: pd.DataFrame, n: int) -> pd.Series:
    match = turns[turns["turn"] == n]
    if match.empty:
        raise ValueError(f"no turn {n}: the record has turns 1 to {int(turns['turn'].max())}")
    return match.iloc[0]


def turn_markdown(cable, n: int) -> str:
    """Turn ``n`` as Markdown text: a blockquote headed by turn number, speaker and lines.

    The quotation is the turn's exact source slice (label, quotation marks, stage directions
    and slips as written); a turn of several paragraphs keeps its paragraph breaks.
    """
    row = _turn(cable.turns, n)
    return _blockquote(turn_heading(cable.turns, n), row["text"])


def show_turn(cable, n: int) -> Markdown:
    """Display turn ``n`` of ``cable`` (see :func:`turn_markdown`)."""
    return Markdown(turn_markdown(cable, n))


def narration_markdown(cable, first_line: int, last_line: int | None = None) -> str:
    """The narration blocks that start on lines ``first_line`` to ``last_line``, as a blockquote.

    Narration is Kelly's own prose, not a quotation of anyone: the heading says so.
    Raises ``ValueError`` if no narration block starts in that range.
    """
    last_line = first_line if last_line is None else last_line
    blocks = cable.blocks
    chosen = blocks[(blocks["kind"] == "narration")
                    & blocks["line_start"].between(first_line, last_line)]
    if chosen.empty:
        raise ValueError(f"no narration starts on lines {first_line}-{last_line}")
    first, last = int(chosen["line_start"].min()), int(chosen["line_end"].max())
    heading = f"Narration (Kelly's words, not a quotation) · {line_span(first, last)}"
    return _blockquote(heading, "\n\n".join(chosen["text"]))


def show_narration(cable, first_line: int, last_line: int | None = None) -> Markdown:
    """Display the narration on lines ``first_line``..``last_line`` (see :func:`narration_markdown`)."""
    return Markdown(narration_markdown(cable, first_line, last_line))


def prose(template: str, **values: object) -> Markdown:
    """Markdown from ``template`` with computed ``values`` filled in (``str.format`` rules).

    The one way the notebook states a number in prose, so no figure is ever typed by hand.
    """
    return Markdown(template.format(**values))


def turn_counts(turns: pd.DataFrame) -> dict[str, int]:
    """How many turns each speaker has, in order of first speaking: ``{"Kelly": 6, ...}``."""
    counts = turns.groupby("speaker", observed=True, sort=True)["turn"].count()
    return {str(k): int(v) for k, v in counts.items()}


def speaking_time(
    words: int,
    rates: tuple[int, ...] = (110, 130, 150),
    interpreting_factor: float = 2.0,
    meeting_minutes: float = 25.0,
) -> pd.DataFrame:
    """Estimated minutes the recorded ``words`` would take, at several speaking rates.

    One row per rate (words a minute, an assumption): ``minutes_spoken`` (words / rate),
    ``minutes_interpreted`` (times ``interpreting_factor``: in consecutive interpreting each
    remark is said twice, once in each language), and ``minutes_left`` of the meeting for
    everything the record does not give word for word. Rounded to one decimal place.
    """
    if words < 0 or meeting_minutes <= 0 or any(r <= 0 for r in rates):
        raise ValueError("words must be >= 0, rates and meeting_minutes > 0")
    rows = []
    for rate in rates:
        spoken = words / rate
        interpreted = spoken * interpreting_factor
        rows.append({
            "words_per_minute": rate,
            "minutes_spoken": round(spoken, 1),
            "minutes_interpreted": round(interpreted, 1),
            "minutes_left": round(meeting_minutes - interpreted, 1),
        })
    return pd.DataFrame(rows).set_index("words_per_minute")


def speaking_time_sentence(
    words: int,
    rates: tuple[int, ...] = (110, 130, 150),
    interpreting_factor: float = 2.0,
    meeting_minutes: float = 25.0,
) -> Markdown:
    """:func:`speaking_time` as one sentence: for each rate, minutes with interpreting and minutes left.

    ``speaking_time_sentence(927, (100,), 1.5)`` says "... at 100 words a minute, about **13.9**
    minutes, leaving **11.1** of the 25 ...". A negative "left" means the words do not fit.
    """
    table = speaking_time(words, rates, interpreting_factor, meeting_minutes)
    parts = []
    for rate, row in table.iterrows():
        left = row["minutes_left"]
        tail = (f"leaving **{left:g}** of the {meeting_minutes:g}" if left >= 0
                else f"**{-left:g}** more than the {meeting_minutes:g}")
        parts.append(f"at {rate} words a minute, about **{row['minutes_interpreted']:g}** minutes, {tail}")
    return Markdown(
        f"With each remark taking {interpreting_factor:g} times as long as saying it once "
        f"(interpreting factor {interpreting_factor:g}), the {words} recorded words take: "
        + "; ".join(parts) + "."
    )


def stage_directions(turns: pd.DataFrame, only_marked: bool = False) -> pd.DataFrame:
    """Each turn's speaker and stage directions, joined with "; " (empty if none), indexed by turn.

    ``only_marked=True`` keeps only the turns that have at least one stage direction.
    """
    table = turns[["turn", "speaker", "stage_directions"]].copy()
    table["stage_directions"] = table["stage_directions"].str.join("; ")
    if only_marked:
        table = table[table["stage_directions"] != ""]
    return table.set_index("turn")


def record_text(cable) -> str:
    """Kelly's own text: every narration and speech block, without the archive's header lines."""
    kept = cable.blocks[cable.blocks["kind"].isin(["narration", "speech"])]
    return "\n\n".join(kept["text"])


def term_counts(cable, terms: list[str]) -> pd.DataFrame:
    """How often each term occurs in the archive's summary line and in Kelly's record.

    Matching follows :func:`helpers.concordance.term_pattern` (whole word, case-insensitive,
    ``*`` for any ending). The summary is the archive's later reading, not part of the cable.
    """
    summary, record = cable.metadata.summary or "", record_text(cable)
    rows = [{
        "term": term,
        "in_summary": len(term_pattern(term).findall(summary)),
        "in_record": len(term_pattern(term).findall(record)),
    } for term in terms]
    return pd.DataFrame(rows).set_index("term")


#: Dated events the commentary uses: (date, event, source). Every source is listed in docs/sources.md.
EVENTS: list[tuple[date, str, str]] = [
    (date(1946, 4, 4), "Stalin receives the US Ambassador, Walter Bedell Smith",
     "FRUS 1949 vol. V, doc. 367, note 1 (history.state.gov/historicaldocuments/frus1949v05/d367)"),
    (date(1948, 6, 24), "Berlin blockade begins",
     "en.wikipedia.org/wiki/Berlin_Blockade"),
    (date(1948, 8, 2), "Stalin receives the three Western envoys (US, British, French) during the Berlin talks",
     "Reuters report, 4 Aug 1948 (paperspast.natlib.govt.nz/newspapers/WC19480804.2.40)"),
    (date(1949, 4, 4), "North Atlantic Treaty signed in Washington",
     "en.wikipedia.org/wiki/North_Atlantic_Treaty"),
    (date(1949, 5, 12), "Berlin blockade lifted",
     "en.wikipedia.org/wiki/Berlin_Blockade"),
    (date(1949, 5, 23), "Paris session of the Council of Foreign Ministers opens; West German Basic Law "
     "promulgated", "avalon.law.yale.edu/20th_century/decade25.asp (Paris); "
     "demokratie.bonn.de/verkuendung-des-grundgesetzes/index.php?loc=en (Basic Law)"),
    (date(1949, 6, 20), "Paris session of the Council of Foreign Ministers ends",
     "avalon.law.yale.edu/20th_century/decade25.asp"),
    (MEETING_DAY, "Kelly meets Stalin in the Kremlin, 10 p.m. Moscow time",
     "the cable; FRUS 1949 vol. V, doc. 365"),
    (date(1949, 7, 19), "Kelly's cable No. 608; its header's times, 1.11 p.m. and 3.50 p.m., read "
     "by the usual layout as despatch and receipt",
     "the cable (digitalarchive.wilsoncenter.org/document/134387)"),
    (date(1949, 7, 21), "US Senate approves the North Atlantic Treaty, 82 votes to 13",
     "Reuters report, 23 Jul 1949 (paperspast.natlib.govt.nz/newspapers/WC19490723.2.36)"),
    (date(1949, 8, 14), "First Bundestag election in West Germany",
     "en.wikipedia.org/wiki/1949_West_German_federal_election"),
    (date(1949, 8, 15), "Stalin receives the new US Ambassador, Alan Kirk",
     "FRUS 1949 vol. V, doc. 380 (history.state.gov/historicaldocuments/frus1949v05/d380)"),
    (date(1949, 8, 24), "North Atlantic Treaty comes into force",
     "en.wikipedia.org/wiki/North_Atlantic_Treaty"),
    (date(1949, 8, 29), "First Soviet atomic test (RDS-1)",
     "digitalarchive.wilsoncenter.org/document/134436"),
    (date(1949, 9, 15), "Konrad Adenauer elected Chancellor of the Federal Republic",
     "en.wikipedia.org/wiki/Konrad_Adenauer"),
    (date(1949, 9, 23), "Truman announces an atomic explosion in the USSR",
     "digitalarchive.wilsoncenter.org/document/134436"),
    (date(1949, 9, 29), "USSR renounces its treaty with Yugoslavia",
     "FRUS 1949 vol. V, doc. 583 (history.state.gov/historicaldocuments/frus1949v05/d583); "
     "the day as given in docs/sources.md (Soviet treaties)"),
    (date(1949, 10, 7), "German Democratic Republic founded",
     "en.wikipedia.org/wiki/East_Germany"),
]


def days_from_meeting(day: date) -> int:
    """Days from the meeting (18 July 1949) to ``day``; negative for earlier days."""
    return (day - MEETING_DAY).days


def timeline(events: list[tuple[date, str, str]] | None = None) -> pd.DataFrame:
    """The events (default :data:`EVENTS`) in date order, with ``days_from_meeting``."""
    events = EVENTS if events is None else events
    frame = pd.DataFrame(events, columns=["date", "event", "source"])
    frame["days_from_meeting"] = [days_from_meeting(d) for d in frame["date"]]
    frame = frame.sort_values("date", kind="stable").reset_index(drop=True)
    frame["date"] = [d.isoformat() for d in frame["date"]]
    return frame[["date", "days_from_meeting", "event", "source"]]


def event_day(text: str, events: list[tuple[date, str, str]] | None = None) -> date:
    """The date of the one event whose description contains ``text`` (case-insensitive)."""
    events = EVENTS if events is None else events
    found = [d for d, event, _ in events if text.lower() in event.lower()]
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
        f"{long_date(day)} is **{abs(days)}** days *{side}* the meeting of {long_date(MEETING_DAY)}"
        f"{rough}. `cm.days_from_meeting` gives {days}: a negative number means before the meeting."
    )


def long_date(day: date) -> str:
    """``date(1949, 8, 24)`` -> ``"24 August 1949"`` (British order, no leading zero)."""
    return f"{day.day} {day.strftime('%B')} {day.year}"
