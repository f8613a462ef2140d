"""Tab-separated tables in the conventions of ParlaMint's ``-meta.tsv`` where they fit.

A folder with four files per document (``<doc>`` is the document id, by default the
transcript's file stem):

- ``<doc>-meta.tsv``: one row per turn. The first 23 columns are ParlaMint's, in ParlaMint's
  order (the header row its ``parlamint2meta.xsl`` writes since ParlaMint 4): ``Text_ID``
  (document), ``ID`` (turn: ``<doc>.t<N>``), ``Title``, ``Date``, ``Body``, ``Term``,
  ``Session``, ``Meeting``, ``Sitting``, ``Agenda``, ``Subcorpus``, ``Lang``, ``Speaker_role``,
  ``Speaker_MP``, ``Speaker_minister``, ``Speaker_party``, ``Speaker_party_name``,
  ``Party_status``, ``Party_orientation``, ``Speaker_ID``, ``Speaker_name``,
  ``Speaker_gender``, ``Speaker_birth``. Those a speaker-labelled record has values for are
  filled (``Text_ID``, ``ID``, ``Title``, ``Date``, ``Speaker_ID``, ``Speaker_name``, and
  ``Lang`` if given); the parliamentary ones are ``-``, ParlaMint's mark for "no value". Then
  the kit's own columns: ``Turn``, ``Label``, ``Speaker``, ``Speaker_side``, ``Words``,
  ``Characters``, ``Sentences``, ``Start``, ``End``, ``Line_start``, ``Line_end``,
  ``Paragraphs``, ``Stage_directions`` (joined with `` | ``).
- ``<doc>.txt``: ParlaMint's plain-text convention, one line per turn, ``ID``, a tab, and the
  spoken words with white space folded to single spaces.
- ``<doc>-speakers.tsv``: one row per participant (silent ones included): ``Text_ID``,
  ``Speaker_ID``, ``Speaker_name``, ``Speaker_gender``, ``Speaker_birth`` (ParlaMint's names),
  then the kit's ``Speaker_side``, ``Role``, ``In_the_room``, ``Speaks``, ``Certainty``,
  ``Labels``, ``Turns``, ``Words``, ``Share_of_turns``, ``Share_of_words`` (percent, one
  decimal), ``Note``, ``Source``.

- ``<doc>-about.tsv``: two columns, ``Field`` and ``Value``: the document id, the source's
  file name and SHA-256, the title, and what made the tables (``Generator``, ``Kit_version``,
  ``Counting_rules_version``).

Cells never hold a tab or a line break (white space is folded to a space), so the files need
no quoting; they are UTF-8 with LF line ends and a header row. The exact text of a turn is
``source[Start:End]``.
"""
from __future__ import annotations

from pathlib import Path

from ..counting import COUNTING_RULES_VERSION
from ._common import (
    document_id, generator_name, kit_version, participants, person_of, source_name, source_sha256,
    rows as _rows,
    speaker_ids, title_of, write_text,
)

__all__ = ["KIT_COLUMNS", "META_COLUMNS", "MISSING", "PARLAMINT_COLUMNS", "SPEAKER_COLUMNS",
    "about_rows", "cell", "speaker_rows", "text_lines", "turn_rows", "write"]

PARLAMINT_COLUMNS = [
    "Text_ID", "ID", "Title", "Date", "Body", "Term", "Session", "Meeting", "Sitting", "Agenda",
    "Subcorpus", "Lang", "Speaker_role", "Speaker_MP", "Speaker_minister", "Speaker_party",
    "Speaker_party_name", "Party_status", "Party_orientation", "Speaker_ID", "Speaker_name",
    "Speaker_gender", "Speaker_birth",
]
KIT_COLUMNS = [
    "Turn", "Label", "Speaker", "Speaker_side", "Words", "Characters", "Sentences", "Start",
    "End", "Line_start", "Line_end", "Paragraphs", "Stage_directions",
]
META_COLUMNS = PARLAMINT_COLUMNS + KIT_COLUMNS
SPEAKER_COLUMNS = [
    "Text_ID", "Speaker_ID", "Speaker_name", "Speaker_gender", "Speaker_birth",
    "Speaker_side", "Role", "In_the_room", "Speaks", "Certainty", "Labels", "Turns", "Words",
    "Share_of_turns", "Share_of_words", "Note", "Source",
]
MISSING = "-"


def cell(value: object) -> str:
    """A value as one TSV cell: white space folded, ``-`` when empty."""
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = " ".join(str(value).split())
    return text if text else MISSING


