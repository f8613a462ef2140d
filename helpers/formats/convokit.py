"""A ConvoKit 5 corpus folder, written with the standard library (ConvoKit itself is not needed).

The folder holds the five files ConvoKit's documented format names (``docs/source/
data_format.rst`` in CornellNLP/ConvoKit; read by ``convokit/model/corpus_helpers.py``):

- ``utterances.jsonl``: one JSON object per line, one per turn, with ConvoKit's six fields:
  ``id`` (``<document>.t<turn>``), ``speaker`` (the turn's speaker), ``conversation_id`` (the
  id of the document's first utterance, as ConvoKit defines it), ``reply_to`` (the turn before,
  ``null`` for the first: turns are chained one to the next), ``timestamp`` (``null``: the
  records carry no clock times per turn) and ``text`` (the ``spoken`` words); then ``meta``
  with the kit's columns (``document``, ``turn``, ``label``, ``side``, ``source_text`` (the exact
  slice of the source), ``stage_directions``, ``words``, ``characters``, ``sentences``,
  ``start``, ``end``, ``line_start``, ``line_end``, ``paragraphs``) and ``vectors`` (empty).
  The field is written ``reply_to``, as the documentation has it; ConvoKit's own writer
  writes ``reply-to``, and its loader reads either.
- ``speakers.json``: ``{speaker: {"meta": {...}, "vectors": []}}`` for every speaker, with the
  people table's full name, side, role, certainty, whether in the room, and the labels used.
- ``conversations.json``: ``{conversation_id: {"meta": {...}, "vectors": []}}``, one per
  document: document id, title, source file name and SHA-256, turns, words, and
  ``participants`` (everyone in the people table, silent participants and their certainty
  included: ConvoKit knows only speakers who have utterances).
- ``corpus.json``: the corpus's own metadata: name, the documents, and the kit's version and
  counting rules' version (``generator``, ``kit_version``, ``counting_rules_version``).
- ``index.json``: ConvoKit's index of metadata fields and their types
  (``"utterances-index"``, ``"speakers-index"``, ``"conversations-index"``, ``"overall-index"``,
  each ``{field: ["<class 'int'>"]}``), ``"version": 1`` and ``"vectors": []``.

JSON is written with non-ASCII characters escaped (``\\u201c``), because ConvoKit opens these
files without naming an encoding. A corpus of many documents: ``write_corpus([records(t1),
records(t2), ...], out)``; :func:`write` is that for one transcript.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..counting import COUNTING_RULES_VERSION
from ._common import (
    document_id, generator_name, kit_version, participants, person_of, rows, source_name,
    source_sha256, speaker_ids, title_of, write_text,
)

__all__ = ["CorpusPart", "FILES", "records", "write", "write_corpus"]

FILES = ("utterances.jsonl", "speakers.json", "conversations.json", "corpus.json", "index.json")
_INT_COLUMNS = ("words", "characters", "sentences", "start", "end", "line_start", "line_end",
                "paragraphs")


@dataclass
class CorpusPart:
    """One document's share of a ConvoKit corpus: its utterances, speakers and conversation."""

    document: str
    utterances: list[dict] = field(default_factory=list)
    speakers: dict[str, dict] = field(default_factory=dict)
    conversations: dict[str, dict] = field(default_factory=dict)


def _clean(meta: dict) -> dict:
    """Metadata without empty values (ConvoKit indexes each field's type; None has none)."""
    return {k: v for k, v in meta.items() if v is not None and v != ""}


