"""What every exporter shares: provenance, identifiers, participants, spans and escaping.

Nothing here knows any particular record: the participants come from the transcript's turns
and from whatever people table the caller passes (``transcript.people`` by default).
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections import namedtuple
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

from ..counting import COUNTING_RULES_VERSION
from ..source import read_source

__all__ = ["Person", "clip_spans", "direction_spans", "document_id", "fragment", "generator_name",
    "kit_version", "label_span", "line_fragment", "ni_uri", "participants", "person_of",
    "rows", "source_bytes", "source_name", "source_sha256", "speaker_ids", "title_of",
    "unique_names", "write_text", "xml_attr", "xml_name", "xml_safe", "xml_text"]


_NOT_NAME = re.compile(r"[^\w.\-]")


# ---------------------------------------------------------------------------------------------
# Provenance
def kit_version() -> str:
    from .. import __version__

    return __version__


def generator_name() -> str:
    """How every export names what made it: ``helpers 0.1.0 (counting rules version 1)``."""
    return f"helpers {kit_version()} (counting rules version {COUNTING_RULES_VERSION})"


def source_bytes(transcript) -> bytes:
    """The bytes the transcript was read from, when its file still holds that text.

    A transcript parsed from a string, or whose file has changed since, is identified by its
    decoded text encoded as UTF-8 instead (the two agree for a UTF-8 file without a byte-order
    mark).
    """
    path = Path(str(transcript.path))
    try:
        if path.is_file() and read_source(path) == transcript.source:
            return path.read_bytes()
    except (OSError, ValueError):
        pass
    return transcript.source.encode("utf-8")


def source_sha256(transcript) -> str:
    """The SHA-256 (hex) of :func:`source_bytes`."""
    return hashlib.sha256(source_bytes(transcript)).hexdigest()


def ni_uri(sha256_hex: str) -> str:
    """The RFC 6920 "named information" URI of a SHA-256: ``ni:///sha-256;<base64url>``."""
    digest = base64.urlsafe_b64encode(bytes.fromhex(sha256_hex)).decode("ascii").rstrip("=")
    return f"ni:///sha-256;{digest}"


def source_name(transcript) -> str:
    """The file name of the source (``record.txt``), or ``<text>`` for a string."""
    name = Path(str(transcript.path)).name
    return name or str(transcript.path)


def document_id(transcript, document: str | None = None) -> str:
    """A short id for the document: ``document`` if given, else the file's stem, with any
    character but letters, digits, ``_``, ``.`` and ``-`` made ``_`` (safe in file names and
    ids; :func:`xml_name` makes it an XML name where one is needed)."""
    raw = " ".join(str(document or Path(str(transcript.path)).stem or "document").split())
    return _NOT_NAME.sub("_", raw.replace(" ", "_")) or "document"


def title_of(transcript) -> str:
    meta = getattr(transcript, "metadata", None)
    title = getattr(meta, "title", None) if meta is not None else None
    return title or Path(str(transcript.path)).stem or "Transcript"


def rows(frame: pd.DataFrame) -> list:
    """The rows of ``frame`` as named tuples, built column by column (much faster than
    ``itertuples`` on small frames, which matters when a corpus run exports 1,000 records)."""
    columns = list(frame.columns)
    Row = namedtuple("Row", columns, rename=True)  # type: ignore[misc]
    return [Row(*values) for values in zip(*(frame[c].tolist() for c in columns))]


# ---------------------------------------------------------------------------------------------
# Identifiers and escaping
def xml_name(text: str) -> str:
    """``text`` as an XML name (NCName): other characters become ``_``; never empty."""
    name = _NOT_NAME.sub("_", " ".join(str(text).split()).replace(" ", "_")) or "_"
    if not (name[0].isalpha() or name[0] == "_"):
        name = "_" + name
    return name


