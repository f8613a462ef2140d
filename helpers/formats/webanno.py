"""Topic notes as W3C Web Annotation JSON-LD, anchored to the source by quote and by position.

The notes are an annotations table such as ``data/annotations.csv``: one row per note with a
``turn``, an ``anchor`` (a phrase copied exactly from that turn's text), a ``topic``, the
``note`` and, as available, an id (``note_id`` or ``id``), a ``source`` (where an outside fact
comes from; several separated by ``;``) and ``glossary`` terms (separated by ``;``). Nothing
here knows whose notes they are: the caller passes the table (and, if it likes, a topics table
``topic,label,...`` to give each topic its label).

The file is one ``AnnotationCollection`` (Web Annotation Data Model, W3C Recommendation of
23 February 2017, with its JSON-LD context ``http://www.w3.org/ns/anno.jsonld``) whose
``first`` page holds every note as an ``Annotation``:

- ``id``: ``<base>#<note id>``, where ``base`` is the collection's own IRI (by default the
  output file's name, a relative IRI; pass ``base=`` for a published address).
- ``motivation``: ``commenting``.
- ``body``: the note (``TextualBody``, ``purpose: commenting``, ``format: text/plain``); the
  topic (``TextualBody``, ``purpose: tagging``, its label when a topics table is given, else
  its id); each glossary term (``purpose: tagging``); each web address in ``source``
  (``purpose: linking``).
- ``target``: a ``SpecificResource`` whose ``source`` is the transcript's file identified by
  its SHA-256, as an RFC 6920 named-information URI ``ni:///sha-256;<digest>`` (the digest in
  unpadded base64url; the hex digest is in the collection's ``label``), with two selectors:
  a ``TextQuoteSelector`` (``exact``: the anchor; ``prefix`` and ``suffix``: up to 32
  characters either side in the source) and a ``TextPositionSelector`` (``start``, ``end``:
  the anchor's offsets in the decoded source, counted in code points from 0, the kit's own
  offsets). The source is plain text, so no markup is stripped before counting; unlike the
  model's default "normalization", white space is counted as written.
- ``generator``: the kit as ``Software``, named with its version and its counting rules'
  version.

An anchor must stand in its turn's text (``helpers.annotations.validate_annotations`` checks
that it stands exactly once); one that does not is a ``ValueError`` naming the note.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from ._common import (
    generator_name, ni_uri, rows, source_name, source_sha256, write_text,
)

__all__ = ["CONTEXT", "CONTEXT_CHARS", "collection", "write"]

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_CHARS = 32
_URL = re.compile(r"https?://\S+")


def _rows(table) -> list[dict]:
    if table is None:
        return []
    if isinstance(table, pd.DataFrame):
        return table.to_dict(orient="records")
    return [dict(row) for row in table]


def _str(value) -> str:
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


def collection(transcript, notes, topics=None, *, base: str = "annotations.jsonld",
               source_id: str | None = None) -> dict:
    """The notes as one AnnotationCollection (a JSON-ready dict)."""
    src = transcript.source
    sha = source_sha256(transcript)
    target_source = {"id": source_id or ni_uri(sha), "type": "Text", "format": "text/plain"}
    labels = {_str(r.get("topic")): _str(r.get("label")) for r in _rows(topics)}
    turns = {int(t.turn): t for t in rows(transcript.turns)}
    generator = {"type": "Software", "name": generator_name()}
    items = []
    for number, row in enumerate(_rows(notes), 1):
        note_id = _str(row.get("note_id")) or _str(row.get("id")) or f"note{number}"
        raw_anchor = row.get("anchor")
        anchor = raw_anchor if isinstance(raw_anchor, str) else ""
        turn_value = row.get("turn")
        try:
            turn = turns[int(turn_value)]  # type: ignore[arg-type]  # a bad value raises below
        except (KeyError, TypeError, ValueError):
            raise ValueError(f"note {note_id}: turn {turn_value!r} is not a turn of "
                             f"{source_name(transcript)}") from None
        at = str(turn.text).find(anchor) if anchor else -1
        if at < 0:
            raise ValueError(f"note {note_id}: the anchor {anchor!r} is not in turn {int(turn.turn)}")
        start = int(turn.start) + at
        end = start + len(anchor)
        body = [{"type": "TextualBody", "purpose": "commenting", "format": "text/plain",
                 "value": _str(row.get("note"))}]
        topic = _str(row.get("topic"))
        if topic:
            body.append({"type": "TextualBody", "purpose": "tagging",
                         "value": labels.get(topic) or topic})
        for term in _str(row.get("glossary")).split(";"):
            if term.strip():
                body.append({"type": "TextualBody", "purpose": "tagging", "value": term.strip()})
        for url in _URL.findall(_str(row.get("source"))):
            body.append({"id": url.rstrip(";,."), "purpose": "linking"})
        items.append({
            "id": f"{base}#{note_id}",
            "type": "Annotation",
            "motivation": "commenting",
            "body": body,
            "target": {
                "type": "SpecificResource",
                "source": target_source,
                "selector": [
                    {"type": "TextQuoteSelector", "exact": anchor,
                     "prefix": src[max(0, start - CONTEXT_CHARS):start],
                     "suffix": src[end:end + CONTEXT_CHARS]},
                    {"type": "TextPositionSelector", "start": start, "end": end},
                ],
            },
            "generator": generator,
        })
    return {
        "@context": CONTEXT,
        "id": base,
        "type": "AnnotationCollection",
        "label": f"Notes on {source_name(transcript)} (SHA-256 {sha})",
        "total": len(items),
        "generator": generator,
        "first": {"id": f"{base}#page1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def write(transcript, out: str | Path, *, annotations=None, topics=None, base: str | None = None,
          source_id: str | None = None) -> list[Path]:
    """Write the notes ``annotations`` (required) as one JSON-LD file ``out``."""
    if annotations is None:
        raise ValueError("the webanno format needs the notes: pass annotations= (a table "
                         "with turn, anchor, topic, note), e.g. --annotations FILE")
    path = Path(out)
    data = collection(transcript, annotations, topics, base=base or path.name,
                      source_id=source_id)
    return [write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")]
