"""A parsed transcript: the text, its blocks and turns as DataFrames, and its metadata."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from . import paths
from .doubts import Doubt, speaker_doubts
from .metadata import CableMetadata, parse_metadata
from .parse import Style, parse
from .source import BOM, read_source
from .speakers import NOT_A_SPEAKER, Alias, SpeakerMap, load_aliases, sidecar

TURN_COLUMNS = [
    "turn", "speaker", "side", "label", "text", "spoken", "stage_directions", "words",
    "characters", "sentences", "start", "end", "line_start", "line_end", "paragraphs",
]
BLOCK_COLUMNS = ["block", "kind", "turn", "text", "start", "end", "line_start", "line_end"]


@dataclass
class Transcript:
    """A transcript parsed into blocks and turns.

    ``source`` is the decoded text: the file's bytes read as UTF-8, a byte-order mark at the
    start dropped, nothing else changed (Windows line endings stay ``\r\n``). Every ``start``
    and ``end`` is a character offset into it, so ``source[start:end]`` gives back a row's
    exact text; in your own code, ``helpers.read_source(path)[start:end]`` does the same.
    This is *not* always ``open(path).read()``: that keeps a byte-order mark as ``\ufeff`` and
    turns ``\r\n`` into ``\n``, so its offsets drift on such files.

    ``style`` is the style the record was read in and why (:class:`helpers.parse.Style`);
    ``doubts`` lists every judgement call the parser made about a label, in reading order
    (:class:`helpers.doubts.Doubt`; ``helpers.doubts_table(t.doubts)`` as a DataFrame).
    """

    source: str
    path: str
    blocks: pd.DataFrame
    turns: pd.DataFrame
    metadata: CableMetadata
    warnings: list[str] = field(default_factory=list)
    aliases: list[Alias] = field(default_factory=list)
    doubts: list[Doubt] = field(default_factory=list)
    style: Style | None = None

    @cached_property
    def people(self) -> pd.DataFrame:
        """The people of the record: the kit's cast list for the cable, else the speakers."""
        if Path(self.path).resolve() == paths.SEED.resolve():
            return pd.read_csv(paths.DATA / "people.csv", dtype=str, keep_default_na=False)
        speakers = list(self.turns["speaker"].cat.categories)
        sides = self.turns.drop_duplicates("speaker").set_index("speaker")["side"]
        return pd.DataFrame({
            "id": speakers,
            "side": [sides.get(s) for s in speakers],
            "speaks": [True] * len(speakers),
        })


def parse_text(text: str, name: str = "<text>", aliases: list[Alias] | None = None,
               style: str | None = None) -> Transcript:
    """Parse transcript text into a :class:`Transcript` (``name`` is used in error messages).

    A byte-order mark at the start is dropped, as :func:`read_transcript` drops it from a file,
    so offsets index ``transcript.source``, which then lacks it. Every label of ``aliases`` is
    read as a label wherever it opens a paragraph (one whose speaker is ``-`` never is: it is not
    a speaker); ``style`` (``"quoted"``, ``"colon"`` or ``"full-stop"``) overrides the style the
    parser would infer.
    """
    text = text.removeprefix(BOM)
    listed = [a.label for a in aliases or [] if a.speaker != NOT_A_SPEAKER]
    result = parse(text, name, style=style, labels=listed,
                   ignore=[a.label for a in aliases or [] if a.speaker == NOT_A_SPEAKER])
    speakers = SpeakerMap(aliases)
    turn_rows = result.turns
    for row in turn_rows:
        row["speaker"] = speakers.speaker(row["label"])
        row["side"] = speakers.side(row["speaker"])
    turns = pd.DataFrame(turn_rows, columns=TURN_COLUMNS)
    order = list(dict.fromkeys(turns["speaker"]))
    turns["speaker"] = pd.Categorical(turns["speaker"], categories=order)
    turns = turns.astype({c: "int64" for c in
                          ["turn", "words", "characters", "sentences", "start", "end",
                           "line_start", "line_end", "paragraphs"]})
    blocks = pd.DataFrame(result.blocks, columns=BLOCK_COLUMNS)
    blocks["kind"] = pd.Categorical(blocks["kind"], categories=["header", "narration", "heading", "speech"])
    blocks["turn"] = blocks["turn"].astype("Int64")
    blocks = blocks.astype({c: "int64" for c in ["block", "start", "end", "line_start", "line_end"]})
    metadata = parse_metadata(result.blocks)
    doubts = sorted(result.doubts + speaker_doubts(turn_rows, listed),
                    key=lambda d: d.start)
    return Transcript(text, name, blocks, turns, metadata, result.warnings, list(aliases or []),
                      doubts, result.style)


def read_transcript(path: str | Path, aliases: str | Path | list[Alias] | None = None,
                    style: str | None = None) -> Transcript:
    """Read and parse a transcript file.

    ``aliases`` is a speaker file (see :mod:`helpers.speakers`) or a list of :class:`Alias`;
    without it, ``NAME.speakers.csv`` beside the transcript is used when it exists. ``style``
    overrides the inferred style (see :func:`parse_text`). Offsets index
    ``helpers.read_source(path)``. Raises :class:`helpers.TranscriptError` for a file it cannot
    read or parse.
    """
    text = read_source(path)
    if aliases is None and sidecar(path).exists():
        aliases = sidecar(path)
    if isinstance(aliases, (str, Path)):
        aliases = load_aliases(aliases)
    return parse_text(text, str(path), aliases, style=style)


def load_cable() -> Transcript:
    """The kit's source: Kelly's telegram No. 608 of 19 July 1949, parsed, speakers resolved."""
    return read_transcript(paths.SEED)


def load(transcript: str | Path | None = None, speakers: str | Path | None = None,
         style: str | None = None) -> Transcript:
    """The transcript a notebook analyses: the cable by default, or any file given.

    Notebooks call ``helpers.load(TRANSCRIPT, SPEAKERS)`` with the values of their tagged
    ``parameters`` cell, so ``make rerun TRANSCRIPT=...`` can point them at another record.
    ``style`` overrides the inferred style (see :func:`parse_text`).
    """
    if transcript is None:
        return load_cable()
    return read_transcript(transcript, aliases=speakers, style=style)
