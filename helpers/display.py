"""A transcript shown so that it can be read and cited: turn numbers, speakers, line numbers.

Every function here is pure: it takes the parsed transcript's tables and returns a string of
Markdown or a DataFrame; a notebook displays it (``IPython.display.Markdown``).

- :func:`reading_text`: the whole text, block by block. Each turn is headed by its number, its
  speaker and its lines in the source; the speech is quoted exactly as written (label, curly
  quotes, stage directions and slips included); narration, the writer's own account between the
  quotations, is set apart in italics inside a box-quote so that it is never mistaken for speech.
- :func:`turn_markdown` and :func:`narration_markdown`: one turn, or the narration on some
  lines, as a blockquote headed by where it stands.
- :func:`numbered_lines`: lines of the source with their numbers, exactly as written.
- :func:`turn_index`: one row per turn with its lines and first words, for citing.
- :func:`header_table`, :func:`people_table`, :func:`stage_directions`: tables for reading.
"""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .measures import narration
from .text import blockquote, escape_markdown, line_span, opening
from .transcript import turn_row

__all__ = ["MISSING", "for_reading", "header_table", "narration_markdown", "narration_table",
           "numbered_lines", "people_table", "reading_text", "stage_directions", "turn_heading",
           "turn_index", "turn_markdown"]

#: What a table for reading shows where a value is missing (never pandas' ``<NA>`` or ``NaN``).
MISSING = "–"


def for_reading(frame: pd.DataFrame, index: str | None = None, missing: str = MISSING) -> pd.DataFrame:
    """A copy of ``frame`` as a reader should see it: indexed by its column ``index`` when
    given (instead of row numbers 0, 1, 2 ...), and ``missing`` where a value is missing
    (instead of ``<NA>`` or ``NaN``). For showing only: the numbers become text where a value
    is missing."""
    table = frame.set_index(index) if index is not None else frame.copy()
    for name in table.columns:
        if table[name].isna().any():
            table[name] = [missing if pd.isna(v) else v for v in table[name]]
    return table


def narration_table(blocks: pd.DataFrame) -> pd.DataFrame:
    """The narration blocks for reading: one row per block, named by its lines, saying where it
    stands (``before turn 1``, ``between turns 9 and 10``, ``after turn 11``), with its words
    and its text. The same blocks as :func:`helpers.measures.narration`, without row numbers
    or missing values."""
    told = narration(blocks)
    where = []
    for after, before in zip(told["after_turn"], told["before_turn"]):
        if pd.isna(after) and pd.isna(before):
            where.append("no turns")
        elif pd.isna(after):
            where.append(f"before turn {before}")
        elif pd.isna(before):
            where.append(f"after turn {after}")
        else:
            where.append(f"between turns {after} and {before}")
    return pd.DataFrame({"where": where, "words": told["words"].tolist(), "text": told["text"].tolist()},
                        index=pd.Index([line_span(a, b) for a, b in zip(told["line_start"], told["line_end"])],
                                       name="lines"))


def reading_text(blocks: pd.DataFrame, turns: pd.DataFrame, include_header: bool = False) -> str:
    """The transcript as Markdown, block by block, ready for ``IPython.display.Markdown``.

    A turn starts with a heading line ``**Turn 3 · Kelly** (line 42)``; its paragraphs follow
    exactly as written (a turn may run over several paragraphs: then each paragraph starts with
    its own line, ``*(line 34)*``, so that a printed copy can be cited by line). A narration
    block becomes a quoted, italic paragraph headed *Narration, not speech (line 56)*. Header
    blocks are left out unless ``include_header`` is true.
    """
    speaker = dict(zip(turns["turn"].astype(int), turns["speaker"].astype(str)))
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
    return pd.DataFrame({
        "turn": turns["turn"].astype(int),
        "speaker": turns["speaker"].astype(str),
        "label_as_written": turns["label"],
        "lines": [line_span(a, b) for a, b in zip(turns["line_start"], turns["line_end"])],
        "words": turns["words"].astype(int),
        "begins": [opening(s, first_words) for s in turns["spoken"]],
    }).set_index("turn")


def turn_heading(turns: pd.DataFrame, n: int) -> str:
    """The heading of turn ``n``: ``"Turn 8 · Stalin · line 52"``."""
    row = turn_row(turns, n)
    return f"Turn {n} · {row['speaker']} · {line_span(row['line_start'], row['line_end'])}"


def turn_markdown(turns: pd.DataFrame, n: int) -> str:
    """Turn ``n`` as Markdown text: a blockquote headed by turn number, speaker and lines.

    The quotation is the turn's exact source slice (label, quotation marks, stage directions
    and slips as written); a turn of several paragraphs keeps its paragraph breaks.
    """
    return blockquote(turn_heading(turns, n), turn_row(turns, n)["text"])


def narration_markdown(blocks: pd.DataFrame, first_line: int, last_line: int | None = None,
                       writer: str | None = None) -> str:
    """The narration blocks that start on lines ``first_line`` to ``last_line``, as a blockquote.

    Narration is the writer's own prose, not a quotation of anyone: the heading says so, with
    the ``writer``'s name when given. Raises ``ValueError`` if no narration block starts there.
    """
    last_line = first_line if last_line is None else last_line
    chosen = blocks[(blocks["kind"] == "narration")
                    & blocks["line_start"].between(first_line, last_line)]
    if chosen.empty:
        raise ValueError(f"no narration starts on lines {first_line}-{last_line}")
    first, last = int(chosen["line_start"].min()), int(chosen["line_end"].max())
    whose = f"{writer}'s words" if writer else "the writer's words"
    heading = f"Narration ({whose}, not a quotation) · {line_span(first, last)}"
    return blockquote(heading, "\n\n".join(chosen["text"]))


def header_table(metadata_table: pd.DataFrame, notes: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The decoded header (``metadata.table()``) indexed by field, with a ``meaning`` column
    from ``notes`` (field -> plain words) when given; ``how`` says read (written) or derived."""
    table = metadata_table.copy()
    table["value"] = table["value"].astype(str)
    columns = ["field", "value", "as_written", "line", "how"]
    if notes is not None:
        table["meaning"] = [notes.get(name, "") for name in table["field"]]
        columns.append("meaning")
    return table[columns].set_index("field")


def people_table(people: pd.DataFrame, speaks: str | None = None) -> pd.DataFrame:
    """Who was in the room, with the columns a reader needs first, indexed by ``id``.

    ``speaks="yes"`` keeps only the people who speak in the record, ``speaks="no"`` only the
    silent ones; ``None`` keeps everyone.
    """
    wanted = ["id", "full_name", "side", "role", "speaks_in_record", "certainty"]
    table = people[[c for c in wanted if c in people.columns]].set_index("id")
    if speaks is not None:
        table = table[table["speaks_in_record"] == speaks]
    return table


def stage_directions(turns: pd.DataFrame, only_marked: bool = False) -> pd.DataFrame:
    """Each turn's speaker and stage directions, joined with "; " (empty if none), indexed by turn.

    ``only_marked=True`` keeps only the turns that have at least one stage direction.
    """
    table = turns[["turn", "speaker", "stage_directions"]].copy()
    table["stage_directions"] = table["stage_directions"].str.join("; ")
    if only_marked:
        table = table[table["stage_directions"] != ""]
    return table.set_index("turn")
