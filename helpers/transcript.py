"""A parsed transcript: the text, its blocks and turns as DataFrames, its metadata and people."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .metadata import Metadata, parse_metadata
from .parse import parse
from .people import load_people, people_from_speakers, people_sidecar
from .source import BOM, read_source
from .speakers import Alias, SpeakerMap, load_speakers, sidecar

__all__ = ["BLOCK_COLUMNS", "TURN_COLUMNS", "Transcript", "load", "parse_text", "turn_row"]

#: The columns of ``Transcript.turns``, in order.
TURN_COLUMNS = [
    "turn", "speaker", "side", "label", "text", "spoken", "stage_directions", "words",
    "characters", "sentences", "start", "end", "line_start", "line_end", "paragraphs",
]
#: The columns of ``Transcript.blocks``, in order.
BLOCK_COLUMNS = ["block", "kind", "turn", "text", "start", "end", "line_start", "line_end"]

#: What may be given as the speaker file: a path, or its rows already read.
Speakers = str | Path | list[Alias] | None


@dataclass(eq=False, repr=False)
class Transcript:
    """A transcript parsed into blocks and turns.

    ``source`` is the decoded text (a UTF-8 byte-order mark, if any, dropped); every ``start``
    and ``end`` offset indexes into it, so ``source[start:end]`` gives back a row's exact text.
    ``people`` has the columns of a people file (:mod:`helpers.people`); ``people_file`` names
    the file it was read from, or is ``None`` when the people are the speakers found.
    Two transcripts are equal only when they are the same object.
    """

    source: str
    path: str
    blocks: pd.DataFrame
    turns: pd.DataFrame
    metadata: Metadata
    warnings: list[str] = field(default_factory=list)
    aliases: list[Alias] = field(default_factory=list)
    people: pd.DataFrame = field(default_factory=pd.DataFrame)
    people_file: str | None = None

    def __post_init__(self) -> None:
        if self.people.empty and self.people_file is None:
            self.people = people_from_speakers(self.turns)

    def __repr__(self) -> str:
        speakers = self.turns["speaker"].astype(str).nunique()
        return (f"<Transcript {self.path!r}: {len(self.turns)} turn{'s' if len(self.turns) != 1 else ''}, "
                f"{speakers} speaker{'s' if speakers != 1 else ''}>")

    def turn(self, n: int) -> pd.Series:
        """The row of turn ``n`` (see :func:`turn_row`)."""
        return turn_row(self.turns, n)


def turn_row(turns: pd.DataFrame, n: int) -> pd.Series:
    """The row of turn number ``n``; ``ValueError`` saying which turns there are if it has none."""
    match = turns[turns["turn"] == n]
    if match.empty:
        span = f"turns 1 to {int(turns['turn'].max())}" if len(turns) else "no turns"
        raise ValueError(f"no turn {n}: the record has {span}")
    return match.iloc[0]


def _aliases(speakers: Speakers) -> list[Alias]:
    if isinstance(speakers, (str, Path)):
        return load_speakers(speakers)
    return list(speakers or [])


def parse_text(text: str, name: str = "<text>", speakers: Speakers = None,
               people: str | Path | None = None) -> Transcript:
    """Parse transcript text into a :class:`Transcript` (``name`` is used in error messages).

    ``speakers`` is a speaker file or its rows; ``people`` a people file. A byte-order mark at
    the start is dropped, as :func:`load` drops it from a file.
    """
    text = text.removeprefix(BOM)
    aliases = _aliases(speakers)
    result = parse(text, name)
    names = SpeakerMap(aliases)
    turn_rows = result.turns
    for row in turn_rows:
        row["speaker"] = names.speaker(row["label"])
        row["side"] = names.side(row["speaker"])
    turns = pd.DataFrame(turn_rows, columns=TURN_COLUMNS)
    order = list(dict.fromkeys(turns["speaker"]))
    turns["speaker"] = pd.Categorical(turns["speaker"], categories=order)
    turns = turns.astype({c: "int64" for c in
                          ["turn", "words", "characters", "sentences", "start", "end",
                           "line_start", "line_end", "paragraphs"]})
    blocks = pd.DataFrame(result.blocks, columns=BLOCK_COLUMNS)
    blocks["kind"] = pd.Categorical(blocks["kind"], categories=["header", "narration", "speech"])
    blocks["turn"] = blocks["turn"].astype("Int64")
    blocks = blocks.astype({c: "int64" for c in ["block", "start", "end", "line_start", "line_end"]})
    metadata = parse_metadata(result.blocks)
    cast = load_people(people) if people is not None else pd.DataFrame()
    return Transcript(text, name, blocks, turns, metadata, result.warnings, aliases, cast,
                      str(people) if people is not None else None)


def load(path: str | Path, speakers: Speakers = None, people: str | Path | None = None) -> Transcript:
    """Read and parse a transcript file.

    ``speakers`` is a speaker file (see :mod:`helpers.speakers`) or a list of :class:`Alias`;
    without it, ``NAME.speakers.csv`` beside ``NAME.txt`` is used when it exists. ``people`` is
    a people file (see :mod:`helpers.people`); without it, ``NAME.people.csv`` beside the
    transcript when it exists, else the speakers found. Raises :class:`helpers.TranscriptError`
    for a file it cannot read or parse, :class:`helpers.DataFileError` for a bad CSV.
    """
    if path is None:
        raise ValueError("give the path of a transcript file (the kit's cable: helpers.load_cable())")
    text = read_source(path)
    if speakers is None and sidecar(path).exists():
        speakers = sidecar(path)
    if people is None and people_sidecar(path).exists():
        people = people_sidecar(path)
    return parse_text(text, str(path), speakers, people)