def unique_names(values: Iterable[str]) -> dict[str, str]:
    """Each value mapped to a distinct :func:`xml_name` (``_2``, ``_3`` ... on collisions)."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for value in values:
        if value in out:
            continue
        base = xml_name(value)
        name, n = base, 1
        while name in used:
            n += 1
            name = f"{base}_{n}"
        used.add(name)
        out[value] = name
    return out


# Characters XML 1.0 cannot hold at all (not even as character references).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                               "\r": "&#13;", "\n": "&#10;", "\t": "&#9;"})


def xml_text(text: str) -> str:
    """``text`` escaped for XML character data (a carriage return kept as ``&#13;``).

    A character XML 1.0 cannot represent (a form feed, a NUL ...) is written as U+FFFD: the
    element's offsets still point at the original.
    """
    return _NOT_XML.sub("\ufffd", text).translate(_TEXT_ESCAPES)


def xml_attr(text: str) -> str:
    """``text`` escaped for a double-quoted XML attribute value."""
    return _NOT_XML.sub("\ufffd", str(text)).translate(_ATTR_ESCAPES)


def xml_safe(text: str) -> str:
    """What an XML reader gives back for ``text`` written by :func:`xml_text`."""
    return _NOT_XML.sub("\ufffd", text)


# ---------------------------------------------------------------------------------------------
# Participants: the speakers of the turns, joined with the people table
_TRUE = {"yes", "true", "1", "y"}
_FALSE = {"no", "false", "0", "n"}


def _flag(value) -> bool | None:
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold() if value is not None else ""
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


def _text(value) -> str:
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


@dataclass
class Person:
    """One participant: a speaker of the record, or someone the people table lists."""

    id: str
    name: str
    xml_id: str = ""
    side: str = ""
    role: str = ""
    in_the_room: bool | None = None
    speaks: bool = False
    certainty: str = ""
    note: str = ""
    source: str = ""
    labels: list[str] = field(default_factory=list)
    turns: int = 0
    words: int = 0


def _people_rows(people) -> list[dict]:
    if people is None:
        return []
    if isinstance(people, pd.DataFrame):
        return people.to_dict(orient="records")
    return [dict(row) for row in people]


def _role(row: dict) -> str:
    if "role" in row:
        return _text(row["role"])
    for key in row:  # "role_in_july_1949" and the like
        if str(key).startswith("role"):
            return _text(row[key])
    return ""


def participants(transcript, people=None) -> list[Person]:
    """Everyone in the record: each row of the people table, then any speaker it lacks.

    ``people`` is a table (DataFrame or list of dicts) with an ``id`` column matching the
    speakers and, as available, ``full_name``, ``side``, ``role`` (or a column whose name
    begins with ``role``), ``in_the_room``, ``speaks_in_record`` (or ``speaks``),
    ``certainty``, ``note``, ``source``; missing columns are left empty. ``None`` uses
    ``transcript.people``. People who never speak (silent participants) are kept, with their
    certainty.
    """
    if people is None:
        people = getattr(transcript, "people", None)
    turns = transcript.turns
    speakers = [str(s) for s in dict.fromkeys(turns["speaker"].astype(str))] if len(turns) else []
    labels: dict[str, list[str]] = {s: [] for s in speakers}
    sides: dict[str, str] = {}
    counts: dict[str, tuple[int, int]] = {}
    for row in rows(turns):
        speaker = str(row.speaker)
        if row.label not in labels[speaker]:
            labels[speaker].append(row.label)
        if _text(getattr(row, "side", "")):
            sides.setdefault(speaker, _text(row.side))
        n, w = counts.get(speaker, (0, 0))
        counts[speaker] = (n + 1, w + int(row.words))

    persons: list[Person] = []
    by_fold: dict[str, Person] = {}
    for row in _people_rows(people):
        pid = _text(row.get("id")) or _text(row.get("speaker"))
        if not pid:
            continue
        speaks_flag = _flag(row.get("speaks_in_record", row.get("speaks")))
        person = Person(
            id=pid, name=_text(row.get("full_name")) or pid, side=_text(row.get("side")),
            role=_role(row), in_the_room=_flag(row.get("in_the_room")),
            speaks=bool(speaks_flag), certainty=_text(row.get("certainty")),
            note=_text(row.get("note")), source=_text(row.get("source")))
        persons.append(person)
        by_fold[pid.casefold()] = person
    for speaker in speakers:
        found = by_fold.get(speaker.casefold())
        if found is None:
            found = Person(id=speaker, name=speaker, side=sides.get(speaker, ""))
            persons.append(found)
            by_fold[speaker.casefold()] = found
        found.speaks = True
        found.labels = labels[speaker]
        found.turns, found.words = counts.get(speaker, (0, 0))
        if not found.side:
            found.side = sides.get(speaker, "")
    ids = unique_names(p.id for p in persons)
    for person in persons:
        person.xml_id = ids[person.id]
    return persons


def speaker_ids(persons: list[Person]) -> dict[str, Person]:
    """Speaker name (as in the turns) -> its person, matched without regard to case."""
    return {p.id.casefold(): p for p in persons}


def person_of(persons_by_fold: dict[str, Person], speaker: object) -> Person:
    return persons_by_fold[str(speaker).casefold()]


# ---------------------------------------------------------------------------------------------
# Spans: where the label and the stage directions of a turn stand in the source
_LABEL_END = re.compile(r"(?:[ \t\u00a0]*\([^()\n]{1,80}\))?[ \t\u00a0]*[:.]")


def label_span(turn, source: str) -> tuple[int, int]:
    """``(label_start, label_end)`` of a turn's speaker label, as offsets into ``source``.

    The label is found in the turn's text as written; ``label_end`` includes an aside in
    parentheses and the colon (or full stop) after it, when they follow. Anything before the
    label (an item number such as ``[1.]``) runs from the turn's start to ``label_start``. A
    label that cannot be found gives ``(start, start)``.
    """
    start = int(turn.start)
    at = source.find(turn.label, start, int(turn.end))
    if at < 0:
        return start, start
    label_end = at + len(turn.label)
    m = _LABEL_END.match(source, label_end)
    return at, (m.end() if m else label_end)


def direction_spans(turn, source: str, after: int) -> list[tuple[int, int]]:
    """The turn's stage directions located in the source, in order, as ``(start, end)``.

    Directions are listed with white space folded, so each is searched as a pattern of its
    words separated by any white space, from ``after`` on, each after the one before. A
    direction that cannot be found is left out (it stays in the text, unmarked).
    """
    spans: list[tuple[int, int]] = []
    position = after
    end = int(turn.end)
    for direction in turn.stage_directions:
        words = str(direction).split()
        if not words:
            continue
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
        m = pattern.search(source, position, end)
        if m is None:
            continue
        spans.append((m.start(), m.end()))
        position = m.end()
    return spans


def clip_spans(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans lying wholly inside ``[start, end)``, without overlaps, in order."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if s >= start and e <= end and (not out or s >= out[-1][1]):
            out.append((s, e))
    return out


def fragment(name: str, start: int, end: int) -> str:
    """An RFC 5147 character-range pointer: ``name#char=start,end``."""
    return f"{name}#char={start},{end}"


def line_fragment(name: str, line_start: int, line_end: int) -> str:
    """An RFC 5147 line-range pointer for lines ``line_start`` to ``line_end`` (from 1)."""
    return f"{name}#line={line_start - 1},{line_end}"


def write_text(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path
