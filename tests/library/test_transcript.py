"""The Transcript: its repr, equality, the speaker and people files, and where turns are."""
from __future__ import annotations

from pathlib import Path

import pytest

import helpers
from helpers.people import PEOPLE_COLUMNS, load_people

DATA = Path(__file__).resolve().parents[1] / "data"


def test_short_repr_and_equality_by_identity(cable):
    assert repr(cable) == f"<Transcript {cable.path!r}: 11 turns, 2 speakers>"
    assert len(repr(cable)) < 200
    other = helpers.load(cable.path)
    assert cable == cable and cable != other  # never "the truth value of a DataFrame is ambiguous"
    assert repr(helpers.parse_text("Ann: Hi.")) == "<Transcript '<text>': 1 turn, 1 speaker>"


def test_load_needs_a_path():
    with pytest.raises(ValueError, match="load_cable"):
        helpers.load(None)  # type: ignore[arg-type]


def test_one_name_for_the_speaker_file(tmp_path):
    speakers = tmp_path / "names.csv"
    speakers.write_text("label,speaker,side\nPRESIDENT HALE,Hale,Host\n", encoding="utf-8")
    for record in (helpers.load(DATA / "form_press_conference.txt", speakers=speakers),
                   helpers.parse_text((DATA / "form_press_conference.txt").read_text(encoding="utf-8"),
                                      speakers=speakers)):
        assert "Hale" in record.turns["speaker"].astype(str).tolist()
        assert [a.speaker for a in record.aliases] == ["Hale"]


def test_people_fall_back_to_the_speakers():
    record = helpers.load(DATA / "form_press_conference.txt")
    assert record.people_file is None
    assert list(record.people.columns) == PEOPLE_COLUMNS
    assert record.people["id"].tolist() == list(record.turns["speaker"].cat.categories)


def test_people_file_beside_the_transcript_or_given(tmp_path):
    source = tmp_path / "talk.txt"
    source.write_text("Ann: Hello.\n\nBob: Hi.", encoding="utf-8")
    people = tmp_path / "talk.people.csv"
    people.write_text(",".join(PEOPLE_COLUMNS) + "\nAnn,Ann Smith,,chair,yes,yes,confirmed,,\n"
                      "Cy,,,,yes,no,probable,silent,\n", encoding="utf-8")
    record = helpers.load(source)
    assert record.people_file == str(people)
    assert record.people["id"].tolist() == ["Ann", "Cy"]
    elsewhere = tmp_path / "cast.csv"
    elsewhere.write_text(people.read_text(encoding="utf-8"), encoding="utf-8")
    assert helpers.load(source, people=elsewhere).people_file == str(elsewhere)


def test_a_bad_people_file_names_its_line(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text(",".join(PEOPLE_COLUMNS) + "\nAnn,,,,maybe,yes,,,\n", encoding="utf-8")
    with pytest.raises(helpers.DataFileError) as caught:
        load_people(path)
    assert str(caught.value) == f"{path}:2: error: in_the_room must be yes or no, not 'maybe'"
    path.write_text("id,full_name\nAnn,A\n", encoding="utf-8")
    with pytest.raises(helpers.DataFileError, match="missing: side, role"):
        load_people(path)


def test_turn_lookup(cable):
    assert cable.turn(8)["speaker"] == "Stalin"
    with pytest.raises(ValueError, match="no turn 12: the record has turns 1 to 11"):
        cable.turn(12)
    with pytest.raises(ValueError, match="no turn 1: the record has no turns"):
        helpers.parse_text("A memorandum with no speech.").turn(1)


def test_error_hierarchy_and_one_line_forms():
    assert issubclass(helpers.TranscriptError, helpers.KitError)
    assert issubclass(helpers.DataFileError, helpers.KitError)
    assert issubclass(helpers.OutputError, helpers.KitError)
    assert issubclass(helpers.TranscriptError, ValueError)  # `except ValueError` still catches it
    assert str(helpers.TranscriptError("never closes", "a.txt", 3, 9)) == "a.txt:3:9: error: never closes"
    assert str(helpers.DataFileError("bad row", "d.csv", 4)) == "d.csv:4: error: bad row"
    assert str(helpers.OutputError("cannot write", "o.csv")) == "o.csv: error: cannot write"
