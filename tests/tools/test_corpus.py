"""The demo corpus (tests/data/corpus): converted from FRUS TEI by tools/frus_to_text.py, never typed.

Each test here checks what PROVENANCE.md promises: the converter gives the committed texts byte
for byte, the SHA-256 of each text is the one recorded, and every record reads as a transcript.
"""
from __future__ import annotations

import csv
import hashlib
import importlib.util
from pathlib import Path

import pytest

import helpers
from helpers.course import paths

CORPUS = paths.ROOT / "tests" / "data" / "corpus"
ROWS = list(csv.DictReader(open(CORPUS / "provenance.csv", encoding="utf-8", newline="")))

_spec = importlib.util.spec_from_file_location("frus_to_text", paths.ROOT / "tools" / "frus_to_text.py")
frus_to_text = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(frus_to_text)


def test_the_corpus_has_five_records_of_one_kind_and_nothing_unlisted():
    assert len(ROWS) >= 5
    assert {r["file"] for r in ROWS} == {p.name for p in CORPUS.glob("*.txt")}
    assert {r["fragment"] for r in ROWS} == {f"tei/{p.name}" for p in (CORPUS / "tei").glob("*.xml")}
    assert {r["path"] for r in ROWS} == {"volumes/frus1964-68v32.xml"}
    assert all(r["title"].startswith("Telephone Conversation") for r in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[r["document_id"] for r in ROWS])
def test_converter_gives_the_committed_text_byte_for_byte(row):
    fragment = (CORPUS / row["fragment"]).read_text(encoding="utf-8")
    assert frus_to_text.convert(fragment).encode("utf-8") == (CORPUS / row["file"]).read_bytes()


@pytest.mark.parametrize("row", ROWS, ids=[r["document_id"] for r in ROWS])
def test_provenance_sha256_size_and_offsets(row):
    data = (CORPUS / row["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == row["sha256"]
    assert len(data) == int(row["bytes"])
    assert 2_000 < len(data) < 40_000  # a few kB to ~40 kB each
    fragment = (CORPUS / row["fragment"]).read_text(encoding="utf-8")
    assert int(row["fragment_end"]) - int(row["fragment_start"]) == len(fragment)
    assert f'xml:id="{row["document_id"]}"' in fragment.split(">", 1)[0]
    assert row["address"].endswith("/frus1964-68v32/" + row["document_id"])
    assert row["commit"] and len(row["commit"]) == 40


def test_extract_document_cuts_a_div_out_of_a_volume_exactly():
    fragments = {r["document_id"]: (CORPUS / r["fragment"]).read_text(encoding="utf-8") for r in ROWS}
    volume = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="chapter">\n'
              + "\n<pb n=\"1\"/>\n".join(fragments.values()) + "\n</div></body></text></TEI>")
    for doc, fragment in fragments.items():
        cut, start, end = frus_to_text.extract_document(volume, doc)
        assert cut == fragment and volume[start:end] == fragment
    with pytest.raises(ValueError):
        frus_to_text.extract_document(volume, "d999")


def test_converter_rule_on_a_small_document():
    fragment = """<div type="document" n="1" subtype="telcon" xml:id="d1">
        <head>1. Telephone Conversation Between <persName>Smith</persName> and President Doe
            <note n="1" type="source">Source: Somewhere. No classification marking.</note>
        </head>
        <dateline><placeName>Washington</placeName>, <date when="1965-01-01">January 1, 1965</date>.</dateline>
        <list type="subject"><head>SUBJECT</head><item>Things</item></list>
        <p>President: How are
            you?<note n="2">Not further identified.</note> Fine.<pb n="2"/></p>
        <p>
            <persName>Smith</persName>: Well<lb/>enough [<hi rend="italic">sic</hi>].</p>
    </div>"""
    assert frus_to_text.convert(fragment) == (
        "1. Telephone Conversation Between Smith and President Doe[1]\n\n"
        "Washington, January 1, 1965.\n\n"
        "SUBJECT\nThings\n\n"
        "President: How are you?[2] Fine.\n\n"
        "Smith: Well\nenough [sic].\n\n"
        "1. Source: Somewhere. No classification marking.\n\n"
        "2. Not further identified.\n")


def test_command_line_writes_the_text(tmp_path):
    row = ROWS[0]
    out = tmp_path / "out.txt"
    assert frus_to_text.main([str(CORPUS / row["fragment"]), "-o", str(out)]) == 0
    assert out.read_bytes() == (CORPUS / row["file"]).read_bytes()


@pytest.mark.parametrize("row", ROWS, ids=[r["document_id"] for r in ROWS])
def test_every_record_reads_with_its_speaker_file(row):
    record = helpers.load(CORPUS / row["file"])
    assert record.warnings == []
    assert len(record.turns) >= 10
    assert "Johnson" in set(record.turns["speaker"].astype(str))
    for turn in record.turns.itertuples():
        assert record.source[turn.start:turn.end] == turn.text
    # the notes at the end are never anyone's speech
    assert not any(t.startswith("1. Source:") for t in record.turns["text"])
