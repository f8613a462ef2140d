"""ConvoKit export, read back by ConvoKit's documented corpus format (without ConvoKit).

The reader below follows ConvoKit's documentation (docs/source/data_format.rst) and its loader
(convokit/model/corpus_helpers.py): utterances.jsonl one JSON object per line with id,
speaker, conversation_id, reply_to (or reply-to), timestamp, text and meta; speakers.json and
conversations.json as {id: {"meta": ..., "vectors": [...]}}; corpus.json a dict; index.json
with the four indexes (each field: a list of type names) and a version.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import helpers
from helpers.counting import COUNTING_RULES_VERSION
from helpers.course import paths
from helpers.formats import convokit

CORPUS = paths.ROOT / "tests" / "data" / "corpus"


def read_convokit_dir(folder: Path) -> dict:
    """Load a corpus folder the way ConvoKit's loader does (files opened as it opens them)."""
    with open(folder / "utterances.jsonl") as f:  # ConvoKit names no encoding: ASCII-safe JSON
        utterances = [json.loads(line) for line in f]
    with open(folder / "speakers.json") as f:
        speakers = json.load(f)
    with open(folder / "conversations.json") as f:
        conversations = json.load(f)
    with open(folder / "corpus.json") as f:
        corpus = json.load(f)
    with open(folder / "index.json") as f:
        index = json.load(f)
    for u in utterances:
        assert {"id", "speaker", "conversation_id", "timestamp", "text", "meta"} <= set(u)
        assert "reply_to" in u or "reply-to" in u
        u["reply_to"] = u.get("reply_to", u.get("reply-to"))
        assert u["speaker"] in speakers, "every utterance's speaker has speaker data"
        assert u["conversation_id"] in conversations
    for data in list(speakers.values()) + list(conversations.values()):
        assert set(data) == {"meta", "vectors"}
    assert set(index) >= {"utterances-index", "speakers-index", "conversations-index",
                          "overall-index", "version"}
    for name, objects in (("utterances-index", [u["meta"] for u in utterances]),
                          ("speakers-index", [s["meta"] for s in speakers.values()]),
                          ("conversations-index", [c["meta"] for c in conversations.values()]),
                          ("overall-index", [corpus])):
        for meta in objects:
            for key, value in meta.items():
                assert f"<class '{type(value).__name__}'>" in index[name][key], (name, key)
    return {"utterances": utterances, "speakers": speakers, "conversations": conversations,
            "corpus": corpus, "index": index}


def assert_recovers(corpus: dict, transcript, document: str) -> None:
    utts = [u for u in corpus["utterances"] if u["meta"]["document"] == document]
    turns = transcript.turns
    assert [u["meta"]["turn"] for u in utts] == list(turns["turn"])
    assert [u["speaker"] for u in utts] == [str(s) for s in turns["speaker"]]
    assert [u["text"] for u in utts] == list(turns["spoken"])
    for u, t in zip(utts, turns.itertuples()):
        m = u["meta"]
        assert (m["start"], m["end"], m["line_start"], m["line_end"]) == (
            t.start, t.end, t.line_start, t.line_end)
        assert transcript.source[m["start"]:m["end"]] == m["source_text"] == t.text
        assert (m["words"], m["characters"], m["sentences"], m["label"]) == (
            t.words, t.characters, t.sentences, t.label)
        assert m["stage_directions"] == list(t.stage_directions)
    assert utts[0]["reply_to"] is None
    assert [u["reply_to"] for u in utts[1:]] == [u["id"] for u in utts[:-1]]
    assert {u["conversation_id"] for u in utts} == {utts[0]["id"]}
    assert len({u["id"] for u in corpus["utterances"]}) == len(corpus["utterances"])


def test_cable_reads_back_every_turn_speaker_and_offset(tmp_path, cable):
    written = convokit.write(cable, tmp_path / "ck")
    assert sorted(p.name for p in written) == sorted(convokit.FILES)
    corpus = read_convokit_dir(tmp_path / "ck")
    assert_recovers(corpus, cable, "000_6ea7450cd42aaf9c")
    assert set(corpus["speakers"]) == {"Kelly", "Stalin"}
    assert corpus["speakers"]["Kelly"]["meta"]["labels"] == ["Sir. D. Kelly", "Sir D. Kelly"]
    conversation = corpus["conversations"]["000_6ea7450cd42aaf9c.t1"]["meta"]
    silent = {p["id"]: p for p in conversation["participants"] if not p["speaks"]}
    assert set(silent) == {"Vyshinsky", "Pavlov", "Harrison", "Hayward"}
    assert silent["Pavlov"]["certainty"] == "probable"
    assert conversation["source_sha256"] == paths.SEED_SHA256
    assert corpus["corpus"]["kit_version"] == helpers.__version__
    assert corpus["corpus"]["counting_rules_version"] == COUNTING_RULES_VERSION
    assert corpus["index"]["version"] == 1


def test_a_corpus_of_many_documents(tmp_path):
    records = [helpers.load(p) for p in sorted(CORPUS.glob("*.txt"))]
    parts = [convokit.records(r) for r in records]
    convokit.write_corpus(parts, tmp_path / "ck", name="frus")
    corpus = read_convokit_dir(tmp_path / "ck")
    assert corpus["corpus"]["documents"] == [p.stem for p in sorted(CORPUS.glob("*.txt"))]
    assert len(corpus["conversations"]) == len(records)
    for record, part in zip(records, parts):
        assert_recovers(corpus, record, part.document)
    assert "Johnson" in corpus["speakers"]  # merged across documents, labels kept
    assert corpus["speakers"]["Johnson"]["meta"]["labels"] == ["President"]


def test_no_turns_and_document_id(tmp_path):
    empty = helpers.parse_text("No speech here at all.", name="memo.txt")
    convokit.write(empty, tmp_path / "ck", document="my memo")
    corpus = read_convokit_dir(tmp_path / "ck")
    assert corpus["utterances"] == [] and corpus["conversations"] == {}
    assert corpus["corpus"]["documents"] == ["my_memo"]


def test_loads_in_convokit_when_it_is_installed(tmp_path, cable, monkeypatch):
    pytest.importorskip("convokit", reason="ConvoKit is optional (its install pulls spaCy and PyTorch)")
    monkeypatch.setenv("HOME", str(tmp_path))  # importing ConvoKit writes ~/.convokit/config.yml
    from convokit import Corpus

    convokit.write(cable, tmp_path / "ck")
    corpus = Corpus(filename=str(tmp_path / "ck"))
    assert len(list(corpus.iter_utterances())) == 11
    assert os.path.isdir(tmp_path / "ck")
