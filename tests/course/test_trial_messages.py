"""The classroom trial of 2 December 2026 (/work/coord/trial-class/REPORT.md), item 4: the
smaller plain messages say what fits the exercise, with no programmer's words."""
from __future__ import annotations

import pytest

from helpers.course import exercise, plain, reset


def test_a_turn_typed_in_words_is_asked_for_like_1_not_like_100():
    note = exercise.start("02").without_turn("one")
    assert isinstance(note, exercise.Note)
    assert "like 1," in note.sentence and "100" not in note.sentence


def test_a_topic_label_or_a_misspelt_id_in_check_note_gets_its_id(capsys):
    ex = exercise.start("03")
    ex.check_note(9, "self-defense", "American forces")
    assert '"american_forces"' in capsys.readouterr().out
    ex.check_note(9, "self-defense", "amercan_forces")
    out = capsys.readouterr().out
    assert 'Did you mean "american_forces"?' in out and "not in the topic list" not in out


def test_reset_takes_a_number_without_its_zero_and_says_plainly_when_there_is_none():
    assert reset.notebook_path("2").name.startswith("02_")
    with pytest.raises(plain.Slip) as raised:
        reset.reset_message("7")
    sentence = plain.explain(plain.Slip, raised.value)
    assert sentence is not None and sentence.startswith("There is no notebook “7”")
    assert "/" not in sentence and "cannot read a file" not in sentence


def test_a_number_written_in_words_is_checked_and_figures_are_asked_for_otherwise():
    assert exercise.check("01-4", "three").data.startswith("**Right.**")
    assert "written in figures (like 3)" in exercise.check("01-4", "lots").data


def test_days_names_no_function():
    text = exercise.start("04").days(1949, 4, 4).data
    assert "cm." not in text and "days_from_meeting" not in text and "-105 days" in text


def test_person_tells_a_speaker_label_from_words_spoken():
    text = exercise.start("01").person("Stalin").data
    assert "line 40 (turn 2, the speaker's label, not words spoken)" in text
    assert "line 32 (turn 1, spoken)" in text
    assert "(turn 2, spoken)" not in text
