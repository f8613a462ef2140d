"""Web Annotation export: every selector resolves back to its anchor in the source."""
from __future__ import annotations

import base64
import hashlib
import json

import pandas as pd
import pytest

import helpers
from helpers.course import paths
from helpers.annotations import load_annotations, load_topics
from helpers.formats import webanno


def resolve_by_quote(source: str, quote: dict) -> int:
    """Where a TextQuoteSelector points: the one place prefix + exact + suffix stands."""
    whole = quote["prefix"] + quote["exact"] + quote["suffix"]
    at = source.find(whole)
    assert at >= 0 and source.find(whole, at + 1) < 0, "the quote with its context is unique"
    return at + len(quote["prefix"])


def test_every_note_of_the_cable_resolves_to_its_anchor(tmp_path, cable):
    notes, topics = load_annotations(paths.ANNOTATIONS), load_topics(paths.TOPICS)
    out = tmp_path / "notes.jsonld"
    assert webanno.write(cable, out, annotations=notes, topics=topics) == [out]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == len(notes)
    items = data["first"]["items"]
    assert [i["id"] for i in items] == [f"notes.jsonld#{n}" for n in notes["note_id"]]
    digest = base64.urlsafe_b64encode(hashlib.sha256(paths.SEED.read_bytes()).digest()).decode().rstrip("=")
    labels = dict(zip(topics["topic"], topics["label"]))
    for item, note in zip(items, notes.itertuples()):
        assert item["type"] == "Annotation" and item["motivation"] == "commenting"
        target = item["target"]
        assert target["source"]["id"] == f"ni:///sha-256;{digest}"
        quote, position = target["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        assert quote["exact"] == note.anchor
        assert cable.source[position["start"]:position["end"]] == note.anchor
        assert cable.source[position["start"] - len(quote["prefix"]):position["start"]] == quote["prefix"]
        assert cable.source[position["end"]:position["end"] + len(quote["suffix"])] == quote["suffix"]
        assert resolve_by_quote(cable.source, quote) == position["start"]
        turn = cable.turns[cable.turns.turn == note.turn].iloc[0]
        assert turn.start <= position["start"] and position["end"] <= turn.end
        bodies = {b["purpose"]: b for b in item["body"] if b.get("type") == "TextualBody"}
        assert bodies["commenting"]["value"] == note.note
        assert labels[note.topic] in [b["value"] for b in item["body"] if b.get("purpose") == "tagging"]
    assert "counting rules version" in data["generator"]["name"]
    assert helpers.__version__ in data["generator"]["name"]
    assert paths.SEED_SHA256 in data["label"]


def test_links_and_glossary_terms_become_bodies(cable):
    data = webanno.collection(cable, load_annotations(paths.ANNOTATIONS))
    first = data["first"]["items"][0]
    assert {"id": "https://history.state.gov/historicaldocuments/frus1949v05/d365",
            "purpose": "linking"} in first["body"]
    assert {"type": "TextualBody", "purpose": "tagging", "value": "Vyshinsky"} in first["body"]


def test_needs_notes_and_refuses_an_anchor_not_in_its_turn(tmp_path, cable):
    with pytest.raises(ValueError, match="needs the notes"):
        webanno.write(cable, tmp_path / "x.jsonld")
    bad = pd.DataFrame([{"id": "x1", "turn": 2, "anchor": "not in the cable", "topic": "t", "note": "n"}])
    with pytest.raises(ValueError, match="x1"):
        webanno.collection(cable, bad)
    with pytest.raises(ValueError, match="turn"):
        webanno.collection(cable, [{"id": "x2", "turn": 99, "anchor": "Yes", "note": "n"}])


def test_a_string_transcript_and_a_minimal_table():
    t = helpers.parse_text("Memo\n\nAlice: We agree on the river.\n", name="memo.txt")
    data = webanno.collection(t, [{"turn": 1, "anchor": "the river", "note": "A border."}],
                              base="https://example.org/notes")
    item = data["first"]["items"][0]
    assert item["id"] == "https://example.org/notes#note1"
    digest = base64.urlsafe_b64encode(hashlib.sha256(t.source.encode()).digest()).decode().rstrip("=")
    assert item["target"]["source"]["id"] == f"ni:///sha-256;{digest}"
    assert item["target"]["selector"][1] == {"type": "TextPositionSelector", "start": 25, "end": 34}