def _date(transcript) -> str:
    meta = getattr(transcript, "metadata", None)
    for name in ("meeting_start", "despatched", "received", "archive_date"):
        value = getattr(meta, name, None)
        if value is not None:
            return value.date().isoformat() if hasattr(value, "date") and callable(value.date) \
                else value.isoformat()
    return MISSING


def turn_rows(transcript, document: str | None = None, people=None, lang: str = MISSING) -> list[dict]:
    """The ``-meta.tsv`` rows of one transcript (dicts keyed by :data:`META_COLUMNS`)."""
    doc = document_id(transcript, document)
    by_speaker = speaker_ids(participants(transcript, people))
    title = title_of(transcript)
    date = _date(transcript)
    out = []
    for t in _rows(transcript.turns):
        person = person_of(by_speaker, t.speaker)
        row = dict.fromkeys(PARLAMINT_COLUMNS, MISSING)
        row.update({"Text_ID": doc, "ID": f"{doc}.t{int(t.turn)}", "Title": title, "Date": date,
                    "Lang": lang, "Speaker_ID": person.xml_id, "Speaker_name": person.name})
        row.update({"Turn": t.turn, "Label": t.label, "Speaker": t.speaker,
                    "Speaker_side": t.side if isinstance(t.side, str) else "",
                    "Words": t.words, "Characters": t.characters, "Sentences": t.sentences,
                    "Start": t.start, "End": t.end, "Line_start": t.line_start,
                    "Line_end": t.line_end, "Paragraphs": t.paragraphs,
                    "Stage_directions": " | ".join(t.stage_directions)})
        out.append({k: cell(v) for k, v in row.items()})
    return out


def text_lines(transcript, document: str | None = None) -> list[str]:
    """The ``<doc>.txt`` lines: ``ID``, a tab, the spoken words on one line."""
    doc = document_id(transcript, document)
    return [f"{doc}.t{int(t.turn)}\t{' '.join(str(t.spoken).split())}"
            for t in _rows(transcript.turns)]


def speaker_rows(transcript, document: str | None = None, people=None) -> list[dict]:
    """The ``-speakers.tsv`` rows: every participant, speaking or not."""
    doc = document_id(transcript, document)
    persons = participants(transcript, people)
    total_turns = sum(p.turns for p in persons) or 1
    total_words = sum(p.words for p in persons) or 1
    rows = []
    for p in persons:
        rows.append({k: cell(v) for k, v in {
            "Text_ID": doc, "Speaker_ID": p.xml_id, "Speaker_name": p.name,
            "Speaker_gender": MISSING, "Speaker_birth": MISSING, "Speaker_side": p.side,
            "Role": p.role, "In_the_room": p.in_the_room, "Speaks": p.speaks,
            "Certainty": p.certainty, "Labels": " | ".join(p.labels), "Turns": p.turns,
            "Words": p.words, "Share_of_turns": f"{100 * p.turns / total_turns:.1f}",
            "Share_of_words": f"{100 * p.words / total_words:.1f}", "Note": p.note,
            "Source": p.source}.items()})
    return rows


def _table(columns: list[str], rows: list[dict]) -> str:
    lines = ["\t".join(columns)] + ["\t".join(row[c] for c in columns) for row in rows]
    return "\n".join(lines) + "\n"


def about_rows(transcript, document: str | None = None) -> list[dict]:
    """The ``-about.tsv`` rows: where the tables come from and what made them."""
    fields = [("Text_ID", document_id(transcript, document)), ("Source", source_name(transcript)),
              ("Source_sha256", source_sha256(transcript)), ("Title", title_of(transcript)),
              ("Generator", generator_name()), ("Kit_version", kit_version()),
              ("Counting_rules_version", COUNTING_RULES_VERSION)]
    return [{"Field": k, "Value": cell(v)} for k, v in fields]


def write(transcript, out: str | Path, *, document: str | None = None, people=None,
          lang: str = MISSING) -> list[Path]:
    """Write ``<doc>-meta.tsv``, ``<doc>.txt``, ``<doc>-speakers.tsv`` and ``<doc>-about.tsv``
    into the folder ``out``."""
    folder = Path(out)
    doc = document_id(transcript, document)
    lines = text_lines(transcript, document)
    return [
        write_text(folder / f"{doc}-meta.tsv",
                   _table(META_COLUMNS, turn_rows(transcript, document, people, lang))),
        write_text(folder / f"{doc}.txt", "".join(line + "\n" for line in lines)),
        write_text(folder / f"{doc}-speakers.tsv",
                   _table(SPEAKER_COLUMNS, speaker_rows(transcript, document, people))),
        write_text(folder / f"{doc}-about.tsv", _table(["Field", "Value"], about_rows(transcript, document))),
    ]
