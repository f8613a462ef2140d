"""A parsed transcript: the text, its blocks and turns as DataFrames, its metadata and people."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .doubts import Doubt, speaker_doubts
from .metadata import Metadata, parse_metadata
from .parse import ParseResult, Style, parse
from .people import load_people, people_from_speakers, people_sidecar
from .source import BOM, read_source
from .speakers import NOT_A_SPEAKER, Alias, SpeakerMap, load_speakers, sidecar

__all__ = ["BLOCK_COLUMNS", "BLOCK_KINDS", "TURN_COLUMNS", "Rows", "Transcript", "load", "parse_rows",
           "parse_text", "turn_row"]

#: The columns of ``Transcript.turns``, in order.
TURN_COLUMNS = [
    "turn", "speaker", "side", "label", "text", "spoken", "stage_directions", "words",
    "characters", "sentences", "start", "end", "line_start", "line_end", "paragraphs",
]
#: The columns of ``Transcript.blocks``, in order.
BLOCK_COLUMNS = ["block", "kind", "turn", "text", "start", "end", "line_start", "line_end"]

#: The kinds of block, in the order of the ``kind`` category.
BLOCK_KINDS = ["header", "narration", "heading", "speech"]
_TURN_INTS = frozenset(["turn", "words", "characters", "sentences", "start", "end", "line_start",
                        "line_end", "paragraphs"])
_BLOCK_INTS = frozenset(["block", "start", "end", "line_start", "line_end"])


def _frame(rows: list[dict], columns: list[str], ints: frozenset[str],
           made: dict[str, object]) -> pd.DataFrame:
    """The parser's rows as a DataFrame, each column built once with its type (``int64`` for
    ``ints``, as given in ``made``, else as pandas infers it): a third of the time of building the frame
    and converting it, which counted on small records parsed many times over."""
    data: dict[str, object] = {}
    for column in columns:
        if column in made:
            data[column] = made[column]
        elif column in ints:
            data[column] = pd.array([row[column] for row in rows], dtype="int64")
        else:
            values = [row[column] for row in rows]
            data[column] = pd.Series(values) if values else pd.Series(values, dtype=object)
    return pd.DataFrame(data, columns=columns)


#: What may be given as the speaker file: a path, or its rows already read.
Speakers = str | Path | list[Alias] | None


@dataclass(eq=False, repr=False)
class Transcript:
    """A transcript parsed into blocks and turns.

    ``source`` is the decoded text: the file's bytes read as UTF-8, a byte-order mark at the
    start dropped, nothing else changed (Windows line endings stay ``\r\n``). Every ``start``
    and ``end`` is a character offset into it, so ``source[start:end]`` gives back a row's
    exact text; in your own code, ``helpers.read_source(path)[start:end]`` does the same.
    This is *not* always ``open(path).read()``: that keeps a byte-order mark as ``\ufeff`` and
    turns ``\r\n`` into ``\n``, so its offsets drift on such files.

    ``people`` has the columns of a people file (:mod:`helpers.people`); ``people_file`` names
    the file it was read from, or is ``None`` when the people are the speakers found.
    ``style`` is the style the record was read in and why (:class:`helpers.parse.Style`);
    ``doubts`` lists every judgement call the parser made about a label, in reading order
    (:class:`helpers.doubts.Doubt`; ``helpers.doubts_table(t.doubts)`` as a DataFrame).
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
    doubts: list[Doubt] = field(default_factory=list)
    style: Style | None = None

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


@dataclass(eq=False)
class Rows:
    """A record read into plain lists, before any table is built: what :func:`parse_text` makes
    its DataFrames from, and what a corpus run's workers send back (``helpers.corpus``).

    ``turns`` are the parser's turn rows (dicts with the keys of :data:`TURN_COLUMNS`, the
    speaker and side resolved by the speaker file); ``result`` is the rest of the parse
    (blocks, warnings, style); ``doubts`` every doubt, the speakers' included, in reading order.
    """

    text: str
    name: str
    aliases: list[Alias]
    listed: list[str]
    result: ParseResult
    doubts: list[Doubt]
    with_blocks: bool = True

    @property
    def turns(self) -> list[dict]:
        return self.result.turns

    @property
    def source(self) -> str:
        """The text, as ``Transcript.source``."""
        return self.text

    def transcript(self, people: str | Path | None = None) -> "Transcript":
        """The :class:`Transcript` of these rows (its tables built), as :func:`parse_text` returns
        it; ``people`` is a people file."""
        if not self.with_blocks:
            raise ValueError("these rows were parsed with blocks=False: parse them with the blocks")
        return _transcript(self, people)