def records(transcript, document: str | None = None, people=None) -> CorpusPart:
    """One transcript as ConvoKit records (utterances, speakers, one conversation)."""
    doc = document_id(transcript, document)
    persons = participants(transcript, people)
    by_speaker = speaker_ids(persons)
    part = CorpusPart(doc)
    first: str | None = None
    previous: str | None = None
    for row in rows(transcript.turns):
        uid = f"{doc}.t{int(row.turn)}"
        first = first or uid
        side = row.side if isinstance(row.side, str) else ""
        meta = {"document": doc, "turn": int(row.turn), "label": str(row.label), "side": side,
                "source_text": str(row.text),
                "stage_directions": [str(d) for d in row.stage_directions]}
        meta.update({c: int(getattr(row, c)) for c in _INT_COLUMNS})
        part.utterances.append({
            "id": uid, "speaker": str(row.speaker), "conversation_id": first,
            "reply_to": previous, "timestamp": None, "text": str(row.spoken),
            "meta": _clean(meta) | {"stage_directions": meta["stage_directions"]},
            "vectors": []})
        previous = uid
    for speaker in dict.fromkeys(str(s) for s in transcript.turns["speaker"]):
        person = person_of(by_speaker, speaker)
        part.speakers[speaker] = {"meta": _clean({
            "full_name": person.name, "side": person.side, "role": person.role,
            "certainty": person.certainty, "in_the_room": person.in_the_room,
            "labels": list(person.labels)}), "vectors": []}
    if first is not None:
        turns = transcript.turns
        part.conversations[first] = {"meta": _clean({
            "document": doc, "title": title_of(transcript), "source": source_name(transcript),
            "source_sha256": source_sha256(transcript), "turns": int(len(turns)),
            "words": int(turns["words"].sum()),
            "participants": [_clean({
                "id": p.id, "full_name": p.name, "side": p.side, "role": p.role,
                "speaks": p.speaks, "in_the_room": p.in_the_room, "certainty": p.certainty})
                for p in persons],
        }), "vectors": []}
    return part


def _type_name(value: object) -> str:
    return f"<class '{type(value).__name__}'>"


def _index(objects) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for meta in objects:
        for key, value in meta.items():
            names = index.setdefault(key, [])
            if _type_name(value) not in names:
                names.append(_type_name(value))
    return index


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=True, sort_keys=False)


def write_corpus(parts: list[CorpusPart], out: str | Path, name: str | None = None) -> list[Path]:
    """Write several documents' records as one ConvoKit corpus folder ``out``."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    utterances = [u for p in parts for u in p.utterances]
    speakers: dict[str, dict] = {}
    for p in parts:
        for speaker, data in p.speakers.items():
            merged = speakers.setdefault(speaker, {"meta": {}, "vectors": []})
            labels = merged["meta"].get("labels", []) + [
                label for label in data["meta"].get("labels", [])
                if label not in merged["meta"].get("labels", [])]
            merged["meta"] = {**data["meta"], **merged["meta"], "labels": labels}
    conversations = {k: v for p in parts for k, v in p.conversations.items()}
    corpus_meta = {"name": name or (parts[0].document if len(parts) == 1 else "corpus"),
                   "documents": [p.document for p in parts], "generator": generator_name(),
                   "kit_version": kit_version(), "counting_rules_version": COUNTING_RULES_VERSION}
    index = {
        "utterances-index": _index(u["meta"] for u in utterances),
        "speakers-index": _index(s["meta"] for s in speakers.values()),
        "conversations-index": _index(c["meta"] for c in conversations.values()),
        "overall-index": _index([corpus_meta]),
        "version": 1,
        "vectors": [],
    }
    written = [write_text(folder / "utterances.jsonl", "".join(_dump(u) + "\n" for u in utterances))]
    for filename, value in (("speakers.json", speakers), ("conversations.json", conversations),
                            ("corpus.json", corpus_meta), ("index.json", index)):
        written.append(write_text(folder / filename, _dump(value) + "\n"))
    return written


def write(transcript, out: str | Path, *, document: str | None = None, people=None,
          name: str | None = None) -> list[Path]:
    """Write one transcript as a ConvoKit corpus folder ``out``; returns the five files."""
    return write_corpus([records(transcript, document, people)], out, name)
