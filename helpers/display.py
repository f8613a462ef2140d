"""Show a transcript so that it can be read and cited: turn numbers, speakers, line numbers.

Every function here is pure: it takes the parsed transcript (or its tables) and returns a
string of Markdown or a DataFrame; the notebook displays it with ``IPython.display.Markdown``.

- :func:`reading_text`: the whole text, block by block. Each turn is headed by its number, its
  speaker and its lines in the source; the speech is quoted exactly as written (label, curly
  quotes, stage directions and slips included); narration, the writer's own account between the
  quotations, is set apart in italics inside a box-quote so that it is never mistaken for speech.
- :func:`numbered_lines`: lines of the source with their numbers, exactly as written.
- :func:`turn_index`: one row per turn with its lines and first words, for citing.
- :func:`header_table`: the decoded header (``metadata.table()``) with a plain-words column.
"""
from __future__ import annotations

import re

import pandas as pd

from .counting import count_words

#: Characters that Markdown would read as formatting; they are escaped with a backslash.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")

#: What each header field means, in plain words, for :func:`header_table`.
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


def escape_markdown(text: str) -> str:
    """``text`` with Markdown's formatting characters escaped, so it shows exactly as written.

    >>> escape_markdown("shewed [sic] *not* bold")
    'shewed \\\\[sic\\\\] \\\\*not\\\\* bold'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def line_span(first: int, last: int) -> str:
    """``"line 52"`` for one line, ``"lines 32–38"`` (en dash) for several."""
    return f"line {first}" if first == last else f"lines {first}–{last}"


def _speaker_of(turns: pd.DataFrame) -> dict[int, str]:
    return dict(zip(turns["turn"].astype(int), turns["speaker"].astype(str)))


def reading_text(blocks: pd.DataFrame, turns: pd.DataFrame, include_header: bool = False) -> str:
    """The transcript as Markdown, block by block, ready for ``IPython.display.Markdown``.

    A turn starts with a heading line ``**Turn 3 · Kelly** (line 42)``; its paragraphs follow
    exactly as written (a turn may run over several paragraphs, like Kelly's first: then each
    paragraph starts with its own line, ``*(line 34)*``, so that a printed copy can be cited by
    line). A narration block becomes a quoted, italic paragraph headed *Narration, not speech
    (line 56)*. Header blocks are left out unless ``include_header`` is true.
    """
    speaker = _speaker_of(turns)
    by_turn = turns.set_index("turn")
    starts, ends = by_turn["line_start"].to_dict(), by_turn["line_end"].to_dict()
    parts: list[str] = []
    for block in blocks.itertuples(index=False):
        text = " ".join(block.text.split())
        if block.kind == "speech":
            turn = int(block.turn)
            if starts[turn] == block.line_start:
                parts.append(f"**Turn {turn} · {escape_markdown(speaker[turn])}** "
                             f"({line_span(block.line_start, ends[turn])})")
            if by_turn.loc[turn, "paragraphs"] > 1:
                parts.append(f"*({line_span(block.line_start, block.line_end)})* "
                             + escape_markdown(text))
            else:
                parts.append(escape_markdown(text))
        elif block.kind == "narration":
            parts.append(f"> *Narration, not speech ({line_span(block.line_start, block.line_end)}):*"
                         f"\n>\n> *{escape_markdown(text)}*")
        elif include_header:
            parts.append(f"`{block.line_start}` {escape_markdown(text)}")
    return "\n\n".join(parts) + "\n"


def numbered_lines(source: str, first: int = 1, last: int | None = None,
                   skip_blank: bool = True) -> str:
    """Lines ``first`` to ``last`` of ``source`` (1-based, inclusive) with their numbers.

    Returned as a Markdown code block so nothing is reformatted; blank lines are left out
    unless ``skip_blank`` is false (their numbers still count).
    """
    lines = source.splitlines()
    last = len(lines) if last is None else min(last, len(lines))
    width = len(str(last))
    shown = [f"{n:>{width}} | {lines[n - 1]}" for n in range(first, last + 1)
             if lines[n - 1].strip() or not skip_blank]
    return "```text\n" + "\n".join(shown) + "\n```\n"


def turn_index(turns: pd.DataFrame, first_words: int = 8) -> pd.DataFrame:
    """One row per turn: turn, speaker, label as written, lines, words and its opening words."""
    def opening(spoken: str) -> str:
        words = spoken.split()
        return " ".join(words[:first_words]) + (" …" if len(words) > first_words else "")

    return pd.DataFrame({
        "turn": turns["turn"].astype(int),
        "speaker": turns["speaker"].astype(str),
        "label_as_written": turns["label"],
        "lines": [line_span(a, b) for a, b in zip(turns["line_start"], turns["line_end"])],
        "words": turns["words"].astype(int),
        "begins": [opening(s) for s in turns["spoken"]],
    }).set_index("turn")


def header_table(metadata_table: pd.DataFrame) -> pd.DataFrame:
    """The decoded header with a ``meaning`` column; ``how`` says read (written) or derived."""
    table = metadata_table.copy()
    table["meaning"] = [FIELD_NOTES.get(name, "") for name in table["field"]]
    table["value"] = table["value"].astype(str)
    return table[["field", "value", "as_written", "line", "how", "meaning"]].set_index("field")


def narration_blocks(blocks: pd.DataFrame) -> pd.DataFrame:
    """The narration blocks with the turns they fall between (``after_turn``, ``before_turn``).

    ``after_turn`` is ``<NA>`` for narration before the first turn, ``before_turn`` for
    narration after the last: those are the writer's introduction and closing remarks.
    ``words`` follows the kit's counting rule (:func:`helpers.count_words`).
    """
    rows = []
    last_turn = None
    for i, block in enumerate(blocks.itertuples(index=False)):
        if block.kind == "speech":
            last_turn = int(block.turn)
        elif block.kind == "narration":
            following = blocks.iloc[i + 1:]
            nxt = following.loc[following["kind"] == "speech", "turn"]
            rows.append({
                "after_turn": last_turn,
                "before_turn": int(nxt.iloc[0]) if len(nxt) else None,
                "line_start": int(block.line_start),
                "line_end": int(block.line_end),
                "words": count_words(block.text),
                "text": " ".join(block.text.split()),
            })
    table = pd.DataFrame(rows, columns=["after_turn", "before_turn", "line_start", "line_end",
                                        "words", "text"])
    return table.astype({"after_turn": "Int64", "before_turn": "Int64", "line_start": "int64",
                         "line_end": "int64", "words": "int64"})


def people_table(people: pd.DataFrame, speaks: str | None = None) -> pd.DataFrame:
    """Who was in the room, with the columns a reader needs first (those the table has).

    ``speaks="yes"`` keeps only the people who speak in the record, ``speaks="no"`` only the
    silent ones; ``None`` keeps everyone. A table without a ``speaks_in_record`` column (the
    plain speaker list of another transcript) is returned whole: everyone in it speaks.
    """
    wanted = ["id", "full_name", "side", "role_in_july_1949", "speaks_in_record", "certainty",
              "speaks"]
    table = people[[c for c in wanted if c in people.columns]].set_index(people.columns[0])
    if speaks is not None and "speaks_in_record" in table.columns:
        table = table[table["speaks_in_record"] == speaks]
    return table


def turns_by_speaker(turns: pd.DataFrame) -> pd.DataFrame:
    """How many turns each speaker has, speakers in the order they first speak.

    The ``speaker`` column is read as plain text, so two spellings of one name (as a program
    sees them without a speaker file) stay two rows.
    """
    names = turns["speaker"].astype(str)
    counts = names.value_counts(sort=False).reindex(list(dict.fromkeys(names)))
    table = counts.rename_axis("speaker").to_frame("turns")
    return table.astype({"turns": "int64"})


def phrase_places(source: str, blocks: pd.DataFrame, phrases: list[str]) -> str:
    """A Markdown list: where each phrase stands, as "turn 8 (line 52)" or "narration, line 56".

    Each place is named once, in reading order; a phrase not in the text is "not found".
    """
    answers = []
    for phrase in phrases:
        hits = find_phrase(source, blocks, phrase)
        places = [f"turn {h.turn} (line {h.line})" if pd.notna(h.turn) else f"{h.kind}, line {h.line}"
                  for h in hits.itertuples()]
        answers.append(f"- “{escape_markdown(phrase)}”: {'; '.join(dict.fromkeys(places)) or 'not found'}")
    return "\n".join(answers) + "\n"


def _duration(delta) -> str:
    minutes = int(delta.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def duration_in_words(delta) -> str:
    """A length of time in words: ``"15 hours 11 minutes"``, ``"1 hour"``, ``"25 minutes"``.

    Whole minutes (seconds are dropped). A negative length reads ``"minus 2 hours 39 minutes"``:
    the second time came before the first.
    """
    seconds = int(delta.total_seconds())
    sign = "minus " if seconds < 0 else ""
    days, rest = divmod(abs(seconds) // 60, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [f"{n} {unit}{'s' if n != 1 else ''}"
             for n, unit in ((days, "day"), (hours, "hour"), (minutes, "minute")) if n]
    return sign + (" ".join(parts) if parts else "0 minutes")


#: The times of the record :func:`time_between` can measure, in plain words.
TIME_FIELDS: dict[str, str] = {
    "meeting_start": "the meeting began",
    "despatched": "the telegram was despatched",
    "received": "the telegram was received",
}


def time_between(metadata, start: str, end: str) -> str:
    """One Markdown sentence: how long from time ``start`` to time ``end``, in words.

    ``start`` and ``end`` name times of the record (:data:`TIME_FIELDS`: ``"meeting_start"``,
    ``"despatched"``, ``"received"``). When the record gives no such time, the sentence says so.
    """
    for name in (start, end):
        if name not in TIME_FIELDS:
            raise ValueError(f"unknown time {name!r}: use one of {', '.join(TIME_FIELDS)}")
    first, second = getattr(metadata, start), getattr(metadata, end)
    missing = [TIME_FIELDS[n] for n, t in ((start, first), (end, second)) if t is None]
    if missing:
        return "The record does not say when " + " or when ".join(missing) + "."
    return (f"From when {TIME_FIELDS[start]} ({first:%A %d %B %Y, %H:%M}) to when "
            f"{TIME_FIELDS[end]} ({second:%A %d %B %Y, %H:%M}): "
            f"**{duration_in_words(second - first)}**.")


def timeline(metadata) -> pd.DataFrame:
    """From the meeting to London: what happened when, by the header's own times.

    Rows (those the record gives): the meeting begins (derived from "last night at 10 p.m."),
    ends (derived: start plus the stated length), the telegram is despatched, and received.
    ``after_meeting_began`` is the time since the start. The header does not say in which
    time zone each time was noted, so a gap between two of them is a reading, not a fact.
    """
    from datetime import timedelta

    rows = []
    written = {f.name: f"line {f.line}: {' '.join(f.as_written.split())}" for f in metadata.fields}
    start = metadata.meeting_start
    if start is not None:
        rows.append(("meeting begins", start, "derived", written["meeting_start"]))
        if metadata.duration_minutes:
            rows.append(("meeting ends", start + timedelta(minutes=metadata.duration_minutes),
                         "derived", f"{written['duration_minutes']}, added to the start"))
    if metadata.despatched is not None:
        rows.append(("telegram despatched", metadata.despatched, "read; meaning derived", written["despatched"]))
    if metadata.received is not None:
        rows.append(("telegram received", metadata.received, "read; meaning derived", written["received"]))
    table = pd.DataFrame(rows, columns=["event", "when", "how", "from"])
    table["after_meeting_began"] = [_duration(w - start) if start is not None else ""
                                    for w in table["when"]]
    table["when"] = [w.strftime("%A %d %B %Y, %H:%M") for w in table["when"]]
    return table.set_index("event")


def room_summary(people: pd.DataFrame) -> str:
    """One Markdown paragraph on who was present, who speaks, and how sure the kit is of each.

    Works on the kit's cast list (``data/people.csv``: ``in_the_room``, ``speaks_in_record``,
    ``certainty``) and on the plain speaker list of any other transcript.
    """
    if "speaks_in_record" not in people.columns:
        names = ", ".join(people.iloc[:, 0].astype(str))
        return (f"This record has no cast list: the {len(people)} people below are simply the "
                f"speakers found in it ({names}). Anyone present who never spoke is not listed.")
    room = people[people["in_the_room"] == "yes"] if "in_the_room" in people.columns else people
    speaking = room[room["speaks_in_record"] == "yes"]["id"].tolist()
    silent = room[room["speaks_in_record"] != "yes"]
    certainty = silent["certainty"].value_counts()
    silent_names = ", ".join(f"{r.id} ({r.certainty})" for r in silent.itertuples())
    return (f"By the record's own account **{len(room)} people** were in the room. Only "
            f"**{len(speaking)}** of them speak in it ({' and '.join(speaking)}); "
            f"**{len(silent)}** never do: {silent_names}. Of the silent ones, "
            + ", ".join(f"{n} {'is' if n == 1 else 'are'} {c}" for c, n in certainty.items())
            + " (the *certainty* column: how sure the kit is who the person was).")


def find_phrase(source: str, blocks: pd.DataFrame, phrase: str) -> pd.DataFrame:
    """Every place ``phrase`` stands in ``source`` (exact, case as written): line, the kind of
    block (header, narration, speech), the turn if it is speech, and the words around it."""
    rows = []
    start = source.find(phrase)
    while start != -1 and phrase:
        hit = blocks[(blocks["start"] <= start) & (blocks["end"] > start)]
        block = hit.iloc[0] if len(hit) else None
        before = source[max(0, start - 30):start]
        after = source[start + len(phrase):start + len(phrase) + 30]
        rows.append({
            "line": source.count("\n", 0, start) + 1,
            "kind": str(block["kind"]) if block is not None else "",
            "turn": block["turn"] if block is not None else None,
            "context": " ".join(f"…{before}«{phrase}»{after}…".split()),
        })
        start = source.find(phrase, start + 1)
    table = pd.DataFrame(rows, columns=["line", "kind", "turn", "context"])
    return table.astype({"line": "int64", "turn": "Int64"})


def phrase_table(source: str, blocks: pd.DataFrame, phrase: str) -> pd.DataFrame:
    """:func:`find_phrase` for reading: one row per place, named by its line, saying where it
    stands (``turn 8``, ``narration``, ``header``) and the words around it.

    A phrase that is not in the text gives one row that says so (the search is exact: spelling,
    capitals and punctuation as written).
    """
    hits = find_phrase(source, blocks, phrase)
    if hits.empty:
        return pd.DataFrame({"where": ["not found: the search is exact (check spelling and "
                                       "capital letters)"], "context": [""]},
                            index=pd.Index(["–"], name="line"))
    where = [f"turn {h.turn}" if pd.notna(h.turn) else h.kind for h in hits.itertuples()]
    return pd.DataFrame({"where": where, "context": hits["context"].tolist()},
                        index=pd.Index(hits["line"].tolist(), name="line"))