def parse_rows(text: str, name: str = "<text>", speakers: Speakers = None,
               style: str | None = None, blocks: bool = True) -> Rows:
    """Parse ``text`` by the kit's rules into plain lists (:class:`Rows`), no DataFrames: the
    turns with their speakers and sides, the blocks, the doubts. :func:`parse_text` is this,
    then the tables; the arguments are the same (a byte-order mark at the start is dropped).
    ``blocks=False`` leaves the blocks out (for turns and doubts only, as a corpus run reads);
    :meth:`Rows.transcript` then needs them and refuses."""
    text = text.removeprefix(BOM)
    aliases = _aliases(speakers)
    listed = [a.label for a in aliases if a.speaker != NOT_A_SPEAKER]
    result = parse(text, name, style=style, labels=listed,
                   ignore=[a.label for a in aliases if a.speaker == NOT_A_SPEAKER], blocks=blocks)
    names = SpeakerMap(aliases)
    for row in result.turns:
        row["speaker"] = names.speaker(row["label"])
        row["side"] = names.side(row["speaker"])
    doubts = sorted(result.doubts + speaker_doubts(result.turns, listed), key=lambda d: d.start)
    return Rows(text, name, aliases, listed, result, doubts, blocks)


def parse_text(text: str, name: str = "<text>", speakers: Speakers = None,
               people: str | Path | None = None, style: str | None = None) -> Transcript:
    """Parse transcript text into a :class:`Transcript` (``name`` is used in error messages).

    ``speakers`` is a speaker file or its rows; ``people`` a people file. A byte-order mark at
    the start is dropped, as :func:`load` drops it from a file, so offsets index
    ``transcript.source``, which then lacks it. Every label of the speaker file is read as a
    label wherever it opens a paragraph (one whose speaker is ``-`` never is: it is not a
    speaker); ``style`` (``"quoted"``, ``"colon"`` or ``"full-stop"``) overrides the style the
    parser would infer, and any other value is a ``ValueError``.
    """
    return parse_rows(text, name, speakers, style).transcript(people)


def _transcript(rows: Rows, people: str | Path | None = None) -> Transcript:
    text, name, aliases, result = rows.text, rows.name, rows.aliases, rows.result
    turn_rows = result.turns
    speakers_found = [row["speaker"] for row in turn_rows]
    turns = _frame(turn_rows, TURN_COLUMNS, _TURN_INTS, {
        "speaker": pd.Categorical(speakers_found, categories=list(dict.fromkeys(speakers_found)))})
    blocks = _frame(result.blocks, BLOCK_COLUMNS, _BLOCK_INTS, {
        "kind": pd.Categorical([b["kind"] for b in result.blocks], categories=BLOCK_KINDS),
        "turn": pd.array([b["turn"] for b in result.blocks], dtype="Int64")})
    metadata = parse_metadata(result.blocks)
    doubts = rows.doubts
    cast = load_people(people) if people is not None else pd.DataFrame()
    return Transcript(text, name, blocks, turns, metadata, result.warnings, aliases, cast,
                      str(people) if people is not None else None, doubts, result.style)


def load(path: str | Path, speakers: Speakers = None, people: str | Path | None = None,
         style: str | None = None) -> Transcript:
    """Read and parse a transcript file.

    ``speakers`` is a speaker file (see :mod:`helpers.speakers`) or a list of :class:`Alias`;
    without it, ``NAME.speakers.csv`` beside ``NAME.txt`` is used when it exists. ``people`` is
    a people file (see :mod:`helpers.people`); without it, ``NAME.people.csv`` beside the
    transcript when it exists, else the speakers found. ``style`` overrides the inferred style
    (see :func:`parse_text`). Offsets index ``helpers.read_source(path)``. Raises
    :class:`helpers.TranscriptError` for a file it cannot read or parse,
    :class:`helpers.DataFileError` for a bad CSV, ``ValueError`` for a ``style`` it does not know.
    """
    if path is None:
        raise ValueError("give the path of a transcript file (the kit's cable: helpers.load_cable())")
    text = read_source(path)
    if speakers is None and sidecar(path).exists():
        speakers = sidecar(path)
    if people is None and people_sidecar(path).exists():
        people = people_sidecar(path)
    return parse_text(text, str(path), speakers, people, style=style)
